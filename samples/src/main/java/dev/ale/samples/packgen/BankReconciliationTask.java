package dev.ale.samples.packgen;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * {@code bank-reconciliation}: a small bakery's March cash book against its bank statement, with
 * cheques that have not cleared, deposits the bank credits the next business day and a monthly
 * service fee that is not yet in the books. The expected reconciliation is computed from the
 * generated transactions.
 */
final class BankReconciliationTask {
    static final String ID = "bank-reconciliation";
    static final String OUTPUT = "reconciliation.json";

    private static final LocalDate FIRST = LocalDate.of(2025, 3, 1);
    private static final LocalDate LAST = LocalDate.of(2025, 3, 31);

    /** One cash transaction: its book entry and, when it reached the bank in March, its bank line. */
    private record Txn(
            LocalDate bookDate,
            LocalDate bankDate,
            String bookText,
            String bankText,
            String bookRef,
            String bankRef,
            BigDecimal amount,
            int postingOrder) {
        boolean receipt() {
            return amount.signum() > 0;
        }

        boolean onStatement() {
            return bankDate != null && !bankDate.isAfter(LAST);
        }
    }

    private static final String[][] PAYEES = {
        {"Millbrook Flour Co.", "900", "2600"}, {"Valley Dairy Cooperative", "600", "1500"},
        {"Sunrise Egg Farm", "350", "900"}, {"Ridgeway Packaging Supply", "300", "1100"},
        {"Pine Street Properties - April rent", "4200", "4200"}, {"Citywide Waste Services", "180", "260"},
        {"Keller Oven & Equipment Repair", "400", "1400"}, {"Coastal Coffee Roasters", "500", "1200"},
        {"Atlas Commercial Cleaning", "450", "650"}, {"Greenleaf Produce", "250", "700"},
        {"Northgate Insurance Agency", "900", "1300"}, {"Bright Sign & Print", "150", "500"},
    };
    private static final int[] CHEQUE_DAYS = {3, 5, 6, 10, 12, 14, 18, 20, 24, 27, 28, 31};
    private static final int OUTSTANDING = 3;

    private BankReconciliationTask() {}

