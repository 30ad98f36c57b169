package dev.ale.verifiers.internal.support;

import dev.ale.api.spi.Judge;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.VerificationContext;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** A verification context with a judge, a previous verdict and a deadline over another context's roots. */
public record ExtendedContext(
        VerificationContext parent,
        Path output,
        Path reference,
        Optional<Judge> judge,
        Optional<Verdict> previous,
        Instant deadline)
        implements ForwardingContext {

    public static ExtendedContext of(VerificationContext base) {
        return new ExtendedContext(
                base, base.output(), base.reference(), Optional.empty(), Optional.empty(), Instant.MAX);
    }

    public ExtendedContext withJudge(Judge j) {
        return new ExtendedContext(parent, output, reference, Optional.ofNullable(j), previous, deadline);
    }

    public ExtendedContext withPrevious(Verdict v) {
        return new ExtendedContext(parent, output, reference, judge, Optional.ofNullable(v), deadline);
    }

    public ExtendedContext withDeadline(Instant d) {
        return new ExtendedContext(parent, output, reference, judge, previous, d);
    }

    public ExtendedContext withRoots(Path newOutput, Path newReference) {
        return new ExtendedContext(parent, newOutput, newReference, judge, previous, deadline);
    }
}
