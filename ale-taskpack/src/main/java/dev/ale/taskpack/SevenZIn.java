package dev.ale.taskpack;

import java.util.Arrays;
import java.util.BitSet;

/**
 * A cursor over 7z header bytes: 7z numbers, little-endian CRCs, bit vectors. Reading past the end,
 * or a count larger than what is left could hold, is a {@link SevenZReader.Failure}.
 */
final class SevenZIn {
    private final byte[] bytes;
    private final int end;
    private int pos;

    SevenZIn(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.pos = offset;
        this.end = offset + length;
    }

    int remaining() {
        return end - pos;
    }

    int u8() throws SevenZReader.Failure {
        need(1);
        return bytes[pos++] & 0xff;
    }

    /** A 7z number: the leading one bits of the first byte say how many little-endian bytes follow. */
    long number() throws SevenZReader.Failure {
        int first = u8();
        int mask = 0x80;
        long value = 0;
        for (int i = 0; i < 8; i++) {
            if ((first & mask) == 0) {
                return value | (long) (first & (mask - 1)) << (8 * i);
            }
            value |= (long) u8() << (8 * i);
            mask >>>= 1;
        }
        return value;
    }

    /** A number that must be between 0 and {@code max} (and fit an int): a count or a size. */
    int count(long max) throws SevenZReader.Failure {
        long n = number();
        if (n < 0 || n > max || n > Integer.MAX_VALUE) {
            throw SevenZReader.unreadable("the header is damaged (a count or size of " + Long.toUnsignedString(n)
                    + " where at most " + Math.min(max, Integer.MAX_VALUE) + " fits)");
        }
        return (int) n;
    }

    long uint32() throws SevenZReader.Failure {
        need(4);
        long v = 0;
        for (int i = 0; i < 4; i++) {
            v |= (long) (bytes[pos++] & 0xff) << (8 * i);
        }
        return v;
    }

    byte[] bytes(int n) throws SevenZReader.Failure {
        need(n);
        pos += n;
        return Arrays.copyOfRange(bytes, pos - n, pos);
    }

    void skip(int n) throws SevenZReader.Failure {
        need(n);
        pos += n;
    }

    /** The next {@code n} bytes as a cursor of their own; this one moves past them. */
    SevenZIn slice(int n) throws SevenZReader.Failure {
        need(n);
        pos += n;
        return new SevenZIn(bytes, pos - n, n);
    }

    /** {@code n} bits, the first in the high bit of the first byte. */
    BitSet bits(int n) throws SevenZReader.Failure {
        need((n + 7) / 8);
        BitSet out = new BitSet(n);
        for (int i = 0; i < n; i++) {
            if ((bytes[pos + i / 8] & (0x80 >>> (i % 8))) != 0) {
                out.set(i);
            }
        }
        pos += (n + 7) / 8;
        return out;
    }

    /** A byte "all defined" (then all {@code n} bits are set) or 0 followed by {@code n} bits. */
    BitSet allOrBits(int n) throws SevenZReader.Failure {
        if (u8() == 0) {
            return bits(n);
        }
        BitSet all = new BitSet(n);
        all.set(0, n);
        return all;
    }

    private void need(int n) throws SevenZReader.Failure {
        if (n < 0 || n > end - pos) {
            throw SevenZReader.unreadable("the header is damaged or truncated (it ends too early)");
        }
    }
}
