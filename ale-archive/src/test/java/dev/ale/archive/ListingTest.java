package dev.ale.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** A listing's children, which step over each child's subtree, against a walk of every name. */
class ListingTest {
    /** Characters that sort just before and after '/', one of two UTF-16 units, and U+FFFF. */
    private static final String ALPHABET = "ab-.0/\u00e9\uffff";

    @Test
    void childrenOfEveryFolderAreThoseAWalkOfEveryNameFinds() {
        Random random = new Random(2026_12_06L);
        for (int round = 0; round < 400; round++) {
            Listing listing = randomListing(random);
            List<String> prefixes = new ArrayList<>(List.of("", "zz/", "a-/"));
            listing.folders().forEach(d -> prefixes.add(d + "/"));
            listing.files().keySet().forEach(f -> prefixes.add(f + "/"));
            for (String prefix : prefixes) {
                assertEquals(
                        walked(listing, prefix), listing.children(prefix), "round " + round + ", '" + prefix + "'");
            }
        }
    }

    @Test
    void aFolderNamedOnlyByItsFilesAndOneListedBesideThem() {
        TreeMap<String, Long> files = new TreeMap<>();
        files.put("pack.json", 3L);
        files.put("tasks/t-1/task.json", 1L);
        files.put("tasks/t-1/inputs/a.csv", 1L);
        files.put("tasks/t-10/task.json", 1L);
        files.put("tasks/t-1.x/task.json", 1L);
        Listing listing =
                new Listing(files, new TreeSet<>(Set.of("tasks", "tasks/t-1", "tasks/t-2", "tasks/t-1/inputs")), 7);

        assertEquals(Set.of("pack.json", "tasks/"), listing.children(""));
        assertEquals(Set.of("t-1/", "t-1.x/", "t-10/", "t-2/"), listing.children("tasks/"));
        assertEquals(Set.of("task.json", "inputs/"), listing.children("tasks/t-1/"));
        assertEquals(Set.of(), listing.children("tasks/t-2/"));
    }

    /** Files and folders of one to four segments, every parent of a file a folder, as a guard leaves them. */
    private static Listing randomListing(Random random) {
        TreeMap<String, Long> files = new TreeMap<>();
        TreeSet<String> folders = new TreeSet<>();
        int names = 1 + random.nextInt(25);
        for (int i = 0; i < names; i++) {
            String path = randomPath(random);
            boolean folder = random.nextInt(4) == 0;
            if (folders.contains(path) || files.containsKey(path) || isBelowAFile(files, path)) {
                continue;
            }
            if (!folder && folders.stream().anyMatch(d -> d.startsWith(path + "/"))) {
                continue;
            }
            for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                folders.add(path.substring(0, slash));
            }
            if (folder) {
                folders.add(path);
            } else {
                files.put(path, (long) i);
            }
        }
        return new Listing(files, folders, names);
    }

    private static boolean isBelowAFile(TreeMap<String, Long> files, String path) {
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            if (files.containsKey(path.substring(0, slash))) {
                return true;
            }
        }
        return false;
    }

    private static String randomPath(Random random) {
        StringBuilder path = new StringBuilder();
        int segments = 1 + random.nextInt(4);
        for (int s = 0; s < segments; s++) {
            if (s > 0) {
                path.append('/');
            }
            int length = 1 + random.nextInt(3);
            for (int c = 0; c < length; c++) {
                char ch;
                do {
                    ch = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
                } while (ch == '/');
                path.append(ch);
            }
        }
        return path.toString();
    }

    /** Every name under {@code prefix}, cut after its first segment: what children used to do. */
    private static NavigableSet<String> walked(Listing listing, String prefix) {
        NavigableSet<String> out = new TreeSet<>();
        for (String f : listing.files().keySet()) {
            if (f.startsWith(prefix)) {
                String rest = f.substring(prefix.length());
                int slash = rest.indexOf('/');
                out.add(slash < 0 ? rest : rest.substring(0, slash + 1));
            }
        }
        for (String d : listing.folders()) {
            if (d.startsWith(prefix) && d.length() > prefix.length()) {
                String rest = d.substring(prefix.length());
                int slash = rest.indexOf('/');
                out.add((slash < 0 ? rest : rest.substring(0, slash)) + "/");
            }
        }
        return out;
    }
}
