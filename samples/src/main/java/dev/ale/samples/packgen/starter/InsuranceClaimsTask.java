package dev.ale.samples.packgen.starter;

import static dev.ale.samples.packgen.starter.Grading.columns;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.samples.packgen.Formats;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * {@code insurance-claim-adjudication}: a two-session homeowners claims task. Session 1 adjudicates
 * a quarter's claims against the policies and their terms: coverage period, excluded perils, late
 * notice, deductibles, per-occurrence limits and annual aggregates, and the water-backup
 * endorsement with its own sublimit and deductible. Session 2 brings the supervisor's review: a
 * missing endorsement, revised claim amounts and a late-reported claim. Only the final
 * adjudication is graded.
 */
final class InsuranceClaimsTask {
    static final String ID = "insurance-claim-adjudication";
    static final Set<String> EXCLUDED = Set.of("FLOOD", "EARTH_MOVEMENT", "WEAR_AND_TEAR", "MOLD");
    private static final String[] PERILS = {
        "FIRE",
        "WIND_HAIL",
        "THEFT",
        "WATER_DAMAGE",
        "VANDALISM",
        "WATER_BACKUP",
        "FLOOD",
        "WEAR_AND_TEAR",
        "WIND_HAIL",
        "WATER_DAMAGE",
        "THEFT",
        "WATER_BACKUP",
        "MOLD",
        "EARTH_MOVEMENT"
    };
    private static final String[] INSUREDS = {
        "R. Alvarez", "J. Whitaker", "M. Osei", "K. Lindgren", "T. Moreau", "P. Castellano", "D. Kowalski", "S. Haddad"
    };

    record Policy(
            String id,
            String insured,
            LocalDate from,
            LocalDate to,
            BigDecimal deductible,
            BigDecimal limit,
            BigDecimal aggregate,
            String endorsement) {}

    record Claim(String id, String policy, LocalDate loss, LocalDate reported, String peril, BigDecimal claimed) {}

    private InsuranceClaimsTask() {}

    static void generate(StarterTask task, Random random) {
        List<Policy> policies = new ArrayList<>();
        for (int p = 0; p < INSUREDS.length; p++) {
            LocalDate from = LocalDate.of(2024, 3 + p, 1 + random.nextInt(28));
            policies.add(new Policy(
                    "HO-" + (60411 + 7 * p),
                    INSUREDS[p],
                    from,
                    from.plusYears(1).minusDays(1),
                    Dec.of(new String[] {"500.00", "1000.00", "2500.00"}[random.nextInt(3)]),
                    Dec.of(new String[] {"25000.00", "50000.00", "75000.00"}[random.nextInt(3)]),
                    Dec.of(new String[] {"60000.00", "100000.00"}[random.nextInt(2)]),
                    p % 3 == 0 ? "WB-10" : ""));
        }
        Policy missing = policies.get(4);
        List<Claim> claims = new ArrayList<>();
        for (int c = 0; c < 30; c++) {
            Policy p = policies.get(random.nextInt(policies.size()));
            String peril = c == 7 || c == 19 ? "WATER_BACKUP" : PERILS[random.nextInt(PERILS.length)];
            if (c == 7 || c == 19) {
                p = missing;
            }
            LocalDate loss = LocalDate.of(2025, 1, 2).plusDays(random.nextInt(88));
            if (c % 11 == 5) {
                p = policies.get(0);
                loss = p.to().plusDays(1 + random.nextInt(3));
            }
            LocalDate reported = loss.plusDays(c % 9 == 4 ? 61 + random.nextInt(30) : random.nextInt(45));
            BigDecimal claimed = c % 10 == 8
                    ? Dec.random(random, 150, 900, 2)
                    : c % 7 == 3 ? Dec.random(random, 30000, 90000, 2) : Dec.random(random, 1200, 24000, 2);
            claims.add(new Claim("CL-" + (88001 + c), p.id(), loss, reported, peril, claimed));
        }
        List<Claim> revisedClaims = new ArrayList<>(claims);
        Table supplement = new Table("claim_id,policy_id,loss_date,reported_date,peril,claimed_amount,note");
        for (int k : new int[] {2, 13}) {
            Claim c = claims.get(k);
            Claim changed = new Claim(
                    c.id(),
                    c.policy(),
                    c.loss(),
                    c.reported(),
                    c.peril(),
                    Dec.round(c.claimed().multiply(Dec.of("1.35")), 2));
            revisedClaims.set(k, changed);
            supplement.row(
                    c.id(),
                    c.policy(),
                    c.loss(),
                    c.reported(),
                    c.peril(),
                    changed.claimed(),
                    "Revised amount: contractor's final estimate");
        }
        Claim late = new Claim(
                "CL-" + (88001 + claims.size()),
                policies.get(1).id(),
                LocalDate.of(2025, 3, 27),
                LocalDate.of(2025, 4, 3),
                "WIND_HAIL",
                Dec.random(random, 8000, 30000, 2));
        revisedClaims.add(late);
        supplement.row(
                late.id(), late.policy(), late.loss(), late.reported(), late.peril(), late.claimed(), "New claim");
        List<Policy> revisedPolicies = new ArrayList<>(policies);
        revisedPolicies.set(
                4,
                new Policy(
                        missing.id(),
                        missing.insured(),
                        missing.from(),
                        missing.to(),
                        missing.deductible(),
                        missing.limit(),
                        missing.aggregate(),
                        "WB-10"));

        Table policyTable = new Table(
                "policy_id,insured,effective_date,expiration_date,deductible,per_occurrence_limit,annual_aggregate,endorsements");
        policies.forEach(p -> policyTable.row(
                p.id(), p.insured(), p.from(), p.to(), p.deductible(), p.limit(), p.aggregate(), p.endorsement()));
        Table claimTable = new Table("claim_id,policy_id,loss_date,reported_date,peril,claimed_amount");
        claims.forEach(c -> claimTable.row(c.id(), c.policy(), c.loss(), c.reported(), c.peril(), c.claimed()));
        Table result = new Table("claim_id,decision,reason,payable_amount");
        ObjectNode summary = adjudicate(revisedPolicies, revisedClaims, result);
        task.input("policies.csv", policyTable);
        task.input("claims.csv", claimTable);
        task.input("policy_terms.md", InsuranceTexts.terms());
        task.later(2, "supervisor-review.txt", InsuranceTexts.review(missing.id()));
        task.later(2, "claims_supplement.csv", supplement);
        task.csv("adjudication.csv", result, "claim_id")
                .rows("decisions", 4, columns().text("decision", "reason"))
                .rows("payable amounts", 4, columns().num(0.01, "payable_amount"));
        task.json("claims_summary.json", summary).fields("summary", 1, 0.01);
        task.instructions(InsuranceTexts.first(result), InsuranceTexts.second());
    }

