package dev.ale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.taskpack.TaskPackWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --reference-key-file}: the key of a sealed pack from a file, never from the command line. */
class ReferenceKeyFileTest {
    private static final String KEY = "correct horse battery staple";

    @TempDir
    Path tmp;

    private Path sealed;
    private Path keyFile;

    @BeforeEach
    void sealACopyOfTheSamplePack() throws IOException {
        sealed = tmp.resolve("sealed");
        copy(Ale.SAMPLE, sealed);
        TaskPackWriter.sealReferences(sealed, KEY.toCharArray());
        keyFile = tmp.resolve("key.txt");
        Files.writeString(keyFile, KEY + "\n");
    }

    @Test
    void runScoresASealedPackWithTheKeyFromTheFile() {
        Ale.Result r = Ale.run(
                "run", sealed.toString(), "--harness", "rule-based", "--reference-key-file", keyFile.toString());
        assertEquals(Main.OK, r.code(), r.toString());
        assertTrue(r.out().contains("outcomes        2 passed, 2 failed, 0 errors"), r.out());
        assertFalse(r.out().contains(KEY) || r.err().contains(KEY), "the key is never printed");
    }

    @Test
    void aWrongKeyIsAnErrorOfThePackNotAFailureOfTheAgent() throws IOException {
        Files.writeString(keyFile, "not the key\n");
        Ale.Result r = Ale.run(
                "run", sealed.toString(), "--harness", "rule-based", "--reference-key-file", keyFile.toString());
        assertTrue(r.out().contains("0 passed"), r.out());
        assertTrue(r.out().contains("ERROR"), r.out());
    }

    @Test
    void packCheckAndRescoreTakeTheKeyFileToo() {
        Ale.Result check = Ale.run("pack", "check", sealed.toString(), "--reference-key-file", keyFile.toString());
        assertEquals(Main.OK, check.code(), check.toString());
        Path run = tmp.resolve("run");
        Ale.Result r = Ale.run(
                "run",
                sealed.toString(),
                "--harness",
                "rule-based",
                "--out",
                run.toString(),
                "--reference-key-file",
                keyFile.toString());
        assertEquals(Main.OK, r.code(), r.toString());
        Ale.Result rescored = Ale.run(
                "rescore", run.toString(), "--pack", sealed.toString(), "--reference-key-file", keyFile.toString());
        assertEquals(Main.OK, rescored.code(), rescored.toString());
        assertTrue(rescored.out().contains("2 passed, 2 failed, 0 errors"), rescored.out());
    }

    @Test
    void aMissingOrEmptyKeyFileIsAUsageErrorBeforeAnyAttempt() throws IOException {
        Ale.Result missing = Ale.run(
                "run",
                sealed.toString(),
                "--harness",
                "rule-based",
                "--reference-key-file",
                tmp.resolve("nope").toString());
        assertEquals(Main.USAGE, missing.code(), missing.toString());
        assertTrue(missing.err().contains("--reference-key-file"), missing.err());
        assertTrue(missing.err().contains("cannot read it"), missing.err());
        Files.writeString(keyFile, "\n");
        Ale.Result empty = Ale.run("pack", "check", sealed.toString(), "--reference-key-file", keyFile.toString());
        assertEquals(Main.USAGE, empty.code(), empty.toString());
        assertTrue(empty.err().contains("first line is empty"), empty.err());
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(p -> {
                try {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
