package dev.ale.archive;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Collections;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * What an archive (or a pack directory) holds: its regular files (path to size) and its folders
 * (named or implied by a path), every name relative to the root with '/' separators and no
 * trailing '/'.
 *
 * @param entries how many entries the archive listed (folders it only implies not counted)
 */
@API(status = INTERNAL)
public record Listing(NavigableMap<String, Long> files, NavigableSet<String> folders, long entries) {
    /** An archive with nothing in it. */
    public static final Listing EMPTY = new Listing(new TreeMap<>(), new TreeSet<>(), 0);

    public Listing {
        files = Collections.unmodifiableNavigableMap(new TreeMap<>(files));
        folders = Collections.unmodifiableNavigableSet(new TreeSet<>(folders));
    }

    /** The bytes of all files together. */
    public long bytes() {
        long sum = 0;
        for (long size : files.values()) {
            sum += size;
        }
        return sum;
    }

    /** The files whose path starts with {@code prefix} (a folder name ending in '/'). */
    public SortedMap<String, Long> filesUnder(String prefix) {
        return files.subMap(prefix, after(prefix));
    }

    /**
     * The first string after every string that starts with {@code prefix}: its last character
     * incremented ({@code "a/"} gives {@code "a0"}), so the bound stays in the prefix's own
     * encoding and compares as fast; {@code prefix + U+FFFF} when the last character is U+FFFF.
     */
    private static String after(String prefix) {
        int last = prefix.length() - 1;
        if (last < 0 || prefix.charAt(last) == Character.MAX_VALUE) {
            return prefix + Character.MAX_VALUE;
        }
        return prefix.substring(0, last) + (char) (prefix.charAt(last) + 1);
    }

    /**
     * The names directly inside a folder ({@code ""} for the root, else a name ending in '/'),
     * each with a trailing '/' when it is a folder.
     */
    public NavigableSet<String> children(String prefix) {
        NavigableSet<String> out = new TreeSet<>();
        for (String f : filesUnder(prefix).keySet()) {
            String rest = f.substring(prefix.length());
            int slash = rest.indexOf('/');
            out.add(slash < 0 ? rest : rest.substring(0, slash + 1));
        }
        for (String d : folders.subSet(prefix, after(prefix))) {
            String rest = d.substring(prefix.length());
            if (!rest.isEmpty()) {
                int slash = rest.indexOf('/');
                out.add((slash < 0 ? rest : rest.substring(0, slash)) + "/");
            }
        }
        return out;
    }
}
