package dev.ale.samples.plugin;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierConfigException;
import dev.ale.api.spi.VerifierFactories;
import dev.ale.api.spi.VerifierFactory;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A sample verifier plugin, type {@code acme.double-entry}: checks that every journal entry in a
 * CSV file balances (its debits equal its credits). Listed in
 * {@code META-INF/services/dev.ale.api.spi.VerifierFactory}, so the SDK finds it through
 * {@link java.util.ServiceLoader} whenever this jar is on the class path, and only then.
 *
 * <pre>{"type": "acme.double-entry", "file": "journal.csv",
 *  "entryColumn": "entry_id", "debitColumn": "debit", "creditColumn": "credit", "tolerance": 0.005}</pre>
 *
 * <p>{@code file} is required (a relative, '/'-separated path in the output); the column names
 * default as shown, {@code tolerance} (the largest difference that still balances) defaults to
 * 0.005, {@code delimiter} to {@code ","}. Rows with the same entry id form one entry. Score =
 * balanced entries / entries; an entry balances when its debits and credits are numbers (blank
 * counts as 0), at least one is not zero, and they differ by no more than the tolerance. A hard
 * gate fails (score 0) when the file is missing, unreadable, lacks one of the columns, or holds no
 * entries.
 */
@API(status = EXPERIMENTAL)
public final class DoubleEntryVerifierFactory implements VerifierFactory {
    /** The type name this plugin answers to. */
    public static final String TYPE = "acme.double-entry";

    private static final Set<String> OPTIONS =
            Set.of("type", "file", "entryColumn", "debitColumn", "creditColumn", "tolerance", "delimiter");

    /** The no-argument constructor {@link java.util.ServiceLoader} calls. */
    public DoubleEntryVerifierFactory() {
        // nothing to set up: verifiers are built from their configuration
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Verifier create(JsonNode config, VerifierFactories nested) {
        for (Map.Entry<String, JsonNode> e : config.properties()) {
            if (!OPTIONS.contains(e.getKey())) {
                throw new VerifierConfigException(
                        "/" + e.getKey(),
                        "unknown option '" + e.getKey() + "' of " + TYPE + "; known options: "
                                + String.join(", ", OPTIONS.stream().sorted().toList()));
            }
        }
        List<String> file = path(text(config, "file", null));
        String entry = text(config, "entryColumn", "entry_id");
        String debit = text(config, "debitColumn", "debit");
        String credit = text(config, "creditColumn", "credit");
        if (entry.equals(debit) || entry.equals(credit) || debit.equals(credit)) {
            throw new VerifierConfigException(
                    "", "entryColumn, debitColumn and creditColumn must be three different columns");
        }
        BigDecimal tolerance = new BigDecimal("0.005");
        JsonNode t = config.get("tolerance");
        if (t != null) {
            if (!t.isNumber() || t.decimalValue().signum() < 0) {
                throw new VerifierConfigException("/tolerance", "must be a number >= 0, got " + t);
            }
            tolerance = t.decimalValue();
        }
        String delimiter = text(config, "delimiter", ",");
        if (delimiter.length() != 1 || "\"\r\n".contains(delimiter)) {
            throw new VerifierConfigException(
                    "/delimiter", "must be one character, not a quote or line break, got '" + delimiter + "'");
        }
        return new DoubleEntryVerifier(
                String.join("/", file), file, entry, debit, credit, tolerance, delimiter.charAt(0));
    }

    private static String text(JsonNode config, String name, String fallback) {
        JsonNode v = config.get(name);
        if (v == null) {
            if (fallback == null) {
                throw new VerifierConfigException("/" + name, "\"" + name + "\" is required");
            }
            return fallback;
        }
        if (!v.isTextual() || v.textValue().isBlank()) {
            throw new VerifierConfigException("/" + name, "must be a non-empty string, got " + v);
        }
        return v.textValue();
    }

    /** The segments of a configured path: relative, '/'-separated, no empty, '.' or '..' segment. */
    private static List<String> path(String value) {
        if (value.startsWith("/")
                || value.indexOf('\\') >= 0
                || value.indexOf('\0') >= 0
                || value.matches("^[A-Za-z]:.*")) {
            throw new VerifierConfigException("/file", "path '" + value + "' must be relative with '/' separators");
        }
        List<String> segments = List.of(value.split("/", -1));
        if (segments.stream().anyMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."))) {
            throw new VerifierConfigException(
                    "/file", "path '" + value + "' must not contain empty, '.' or '..' segments");
        }
        return segments;
    }
}
