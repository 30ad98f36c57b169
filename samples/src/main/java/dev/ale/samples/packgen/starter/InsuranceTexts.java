package dev.ale.samples.packgen.starter;

/** The wording of {@code insurance-claim-adjudication}: policy terms, instructions and the supervisor's review. */
final class InsuranceTexts {
    private InsuranceTexts() {}

    static String terms() {
        return """
                HEARTHSTONE MUTUAL - HOMEOWNERS POLICY HM-3, SUMMARY OF TERMS (fictional)

                Coverage period. A loss is covered only if it occurs from the effective date to the expiration \
                date of the policy, both inclusive.

                Perils. Covered: FIRE, WIND_HAIL, THEFT, WATER_DAMAGE (sudden and accidental discharge), \
                VANDALISM. Excluded: FLOOD, EARTH_MOVEMENT, WEAR_AND_TEAR, MOLD. WATER_BACKUP (backup of \
                sewers or drains) is excluded unless the policy carries endorsement WB-10.

                Endorsement WB-10, water backup. Covers WATER_BACKUP losses with a deductible of 1,000.00 \
                (instead of the policy deductible) and a limit of 10,000.00 per occurrence (instead of the \
                per-occurrence limit). WB-10 payments count towards the annual aggregate.

                Notice. A loss reported more than 60 days after it occurred is not covered.

                Settlement. The amount payable = the claimed amount - the deductible; nothing is payable when \
                that is zero or less. The payable amount is limited to the per-occurrence limit, and further \
                to what is left of the policy's annual aggregate, which is reduced by every amount paid on the \
                policy. Claims draw on the aggregate in the order of their loss dates (then claim_id).""";
    }

    static String first(Table result) {
        return """
                You are a claims examiner at Hearthstone Mutual. Adjudicate the homeowners claims of the \
                first quarter of 2025.

                Files in the workspace: `policies.csv` (coverage dates, deductible, per-occurrence limit, \
                annual aggregate and endorsements of each policy), `claims.csv` (the claims) and \
                `policy_terms.md` (the policy terms).

                For each claim decide, checking in this order:
                1. NOT_IN_FORCE: the loss date is outside the policy's coverage period.
                2. EXCLUDED_PERIL: the peril is excluded (WATER_BACKUP without endorsement WB-10).
                3. LATE_NOTICE: reported more than 60 days after the loss.
                4. BELOW_DEDUCTIBLE: the claimed amount does not exceed the applicable deductible.
                5. AGGREGATE_EXHAUSTED: nothing is left of the policy's annual aggregate.
                6. Otherwise the claim is paid: LIMIT_APPLIED when the per-occurrence limit (or the WB-10 \
                limit) or the remaining aggregate reduced the payment, COVERED when it did not.
                decision is PAY for the paid claims and DENY for the rest (payable_amount 0.00).

                Write `adjudication.csv` with the header `{header}` (one row per claim, amounts with 2 \
                decimal places) and `claims_summary.json`: one JSON object with "claims", "paid", "denied" \
                (counts) and "total_payable".

                Grading: only the files as they stand at the end of the task are graded. Rows are matched by \
                claim_id; decision and reason must be exact and amounts are graded within 0.01; rows for \
                unknown claims cost credit."""
                .replace("{header}", result.headerLine());
    }

    static String second() {
        return """
                Your supervisor has reviewed the adjudication: `supervisor-review.txt` and \
                `claims_supplement.csv` are now in the workspace. Apply the review and update \
                `adjudication.csv` and `claims_summary.json` so that they cover every claim as it stands \
                now. Same rules, columns and grading as before.""";
    }

    static String review(String policyId) {
        return """
                CLAIMS SUPERVISOR REVIEW - Q1 2025 HOMEOWNERS

                1. Policy {policy} carries endorsement WB-10 from inception; it was left out of the policy \
                extract by mistake. Treat it as endorsed.
                2. claims_supplement.csv revises the claimed amount of two claims (the contractors' final \
                estimates replace the first estimates) and adds a claim reported after the first run. Use \
                the supplement's figures for those claims; everything else in claims.csv stands.
                3. Re-run the aggregates from scratch in loss-date order with the corrected data."""
                .replace("{policy}", policyId);
    }
}
