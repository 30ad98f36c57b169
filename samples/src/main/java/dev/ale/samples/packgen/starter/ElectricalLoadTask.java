package dev.ale.samples.packgen.starter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.samples.packgen.Formats;
import java.math.BigDecimal;
import java.util.Random;

/**
 * {@code electrical-load-calc}: a dwelling service load calculation by a fictional code's
 * standard method: general lighting and small-appliance load with tiered demand factors, fixed
 * appliances at 75% when there are four or more, dryer and range minimums, the larger of heating
 * and cooling, a quarter of the largest motor, and the service size.
 */
final class ElectricalLoadTask {
    static final String ID = "electrical-load-calc";
    private static final int[] SERVICE_SIZES = {100, 125, 150, 200, 225, 400};
    /** appliance, category, min VA, max VA, is motor. */
    private static final String[][] APPLIANCES = Catalogs.table(ID, "APPLIANCES");

    private ElectricalLoadTask() {}

    static void generate(StarterTask task, Random random) {
        int area = 10 * Formats.between(random, 140, 360);
        int smallAppliance = 2 + random.nextInt(2);
        ObjectNode building = Formats.object()
                .put("address", "14 Alder Court (fictional)")
                .put("floor_area_ft2", area)
                .put("small_appliance_circuits", smallAppliance)
                .put("laundry_circuits", 1)
                .put("service_voltage", 240);
        Table appliances = new Table("appliance,category,va,is_motor");
        int fixedCount = 0;
        long fixed = 0;
        long dryer = 0;
        long range = 0;
        long heating = 0;
        long cooling = 0;
        long largestMotor = 0;
        for (int i = 0; i < APPLIANCES.length; i++) {
            String[] a = APPLIANCES[i];
            if (a[1].equals("FIXED") && i >= 3 + random.nextInt(3)) {
                continue;
            }
            long va = 10L * Formats.between(random, Integer.parseInt(a[2]) / 10, Integer.parseInt(a[3]) / 10);
            appliances.row(a[0], a[1], va, a[4]);
            switch (a[1]) {
                case "FIXED" -> {
                    fixedCount++;
                    fixed += va;
                }
                case "DRYER" -> dryer = Math.max(5000, va);
                case "RANGE" -> range = va <= 12000 ? 8000 : 8000 + 400 * ((va - 12000 + 999) / 1000);
                case "HEATING" -> heating = va;
                case "COOLING" -> cooling = va;
                default -> throw new IllegalStateException(a[1]);
            }
            if (a[4].equals("Y")) {
                largestMotor = Math.max(largestMotor, va);
            }
        }
        long general = 3L * area + 1500L * smallAppliance + 1500;
        long generalDemand = Math.min(general, 3000)
                + Dec.round(Dec.of("0.35").multiply(Dec.of(Math.max(0, Math.min(general, 120_000) - 3000))), 0)
                        .longValue()
                + Dec.round(Dec.of("0.25").multiply(Dec.of(Math.max(0, general - 120_000))), 0)
                        .longValue();
        long fixedDemand = fixedCount >= 4
                ? Dec.round(Dec.of(fixed).multiply(Dec.of("0.75")), 0).longValue()
                : fixed;
        long hvac = Math.max(heating, cooling);
        long motorAdder =
                Dec.round(Dec.of(largestMotor).multiply(Dec.of("0.25")), 0).longValue();
        long total = generalDemand + fixedDemand + dryer + range + hvac + motorAdder;
        BigDecimal amps = Dec.div(Dec.of(total), Dec.of(240), 2);
        int size = 0;
        for (int s : SERVICE_SIZES) {
            if (size == 0 && Dec.of(s).compareTo(amps) >= 0) {
                size = s;
            }
        }
        ObjectNode result = Formats.object()
                .put("general_load_va", general)
                .put("general_demand_va", generalDemand)
                .put("fixed_appliance_demand_va", fixedDemand)
                .put("dryer_va", dryer)
                .put("range_va", range)
                .put("hvac_va", hvac)
                .put("largest_motor_adder_va", motorAdder)
                .put("total_demand_va", total);
        result.set("service_amps", Formats.number(amps));
        result.put("service_size_a", size);
        task.input("building.json", building);
        task.input("appliances.csv", appliances);
        task.input("load_calc_rules.md", rules());
        task.json("load_calc.json", result)
                .fieldsAt(
                        "load components",
                        6,
                        0,
                        "/general_load_va",
                        "/general_demand_va",
                        "/fixed_appliance_demand_va",
                        "/dryer_va",
                        "/range_va",
                        "/hvac_va",
                        "/largest_motor_adder_va",
                        "/total_demand_va")
                .number("service amps", 2, "/service_amps", 0.01)
                .number("service size", 2, "/service_size_a", 0);
        task.instructions(instruction());
    }

    private static String rules() {
        return """
                ARDMORE RESIDENTIAL ELECTRICAL CODE (fictional) - SERVICE LOAD, STANDARD METHOD

                1. General load = 3 VA per square foot of floor area + 1500 VA per small-appliance circuit + \
                1500 VA per laundry circuit.
                2. General demand = the first 3000 VA at 100% + the part from 3001 to 120000 VA at 35% (rounded \
                to a whole VA, half up) + anything above 120000 VA at 25%.
                3. Fixed appliances (category FIXED): their total VA at 100%, or at 75% (rounded to a whole \
                VA, half up) when there are four or more of them.
                4. Clothes dryer: 5000 VA or its nameplate VA, whichever is larger.
                5. Range: 8000 VA for a nameplate up to 12000 VA; above that, 8000 VA plus 400 VA for each \
                started 1000 VA above 12000 VA.
                6. Heating and cooling are not used at the same time: count only the larger of the two.
                7. Add 25% of the VA of the largest motor (is_motor = Y), rounded to a whole VA, half up.
                8. Total demand = the sum of items 2 to 7. Service current = total demand / service voltage.
                9. Service size: the smallest standard rating of 100, 125, 150, 200, 225 or 400 A that is \
                at least the service current.""";
    }

    private static String instruction() {
        return """
                You are an electrical designer preparing the permit application for a house renovation. \
                Calculate the service load.

                Files in the workspace: `building.json` (floor area, circuits, service voltage), \
                `appliances.csv` (each appliance's category, nameplate VA and whether it is a motor) and \
                `load_calc_rules.md` (the code's standard method).

                Write `load_calc.json`: one JSON object with "general_load_va" (item 1), "general_demand_va" \
                (item 2), "fixed_appliance_demand_va" (item 3), "dryer_va" (item 4), "range_va" (item 5), \
                "hvac_va" (item 6), "largest_motor_adder_va" (item 7), "total_demand_va" (item 8) as whole \
                VA, "service_amps" (the service current, rounded to 2 decimal places) and "service_size_a" \
                (item 9).

                Grading: the VA figures must be exact, service_amps within 0.01 A, and \
                service_size_a must be exact.""";
    }
}
