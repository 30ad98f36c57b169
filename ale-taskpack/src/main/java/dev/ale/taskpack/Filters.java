package dev.ale.taskpack;

import dev.ale.api.task.Tier;
import java.util.Objects;
import java.util.regex.Pattern;

/** The filters behind {@link TaskFilter}'s id glob, SOC prefix and expression parser. */
final class Filters {
    private static final Pattern SOC_QUERY = Pattern.compile("\\d{2}(-\\d{0,4}|-\\d{4}\\.\\d{1,2})?");

    private Filters() {}

    /** Tasks whose id matches the glob ({@code *} any run, {@code ?} one character). */
    static TaskFilter idGlob(String glob) {
        Objects.requireNonNull(glob, "glob");
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        Pattern pattern = Pattern.compile(regex.toString(), Pattern.DOTALL);
        return (t, p) -> pattern.matcher(t.id()).matches();
    }

    /**
     * Tasks with an occupation code starting with {@code code}: {@code 13} and {@code 13-} are the
     * major group, {@code 13-20} a prefix, {@code 13-2011} an occupation (and its O*NET codes such
     * as {@code 13-2011.01}).
     *
     * @throws IllegalArgumentException when {@code code} is not a SOC code or prefix
     */
    static TaskFilter soc(String code) {
        Objects.requireNonNull(code, "code");
        String q = code.trim();
        if (!SOC_QUERY.matcher(q).matches()) {
            throw new IllegalArgumentException(
                    "not a SOC code or prefix: '" + code + "' (expected NN, NN-, NN-N..., NN-NNNN or NN-NNNN.NN)");
        }
        String prefix = q.length() == 2 ? q + "-" : q;
        return (t, p) -> t.spec().taxonomy().soc().stream().anyMatch(c -> c.startsWith(prefix));
    }

    /** Parses {@code key:value,key:value,...}; every term must hold. */
    static TaskFilter parse(String expression) {
        Objects.requireNonNull(expression, "expression");
        if (expression.isBlank()) {
            throw new IllegalArgumentException(
                    "empty filter expression: expected key:value terms such as tier:near-term");
        }
        TaskFilter all = null;
        for (String raw : expression.split(",", -1)) {
            TaskFilter term = term(raw.trim());
            all = all == null ? term : all.and(term);
        }
        return all;
    }

    private static TaskFilter term(String term) {
        int colon = term.indexOf(':');
        if (colon < 0) {
            throw bad(term, "expected key:value");
        }
        String key = term.substring(0, colon).trim();
        String value = term.substring(colon + 1).trim();
        if (value.isEmpty()) {
            throw bad(term, "the value is empty");
        }
        try {
            return switch (key) {
                case "id" -> idGlob(value);
                case "tier" -> TaskFilter.tier(Tier.fromId(value));
                case "cluster" -> {
                    if (!Occupations.get().isCluster(value)) {
                        throw new IllegalArgumentException("unknown cluster '" + value + "' (known: "
                                + String.join(", ", Occupations.get().clusters()) + ")");
                    }
                    yield TaskFilter.cluster(value);
                }
                case "subfield" -> TaskFilter.subfield(value);
                case "soc" -> soc(value);
                case "list" -> TaskFilter.list(value);
                default -> throw new IllegalArgumentException(
                        "unknown key '" + key + "' (expected id, tier, cluster, subfield, soc or list)");
            };
        } catch (IllegalArgumentException e) {
            throw bad(term, e.getMessage());
        }
    }

    private static IllegalArgumentException bad(String term, String why) {
        return new IllegalArgumentException("bad filter term '" + term + "': " + why);
    }
}
