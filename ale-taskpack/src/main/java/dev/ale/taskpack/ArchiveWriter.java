package dev.ale.taskpack;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Writes a pack directory as a reproducible archive: entries (folders with a trailing '/', then
 * files) in UTF-8 byte order of their names, a fixed time (1980-01-01 00:00, the earliest a zip can
 * hold), modes 0644 / 0755, no extra fields, no owner ids or names, a gzip header with time 0 and
 * no file name.
 */
final class ArchiveWriter {
    /** The fixed time of every tar entry: 1980-01-01T00:00:00Z. */
    static final FileTime TAR_TIME = FileTime.fromMillis(315_532_800_000L);

    static final int FILE_MODE = 0644;
    static final int DIR_MODE = 0755;

    private ArchiveWriter() {}

    static void write(PackOpener.Kind kind, DirectorySource source, Path tmp) throws IOException {
        List<String> names = new ArrayList<>();
        source.listing().folders().forEach(d -> names.add(d + "/"));
        names.addAll(source.listing().files().keySet());
        names.sort(Digests.UTF8_ORDER);
        if (kind == PackOpener.Kind.ZIP) {
            zip(source, names, tmp);
        } else {
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                if (kind == PackOpener.Kind.TAR) {
                    tar(source, names, file);
                } else {
                    GzipParameters gz = new GzipParameters();
                    gz.setModificationTime(0);
                    gz.setOperatingSystem(255);
                    gz.setCompressionLevel(Deflater.BEST_COMPRESSION);
                    try (GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(file, gz)) {
                        tar(source, names, gzip);
                    }
                }
            }
        }
    }

    private static void zip(DirectorySource source, List<String> names, Path tmp) throws IOException {
        // DOS times are local: this instant is 1980-01-01 00:00 in the zone the zip code converts with
        long time = LocalDateTime.of(1980, 1, 1, 0, 0)
                .atZone(ZoneId.systemDefault())
                .toInstant()
                .toEpochMilli();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(tmp)) {
            zip.setEncoding(StandardCharsets.UTF_8.name());
            zip.setUseLanguageEncodingFlag(true);
            zip.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
            zip.setLevel(Deflater.BEST_COMPRESSION);
            for (String name : names) {
                ZipArchiveEntry e = new ZipArchiveEntry(name);
                e.setTime(time);
                boolean folder = name.endsWith("/");
                e.setUnixMode((folder ? 040000 | DIR_MODE : 0100000 | FILE_MODE));
                e.setMethod(folder ? ZipArchiveEntry.STORED : ZipArchiveEntry.DEFLATED);
                long size = folder ? 0 : source.listing().files().get(name);
                e.setSize(size);
                if (folder) {
                    e.setCrc(0);
                    e.setCompressedSize(0);
                }
                zip.putArchiveEntry(e);
                if (!folder) {
                    copy(source, name, zip);
                }
                zip.closeArchiveEntry();
            }
        }
    }

    private static void tar(DirectorySource source, List<String> names, OutputStream out) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        for (String name : names) {
            boolean folder = name.endsWith("/");
            TarArchiveEntry e = new TarArchiveEntry(name);
            e.setMode((folder ? 040000 | DIR_MODE : 0100000 | FILE_MODE));
            e.setLastModifiedTime(TAR_TIME);
            e.setUserId(0);
            e.setGroupId(0);
            e.setUserName("");
            e.setGroupName("");
            e.setSize(folder ? 0 : source.listing().files().get(name));
            tar.putArchiveEntry(e);
            if (!folder) {
                copy(source, name, tar);
            }
            tar.closeArchiveEntry();
        }
        tar.finish();
    }

    private static void copy(DirectorySource source, String name, OutputStream out) throws IOException {
        try (InputStream in = source.open(name)) {
            in.transferTo(out);
        }
    }
}
