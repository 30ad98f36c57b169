package dev.ale.core.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ale.api.Cause;
import dev.ale.api.Harness;
import dev.ale.api.Outcome;
import dev.ale.api.SessionOutcome;
import dev.ale.api.task.Task;
import dev.ale.api.task.TaskPart;
import dev.ale.core.EvaluationReport;
import dev.ale.core.Evaluator;
import dev.ale.core.TestTasks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile verifiers and hostile outputs, each mixed with good attempts in one run through
 * {@link Evaluator}: a plugin that throws, hangs past the verifier deadline, builds a verdict with a
 * score outside [0, 1] or NaN, returns null, or weighs a check by NaN ends {@code ERROR} with cause
 * {@code VERIFIER} and a message that says why; outputs that are huge, binary where text is
 * expected, ragged or unterminated CSV, or JSON nested ten thousand deep give a verdict (mostly a
 * failed gate), never a crash of the run.
 */
class HostileVerifierRunTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String CSV =
            "{\"type\": \"csv\", \"file\": \"out.csv\", \"expectedFile\": \"expected.csv\", \"key\": \"id\"}";
    private static final String JSON = "{\"type\": \"json\", \"file\": \"out.json\", \"expected\": {\"total\": 42},"
            + " \"tolerance\": {\"abs\": 0.01}}";

    private final List<Task> tasks = new ArrayList<>();
    private final Expected expected = new Expected();
    /** What the harness writes per task: file name and content. */
    private final Map<String, Map.Entry<String, byte[]>> outputs = new LinkedHashMap<>();

    @AfterEach
    void releaseAbandonedThreads() {
        Release.all();
    }

    @Test
    void hostileVerifierPluginsEndInAClearErrorAndTheRunGoesOn() {
        good("good-first");
        plugin(
                "v-throws",
                "{\"type\": \"hostile.throws\"}",
                "verifier threw IllegalStateException: plugin bug in hostile.throws");
        // a verifier that hangs on an output is the output's doing as far as the runner can tell: the agent fails
        add(
                HostileTasks.task("v-hangs", TIMEOUT, 0, "{\"type\": \"hostile.hangs\"}", 1),
                Outcome.FAILED,
                Cause.VERIFIER_LIMIT,
                "past its deadline",
                "answer.txt",
                utf8("42"));
        plugin(
                "v-score-high",
                "{\"type\": \"hostile.score\", \"score\": \"1.5\"}",
                "verdict score must be in [0, 1], got 1.5");
        plugin(
                "v-score-nan",
                "{\"type\": \"hostile.score\", \"score\": \"NaN\"}",
                "verdict score must be in [0, 1], got NaN");
        plugin(
                "v-score-negative",
                "{\"type\": \"hostile.score\", \"score\": \"-0.25\"}",
                "verdict score must be in [0, 1], got -0.25");
        plugin("v-null", "{\"type\": \"hostile.null\"}", "verifier returned no verdict");
        plugin("v-nan-weight", "{\"type\": \"hostile.nan-weight\"}", "weight must be finite and >= 0, got NaN");
        good("good-last");
        Release.arm();
        EvaluationReport report = run(Evaluator.builder()
                .verifierTimeout(Duration.ofSeconds(3))
                .interruptGrace(Duration.ofMillis(200))
                .retries(0, Duration.ZERO));
        expected.check(report);
        assertEquals(6, report.errors().size());
        assertEquals(
                2.0 / 3,
                report.fullPassRate().value(),
                1e-9,
                "errors are left out of the rates, never counted as zeros");
    }

    @Test
    void hostileOutputsGetAVerdictNeverACrash() {
        good("good-first");
        output(
                "o-huge-text",
                "{\"type\": \"text\", \"file\": \"big.txt\", \"contains\": \"42\"}",
                "big.txt",
                repeat("42 is the answer. ", (65 << 20) / 18 + 1),
                Cause.GATE,
                "file too large");
        output("o-big-json", JSON, "out.json", bigJsonArray(8 << 20), Cause.NONE, "below the pass threshold");
        output("o-binary-text", HostileTasks.ANSWER_42, "answer.txt", noise(1 << 16), Cause.GATE, "not valid UTF-8");
        output("o-binary-csv", CSV, "out.csv", noise(1 << 16), Cause.GATE, "UTF-8");
        output(
                "o-csv-ragged",
                CSV,
                "out.csv",
                utf8("id,amount\n1\n2,20,extra,more\n3,30\n"),
                Cause.NONE,
                "2 of 3 rows match");
        output(
                "o-csv-unclosed-quote",
                CSV,
                "out.csv",
                utf8("id,amount\n1,\"10\n2,20\n3,30\n"),
                Cause.GATE,
                "not closed");
        output(
                "o-csv-wide",
                CSV,
                "out.csv",
                utf8("id,amount" + ",x".repeat(20_000) + "\n1,10\n"),
                Cause.GATE,
                "more than 10000 fields");
        output(
                "o-csv-long-field",
                CSV,
                "out.csv",
                utf8("id,amount\n1,\"" + "9".repeat(2 << 20) + "\"\n"),
                Cause.GATE,
                "longer than");
        output(
                "o-json-deep",
                JSON,
                "out.json",
                utf8("[".repeat(10_000) + "]".repeat(10_000)),
                Cause.GATE,
                "nesting depth");
        output(
                "o-json-huge-number",
                JSON,
                "out.json",
                utf8("{\"total\": 1e999999999}"),
                Cause.NONE,
                "below the pass threshold");
        output(
                "o-text-nul",
                HostileTasks.ANSWER_42,
                "answer.txt",
                utf8("4\u00002"),
                Cause.NONE,
                "below the pass threshold");
        good("good-last");
        EvaluationReport report = run(Evaluator.builder().retries(1, Duration.ZERO));
        expected.check(report);
        assertEquals(
                0,
                report.count(Outcome.ERROR),
                "a hostile output is the agent's failure, never an infrastructure error");
    }

    private EvaluationReport run(Evaluator.Builder builder) {
        Harness harness = ctx -> {
            Map.Entry<String, byte[]> out = outputs.get(ctx.task().id());
            Files.write(ctx.workspace().resolve(out.getKey()), out.getValue());
            return SessionOutcome.completed();
        };
        return Runs.await(builder.tasks(tasks)
                .harness(harness)
                .verifiers(new HostileVerifiers())
                .parallelism(2)
                .build());
    }

    private void good(String id) {
        add(HostileTasks.task(id, TIMEOUT), Outcome.PASSED, Cause.NONE, "", "answer.txt", utf8("42"));
    }

    private void plugin(String id, String config, String message) {
        add(
                HostileTasks.task(id, TIMEOUT, 0, config, 1),
                Outcome.ERROR,
                Cause.VERIFIER,
                message,
                "answer.txt",
                utf8("42"));
    }

    private void output(String id, String config, String file, byte[] content, Cause cause, String fragment) {
        TestTasks.MemoryTask task = HostileTasks.task(id, TIMEOUT, 0, config, 1)
                .file(TaskPart.REFERENCE, "expected.csv", "id,amount\n1,10\n2,20\n3,30\n");
        add(task, Outcome.FAILED, cause, fragment, file, content);
    }

    private void add(Task task, Outcome outcome, Cause cause, String fragment, String file, byte[] content) {
        tasks.add(task);
        expected.put(task.id(), outcome, cause, fragment);
        outputs.put(task.id(), Map.entry(file, content));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] repeat(String s, int times) {
        return utf8(s.repeat(times));
    }

    private static byte[] noise(int size) {
        byte[] b = new byte[size];
        new Random(7).nextBytes(b);
        return b;
    }

    /** A JSON array of small numbers, about {@code bytes} long. */
    private static byte[] bigJsonArray(int bytes) {
        StringBuilder b = new StringBuilder(bytes + 16).append('[');
        while (b.length() < bytes) {
            b.append(b.length() % 1000).append(',');
        }
        return utf8(b.append("0]").toString());
    }
}
