package dev.ale.taskpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.task.Task;
import dev.ale.api.task.TaskPackException;
import dev.ale.api.task.TaskPart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LayoutValidationTest extends StandardPackTest {
    @Override
    Path packDir() {
        return tmp.resolve("pack");
    }

    /** Seven-zip's signature: enough of a sealed reference for the layout rules. */
    private static final byte[] SEALED = {'7', 'z', (byte) 0xbc, (byte) 0xaf};

    /**
     * A file written into the standard pack (digests refreshed or not) and the refusal it meets:
     * the entry named and a fragment of the rule.
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "tasks/extra/task.json | {} | false | tasks/extra/ | task folder not listed in pack.json",
                "README.md | hello | false | README.md | only pack.json and tasks/ may be at the top level",
                "tasks/notes.txt | hello | false | tasks/notes.txt | only task folders",
                "tasks/bank-rec/notes.txt | hello | true | tasks/bank-rec/notes.txt | not allowed in a task folder",
                "tasks/bank-rec/outputs/x.csv | a | true | tasks/bank-rec/outputs/ | not allowed in a task folder",
                "tasks/ledger-close/solution | not a folder | true | tasks/ledger-close/solution | has the wrong type",
                "tasks/bank-rec/sessions/3/x.txt | a | true | tasks/bank-rec/sessions/3/ | session 3 does not exist: the task has 2 sessions",
                "tasks/bank-rec/sessions/0/x.txt | a | true | tasks/bank-rec/sessions/0/ | not a session folder",
                "tasks/bank-rec/sessions/01/x.txt | a | true | tasks/bank-rec/sessions/01/ | not a session folder",
                "tasks/bank-rec/sessions/one/x.txt | a | true | tasks/bank-rec/sessions/one/ | not a session folder",
                "tasks/bank-rec/sessions/readme.txt | a | true | tasks/bank-rec/sessions/readme.txt | not a session folder",
                "tasks/ledger-close/reference.7z | (7z) | true | tasks/ledger-close/reference.7z"
                        + " | either in reference/ or sealed in reference.7z, not both"
            })
    void filesOutOfPlaceAreRefused(String file, String text, boolean rehash, String source, String rule) {
        if (text.equals("(7z)")) {
            p.write(file, SEALED);
        } else {
            p.write(file, text);
        }
        if (rehash) {
            p.rehash();
        }
        p.assertRefused(source, "", rule);
    }

    @Test
    void emptyUnlistedTaskFolderIsAnError() throws IOException {
        Files.createDirectories(p.dir.resolve("tasks/empty"));
        p.assertRefused("tasks/empty/", "", "not listed");
    }

    @Test
    void listedTaskWithoutTaskJsonIsAnError() throws IOException {
        Files.delete(p.dir.resolve("tasks/site-survey/task.json"));
        p.assertRefused("tasks/site-survey/task.json", "", "missing: the task is listed in pack.json at /tasks/2");
    }

    @Test
    void tasksMustBeAFolder() throws IOException {
        Path q = tmp.resolve("flat");
        Files.createDirectories(q);
        Files.copy(p.dir.resolve("pack.json"), q.resolve("pack.json"));
        Files.writeString(q.resolve("tasks"), "not a folder");
        TaskPackException e = assertThrows(TaskPackException.class, () -> TaskPacks.open(q));
        assertEquals("tasks", e.source());
        assertEquals("has the wrong type (pack.json is a file, tasks/ a folder)", e.rule());
    }

    @Test
    void aSealedReferenceIsAllowedAndCountsInTheDigest() throws IOException {
        String before = p.recordedDigest("ledger-close");
        deleteReferenceFolder("ledger-close");
        p.write("tasks/ledger-close/reference.7z", SEALED);
        p.rehash();
        assertNotEquals(before, p.recordedDigest("ledger-close"));
        try (TaskPack pack = TaskPacks.open(p.dir)) {
            pack.verify();
            Task task = pack.task("ledger-close").orElseThrow();
            assertTrue(task.referenceSealed());
            assertEquals(0, task.files(TaskPart.REFERENCE).size());
            assertFalse(pack.task("bank-rec").orElseThrow().referenceSealed());
        }
    }

    @Test
    void anEmptyReferenceFolderBesideASealedReferenceIsHarmless() throws IOException {
        deleteReferenceFolder("ledger-close");
        Files.createDirectories(p.dir.resolve("tasks/ledger-close/reference/empty"));
        p.write("tasks/ledger-close/reference.7z", SEALED);
        p.rehash();
        try (TaskPack pack = TaskPacks.open(p.dir)) {
            assertTrue(pack.task("ledger-close").orElseThrow().referenceSealed());
        }
    }

    private void deleteReferenceFolder(String id) throws IOException {
        Path reference = p.dir.resolve("tasks/" + id + "/reference");
        try (var walk = Files.walk(reference)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
