package dev.ale.tools;

import java.util.Locale;

/** Caps tool output at a number of characters, saying what was cut so the model can ask for the rest. */
final class Output {
    private Output() {}

    /** The first {@code max} characters of {@code text}, with a note when more were cut. */
    static String head(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, cutPoint(text, max)) + "\n[output truncated: " + count(text.length())
                + " characters, the first " + count(max) + " shown]";
    }

    /** The first and last parts of {@code text} within {@code max} characters (the end of a command's output matters most). */
    static String headAndTail(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int half = max / 2;
        int headEnd = cutPoint(text, half);
        int tailStart = text.length() - (max - half);
        if (Character.isLowSurrogate(text.charAt(tailStart))) {
            tailStart++;
        }
        return text.substring(0, headEnd) + "\n[output truncated: "
                + count(text.length() - headEnd - (text.length() - tailStart)) + " of " + count(text.length())
                + " characters cut here]\n" + text.substring(tailStart);
    }

    /** Whether {@link #head} or {@link #headAndTail} would cut {@code text}. */
    static boolean over(String text, int max) {
        return text.length() > max;
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static int cutPoint(String text, int max) {
        return max > 0 && Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    }
}
