package dev.ale.verifiers.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.verifiers.internal.support.Numbers;
import dev.ale.verifiers.internal.table.CellRule;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * How the {@code json} verifier compares an expected value with the actual one, place by place,
 * each place following its {@link JsonRules.Rule}:
 * <ul>
 * <li>Scalars, {@code exact} (the default): when either side is a JSON number, both are read as
 *     numbers (the other may be a string such as {@code "1,234.50"}, see {@link Numbers}) and
 *     compared within the tolerance; strings, booleans and null must be equal and of one type.
 *     {@code numeric}: both sides read as numbers, numbers or strings alike (an expected value that
 *     is no number is compared as trimmed text). {@code text}: strings, numbers or booleans as
 *     text, trimmed, white space runs as one space, any case.</li>
 * <li>Objects: every expected member matches (members the expected lacks are left to
 *     {@link JsonPlaces#extras}). Ordered arrays: every expected element matches the one at its
 *     index. With {@code informativeOnly}, expected members and elements that are empty defaults
 *     ({@code ""}, {@code []}, {@code {}}, null) are skipped.</li>
 * <li>Multiset arrays: same size and a one-to-one pairing of equal elements (maximum bipartite
 *     matching). Set arrays: every expected element equals some output element and every output
 *     element some expected one (repeats do not matter). Elements are compared whole, members the
 *     expected lacks included.</li>
 * </ul>
 */
final class JsonCompare {
    /** The most element comparisons one unordered array may take; beyond, it does not match. */
    static final long MAX_PAIRINGS = 20_000_000L;

    private final JsonRules rules;
    private final boolean informativeOnly;
    private final boolean blank;

    JsonCompare(JsonRules rules, boolean informativeOnly) {
        this(rules, informativeOnly, false);
    }

    /**
     * With {@code blank}, text of white space only also counts as an empty default (ALE's
     * {@code value.strip() != ""}).
     */
    JsonCompare(JsonRules rules, boolean informativeOnly, boolean blank) {
        this.rules = rules;
        this.informativeOnly = informativeOnly;
        this.blank = blank;
    }

    JsonRules rules() {
        return rules;
    }

    /** Whether an expected value is an empty default: {@code ""}, {@code []}, {@code {}} or null. */
    static boolean uninformative(JsonNode e) {
        return e.isNull() || e.isTextual() && e.textValue().isEmpty() || e.isContainerNode() && e.isEmpty();
    }

    /** Whether {@code s} is empty or white space only (Unicode spaces included). */
    static boolean blankText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return false;
            }
        }
        return true;
    }

    /** Whether two JSON values are equal, numbers by value ({@code 1} = {@code 1.0}). */
    static boolean sameValue(JsonNode e, JsonNode a) {
        if (e.isNumber() && a.isNumber()) {
            BigDecimal x = Numbers.of(e);
            BigDecimal y = Numbers.of(a);
            return x != null && y != null && x.compareTo(y) == 0;
        }
        return e.equals(a);
    }

    /** Whether the expected value {@code e} is skipped when counting and comparing. */
    boolean skipped(JsonNode e) {
        return informativeOnly && (uninformative(e) || blank && e.isTextual() && blankText(e.textValue()));
    }

    /** Whether {@code actual} matches {@code expected} at {@code path} (a stack, restored on return). */
    boolean matches(JsonNode expected, JsonNode actual, List<String> path, JsonRules.Rule rule) {
        if (actual == null || actual.isMissingNode()) {
            return false;
        }
        if (expected.isArray() && rules.arrays(path, rule) != JsonRules.Arrays.ORDERED) {
            return actual.isArray() && unordered(expected, actual, path, rule).matched();
        }
        if (expected.isObject()) {
            if (!actual.isObject()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> m : expected.properties()) {
                if (!skipped(m.getValue())
                        && !child(m.getValue(), actual.get(m.getKey()), path, m.getKey(), rule, false)) {
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
                if (!skipped(expected.get(i))
                        && !child(expected.get(i), actual.get(i), path, Integer.toString(i), rule, false)) {
                    return false;
                }
            }
            return true;
        }
        return scalar(expected, actual, rule);
    }

    private boolean child(
            JsonNode e, JsonNode a, List<String> path, String segment, JsonRules.Rule rule, boolean whole) {
        path.add(segment);
        try {
            JsonRules.Rule r = rules.at(path, rule);
            return whole ? same(e, a, path, r) : matches(e, a, path, r);
        } finally {
            path.remove(path.size() - 1);
        }
    }

    /** Whole equality, for elements of unordered arrays: same members, same lengths. */
    private boolean same(JsonNode e, JsonNode a, List<String> path, JsonRules.Rule rule) {
        if (!e.isContainerNode() && !a.isContainerNode()) {
            return scalar(e, a, rule);
        }
        if (e.getNodeType() != a.getNodeType()) {
            return false;
        }
        if (e.isArray() && rules.arrays(path, rule) != JsonRules.Arrays.ORDERED) {
            return unordered(e, a, path, rule).matched();
        }
        if (e.size() != a.size()) {
            return false;
        }
        if (e.isArray()) {
            for (int i = 0; i < e.size(); i++) {
                if (!child(e.get(i), a.get(i), path, Integer.toString(i), rule, true)) {
                    return false;
                }
            }
            return true;
        }
        for (Map.Entry<String, JsonNode> m : e.properties()) {
            JsonNode other = a.get(m.getKey());
            if (other == null || !child(m.getValue(), other, path, m.getKey(), rule, true)) {
                return false;
            }
        }
        return true;
    }

    /** Scalar comparison under the rule's {@link JsonRules.Compare}. */
    boolean scalar(JsonNode e, JsonNode a, JsonRules.Rule rule) {
        if (a.isContainerNode() || e.isContainerNode()) {
            return false;
        }
        return switch (rule.compare()) {
            case EXACT -> {
                if (e.isNumber() || a.isNumber()) {
                    BigDecimal ev = rule.numbers().of(e);
                    BigDecimal av = rule.numbers().of(a);
                    yield ev != null && av != null && rule.tolerance().accepts(ev, av);
                }
                yield e.getNodeType() == a.getNodeType() && e.equals(a);
            }
            case NUMERIC -> {
                BigDecimal ev = rule.numbers().of(e);
                if (ev == null) {
                    yield e.getNodeType() == a.getNodeType()
                            && e.asText().strip().equals(a.asText().strip());
                }
                BigDecimal av = rule.numbers().of(a);
                yield av != null && rule.tolerance().accepts(ev, av);
            }
            case TEXT -> e.isNull() || a.isNull() ? e.isNull() && a.isNull() : text(e).equals(text(a));
        };
    }

    private static String text(JsonNode n) {
        return CellRule.fold(CellRule.collapse(n.asText()));
    }

    /** How an unordered array compared: whether it matches and, in a few words, why. */
    record Pairing(boolean matched, String observed) {}

    /** Compares arrays as the multiset or set the rule at {@code path} says. */
    Pairing unordered(JsonNode e, JsonNode a, List<String> path, JsonRules.Rule rule) {
        if ((long) e.size() * a.size() > MAX_PAIRINGS) {
            return new Pairing(
                    false, "too many elements to pair (" + e.size() + " expected, " + a.size() + " in output)");
        }
        boolean[][] equal = new boolean[e.size()][];
        for (int i = 0; i < e.size(); i++) {
            equal[i] = new boolean[a.size()];
            path.add(Integer.toString(i));
            JsonRules.Rule r = rules.at(path, rule);
            for (int j = 0; j < a.size(); j++) {
                equal[i][j] = same(e.get(i), a.get(j), path, r);
            }
            path.remove(path.size() - 1);
        }
        if (rules.arrays(path, rule) == JsonRules.Arrays.SET) {
            int found = 0;
            boolean[] used = new boolean[a.size()];
            for (boolean[] row : equal) {
                boolean any = false;
                for (int j = 0; j < row.length; j++) {
                    any |= row[j];
                    used[j] |= row[j];
                }
                found += any ? 1 : 0;
            }
            int stray = 0;
            for (boolean u : used) {
                stray += u ? 0 : 1;
            }
            return new Pairing(
                    found == e.size() && stray == 0,
                    found + " of " + e.size() + " expected elements found, " + stray + " of " + a.size()
                            + " output elements not expected");
        }
        int paired = BipartiteMatching.maximum(equal, a.size());
        return new Pairing(
                paired == e.size() && a.size() == e.size(),
                paired + " of " + e.size() + " elements paired, " + a.size() + " in output");
    }
}
