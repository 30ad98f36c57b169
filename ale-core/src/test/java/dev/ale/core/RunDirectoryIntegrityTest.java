package dev.ale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.ale.api.Harness;
import dev.ale.api.Outcome;
import dev.ale.api.SessionOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One run per run directory, and a run that cannot write its directory says so. */
class RunDirectoryIntegrityTest {
    @TempDir
    Path tmp;

    @Test
    void aSecondRunOnTheSameDirectoryFailsAtOnceNamingTheHolder() throws Exception {
        Path dir = tmp.resolve("run");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Harness blocking = ctx -> {
            started.countDown();
            release.await();
            return SessionOutcome.completed();
        };
        RunHandle first = evaluator(dir, blocking).start();
        assertTrue(started.await(60, TimeUnit.SECONDS));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> evaluator(dir, ctx -> {
                    throw new AssertionError("the second run must not start an attempt");
                })
                .run());
        assertTrue(e.getMessage().contains("pid " + ProcessHandle.current().pid()), e.getMessage());
        assertTrue(e.getMessage().contains(dir.resolve("run.lock").toString()), e.getMessage());
        release.countDown();
        assertEquals(1, first.await().attempts().size());
        assertEquals(1, evaluator(dir, blocking).run().attempts().size(), "the lock is released when a run ends");
    }

    @Test
    void aFullDiskFailsTheRunWithAnIoErrorNamingTheRunDirectory() throws IOException {
        Configuration small = Configuration.unix().toBuilder()
                .setMaxSize(8 * 8192)
                .setBlockSize(8192)
                .build();
        try (FileSystem disk = Jimfs.newFileSystem(small)) {
            Path dir = disk.getPath("/runs/full");
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Evaluator.builder()
                    .tasks(List.of(TestTasks.task("a", "42"), TestTasks.task("b", "42")))
                    .harness(ctx -> {
                        Files.write(ctx.workspace().resolve("answer.txt"), new byte[40_000]);
                        return SessionOutcome.completed();
                    })
                    .verifiers(TestTasks.registry())
                    .runDirectory(dir)
                    .build()
                    .run());
            assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
        }
    }

    @Test
    void theJournalIsClosedWhenTheRunEndsAbruptly() throws Exception {
        Path fds = Path.of("/proc/self/fd");
        assumeTrue(Files.isDirectory(fds), "needs /proc/self/fd");
        Path dir = tmp.resolve("run");
        CountDownLatch started = new CountDownLatch(1);
        RunHandle handle = evaluator(dir, ctx -> {
                    started.countDown();
                    Thread.sleep(60_000);
                    return SessionOutcome.completed();
                })
                .start();
        assertTrue(started.await(60, TimeUnit.SECONDS));
        Thread coordinator = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("ale-run"))
                .findFirst()
                .orElseThrow();
        coordinator.interrupt();
        assertThrows(IllegalStateException.class, handle::await);
        Path journal = dir.resolve(Journal.FILE).toRealPath();
        try (Stream<Path> open = Files.list(fds)) {
            assertFalse(open.anyMatch(fd -> journal.equals(target(fd))), "the journal was left open");
        }
        assertEquals(
                Outcome.PASSED,
                evaluator(dir, ctx -> {
                            Files.writeString(ctx.workspace().resolve("answer.txt"), "42");
                            return SessionOutcome.completed();
                        })
                        .run()
                        .attempts()
                        .get(0)
                        .outcome());
    }

    private static Path target(Path fd) {
        try {
            return Files.readSymbolicLink(fd);
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    private static Evaluator evaluator(Path dir, Harness harness) {
        return Evaluator.builder()
                .tasks(List.of(TestTasks.task("a", "42")))
                .harness(harness)
                .verifiers(TestTasks.registry())
                .runDirectory(dir)
                .build();
    }
}
