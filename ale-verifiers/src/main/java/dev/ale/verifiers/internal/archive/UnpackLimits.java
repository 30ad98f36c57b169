package dev.ale.verifiers.internal.archive;

import dev.ale.archive.ArchiveLimits;
import dev.ale.archive.ArchiveLimits.Limit;
import dev.ale.verifiers.internal.support.Options;
import java.math.BigDecimal;

/**
 * Caps on what an {@code archive} verifier unpacks: entries (files and directories), bytes of one
 * entry, bytes in total, and the expansion ratio (bytes out / bytes in, checked once more than
 * {@link #RATIO_GRACE} bytes came out: for the whole archive against its file size, for each zip
 * entry against its compressed size, for a gzip stream so far). Every option is a whole number > 0.
 */
record UnpackLimits(long maxEntries, long maxEntryBytes, long maxTotalBytes, long maxRatio) {
    /** Output below this many bytes is never a ratio violation (tiny files compress very well). */
    static final long RATIO_GRACE = 1L << 20;

    static final UnpackLimits DEFAULTS = new UnpackLimits(10_000, 64L << 20, 256L << 20, 100);

    /** The limits of the {@code limits} object; absent options keep their defaults. */
    static UnpackLimits read(Options o) {
        return new UnpackLimits(
                positive(o, "maxEntries", DEFAULTS.maxEntries),
                positive(o, "maxEntryBytes", DEFAULTS.maxEntryBytes),
                positive(o, "maxTotalBytes", DEFAULTS.maxTotalBytes),
                positive(o, "maxRatio", DEFAULTS.maxRatio));
    }

    /** These caps as the archive reader takes them; a refusal names the option of {@code limits} to raise. */
    ArchiveLimits forReader() {
        return new ArchiveLimits(
                maxEntries,
                maxEntryBytes,
                maxTotalBytes,
                maxRatio,
                RATIO_GRACE,
                limit -> " (limits." + (limit == Limit.MAX_COMPRESSION_RATIO ? "maxRatio" : limit.key()) + ")");
    }

    private static long positive(Options o, String name, long fallback) {
        if (!o.has(name)) {
            return fallback;
        }
        BigDecimal d = o.decimal(name);
        if (d.signum() <= 0
                || d.stripTrailingZeros().scale() > 0
                || d.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw o.error(name, "must be a whole number > 0, got " + o.raw(name));
        }
        return d.longValueExact();
    }
}
