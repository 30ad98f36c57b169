package dev.ale.verifiers.internal.command;

import static dev.ale.verifiers.Fixture.assertContains;
import static dev.ale.verifiers.Fixture.json;
import static dev.ale.verifiers.internal.command.CommandFixture.ALLOWED;
import static dev.ale.verifiers.internal.command.CommandFixture.assertAllDead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.AleException;
import dev.ale.api.spi.Verdict;
import dev.ale.verifiers.internal.support.ExtendedContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The command verifier's hold on its grader: deadlines, interrupts, the process tree, output caps. */
@DisabledOnOs(OS.WINDOWS)
class CommandProcessTest {
    @TempDir
    Path dir;

    CommandFixture grader;

    @BeforeEach
    void setUp() {
        grader = new CommandFixture(dir);
    }

    /** A grader that starts a child and a grandchild, writes their pids and waits for them. */
    static final String TREE =
            """
            sh -c 'sleep 600 & echo $! > "$PIDS/grandchild"; wait' &
            echo $! > "$PIDS/child"
            while [ ! -s "$PIDS/grandchild" ]; do sleep 0.05; done
            echo started > "$PIDS/ready.tmp"
            mv "$PIDS/ready.tmp" "$PIDS/ready"
            wait
            """;

    @Test
    void killsTheGraderAtItsTimeout() throws Exception {
        Path pids = Files.createDirectory(dir.resolve("pids"));
        AleException e = grader.fails(grader.sh(TREE, ", 'timeout': 2, 'env': {'PIDS': '" + pids + "'}"));
        assertContains("killed at its timeout of 2s", e.getMessage());
        assertAllDead(pids);
    }

    @Test
    void neverRunsPastTheVerificationDeadline() throws Exception {
        Path pids = Files.createDirectory(dir.resolve("pids"));
        String config = grader.sh(TREE, ", 'timeout': '1h', 'env': {'PIDS': '" + pids + "'}");
        ExtendedContext soon =
                ExtendedContext.of(grader.ctx).withDeadline(Instant.now().plusSeconds(2));
        AleException e = assertThrows(
                AleException.class, () -> ALLOWED.create(json(config), "").verify(soon));
        assertContains("the verification deadline", e.getMessage());
        assertAllDead(pids);
        ExtendedContext past =
                ExtendedContext.of(grader.ctx).withDeadline(Instant.now().minusSeconds(1));
        AleException late = assertThrows(
                AleException.class, () -> ALLOWED.create(json(config), "").verify(past));
        assertContains("was not started", late.getMessage());
    }

    @Test
    void stoppingTheGraderKillsTheWholeProcessTree() throws Exception {
        Path pids = Files.createDirectory(dir.resolve("pids"));
        String config = grader.sh(TREE, ", 'env': {'PIDS': '" + pids + "'}");
        Throwable[] thrown = new Throwable[1];
        Thread t = new Thread(() -> {
            try {
                grader.verify(config);
            } catch (Throwable x) {
                thrown[0] = x;
            }
        });
        t.start();
        while (!Files.exists(pids.resolve("ready")) && t.isAlive()) {
            Thread.onSpinWait();
        }
        t.interrupt();
        t.join();
        assertTrue(thrown[0] instanceof InterruptedException, String.valueOf(thrown[0]));
        assertTrue(Files.exists(pids.resolve("grandchild")));
        assertAllDead(pids);
    }

    @Test
    void capsTheOutput() {
        AleException e = grader.fails(grader.sh(
                "i=0\nwhile [ $i -lt 2000 ]; do echo 0123456789; i=$((i+1)); done\n", ", 'maxOutputBytes': 1000"));
        assertContains("more than 1000 bytes to its stdout", e.getMessage());
        AleException err =
                grader.fails(grader.sh("while true; do echo 0123456789 >&2; done\n", ", 'maxOutputBytes': 1000"));
        assertContains("more than 1000 bytes to its stderr and was killed", err.getMessage());
        AleException reward = grader.fails(
                grader.sh("head -c 2000 /dev/zero | tr '\\0' 1 > reward.txt\n", ", 'maxOutputBytes': 1000"));
        assertContains("larger than 1000 bytes", reward.getMessage());
    }

    @Test
    void aProcessLeftBehindNeitherBlocksNorSurvives() throws Exception {
        Path pids = Files.createDirectory(dir.resolve("pids"));
        Verdict v = grader.verify(grader.sh(
                "sleep 600 &\necho $! > \"$PIDS/child\"\nsleep 1\necho 1\n", ", 'env': {'PIDS': '" + pids + "'}"));
        assertEquals(1.0, v.score(), "the left-behind process holds no pipe the verifier waits on");
        assertAllDead(pids);
    }
}
