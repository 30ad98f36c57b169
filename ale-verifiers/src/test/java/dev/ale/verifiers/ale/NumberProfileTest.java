package dev.ale.verifiers.ale;

import static dev.ale.verifiers.Fixture.assertScore;
import static dev.ale.verifiers.Fixture.json;
import static dev.ale.verifiers.Fixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ale.verifiers.TestContext;
import dev.ale.verifiers.internal.support.NumberProfile;
import dev.ale.verifiers.internal.support.Options;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Number reading profiles: units, separators anywhere or grouped, currency symbols, percent, parentheses. */
class NumberProfileTest {
    private static NumberProfile profile(String config) {
        return NumberProfile.read(Options.at(json(config), "", NumberProfile.OPTIONS));
    }

    private static void reads(NumberProfile p, String text, String expected) {
        BigDecimal v = p.parse(text);
        if (expected == null) {
            assertNull(v, text);
        } else {
            assertEquals(0, new BigDecimal(expected).compareTo(v), text + " read " + v);
        }
    }

    @Test
    void pythonsFloatOfTextWithoutCommas() {
        // as float(text.replace(",", "")): commas anywhere go, nothing else does
        NumberProfile p =
                profile("{'thousands': 'anywhere', 'currency': 'none', 'percent': false, 'parentheses': false}");
        reads(p, "4,383.04", "4383.04");
        reads(p, "4,38,3.04", "4383.04");
        reads(p, " 4383.04 ", "4383.04");
        reads(p, "+1e3", "1000");
        reads(p, ".5", "0.5");
        reads(p, "4 383.04", null);
        reads(p, "$4383.04", null);
        reads(p, "12%", null);
        reads(p, "(5)", null);
        reads(p, "4383.04 USD", null);
    }

    @Test
    void unitsAreRemovedWhereverTheyOccurThenTheRestReads() {
        NumberProfile p = profile("{'units': ['RMB', 'rmb', '元'], 'thousands': 'anywhere', 'currency': 'none'}");
        reads(p, "RMB 27,100.00", "27100.00");
        reads(p, "27100元", "27100");
        reads(p, "27,100.00 rmb", "27100.00");
        reads(p, "27,100.00 USD", null);
        reads(p, "¥27,100.00", null);
    }

    @Test
    void theDefaultIsTheLenientReadingAndCurrencyListsAreChecked() {
        reads(NumberProfile.DEFAULT, "$1,234.50", "1234.50");
        reads(NumberProfile.DEFAULT, "1,5", null);
        NumberProfile dollars = profile("{'currency': ['$']}");
        reads(dollars, "$1,234.50", "1234.50");
        reads(dollars, "€1,234.50", null);
        reads(profile("{'thousands': 'none'}"), "1,234.50", null);
        reads(profile("{'thousands': 'none'}"), "1234.50", "1234.50");
    }

    @Test
    void theNumberVerifierTakesAProfile(@TempDir Path dir) throws Exception {
        TestContext ctx = TestContext.in(dir).out("memo.txt", "Fee: 27,100.00 RMB\n");
        String config = "{'type': 'number', 'file': 'memo.txt', 'regex': 'Fee: (.*)', 'expected': 27100, 'abs': 0.01";
        // the lenient reading stops at " RMB": not a number -> 0; with RMB as a unit -> 27100.00 -> 1
        assertScore(0, ctx.verify(config + "}"));
        assertScore(1, ctx.verify(config + ", 'numbers': {'units': ['RMB']}}"));
        refused(config + ", 'numbers': {'unit': ['RMB']}}", "/numbers/unit");
        refused(config + ", 'numbers': {'units': 'RMB', 'percent': 'no'}}", "/numbers/percent");
    }
}
