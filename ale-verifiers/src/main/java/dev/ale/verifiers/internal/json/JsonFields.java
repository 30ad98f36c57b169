package dev.ale.verifiers.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.ale.api.spi.Check;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.VerificationContext;
import dev.ale.verifiers.internal.support.FileVerifier;
import dev.ale.verifiers.internal.support.GateFailure;
import dev.ale.verifiers.internal.support.JsonFiles;
import dev.ale.verifiers.internal.support.JsonPointers;
import dev.ale.verifiers.internal.support.Render;
import dev.ale.verifiers.internal.support.SafeFiles;
import dev.ale.verifiers.internal.support.Tolerance;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code json} verifier built by {@link JsonVerifierFactory}; immutable. Scores the fields of
 * every target file together: score = Σ weight of matching fields / Σ weight of counted fields
 * (1 when nothing is counted). A field's weight is its group's {@code weight} (default 1), or its
 * group's {@code totalWeight} divided by the number of the group's counted fields. Then the gates,
 * file by file: required fields, types (with {@code types: gate}), extra fields.
 *
 * @param extraFields what output fields the expected value lacks do
 * @param multi       whether the config listed {@code files} (check names then start with the file)
 */
record JsonFields(
        List<JsonTarget> targets,
        JsonCompare compare,
        Extra extraFields,
        boolean typesGate,
        boolean multi,
        Extras extras)
        implements FileVerifier {
    private static final int LISTED = 5;

    JsonFields {
        targets = List.copyOf(targets);
    }

    /** {@code extraFields}: fields the expected value lacks are ignored, a gate anywhere, or a gate at the top level. */
    enum Extra {
        IGNORE,
        FAIL,
        FAIL_TOP_LEVEL
    }

    /** {@code types}: a wrong JSON type scores 0, fails a gate, or fails a gate that follows the reference. */
    enum Types {
        SCORE,
        GATE,
        GATE_STRICT
    }

    /**
     * The options that follow ALE's graders.
     *
     * @param gates       {@code equalGate}, {@code allowedMembers}, {@code extraFields.fail}
     * @param records     {@code records} and {@code aliases}, or null
     * @param strictTypes {@code types: gate-strict}: the types gate asks for the expected JSON type
     *                    whatever the comparison, on every field the patterns name (uncounted
     *                    empty defaults included), and a field missing from an entry the output
     *                    has fails it
     * @param emptyScore  the score when no field is counted (default 1)
     */
    record Extras(JsonGates gates, JsonRecords records, boolean strictTypes, double emptyScore) {}

    /** One target file as read for one call; {@code all} adds the uncounted fields to {@code fields}. */
    private record Read(
            JsonTarget target,
            JsonNode expected,
            JsonNode actual,
            List<JsonPlaces.Field> fields,
            List<JsonPlaces.Field> all,
            JsonNode alternative) {}

    @Override
    public Verdict score(VerificationContext ctx) throws GateFailure, IOException {
        JsonPlaces places = new JsonPlaces(compare, extras.strictTypes());
        List<Read> reads = new ArrayList<>();
        for (JsonTarget t : targets) {
            JsonNode actual =
                    t.optional() && SafeFiles.find(ctx.output(), t.file()).kind() == SafeFiles.Kind.MISSING
                            ? MissingNode.getInstance()
                            : JsonFiles.output(ctx, t.file());
            JsonNode exp = t.expected() != null ? t.expected() : JsonFiles.reference(ctx, t.expectedFile());
            if (extras.records() != null) {
                actual = extras.records().canonical(actual, true);
                exp = t.expected() != null ? exp : extras.records().canonical(exp, false);
            }
            List<JsonPlaces.Field> fields = new ArrayList<>();
            List<JsonPlaces.Field> all = new ArrayList<>();
            if (t.fields().isEmpty()) {
                fields = places.leaves(exp);
                all = fields;
            } else {
                for (String p : t.pointers(exp)) {
                    JsonPlaces.Field f = places.field(exp, p);
                    all.add(f);
                    if (!compare.skipped(f.expected())) {
                        fields.add(f);
                    }
                }
            }
            reads.add(new Read(t, exp, actual, fields, all, alternative(ctx, t)));
        }
        Map<Integer, Integer> perGroup = new HashMap<>();
        for (Read r : reads) {
            for (JsonPlaces.Field f : r.fields()) {
                perGroup.merge(f.rule().group(), 1, Integer::sum);
            }
        }
        List<Check> checks = new ArrayList<>();
        double total = 0;
        double won = 0;
        int matched = 0;
        int counted = 0;
        boolean weighted = false;
        for (Read r : reads) {
            for (JsonPlaces.Field f : r.fields()) {
                JsonNode a = r.actual().at(f.pointer());
                boolean ok = compare.matches(f.expected(), a, new ArrayList<>(f.path()), f.rule());
                JsonNode other = r.alternative().at(f.pointer());
                ok |= !other.isMissingNode() && compare.matches(other, a, new ArrayList<>(f.path()), f.rule());
                double w = f.rule().totalWeight()
                        ? f.rule().weight() / perGroup.get(f.rule().group())
                        : f.rule().weight();
                weighted |= w != 1;
                total += w;
                won += ok ? w : 0;
                matched += ok ? 1 : 0;
                counted++;
                String name = (multi ? r.target().file() + " " : "") + JsonPointers.display(f.pointer());
                checks.add(new Check(
                        name, ok ? 1 : 0, w, false, ok, describe(f), ok ? Render.json(a) : observed(f, a), List.of()));
            }
        }
        for (Read r : reads) {
            GateFailure g = gate(r, places);
            if (g != null) {
                return g.verdict(checks);
            }
        }
        String where = multi ? reads.size() + " files" : targets.get(0).file().value();
        if (counted == 0 && extras.emptyScore() != 1) {
            return Verdict.of(extras.emptyScore(), "no field counted in " + where + " (emptyScore)", checks);
        }
        if (!weighted) {
            return FileVerifier.fraction(matched, counted, "fields match in " + where, checks);
        }
        double score = total == 0 ? 1 : Math.min(1, won / total);
        return Verdict.of(
                score,
                matched + " of " + counted + " fields match in " + where + " (weighted "
                        + Math.round(won * 1000) / 1000.0 + " of " + Math.round(total * 1000) / 1000.0 + ")",
                checks);
    }

    /** The alternative values of a target (its {@code alternativeFile}), or a missing node when there are none. */
    private JsonNode alternative(VerificationContext ctx, JsonTarget t) throws GateFailure, IOException {
        if (t.alternative() == null
                || SafeFiles.find(ctx.reference(), t.alternative()).kind() == SafeFiles.Kind.MISSING) {
            return MissingNode.getInstance();
        }
        JsonNode alt = JsonFiles.reference(ctx, t.alternative());
        return extras.records() != null ? extras.records().canonical(alt, false) : alt;
    }

    /** The first failed gate of one file, or null. */
    private @Nullable GateFailure gate(Read r, JsonPlaces places) {
        if (r.actual().isMissingNode()) {
            return null;
        }
        String file = r.target().file().value();
        List<String> missing = new ArrayList<>();
        long[] count = {0};
        if (r.target().requireAll()) {
            for (JsonPlaces.Field f : r.fields()) {
                absent(r.actual(), f.pointer(), missing, count);
            }
        }
        for (JsonPattern p : r.target().required()) {
            for (String at : p.literal() ? List.of(p.pointer()) : p.expand(r.expected())) {
                absent(r.actual(), at, missing, count);
            }
        }
        if (count[0] > 0) {
            return new GateFailure(
                    file,
                    "every required field",
                    "missing required field" + (count[0] > 1 ? "s " : " ") + Render.some(missing, count[0]));
        }
        if (typesGate) {
            for (JsonPlaces.Field f : extras.strictTypes() ? r.all() : r.fields()) {
                String problem = places.typeProblem(r.expected(), r.actual(), f);
                if (problem != null) {
                    return new GateFailure(file, "the expected JSON types", problem);
                }
            }
        }
        String problem = extras.gates().problem(r.expected(), r.actual());
        if (problem != null) {
            return new GateFailure(file, "the reference's entries and members", problem);
        }
        if (extraFields != Extra.IGNORE) {
            List<String> extra = new ArrayList<>();
            long[] extraCount = {0};
            places.extras(r.expected(), r.actual(), extraFields == Extra.FAIL_TOP_LEVEL, extra, LISTED, extraCount);
            if (extraCount[0] > 0) {
                return new GateFailure(
                        file, "no fields beyond the expected", "extra: " + Render.some(extra, extraCount[0]));
            }
        }
        return null;
    }

    private static void absent(JsonNode actual, String pointer, List<String> missing, long[] count) {
        if (actual.at(pointer).isMissingNode()) {
            if (missing.size() < LISTED) {
                missing.add(JsonPointers.display(pointer));
            }
            count[0]++;
        }
    }

    private String describe(JsonPlaces.Field f) {
        JsonRules.Rule rule = f.rule();
        String e = Render.json(f.expected());
        String tolerance = rule.tolerance().equals(Tolerance.EXACT)
                ? ""
                : " " + rule.tolerance().describe();
        if (f.expected().isArray()) {
            JsonRules.Arrays mode = compare.rules().arrays(f.path(), rule);
            if (mode != JsonRules.Arrays.ORDERED) {
                return e + (mode == JsonRules.Arrays.SET ? " as a set" : " in any order");
            }
        }
        return switch (rule.compare()) {
            case NUMERIC -> e + " as a number" + tolerance;
            case TEXT -> e + " as text, any case";
            default -> f.expected().isNumber() ? e + tolerance : e;
        };
    }

    private String observed(JsonPlaces.Field f, JsonNode a) {
        if (a.isMissingNode()
                || !a.isArray()
                || !f.expected().isArray()
                || compare.rules().arrays(f.path(), f.rule()) == JsonRules.Arrays.ORDERED) {
            return Render.json(a);
        }
        return compare.unordered(f.expected(), a, new ArrayList<>(f.path()), f.rule())
                .observed();
    }
}
