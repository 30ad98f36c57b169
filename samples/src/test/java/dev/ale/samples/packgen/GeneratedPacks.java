package dev.ale.samples.packgen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Test support for generated packs: their files as a sorted tree, and the check that a committed pack is a fresh generation. */
public final class GeneratedPacks {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private GeneratedPacks() {}

    /** The samples module's directory (Maven's basedir, or the working directory). */
    public static Path moduleDir() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    }

    /** Every regular file under {@code root} by its '/'-separated relative path. */
    public static SortedMap<String, byte[]> tree(Path root) throws IOException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return files;
    }

    /**
     * Asserts that the committed pack holds exactly the files of a fresh generation, byte for
     * byte, except for the digests in pack.json, which the pack writer fills in.
     */
    public static void assertCommittedEqualsFresh(Path committed, Path fresh, String generator) throws IOException {
        assertTrue(
                Files.isDirectory(committed),
                "no committed pack at " + committed.toAbsolutePath() + "; run " + generator);
        SortedMap<String, byte[]> expected = tree(fresh);
        SortedMap<String, byte[]> actual = tree(committed);
        assertEquals(expected.keySet(), actual.keySet(), "files of " + committed + " (regenerate it, do not edit it)");
        for (String path : expected.keySet()) {
            if (path.equals("pack.json")) {
                assertEquals(
                        withoutDigests(expected.get(path)),
                        withoutDigests(actual.get(path)),
                        "pack.json differs in more than its digests; regenerate the pack");
            } else {
                assertArrayEquals(
                        expected.get(path), actual.get(path), path + " was edited by hand; regenerate the pack");
            }
        }
    }

    /** pack.json as a tree with every "digest" value blanked, so formatting and digests do not matter. */
    private static JsonNode withoutDigests(byte[] json) throws IOException {
        JsonNode tree = MAPPER.readTree(json);
        blank(tree);
        return tree;
    }

    private static void blank(JsonNode node) {
        if (node instanceof ObjectNode object && object.has("digest")) {
            object.put("digest", "");
        }
        node.forEach(GeneratedPacks::blank);
    }
}
