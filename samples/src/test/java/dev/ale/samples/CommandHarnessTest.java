package dev.ale.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.ExecRequest;
import dev.ale.api.ExecResult;
import dev.ale.api.Outcome;
import dev.ale.api.Sandbox;
import dev.ale.api.SessionContext;
import dev.ale.api.SessionOutcome;
import dev.ale.api.Step;
import dev.ale.api.spi.SandboxRequest;
import dev.ale.core.EvaluationReport;
import dev.ale.core.Evaluator;
import dev.ale.core.Sandboxes;
import dev.ale.process.CommandHarness;
import dev.ale.taskpack.TaskPack;
import dev.ale.taskpack.TaskPackWriter;
import dev.ale.taskpack.TaskPacks;
import dev.ale.testfixtures.PackFiles;
import dev.ale.testfixtures.SessionFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandHarnessTest {
    private static final String INSTRUCTION = "Sum the amounts; don't \"quote\" $HOME `date`";

    @TempDir
    Path tmp;

    @Test
    void splitsACommandLineLikeAShellWithoutExpanding() {
        assertEquals(
                List.of("a", "b c", "d \"e\" $f", "g h", "", "{instruction}", "x\\y"),
                CommandHarness.parse("a 'b c'  \"d \\\"e\\\" \\$f\" g\\ h '' {instruction} 'x\\y'")
                        .command());
        assertThrows(IllegalArgumentException.class, () -> CommandHarness.parse("claude -p 'oops")
                .command());
        assertThrows(IllegalArgumentException.class, () -> CommandHarness.parse("   ")
                .command());
        assertEquals(
                "cmd:claude", CommandHarness.parse("/usr/local/bin/claude -p").name());
        assertEquals(
                "claude -p 'two words' {instruction}",
                CommandHarness.parse("claude -p 'two words' {instruction}").description());
    }

    @Test
    void givesTheInstructionOnStdinAsAnArgumentAndInTheEnvironment() throws Exception {
        Path script = script(
                "agent.sh",
                """
                cat > stdin.txt
                printf '%s' "$1" > arg.txt
                printf '%s' "$ALE_INSTRUCTION" > env.txt
                printf '%s %s %s' "$ALE_SESSION" "$ALE_TASK_ID" "$ALE_WORKSPACE" > meta.txt
                echo "hello from the agent"
                echo "a warning" >&2
                """);
        SessionFixture ctx = session(Instant.now().plusSeconds(600));
        SessionOutcome outcome = new CommandHarness(List.of("sh", script.toString(), "{instruction}")).run(ctx);
        assertEquals(SessionOutcome.completed(), outcome);
        assertEquals(INSTRUCTION + "\n", Files.readString(ctx.workspace().resolve("stdin.txt")));
        assertEquals(INSTRUCTION, Files.readString(ctx.workspace().resolve("arg.txt")));
        assertEquals(INSTRUCTION, Files.readString(ctx.workspace().resolve("env.txt")));
        assertEquals(
                "1 my-task " + ctx.workspace().toAbsolutePath(),
                Files.readString(ctx.workspace().resolve("meta.txt")));
        assertTrue(
                observed(ctx, "stdout").contains("hello from the agent"),
                ctx.trajectory().steps().toString());
        assertTrue(
                observed(ctx, "stderr").contains("a warning"),
                ctx.trajectory().steps().toString());
    }

    @Test
    void aNonZeroExitGivesUpWithTheCodeAndTheTailOfStderr() throws Exception {
        Path script = script("fail.sh", "echo 'starting' >&2\necho 'no API key set' >&2\nexit 3\n");
        SessionOutcome outcome =
                CommandHarness.parse("sh " + script).run(session(Instant.now().plusSeconds(600)));
        assertEquals(SessionOutcome.Status.GAVE_UP, outcome.status());
        assertEquals("exit 3: starting | no API key set", outcome.message());
    }

    @Test
    void cancellingKillsTheCommandWithEveryProcessItStarted() throws Exception {
        Path script = script("hang.sh", "sleep 600 &\necho $! > child.pid\necho $$ > self.pid\nwait\n");
        SessionFixture ctx = session(Instant.now().plusSeconds(600));
        CompletableFuture<SessionOutcome> run =
                CompletableFuture.supplyAsync(() -> call(CommandHarness.parse("sh " + script), ctx));
        long child = awaitPid(ctx.workspace().resolve("child.pid"));
        long self = awaitPid(ctx.workspace().resolve("self.pid"));
        ctx.cancelSwitch().set(true);
        SessionOutcome outcome = run.get(60, TimeUnit.SECONDS);
        assertEquals(SessionOutcome.gaveUp("killed: the attempt was cancelled"), outcome);
        assertTrue(gone(self), "the command is still running");
        assertTrue(gone(child), "a process the command started is still running");
    }

    @Test
    void processesLeftRunningWhenTheCommandExitsAreKilled() throws Exception {
        // the harness looks for the command's processes every half second while it runs: the script
        // stays two seconds so the background sleep is seen before the script exits
        SessionFixture ctx = runToCompletion("leave.sh", "sleep 600 >/dev/null 2>&1 &\necho $! > child.pid\nsleep 2\n");
        assertTrue(
                gone(Long.parseLong(
                        Files.readString(ctx.workspace().resolve("child.pid")).strip())),
                "the background process outlived the session");
    }

    @Test
    void theDeadlineKillsTheCommand() throws Exception {
        Path script = script("slow.sh", "sleep 600\n");
        SessionOutcome outcome =
                CommandHarness.parse("sh " + script).run(session(Instant.now().plusMillis(300)));
        assertEquals(SessionOutcome.gaveUp("killed at the deadline"), outcome);
    }

    @Test
    void recordsAtMostTheCapOfEachStreamAndSaysHowMuchWasLeftOut() throws Exception {
        SessionFixture ctx = runToCompletion("loud.sh", "yes 0123456789 | head -c 2000000\n");
        List<Step> out = ctx.trajectory().steps().stream()
                .filter(s -> s.name().equals("stdout"))
                .toList();
        String last = out.get(out.size() - 1).text();
        assertEquals("[" + (2_000_000 - CommandHarness.CAPTURE_BYTES) + " more bytes of stdout not recorded]", last);
        long recorded = out.subList(0, out.size() - 1).stream()
                .mapToLong(s -> s.text().length())
                .sum();
        assertEquals(CommandHarness.CAPTURE_BYTES, recorded);
    }

    @Test
    void anInMemoryWorkspaceIsRefusedWithAClearMessage() throws Exception {
        try (Sandbox sandbox = Sandboxes.inMemory().open(new SandboxRequest("t.1", 0))) {
            SessionFixture ctx = session(sandbox, Instant.now().plusSeconds(600));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> CommandHarness.parse("true")
                    .run(ctx));
            assertTrue(e.getMessage().contains("Sandboxes.localDirectory()"), e.getMessage());
        }
    }

    @Test
    void aSandboxThatRunsProcessesItselfIsUsedWhenTheWorkspaceIsNotLocal() throws Exception {
        AtomicReference<ExecRequest> asked = new AtomicReference<>();
        try (Sandbox memory = Sandboxes.inMemory().open(new SandboxRequest("t.1", 0))) {
            Sandbox executing = new Sandbox() {
                @Override
                public Path workspace() {
                    return memory.workspace();
                }

                @Override
                public Path openReferenceArea() {
                    throw new UnsupportedOperationException();
                }

                @Override
                public boolean canExecute() {
                    return true;
                }

                @Override
                public ExecResult exec(ExecRequest request) {
                    asked.set(request);
                    return new ExecResult(2, "working", "bad thing", false);
                }

                @Override
                public void close() {}
            };
            SessionFixture ctx = session(executing, Instant.now().plusSeconds(600));
            SessionOutcome outcome =
                    CommandHarness.parse("agent --task {task} {instruction}").run(ctx);
            assertEquals(SessionOutcome.gaveUp("exit 2: bad thing"), outcome);
            assertEquals(
                    List.of("agent", "--task", "my-task", INSTRUCTION),
                    asked.get().command());
            assertEquals(INSTRUCTION, asked.get().environment().get("ALE_INSTRUCTION"));
            assertEquals(INSTRUCTION + "\n", asked.get().stdin());
            assertTrue(observed(ctx, "stdout").contains("working"));
        }
    }

    @Test
    void aScriptAgentSolvesATaskThroughTheEvaluator() throws Exception {
        Path pack = tmp.resolve("pack");
        PackFiles.packJson(pack, "script-demo", "one task for a script agent", List.of("invoice-total"));
        PackFiles.taskJson(
                pack,
                "invoice-total",
                "Total an invoice",
                "Write the sum of the amount column of invoice.csv to total.txt.",
                "{\"type\": \"number\", \"file\": \"total.txt\", \"regex\": \"([0-9.]+)\", \"expected\": 14.75,"
                        + " \"abs\": 0.005}");
        PackFiles.write(
                pack.resolve("tasks/invoice-total/inputs/invoice.csv"), "item,amount\nflour,10.50\nyeast,4.25\n");
        PackFiles.write(pack.resolve("tasks/invoice-total/solution/total.txt"), "14.75\n");
        TaskPackWriter.updateDigests(pack);
        Path script = script(
                "sum.sh",
                """
                echo "task $ALE_TASK_ID, session $ALE_SESSION of $ALE_SESSIONS"
                awk -F, 'NR > 1 { s += $2 } END { printf "%.2f\\n", s }' invoice.csv > total.txt
                echo "wrote total.txt: $(cat total.txt)"
                """);
        Path runs = tmp.resolve("run");
        try (TaskPack opened = TaskPacks.open(pack)) {
            EvaluationReport report = Evaluator.builder()
                    .tasks(opened)
                    .harness(CommandHarness.parse("sh " + script))
                    .sandboxProvider(Sandboxes.localDirectory(tmp.resolve("sandboxes"), false))
                    .runDirectory(runs)
                    .build()
                    .run();
            assertEquals(
                    Outcome.PASSED,
                    report.attempts().get(0).outcome(),
                    report.attempts().toString());
            assertEquals("cmd:sh", report.harness());
        }
        String trajectory = Files.readString(runs.resolve("trajectories/invoice-total/1.jsonl"));
        assertTrue(trajectory.contains("wrote total.txt: 14.75"), trajectory);
        assertTrue(trajectory.contains("\"name\":\"stdout\""), trajectory);
    }

    private Path script(String name, String body) throws IOException {
        Path p = tmp.resolve("scripts").resolve(name);
        PackFiles.write(p, body);
        return p;
    }

    /** Runs {@code sh <script>} with ten minutes to go and checks that it completed. */
    private SessionFixture runToCompletion(String name, String body) throws Exception {
        Path script = script(name, body);
        SessionFixture ctx = session(Instant.now().plusSeconds(600));
        assertEquals(
                SessionOutcome.completed(), CommandHarness.parse("sh " + script).run(ctx));
        return ctx;
    }

    private SessionFixture session(Instant deadline) throws IOException {
        return session(SessionFixture.directory(Files.createDirectories(tmp.resolve("workspace"))), deadline);
    }

    private static SessionFixture session(Sandbox sandbox, Instant deadline) {
        return SessionFixture.of("my-task", INSTRUCTION, sandbox, deadline);
    }

    private static String observed(SessionFixture ctx, String stream) {
        StringBuilder b = new StringBuilder();
        ctx.trajectory().steps().stream()
                .filter(s -> s.kind() == Step.Kind.OBSERVATION && s.name().equals(stream))
                .forEach(s -> b.append(s.text()));
        return b.toString();
    }

    private static SessionOutcome call(CommandHarness h, SessionContext ctx) {
        try {
            return h.run(ctx);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits (polling, without a time assertion) until the script has written a process id. */
    private static long awaitPid(Path file) throws Exception {
        for (int i = 0; i < 3000; i++) {
            if (Files.exists(file) && Files.readString(file).strip().matches("\\d+")) {
                return Long.parseLong(Files.readString(file).strip());
            }
            Thread.sleep(20);
        }
        throw new AssertionError(file + " was never written");
    }

    /** Whether a process has ended (gone, or a zombie waiting to be reaped). */
    private static boolean gone(long pid) throws IOException {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            Path stat = Path.of("/proc/" + pid + "/stat");
            if (!Files.exists(stat)) {
                return true;
            }
            String s = Files.readString(stat);
            return s.substring(s.lastIndexOf(')') + 2).startsWith("Z");
        }
        return true;
    }
}
