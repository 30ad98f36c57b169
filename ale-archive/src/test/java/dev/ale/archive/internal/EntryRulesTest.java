package dev.ale.archive.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ale.api.task.TaskPackException;
import dev.ale.archive.NamePolicy;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * EntryRules walks a name's segments by index. These properties hold it to what splitting the name
 * on '/' gives, on many random names built from the characters the rules care about.
 */
class EntryRulesTest {
    private static final String[] PIECES = {
        "a", "b", "é", ".", "..", "/", "/", "//", "x".repeat(86), "\u20ac".repeat(86)
    };

    @Test
    void keyDropsEmptyAndDotSegmentsExactlyAsSplittingWould() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            String name = randomName(random);
            assertEquals(keyBySplit(name), EntryRules.key(name), name);
        }
    }

    @Test
    void theSegmentRulesRefuseExactlyWhatSplittingWouldRefuse() {
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            String name = randomName(random);
            for (NamePolicy policy : NamePolicy.values()) {
                assertEquals(ruleBySplit(name, policy), rule(name, policy), name + " " + policy);
            }
        }
    }

    @Test
    void aNameThatIsItsOwnKeyIsReturnedAsItIs() {
        String name = "tasks/a/task.json";
        assertEquals(name, EntryRules.key(name));
        assertEquals("a/b", EntryRules.key("./a//b/"));
        assertEquals("", EntryRules.key("./"));
    }

    private static String randomName(Random random) {
        StringBuilder b = new StringBuilder();
        for (int n = random.nextInt(7); n > 0; n--) {
            b.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return b.toString();
    }

    /** The rule check gives, or null; names that break a rule checked before the segments are left out. */
    private static String rule(String name, NamePolicy policy) {
        try {
            EntryRules.check(name, policy);
            return null;
        } catch (TaskPackException e) {
            return e.rule();
        }
    }

    /** The segment rules as they read when written with split: the oracle. */
    private static String ruleBySplit(String name, NamePolicy policy) {
        if (name.isEmpty() && policy == NamePolicy.CANONICAL) {
            return "empty entry name";
        }
        if (name.startsWith("/")) {
            return "absolute path (entry names must be relative to the archive's root)";
        }
        String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        String[] segments = path.split("/", -1);
        for (String segment : segments) {
            if (segment.equals("..")) {
                return "path escapes the archive ('..' segment)";
            }
        }
        if (name.length() > EntryRules.MAX_NAME) {
            return "name longer than " + EntryRules.MAX_NAME + " characters";
        }
        int depth = 0;
        for (String segment : segments) {
            boolean skipped = segment.isEmpty() || segment.equals(".");
            if (skipped && policy == NamePolicy.CANONICAL) {
                return segment.isEmpty() ? "empty path segment" : "'.' path segment";
            }
            if (segment.getBytes(StandardCharsets.UTF_8).length > EntryRules.MAX_SEGMENT_BYTES) {
                return "a name segment over " + EntryRules.MAX_SEGMENT_BYTES + " bytes";
            }
            depth += skipped ? 0 : 1;
        }
        return depth > EntryRules.MAX_DEPTH ? "nested deeper than " + EntryRules.MAX_DEPTH + " levels" : null;
    }

    private static String keyBySplit(String name) {
        StringBuilder b = new StringBuilder();
        for (String segment : name.split("/")) {
            if (!segment.isEmpty() && !segment.equals(".")) {
                b.append(b.length() > 0 ? "/" : "").append(segment);
            }
        }
        return b.toString();
    }
}
