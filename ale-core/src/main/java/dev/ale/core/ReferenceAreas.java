package dev.ale.core;

import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import com.google.common.jimfs.Configuration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Where hidden references go while a verifier scores an attempt. Each attempt's reference is
 * staged into a folder of its own in one file system in memory per run, which no process can reach
 * and no harness can name (see {@link InMemorySandboxProvider#newFileSystem}); a folder costs a few
 * microseconds where a file system per attempt cost tens. Only a verifier that hands files
 * to an external program asks for a directory on disk ({@link Area#privateDirectory()}), which is
 * made then, inside one owner-only folder of this run ({@code run-<pid>-<random>} under a base
 * outside the shared temporary directory), and removed as soon as its verification ends. The run
 * folder goes when the run closes; the folders of runs that were killed are removed when the next
 * run starts.
 */
final class ReferenceAreas implements AutoCloseable {
    private static final Configuration CONFIG = Configuration.unix().toBuilder()
            .setWorkingDirectory("/reference")
            .setBlockSize(InMemorySandboxProvider.BLOCK_BYTES)
            .setMaxCacheSize(0)
            .build();

    /** The system property that overrides where run folders go. */
    static final String BASE_PROPERTY = "ale.privateDir";

    private static final String PREFIX = "run-";
    private static final int MAX_HOPS = 40;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final Path base;
    private final AtomicLong sequence = new AtomicLong();
    private final FileSystem memory = InMemorySandboxProvider.newFileSystem(CONFIG);
    private Path runFolder;
    private boolean closed;

    ReferenceAreas(Path base) {
        this.base = base;
    }

    /** The areas of a run under the default base ({@link #defaultBase}). */
    static ReferenceAreas forRun() {
        return new ReferenceAreas(defaultBase(System.getProperties()::getProperty, System::getenv));
    }

    /**
     * The folder that holds the run folders: the system property {@value #BASE_PROPERTY}, else
     * {@code $XDG_RUNTIME_DIR/ale} (a per-user folder in memory), else {@code ~/.cache/ale/private}.
     */
    static Path defaultBase(Function<String, String> properties, Function<String, String> environment) {
        String configured = properties.apply(BASE_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String runtime = environment.apply("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime))) {
            return Path.of(runtime, "ale");
        }
        return Path.of(properties.apply("user.home"), ".cache", "ale", "private");
    }

    /** The base folder of the run folders. */
    Path base() {
        return base;
    }

    /**
     * Removes the run folders that runs which are no longer alive left behind (a run killed
     * before it could close); returns how many were removed. Nothing is created.
     */
    int removeLeftovers() throws IOException {
        if (!Files.isDirectory(base, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(base, PREFIX + "*")) {
            for (Path folder : folders) {
                Optional<Long> pid = pidOf(folder.getFileName().toString());
                if (pid.isPresent()
                        && ProcessHandle.of(pid.get())
                                .map(ProcessHandle::isAlive)
                                .orElse(false)) {
                    continue;
                }
                delete(folder);
                removed++;
            }
        }
        return removed;
    }

    private static Optional<Long> pidOf(String name) {
        String[] parts = name.split("-", 3);
        try {
            return parts.length == 3 ? Optional.of(Long.parseLong(parts[1])) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The first symbolic link under {@code workspace} (on the local file system) whose target, or
     * the target of a link it leads to, lies under the base of the reference areas, as a path
     * relative to the workspace; null when there is none. Such an output could make a verifier
     * that follows links read a reference instead of the agent's work, so it scores nothing.
     */
    @Nullable
    String linkInto(Path workspace) throws IOException {
        if (workspace.getFileSystem() != FileSystems.getDefault()
                || !Files.isDirectory(workspace, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        List<Path> bases = new ArrayList<>(List.of(base.toAbsolutePath().normalize()));
        if (Files.exists(base)) {
            bases.add(base.toRealPath());
        }
        try (Stream<Path> walk = Files.walk(workspace)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isSymbolicLink(p) && leadsInto(p, bases)) {
                    return workspace.relativize(p).toString();
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return null;
    }

    private static boolean leadsInto(Path link, List<Path> bases) {
        Path at = link.toAbsolutePath();
        for (int hop = 0; hop < MAX_HOPS && Files.isSymbolicLink(at); hop++) {
            try {
                at = at.resolveSibling(Files.readSymbolicLink(at)).normalize();
            } catch (IOException e) {
                return false;
            }
            for (Path b : bases) {
                if (at.startsWith(b)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A fresh area for one attempt; its reference lives in memory until a verifier asks for a directory.
     *
     * @throws IOException when its folder cannot be made (the run's areas are closed)
     */
    Area open(String attemptId) throws IOException {
        long n = sequence.incrementAndGet();
        return new Area(attemptId + "-" + n, Files.createDirectory(memory.getPath("/reference", Long.toString(n))));
    }

    /** This run's folder, made (owner-only) the first time a verifier needs a directory on disk. */
    synchronized Path runFolder() throws IOException {
        if (closed) {
            throw new IllegalStateException("the run's reference areas are closed");
        }
        if (runFolder == null) {
            Files.createDirectories(base);
            restrict(base);
            byte[] random = new byte[8];
            new SecureRandom().nextBytes(random);
            Path folder = base.resolve(PREFIX + ProcessHandle.current().pid() + "-"
                    + HexFormat.of().formatHex(random));
            runFolder = createPrivate(folder);
        }
        return runFolder;
    }

    /** Removes this run's folder with whatever is left in it. */
    @Override
    public synchronized void close() throws IOException {
        closed = true;
        memory.close();
        if (runFolder != null) {
            delete(runFolder);
            runFolder = null;
        }
    }

    private static Path createPrivate(Path dir) throws IOException {
        if (posix()) {
            return Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        return Files.createDirectory(dir);
    }

    private static void restrict(Path dir) throws IOException {
        if (posix()
                && !Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS)
                        .equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(dir, OWNER_ONLY);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Removes an attempt's area in memory: at once when it is empty (a task without reference files),
     * else (or when it was replaced by something else than a folder) as any tree.
     */
    private static void deleteArea(Path root) throws IOException {
        try {
            Files.delete(root); // never follows a link: a link in its place is what goes
            return;
        } catch (DirectoryNotEmptyException full) {
            // staged files: the secure walk below
        } catch (NoSuchFileException gone) {
            return;
        }
        delete(root);
    }

    private static void delete(Path dir) throws IOException {
        try {
            MoreFiles.deleteRecursively(dir, RecursiveDeleteOption.ALLOW_INSECURE);
        } catch (NoSuchFileException gone) {
            // already removed
        }
    }

    /**
     * The reference area of one attempt: {@link #root()} in memory, and on request a directory on
     * disk for this verification alone. Closing it frees both.
     */
    final class Area implements AutoCloseable {
        private final String name;
        private final Path root;
        private Path directory;
        private boolean closed;

        private Area(String name, Path root) {
            this.name = name;
            this.root = root;
        }

        /** The root the reference is staged into, in memory. */
        Path root() {
            return root;
        }

        /** This attempt's directory in the run folder, made owner-only on the first call. */
        synchronized Path privateDirectory() throws IOException {
            if (closed) {
                throw new IllegalStateException("the verification of " + name + " has ended");
            }
            if (directory == null) {
                directory = createPrivate(runFolder().resolve(name));
            }
            return directory;
        }

        /** Whether the private directory was asked for. */
        synchronized Optional<Path> directory() {
            return Optional.ofNullable(directory);
        }

        /** Frees the memory and removes the directory; what cannot be removed goes with the run folder. */
        @Override
        public synchronized void close() {
            closed = true;
            try {
                deleteArea(root);
                if (directory != null) {
                    delete(directory);
                }
            } catch (IOException e) {
                // the run folder is removed when the run closes, and a killed run's at the next start
            }
        }
    }

    @Override
    public String toString() {
        return "reference areas under " + base;
    }
}
