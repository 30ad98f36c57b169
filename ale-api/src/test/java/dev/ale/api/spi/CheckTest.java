package dev.ale.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CheckTest {
    @Test
    void theBuilderDefaultsToAFailedLeafOfWeightOneThatPassesAtAFullScore() {
        Check c = Check.builder("total").build();
        assertEquals(new Check("total", 0, 1, false, false, "", "", List.of()), c);
        assertTrue(Check.builder("total").score(1).build().passed());
        assertFalse(Check.builder("total").score(0.99).build().passed());
    }

    @Test
    void theBuilderSetsEveryComponent() {
        Check child = Check.pass("row 1", "12.50", "12.50");
        Check c = Check.builder("rows")
                .score(0.5)
                .weight(3)
                .gate(true)
                .passed(true)
                .expected("2 rows")
                .actual("1 row")
                .children(List.of(child))
                .build();
        assertEquals(new Check("rows", 0.5, 3, true, true, "2 rows", "1 row", List.of(child)), c);
        assertEquals(c, c.toBuilder().build());
    }

    @Test
    void theFactoriesAndWithersBuildWhatTheConstructorBuilt() {
        assertEquals(new Check("a", 1, 1, false, true, "x", "x", List.of()), Check.pass("a", "x", "x"));
        assertEquals(new Check("a", 0, 1, false, false, "x", "y", List.of()), Check.fail("a", "x", "y"));
        assertEquals(new Check("a", 0, 1, true, false, "x", "", List.of()), Check.gate("a", "x", null));
        assertEquals(new Check("a", 0.25, 1, false, false, "", "", List.of()), Check.partial("a", 0.25, null, null));
        Check base = Check.partial("a", 0.25, "x", "y");
        assertEquals(new Check("a", 0.25, 2, false, false, "x", "y", List.of()), base.withWeight(2));
        assertEquals(new Check("a", 0.25, 1, true, false, "x", "y", List.of()), base.asGate(true));
        assertEquals(new Check("a", 0.25, 1, false, false, "x", "y", List.of(base)), base.withChildren(List.of(base)));
    }

    @Test
    void theBuilderKeepsTheRecordsRules() {
        IllegalArgumentException score = assertThrows(
                IllegalArgumentException.class,
                () -> Check.builder("s").score(1.5).build());
        assertTrue(score.getMessage().contains("check 's' score"), score.getMessage());
        IllegalArgumentException weight = assertThrows(
                IllegalArgumentException.class,
                () -> Check.builder("w").weight(-1).build());
        assertTrue(weight.getMessage().contains("check 'w' weight"), weight.getMessage());
        assertThrows(NullPointerException.class, () -> Check.builder(null));
    }
}
