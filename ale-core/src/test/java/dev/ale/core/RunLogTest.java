package dev.ale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run writes to System.Logger (here its default JUL backend): start, retries, resume, end; attempts at DEBUG only. */
class RunLogTest {
    @TempDir
    Path dir;

    @Test
    void logsStartRetriesResumeAndEndWithNothingPerAttemptAboveDebug() {
        List<String> lines = new ArrayList<>();
        SimpleFormatter format = new SimpleFormatter();
        Handler handler = new Handler() {
            @Override
            public synchronized void publish(LogRecord r) {
                lines.add(r.getLevel() + " " + format.formatMessage(r));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger core = Logger.getLogger("dev.ale.core");
        Level before = core.getLevel();
        core.setLevel(Level.ALL);
        core.addHandler(handler);
        List<String> resumed = new ArrayList<>();
        try {
            // each attempt costs 0.01 USD: the cap stops the first session after two of three attempts
            RunFixtures.builder(3, 1, 0)
                    .sandboxProvider(RunFixtures.flaky("fails-once", 1, new AtomicInteger()))
                    .retries(1, Duration.ZERO)
                    .runCostLimitUsd(0.015)
                    .runDirectory(dir)
                    .build()
                    .run();
            RunFixtures.builder(3, 1, 0)
                    .runDirectory(dir)
                    .listener(new EvaluationListener() {
                        @Override
                        public void runResumed(int alreadyDone, int attempts) {
                            resumed.add(alreadyDone + " of " + attempts);
                        }
                    })
                    .build()
                    .run();
        } finally {
            core.removeHandler(handler);
            core.setLevel(before);
        }
        List<String> info = lines.stream().filter(l -> !l.startsWith("FINE")).toList();
        assertEquals(6, info.size(), String.join("\n", lines));
        assertEquals(
                "INFO run started: 3 attempts (3 tasks x 1 trial) of test-pack@1.0.0, harness RunFixtures$$Lambda"
                        .substring(0, 60),
                info.get(0).substring(0, 60));
        assertTrue(info.get(0).contains(", sandbox fails-once, parallelism 1, run directory " + dir), info.get(0));
        assertEquals(
                "INFO retry 1 of 1 of t00 trial 1 in 0 ms: it ended in ERROR (SANDBOX): sandbox could not open:"
                        + " IOException: no capacity",
                info.get(1));
        assertTrue(info.get(2).startsWith("INFO run finished in "), info.get(2));
        assertTrue(
                info.get(2)
                        .contains("attempts 2: 1 passed, 1 failed, 0 errors; partial 1 attempt not run: the run's"
                                + " cost cap of 0.02 USD was reached"),
                info.get(2));
        assertEquals("INFO resuming: 2 of 3 attempts already done", info.get(3));
        assertTrue(info.get(4).startsWith("INFO run started: 3 attempts"), info.get(4));
        assertTrue(info.get(5).startsWith("INFO run finished in "), info.get(5));
        assertEquals(List.of("2 of 3"), resumed);
        List<String> debug = lines.stream().filter(l -> l.startsWith("FINE")).toList();
        assertEquals(3, debug.size(), "one DEBUG line per attempt: " + debug);
        assertTrue(debug.get(0).startsWith("FINE t00 trial 1: FAILED (NONE) score 0.0000 in "), debug.get(0));
    }
}
