package dev.ale.taskpack.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ale.taskpack.TaskPackWriter;
import dev.ale.testfixtures.JsonMutator;
import dev.ale.testfixtures.Mutator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz tests of the pack reader: zip, tar and tar.gz bytes, and the binding of {@code task.json}
 * text, each against {@link PackProperty}. The {@code @FuzzTest}s run their seeds as plain tests on
 * every build and are fuzzed, coverage-guided, with {@code JAZZER_FUZZ=1} (see docs/fuzzing.md);
 * the {@code seeded...} tests run a few thousand structure-aware mutations of the same seeds on every
 * build ({@code -Dale.fuzz.iterations=N} for a longer run, {@code -Dale.fuzz.seed=S} for others).
 */
class PackReaderFuzzTest {
    /** The odd values of a task.json: durations, SOC codes and the words of its enums. */
    private static final JsonMutator.Domain TASK_JSON = new JsonMutator.Domain(
            List.of(
                    r -> JsonNodeFactory.instance.textNode("PT-" + r.nextInt(100) + "S"),
                    r -> JsonNodeFactory.instance.textNode(r.nextInt(1_000_000_000) + "h"),
                    r -> JsonNodeFactory.instance.textNode("13-2011." + r.nextInt(100)),
                    r -> JsonNodeFactory.instance.textNode(
                            List.of("near-term", "weighted", "file-exists", "business_finance", "accounting")
                                    .get(r.nextInt(5)))),
            r -> 100);

    static {
        // Jazzer's sanitizer hooks matter while fuzzing; when the seeds merely run as tests they would
        // cost seconds of instrumentation on every build (JUnit reads jazzer.* from system properties)
        if (System.getenv("JAZZER_FUZZ") == null || System.getenv("JAZZER_FUZZ").isBlank()) {
            System.setProperty("jazzer.hooks", "false");
        }
    }

    /** The seeds and a work folder, made once per JVM (outside {@code ale-*} names, so the leftover check is not confused). */
    static final class Seeds {
        static final Path WORK;
        static final byte[] ZIP;
        static final byte[] TAR;
        static final byte[] TGZ;
        static final byte[] ZIP_WITH_LINK;
        static final byte[] TAR_WITH_LONG_NAME;
        static final byte[] TASK_JSON;
        static final byte[] TASK_JSON_TWO_SESSIONS;
        static final Set<String> ALE_BEFORE = Leftovers.aleTemp();

