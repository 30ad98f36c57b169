package dev.ale.verifiers.internal.table;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * An open-addressing hash from the keys of a table's rows (a {@link ByteColumn} of their UTF-8
 * bytes, row by row) to their row numbers: one {@code long} per slot (the key's hash and its row,
 * so that probing touches the keys only on a full hash match), no object per key (a
 * {@code HashMap<String, ...>} costs about 100 bytes per key). Linear probing at a load of at most
 * one half. A key is indexed once: indexing it again for another row answers the first row.
 */
final class KeyIndex {
    /** A hash of UTF-8 bytes; tests give a poor one to force collisions. */
    @FunctionalInterface
    interface Hash {
        int of(byte[] bytes, int from, int to);
    }

    /** The hash in use: 8 bytes at a time, mixed as in MurmurHash3's finalizer. */
    static final Hash MIX = KeyIndex::mix;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final Hash hash;
    private final ByteColumn keys;
    /** Per slot: the key's hash in the high 32 bits, its row + 1 in the low ones; 0 is an empty slot. */
    private long[] slots;

    private int indexed;

    /** An index of the keys in {@code keys}, of which it indexes rows 0 to {@code rows - 1} at once. */
    KeyIndex(Hash hash, ByteColumn keys, int rows) {
        this.hash = hash;
        this.keys = keys;
        this.slots = new long[Math.max(64, Integer.highestOneBit(Math.max(1, 2 * rows)) * 2)];
        for (int row = 0; row < rows; row++) {
            add(row);
        }
    }

    /** How many rows are indexed. */
    int size() {
        return indexed;
    }

    /** Indexes the key of {@code row}; returns -1, or the row whose key it is already (then {@code row} is not indexed). */
    int add(int row) {
        byte[] data = keys.data();
        int from = keys.start(row);
        int to = keys.end(row);
        int h = hash.of(data, from, to);
        int mask = slots.length - 1;
        int slot = h & mask;
        for (long s = slots[slot]; s != 0; s = slots[slot]) {
            int other = (int) s - 1;
            if ((int) (s >>> 32) == h && keys.is(other, data, from, to)) {
                return other;
            }
            slot = (slot + 1) & mask;
        }
        slots[slot] = ((long) h << 32) | (row + 1L);
        if (2L * ++indexed > slots.length) {
            grow();
        }
        return -1;
    }

    /** The row whose key is {@code key[from, to)}, or -1. */
    int find(byte[] key, int from, int to) {
        int h = hash.of(key, from, to);
        int mask = slots.length - 1;
        for (int slot = h & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
            long s = slots[slot];
            if ((int) (s >>> 32) == h && keys.is((int) s - 1, key, from, to)) {
                return (int) s - 1;
            }
        }
        return -1;
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        int mask = bigger.length - 1;
        for (long s : slots) {
            if (s != 0) {
                int slot = (int) (s >>> 32) & mask;
                while (bigger[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                bigger[slot] = s;
            }
        }
        slots = bigger;
    }

    static int mix(byte[] b, int from, int to) {
        long h = 0x9E3779B97F4A7C15L * (to - from + 1);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            h = Long.rotateLeft(h ^ ((long) LONGS.get(b, i) * 0xC2B2AE3D27D4EB4FL), 31) * 0x9E3779B97F4A7C15L;
        }
        for (; i < to; i++) {
            h = (h ^ (b[i] & 0xFF)) * 0x100000001B3L;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return (int) h;
    }
}
