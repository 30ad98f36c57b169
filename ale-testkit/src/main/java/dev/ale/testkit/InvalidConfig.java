package dev.ale.testkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A verifier configuration that must be refused, for a {@link VerifierContract}: {@code create}
 * must throw a {@code VerifierConfigException} whose field is exactly {@code field}, the JSON
 * Pointer of the bad value (relative to the configuration; {@code ""} for the whole of it).
 *
 * @param config the configuration
 * @param field  the JSON Pointer the error must name
 */
@API(status = EXPERIMENTAL)
public record InvalidConfig(JsonNode config, String field) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public InvalidConfig {
        config = Objects.requireNonNull(config, "config").deepCopy();
        Objects.requireNonNull(field, "field");
        if (!field.isEmpty() && !field.startsWith("/")) {
            throw new IllegalArgumentException(
                    "field must be a JSON Pointer (empty or starting with '/'): '" + field + "'");
        }
    }

    /** An invalid configuration written as JSON text. */
    public static InvalidConfig of(String configJson, String field) {
        try {
            return new InvalidConfig(JSON.readTree(configJson), field);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
