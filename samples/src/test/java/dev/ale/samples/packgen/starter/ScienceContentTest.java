package dev.ale.samples.packgen.starter;

import static dev.ale.samples.packgen.starter.BusinessContentTest.same;
import static dev.ale.samples.packgen.starter.PackFiles.dec;
import static dev.ale.samples.packgen.starter.PackFiles.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Internal consistency of the generated science, engineering, health, education and media tasks. */
class ScienceContentTest {
    private static final PackFiles PACK = new PackFiles();

    @Test
    void labVolumesAddUpAndSomeNeedThePipetteFlag() {
        Map<String, String> volume =
                PACK.column("lab-dilutions", "inputs/requests.csv", "request_id", "final_volume_ml");
        List<Map<String, String>> sheet = PACK.csv("lab-dilutions", "solution/prep_sheet.csv");
        sheet.stream()
                .filter(r -> r.get("method").equals("DILUTE"))
                .forEach(r -> same(
                        dec(volume.get(r.get("request_id"))),
                        dec(r.get("stock_volume_ml")).add(dec(r.get("solvent_volume_ml"))),
                        r.get("request_id")));
        assertTrue(sheet.stream().anyMatch(r -> r.get("pipette_flag").equals("YES")));
        assertTrue(sheet.stream().anyMatch(r -> r.get("method").equals("WEIGH")));
    }

    @Test
    void irrigationVolumesFollowFromDepthAndArea() {
        Map<String, String> area = PACK.column("irrigation-water-budget", "inputs/fields.csv", "field_id", "area_ha");
        List<Map<String, String>> plan = PACK.csv("irrigation-water-budget", "solution/irrigation_plan.csv");
        for (Map<String, String> r : plan) {
            same(
                    dec(r.get("gross_mm"))
                            .multiply(dec(area.get(r.get("field_id"))))
                            .multiply(BigDecimal.TEN)
                            .setScale(1, RoundingMode.HALF_UP),
                    dec(r.get("volume_m3")),
                    r.get("field_id"));
        }
        same(
                sum(plan, "volume_m3"),
                PACK.json("irrigation-water-budget", "solution/irrigation_totals.json")
                        .path("total_volume_m3")
                        .decimalValue(),
                "total volume");
        assertTrue(plan.stream().anyMatch(r -> dec(r.get("net_mm")).signum() == 0), "a field that needs no water");
    }

    @Test
    void psychScoresAreIncompleteExactlyWhenFewerThanFiveItems() {
        for (Map<String, String> r : PACK.csv("psych-scale-scoring", "solution/scores.csv")) {
            boolean incomplete = Integer.parseInt(r.get("items_answered")) < 5;
            assertEquals(incomplete ? "INCOMPLETE" : "OK", r.get("status"), r.toString());
            assertEquals(incomplete, r.get("t_score").isEmpty(), r.toString());
        }
    }

    @Test
    void libraryCountsAndFinesAddUp() {
        List<Map<String, String>> branches = PACK.csv("library-circulation", "solution/branch_stats.csv");
        List<Map<String, String>> notices = PACK.csv("library-circulation", "solution/overdue_notices.csv");
        for (Map<String, String> b : branches) {
            assertEquals(
                    Integer.parseInt(b.get("checkouts")),
                    Integer.parseInt(b.get("returned_on_time"))
                            + Integer.parseInt(b.get("returned_late"))
                            + Integer.parseInt(b.get("still_out")),
                    b.get("branch"));
            List<Map<String, String>> mine = notices.stream()
                    .filter(n -> n.get("branch").equals(b.get("branch")))
                    .toList();
            assertEquals(Integer.parseInt(b.get("overdue_now")), mine.size(), b.get("branch"));
            same(dec(b.get("fines_accruing")), sum(mine, "fine_to_date"), b.get("branch"));
        }
        assertEquals(
                PACK.csv("library-circulation", "inputs/loans.csv").size(),
                sum(branches, "checkouts").intValue());
    }

    @Test
    void salesReportAndLogReportAreConsistent() {
        same(
                sum(PACK.csv("sales-aggregation", "solution/revenue_by_region_category.csv"), "net_revenue"),
                sum(PACK.csv("sales-aggregation", "solution/monthly_revenue.csv"), "net_revenue"),
                "revenue");
        JsonNode report = PACK.json("service-log-error-rates", "solution/slo_report.json");
        List<Map<String, String>> stats = PACK.csv("service-log-error-rates", "solution/service_stats.csv");
        assertEquals(
                report.path("total_requests").asInt(), sum(stats, "requests").intValue());
        assertTrue(report.path("breaching_services").size() > 0
                && report.path("breaching_services").size() < stats.size());
    }

    @Test
    void medicalCodingExercisesBothRules() {
        List<Map<String, String>> coded = PACK.csv("medical-coding", "solution/coded_encounters.csv");
        assertTrue(coded.stream().anyMatch(r -> r.get("principal_dx").endsWith(".5")), "a paediatric variant");
        List<Map<String, String>> encounters = PACK.csv("medical-coding", "inputs/encounters.csv");
        long dropped = 0;
        for (int i = 0; i < coded.size(); i++) {
            int documented = encounters.get(i).get("other_conditions").isEmpty()
                    ? 0
                    : encounters.get(i).get("other_conditions").split("; ").length;
            int kept = coded.get(i).get("secondary_dx").isEmpty()
                    ? 0
                    : coded.get(i).get("secondary_dx").split(";").length;
            dropped += kept < documented ? 1 : 0;
        }
        assertTrue(dropped > 0, "an encounter whose symptom or duplicate was left out");
    }

