package dev.ale.process.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * The one directory a persistent process under bubblewrap sees as its workspace. An attempt's files
 * are moved in (renamed, never copied, never followed through links) before its task and moved back
 * to the attempt's own workspace after it, so the process never sees the directory of any other
 * attempt, and each attempt gets exactly what it left.
 */
@API(status = INTERNAL)
public final class Slot {
    private final Path dir;

    /** The slot at {@code dir} (an existing, private directory). */
    public Slot(Path dir) {
        this.dir = dir;
    }

    /** The slot's directory on the host. */
    public Path dir() {
        return dir;
    }

    /**
     * Empties the slot (what a process wrote after its last answer is removed), then moves every
     * entry of {@code workspace} into it.
     *
     * @throws IOException when an entry cannot be moved (the workspace on another file system), naming it
     */
    public void moveIn(Path workspace) throws IOException {
        ownerAccess(dir);
        clear();
        moveAll(workspace, dir);
    }

    /** Moves every entry of the slot back into {@code workspace}. */
    public void moveOut(Path workspace) throws IOException {
        ownerAccess(dir);
        moveAll(dir, workspace);
    }

    /** Deletes everything in the slot, links as links. */
    public void clear() throws IOException {
        for (Path p : entries(dir)) {
            deleteTree(p);
        }
    }

    private static void moveAll(Path from, Path to) throws IOException {
        for (Path p : entries(from)) {
            try {
                Files.move(p, to.resolve(p.getFileName().toString()));
            } catch (IOException e) {
                throw new IOException(
                        "could not move " + p + " to " + to + " (the workspace and the persistent agent's folder"
                                + " must be on one file system): " + e,
                        e);
            }
        }
    }

    private static List<Path> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    /**
     * Deletes {@code root} and everything under it, never following a link; directories the process
     * made unreadable are made the owner's again first.
     */
    public static void deleteTree(Path root) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(root, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        if (a.isDirectory()) {
            ownerAccess(root);
            for (Path child : entries(root)) {
                deleteTree(child);
            }
        }
        Files.deleteIfExists(root);
    }

    /** Gives the owner full access to directory {@code dir} (a process may have taken it away). */
    static void ownerAccess(Path dir) {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException | UnsupportedOperationException e) {
            // not ours to change, or not a POSIX file system: reading it will say what is wrong
        }
    }
}
