package dev.ale.samples;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the rule-based agent reads an instruction: the output files it asks for, the CSV header it
 * wants for each, and numbers stated in its prose. The agent checks that the instruction asks for
 * what its rules produce, and gives up rather than guess when it does not.
 */
final class Instructions {
    private static final Pattern HEADER = Pattern.compile("`([^`\\s]+)` with the header `([^`]+)`");

    private Instructions() {}

    /** The CSV header the instruction asks for {@code file}, as a list of column names, or an empty list. */
    static List<String> header(String instruction, String file) {
        Matcher m = HEADER.matcher(instruction.replaceAll("\\s+", " "));
        while (m.find()) {
            if (m.group(1).equals(file)) {
                return Arrays.asList(m.group(2).split(","));
            }
        }
        return List.of();
    }

    /** Whether the instruction asks for {@code file} with exactly this header line (column names and commas). */
    static boolean asksFor(String instruction, String file, String headerLine) {
        return String.join(",", header(instruction, file)).equals(headerLine);
    }

    /** Whether the instruction names {@code file} in backquotes. */
    static boolean names(String instruction, String file) {
        return instruction.contains("`" + file + "`");
    }

    /** The first number captured by {@code regex} (one group) in the instruction, or null. */
    static BigDecimal number(String instruction, String regex) {
        Matcher m = Pattern.compile(regex).matcher(instruction.replaceAll("\\s+", " "));
        return m.find() ? new BigDecimal(m.group(1)) : null;
    }

    /** The groups of the first match of {@code regex} in the instruction, or an empty list. */
    static List<String> groups(String instruction, String regex) {
        Matcher m = Pattern.compile(regex).matcher(instruction.replaceAll("\\s+", " "));
        List<String> out = new ArrayList<>();
        if (m.find()) {
            for (int i = 1; i <= m.groupCount(); i++) {
                out.add(m.group(i));
            }
        }
        return out;
    }

    /** Every match of {@code regex}'s first group in {@code text}. */
    static List<String> all(String text, String regex) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
