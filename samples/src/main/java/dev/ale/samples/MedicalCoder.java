package dev.ale.samples;

import dev.ale.api.SessionOutcome;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The agent's rules for coding encounters. Deliberately imperfect: it looks every term up in the
 * index and sorts and sums as asked, but it neither switches to paediatric variants nor leaves
 * out symptoms that belong to a coded diagnosis.
 */
final class MedicalCoder {
    private static final String OUTPUT = "coded_encounters.csv";

    private MedicalCoder() {}

    static SessionOutcome solve(AgentWorkspace ws, String instruction) throws IOException {
        if (!Instructions.asksFor(
                instruction, OUTPUT, "encounter_id,principal_dx,secondary_dx,procedure_codes,total_rvu")) {
            return SessionOutcome.gaveUp("unexpected output format");
        }
        ws.list();
        Map<String, String> index = new HashMap<>();
        ws.csv("code_index.csv").forEach(r -> index.put(r.get("term").toLowerCase(Locale.ROOT), r.get("code")));
        Map<String, BigDecimal> rvu = new HashMap<>();
        ws.csv("tabular.csv").forEach(r -> rvu.put(r.get("code"), Num.of(r.get("rvu"))));
        SimpleCsv.Writer out = new SimpleCsv.Writer(Instructions.header(instruction, OUTPUT));
        for (Map<String, String> e : ws.csv("encounters.csv")) {
            String principal = index.get(e.get("principal_diagnosis").trim().toLowerCase(Locale.ROOT));
            TreeSet<String> secondary = codes(index, e.get("other_conditions"));
            secondary.remove(principal);
            TreeSet<String> procedures = codes(index, e.get("procedures"));
            BigDecimal total = procedures.stream().map(rvu::get).reduce(new BigDecimal("0.00"), BigDecimal::add);
            out.row(e.get("encounter_id"), principal, String.join(";", secondary), String.join(";", procedures), total);
        }
        ws.write(OUTPUT, out.text());
        return SessionOutcome.completed();
    }

    private static TreeSet<String> codes(Map<String, String> index, String terms) {
        TreeSet<String> out = new TreeSet<>();
        for (String t : List.of(terms.split(";"))) {
            String code = index.get(t.trim().toLowerCase(Locale.ROOT));
            if (code != null) {
                out.add(code);
            }
        }
        return out;
    }
}
