package dev.ale.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.Harness;
import dev.ale.api.SessionOutcome;
import dev.ale.api.task.Limits;
import dev.ale.api.task.SessionSpec;
import dev.ale.api.task.Task;
import dev.ale.api.task.TaskPart;
import dev.ale.api.task.TaskSpec;
import dev.ale.api.task.Taxonomy;
import dev.ale.api.task.Tier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real reports for the report-format tests of {@code dev.ale.core.report}: runs through the
 * {@link Evaluator} (with the built-in verifiers) of in-memory tasks whose outcomes cover a pass,
 * partial credit, a failed gate, a harness that gives up with hostile text, and infrastructure errors.
 */
public final class ReportFixtures {
    /** Text an agent might leave, written to break Markdown tables, XML and HTML if it were not escaped. */
    public static final String HOSTILE =
            "<script>alert(\"x\")</script> & 'quoted' | pipe\nsecond line \u0007bell \uFFFF";
    /** What the agent writes as the currency in the second trial of {@code ledger-close}: markup in a check's actual value. */
    public static final String HOSTILE_OUTPUT = "</td><img src=x onerror=alert(1)>";
    /** The harness's name, with markup in it. */
    public static final String HOSTILE_HARNESS = "fixture-agent <b>&</b>";
    /** A subfield with a pipe and markup, to show breakdown keys are escaped. */
    public static final String HOSTILE_SUBFIELD = "drafting | <b>bold</b>";

    private ReportFixtures() {}

    /**
     * Four tasks, two trials each, one attempt at a time: {@code ledger-close} passes then scores
     * partially; {@code contract-memo} gives up with {@link #HOSTILE} text; {@code freight-plan} writes
     * nothing (a failed gate); {@code broken-ref} has a corrupt reference (ERROR, not retried).
     * Outcomes: 1 passed, 5 failed, 2 errors.
     *
     * @param runDirectory where to keep the run, or null for none
     */
    public static EvaluationReport mixed(Path runDirectory) {
        Evaluator.Builder b = Evaluator.builder()
                .tasks(tasks())
                .harness(harness())
                .trials(2)
                .seed(11)
                .retries(0, Duration.ZERO);
        if (runDirectory != null) {
            b.runDirectory(runDirectory);
        }
        return b.build().run();
    }

    /** A run stopped by its cost cap after the first attempt, so the others are listed as not run. */
    public static EvaluationReport partial() {
        Harness spender = Harness.named(HOSTILE_HARNESS, ctx -> {
            ctx.trajectory().usage(10, 10, 1.0);
            return SessionOutcome.gaveUp("spent the budget");
        });
        return Evaluator.builder()
                .tasks(tasks().subList(0, 3))
                .harness(spender)
                .runCostLimitUsd(0.5)
                .build()
                .run();
    }

    /** The tasks of {@link #mixed}. */
    static List<Task> tasks() {
        String weighted =
                """
                {"type": "weighted", "checks": [
                  {"type": "file-exists", "paths": ["totals.json"], "name": "delivered", "gate": true},
                  {"type": "json", "file": "totals.json", "expectedFile": "totals.json", "name": "totals", "weight": 3},
                  {"type": "text", "file": "memo.txt", "contains": "reconciled", "name": "memo"}]}""";
        return List.of(
                new TestTasks.MemoryTask(spec(
                                "ledger-close", Tier.NEAR_TERM, "business_finance", "accounting", "13-2011", weighted))
                        .file(TaskPart.REFERENCE, "totals.json", "{\"total\": 100, \"currency\": \"USD\"}"),
                new TestTasks.MemoryTask(spec(
                        "contract-memo",
                        Tier.FULL_SPECTRUM,
                        "legal",
                        HOSTILE_SUBFIELD,
                        "23-2011",
                        "{\"type\": \"text\", \"file\": \"memo.txt\", \"contains\": \"deadline\"}")),
                new TestTasks.MemoryTask(spec(
                                "freight-plan",
                                Tier.LAST_EXAM,
                                "transport_safety",
                                "supply_chain",
                                "43-5011",
                                weighted))
                        .file(TaskPart.REFERENCE, "totals.json", "{\"total\": 1}"),
                new TestTasks.MemoryTask(spec(
                                "broken-ref", Tier.NEAR_TERM, "business_finance", "accounting", "13-2011", weighted))
                        .broken(TaskPart.REFERENCE));
    }

    private static TaskSpec spec(String id, Tier tier, String cluster, String subfield, String soc, String verifier) {
        try {
            JsonNode config = TestTasks.JSON.readTree(verifier);
            return new TaskSpec(
                    id,
                    1,
                    "Task " + id,
                    new Taxonomy(cluster, subfield, List.of(soc)),
                    tier,
                    new Limits(Duration.ofSeconds(30), 0, 0),
                    List.of(new SessionSpec(1, "Do the work.")),
                    config,
                    1.0,
                    null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Harness harness() {
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        return Harness.named(HOSTILE_HARNESS, ctx -> {
            String id = ctx.task().id();
            int call = calls.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            ctx.trajectory().toolCall("write_file", id);
            ctx.trajectory().usage(120, 30, 0.002);
            switch (id) {
                case "ledger-close", "broken-ref" -> {
                    String currency = call == 1 ? "USD" : HOSTILE_OUTPUT;
                    Files.writeString(
                            ctx.workspace().resolve("totals.json"),
                            "{\"total\": 100, \"currency\": " + TestTasks.JSON.writeValueAsString(currency) + "}");
                    Files.writeString(ctx.workspace().resolve("memo.txt"), "All accounts reconciled.");
                    return SessionOutcome.completed();
                }
                case "contract-memo" -> {
                    return SessionOutcome.gaveUp(HOSTILE);
                }
                default -> {
                    return SessionOutcome.completed();
                }
            }
        });
    }
}
