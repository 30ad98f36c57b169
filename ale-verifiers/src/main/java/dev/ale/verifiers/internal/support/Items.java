package dev.ale.verifiers.internal.support;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.spi.VerifierConfigException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Reads list options whose items are each a plain string or an object carrying that string under a
 * key plus more options: {@code "contains": ["a", {"text": "b", "min": 2}]}. A single item may be
 * given without the array. Plain strings must be non-empty and may not repeat.
 *
 * @param value the string (the plain item, or the object's member {@code key})
 * @param opts  the object's options, or null for a plain string
 * @param at    the JSON Pointer of the item
 */
@API(status = INTERNAL)
public record Items(String value, Options opts, String at) {
    /** The weight of the item: its {@code weight} option, or 1 for a plain string. */
    public double weight() {
        return opts == null ? 1 : WeightedScore.weight(opts);
    }

    /** Its count ({@code min}/{@code max}/{@code exactly}), or "at least 1" when none is given. */
    public Count count() {
        return opts == null ? new Count(1, Count.UNBOUNDED) : Count.read(opts, 1);
    }

    /** Whether the item configures a count. */
    public boolean counted() {
        return opts != null && Count.configured(opts);
    }

    /** The items of option {@code name} of {@code o} (none when absent); objects allow {@code key} and {@code objectOptions}. */
    public static List<Items> read(Options o, String name, String key, String... objectOptions) {
        if (!o.has(name)) {
            return List.of();
        }
        JsonNode v = o.raw(name);
        List<Items> out = new ArrayList<>();
        if (!v.isArray()) {
            out.add(item(v, o.pointer(name), key, objectOptions));
            return out;
        }
        if (v.isEmpty()) {
            throw o.error(name, "must be a non-empty array");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < v.size(); i++) {
            Items item = item(v.get(i), JsonPointers.child(o.pointer(name), i), key, objectOptions);
            if (item.opts == null && !seen.add(item.value)) {
                throw new VerifierConfigException(item.at, "duplicate entry '" + item.value + "'");
            }
            out.add(item);
        }
        return out;
    }

    private static Items item(JsonNode v, String at, String key, String... objectOptions) {
        if (v.isObject()) {
            String[] allowed = new String[objectOptions.length + 1];
            allowed[0] = key;
            System.arraycopy(objectOptions, 0, allowed, 1, objectOptions.length);
            Options opts = Options.at(v, at, allowed);
            return new Items(opts.string(key), opts, at);
        }
        if (!v.isTextual()) {
            throw new VerifierConfigException(
                    at, "must be a string or an object with '" + key + "', got " + Options.kind(v));
        }
        return new Items(Options.text(v, at), null, at);
    }
}
