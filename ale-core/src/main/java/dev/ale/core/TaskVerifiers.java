package dev.ale.core;

import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierConfigException;
import dev.ale.api.spi.VerifierFactories;
import dev.ale.api.task.Task;
import dev.ale.taskpack.internal.OpenedVerifier;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds each task's verifier once, before any attempt runs, so a bad configuration fails first; a
 * task whose pack built its verifier with an equal registry when it was opened gives that one.
 */
final class TaskVerifiers {
    private TaskVerifiers() {}

    /**
     * The verifier of every task by id, in the order given.
     *
     * @throws VerifierConfigException naming the task.json and JSON Pointer of a bad configuration
     * @throws IllegalArgumentException when a task id comes twice
     */
    static Map<String, Verifier> build(Collection<? extends Task> tasks, VerifierFactories registry) {
        Map<String, Verifier> built = new LinkedHashMap<>();
        for (Task t : tasks) {
            if (built.containsKey(t.id())) {
                throw new IllegalArgumentException("task id '" + t.id() + "' is selected twice (from "
                        + t.pack().name() + "); select each task once");
            }
            try {
                built.put(
                        t.id(),
                        OpenedVerifier.of(t, registry)
                                .orElseGet(() -> registry.create(t.spec().verifier(), "/verifier")));
            } catch (VerifierConfigException e) {
                throw e.in("tasks/" + t.id() + "/task.json");
            }
        }
        return built;
    }
}
