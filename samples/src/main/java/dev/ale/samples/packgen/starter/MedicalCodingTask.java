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
    private static final String[][] TABULAR = {
        {
            "D10.0",
            "Pneumonia, community-acquired",
            "DIAGNOSIS",
            "RESP",
            "D10.5",
            "",
            "pneumonia",
            "community-acquired pneumonia"
        },
        {"D10.5", "Pneumonia, community-acquired, patient under 18", "DIAGNOSIS", "RESP", "", ""},
        {"D11.0", "Acute bronchitis", "DIAGNOSIS", "RESP", "D11.5", "", "acute bronchitis", "bronchitis"},
        {"D11.5", "Acute bronchitis, patient under 18", "DIAGNOSIS", "RESP", "", ""},
        {"D20.0", "Asthma, uncomplicated", "DIAGNOSIS", "RESP", "D20.5", "", "asthma"},
        {"D20.5", "Asthma, uncomplicated, patient under 18", "DIAGNOSIS", "RESP", "", ""},
        {"D30.0", "Acute appendicitis", "DIAGNOSIS", "GI", "", "", "acute appendicitis", "appendicitis"},
        {"D31.0", "Gastroenteritis, infectious", "DIAGNOSIS", "GI", "D31.5", "", "gastroenteritis", "stomach flu"},
        {"D31.5", "Gastroenteritis, infectious, patient under 18", "DIAGNOSIS", "GI", "", ""},
        {"D40.0", "Type 2 diabetes mellitus", "DIAGNOSIS", "ENDO", "", "", "type 2 diabetes", "diabetes mellitus type 2"
        },
        {"D41.0", "Hypothyroidism", "DIAGNOSIS", "ENDO", "", "", "hypothyroidism"},
        {"D50.0", "Essential hypertension", "DIAGNOSIS", "CARD", "", "", "hypertension", "high blood pressure"},
        {"D51.0", "Atrial fibrillation", "DIAGNOSIS", "CARD", "", "", "atrial fibrillation"},
        {"D60.0", "Sprain of ankle", "DIAGNOSIS", "MSK", "D60.5", "", "ankle sprain", "sprained ankle"},
        {"D60.5", "Sprain of ankle, patient under 18", "DIAGNOSIS", "MSK", "", ""},
        {
            "D61.0",
            "Fracture of distal radius",
            "DIAGNOSIS",
            "MSK",
            "D61.5",
            "",
            "wrist fracture",
            "distal radius fracture"
        },
        {"D61.5", "Fracture of distal radius, patient under 18", "DIAGNOSIS", "MSK", "", ""},
        {"D70.0", "Cellulitis of lower limb", "DIAGNOSIS", "DERM", "", "", "cellulitis of leg", "lower limb cellulitis"
        },
        {"S00.0", "Fever", "SYMPTOM", "GEN", "", "", "fever"},
        {"S20.0", "Cough", "SYMPTOM", "RESP", "", "", "cough"},
        {"S20.1", "Shortness of breath", "SYMPTOM", "RESP", "", "", "shortness of breath", "dyspnea"},
        {"S30.0", "Abdominal pain", "SYMPTOM", "GI", "", "", "abdominal pain"},
        {"S30.1", "Nausea with vomiting", "SYMPTOM", "GI", "", "", "nausea and vomiting", "vomiting"},
        {"S50.0", "Chest pain", "SYMPTOM", "CARD", "", "", "chest pain"},
        {"S60.0", "Joint pain", "SYMPTOM", "MSK", "", "", "joint pain"},
        {"S70.0", "Rash", "SYMPTOM", "DERM", "", "", "rash"},
        {"P010", "Venipuncture", "PROCEDURE", "", "", "0.17", "venipuncture", "blood draw"},
        {"P100", "Chest X-ray, two views", "PROCEDURE", "", "", "0.90", "chest x-ray"},
        {"P110", "Spirometry", "PROCEDURE", "", "", "0.65", "spirometry"},
        {"P200", "Laparoscopic appendectomy", "PROCEDURE", "", "", "14.20", "laparoscopic appendectomy"},
        {"P210", "Abdominal ultrasound", "PROCEDURE", "", "", "1.35", "abdominal ultrasound"},
        {"P300", "Electrocardiogram, 12-lead", "PROCEDURE", "", "", "0.48", "ecg", "electrocardiogram"},
        {"P400", "Splint application", "PROCEDURE", "", "", "1.10", "splint application", "splinting"},
        {"P410", "Closed reduction of distal radius fracture", "PROCEDURE", "", "", "6.30", "closed reduction"},
        {"P500", "Incision and drainage", "PROCEDURE", "", "", "2.15", "incision and drainage"},
        {"P600", "IV fluid administration", "PROCEDURE", "", "", "0.85", "iv fluids"},
    };

    private MedicalCodingTask() {}

    static void generate(StarterTask task, Random random) {
        Table tabular = new Table("code", "description", "kind", "body_system", "pediatric_code", "rvu");
        Table index = new Table("term", "code");
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
        Table encounters =
                new Table("encounter_id", "patient_age", "principal_diagnosis", "other_conditions", "procedures");
        Table coded = new Table("encounter_id", "principal_dx", "secondary_dx", "procedure_codes", "total_rvu");
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
