package dev.ale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.Cause;
import dev.ale.api.Harness;
import dev.ale.api.Outcome;
import dev.ale.api.SessionOutcome;
import dev.ale.api.spi.JudgeAnswer;
import dev.ale.api.spi.VerifierConfigException;
import dev.ale.api.task.Task;
import dev.ale.api.task.TaskPart;
import dev.ale.verifiers.VerifierRegistry;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in verifiers of ale-verifiers, found through ServiceLoader, scoring real attempts through Evaluator.run(). */
class BuiltInVerifiersEndToEndTest {
    /** Writes what each task asks for, a little short of perfect where the test wants partial credit. */
    private static final Harness WORKER = ctx -> {
        Path ws = ctx.workspace();
        switch (ctx.task().id()) {
            case "memo" -> Files.writeString(ws.resolve("memo.txt"), "approved. Risk: low. Risk: none.");
            case "report" -> Files.writeString(
                    ws.resolve("report.md"),
                    "# Report\n\n## Summary\n\nAll good.\n\n## Findings\n\nRevenue grew by a tenth.\n");
            case "bundle" -> {
                try (OutputStream out = Files.newOutputStream(ws.resolve("deliverable.zip"));
                        ZipOutputStream zip = new ZipOutputStream(out)) {
                    for (String name : List.of("README.md", "reports/a.pdf", "reports/b.pdf")) {
                        zip.putNextEntry(new ZipEntry(name));
                        zip.write(("Usage and License of " + name).getBytes(StandardCharsets.UTF_8));
                        zip.closeEntry();
                    }
                }
            }
            case "progress" -> {
                Files.createDirectories(ws.resolve("data"));
                Files.writeString(ws.resolve("data/clean.csv"), "a,b\n1,2\n");
            }
            case "careful" -> {
                ctx.trajectory().toolCall("run_tests", "mvn test");
                ctx.trajectory().toolCall("bash", "cat ../reference/answer.txt");
            }
            case "graded" -> Files.writeString(ws.resolve("answer.txt"), "42\n");
            case "essay" -> Files.writeString(ws.resolve("essay.md"), "Short essay on reconciliations.");
            case "invoice" -> Files.writeString(
                    ws.resolve("invoice.json"),
                    "{\"invoice_id\": \"INV-7\", \"line_1\": \"$1,250.50\", \"line_2\": 99.5, \"notes\": \"\"}");
            case "plan" -> Files.writeString(ws.resolve("plan.json"), "{\"cost\": 1004.9}");
            default -> throw new IllegalStateException(ctx.task().id());
        }
        return SessionOutcome.completed();
    };

    private static Map<String, AttemptResult> run(Evaluator.Builder builder) {
        return builder.harness(WORKER).build().run().attempts().stream()
                .collect(Collectors.toMap(AttemptResult::taskId, Function.identity()));
    }

    @Test
    void declarativeVerifiersGiveTheirDocumentedScores() {
        List<Task> tasks = List.of(
                TestTasks.withConfig(
                        "memo",
                        "{\"type\":\"text\",\"file\":\"memo.txt\",\"contains\":[\"approved\","
                                + "{\"text\":\"Risk:\",\"min\":3,\"weight\":2}],\"regex\":[{\"pattern\":\"TODO\",\"max\":0}]}"),
                TestTasks.withConfig(
                        "report",
                        "{\"type\":\"markdown\",\"file\":\"report.md\",\"inOrder\":true,"
                                + "\"headings\":[{\"text\":\"Summary\",\"level\":2},\"Findings\"],"
                                + "\"sections\":[{\"heading\":\"Findings\",\"contains\":\"Revenue\"}]}"),
                TestTasks.withConfig(
                        "bundle",
                        "{\"type\":\"archive\",\"file\":\"deliverable.zip\",\"checks\":["
                                + "{\"type\":\"file-exists\",\"path\":\"README.md\",\"gate\":true},"
                                + "{\"type\":\"tree\",\"glob\":\"reports/*.pdf\",\"min\":2},"
                                + "{\"type\":\"text\",\"file\":\"README.md\",\"contains\":[\"Usage\",\"Install\"]}]}"),
                TestTasks.withConfig(
                        "progress",
                        "{\"type\":\"checkpoints\",\"checks\":["
                                + "{\"name\":\"data loaded\",\"points\":1,\"type\":\"file-exists\",\"path\":\"data/clean.csv\"},"
                                + "{\"name\":\"report\",\"points\":3,\"type\":\"file-exists\",\"path\":\"report.md\"}]}"),
                TestTasks.withConfig(
                        "careful",
                        "{\"type\":\"trajectory\",\"requireTools\":[{\"tool\":\"run_tests\",\"min\":1}],"
                                + "\"forbidPaths\":[\"reference/**\"]}"));
        Map<String, AttemptResult> r = run(Evaluator.builder().tasks(tasks));
        assertEquals(
                0.5,
                r.get("memo").score(),
                1e-9,
                "approved (1), Risk: twice, not 3 times (0 of 2), no TODO (1): 2 / 4");
        assertEquals(Outcome.PASSED, r.get("report").outcome());
        assertEquals(5.0 / 6, r.get("bundle").score(), 1e-9, "README gate, two PDFs, half the README phrases");
        assertEquals(0.25, r.get("progress").score(), 1e-9, "1 of 4 points");
        assertEquals(0.5, r.get("careful").score(), 1e-9, "ran the tests, but read a reference path");
    }

