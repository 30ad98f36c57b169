package dev.ale.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One measured figure: its name, value, unit and the parameters it was measured with. Printed as
 * one JSON object per line: {@code {"name":..., "value":..., "unit":..., "parameters":{...}}}.
 */
record Figure(String name, double value, String unit, Map<String, Object> parameters) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    Figure {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("figure " + name + " has no finite value: " + value);
        }
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** The figure as one line of JSON (no line break). */
    String toJson() {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("name", name);
        node.put("value", value);
        node.put("unit", unit);
        node.set("parameters", MAPPER.valueToTree(parameters));
        return node.toString();
    }

    /** A builder of parameters that keeps their order. */
    static Params params() {
        return new Params();
    }

    /** Parameters in the order they are put. */
    static final class Params {
        private final Map<String, Object> values = new LinkedHashMap<>();

        Params put(String key, Object value) {
            values.put(key, value);
            return this;
        }

        Params putAll(Map<String, Object> more) {
            values.putAll(more);
            return this;
        }

        Map<String, Object> map() {
            return values;
        }
    }
}
