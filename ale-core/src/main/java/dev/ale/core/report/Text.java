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
        String s = fixed(100 * v, 1) + "%";
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
        String s = fixed(v, 3);
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
        String s = fixed(w, 3);
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '0') {
            end--; // the trailing zeros go
        }
        return s.substring(0, end);
    }

    /** A duration for people: 850 ms, 12.3 s, 4 min 05 s, 2 h 03 min. */
    static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return fixed(ms / 1000.0, 1) + " s";
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
        long ms = d.toMillis();
        if (ms < 0 || ms >= 1_000_000_000_000L) {
            return String.format(Locale.ROOT, "%.3f", ms / 1000.0);
        }
        // what %.3f makes of ms / 1000.0: under 10^9 s that double is the nearest to these digits
        return ms / 1000 + "." + padded(ms % 1000, 3);
    }

    /** The powers of ten that {@link #fixed} scales by. */
    private static final long[] SCALE = {1, 10, 100, 1_000, 10_000};

    /**
     * {@code String.format(Locale.ROOT, "%.<decimals>f", v)} for 1 to 4 decimals, without the
     * formatter (a microsecond a call, most of a report's time) for the usual values: from 0 to 1,000
     * and not within a millionth of a unit of a rounding tie. There the value times 10^decimals is
     * off by less than 10^-9, so its rounding is the formatter's. Anything else (a tie, a negative
     * value or -0.0, NaN, an infinity, 1,000 or more) goes to the formatter.
     */
    static String fixed(double v, int decimals) {
        long scale = SCALE[decimals];
        double t = v * scale;
        double floor = Math.floor(t);
        double fraction = t - floor;
        if (!(v >= 0 && v < 1000) || Double.doubleToRawLongBits(v) < 0 || Math.abs(fraction - 0.5) < 1e-6) {
            return String.format(Locale.ROOT, "%." + decimals + "f", v);
        }
        long units = (long) floor + (fraction > 0.5 ? 1 : 0);
        return units / scale + "." + padded(units % scale, decimals);
    }

    /** {@code n} (0 or more) with leading zeros to {@code width} digits. */
    private static String padded(long n, int width) {
        String digits = Long.toString(n);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
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
        String clean = clean(s);
        StringBuilder b = null;
        boolean inBreak = false;
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            boolean isBreak = c == '\r' || c == '\n' || c == '\t';
            if (isBreak && b == null) {
                b = new StringBuilder(clean.length()).append(clean, 0, i);
            }
            if (b != null && !(isBreak && inBreak)) {
                b.append(isBreak ? ' ' : c); // a run of breaks becomes one space
            }
            inBreak = isBreak;
        }
        return b == null ? clean : b.toString();
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
