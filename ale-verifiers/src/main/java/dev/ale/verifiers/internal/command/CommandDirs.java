package dev.ale.verifiers.internal.command;

import dev.ale.api.spi.VerificationContext;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;

/**
 * The private directories of one grader run: a fresh temporary directory (owner-only where the
 * file system has POSIX permissions) holding the working directory and, when the output or the
 * reference is not on the default file system (an in-memory sandbox), a copy of it, so the
 * grader gets real directories. Copies take directories and regular files only, never following
 * a link; deletion does not follow links either.
 */
final class CommandDirs {
    private CommandDirs() {}

    /**
     * A new directory of one grader run inside the verification's private directory
     * ({@link VerificationContext#privateDirectory()}: owner only, in the run's private folder,
     * removed when the verification ends), or where the context offers none, a new private
     * temporary directory.
     */
    static Path createPrivate(VerificationContext ctx) throws IOException {
        Path area;
        try {
            area = ctx.privateDirectory();
        } catch (UnsupportedOperationException e) {
            return createPrivate();
        }
        return Files.createTempDirectory(area, "grader-", ownerOnly());
    }

    private static FileAttribute<?>[] ownerOnly() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))
                }
                : new FileAttribute<?>[0];
    }

    /** A new private temporary directory. */
    static Path createPrivate() throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempDirectory(
                    "ale-command-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return Files.createTempDirectory("ale-command-");
    }

    /**
     * A real directory with the content of {@code root}: {@code root} itself when it is on the
     * default file system, else a copy made at {@code copy}.
     */
    static Path realDirectory(Path root, Path copy) throws IOException {
        if (root.getFileSystem() == FileSystems.getDefault()) {
            return root.toAbsolutePath();
        }
        copyTree(root, copy);
        return copy;
    }

    /** Copies the directories and regular files under {@code from} to {@code to}; links and others are left out. */
    static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(target(dir));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    try (InputStream in = openNoFollow(file)) {
                        Files.copy(in, target(file));
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            private Path target(Path p) {
                Path t = to;
                for (Path name : from.relativize(p)) {
                    if (!name.toString().isEmpty()) {
                        t = t.resolve(name.toString());
                    }
                }
                return t;
            }
        });
    }

    /** Opens a file without following a link; on a file system without links (zip) a plain open. */
    private static InputStream openNoFollow(Path file) throws IOException {
        try {
            return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException e) {
            return Files.newInputStream(file);
        }
    }

    /** Deletes {@code root} and everything under it, links as links; best effort, never throws. */
    static void deleteTree(Path root) {
        Set<Path> retried = new HashSet<>();
        try {
            Files.walkFileTree(root, new TreeWalk(CommandDirs::openUp, Files::deleteIfExists, Files::deleteIfExists) {
                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    // a grader may have taken the read or search bit off a directory it made
                    if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS) && retried.add(file)) {
                        openUp(file);
                        Files.walkFileTree(file, this);
                    } else {
                        Files.deleteIfExists(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // left for the system's temporary-file cleaning; the verdict does not depend on it
        }
    }

    private static void openUp(Path dir) {
        File f = dir.toFile();
        f.setReadable(true, true);
        f.setWritable(true, true);
        f.setExecutable(true, true);
    }
}
