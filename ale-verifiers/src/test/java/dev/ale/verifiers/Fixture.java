package dev.ale.verifiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ale.api.spi.Check;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Test helpers: configurations written with single quotes, built through the discovered registry. */
public final class Fixture {
    /** The registry of the built-in verifiers. */
    public static final VerifierRegistry REGISTRY = VerifierRegistry.discover();

    private static final ObjectMapper LENIENT =
            JsonMapper.builder().enable(JsonReadFeature.ALLOW_SINGLE_QUOTES).build();

    private Fixture() {}

    /** Parses JSON written with single quotes. */
    public static JsonNode json(String text) {
        try {
            return LENIENT.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The verifier of a configuration. */
    public static Verifier create(String config) {
        return REGISTRY.create(json(config), "");
    }

    /** Asserts the configuration is refused at {@code field}; returns the error. */
    public static VerifierConfigException refused(String config, String field) {
        VerifierConfigException e = assertThrows(VerifierConfigException.class, () -> create(config));
        assertEquals(field, e.field(), e.getMessage());
        return e;
    }

    /** Asserts a verdict scored {@code score} without a failed gate. */
    public static void assertScore(double score, Verdict v) {
        assertEquals(false, v.gateFailed(), v.toString());
        assertEquals(score, v.score(), 1e-12, v.toString());
    }

    /** Asserts a verdict's gate failed with a gate check whose actual text contains {@code why}. */
    public static Check assertGate(String name, String why, Verdict v) {
        assertTrue(v.gateFailed(), v.toString());
        assertEquals(0, v.score());
        Check gate = v.checks().get(0);
        assertTrue(gate.gate() && !gate.passed(), gate.toString());
        assertEquals(name, gate.name());
        assertTrue(gate.actual().contains(why), gate.actual());
        return gate;
    }

    /** Asserts {@code text} contains {@code part}; the failure shows the whole text. */
    public static void assertContains(String part, String text) {
        assertTrue(text.contains(part), () -> "no '" + part + "' in: " + text);
    }

    /** Asserts {@code text} contains each of {@code parts}; the failure shows the whole text. */
    public static void assertContainsAll(String text, String... parts) {
        for (String part : parts) {
            assertContains(part, text);
        }
    }

    /** Asserts {@code text} starts with {@code start}; the failure shows the whole text. */
    public static void assertStartsWith(String start, String text) {
        assertTrue(text.startsWith(start), () -> "not starting with '" + start + "': " + text);
    }

    /** The check of a verdict named {@code name}. */
    public static Check check(Verdict v, String name) {
        return v.checks().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no check '" + name + "' in " + v.checks()));
    }
}
