package dev.ale.process.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/** Splitting a command line into words like a POSIX shell (without expansions), and quoting words back. */
@API(status = INTERNAL)
public final class CommandLine {
    private CommandLine() {}

    /**
     * Splits a command line into words like a POSIX shell: single quotes, double quotes with
     * {@code \"}, {@code \\}, {@code \$}, {@code \`} escapes, backslash outside quotes; no expansion.
     *
     * @throws IllegalArgumentException for an empty line or an unclosed quote
     */
    public static List<String> split(String line) {
        Objects.requireNonNull(line, "commandLine");
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                inWord = true;
                if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '\\' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException(
                    "unclosed " + (quote == '"' ? "double" : "single") + " quote in: " + line);
        }
        if (inWord) {
            words.add(word.toString());
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("the command line is empty");
        }
        return words;
    }

    /** A word as a shell would need it written: plain when it is safe, else single-quoted. */
    public static String quote(String word) {
        return !word.isEmpty()
                        && word.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_./:=@%+,{}".indexOf(c) >= 0)
                ? word
                : "'" + word.replace("'", "'\\''") + "'";
    }
}
