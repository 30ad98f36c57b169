package dev.ale.archive.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.ale.api.AleException;
import dev.ale.archive.ArchiveLimits;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import org.apache.commons.compress.utils.InputStreamStatistics;
import org.apiguardian.api.API;

/**
 * Reads one entry while counting the bytes actually delivered, never trusting a header: it refuses
 * more bytes than the entry's size, an actual compression ratio (inflated bytes over compressed
 * bytes consumed, for compressed entries) over the limit, fewer bytes than the size at the end,
 * and, when the entry declares one, data whose CRC-32 is not the declared one. Refusals are
 * {@link dev.ale.api.task.TaskPackException}s naming the entry; other library failures become IOExceptions.
 */
@API(status = INTERNAL)
public final class BoundedInput extends ChunkInput {
    private final String entry;
    private final long expectedSize;
    private final long compressedSize;
    private final ArchiveLimits limits;
    private final long expectedCrc;
    private final CRC32 crc;
    private long count;

    private BoundedInput(
            InputStream in,
            String entry,
            long expectedSize,
            long compressedSize,
            long expectedCrc,
            ArchiveLimits limits) {
        super(in);
        this.entry = entry;
        this.expectedSize = expectedSize;
        this.compressedSize = compressedSize;
        this.expectedCrc = expectedCrc;
        this.crc = expectedCrc >= 0 ? new CRC32() : null;
        this.limits = limits;
    }

    /** Exactly {@code size} bytes of a file whose size is known (a listed file on disk). */
    public static BoundedInput exact(InputStream in, String entry, long size) {
        return new BoundedInput(in, entry, size, -1, -1, ArchiveLimits.NONE);
    }

    /**
     * Exactly {@code size} bytes of a compressed entry, within the ratio limit.
     *
     * @param compressedSize the entry's compressed size (the stream's own count is used when it keeps one)
     * @param crc            the CRC-32 the entry declares, or -1 when it declares none
     */
    public static BoundedInput compressed(
            InputStream in, String entry, long size, long compressedSize, long crc, ArchiveLimits limits) {
        return new BoundedInput(in, entry, size, compressedSize, crc, limits);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n;
        try {
            n = in.read(b, off, len);
        } catch (AleException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IOException("corrupt data: " + e, e);
        }
        if (n < 0) {
            if (count < expectedSize) {
                throw EntryRules.refuse(
                        entry, "entry holds fewer bytes (" + count + ") than its size says (" + expectedSize + ")");
            }
            if (crc != null && crc.getValue() != expectedCrc) {
                throw EntryRules.refuse(entry, "entry fails its CRC check (its data is damaged)");
            }
            return n;
        }
        count += n;
        if (count > expectedSize) {
            throw EntryRules.refuse(entry, "entry holds more bytes than its size says (" + expectedSize + ")");
        }
        if (compressedSize >= 0 && count > limits.ratioFloorBytes() && limits.overRatio(count, compressedSoFar())) {
            throw EntryRules.refuse(entry, EntryGuard.overRatio(limits, ""));
        }
        if (crc != null) {
            crc.update(b, off, n);
        }
        return n;
    }

    /** The compressed bytes consumed so far when the stream counts them, else the declared compressed size. */
    private long compressedSoFar() {
        return in instanceof InputStreamStatistics stats ? stats.getCompressedCount() : compressedSize;
    }
}
