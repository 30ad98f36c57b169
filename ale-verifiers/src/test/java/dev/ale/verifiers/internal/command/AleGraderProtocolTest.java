package dev.ale.verifiers.internal.command;

import static dev.ale.verifiers.Fixture.assertContains;
import static dev.ale.verifiers.Fixture.assertContainsAll;
import static dev.ale.verifiers.Fixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.AleException;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.VerifierConfigException;
import dev.ale.api.spi.VerifierPolicy;
import dev.ale.verifiers.VerifierRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** ALE's grader protocol in the command verifier: exit codes, crashes, placeholders, the interpreter. */
@DisabledOnOs(OS.WINDOWS)
class AleGraderProtocolTest {
    @TempDir
    Path dir;

    PartsContext ctx;

    @BeforeEach
    void setUp() throws Exception {
        ctx = PartsContext.in(dir);
        ctx.parent().out("answer.txt", "42");
    }

    private Verdict verify(String config) throws Exception {
        return CommandFixture.ALLOWED.create(json(config), "").verify(ctx);
    }

    /** A config running {@code body} as an sh script kept in the task's hidden grader/ folder. */
    private String sh(String body, String extra) throws Exception {
        ctx.grader("grade.sh", body);
        return "{'type': 'command', 'command': ['sh', '{task}/grade.sh', '{output}', '{reference}']" + extra + "}";
    }

    @Test
    void theReportedScoreCountsWhateverTheExitCode() throws Exception {
        Verdict v = verify(sh("echo '{\"score\": 0.4}'\nexit 1\n", ""));
        assertEquals(0.4, v.score());
        assertFalse(v.gateFailed());
    }

    @Test
    void aGraderThatCrashesOnTheOutputScoresZeroWithItsErrorShown() throws Exception {
        String raise = "echo 'Traceback (most recent call last):' >&2\n"
                + "echo \"FileNotFoundError: [Errno 2] No such file or directory: '$1/results.json'\" >&2\nexit 1\n";
        Verdict v = verify(sh(raise, ""));
        assertEquals(0, v.score());
        assertTrue(v.gateFailed());
        assertContainsAll(v.summary(), "exited with code 1 without a score", "FileNotFoundError");
        assertEquals("grader", v.checks().get(0).name());
        assertContains("No such file or directory", v.checks().get(0).actual());
        AleException error = assertThrows(AleException.class, () -> verify(sh(raise, ", 'onCrash': 'error'")));
        assertContains("FileNotFoundError", error.getMessage());
        assertFieldRefused("{'type': 'command', 'command': ['sh'], 'onCrash': 'ignore'}", "/onCrash");
    }

    @Test
    void aGraderThatIsBrokenIsAnErrorNotTheAgentsZero() throws Exception {
        assertThrows(AleException.class, () -> verify(sh("exit 0\n", "")), "exit 0 without a score");
        AleException bad = assertThrows(AleException.class, () -> verify(sh("echo '{\"score\": 3}'\nexit 1\n", "")));
        assertContains("[0, 1]", bad.getMessage());
        AleException shim = assertThrows(
                AleException.class,
                () -> verify(sh("echo '{\"error\": \"session.screenshot is not supported\"}'\nexit 2\n", "")));
        assertContains("session.screenshot", shim.getMessage());
        AleException killed =
                assertThrows(AleException.class, () -> verify(sh("echo 0.5\nsleep 30\n", ", 'timeout': '1s'")));
        assertContains("killed", killed.getMessage());
    }

    @Test
    void theTaskAndInputsAreReadOnlyCopiesAndTheOutputACopy() throws Exception {
        ctx.input("input/ledger.csv", "a,1\n");
        String body = "test -f \"$ALE_TASK_DIR/grade.sh\" || exit 3\n"
                + "test \"$3\" = \"$ALE_INPUTS\" || exit 4\n"
                + "cat \"$3/input/ledger.csv\" >/dev/null || exit 5\n"
                + "for f in \"$3/input/ledger.csv\" \"$3/input\" \"$ALE_TASK_DIR/grade.sh\" \"$ALE_TASK_DIR\"; do\n"
                + "  case $(ls -ld \"$f\" | cut -c1-10) in *w*) exit 6;; esac\n"
                + "done\n"
                + "echo tampered > \"$1/answer.txt\"\n"
                + "echo 1\n";
        ctx.grader("grade.sh", body);
        Verdict v = verify(
                "{'type': 'command', 'command': ['sh', '{task}/grade.sh', '{output}', '{reference}', '{inputs}']}");
        assertEquals(1.0, v.score());
        assertEquals("42", Files.readString(ctx.output().resolve("answer.txt")), "the grader wrote to a copy");
    }

    @Test
    void aLinkTheAgentLeftInItsOutputNeverReachesTheGrader() throws Exception {
        Path secret = Files.writeString(dir.resolve("elsewhere.txt"), "the reference's answer");
        Files.createSymbolicLink(ctx.output().resolve("answer-link.txt"), secret);
        Files.createSymbolicLink(ctx.output().resolve("up"), dir);
        Files.createSymbolicLink(ctx.output().resolve("proc"), Path.of("/proc/self/cwd"));
        String body =
                "for f in answer-link.txt up proc; do test -e \"$1/$f\" && exit 3; test -L \"$1/$f\" && exit 4; done\n"
                        + "test -f \"$1/answer.txt\" || exit 5\necho 1\n";
        assertEquals(1.0, verify(sh(body, "")).score(), "links are left out of the grader's copy");
    }

    @Test
    void pythonComesFromThePolicyTheEnvironmentOrThePath() throws Exception {
        Path fake = Files.writeString(dir.resolve("python-fake"), "#!/bin/sh\necho 0.75\n");
        fake.toFile().setExecutable(true);
        assertEquals(fake.toAbsolutePath(), PythonFinder.find(Optional.of(fake), name -> null));
        assertEquals(
                fake.toAbsolutePath(), PythonFinder.find(Optional.empty(), Map.of("ALE_PYTHON", fake.toString())::get));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path onPath = Files.copy(fake, bin.resolve("python3"));
        onPath.toFile().setExecutable(true);
        assertEquals(
                onPath.toAbsolutePath(), PythonFinder.find(Optional.empty(), Map.of("PATH", "/no/such:" + bin)::get));
        AleException none = assertThrows(
                AleException.class, () -> PythonFinder.find(Optional.empty(), Map.of("PATH", "/no/such")::get));
        assertContainsAll(none.getMessage(), "--python", "ALE_PYTHON", "python3 on the PATH");
        AleException notExecutable = assertThrows(
                AleException.class, () -> PythonFinder.find(Optional.of(dir.resolve("missing")), name -> null));
        assertContains("not an executable file", notExecutable.getMessage());
        VerifierRegistry withPython = VerifierRegistry.discover().withPolicy(new VerifierPolicy(true).withPython(fake));
        Verdict v = withPython
                .create(json("{'type': 'command', 'command': ['{python}', '-c', 'ignored']}"), "")
                .verify(ctx);
        assertEquals(0.75, v.score(), "{python} is the interpreter of the policy");
    }

    private static void assertFieldRefused(String config, String field) {
        assertEquals(
                field,
                assertThrows(VerifierConfigException.class, () -> CommandFixture.ALLOWED.create(json(config), ""))
                        .field());
    }
}
