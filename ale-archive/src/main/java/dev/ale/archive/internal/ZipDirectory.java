package dev.ale.archive.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The records of a zip's central directory, read once, front to back, through one buffer: what
 * each record says of its entry (raw name, made-by host, flags, method, CRC, sizes, local header
 * offset, external attributes), the ZIP64 extra field applied where a size or the offset is
 * {@code 0xFFFFFFFF}. Nothing else is parsed (no times, no other extra fields).
 */
@API(status = INTERNAL)
public final class ZipDirectory {
    private static final int CENTRAL = 0x02014b50;
    private static final int CENTRAL_SIZE = 46;
    private static final int ZIP64_EXTRA = 0x0001;
    private static final long MAGIC = 0xFFFFFFFFL;
    private static final int UNIX = 3;
    private static final int ENCRYPTED = 1;
    private static final int STRONG_ENCRYPTION = 1 << 6;

    private ZipDirectory() {}

    /**
     * One record of the central directory.
     *
     * @param rawName        the name's bytes as stored
     * @param madeBy         the "version made by" field (its high byte is the host system)
     * @param flags          the general purpose flags
     * @param method         the compression method
     * @param crc            the CRC-32 of the data
     * @param compressedSize the size of the stored (compressed) data
     * @param size           the size of the data once inflated
     * @param localOffset    where the entry's local header starts
     * @param attributes     the external file attributes
     */
    @API(status = INTERNAL)
    public record Record(
            byte[] rawName,
            int madeBy,
            int flags,
            int method,
            long crc,
            long compressedSize,
            long size,
            long localOffset,
            long attributes) {
        /** The name decoded as UTF-8 (malformed bytes replaced), for messages. */
        public String name() {
            return new String(rawName, StandardCharsets.UTF_8);
        }

        /** Whether the name ends with '/'. */
        public boolean directory() {
            return rawName.length > 0 && rawName[rawName.length - 1] == '/';
        }

        /** The Unix mode of an entry made on Unix (the high half of the external attributes), else 0. */
        public int unixMode() {
            return ((madeBy >> 8) & 0x0F) == UNIX ? (int) ((attributes >> 16) & 0xFFFF) : 0;
        }

        /** Whether the flags mark the entry encrypted (traditional or strong encryption). */
        public boolean encrypted() {
            return (flags & (ENCRYPTED | STRONG_ENCRYPTION)) != 0;
        }
    }

    /**
     * Reads the records from {@code end}'s central directory on, as long as a record's signature
     * starts where the previous record ends, before the end records and for at most {@code stopAt}
     * records.
     *
     * @throws IOException when a record runs past the end of the file, puts its local header after
     *     the central directory's start, or claims a ZIP64 size or offset without the ZIP64 extra
     *     field that holds it
     */
    public static List<Record> read(FileChannel ch, ZipEndRecord end, long stopAt) throws IOException {
        List<Record> records = new ArrayList<>((int) Math.min(Math.max(end.total(), 0), 1 << 20));
        InputStream in = new BufferedInputStream(Channels.newInputStream(ch.position(end.centralOffset())), 1 << 16);
        byte[] header = new byte[CENTRAL_SIZE];
        ByteBuffer b = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        long at = end.centralOffset();
        while (records.size() < stopAt && at + 4 <= end.centralEnd()) {
            int got = in.readNBytes(header, 0, CENTRAL_SIZE);
            if (got >= 4 && b.getInt(0) != CENTRAL) {
                break;
            }
            if (got < CENTRAL_SIZE) {
                throw new EOFException("a central directory record runs past the end of the file");
            }
            int nameLength = b.getShort(28) & 0xFFFF;
            int extraLength = b.getShort(30) & 0xFFFF;
            int commentLength = b.getShort(32) & 0xFFFF;
            byte[] name = exactly(in, nameLength);
            byte[] extra = exactly(in, extraLength);
            in.skipNBytes(commentLength);
            long compressed = b.getInt(20) & MAGIC;
            long size = b.getInt(24) & MAGIC;
            long offset = b.getInt(42) & MAGIC;
            if (compressed == MAGIC || size == MAGIC || offset == MAGIC) {
                ByteBuffer zip64 = zip64(extra);
                size = size == MAGIC ? next(zip64) : size;
                compressed = compressed == MAGIC ? next(zip64) : compressed;
                offset = offset == MAGIC ? next(zip64) : offset;
            }
            if (offset > end.centralOffset()) {
                throw new IOException(
                        "local file header for " + EntryRules.printable(new String(name, StandardCharsets.UTF_8))
                                + " starts after central directory");
            }
            records.add(new Record(
                    name,
                    b.getShort(4) & 0xFFFF,
                    b.getShort(8) & 0xFFFF,
                    b.getShort(10) & 0xFFFF,
                    b.getInt(16) & MAGIC,
                    compressed,
                    size,
                    offset,
                    b.getInt(38) & MAGIC));
            at += CENTRAL_SIZE + nameLength + extraLength + commentLength;
        }
        return records;
    }

    private static byte[] exactly(InputStream in, int length) throws IOException {
        byte[] bytes = new byte[length];
        if (in.readNBytes(bytes, 0, length) < length) {
            throw new EOFException("a central directory record runs past the end of the file");
        }
        return bytes;
    }

    /** The data of the ZIP64 extra field among {@code extra}'s fields. */
    private static ByteBuffer zip64(byte[] extra) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(extra).order(ByteOrder.LITTLE_ENDIAN);
        while (b.remaining() >= 4) {
            int id = b.getShort() & 0xFFFF;
            int length = b.getShort() & 0xFFFF;
            if (length > b.remaining()) {
                break;
            }
            if (id == ZIP64_EXTRA) {
                return b.slice(b.position(), length).order(ByteOrder.LITTLE_ENDIAN);
            }
            b.position(b.position() + length);
        }
        throw new IOException("a ZIP64 size or offset without the ZIP64 extra field that holds it");
    }

    private static long next(ByteBuffer zip64) throws IOException {
        if (zip64.remaining() < Long.BYTES) {
            throw new IOException("a ZIP64 extra field too short for the sizes and offset it must hold");
        }
        long value = zip64.getLong();
        if (value < 0) {
            throw new IOException("a ZIP64 size or offset over 2^63");
        }
        return value;
    }
}
