package dev.ale.taskpack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The entry counts a zip's end records claim: the end of central directory record and, when it
 * points to one, the ZIP64 end record, found the way the zip reader finds them (the last end record
 * signature within the 64 KiB comment window, the ZIP64 locator just before it).
 *
 * @param onThisDisk the entries the record says this disk holds
 * @param total      the entries the record says the archive holds
 */
record ZipEndRecord(long onThisDisk, long total) {
    private static final int END = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_END = 0x06064b50;
    private static final int END_SIZE = 22;
    private static final int LOCATOR_SIZE = 20;
    private static final int ZIP64_END_SIZE = 56;

    /** Reads the claimed counts of the zip at {@code file}; an IOException when its end records cannot be found. */
    static ZipEndRecord read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            int window = (int) Math.min(size, END_SIZE + 0xFFFF + LOCATOR_SIZE);
            ByteBuffer tail = read(ch, size - window, window);
            for (int at = window - END_SIZE; at >= 0; at--) {
                if (tail.getInt(at) == END) {
                    long disk = tail.getShort(at + 8) & 0xFFFF;
                    long total = tail.getShort(at + 10) & 0xFFFF;
                    if (at >= LOCATOR_SIZE && tail.getInt(at - LOCATOR_SIZE) == ZIP64_LOCATOR) {
                        return zip64(ch, tail.getLong(at - LOCATOR_SIZE + 8), size);
                    }
                    return new ZipEndRecord(disk, total);
                }
            }
            throw new IOException("no end of central directory record");
        }
    }

    private static ZipEndRecord zip64(FileChannel ch, long offset, long size) throws IOException {
        if (offset < 0 || offset > size - ZIP64_END_SIZE) {
            throw new IOException("the ZIP64 locator points outside the file");
        }
        ByteBuffer record = read(ch, offset, ZIP64_END_SIZE);
        if (record.getInt(0) != ZIP64_END) {
            throw new IOException("no ZIP64 end of central directory record where its locator points");
        }
        return new ZipEndRecord(record.getLong(24), record.getLong(32));
    }

    private static ByteBuffer read(FileChannel ch, long position, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, position + b.position()) < 0) {
                throw new IOException("unexpected end of file");
            }
        }
        return b.flip();
    }
}
