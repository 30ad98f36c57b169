package dev.ale.samples.packgen.starter;

import static dev.ale.samples.packgen.starter.Grading.columns;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.samples.packgen.Formats;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * {@code payroll-overtime}: a two-session biweekly payroll. Session 1 has only the first week's
 * timesheets and asks for a preliminary register; session 2 brings the second week and asks for
 * the final one. Overtime is per workweek, so an employee with one long and one short week still
 * earns overtime. Withholding follows a fictional percentage-method table.
 */
final class PayrollTask {
    static final String ID = "payroll-overtime";
    static final LocalDate WEEK_1 = LocalDate.of(2025, 6, 2);
    /** Biweekly federal brackets on taxable wages: over, base tax, rate percent (fictional). */
    static final String[][] BRACKETS = Catalogs.table(ID, "BRACKETS");

    static final String SOCIAL_SECURITY = "6.2";
    static final String MEDICARE = "1.45";
    static final String STATE = "4.25";
    private static final String[] NAMES = {
        "Ana Ruiz",
        "Ben Carter",
        "Chloe Nguyen",
        "Dev Patel",
        "Elena Popescu",
        "Farid Haddad",
        "Grace Kim",
        "Hugo Lindqvist",
        "Ines Duarte",
        "Jamal Brooks",
        "Kara O'Neill",
        "Liam Foster"
    };

    /** The register's pay and withholding, graded together. */
    private static final List<String> PAY =
            List.of("gross_pay", "pretax_401k", "federal_tax", "social_security", "medicare", "state_tax");
    /** The register's columns that the totals sum: overtime hours, pay and withholding, net pay. */
    private static final List<String> SUMMED = Stream.of(List.of("overtime_hours"), PAY, List.of("net_pay"))
            .flatMap(List::stream)
            .toList();
    /** The register's columns. */
    private static final List<String> REGISTER = Stream.concat(
                    Stream.of("employee_id", "regular_hours"), SUMMED.stream())
            .toList();

    record Employee(String id, String name, BigDecimal rate, BigDecimal retirementPct) {}

    private PayrollTask() {}

    static void generate(StarterTask task, Random random) {
        Table employees = new Table("employee_id,name,hourly_rate,retirement_pct");
        Table week1 = new Table("employee_id,date,hours");
        Table week2 = new Table("employee_id,date,hours");
        Table preliminary = register();
        Table register = register();
        Totals totals = new Totals();
        for (int e = 0; e < NAMES.length; e++) {
            Employee emp = new Employee(
                    "E" + (201 + e),
                    NAMES[e],
                    Dec.random(random, 17, 42, 2),
                    Dec.of(new int[] {0, 3, 4, 5, 6}[random.nextInt(5)]));
            employees.row(emp.id(), emp.name(), emp.rate(), emp.retirementPct());
            // patterns: steady 40, overtime both weeks, overtime one week only, part-time
            int pattern = e % 4;
            int[][] targets = {{40, 40}, {46, 44}, {46, 34}, {26, 24}};
            BigDecimal h1 = timesheet(random, emp, WEEK_1, targets[pattern][0], week1);
            BigDecimal h2 = timesheet(random, emp, WEEK_1.plusDays(7), targets[pattern][1], week2);
            pay(emp, List.of(h1), preliminary, null);
            pay(emp, List.of(h1, h2), register, totals);
        }
        ObjectNode withholding = Formats.object();
        withholding.put("pay_frequency", "biweekly");
        withholding.put("overtime_threshold_hours_per_week", 40);
        withholding.set("overtime_multiplier", Formats.number(Dec.of("1.5")));
        ArrayNode brackets = withholding.putArray("federal_brackets");
        for (String[] b : BRACKETS) {
            ObjectNode o = brackets.addObject();
            o.set("over", Formats.number(Dec.of(b[0])));
            o.set("base_tax", Formats.number(Dec.of(b[1])));
            o.set("rate_pct", Formats.number(Dec.of(b[2])));
        }
        withholding.set("social_security_pct", Formats.number(Dec.of(SOCIAL_SECURITY)));
        withholding.set("medicare_pct", Formats.number(Dec.of(MEDICARE)));
        withholding.set("state_pct", Formats.number(Dec.of(STATE)));
        task.input("employees.csv", employees);
        task.input("withholding.json", withholding);
        task.input("timesheets/week-1.csv", week1);
        task.later(2, "timesheets/week-2.csv", week2);
        task.csv("payroll.csv", register, "employee_id")
                .rows("hours", 3, columns().num(0.01, "regular_hours", "overtime_hours"))
                .rows("gross pay and withholding", 4, columns().num(0.01, PAY.toArray(String[]::new)))
                .rows("net pay", 2, columns().num(0.01, "net_pay"));
        task.json("payroll_totals.json", totals.json()).fields("register totals", 1, 0.01);
        task.instructions(first(register), second());
        if (preliminary.rows().equals(register.rows())) {
            throw new IllegalStateException("week 2 changed nothing");
        }
    }

    private static Table register() {
        return new Table(String.join(",", REGISTER));
    }

    /** Writes one week of daily entries (quarter hours, Monday to Saturday) adding up to about {@code target}. */
    private static BigDecimal timesheet(Random random, Employee emp, LocalDate monday, int target, Table out) {
        int quarters = target * 4 + (target == 40 ? 0 : Formats.between(random, -3, 3));
        int days = target > 40 ? 6 : target < 30 ? 4 : 5;
        int left = quarters;
        for (int d = 0; d < days; d++) {
            int q = d == days - 1 ? left : Math.min(left, quarters / days + Formats.between(random, -2, 2));
            left -= q;
            out.row(emp.id(), monday.plusDays(d), Dec.of(q).divide(Dec.of(4)).setScale(2));
        }
        return Dec.of(quarters).divide(Dec.of(4));
    }

