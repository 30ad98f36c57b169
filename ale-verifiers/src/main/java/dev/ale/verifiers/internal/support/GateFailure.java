package dev.ale.verifiers.internal.support;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.ale.api.spi.Check;
import dev.ale.api.spi.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A hard gate failed: a required output is missing, unsafe, too large or malformed. Leaf
 * verifiers throw it from deep inside their reading code; {@link FileVerifier} turns it into a
 * {@link Verdict#gateFailed} verdict with a check naming the file and the reason.
 */
@API(status = INTERNAL)
public final class GateFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Check check;

    public GateFailure(String name, String expected, String actual) {
        super(name + ": " + actual, null, false, false);
        this.check = Check.fail(name, expected, actual).asGate(true);
    }

    /** The failed gate as a check. */
    Check check() {
        return check;
    }

    /** Scoring that throws {@link GateFailure} when a hard gate fails. */
    @FunctionalInterface
    public interface Scoring<E extends Exception> {
        /** The verdict, or a thrown failed gate. */
        Verdict score() throws GateFailure, E;
    }

    /** The verdict of {@code scoring}, or the verdict of the gate it fails. */
    public static <E extends Exception> Verdict verdictOf(Scoring<E> scoring) throws E {
        try {
            return scoring.score();
        } catch (GateFailure g) {
            return g.verdict(List.of());
        }
    }

    /** The verdict of this failure, the gate's check first, then {@code others} (may be empty). */
    public Verdict verdict(List<Check> others) {
        List<Check> checks = new ArrayList<>();
        checks.add(check);
        checks.addAll(others);
        return Verdict.gateFailed(getMessage(), checks);
    }
}
