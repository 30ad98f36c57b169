package dev.ale.taskpack.hostile;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Writes {@link Entry} lists as zip, tar and tar.gz files exactly as given (names unnormalised,
 * links and devices kept), and patches the bytes of archives afterwards: raw names, the sizes of
 * the zip central directory, the entry count of the zip end record, tar header fields.
 */
final class Archives {
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_RECORD = 0x06054b50;
    private static final int ZIP64_END_RECORD = 0x06064b50;

    private Archives() {}

    /** A zip entry whose name is kept byte for byte (FAT entries would get their backslashes rewritten). */
    private static final class RawZipEntry extends ZipArchiveEntry {
        RawZipEntry(String name, int unixMode) {
            super("placeholder");
            setUnixMode(unixMode);
            setName(name);
        }
    }

    static Path zip(Path file, List<Entry> entries) throws IOException {
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
            zip.setEncoding("UTF-8");
            for (Entry e : entries) {
                zip.putArchiveEntry(new RawZipEntry(e.name(), e.zipMode()));
                zip.write(e.data());
                zip.closeArchiveEntry();
            }
        }
        return patchRawNames(file, entries, false);
    }

    static Path tar(Path file, List<Entry> entries) throws IOException {
        return tar(file, entries, Map.of());
    }

    /**
     * A plain tar whose entries named in {@code pax} get those extended (PAX) header records, which
     * override the header's own fields when read (such as {@code path}).
     */
    static Path tar(Path file, List<Entry> entries, Map<String, Map<String, String>> pax) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            writeTar(out, entries, pax);
        }
        return patchRawNames(file, entries, true);
    }

    static Path tgz(Path file, List<Entry> entries) throws IOException {
        if (entries.stream().anyMatch(e -> e.raw() != null)) {
            throw new IllegalArgumentException("raw names are patched into plain tars only");
        }
        try (OutputStream out = new GzipCompressorOutputStream(Files.newOutputStream(file))) {
            writeTar(out, entries, Map.of());
        }
        return file;
    }

    private static void writeTar(OutputStream out, List<Entry> entries, Map<String, Map<String, String>> pax)
            throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out, "UTF-8");
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
        for (Entry e : entries) {
            byte type =
                    switch (e.kind()) {
                        case FILE -> TarConstants.LF_NORMAL;
                        case FOLDER -> TarConstants.LF_DIR;
                        case SYMLINK -> TarConstants.LF_SYMLINK;
                        case HARD_LINK -> TarConstants.LF_LINK;
                        case CHAR_DEVICE -> TarConstants.LF_CHR;
                        case BLOCK_DEVICE -> TarConstants.LF_BLK;
                        case FIFO -> TarConstants.LF_FIFO;
                    };
            TarArchiveEntry te = new TarArchiveEntry(e.name(), type, true);
            te.setMode(e.zipMode());
            if (!e.link().isEmpty()) {
                te.setLinkName(e.link());
            }
            pax.getOrDefault(e.name(), Map.of()).forEach(te::addPaxHeader);
            boolean file = e.kind() == Entry.Kind.FILE;
            te.setSize(file ? e.data().length : 0);
            tar.putArchiveEntry(te);
            if (file) {
                tar.write(e.data());
            }
            tar.closeArchiveEntry();
        }
        tar.finish();
    }

    private static Path patchRawNames(Path file, List<Entry> entries, boolean tar) throws IOException {
        byte[] bytes = null;
        for (Entry e : entries) {
            if (e.raw() != null) {
                bytes = bytes == null ? Files.readAllBytes(file) : bytes;
                replaceAll(bytes, e.name().getBytes(StandardCharsets.UTF_8), e.raw(), tar);
            }
        }
        if (bytes != null) {
            Files.write(file, bytes);
        }
        return file;
    }

    /** Replaces every occurrence of {@code from} by {@code to} (same length), fixing tar header checksums. */
    static void replaceAll(byte[] bytes, byte[] from, byte[] to, boolean tar) {
        if (from.length != to.length) {
            throw new IllegalArgumentException("a patch must keep the length");
        }
        int found = 0;
        for (int i = 0; i + from.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + from.length, from, 0, from.length)) {
                System.arraycopy(to, 0, bytes, i, to.length);
                if (tar) {
                    fixTarChecksum(bytes, i - i % 512);
                }
                found++;
            }
        }
        if (found == 0) {
            throw new IllegalArgumentException("nothing to patch");
        }
    }

    /** Recomputes the checksum of the tar header at {@code at}. */
    static void fixTarChecksum(byte[] bytes, int at) {
        Arrays.fill(bytes, at + 148, at + 156, (byte) ' ');
        long sum = 0;
        for (int i = at; i < at + 512; i++) {
            sum += bytes[i] & 0xff;
        }
        System.arraycopy(String.format("%06o\0 ", sum).getBytes(StandardCharsets.US_ASCII), 0, bytes, at + 148, 8);
    }

    /** Sets the size field of the tar header named {@code name} (an octal number of up to 11 digits). */
    static void tarSize(Path tar, String name, long size) throws IOException {
        byte[] bytes = Files.readAllBytes(tar);
        byte[] want = name.getBytes(StandardCharsets.US_ASCII);
        for (int at = 0; at + 512 <= bytes.length; at += 512) {
            if (Arrays.equals(bytes, at, at + want.length, want, 0, want.length) && bytes[at + want.length] == 0) {
                System.arraycopy(
                        String.format("%011o\0", size).getBytes(StandardCharsets.US_ASCII), 0, bytes, at + 124, 12);
                fixTarChecksum(bytes, at);
                Files.write(tar, bytes);
                return;
            }
        }
        throw new IllegalArgumentException("no tar header named " + name);
    }

    /** Rewrites the sizes of an entry in the zip central directory (null: unchanged). */
    static void zipSizes(Path zip, String name, Long compressed, Long size) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int at = central(bytes, name);
        if (compressed != null) {
            b.putInt(at + 20, (int) (long) compressed);
        }
        if (size != null) {
            b.putInt(at + 24, (int) (long) size);
        }
        Files.write(zip, bytes);
    }

    /** Rewrites the compression method or the general-purpose flags of an entry in the central directory. */
    static void zipCentralShort(Path zip, String name, int offset, int value) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putShort(central(bytes, name) + offset, (short) value);
        Files.write(zip, bytes);
    }

    /** Makes the zip's end record claim {@code count} entries (16 bits) and a central directory of {@code cdSize} bytes. */
    static void zipEndRecord(Path zip, int count, Long cdSize) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = bytes.length - 22; i >= 0; i--) {
            if (b.getInt(i) == END_RECORD) {
                b.putShort(i + 8, (short) count);
                b.putShort(i + 10, (short) count);
                if (cdSize != null) {
                    b.putInt(i + 12, (int) (long) cdSize);
                }
                Files.write(zip, bytes);
                return;
            }
        }
        throw new IllegalArgumentException("no end record");
    }

    /**
     * Rewrites the zip as ZIP64 and makes its ZIP64 end record claim {@code count} entries (the
     * classic end record then says 0xFFFF, "see the ZIP64 record").
     */
    static void zip64Claim(Path zip, List<Entry> entries, long count) throws IOException {
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            out.setEncoding("UTF-8");
            out.setUseZip64(Zip64Mode.Always);
            for (Entry e : entries) {
                out.putArchiveEntry(new RawZipEntry(e.name(), e.zipMode()));
                out.write(e.data());
                out.closeArchiveEntry();
            }
        }
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = bytes.length - 56; i >= 0; i--) {
            if (b.getInt(i) == ZIP64_END_RECORD) {
                b.putLong(i + 24, count);
                b.putLong(i + 32, count);
                Files.write(zip, bytes);
                return;
            }
        }
        throw new IllegalArgumentException("no ZIP64 end record");
    }

    private static int central(byte[] bytes, String name) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] want = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 < bytes.length; i++) {
            if (b.getInt(i) == CENTRAL_HEADER) {
                int len = b.getShort(i + 28) & 0xffff;
                if (len == want.length && Arrays.equals(bytes, i + 46, i + 46 + len, want, 0, len)) {
                    return i;
                }
            }
        }
        throw new IllegalArgumentException("no central directory entry " + name);
    }
}
