package dev.ale.taskpack;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.task.TaskPackException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed reading of one JSON file's fields, every problem reported as the file, the JSON Pointer
 * and the rule. Unknown fields are an error when the pack's format minor version is ours, and a
 * warning when it is newer.
 *
 * <p>The verifiers' {@code Options} (ale-verifiers) reads a verifier configuration the same way, but
 * stays a reader of its own: its errors are {@code VerifierConfigException}s relative to the
 * configuration (these are {@link TaskPackException}s naming the pack entry), its messages are worded
 * differently and users see both, it always refuses unknown options (this one only warns about the
 * fields of a newer format), and this module cannot see ale-verifiers. Member pointers are built
 * alike in both, by Jackson's {@code JsonPointer} ({@link #escape}). The testkit reads no options: it
 * writes mutated configurations and compares the pointer a refusal names.
 */
final class Fields {
    private final String source;
    private final boolean strict;
    private final List<String> warnings;

    /**
     * @param source   the pack entry the JSON came from
     * @param strict   whether unknown fields are errors (else warnings)
     * @param warnings where warnings go
     */
    Fields(String source, boolean strict, List<String> warnings) {
        this.source = source;
        this.strict = strict;
        this.warnings = warnings;
    }

    String source() {
        return source;
    }

    /** An error at {@code pointer} of this file. */
    TaskPackException error(String pointer, String rule) {
        return new TaskPackException(source, pointer, rule);
    }

    /** Records a warning at {@code pointer} of this file. */
    void warn(String pointer, String rule) {
        warnings.add(source + (pointer.isEmpty() ? "" : " at " + pointer) + ": " + rule);
    }

    /** Refuses (or, for a newer format, reports) fields of {@code node} not in {@code known}. */
    void onlyKnown(ObjectNode node, String pointer, Set<String> known) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = field.getKey();
            if (!known.contains(name)) {
                String at = pointer + "/" + escape(name);
                if (strict) {
                    throw error(
                            at,
                            "unknown field (not part of format version " + Manifest.READER_VERSION
                                    + "; known fields here: "
                                    + String.join(", ", known.stream().sorted().toList()) + ")");
                }
                warn(at, "unknown field ignored (written for a newer format version)");
            }
        }
    }

    /** A field that must be present. */
    JsonNode required(ObjectNode node, String name, String pointer) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw error(pointer + "/" + name, "missing required field");
        }
        return value;
    }

    /** A required string field that is not blank. */
    String text(ObjectNode node, String name, String pointer) {
        JsonNode value = required(node, name, pointer);
        String at = pointer + "/" + name;
        if (!value.isTextual()) {
            throw error(at, "must be a string, found " + typeName(value));
        }
        if (value.asText().isBlank()) {
            throw error(at, "must not be empty");
        }
        return value.asText();
    }

    /** An optional string field, {@code fallback} when absent. */
    String optionalText(ObjectNode node, String name, String pointer, String fallback) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isTextual()) {
            throw error(pointer + "/" + name, "must be a string, found " + typeName(value));
        }
        return value.asText();
    }

    /** An integer value of at least {@code min}. */
    int integer(JsonNode value, String at, int min) {
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw error(at, "must be an integer >= " + min + ", found " + typeName(value));
        }
        if (value.intValue() < min) {
            throw error(at, "must be an integer >= " + min + ", found " + value.intValue());
        }
        return value.intValue();
    }

    /** A finite number. */
    double number(JsonNode value, String at) {
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
            throw error(at, "must be a number, found " + typeName(value));
        }
        return value.doubleValue();
    }

    /** A value that must be an object. */
    ObjectNode object(JsonNode value, String at) {
        if (!value.isObject()) {
            throw error(at, "must be an object, found " + typeName(value));
        }
        return (ObjectNode) value;
    }

    /** A value that must be an array. */
    ArrayNode array(JsonNode value, String at) {
        if (!value.isArray()) {
            throw error(at, "must be an array, found " + typeName(value));
        }
        return (ArrayNode) value;
    }

    /** A value that must be a string. */
    String string(JsonNode value, String at) {
        if (!value.isTextual()) {
            throw error(at, "must be a string, found " + typeName(value));
        }
        return value.asText();
    }

    /** A field name as a JSON Pointer token ({@code ~} and {@code /} escaped). */
    static String escape(String name) {
        return JsonPointer.empty().appendProperty(name).toString().substring(1);
    }

    /** The JSON type of a value, for messages. */
    static String typeName(JsonNode value) {
        if (value.isTextual()) {
            return "a string";
        }
        if (value.isNumber()) {
            return "the number " + value.asText();
        }
        if (value.isBoolean()) {
            return value.asText();
        }
        if (value.isNull()) {
            return "null";
        }
        return value.isArray() ? "an array" : "an object";
    }
}
