package dev.ale.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.SessionOutcome;
import dev.ale.api.task.Tier;
import dev.ale.core.EvaluationReport;
import dev.ale.core.Evaluator;
import dev.ale.taskpack.TaskFilter;
import dev.ale.taskpack.TaskPack;
import dev.ale.taskpack.TaskPacks;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Runs the README's embedding example and checks that the README shows exactly this code. */
class ReadmeExampleTest {
    private static final Path REPO = Path.of("..");

    @Test
    void theReadmeExampleRunsAsWritten() throws Exception {
        double seen;
        Path packDir = Path.of("packs/sample");
        // readme-example:begin
        try (TaskPack pack = TaskPacks.open(packDir)) {
            EvaluationReport report = Evaluator.builder()
                    .tasks(pack.select(TaskFilter.tier(Tier.NEAR_TERM)))
                    .harness(ctx -> {
                        // your agent: read ctx.instruction(), work in ctx.workspace(), record ctx.trajectory()
                        Files.writeString(
                                ctx.workspace().resolve("notes.md"),
                                "I read: " + ctx.instruction().length());
                        return SessionOutcome.completed();
                    })
                    .trials(2)
                    .parallelism(4)
                    .build()
                    .run();
            System.out.println(report.summary());
            double fullPass = report.fullPassRate().value(); // low() and high() give the 95% interval
            // readme-example:end
            seen = fullPass;
            assertEquals(4, report.attempts().size(), "two near-term tasks, two trials each");
        }
        assertEquals(0.0, seen, "writing notes.md does not do the work");
    }

    @Test
    void theReadmeShowsThisCode() throws Exception {
        String test = Files.readString(Path.of("src/test/java/dev/ale/samples/ReadmeExampleTest.java"));
        String code = between(test, "// readme-example:begin\n", "// readme-example:end")
                .stripTrailing(); // however deep the formatter indents the end marker
        String readme = Files.readString(REPO.resolve("README.md"));
        String shown =
                between(readme, "<!-- readme-example:begin -->\n```java\n", "}\n```\n<!-- readme-example:end -->");
        assertEquals(dedent(shown), dedent(code), "README.md's example differs from the code this test runs");
    }

    private static String between(String text, String start, String end) {
        int a = text.indexOf(start);
        int b = text.indexOf(end, a + start.length());
        assertTrue(a >= 0 && b > a, "markers " + start.trim() + " / " + end.trim() + " not found");
        return text.substring(a + start.length(), b);
    }

    private static String dedent(String block) {
        int indent = block.lines()
                .filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length())
                .min()
                .orElse(0);
        StringBuilder b = new StringBuilder();
        block.lines().forEach(l -> b.append(l.length() >= indent ? l.substring(indent) : l.strip())
                .append('\n'));
        return b.toString();
    }
}
