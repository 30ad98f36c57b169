package dev.ale.process;

import dev.ale.process.internal.ProcessTree;
import java.io.IOException;
import java.util.List;

/** Starts processes directly: the process sees the host as the user running the SDK does. */
final class DirectLauncher implements ProcessLauncher {
    static final DirectLauncher INSTANCE = new DirectLauncher();

    private DirectLauncher() {}

    @Override
    public String name() {
        return "local";
    }

    @Override
    public String pathOf(Mount mount) {
        return mount.host().toString();
    }

    @Override
    public ChildProcess start(LaunchSpec spec) throws IOException {
        return start(spec.command(), spec);
    }

    /** Starts {@code argv} with the spec's directory, environment and redirections. */
    static ChildProcess start(List<String> argv, LaunchSpec spec) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(argv).directory(spec.directory().toFile());
        pb.environment().clear();
        pb.environment().putAll(spec.environment());
        spec.stdout().ifPresent(f -> pb.redirectOutput(f.toFile()));
        spec.stderr().ifPresent(f -> pb.redirectError(f.toFile()));
        ProcessTree.Mark before = ProcessTree.mark();
        return new ChildProcess(pb.start(), before);
    }
}
