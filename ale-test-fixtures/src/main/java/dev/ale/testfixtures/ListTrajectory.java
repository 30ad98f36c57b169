package dev.ale.testfixtures;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.ale.api.Step;
import dev.ale.api.Trajectory;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/** A thread-safe trajectory that keeps every step in a list, for tests of tools, harnesses and verifiers. */
@API(status = INTERNAL)
public final class ListTrajectory implements Trajectory {
    private final List<Step> steps = new ArrayList<>();

    @Override
    public synchronized void record(Step step) {
        steps.add(step);
    }

    @Override
    public synchronized List<Step> steps() {
        return List.copyOf(steps);
    }
}
