package dev.ale.taskpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.task.TaskPackException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The entry bookkeeping and the counting stream, on their own. */
class EntryGuardTest {
    final EntryGuard guard = new EntryGuard(PackLimits.defaults());

    @Test
    void listingHoldsFilesAndTheFoldersTheyImply() {
        guard.file("a/b/c.txt", 3);
        guard.folder("d/");
        guard.folder("e");
        Listing l = guard.listing();
        assertEquals(Map.of("a/b/c.txt", 3L), l.files());
        assertEquals(Set.of("a", "a/b", "d", "e"), l.folders());
        assertEquals(Set.of("a/", "d/", "e/"), l.children(""));
        assertEquals(Set.of("c.txt"), l.children("a/b/"));
    }

    @Test
    void aFileWhereAFolderIsImpliedIsRefused() {
        guard.file("a/b", 1);
        TaskPackException e = assertThrows(TaskPackException.class, () -> guard.file("a", 1));
        assertEquals("a", e.source());
        assertEquals("entry is both a file and a folder", e.rule());
    }

    @Test
    void anUnknownSizeIsRefused() {
        TaskPackException e = assertThrows(TaskPackException.class, () -> guard.file("a", -1));
        assertEquals("entry size is unknown", e.rule());
    }

    @Test
    void libraryFailuresWhileReadingBecomeIOExceptions() {
        InputStream broken = new InputStream() {
            @Override
            public int read() {
                throw new IllegalStateException("inflater exploded");
            }

            @Override
            public int read(byte[] b, int off, int len) {
                throw new IllegalStateException("inflater exploded");
            }
        };
        IOException e = assertThrows(IOException.class, () -> new BoundedInput(broken, "x", 1, 1, -1, null).read());
        assertTrue(e.getMessage().contains("inflater exploded"), e.getMessage());
    }

    @Test
    void countingStreamDeliversExactlyTheSize() throws IOException {
        byte[] data = {1, 2, 3, 4};
        try (InputStream in = new BoundedInput(new ByteArrayInputStream(data), "x", 4, 4, -1, null)) {
            assertEquals(1, in.read());
            assertEquals(2, in.skip(2));
            assertEquals(4, in.read());
            assertEquals(-1, in.read());
        }
    }
}
