package dev.ale.samples.plugin;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV text the RFC 4180 way: quoted fields may hold delimiters, doubled quotes and line
 * breaks; CRLF, LF or CR end a record; a leading byte-order mark is dropped; empty lines are skipped.
 */
final class JournalCsv {
    private JournalCsv() {}

    /**
     * The records of {@code text}, each a list of fields.
     *
     * @throws IllegalArgumentException for an unclosed quote or text after a closing quote
     */
    static List<List<String>> parse(String text, char delimiter) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int line = 1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    line += c == '\n' ? 1 : 0;
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == delimiter) {
                row.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                endRow(rows, row, field);
                row = new ArrayList<>();
                wasQuoted = false;
                line++;
            } else if (wasQuoted) {
                throw new IllegalArgumentException("text after a closing quote on line " + line);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unclosed quote (the field starts before line " + line + ")");
        }
        endRow(rows, row, field);
        return rows;
    }

    private static void endRow(List<List<String>> rows, List<String> row, StringBuilder field) {
        row.add(field.toString());
        field.setLength(0);
        if (!(row.size() == 1 && row.get(0).isEmpty())) {
            rows.add(List.copyOf(row));
        }
    }
}
