package dev.ale.archive;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Collections;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

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
        String end = after(prefix);
        return end == null ? files.tailMap(prefix) : files.subMap(prefix, end);
    }

    /**
     * The first string after every string that starts with {@code prefix}: its last character
     * incremented ({@code "a/"} gives {@code "a0"}), so the bound stays in the prefix's own
     * encoding and compares as fast. Trailing U+FFFF characters, which cannot be incremented, are
     * dropped first; null when nothing is left (every string from {@code prefix} on starts with it).
     */
    private static @Nullable String after(String prefix) {
        int last = prefix.length() - 1;
        while (last >= 0 && prefix.charAt(last) == Character.MAX_VALUE) {
            last--;
        }
        return last < 0 ? null : prefix.substring(0, last) + (char) (prefix.charAt(last) + 1);
    }

    /** Whether {@code name} sorts before {@code end}, a bound of {@link #after} (null: no bound). */
    private static boolean before(String name, @Nullable String end) {
        return end == null || name.compareTo(end) < 0;
    }

    /**
     * The names directly inside a folder ({@code ""} for the root, else a name ending in '/'),
     * each with a trailing '/' when it is a folder, sorted.
     */
    public NavigableSet<String> children(String prefix) {
        NavigableSet<String> out = new TreeSet<>();
        forEachChild(prefix, out::add);
        return out;
    }

    /**
     * Gives {@code action} each name of {@link #children}, in no set order; a folder named by its
     * own entry and by what it holds may come twice. Each child's subtree is stepped over, not
     * walked, and no set is built: the cost grows with the children, not with everything below them.
     */
    public void forEachChild(String prefix, Consumer<String> action) {
        String end = after(prefix);
        int from = prefix.length();
        for (String f = files.ceilingKey(prefix); f != null && before(f, end); ) {
            int slash = f.indexOf('/', from);
            if (slash < 0) {
                action.accept(f.substring(from));
                f = files.higherKey(f);
            } else {
                // everything from here to after(child/) is below the child folder
                String child = f.substring(0, slash + 1);
                action.accept(child.substring(from));
                f = next(files.navigableKeySet(), after(child));
            }
        }
        for (String d = folders.ceiling(prefix); d != null && before(d, end); ) {
            if (d.length() == from) {
                d = folders.higher(d);
                continue;
            }
            int slash = d.indexOf('/', from);
            if (slash < 0) {
                action.accept(d.substring(from) + "/");
                d = folders.higher(d);
            } else {
                String child = d.substring(0, slash + 1);
                action.accept(child.substring(from));
                d = next(folders, after(child));
            }
        }
    }

    /** The first name at or after {@code bound} (null: there is none). */
    private static @Nullable String next(NavigableSet<String> names, @Nullable String bound) {
        return bound == null ? null : names.ceiling(bound);
    }
}
