package dev.ale.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A thread dump taken over and over while a run goes on: every {@link #PERIOD_MILLIS} ms it reads
 * the state of every thread whose name starts with a prefix and counts those BLOCKED on a monitor,
 * keeping the most seen at once and the frames they were blocked in.
 */
final class ThreadWatch implements AutoCloseable {
    static final long PERIOD_MILLIS = 5;
    private static final int FRAMES = 12;

    /** What the watch saw: samples taken, the most threads and the most blocked at once, and where. */
    record Seen(int samples, int mostThreads, int mostBlocked, Map<String, Integer> where) {}

    private final String prefix;
    private final Thread sampler;
    private final ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    private final Map<String, Integer> where = new LinkedHashMap<>();
    private volatile boolean stop;
    private int samples;
    private int mostThreads;
    private int mostBlocked;

    private ThreadWatch(String prefix) {
        this.prefix = prefix;
        this.sampler = new Thread(this::loop, "bench-thread-watch");
        sampler.setDaemon(true);
    }

    static ThreadWatch start(String prefix) {
        ThreadWatch w = new ThreadWatch(prefix);
        w.sampler.start();
        return w;
    }

    private void loop() {
        while (!stop) {
            sample();
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        ThreadInfo[] all = bean.getThreadInfo(bean.getAllThreadIds(), 0);
        List<Long> blocked = new ArrayList<>();
        int ours = 0;
        for (ThreadInfo t : all) {
            if (t != null && t.getThreadName().startsWith(prefix)) {
                ours++;
                if (t.getThreadState() == Thread.State.BLOCKED) {
                    blocked.add(t.getThreadId());
                }
            }
        }
        synchronized (this) {
            samples++;
            mostThreads = Math.max(mostThreads, ours);
            mostBlocked = Math.max(mostBlocked, blocked.size());
            if (!blocked.isEmpty() && where.size() < 20) {
                long[] ids =
                        blocked.stream().limit(50).mapToLong(Long::longValue).toArray();
                for (ThreadInfo t : bean.getThreadInfo(ids, FRAMES)) {
                    if (t != null && t.getStackTrace().length > 0) {
                        where.merge(frames(t.getStackTrace()), 1, Integer::sum);
                    }
                }
            }
        }
    }

    private static String frames(StackTraceElement[] stack) {
        StringBuilder s = new StringBuilder();
        for (StackTraceElement e : stack) {
            s.append(s.length() == 0 ? "" : " < ")
                    .append(e.getClassName())
                    .append('.')
                    .append(e.getMethodName());
            if (e.getClassName().startsWith("dev.ale.")) {
                break;
            }
        }
        return s.toString();
    }

    synchronized Seen seen() {
        return new Seen(samples, mostThreads, mostBlocked, Map.copyOf(where));
    }

    @Override
    public void close() {
        stop = true;
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
