package dev.ale.samples.packgen;

import static dev.ale.samples.packgen.ContractDeadlinesTask.Clause.plain;

import dev.ale.samples.packgen.ContractDeadlinesTask.Anchor;
import dev.ale.samples.packgen.ContractDeadlinesTask.Clause;
import dev.ale.samples.packgen.ContractDeadlinesTask.Contract;
import dev.ale.samples.packgen.ContractDeadlinesTask.Params;
import dev.ale.samples.packgen.ContractDeadlinesTask.Section;
import dev.ale.samples.packgen.ContractDeadlinesTask.Term;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The wording of the {@code contract-deadlines} agreements: a settlement agreement whose weekend
 * rule moves deadlines to the next Monday, and a supply agreement (as signed, and as amended) whose
 * rule moves them to the preceding Friday; plus the text of the First Amendment. Parties and
 * matters are fictional.
 */
final class ContractsSource {
    private static final String DEFINITIONS = "In this Agreement, \"Business Day\" means any day other than a "
            + "Saturday or Sunday, and capitalised terms have the meanings given to them where they appear in quotation marks.";
    private static final String PERIODS = "A period stated in days means calendar days and excludes the day of the "
            + "event from which the period runs.";

    private ContractsSource() {}

    static Contract settlement(Params p) {
        String preamble = "This Settlement Agreement and Mutual Release (the \"Agreement\") is entered into as of "
                + p.saEffective().format(Formats.LONG_DATE)
                + " (the \"Effective Date\") by and between Lakeview Orchard "
                + "Supply, Inc. (\"Plaintiff\") and Tri-County Irrigation Systems LLC (\"Defendant\") (each a \"Party\") "
                + "to resolve the action Lakeview Orchard Supply, Inc. v. Tri-County Irrigation Systems LLC, Case No. "
                + "24-CV-01877, pending in the Court of Common Pleas of Franklin County, Ohio (the \"Action\").";
        List<Section> sections = List.of(
                new Section(
                        "1. DEFINITIONS AND INTERPRETATION",
                        List.of(plain("1.1", "Definitions", DEFINITIONS), plain("1.2", "Periods of Time", PERIODS))),
                new Section(
                        "2. SETTLEMENT PAYMENT",
                        List.of(
                                new Clause(
                                        "2.1",
                                        "First Instalment",
                                        "Defendant shall pay Plaintiff " + ContractDeadlinesTask.usd(p.firstAmount())
                                                + " (the \"First Instalment\") %s.",
                                        Term.after(Anchor.EFFECTIVE, p.firstDays(), false),
                                        "Pay first settlement instalment"),
                                new Clause(
                                        "2.2",
                                        "Second Instalment",
                                        "Defendant shall pay Plaintiff the balance of the "
                                                + "settlement amount, " + ContractDeadlinesTask.usd(p.secondAmount())
                                                + " (the \"Second Instalment\"), %s.",
                                        Term.after(Anchor.EFFECTIVE, p.secondDays(), false),
                                        "Pay second settlement instalment"),
                                plain(
                                        "2.3",
                                        "Method of Payment",
                                        "All payments shall be made by wire transfer to the client "
                                                + "trust account of Plaintiff's counsel identified in Schedule A."))),
                new Section(
                        "3. DISMISSAL OF THE ACTION",
                        List.of(
                                new Clause(
                                        "3.1",
                                        "Stipulation of Dismissal",
                                        "The Parties shall file with the Court a joint "
                                                + "stipulation dismissing the Action with prejudice %s.",
                                        Term.after(Anchor.EFFECTIVE, p.dismissalDays(), true),
                                        "File stipulation of dismissal"),
                                plain("3.2", "Costs", "Each Party shall bear its own costs and attorneys' fees."))),
                new Section(
                        "4. CONFIDENTIALITY",
                        List.of(
                                plain(
                                        "4.1",
                                        "Confidential Terms",
                                        "The terms of this Agreement are confidential and shall "
                                                + "not be disclosed except as required by law."),
                                new Clause(
                                        "4.2",
                                        "Return of Documents",
                                        "Each Party shall return or destroy all documents "
                                                + "produced by the other Party in discovery in the Action and certify in writing that "
                                                + "it has done so %s.",
                                        Term.after(Anchor.EFFECTIVE, p.returnDays(), false),
                                        "Return or destroy discovery documents and certify"))),
                new Section(
                        "5. COMPLIANCE AND DEFAULT",
                        List.of(
                                new Clause(
                                        "5.1",
                                        "Compliance Certificate",
                                        "Defendant shall deliver to Plaintiff a "
                                                + "certificate signed by an officer confirming that the irrigation controllers "
                                                + "described in Schedule B have been replaced %s.",
                                        Term.on(p.certificateDate()),
                                        "Deliver compliance certificate"),
                                plain(
                                        "5.2",
                                        "Default",
                                        "If Defendant fails to pay any instalment when due, Plaintiff may give "
                                                + "Defendant written notice of default, and Defendant shall cure the default within "
                                                + "ten (10) days after receiving that notice."))),
                new Section(
                        "6. GENERAL",
                        List.of(
                                plain(
                                        "6.1",
                                        "Computation of Time",
                                        "If the last day for performing any act under this "
                                                + "Agreement falls on a Saturday or Sunday, the act may be performed on the next "
                                                + "following Monday. Public holidays do not extend any period."),
                                plain(
                                        "6.2",
                                        "Governing Law",
                                        "This Agreement is governed by the laws of the State of Ohio."),
                                plain(
                                        "6.3",
                                        "Entire Agreement",
                                        "This Agreement is the entire agreement of the Parties about "
                                                + "its subject matter and may be amended only in a writing signed by both Parties."))));
        return new Contract(
                ContractDeadlinesTask.SA_ID,
                "SETTLEMENT AGREEMENT AND MUTUAL RELEASE",
                preamble,
                p.saEffective(),
                null,
                null,
                false,
                sections);
    }

