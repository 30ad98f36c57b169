package dev.ale.samples;

import dev.ale.api.SessionOutcome;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The agent's rules for infusion rates. Deliberately imperfect: it converts microgram and
 * milligram doses but has no rule for doses in units, so it leaves those orders out.
 */
final class InfusionCalculator {
    private static final String OUTPUT = "infusion_rates.csv";

    private InfusionCalculator() {}

    static SessionOutcome solve(AgentWorkspace ws, String instruction) throws IOException {
        if (!Instructions.asksFor(instruction, OUTPUT, "order_id,rate_ml_per_h,drops_per_min,hours_per_bag")) {
            return SessionOutcome.gaveUp("unexpected output format");
        }
        ws.list();
        SimpleCsv.Writer out = new SimpleCsv.Writer(Instructions.header(instruction, OUTPUT));
        int skipped = 0;
        for (Map<String, String> o : ws.csv("infusion_orders.csv")) {
            BigDecimal dose = Num.of(o.get("dose"));
            BigDecimal perHour =
                    switch (o.get("dose_unit")) {
                        case "mcg/kg/min" -> dose.multiply(Num.of(o.get("weight_kg")))
                                .multiply(Num.of(60))
                                .movePointLeft(3);
                        case "mcg/min" -> dose.multiply(Num.of(60)).movePointLeft(3);
                        case "mg/min" -> dose.multiply(Num.of(60));
                        case "mg/h" -> dose;
                        default -> null;
                    };
            if (perHour == null) {
                skipped++;
                continue;
            }
            BigDecimal volume = Num.of(o.get("bag_volume_ml"));
            BigDecimal rate = Num.div(perHour.multiply(volume), Num.of(o.get("drug_amount")), 1);
            out.row(
                    o.get("order_id"),
                    rate,
                    Num.div(rate.multiply(Num.of(o.get("drop_factor_gtt_per_ml"))), Num.of(60), 0),
                    Num.div(volume, rate, 2));
        }
        ws.think("Left out " + skipped + " orders dosed in units: no conversion rule for them.");
        ws.write(OUTPUT, out.text());
        return SessionOutcome.completed();
    }
}
