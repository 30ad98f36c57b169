package dev.ale.verifiers.internal.text;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.VerificationContext;
import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierConfigException;
import dev.ale.api.spi.VerifierFactories;
import dev.ale.verifiers.internal.support.Elements;
import dev.ale.verifiers.internal.support.FileVerifier;
import dev.ale.verifiers.internal.support.GateFailure;
import dev.ale.verifiers.internal.support.JsonPointers;
import dev.ale.verifiers.internal.support.Options;
import dev.ale.verifiers.internal.support.OptionsFactory;
import dev.ale.verifiers.internal.support.RelPath;
import dev.ale.verifiers.internal.support.SafeFiles;
import dev.ale.verifiers.internal.support.WeightedScore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The {@code markdown} verifier: required headings (by level and text, in order or not), conditions
 * on the body of named sections, and the text conditions of {@code text} on the whole document.
 *
 * <pre>{"type": "markdown", "file": "report.md", "inOrder": true,
 *  "headings": [{"text": "Summary", "level": 2}, "Findings", {"regex": "^Appendix", "weight": 0.5}],
 *  "sections": [{"heading": "Findings", "contains": "revenue", "words": {"min": 50}}],
 *  "notContains": "TODO"}</pre>
 * Score = sum of the weights of satisfied conditions / sum of all weights, where each required
 * heading, each condition of each section and each whole-document condition is one condition.
 * With {@code inOrder}, a heading counts only when it is part of the longest run of required
 * headings found in the listed order. A section that is missing fails all its conditions.
 * A missing, unsafe, non-UTF-8 or too large file is a failed gate. See {@link MarkdownDoc}.
 */
@API(status = INTERNAL)
public final class MarkdownVerifierFactory extends OptionsFactory {
    private static final String[] SECTION = {"heading", "contains", "notContains", "regex", "words"};
    private static final String[] SECTIONS = {"file", "headings", "inOrder", "sections"};

    public MarkdownVerifierFactory() {
        super("markdown", groups(SECTIONS, TextVerifierFactory.CONDITIONS));
    }

    @Override
    protected Verifier build(Options o, VerifierFactories nested) {
        TextVerifierFactory.Form form =
                new TextVerifierFactory.Form(o.bool("ignoreCase", false), o.bool("normalizeWhitespace", false));
        List<HeadingSpec> headings = new ArrayList<>();
        if (o.has("headings")) {
            JsonNode list = o.raw("headings");
            if (!list.isArray() || list.isEmpty()) {
                throw o.error("headings", "must be a non-empty array of headings, got " + Options.kind(list));
            }
            for (int i = 0; i < list.size(); i++) {
                headings.add(HeadingSpec.read(
                        list.get(i), JsonPointers.child(o.pointer("headings"), i), true, form.ignoreCase()));
            }
        }
        if (o.has("inOrder") && headings.isEmpty()) {
            throw o.error("inOrder", "applies to 'headings', which is not given");
        }
        List<Section> sections = o.has("sections")
                ? Elements.read(
                        o,
                        "sections",
                        (s, i) -> section(s, JsonPointers.child(o.pointer("sections"), i), form),
                        SECTION)
                : List.of();
        TextConditions whole = TextConditions.read(o, form);
        if (headings.isEmpty() && sections.isEmpty() && whole.isEmpty()) {
            throw new VerifierConfigException(
                    "", "at least one of headings, sections, contains, notContains, regex, words is required");
        }
        return new Markdown(o.path("file"), form, headings, o.bool("inOrder", false), sections, whole);
    }

    /** One entry of {@code sections}, at JSON Pointer {@code at}: its heading and at least one condition. */
    private static Section section(Options s, String at, TextVerifierFactory.Form form) {
        HeadingSpec h = HeadingSpec.read(s.require("heading"), s.pointer("heading"), false, form.ignoreCase());
        TextConditions c = TextConditions.read(s, form);
        if (c.isEmpty()) {
            throw new VerifierConfigException(
                    at, "a section needs at least one of contains, notContains, regex, words");
        }
        return new Section(h, c);
    }

    /** A section: the heading it is under and the conditions on its body. */
    record Section(HeadingSpec heading, TextConditions conditions) {}

    /** The verifier; immutable. */
    record Markdown(
            RelPath file,
            TextVerifierFactory.Form form,
            List<HeadingSpec> headings,
            boolean inOrder,
            List<Section> sections,
            TextConditions whole)
            implements FileVerifier {
        Markdown {
            headings = List.copyOf(headings);
            sections = List.copyOf(sections);
        }

        @Override
        public Verdict score(VerificationContext ctx) throws GateFailure, IOException {
            String raw = TextVerifierFactory.Form.newlines(SafeFiles.outputText(ctx, file));
            MarkdownDoc doc = MarkdownDoc.parse(raw);
            WeightedScore tally = new WeightedScore();
            if (!headings.isEmpty()) {
                HeadingOrder.check(headings, doc.headings(), inOrder, file.value(), tally);
            }
            for (Section s : sections) {
                String prefix = "section " + s.heading().label() + ": ";
                MarkdownDoc.Heading h = doc.headings().stream()
                        .filter(s.heading()::matches)
                        .findFirst()
                        .orElse(null);
                if (h == null) {
                    s.conditions().failAll(prefix, "section missing", tally);
                } else {
                    s.conditions().evaluate(doc.body(h), form, prefix, tally);
                }
            }
            whole.evaluate(raw, form, "", tally);
            return tally.verdict("markdown conditions hold in " + file);
        }
    }
}
