package dev.ale.samples;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The agent's own small CSV reader and writer (RFC 4180 quoting, first line is the header). */
final class SimpleCsv {
    private SimpleCsv() {}

    /** The data rows as maps from column name to value, in file order. */
    static List<Map<String, String>> read(String text) {
        List<List<String>> records = records(text);
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

    private static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
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
