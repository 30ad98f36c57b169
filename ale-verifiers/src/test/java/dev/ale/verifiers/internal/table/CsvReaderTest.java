package dev.ale.verifiers.internal.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
    static List<List<String>> parse(String text, char delimiter) throws IOException {
        return parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), delimiter);
    }

    static List<List<String>> parse(InputStream in, char delimiter) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader r = new CsvReader(in, delimiter)) {
            for (List<String> row = r.next(); row != null; row = r.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void readsPlainRecordsWithAnyLineEnding() throws IOException {
        List<List<String>> want = List.of(List.of("a", "b"), List.of("c", "d"), List.of("e", "f"));
        assertEquals(want, parse("a,b\nc,d\ne,f", ','));
        assertEquals(want, parse("a,b\r\nc,d\r\ne,f\r\n", ','));
        assertEquals(want, parse("a,b\rc,d\re,f\r", ','));
    }

    @Test
    void readsQuotedFieldsWithDelimitersQuotesAndLineBreaks() throws IOException {
        assertEquals(
                List.of(List.of("a,b", "say \"hi\"", "two\r\nlines", ""), List.of("x")),
                parse("\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\",\"\"\r\nx\r\n", ','));
        assertEquals(List.of(List.of("5\" screen", "b")), parse("5\" screen,b", ','));
    }

    @Test
    void keepsEmptyFieldsAndSkipsEmptyLines() throws IOException {
        assertEquals(List.of(List.of("", "", ""), List.of("a", "")), parse(",,\n\n\r\na,\n\n", ','));
        assertEquals(List.of(List.of("")), parse("\"\"\n", ','));
        assertEquals(List.of(), parse("", ','));
        assertEquals(List.of(), parse("\n\r\n", ','));
    }

    @Test
    void dropsALeadingByteOrderMarkOnly() throws IOException {
        assertEquals(List.of(List.of("id", "x\uFEFF")), parse("\uFEFFid,x\uFEFF", ','));
        assertEquals(List.of(List.of("\uFEFFid")), parse("\uFEFF\uFEFFid", ','));
    }

    @Test
    void usesTheGivenDelimiter() throws IOException {
        assertEquals(List.of(List.of("a,b", "c")), parse("a,b;c", ';'));
        assertEquals(List.of(List.of("a", "b;c")), parse("a\t\"b;c\"", '\t'));
    }

    @Test
    void refusesMalformedInputNamingTheLine() {
        CsvReader.Malformed e = assertThrows(CsvReader.Malformed.class, () -> parse("a\nb\n\"open,\nc\n", ','));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("not closed"), e.getMessage());
        e = assertThrows(CsvReader.Malformed.class, () -> parse("a\n\"x\"y,b\n", ','));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("'y'"), e.getMessage());
    }

    @Test
    void capsFieldLengthAndFieldCount() throws IOException {
        String longest = "x".repeat(CsvReader.MAX_FIELD_CHARS);
        assertEquals(
                CsvReader.MAX_FIELD_CHARS, parse(longest, ',').get(0).get(0).length());
        assertThrows(CsvReader.Malformed.class, () -> parse(longest + "x", ','));
        assertThrows(CsvReader.Malformed.class, () -> parse("\"" + longest + "x\"", ','));
        assertEquals(
                CsvReader.MAX_FIELDS,
                parse(",".repeat(CsvReader.MAX_FIELDS - 1), ',').get(0).size());
        assertThrows(CsvReader.Malformed.class, () -> parse(",".repeat(CsvReader.MAX_FIELDS), ','));
    }

    @Test
    void tracksLineNumbersAcrossQuotedLineBreaks() throws IOException {
        try (CsvReader r =
                new CsvReader(new ByteArrayInputStream("a\n\"b\nc\"\r\n\nd".getBytes(StandardCharsets.UTF_8)), ',')) {
            r.next();
            assertEquals(1, r.line());
            r.next();
            assertEquals(2, r.line());
            assertEquals(List.of("d"), r.next());
            assertEquals(5, r.line());
            assertNull(r.next());
        }
    }

    /** Gives one byte at a time, so every read boundary falls everywhere. */
    private static InputStream trickle(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            private int i;

            @Override
            public int read() {
                return i == bytes.length ? -1 : bytes[i++] & 0xFF;
            }

            @Override
            public int read(byte[] buf, int off, int len) {
                if (i == bytes.length) {
                    return -1;
                }
                buf[off] = bytes[i++];
                return 1;
            }
        };
    }

    @Test
    void roundTripsRandomTablesWrittenByAReferenceWriter() throws IOException {
        List<String> alphabet =
                List.of("a", "b", " ", ",", ";", "|", "\t", "\"", "\r", "\n", "\u00e9", "\uD83D\uDE00", "\uFEFF");
        for (long seed = 0; seed < 2000; seed++) {
            Random rnd = new Random(seed);
            char delimiter = ",;\t|".charAt(rnd.nextInt(4));
            List<List<String>> table = new ArrayList<>();
            int rows = rnd.nextInt(8);
            for (int r = 0; r < rows; r++) {
                List<String> row = new ArrayList<>();
                int cols = 1 + rnd.nextInt(5);
                for (int c = 0; c < cols; c++) {
                    StringBuilder cell = new StringBuilder();
                    int len = rnd.nextInt(6);
                    for (int k = 0; k < len; k++) {
                        cell.append(alphabet.get(rnd.nextInt(alphabet.size())));
                    }
                    row.add(cell.toString());
                }
                table.add(row);
            }
            String text = write(table, delimiter, rnd);
            String what = "seed " + seed + ": " + text.replace("\r", "\\r").replace("\n", "\\n");
            assertEquals(table, parse(text, delimiter), what);
            assertEquals(table, parse(trickle(text), delimiter), what);
        }
    }

    /**
     * The reference writer: quotes a field when it must (delimiter, quote, line break, a
     * leading BOM, or an empty lone field) and sometimes when it need not; random line ends.
     */
    static String write(List<List<String>> table, char delimiter, Random rnd) {
        StringBuilder b = new StringBuilder(rnd.nextBoolean() ? "\uFEFF" : "");
        String eol = List.of("\n", "\r\n", "\r").get(rnd.nextInt(3));
        for (int r = 0; r < table.size(); r++) {
            List<String> row = table.get(r);
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c);
                boolean must = cell.indexOf(delimiter) >= 0
                        || cell.contains("\"")
                        || cell.contains("\r")
                        || cell.contains("\n")
                        || (r == 0 && c == 0 && cell.startsWith("\uFEFF"))
                        || (row.size() == 1 && cell.isEmpty());
                if (c > 0) {
                    b.append(delimiter);
                }
                b.append(must || rnd.nextInt(4) == 0 ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
            }
            if (r < table.size() - 1 || rnd.nextBoolean()) {
                b.append(eol);
            }
        }
        return b.toString();
    }
}
