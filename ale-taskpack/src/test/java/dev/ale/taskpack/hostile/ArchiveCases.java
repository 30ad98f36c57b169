package dev.ale.taskpack.hostile;

import static dev.ale.taskpack.hostile.HostileCase.of;
import static dev.ale.taskpack.hostile.PackDir.INPUTS;

import dev.ale.api.task.TaskPackException;
import dev.ale.taskpack.PackLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The corpus cases about archive entries: names, types, duplicates, sizes, ratios, counts and
 * damaged archives. Each hostile entry comes after the valid pack's own files, so a streaming
 * reader has already begun writing when it meets it.
 */
final class ArchiveCases {
    private static final Class<TaskPackException> TPE = TaskPackException.class;
    private static final byte[] NOT_UTF8 = {(byte) 0xff, (byte) 0xfe, 'x'};

    private ArchiveCases() {}

    /** The archive kinds a case writes, each with its writer; the file is {@code pack.<kind>}. */
    private enum Format {
        ZIP(Archives::zip),
        TAR(Archives::tar),
        TGZ(Archives::tgz);

        private final Writer writer;

        Format(Writer writer) {
            this.writer = writer;
        }

        /** Writes {@code entries} as {@code pack.<kind>} in {@code dir}. */
        Path write(Path dir, List<Entry> entries) throws IOException {
            return writer.write(dir.resolve("pack." + name().toLowerCase(Locale.ROOT)), entries);
        }
    }

    /** Writes entries as an archive file. */
    @FunctionalInterface
    private interface Writer {
        Path write(Path file, List<Entry> entries) throws IOException;
    }

    /** A damage done to an archive file in place. */
    @FunctionalInterface
    private interface Damage {
        void apply(Path archive) throws IOException;
    }

    /** The case of the valid pack (and {@code extra} entries) written as {@code format}, then damaged. */
    private static HostileCase damaged(
            String name, Format format, String source, String rule, Damage damage, Entry... extra) {
        return of(name, TPE, source, rule, (p, d) -> {
            Path archive = format.write(d, p.entriesPlus(extra));
            damage.apply(archive);
            return archive;
        });
    }

    /**
     * The case of an archive holding the valid pack's files and then {@code extra} ({@code {m}} in
     * a name stands for the pack's marker), refused as a {@link TaskPackException} naming
     * {@code source} with a rule containing {@code rule}.
     */
    private static HostileCase plus(String name, Format format, String source, String rule, Entry... extra) {
        return of(name, TPE, source, rule, (p, d) -> format.write(d, p.entriesPlus(extra)));
    }

