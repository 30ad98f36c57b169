package dev.ale.taskpack.ale;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * What the import takes from one ALE {@code task_card.json}: the task id ({@code cluster/task}),
 * title, prompt, taxonomy codes, VM timeout, and the {@code vm}, {@code software} and
 * {@code category} members kept as metadata.
 *
 * @param taskId   ALE's task id, such as {@code business_finance/ar_full_300}
 * @param title    the card's title
 * @param prompt   the card's {@code taskPrompt}, as written for ALE's VM
 * @param cluster  {@code taxonomy.domain_code}
 * @param subfield {@code taxonomy.subdomain_code} (empty when the card has none)
 * @param timeout  {@code vm.timeout} in seconds, when given
 * @param metadata what the pack's task keeps of the card
 */
record AleCard(
        String taskId,
        String title,
        String prompt,
        String cluster,
        String subfield,
        OptionalLong timeout,
        ObjectNode metadata) {
    static final String FILE = "task_card.json";
    private static final long MAX_BYTES = 4L << 20;
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Reads the card of the task folder {@code folder}. */
    static AleCard read(Path folder) throws Skip {
        Path file = folder.resolve(FILE);
        JsonNode card;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new Skip(FILE + " is larger than " + MAX_BYTES + " bytes");
            }
            card = MAPPER.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new Skip(FILE + " cannot be read: " + e.getMessage());
        }
        if (card == null || !card.isObject()) {
            throw new Skip(FILE + " is not a JSON object");
        }
        String taskId = text(card, "/taskId");
        String prompt = text(card, "/taskPrompt");
        String title = card.path("title").isTextual()
                        && !card.path("title").textValue().isBlank()
                ? card.path("title").textValue().strip()
                : taskId;
        String cluster = card.at("/taxonomy/domain_code").isTextual()
                ? card.at("/taxonomy/domain_code").textValue()
                : card.path("category").isTextual() ? card.path("category").textValue() : "";
        if (cluster.isEmpty()) {
            throw new Skip(FILE + " at /taxonomy/domain_code: missing (and no category)");
        }
        String subfield = card.at("/taxonomy/subdomain_code").isTextual()
                ? card.at("/taxonomy/subdomain_code").textValue()
                : "";
        JsonNode t = card.at("/vm/timeout");
        OptionalLong timeout = OptionalLong.empty();
        if (t.isIntegralNumber() && t.canConvertToLong() && t.longValue() > 0) {
            timeout = OptionalLong.of(t.longValue());
        } else if (!t.isMissingNode() && !t.isNull()) {
            throw new Skip(FILE + " at /vm/timeout: must be a whole number of seconds above 0, found " + t);
        }
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        metadata.put("aleTaskId", taskId);
        for (String member : new String[] {"vm", "software", "category"}) {
            if (card.has(member) && !card.get(member).isNull()) {
                metadata.set(member, card.get(member).deepCopy());
            }
        }
        return new AleCard(taskId, title, prompt, cluster, subfield, timeout, metadata);
    }

    private static String text(JsonNode card, String pointer) throws Skip {
        JsonNode n = card.at(pointer);
        if (!n.isTextual() || n.textValue().isBlank()) {
            throw new Skip(FILE + " at " + pointer + ": missing or not a string");
        }
        return n.textValue();
    }
}
