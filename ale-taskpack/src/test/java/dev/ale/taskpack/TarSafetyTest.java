package dev.ale.taskpack;

import static dev.ale.taskpack.Hostile.Entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.task.Task;
import dev.ale.api.task.TaskPackException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile tars: each is refused naming the entry and rule, nothing is written outside the private
 * extraction folder, and that folder is gone afterwards. Hostile entries come after the valid pack's
 * files, so extraction has begun when the refusal happens.
 */
class TarSafetyTest extends ArchiveSafetyContract {
    Path scratch;

    @BeforeEach
    void setUpScratch() throws IOException {
        scratch = Files.createDirectories(tmp.resolve("scratch"));
    }

    TaskPackException refused(Path archive, PackLimits limits) throws IOException {
        TaskPackException e = assertThrows(
                TaskPackException.class,
                () -> PackOpener.open(archive, PackOptions.defaults().withLimits(limits), scratch));
        SafetyCases.assertOnly(scratch);
        SafetyCases.assertOnly(tmp, "pack", "scratch", archive.getFileName().toString());
        assertEquals(SafetyCases.tree(tmp.resolve("pack")), SafetyCases.tree(fixture.dir));
        return e;
    }

    @Override
    TaskPackException refused(List<Entry> entries, PackLimits limits) throws IOException {
        return refused(Hostile.tar(tmp.resolve("hostile.tar"), entries), limits);
    }

    @Test
    void theUnalteredTarOpensAndItsExtractionIsDeletedOnClose() throws IOException {
        try (TaskPack pack =
                PackOpener.open(Hostile.tar(tmp.resolve("plain.tar"), base), PackOptions.defaults(), scratch)) {
            pack.verify();
            assertEquals(1, OpenFormatsTest.count(scratch));
        }
        SafetyCases.assertOnly(scratch);
    }

    static Stream<Arguments> badNames() {
        return SafetyCases.badTarNames();
    }

    @Test
    void anAbsolutePathIsNeverWritten() throws IOException {
        Path outside = tmp.resolve("abs-evil");
        TaskPackException e = refused(Entry.file(outside.toString(), "evil"));
        assertTrue(e.rule().startsWith("absolute path"), e.getMessage());
        assertFalse(Files.exists(outside));
    }

    @Test
    void aNulInALongNameIsRefused() throws IOException {
        String name = "tasks/bank-rec/inputs/" + "a".repeat(120) + "\u0000../../evil";
        TaskPackException e = refused(Entry.file(name, "evil"));
        assertEquals("NUL character in entry name", e.rule());
    }

    /** Tar entries of kinds other than files and folders, with the rule each breaks. */
    static Stream<Arguments> tarEntryTypes() {
        String inputs = "tasks/bank-rec/inputs/";
        return Stream.of(
                Arguments.of(Entry.hardLink(inputs + "passwd", "/etc/passwd"), "hard link"),
                Arguments.of(Entry.special(inputs + "dev", 0644, TarConstants.LF_CHR), "special file"),
                Arguments.of(Entry.special(inputs + "dev", 0644, TarConstants.LF_BLK), "special file"),
                Arguments.of(Entry.special(inputs + "dev", 0644, TarConstants.LF_FIFO), "special file"),
                Arguments.of(Entry.special(inputs + "odd", 0644, (byte) 'Z'), "unsupported tar entry type 'Z'"),
                Arguments.of(
                        Entry.special(inputs + "sparse", 0100644, TarConstants.LF_GNUTYPE_SPARSE),
                        "sparse file entries are not supported"));
    }

    @ParameterizedTest
    @MethodSource("tarEntryTypes")
    void entriesOtherThanFilesAndFoldersAreRefused(Entry entry, String rule) throws IOException {
        TaskPackException e = refused(entry);
        assertEquals(entry.name(), e.source());
        assertTrue(e.rule().startsWith(rule), e.getMessage());
    }

    @Test
    void aGzipStreamOverTheCompressionRatioIsRefused() throws IOException {
        Path archive = Hostile.tgz(
                tmp.resolve("bomb.tgz"),
                Hostile.plus(base, Entry.file("tasks/bank-rec/inputs/zeros.bin", new byte[400_000])));
        TaskPackException e = refused(archive, limits(1000, 1L << 30, 1L << 33, 20, 64 << 10));
        assertEquals("tasks/bank-rec/inputs/zeros.bin", e.source());
        assertTrue(e.rule().startsWith("compression ratio over the limit of 20"), e.getMessage());
    }

