"""Scores route lengths: the share of nodes whose distance is within 1e-6 of the reference."""


def score_payload(submission, reference):
    expected = reference["lengths"]
    got = submission.get("lengths", {}) if isinstance(submission, dict) else {}
    right = [n for n, d in expected.items() if isinstance(got.get(n), (int, float)) and abs(got[n] - d) <= 1e-6]
    return {"score": len(right) / len(expected), "right": sorted(right)}
