package dev.ale.process;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * How processes run under bubblewrap ({@code bwrap}, Debian package {@code bubblewrap}): whether
 * they have the network (not by default), which {@code bwrap} program to use (by default the one
 * on the PATH), and more host paths to show read-only (an agent's installation, say).
 */
@API(status = EXPERIMENTAL)
public final class BubblewrapOptions {
    /** How to install bubblewrap, for messages. */
    public static final String INSTALL = "install it with: sudo apt-get install bubblewrap";

    private final boolean network;
    private final Path program;
    private final List<Path> readOnly;

    private BubblewrapOptions(Builder b) {
        this.network = b.network;
        this.program = b.program;
        this.readOnly = List.copyOf(b.readOnly);
    }

    /** The defaults: no network, {@code bwrap} from the PATH, nothing more shown. */
    public static BubblewrapOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether processes share the host's network. */
    public boolean network() {
        return network;
    }

    /** More host paths shown read-only, each at its own path. */
    public List<Path> readOnly() {
        return readOnly;
    }

    /** The {@code bwrap} program: the one configured, else the first {@code bwrap} on the PATH. */
    public Optional<Path> locate() {
        if (program != null) {
            return Files.isRegularFile(program) && Files.isExecutable(program)
                    ? Optional.of(program)
                    : Optional.empty();
        }
        return findOnPath("bwrap", System.getenv("PATH"));
    }

    /**
     * The {@code bwrap} program.
     *
     * @throws IllegalStateException when there is none, saying how to install it
     */
    public Path requireProgram() {
        return locate().orElseThrow(() -> new IllegalStateException((program != null
                        ? "the bwrap program " + program + " is not an executable file"
                        : "bubblewrap (bwrap) was not found on the PATH")
                + "; " + INSTALL));
    }

    /**
     * Why bubblewrap cannot run processes here (not installed, or not allowed to create its
     * namespaces), found by starting {@code true} in a sandbox; empty when it can.
     */
    public Optional<String> unusable() {
        if (locate().isEmpty()) {
            return Optional.of((program != null
                            ? "the bwrap program " + program + " is not an executable file"
                            : "bubblewrap (bwrap) was not found on the PATH")
                    + "; " + INSTALL);
        }
        return BubblewrapLauncher.probe(this);
    }

    /** The first executable file named {@code name} in the directories of {@code path}. */
    static Optional<Path> findOnPath(String name, String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator, -1)) {
            if (dir.isEmpty()) {
                continue;
            }
            try {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate.toAbsolutePath());
                }
            } catch (InvalidPathException e) {
                // not a directory name: skip it
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "BubblewrapOptions[network=" + network + ", program=" + (program == null ? "PATH" : program)
                + ", readOnly=" + readOnly + "]";
    }

    /** Builds {@link BubblewrapOptions}. */
    @API(status = EXPERIMENTAL)
    public static final class Builder {
        private boolean network;
        private Path program;
        private final List<Path> readOnly = new ArrayList<>();

        private Builder() {}

        /** Whether processes share the host's network (default false: a network namespace of their own). */
        public Builder network(boolean network) {
            this.network = network;
            return this;
        }

        /** The {@code bwrap} program to use instead of the one on the PATH. */
        public Builder program(Path program) {
            this.program = Objects.requireNonNull(program, "program").toAbsolutePath();
            return this;
        }

        /** Shows the host path {@code path} read-only, at its own path, to every process. */
        public Builder readOnly(Path path) {
            readOnly.add(Objects.requireNonNull(path, "path").toAbsolutePath().normalize());
            return this;
        }

        /** The options. */
        public BubblewrapOptions build() {
            return new BubblewrapOptions(this);
        }
    }
}
