package dev.ale.samples;

import dev.ale.api.SessionOutcome;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/** The agent's rules for a solution preparation sheet: weigh solids (purity-corrected), dilute stocks (C1 V1 = C2 V2). */
final class SolutionPrep {
    private static final String SHEET = "prep_sheet.csv";

    private SolutionPrep() {}

    static SessionOutcome solve(AgentWorkspace ws, String instruction) throws IOException {
        BigDecimal minimum = Instructions.number(instruction, "below (\\d+(?:\\.\\d+)?) mL");
        if (minimum == null
                || !Instructions.asksFor(
                        instruction,
                        SHEET,
                        "request_id,method,solute_mass_g,stock_volume_ml,solvent_volume_ml,pipette_flag")) {
            return SessionOutcome.gaveUp("unexpected preparation sheet format");
        }
        ws.list();
        Map<String, Map<String, String>> reagents = new HashMap<>();
        ws.csv("reagents.csv").forEach(r -> reagents.put(r.get("reagent"), r));
        SimpleCsv.Writer sheet = new SimpleCsv.Writer(Instructions.header(instruction, SHEET));
        for (Map<String, String> req : ws.csv("requests.csv")) {
            Map<String, String> r = reagents.get(req.get("reagent"));
            if (r == null) {
                return SessionOutcome.gaveUp("request " + req.get("request_id") + " names an unknown reagent");
            }
            BigDecimal molar = Num.of(req.get("target_concentration"))
                    .movePointLeft(
                            switch (req.get("unit")) {
                                case "M" -> 0;
                                case "mM" -> 3;
                                default -> 6;
                            });
            BigDecimal volume = Num.of(req.get("final_volume_ml"));
            if (r.get("form").equals("SOLID")) {
                BigDecimal grams = molar.multiply(volume).movePointLeft(3).multiply(Num.of(r.get("molar_mass_g_mol")));
                sheet.row(
                        req.get("request_id"),
                        "WEIGH",
                        Num.div(grams.multiply(Num.of(100)), Num.of(r.get("purity_pct")), 4),
                        null,
                        null,
                        null);
            } else {
                BigDecimal stock = Num.div(molar.multiply(volume), Num.of(r.get("stock_concentration_M")), 2);
                sheet.row(
                        req.get("request_id"),
                        "DILUTE",
                        null,
                        stock,
                        Num.round(volume.subtract(stock), 2),
                        stock.compareTo(minimum) < 0 ? "YES" : "NO");
            }
        }
        ws.write(SHEET, sheet.text());
        return SessionOutcome.completed();
    }
}
