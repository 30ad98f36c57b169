package dev.ale.taskpack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.task.Task;
import dev.ale.api.task.TaskFile;
import dev.ale.api.task.TaskPackException;
import dev.ale.api.task.TaskPart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading sealed references from packs: the key, the digest, and the archive rules on their entries. */
class SealedReferenceTest extends StandardPackTest {
    @Override
    Path packDir() {
        return tmp.resolve("pack");
    }

    private void sealLedgerCloseWith(byte[] archive) throws IOException {
        sealLedgerCloseWith(p, archive);
    }

    /** Replaces ledger-close's reference/ by {@code archive} as reference.7z and fixes the digests. */
    static void sealLedgerCloseWith(PackFixture pack, byte[] archive) throws IOException {
        Path reference = pack.dir.resolve("tasks/ledger-close/reference");
        try (var walk = Files.walk(reference)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        pack.write("tasks/ledger-close/reference.7z", archive);
        pack.rehash();
    }

    static Map<String, String> contents(List<TaskFile> files) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (TaskFile f : files) {
            try (InputStream in = f.open()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertEquals(f.size(), text.getBytes(StandardCharsets.UTF_8).length, f.path());
                out.put(f.path(), text);
            }
        }
        return out;
    }

    @Test
    void theKeyOpensTheReferenceInMemory() throws IOException {
        sealLedgerCloseWith(Sealed.seal(
                Sealed.files("expected.json", "{\"closed\": true}\n", "data/more.csv", "a,b\n"), Sealed.KEY));
        try (TaskPack pack = TaskPacks.open(p.dir)) {
            Task task = pack.task("ledger-close").orElseThrow();
            assertTrue(task.referenceSealed());
            assertEquals(List.of(), task.files(TaskPart.REFERENCE));
            assertEquals(
                    Map.of("data/more.csv", "a,b\n", "expected.json", "{\"closed\": true}\n"),
                    contents(task.unsealReference(Sealed.KEY)));
            assertEquals(
                    List.of("data/more.csv", "expected.json"),
                    task.unsealReference(Sealed.KEY).stream()
                            .map(TaskFile::path)
                            .toList());
        }
    }

    @Test
    void aWrongOrMissingKeyNamesTheArchive() throws IOException {
        sealLedgerCloseWith(Sealed.seal(Sealed.files("expected.json", "{}"), Sealed.KEY));
        try (TaskPack pack = TaskPacks.open(p.dir)) {
            Task task = pack.task("ledger-close").orElseThrow();
            TaskPackException wrong =
                    assertThrows(TaskPackException.class, () -> task.unsealReference("nope".toCharArray()));
            assertEquals("tasks/ledger-close/reference.7z", wrong.source());
            assertTrue(wrong.rule().startsWith("cannot unseal: wrong key"), wrong.getMessage());
            for (char[] none : new char[][] {null, new char[0]}) {
                TaskPackException missing = assertThrows(TaskPackException.class, () -> task.unsealReference(none));
                assertEquals("tasks/ledger-close/reference.7z", missing.source());
                assertTrue(missing.rule().startsWith("no key given"), missing.getMessage());
            }
        }
    }

    @Test
    void anUnreadableArchiveIsNamedAsUnreadable() throws IOException {
        sealLedgerCloseWith("not a 7z archive at all, only some text".getBytes(StandardCharsets.UTF_8));
        TaskPackException e = unsealRefused();
        assertEquals("tasks/ledger-close/reference.7z", e.source());
        assertTrue(e.rule().startsWith("cannot unseal: not a 7z archive"), e.getMessage());
    }

    /** The refusal to unseal ledger-close's reference with the right key. */
    private TaskPackException unsealRefused() {
        try (TaskPack pack = TaskPacks.open(p.dir)) {
            return assertThrows(
                    TaskPackException.class,
                    () -> pack.task("ledger-close").orElseThrow().unsealReference(Sealed.KEY));
        }
    }

    @Test
    void theDigestIsCheckedBeforeUnsealing() throws IOException {
        byte[] archive = Sealed.seal(Sealed.files("expected.json", "{}"), Sealed.KEY);
        sealLedgerCloseWith(archive);
        archive[40] ^= 1;
        p.write("tasks/ledger-close/reference.7z", archive);
        TaskPackException e = unsealRefused();
        assertEquals("tasks/ledger-close/", e.source());
        assertTrue(e.rule().contains("does not match its digest"), e.getMessage());
    }

    @Test
    void anUnsealedTaskCannotBeUnsealed() {
        try (TaskPack pack = TaskPacks.open(p.dir)) {
            Task task = pack.task("bank-rec").orElseThrow();
            assertFalse(task.referenceSealed());
            TaskPackException e = assertThrows(TaskPackException.class, () -> task.unsealReference(Sealed.KEY));
            assertTrue(e.rule().contains("is not sealed"), e.getMessage());
        }
    }

