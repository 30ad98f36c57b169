package dev.ale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FileTrees#copyInto}'s rules on the local disk and on Jimfs: what is written, what is refused. */
class FileTreesTest {
    @TempDir
    Path tmp;

    /** A workspace and an outside folder on each file system the runner stages into. */
    private List<Path[]> roots() throws IOException {
        List<Path[]> roots = new ArrayList<>();
        roots.add(new Path[] {Files.createDirectories(tmp.resolve("ws")), Files.createDirectories(tmp.resolve("out"))});
        FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
        roots.add(new Path[] {Files.createDirectories(fs.getPath("/ws")), Files.createDirectories(fs.getPath("/out"))});
        return roots;
    }

    private static void copy(Path root, String relative, String text) throws IOException {
        FileTrees.copyInto(root, relative, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void writesNewFilesAndTheirFoldersAndReplacesFilesAndEmptyFolders() throws IOException {
        for (Path[] r : roots()) {
            Path ws = r[0];
            copy(ws, "a.txt", "one");
            copy(ws, "d/e/f.txt", "deep");
            copy(ws, "a.txt", "two");
            Files.createDirectory(ws.resolve("was-a-folder"));
            copy(ws, "was-a-folder", "now a file");
            assertEquals("two", Files.readString(ws.resolve("a.txt")), ws.toString());
            assertEquals("deep", Files.readString(ws.resolve("d/e/f.txt")));
            assertEquals("now a file", Files.readString(ws.resolve("was-a-folder")));
        }
    }

    @Test
    void neverWritesThroughALinkAtThePathOrOnTheWay() throws IOException {
        for (Path[] r : roots()) {
            Path ws = r[0];
            Path out = r[1];
            Files.writeString(out.resolve("victim"), "kept");
            Files.createSymbolicLink(ws.resolve("to-victim"), out.resolve("victim"));
            Files.createSymbolicLink(ws.resolve("to-missing"), out.resolve("created"));
            Files.createSymbolicLink(ws.resolve("to-out"), out);
            for (String relative : List.of("to-victim", "to-missing", "to-out/x.txt", "to-out/victim")) {
                IOException e = assertThrows(IOException.class, () -> copy(ws, relative, "planted"), relative);
                assertTrue(e.getMessage().contains("refusing to stage '" + relative + "'"), e.getMessage());
            }
            assertEquals("kept", Files.readString(out.resolve("victim")));
            assertFalse(Files.exists(out.resolve("created"), LinkOption.NOFOLLOW_LINKS), ws.toString());
            assertFalse(Files.exists(out.resolve("x.txt"), LinkOption.NOFOLLOW_LINKS));
            assertTrue(Files.isSymbolicLink(ws.resolve("to-missing")));
        }
    }

    @Test
    void refusesPathsThatAreNotPlainAndRelative() throws IOException {
        for (Path[] r : roots()) {
            for (String relative : List.of("../x", "/etc/x", "a//b", "a/./b", "a\\b", "a/")) {
                assertThrows(IOException.class, () -> copy(r[0], relative, "x"), relative);
            }
            assertFalse(Files.exists(r[0].getParent().resolve("x")));
        }
    }

    /** {@code folder} does what {@code Files.createDirectories} does, in each case. */
    @Test
    void aFolderIsMadeAsCreateDirectoriesMakesIt(@TempDir Path tmp) throws Exception {
        Path nested = tmp.resolve("a/b/c");
        FileTrees.folder(nested);
        assertTrue(Files.isDirectory(nested));
        FileTrees.folder(nested); // there already: nothing to do
        Path link = Files.createSymbolicLink(tmp.resolve("link"), nested);
        FileTrees.folder(link); // a link to a folder: accepted, as createDirectories accepts it
        Files.createDirectories(link);
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertThrows(FileAlreadyExistsException.class, () -> FileTrees.folder(file));
        assertThrows(FileAlreadyExistsException.class, () -> Files.createDirectories(file));
        assertEquals("x", Files.readString(file));
    }
}
