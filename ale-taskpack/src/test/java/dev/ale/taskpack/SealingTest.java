package dev.ale.taskpack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.primitives.Bytes;
import dev.ale.api.task.Task;
import dev.ale.api.task.TaskPackException;
import dev.ale.api.task.TaskPart;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sealing references with {@link TaskPackWriter}: in place, while writing archives, and end to end. */
class SealingTest extends StandardPackTest {
    private static final Map<String, String> BANK_REC =
            Map.of("expected.csv", "date,amount,matched\n2024-03-01,100.00,yes\n");
    private static final Map<String, String> LEDGER_CLOSE = Map.of("expected.json", "{\"closed\": true}\n");

    @Override
    Path packDir() {
        return tmp.resolve("pack");
    }

    @Test
    void sealingTurnsEachReferenceFolderIntoAnArchiveThatTheKeyOpens() throws IOException {
        String digest = TaskPackWriter.sealReferences(p.dir, Sealed.KEY);
        assertFalse(Files.exists(p.dir.resolve("tasks/bank-rec/reference")));
        assertTrue(Files.isRegularFile(p.dir.resolve("tasks/bank-rec/reference.7z")));
        assertFalse(Files.exists(p.dir.resolve("tasks/bank-rec/solution")), "the solution is sealed too");
        assertTrue(Files.isRegularFile(p.dir.resolve("tasks/bank-rec/solution.7z")));
        SafetyCases.assertOnly(p.dir.resolve("tasks/ledger-close"), "task.json", "inputs", "reference.7z");
        assertFalse(
                Files.exists(p.dir.resolve("tasks/site-survey/reference.7z")),
                "a task without reference is left alone");
        try (TaskPack pack = TaskPacks.open(p.dir)) {
            assertEquals(digest, pack.ref().digest());
            pack.verify();
            assertUnseals(pack);
            assertFalse(pack.task("site-survey").orElseThrow().referenceSealed());
        }
        for (String id : PackFixture.IDS) {
            assertEquals(PackFixture.digest(p.dir.resolve("tasks").resolve(id)), p.recordedDigest(id), id);
        }
    }

    private static void assertUnseals(TaskPack pack) throws IOException {
        Task bank = pack.task("bank-rec").orElseThrow();
        assertTrue(bank.referenceSealed());
        assertEquals(List.of(), bank.files(TaskPart.REFERENCE));
        assertEquals(BANK_REC, SealedReferenceTest.contents(bank.unsealReference(Sealed.KEY)));
        assertEquals(
                LEDGER_CLOSE,
                SealedReferenceTest.contents(
                        pack.task("ledger-close").orElseThrow().unsealReference(Sealed.KEY)));
        assertTrue(bank.solutionSealed());
        assertEquals(List.of(), bank.files(TaskPart.SOLUTION));
        assertEquals(
                Map.of("reconciled.csv", "date,amount,matched\n2024-03-01,100.00,yes\n"),
                SealedReferenceTest.contents(bank.unsealSolution(Sealed.KEY)));
        assertEquals(2, bank.files(TaskPart.INPUTS).size(), "other parts are untouched");
    }

    @Test
    void sealingIsReproducibleAndSealingAgainChangesNothing() throws IOException {
        PackFixture twin = PackFixture.standard(tmp.resolve("twin"));
        String digest = TaskPackWriter.sealReferences(p.dir, Sealed.KEY);
        assertEquals(digest, TaskPackWriter.sealReferences(twin.dir, Sealed.KEY));
        byte[] sealed = Files.readAllBytes(p.dir.resolve("tasks/bank-rec/reference.7z"));
        assertArrayEquals(Files.readAllBytes(twin.dir.resolve("tasks/bank-rec/reference.7z")), sealed);
        assertEquals(digest, TaskPackWriter.sealReferences(p.dir, Sealed.KEY));
        assertArrayEquals(sealed, Files.readAllBytes(p.dir.resolve("tasks/bank-rec/reference.7z")));
    }

    @Test
    void aPackSealedWithOneKeyIsNotSealedFurtherWithAnother() throws IOException {
        TaskPackWriter.sealReferences(p.dir, Sealed.KEY);
        p.write("tasks/site-survey/reference/expected.txt", "clay\n");
        byte[] manifest = Files.readAllBytes(p.dir.resolve("pack.json"));
        TaskPackException e = assertThrows(
                TaskPackException.class, () -> TaskPackWriter.sealReferences(p.dir, "another key".toCharArray()));
        assertEquals("tasks/bank-rec/reference.7z", e.source());
        assertTrue(e.rule().startsWith("sealed already, and not with this key"), e.getMessage());
        assertTrue(Files.exists(p.dir.resolve("tasks/site-survey/reference/expected.txt")), "nothing was sealed");
        assertArrayEquals(manifest, Files.readAllBytes(p.dir.resolve("pack.json")));
    }

