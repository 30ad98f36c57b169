package dev.ale.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TempTreeTest {
    @Test
    void closingDeletesTheFolderAndEverythingInIt() throws Exception {
        Path root;
        try (TempTree tree = TempTree.create("test")) {
            root = tree.root();
            Files.createDirectories(root.resolve("a/b"));
            Files.writeString(root.resolve("a/b/c.txt"), "x");
            assertTrue(root.getFileName().toString().startsWith("ale-bench-test-"));
        }
        assertFalse(Files.exists(root));
    }

    @Test
    void aLinkIsDeletedNeverFollowed(@TempDir Path tmp) throws Exception {
        Path outside = Files.writeString(tmp.resolve("keep.txt"), "keep");
        Path dir = Files.createDirectories(tmp.resolve("tree"));
        Files.createSymbolicLink(dir.resolve("link"), tmp);
        TempTree.delete(dir);
        assertFalse(Files.exists(dir));
        assertTrue(Files.exists(outside));
    }
}
