package dev.ale.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.ale.api.Step;
import dev.ale.api.Usage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The artefact zip of a run directory: what it holds, and how it reaches the file. */
class RunFilesTest {
    /** Counts the calls that reach the stream under the zip (each one a system call on a file). */
    private static final class Counting extends FilterOutputStream {
        int writes;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            writes++;
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            writes++;
            out.write(b, off, len);
        }
    }

    private static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> found = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                assertEquals(315532800000L, e.getTime(), e.getName());
                found.put(e.getName(), in.readAllBytes());
            }
        }
        return found;
    }

    @Test
    void aSmallWorkspaceReachesTheFileInOneWriteSortedWithFixedTimes() throws IOException {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
            Path ws = Files.createDirectories(fs.getPath("/ws"));
            Files.writeString(ws.resolve("b.txt"), "bee");
            Files.createDirectories(ws.resolve("a/deep"));
            Files.writeString(ws.resolve("a/deep/x.csv"), "1,2\n");
            Files.createSymbolicLink(ws.resolve("link"), ws.resolve("b.txt"));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Counting counting = new Counting(bytes);
            RunFiles.zipWorkspace(ws, 1 << 20, counting);
            Map<String, byte[]> got = entries(bytes.toByteArray());
            assertEquals(List.of("a/deep/x.csv", "b.txt"), new ArrayList<>(got.keySet()));
            assertEquals("bee", new String(got.get("b.txt"), StandardCharsets.UTF_8));
            // ZipOutputStream alone made 212 calls here: headers a byte at a time
            assertEquals(1, counting.writes);
        }
    }

    @Test
    void aLargeFileReachesTheFileInBufferSizedWrites() throws IOException {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
            Path ws = Files.createDirectories(fs.getPath("/ws"));
            byte[] noise = new byte[1 << 20];
            new Random(7).nextBytes(noise); // does not deflate: the zip is a little over 1 MiB
            Files.write(ws.resolve("noise.bin"), noise);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Counting counting = new Counting(bytes);
            RunFiles.zipWorkspace(ws, 1 << 21, counting);
            assertArrayEquals(noise, entries(bytes.toByteArray()).get("noise.bin"));
            int most = bytes.size() / (RunFiles.ZIP_BUFFER / 2) + 2; // pieces of at least half the buffer
            assertTrue(counting.writes <= most, counting.writes + " writes, at most " + most + " expected");
        }
    }

    @Test
    void whatIsOverTheCapIsListedNotKept() throws IOException {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
            Path ws = Files.createDirectories(fs.getPath("/ws"));
            Files.write(ws.resolve("a.bin"), new byte[600]);
            Files.write(ws.resolve("b.bin"), new byte[600]);
            Files.write(ws.resolve("c.bin"), new byte[100]);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            RunFiles.zipWorkspace(ws, 1000, bytes);
            Map<String, byte[]> got = entries(bytes.toByteArray());
            assertEquals(List.of("a.bin", "c.bin", RunFiles.TRUNCATED), new ArrayList<>(got.keySet()));
            assertEquals(
                    "Not kept: over the artefact cap of 1000 bytes\nb.bin (600 bytes)\n",
                    new String(got.get(RunFiles.TRUNCATED), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aFileSwappedForALinkAfterItWasListedIsNotReadThrough(@TempDir Path tmp) throws IOException {
        Path secret = Files.writeString(tmp.resolve("reference.csv"), "SECRET-ANSWER");
        Path ws = Files.createDirectories(tmp.resolve("ws"));
        Files.writeString(ws.resolve("answer.txt"), "mine");
        Files.writeString(ws.resolve("notes.txt"), "kept");
        TreeMap<String, Path> listed = RunFiles.regularFiles(ws);
        // a process of the agent still at work swaps its file for a link to something it cannot read
        Files.delete(ws.resolve("answer.txt"));
        Files.createSymbolicLink(ws.resolve("answer.txt"), secret);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RunFiles.zipFiles(listed, 1 << 20, bytes);
        Map<String, byte[]> got = entries(bytes.toByteArray());
        assertEquals(List.of("notes.txt", RunFiles.TRUNCATED), new ArrayList<>(got.keySet()));
        assertTrue(new String(got.get(RunFiles.TRUNCATED), StandardCharsets.UTF_8).contains("answer.txt"));
        assertFalse(new String(bytes.toByteArray(), StandardCharsets.ISO_8859_1).contains("SECRET"));
    }

    @Test
    void aFileIsKeptNoLongerThanTheSizeItWasCheckedAgainstTheCapWith() throws IOException {
        Path proc = Path.of("/proc/self/status"); // a regular file of size 0 that reads as more
        assumeTrue(Files.isReadable(proc) && Files.size(proc) == 0, "needs Linux's /proc");
        TreeMap<String, Path> listed = new TreeMap<>(Map.of("grows.txt", proc));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RunFiles.zipFiles(listed, 10, bytes);
        assertArrayEquals(new byte[0], entries(bytes.toByteArray()).get("grows.txt"));
    }

    @Test
    void aZipEndedAtItsDeadlineLeavesNoFileBehind(@TempDir Path tmp) throws IOException {
        Path ws = Files.createDirectories(tmp.resolve("ws"));
        Files.writeString(ws.resolve("answer.txt"), "mine");
        Path zip = tmp.resolve("artifacts").resolve("t").resolve("1.zip");
        Thread.currentThread().interrupt(); // what the watchdog does at the deadline
        try {
            assertThrows(InterruptedIOException.class, () -> RunFiles.writeArtifacts(zip, ws, 1 << 20));
        } finally {
            Thread.interrupted();
        }
        try (var left = Files.list(zip.getParent())) {
            assertEquals(List.of(), left.toList(), "no zip and no temporary file: the attempt went on without it");
        }
    }

    @Test
    void aTrajectoryReadsBackAndAnythingButAPlainFileInItsPlaceIsNamedNotOpened(@TempDir Path tmp) throws Exception {
        Path file = RunFiles.trajectoryFile(tmp, "case-1", 1);
        assertEquals(List.of(), RunFiles.readTrajectory(file), "no file: no steps");
        List<Step> steps = List.of(
                new Step(
                        Instant.parse("2026-12-07T00:29:02.123456Z"),
                        Step.Kind.MESSAGE,
                        "assistant",
                        "hi",
                        Usage.ZERO,
                        1),
                new Step(Instant.parse("2026-12-07T00:29:03Z"), Step.Kind.TOOL_CALL, "write", "{}", Usage.ZERO, 2));
        RunFiles.writeTrajectory(file, steps, 0);
        assertEquals(steps, RunFiles.readTrajectory(file));

        Path elsewhere = Files.move(file, tmp.resolve("elsewhere.jsonl"));
        Files.createSymbolicLink(file, elsewhere);
        assertNotRead(file);
        Files.delete(file);
        Files.createDirectory(file);
        assertNotRead(file);
        Files.delete(file);
        assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/mkfifo")) || Files.isExecutable(Path.of("/bin/mkfifo")),
                "mkfifo is not installed");
        assertEquals(0, new ProcessBuilder("mkfifo", file.toString()).start().waitFor());
        assertNotRead(file); // opening it would wait for a writer forever
    }

    private static void assertNotRead(Path file) {
        FileSystemException e = assertThrows(FileSystemException.class, () -> RunFiles.readTrajectory(file));
        assertEquals(file.toString(), e.getFile());
        assertTrue(e.getMessage().contains("not a plain file"), e.getMessage());
    }

    /** A trajectory line changed since the run wrote it is an error naming the file and the line, never a runtime failure. */
    @Test
    void aTrajectoryLineChangedAfterTheRunWroteItIsAnErrorThatNamesIt(@TempDir Path tmp) throws Exception {
        Path file = RunFiles.trajectoryFile(tmp, "case-1", 1);
        RunFiles.writeTrajectory(
                file,
                List.of(new Step(Instant.parse("2026-12-07T00:29:02Z"), Step.Kind.MESSAGE, "a", "b", Usage.ZERO, 1)),
                0);
        String good = Files.readString(file);
        for (String bad : List.of(
                "{\"at\": \"yesterday\", \"kind\": \"MESSAGE\"}",
                "{\"at\": \"2026-12-07T00:29:02Z\", \"kind\": \"SHOUT\"}",
                "{\"at\": \"2026-12-07T00:29:02Z\", \"kind\": \"USAGE\", \"usage\": {\"inputTokens\": -5}}",
                "{not json")) {
            Files.writeString(file, good + bad + "\n");
            IOException e = assertThrows(IOException.class, () -> RunFiles.readTrajectory(file), bad);
            assertTrue(e.getMessage().startsWith(file + ": line 2 is not a step as the run wrote it"), e.getMessage());
        }
    }
}
