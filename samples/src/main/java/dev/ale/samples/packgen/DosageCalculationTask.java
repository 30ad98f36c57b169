package dev.ale.samples.packgen;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;

/**
 * {@code dosage-calculation}: weight-based paediatric doses for a handful of medication orders,
 * from a training formulary of fictional products. Weights in pounds are converted to kilograms,
 * single doses are capped at the product's maximum, and volumes and daily totals follow from the
 * capped dose. Educational and fictional: not clinical guidance.
 */
final class DosageCalculationTask {
    static final String ID = "dosage-calculation";
    static final String OUTPUT = "doses.json";
    private static final BigDecimal LB_PER_KG = new BigDecimal("2.2046");
    private static final int EXPECTED_CAPPED = 3;

    private record Product(String name, String concentration, String mgPerKg, String maxMg) {}

    /** An order template: which product, a weight range and unit, and how often. */
    private record OrderPlan(int product, double minWeight, double maxWeight, String unit, String frequency) {}

    private static final Product[] PRODUCTS = {
        new Product("Amoxavel oral suspension 250 mg/5 mL", "50", "25", "500"),
        new Product("Febrinol oral solution 160 mg/5 mL", "32", "15", "750"),
        new Product("Ondrapine oral solution 4 mg/5 mL", "0.8", "0.15", "4"),
        new Product("Cefalorin injection 100 mg/mL", "100", "50", "2000"),
        new Product("Prednalone oral solution 15 mg/5 mL", "3", "1", "40"),
        new Product("Ibrufen-K oral suspension 100 mg/5 mL", "20", "10", "400"),
    };
    private static final OrderPlan[] PLANS = {
        new OrderPlan(0, 12, 19, "kg", "every 12 hours"), new OrderPlan(0, 50, 70, "lb", "every 12 hours"),
        new OrderPlan(1, 8, 20, "kg", "every 6 hours"), new OrderPlan(2, 30, 45, "kg", "every 8 hours"),
        new OrderPlan(3, 30, 60, "lb", "every 8 hours"), new OrderPlan(4, 45, 60, "kg", "once daily"),
        new OrderPlan(5, 25, 55, "lb", "every 6 hours"), new OrderPlan(2, 10, 20, "kg", "every 8 hours"),
    };

    private DosageCalculationTask() {}

    static TaskFiles generate(Random random, long seed) {
        ObjectNode formulary = Formats.object();
        formulary.put(
                "note",
                "TRAINING FORMULARY. Fictional products for a dose-calculation exercise; "
                        + "not clinical guidance and not for use with patients.");
        ArrayNode products = formulary.putArray("products");
        for (Product p : PRODUCTS) {
            ObjectNode product = products.addObject().put("product", p.name());
            product.set("concentration_mg_per_ml", Formats.number(new BigDecimal(p.concentration())));
            product.set("dose_mg_per_kg", Formats.number(new BigDecimal(p.mgPerKg())));
            product.set("max_single_dose_mg", Formats.number(new BigDecimal(p.maxMg())));
        }

        ObjectNode orders = Formats.object();
        orders.put("unit", "Paediatric day unit, training scenario");
        ArrayNode orderList = orders.putArray("orders");
        ObjectNode expected = Formats.object();
        int capped = 0;
        for (int i = 0; i < PLANS.length; i++) {
            OrderPlan plan = PLANS[i];
            Product product = PRODUCTS[plan.product()];
            BigDecimal weight = BigDecimal.valueOf(
                    Math.round(plan.minWeight() * 10)
                            + random.nextInt((int) ((plan.maxWeight() - plan.minWeight()) * 10) + 1),
                    1);
            String orderId = "RX-" + (3101 + i);
            ObjectNode order = orderList
                    .addObject()
                    .put("order_id", orderId)
                    .put("patient", "Training patient " + (char) ('A' + i));
            ObjectNode w = order.putObject("weight");
            w.set("value", Formats.number(weight));
            w.put("unit", plan.unit());
            order.put("product", product.name()).put("frequency", plan.frequency());

            BigDecimal kg = plan.unit().equals("lb") ? weight.divide(LB_PER_KG, 2, RoundingMode.HALF_UP) : weight;
            BigDecimal raw = kg.multiply(new BigDecimal(product.mgPerKg()));
            BigDecimal max = new BigDecimal(product.maxMg());
            boolean isCapped = raw.compareTo(max) > 0;
            capped += isCapped ? 1 : 0;
            BigDecimal dose = (isCapped ? max : raw).setScale(2, RoundingMode.HALF_UP);
            int perDay = plan.frequency().equals("once daily")
                    ? 1
                    : 24 / Integer.parseInt(plan.frequency().split(" ")[1]);
            ObjectNode result = expected.putObject(orderId);
            result.set("weight_kg", Formats.number(kg));
            result.set("dose_mg", Formats.number(dose));
            result.set(
                    "volume_ml",
                    Formats.number(dose.divide(new BigDecimal(product.concentration()), 1, RoundingMode.HALF_UP)));
            result.put("doses_per_day", perDay);
            result.set("daily_dose_mg", Formats.number(dose.multiply(BigDecimal.valueOf(perDay))));
            result.put("capped", isCapped);
        }
        if (capped != EXPECTED_CAPPED) {
            throw new IllegalStateException("expected " + EXPECTED_CAPPED + " capped orders, generated " + capped);
        }

        TaskFiles task = new TaskFiles(SamplePackGenerator.CARDS.get(ID));
        task.put("inputs/formulary.json", Formats.json(formulary));
        task.put("inputs/orders.json", Formats.json(orders));
        task.put("reference/expected.json", Formats.json(expected));
        task.put("solution/" + OUTPUT, Formats.json(expected));
        task.putTaskJson(List.of(instruction()), VerifierConfigs.json(OUTPUT, "expected.json", 0.005, List.of()), seed);
        return task;
    }

    private static String instruction() {
        return """
                Training exercise (fictional products and patients; not clinical guidance). You are checking \
                the medication orders of a paediatric day unit before they go to the pharmacy.

                Files in the workspace:
                - `formulary.json`: the training formulary. For each product: its concentration in mg per \
                mL, its dose in mg per kg of body weight per dose, and its maximum single dose in mg.
                - `orders.json`: the orders. Each has an order_id, the patient's weight (value and unit, kg \
                or lb), the product and the frequency ("every N hours" or "once daily").

                For each order:
                1. weight_kg: the weight in kg. Convert pounds with 1 kg = 2.2046 lb and round to 2 decimal \
                places (half up); a weight given in kg is used as it is.
                2. dose_mg: weight_kg x the product's dose per kg. If that is more than the product's \
                maximum single dose, the dose is the maximum single dose instead and capped is true; \
                otherwise capped is false. Round dose_mg to 2 decimal places (half up).
                3. volume_ml: dose_mg (as rounded) / the concentration, rounded to 1 decimal place (half up).
                4. doses_per_day: 24 / N for "every N hours", 1 for "once daily".
                5. daily_dose_mg: dose_mg (as rounded) x doses_per_day.

                Write `doses.json`: one JSON object with one member per order, named by its order_id, whose \
                value is an object with the fields "weight_kg", "dose_mg", "volume_ml", "doses_per_day", \
                "daily_dose_mg" (JSON numbers) and "capped" (true or false). Numbers are graded within \
                0.005; extra fields are ignored.""";
    }
}
