package dev.ale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ale.api.spi.VerifierPolicy;
import dev.ale.process.BubblewrapOptions;
import dev.ale.taskpack.TaskPackWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    @TempDir
    Path tmp;

    @Test
    void runsTheSampleAgentOnTheSamplePackAndPrintsTheSummary() {
        Ale.Result r = Ale.run("run", Ale.SAMPLE.toString(), "--harness", "rule-based");
        assertEquals(Main.OK, r.code(), r.toString());
        assertTrue(r.out().contains("full pass rate  50.0% [15.0%, 85.0%]   (2 of 4 scored attempts)"), r.out());
        assertTrue(r.out().contains("outcomes        2 passed, 2 failed, 0 errors"), r.out());
        assertTrue(r.out().contains("by tier"), r.out());
        assertTrue(r.out().contains("  business_finance             2       2       0  100.0%"), r.out());
        assertTrue(r.out().contains("contract-deadlines#1             FAILED GAVE_UP"), r.out());
        assertTrue(r.err().contains("4/4 done, 2 passed, 2 failed, elapsed"), "the last progress line: " + r.err());
    }

    @Test
    void exitsOneBelowFailUnder() {
        Ale.Result r = Ale.run("run", Ale.SAMPLE.toString(), "--harness", "rule-based", "--fail-under", "0.9");
        assertEquals(Main.BELOW, r.code(), r.toString());
        assertTrue(r.err().contains("ale: full pass rate 50.0% is below --fail-under 90.0%"), r.err());
        assertEquals(
                Main.OK,
                Ale.run("run", Ale.SAMPLE.toString(), "--harness", "rule-based", "--fail-under", "50%")
                        .code());
    }

    @Test
    void selectsTrialsAndAShard() {
        Ale.Result r = Ale.run(
                "run",
                Ale.SAMPLE.toString(),
                "--harness",
                "rule-based",
                "--select",
                "cluster:business_finance",
                "--trials",
                "2",
                "--parallel",
                "2");
        assertEquals(Main.OK, r.code(), r.toString());
        assertTrue(r.out().contains("(4 of 4 scored attempts)"), r.out());
        assertTrue(r.out().contains("pass@2 100.0%"), r.out());
        Ale.Result none = Ale.run(
                "run", Ale.SAMPLE.toString(), "--harness", "rule-based", "--select", "cluster:legal,tier:near-term");
        assertEquals(Main.USAGE, none.code());
        assertTrue(none.err().startsWith("ale: no task of ../samples/packs/sample matches --select"), none.err());
    }

    @Test
    void aHarnessNamedByItsClassIsCreatedFromTheClassPath() {
        Ale.Result r = Ale.run("run", Ale.SAMPLE.toString(), "--harness", GivingUpHarness.class.getName());
        assertEquals(Main.OK, r.code(), r.toString());
        assertTrue(r.out().contains("harness         giving-up on in-memory sandboxes"), r.out());
        assertTrue(r.out().contains("(0 of 4 scored attempts)"), r.out());
    }

    @Test
    void aCommandHarnessRunsAScriptAgentInLocalDirectories() throws Exception {
        Ale.Result r = runSumScript("echo \"done: $ALE_TASK_ID\"", "local-directory", "--sandbox", "local");
        assertTrue(r.err().contains("ale: warning: the agent runs unisolated in a local directory"), r.err());
        assertTrue(Files.readString(tmp.resolve("run/trajectories/invoice-total/1.jsonl"))
                .contains("done: invoice-total"));
        assertTrue(Files.readString(tmp.resolve("run/run.json")).contains("\"sandbox\" : \"local-directory\""));
    }

    @Test
    @Tag("bwrap")
    void aCommandHarnessRunsUnderBubblewrapByDefaultWhereItWorks() throws Exception {
        assumeTrue(BubblewrapOptions.defaults().unusable().isEmpty(), "bubblewrap is not usable here");
        Ale.Result r = runSumScript("echo \"in $(pwd) as HOME=$HOME\"", "bubblewrap");
        assertTrue(Files.readString(tmp.resolve("run/trajectories/invoice-total/1.jsonl"))
                .contains("in /workspace as HOME=/workspace"));
        assertTrue(Files.readString(tmp.resolve("run/run.json")).contains("\"sandbox\" : \"bubblewrap\""));
    }

    @Test
    void anAgentStillRunningAtItsDeadlineIsKilledWithItsChildrenNotAbandoned() throws Exception {
        Path pack = Ale.invoicePack(tmp.resolve("pack"), null);
        List<String> sandboxes =
                BubblewrapOptions.defaults().unusable().isEmpty() ? List.of("local", "bwrap") : List.of("local");
        for (String sandbox : sandboxes) {
            Ale.Result r = Ale.run(
                    "run",
                    pack.toString(),
                    "--harness",
                    "cmd:sh -c 'sleep 600 & sleep 600'",
                    "--sandbox",
                    sandbox,
                    "--timeout",
                    "2s");
            assertEquals(Main.OK, r.code(), r.toString());
            assertTrue(r.out().contains("FAILED TIMEOUT"), r.out());
            assertFalse(r.out().contains("abandoned"), sandbox + ": " + r.out());
        }
    }

    @Test
    @Tag("bwrap")
    void aCommandVerifierUnderBubblewrapSeesOnlyItsOwnFolders() throws Exception {
        assumeTrue(BubblewrapOptions.defaults().unusable().isEmpty(), "bubblewrap is not usable here");
        Path packDir = tmp.resolve("pack");
        String grader = "[ ! -e " + packDir + " ] && [ ! -e " + tmp + " ] && [ \"$HOME\" = \"$ALE_WORK_DIR\" ]"
                + " && case \"$ALE_OUTPUT\" in /ale/*) true ;; *) false ;; esac"
                + " && [ -f \"$ALE_OUTPUT/total.txt\" ] && ! (echo x > \"$ALE_OUTPUT/x\") 2>/dev/null"
                + " && [ -z \"$ALE_REFERENCE_KEY\" ] && [ \"$(ls /ale | wc -l)\" -le 6 ] && echo 1 || echo 0";
        Path pack = Ale.invoicePack(packDir, null);
        Path taskJson = pack.resolve("tasks/invoice-total/task.json");
        String command = "{\"type\": \"command\", \"command\": [\"sh\", \"-c\", \""
                + grader.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]}";
        String task = Files.readString(taskJson);
        int from = task.indexOf("\"verifier\": ");
        Files.writeString(taskJson, task.substring(0, from) + "\"verifier\": " + command + "}\n");
        TaskPackWriter.updateDigests(pack, new VerifierPolicy(true));
        Ale.Result r = Ale.run(
                "run",
                pack.toString(),
                "--harness",
                "cmd:sh -c 'echo 14.75 > total.txt'",
                "--sandbox",
                "bwrap",
                "--allow-command-verifiers");
        assertEquals(Main.OK, r.code(), r.toString());
        assertTrue(r.out().contains("1 passed, 0 failed"), "the grader saw only its folders: " + r.out());
    }

    @Test
    void aRelativeProgramIsFoundFromTheStartDirectoryAndAMissingOneIsAUsageError() throws Exception {
        Path pack = Ale.invoicePack(tmp.resolve("pack"), null);
        Path dir = Files.createDirectories(Path.of("target", "agents"));
        Path script = Files.createTempFile(dir, "sum-", ".sh");
        Files.writeString(
                script,
                "#!/bin/sh\nawk -F, 'NR > 1 { s += $2 } END { printf \"%.2f\\n\", s }' invoice.csv > total.txt\n");
        script.toFile().setExecutable(true);
        String relative = "./target/agents/" + script.getFileName();
        Ale.Result r = Ale.run("run", pack.toString(), "--harness", "cmd:" + relative, "--sandbox", "local");
        assertEquals(Main.OK, r.code(), r.toString());
        assertTrue(r.out().contains("1 passed, 0 failed"), r.out());
        Ale.Result missing = Ale.run("run", pack.toString(), "--harness", "cmd:./target/agents/no-such-agent.sh");
        assertEquals(Main.USAGE, missing.code(), missing.toString());
        assertTrue(missing.err().contains("does not exist"), missing.err());
        assertTrue(missing.err().contains(Path.of("").toAbsolutePath().toString()), missing.err());
        assertEquals("", missing.out(), "no attempt ran: " + missing.out());
    }

    @Test
    void anAgentScriptThatFailsGivesUpWithItsExitCode() throws Exception {
        Path pack = Ale.invoicePack(tmp.resolve("pack"), null);
        Ale.Result r = Ale.run("run", pack.toString(), "--harness", "cmd:sh -c 'echo no key >&2; exit 4'");
        assertEquals(Main.OK, r.code(), r.toString());
        assertTrue(
                r.out()
                        .contains(
                                "invoice-total#1                  FAILED GAVE_UP       0.000  gave up in session 1: exit 4: no key"),
                r.out());
    }

    @Test
    void aTaskWhoseFilesNoLongerMatchTheirDigestEndsInErrorAndExitsThree() throws Exception {
        Path pack = Ale.copy(Ale.SAMPLE, tmp.resolve("pack"));
        Files.writeString(
                pack.resolve("tasks/bank-reconciliation/inputs/cash_book.csv"),
                "tampered\n",
                StandardOpenOption.APPEND);
        Ale.Result r =
                Ale.run("run", pack.toString(), "--harness", "rule-based", "--retries", "0", "--fail-under", "0.9");
        assertEquals(Main.ERRORS, r.code(), r.toString());
        assertTrue(r.err().contains("ale: 1 attempt ended in ERROR (infrastructure)"), r.err());
        assertTrue(r.out().contains("bank-reconciliation#1            ERROR  PACK"), r.out());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void anInvalidPackIsOneClearLineAndExitTwo() throws Exception {
        Path pack = Ale.copy(Ale.SAMPLE, tmp.resolve("pack"));
        Path task = pack.resolve("tasks/dosage-calculation/task.json");
        Files.writeString(task, Files.readString(task).replace("\"health_medicine\"", "\"no_such_cluster\""));
        Ale.Result r = Ale.run("run", pack.toString(), "--harness", "rule-based");
        assertEquals(Main.USAGE, r.code(), r.toString());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("ale: tasks/dosage-calculation/task.json at /taxonomy/cluster"), r.err());
        Ale.Result verbose = Ale.run("run", pack.toString(), "--harness", "rule-based", "--verbose");
        assertTrue(verbose.err().contains("\tat "), "a stack trace with --verbose: " + verbose.err());
    }

    @Test
    void usageErrorsExitTwoWithOneLine() {
        String sample = Ale.SAMPLE.toString();
        String[][] cases = {
            {"run", sample},
            {"run", sample, "--harness", "rule-based", "--trails", "2"},
            {"run", sample, "--harness", "rule-based", "--trials", "0"},
            {"run", sample, "--harness", "rule-based", "--shard", "4/4"},
            {"run", sample, "--harness", "rule-based", "--fail-under", "1.5"},
            {"run", sample, "--harness", "rule-based", "--timeout", "soon"},
            {"run", sample, "--harness", "rule-based", "--select", "color:blue"},
            {"run", sample, "--harness", "cmd:sh x.sh", "--sandbox", "memory"},
            {"run", sample, "--harness", "cmd:sh x.sh", "--sandbox", "docker"},
            {"run", sample, "--harness", "cmd:sh x.sh", "--sandbox", "local", "--network"},
            {"run", sample, "--harness", "cmd:sh x.sh", "--pass-env", "ALE_REFERENCE_KEY"},
            {"run", sample, "--harness", "rule-based", "--pass-env", "OPENAI_API_KEY"},
            {"run", sample, "--harness", "cmd:no-such-agent-program -p"},
            {"run", sample, "--harness", "cmd:sh 'x.sh"},
            {"run", sample, "--harness", "com.example.NoSuchAgent"},
            {"run", sample, "--harness", "java.lang.String"},
            {"run", "no/such/pack", "--harness", "rule-based"},
            {"run", sample, sample, "--harness", "rule-based"},
        };
        for (String[] args : cases) {
            Ale.Result r = Ale.run(args);
            assertEquals(Main.USAGE, r.code(), String.join(" ", args) + "\n" + r);
            assertEquals(1, r.err().lines().count(), String.join(" ", args) + "\n" + r.err());
            assertTrue(r.err().startsWith("ale: "), r.err());
        }
        String unknown = Ale.run("run", sample, "--harness", "rule-based", "--trails", "2")
                .err();
        assertTrue(
                unknown.contains("unknown option --trails (known: ") && unknown.contains("--fail-under, --harness"),
                unknown);
    }

    @Test
    void parsesRatesAndDurations() {
        assertEquals(0.9, RunCommand.rate("0.9"));
        assertEquals(0.85, RunCommand.rate("85%"), 1e-12);
        assertEquals(Duration.ofSeconds(90), RunCommand.duration("90s"));
        assertEquals(Duration.ofMinutes(10), RunCommand.duration("10m"));
        assertEquals(Duration.ofHours(1), RunCommand.duration("1h"));
        assertEquals(Duration.ofMinutes(5), RunCommand.duration("PT5M"));
        assertEquals(Duration.ofSeconds(600), RunCommand.duration("600"));
    }

    /**
     * Runs a shell agent that sums the invoice pack's amounts and then runs {@code echo}, with the
     * extra {@code options}; checks that it ran on {@code sandboxes} sandboxes and was scored.
     */
    private Ale.Result runSumScript(String echo, String sandboxes, String... options) throws IOException {
        Path pack = Ale.invoicePack(tmp.resolve("pack"), null);
        Path script = tmp.resolve("sum.sh");
        Files.writeString(
                script,
                "awk -F, 'NR > 1 { s += $2 } END { printf \"%.2f\\n\", s }' invoice.csv > total.txt\n" + echo + "\n");
        List<String> args = new ArrayList<>(List.of("run", pack.toString(), "--harness", "cmd:sh " + script));
        args.addAll(List.of(options));
        args.addAll(List.of("--out", tmp.resolve("run").toString()));
        Ale.Result r = Ale.run(args.toArray(String[]::new));
        assertEquals(Main.OK, r.code(), r.toString());
        assertTrue(r.out().contains("harness         cmd:sh on " + sandboxes + " sandboxes"), r.out());
        assertTrue(r.out().contains("(1 of 1 scored attempts)"), r.out());
        return r;
    }
}
