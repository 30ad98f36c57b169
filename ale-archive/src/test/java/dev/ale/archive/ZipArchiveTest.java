package dev.ale.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.task.TaskPackException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zip reader on archives as other writers make them: ZIP64 records, data descriptors, stored and deflated. */
class ZipArchiveTest {
    static final ArchiveLimits LIMITS =
            new ArchiveLimits(1000, 1 << 24, 1 << 26, 1000, 1 << 16, limit -> " (" + limit.key() + ")");

    @TempDir
    Path tmp;

    /** Files of every size class: empty, tiny, compressible and not, over one read buffer. */
    static Map<String, byte[]> files() {
        Random random = new Random(14);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("empty.txt", new byte[0]);
        files.put("a/tiny.txt", "case-1".getBytes(StandardCharsets.UTF_8));
        files.put("a/b/text.csv", "id,v\n1,2\n".repeat(5000).getBytes(StandardCharsets.UTF_8));
        byte[] noise = new byte[100_000];
        random.nextBytes(noise);
        files.put("noise.bin", noise);
        return files;
    }

    @Test
    void readsZip64RecordsStoredAndDeflatedEntriesAndDataDescriptors() throws IOException {
        for (Zip64Mode mode : new Zip64Mode[] {Zip64Mode.Always, Zip64Mode.Never}) {
            for (boolean streamed : new boolean[] {true, false}) {
                for (int method : new int[] {ZipEntry.DEFLATED, ZipEntry.STORED}) {
                    if (streamed && method == ZipEntry.STORED) {
                        continue; // a stored entry needs its sizes before its data
                    }
                    Path zip = tmp.resolve(mode + "-" + streamed + "-" + method + ".zip");
                    write(zip, mode, streamed, method);
                    try (ZipArchive archive = ZipArchive.open(zip, "t.zip", LIMITS, NamePolicy.CANONICAL)) {
                        assertEquals(files().keySet(), archive.listing().files().keySet());
                        for (Map.Entry<String, byte[]> f : files().entrySet()) {
                            try (InputStream in = archive.open(f.getKey())) {
                                assertArrayEquals(f.getValue(), in.readAllBytes(), zip + " " + f.getKey());
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void aDamagedDeflatedEntryIsRefusedWhenRead() throws IOException {
        Path zip = tmp.resolve("d.zip");
        write(zip, Zip64Mode.Never, false, ZipEntry.DEFLATED);
        byte[] bytes = Files.readAllBytes(zip);
        byte[] name = "a/b/text.csv".getBytes(StandardCharsets.UTF_8);
        int at = indexOf(bytes, name) + name.length + 20; // inside its deflated data
        for (int i = 0; i < 8; i++) {
            bytes[at + i] ^= (byte) 0x5a;
        }
        Files.write(zip, bytes);
        try (ZipArchive archive = ZipArchive.open(zip, "d.zip", LIMITS, NamePolicy.CANONICAL)) {
            Exception e = assertThrows(Exception.class, () -> {
                try (InputStream in = archive.open("a/b/text.csv")) {
                    in.readAllBytes();
                }
            });
            assertTrue(e instanceof IOException || e instanceof TaskPackException, e.toString());
        }
    }

    /** Local headers are read 64 KiB at a time: many small entries, a large one between them, headers across the seams. */
    @Test
    void manyEntriesAroundALargeOneAreCheckedAndReadThroughTheHeaderWindow() throws IOException {
        ArchiveLimits limits = new ArchiveLimits(10_000, 1 << 24, 1 << 26, 1000, 1 << 16, limit -> "");
        for (boolean streamed : new boolean[] {true, false}) {
            Path zip = tmp.resolve("many-" + streamed + ".zip");
            Map<String, byte[]> files = manyFiles();
            writeAll(zip, files, streamed);
            try (ZipArchive archive = ZipArchive.open(zip, "m.zip", limits, NamePolicy.CANONICAL)) {
                assertEquals(files.keySet(), archive.listing().files().keySet());
                for (Map.Entry<String, byte[]> f : files.entrySet()) {
                    try (InputStream in = archive.open(f.getKey())) {
                        assertArrayEquals(f.getValue(), in.readAllBytes(), streamed + " " + f.getKey());
                    }
                }
            }
        }
    }

    @Test
    void aLocalNameChangedFarPastTheFirstWindowIsRefused() throws IOException {
        ArchiveLimits limits = new ArchiveLimits(10_000, 1 << 24, 1 << 26, 1000, 1 << 16, limit -> "");
        Path zip = tmp.resolve("renamed.zip");
        writeAll(zip, manyFiles(), false);
        byte[] bytes = Files.readAllBytes(zip);
        int at = indexOf(bytes, "s/2000.txt".getBytes(StandardCharsets.UTF_8)); // its local header comes first
        assertTrue(at > 3 * 64 * 1024, "the header lies beyond the first windows: " + at);
        bytes[at + 2] = 'x';
        Files.write(zip, bytes);
        TaskPackException e = assertThrows(
                TaskPackException.class, () -> ZipArchive.open(zip, "renamed.zip", limits, NamePolicy.CANONICAL));
        assertTrue(e.getMessage().contains("the local header names it 's/x000.txt'"), e.getMessage());
    }

    /** 2,400 small files and, in the middle, a 200 KB one (more than three windows). */
    private static Map<String, byte[]> manyFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < 2400; i++) {
            files.put(
                    "s/" + String.format(Locale.ROOT, "%04d", i) + ".txt",
                    ("case-" + i).getBytes(StandardCharsets.UTF_8));
            if (i == 1200) {
                byte[] big = new byte[200_000];
                new Random(3).nextBytes(big);
                files.put("big.bin", big);
            }
        }
        return files;
    }

    /** Deflated entries; streamed: with data descriptors after each entry's data. */
    private static void writeAll(Path zip, Map<String, byte[]> files, boolean streamed) throws IOException {
        if (streamed) {
            try (OutputStream file = Files.newOutputStream(zip);
                    ZipArchiveOutputStream out = new ZipArchiveOutputStream(file)) {
                putAll(out, files);
            }
        } else {
            try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
                putAll(out, files);
            }
        }
    }

    private static void putAll(ZipArchiveOutputStream out, Map<String, byte[]> files) throws IOException {
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            out.putArchiveEntry(new ZipArchiveEntry(f.getKey()));
            out.write(f.getValue());
            out.closeArchiveEntry();
        }
    }

    private static void write(Path zip, Zip64Mode mode, boolean streamed, int method) throws IOException {
        if (streamed) {
            try (OutputStream file = Files.newOutputStream(zip);
                    ZipArchiveOutputStream out = new ZipArchiveOutputStream(file)) {
                entries(out, mode, method);
            }
        } else {
            try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
                entries(out, mode, method);
            }
        }
    }

    private static void entries(ZipArchiveOutputStream out, Zip64Mode mode, int method) throws IOException {
        out.setUseZip64(mode);
        for (Map.Entry<String, byte[]> f : files().entrySet()) {
            ZipArchiveEntry e = new ZipArchiveEntry(f.getKey());
            e.setMethod(method);
            if (method == ZipEntry.STORED) {
                CRC32 crc = new CRC32();
                crc.update(f.getValue());
                e.setSize(f.getValue().length);
                e.setCrc(crc.getValue());
            }
            out.putArchiveEntry(e);
            out.write(f.getValue());
            out.closeArchiveEntry();
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }
}
