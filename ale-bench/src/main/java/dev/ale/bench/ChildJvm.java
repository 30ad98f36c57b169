package dev.ale.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a figure's work in a child JVM, so that its peak resident memory and its whole-process
 * wall time are its own: the child prints one line {@code ALE-BENCH-CHILD {json}}; the parent
 * measures the wall time from start to exit and reads that line.
 */
final class ChildJvm {
    static final String MARKER = "ALE-BENCH-CHILD ";

    /**
     * The JVM options of the {@code ale} launcher script (kept equal to its default {@code JAVA_OPTS},
     * which {@code LauncherOptionsTest} checks): the children of the figures that speak for a CLI run
     * use them, unless the system property {@code ale.bench.childOptions} gives others (space-separated;
     * empty for none, as to measure a launcher that set none).
     */
    static final String DEFAULT_OPTIONS =
            "-XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -Xss512k -Xms96m -XX:NewRatio=5"
                    + " -XX:InlineSmallCode=500";

    /** From this many attempts at once ({@code --parallel}), the launcher adds {@link #MANY_AT_ONCE_OPTION}. */
    static final int MANY_AT_ONCE = 64;

    /** What the launcher adds to its options at {@link #MANY_AT_ONCE} attempts at once or more. */
    static final String MANY_AT_ONCE_OPTION = "-Xmn64m";

    /** {@link #DEFAULT_OPTIONS}, or those of {@code -Dale.bench.childOptions}. */
    static final List<String> LAUNCHER_OPTIONS = options(System.getProperty("ale.bench.childOptions", DEFAULT_OPTIONS));

    private static final long TIMEOUT_MINUTES = 60;
    private static final long QUIET_POLL_MS = 100;

    /** What a child reported, and how long the whole process took. */
    record Outcome(JsonNode report, double wallSeconds, List<String> options) {}

    private ChildJvm() {}

    static List<String> options(String spaced) {
        return spaced.isBlank() ? List.of() : List.of(spaced.trim().split("\\s+"));
    }

    /** Runs {@code main} of {@code mainClass} in a child JVM with {@code options}; fails when it fails. */
    static Outcome run(List<String> options, Class<?> mainClass, Path log, String... args) throws Exception {
        double wall = runToExit(options, mainClass, log, args);
        return new Outcome(report(log, mainClass), wall, List.copyOf(options));
    }

    /**
     * Runs the child to its exit, its output going to {@code log}; returns its wall time in seconds.
     *
     * @throws IllegalStateException when it runs past the timeout or exits with another code than 0
     */
    static double runToExit(List<String> options, Class<?> mainClass, Path log, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        quiesce();
        long start = System.nanoTime();
        Process child = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!child.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            child.waitFor();
            throw new IllegalStateException(
                    mainClass.getSimpleName() + " did not finish within " + TIMEOUT_MINUTES + " minutes: " + tail(log));
        }
        double wall = (System.nanoTime() - start) / 1e9;
        if (child.exitValue() != 0) {
            throw new IllegalStateException(mainClass.getSimpleName() + " " + options + " failed with exit code "
                    + child.exitValue() + ": " + tail(log));
        }
        return wall;
    }

    /**
     * Waits until this process has gone quiet: its JIT compilers can still be compiling what the
     * previous figure ran (seconds of it after writing a 20,000-task pack), and on a 2-core machine
     * they took a core from the child being timed (20,000 tiny cases: 2.51 s without the wait, 2.34 s
     * with it, 2.2 s alone). Quiet is under 10 ms of CPU in 100 ms; it waits at most 15 s. Peers are
     * started after the same wait.
     */
    static void quiesce() throws InterruptedException {
        System.gc();
        if (!(ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os)) {
            Thread.sleep(QUIET_POLL_MS * 10);
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        long cpu = os.getProcessCpuTime();
        while (System.nanoTime() < deadline) {
            Thread.sleep(QUIET_POLL_MS);
            long now = os.getProcessCpuTime();
            if (now - cpu < TimeUnit.MILLISECONDS.toNanos(QUIET_POLL_MS / 10)) {
                return;
            }
            cpu = now;
        }
    }

    /** Prints the child's report line (called in the child). */
    static void report(JsonNode json) {
        System.out.println(MARKER + json);
        System.out.flush();
    }

    /** This process's peak resident set in KiB ({@code VmHWM} of /proc/self/status), 0 where unknown. */
    static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    private static JsonNode report(Path log, Class<?> mainClass) throws IOException {
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.startsWith(MARKER)) {
                return new ObjectMapper().readTree(line.substring(MARKER.length()));
            }
        }
        throw new IllegalStateException(mainClass.getSimpleName() + " printed no result: " + tail(log));
    }

    static String tail(Path log) throws IOException {
        String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        return text.length() > 4000 ? "..." + text.substring(text.length() - 4000) : text;
    }
}
