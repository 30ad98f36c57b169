package dev.ale.verifiers.internal.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NumbersTest {
    private static void reads(String expected, String text) {
        BigDecimal d = Numbers.parse(text);
        assertTrue(d != null && d.compareTo(new BigDecimal(expected)) == 0, "'" + text + "' read as " + d);
    }

    @Test
    void readsPlainNumbers() {
        reads("42", "42");
        reads("-3.5", "-3.5");
        reads("0.5", ".5");
        reads("5", "5.");
        reads("1200", "1.2e3");
        reads("0.012", "1.2E-2");
        reads("7", "+7");
    }

    @Test
    void stripsSpacesCurrencyThousandsAndPercent() {
        reads("1234.5", " 1,234.50 ");
        reads("1234567", "1,234,567");
        reads("1234567", "1 234 567");
        reads("1234567", "1\u00A0234\u202F567");
        reads("12.5", "$12.50");
        reads("12.5", "12.50 €");
        reads("-12.5", "-$12.50");
        reads("-12.5", "$-12.50");
        reads("-12.5", "\u221212.50");
        reads("-1234.5", "(1,234.50)");
        reads("-1234.5", "($1,234.50)");
        reads("12.5", "12.5%");
        reads("12.5", "£ 12.5 %");
    }

    @Test
    void refusesWhatIsNotANumber() {
        for (String s : new String[] {
            "",
            " ",
            "abc",
            "12abc",
            "1,5",
            "12,34.5",
            "1234,567",
            "1,23,456",
            "1,2345",
            ",123",
            "1.2.3",
            "--5",
            "+-5",
            "5-",
            "1e",
            "e5",
            ".",
            "$",
            "12.5%%",
            "1e1234567",
            "1e5000",
            "NaN",
            "Infinity",
            "0x10",
            "(5"
        }) {
            assertNull(Numbers.parse(s), "'" + s + "'");
        }
    }

    @Test
    void readsJsonNumbersAndNumericStrings() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        assertEquals(0, new BigDecimal("0.1").compareTo(Numbers.of(f.numberNode(0.1))));
        assertEquals(0, new BigDecimal("12").compareTo(Numbers.of(f.numberNode(12L))));
        assertEquals(0, new BigDecimal("1234.5").compareTo(Numbers.of(f.textNode("1,234.50"))));
        assertNull(Numbers.of(f.booleanNode(true)));
        assertNull(Numbers.of(f.numberNode(new BigDecimal("1e5000"))));
    }

    @Test
    void toleranceBoundariesAreExact() {
        Tolerance abs = new Tolerance(new BigDecimal("0.01"), null);
        assertTrue(abs.accepts(new BigDecimal("10.00"), new BigDecimal("10.01")));
        assertTrue(abs.accepts(new BigDecimal("10.00"), new BigDecimal("9.99")));
        assertFalse(abs.accepts(new BigDecimal("10.00"), new BigDecimal("10.0100001")));
        Tolerance rel = new Tolerance(null, new BigDecimal("0.01"));
        assertTrue(rel.accepts(new BigDecimal("-200"), new BigDecimal("-202")));
        assertFalse(rel.accepts(new BigDecimal("-200"), new BigDecimal("-202.01")));
        Tolerance either = new Tolerance(new BigDecimal("1"), new BigDecimal("0.1"));
        assertTrue(either.accepts(new BigDecimal("100"), new BigDecimal("110")));
        assertTrue(either.accepts(new BigDecimal("1"), new BigDecimal("2")));
        assertFalse(either.accepts(new BigDecimal("100"), new BigDecimal("110.5")));
        assertTrue(Tolerance.EXACT.accepts(new BigDecimal("1"), new BigDecimal("1.000")));
        assertFalse(Tolerance.EXACT.accepts(new BigDecimal("1"), new BigDecimal("1.001")));
        assertEquals("±0.01 or ±1%", new Tolerance(new BigDecimal("0.010"), new BigDecimal("0.01")).describe());
    }

    /** The allocation-free path for plain decimals gives what the general reading gives, scale included. */
    @Test
    void readsPlainDecimalsExactlyOnEveryPath() {
        Random random = new Random(11);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder(List.of("", "-", "+").get(random.nextInt(3)));
            int digits = 1 + random.nextInt(22);
            for (int i = 0; i < digits; i++) {
                b.append((char) ('0' + random.nextInt(10)));
            }
            if (random.nextBoolean()) {
                b.append('.');
                for (int i = random.nextInt(6); i > 0; i--) {
                    b.append((char) ('0' + random.nextInt(10)));
                }
            }
            String text = b.toString();
            BigDecimal want = new BigDecimal(text.endsWith(".") ? text.substring(0, text.length() - 1) : text);
            assertEquals(want, Numbers.parse(text), text);
        }
    }
}
