package dev.ale.verifiers.internal.table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Dates and times in xlsx cells: a number (days since the workbook's epoch, the fraction being
 * the time of day) under a date or time number format. Built-in formats 14–17 and 27–36, 50–58
 * are dates, 18–21 and 45, 47 times, 22 a date and time; a custom format is a date or time when,
 * outside quoted text, escapes and {@code [...]} sections, it uses {@code y}, {@code d} or
 * {@code m} (a date) or {@code h} or {@code s} (a time), and no digit placeholder {@code #} or
 * {@code ?}. Elapsed-time formats ({@code [h]:mm}) stay numbers.
 */
final class XlsxDates {
    /** How a number under a format reads. */
    enum Kind {
        NUMBER,
        DATE,
        TIME,
        DATE_TIME
    }

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);
    private static final long LAST_SERIAL = 2_958_465; // 9999-12-31

    private XlsxDates() {}

    /** What a number under format {@code id} (with its code {@code format}, null for built-ins) is. */
    static Kind kind(Integer id, String format) {
        if (format == null || format.isEmpty()) {
            return id == null ? Kind.NUMBER : builtIn(id);
        }
        return custom(format);
    }

    private static Kind builtIn(int id) {
        if (id >= 14 && id <= 17 || id >= 27 && id <= 36 || id >= 50 && id <= 58) {
            return Kind.DATE;
        }
        if (id >= 18 && id <= 21 || id == 45 || id == 47) {
            return Kind.TIME;
        }
        return id == 22 ? Kind.DATE_TIME : Kind.NUMBER;
    }

    private static Kind custom(String format) {
        boolean date = false;
        boolean time = false;
        boolean month = false;
        boolean quoted = false;
        for (int i = 0; i < format.length(); i++) {
            char c = Character.toLowerCase(format.charAt(i));
            if (quoted) {
                quoted = c != '"';
            } else if (c == '"') {
                quoted = true;
            } else if (c == ';') {
                break;
            } else if (c == '\\' || c == '_' || c == '*') {
                i++;
            } else if (c == '[') {
                int close = format.indexOf(']', i);
                String inside = close < 0 ? "" : format.substring(i + 1, close).toLowerCase(Locale.ROOT);
                if (inside.matches("h+|m+|s+")) {
                    return Kind.NUMBER;
                }
                i = close < 0 ? format.length() : close;
            } else if (c == '#' || c == '?') {
                return Kind.NUMBER;
            } else if (c == 'y' || c == 'd') {
                date = true;
            } else if (c == 'h' || c == 's') {
                time = true;
            } else if (c == 'm') {
                month = true;
            } else if (c == 'a' && format.regionMatches(true, i, "am/pm", 0, 5)) {
                time = true;
                i += 4;
            }
        }
        date |= month && !time;
        return date && time ? Kind.DATE_TIME : date ? Kind.DATE : time ? Kind.TIME : Kind.NUMBER;
    }

    /** {@code serial} as ISO text of the kind, or null when it is no date Excel can show. */
    static @Nullable String render(BigDecimal serial, Kind kind, boolean date1904) {
        if (serial.signum() < 0 || serial.compareTo(BigDecimal.valueOf(LAST_SERIAL + 1)) >= 0) {
            return null;
        }
        long seconds = serial.multiply(SECONDS_PER_DAY)
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
        long days = Math.floorDiv(seconds, 86_400L);
        LocalTime t = LocalTime.ofSecondOfDay(Math.floorMod(seconds, 86_400L));
        LocalDate d;
        if (date1904) {
            d = LocalDate.of(1904, 1, 1).plusDays(days);
        } else if (days == 60) {
            return null; // 1900-02-29, which Excel shows but which never was
        } else {
            d = LocalDate.of(1899, 12, days < 60 ? 31 : 30).plusDays(days);
        }
        return switch (kind) {
            case DATE -> d.toString();
            case TIME -> t.format(TIME);
            default -> LocalDateTime.of(d, t).format(DATE_TIME);
        };
    }
}
