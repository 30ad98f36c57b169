package dev.ale.verifiers.internal.table;

import java.nio.charset.MalformedInputException;

/**
 * Strict UTF-8 validation of a byte stream in the steps in which a {@code Reader} decodes it into
 * a buffer of {@link #CHARS} characters, so that text that is not UTF-8 is reported at the same
 * point of reading (and so with the same line, before or after the same other problems) as when
 * the CSV reader read characters through an {@code InputStreamReader} with a 64 Ki-character
 * buffer. Each step is one buffer's worth: {@link #CHARS} UTF-16 units (one less when a
 * supplementary character would not fit); invalid bytes within it, or that the JDK decoder sees at
 * its end, fail the step; a sequence cut short by the end of the input fails the step after.
 * Rejected as the JDK's decoder rejects them: stray continuation bytes, overlong forms, encoded
 * surrogates, code points above U+10FFFF and truncated sequences.
 */
final class Utf8Chunks {
    /** The characters of one step: the old reader's buffer. */
    static final int CHARS = 1 << 16;
    /** The most bytes one step can span, with the look-ahead at its end. */
    static final int MAX_BYTES = 3 * CHARS + 4;

    private boolean truncated;

    /**
     * Validates the step that starts at {@code b[from]}, with the bytes loaded up to {@code end}
     * (at least {@link #MAX_BYTES} past {@code from} unless {@code eof}: the input ends there).
     * Returns where the step ends (its characters are {@code b[from, result)}).
     */
    int next(byte[] b, int from, int end, boolean eof) throws MalformedInputException {
        if (truncated) {
            throw new MalformedInputException(1);
        }
        int p = from;
        int units = 0;
        while (p < end) {
            int b1 = b[p];
            if (b1 >= 0) {
                if (units == CHARS) {
                    return p;
                }
                units++;
                p++;
                continue;
            }
            int n = sequenceLength(b1 & 0xFF);
            if (n == 0) {
                throw new MalformedInputException(1);
            }
            int need = n == 4 ? 2 : 1;
            if (end - p < n || CHARS - units < need) {
                // what the JDK decoder checks when the sequence does not fit in the input or the buffer
                if (early(b, p, end, n)) {
                    throw new MalformedInputException(1);
                }
                if (CHARS - units < need) {
                    return p;
                }
                if (p == from) {
                    throw new MalformedInputException(end - p);
                }
                truncated = true;
                return p;
            }
            if (!complete(b, p, n)) {
                throw new MalformedInputException(1);
            }
            units += need;
            p += n;
        }
        return p;
    }

    /** 2, 3 or 4 for a lead byte the decoder takes as the start of such a sequence, 0 for a malformed one. */
    private static int sequenceLength(int b1) {
        if (b1 >= 0xC2 && b1 <= 0xDF) {
            return 2;
        }
        if (b1 >= 0xE0 && b1 <= 0xEF) {
            return 3;
        }
        return b1 >= 0xF0 && b1 <= 0xF4 ? 4 : 0;
    }

    /** The decoder's checks of a sequence it cannot decode yet (too few bytes or no room). */
    private static boolean early(byte[] b, int p, int end, int n) {
        int b1 = b[p] & 0xFF;
        int remaining = end - p;
        if (n == 3) {
            return remaining > 1 && malformed3of2(b1, b[p + 1] & 0xFF);
        }
        if (n == 4) {
            return remaining > 1 && malformed4of2(b1, b[p + 1] & 0xFF)
                    || remaining > 2 && !continuation(b[p + 2] & 0xFF);
        }
        return false;
    }

    private static boolean complete(byte[] b, int p, int n) {
        int b1 = b[p] & 0xFF;
        int b2 = b[p + 1] & 0xFF;
        if (n == 2) {
            return continuation(b2);
        }
        if (n == 3) {
            // E0 needs A0..BF (no overlong form), ED 80..9F (no surrogate)
            return !malformed3of2(b1, b2) && !(b1 == 0xED && b2 >= 0xA0) && continuation(b[p + 2] & 0xFF);
        }
        return !malformed4of2(b1, b2) && continuation(b[p + 2] & 0xFF) && continuation(b[p + 3] & 0xFF);
    }

    private static boolean malformed3of2(int b1, int b2) {
        return (b1 == 0xE0 && b2 < 0xA0) || !continuation(b2);
    }

    /** F0 needs 90..BF (no overlong form), F4 80..8F (nothing above U+10FFFF). */
    private static boolean malformed4of2(int b1, int b2) {
        return (b1 == 0xF0 && (b2 < 0x90 || b2 > 0xBF)) || (b1 == 0xF4 && b2 > 0x8F) || !continuation(b2);
    }

    private static boolean continuation(int b) {
        return (b & 0xC0) == 0x80;
    }
}
