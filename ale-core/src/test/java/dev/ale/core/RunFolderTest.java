package dev.ale.core;

import static dev.ale.testfixtures.Trees.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder of a run directory written whole ({@link RunFiles#writeFolder}): all of it or nothing. */
class RunFolderTest {
    @TempDir
    Path tmp;

    private static Map<String, byte[]> files(String... nameThenText) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < nameThenText.length; i += 2) {
            files.put(nameThenText[i], nameThenText[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    @Test
    void aNewFolderGetsEveryFileAndNothingElseIsLeftBesideIt() throws IOException {
        Path dir = tmp.resolve("a/b/attempt");
        RunFiles.writeFolder(dir, files("run.json", "{}", "events.jsonl", "x\n"));
        assertEquals(List.of("events.jsonl", "run.json"), names(dir));
        assertEquals("x\n", Files.readString(dir.resolve("events.jsonl")));
        assertEquals(List.of("attempt"), names(dir.getParent()));
    }

    @Test
    void aWriteThatFailsLeavesNeitherTheFolderNorItsTemporaryName() throws IOException {
        Path dir = tmp.resolve("attempt");
        // the second file cannot be made: its folder does not exist
        Map<String, byte[]> files = files("run.json", "{}", "no-such-folder/eval_result.json", "{}");
        assertThrows(IOException.class, () -> RunFiles.writeFolder(dir, files));
        assertFalse(Files.exists(dir));
        assertEquals(List.of(), names(tmp));
    }

    @Test
    void aFolderThatExistsGetsEachFileReplacedAndKeepsItsOthers() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("attempt"));
        Files.writeString(dir.resolve("run.json"), "old");
        Files.writeString(dir.resolve("notes.txt"), "kept");
        RunFiles.writeFolder(dir, files("run.json", "new", "events.jsonl", "e"));
        assertEquals(List.of("events.jsonl", "notes.txt", "run.json"), names(dir));
        assertEquals("new", Files.readString(dir.resolve("run.json")));
        assertEquals("kept", Files.readString(dir.resolve("notes.txt")));
        assertEquals(List.of("attempt"), names(tmp));
    }

    @Test
    void aLinkInTheFoldersPlaceIsReplacedNotFollowed() throws IOException {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Path dir = Files.createSymbolicLink(tmp.resolve("attempt"), elsewhere);
        RunFiles.writeFolder(dir, files("run.json", "{}"));
        assertEquals(List.of(), names(elsewhere));
        assertTrue(Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS));
        assertEquals(List.of("run.json"), names(dir));
    }

    @Test
    void aFileInTheFoldersPlaceFailsTheWriteAndStays() throws IOException {
        Path dir = Files.writeString(tmp.resolve("attempt"), "not a folder");
        assertThrows(IOException.class, () -> RunFiles.writeFolder(dir, files("run.json", "{}")));
        assertEquals("not a folder", Files.readString(dir));
        assertEquals(List.of("attempt"), names(tmp));
    }
}
