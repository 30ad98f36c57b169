package dev.ale.samples.packgen.starter;

import java.util.Arrays;

/** Raking (iterative proportional fitting) of survey weights to population margins, for {@code survey-weighting}. */
final class Raking {
    private static final int MAX_CYCLES = 10_000;
    private static final double CONVERGED = 1e-9;

    private Raking() {}

    /**
     * The raked weights of the respondents. {@code people[i][d]} is respondent i's category in
     * dimension d; {@code totals[d][c]} the population of category c of dimension d, in the order of
     * {@link SurveyWeightingTask#DIMENSIONS}. Cycles until every margin is within one billionth.
     */
    static double[] rake(String[][] people, double[][] totals) {
        double[] w = new double[people.length];
        Arrays.fill(w, 1);
        for (int cycle = 0; cycle < MAX_CYCLES; cycle++) {
            for (int d = 0; d < totals.length; d++) {
                double[] sums = sums(people, w, d, totals[d].length);
                for (int i = 0; i < w.length; i++) {
                    int c = category(people[i][d], d);
                    w[i] *= totals[d][c] / sums[c];
                }
            }
            boolean done = true;
            for (int d = 0; d < totals.length; d++) {
                double[] sums = sums(people, w, d, totals[d].length);
                for (int c = 0; c < sums.length; c++) {
                    done &= Math.abs(sums[c] - totals[d][c]) <= CONVERGED * totals[d][c];
                }
            }
            if (done) {
                return w;
            }
        }
        throw new IllegalStateException("raking did not converge in " + MAX_CYCLES + " cycles");
    }

    private static double[] sums(String[][] people, double[] w, int d, int categories) {
        double[] sums = new double[categories];
        for (int i = 0; i < w.length; i++) {
            sums[category(people[i][d], d)] += w[i];
        }
        return sums;
    }

    private static int category(String value, int d) {
        String[] dimension = SurveyWeightingTask.DIMENSIONS[d];
        for (int c = 1; c < dimension.length; c++) {
            if (dimension[c].equals(value)) {
                return c - 1;
            }
        }
        throw new IllegalArgumentException(value);
    }
}
