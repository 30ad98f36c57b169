package dev.ale.samples.packgen.starter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.spi.Verdict;
import dev.ale.api.task.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-check of {@code ale pack check}, task by task, with the real verifiers: the solution
 * is a full pass, an empty workspace scores 0, and every light perturbation of the solution (one
 * number changed, one row dropped) scores below a full pass.
 */
class StarterPackSelfCheckTest {
    @TempDir
    static Path root;

    private static final PackCheck CHECK = PackCheck.starter();

    @Test
    void opensWithoutWarnings() {
        assertEquals(List.of(), CHECK.pack().warnings());
        assertEquals(StarterPackGenerator.TASKS.size(), CHECK.pack().tasks().size());
    }

    @TestFactory
    Stream<DynamicTest> solutionPassesFully() {
        return tasks().map(id -> DynamicTest.dynamicTest(id, () -> {
            Path out = Files.createTempDirectory(root, "solution");
            PackCheck.copy(CHECK.folder(id, "solution"), out);
            Verdict v = CHECK.verify(id, out);
            assertTrue(v.fullPass(CHECK.spec(id).passThreshold()), id + ": " + v);
            assertEquals(1.0, v.score(), 1e-12, id + ": " + v.summary());
        }));
    }

    @TestFactory
    Stream<DynamicTest> emptyWorkspaceScoresZero() {
        return tasks().map(id -> DynamicTest.dynamicTest(id, () -> {
            Verdict v = CHECK.verify(id, Files.createTempDirectory(root, "empty"));
            assertEquals(0.0, v.score(), id + ": " + v.summary());
            assertTrue(v.gateFailed(), id + ": an empty workspace must fail a gate");
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyPerturbationScoresBelowAFullPass() {
        return tasks().map(id -> DynamicTest.dynamicTest(id, () -> {
            Path solution = CHECK.folder(id, "solution");
            List<String> failures = new ArrayList<>();
            int variants = 0;
            for (Path file : files(solution)) {
                String rel = solution.relativize(file).toString().replace('\\', '/');
                for (Perturbations.Variant variant : Perturbations.of(rel, Files.readAllBytes(file))) {
                    Path out = Files.createTempDirectory(root, "perturbed");
                    PackCheck.copy(solution, out);
                    Files.write(out.resolve(rel), variant.content());
                    Verdict v = CHECK.verify(id, out);
                    variants++;
                    if (v.fullPass(CHECK.spec(id).passThreshold())) {
                        failures.add(rel + ": " + variant.what());
                    } else {
                        assertTrue(v.score() > 0 || v.gateFailed(), id + " " + rel + ": " + variant.what());
                    }
                }
            }
            assertTrue(variants >= 3, id + ": only " + variants + " perturbations");
            assertEquals(List.of(), failures, id + ": perturbations that still pass");
        }));
    }

    @Test
    void solutionsHoldOnlyGradedOutputsAndReferencesHoldNoInputs() throws IOException {
        for (Task task : CHECK.pack().tasks()) {
            String id = task.id();
            for (Path file : files(CHECK.folder(id, "solution"))) {
                String name = CHECK.folder(id, "solution").relativize(file).toString();
                assertTrue(Files.exists(CHECK.folder(id, "reference").resolve(name)), id + ": " + name);
                assertFalse(
                        Files.exists(CHECK.folder(id, "inputs").resolve(name)), id + ": " + name + " is also an input");
            }
        }
    }

    private static Stream<String> tasks() {
        return CHECK.pack().tasks().stream().map(Task::id);
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
