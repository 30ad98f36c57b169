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

    @Test
    void idMustMatchItsFolder() {
        p.editTask("bank-rec", t -> t.put("id", "ledger-close"));
        p.assertRefused(BANK, "/id", "id 'ledger-close' does not match its folder 'tasks/bank-rec/'");
    }

    @Test
    void idMustBeValid() {
        p.editTask("bank-rec", t -> t.put("id", "-bank"));
        p.assertRefused(BANK, "/id", "not a valid task id '-bank'");
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
    void wrongTypesAreNamed() {
        p.editTask("bank-rec", t -> t.put("revision", "1"));
        p.assertRefused(BANK, "/revision", "must be an integer >= 1, found a string");
        p.editTask("bank-rec", t -> t.put("revision", 0));
        p.assertRefused(BANK, "/revision", "must be an integer >= 1, found 0");
        p.editTask("bank-rec", t -> t.put("revision", 1.5));
        p.assertRefused(BANK, "/revision", "must be an integer");
        p.editTask("bank-rec", t -> t.put("revision", 1).put("title", ""));
        p.assertRefused(BANK, "/title", "must not be empty");
        p.editTask("bank-rec", t -> t.put("title", "ok").put("taxonomy", "finance"));
        p.assertRefused(BANK, "/taxonomy", "must be an object, found a string");
        p = PackFixture.standard(tmp);
        p.editTask("bank-rec", t -> t.put("metadata", 3));
        p.assertRefused(BANK, "/metadata", "must be an object");
    }

    @Test
    void unknownClusterIsAnError() {
        p.editTask("bank-rec", t -> taxonomy(t).put("cluster", "banking"));
        p.assertRefused(BANK, "/taxonomy/cluster", "unknown cluster 'banking'");
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
    @CsvSource({
        "13-1000.01, '13-1000' is not a detailed SOC 2018 occupation",
        "29-1220, unknown SOC 2018 code",
        "132011, not a SOC 2018 code",
        "13-2011.1, not a SOC 2018 code",
        "13 2011, not a SOC 2018 code"
    })
    void badSocCodesAreErrors(String code, String rule) {
        p.editTask("bank-rec", t -> taxonomy(t).putArray("soc").add(code));
        p.assertRefused(BANK, "/taxonomy/soc/0", rule);
    }

    @Test
    void socListMustNotBeEmpty() {
        p.editTask("bank-rec", t -> taxonomy(t).putArray("soc"));
        p.assertRefused(BANK, "/taxonomy/soc", "at least one");
    }

    @Test
    void tierMustBeKnown() {
        p.editTask("bank-rec", t -> t.put("tier", "hard"));
        p.assertRefused(BANK, "/tier", "unknown tier 'hard'");
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

    @ParameterizedTest
    @CsvSource({
        "'\"10x\"', not a duration",
        "'0', must be positive",
        "'\"PT-5M\"', must be positive",
        "'\"0m\"', must be positive",
        "'true', must be a duration",
        "'1e12', more than a year"
    })
    void badTimeouts(String json, String rule) {
        p.editTask("bank-rec", t -> t.putObject("limits").set("timeout", read(json)));
        p.assertRefused(BANK, "/limits/timeout", rule);
    }

    @Test
    void capsMustNotBeNegative() {
        p.editTask("bank-rec", t -> t.putObject("limits").put("maxSteps", -1));
        p.assertRefused(BANK, "/limits/maxSteps", "must be an integer >= 0");
        p.editTask("bank-rec", t -> t.putObject("limits").put("maxCostUsd", -0.5));
        p.assertRefused(BANK, "/limits/maxCostUsd", "must be >= 0");
    }

    @Test
    void passThresholdMustBeInTheUnitInterval() {
        p.editTask("bank-rec", t -> t.put("passThreshold", 0));
        p.assertRefused(BANK, "/passThreshold", "must be in (0, 1]");
        p.editTask("bank-rec", t -> t.put("passThreshold", 1.5));
        p.assertRefused(BANK, "/passThreshold", "must be in (0, 1]");
    }

    @Test
    void sessionsNeedInstructions() {
        p.editTask("bank-rec", t -> t.putArray("sessions"));
        p.assertRefused(BANK, "/sessions", "at least one session");
        p.editTask("bank-rec", t -> t.putArray("sessions").addObject().put("prompt", "x"));
        p.assertRefused(BANK, "/sessions/0/prompt", "unknown field");
        p.editTask("bank-rec", t -> t.putArray("sessions").addObject());
        p.assertRefused(BANK, "/sessions/0/instruction", "missing required field");
    }

    @Test
    void verifierNeedsAType() {
        p.editTask("bank-rec", t -> t.putObject("verifier").put("checks", 1));
        p.assertRefused(BANK, "/verifier/type", "missing required field");
    }

    static JsonNode read(String json) {
        try {
            return PackFixture.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
