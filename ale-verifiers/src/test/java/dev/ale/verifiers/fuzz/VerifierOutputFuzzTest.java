package dev.ale.verifiers.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ale.api.spi.Verdict;
import dev.ale.testfixtures.JsonMutator;
import dev.ale.testfixtures.Mutator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz tests of the {@code json}, {@code csv} and {@code text} verifiers over the bytes of the
 * output they read, against the property of {@link OutputTarget}. The {@code @FuzzTest}s run their
 * seeds as plain tests on every build and are fuzzed, coverage-guided, with {@code JAZZER_FUZZ=1}
 * (see docs/fuzzing.md); the {@code seeded...} tests run a few thousand structure-aware mutations on
 * every build ({@code -Dale.fuzz.iterations=N} for a longer run, {@code -Dale.fuzz.seed=S} for others).
 */
class VerifierOutputFuzzTest {
    /** The odd values of an agent's JSON output: numbers as people write them, huge exponents, tags. */
    private static final JsonMutator.Domain OUTPUT_JSON = new JsonMutator.Domain(
            List.of(
                    r -> JsonNodeFactory.instance.textNode(
                            List.of("1,234.50", "(12.00)", "$-5", "12.5%", "1e999999", "\u2212" + "7")
                                    .get(r.nextInt(6))),
                    r -> JsonNodeFactory.instance.numberNode(
                            new BigDecimal(r.nextBoolean() ? "1e999999999" : "-1.5e-999999999")),
                    r -> JsonNodeFactory.instance.numberNode(new BigDecimal("1234.5" + "0".repeat(r.nextInt(40)))),
                    r -> JsonNodeFactory.instance.textNode(
                            List.of("urgent", "q3", "A-1", "B-2", "INV-7").get(r.nextInt(5)))),
            r -> r.nextBoolean() ? 150 : 250);

    static {
        // Jazzer's sanitizer hooks matter while fuzzing; when the seeds merely run as tests they would
        // cost seconds of instrumentation on every build (JUnit reads jazzer.* from system properties)
        if (System.getenv("JAZZER_FUZZ") == null || System.getenv("JAZZER_FUZZ").isBlank()) {
            System.setProperty("jazzer.hooks", "false");
        }
    }

    /** The prepared targets, made once per JVM in a folder of their own. */
    static final class Targets {
        static final Path WORK;
        static final OutputTarget.Prepared JSON;
        static final OutputTarget.Prepared CSV;
        static final OutputTarget.Prepared TEXT;

        static {
            try {
                WORK = Files.createTempDirectory("verifiers-fuzz-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            JSON = new OutputTarget.Prepared(OutputTarget.JSON, WORK.resolve("json"));
            CSV = new OutputTarget.Prepared(OutputTarget.CSV, WORK.resolve("csv"));
            TEXT = new OutputTarget.Prepared(OutputTarget.TEXT, WORK.resolve("text"));
        }
    }

    static Stream<byte[]> jsonSeeds() {
        return OutputTarget.JSON.seeds().stream();
    }

    static Stream<byte[]> csvSeeds() {
        return OutputTarget.CSV.seeds().stream();
    }

    static Stream<byte[]> textSeeds() {
        return OutputTarget.TEXT.seeds().stream();
    }

    @MethodSource("jsonSeeds")
    @FuzzTest(maxDuration = "10m")
    void jsonOutput(byte[] output) {
        Targets.JSON.check(output);
    }

    @MethodSource("csvSeeds")
    @FuzzTest(maxDuration = "10m")
    void csvOutput(byte[] output) {
        Targets.CSV.check(output);
    }

    @MethodSource("textSeeds")
    @FuzzTest(maxDuration = "10m")
    void textOutput(byte[] output) {
        Targets.TEXT.check(output);
    }

    @Test
    void theSeedsThatAreCorrectOutputsPassEveryConfiguration() {
        for (OutputTarget.Prepared p : List.of(Targets.JSON, Targets.CSV, Targets.TEXT)) {
            List<Verdict> verdicts = p.check(p.target.seeds().get(0));
            for (int i = 0; i < verdicts.size(); i++) {
                Verdict v = verdicts.get(i);
                boolean semicolons = p.target.configs().get(i).contains("semicolons.csv");
                assertTrue(
                        semicolons || v.fullPass(1.0),
                        p.target.file() + " seed under " + p.target.configs().get(i) + ": " + v);
            }
        }
    }

    @Test
    void seededDamageToJsonOutputs() {
        JsonMutator tree = new JsonMutator(Mutator.seed(), OutputTarget.utf8(OutputTarget.EXPECTED_JSON), OUTPUT_JSON);
        seeded(Targets.JSON, Mutator.iterations(2000), tree::next);
    }

    @Test
    void seededDamageToCsvOutputs() {
        seeded(Targets.CSV, Mutator.iterations(2000), null);
    }

    @Test
    void seededDamageToTextOutputs() {
        seeded(Targets.TEXT, Mutator.iterations(2000), null);
    }

    @AfterAll
    static void removeTheWorkFolder() throws IOException {
        try (Stream<Path> walk = Files.walk(Targets.WORK)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Byte-level mutations of the seeds, alternating with {@code structured} ones when given; counts the gates. */
    private static void seeded(OutputTarget.Prepared p, int rounds, Supplier<byte[]> structured) {
        Mutator bytes = new Mutator(Mutator.seed() ^ p.target.file().hashCode(), p.target.seeds());
        int gates = 0;
        int verdicts = 0;
        int known = 0;
        for (int i = 0; i < rounds; i++) {
            byte[] output = structured != null && i % 2 == 1 ? structured.get() : bytes.next();
            for (Verdict v : p.check(output)) {
                verdicts += v != null ? 1 : 0;
                known += v == null ? 1 : 0;
                gates += v != null && v.gateFailed() ? 1 : 0;
            }
        }
        assertEquals(rounds * p.verifiers.size(), verdicts + known);
        assertTrue(rounds < 50 || gates > 0, "the damage must reach the gates: " + gates + " of " + verdicts);
    }
}
