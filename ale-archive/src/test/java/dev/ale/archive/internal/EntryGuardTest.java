package dev.ale.archive.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.api.task.TaskPackException;
import dev.ale.archive.ArchiveLimits;
import dev.ale.archive.Listing;
import dev.ale.archive.NamePolicy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The entry bookkeeping, the name rules under both policies and the counting stream, on their own. */
class EntryGuardTest {
    static final ArchiveLimits LIMITS = new ArchiveLimits(10, 100, 1000, 10, 0, limit -> " (" + limit.key() + ")");

    final EntryGuard guard = new EntryGuard(LIMITS, NamePolicy.CANONICAL);

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
        assertEquals(3, l.entries());
        assertEquals(3, l.bytes());
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
    void limitRefusalsEndWithTheCallersHint() {
        assertEquals(
                "entry is larger than the limit of 100 bytes (maxEntryBytes)",
                assertThrows(TaskPackException.class, () -> guard.file("a", 101))
                        .rule());
        guard.file("b", 100);
        for (int i = 0; i < 8; i++) {
            guard.folder("f" + i);
        }
        assertEquals(
                "too many entries (the limit is 10) (maxEntries)",
                assertThrows(TaskPackException.class, () -> guard.folder("g")).rule());
    }

    /** Names archivers write, which a pack may not hold but an agent's archive may: the path each stands for. */
    static Stream<Arguments> normalizedNames() {
        return Stream.of(
                Arguments.of("./a.txt", "a.txt", "'.' path segment"),
                Arguments.of("a//b.txt", "a/b.txt", "empty path segment"),
                Arguments.of("a/./b/../c", null, "path escapes the archive ('..' segment)"),
                Arguments.of("a:b.txt", "a:b.txt", null),
                Arguments.of("C:/x", null, "absolute path (drive letter)"),
                Arguments.of("d/".repeat(65) + "x", null, "nested deeper than 64 levels"),
                Arguments.of("n".repeat(1100), null, "name longer than 1024 characters"),
                Arguments.of("s".repeat(300), null, "a name segment over 255 bytes"),
                Arguments.of("a\u0085b", null, "control character U+0085 in entry name"));
    }

    @ParameterizedTest
    @MethodSource("normalizedNames")
    void namesUnderBothPolicies(String name, String normalized, String canonicalRule) {
        EntryGuard lenient = new EntryGuard(LIMITS, NamePolicy.NORMALIZED);
        if (normalized == null) {
            assertEquals(
                    canonicalRule,
                    assertThrows(TaskPackException.class, () -> lenient.file(name, 1))
                            .rule());
        } else {
            assertEquals(normalized, lenient.file(name, 1));
        }
        if (canonicalRule == null) {
            assertEquals(name, guard.file(name, 1));
        } else {
            assertEquals(
                    canonicalRule,
                    assertThrows(TaskPackException.class, () -> guard.file(name, 1))
                            .rule());
        }
    }

    @Test
    void normalizedNamesPassOverTheRootAndARepeatedFolderButNotARepeatedFile() {
        EntryGuard lenient = new EntryGuard(LIMITS, NamePolicy.NORMALIZED);
        assertEquals("", lenient.folder("./"));
        assertEquals("d", lenient.folder("./d/"));
        assertEquals("d", lenient.folder("d/"));
        assertEquals("d/x", lenient.file("./d/x", 1));
        assertTrue(assertThrows(TaskPackException.class, () -> lenient.file("d//x", 1))
                .rule()
                .startsWith("duplicate entry"));
        assertEquals(
                "a file entry names the archive's root",
                assertThrows(TaskPackException.class, () -> new EntryGuard(LIMITS, NamePolicy.NORMALIZED).file(".", 1))
                        .rule());
        assertEquals(Set.of("d"), lenient.listing().folders());
        guard.folder("d/");
        assertTrue(assertThrows(TaskPackException.class, () -> guard.folder("d/"))
                .rule()
                .startsWith("duplicate entry"));
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
        IOException e = assertThrows(
                IOException.class, () -> BoundedInput.exact(broken, "x", 1).read());
        assertTrue(e.getMessage().contains("inflater exploded"), e.getMessage());
    }

    @Test
    void countingStreamDeliversExactlyTheSize() throws IOException {
        byte[] data = {1, 2, 3, 4};
        try (InputStream in = BoundedInput.exact(new ByteArrayInputStream(data), "x", 4)) {
            assertEquals(1, in.read());
            assertEquals(2, in.skip(2));
            assertEquals(4, in.read());
            assertEquals(-1, in.read());
        }
    }

    @Test
    void aDeclaredCrcIsCheckedAtTheEnd() throws IOException {
        byte[] data = {1, 2, 3, 4};
        CRC32 crc = new CRC32();
        crc.update(data);
        try (InputStream in =
                BoundedInput.compressed(new ByteArrayInputStream(data), "x", 4, 4, crc.getValue(), LIMITS)) {
            assertEquals(4, in.readAllBytes().length);
        }
        InputStream bad =
                BoundedInput.compressed(new ByteArrayInputStream(data), "x", 4, 4, crc.getValue() ^ 1, LIMITS);
        assertEquals(
                "entry fails its CRC check (its data is damaged)",
                assertThrows(TaskPackException.class, bad::readAllBytes).rule());
    }
}
