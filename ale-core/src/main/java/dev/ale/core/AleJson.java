package dev.ale.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * ALE's result files as ALE writes them: {@code json.dumps(value, indent=2, ensure_ascii=False)}
 * for {@code run.json}, {@code eval_result.json} and {@code trajectory.json}, and {@code
 * json.dumps(value, ensure_ascii=False)} for each line of {@code events.jsonl}
 * ({@code RunWriter} in {@code ale_run/orchastration/run_writer.py}), so that an SDK run's files
 * match a run of ALE's byte for byte where their values do. Written by hand from the tree, not by
 * Jackson's pretty printer, which puts a space before each colon, writes {@code { }} for an empty
 * object and floats as Java does ({@code 1.0E-5}), and took a third of the time of writing these
 * files.
 *
 * <p>Strings escape what {@code json.dumps} escapes: the quote, the backslash and the characters
 * below U+0020 ({@code \n}, {@code \r}, {@code \t}, {@code \b}, {@code \f}, else a six-character
 * escape of four lowercase hex digits); everything else is written as it is, in UTF-8. A lone
 * surrogate, which Python could not encode, is written as such an escape. Floats are Python's
 * {@link PythonFloats#repr}, up to {@link PythonFloats.Budget#PER_FILE} doubles per file that need
 * the search for their shortest digits (past that, Java's digits in Python's layout: the same
 * value, at times a digit longer); integers of any size their digits.
 */
final class AleJson {
    private static final String INDENT = "  ";

    /** A new line and the indent of each depth up to 15. */
    private static final String[] NEWLINES = new String[16];

    static {
        for (int d = 0; d < NEWLINES.length; d++) {
            NEWLINES[d] = "\n" + INDENT.repeat(d);
        }
    }

    private AleJson() {}

    /** {@code json.dumps(node, indent=2, ensure_ascii=False)} in UTF-8, with no newline at the end (as ALE writes it). */
    static byte[] indented(JsonNode node) {
        StringBuilder b = new StringBuilder(2048);
        write(b, node, 0, true, PythonFloats.Budget.perFile());
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code json.dumps(node, ensure_ascii=False)}: one line, {@code ", "} and {@code ": "} between items. */
    static String line(JsonNode node) {
        StringBuilder b = new StringBuilder(256);
        write(b, node, 0, false, PythonFloats.Budget.perFile());
        return b.toString();
    }

    private static void write(StringBuilder b, JsonNode node, int depth, boolean indent, PythonFloats.Budget floats) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                if (node.isEmpty()) {
                    b.append("{}");
                    return;
                }
                b.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonNode> f : node.properties()) {
                    separate(b, first, depth + 1, indent);
                    first = false;
                    string(b, f.getKey());
                    b.append(": ");
                    write(b, f.getValue(), depth + 1, indent, floats);
                }
                close(b, '}', depth, indent);
            }
            case ARRAY -> {
                if (node.isEmpty()) {
                    b.append("[]");
                    return;
                }
                b.append('[');
                for (int i = 0; i < node.size(); i++) {
                    separate(b, i == 0, depth + 1, indent);
                    write(b, node.get(i), depth + 1, indent, floats);
                }
                close(b, ']', depth, indent);
            }
            case STRING -> string(b, node.textValue());
            case NUMBER -> {
                if (!node.isIntegralNumber()) {
                    b.append(PythonFloats.repr(node.doubleValue(), floats));
                } else if (node.canConvertToLong()) {
                    b.append(node.longValue());
                } else {
                    b.append(node.bigIntegerValue());
                }
            }
            case BOOLEAN -> b.append(node.booleanValue() ? "true" : "false");
            case NULL -> b.append("null");
            default -> throw new IllegalArgumentException(
                    "ALE's files hold JSON values only, not a " + node.getNodeType() + " node");
        }
    }

    private static void separate(StringBuilder b, boolean first, int depth, boolean indent) {
        if (!first) {
            b.append(indent ? "," : ", ");
        }
        if (indent) {
            newline(b, depth);
        }
    }

    private static void close(StringBuilder b, char bracket, int depth, boolean indent) {
        if (indent) {
            newline(b, depth);
        }
        b.append(bracket);
    }

    private static void newline(StringBuilder b, int depth) {
        if (depth < NEWLINES.length) {
            b.append(NEWLINES[depth]);
            return;
        }
        b.append('\n');
        for (int i = 0; i < depth; i++) {
            b.append(INDENT);
        }
    }

    /** A JSON string as {@code json.dumps(s, ensure_ascii=False)} writes it (lone surrogates escaped). */
    static void string(StringBuilder b, String s) {
        b.append('"');
        int i = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (escape(s, i, c) != null) {
                break;
            }
            if (Character.isHighSurrogate(c)) {
                i++; // a pair
            }
        }
        if (i == s.length()) {
            b.append(s); // the common case: nothing to escape, copied whole
        } else {
            int plain = 0;
            for (; i < s.length(); i++) {
                char c = s.charAt(i);
                String escape = escape(s, i, c);
                if (escape != null) {
                    b.append(s, plain, i).append(escape);
                    plain = i + 1;
                } else if (Character.isHighSurrogate(c)) {
                    i++; // a pair: both halves written as they are
                }
            }
            b.append(s, plain, s.length());
        }
        b.append('"');
    }

    /** The escape of the character at {@code i}, or null when it is written as it is. */
    private static String escape(String s, int i, char c) {
        if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
            return null;
        }
        switch (c) {
            case '"':
                return "\\\"";
            case '\\':
                return "\\\\";
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            case '\b':
                return "\\b";
            case '\f':
                return "\\f";
            default:
                break;
        }
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            return null;
        }
        return String.format("\\u%04x", (int) c);
    }
}
