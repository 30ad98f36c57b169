package dev.ale.verifiers.internal.trajectory;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.ale.api.AleException;
import dev.ale.api.Step;
import dev.ale.api.Trajectory;
import dev.ale.api.Usage;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.VerificationContext;
import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierConfigException;
import dev.ale.api.spi.VerifierFactories;
import dev.ale.verifiers.internal.support.Count;
import dev.ale.verifiers.internal.support.Glob;
import dev.ale.verifiers.internal.support.Items;
import dev.ale.verifiers.internal.support.JsonPointers;
import dev.ale.verifiers.internal.support.Options;
import dev.ale.verifiers.internal.support.OptionsFactory;
import dev.ale.verifiers.internal.support.Render;
import dev.ale.verifiers.internal.support.WeightedScore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The {@code trajectory} verifier: rules on what the harness recorded ({@code ctx.trajectory()}).
 *
 * <pre>{"type": "trajectory", "maxToolCalls": 50, "requireTools": ["run_tests", {"tool": "bash", "min": 3}],
 *  "forbidTools": "browser", "forbidPaths": ["reference/**", "/etc/**"], "maxCostUsd": 2.5, "maxTokens": 200000}</pre>
 * <ul>
 * <li>{@code maxSteps}: steps of the kinds MESSAGE, TOOL_CALL and OBSERVATION (usage reports are not steps).</li>
 * <li>{@code maxToolCalls}: TOOL_CALL steps.</li>
 * <li>{@code requireTools}: tool names (exact), each called at least once, or with a count
 *     ({@code {"tool": "bash", "min": 3}}; also {@code max}, {@code exactly}).</li>
 * <li>{@code forbidTools}: tool names that must never be called.</li>
 * <li>{@code forbidPaths}: {@link Glob}s (absolute ones allowed) that no path in any tool call's text may
 *     match; see {@link ToolText}.</li>
 * <li>{@code maxCostUsd}, {@code maxTokens} (input + output), {@code maxInputTokens}, {@code maxOutputTokens}:
 *     limits on the summed usage (inclusive).</li>
 * </ul>
 * Every limit, every required or forbidden tool and every forbidden path is one condition; score =
 * satisfied / conditions. A context without a trajectory is an error, not a zero.
 */
@API(status = INTERNAL)
public final class TrajectoryVerifierFactory extends OptionsFactory {
    private static final String[] RULES = {"maxCostUsd", "requireTools", "forbidTools", "forbidPaths"};
    private static final List<String> LIMITS =
            List.of("maxSteps", "maxToolCalls", "maxTokens", "maxInputTokens", "maxOutputTokens");

    public TrajectoryVerifierFactory() {
        super("trajectory", groups(LIMITS.toArray(String[]::new), RULES));
    }

    @Override
    protected Verifier build(Options o, VerifierFactories nested) {
        List<Long> limits = new ArrayList<>();
        for (String name : LIMITS) {
            limits.add(o.has(name) ? (long) o.index(name) : null);
        }
        List<Required> required = new ArrayList<>();
        for (Items i : Items.read(o, "requireTools", "tool", "min", "max", "exactly")) {
            required.add(new Required(i.value(), i.count()));
        }
        List<String> forbidden = o.has("forbidTools") ? o.strings("forbidTools") : List.of();
        List<Glob> paths = new ArrayList<>();
        if (o.has("forbidPaths")) {
            List<String> globs = o.strings("forbidPaths");
            for (int i = 0; i < globs.size(); i++) {
                String at = o.raw("forbidPaths").isArray()
                        ? JsonPointers.child(o.pointer("forbidPaths"), i)
                        : o.pointer("forbidPaths");
                paths.add(Glob.parse(globs.get(i), at, true));
            }
        }
        BigDecimal maxCost = o.nonNegative("maxCostUsd");
        if (limits.stream().allMatch(l -> l == null)
                && required.isEmpty()
                && forbidden.isEmpty()
                && paths.isEmpty()
                && maxCost == null) {
            throw new VerifierConfigException(
                    "",
                    "at least one of " + String.join(", ", LIMITS)
                            + ", requireTools, forbidTools, forbidPaths, maxCostUsd is required");
        }
        return new Rules(
                limits,
                required,
                forbidden,
                paths.stream().map(ToolText::forbidden).toList(),
                paths,
                maxCost);
    }

