package dev.ale.bench;

import dev.ale.api.Harness;
import dev.ale.api.SessionOutcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** The harnesses the figures run: they stand for agents of known, fixed cost. */
final class BenchHarnesses {
    private static final byte[] SMALL_FILE = "done\n".getBytes(StandardCharsets.US_ASCII);

    private BenchHarnesses() {}

    /** Returns at once without touching the workspace (the task then scores 0). */
    static Harness noop() {
        return Harness.named("noop", ctx -> SessionOutcome.completed());
    }

    /** Writes one small file ({@code out.txt}, 5 bytes), which passes the bench tasks. */
    static Harness writeFile() {
        return Harness.named("write-file", ctx -> {
            Files.write(ctx.workspace().resolve(BenchTasks.OUTPUT), SMALL_FILE);
            return SessionOutcome.completed();
        });
    }

    /** Writes {@code out.txt} and records one message and one tool call in the trajectory. */
    static Harness writeFileAndRecord() {
        return Harness.named("write-file-and-record", ctx -> {
            ctx.trajectory().message("assistant", "writing " + BenchTasks.OUTPUT);
            ctx.trajectory().toolCall("write", BenchTasks.OUTPUT);
            Files.write(ctx.workspace().resolve(BenchTasks.OUTPUT), SMALL_FILE);
            return SessionOutcome.completed();
        });
    }

    /** Sleeps for {@code millis} (an agent waiting on a model), then writes {@code out.txt}. */
    static Harness sleep(long millis) {
        return Harness.named("sleep-" + millis + "ms", ctx -> {
            Thread.sleep(millis);
            Files.write(ctx.workspace().resolve(BenchTasks.OUTPUT), SMALL_FILE);
            return SessionOutcome.completed();
        });
    }
}
