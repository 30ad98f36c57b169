package dev.ale.samples.packgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplePackGeneratorTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void anotherSeedGivesOtherFigures() {
        SortedMap<String, byte[]> a = SamplePackGenerator.files(SamplePackGenerator.DEFAULT_SEED);
        SortedMap<String, byte[]> b = SamplePackGenerator.files(SamplePackGenerator.DEFAULT_SEED + 1);
        assertEquals(a.keySet(), b.keySet());
        String statement = "tasks/bank-reconciliation/inputs/bank_statement.csv";
        assertFalse(Arrays.equals(a.get(statement), b.get(statement)));
    }

    @Test
    void leavesTaskDigestsEmptyForThePackWriter() throws IOException {
        JsonNode pack = MAPPER.readTree(
                SamplePackGenerator.files(SamplePackGenerator.DEFAULT_SEED).get("pack.json"));
        assertEquals(4, pack.path("tasks").size());
        pack.path("tasks").forEach(t -> assertEquals("", t.path("digest").asText(), t.toString()));
        assertEquals("sample", pack.path("name").asText());
        assertEquals("1.0.0", pack.path("version").asText());
        assertEquals("CC-BY-4.0", pack.path("license").asText());
    }

    @Test
    void replacesAnExistingPackWholly(@TempDir Path dir) throws IOException {
        Path pack = dir.resolve("pack");
        SamplePackGenerator.PACK.generate(pack, SamplePackGenerator.DEFAULT_SEED);
        Path stale = pack.resolve("tasks/old-task/task.json");
        Files.createDirectories(stale.getParent());
        Files.writeString(stale, "{}");

        SamplePackGenerator.PACK.generate(pack, SamplePackGenerator.DEFAULT_SEED);

        assertFalse(Files.exists(stale));
        try (Stream<Path> siblings = Files.list(dir)) {
            assertEquals(1, siblings.count(), "temporary directories left behind");
        }
    }

    @Test
    void refusesToOverwriteADirectoryThatIsNotAPack(@TempDir Path dir) throws IOException {
        Path notes = dir.resolve("notes");
        Files.createDirectories(notes);
        Files.writeString(notes.resolve("todo.txt"), "keep me");

        assertThrows(IllegalArgumentException.class, () -> SamplePackGenerator.PACK.generate(notes, 1));
        assertEquals("keep me", Files.readString(notes.resolve("todo.txt")));
    }

    @Test
    void anotherSeedChangesTheMetadataSeedToo() throws IOException {
        JsonNode a = MAPPER.readTree(SamplePackGenerator.files(7).get("tasks/dosage-calculation/task.json"));
        JsonNode b = MAPPER.readTree(SamplePackGenerator.files(8).get("tasks/dosage-calculation/task.json"));
        assertNotEquals(a.path("metadata"), b.path("metadata"));
        assertEquals(a.path("verifier"), b.path("verifier"));
    }
}
