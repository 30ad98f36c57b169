package dev.ale.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.Step;
import dev.ale.api.task.SessionSpec;
import dev.ale.api.task.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Writes the result files of ALE's runner ({@code ale_run} of rdi-berkeley/agents-last-exam) for
 * every attempt of a run directory, so ALE's own tooling reads an SDK run: {@code run.json},
 * {@code eval_result.json} and the ATIF {@code trajectory.json}, in ALE's layout
 * {@code ale/<agent>/<model>/<task>/v0/<YYYYMMDD_HHMMSS>_<trial>/} under the run directory (see
 * {@code docs/ale.md}). A run with a run directory writes them when it finishes; this class writes
 * them for an existing run ({@code ale report export --format ale}).
 */
@API(status = EXPERIMENTAL)
public final class AleResults {
    /** The folder of the run directory that holds ALE's layout. */
    public static final String FOLDER = "ale";

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private AleResults() {}

    /**
     * Writes ALE's files for every attempt of the run directory's report, with the instructions of
     * {@code tasks} (by id; tasks not given have none: ALE's {@code instruction} is then empty).
     *
     * @return the attempt directories written, in the report's order
     * @throws UncheckedIOException when the run directory cannot be read or a file cannot be written
     */
    public static List<Path> write(Path runDirectory, Collection<? extends Task> tasks) {
        try {
            return write(runDirectory, Reports.read(runDirectory), instructions(tasks));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not write ALE's result files into " + runDirectory + ": " + e.getMessage(), e);
        }
    }

    /** The instructions of each task's sessions, by task id. */
    static Map<String, List<String>> instructions(Collection<? extends Task> tasks) {
        Map<String, List<String>> instructions = new LinkedHashMap<>();
        for (Task t : tasks) {
            instructions.put(
                    t.id(),
                    t.spec().sessions().stream().map(SessionSpec::instruction).toList());
        }
        return instructions;
    }

    /**
     * Writes ALE's files for every attempt of {@code report}, whose trajectories are in {@code
     * runDirectory}, on several threads ({@link EndWriters}).
     */
    static List<Path> write(Path runDirectory, EvaluationReport report, Map<String, List<String>> instructions)
            throws IOException {
        Run run = new Run(runDirectory, report.startedAt(), report.harness(), report.sandbox());
        List<AttemptResult> attempts = report.attempts();
        Path[] written = new Path[attempts.size()];
        EndWriters.forEach(attempts.size(), i -> {
            AttemptResult a = attempts.get(i);
            List<Step> steps = RunFiles.readTrajectory(RunFiles.trajectoryFile(runDirectory, a.taskId(), a.trial()));
            written[i] = writeAttempt(run, a, instructions.getOrDefault(a.taskId(), List.of()), steps);
        });
        return List.of(written);
    }

    /** What every attempt of a run shares in ALE's files: where, the time stamp of the run, harness and sandbox. */
    record Run(Path directory, Instant startedAt, String harness, String sandbox) {
        String stamp() {
            return STAMP.format(startedAt);
        }
    }

    /**
     * Writes ALE's four files of one attempt whose trajectory is {@code steps} (as {@link
     * RunFiles#readTrajectory} gives them back) into its folder, atomically ({@link
     * RunFiles#writeFolder}); returns the folder.
     */
    static Path writeAttempt(Run run, AttemptResult a, List<String> instructions, List<Step> steps) throws IOException {
        Slugs slugs = Slugs.of(run.harness(), a.taskId(), run.stamp() + "_" + a.trial());
        Path dir = run.directory()
                .resolve(FOLDER)
                .resolve(slugs.agent())
                .resolve(slugs.model())
                .resolve(slugs.task())
                .resolve("v0")
                .resolve(slugs.stamp());
        Instant started = steps.isEmpty() ? run.startedAt() : steps.get(0).at();
        Map<String, byte[]> files = new LinkedHashMap<>();
        ObjectNode usage = null;
        if (a.sessionsRun() > 0) {
            ObjectNode trajectory = AleTrajectory.of(a, slugs, run.harness(), instructions, steps, started);
            usage = (ObjectNode) trajectory.get("final_metrics");
            files.put("trajectory.json", AleJson.indented(trajectory));
        }
        Instant ended = steps.isEmpty() ? started : steps.get(steps.size() - 1).at();
        files.put("eval_result.json", AleJson.indented(AleRunJson.evalResult(a)));
        files.put(
                "run.json",
                AleJson.indented(AleRunJson.run(a, slugs, run.harness(), run.sandbox(), UTC.format(ended), usage)));
        files.put("events.jsonl", events(a, slugs, started, ended));
        RunFiles.writeFolder(dir, files);
        return dir;
    }