    static TaskFiles generate(Random random, long seed) {
        List<Txn> txns = transactions(random);
        BigDecimal opening = Formats.randomMoney(random, 17_500, 24_000);
        BigDecimal fee = new BigDecimal(new String[] {"12.00", "15.00", "18.00"}[random.nextInt(3)]);

        TaskFiles task = new TaskFiles(SamplePackGenerator.CARDS.get(ID));
        BigDecimal bankEnd = writeStatement(task, txns, opening, fee);
        BigDecimal bookEnd = writeLedger(task, txns, opening);

        BigDecimal inTransit = txns.stream()
                .filter(t -> t.receipt() && !t.onStatement())
                .map(Txn::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Txn> outstanding =
                txns.stream().filter(t -> !t.receipt() && !t.onStatement()).toList();
        BigDecimal outstandingTotal =
                outstanding.stream().map(t -> t.amount().negate()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal adjustedBank = bankEnd.add(inTransit).subtract(outstandingTotal);
        BigDecimal adjustedBook = bookEnd.subtract(fee);
        if (adjustedBank.compareTo(adjustedBook) != 0) {
            throw new IllegalStateException(
                    "generated books do not reconcile: " + adjustedBank + " vs " + adjustedBook);
        }

        ObjectNode expected = Formats.object();
        expected.set("statement_balance", Formats.number(bankEnd));
        expected.set("deposits_in_transit_total", Formats.number(inTransit));
        ArrayNode cheques = expected.putArray("outstanding_cheques");
        outstanding.forEach(t -> cheques.add(Integer.parseInt(t.bookRef())));
        expected.set("outstanding_cheques_total", Formats.number(outstandingTotal));
        expected.set("adjusted_bank_balance", Formats.number(adjustedBank));
        expected.set("ledger_balance", Formats.number(bookEnd));
        expected.set("bank_charges_total", Formats.number(fee));
        expected.set("adjusted_book_balance", Formats.number(adjustedBook));
        expected.set("difference", Formats.number(adjustedBank.subtract(adjustedBook)));
        task.put("reference/expected.json", Formats.json(expected));
        task.put("solution/" + OUTPUT, Formats.json(expected));

        ObjectNode verifier = VerifierConfigs.gatedWeighted(
                new String[] {OUTPUT},
                1,
                List.of(VerifierConfigs.child(
                        "reconciliation figures",
                        9,
                        VerifierConfigs.json(OUTPUT, "expected.json", 0.01, List.of("/outstanding_cheques")))));
        task.putTaskJson(List.of(instruction()), verifier, seed);
        return task;
    }

    private static List<Txn> transactions(Random random) {
        List<Txn> txns = new ArrayList<>();
        int order = 0;
        int slip = 5501;
        for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
            if (Formats.isWeekend(d)) {
                continue;
            }
            LocalDate credited = Formats.nextBusinessDayOnOrAfter(d.plusDays(1));
            String ref = "DS" + slip++;
            txns.add(new Txn(
                    d,
                    credited,
                    "Daily takings deposited",
                    "BRANCH DEPOSIT",
                    ref,
                    ref,
                    Formats.randomMoney(random, 780, 2350),
                    order++));
            if (d.getDayOfMonth() == 12 || d.equals(LAST)) {
                String catering = "DS" + slip++;
                txns.add(new Txn(
                        d,
                        credited,
                        "Catering receipt, invoice " + (2230 + d.getDayOfMonth()),
                        "BRANCH DEPOSIT",
                        catering,
                        catering,
                        Formats.randomMoney(random, 600, 1800),
                        order++));
            }
        }
        for (int i = 0; i < CHEQUE_DAYS.length; i++) {
            LocalDate issued = LAST.withDayOfMonth(CHEQUE_DAYS[i]);
            String number = String.valueOf(1041 + i);
            LocalDate cleared = i >= CHEQUE_DAYS.length - OUTSTANDING
                    ? LAST.plusDays(Formats.between(random, 2, 6))
                    : Formats.nextBusinessDayOnOrAfter(issued.plusDays(Formats.between(random, 2, 6)));
            BigDecimal amount =
                    Formats.randomMoney(random, Double.parseDouble(PAYEES[i][1]), Double.parseDouble(PAYEES[i][2]));
            txns.add(new Txn(
                    issued,
                    cleared,
                    "Cheque to " + PAYEES[i][0],
                    "CHEQUE " + number,
                    number,
                    number,
                    amount.negate(),
                    order++));
        }
        addTransfer(
                txns,
                random,
                10,
                "Metro Power & Light, electricity",
                "ACH DEBIT METRO POWER & LIGHT",
                640,
                980,
                order++);
        addTransfer(txns, random, 14, "Payroll, net pay 1-14 March", "ACH DEBIT PAYROLL SERVICES", 6100, 7400, order++);
        addTransfer(txns, random, 17, "Harbor Gas Utility", "ACH DEBIT HARBOR GAS UTILITY", 310, 520, order++);
        addTransfer(
                txns, random, 20, "State sales tax, February", "ACH DEBIT STATE DEPT OF REVENUE", 1900, 2900, order++);
        addTransfer(txns, random, 20, "Equipment loan instalment", "LOAN PAYMENT 0047-221", 1186.42, 1186.42, order++);
        addTransfer(
                txns, random, 28, "Payroll, net pay 15-28 March", "ACH DEBIT PAYROLL SERVICES", 6100, 7400, order++);
        Set<BigDecimal> seen = new HashSet<>();
        for (Txn t : txns) {
            if (!seen.add(t.amount())) {
                throw new IllegalStateException("two transactions of " + t.amount() + "; amounts must be unique");
            }
        }
        return txns;
    }

    private static void addTransfer(
            List<Txn> txns,
            Random random,
            int day,
            String bookText,
            String bankText,
            double min,
            double max,
            int order) {
        LocalDate d = LAST.withDayOfMonth(day);
        String trace = "ACH" + Formats.between(random, 10_000_000, 99_999_999);
        txns.add(new Txn(
                d,
                d,
                bookText,
                bankText,
                "EFT",
                trace,
                Formats.randomMoney(random, min, max).negate(),
                order));
    }

    private static BigDecimal writeStatement(TaskFiles task, List<Txn> txns, BigDecimal opening, BigDecimal fee) {
        List<Txn> lines = new ArrayList<>(txns.stream().filter(Txn::onStatement).toList());
        lines.add(new Txn(null, LAST, "", "MONTHLY MAINTENANCE FEE", "", "SVC", fee.negate(), Integer.MAX_VALUE));
        lines.sort(Comparator.comparing(Txn::bankDate)
                .thenComparing(t -> t.receipt() ? 0 : 1)
                .thenComparing(Txn::bankRef));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(FIRST.toString(), "OPENING BALANCE", "", "", "", opening.toPlainString()));
        BigDecimal balance = opening;
        for (Txn t : lines) {
            balance = balance.add(t.amount());
            requirePositive(balance, "bank statement");
            rows.add(List.of(
                    t.bankDate().toString(),
                    t.bankText(),
                    t.bankRef(),
                    Formats.money(t.amount().negate().max(BigDecimal.ZERO), true),
                    Formats.money(t.amount().max(BigDecimal.ZERO), true),
                    balance.toPlainString()));
        }
        task.put(
                "inputs/bank_statement.csv",
                Formats.csv(List.of("date", "description", "reference", "withdrawal", "deposit", "balance"), rows));
        return balance;
    }

