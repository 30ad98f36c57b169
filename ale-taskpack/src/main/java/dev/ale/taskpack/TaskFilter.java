package dev.ale.taskpack;

import static org.apiguardian.api.API.Status.STABLE;

import dev.ale.api.task.Task;
import dev.ale.api.task.Tier;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Selects tasks of a pack: by id glob, tier, cluster, subfield, SOC code or prefix, or named list.
 * Filters compose with {@link #and}, {@link #or} and {@link #negate}.
 */
@FunctionalInterface
@API(status = STABLE)
public interface TaskFilter {
    /** Whether the task (of the given pack, for named lists) is selected. */
    boolean test(Task task, TaskPack pack);

    default TaskFilter and(TaskFilter other) {
        return (t, p) -> test(t, p) && other.test(t, p);
    }

    default TaskFilter or(TaskFilter other) {
        return (t, p) -> test(t, p) || other.test(t, p);
    }

    default TaskFilter negate() {
        return (t, p) -> !test(t, p);
    }

    /** Every task. */
    static TaskFilter all() {
        return (t, p) -> true;
    }

    /** Tasks whose id matches a glob ({@code *} any run of characters, {@code ?} one character). */
    static TaskFilter id(String glob) {
        return Filters.idGlob(glob);
    }

    /** Tasks of this tier. */
    static TaskFilter tier(Tier tier) {
        return (t, p) -> t.spec().tier() == tier;
    }

    /** Tasks of this industry cluster ({@code business_finance}). */
    static TaskFilter cluster(String cluster) {
        return (t, p) -> t.spec().taxonomy().cluster().equals(cluster);
    }

    /** Tasks of this subfield ({@code accounting}). */
    static TaskFilter subfield(String subfield) {
        return (t, p) -> t.spec().taxonomy().subfield().equals(subfield);
    }

    /**
     * Tasks with an occupation code equal to or starting with {@code code}: {@code 13-2011} (one
     * occupation), {@code 13-} or {@code 13} (the major group), {@code 13-20} (a prefix).
     */
    static TaskFilter soc(String code) {
        return Filters.soc(code);
    }

    /** Tasks in the named list of {@code pack.json}; an unknown list name selects nothing. */
    static TaskFilter list(String name) {
        return (t, p) -> p.lists().getOrDefault(name, List.of()).contains(t.id());
    }

    /**
     * Parses a filter expression as the CLI takes it: comma-separated terms that must all hold,
     * each {@code key:value} with key one of {@code id}, {@code tier}, {@code cluster},
     * {@code subfield}, {@code soc}, {@code list}; for instance {@code tier:near-term,soc:13-}.
     *
     * @throws IllegalArgumentException naming the bad term
     */
    static TaskFilter parse(String expression) {
        return Filters.parse(expression);
    }
}
