package dev.ale.process;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What to start: the command (program and arguments, never run through a shell), the host paths
 * the process may reach ({@link Mount}s), its working directory (inside one of them), its whole
 * environment (nothing is inherited: build it with {@link ChildEnvironment}) and where its
 * standard output and error go (pipes, or files on the host).
 */
@API(status = EXPERIMENTAL)
public final class LaunchSpec {
    private final List<String> command;
    private final List<Mount> mounts;
    private final Path directory;
    private final Map<String, String> environment;
    private final Path stdout;
    private final Path stderr;

    private LaunchSpec(Builder b) {
        this.command = List.copyOf(b.command);
        this.mounts = List.copyOf(b.mounts);
        this.directory = b.directory;
        this.environment = Map.copyOf(b.environment);
        this.stdout = b.stdout;
        this.stderr = b.stderr;
    }

    /** A builder for {@code command} (program and arguments). */
    public static Builder builder(List<String> command) {
        return new Builder(command);
    }

    /** The program and its arguments. */
    public List<String> command() {
        return command;
    }

    /** What of the host the process may reach. */
    public List<Mount> mounts() {
        return mounts;
    }

    /** The working directory on the host: inside one of the mounts. */
    public Path directory() {
        return directory;
    }

    /** The process's whole environment. */
    public Map<String, String> environment() {
        return environment;
    }

    /** The file standard output goes to; empty: a pipe. */
    public Optional<Path> stdout() {
        return Optional.ofNullable(stdout);
    }

    /** The file standard error goes to; empty: a pipe. */
    public Optional<Path> stderr() {
        return Optional.ofNullable(stderr);
    }

    /** Builds a {@link LaunchSpec}. */
    @API(status = EXPERIMENTAL)
    public static final class Builder {
        private final List<String> command;
        private final List<Mount> mounts = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Path directory;
        private Path stdout;
        private Path stderr;

        private Builder(List<String> command) {
            this.command = List.copyOf(command);
            if (this.command.isEmpty() || this.command.get(0).isEmpty()) {
                throw new IllegalArgumentException("a command must name a program");
            }
            for (String word : this.command) {
                if (word.indexOf('\0') >= 0) {
                    throw new IllegalArgumentException("a command word must not contain a NUL character");
                }
            }
        }

        /** Lets the process reach {@code mount}. */
        public Builder mount(Mount mount) {
            mounts.add(Objects.requireNonNull(mount, "mount"));
            return this;
        }

        /** The working directory, a host path inside one of the mounts (required). */
        public Builder directory(Path directory) {
            this.directory = directory.toAbsolutePath().normalize();
            return this;
        }

        /** Adds to the environment (which starts empty). */
        public Builder environment(Map<String, String> variables) {
            environment.putAll(variables);
            return this;
        }

        /** Sends standard output to {@code file} instead of a pipe. */
        public Builder stdout(Path file) {
            this.stdout = file;
            return this;
        }

        /** Sends standard error to {@code file} instead of a pipe. */
        public Builder stderr(Path file) {
            this.stderr = file;
            return this;
        }

        /** The spec. */
        public LaunchSpec build() {
            Objects.requireNonNull(directory, "directory");
            if (mounts.stream().noneMatch(m -> directory.startsWith(m.host()))) {
                throw new IllegalArgumentException("the working directory " + directory + " is in no mount");
            }
            return new LaunchSpec(this);
        }
    }
}
