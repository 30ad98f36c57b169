package dev.ale.taskpack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.task.TaskPackException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sealed-archive writer and reader, and the reader on archives made by 7-Zip itself. */
class SevenZRoundTripTest {
    private static final char[] SEKRET = "sekret".toCharArray();

    private static Map<String, byte[]> sample() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("answer.csv", "date,amount\n2024-03-01,100.00\n".getBytes(StandardCharsets.UTF_8));
        files.put("data/big.bin", SafetyCases.noise(200_003, 7));
        files.put("data/empty.txt", new byte[0]);
        files.put("notes ü é.txt", "ünïcödé\n".getBytes(StandardCharsets.UTF_8));
        files.put("z.json", "{}".getBytes(StandardCharsets.UTF_8));
        return files;
    }

    @Test
    void everyFileComesBackByteForByte() throws Exception {
        Map<String, byte[]> files = sample();
        Map<String, byte[]> back = Sealed.unseal(Sealed.seal(files, Sealed.KEY), Sealed.KEY);
        assertEquals(files.keySet(), back.keySet());
        files.forEach((name, data) -> assertArrayEquals(data, back.get(name), name));
    }

    @Test
    void onlyEmptyFilesNeedNoContentStream() throws Exception {
        Map<String, byte[]> back =
                Sealed.unseal(Sealed.seal(Sealed.files("a.txt", "", "b/c.txt", ""), Sealed.KEY), Sealed.KEY);
        assertEquals(2, back.size());
        assertEquals(0, back.get("b/c.txt").length);
    }

    @Test
    void theSameFilesAndKeyGiveTheSameBytesAndAnythingElseOtherBytes() {
        byte[] first = Sealed.seal(sample(), Sealed.KEY);
        assertArrayEquals(first, Sealed.seal(sample(), Sealed.KEY));
        assertFalse(Arrays.equals(first, Sealed.seal(sample(), "another key".toCharArray())));
        Map<String, byte[]> changed = sample();
        changed.put("z.json", "[]".getBytes(StandardCharsets.UTF_8));
        byte[] other = Sealed.seal(changed, Sealed.KEY);
        assertEquals(first.length, other.length);
        assertFalse(
                Arrays.equals(Arrays.copyOfRange(first, 32, 64), Arrays.copyOfRange(other, 32, 64)),
                "the IV follows the content, so even the first block differs");
    }

    @Test
    void neitherNamesNorContentsShowInTheArchive() {
        Map<String, byte[]> files = Sealed.files("secret-answer-name.csv", "THE ANSWER IS 42, PLAINLY");
        byte[] archive = Sealed.seal(files, Sealed.KEY);
        for (String name : files.keySet()) {
            assertEquals(-1, Sealed.indexOf(archive, name.getBytes(StandardCharsets.UTF_16LE)), name);
            assertEquals(-1, Sealed.indexOf(archive, name.getBytes(StandardCharsets.UTF_8)), name);
        }
        assertEquals(-1, Sealed.indexOf(archive, "THE ANSWER".getBytes(StandardCharsets.UTF_8)));
        assertEquals(SevenZ.ENCODED_HEADER, archive[Sealed.nextHeader(archive)], "the header is encoded (encrypted)");
    }

    @Test
    void aWrongKeyIsReportedAsSuch() {
        byte[] archive = Sealed.seal(sample(), Sealed.KEY);
        SevenZReader.Failure e =
                assertThrows(SevenZReader.Failure.class, () -> Sealed.unseal(archive, "wrong".toCharArray()));
        assertTrue(e.wrongKey);
        assertTrue(e.getMessage().startsWith("wrong key"), e.getMessage());
    }

    @Test
    void damagedContentIsReportedAsDamagedNotAsAWrongKey() {
        byte[] archive = Sealed.seal(sample(), Sealed.KEY);
        archive[40] ^= 1;
        SevenZReader.Failure e = assertThrows(SevenZReader.Failure.class, () -> Sealed.unseal(archive, Sealed.KEY));
        assertFalse(e.wrongKey);
        assertTrue(e.getMessage().contains("damaged (CRC mismatch in 'answer.csv')"), e.getMessage());
    }

    @Test
    void damagedOrTruncatedHeadersAreUnreadable() {
        byte[] archive = Sealed.seal(sample(), Sealed.KEY);
        byte[] header = archive.clone();
        header[Sealed.nextHeader(header) + 3] ^= 1;
        assertUnreadable(header, "header CRC mismatch");
        byte[] start = archive.clone();
        start[14] ^= 1;
        assertUnreadable(start, "start header CRC mismatch");
        assertUnreadable(Arrays.copyOf(archive, archive.length - 1), "lies outside the file");
        assertUnreadable(Arrays.copyOf(archive, 20), "not a 7z archive");
        byte[] version = archive.clone();
        version[6] = 1;
        assertUnreadable(version, "unsupported 7z format version 1.4");
        assertUnreadable(
                "PK\u0003\u0004 not a 7z at all, but long enough".getBytes(StandardCharsets.UTF_8), "not a 7z archive");
    }

    @Test
    void keyDerivationBeyondWhat7ZipAcceptsIsRefusedBeforeItRuns() {
        byte[] archive = Sealed.seal(sample(), Sealed.KEY);
        int next = Sealed.nextHeader(archive);
        int at = Sealed.indexOf(
                Arrays.copyOfRange(archive, next, archive.length),
                new byte[] {(byte) (0xC0 | SevenZ.CYCLES_POWER), (byte) 0xFF});
        assertTrue(at > 0, "the header's AES properties are in the plain next header");
        archive[next + at] = (byte) (0xC0 | 40);
        assertUnreadable(Sealed.fixCrcs(archive), "key derivation of 2^40 rounds");
    }

    @Test
    void archivesOf7ZipWithCopyAndAesOpen() throws Exception {
        Map<String, byte[]> files = Sealed.unseal(fixture("7zip-sealed.7z"), SEKRET);
        assertEquals(
                "date,amount,matched\n2024-03-01,100.00,yes\n",
                new String(files.get("expected.csv"), StandardCharsets.UTF_8));
        assertEquals("{\"closed\": true}\n", new String(files.get("data/expected.json"), StandardCharsets.UTF_8));
        SevenZReader.Failure e =
                assertThrows(SevenZReader.Failure.class, () -> Sealed.unseal(fixture("7zip-sealed.7z"), Sealed.KEY));
        assertTrue(e.wrongKey, e.getMessage());
    }

    @Test
    void archivesThatAreNotEncryptedOrUseOtherMethodsAreRefused() {
        assertUnreadable(fixture("7zip-unencrypted.7z"), "not encrypted");
        assertUnreadable(fixture("7zip-lzma.7z"), "unsupported 7z method 030101");
    }

    @Test
    void symbolicLinksAreRefused() {
        TaskPackException e =
                assertThrows(TaskPackException.class, () -> Sealed.unseal(fixture("7zip-symlink.7z"), SEKRET));
        assertEquals("link.csv", e.source());
        assertTrue(e.rule().contains("symbolic link"), e.getMessage());
    }

    @Test
    void linksAndSpecialFilesAreRefusedByTheirAttributes() {
        byte[] regular = {0x20, (byte) 0x80, (byte) 0xA4, (byte) 0x81};
        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("symbolic link", new byte[] {0x20, (byte) 0x80, (byte) 0xFF, (byte) 0xA1});
        cases.put("symbolic link (links", new byte[] {0x20, 0x04, 0x00, 0x00});
        cases.put("special file", new byte[] {0x20, (byte) 0x80, (byte) 0xA4, 0x11});
        cases.forEach((rule, attributes) -> {
            byte[] archive = patched(regular, attributes);
            TaskPackException e = assertThrows(TaskPackException.class, () -> Sealed.unseal(archive, SEKRET));
            assertEquals("empty.txt", e.source());
            assertTrue(e.rule().startsWith(rule), e.getMessage());
        });
    }

    @Test
    void antiItemsAndNamesOutsideTheHeaderAreRefused() {
        assertUnreadable(
                patched(new byte[] {0x19, 0x04, 0, 0, 0, 0}, new byte[] {0x10, 0x04, (byte) 0x80, 0, 0, 0}),
                "anti items");
        assertUnreadable(patched(new byte[] {0x11, 0x67, 0x00}, new byte[] {0x11, 0x67, 0x01}), "names stored outside");
    }

    /** The 7-Zip archive with a plain header, {@code from} replaced by {@code to} in its header, CRCs fixed. */
    private static byte[] patched(byte[] from, byte[] to) {
        byte[] archive = fixture("7zip-plain-header.7z");
        int next = Sealed.nextHeader(archive);
        int at = Sealed.indexOf(Arrays.copyOfRange(archive, next, archive.length), from);
        assertTrue(at >= 0);
        System.arraycopy(to, 0, archive, next + at, to.length);
        return Sealed.fixCrcs(archive);
    }

    @Test
    void foldersAndEmptyFilesOf7ZipAreTold() throws Exception {
        Map<String, byte[]> files = Sealed.unseal(fixture("7zip-plain-header.7z"), SEKRET);
        assertEquals(
                List.of("emptydir", "empty.txt", "data/expected.json", "expected.csv"), List.copyOf(files.keySet()));
        assertNull(files.get("emptydir"), "a folder");
        assertEquals(0, files.get("empty.txt").length);
    }

    @Test
    void entriesAreShownToTheCheckBeforeAnyContentIsDecrypted() throws Exception {
        byte[] archive = Sealed.seal(sample(), Sealed.KEY);
        archive[40] ^= 1;
        Map<String, Long> seen = new LinkedHashMap<>();
        assertThrows(
                SevenZReader.Failure.class, () -> SevenZReader.read(archive, Sealed.KEY, (n, d, s) -> seen.put(n, s)));
        assertEquals(sample().keySet(), seen.keySet());
        assertEquals(200_003L, seen.get("data/big.bin"));
        assertNull(seen.get("missing"));
    }

    @Test
    void aDamagedHeaderIsAlwaysARefusalNeverACrash() {
        byte[] sevenZip = withCheapKeys(fixture("7zip-plain-header.7z"), (byte) 0x53, (byte) 0x0F);
        byte[] ours = withCheapKeys(
                Sealed.seal(Sealed.files("a.txt", "1", "b/c.txt", "", "d.txt", "22"), Sealed.KEY),
                (byte) (0xC0 | SevenZ.CYCLES_POWER),
                (byte) 0xFF);
        int refusals = 0;
        for (byte[] base : List.of(sevenZip, ours)) {
            for (int i = Sealed.nextHeader(base); i < base.length; i++) {
                for (int flip : new int[] {0x01, 0x80, 0xFF}) {
                    byte[] damaged = base.clone();
                    damaged[i] ^= (byte) flip;
                    try {
                        Sealed.unseal(Sealed.fixCrcs(damaged), SEKRET);
                    } catch (SevenZReader.Failure | TaskPackException expected) {
                        refusals++;
                    }
                }
            }
        }
        assertTrue(refusals > 300, "refusals: " + refusals);
    }

    /** The archive with every 7zAES key derivation in its plain header cut to one round (so each read is quick). */
    private static byte[] withCheapKeys(byte[] archive, byte flags, byte sizes) {
        int next = Sealed.nextHeader(archive);
        int patched = 0;
        for (int i = next; i + 1 < archive.length; i++) {
            if (archive[i] == flags && archive[i + 1] == sizes) {
                archive[i] = (byte) (flags & 0xC0);
                patched++;
            }
        }
        assertTrue(patched > 0);
        return Sealed.fixCrcs(archive);
    }

    private static void assertUnreadable(byte[] archive, String why) {
        SevenZReader.Failure e = assertThrows(SevenZReader.Failure.class, () -> Sealed.unseal(archive, SEKRET));
        assertFalse(e.wrongKey, e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    static byte[] fixture(String name) {
        try (InputStream in = SevenZRoundTripTest.class.getResourceAsStream("sealed/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