    /** ALE's {@code events.jsonl} reduced to its first and last events, run_started and run_completed. */
    private static byte[] events(AttemptResult a, Slugs slugs, Instant started, Instant ended) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode first = f.objectNode()
                .put("ts", UTC.format(started))
                .put("type", "run_started")
                .put("run_id", slugs.runId());
        first.putObject("data").put("task", a.taskId()).put("variant_index", 0);
        ObjectNode last = f.objectNode()
                .put("ts", UTC.format(ended))
                .put("type", "run_completed")
                .put("run_id", slugs.runId());
        ObjectNode data = last.putObject("data").put("status", AleRunJson.status(a));
        if (AleRunJson.scored(a)) {
            data.put("score", a.score());
        } else {
            data.putNull("score");
        }
        data.put("total_duration_s", Math.round(a.duration().toMillis() / 10.0) / 100.0);
        String lines = AleJson.line(first) + "\n" + AleJson.line(last) + "\n";
        return lines.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The names of one attempt in ALE's layout, as {@code ale_run/orchastration/slug.py} makes them:
     * the agent (the harness name), the model (unknown to the SDK), the task and the time stamp.
     */
    record Slugs(String agent, String model, String task, String stamp) {
        static Slugs of(String harness, String taskId, String stamp) {
            String agent = agent(harness);
            return new Slugs(agent.isEmpty() ? "unknown" : agent, "unknown-model", task(taskId), stamp);
        }

        /**
         * {@code slugify_agent}: lower case, {@code -} as {@code _}, every run of other characters than
         * {@code a-z 0-9 _} as one {@code _}, no {@code _} at either end. By hand rather than with the
         * regular expressions {@code [^a-z0-9_]+} and {@code ^_+|_+$}, which it is tested against:
         * this runs for every attempt of a run.
         */
        static String agent(String harness) {
            String lower = harness.toLowerCase(Locale.ROOT);
            StringBuilder b = new StringBuilder(lower.length());
            boolean inRun = false;
            for (int i = 0; i < lower.length(); i++) {
                char c = lower.charAt(i) == '-' ? '_' : lower.charAt(i);
                if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') {
                    b.append(c);
                    inRun = false;
                } else if (!inRun) {
                    b.append('_');
                    inRun = true;
                }
            }
            return strip(b.toString(), '_');
        }

        /** The task's id without {@code /} at either end, and {@code __} for each {@code /} within. */
        static String task(String taskId) {
            return strip(taskId, '/').replace("/", "__");
        }

        /** {@code s} without {@code c} at either end. */
        private static String strip(String s, char c) {
            int from = 0;
            int to = s.length();
            while (from < to && s.charAt(from) == c) {
                from++;
            }
            while (to > from && s.charAt(to - 1) == c) {
                to--;
            }
            return s.substring(from, to);
        }

        /** {@code build_run_id}: agent, model, task, variant and time stamp joined by double underscores. */
        String runId() {
            return agent + "__" + model + "__" + task + "__v0__" + stamp;
        }

        /** A stable episode id: the first 32 hex digits of the SHA-256 of the run id. */
        String episodeId() {
            try {
                byte[] d = MessageDigest.getInstance("SHA-256").digest(runId().getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(d, 0, 16);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JDK has no SHA-256", e);
            }
        }
    }
}
