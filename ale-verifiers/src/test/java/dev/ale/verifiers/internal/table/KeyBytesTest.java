package dev.ale.verifiers.internal.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The key of a row as bytes (how the {@code csv} verifier hashes and compares keys) is the UTF-8
 * of the key as a string ({@link KeyRule#keyOf(List, int[], long)}, what it compared before) under
 * every key rule, for ASCII cells (normalised byte by byte) and any others (through strings):
 * Unicode white space, case pairs that leave ASCII (the Kelvin sign, dotless i, long s), leading
 * zeros, NULs in several key columns, cells beyond a short row.
 */
class KeyBytesTest {
    private static final String[] PARTS = {
        "a",
        "B",
        "0",
        "00",
        "7",
        " ",
        "\t",
        "\u000B",
        "\u001C",
        "\u00a0",
        "\u2003",
        "\u3000",
        "\u0000",
        "\u212A",
        "\u00df",
        "\u0130",
        "\u0131",
        "\u017F",
        "\u00e9",
        "\uD83D\uDE00",
        "-",
        "K",
        "I",
        "\u0001"
    };

    @Test
    void theBytesOfAKeyAreTheUtf8OfItsString() {
        for (long seed = 0; seed < 20_000; seed++) {
            Random rnd = new Random(seed);
            KeyRule rule = new KeyRule(rnd.nextBoolean(), rnd.nextBoolean(), rnd.nextBoolean());
            List<String> row = new ArrayList<>();
            int cells = rnd.nextInt(4);
            for (int c = 0; c < cells; c++) {
                StringBuilder cell = new StringBuilder();
                int n = rnd.nextInt(6);
                for (int i = 0; i < n; i++) {
                    cell.append(PARTS[rnd.nextInt(rnd.nextBoolean() ? 9 : PARTS.length)]);
                }
                row.add(cell.toString());
            }
            int[] keys = new int[1 + rnd.nextInt(3)];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = rnd.nextInt(4);
            }
            String want = rule.keyOf(row, keys, 1);
            KeyBytes got = new KeyBytes();
            rule.keyOf(Cells.of(row), keys, got);
            String what = "seed " + seed + ": " + rule + " " + row + " " + Arrays.toString(keys);
            assertEquals(want, got.text(), what);
            assertArrayEquals(want.getBytes(StandardCharsets.UTF_8), Arrays.copyOf(got.bytes(), got.length()), what);
        }
    }
}
