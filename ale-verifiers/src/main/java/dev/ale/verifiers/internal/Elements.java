package dev.ale.verifiers.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an option that is a non-empty array of objects (the {@code groups} and {@code files} of
 * the {@code json} verifier): each object's options through {@link Opts#at}, unknown names
 * refused, every error at its full JSON Pointer ({@code /groups/1/compare}).
 */
final class Elements {
    /** Reads one element. */
    interface Reader<T> {
        T read(Opts element, int index);
    }

    private Elements() {}

    static <T> List<T> read(Opts parent, String name, Reader<T> reader, String... allowed) {
        JsonNode array = parent.require(name);
        if (!array.isArray() || array.isEmpty()) {
            throw parent.error(name, "must be a non-empty array of objects, got " + Opts.kind(array));
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            out.add(reader.read(Opts.at(array.get(i), Ptr.child(parent.pointer(name), i), allowed), i));
        }
        return out;
    }
}
