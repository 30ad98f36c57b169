package dev.ale.taskpack;

import static dev.ale.taskpack.Hostile.Entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.task.TaskPackException;
import dev.ale.api.task.TaskPart;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

class ZipSafetyTest extends ArchiveSafetyContract {
    @Override
    TaskPackException refused(List<Entry> entries, PackLimits limits) throws IOException {
        Path zip = Hostile.zip(tmp.resolve("hostile.zip"), entries);
        TaskPackException e = assertThrows(
                TaskPackException.class,
                () -> TaskPacks.open(zip, PackOptions.defaults().withLimits(limits)));
        SafetyCases.assertOnly(tmp, "pack", "hostile.zip");
        return e;
    }

    @Test
    void theUnalteredZipOpens() throws IOException {
        Path zip = Hostile.zip(tmp.resolve("plain.zip"), base);
        try (TaskPack pack = TaskPacks.open(zip)) {
            pack.verify();
        }
    }

    static Stream<Arguments> badNames() {
        return SafetyCases.badNames();
    }

    @Test
    void fatEntriesWithBackslashesAreStillRefused() throws IOException {
        TaskPackException e = refused(Entry.fatFile("..\\evil", "evil"));
        assertTrue(e.rule().contains("'..'"), e.getMessage());
        e = refused(Entry.fatFile("C:\\evil", "evil"));
        assertTrue(e.rule().contains("drive letter"), e.getMessage());
    }

    @Test
    void emptyNameIsRefused() throws IOException {
        TaskPackException e = refused(Entry.file("", "evil"));
        assertEquals("empty entry name", e.rule());
    }

    @Test
    void devicesFifosAndSocketsAreRefused() throws IOException {
        for (int mode : new int[] {0020644, 0060644, 0010644, 0140644}) {
            TaskPackException e = refused(Entry.special("tasks/bank-rec/inputs/dev", mode, (byte) '0'));
            assertEquals("tasks/bank-rec/inputs/dev", e.source());
            assertTrue(e.rule().contains("special file"), Integer.toOctalString(mode) + ": " + e.getMessage());
        }
    }

    @Test
    void aHeaderThatUnderstatesTheSizeIsCaughtByCountingTheBytesRead() throws IOException {
        fixture.write("tasks/bank-rec/inputs/big.bin", SafetyCases.noise(200_000, 2));
        fixture.rehash();
        Path zip = Hostile.zip(tmp.resolve("lying.zip"), Hostile.filesOf(fixture.dir));
        patchCentral(zip, "tasks/bank-rec/inputs/big.bin", null, 1_000L);
        try (TaskPack pack =
                TaskPacks.open(zip, PackOptions.defaults().withLimits(limits(1000, 5_000, 1L << 33, 200, 1L << 20)))) {
            TaskPackException e = assertThrows(
                    TaskPackException.class,
                    () -> pack.task("bank-rec").orElseThrow().files(TaskPart.INPUTS));
            assertEquals("tasks/bank-rec/inputs/big.bin", e.source());
            assertEquals("entry holds more bytes than its size says (1000)", e.rule());
        }
        SafetyCases.assertOnly(tmp, "pack", "lying.zip");
    }

    @Test
    void aHeaderThatOverstatesTheSizeIsCaughtAtTheEnd() throws IOException {
        Path zip = Hostile.zip(tmp.resolve("lying.zip"), base);
        patchCentral(zip, "tasks/bank-rec/inputs/statement.csv", null, 5_000L);
        try (TaskPack pack = TaskPacks.open(zip)) {
            TaskPackException e = assertThrows(TaskPackException.class, pack::verify);
            assertEquals("tasks/bank-rec/inputs/statement.csv", e.source());
            assertTrue(e.rule().startsWith("entry holds fewer bytes"), e.getMessage());
        }
    }

    @Test
    void aDeclaredCompressionRatioOverTheLimitIsRefused() throws IOException {
        TaskPackException e = refused(
                Hostile.plus(base, Entry.file("tasks/bank-rec/inputs/zeros.bin", new byte[100_000])),
                limits(1000, 1L << 30, 1L << 33, 10, 1024));
        assertEquals("tasks/bank-rec/inputs/zeros.bin", e.source());
        assertTrue(e.rule().startsWith("compression ratio over the limit of 10"), e.getMessage());
    }

    @Test
    void aDirectoryThatHidesTheRatioOverlapsTheNextEntryAndIsRefusedAtOpen() throws IOException {
        fixture.write("tasks/bank-rec/inputs/zeros.bin", new byte[1 << 20]);
        fixture.write("tasks/bank-rec/inputs/zz-noise.bin", SafetyCases.noise(64 << 10, 3));
        fixture.rehash();
        Path zip = Hostile.zip(tmp.resolve("bomb.zip"), Hostile.filesOf(fixture.dir));
        patchCentral(zip, "tasks/bank-rec/inputs/zeros.bin", (long) ((1 << 20) / 50 + 100), null);
        PackLimits limits = limits(1000, 1L << 30, 1L << 33, 50, 64 << 10);
        TaskPackException e = assertThrows(
                TaskPackException.class,
                () -> TaskPacks.open(zip, PackOptions.defaults().withLimits(limits)));
        assertEquals("tasks/bank-rec/inputs/zeros.bin", e.source());
        assertTrue(e.rule().startsWith("overlapping entries"), e.getMessage());
    }

    @Test
    void unsupportedCompressionMethodsAreRefused() throws IOException {
        Path zip = Hostile.zip(tmp.resolve("hostile.zip"), base);
        patchMethod(zip, "pack.json", 99);
        TaskPackException e = assertThrows(TaskPackException.class, () -> TaskPacks.open(zip));
        assertEquals("pack.json", e.source());
        assertTrue(
                e.rule().contains("compression method 99 is not supported (only stored and deflated)"), e.getMessage());
    }

    @Test
    void aFileThatIsNotAZipIsRefusedNamingIt() throws IOException {
        Path zip = Files.writeString(tmp.resolve("junk.zip"), "this is not a zip");
        TaskPackException e = assertThrows(TaskPackException.class, () -> TaskPacks.open(zip));
        assertEquals("junk.zip", e.source());
    }

    /** Rewrites the sizes of an entry in the zip's central directory (null: unchanged). */
    static void patchCentral(Path zip, String name, Long compressed, Long size) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int at = central(bytes, name);
        if (compressed != null) {
            b.putInt(at + 20, compressed.intValue());
        }
        if (size != null) {
            b.putInt(at + 24, size.intValue());
        }
        Files.write(zip, bytes);
    }

    /** Rewrites the compression method of an entry in the central directory. */
    static void patchMethod(Path zip, String name, int method) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putShort(central(bytes, name) + 10, (short) method);
        Files.write(zip, bytes);
    }

    private static int central(byte[] bytes, String name) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] want = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 < bytes.length; i++) {
            if (b.getInt(i) == 0x02014b50) {
                int len = b.getShort(i + 28) & 0xffff;
                if (len == want.length && Arrays.equals(bytes, i + 46, i + 46 + len, want, 0, len)) {
                    return i;
                }
            }
        }
        throw new IllegalArgumentException("no central directory entry " + name);
    }
}
