package dev.ale.taskpack;

import dev.ale.api.task.TaskFile;
import dev.ale.api.task.TaskPackException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens a task's sealed reference ({@code tasks/<id>/reference.7z}): reads the archive into memory,
 * decrypts it with the key and applies the rules of every pack archive to its entries (names, no
 * links or special files, no duplicates, entry count, entry and total size; neither Copy nor 7zAES
 * expands data, so the ratio is at most 1). The files are held in memory and never written out.
 */
final class SealedReference {
    static final String FILE = "reference.7z";
    /** The largest sealed reference read into memory (a Java array's limit). */
    static final long MAX_ARCHIVE_BYTES = Integer.MAX_VALUE - 8;

    private SealedReference() {}

    /** The pack entry of task {@code id}'s sealed reference. */
    static String entry(String id) {
        return TaskLayout.folder(id) + FILE;
    }

    /**
     * The files of the sealed reference at {@code entry}, sorted by path.
     *
     * @throws TaskPackException naming {@code entry}: no key, wrong key, unreadable archive or a refused entry
     */
    static List<TaskFile> open(PackSource source, String entry, PackLimits limits, char[] key) {
        if (key == null || key.length == 0) {
            throw new TaskPackException(
                    entry, "", "no key given: the reference is sealed and opens only with the pack's key");
        }
        byte[] archive = read(source, entry);
        EntryGuard guard = new EntryGuard(limits);
        List<String> paths = new ArrayList<>();
        List<SevenZReader.Entry> entries;
        try {
            entries = SevenZReader.read(
                    archive,
                    key,
                    (name, directory, size) -> paths.add(directory ? guard.folder(name) : guard.file(name, size)));
        } catch (SevenZReader.Failure e) {
            throw new TaskPackException(
                    entry,
                    "",
                    (e.wrongKey ? "cannot unseal: " : "cannot unseal (unreadable archive): ") + e.getMessage(),
                    e);
        } catch (TaskPackException refused) {
            throw new TaskPackException(
                    entry, "", "entry '" + refused.source() + "' refused: " + refused.rule(), refused);
        }
        List<TaskFile> files = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            SevenZReader.Entry e = entries.get(i);
            if (!e.directory()) {
                files.add(new MemoryFile(paths.get(i), e.data(), e.offset(), e.length()));
            }
        }
        files.sort((a, b) -> Digests.UTF8_ORDER.compare(a.path(), b.path()));
        return List.copyOf(files);
    }

    private static byte[] read(PackSource source, String entry) {
        long size = source.listing().files().get(entry);
        if (size > MAX_ARCHIVE_BYTES) {
            throw new TaskPackException(
                    entry,
                    "",
                    "a sealed reference is read into memory and may hold at most " + MAX_ARCHIVE_BYTES + " bytes");
        }
        try (InputStream in = source.open(entry)) {
            return in.readNBytes((int) size);
        } catch (IOException e) {
            throw new TaskPackException(entry, "", "cannot read: " + e.getMessage(), e);
        }
    }

    /** A decrypted file, held in memory. */
    private record MemoryFile(String path, byte[] data, int offset, int length) implements TaskFile {
        @Override
        public long size() {
            return length;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(data, offset, length);
        }

        @Override
        public String toString() {
            return "sealed reference file " + path + " (" + length + " bytes)";
        }
    }
}
