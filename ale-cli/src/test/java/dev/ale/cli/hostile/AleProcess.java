package dev.ale.cli.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code ale} as its own process (a JVM with the test class path), as a user would: the key
 * in its environment, the agent its child. What it printed, its exit code and its run directory.
 */
final class AleProcess {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One run: exit code, output, and the run directory. */
    record Run(int code, String out, String err, Path runDirectory) {
        /** The attempts of report.json: outcome, cause and message of each. */
        List<JsonNode> attempts() throws IOException {
            JsonNode report = JSON.readTree(runDirectory.resolve("report.json").toFile());
            List<JsonNode> all = new ArrayList<>();
            report.path("attempts").forEach(all::add);
            return all;
        }

        /** Everything the agents printed (their trajectories). */
        String trajectories() throws IOException {
            StringBuilder b = new StringBuilder();
            Path dir = runDirectory.resolve("trajectories");
            if (Files.isDirectory(dir)) {
                try (var walk = Files.walk(dir)) {
                    for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                        b.append(Files.readString(p, StandardCharsets.UTF_8));
                    }
                }
            }
            return b.toString();
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private AleProcess() {}

    /** Runs {@code ale run <args> --out <dir>/run} in {@code dir} with {@code env} added to the environment. */
    static Run run(Path dir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path runDir = dir.resolve("run");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.ale.cli.Main",
                "run"));
        command.addAll(List.of(args));
        command.addAll(List.of("--out", runDir.toString()));
        Path out = dir.resolve("ale.out");
        Path err = dir.resolve("ale.err");
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("ale run did not end within 10 minutes");
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err), runDir);
    }
}
