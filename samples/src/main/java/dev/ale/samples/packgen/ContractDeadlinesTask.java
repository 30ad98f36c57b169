package dev.ale.samples.packgen;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * {@code contract-deadlines}: a two-session docketing task. Session 1 hands over a settlement
 * agreement and a supply agreement and asks for every computable deadline; session 2 brings an
 * amendment to the supply agreement that moves, deletes and adds deadlines. Only the final table
 * is graded. Each agreement has its own weekend rule (next Monday, or preceding Friday).
 */
final class ContractDeadlinesTask {
    static final String ID = "contract-deadlines";
    static final String OUTPUT = "deadlines.csv";
    static final String SA_ID = "SA-2025-031";
    static final String SUP_ID = "SUP-2025-117";
    static final LocalDate EXPIRATION = LocalDate.of(2027, 2, 28);
    static final LocalDate AMENDED_EXPIRATION = LocalDate.of(2027, 8, 31);
    static final int AMENDED_FORECAST_DAYS = 35;

    /** What a relative deadline runs from. */
    enum Anchor {
        EFFECTIVE,
        AMENDMENT,
        EXPIRATION
    }

    /** A deadline: a fixed date, or a number of (business) days after or before an anchor date. */
    record Term(Anchor anchor, int days, boolean business, LocalDate fixedDate) {
        static Term after(Anchor anchor, int days, boolean business) {
            return new Term(anchor, days, business, null);
        }

        static Term on(LocalDate date) {
            return new Term(null, 0, false, date);
        }
    }

    /** A numbered clause; {@code text} holds {@code %s} where its deadline phrase goes when it has a term. */
    record Clause(String number, String title, String text, Term term, String event) {
        static Clause plain(String number, String title, String text) {
            return new Clause(number, title, text, null, "");
        }
    }

    record Section(String heading, List<Clause> clauses) {}

    record Contract(
            String id,
            String title,
            String preamble,
            LocalDate effective,
            LocalDate amendmentEffective,
            LocalDate expiration,
            boolean rollBack,
            List<Section> sections) {}

    /** The random choices of one generation; drawn again until both weekend rules come into play. */
    record Params(
            LocalDate saEffective,
            int firstDays,
            int secondDays,
            int dismissalDays,
            int returnDays,
            LocalDate certificateDate,
            int firstAmount,
            int secondAmount,
            LocalDate supEffective,
            LocalDate amendmentEffective,
            int forecastDays,
            int insuranceDays,
            LocalDate priceReviewDate,
            int auditDays,
            int nonRenewalDays,
            int transitionDays) {}

    private ContractDeadlinesTask() {}

    static TaskFiles generate(Random random, long seed) {
        Params p;
        do {
            p = draw(random);
        } while (!rolls(ContractsSource.settlement(p)) || !rolls(ContractsSource.supply(p, true)));
        Contract settlement = ContractsSource.settlement(p);
        Contract supply = ContractsSource.supply(p, false);
        Contract amended = ContractsSource.supply(p, true);

        TaskFiles task = new TaskFiles(SamplePackGenerator.CARDS.get(ID));
        task.put("inputs/contracts/settlement-agreement.txt", Formats.text(ContractTexts.render(settlement)));
        task.put("inputs/contracts/supply-agreement.txt", Formats.text(ContractTexts.render(supply)));
        task.put("sessions/2/amendment-1.txt", Formats.text(ContractsSource.amendment(p)));
        List<List<String>> rows = new ArrayList<>(rows(settlement));
        rows.addAll(rows(amended));
        byte[] expected = Formats.csv(List.of("contract", "clause", "event", "due_date"), rows);
        task.put("reference/expected.csv", expected);
        task.put("solution/" + OUTPUT, expected);

        ObjectNode columns = Formats.object();
        columns.set("due_date", VerifierConfigs.text(false));
        ObjectNode verifier = VerifierConfigs.gatedWeighted(
                new String[] {OUTPUT},
                1,
                List.of(VerifierConfigs.child(
                        "deadlines after the amendment",
                        9,
                        VerifierConfigs.csv(OUTPUT, "expected.csv", List.of("contract", "clause"), columns))));
        task.putTaskJson(List.of(firstInstruction(), secondInstruction()), verifier, seed);
        return task;
    }

