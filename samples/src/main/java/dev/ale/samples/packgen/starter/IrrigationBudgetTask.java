package dev.ale.samples.packgen.starter;

import static dev.ale.samples.packgen.starter.Grading.columns;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.samples.packgen.Formats;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Random;

/**
 * {@code irrigation-water-budget}: next week's irrigation plan of a farm's fields from the
 * reference evapotranspiration forecast, crop coefficients by growth stage, effective rainfall,
 * soil-water credit and the application efficiency of each field's system.
 */
final class IrrigationBudgetTask {
    static final String ID = "irrigation-water-budget";
    private static final String[][] KC = Catalogs.table(ID, "KC");
    private static final String[][] SYSTEMS = Catalogs.table(ID, "SYSTEMS");

    private IrrigationBudgetTask() {}

    static void generate(StarterTask task, Random random) {
        Table kc = new Table("crop,stage,kc").addAll(KC);
        Table weather = new Table("date,et0_mm,rain_mm");
        BigDecimal[] et0 = new BigDecimal[7];
        BigDecimal[] rain = new BigDecimal[7];
        BigDecimal effectiveRain = BigDecimal.ZERO;
        for (int d = 0; d < 7; d++) {
            et0[d] = Dec.random(random, 4.2, 8.4, 1);
            double r = random.nextDouble();
            rain[d] = r < 0.7
                    ? Dec.of("0.0")
                    : r < 0.85 ? Dec.random(random, 0.2, 4.9, 1) : Dec.random(random, 5.0, 9.0, 1);
            if (d == 1 || d == 3) {
                rain[d] = Dec.of(d == 1 ? "3.8" : "5.0");
            }
            weather.row(LocalDate.of(2025, 6, 16).plusDays(d), et0[d], rain[d]);
            if (rain[d].compareTo(Dec.of(5)) >= 0) {
                effectiveRain = effectiveRain.add(rain[d].multiply(Dec.of("0.8")));
            }
        }
        Table fields = new Table("field_id,crop,stage,area_ha,system,application_efficiency_pct,soil_water_credit_mm");
        Table plan = new Table("field_id,etc_mm,effective_rain_mm,net_mm,gross_mm,volume_m3");
        BigDecimal totalVolume = BigDecimal.ZERO;
        int needing = 0;
        for (int f = 0; f < 12; f++) {
            Field field = field(random, f, et0, effectiveRain);
            String id = "F-" + (char) ('A' + f / 4) + (f % 4 + 1);
            fields.row(
                    id,
                    field.crop(),
                    field.stage(),
                    field.area(),
                    field.system(),
                    field.efficiencyPct(),
                    field.credit());
            BigDecimal volume = Dec.round(field.gross().multiply(field.area()).multiply(Dec.of(10)), 1);
            plan.row(id, Dec.round(field.etc(), 2), Dec.round(effectiveRain, 2), field.net(), field.gross(), volume);
            totalVolume = totalVolume.add(volume);
            needing += field.net().signum() > 0 ? 1 : 0;
        }
        ObjectNode totals = Formats.object();
        totals.set("total_volume_m3", Formats.number(totalVolume));
        totals.put("fields_needing_irrigation", needing);
        task.input("fields.csv", fields);
        task.input("kc_table.csv", kc);
        task.input("weather_forecast.csv", weather);
        task.csv("irrigation_plan.csv", plan, "field_id")
                .rows("crop water use", 3, columns().num(0.01, "etc_mm", "effective_rain_mm"))
                .rows(
                        "irrigation requirement",
                        5,
                        columns().num(0.01, "net_mm", "gross_mm").num(0.1, "volume_m3"));
        task.json("irrigation_totals.json", totals).fields("totals", 1, 0.1);
        task.instructions(instruction(plan));
    }

    /**
     * One field as drawn: crop and stage, irrigation system and its efficiency, area, soil water
     * credit, and the crop water use, net and gross depths its plan needs.
     */
    private record Field(
            String crop,
            String stage,
            String system,
            String efficiencyPct,
            BigDecimal area,
            BigDecimal credit,
            BigDecimal etc,
            BigDecimal net,
            BigDecimal gross) {}

    /** Draws field {@code f} again until none of its rounded figures sits on a rounding tie. */
    private static Field field(Random random, int f, BigDecimal[] et0, BigDecimal effectiveRain) {
        while (true) {
            String[] k = KC[random.nextInt(KC.length)];
            String[] system = SYSTEMS[random.nextInt(SYSTEMS.length)];
            BigDecimal area = Dec.random(random, 4, 65, 1);
            BigDecimal credit = f == 5 ? Dec.of("60.0") : Dec.random(random, 0, 9, 1);
            BigDecimal etc = BigDecimal.ZERO;
            for (BigDecimal e : et0) {
                etc = etc.add(e.multiply(Dec.of(k[2])));
            }
            BigDecimal exactNet = etc.subtract(effectiveRain).subtract(credit).max(BigDecimal.ZERO);
            BigDecimal net = Dec.round(exactNet, 2);
            BigDecimal exactGross = Dec.div(net.multiply(Dec.HUNDRED), Dec.of(system[1]));
            BigDecimal gross = Dec.round(exactGross, 2);
            if (Dec.clearOfTie(etc, 2)
                    && Dec.clearOfTie(exactNet, 2)
                    && Dec.clearOfTie(exactGross, 2)
                    && Dec.clearOfTie(gross.multiply(area).multiply(Dec.of(10)), 1)) {
                return new Field(k[0], k[1], system[0], system[1], area, credit, etc, net, gross);
            }
        }
    }

    private static String instruction(Table plan) {
        return """
                You are the agronomist of Sandy Creek Farms. Work out next week's irrigation (16-22 June \
                2025) for each field, so the irrigation crew can schedule the pumps.

                Files in the workspace:
                - `fields.csv`: each field's crop and growth stage, area in hectares, irrigation system with \
                its application efficiency (percent), and the soil-water credit (mm of plant-available water \
                already stored above the refill point).
                - `kc_table.csv`: the crop coefficient (Kc) by crop and growth stage.
                - `weather_forecast.csv`: the daily reference evapotranspiration (ET0, mm) and rain (mm).

                Rules, for each field:
                1. etc_mm = the sum over the 7 days of ET0 x Kc.
                2. effective_rain_mm = the sum over the days with at least 5.0 mm of rain of 0.8 x rain; a day \
                with less than 5.0 mm contributes nothing.
                3. net_mm = max(0, etc_mm - effective_rain_mm - soil_water_credit_mm), rounded to 2 decimal \
                places (half up).
                4. gross_mm = net_mm (as rounded) / (application_efficiency_pct / 100), rounded to 2 decimal \
                places.
                5. volume_m3 = gross_mm (as rounded) x area_ha x 10, rounded to 1 decimal place.
                etc_mm and effective_rain_mm are written rounded to 2 decimal places.

                Write `irrigation_plan.csv` with the header `{header}` and one row per field, and \
                `irrigation_totals.json`: one JSON object with "total_volume_m3" (the sum of the volume_m3 \
                column) and "fields_needing_irrigation" (fields with net_mm above 0).

                Grading: rows are matched by field_id; millimetres are graded within 0.01 and volumes within \
                0.1; rows for unknown fields cost credit."""
                .replace("{header}", plan.headerLine());
    }
}