    /** Adds the employee's row: overtime per week, then pay and withholding as the instruction says. */
    static void pay(Employee emp, List<BigDecimal> weeks, Table out, Totals totals) {
        BigDecimal regular = BigDecimal.ZERO;
        BigDecimal overtime = BigDecimal.ZERO;
        for (BigDecimal h : weeks) {
            regular = regular.add(h.min(Dec.of(40)));
            overtime = overtime.add(h.subtract(Dec.of(40)).max(BigDecimal.ZERO));
        }
        BigDecimal gross = Dec.round(
                regular.multiply(emp.rate()).add(overtime.multiply(emp.rate()).multiply(Dec.of("1.5"))), 2);
        BigDecimal retirement = Dec.percent(gross, emp.retirementPct(), 2);
        BigDecimal taxable = gross.subtract(retirement);
        String[] bracket = BRACKETS[0];
        for (String[] b : BRACKETS) {
            if (taxable.compareTo(Dec.of(b[0])) > 0) {
                bracket = b;
            }
        }
        BigDecimal excess = taxable.subtract(Dec.of(bracket[0]));
        BigDecimal federal = Dec.round(Dec.of(bracket[1]).add(Dec.percent(excess, Dec.of(bracket[2]), 10)), 2);
        BigDecimal ss = Dec.percent(gross, Dec.of(SOCIAL_SECURITY), 2);
        BigDecimal medicare = Dec.percent(gross, Dec.of(MEDICARE), 2);
        BigDecimal state = Dec.percent(taxable, Dec.of(STATE), 2);
        BigDecimal net =
                taxable.subtract(federal).subtract(ss).subtract(medicare).subtract(state);
        BigDecimal[] summed = {overtime, gross, retirement, federal, ss, medicare, state, net};
        List<Object> cells = new ArrayList<>(List.of(emp.id(), Dec.round(regular, 2), Dec.round(overtime, 2)));
        cells.addAll(Arrays.asList(summed).subList(1, summed.length));
        out.row(cells.toArray());
        if (totals != null) {
            totals.add(summed);
        }
    }

    /** The sums of the register's columns. */
    static final class Totals {
        private final BigDecimal[] sums = new BigDecimal[SUMMED.size()];

        Totals() {
            Arrays.fill(sums, BigDecimal.ZERO);
        }

        void add(BigDecimal... values) {
            for (int i = 0; i < values.length; i++) {
                sums[i] = sums[i].add(values[i]);
            }
        }

        ObjectNode json() {
            ObjectNode o = Formats.object();
            for (int i = 0; i < sums.length; i++) {
                o.set(SUMMED.get(i), Formats.number(Dec.round(sums[i], 2)));
            }
            return o;
        }
    }

    private static String first(Table register) {
        return """
                You are the payroll clerk of Lakeshore Fabrication Co. Run the biweekly payroll for the pay \
                period 2 to 15 June 2025 (two workweeks, each Monday to Sunday).

                Files in the workspace:
                - `employees.csv`: hourly employees with their hourly rate and their pre-tax 401(k) \
                contribution in percent of gross pay.
                - `withholding.json`: the overtime rule and the withholding table for a biweekly period.
                - `timesheets/`: one CSV file per workweek of daily hours. Only `timesheets/week-1.csv` has \
                come in so far: for now, prepare a preliminary register from the hours you have.

                Rules, for each employee:
                1. Overtime is computed per workweek: hours above 40 in a workweek are overtime hours, the \
                rest are regular hours. regular_hours and overtime_hours are the period's totals.
                2. gross_pay = regular_hours x hourly_rate + overtime_hours x hourly_rate x 1.5, rounded to \
                the cent (half up).
                3. pretax_401k = gross_pay x retirement_pct / 100, rounded to the cent.
                4. Taxable wages = gross_pay - pretax_401k. federal_tax: take the last bracket whose "over" \
                amount the taxable wages exceed; federal_tax = base_tax + (taxable wages - over) x rate_pct \
                / 100, rounded to the cent.
                5. social_security = gross_pay x social_security_pct / 100 and medicare = gross_pay x \
                medicare_pct / 100, each rounded to the cent; state_tax = taxable wages x state_pct / 100, \
                rounded to the cent.
                6. net_pay = gross_pay - pretax_401k - federal_tax - social_security - medicare - state_tax.

                Write `payroll.csv` with the header `{header}` (one row per employee, hours and amounts with \
                2 decimal places) and `payroll_totals.json`: one JSON object with the sums of the columns \
                "overtime_hours", "gross_pay", "pretax_401k", "federal_tax", "social_security", "medicare", \
                "state_tax" and "net_pay".

                Grading: only the files as they stand at the end of the task are graded. Rows are matched by \
                employee_id; hours and amounts are graded within 0.01; rows for unknown employees cost credit."""
                .replace("{header}", register.headerLine());
    }

    private static String second() {
        return """
                The second week's timesheets have arrived: `timesheets/week-2.csv`. Recompute `payroll.csv` \
                and `payroll_totals.json` as the final register for the whole pay period (both workweeks), \
                with the same rules. Remember that overtime is computed per workweek, not over the period.""";
    }
}
