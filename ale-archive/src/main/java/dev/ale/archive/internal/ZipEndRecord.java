package dev.ale.archive.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apiguardian.api.API;

/**
 * What a zip's end records claim, read before anything else of the zip: the entry counts, and
 * where the central directory is and how long, from the end of central directory record and, when
 * it points to one, the ZIP64 end record, found the way the zip reader finds them (the last end
 * record signature within the 64 KiB comment window, the ZIP64 locator just before it).
 *
 * @param onThisDisk    the entries the record says this disk holds
 * @param total         the entries the record says the archive holds
 * @param centralOffset where the record says the central directory starts
 * @param centralSize   how many bytes the record says the central directory takes
 * @param centralEnd    where the central directory must end: at the ZIP64 end record, or the end record
 * @param split         whether a disk number is not 0: a part of a split (multi-disk) archive
 */
@API(status = INTERNAL)
public record ZipEndRecord(
        long onThisDisk, long total, long centralOffset, long centralSize, long centralEnd, boolean split) {
    private static final int END = 0x06054b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int CENTRAL_SIZE = 46;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_END = 0x06064b50;
    private static final int END_SIZE = 22;
    private static final int LOCATOR_SIZE = 20;
    private static final int ZIP64_END_SIZE = 56;

    /** Reads the end records of the zip at {@code file}; an IOException when they cannot be found. */
    public static ZipEndRecord read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            int window = (int) Math.min(size, END_SIZE + 0xFFFF + LOCATOR_SIZE);
            ByteBuffer tail = read(ch, size - window, window);
            for (int at = window - END_SIZE; at >= 0; at--) {
                if (tail.getInt(at) == END) {
                    boolean split = tail.getInt(at + 4) != 0;
                    long disk = tail.getShort(at + 8) & 0xFFFF;
                    long total = tail.getShort(at + 10) & 0xFFFF;
                    long centralSize = tail.getInt(at + 12) & 0xFFFFFFFFL;
                    long centralOffset = tail.getInt(at + 16) & 0xFFFFFFFFL;
                    if (at >= LOCATOR_SIZE && tail.getInt(at - LOCATOR_SIZE) == ZIP64_LOCATOR) {
                        int locator = at - LOCATOR_SIZE;
                        return zip64(ch, tail.getLong(locator + 8), size, tail.getInt(locator + 4) != 0);
                    }
                    return new ZipEndRecord(disk, total, centralOffset, centralSize, size - window + at, split);
                }
            }
            throw new IOException("no end of central directory record");
        }
    }

    private static ZipEndRecord zip64(FileChannel ch, long offset, long size, boolean split) throws IOException {
        if (offset < 0 || offset > size - ZIP64_END_SIZE) {
            throw new IOException("the ZIP64 locator points outside the file");
        }
        ByteBuffer record = read(ch, offset, ZIP64_END_SIZE);
        if (record.getInt(0) != ZIP64_END) {
            throw new IOException("no ZIP64 end of central directory record where its locator points");
        }
        return new ZipEndRecord(
                record.getLong(24),
                record.getLong(32),
                record.getLong(48),
                record.getLong(40),
                offset,
                split || record.getLong(16) != 0);
    }

    /** Whether the central directory the record describes ends exactly where the end records begin. */
    public boolean centralDirectoryFits() {
        return centralOffset >= 0 && centralSize >= 0 && centralOffset + centralSize == centralEnd;
    }

    /**
     * Counts the records of the central directory by walking their headers (nothing is kept), up
     * to {@code stopAt}: a bound on the work a zip reader will do, whatever the counts claim.
     */
    public long countRecords(Path file, long stopAt) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
                InputStream in =
                        new BufferedInputStream(Channels.newInputStream(ch.position(centralOffset)), 1 << 16)) {
            byte[] header = new byte[CENTRAL_SIZE];
            ByteBuffer b = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
            long count = 0;
            long at = 0;
            while (count < stopAt && at + CENTRAL_SIZE <= centralSize) {
                if (in.readNBytes(header, 0, CENTRAL_SIZE) < CENTRAL_SIZE || b.getInt(0) != CENTRAL) {
                    break;
                }
                long rest = (b.getShort(28) & 0xFFFFL) + (b.getShort(30) & 0xFFFFL) + (b.getShort(32) & 0xFFFFL);
                in.skipNBytes(Math.min(rest, centralSize - at - CENTRAL_SIZE));
                at += CENTRAL_SIZE + rest;
                count++;
            }
            return count;
        }
    }

    public static ByteBuffer read(FileChannel ch, long position, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, position + b.position()) < 0) {
                throw new IOException("unexpected end of file");
            }
        }
        return b.flip();
    }
}
