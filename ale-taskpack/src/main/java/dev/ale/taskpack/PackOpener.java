package dev.ale.taskpack;

import dev.ale.api.task.PackRef;
import dev.ale.api.task.Task;
import dev.ale.api.task.TaskPackException;
import dev.ale.api.task.TaskSpec;
import dev.ale.archive.ArchiveSource;
import dev.ale.archive.Listing;
import dev.ale.archive.NamePolicy;
import dev.ale.archive.TarArchive;
import dev.ale.archive.ZipArchive;
import dev.ale.archive.internal.TempDirs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** Opens a pack from a directory or an archive chosen by its file name, and builds its tasks. */
final class PackOpener {
    /** The kinds of pack file, by name. */
    enum Kind {
        ZIP,
        TAR,
        TAR_GZ;

        /** The kind of archive a file name says, or null. */
        static Kind of(Path file) {
            String name = file.getFileName() == null
                    ? ""
                    : file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".zip")) {
                return ZIP;
            }
            if (name.endsWith(".tar")) {
                return TAR;
            }
            return name.endsWith(".tar.gz") || name.endsWith(".tgz") ? TAR_GZ : null;
        }
    }

    static final String KINDS = "a directory, .zip, .tar, .tar.gz or .tgz";

    private PackOpener() {}

    static TaskPack open(Path path, PackOptions options) {
        return open(path, options, null);
    }

    /** As {@link #open(Path, PackOptions)}, extracting tar archives into {@code tempParent} (null: the system's). */
    static TaskPack open(Path path, PackOptions options, Path tempParent) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(options, "options");
        return guarded(String.valueOf(path.getFileName()), () -> {
            ArchiveSource source = source(path, options.limits(), tempParent);
            try {
                PackReader.Result read = PackReader.read(source, options, false);
                return build(source, read, options.limits());
            } catch (RuntimeException | Error e) {
                source.close();
                throw e;
            }
        });
    }

    /**
     * Runs {@code body}, turning any Error but running out of memory or stack (a codec class that
     * cannot be loaded, say) into a TaskPackException naming {@code location}.
     */
    static <T> T guarded(String location, Supplier<T> body) {
        try {
            return body.get();
        } catch (OutOfMemoryError | StackOverflowError e) {
            throw e;
        } catch (Error e) {
            throw new TaskPackException(location, "", "cannot read the pack: " + e, e);
        }
    }

    /** The source of the pack at {@code path}, checked against the archive rules. */
    static ArchiveSource source(Path path, PackLimits limits, Path tempParent) {
        if (Files.isDirectory(path)) {
            return DirectorySource.scan(path);
        }
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new TaskPackException(path.toString(), "", "no such file or directory");
        }
        Kind kind = Kind.of(path);
        if (kind == null) {
            throw new TaskPackException(path.toString(), "", "unknown kind of pack: expected " + KINDS);
        }
        if (!Files.isRegularFile(path)) {
            throw new TaskPackException(path.toString(), "", "not a regular file");
        }
        return switch (kind) {
            case ZIP -> ZipArchive.open(
                    path, path.getFileName().toString(), limits.forArchives(), NamePolicy.CANONICAL);
            case TAR -> tar(path, false, limits, tempParent);
            case TAR_GZ -> tar(path, true, limits, tempParent);
        };
    }

    /**
     * Streams a {@code .tar} or {@code .tar.gz} once into a new private folder in {@code tempParent}
     * (the system temporary folder when null) and returns the directory pack over it; on any
     * failure the folder is deleted before the exception leaves.
     */
    private static ArchiveSource tar(Path archive, boolean gzip, PackLimits limits, Path tempParent) {
        String location = archive.getFileName().toString();
        Path root;
        try {
            root = TempDirs.createPrivate(tempParent, "ale-pack-");
        } catch (IOException e) {
            throw new TaskPackException(location, "", "cannot create a private temporary folder: " + e, e);
        }
        try (InputStream in = Files.newInputStream(archive)) {
            Listing listing = TarArchive.extract(in, gzip, location, limits.forArchives(), NamePolicy.CANONICAL, root);
            return DirectorySource.extracted(root, location, listing);
        } catch (IOException e) {
            TempDirs.deleteTree(root);
            throw new TaskPackException(location, "", "not a readable tar archive: " + e, e);
        } catch (RuntimeException | Error e) {
            TempDirs.deleteTree(root);
            throw e;
        }
    }

    private static TaskPack build(ArchiveSource source, PackReader.Result read, PackLimits limits) {
        Manifest m = read.manifest();
        Map<String, String> digests = new LinkedHashMap<>();
        m.tasks().forEach(t -> digests.put(t.id(), t.digest()));
        PackState state = new PackState(
                source,
                new PackRef(m.name(), m.version(), Digests.pack(digests)),
                m.info(),
                m.lists(),
                read.warnings(),
                limits,
                read.builtWith(),
                new AtomicReference<>(),
                new AtomicBoolean());
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < read.specs().size(); i++) {
            TaskSpec spec = read.specs().get(i);
            tasks.add(new PackTask(
                    state,
                    spec,
                    digests.get(spec.id()),
                    read.computed().get(spec.id()),
                    read.verifiers().get(i)));
        }
        return new PackView(state, tasks);
    }
}
