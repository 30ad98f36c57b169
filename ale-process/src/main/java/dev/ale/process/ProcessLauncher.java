package dev.ale.process;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Starts the processes of an attempt (a command-line agent, {@code Sandbox.exec}, a command
 * verifier's grader): directly ({@link #local()}, the process sees what the user running the SDK
 * sees) or in a bubblewrap sandbox ({@link #bubblewrap(BubblewrapOptions)}: only its mounts and
 * the system directories, read-only, in fresh namespaces). Either way the process gets exactly the
 * environment of its {@link LaunchSpec} and is killed with every process it started when its
 * {@link ChildProcess} is closed.
 */
@API(status = EXPERIMENTAL)
public interface ProcessLauncher {
    /** A short name for summaries and run.json: {@code local} or {@code bubblewrap}. */
    String name();

    /** Where {@code mount} appears to a process this launcher starts. */
    String pathOf(Mount mount);

    /** Where the host path {@code host}, inside one of {@code mounts}, appears to a process. */
    default String pathOf(Path host, List<Mount> mounts) {
        Path p = host.toAbsolutePath().normalize();
        Mount m = mounts.stream()
                .filter(x -> p.startsWith(x.host()))
                .max(Comparator.comparingInt(x -> x.host().getNameCount()))
                .orElseThrow(() -> new IllegalArgumentException(p + " is in no mount"));
        String base = pathOf(m);
        Path rest = m.host().relativize(p);
        return rest.toString().isEmpty() ? base : base + "/" + rest.toString().replace('\\', '/');
    }

    /** Starts the process. */
    ChildProcess start(LaunchSpec spec) throws IOException;

    /** Starts processes directly, as the user running the SDK. */
    static ProcessLauncher local() {
        return DirectLauncher.INSTANCE;
    }

    /**
     * Starts processes under bubblewrap, once {@code bwrap} has shown that it can create its sandbox here.
     *
     * @throws IllegalStateException when {@code bwrap} is missing (saying how to install it) or cannot
     *     create its namespaces on this system (with its message)
     */
    static ProcessLauncher bubblewrap(BubblewrapOptions options) {
        options.unusable().ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
        return new BubblewrapLauncher(options, options.requireProgram());
    }
}
