package dev.ale.samples.packgen.starter;

import static dev.ale.samples.packgen.starter.Grading.columns;

import dev.ale.samples.packgen.Formats;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * {@code library-circulation}: monthly circulation statistics of a four-branch public library
 * and its overdue notices: on-time and late returns, items still out and overdue, and fines by
 * item type with grace days and caps, children exempt.
 */
final class LibraryCirculationTask {
    static final String ID = "library-circulation";
    static final LocalDate REPORT_DATE = LocalDate.of(2025, 4, 30);

    private static final String[] BRANCHES = {"CENTRAL", "EASTSIDE", "MILLBROOK", "RIVERVIEW"};
    private static final String[] PATRONS = {"ADULT", "ADULT", "ADULT", "SENIOR", "CHILD"};
    /** item type, loan days, daily fine, maximum fine, grace days. */
    private static final String[][] POLICY = Catalogs.table(ID, "POLICY");

    private static final int LOANS = 160;

    private LibraryCirculationTask() {}

    private static final class Stats {
        int checkouts;
        int onTime;
        int late;
        int out;
        int overdue;
        BigDecimal assessed = BigDecimal.ZERO;
        BigDecimal accruing = BigDecimal.ZERO;
    }

    static void generate(StarterTask task, Random random) {
        Table policy = new Table("item_type,loan_days,daily_fine,max_fine,grace_days").addAll(POLICY);
        Table loans = new Table("loan_id,branch,patron_type,item_type,checkout_date,due_date,return_date");
        Table notices = new Table("loan_id,branch,days_overdue,fine_to_date");
        Map<String, Stats> stats = new LinkedHashMap<>();
        for (String b : BRANCHES) {
            stats.put(b, new Stats());
        }
        LocalDate first = LocalDate.of(2025, 3, 10);
        for (int i = 0; i < LOANS; i++) {
            String branch = BRANCHES[random.nextInt(BRANCHES.length)];
            String patron = PATRONS[random.nextInt(PATRONS.length)];
            String[] p = POLICY[random.nextInt(POLICY.length)];
            LocalDate checkout = first.plusDays(random.nextInt(50));
            LocalDate due = checkout.plusDays(Integer.parseInt(p[1]));
            double roll = random.nextDouble();
            LocalDate returned = roll < 0.55
                    ? due.minusDays(random.nextInt(Integer.parseInt(p[1])))
                    : roll < 0.8 ? due.plusDays(1 + random.nextInt(20)) : null;
            if (returned != null && returned.isAfter(REPORT_DATE)) {
                returned = null;
            }
            String id = "L" + (250001 + i);
            loans.row(id, branch, patron, p[0], checkout, due, returned);
            Stats s = stats.get(branch);
            s.checkouts++;
            LocalDate until = returned != null ? returned : REPORT_DATE;
            long daysLate = Math.max(0, ChronoUnit.DAYS.between(due, until));
            BigDecimal fine = patron.equals("CHILD") || daysLate <= Long.parseLong(p[4])
                    ? BigDecimal.ZERO
                    : Dec.of(p[2]).multiply(Dec.of(daysLate)).min(Dec.of(p[3]));
            if (returned != null) {
                if (daysLate == 0) {
                    s.onTime++;
                } else {
                    s.late++;
                    s.assessed = s.assessed.add(fine);
                }
            } else {
                s.out++;
                if (daysLate > 0) {
                    s.overdue++;
                    s.accruing = s.accruing.add(fine);
                    notices.row(id, branch, daysLate, Formats.money(fine));
                }
            }
        }
        Table branches = new Table(
                "branch,checkouts,returned_on_time,returned_late,still_out,overdue_now,fines_assessed,fines_accruing");
        stats.forEach((b, s) -> branches.row(
                b,
                s.checkouts,
                s.onTime,
                s.late,
                s.out,
                s.overdue,
                Formats.money(s.assessed),
                Formats.money(s.accruing)));
        task.input("loans.csv", loans);
        task.input("fine_policy.csv", policy);
        task.csv("branch_stats.csv", branches, "branch")
                .rows(
                        "branch counts",
                        4,
                        columns().num(0, "checkouts", "returned_on_time", "returned_late", "still_out", "overdue_now"))
                .rows("branch fines", 3, columns().num(0.01, "fines_assessed", "fines_accruing"));
        task.csv("overdue_notices.csv", notices, "loan_id")
                .rows(
                        "overdue notices",
                        3,
                        columns().text("branch").num(0, "days_overdue").num(0.01, "fine_to_date"));
        task.instructions(instruction(branches, notices));
    }

    private static String instruction(Table branches, Table notices) {
        return """
                You work in the circulation office of the Harlow County Public Library. Compile the monthly \
                circulation report as of 30 April 2025 (the report date) and the list of overdue notices.

                Files in the workspace:
                - `loans.csv`: every loan of the period (loan_id, branch, patron_type, item_type, \
                checkout_date, due_date, return_date); return_date is empty while the item is still out.
                - `fine_policy.csv`: per item type, the loan period, the daily fine, the maximum fine per \
                loan and the grace days.

                Rules, for each loan:
                1. A returned item is on time when return_date <= due_date, late otherwise. An item still \
                out is overdue when the report date is after its due_date.
                2. days late = return_date - due_date for a late return, report date - due_date for an \
                overdue item (calendar days).
                3. fine = min(days late x daily_fine, max_fine), but 0 when days late <= grace_days (the \
                grace only waives the fine; it is not subtracted from the days), and always 0 for patron \
                type CHILD.

                Write `branch_stats.csv` with the header `{branches}` and one row per branch: checkouts (all \
                loans of the branch), returned_on_time, returned_late, still_out, overdue_now (still out and \
                overdue), fines_assessed (the fines of the late returns) and fines_accruing (the fines to \
                date of the overdue items), amounts with 2 decimal places.

                Write `overdue_notices.csv` with the header `{notices}` and one row per overdue item \
                (days_overdue = its days late, fine_to_date = its fine), including those whose fine is 0.

                Grading: rows are matched by branch and by loan_id; counts and days must be exact, amounts \
                are graded within 0.01, and rows that do not belong cost credit."""
                .replace("{branches}", branches.headerLine())
                .replace("{notices}", notices.headerLine());
    }
}
