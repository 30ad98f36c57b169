package dev.ale.verifiers.internal;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.spi.VerifierConfigException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the options of one JSON object of a verifier configuration. Every error is a
 * {@link VerifierConfigException} at the JSON Pointer of the offending value, relative to the
 * verifier's configuration; option names not in the allowed set are errors (they catch typos).
 */
final class Opts {
    private final JsonNode node;
    private final String base;

    private Opts(JsonNode node, String base) {
        this.node = node;
        this.base = base;
    }

    /** The options of a whole verifier configuration; {@code "type"} is always allowed. */
    static Opts of(JsonNode config, String... allowed) {
        Set<String> names = new TreeSet<>(Arrays.asList(allowed));
        names.add("type");
        return check(config, "", names);
    }

    /**
     * The options of a JSON object found elsewhere in a configuration (such as an array element),
     * whose JSON Pointer is {@code pointer}; names outside {@code allowed} are errors.
     */
    static Opts at(JsonNode node, String pointer, String... allowed) {
        return check(node, pointer, new TreeSet<>(Arrays.asList(allowed)));
    }

    /** The options of the object at member {@code name}, which must be present. */
    Opts object(String name, String... allowed) {
        return check(require(name), pointer(name), new TreeSet<>(Arrays.asList(allowed)));
    }

    /** The object at member {@code name}, whose member names are free (a map). */
    Opts map(String name) {
        return check(require(name), pointer(name), null);
    }

    private static Opts check(JsonNode node, String base, Set<String> allowed) {
        if (node == null || !node.isObject()) {
            throw new VerifierConfigException(base, "must be a JSON object, got " + kind(node));
        }
        for (String name : (Iterable<String>) () -> node.fieldNames()) {
            if (allowed != null && !allowed.contains(name)) {
                throw new VerifierConfigException(
                        Ptr.child(base, name), "unknown option '" + name + "'; allowed: " + String.join(", ", allowed));
            }
        }
        return new Opts(node, base);
    }

    /** The JSON Pointer of member {@code name}. */
    String pointer(String name) {
        return Ptr.child(base, name);
    }

    /** An error at member {@code name}. */
    VerifierConfigException error(String name, String rule) {
        return new VerifierConfigException(pointer(name), rule);
    }

    boolean has(String name) {
        return node.has(name);
    }

    /** The raw value of member {@code name}, or null. */
    JsonNode raw(String name) {
        return node.get(name);
    }

    /** The member names present, in document order. */
    List<String> names() {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    JsonNode require(String name) {
        JsonNode v = node.get(name);
        if (v == null) {
            throw error(name, "option '" + name + "' is required");
        }
        return v;
    }

    /** Exactly one of the named options must be present; returns it. */
    String exactlyOne(String... names) {
        String found = atMostOne(names);
        if (found == null) {
            throw new VerifierConfigException(base, "one of " + String.join(", ", names) + " is required");
        }
        return found;
    }

    /** At most one of the named options may be present; returns it, or null. */
    String atMostOne(String... names) {
        String found = null;
        for (String n : names) {
            if (node.has(n)) {
                if (found != null) {
                    throw error(n, "'" + found + "' and '" + n + "' cannot be used together");
                }
                found = n;
            }
        }
        return found;
    }

    String string(String name) {
        return text(require(name), pointer(name));
    }

    boolean bool(String name, boolean fallback) {
        JsonNode v = node.get(name);
        if (v == null) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw error(name, "must be true or false, got " + kind(v));
        }
        return v.booleanValue();
    }

    /** One of the allowed words, or {@code fallback} when absent. */
    String choice(String name, String fallback, String... allowed) {
        if (!node.has(name)) {
            return fallback;
        }
        String v = string(name);
        if (!Arrays.asList(allowed).contains(v)) {
            throw error(name, "must be one of " + String.join(", ", allowed) + ", got '" + v + "'");
        }
        return v;
    }

    /** A CSV delimiter: one character other than a quote or a line break; {@code ,} when absent. */
    char delimiter(String name) {
        if (!has(name)) {
            return ',';
        }
        String d = string(name);
        if (d.length() != 1 || d.charAt(0) == '"' || d.charAt(0) == '\r' || d.charAt(0) == '\n') {
            throw error(name, "must be one character other than a quote or a line break, got '" + d + "'");
        }
        return d.charAt(0);
    }

    /** A string or a non-empty array of non-empty strings, without duplicates. */
    List<String> strings(String name) {
        return strings(name, false);
    }

    /** A string or a non-empty array of strings, without duplicates; empty strings only if allowed. */
    List<String> strings(String name, boolean allowEmpty) {
        JsonNode v = require(name);
        if (v.isTextual()) {
            return List.of(allowEmpty ? v.textValue() : text(v, pointer(name)));
        }
        if (!v.isArray() || v.isEmpty()) {
            throw error(name, "must be a string or a non-empty array of strings, got " + kind(v));
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            String s = allowEmpty && item.isTextual() ? item.textValue() : text(item, Ptr.child(pointer(name), i));
            if (!out.add(s)) {
                throw new VerifierConfigException(Ptr.child(pointer(name), i), "duplicate entry '" + s + "'");
            }
        }
        return List.copyOf(out);
    }

    RelPath path(String name) {
        return path(string(name), pointer(name));
    }

    List<RelPath> paths(String name) {
        List<String> raw = strings(name);
        List<RelPath> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            out.add(path(raw.get(i), node.get(name).isArray() ? Ptr.child(pointer(name), i) : pointer(name)));
        }
        return List.copyOf(out);
    }

    /** A JSON number. */
    BigDecimal decimal(String name) {
        JsonNode v = require(name);
        BigDecimal d = v.isNumber() ? Numbers.of(v) : null;
        if (d == null) {
            throw error(name, "must be a number, got " + kind(v));
        }
        return d;
    }

    /** A JSON number >= 0, or null when absent. */
    BigDecimal nonNegative(String name) {
        if (!node.has(name)) {
            return null;
        }
        BigDecimal d = decimal(name);
        if (d.signum() < 0) {
            throw error(name, "must be >= 0, got " + d.toPlainString());
        }
        return d;
    }

    /** A whole number >= 0. */
    int index(String name) {
        JsonNode v = require(name);
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) {
            throw error(name, "must be a whole number >= 0, got " + v);
        }
        return v.intValue();
    }

    JsonPointer jsonPointer(String name) {
        return jsonPointer(string(name), pointer(name));
    }

    static JsonPointer jsonPointer(String text, String at) {
        try {
            return JsonPointer.compile(text);
        } catch (IllegalArgumentException e) {
            throw new VerifierConfigException(
                    at, "'" + text + "' is not a JSON Pointer (it must be empty or start with '/')");
        }
    }

    static Pattern regex(String text, String at, int flags) {
        try {
            return Pattern.compile(text, flags);
        } catch (PatternSyntaxException e) {
            throw new VerifierConfigException(
                    at,
                    "invalid regular expression: " + e.getDescription() + " near index " + e.getIndex() + " of '" + text
                            + "'");
        }
    }

    static RelPath path(String text, String at) {
        try {
            return RelPath.parse(text);
        } catch (IllegalArgumentException e) {
            throw new VerifierConfigException(at, e.getMessage());
        }
    }

    static String text(JsonNode v, String at) {
        if (v == null || !v.isTextual()) {
            throw new VerifierConfigException(at, "must be a string, got " + kind(v));
        }
        if (v.textValue().isEmpty()) {
            throw new VerifierConfigException(at, "must not be empty");
        }
        return v.textValue();
    }

    /** The JSON type of a value in a few words, for messages. */
    static String kind(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        return switch (v.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
