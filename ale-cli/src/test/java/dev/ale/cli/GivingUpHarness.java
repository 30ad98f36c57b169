package dev.ale.cli;

import dev.ale.api.Harness;
import dev.ale.api.SessionContext;
import dev.ale.api.SessionOutcome;

/** A harness named by class on the command line: it gives up at once. */
public final class GivingUpHarness implements Harness {
    @Override
    public SessionOutcome run(SessionContext ctx) {
        return SessionOutcome.gaveUp("not today");
    }

    @Override
    public String name() {
        return "giving-up";
    }
}
