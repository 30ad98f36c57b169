package dev.ale.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TimingTest {
    @Test
    void medianOfOddAndEvenCountsLeavesTheInputAlone() {
        double[] values = {5, 1, 3};
        assertEquals(3, Timing.median(values));
        assertEquals(5, values[0], "the input is not sorted in place");
        assertEquals(2.5, Timing.median(4, 1, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> Timing.median());
    }

    @Test
    void roundKeepsSignificantDigits() {
        assertEquals(123.5, Timing.round(123.456, 4));
        assertEquals(0.001235, Timing.round(0.00123456, 4));
        assertEquals(0, Timing.round(0, 4));
    }
}
