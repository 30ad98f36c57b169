package dev.ale.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Figure group {@code csv}: a label table of a classification task (columns {@code id,L1..L5},
 * binary labels, about 15% of the output's labels flipped) graded by the {@code csv} verifier keyed
 * by {@code id} with {@code f1-cells}, in a child JVM with the launcher's options: whole-process
 * wall time, time inside the verifier and peak resident memory; then graded as the Python peer
 * grades it ({@code .same-as-python.}, {@link CsvChild#SAME_AS_PEER}). With {@code --csv-peer
 * SCRIPT} the files come from the peer's generator and the pure-Python grader scores them in the
 * same run. Where a class-data archive can be made, each grading runs a second time mapping one, as
 * under the {@code ale} launcher ({@code process-archived}). The full size takes 3 rounds of all of
 * them in turn and reports the medians, as the tiny cases do; every round must give the same score,
 * and the peer's grading the peer's score.
 */
final class CsvLabels {
    static final String[] LABELS = {"L1", "L2", "L3", "L4", "L5"};
    private static final double[] POSITIVE = {0.45, 0.25, 0.25, 0.22, 0.12};

    static final String STATISTIC = "median of the rounds; in each round the child, the child with the archive,"
            + " the Python peer, then the two children grading as the peer does, in turn";

    /** How many rows, and how many rounds of the children and the peer. */
    record Size(int rows, int rounds) {}

    static final Size FULL = new Size(1_000_000, 3);
    static final Size QUICK = new Size(5_000, 1);

    /** The rows of the first child, whose classes the archive of {@code process-archived} holds. */
    static final int ARCHIVE_ROWS = 5_000;

    private CsvLabels() {}

    /** One grading's children, round by round: with the launcher's options, and mapping the archive (empty without one). */
    record Grading(String config, List<ChildJvm.Outcome> plain, List<ChildJvm.Outcome> mapped) {
        Grading(String config) {
            this(config, new ArrayList<>(), new ArrayList<>());
        }

        /** Runs this grading's children of one round. */
        void round(Path dir, @Nullable List<String> mapping, String name) throws Exception {
            plain.add(ChildJvm.run(
                    ChildJvm.LAUNCHER_OPTIONS, CsvChild.class, dir.resolve(name + ".log"), dir.toString(), config));
            if (mapping != null) {
                mapped.add(ChildJvm.run(
                        mapping, CsvChild.class, dir.resolve(name + "-archived.log"), dir.toString(), config));
            }
        }

        /** The score every child gave; fails when two differ. */
        double score() {
            double first = plain.get(0).report().path("score").asDouble();
            for (List<ChildJvm.Outcome> side : List.of(plain, mapped)) {
                for (ChildJvm.Outcome o : side) {
                    double score = o.report().path("score").asDouble();
                    if (Double.compare(score, first) != 0) {
                        throw new IllegalStateException("the csv verifier (" + config + ") scored the label table "
                                + first + " in one child and " + score + " in another (" + o.options() + ")");
                    }
                }
            }
            return first;
        }
    }

    static void run(Size size, long seed, Path peer, Results results) throws Exception {
        try (TempTree tmp = TempTree.create("csv")) {
            Path dir = tmp.root();
            if (peer != null) {
                Peers.makeCsv(peer, size.rows(), dir);
            } else {
                write(dir, size.rows(), seed);
            }
            List<String> mapping = archive(dir, seed);
            Grading cells = new Grading(CsvChild.CONFIG);
            Grading asPeer = new Grading(CsvChild.SAME_AS_PEER);
            List<Peers.Run> python = new ArrayList<>();
            for (int round = 1; round <= size.rounds(); round++) {
                cells.round(dir, mapping, "child-" + round);
                if (peer != null) {
                    python.add(Peers.pythonCsv(peer, dir.resolve("reference.csv"), dir.resolve("output.csv")));
                }
                asPeer.round(dir, mapping, "child-same-" + round);
            }
            cells.score();
            double sameScore = asPeer.score();
            Rounds.Peer py = python.isEmpty() ? null : Rounds.peer(python);
            samePeerScore(sameScore, python);
            Figure.Params p = Figure.params()
                    .put("rows", size.rows())
                    .put("bytesPerFile", Files.size(dir.resolve("output.csv")))
                    .put(
                            "files",
                            peer != null ? "made by the Python peer's generator" : "made by ale-bench, seed " + seed)
                    .put("rounds", size.rounds())
                    .put("statistic", STATISTIC);
            if (py != null) {
                p.put("pythonSeconds", py.medianSeconds())
                        .put("pythonSecondsEachRound", py.seconds())
                        .put("pythonPeakRssKb", py.peakRssKb())
                        .put("pythonCpuSeconds", py.medianCpuSeconds())
                        .put("pythonResult", python.get(0).output().strip());
            }
            String prefix = "csv.labels." + size.rows() + ".";
            figures(prefix, cells, py, p, results);
            if (py != null) {
                p.put("pythonScore", Peers.score(python.get(0)));
            }
            figures(prefix + "same-as-python.", asPeer, py, p, results);
        }
    }

    /**
     * The figures of one grading: its children's medians, the highest peak memory, and the ratios
     * to the peer, plain and with the archive.
     */
    private static void figures(
            String prefix, Grading g, Rounds.@Nullable Peer py, Figure.Params shared, Results results) {
        Rounds plain = Rounds.of(g.plain());
        JsonNode r = plain.median().report();
        Figure.Params p = Figure.params()
                .putAll(shared.map())
                .put("verifier", g.config())
                .put("score", r.path("score").asDouble())
                .put("verifyMs", r.path("verifyMs").asDouble())
                .put("peakRssKb", plain.peakRssKb())
                .put("cpuSeconds", plain.medianCpuSeconds())
                .put("secondsEachRound", plain.seconds())
                .put("jvmOptions", plain.median().options())
                .putAll(Machine.parameters());
        results.add(
                p.figure(prefix + "process", plain.medianSeconds(), "s", "the whole child JVM: start, grade, exit"));
        results.add(
                p.figure(prefix + "verify", r.path("verifyMs").asDouble(), "ms", "Verifier.verify inside the child"));
        results.add(p.figure(
                prefix + "peak-rss",
                plain.peakRssKb() / 1024.0,
                "MB",
                "peak resident memory of the child (VmHWM), the highest of the rounds",
                "under 300 MB at 1,000,000 rows"));
        if (py != null) {
            if (g.config().equals(CsvChild.CONFIG)) {
                results.add(p.figure(prefix + "python", py.medianSeconds(), "s", "the Python grader's whole process"));
            }
            results.add(p.speedup(
                    prefix + "speedup-vs-python",
                    "Python",
                    py.medianSeconds(),
                    plain.medianSeconds(),
                    "at least 5 at 1,000,000 rows"));
            results.add(p.figure(
                    prefix + "cpu-vs-python",
                    py.medianCpuSeconds() / plain.medianCpuSeconds(),
                    "x",
                    "Python CPU time / SDK child CPU time (user + system, every thread), medians of the rounds:"
                            + " steadier than wall time on a busy machine"));
        }
        if (g.mapped().isEmpty()) {
            return;
        }
        Rounds mapped = Rounds.of(g.mapped());
        JsonNode m = mapped.median().report();
        p.put("verifyMs", m.path("verifyMs").asDouble())
                .put("peakRssKb", mapped.peakRssKb())
                .put("cpuSeconds", mapped.medianCpuSeconds())
                .put("secondsEachRound", mapped.seconds())
                .put("jvmOptions", mapped.median().options());
        results.add(p.figure(
                prefix + "process-archived",
                mapped.medianSeconds(),
                "s",
                "the whole child JVM mapping a class-data archive made by a first child of " + ARCHIVE_ROWS
                        + " rows graded with f1-cells, as the ale launcher maps its own ("
                        + ClassDataArchive.Kind.current().label + ", " + ClassDataArchive.Kind.current().insist
                        + ")"));
        if (py != null) {
            results.add(p.speedup(
                    prefix + "speedup-vs-python-archived",
                    "Python",
                    py.medianSeconds(),
                    mapped.medianSeconds(),
                    "at least 5 at 1,000,000 rows"));
        }
    }

    /** Fails unless every run of the peer gave {@code score} to 1e-12 (a NaN on either side fails too). */
    static void samePeerScore(double score, List<Peers.Run> python) throws IOException {
        for (Peers.Run run : python) {
            double peerScore = Peers.score(run);
            if (!(Math.abs(peerScore - score) <= 1e-12)) {
                throw new IllegalStateException("the csv verifier graded the label table " + score
                        + " where the Python peer gave " + peerScore + " (" + CsvChild.SAME_AS_PEER + ")");
            }
        }
    }

    /**
     * The options of a child that maps a class-data archive made by a first child on {@value
     * #ARCHIVE_ROWS} rows of its own; null where no archive can be made ({@link ClassDataArchive#possible()}).
     */
    private static @Nullable List<String> archive(Path dir, long seed) throws Exception {
        if (!ClassDataArchive.possible()) {
            return null;
        }
        Path making = Files.createDirectory(dir.resolve("archive"));
        write(making, ARCHIVE_ROWS, seed);
        return ClassDataArchive.make(making, "csv", CsvChild.class, making.resolve("making.log"), making.toString());
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
