package dev.ale.taskpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.task.TaskPackException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackLimitsTest {
    @Test
    void theBuilderSetsEachLimitByNameAndKeepsTheOthers() {
        PackLimits limits = PackLimits.builder()
                .maxEntries(5)
                .set("maxTotalBytes", "2g")
                .set("maxJsonBytes", "64k")
                .set("maxCompressionRatio", "50.5")
                .build();
        assertEquals(5, limits.maxEntries());
        assertEquals(2L << 30, limits.maxTotalBytes());
        assertEquals(64 << 10, limits.maxJsonBytes());
        assertEquals(50.5, limits.maxCompressionRatio());
        assertEquals(PackLimits.defaults().maxEntryBytes(), limits.maxEntryBytes());
        assertEquals(limits, limits.toBuilder().build());
    }

    @Test
    void eachLimitSaysWhatIsWrongWithItsOwnValue() {
        assertEquals(
                "maxEntries must be positive, got 0",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> PackLimits.builder().maxEntries(0).build())
                        .getMessage());
        assertEquals(
                "maxJsonBytes must be positive, got -1",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> PackLimits.builder().maxJsonBytes(-1).build())
                        .getMessage());
        assertEquals(
                "maxCompressionRatio must be a finite number > 1, got 1.0",
                assertThrows(IllegalArgumentException.class, () -> PackLimits.builder()
                                .maxCompressionRatio(1)
                                .build())
                        .getMessage());
        assertEquals(
                "ratioFloorBytes must be >= 0, got -5",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> PackLimits.builder().ratioFloorBytes(-5).build())
                        .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PackLimits.builder()
                        .set("maxFiles", "3"))
                .getMessage()
                .startsWith("no pack limit 'maxFiles'; the limits are maxEntries, "));
        assertEquals(
                "maxEntries must be a whole number (optionally with k, m or g), got 'lots'",
                assertThrows(IllegalArgumentException.class, () -> PackLimits.builder()
                                .set("maxEntries", "lots"))
                        .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PackLimits.builder()
                        .set("maxTotalBytes", "99999999999g"))
                .getMessage()
                .startsWith("maxTotalBytes is too large"));
    }

    @Test
    void aRefusalNamesTheLimitAndHowToRaiseIt(@TempDir Path tmp) {
        PackFixture.standard(tmp);
        PackOptions tight = PackOptions.defaults()
                .withLimits(PackLimits.builder().maxJsonBytes(64).build());
        TaskPackException e = assertThrows(TaskPackException.class, () -> TaskPacks.open(tmp, tight));
        assertTrue(e.getMessage().contains("larger than the limit of"), e.getMessage());
        assertTrue(e.getMessage().contains("(PackLimits.maxJsonBytes; raise it with"), e.getMessage());
        assertTrue(e.getMessage().contains("ale --pack-limit maxJsonBytes=N"), e.getMessage());
    }

    @Test
    void packJsonMayTakeAKilobytePerFileOfThePackBeyondTheJsonLimit(@TempDir Path tmp) throws Exception {
        PackFixture p = PackFixture.standard(tmp);
        long files;
        try (var walk = Files.walk(tmp)) {
            files = walk.filter(Files::isRegularFile).count();
        }
        // pack.json grown past maxJsonBytes but within the allowance of the pack's files
        p.editManifest(m -> m.put("description", "x".repeat((int) files * 900)));
        long manifestBytes = Files.size(tmp.resolve("pack.json"));
        long taskJson = Files.size(tmp.resolve("tasks/bank-rec/task.json"));
        PackLimits limits = PackLimits.builder()
                .maxJsonBytes(Math.max(taskJson, manifestBytes / 2))
                .build();
        assertTrue(manifestBytes > limits.maxJsonBytes());
        try (TaskPack pack = TaskPacks.open(tmp, PackOptions.defaults().withLimits(limits))) {
            assertEquals(PackFixture.IDS.size(), pack.tasks().size());
        }
        // past the allowance it is refused as before
        p.editManifest(m -> m.put("description", "x".repeat((int) files * PackLimits.MANIFEST_BYTES_PER_FILE)));
        TaskPackException e = assertThrows(
                TaskPackException.class,
                () -> TaskPacks.open(tmp, PackOptions.defaults().withLimits(limits)));
        assertEquals("pack.json", e.source());
    }
}
