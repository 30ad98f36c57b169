package dev.ale.taskpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.primitives.Bytes;
import dev.ale.api.task.TaskPackException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Archives made by the real 7-Zip ({@code 7zz} 26.02; each command is in
 * {@code src/test/resources/dev/ale/taskpack/sealed/README.md}), read as sealed references:
 * the methods and header forms ALE's {@code reference.7z} files use open, and hostile archives
 * are refused naming the entry and the rule.
 */
class SevenZipArchivesTest {
    private static final char[] SEKRET = "sekret".toCharArray();
    private static final Map<String, String> REFERENCE =
            Map.of("expected.json", "{\"closed\": true}\n", "notes/totals.csv", "account,total\ncash,120.50\n");

    private static Map<String, String> texts(Map<String, byte[]> files) {
        Map<String, String> out = new TreeMap<>();
        files.forEach((name, data) -> out.put(name, new String(data, StandardCharsets.UTF_8)));
        return out;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "lzma2-flat.7z",
                "lzma2-nested.7z",
                "lzma2-header-clear.7z",
                "lzma-compressed-header.7z",
                "bcj.7z",
                "copy.7z"
            })
    void archivesOf7ZipOpenWithTheirKey(String name) throws Exception {
        assertEquals(REFERENCE, texts(Sealed.unseal(Sealed.fixture(name), SEKRET)));
    }

    @Test
    void aSingleTopLevelReferenceFolderIsLiftedAsAleDoes() throws Exception {
        assertEquals(
                List.of("expected.json", "notes/totals.csv"),
                List.copyOf(
                        Sealed.unseal(Sealed.fixture("lzma2-nested.7z"), SEKRET).keySet()));
        List<SealedArchive.File> asSolution =
                SealedArchive.read(Sealed.fixture("lzma2-nested.7z"), SEKRET, PackLimits.defaults(), "solution");
        assertEquals(
                List.of("reference/expected.json", "reference/notes/totals.csv"),
                asSolution.stream().map(SealedArchive.File::path).toList(),
                "only the part's own folder is lifted");
    }

    @Test
    void emptyFilesAndFoldersOf7ZipAreKept() throws Exception {
        Map<String, byte[]> files = Sealed.unseal(Sealed.fixture("plain-header.7z"), SEKRET);
        assertEquals(List.of("empty.txt", "expected.json"), List.copyOf(new TreeMap<>(files).keySet()));
        assertEquals(0, files.get("empty.txt").length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lzma2-flat.7z", "lzma2-header-clear.7z", "lzma-compressed-header.7z", "bcj.7z"})
    void aWrongKeyIsAFailureNeverAResult(String name) {
        SealedArchive.Failure e = assertThrows(
                SealedArchive.Failure.class, () -> Sealed.unseal(Sealed.fixture(name), "not the key".toCharArray()));
        assertTrue(e.getMessage().startsWith("wrong key, or the archive is damaged"), e.getMessage());
    }

    /** Fixtures refused under the default limits: the entry named and a fragment of the rule. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "unencrypted.7z | expected.json | not encrypted",
                "symlink.7z | link.csv | symbolic link",
                "dotdot.7z | ../secret.txt | path escapes the archive ('..' segment)",
                "absolute.7z | /tmp/ale-fixture/secret.txt | absolute path",
                "bomb.7z | zeros.bin | compression ratio over the limit of 200.0"
            })
    void unsafeArchivesAreRefused(String fixture, String entry, String rule) {
        assertRefused(fixture, PackLimits.defaults(), entry, rule);
    }

    @Test
    void declaredSizesOverTheLimitsAreRefusedBeforeTheyAreDecoded() {
        PackLimits oneMiB = new PackLimits(100, 1 << 20, 8L << 30, 1e9, 0, 1 << 20);
        assertRefused("bomb.7z", oneMiB, "zeros.bin", "entry is larger than the limit of 1048576 bytes");
        PackLimits total = new PackLimits(100, 1L << 30, 30, 1e9, 0, 1 << 20);
        assertRefused(
                "lzma2-flat.7z", total, "notes/totals.csv", "the entries add up to more than the limit of 30 bytes");
    }

    @Test
    void tooManyEntriesAreRefused() {
        PackLimits two = new PackLimits(2, 1L << 30, 8L << 30, 200, 1 << 20, 1 << 20);
        assertRefused("lzma2-flat.7z", two, "notes/totals.csv", "too many entries (the limit is 2)");
    }

    @Test
    void aContentKeyDerivationBeyondWhat7ZipAcceptsIsRefusedBeforeItRuns() {
        byte[] archive = Sealed.fixture("plain-header.7z");
        int next = Sealed.nextHeader(archive);
        int at = Bytes.indexOf(Arrays.copyOfRange(archive, next, archive.length), new byte[] {0x53, 0x0F});
        assertTrue(at > 0, "the folder's 7zAES properties (2^19 rounds, a 16-byte IV) are in the plain header");
        archive[next + at] = 0x40 | 40;
        SealedArchive.Failure e =
                assertThrows(SealedArchive.Failure.class, () -> Sealed.unseal(Sealed.fixCrcs(archive), SEKRET));
        assertTrue(e.getMessage().contains("key derivation of 2^40 rounds"), e.getMessage());
    }

    private static void assertRefused(String fixture, PackLimits limits, String entry, String rule) {
        TaskPackException e =
                assertThrows(TaskPackException.class, () -> Sealed.unseal(Sealed.fixture(fixture), SEKRET, limits));
        assertEquals(entry, e.source());
        assertTrue(e.rule().startsWith(rule), e.getMessage());
    }
}
