package dev.ale.samples.packgen.starter;

import static dev.ale.samples.packgen.starter.Grading.columns;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code court-deadline-calculator}: response and filing deadlines under a fictional court's
 * local rules: short periods that skip weekends and court holidays, long periods that count every
 * day, three days added for service by mail after the period would otherwise expire, and
 * backward-counted deadlines before hearings and trial that move to the preceding court day.
 */
final class CourtDeadlinesTask {
    static final String ID = "court-deadline-calculator";
    private static final String[][] HOLIDAYS = Catalogs.table(ID, "HOLIDAYS");
    /** code, description, days, direction, anchor, mail rule applies. */
    private static final String[][] RULES = Catalogs.table(ID, "RULES");
    /** Anchors and deadlines stay within the year the holiday list covers. */
    private static final LocalDate FIRST = LocalDate.of(2025, 1, 2);

    private static final LocalDate LAST = LocalDate.of(2025, 12, 19);
    private static final String[] METHODS = {"MAIL", "E-SERVICE", "HAND"};

    private CourtDeadlinesTask() {}

    static void generate(StarterTask task, Random random) {
        Set<LocalDate> holidays = new TreeSet<>();
        Table holidayTable = new Table("date,name");
        for (String[] h : HOLIDAYS) {
            holidays.add(LocalDate.parse(h[0]));
            holidayTable.row(h[0], h[1]);
        }
        Table rules = new Table("rule_code,description,days,direction,anchor,mail_extension_applies").addAll(RULES);
        Table events = new Table("event_id,matter,rule_code,anchor_date,service_method");
        Table deadlines = new Table("event_id,rule_code,due_date,days_from_anchor");
        List<LocalDate> near = holidays.stream().toList();
        for (int e = 0; e < 24; e++) {
            String[] rule = RULES[e % RULES.length];
            LocalDate anchor;
            do {
                LocalDate holiday = near.get(random.nextInt(near.size()));
                int days = Integer.parseInt(rule[2]);
                anchor = rule[3].equals("AFTER")
                        ? holiday.minusDays(random.nextInt(days + 4))
                        : holiday.plusDays(days + random.nextInt(3));
                while (!courtDay(anchor, holidays)) {
                    anchor = anchor.plusDays(1);
                }
            } while (anchor.isBefore(FIRST)
                    || anchor.isAfter(LAST)
                    || due(rule, anchor, "MAIL", holidays).isAfter(LAST)
                    || due(rule, anchor, "MAIL", holidays).isBefore(FIRST));
            String method = rule[4].equals("SERVICE") ? METHODS[random.nextInt(METHODS.length)] : "";
            String id = "EV-" + (1101 + e);
            events.row(id, "25-CV-" + (1000 + random.nextInt(9000)), rule[0], anchor, method);
            LocalDate due = due(rule, anchor, method, holidays);
            deadlines.row(id, rule[0], due, ChronoUnit.DAYS.between(anchor, due));
        }
        task.input("local_rules.md", localRules());
        task.input("court_holidays.csv", holidayTable);
        task.input("deadline_rules.csv", rules);
        task.input("events.csv", events);
        task.csv("deadlines.csv", deadlines, "event_id")
                .rows("due dates", 9, columns().text("rule_code", "due_date").num(0, "days_from_anchor"));
        task.instructions(instruction(deadlines));
    }

    static boolean courtDay(LocalDate d, Set<LocalDate> holidays) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(d);
    }

    static LocalDate due(String[] rule, LocalDate anchor, String method, Set<LocalDate> holidays) {
        int days = Integer.parseInt(rule[2]);
        if (rule[3].equals("BEFORE")) {
            LocalDate d = anchor.minusDays(days);
            while (!courtDay(d, holidays)) {
                d = d.minusDays(1);
            }
            return d;
        }
        LocalDate d = anchor;
        if (days <= 10) {
            for (int left = days; left > 0; ) {
                d = d.plusDays(1);
                left -= courtDay(d, holidays) ? 1 : 0;
            }
        } else {
            d = d.plusDays(days);
        }
        d = rollForward(d, holidays);
        if (rule[5].equals("Y") && method.equals("MAIL")) {
            d = rollForward(d.plusDays(3), holidays);
        }
        return d;
    }

    private static LocalDate rollForward(LocalDate d, Set<LocalDate> holidays) {
        LocalDate out = d;
        while (!courtDay(out, holidays)) {
            out = out.plusDays(1);
        }
        return out;
    }

    private static String localRules() {
        return """
                COURT OF COMMON PLEAS OF ARDMORE COUNTY (fictional) - LOCAL CIVIL RULES, EXCERPT

                Rule 6.1 Computing time.
                (a) Exclude the day of the event that triggers the period.
                (b) A period of 11 days or more counts every day, including Saturdays, Sundays and court \
                holidays.
                (c) A period of 10 days or fewer counts only court days: intermediate Saturdays, Sundays and \
                court holidays are skipped.
                (d) Include the last day of the period, but if the last day is a Saturday, Sunday or court \
                holiday, the period runs until the end of the next day that is none of these (a court day).

                Rule 6.2 Additional time after service by mail.
                When a party may or must act within a period after being served and service was made by \
                MAIL, 3 days are added after the period would otherwise expire under Rule 6.1 (that is, after \
                any move under Rule 6.1(d)); if the resulting day is not a court day, the period runs until \
                the next court day. Service by E-SERVICE or HAND adds no days. Rule 6.2 applies only where the \
                deadline rules say it does.

                Rule 6.3 Periods counted backward.
                When a paper must be filed a number of days before a hearing or trial, count backward from \
                the hearing or trial date, excluding that date and counting every day. If the day reached is \
                not a court day, the deadline is the last court day before it.

                The court holidays of the year are listed in court_holidays.csv.""";
    }

    private static String instruction(Table deadlines) {
        return """
                You are the docketing clerk of a litigation firm. Calculate the deadline of every docket \
                event in `events.csv` under the court's local rules.

                Files in the workspace:
                - `local_rules.md`: the court's rules for computing time (Rules 6.1 to 6.3).
                - `court_holidays.csv`: the court holidays of 2025.
                - `deadline_rules.csv`: per rule_code, the number of days, whether the period runs AFTER or \
                BEFORE its anchor, what the anchor is, and whether the mail extension of Rule 6.2 applies.
                - `events.csv`: the docket events: the rule_code, the anchor date (the date of service, of \
                entry of judgment, or of the hearing or trial) and, for service, how the paper was served.

                Write `deadlines.csv` with the header `{header}` and one row per event: due_date as \
                YYYY-MM-DD, the last day on which the act is timely, and days_from_anchor, the number of \
                calendar days from the anchor date to the due date (negative for a deadline before it).

                Grading: rows are matched by event_id; rule_code, due_date and days_from_anchor must be exact; rows for \
                unknown events cost credit."""
                .replace("{header}", deadlines.headerLine());
    }
}
