package dev.ale.verifiers.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Short renderings of values for checks: "expected / actual in a few words". */
final class Render {
    /** The longest rendering of one value in a check. */
    static final int WIDTH = 60;

    private Render() {}

    /** {@code s} on one line, cut to {@code max} characters with an ellipsis. */
    static String brief(String s, int max) {
        String one = s.replace("\r", "\\r").replace("\n", "\\n");
        return one.length() <= max ? one : one.substring(0, max - 1) + "…";
    }

    static String brief(String s) {
        return brief(s, WIDTH);
    }

    /** A JSON value as compact JSON text, cut to {@link #WIDTH}. */
    static String json(JsonNode n) {
        return n == null || n.isMissingNode() ? "missing" : brief(n.toString());
    }

    /** A quoted value: {@code 'abc'}. */
    static String quoted(String s) {
        return "'" + brief(s) + "'";
    }

    /** The first few items and how many more there are: {@code a, b, c (+4 more)}. */
    static String some(List<String> items, long total) {
        String shown = String.join(", ", items);
        return total > items.size() ? shown + " (+" + (total - items.size()) + " more)" : shown;
    }
}
