package dev.ale.process;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A launcher that remembers what it started, so that the end of an attempt kills every process of
 * it still running (one started by a harness thread that was abandoned, say). After
 * {@link #close()} it starts nothing more.
 */
@API(status = EXPERIMENTAL)
public final class ProcessGroup implements ProcessLauncher, AutoCloseable {
    private final ProcessLauncher launcher;
    private final Set<ChildProcess> running = new LinkedHashSet<>();
    private boolean closed;

    /** A group starting its processes with {@code launcher}. */
    public ProcessGroup(ProcessLauncher launcher) {
        this.launcher = launcher;
    }

    /** The launcher the group starts its processes with. */
    ProcessLauncher launcher() {
        return launcher;
    }

    @Override
    public String name() {
        return launcher.name();
    }

    @Override
    public String pathOf(Mount mount) {
        return launcher.pathOf(mount);
    }

    @Override
    public ChildProcess start(LaunchSpec spec) throws IOException {
        synchronized (this) {
            if (closed) {
                throw new IOException("the sandbox is closed: no process can start in it");
            }
        }
        ChildProcess started = launcher.start(spec);
        ChildProcess[] tracked = new ChildProcess[1];
        tracked[0] = started.onClose(() -> forget(tracked[0]));
        synchronized (this) {
            if (closed) {
                started.kill();
                throw new IOException("the sandbox closed while the process started");
            }
            running.add(tracked[0]);
        }
        return tracked[0];
    }

    private synchronized void forget(ChildProcess p) {
        running.remove(p);
    }

    /** Kills every process still running that was started through this group. */
    @Override
    public void close() {
        List<ChildProcess> left;
        synchronized (this) {
            closed = true;
            left = List.copyOf(running);
            running.clear();
        }
        left.forEach(ChildProcess::kill);
    }
}
