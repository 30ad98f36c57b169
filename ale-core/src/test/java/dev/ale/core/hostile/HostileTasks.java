package dev.ale.core.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ale.api.task.PackRef;
import dev.ale.api.task.TaskPart;
import dev.ale.api.task.TaskSpec;
import dev.ale.api.task.Tier;
import dev.ale.core.TestTasks;
import dev.ale.core.TestTasks.MemoryTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * Tasks held in memory, built through the public API only, for the hostile runs: each has a
 * verifier configuration given as JSON text, a timeout, a step cap, and files per part.
 */
final class HostileTasks {
    static final ObjectMapper JSON = new ObjectMapper();
    static final PackRef PACK = new PackRef("hostile-pack", "1.0.0", "0".repeat(64));
    /** The default verifier: {@code answer.txt} must hold exactly {@code 42}. */
    static final String ANSWER_42 = "{\"type\": \"text\", \"file\": \"answer.txt\", \"equals\": \"42\"}";

    private HostileTasks() {}

    /** A one-session task scored by {@link #ANSWER_42}, with the given timeout and no step cap. */
    static MemoryTask task(String id, Duration timeout) {
        return task(id, timeout, 0, ANSWER_42, 1);
    }

    /** A task with the given limits, verifier configuration (JSON text) and number of sessions. */
    static MemoryTask task(String id, Duration timeout, int maxSteps, String verifier, int sessions) {
        String[] instructions = new String[sessions];
        for (int i = 1; i <= sessions; i++) {
            instructions[i - 1] = "Session " + i + " of " + id + ": write 42 into answer.txt.";
        }
        TaskSpec spec = TestTasks.spec(id, Tier.NEAR_TERM, "business_finance", timeout, maxSteps, instructions);
        return new MemoryTask(TestTasks.withVerifier(spec, json(verifier)), PACK)
                .file(TaskPart.INPUTS, "question.txt", "What is 6 x 7?");
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
