package dev.ale.taskpack;

import dev.ale.api.task.TaskPackException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The rules every entry name of a pack must follow, whatever holds the pack: relative, '/'-separated,
 * no {@code ..}, {@code .} or empty segments, no backslashes, no NUL or control characters.
 */
final class EntryRules {
    private EntryRules() {}

    /**
     * Checks one entry name (a folder name may end with one '/').
     *
     * @throws TaskPackException whose source is the (printable) name and whose rule says what is wrong
     */
    static void check(String name) {
        if (name.isEmpty()) {
            throw refuse(name, "empty entry name");
        }
        if (name.startsWith("/") || name.startsWith("\\")) {
            throw refuse(name, "absolute path (entry names must be relative to the pack root)");
        }
        if (name.length() >= 2 && name.charAt(1) == ':' && isAsciiLetter(name.charAt(0))) {
            throw refuse(name, "absolute path (drive letter)");
        }
        if (name.indexOf('\\') >= 0) {
            throw refuse(name, "backslash in entry name (the separator is '/')");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == 0) {
                throw refuse(name, "NUL character in entry name");
            }
            if (Character.isISOControl(c)) {
                throw refuse(name, String.format("control character U+%04X in entry name", (int) c));
            }
        }
        String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                throw refuse(name, "path escapes the pack ('..' segment)");
            }
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty()) {
                throw refuse(name, "empty path segment");
            }
            if (segment.equals(".")) {
                throw refuse(name, "'.' path segment");
            }
        }
    }

    /**
     * The name two entries share when they denote the same path: empty and {@code .} segments and
     * a trailing '/' dropped ({@code a//b}, {@code a/./b} and {@code a/b/} all give {@code a/b}).
     */
    static String key(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (String segment : name.split("/")) {
            if (!segment.isEmpty() && !segment.equals(".")) {
                if (b.length() > 0) {
                    b.append('/');
                }
                b.append(segment);
            }
        }
        return b.toString();
    }

    /**
     * The name with control characters and Unicode bidirectional controls (U+202A-U+202E,
     * U+2066-U+2069, which can make a printed name read as another) escaped as {@code \\uXXXX},
     * safe to print in a message.
     */
    static String printable(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c) || isBidiControl(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * The entry name held in {@code raw[off, off + len)}, which must be valid UTF-8.
     *
     * @throws TaskPackException naming the entry (each byte that is not UTF-8 written as {@code \xHH})
     */
    static String utf8Name(byte[] raw, int off, int len) {
        CharsetDecoder strict = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(raw, off, len);
        CharBuffer out = CharBuffer.allocate(len);
        StringBuilder escaped = null;
        while (true) {
            CoderResult r = strict.decode(in, out, true);
            if (!r.isError()) {
                break;
            }
            escaped = escaped == null ? new StringBuilder() : escaped;
            escaped.append(out.flip());
            out.clear();
            for (int i = 0; i < r.length(); i++) {
                escaped.append(String.format("\\x%02x", in.get() & 0xff));
            }
        }
        out.flip();
        if (escaped != null) {
            throw refuse(escaped.append(out).toString(), "name is not valid UTF-8");
        }
        return out.toString();
    }

    /** A refusal of the named entry. */
    static TaskPackException refuse(String name, String rule) {
        return new TaskPackException(printable(name), "", rule);
    }

    /** Whether {@code c} is one of the embedding, override or isolate controls of the bidirectional algorithm. */
    static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
