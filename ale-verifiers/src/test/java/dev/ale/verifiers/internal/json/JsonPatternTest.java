package dev.ale.verifiers.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.spi.VerifierConfigException;
import dev.ale.verifiers.Fixture;
import dev.ale.verifiers.internal.support.JsonPointers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonPatternTest {
    private static final JsonNode DOC =
            Fixture.json("{'line_1': 1, 'line_2': 2, 'total': 3, 'items': [{'amount': 5}, {'amount': 6, 'x': 0}],"
                    + " 'a/b': {'c~d': 7, '*': 8}}");

    private static List<String> expand(String pattern) {
        return JsonPattern.parse(pattern, "/p").expand(DOC);
    }

    @Test
    void expandsWildcardsWithinSegmentsInDocumentOrder() {
        assertEquals(List.of("/line_1", "/line_2"), expand("/line_*"));
        assertEquals(List.of("/items/0/amount", "/items/1/amount"), expand("/items/*/amount"));
        assertEquals(List.of("/line_1", "/line_2", "/total", "/items", "/a~1b"), expand("/*"));
        assertEquals(List.of("/line_1"), expand("/*_1"));
        assertEquals(List.of("/total"), expand("/t*t*l"));
        assertEquals(List.of(), expand("/t*x*l"));
        assertEquals(List.of("/items/1"), expand("/items/1"));
        assertEquals(List.of(), expand("/items/01"));
        assertEquals(List.of(""), expand(""));
    }

    @Test
    void escapesTildeSlashAndStar() {
        assertEquals(List.of("/a~1b/c~0d"), expand("/a~1b/c~0d"));
        assertEquals(List.of("/a~1b/*"), expand("/a~1b/~2"));
        assertEquals(List.of("/a~1b/c~0d", "/a~1b/*"), expand("/a~1b/*"));
        assertTrue(JsonPattern.parse("/a~2", "").literal());
        assertFalse(JsonPattern.parse("/a*", "").literal());
        assertEquals("/a~1b/*", JsonPattern.parse("/a~1b/~2", "").pointer());
    }

    @Test
    void matchesPlacesOfTheSameDepthOnly() {
        JsonPattern p = JsonPattern.parse("/items/*/amount", "");
        assertTrue(p.matches(List.of("items", "3", "amount")));
        assertFalse(p.matches(List.of("items", "3")));
        assertFalse(p.matches(List.of("items", "3", "amount", "x")));
        assertTrue(JsonPattern.parse("/a/b*c*d", "").matches(List.of("a", "bxcyd")));
        assertFalse(JsonPattern.parse("/a/b*c*d", "").matches(List.of("a", "bcd-")));
        assertFalse(JsonPattern.parse("/a/ab*ba", "").matches(List.of("a", "aba")));
        assertTrue(JsonPattern.parse("/a/ab*ba", "").matches(List.of("a", "abba")));
    }

    @Test
    void refusesWhatIsNoPointer() {
        assertEquals(
                "/fields/2",
                assertThrows(VerifierConfigException.class, () -> JsonPattern.parse("line_*", "/fields/2"))
                        .field());
        assertThrows(VerifierConfigException.class, () -> JsonPattern.parse("/a~3", ""));
        assertThrows(VerifierConfigException.class, () -> JsonPattern.parse("/a~", ""));
    }

    /** In random documents, each place's escaped pointer names it alone, and a trailing '*' names all its siblings. */
    @Test
    void namesEveryPlaceOfRandomDocuments() {
        String alphabet = "ab*/~0 1";
        for (long seed = 1; seed <= 60; seed++) {
            Random random = new Random(seed);
            JsonNode doc = randomNode(random, 0, alphabet);
            List<List<String>> places = new ArrayList<>();
            collect(doc, new ArrayList<>(), places);
            for (List<String> path : places) {
                String pointer = "";
                StringBuilder pattern = new StringBuilder();
                for (String s : path) {
                    pointer = JsonPointers.child(pointer, s);
                    pattern.append('/')
                            .append(s.replace("~", "~0").replace("/", "~1").replace("*", "~2"));
                }
                JsonPattern p = JsonPattern.parse(pattern.toString(), "");
                assertEquals(List.of(pointer), p.expand(doc), "seed " + seed);
                assertTrue(p.matches(path));
                assertEquals(path, JsonPattern.segmentsOf(pointer));
                if (!path.isEmpty()) {
                    String parent = pattern.substring(0, pattern.lastIndexOf("/"));
                    List<String> siblings = JsonPattern.parse(parent + "/*", "").expand(doc);
                    assertTrue(siblings.contains(pointer), "seed " + seed);
                    assertEquals(
                            doc.at(JsonPattern.parse(parent, "").pointer()).size(), siblings.size(), "seed " + seed);
                }
            }
        }
    }

    private static JsonNode randomNode(Random random, int depth, String alphabet) {
        int kind = depth > 3 ? 2 : random.nextInt(3);
        if (kind == 0) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            for (int i = random.nextInt(4); i > 0; i--) {
                StringBuilder name = new StringBuilder();
                for (int j = random.nextInt(4); j > 0; j--) {
                    name.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                o.set(name.toString(), randomNode(random, depth + 1, alphabet));
            }
            return o;
        }
        if (kind == 1) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            for (int i = random.nextInt(12); i > 0; i--) {
                a.add(randomNode(random, depth + 1, alphabet));
            }
            return a;
        }
        return JsonNodeFactory.instance.numberNode(random.nextInt(100));
    }

    private static void collect(JsonNode n, List<String> path, List<List<String>> out) {
        out.add(List.copyOf(path));
        if (n.isObject()) {
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                path.add(e.getKey());
                collect(e.getValue(), path, out);
                path.remove(path.size() - 1);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                path.add(Integer.toString(i));
                collect(n.get(i), path, out);
                path.remove(path.size() - 1);
            }
        }
    }
}
