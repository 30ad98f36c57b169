package dev.ale.core;

/**
 * One row of a report breakdown (a tier, a cluster): how many scored attempts fell in it, the
 * full pass rate with its interval and the mean score. Attempts that ended in {@code ERROR} are
 * counted in {@code errors} and left out of the rates.
 */
public record Breakdown(String key, int n, int passed, int errors, Estimate fullPassRate, Estimate meanScore) {}
