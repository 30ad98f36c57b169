package dev.ale.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The peers the SDK is measured against in the same run, so that their ratio holds on a busy
 * machine: promptfoo (per-case overhead, {@code promptfoo-peer.sh N}) and a pure-Python CSV label
 * grader ({@code csv-labels-python.py score REF OUT}). Each runs as a whole process; its wall time
 * and peak resident memory are measured by a small Python wrapper ({@code getrusage} of children).
 */
final class Peers {
    /** What one peer run took; {@code cpuSeconds} user + system, or -1 where not measured. */
    record Run(double wallSeconds, long peakRssKb, double cpuSeconds, String output) {}

    private static final Pattern PROMPTFOO = Pattern.compile("wall_s=([0-9.]+) maxrss_kb=([0-9]+)");
    private static final String MEASURE = String.join(
            "\n",
            "import resource, subprocess, sys, time",
            "t = time.monotonic()",
            "p = subprocess.run(sys.argv[1:], capture_output=True, text=True)",
            "w = time.monotonic() - t",
            "sys.stdout.write(p.stdout[-2000:] + p.stderr[-2000:])",
            "print()",
            "u = resource.getrusage(resource.RUSAGE_CHILDREN)",
            "print('ALE-PEER wall_s=%.4f maxrss_kb=%d rc=%d cpu_s=%.4f' % (w, u.ru_maxrss, p.returncode, u.ru_utime + u.ru_stime))");
    private static final Pattern MEASURED =
            Pattern.compile("ALE-PEER wall_s=([0-9.]+) maxrss_kb=([0-9]+) rc=(-?[0-9]+) cpu_s=([0-9.]+)");

    private Peers() {}

    /** promptfoo over {@code cases} tiny cases, through the peer script (which installs it once). */
    static Run promptfoo(Path script, int cases) throws Exception {
        String out = run(List.of("bash", script.toString(), String.valueOf(cases)));
        Matcher m = PROMPTFOO.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("the promptfoo peer printed no timing: " + tail(out));
        }
        return new Run(Double.parseDouble(m.group(1)), Long.parseLong(m.group(2)), -1, tail(out));
    }

    /** The Python label grader over the two files, as a whole process. */
    static Run pythonCsv(Path script, Path reference, Path output) throws Exception {
        String out = run(List.of(
                "python3",
                "-c",
                MEASURE,
                "python3",
                script.toString(),
                "score",
                reference.toString(),
                output.toString()));
        Matcher m = MEASURED.matcher(out);
        if (!m.find() || !m.group(3).equals("0")) {
            throw new IllegalStateException("the Python CSV peer failed: " + tail(out));
        }
        return new Run(
                Double.parseDouble(m.group(1)), Long.parseLong(m.group(2)), Double.parseDouble(m.group(4)), tail(out));
    }

    /** The score the Python CSV peer printed (its JSON line's {@code score}). */
    static double score(Run csvPeer) throws IOException {
        for (String line : csvPeer.output().split("\n")) {
            if (line.startsWith("{")) {
                JsonNode score = new ObjectMapper().readTree(line).get("score");
                if (score != null && score.isNumber()) {
                    return score.asDouble();
                }
            }
        }
        throw new IllegalStateException("the Python CSV peer printed no score: " + csvPeer.output());
    }

    /** Makes the label CSV pair with the Python peer's own generator, so both sides read the same bytes. */
    static void makeCsv(Path script, int rows, Path dir) throws Exception {
        run(List.of("python3", script.toString(), "make", String.valueOf(rows), dir.toString()));
    }

    private static String run(List<String> command) throws Exception {
        Path log = Files.createTempFile("ale-bench-peer", ".log");
        try {
            ChildJvm.quiesce(); // the peer gets the same quiet machine as the SDK's children
            Process p = new ProcessBuilder(new ArrayList<>(command))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!p.waitFor(60, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("peer did not finish within an hour: " + command);
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("peer " + command + " exited with " + p.exitValue() + ": " + tail(out));
            }
            return out;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String tail(String s) {
        return s.length() > 600 ? "..." + s.substring(s.length() - 600) : s;
    }

    /** Whether {@code python3} can be started (the CSV peer and the measuring wrapper need it). */
    static boolean pythonPresent() {
        try {
            Process p = new ProcessBuilder("python3", "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
