package dev.ale.core;

import dev.ale.api.Step;
import dev.ale.api.Trajectory;
import dev.ale.api.Usage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The runner's trajectory: thread-safe, bounded (a harness that floods it keeps its first
 * {@link #MAX_STEPS} steps, each text cut at {@link #MAX_TEXT} characters, and a count of what was
 * dropped), and watched against the task's step and cost caps.
 */
final class RecordingTrajectory implements Trajectory {
    static final int MAX_STEPS = 100_000;
    static final int MAX_TEXT = 64 * 1024;
    /** The most characters of text all steps of one attempt keep together (32 Mi); later texts are dropped. */
    static final long MAX_TOTAL_TEXT = 32L << 20;

    /** Told once when a cap is passed. */
    interface BudgetWatcher {
        void exceeded(String why);
    }

    private final Clock clock;
    private final int maxSteps;
    private final double maxCostUsd;
    private final BudgetWatcher watcher;
    private final List<Step> steps = new ArrayList<>();
    private Usage usage = Usage.ZERO;
    private long toolCalls;
    private long dropped;
    private long textKept;
    private boolean exceeded;
    private volatile int session = 1;

    RecordingTrajectory(Clock clock, int maxSteps, double maxCostUsd, BudgetWatcher watcher) {
        this.clock = clock;
        this.maxSteps = maxSteps;
        this.maxCostUsd = maxCostUsd;
        this.watcher = watcher;
    }

    void session(int number) {
        session = number;
    }

    @Override
    public void record(Step step) {
        String why = null;
        synchronized (this) {
            if (step.kind() == Step.Kind.TOOL_CALL) {
                toolCalls++;
            }
            usage = usage.plus(step.usage());
            if (steps.size() < MAX_STEPS) {
                String text = step.text();
                if (textKept >= MAX_TOTAL_TEXT) {
                    text = text.isEmpty()
                            ? text
                            : "[dropped: the attempt's trajectory text is over " + (MAX_TOTAL_TEXT >> 20)
                                    + " Mi characters]";
                } else if (text.length() > MAX_TEXT) {
                    text = text.substring(0, MAX_TEXT) + "[truncated]";
                }
                textKept += text.length();
                steps.add(
                        text.equals(step.text())
                                ? step
                                : new Step(step.at(), step.kind(), step.name(), text, step.usage(), step.session()));
            } else {
                dropped++;
            }
            if (!exceeded) {
                if (maxSteps > 0 && toolCalls > maxSteps) {
                    why = "more than " + maxSteps + " steps (tool calls)";
                } else if (maxCostUsd > 0 && usage.costUsd() > maxCostUsd) {
                    why = String.format(
                            Locale.ROOT, "cost %.4f USD over the cap of %.4f USD", usage.costUsd(), maxCostUsd);
                }
                exceeded = why != null;
            }
        }
        if (why != null) {
            watcher.exceeded(why);
        }
    }

    @Override
    public synchronized List<Step> steps() {
        return List.copyOf(steps);
    }

    @Override
    public synchronized Usage usage() {
        return usage;
    }

    @Override
    public synchronized long toolCalls() {
        return toolCalls;
    }

    /** Steps not kept because the trajectory was full. */
    synchronized long dropped() {
        return dropped;
    }

    synchronized int size() {
        return steps.size();
    }

    /** Stamps the step with this trajectory's clock and the current session. */
    @Override
    public void record(Step.Kind kind, String name, String text, Usage stepUsage) {
        record(new Step(clock.instant(), kind, name, text, stepUsage, session));
    }
}
