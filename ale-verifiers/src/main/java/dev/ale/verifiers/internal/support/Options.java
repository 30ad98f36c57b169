package dev.ale.verifiers.internal.support;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.spi.VerifierConfigException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Reads the options of one JSON object of a verifier configuration. Every error is a
 * {@link VerifierConfigException} at the JSON Pointer of the offending value, relative to the
 * verifier's configuration; option names not in the allowed set are errors (they catch typos).
 */
@API(status = INTERNAL)
public final class Options {
    private final JsonNode node;
    private final String base;

    private Options(JsonNode node, String base) {
        this.node = node;
        this.base = base;
    }

    /** The options of a whole verifier configuration; {@code "type"} is always allowed. */
    public static Options of(JsonNode config, String... allowed) {
        String[] names = Arrays.copyOf(allowed, allowed.length + 1);
        names[allowed.length] = "type";
        return check(config, "", names);
    }

    /**
     * The options of a JSON object found elsewhere in a configuration (such as an array element),
     * whose JSON Pointer is {@code pointer}; names outside {@code allowed} are errors.
     */
    public static Options at(JsonNode node, String pointer, String... allowed) {
        return check(node, pointer, allowed);
    }

    /** The options of the object at member {@code name}, which must be present. */
    public Options object(String name, String... allowed) {
        return check(require(name), pointer(name), allowed);
    }

    /** The object at member {@code name}, whose member names are free (a map). */
    public Options map(String name) {
        return check(require(name), pointer(name), null);
    }

