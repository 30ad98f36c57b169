package dev.ale.samples.packgen.starter;

import static dev.ale.samples.packgen.starter.Grading.columns;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Random;

/**
 * {@code loan-amortization}: monthly amortization schedules of three small-business term loans,
 * with the level payment rounded to the cent, interest rounded each month and the last payment
 * adjusted to clear the balance. Rates are drawn so that no payment falls near a rounding tie.
 */
final class LoanAmortizationTask {
    static final String ID = "loan-amortization";

    private record Loan(
            String id, String borrower, BigDecimal principal, BigDecimal ratePct, int months, LocalDate first) {}

    private static final String[] BORROWERS = {
        "Crescent Bakery LLC", "Hillside Auto Repair Inc.", "Meridian Dental Group PC"
    };
    private static final int[] TERMS = {36, 48, 60};

    private LoanAmortizationTask() {}

    static void generate(StarterTask task, Random random) {
        Table loans = new Table("loan_id,borrower,principal,annual_rate_pct,term_months,first_payment_date");
        Table schedule = new Table("loan_id,period,payment_date,payment,interest,principal,balance");
        Table summary = new Table("loan_id,monthly_payment,final_payment,total_interest,total_paid");
        for (int i = 0; i < BORROWERS.length; i++) {
            Loan loan;
            do {
                loan = new Loan(
                        "LN-" + (8801 + i * 17),
                        BORROWERS[i],
                        Dec.of(5000L * (6 + random.nextInt(30))),
                        Dec.of(475 + 25 * random.nextInt(24)).movePointLeft(2),
                        TERMS[i],
                        LocalDate.of(2025, 2 + i, 1 + random.nextInt(28)));
            } while (!Dec.clearOfTie(exactPayment(loan), 2));
            loans.row(
                    loan.id(),
                    loan.borrower(),
                    Dec.round(loan.principal(), 2),
                    loan.ratePct(),
                    loan.months(),
                    loan.first());
            amortize(loan, schedule, summary);
        }
        task.input("loans.csv", loans);
        task.csv("amortization.csv", schedule, "loan_id", "period")
                .rows(
                        "schedule rows",
                        6,
                        columns().text("payment_date").num(0.01, "payment", "interest", "principal", "balance"));
        task.csv("loan_summary.csv", summary, "loan_id")
                .rows(
                        "loan summary",
                        3,
                        columns().num(0.01, "monthly_payment", "final_payment", "total_interest", "total_paid"));
        task.instructions(instruction(schedule, summary));
    }

    /** P r / (1 - (1 + r)^-n) with r = rate / 1200, to 34 digits. */
    static BigDecimal exactPayment(Loan loan) {
        BigDecimal r = Dec.div(loan.ratePct(), Dec.of(1200));
        BigDecimal growth = BigDecimal.ONE.add(r).pow(loan.months(), Dec.WIDE);
        return Dec.div(loan.principal().multiply(r).multiply(growth), growth.subtract(BigDecimal.ONE));
    }

    private static void amortize(Loan loan, Table schedule, Table summary) {
        BigDecimal payment = Dec.round(exactPayment(loan), 2);
        BigDecimal balance = loan.principal();
        BigDecimal totalInterest = BigDecimal.ZERO;
        BigDecimal totalPaid = BigDecimal.ZERO;
        BigDecimal last = payment;
        for (int period = 1; period <= loan.months(); period++) {
            BigDecimal interest = Dec.div(balance.multiply(loan.ratePct()), Dec.of(1200), 2);
            BigDecimal pay = period == loan.months() ? balance.add(interest) : payment;
            BigDecimal principal = pay.subtract(interest);
            balance = balance.subtract(principal);
            totalInterest = totalInterest.add(interest);
            totalPaid = totalPaid.add(pay);
            last = pay;
            schedule.row(
                    loan.id(),
                    period,
                    loan.first().plusMonths(period - 1L),
                    Dec.round(pay, 2),
                    interest,
                    Dec.round(principal, 2),
                    Dec.round(balance, 2));
        }
        if (balance.signum() != 0
                || last.compareTo(payment.multiply(Dec.of("1.01"))) > 0
                || last.compareTo(payment.multiply(Dec.of("0.99"))) < 0) {
            throw new IllegalStateException(loan.id() + ": final payment " + last + " is far from " + payment);
        }
        summary.row(loan.id(), payment, Dec.round(last, 2), Dec.round(totalInterest, 2), Dec.round(totalPaid, 2));
    }

    private static String instruction(Table schedule, Table summary) {
        return """
                You are a loan officer's assistant at Tri-Rivers Community Bank. Three small-business term \
                loans closed this quarter; prepare their amortization schedules for the borrowers' files.

                `loans.csv` in the workspace gives, for each loan, the principal, the annual interest rate in \
                percent (nominal, compounded monthly), the term in months and the date of the first payment.

                Rules:
                1. The level monthly payment = P x r / (1 - (1 + r)^-n), where P is the principal, r = \
                annual_rate_pct / 1200 and n the term in months, rounded to the cent (half up).
                2. Each month, interest = the balance before the payment x annual_rate_pct / 1200, rounded \
                to the cent (half up); principal = payment - interest; the new balance = the old balance - \
                principal.
                3. The last payment (period n) is not the level payment: it is the balance before it plus \
                that month's interest, so the loan ends at a balance of 0.00.
                4. Payment k (k = 1..n) is due k - 1 months after the first payment date, on the same day \
                of the month.

                Write `amortization.csv` with the header `{schedule}` and one row per loan and period \
                (period 1..n, payment_date as YYYY-MM-DD, amounts with 2 decimal places).

                Write `loan_summary.csv` with the header `{summary}` and one row per loan: the level \
                monthly_payment, the final_payment, total_interest (the sum of the interest column) and \
                total_paid (the sum of the payment column).

                Grading: schedule rows are matched by loan_id and period, summary rows by loan_id; amounts \
                are graded within 0.01 and the payment date must be exact; rows that do not belong cost credit."""
                .replace("{schedule}", schedule.headerLine())
                .replace("{summary}", summary.headerLine());
    }
}
