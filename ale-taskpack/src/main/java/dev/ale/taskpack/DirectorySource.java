package dev.ale.taskpack;

import dev.ale.api.task.TaskPackException;
import dev.ale.archive.ArchiveLimits;
import dev.ale.archive.ArchiveSource;
import dev.ale.archive.Listing;
import dev.ale.archive.NamePolicy;
import dev.ale.archive.internal.BoundedInput;
import dev.ale.archive.internal.EntryGuard;
import dev.ale.archive.internal.EntryRules;
import dev.ale.archive.internal.TempDirs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A pack in a directory. The directory is listed once, without following links: a symbolic link
 * or a special file (device, fifo, socket) anywhere inside is refused, as in archives. Files are
 * opened through a {@link NoFollowOpener} from the root folder held open since the listing, so a
 * link swapped in later is refused at every step. Also used
 * for the private extraction of a tar, which it deletes when closed (or, failing that, when it is
 * garbage-collected).
 */
final class DirectorySource implements ArchiveSource {
    private static final Cleaner CLEANER = Cleaner.create();

    private final Path root;
    private final String location;
    private final Listing listing;
    private final NoFollowOpener opener;
    private final Cleaner.Cleanable cleanup;

    private DirectorySource(Path root, String location, Listing listing, Runnable onClose) {
        this.root = root;
        this.location = location;
        this.listing = listing;
        try {
            this.opener = NoFollowOpener.of(root);
        } catch (IOException e) {
            onClose.run();
            throw new TaskPackException(location, "", "cannot read the pack directory: " + e, e);
        }
        NoFollowOpener held = opener;
        this.cleanup = CLEANER.register(this, () -> {
            held.close();
            onClose.run();
        });
    }

    /** Lists the pack directory {@code root}. */
    static DirectorySource scan(Path root) {
        Path real;
        try {
            real = root.toRealPath();
        } catch (IOException e) {
            throw new TaskPackException(root.toString(), "", "cannot read the pack directory: " + e, e);
        }
        return new DirectorySource(real, root.toString(), list(real, root.toString()), () -> {});
    }

    /** A pack extracted into the private folder {@code root}, which closing deletes. */
    static DirectorySource extracted(Path root, String archive, Listing listing) {
        return new DirectorySource(root, archive, listing, () -> TempDirs.deleteTree(root));
    }

    private static Listing list(Path root, String location) {
        EntryGuard guard = new EntryGuard(ArchiveLimits.NONE, NamePolicy.CANONICAL);
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(root)) {
                        guard.folder(name(root, dir) + "/");
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = name(root, file);
                    if (attrs.isSymbolicLink()) {
                        throw EntryRules.refuse(name, EntryRules.SYMLINK);
                    }
                    if (!attrs.isRegularFile()) {
                        throw EntryRules.refuse(name, EntryRules.SPECIAL);
                    }
                    guard.file(name, attrs.size());
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    throw e;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new TaskPackException(location, "", "cannot list the pack directory: " + e, e);
        }
        return guard.listing();
    }

    private static String name(Path root, Path p) {
        StringBuilder b = new StringBuilder();
        for (Path part : root.relativize(p)) {
            if (b.length() > 0) {
                b.append('/');
            }
            b.append(part);
        }
        return b.toString();
    }

    /** The directory the pack's files are in. */
    Path root() {
        return root;
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public Listing listing() {
        return listing;
    }

    @Override
    public InputStream open(String path) throws IOException {
        Long size = listing.files().get(path);
        if (size == null) {
            throw new IOException("no file '" + path + "' in " + location);
        }
        return BoundedInput.exact(opener.open(path), path, size);
    }

    @Override
    public void close() {
        cleanup.clean();
    }
}