    /** The supply agreement as signed ({@code amended} false) or as the First Amendment leaves it. */
    static Contract supply(Params p, boolean amended) {
        String preamble = "This Supply Agreement (the \"Agreement\") is entered into as of "
                + p.supEffective().format(Formats.LONG_DATE) + " (the \"Effective Date\") between Westfield "
                + "Packaging Components Ltd. (\"Supplier\") and Harmon Foods Processing Inc. (\"Purchaser\") "
                + "(each a \"Party\").";
        int forecastDays = amended ? ContractDeadlinesTask.AMENDED_FORECAST_DAYS : p.forecastDays();
        List<Clause> insurance = new ArrayList<>(List.of(
                plain(
                        "5.1",
                        "Coverage",
                        "Supplier shall maintain commercial general liability insurance of not "
                                + "less than USD 2,000,000 per occurrence and product liability insurance of not less than "
                                + "USD 5,000,000 in the aggregate."),
                plain(
                        "5.2",
                        "Additional Insured",
                        "Supplier shall have Purchaser named as an additional insured "
                                + "under each of those policies.")));
        if (!amended) {
            insurance.add(new Clause(
                    "5.3",
                    "Certificates of Insurance",
                    "Supplier shall deliver to Purchaser "
                            + "certificates of insurance evidencing the coverage required by clause 5.1 %s.",
                    Term.after(Anchor.EFFECTIVE, p.insuranceDays(), true),
                    "Deliver certificates of insurance"));
        }
        List<Clause> quality = new ArrayList<>(List.of(
                plain("7.1", "Specifications", "The Products shall conform to the specifications in Schedule 1."),
                plain(
                        "7.2",
                        "Non-conforming Products",
                        "Purchaser may reject non-conforming Products by notice "
                                + "given within ten (10) Business Days after their delivery.")));
        if (amended) {
            quality.add(auditClause(p));
        }
        List<Section> sections = List.of(
                new Section(
                        "1. DEFINITIONS AND INTERPRETATION",
                        List.of(
                                plain(
                                        "1.1",
                                        "Definitions",
                                        DEFINITIONS
                                                + " \"Products\" means the moulded fibre trays described in Schedule 1."),
                                plain("1.2", "Periods of Time", PERIODS))),
                new Section(
                        "2. SUPPLY",
                        List.of(
                                plain(
                                        "2.1",
                                        "Supply of Products",
                                        "Supplier shall manufacture and "
                                                + "sell the Products to Purchaser, and Purchaser shall buy them, on the terms of this Agreement."))),
                new Section(
                        "3. FORECASTS AND ORDERS",
                        List.of(
                                plain(
                                        "3.1",
                                        "Purchase Orders",
                                        "Purchaser shall order Products by written purchase order."),
                                new Clause(
                                        "3.2",
                                        "Initial Forecast",
                                        "Purchaser shall deliver to Supplier a rolling "
                                                + "twelve-month forecast of its requirements %s.",
                                        Term.after(Anchor.EFFECTIVE, forecastDays, false),
                                        "Deliver initial 12-month forecast"),
                                plain(
                                        "3.3",
                                        "Acknowledgement",
                                        "Supplier shall acknowledge each purchase order within two (2) "
                                                + "Business Days after receiving it."))),
                new Section(
                        "4. PRICES AND PAYMENT",
                        List.of(
                                plain("4.1", "Prices", "The prices of the Products are set out in Schedule 2."),
                                plain(
                                        "4.2",
                                        "Payment",
                                        "Purchaser shall pay each undisputed invoice within forty-five (45) "
                                                + "days after receiving it."))),
                new Section("5. INSURANCE", insurance),
                new Section(
                        "6. PRICE REVIEW",
                        List.of(
                                new Clause(
                                        "6.1",
                                        "Price Review Notice",
                                        "Supplier may propose a change to the prices in "
                                                + "Schedule 2 for the following calendar year only by written notice to Purchaser "
                                                + "given %s.",
                                        Term.on(p.priceReviewDate()),
                                        "Last day for supplier's price review notice"),
                                plain(
                                        "6.2",
                                        "Review Meeting",
                                        "The Parties shall meet within fifteen (15) days after "
                                                + "Purchaser receives a price review notice."))),
                new Section("7. QUALITY", quality),
                new Section(
                        "8. DEFAULT",
                        List.of(plain(
                                "8.1",
                                "Material Breach",
                                "If a Party commits a material "
                                        + "breach, the other Party may terminate this Agreement by notice if the breach is not cured "
                                        + "within thirty (30) days after the breaching Party receives notice of it."))),
                new Section(
                        "9. TERM AND RENEWAL",
                        List.of(
                                plain(
                                        "9.1",
                                        "Term",
                                        "This Agreement starts on the Effective Date and expires on "
                                                + expiration(amended).format(Formats.LONG_DATE)
                                                + " (the \"Expiration Date\"), unless renewed under clause 9.3."),
                                new Clause(
                                        "9.2",
                                        "Notice of Non-Renewal",
                                        "A Party that does not wish this Agreement to renew "
                                                + "shall give the other Party written notice of non-renewal %s.",
                                        Term.after(Anchor.EXPIRATION, p.nonRenewalDays(), false),
                                        "Last day for notice of non-renewal"),
                                plain(
                                        "9.3",
                                        "Renewal",
                                        "Unless a notice of non-renewal is given, this Agreement renews for "
                                                + "one further period of twelve months."),
                                new Clause(
                                        "9.4",
                                        "Transition Plan",
                                        "Supplier shall deliver to Purchaser a written plan for "
                                                + "the orderly transition of supply %s.",
                                        Term.after(Anchor.EXPIRATION, p.transitionDays(), false),
                                        "Deliver transition plan"))),
                new Section(
                        "10. GENERAL",
                        List.of(
                                plain(
                                        "10.1",
                                        "Computation of Time",
                                        "If any date by which notice must be given or an act "
                                                + "performed under this Agreement falls on a Saturday or Sunday, that notice must be "
                                                + "given or act performed on the preceding Friday. Public holidays do not change any date."),
                                plain(
                                        "10.2",
                                        "Notices",
                                        "Notices must be in writing and delivered by hand, courier or email "
                                                + "to the addresses in Schedule 3."),
                                plain(
                                        "10.3",
                                        "Governing Law",
                                        "This Agreement is governed by the laws of the State of Michigan."))));
        return new Contract(
                ContractDeadlinesTask.SUP_ID,
                "SUPPLY AGREEMENT",
                preamble,
                p.supEffective(),
                amended ? p.amendmentEffective() : null,
                expiration(amended),
                true,
                sections);
    }