    @Test
    void infusionDurationsMatchRates() {
        Map<String, String> bags =
                PACK.column("iv-infusion-rates", "inputs/infusion_orders.csv", "order_id", "bag_volume_ml");
        for (Map<String, String> r : PACK.csv("iv-infusion-rates", "solution/infusion_rates.csv")) {
            BigDecimal bag = dec(r.get("hours_per_bag")).multiply(dec(r.get("rate_ml_per_h")));
            assertTrue(
                    bag.subtract(dec(bags.get(r.get("order_id")))).abs().compareTo(dec(r.get("rate_ml_per_h"))) < 0,
                    r.toString());
        }
    }

    @Test
    void gradeLettersFollowTheCutoffs() {
        List<Map<String, String>> grades = PACK.csv("gradebook-weighted", "solution/final_grades.csv");
        JsonNode distribution = PACK.json("gradebook-weighted", "solution/grade_distribution.json");
        int total = 0;
        for (JsonNode n : distribution) {
            total += n.asInt();
        }
        assertEquals(grades.size(), total);
        for (Map<String, String> g : grades) {
            String letter = "F";
            for (String[] cut : GradebookTask.LETTERS) {
                if (letter.equals("F") && dec(g.get("course_pct")).compareTo(dec(cut[1])) >= 0) {
                    letter = cut[0];
                }
            }
            assertEquals(letter, g.get("letter"), g.get("student_id"));
        }
    }

    @Test
    void qpcrControlsAverageToNoChange() {
        List<Map<String, String>> rows = PACK.csv("qpcr-fold-change", "solution/fold_change.csv");
        for (String gene : List.of("IL6", "TNF", "HMOX1")) {
            BigDecimal controls = sum(
                    rows.stream()
                            .filter(r -> r.get("gene").equals(gene)
                                    && r.get("sample").startsWith("CTRL"))
                            .toList(),
                    "delta_delta_ct");
            assertTrue(controls.abs().compareTo(new BigDecimal("0.002")) <= 0, gene + " control ddCt sum " + controls);
        }
        assertTrue(
                rows.stream().anyMatch(r -> r.get("replicates_used").equals("2")),
                "an outlier or failed well left out");
    }

    @Test
    void engineeringChecksBalance() {
        Map<String, Map<String, String>> beams = new HashMap<>();
        PACK.csv("beam-load-check", "inputs/beams.csv").forEach(b -> beams.put(b.get("beam_id"), b));
        for (Map<String, String> c : PACK.csv("beam-load-check", "solution/beam_checks.csv")) {
            Map<String, String> b = beams.get(c.get("beam_id"));
            BigDecimal load = dec(b.get("dead_udl_kn_m"))
                    .add(dec(b.get("live_udl_kn_m")))
                    .multiply(dec(b.get("span_m")))
                    .add(dec(b.get("point_load_kn")));
            BigDecimal reactions = dec(c.get("reaction_left_kn")).add(dec(c.get("reaction_right_kn")));
            assertTrue(load.subtract(reactions).abs().compareTo(new BigDecimal("0.011")) <= 0, c.get("beam_id"));
        }
        JsonNode load = PACK.json("electrical-load-calc", "solution/load_calc.json");
        long parts = 0;
        for (String f : List.of(
                "general_demand_va",
                "fixed_appliance_demand_va",
                "dryer_va",
                "range_va",
                "hvac_va",
                "largest_motor_adder_va")) {
            parts += load.path(f).asLong();
        }
        assertEquals(load.path("total_demand_va").asLong(), parts);
        assertTrue(load.path("service_size_a").asDouble()
                >= load.path("service_amps").asDouble());
        Map<String, Integer> floorLoads = new HashMap<>();
        PACK.csv("egress-capacity", "solution/space_loads.csv")
                .forEach(s -> floorLoads.merge(
                        s.get("space_id").substring(0, 1), Integer.parseInt(s.get("occupant_load")), Integer::sum));
        PACK.csv("egress-capacity", "solution/egress_check.csv")
                .forEach(f -> assertEquals(
                        floorLoads.get(f.get("floor")),
                        Integer.parseInt(f.get("occupant_load")),
                        "floor " + f.get("floor")));
    }

    @Test
    void fertiliserOrderAndSurveyWeightsAddUp() {
        same(
                sum(PACK.csv("fertilizer-rates", "solution/application_plan.csv"), "zone_cost"),
                PACK.json("fertilizer-rates", "solution/product_order.json")
                        .path("total_cost")
                        .decimalValue(),
                "cost");
        BigDecimal weights = sum(PACK.csv("survey-weighting", "solution/weights.csv"), "weight");
        BigDecimal population = PACK.json("survey-weighting", "solution/estimates.json")
                .path("population_total")
                .decimalValue();
        assertTrue(
                weights.subtract(population).abs().compareTo(BigDecimal.valueOf(2)) <= 0,
                weights + " vs " + population);
        for (Map<String, String> o : PACK.csv("binomial-option-pricing", "solution/option_values.csv")) {
            assertTrue(
                    dec(o.get("early_exercise_premium")).signum() >= 0
                            && dec(o.get("price")).signum() > 0,
                    o.toString());
        }
        List<Map<String, String>> manifest = PACK.csv("image-asset-manifest", "solution/manifest.csv");
        for (Map<String, String> m : manifest) {
            String[] r = m.get("aspect_ratio").split(":");
            int cmp = Integer.compare(Integer.parseInt(r[0]), Integer.parseInt(r[1]));
            assertEquals(
                    cmp > 0 ? "LANDSCAPE" : cmp < 0 ? "PORTRAIT" : "SQUARE", m.get("orientation"), m.get("file_name"));
        }
    }
}
