package dev.ale.testfixtures;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apiguardian.api.API;

/**
 * A seeded, structure-aware generator of damaged inputs for the fuzz tests' every-build run: it
 * mutates a valid input by flipping bits, overwriting or truncating, inserting random bytes or
 * interesting values (boundary integers, path tricks, JSON and CSV tokens), duplicating a region, or
 * splicing in part of another seed; a few mutations are stacked at a time. Half of the positions are
 * chosen near the end, where archives keep their headers and directories.
 */
@API(status = INTERNAL)
public final class Mutator {
    /** Iterations of every seeded run, from {@code -Dale.fuzz.iterations} or {@code ALE_FUZZ_ITERATIONS}. */
    public static int iterations(int fallback) {
        String v = System.getProperty("ale.fuzz.iterations", System.getenv("ALE_FUZZ_ITERATIONS"));
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
    }

    /** The seed of every seeded run, from {@code -Dale.fuzz.seed} (fixed by default, so a failure repeats). */
    public static long seed() {
        return Long.getLong("ale.fuzz.seed", 0xA1E_F022L);
    }

    private static final List<byte[]> INTERESTING = List.of(
            new byte[] {0},
            new byte[] {(byte) 0xff},
            new byte[] {(byte) 0x7f},
            new byte[] {(byte) 0x80},
            new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff},
            new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f},
            new byte[] {0, 0, 0, (byte) 0x80},
            new byte[] {(byte) 0xff, (byte) 0xff},
            new byte[] {0, 0, 0, 0, 0, 0, 0, 0},
            new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            new byte[] {(byte) 0xc0, (byte) 0xaf},
            new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},
            ascii("../"),
            ascii("/"),
            ascii("\\"),
            ascii(".."),
            ascii("C:"),
            ascii("//"),
            ascii("\r\n"),
            ascii("\""),
            ascii("\"\""),
            ascii(","),
            ascii("{"),
            ascii("}"),
            ascii("["),
            ascii("]"),
            ascii(":"),
            ascii("null"),
            ascii("true"),
            ascii("-0"),
            ascii("1e400"),
            ascii("-1e400"),
            ascii("9223372036854775808"),
            ascii("2147483648"),
            ascii("-1"),
            ascii("0"),
            ascii("0.1e-999999"),
            ascii("\\u0000"),
            ascii("\\ud800"),
            ascii("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["),
            ascii("{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":"),
            ascii("PT-1S"),
            ascii("P99999999999D"),
            ascii("99999999999h"));

    private final Random random;
    private final List<byte[]> seeds;

    /** A generator seeded with {@code seed} that damages copies of {@code seeds}. */
    public Mutator(long seed, List<byte[]> seeds) {
        this.random = new Random(seed);
        this.seeds = List.copyOf(seeds);
    }

    /** A seed damaged by one to three stacked mutations. */
    public byte[] next() {
        byte[] out = seeds.get(random.nextInt(seeds.size()));
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            out = mutate(out);
        }
        return out;
    }

    private byte[] mutate(byte[] in) {
        if (in.length == 0) {
            return pick(INTERESTING).clone();
        }
        int at = random.nextBoolean()
                ? random.nextInt(in.length)
                : in.length - 1 - random.nextInt(Math.max(1, in.length / 4));
        switch (random.nextInt(7)) {
            case 0: {
                byte[] out = in.clone();
                for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                    out[Math.floorMod(at + random.nextInt(64) - 32, in.length)] ^= (byte) (1 << random.nextInt(8));
                }
                return out;
            }
            case 1: {
                byte[] out = in.clone();
                for (int i = at, end = Math.min(in.length, at + 1 + random.nextInt(16)); i < end; i++) {
                    out[i] = (byte) random.nextInt(256);
                }
                return out;
            }
            case 2:
                return Arrays.copyOf(in, at);
            case 3: {
                byte[] junk = new byte[1 + random.nextInt(32)];
                random.nextBytes(junk);
                return insert(in, at, junk);
            }
            case 4:
                return insert(in, at, pick(INTERESTING));
            case 5: {
                int len = Math.min(in.length - at, 1 + random.nextInt(256));
                return insert(in, at, Arrays.copyOfRange(in, at, at + len));
            }
            default: {
                byte[] other = pick(seeds);
                int from = other.length == 0 ? 0 : random.nextInt(other.length);
                int len = Math.min(other.length - from, 1 + random.nextInt(512));
                byte[] out = in.clone();
                System.arraycopy(other, from, out, at, Math.min(len, in.length - at));
                return out;
            }
        }
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static byte[] insert(byte[] in, int at, byte[] piece) {
        byte[] out = new byte[in.length + piece.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(piece, 0, out, at, piece.length);
        System.arraycopy(in, at, out, at + piece.length, in.length - at);
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
