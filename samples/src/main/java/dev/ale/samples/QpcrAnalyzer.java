package dev.ale.samples;

import dev.ale.api.SessionOutcome;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent's rules for qPCR relative expression by 2^-ddCt. Deliberately imperfect: it drops
 * undetermined wells and wells past the cycle limit, but it keeps outlying replicates.
 */
final class QpcrAnalyzer {
    private static final String OUTPUT = "fold_change.csv";
    private static final String REFERENCE = "GAPDH";

    private QpcrAnalyzer() {}

    static SessionOutcome solve(AgentWorkspace ws, String instruction) throws IOException {
        BigDecimal limit = Instructions.number(instruction, "Undetermined or above (\\d+(?:\\.\\d+)?)");
        if (limit == null
                || !Instructions.asksFor(
                        instruction,
                        OUTPUT,
                        "sample,gene,replicates_used,mean_ct,delta_ct,delta_delta_ct,fold_change")) {
            return SessionOutcome.gaveUp("unexpected rules or output format");
        }
        ws.list();
        Map<String, List<BigDecimal>> wells = new LinkedHashMap<>();
        Map<String, String> condition = new LinkedHashMap<>();
        List<String> genes = new ArrayList<>();
        for (Map<String, String> w : ws.csv("ct_values.csv")) {
            List<BigDecimal> cts = wells.computeIfAbsent(w.get("sample") + "|" + w.get("gene"), k -> new ArrayList<>());
            condition.put(w.get("sample"), w.get("condition"));
            if (!genes.contains(w.get("gene")) && !w.get("gene").equals(REFERENCE)) {
                genes.add(w.get("gene"));
            }
            String ct = w.get("ct").trim();
            if (ct.matches("\\d+(\\.\\d+)?") && new BigDecimal(ct).compareTo(limit) <= 0) {
                cts.add(new BigDecimal(ct));
            }
        }
        SimpleCsv.Writer out = new SimpleCsv.Writer(Instructions.header(instruction, OUTPUT));
        for (String gene : genes) {
            double calibrator = 0;
            int controls = 0;
            for (String sample : condition.keySet()) {
                if (condition.get(sample).equals("CONTROL")) {
                    calibrator += mean(wells, sample, gene) - mean(wells, sample, REFERENCE);
                    controls++;
                }
            }
            calibrator /= controls;
            for (String sample : condition.keySet()) {
                double dct = mean(wells, sample, gene) - mean(wells, sample, REFERENCE);
                double ddct = dct - calibrator;
                out.row(
                        sample,
                        gene,
                        wells.get(sample + "|" + gene).size(),
                        round(mean(wells, sample, gene)),
                        round(dct),
                        round(ddct),
                        round(Math.pow(2, -ddct)));
            }
        }
        ws.write(OUTPUT, out.text());
        return SessionOutcome.completed();
    }

    private static double mean(Map<String, List<BigDecimal>> wells, String sample, String gene) {
        List<BigDecimal> cts = wells.get(sample + "|" + gene);
        return cts.stream().reduce(BigDecimal.ZERO, BigDecimal::add).doubleValue() / cts.size();
    }

    private static BigDecimal round(double value) {
        return Num.round(new BigDecimal(value), 3);
    }
}
