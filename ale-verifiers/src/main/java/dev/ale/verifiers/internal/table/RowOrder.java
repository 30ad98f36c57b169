package dev.ale.verifiers.internal.table;

import java.util.Arrays;

/**
 * Which rows of a keyed table came in the expected order: the rows of a longest subsequence
 * whose expected positions increase (found in O(n log n)); the other rows are out of order.
 * For instance expected positions 0 1 5 2 3 4 in output order leave only the row at 5 out.
 */
final class RowOrder {
    private RowOrder() {}

    /** For each element of {@code positions} (distinct), whether it belongs to the chosen longest increasing subsequence. */
    static boolean[] inOrder(int[] positions, int n) {
        int[] tailIndex = new int[n];
        int[] previous = new int[n];
        int[] tails = new int[n];
        int length = 0;
        for (int i = 0; i < n; i++) {
            int at = Arrays.binarySearch(tails, 0, length, positions[i]);
            at = at < 0 ? -at - 1 : at;
            tails[at] = positions[i];
            tailIndex[at] = i;
            previous[i] = at > 0 ? tailIndex[at - 1] : -1;
            length = Math.max(length, at + 1);
        }
        boolean[] out = new boolean[n];
        for (int i = length > 0 ? tailIndex[length - 1] : -1; i >= 0; i = previous[i]) {
            out[i] = true;
        }
        return out;
    }
}
