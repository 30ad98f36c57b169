package dev.ale.testkit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The reads (and writes) made through a {@link RecordingFileSystem} while recording, each with the
 * place it really reached: the real path of the file when links were followed, or the real path
 * of its directory plus its name when they were not. Thread-safe.
 */
@API(status = INTERNAL)
public final class AccessLog {
    /** What was done to a path. */
    @API(status = INTERNAL)
    public enum Kind {
        OPEN,
        LIST,
        STAT,
        READ_LINK,
        WRITE
    }

    /**
     * One access.
     *
     * @param kind   what was done
     * @param path   the path as the verifier gave it
     * @param target where it really led
     */
    @API(status = INTERNAL)
    public record Access(Kind kind, Path path, Path target) {
        @Override
        public String toString() {
            return kind + " " + path + (path.equals(target) ? "" : " (reaching " + target + ")");
        }
    }

    private final List<Access> accesses = new ArrayList<>();
    private volatile boolean recording;

    /** Starts recording (and forgets what was recorded before). */
    public synchronized void start() {
        accesses.clear();
        recording = true;
    }

    /** Stops recording. */
    public void stop() {
        recording = false;
    }

    /** The accesses recorded, in order. */
    public synchronized List<Access> accesses() {
        return List.copyOf(accesses);
    }

    /**
     * The accesses whose target is under none of {@code roots} (paths of the wrapped file system,
     * compared by their real paths).
     */
    public List<Access> outside(List<Path> roots) throws IOException {
        List<Path> real = new ArrayList<>();
        for (Path r : roots) {
            real.add(r.toRealPath());
        }
        List<Access> out = new ArrayList<>();
        for (Access a : accesses()) {
            if (real.stream().noneMatch(a.target()::startsWith)) {
                out.add(a);
            }
        }
        return out;
    }

    /** Records an access to {@code p} (a path of the wrapped file system), if recording. */
    void record(Kind kind, Path p, boolean followLinks) {
        if (!recording) {
            return;
        }
        Access a = new Access(kind, p, target(p, followLinks));
        synchronized (this) {
            accesses.add(a);
        }
    }

    /** Where an access to {@code p} really leads. */
    static Path target(Path p, boolean followLinks) {
        Path abs = p.toAbsolutePath();
        Path parent = abs.getParent();
        Path name = abs.getFileName();
        if (followLinks
                || parent == null
                || name == null
                || name.toString().equals("..")
                || name.toString().equals(".")) {
            return real(abs);
        }
        return real(parent).resolve(name.toString());
    }

    /** The real path of {@code p}, or of its longest existing ancestor with the rest appended. */
    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            Path parent = p.getParent();
            if (parent == null || p.getFileName() == null) {
                return p.normalize();
            }
            Path rp = real(parent);
            return switch (p.getFileName().toString()) {
                case ".." -> rp.getParent() == null ? rp : rp.getParent();
                case "." -> rp;
                default -> rp.resolve(p.getFileName().toString());
            };
        }
    }
}
