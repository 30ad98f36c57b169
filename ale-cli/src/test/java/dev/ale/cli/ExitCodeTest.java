package dev.ale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ale.api.SessionOutcome;
import dev.ale.core.Evaluator;
import dev.ale.core.RunHandle;
import dev.ale.taskpack.TaskPack;
import dev.ale.taskpack.TaskPacks;
import dev.ale.testfixtures.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes that cannot lie: an interrupted run, a run directory in use, a run directory that cannot be written. */
class ExitCodeTest {
    @TempDir
    Path tmp;

    @Test
    void aHarnessThatCallsSystemExitZeroLeavesTheInterruptedExitCodeAndRecordsIt() throws Exception {
        Path pack = Ale.invoicePack(tmp.resolve("pack"), null);
        Path out = tmp.resolve("run");
        Process child = ChildJvm.start(
                tmp.resolve("child.log"),
                Main.class,
                "run",
                pack.toString(),
                "--harness",
                ExitingHarness.class.getName(),
                "--out",
                out.toString());
        assertTrue(child.waitFor(5, TimeUnit.MINUTES), "the child did not end");
        String log = Files.readString(tmp.resolve("child.log"), StandardCharsets.UTF_8);
        assertEquals(Main.INTERRUPTED, child.exitValue(), log);
        assertTrue(log.contains("interrupted"), log);
        JsonNode segments =
                new ObjectMapper().readTree(out.resolve("run.json").toFile()).path("segments");
        assertTrue(segments.get(segments.size() - 1).path("interrupted").asBoolean(), segments.toString());
    }

    @Test
    void aSecondRunOnARunDirectoryInUseExitsTwoNamingTheHoldersPid() throws Exception {
        Path pack = Ale.invoicePack(tmp.resolve("pack"), null);
        Path out = tmp.resolve("run");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (TaskPack opened = TaskPacks.open(pack)) {
            RunHandle holder = Evaluator.builder()
                    .tasks(opened)
                    .harness(ctx -> {
                        started.countDown();
                        release.await();
                        return SessionOutcome.completed();
                    })
                    .runDirectory(out)
                    .build()
                    .start();
            assertTrue(started.await(60, TimeUnit.SECONDS));
            Ale.Result r = Ale.run(
                    "run", pack.toString(), "--harness", GivingUpHarness.class.getName(), "--out", out.toString());
            release.countDown();
            holder.await();
            assertEquals(Main.USAGE, r.code(), r.toString());
            assertTrue(
                    r.err()
                            .contains("in use by another run (pid "
                                    + ProcessHandle.current().pid()),
                    r.toString());
        }
    }

    @Test
    void aRunDirectoryThatCannotBeWrittenExitsThreeNamingIt() throws IOException {
        Path pack = Ale.invoicePack(tmp.resolve("pack"), null);
        Path out = tmp.resolve("run");
        RunDirectorySaboteur.target = out;
        try {
            Ale.Result r = Ale.run(
                    "run", pack.toString(), "--harness", RunDirectorySaboteur.class.getName(), "--out", out.toString());
            assertEquals(Main.ERRORS, r.code(), r.toString());
            assertTrue(r.err().contains("could not write the run directory " + out), r.toString());
        } finally {
            RunDirectorySaboteur.target = null;
        }
    }

    @Test
    void aVerifierNamingAReferenceFileTheTaskLacksFailsValidation() throws IOException {
        Path pack = Ale.invoicePack(tmp.resolve("pack"), null);
        Path taskJson = pack.resolve("tasks/invoice-total/task.json");
        String text = Files.readString(taskJson);
        Files.writeString(
                taskJson,
                text.substring(0, text.indexOf("\"verifier\": ") + 12)
                        + "{\"type\": \"text\", \"file\": \"total.txt\", \"equalsFile\": \"total.txt\"}}\n");
        Ale.Result r = Ale.run("pack", "validate", pack.toString());
        assertEquals(Main.USAGE, r.code(), r.toString());
        assertTrue(
                r.err()
                        .contains(
                                "tasks/invoice-total/task.json at /verifier/equalsFile: the verifier reads the reference"
                                        + " file 'total.txt', but there is no tasks/invoice-total/reference/total.txt"),
                r.toString());
        Files.createDirectories(pack.resolve("tasks/invoice-total/reference"));
        Files.writeString(pack.resolve("tasks/invoice-total/reference/total.txt"), "14.75\n");
        assertEquals(Main.OK, Ale.run("pack", "build", pack.toString()).code());
        assertEquals(Main.OK, Ale.run("pack", "validate", pack.toString()).code());
    }
}
