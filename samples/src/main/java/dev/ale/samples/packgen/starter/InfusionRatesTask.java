package dev.ale.samples.packgen.starter;

import static dev.ale.samples.packgen.starter.Grading.columns;

import java.math.BigDecimal;
import java.util.Random;

/**
 * {@code iv-infusion-rates}: pump rates, gravity drip rates and bag durations for continuous
 * infusion orders dosed per kilogram per minute, per minute, per hour, or in units, on a training
 * formulary of fictional products. Educational and fictional: not clinical guidance.
 */
final class InfusionRatesTask {
    static final String ID = "iv-infusion-rates";

    /** product, dose unit, dose range, drug amount, amount unit, bag volume. */
    private record Plan(
            String drug,
            String doseUnit,
            double minDose,
            double maxDose,
            int doseScale,
            String amount,
            String amountUnit,
            int bagMl) {}

    private static final Plan[] PLANS = {
        new Plan("Dopravel", "mcg/kg/min", 2, 12, 1, "400", "mg", 250),
        new Plan("Norepinal", "mcg/min", 2, 20, 0, "4", "mg", 250),
        new Plan("Heparonix", "units/h", 800, 1600, -2, "25000", "units", 250),
        new Plan("Insulane R", "units/h", 2, 12, 1, "100", "units", 100),
        new Plan("Amiodarel", "mg/h", 30, 60, 0, "450", "mg", 250),
        new Plan("Vasopressal", "units/min", 0.02, 0.04, 2, "20", "units", 100),
        new Plan("Dobutrel", "mcg/kg/min", 2.5, 15, 1, "500", "mg", 250),
        new Plan("Magnosulf", "mg/min", 15, 35, 0, "4000", "mg", 100),
        new Plan("Oxytonil", "units/h", 0.6, 3, 1, "30", "units", 500),
        new Plan("Nitroglin", "mcg/min", 5, 60, 0, "50", "mg", 250),
        new Plan("Esmolar", "mcg/kg/min", 50, 200, 0, "2500", "mg", 250),
        new Plan("Propofen", "mcg/kg/min", 10, 60, 0, "1000", "mg", 100),
    };
    private static final int[] DROP_FACTORS = {10, 15, 20, 60};

    private InfusionRatesTask() {}

    static void generate(StarterTask task, Random random) {
        Table orders = new Table(
                "order_id,weight_kg,drug,dose,dose_unit,drug_amount,drug_amount_unit,bag_volume_ml,drop_factor_gtt_per_ml");
        Table rates = new Table("order_id,rate_ml_per_h,drops_per_min,hours_per_bag");
        for (int i = 0; i < PLANS.length * 2 - 4; i++) {
            Plan p = PLANS[i % PLANS.length];
            BigDecimal weight;
            BigDecimal dose;
            int factor;
            BigDecimal rate;
            do {
                weight = Dec.random(random, 48, 115, 1);
                dose = p.doseScale() >= 0
                        ? Dec.random(random, p.minDose(), p.maxDose(), p.doseScale())
                        : Dec.of(50L
                                * Math.round((p.minDose() + random.nextDouble() * (p.maxDose() - p.minDose())) / 50));
                factor = DROP_FACTORS[random.nextInt(DROP_FACTORS.length)];
                BigDecimal exact = Dec.div(hourly(p, dose, weight).multiply(Dec.of(p.bagMl())), Dec.of(p.amount()));
                rate = Dec.round(exact, 1);
                if (rate.signum() > 0
                        && Dec.clearOfTie(exact, 1)
                        && Dec.clearOfTie(Dec.div(rate.multiply(Dec.of(factor)), Dec.of(60)), 0)
                        && Dec.clearOfTie(Dec.div(Dec.of(p.bagMl()), rate), 2)) {
                    break;
                }
            } while (true);
            String id = "IV-" + (7301 + i);
            orders.row(id, weight, p.drug(), dose, p.doseUnit(), p.amount(), p.amountUnit(), p.bagMl(), factor);
            rates.row(
                    id,
                    rate,
                    Dec.div(rate.multiply(Dec.of(factor)), Dec.of(60), 0),
                    Dec.div(Dec.of(p.bagMl()), rate, 2));
        }
        task.input("infusion_orders.csv", orders);
        task.csv("infusion_rates.csv", rates, "order_id")
                .rows("pump rates", 5, columns().num(0.05, "rate_ml_per_h"))
                .rows("drip rates", 2, columns().num(0, "drops_per_min"))
                .rows("bag durations", 2, columns().num(0.01, "hours_per_bag"));
        task.instructions(instruction(rates));
    }

    /** The ordered amount per hour, in the unit of the bag's drug amount (mg or units). */
    private static BigDecimal hourly(Plan p, BigDecimal dose, BigDecimal weight) {
        return switch (p.doseUnit()) {
            case "mcg/kg/min" -> dose.multiply(weight).multiply(Dec.of(60)).movePointLeft(3);
            case "mcg/min" -> dose.multiply(Dec.of(60)).movePointLeft(3);
            case "mg/min", "units/min" -> dose.multiply(Dec.of(60));
            case "mg/h", "units/h" -> dose;
            default -> throw new IllegalArgumentException(p.doseUnit());
        };
    }

    private static String instruction(Table rates) {
        return """
                Training exercise (fictional products and patients; not clinical guidance). You are the \
                charge nurse checking the continuous-infusion orders of a step-down unit before the pumps are \
                programmed.

                `infusion_orders.csv` in the workspace gives, for each order, the patient's weight in kg, the \
                ordered dose and its unit (mcg/kg/min, mcg/min, mg/min, mg/h, units/min or units/h), the \
                amount of drug in the bag (mg or units), the bag volume in mL and the drop factor of the \
                gravity tubing (drops per mL).

                Rules, for each order:
                1. The amount per hour in the bag's unit: mcg/kg/min x weight x 60 / 1000 (mg/h); mcg/min x \
                60 / 1000 (mg/h); mg/min x 60; units/min x 60; mg/h and units/h as ordered.
                2. The concentration = drug_amount / bag_volume_ml.
                3. rate_ml_per_h = amount per hour / concentration, rounded to 1 decimal place (half up).
                4. drops_per_min = rate_ml_per_h (as rounded) x drop factor / 60, rounded to a whole number \
                (half up).
                5. hours_per_bag = bag_volume_ml / rate_ml_per_h (as rounded), rounded to 2 decimal places.

                Write `infusion_rates.csv` with the header `{header}` and one row per order.

                Grading: rows are matched by order_id; rate_ml_per_h is graded within 0.05, drops_per_min \
                must be exact and hours_per_bag is graded within 0.01; rows for unknown orders cost credit."""
                .replace("{header}", rates.headerLine());
    }
}
