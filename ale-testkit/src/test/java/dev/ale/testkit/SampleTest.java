package dev.ale.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleTest {
    @TempDir
    Path dir;

    @Test
    void buildsImmutableTrees() {
        byte[] bytes = {1, 2};
        Sample empty = Sample.of("s", "{\"type\": \"text\"}");
        Sample s = empty.output("a/b.bin", bytes).reference("r.txt", "ref");
        bytes[0] = 9;
        assertArrayEquals(new byte[] {1, 2}, s.output().get("a/b.bin"));
        assertEquals(Set.of(), empty.output().keySet());
        assertEquals("ref", new String(s.reference().get("r.txt"), StandardCharsets.UTF_8));
        assertThrows(UnsupportedOperationException.class, () -> s.output().clear());
    }

    @Test
    void refusesPathsThatCouldLeaveARoot() {
        Sample s = Sample.of("s", "{\"type\": \"text\"}");
        for (String bad : List.of("", "/abs", "a/../b", "./a", "a//b", "a\\b", "a/")) {
            assertThrows(IllegalArgumentException.class, () -> s.output(bad, "x"), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> s.output("a", "x").output("a/b", "y"));
        assertThrows(IllegalArgumentException.class, () -> Sample.of("s", "{not json"));
    }

    @Test
    void readsTreesFromDirectoriesWithoutFollowingLinks() throws Exception {
        Files.createDirectories(dir.resolve("out/sub"));
        Files.writeString(dir.resolve("out/sub/a.txt"), "a");
        Files.createSymbolicLink(dir.resolve("out/link.txt"), Files.writeString(dir.resolve("secret.txt"), "s"));
        Sample s = Sample.of("s", "{\"type\": \"text\"}")
                .outputFrom(dir.resolve("out"))
                .referenceFrom(dir.resolve("out/sub"));
        assertEquals(Set.of("sub/a.txt"), s.output().keySet());
        assertEquals(Set.of("a.txt"), s.reference().keySet());
    }

    @Test
    void invalidConfigsNameAPointer() {
        assertEquals("/file", InvalidConfig.of("{\"type\": \"text\"}", "/file").field());
        assertThrows(IllegalArgumentException.class, () -> InvalidConfig.of("{\"type\": \"text\"}", "file"));
    }
}
