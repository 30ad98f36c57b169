package dev.ale.verifiers.internal.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ale.api.spi.Verdict;
import dev.ale.verifiers.Fixture;
import dev.ale.verifiers.TestContext;
import dev.ale.verifiers.VerifierRegistry;
import dev.ale.verifiers.internal.composite.CompositeVerifierFactory;
import dev.ale.verifiers.internal.files.FileExistsVerifierFactory;
import dev.ale.verifiers.internal.files.TreeVerifierFactory;
import dev.ale.verifiers.internal.json.JsonVerifierFactory;
import dev.ale.verifiers.internal.text.MarkdownVerifierFactory;
import dev.ale.verifiers.internal.text.TextVerifierFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * An output directory, a reference directory and a private temporary directory that the archive
 * verifier unpacks into, all under one test directory, so a test can see every file the
 * verification left anywhere under it.
 */
final class ArchiveFixture {
    final Path dir;
    final Path tmp;
    final TestContext ctx;
    final VerifierRegistry registry;

    ArchiveFixture(Path dir) {
        this.dir = dir;
        try {
            this.tmp = Files.createDirectories(dir.resolve("tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.ctx = TestContext.in(dir);
        this.registry = VerifierRegistry.of(
                new ArchiveVerifierFactory(tmp),
                new TextVerifierFactory(),
                new TreeVerifierFactory(),
                new FileExistsVerifierFactory(),
                new MarkdownVerifierFactory(),
                new JsonVerifierFactory(),
                new CompositeVerifierFactory.All(),
                new CompositeVerifierFactory.Weighted());
    }

    Verdict verify(String config) throws Exception {
        return registry.create(Fixture.json(config), "").verify(ctx);
    }

    /** Writes the archive as output file {@code name} and scores it with {@code checks} (a JSON array). */
    Verdict verify(String name, byte[] archive, String extra, String checks) throws Exception {
        ctx.out(name, archive);
        return verify("{'type': 'archive', 'file': '" + name + "', " + (extra.isEmpty() ? "" : extra + ", ")
                + "'checks': " + checks + "}");
    }

    /** Every path under the test directory, relative and sorted. */
    List<String> everything() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    /** Asserts the unpacking directory was removed and nothing but the given files (relative to the test directory) exists. */
    void assertOnly(String... files) throws IOException {
        List<String> expected = new ArrayList<>(List.of("", "output", "reference", "tmp"));
        expected.addAll(List.of(files));
        expected.sort(null);
        assertEquals(expected, everything());
    }
}