    @Test
    void entriesFollowThePackRules() throws IOException {
        assertEntryRefused(
                Sealed.files("../evil.txt", "x"),
                PackLimits.defaults(),
                "'../evil.txt' refused: path escapes the archive");
        assertEntryRefused(Sealed.files("/abs.txt", "x"), PackLimits.defaults(), "'/abs.txt' refused: absolute path");
        assertEntryRefused(Sealed.files("a\\b.txt", "x"), PackLimits.defaults(), "refused: backslash");
        Map<String, byte[]> twice = new LinkedHashMap<>(Sealed.files("a.txt", "x"));
        twice.put("./a.txt", new byte[] {1});
        assertEntryRefused(twice, PackLimits.defaults(), "'./a.txt' refused: duplicate entry");
        Map<String, byte[]> conflict = new LinkedHashMap<>(Sealed.files("a", "x"));
        conflict.put("a/b.txt", new byte[] {1});
        assertEntryRefused(conflict, PackLimits.defaults(), "'a/b.txt' refused: entry is inside 'a', which is a file");
        Map<String, byte[]> three = Sealed.files("a.txt", "1", "b.txt", "2", "c.txt", "3");
        assertEntryRefused(
                three, new PackLimits(2, 1 << 20, 1 << 20, 200, 0, 1 << 20), "'c.txt' refused: too many entries");
        assertEntryRefused(
                three, new PackLimits(100, 1 << 20, 2, 200, 0, 1 << 20), "'c.txt' refused: the entries add up");
        assertEntryRefused(
                Sealed.files("big.txt", "0123456789"),
                new PackLimits(100, 9, 1 << 20, 200, 0, 1 << 20),
                "'big.txt' refused: entry is larger than the limit of 9 bytes");
    }

    private void assertEntryRefused(Map<String, byte[]> files, PackLimits limits, String rule) throws IOException {
        PackFixture q = PackFixture.standard(tmp.resolve("refused-" + Integer.toHexString(rule.hashCode())));
        sealLedgerCloseWith(q, Sealed.seal(files, Sealed.KEY));
        try (TaskPack pack = TaskPacks.open(q.dir, PackOptions.defaults().withLimits(limits))) {
            TaskPackException e = assertThrows(
                    TaskPackException.class,
                    () -> pack.task("ledger-close").orElseThrow().unsealReference(Sealed.KEY));
            assertEquals("tasks/ledger-close/reference.7z", e.source());
            assertTrue(e.rule().contains(rule), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lzma2-flat.7z", "lzma2-nested.7z"})
    void anLzma2ArchiveOf7ZipWithAnEncryptedHeaderOpensInAPack(String fixture) throws IOException {
        sealLedgerCloseWith(Sealed.fixture(fixture));
        try (TaskPack pack = TaskPacks.open(p.dir)) {
            Task task = pack.task("ledger-close").orElseThrow();
            assertEquals(
                    Map.of("expected.json", "{\"closed\": true}\n", "notes/totals.csv", "account,total\ncash,120.50\n"),
                    contents(task.unsealReference("sekret".toCharArray())));
            TaskPackException wrong = assertThrows(TaskPackException.class, () -> task.unsealReference(Sealed.KEY));
            assertEquals("tasks/ledger-close/reference.7z", wrong.source());
            assertTrue(
                    wrong.rule().startsWith("cannot unseal: wrong key, or the archive is damaged"), wrong.getMessage());
        }
    }

    @Test
    void aSymbolicLinkInTheArchiveIsRefused() throws IOException {
        sealLedgerCloseWith(Sealed.fixture("symlink.7z"));
        try (TaskPack pack = TaskPacks.open(p.dir)) {
            TaskPackException e = assertThrows(
                    TaskPackException.class,
                    () -> pack.task("ledger-close").orElseThrow().unsealReference("sekret".toCharArray()));
            assertEquals("tasks/ledger-close/reference.7z", e.source());
            assertTrue(e.rule().contains("'link.csv' refused: symbolic link"), e.getMessage());
        }
    }

    @Test
    void theFilesStayReadableAfterTheyAreHandedOut() throws IOException {
        sealLedgerCloseWith(Sealed.seal(Sealed.files("expected.json", "{\"closed\": true}\n"), Sealed.KEY));
        List<TaskFile> files;
        try (TaskPack pack = TaskPacks.open(p.dir)) {
            files = pack.task("ledger-close").orElseThrow().unsealReference(Sealed.KEY);
        }
        try (InputStream in = files.get(0).open()) {
            assertArrayEquals("{\"closed\": true}\n".getBytes(StandardCharsets.UTF_8), in.readAllBytes());
        }
        assertFalse(files.get(0).toString().contains("closed"), "toString never shows the content");
    }
}
