package dev.ale.taskpack;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.ale.archive.ArchiveLimits;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Safety limits applied while reading a pack; an archive over any of them is refused with a
 * {@link dev.ale.api.task.TaskPackException} naming the entry, the limit and how to raise it. Build
 * other limits with {@link #builder()} (as Jackson's {@code StreamReadConstraints}); each limit
 * checks its own value and says what is wrong with it.
 *
 * @param maxEntries          the most entries (files and folders) an archive may hold
 * @param maxEntryBytes       the largest uncompressed size of one entry
 * @param maxTotalBytes       the largest uncompressed size of all entries together
 * @param maxCompressionRatio the largest uncompressed / compressed ratio of one entry (zip bombs);
 *                            applied to entries over {@code ratioFloorBytes} only
 * @param ratioFloorBytes     entries smaller than this are exempt from the ratio rule
 * @param maxJsonBytes        the largest {@code task.json}, and of {@code pack.json} unless the pack
 *                            is large: {@code pack.json} may take {@value #MANIFEST_BYTES_PER_FILE}
 *                            bytes per file of the pack, so the limit scales with the pack
 */
@API(status = EXPERIMENTAL)
public record PackLimits(
        long maxEntries,
        long maxEntryBytes,
        long maxTotalBytes,
        double maxCompressionRatio,
        long ratioFloorBytes,
        long maxJsonBytes) {
    /** How many bytes of {@code pack.json} each file of the pack allows beyond {@code maxJsonBytes}. */
    public static final int MANIFEST_BYTES_PER_FILE = 1024;

    /** The names of the limits, as {@link Builder#set} and the {@code ale --pack-limit} option take them. */
    public static final List<String> NAMES = List.of(
            "maxEntries", "maxEntryBytes", "maxTotalBytes", "maxCompressionRatio", "ratioFloorBytes", "maxJsonBytes");

    /** Checks each limit on its own. */
    public PackLimits {
        positive("maxEntries", maxEntries);
        positive("maxEntryBytes", maxEntryBytes);
        positive("maxTotalBytes", maxTotalBytes);
        if (!(maxCompressionRatio > 1) || Double.isInfinite(maxCompressionRatio)) {
            throw new IllegalArgumentException(
                    "maxCompressionRatio must be a finite number > 1, got " + maxCompressionRatio);
        }
        if (ratioFloorBytes < 0) {
            throw new IllegalArgumentException("ratioFloorBytes must be >= 0, got " + ratioFloorBytes);
        }
        positive("maxJsonBytes", maxJsonBytes);
    }

    /** 1,000,000 entries, 1 GiB an entry, 8 GiB in all, ratio 200 over 1 MiB, JSON 4 MiB. */
    public static PackLimits defaults() {
        return new PackLimits(1_000_000, 1L << 30, 8L << 30, 200, 1L << 20, 4L << 20);
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder(defaults());
    }

    /** A builder starting from these limits. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The largest {@code pack.json} of a pack of {@code files} files: scales with the pack. */
    long maxManifestBytes(long files) {
        return Math.max(maxJsonBytes, files * MANIFEST_BYTES_PER_FILE);
    }

    /** These limits as the archive reader takes them, each refusal saying how to raise its limit. */
    ArchiveLimits forArchives() {
        return new ArchiveLimits(
                maxEntries,
                maxEntryBytes,
                maxTotalBytes,
                maxCompressionRatio,
                ratioFloorBytes,
                limit -> raise(limit.key()));
    }

    /** What a refusal adds after its rule: which limit it was and how to raise it. */
    static String raise(String limit) {
        return " (PackLimits." + limit + "; raise it with PackLimits.builder()." + limit + "(...) or ale --pack-limit "
                + limit + "=N)";
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    /** Limits by name, each checked when {@link #build()} makes the record. */
    @API(status = EXPERIMENTAL)
    public static final class Builder {
        private long maxEntries;
        private long maxEntryBytes;
        private long maxTotalBytes;
        private double maxCompressionRatio;
        private long ratioFloorBytes;
        private long maxJsonBytes;

        private Builder(PackLimits from) {
            maxEntries = from.maxEntries;
            maxEntryBytes = from.maxEntryBytes;
            maxTotalBytes = from.maxTotalBytes;
            maxCompressionRatio = from.maxCompressionRatio;
            ratioFloorBytes = from.ratioFloorBytes;
            maxJsonBytes = from.maxJsonBytes;
        }

        /** The most entries an archive may hold. */
        public Builder maxEntries(long value) {
            maxEntries = value;
            return this;
        }

        /** The largest uncompressed size of one entry. */
        public Builder maxEntryBytes(long value) {
            maxEntryBytes = value;
            return this;
        }

        /** The largest uncompressed size of all entries together. */
        public Builder maxTotalBytes(long value) {
            maxTotalBytes = value;
            return this;
        }

        /** The largest uncompressed / compressed ratio of one entry over the floor. */
        public Builder maxCompressionRatio(double value) {
            maxCompressionRatio = value;
            return this;
        }

        /** Entries smaller than this are exempt from the ratio rule. */
        public Builder ratioFloorBytes(long value) {
            ratioFloorBytes = value;
            return this;
        }

        /** The largest task.json (and pack.json of a small pack). */
        public Builder maxJsonBytes(long value) {
            maxJsonBytes = value;
            return this;
        }

        /**
         * Sets the limit called {@code name} (one of {@link #NAMES}) from its text, as the command
         * line gives it: a whole number, or a number with {@code k}, {@code m}, {@code g} (KiB, MiB, GiB).
         *
         * @throws IllegalArgumentException naming the limit and what is wrong with the value
         */
        public Builder set(String name, String value) {
            if (name.equals("maxCompressionRatio")) {
                try {
                    return maxCompressionRatio(Double.parseDouble(value));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("maxCompressionRatio must be a number, got '" + value + "'", e);
                }
            }
            long n = size(name, value);
            return switch (name) {
                case "maxEntries" -> maxEntries(n);
                case "maxEntryBytes" -> maxEntryBytes(n);
                case "maxTotalBytes" -> maxTotalBytes(n);
                case "ratioFloorBytes" -> ratioFloorBytes(n);
                case "maxJsonBytes" -> maxJsonBytes(n);
                default -> throw new IllegalArgumentException(
                        "no pack limit '" + name + "'; the limits are " + String.join(", ", NAMES));
            };
        }

        private static long size(String name, String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            int shift = v.endsWith("k") ? 10 : v.endsWith("m") ? 20 : v.endsWith("g") ? 30 : 0;
            try {
                long n = Long.parseLong(shift == 0 ? v : v.substring(0, v.length() - 1));
                if (n > Long.MAX_VALUE >> shift) {
                    throw new IllegalArgumentException(name + " is too large: '" + value + "'");
                }
                return n << shift;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        name + " must be a whole number (optionally with k, m or g), got '" + value + "'", e);
            }
        }

        /** The limits, each checked. */
        public PackLimits build() {
            return new PackLimits(
                    maxEntries, maxEntryBytes, maxTotalBytes, maxCompressionRatio, ratioFloorBytes, maxJsonBytes);
        }
    }
}
