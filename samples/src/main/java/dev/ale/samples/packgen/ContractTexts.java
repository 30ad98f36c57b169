package dev.ale.samples.packgen;

import dev.ale.samples.packgen.ContractDeadlinesTask.Clause;
import dev.ale.samples.packgen.ContractDeadlinesTask.Contract;
import dev.ale.samples.packgen.ContractDeadlinesTask.Section;
import dev.ale.samples.packgen.ContractDeadlinesTask.Term;

/**
 * Renders the contracts of {@code contract-deadlines} as plain text the way a scanned-and-OCRed
 * agreement reads: a title block, a preamble, numbered sections and clauses wrapped at 88 columns,
 * and periods written as legal drafting does ({@code fifteen (15) days}).
 */
final class ContractTexts {
    private static final int WIDTH = 88;
    private static final String[] ONES = {
        "",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen"
    };
    private static final String[] TENS = {
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"
    };

    private ContractTexts() {}

    /** The whole agreement: title, contract id, preamble and every section with its clauses. */
    static String render(Contract contract) {
        StringBuilder b = new StringBuilder();
        b.append(contract.title())
                .append('\n')
                .append("Contract ID: ")
                .append(contract.id())
                .append("\n\n");
        b.append(wrap(contract.preamble(), "")).append("\n\n");
        for (Section section : contract.sections()) {
            b.append(section.heading()).append("\n\n");
            for (Clause clause : section.clauses()) {
                b.append(wrap(clause(clause), "    ")).append("\n\n");
            }
        }
        b.append(wrap("IN WITNESS WHEREOF, the Parties have executed this Agreement as of the Effective Date.", ""));
        return b.toString();
    }

    /** One clause as printed: number, title, and its text with the deadline phrase filled in. */
    static String clause(Clause clause) {
        String text = clause.term() == null ? clause.text() : clause.text().formatted(phrase(clause.term()));
        return clause.number() + " " + clause.title() + ". " + text;
    }

    /** The deadline phrase of a term, such as {@code within fifteen (15) days after the Effective Date}. */
    static String phrase(Term term) {
        if (term.fixedDate() != null) {
            return "on or before " + term.fixedDate().format(Formats.LONG_DATE);
        }
        String unit = term.business() ? "Business Days" : "days";
        return switch (term.anchor()) {
            case EFFECTIVE -> "within " + period(term.days()) + " " + unit + " after the Effective Date";
            case AMENDMENT -> "within " + period(term.days()) + " " + unit + " after the Amendment Effective Date";
            case EXPIRATION -> "at least " + period(term.days()) + " " + unit + " before the Expiration Date";
        };
    }

    /** A number of days as drafted: {@code twenty-one (21)}. */
    static String period(int n) {
        return words(n) + " (" + n + ")";
    }

    static String words(int n) {
        if (n <= 0 || n >= 200) {
            throw new IllegalArgumentException("no words for " + n);
        }
        if (n >= 100) {
            return "one hundred" + (n == 100 ? "" : " " + words(n - 100));
        }
        if (n < 20) {
            return ONES[n];
        }
        return TENS[n / 10] + (n % 10 == 0 ? "" : "-" + ONES[n % 10]);
    }

    /** Wraps a paragraph at {@value #WIDTH} columns; lines after the first get {@code indent}. */
    static String wrap(String paragraph, String indent) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > WIDTH) {
                out.append(line).append('\n');
                line.setLength(0);
                line.append(indent);
            }
            if (line.length() > 0 && !line.toString().equals(indent)) {
                line.append(' ');
            }
            line.append(word);
        }
        return out.append(line).toString();
    }
}
