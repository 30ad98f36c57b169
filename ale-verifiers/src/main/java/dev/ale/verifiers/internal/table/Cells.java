package dev.ale.verifiers.internal.table;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The cells of one table record as UTF-8 bytes: slices of one buffer, so that comparing a cell
 * with another needs no {@code String}. A cell beyond the end of the record reads as empty (rows
 * shorter than the header). A {@link CsvReader}'s cells are slices of its own buffer and are valid
 * until it reads the next record; {@link #of} copies the cells of a record read as strings.
 */
final class Cells {
    private static final byte[] NONE = new byte[0];

    private byte[] buf = NONE;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private int size;

    /** The cells of a record read as strings (an xlsx row), copied as UTF-8. */
    static Cells of(List<String> row) {
        Cells c = new Cells();
        byte[][] parts = new byte[row.size()][];
        int total = 0;
        for (int i = 0; i < parts.length; i++) {
            parts[i] = row.get(i).getBytes(StandardCharsets.UTF_8);
            total += parts[i].length;
        }
        byte[] all = new byte[total];
        int at = 0;
        c.reset(all);
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            c.add(at, at + p.length);
            at += p.length;
        }
        return c;
    }

    /**
     * The UTF-8 bytes of {@code s}; for a string with a lone surrogate, which no UTF-8 text holds
     * and so no cell equals, a byte that no cell holds either.
     */
    static byte[] utf8(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return new byte[] {(byte) 0xFF};
            }
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    void reset(byte[] buffer) {
        buf = buffer;
        size = 0;
    }

    /** Appends the cell {@code buf[start, end)}. */
    void add(int start, int end) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
        }
        starts[size] = start;
        ends[size++] = end;
    }

    /** Moves every cell {@code by} bytes towards the start of a buffer that was compacted. */
    void shift(byte[] buffer, int by) {
        buf = buffer;
        for (int i = 0; i < size; i++) {
            starts[i] -= by;
            ends[i] -= by;
        }
    }

    int size() {
        return size;
    }

    byte[] buffer() {
        return buf;
    }

    /** Where cell {@code i} starts in {@link #buffer()} (0 for a cell beyond the record). */
    int start(int i) {
        return i < size ? starts[i] : 0;
    }

    /** The length in bytes of cell {@code i} (0 beyond the record). */
    int length(int i) {
        return i < size ? ends[i] - starts[i] : 0;
    }

    /** Whether cell {@code i} holds exactly the bytes {@code value[from, to)}. */
    boolean is(int i, byte[] value, int from, int to) {
        int s = start(i);
        return equal(buf, s, s + length(i), value, from, to);
    }

    /** {@link Arrays#equals(byte[], int, int, byte[], int, int)}, quicker on the short cells tables mostly hold. */
    static boolean equal(byte[] a, int aFrom, int aTo, byte[] b, int bFrom, int bTo) {
        int n = aTo - aFrom;
        if (n != bTo - bFrom) {
            return false;
        }
        if (n > 16) {
            return Arrays.equals(a, aFrom, aTo, b, bFrom, bTo);
        }
        for (int i = 0; i < n; i++) {
            if (a[aFrom + i] != b[bFrom + i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether cell {@code i} holds exactly {@code value}. */
    boolean is(int i, byte[] value) {
        return is(i, value, 0, value.length);
    }

    /** Cell {@code i} as text, empty beyond the record. */
    String text(int i) {
        return i < size ? new String(buf, starts[i], ends[i] - starts[i], StandardCharsets.UTF_8) : "";
    }

    /** Every cell as text. */
    List<String> toList() {
        List<String> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(text(i));
        }
        return out;
    }
}
