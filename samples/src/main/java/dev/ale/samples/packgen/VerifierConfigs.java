package dev.ale.samples.packgen;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Builders for the verifier configurations the sample tasks use, in the shape the built-in
 * verifiers of ale-verifiers read ({@code file-exists}, {@code json}, {@code csv}, {@code number},
 * {@code weighted}). Shared by the generators of the sample and starter packs.
 */
@API(status = EXPERIMENTAL)
public final class VerifierConfigs {
    private VerifierConfigs() {}

    /** A file-exists check of the listed output paths. */
    public static ObjectNode fileExists(String... paths) {
        ObjectNode config = Formats.object().put("type", "file-exists");
        ArrayNode list = config.putArray("paths");
        for (String p : paths) {
            list.add(p);
        }
        return config;
    }

    /**
     * A json check of {@code file} against the reference's {@code expectedFile}, extra fields
     * ignored; {@code unorderedArrays} are JSON Pointers of arrays compared as multisets.
     */
    public static ObjectNode json(String file, String expectedFile, double absTolerance, List<String> unorderedArrays) {
        ObjectNode config =
                Formats.object().put("type", "json").put("file", file).put("expectedFile", expectedFile);
        config.putObject("tolerance").put("abs", absTolerance).put("rel", 0.0);
        if (!unorderedArrays.isEmpty()) {
            ArrayNode unordered = config.putArray("unorderedArrays");
            unorderedArrays.forEach(unordered::add);
        }
        config.put("extraFields", "ignore");
        return config;
    }

    /**
     * A csv check keyed by {@code key}; {@code columns} maps each compared column to its rule
     * ({@link #abs} or {@link #text}); extra rows are penalized.
     */
    public static ObjectNode csv(String file, String expectedFile, List<String> key, ObjectNode columns) {
        ObjectNode config =
                Formats.object().put("type", "csv").put("file", file).put("expectedFile", expectedFile);
        ArrayNode keys = config.putArray("key");
        key.forEach(keys::add);
        config.set("columns", columns);
        ArrayNode compare = config.putArray("compare");
        columns.fieldNames().forEachRemaining(compare::add);
        config.put("extraRows", "penalize");
        return config;
    }

    /** A numeric column rule with an absolute tolerance. */
    public static ObjectNode abs(double tolerance) {
        return Formats.object().put("abs", tolerance);
    }

    /** A text column rule: compared after trimming, case-insensitively when asked. */
    public static ObjectNode text(boolean ignoreCase) {
        return Formats.object().put("ignoreCase", ignoreCase).put("trim", true);
    }

    /**
     * A weighted composite whose first child is a hard gate that the listed output files exist,
     * followed by the scored checks.
     */
    public static ObjectNode gatedWeighted(String[] requiredFiles, double gateWeight, List<ObjectNode> scored) {
        ObjectNode config = Formats.object().put("type", "weighted");
        ArrayNode checks = config.putArray("checks");
        ObjectNode gate = Formats.object()
                .put("name", "outputs present")
                .put("weight", gateWeight)
                .put("gate", true);
        gate.setAll(fileExists(requiredFiles));
        checks.add(gate);
        checks.addAll(scored);
        return config;
    }

    /** {@code config} as a named, weighted child of a composite. */
    public static ObjectNode child(String name, double weight, ObjectNode config) {
        ObjectNode child = Formats.object().put("name", name).put("weight", weight);
        child.setAll(config);
        return child;
    }

    /**
     * A number check of the value at {@code pointer} in the JSON output {@code file} against the
     * value at the same pointer of the reference's {@code expectedFile}, within {@code abs}.
     */
    public static ObjectNode number(String file, String pointer, String expectedFile, double abs) {
        ObjectNode config =
                Formats.object().put("type", "number").put("file", file).put("pointer", pointer);
        config.put("expectedFile", expectedFile).put("expectedPointer", pointer).put("abs", abs);
        return config;
    }

    /** A json check that passes when {@code file} holds a JSON object (of any members), else a failed gate. */
    public static ObjectNode jsonObject(String file) {
        ObjectNode config = Formats.object().put("type", "json").put("file", file);
        config.putObject("expected");
        return config;
    }

    /**
     * A csv check of {@code file} against a reference table that holds only a header: it passes
     * when the output parses as CSV and has every column of that header, and fails its gate otherwise.
     */
    public static ObjectNode csvColumns(String file, String headerFile, List<String> key) {
        ObjectNode config =
                Formats.object().put("type", "csv").put("file", file).put("expectedFile", headerFile);
        ArrayNode keys = config.putArray("key");
        key.forEach(keys::add);
        config.put("extraRows", "ignore");
        return config;
    }

    /** {@code config} as a named hard gate of a composite, with the given weight. */
    public static ObjectNode gate(String name, double weight, ObjectNode config) {
        ObjectNode child = child(name, weight, config);
        child.put("gate", true);
        return child;
    }
}
