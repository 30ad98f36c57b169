package dev.ale.verifiers.internal.text;

import dev.ale.verifiers.internal.support.GateFailure;
import dev.ale.verifiers.internal.support.WeightedScore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scores the required headings of {@code markdown}. Without order, a heading counts when any
 * heading of the document matches it. In order, the required headings that count are those of the
 * longest sequence of them that the document holds in the listed order (a longest common
 * subsequence), so one misplaced heading costs one heading, not the rest of the list.
 */
final class HeadingOrder {
    /** The most (matching headings x required headings) cells the in-order check works through. */
    static final long MAX_CELLS = 2_000_000;

    private HeadingOrder() {}

    static void check(
            List<HeadingSpec> specs, List<MarkdownDoc.Heading> doc, boolean inOrder, String file, WeightedScore tally)
            throws GateFailure {
        int m = specs.size();
        List<MarkdownDoc.Heading> relevant = new ArrayList<>();
        List<boolean[]> masks = new ArrayList<>();
        int[] first = new int[m];
        Arrays.fill(first, -1);
        for (MarkdownDoc.Heading h : doc) {
            boolean[] mask = new boolean[m];
            boolean any = false;
            for (int j = 0; j < m; j++) {
                mask[j] = specs.get(j).matches(h);
                any |= mask[j];
            }
            if (any) {
                if (inOrder && (long) (relevant.size() + 2) * (m + 1) > MAX_CELLS) {
                    throw new GateFailure(
                            file,
                            "a Markdown document",
                            "more than " + (MAX_CELLS / (m + 1) - 1) + " headings match the required ones");
                }
                for (int j = 0; j < m; j++) {
                    if (mask[j] && first[j] < 0) {
                        first[j] = relevant.size();
                    }
                }
                relevant.add(h);
                if (inOrder) {
                    masks.add(mask);
                }
            }
        }
        int[] placed = inOrder ? longestInOrder(masks, m) : first;
        for (int j = 0; j < m; j++) {
            HeadingSpec s = specs.get(j);
            String actual;
            if (placed[j] >= 0) {
                actual = "line " + relevant.get(placed[j]).line();
            } else if (first[j] >= 0) {
                actual = "line " + relevant.get(first[j]).line() + ", out of order";
            } else {
                actual = "missing";
            }
            tally.add(
                    placed[j] >= 0,
                    "heading " + s.label(),
                    s.weight(),
                    inOrder ? "present, in the listed order" : "present",
                    actual);
        }
    }

    /** For each required heading, the index of the document heading it is paired with, or -1. */
    private static int[] longestInOrder(List<boolean[]> masks, int m) {
        int n = masks.size();
        int w = m + 1;
        int[] dp = new int[(n + 1) * w];
        for (int i = 1; i <= n; i++) {
            boolean[] mask = masks.get(i - 1);
            for (int j = 1; j <= m; j++) {
                int best = Math.max(dp[(i - 1) * w + j], dp[i * w + j - 1]);
                if (mask[j - 1]) {
                    best = Math.max(best, dp[(i - 1) * w + j - 1] + 1);
                }
                dp[i * w + j] = best;
            }
        }
        int[] placed = new int[m];
        Arrays.fill(placed, -1);
        for (int i = n, j = m; i > 0 && j > 0; ) {
            if (masks.get(i - 1)[j - 1] && dp[i * w + j] == dp[(i - 1) * w + j - 1] + 1) {
                placed[j - 1] = i - 1;
                i--;
                j--;
            } else if (dp[(i - 1) * w + j] >= dp[i * w + j - 1]) {
                i--;
            } else {
                j--;
            }
        }
        return placed;
    }
}
