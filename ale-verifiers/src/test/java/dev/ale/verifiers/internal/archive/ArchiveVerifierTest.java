package dev.ale.verifiers.internal.archive;

import static dev.ale.verifiers.Fixture.assertGate;
import static dev.ale.verifiers.Fixture.assertScore;
import static dev.ale.verifiers.Fixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.Verifier;
import dev.ale.verifiers.Fixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveVerifierTest {
    private static final String CHECKS = "[{'type': 'tree', 'glob': 'reports/*.pdf', 'min': 2},"
            + " {'type': 'text', 'file': 'README.md', 'contains': ['Usage', 'Install', 'License', 'Support'], 'weight': 2}]";

    @TempDir
    Path dir;

    ArchiveFixture f;

    @BeforeEach
    void fixture() {
        f = new ArchiveFixture(dir);
    }

    private static byte[] deliverableZip() {
        return Archives.zip(
                "reports/",
                "",
                "reports/q1.pdf",
                "%PDF-1",
                "reports/q2.pdf",
                "%PDF-2",
                "README.md",
                "# Tool\n## Usage\nrun it\n## License\nMIT\n");
    }

    @Test
    void childrenSeeTheZipAsTheirOutputAndAreWeighted() throws Exception {
        Verdict v = f.verify("deliverable.zip", deliverableZip(), "", CHECKS);
        // tree 1 (weight 1) + text 2 of 4 = 0.5 (weight 2) -> 2 / 3
        assertScore(2.0 / 3, v);
        assertEquals("deliverable.zip", v.checks().get(0).name());
        assertEquals(0, v.checks().get(0).weight());
        assertTrue(
                v.checks().get(0).actual().startsWith("zip, 4 entries, "),
                v.checks().get(0).actual());
        assertTrue(v.summary().startsWith("deliverable.zip: 1 of 2 checks pass"), v.summary());
        f.assertOnly("output/deliverable.zip");
    }

    @Test
    void tarAndTarGzWithPaxAndGnuLongNames() throws Exception {
        String deep = "very/long/".repeat(12) + "name.pdf";
        byte[] longName = (deep + "\0").getBytes(StandardCharsets.UTF_8);
        Archives.Tar tar = new Archives.Tar()
                .dir("./reports/")
                .file("./reports/q1.pdf", "%PDF")
                .pax("path", "reports/q2.pdf")
                .file("ignored-name", "%PDF")
                .entry("././@LongLink", 'L', longName, "")
                .file("cut-short", "%PDF")
                .file("README.md", "Usage Install License Support");
        tar.file("a:b.txt", "a colon is a legal name character");
        String checks = "[{'type': 'tree', 'globs': [{'glob': 'reports/*.pdf', 'exactly': 2}, {'glob': '" + deep
                + "'}, 'a:b.txt',"
                + " {'glob': 'ignored-name', 'max': 0}, {'glob': 'cut-short', 'max': 0}]},"
                + " {'type': 'text', 'file': 'README.md', 'contains': 'Support'}]";
        assertScore(1, f.verify("out.tar", tar.bytes(), "", checks));
        assertScore(1, f.verify("out.tgz", tar.gzipped(), "'format': 'tar.gz'", checks));
        f.assertOnly("output/out.tar", "output/out.tgz");
    }

    @Test
    void combineAllAndAnyAndChildGates() throws Exception {
        String unweighted = CHECKS.replace(", 'weight': 2", "");
        assertScore(0.5, f.verify("d.zip", deliverableZip(), "'combine': 'all'", unweighted));
        assertScore(1, f.verify("d.zip", deliverableZip(), "'combine': 'any'", unweighted));
        Verdict gated = f.verify(
                "d.zip",
                deliverableZip(),
                "",
                "[{'type': 'file-exists', 'path': 'LICENSE', 'gate': true,"
                        + " 'name': 'license file'}, {'type': 'tree', 'glob': '**'}]");
        assertTrue(gated.gateFailed());
        assertTrue(gated.summary().contains("gate 'license file' failed"), gated.summary());
    }

    @Test
    void nestedArchivesAndReferenceFilesWork() throws Exception {
        byte[] inner =
                new Archives.Tar().file("data/out.json", "{\"total\": 42}").bytes();
        Map<String, byte[]> outer = Archives.map("notes.txt", "ok");
        outer.put("inner.tar", inner);
        f.ctx.ref("expected.json", "{\"total\": 42}");
        Verdict v = f.verify(
                "outer.zip",
                Archives.zip(outer),
                "",
                "[{'type': 'archive', 'file': 'inner.tar', 'checks': ["
                        + "{'type': 'json', 'file': 'data/out.json', 'expectedFile': 'expected.json'}]}]");
        assertScore(1, v);
        f.assertOnly("output/outer.zip", "reference/expected.json");
    }

    @Test
    void formatIsCheckedAgainstTheContent() throws Exception {
        Verdict v = f.verify("d.zip", new Archives.Tar().file("a", "b").bytes(), "'format': 'zip'", CHECKS);
        assertGate("d.zip", "not a zip archive (it is a tar archive)", v);
        assertGate("e.zip", "an empty file", f.verify("e.zip", new byte[0], "", CHECKS));
        assertGate(
                "t.zip",
                "not a zip, tar or tar.gz archive",
                f.verify("t.zip", "hello".getBytes(StandardCharsets.UTF_8), "", CHECKS));
        assertGate(
                "missing.zip",
                "missing",
                f.verify("{'type': 'archive', 'file': 'missing.zip', 'checks': " + CHECKS + "}"));
    }

    @Test
    void oneInstanceUnpacksManyAttemptsAtOnceEachInItsOwnDirectory() throws Exception {
        Verifier v =
                f.registry.create(Fixture.json("{'type': 'archive', 'file': 'd.zip', 'checks': " + CHECKS + "}"), "");
        f.ctx.out("d.zip", deliverableZip());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Double>> scores = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                scores.add(pool.submit(() -> v.verify(f.ctx).score()));
            }
            for (Future<Double> score : scores) {
                assertEquals(2.0 / 3, score.get(), 1e-12);
            }
        } finally {
            pool.shutdownNow();
        }
        f.assertOnly("output/d.zip");
    }

    @Test
    void refusesBadConfigsAtTheirPointers() {
        String checks = "'checks': [{'type': 'tree', 'glob': '**'}]";
        refused("{'type': 'archive', " + checks + "}", "/file");
        refused("{'type': 'archive', 'file': 'a.zip'}", "/checks");
        refused("{'type': 'archive', 'file': '../a.zip', " + checks + "}", "/file");
        refused("{'type': 'archive', 'file': 'a.zip', 'format': '7z', " + checks + "}", "/format");
        refused("{'type': 'archive', 'file': 'a.zip', 'combine': 'min', " + checks + "}", "/combine");
        refused(
                "{'type': 'archive', 'file': 'a.zip', 'limits': {'maxEntries': 0}, " + checks + "}",
                "/limits/maxEntries");
        refused(
                "{'type': 'archive', 'file': 'a.zip', 'limits': {'maxRatio': 1.5}, " + checks + "}",
                "/limits/maxRatio");
        refused("{'type': 'archive', 'file': 'a.zip', 'limits': {'maxFiles': 3}, " + checks + "}", "/limits/maxFiles");
        refused(
                "{'type': 'archive', 'file': 'a.zip', 'checks': [{'type': 'text', 'file': '/etc/passwd', 'contains': 'x'}]}",
                "/checks/0/file");
        refused(
                "{'type': 'archive', 'file': 'a.zip', 'combine': 'all', 'checks': [{'type': 'tree', 'glob': '**', 'weight': 2}]}",
                "/checks/0/weight");
        refused(
                "{'type': 'archive', 'file': 'a.zip', 'checks': [{'type': 'tree', 'glob': '**'}], 'check': 1}",
                "/check");
    }
}
