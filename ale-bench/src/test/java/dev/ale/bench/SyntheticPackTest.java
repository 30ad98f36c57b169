package dev.ale.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.spi.Verdict;
import dev.ale.api.task.Task;
import dev.ale.api.task.TaskPart;
import dev.ale.taskpack.TaskPack;
import dev.ale.taskpack.TaskPackWriter;
import dev.ale.taskpack.TaskPacks;
import dev.ale.testkit.FolderContext;
import dev.ale.verifiers.VerifierRegistry;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticPackTest {
    @Test
    void theSameSeedGivesTheSamePackAndAnotherSeedAnother(@TempDir Path tmp) throws Exception {
        SyntheticPack.write(tmp.resolve("a"), 3, 300_000, 1);
        SyntheticPack.write(tmp.resolve("b"), 3, 300_000, 1);
        SyntheticPack.write(tmp.resolve("c"), 3, 300_000, 2);
        String a = TaskPackWriter.updateDigests(tmp.resolve("a"));
        assertEquals(a, TaskPackWriter.updateDigests(tmp.resolve("b")));
        assertNotEquals(a, TaskPackWriter.updateDigests(tmp.resolve("c")));
    }

    @Test
    void aValidPackOfAboutTheAskedSizeWhoseSolutionsFullyPass(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("pack");
        SyntheticPack.write(dir, 4, 400_000, 9);
        TaskPackWriter.updateDigests(dir);
        long bytes = PackReading.bytesUnder(dir);
        assertTrue(bytes > 380_000 && bytes < 420_000, "about 400 kB: " + bytes);
        Path zip = tmp.resolve("pack.zip");
        TaskPackWriter.write(dir, zip);
        try (TaskPack pack = TaskPacks.open(zip)) {
            assertEquals(4, pack.tasks().size());
            pack.verify();
            VerifierRegistry registry = VerifierRegistry.discover();
            for (Task t : pack.tasks()) {
                Path out = stage(t, TaskPart.SOLUTION, tmp.resolve(t.id() + "/out"));
                Path ref = stage(t, TaskPart.REFERENCE, tmp.resolve(t.id() + "/ref"));
                Verdict v = registry.create(t.spec().verifier(), "").verify(FolderContext.of(out, ref, t.spec()));
                assertEquals(1.0, v.score(), t.id() + ": " + v.summary());
            }
        }
    }

    private static Path stage(Task t, TaskPart part, Path dir) throws Exception {
        Files.createDirectories(dir);
        for (var f : t.files(part)) {
            try (InputStream in = f.open()) {
                Files.copy(in, dir.resolve(f.path()));
            }
        }
        return dir;
    }
}
