package dev.ale.verifiers.internal.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class InterruptibleTest {
    @Test
    void anInterruptStopsALongMatch() {
        Pattern backtracking = Pattern.compile("^x+$");
        Thread.currentThread().interrupt();
        try {
            assertThrows(CancellationException.class, () -> backtracking
                    .matcher(new Interruptible("x".repeat(200_000) + "y"))
                    .find());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void withoutAnInterruptItMatchesLikeTheText() {
        assertTrue(Pattern.compile("b+c")
                .matcher(new Interruptible("x".repeat(70_000) + "abbc"))
                .find());
        assertFalse(Pattern.compile("^x+$")
                .matcher(new Interruptible("x".repeat(70_000) + "y"))
                .find());
    }
}
