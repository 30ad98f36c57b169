package dev.ale.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ale.api.Harness;
import dev.ale.api.SessionOutcome;
import dev.ale.api.task.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ALE's result files beside a run's own. The field names below are those of {@code ale_run} in
 * rdi-berkeley/agents-last-exam, by source file and function:
 *
 * <ul>
 *   <li>{@code eval_result.json}: {@code RunWriter.write_eval_result}, ale_run/orchastration/run_writer.py;
 *   <li>{@code run.json}: {@code _build_run_meta}, ale_run/orchastration/lifecycle.py (the {@code status}
 *       values from {@code run_one_unit} there; {@code termination.error} from {@code err_dict},
 *       ale_run/orchastration/termination.py);
 *   <li>{@code trajectory.json}: the pydantic models {@code Trajectory}, {@code AgentInfo}, {@code Step},
 *       {@code ToolCall}, {@code Observation}, {@code ToolResult}, {@code ContentPart}, {@code StepMetrics},
 *       {@code FinalMetrics} of ale_run/agents/trajectory.py (which forbid unknown fields), rolled up by
 *       {@code TrajectoryBuilder.finalize};
 *   <li>the layout {@code <agent>/<model>/<task slug>/v<i>/<YYYYMMDD_HHMMSS>/}: {@code RunWriter.__init__}
 *       with the slugs of ale_run/orchastration/slug.py.
 * </ul>
 */
class AleResultsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> RUN_JSON = Set.of(
            "schema_version",
            "run_id",
            "timestamp_utc",
            "agent",
            "task",
            "status",
            "score",
            "termination",
            "timings",
            "usage",
            "sdk");
    private static final Set<String> AGENT =
            Set.of("id", "class", "name", "version", "model", "runtime", "config_repr");
    private static final Set<String> TASK = Set.of("slug", "path", "variant_index");
    private static final Set<String> TERMINATION = Set.of("reason", "phase", "category", "error");
    private static final Set<String> ERROR = Set.of("type", "message", "traceback");
    private static final Set<String> EVAL_RESULT = Set.of("eval_status", "score", "eval_duration_s", "error");
    private static final Set<String> TRAJECTORY = Set.of(
            "schema_version",
            "episode_id",
            "agent",
            "task_path",
            "variant_index",
            "instruction",
            "steps",
            "final_metrics",
            "started_at",
            "ended_at",
            "subagent_trajectories",
            "continued_trajectory_ref",
            "extra");
    private static final Set<String> AGENT_INFO = Set.of("name", "version", "model", "extra");
    private static final Set<String> STEP = Set.of(
            "step_id", "timestamp", "source", "message", "reasoning", "tool_calls", "observation", "metrics", "extra");
    private static final Set<String> TOOL_CALL = Set.of("id", "name", "arguments");
    private static final Set<String> OBSERVATION = Set.of("results", "error");
    private static final Set<String> TOOL_RESULT = Set.of("tool_call_id", "content", "is_error");
    private static final Set<String> CONTENT_PART = Set.of("type", "text", "image");
    private static final Set<String> STEP_METRICS = Set.of(
            "input_tokens", "output_tokens", "cache_read_tokens", "cache_creation_tokens", "cost_usd", "duration_ms");
    private static final Set<String> FINAL_METRICS = Set.of(
            "total_steps",
            "total_input_tokens",
            "total_output_tokens",
            "total_cache_read_tokens",
            "total_cache_creation_tokens",
            "total_cost_usd",
            "total_duration_ms",
            "reward",
            "status");

    @TempDir
    Path tmp;

    /** An agent that talks, calls a tool, observes, reports usage and writes 42. */
    private static final Harness SCRIPTED = Harness.named("scripted-agent", ctx -> {
        ctx.trajectory().message("assistant", "I will write the answer.");
        ctx.trajectory().toolCall("write_file", "{\"path\": \"answer.txt\"}");
        Files.writeString(ctx.workspace().resolve("answer.txt"), "42\n");
        ctx.trajectory().observation("wrote 3 bytes");
        ctx.trajectory().usage(100, 20, 0.01);
        return SessionOutcome.completed();
    });

    private List<Task> tasks() {
        return List.of(
                TestTasks.task("solved", "42"),
                TestTasks.task("wrong", "7"),
                TestTasks.withConfig("broken", "{\"type\": \"throws\"}"));
    }

    private Path run() {
        Path dir = tmp.resolve("run");
        Evaluator.builder()
                .tasks(tasks())
                .verifiers(TestTasks.registry())
                .harness(SCRIPTED)
                .retries(0, Duration.ZERO)
                .runDirectory(dir)
                .build()
                .run();
        return dir;
    }

    /** The attempt directories under ale/, by task id. */
    private static Map<String, Path> attempts(Path runDirectory) throws IOException {
        Map<String, Path> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(runDirectory.resolve(AleResults.FOLDER))) {
            for (Path runJson : walk.filter(p -> p.endsWith("run.json")).toList()) {
                out.put(read(runJson).path("sdk").path("taskId").asText(), runJson.getParent());
            }
        }
        return out;
    }

    private static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    private static void assertFields(Set<String> expected, JsonNode node, String what) {
        assertEquals(new TreeSet<>(expected), fields(node), what);
    }

    @Test
    void everyAttemptGetsAleFilesInAlesLayout() throws IOException {
        Path dir = run();
        Map<String, Path> attempts = attempts(dir);
        assertEquals(Set.of("broken", "solved", "wrong"), attempts.keySet());
        Path solved = attempts.get("solved");
        Path relative = dir.resolve(AleResults.FOLDER).relativize(solved);
        assertEquals("scripted_agent", relative.getName(0).toString());
        assertEquals("unknown-model", relative.getName(1).toString());
        assertEquals("solved", relative.getName(2).toString());
        assertEquals("v0", relative.getName(3).toString());
        assertTrue(relative.getName(4).toString().matches("[0-9]{8}_[0-9]{6}_1"), relative.toString());
        for (Path attempt : attempts.values()) {
            for (String file : List.of("run.json", "eval_result.json", "trajectory.json", "events.jsonl")) {
                assertTrue(Files.isRegularFile(attempt.resolve(file)), attempt + "/" + file);
            }
        }
    }

    @Test
    void runJsonAndEvalResultHaveAlesFieldsAndMeanings() throws IOException {
        Map<String, Path> attempts = attempts(run());
        JsonNode solved = read(attempts.get("solved").resolve("run.json"));
        assertFields(RUN_JSON, solved, "run.json");
        assertFields(AGENT, solved.get("agent"), "run.json agent");
        assertFields(TASK, solved.get("task"), "run.json task");
        assertFields(TERMINATION, solved.get("termination"), "run.json termination");
        assertFields(Set.of("duration_s"), solved.get("timings"), "run.json timings");
        assertFields(FINAL_METRICS, solved.get("usage"), "run.json usage (the trajectory's final_metrics)");
        assertEquals(2, solved.get("schema_version").asInt());
        assertEquals("completed", solved.get("status").asText());
        assertEquals(1.0, solved.get("score").asDouble());
        assertEquals("completed", solved.at("/termination/reason").asText());
        assertTrue(solved.at("/termination/phase").isNull());
        assertEquals("solved", solved.at("/task/slug").asText());
        assertEquals("tasks/solved", solved.at("/task/path").asText());
        assertEquals(0, solved.at("/task/variant_index").asInt());
        assertEquals(100, solved.at("/usage/total_input_tokens").asLong());
        assertTrue(solved.get("run_id").asText().startsWith("scripted_agent__unknown-model__solved__v0__"));

        JsonNode wrong = read(attempts.get("wrong").resolve("run.json"));
        assertEquals("completed", wrong.get("status").asText(), "a low score is not a failed run in ALE");
        assertEquals(0.0, wrong.get("score").asDouble());

        JsonNode broken = read(attempts.get("broken").resolve("run.json"));
        assertEquals("failed", broken.get("status").asText());
        assertTrue(broken.get("score").isNull(), "no score when the evaluation failed");
        assertEquals("evaluation", broken.at("/termination/phase").asText());
        assertFields(ERROR, broken.at("/termination/error"), "termination.error (err_dict)");
        assertTrue(broken.at("/termination/error/message").asText().contains("verifier bug"));

        for (String task : attempts.keySet()) {
            assertFields(EVAL_RESULT, read(attempts.get(task).resolve("eval_result.json")), "eval_result.json");
        }
        JsonNode evalSolved = read(attempts.get("solved").resolve("eval_result.json"));
        assertEquals("success", evalSolved.get("eval_status").asText());
        assertEquals(1.0, evalSolved.get("score").asDouble());
        assertTrue(evalSolved.get("error").isNull());
        JsonNode evalBroken = read(attempts.get("broken").resolve("eval_result.json"));
        assertEquals("failed", evalBroken.get("eval_status").asText());
        assertTrue(evalBroken.get("score").isNull());
        assertFields(ERROR, evalBroken.get("error"), "eval_result error");
    }

    @Test
    void theTrajectoryIsAlesAtifModelWithNoUnknownFields() throws IOException {
        JsonNode t = read(attempts(run()).get("solved").resolve("trajectory.json"));
        assertFields(TRAJECTORY, t, "trajectory.json");
        assertFields(AGENT_INFO, t.get("agent"), "agent");
        assertFields(FINAL_METRICS, t.get("final_metrics"), "final_metrics");
        assertEquals("ALE-v1.0", t.get("schema_version").asText());
        assertEquals("Write the answer.", t.get("instruction").asText());
        List<String> sources = new ArrayList<>();
        for (JsonNode step : t.get("steps")) {
            assertFields(STEP, step, "step");
            sources.add(step.get("source").asText());
            for (JsonNode call : step.get("tool_calls")) {
                assertFields(TOOL_CALL, call, "tool call");
            }
            if (!step.get("observation").isNull()) {
                assertFields(OBSERVATION, step.get("observation"), "observation");
                for (JsonNode result : step.at("/observation/results")) {
                    assertFields(TOOL_RESULT, result, "tool result");
                    result.get("content").forEach(c -> assertFields(CONTENT_PART, c, "content part"));
                }
            }
            if (!step.get("metrics").isNull()) {
                assertFields(STEP_METRICS, step.get("metrics"), "step metrics");
            }
        }
        assertEquals(List.of("user", "agent", "agent", "environment"), sources);
        JsonNode steps = t.get("steps");
        assertEquals("Write the answer.", steps.get(0).get("message").asText(), "the instruction opens the trajectory");
        assertEquals(
                "answer.txt", steps.get(2).at("/tool_calls/0/arguments/path").asText());
        assertEquals(
                steps.get(2).at("/tool_calls/0/id").asText(),
                steps.get(3).at("/observation/results/0/tool_call_id").asText(),
                "the observation answers the tool call");
        assertEquals(100, steps.get(2).at("/metrics/input_tokens").asLong(), "usage goes to the last agent step");
        assertEquals(4, t.at("/final_metrics/total_steps").asInt());
        assertEquals(1.0, t.at("/final_metrics/reward").asDouble());
        assertEquals("completed", t.at("/final_metrics/status").asText());
        for (int i = 0; i < steps.size(); i++) {
            assertEquals(i + 1, steps.get(i).get("step_id").asInt());
            assertTrue(steps.get(i)
                    .get("timestamp")
                    .asText()
                    .matches("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{6}Z"));
        }
    }

    @Test
    void exportWritesTheSameFilesForAnExistingRun() throws IOException {
        Path dir = run();
        Map<String, byte[]> written = new TreeMap<>();
        for (Path attempt : attempts(dir).values()) {
            for (String file : List.of("run.json", "eval_result.json", "trajectory.json", "events.jsonl")) {
                written.put(
                        dir.relativize(attempt.resolve(file)).toString(), Files.readAllBytes(attempt.resolve(file)));
            }
        }
        try (Stream<Path> walk = Files.walk(dir.resolve(AleResults.FOLDER))) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        assertFalse(Files.exists(dir.resolve(AleResults.FOLDER)));
        List<Path> exported = AleResults.write(dir, tasks());
        assertEquals(3, exported.size());
        written.forEach((file, bytes) -> {
            try {
                assertArrayEquals(bytes, Files.readAllBytes(dir.resolve(file)), file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void aRunOfManyAttemptsGetsEveryFolderWholeAndExportGivesThemInTheReportsOrder() throws IOException {
        List<Task> many = new java.util.ArrayList<>();
        for (int i = 0; i < EndWriters.ALONE_BELOW * 3; i++) {
            many.add(TestTasks.task(String.format("task-%03d", i), i % 2 == 0 ? "42" : "7"));
        }
        Path dir = tmp.resolve("many");
        EvaluationReport report = Evaluator.builder()
                .tasks(many)
                .verifiers(TestTasks.registry())
                .harness(SCRIPTED)
                .runDirectory(dir)
                .build()
                .run();
        Map<String, Path> folders = attempts(dir);
        assertEquals(many.size(), folders.size());
        for (Path folder : folders.values()) {
            try (Stream<Path> files = Files.list(folder)) {
                assertEquals(
                        Set.of("run.json", "eval_result.json", "trajectory.json", "events.jsonl"),
                        files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()),
                        folder.toString());
            }
        }
        try (Stream<Path> walk = Files.walk(dir.resolve(AleResults.FOLDER))) {
            assertEquals(
                    List.of(),
                    walk.filter(p -> p.getFileName().toString().startsWith(".")).toList(),
                    "temporary names left");
        }
        List<Path> exported = AleResults.write(dir, many);
        List<String> order = new java.util.ArrayList<>();
        for (Path folder : exported) {
            order.add(
                    read(folder.resolve("run.json")).path("sdk").path("taskId").asText());
        }
        assertEquals(report.attempts().stream().map(AttemptResult::taskId).toList(), order);
    }
}
