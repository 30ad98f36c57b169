package dev.ale.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * An attempt of the plan that did not run, and why (the run was cancelled, a run-level cost or
 * time cap was reached). Running the same run directory again runs it.
 */
@API(status = EXPERIMENTAL)
public record NotRun(String taskId, int trial, String reason) {}
