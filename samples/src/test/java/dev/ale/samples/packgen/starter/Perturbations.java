package dev.ale.samples.packgen.starter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.samples.packgen.Formats;
import dev.ale.verifiers.CsvRecords;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Light damage to a correct output, as {@code ale pack check} applies it: one number changed or
 * one row (array element, object member) dropped. A verifier must score every such variant below
 * a full pass. For a CSV file there is one variant per column that holds a number (its first
 * numeric cell changed) plus the first and the last row dropped; for a JSON file one per numeric
 * leaf, plus the first member or element dropped.
 */
final class Perturbations {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A damaged copy of a file, with what was done to it. */
    record Variant(String what, byte[] content) {}

    private Perturbations() {}

    static List<Variant> of(String file, byte[] content) throws IOException {
        return file.endsWith(".json") ? json(content) : csv(new String(content, StandardCharsets.UTF_8));
    }

    private static List<Variant> csv(String text) {
        List<List<String>> records = CsvRecords.read(text, ',');
        List<String> header = records.get(0);
        List<List<String>> rows = records.subList(1, records.size());
        List<Variant> out = new ArrayList<>();
        for (int col = 0; col < header.size(); col++) {
            for (int row = 0; row < rows.size(); row++) {
                List<String> cells = new ArrayList<>(rows.get(row));
                if (col < cells.size() && NUMBER.matcher(cells.get(col)).matches()) {
                    String changed =
                            new BigDecimal(cells.get(col)).add(BigDecimal.ONE).toPlainString();
                    cells.set(col, changed);
                    List<List<String>> copy = new ArrayList<>(rows);
                    copy.set(row, cells);
                    out.add(new Variant(
                            "row " + (row + 1) + " " + header.get(col) + " changed to " + changed,
                            Formats.csv(header, copy)));
                    break;
                }
            }
        }
        if (!rows.isEmpty()) {
            out.add(new Variant("first row dropped", Formats.csv(header, rows.subList(1, rows.size()))));
            out.add(new Variant("last row dropped", Formats.csv(header, rows.subList(0, rows.size() - 1))));
        }
        return out;
    }

    private static List<Variant> json(byte[] content) throws IOException {
        JsonNode root = MAPPER.readTree(content);
        List<Variant> out = new ArrayList<>();
        List<String> pointers = new ArrayList<>();
        numericLeaves(root, "", pointers);
        for (String p : pointers) {
            JsonNode copy = root.deepCopy();
            String parent = p.substring(0, p.lastIndexOf('/'));
            String last = p.substring(p.lastIndexOf('/') + 1);
            JsonNode container = parent.isEmpty() ? copy : copy.at(parent);
            BigDecimal changed = copy.at(p).decimalValue().add(BigDecimal.ONE);
            if (container instanceof ObjectNode o) {
                o.set(last, DecimalNode.valueOf(changed));
            } else {
                ((ArrayNode) container).set(Integer.parseInt(last), DecimalNode.valueOf(changed));
            }
            out.add(new Variant(p + " changed to " + changed, MAPPER.writeValueAsBytes(copy)));
        }
        JsonNode dropped = root.deepCopy();
        if (dropFirst(dropped)) {
            out.add(new Variant("first member or element dropped", MAPPER.writeValueAsBytes(dropped)));
        }
        return out;
    }

    private static void numericLeaves(JsonNode n, String at, List<String> out) {
        if (n.isNumber()) {
            out.add(at);
        } else if (n.isObject()) {
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                numericLeaves(
                        e.getValue(), at + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), out);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                numericLeaves(n.get(i), at + "/" + i, out);
            }
        }
    }

    /** Drops the first element of the first non-empty array, or else the root's first member. */
    private static boolean dropFirst(JsonNode root) {
        JsonNode array = firstArray(root);
        if (array instanceof ArrayNode a) {
            a.remove(0);
            return true;
        }
        if (root instanceof ObjectNode o && o.size() > 0) {
            o.remove(o.fieldNames().next());
            return true;
        }
        return false;
    }

    private static JsonNode firstArray(JsonNode n) {
        if (n.isArray() && n.size() > 0) {
            return n;
        }
        for (JsonNode child : n) {
            JsonNode found = firstArray(child);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
