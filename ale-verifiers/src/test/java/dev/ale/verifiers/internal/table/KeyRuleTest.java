package dev.ale.verifiers.internal.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyRuleTest {
    @Test
    void trimsByDefaultOnly() {
        assertEquals("A1", KeyRule.DEFAULT.normalize("  A1 "));
        assertEquals("a1", KeyRule.DEFAULT.normalize("a1"));
        assertEquals("007", KeyRule.DEFAULT.normalize("007"));
        assertEquals(" A1 ", new KeyRule(false, false, false).normalize(" A1 "));
    }

    @Test
    void foldsCaseAndStripsLeadingZerosOfALeadingNumber() {
        KeyRule all = new KeyRule(true, true, true);
        assertEquals("inv-7", all.normalize(" INV-7"));
        assertEquals("7", all.normalize("007"));
        assertEquals("0", all.normalize("000"));
        assertEquals("42-a", all.normalize("0042-A"));
        assertEquals("a007", all.normalize("A007"));
        assertEquals("0.5", all.normalize("0.5"));
        assertEquals("", all.normalize(""));
    }

    @Test
    void joinsSeveralKeyCellsWithoutCollisions() {
        KeyRule k = KeyRule.DEFAULT;
        int[] two = {0, 1};
        assertNotEquals(k.keyOf(List.of("a\0", "b"), two, 1), k.keyOf(List.of("a", "\0b"), two, 1));
        assertEquals("key 'EU, 2024'", KeyRule.display(k.keyOf(List.of(" EU", "2024 "), two, 1), 2));
        assertEquals("row 3", KeyRule.display(k.keyOf(List.of("x"), new int[0], 3), 0));
    }
}
