package dev.ale.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.OperatingSystemMXBean;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.Verifier;
import dev.ale.testkit.FolderContext;
import dev.ale.verifiers.VerifierRegistry;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * The child JVM of the CSV figures: grades {@code output.csv} against {@code reference.csv} in one
 * folder with the {@code csv} verifier and reports the score, the time inside the verifier, its
 * peak resident memory and the CPU time of the whole process. Arguments: the folder, and the
 * verifier's configuration ({@link #CONFIG} when there is none).
 */
final class CsvChild {
    static final String CONFIG =
            "{\"type\":\"csv\",\"file\":\"output.csv\",\"expectedFile\":\"reference.csv\",\"key\":\"id\",\"score\":\"f1-cells\"}";

    /**
     * The Python peer's grading said in the {@code csv} verifier's options: the exact header as
     * written, the reference's ids in its order and nothing else, labels {@code 0} or {@code 1},
     * and the mean over the labels of the positive class's F1. It must give the peer's score.
     */
    static final String SAME_AS_PEER = "{\"type\":\"csv\",\"file\":\"output.csv\",\"expectedFile\":\"reference.csv\","
            + "\"key\":\"id\",\"keyOptions\":{\"trim\":false},\"header\":\"exact-untrimmed\",\"order\":\"gate\","
            + "\"score\":\"macro-f1-labels\",\"labels\":[\"L1\",\"L2\",\"L3\",\"L4\",\"L5\"],\"positive\":\"1\","
            + "\"values\":[\"0\",\"1\"]}";

    private CsvChild() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        ObjectMapper mapper = new ObjectMapper();
        JsonNode config = mapper.readTree(args.length > 1 ? args[1] : CONFIG);
        Verifier verifier = VerifierRegistry.discover().create(config, "");
        long start = System.nanoTime();
        Verdict v = verifier.verify(
                FolderContext.of(dir, dir, BenchTasks.tiny("csv", 1).get(0).spec()));
        long nanos = System.nanoTime() - start;
        ChildJvm.report(mapper.createObjectNode()
                .put("score", v.score())
                .put("summary", v.summary())
                .put("verifyMs", nanos / 1e6)
                .put("peakRssKb", ChildJvm.peakRssKb())
                .put("cpuSeconds", cpuSeconds()));
    }

    /** The CPU time (user + system) of this whole process so far, every thread, in seconds; -1 where unknown. */
    static double cpuSeconds() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1e9
                : -1;
    }
}
