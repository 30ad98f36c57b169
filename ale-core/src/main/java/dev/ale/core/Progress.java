package dev.ale.core;

import java.time.Duration;

/**
 * How far a run has got: attempts planned, finished (this session and resumed from the journal),
 * how they ended so far, and the time since this session of the run started.
 */
public record Progress(int total, int done, int passed, int failed, int errors, Duration elapsed) {}
