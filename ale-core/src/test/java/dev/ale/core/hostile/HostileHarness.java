package dev.ale.core.hostile;

import dev.ale.api.Harness;
import dev.ale.api.SessionContext;
import dev.ale.api.SessionOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One harness that misbehaves in the way its task's id names (and answers correctly on the
 * {@code good-*} tasks and wherever its misbehaviour leaves it room to). Abandoned behaviours spin
 * or sleep until {@link Release#all()}.
 */
final class HostileHarness implements Harness {
    /** A folder outside every sandbox that link-planting behaviours point at; it must never change. */
    private final Path decoy;

    HostileHarness(Path decoy) {
        this.decoy = decoy;
    }

    @Override
    public SessionOutcome run(SessionContext ctx) throws Exception {
        Path ws = ctx.workspace();
        switch (ctx.task().id()) {
            case "throws":
                throw new IllegalStateException("harness exploded");
            case "throws-error":
                return recurse(0);
            case "returns-null":
                return null;
            case "hangs":
                Release.sleepIgnoringInterrupts();
                return answer(ws);
            case "busy-loop":
                Release.spinIgnoringInterrupts();
                return answer(ws);
            case "busy-loop-polite":
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.onSpinWait();
                }
                return answer(ws);
            case "floods":
                ctx.trajectory().message("assistant", "x".repeat(10 << 20));
                for (int i = 0; i < 250_000; i++) {
                    ctx.trajectory().toolCall("write_file", "attempt " + i);
                }
                return answer(ws);
            case "floods-past-cap":
                for (int i = 0; i < 5_000; i++) {
                    ctx.trajectory().toolCall("write_file", "attempt " + i);
                }
                return answer(ws);
            case "quota-fills":
                fill(ws);
                return answer(ws);
            case "quota-recovers":
                try {
                    fill(ws);
                } catch (IOException full) {
                    deleteTree(ws.resolve("filler"));
                }
                return answer(ws);
            case "quota-tiny-files":
                // many 1-byte files instead of a few large ones: the quota still counts each as a block
                Path tiny = Files.createDirectories(ws.resolve("tiny"));
                int n = 0;
                try {
                    for (; n < 100_000; n++) {
                        Files.write(tiny.resolve(Integer.toString(n)), new byte[] {1});
                    }
                } catch (IOException full) {
                    Files.delete(tiny.resolve(Integer.toString(n - 1)));
                }
                ctx.trajectory().message("assistant", "tiny files: " + n);
                return answer(ws);
            case "deletes-workspace":
            case "local-deletes-workspace":
                answer(ws);
                deleteTree(ws);
                return SessionOutcome.completed();
            case "mem-dotdot":
                Path far = ws.resolve("../../" + decoy.toAbsolutePath() + "/answer.txt");
                Files.createDirectories(far.getParent());
                Files.writeString(far, "overwritten through ..");
                return answer(ws);
            case "local-link-out":
                Files.createSymbolicLink(ws.resolve("answer.txt"), decoy.resolve("answer.txt"));
                return SessionOutcome.completed();
            case "local-link-dir":
                Files.createSymbolicLink(ws.resolve("data"), decoy);
                return answer(ws);
            case "local-dotdot":
                Files.writeString(ws.resolve("../answer.txt"), "42");
                Files.writeString(ws.resolve("sub-missing/../../escaped.txt").normalize(), "42");
                return SessionOutcome.completed();
            default:
                return answer(ws);
        }
    }

    static SessionOutcome answer(Path ws) throws IOException {
        Files.createDirectories(ws);
        Files.writeString(ws.resolve("answer.txt"), "42");
        return SessionOutcome.completed();
    }

    private static SessionOutcome recurse(int depth) {
        return depth < 0 ? SessionOutcome.completed() : recurse(depth + 1);
    }

    /** Writes 64 KiB chunks under {@code filler/} until the sandbox refuses. */
    private static void fill(Path ws) throws IOException {
        Files.createDirectories(ws.resolve("filler"));
        byte[] chunk = new byte[64 << 10];
        for (int i = 0; i < 10_000; i++) {
            Files.write(ws.resolve("filler/" + i), chunk);
        }
    }

    /** Deletes a tree without following links; the root itself is deleted when the file system allows it. */
    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.delete(p);
                } catch (IOException refused) {
                    // a file system may keep its working directory: what could go, went
                }
            }
        }
    }
}
