package dev.ale.testfixtures;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ale.api.TaskView;
import dev.ale.api.task.Limits;
import dev.ale.api.task.SessionSpec;
import dev.ale.api.task.TaskSpec;
import dev.ale.api.task.Taxonomy;
import dev.ale.api.task.Tier;
import java.util.List;
import java.util.stream.IntStream;
import org.apiguardian.api.API;

/**
 * The task of tests that need one but do not look into it: an accounting task of the near-term
 * tier with a given id, limits and number of sessions, each of which says {@code do it}.
 */
@API(status = INTERNAL)
public final class TestTasks {
    private static final Taxonomy ACCOUNTING = new Taxonomy("business_finance", "accounting", List.of("13-2011"));
    private static final JsonNode NO_VERIFIER = JsonNodeFactory.instance.objectNode();

    private TestTasks() {}

    /** Task {@code id} with default limits and one session. */
    public static TaskSpec spec(String id) {
        return spec(id, Limits.defaults(), 1);
    }

    /** Task {@code id} with {@code limits} and {@code sessions} sessions (at least one). */
    public static TaskSpec spec(String id, Limits limits, int sessions) {
        List<SessionSpec> all = IntStream.rangeClosed(1, sessions)
                .mapToObj(n -> new SessionSpec(n, "do it"))
                .toList();
        return new TaskSpec(id, 1, "A test task", ACCOUNTING, Tier.NEAR_TERM, limits, all, NO_VERIFIER, 1.0, null);
    }

    /** What a harness sees of {@link #spec(String, Limits, int)}. */
    public static TaskView view(String id, Limits limits, int sessions) {
        return spec(id, limits, sessions).view();
    }
}
