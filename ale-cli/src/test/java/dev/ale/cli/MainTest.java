package dev.ale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.core.Progress;
import dev.ale.taskpack.TaskPack;
import dev.ale.taskpack.TaskPacks;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path tmp;

    @Test
    void withoutArgumentsPrintsTheOverviewAndExitsTwo() {
        Ale.Result r = Ale.run();
        assertEquals(Main.USAGE, r.code());
        assertTrue(r.err().startsWith("usage: ale <command>"), r.err());
    }

    @Test
    void helpAndVersionExitZero() {
        assertTrue(Ale.run("help").out().contains("exit codes: 0 done"));
        assertTrue(Ale.run("help", "run").out().contains("--fail-under <rate>"));
        Ale.Result runHelp = Ale.run("run", "--help");
        assertEquals(Main.OK, runHelp.code());
        assertTrue(runHelp.out().startsWith("usage: ale run <pack>"));
        assertTrue(Ale.run("version").out().matches("ale \\S+\\n"));
        assertEquals(Main.USAGE, Ale.run("help", "fly").code());
        assertEquals(Main.USAGE, Ale.run("fly").code());
    }

    @Test
    void everyCommandTakesHelpAndExitsZero() {
        for (String command :
                List.of("run", "demo", "pack", "report", "rescore", "import", "help", "version", "--help")) {
            Ale.Result r = Ale.run(command, "--help");
            assertEquals(Main.OK, r.code(), command + ": " + r.err());
            assertTrue(r.out().startsWith("usage: ale "), command + ": " + r.out());
        }
    }

    @Test
    void helpListsEveryOptionTheParserTakes() {
        for (String command : List.of("run", "demo", "pack", "report", "rescore", "import")) {
            String help = Ale.run("help", command).out();
            for (Usage u : Usages.of(command)) {
                for (Usage.Option o : u.options()) {
                    assertTrue(help.contains("--" + o.name()), command + " help lacks --" + o.name() + ":\n" + help);
                }
            }
        }
        assertTrue(Ale.run("run", "--help").out().contains("--allow-command-verifiers"));
    }

    @Test
    void theLastProgressLinePrintsOnce() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Progress done = new Progress(2, 2, 2, 0, 0, Duration.ofSeconds(1));
        ProgressReporter reporter = new ProgressReporter(() -> done, err, false);
        reporter.tick(); // the updating thread saw the run finish and printed it
        reporter.close();
        assertEquals(1, bytes.toString(StandardCharsets.UTF_8).lines().count(), bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void demoRunsTheSampleAgentOnTheStarterPack() {
        Ale.Result r = Ale.run("demo");
        assertEquals(Main.OK, r.code(), r.toString());
        assertTrue(r.err().startsWith("ale demo: the rule-based sample agent on the starter pack ("), r.err());
        assertTrue(r.out().contains("pack            starter 1.0.0"), r.out());
        assertTrue(r.out().contains("(11 of 26 scored attempts)"), r.out());
    }

    @Test
    void demoTakesTrials() {
        Ale.Result r = Ale.run("demo", "--trials", "3");
        assertEquals(Main.OK, r.code(), r.toString());
        assertTrue(r.out().contains("3 trials per task"), r.out());
        assertTrue(r.out().contains("(33 of 78 scored attempts)"), r.out());
        Ale.Result none = Ale.run("demo", "--trials", "0");
        assertEquals(
                "ale: demo: --trials must be a whole number >= 1, got '0'",
                none.err().strip());
    }

    @Test
    void withoutARepositoryTheBundledStarterPackIsUsedAndRemovedAfterwards() throws Exception {
        Path copy;
        try (StarterPack.Found found = StarterPack.locate(List.of(tmp))) {
            assertTrue(found.temporary(), found.toString());
            copy = found.path();
            assertTrue(Files.isRegularFile(copy.resolve("pack.json")));
            try (TaskPack pack = TaskPacks.open(copy)) {
                pack.verify();
                assertEquals(26, pack.tasks().size());
            }
        }
        assertTrue(Files.notExists(copy));
        try (StarterPack.Found found = StarterPack.locate(List.of(Path.of("").toAbsolutePath()))) {
            assertTrue(!found.temporary() && found.path().endsWith("samples/packs/starter"), found.toString());
        }
    }

    @Test
    void argsTakeValuesInEitherFormAndRefuseWhatTheyDoNotKnow() {
        Args a = Args.parse(
                "x",
                List.of("p1", "--out=o", "--n", "3", "--json", "--", "--not-an-option"),
                Set.of("out", "n"),
                Set.of("json"));
        assertEquals(List.of("p1", "--not-an-option"), a.positional());
        assertEquals("o", a.value("out").orElseThrow());
        assertEquals(3, a.integer("n", 1, 1));
        assertTrue(a.flag("json"));
        assertEquals(
                "x: --n is given twice",
                assertThrows(
                                UsageException.class,
                                () -> Args.parse("x", List.of("--n", "1", "--n", "2"), Set.of("n"), Set.of()))
                        .getMessage());
        assertEquals(
                "x: --n needs a value",
                assertThrows(UsageException.class, () -> Args.parse("x", List.of("--n"), Set.of("n"), Set.of()))
                        .getMessage());
        assertEquals(
                "x: --json takes no value",
                assertThrows(
                                UsageException.class,
                                () -> Args.parse("x", List.of("--json=yes"), Set.of(), Set.of("json")))
                        .getMessage());
        assertEquals(
                "x: unknown option -v (it takes none)",
                assertThrows(UsageException.class, () -> Args.parse("x", List.of("-v"), Set.of(), Set.of()))
                        .getMessage());
        assertEquals(
                List.of("-3"),
                Args.parse("x", List.of("-3"), Set.of(), Set.of()).positional());
    }

    @Test
    void progressLinesShowDoneTotalPassedElapsedAndEta() {
        Progress start = new Progress(10, 2, 2, 0, 0, Duration.ofSeconds(1));
        Progress now = new Progress(10, 6, 4, 1, 1, Duration.ofSeconds(9));
        assertEquals(
                "[##############----------] 6/10 done, 4 passed, 1 failed, 1 error, elapsed 9.0s, ETA 8.0s",
                ProgressReporter.line(now, start, true));
        assertEquals("2/10 done, 2 passed, elapsed 1.0s", ProgressReporter.line(start, start, false));
        assertEquals("2m05s", ProgressReporter.format(Duration.ofSeconds(125)));
        assertEquals("1h01m", ProgressReporter.format(Duration.ofSeconds(3660)));
    }
}
