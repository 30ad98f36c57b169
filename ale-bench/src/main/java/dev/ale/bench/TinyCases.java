package dev.ale.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.task.TaskPackException;
import dev.ale.taskpack.TaskPack;
import dev.ale.taskpack.TaskPacks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Figure group {@code tiny}: the per-case cost of the SDK embedded, on the promptfoo peer's cases
 * (instruction in, one text file out, a {@code text equals} check), at several pack sizes, each in a
 * child JVM with the {@code ale} launcher's JVM options: run time per case, pack open (zip in the
 * child, directory in this process), the child's whole wall time and its peak resident memory per
 * case; each child once more mapping a class-data archive made as the launcher makes one
 * ({@link ClassDataArchive}). The largest size runs once more with {@code -Xmx256m} (all tasks distinct). With
 * {@code --promptfoo SCRIPT}, promptfoo runs the same cases in the same run and the ratios follow.
 */
final class TinyCases {
    /** The pack sizes, how many attempts run at once, and up to which size the peer runs. */
    record Size(int[] cases, int parallelism, int peerMaxCases) {}

    static final Size FULL = new Size(new int[] {2_000, 20_000, 100_000}, 1, 20_000);
    static final Size QUICK = new Size(new int[] {100, 400}, 1, 400);
    static final String SMALL_HEAP = "-Xmx256m";

    private TinyCases() {}

    static void run(Size size, Path promptfoo, Results results) throws Exception {
        try (TempTree archive = TempTree.create("tiny-archive")) {
            run(size, promptfoo, ClassDataArchive.make(archive.root(), size.parallelism()), results);
        }
    }

    private static void run(Size size, Path promptfoo, @Nullable List<String> archived, Results results)
            throws Exception {
        int largest = size.cases()[size.cases().length - 1];
        for (int cases : size.cases()) {
            try (TempTree tmp = TempTree.create("tiny")) {
                Path dir = tmp.root().resolve("pack");
                Path zip = tmp.root().resolve("pack.zip");
                try {
                    TinyPack.write(dir, zip, cases);
                } catch (TaskPackException e) {
                    // the SDK cannot write or open a pack this large: say so and go on with the other figures
                    results.add(new Figure(
                            "tiny." + cases + ".pack-opens",
                            0,
                            "1 = yes",
                            params(cases, size.parallelism(), null)
                                    .put("error", e.getMessage())
                                    .putAll(Machine.parameters())
                                    .map()));
                    continue;
                }
                long dirStart = System.nanoTime();
                try (TaskPack pack = TaskPacks.open(dir)) {
                    check(pack.tasks().size(), cases, "directory");
                }
                double openDirMs = (System.nanoTime() - dirStart) / 1e6;
                ChildJvm.Outcome child = ChildJvm.run(
                        ChildJvm.LAUNCHER_OPTIONS,
                        TinyChild.class,
                        tmp.root().resolve("child.log"),
                        zip.toString(),
                        String.valueOf(size.parallelism()));
                JsonNode r = child.report();
                check(r.path("passed").asInt(), cases, "passed");
                Peers.Run peer =
                        promptfoo != null && cases <= size.peerMaxCases() ? Peers.promptfoo(promptfoo, cases) : null;
                figures(cases, size.parallelism(), openDirMs, child, peer, results);
                if (archived != null) {
                    ChildJvm.Outcome mapped = ChildJvm.run(
                            archived,
                            TinyChild.class,
                            tmp.root().resolve("child-archived.log"),
                            zip.toString(),
                            String.valueOf(size.parallelism()));
                    check(mapped.report().path("passed").asInt(), cases, "passed with the archive");
                    archivedFigures(cases, size.parallelism(), mapped, peer, results);
                }
                if (cases == largest) {
                    List<String> small = new ArrayList<>(ChildJvm.LAUNCHER_OPTIONS);
                    small.add(SMALL_HEAP);
                    ChildJvm.Outcome bounded = smallHeap(small, tmp.root(), zip, size.parallelism());
                    results.add(new Figure(
                            "tiny." + cases + ".finished-in-256m",
                            bounded == null ? 0 : 1,
                            "1 = yes",
                            params(cases, size.parallelism(), bounded == null ? null : bounded.report())
                                    .put("jvmOptions", small)
                                    .put("target", "100,000 distinct tasks finish in -Xmx256m")
                                    .putAll(Machine.parameters())
                                    .map()));
                }
            }
        }
    }

    private static ChildJvm.@Nullable Outcome smallHeap(List<String> options, Path root, Path zip, int parallelism)
            throws Exception {
        try {
            ChildJvm.Outcome o = ChildJvm.run(
                    options,
                    TinyChild.class,
                    root.resolve("child-256m.log"),
                    zip.toString(),
                    String.valueOf(parallelism));
            return o.report().path("passed").asInt() == o.report().path("cases").asInt() ? o : null;
        } catch (IllegalStateException e) {
            return null; // out of memory: the figure says 0
        }
    }

