package dev.ale.verifiers.internal.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RowOrderTest {
    @Test
    void leavesOutOnlyWhatBreaksTheOrder() {
        assertArrayEquals(
                new boolean[] {true, true, false, true, true, true}, RowOrder.inOrder(new int[] {0, 1, 5, 2, 3, 4}, 6));
        assertArrayEquals(new boolean[] {true, true, true}, RowOrder.inOrder(new int[] {2, 7, 9}, 3));
        assertArrayEquals(new boolean[] {}, RowOrder.inOrder(new int[] {}, 0));
        assertEquals(1, count(RowOrder.inOrder(new int[] {3, 2, 1, 0}, 4)));
    }

    /** The marked elements increase and are as many as the longest increasing subsequence (quadratic check). */
    @Test
    void marksALongestIncreasingSubsequenceOfRandomOrders() {
        for (long seed = 1; seed <= 200; seed++) {
            Random random = new Random(seed);
            int n = random.nextInt(60);
            List<Integer> values = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                values.add(i * 3 + random.nextInt(3));
            }
            Collections.shuffle(values, random);
            int[] positions = values.stream().mapToInt(Integer::intValue).toArray();
            boolean[] in = RowOrder.inOrder(positions, n);
            int last = -1;
            for (int i = 0; i < n; i++) {
                if (in[i]) {
                    assertTrue(positions[i] > last, "seed " + seed);
                    last = positions[i];
                }
            }
            int[] best = new int[n];
            int longest = 0;
            for (int i = 0; i < n; i++) {
                best[i] = 1;
                for (int j = 0; j < i; j++) {
                    if (positions[j] < positions[i]) {
                        best[i] = Math.max(best[i], best[j] + 1);
                    }
                }
                longest = Math.max(longest, best[i]);
            }
            assertEquals(longest, count(in), "seed " + seed);
        }
    }

    private static int count(boolean[] in) {
        int c = 0;
        for (boolean b : in) {
            c += b ? 1 : 0;
        }
        return c;
    }
}
