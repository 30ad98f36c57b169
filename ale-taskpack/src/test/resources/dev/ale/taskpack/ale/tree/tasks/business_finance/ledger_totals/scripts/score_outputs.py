"""Scores totals.json against the reference: 100 points shared equally by the accounts."""

import argparse
import json
from pathlib import Path

p = argparse.ArgumentParser()
p.add_argument("--pred-dir", required=True)
p.add_argument("--gt-dir", required=True)
a = p.parse_args()
expected = json.loads((Path(a.gt_dir) / "totals.json").read_text(encoding="utf-8"))
try:
    got = json.loads((Path(a.pred_dir) / "totals.json").read_text(encoding="utf-8"))
except (OSError, ValueError):
    got = {}
right = sum(1 for k, v in expected.items() if isinstance(got.get(k), (int, float)) and abs(got[k] - v) < 0.005)
print(json.dumps({"total_score": 100.0 * right / len(expected), "right": right}))