    static Stream<HostileCase> cases() {
        return Stream.of(
                plus(
                        "zip slip by '..' (zip)",
                        Format.ZIP,
                        "../evil-{m}",
                        "path escapes the archive ('..' segment)",
                        Entry.file("../evil-{m}", "x")),
                plus(
                        "zip slip by '..' inside a path (tar)",
                        Format.TAR,
                        "tasks/../../evil-{m}",
                        "path escapes the archive ('..' segment)",
                        Entry.file("tasks/../../evil-{m}", "x")),
                plus(
                        "absolute path (tar)",
                        Format.TAR,
                        "/tmp/evil-{m}",
                        "absolute path",
                        Entry.file("/tmp/evil-{m}", "x")),
                plus(
                        "drive-letter path (zip)",
                        Format.ZIP,
                        "C:/evil-{m}",
                        "absolute path (drive letter)",
                        Entry.file("C:/evil-{m}", "x")),
                plus(
                        "backslash path (zip)",
                        Format.ZIP,
                        "..\\evil-{m}",
                        "backslash in entry name",
                        Entry.file("..\\evil-{m}", "x")),
                plus(
                        "symbolic link (zip)",
                        Format.ZIP,
                        INPUTS + "passwd",
                        "symbolic link",
                        Entry.symlink(INPUTS + "passwd", "/etc/passwd")),
                plus(
                        "symbolic link, then a file through it (tar)",
                        Format.TAR,
                        INPUTS + "up",
                        "symbolic link",
                        Entry.symlink(INPUTS + "up", "../../../.."),
                        Entry.file(INPUTS + "up/evil-{m}", "x")),
                plus(
                        "hard link to an absolute path (tar)",
                        Format.TAR,
                        INPUTS + "shadow",
                        "hard link",
                        Entry.hardLink(INPUTS + "shadow", "/etc/shadow")),
                plus(
                        "character device (tar)",
                        Format.TAR,
                        INPUTS + "tty",
                        "special file",
                        Entry.special(INPUTS + "tty", Entry.Kind.CHAR_DEVICE)),
                plus(
                        "block device (zip)",
                        Format.ZIP,
                        INPUTS + "sda",
                        "special file",
                        Entry.special(INPUTS + "sda", Entry.Kind.BLOCK_DEVICE)),
                plus(
                        "fifo (tar)",
                        Format.TAR,
                        INPUTS + "pipe",
                        "special file",
                        Entry.special(INPUTS + "pipe", Entry.Kind.FIFO)),
                plus("duplicate name (zip)", Format.ZIP, "pack.json", "duplicate entry", Entry.file("pack.json", "{}")),
                plus(
                        "duplicate name spelled differently (tar)",
                        Format.TAR,
                        "tasks//bank-rec/inputs/statement.csv",
                        "duplicate entry",
                        Entry.file("tasks//bank-rec/inputs/statement.csv", "x")),
                plus(
                        "entry inside a file (zip)",
                        Format.ZIP,
                        INPUTS + "statement.csv/evil",
                        "which is a file",
                        Entry.file(INPUTS + "statement.csv/evil", "x")),
                plus(
                        "NUL in a name (zip)",
                        Format.ZIP,
                        INPUTS + "a\\u0000b",
                        "NUL character",
                        Entry.file(INPUTS + "a\u0000b", "x")),
                plus(
                        "terminal escape in a name (tar)",
                        Format.TAR,
                        INPUTS + "a\\u001b[2Jb",
                        "control character U+001B",
                        Entry.file(INPUTS + "a\u001b[2Jb", "x")),
                plus("empty name (zip)", Format.ZIP, "", "empty entry name", Entry.file("", "x")),
                plus(
                        "escaping GNU long name (tar)",
                        Format.TAR,
                        "tasks/" + "a/".repeat(60) + "../".repeat(70) + "evil-{m}",
                        "path escapes the archive",
                        Entry.file("tasks/" + "a/".repeat(60) + "../".repeat(70) + "evil-{m}", "x")),
                plus(
                        "zip bomb of high ratio (20 MiB of zeros)",
                        Format.ZIP,
                        INPUTS + "zeros.bin",
                        "compression ratio over the limit of 200",
                        Entry.file(INPUTS + "zeros.bin", new byte[20 << 20])),
                of(
                        "zip bomb whose directory hides its ratio (so its data overlaps the next entry)",
                        TPE,
                        INPUTS + "zeros.bin",
                        "overlapping entries",
                        ArchiveCases::hiddenBomb),
                plus(
                        "gzip bomb (tar.gz of 20 MiB of zeros)",
                        Format.TGZ,
                        INPUTS + "zeros.bin",
                        "compression ratio over the limit of 200",
                        Entry.file(INPUTS + "zeros.bin", new byte[20 << 20])),
                damaged(
                        "huge single entry claimed by the zip directory (3.75 GiB)",
                        Format.ZIP,
                        INPUTS + "big.bin",
                        "entry is larger than the limit",
                        zip -> Archives.zipSizes(zip, INPUTS + "big.bin", null, 0xF0000000L),
                        Entry.file(INPUTS + "big.bin", "x".repeat(100))),
                damaged(
                        "huge single entry claimed by a tar header (5 GiB)",
                        Format.TAR,
                        INPUTS + "big.bin",
                        "entry is larger than the limit",
                        tar -> Archives.tarSize(tar, INPUTS + "big.bin", 5L << 30),
                        Entry.file(INPUTS + "big.bin", "x".repeat(100))),
                damaged(
                        "zip directory understating a size",
                        Format.ZIP,
                        INPUTS + "statement.csv",
                        "entry holds more bytes than its size says",
                        a -> Archives.zipSizes(a, INPUTS + "statement.csv", null, 10L)),
                of(
                                "more entries than the limit (tar of 59 files, limit 40)",
                                TPE,
                                INPUTS + "n/32",
                                "too many entries",
                                (p, d) -> Archives.tar(d.resolve("pack.tar"), p.entriesPlus(numbered(50))))
                        .limits(new PackLimits(40, 1 << 20, 1 << 24, 200, 1 << 20, 1 << 20)),
                of("billion-entry claim (ZIP64 end record)", TPE, "pack.zip", "entr", (p, d) -> {
                    Path zip = d.resolve("pack.zip");
                    Archives.zip64Claim(zip, p.entries(), 1_000_000_000L);
                    return zip;
                }),
                damaged(
                        "65,535-entry claim (classic end record)",
                        Format.ZIP,
                        "pack.zip",
                        "entr",
                        a -> Archives.zipEndRecord(a, 65_535, null)),
                of(
                        "two-million-entry claim (over the default limit of 1,000,000) over a central"
                                + " directory no reader can walk",
                        TPE,
                        "pack.zip",
                        "too many entries: the end record claims 2000000",
                        (p, d) -> {
                            Path zip = d.resolve("pack.zip");
                            Archives.zip64Claim(zip, p.entries(), 2_000_000L);
                            ZipSurgery.breakCentralDirectory(zip);
                            return zip;
                        }),
                damaged(
                        "data before the first local header (zip)",
                        Format.ZIP,
                        "pack.zip",
                        "before the first local header",
                        a -> ZipSurgery.insert(a, 0, "#!/bin/sh\nexit 0\n".getBytes(StandardCharsets.UTF_8))),
                damaged(
                        "data between two entries (zip)",
                        Format.ZIP,
                        INPUTS + "statement.csv",
                        "bytes of data between",
                        a -> ZipSurgery.insertAfter(a, INPUTS + "statement.csv", new byte[] {'P', 'K', 0, 0})),
                of(
                        "local header naming another file than the central directory (zip)",
                        TPE,
                        INPUTS + "statement.csv",
                        "the local header names it '" + INPUTS + "statement.exe'",
                        (p, d) -> {
                            Path zip = Archives.zip(d.resolve("pack.zip"), p.entries());
                            ZipSurgery.renameLocal(zip, INPUTS + "statement.csv", INPUTS + "statement.exe");
                            return zip;
                        }),
                damaged(
                        "two central records on one local header (zip)",
                        Format.ZIP,
                        "pack.json",
                        "overlapping entries",
                        a -> ZipSurgery.pointAt(a, INPUTS + "statement.csv", "pack.json")),
                plus(
                        "bidi override in a refused name is escaped (zip)",
                        Format.ZIP,
                        INPUTS + "../evil\\u202etxt.exe",
                        "path escapes the archive",
                        Entry.file(INPUTS + "../evil\u202Etxt.exe", "x")),
                damaged(
                        "encrypted entry (zip)",
                        Format.ZIP,
                        "pack.json",
                        "encrypted entry",
                        a -> Archives.zipCentralShort(a, "pack.json", 8, 0x0801)),
                damaged(
                        "unknown compression method (zip)",
                        Format.ZIP,
                        "pack.json",
                        "compression method 99 is not supported (only stored and deflated)",
                        a -> Archives.zipCentralShort(a, "pack.json", 10, 99)),
                damaged(
                        "zip entry compressed with zstd (a codec Commons Compress loads on demand)",
                        Format.ZIP,
                        "pack.json",
                        "compression method 93 is not supported (only stored and deflated)",
                        a -> Archives.zipCentralShort(a, "pack.json", 10, 93)),
                damaged(
                        "zip entry compressed with xz (a codec Commons Compress loads on demand)",
                        Format.ZIP,
                        "pack.json",
                        "compression method 95 is not supported (only stored and deflated)",
                        a -> Archives.zipCentralShort(a, "pack.json", 10, 95)),
                damaged("truncated zip", Format.ZIP, "pack.zip", "not a readable zip archive", a -> truncated(a, 0)),
                damaged(
                        "truncated tar (cut inside an entry's data)",
                        Format.TAR,
                        "pack.tar",
                        "not a readable tar archive",
                        a -> cutInData(a, INPUTS + "statement.csv")),
                damaged(
                        "truncated tar (cut between two entries, no end marker)",
                        Format.TAR,
                        "pack.tar",
                        "truncated archive (no end-of-archive marker)",
                        a -> truncated(a, 0)),
                damaged(
                        "truncated tar (cut inside a header)",
                        Format.TAR,
                        "pack.tar",
                        "truncated archive (no end-of-archive marker)",
                        a -> cutInHeader(a, INPUTS + "statement.csv")),
                damaged("truncated tar.gz", Format.TGZ, "pack.tgz", "not a readable tar archive", a -> truncated(a, 0)),
                damaged(
                        "tar header with a bad checksum",
                        Format.TAR,
                        "pack.json",
                        "checksum mismatch",
                        a -> flipChecksum(a)),
                of(
                        "extended (PAX) header with a bad checksum (tar)",
                        TPE,
                        "*",
                        "checksum",
                        (p, d) -> flipChecksum(Archives.tar(
                                d.resolve("pack.tar"),
                                p.entries(),
                                Map.of("pack.json", Map.of("comment", "extended header"))))),
                of(
                        "escaping PAX path override (tar)",
                        TPE,
                        "../../evil-{m}",
                        "path escapes the archive ('..' segment)",
                        (p, d) -> Archives.tar(
                                d.resolve("pack.tar"),
                                p.entriesPlus(Entry.file(INPUTS + "innocent.txt", "x")),
                                Map.of(INPUTS + "innocent.txt", Map.of("path", "../../evil-" + p.marker())))),
                of(
                        "invalid UTF-8 name (zip)",
                        TPE,
                        INPUTS + "\\xff\\xfex",
                        "name is not valid UTF-8",
                        (p, d) -> Archives.zip(d.resolve("pack.zip"), notUtf8(p))),
                of(
                        "invalid UTF-8 name (tar)",
                        TPE,
                        INPUTS + "\\xff\\xfex",
                        "name is not valid UTF-8",
                        (p, d) -> Archives.tar(d.resolve("pack.tar"), notUtf8(p))));
    }

