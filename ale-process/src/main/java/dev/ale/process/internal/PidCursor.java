package dev.ale.process.internal;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Where Linux stands in handing out process ids, so that a {@link ProcessTree} can look only at the
 * processes started since it last looked instead of at every process of the machine. Linux hands
 * out ids in turn, wrapping at {@code pid_max}: the ids given since an earlier {@link Point} are
 * those after its last id, up to the current one. {@code /proc/loadavg} ends with the last id given
 * in the reader's PID namespace; the {@code processes} line of {@code /proc/stat} counts the forks
 * since boot, so that a watcher can tell when so many were made that the ids may have gone round.
 */
final class PidCursor {
    /**
     * The last process id handed out and the number of forks since boot.
     *
     * @param lastPid the last id given in this PID namespace
     * @param forks processes and threads started since boot (every namespace)
     */
    record Point(long lastPid, long forks) {}

    /** What a process's {@code stat} says of its place in the tree. */
    record Stat(long ppid, boolean thread) {}

    private static final byte[] PROCESSES = "\nprocesses ".getBytes(StandardCharsets.US_ASCII);
    private static final int ABSENT = -1;

    private PidCursor() {}

    /** Where the ids stand now, or null where {@code /proc} does not tell (not Linux, or not readable). */
    static @Nullable Point now() {
        byte[] load = read("/proc/loadavg", 128);
        byte[] stat = load == null ? null : read("/proc/stat", 4096);
        if (stat == null) {
            return null;
        }
        long last = lastNumber(load);
        int at = indexOf(stat, PROCESSES);
        long forks = at < 0 ? ABSENT : number(stat, at + PROCESSES.length);
        return last < 0 || forks < 0 ? null : new Point(last, forks);
    }

    /**
     * How many ids lie after {@code from} up to {@code to}, going round from {@code pidMax - 1} to
     * 1 (Linux starts again above its reserved ids, so counting from 1 only overstates).
     */
    static long distance(long from, long to, long pidMax) {
        return to >= from ? to - from : pidMax - 1 - from + to;
    }

    /**
     * Whether the last id of {@code /proc/loadavg} is that of this process's namespace as seen in
     * {@code /proc}: checked once, by starting a thread and finding its id (from {@code
     * /proc/thread-self}) between the last ids before and after.
     */
    static boolean trustworthy() {
        return Check.TRUSTWORTHY;
    }

    /** The check behind {@link #trustworthy()}, made on first use. */
    private static final class Check {
        static final boolean TRUSTWORTHY = check();

        private static boolean check() {
            Point before = now();
            OwnId own = new OwnId();
            Thread t = new Thread(own, "ale-pid-check");
            t.start();
            joinUninterruptibly(t);
            Point after = now();
            if (before == null || after == null || own.id < 0 || after.forks() - before.forks() > 1_000) {
                return false;
            }
            long pidMax = pidMax();
            long span = distance(before.lastPid(), after.lastPid(), pidMax);
            long at = distance(before.lastPid(), own.id, pidMax);
            return at > 0 && at <= span;
        }
    }

    /**
     * Waits for {@code t} to end (it only reads a link); an interrupt meanwhile is kept for the
     * caller, not allowed to settle the check for the whole JVM.
     */
    static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Finds the id Linux gave the thread running it. A class of its own: a thread that ran code of
     * {@link Check} while that class is being set up would wait for it forever.
     */
    private static final class OwnId implements Runnable {
        volatile long id = ABSENT;

        @Override
        public void run() {
            try {
                String link =
                        Files.readSymbolicLink(Path.of("/proc/thread-self")).toString();
                id = Long.parseLong(link.substring(link.lastIndexOf('/') + 1));
            } catch (IOException | RuntimeException e) {
                id = ABSENT;
            }
        }
    }

    /** The highest id Linux gives plus one ({@code /proc/sys/kernel/pid_max}); a large bound when unreadable. */
    static long pidMax() {
        byte[] b = read("/proc/sys/kernel/pid_max", 32);
        long max = b == null ? ABSENT : number(b, 0);
        return max > 0 ? max : 1L << 22;
    }

    /**
     * The parent and kind of the task with id {@code pid}, or null when there is none (it ended, or
     * its fork has not finished). A thread's own id has a {@code /proc} entry too: it is marked, so
     * that only processes are taken for descendants.
     */
    static @Nullable Stat stat(long pid) {
        byte[] b = read("/proc/" + pid + "/stat", 512);
        return b == null ? null : parseStat(b);
    }

    /**
     * The state letter of the task with id {@code pid} ({@code R}, {@code S}, {@code Z}...), {@code
     * '?'} when its {@code stat} is not one, or 0 when there is none to read.
     */
    static char state(long pid) {
        byte[] b = read("/proc/" + pid + "/stat", 512);
        if (b == null) {
            return 0;
        }
        int at = field(b, 3);
        return at < b.length ? (char) b[at] : '?';
    }

    /** What a {@code stat} file's text says; null when it is not one. */
    static @Nullable Stat parseStat(byte[] b) {
        // after the name: state (field 3), ppid (4) ... exit_signal (38), which is -1 only for a thread
        long ppid = number(b, field(b, 4));
        int exitSignal = field(b, 38);
        return ppid < 0 ? null : new Stat(ppid, exitSignal < b.length && b[exitSignal] == '-');
    }

    /**
     * Where field {@code n} (from 3 on) of a {@code stat} text starts: counted after the last
     * {@code )}, as the name (field 2) may hold spaces and parentheses; {@code b.length} when the
     * text has no such field.
     */
    private static int field(byte[] b, int n) {
        int close = lastIndexOf(b, (byte) ')');
        if (close < 0) {
            return b.length;
        }
        int field = 2;
        for (int i = close + 1; i < b.length; i++) {
            if (b[i] == ' ' && ++field == n) {
                return i + 1;
            }
        }
        return b.length;
    }

    /** A whole small file of {@code /proc}, or null when it cannot be read. */
    private static byte @Nullable [] read(String file, int size) {
        try (InputStream in = new FileInputStream(file)) {
            byte[] b = new byte[size];
            int n = 0;
            int r;
            while ((r = in.read(b, n, b.length - n)) > 0) {
                n += r;
                if (n == b.length) {
                    b = Arrays.copyOf(b, b.length * 2);
                }
            }
            return Arrays.copyOf(b, n);
        } catch (IOException e) {
            return null;
        }
    }

    /** The decimal number starting at {@code from}, or -1 when none starts there. */
    static long number(byte[] b, int from) {
        long v = 0;
        int i = from;
        while (i < b.length && b[i] >= '0' && b[i] <= '9' && i - from < 18) {
            v = v * 10 + (b[i] - '0');
            i++;
        }
        return i == from ? ABSENT : v;
    }

    /** The last whitespace-separated number of a line such as {@code /proc/loadavg}'s, or -1. */
    static long lastNumber(byte[] b) {
        int end = b.length;
        while (end > 0 && (b[end - 1] == '\n' || b[end - 1] == ' ')) {
            end--;
        }
        int start = end;
        while (start > 0 && b[start - 1] >= '0' && b[start - 1] <= '9') {
            start--;
        }
        return start == end ? ABSENT : number(b, start);
    }

    private static int indexOf(byte[] b, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= b.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (b[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int lastIndexOf(byte[] b, byte c) {
        for (int i = b.length - 1; i >= 0; i--) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