    private static Params draw(Random r) {
        LocalDate saEffective = weekday(LocalDate.of(2025, 4, 1).plusDays(r.nextInt(25)));
        LocalDate supEffective = weekday(LocalDate.of(2025, 5, 1).plusDays(r.nextInt(9)));
        return new Params(
                saEffective,
                pick(r, 10, 14, 15, 20, 21),
                pick(r, 60, 75, 90),
                pick(r, 5, 7, 10),
                pick(r, 30, 45),
                LocalDate.of(2025, 9, 1).plusDays(r.nextInt(30)),
                5 * Formats.between(r, 4, 12),
                5 * Formats.between(r, 4, 12),
                supEffective,
                weekday(supEffective.plusDays(Formats.between(r, 7, 12))),
                pick(r, 14, 21),
                pick(r, 10, 15),
                LocalDate.of(2025, 10, 20).plusDays(r.nextInt(21)),
                pick(r, 45, 60),
                pick(r, 60, 90, 120),
                pick(r, 30, 45));
    }

    private static int pick(Random r, int... choices) {
        return choices[r.nextInt(choices.length)];
    }

    private static LocalDate weekday(LocalDate d) {
        return Formats.nextBusinessDayOnOrAfter(d);
    }

    /** Whether at least one deadline of the contract falls on a weekend before its rule moves it. */
    private static boolean rolls(Contract c) {
        return c.sections().stream()
                .flatMap(s -> s.clauses().stream())
                .filter(cl -> cl.term() != null)
                .anyMatch(cl -> Formats.isWeekend(unrolled(c, cl.term())));
    }

    private static List<List<String>> rows(Contract c) {
        return c.sections().stream()
                .flatMap(s -> s.clauses().stream())
                .filter(cl -> cl.term() != null)
                .map(cl -> List.of(
                        c.id(), cl.number(), cl.event(), due(c, cl.term()).toString()))
                .toList();
    }

    static LocalDate due(Contract c, Term t) {
        LocalDate d = unrolled(c, t);
        while (Formats.isWeekend(d)) {
            d = c.rollBack() ? d.minusDays(1) : d.plusDays(1);
        }
        return d;
    }

    private static LocalDate unrolled(Contract c, Term t) {
        if (t.fixedDate() != null) {
            return t.fixedDate();
        }
        return switch (t.anchor()) {
            case EFFECTIVE -> plus(c.effective(), t);
            case AMENDMENT -> plus(c.amendmentEffective(), t);
            case EXPIRATION -> c.expiration().minusDays(t.days());
        };
    }

    private static LocalDate plus(LocalDate anchor, Term t) {
        if (!t.business()) {
            return anchor.plusDays(t.days());
        }
        LocalDate d = anchor;
        for (int left = t.days(); left > 0; ) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return d;
    }

    static String usd(int thousands) {
        return String.format(Locale.US, "USD %,d.00", thousands * 1000);
    }

    private static String firstInstruction() {
        return """
                You are a paralegal who keeps the firm's deadline docket. Docket the deadlines of two \
                executed agreements in the workspace:
                - `contracts/settlement-agreement.txt`
                - `contracts/supply-agreement.txt`

                Write `deadlines.csv` with the header `contract,clause,event,due_date` and one row for every \
                clause that gives a party a deadline whose date can be worked out from the agreement itself: \
                a fixed date ("on or before ..."), or a number of days or Business Days after the Effective \
                Date (or the Amendment Effective Date), or before the Expiration Date. Leave out obligations \
                that run from events that have not happened yet (such as receiving a notice or an invoice).

                - contract: the Contract ID printed at the top of the agreement (for example SA-2025-031)
                - clause: the clause number as printed (for example 2.1)
                - event: a short description in your own words (not graded)
                - due_date: the last day to act, as YYYY-MM-DD

                Days are calendar days and do not count the day the period runs from (15 days after \
                7 April is 22 April). Business Days are Monday to Friday. "At least N days before" a date \
                gives that date minus N days. Then apply that agreement's own rule for a date that falls on \
                a Saturday or Sunday. Public holidays are ignored. Rows may come in any order; rows are \
                matched by contract and clause, and rows for clauses without such a deadline cost credit.""";
    }

    private static String secondInstruction() {
        return """
                The parties to the supply agreement have signed a First Amendment: `amendment-1.txt` in the \
                workspace. Update `deadlines.csv` so that it shows the deadlines of both agreements as they \
                stand after the amendment: change the rows whose deadline moved, remove the rows of deleted \
                clauses and add rows for new clauses. Same columns and rules as before. Only the final \
                `deadlines.csv` is graded.""";
    }
}
