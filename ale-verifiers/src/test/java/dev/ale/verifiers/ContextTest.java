package dev.ale.verifiers;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test of verifiers on files: {@link #ctx} is a fresh {@link TestContext} in the temporary
 * directory {@link #dir} before each test (a subclass's own {@code @BeforeEach} runs after, and
 * may fill it).
 */
public abstract class ContextTest {
    @TempDir
    protected Path dir;

    protected TestContext ctx;

    @BeforeEach
    final void freshContext() {
        ctx = TestContext.in(dir);
    }
}
