package dev.ale.verifiers.internal.json;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/** Maximum bipartite matching, for pairing the elements of arrays compared as multisets. */
final class BipartiteMatching {
    private BipartiteMatching() {}

    /**
     * The size of a maximum pairing between rows and columns, where {@code equal[i][j]} says row
     * {@code i} may pair with column {@code j} (augmenting paths, searched breadth-first so large
     * inputs cannot overflow the stack).
     */
    static int maximum(boolean[][] equal, int columns) {
        int n = equal.length;
        int[] partnerOfColumn = new int[columns];
        int[] partnerOfRow = new int[n];
        Arrays.fill(partnerOfColumn, -1);
        Arrays.fill(partnerOfRow, -1);
        int matched = 0;
        for (int root = 0; root < n; root++) {
            int[] cameFrom = new int[columns];
            Arrays.fill(cameFrom, -1);
            Deque<Integer> queue = new ArrayDeque<>();
            queue.add(root);
            int free = -1;
            while (!queue.isEmpty() && free < 0) {
                int row = queue.poll();
                for (int k = 0; k < columns && free < 0; k++) {
                    int j = (row + k) % columns;
                    if (cameFrom[j] < 0 && equal[row][j]) {
                        cameFrom[j] = row;
                        if (partnerOfColumn[j] < 0) {
                            free = j;
                        } else {
                            queue.add(partnerOfColumn[j]);
                        }
                    }
                }
            }
            for (int j = free; j >= 0; ) {
                int row = cameFrom[j];
                int previous = partnerOfRow[row];
                partnerOfColumn[j] = row;
                partnerOfRow[row] = j;
                j = previous;
            }
            matched += free >= 0 ? 1 : 0;
        }
        return matched;
    }
}
