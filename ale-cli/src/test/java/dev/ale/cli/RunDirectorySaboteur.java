package dev.ale.cli;

import dev.ale.api.Harness;
import dev.ale.api.SessionContext;
import dev.ale.api.SessionOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A harness named by class that makes the run directory unwritable in the middle of the run (it
 * moves the directory away and leaves a file in its place), as a full disk would for every later write.
 */
public final class RunDirectorySaboteur implements Harness {
    /** The run directory to take away; set by the test. */
    static volatile Path target;

    @Override
    public SessionOutcome run(SessionContext ctx) throws IOException {
        Path dir = target;
        if (dir != null && Files.isDirectory(dir)) {
            Files.move(dir, dir.resolveSibling(dir.getFileName() + ".gone"));
            Files.writeString(dir, "not a directory any more");
        }
        return SessionOutcome.completed();
    }
}
