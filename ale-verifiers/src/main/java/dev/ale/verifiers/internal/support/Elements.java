package dev.ale.verifiers.internal.support;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Reads an option that is a non-empty array of objects (the {@code groups} and {@code files} of
 * the {@code json} verifier): each object's options through {@link Options#at}, unknown names
 * refused, every error at its full JSON Pointer ({@code /groups/1/compare}).
 */
@API(status = INTERNAL)
public final class Elements {
    /** Reads one element. */
    @API(status = INTERNAL)
    public interface Reader<T> {
        T read(Options element, int index);
    }

    private Elements() {}

    public static <T> List<T> read(Options parent, String name, Reader<T> reader, String... allowed) {
        JsonNode array = parent.require(name);
        if (!array.isArray() || array.isEmpty()) {
            throw parent.error(name, "must be a non-empty array of objects, got " + Options.kind(array));
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            out.add(reader.read(Options.at(array.get(i), JsonPointers.child(parent.pointer(name), i), allowed), i));
        }
        return out;
    }
}
