package dev.ale.samples.packgen.starter;

import static dev.ale.samples.packgen.starter.Grading.columns;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code qpcr-fold-change}: relative expression by the comparative Ct (2^-ddCt) method from a
 * qPCR plate of triplicates: unusable wells and outlying replicates left out, normalisation to
 * GAPDH, and fold change of treated against control samples.
 */
final class QpcrFoldChangeTask {
    static final String ID = "qpcr-fold-change";
    static final String REFERENCE_GENE = "GAPDH";
    private static final String[] SAMPLES = {"CTRL-1", "CTRL-2", "CTRL-3", "TRT-1", "TRT-2", "TRT-3"};
    /** gene, control mean Ct shift above GAPDH, treated shift. */
    private static final String[][] GENES = {
        {REFERENCE_GENE, "0", "0"}, {"IL6", "8.6", "5.4"}, {"TNF", "10.2", "8.9"}, {"HMOX1", "6.1", "6.5"}
    };

    private QpcrFoldChangeTask() {}

    static void generate(StarterTask task, Random random) {
        Table plate = new Table("well,sample,condition,gene,ct");
        Map<String, List<String>> wells = new LinkedHashMap<>();
        int well = 0;
        for (String[] g : GENES) {
            for (int s = 0; s < SAMPLES.length; s++) {
                double base =
                        18.4 + 0.15 * (s % 3) + Double.parseDouble(g[s < 3 ? 1 : 2]) + random.nextGaussian() * 0.25;
                List<String> cts = new ArrayList<>();
                for (int r = 0; r < 3; r++) {
                    double ct = base + random.nextGaussian() * 0.12;
                    cts.add(Dec.of(ct, 2).toPlainString());
                }
                wells.put(SAMPLES[s] + "|" + g[0], cts);
            }
        }
        // Damage a few wells: outliers, a failed well and one past the cycle limit.
        outlier(wells, "CTRL-2|IL6", 1, "1.35");
        outlier(wells, "TRT-3|TNF", 2, "-0.95");
        outlier(wells, "TRT-1|" + REFERENCE_GENE, 0, "0.88");
        outlier(wells, "CTRL-3|HMOX1", 2, "0.71");
        wells.get("TRT-2|HMOX1").set(1, "Undetermined");
        wells.get("CTRL-1|TNF").set(0, "35.62");
        for (Map.Entry<String, List<String>> e : wells.entrySet()) {
            String[] key = e.getKey().split("\\|");
            for (String ct : e.getValue()) {
                plate.row(
                        String.valueOf((char) ('A' + well / 12)) + (well % 12 + 1),
                        key[0],
                        key[0].startsWith("CTRL") ? "CONTROL" : "TREATED",
                        key[1],
                        ct);
                well++;
            }
        }

        Map<String, double[]> means = new LinkedHashMap<>();
        wells.forEach((k, cts) -> means.put(k, kept(cts)));
        Table result = new Table("sample,gene,replicates_used,mean_ct,delta_ct,delta_delta_ct,fold_change");
        for (int g = 1; g < GENES.length; g++) {
            String gene = GENES[g][0];
            double controlMean = 0;
            for (int s = 0; s < 3; s++) {
                controlMean += delta(means, SAMPLES[s], gene) / 3;
            }
            for (String sample : SAMPLES) {
                double dct = delta(means, sample, gene);
                double ddct = dct - controlMean;
                result.row(
                        sample,
                        gene,
                        (int) means.get(sample + "|" + gene)[1],
                        Dec.of(means.get(sample + "|" + gene)[0], 3),
                        Dec.of(dct, 3),
                        Dec.of(ddct, 3),
                        Dec.of(StrictMath.pow(2, -ddct), 3));
            }
        }
        task.input("ct_values.csv", plate);
        List<String> key = List.of("sample", "gene");
        task.csv("fold_change.csv", result, "sample", "gene")
                .rows("replicates", 2, columns().num(0, "replicates_used"))
                .rows("normalised Ct", 3, columns().num(0.002, "mean_ct", "delta_ct"))
                .rows("fold change", 4, columns().num(0.002, "delta_delta_ct").rel(0.005, "fold_change"));
        task.instructions(instruction(result));
    }

    private static void outlier(Map<String, List<String>> wells, String key, int replicate, String shift) {
        List<String> cts = wells.get(key);
        cts.set(replicate, Dec.of(cts.get(replicate)).add(Dec.of(shift)).toPlainString());
    }

    /** The mean Ct of the usable, non-outlying replicates and their number. */
    private static double[] kept(List<String> cts) {
        List<BigDecimal> usable = new ArrayList<>();
        for (String ct : cts) {
            if (!ct.equals("Undetermined") && Dec.of(ct).compareTo(Dec.of("35.00")) <= 0) {
                usable.add(Dec.of(ct));
            }
        }
        List<BigDecimal> keep = new ArrayList<>(usable);
        if (usable.size() == 3) {
            List<BigDecimal> sorted = new ArrayList<>(usable);
            sorted.sort(null);
            BigDecimal median = sorted.get(1);
            keep.removeIf(ct -> ct.subtract(median).abs().compareTo(Dec.of("0.50")) > 0);
        }
        BigDecimal sum = Dec.sum(keep);
        return new double[] {Dec.div(sum, Dec.of(keep.size())).doubleValue(), keep.size()};
    }

    private static double delta(Map<String, double[]> means, String sample, String gene) {
        return means.get(sample + "|" + gene)[0] - means.get(sample + "|" + REFERENCE_GENE)[0];
    }

    private static String instruction(Table result) {
        return """
                You are a research associate in a cell-biology lab. Analyse the qPCR plate of yesterday's \
                experiment (macrophages treated with a stimulus, three control and three treated samples) \
                with the comparative Ct method.

                `ct_values.csv` in the workspace has one row per well: sample, condition (CONTROL or \
                TREATED), gene and Ct, in technical triplicates. GAPDH is the reference gene; IL6, TNF and \
                HMOX1 are the targets.

                Rules:
                1. A well is unusable when its Ct is Undetermined or above 35.00.
                2. For a sample and gene with three usable replicates, leave out every replicate whose Ct \
                differs from the median of the three by more than 0.50. With fewer usable replicates, keep \
                them all. replicates_used = the number kept; mean_ct = their mean.
                3. delta_ct = mean_ct of the target gene - mean_ct of GAPDH in the same sample.
                4. For each target gene, the calibrator is the mean delta_ct of the three CONTROL samples; \
                delta_delta_ct = delta_ct - calibrator; fold_change = 2 ^ (-delta_delta_ct).
                Carry full precision through the calculation and round only when writing: mean_ct, delta_ct, \
                delta_delta_ct and fold_change to 3 decimal places.

                Write `fold_change.csv` with the header `{header}` and one row per sample and target gene \
                (no GAPDH rows).

                Grading: rows are matched by sample and gene; replicates_used must be exact, Ct values are \
                graded within 0.002 and fold_change within 0.5%; rows that do not belong cost credit."""
                .replace("{header}", result.headerLine());
    }
}
