package dev.ale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    @TempDir
    static Path runs;

    @BeforeAll
    static void makeRuns() {
        for (String[] args : new String[][] {
            {"--out", runs.resolve("full").toString()},
            {"--out", runs.resolve("shard0").toString(), "--shard", "0/2"},
            {"--out", runs.resolve("shard1").toString(), "--shard", "1/2"},
        }) {
            String[] all = new String[args.length + 4];
            System.arraycopy(new String[] {"run", Ale.SAMPLE.toString(), "--harness", "rule-based"}, 0, all, 0, 4);
            System.arraycopy(args, 0, all, 4, args.length);
            Ale.Result r = Ale.run(all);
            assertEquals(Main.OK, r.code(), r.toString());
        }
        Ale.Result giving = Ale.run(
                "run",
                Ale.SAMPLE.toString(),
                "--harness",
                GivingUpHarness.class.getName(),
                "--out",
                runs.resolve("giving-up").toString());
        assertEquals(Main.OK, giving.code(), giving.toString());
    }

    @Test
    void showPrintsTheSummaryOfARunDirectory() {
        Ale.Result r = Ale.run("report", "show", runs.resolve("full").toString());
        assertEquals(Main.OK, r.code(), r.toString());
        assertTrue(r.out().contains("(2 of 4 scored attempts)"), r.out());
        Ale.Result all = Ale.run("report", "show", runs.resolve("full").toString(), "--all");
        assertTrue(all.out().contains("bank-reconciliation#1            PASSED"), all.out());
        Ale.Result json = Ale.run("report", "show", runs.resolve("full").toString(), "--json");
        assertTrue(json.out().startsWith("{") && json.out().contains("\"schemaVersion\""), json.out());
    }

    @Test
    void mergeGivesTheWholeRunFromItsShards() throws Exception {
        Path merged = runs.resolve("merged");
        Ale.Result r = Ale.run(
                "report",
                "merge",
                runs.resolve("shard0").toString(),
                runs.resolve("shard1").toString(),
                "--out",
                merged.toString());
        assertEquals(Main.OK, r.code(), r.toString());
        assertTrue(r.out().contains("(2 of 4 scored attempts)"), r.out());
        assertTrue(Files.exists(merged.resolve("report.json")));
        Ale.Result overlap = report("merge", "full", "shard0");
        assertEquals(Main.USAGE, overlap.code(), overlap.toString());
        assertTrue(overlap.err().contains("shards must not overlap"), overlap.err());
    }

    @Test
    void compareLinesUpTwoRunsOnTheirSharedTasks() {
        Ale.Result r = report("compare", "full", "giving-up");
        assertEquals(Main.OK, r.code(), r.toString());
        assertTrue(r.out().contains("paired tasks    4 (left out: 0"), r.out());
        assertTrue(r.out().contains("full pass rate  A 50.0%, B 0.0%"), r.out());
        assertTrue(r.out().contains("newly failing   bank-reconciliation, freight-cost-allocation"), r.out());
    }

    @Test
    void rescoreScoresTheStoredArtefactsAgain() {
        Ale.Result r = Ale.run("rescore", runs.resolve("full").toString(), "--pack", Ale.SAMPLE.toString());
        assertEquals(Main.OK, r.code(), r.toString());
        assertTrue(r.out().contains("(2 of 4 scored attempts)"), r.out());
        assertTrue(Files.exists(runs.resolve("full/report.rescored.json")));
    }

    @Test
    void exportWritesAlesResultFilesForAnExistingRun() throws Exception {
        Path ale = runs.resolve("full/ale");
        assertTrue(Files.isDirectory(ale), "a run writes ALE's files when it finishes");
        try (Stream<Path> walk = Files.walk(ale)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        Ale.Result r = Ale.run(
                "report",
                "export",
                "--format",
                "ale",
                runs.resolve("full").toString(),
                "--pack",
                Ale.SAMPLE.toString());
        assertEquals(Main.OK, r.code(), r.toString());
        assertTrue(r.out().startsWith("wrote ALE's result files for 4 attempts under "), r.out());
        List<Path> runJsons;
        try (Stream<Path> walk = Files.walk(ale)) {
            runJsons = walk.filter(p -> p.endsWith("run.json")).toList();
        }
        assertEquals(4, runJsons.size(), runJsons.toString());
        for (Path runJson : runJsons) {
            Path attempt = runJson.getParent();
            assertEquals("v0", attempt.getParent().getFileName().toString(), attempt.toString());
            assertTrue(Files.isRegularFile(attempt.resolve("eval_result.json")), attempt.toString());
            assertTrue(Files.isRegularFile(attempt.resolve("trajectory.json")), attempt.toString());
            assertTrue(Files.readString(runJson).contains("\"schema_version\": 2,\n"), runJson.toString());
        }
        Ale.Result unknown = Ale.run(
                "report", "export", "--format", "csv", runs.resolve("full").toString());
        assertEquals(Main.USAGE, unknown.code());
        assertTrue(unknown.err().contains("unknown --format 'csv'; expected ale"), unknown.err());
    }

    @Test
    void aDirectoryThatIsNotARunIsAUsageError() {
        Ale.Result r = Ale.run("report", "show", Ale.SAMPLE.toString());
        assertEquals(Main.USAGE, r.code());
        assertEquals("ale: ../samples/packs/sample is not a run directory (it has no run.json)\n", r.err());
        assertEquals(
                Main.USAGE,
                Ale.run("report", "merge", runs.resolve("full").toString()).code());
        assertEquals(
                Main.USAGE,
                Ale.run("report", "compare", runs.resolve("full").toString()).code());
        assertEquals(
                Main.USAGE, Ale.run("rescore", runs.resolve("full").toString()).code());
    }

    /** {@code ale report <command>} over two of the prepared runs. */
    private static Ale.Result report(String command, String runA, String runB) {
        return Ale.run(
                "report",
                command,
                runs.resolve(runA).toString(),
                runs.resolve(runB).toString());
    }
}
