package dev.ale.samples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.SessionOutcome;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The agent's rules for a bank reconciliation: match the cash book to the statement by cheque
 * number, deposit slip and (for transfers) amount; what is left over on the book side are
 * outstanding cheques and deposits in transit, and on the bank side charges or credits the books
 * have not recorded.
 */
final class BankReconciler {
    private final AgentWorkspace ws;
    private final ObjectMapper mapper = new ObjectMapper();

    /** One line of either record: signed amount (money in is positive) and its reference. */
    private record Line(String reference, BigDecimal amount, String description) {}

    BankReconciler(AgentWorkspace ws) {
        this.ws = ws;
    }

    SessionOutcome solve(String instruction) throws IOException {
        List<String> files = ws.list();
        String statementFile = find(files, "bank");
        String bookFile = find(files, "book");
        if (statementFile == null || bookFile == null) {
            return SessionOutcome.gaveUp("could not find the bank statement and the cash book in the workspace");
        }
        List<Map<String, String>> statement = SimpleCsv.read(ws.read(statementFile));
        List<Map<String, String>> book = SimpleCsv.read(ws.read(bookFile));
        BigDecimal statementBalance =
                new BigDecimal(statement.get(statement.size() - 1).get("balance"));
        BigDecimal ledgerBalance = new BigDecimal(book.get(book.size() - 1).get("balance"));

        List<Line> bankLines = new ArrayList<>();
        for (Map<String, String> row : statement.subList(1, statement.size())) {
            bankLines.add(new Line(
                    row.get("reference"),
                    amount(row.get("deposit")).subtract(amount(row.get("withdrawal"))),
                    row.get("description")));
        }
        ws.think("Matching " + (book.size() - 1) + " cash book entries against " + bankLines.size()
                + " statement lines: cheques by number, deposits by slip, transfers by amount.");
        TreeSet<Integer> outstanding = new TreeSet<>();
        BigDecimal outstandingTotal = BigDecimal.ZERO;
        BigDecimal inTransit = BigDecimal.ZERO;
        for (Map<String, String> row : book.subList(1, book.size())) {
            Line entry = new Line(
                    row.get("reference"),
                    amount(row.get("debit")).subtract(amount(row.get("credit"))),
                    row.get("description"));
            Line match = match(bankLines, entry);
            if (match != null) {
                bankLines.remove(match);
            } else if (entry.amount().signum() < 0 && entry.reference().matches("\\d+")) {
                outstanding.add(Integer.parseInt(entry.reference()));
                outstandingTotal = outstandingTotal.add(entry.amount().negate());
            } else if (entry.amount().signum() > 0) {
                inTransit = inTransit.add(entry.amount());
            }
        }
        BigDecimal charges = BigDecimal.ZERO;
        BigDecimal credits = BigDecimal.ZERO;
        for (Line unmatched : bankLines) {
            if (unmatched.amount().signum() < 0) {
                charges = charges.add(unmatched.amount().negate());
            } else {
                credits = credits.add(unmatched.amount());
            }
        }
        ws.think("Outstanding cheques " + outstanding + ", deposits in transit " + inTransit
                + ", bank items not in the books: charges " + charges + ", credits " + credits + ".");

        BigDecimal adjustedBank = statementBalance.add(inTransit).subtract(outstandingTotal);
        BigDecimal adjustedBook = ledgerBalance.subtract(charges).add(credits);
        ObjectNode out = mapper.createObjectNode();
        out.set("statement_balance", DecimalNode.valueOf(statementBalance));
        out.set("deposits_in_transit_total", DecimalNode.valueOf(inTransit));
        ArrayNode cheques = out.putArray("outstanding_cheques");
        outstanding.forEach(cheques::add);
        out.set("outstanding_cheques_total", DecimalNode.valueOf(outstandingTotal));
        out.set("adjusted_bank_balance", DecimalNode.valueOf(adjustedBank));
        out.set("ledger_balance", DecimalNode.valueOf(ledgerBalance));
        out.set("bank_charges_total", DecimalNode.valueOf(charges));
        out.set("adjusted_book_balance", DecimalNode.valueOf(adjustedBook));
        out.set("difference", DecimalNode.valueOf(adjustedBank.subtract(adjustedBook)));
        ws.write(
                AgentWorkspace.outputName(instruction, "reconciliation.json"),
                mapper.writerWithDefaultPrettyPrinter().writeValueAsString(out) + "\n");
        if (adjustedBank.compareTo(adjustedBook) != 0) {
            return SessionOutcome.gaveUp("the adjusted balances differ by " + adjustedBank.subtract(adjustedBook));
        }
        ws.think("Adjusted balances agree at " + adjustedBank + ".");
        return SessionOutcome.completed();
    }

    /** A statement line for a book entry: same reference when both have a specific one, else same amount. */
    private static @Nullable Line match(List<Line> bankLines, Line entry) {
        boolean specific = entry.reference().matches("\\d+|DS\\d+");
        for (Line line : bankLines) {
            boolean sameAmount = line.amount().compareTo(entry.amount()) == 0;
            if (specific ? line.reference().equals(entry.reference()) && sameAmount : sameAmount) {
                return line;
            }
        }
        return null;
    }

    private static BigDecimal amount(String text) {
        return text == null || text.isBlank() ? BigDecimal.ZERO : new BigDecimal(text.trim());
    }

    private static String find(List<String> files, String word) {
        return files.stream()
                .filter(f -> f.endsWith(".csv") && f.contains(word))
                .findFirst()
                .orElse(null);
    }
}
