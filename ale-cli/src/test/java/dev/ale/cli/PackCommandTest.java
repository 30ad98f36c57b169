package dev.ale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackCommandTest {
    @TempDir
    Path tmp;

    @Test
    void checkFindsTheSamplePackSound() {
        Ale.Result r = Ale.run("pack", "check", Ale.SAMPLE.toString());
        assertEquals(Main.OK, r.code(), r.toString());
        assertTrue(r.out().contains("ok    bank-reconciliation"), r.out());
        assertTrue(r.out().contains("4 of 4 tasks sound"), r.out());
    }

    @Test
    void checkReportsWhichOfTheThreeChecksATaskFailsAndExitsOne() throws Exception {
        Path pack = Ale.invoicePack(tmp.resolve("lenient"), "{\"type\": \"file-exists\", \"path\": \"total.txt\"}");
        Ale.Result r = Ale.run("pack", "check", pack.toString());
        assertEquals(Main.BELOW, r.code(), r.toString());
        assertTrue(r.out().contains("FAIL  invoice-total: perturbation"), r.out());
        assertTrue(
                r.out()
                        .contains(
                                "FAIL perturbation 1.000    total.txt: number 14.75 changed to 22.13: should fall short"
                                        + " of a full pass"),
                r.out());
        assertTrue(r.out().contains("0 of 1 tasks sound"), r.out());
        Ale.Result verbose = Ale.run("pack", "check", pack.toString(), "--verbose");
        assertTrue(verbose.out().contains("ok   solution"), verbose.out());
    }

    @Test
    void packLimitsAreSetOnTheCommandLineAndARefusalNamesTheLimit() {
        Ale.Result tight = Ale.run("pack", "list", Ale.SAMPLE.toString(), "--pack-limit", "maxJsonBytes=1k");
        assertEquals(Main.USAGE, tight.code(), tight.toString());
        assertTrue(tight.err().contains("ale --pack-limit maxJsonBytes=N"), tight.err());
        Ale.Result raised = Ale.run("--pack-limit", "maxJsonBytes=1m", "pack", "list", Ale.SAMPLE.toString());
        assertEquals(Main.OK, raised.code(), raised.toString());
        Ale.Result unknown = Ale.run("pack", "list", Ale.SAMPLE.toString(), "--pack-limit", "maxFiles=3");
        assertEquals(Main.USAGE, unknown.code());
        assertTrue(unknown.err().startsWith("ale: --pack-limit: no pack limit 'maxFiles'"), unknown.err());
        assertEquals(
                Main.USAGE,
                Ale.run("pack", "list", Ale.SAMPLE.toString(), "--pack-limit").code());
    }

    @Test
    void listShowsTierClusterSocAndSessions() {
        Ale.Result r = Ale.run("pack", "list", Ale.SAMPLE.toString());
        assertEquals(Main.OK, r.code(), r.toString());
        assertTrue(
                r.out()
                        .lines()
                        .anyMatch(l -> l.matches("contract-deadlines\\s+last-exam\\s+legal\\s+23-2011\\s+2\\s+.*")),
                r.out());
        assertTrue(r.out().contains("4 tasks of sample 1.0.0"), r.out());
        Ale.Result selected = Ale.run("pack", "list", Ale.SAMPLE.toString(), "--select", "tier:near-term");
        assertTrue(selected.out().contains("2 tasks of sample 1.0.0"), selected.out());
    }

    @Test
    void buildFillsInDigestsAndWritesAnArchiveThatValidates() throws Exception {
        Path pack = Ale.copy(Ale.SAMPLE, tmp.resolve("pack"));
        Path task = pack.resolve("tasks/bank-reconciliation/task.json");
        Files.writeString(task, Files.readString(task).replace("\"revision\": 1", "\"revision\": 2"));
        assertEquals(Main.USAGE, Ale.run("pack", "validate", pack.toString()).code(), "stale digests do not validate");
        Path zip = tmp.resolve("out/sample.zip");
        Files.createDirectories(zip.getParent());
        Ale.Result built = Ale.run("pack", "build", pack.toString(), "--out", zip.toString());
        assertEquals(Main.OK, built.code(), built.toString());
        assertTrue(built.out().contains("wrote " + zip), built.out());
        Ale.Result valid = Ale.run("pack", "validate", zip.toString());
        assertEquals(Main.OK, valid.code(), valid.toString());
        assertTrue(valid.out().startsWith("sample 1.0.0: valid, 4 tasks, digests verified"), valid.out());
        assertEquals(Main.USAGE, Ale.run("pack", "build", zip.toString()).code(), "build needs a directory");
    }

    @Test
    void unknownSubcommandsAreUsageErrors() {
        assertEquals(Main.USAGE, Ale.run("pack").code());
        assertEquals(
                Main.USAGE, Ale.run("pack", "shrink", Ale.SAMPLE.toString()).code());
        assertEquals(Main.USAGE, Ale.run("pack", "list").code());
    }
}
