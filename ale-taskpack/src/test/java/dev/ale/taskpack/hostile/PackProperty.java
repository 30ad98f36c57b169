package dev.ale.taskpack.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ale.api.spi.VerifierConfigException;
import dev.ale.api.spi.VerifierFactories;
import dev.ale.api.task.TaskPackException;
import dev.ale.taskpack.PackLimits;
import dev.ale.taskpack.PackOptions;
import dev.ale.taskpack.TaskPack;
import dev.ale.taskpack.TaskPacks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * The property every fuzzed pack must keep: opening it, verifying it and reading all its files
 * either succeeds or fails with a {@link TaskPackException} or {@link VerifierConfigException} —
 * never another exception, never a hang (a generous liveness guard), and never a file written
 * beside the input.
 */
final class PackProperty {
    /**
     * Small limits, so that every fuzzed input is cheap however its headers lie, and the verifier
     * registry the module's tests register (looked up once rather than on every open).
     */
    static final PackOptions OPTIONS = PackOptions.defaults()
            .withLimits(new PackLimits(200, 1 << 20, 4 << 20, 1000, 16 << 10, 64 << 10))
            .withVerifiers(
                    ServiceLoader.load(VerifierFactories.class).findFirst().orElseThrow());

    static final Duration LIVENESS = Duration.ofMinutes(2);

    private PackProperty() {}

    /**
     * Writes {@code bytes} as the only file {@code name} of {@code folder}, opens it as a pack and
     * checks the property.
     *
     * @return true when the pack opened, false when it was refused
     */
    static boolean archive(Path folder, String name, byte[] bytes) {
        Path file = folder.resolve(name);
        write(file, bytes);
        boolean opened = openAndRead(file);
        assertEquals(List.of(name), names(folder), "nothing may appear beside the archive");
        return opened;
    }

    /** Opens the pack at {@code path}, verifies and reads it on a guarded thread; true if it opened. */
    static boolean openAndRead(Path path) {
        boolean[] opened = new boolean[1];
        Throwable thrown = Bounded.guarded("pack-property", LIVENESS, () -> {
            try (TaskPack p = TaskPacks.open(path, OPTIONS)) {
                p.verify();
                HostilePackCorpusTest.readAll(p);
                opened[0] = true;
            } catch (TaskPackException | VerifierConfigException refused) {
                opened[0] = false;
            }
            return null;
        });
        if (thrown != null && !KnownDefects.tolerated(thrown)) {
            throw new AssertionError("an undocumented exception escaped: " + thrown, thrown);
        }
        return opened[0];
    }

    static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> names(Path folder) {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
