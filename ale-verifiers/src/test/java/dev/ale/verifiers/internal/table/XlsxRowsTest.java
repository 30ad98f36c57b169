package dev.ale.verifiers.internal.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxRowsTest {
    @TempDir
    Path dir;

    private Path file(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(dir, "book", ".xlsx"), bytes);
    }

    static List<List<String>> read(Path file, Object sheet) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (RowReader r = XlsxRows.open(file, sheet)) {
            for (List<String> row = r.next(); row != null; row = r.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** Random cells written by fastexcel's writer read back as the text the class comment promises. */
    @Test
    void roundTripsRandomCellsWrittenByTheLibrarysWriter() throws IOException {
        String alphabet = "abcXYZ 019,;\"'<>&é€\t\n";
        for (long seed = 1; seed <= 25; seed++) {
            Random random = new Random(seed);
            int rows = 1 + random.nextInt(30);
            int columns = 1 + random.nextInt(8);
            Object[][] values = new Object[rows][columns];
            List<List<String>> want = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                List<String> expected = new ArrayList<>();
                for (int c = 0; c < columns; c++) {
                    int kind = c == 0 ? 0 : random.nextInt(5);
                    switch (kind) {
                        case 0 -> {
                            StringBuilder b = new StringBuilder("k" + r);
                            for (int i = random.nextInt(12); i > 0; i--) {
                                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
                            }
                            values[r][c] = b.toString();
                            expected.add(b.toString());
                        }
                        case 1 -> {
                            BigDecimal d =
                                    BigDecimal.valueOf(random.nextLong() % 1_000_000_000_000L, random.nextInt(7));
                            values[r][c] = d;
                            expected.add(
                                    d.signum() == 0
                                            ? "0"
                                            : d.stripTrailingZeros().toPlainString());
                        }
                        case 2 -> {
                            boolean b = random.nextBoolean();
                            values[r][c] = b;
                            expected.add(b ? "TRUE" : "FALSE");
                        }
                        case 3 -> {
                            LocalDate d = LocalDate.of(1901, 1, 1).plusDays(random.nextInt(60_000));
                            values[r][c] = d;
                            expected.add(d.toString());
                        }
                        default -> {
                            values[r][c] = null;
                            expected.add("");
                        }
                    }
                }
                want.add(expected);
            }
            Path book = file(XlsxFixture.written(wb -> {
                Worksheet ws = wb.newWorksheet("Random");
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < columns; c++) {
                        Object v = values[r][c];
                        if (v instanceof String s) {
                            ws.value(r, c, s);
                        } else if (v instanceof BigDecimal d) {
                            ws.value(r, c, d);
                        } else if (v instanceof Boolean b) {
                            ws.value(r, c, b);
                        } else if (v instanceof LocalDate d) {
                            ws.value(r, c, d);
                            ws.style(r, c).format("yyyy-mm-dd").set();
                        }
                    }
                }
            }));
            List<List<String>> got = read(book, null);
            assertEquals(rows, got.size(), "seed " + seed);
            for (int r = 0; r < rows; r++) {
                List<String> g = new ArrayList<>(got.get(r));
                while (g.size() < columns) {
                    g.add("");
                }
                assertEquals(want.get(r), g, "seed " + seed + ", row " + (r + 1));
            }
        }
    }

    @Test
    void readsNumbersAsExcelShowsThemAndDatesAsIsoText() throws IOException {
        Path book = file(XlsxFixture.written(wb -> {
            Worksheet ws = wb.newWorksheet("S");
            ws.value(0, 0, 0.1 + 0.2);
            ws.value(0, 1, new BigDecimal("2.50"));
            ws.value(0, 2, 12345678901234567890.0);
            ws.value(1, 0, LocalDateTime.of(2024, 3, 31, 14, 30, 5));
            ws.style(1, 0).format("yyyy-mm-dd hh:mm:ss").set();
            ws.value(1, 1, LocalDateTime.of(2024, 3, 31, 14, 30, 5));
            ws.style(1, 1).format("hh:mm:ss").set();
            ws.value(1, 2, 1.5);
            ws.style(1, 2).format("[h]:mm").set();
            ws.value(2, 0, 0.125);
            ws.style(2, 0).format("0.0%").set();
        }));
        assertEquals(
                List.of(
                        List.of("0.3", "2.5", "12345678901234600000"),
                        List.of("2024-03-31T14:30:05", "14:30:05", "1.5"),
                        List.of("0.125")),
                read(book, null));
    }

    @Test
    void readsCachedFormulaResultsErrorsAndInlineStrings() throws IOException {
        Path book = file(XlsxFixture.handMade("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>name</t></is></c>"
                + "<c r=\"C1\"><f>1+1</f><v>2</v></c><c r=\"D1\" t=\"str\"><f>\"a\"&amp;\"b\"</f><v>ab</v></c>"
                + "<c r=\"E1\" t=\"e\"><v>#DIV/0!</v></c><c r=\"F1\" t=\"b\"><v>1</v></c><c r=\"G1\"><f>A1</f></c></row>"
                + "<row r=\"3\"><c r=\"B3\" t=\"n\"><v>oops</v></c></row><row r=\"4\"><c r=\"A4\"/></row>"));
        try (RowReader r = XlsxRows.open(book, null)) {
            assertEquals(List.of("name", "", "2", "ab", "#DIV/0!", "TRUE", ""), r.next());
            assertEquals(1, r.line());
            assertEquals(List.of("", "oops"), r.next(), "a malformed number cell reads as it is written");
            assertEquals(3, r.line());
            assertEquals("row", r.lineWord());
            assertNull(r.next(), "an empty row is skipped");
        }
    }

    @Test
    void choosesSheetsByNameOrIndex() throws IOException {
        Path book = file(XlsxFixture.written(wb -> {
            wb.newWorksheet("First").value(0, 0, "one");
            wb.newWorksheet("Second").value(0, 0, "two");
        }));
        assertEquals(List.of(List.of("one")), read(book, null));
        assertEquals(List.of(List.of("two")), read(book, "Second"));
        assertEquals(List.of(List.of("two")), read(book, 1));
        RowReader.Malformed e = assertThrows(RowReader.Malformed.class, () -> read(book, "Third"));
        assertEquals("no sheet 'Third'; sheets: 'First', 'Second'", e.getMessage());
        assertTrue(assertThrows(RowReader.Malformed.class, () -> read(book, 2))
                .getMessage()
                .startsWith("no sheet #2"));
    }

    @Test
    void refusesWhatIsNotAWorkbook() throws IOException {
        Path csv = file(XlsxFixture.utf8("a,b\n1,2\n"));
        assertTrue(assertThrows(RowReader.Malformed.class, () -> read(csv, null))
                .getMessage()
                .startsWith("not an xlsx workbook"));
        Path empty = file(new byte[0]);
        assertTrue(assertThrows(RowReader.Malformed.class, () -> read(empty, null))
                .getMessage()
                .startsWith("not an xlsx workbook"));
        var parts = XlsxFixture.parts("<row><c><v>1</v></c></row>");
        parts.remove("xl/workbook.xml");
        Path noBook = file(XlsxFixture.zip(parts));
        assertTrue(assertThrows(RowReader.Malformed.class, () -> read(noBook, null))
                .getMessage()
                .startsWith("not a readable xlsx"));
    }

    /** Sandboxes may live on another file system (an in-memory one): the workbook is then read through a stream. */
    @Test
    void readsWorkbooksOnOtherFileSystems() throws IOException {
        Path zip = dir.resolve("fs.zip");
        try (FileSystem fs = FileSystems.newFileSystem(zip, Map.of("create", "true"))) {
            Files.write(fs.getPath("/book.xlsx"), XlsxFixture.written(wb -> wb.newWorksheet("S")
                    .value(0, 0, "on zipfs")));
        }
        try (FileSystem fs = FileSystems.newFileSystem(zip)) {
            assertEquals(List.of(List.of("on zipfs")), read(fs.getPath("/book.xlsx"), null));
        }
    }
}
