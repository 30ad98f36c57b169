package dev.ale.verifiers.internal.support;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Reads numbers the way people and agents write them. Around a plain decimal number (optionally
 * with an exponent) it accepts: surrounding spaces; currency symbols before or after
 * ({@code $}, {@code €}, {@code £}, any Unicode currency sign); a sign before or after the
 * currency symbol ({@code -$5}, {@code $-5}, also U+2212); accounting negatives in parentheses
 * ({@code (1,234.50)}); thousands separators {@code ,}, space, no-break space or thin space in
 * groups of three ({@code 1,234,567.5}); a trailing {@code %}, which is dropped without scaling
 * ({@code 12.5%} reads as 12.5). Anything else, such as {@code 1,5} or {@code 12abc}, is not a
 * number. Numbers beyond 10^±1000 are refused, so a hostile value cannot make arithmetic explode.
 */
@API(status = INTERNAL)
public final class Numbers {
    private static final int MAX_MAGNITUDE = 1000;

    private Numbers() {}

    /** The number a JSON value holds (a JSON number, or a string that parses), or null. */
    public static @Nullable BigDecimal of(JsonNode v) {
        if (v == null) {
            return null;
        }
        if (v.isTextual()) {
            return parse(v.textValue());
        }
        if (!v.isNumber()) {
            return null;
        }
        BigDecimal d;
        if (v.isBigDecimal()) {
            d = v.decimalValue();
        } else if (v.isIntegralNumber()) {
            d = new BigDecimal(v.bigIntegerValue());
        } else if (Double.isFinite(v.doubleValue())) {
            d = new BigDecimal(Double.toString(v.doubleValue()));
        } else {
            return null;
        }
        return sane(d) ? d : null;
    }

    /** The number {@code text} holds, under the rules in the class comment, or null. */
    public static @Nullable BigDecimal parse(String text) {
        BigDecimal fast = simple(text);
        if (fast != null) {
            return fast;
        }
        String s = strip(text);
        boolean negative = false;
        if (s.length() >= 2 && s.charAt(0) == '(' && s.charAt(s.length() - 1) == ')') {
            negative = true;
            s = strip(s.substring(1, s.length() - 1));
        }
        if (s.endsWith("%")) {
            s = strip(s.substring(0, s.length() - 1));
        }
        int start = 0;
        int end = s.length();
        char sign = 0;
        for (int round = 0; round < 2; round++) {
            while (start < end && (isCurrency(s.charAt(start)) || isSpace(s.charAt(start)))) {
                start++;
            }
            if (sign == 0 && start < end && isSign(s.charAt(start))) {
                sign = s.charAt(start++);
            }
        }
        while (end > start && (isCurrency(s.charAt(end - 1)) || isSpace(s.charAt(end - 1)))) {
            end--;
        }
        String body = plain(s, start, end);
        if (body == null) {
            return null;
        }
        BigDecimal d;
        try {
            d = new BigDecimal(body);
        } catch (NumberFormatException e) {
            return null;
        }
        if (!sane(d)) {
            return null;
        }
        boolean minus = sign == '-' || sign == '\u2212';
        return negative != minus ? d.negate() : d;
    }

    /**
     * The common case without allocation beyond the result: an optional sign, 1 to 18 digits with
     * an optional fraction ({@code -1234.50}); null for anything else, which {@link #parse} then
     * reads the long way (to the same value).
     */
    private static @Nullable BigDecimal simple(String s) {
        int n = s.length();
        int i = n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
        long unscaled = 0;
        int digits = 0;
        int scale = -1;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                unscaled = unscaled * 10 + (c - '0');
                digits++;
                scale += scale >= 0 ? 1 : 0;
            } else if (c == '.' && scale < 0 && digits > 0) {
                scale = 0;
            } else {
                return null;
            }
        }
        if (digits == 0 || digits > 18 || scale == 0) {
            return null;
        }
        return BigDecimal.valueOf(s.charAt(0) == '-' ? -unscaled : unscaled, Math.max(scale, 0));
    }

    /** digits with optional groups of three, optional fraction, optional exponent; or null. */
    private static @Nullable String plain(String s, int start, int end) {
        StringBuilder out = new StringBuilder(end - start);
        int i = start;
        int group = 0;
        boolean grouped = false;
        int intDigits = 0;
        while (i < end) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(c);
                group++;
                intDigits++;
            } else if (c == ',' || isSpace(c)) {
                if (group == 0 || (grouped && group != 3) || (!grouped && group > 3)) {
                    return null;
                }
                grouped = true;
                group = 0;
            } else {
                break;
            }
            i++;
        }
        if (grouped && group != 3) {
            return null;
        }
        int fracDigits = 0;
        if (i < end && s.charAt(i) == '.') {
            out.append('.');
            i++;
            while (i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                out.append(s.charAt(i++));
                fracDigits++;
            }
        }
        if (intDigits + fracDigits == 0) {
            return null;
        }
        if (i < end && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            out.append('e');
            i++;
            if (i < end && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                out.append(s.charAt(i++));
            }
            int expStart = i;
            while (i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i - expStart < 6) {
                out.append(s.charAt(i++));
            }
            if (i == expStart) {
                return null;
            }
        }
        return i == end ? out.toString() : null;
    }

    private static boolean sane(BigDecimal d) {
        return Math.abs((long) d.precision() - d.scale()) <= MAX_MAGNITUDE && Math.abs(d.scale()) <= 2 * MAX_MAGNITUDE;
    }

    private static String strip(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && isSpace(s.charAt(a))) {
            a++;
        }
        while (b > a && isSpace(s.charAt(b - 1))) {
            b--;
        }
        return s.substring(a, b);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0' || c == '\u202F' || c == '\u2007';
    }

    private static boolean isSign(char c) {
        return c == '+' || c == '-' || c == '\u2212';
    }

    private static boolean isCurrency(char c) {
        return Character.getType(c) == Character.CURRENCY_SYMBOL;
    }
}
