package dev.ale.taskpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.task.TaskPackException;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonRulesTest extends StandardPackTest {
    void writeBank(String text) {
        p.write(BANK, text);
        p.rehash();
    }

    @Test
    void malformedJsonNamesTheEntryLineAndColumn() {
        writeBank("{\n  \"id\": \"bank-rec\",\n  \"revision\": 1,,\n}");
        TaskPackException e = p.refusal();
        assertEquals(BANK, e.source());
        assertTrue(e.rule().startsWith("malformed JSON at line 3, column 17"), e.getMessage());
    }

    @Test
    void malformedPackJsonNamesIt() {
        p.write("pack.json", "{\"format\": ");
        TaskPackException e = p.refusal();
        assertEquals("pack.json", e.source());
        assertTrue(e.rule().startsWith("malformed JSON at line 1"), e.getMessage());
    }

    @Test
    void duplicateKeysAreAnError() {
        writeBank("{\"id\": \"bank-rec\",\n \"id\": \"other\"}");
        TaskPackException e = p.refusal();
        assertEquals(BANK, e.source());
        assertTrue(e.rule().contains("line 2") && e.rule().contains("Duplicate field 'id'"), e.getMessage());
    }

    @Test
    void duplicateNestedKeysAreAnError() {
        p.write("pack.json", "{\"format\": \"ale-taskpack\", \"lists\": {\"a\": [], \"a\": []}}");
        TaskPackException e = p.refusal();
        assertTrue(e.rule().contains("Duplicate field 'a'"), e.getMessage());
    }

    /** Objects nested {@code depth} deep in a task's metadata: refused past the nesting limit, read within it. */
    @ParameterizedTest
    @ValueSource(ints = {60, 70})
    void nestingIsLimited(int depth) {
        p.editTask("bank-rec", t -> {
            var node = t.putObject("metadata");
            for (int i = 0; i < depth; i++) {
                node = node.putObject("n");
            }
        });
        if (depth < 64) {
            p.warnings();
            return;
        }
        TaskPackException e = p.refusal();
        assertEquals(BANK, e.source());
        assertTrue(e.rule().contains("nesting depth"), e.getMessage());
    }

    @Test
    void sizeIsLimited() {
        p.editTask("bank-rec", t -> t.putObject("metadata").put("blob", "x".repeat(3000)));
        TaskPackException e = Assertions.assertThrows(
                TaskPackException.class,
                () -> TaskPacks.open(
                        tmp,
                        PackOptions.defaults().withLimits(new PackLimits(1000, 1 << 20, 1 << 24, 200, 1 << 20, 2048))));
        assertEquals(BANK, e.source());
        assertTrue(e.rule().contains("limit of 2048 bytes"), e.getMessage());
    }

    @Test
    void theRootMustBeAnObject() {
        writeBank("[1, 2]");
        p.assertRefused(BANK, "", "a JSON object is expected, found an array");
        writeBank("");
        p.assertRefused(BANK, "", "empty file");
    }

    @Test
    void trailingContentIsAnError() {
        writeBank(new String(TaskValidationTest.read("{}").toString()) + "{}");
        TaskPackException e = p.refusal();
        assertTrue(e.rule().startsWith("malformed JSON"), e.getMessage());
    }
}
