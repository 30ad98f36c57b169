package dev.ale.verifiers.internal.trajectory;

import dev.ale.api.Step;
import dev.ale.verifiers.internal.support.Glob;
import dev.ale.verifiers.internal.support.Interruptible;
import dev.ale.verifiers.internal.support.Render;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds paths in the text of tool calls for {@code forbidPaths}. The text (a tool's arguments) is
 * split into words at white space and at {@code " ' ` ( ) [ ] { } < > , ; | & = :}; each word has
 * backslashes turned into '/', repeated '/' and {@code .} segments dropped and {@code ..} resolved
 * where it can be; words longer than {@value #MAX_WORD} characters are cut to their last
 * {@value #MAX_WORD} at a '/'. An absolute pattern must match a whole word; a relative one matches
 * the whole word or any part of it that starts after a '/' (so {@code reference/**} catches
 * {@code /work/task/reference/answer.csv} and {@code ../reference}). The check is textual: a path
 * reached through a shell wildcard, a variable or generated text is not seen.
 */
final class ToolText {
    static final int MAX_WORD = 4096;
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\"'`()\\[\\]{}<>,;|&=:]+");

    private ToolText() {}

    /** The pattern a word must not match for {@code glob}. */
    static Pattern forbidden(Glob glob) {
        return glob.absolute()
                ? glob.pattern()
                : Pattern.compile("(?:.*/)?(?:" + glob.pattern().pattern() + ")");
    }

    /** "step N (tool): 'word'" for the first tool call holding a word that matches, or null. */
    static @Nullable String firstHit(List<Step> steps, Pattern pattern) {
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            if (s.kind() != Step.Kind.TOOL_CALL) {
                continue;
            }
            for (String word : SEPARATORS.split(new Interruptible(s.text()))) {
                String w = normalize(word);
                if (!w.isEmpty() && pattern.matcher(new Interruptible(w)).matches()) {
                    return "step " + (i + 1) + " (" + Render.brief(s.name(), 30) + "): " + Render.quoted(word);
                }
            }
        }
        return null;
    }

    /** The word as a path: '/' separators, no empty or '.' segments, '..' resolved lexically, cut to {@link #MAX_WORD}. */
    static String normalize(String word) {
        String w = word.replace('\\', '/');
        boolean absolute = w.startsWith("/");
        List<String> out = new ArrayList<>();
        for (String seg : w.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..") && !out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
                out.remove(out.size() - 1);
            } else if (!(seg.equals("..") && absolute)) {
                out.add(seg);
            }
        }
        String path = (absolute ? "/" : "") + String.join("/", out);
        if (path.length() > MAX_WORD) {
            int cut = path.indexOf('/', path.length() - MAX_WORD);
            path = cut < 0 ? "" : path.substring(cut + 1);
        }
        return path;
    }
}
