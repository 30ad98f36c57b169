package dev.ale.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a system tool that serves as a physical reference (sha256sum, tar), timed around the whole process. */
final class SystemTool {
    private SystemTool() {}

    /** Whether {@code program} is an executable file in a folder of the {@code PATH}. */
    static boolean onPath(String program) {
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

    /**
     * Runs {@code argv} to its end and returns how long it took, in nanoseconds.
     *
     * @param command how the figure names the command, for errors
     * @throws IOException when it fails or runs over 10 minutes, with its output
     */
    static long time(List<String> argv, String command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        long start = System.nanoTime();
        Process p = pb.start();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException(command + " did not finish within 10 minutes");
        }
        long nanos = System.nanoTime() - start;
        if (p.exitValue() != 0) {
            throw new IOException(command + " failed with exit code " + p.exitValue() + ": "
                    + new String(output, StandardCharsets.UTF_8).strip());
        }
        return nanos;
    }
}
