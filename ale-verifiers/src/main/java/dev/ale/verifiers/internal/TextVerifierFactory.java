package dev.ale.verifiers.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.Check;
import dev.ale.api.Verdict;
import dev.ale.api.VerificationContext;
import dev.ale.api.Verifier;
import dev.ale.api.VerifierConfigException;
import dev.ale.api.VerifierFactories;
import dev.ale.api.VerifierFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code text} verifier: conditions on one UTF-8 text file of the output.
 *
 * <pre>{"type": "text", "file": "memo.txt", "contains": ["approved", "Q3"], "regex": "total: \\d+",
 *  "notContains": "TODO", "ignoreCase": true}</pre>
 * <ul>
 * <li>{@code file} (required): the output file.</li>
 * <li>{@code equals}: the whole text; or {@code equalsFile}: a reference file holding it.</li>
 * <li>{@code contains}, {@code notContains}: a string or an array of strings that must (not) occur.</li>
 * <li>{@code regex}: a pattern or array of patterns (Java syntax) that must each match somewhere.</li>
 * <li>{@code ignoreCase} (false): compare without case, also for {@code regex}.</li>
 * <li>{@code normalizeWhitespace} (false): every run of white space, line breaks included, counts
 *     as one space and the ends are trimmed, for both the file and the strings (not for regex).</li>
 * </ul>
 * Line breaks are always read as {@code \n}; {@code equals} ignores white space at the very end.
 * At least one condition is required. Score = satisfied / conditions, where each string of
 * {@code contains}, {@code notContains} and {@code regex} is one condition and {@code equals} one more.
 * A missing, unsafe, non-UTF-8 or too large (over 64 MiB) file is a failed gate.
 */
public final class TextVerifierFactory implements VerifierFactory {
    @Override
    public String type() {
        return "text";
    }

    @Override
    public Verifier create(JsonNode config, VerifierFactories nested) {
        Opts o = Opts.of(config, "file", "equals", "equalsFile", "contains", "notContains", "regex",
                "ignoreCase", "normalizeWhitespace");
        Form form = new Form(o.bool("ignoreCase", false), o.bool("normalizeWhitespace", false));
        String eq = o.atMostOne("equals", "equalsFile");
        if (eq == null && !o.has("contains") && !o.has("notContains") && !o.has("regex")) {
            throw new VerifierConfigException("",
                    "at least one of equals, equalsFile, contains, notContains, regex is required");
        }
        String equals = null;
        if ("equals".equals(eq)) {
            JsonNode v = o.raw("equals");
            if (!v.isTextual()) {
                throw o.error("equals", "must be a string, got " + Opts.kind(v));
            }
            equals = v.textValue();
        }
        List<Pattern> regex = new ArrayList<>();
        if (o.has("regex")) {
            List<String> sources = o.strings("regex");
            int flags = form.ignoreCase() ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
            for (int i = 0; i < sources.size(); i++) {
                String at = o.raw("regex").isArray() ? Ptr.child(o.pointer("regex"), i) : o.pointer("regex");
                regex.add(Opts.regex(sources.get(i), at, flags));
            }
        }
        return new Text(o.path("file"), form, equals, "equalsFile".equals(eq) ? o.path("equalsFile") : null,
                o.has("contains") ? o.strings("contains") : List.of(),
                o.has("notContains") ? o.strings("notContains") : List.of(), regex);
    }

    /** How text is compared: case and white space. */
    record Form(boolean ignoreCase, boolean normalizeWhitespace) {
        static String newlines(String s) {
            return s.indexOf('\r') < 0 ? s : s.replace("\r\n", "\n").replace('\r', '\n');
        }

        String apply(String s) {
            String t = newlines(s);
            if (normalizeWhitespace) {
                t = String.join(" ", t.strip().split("\\s+"));
            }
            return ignoreCase ? t.toLowerCase(Locale.ROOT) : t;
        }
    }

    /** The verifier; immutable. {@code equals} and {@code equalsFile} may be null. */
    record Text(RelPath file, Form form, String equals, RelPath equalsFile, List<String> contains,
            List<String> notContains, List<Pattern> regex) implements FileVerifier {
        Text {
            contains = List.copyOf(contains);
            notContains = List.copyOf(notContains);
            regex = List.copyOf(regex);
        }

        @Override
        public Verdict score(VerificationContext ctx) throws GateFailure, IOException {
            String raw = SafeFiles.outputText(ctx, file);
            String text = form.apply(raw);
            List<Check> checks = new ArrayList<>();
            String expected = equalsFile != null ? SafeFiles.referenceText(ctx, equalsFile) : equals;
            if (expected != null) {
                checks.add(equalsCheck(form.apply(expected).stripTrailing(), text.stripTrailing()));
            }
            for (String s : contains) {
                boolean found = text.contains(form.apply(s));
                checks.add(found ? Check.pass("contains " + Render.quoted(s), "present", "found")
                        : Check.fail("contains " + Render.quoted(s), "present", "not found"));
            }
            for (String s : notContains) {
                boolean found = text.contains(form.apply(s));
                checks.add(found ? Check.fail("notContains " + Render.quoted(s), "absent", "found")
                        : Check.pass("notContains " + Render.quoted(s), "absent", "not found"));
            }
            String forRegex = Form.newlines(raw);
            for (Pattern p : regex) {
                Matcher m = p.matcher(new Interruptible(forRegex));
                String name = "regex /" + Render.brief(p.pattern()) + "/";
                checks.add(m.find() ? Check.pass(name, "a match", Render.quoted(m.group()))
                        : Check.fail(name, "a match", "no match"));
            }
            int passed = (int) checks.stream().filter(Check::passed).count();
            return FileVerifier.fraction(passed, checks.size(), "text conditions hold in " + file, checks);
        }

        private static Check equalsCheck(String expected, String actual) {
            if (expected.equals(actual)) {
                return Check.pass("equals", Render.quoted(expected), "equal");
            }
            int i = 0;
            int n = Math.min(expected.length(), actual.length());
            while (i < n && expected.charAt(i) == actual.charAt(i)) {
                i++;
            }
            int line = 1;
            int lineStart = 0;
            for (int k = 0; k < i; k++) {
                if (actual.charAt(k) == '\n') {
                    line++;
                    lineStart = k + 1;
                }
            }
            String where = "differs at line " + line + ", column " + (i - lineStart + 1) + ": ";
            String got = i >= actual.length() ? "text ends early" : Render.quoted(actual.substring(i, Math.min(actual.length(), i + 30)));
            return Check.fail("equals", Render.quoted(expected), where + got);
        }
    }
}
