package dev.ale.bench;

import dev.ale.taskpack.TaskPack;
import dev.ale.taskpack.TaskPackWriter;
import dev.ale.taskpack.TaskPacks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Figure group 2, reading packs: the time {@code TaskPacks.open} takes (manifest and every
 * task.json; a tar.gz is extracted whole by design) and the throughput of {@code pack.verify()}
 * (every file digested) for a synthetic pack written as {@code .zip} and as {@code .tar.gz}; beside
 * them, in the same run, {@code sha256sum} over the same bytes as files, the physical reference,
 * and {@code tar -xzf} of the same tar.gz, the reference of its open.
 * Each is warmed up once (so every read comes from the page cache alike), then repeated; figures
 * are medians.
 */
final class PackReading {
    /** How big the pack is and how often each measurement repeats. */
    record Size(int tasks, long bytes, int repetitions) {}

    static final Size FULL = new Size(1_500, 1_000_000_000L, 3);
    static final Size QUICK = new Size(10, 3_000_000L, 1);

    private PackReading() {}

    static void run(Size size, long seed, Results results) throws Exception {
        try (TempTree tmp = TempTree.create("pack")) {
            Path dir = tmp.root().resolve("pack");
            long writeStart = System.nanoTime();
            SyntheticPack.write(dir, size.tasks(), size.bytes(), seed);
            String digest = TaskPackWriter.updateDigests(dir);
            double generateSeconds = (System.nanoTime() - writeStart) / 1e9;
            long bytes = bytesUnder(dir);
            long files = filesUnder(dir);
            Sha256Reference sha = Sha256Reference.find();
            sha.time(dir);
            double[] shaSeconds = new double[size.repetitions()];
            for (int i = 0; i < shaSeconds.length; i++) {
                shaSeconds[i] = sha.time(dir) / 1e9;
            }
            double shaMedian = Timing.median(shaSeconds);
            Map<String, Object> common = Figure.params()
                    .put("tasks", size.tasks())
                    .put("files", files)
                    .put("bytes", bytes)
                    .put("seed", seed)
                    .put("packDigest", digest)
                    .put("repetitions", size.repetitions())
                    .put("statistic", "median")
                    .put("generateAndDigestSeconds", Timing.round(generateSeconds, 3))
                    .putAll(Machine.parameters())
                    .map();
            results.add(new Figure(
                    "pack.sha256sum",
                    Timing.round(bytes / shaMedian / 1e6, 4),
                    "MB/s",
                    Figure.params()
                            .put("command", sha.command())
                            .put("runsSeconds", Timing.rounded(shaSeconds))
                            .put(
                                    "note",
                                    "the physical reference: the same files as the pack holds, hashed by the system tool")
                            .putAll(common)
                            .map()));
            for (String kind : new String[] {"zip", "tgz"}) {
                Path archive = tmp.root().resolve("bench." + kind);
                long start = System.nanoTime();
                TaskPackWriter.write(dir, archive);
                double archiveSeconds = (System.nanoTime() - start) / 1e9;
                double openMedian = measure(kind, archive, archiveSeconds, size, bytes, shaMedian, common, results);
                if (kind.equals("tgz")) {
                    tarReference(archive, tmp.root(), size.repetitions(), openMedian, common, results);
                }
            }
        }
    }

    /** Measures opening and verifying {@code archive}; returns the median seconds of the opens. */
    private static double measure(
            String kind,
            Path archive,
            double archiveSeconds,
            Size size,
            long bytes,
            double shaMedian,
            Map<String, Object> common,
            Results results)
            throws Exception {
        openAndVerify(archive);
        double[] open = new double[size.repetitions()];
        double[] verify = new double[size.repetitions()];
        for (int i = 0; i < open.length; i++) {
            double[] times = openAndVerify(archive);
            open[i] = times[0];
            verify[i] = times[1];
        }
        double verifyMedian = Timing.median(verify);
        Map<String, Object> params = Figure.params()
                .put("archive", kind)
                .put("archiveBytes", Files.size(archive))
                .put("archiveWriteSeconds", Timing.round(archiveSeconds, 3))
                .putAll(common)
                .map();
        results.add(new Figure(
                "pack." + kind + ".open",
                Timing.round(Timing.median(open) * 1e3, 4),
                "ms",
                Figure.params()
                        .put(
                                "measures",
                                "TaskPacks.open: manifest, every task.json, verifier configs"
                                        + (kind.equals("tgz")
                                                ? "; a tar.gz is streamed once and extracted whole"
                                                : "; zip read lazily"))
                        .put("runsSeconds", Timing.rounded(open))
                        .put("target", "well under 1 s")
                        .putAll(params)
                        .map()));
        results.add(new Figure(
                "pack." + kind + ".verify",
                Timing.round(bytes / verifyMedian / 1e6, 4),
                "MB/s",
                Figure.params()
                        .put("measures", "TaskPack.verify(): every file read and digested")
                        .put("runsSeconds", Timing.rounded(verify))
                        .putAll(params)
                        .map()));
        results.add(new Figure(
                "pack." + kind + ".verify-vs-sha256sum",
                Timing.round(verifyMedian / shaMedian, 4),
                "x",
                Figure.params()
                        .put("measures", "median verify time / median sha256sum time over the same bytes")
                        .put("target", "within 1.5x")
                        .putAll(params)
                        .map()));
        return Timing.median(open);
    }

    /**
     * The physical reference of {@code pack.tgz.open}: the system's {@code tar -xzf} of the same
     * archive into a new folder (deleted after each run, untimed), after one warm-up, and the ratio
     * of the open's median to its median.
     */
    private static void tarReference(
            Path archive, Path tmp, int repetitions, double openMedian, Map<String, Object> common, Results results)
            throws Exception {
        String command = "tar -xzf ARCHIVE -C DIR";
        double[] seconds = new double[repetitions + 1];
        for (int i = 0; i < seconds.length; i++) {
            Path into = Files.createDirectory(tmp.resolve("tar-xzf-" + i));
            seconds[i] =
                    SystemTool.time(List.of("tar", "-xzf", archive.toString(), "-C", into.toString()), command) / 1e9;
            TempTree.delete(into);
        }
        double[] timed = Arrays.copyOfRange(seconds, 1, seconds.length);
        double median = Timing.median(timed);
        Map<String, Object> params = Figure.params()
                .put("command", command)
                .put("runsSeconds", Timing.rounded(timed))
                .put("archiveBytes", Files.size(archive))
                .putAll(common)
                .map();
        results.add(new Figure(
                "pack.tar-xzf",
                Timing.round(median * 1e3, 4),
                "ms",
                Figure.params()
                        .put(
                                "note",
                                "the physical reference of pack.tgz.open: the same archive extracted by the system tool")
                        .putAll(params)
                        .map()));
        results.add(new Figure(
                "pack.tgz.open-vs-tar-xzf",
                Timing.round(openMedian / median, 4),
                "x",
                Figure.params()
                        .put("measures", "median TaskPacks.open time of the tar.gz / median tar -xzf time")
                        .putAll(params)
                        .map()));
    }

    /** Opens the pack and verifies it; returns the seconds of each. */
    private static double[] openAndVerify(Path archive) throws Exception {
        TaskPack[] pack = new TaskPack[1];
        double open = Timing.nanos(() -> pack[0] = TaskPacks.open(archive)) / 1e9;
        try (TaskPack p = pack[0]) {
            double verify = Timing.nanos(p::verify) / 1e9;
            return new double[] {open, verify};
        }
    }

    static long bytesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(f -> f.toFile().length())
                    .sum();
        }
    }

    static long filesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
