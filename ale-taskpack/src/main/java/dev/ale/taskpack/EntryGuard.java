package dev.ale.taskpack;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks the entries of an archive one by one as they are listed (count, duplicates, names,
 * file/folder conflicts, declared sizes) and collects the {@link Listing} of the safe ones.
 */
final class EntryGuard {
    private final PackLimits limits;
    private final Map<String, String> seen = new HashMap<>();
    private final TreeMap<String, Long> files = new TreeMap<>();
    private final TreeSet<String> folders = new TreeSet<>();
    private long count;
    private long declaredTotal;

    EntryGuard(PackLimits limits) {
        this.limits = limits;
    }

    /** Admits a regular file entry of the given declared size; returns its path. */
    String file(String name, long declaredSize) {
        String path = admit(name);
        if (folders.contains(path)) {
            throw EntryRules.refuse(name, "entry is both a file and a folder");
        }
        if (declaredSize < 0) {
            throw EntryRules.refuse(name, "entry size is unknown");
        }
        if (declaredSize > limits.maxEntryBytes()) {
            throw EntryRules.refuse(
                    name,
                    "entry is larger than the limit of " + limits.maxEntryBytes() + " bytes"
                            + PackLimits.raise("maxEntryBytes"));
        }
        declaredTotal += declaredSize;
        if (declaredTotal > limits.maxTotalBytes()) {
            throw EntryRules.refuse(
                    name,
                    "the entries add up to more than the limit of " + limits.maxTotalBytes() + " bytes"
                            + PackLimits.raise("maxTotalBytes"));
        }
        files.put(path, declaredSize);
        return path;
    }

    /** Admits a folder entry; returns its path (without the trailing '/'). */
    String folder(String name) {
        String path = admit(name.endsWith("/") ? name : name + "/");
        folders.add(path);
        return path;
    }

    /** What was admitted so far. */
    Listing listing() {
        return new Listing(files, folders);
    }

    private String admit(String name) {
        count++;
        if (count > limits.maxEntries()) {
            throw EntryRules.refuse(
                    name,
                    "too many entries (the limit is " + limits.maxEntries() + ")" + PackLimits.raise("maxEntries"));
        }
        String key = EntryRules.key(name);
        String earlier = seen.putIfAbsent(key, name);
        if (earlier != null) {
            throw EntryRules.refuse(name, "duplicate entry (the same path as '" + EntryRules.printable(earlier) + "')");
        }
        EntryRules.check(name);
        String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            String parent = path.substring(0, slash);
            if (files.containsKey(parent)) {
                throw EntryRules.refuse(name, "entry is inside '" + parent + "', which is a file");
            }
            folders.add(parent);
        }
        return path;
    }
}
