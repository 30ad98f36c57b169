package dev.ale.archive.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.ale.api.task.TaskPackException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Refuses zips that two zip readers could read differently (a reader that walks the local headers
 * from the start, and one that trusts the central directory): the first local header must be at
 * byte 0, each entry's local header must give the name its central directory record gives, and
 * the entries must follow one another with nothing between them and no overlap, the last one
 * ending where the central directory starts. A local header after the central directory's start, or
 * data that runs into it, is an unreadable zip (an IOException), as to Commons Compress's reader.
 */
@API(status = INTERNAL)
public final class ZipLayout {
    private static final int LOCAL = 0x04034b50;
    private static final int DESCRIPTOR = 0x08074b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int LOCAL_SIZE = 30;
    private static final int DATA_DESCRIPTOR_FLAG = 1 << 3;

    private ZipLayout() {}

    /**
     * Checks the entries (in any order) of the zip read through {@code ch} against its end record.
     *
     * @return where each entry's data starts (after its local header), in the order of {@code entries}
     */
    public static long[] check(FileChannel ch, List<ZipDirectory.Record> entries, ZipEndRecord end, String location)
            throws IOException {
        Integer[] sorted = new Integer[entries.size()];
        Arrays.setAll(sorted, i -> i);
        Arrays.sort(sorted, Comparator.comparingLong(i -> entries.get(i).localOffset()));
        long[] starts = new long[entries.size()];
        long size = ch.size();
        Headers headers = new Headers(ch, size);
        long expected = 0;
        ZipDirectory.Record previous = null;
        for (int i : sorted) {
            ZipDirectory.Record e = entries.get(i);
            long at = e.localOffset();
            if (at != expected) {
                throw gap(location, previous, e, at, expected);
            }
            expected = afterEntry(headers, size, end.centralOffset(), e, at, starts, i);
            previous = e;
        }
        if (expected != end.centralOffset()) {
            String rule = expected < end.centralOffset()
                    ? (end.centralOffset() - expected) + " bytes of data between the last entry and the central"
                            + " directory: a zip that two readers could read differently"
                    : "overlapping entries: the last entry runs into the central directory";
            throw previous == null
                    ? new TaskPackException(location, "", rule)
                    : EntryRules.refuse(previous.name(), rule);
        }
        return starts;
    }

    private static TaskPackException gap(
            String location, ZipDirectory.Record previous, ZipDirectory.Record e, long at, long expected) {
        if (previous == null) {
            return new TaskPackException(
                    location,
                    "",
                    at + " bytes of data before the first local header (of '" + EntryRules.printable(e.name())
                            + "'): a zip that two readers could read differently");
        }
        String next = EntryRules.printable(e.name());
        if (at < expected) {
            return EntryRules.refuse(
                    previous.name(),
                    "overlapping entries: its data as the central directory" + " sizes it runs into the next entry ('"
                            + next + "')");
        }
        return EntryRules.refuse(
                previous.name(),
                (at - expected) + " bytes of data between this entry and the next" + " ('" + next
                        + "'): a zip that two readers could read differently");
    }

    /**
     * Checks the local header of {@code e} at {@code at}, puts where its data starts into
     * {@code starts[index]} and returns where the next entry must start.
     */
    private static long afterEntry(
            Headers headers, long size, long centralOffset, ZipDirectory.Record e, long at, long[] starts, int index)
            throws IOException {
        if (at + LOCAL_SIZE > size) {
            throw EntryRules.refuse(e.name(), "its local header lies past the end of the file");
        }
        byte[] central = e.rawName();
        ByteBuffer header =
                headers.read(at, (int) Math.min(LOCAL_SIZE + central.length, size - at), e.compressedSize());
        if (header.getInt(0) != LOCAL) {
            throw EntryRules.refuse(e.name(), "no local header where the central directory says the entry is");
        }
        int flags = header.getShort(6) & 0xFFFF;
        int nameLength = header.getShort(26) & 0xFFFF;
        int extraLength = header.getShort(28) & 0xFFFF;
        byte[] local = new byte[nameLength];
        if (nameLength > 0) {
            if (nameLength == central.length && header.limit() == LOCAL_SIZE + nameLength) {
                header.get(LOCAL_SIZE, local);
            } else {
                headers.read(at + LOCAL_SIZE, nameLength, e.compressedSize()).get(0, local);
            }
        }
        if (!Arrays.equals(local, central)) {
            throw EntryRules.refuse(
                    e.name(),
                    "the local header names it '" + EntryRules.printable(new String(local, StandardCharsets.UTF_8))
                            + "', the central directory '"
                            + EntryRules.printable(e.name()) + "'");
        }
        starts[index] = at + LOCAL_SIZE + nameLength + extraLength;
        long dataEnd = starts[index] + e.compressedSize();
        if (dataEnd > centralOffset) {
            throw new IOException("data for " + EntryRules.printable(e.name()) + " overlaps with central directory.");
        }
        if ((flags & DATA_DESCRIPTOR_FLAG) == 0) {
            return dataEnd;
        }
        return dataEnd + descriptorLength(headers, size, dataEnd);
    }

    /** The length of the data descriptor at {@code at}: 12 or 20 bytes (ZIP64), plus 4 with its signature. */
    private static long descriptorLength(Headers headers, long size, long at) throws IOException {
        boolean signed = at + 4 <= size && headers.read(at, 4, 0).getInt(0) == DESCRIPTOR;
        // the ZIP64 form (8-byte sizes) is told apart by what follows: the next local header or the central directory
        long plain = (signed ? 4 : 0) + 12;
        long next = at + plain;
        if (next + 4 <= size) {
            int sig = headers.read(next, 4, 0).getInt(0);
            if (sig == LOCAL || sig == CENTRAL) {
                return plain;
            }
        }
        return plain + 8;
    }

    /**
     * The archive's bytes around its local headers, read through one buffer: where entries are
     * small, one positional read brings many headers (a read per entry cost more than the rest of
     * the check); past a large entry only the header is read.
     */
    private static final class Headers {
        private static final int WINDOW = 64 * 1024;

        private final FileChannel ch;
        private final long size;
        private final ByteBuffer window =
                ByteBuffer.allocate(WINDOW).order(ByteOrder.LITTLE_ENDIAN).limit(0);
        private long start;

        Headers(FileChannel ch, long size) {
            this.ch = ch;
            this.size = size;
        }

        /**
         * The {@code length} bytes at {@code at}, little-endian from index 0.
         *
         * @param dataBytes the compressed size of the entry whose header this is: below half the
         *                  window, the next headers are likely to be read along with it
         * @throws IOException when the file ends first
         */
        ByteBuffer read(long at, int length, long dataBytes) throws IOException {
            if (length > size - at) {
                throw new IOException("unexpected end of file");
            }
            if (length > WINDOW) {
                return ZipEndRecord.read(ch, at, length);
            }
            if (at < start || at + length > start + window.limit()) {
                int want = dataBytes < WINDOW / 2 ? (int) Math.min(WINDOW, size - at) : length;
                window.clear().limit(want);
                while (window.hasRemaining()) {
                    if (ch.read(window, at + window.position()) < 0) {
                        throw new IOException("unexpected end of file");
                    }
                }
                window.flip();
                start = at;
            }
            return window.slice((int) (at - start), length).order(ByteOrder.LITTLE_ENDIAN);
        }
    }
}
