package dev.ale.verifiers.internal;

/** JSON Pointer building: escapes member names as RFC 6901 requires. */
final class Ptr {
    private Ptr() {}

    /** The pointer to member {@code name} of the value at {@code base}. */
    static String child(String base, String name) {
        return base + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    /** The pointer to element {@code index} of the array at {@code base}. */
    static String child(String base, int index) {
        return base + "/" + index;
    }

    /** How a pointer reads in a check name: the pointer itself, or {@code (root)} for the empty one. */
    static String display(String pointer) {
        return pointer.isEmpty() ? "(root)" : pointer;
    }
}
