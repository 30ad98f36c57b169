package dev.ale.verifiers.internal.support;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.apiguardian.api.API;

/** Short renderings of values for checks: "expected / actual in a few words". */
@API(status = INTERNAL)
public final class Render {
    /** The longest rendering of one value in a check. */
    public static final int WIDTH = 60;

    private Render() {}

    /** {@code s} on one line, cut to {@code max} characters with an ellipsis. */
    public static String brief(String s, int max) {
        String one = s.replace("\r", "\\r").replace("\n", "\\n");
        return one.length() <= max ? one : one.substring(0, max - 1) + "…";
    }

    public static String brief(String s) {
        return brief(s, WIDTH);
    }

    /** A JSON value as compact JSON text, cut to {@link #WIDTH}. */
    public static String json(JsonNode n) {
        return n == null || n.isMissingNode() ? "missing" : brief(n.toString());
    }

    /** A quoted value: {@code 'abc'}. */
    public static String quoted(String s) {
        return "'" + brief(s) + "'";
    }

    /** The first few items and how many more there are: {@code a, b, c (+4 more)}. */
    public static String some(List<String> items, long total) {
        String shown = String.join(", ", items);
        return total > items.size() ? shown + " (+" + (total - items.size()) + " more)" : shown;
    }
}
