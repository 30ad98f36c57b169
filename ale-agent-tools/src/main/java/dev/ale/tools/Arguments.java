package dev.ale.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The arguments of one tool call as the model sent them (a JSON object), read leniently but never guessed. */
final class Arguments {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonNode node;

    private Arguments(JsonNode node) {
        this.node = node;
    }

    static Arguments parse(String json) throws ToolException {
        if (json == null || json.isBlank()) {
            return new Arguments(MAPPER.createObjectNode());
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ToolException("the arguments are not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new ToolException("the arguments must be a JSON object");
        }
        return new Arguments(node);
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    String string(String name) throws ToolException {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw new ToolException("missing required argument '" + name + "'");
        }
        if (!v.isTextual()) {
            throw new ToolException("argument '" + name + "' must be a string");
        }
        return v.asText();
    }

    String string(String name, String fallback) throws ToolException {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? fallback : string(name);
    }

    int integer(String name, int fallback) throws ToolException {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (v.canConvertToInt() && v.isIntegralNumber()) {
            return v.asInt();
        }
        if (v.isTextual() && v.asText().strip().matches("-?\\d{1,9}")) {
            return Integer.parseInt(v.asText().strip());
        }
        throw new ToolException("argument '" + name + "' must be an integer");
    }

    boolean bool(String name, boolean fallback) throws ToolException {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isTextual() && (v.asText().equals("true") || v.asText().equals("false"))) {
            return Boolean.parseBoolean(v.asText());
        }
        throw new ToolException("argument '" + name + "' must be true or false");
    }
}
