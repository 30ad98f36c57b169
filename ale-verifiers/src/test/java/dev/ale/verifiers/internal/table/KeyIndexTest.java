package dev.ale.verifiers.internal.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The primitive hash of keys against a {@code HashMap}: every key added once is found at its row,
 * a key added again keeps the first row (the caller decides what a duplicate means), absent keys
 * are not found, also when every key collides.
 */
class KeyIndexTest {
    static Stream<Arguments> hashes() {
        return Stream.of(
                Arguments.of("mix", KeyIndex.MIX),
                Arguments.of("all collide", (KeyIndex.Hash) (b, from, to) -> 42),
                Arguments.of("by length", (KeyIndex.Hash) (b, from, to) -> to - from),
                Arguments.of(
                        "high bits only", (KeyIndex.Hash) (b, from, to) -> KeyIndex.mix(b, from, to) & 0xFFF00000));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hashes")
    void agreesWithAMap(String name, KeyIndex.Hash hash) {
        Random rnd = new Random(name.hashCode());
        ByteColumn column = new ByteColumn(4);
        KeyIndex index = new KeyIndex(hash, column, 0);
        Map<String, Integer> model = new HashMap<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String key = key(rnd);
            byte[] b = ("<" + key + ">").getBytes(StandardCharsets.UTF_8);
            column.add(b, 1, b.length - 1);
            int had = index.add(column.size() - 1);
            if (had >= 0) {
                column.removeLast();
            }
            Integer want = model.putIfAbsent(key, model.size());
            assertEquals(want == null ? -1 : want, had, key);
            if (want == null) {
                keys.add(key);
            }
        }
        assertEquals(model.size(), index.size());
        for (int row = 0; row < keys.size(); row++) {
            byte[] b = keys.get(row).getBytes(StandardCharsets.UTF_8);
            assertEquals(row, index.find(b, 0, b.length));
            assertEquals(keys.get(row), column.text(row));
        }
        for (int i = 0; i < 3000; i++) {
            String key = key(rnd) + "~";
            byte[] b = key.getBytes(StandardCharsets.UTF_8);
            assertEquals(-1, index.find(b, 0, b.length), key);
        }
    }

    private static String key(Random rnd) {
        StringBuilder b = new StringBuilder();
        int n = rnd.nextInt(12);
        for (int i = 0; i < n; i++) {
            b.append("ab0\u0000\u00e9\u20ac".charAt(rnd.nextInt(6)));
        }
        return b.toString();
    }

    /**
     * The expected rows hash their keys only once a key does not come after the one before it:
     * before that, keys in increasing order cannot repeat; after it, a repeated key (of a row
     * before or after the switch) is refused and answers the row that has it, as with a map.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hashes")
    void expectedRowsHashOnlyWhenKeysStopIncreasing(String name, KeyIndex.Hash hash) {
        for (int switchAt : new int[] {0, 1, 50, 400, 1000}) {
            Random rnd = new Random(switchAt);
            ExpectedRows rows = new ExpectedRows(true, 0, false, hash);
            Map<String, Integer> model = new HashMap<>();
            KeyBytes k = new KeyBytes();
            Cells none = Cells.of(List.of());
            for (int i = 0; i < 1000; i++) {
                String key = i < switchAt ? String.format("%05d", i) : key(rnd);
                k.clear();
                byte[] b = key.getBytes(StandardCharsets.UTF_8);
                k.add(b, 0, b.length);
                Integer want = model.putIfAbsent(key, model.size());
                assertEquals(want == null ? -1 : want, rows.add(k, none, new int[0]), key);
            }
            assertEquals(model.size(), rows.size());
            for (Map.Entry<String, Integer> e : model.entrySet()) {
                k.clear();
                byte[] b = e.getKey().getBytes(StandardCharsets.UTF_8);
                k.add(b, 0, b.length);
                assertEquals(e.getValue(), rows.find(k, 1, -1), e.getKey());
                assertEquals(e.getKey(), rows.key(e.getValue()));
            }
        }
    }
}
