package dev.ale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ale.process.BubblewrapOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ale run --cmd-mode persistent}: a persistent agent through the whole runner, and its usage errors. */
class PersistentModeTest {
    /** A persistent agent that solves the invoice task, hangs or crashes, as its {@code act} says. */
    private static final String AGENT =
            """
            import json, os, sys, time
            sys.stdin.readline()
            print(json.dumps({"type": "ready", "protocol": 1}), flush=True)
            act = os.environ.get("ACT", "solve")
            for line in sys.stdin:
                task = json.loads(line)
                if act == "hang":
                    time.sleep(600)
                if act == "crash":
                    sys.exit("crashed on purpose")
                with open(os.path.join(task["workspace"], "total.txt"), "w") as f:
                    f.write("14.75\\n")
                print(json.dumps({"type": "result", "id": task["id"], "status": "done"}), flush=True)
            """;

    @TempDir
    Path tmp;

    private Path pack;
    private String agent;

    @BeforeEach
    void packAndAgent() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "python3 is not installed");
        pack = Ale.invoicePack(tmp.resolve("pack"), null);
        agent = "cmd:/usr/bin/python3 " + Files.writeString(tmp.resolve("agent.py"), AGENT);
    }

    private Ale.Result run(String sandbox, String act, String... more) throws Exception {
        Path script = Files.writeString(
                tmp.resolve("agent-" + act + ".py"),
                AGENT.replace("os.environ.get(\"ACT\", \"solve\")", "\"" + act + "\""));
        List<String> args = new ArrayList<>(List.of(
                "run",
                pack.toString(),
                "--harness",
                "cmd:/usr/bin/python3 " + script,
                "--cmd-mode",
                "persistent",
                "--sandbox",
                sandbox));
        args.addAll(List.of(more));
        return Ale.run(args.toArray(String[]::new));
    }

    private static List<String> sandboxes() {
        return BubblewrapOptions.defaults().unusable().isEmpty() ? List.of("local", "bwrap") : List.of("local");
    }

    @Test
    void aPersistentAgentPassesEveryTrialOnTwoProcesses() throws Exception {
        for (String sandbox : sandboxes()) {
            Ale.Result r = run(sandbox, "solve", "--trials", "4", "--parallel", "2");
            assertEquals(Main.OK, r.code(), sandbox + ": " + r);
            assertTrue(r.out().contains("4 passed"), sandbox + ": " + r.out());
        }
    }

    @Test
    void aHungAgentTimesOutAsInPerAttemptModeAndACrashIsAHarnessErrorAndTheRunGoesOn() throws Exception {
        for (String sandbox : sandboxes()) {
            Ale.Result hung = run(sandbox, "hang", "--timeout", "2s");
            assertEquals(Main.OK, hung.code(), sandbox + ": " + hung);
            assertTrue(hung.out().contains("FAILED TIMEOUT"), sandbox + ": " + hung.out());
            assertFalse(hung.out().contains("abandoned"), sandbox + ": " + hung.out());
            Ale.Result crashed = run(sandbox, "crash", "--trials", "2", "--retries", "0");
            assertEquals(Main.OK, crashed.code(), sandbox + ": " + crashed);
            assertTrue(crashed.out().contains("HARNESS_ERROR"), sandbox + ": " + crashed.out());
            assertTrue(crashed.out().contains("2 failed"), sandbox + ": " + crashed.out());
        }
    }

    @Test
    void persistentModeIsForCmdAgentsWithoutPlaceholders() {
        String sample = Ale.SAMPLE.toString();
        String[][] cases = {
            {"run", sample, "--harness", "rule-based", "--cmd-mode", "persistent"},
            {"run", sample, "--harness", agent, "--cmd-mode", "sometimes"},
            {"run", sample, "--harness", agent + " {instruction}", "--cmd-mode", "persistent"},
        };
        for (String[] args : cases) {
            Ale.Result r = Ale.run(args);
            assertEquals(Main.USAGE, r.code(), String.join(" ", args) + "\n" + r);
            assertTrue(r.err().startsWith("ale: "), r.err());
        }
    }
}
