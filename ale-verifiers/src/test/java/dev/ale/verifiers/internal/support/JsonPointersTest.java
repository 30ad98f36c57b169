package dev.ale.verifiers.internal.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The pointers {@link JsonPointers} writes by hand are the ones Jackson builds and reads back: on
 * random member names made of the characters RFC 6901 escapes and their neighbours, each pointer
 * equals Jackson's and finds the member it names.
 */
class JsonPointersTest {
    private static final String CHARS = "a~/01 é\u0661.";

    @Test
    void aChildPointerIsJacksonsAndFindsItsMember() {
        Random random = new Random(11);
        ObjectMapper json = new ObjectMapper();
        int escaped = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder name = new StringBuilder();
            for (int n = random.nextInt(6); n > 0; n--) {
                name.append(CHARS.charAt(random.nextInt(CHARS.length())));
            }
            int element = random.nextInt(4) - 1; // -1: a member of the root
            String base = element < 0 ? "" : "/checks/" + element;
            String pointer = JsonPointers.child(base, name.toString());
            assertEquals(base + JsonPointer.empty().appendProperty(name.toString()), pointer, name.toString());
            ObjectNode doc = json.createObjectNode();
            ObjectNode parent = doc;
            if (element >= 0) {
                ArrayNode checks = doc.putArray("checks");
                for (int k = 0; k <= element; k++) {
                    parent = checks.addObject();
                }
            }
            parent.put(name.toString(), i);
            assertEquals(i, doc.at(pointer).intValue(), pointer);
            escaped += pointer.contains("~") ? 1 : 0;
        }
        assertTrue(escaped > 1000, "names that need escaping are drawn: " + escaped);
        assertEquals("/a~1b~0c", JsonPointers.child("", "a/b~c"));
        assertEquals("/x/~01", JsonPointers.child("/x", "~1"));
    }

    @Test
    void anIndexIsAppendedAsIs() {
        assertEquals("/checks/0", JsonPointers.child("/checks", 0));
    }
}
