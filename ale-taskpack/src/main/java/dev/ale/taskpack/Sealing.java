package dev.ale.taskpack;

import dev.ale.api.task.TaskPackException;
import dev.ale.api.task.TaskSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.stream.Stream;

/**
 * What {@link TaskPackWriter} does to seal references: turns each task's {@code reference/} into
 * {@code reference.7z} in place, or writes a sealed archive from an untouched pack directory.
 * Sealing one task writes the archive beside the folder and moves it into place, then renames the
 * folder away and deletes it; a sealing that was interrupted is completed by the next one.
 */
final class Sealing {
    /** What {@code reference/} is renamed to before it is deleted. */
    static final String REMOVED = ".reference.sealed";

    private static final String REFERENCE = "reference";

    private Sealing() {}

    static String sealReferences(Path packDirectory, char[] key, PackOptions options) {
        checkKey(key);
        if (!Files.isDirectory(packDirectory)) {
            throw new TaskPackException(packDirectory.toString(), "", "not a pack directory");
        }
        try {
            recover(packDirectory);
            try (DirectorySource source = DirectorySource.scan(packDirectory)) {
                List<TaskSpec> specs = PackReader.read(source, options, true).specs();
                for (TaskSpec spec : specs) {
                    String entry = SealedReference.entry(spec.id());
                    if (references(source, spec.id()).isEmpty()
                            && source.listing().files().containsKey(entry)) {
                        checkOpens(source, entry, key);
                    }
                }
                for (TaskSpec spec : specs) {
                    SortedMap<String, Long> files = references(source, spec.id());
                    if (!files.isEmpty()) {
                        seal(source, spec.id(), files, key);
                    }
                }
            }
        } catch (IOException e) {
            throw new TaskPackException(packDirectory.toString(), "", "cannot seal the references: " + e, e);
        }
        return PackWriting.updateDigests(packDirectory, options);
    }

    static void write(Path packDirectory, Path target, char[] key, PackOptions options) {
        checkKey(key);
        PackWriting.kind(target);
        try (DirectorySource source = PackWriting.directory(packDirectory)) {
            PackWriting.checkTarget(source, target);
            PackWriting.checkCurrent(source, options);
            Path work = TempDirs.createPrivate(null);
            try {
                Path copy = work.resolve("pack");
                copy(source, copy);
                sealReferences(copy, key, options);
                PackWriting.write(copy, target, options);
            } finally {
                TempDirs.deleteTree(work);
            }
        } catch (IOException e) {
            throw new TaskPackException(target.toString(), "", "cannot write the sealed archive: " + e, e);
        }
    }

    private static void checkKey(char[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length == 0) {
            throw new IllegalArgumentException("the key that seals references must not be empty");
        }
    }

    private static SortedMap<String, Long> references(DirectorySource source, String id) {
        return source.listing().filesUnder(TaskLayout.folder(id) + REFERENCE + "/");
    }

    /** A task that is sealed already must open with this key, or the pack would need two keys. */
    private static void checkOpens(DirectorySource source, String entry, char[] key) {
        try {
            SealedReference.open(source, entry, "reference", PackLimits.defaults(), key);
        } catch (TaskPackException e) {
            throw new TaskPackException(entry, "", "sealed already, and not with this key (" + e.rule() + ")", e);
        }
    }

    private static void seal(DirectorySource source, String id, SortedMap<String, Long> files, char[] key)
            throws IOException {
        String prefix = TaskLayout.folder(id) + REFERENCE + "/";
        List<SevenZWriter.Item> items = new ArrayList<>();
        for (Map.Entry<String, Long> f : files.entrySet()) {
            String entry = f.getKey();
            items.add(new SevenZWriter.Item(entry.substring(prefix.length()), f.getValue(), () -> source.open(entry)));
        }
        items.sort((a, b) -> Digests.UTF8_ORDER.compare(a.name(), b.name()));
        Path task = source.root().resolve(TaskLayout.folder(id));
        PackWriting.replace(task.resolve(SealedReference.FILE), tmp -> {
            try (SeekableByteChannel out =
                    Files.newByteChannel(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                SevenZWriter.write(items, key, out);
            }
        });
        Path removed = task.resolve(REMOVED);
        Files.move(task.resolve(REFERENCE), removed, StandardCopyOption.ATOMIC_MOVE);
        delete(removed);
    }

    /**
     * Completes an interrupted sealing: a leftover temporary archive or renamed folder is deleted,
     * and where both {@code reference/} (with files) and {@code reference.7z} are present, the folder
     * is complete (it is renamed away in one step) and the archive is dropped to be written again.
     */
    static void recover(Path packDirectory) throws IOException {
        Path tasks = packDirectory.resolve("tasks");
        if (!Files.isDirectory(tasks, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(tasks)) {
            for (Path task : folders) {
                if (!Files.isDirectory(task, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                try (DirectoryStream<Path> temps =
                        Files.newDirectoryStream(task, "." + SealedReference.FILE + ".*.tmp")) {
                    for (Path tmp : temps) {
                        Files.deleteIfExists(tmp);
                    }
                }
                Path sealed = task.resolve(SealedReference.FILE);
                if (!Files.isRegularFile(sealed, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                delete(task.resolve(REMOVED));
                if (hasFiles(task.resolve(REFERENCE))) {
                    Files.delete(sealed);
                }
            }
        }
    }

    private static boolean hasFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.anyMatch(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS));
        }
    }

    private static void delete(Path folder) throws IOException {
        TempDirs.deleteTree(folder);
        if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("could not delete " + folder);
        }
    }

    /** Copies the listed folders and files of a pack to {@code target}. */
    private static void copy(DirectorySource source, Path target) throws IOException {
        Files.createDirectories(target);
        for (String folder : source.listing().folders()) {
            Files.createDirectories(target.resolve(folder));
        }
        for (String file : source.listing().files().keySet()) {
            try (InputStream in = source.open(file)) {
                Files.copy(in, target.resolve(file));
            }
        }
    }
}
