package dev.ale.verifiers.internal.json;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.spi.VerifierConfigException;
import dev.ale.verifiers.internal.support.JsonPointers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A JSON Pointer whose segments may hold {@code *} wildcards, each matching any run of characters
 * within one segment: {@code /line_*} matches {@code /line_1} and {@code /line_total};
 * {@code /items/*}{@code /amount} matches the amount of every element (or member) of
 * {@code /items}. {@code ~0} and {@code ~1} are the usual escapes of {@code ~} and {@code /};
 * {@code ~2} is a literal {@code *}. A pattern without a wildcard is a plain JSON Pointer.
 *
 * @param text     the pattern as configured
 * @param segments each segment split at its wildcards (one piece when it has none)
 */
record JsonPattern(String text, List<List<String>> segments) {
    JsonPattern {
        segments = List.copyOf(segments);
    }

    /** Parses a pattern; errors are at {@code at}. */
    static JsonPattern parse(String text, String at) {
        if (!text.isEmpty() && !text.startsWith("/")) {
            throw new VerifierConfigException(
                    at, "'" + text + "' is not a JSON Pointer (it must be empty or start with '/')");
        }
        List<List<String>> segments = new ArrayList<>();
        if (text.isEmpty()) {
            return new JsonPattern(text, segments);
        }
        for (String raw : text.substring(1).split("/", -1)) {
            List<String> pieces = new ArrayList<>();
            StringBuilder piece = new StringBuilder();
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '*') {
                    pieces.add(piece.toString());
                    piece.setLength(0);
                } else if (c == '~') {
                    char next = i + 1 < raw.length() ? raw.charAt(++i) : ' ';
                    if (next != '0' && next != '1' && next != '2') {
                        throw new VerifierConfigException(at, "'" + text + "': '~' must be followed by 0, 1 or 2");
                    }
                    piece.append(next == '0' ? '~' : next == '1' ? '/' : '*');
                } else {
                    piece.append(c);
                }
            }
            pieces.add(piece.toString());
            segments.add(List.copyOf(pieces));
        }
        return new JsonPattern(text, segments);
    }

    /** Whether the pattern has no wildcard (it names one place). */
    boolean literal() {
        return segments.stream().allMatch(s -> s.size() == 1);
    }

    int depth() {
        return segments.size();
    }

    /** The JSON Pointer of a literal pattern. */
    String pointer() {
        String p = "";
        for (List<String> s : segments) {
            p = JsonPointers.child(p, s.get(0));
        }
        return p;
    }

    /** Whether the place with these (unescaped) segments matches. */
    boolean matches(List<String> path) {
        if (path.size() != segments.size()) {
            return false;
        }
        for (int i = 0; i < path.size(); i++) {
            if (!glob(segments.get(i), path.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean glob(List<String> pieces, String s) {
        if (pieces.size() == 1) {
            return pieces.get(0).equals(s);
        }
        String first = pieces.get(0);
        String last = pieces.get(pieces.size() - 1);
        if (s.length() < first.length() + last.length() || !s.startsWith(first) || !s.endsWith(last)) {
            return false;
        }
        int at = first.length();
        int end = s.length() - last.length();
        for (int i = 1; i < pieces.size() - 1; i++) {
            int found = s.indexOf(pieces.get(i), at);
            if (found < 0 || found + pieces.get(i).length() > end) {
                return false;
            }
            at = found + pieces.get(i).length();
        }
        return true;
    }

    /** The pointers of the places in {@code doc} this pattern matches, in document order. */
    List<String> expand(JsonNode doc) {
        List<String> out = new ArrayList<>();
        expand(doc, 0, "", out);
        return out;
    }

    private void expand(JsonNode n, int depth, String at, List<String> out) {
        if (depth == segments.size()) {
            out.add(at);
            return;
        }
        List<String> pieces = segments.get(depth);
        if (n.isObject()) {
            if (pieces.size() == 1) {
                JsonNode child = n.get(pieces.get(0));
                if (child != null) {
                    expand(child, depth + 1, JsonPointers.child(at, pieces.get(0)), out);
                }
                return;
            }
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                if (glob(pieces, e.getKey())) {
                    expand(e.getValue(), depth + 1, JsonPointers.child(at, e.getKey()), out);
                }
            }
        } else if (n.isArray()) {
            if (pieces.size() == 1) {
                JsonNode indexed =
                        pieces.get(0).matches("0|[1-9][0-9]{0,8}") ? n.get(Integer.parseInt(pieces.get(0))) : null;
                if (indexed != null) {
                    expand(indexed, depth + 1, JsonPointers.child(at, pieces.get(0)), out);
                }
                return;
            }
            for (int i = 0; i < n.size(); i++) {
                if (glob(pieces, Integer.toString(i))) {
                    expand(n.get(i), depth + 1, JsonPointers.child(at, i), out);
                }
            }
        }
    }

    /** The unescaped segments of a JSON Pointer. */
    static List<String> segmentsOf(String pointer) {
        List<String> out = new ArrayList<>();
        if (pointer.isEmpty()) {
            return out;
        }
        for (JsonPointer p = JsonPointer.compile(pointer); !p.matches(); p = p.tail()) {
            out.add(p.getMatchingProperty());
        }
        return out;
    }
}
