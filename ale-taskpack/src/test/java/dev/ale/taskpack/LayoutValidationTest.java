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

class LayoutValidationTest extends StandardPackTest {
    @Override
    Path packDir() {
        return tmp.resolve("pack");
    }

    @Test
    void unlistedTaskFolderIsAnError() {
        p.write("tasks/extra/task.json", "{}");
        p.assertRefused("tasks/extra/", "", "task folder not listed in pack.json");
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
    void onlyPackJsonAndTasksMayBeAtTheTop() {
        p.write("README.md", "hello");
        p.assertRefused("README.md", "", "only pack.json and tasks/ may be at the top level");
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
    void onlyFoldersMayBeInTasks() {
        p.write("tasks/notes.txt", "hello");
        p.assertRefused("tasks/notes.txt", "", "only task folders");
    }

    @Test
    void unknownEntriesInATaskFolderAreNamed() {
        p.write("tasks/bank-rec/notes.txt", "hello");
        p.rehash();
        p.assertRefused("tasks/bank-rec/notes.txt", "", "not allowed in a task folder");
        p = PackFixture.standard(tmp.resolve("second"));
        p.write("tasks/bank-rec/outputs/x.csv", "a");
        p.rehash();
        p.assertRefused("tasks/bank-rec/outputs/", "", "not allowed in a task folder");
    }

    @Test
    void partsMustHaveTheirTypes() {
        p.write("tasks/ledger-close/solution", "not a folder");
        p.rehash();
        p.assertRefused("tasks/ledger-close/solution", "", "has the wrong type");
    }

    @Test
    void sessionFoldersMustBeNumberedWithinTheSessions() {
        p.write("tasks/bank-rec/sessions/3/x.txt", "a");
        p.rehash();
        p.assertRefused("tasks/bank-rec/sessions/3/", "", "session 3 does not exist: the task has 2 sessions");
    }

    @Test
    void sessionFoldersMustBePositiveIntegers() {
        for (String bad : new String[] {"0", "01", "one"}) {
            PackFixture q = PackFixture.standard(tmp.resolve(bad));
            q.write("tasks/bank-rec/sessions/" + bad + "/x.txt", "a");
            q.rehash();
            q.assertRefused("tasks/bank-rec/sessions/" + bad + "/", "", "not a session folder");
        }
        p.write("tasks/bank-rec/sessions/readme.txt", "a");
        p.rehash();
        p.assertRefused("tasks/bank-rec/sessions/readme.txt", "", "not a session folder");
    }

    @Test
    void aSealedReferenceIsAllowedAndCountsInTheDigest() throws IOException {
        String before = p.recordedDigest("ledger-close");
        deleteReferenceFolder("ledger-close");
        p.write("tasks/ledger-close/reference.7z", new byte[] {'7', 'z', (byte) 0xbc, (byte) 0xaf});
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
    void aReferenceFolderBesideASealedReferenceIsAnError() {
        p.write("tasks/ledger-close/reference.7z", new byte[] {'7', 'z', (byte) 0xbc, (byte) 0xaf});
        p.rehash();
        p.assertRefused(
                "tasks/ledger-close/reference.7z", "", "either in reference/ or sealed in reference.7z, not both");
    }

    @Test
    void anEmptyReferenceFolderBesideASealedReferenceIsHarmless() throws IOException {
        deleteReferenceFolder("ledger-close");
        Files.createDirectories(p.dir.resolve("tasks/ledger-close/reference/empty"));
        p.write("tasks/ledger-close/reference.7z", new byte[] {'7', 'z', (byte) 0xbc, (byte) 0xaf});
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
