package dev.ale.verifiers.internal.json;

import dev.ale.verifiers.internal.support.Elements;
import dev.ale.verifiers.internal.support.JsonPointers;
import dev.ale.verifiers.internal.support.NumberProfile;
import dev.ale.verifiers.internal.support.Options;
import dev.ale.verifiers.internal.support.Tolerance;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * How each place of a JSON document is compared and weighed: a base {@link Rule} (exact, ordered
 * arrays, the config's tolerance, weight 1) and {@code groups}, each a list of
 * {@link JsonPattern}s with their own rule. A place takes the rule of the first group that matches
 * it, else the rule of its parent, so a group's rule covers everything below the places it
 * matches. The legacy {@code unorderedArrays} pointers make their arrays multisets whatever the
 * rule.
 *
 * @param base      the rule of places no group covers
 * @param groups    the groups, in config order
 * @param unordered the {@code unorderedArrays} pointers
 */
record JsonRules(Rule base, List<Group> groups, List<JsonPattern> unordered) {
    /** How scalars are compared. */
    enum Compare {
        EXACT,
        NUMERIC,
        TEXT
    }

    /** How arrays are compared. */
    enum Arrays {
        ORDERED,
        SET,
        MULTISET
    }

    /**
     * A comparison and a weight.
     *
     * @param weight      each field's weight, or with {@code totalWeight} the group's, shared equally
     *                    by its counted fields
     * @param group       the index of the group the rule comes from, -1 for the base
     * @param numbers     how numbers written as text are read
     */
    record Rule(
            Compare compare,
            Arrays arrays,
            Tolerance tolerance,
            double weight,
            boolean totalWeight,
            int group,
            NumberProfile numbers) {}

    /** The options of a {@code tolerance} object. */
    static final String[] TOLERANCE = {"abs", "rel", "strict", "float"};

    /** Places matching any of {@code patterns} follow {@code rule}. */
    record Group(List<JsonPattern> patterns, Rule rule) {
        Group {
            patterns = List.copyOf(patterns);
        }
    }

    JsonRules {
        groups = List.copyOf(groups);
        unordered = List.copyOf(unordered);
    }

    /** Reads {@code tolerance}, {@code unorderedArrays} and {@code groups} of a config. */
    static JsonRules read(Options o, List<JsonPattern> unordered) {
        Tolerance tolerance = o.has("tolerance") ? Tolerance.read(o.object("tolerance", TOLERANCE)) : Tolerance.EXACT;
        NumberProfile numbers = o.has("numbers")
                ? NumberProfile.read(o.object("numbers", NumberProfile.OPTIONS))
                : NumberProfile.DEFAULT;
        Rule base = new Rule(Compare.EXACT, Arrays.ORDERED, tolerance, 1, false, -1, numbers);
        List<Group> groups = o.has("groups")
                ? Elements.read(
                        o,
                        "groups",
                        (g, i) -> group(g, i, base),
                        "fields",
                        "compare",
                        "arrays",
                        "tolerance",
                        "weight",
                        "totalWeight",
                        "numbers")
                : List.of();
        return new JsonRules(base, groups, unordered);
    }

    private static Group group(Options g, int index, Rule base) {
        List<JsonPattern> patterns = patterns(g, "fields");
        Compare compare = g.choice("compare", Compare.EXACT);
        Arrays arrays = g.choice("arrays", Arrays.ORDERED);
        Tolerance tolerance = g.has("tolerance") ? Tolerance.read(g.object("tolerance", TOLERANCE)) : base.tolerance();
        if (compare == Compare.TEXT && g.has("tolerance")) {
            throw g.error("tolerance", "a tolerance applies to exact and numeric comparisons, not text");
        }
        if (compare == Compare.TEXT && g.has("numbers")) {
            throw g.error("numbers", "numbers applies to exact and numeric comparisons, not text");
        }
        NumberProfile numbers =
                g.has("numbers") ? NumberProfile.read(g.object("numbers", NumberProfile.OPTIONS)) : base.numbers();
        String weightOption = g.atMostOne("weight", "totalWeight");
        double weight = 1;
        if (weightOption != null) {
            BigDecimal w = g.decimal(weightOption);
            if (w.signum() <= 0 || w.doubleValue() > 1e9) {
                throw g.error(weightOption, "must be a number > 0 and <= 1e9, got " + w.toPlainString());
            }
            weight = w.doubleValue();
        }
        return new Group(
                patterns,
                new Rule(compare, arrays, tolerance, weight, "totalWeight".equals(weightOption), index, numbers));
    }

    /** The patterns of option {@code name}: a string or a non-empty array of strings. */
    static List<JsonPattern> patterns(Options o, String name) {
        List<String> raw = o.strings(name, true);
        List<JsonPattern> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            out.add(JsonPattern.parse(
                    raw.get(i), o.raw(name).isArray() ? JsonPointers.child(o.pointer(name), i) : o.pointer(name)));
        }
        return out;
    }

    /** The rule of the place at {@code path} whose parent follows {@code inherited}. */
    Rule at(List<String> path, Rule inherited) {
        for (Group g : groups) {
            for (JsonPattern p : g.patterns()) {
                if (p.matches(path)) {
                    return g.rule();
                }
            }
        }
        return inherited;
    }

    /** The rule of the place at {@code path}, resolved from the root. */
    Rule resolve(List<String> path) {
        Rule rule = at(List.of(), base);
        for (int d = 1; d <= path.size(); d++) {
            rule = at(path.subList(0, d), rule);
        }
        return rule;
    }

    /** How the array at {@code path}, following {@code rule}, is compared. */
    Arrays arrays(List<String> path, Rule rule) {
        for (JsonPattern p : unordered) {
            if (p.matches(path)) {
                return Arrays.MULTISET;
            }
        }
        return rule.arrays();
    }
}
