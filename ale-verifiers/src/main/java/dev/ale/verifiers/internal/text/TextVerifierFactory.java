package dev.ale.verifiers.internal.text;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.spi.Check;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.VerificationContext;
import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierConfigException;
import dev.ale.api.spi.VerifierFactories;
import dev.ale.verifiers.internal.support.FileVerifier;
import dev.ale.verifiers.internal.support.GateFailure;
import dev.ale.verifiers.internal.support.Options;
import dev.ale.verifiers.internal.support.OptionsFactory;
import dev.ale.verifiers.internal.support.RelPath;
import dev.ale.verifiers.internal.support.Render;
import dev.ale.verifiers.internal.support.SafeFiles;
import dev.ale.verifiers.internal.support.WeightedScore;
import java.io.IOException;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The {@code text} verifier: conditions on one UTF-8 text file of the output.
 *
 * <pre>{"type": "text", "file": "memo.txt", "contains": ["approved", {"text": "Q3", "min": 2}],
 *  "regex": ["total: \\d+", {"pattern": "TODO|TBD", "max": 0}], "notContains": "DRAFT",
 *  "words": {"min": 100, "max": 500}, "ignoreCase": true}</pre>
 * <ul>
 * <li>{@code file} (required): the output file.</li>
 * <li>{@code equals}: the whole text; or {@code equalsFile}: a reference file holding it.</li>
 * <li>{@code contains}, {@code notContains}, {@code regex}, {@code words}: see {@link TextConditions}.</li>
 * <li>{@code ignoreCase} (false): compare without case, also for {@code regex}.</li>
 * <li>{@code normalizeWhitespace} (false): every run of white space, line breaks included, counts
 *     as one space and the ends are trimmed, for both the file and the strings (not for regex).</li>
 * </ul>
 * Line breaks are always read as {@code \n}; {@code equals} ignores white space at the very end.
 * At least one condition is required. Score = sum of the weights of satisfied conditions / sum of
 * all weights (each item of {@code contains}, {@code notContains}, {@code regex}, and {@code words}
 * and {@code equals}, is one condition, of weight 1 unless it says otherwise). A missing, unsafe,
 * non-UTF-8 or too large (over 64 MiB) file is a failed gate.
 */
@API(status = INTERNAL)
public final class TextVerifierFactory extends OptionsFactory {
    private static final String[] EQUALS = {"file", "equals", "equalsFile"};
    /** The options of the text conditions and their form, shared with {@code markdown}. */
    static final String[] CONDITIONS = {"contains", "notContains", "regex", "words", "ignoreCase", "normalizeWhitespace"
    };

    public TextVerifierFactory() {
        super("text", groups(EQUALS, CONDITIONS));
    }

    @Override
    protected Verifier build(Options o, VerifierFactories nested) {
        Form form = new Form(o.bool("ignoreCase", false), o.bool("normalizeWhitespace", false));
        String eq = o.atMostOne("equals", "equalsFile");
        TextConditions conditions = TextConditions.read(o, form);
        if (eq == null && conditions.isEmpty()) {
            throw new VerifierConfigException(
                    "", "at least one of equals, equalsFile, contains, notContains, regex, words is required");
        }
        String equals = null;
        if ("equals".equals(eq)) {
            JsonNode v = o.raw("equals");
            if (!v.isTextual()) {
                throw o.error("equals", "must be a string, got " + Options.kind(v));
            }
            equals = v.textValue();
        }
        return new Text(
                o.path("file"), form, equals, "equalsFile".equals(eq) ? o.path("equalsFile") : null, conditions);
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
    record Text(RelPath file, Form form, String equals, RelPath equalsFile, TextConditions conditions)
            implements FileVerifier {
        @Override
        public Verdict score(VerificationContext ctx) throws GateFailure, IOException {
            String raw = SafeFiles.outputText(ctx, file);
            WeightedScore tally = new WeightedScore();
            String expected = equalsFile != null ? SafeFiles.referenceText(ctx, equalsFile) : equals;
            if (expected != null) {
                tally.add(equalsCheck(
                        form.apply(expected).stripTrailing(), form.apply(raw).stripTrailing()));
            }
            conditions.evaluate(raw, form, "", tally);
            return tally.verdict("text conditions hold in " + file);
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
            String got = i >= actual.length()
                    ? "text ends early"
                    : Render.quoted(actual.substring(i, Math.min(actual.length(), i + 30)));
            return Check.fail("equals", Render.quoted(expected), where + got);
        }
    }
}
