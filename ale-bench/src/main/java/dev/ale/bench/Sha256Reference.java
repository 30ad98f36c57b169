package dev.ale.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The physical reference of the pack figures: the system's SHA-256 tool ({@code sha256sum}, or
 * {@code shasum -a 256} where there is none) over every file under a folder, one process at a time
 * ({@code find -print0 | xargs -0}), timed around the whole process.
 */
final class Sha256Reference {
    private final String tool;

    private Sha256Reference(String tool) {
        this.tool = tool;
    }

    /** The reference with the tool found on the {@code PATH}. */
    static Sha256Reference find() {
        return new Sha256Reference(SystemTool.onPath("sha256sum") ? "sha256sum" : "shasum -a 256");
    }

    /** The command that hashes the files, for the figure's parameters. */
    String command() {
        return "find DIR -type f -print0 | xargs -0 " + tool;
    }

    /** Hashes every file under {@code dir} and returns how long it took, in nanoseconds. */
    long time(Path dir) throws IOException, InterruptedException {
        return SystemTool.time(
                List.of(
                        "sh",
                        "-c",
                        "find \"$1\" -type f -print0 | xargs -0 " + tool + " >/dev/null",
                        "sh",
                        dir.toString()),
                command());
    }
}
