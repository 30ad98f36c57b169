package dev.ale.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tar reader writes each file whole, whatever its size against the copy buffer's and in whatever order sizes come. */
class TarArchiveTest {
    @TempDir
    Path tmp;

    /** Sizes around the copy buffer's first size (512), its largest, and small after large, each twice in random order. */
    static Map<String, byte[]> files(long seed) {
        int big = TarArchive.COPY_BUFFER;
        int[] sizes = {0, 1, 511, 512, 513, 1500, big - 1, big, big + 1, 3 * big + 5, 7, 0, 200_000, 2};
        Random random = new Random(seed);
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < sizes.length; i++) {
                int size = sizes[random.nextInt(sizes.length)];
                byte[] data = new byte[size];
                random.nextBytes(data);
                files.put("d" + round + "/f" + i + "-" + size + ".bin", data);
            }
        }
        return files;
    }

    static byte[] tar(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                TarArchiveEntry e = new TarArchiveEntry(f.getKey());
                e.setSize(f.getValue().length);
                tar.putArchiveEntry(e);
                tar.write(f.getValue());
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(plain);
        }
        return bytes.toByteArray();
    }

    @Test
    void everyFileIsWrittenWholeInTarsAndTarGzs() throws IOException {
        for (long seed = 0; seed < 6; seed++) {
            Map<String, byte[]> files = files(seed);
            byte[] tar = tar(files);
            for (boolean gzip : new boolean[] {false, true}) {
                Path root = Files.createDirectory(tmp.resolve("x" + seed + gzip));
                try (InputStream in = new ByteArrayInputStream(gzip ? gzip(tar) : tar)) {
                    Listing listing =
                            TarArchive.extract(in, gzip, "t.tar", ArchiveLimits.NONE, NamePolicy.CANONICAL, root);
                    assertEquals(files.keySet(), listing.files().keySet());
                }
                for (Map.Entry<String, byte[]> f : files.entrySet()) {
                    assertArrayEquals(
                            f.getValue(),
                            Files.readAllBytes(root.resolve(f.getKey())),
                            "seed " + seed + (gzip ? " tar.gz " : " tar ") + f.getKey());
                }
            }
        }
    }
}
