package dev.ale.samples.plugin;

import dev.ale.api.spi.Check;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.VerificationContext;
import dev.ale.api.spi.Verifier;
import dev.ale.verifiers.CsvRecords;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code acme.double-entry} verifier built by {@link DoubleEntryVerifierFactory}. */
final class DoubleEntryVerifier implements Verifier {
    /** The largest journal file read. */
    static final long MAX_BYTES = 64L << 20;
    /** How many unbalanced entries are listed in the verdict. */
    static final int LISTED = 10;

    private final String file;
    private final List<String> segments;
    private final String entryColumn;
    private final String debitColumn;
    private final String creditColumn;
    private final BigDecimal tolerance;
    private final char delimiter;

    DoubleEntryVerifier(
            String file,
            List<String> segments,
            String entryColumn,
            String debitColumn,
            String creditColumn,
            BigDecimal tolerance,
            char delimiter) {
        this.file = file;
        this.segments = List.copyOf(segments);
        this.entryColumn = entryColumn;
        this.debitColumn = debitColumn;
        this.creditColumn = creditColumn;
        this.tolerance = tolerance;
        this.delimiter = delimiter;
    }

    /** One journal entry's totals, or why they could not be added up. */
    private static final class Entry {
        BigDecimal debits = BigDecimal.ZERO;
        BigDecimal credits = BigDecimal.ZERO;
        String problem;
    }

    @Override
    public Verdict verify(VerificationContext ctx) throws IOException {
        String wanted = "a CSV journal with columns " + entryColumn + ", " + debitColumn + ", " + creditColumn;
        Path p = ctx.output();
        BasicFileAttributes attrs = null;
        for (String s : segments) {
            p = p.resolve(s);
            try {
                attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return gate(wanted, "missing");
            }
            if (attrs.isSymbolicLink()) {
                return gate(wanted, "refused: a symbolic link");
            }
        }
        if (!attrs.isRegularFile()) {
            return gate(wanted, "not a regular file");
        }
        if (attrs.size() > MAX_BYTES) {
            return gate(wanted, "larger than " + MAX_BYTES + " bytes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(p)))
                    .toString();
        } catch (CharacterCodingException e) {
            return gate(wanted, "not UTF-8 text");
        }
        List<List<String>> rows;
        try {
            rows = CsvRecords.read(text, delimiter);
        } catch (IllegalArgumentException e) {
            return gate(wanted, "malformed CSV: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            return gate(wanted, "empty: no header");
        }
        List<String> header = rows.get(0).stream().map(String::strip).toList();
        List<String> missing = new ArrayList<>();
        for (String c : List.of(entryColumn, debitColumn, creditColumn)) {
            if (!header.contains(c)) {
                missing.add(c);
            }
        }
        if (!missing.isEmpty()) {
            return gate(wanted, "lacks column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing));
        }
        Map<String, Entry> entries =
                entries(rows, header.indexOf(entryColumn), header.indexOf(debitColumn), header.indexOf(creditColumn));
        if (entries.isEmpty()) {
            return gate(wanted, "no journal entries");
        }
        return score(entries);
    }

    private Map<String, Entry> entries(List<List<String>> rows, int idAt, int debitAt, int creditAt) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            String id = cell(row, idAt);
            Entry e = entries.computeIfAbsent(id.isEmpty() ? "(row " + r + ")" : id, k -> new Entry());
            if (id.isEmpty()) {
                e.problem = "row " + r + " has no " + entryColumn;
            }
            e.debits = add(e, e.debits, cell(row, debitAt), r, debitColumn);
            e.credits = add(e, e.credits, cell(row, creditAt), r, creditColumn);
        }
        return entries;
    }

    private Verdict score(Map<String, Entry> entries) {
        List<Check> unbalanced = new ArrayList<>();
        int balanced = 0;
        for (Map.Entry<String, Entry> me : entries.entrySet()) {
            Entry e = me.getValue();
            String actual = e.problem != null
                    ? e.problem
                    : e.debits.signum() == 0 && e.credits.signum() == 0
                            ? "no amounts"
                            : e.debits.subtract(e.credits).abs().compareTo(tolerance) > 0
                                    ? "debits " + e.debits.toPlainString() + ", credits " + e.credits.toPlainString()
                                    : null;
            if (actual == null) {
                balanced++;
            } else if (unbalanced.size() < LISTED) {
                unbalanced.add(Check.fail("entry " + me.getKey(), "debits = credits", actual));
            }
        }
        double score = (double) balanced / entries.size();
        String summary = balanced + " of " + entries.size() + " journal entries balance";
        Check all = Check.partial("entries balance", score, "debits = credits in every entry of " + file, summary)
                .withChildren(unbalanced);
        return Verdict.of(score, summary, List.of(all));
    }

    private static BigDecimal add(Entry e, BigDecimal sum, String cell, int row, String column) {
        String plain = cell.replace("$", "").replace(",", "").strip();
        if (plain.isEmpty()) {
            return sum;
        }
        try {
            return sum.add(new BigDecimal(plain));
        } catch (NumberFormatException ex) {
            e.problem = "row " + row + ": " + column + " '" + cell + "' is not a number";
            return sum;
        }
    }

    private static String cell(List<String> row, int at) {
        return at < row.size() ? row.get(at).strip() : "";
    }

    private Verdict gate(String expected, String actual) {
        return Verdict.gateFailed(file + ": " + actual, List.of(Check.gate(file, expected, actual)));
    }
}
