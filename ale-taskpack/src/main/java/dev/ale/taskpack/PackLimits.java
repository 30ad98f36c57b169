package dev.ale.taskpack;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Safety limits applied while reading a pack; an archive over any of them is refused with a
 * {@link dev.ale.api.task.TaskPackException} naming the entry and the limit.
 *
 * @param maxEntries          the most entries (files and folders) an archive may hold
 * @param maxEntryBytes       the largest uncompressed size of one entry
 * @param maxTotalBytes       the largest uncompressed size of all entries together
 * @param maxCompressionRatio the largest uncompressed / compressed ratio of one entry (zip bombs);
 *                            applied to entries over {@code ratioFloorBytes} only
 * @param ratioFloorBytes     entries smaller than this are exempt from the ratio rule
 * @param maxJsonBytes        the largest {@code pack.json} or {@code task.json}
 */
@API(status = EXPERIMENTAL)
public record PackLimits(
        long maxEntries,
        long maxEntryBytes,
        long maxTotalBytes,
        double maxCompressionRatio,
        long ratioFloorBytes,
        long maxJsonBytes) {
    public PackLimits {
        if (maxEntries <= 0
                || maxEntryBytes <= 0
                || maxTotalBytes <= 0
                || !(maxCompressionRatio > 1)
                || ratioFloorBytes < 0
                || maxJsonBytes <= 0) {
            throw new IllegalArgumentException("pack limits must be positive (and the ratio > 1)");
        }
    }

    /** 100,000 entries, 1 GiB an entry, 8 GiB in all, ratio 200 over 1 MiB, JSON 4 MiB. */
    public static PackLimits defaults() {
        return new PackLimits(100_000, 1L << 30, 8L << 30, 200, 1L << 20, 4L << 20);
    }
}