    /** {@code allowed} null: any member name; else the names allowed (a handful: looked through in turn). */
    private static Options check(JsonNode node, String base, String @Nullable [] allowed) {
        if (node == null || !node.isObject()) {
            throw new VerifierConfigException(base, "must be a JSON object, got " + kind(node));
        }
        if (allowed != null) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!Arrays.asList(allowed).contains(name)) {
                    throw new VerifierConfigException(
                            JsonPointers.child(base, name),
                            "unknown option '" + name + "'; allowed: "
                                    + String.join(", ", new TreeSet<>(Arrays.asList(allowed))));
                }
            }
        }
        return new Options(node, base);
    }

    /** The JSON Pointer of member {@code name}. */
    public String pointer(String name) {
        return JsonPointers.child(base, name);
    }

    /** An error at member {@code name}. */
    public VerifierConfigException error(String name, String rule) {
        return new VerifierConfigException(pointer(name), rule);
    }

    public boolean has(String name) {
        return node.has(name);
    }

    /** The raw value of member {@code name}, or null. */
    public JsonNode raw(String name) {
        return node.get(name);
    }

    /** The member names present, in document order. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    public JsonNode require(String name) {
        JsonNode v = node.get(name);
        if (v == null) {
            throw error(name, "option '" + name + "' is required");
        }
        return v;
    }

    /** Exactly one of the named options must be present; returns it. */
    public String exactlyOne(String... names) {
        String found = atMostOne(names);
        if (found == null) {
            throw new VerifierConfigException(base, "one of " + String.join(", ", names) + " is required");
        }
        return found;
    }

    /** At most one of the named options may be present; returns it, or null. */
    public String atMostOne(String... names) {
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

    public String string(String name) {
        JsonNode v = require(name);
        if (v.isTextual() && !v.textValue().isEmpty()) {
            return v.textValue(); // the pointer is only for the error: not built on the way that has none
        }
        return text(v, pointer(name));
    }

    public boolean bool(String name, boolean fallback) {
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
    public String choice(String name, String fallback, String... allowed) {
        if (!node.has(name)) {
            return fallback;
        }
        String v = string(name);
        if (!Arrays.asList(allowed).contains(v)) {
            throw error(name, "must be one of " + String.join(", ", allowed) + ", got '" + v + "'");
        }
        return v;
    }

    /**
     * One of the constants of {@code fallback}'s enum, written in the configuration as its
     * {@linkplain #word word}, or {@code fallback} when absent; any other value is an error that
     * lists the words allowed.
     */
    public <E extends Enum<E>> E choice(String name, E fallback) {
        E[] all = fallback.getDeclaringClass().getEnumConstants();
        String v = choice(name, word(fallback), words(all));
        return all[Arrays.asList(words(all)).indexOf(v)];
    }

    /** How a configuration writes an enum constant: its name in lower case, {@code _} as {@code -}. */
    public static String word(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String[] words(Enum<?>[] values) {
        return Arrays.stream(values).map(Options::word).toArray(String[]::new);
    }

    /** A CSV delimiter: one character other than a quote or a line break; {@code ,} when absent. */
    public char delimiter(String name) {
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
    public List<String> strings(String name) {
        return strings(name, false);
    }

    /** A string or a non-empty array of strings, without duplicates; empty strings only if allowed. */
    public List<String> strings(String name, boolean allowEmpty) {
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
            String s = allowEmpty && item.isTextual()
                    ? item.textValue()
                    : text(item, JsonPointers.child(pointer(name), i));
            if (!out.add(s)) {
                throw new VerifierConfigException(JsonPointers.child(pointer(name), i), "duplicate entry '" + s + "'");
            }
        }
        return List.copyOf(out);
    }

    public RelPath path(String name) {
        String text = string(name);
        try {
            return RelPath.parse(text);
        } catch (IllegalArgumentException e) {
            throw new VerifierConfigException(pointer(name), e.getMessage());
        }
    }

    public List<RelPath> paths(String name) {
        List<String> raw = strings(name);
        List<RelPath> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            out.add(path(raw.get(i), node.get(name).isArray() ? JsonPointers.child(pointer(name), i) : pointer(name)));
        }
        return List.copyOf(out);
    }

    /** A JSON number. */
    public BigDecimal decimal(String name) {
        JsonNode v = require(name);
        BigDecimal d = v.isNumber() ? Numbers.of(v) : null;
        if (d == null) {
            throw error(name, "must be a number, got " + kind(v));
        }
        return d;
    }

    /** A JSON number >= 0, or null when absent. */
    public @Nullable BigDecimal nonNegative(String name) {
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
    public int index(String name) {
        JsonNode v = require(name);
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) {
            throw error(name, "must be a whole number >= 0, got " + v);
        }
        return v.intValue();
    }

    /** A whole number from {@code min} to {@code max}, or {@code fallback} when absent. */
    public int wholeNumber(String name, int min, int max, int fallback) {
        JsonNode v = node.get(name);
        if (v == null) {
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min || v.intValue() > max) {
            throw error(name, "must be a whole number from " + min + " to " + max + ", got " + v);
        }
        return v.intValue();
    }

    public JsonPointer jsonPointer(String name) {
        return jsonPointer(string(name), pointer(name));
    }

    public static JsonPointer jsonPointer(String text, String at) {
        try {
            return JsonPointer.compile(text);
        } catch (IllegalArgumentException e) {
            throw new VerifierConfigException(
                    at, "'" + text + "' is not a JSON Pointer (it must be empty or start with '/')");
        }
    }

    public static Pattern regex(String text, String at, int flags) {
        try {
            return Pattern.compile(text, flags);
        } catch (PatternSyntaxException e) {
            throw new VerifierConfigException(
                    at,
                    "invalid regular expression: " + e.getDescription() + " near index " + e.getIndex() + " of '" + text
                            + "'");
        }
    }

    public static RelPath path(String text, String at) {
        try {
            return RelPath.parse(text);
        } catch (IllegalArgumentException e) {
            throw new VerifierConfigException(at, e.getMessage());
        }
    }

    public static String text(JsonNode v, String at) {
        if (v == null || !v.isTextual()) {
            throw new VerifierConfigException(at, "must be a string, got " + kind(v));
        }
        if (v.textValue().isEmpty()) {
            throw new VerifierConfigException(at, "must not be empty");
        }
        return v.textValue();
    }

    /** The JSON type of a value in a few words, for messages. */
    public static String kind(JsonNode v) {
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
            default -> v.getNodeType().toString().toLowerCase(Locale.ROOT);
        };
    }
}
