package dev.ale.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.testkit.internal.AccessLog.Access;
import dev.ale.testkit.internal.AccessLog.Kind;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecordingFileSystemTest {
    Arena arena;
    Path out;

    @BeforeEach
    void setUp() throws Exception {
        arena = Arena.create("TOKEN");
        arena.writeOutput(new Variant(
                "t",
                Map.of(
                        "a.txt",
                        Variant.Content.of("alpha".getBytes(StandardCharsets.UTF_8)),
                        "d/b.txt",
                        Variant.Content.of("beta".getBytes(StandardCharsets.UTF_8))),
                List.of(new Variant.Link("link.txt", Arena.SECRET), new Variant.Link("d/up", "../.."))));
        out = arena.output();
        arena.log().start();
    }

    @AfterEach
    void tearDown() throws Exception {
        arena.close();
    }

    List<String> outside() throws Exception {
        return arena.outside().stream().map(Access::toString).toList();
    }

    @Test
    void recordsOpensListingsAndAttributeReadsInsideTheRoots() throws Exception {
        assertEquals("alpha", Files.readString(out.resolve("a.txt")));
        try (Stream<Path> walk = Files.walk(out.resolve("d"))) {
            assertTrue(walk.allMatch(p -> p.getFileSystem() == out.getFileSystem()), "entries stay recorded");
        }
        try (FileChannel ch = FileChannel.open(out.resolve("d/b.txt"))) {
            assertEquals(4, ch.size());
        }
        assertTrue(Files.isSymbolicLink(out.resolve("link.txt")));
        List<Kind> kinds =
                arena.log().accesses().stream().map(Access::kind).distinct().toList();
        assertTrue(kinds.containsAll(List.of(Kind.OPEN, Kind.LIST, Kind.STAT)), kinds.toString());
        assertEquals(List.of(), outside());
    }

    @Test
    void aReadThroughALinkReachesItsTarget() throws Exception {
        assertEquals("TOKEN", Files.readString(out.resolve("link.txt")));
        assertEquals(List.of("OPEN /ale/output/link.txt (reaching /canary/secret.txt)"), outside());
    }

    @Test
    void attributesReadThroughALinkCountButNotTheLinkItself() throws Exception {
        Files.readAttributes(out.resolve("link.txt"), "size", LinkOption.NOFOLLOW_LINKS);
        Files.readSymbolicLink(out.resolve("link.txt"));
        assertEquals(List.of(), outside());
        assertTrue(Files.exists(out.resolve("link.txt")));
        assertEquals(List.of("STAT /ale/output/link.txt (reaching /canary/secret.txt)"), outside());
    }

    @Test
    void dotDotAndLinkedDirectoriesAreResolved() throws Exception {
        assertEquals("TOKEN", Files.readString(out.resolve("../canary.txt")));
        assertFalse(Files.exists(out.resolve("d/up/nothing"), LinkOption.NOFOLLOW_LINKS));
        assertEquals(
                List.of(
                        "OPEN /ale/output/../canary.txt (reaching /ale/canary.txt)",
                        "STAT /ale/output/d/up/nothing (reaching /ale/nothing)"),
                outside());
    }

    @Test
    void recordsOnlyWhileRecording() throws Exception {
        arena.log().stop();
        Files.readString(out.resolve("link.txt"));
        assertEquals(List.of(), arena.log().accesses());
    }

    @Test
    void pathsCannotLeaveTheRecordingFileSystem() {
        Path p = out.resolve("a.txt");
        assertEquals("ale-testkit-recording", p.toUri().getScheme());
        assertThrows(FileSystemNotFoundException.class, () -> Path.of(p.toUri()));
        assertThrows(UnsupportedOperationException.class, p::toFile);
        assertTrue(p.startsWith(out) && p.startsWith("/ale/output") && p.endsWith("a.txt"));
        assertEquals(out.getFileSystem().getPath("a.txt"), out.relativize(p));
        assertTrue(out.getFileSystem().getPathMatcher("glob:**.txt").matches(p));
    }
}