    static String amendment(Params p) {
        String forecastBefore = ContractTexts.period(p.forecastDays()) + " days";
        String forecastAfter = ContractTexts.period(ContractDeadlinesTask.AMENDED_FORECAST_DAYS) + " days";
        return String.join(
                "\n\n",
                "FIRST AMENDMENT TO SUPPLY AGREEMENT\nContract ID: " + ContractDeadlinesTask.SUP_ID,
                ContractTexts.wrap(
                        "This First Amendment (the \"Amendment\") is made as of "
                                + p.amendmentEffective().format(Formats.LONG_DATE)
                                + " (the \"Amendment Effective Date\") "
                                + "between Westfield Packaging Components Ltd. (\"Supplier\") and Harmon Foods Processing Inc. "
                                + "(\"Purchaser\") and amends the Supply Agreement between them dated as of "
                                + p.supEffective().format(Formats.LONG_DATE)
                                + " (the \"Agreement\"). Capitalised terms have "
                                + "the meanings given to them in the Agreement.",
                        ""),
                ContractTexts.wrap(
                        "1. Clause 3.2 of the Agreement is amended by replacing \"" + forecastBefore + "\" with \""
                                + forecastAfter + "\".",
                        "   "),
                ContractTexts.wrap("2. Clause 5.3 of the Agreement is deleted in its entirety.", "   "),
                ContractTexts.wrap(
                        "3. Clause 9.1 of the Agreement is amended by replacing \""
                                + ContractDeadlinesTask.EXPIRATION.format(Formats.LONG_DATE) + "\" with \""
                                + ContractDeadlinesTask.AMENDED_EXPIRATION.format(Formats.LONG_DATE)
                                + "\", so that the Expiration Date is "
                                + ContractDeadlinesTask.AMENDED_EXPIRATION.format(Formats.LONG_DATE) + ".",
                        "   "),
                ContractTexts.wrap(
                        "4. The following new clause 7.3 is added to the Agreement after clause 7.2:", "   "),
                ContractTexts.wrap("\"" + ContractTexts.clause(auditClause(p)) + "\"", "   ")
                        .indent(3)
                        .stripTrailing(),
                ContractTexts.wrap(
                        "5. Except as amended by this Amendment, the Agreement remains in full force and "
                                + "effect. This Amendment may be signed in counterparts.",
                        "   "));
    }

    private static Clause auditClause(Params p) {
        return new Clause(
                "7.3",
                "First Quality Audit",
                "Supplier shall complete the first quality audit of its " + "production line for the Products %s.",
                Term.after(Anchor.AMENDMENT, p.auditDays(), false),
                "Complete first quality audit");
    }

    private static LocalDate expiration(boolean amended) {
        return amended ? ContractDeadlinesTask.AMENDED_EXPIRATION : ContractDeadlinesTask.EXPIRATION;
    }
}
