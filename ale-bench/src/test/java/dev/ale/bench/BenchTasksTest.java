package dev.ale.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ale.api.Outcome;
import dev.ale.api.task.Task;
import dev.ale.api.task.TaskPart;
import dev.ale.core.EvaluationReport;
import dev.ale.core.Sandboxes;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchTasksTest {
    @Test
    void tinyTasksHaveOneSmallInputAndNothingElse() throws Exception {
        List<Task> tasks = BenchTasks.tiny("t", 3);
        assertEquals(
                List.of("t-000000", "t-000001", "t-000002"),
                tasks.stream().map(Task::id).toList());
        Task t = tasks.get(0);
        assertEquals(1, t.files(TaskPart.INPUTS).size());
        try (InputStream in = t.files(TaskPart.INPUTS).get(0).open()) {
            assertEquals(16, in.readAllBytes().length);
        }
        assertEquals(List.of(), t.files(TaskPart.REFERENCE));
        assertEquals(List.of(), t.files(TaskPart.session(1)));
        assertEquals(3, tasks.stream().map(Task::digest).distinct().count(), "each task its own digest");
    }

    @Test
    void theWritingHarnessesPassAndTheNoopFailsInBothSandboxes() {
        List<Task> tasks = BenchTasks.tiny("t", 4);
        for (var sandbox : List.of(Sandboxes.inMemory(), Sandboxes.localDirectory())) {
            EvaluationReport writes = RunnerOverhead.run(tasks, 2, sandbox, 2, BenchHarnesses.writeFile());
            assertEquals(8, writes.count(Outcome.PASSED));
            EvaluationReport records = RunnerOverhead.run(tasks, 1, sandbox, 1, BenchHarnesses.writeFileAndRecord());
            assertEquals(4, records.count(Outcome.PASSED));
            assertEquals(2, records.attempts().get(0).steps());
            EvaluationReport sleeps = RunnerOverhead.run(tasks, 1, sandbox, 4, BenchHarnesses.sleep(1));
            assertEquals(4, sleeps.count(Outcome.PASSED));
            EvaluationReport noop = RunnerOverhead.run(tasks, 1, sandbox, 1, BenchHarnesses.noop());
            assertEquals(4, noop.count(Outcome.FAILED));
        }
    }
}
