package dev.ale.cli;

import dev.ale.api.Harness;
import dev.ale.api.SessionContext;
import dev.ale.api.SessionOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A harness named by class on the command line that hunts for an imported ALE task's grader and
 * answers in its workspace and in what it is told of the task. It gives up naming what it found, or
 * completes having found nothing. (The temporary folders are left out: on a shared machine they hold
 * other runs' files; the grader's own folders are made only after the agent has finished.)
 */
public final class SnoopingAgent implements Harness {
    private static final List<String> GRADER_FILES =
            List.of("main.py", "score_outputs.py", "score_routes.py", "score_doses.py", "ale_evaluate.py");

    @Override
    public SessionOutcome run(SessionContext ctx) throws IOException {
        String told = ctx.task().metadata().toString() + ctx.instruction();
        for (String hint : List.of("{task}", "{python}", "scripts/", "reference", "output_test_pos")) {
            if (told.contains(hint)) {
                return SessionOutcome.gaveUp("told " + hint);
            }
        }
        try (Stream<Path> all = Files.walk(ctx.workspace())) {
            for (Path p : all.toList()) {
                String name = String.valueOf(p.getFileName());
                if (GRADER_FILES.contains(name)
                        || name.equals("grader")
                        || p.startsWith(ctx.workspace().resolve("output"))) {
                    return SessionOutcome.gaveUp("found " + p);
                }
            }
        }
        return SessionOutcome.completed();
    }
}
