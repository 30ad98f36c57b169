package dev.ale.samples.packgen.starter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.samples.packgen.Formats;
import dev.ale.samples.packgen.TaskFiles;
import dev.ale.samples.packgen.VerifierConfigs;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes a starter task's expected outputs and builds its verifier. Each output is written
 * twice, as the hidden reference ({@code reference/<file>}) and as the solution
 * ({@code solution/<file>}), and gets a hard gate: a CSV output must parse and have the columns
 * the instruction names (checked against {@code reference/columns/<file>}, a header-only copy),
 * a JSON output must hold a JSON object. Each gate has weight 0 (a pure gate: an answer with
 * only the right header earns nothing). The scored checks follow, each with its weight; the
 * verifier is their weighted mean, zeroed when a gate fails.
 */
final class Grading {
    /** Gates are pure: they decide pass or fail and add nothing to the score. */
    private static final double GATE_WEIGHT = 0;

    private final TaskFiles task;
    private final List<ObjectNode> gates = new ArrayList<>();
    private final List<ObjectNode> scored = new ArrayList<>();

    Grading(TaskFiles task) {
        this.task = task;
    }

    /** Publishes a CSV output whose rows are identified by {@code key}, with its columns gate. */
    Grading csv(String file, Table table, List<String> key) {
        publish(file, table.bytes());
        task.put("reference/columns/" + file, Formats.csv(table.header(), List.of()));
        gates.add(VerifierConfigs.gate(
                file + " has the required columns",
                GATE_WEIGHT,
                VerifierConfigs.csvColumns(file, "columns/" + file, key)));
        return this;
    }

    /** Publishes a JSON output, with its gate. */
    Grading json(String file, JsonNode value) {
        publish(file, Formats.json(value));
        gates.add(VerifierConfigs.gate(file + " is a JSON object", GATE_WEIGHT, VerifierConfigs.jsonObject(file)));
        return this;
    }

    /** Scores the rows of a published CSV output on the given columns; rows for unknown keys cost credit. */
    Grading rows(String name, double weight, String file, List<String> key, Columns columns) {
        scored.add(VerifierConfigs.child(name, weight, VerifierConfigs.csv(file, file, key, columns.node())));
        return this;
    }

    /** Scores every field of a published JSON output, numbers within {@code abs}. */
    Grading fields(String name, double weight, String file, double abs, String... unorderedArrays) {
        scored.add(
                VerifierConfigs.child(name, weight, VerifierConfigs.json(file, file, abs, List.of(unorderedArrays))));
        return this;
    }

    /** Scores the given fields (JSON Pointers) of a published JSON output, numbers within {@code abs}. */
    Grading fieldsAt(String name, double weight, String file, double abs, String... pointers) {
        ObjectNode config = VerifierConfigs.json(file, file, abs, List.of());
        ArrayNode fields = config.putArray("fields");
        for (String p : pointers) {
            fields.add(p);
        }
        scored.add(VerifierConfigs.child(name, weight, config));
        return this;
    }

    /** Scores one number of a published JSON output, within {@code abs}. */
    Grading number(String name, double weight, String file, String pointer, double abs) {
        scored.add(VerifierConfigs.child(name, weight, VerifierConfigs.number(file, pointer, file, abs)));
        return this;
    }

    /** The verifier: a weighted composite of the gates, then the scored checks. */
    ObjectNode verifier() {
        if (gates.isEmpty() || scored.isEmpty()) {
            throw new IllegalStateException(task.id() + ": a verifier needs at least one gate and one scored check");
        }
        ObjectNode config = Formats.object().put("type", "weighted");
        ArrayNode checks = config.putArray("checks");
        checks.addAll(gates);
        checks.addAll(scored);
        return config;
    }

    private void publish(String file, byte[] content) {
        task.put("reference/" + file, content);
        task.put("solution/" + file, content);
    }

    /** The compared columns of a csv check and the rule of each, in order. */
    static final class Columns {
        private final ObjectNode node = Formats.object();

        /** Numeric columns compared within {@code abs}. */
        Columns num(double abs, String... columns) {
            for (String c : columns) {
                node.set(c, VerifierConfigs.abs(abs));
            }
            return this;
        }

        /** Numeric columns compared within {@code rel} of the expected value (0.005 = 0.5%). */
        Columns rel(double rel, String... columns) {
            for (String c : columns) {
                node.set(c, Formats.object().put("rel", rel));
            }
            return this;
        }

        /** Text columns compared after trimming, with or without case. */
        Columns text(boolean ignoreCase, String... columns) {
            for (String c : columns) {
                node.set(c, VerifierConfigs.text(ignoreCase));
            }
            return this;
        }

        ObjectNode node() {
            return node;
        }
    }

    static Columns columns() {
        return new Columns();
    }
}
