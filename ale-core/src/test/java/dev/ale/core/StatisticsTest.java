package dev.ale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatisticsTest {
    @Test
    void wilsonMatchesHandComputedIntervals() {
        // p = 0.5, n = 10: centre 0.5, half-width 1.96*sqrt(0.025+0.0096)/1.384 = 0.2634
        Estimate half = Statistics.wilson(5, 10);
        assertEquals(0.5, half.value(), 1e-12);
        assertEquals(0.2366, half.low(), 1e-4);
        assertEquals(0.7634, half.high(), 1e-4);
        // zero successes still have an upper bound above zero: z²/(n+z²) = 3.8415/13.8415
        Estimate none = Statistics.wilson(0, 10);
        assertEquals(0, none.low(), 1e-12);
        assertEquals(0.2775, none.high(), 1e-4);
        Estimate all = Statistics.wilson(10, 10);
        assertEquals(0.7225, all.low(), 1e-4);
        assertEquals(1, all.high(), 1e-12);
    }

    @Test
    void emptyDataIsNotAZero() {
        assertTrue(Statistics.wilson(0, 0).isEmpty());
        assertTrue(Statistics.mean(List.of()).isEmpty());
        assertEquals("n/a", Estimate.EMPTY.toString());
    }

    @Test
    void meanIntervalUsesTheSampleDeviationAndStaysInTheUnitInterval() {
        Estimate e = Statistics.mean(List.of(0.0, 1.0, 0.5, 0.5));
        assertEquals(0.5, e.value(), 1e-12);
        // sd = sqrt(0.5/3) = 0.40825; half = 1.96 * 0.40825 / 2 = 0.40008
        assertEquals(0.0999, e.low(), 1e-4);
        assertEquals(0.9001, e.high(), 1e-4);
        Estimate clipped = Statistics.mean(List.of(1.0, 1.0, 0.0));
        assertTrue(clipped.low() >= 0 && clipped.high() <= 1);
    }
}
