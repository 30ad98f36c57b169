package dev.ale.core;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.verifiers.internal.table.CsvReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The light perturbations {@link PackCheck} tries on each solution file: one number changed by a
 * clearly significant amount (in the first data row of a CSV that has a number, the first numeric
 * value of a JSON document, the first number of any other text; a number with decimals is preferred
 * to a whole one, which is more often a code or an id; it moves by half its size, at least 1), and
 * one data row dropped (the first data row of a CSV, the first element of the first array of a JSON
 * document, else its first member).
 */
final class Perturbations {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern CELL_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern TEXT_NUMBER = Pattern.compile("(?<![\\w.])-?\\d+(\\.\\d+)?(?![\\w])");

    private Perturbations() {}

    /** The light perturbations of one solution file, by what was done. */
    static Map<String, byte[]> of(String path, byte[] content) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        String lower = path.toLowerCase(Locale.ROOT);
        try {
            if (lower.endsWith(".json")) {
                json(content, out);
            } else {
                String text = StandardCharsets.UTF_8
                        .newDecoder()
                        .decode(ByteBuffer.wrap(content))
                        .toString();
                if (text.indexOf('\0') >= 0) {
                    return out;
                }
                if (lower.endsWith(".csv") || lower.endsWith(".tsv")) {
                    table(text, lower.endsWith(".tsv") ? '\t' : ',', out);
                } else {
                    Matcher m = TEXT_NUMBER.matcher(text);
                    boolean found = false;
                    while (!found && m.find()) {
                        found = m.group().contains(".");
                    }
                    if (found || m.reset().find()) {
                        String changed = changed(m.group());
                        out.put(
                                "number " + m.group() + " changed to " + changed,
                                utf8(text.substring(0, m.start()) + changed + text.substring(m.end())));
                    }
                }
            }
        } catch (IOException e) {
            // not UTF-8 text or not parseable JSON: nothing a light perturbation can be built on
        }
        return out;
    }

    /** {@code x} moved by half its size, at least 1, keeping its number of decimals. */
    static String changed(String number) {
        BigDecimal x = new BigDecimal(number);
        BigDecimal delta = x.abs().divide(BigDecimal.valueOf(2)).max(BigDecimal.ONE);
        return x.add(delta)
                .setScale(Math.max(0, x.scale()), RoundingMode.HALF_UP)
                .toPlainString();
    }

    private static void table(String text, char sep, Map<String, byte[]> out) throws IOException {
        String eol = text.contains("\r\n") ? "\r\n" : "\n";
        boolean trailing = text.endsWith("\n");
        List<List<String>> rows = new ArrayList<>();
        // the verifiers' RFC 4180 reader: quoted fields may hold delimiters, quotes and line breaks
        try (CsvReader in = new CsvReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), sep)) {
            for (List<String> row = in.next(); row != null; row = in.next()) {
                rows.add(new ArrayList<>(row));
            }
        }
        if (rows.size() < 2) {
            return;
        }
        List<String> header = rows.get(0);
        for (int row = 1; row < rows.size(); row++) {
            List<String> cells = rows.get(row);
            int col = numberCell(cells, true);
            col = col >= 0 ? col : numberCell(cells, false);
            if (col >= 0) {
                String was = cells.get(col).strip();
                List<List<String>> copy = new ArrayList<>(rows);
                List<String> changedRow = new ArrayList<>(cells);
                changedRow.set(col, changed(was));
                copy.set(row, changedRow);
                String column = col < header.size() ? header.get(col) : "column " + (col + 1);
                out.put(
                        "data row " + row + ", " + column + " " + was + " changed to " + changedRow.get(col),
                        utf8(write(copy, sep, eol, trailing)));
                break;
            }
        }
        List<List<String>> dropped = new ArrayList<>(rows);
        dropped.remove(1);
        out.put("first data row dropped", utf8(write(dropped, sep, eol, trailing)));
    }

    /** The rows as CSV text, a field quoted when it holds the delimiter, a quote or a line break. */
    private static String write(List<List<String>> rows, char sep, String eol, boolean trailing) {
        List<String> lines = new ArrayList<>();
        for (List<String> cells : rows) {
            List<String> quoted = new ArrayList<>();
            for (String c : cells) {
                boolean quote =
                        c.indexOf(sep) >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0;
                quoted.add(quote ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
            }
            lines.add(String.join(String.valueOf(sep), quoted));
        }
        return String.join(eol, lines) + (trailing ? eol : "");
    }

    /** The first cell holding a number (with a decimal point, when {@code decimal}), or -1. */
    private static int numberCell(List<String> cells, boolean decimal) {
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c).strip();
            if (CELL_NUMBER.matcher(cell).matches() && (!decimal || cell.contains("."))) {
                return c;
            }
        }
        return -1;
    }

    private static void json(byte[] content, Map<String, byte[]> out) throws IOException {
        JsonNode root = MAPPER.readTree(content);
        if (root == null) {
            return;
        }
        String pointer = firstNumber(root, "", true);
        pointer = pointer != null ? pointer : firstNumber(root, "", false);
        if (pointer != null) {
            JsonNode copy = root.deepCopy();
            String parent = pointer.substring(0, pointer.lastIndexOf('/'));
            String last = pointer.substring(pointer.lastIndexOf('/') + 1);
            JsonNode container = copy.at(parent);
            String was = copy.at(pointer).decimalValue().toPlainString();
            DecimalNode now = DecimalNode.valueOf(new BigDecimal(changed(was)));
            if (container instanceof ObjectNode o) {
                o.set(JsonPointer.compile("/" + last).getMatchingProperty(), now);
            } else {
                ((ArrayNode) container).set(Integer.parseInt(last), now);
            }
            out.put(
                    pointer + " " + was + " changed to " + now.decimalValue().toPlainString(),
                    MAPPER.writeValueAsBytes(copy));
        }
        JsonNode copy = root.deepCopy();
        ArrayNode array = firstArray(copy);
        if (array != null) {
            array.remove(0);
            out.put("first array element dropped", MAPPER.writeValueAsBytes(copy));
        } else if (copy instanceof ObjectNode o && o.size() > 0) {
            String name = o.fieldNames().next();
            o.remove(name);
            out.put("member " + name + " dropped", MAPPER.writeValueAsBytes(copy));
        }
    }

    /** The pointer of the first numeric value (not a whole number, when {@code decimal}), or null. */
    private static @Nullable String firstNumber(JsonNode n, String at, boolean decimal) {
        if (n.isNumber() && (!decimal || !n.isIntegralNumber())) {
            return at;
        }
        if (n.isObject()) {
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                String found = firstNumber(
                        e.getValue(),
                        JsonPointer.compile(at).appendProperty(e.getKey()).toString(),
                        decimal);
                if (found != null) {
                    return found;
                }
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                String found = firstNumber(n.get(i), at + "/" + i, decimal);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static @Nullable ArrayNode firstArray(JsonNode n) {
        if (n instanceof ArrayNode a && a.size() > 0) {
            return a;
        }
        for (JsonNode child : n) {
            ArrayNode found = firstArray(child);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
