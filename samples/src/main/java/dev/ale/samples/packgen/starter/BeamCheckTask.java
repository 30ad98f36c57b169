package dev.ale.samples.packgen.starter;

import static dev.ale.samples.packgen.starter.Grading.columns;

import java.util.Random;

/**
 * {@code beam-load-check}: serviceability and strength checks of simply supported steel floor
 * beams carrying a uniform load and one point load: reactions, the maximum bending moment (under
 * the point load or where the shear changes sign), bending stress against the allowable, and the
 * live-load midspan deflection against span/360. Sections are fictional.
 */
final class BeamCheckTask {
    static final String ID = "beam-load-check";
    static final double E_MPA = 200_000;
    static final double ALLOWABLE_MPA = 165;
    /** section, I (cm4), Wel (cm3). */
    private static final String[][] SECTIONS = Catalogs.table(ID, "SECTIONS");

    private BeamCheckTask() {}

    static void generate(StarterTask task, Random random) {
        Table sections = new Table("section,I_cm4,Wel_cm3").addAll(SECTIONS);
        Table beams = new Table("beam_id,span_m,section,dead_udl_kn_m,live_udl_kn_m,point_load_kn,point_position_m");
        Table checks = new Table(
                "beam_id,reaction_left_kn,reaction_right_kn,max_moment_knm,bending_stress_mpa,stress_ratio,live_deflection_mm,deflection_limit_mm,status");
        for (int b = 0; b < 12; b++) {
            double span = Dec.random(random, 4, 9, 1).doubleValue();
            String[] section =
                    SECTIONS[Math.max(0, Math.min(SECTIONS.length - 1, (int) (span - 4) - 1 + random.nextInt(3)))];
            double dead = Dec.random(random, 2, 6, 1).doubleValue();
            double live = Dec.random(random, 2.5, 8, 1).doubleValue();
            double p = b % 4 == 3 ? 0 : Dec.random(random, 5, 35, 1).doubleValue();
            double a = Dec.random(random, 0.5, span - 0.5, 1).doubleValue();
            String id = "B-" + (b / 4 + 1) + "0" + (b % 4 + 1);
            beams.row(id, Dec.of(span, 1), section[0], Dec.of(dead, 1), Dec.of(live, 1), Dec.of(p, 1), Dec.of(a, 1));
            double w = dead + live;
            double rl = w * span / 2 + p * (span - a) / span;
            double rr = w * span / 2 + p * a / span;
            double m = Math.max(
                    moment(rl, w, p, a, a),
                    Math.max(
                            moment(rl, w, p, a, clamp(rl / w, 0, a)),
                            moment(rl, w, p, a, clamp((rl - p) / w, a, span))));
            double stress = m * 1000 / Double.parseDouble(section[2]);
            double ratio = stress / ALLOWABLE_MPA;
            double l = span * 1000;
            double inertia = Double.parseDouble(section[1]) * 1e4;
            double near = Math.min(a, span - a) * 1000;
            double deflection = 5 * live * StrictMath.pow(l, 4) / (384 * E_MPA * inertia)
                    + p * 1000 * near * (3 * l * l - 4 * near * near) / (48 * E_MPA * inertia);
            double limit = l / 360;
            boolean bending = ratio > 1;
            boolean deflects = deflection > limit;
            String status =
                    bending && deflects ? "FAIL_BOTH" : bending ? "FAIL_BENDING" : deflects ? "FAIL_DEFLECTION" : "OK";
            checks.row(
                    id,
                    Dec.of(rl, 2),
                    Dec.of(rr, 2),
                    Dec.of(m, 2),
                    Dec.of(stress, 1),
                    Dec.of(ratio, 3),
                    Dec.of(deflection, 2),
                    Dec.of(limit, 2),
                    status);
        }
        task.input("beams.csv", beams);
        task.input("sections.csv", sections);
        task.csv("beam_checks.csv", checks, "beam_id")
                .rows(
                        "reactions and moment",
                        3,
                        columns().num(0.05, "reaction_left_kn", "reaction_right_kn", "max_moment_knm"))
                .rows(
                        "bending check",
                        2,
                        columns().num(0.5, "bending_stress_mpa").num(0.005, "stress_ratio"))
                .rows("deflection check", 2, columns().num(0.05, "live_deflection_mm", "deflection_limit_mm"))
                .rows("verdicts", 2, columns().anyCase("status"));
        task.instructions(instruction(checks));
    }

    private static double moment(double rl, double w, double p, double a, double x) {
        return rl * x - w * x * x / 2 - (x > a ? p * (x - a) : 0);
    }

    private static double clamp(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }

    private static String instruction(Table checks) {
        return """
                You are a structural engineer checking the steel floor beams of a mezzanine before the \
                drawings are issued. Each beam is simply supported (pinned at both ends) and carries a \
                uniformly distributed dead load, a uniformly distributed live load, and one concentrated live \
                load at a distance from the left support (0 kN where there is none).

                Files in the workspace: `beams.csv` (span, section, loads and point-load position) and \
                `sections.csv` (second moment of area I in cm4 and elastic section modulus Wel in cm3 of each \
                section). Steel: E = 200,000 MPa; allowable bending stress 165 MPa.

                For each beam, with w = dead + live (kN/m), P the point load at a from the left, span L:
                1. reaction_left_kn = w L / 2 + P (L - a) / L; reaction_right_kn = w L / 2 + P a / L.
                2. max_moment_knm: the largest bending moment along the beam under w and P (it occurs under \
                the point load or where the shear force changes sign).
                3. bending_stress_mpa = max_moment (kN m) x 1000 / Wel (cm3); stress_ratio = \
                bending_stress_mpa / 165.
                4. live_deflection_mm: the midspan deflection under the live loads only: 5 w_live L^4 / (384 \
                E I) for the uniform live load plus P b (3 L^2 - 4 b^2) / (48 E I) for the point load, where \
                b = min(a, L - a); in consistent units (N, mm, MPa, mm4).
                5. deflection_limit_mm = L / 360 (L in mm).
                6. status: OK; FAIL_BENDING when stress_ratio > 1; FAIL_DEFLECTION when live_deflection_mm > \
                deflection_limit_mm; FAIL_BOTH when both fail.

                Write `beam_checks.csv` with the header `{header}` and one row per beam. Round reactions, \
                moments and deflections to 2 decimal places, stress to 1 and the ratio to 3.

                Grading: rows are matched by beam_id; reactions, moments and deflections are graded within \
                0.05, stress within 0.5 MPa, the ratio within 0.005, and the status is compared without \
                case; rows for unknown beams cost credit."""
                .replace("{header}", checks.headerLine());
    }
}
