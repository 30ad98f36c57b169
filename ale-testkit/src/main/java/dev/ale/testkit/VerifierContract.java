package dev.ale.testkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ale.api.spi.Judge;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.VerificationContext;
import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierConfigException;
import dev.ale.api.spi.VerifierFactories;
import dev.ale.api.spi.VerifierFactory;
import dev.ale.api.spi.VerifierPolicy;
import dev.ale.testkit.internal.AccessLog;
import dev.ale.testkit.internal.Arena;
import dev.ale.testkit.internal.ContractFactories;
import dev.ale.testkit.internal.Variant;
import dev.ale.testkit.internal.Variants;
import dev.ale.testkit.internal.VerdictRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The contract every verifier plugin should keep, as JUnit 5 tests to inherit: extend this class
 * in your plugin's tests, supply your {@link #factory()} and a few {@link #samples()} (a
 * configuration with an output and a reference tree), and the inherited tests check that
 * <ul>
 * <li>scores stay in [0, 1] (never NaN) on the samples and on seeded fuzz of their outputs (an
 *     empty workspace, truncated files, random bytes, a huge file), and {@code verify} does not
 *     throw on them: an agent's bad output is a low score, not an infrastructure error;</li>
 * <li>scoring is deterministic: the same inputs give an equal verdict, with one verifier
 *     instance or two;</li>
 * <li>the verifier never reads outside the roots it is given: the roots sit in an in-memory file
 *     system whose every read is recorded, next to canary files, and the output is baited with
 *     links (absolute, relative {@code ..}, linked directories) pointing at the canaries; a read
 *     that reaches outside the roots, or a verdict that repeats the canary's text, fails;</li>
 * <li>configuration errors are {@link VerifierConfigException}s naming a JSON Pointer: your
 *     {@link #invalidConfigs()} at exactly their field, unknown options, and mutations of the
 *     samples' configurations (members removed or given wrong types) never throw anything else.</li>
 * </ul>
 * Failures list every sample and variant that broke a rule. Override the protected methods to
 * adjust the policy, the judge, the fuzz seed or sizes.
 */
@API(status = EXPERIMENTAL)
public abstract class VerifierContract {
    private static final int MAX_REPORTED = 25;
    private static final int MAX_MUTATIONS = 2000;

    /** The factory under test. */
    protected abstract VerifierFactory factory();

    /** Representative configurations with outputs and references; at least one. */
    protected abstract List<Sample> samples();

    /** Configurations that must be refused, each at its field. Default: none. */
    protected List<InvalidConfig> invalidConfigs() {
        return List.of();
    }

    /** The policy verifiers are built under. Default: {@link VerifierPolicy#DEFAULT}. */
    protected VerifierPolicy policy() {
        return VerifierPolicy.DEFAULT;
    }

    /** The registry passed to {@code create}: the factory under test, then the class path's registry. */
    protected VerifierFactories nested() {
        return new ContractFactories(factory(), policy());
    }

    /** The judge in the verification context (for rubric-like verifiers). Default: none. */
    protected Optional<Judge> judge() {
        return Optional.empty();
    }

    /** The seed of the fuzz; a failure message names the variant, so a failure replays. */
    protected long seed() {
        return 20_260_101L;
    }

    /** The size of the huge file of the fuzz. Default: 64 MiB + 1 KiB, past the built-in read cap. */
    protected long hugeFileBytes() {
        return (64L << 20) + 1024;
    }

    /** How many files of a sample's output are fuzzed one by one. Default: 8. */
    protected int maxFuzzedFiles() {
        return 8;
    }

    /** Whether unknown options must be refused (the built-in rule: they catch typos). Default: true. */
    protected boolean refusesUnknownOptions() {
        return true;
    }

    @Test
    public void scoresStayInTheUnitIntervalOnTheSamples() throws Exception {
        Failures f = new Failures();
        for (Sample s : samples()) {
            Verifier v = create(s, f);
            if (v != null) {
                f.verdict(s, "as given", run(v, s, Variant.of("as given", s.output())));
            }
        }
        f.check("scores must stay in [0, 1] on the samples");
    }

    @Test
    public void scoresStayInTheUnitIntervalOnFuzzedOutputs() throws Exception {
        Failures f = new Failures();
        List<Sample> samples = samples();
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            Verifier v = create(s, f);
            if (v != null) {
                for (Variant variant : Variants.fuzzed(s.output(), seed() + i, hugeFileBytes(), maxFuzzedFiles())) {
                    f.verdict(s, variant.name(), run(v, s, variant));
                }
            }
        }
        f.check("scores must stay in [0, 1], without exceptions, on fuzzed outputs (seed " + seed() + ")");
    }

    @Test
    public void scoringIsDeterministic() throws Exception {
        Failures f = new Failures();
        List<Sample> samples = samples();
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            Verifier one = create(s, f);
            Verifier two = create(s, f);
            if (one == null || two == null) {
                continue;
            }
            List<Variant> variants = new ArrayList<>(List.of(Variant.of("as given", s.output())));
            variants.addAll(Variants.fuzzed(s.output(), seed() + i, 0, maxFuzzedFiles()));
            variants.removeIf(v -> v.name().startsWith("huge "));
            for (Variant variant : variants) {
                Run a = run(one, s, variant);
                Run b = run(one, s, variant);
                Run c = run(two, s, variant);
                if (a.error() != null || b.error() != null || c.error() != null) {
                    continue;
                }
                if (!a.verdict().equals(b.verdict()) || !a.verdict().equals(c.verdict())) {
                    f.add(
                            s,
                            variant.name(),
                            "verdicts differ: " + a.verdict() + " / " + b.verdict() + " / " + c.verdict());
                }
            }
        }
        f.check("scoring must be deterministic");
    }

    @Test
    public void neverReadsOutsideItsRoots() throws Exception {
        Failures f = new Failures();
        for (Sample s : samples()) {
            Verifier v = create(s, f);
            if (v == null) {
                continue;
            }
            List<Variant> variants = new ArrayList<>(List.of(Variant.of("as given", s.output())));
            variants.addAll(Variants.baited(s.output()));
            for (Variant variant : variants) {
                Run r = run(v, s, variant);
                for (AccessLog.Access a : r.outside()) {
                    f.add(s, variant.name(), "read outside its roots: " + a);
                }
                if (r.verdict() != null && VerdictRules.mentions(r.verdict(), canary())) {
                    f.add(
                            s,
                            variant.name(),
                            "the verdict repeats the canary's content from outside the roots: " + r.verdict());
                }
                if (r.error() != null && String.valueOf(r.error().getMessage()).contains(canary())) {
                    f.add(
                            s,
                            variant.name(),
                            "the error repeats the canary's content from outside the roots: " + r.error());
                }
            }
        }
        f.check("a verifier must never read outside the output and reference roots");
    }

    @Test
    public void configErrorsAreVerifierConfigExceptionsWithAPointer() {
        Failures f = new Failures();
        for (InvalidConfig bad : invalidConfigs()) {
            String refusal = Configs.refusal(factory(), nested(), bad.config());
            if (refusal == null) {
                f.add(
                        null,
                        bad.config().toString(),
                        "was accepted; expected a VerifierConfigException at '" + bad.field() + "'");
            } else if (!refusal.equals(Configs.AT + bad.field())) {
                f.add(
                        null,
                        bad.config().toString(),
                        "expected a VerifierConfigException at '" + bad.field() + "', got " + refusal);
            }
        }
        for (Sample s : samples()) {
            if (refusesUnknownOptions()) {
                String refusal = Configs.refusal(factory(), nested(), Configs.withUnknownOption(s.config()));
                if (!(Configs.AT + "/" + Configs.UNKNOWN).equals(refusal)) {
                    f.add(
                            s,
                            "unknown option '" + Configs.UNKNOWN + "'",
                            "expected a VerifierConfigException at '/" + Configs.UNKNOWN + "', got "
                                    + (refusal == null ? "acceptance" : refusal));
                }
            }
            for (Configs.Mutation m : Configs.mutations(s.config(), MAX_MUTATIONS)) {
                String refusal = Configs.refusal(factory(), nested(), m.config());
                if (refusal != null && !refusal.startsWith(Configs.AT)) {
                    f.add(s, m.name(), refusal);
                }
            }
        }
        f.check("configuration errors must be VerifierConfigExceptions naming a JSON Pointer");
    }

    /** The token the canaries hold. */
    private String canary() {
        return "ALE-CANARY-" + Long.toHexString(new Random(seed()).nextLong());
    }

    private @Nullable Verifier create(Sample s, Failures f) {
        try {
            Verifier v = factory().create(s.config(), nested());
            if (v == null) {
                f.add(s, "create", "the factory returned no verifier");
            }
            return v;
        } catch (RuntimeException e) {
            f.add(s, "create", "the sample's configuration was refused: " + e);
            return null;
        }
    }

    /** What one verification did: its verdict or error, and the reads that left the roots. */
    private record Run(Verdict verdict, Throwable error, List<AccessLog.Access> outside) {}

    private Run run(Verifier v, Sample s, Variant variant) throws Exception {
        try (Arena arena = Arena.create(canary())) {
            arena.writeOutput(variant);
            arena.writeReference(s.reference());
            VerificationContext ctx =
                    FolderContext.of(arena.output(), arena.reference()).withJudge(judge());
            arena.log().start();
            Verdict verdict = null;
            Throwable error = null;
            try {
                verdict = v.verify(ctx);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                error = t;
            } finally {
                arena.log().stop();
            }
            return new Run(verdict, error, arena.outside());
        }
    }

    /** Collects rule violations and fails once with all of them. */
    private static final class Failures {
        private final List<String> lines = new ArrayList<>();

        void add(Sample s, String variant, String problem) {
            lines.add((s == null ? "" : "sample '" + s.name() + "', ") + variant + ": " + problem);
        }

        /** Records the problems of one run: an exception, or a verdict breaking the invariants. */
        void verdict(Sample s, String variant, Run r) {
            if (r.error() != null) {
                add(s, variant, "verify threw " + r.error());
                return;
            }
            VerdictRules.problems(r.verdict()).forEach(p -> add(s, variant, p));
        }

        void check(String rule) {
            if (lines.isEmpty()) {
                return;
            }
            StringBuilder b =
                    new StringBuilder(rule).append(" (").append(lines.size()).append(" violations)");
            lines.stream().limit(MAX_REPORTED).forEach(l -> b.append("\n  ").append(l));
            if (lines.size() > MAX_REPORTED) {
                b.append("\n  ...");
            }
            fail(b.toString());
        }
    }
}