    private static void figures(
            int cases, int parallelism, double openDirMs, ChildJvm.Outcome child, Peers.Run peer, Results results) {
        JsonNode r = child.report();
        String prefix = "tiny." + cases + ".";
        Map<String, Object> machine = Machine.parameters();
        double runUs = r.path("runMs").asDouble() * 1000 / cases;
        double kbPerCase = r.path("peakRssKb").asDouble() / cases;
        results.add(new Figure(
                prefix + "run",
                Timing.round(runUs, 4),
                "us/case",
                params(cases, parallelism, r)
                        .put("measures", "Evaluator.run() over every case, pack already open")
                        .put("target", "flat from 2,000 to 100,000 cases")
                        .putAll(machine)
                        .map()));
        results.add(new Figure(
                prefix + "open-zip",
                Timing.round(r.path("openZipMs").asDouble(), 4),
                "ms",
                params(cases, parallelism, r)
                        .put("measures", "TaskPacks.open of the zip in the child")
                        .putAll(machine)
                        .map()));
        results.add(new Figure(
                prefix + "open-dir",
                Timing.round(openDirMs, 4),
                "ms",
                params(cases, parallelism, r)
                        .put("measures", "TaskPacks.open of the directory in the bench process")
                        .putAll(machine)
                        .map()));
        results.add(new Figure(
                prefix + "process",
                Timing.round(child.wallSeconds(), 4),
                "s",
                params(cases, parallelism, r)
                        .put("measures", "the whole child JVM: start, open the zip, run, exit")
                        .put("jvmOptions", child.options())
                        .putAll(machine)
                        .map()));
        results.add(new Figure(
                prefix + "peak-rss",
                Timing.round(kbPerCase, 4),
                "KB/case",
                params(cases, parallelism, r)
                        .put("measures", "peak resident memory of the child (VmHWM) / cases")
                        .put("jvmOptions", child.options())
                        .put("target", "at most 10 KB/case at 20,000")
                        .putAll(machine)
                        .map()));
        if (peer == null) {
            return;
        }
        Figure.Params p = Figure.params()
                .put("cases", cases)
                .put("peer", "promptfoo 0.123.1, echo provider, one equals assertion, -j 4 (promptfoo-peer.sh)")
                .put("peerSeconds", peer.wallSeconds())
                .put("peerPeakRssKb", peer.peakRssKb())
                .put("sdkSeconds", Timing.round(child.wallSeconds(), 4))
                .put("sdkPeakRssKb", r.path("peakRssKb").asLong())
                .putAll(machine);
        results.add(p.figure(prefix + "promptfoo", peer.wallSeconds(), "s", "the peer's whole process"));
        results.add(p.speedup(
                prefix + "speedup-vs-promptfoo",
                "peer",
                peer.wallSeconds(),
                child.wallSeconds(),
                "at least 10 at 20,000"));
        results.add(p.figure(
                prefix + "memory-vs-promptfoo",
                r.path("peakRssKb").asDouble() / Math.max(1, peer.peakRssKb()),
                "x",
                "SDK peak RSS / peer peak RSS, same run"));
    }

    /** The whole child with the class-data archive the launcher would have made, and its ratio to the peer. */
    private static void archivedFigures(
            int cases, int parallelism, ChildJvm.Outcome child, Peers.@Nullable Run peer, Results results) {
        String prefix = "tiny." + cases + ".";
        results.add(new Figure(
                prefix + "process-archived",
                Timing.round(child.wallSeconds(), 4),
                "s",
                params(cases, parallelism, child.report())
                        .put(
                                "measures",
                                "the whole child JVM as .process, mapping a class-data archive made by a first"
                                        + " run of " + ClassDataArchive.MAKING_CASES
                                        + " cases, as the ale launcher does")
                        .put("jvmOptions", child.options())
                        .putAll(Machine.parameters())
                        .map()));
        if (peer != null) {
            results.add(Figure.params()
                    .put("cases", cases)
                    .put("peerSeconds", peer.wallSeconds())
                    .put("sdkSeconds", Timing.round(child.wallSeconds(), 4))
                    .put("jvmOptions", child.options())
                    .putAll(Machine.parameters())
                    .speedup(
                            prefix + "speedup-vs-promptfoo-archived",
                            "peer",
                            peer.wallSeconds(),
                            child.wallSeconds(),
                            "at least 10 at 20,000"));
        }
    }

    private static Figure.Params params(int cases, int parallelism, JsonNode report) {
        Figure.Params p = Figure.params()
                .put("cases", cases)
                .put("parallelism", parallelism)
                .put("task", "instruction case-<i>, harness writes it to out.txt, verifier text equals case-<i>");
        if (report != null) {
            p.put("child", report.toString());
        }
        return p;
    }

    private static void check(int actual, int expected, String what) {
        if (actual != expected) {
            throw new IllegalStateException("tiny cases: " + what + " " + actual + " of " + expected);
        }
    }
}
