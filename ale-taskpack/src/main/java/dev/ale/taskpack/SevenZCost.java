package dev.ale.taskpack;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;

/**
 * Refuses a 7zAES key derivation that 7-Zip itself would refuse (more than 2^24 rounds of SHA-256)
 * before it runs. Commons Compress derives keys with whatever round count an archive names (up to
 * 2^62: a reader that never returns), so the cost is checked first: for the header's own coder in
 * the plain bytes of an encoded header, before {@link SevenZFile} opens; for the folders of the
 * content, in the folders {@link SevenZFile} parsed, before any is decoded. Commons Compress does
 * not expose the coders' properties, so those are read from its fields; if they cannot be (another
 * version of the library), the archive is refused rather than read unchecked.
 */
final class SevenZCost {
    /** The most rounds (a power of two) 7-Zip accepts. */
    static final int MAX_CYCLES_POWER = 24;
    /** The most SHA-256 rounds the key derivations of all folders may add up to (2^26: 128 folders at 7-Zip's 2^19). */
    static final long MAX_TOTAL_ROUNDS = 1L << 26;
    /** 7zAES's "the key is the salt and the password, unhashed" marker: no derivation at all. */
    private static final int RAW_KEY = 0x3f;

    private static final byte[] AES = SevenZ.AES;

    private SevenZCost() {}

    /** Checks the coders of an encoded header (plain bytes at the end of the archive), if there is one. */
    static void checkHeader(byte[] archive) throws SealedArchive.Failure {
        if (archive.length < SevenZ.SIGNATURE_HEADER) {
            return;
        }
        ByteBuffer start = ByteBuffer.wrap(archive, 12, 16).order(ByteOrder.LITTLE_ENDIAN);
        long offset = start.getLong();
        long size = start.getLong();
        long room = archive.length - SevenZ.SIGNATURE_HEADER;
        if (offset < 0 || size <= 0 || offset > room || size > room - offset) {
            return; // SevenZFile refuses it as damaged
        }
        int from = (int) (SevenZ.SIGNATURE_HEADER + offset);
        int to = from + (int) size;
        if ((archive[from] & 0xff) != SevenZ.ENCODED_HEADER) {
            return;
        }
        for (int i = from + 2; i + AES.length < to; i++) {
            if (Arrays.equals(archive, i, i + AES.length, AES, 0, AES.length)) {
                checkCoder(archive, i - 1, to);
            }
        }
    }

    /** Checks the 7zAES coders of every folder {@code z} parsed. */
    static void checkFolders(SevenZFile z) throws SealedArchive.Failure {
        long rounds = 0;
        try {
            Object archive = field(SevenZFile.class, "archive").get(z);
            Object folders = field(archive.getClass(), "folders").get(archive);
            for (int f = 0; f < Array.getLength(folders); f++) {
                Object folder = Array.get(folders, f);
                Object coders = field(folder.getClass(), "coders").get(folder);
                for (int c = 0; c < Array.getLength(coders); c++) {
                    Object coder = Array.get(coders, c);
                    byte[] method = (byte[])
                            field(coder.getClass(), "decompressionMethodId").get(coder);
                    byte[] properties =
                            (byte[]) field(coder.getClass(), "properties").get(coder);
                    if (Arrays.equals(method, AES) && properties != null && properties.length > 0) {
                        rounds += checkCycles(properties[0]);
                    }
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new SealedArchive.Failure(
                    "cannot check the key derivation of the archive's folders with this"
                            + " version of Commons Compress (" + e + ")",
                    e);
        }
        if (rounds > MAX_TOTAL_ROUNDS) {
            throw new SealedArchive.Failure(
                    "the archive's folders need " + rounds + " SHA-256 rounds of key derivation" + " in all (at most "
                            + MAX_TOTAL_ROUNDS + "): seal the files in fewer folders (a solid archive)",
                    null);
        }
    }

    /** The coder whose flags byte is at {@code at}: a 7zAES coder with properties, whose first byte holds the rounds. */
    private static void checkCoder(byte[] header, int at, int end) throws SealedArchive.Failure {
        int flags = header[at] & 0xff;
        if ((flags & 0x0f) != AES.length || (flags & 0x20) == 0) {
            return;
        }
        int[] pos = {at + 1 + AES.length};
        if ((flags & 0x10) != 0) {
            number(header, pos, end);
            number(header, pos, end);
        }
        long propsSize = number(header, pos, end);
        if (propsSize > 0 && pos[0] < end) {
            checkCycles(header[pos[0]]);
        }
    }

    /** The rounds the key derivation named by a 7zAES properties' first byte costs. */
    private static long checkCycles(byte first) throws SealedArchive.Failure {
        int cycles = first & 0x3f;
        if (cycles == RAW_KEY) {
            return 0;
        }
        if (cycles > MAX_CYCLES_POWER) {
            throw new SealedArchive.Failure(
                    "unsupported 7zAES key derivation of 2^" + cycles + " rounds (7-Zip accepts" + " at most 2^"
                            + MAX_CYCLES_POWER + ")",
                    null);
        }
        return 1L << cycles;
    }

    /** A 7z number at {@code pos[0]}: the leading one bits of the first byte say how many bytes follow. */
    private static long number(byte[] b, int[] pos, int end) {
        if (pos[0] >= end) {
            return 0;
        }
        int first = b[pos[0]++] & 0xff;
        long value = 0;
        int mask = 0x80;
        for (int i = 0; i < 8; i++) {
            if ((first & mask) == 0) {
                return value | (long) (first & (mask - 1)) << (8 * i);
            }
            value |= (long) (pos[0] < end ? b[pos[0]++] & 0xff : 0) << (8 * i);
            mask >>>= 1;
        }
        return value;
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field f = type.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }
}
