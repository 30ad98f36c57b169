package dev.ale.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Figure group {@code csv}: a label table of a classification task (columns {@code id,L1..L5},
 * binary labels, about 15% of the output's labels flipped) graded by the {@code csv} verifier keyed
 * by {@code id} with {@code f1-cells}, in a child JVM with the launcher's options: whole-process
 * wall time, time inside the verifier and peak resident memory. With {@code --csv-peer SCRIPT}
 * the files come from the peer's generator and the pure-Python grader scores them in the same run.
 * Where a class-data archive can be made, the child runs a second time mapping one, as under the
 * {@code ale} launcher ({@code process-archived}).
 */
final class CsvLabels {
    static final String[] LABELS = {"L1", "L2", "L3", "L4", "L5"};
    private static final double[] POSITIVE = {0.45, 0.25, 0.25, 0.22, 0.12};

    /** How many rows. */
    record Size(int rows) {}

    static final Size FULL = new Size(1_000_000);
    static final Size QUICK = new Size(5_000);

    /** The rows of the first child, whose classes the archive of {@code process-archived} holds. */
    static final int ARCHIVE_ROWS = 5_000;

    private CsvLabels() {}

    static void run(Size size, long seed, Path peer, Results results) throws Exception {
        try (TempTree tmp = TempTree.create("csv")) {
            Path dir = tmp.root();
            if (peer != null) {
                Peers.makeCsv(peer, size.rows(), dir);
            } else {
                write(dir, size.rows(), seed);
            }
            ChildJvm.Outcome child =
                    ChildJvm.run(ChildJvm.LAUNCHER_OPTIONS, CsvChild.class, dir.resolve("child.log"), dir.toString());
            JsonNode r = child.report();
            ChildJvm.Outcome archived = archived(dir, seed);
            if (archived != null
                    && Double.compare(
                                    archived.report().path("score").asDouble(),
                                    r.path("score").asDouble())
                            != 0) {
                throw new IllegalStateException("the child mapping a class-data archive scored "
                        + archived.report().path("score") + ", the child without one " + r.path("score"));
            }
            Peers.Run python = peer != null
                    ? Peers.pythonCsv(peer, dir.resolve("reference.csv"), dir.resolve("output.csv"))
                    : null;
            String prefix = "csv.labels." + size.rows() + ".";
            Map<String, Object> machine = Machine.parameters();
            Figure.Params p = Figure.params()
                    .put("rows", size.rows())
                    .put("bytesPerFile", Files.size(dir.resolve("output.csv")))
                    .put("verifier", CsvChild.CONFIG)
                    .put("score", r.path("score").asDouble())
                    .put("verifyMs", r.path("verifyMs").asDouble())
                    .put("peakRssKb", r.path("peakRssKb").asLong())
                    .put("cpuSeconds", r.path("cpuSeconds").asDouble())
                    .put("jvmOptions", child.options())
                    .put(
                            "files",
                            peer != null ? "made by the Python peer's generator" : "made by ale-bench, seed " + seed);
            if (python != null) {
                p.put("pythonSeconds", python.wallSeconds())
                        .put("pythonPeakRssKb", python.peakRssKb())
                        .put("pythonCpuSeconds", python.cpuSeconds())
                        .put("pythonResult", python.output().strip());
            }
            p.putAll(machine);
            results.add(
                    p.figure(prefix + "process", child.wallSeconds(), "s", "the whole child JVM: start, grade, exit"));
            results.add(p.figure(
                    prefix + "verify", r.path("verifyMs").asDouble(), "ms", "Verifier.verify inside the child"));
            results.add(p.figure(
                    prefix + "peak-rss",
                    r.path("peakRssKb").asDouble() / 1024,
                    "MB",
                    "peak resident memory of the child (VmHWM)",
                    "under 300 MB at 1,000,000 rows"));
            if (python != null) {
                results.add(
                        p.figure(prefix + "python", python.wallSeconds(), "s", "the Python grader's whole process"));
                results.add(p.speedup(
                        prefix + "speedup-vs-python",
                        "Python",
                        python.wallSeconds(),
                        child.wallSeconds(),
                        "at least 5 at 1,000,000 rows"));
                results.add(p.figure(
                        prefix + "cpu-vs-python",
                        python.cpuSeconds() / r.path("cpuSeconds").asDouble(),
                        "x",
                        "Python CPU time / SDK child CPU time (user + system, every thread), same run:"
                                + " steadier than wall time on a busy machine"));
            }
            if (archived != null) {
                p.put("jvmOptions", archived.options())
                        .put("verifyMs", archived.report().path("verifyMs").asDouble())
                        .put("peakRssKb", archived.report().path("peakRssKb").asLong())
                        .put("cpuSeconds", archived.report().path("cpuSeconds").asDouble());
                results.add(p.figure(
                        prefix + "process-archived",
                        archived.wallSeconds(),
                        "s",
                        "the whole child JVM mapping a class-data archive made by a first child of " + ARCHIVE_ROWS
                                + " rows, as the ale launcher maps its own (" + ClassDataArchive.Kind.current().label
                                + ", "
                                + ClassDataArchive.Kind.current().insist + ")"));
                if (python != null) {
                    results.add(p.speedup(
                            prefix + "speedup-vs-python-archived",
                            "Python",
                            python.wallSeconds(),
                            archived.wallSeconds(),
                            "at least 5 at 1,000,000 rows"));
                }
            }
            samePeerGrading(dir, prefix, python, p, results);
        }
    }

    /**
     * The same files graded as the Python peer grades them ({@link CsvChild#SAME_AS_PEER}), in a
     * child with the launcher's options: {@code .same-as-python.process} and {@code .verify}; with the
     * peer, {@code .same-as-python.speedup-vs-python}, after checking that both gave the same score
     * (the bench fails otherwise).
     */
    private static void samePeerGrading(
            Path dir, String prefix, Peers.@Nullable Run python, Figure.Params p, Results results) throws Exception {
        ChildJvm.Outcome same = ChildJvm.run(
                ChildJvm.LAUNCHER_OPTIONS,
                CsvChild.class,
                dir.resolve("child-same.log"),
                dir.toString(),
                CsvChild.SAME_AS_PEER);
        double score = same.report().path("score").asDouble();
        p.put("verifier", CsvChild.SAME_AS_PEER)
                .put("jvmOptions", same.options())
                .put("score", score)
                .put("verifyMs", same.report().path("verifyMs").asDouble())
                .put("peakRssKb", same.report().path("peakRssKb").asLong())
                .put("cpuSeconds", same.report().path("cpuSeconds").asDouble());
        String name = prefix + "same-as-python.";
        results.add(p.figure(
                name + "process", same.wallSeconds(), "s", "the whole child JVM grading as the Python peer does"));
        results.add(p.figure(
                name + "verify", same.report().path("verifyMs").asDouble(), "ms", "Verifier.verify inside the child"));
        if (python != null) {
            double peerScore = Peers.score(python);
            if (!(Math.abs(peerScore - score) <= 1e-12)) { // a NaN on either side fails too
                throw new IllegalStateException("the csv verifier graded the label table " + score
                        + " where the Python peer gave " + peerScore + " (" + CsvChild.SAME_AS_PEER + ")");
            }
            results.add(p.put("pythonScore", peerScore)
                    .speedup(
                            name + "speedup-vs-python",
                            "Python",
                            python.wallSeconds(),
                            same.wallSeconds(),
                            "at least 5 at 1,000,000 rows, with the same score"));
        }
    }

    /**
     * The child graded again mapping a class-data archive that a first child made on {@value
     * #ARCHIVE_ROWS} rows of its own; null where no archive can be made ({@link ClassDataArchive#possible()}).
     */
    private static ChildJvm.@Nullable Outcome archived(Path dir, long seed) throws Exception {
        if (!ClassDataArchive.possible()) {
            return null;
        }
        Path making = Files.createDirectory(dir.resolve("archive"));
        write(making, ARCHIVE_ROWS, seed);
        List<String> mapping =
                ClassDataArchive.make(making, "csv", CsvChild.class, making.resolve("making.log"), making.toString());
        return ChildJvm.run(mapping, CsvChild.class, dir.resolve("child-archived.log"), dir.toString());
    }

    /** Writes {@code reference.csv} and {@code output.csv} as the Python peer's generator does (its shape, not its bytes). */
    static void write(Path dir, int rows, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        try (BufferedWriter ref = Files.newBufferedWriter(dir.resolve("reference.csv"), StandardCharsets.UTF_8);
                BufferedWriter out = Files.newBufferedWriter(dir.resolve("output.csv"), StandardCharsets.UTF_8)) {
            String header = "id," + String.join(",", LABELS) + "\n";
            ref.write(header);
            out.write(header);
            StringBuilder r = new StringBuilder();
            StringBuilder o = new StringBuilder();
            for (int i = 0; i < rows; i++) {
                r.setLength(0);
                o.setLength(0);
                r.append(100_000 + i);
                o.append(100_000 + i);
                for (double positive : POSITIVE) {
                    int gold = random.nextDouble() < positive ? 1 : 0;
                    int pred = random.nextDouble() < 0.15 ? 1 - gold : gold;
                    r.append(',').append(gold);
                    o.append(',').append(pred);
                }
                ref.write(r.append('\n').toString());
                out.write(o.append('\n').toString());
            }
        }
    }
}
