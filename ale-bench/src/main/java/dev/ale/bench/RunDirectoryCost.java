package dev.ale.bench;

import dev.ale.api.Harness;
import dev.ale.api.task.Task;
import dev.ale.core.EvaluationReport;
import dev.ale.core.Evaluator;
import dev.ale.core.Sandboxes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Figure group {@code rundir}: what a run directory (journal, trajectories, artefacts, run.json and
 * the reports, with the defaults) adds to each attempt: the same tiny attempts are run without and
 * with one, in turn, and the difference of the medians is divided by the attempts. Also the bytes
 * and files the run directory holds per attempt, and, in the same turns, how long this machine's file
 * system takes to create as many files of the same size with nothing of the SDK around them: what
 * any layout with that many files per attempt would cost here.
 *
 * <p>Measured twice: under the system temporary directory ({@code rundir.p<n>.*}, the disk) and,
 * where {@code /dev/shm} is a writable folder, on that memory file system ({@code
 * rundir.shm.p<n>.*}): the SDK's own cost, apart from the disk's. No turn's files are deleted before
 * the group ends: an ext4 without a journal skips the inodes deleted in the last minutes one by one
 * when it allocates a new one, so creating files right after deleting as many took several times as
 * long, in the SDK's turns and in plain {@code Files.write} alike (docs/benchmarks.md, 2026-12-06).
 */
final class RunDirectoryCost {
    /** How many attempts, at which parallelism, how many times each way. */
    record Size(int tasks, int trials, int[] parallelism, int repetitions) {
        int attempts() {
            return tasks * trials;
        }
    }

    static final Size FULL = new Size(2_000, 5, new int[] {1, 8}, 3);
    static final Size QUICK = new Size(50, 4, new int[] {1, 8}, 1);

    private RunDirectoryCost() {}

    /** Where {@code /dev/shm} is a writable folder: a memory file system on Linux. */
    static final Path MEMORY = Path.of("/dev/shm");

    static void run(Size size, Results results) throws Exception {
        List<Task> tasks = BenchTasks.tiny("rundir", size.tasks());
        Harness harness = BenchHarnesses.writeFileAndRecord();
        try (TempTree tmp = TempTree.create("rundir")) {
            measure(size, tasks, harness, tmp.root(), "rundir.", results);
        }
        if (Files.isDirectory(MEMORY) && Files.isWritable(MEMORY)) {
            try (TempTree tmp = TempTree.create(MEMORY, "rundir")) {
                measure(size, tasks, harness, tmp.root(), "rundir.shm.", results);
            }
        }
    }

    private static void measure(Size size, List<Task> tasks, Harness harness, Path root, String prefix, Results results)
            throws Exception {
        for (int p : size.parallelism()) {
            once(tasks, size.trials(), p, harness, root.resolve("warmup-" + p));
            double[] without = new double[size.repetitions()];
            double[] with = new double[size.repetitions()];
            double[] alone = new double[size.repetitions()];
            long bytes = 0;
            long files = 0;
            for (int i = 0; i < size.repetitions(); i++) {
                without[i] = once(tasks, size.trials(), p, harness, null);
                Path dir = root.resolve("run-" + p + "-" + i);
                with[i] = once(tasks, size.trials(), p, harness, dir);
                bytes = PackReading.bytesUnder(dir);
                files = PackReading.filesUnder(dir);
                alone[i] = filesAlone(root.resolve("files-" + p + "-" + i), size.attempts(), files, bytes);
            }
            double added = (Timing.median(with) - Timing.median(without)) * 1e3 / size.attempts();
            Figure.Params common = Figure.params()
                    .put("attempts", size.attempts())
                    .put("tasks", size.tasks())
                    .put("trials", size.trials())
                    .put("parallelism", p)
                    .put("harness", harness.name())
                    .put("runDirectory", "defaults: journal, trajectories, artefacts (64 MiB cap), run.json, reports")
                    .put("secondsWithout", Timing.rounded(without))
                    .put("secondsWith", Timing.rounded(with))
                    .put("statistic", "median of " + size.repetitions() + " runs each way, in turn")
                    .put("under", root.getParent().toString())
                    .putAll(Machine.parameters());
            results.add(new Figure(
                    prefix + "p" + p + ".added",
                    Timing.round(added, 4),
                    "ms/attempt",
                    Figure.params()
                            .putAll(common.map())
                            .put("target", "at most 0.2 ms/attempt")
                            .map()));
            results.add(new Figure(
                    prefix + "p" + p + ".files-alone",
                    Timing.round(Timing.median(alone) * 1e3 / size.attempts(), 4),
                    "ms/attempt",
                    Figure.params()
                            .putAll(common.map())
                            .put("secondsFilesAlone", Timing.rounded(alone))
                            .put(
                                    "measures",
                                    "Files.write of as many files of the run directory's mean size, a folder per"
                                            + " attempt, in a new folder: the file system's share of .added")
                            .map()));
            results.add(new Figure(
                    prefix + "p" + p + ".bytes",
                    Timing.round(bytes / 1024.0 / size.attempts(), 4),
                    "KB/attempt",
                    Figure.params()
                            .putAll(common.map())
                            .put("filesPerAttempt", Timing.round((double) files / size.attempts(), 4))
                            .map()));
        }
    }

    /**
     * Seconds to create, under the new folder {@code root}, a folder per attempt holding its share of
     * {@code files} files of {@code bytes / files} bytes each, with plain {@code Files.write}.
     */
    private static double filesAlone(Path root, int attempts, long files, long bytes) throws IOException {
        byte[] content = new byte[(int) (files == 0 ? 0 : bytes / files)];
        long start = System.nanoTime();
        long written = 0;
        for (int a = 0; a < attempts; a++) {
            Path folder = Files.createDirectories(root.resolve(Integer.toString(a)));
            long upTo = files * (a + 1) / attempts;
            for (int f = 0; written < upTo; f++, written++) {
                Files.write(folder.resolve(f + ".json"), content);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static double once(List<Task> tasks, int trials, int p, Harness harness, Path dir) {
        Evaluator.Builder b = Evaluator.builder()
                .tasks(tasks)
                .harness(harness)
                .trials(trials)
                .parallelism(p)
                .sandboxProvider(Sandboxes.inMemory());
        if (dir != null) {
            b.runDirectory(dir);
        }
        Evaluator evaluator = b.build();
        long start = System.nanoTime();
        EvaluationReport report = evaluator.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        RunnerOverhead.check(report, tasks.size() * trials);
        return seconds;
    }
}
