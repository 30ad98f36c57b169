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
 * Each size runs in {@link Size#rounds} rounds (the child, the peer, the child with the archive, in
 * turn): times are the medians of the rounds ({@link Rounds}), memory the highest.
 */
final class TinyCases {
    /** The pack sizes, how many attempts run at once, and up to which size the peer runs. */
    record Size(int[] cases, int parallelism, int peerMaxCases, int rounds) {}

    /**
     * Three rounds of each size, as the issue measured (whole processes, medians of 3 to 5): on this
     * 2-core machine one run of either side moved by up to 20% from the next.
     */
    static final Size FULL = new Size(new int[] {2_000, 20_000, 100_000}, 1, 20_000, 3);

    static final Size QUICK = new Size(new int[] {100, 400}, 1, 400, 1);
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
                boolean withPeer = promptfoo != null && cases <= size.peerMaxCases();
                List<ChildJvm.Outcome> plain = new ArrayList<>();
                List<ChildJvm.Outcome> mapped = new ArrayList<>();
                List<Peers.Run> peers = new ArrayList<>();
                for (int round = 0; round < size.rounds(); round++) {
                    plain.add(child(ChildJvm.LAUNCHER_OPTIONS, tmp.root().resolve("child.log"), zip, size, cases));
                    if (withPeer) {
                        peers.add(Peers.promptfoo(promptfoo, cases));
                    }
                    if (archived != null) {
                        mapped.add(child(archived, tmp.root().resolve("child-archived.log"), zip, size, cases));
                    }
                }
                Rounds sdk = Rounds.of(plain);
                Rounds.@Nullable Peer peer = withPeer ? Rounds.peer(peers) : null;
                figures(cases, size.parallelism(), openDirMs, sdk, peer, results);
                if (archived != null) {
                    archivedFigures(cases, size.parallelism(), Rounds.of(mapped), peer, results);
                }
                if (cases == largest) {
                    List<String> small = new ArrayList<>(ChildJvm.LAUNCHER_OPTIONS);
                    small.add(SMALL_HEAP);
                    ChildJvm.Outcome bounded = smallHeap(small, tmp.root(), zip, size.parallelism());
                    results.add(new Figure(
                            "tiny." + cases + ".finished-in-256m",
                            bounded == null ? 0 : 1,
                            "1 = yes",
                            params(cases, size.parallelism(), bounded == null ? null : Rounds.of(List.of(bounded)))
                                    .put("jvmOptions", small)
                                    .put("target", "100,000 distinct tasks finish in -Xmx256m")
                                    .putAll(Machine.parameters())
                                    .map()));
                }
            }
        }
    }

    /** One child run of every case, checked to have passed them all. */
    private static ChildJvm.Outcome child(List<String> options, Path log, Path zip, Size size, int cases)
            throws Exception {
        ChildJvm.Outcome o =
                ChildJvm.run(options, TinyChild.class, log, zip.toString(), String.valueOf(size.parallelism()));
        check(o.report().path("passed").asInt(), cases, "passed with " + options);
        return o;
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
            int cases, int parallelism, double openDirMs, Rounds sdk, Rounds.@Nullable Peer peer, Results results) {
        JsonNode r = sdk.median().report();
        String prefix = "tiny." + cases + ".";
        Map<String, Object> machine = Machine.parameters();
        double runUs = r.path("runMs").asDouble() * 1000 / cases;
        double kbPerCase = sdk.peakRssKbPer(cases);
        results.add(new Figure(
                prefix + "run",
                Timing.round(runUs, 4),
                "us/case",
                params(cases, parallelism, sdk)
                        .put("measures", "Evaluator.run() over every case, pack already open")
                        .put("target", "flat from 2,000 to 100,000 cases")
                        .putAll(machine)
                        .map()));
        results.add(new Figure(
                prefix + "open-zip",
                Timing.round(r.path("openZipMs").asDouble(), 4),
                "ms",
                params(cases, parallelism, sdk)
                        .put("measures", "TaskPacks.open of the zip in the child")
                        .putAll(machine)
                        .map()));
        results.add(new Figure(
                prefix + "open-dir",
                Timing.round(openDirMs, 4),
                "ms",
                params(cases, parallelism, null)
                        .put("measures", "TaskPacks.open of the directory in the bench process")
                        .putAll(machine)
                        .map()));
        results.add(new Figure(
                prefix + "process",
                Timing.round(sdk.medianSeconds(), 4),
                "s",
                params(cases, parallelism, sdk)
                        .put("measures", "the whole child JVM: start, open the zip, run, exit")
                        .put("jvmOptions", sdk.median().options())
                        .putAll(machine)
                        .map()));
        results.add(new Figure(
                prefix + "peak-rss",
                Timing.round(kbPerCase, 4),
                "KB/case",
                params(cases, parallelism, sdk)
                        .put("measures", "the highest peak resident memory (VmHWM) of the rounds / cases")
                        .put("jvmOptions", sdk.median().options())
                        .put("target", "at most 10 KB/case at 20,000")
                        .putAll(machine)
                        .map()));
        if (peer == null) {
            return;
        }
        Figure.Params p = Figure.params()
                .put("cases", cases)
                .put("peer", "promptfoo 0.123.1, echo provider, one equals assertion, -j 4 (promptfoo-peer.sh)")
                .put("peerSeconds", peer.medianSeconds())
                .put("peerSecondsEachRound", peer.seconds())
                .put("peerPeakRssKb", peer.peakRssKb())
                .put("sdkSeconds", Timing.round(sdk.medianSeconds(), 4))
                .put("sdkSecondsEachRound", sdk.seconds())
                .put("sdkPeakRssKb", sdk.peakRssKb())
                .put("statistic", Rounds.STATISTIC)
                .putAll(machine);
        results.add(p.figure(prefix + "promptfoo", peer.medianSeconds(), "s", "the peer's whole process"));
        results.add(p.speedup(
                prefix + "speedup-vs-promptfoo",
                "peer",
                peer.medianSeconds(),
                sdk.medianSeconds(),
                "at least 10 at 20,000"));
        results.add(p.figure(
                prefix + "memory-vs-promptfoo",
                (double) sdk.peakRssKb() / Math.max(1, peer.peakRssKb()),
                "x",
                "SDK peak RSS / peer peak RSS, the highest of the rounds on each side"));
    }

    /** The whole child with the class-data archive the launcher would have made, and its ratio to the peer. */
    private static void archivedFigures(
            int cases, int parallelism, Rounds sdk, Rounds.@Nullable Peer peer, Results results) {
        String prefix = "tiny." + cases + ".";
        results.add(new Figure(
                prefix + "process-archived",
                Timing.round(sdk.medianSeconds(), 4),
                "s",
                params(cases, parallelism, sdk)
                        .put(
                                "measures",
                                "the whole child JVM as .process, mapping a class-data archive made by a first"
                                        + " run of " + ClassDataArchive.MAKING_CASES
                                        + " cases, as the ale launcher does")
                        .put("archive", ClassDataArchive.Kind.current().label)
                        .put("jvmOptions", sdk.median().options())
                        .putAll(Machine.parameters())
                        .map()));
        if (peer != null) {
            results.add(Figure.params()
                    .put("cases", cases)
                    .put("peerSeconds", peer.medianSeconds())
                    .put("peerSecondsEachRound", peer.seconds())
                    .put("sdkSeconds", Timing.round(sdk.medianSeconds(), 4))
                    .put("sdkSecondsEachRound", sdk.seconds())
                    .put("statistic", Rounds.STATISTIC)
                    .put("jvmOptions", sdk.median().options())
                    .putAll(Machine.parameters())
                    .speedup(
                            prefix + "speedup-vs-promptfoo-archived",
                            "peer",
                            peer.medianSeconds(),
                            sdk.medianSeconds(),
                            "at least 10 at 20,000"));
        }
    }

    private static Figure.Params params(int cases, int parallelism, @Nullable Rounds sdk) {
        Figure.Params p = Figure.params()
                .put("cases", cases)
                .put("parallelism", parallelism)
                .put("task", "instruction case-<i>, harness writes it to out.txt, verifier text equals case-<i>");
        if (sdk != null) {
            p.put("child", sdk.median().report().toString())
                    .put("rounds", sdk.seconds().length)
                    .put("secondsEachRound", sdk.seconds())
                    .put("statistic", Rounds.STATISTIC);
        }
        return p;
    }

    private static void check(int actual, int expected, String what) {
        if (actual != expected) {
            throw new IllegalStateException("tiny cases: " + what + " " + actual + " of " + expected);
        }
    }
}
