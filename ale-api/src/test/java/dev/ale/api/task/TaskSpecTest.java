package dev.ale.api.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tasks without metadata share one empty object inside; none of it reaches a caller to change. */
class TaskSpecTest {
    private static TaskSpec spec(String id, JsonNode metadata) {
        return new TaskSpec(
                id,
                1,
                "t",
                new Taxonomy("business_finance", "accounting", List.of("13-2011")),
                Tier.NEAR_TERM,
                Limits.defaults(),
                List.of(new SessionSpec(1, "do it")),
                JsonNodeFactory.instance.objectNode().put("type", "text"),
                1.0,
                metadata);
    }

    @Test
    void aChangedCopyOfOneTasksEmptyMetadataLeavesEveryOtherTaskAlone() {
        TaskSpec none = spec("a", null);
        TaskSpec empty = spec("b", JsonNodeFactory.instance.objectNode());
        ((ObjectNode) none.metadata()).put("planted", "answer");
        ((ObjectNode) empty.view().metadata()).put("planted", "answer");
        assertTrue(none.metadata().isEmpty());
        assertTrue(empty.metadata().isEmpty());
        assertTrue(spec("c", null).view().metadata().isEmpty());
        assertEquals(none.metadata(), empty.metadata());
    }

    @Test
    void givenMetadataIsKeptAsGivenAndCopied() {
        ObjectNode given = JsonNodeFactory.instance.objectNode().put("source", "test");
        TaskSpec spec = spec("a", given);
        given.put("later", true);
        assertEquals("{\"source\":\"test\"}", spec.metadata().toString());
    }
}
