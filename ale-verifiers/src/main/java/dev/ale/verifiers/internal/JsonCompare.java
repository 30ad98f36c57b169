package dev.ale.verifiers.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the {@code json} verifier compares an expected value with the actual one.
 * <ul>
 * <li>Numbers: when either side is a JSON number, both are read as numbers (the other may be a
 *     string such as {@code "1,234.50"}, see {@link Numbers}) and compared within the tolerance.</li>
 * <li>Strings, booleans and null: equal values of the same JSON type.</li>
 * <li>Objects: every expected member matches (members the expected lacks are left to
 *     {@link #extras}). Arrays: every expected element matches the one at the same index.</li>
 * <li>Arrays listed as unordered: compared whole as multisets (same size, and a one-to-one
 *     pairing of equal elements, found by maximum bipartite matching); elements are compared
 *     whole, members the expected lacks included.</li>
 * </ul>
 *
 * @param tolerance the numeric tolerance
 * @param unordered the JSON Pointers of the arrays compared as multisets
 */
record JsonCompare(Tolerance tolerance, Set<String> unordered) {
    JsonCompare {
        unordered = Set.copyOf(unordered);
    }

    /** The pointers of the leaves of {@code expected}: scalars, empty containers, unordered arrays. */
    List<String> leaves(JsonNode expected) {
        List<String> out = new ArrayList<>();
        leaves(expected, "", out);
        return out;
    }

    private void leaves(JsonNode n, String at, List<String> out) {
        if (n.isObject() && !n.isEmpty()) {
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                leaves(e.getValue(), Ptr.child(at, e.getKey()), out);
            }
        } else if (n.isArray() && !n.isEmpty() && !unordered.contains(at)) {
            for (int i = 0; i < n.size(); i++) {
                leaves(n.get(i), Ptr.child(at, i), out);
            }
        } else {
            out.add(at);
        }
    }

    /** Whether {@code actual} matches {@code expected}, both found at pointer {@code at}. */
    boolean matches(JsonNode expected, JsonNode actual, String at) {
        if (actual == null || actual.isMissingNode()) {
            return false;
        }
        if (expected.isArray() && unordered.contains(at)) {
            return actual.isArray() && actual.size() == expected.size() && pairs(expected, actual) == expected.size();
        }
        if (expected.isObject()) {
            if (!actual.isObject()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> e : expected.properties()) {
                if (!matches(e.getValue(), actual.get(e.getKey()), Ptr.child(at, e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isArray()) {
            if (!actual.isArray() || actual.size() < expected.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!matches(expected.get(i), actual.get(i), Ptr.child(at, i))) {
                    return false;
                }
            }
            return true;
        }
        return scalarEquals(expected, actual);
    }

    /** Whole equality, for elements of unordered arrays: same members, same lengths. */
    private boolean same(JsonNode expected, JsonNode actual) {
        if (expected.isContainerNode() || actual.isContainerNode()) {
            if (expected.getNodeType() != actual.getNodeType() || expected.size() != actual.size()) {
                return false;
            }
            if (expected.isArray()) {
                for (int i = 0; i < expected.size(); i++) {
                    if (!same(expected.get(i), actual.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            for (Map.Entry<String, JsonNode> e : expected.properties()) {
                JsonNode a = actual.get(e.getKey());
                if (a == null || !same(e.getValue(), a)) {
                    return false;
                }
            }
            return true;
        }
        return scalarEquals(expected, actual);
    }

    boolean scalarEquals(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() || actual.isNumber()) {
            BigDecimal e = Numbers.of(expected);
            BigDecimal a = Numbers.of(actual);
            return e != null && a != null && tolerance.accepts(e, a);
        }
        return expected.getNodeType() == actual.getNodeType() && expected.equals(actual);
    }

    /**
     * The size of a maximum pairing of equal elements between two arrays (augmenting paths,
     * searched breadth-first so deep arrays cannot overflow the stack).
     */
    int pairs(JsonNode expected, JsonNode actual) {
        int n = expected.size();
        int m = actual.size();
        int[] partnerOfActual = new int[m];
        int[] partnerOfExpected = new int[n];
        Arrays.fill(partnerOfActual, -1);
        Arrays.fill(partnerOfExpected, -1);
        int matched = 0;
        for (int root = 0; root < n; root++) {
            int[] cameFrom = new int[m];
            Arrays.fill(cameFrom, -1);
            Deque<Integer> queue = new ArrayDeque<>();
            queue.add(root);
            int free = -1;
            while (!queue.isEmpty() && free < 0) {
                int e = queue.poll();
                for (int k = 0; k < m && free < 0; k++) {
                    int j = (e + k) % m;
                    if (cameFrom[j] < 0 && same(expected.get(e), actual.get(j))) {
                        cameFrom[j] = e;
                        if (partnerOfActual[j] < 0) {
                            free = j;
                        } else {
                            queue.add(partnerOfActual[j]);
                        }
                    }
                }
            }
            for (int j = free; j >= 0; ) {
                int e = cameFrom[j];
                int previous = partnerOfExpected[e];
                partnerOfActual[j] = e;
                partnerOfExpected[e] = j;
                j = previous;
            }
            matched += free >= 0 ? 1 : 0;
        }
        return matched;
    }

    /**
     * The pointers of what {@code actual} has beyond {@code expected}: object members the expected
     * object lacks and elements past the end of an expected (ordered) array. At most {@code limit}
     * are listed; the count of all is added to {@code count[0]}.
     */
    void extras(JsonNode expected, JsonNode actual, String at, List<String> out, int limit, long[] count) {
        if (expected.isObject() && actual.isObject()) {
            for (Iterator<String> it = actual.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                JsonNode e = expected.get(name);
                if (e == null) {
                    note(Ptr.child(at, name), out, limit, count);
                } else {
                    extras(e, actual.get(name), Ptr.child(at, name), out, limit, count);
                }
            }
        } else if (expected.isArray() && actual.isArray() && !unordered.contains(at)) {
            for (int i = 0; i < actual.size(); i++) {
                if (i >= expected.size()) {
                    note(Ptr.child(at, i), out, limit, count);
                } else {
                    extras(expected.get(i), actual.get(i), Ptr.child(at, i), out, limit, count);
                }
            }
        }
    }

    private static void note(String pointer, List<String> out, int limit, long[] count) {
        if (out.size() < limit) {
            out.add(pointer);
        }
        count[0]++;
    }
}
