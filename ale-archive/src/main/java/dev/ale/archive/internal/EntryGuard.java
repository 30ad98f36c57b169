package dev.ale.archive.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.ale.archive.ArchiveLimits;
import dev.ale.archive.ArchiveLimits.Limit;
import dev.ale.archive.Listing;
import dev.ale.archive.NamePolicy;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * Checks the entries of an archive one by one as they are listed (count, duplicates, names,
 * file/folder conflicts, declared sizes) and collects the {@link Listing} of the safe ones.
 */
@API(status = INTERNAL)
public final class EntryGuard {
    private final ArchiveLimits limits;
    private final NamePolicy names;
    private final Map<String, String> seen;
    private final TreeMap<String, Long> files = new TreeMap<>();
    /**
     * The folders so far, unordered (each file adds its parents: a hash lookup, not a tree's). Every
     * parent of a folder here is here too, and no name is both here and in {@link #files}.
     */
    private final Set<String> folders;

    private long count;
    private long declaredTotal;

    public EntryGuard(ArchiveLimits limits, NamePolicy names) {
        this(limits, names, 0);
    }

    /** A guard for an archive whose listing says how many entries follow: its tables sized once. */
    public EntryGuard(ArchiveLimits limits, NamePolicy names, int expectedEntries) {
        this.limits = limits;
        this.names = names;
        int capacity = (int) Math.min(1 << 24, Math.max(16, expectedEntries * 4L / 3 + 1));
        this.seen = new HashMap<>(capacity);
        this.folders = new HashSet<>(capacity);
    }

    /** Admits a regular file entry of the given declared size; returns its path. */
    public String file(String name, long declaredSize) {
        String path = admit(name, false);
        if (path.isEmpty()) {
            throw EntryRules.refuse(name, "a file entry names the archive's root");
        }
        if (folders.contains(path)) {
            throw EntryRules.refuse(name, "entry is both a file and a folder");
        }
        if (declaredSize < 0) {
            throw EntryRules.refuse(name, "entry size is unknown");
        }
        if (declaredSize > limits.maxEntryBytes()) {
            throw EntryRules.refuse(name, tooLarge(limits));
        }
        declaredTotal += declaredSize;
        if (declaredTotal > limits.maxTotalBytes()) {
            throw EntryRules.refuse(name, overTotal(limits));
        }
        files.put(path, declaredSize);
        return path;
    }

    /** Admits a folder entry; returns its path (without the trailing '/'; empty for the root). */
    public String folder(String name) {
        String path = admit(name.endsWith("/") ? name : name + "/", true);
        if (!path.isEmpty()) {
            folders.add(path);
        }
        return path;
    }

    /** The sizes the files admitted so far declare, together. */
    public long declaredTotal() {
        return declaredTotal;
    }

    /** What was admitted so far. */
    public Listing listing() {
        return new Listing(files, new TreeSet<>(folders), count);
    }

    /** The rule broken by an entry over {@code maxEntryBytes}. */
    public static String tooLarge(ArchiveLimits limits) {
        return "entry is larger than the limit of " + limits.maxEntryBytes() + " bytes"
                + limits.hint(Limit.MAX_ENTRY_BYTES);
    }

    /** The rule broken when the entries add up to more than {@code maxTotalBytes}. */
    public static String overTotal(ArchiveLimits limits) {
        return "the entries add up to more than the limit of " + limits.maxTotalBytes() + " bytes"
                + limits.hint(Limit.MAX_TOTAL_BYTES);
    }

    /** The rule broken by output over the compression ratio; {@code detail} (may be empty) says by how much. */
    public static String overRatio(ArchiveLimits limits, String detail) {
        return "compression ratio over the limit of " + limits.maxCompressionRatio() + detail
                + limits.hint(Limit.MAX_COMPRESSION_RATIO);
    }

    private String admit(String name, boolean folder) {
        count++;
        if (count > limits.maxEntries()) {
            throw EntryRules.refuse(
                    name,
                    "too many entries (the limit is " + limits.maxEntries() + ")" + limits.hint(Limit.MAX_ENTRIES));
        }
        String key = EntryRules.key(name);
        String earlier = seen.putIfAbsent(key, name);
        boolean folderAgain = folder && names == NamePolicy.NORMALIZED && earlier != null && earlier.endsWith("/");
        if (earlier != null && !folderAgain) {
            throw EntryRules.refuse(name, "duplicate entry (the same path as '" + EntryRules.printable(earlier) + "')");
        }
        EntryRules.check(name, names);
        // the parents, deepest first, up to one known already: its own parents are known too, and a
        // known folder is no file (no more than one parent can be a file, so which is found first
        // does not change the message)
        for (int slash = key.lastIndexOf('/'); slash >= 0; slash = key.lastIndexOf('/', slash - 1)) {
            String parent = key.substring(0, slash);
            if (folders.contains(parent)) {
                break;
            }
            if (files.containsKey(parent)) {
                throw EntryRules.refuse(name, "entry is inside '" + parent + "', which is a file");
            }
            folders.add(parent);
        }
        return key;
    }
}
