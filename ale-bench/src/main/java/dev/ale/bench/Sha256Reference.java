package dev.ale.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
        return new Sha256Reference(onPath("sha256sum") ? "sha256sum" : "shasum -a 256");
    }

    /** The command that hashes the files, for the figure's parameters. */
    String command() {
        return "find DIR -type f -print0 | xargs -0 " + tool;
    }

    /** Hashes every file under {@code dir} and returns how long it took, in nanoseconds. */
    long time(Path dir) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(
                        "sh",
                        "-c",
                        "find \"$1\" -type f -print0 | xargs -0 " + tool + " >/dev/null",
                        "sh",
                        dir.toString())
                .redirectErrorStream(true);
        long start = System.nanoTime();
        Process p = pb.start();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException(command() + " did not finish within 10 minutes");
        }
        long nanos = System.nanoTime() - start;
        if (p.exitValue() != 0) {
            throw new IOException(command() + " failed with exit code " + p.exitValue() + ": "
                    + new String(output, StandardCharsets.UTF_8).strip());
        }
        return nanos;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : List.of(path.split(File.pathSeparator))) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
