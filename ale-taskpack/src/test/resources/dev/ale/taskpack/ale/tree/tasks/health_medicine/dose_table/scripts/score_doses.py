#!/usr/bin/env python3
"""Scores doses.csv: the share of patients with the right dose. Exits 1 below a full score, as ALE's scripts do."""

import argparse
import csv
import json
import sys
from pathlib import Path


def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return {r["patient"]: float(r["dose_mg"]) for r in csv.DictReader(f)}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--output", required=True)
    p.add_argument("--reference", required=True)
    a = p.parse_args()
    expected = rows(Path(a.reference) / "doses.csv")
    got = rows(Path(a.output) / "doses.csv")
    right = sum(1 for k, v in expected.items() if k in got and abs(got[k] - v) < 0.05)
    score = right / len(expected)
    print(json.dumps({"score": score, "checks": {"patients": len(expected), "right": right}}))
    return 0 if score == 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
