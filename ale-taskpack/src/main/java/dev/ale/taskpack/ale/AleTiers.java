package dev.ale.taskpack.ale;

import dev.ale.api.task.Tier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ALE's tier lists ({@code selected_tasks/full/*.txt} of its repository): {@code near-term.txt},
 * {@code full-spectrum.txt} and {@code last-exam.txt} list task ids ({@code cluster/task}) one a
 * line, {@code overall.txt} every task of the benchmark. A task on several lists takes the hardest
 * tier (ALE's own lists overlap); a task on {@code overall.txt} only is near-term, the tier ALE's
 * {@code full/} folder has no list for; a task on none takes the import's default tier.
 */
final class AleTiers {
    static final String OVERALL = "overall.txt";

    private final Map<String, Set<Tier>> listed = new HashMap<>();
    private final Set<String> overall = new HashSet<>();
    private final String where;

    private AleTiers(String where) {
        this.where = where;
    }

    /** No lists: every task takes the default tier. */
    static AleTiers none() {
        return new AleTiers("");
    }

    /** The lists in {@code dir}; at least one of the tier files must be there. */
    static AleTiers read(Path dir) throws IOException {
        AleTiers t = new AleTiers(dir.toString());
        boolean any = false;
        for (Tier tier : Tier.values()) {
            Path file = dir.resolve(tier.id() + ".txt");
            if (Files.isRegularFile(file)) {
                any = true;
                for (String id : ids(file)) {
                    t.listed
                            .computeIfAbsent(id, k -> EnumSet.noneOf(Tier.class))
                            .add(tier);
                }
            }
        }
        if (Files.isRegularFile(dir.resolve(OVERALL))) {
            any = true;
            t.overall.addAll(ids(dir.resolve(OVERALL)));
        }
        if (!any) {
            throw new IOException(
                    dir + ": no tier list (near-term.txt, full-spectrum.txt, last-exam.txt or overall.txt)");
        }
        return t;
    }

    private static List<String> ids(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty() && !s.startsWith("#"))
                .toList();
    }

    /** The tier of ALE task {@code taskId} and how it was found (for the import's line). */
    Found tierOf(String taskId, Tier fallback) {
        Set<Tier> tiers = listed.get(taskId);
        if (tiers != null) {
            Tier hardest = Tier.values()[0];
            for (Tier x : tiers) {
                hardest = x.ordinal() > hardest.ordinal() ? x : hardest;
            }
            return new Found(hardest, tiers.size() > 1 ? "listed as " + tiers + ", the hardest taken" : "");
        }
        if (overall.contains(taskId)) {
            return new Found(Tier.NEAR_TERM, "on " + OVERALL + " only");
        }
        return new Found(fallback, where.isEmpty() ? "" : "on no list of " + where + ", default tier");
    }

    /** A tier and a note on how it was chosen ({@code ""} when plainly listed). */
    record Found(Tier tier, String note) {}
}
