package dev.ale.taskpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.task.Task;
import dev.ale.api.task.TaskPackException;
import dev.ale.api.task.TaskPart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestTest {
    @TempDir
    Path tmp;

    PackFixture p;

    @BeforeEach
    void setUp() {
        p = PackFixture.standard(Path.of(tmp.toString(), "pack"));
    }

    @Test
    void recordedDigestsFollowTheContract() {
        try (TaskPack pack = TaskPacks.open(p.dir)) {
            for (Task t : pack.tasks()) {
                assertEquals(PackFixture.digest(p.dir.resolve("tasks").resolve(t.id())), t.digest());
                assertEquals(t.digest(), Digests.task(DirectorySource.scan(p.dir), t.id()));
            }
        }
    }

    @Test
    void aMismatchIsFoundLazilyAndNamesTheTaskAndBothDigests() {
        String recorded = p.recordedDigest("bank-rec");
        p.write("tasks/bank-rec/reference/expected.csv", "tampered\n");
        String actual = PackFixture.digest(p.dir.resolve("tasks/bank-rec"));
        try (TaskPack pack = TaskPacks.open(p.dir)) {
            Task bank = pack.task("bank-rec").orElseThrow();
            TaskPackException e = assertThrows(TaskPackException.class, () -> bank.files(TaskPart.INPUTS));
            assertEquals("tasks/bank-rec/", e.source());
            assertTrue(e.rule().contains("task 'bank-rec' does not match its digest"), e.getMessage());
            assertTrue(e.rule().contains(recorded) && e.rule().contains(actual), e.getMessage());
            assertThrows(TaskPackException.class, () -> bank.files(TaskPart.SOLUTION));
            pack.task("ledger-close").orElseThrow().files(TaskPart.INPUTS);
            TaskPackException v = assertThrows(TaskPackException.class, pack::verify);
            assertEquals("tasks/bank-rec/", v.source());
            pack.select(TaskFilter.id("ledger-close")).verify();
        }
    }

    @Test
    void aMismatchInAZipIsFound() throws IOException {
        p.write("tasks/site-survey/inputs/extra.txt", "added after hashing\n");
        Path zip = Hostile.zip(tmp.resolve("pack.zip"), Hostile.filesOf(p.dir));
        try (TaskPack pack = TaskPacks.open(zip)) {
            TaskPackException e = assertThrows(TaskPackException.class, pack::verify);
            assertEquals("tasks/site-survey/", e.source());
        }
    }

    @Test
    void theCheckRunsOnceAndIsCached() throws IOException {
        try (TaskPack pack = TaskPacks.open(p.dir)) {
            Task bank = pack.task("bank-rec").orElseThrow();
            assertEquals(2, bank.files(TaskPart.INPUTS).size());
            Files.writeString(
                    p.dir.resolve("tasks/bank-rec/solution/reconciled.csv"),
                    "changed, same length!!!!!!!!!!!!!!!!!!!!!\n");
            assertEquals(1, bank.files(TaskPart.SOLUTION).size());
        }
    }

    @Test
    void aFileThatVanishesIsNamed() throws IOException {
        try (TaskPack pack = TaskPacks.open(p.dir)) {
            Files.delete(p.dir.resolve("tasks/ledger-close/reference/expected.json"));
            TaskPackException e = assertThrows(TaskPackException.class, pack::verify);
            assertEquals("tasks/ledger-close/reference/expected.json", e.source());
            assertTrue(e.rule().startsWith("cannot read"), e.getMessage());
        }
    }

    @Test
    void packDigestChangesWithAnyTaskDigest() {
        String before;
        try (TaskPack pack = TaskPacks.open(p.dir)) {
            before = pack.ref().digest();
        }
        p.write("tasks/site-survey/inputs/more.txt", "x");
        p.rehash();
        try (TaskPack pack = TaskPacks.open(p.dir)) {
            assertTrue(!before.equals(pack.ref().digest()));
        }
    }
}
