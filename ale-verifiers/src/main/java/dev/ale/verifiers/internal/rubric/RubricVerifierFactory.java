package dev.ale.verifiers.internal.rubric;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.AleException;
import dev.ale.api.spi.Check;
import dev.ale.api.spi.Judge;
import dev.ale.api.spi.JudgeAnswer;
import dev.ale.api.spi.JudgeRequest;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.VerificationContext;
import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierConfigException;
import dev.ale.api.spi.VerifierFactories;
import dev.ale.verifiers.internal.support.FileVerifier;
import dev.ale.verifiers.internal.support.GateFailure;
import dev.ale.verifiers.internal.support.JsonPointers;
import dev.ale.verifiers.internal.support.Options;
import dev.ale.verifiers.internal.support.OptionsFactory;
import dev.ale.verifiers.internal.support.RelPath;
import dev.ale.verifiers.internal.support.SafeFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The {@code rubric} verifier, for the minority of tasks that need judgement: criteria scored by
 * the {@link Judge} the embedding application supplies ({@code VerificationContext.judge()}).
 *
 * <pre>{"type": "rubric", "maxChars": 100000, "criteria": [
 *   {"id": "tone", "question": "Is the memo courteous and free of jargon?", "weight": 2,
 *    "files": ["memo.md"], "referenceFiles": ["style-guide.md"]}]}</pre>
 * <ul>
 * <li>{@code criteria} (required): a non-empty array; each has an {@code id} (letters, digits,
 *     {@code . _ -}; unique), a {@code question}, a {@code weight} (> 0, default 1), {@code files}
 *     (output paths whose text the judge sees) and optionally {@code referenceFiles}.</li>
 * <li>{@code maxChars} (default 100000): the most characters of one file shown to the judge; the
 *     rest is cut with a note saying how much.</li>
 * </ul>
 * Score = weighted mean of the criterion scores. Each criterion's check records the judge's score,
 * its rationale and the SHA-256 of what was judged; scoring the same attempt again with its
 * previous verdict reuses those answers without calling the judge. A missing or unreadable output
 * file is a failed gate (the judge is not asked); no judge, or a judge that throws, makes
 * {@code verify} throw (the attempt is an ERROR).
 */
@API(status = INTERNAL)
public final class RubricVerifierFactory extends OptionsFactory {
    private static final String[] OPTIONS = {"criteria", "maxChars"};
    static final int DEFAULT_MAX_CHARS = 100_000;
    static final int MAX_MAX_CHARS = 10_000_000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    public RubricVerifierFactory() {
        super("rubric", OPTIONS);
    }

