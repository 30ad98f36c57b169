package dev.ale.process;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.ale.process.internal.ProcessTree;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;

/**
 * A started process with every process it starts: its streams, a bounded wait that keeps track
 * of its descendants, and {@link #close()}, which kills the whole tree (also when it has exited on
 * its own, so nothing it left in the background survives it).
 */
@API(status = EXPERIMENTAL)
public final class ChildProcess implements AutoCloseable {
    private final Process process;
    private final ProcessTree tree;
    private final Runnable onClose;

    /** The process {@code process}, started after {@code before} was taken. */
    ChildProcess(Process process, ProcessTree.Mark before) {
        this(process, new ProcessTree(process.toHandle(), before), () -> {});
    }

    private ChildProcess(Process process, ProcessTree tree, Runnable onClose) {
        this.process = process;
        this.tree = tree;
        this.onClose = onClose;
    }

    /** The same process and tree, running {@code hook} once it is closed. */
    ChildProcess onClose(Runnable hook) {
        return new ChildProcess(process, tree, hook);
    }

    /** The process itself: its standard streams and exit value. */
    public Process process() {
        return process;
    }

    /**
     * Waits up to {@code millis} for the process to exit, remembering the processes it has started.
     *
     * @return whether it has exited
     */
    public boolean waitFor(long millis) throws InterruptedException {
        tree.watch();
        boolean done = process.waitFor(Math.max(0, millis), TimeUnit.MILLISECONDS);
        if (!done) {
            tree.watch();
        }
        return done;
    }

    /** Remembers the processes it has started by now, so they are killed even if they detach later. */
    public void watch() {
        tree.watch();
    }

    /** Kills the process and every process of its tree that is still alive. Streams stay readable. */
    public void kill() {
        tree.kill();
    }

    /** Kills the whole tree; never throws. */
    @Override
    public void close() {
        try {
            tree.kill();
        } finally {
            onClose.run();
        }
    }
}
