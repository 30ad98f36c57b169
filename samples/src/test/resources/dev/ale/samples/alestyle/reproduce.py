#!/usr/bin/env python3
"""Recomputes ALE's scores of the ale-style candidate deliverables with ALE's own graders.

Usage: python3 reproduce.py <checkout of github.com/rdi-berkeley/agents-last-exam> [--write]

For each task of samples/packs/ale-style this runs the grader named in GRADERS (the file from the
ALE repository, imported unchanged) on every candidate folder next to this script, the way the
grader's own command line or the task's main.py calls it, and prints the scores; --write stores
them in ale-scores.json, which AleStylePacksTest compares with the SDK's scores.
"""
import hashlib
import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACK = HERE.parents[6] / "packs" / "ale-style" if len(HERE.parents) > 6 else None

ECG_LABELS = ["SR", "STACH", "SBRAD", "SARRH", "AFIB", "AFLT", "PACE", "CLBBB", "CRBBB", "LAFB", "1AVB", "IRBBB", "NORM"]
TAX_FORMS = ["form_tx100", "schedule_txb"]
GRADERS = {
    "tax-form-fill": "tasks/business_finance/taxform_1_1/scripts/score_taxform_outputs.py",
    "ecg-rhythm-labels": "tasks/health_medicine/ecg_rhythm_conduction_ptbxl/scripts/score_predictions.py",
    "icu-calculator-audit": "tasks/health_medicine/healthcare_icu_calculator_audit/scripts/score_outputs.py",
}


def load(path):
    spec = importlib.util.spec_from_file_location(path.stem + "_ale", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def tax_form_fill(grader, candidate, reference):
    # score_variant_outputs over the forms, as the grader's main() does; a form file the
    # candidate lacks is left out of the outputs, which the grader fails as missing_output_files
    refs = {f: json.loads((reference / f"{f}_gt.json").read_text(encoding="utf-8")) for f in TAX_FORMS}
    outs = {}
    for f in TAX_FORMS:
        p = candidate / f"{f}_output.json"
        if p.exists():
            outs[f] = json.loads(p.read_text(encoding="utf-8"))
    return grader.score_variant_outputs(refs, outs)["score"]


def ecg_rhythm_labels(grader, candidate, reference):
    # as main.py's evaluate(): a missing output scores 0, else score_prediction_tables at 0.70
    p = candidate / "predictions.csv"
    if not p.exists():
        return 0.0
    return grader.score_prediction_tables(
        agent_csv=p.read_text(encoding="utf-8"),
        reference_csv=(reference / "gold_standard.csv").read_text(encoding="utf-8"),
        expected_labels=ECG_LABELS,
        threshold=0.70,
    ).score


def icu_calculator_audit(grader, candidate, reference):
    # as the grader's command line without --output-dir (no auxiliary files checked)
    p = candidate / "scores.csv"
    if not p.exists():
        return 0.0
    return grader.score_scores_csv(
        predicted_scores_csv=grader._read_text(str(p)),
        reference_scores_csv=grader._read_text(str(reference / "scores.csv")),
    ).score


RUNNERS = {"tax-form-fill": tax_form_fill, "ecg-rhythm-labels": ecg_rhythm_labels, "icu-calculator-audit": icu_calculator_audit}


def main():
    ale = Path(sys.argv[1])
    pack = Path(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[2] == "--pack" else PACK
    scores = {}
    for task, rel in GRADERS.items():
        if not (HERE / task).is_dir():
            continue
        source = ale / rel
        print(f"{task}: {rel} sha256 {hashlib.sha256(source.read_bytes()).hexdigest()}")
        grader = load(source)
        reference = pack / "tasks" / task / "reference"
        scores[task] = {}
        for candidate in sorted(p for p in (HERE / task).iterdir() if p.is_dir()):
            score = float(RUNNERS[task](grader, candidate, reference))
            scores[task][candidate.name] = score
            print(f"  {candidate.name}: {score!r}")
    if "--write" in sys.argv:
        (HERE / "ale-scores.json").write_text(json.dumps(scores, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
