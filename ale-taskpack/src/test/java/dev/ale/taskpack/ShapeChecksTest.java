package dev.ale.taskpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Task ids and occupation codes are checked for every task without a regular expression; these
 * properties hold the hand-written checks to the patterns the messages quote, on random strings
 * drawn near the patterns' edges.
 */
class ShapeChecksTest {
    private static final String ID_CHARS = "az09._-A/é\u0661 ";
    private static final String CODE_CHARS = "0123456789-.a\u0661";

    @Test
    void isIdAcceptsWhatTheIdPatternMatches() {
        Random random = new Random(3);
        int accepted = 0;
        for (int i = 0; i < 50_000; i++) {
            String id = random(random, ID_CHARS, random.nextInt(4) == 0 ? 120 + random.nextInt(12) : random.nextInt(6));
            boolean expected = Manifest.ID.matcher(id).matches();
            assertEquals(expected, Manifest.isId(id), id);
            accepted += expected ? 1 : 0;
        }
        assertTrue(accepted > 1000, "the strings reach both sides of the rule: " + accepted);
        assertTrue(Manifest.isId("a".repeat(128)));
        assertFalse(Manifest.isId("a".repeat(129)));
    }

    @Test
    void socAndOnetChecksAcceptWhatTheirPatternsMatch() {
        Random random = new Random(5);
        int soc = 0;
        int onet = 0;
        for (int i = 0; i < 200_000; i++) {
            String code = i % 2 == 0
                    ? random(random, CODE_CHARS, 6 + random.nextInt(6))
                    : mutate(random, random.nextBoolean() ? "13-2011" : "13-2011.01");
            boolean isSoc = Occupations.SOC.matcher(code).matches();
            boolean isOnet = Occupations.ONET.matcher(code).matches();
            assertEquals(isSoc, Occupations.isSoc(code), code);
            assertEquals(isOnet, Occupations.isOnet(code), code);
            soc += isSoc ? 1 : 0;
            onet += isOnet ? 1 : 0;
        }
        assertTrue(soc > 100 && onet > 100, "both shapes are reached: " + soc + " " + onet);
    }

    private static String random(Random random, String chars, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(chars.charAt(random.nextInt(chars.length())));
        }
        return b.toString();
    }

    /** {@code code} with at most one character replaced by one of {@link #CODE_CHARS}. */
    private static String mutate(Random random, String code) {
        if (random.nextInt(3) == 0) {
            return code;
        }
        int at = random.nextInt(code.length());
        return code.substring(0, at) + CODE_CHARS.charAt(random.nextInt(CODE_CHARS.length())) + code.substring(at + 1);
    }
}
