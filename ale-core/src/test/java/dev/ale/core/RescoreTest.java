package dev.ale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.Outcome;
import dev.ale.api.SessionOutcome;
import dev.ale.api.spi.Check;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierFactories;
import dev.ale.api.task.PackRef;
import dev.ale.api.task.Task;
import dev.ale.taskpack.PackInfo;
import dev.ale.taskpack.TaskFilter;
import dev.ale.taskpack.TaskPack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Re-scoring stored artefacts with newer verifiers, no harness run. */
class RescoreTest {
    /** A pack over in-memory tasks. */
    record ListPack(List<Task> tasks) implements TaskPack {
        @Override
        public PackRef ref() {
            return TestTasks.PACK;
        }

        @Override
        public PackInfo info() {
            return new PackInfo("ale-taskpack", "1.0", "", "");
        }

        @Override
        public Optional<Task> task(String id) {
            return tasks.stream().filter(t -> t.id().equals(id)).findFirst();
        }

        @Override
        public Map<String, List<String>> lists() {
            return Map.of();
        }

        @Override
        public List<String> warnings() {
            return List.of();
        }

        @Override
        public TaskPack select(TaskFilter filter) {
            return new ListPack(tasks.stream().filter(t -> filter.test(t, this)).toList());
        }

        @Override
        public void verify() {}

        @Override
        public void close() {}
    }

    /** A newer, more lenient verifier: the answer only has to contain the reference. */
    static VerifierFactories lenient() {
        return new VerifierFactories() {
            @Override
            public Verifier create(JsonNode config, String pointer) {
                return ctx -> {
                    String expected = Files.readString(ctx.reference().resolve("answer.txt"))
                            .trim();
                    String actual =
                            Files.readString(ctx.output().resolve("answer.txt")).trim();
                    return actual.contains(expected)
                            ? Verdict.of(1, "", List.of(Check.pass("answer", expected, actual)))
                            : Verdict.of(0, "", List.of(Check.fail("answer", expected, actual)));
                };
            }

            @Override
            public Set<String> types() {
                return Set.of("file-equals");
            }
        };
    }

    @Test
    void rescoringUsesTheStoredArtefactsAndWritesANewReportBesideTheOld(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        List<Task> tasks = List.of(TestTasks.task("a", "42"), TestTasks.task("b", "7"));
        EvaluationReport original = Evaluator.builder()
                .tasks(tasks)
                .verifiers(TestTasks.registry())
                .runDirectory(dir)
                .harness(ctx -> {
                    Files.writeString(ctx.workspace().resolve("answer.txt"), "The answer is 42");
                    return SessionOutcome.completed();
                })
                .build()
                .run();
        assertEquals(0, original.count(Outcome.PASSED));
        String before = Files.readString(dir.resolve("report.json"));

        EvaluationReport rescored = Evaluator.rescore(dir, new ListPack(tasks), lenient());
        assertEquals(Outcome.PASSED, rescored.attempts().get(0).outcome());
        assertEquals(Outcome.FAILED, rescored.attempts().get(1).outcome());
        assertEquals(before, Files.readString(dir.resolve("report.json")), "the old report stays as it was");
        assertTrue(Files.readString(dir.resolve("report.rescored.json")).contains("\"PASSED\""));
    }

    @Test
    void changedTasksKeepTheirOldResult(@TempDir Path tmp) {
        Path dir = tmp.resolve("run");
        RunFixtures.builder(2, 1, 0).runDirectory(dir).build().run();
        List<Task> changed =
                List.of(RunFixtures.tasks(2).get(0), TestTasks.task("t01", "1").digest("f".repeat(64)));
        EvaluationReport r = Evaluator.rescore(dir, new ListPack(changed), lenient());
        assertEquals(2, r.attempts().size());
        assertTrue(
                r.warnings().stream().anyMatch(w -> w.contains("t01 has changed")),
                r.warnings().toString());
    }
}
