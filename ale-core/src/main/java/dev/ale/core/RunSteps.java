package dev.ale.core;

import dev.ale.api.Outcome;
import dev.ale.api.task.Task;
import dev.ale.core.report.ReportFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The steps of a run around its attempts: taking and releasing the run directory's lock,
 * resuming what an earlier session finished, clearing what killed runs left, and writing the
 * reports at the end.
 */
final class RunSteps {
    private RunSteps() {}

    /**
     * Takes the lock of the run directory {@code dir} (null: none, no lock).
     *
     * @throws IllegalStateException naming the holder's pid when the run directory is in use
     */
    static @Nullable RunLock lock(Path dir) {
        if (dir == null) {
            return null;
        }
        try {
            Files.createDirectories(dir);
            return RunLock.acquire(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not lock the run directory " + dir + ": " + e.getMessage(), e);
        }
    }

    static void unlock(RunLock lock, Path dir, Listeners events) {
        if (lock != null) {
            try {
                lock.close();
            } catch (IOException e) {
                events.warn("the lock of " + dir + " did not release cleanly: " + e.getMessage());
            }
        }
    }

    /**
     * Fills in {@code results} with the attempts an earlier session finished (not those that ended
     * in {@code ERROR}, which run again) and returns them; sets aside results of changed tasks in
     * {@code superseded}.
     */
    static List<AttemptResult> resume(
            List<RunPlan.Planned> plan,
            List<AttemptResult> journal,
            AttemptResult[] results,
            List<AttemptResult> superseded) {
        Map<String, AttemptResult> latest = RunPlan.latest(journal);
        Map<String, String> currentDigest = new HashMap<>();
        List<AttemptResult> resumed = new ArrayList<>();
        for (RunPlan.Planned p : plan) {
            currentDigest.put(p.task().id(), p.task().digest());
            AttemptResult prior = latest.get(p.key());
            if (prior != null && prior.outcome() != Outcome.ERROR) {
                results[p.index()] = prior;
                resumed.add(prior);
            }
        }
        for (AttemptResult a : latest.values()) {
            String digest = currentDigest.get(a.taskId());
            if (digest != null && !digest.equals(a.taskDigest())) {
                superseded.add(a);
            }
        }
        superseded.sort(Comparator.comparing(AttemptResult::taskId).thenComparingInt(AttemptResult::trial));
        return resumed;
    }

    static void removeLeftovers(ReferenceAreas areas, Listeners events) {
        try {
            int removed = areas.removeLeftovers();
            if (removed > 0) {
                events.warn("removed the private folders of " + removed + " earlier run(s) that did not end cleanly ("
                        + areas.base() + ")");
            }
        } catch (IOException | RuntimeException e) {
            events.warn("could not remove the private folders earlier runs left in " + areas.base() + ": "
                    + Describe.throwable(e));
        }
    }

    /** Writes the human-readable reports and ALE's result files of a finished run. */
    static void writeReports(EvaluationReport report, Path dir, List<Task> tasks, Listeners events) throws IOException {
        ReportFiles.writeAll(report, dir);
        try {
            AleResults.write(dir, report, AleResults.instructions(tasks));
        } catch (IOException e) {
            events.warn("ALE's result files (ale/) not written: " + Describe.throwable(e));
        }
    }
}
