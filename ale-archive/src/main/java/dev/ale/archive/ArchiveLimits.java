package dev.ale.archive;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Objects;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * The caps an archive is read within. A refusal for a limit names it and ends with {@link #hint},
 * so each caller says in its own terms how to raise it (a pack limit, a verifier option).
 *
 * @param maxEntries          the most entries (files and folders) an archive may hold
 * @param maxEntryBytes       the largest uncompressed size of one entry
 * @param maxTotalBytes       the largest uncompressed size of all entries together
 * @param maxCompressionRatio the largest uncompressed / compressed ratio (of a zip entry, a whole
 *                            zip, a gzip stream so far), applied above {@code ratioFloorBytes}
 * @param ratioFloorBytes     output smaller than this is never a ratio violation
 * @param hints               what a refusal adds after its rule for each limit
 */
@API(status = INTERNAL)
public record ArchiveLimits(
        long maxEntries,
        long maxEntryBytes,
        long maxTotalBytes,
        double maxCompressionRatio,
        long ratioFloorBytes,
        Function<Limit, String> hints) {
    /** No limits at all: for what is already on disk (a pack directory). */
    public static final ArchiveLimits NONE =
            new ArchiveLimits(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Double.MAX_VALUE, 0, limit -> "");

    /** The limits a refusal can name. */
    @API(status = INTERNAL)
    public enum Limit {
        MAX_ENTRIES("maxEntries"),
        MAX_ENTRY_BYTES("maxEntryBytes"),
        MAX_TOTAL_BYTES("maxTotalBytes"),
        MAX_COMPRESSION_RATIO("maxCompressionRatio");

        private final String key;

        Limit(String key) {
            this.key = key;
        }

        /** The limit's name, as {@code PackLimits} spells it. */
        public String key() {
            return key;
        }
    }

    public ArchiveLimits {
        Objects.requireNonNull(hints, "hints");
    }

    /** What a refusal for {@code limit} adds after its rule: which limit it was and how to raise it. */
    public String hint(Limit limit) {
        return hints.apply(limit);
    }

    /** Whether {@code uncompressed / compressed} is over the ratio limit. */
    public boolean overRatio(long uncompressed, long compressed) {
        return uncompressed > maxCompressionRatio * Math.max(compressed, 1);
    }

    /** The most tar headers (entries, extended headers, long names) a tar may have: four an entry. */
    public long maxTarHeaders() {
        return maxEntries > (Long.MAX_VALUE - 4) / 4 ? Long.MAX_VALUE : maxEntries * 4 + 4;
    }
}
