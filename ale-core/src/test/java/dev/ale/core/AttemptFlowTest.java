package dev.ale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.Harness;
import dev.ale.api.Outcome;
import dev.ale.api.SessionContext;
import dev.ale.api.SessionOutcome;
import dev.ale.api.spi.SandboxProvider;
import dev.ale.api.task.TaskPart;
import dev.ale.api.task.Tier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The order of one attempt: inputs, sessions with their own inputs, then the reference, only for the verifier. */
class AttemptFlowTest {
    private static final String SECRET = "REFERENCE-SECRET-7f3a";

    private static TestTasks.MemoryTask twoSessionTask() {
        return new TestTasks.MemoryTask(TestTasks.spec(
                        "multi",
                        Tier.FULL_SPECTRUM,
                        "legal",
                        Duration.ofSeconds(30),
                        0,
                        "Session one: write draft.",
                        "Session two: apply the amendment."))
                .file(TaskPart.INPUTS, "contract.txt", "contract")
                .file(TaskPart.session(1), "notes/s1.txt", "first")
                .file(TaskPart.session(2), "amendment.txt", "amended")
                .file(TaskPart.REFERENCE, "answer.txt", SECRET)
                .file(TaskPart.SOLUTION, "answer.txt", SECRET);
    }

    @Test
    void sessionsRunInOrderEachWithItsOwnInputsAndInstruction() {
        List<String> log = new ArrayList<>();
        Harness harness = ctx -> {
            Path ws = ctx.workspace();
            log.add(ctx.session() + "/" + ctx.sessions() + " " + ctx.instruction()
                    + " contract=" + Files.exists(ws.resolve("contract.txt"))
                    + " s1=" + Files.exists(ws.resolve("notes/s1.txt"))
                    + " amendment=" + Files.exists(ws.resolve("amendment.txt")));
            Files.writeString(ws.resolve("answer.txt"), ctx.session() == 2 ? SECRET : "draft");
            return SessionOutcome.completed();
        };
        EvaluationReport report = runTwoSessions(harness);
        assertEquals(
                List.of(
                        "1/2 Session one: write draft. contract=true s1=true amendment=false",
                        "2/2 Session two: apply the amendment. contract=true s1=true amendment=true"),
                log);
        assertEquals(Outcome.PASSED, report.attempts().get(0).outcome(), "only the final state counts");
        assertEquals(2, report.attempts().get(0).sessionsRun());
    }

    /** A harness that looks everywhere it can reach for the reference, and remembers what it saw. */
    private static final class Snoop implements Harness {
        final List<String> found = new ArrayList<>();
        final List<Path> roots = new ArrayList<>();
        int filesSeen;

        Snoop(Path... extraRoots) {
            roots.addAll(List.of(extraRoots));
        }

        @Override
        public SessionOutcome run(SessionContext ctx) throws IOException {
            List<Path> all = new ArrayList<>(roots);
            if (ctx.workspace().getFileSystem() != FileSystems.getDefault()) {
                ctx.workspace().getFileSystem().getRootDirectories().forEach(all::add); // every root of Jimfs
            }
            for (Path root : all) {
                try (Stream<Path> walk = Files.walk(root)) {
                    for (Path p : (Iterable<Path>) walk::iterator) {
                        if (Files.isRegularFile(p)) {
                            filesSeen++;
                            if (p.getFileName().toString().equals("answer.txt")
                                    || Files.size(p) < 1 << 20
                                            && Files.readString(p, StandardCharsets.ISO_8859_1)
                                                    .contains(SECRET)) {
                                found.add(p.toString());
                            }
                        }
                    }
                }
            }
            if (ctx.session() == ctx.sessions()) {
                Files.writeString(ctx.workspace().resolve("answer.txt"), "guess");
            }
            return SessionOutcome.completed();
        }
    }

    @Test
    void inMemoryHarnessWalkingEveryRootNeverFindsTheReference() {
        Snoop snoop = new Snoop();
        EvaluationReport report = runTwoSessions(snoop);
        assertTrue(snoop.filesSeen >= 2, "the walk saw the staged inputs");
        assertEquals(List.of(), snoop.found);
        assertEquals(Outcome.FAILED, report.attempts().get(0).outcome(), "the verifier did see the reference");
        assertEquals(SECRET, report.attempts().get(0).verdict().checks().get(0).expected());
    }

    @Test
    void localHarnessWalkingTheWholeTemporaryDirectoryNeverFindsTheReference(@TempDir Path tmp) throws IOException {
        Path parent = tmp.resolve("sandboxes");
        Snoop snoop = new Snoop(parent);
        SandboxProvider local = Sandboxes.localDirectory(parent, false);
        EvaluationReport report = Evaluator.builder()
                .tasks(List.of(twoSessionTask(), twoSessionTask2()))
                .harness(snoop)
                .sandboxProvider(local)
                .verifiers(TestTasks.registry())
                .build()
                .run();
        assertTrue(snoop.filesSeen >= 2);
        assertEquals(List.of(), snoop.found);
        assertEquals(Outcome.FAILED, report.attempts().get(0).outcome());
        assertEquals(
                SECRET,
                report.attempts().get(0).verdict().checks().get(0).expected(),
                report.attempts().get(0).message());
        try (Stream<Path> left = Files.list(parent)) {
            assertEquals(0, left.count(), "every sandbox and reference area is removed");
        }
    }

    private static TestTasks.MemoryTask twoSessionTask2() {
        TestTasks.MemoryTask t = new TestTasks.MemoryTask(
                TestTasks.spec("multi2", Tier.FULL_SPECTRUM, "legal", Duration.ofSeconds(30), 0, "one", "two"));
        return t.file(TaskPart.INPUTS, "contract.txt", "c").file(TaskPart.REFERENCE, "answer.txt", SECRET);
    }

    @Test
    void keptLocalWorkspacesStayButReferencesGo(@TempDir Path tmp) throws IOException {
        Path parent = tmp.resolve("kept");
        Evaluator.builder()
                .tasks(List.of(TestTasks.task("t", "42")))
                .harness(ctx -> {
                    Files.writeString(ctx.workspace().resolve("answer.txt"), "42");
                    return SessionOutcome.completed();
                })
                .sandboxProvider(Sandboxes.localDirectory(parent, true))
                .verifiers(TestTasks.registry())
                .build()
                .run();
        try (Stream<Path> walk = Files.walk(parent)) {
            List<String> files = walk.filter(Files::isRegularFile)
                    .map(p -> parent.relativize(p).toString())
                    .toList();
            assertEquals(2, files.size(), files.toString());
            assertTrue(files.stream().allMatch(f -> f.contains("/workspace/")), files.toString());
            assertFalse(files.stream().anyMatch(f -> f.contains("ale-ref-")));
        }
    }

    private static EvaluationReport runTwoSessions(Harness harness) {
        return Evaluator.builder()
                .tasks(List.of(twoSessionTask()))
                .harness(harness)
                .verifiers(TestTasks.registry())
                .build()
                .run();
    }
}
