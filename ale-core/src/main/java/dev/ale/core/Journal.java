package dev.ale.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only {@code journal.jsonl} of a run directory: one line per finished attempt, each
 * written whole and forced to disk before the next, so a crash loses at most the attempt in
 * flight. A torn last line (a crash mid-write) is tolerated on reading, reported and cut off
 * before new lines are appended.
 */
final class Journal implements AutoCloseable {
    static final String FILE = "journal.jsonl";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What a journal held: its attempts in order, and the problems met reading it. */
    record Contents(List<AttemptResult> attempts, List<String> problems, long validBytes) {}

    private final FileChannel channel;

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

    /** Appends one attempt as one line and forces it to disk. */
    synchronized void write(AttemptResult result) throws IOException {
        byte[] line;
        try {
            line = (MAPPER.writeValueAsString(AttemptJson.write(result)) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IOException("could not encode the attempt of " + result.taskId(), e);
        }
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(false);
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
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
