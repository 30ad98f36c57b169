package dev.ale.samples;

import dev.ale.api.SessionOutcome;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The agent's rules for library circulation: on-time and late returns, overdue items, fines with grace and caps. */
final class CirculationReporter {
    private static final String STATS = "branch_stats.csv";
    private static final String NOTICES = "overdue_notices.csv";

    private CirculationReporter() {}

    static SessionOutcome solve(AgentWorkspace ws, String instruction) throws IOException {
        List<String> date = Instructions.all(instruction, "as of (\\d{1,2} [A-Z][a-z]+ \\d{4})");
        if (date.isEmpty()
                || !Instructions.asksFor(
                        instruction,
                        STATS,
                        "branch,checkouts,returned_on_time,returned_late,still_out,overdue_now,fines_assessed,fines_accruing")
                || !Instructions.asksFor(instruction, NOTICES, "loan_id,branch,days_overdue,fine_to_date")) {
            return SessionOutcome.gaveUp("no report date or unexpected output format");
        }
        LocalDate report = LocalDate.parse(date.get(0), DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.US));
        ws.list();
        Map<String, Map<String, String>> policy = new HashMap<>();
        ws.csv("fine_policy.csv").forEach(p -> policy.put(p.get("item_type"), p));
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, BigDecimal[]> fines = new TreeMap<>();
        SimpleCsv.Writer notices = new SimpleCsv.Writer(Instructions.header(instruction, NOTICES));
        for (Map<String, String> loan : ws.csv("loans.csv")) {
            String branch = loan.get("branch");
            long[] c = counts.computeIfAbsent(branch, k -> new long[5]);
            BigDecimal[] f = fines.computeIfAbsent(branch, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            LocalDate due = LocalDate.parse(loan.get("due_date"));
            boolean returned = !loan.get("return_date").isBlank();
            LocalDate until = returned ? LocalDate.parse(loan.get("return_date")) : report;
            long late = Math.max(0, ChronoUnit.DAYS.between(due, until));
            Map<String, String> p = policy.get(loan.get("item_type"));
            BigDecimal fine = loan.get("patron_type").equals("CHILD") || late <= Long.parseLong(p.get("grace_days"))
                    ? BigDecimal.ZERO
                    : Num.of(p.get("daily_fine")).multiply(Num.of(late)).min(Num.of(p.get("max_fine")));
            c[0]++;
            if (returned) {
                c[late == 0 ? 1 : 2]++;
                f[0] = f[0].add(late == 0 ? BigDecimal.ZERO : fine);
            } else {
                c[3]++;
                if (late > 0) {
                    c[4]++;
                    f[1] = f[1].add(fine);
                    notices.row(loan.get("loan_id"), branch, late, Num.round(fine, 2));
                }
            }
        }
        SimpleCsv.Writer stats = new SimpleCsv.Writer(Instructions.header(instruction, STATS));
        counts.forEach((b, c) -> stats.row(
                b, c[0], c[1], c[2], c[3], c[4], Num.round(fines.get(b)[0], 2), Num.round(fines.get(b)[1], 2)));
        ws.write(STATS, stats.text());
        ws.write(NOTICES, notices.text());
        return SessionOutcome.completed();
    }
}
