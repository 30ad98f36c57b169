package dev.ale.archive.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.ale.api.task.TaskPackException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apiguardian.api.API;

/**
 * Refuses zips that two zip readers could read differently (a reader that walks the local headers
 * from the start, and one that trusts the central directory): the first local header must be at
 * byte 0, each entry's local header must give the name its central directory record gives, and
 * the entries must follow one another with nothing between them and no overlap, the last one
 * ending where the central directory starts.
 */
@API(status = INTERNAL)
public final class ZipLayout {
    private static final int LOCAL = 0x04034b50;
    private static final int DESCRIPTOR = 0x08074b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int LOCAL_SIZE = 30;
    private static final int DATA_DESCRIPTOR_FLAG = 1 << 3;

    private ZipLayout() {}

    /** Checks the entries (in any order) of the zip at {@code file} against its end record. */
    public static void check(Path file, List<ZipArchiveEntry> entries, ZipEndRecord end, String location)
            throws IOException {
        ZipArchiveEntry[] sorted = entries.toArray(new ZipArchiveEntry[0]);
        Arrays.sort(sorted, Comparator.comparingLong(ZipArchiveEntry::getLocalHeaderOffset));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long expected = 0;
            ZipArchiveEntry previous = null;
            for (ZipArchiveEntry e : sorted) {
                long at = e.getLocalHeaderOffset();
                if (at != expected) {
                    throw gap(location, previous, e, at, expected);
                }
                expected = afterEntry(ch, e, at);
                previous = e;
            }
            if (expected != end.centralOffset()) {
                String rule = expected < end.centralOffset()
                        ? (end.centralOffset() - expected) + " bytes of data between the last entry and the central"
                                + " directory: a zip that two readers could read differently"
                        : "overlapping entries: the last entry runs into the central directory";
                throw previous == null
                        ? new TaskPackException(location, "", rule)
                        : EntryRules.refuse(previous.getName(), rule);
            }
        }
    }

    private static TaskPackException gap(
            String location, ZipArchiveEntry previous, ZipArchiveEntry e, long at, long expected) {
        if (previous == null) {
            return new TaskPackException(
                    location,
                    "",
                    at + " bytes of data before the first local header (of '" + EntryRules.printable(e.getName())
                            + "'): a zip that two readers could read differently");
        }
        String next = EntryRules.printable(e.getName());
        if (at < expected) {
            return EntryRules.refuse(
                    previous.getName(),
                    "overlapping entries: its data as the central directory" + " sizes it runs into the next entry ('"
                            + next + "')");
        }
        return EntryRules.refuse(
                previous.getName(),
                (at - expected) + " bytes of data between this entry and the next" + " ('" + next
                        + "'): a zip that two readers could read differently");
    }

    /** Checks the local header of {@code e} and returns where the next entry must start. */
    private static long afterEntry(FileChannel ch, ZipArchiveEntry e, long at) throws IOException {
        if (at + LOCAL_SIZE > ch.size()) {
            throw EntryRules.refuse(e.getName(), "its local header lies past the end of the file");
        }
        ByteBuffer header = ZipEndRecord.read(ch, at, LOCAL_SIZE);
        if (header.getInt(0) != LOCAL) {
            throw EntryRules.refuse(e.getName(), "no local header where the central directory says the entry is");
        }
        int flags = header.getShort(6) & 0xFFFF;
        int nameLength = header.getShort(26) & 0xFFFF;
        int extraLength = header.getShort(28) & 0xFFFF;
        byte[] central = e.getRawName();
        byte[] local = new byte[nameLength];
        if (nameLength > 0) {
            ZipEndRecord.read(ch, at + LOCAL_SIZE, nameLength).get(local);
        }
        if (!Arrays.equals(local, central)) {
            throw EntryRules.refuse(
                    e.getName(),
                    "the local header names it '" + EntryRules.printable(new String(local, StandardCharsets.UTF_8))
                            + "', the central directory '"
                            + EntryRules.printable(e.getName()) + "'");
        }
        long dataEnd = at + LOCAL_SIZE + nameLength + extraLength + e.getCompressedSize();
        if ((flags & DATA_DESCRIPTOR_FLAG) == 0) {
            return dataEnd;
        }
        return dataEnd + descriptorLength(ch, dataEnd);
    }

    /** The length of the data descriptor at {@code at}: 12 or 20 bytes (ZIP64), plus 4 with its signature. */
    private static long descriptorLength(FileChannel ch, long at) throws IOException {
        boolean signed = at + 4 <= ch.size() && ZipEndRecord.read(ch, at, 4).getInt(0) == DESCRIPTOR;
        // the ZIP64 form (8-byte sizes) is told apart by what follows: the next local header or the central directory
        long plain = (signed ? 4 : 0) + 12;
        long next = at + plain;
        if (next + 4 <= ch.size()) {
            int sig = ZipEndRecord.read(ch, next, 4).getInt(0);
            if (sig == LOCAL || sig == CENTRAL) {
                return plain;
            }
        }
        return plain + 8;
    }
}