    @Test
    void anEmptyKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TaskPackWriter.sealReferences(p.dir, new char[0]));
        assertThrows(NullPointerException.class, () -> TaskPackWriter.sealReferences(p.dir, null));
        assertThrows(
                IllegalArgumentException.class, () -> TaskPackWriter.write(p.dir, tmp.resolve("x.zip"), new char[0]));
    }

    @Test
    void anInvalidPackIsNotSealed() throws IOException {
        p.editTask("bank-rec", t -> ((ObjectNode) t.get("taxonomy")).put("cluster", "banking"));
        TaskPackException e =
                assertThrows(TaskPackException.class, () -> TaskPackWriter.sealReferences(p.dir, Sealed.KEY));
        assertEquals("/taxonomy/cluster", e.field());
        assertTrue(Files.exists(p.dir.resolve("tasks/ledger-close/reference/expected.json")));
        assertFalse(Files.exists(p.dir.resolve("tasks/ledger-close/reference.7z")));
    }

    @Test
    void anInterruptedSealingIsCompletedByTheNext() throws IOException {
        p.write("tasks/bank-rec/reference.7z", Sealed.seal(Sealed.files("x", "stale"), Sealed.KEY));
        SealedReferenceTest.sealLedgerCloseWith(
                p, Sealed.seal(Sealed.files("expected.json", "{\"closed\": true}\n"), Sealed.KEY));
        p.write("tasks/ledger-close/" + Sealing.REMOVED + "/expected.json", "left behind");
        p.write("tasks/site-survey/.reference.7z.123.tmp", "partial");
        p.write("tasks/site-survey/.solution.7z.456.tmp", "partial");
        p.write("tasks/ledger-close/solution.7z", Sealed.seal(Sealed.files("x.csv", "sealed"), Sealed.KEY));
        p.write("tasks/ledger-close/.solution.sealed/x.csv", "left behind");
        p.rehash();
        assertThrows(TaskPackException.class, () -> TaskPacks.open(p.dir).close());
        TaskPackWriter.sealReferences(p.dir, Sealed.KEY);
        SafetyCases.assertOnly(p.dir.resolve("tasks/site-survey"), "task.json", "inputs");
        SafetyCases.assertOnly(
                p.dir.resolve("tasks/ledger-close"), "task.json", "inputs", "reference.7z", "solution.7z");
        try (TaskPack pack = TaskPacks.open(p.dir)) {
            pack.verify();
            assertUnseals(pack);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"pack.zip", "pack.tgz"})
    void writingWithAKeySealsTheArchiveOnlyAndIsReproducible(String name) throws IOException {
        Set<String> before = SafetyCases.tree(p.dir);
        byte[] manifest = Files.readAllBytes(p.dir.resolve("pack.json"));
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path first = out.resolve("1-" + name);
        Path second = out.resolve("2-" + name);
        TaskPackWriter.write(p.dir, first, Sealed.KEY);
        TaskPackWriter.write(p.dir, second, Sealed.KEY);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
        assertEquals(before, SafetyCases.tree(p.dir), "the pack directory is not changed");
        assertArrayEquals(manifest, Files.readAllBytes(p.dir.resolve("pack.json")));
        try (TaskPack pack = TaskPacks.open(first)) {
            pack.verify();
            assertUnseals(pack);
        }
        SafetyCases.assertOnly(
                out, first.getFileName().toString(), second.getFileName().toString());
    }

    /**
     * What an agent that hunts for the answers in a sealed pack on disk would find: no reference or
     * solution folder, and not one byte of either in any entry, decompressed.
     */
    @ParameterizedTest
    @ValueSource(strings = {"pack.zip", "pack.tgz"})
    void aSealedArchiveHoldsNoClearReferenceOrSolution(String name) throws IOException {
        Path archive = tmp.resolve(name);
        TaskPackWriter.write(p.dir, archive, Sealed.KEY);
        Map<String, byte[]> entries = entries(archive);
        assertTrue(
                entries.containsKey("tasks/bank-rec/reference.7z"),
                entries.keySet().toString());
        assertTrue(
                entries.containsKey("tasks/bank-rec/solution.7z"),
                entries.keySet().toString());
        assertTrue(
                entries.keySet().stream().noneMatch(n -> n.contains("/reference/") || n.contains("/solution/")),
                entries.keySet().toString());
        byte[] answer = "2024-03-01,100.00,yes".getBytes(StandardCharsets.UTF_8);
        byte[] fileName = "reconciled.csv".getBytes(StandardCharsets.UTF_16LE);
        entries.forEach((entry, content) -> {
            assertEquals(-1, Bytes.indexOf(content, answer), "the answers show in " + entry);
            assertEquals(-1, Bytes.indexOf(content, fileName), "the solution's file name shows in " + entry);
        });
    }

    @Test
    void writingWithAKeyChecksThePackFirst() throws IOException {
        p.write("tasks/ledger-close/inputs/new.txt", "not hashed");
        TaskPackException e = assertThrows(
                TaskPackException.class, () -> TaskPackWriter.write(p.dir, tmp.resolve("p.zip"), Sealed.KEY));
        assertEquals("tasks/ledger-close/", e.source());
        TaskPackException inside = assertThrows(
                TaskPackException.class,
                () -> TaskPackWriter.write(p.dir, p.dir.resolve("tasks/self.zip"), Sealed.KEY));
        assertTrue(inside.rule().contains("inside the pack directory"), inside.getMessage());
        assertFalse(Files.exists(tmp.resolve("p.zip")));
    }

    /** Every file entry of a .zip or .tgz with its decompressed content. */
    private static Map<String, byte[]> entries(Path archive) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        if (archive.toString().endsWith(".zip")) {
            try (ZipFile z = ZipFile.builder().setPath(archive).get()) {
                for (ZipArchiveEntry e : Collections.list(z.getEntries())) {
                    try (InputStream in = z.getInputStream(e)) {
                        out.put(e.getName(), in.readAllBytes());
                    }
                }
            }
            return out;
        }
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new GzipCompressorInputStream(new BufferedInputStream(Files.newInputStream(archive))))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                out.put(e.getName(), tar.readAllBytes());
            }
        }
        return out;
    }
}
