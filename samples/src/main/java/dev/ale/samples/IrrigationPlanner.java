package dev.ale.samples;

import dev.ale.api.SessionOutcome;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/** The agent's rules for an irrigation plan: crop water use from ET0 and Kc, effective rain, efficiency. */
final class IrrigationPlanner {
    private static final String PLAN = "irrigation_plan.csv";

    private IrrigationPlanner() {}

    static SessionOutcome solve(AgentWorkspace ws, String instruction) throws IOException {
        BigDecimal threshold = Instructions.number(instruction, "days with at least (\\d+(?:\\.\\d+)?) mm of rain");
        BigDecimal share = Instructions.number(instruction, "of (0\\.\\d+) x rain");
        if (threshold == null
                || share == null
                || !Instructions.asksFor(
                        instruction, PLAN, "field_id,etc_mm,effective_rain_mm,net_mm,gross_mm,volume_m3")) {
            return SessionOutcome.gaveUp("could not read the effective-rain rule or the plan format");
        }
        ws.list();
        Map<String, BigDecimal> kc = new HashMap<>();
        for (Map<String, String> row : ws.csv("kc_table.csv")) {
            kc.put(row.get("crop") + "|" + row.get("stage"), Num.of(row.get("kc")));
        }
        BigDecimal et0 = BigDecimal.ZERO;
        BigDecimal rain = BigDecimal.ZERO;
        for (Map<String, String> day : ws.csv("weather_forecast.csv")) {
            et0 = et0.add(Num.of(day.get("et0_mm")));
            BigDecimal r = Num.of(day.get("rain_mm"));
            rain = rain.add(r.compareTo(threshold) >= 0 ? r.multiply(share) : BigDecimal.ZERO);
        }
        ws.think("Weekly ET0 " + et0 + " mm, effective rain " + rain + " mm.");
        SimpleCsv.Writer plan = new SimpleCsv.Writer(Instructions.header(instruction, PLAN));
        BigDecimal total = BigDecimal.ZERO;
        int needing = 0;
        for (Map<String, String> f : ws.csv("fields.csv")) {
            BigDecimal etc = et0.multiply(kc.get(f.get("crop") + "|" + f.get("stage")));
            BigDecimal net = Num.round(
                    etc.subtract(rain)
                            .subtract(Num.of(f.get("soil_water_credit_mm")))
                            .max(BigDecimal.ZERO),
                    2);
            BigDecimal gross = Num.div(net.multiply(Num.of(100)), Num.of(f.get("application_efficiency_pct")), 2);
            BigDecimal volume =
                    Num.round(gross.multiply(Num.of(f.get("area_ha"))).multiply(Num.of(10)), 1);
            plan.row(f.get("field_id"), Num.round(etc, 2), Num.round(rain, 2), net, gross, volume);
            total = total.add(volume);
            needing += net.signum() > 0 ? 1 : 0;
        }
        ws.write(PLAN, plan.text());
        ws.writeJson(
                "irrigation_totals.json",
                AgentWorkspace.object().put("total_volume_m3", total).put("fields_needing_irrigation", needing));
        return SessionOutcome.completed();
    }
}
