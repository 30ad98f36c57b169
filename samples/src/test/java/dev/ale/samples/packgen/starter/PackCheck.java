package dev.ale.samples.packgen.starter;

import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.Verifier;
import dev.ale.api.task.Task;
import dev.ale.api.task.TaskSpec;
import dev.ale.samples.packgen.GeneratedPacks;
import dev.ale.taskpack.TaskPack;
import dev.ale.taskpack.TaskPackWriter;
import dev.ale.taskpack.TaskPacks;
import dev.ale.testkit.FolderContext;
import dev.ale.verifiers.VerifierRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Test support: a generated starter pack opened the way the SDK opens packs (digests filled in by
 * the pack writer, every task.json and verifier configuration validated), and its tasks' verifiers
 * run on a directory, as {@code ale pack check} and the evaluator do.
 */
public final class PackCheck {
    private static final VerifierRegistry REGISTRY = new VerifierRegistry();

    private final Path dir;
    private final TaskPack pack;

    private PackCheck(Path dir, TaskPack pack) {
        this.dir = dir;
        this.pack = pack;
    }

    /**
     * The starter pack generated with the default seed, once per test run, into
     * {@code target/generated-packs/starter} of the samples module: the tests that check its tasks share it.
     */
    public static PackCheck starter() {
        return Starter.CHECK;
    }

    private static final class Starter {
        static final PackCheck CHECK = generate(GeneratedPacks.moduleDir().resolve("target/generated-packs/starter"));
    }

    /** Generates the starter pack into {@code dir} with the default seed, fills in its digests and opens it. */
    private static PackCheck generate(Path dir) {
        StarterPackGenerator.PACK.generate(dir, StarterPackGenerator.DEFAULT_SEED);
        TaskPackWriter.updateDigests(dir);
        return new PackCheck(dir, TaskPacks.open(dir));
    }

    /** Opens the pack in {@code dir} as it is (its digests must be current). */
    public static PackCheck open(Path dir) {
        return new PackCheck(dir, TaskPacks.open(dir));
    }

    public TaskPack pack() {
        return pack;
    }

    /** A folder of one task in the generated pack, such as {@code reference} or {@code sessions/2}. */
    public Path folder(String taskId, String part) {
        return dir.resolve("tasks/" + taskId + "/" + part);
    }

    public TaskSpec spec(String taskId) {
        return pack.task(taskId).map(Task::spec).orElseThrow(() -> new IllegalArgumentException("no task " + taskId));
    }

    /** Scores {@code output} with the task's verifier against its hidden reference. */
    public Verdict verify(String taskId, Path output) throws Exception {
        TaskSpec spec = spec(taskId);
        Verifier verifier = REGISTRY.create(spec.verifier(), "");
        Path reference = folder(taskId, "reference");
        return verifier.verify(FolderContext.of(output, reference, spec));
    }

    /** Copies the files under {@code from} into {@code to}, keeping their relative paths. */
    public static void copy(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
