package dev.ale.samples;

import dev.ale.verifiers.CsvRecords;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent's CSV files: read with the verifiers' reader ({@link CsvRecords}, first record is the
 * header), written with RFC 4180 quoting where a field needs it.
 */
final class SimpleCsv {
    private SimpleCsv() {}

    /**
     * The data rows as maps from column name to value, in file order; a short row gives its missing
     * columns as empty values.
     *
     * @throws IllegalArgumentException if the text is not well-formed CSV
     */
    static List<Map<String, String>> read(String text) {
        List<List<String>> records = CsvRecords.read(text, ',');
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> header = records.isEmpty() ? List.of() : records.get(0);
        for (List<String> record : records.subList(Math.min(1, records.size()), records.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), i < record.size() ? record.get(i) : "");
            }
            rows.add(row);
        }
        return rows;
    }

    /** One CSV line (with its line feed), quoting fields that need it. */
    static String line(String... fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            String f = fields[i];
            if (i > 0) {
                b.append(',');
            }
            boolean quote = f.contains(",") || f.contains("\"") || f.contains("\n");
            b.append(quote ? "\"" + f.replace("\"", "\"\"") + "\"" : f);
        }
        return b.append('\n').toString();
    }

    /** A CSV text being written: the header, then rows; decimals as plain text, nulls as empty fields. */
    static final class Writer {
        private final StringBuilder text = new StringBuilder();
        private final int columns;

        Writer(List<String> header) {
            columns = header.size();
            text.append(line(header.toArray(String[]::new)));
        }

        Writer row(Object... cells) {
            if (cells.length != columns) {
                throw new IllegalArgumentException(cells.length + " cells for " + columns + " columns");
            }
            String[] fields = new String[cells.length];
            for (int i = 0; i < cells.length; i++) {
                Object c = cells[i];
                fields[i] = c == null ? "" : c instanceof BigDecimal d ? d.toPlainString() : c.toString();
            }
            text.append(line(fields));
            return this;
        }

        String text() {
            return text.toString();
        }
    }
}
