package dev.ale.taskpack;

import dev.ale.api.AleException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.utils.InputStreamStatistics;

/**
 * Reads one entry while counting the bytes actually delivered, never trusting a header: it refuses
 * more bytes than the entry's size or the per-entry limit, an actual compression ratio (inflated
 * bytes over compressed bytes consumed, for compressed entries) over the limit, and fewer bytes
 * than the size at the end. Refusals are
 * {@link dev.ale.api.task.TaskPackException}s naming the entry; other library failures become IOExceptions.
 */
final class BoundedInput extends ChunkInput {
    private final String entry;
    private final long expectedSize;
    private final long maxBytes;
    private final long compressedSize;
    private final PackLimits limits;
    private long count;

    /**
     * @param expectedSize   the size the listing gave the entry
     * @param maxBytes       the most bytes one entry may have
     * @param compressedSize the entry's compressed size, or -1 when the ratio rule does not apply
     * @param limits         the ratio limit and floor (may be null when compressedSize is -1)
     */
    BoundedInput(
            InputStream in, String entry, long expectedSize, long maxBytes, long compressedSize, PackLimits limits) {
        super(in);
        this.entry = entry;
        this.expectedSize = expectedSize;
        this.maxBytes = maxBytes;
        this.compressedSize = compressedSize;
        this.limits = limits;
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
            return n;
        }
        count += n;
        if (count > maxBytes) {
            throw EntryRules.refuse(
                    entry,
                    "entry is larger than the limit of " + maxBytes + " bytes" + PackLimits.raise("maxEntryBytes"));
        }
        if (count > expectedSize) {
            throw EntryRules.refuse(entry, "entry holds more bytes than its size says (" + expectedSize + ")");
        }
        if (compressedSize >= 0 && count > limits.ratioFloorBytes() && overRatio(count, compressedSoFar(), limits)) {
            throw EntryRules.refuse(
                    entry,
                    "compression ratio over the limit of " + limits.maxCompressionRatio()
                            + PackLimits.raise("maxCompressionRatio"));
        }
        return n;
    }

    /** The compressed bytes consumed so far when the stream counts them, else the declared compressed size. */
    private long compressedSoFar() {
        return in instanceof InputStreamStatistics stats ? stats.getCompressedCount() : compressedSize;
    }

    /** Whether {@code uncompressed / compressed} is over the ratio limit. */
    static boolean overRatio(long uncompressed, long compressed, PackLimits limits) {
        return uncompressed > limits.maxCompressionRatio() * Math.max(compressed, 1);
    }
}
