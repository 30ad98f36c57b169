package dev.ale.samples.packgen.starter;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ale.samples.packgen.Cards;
import dev.ale.samples.packgen.Formats;
import dev.ale.samples.packgen.PackDirectory;
import dev.ale.samples.packgen.TaskFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.function.BiConsumer;
import org.apiguardian.api.API;

/**
 * Writes the SDK's starter task pack ({@code samples/packs/starter}) from a seed: two dozen
 * synthetic workflows across ALE's industry clusters and all three tiers, each with inputs, a
 * hidden reference, a solution and a declarative verifier. Every reference figure is computed from
 * the generated inputs, so anyone can regenerate the pack and diff it. Task digests are left
 * empty; the pack writer of ale-taskpack fills them in.
 *
 * <p>Run it with {@code java dev.ale.samples.packgen.starter.StarterPackGenerator [target-dir] [seed]}
 * (defaults {@code packs/starter} and {@link #DEFAULT_SEED}).
 */
@API(status = EXPERIMENTAL)
public final class StarterPackGenerator {
    /** The seed the committed pack was generated with. */
    public static final long DEFAULT_SEED = 20250601L;

    /** One task of the pack: its id and how to generate it from its random stream and the pack seed. */
    record Entry(String id, BiConsumer<StarterTask, Random> generator) {}

    /** The tasks of the pack. */
    static final List<Entry> TASKS = List.of(
            new Entry(ThreeWayMatchTask.ID, ThreeWayMatchTask::generate),
            new Entry(LoanAmortizationTask.ID, LoanAmortizationTask::generate),
            new Entry(LabDilutionsTask.ID, LabDilutionsTask::generate),
            new Entry(PsychScaleScoringTask.ID, PsychScaleScoringTask::generate),
            new Entry(LibraryCirculationTask.ID, LibraryCirculationTask::generate),
            new Entry(ServiceLogTask.ID, ServiceLogTask::generate),
            new Entry(SalesAggregationTask.ID, SalesAggregationTask::generate),
            new Entry(ImageAssetManifestTask.ID, ImageAssetManifestTask::generate),
            new Entry(IrrigationBudgetTask.ID, IrrigationBudgetTask::generate),
            new Entry(BatesProductionTask.ID, BatesProductionTask::generate),
            new Entry(DepreciationTask.ID, DepreciationTask::generate),
            new Entry(PayrollTask.ID, PayrollTask::generate),
            new Entry(SalesTaxTask.ID, SalesTaxTask::generate),
            new Entry(InventoryFifoTask.ID, InventoryFifoTask::generate),
            new Entry(MedicalCodingTask.ID, MedicalCodingTask::generate),
            new Entry(InfusionRatesTask.ID, InfusionRatesTask::generate),
            new Entry(GradebookTask.ID, GradebookTask::generate),
            new Entry(QpcrFoldChangeTask.ID, QpcrFoldChangeTask::generate),
            new Entry(InsuranceClaimsTask.ID, InsuranceClaimsTask::generate),
            new Entry(OptionPricingTask.ID, OptionPricingTask::generate),
            new Entry(CourtDeadlinesTask.ID, CourtDeadlinesTask::generate),
            new Entry(FertilizerRatesTask.ID, FertilizerRatesTask::generate),
            new Entry(BeamCheckTask.ID, BeamCheckTask::generate),
            new Entry(ElectricalLoadTask.ID, ElectricalLoadTask::generate),
            new Entry(SurveyWeightingTask.ID, SurveyWeightingTask::generate),
            new Entry(EgressCapacityTask.ID, EgressCapacityTask::generate));

    /** Five quick near-term tasks for a first run. */
    static final List<String> SMOKE = List.of(
            ThreeWayMatchTask.ID,
            LoanAmortizationTask.ID,
            LabDilutionsTask.ID,
            MedicalCodingTask.ID,
            ImageAssetManifestTask.ID);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Writes the pack: {@code PACK.generate(target, seed)} replaces a pack directory in one piece. */
    public static final PackDirectory.Generator PACK =
            new PackDirectory.Generator("starter", DEFAULT_SEED, StarterPackGenerator::files);

    private StarterPackGenerator() {}

    public static void main(String[] args) {
        PACK.main(args);
    }

    /** Every file of the pack by its '/'-separated path within the pack, sorted. */
    static SortedMap<String, byte[]> files(long seed) {
        Cards cards = Cards.read(StarterPackGenerator.class, "cards.json");
        if (!cards.ids().equals(TASKS.stream().map(Entry::id).toList())) {
            throw new IllegalStateException("cards.json lists " + cards.ids() + ", not the tasks of the pack in order");
        }
        List<TaskFiles> tasks = new ArrayList<>();
        for (Entry e : TASKS) {
            StarterTask task = new StarterTask(cards.get(e.id()), seed);
            e.generator().accept(task, Formats.taskRandom(seed, e.id()));
            tasks.add(task.files());
        }
        return PackDirectory.files(
                "starter",
                "Starter pack of the ALE SDK: "
                        + tasks.size()
                        + " synthetic workflows of accountants, paralegals, claims adjusters, logistics planners, "
                        + "medical coders, analysts, engineers and scientists, across ALE's industry clusters and all three "
                        + "tiers, some over several sessions; each with inputs, a hidden reference, a solution and a "
                        + "declarative verifier with hard gates and partial credit.",
                tasks,
                lists(tasks));
    }

    /** The note on where a task came from, for its metadata. */
    static String source(long seed) {
        return "Synthetic task of the ALE SDK starter pack, written by "
                + "dev.ale.samples.packgen.starter.StarterPackGenerator with seed " + seed
                + ". All people, organisations, products, codes, rules and figures are fictional.";
    }

    private static Map<String, List<String>> lists(List<TaskFiles> tasks) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        lists.put("smoke", SMOKE);
        List<String> multi = new ArrayList<>();
        Map<String, List<String>> tiers = new LinkedHashMap<>();
        for (String tier : List.of("near-term", "full-spectrum", "last-exam")) {
            tiers.put(tier, new ArrayList<>());
        }
        for (TaskFiles task :
                tasks.stream().sorted((a, b) -> a.id().compareTo(b.id())).toList()) {
            JsonNode spec = taskJson(task);
            if (spec.path("sessions").size() > 1) {
                multi.add(task.id());
            }
            tiers.get(task.meta().tier()).add(task.id());
        }
        lists.put("multi-session", multi);
        lists.putAll(tiers);
        return lists;
    }

    private static JsonNode taskJson(TaskFiles task) {
        try {
            return MAPPER.readTree(task.files().get("task.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
