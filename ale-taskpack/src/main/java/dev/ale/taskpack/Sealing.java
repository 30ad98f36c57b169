package dev.ale.taskpack;

import dev.ale.api.task.TaskPackException;
import dev.ale.api.task.TaskSpec;
import dev.ale.archive.internal.TempDirs;
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
 * What {@link TaskPackWriter} does to seal what is secret in a pack: turns each task's
 * {@code reference/} into {@code reference.7z} and its {@code solution/} into {@code solution.7z}
 * in place, or writes a sealed archive from an untouched pack directory. Sealing one part writes
 * the archive beside the folder and moves it into place, then renames the folder away and deletes
 * it; a sealing that was interrupted is completed by the next one.
 */
final class Sealing {
    /** What {@code reference/} is renamed to before it is deleted. */
    static final String REMOVED = ".reference.sealed";

    /** The folders a sealed pack holds only sealed: the answers, and a correct output. */
    private static final List<String> SECRET = List.of("reference", "solution");

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
                    for (String part : SECRET) {
                        String entry = TaskLayout.folder(spec.id()) + part + ".7z";
                        if (files(source, spec.id(), part).isEmpty()
                                && source.listing().files().containsKey(entry)) {
                            checkOpens(source, entry, part, key);
                        }
                    }
                }
                for (TaskSpec spec : specs) {
                    for (String part : SECRET) {
                        SortedMap<String, Long> files = files(source, spec.id(), part);
                        if (!files.isEmpty()) {
                            seal(source, spec.id(), part, files, key);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new TaskPackException(
                    packDirectory.toString(), "", "cannot seal the references and solutions: " + e, e);
        }
        return PackWriting.updateDigests(packDirectory, options);
    }

    static void write(Path packDirectory, Path target, char[] key, PackOptions options) {
        checkKey(key);
        PackWriting.kind(target);
        try (DirectorySource source = PackWriting.directory(packDirectory)) {
            PackWriting.checkTarget(source, target);
            PackWriting.checkCurrent(source, options);
            Path work = TempDirs.createPrivate(null, "ale-pack-");
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

    private static SortedMap<String, Long> files(DirectorySource source, String id, String part) {
        return source.listing().filesUnder(TaskLayout.folder(id) + part + "/");
    }

    /** A task that is sealed already must open with this key, or the pack would need two keys. */
    private static void checkOpens(DirectorySource source, String entry, String part, char[] key) {
        try {
            SealedReference.open(source, null, entry, part, PackLimits.defaults(), key);
        } catch (TaskPackException e) {
            throw new TaskPackException(entry, "", "sealed already, and not with this key (" + e.rule() + ")", e);
        }
    }

    private static void seal(DirectorySource source, String id, String part, SortedMap<String, Long> files, char[] key)
            throws IOException {
        String prefix = TaskLayout.folder(id) + part + "/";
        List<SevenZWriter.Item> items = new ArrayList<>();
        for (Map.Entry<String, Long> f : files.entrySet()) {
            String entry = f.getKey();
            items.add(new SevenZWriter.Item(entry.substring(prefix.length()), f.getValue(), () -> source.open(entry)));
        }
        items.sort((a, b) -> Digests.UTF8_ORDER.compare(a.name(), b.name()));
        Path task = source.root().resolve(TaskLayout.folder(id));
        PackWriting.replace(task.resolve(part + ".7z"), tmp -> {
            try (SeekableByteChannel out =
                    Files.newByteChannel(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                SevenZWriter.write(items, key, out);
            }
        });
        Path removed = task.resolve(removed(part));
        Files.move(task.resolve(part), removed, StandardCopyOption.ATOMIC_MOVE);
        delete(removed);
    }

    /** What a sealed folder is renamed to before it is deleted: {@code .reference.sealed}, {@code .solution.sealed}. */
    private static String removed(String part) {
        return part.equals("reference") ? REMOVED : "." + part + ".sealed";
    }

    /**
     * Completes an interrupted sealing: a leftover temporary archive or renamed folder is deleted,
     * and where both {@code reference/} (with files) and {@code reference.7z} are present (or
     * {@code solution/} and {@code solution.7z}), the folder
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
                for (String part : SECRET) {
                    recover(task, part);
                }
            }
        }
    }

    private static void recover(Path task, String part) throws IOException {
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(task, "." + part + ".7z.*.tmp")) {
            for (Path tmp : temps) {
                Files.deleteIfExists(tmp);
            }
        }
        Path sealed = task.resolve(part + ".7z");
        if (!Files.isRegularFile(sealed, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        delete(task.resolve(removed(part)));
        if (hasFiles(task.resolve(part))) {
            Files.delete(sealed);
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
