package dev.ale.taskpack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Crafts archives for the safety tests, including entries the archive writers would normally
 * refuse or rewrite: raw names, links, devices, duplicates.
 */
final class Hostile {
    /**
     * One entry as written.
     *
     * @param unixMode the zip unix mode (0: none, FAT platform); for tar the mode of the entry
     * @param tarType  the tar link flag
     * @param link     the link target of link entries
     */
    record Entry(String name, byte[] data, int unixMode, byte tarType, String link) {
        static Entry file(String name, String text) {
            return file(name, text.getBytes(StandardCharsets.UTF_8));
        }

        static Entry file(String name, byte[] data) {
            return new Entry(name, data, 0100644, TarConstants.LF_NORMAL, "");
        }

        /** A file whose zip entry has no unix mode (FAT platform). */
        static Entry fatFile(String name, String text) {
            return new Entry(name, text.getBytes(StandardCharsets.UTF_8), 0, TarConstants.LF_NORMAL, "");
        }

        static Entry folder(String name) {
            return new Entry(name, new byte[0], 040755, TarConstants.LF_DIR, "");
        }

        static Entry symlink(String name, String target) {
            return new Entry(name, target.getBytes(StandardCharsets.UTF_8), 0120777, TarConstants.LF_SYMLINK, target);
        }

        static Entry hardLink(String name, String target) {
            return new Entry(name, new byte[0], 0100644, TarConstants.LF_LINK, target);
        }

        static Entry special(String name, int unixMode, byte tarType) {
            return new Entry(name, new byte[0], unixMode, tarType, "");
        }
    }

    private Hostile() {}

    /** The files of a pack directory as entries, sorted by name. */
    static List<Entry> filesOf(Path dir) throws IOException {
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.add(Entry.file(dir.relativize(p).toString(), Files.readAllBytes(p)));
            }
        }
        return out;
    }

    /** The entries, then {@code extra}. */
    static List<Entry> plus(List<Entry> entries, Entry... extra) {
        List<Entry> out = new ArrayList<>(entries);
        out.addAll(List.of(extra));
        return out;
    }

    /** A zip entry whose name is kept exactly (a FAT entry's backslashes would otherwise become '/'). */
    private static final class RawZipEntry extends ZipArchiveEntry {
        RawZipEntry(String name, int unixMode) {
            super("placeholder");
            if (unixMode != 0) {
                setUnixMode(unixMode);
            }
            setName(name);
        }
    }

    static Path zip(Path file, List<Entry> entries) throws IOException {
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
            zip.setEncoding("UTF-8");
            for (Entry e : entries) {
                RawZipEntry ze = new RawZipEntry(e.name(), e.unixMode());
                zip.putArchiveEntry(ze);
                zip.write(e.data());
                zip.closeArchiveEntry();
            }
        }
        return file;
    }

    static Path tar(Path file, List<Entry> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            writeTar(out, entries);
        }
        return file;
    }

    static Path tgz(Path file, List<Entry> entries) throws IOException {
        try (OutputStream out = new GzipCompressorOutputStream(Files.newOutputStream(file))) {
            writeTar(out, entries);
        }
        return file;
    }

    /**
     * Renames an entry of a plain tar in place (same length, short names), fixing the header
     * checksum: for headers the writer would not produce, such as a folder entry that holds data.
     */
    static void renameInTar(Path tar, String from, String to) throws IOException {
        byte[] bytes = Files.readAllBytes(tar);
        byte[] old = from.getBytes(StandardCharsets.US_ASCII);
        for (int at = 0; at + 512 <= bytes.length; at += 512) {
            if (Arrays.equals(bytes, at, at + old.length, old, 0, old.length) && bytes[at + old.length] == 0) {
                System.arraycopy(to.getBytes(StandardCharsets.US_ASCII), 0, bytes, at, old.length);
                Arrays.fill(bytes, at + 148, at + 156, (byte) ' ');
                long sum = 0;
                for (int i = at; i < at + 512; i++) {
                    sum += bytes[i] & 0xff;
                }
                byte[] field = String.format("%06o\0 ", sum).getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(field, 0, bytes, at + 148, 8);
                Files.write(tar, bytes);
                return;
            }
        }
        throw new IllegalArgumentException("no header named " + from);
    }

    private static void writeTar(OutputStream out, List<Entry> entries) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out, "UTF-8");
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
        for (Entry e : entries) {
            TarArchiveEntry te = new TarArchiveEntry(e.name(), e.tarType(), true);
            te.setMode(e.unixMode() == 0 ? 0100644 : e.unixMode());
            if (!e.link().isEmpty()) {
                te.setLinkName(e.link());
            }
            boolean hasData = e.tarType() == TarConstants.LF_NORMAL
                    || e.tarType() == TarConstants.LF_PAX_EXTENDED_HEADER_LC
                    || e.tarType() == TarConstants.LF_GNUTYPE_LONGNAME;
            te.setSize(hasData ? e.data().length : 0);
            tar.putArchiveEntry(te);
            if (hasData) {
                tar.write(e.data());
            }
            tar.closeArchiveEntry();
        }
        tar.finish();
    }
}
