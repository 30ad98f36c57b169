package dev.ale.samples.alestyle;

import static dev.ale.core.PackCheck.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ale.api.spi.Verdict;
import dev.ale.core.PackCheck.Result;
import dev.ale.samples.packgen.GeneratedPacks;
import dev.ale.samples.packgen.starter.PackCheck;
import dev.ale.taskpack.TaskPack;
import dev.ale.taskpack.TaskPackWriter;
import dev.ale.taskpack.TaskPacks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ale-style pack re-expresses three graders of the Agents' Last Exam repository; on every
 * candidate deliverable next to {@code ale-scores.json} the SDK must give the score that ALE's
 * own grader gave (computed by {@code reproduce.py}, see the README there), to 1e-9.
 */
class AleStylePacksTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path PACK = GeneratedPacks.moduleDir().resolve("packs/ale-style");
    private static final Path CANDIDATES =
            GeneratedPacks.moduleDir().resolve("src/test/resources/dev/ale/samples/alestyle");

    @TestFactory
    Stream<DynamicTest> theSdkGivesAlesScoreOnEveryCandidate() throws IOException {
        PackCheck pack = PackCheck.open(PACK);
        JsonNode scores = MAPPER.readTree(CANDIDATES.resolve("ale-scores.json").toFile());
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, JsonNode> task : scores.properties()) {
            for (Map.Entry<String, JsonNode> candidate : task.getValue().properties()) {
                Path output = CANDIDATES.resolve(task.getKey()).resolve(candidate.getKey());
                double ale = candidate.getValue().doubleValue();
                tests.add(DynamicTest.dynamicTest(task.getKey() + " / " + candidate.getKey(), () -> {
                    Verdict v = pack.verify(task.getKey(), output);
                    assertEquals(ale, v.score(), 1e-9, v.summary() + "\n" + v.checks());
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void everyCandidateFolderHasAnAleScore() throws IOException {
        JsonNode scores = MAPPER.readTree(CANDIDATES.resolve("ale-scores.json").toFile());
        Set<String> listed = new TreeSet<>();
        scores.properties()
                .forEach(t -> t.getValue().fieldNames().forEachRemaining(c -> listed.add(t.getKey() + "/" + c)));
        Set<String> folders = new TreeSet<>();
        for (String task : List.of("tax-form-fill", "ecg-rhythm-labels", "icu-calculator-audit")) {
            try (Stream<Path> list = Files.list(CANDIDATES.resolve(task))) {
                list.filter(Files::isDirectory).forEach(p -> folders.add(task + "/" + p.getFileName()));
            }
        }
        assertEquals(folders, listed);
        assertTrue(listed.size() >= 30, listed.toString());
    }

    @Test
    void packCheckPasses() {
        try (TaskPack p = TaskPacks.open(PACK)) {
            for (Result r : run(p)) {
                assertTrue(r.sound(), r.taskId() + ": " + r.probes());
            }
        }
    }

    @Test
    void digestsAreCurrent(@TempDir Path dir) throws IOException {
        PackCheck.copy(PACK, dir);
        TaskPackWriter.updateDigests(dir);
        assertEquals(
                MAPPER.readTree(dir.resolve("pack.json").toFile()),
                MAPPER.readTree(PACK.resolve("pack.json").toFile()));
    }
}
