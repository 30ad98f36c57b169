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

        /**
         * The figure of how many times faster the SDK's child JVM ran than the {@code peer} did, in
         * the same run, and the target it is held to.
         */
        Figure speedup(String name, String peer, double peerSeconds, double sdkSeconds, String target) {
            return figure(
                    name, peerSeconds / sdkSeconds, "x", peer + " wall time / SDK child wall time, same run", target);
        }

        /**
         * The statistics of a median of runs (in microseconds per call) beside a peer's median: the
         * ratio, the repetitions, the runs themselves, then the machine's parameters.
         */
        Params medianRuns(double median, double peer, double[] runs) {
            return put("ratioToPeer", Timing.round(median / peer, 3))
                    .put("repetitions", runs.length)
                    .put("statistic", "median")
                    .put("runsMicrosPerCall", Timing.rounded(runs))
                    .putAll(Machine.parameters());
        }

        /**
         * A figure measured with these parameters, then {@code measures} (what it measures); its value
         * rounded to four decimals.
         */
        Figure figure(String name, double value, String unit, String measures) {
            return new Figure(
                    name,
                    Timing.round(value, 4),
                    unit,
                    params().putAll(values).put("measures", measures).map());
        }

        /** As {@link #figure(String, double, String, String)}, with the target the figure is held to last. */
        Figure figure(String name, double value, String unit, String measures, String target) {
            return new Figure(
                    name,
                    Timing.round(value, 4),
                    unit,
                    params().putAll(values)
                            .put("measures", measures)
                            .put("target", target)
                            .map());
        }
    }
}
