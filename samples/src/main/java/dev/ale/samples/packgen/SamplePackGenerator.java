package dev.ale.samples.packgen;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
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

    /** The cards of the pack's tasks. */
    static final Cards CARDS = Cards.read(SamplePackGenerator.class, "cards.json");

    /** Writes the pack: {@code PACK.generate(target, seed)} replaces a pack directory in one piece. */
    public static final PackDirectory.Generator PACK =
            new PackDirectory.Generator("sample", DEFAULT_SEED, SamplePackGenerator::files);

    private SamplePackGenerator() {}

    public static void main(String[] args) {
        PACK.main(args);
    }

    /** Every file of the pack by its '/'-separated path within the pack, sorted. */
    static SortedMap<String, byte[]> files(long seed) {
        List<TaskFiles> tasks = List.of(
                BankReconciliationTask.generate(Formats.taskRandom(seed, BankReconciliationTask.ID), seed),
                ContractDeadlinesTask.generate(Formats.taskRandom(seed, ContractDeadlinesTask.ID), seed),
                DosageCalculationTask.generate(Formats.taskRandom(seed, DosageCalculationTask.ID), seed),
                FreightAllocationTask.generate(Formats.taskRandom(seed, FreightAllocationTask.ID), seed));
        return PackDirectory.files(
                "sample",
                "Starter pack of the ALE SDK: four synthetic workflows (bank "
                        + "reconciliation, freight cost allocation, paediatric dose calculation on a fictional formulary, and a "
                        + "two-session contract docketing task) with hidden references and reference solutions.",
                tasks,
                Map.of("smoke", List.of(BankReconciliationTask.ID, FreightAllocationTask.ID)));
    }
}
