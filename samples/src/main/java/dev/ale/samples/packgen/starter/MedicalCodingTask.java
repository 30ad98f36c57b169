package dev.ale.samples.packgen.starter;

import static dev.ale.samples.packgen.starter.Grading.columns;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * {@code medical-coding}: coding outpatient encounters with a fictional training code set: index
 * lookup of documented terms, paediatric variants for patients under 18, symptoms left out when a
 * definitive diagnosis of the same body system is coded, and procedure relative value units.
 */
final class MedicalCodingTask {
    static final String ID = "medical-coding";

    /** code, description, kind, body system, paediatric variant, rvu; then the index terms. */
    private static final String[][] TABULAR = Catalogs.table(ID, "TABULAR");

    private MedicalCodingTask() {}

    static void generate(StarterTask task, Random random) {
        Table tabular = new Table("code,description,kind,body_system,pediatric_code,rvu");
        Table index = new Table("term,code");
        Map<String, String[]> byCode = new LinkedHashMap<>();
        List<String> diagnosisTerms = new ArrayList<>();
        List<String> otherTerms = new ArrayList<>();
        List<String> procedureTerms = new ArrayList<>();
        Map<String, String> codeOfTerm = new LinkedHashMap<>();
        for (String[] t : TABULAR) {
            tabular.row(t[0], t[1], t[2], t[3], t[4], t[5]);
            byCode.put(t[0], t);
            for (int i = 6; i < t.length; i++) {
                index.row(t[i], t[0]);
                codeOfTerm.put(t[i], t[0]);
                (t[2].equals("PROCEDURE") ? procedureTerms : t[2].equals("DIAGNOSIS") ? diagnosisTerms : otherTerms)
                        .add(t[i]);
            }
        }
        otherTerms.addAll(diagnosisTerms);
        Table encounters = new Table("encounter_id,patient_age,principal_diagnosis,other_conditions,procedures");
        Table coded = new Table("encounter_id,principal_dx,secondary_dx,procedure_codes,total_rvu");
        for (int e = 0; e < 32; e++) {
            int age = e % 10 == 3 ? 18 : random.nextInt(4) == 0 ? 2 + random.nextInt(15) : 18 + random.nextInt(70);
            String principal = diagnosisTerms.get(random.nextInt(diagnosisTerms.size()));
            List<String> others = pick(random, otherTerms, random.nextInt(4), principal);
            List<String> procedures = pick(random, procedureTerms, random.nextInt(3), "");
            String id = "ENC-" + (5601 + e);
            encounters.row(id, age, principal, String.join("; ", others), String.join("; ", procedures));

            String principalCode = variant(byCode, codeOfTerm.get(principal), age);
            List<String> otherCodes = others.stream()
                    .map(t -> variant(byCode, codeOfTerm.get(t), age))
                    .toList();
            TreeSet<String> systems = new TreeSet<>();
            systems.add(byCode.get(principalCode)[3]);
            otherCodes.stream()
                    .filter(c -> byCode.get(c)[2].equals("DIAGNOSIS"))
                    .forEach(c -> systems.add(byCode.get(c)[3]));
            TreeSet<String> secondary = new TreeSet<>();
            for (String c : otherCodes) {
                boolean integral = byCode.get(c)[2].equals("SYMPTOM") && systems.contains(byCode.get(c)[3]);
                if (!integral && !c.equals(principalCode)) {
                    secondary.add(c);
                }
            }
            TreeSet<String> procedureCodes = new TreeSet<>();
            procedures.forEach(t -> procedureCodes.add(codeOfTerm.get(t)));
            BigDecimal rvu =
                    procedureCodes.stream().map(c -> Dec.of(byCode.get(c)[5])).reduce(Dec.of("0.00"), BigDecimal::add);
            coded.row(id, principalCode, String.join(";", secondary), String.join(";", procedureCodes), rvu);
        }
        task.input("code_index.csv", index);
        task.input("tabular.csv", tabular);
        task.input("encounters.csv", encounters);
        task.csv("coded_encounters.csv", coded, "encounter_id")
                .rows("principal diagnosis", 3, columns().anyCase("principal_dx"))
                .rows("secondary diagnoses", 3, columns().anyCase("secondary_dx"))
                .rows("procedures", 3, columns().anyCase("procedure_codes").num(0.01, "total_rvu"));
        task.instructions(instruction(coded));
    }

    /** {@code count} distinct terms other than {@code except}, in drawing order. */
    private static List<String> pick(Random random, List<String> terms, int count, String except) {
        List<String> out = new ArrayList<>();
        while (out.size() < count) {
            String t = terms.get(random.nextInt(terms.size()));
            if (!t.equals(except) && !out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    private static String variant(Map<String, String[]> byCode, String code, int age) {
        String paediatric = byCode.get(code)[4];
        return age < 18 && !paediatric.isEmpty() ? paediatric : code;
    }

    private static String instruction(Table coded) {
        return """
                You are a medical coder at Brookside Urgent Care. Code last week's encounters with TCS-25, the \
                clinic's training code set (fictional codes, used for coder onboarding).

                Files in the workspace:
                - `code_index.csv`: the alphabetic index: documented terms and the code each leads to.
                - `tabular.csv`: the code list: description, kind (DIAGNOSIS, SYMPTOM or PROCEDURE), body \
                system, the paediatric variant of the code (if any) and, for procedures, relative value \
                units (RVU).
                - `encounters.csv`: per encounter, the patient's age, the principal diagnosis, other \
                documented conditions and procedures, as index terms separated by "; ".

                Rules:
                1. Look each documented term up in the index (exact term, ignoring case).
                2. For a patient under 18, a diagnosis or symptom code that has a pediatric_code in the \
                tabular list is replaced by that code.
                3. principal_dx: the code of the principal diagnosis.
                4. secondary_dx: the codes of the other conditions, except (a) a SYMPTOM code whose body \
                system is the body system of the principal diagnosis or of another DIAGNOSIS code of the \
                encounter (the symptom is part of that diagnosis), (b) the principal_dx itself, and (c) \
                duplicates. Sorted ascending (by character), joined with ";" and no spaces; empty if none.
                5. procedure_codes: the distinct procedure codes, sorted ascending, joined with ";"; empty if \
                none. total_rvu: the sum of their RVUs, with 2 decimal places (0.00 if none).

                Write `coded_encounters.csv` with the header `{header}` and one row per encounter.

                Grading: rows are matched by encounter_id; codes are compared without case (lists exactly as \
                described) and total_rvu within 0.01; rows for unknown encounters cost credit."""
                .replace("{header}", coded.headerLine());
    }
}
