package dev.ale.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ale.api.spi.Check;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Figures never round to a pass that did not happen; illegal characters go; durations read well. */
class TextTest {
    @Test
    void ratesAndScoresNeverRoundUpToAllOrDownToNone() {
        assertEquals("99.9%", Text.percent(0.99996));
        assertEquals("100.0%", Text.percent(1.0));
        assertEquals("0.1%", Text.percent(0.0001));
        assertEquals("0.0%", Text.percent(0));
        assertEquals("n/a", Text.percent(Double.NaN));
        assertEquals("0.999", Text.score(0.9996));
        assertEquals("1.000", Text.score(1));
        assertEquals("0.001", Text.score(0.0001));
        assertEquals("0.667", Text.score(2 / 3.0));
    }

    @Test
    void charactersIllegalInXmlAreRemoved() {
        assertEquals("a\tb\nc\rd", Text.clean("a\tb\nc\rd"));
        assertEquals("xyz", Text.clean("x\u0000y\u001Fz\uFFFE\uFFFF"));
        assertEquals("ok", Text.clean("o\uD800k"), "a lone surrogate goes");
        assertEquals("😀", Text.clean("😀"), "a surrogate pair stays");
        assertEquals("", Text.clean(null));
    }

    @Test
    void escapeCoversMarkupAndQuotes() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", Text.escape("<a href=\"x\">&'"));
    }

    @Test
    void durationsAndWeights() {
        assertEquals("850 ms", Text.duration(Duration.ofMillis(850)));
        assertEquals("12.3 s", Text.duration(Duration.ofMillis(12_340)));
        assertEquals("4 min 05 s", Text.duration(Duration.ofSeconds(245)));
        assertEquals("2 h 03 min", Text.duration(Duration.ofMinutes(123)));
        assertEquals("3", Text.weight(3));
        assertEquals("2.5", Text.weight(2.5));
        assertEquals("1.234", Text.seconds(Duration.ofMillis(1234)));
    }

    /**
     * Every value a report formats, drawn and edged: uniform in [0, 1) and [0, 1,000), each
     * rounding tie of every decimal from 1 to 4 below 1 with the 4 doubles on either side of it,
     * exact decimals, and what the formatter alone must take (negative zero, NaN, infinities, 1,000
     * and beyond, subnormals, negatives).
     */
    @Test
    void fixedDecimalsAreTheFormattersOwn() {
        Random random = new Random(20261206L);
        List<Double> values = new ArrayList<>(List.of(
                0.0,
                -0.0,
                1.0,
                0.1235,
                0.0005,
                0.9995,
                0.99995,
                999.9995,
                999.99999,
                1000.0,
                1e300,
                Double.MIN_VALUE,
                Double.MIN_NORMAL,
                1e-320,
                -0.5,
                -1e-9,
                Double.NaN,
                Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY,
                2 / 3.0,
                1 / 3.0,
                0.1 + 0.2));
        for (int i = 0; i < 100_000; i++) {
            values.add(random.nextDouble());
            values.add(random.nextDouble() * 1000);
            values.add(Math.floor(random.nextDouble() * 1e7) / 1e4); // four exact decimals, up to 1,000
        }
        for (long scale : new long[] {10, 100, 1_000, 10_000}) {
            for (long k = 0; k < scale; k++) {
                double tie = (k + 0.5) / scale;
                double exact = (double) k / scale;
                for (double v : new double[] {tie, exact}) {
                    double down = v;
                    double up = v;
                    for (int ulp = 0; ulp < 4; ulp++) {
                        down = Math.nextDown(down);
                        up = Math.nextUp(up);
                        values.add(down);
                        values.add(up);
                    }
                    values.add(v);
                }
            }
        }
        List<String> wrong = new ArrayList<>();
        for (double v : values) {
            for (int decimals = 1; decimals <= 4; decimals++) {
                String expected = String.format(Locale.ROOT, "%." + decimals + "f", v);
                String actual = Text.fixed(v, decimals);
                if (!expected.equals(actual) && wrong.size() < 20) {
                    wrong.add(v + " to " + decimals + ": " + actual + " instead of " + expected);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void oneLineTurnsEachRunOfBreaksIntoOneSpaceAsTheRegexDid() {
        Random random = new Random(11);
        String alphabet = "ab \r\n\t\u0000\u00e9";
        for (int i = 0; i < 50_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = s.toString();
            assertEquals(Text.clean(text).replaceAll("[\\r\\n\\t]+", " "), Text.oneLine(text), text);
        }
        for (double w : new double[] {2.5, 0.333, 0.125, 1.05, 0.9999, 2.0001, 1e-5, 12.34}) {
            assertEquals(String.format(Locale.ROOT, "%.3f", w).replaceAll("0+$", ""), Text.weight(w), "weight " + w);
        }
    }

    @Test
    void secondsAreMillisecondsExactly() {
        for (long ms : new long[] {
            0,
            1,
            9,
            10,
            99,
            100,
            999,
            1000,
            1001,
            59_999,
            86_400_000,
            999_999_999_999L,
            1_000_000_000_000L,
            5_000_000_000_000_123L,
            -1,
            -1500
        }) {
            assertEquals(
                    String.format(Locale.ROOT, "%.3f", ms / 1000.0), Text.seconds(Duration.ofMillis(ms)), ms + " ms");
        }
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            long ms = (long) (random.nextDouble() * 1e12);
            assertEquals(String.format(Locale.ROOT, "%.3f", ms / 1000.0), Text.seconds(Duration.ofMillis(ms)));
        }
    }

    @Test
    void checkTreeIsIndentedByDepth() {
        Check leaf = Check.fail("line\n2", "a", "b");
        Check parent = new Check("parent", 0.5, 2, true, false, "", "", List.of(leaf));
        assertEquals(
                "[FAIL] parent  score 0.500  weight 2  gate\n"
                        + "  [FAIL] line 2  score 0.000  weight 1  expected: a  actual: b\n",
                Text.checkTree(List.of(parent)));
    }
}
