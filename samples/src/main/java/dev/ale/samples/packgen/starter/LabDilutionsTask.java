package dev.ale.samples.packgen.starter;

import static dev.ale.samples.packgen.starter.Grading.columns;

import java.math.BigDecimal;
import java.util.Random;

/**
 * {@code lab-dilutions}: a preparation sheet for a molecular-biology lab's weekly solutions:
 * masses to weigh for solids (corrected for purity) and stock volumes for dilutions
 * (C1 V1 = C2 V2), with a flag on volumes too small to pipette.
 */
final class LabDilutionsTask {
    static final String ID = "lab-dilutions";

    private record Reagent(String name, String form, String molarMass, String purity, String stockM) {}

    /** A request template: the reagent and the concentrations it may be asked for. */
    private record Ask(int reagent, String[] concentrations) {}

    private static final Reagent[] REAGENTS = {
        new Reagent("Sodium chloride", "SOLID", "58.44", "99.5", null),
        new Reagent("Tris base", "SOLID", "121.14", "99.8", null),
        new Reagent("EDTA disodium dihydrate", "SOLID", "372.24", "99.0", null),
        new Reagent("Potassium phosphate monobasic", "SOLID", "136.09", "99.0", null),
        new Reagent("Magnesium chloride hexahydrate", "SOLID", "203.30", "98.0", null),
        new Reagent("D-Glucose", "SOLID", "180.16", "99.5", null),
        new Reagent("Hydrochloric acid stock", "STOCK", null, null, "12.1"),
        new Reagent("Sodium hydroxide stock", "STOCK", null, null, "10.0"),
        new Reagent("Tris-HCl pH 8.0 stock", "STOCK", null, null, "1.0"),
        new Reagent("EDTA pH 8.0 stock", "STOCK", null, null, "0.5"),
        new Reagent("Magnesium chloride stock", "STOCK", null, null, "1.0"),
        new Reagent("Dithiothreitol stock", "STOCK", null, null, "1.0"),
    };
    private static final Ask[] ASKS = {
        new Ask(0, new String[] {"150 mM", "1 M", "5 M"}),
        new Ask(1, new String[] {"50 mM", "1 M", "100 mM"}),
        new Ask(2, new String[] {"0.5 M", "10 mM"}),
        new Ask(3, new String[] {"100 mM", "1 M"}),
        new Ask(4, new String[] {"1 M", "250 mM"}),
        new Ask(5, new String[] {"20 mM", "2 M"}),
        new Ask(0, new String[] {"2.5 M", "300 mM"}),
        new Ask(6, new String[] {"1 M", "0.1 M", "0.5 M"}),
        new Ask(7, new String[] {"1 M", "0.5 M", "0.2 M"}),
        new Ask(8, new String[] {"50 mM", "20 mM", "10 mM"}),
        new Ask(9, new String[] {"1 mM", "5 mM", "2 mM"}),
        new Ask(10, new String[] {"2 mM", "10 mM", "5 mM"}),
        new Ask(11, new String[] {"50 uM", "20 uM", "100 uM"}),
        new Ask(9, new String[] {"100 uM", "50 uM"}),
    };
    private static final int[] VOLUMES = {50, 100, 200, 250, 500, 1000};

    private LabDilutionsTask() {}

