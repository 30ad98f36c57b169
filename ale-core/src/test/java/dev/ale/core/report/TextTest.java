package dev.ale.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ale.api.spi.Check;
import java.time.Duration;
import java.util.List;
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
