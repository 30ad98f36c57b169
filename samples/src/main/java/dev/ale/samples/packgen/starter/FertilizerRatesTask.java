package dev.ale.samples.packgen.starter;

import static dev.ale.samples.packgen.starter.Grading.columns;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.samples.packgen.Formats;
import java.math.BigDecimal;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * {@code fertilizer-rates}: variable-rate fertiliser prescriptions for management zones from soil
 * tests and yield goals under a fictional extension guide: nitrogen need less the nitrate credit,
 * phosphate and potash by soil-test class, phosphate supplied as MAP (whose nitrogen counts), the
 * rest of the nitrogen as urea, potash as muriate of potash, and the product order with its cost.
 */
final class FertilizerRatesTask {
    static final String ID = "fertilizer-rates";
    /** crop, kg N per tonne of yield goal, yield goal range. */
    private static final String[][] CROPS = Catalogs.table(ID, "CROPS");
    /** upper bound of the soil-test class (ppm, inclusive), kg/ha of nutrient. */
    private static final int[][] P_CLASSES = {{9, 90}, {15, 60}, {20, 30}, {Integer.MAX_VALUE, 0}};

    private static final int[][] K_CLASSES = {{99, 120}, {150, 80}, {200, 40}, {Integer.MAX_VALUE, 0}};
    /** product, N %, P2O5 %, K2O %, price per tonne. */
    private static final String[][] PRODUCTS = Catalogs.table(ID, "PRODUCTS");

    private FertilizerRatesTask() {}

    static void generate(StarterTask task, Random random) {
        Table zones = new Table("zone_id,area_ha,crop,yield_goal_t_ha,nitrate_n_ppm,olsen_p_ppm,exch_k_ppm");
        Table plan = new Table(
                "zone_id,n_need_kg_ha,p2o5_need_kg_ha,k2o_need_kg_ha,map_kg_ha,urea_kg_ha,mop_kg_ha,zone_cost");
        BigDecimal[] tonnes = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        BigDecimal totalCost = BigDecimal.ZERO;
        for (int z = 0; z < 14; z++) {
            String[] crop;
            BigDecimal area;
            BigDecimal goal;
            int nitrate;
            int p;
            int k;
            BigDecimal[] rates;
            do {
                crop = CROPS[z % 7 == 6 ? 2 : random.nextInt(2)];
                area = Dec.random(random, 3, 28, 2);
                goal = Dec.random(random, Double.parseDouble(crop[2]), Double.parseDouble(crop[3]), 1);
                nitrate = 2 + random.nextInt(25);
                p = 4 + random.nextInt(26);
                k = 70 + random.nextInt(170);
                rates = rates(crop, goal, nitrate, p, k);
            } while (rates == null);
            String id = "Z" + (z / 5 + 1) + "-" + (char) ('a' + z % 5);
            zones.row(id, area, crop[0], goal, nitrate, p, k);
            BigDecimal cost = BigDecimal.ZERO;
            for (int i = 0; i < 3; i++) {
                BigDecimal t = rates[3 + i].multiply(area).movePointLeft(3);
                tonnes[i] = tonnes[i].add(t);
                cost = cost.add(t.multiply(Dec.of(PRODUCTS[i][4])));
            }
            plan.row(id, rates[0], rates[1], rates[2], rates[3], rates[4], rates[5], Dec.round(cost, 2));
            totalCost = totalCost.add(Dec.round(cost, 2));
        }
        Table products = new Table("product,n_pct,p2o5_pct,k2o_pct,price_per_tonne").addAll(PRODUCTS);
        ObjectNode order = Formats.object();
        order.set("map_t", Formats.number(Dec.round(tonnes[0], 3)));
        order.set("urea_t", Formats.number(Dec.round(tonnes[1], 3)));
        order.set("mop_t", Formats.number(Dec.round(tonnes[2], 3)));
        order.set("total_cost", Formats.number(totalCost));
        task.input("soil_tests.csv", zones);
        task.input("products.csv", products);
        task.input("recommendation_guide.md", guide());
        task.csv("application_plan.csv", plan, "zone_id")
                .rows("nutrient needs", 3, columns().num(0.1, "n_need_kg_ha", "p2o5_need_kg_ha", "k2o_need_kg_ha"))
                .rows(
                        "product rates",
                        4,
                        columns()
                                .num(0.1, "map_kg_ha", "urea_kg_ha", "mop_kg_ha")
                                .num(0.01, "zone_cost"));
        task.json("product_order.json", order).fields("product order", 2, 0.01);
        task.instructions(instruction(plan));
    }

