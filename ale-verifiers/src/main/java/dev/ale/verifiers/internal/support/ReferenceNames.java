package dev.ale.verifiers.internal.support;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The reference files a built-in verifier configuration names, found by walking it (composites and
 * archive checks included): {@code expectedFile} and {@code equalsFile}, each of
 * {@code referenceFiles}, and {@code relativeTo.file} unless it is read {@code "from": "output"}.
 * ({@code alternativeFile} is left out: a missing alternative file is no error.)
 */
@API(status = INTERNAL)
public final class ReferenceNames {
    private static final Set<String> SINGLE = Set.of("expectedFile", "equalsFile");

    private ReferenceNames() {}

    /** The named reference paths by the JSON Pointer of the field naming each. */
    public static Map<String, String> of(JsonNode config, String pointer) {
        Map<String, String> found = new LinkedHashMap<>();
        walk(config, pointer, found);
        return found;
    }

    private static void walk(JsonNode node, String at, Map<String, String> found) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), JsonPointers.child(at, i), found);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String here = JsonPointers.child(at, e.getKey());
            JsonNode v = e.getValue();
            if (SINGLE.contains(e.getKey()) && v.isTextual()) {
                found.put(here, v.asText());
            } else if (e.getKey().equals("referenceFiles") && v.isArray()) {
                for (int i = 0; i < v.size(); i++) {
                    if (v.get(i).isTextual()) {
                        found.put(JsonPointers.child(here, i), v.get(i).asText());
                    }
                }
            } else if (e.getKey().equals("relativeTo")
                    && v.path("file").isTextual()
                    && !v.path("from").asText("reference").equals("output")) {
                found.put(JsonPointers.child(here, "file"), v.path("file").asText());
            } else {
                walk(v, here, found);
            }
        }
    }
}
