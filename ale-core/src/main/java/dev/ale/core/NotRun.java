package dev.ale.core;

/**
 * An attempt of the plan that did not run, and why (the run was cancelled, a run-level cost or
 * time cap was reached). Running the same run directory again runs it.
 */
public record NotRun(String taskId, int trial, String reason) {}
