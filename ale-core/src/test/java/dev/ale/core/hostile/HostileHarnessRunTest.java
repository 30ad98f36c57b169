package dev.ale.core.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.Cause;
import dev.ale.api.Outcome;
import dev.ale.api.task.Task;
import dev.ale.core.AttemptResult;
import dev.ale.core.EvaluationReport;
import dev.ale.core.Evaluator;
import dev.ale.testfixtures.Trees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run through {@link Evaluator} that mixes good attempts with harnesses that throw, hang and
 * ignore interrupts, busy-loop, flood their trajectory, fill the sandbox quota, delete their
 * workspace, return null, and try to get out of the sandbox through links or {@code ..}: each
 * attempt ends with the right outcome and cause, the good ones pass, nothing outside the sandboxes
 * changes, and every sandbox is gone afterwards.
 */
class HostileHarnessRunTest {
    private static final Duration SHORT = Duration.ofMillis(500);
    private static final Duration LONG = Duration.ofMinutes(2);

    @TempDir
    Path tmp;

    @AfterEach
    void releaseAbandonedThreads() {
        Release.all();
    }

    @Test
    void everyHostileAttemptEndsRightAndTheRunGoesOn() throws IOException {
        Path decoy = Files.createDirectories(tmp.resolve("decoy"));
        Files.writeString(decoy.resolve("answer.txt"), "42");
        Files.writeString(decoy.resolve("precious.txt"), "must survive");
        Map<String, Long> decoyBefore = Trees.snapshot(decoy);
        Path sandboxes = Files.createDirectories(tmp.resolve("sandboxes"));

        Expected expected = new Expected();
        List<Task> tasks = new ArrayList<>();
        add(tasks, expected, "good-first", LONG, 0, Outcome.PASSED, Cause.NONE, "");
        add(tasks, expected, "throws", LONG, 0, Outcome.FAILED, Cause.HARNESS_ERROR, "harness exploded");
        add(tasks, expected, "throws-error", LONG, 0, Outcome.FAILED, Cause.HARNESS_ERROR, "StackOverflowError");
        add(tasks, expected, "returns-null", LONG, 0, Outcome.FAILED, Cause.HARNESS_ERROR, "no outcome");
        add(tasks, expected, "hangs", SHORT, 0, Outcome.FAILED, Cause.TIMEOUT, "abandoned");
        add(tasks, expected, "busy-loop", SHORT, 0, Outcome.FAILED, Cause.TIMEOUT, "abandoned");
        add(tasks, expected, "busy-loop-polite", SHORT, 0, Outcome.FAILED, Cause.TIMEOUT, "timed out");
        add(tasks, expected, "floods", LONG, 0, Outcome.PASSED, Cause.NONE, "");
        add(tasks, expected, "floods-past-cap", LONG, 100, Outcome.FAILED, Cause.BUDGET, "more than 100 steps");
        add(tasks, expected, "quota-fills", LONG, 0, Outcome.FAILED, Cause.HARNESS_ERROR, "harness threw");
        add(tasks, expected, "quota-recovers", LONG, 0, Outcome.PASSED, Cause.NONE, "");
        add(tasks, expected, "quota-tiny-files", LONG, 0, Outcome.PASSED, Cause.NONE, "");
        add(tasks, expected, "deletes-workspace", LONG, 0, Outcome.FAILED, Cause.GATE, "answer.txt");
        add(tasks, expected, "mem-dotdot", LONG, 0, Outcome.PASSED, Cause.NONE, "");
        add(tasks, expected, "local-good", LONG, 0, Outcome.PASSED, Cause.NONE, "");
        add(tasks, expected, "local-link-out", LONG, 0, Outcome.FAILED, Cause.GATE, "symbolic link");
        add(tasks, expected, "local-link-dir", LONG, 0, Outcome.PASSED, Cause.NONE, "");
        add(tasks, expected, "local-dotdot", LONG, 0, Outcome.FAILED, Cause.GATE, "missing");
        add(tasks, expected, "local-deletes-workspace", LONG, 0, Outcome.FAILED, Cause.GATE, "answer.txt");
        add(tasks, expected, "good-last", LONG, 0, Outcome.PASSED, Cause.NONE, "");

        Release.arm();
        EvaluationReport report = Runs.await(Evaluator.builder()
                .tasks(tasks)
                .harness(new HostileHarness(decoy))
                .verifiers(new HostileVerifiers())
                .sandboxProvider(new RoutingSandboxes(sandboxes))
                .interruptGrace(Duration.ofMillis(300))
                .retries(0, Duration.ZERO)
                .parallelism(2)
                .runDirectory(tmp.resolve("run"))
                .build());
        Release.all();

        Map<String, AttemptResult> byId = expected.check(report);
        assertEquals(0, report.count(Outcome.ERROR), "no hostile harness may pass for an infrastructure error");

        assertEquals(
                1.0, byId.get("busy-loop-polite").score(), "a harness that stops at its interrupt is still scored");
        assertFalse(
                byId.get("busy-loop-polite").message().contains("abandoned"),
                byId.get("busy-loop-polite").message());
        assertEquals(100_000, byId.get("floods").steps(), "a flood keeps the first 100,000 steps");
        List<String> flood = Files.readAllLines(tmp.resolve("run/trajectories/floods/1.jsonl"), StandardCharsets.UTF_8);
        assertEquals(100_001, flood.size());
        assertTrue(
                flood.get(0).length() < 70_000,
                "the 10 MiB message is kept cut: " + flood.get(0).length());
        assertTrue(flood.get(100_000).contains("\"count\":150001"), flood.get(100_000));

        String tiny =
                Files.readString(tmp.resolve("run/trajectories/quota-tiny-files/1.jsonl"), StandardCharsets.UTF_8);
        Matcher count = Pattern.compile("tiny files: (\\d+)").matcher(tiny);
        assertTrue(count.find(), tiny);
        long files = Long.parseLong(count.group(1));
        assertTrue(
                files <= RoutingSandboxes.SMALL_QUOTA / 1024 && files > RoutingSandboxes.SMALL_QUOTA / 8192,
                "a flood of 1-byte files is stopped by the quota, each file counted as one 1 KiB block: " + files);

        assertEquals(decoyBefore, Trees.snapshot(decoy), "nothing outside the sandboxes changed");
        assertEquals(Map.of("", -1L), Trees.snapshot(sandboxes), "every sandbox and reference area is removed");
        try (ZipFile zip =
                new ZipFile(tmp.resolve("run/artifacts/local-link-out/1.zip").toFile())) {
            assertEquals(null, zip.getEntry("answer.txt"), "a link is never followed into the kept artefacts");
        }
        try (ZipFile zip =
                new ZipFile(tmp.resolve("run/artifacts/local-link-dir/1.zip").toFile())) {
            assertEquals(
                    null,
                    zip.getEntry("data/precious.txt"),
                    "a linked folder is never followed into the kept artefacts");
        }
    }

    private static void add(
            List<Task> tasks,
            Expected expected,
            String id,
            Duration timeout,
            int maxSteps,
            Outcome outcome,
            Cause cause,
            String fragment) {
        tasks.add(HostileTasks.task(id, timeout, maxSteps, HostileTasks.ANSWER_42, 1));
        expected.put(id, outcome, cause, fragment);
    }
}
