package dev.ale.samples.packgen.starter;

import static dev.ale.samples.packgen.starter.PackFiles.dec;
import static dev.ale.samples.packgen.starter.PackFiles.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Internal consistency of the generated business and legal tasks: the published figures add up as their instructions say. */
class BusinessContentTest {
    private static final PackFiles PACK = new PackFiles();

    static void same(BigDecimal expected, BigDecimal actual, String what) {
        assertEquals(0, expected.compareTo(actual), what + ": expected " + expected + ", got " + actual);
    }

    @Test
    void threeWayMatchTotalsAddUpAndEveryStatusOccurs() {
        List<Map<String, String>> rows = PACK.csv("three-way-match", "solution/match_results.csv");
        JsonNode summary = PACK.json("three-way-match", "solution/match_summary.json");
        same(sum(rows, "billed_amount"), summary.path("total_billed").decimalValue(), "billed");
        same(sum(rows, "approved_amount"), summary.path("total_approved").decimalValue(), "approved");
        rows.forEach(r -> same(
                dec(r.get("billed_amount")).subtract(dec(r.get("approved_amount"))),
                dec(r.get("variance_amount")),
                r.get("invoice_id")));
        assertEquals(
                Set.of("MATCHED", "PRICE_VARIANCE", "QTY_VARIANCE", "PRICE_QTY_VARIANCE", "NO_RECEIPT", "NO_PO"),
                rows.stream().map(r -> r.get("status")).collect(Collectors.toSet()));
    }

    @Test
    void loansAmortizeToZero() {
        List<Map<String, String>> schedule = PACK.csv("loan-amortization", "solution/amortization.csv");
        for (Map<String, String> loan : PACK.csv("loan-amortization", "inputs/loans.csv")) {
            List<Map<String, String>> rows = schedule.stream()
                    .filter(r -> r.get("loan_id").equals(loan.get("loan_id")))
                    .toList();
            assertEquals(Integer.parseInt(loan.get("term_months")), rows.size());
            same(dec(loan.get("principal")), sum(rows, "principal"), "principal repaid");
            same(BigDecimal.ZERO, dec(rows.get(rows.size() - 1).get("balance")), "final balance");
        }
    }

    @Test
    void depreciationEndsAtSalvageAndTheMemoChangesTheMethod() {
        List<Map<String, String>> schedule = PACK.csv("depreciation-schedule", "solution/depreciation_schedule.csv");
        List<Map<String, String>> assets = PACK.csv("depreciation-schedule", "inputs/fixed_assets.csv");
        assets.addAll(PACK.csv("depreciation-schedule", "sessions/2/new_assets.csv"));
        for (Map<String, String> a : assets) {
            List<Map<String, String>> rows = schedule.stream()
                    .filter(r -> r.get("asset_id").equals(a.get("asset_id")))
                    .toList();
            assertEquals(Integer.parseInt(a.get("useful_life_years")), rows.size(), a.get("asset_id"));
            same(dec(a.get("salvage_value")), dec(rows.get(rows.size() - 1).get("book_value_end")), a.get("asset_id"));
            String method = Set.of("EQUIPMENT", "VEHICLE").contains(a.get("category")) ? "DDB" : "SL";
            rows.forEach(r -> assertEquals(method, r.get("method"), a.get("asset_id")));
        }
        same(
                sum(schedule, "depreciation"),
                sum(PACK.csv("depreciation-schedule", "solution/depreciation_by_year.csv"), "total_depreciation"),
                "annual totals");
        assertTrue(PACK.text("depreciation-schedule", "sessions/2/memo-method-change.txt")
                .contains("EQUIPMENT, VEHICLE"));
    }

