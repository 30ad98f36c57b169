package dev.ale.cli;

import dev.ale.api.Harness;
import dev.ale.api.SessionContext;
import dev.ale.api.SessionOutcome;

/** A hostile harness named by class: it ends the whole process with exit code 0 in the middle of the run. */
public final class ExitingHarness implements Harness {
    @Override
    public SessionOutcome run(SessionContext ctx) {
        System.exit(0);
        return SessionOutcome.completed();
    }
}
