package dev.ale.taskpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.task.TaskPackException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ManifestValidationTest extends StandardPackTest {
    @Test
    void missingManifestIsAnError() throws IOException {
        Files.delete(tmp.resolve("pack.json"));
        p.assertRefused("pack.json", "", "missing");
    }

    @Test
    void formatMustBeAleTaskpack() {
        p.editManifest(m -> m.put("format", "other"));
        p.assertRefused("pack.json", "/format", "format must be 'ale-taskpack'");
    }

    @Test
    void majorFormatVersionTwoIsRefused() {
        p.editManifest(m -> m.put("formatVersion", "2.0"));
        TaskPackException e = p.assertRefused("pack.json", "/formatVersion", "format version 2.0 is not supported");
        assertEquals(
                "pack.json at /formatVersion: format version 2.0 is not supported: this reader reads 1.x (up to 1.0)",
                e.getMessage());
    }

    @Test
    void formatVersionMustBeMajorDotMinor() {
        p.editManifest(m -> m.put("formatVersion", "1"));
        p.assertRefused("pack.json", "/formatVersion", "must be 'major.minor'");
        p.editManifest(m -> m.put("formatVersion", 1.0));
        p.assertRefused("pack.json", "/formatVersion", "must be a string");
    }

    @Test
    void newerMinorIgnoresUnknownFieldsWithWarnings() {
        p.editManifest(m -> {
            m.put("formatVersion", "1.9");
            m.put("signature", "abc");
            ((ObjectNode) m.get("tasks").get(0)).put("weight", 2);
        });
        p.editTask("bank-rec", t -> {
            t.put("rubric", "new in 1.9");
            ((ObjectNode) t.get("taxonomy")).put("isco", "2411");
        });
        List<String> w = p.warnings();
        assertTrue(
                w.contains(
                        "pack.json at /formatVersion: format version 1.9 is newer than this reader's 1.0: unknown fields are ignored"),
                w.toString());
        assertTrue(
                w.contains("pack.json at /signature: unknown field ignored (written for a newer format version)"),
                w.toString());
        assertTrue(
                w.contains("pack.json at /tasks/0/weight: unknown field ignored (written for a newer format version)"),
                w.toString());
        assertTrue(
                w.contains(
                        "tasks/bank-rec/task.json at /rubric: unknown field ignored (written for a newer format version)"),
                w.toString());
        assertTrue(
                w.contains(
                        "tasks/bank-rec/task.json at /taxonomy/isco: unknown field ignored (written for a newer format version)"),
                w.toString());
        assertEquals(5, w.size(), w.toString());
    }

    @Test
    void sameMinorRefusesUnknownFieldsInPackJson() {
        p.editManifest(m -> m.put("descripton", "typo"));
        p.assertRefused("pack.json", "/descripton", "unknown field");
        p.editManifest(m -> {
            m.remove("descripton");
            ((ObjectNode) m.get("tasks").get(1)).put("digst", "x");
        });
        p.assertRefused("pack.json", "/tasks/1/digst", "unknown field");
    }

    @Test
    void sameMinorRefusesUnknownFieldsInTaskJson() {
        p.editTask("ledger-close", t -> t.put("titel", "typo"));
        p.assertRefused("tasks/ledger-close/task.json", "/titel", "unknown field");
    }

    @Test
    void sameMinorRefusesUnknownNestedFields() {
        p.editTask("ledger-close", t -> ((ObjectNode) t.get("limits")).put("timout", "1h"));
        p.assertRefused("tasks/ledger-close/task.json", "/limits/timout", "unknown field");
    }

    @Test
    void requiredFieldsAndTypes() {
        p.editManifest(m -> m.remove("name"));
        p.assertRefused("pack.json", "/name", "missing required field");
        p.editManifest(m -> m.put("name", 5));
        p.assertRefused("pack.json", "/name", "must be a string, found the number 5");
        p.editManifest(m -> m.put("name", "sample").put("description", true));
        p.assertRefused("pack.json", "/description", "must be a string");
        p.editManifest(m -> m.put("description", "ok").put("tasks", "all"));
        p.assertRefused("pack.json", "/tasks", "must be an array");
    }

    @Test
    void versionMustBeSemantic() {
        p.editManifest(m -> m.put("version", "1.2"));
        p.assertRefused("pack.json", "/version", "semantic version");
        p.editManifest(m -> m.put("version", "1.2.0-rc.1+build.5"));
        p.warnings();
    }

    @Test
    void emptyDigestTellsHowToFillItIn() {
        p.editManifest(m -> ((ObjectNode) m.get("tasks").get(2)).put("digest", ""));
        p.assertRefused("pack.json", "/tasks/2/digest", "run TaskPackWriter.updateDigests (or `ale pack build`)");
    }

    @Test
    void digestMustBeLowerCaseSha256Hex() {
        String upper = p.recordedDigest("bank-rec").toUpperCase(Locale.ROOT);
        p.editManifest(m -> ((ObjectNode) m.get("tasks").get(0)).put("digest", upper));
        p.assertRefused("pack.json", "/tasks/0/digest", "64 lower-case hex digits");
    }

    @Test
    void taskIdsMustBeValidAndUnique() {
        p.editManifest(m -> ((ObjectNode) m.get("tasks").get(1)).put("id", "Ledger Close"));
        p.assertRefused("pack.json", "/tasks/1/id", "not a valid task id");
        p.editManifest(m -> ((ObjectNode) m.get("tasks").get(1)).put("id", "bank-rec"));
        p.assertRefused("pack.json", "/tasks/1/id", "duplicate task id 'bank-rec' (also at /tasks/0)");
    }

    @Test
    void revisionsMustMatchTheTaskJson() {
        p.editManifest(m -> ((ObjectNode) m.get("tasks").get(0)).put("revision", 2));
        p.assertRefused(
                "pack.json",
                "/tasks/0/revision",
                "revision 2 does not match the revision 1 in tasks/bank-rec/task.json");
    }

    @Test
    void aPackNeedsTasks() {
        p.editManifest(m -> m.putArray("tasks"));
        p.assertRefused("pack.json", "/tasks", "at least one task");
    }

    @Test
    void listsNeedNames() {
        p.editManifest(m -> ((ObjectNode) m.get("lists")).putArray(" "));
        p.assertRefused("pack.json", "/lists/ ", "a list needs a name");
    }

    @Test
    void listsMustNameListedTasks() {
        p.editManifest(m -> ((ArrayNode) m.get("lists").get("smoke")).add("nope"));
        p.assertRefused("pack.json", "/lists/smoke/1", "unknown task 'nope'");
        p.editManifest(m -> m.putObject("lists").put("smoke", "bank-rec"));
        p.assertRefused("pack.json", "/lists/smoke", "must be an array");
    }
}
