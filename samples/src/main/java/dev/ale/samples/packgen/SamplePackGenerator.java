package dev.ale.samples.packgen;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Writes the SDK's sample task pack ({@code samples/packs/sample}) from a seed: inputs, hidden
 * references, solutions, every {@code task.json} and {@code pack.json}. All figures in the
 * references are computed from the generated inputs, so the pack can be regenerated and diffed at
 * any time. Task digests are left empty; the pack writer of ale-taskpack fills them in.
 *
 * <p>Run it with {@code java dev.ale.samples.packgen.SamplePackGenerator [target-dir] [seed]}
 * (defaults {@code packs/sample} and {@link #DEFAULT_SEED}).
 */
@API(status = EXPERIMENTAL)
public final class SamplePackGenerator {
    /** The seed the committed pack was generated with. */
    public static final long DEFAULT_SEED = 20250331L;

    private SamplePackGenerator() {}

    public static void main(String[] args) {
        Path target = Path.of(args.length > 0 ? args[0] : "packs/sample");
        long seed = args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_SEED;
        generate(target, seed);
        System.out.println("wrote sample pack to " + target.toAbsolutePath().normalize() + " (seed " + seed + ")");
    }

    /**
     * Generates the pack into {@code target}, replacing a pack already there. The files are written
     * to a temporary directory beside the target first and moved into place, so a failure leaves the
     * old pack as it was.
     *
     * @throws IllegalArgumentException if {@code target} exists and is neither empty nor a pack
     */
    public static void generate(Path target, long seed) {
        PackDirectory.write(target, files(seed), "sample pack");
    }

    /** Every file of the pack by its '/'-separated path within the pack, sorted. */
    static SortedMap<String, byte[]> files(long seed) {
        List<TaskFiles> tasks = List.of(
                BankReconciliationTask.generate(random(seed, BankReconciliationTask.ID), seed),
                ContractDeadlinesTask.generate(random(seed, ContractDeadlinesTask.ID), seed),
                DosageCalculationTask.generate(random(seed, DosageCalculationTask.ID), seed),
                FreightAllocationTask.generate(random(seed, FreightAllocationTask.ID), seed));
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (TaskFiles task : tasks) {
            task.files().forEach((path, content) -> files.put("tasks/" + task.id() + "/" + path, content));
        }
        files.put("pack.json", Formats.json(packJson(tasks)));
        return files;
    }

    private static Random random(long seed, String taskId) {
        return Formats.taskRandom(seed, taskId);
    }

    private static ObjectNode packJson(List<TaskFiles> tasks) {
        return PackDirectory.manifest(
                "sample",
                "Starter pack of the ALE SDK: four synthetic workflows (bank "
                        + "reconciliation, freight cost allocation, paediatric dose calculation on a fictional formulary, and a "
                        + "two-session contract docketing task) with hidden references and reference solutions.",
                tasks.stream().map(TaskFiles::id).toList(),
                Map.of("smoke", List.of(BankReconciliationTask.ID, FreightAllocationTask.ID)));
    }
}
