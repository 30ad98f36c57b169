package dev.ale.core;

import dev.ale.api.task.Task;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The attempts of a run in order (task by task, trial by trial), cut to one shard when asked, and
 * matched against what an earlier session of the same run directory already finished.
 */
final class RunPlan {
    /** One planned attempt. */
    record Planned(int index, Task task, int trial) {
        String key() {
            return key(task.id(), task.digest(), trial);
        }

        static String key(String taskId, String digest, int trial) {
            return taskId + "@" + digest + "#" + trial;
        }
    }

    private RunPlan() {}

    /** Whether a task belongs to shard {@code index} of {@code count}: by its digest, so every machine agrees. */
    static boolean inShard(String digest, int index, int count) {
        if (count <= 1) {
            return true;
        }
        long prefix = Long.parseUnsignedLong(digest.length() >= 15 ? digest.substring(0, 15) : "0", 16);
        return Math.floorMod(prefix, count) == index;
    }

    static List<Planned> plan(List<Task> tasks, int trials, int shardIndex, int shardCount) {
        List<Planned> out = new ArrayList<>();
        for (Task t : tasks) {
            if (inShard(t.digest(), shardIndex, shardCount)) {
                for (int trial = 1; trial <= trials; trial++) {
                    out.add(new Planned(out.size(), t, trial));
                }
            }
        }
        return out;
    }

    /** The last journal entry for each (task, digest, trial). */
    static Map<String, AttemptResult> latest(List<AttemptResult> journal) {
        Map<String, AttemptResult> out = new HashMap<>();
        for (AttemptResult a : journal) {
            out.put(Planned.key(a.taskId(), a.taskDigest(), a.trial()), a);
        }
        return out;
    }
}
