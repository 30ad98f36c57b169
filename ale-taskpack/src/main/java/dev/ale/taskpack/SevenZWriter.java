package dev.ale.taskpack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes a sealed reference: a 7z archive whose files sit in one solid folder stored with Copy
 * inside 7zAES (AES-256-CBC, SHA-256 key derivation of 2^19 rounds, as 7-Zip does), with CRCs and
 * UTF-16LE names, and whose header is encrypted the same way ({@code kEncodedHeader}), so neither
 * names nor contents show without the key. Commons Compress reads such archives but cannot write
 * them. Salt and IVs are HMAC-SHA256 values of the key over the content, so the same files and key
 * always give the same bytes; no times or attributes are stored.
 */
final class SevenZWriter {
    /** Opens the content of one file. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    /** One file: its '/'-separated name in the archive, its size and its content. */
    record Item(String name, long size, Opener content) {}

    private SevenZWriter() {}

    /** Writes the archive of {@code items} (in this order; at least one) to {@code out}, from its start. */
    static void write(List<Item> items, char[] key, SeekableByteChannel out) throws IOException {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a sealed archive holds at least one file");
        }
        byte[] password = SevenZ.passwordBytes(key);
        byte[] aesKey = null;
        try {
            byte[] digest = contentDigest(items);
            byte[] salt = derive(password, "salt", digest);
            byte[] contentIv = derive(password, "content iv", digest);
            byte[] headerIv = derive(password, "header iv", digest);
            aesKey = SevenZ.deriveKey(password, salt, SevenZ.CYCLES_POWER);
            out.position(SevenZ.SIGNATURE_HEADER);
            long[] crcs = new long[items.size()];
            long dataSize = encryptContent(items, crcs, SevenZ.cipher(Cipher.ENCRYPT_MODE, aesKey, contentIv), out);
            long dataPack = padded(dataSize);
            byte[] header = header(items, crcs, dataSize, dataPack, props(salt, contentIv));
            Cipher headerCipher = SevenZ.cipher(Cipher.ENCRYPT_MODE, aesKey, headerIv);
            byte[] headerPack = headerCipher.doFinal(Arrays.copyOf(header, (int) padded(header.length)));
            writeFully(out, headerPack);
            SevenZOut encoded = new SevenZOut();
            encoded.write(SevenZ.ENCODED_HEADER);
            encoded.write(SevenZ.PACK_INFO);
            encoded.number(dataPack).number(1);
            encoded.write(SevenZ.SIZE);
            encoded.number(headerPack.length);
            encoded.write(SevenZ.END);
            encoded.folder(props(salt, headerIv), header.length);
            encoded.write(SevenZ.CRC);
            encoded.write(1);
            encoded.uint32(SevenZ.crc(header, 0, header.length));
            encoded.write(SevenZ.END);
            encoded.write(SevenZ.END);
            byte[] next = encoded.toByteArray();
            writeFully(out, next);
            out.position(0);
            writeFully(out, signatureHeader(dataPack + headerPack.length, next));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC failed", e);
        } finally {
            Arrays.fill(password, (byte) 0);
            if (aesKey != null) {
                Arrays.fill(aesKey, (byte) 0);
            }
        }
    }

    /** SHA-256 over each file's name, a 0x00 byte, its size (8 bytes big-endian) and its content. */
    private static byte[] contentDigest(List<Item> items) throws IOException {
        MessageDigest sha = Digests.sha256();
        byte[] buffer = new byte[1 << 16];
        for (Item item : items) {
            sha.update(item.name().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(ByteBuffer.allocate(Long.BYTES).putLong(item.size()).array());
            try (InputStream in = item.content().open()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    sha.update(buffer, 0, n);
                }
            }
        }
        return sha.digest();
    }

    /** 16 bytes of HMAC-SHA256(password, "ale-seal/" + label + 0x00 + digest). */
    private static byte[] derive(byte[] password, String label, byte[] digest) throws IOException {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(password, "HmacSHA256"));
            mac.update(("ale-seal/" + label).getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Arrays.copyOf(mac.doFinal(digest), SevenZ.BLOCK);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no HmacSHA256", e);
        }
    }

    /** 7zAES properties: cycles with the salt and IV flags, the sizes less one, the salt, the IV. */
    private static byte[] props(byte[] salt, byte[] iv) {
        byte[] p = new byte[2 + salt.length + iv.length];
        p[0] = (byte) (SevenZ.CYCLES_POWER | 0x80 | 0x40);
        p[1] = (byte) ((salt.length - 1) << 4 | (iv.length - 1));
        System.arraycopy(salt, 0, p, 2, salt.length);
        System.arraycopy(iv, 0, p, 2 + salt.length, iv.length);
        return p;
    }

    /** Encrypts the files one after the other (zero-padded to a block at the end); returns their total size. */
    private static long encryptContent(List<Item> items, long[] crcs, Cipher cipher, SeekableByteChannel out)
            throws IOException, GeneralSecurityException {
        byte[] buffer = new byte[1 << 16];
        byte[] encrypted = new byte[buffer.length + SevenZ.BLOCK];
        long total = 0;
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            CRC32 crc = new CRC32();
            long count = 0;
            try (InputStream in = item.content().open()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    crc.update(buffer, 0, n);
                    count += n;
                    encryptBlock(cipher, buffer, n, encrypted, out);
                }
            }
            if (count != item.size()) {
                throw new IOException(
                        item.name() + " changed while it was sealed: " + count + " bytes, not " + item.size());
            }
            crcs[i] = crc.getValue();
            total += count;
        }
        int pad = (int) (padded(total) - total);
        encryptBlock(cipher, new byte[pad], pad, encrypted, out);
        writeFully(out, cipher.doFinal());
        return total;
    }

    private static void encryptBlock(Cipher cipher, byte[] in, int length, byte[] scratch, SeekableByteChannel out)
            throws IOException, ShortBufferException {
        int n = cipher.update(in, 0, length, scratch);
        out.write(ByteBuffer.wrap(scratch, 0, n));
    }

    /** The plain header: the solid folder, its files' sizes and CRCs, which files are empty, the names. */
    private static byte[] header(List<Item> items, long[] crcs, long dataSize, long dataPack, byte[] props) {
        SevenZOut h = new SevenZOut();
        h.write(SevenZ.HEADER);
        boolean[] empty = new boolean[items.size()];
        int streams = 0;
        for (int i = 0; i < items.size(); i++) {
            empty[i] = items.get(i).size() == 0;
            streams += empty[i] ? 0 : 1;
        }
        if (streams > 0) {
            h.write(SevenZ.MAIN_STREAMS);
            h.write(SevenZ.PACK_INFO);
            h.number(0).number(1);
            h.write(SevenZ.SIZE);
            h.number(dataPack);
            h.write(SevenZ.END);
            h.folder(props, dataSize);
            h.write(SevenZ.END);
            h.write(SevenZ.SUBSTREAMS_INFO);
            h.write(SevenZ.NUM_UNPACK_STREAM);
            h.number(streams);
            if (streams > 1) {
                h.write(SevenZ.SIZE);
                int written = 0;
                for (Item item : items) {
                    if (item.size() > 0 && ++written < streams) {
                        h.number(item.size());
                    }
                }
            }
            h.write(SevenZ.CRC);
            h.write(1);
            for (int i = 0; i < items.size(); i++) {
                if (!empty[i]) {
                    h.uint32(crcs[i]);
                }
            }
            h.write(SevenZ.END);
            h.write(SevenZ.END);
        }
        h.write(SevenZ.FILES_INFO);
        h.number(items.size());
        if (streams < items.size()) {
            byte[] emptyStreams = SevenZOut.bits(empty);
            h.write(SevenZ.EMPTY_STREAM);
            h.number(emptyStreams.length);
            h.writeBytes(emptyStreams);
            boolean[] files = new boolean[items.size() - streams];
            Arrays.fill(files, true);
            byte[] emptyFiles = SevenZOut.bits(files);
            h.write(SevenZ.EMPTY_FILE);
            h.number(emptyFiles.length);
            h.writeBytes(emptyFiles);
        }
        SevenZOut names = new SevenZOut();
        names.write(0);
        for (Item item : items) {
            names.writeBytes(item.name().getBytes(StandardCharsets.UTF_16LE));
            names.write(0);
            names.write(0);
        }
        h.write(SevenZ.NAME);
        h.number(names.size());
        h.writeBytes(names.toByteArray());
        h.write(SevenZ.END);
        h.write(SevenZ.END);
        return h.toByteArray();
    }

    private static byte[] signatureHeader(long nextOffset, byte[] next) {
        ByteBuffer start = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
        start.putLong(nextOffset).putLong(next.length).putInt((int) SevenZ.crc(next, 0, next.length));
        ByteBuffer b = ByteBuffer.allocate(SevenZ.SIGNATURE_HEADER).order(ByteOrder.LITTLE_ENDIAN);
        b.put(SevenZ.SIGNATURE).put((byte) 0).put((byte) 4);
        b.putInt((int) SevenZ.crc(start.array(), 0, 20));
        b.put(start.array());
        return b.array();
    }

    private static long padded(long size) {
        return (size + SevenZ.BLOCK - 1) / SevenZ.BLOCK * SevenZ.BLOCK;
    }

    private static void writeFully(SeekableByteChannel out, byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            out.write(b);
        }
    }
}
