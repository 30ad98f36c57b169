package dev.ale.taskpack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.task.TaskPackException;
import dev.ale.archive.Listing;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The folder layout of a pack: {@code pack.json} and {@code tasks/} at the top, one folder per
 * listed task under {@code tasks/}, and in each task folder only {@code task.json}, {@code inputs/},
 * {@code sessions/<n>/}, {@code reference/}, {@code reference.7z}, {@code solution/} and
 * {@code solution.7z} (a sealed solution), and {@code grader/} (the task's own grader, hidden like
 * the reference).
 */
final class TaskLayout {
    static final String TASKS = "tasks/";
    /** A task's description, the one file every task folder holds. */
    static final String TASK_JSON = "task.json";

    private static final Set<String> TASK_CHILDREN = Set.of(
            "task.json", "inputs/", "sessions/", "reference/", "reference.7z", "solution/", "solution.7z", "grader/");
    private static final Pattern SESSION = Pattern.compile("[1-9][0-9]{0,8}/");

    private TaskLayout() {}

    /** The folder of a task, such as {@code tasks/bank-rec/}. */
    static String folder(String id) {
        return TASKS + id + "/";
    }

    /** The task.json of a task. */
    static String taskJson(String id) {
        return folder(id) + TASK_JSON;
    }

    /**
     * While a pack is built: adds to the {@code tasks} of {@code manifest} every task folder that
     * holds a {@code task.json} but is not listed yet (by id only: its revision and digest are filled
     * in by the build). A manifest without a {@code tasks} array is left for validation to refuse.
     */
    static void listUnlisted(Listing listing, ObjectNode manifest) {
        if (!(manifest.get("tasks") instanceof ArrayNode tasks)) {
            return;
        }
        Set<String> listed = new HashSet<>();
        tasks.forEach(t -> listed.add(t.path("id").asText() + "/"));
        for (String child : listing.children(TASKS)) {
            String id = child.substring(0, child.length() - 1);
            if (child.endsWith("/")
                    && !listed.contains(child)
                    && listing.files().containsKey(taskJson(id))) {
                tasks.addObject().put("id", id);
            }
        }
    }

    /** Checks the top level and that the task folders are exactly the tasks of {@code pack.json}. */
    static void checkTop(Listing listing, List<Manifest.Entry> tasks) {
        for (String child : listing.children("")) {
            if (!child.equals(Manifest.FILE) && !child.equals(TASKS)) {
                throw new TaskPackException(
                        child,
                        "",
                        Set.of(Manifest.FILE, TASKS).contains(otherType(child))
                                ? "has the wrong type (pack.json is a file, tasks/ a folder)"
                                : "not part of the pack layout: only pack.json and tasks/ may be at the top level");
            }
        }
        Set<String> listed = new HashSet<>(tasks.size() * 4 / 3 + 1);
        tasks.forEach(t -> listed.add(t.id() + "/"));
        // no sorted set of every task folder: only those that break a rule, the first of them named
        TreeSet<String> wrong = new TreeSet<>();
        listing.forEachChild(TASKS, child -> {
            if (!child.endsWith("/") || !listed.contains(child)) {
                wrong.add(child);
            }
        });
        if (!wrong.isEmpty()) {
            String child = wrong.first();
            throw new TaskPackException(
                    TASKS + child,
                    "",
                    child.endsWith("/")
                            ? "task folder not listed in pack.json /tasks"
                            : "only task folders may be in tasks/");
        }
        for (Manifest.Entry t : tasks) {
            if (!listing.files().containsKey(taskJson(t.id()))) {
                throw new TaskPackException(
                        taskJson(t.id()),
                        "",
                        "missing: the task is listed in pack.json at " + t.pointer() + " but has no task.json");
            }
        }
    }

    /**
     * Checks what a task folder holds, given the number of sessions of the task.
     *
     * @return whether {@code task.json} is all the folder holds
     */
    static boolean checkTask(Listing listing, String id, int sessions) {
        String folder = folder(id);
        Set<String> children = listing.children(folder);
        for (String child : children) {
            if (!TASK_CHILDREN.contains(child)) {
                throw new TaskPackException(
                        folder + child,
                        "",
                        TASK_CHILDREN.contains(otherType(child))
                                ? "has the wrong type (task.json, reference.7z and solution.7z are files; inputs/, sessions/, reference/, solution/ and grader/ folders)"
                                : "not allowed in a task folder (only task.json, inputs/, sessions/<n>/, reference/, reference.7z, solution/, solution.7z and grader/)");
            }
        }
        for (String part : List.of("reference", "solution")) {
            if (children.contains(part + ".7z")
                    && !listing.filesUnder(folder + part + "/").isEmpty()) {
                throw new TaskPackException(
                        folder + part + ".7z",
                        "",
                        "a task holds its " + part + " either in " + part + "/ or sealed in " + part + ".7z, not both");
            }
        }
        if (!children.contains("sessions/")) {
            return children.size() == 1;
        }
        String sessionsFolder = folder + "sessions/";
        for (String child : listing.children(sessionsFolder)) {
            if (!SESSION.matcher(child).matches()) {
                throw new TaskPackException(
                        sessionsFolder + child,
                        "",
                        "not a session folder: sessions/ holds only folders " + "named 1.." + sessions
                                + " (the task's sessions)");
            }
            int n = Integer.parseInt(child.substring(0, child.length() - 1));
            if (n > sessions) {
                throw new TaskPackException(
                        sessionsFolder + child,
                        "",
                        "session " + n + " does not exist: the task has " + sessions + " session"
                                + (sessions == 1 ? "" : "s"));
            }
        }
        return false;
    }

    /** The same name as the other kind of entry: {@code a/} for {@code a}, {@code a} for {@code a/}. */
    private static String otherType(String child) {
        return child.endsWith("/") ? child.substring(0, child.length() - 1) : child + "/";
    }
}