    static void generate(StarterTask task, Random random) {
        Table reagents = new Table("reagent,form,molar_mass_g_mol,purity_pct,stock_concentration_M");
        for (Reagent r : REAGENTS) {
            reagents.row(r.name(), r.form(), r.molarMass(), r.purity(), r.stockM());
        }
        Table requests = new Table("request_id,reagent,target_concentration,unit,final_volume_ml");
        Table sheet = new Table("request_id,method,solute_mass_g,stock_volume_ml,solvent_volume_ml,pipette_flag");
        int flagged = 0;
        for (int i = 0; i < ASKS.length; i++) {
            Reagent r = REAGENTS[ASKS[i].reagent()];
            String[] conc;
            int volume;
            BigDecimal exact;
            do {
                conc = ASKS[i].concentrations()[random.nextInt(ASKS[i].concentrations().length)].split(" ");
                volume = VOLUMES[random.nextInt(VOLUMES.length)];
                exact = quantity(r, molar(conc), volume);
            } while (!Dec.clearOfTie(exact, r.form().equals("SOLID") ? 4 : 2));
            String id = "PR-" + (601 + i);
            requests.row(id, r.name(), conc[0], conc[1], volume);
            if (r.form().equals("SOLID")) {
                sheet.row(id, "WEIGH", Dec.round(exact, 4), null, null, null);
            } else {
                BigDecimal stock = Dec.round(exact, 2);
                boolean flag = stock.compareTo(Dec.of("0.10")) < 0;
                flagged += flag ? 1 : 0;
                sheet.row(id, "DILUTE", null, stock, Dec.round(Dec.of(volume).subtract(stock), 2), flag ? "YES" : "NO");
            }
        }
        if (flagged == 0) {
            throw new IllegalStateException("no request needs the pipette flag");
        }
        task.input("reagents.csv", reagents);
        task.input("requests.csv", requests);
        task.csv("prep_sheet.csv", sheet, "request_id")
                .rows("methods and flags", 2, columns().text("method", "pipette_flag"))
                .rows(
                        "quantities",
                        7,
                        columns().num(0.0001, "solute_mass_g").num(0.01, "stock_volume_ml", "solvent_volume_ml"));
        task.instructions(instruction(sheet));
    }

    private static BigDecimal molar(String[] conc) {
        BigDecimal value = Dec.of(conc[0]);
        return switch (conc[1]) {
            case "M" -> value;
            case "mM" -> value.movePointLeft(3);
            case "uM" -> value.movePointLeft(6);
            default -> throw new IllegalArgumentException(conc[1]);
        };
    }

    /** Grams to weigh (solids) or millilitres of stock (dilutions), unrounded. */
    private static BigDecimal quantity(Reagent r, BigDecimal molar, int volumeMl) {
        if (r.form().equals("SOLID")) {
            BigDecimal grams = molar.multiply(Dec.of(volumeMl)).movePointLeft(3).multiply(Dec.of(r.molarMass()));
            return Dec.div(grams.multiply(Dec.HUNDRED), Dec.of(r.purity()));
        }
        return Dec.div(molar.multiply(Dec.of(volumeMl)), Dec.of(r.stockM()));
    }

    private static String instruction(Table sheet) {
        return """
                You are the technician who prepares the shared solutions of a molecular-biology lab. Turn this \
                week's requests into a preparation sheet.

                Files in the workspace:
                - `reagents.csv`: the reagents on the shelf. A SOLID has a molar mass (g/mol) and a purity \
                (percent by mass); a STOCK is a solution of the given molarity (mol/L).
                - `requests.csv`: one row per solution to prepare: the reagent, the target concentration \
                and its unit (M, mM or uM, that is mol/L, mmol/L or umol/L) and the final volume in mL.

                Rules:
                1. From a SOLID the method is WEIGH: solute_mass_g = concentration (mol/L) x final volume (L) \
                x molar mass / (purity / 100), rounded to 4 decimal places (half up). The solid is dissolved \
                and made up to the final volume, so stock_volume_ml, solvent_volume_ml and pipette_flag are \
                left empty.
                2. From a STOCK the method is DILUTE: stock_volume_ml = target concentration x final volume / \
                stock concentration (C1 V1 = C2 V2, in consistent units), rounded to 2 decimal places (half \
                up); solvent_volume_ml = final volume - stock_volume_ml (as rounded). solute_mass_g is left \
                empty. pipette_flag is YES when stock_volume_ml (as rounded) is below 0.10 mL, otherwise NO.

                Write `prep_sheet.csv` with the header `{header}` and one row per request.

                Grading: rows are matched by request_id; method and pipette_flag must be exact, masses are \
                graded within 0.0001 g and volumes within 0.01 mL, cells that must be empty must be empty, \
                and rows for unknown requests cost credit."""
                .replace("{header}", sheet.headerLine());
    }
}
