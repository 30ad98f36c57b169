package dev.ale.verifiers.internal.table;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One column of a table held compactly: the UTF-8 bytes of all its cells in one buffer and, once
 * two cells differ in length, the end of each cell in an int array (while every cell has the same
 * length, as in a column of 0/1 labels or fixed-width ids, no offsets at all), instead of a
 * {@code String} object per cell. Append-only.
 */
final class ByteColumn {
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

    private byte[] data;
    /** The end of each cell; null while every cell is {@link #width} bytes long. */
    private int[] ends;

    private int width = -1;
    private int size;
    private int used;

    ByteColumn(int bytes) {
        data = new byte[Math.max(bytes, 16)];
    }

    int size() {
        return size;
    }

    /** Appends the cell {@code bytes[from, to)}. */
    void add(byte[] bytes, int from, int to) {
        int n = to - from;
        if (data.length - used < n) {
            long want = Math.max(2L * data.length, (long) used + n);
            if ((long) used + n > MAX_ARRAY) {
                throw new IllegalStateException("a table column of more than 2 GiB");
            }
            data = Arrays.copyOf(data, (int) Math.min(want, MAX_ARRAY));
        }
        if (ends == null && n != width) {
            if (size == 0) {
                width = n;
            } else {
                ends = new int[Math.max(16, 2 * size)];
                for (int i = 0; i < size; i++) {
                    ends[i] = (i + 1) * width;
                }
            }
        }
        if (ends != null && size == ends.length) {
            ends = Arrays.copyOf(ends, (int) Math.min(MAX_ARRAY, 2L * size));
        }
        if (n <= 8) {
            for (int i = 0; i < n; i++) {
                data[used + i] = bytes[from + i];
            }
        } else {
            System.arraycopy(bytes, from, data, used, n);
        }
        used += n;
        if (ends != null) {
            ends[size] = used;
        }
        size++;
    }

    /** Removes the last cell. */
    void removeLast() {
        size--;
        used = start(size);
    }

    /**
     * Whether {@code bytes[from, to)} comes after the last cell in the order of length, then of
     * unsigned bytes: a column whose every cell comes after the one before holds no cell twice.
     */
    boolean followsLast(byte[] bytes, int from, int to) {
        if (size == 0) {
            return true;
        }
        int s = start(size - 1);
        int n = end(size - 1) - s;
        return to - from != n ? to - from > n : Arrays.compareUnsigned(bytes, from, to, data, s, s + n) > 0;
    }

    /** Appends cell {@code i} of a record. */
    void add(Cells row, int i) {
        add(row.buffer(), row.start(i), row.start(i) + row.length(i));
    }

    int start(int row) {
        return ends == null ? row * width : row == 0 ? 0 : ends[row - 1];
    }

    int end(int row) {
        return ends == null ? (row + 1) * width : ends[row];
    }

    /** The buffer of all cells; cell {@code row} is {@code [start(row), end(row))}. */
    byte[] data() {
        return data;
    }

    /** Whether cell {@code row} holds exactly {@code bytes[from, to)}. */
    boolean is(int row, byte[] bytes, int from, int to) {
        return Cells.equal(data, start(row), end(row), bytes, from, to);
    }

    /** Whether cell {@code row} holds exactly cell {@code i} of a record. */
    boolean is(int row, Cells other, int i) {
        int s = other.start(i);
        return is(row, other.buffer(), s, s + other.length(i));
    }

    String text(int row) {
        int s = start(row);
        return new String(data, s, end(row) - s, StandardCharsets.UTF_8);
    }
}