    /** Entries {@code tasks/bank-rec/inputs/n/1..count}. */
    private static Entry[] numbered(int count) {
        Entry[] out = new Entry[count];
        Arrays.setAll(out, i -> Entry.file(INPUTS + "n/" + (i + 1), "x"));
        return out;
    }

    /** Incompressible bytes. */
    static byte[] noise(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    /** Cuts a plain tar 10 bytes into the data of the entry named {@code name}. */
    private static Path cutInData(Path tar, String name) throws IOException {
        return cutAfterHeader(tar, name, 512 + 10);
    }

    /** Cuts a tar 100 bytes into the header named {@code name}. */
    private static Path cutInHeader(Path tar, String name) throws IOException {
        return cutAfterHeader(tar, name, 100);
    }

    /** Keeps a plain tar up to {@code keep} bytes from the start of the header named {@code name}. */
    private static Path cutAfterHeader(Path tar, String name, int keep) throws IOException {
        byte[] bytes = Files.readAllBytes(tar);
        byte[] want = (name + "\0").getBytes(StandardCharsets.US_ASCII);
        for (int at = 0; at + 512 <= bytes.length; at += 512) {
            if (Arrays.equals(bytes, at, at + want.length, want, 0, want.length)) {
                return Files.write(tar, Arrays.copyOf(bytes, at + keep));
            }
        }
        throw new IllegalArgumentException("no tar header named " + name);
    }

    /** Damages the checksum of the first header of a tar. */
    private static Path flipChecksum(Path tar) throws IOException {
        byte[] bytes = Files.readAllBytes(tar);
        bytes[150] ^= 0x01;
        return Files.write(tar, bytes);
    }

    /** The first half of the archive and {@code extra} bytes more. */
    private static Path truncated(Path archive, int extra) throws IOException {
        byte[] bytes = Files.readAllBytes(archive);
        return Files.write(archive, Arrays.copyOf(bytes, bytes.length / 2 + extra));
    }

    /** 4 MiB of zeros whose central directory claims a compressed size that makes the ratio look harmless. */
    private static Path hiddenBomb(PackDir p, Path d) throws IOException {
        Path zip = Archives.zip(
                d.resolve("pack.zip"),
                p.entriesPlus(
                        Entry.file(INPUTS + "zeros.bin", new byte[4 << 20]),
                        Entry.file(INPUTS + "zz-noise.bin", noise(64 << 10))));
        Archives.zipSizes(zip, INPUTS + "zeros.bin", (long) ((4 << 20) / 100), null);
        return zip;
    }

    /**
     * The pack with an input whose name is not UTF-8, and whose digest in pack.json is the one a
     * lenient reader computes (over the name with '?' for each bad byte), so only a refusal of the name can stop it.
     */
    private static List<Entry> notUtf8(PackDir p) {
        String lossy = INPUTS + "??x";
        p.write(lossy, "evil").rehash();
        List<Entry> entries = p.entries();
        entries.removeIf(e -> e.name().equals(lossy));
        entries.add(Entry.rawName(INPUTS, NOT_UTF8, "evil"));
        return entries;
    }
}
