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
 * only the right header earns nothing). The scored checks of each output follow, in the order
 * they are declared, each with its weight; the verifier is their weighted mean, zeroed when a
 * gate fails.
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

    /** Publishes a CSV output whose rows are identified by the {@code key} columns, with its columns gate. */
    CsvOutput csv(String file, Table table, String... key) {
        publish(file, table.bytes());
        task.put("reference/columns/" + file, Formats.csv(table.header(), List.of()));
        CsvOutput output = new CsvOutput(file, List.of(key));
        gates.add(VerifierConfigs.gate(
                file + " has the required columns",
                GATE_WEIGHT,
                VerifierConfigs.csvColumns(file, "columns/" + file, output.key)));
        return output;
    }

    /** Publishes a JSON output, with its gate. */
    JsonOutput json(String file, JsonNode value) {
        publish(file, Formats.json(value));
        gates.add(VerifierConfigs.gate(file + " is a JSON object", GATE_WEIGHT, VerifierConfigs.jsonObject(file)));
        return new JsonOutput(file);
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

    private void score(String name, double weight, ObjectNode config) {
        scored.add(VerifierConfigs.child(name, weight, config));
    }

    /** A published CSV output, whose rows are scored by key. */
    final class CsvOutput {
        private final String file;
        private final List<String> key;

        private CsvOutput(String file, List<String> key) {
            this.file = file;
            this.key = key;
        }

        /** Scores the rows on the given columns; rows for unknown keys cost credit. */
        CsvOutput rows(String name, double weight, Columns columns) {
            score(name, weight, VerifierConfigs.csv(file, file, key, columns.node()));
            return this;
        }
    }

    /** A published JSON output, whose fields are scored. */
    final class JsonOutput {
        private final String file;

        private JsonOutput(String file) {
            this.file = file;
        }

        /** Scores every field, numbers within {@code abs}; {@code unorderedArrays} are compared as multisets. */
        JsonOutput fields(String name, double weight, double abs, String... unorderedArrays) {
            score(name, weight, VerifierConfigs.json(file, file, abs, List.of(unorderedArrays)));
            return this;
        }

        /** Scores the given fields (JSON Pointers), numbers within {@code abs}. */
        JsonOutput fieldsAt(String name, double weight, double abs, String... pointers) {
            ObjectNode config = VerifierConfigs.json(file, file, abs, List.of());
            ArrayNode fields = config.putArray("fields");
            for (String p : pointers) {
                fields.add(p);
            }
            score(name, weight, config);
            return this;
        }

        /** Scores one number, within {@code abs}. */
        JsonOutput number(String name, double weight, String pointer, double abs) {
            score(name, weight, VerifierConfigs.number(file, pointer, file, abs));
            return this;
        }
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

        /** Text columns compared after trimming, case included. */
        Columns text(String... columns) {
            return textRule(false, columns);
        }

        /** Text columns compared after trimming, case ignored. */
        Columns anyCase(String... columns) {
            return textRule(true, columns);
        }

        private Columns textRule(boolean ignoreCase, String... columns) {
            for (String c : columns) {
                node.set(c, VerifierConfigs.text(ignoreCase));
            }
            return this;
        }

        ObjectNode node() {
            return node;
        }
    }

    /** An empty column list, to add columns to. */
    static Columns columns() {
        return new Columns();
    }
}
