package dev.ale.verifiers.internal.support;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** JSON Pointer building: member names escaped as RFC 6901 requires (read back by Jackson's {@code JsonPointer}). */
@API(status = INTERNAL)
public final class JsonPointers {
    private JsonPointers() {}

    /** The pointer to member {@code name} of the value at {@code base}: {@code ~} written {@code ~0}, {@code /} {@code ~1}. */
    public static String child(String base, String name) {
        return base + "/"
                + name.replace("~", "~0").replace("/", "~1"); // each replace returns the name itself when it has none
    }

    /** The pointer to element {@code index} of the array at {@code base}. */
    public static String child(String base, int index) {
        return base + "/" + index;
    }

    /** How a pointer reads in a check name: the pointer itself, or {@code (root)} for the empty one. */
    public static String display(String pointer) {
        return pointer.isEmpty() ? "(root)" : pointer;
    }
}