    @Test
    void jsonPatternsAndNumbersRelativeToTheReferenceScoreThroughTheRunner() {
        TestTasks.MemoryTask invoice = TestTasks.withConfig(
                        "invoice",
                        "{\"type\":\"json\",\"file\":\"invoice.json\","
                                + "\"expectedFile\":\"invoice.json\",\"informativeOnly\":true,\"required\":[\"/invoice_id\"],"
                                + "\"groups\":[{\"fields\":\"/line_*\",\"compare\":\"numeric\"}]}")
                .file(
                        TaskPart.REFERENCE,
                        "invoice.json",
                        "{\"invoice_id\": \"INV-7\", \"line_1\": 1250.5, \"line_2\": 99.0, \"notes\": \"\"}");
        TestTasks.MemoryTask plan = TestTasks.withConfig(
                        "plan",
                        "{\"type\":\"number\",\"file\":\"plan.json\","
                                + "\"pointer\":\"/cost\",\"relativeTo\":{\"file\":\"optimum.json\",\"pointer\":\"/objective\"},"
                                + "\"rel\":0.005}")
                .file(TaskPart.REFERENCE, "optimum.json", "{\"objective\": 1000}");
        Map<String, AttemptResult> r = run(Evaluator.builder().tasks(List.of(invoice, plan)));
        // counted: invoice_id, line_1 ("$1,250.50" read as a number), line_2 (99.5 vs 99.0); notes is not informative
        assertEquals(2.0 / 3, r.get("invoice").score(), 1e-9);
        assertEquals(Outcome.PASSED, r.get("plan").outcome(), "1004.9 is within 0.5% of the optimum 1000");
    }

    @Test
    void commandVerifiersRunOnlyWhenAllowed(@TempDir Path tmp) throws Exception {
        Path grader = tmp.resolve("grade.sh");
        Files.writeString(
                grader,
                "#!/bin/sh\nif grep -q 42 \"$ALE_OUTPUT/answer.txt\"; then echo '{\"score\": 1}';"
                        + " else echo '{\"score\": 0}'; fi\n");
        grader.toFile().setExecutable(true);
        Task task = TestTasks.withConfig("graded", "{\"type\":\"command\",\"command\":[\"" + grader + "\"]}");
        VerifierConfigException refused = assertThrows(
                VerifierConfigException.class,
                () -> Evaluator.builder().tasks(List.of(task)).harness(WORKER).build());
        assertEquals("tasks/graded/task.json", refused.source());
        assertTrue(refused.getMessage().contains("not allowed"), refused.getMessage());
        Map<String, AttemptResult> r =
                run(Evaluator.builder().tasks(List.of(task)).allowCommandVerifiers(true));
        assertEquals(Outcome.PASSED, r.get("graded").outcome());
    }

    @Test
    void rubricAnswersAreRecordedAndReplayedWhenRescoring(@TempDir Path tmp) {
        Task essay = TestTasks.withConfig(
                "essay",
                "{\"type\":\"rubric\",\"criteria\":["
                        + "{\"id\":\"clarity\",\"question\":\"Is it clear?\",\"weight\":1,\"files\":[\"essay.md\"]},"
                        + "{\"id\":\"depth\",\"question\":\"Is it deep?\",\"weight\":3,\"files\":[\"essay.md\"]}]}");
        AtomicInteger asked = new AtomicInteger();
        Path dir = tmp.resolve("run");
        EvaluationReport first = Evaluator.builder()
                .tasks(List.of(essay))
                .harness(WORKER)
                .runDirectory(dir)
                .judge(request -> {
                    asked.incrementAndGet();
                    return new JudgeAnswer(request.criterion().equals("clarity") ? 1 : 0.5, "short but clear");
                })
                .build()
                .run();
        assertEquals(2, asked.get());
        assertEquals((1 + 3 * 0.5) / 4, first.attempts().get(0).score(), 1e-9);

        EvaluationReport again = Evaluator.rescore(
                dir, new RescoreTest.ListPack(List.of(essay)), VerifierRegistry.discover(), null, request -> {
                    throw new AssertionError("the recorded answers must be replayed, not asked again");
                });
        assertEquals(first.attempts().get(0).score(), again.attempts().get(0).score(), 1e-12);
        assertEquals(Outcome.FAILED, again.attempts().get(0).outcome());
    }

    @Test
    void rubricWithoutAJudgeIsAnErrorNotAZero() {
        Task essay = TestTasks.withConfig(
                "essay",
                "{\"type\":\"rubric\",\"criteria\":["
                        + "{\"id\":\"clarity\",\"question\":\"Is it clear?\",\"files\":[\"essay.md\"]}]}");
        AttemptResult r = run(Evaluator.builder().tasks(List.of(essay))).get("essay");
        assertEquals(Outcome.ERROR, r.outcome());
        assertEquals(Cause.VERIFIER, r.cause());
    }
}
