package dev.ale.archive.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.ale.api.task.TaskPackException;
import dev.ale.archive.ArchiveLimits;
import dev.ale.archive.ArchiveLimits.Limit;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarUtils;
import org.apiguardian.api.API;

/**
 * Follows the 512-byte blocks of a tar stream as the tar reader consumes them, and checks what the
 * reader does not: the checksum of every header block (extended PAX headers and GNU long-name headers
 * included), that names are valid UTF-8 (the reader would decode each bad byte as '?'), and whether
 * the end-of-archive marker (a block of zeros) was reached, and it bounds the number of headers
 * ({@link ArchiveLimits#maxTarHeaders()}). It tracks where the next header starts from the
 * header's size field, or the {@code size} record of the PAX headers that apply.
 */
@API(status = INTERNAL)
public final class TarBlocks {
    /** The size of a tar block. */
    public static final int BLOCK = 512;
    /** The most header data (long names, extended headers, skipped data) read to reach one entry. */
    public static final long MAX_HEADER_BYTES = 1 << 20;

    private final String archive;
    private final ArchiveLimits limits;
    private long headers;
    /** The data of every extended header and long name so far. */
    private long metaTotal;

    private final byte[] block = new byte[BLOCK];
    private int filled;
    /** Bytes of entry data and padding still to pass before the next header. */
    private long skip;
    /** The data of a PAX or GNU long-name header being collected, else null. */
    private ByteArrayOutputStream meta;

    private byte metaType;
    private long metaLeft;
    private final Map<String, byte[]> global = new HashMap<>();
    private Map<String, byte[]> local = new HashMap<>();
    private byte[] longName;
    private boolean ended;
    private boolean sparse;

    public TarBlocks(String archive, ArchiveLimits limits) {
        this.archive = archive;
        this.limits = limits;
    }

    /** Whether the end-of-archive marker was read (or a sparse entry, which the extractor refuses, was met). */
    public boolean complete() {
        return ended || sparse;
    }

    /** Follows {@code len} more bytes of the stream. */
    public void accept(byte[] b, int off, int len) {
        while (len > 0 && !complete()) {
            int n;
            if (skip > 0) {
                n = (int) Math.min(len, skip);
                if (meta != null) {
                    int m = (int) Math.min(n, metaLeft);
                    meta.write(b, off, m);
                    metaLeft -= m;
                    if (metaLeft == 0) {
                        metaDone();
                    }
                }
                skip -= n;
            } else {
                n = Math.min(len, BLOCK - filled);
                System.arraycopy(b, off, block, filled, n);
                filled += n;
                if (filled == BLOCK) {
                    filled = 0;
                    header();
                }
            }
            off += n;
            len -= n;
        }
    }