    /** A tool that must be called a number of times. */
    record Required(String tool, Count count) {}

    /** The verifier; immutable. {@code limits} follows {@link #LIMITS}, null where not set. */
    record Rules(
            List<Long> limits,
            List<Required> required,
            List<String> forbidden,
            List<Pattern> pathPatterns,
            List<Glob> paths,
            BigDecimal maxCost)
            implements Verifier {
        Rules {
            limits = Collections.unmodifiableList(new ArrayList<>(limits));
            required = List.copyOf(required);
            forbidden = List.copyOf(forbidden);
            pathPatterns = List.copyOf(pathPatterns);
            paths = List.copyOf(paths);
        }

        @Override
        public Verdict verify(VerificationContext ctx) {
            Trajectory t = ctx.trajectory();
            if (t == null) {
                throw new AleException("", "", "the verification context has no trajectory to check");
            }
            List<Step> steps = t.steps();
            Usage usage = t.usage();
            long agentSteps =
                    steps.stream().filter(s -> s.kind() != Step.Kind.USAGE).count();
            long calls =
                    steps.stream().filter(s -> s.kind() == Step.Kind.TOOL_CALL).count();
            long[] actual = {
                agentSteps, calls, usage.inputTokens() + usage.outputTokens(), usage.inputTokens(), usage.outputTokens()
            };
            String[] units = {"steps", "tool calls", "tokens", "input tokens", "output tokens"};
            WeightedScore tally = new WeightedScore();
            for (int i = 0; i < LIMITS.size(); i++) {
                Long max = limits.get(i);
                if (max != null) {
                    tally.add(
                            actual[i] <= max,
                            LIMITS.get(i),
                            1,
                            "at most " + max + " " + units[i],
                            actual[i] + " " + units[i]);
                }
            }
            if (maxCost != null) {
                BigDecimal cost = BigDecimal.valueOf(usage.costUsd());
                tally.add(
                        cost.compareTo(maxCost) <= 0,
                        "maxCostUsd",
                        1,
                        "at most $" + maxCost.toPlainString(),
                        "$" + cost.stripTrailingZeros().toPlainString());
            }
            for (Required r : required) {
                long n = steps.stream()
                        .filter(s -> s.kind() == Step.Kind.TOOL_CALL && s.name().equals(r.tool()))
                        .count();
                tally.add(
                        r.count().test(n),
                        "tool " + Render.quoted(r.tool()) + " called "
                                + r.count().describe("times"),
                        1,
                        r.count().describe("calls"),
                        n + (n == 1 ? " call" : " calls"));
            }
            for (String tool : forbidden) {
                int first = -1;
                long n = 0;
                for (int i = 0; i < steps.size(); i++) {
                    Step s = steps.get(i);
                    if (s.kind() == Step.Kind.TOOL_CALL && s.name().equals(tool)) {
                        first = first < 0 ? i : first;
                        n++;
                    }
                }
                tally.add(
                        n == 0,
                        "tool " + Render.quoted(tool) + " never called",
                        1,
                        "no calls",
                        n == 0 ? "no calls" : n + (n == 1 ? " call" : " calls") + ", first at step " + (first + 1));
            }
            for (int k = 0; k < paths.size(); k++) {
                String hit = ToolText.firstHit(steps, pathPatterns.get(k));
                tally.add(
                        hit == null,
                        "path " + Render.quoted(paths.get(k).text()) + " never touched",
                        1,
                        "in no tool call",
                        hit == null ? "in no tool call" : hit);
            }
            return tally.verdict("trajectory rules hold");
        }
    }
}
