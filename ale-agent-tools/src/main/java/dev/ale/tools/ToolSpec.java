package dev.ale.tools;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One tool as a model sees it for function calling: its name, what it does, and the JSON Schema
 * of its arguments. {@link #toFunction()} gives the {@code {"type": "function", ...}} object that
 * OpenAI-compatible chat APIs take in their {@code tools} list.
 *
 * @param name        the tool's name, such as {@code read_file}
 * @param description what the tool does and its limits, for the model
 * @param parameters  the JSON Schema (draft 2020-12 subset: an object of typed properties)
 */
@API(status = EXPERIMENTAL)
public record ToolSpec(String name, String description, ObjectNode parameters) {
    public ToolSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        parameters = parameters.deepCopy();
    }

    /** A copy of the argument schema. */
    @Override
    public ObjectNode parameters() {
        return parameters.deepCopy();
    }

    /** The tool in the function-calling form of OpenAI-compatible chat APIs. */
    public ObjectNode toFunction() {
        ObjectNode tool = JsonNodeFactory.instance.objectNode();
        tool.put("type", "function");
        ObjectNode function = tool.putObject("function");
        function.put("name", name);
        function.put("description", description);
        function.set("parameters", parameters.deepCopy());
        return tool;
    }
}
