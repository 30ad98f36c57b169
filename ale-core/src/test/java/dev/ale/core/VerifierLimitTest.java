package dev.ale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.Cause;
import dev.ale.api.Harness;
import dev.ale.api.Outcome;
import dev.ale.api.SessionOutcome;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierFactories;
import dev.ale.api.spi.VerifierLimitException;
import dev.ale.api.task.Task;
import dev.ale.verifiers.VerifierRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent cannot turn its failure into an ERROR (left out of the rates): an output that drives the
 * verifier past its deadline or one of its limits is FAILED with cause VERIFIER_LIMIT, and so is an
 * output whose links lead into the runner's reference areas (cause GATE). A reference file that a
 * verifier names but the task lacks is the pack's error: ERROR PACK, and the agent is not run again.
 */
class VerifierLimitTest {
    @TempDir
    Path tmp;

    @Test
    void outputsThatDriveTheVerifierPastItsLimitsFailTheAgent() {
        Map<String, Integer> runs = new ConcurrentHashMap<>();
        Harness harness = ctx -> {
            runs.merge(ctx.task().id(), 1, Integer::sum);
            Files.writeString(ctx.workspace().resolve("answer.txt"), "41");
            if (ctx.task().id().equals("links-into-areas")) {
                Path base = ReferenceAreas.defaultBase(System::getProperty, System::getenv);
                Files.delete(ctx.workspace().resolve("answer.txt"));
                Files.createSymbolicLink(
                        ctx.workspace().resolve("answer.txt"), base.resolve("run-1-00/x.1-1/reference/answer.txt"));
            }
            return SessionOutcome.completed();
        };
        List<Task> tasks = List.of(
                TestTasks.withConfig("slow-on-this-output", "{\"type\": \"limit.sleeps\"}"),
                TestTasks.withConfig("grader-over-its-output-cap", "{\"type\": \"limit.throws\"}"),
                TestTasks.withConfig(
                        "links-into-areas", "{\"type\": \"text\", \"file\": \"answer.txt\", \"equals\": \"42\"}"),
                TestTasks.withConfig(
                        "reference-file-missing",
                        "{\"type\": \"text\", \"file\": \"answer.txt\", \"equalsFile\": \"no-such-file.txt\"}"));
        EvaluationReport report = Evaluator.builder()
                .tasks(tasks)
                .harness(harness)
                .verifiers(new LimitVerifiers())
                .sandboxProvider(Sandboxes.localDirectory(tmp.resolve("sandboxes"), false))
                .verifierTimeout(Duration.ofMillis(300))
                .interruptGrace(Duration.ofMillis(300))
                .retries(2, Duration.ZERO)
                .build()
                .run();

        Map<String, AttemptResult> byId =
                report.attempts().stream().collect(Collectors.toMap(AttemptResult::taskId, a -> a));
        assertEnded(byId.get("slow-on-this-output"), Outcome.FAILED, Cause.VERIFIER_LIMIT, "past its deadline");
        assertEnded(byId.get("grader-over-its-output-cap"), Outcome.FAILED, Cause.VERIFIER_LIMIT, "wrote more than");
        assertEnded(byId.get("links-into-areas"), Outcome.FAILED, Cause.GATE, "reference areas");
        assertEnded(byId.get("reference-file-missing"), Outcome.ERROR, Cause.PACK, "reference/no-such-file.txt");
        assertEquals(1, runs.get("reference-file-missing"), "an error of the pack never runs the agent again");
        assertEquals(1, report.count(Outcome.ERROR), report.summary());
    }

    private static void assertEnded(AttemptResult a, Outcome outcome, Cause cause, String fragment) {
        assertEquals(outcome, a.outcome(), a.taskId() + ": " + a.message());
        assertEquals(cause, a.cause(), a.taskId() + ": " + a.message());
        assertTrue(a.message().contains(fragment), a.taskId() + ": " + a.message());
    }

    /** The built-in verifiers, plus {@code limit.sleeps} (past any deadline) and {@code limit.throws}. */
    private static final class LimitVerifiers implements VerifierFactories {
        private final VerifierRegistry builtIn = VerifierRegistry.discover();

        @Override
        public Verifier create(JsonNode config, String pointer) {
            return switch (config.path("type").asText()) {
                case "limit.sleeps" -> ctx -> {
                    Thread.sleep(Duration.ofMinutes(5).toMillis());
                    return Verdict.of(1, "woke", List.of());
                };
                case "limit.throws" -> ctx -> {
                    throw new VerifierLimitException("grader", "the grader wrote more than 1024 bytes to its stdout");
                };
                default -> builtIn.create(config, pointer);
            };
        }

        @Override
        public Set<String> types() {
            Set<String> all = new TreeSet<>(builtIn.types());
            all.addAll(Set.of("limit.sleeps", "limit.throws"));
            return all;
        }
    }
}
