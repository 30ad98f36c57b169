package dev.ale.tools;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What a tool call gave back: the text for the model (already capped, with a note when something
 * was cut), whether the call failed (the text then says why), and whether the text was cut.
 *
 * @param output    the text to hand to the model
 * @param error     whether the call was refused or failed
 * @param truncated whether {@code output} was cut to the tool kit's output cap
 */
@API(status = EXPERIMENTAL)
public record ToolResult(String output, boolean error, boolean truncated) {
    public ToolResult {
        Objects.requireNonNull(output, "output");
    }

    static ToolResult ok(String output) {
        return new ToolResult(output, false, false);
    }

    static ToolResult failed(String why) {
        return new ToolResult("error: " + why, true, false);
    }
}
