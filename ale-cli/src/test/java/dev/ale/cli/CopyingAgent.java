package dev.ale.cli;

import dev.ale.api.Harness;
import dev.ale.api.SessionContext;
import dev.ale.api.SessionOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A harness named by class on the command line for imported ALE tasks: it copies the task's passing
 * replay fixture ({@code output_test_pos/} of the ALE-shaped test data under {@link #DATA}) into the
 * workspace's {@code output/}, as an agent that solved the task would leave it.
 */
public final class CopyingAgent implements Harness {
    /** The ALE-shaped data root of the tests: {@code <cluster>/<task>[/base]/output_test_pos/}. */
    static final Path DATA = Path.of("../ale-taskpack/src/test/resources/dev/ale/taskpack/ale/tree/data");

    @Override
    public SessionOutcome run(SessionContext ctx) throws IOException {
        Path task = DATA.resolve(ctx.task().metadata().get("aleTaskId").asText());
        Path from = Files.isDirectory(task.resolve("base"))
                ? task.resolve("base/output_test_pos")
                : task.resolve("output_test_pos");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = ctx.workspace()
                        .resolve("output")
                        .resolve(from.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.write(to, Files.readAllBytes(f));
            }
        }
        return SessionOutcome.completed();
    }
}
