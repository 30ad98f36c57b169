package dev.ale.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A process to run in a sandbox: the command and its arguments, a working directory relative to
 * the workspace, extra environment variables, the text for its standard input and a timeout.
 */
@API(status = STABLE)
public record ExecRequest(
        List<String> command,
        String workingDirectory,
        Map<String, String> environment,
        String stdin,
        Duration timeout) {
    public ExecRequest {
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command must not be empty");
        }
        workingDirectory = Objects.requireNonNullElse(workingDirectory, "");
        environment = Map.copyOf(environment);
        stdin = Objects.requireNonNullElse(stdin, "");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** A command run in the workspace root with no extra environment and no input. */
    public static ExecRequest of(Duration timeout, String... command) {
        return new ExecRequest(List.of(command), "", Map.of(), "", timeout);
    }
}
