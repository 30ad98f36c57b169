package dev.ale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The slugs of ALE's layout are made by hand; these properties hold them to the regular expressions
 * they replace (those of {@code ale_run/orchastration/slug.py}), on random strings of the characters
 * the rules treat apart: letters of both cases, digits, {@code -}, {@code _}, {@code /}, others,
 * a letter whose lower case is two characters and a character outside the BMP.
 */
class AleSlugsTest {
    private static final String[] PIECES = {"a", "Z", "0", "9", "-", "_", "/", "!", " ", "é", "İ", "\uD83D\uDE00", "."};

    private static String random(Random random) {
        StringBuilder b = new StringBuilder();
        for (int n = random.nextInt(9); n > 0; n--) {
            b.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return b.toString();
    }

    @Test
    void theAgentSlugIsTheRegularExpressions() {
        Random random = new Random(17);
        int changed = 0;
        for (int i = 0; i < 100_000; i++) {
            String harness = random(random);
            String expected = harness.toLowerCase(Locale.ROOT)
                    .replace('-', '_')
                    .replaceAll("[^a-z0-9_]+", "_")
                    .replaceAll("^_+|_+$", "");
            assertEquals(expected, AleResults.Slugs.agent(harness), harness);
            changed += expected.equals(harness) ? 0 : 1;
        }
        assertTrue(changed > 10_000, "most strings need a rule: " + changed);
        assertEquals("my_agent_v2", AleResults.Slugs.agent("--My Agent!!v2__"));
        assertEquals("unknown", AleResults.Slugs.of("!!", "t", "s").agent());
    }

    @Test
    void theTaskSlugIsTheRegularExpression() {
        Random random = new Random(19);
        for (int i = 0; i < 100_000; i++) {
            String id = random(random);
            assertEquals(id.replaceAll("^/+|/+$", "").replace("/", "__"), AleResults.Slugs.task(id), id);
        }
        assertEquals("finance__ledger", AleResults.Slugs.task("//finance/ledger/"));
    }
}