    /**
     * The ratio is of the bytes inflated, not of what the gzip reader read ahead: zeros that a
     * 64 KiB read-ahead of noise would hide (2 MB over about 66 KB is a ratio of 30) are refused at
     * the zeros, at a limit of 100.
     */
    @Test
    void theCompressionRatioIsOfWhatWasInflatedNotOfWhatTheReaderBufferedAhead() throws IOException {
        byte[] noise = new byte[300_000];
        new Random(7).nextBytes(noise);
        Path archive = Hostile.tgz(
                tmp.resolve("ahead.tgz"),
                Hostile.plus(
                        base,
                        Entry.file("tasks/bank-rec/inputs/zeros.bin", new byte[2_000_000]),
                        Entry.file("tasks/bank-rec/inputs/noise.bin", noise)));
        TaskPackException e = refused(archive, limits(1000, 1L << 30, 1L << 33, 100, 64 << 10));
        assertEquals("tasks/bank-rec/inputs/zeros.bin", e.source());
        assertTrue(e.rule().startsWith("compression ratio over the limit of 100"), e.getMessage());
        assertNoThreadInflates("ahead.tgz");
    }

    /** The thread that inflated the archive ahead of the tar reader has ended. */
    static void assertNoThreadInflates(String archive) {
        assertFalse(
                Thread.getAllStackTraces().keySet().stream()
                        .anyMatch(t -> t.getName().startsWith("ale-gunzip ")
                                && t.getName().contains(archive)),
                "a thread still inflates " + archive);
    }

    /** A gzip stream of several members (RFC 1952; {@code cat a.gz b.gz}) is one tar, as {@code gzip -d} reads it. */
    @Test
    void aTarGzOfSeveralGzipMembersOpensAsOne() throws IOException {
        Path plain = Hostile.tar(tmp.resolve("plain.tar"), base);
        Path members = inMembers(plain, tmp.resolve("members.tgz"), 3);
        try (TaskPack one = PackOpener.open(plain, PackOptions.defaults(), scratch);
                TaskPack several = PackOpener.open(members, PackOptions.defaults(), scratch)) {
            assertEquals(one.ref(), several.ref());
            assertEquals(
                    one.tasks().stream().map(Task::digest).toList(),
                    several.tasks().stream().map(Task::digest).toList());
            several.verify();
        }
        SafetyCases.assertOnly(scratch);
        assertNoThreadInflates("members.tgz");
    }

    /** A gzip bomb cut into many members is refused as one: the ratio counts across members, none starts afresh. */
    @Test
    void aBombCutIntoManyGzipMembersIsRefusedAtTheRatio() throws IOException {
        Path plain = Hostile.tar(
                tmp.resolve("plain.tar"),
                Hostile.plus(base, Entry.file("tasks/bank-rec/inputs/zeros.bin", new byte[8_000_000])));
        Path archive = inMembers(plain, tmp.resolve("many.tgz"), 200);
        Files.delete(plain);
        TaskPackException e = refused(archive, limits(1000, 1L << 30, 1L << 33, 100, 64 << 10));
        assertEquals("tasks/bank-rec/inputs/zeros.bin", e.source());
        assertTrue(e.rule().startsWith("compression ratio over the limit of 100"), e.getMessage());
        assertNoThreadInflates("many.tgz");
    }

