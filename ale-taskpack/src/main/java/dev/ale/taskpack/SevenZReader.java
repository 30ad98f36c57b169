package dev.ale.taskpack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;

/**
 * Reads a sealed reference held in memory: a 7z archive (7-Zip's {@code 7zFormat.txt}) whose
 * folders are stored with Copy and 7zAES only, each folder encrypted. Every size is checked against
 * the archive's bytes before anything is allocated, every CRC is checked, and as neither method
 * expands data, nothing decoded is larger than the archive. Each entry is shown to an
 * {@link EntryCheck} (names, types, sizes) before any content is decrypted.
 */
final class SevenZReader {
    /** One entry of the archive; {@code data[offset, offset + length)} is the content of a file. */
    record Entry(String name, boolean directory, byte[] data, int offset, int length) {}

    /** Sees every entry before its content is decrypted; throws to refuse it. */
    @FunctionalInterface
    interface EntryCheck {
        void check(String name, boolean directory, long size);
    }

    /** The archive cannot be read with this key; {@code wrongKey} when decryption gave bytes that fail their CRC. */
    static final class Failure extends IOException {
        private static final long serialVersionUID = 1L;
        final boolean wrongKey;

        Failure(String message, boolean wrongKey) {
            super(message);
            this.wrongKey = wrongKey;
        }
    }

    private final byte[] archive;
    private final byte[] password;
    private final Map<String, byte[]> keys = new HashMap<>();

    private SevenZReader(byte[] archive, byte[] password) {
        this.archive = archive;
        this.password = password;
    }

    /** Reads every entry of {@code archive}, decrypting with {@code key}. */
    static List<Entry> read(byte[] archive, char[] key, EntryCheck check) throws Failure {
        SevenZReader reader = new SevenZReader(archive, SevenZ.passwordBytes(key));
        try {
            return reader.read(check);
        } finally {
            Arrays.fill(reader.password, (byte) 0);
            reader.keys.values().forEach(k -> Arrays.fill(k, (byte) 0));
        }
    }

    private List<Entry> read(EntryCheck check) throws Failure {
        if (archive.length < SevenZ.SIGNATURE_HEADER || !Arrays.equals(archive, 0, 6, SevenZ.SIGNATURE, 0, 6)) {
            throw unreadable("not a 7z archive (no 7z signature)");
        }
        if (archive[6] != 0) {
            throw unreadable("unsupported 7z format version " + archive[6] + "." + archive[7]);
        }
        ByteBuffer start = ByteBuffer.wrap(archive, 8, 24).order(ByteOrder.LITTLE_ENDIAN);
        long startCrc = start.getInt() & 0xffffffffL;
        if (startCrc != SevenZ.crc(archive, 12, 20)) {
            throw unreadable("the archive is damaged (start header CRC mismatch)");
        }
        long nextOffset = start.getLong();
        long nextSize = start.getLong();
        long nextCrc = start.getInt() & 0xffffffffL;
        long room = archive.length - SevenZ.SIGNATURE_HEADER;
        if (nextOffset < 0 || nextSize <= 0 || nextOffset > room || nextSize > room - nextOffset) {
            throw unreadable("the archive is damaged or truncated (its header lies outside the file)");
        }
        int at = (int) (SevenZ.SIGNATURE_HEADER + nextOffset);
        if (nextCrc != SevenZ.crc(archive, at, (int) nextSize)) {
            throw unreadable("the archive is damaged (header CRC mismatch)");
        }
        SevenZIn h = new SevenZIn(archive, at, (int) nextSize);
        int id = h.u8();
        boolean encryptedHeader = id == SevenZ.ENCODED_HEADER;
        if (encryptedHeader) {
            SevenZStreams s = SevenZStreams.read(h, false);
            if (s.folders().size() != 1 || !s.folders().get(0).hasCrc()) {
                throw unreadable("the encoded header must be one folder with a CRC");
            }
            byte[] plain = decode(s, 0);
            if (s.folders().get(0).crc() != SevenZ.crc(plain, 0, plain.length)) {
                throw new Failure("wrong key: the archive's header does not decrypt (or the archive is damaged)", true);
            }
            h = new SevenZIn(plain, 0, plain.length);
            id = h.u8();
        }
        if (id != SevenZ.HEADER) {
            throw unreadable("no 7z header");
        }
        id = h.u8();
        if (id == SevenZ.ARCHIVE_PROPERTIES) {
            for (long type = h.number(); type != SevenZ.END; type = h.number()) {
                h.skip(h.count(Integer.MAX_VALUE));
            }
            id = h.u8();
        }
        if (id == SevenZ.ADDITIONAL_STREAMS) {
            throw unreadable("additional streams are not supported");
        }
        SevenZStreams main = SevenZStreams.EMPTY;
        if (id == SevenZ.MAIN_STREAMS) {
            main = SevenZStreams.read(h, true);
            id = h.u8();
        }
        List<SevenZFiles.File> files = List.of();
        if (id == SevenZ.FILES_INFO) {
            files = SevenZFiles.read(h);
            id = h.u8();
        }
        if (id != SevenZ.END) {
            throw unreadable("the header does not end where it should");
        }
        return entries(main, files, check, encryptedHeader);
    }

