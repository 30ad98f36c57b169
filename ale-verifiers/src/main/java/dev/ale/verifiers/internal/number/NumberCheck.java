package dev.ale.verifiers.internal.number;

import dev.ale.api.AleException;
import dev.ale.api.spi.Check;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.VerificationContext;
import dev.ale.verifiers.internal.support.FileVerifier;
import dev.ale.verifiers.internal.support.GateFailure;
import dev.ale.verifiers.internal.support.NumberProfile;
import dev.ale.verifiers.internal.support.Side;
import dev.ale.verifiers.internal.support.Tolerance;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * The {@code number} verifier built by {@link NumberVerifierFactory}; immutable. The number at
 * {@code source} (always in the output) must be within {@code tolerance} of {@code expected}, or
 * of the number at {@code reference} (read from {@code from}), or in [{@code lo}, {@code hi}]
 * (either may be null, open) when neither is set.
 *
 * @param both whether both bounds of the tolerance must hold (else either suffices)
 */
record NumberCheck(
        NumberSource source,
        BigDecimal expected,
        NumberSource reference,
        Side from,
        Tolerance tolerance,
        boolean both,
        BigDecimal lo,
        BigDecimal hi,
        NumberProfile numbers)
        implements FileVerifier {

    @Override
    public Verdict score(VerificationContext ctx) throws GateFailure, IOException {
        NumberSource.Found found = source.read(ctx, Side.OUTPUT);
        String name = "number in " + source.file() + " at " + source.describe();
        String wanted;
        boolean ok;
        BigDecimal v = found.value(numbers);
        if (expected == null && reference == null) {
            wanted = lo == null
                    ? "at most " + hi.toPlainString()
                    : hi == null
                            ? "at least " + lo.toPlainString()
                            : "in [" + lo.toPlainString() + ", " + hi.toPlainString() + "]";
            ok = v != null && (lo == null || lo.compareTo(v) <= 0) && (hi == null || v.compareTo(hi) <= 0);
        } else {
            BigDecimal e = expected;
            String of = "";
            if (reference != null) {
                NumberSource.Found r = reference.read(ctx, from);
                if (r.value() == null && from == Side.REFERENCE) {
                    throw new AleException(
                            "reference/" + reference.file(),
                            "",
                            "no number at " + reference.describe() + ": " + r.text());
                }
                if (r.value() == null) {
                    String where = "number in " + reference.file() + " at " + reference.describe();
                    Check check = Check.fail(
                            name,
                            "within " + tolerance.describe() + " of the " + where,
                            "that number is missing: " + r.text());
                    return Verdict.of(0, name + " has nothing to compare with: " + r.text(), List.of(check));
                }
                e = r.value();
                of = " (" + from.word() + " " + reference.file() + " at " + reference.describe() + ")";
            }
            wanted = e.toPlainString() + (tolerance.equals(Tolerance.EXACT) ? "" : " " + describe()) + of;
            ok = v != null && accepts(e, v);
        }
        Check check = ok ? Check.pass(name, wanted, found.text()) : Check.fail(name, wanted, found.text());
        return Verdict.of(ok ? 1 : 0, name + (ok ? " is " : " is not ") + wanted, List.of(check));
    }

    private boolean accepts(BigDecimal e, BigDecimal v) {
        if (!both) {
            return tolerance.accepts(e, v);
        }
        return new Tolerance(tolerance.abs(), null, tolerance.strict(), tolerance.binary()).accepts(e, v)
                && new Tolerance(null, tolerance.rel(), tolerance.strict(), tolerance.binary()).accepts(e, v);
    }

    private String describe() {
        return both ? tolerance.describe().replace(" or ", " and ") : tolerance.describe();
    }
}
