package dev.ale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ale.api.Harness;
import dev.ale.api.Outcome;
import dev.ale.api.SessionOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeping an attempt's artefacts is held to the verifier's timeout: a zip whose open of a listed file
 * never returns (a FIFO an agent's process put in its place) cannot hold the attempt, its worker, or
 * the run.
 */
class ArtefactDeadlineTest {
    /** Bounds the waits of this test, so that a missing guard fails it instead of hanging the build. */
    private static final long NEVER_SECONDS = 60;

    @TempDir
    Path tmp;

    private final TestTasks.MemoryTask task = TestTasks.task("t", "42");
    private final List<Path> workspaces = new CopyOnWriteArrayList<>();
    private final Listeners listeners = new Listeners(List.of());
    private final CompletableFuture<AttemptRunner.Finished> carried = new CompletableFuture<>();

    @Test
    void aZipThatNeverReturnsIsAbandonedAndTheAttemptEndsScoredOnAnotherThread() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        abandonedUntil(
                workspace -> {
                    while (true) { // as an open(2) of a FIFO: deaf to interrupts
                        try {
                            release.await();
                            return;
                        } catch (InterruptedException ignored) {
                            // waits on
                        }
                    }
                },
                release::countDown);
    }

    /** The attack itself: the zip opens a FIFO that no process writes to, and open(2) waits. */
    @Test
    void aZipWaitingInTheOpenOfAFifoIsAbandonedToo() throws Exception {
        Path fifo = tmp.resolve("out.txt");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mkfifo.waitFor() == 0 && !Files.isRegularFile(fifo), "needs mkfifo");
        abandonedUntil(
                workspace -> {
                    try (InputStream in = Files.newInputStream(fifo, LinkOption.NOFOLLOW_LINKS)) {
                        in.transferTo(OutputStream.nullOutputStream());
                    }
                },
                () -> {
                    try (OutputStream writer = Files.newOutputStream(fifo, StandardOpenOption.WRITE)) {
                        writer.flush(); // a writer at last: the open returns, the read ends
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /**
     * Runs an attempt whose artefacts {@code zip} keeps, and checks that it ends scored on another
     * thread without them; {@code release} then lets the zip return, and its thread leaves landing nothing.
     */
    private void abandonedUntil(AttemptRunner.WorkspaceHook zip, Runnable release) throws Exception {
        CompletableFuture<Throwable> first = new CompletableFuture<>();
        try (ReferenceAreas areas = ReferenceAreas.forRun()) {
            AttemptRunner.Attempt attempt = attempt(areas, zip);
            Thread thread = new Thread(() -> {
                try {
                    attempt.run();
                    first.complete(null);
                } catch (Throwable t) {
                    first.complete(t);
                }
            });
            thread.setDaemon(true); // without the guard it would wait for ever: it must not hold the test JVM
            thread.start();
            AttemptRunner.Finished finished = carried.get(NEVER_SECONDS, TimeUnit.SECONDS);
            assertEquals(
                    Outcome.PASSED,
                    finished.result().outcome(),
                    finished.result().message());
            assertEquals(
                    List.of("artefacts of t trial 1 not kept: the zip did not end within PT0.2S and was abandoned"
                            + " (a file that blocks when opened, such as a FIFO put in place of a listed file by a"
                            + " process still running?)"),
                    listeners.warnings());
            assertFalse(Files.exists(workspaces.get(0)), "the thread that carried on closed the sandbox");
            release.run();
            assertInstanceOf(
                    Watchdog.Abandoned.class,
                    first.get(NEVER_SECONDS, TimeUnit.SECONDS),
                    "the abandoned thread leaves when its zip returns, and lands nothing");
        }
    }

    @Test
    void aZipThatFailsIsWarnedOfAndTheAttemptEndsOnItsOwnThread() throws Exception {
        try (ReferenceAreas areas = ReferenceAreas.forRun()) {
            AttemptRunner.Finished finished = attempt(areas, workspace -> {
                        throw new IOException("disk full");
                    })
                    .run();
            assertEquals(Outcome.PASSED, finished.result().outcome());
            assertEquals(List.of("artefacts of t trial 1 not kept: IOException: disk full"), listeners.warnings());
            assertFalse(Files.exists(workspaces.get(0)), "the sandbox is closed");
            assertFalse(carried.isDone(), "nothing was abandoned");
        }
    }

    /** An attempt of {@link #task} that passes, whose artefacts are kept by {@code zip} (its workspace noted first). */
    private AttemptRunner.Attempt attempt(ReferenceAreas areas, AttemptRunner.WorkspaceHook zip) {
        Harness harness = ctx -> {
            Files.writeString(ctx.workspace().resolve("answer.txt"), "42");
            return SessionOutcome.completed();
        };
        RunConfig config = Evaluator.builder()
                .tasks(List.of(task))
                .harness(harness)
                .sandboxProvider(Sandboxes.localDirectory(tmp, false))
                .verifiers(TestTasks.registry())
                .verifierTimeout(Duration.ofMillis(200))
                .interruptGrace(Duration.ofMillis(100))
                .build()
                .config();
        return new AttemptRunner(config, listeners, areas)
                .attempt(
                        task,
                        config.verifier("t"),
                        1,
                        workspace -> {
                            workspaces.add(workspace);
                            zip.beforeClose(workspace);
                        },
                        (a, f) -> carried.complete(f));
    }
}
