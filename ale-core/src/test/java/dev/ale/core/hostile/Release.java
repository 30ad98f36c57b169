package dev.ale.core.hostile;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets the hostile code that ignores interrupts (harnesses and verifiers the runner abandons) stop
 * once a test has its results, so abandoned threads do not keep spinning for the rest of the build.
 */
final class Release {
    private static final AtomicBoolean RELEASED = new AtomicBoolean();

    private Release() {}

    /** Lets every abandoned spinner and sleeper go. */
    static void all() {
        RELEASED.set(true);
    }

    /** Re-arms the spinners for the next test (call before the run). */
    static void arm() {
        RELEASED.set(false);
    }

    static boolean released() {
        return RELEASED.get();
    }

    /** Sleeps until released, swallowing every interrupt: the harness or verifier that will not stop. */
    static void sleepIgnoringInterrupts() {
        while (!released()) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException ignored) {
                // a hostile body ignores the interrupt
            }
        }
    }

    /** Burns a CPU until released, never looking at the interrupt flag (yielding now and then to be kind to the build). */
    static long spinIgnoringInterrupts() {
        long spins = 0;
        while (!released()) {
            spins++;
            if ((spins & 0xFFFF) == 0) {
                Thread.yield();
            }
        }
        return spins;
    }
}
