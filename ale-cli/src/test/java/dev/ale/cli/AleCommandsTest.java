package dev.ale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.Cause;
import dev.ale.api.Outcome;
import dev.ale.core.AttemptResult;
import dev.ale.core.EvaluationReport;
import dev.ale.core.Reports;
import dev.ale.testfixtures.Python3;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * ALE's tasks end to end through the CLI: {@code ale import ale} of ALE-shaped task folders, then
 * {@code pack validate | build | check}, {@code run} and {@code rescore}, each refusing the pack's
 * command verifiers until {@code --allow-command-verifiers} is given. The graders run with python3.
 */
@DisabledOnOs(OS.WINDOWS)
class AleCommandsTest {
    static final Path TREE = CopyingAgent.DATA.getParent();

    @TempDir
    Path tmp;

    Path pack;

    @BeforeEach
    void importTheTree() {
        Assumptions.assumeTrue(Python3.available(), "python3 is not installed");
        pack = tmp.resolve("ale-pack");
        Ale.Result r = Ale.run(
                "import",
                "ale",
                TREE.resolve("tasks").toString(),
                "--data",
                TREE.resolve("data").toString(),
                "--tiers",
                TREE.resolve("tiers").toString(),
                "--out",
                pack.toString());
        assertEquals(Main.OK, r.code(), r.toString());
        assertTrue(
                r.out()
                        .contains(
                                "imported  business_finance/ledger_totals -> business_finance.ledger_totals: last-exam"),
                r.out());
        assertTrue(r.out().contains("skipped   legal/no_grader: no grader"), r.out());
        assertTrue(r.out().contains("3 imported, 1 skipped; wrote "), r.out());
    }

    @Test
    void validateAndBuildAcceptCommandVerifiersOnlyWhenAllowed() {
        Ale.Result refused = Ale.run("pack", "validate", pack.toString());
        assertEquals(Main.USAGE, refused.code(), refused.toString());
        assertTrue(refused.err().contains("command verifiers are not allowed"), refused.err());
        Ale.Result valid = Ale.run("pack", "validate", pack.toString(), "--allow-command-verifiers");
        assertEquals(Main.OK, valid.code(), valid.toString());
        assertTrue(valid.out().contains("valid, 3 tasks, digests verified"), valid.out());
        Path zip = tmp.resolve("ale.zip");
        assertEquals(
                Main.USAGE,
                Ale.run("pack", "build", pack.toString(), "--out", zip.toString())
                        .code());
        Ale.Result built =
                Ale.run("pack", "build", pack.toString(), "--out", zip.toString(), "--allow-command-verifiers");
        assertEquals(Main.OK, built.code(), built.toString());
        assertEquals(
                Main.OK,
                Ale.run("pack", "validate", zip.toString(), "--allow-command-verifiers")
                        .code());
    }

    @Test
    void checkRunsAlesGradersOnTheSolutionTheEmptyWorkspaceAndPerturbations() {
        assertEquals(Main.USAGE, Ale.run("pack", "check", pack.toString()).code());
        Ale.Result r = Ale.run("pack", "check", pack.toString(), "--allow-command-verifiers");
        assertEquals(Main.OK, r.code(), r.toString());
        assertTrue(r.out().contains("3 of 3 tasks sound"), r.out());
    }

    @Test
    void runScoresACopyingAgentOneAndAnEmptyOneZeroOnEachTask() {
        assertEquals(
                Main.USAGE,
                Ale.run("run", pack.toString(), "--harness", CopyingAgent.class.getName())
                        .code());
        Path copied = runAllowed(CopyingAgent.class, "run-copy");
        assertEquals(everyTask(1.0), scores(copied));
        Path empty = runAllowed(EmptyAgent.class, "run-empty");
        assertEquals(everyTask(0.0), scores(empty));
        AttemptResult route = attempt(empty, "computing_math.route_check");
        assertEquals(Outcome.FAILED, route.outcome(), "a grader raising on the missing output is the agent's failure");
        assertTrue(
                route.message().contains("FileNotFoundError") && route.message().contains("results.json"),
                route.message());
        AttemptResult doses = attempt(empty, "health_medicine.dose_table");
        assertTrue(doses.message().contains("exited with code 1 without a score"), doses.message());
    }