    /** N, P2O5, K2O needs and MAP, urea, MOP rates (kg/ha, 1 decimal), or null if a rounding is too close to a tie. */
    private static BigDecimal @Nullable [] rates(String[] crop, BigDecimal goal, int nitrate, int p, int k) {
        BigDecimal n = goal.multiply(Dec.of(crop[1]))
                .subtract(Dec.of("3.6").multiply(Dec.of(nitrate)))
                .max(BigDecimal.ZERO);
        BigDecimal p2o5 = Dec.of(level(P_CLASSES, p));
        BigDecimal k2o = Dec.of(level(K_CLASSES, k));
        BigDecimal mapExact = Dec.div(p2o5, Dec.of("0.52"));
        BigDecimal map = Dec.round(mapExact, 1);
        BigDecimal ureaExact = Dec.div(n.subtract(map.multiply(Dec.of("0.11"))).max(BigDecimal.ZERO), Dec.of("0.46"));
        BigDecimal mopExact = Dec.div(k2o, Dec.of("0.60"));
        if (!Dec.clearOfTie(mapExact, 1) || !Dec.clearOfTie(ureaExact, 1) || !Dec.clearOfTie(mopExact, 1)) {
            return null;
        }
        return new BigDecimal[] {
            Dec.round(n, 1), Dec.round(p2o5, 1), Dec.round(k2o, 1), map, Dec.round(ureaExact, 1), Dec.round(mopExact, 1)
        };
    }

    private static int level(int[][] classes, int ppm) {
        for (int[] c : classes) {
            if (ppm <= c[0]) {
                return c[1];
            }
        }
        throw new IllegalArgumentException(String.valueOf(ppm));
    }

    private static String guide() {
        return """
                PRAIRIE VALLEY EXTENSION - FERTILISER GUIDE FOR FIELD CROPS (fictional, for training)

                Nitrogen
                - N need (kg N/ha) = yield goal (t/ha) x the crop's N factor - nitrate credit, and never \
                below 0. N factors: CORN 20, WHEAT 25, SOYBEAN 0 kg N per tonne (soybean fixes its own).
                - Nitrate credit = 3.6 kg N/ha for each ppm of nitrate-N in the 0-60 cm soil sample.

                Phosphate (P2O5, kg/ha) by Olsen P (ppm): 0-9: 90; 10-15: 60; 16-20: 30; above 20: 0.
                Potash (K2O, kg/ha) by exchangeable K (ppm): 0-99: 120; 100-150: 80; 151-200: 40; above 200: 0.

                Products
                - Supply all phosphate as MAP (11-52-0): MAP rate = P2O5 need / 0.52.
                - The nitrogen in that MAP counts towards the N need: N from MAP = MAP rate x 0.11.
                - Supply the rest of the N need as urea (46-0-0): urea rate = max(0, N need - N from MAP) / 0.46.
                - Supply all potash as MOP (0-0-60): MOP rate = K2O need / 0.60.""";
    }

    private static String instruction(Table plan) {
        return """
                You are the agronomist of a crop-input retailer. Write this season's variable-rate fertiliser \
                prescriptions for a customer's management zones and the product order for the depot.

                Files in the workspace:
                - `soil_tests.csv`: per management zone, its area (ha), crop, yield goal (t/ha) and soil tests \
                (nitrate-N, Olsen P and exchangeable K, ppm).
                - `recommendation_guide.md`: the extension guide's rules for nutrient needs and products.
                - `products.csv`: the analysis of each product and its price per tonne.

                For each zone, apply the guide. Round every rate to 1 decimal place (half up) as you go: the \
                MAP rate is rounded before its nitrogen is counted. zone_cost = the sum over the three \
                products of rate (as rounded) x area_ha / 1000 x price_per_tonne, rounded to the cent.

                Write `application_plan.csv` with the header `{header}` (needs and rates in kg/ha per zone) \
                and `product_order.json`: one JSON object with "map_t", "urea_t", "mop_t" (tonnes of each \
                product for all zones, rate x area / 1000 summed, rounded to 3 decimal places) and \
                "total_cost" (the sum of the zone costs).

                Grading: rows are matched by zone_id; needs and rates are graded within 0.1 kg/ha, costs \
                within 0.01 and tonnes within 0.01; rows for unknown zones cost credit."""
                .replace("{header}", plan.headerLine());
    }
}
