package dev.ale.verifiers;

import dev.ale.api.Trajectory;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.VerificationContext;
import dev.ale.api.task.TaskSpec;
import dev.ale.testfixtures.TestTasks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A verification context over two temporary directories, with helpers to fill them. */
public record TestContext(Path output, Path reference) implements VerificationContext {
    /** A context with fresh {@code output/} and {@code reference/} directories under {@code dir}. */
    public static TestContext in(Path dir) {
        try {
            return new TestContext(
                    Files.createDirectories(dir.resolve("output")), Files.createDirectories(dir.resolve("reference")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes an output file (UTF-8), creating its directories. */
    public TestContext out(String rel, String content) {
        return out(rel, content.getBytes(StandardCharsets.UTF_8));
    }

    public TestContext out(String rel, byte[] content) {
        write(output.resolve(rel), content);
        return this;
    }

    /** Writes a reference file (UTF-8), creating its directories. */
    public TestContext ref(String rel, String content) {
        write(reference.resolve(rel), content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Builds the verifier of {@code config} (single quotes allowed) and runs it on this context. */
    public Verdict verify(String config) throws Exception {
        return Fixture.create(config).verify(this);
    }

    private static void write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public TaskSpec task() {
        return TestTasks.spec("test-task");
    }

    @Override
    public Trajectory trajectory() {
        throw new UnsupportedOperationException("the built-in verifiers do not read the trajectory");
    }
}
