package dev.ale.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The append-only {@code journal.jsonl} of a run directory: one line per finished attempt, each
 * written whole with one write before the attempt counts as finished, so a process that is killed
 * loses no finished attempt. Lines reach the disk in groups: one {@code force()} covers every line
 * written since the last, at most {@link #FORCE_DELAY_MILLIS} ms after the first of them, so an
 * operating-system crash or a power loss loses at most that much of the run (those attempts run
 * again on resume), where a force per line cost a millisecond an attempt. A torn last line (a
 * crash mid-write) is tolerated on reading, reported and cut off before new lines are appended.
 */
final class Journal implements AutoCloseable {
    static final String FILE = "journal.jsonl";
    /** The most time a written line waits for the force that takes it to the disk. */
    static final long FORCE_DELAY_MILLIS = 50;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ScheduledExecutorService FORCER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ale-journal-force");
        t.setDaemon(true);
        return t;
    });

    /** What a journal held: its attempts in order, and the problems met reading it. */
    record Contents(List<AttemptResult> attempts, List<String> problems, long validBytes) {}

    private final FileChannel channel;
    private final Object lock = new Object();
    private boolean forceScheduled;
    private IOException forceFailure;

    private Journal(FileChannel channel) {
        this.channel = channel;
    }

    /** Opens the journal for appending, cutting a torn last line off first. */
    static Journal append(Path directory, long validBytes) throws IOException {
        FileChannel ch = FileChannel.open(directory.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (ch.size() > validBytes) {
            ch.truncate(validBytes);
        }
        ch.position(validBytes);
        return new Journal(ch);
    }

    /**
     * Appends one attempt as one line (encoded before the lock is taken) and schedules the force
     * that takes it to the disk, unless one is already due.
     */
    void write(AttemptResult result) throws IOException {
        byte[] line;
        try {
            // no expected values: an agent still running beside this attempt must not read the answers
            line = MAPPER.writeValueAsBytes(AttemptJson.write(result, false));
        } catch (JsonProcessingException e) {
            throw new IOException("could not encode the attempt of " + result.taskId(), e);
        }
        ByteBuffer buffer =
                ByteBuffer.allocate(line.length + 1).put(line).put((byte) '\n').flip();
        synchronized (lock) {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (!forceScheduled) {
                forceScheduled = true;
                FORCER.schedule(this::force, FORCE_DELAY_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Takes every line written so far to the disk; a failure is kept for {@link #close}. */
    private void force() {
        synchronized (lock) {
            forceScheduled = false;
            if (!channel.isOpen()) {
                return;
            }
        }
        try {
            channel.force(false);
        } catch (ClosedChannelException e) {
            // closed meanwhile: close() forced what was written
        } catch (IOException e) {
            synchronized (lock) {
                forceFailure = e;
            }
        }
    }

    /** Forces what is left to the disk and closes the file. */
    @Override
    public void close() throws IOException {
        synchronized (lock) {
            try {
                if (channel.isOpen()) {
                    channel.force(false);
                }
            } finally {
                channel.close();
            }
            if (forceFailure != null) {
                throw new IOException(
                        "the journal could not be forced to disk: " + forceFailure.getMessage(), forceFailure);
            }
        }
    }

    /** Reads a journal; a missing file is an empty journal. */
    static Contents read(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        List<AttemptResult> attempts = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!Files.exists(file)) {
            return new Contents(attempts, problems, 0);
        }
        long valid = 0;
        int lineNumber = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long position = 0;
            int b;
            while ((b = in.read()) >= 0) {
                position++;
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                lineNumber++;
                String text = line.toString(StandardCharsets.UTF_8);
                line.reset();
                valid = position;
                if (text.isBlank()) {
                    continue;
                }
                try {
                    attempts.add(AttemptJson.read(MAPPER.readTree(text)));
                } catch (IOException | IllegalArgumentException e) {
                    problems.add(FILE + " line " + lineNumber + ": unreadable (" + e.getMessage()
                            + "); the line is kept but ignored");
                }
            }
            if (line.size() > 0) {
                problems.add(FILE + " line " + (lineNumber + 1) + ": torn last line (" + line.size()
                        + " bytes, a crash while writing) was dropped; that attempt runs again");
            }
        }
        return new Contents(attempts, problems, valid);
    }
}
