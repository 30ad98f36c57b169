package dev.ale.api.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What a {@link Judge} is asked: one criterion of a task's rubric, with the text of the files it
 * concerns (from the output and, when the rubric names them, from the reference).
 *
 * @param taskId    the task
 * @param criterion the criterion's id within the rubric
 * @param question  what to judge, as the task author wrote it
 * @param output    output files by path, their text (capped)
 * @param reference reference files by path, their text (capped)
 */
@API(status = EXPERIMENTAL)
public record JudgeRequest(
        String taskId, String criterion, String question, Map<String, String> output, Map<String, String> reference) {
    public JudgeRequest {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(question, "question");
        output = Map.copyOf(output);
        reference = Map.copyOf(reference);
    }
}