    private List<Entry> entries(
            SevenZStreams main, List<SevenZFiles.File> files, EntryCheck check, boolean encryptedHeader)
            throws Failure {
        long[] sizes = main.streamSizes();
        long withContent = files.stream().filter(SevenZFiles.File::hasStream).count();
        if (withContent != sizes.length) {
            throw unreadable(
                    "the header lists " + withContent + " files with content but " + sizes.length + " streams");
        }
        int next = 0;
        for (SevenZFiles.File f : files) {
            check.check(f.name(), f.directory(), f.hasStream() ? sizes[next++] : 0);
        }
        String damaged = encryptedHeader ? "the archive is damaged" : "wrong key, or the archive is damaged";
        List<Entry> out = new ArrayList<>();
        int folder = -1;
        int left = 0;
        byte[] data = null;
        int offset = 0;
        int stream = 0;
        for (SevenZFiles.File f : files) {
            if (!f.hasStream()) {
                out.add(new Entry(f.name(), f.directory(), new byte[0], 0, 0));
                continue;
            }
            while (left == 0) {
                folder++;
                data = decode(main, folder);
                SevenZStreams.Folder spec = main.folders().get(folder);
                if (spec.hasCrc() && spec.crc() != SevenZ.crc(data, 0, data.length)) {
                    throw new Failure(damaged + " (CRC mismatch in folder " + folder + ")", !encryptedHeader);
                }
                left = spec.substreams();
                offset = 0;
            }
            int length = (int) sizes[stream];
            if (main.streamCrcDefined(stream) && main.streamCrc(stream) != SevenZ.crc(data, offset, length)) {
                throw new Failure(
                        damaged + " (CRC mismatch in '" + EntryRules.printable(f.name()) + "')", !encryptedHeader);
            }
            out.add(new Entry(f.name(), false, data, offset, length));
            offset += length;
            left--;
            stream++;
        }
        return out;
    }

    /** Decodes folder {@code index}: its packed bytes through its coders, from the packed end to the output. */
    private byte[] decode(SevenZStreams s, int index) throws Failure {
        SevenZStreams.Folder folder = s.folders().get(index);
        long start = SevenZ.SIGNATURE_HEADER + s.packPosition(index);
        long size = s.packSize(index);
        if (start > archive.length || size > archive.length - start) {
            throw unreadable("the archive is truncated (packed data lies outside the file)");
        }
        if (folder.coders().stream().noneMatch(c -> Arrays.equals(c.method(), SevenZ.AES))) {
            throw unreadable("not encrypted: a sealed reference must be an AES-encrypted 7z (7zAES)");
        }
        byte[] data = Arrays.copyOfRange(archive, (int) start, (int) (start + size));
        for (SevenZStreams.Coder coder : folder.coders()) {
            if (coder.unpackSize() > data.length) {
                throw unreadable("a coder's output is larger than its input, which Copy and 7zAES never are");
            }
            if (Arrays.equals(coder.method(), SevenZ.AES)) {
                data = decrypt(coder.properties(), data);
            }
            data = data.length == coder.unpackSize() ? data : Arrays.copyOf(data, (int) coder.unpackSize());
        }
        return data;
    }

    private byte[] decrypt(byte[] props, byte[] data) throws Failure {
        if (props.length < 2) {
            throw unreadable("7zAES properties are too short");
        }
        int cycles = props[0] & 0x3f;
        int saltSize = ((props[0] >> 7) & 1) + ((props[1] & 0xff) >> 4);
        int ivSize = ((props[0] >> 6) & 1) + (props[1] & 0x0f);
        if (2 + saltSize + ivSize > props.length) {
            throw unreadable("7zAES properties are too short for their salt and IV");
        }
        if (cycles > SevenZ.MAX_CYCLES_POWER) {
            throw unreadable("unsupported 7zAES key derivation of 2^" + cycles + " rounds (at most 2^"
                    + SevenZ.MAX_CYCLES_POWER + ")");
        }
        if (data.length % SevenZ.BLOCK != 0) {
            throw unreadable("encrypted data is not a whole number of AES blocks");
        }
        byte[] salt = Arrays.copyOfRange(props, 2, 2 + saltSize);
        byte[] iv = Arrays.copyOf(Arrays.copyOfRange(props, 2 + saltSize, 2 + saltSize + ivSize), SevenZ.BLOCK);
        byte[] key =
                keys.computeIfAbsent(cycles + ":" + SevenZ.hex(salt), k -> SevenZ.deriveKey(password, salt, cycles));
        try {
            return SevenZ.cipher(Cipher.DECRYPT_MODE, key, iv).doFinal(data);
        } catch (java.security.GeneralSecurityException e) {
            throw unreadable("AES decryption failed: " + e.getMessage());
        }
    }

    static Failure unreadable(String why) {
        return new Failure(why, false);
    }
}