    /** Writes {@code tar} to {@code target} as {@code members} gzip members of about equal parts of it, one after another. */
    static Path inMembers(Path tar, Path target, int members) throws IOException {
        byte[] bytes = Files.readAllBytes(tar);
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int i = 0; i < members; i++) {
                int from = (int) ((long) bytes.length * i / members);
                int to = (int) ((long) bytes.length * (i + 1) / members);
                GZIPOutputStream gz = new GZIPOutputStream(out) {
                    @Override
                    public void close() throws IOException {
                        finish();
                    }
                };
                gz.write(bytes, from, to - from);
                gz.close();
            }
        }
        return target;
    }

    @Test
    void aHeaderWithABadChecksumIsRefused() throws IOException {
        Path plain = Hostile.tar(tmp.resolve("plain.tar"), base);
        byte[] bytes = Files.readAllBytes(plain);
        Files.delete(plain);
        bytes[1] ^= 0x01;
        TaskPackException e = refused(Files.write(tmp.resolve("sum.tar"), bytes), PackLimits.defaults());
        assertEquals("corrupt tar header (checksum mismatch)", e.rule());
    }

    /** The pack's files, then {@code count} extended headers in a row, then one more file. */
    private Path paxChain(String name, int count) throws IOException {
        List<Entry> entries = new ArrayList<>(base);
        for (int i = 0; i < count; i++) {
            entries.add(new Entry(
                    "PaxHeaders/x",
                    "8 a=bcd\n".getBytes(StandardCharsets.US_ASCII),
                    0100644,
                    TarConstants.LF_PAX_EXTENDED_HEADER_LC,
                    ""));
        }
        entries.add(Entry.file("tasks/bank-rec/inputs/last.txt", "x"));
        return Hostile.tar(tmp.resolve(name), entries);
    }

    @Test
    void headerDataIsBoundedPerEntry() throws IOException {
        TaskPackException e = refused(paxChain("chain.tar", 2_000), PackLimits.defaults());
        assertEquals("chain.tar", e.source());
        assertTrue(e.rule().startsWith("tar header data"), e.getMessage());
    }

    @Test
    void aHugeLongNameIsRefusedBeforeItIsBuffered() throws IOException {
        byte[] name = ("tasks/bank-rec/inputs/" + "n".repeat(2 << 20)).getBytes(StandardCharsets.US_ASCII);
        TaskPackException e = refused(
                new Entry("././@LongLink", name, 0100644, TarConstants.LF_GNUTYPE_LONGNAME, ""),
                Entry.file("short", "x"));
        assertTrue(e.rule().startsWith("tar header data"), e.getMessage());
    }

    @Test
    void aFolderEntryWithDataIsRefused() throws IOException {
        Path archive = Hostile.tar(
                tmp.resolve("hidden.tar"),
                Hostile.plus(base, Entry.file("tasks/bank-rec/inputs/more_", "hidden data")));
        Hostile.renameInTar(archive, "tasks/bank-rec/inputs/more_", "tasks/bank-rec/inputs/more/");
        TaskPackException e = refused(archive, PackLimits.defaults());
        assertEquals("tasks/bank-rec/inputs/more/", e.source());
        assertEquals("a folder entry must not hold data", e.rule());
    }

    @Test
    void aChainOfExtendedHeadersThatExhaustsTheStackIsRefused() throws Exception {
        Path archive = paxChain("deep.tar", 900);
        TaskPackException[] caught = new TaskPackException[1];
        Thread small = new Thread(
                null,
                () -> caught[0] = assertThrows(
                        TaskPackException.class, () -> PackOpener.open(archive, PackOptions.defaults(), scratch)),
                "small-stack",
                64 * 1024);
        small.start();
        small.join();
        assertEquals("deep.tar", caught[0].source());
        assertTrue(caught[0].rule().contains("too long a chain of extended headers"), caught[0].getMessage());
        SafetyCases.assertOnly(scratch);
    }

    @Test
    void aTruncatedTarIsRefusedAndCleanedUp() throws IOException {
        Path plain = Hostile.tar(tmp.resolve("plain.tar"), base);
        byte[] bytes = Files.readAllBytes(plain);
        Files.delete(plain);
        Path cut = Files.write(tmp.resolve("cut.tar"), Arrays.copyOf(bytes, bytes.length / 2 + 100));
        TaskPackException e = refused(cut, PackLimits.defaults());
        assertEquals("cut.tar", e.source());
    }

    @Test
    void aCorruptGzipIsRefusedAndCleanedUp() throws IOException {
        Path good = Hostile.tgz(tmp.resolve("good.tgz"), base);
        byte[] bytes = Files.readAllBytes(good);
        Files.delete(good);
        bytes[bytes.length - 6] ^= 0x55;
        Path bad = Files.write(tmp.resolve("bad.tgz"), bytes);
        TaskPackException e = refused(bad, PackLimits.defaults());
        assertEquals("bad.tgz", e.source());
        assertNoThreadInflates("bad.tgz");
    }
}
