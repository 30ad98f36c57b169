package dev.ale.core;

import java.time.Instant;

/**
 * Reads back the instants that {@code Instant.toString} writes ({@code 2026-12-07T00:29:02.123Z}),
 * as the trajectory lines of a run directory hold them: for the years 1970 to 9999 and zero to nine
 * digits of fraction the fields are read by hand (at a run's end {@code Instant.parse} was 40% of
 * reading the trajectories back); any other text goes to {@code Instant.parse}, which gives the
 * same instant or the same error.
 */
final class InstantText {
    private static final int[] DAYS_BEFORE_MONTH = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

    private InstantText() {}

    /** The instant of {@code text}, as {@code Instant.parse} reads it. */
    static Instant parse(String text) {
        Instant fast = plain(text);
        return fast != null ? fast : Instant.parse(text);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} from 1970 on, or null for anything else. */
    private static Instant plain(String t) {
        int n = t.length();
        if (n < 20
                || n > 30
                || n == 21
                || t.charAt(n - 1) != 'Z'
                || t.charAt(4) != '-'
                || t.charAt(7) != '-'
                || t.charAt(10) != 'T'
                || t.charAt(13) != ':'
                || t.charAt(16) != ':'
                || (n > 20 && t.charAt(19) != '.')) {
            return null;
        }
        int year = number(t, 0, 4);
        int month = number(t, 5, 2);
        int day = number(t, 8, 2);
        int hour = number(t, 11, 2);
        int minute = number(t, 14, 2);
        int second = number(t, 17, 2);
        int nano = n > 20 ? number(t, 20, n - 21) : 0;
        if (year < 1970
                || month < 1
                || month > 12
                || day < 1
                || day > length(year, month)
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59
                || nano < 0) {
            return null;
        }
        for (int i = n - 21; i < 9; i++) {
            nano *= 10;
        }
        long days = 365L * (year - 1970)
                + leapYearsBefore(year)
                - leapYearsBefore(1970)
                + DAYS_BEFORE_MONTH[month - 1]
                + (month > 2 && leap(year) ? 1 : 0)
                + day
                - 1;
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nano);
    }

    /** The decimal value of {@code width} digits at {@code from}, or -1 when one is not a digit. */
    private static int number(String t, int from, int width) {
        int v = 0;
        for (int i = from; i < from + width; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean leap(int year) {
        return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    /** Leap years from year 1 up to {@code year - 1}. */
    private static int leapYearsBefore(int year) {
        int y = year - 1;
        return y / 4 - y / 100 + y / 400;
    }

    private static int length(int year, int month) {
        return switch (month) {
            case 2 -> leap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }
}