    /** Adjudicates the claims in loss-date order (the aggregate runs in that order), writing rows in claim order. */
    static ObjectNode adjudicate(List<Policy> policies, List<Claim> claims, Table out) {
        Map<String, Policy> byId = new HashMap<>();
        policies.forEach(p -> byId.put(p.id(), p));
        Map<String, BigDecimal> used = new HashMap<>();
        Map<String, String[]> rows = new HashMap<>();
        List<Claim> order = new ArrayList<>(claims);
        order.sort(Comparator.comparing(Claim::loss).thenComparing(Claim::id));
        int paid = 0;
        BigDecimal total = BigDecimal.ZERO;
        for (Claim c : order) {
            Policy p = byId.get(c.policy());
            boolean backup = c.peril().equals("WATER_BACKUP");
            String reason;
            BigDecimal payable = Dec.of("0.00");
            if (c.loss().isBefore(p.from()) || c.loss().isAfter(p.to())) {
                reason = "NOT_IN_FORCE";
            } else if (EXCLUDED.contains(c.peril())
                    || backup && !p.endorsement().equals("WB-10")) {
                reason = "EXCLUDED_PERIL";
            } else if (ChronoUnit.DAYS.between(c.loss(), c.reported()) > 60) {
                reason = "LATE_NOTICE";
            } else {
                BigDecimal net = c.claimed().subtract(backup ? Dec.of("1000.00") : p.deductible());
                if (net.signum() <= 0) {
                    reason = "BELOW_DEDUCTIBLE";
                } else {
                    BigDecimal remaining = p.aggregate().subtract(used.getOrDefault(p.id(), BigDecimal.ZERO));
                    if (remaining.signum() <= 0) {
                        reason = "AGGREGATE_EXHAUSTED";
                    } else {
                        payable =
                                net.min(backup ? Dec.of("10000.00") : p.limit()).min(remaining);
                        reason = payable.compareTo(net) < 0 ? "LIMIT_APPLIED" : "COVERED";
                        used.merge(p.id(), payable, BigDecimal::add);
                    }
                }
            }
            boolean pay = payable.signum() > 0;
            paid += pay ? 1 : 0;
            total = total.add(payable);
            rows.put(c.id(), new String[] {
                pay ? "PAY" : "DENY", reason, Dec.round(payable, 2).toPlainString()
            });
        }
        for (Claim c : claims) {
            String[] r = rows.get(c.id());
            out.row(c.id(), r[0], r[1], r[2]);
        }
        ObjectNode summary =
                Formats.object().put("claims", claims.size()).put("paid", paid).put("denied", claims.size() - paid);
        summary.set("total_payable", Formats.number(Dec.round(total, 2)));
        return summary;
    }
}
