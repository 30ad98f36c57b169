package dev.ale.verifiers.internal.table;

import static dev.ale.verifiers.internal.table.XlsxDates.Kind.DATE;
import static dev.ale.verifiers.internal.table.XlsxDates.Kind.DATE_TIME;
import static dev.ale.verifiers.internal.table.XlsxDates.Kind.NUMBER;
import static dev.ale.verifiers.internal.table.XlsxDates.Kind.TIME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class XlsxDatesTest {
    @Test
    void knowsTheBuiltInFormats() {
        assertEquals(NUMBER, XlsxDates.kind(null, null));
        assertEquals(NUMBER, XlsxDates.kind(0, null));
        assertEquals(NUMBER, XlsxDates.kind(10, null));
        assertEquals(DATE, XlsxDates.kind(14, null));
        assertEquals(DATE, XlsxDates.kind(17, null));
        assertEquals(TIME, XlsxDates.kind(20, null));
        assertEquals(DATE_TIME, XlsxDates.kind(22, null));
        assertEquals(TIME, XlsxDates.kind(45, null));
        assertEquals(NUMBER, XlsxDates.kind(46, null), "[h]:mm:ss is elapsed time");
        assertEquals(DATE, XlsxDates.kind(57, null));
    }

    /** Custom number formats (id 164 and up) and what a cell so formatted holds. */
    private static final String CUSTOM =
            """
            yyyy-mm-dd -> DATE
            [$-409]mmmm d, yyyy;@ -> DATE
            mmm-yy -> DATE
            yyyy-mm-dd hh:mm:ss -> DATE_TIME
            h:mm AM/PM -> TIME
            mm:ss.0 -> TIME
            [h]:mm -> NUMBER
            `#,##0.00 "days"` -> NUMBER
            0.00\\d -> NUMBER
            General -> NUMBER
            0.0% -> NUMBER
            [Red]#,##0;[Blue]-#,##0 -> NUMBER
            """;

    @ParameterizedTest
    @CsvSource(quoteCharacter = '`', delimiterString = " -> ", textBlock = CUSTOM)
    void readsCustomFormatsOutsideQuotesEscapesAndBrackets(String format, XlsxDates.Kind kind) {
        assertEquals(kind, XlsxDates.kind(164, format), format);
    }

    @Test
    void rendersSerialsInBothDateSystems() {
        assertEquals("1900-01-01", XlsxDates.render(BigDecimal.ONE, DATE, false));
        assertEquals("1900-02-28", XlsxDates.render(BigDecimal.valueOf(59), DATE, false));
        assertNull(XlsxDates.render(BigDecimal.valueOf(60), DATE, false), "Excel's 29 February 1900 never was");
        assertEquals("1900-03-01", XlsxDates.render(BigDecimal.valueOf(61), DATE, false));
        assertEquals("2024-03-31", XlsxDates.render(BigDecimal.valueOf(45382), DATE, false));
        assertEquals("2024-03-31T14:30:00", XlsxDates.render(new BigDecimal("45382.6041666667"), DATE_TIME, false));
        assertEquals("23:59:59", XlsxDates.render(new BigDecimal("0.99998842"), TIME, false));
        assertEquals(
                "2024-04-01T00:00:00",
                XlsxDates.render(new BigDecimal("45382.999999"), DATE_TIME, false),
                "rounds to the second");
        assertEquals("1904-01-02", XlsxDates.render(BigDecimal.ONE, DATE, true));
        assertEquals("9999-12-31", XlsxDates.render(BigDecimal.valueOf(2_958_465), DATE, false));
        assertNull(XlsxDates.render(BigDecimal.valueOf(2_958_466), DATE, false));
        assertNull(XlsxDates.render(BigDecimal.valueOf(-1), DATE, false));
    }

    /** Every day from 1 March 1900 on is serial = days since 30 December 1899. */
    @Test
    void agreesWithTheCalendarOnRandomDays() {
        Random random = new Random(42);
        LocalDate epoch = LocalDate.of(1899, 12, 30);
        for (int i = 0; i < 2000; i++) {
            long serial = 61 + random.nextInt(2_958_465 - 61);
            LocalDate want = epoch.plusDays(serial);
            assertEquals(
                    want.toString(), XlsxDates.render(BigDecimal.valueOf(serial), DATE, false), "serial " + serial);
            assertEquals(
                    serial,
                    ChronoUnit.DAYS.between(
                            epoch, LocalDate.parse(XlsxDates.render(BigDecimal.valueOf(serial), DATE, false))));
        }
    }
}
