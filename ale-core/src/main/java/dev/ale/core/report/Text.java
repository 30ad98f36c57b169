package dev.ale.core.report;

import dev.ale.api.Cause;
import dev.ale.api.Outcome;
import dev.ale.api.spi.Check;
import dev.ale.api.task.PackRef;
import dev.ale.core.AttemptResult;
import dev.ale.core.Estimate;
import dev.ale.core.EvaluationReport;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Formatting shared by the report formats: figures, durations, labels, the text form of a check tree. */
final class Text {
    /** The most attempts the human reports (Markdown, HTML) show one by one; report.json and junit.xml hold all. */
    static final int DETAIL_LIMIT = 5_000;

    private Text() {}

    /** {@code n} and the noun, plural unless n is 1: {@code 1 attempt}, {@code 2 attempts}. */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The headline of the attempts that ended in an infrastructure error: {@code 2 attempts ended in ...}. */
    static String infrastructureErrors(int n) {
        return count(n, "attempt") + " ended in an infrastructure error";
    }

    /**
     * The text with every character XML 1.0 does not allow removed (C0 controls other than tab,
     * line feed and carriage return, lone surrogates, U+FFFE, U+FFFF); null reads as "".
     */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int width = Character.charCount(cp);
            boolean legal = cp == 0x9
                    || cp == 0xA
                    || cp == 0xD
                    || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD)
                    || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (!legal && b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            } else if (legal && b != null) {
                b.appendCodePoint(cp);
            }
            i += width;
        }
        return b == null ? s : b.toString();
    }

    /** A rate as a percentage with one decimal; never shows 100.0% for less than all, nor 0.0% for more than none. */
    static String percent(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        String s = String.format(Locale.ROOT, "%.1f%%", 100 * v);
        if (v < 1 && s.equals("100.0%")) {
            return "99.9%";
        }
        return v > 0 && s.equals("0.0%") ? "0.1%" : s;
    }

    /** A score in [0, 1] with three decimals; never shows 1.000 for less than a full score. */
    static String score(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        String s = String.format(Locale.ROOT, "%.3f", v);
        if (v < 1 && s.equals("1.000")) {
            return "0.999";
        }
        return v > 0 && s.equals("0.000") ? "0.001" : s;
    }

    /** {@code low–high} of an estimate as percentages, or n/a. */
    static String percentInterval(Estimate e) {
        return e.isEmpty() ? "n/a" : percent(e.low()) + "–" + percent(e.high());
    }

    /** {@code low–high} of an estimate as scores, or n/a. */
    static String scoreInterval(Estimate e) {
        return e.isEmpty() ? "n/a" : score(e.low()) + "–" + score(e.high());
    }

    /** A weight without needless decimals: 1, 2.5, 0.333. */
    static String weight(double w) {
        if (w == Math.rint(w) && Math.abs(w) < 1e15) {
            return Long.toString((long) w);
        }
        return String.format(Locale.ROOT, "%.3f", w).replaceAll("0+$", "");
    }

    /** A duration for people: 850 ms, 12.3 s, 4 min 05 s, 2 h 03 min. */
    static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = ms / 1000;
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }

    /** An instant for people, to the second: {@code 2026-11-25 09:49:15 UTC}. */
    static String instant(Instant t) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
                .withZone(ZoneOffset.UTC)
                .format(t);
    }

    /** Seconds with millisecond precision, as JUnit XML wants them. */
    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toMillis() / 1000.0);
    }

    /** {@code name@version} of each pack, joined with {@code +}. */
    static String packs(EvaluationReport r) {
        if (r.packs().isEmpty()) {
            return "no pack";
        }
        return String.join(
                " + ", r.packs().stream().map(p -> p.name() + "@" + p.version()).toList());
    }

    /** The first 12 characters of a digest, enough to tell packs apart at a glance. */
    static String shortDigest(PackRef p) {
        return p.digest().length() > 12 ? p.digest().substring(0, 12) : p.digest();
    }

    /** The cause as a report shows it: blank for NONE (a plain pass or a plain low score). */
    static String cause(AttemptResult a) {
        return a.cause() == Cause.NONE ? "" : a.cause().name();
    }

    /** What to say about an attempt in one line: its message, else its verdict's summary. */
    static String message(AttemptResult a) {
        String m = a.message().isBlank() ? a.verdict().summary() : a.message();
        return clean(m).strip();
    }

    /** Attempts grouped by task id, in report order (tasks in pack order, trials ascending). */
    static Map<String, List<AttemptResult>> byTask(List<AttemptResult> attempts) {
        Map<String, List<AttemptResult>> tasks = new LinkedHashMap<>();
        for (AttemptResult a : attempts) {
            tasks.computeIfAbsent(a.taskId(), k -> new ArrayList<>()).add(a);
        }
        return tasks;
    }

    /** The mean score over the scored attempts of a list, NaN when none was scored. */
    static double meanScore(List<AttemptResult> attempts) {
        return attempts.stream()
                .filter(a -> a.outcome() != Outcome.ERROR)
                .mapToDouble(AttemptResult::score)
                .average()
                .orElse(Double.NaN);
    }

    /**
     * The check tree as indented plain text, one check a line:
     * {@code [PASS] name  score 1.000  weight 1  gate  expected: …  actual: …}.
     */
    static String checkTree(List<Check> checks) {
        StringBuilder b = new StringBuilder();
        appendChecks(b, checks, 0);
        return b.toString();
    }

    private static void appendChecks(StringBuilder b, List<Check> checks, int depth) {
        for (Check c : checks) {
            b.append("  ".repeat(depth))
                    .append(c.passed() ? "[PASS] " : "[FAIL] ")
                    .append(oneLine(c.name()))
                    .append("  score ")
                    .append(score(c.score()))
                    .append("  weight ")
                    .append(weight(c.weight()));
            if (c.gate()) {
                b.append("  gate");
            }
            if (!c.expected().isEmpty()) {
                b.append("  expected: ").append(oneLine(c.expected()));
            }
            if (!c.actual().isEmpty()) {
                b.append("  actual: ").append(oneLine(c.actual()));
            }
            b.append('\n');
            appendChecks(b, c.children(), depth + 1);
        }
    }

    /** The text on one line: every line break or tab becomes a space, illegal characters go. */
    static String oneLine(String s) {
        return clean(s).replaceAll("[\\r\\n\\t]+", " ");
    }

    /**
     * The text made safe for HTML and XML, in element content and in quoted attributes alike:
     * {@code & < > " '} become references and illegal characters go.
     */
    static String escape(String s) {
        String clean = clean(s);
        StringBuilder out = new StringBuilder(clean.length() + 16);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
