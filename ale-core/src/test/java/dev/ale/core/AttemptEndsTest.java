package dev.ale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ale.api.Cause;
import dev.ale.api.Outcome;
import dev.ale.core.AttemptEnds.HarnessEnd;
import org.junit.jupiter.api.Test;

/** Whose doing it is when a session's inputs cannot be staged. */
class AttemptEndsTest {
    private static final Staging.Failure SANDBOX =
            new Staging.Failure(Outcome.ERROR, Cause.SANDBOX, "cannot write inputs/a.csv: a folder is in the way");

    @Test
    void theFirstSessionsInputsFailingIsTheSandboxs() {
        HarnessEnd end = AttemptEnds.stagingFailed(SANDBOX, 1);
        assertEquals(Cause.SANDBOX, end.cause());
        assertEquals(SANDBOX.message(), end.message());
        assertEquals(0, end.sessionsRun());
        assertFalse(end.abandoned());
    }

    @Test
    void laterSessionsInputsBlockedByTheWorkspaceAreTheHarnesss() {
        HarnessEnd end = AttemptEnds.stagingFailed(SANDBOX, 3);
        assertEquals(Cause.HARNESS_ERROR, end.cause());
        assertEquals(
                "the workspace left by session 2 blocked staging the inputs of session 3: " + SANDBOX.message(),
                end.message());
        assertEquals(2, end.sessionsRun());
    }

    @Test
    void aChangedPackIsNeverTheHarnesss() {
        Staging.Failure pack = new Staging.Failure(Outcome.ERROR, Cause.PACK, "pack modified during the run");
        HarnessEnd end = AttemptEnds.stagingFailed(pack, 2);
        assertEquals(Cause.PACK, end.cause());
        assertEquals(1, end.sessionsRun());
    }
}
