package dev.ale.core.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.Cause;
import dev.ale.api.Outcome;
import dev.ale.core.AttemptResult;
import dev.ale.core.EvaluationReport;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What each attempt of a hostile run must come to — outcome, cause, a fragment of its message or
 * verdict — checked against the report.
 */
final class Expected {
    private record End(Outcome outcome, Cause cause, String fragment) {}

    private final Map<String, End> byTask = new LinkedHashMap<>();

    void put(String taskId, Outcome outcome, Cause cause, String fragment) {
        byTask.put(taskId, new End(outcome, cause, fragment));
    }

    /** Asserts one result per expected attempt, each ending as expected; returns the results by task id. */
    Map<String, AttemptResult> check(EvaluationReport report) {
        Map<String, AttemptResult> byId =
                report.attempts().stream().collect(Collectors.toMap(AttemptResult::taskId, r -> r));
        assertEquals(byTask.keySet(), byId.keySet(), "one result per attempt, none lost");
        byTask.forEach((id, e) -> {
            AttemptResult r = byId.get(id);
            String seen = id + " ended " + r.outcome() + "/" + r.cause() + ": " + r.message() + " | " + r.verdict();
            assertEquals(e.outcome(), r.outcome(), seen);
            assertEquals(e.cause(), r.cause(), seen);
            assertTrue((r.message() + " " + r.verdict()).contains(e.fragment()), seen);
        });
        return byId;
    }
}
