package dev.ale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class InstantTextTest {
    private static final long YEAR_10000 = 253_402_300_800L;

    /** Instant.toString of random instants, with 0, 3, 6 and 9 digits of fraction, reads back as Instant.parse reads it. */
    @Test
    void readsWhatInstantParseReads() {
        SplittableRandom r = new SplittableRandom(20261207);
        for (int i = 0; i < 200_000; i++) {
            int nano =
                    switch (i % 4) {
                        case 0 -> 0;
                        case 1 -> r.nextInt(1000) * 1_000_000;
                        case 2 -> r.nextInt(1_000_000) * 1000;
                        default -> r.nextInt(1_000_000_000);
                    };
            Instant at = Instant.ofEpochSecond(r.nextLong(-YEAR_10000, YEAR_10000 + 1_000_000), nano);
            String text = at.toString();
            assertEquals(Instant.parse(text), InstantText.parse(text), text);
        }
    }

    /** Edges of the hand-read form, forms it leaves to Instant.parse, and malformed text: the same instant or failure. */
    @Test
    void edgesOtherFormsAndMalformedTextGiveWhatInstantParseGives() {
        for (String t : List.of(
                "1970-01-01T00:00:00Z",
                "1969-12-31T23:59:59.999999999Z",
                "2000-02-29T12:00:00.5Z",
                "2100-02-28T23:59:59.1234Z",
                "2024-02-29T00:00:00.000000001Z",
                "9999-12-31T23:59:59.999999999Z",
                "+10000-01-01T00:00:00Z",
                "2026-12-07T00:29:02.12345678Z",
                "2016-12-31T23:59:60Z",
                "",
                "2026-12-07",
                "2026-13-01T00:00:00Z",
                "2026-02-30T00:00:00Z",
                "2100-02-29T00:00:00Z",
                "2026-12-07T24:00:00Z",
                "2026-12-07T00:60:00Z",
                "2026-12-07T00:00:00.Z",
                "2026-12-07T00:00:00.1234567890Z",
                "2026-12-07T00:00:0aZ",
                "2026-12-07 00:00:00Z",
                "2026-12-07T00:00:00+01:00",
                "2026-12-07T00:00:00z",
                "-026-12-07T00:00:00Z")) {
            assertEquals(outcome(() -> Instant.parse(t)), outcome(() -> InstantText.parse(t)), t);
        }
    }

    private static String outcome(Supplier<Instant> parse) {
        try {
            return "read " + parse.get();
        } catch (DateTimeParseException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
