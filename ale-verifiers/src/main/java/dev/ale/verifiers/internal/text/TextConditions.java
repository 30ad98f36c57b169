package dev.ale.verifiers.internal.text;

import dev.ale.verifiers.internal.support.Count;
import dev.ale.verifiers.internal.support.Interruptible;
import dev.ale.verifiers.internal.support.Items;
import dev.ale.verifiers.internal.support.Options;
import dev.ale.verifiers.internal.support.Render;
import dev.ale.verifiers.internal.support.WeightedScore;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text conditions shared by {@code text} and {@code markdown} (whole document or one section):
 * {@code contains}, {@code notContains}, {@code regex} and {@code words}. Each string of
 * {@code contains}/{@code notContains}/{@code regex} may instead be an object with a count
 * ({@code min}/{@code max}/{@code exactly}; not for {@code notContains}) and a {@code weight}.
 * Every item is one condition of its weight (default 1). Immutable.
 */
final class TextConditions {
    /** The option names this class reads. */
    static final List<String> OPTIONS = List.of("contains", "notContains", "regex", "words");

    /** A phrase that must occur (count times) or, with {@code forbidden}, must not occur. */
    record Phrase(String text, Count count, boolean counted, boolean forbidden, double weight) {
        /** Its check name: {@code contains 'Risk:' at least 3 times}, {@code notContains 'TODO'}. */
        String name() {
            return (forbidden ? "notContains " : "contains ")
                    + Render.quoted(text)
                    + (counted ? " " + count.describe("times") : "");
        }
    }

    /** A pattern that must match (count times). */
    record Match(Pattern pattern, Count count, boolean counted, double weight) {
        /** Its check name: {@code regex /Risk: \w+/ exactly 3 matches}. */
        String name() {
            return "regex /" + Render.brief(pattern.pattern()) + "/" + (counted ? " " + count.describe("matches") : "");
        }
    }

    /** A limit on the number of words. */
    record WordLimit(Count count, double weight) {}

    private final List<Phrase> phrases;
    private final List<Match> matches;
    private final WordLimit words;

    private TextConditions(List<Phrase> phrases, List<Match> matches, WordLimit words) {
        this.phrases = List.copyOf(phrases);
        this.matches = List.copyOf(matches);
        this.words = words;
    }

    /** Reads the conditions present in {@code o}; regular expressions honour {@code form.ignoreCase()}. */
    static TextConditions read(Options o, TextVerifierFactory.Form form) {
        List<Phrase> phrases = new ArrayList<>();
        for (Items i : Items.read(o, "contains", "text", "min", "max", "exactly", "weight")) {
            phrases.add(new Phrase(i.value(), i.count(), i.counted(), false, i.weight()));
        }
        for (Items i : Items.read(o, "notContains", "text", "weight")) {
            phrases.add(new Phrase(i.value(), new Count(0, 0), false, true, i.weight()));
        }
        List<Match> matches = new ArrayList<>();
        int flags = form.ignoreCase() ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
        for (Items i : Items.read(o, "regex", "pattern", "min", "max", "exactly", "weight")) {
            Pattern p = Options.regex(i.value(), i.opts() == null ? i.at() : i.at() + "/pattern", flags);
            matches.add(new Match(p, i.count(), i.counted(), i.weight()));
        }
        WordLimit words = null;
        if (o.has("words")) {
            Options w = o.object("words", "min", "max", "exactly", "weight");
            if (!Count.configured(w)) {
                throw o.error("words", "one of min, max, exactly is required");
            }
            words = new WordLimit(Count.read(w, 0), WeightedScore.weight(w));
        }
        return new TextConditions(phrases, matches, words);
    }

    boolean isEmpty() {
        return phrases.isEmpty() && matches.isEmpty() && words == null;
    }

    /**
     * Adds one check per condition to {@code tally}, named with {@code prefix}. Phrases are compared
     * in {@code form}; patterns and words see {@code raw} with line breaks read as {@code \n}.
     */
    void evaluate(String raw, TextVerifierFactory.Form form, String prefix, WeightedScore tally) {
        String text = phrases.isEmpty() ? "" : form.apply(raw);
        for (Phrase p : phrases) {
            long n = occurrences(text, form.apply(p.text), p.counted);
            String name = prefix + p.name();
            if (p.forbidden) {
                tally.add(n == 0, name, p.weight, "absent", n == 0 ? "not found" : "found " + times(n));
            } else if (p.counted) {
                tally.add(p.count.test(n), name, p.weight, p.count.describe("times"), "found " + times(n));
            } else {
                tally.add(n > 0, name, p.weight, "present", n > 0 ? "found" : "not found");
            }
        }
        String forRegex = matches.isEmpty() && words == null ? "" : TextVerifierFactory.Form.newlines(raw);
        for (Match m : matches) {
            Matcher matcher = m.pattern.matcher(new Interruptible(forRegex));
            String name = prefix + m.name();
            if (m.counted) {
                long n = 0;
                while (matcher.find()) {
                    n++;
                }
                tally.add(
                        m.count.test(n),
                        name,
                        m.weight,
                        m.count.describe("matches"),
                        n + (n == 1 ? " match" : " matches"));
            } else {
                boolean found = matcher.find();
                tally.add(found, name, m.weight, "a match", found ? Render.quoted(matcher.group()) : "no match");
            }
        }
        if (words != null) {
            long n = Words.count(forRegex);
            tally.add(words.count.test(n), prefix + "words", words.weight, words.count.describe("words"), n + " words");
        }
    }

    /** Fails every condition (for a markdown section that is missing), saying {@code why}. */
    void failAll(String prefix, String why, WeightedScore tally) {
        for (Phrase p : phrases) {
            tally.add(false, prefix + p.name(), p.weight, p.forbidden ? "absent" : "present", why);
        }
        for (Match m : matches) {
            tally.add(false, prefix + m.name(), m.weight, "a match", why);
        }
        if (words != null) {
            tally.add(false, prefix + "words", words.weight, words.count.describe("words"), why);
        }
    }

    private static String times(long n) {
        return n == 1 ? "1 time" : n + " times";
    }

    /** Non-overlapping occurrences of {@code needle}; stops at the first unless {@code all}. */
    private static long occurrences(String text, String needle, boolean all) {
        if (needle.isEmpty()) {
            return 1;
        }
        long n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
            n++;
            if (!all) {
                break;
            }
        }
        return n;
    }
}
