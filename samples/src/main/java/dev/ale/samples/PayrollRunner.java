package dev.ale.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.SessionOutcome;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent's rules for a payroll register. Deliberately imperfect, as a weak agent would be: it
 * adds up all the timesheets it finds and compares the total with 40 hours per week of the
 * period, so an employee with one long and one short week gets no overtime. With one week of
 * timesheets that is right; with two it is wrong for uneven weeks.
 */
final class PayrollRunner {
    private static final String REGISTER = "payroll.csv";
    /** The register's columns, as the header line the instruction quotes. */
    private static final List<String> COLUMNS = List.of(
            "employee_id,regular_hours,overtime_hours,gross_pay,pretax_401k,federal_tax,social_security,medicare,state_tax,net_pay"
                    .split(","));
    /** The columns summed into payroll_totals.json: all from overtime_hours on. */
    private static final List<String> TOTALS = COLUMNS.subList(2, COLUMNS.size());

    private PayrollRunner() {}

    static SessionOutcome solve(AgentWorkspace ws, String instruction) throws IOException {
        if (!Instructions.names(instruction, REGISTER)) {
            return SessionOutcome.gaveUp("the instruction does not ask for a payroll register");
        }
        List<String> files = ws.list();
        JsonNode rules = ws.json("withholding.json");
        Map<String, BigDecimal> hours = new LinkedHashMap<>();
        int weeks = 0;
        for (String f : files) {
            if (f.startsWith("timesheets/") && f.endsWith(".csv")) {
                weeks++;
                for (Map<String, String> entry : ws.csv(f)) {
                    hours.merge(entry.get("employee_id"), Num.of(entry.get("hours")), BigDecimal::add);
                }
            }
        }
        BigDecimal threshold =
                rules.path("overtime_threshold_hours_per_week").decimalValue().multiply(Num.of(weeks));
        BigDecimal multiplier = rules.path("overtime_multiplier").decimalValue();
        ws.think(weeks + " week(s) of timesheets; overtime above " + threshold + " hours for the period.");
        SimpleCsv.Writer out = new SimpleCsv.Writer(COLUMNS);
        BigDecimal[] totals = new BigDecimal[TOTALS.size()];
        Arrays.fill(totals, BigDecimal.ZERO);
        for (Map<String, String> e : ws.csv("employees.csv")) {
            BigDecimal h = hours.getOrDefault(e.get("employee_id"), BigDecimal.ZERO);
            BigDecimal regular = h.min(threshold);
            BigDecimal overtime = h.subtract(threshold).max(BigDecimal.ZERO);
            BigDecimal rate = Num.of(e.get("hourly_rate"));
            BigDecimal gross =
                    Num.round(regular.multiply(rate).add(overtime.multiply(rate).multiply(multiplier)), 2);
            BigDecimal retirement = Num.percent(gross, Num.of(e.get("retirement_pct")), 2);
            BigDecimal taxable = gross.subtract(retirement);
            JsonNode bracket = rules.path("federal_brackets").get(0);
            for (JsonNode b : rules.path("federal_brackets")) {
                if (taxable.compareTo(b.path("over").decimalValue()) > 0) {
                    bracket = b;
                }
            }
            BigDecimal federal = Num.round(
                    bracket.path("base_tax")
                            .decimalValue()
                            .add(Num.percent(
                                    taxable.subtract(bracket.path("over").decimalValue()),
                                    bracket.path("rate_pct").decimalValue(),
                                    10)),
                    2);
            BigDecimal ss = Num.percent(gross, rules.path("social_security_pct").decimalValue(), 2);
            BigDecimal medicare = Num.percent(gross, rules.path("medicare_pct").decimalValue(), 2);
            BigDecimal state = Num.percent(taxable, rules.path("state_pct").decimalValue(), 2);
            BigDecimal net =
                    taxable.subtract(federal).subtract(ss).subtract(medicare).subtract(state);
            BigDecimal[] row = {overtime, gross, retirement, federal, ss, medicare, state, net};
            for (int i = 0; i < row.length; i++) {
                totals[i] = totals[i].add(row[i]);
            }
            List<Object> cells =
                    new ArrayList<>(List.of(e.get("employee_id"), Num.round(regular, 2), Num.round(overtime, 2)));
            cells.addAll(Arrays.asList(row).subList(1, row.length));
            out.row(cells.toArray());
        }
        ws.write(REGISTER, out.text());
        ObjectNode sums = AgentWorkspace.object();
        for (int i = 0; i < TOTALS.size(); i++) {
            sums.put(TOTALS.get(i), Num.round(totals[i], 2));
        }
        ws.writeJson("payroll_totals.json", sums);
        return SessionOutcome.completed();
    }
}
