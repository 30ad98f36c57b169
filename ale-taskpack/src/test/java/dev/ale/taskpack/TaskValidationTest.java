package dev.ale.taskpack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.task.Task;
import dev.ale.api.task.TaskPackException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskValidationTest extends StandardPackTest {
    ObjectNode taxonomy(ObjectNode t) {
        return (ObjectNode) t.get("taxonomy");
    }

    /** One value of bank-rec's task.json set (JSON text at a JSON Pointer), the pointer it is refused at, the rule. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
            /id                | "ledger-close"    | /id                     | id 'ledger-close' does not match its folder 'tasks/bank-rec/'
            /id                | "-bank"           | /id                     | not a valid task id '-bank'
            /revision          | "1"               | /revision               | must be an integer >= 1, found a string
            /revision          | 0                 | /revision               | must be an integer >= 1, found 0
            /revision          | 1.5               | /revision               | must be an integer
            /title             | ""                | /title                  | must not be empty
            /taxonomy          | "finance"         | /taxonomy               | must be an object, found a string
            /metadata          | 3                 | /metadata               | must be an object
            /taxonomy/cluster  | "banking"         | /taxonomy/cluster       | unknown cluster 'banking'
            /taxonomy/soc      | []                | /taxonomy/soc           | at least one
            /taxonomy/soc      | ["13-1000.01"]    | /taxonomy/soc/0         | '13-1000' is not a detailed SOC 2018 occupation
            /taxonomy/soc      | ["29-1220"]       | /taxonomy/soc/0         | unknown SOC 2018 code
            /taxonomy/soc      | ["132011"]        | /taxonomy/soc/0         | not a SOC 2018 code
            /taxonomy/soc      | ["13-2011.1"]     | /taxonomy/soc/0         | not a SOC 2018 code
            /taxonomy/soc      | ["13 2011"]       | /taxonomy/soc/0         | not a SOC 2018 code
            /tier              | "hard"            | /tier                   | unknown tier 'hard'
            /limits/timeout    | "10x"             | /limits/timeout         | not a duration
            /limits/timeout    | 0                 | /limits/timeout         | must be positive
            /limits/timeout    | "PT-5M"           | /limits/timeout         | must be positive
            /limits/timeout    | "0m"              | /limits/timeout         | must be positive
            /limits/timeout    | true              | /limits/timeout         | must be a duration
            /limits/timeout    | 1e12              | /limits/timeout         | more than a year
            /limits/maxSteps   | -1                | /limits/maxSteps        | must be an integer >= 0
            /limits/maxCostUsd | -0.5              | /limits/maxCostUsd      | must be >= 0
            /passThreshold     | 0                 | /passThreshold          | must be in (0, 1]
            /passThreshold     | 1.5               | /passThreshold          | must be in (0, 1]
            /sessions          | []                | /sessions               | at least one session
            /sessions          | [{"prompt": "x"}] | /sessions/0/prompt      | unknown field
            /sessions          | [{}]              | /sessions/0/instruction | missing required field
            /verifier          | {"checks": 1}     | /verifier/type          | missing required field
            """)
    void badValuesAreRefusedAtTheirPointers(String pointer, String json, String refusedAt, String rule) {
        p.editTask("bank-rec", t -> set(t, pointer, read(json)));
        p.assertRefused(BANK, refusedAt, rule);
    }

    /** Sets {@code value} at {@code pointer} of a task.json, creating the objects on the way. */
    static void set(ObjectNode task, String pointer, JsonNode value) {
        String[] names = pointer.substring(1).split("/");
        ObjectNode parent = task;
        for (int i = 0; i < names.length - 1; i++) {
            parent = parent.get(names[i]) instanceof ObjectNode o ? o : parent.putObject(names[i]);
        }
        parent.set(names[names.length - 1], value);
    }

    @Test
    void missingFieldsAreNamed() {
        for (String field : List.of("title", "revision", "taxonomy", "tier", "sessions", "verifier")) {
            p = PackFixture.standard(tmp);
            p.editTask("bank-rec", t -> t.remove(field));
            p.assertRefused(BANK, "/" + field, "missing required field");
        }
    }

    @Test
    void unknownSubfieldIsAWarning() {
        p.editTask("bank-rec", t -> taxonomy(t).put("subfield", "forensic_accounting"));
        assertEquals(
                List.of(
                        BANK
                                + " at /taxonomy/subfield: unknown subfield 'forensic_accounting' of cluster 'business_finance'"),
                p.warnings());
    }

    @Test
    void subfieldOfAnotherClusterIsAWarning() {
        p.editTask("bank-rec", t -> taxonomy(t).put("subfield", "civil_geo"));
        assertEquals(1, p.warnings().size());
    }

    @Test
    void unknownSocCodeIsAnErrorNamingTaskAndCode() {
        p.editTask("bank-rec", t -> taxonomy(t).putArray("soc").add("13-2011").add("13-9999"));
        TaskPackException e = p.assertRefused(BANK, "/taxonomy/soc/1", "unknown SOC 2018 code '13-9999'");
        assertEquals("tasks/bank-rec/task.json at /taxonomy/soc/1: unknown SOC 2018 code '13-9999'", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"13-0000", "13-2000", "13-2010", "13-2011", "13-2011.01", "15-1252.00", "29-1221"})
    void socCodesOfAnyLevelAndOnetCodesAreAccepted(String code) {
        p.editTask("bank-rec", t -> taxonomy(t).putArray("soc").add(code));
        try (TaskPack pack = TaskPacks.open(tmp)) {
            assertEquals(
                    List.of(code),
                    pack.task("bank-rec").orElseThrow().spec().taxonomy().soc());
        }
    }

    @ParameterizedTest
    @CsvSource({"'\"10m\"', 600", "'\"2h\"', 7200", "'\"45s\"', 45", "'\"PT10M\"', 600", "'90', 90", "'1.5', 1.5"})
    void timeoutForms(String json, double seconds) throws Exception {
        p.editTask("bank-rec", t -> t.putObject("limits").set("timeout", read(json)));
        try (TaskPack pack = TaskPacks.open(tmp)) {
            Task t = pack.task("bank-rec").orElseThrow();
            assertEquals(
                    Duration.ofMillis((long) (seconds * 1000)),
                    t.spec().limits().timeout());
        }
    }

    static JsonNode read(String json) {
        try {
            return PackFixture.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
