package dev.ale.verifiers.internal.table;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable run of bytes: the normalised key of one row as {@link KeyRule#keyOf(Cells, int[], KeyBytes)} writes it. */
final class KeyBytes {
    private byte[] bytes = new byte[64];
    private int length;

    void clear() {
        length = 0;
    }

    void add(int b) {
        if (length == bytes.length) {
            bytes = Arrays.copyOf(bytes, 2 * length);
        }
        bytes[length++] = (byte) b;
    }

    void add(byte[] b, int from, int to) {
        if (bytes.length - length < to - from) {
            bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + to - from));
        }
        System.arraycopy(b, from, bytes, length, to - from);
        length += to - from;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    /** The key as the string {@link KeyRule#keyOf(java.util.List, int[], long)} gives. */
    String text() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
