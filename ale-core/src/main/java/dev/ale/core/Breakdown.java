package dev.ale.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * One row of a report breakdown (a tier, a cluster): how many scored attempts fell in it, the
 * full pass rate with its interval and the mean score. Attempts that ended in {@code ERROR} are
 * counted in {@code errors} and left out of the rates.
 */
@API(status = EXPERIMENTAL)
public record Breakdown(String key, int n, int passed, int errors, Estimate fullPassRate, Estimate meanScore) {}
