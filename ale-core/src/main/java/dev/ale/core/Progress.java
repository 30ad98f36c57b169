package dev.ale.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * How far a run has got: attempts planned, finished (this session and resumed from the journal),
 * how they ended so far, and the time since this session of the run started.
 */
@API(status = EXPERIMENTAL)
public record Progress(int total, int done, int passed, int failed, int errors, Duration elapsed) {}
