package dev.ale.verifiers.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.verifiers.internal.support.Options;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Records keyed by a member, for the {@code json} verifier's {@code records} and {@code aliases}
 * options. Both the expected and the output document are rewritten to one canonical shape before
 * anything is compared: the array at {@code path} becomes an object whose members are the records
 * by their normalised key, so {@code /cases/*}{@code /total} names the total of every case and a
 * record missing from the output is a missing member (all its fields missing).
 * <ul>
 * <li>{@code key}: the key member, or several tried in order (the first one present counts, even
 *     when its value is null).</li>
 * <li>{@code keyNormalize}: {@code ignoreCase}, {@code separators} (spaces and hyphens read as
 *     {@code _}), {@code prefix} (a word such as {@code case}: {@code case_2}, {@code case2},
 *     {@code Case 2} all lose it) and {@code number} (what remains must be digits, read as a
 *     whole number, so {@code case_02} and the JSON number 2 both give {@code case_2}).</li>
 * <li>{@code shapes}: other document shapes accepted for the same records: {@code array} (the
 *     document is the array of records) and {@code object} (the document is an object of
 *     records; a record without the first key member takes its member name as key).</li>
 * <li>{@code fallback}: {@code position} (a record whose key is missing or does not normalise
 *     takes its 1-based position) or {@code skip} (the default: such a record is left out).</li>
 * <li>{@code duplicates}: {@code last} (the default, as a Python dict) or {@code first}.</li>
 * </ul>
 * {@code aliases} ({@code {"name": ["alias", ...]}}): in each output record (or, without
 * {@code records}, in the output document) a member absent under its name is taken from the
 * first alias present.
 */
record JsonRecords(
        List<String> path,
        List<String> key,
        boolean ignoreCase,
        boolean separators,
        String prefix,
        boolean number,
        boolean arrayShape,
        boolean objectShape,
        boolean byPosition,
        boolean keepFirst,
        Map<String, List<String>> aliases) {

    JsonRecords {
        path = path == null ? null : List.copyOf(path);
        key = List.copyOf(key);
        aliases = Collections.unmodifiableMap(new LinkedHashMap<>(aliases));
    }

    /** Reads {@code records} and {@code aliases}; null when neither is configured. */
    /** {@code fallback}: a record without a key is left out, or keyed by its position. */
    enum Fallback {
        SKIP,
        POSITION
    }

    /** {@code duplicates}: of two records with one key, the last counts (as a Python dict) or the first. */
    enum Duplicates {
        LAST,
        FIRST
    }

    static JsonRecords read(Options o) {
        Map<String, List<String>> aliases = new LinkedHashMap<>();
        if (o.has("aliases")) {
            Options a = o.map("aliases");
            for (String name : a.names()) {
                List<String> names = a.strings(name);
                if (names.contains(name)) {
                    throw a.error(name, "an alias of '" + name + "' repeats its name");
                }
                aliases.put(name, names);
            }
        }
        if (!o.has("records")) {
            return aliases.isEmpty()
                    ? null
                    : new JsonRecords(null, List.of(), false, false, null, false, false, false, false, false, aliases);
        }
        Options r = o.object("records", "path", "key", "keyNormalize", "shapes", "fallback", "duplicates");
        String p = r.string("path");
        JsonPattern pattern = JsonPattern.parse(p, r.pointer("path"));
        if (!pattern.literal() || p.isEmpty()) {
            throw r.error("path", "must be a JSON Pointer without wildcards naming a member, got '" + p + "'");
        }
        List<String> key = r.strings("key");
        boolean ignoreCase = false;
        boolean separators = false;
        String prefix = null;
        boolean number = false;
        if (r.has("keyNormalize")) {
            Options k = r.object("keyNormalize", "ignoreCase", "separators", "prefix", "number");
            ignoreCase = k.bool("ignoreCase", false);
            separators = k.bool("separators", false);
            prefix = k.has("prefix") ? k.string("prefix") : null;
            number = k.bool("number", false);
        }
        boolean array = false;
        boolean object = false;
        if (r.has("shapes")) {
            for (String s : r.strings("shapes")) {
                switch (s) {
                    case "array" -> array = true;
                    case "object" -> object = true;
                    default -> throw r.error("shapes", "must hold array and/or object, got '" + s + "'");
                }
            }
        }
        boolean position = r.choice("fallback", Fallback.SKIP) == Fallback.POSITION;
        boolean first = r.choice("duplicates", Duplicates.LAST) == Duplicates.FIRST;
        return new JsonRecords(
                JsonPattern.segmentsOf(p),
                key,
                ignoreCase,
                separators,
                prefix,
                number,
                array,
                object,
                position,
                first,
                aliases);
    }

    /** The canonical form of {@code doc}; {@code output} says whether aliases apply. */
    JsonNode canonical(JsonNode doc, boolean output) {
        if (doc.isMissingNode()) {
            return doc;
        }
        if (path == null) {
            return output && doc.isObject() ? aliased(doc) : doc;
        }
        JsonNode at = at(doc);
        List<JsonNode> items = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (doc.isObject() && at != null && at.isArray()) {
            at.forEach(items::add);
        } else if (doc.isArray() && arrayShape) {
            doc.forEach(items::add);
        } else if (doc.isObject() && objectShape) {
            for (Map.Entry<String, JsonNode> m : doc.properties()) {
                if (m.getValue().isObject()) {
                    items.add(m.getValue());
                    names.add(m.getKey());
                }
            }
        } else {
            return doc;
        }
        ObjectNode records = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.isObject()) {
                continue;
            }
            String k = keyOf(item, names.isEmpty() ? null : names.get(i), i + 1);
            if (k != null && !(keepFirst && records.has(k))) {
                records.set(k, output ? aliased(item) : item);
            }
        }
        ObjectNode root =
                doc.isObject() && at != null ? ((ObjectNode) doc).deepCopy() : JsonNodeFactory.instance.objectNode();
        ObjectNode holder = root;
        for (int d = 0; d < path.size() - 1; d++) {
            JsonNode next = holder.get(path.get(d));
            holder = next instanceof ObjectNode o ? o : holder.putObject(path.get(d));
        }
        holder.set(path.get(path.size() - 1), records);
        return root;
    }

    private @Nullable JsonNode at(JsonNode doc) {
        JsonNode n = doc;
        for (String s : path) {
            n = n.isObject() ? n.get(s) : null;
            if (n == null) {
                return null;
            }
        }
        return n;
    }

    /** The normalised key of a record, or null when it has none and {@code fallback} is {@code skip}. */
    private String keyOf(JsonNode record, String name, int position) {
        JsonNode value = null;
        for (int i = 0; i < key.size(); i++) {
            if (record.has(key.get(i))) {
                value = record.get(key.get(i));
                break;
            }
            if (i == 0 && name != null) {
                value = JsonNodeFactory.instance.textNode(name);
                break;
            }
        }
        String k = normalize(value);
        if (k == null && byPosition) {
            return (prefix == null ? "" : prefix + "_") + position;
        }
        return k;
    }

    /** A key value normalised, or null when it does not normalise. */
    @Nullable
    String normalize(JsonNode value) {
        if (value == null) {
            return null;
        }
        String head = prefix == null ? "" : prefix + "_";
        if (value.isIntegralNumber()) {
            return head + value.bigIntegerValue();
        }
        if (!value.isTextual()) {
            return null;
        }
        String s = value.textValue().strip();
        if (ignoreCase) {
            s = s.toLowerCase(Locale.ROOT);
        }
        if (separators) {
            s = s.replace(' ', '_').replace('-', '_');
        }
        String suffix = s;
        if (prefix != null && s.startsWith(prefix + "_")) {
            suffix = s.substring(prefix.length() + 1);
        } else if (prefix != null && s.startsWith(prefix)) {
            suffix = trimUnderscores(s.substring(prefix.length()));
        }
        if (number) {
            if (suffix.isEmpty() || !suffix.chars().allMatch(Character::isDigit)) {
                return null;
            }
            // the whole number the digits spell (any script's decimal digits), without leading
            // zeros: linear in the length, so a hostile key of a million digits costs nothing
            StringBuilder digits = new StringBuilder(suffix.length());
            suffix.chars().forEach(c -> {
                int d = Character.digit(c, 10);
                if (digits.length() > 0 || d != 0) {
                    digits.append((char) ('0' + d));
                }
            });
            return head + (digits.length() == 0 ? "0" : digits);
        }
        return suffix.isEmpty() ? null : head + suffix;
    }

    private static String trimUnderscores(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && s.charAt(a) == '_') {
            a++;
        }
        while (b > a && s.charAt(b - 1) == '_') {
            b--;
        }
        return s.substring(a, b);
    }

    private JsonNode aliased(JsonNode record) {
        if (aliases.isEmpty() || !record.isObject()) {
            return record;
        }
        ObjectNode copy = ((ObjectNode) record).deepCopy();
        for (Map.Entry<String, List<String>> a : aliases.entrySet()) {
            if (copy.has(a.getKey())) {
                continue;
            }
            for (String alias : a.getValue()) {
                if (copy.has(alias)) {
                    copy.set(a.getKey(), copy.get(alias));
                    break;
                }
            }
        }
        return copy;
    }
}
