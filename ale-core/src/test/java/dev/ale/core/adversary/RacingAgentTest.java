package dev.ale.core.adversary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.Harness;
import dev.ale.api.SessionOutcome;
import dev.ale.core.EvaluationReport;
import dev.ale.core.Evaluator;
import dev.ale.core.Sandboxes;
import dev.ale.taskpack.PackOptions;
import dev.ale.taskpack.TaskPack;
import dev.ale.taskpack.TaskPacks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four trials of one task run at once in local-directory sandboxes with an embedded agent that,
 * instead of working, scans every folder it can find a path to (the system temporary directory,
 * the sandboxes' parent, the run directory, the runner's private folders) for a sibling's staged
 * reference, for as long as its siblings are being scored (each verification is slowed down so
 * that it overlaps the scans). It never finds one, so it never passes. (The pack's own folder is
 * left out of the scan: a local agent that reads the pack itself is for the bubblewrap sandbox to
 * stop, not for the reference areas.)
 */
class RacingAgentTest {
    private static final int TRIALS = 4;

    @TempDir
    Path tmp;

    @Test
    void aRacingAgentNeverFindsASiblingsReference() throws IOException {
        Path packDir = tmp.resolve("hidden").resolve("pack");
        SecretPack.write(packDir, "text", "race");
        Path sandboxes = Files.createDirectories(tmp.resolve("sandboxes"));
        Path run = tmp.resolve("run");
        List<Path> roots = new ArrayList<>(List.of(Path.of(System.getProperty("java.io.tmpdir")), sandboxes, run));
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        if (runtime != null) {
            roots.add(Path.of(runtime));
        }
        roots.add(Path.of(System.getProperty("user.home"), ".cache", "ale"));
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger order = new AtomicInteger();
        Harness racer = ctx -> {
            long until = System.nanoTime()
                    + Duration.ofMillis(400L * order.incrementAndGet()).toNanos();
            String found = null;
            while (found == null && System.nanoTime() < until) {
                for (Path root : roots) {
                    found = found != null ? found : scan(root, packDir.getParent(), ctx.workspace(), seen, until);
                }
                Thread.sleep(10);
            }
            Files.writeString(ctx.workspace().resolve("answer.txt"), found != null ? found : "no idea");
            return SessionOutcome.completed();
        };
        SlowVerifiers verifiers = new SlowVerifiers();
        EvaluationReport report;
        try (TaskPack pack = TaskPacks.open(packDir, PackOptions.defaults().withVerifiers(verifiers))) {
            report = Evaluator.builder()
                    .tasks(pack)
                    .harnessFactory(() -> racer)
                    .verifiers(verifiers)
                    .sandboxProvider(Sandboxes.localDirectory(sandboxes, false))
                    .trials(TRIALS)
                    .parallelism(TRIALS)
                    .runDirectory(run)
                    .build()
                    .run();
        }

        verifiers.assertEveryTrialFailedAndScored(report, TRIALS, "scanned");
        assertFalse(seen.isEmpty(), "the scans did reach files");
        assertTrue(seen.stream().noneMatch(p -> p.contains("ale-ref-")), "no reference area in a shared folder");
    }

    /** A file named like the reference and holding a secret, found under {@code root}; null when none. */
    private static String scan(Path root, Path hidden, Path own, Set<String> seen, long until) throws IOException {
        if (!Files.isDirectory(root)) {
            return null;
        }
        String[] found = new String[1];
        try {
            Files.walkFileTree(root, Set.of(), 6, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (System.nanoTime() > until) {
                        return FileVisitResult.TERMINATE; // this agent's time to look is up
                    }
                    return dir.startsWith(hidden) || dir.startsWith(own)
                            ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    seen.add(file.toString());
                    if (attrs.isRegularFile()
                            && file.getFileName().toString().equals("answer.txt")
                            && attrs.size() < 1024) {
                        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                        if (text.startsWith("secret-race-")) {
                            found[0] = text;
                            return FileVisitResult.TERMINATE;
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (UncheckedIOException e) {
            return found[0];
        }
        return found[0];
    }
}
