package dev.ale.verifiers.internal.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.spi.VerifierConfigException;
import dev.ale.verifiers.internal.support.Interruptible;
import dev.ale.verifiers.internal.support.Options;
import dev.ale.verifiers.internal.support.Render;
import dev.ale.verifiers.internal.support.WeightedScore;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A required Markdown heading: its text (compared after collapsing white space and unwrapping
 * {@code **}, {@code __}, {@code *}, {@code _} or {@code `} around the whole heading) or a regular
 * expression found in that text, an optional level (1 to 6; any level when absent) and a weight.
 * Configured as a string (the text, any level) or {@code {"text"|"regex": ..., "level": n}}.
 */
record HeadingSpec(String text, Pattern regex, int level, double weight, boolean ignoreCase) {
    /** Reads a heading spec at {@code at}; {@code weighted} allows the {@code weight} option. */
    static HeadingSpec read(JsonNode v, String at, boolean weighted, boolean ignoreCase) {
        if (v != null && v.isTextual()) {
            return new HeadingSpec(MarkdownDoc.plain(Options.text(v, at)), null, 0, 1, ignoreCase);
        }
        if (v == null || !v.isObject()) {
            throw new VerifierConfigException(
                    at, "must be a heading text or an object with 'text' or 'regex', got " + Options.kind(v));
        }
        Options o = weighted
                ? Options.at(v, at, "text", "regex", "level", "weight")
                : Options.at(v, at, "text", "regex", "level");
        int level = 0;
        if (o.has("level")) {
            level = o.index("level");
            if (level < 1 || level > 6) {
                throw o.error("level", "must be a heading level from 1 to 6, got " + level);
            }
        }
        double weight = WeightedScore.weight(o);
        if (o.exactlyOne("text", "regex").equals("text")) {
            return new HeadingSpec(MarkdownDoc.plain(o.string("text")), null, level, weight, ignoreCase);
        }
        int flags = ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
        return new HeadingSpec(
                null, Options.regex(o.string("regex"), o.pointer("regex"), flags), level, weight, ignoreCase);
    }

    boolean matches(MarkdownDoc.Heading h) {
        if (level != 0 && h.level() != level) {
            return false;
        }
        String plain = MarkdownDoc.plain(h.text());
        if (regex != null) {
            return regex.matcher(new Interruptible(plain)).find();
        }
        return ignoreCase ? plain.toLowerCase(Locale.ROOT).equals(text.toLowerCase(Locale.ROOT)) : plain.equals(text);
    }

    /** How the spec reads in a check name: {@code ## 'Findings'}, {@code /^Q[1-4]/}. */
    String label() {
        String what = regex != null ? "/" + Render.brief(regex.pattern()) + "/" : Render.quoted(text);
        return level == 0 ? what : "#".repeat(level) + " " + what;
    }
}