    private static BigDecimal writeLedger(TaskFiles task, List<Txn> txns, BigDecimal opening) {
        List<Txn> entries = new ArrayList<>(txns);
        entries.sort(Comparator.comparing(Txn::bookDate).thenComparing(Txn::postingOrder));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(FIRST.toString(), "", "Opening balance", "", "", "", opening.toPlainString()));
        BigDecimal balance = opening;
        int entry = 3001;
        for (Txn t : entries) {
            balance = balance.add(t.amount());
            requirePositive(balance, "cash book");
            rows.add(List.of(
                    t.bookDate().toString(),
                    "CB-" + entry++,
                    t.bookText(),
                    t.bookRef(),
                    Formats.money(t.amount().max(BigDecimal.ZERO), true),
                    Formats.money(t.amount().negate().max(BigDecimal.ZERO), true),
                    balance.toPlainString()));
        }
        task.put(
                "inputs/cash_book.csv",
                Formats.csv(List.of("date", "entry", "description", "reference", "debit", "credit", "balance"), rows));
        return balance;
    }

    private static void requirePositive(BigDecimal balance, String where) {
        if (balance.signum() <= 0) {
            throw new IllegalStateException(where + " went overdrawn: " + balance);
        }
    }

    private static String instruction() {
        return """
                You are the bookkeeper of Harbor Lane Bakery LLC. Reconcile the business checking account \
                for March 2025.

                Files in the workspace:
                - `bank_statement.csv`: the bank's statement for 1-31 March 2025 (date, description, reference, \
                withdrawal, deposit, running balance). The first row is the opening balance.
                - `cash_book.csv`: the bakery's cash book (general ledger account 1010) for March 2025 (date, \
                entry, description, reference, debit = money in, credit = money out, running balance). The \
                first row is the opening balance.

                The February reconciliation had no reconciling items, so both opening balances agree. Match \
                cheques by cheque number, deposits by deposit slip number (DS...) and electronic transfers by \
                amount. A cheque in the cash book that has not cleared the bank by 31 March is outstanding; a \
                deposit in the cash book that the bank has not credited by 31 March is in transit; a bank \
                charge on the statement that is not in the cash book must be deducted from the book side.

                Write `reconciliation.json`: one JSON object with these fields:
                - "statement_balance": the bank statement balance at 31 March
                - "deposits_in_transit_total": the total of the deposits in transit
                - "outstanding_cheques": the numbers of the outstanding cheques, as JSON integers, in ascending order
                - "outstanding_cheques_total": the total of the outstanding cheques
                - "adjusted_bank_balance": statement_balance + deposits_in_transit_total - outstanding_cheques_total
                - "ledger_balance": the cash book balance at 31 March
                - "bank_charges_total": the total of bank charges on the statement that are not in the cash book
                - "adjusted_book_balance": ledger_balance - bank_charges_total
                - "difference": adjusted_bank_balance - adjusted_book_balance

                Amounts are JSON numbers in US dollars, rounded to 2 decimal places (half up). Amounts are \
                graded within 0.01; extra fields are ignored.""";
    }
}
