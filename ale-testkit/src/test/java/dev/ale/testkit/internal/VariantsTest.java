package dev.ale.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariantsTest {
    static final Map<String, byte[]> OUTPUT = Map.of(
            "b.txt",
            "bravo bravo".getBytes(StandardCharsets.UTF_8),
            "a/x.csv",
            "id,v\n1,2\n".getBytes(StandardCharsets.UTF_8));

    static List<String> names(List<Variant> vs) {
        return vs.stream().map(Variant::name).toList();
    }

    @Test
    void fuzzIsSeeded() {
        List<Variant> one = Variants.fuzzed(OUTPUT, 7, 100, 8);
        assertEquals(names(one), names(Variants.fuzzed(OUTPUT, 7, 100, 8)));
        assertArrayEquals(
                one.get(2).files().get("a/x.csv").seed(),
                Variants.fuzzed(OUTPUT, 7, 100, 8).get(2).files().get("a/x.csv").seed());
        assertNotEquals(names(one), names(Variants.fuzzed(OUTPUT, 8, 100, 8)));
    }

    @Test
    void fuzzCoversEmptyTruncatedRandomAndHuge() {
        List<String> names = names(Variants.fuzzed(OUTPUT, 7, 100, 8));
        assertEquals("empty workspace", names.get(0));
        assertTrue(names.get(1).startsWith("truncated a/x.csv to "), names.toString());
        assertEquals("random bytes in a/x.csv", names.get(2));
        assertTrue(names.get(3).startsWith("truncated b.txt"), names.toString());
        assertEquals("huge a/x.csv (100 bytes)", names.get(5));
        assertEquals(6, names.size());
        assertEquals(4, Variants.fuzzed(OUTPUT, 7, 100, 1).size(), "maxFiles caps the per-file variants");
    }

    @Test
    void aHugeFileIsWrittenToItsSize() throws Exception {
        try (Arena arena = Arena.create("T")) {
            Variant huge = Variants.fuzzed(OUTPUT, 7, 200_003, 8).get(5);
            arena.writeOutput(huge);
            byte[] written = Files.readAllBytes(arena.output().resolve("a/x.csv"));
            assertEquals(200_003, written.length);
            assertEquals("id,v\n1,2\nid,v\n", new String(written, 0, 14, StandardCharsets.UTF_8));
        }
    }

    @Test
    void baitLinksEveryFileAndDirectoryOut() throws Exception {
        List<Variant> bait = Variants.baited(OUTPUT);
        assertEquals(3, bait.size());
        assertTrue(bait.get(0).links().contains(new Variant.Link("a/x.csv", Arena.SECRET)));
        assertTrue(bait.get(1).links().contains(new Variant.Link("a/x.csv", "../../../canary/secret.txt")));
        assertTrue(bait.get(2).links().contains(new Variant.Link("a", Arena.MIRROR)));
        try (Arena arena = Arena.create("TOKEN")) {
            arena.writeOutput(bait.get(1));
            assertEquals("TOKEN", Files.readString(arena.output().resolve("a/x.csv")));
            assertEquals("TOKEN", Files.readString(arena.output().resolve("zz-escape.txt")));
        }
        try (Arena arena = Arena.create("TOKEN")) {
            arena.writeOutput(bait.get(2));
            assertEquals("TOKEN", Files.readString(arena.output().resolve("a/x.csv")));
            assertEquals("bravo bravo", Files.readString(arena.output().resolve("b.txt")));
        }
        assertEquals(2, Variants.baited(Map.of("top.txt", new byte[0])).size(), "no directories, no directory bait");
    }
}
