package dev.ale.tools;

/** A tool call the tool kit refuses or cannot carry out; its message goes back to the model as the tool's output. */
final class ToolException extends Exception {
    private static final long serialVersionUID = 1L;

    ToolException(String message) {
        super(message);
    }
}
