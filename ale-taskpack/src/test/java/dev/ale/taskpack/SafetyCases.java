package dev.ale.taskpack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Cases and checks shared by the zip and tar safety tests. */
final class SafetyCases {
    private SafetyCases() {}

    /** Entry names every archive must refuse, with a fragment of the rule each breaks. */
    static Stream<Arguments> badNames() {
        return Stream.of(
                Arguments.of("/x", "absolute path"),
                Arguments.of("/tasks/bank-rec/inputs/x", "absolute path"),
                Arguments.of("C:/x", "absolute path (drive letter)"),
                Arguments.of("C:\\x", "absolute path (drive letter)"),
                Arguments.of("\\\\server\\share\\x", "absolute path"),
                Arguments.of("../evil", "path escapes the archive ('..' segment)"),
                Arguments.of("tasks/../../evil", "path escapes the archive ('..' segment)"),
                Arguments.of("tasks/bank-rec/inputs/..", "path escapes the archive ('..' segment)"),
                Arguments.of("tasks/bank-rec/inputs/a\\b", "backslash"),
                Arguments.of("tasks//bank-rec/x", "empty path segment"),
                Arguments.of("tasks/./bank-rec/x", "'.' path segment"),
                Arguments.of("./other.txt", "'.' path segment"),
                Arguments.of("tasks/bank-rec/inputs/a\u0000b", "NUL character"),
                Arguments.of("tasks/bank-rec/inputs/a\nb", "control character U+000A"),
                Arguments.of("tasks/bank-rec/inputs/a\u001b[2Jb", "control character U+001B"),
                Arguments.of("tasks/bank-rec/inputs/a\u007fb", "control character U+007F"),
                Arguments.of("tasks/bank-rec/inputs/a\u0085b", "control character U+0085"));
    }

    /**
     * The bad names a plain tar header can carry: a NUL ends the name field, so a NUL can only
     * arrive in a long (GNU or PAX) name, which the tar test covers on its own.
     */
    static Stream<Arguments> badTarNames() {
        return badNames().filter(a -> ((String) a.get()[0]).indexOf(0) < 0);
    }

    /** Incompressible bytes. */
    static byte[] noise(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Every path under {@code root}, relative, sorted. */
    static Set<String> tree(Path root) throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.forEach(p -> out.add(root.relativize(p).toString()));
        }
        return out;
    }

    /** Asserts that nothing but {@code expected} is directly in {@code dir}. */
    static void assertOnly(Path dir, String... expected) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.forEach(p -> names.add(p.getFileName().toString()));
        }
        assertEquals(new TreeSet<>(Set.of(expected)), names);
    }
}
