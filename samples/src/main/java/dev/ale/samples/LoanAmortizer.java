package dev.ale.samples;

import dev.ale.api.SessionOutcome;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Map;

/** The agent's rules for level-payment loan schedules: the annuity formula, monthly interest, a final clearing payment. */
final class LoanAmortizer {
    private static final String SCHEDULE = "amortization.csv";
    private static final String SUMMARY = "loan_summary.csv";

    private LoanAmortizer() {}

    static SessionOutcome solve(AgentWorkspace ws, String instruction) throws IOException {
        if (!Instructions.asksFor(
                        instruction, SCHEDULE, "loan_id,period,payment_date,payment,interest,principal,balance")
                || !Instructions.asksFor(
                        instruction, SUMMARY, "loan_id,monthly_payment,final_payment,total_interest,total_paid")) {
            return SessionOutcome.gaveUp("unexpected output format for the schedules");
        }
        ws.list();
        SimpleCsv.Writer schedule = new SimpleCsv.Writer(Instructions.header(instruction, SCHEDULE));
        SimpleCsv.Writer summary = new SimpleCsv.Writer(Instructions.header(instruction, SUMMARY));
        BigDecimal twelveHundred = Num.of(1200);
        for (Map<String, String> loan : ws.csv("loans.csv")) {
            BigDecimal principal = Num.of(loan.get("principal"));
            BigDecimal rate = Num.of(loan.get("annual_rate_pct"));
            int n = Integer.parseInt(loan.get("term_months"));
            LocalDate first = LocalDate.parse(loan.get("first_payment_date"));
            BigDecimal r = Num.div(rate, twelveHundred);
            BigDecimal growth = BigDecimal.ONE.add(r).pow(n, MathContext.DECIMAL128);
            BigDecimal payment =
                    Num.round(Num.div(principal.multiply(r).multiply(growth), growth.subtract(BigDecimal.ONE)), 2);
            BigDecimal balance = principal;
            BigDecimal interestTotal = BigDecimal.ZERO;
            BigDecimal paid = BigDecimal.ZERO;
            BigDecimal pay = payment;
            for (int k = 1; k <= n; k++) {
                BigDecimal interest = Num.div(balance.multiply(rate), twelveHundred, 2);
                pay = k == n ? balance.add(interest) : payment;
                balance = balance.subtract(pay.subtract(interest));
                interestTotal = interestTotal.add(interest);
                paid = paid.add(pay);
                schedule.row(
                        loan.get("loan_id"),
                        k,
                        first.plusMonths(k - 1L),
                        Num.round(pay, 2),
                        interest,
                        Num.round(pay.subtract(interest), 2),
                        Num.round(balance, 2));
            }
            summary.row(
                    loan.get("loan_id"), payment, Num.round(pay, 2), Num.round(interestTotal, 2), Num.round(paid, 2));
        }
        ws.write(SCHEDULE, schedule.text());
        ws.write(SUMMARY, summary.text());
        return SessionOutcome.completed();
    }
}
