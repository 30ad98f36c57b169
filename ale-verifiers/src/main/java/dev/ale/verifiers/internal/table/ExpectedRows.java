package dev.ale.verifiers.internal.table;

import java.util.Arrays;

/**
 * The expected rows of one {@code csv} verification and what the output did with them, held
 * compactly: each compared column as one {@link ByteColumn} (UTF-8 bytes and an offsets array),
 * the keys in a {@link KeyIndex} (or, without key columns, nothing: row n of the output is row n
 * of the reference; keys that come in increasing order need no hash until the output's rows come
 * in another order), and int arrays for the rows the output delivered. About 5 bytes per cell
 * plus 20 per row, instead of a map entry, an array and a string per cell. Local to one call.
 */
final class ExpectedRows {
    private final KeyIndex.Hash hash;
    /** The key of each row, or null when rows are matched by position. */
    private final ByteColumn keys;
    /** The hash of the keys, made only when needed: while each key comes after the one before it (see {@link ByteColumn#followsLast}), none can be there twice. */
    private KeyIndex index;

    private final ByteColumn[] columns;
    private int size;
    /** Per expected row: its place among the found rows + 1, 0 while the output has not had it. */
    private int[] foundAt = new int[64];
    /** The expected row of each found row, in the output's order. */
    private int[] found = new int[64];
    /** The matching cells of each found row. */
    private int[] matched = new int[64];

    private int foundCount;
    /** Whether the found rows are kept in the output's order, for an order check. */
    private final boolean inOutputOrder;

    private long fullRows;
    private long matchedCells;

    /**
     * Rows keyed by their key cells ({@code keyed}) or matched by position, with {@code columns}
     * compared cells each; {@code inOutputOrder}: keep which rows the output had in its order.
     */
    ExpectedRows(boolean keyed, int columns, boolean inOutputOrder, KeyIndex.Hash hash) {
        this.inOutputOrder = inOutputOrder;
        this.hash = hash;
        this.keys = keyed ? new ByteColumn(8192) : null;
        this.columns = new ByteColumn[columns];
        for (int i = 0; i < columns; i++) {
            this.columns[i] = new ByteColumn(1024);
        }
    }

    /**
     * Adds a row with key {@code key} (ignored without key columns) and the compared cells
     * {@code cells} of {@code row}; returns -1, or when the key is there already the row that has
     * it (and adds nothing).
     */
    int add(KeyBytes key, Cells row, int[] cells) {
        if (keys != null) {
            boolean after = index == null && keys.followsLast(key.bytes(), 0, key.length());
            keys.add(key.bytes(), 0, key.length());
            if (!after) {
                int had = index().add(size);
                if (had >= 0) {
                    keys.removeLast();
                    return had;
                }
            }
        }
        for (int i = 0; i < cells.length; i++) {
            columns[i].add(row, cells[i]);
        }
        size++;
        return -1;
    }

    int size() {
        return size;
    }

    /**
     * The expected row the output's row number {@code n} (1-based) with key {@code key} stands for,
     * or -1. {@code guess}: the row it likely is (the one after the output's previous row), checked
     * first, so that an output in the reference's order costs no hashing (keys are unique, so a
     * row with an equal key is the row).
     */
    int find(KeyBytes key, long n, int guess) {
        if (keys == null) {
            return n <= size ? (int) n - 1 : -1;
        }
        if (guess >= 0 && guess < size && hasKey(guess, key)) {
            return guess;
        }
        return index().find(key.bytes(), 0, key.length());
    }

    /** The hash of the keys, made at the first need from the rows so far. */
    private KeyIndex index() {
        if (index == null) {
            index = new KeyIndex(hash, keys, size);
        }
        return index;
    }

    /** Whether expected row {@code row} has the key {@code key}. */
    boolean hasKey(int row, KeyBytes key) {
        return keys.is(row, key.bytes(), 0, key.length());
    }

    /** The key of expected row {@code row} as {@link KeyRule#keyOf(java.util.List, int[], long)} gives it. */
    String key(int row) {
        return keys == null ? "#" + (row + 1) : keys.text(row);
    }

    ByteColumn column(int i) {
        return columns[i];
    }

    /** Whether the output had expected row {@code row}. */
    boolean isFound(int row) {
        return row < foundAt.length && foundAt[row] != 0;
    }

    /** Notes that the output had expected row {@code row}, with {@code matchedCells} matching cells. */
    void found(int row, int matchedCells) {
        if (foundAt.length < size) {
            foundAt = Arrays.copyOf(foundAt, size);
        }
        fullRows += matchedCells == columns.length ? 1 : 0;
        this.matchedCells += columns.length == 0 ? 1 : matchedCells;
        if (inOutputOrder) {
            if (foundCount == found.length) {
                found = Arrays.copyOf(found, 2 * foundCount);
                matched = Arrays.copyOf(matched, 2 * foundCount);
            }
            found[foundCount] = row;
            matched[foundCount] = matchedCells;
        }
        foundAt[row] = ++foundCount;
    }

    /** How many expected rows the output had. */
    int foundCount() {
        return foundCount;
    }

    /** How many found rows match in every compared cell. */
    long fullRows() {
        return fullRows;
    }

    /** The matching cells of all found rows (1 per row when no column is compared). */
    long matchedCells() {
        return matchedCells;
    }

    /** The expected row of the {@code j}-th found row, in the output's order (when kept). */
    int foundRow(int j) {
        return found[j];
    }

    /** The matching cells of the {@code j}-th found row. */
    int matchedCells(int j) {
        return matched[j];
    }
}
