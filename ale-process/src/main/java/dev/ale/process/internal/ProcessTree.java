package dev.ale.process.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A process and everything it started: the SDK's one implementation of a process tree. Descendants
 * are remembered as they are seen ({@link #watch()}), so a grandchild whose parent has died (and
 * which the operating system has handed to another parent) is still killed. Killing is forcible and
 * repeated until nothing of the tree is left alive; a stored {@link ProcessHandle} never kills a
 * process that merely reuses a pid. A process that detaches between two watches escapes it: only
 * a PID namespace (the bubblewrap launcher) closes that.
 */
@API(status = INTERNAL)
public final class ProcessTree {
    private static final int MAX_ROUNDS = 20;
    private static final long EXIT_WAIT_MILLIS = 2_000;
    private static final long POLL_MILLIS = 5;

    private final Map<Long, ProcessHandle> seen = new LinkedHashMap<>();

    /** The tree rooted at {@code root}. */
    public ProcessTree(ProcessHandle root) {
        seen.put(root.pid(), root);
    }

    /** Remembers the current descendants of every process of the tree. */
    public synchronized void watch() {
        for (ProcessHandle h : List.copyOf(seen.values())) {
            if (h.isAlive()) {
                h.descendants().forEach(d -> seen.putIfAbsent(d.pid(), d));
            }
        }
    }

    /** Kills every process of the tree, descendants first, and waits (briefly) for each to end. */
    public synchronized void kill() {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            watch();
            List<ProcessHandle> alive = new ArrayList<>();
            List<ProcessHandle> all = new ArrayList<>(seen.values());
            for (int i = all.size() - 1; i >= 0; i--) {
                ProcessHandle h = all.get(i);
                if (!ended(h)) {
                    h.destroyForcibly();
                    alive.add(h);
                }
            }
            if (alive.isEmpty()) {
                return;
            }
            awaitExit(alive);
        }
    }

    /**
     * Waits a little for killed processes to end, all at once (polling: the JDK's own wait on
     * non-children is slow). An interrupt ends the wait, not the killing.
     */
    private static void awaitExit(List<ProcessHandle> killed) {
        long until = System.nanoTime() + EXIT_WAIT_MILLIS * 1_000_000;
        List<ProcessHandle> left = new ArrayList<>(killed);
        while (!left.isEmpty() && System.nanoTime() < until) {
            left.removeIf(ProcessTree::ended);
            if (!left.isEmpty()) {
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Whether a process has ended: it is gone, or (on Linux) it is a zombie, dead but not yet
     * reaped by the parent it was handed to, which the JDK still reports as alive.
     */
    public static boolean ended(ProcessHandle h) {
        if (!h.isAlive()) {
            return true;
        }
        Path stat = Path.of("/proc", Long.toString(h.pid()), "stat");
        try {
            String s = Files.readString(stat, StandardCharsets.ISO_8859_1);
            int close = s.lastIndexOf(')');
            char state = close >= 0 && close + 2 < s.length() ? s.charAt(close + 2) : '?';
            return state == 'Z' || state == 'X';
        } catch (IOException | UncheckedIOException e) {
            return !h.isAlive();
        }
    }
}
