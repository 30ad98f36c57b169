package dev.ale.taskpack;

import static dev.ale.taskpack.Hostile.Entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.task.TaskPackException;
import dev.ale.archive.internal.EntryRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The safety rules every archive format must keep, run by {@link ZipSafetyTest} and
 * {@link TarSafetyTest} over archives of their kind: the standard pack's files plus hostile entries.
 */
abstract class ArchiveSafetyContract {
    @TempDir
    Path tmp;

    PackFixture fixture;
    List<Entry> base;

    @BeforeEach
    void setUpPack() throws IOException {
        fixture = PackFixture.standard(Files.createDirectories(tmp.resolve("pack")));
        base = Hostile.filesOf(fixture.dir);
    }

    /** Writes the entries as an archive of this kind, asserts opening it fails and leaves nothing behind. */
    abstract TaskPackException refused(List<Entry> entries, PackLimits limits) throws IOException;

    /** The standard pack's files and {@code extra}, refused under the default limits. */
    TaskPackException refused(Entry... extra) throws IOException {
        return refused(Hostile.plus(base, extra), PackLimits.defaults());
    }

    static PackLimits limits(long entries, long entryBytes, long total, double ratio, long floor) {
        return new PackLimits(entries, entryBytes, total, ratio, floor, 4L << 20);
    }

    /** Entries every archive kind must refuse after the pack's own files: the entries, the one named, a fragment of the rule. */
    static Stream<Arguments> hostileEntries() {
        String csv = "tasks/bank-rec/inputs/statement.csv";
        return Stream.of(
                Arguments.of(
                        List.of(Entry.symlink("tasks/bank-rec/inputs/passwd", "/etc/passwd")),
                        "tasks/bank-rec/inputs/passwd",
                        "symbolic link"),
                Arguments.of(List.of(Entry.file(csv, "second")), csv, "duplicate entry"),
                Arguments.of(
                        List.of(Entry.file("tasks/bank-rec//inputs/statement.csv", "second")),
                        "tasks/bank-rec//inputs/statement.csv",
                        "duplicate entry (the same path as '" + csv + "')"),
                Arguments.of(List.of(Entry.folder(csv + "/")), csv + "/", "duplicate entry"),
                Arguments.of(List.of(Entry.folder("tasks/"), Entry.folder("tasks//")), "tasks//", "duplicate entry"),
                Arguments.of(List.of(Entry.file(csv + "/x", "evil")), csv + "/x", "which is a file"));
    }

    @ParameterizedTest
    @MethodSource("hostileEntries")
    void hostileEntriesAreRefused(List<Entry> extra, String source, String rule) throws IOException {
        TaskPackException e = refused(extra.toArray(Entry[]::new));
        assertEquals(source, e.source());
        assertTrue(e.rule().contains(rule), e.getMessage());
    }

    /** Names every archive kind must refuse, with a fragment of the rule; each kind gives its own ({@link SafetyCases}). */
    @ParameterizedTest
    @MethodSource("badNames")
    void badNamesAreRefused(String name, String rule) throws IOException {
        TaskPackException e = refused(Entry.file(name, "evil"));
        assertEquals(EntryRules.printable(name), e.source());
        assertTrue(e.rule().contains(rule), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("evil")));
    }

    @Test
    void tooManyEntriesAreRefused() throws IOException {
        TaskPackException e = refused(base, limits(base.size() - 1, 1L << 30, 1L << 33, 200, 1L << 20));
        assertTrue(e.rule().startsWith("too many entries"), e.getMessage());
    }

    @Test
    void anEntryOverTheSizeLimitIsRefused() throws IOException {
        TaskPackException e = refused(
                Hostile.plus(base, Entry.file("tasks/bank-rec/inputs/big.bin", SafetyCases.noise(200_000, 1))),
                limits(1000, 100_000, 1L << 33, 200, 1L << 20));
        assertEquals("tasks/bank-rec/inputs/big.bin", e.source());
        assertTrue(e.rule().contains("larger than the limit of 100000"), e.getMessage());
    }

    @Test
    void entriesOverTheTotalAreRefused() throws IOException {
        long total = base.stream().mapToLong(en -> en.data().length).sum();
        TaskPackException e = refused(base, limits(1000, 1L << 30, total - 1, 200, 1L << 20));
        assertTrue(e.rule().startsWith("the entries add up to more than the limit"), e.getMessage());
    }
}