    @Override
    protected Verifier build(Options o, VerifierFactories nested) {
        JsonNode list = o.require("criteria");
        if (!list.isArray() || list.isEmpty()) {
            throw o.error("criteria", "must be a non-empty array of criteria, got " + Options.kind(list));
        }
        int maxChars = o.wholeNumber("maxChars", 1, MAX_MAX_CHARS, DEFAULT_MAX_CHARS);
        List<Criterion> criteria = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = JsonPointers.child("/criteria", i);
            JsonNode c = list.get(i);
            if (!c.isObject()) {
                throw new VerifierConfigException(at, "a criterion must be a JSON object, got " + Options.kind(c));
            }
            Criterion criterion;
            try {
                criterion = criterion(c);
            } catch (VerifierConfigException e) {
                throw e.under(at);
            }
            if (!ids.add(criterion.id())) {
                throw new VerifierConfigException(at + "/id", "duplicate criterion id '" + criterion.id() + "'");
            }
            criteria.add(criterion);
        }
        return new Rubric(criteria, maxChars);
    }

    /** One criterion from its JSON object; errors are located relative to that object. */
    private static Criterion criterion(JsonNode c) {
        if (c.has("type")) {
            throw new VerifierConfigException(
                    "/type", "unknown option 'type'; allowed: files, id, question, " + "referenceFiles, weight");
        }
        Options co = Options.of(c, "id", "question", "weight", "files", "referenceFiles");
        String id = co.string("id");
        if (!ID.matcher(id).matches()) {
            throw co.error("id", "'" + id + "' is not a criterion id (letters, digits, '.', '_', '-'; at most 128)");
        }
        double weight = 1;
        if (co.has("weight")) {
            JsonNode w = co.raw("weight");
            if (!w.isNumber() || !(w.doubleValue() > 0) || Double.isInfinite(w.doubleValue())) {
                throw co.error("weight", "must be a number > 0, got " + w);
            }
            weight = w.doubleValue();
        }
        return new Criterion(
                id,
                co.string("question"),
                weight,
                co.paths("files"),
                co.has("referenceFiles") ? co.paths("referenceFiles") : List.of());
    }

    /** One criterion of the rubric. */
    record Criterion(String id, String question, double weight, List<RelPath> files, List<RelPath> referenceFiles) {
        Criterion {
            files = List.copyOf(files);
            referenceFiles = List.copyOf(referenceFiles);
        }
    }

    /** The verifier; immutable. */
    record Rubric(List<Criterion> criteria, int maxChars) implements FileVerifier {
        Rubric {
            criteria = List.copyOf(criteria);
        }

        @Override
        public Verdict score(VerificationContext ctx) throws GateFailure, IOException {
            Map<String, String> outputs = new LinkedHashMap<>();
            Map<String, String> references = new LinkedHashMap<>();
            for (Criterion c : criteria) {
                for (RelPath f : c.files()) {
                    if (!outputs.containsKey(f.value())) {
                        outputs.put(f.value(), cut(SafeFiles.outputText(ctx, f)));
                    }
                }
                for (RelPath f : c.referenceFiles()) {
                    if (!references.containsKey(f.value())) {
                        references.put(f.value(), cut(SafeFiles.referenceText(ctx, f)));
                    }
                }
            }
            Map<String, JudgeAnswer> recorded = JudgeRecord.recorded(ctx.previous());
            List<Check> checks = new ArrayList<>();
            double sum = 0;
            double weights = 0;
            for (Criterion c : criteria) {
                JudgeRequest request = new JudgeRequest(
                        ctx.task().id(),
                        c.id(),
                        c.question(),
                        pick(outputs, c.files()),
                        pick(references, c.referenceFiles()));
                String fingerprint = JudgeRecord.fingerprint(request);
                JudgeAnswer answer = recorded.get(JudgeRecord.key(c.id(), fingerprint));
                if (answer == null) {
                    answer = ask(ctx, request);
                }
                checks.add(JudgeRecord.check(c.id(), c.question(), c.weight(), answer, fingerprint));
                sum += c.weight() * answer.score();
                weights += c.weight();
            }
            double score = Math.min(1, Math.max(0, sum / weights));
            return Verdict.of(
                    score,
                    String.format(Locale.ROOT, "rubric: weighted score %.3f over %d criteria", score, criteria.size()),
                    checks);
        }

        private static JudgeAnswer ask(VerificationContext ctx, JudgeRequest request) {
            Judge judge = ctx.judge()
                    .orElseThrow(() -> new AleException(
                            "",
                            "",
                            "rubric criterion '"
                                    + request.criterion()
                                    + "' needs a judge, but none was configured for this evaluation "
                                    + "(the SDK ships no model client: supply a dev.ale.api.spi.Judge)"));
            JudgeAnswer answer;
            try {
                answer = judge.judge(request);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AleException(
                        "", "", "the judge was interrupted on rubric criterion '" + request.criterion() + "'", e);
            } catch (Exception e) {
                throw new AleException(
                        "", "", "the judge failed on rubric criterion '" + request.criterion() + "': " + e, e);
            }
            if (answer == null) {
                throw new AleException(
                        "", "", "the judge gave no answer on rubric criterion '" + request.criterion() + "'");
            }
            return answer;
        }

        private static Map<String, String> pick(Map<String, String> texts, List<RelPath> paths) {
            Map<String, String> out = new LinkedHashMap<>();
            paths.forEach(p -> out.put(p.value(), texts.get(p.value())));
            return out;
        }

        /** The text shown to the judge: at most {@code maxChars} characters, never splitting a surrogate pair. */
        private String cut(String text) {
            if (text.length() <= maxChars) {
                return text;
            }
            int end = Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
            return text.substring(0, end) + "\n[... " + (text.length() - end) + " more characters not shown]";
        }
    }
}
