package dev.ale.samples.packgen.starter;

import dev.ale.samples.packgen.Formats;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A CSV table being built: a header and rows of cells. Decimal cells are written as plain
 * decimals with their own scale, null cells as empty fields.
 */
final class Table {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    /** A table with the given header line: its column names separated by commas, as the file and the instruction show it. */
    Table(String headerLine) {
        this.header = List.of(headerLine.split(",", -1));
        if (header.contains("")) {
            throw new IllegalArgumentException("an empty column name in " + headerLine);
        }
    }

    /** Adds a row; it must have one cell per column. */
    Table row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row of " + cells.length + " cells for " + header.size() + " columns");
        }
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(cell == null ? "" : cell instanceof BigDecimal d ? d.toPlainString() : cell.toString());
        }
        rows.add(Collections.unmodifiableList(row));
        return this;
    }

    /** Adds every row of {@code table} as it is, such as a catalogue that is also an input. */
    Table addAll(String[][] table) {
        for (String[] cells : table) {
            row((Object[]) cells);
        }
        return this;
    }

    List<String> header() {
        return header;
    }

    List<List<String>> rows() {
        return Collections.unmodifiableList(rows);
    }

    /** The column names that follow the given key columns. */
    List<String> columnsAfter(List<String> key) {
        List<String> rest = new ArrayList<>(header);
        rest.removeAll(key);
        return rest;
    }

    /** The header line, as the instruction quotes it. */
    String headerLine() {
        return String.join(",", header);
    }

    byte[] bytes() {
        return Formats.csv(header, rows);
    }
}
