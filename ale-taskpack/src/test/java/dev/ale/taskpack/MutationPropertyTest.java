package dev.ale.taskpack;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ale.api.task.Task;
import dev.ale.api.task.TaskFile;
import dev.ale.api.task.TaskPackException;
import dev.ale.api.task.TaskPart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: whatever random (seeded) damage is done to a valid archive's bytes, opening it, verifying
 * it and reading all its files either succeeds or fails with a TaskPackException, and never writes
 * anything outside its private extraction folder (which is gone afterwards).
 */
class MutationPropertyTest {
    static final long SEED = 0xA1E_2026L;

    @TempDir
    Path tmp;

    Path work;
    Path scratch;
    PackFixture fixture;
    PackOptions options;

    @BeforeEach
    void setUp() throws IOException {
        fixture = PackFixture.standard(Files.createDirectories(tmp.resolve("pack")));
        fixture.write("tasks/bank-rec/inputs/ledger-big.csv", "date,amount\n".repeat(4000));
        fixture.rehash();
        work = Files.createDirectories(tmp.resolve("work"));
        scratch = Files.createDirectories(tmp.resolve("scratch"));
        options = PackOptions.defaults()
                .withVerifiers(VerifierValidationTest.ANYTHING)
                .withLimits(new PackLimits(200, 1 << 20, 4 << 20, 1000, 16 << 10, 64 << 10));
    }

    @Test
    void damagedZipsOpenOrFailWithTaskPackException() throws IOException {
        run("pack.zip", 400);
    }

    @Test
    void damagedTarGzsOpenOrFailWithTaskPackException() throws IOException {
        run("pack.tgz", 150);
    }

    @Test
    void damagedTarsOpenOrFailWithTaskPackException() throws IOException {
        run("pack.tar", 150);
    }

    private void run(String name, int rounds) throws IOException {
        Path original = tmp.resolve(name);
        TaskPackWriter.write(fixture.dir, original);
        byte[] bytes = Files.readAllBytes(original);
        Random random = new Random(SEED ^ name.hashCode());
        int opened = 0;
        int refused = 0;
        for (int round = 0; round < rounds; round++) {
            byte[] damaged = mutate(bytes, random);
            Path file = Files.write(work.resolve(name), damaged);
            try (TaskPack pack = PackOpener.open(file, options, scratch)) {
                pack.verify();
                readAll(pack);
                opened++;
            } catch (TaskPackException e) {
                refused++;
            } catch (Throwable t) {
                fail("round " + round + " of " + name + " threw " + t, t);
            }
            SafetyCases.assertOnly(work, name);
            SafetyCases.assertOnly(scratch);
            SafetyCases.assertOnly(tmp, "pack", "work", "scratch", name);
        }
        assertTrue(refused > rounds / 4, "most damage is noticed: " + refused + " of " + rounds);
        assertTrue(opened + refused == rounds);
    }

    private static void readAll(TaskPack pack) throws IOException {
        byte[] buffer = new byte[4096];
        for (Task t : pack.tasks()) {
            for (TaskPart part : List.of(TaskPart.INPUTS, TaskPart.REFERENCE, TaskPart.SOLUTION, TaskPart.session(1))) {
                for (TaskFile f : t.files(part)) {
                    try (InputStream in = f.open()) {
                        while (in.read(buffer) >= 0) {
                            // drain
                        }
                    }
                }
            }
        }
    }

    /** One of: flip bits, overwrite a run, truncate, insert, duplicate a chunk; half of them near the end (headers, directory). */
    static byte[] mutate(byte[] in, Random r) {
        int at = r.nextBoolean() ? r.nextInt(in.length) : in.length - 1 - r.nextInt(Math.max(1, in.length / 3));
        byte[] out;
        switch (r.nextInt(5)) {
            case 0 -> {
                out = in.clone();
                for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
                    int pos = Math.floorMod(at + r.nextInt(64) - 32, in.length);
                    out[pos] ^= (byte) (1 << r.nextInt(8));
                }
            }
            case 1 -> {
                out = in.clone();
                for (int i = at, end = Math.min(in.length, at + 1 + r.nextInt(16)); i < end; i++) {
                    out[i] = (byte) r.nextInt(256);
                }
            }
            case 2 -> out = Arrays.copyOf(in, at);
            case 3 -> {
                byte[] junk = new byte[1 + r.nextInt(32)];
                r.nextBytes(junk);
                out = new byte[in.length + junk.length];
                System.arraycopy(in, 0, out, 0, at);
                System.arraycopy(junk, 0, out, at, junk.length);
                System.arraycopy(in, at, out, at + junk.length, in.length - at);
            }
            default -> {
                int len = Math.min(in.length - at, 1 + r.nextInt(256));
                out = new byte[in.length + len];
                System.arraycopy(in, 0, out, 0, at + len);
                System.arraycopy(in, at, out, at + len, in.length - at);
            }
        }
        return out;
    }
}
