package dev.ale.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.SessionOutcome;
import dev.ale.api.Step;
import dev.ale.api.spi.Verdict;
import dev.ale.api.task.SessionSpec;
import dev.ale.api.task.TaskSpec;
import dev.ale.samples.packgen.starter.PackCheck;
import dev.ale.testfixtures.SessionFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the rule-based agent on every task of the generated starter pack the way the runner does
 * (inputs staged, then each session's files, one instruction per session) and scores its output
 * with the task's real verifier: the agent's documented strengths and blind spots must show as
 * full passes, partial scores and failures.
 */
class RuleBasedAgentStarterTest {
    /** What the agent is expected to achieve on each task. */
    enum Expect {
        PASS,
        PARTIAL,
        FAIL
    }

    static final Map<String, Expect> EXPECTED = new TreeMap<>(Map.ofEntries(
            Map.entry("three-way-match", Expect.PASS),
            Map.entry("loan-amortization", Expect.PASS),
            Map.entry("depreciation-schedule", Expect.PASS),
            Map.entry("bates-production-log", Expect.PASS),
            Map.entry("irrigation-water-budget", Expect.PASS),
            Map.entry("lab-dilutions", Expect.PASS),
            Map.entry("psych-scale-scoring", Expect.PASS),
            Map.entry("library-circulation", Expect.PASS),
            Map.entry("service-log-error-rates", Expect.PASS),
            Map.entry("sales-aggregation", Expect.PASS),
            Map.entry("image-asset-manifest", Expect.PASS),
            Map.entry("payroll-overtime", Expect.PARTIAL),
            Map.entry("sales-tax-jurisdictions", Expect.PARTIAL),
            Map.entry("inventory-fifo", Expect.PARTIAL),
            Map.entry("medical-coding", Expect.PARTIAL),
            Map.entry("iv-infusion-rates", Expect.PARTIAL),
            Map.entry("gradebook-weighted", Expect.PARTIAL),
            Map.entry("qpcr-fold-change", Expect.PARTIAL),
            Map.entry("insurance-claim-adjudication", Expect.FAIL),
            Map.entry("binomial-option-pricing", Expect.FAIL),
            Map.entry("court-deadline-calculator", Expect.FAIL),
            Map.entry("fertilizer-rates", Expect.FAIL),
            Map.entry("beam-load-check", Expect.FAIL),
            Map.entry("electrical-load-calc", Expect.FAIL),
            Map.entry("survey-weighting", Expect.FAIL),
            Map.entry("egress-capacity", Expect.FAIL)));

    @TempDir
    static Path root;

    private static final PackCheck CHECK = PackCheck.starter();

    @Test
    void everyStarterTaskHasAnExpectation() {
        assertEquals(
                EXPECTED.keySet(),
                CHECK.pack().tasks().stream().map(t -> t.id()).collect(Collectors.toSet()));
    }

    @Test
    void passesRoughlyFortyPercentFully() {
        long passes = EXPECTED.values().stream().filter(e -> e == Expect.PASS).count();
        double share = passes / (double) EXPECTED.size();
        assertTrue(share >= 0.35 && share <= 0.45, "full passes " + passes + " of " + EXPECTED.size());
        assertTrue(EXPECTED.containsValue(Expect.PARTIAL) && EXPECTED.containsValue(Expect.FAIL));
    }

    @TestFactory
    Stream<DynamicTest> scoresAsDocumented() {
        return EXPECTED.entrySet().stream()
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
                    String id = e.getKey();
                    Path workspace = Files.createTempDirectory(root, id);
                    PackCheck.copy(CHECK.folder(id, "inputs"), workspace);
                    TaskSpec spec = CHECK.spec(id);
                    SessionOutcome last = null;
                    for (SessionSpec session : spec.sessions()) {
                        PackCheck.copy(CHECK.folder(id, "sessions/" + session.number()), workspace);
                        SessionFixture ctx = SessionFixture.over(
                                workspace,
                                id,
                                session.instruction(),
                                session.number(),
                                spec.sessions().size());
                        last = new RuleBasedAgent().run(ctx);
                        assertTrue(
                                ctx.trajectory().steps().stream().anyMatch(s -> s.kind() == Step.Kind.TOOL_CALL)
                                        || e.getValue() == Expect.FAIL,
                                id + ": the agent recorded no tool calls");
                    }
                    Verdict v = CHECK.verify(id, workspace);
                    String what = id + " scored " + v.score() + ": " + v.summary() + " (agent: " + last + ")";
                    switch (e.getValue()) {
                        case PASS -> {
                            assertTrue(v.fullPass(spec.passThreshold()), what);
                            assertEquals(SessionOutcome.Status.COMPLETED, last.status(), what);
                        }
                        case PARTIAL -> assertTrue(!v.gateFailed() && v.score() > 0.1 && v.score() < 0.95, what);
                        case FAIL -> {
                            assertEquals(0.0, v.score(), what);
                            assertEquals(SessionOutcome.Status.GAVE_UP, last.status(), what);
                        }
                    }
                }));
    }
}
