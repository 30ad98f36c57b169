package dev.ale.samples.packgen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ale.samples.packgen.starter.StarterPackGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What holds for both generated packs: the same bytes on every run, and the committed copy is a fresh generation. */
class PackGeneratorsTest {
    /** A pack generator: where its pack is committed, its class, the generator and its smallest number of files. */
    record Generator(String pack, Class<?> main, PackDirectory.Generator generator, int minFiles) {
        @Override
        public String toString() {
            return pack;
        }
    }

    static Stream<Generator> generators() {
        return Stream.of(
                new Generator("packs/sample", SamplePackGenerator.class, SamplePackGenerator.PACK, 20),
                new Generator("packs/starter", StarterPackGenerator.class, StarterPackGenerator.PACK, 100));
    }

    @ParameterizedTest
    @MethodSource("generators")
    void generatesTheSameBytesEveryTime(Generator g, @TempDir Path first, @TempDir Path second) throws IOException {
        g.generator().generate(first.resolve("pack"), g.generator().defaultSeed());
        g.generator().generate(second.resolve("pack"), g.generator().defaultSeed());

        SortedMap<String, byte[]> a = GeneratedPacks.tree(first.resolve("pack"));
        SortedMap<String, byte[]> b = GeneratedPacks.tree(second.resolve("pack"));
        assertEquals(a.keySet(), b.keySet());
        a.forEach((path, bytes) -> assertArrayEquals(bytes, b.get(path), path));
        assertTrue(a.size() > g.minFiles(), "expected the whole pack, got " + a.keySet());
    }

    /** The committed pack must be exactly what the generator writes, apart from digests the pack writer fills in. */
    @ParameterizedTest
    @MethodSource("generators")
    void committedPackEqualsAFreshGeneration(Generator g, @TempDir Path dir) throws IOException {
        g.generator().generate(dir.resolve("pack"), g.generator().defaultSeed());
        GeneratedPacks.assertCommittedEqualsFresh(
                GeneratedPacks.moduleDir().resolve(g.pack()),
                dir.resolve("pack"),
                g.main().getName());
    }
}
