package dev.ale.taskpack;

import static dev.ale.taskpack.Hostile.Entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.task.TaskPackException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void symbolicLinksAreRefused() throws IOException {
        TaskPackException e = refused(Entry.symlink("tasks/bank-rec/inputs/passwd", "/etc/passwd"));
        assertEquals("tasks/bank-rec/inputs/passwd", e.source());
        assertTrue(e.rule().startsWith("symbolic link"), e.getMessage());
    }

    @Test
    void duplicateEntriesAreRefused() throws IOException {
        TaskPackException e = refused(Entry.file("tasks/bank-rec/inputs/statement.csv", "second"));
        assertTrue(e.rule().startsWith("duplicate entry"), e.getMessage());
    }

    @Test
    void duplicatesThatDifferOnlyBySlashesAreRefused() throws IOException {
        TaskPackException e = refused(Entry.file("tasks/bank-rec//inputs/statement.csv", "second"));
        assertEquals("duplicate entry (the same path as 'tasks/bank-rec/inputs/statement.csv')", e.rule());
        e = refused(Entry.folder("tasks/bank-rec/inputs/statement.csv/"));
        assertTrue(e.rule().startsWith("duplicate entry"), e.getMessage());
        e = refused(Entry.folder("tasks/"), Entry.folder("tasks//"));
        assertTrue(e.rule().startsWith("duplicate entry"), e.getMessage());
    }

    @Test
    void anEntryInsideAFileIsRefused() throws IOException {
        TaskPackException e = refused(Entry.file("tasks/bank-rec/inputs/statement.csv/x", "evil"));
        assertTrue(e.rule().contains("which is a file"), e.getMessage());
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
