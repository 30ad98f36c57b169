package dev.ale.taskpack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.primitives.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SDK's reproducible sealed-archive writer, read back through Commons Compress's SevenZFile. */
class SevenZRoundTripTest {
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
        byte[] archive = Sealed.seal(sample(), Sealed.KEY);
        for (String name : sample().keySet()) {
            assertEquals(-1, Bytes.indexOf(archive, name.getBytes(StandardCharsets.UTF_16LE)), name);
        }
        assertEquals(-1, Bytes.indexOf(archive, "2024-03-01".getBytes(StandardCharsets.UTF_8)));
        assertEquals(0x17, archive[Sealed.nextHeader(archive)], "the header is encoded (encrypted)");
    }

    @Test
    void aWrongKeyIsReportedAsSuch() {
        byte[] archive = Sealed.seal(sample(), Sealed.KEY);
        SealedArchive.Failure e =
                assertThrows(SealedArchive.Failure.class, () -> Sealed.unseal(archive, "wrong".toCharArray()));
        assertTrue(
                e.getMessage().startsWith("wrong key, or the archive is damaged: its header does not decode"),
                e.getMessage());
    }

    @Test
    void damagedContentIsReportedNamingTheFile() {
        byte[] archive = Sealed.seal(sample(), Sealed.KEY);
        archive[40] ^= 1;
        SealedArchive.Failure e = assertThrows(SealedArchive.Failure.class, () -> Sealed.unseal(archive, Sealed.KEY));
        assertTrue(e.getMessage().contains("'answer.csv' does not decode"), e.getMessage());
    }

    @Test
    void damagedOrTruncatedArchivesAreRefused() {
        byte[] archive = Sealed.seal(sample(), Sealed.KEY);
        SealedArchive.Failure truncated = assertThrows(
                SealedArchive.Failure.class,
                () -> Sealed.unseal(Arrays.copyOf(archive, archive.length - 1), Sealed.KEY));
        assertTrue(truncated.getMessage().contains("its header does not decode"), truncated.getMessage());
        for (byte[] other : new byte[][] {
            Arrays.copyOf(archive, 4),
            "PK\u0003\u0004 not a 7z at all, but long enough".getBytes(StandardCharsets.UTF_8)
        }) {
            SealedArchive.Failure e = assertThrows(SealedArchive.Failure.class, () -> Sealed.unseal(other, Sealed.KEY));
            assertEquals("not a 7z archive (no 7z signature)", e.getMessage());
        }
    }

    @Test
    void keyDerivationBeyondWhat7ZipAcceptsIsRefusedBeforeItRuns() {
        byte[] archive = Sealed.seal(sample(), Sealed.KEY);
        int next = Sealed.nextHeader(archive);
        int at = Bytes.indexOf(
                Arrays.copyOfRange(archive, next, archive.length),
                new byte[] {(byte) (0xC0 | SevenZ.CYCLES_POWER), (byte) 0xFF});
        assertTrue(at > 0, "the header's AES properties are in the plain next header");
        archive[next + at] = (byte) (0xC0 | 40);
        SealedArchive.Failure e =
                assertThrows(SealedArchive.Failure.class, () -> Sealed.unseal(Sealed.fixCrcs(archive), Sealed.KEY));
        assertTrue(e.getMessage().contains("key derivation of 2^40 rounds"), e.getMessage());
    }
}