    private void header() {
        if (isZero(block)) {
            ended = true;
            return;
        }
        if (++headers > limits.maxTarHeaders()) {
            throw new TaskPackException(
                    archive,
                    "",
                    "more than " + limits.maxTarHeaders() + " tar headers (four for each entry allowed)"
                            + limits.hint(Limit.MAX_ENTRIES));
        }
        String shown = new String(block, 0, nameLength(0, 100), StandardCharsets.UTF_8);
        if (!TarUtils.verifyCheckSum(block)) {
            throw EntryRules.refuse(shown, "corrupt tar header (checksum mismatch)");
        }
        long size;
        try {
            size = TarUtils.parseOctalOrBinary(block, 124, 12);
        } catch (IllegalArgumentException e) {
            throw EntryRules.refuse(shown, "corrupt tar header (bad size field)");
        }
        byte type = block[156];
        if (type == 'x' || type == 'g' || type == 'L' || type == 'K') {
            if (size < 0 || size > MAX_HEADER_BYTES) {
                throw new TaskPackException(
                        archive,
                        "",
                        "tar header data (long names or extended headers) over the limit of " + MAX_HEADER_BYTES
                                + " bytes for one entry");
            }
            metaTotal += size;
            if (metaTotal > maxMetaBytes()) {
                throw new TaskPackException(
                        archive,
                        "",
                        "tar extended headers and long names over the limit of " + maxMetaBytes()
                                + " bytes in all (16 MiB, or 1 KiB for each entry allowed)"
                                + limits.hint(Limit.MAX_ENTRIES));
            }
            meta = new ByteArrayOutputStream((int) size);
            metaType = type;
            metaLeft = size;
            skip = padded(size);
            if (size == 0) {
                metaDone();
            }
            return;
        }
        if (type == 'S') {
            sparse = true;
            return;
        }
        Map<String, byte[]> pax = new HashMap<>(global);
        pax.putAll(local);
        pax.values().removeIf(v -> v.length == 0);
        local = new HashMap<>();
        if (pax.keySet().stream().anyMatch(k -> k.startsWith("GNU.sparse"))) {
            sparse = true;
            return;
        }
        checkName(pax.get("path"));
        longName = null;
        byte[] paxSize = pax.get("size");
        if (paxSize != null) {
            try {
                size = Long.parseLong(new String(paxSize, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                throw EntryRules.refuse(shown, "corrupt extended header (size is not a number)");
            }
        }
        skip = size < 0 ? 0 : padded(size);
    }

    /** The name of the entry must be valid UTF-8: the PAX path, else the GNU long name, else the header's name and prefix. */
    private void checkName(byte[] paxPath) {
        if (paxPath != null) {
            EntryRules.utf8Name(paxPath, 0, paxPath.length);
        } else if (longName != null) {
            int len = longName.length;
            while (len > 0 && longName[len - 1] == 0) {
                len--;
            }
            EntryRules.utf8Name(longName, 0, len);
        } else {
            boolean ustar = Arrays.equals(block, 257, 263, "ustar\0".getBytes(StandardCharsets.US_ASCII), 0, 6);
            int prefix = ustar ? nameLength(345, 155) : 0;
            byte[] name = new byte[prefix + nameLength(0, 100)];
            System.arraycopy(block, 345, name, 0, prefix);
            System.arraycopy(block, 0, name, prefix, name.length - prefix);
            EntryRules.utf8Name(name, 0, name.length);
        }
    }

    private void metaDone() {
        byte[] data = meta.toByteArray();
        meta = null;
        switch (metaType) {
            case 'L' -> longName = data;
            case 'x' -> records(data, local);
            case 'g' -> records(data, global);
            default -> {} // 'K', a long link name: links are refused
        }
    }

    /** Reads PAX records ({@code "<length> <key>=<value>\n"}, the length counting the whole record) into {@code into}. */
    private void records(byte[] data, Map<String, byte[]> into) {
        int at = 0;
        while (at < data.length) {
            if (data[at] == '\n') {
                at++; // a blank line, which the tar reader skips too
                continue;
            }
            int space = at;
            long length = 0;
            while (space < data.length && data[space] >= '0' && data[space] <= '9' && length <= data.length) {
                length = length * 10 + data[space++] - '0';
            }
            if (space == at || space >= data.length || data[space] != ' ' || length > data.length - at) {
                throw corruptRecord(at);
            }
            int end = at + (int) length;
            int eq = space + 1;
            while (eq < end && data[eq] != '=') {
                eq++;
            }
            if (eq >= end || data[end - 1] != '\n') {
                throw corruptRecord(at);
            }
            into.put(
                    new String(data, space + 1, eq - space - 1, StandardCharsets.UTF_8),
                    Arrays.copyOfRange(data, eq + 1, end - 1));
            at = end;
        }
    }

    private TaskPackException corruptRecord(int at) {
        return new TaskPackException(archive, "", "corrupt extended (PAX) header: bad record at byte " + at);
    }

    /** Refuses a stream that ended (or whose reader stopped) before the end-of-archive marker. */
    public void requireEnd() {
        if (!complete()) {
            throw new TaskPackException(archive, "", "truncated archive (no end-of-archive marker)");
        }
    }

    /** The most extended header and long name data of one archive: 16 MiB, or 1 KiB for each entry allowed. */
    private long maxMetaBytes() {
        return Math.max(16 * MAX_HEADER_BYTES, Math.min(limits.maxEntries(), Long.MAX_VALUE >> 10) << 10);
    }

    private int nameLength(int from, int max) {
        int n = 0;
        while (n < max && block[from + n] != 0) {
            n++;
        }
        return n;
    }

    private static long padded(long size) {
        return (size + BLOCK - 1) / BLOCK * BLOCK;
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
