package dev.ale.taskpack;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the sealed-archive writer needs of the 7z format (7-Zip's {@code 7zFormat.txt}):
 * the signature, the property ids, the method ids of Copy and 7zAES, and 7zAES's key derivation
 * (SHA-256 over salt, UTF-16LE password and an 8-byte counter, 2^cycles rounds) and cipher
 * (AES-256-CBC without padding: the sizes in the header say where the data ends).
 */
final class SevenZ {
    static final byte[] SIGNATURE = {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C};
    /** The signature header: signature, version, start header CRC, next header offset, size and CRC. */
    static final int SIGNATURE_HEADER = 32;

    static final int END = 0x00;
    static final int HEADER = 0x01;
    static final int MAIN_STREAMS = 0x04;
    static final int FILES_INFO = 0x05;
    static final int PACK_INFO = 0x06;
    static final int UNPACK_INFO = 0x07;
    static final int SUBSTREAMS_INFO = 0x08;
    static final int SIZE = 0x09;
    static final int CRC = 0x0A;
    static final int FOLDER = 0x0B;
    static final int CODERS_UNPACK_SIZE = 0x0C;
    static final int NUM_UNPACK_STREAM = 0x0D;
    static final int EMPTY_STREAM = 0x0E;
    static final int EMPTY_FILE = 0x0F;
    static final int NAME = 0x11;
    static final int ENCODED_HEADER = 0x17;
    static final byte[] COPY = {0x00};
    static final byte[] AES = {0x06, (byte) 0xF1, 0x07, 0x01};
    /** The key-derivation rounds (a power of two) 7-Zip uses. */
    static final int CYCLES_POWER = 19;

    static final int BLOCK = 16;

    private SevenZ() {}

    /** The password bytes 7-Zip derives keys from: the key's UTF-16LE encoding. The caller wipes them. */
    static byte[] passwordBytes(char[] key) {
        ByteBuffer encoded = StandardCharsets.UTF_16LE.encode(CharBuffer.wrap(key));
        byte[] out = new byte[encoded.remaining()];
        encoded.get(out);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return out;
    }

    /** The AES-256 key of 7zAES: SHA-256 over (salt, password, 8-byte little-endian round number) for 2^cycles rounds. */
    static byte[] deriveKey(byte[] password, byte[] salt, int cyclesPower) {
        MessageDigest sha = Digests.sha256();
        byte[] round = new byte[salt.length + password.length + 8];
        System.arraycopy(salt, 0, round, 0, salt.length);
        System.arraycopy(password, 0, round, salt.length, password.length);
        int counter = salt.length + password.length;
        for (long i = 0; i < 1L << cyclesPower; i++) {
            sha.update(round);
            for (int k = counter; k < round.length && ++round[k] == 0; k++) {
                // carry into the next byte of the little-endian counter
            }
        }
        Arrays.fill(round, (byte) 0);
        return sha.digest();
    }

    /** AES-256-CBC without padding, for {@link Cipher#ENCRYPT_MODE} or {@link Cipher#DECRYPT_MODE}. */
    static Cipher cipher(int mode, byte[] key, byte[] iv) {
        try {
            Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
            c.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot do AES-256-CBC", e);
        }
    }

    static long crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return crc.getValue();
    }
}
