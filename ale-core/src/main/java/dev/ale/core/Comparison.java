package dev.ale.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Two runs compared on the tasks they share with identical content (same id and digest).
 *
 * @param pairedTasks    tasks present in both runs with the same digest
 * @param leftOut        tasks left out because their digest differs or one run lacks them
 * @param fullPassRateA  full pass rate of run A over the paired tasks
 * @param fullPassRateB  full pass rate of run B over the paired tasks
 * @param difference     B minus A, with a paired bootstrap 95% interval (resampling tasks)
 * @param mcnemarP       exact two-sided McNemar p-value over attempts paired by task and trial
 * @param newlyPassing   tasks that mostly failed in A and mostly passed in B
 * @param newlyFailing   tasks that mostly passed in A and mostly failed in B
 */
@API(status = EXPERIMENTAL)
public record Comparison(
        int pairedTasks,
        int leftOut,
        double fullPassRateA,
        double fullPassRateB,
        Estimate difference,
        double mcnemarP,
        List<String> newlyPassing,
        List<String> newlyFailing) {
    public Comparison {
        newlyPassing = List.copyOf(newlyPassing);
        newlyFailing = List.copyOf(newlyFailing);
    }
}
