package dev.ale.samples;

import dev.ale.api.SessionOutcome;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The agent's rules for docketing contract deadlines: read each agreement, find its Contract ID,
 * Effective Date, Expiration Date and weekend rule, and turn every clause with a fixed date or a
 * period from the Effective Date or to the Expiration Date into a row. It has no rules for
 * amendments, which rewrite other documents by quoted substitutions, so it gives up on those.
 */
final class DeadlineDocketer {
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);
    private static final String DATE = "([A-Z][a-z]+ \\d{1,2}, \\d{4})";
    private static final Pattern ID = Pattern.compile("Contract ID:\\s*(\\S+)");
    private static final Pattern EFFECTIVE = Pattern.compile("as of " + DATE + " \\(the \"Effective Date\"\\)");
    private static final Pattern EXPIRATION = Pattern.compile(DATE + " \\(the \"Expiration Date\"\\)");
    private static final Pattern CLAUSE = Pattern.compile("^(\\d+\\.\\d+) ([^.]+)\\. (.*)$");
    private static final Pattern ON_OR_BEFORE = Pattern.compile("on or before " + DATE);
    private static final Pattern AFTER =
            Pattern.compile("within [a-z -]+ \\((\\d+)\\) (Business Days|days) after the Effective Date");
    private static final Pattern BEFORE =
            Pattern.compile("at least [a-z -]+ \\((\\d+)\\) days before the Expiration Date");

    private final AgentWorkspace ws;

    DeadlineDocketer(AgentWorkspace ws) {
        this.ws = ws;
    }

    SessionOutcome solve(String instruction) throws IOException {
        List<String> files = ws.list();
        String output = AgentWorkspace.outputName(instruction, "deadlines.csv");
        boolean amendment = files.stream().anyMatch(f -> f.contains("amendment"));
        if (amendment && files.contains(output)) {
            ws.think("An amendment rewrites the supply agreement by quoted substitutions; I have no rules to apply "
                    + "those, so I leave the deadlines as docketed from the original agreements.");
            return SessionOutcome.gaveUp(
                    "cannot apply amendments; deadlines.csv reflects the original agreements only");
        }
        StringBuilder csv = new StringBuilder(SimpleCsv.line("contract", "clause", "event", "due_date"));
        for (String file : files) {
            if (file.startsWith("contracts/") && file.endsWith(".txt")) {
                docket(ws.read(file), csv);
            }
        }
        ws.write(output, csv.toString());
        return amendment
                ? SessionOutcome.gaveUp("cannot apply amendments; docketed the original agreements only")
                : SessionOutcome.completed();
    }

    private void docket(String text, StringBuilder csv) {
        String flat = text.replaceAll("\\s+", " ");
        Matcher id = ID.matcher(flat);
        Matcher effective = EFFECTIVE.matcher(flat);
        if (!id.find() || !effective.find()) {
            ws.think("No Contract ID or Effective Date found; skipping this document.");
            return;
        }
        LocalDate start = LocalDate.parse(effective.group(1), LONG_DATE);
        Matcher expiration = EXPIRATION.matcher(flat);
        LocalDate end = expiration.find() ? LocalDate.parse(expiration.group(1), LONG_DATE) : null;
        boolean rollBack = flat.contains("preceding Friday");
        ws.think(id.group(1) + ": effective " + start + ", " + (end == null ? "no expiration date" : "expires " + end)
                + ", weekends roll "
                + (rollBack ? "back to Friday" : "forward to Monday") + ".");
        for (String clause : clauses(text)) {
            Matcher m = CLAUSE.matcher(clause);
            if (!m.matches()) {
                continue;
            }
            LocalDate due = due(m.group(3), start, end);
            if (due != null) {
                csv.append(SimpleCsv.line(
                        id.group(1), m.group(1), m.group(2), roll(due, rollBack).toString()));
            }
        }
    }

    private static @Nullable LocalDate due(String body, LocalDate start, LocalDate end) {
        Matcher on = ON_OR_BEFORE.matcher(body);
        if (on.find()) {
            return LocalDate.parse(on.group(1), LONG_DATE);
        }
        Matcher after = AFTER.matcher(body);
        if (after.find()) {
            int n = Integer.parseInt(after.group(1));
            return after.group(2).equals("days") ? start.plusDays(n) : plusBusinessDays(start, n);
        }
        Matcher before = BEFORE.matcher(body);
        if (before.find() && end != null) {
            return end.minusDays(Integer.parseInt(before.group(1)));
        }
        return null;
    }

    /** Clauses as single lines: a clause starts at a line "N.N Title." and runs to the next blank line. */
    private static List<String> clauses(String text) {
        List<String> clauses = new ArrayList<>();
        StringBuilder current = null;
        for (String line : text.split("\n")) {
            if (line.matches("\\d+\\.\\d+ .*")) {
                current = new StringBuilder(line.trim());
                clauses.add(null);
            } else if (line.isBlank()) {
                current = null;
            } else if (current != null) {
                current.append(' ').append(line.trim());
            }
            if (current != null) {
                clauses.set(clauses.size() - 1, current.toString());
            }
        }
        return clauses;
    }

    private static LocalDate plusBusinessDays(LocalDate start, int n) {
        LocalDate d = start;
        for (int left = n; left > 0; ) {
            d = d.plusDays(1);
            if (!weekend(d)) {
                left--;
            }
        }
        return d;
    }

    private static LocalDate roll(LocalDate d, boolean back) {
        LocalDate r = d;
        while (weekend(r)) {
            r = back ? r.minusDays(1) : r.plusDays(1);
        }
        return r;
    }

    private static boolean weekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