    @Test
    void theAgentFindsNeitherTheGraderNorTheAnswers() {
        Path run = runAllowed(SnoopingAgent.class, "run-snoop");
        for (AttemptResult a : Reports.read(run).attempts()) {
            assertTrue(a.cause() != Cause.GAVE_UP, a.taskId() + ": " + a.message());
        }
    }

    @Test
    void rescoreRunsTheGradersAgainWhenAllowed() {
        Path run = runAllowed(CopyingAgent.class, "run");
        assertEquals(
                Main.USAGE,
                Ale.run("rescore", run.toString(), "--pack", pack.toString()).code());
        Ale.Result r = Ale.run("rescore", run.toString(), "--pack", pack.toString(), "--allow-command-verifiers");
        assertEquals(Main.OK, r.code(), r.toString());
        assertTrue(Files.exists(run.resolve("report.rescored.json")));
    }

    @Test
    void theGradersRunUnderBubblewrapToo() {
        Path python = Path.of("/usr/bin/python3");
        Assumptions.assumeTrue(Files.isExecutable(python), "no system python3 (bwrap binds the system folders only)");
        Path run = tmp.resolve("run-bwrap");
        Ale.Result r = runCopying(run, "--sandbox", "bwrap", "--python", python.toString());
        Assumptions.assumeFalse(
                r.code() == Main.USAGE && r.err().contains("--sandbox bwrap:"), "bwrap does not work here");
        assertEquals(Main.OK, r.code(), r.toString());
        assertEquals(everyTask(1.0), scores(run));
    }

    @Test
    void aPythonThatIsNotThereIsAnErrorSayingSo() {
        Path run = tmp.resolve("run");
        Ale.Result r = runCopying(
                run, "--python", tmp.resolve("no-python").toString(), "--retries", "0", "--select", "id:health*");
        assertEquals(Main.ERRORS, r.code(), r.toString());
        AttemptResult a = attempt(run, "health_medicine.dose_table");
        assertEquals(Outcome.ERROR, a.outcome());
        assertTrue(a.message().contains("no-python") && a.message().contains("not an executable file"), a.message());
    }

    /** {@code ale run} of the imported pack with command verifiers allowed; the run directory. */
    private Path runAllowed(Class<?> harness, String name) {
        Path run = tmp.resolve(name);
        Ale.Result r = run(harness, run);
        assertEquals(Main.OK, r.code(), r.toString());
        return run;
    }

    /** {@code ale run} of the imported pack by {@code harness} into {@code run}, command verifiers allowed. */
    private Ale.Result run(Class<?> harness, Path run, String... options) {
        List<String> args = new ArrayList<>(List.of(
                "run",
                pack.toString(),
                "--harness",
                harness.getName(),
                "--allow-command-verifiers",
                "--out",
                run.toString()));
        args.addAll(List.of(options));
        return Ale.run(args.toArray(String[]::new));
    }

    /** As {@link #run}, by the agent that copies the solutions. */
    private Ale.Result runCopying(Path run, String... options) {
        return run(CopyingAgent.class, run, options);
    }

    private static Map<String, Double> everyTask(double score) {
        return Map.of(
                "business_finance.ledger_totals", score,
                "computing_math.route_check", score,
                "health_medicine.dose_table", score);
    }

    private static Map<String, Double> scores(Path run) {
        EvaluationReport report = Reports.read(run);
        Map<String, Double> out = new TreeMap<>();
        report.attempts().forEach(a -> out.put(a.taskId(), a.score()));
        return out;
    }

    private static AttemptResult attempt(Path run, String taskId) {
        return Reports.read(run).attempts().stream()
                .filter(a -> a.taskId().equals(taskId))
                .findFirst()
                .orElseThrow();
    }
}
