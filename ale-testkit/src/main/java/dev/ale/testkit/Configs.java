package dev.ale.testkit;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierConfigException;
import dev.ale.api.spi.VerifierFactories;
import dev.ale.api.spi.VerifierFactory;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Configuration checks of the contract: how {@code create} refuses, and mutated configurations. */
final class Configs {
    /** How a refusal with a proper JSON Pointer reads: this, then the pointer. */
    static final String AT = "VerifierConfigException at ";
    /** The option name no verifier knows. */
    static final String UNKNOWN = "zz-unknown-option";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 3;

    private Configs() {}

    /** A configuration and how it was made from a sample's. */
    record Mutation(String name, JsonNode config) {}

    /**
     * How {@code create} treats a configuration: null when it builds a verifier, {@code AT + field}
     * for a {@link VerifierConfigException} at a JSON Pointer, else a description of what went wrong.
     */
    static @Nullable String refusal(VerifierFactory factory, VerifierFactories nested, JsonNode config) {
        try {
            Verifier v = factory.create(config, nested);
            return v == null ? "create returned no verifier" : null;
        } catch (VerifierConfigException e) {
            String field = e.field();
            if (!field.isEmpty() && !field.startsWith("/")) {
                return "a VerifierConfigException whose field '" + field + "' is not a JSON Pointer: " + e.getMessage();
            }
            return AT + field;
        } catch (RuntimeException | LinkageError e) {
            return "create threw " + e + " instead of a VerifierConfigException";
        }
    }

    /** The configuration with an option no verifier knows. */
    static JsonNode withUnknownOption(JsonNode config) {
        JsonNode copy = config.deepCopy();
        if (copy instanceof ObjectNode o) {
            o.put(UNKNOWN, 1);
        }
        return copy;
    }

    /**
     * The configuration with, for each value below the top (except {@code /type}) down to three
     * levels: the value removed, and the value replaced by null, a boolean, a negative number, a
     * fraction, an empty string, an escaping path, an empty array, an empty object. At most {@code max}.
     */
    static List<Mutation> mutations(JsonNode config, int max) {
        List<Mutation> out = new ArrayList<>();
        List<String> pointers = new ArrayList<>();
        collect(config, "", 0, pointers);
        List<JsonNode> wrong = List.of(
                NODES.nullNode(),
                NODES.booleanNode(true),
                NODES.numberNode(-1),
                NODES.numberNode(0.5),
                NODES.textNode(""),
                NODES.textNode("../outside"),
                NODES.arrayNode(),
                NODES.objectNode());
        for (String p : pointers) {
            if (p.equals("/type")) {
                continue;
            }
            out.add(new Mutation(p + " removed", edit(config, p, null)));
            for (JsonNode w : wrong) {
                out.add(new Mutation(p + " := " + w, edit(config, p, w)));
            }
            if (out.size() >= max) {
                return out.subList(0, max);
            }
        }
        return out;
    }

    private static void collect(JsonNode n, String at, int depth, List<String> out) {
        if (depth >= MAX_DEPTH) {
            return;
        }
        if (n.isObject()) {
            n.fieldNames().forEachRemaining(name -> {
                String p = at + JsonPointer.empty().appendProperty(name);
                out.add(p);
                collect(n.get(name), p, depth + 1, out);
            });
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                out.add(at + "/" + i);
                collect(n.get(i), at + "/" + i, depth + 1, out);
            }
        }
    }

    /** A copy of {@code config} with the value at {@code pointer} replaced by {@code value}, or removed when null. */
    private static JsonNode edit(JsonNode config, String pointer, JsonNode value) {
        JsonNode copy = config.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        String last = JsonPointer.compile(pointer).last().getMatchingProperty();
        if (parent instanceof ObjectNode o) {
            if (value == null) {
                o.remove(last);
            } else {
                o.set(last, value);
            }
        } else if (parent instanceof ArrayNode a) {
            int i = Integer.parseInt(last);
            if (value == null) {
                a.remove(i);
            } else {
                a.set(i, value);
            }
        }
        return copy;
    }
}