    @Test
    void payrollOvertimeIsPerWorkweekAndNetPayFollows() {
        Map<String, BigDecimal[]> weeks = new HashMap<>();
        String[] files = {"inputs/timesheets/week-1.csv", "sessions/2/timesheets/week-2.csv"};
        for (int w = 0; w < 2; w++) {
            for (Map<String, String> e : PACK.csv("payroll-overtime", files[w])) {
                BigDecimal[] h = weeks.computeIfAbsent(
                        e.get("employee_id"), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                h[w] = h[w].add(dec(e.get("hours")));
            }
        }
        List<Map<String, String>> register = PACK.csv("payroll-overtime", "solution/payroll.csv");
        int uneven = 0;
        BigDecimal forty = BigDecimal.valueOf(40);
        for (Map<String, String> r : register) {
            BigDecimal[] h = weeks.get(r.get("employee_id"));
            BigDecimal overtime = h[0].subtract(forty)
                    .max(BigDecimal.ZERO)
                    .add(h[1].subtract(forty).max(BigDecimal.ZERO));
            same(overtime, dec(r.get("overtime_hours")), r.get("employee_id"));
            uneven += (h[0].compareTo(forty) > 0) != (h[1].compareTo(forty) > 0) ? 1 : 0;
            BigDecimal deductions = dec(r.get("pretax_401k"))
                    .add(dec(r.get("federal_tax")))
                    .add(dec(r.get("social_security")))
                    .add(dec(r.get("medicare")))
                    .add(dec(r.get("state_tax")));
            same(dec(r.get("gross_pay")).subtract(deductions), dec(r.get("net_pay")), r.get("employee_id"));
        }
        assertTrue(uneven >= 2, "employees with one long and one short week: " + uneven);
        same(
                sum(register, "net_pay"),
                PACK.json("payroll-overtime", "solution/payroll_totals.json")
                        .path("net_pay")
                        .decimalValue(),
                "net total");
    }

    @Test
    void salesTaxSummariesAddUpAndExemptionsApply() {
        List<Map<String, String>> lines = PACK.csv("sales-tax-jurisdictions", "solution/sales_tax.csv");
        List<Map<String, String>> summary = PACK.csv("sales-tax-jurisdictions", "solution/jurisdiction_summary.csv");
        same(sum(lines, "tax_amount"), sum(summary, "tax_collected"), "tax");
        same(sum(lines, "taxable_amount"), sum(summary, "taxable_sales"), "taxable");
        assertTrue(lines.stream().anyMatch(l -> dec(l.get("tax_rate_pct")).signum() == 0), "fully exempt lines");
        Map<String, BigDecimal> full = new HashMap<>();
        PACK.csv("sales-tax-jurisdictions", "inputs/rates.csv")
                .forEach(r -> full.put(
                        r.get("jurisdiction_code"),
                        dec(r.get("state_rate_pct"))
                                .add(dec(r.get("county_rate_pct")))
                                .add(dec(r.get("city_rate_pct")))));
        List<Map<String, String>> orders = PACK.csv("sales-tax-jurisdictions", "inputs/order_lines.csv");
        long partly = 0;
        for (int i = 0; i < lines.size(); i++) {
            BigDecimal rate = dec(lines.get(i).get("tax_rate_pct"));
            partly += rate.signum() > 0 && rate.compareTo(full.get(orders.get(i).get("jurisdiction_code"))) < 0 ? 1 : 0;
        }
        assertTrue(partly > 0, "lines where only the local rates apply");
    }

    @Test
    void fifoConservesCost() {
        BigDecimal in = BigDecimal.ZERO;
        for (Map<String, String> l : PACK.csv("inventory-fifo", "inputs/opening_inventory.csv")) {
            in = in.add(dec(l.get("quantity")).multiply(dec(l.get("unit_cost"))));
        }
        for (Map<String, String> t : PACK.csv("inventory-fifo", "inputs/transactions.csv")) {
            in = in.add(
                    t.get("type").equals("RECEIPT")
                            ? dec(t.get("quantity")).multiply(dec(t.get("unit_cost")))
                            : BigDecimal.ZERO);
        }
        List<Map<String, String>> summary = PACK.csv("inventory-fifo", "solution/fifo_summary.csv");
        same(in, sum(summary, "cogs").add(sum(summary, "ending_value")), "opening + receipts = cogs + ending");
        List<Map<String, String>> layers = PACK.csv("inventory-fifo", "solution/ending_layers.csv");
        same(
                sum(summary, "ending_value"),
                sum(layers, r -> dec(r.get("quantity")).multiply(dec(r.get("unit_cost")))),
                "layers");
    }

    @Test
    void claimsSummaryMatchesAndTheReviewChangesTheOutcome() {
        List<Map<String, String>> rows = PACK.csv("insurance-claim-adjudication", "solution/adjudication.csv");
        JsonNode summary = PACK.json("insurance-claim-adjudication", "solution/claims_summary.json");
        assertEquals(rows.size(), summary.path("claims").asInt());
        assertEquals(
                rows.size(),
                summary.path("paid").asInt() + summary.path("denied").asInt());
        same(sum(rows, "payable_amount"), summary.path("total_payable").decimalValue(), "payable");
        assertEquals(
                PACK.csv("insurance-claim-adjudication", "inputs/claims.csv").size() + 1,
                rows.size(),
                "the late claim");
        assertTrue(
                rows.stream()
                        .anyMatch(r -> r.get("reason").equals("COVERED")
                                && dec(r.get("payable_amount")).compareTo(BigDecimal.valueOf(10000)) <= 0),
                "claims paid in full");
        assertTrue(rows.stream()
                .map(r -> r.get("reason"))
                .collect(Collectors.toSet())
                .containsAll(Set.of(
                        "NOT_IN_FORCE",
                        "EXCLUDED_PERIL",
                        "LATE_NOTICE",
                        "BELOW_DEDUCTIBLE",
                        "COVERED",
                        "LIMIT_APPLIED")));
    }

    @Test
    void batesRangesAreContiguousAndThePrivilegeLogIsWithheld() {
        List<Map<String, String>> log = PACK.csv("bates-production-log", "solution/production_log.csv");
        JsonNode summary = PACK.json("bates-production-log", "solution/production_summary.json");
        int next = Integer.parseInt(summary.path("first_bates").asText().substring(3));
        for (Map<String, String> r : log) {
            assertEquals(next, Integer.parseInt(r.get("bates_begin").substring(3)), r.get("doc_id"));
            next += Integer.parseInt(r.get("pages"));
            assertEquals(next - 1, Integer.parseInt(r.get("bates_end").substring(3)), r.get("doc_id"));
        }
        assertEquals(
                summary.path("last_bates").asText(), log.get(log.size() - 1).get("bates_end"));
        assertEquals(
                summary.path("documents_withheld").asInt(),
                PACK.csv("bates-production-log", "solution/privilege_log.csv").size());
    }

    @Test
    void courtDeadlinesFallOnCourtDays() {
        Set<String> holidays = PACK.csv("court-deadline-calculator", "inputs/court_holidays.csv").stream()
                .map(h -> h.get("date"))
                .collect(Collectors.toSet());
        List<Map<String, String>> events = PACK.csv("court-deadline-calculator", "inputs/events.csv");
        List<Map<String, String>> rows = PACK.csv("court-deadline-calculator", "solution/deadlines.csv");
        for (int i = 0; i < rows.size(); i++) {
            LocalDate due = LocalDate.parse(rows.get(i).get("due_date"));
            assertTrue(
                    due.getDayOfWeek().getValue() <= 5 && !holidays.contains(due.toString()),
                    rows.get(i).toString());
            assertEquals(
                    ChronoUnit.DAYS.between(LocalDate.parse(events.get(i).get("anchor_date")), due),
                    Long.parseLong(rows.get(i).get("days_from_anchor")));
        }
        assertTrue(events.stream().anyMatch(e -> e.get("service_method").equals("MAIL")), "service by mail");
    }
}
