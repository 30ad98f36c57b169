package dev.ale.taskpack;

import dev.ale.api.task.TaskFile;
import dev.ale.api.task.TaskPackException;
import dev.ale.archive.ArchiveSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens a task's sealed part ({@code tasks/<id>/reference.7z} or {@code solution.7z}): reads the
 * archive into memory and unseals it with the key through {@link SealedArchive}, which applies the
 * rules of every pack archive to its entries. The files are held in memory and never written out.
 */
final class SealedReference {
    static final String FILE = "reference.7z";
    /** The sealed solution: a task's {@code solution/} in a sealed pack. */
    static final String SOLUTION_FILE = "solution.7z";
    /** The largest sealed archive read into memory (a Java array's limit). */
    static final long MAX_ARCHIVE_BYTES = Integer.MAX_VALUE - 8;

    private SealedReference() {}

    /** The pack entry of task {@code id}'s sealed reference. */
    static String entry(String id) {
        return TaskLayout.folder(id) + FILE;
    }

    /** The pack entry of task {@code id}'s sealed solution. */
    static String solutionEntry(String id) {
        return TaskLayout.folder(id) + SOLUTION_FILE;
    }

    /**
     * The files of the sealed archive at {@code entry}, sorted by path; a single top-level
     * {@code folder/} holding everything is lifted ({@code reference} or {@code solution}).
     *
     * @param check what holds the read of {@code entry} to the bytes digested, or null to read it as it is
     * @throws TaskPackException naming {@code entry}: no key, wrong key, unreadable archive or a refused entry
     */
    static List<TaskFile> open(
            ArchiveSource source, FileCheck check, String entry, String folder, PackLimits limits, char[] key) {
        if (key == null || key.length == 0) {
            throw new TaskPackException(
                    entry, "", "no key given: the " + folder + " is sealed and opens only with the pack's key");
        }
        byte[] archive = read(source, check, entry);
        List<SealedArchive.File> read;
        try {
            read = SealedArchive.read(archive, key, limits, folder);
        } catch (SealedArchive.Failure e) {
            throw new TaskPackException(entry, "", "cannot unseal: " + e.getMessage(), e);
        } catch (TaskPackException refused) {
            throw new TaskPackException(
                    entry, "", "entry '" + refused.source() + "' refused: " + refused.rule(), refused);
        }
        List<TaskFile> files = new ArrayList<>();
        for (SealedArchive.File f : read) {
            files.add(new MemoryFile(f.path(), f.data()));
        }
        files.sort((a, b) -> Digests.UTF8_ORDER.compare(a.path(), b.path()));
        return List.copyOf(files);
    }

    private static byte[] read(ArchiveSource source, FileCheck check, String entry) {
        long size = source.listing().files().get(entry);
        if (size > MAX_ARCHIVE_BYTES) {
            throw new TaskPackException(
                    entry,
                    "",
                    "a sealed archive is read into memory and may hold at most " + MAX_ARCHIVE_BYTES + " bytes");
        }
        try (InputStream in = FileCheck.openHeld(check, source, entry)) {
            return in.readNBytes((int) size);
        } catch (IOException e) {
            throw new TaskPackException(entry, "", "cannot read: " + e.getMessage(), e);
        }
    }

    /** A decrypted file, held in memory. */
    private record MemoryFile(String path, byte[] data) implements TaskFile {
        @Override
        public long size() {
            return data.length;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(data);
        }

        @Override
        public String toString() {
            return "sealed file " + path + " (" + data.length + " bytes)";
        }
    }
}
