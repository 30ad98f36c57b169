package dev.ale.core;

import dev.ale.api.Step;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Writes ALE's result files ({@link AleResults}) of each attempt of a run directory as the attempt
 * finishes, on a thread of its own, so the end of the run does not write four files per attempt at
 * once and their writing overlaps the attempts. The journal stays the record: these files are made
 * from it again at the end for any attempt not written here (those resumed from an earlier session,
 * an attempt whose trajectory holds more than {@link #MAX_TEXT} characters of text, which is not
 * held in memory meanwhile), and each file appears whole (written to a temporary name, then moved).
 * At most {@link #QUEUE} attempts wait; an attempt that finds the queue full waits for room. The
 * first failure stops the writing and is kept for {@link #failure}.
 */
final class AleFilesWriter implements AutoCloseable {
    /** How many finished attempts may wait for their files. */
    static final int QUEUE = 32;
    /** The most text (in characters) of an attempt's trajectory held in the queue. */
    static final long MAX_TEXT = 64 * 1024;

    private record Item(AttemptResult result, List<Step> steps) {}

    /** Handed over by {@link #close}: no attempt follows. */
    private static final Item END = new Item(null, List.of());

    private final AleResults.Run run;
    private final Map<String, List<String>> instructions;
    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile @Nullable Exception failure;

    AleFilesWriter(AleResults.Run run, Map<String, List<String>> instructions) {
        this.run = run;
        this.instructions = instructions;
        this.thread = new Thread(this::loop, "ale-results-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Hands over a finished attempt and its trajectory; when the writer failed, or the waiting for
     * room is interrupted, the attempt is left to the end of the run.
     */
    void submit(AttemptResult result, List<Step> steps) {
        if (failure != null || text(steps) > MAX_TEXT) {
            return;
        }
        try {
            queue.put(new Item(result, steps));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long text(List<Step> steps) {
        long chars = 0;
        for (Step s : steps) {
            chars += s.text().length() + s.name().length();
        }
        return chars;
    }

    private void loop() {
        while (true) {
            Item item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (item.result() == null) { // the end
                return;
            }
            if (failure != null) {
                continue;
            }
            try {
                AleResults.writeAttempt(
                        run,
                        item.result(),
                        instructions.getOrDefault(item.result().taskId(), List.of()),
                        RunFiles.asStored(item.steps()));
                written.add(AleResults.key(item.result()));
            } catch (IOException | RuntimeException e) {
                failure = e;
            }
        }
    }

    /** The keys ({@link AleResults#key}) of the attempts whose files were written; call after {@link #close}. */
    Set<String> written() {
        return Set.copyOf(written);
    }

    /** The first failure, if writing failed; call after {@link #close}. */
    @Nullable
    Exception failure() {
        return failure;
    }

    /**
     * Writes what is queued and stops the thread. When the waiting is interrupted, the thread is
     * stopped instead and what it did not write is left to the end of the run.
     */
    @Override
    public void close() {
        try {
            queue.put(END);
            thread.join();
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
        }
    }
}
