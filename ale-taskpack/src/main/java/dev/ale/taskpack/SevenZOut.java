package dev.ale.taskpack;

import java.io.ByteArrayOutputStream;

/** Writes 7z header bytes: 7z numbers, little-endian CRCs, bit vectors, folders (the writer's side of {@link SevenZIn}). */
final class SevenZOut extends ByteArrayOutputStream {
    /** A 7z number: the first byte's leading one bits say how many little-endian bytes follow. */
    SevenZOut number(long value) {
        int first = 0;
        int mask = 0x80;
        int i;
        for (i = 0; i < 8; i++) {
            if (value < 1L << (7 * (i + 1))) {
                first |= (int) (value >>> (8 * i));
                break;
            }
            first |= mask;
            mask >>>= 1;
        }
        write(first);
        for (; i > 0; i--) {
            write((int) value);
            value >>>= 8;
        }
        return this;
    }

    void uint32(long value) {
        for (int i = 0; i < 4; i++) {
            write((int) (value >>> (8 * i)));
        }
    }

    /** The unpack info of one folder: Copy (coder 0) bound to the output of 7zAES (coder 1), and both sizes. */
    void folder(byte[] props, long size) {
        write(SevenZ.UNPACK_INFO);
        write(SevenZ.FOLDER);
        number(1);
        write(0);
        number(2);
        write(SevenZ.COPY.length);
        writeBytes(SevenZ.COPY);
        write(0x20 | SevenZ.AES.length);
        writeBytes(SevenZ.AES);
        number(props.length);
        writeBytes(props);
        number(0).number(1);
        write(SevenZ.CODERS_UNPACK_SIZE);
        number(size).number(size);
    }

    /** A bit vector, first item in the high bit of the first byte. */
    static byte[] bits(boolean[] values) {
        byte[] out = new byte[(values.length + 7) / 8];
        for (int i = 0; i < values.length; i++) {
            if (values[i]) {
                out[i / 8] |= (byte) (0x80 >>> (i % 8));
            }
        }
        return out;
    }
}
