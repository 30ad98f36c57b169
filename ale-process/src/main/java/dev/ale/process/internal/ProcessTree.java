package dev.ale.process.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A process and everything it started: the SDK's one implementation of a process tree. Descendants
 * are remembered as they are seen ({@link #watch()}), so a grandchild whose parent has died (and
 * which the operating system has handed to another parent) is still killed. Killing is forcible and
 * repeated until nothing of the tree is left alive; a stored {@link ProcessHandle} never kills a
 * process that merely reuses a pid. A process that detaches between two watches escapes it: only
 * a PID namespace (the bubblewrap launcher) closes that.
 *
 * <p>On Linux a watch looks only at the processes started since the previous one (Linux hands ids
 * out in turn: {@link PidCursor}), a few {@code /proc} reads instead of one per process of the
 * machine. It looks at every process when that is not known to be complete: for a tree not started
 * after a {@link #mark()} or whose root's id was not among the new ones, when over {@value
 * #MAX_NEW_IDS} ids were handed out or forks made since, and at least every {@value
 * #FULL_EVERY_MILLIS} ms, which also finds a process whose fork was still under way at both of the
 * two watches before. Each round of {@link #kill()} looks as a watch does.
 */
@API(status = INTERNAL)
public final class ProcessTree {
    /** At most this many new ids are looked at one by one; more, and every process is looked at. */
    static final int MAX_NEW_IDS = 256;
    /** Every process is looked at at least this often. */
    static final long FULL_EVERY_MILLIS = 1_000;

    private static final int MAX_ROUNDS = 20;
    private static final long EXIT_WAIT_MILLIS = 2_000;
    private static final long POLL_MILLIS = 5;
    private static final long FIRST_POLL_MICROS = 50;
    private static final long[] NONE = {};

    private final Map<Long, ProcessHandle> seen = new LinkedHashMap<>();
    /** Where the ids stood when the last look began; null: the next looks at every process. */
    private PidCursor.@Nullable Point point;
    /** When every process was last looked at (or the mark taken), in {@link System#nanoTime()}. */
    private long lastFull;
    /** Ids of the last look with no process yet: a fork may have been under way. */
    private long[] unborn = NONE;

    /** Whether watches may look at the new ids alone: a tree started after a mark, its root found among them. */
    private boolean idsUsable;
    /** The root's id until the first watch has found it among the ids handed out since the mark; then -1. */
    private long unverifiedRoot = -1;

    private int fullLooks;

    /**
     * Where Linux stood in handing out process ids before a process started: given to {@link
     * #ProcessTree(ProcessHandle, Mark)}, it lets the first watch look only at what came after.
     */
    public static final class Mark {
        private final PidCursor.@Nullable Point point;
        private final long nanos;

        private Mark(PidCursor.@Nullable Point point, long nanos) {
            this.point = point;
            this.nanos = nanos;
        }
    }

    /** The tree rooted at {@code root}; every watch looks at every process. */
    public ProcessTree(ProcessHandle root) {
        seen.put(root.pid(), root);
    }

    /**
     * The tree rooted at {@code root}, a process started after {@code before} was taken. Its first
     * watch checks that the root's id is among those handed out since the mark: where it is not
     * (a {@code /proc/loadavg} that does not show the kernel's last id, such as a container's
     * stand-in), every watch of the tree looks at every process.
     */
    public ProcessTree(ProcessHandle root, Mark before) {
        this(root);
        if (before.point != null && PidCursor.trustworthy()) {
            point = before.point;
            lastFull = before.nanos;
            idsUsable = true;
            unverifiedRoot = root.pid();
        }
    }

    /** Where the process ids stand now: take it just before starting a tree's root. */
    public static Mark mark() {
        return new Mark(PidCursor.now(), System.nanoTime());
    }

    /** Remembers the current descendants of every process of the tree. */
    public synchronized void watch() {
        look();
    }

    /** How many watches (and kills) of this tree looked at every process of the machine. */
    synchronized int fullLooks() {
        return fullLooks;
    }

    /** The ids of the processes the tree knows of (its root among them while it lives). */
    synchronized Set<Long> known() {
        return Set.copyOf(seen.keySet());
    }

    private void look() {
        PidCursor.Point now = idsUsable ? PidCursor.now() : null;
        if (now != null && unverifiedRoot >= 0 && !rootAmongNewIds(now)) {
            idsUsable = false;
            now = null;
        }
        long nanos = System.nanoTime();
        long[] fresh = now == null ? null : newIds(now, nanos);
        if (fresh == null) {
            lookAtAll(alive());
            lastFull = nanos;
            unborn = NONE;
            fullLooks++;
        } else if (fresh.length > 0 || unborn.length > 0) {
            lookAt(fresh, alive());
        }
        point = now;
    }

    /**
     * The processes of the tree still alive; the others are forgotten, so that a process that takes
     * one of their ids later is not mistaken for them (done when there are new ids to look at).
     */
    private List<ProcessHandle> alive() {
        List<ProcessHandle> alive = new ArrayList<>(seen.size());
        seen.values().removeIf(h -> {
            if (h.isAlive()) {
                alive.add(h);
                return false;
            }
            return true;
        });
        return alive;
    }

    /**
     * Whether the root's id lies among those handed out between the mark and {@code now} (checked
     * once; fewer forks than half the ids, so they cannot have gone round).
     */
    private boolean rootAmongNewIds(PidCursor.Point now) {
        long root = unverifiedRoot;
        unverifiedRoot = -1;
        PidCursor.Point mark = point;
        if (mark == null) {
            return false;
        }
        long pidMax = PidCursor.pidMax();
        long span = PidCursor.distance(mark.lastPid(), now.lastPid(), pidMax);
        long at = PidCursor.distance(mark.lastPid(), root, pidMax);
        return now.forks() - mark.forks() < pidMax / 2 && at > 0 && at <= span;
    }

    /** The ids handed out since the last look, or null when every process must be looked at. */
    private long @Nullable [] newIds(PidCursor.Point now, long nanos) {
        if (point == null || nanos - lastFull > FULL_EVERY_MILLIS * 1_000_000) {
            return null;
        }
        long forks = now.forks() - point.forks();
        long from = point.lastPid();
        long to = now.lastPid();
        long pidMax = to >= from ? Long.MAX_VALUE : PidCursor.pidMax();
        long count = PidCursor.distance(from, to, pidMax);
        if (forks < 0 || forks > MAX_NEW_IDS || count > MAX_NEW_IDS) {
            return null;
        }
        long[] ids = new long[(int) count];
        long id = from;
        for (int i = 0; i < ids.length; i++) {
            id = id + 1 >= pidMax ? 1 : id + 1;
            ids[i] = id;
        }
        return ids;
    }

    /**
     * Takes, in the order they were handed out, the processes among {@code fresh} (and the last
     * look's unborn ids) whose parent is of the tree: a parent's id always comes before its child's.
     */
    private void lookAt(long[] fresh, List<ProcessHandle> alive) {
        Set<Long> parents = new HashSet<>();
        alive.forEach(h -> parents.add(h.pid()));
        long[] missing = new long[fresh.length];
        int nMissing = 0;
        for (int i = 0; i < unborn.length + fresh.length; i++) {
            boolean old = i < unborn.length;
            long id = old ? unborn[i] : fresh[i - unborn.length];
            PidCursor.Stat stat = PidCursor.stat(id);
            if (stat == null) {
                if (!old) {
                    missing[nMissing++] = id;
                }
            } else if (!stat.thread() && parents.contains(stat.ppid())) {
                ProcessHandle.of(id).ifPresent(h -> {
                    seen.putIfAbsent(id, h);
                    parents.add(id);
                });
            }
        }
        unborn = Arrays.copyOf(missing, nMissing);
    }

    /** Takes the descendants of every process of the tree, asking once per branch. */
    private void lookAtAll(List<ProcessHandle> alive) {
        Set<Long> found = new HashSet<>();
        for (ProcessHandle h : alive) {
            if (!found.contains(h.pid())) {
                h.descendants().forEach(d -> {
                    seen.putIfAbsent(d.pid(), d);
                    found.add(d.pid());
                });
            }
        }
    }

    /**
     * Kills every process of the tree, descendants first, and waits (briefly) for each to end. Every
     * process the JDK reports alive gets the signal, zombies included: a zombie may be a main thread
     * that ended on its own while the process's other threads go on.
     */
    public synchronized void kill() {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            look();
            List<ProcessHandle> alive = new ArrayList<>();
            List<ProcessHandle> all = new ArrayList<>(seen.values());
            for (int i = all.size() - 1; i >= 0; i--) {
                ProcessHandle h = all.get(i);
                // a zombie too: a process whose main thread ended alone is one while its other threads run
                if (h.isAlive()) {
                    h.destroyForcibly();
                    if (!ended(h)) {
                        alive.add(h);
                    }
                }
            }
            if (alive.isEmpty()) {
                return;
            }
            awaitExit(alive);
        }
    }

    /**
     * Waits a little for killed processes to end, all at once, polling (the JDK's own wait on
     * non-children is slow): first after {@value #FIRST_POLL_MICROS} µs, as a killed process
     * mostly ends within that, then twice as long each time up to {@value #POLL_MILLIS} ms. An
     * interrupt ends the wait, not the killing.
     */
    private static void awaitExit(List<ProcessHandle> killed) {
        long until = System.nanoTime() + EXIT_WAIT_MILLIS * 1_000_000;
        long pause = FIRST_POLL_MICROS * 1_000;
        List<ProcessHandle> left = new ArrayList<>(killed);
        while (!left.isEmpty() && System.nanoTime() < until) {
            left.removeIf(ProcessTree::ended);
            if (!left.isEmpty()) {
                LockSupport.parkNanos(pause);
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                pause = Math.min(pause * 2, POLL_MILLIS * 1_000_000);
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
        char state = PidCursor.state(h.pid());
        return state == 0 ? !h.isAlive() : state == 'Z' || state == 'X';
    }
}
