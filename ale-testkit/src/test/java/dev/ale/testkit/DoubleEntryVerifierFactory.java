package dev.ale.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.spi.Check;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierConfigException;
import dev.ale.api.spi.VerifierFactories;
import dev.ale.api.spi.VerifierFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * The plugin of the README's example, {@code acme.double-entry}: do the debits of a ledger CSV
 * ({@code account,debit,credit}) equal its credits? Written the way a plugin should be: strict
 * config, no links followed, a cap on what it reads, garbage scored 0 rather than thrown.
 */
public final class DoubleEntryVerifierFactory implements VerifierFactory {
    static final long MAX_BYTES = 1 << 20;

    @Override
    public String type() {
        return "acme.double-entry";
    }

    @Override
    public Verifier create(JsonNode config, VerifierFactories nested) {
        config.fieldNames().forEachRemaining(n -> {
            if (!n.equals("type") && !n.equals("file")) {
                throw new VerifierConfigException("/" + n, "unknown option '" + n + "'; allowed: file");
            }
        });
        JsonNode file = config.get("file");
        if (file == null
                || !file.isTextual()
                || !file.textValue().matches("[A-Za-z0-9._-]+")
                || file.textValue().startsWith(".")) {
            throw new VerifierConfigException("/file", "must be a plain file name such as \"ledger.csv\"");
        }
        String name = file.textValue();
        return ctx -> {
            Path p = ctx.output().resolve(name);
            if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.size(p) > MAX_BYTES) {
                return Verdict.gateFailed(
                        name + " missing, not a regular file or too large",
                        List.of(Check.gate(name, "a ledger of at most 1 MiB", "missing or refused")));
            }
            BigDecimal debit = BigDecimal.ZERO;
            BigDecimal credit = BigDecimal.ZERO;
            List<String> lines = List.of(new String(Files.readAllBytes(p), StandardCharsets.UTF_8).split("\n"));
            try {
                for (String line : lines.subList(1, lines.size())) {
                    String[] cells = (line + ",,").split(",", -1);
                    debit = debit.add(cells[1].isBlank() ? BigDecimal.ZERO : new BigDecimal(cells[1].strip()));
                    credit = credit.add(cells[2].isBlank() ? BigDecimal.ZERO : new BigDecimal(cells[2].strip()));
                }
            } catch (NumberFormatException e) {
                return Verdict.of(0, "not a ledger", List.of(Check.fail("balanced", "numbers", "not a number")));
            }
            boolean balanced = debit.compareTo(credit) == 0;
            return Verdict.of(
                    balanced ? 1 : 0,
                    balanced ? "balanced" : "unbalanced",
                    List.of(
                            balanced
                                    ? Check.pass("balanced", debit.toPlainString(), credit.toPlainString())
                                    : Check.fail("balanced", debit.toPlainString(), credit.toPlainString())));
        };
    }
}
