package dev.ale.process;

import dev.ale.process.internal.Slot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The processes of one {@link PersistentCommandHarness}: started lazily, one per request in flight
 * (so parallelism {@code n} gives at most {@code n} processes), reused when idle, replaced when one
 * dies or breaks the protocol, and all killed when the pool closes. Processes are started on one
 * long-lived thread of the pool's own: bubblewrap's {@code --die-with-parent} ties a process to the
 * thread that started it, and an attempt's thread may end long before the process should.
 */
final class AgentPool implements AutoCloseable {
    /** How long a process gets to exit after its standard input closes at the end of the run. */
    static final long EXIT_GRACE_MILLIS = 500;

    private final ProcessLauncher launcher;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Deque<AgentProcess> idle = new ArrayDeque<>();
    private final Set<AgentProcess> all = new LinkedHashSet<>();
    private final ExecutorService starter;
    private final Thread shutdownHook;
    private Path folder;
    private int started;
    private boolean closed;

    AgentPool(ProcessLauncher launcher, List<String> command, Map<String, String> environment) {
        this.launcher = launcher;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.starter = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ale-persistent-starter");
            t.setDaemon(true);
            return t;
        });
        this.shutdownHook = new Thread(this::killAll, "ale-persistent-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** The launcher the processes start with. */
    ProcessLauncher launcher() {
        return launcher;
    }

    /** How many processes were started so far. */
    synchronized int started() {
        return started;
    }

    /**
     * An idle process ({@code preferred} when it is idle), or empty when a new one must start; idle
     * processes that died or wrote unasked are dropped, each reported to {@code dropped}.
     */
    @Nullable
    AgentProcess idle(AgentProcess preferred, Consumer<String> dropped) {
        while (true) {
            AgentProcess p;
            synchronized (this) {
                if (closed) {
                    throw new IllegalStateException("the persistent harness is closed");
                }
                p = preferred != null && idle.remove(preferred) ? preferred : idle.pollFirst();
                preferred = null;
            }
            if (p == null) {
                return null;
            }
            var problem = p.unusable();
            if (problem.isEmpty()) {
                return p;
            }
            dropped.accept("persistent process " + p.number() + " was replaced: " + problem.get());
            discard(p);
        }
    }

    /**
     * Starts a new process (on the pool's starter thread); the pool's folder is made beside the
     * sandboxes of {@code workspace} on first use, so that files move between them by renaming.
     */
    AgentProcess start(Path workspace) throws IOException, InterruptedException {
        int number;
        Path parent;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the persistent harness is closed");
            }
            number = ++started;
            parent = folder(workspace);
        }
        Future<AgentProcess> f =
                starter.submit(() -> AgentProcess.start(number, launcher, command, environment, parent));
        AgentProcess p;
        try {
            p = f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("persistent process " + number + " could not start: " + e.getCause(), e.getCause());
        }
        synchronized (this) {
            if (!closed) {
                all.add(p);
                return p;
            }
        }
        p.close();
        throw new IllegalStateException("the persistent harness closed while a process started");
    }

    /** Gives a process back after a request it answered by the rules. */
    void release(AgentProcess p) {
        p.watch(); // what it started for this request is killed with it, even if it detaches later
        synchronized (this) {
            if (!closed) {
                idle.addFirst(p);
                return;
            }
        }
        p.endInput();
        p.close();
    }

    /** Kills a process that broke, hung or died, and forgets it. */
    void discard(AgentProcess p) {
        synchronized (this) {
            all.remove(p);
            idle.remove(p);
        }
        p.close();
    }

    /** Ends every process: standard input closed, a short grace, then each whole tree killed. */
    @Override
    public void close() {
        List<AgentProcess> left;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            left = new ArrayList<>(all);
            all.clear();
            idle.clear();
        }
        left.forEach(AgentProcess::watch);
        left.forEach(AgentProcess::endInput);
        long until = System.nanoTime() + EXIT_GRACE_MILLIS * 1_000_000;
        for (AgentProcess p : left) {
            p.awaitExit(Math.max(0, (until - System.nanoTime()) / 1_000_000));
            p.close();
        }
        starter.shutdownNow();
        removeFolder();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }

    private void killAll() {
        List<AgentProcess> left;
        synchronized (this) {
            left = new ArrayList<>(all);
        }
        left.forEach(AgentProcess::close);
        removeFolder();
    }

    private synchronized void removeFolder() {
        if (folder != null) {
            try {
                Slot.deleteTree(folder);
            } catch (IOException e) {
                // left in the temporary folder
            }
        }
    }

    /** The pool's private folder (owner-only) beside the sandbox folder of {@code workspace}, made on first use. */
    private Path folder(Path workspace) throws IOException {
        if (folder == null) {
            Path sandbox = workspace.toAbsolutePath().getParent();
            Path parent = sandbox != null && sandbox.getParent() != null
                    ? sandbox.getParent()
                    : Path.of(System.getProperty("java.io.tmpdir"));
            folder = Files.createTempDirectory(
                    parent,
                    "ale-persistent-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return folder;
    }
}
