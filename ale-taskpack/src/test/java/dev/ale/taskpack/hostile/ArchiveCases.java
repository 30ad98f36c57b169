package dev.ale.taskpack.hostile;

import static dev.ale.taskpack.hostile.HostileCase.of;
import static dev.ale.taskpack.hostile.PackDir.INPUTS;

import dev.ale.api.TaskPackException;
import dev.ale.taskpack.PackLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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

    static Stream<HostileCase> cases() {
        return Stream.of(
                of("zip slip by '..' (zip)", TPE, "../evil-{m}", "path escapes the pack ('..' segment)",
                        (p, d) -> Archives.zip(d.resolve("pack.zip"), p.entriesPlus(Entry.file("../evil-" + p.marker, "x")))),
                of("zip slip by '..' inside a path (tar)", TPE, "tasks/../../evil-{m}", "path escapes the pack ('..' segment)",
                        (p, d) -> Archives.tar(d.resolve("pack.tar"), p.entriesPlus(Entry.file("tasks/../../evil-" + p.marker, "x")))),
                of("absolute path (tar)", TPE, "/tmp/evil-{m}", "absolute path",
                        (p, d) -> Archives.tar(d.resolve("pack.tar"), p.entriesPlus(Entry.file("/tmp/evil-" + p.marker, "x")))),
                of("drive-letter path (zip)", TPE, "C:/evil-{m}", "absolute path (drive letter)",
                        (p, d) -> Archives.zip(d.resolve("pack.zip"), p.entriesPlus(Entry.file("C:/evil-" + p.marker, "x")))),
                of("backslash path (zip)", TPE, "..\\evil-{m}", "backslash in entry name",
                        (p, d) -> Archives.zip(d.resolve("pack.zip"), p.entriesPlus(Entry.file("..\\evil-" + p.marker, "x")))),
                of("symbolic link (zip)", TPE, INPUTS + "passwd", "symbolic link",
                        (p, d) -> Archives.zip(d.resolve("pack.zip"), p.entriesPlus(Entry.symlink(INPUTS + "passwd", "/etc/passwd")))),
                of("symbolic link, then a file through it (tar)", TPE, INPUTS + "up", "symbolic link",
                        (p, d) -> Archives.tar(d.resolve("pack.tar"), p.entriesPlus(Entry.symlink(INPUTS + "up", "../../../.."),
                                Entry.file(INPUTS + "up/evil-" + p.marker, "x")))),
                of("hard link to an absolute path (tar)", TPE, INPUTS + "shadow", "hard link",
                        (p, d) -> Archives.tar(d.resolve("pack.tar"), p.entriesPlus(Entry.hardLink(INPUTS + "shadow", "/etc/shadow")))),
                of("character device (tar)", TPE, INPUTS + "tty", "special file",
                        (p, d) -> Archives.tar(d.resolve("pack.tar"), p.entriesPlus(Entry.special(INPUTS + "tty", Entry.Kind.CHAR_DEVICE)))),
                of("block device (zip)", TPE, INPUTS + "sda", "special file",
                        (p, d) -> Archives.zip(d.resolve("pack.zip"), p.entriesPlus(Entry.special(INPUTS + "sda", Entry.Kind.BLOCK_DEVICE)))),
                of("fifo (tar)", TPE, INPUTS + "pipe", "special file",
                        (p, d) -> Archives.tar(d.resolve("pack.tar"), p.entriesPlus(Entry.special(INPUTS + "pipe", Entry.Kind.FIFO)))),
                of("duplicate name (zip)", TPE, "pack.json", "duplicate entry",
                        (p, d) -> Archives.zip(d.resolve("pack.zip"), p.entriesPlus(Entry.file("pack.json", "{}")))),
                of("duplicate name spelled differently (tar)", TPE, "tasks//bank-rec/inputs/statement.csv", "duplicate entry",
                        (p, d) -> Archives.tar(d.resolve("pack.tar"), p.entriesPlus(Entry.file("tasks//bank-rec/inputs/statement.csv", "x")))),
                of("entry inside a file (zip)", TPE, INPUTS + "statement.csv/evil", "which is a file",
                        (p, d) -> Archives.zip(d.resolve("pack.zip"), p.entriesPlus(Entry.file(INPUTS + "statement.csv/evil", "x")))),
                of("NUL in a name (zip)", TPE, INPUTS + "a\\u0000b", "NUL character",
                        (p, d) -> Archives.zip(d.resolve("pack.zip"), p.entriesPlus(Entry.file(INPUTS + "a\u0000b", "x")))),
                of("terminal escape in a name (tar)", TPE, INPUTS + "a\\u001b[2Jb", "control character U+001B",
                        (p, d) -> Archives.tar(d.resolve("pack.tar"), p.entriesPlus(Entry.file(INPUTS + "a\u001b[2Jb", "x")))),
                of("empty name (zip)", TPE, "", "empty entry name",
                        (p, d) -> Archives.zip(d.resolve("pack.zip"), p.entriesPlus(Entry.file("", "x")))),
                of("escaping GNU long name (tar)", TPE, "tasks/" + "a/".repeat(60) + "../".repeat(70) + "evil-{m}",
                        "path escapes the pack", (p, d) -> Archives.tar(d.resolve("pack.tar"),
                                p.entriesPlus(Entry.file("tasks/" + "a/".repeat(60) + "../".repeat(70) + "evil-" + p.marker, "x")))),
                of("zip bomb of high ratio (20 MiB of zeros)", TPE, INPUTS + "zeros.bin", "compression ratio over the limit of 200",
                        (p, d) -> Archives.zip(d.resolve("pack.zip"), p.entriesPlus(Entry.file(INPUTS + "zeros.bin", new byte[20 << 20])))),
                of("zip bomb whose directory hides its ratio", TPE, INPUTS + "zeros.bin", "compression ratio over the limit of 200",
                        ArchiveCases::hiddenBomb),
                of("gzip bomb (tar.gz of 20 MiB of zeros)", TPE, INPUTS + "zeros.bin", "compression ratio over the limit of 200",
                        (p, d) -> Archives.tgz(d.resolve("pack.tgz"), p.entriesPlus(Entry.file(INPUTS + "zeros.bin", new byte[20 << 20])))),
                of("huge single entry claimed by the zip directory (3.75 GiB)", TPE, INPUTS + "big.bin", "entry is larger than the limit",
                        (p, d) -> {
                            Path zip = Archives.zip(d.resolve("pack.zip"), p.entriesPlus(Entry.file(INPUTS + "big.bin", "x".repeat(100))));
                            Archives.zipSizes(zip, INPUTS + "big.bin", null, 0xF0000000L);
                            return zip;
                        }),
                of("huge single entry claimed by a tar header (5 GiB)", TPE, INPUTS + "big.bin", "entry is larger than the limit",
                        (p, d) -> {
                            Path tar = Archives.tar(d.resolve("pack.tar"), p.entriesPlus(Entry.file(INPUTS + "big.bin", "x".repeat(100))));
                            Archives.tarSize(tar, INPUTS + "big.bin", 5L << 30);
                            return tar;
                        }),
                of("zip directory understating a size", TPE, INPUTS + "statement.csv", "entry holds more bytes than its size says",
                        (p, d) -> {
                            Path zip = Archives.zip(d.resolve("pack.zip"), p.entries());
                            Archives.zipSizes(zip, INPUTS + "statement.csv", null, 10L);
                            return zip;
                        }),
                of("more entries than the limit (tar of 59 files, limit 40)", TPE, INPUTS + "n/32", "too many entries",
                        (p, d) -> Archives.tar(d.resolve("pack.tar"), p.entriesPlus(numbered(50))))
                        .limits(new PackLimits(40, 1 << 20, 1 << 24, 200, 1 << 20, 1 << 20)),
                of("billion-entry claim (ZIP64 end record)", TPE, "pack.zip", "entr",
                        (p, d) -> {
                            Path zip = d.resolve("pack.zip");
                            Archives.zip64Claim(zip, p.entries(), 1_000_000_000L);
                            return zip;
                        }).defect("the entry count of the (ZIP64) end record is never compared with the central directory: "
                                + "a zip claiming 1,000,000,000 entries that holds 9 opens without error (memory stays bounded)"),
                of("65,535-entry claim (classic end record)", TPE, "pack.zip", "entr",
                        (p, d) -> {
                            Path zip = Archives.zip(d.resolve("pack.zip"), p.entries());
                            Archives.zipEndRecord(zip, 65_535, null);
                            return zip;
                        }).defect("the entry count of the end record is never compared with the central directory"),
                of("encrypted entry (zip)", TPE, "pack.json", "encrypted entry",
                        (p, d) -> {
                            Path zip = Archives.zip(d.resolve("pack.zip"), p.entries());
                            Archives.zipCentralShort(zip, "pack.json", 8, 0x0801);
                            return zip;
                        }),
                of("unknown compression method (zip)", TPE, "pack.json", "unsupported compression method",
                        (p, d) -> {
                            Path zip = Archives.zip(d.resolve("pack.zip"), p.entries());
                            Archives.zipCentralShort(zip, "pack.json", 10, 99);
                            return zip;
                        }),
                of("zip entry compressed with zstd (a codec Commons Compress loads on demand)", TPE, "pack.json",
                        "unsupported compression method", (p, d) -> {
                            Path zip = Archives.zip(d.resolve("pack.zip"), p.entries());
                            Archives.zipCentralShort(zip, "pack.json", 10, 93);
                            return zip;
                        }).defect("ZipSource admits an entry whose method is zstd (93) or xz (95) because canReadEntryData says "
                                + "yes, then getInputStream throws NoClassDefFoundError (zstd-jni / xz are optional dependencies "
                                + "of Commons Compress, not on the class path): an Error escapes TaskPacks.open"),
                of("zip entry compressed with xz (a codec Commons Compress loads on demand)", TPE, "pack.json",
                        "unsupported compression method", (p, d) -> {
                            Path zip = Archives.zip(d.resolve("pack.zip"), p.entries());
                            Archives.zipCentralShort(zip, "pack.json", 10, 95);
                            return zip;
                        }).defect("as for zstd: method 95 (xz) is admitted and its stream needs org.tukaani.xz"),
                of("truncated zip", TPE, "pack.zip", "not a readable zip archive",
                        (p, d) -> truncated(Archives.zip(d.resolve("pack.zip"), p.entries()), 0)),
                of("truncated tar (cut inside an entry's data)", TPE, "pack.tar", "not a readable tar archive",
                        (p, d) -> cutInData(Archives.tar(d.resolve("pack.tar"), p.entries()), INPUTS + "statement.csv")),
                of("truncated tar (cut between two entries, no end marker)", TPE, "pack.tar", "truncated",
                        (p, d) -> truncated(Archives.tar(d.resolve("pack.tar"), p.entries()), 0))
                        .defect("a tar cut at a 512-byte boundary, or inside a header block, reads as a complete, shorter "
                                + "archive (the end-of-archive marker is not required); the damage surfaces later as a "
                                + "misleading layout or digest error ('tasks/bank-rec/task.json: missing ...')"),
                of("truncated tar.gz", TPE, "pack.tgz", "not a readable tar archive",
                        (p, d) -> truncated(Archives.tgz(d.resolve("pack.tgz"), p.entries()), 0)),
                of("tar header with a bad checksum", TPE, "pack.json", "checksum mismatch",
                        (p, d) -> flipChecksum(Archives.tar(d.resolve("pack.tar"), p.entries()))),
                of("extended (PAX) header with a bad checksum (tar)", TPE, "*", "checksum",
                        (p, d) -> flipChecksum(Archives.tar(d.resolve("pack.tar"), p.entries(),
                                Map.of("pack.json", Map.of("comment", "extended header")))))
                        .defect("the checksum of extended (PAX) headers is never checked: TarExtractor checks isCheckSumOK() of the "
                                + "entry Commons Compress returns, not of the PAX header before it, so a damaged extended header "
                                + "(which overrides path, size, ...) is taken as it is"),
                of("escaping PAX path override (tar)", TPE, "../../evil-{m}", "path escapes the pack ('..' segment)",
                        (p, d) -> Archives.tar(d.resolve("pack.tar"), p.entriesPlus(Entry.file(INPUTS + "innocent.txt", "x")),
                                Map.of(INPUTS + "innocent.txt", Map.of("path", "../../evil-" + p.marker)))),
                of("invalid UTF-8 name (zip)", TPE, INPUTS + "*", "UTF-8", (p, d) -> Archives.zip(d.resolve("pack.zip"), notUtf8(p)))
                        .defect("entry names that are not UTF-8 are decoded with '?' for each bad byte and accepted: a pack "
                                + "holding the name FF FE 'x' opens and verifies as if it held '??x' (its digest is over '??x')"),
                of("invalid UTF-8 name (tar)", TPE, INPUTS + "*", "UTF-8", (p, d) -> Archives.tar(d.resolve("pack.tar"), notUtf8(p)))
                        .defect("tar entry names that are not UTF-8 are decoded with '?' for each bad byte and accepted"));
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
        new java.util.Random(size).nextBytes(b);
        return b;
    }

    /** Cuts a plain tar 10 bytes into the data of the entry named {@code name}. */
    private static Path cutInData(Path tar, String name) throws IOException {
        byte[] bytes = Files.readAllBytes(tar);
        byte[] want = (name + "\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int at = 0; at + 512 <= bytes.length; at += 512) {
            if (Arrays.equals(bytes, at, at + want.length, want, 0, want.length)) {
                return Files.write(tar, Arrays.copyOf(bytes, at + 512 + 10));
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
        Path zip = Archives.zip(d.resolve("pack.zip"), p.entriesPlus(Entry.file(INPUTS + "zeros.bin", new byte[4 << 20]),
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