        static {
            try {
                WORK = Files.createTempDirectory("taskpack-fuzz-");
                PackDir pack = PackDir.create(WORK.resolve("seed"), HostilePackCorpusTest.MARKER);
                ZIP = written(pack, "seed.zip");
                TAR = written(pack, "seed.tar");
                TGZ = written(pack, "seed.tgz");
                ZIP_WITH_LINK = Files.readAllBytes(Archives.zip(
                        WORK.resolve("link.zip"),
                        pack.entriesPlus(Entry.symlink(PackDir.INPUTS + "l", "/etc/passwd"))));
                TAR_WITH_LONG_NAME = Files.readAllBytes(Archives.tar(
                        WORK.resolve("long.tar"),
                        pack.entriesPlus(Entry.file(PackDir.INPUTS + "n".repeat(150), "long"))));
                TASK_JSON = PackDir.JSON.writeValueAsBytes(PackDir.task(TaskJsonPack.ID, 1));
                TASK_JSON_TWO_SESSIONS = PackDir.JSON
                        .writerWithDefaultPrettyPrinter()
                        .writeValueAsBytes(PackDir.task(TaskJsonPack.ID, 2));
                for (String name : List.of("seed.zip", "seed.tar", "seed.tgz", "link.zip", "long.tar")) {
                    Files.delete(WORK.resolve(name));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static byte[] written(PackDir pack, String name) throws IOException {
            Path file = WORK.resolve(name);
            TaskPackWriter.write(pack.dir(), file);
            return Files.readAllBytes(file);
        }
    }

    static Stream<byte[]> zipSeeds() {
        return Stream.of(Seeds.ZIP, Seeds.ZIP_WITH_LINK);
    }

    static Stream<byte[]> tarSeeds() {
        return Stream.of(Seeds.TAR, Seeds.TAR_WITH_LONG_NAME);
    }

    static Stream<byte[]> tgzSeeds() {
        return Stream.of(Seeds.TGZ);
    }

    static Stream<byte[]> taskJsonSeeds() {
        return Stream.of(Seeds.TASK_JSON, Seeds.TASK_JSON_TWO_SESSIONS);
    }

    @MethodSource("zipSeeds")
    @FuzzTest(maxDuration = "10m")
    void zipBytes(byte[] bytes) {
        PackProperty.archive(folder("zip"), "pack.zip", bytes);
    }

    @MethodSource("tarSeeds")
    @FuzzTest(maxDuration = "10m")
    void tarBytes(byte[] bytes) {
        PackProperty.archive(folder("tar"), "pack.tar", bytes);
    }

    @MethodSource("tgzSeeds")
    @FuzzTest(maxDuration = "10m")
    void tarGzBytes(byte[] bytes) {
        PackProperty.archive(folder("tgz"), "pack.tgz", bytes);
    }

    @MethodSource("taskJsonSeeds")
    @FuzzTest(maxDuration = "10m")
    void taskJsonText(byte[] bytes) {
        TaskJsonPack.in(folder("task-json")).check(bytes);
    }

    @Test
    void seededDamageToZips() {
        assertSomeOpenAndSomeAreRefused(seeded("zip", "pack.zip", zipSeeds().toList(), Mutator.iterations(1000)));
    }

    @Test
    void seededDamageToTars() {
        assertSomeOpenAndSomeAreRefused(seeded("tar", "pack.tar", tarSeeds().toList(), Mutator.iterations(400)));
    }

    @Test
    void seededDamageToTarGzs() {
        assertSomeOpenAndSomeAreRefused(seeded("tgz", "pack.tgz", tgzSeeds().toList(), Mutator.iterations(300)));
    }

    @Test
    void seededDamageToTaskJsonText() {
        TaskJsonPack pack = TaskJsonPack.in(folder("task-json"));
        Mutator bytes = new Mutator(Mutator.seed(), taskJsonSeeds().toList());
        JsonMutator tree = new JsonMutator(Mutator.seed(), Seeds.TASK_JSON_TWO_SESSIONS, TASK_JSON);
        int opened = 0;
        int rounds = Mutator.iterations(2000);
        for (int i = 0; i < rounds; i++) {
            opened += pack.check(i % 2 == 0 ? tree.next() : bytes.next()) ? 1 : 0;
        }
        assertSomeOpenAndSomeAreRefused(new int[] {opened, rounds - opened});
    }

    @AfterAll
    static void nothingOfOursIsLeftInTheTemporaryFolder() throws IOException {
        assertEquals(List.of(), Leftovers.strays(Seeds.ALE_BEFORE, HostilePackCorpusTest.MARKER));
        try (Stream<Path> walk = Files.walk(Seeds.WORK)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Runs the property over seeded mutations; returns {opened, refused}. */
    private static int[] seeded(String kind, String name, List<byte[]> seeds, int rounds) {
        Mutator m = new Mutator(Mutator.seed() ^ name.hashCode(), seeds);
        Path folder = folder(kind);
        int opened = 0;
        for (int i = 0; i < rounds; i++) {
            opened += PackProperty.archive(folder, name, m.next()) ? 1 : 0;
        }
        return new int[] {opened, rounds - opened};
    }

    private static void assertSomeOpenAndSomeAreRefused(int[] openedRefused) {
        assertTrue(
                openedRefused[1] > 0,
                "the mutations must reach refusals: " + openedRefused[0] + " opened, " + openedRefused[1] + " refused");
        assertTrue(openedRefused[0] + openedRefused[1] > 0);
    }

    private static Path folder(String kind) {
        try {
            return Files.createDirectories(Seeds.WORK.resolve(kind));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
