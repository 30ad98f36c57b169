package dev.ale.verifiers;

import dev.ale.api.spi.Verdict;
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

    /**
     * Writes {@code content} to the output file {@code file} and verifies it with the verifier
     * {@code type} reading that file and taking {@code options} (a JSON object's members, single quotes allowed).
     */
    protected Verdict verifyFile(String type, String file, String content, String options) throws Exception {
        return ctx.out(file, content).verify("{'type': '" + type + "', 'file': '" + file + "', " + options + "}");
    }
}
