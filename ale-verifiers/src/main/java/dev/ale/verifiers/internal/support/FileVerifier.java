package dev.ale.verifiers.internal.support;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.ale.api.spi.Check;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.VerificationContext;
import dev.ale.api.spi.Verifier;
import java.io.IOException;
import java.util.List;
import org.apiguardian.api.API;

/** A verifier over output files whose hard gates are thrown as {@link GateFailure}s. */
@API(status = INTERNAL)
public interface FileVerifier extends Verifier {
    /** Scores the attempt, throwing {@link GateFailure} when a hard gate fails. */
    Verdict score(VerificationContext ctx) throws GateFailure, IOException;

    @Override
    default Verdict verify(VerificationContext ctx) throws IOException {
        return GateFailure.verdictOf(() -> score(ctx));
    }

    /** The verdict for {@code matched} of {@code total} conditions (a total of 0 scores 1). */
    static Verdict fraction(int matched, int total, String what, List<Check> checks) {
        double score = total == 0 ? 1.0 : (double) matched / total;
        return Verdict.of(score, matched + " of " + total + " " + what, checks);
    }
}
