"""The speaker model's training script on hand-made collected quotations: the conditional
logit's weight against its closed-form maximum-likelihood value, and the miss diagnosis's
contributions counted by hand."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from train_speaker_model import NAMES, diagnose, fit_listwise

RULES = NAMES.index("rules")
PRONOUN = NAMES.index("pronoun")


def _entry(rows: list[dict[str, float]], keys: list[str]) -> dict:
    values = np.zeros((len(rows), len(NAMES)))
    for k, row in enumerate(rows):
        for name, value in row.items():
            values[k, NAMES.index(name)] = value
    return {"values": values, "barred": [False] * len(rows), "keys": [[(k, k)] for k in keys],
            "settled": False, "own": False, "words": ["w"] * 4}  # fmt: skip


def _page(entries: list[tuple[dict, str]]) -> dict:
    labelled = [{"pred": e, "gold": {"speaker_accept": [right]}} for e, right in entries]
    return {"set": "s", "story": "t", "entries": [e for e, _ in entries], "labelled": labelled}


def test_conditional_logit_matches_the_closed_form():
    # four quotations, two candidates each: the rules' pick and another; the rules' pick is
    # right in three. With one feature, P(the rules' pick) = sigmoid(w * (z1 - z0)); the
    # maximum likelihood sets it to 3/4, so w * (z1 - z0) = ln 3 (a vanishing penalty).
    # "rules" is 1 on half the rows: mean 0.5, standard deviation 0.5, z1 - z0 = 2.
    right = [_entry([{"rules": 1}, {}], ["Ann", "Bob"]) for _ in range(3)]
    wrong = _entry([{"rules": 1}, {}], ["Cy", "Dee"])
    page = _page([*((e, "Ann") for e in right), (wrong, "Dee")])
    mean, scale, w, b = fit_listwise([page], 1e9)
    assert b == 0.0
    assert mean[RULES] == 0.5 and scale[RULES] == 0.5
    assert math.isclose(w[RULES] * 2, math.log(3), rel_tol=1e-4)
    assert np.allclose(np.delete(w, RULES), 0.0, atol=1e-6)  # constant features: no weight


def test_diagnosis_sums_the_chosen_against_the_right():
    # weights in raw units (mean 0, scale 1): rules +2, pronoun -1. Quotation 1: the rules'
    # pick (a pronoun, 2 - 1 = 1) beats the right one (0): a miss by rules +2, pronoun -1.
    # Quotation 2: the rules' pick (2) is right, the rival a pronoun (-1): a hit by rules +2,
    # pronoun +1. Quotation 3 has no right candidate: left out.
    w = np.zeros(len(NAMES))
    w[RULES], w[PRONOUN] = 2.0, -1.0
    weights = (np.zeros(len(NAMES)), np.ones(len(NAMES)), w, 0.0)
    miss = _entry([{"rules": 1, "pronoun": 1}, {}], ["Ann", "Bob"])
    hit = _entry([{"rules": 1}, {"pronoun": 1}], ["Ann", "Bob"])
    none = _entry([{"rules": 1}], ["Ann"])
    got = diagnose([_page([(miss, "Bob"), (hit, "Ann"), (none, "Zed")])], weights)
    assert (got["n_miss"], got["n_hit"]) == (1, 1)
    assert (got["miss"][RULES], got["miss"][PRONOUN]) == (2.0, -1.0)
    assert (got["hit"][RULES], got["hit"][PRONOUN]) == (2.0, 1.0)
    assert dict(got["chosen"]) == {("rules", "thing by pronoun"): 1}
    assert dict(got["wanted"]) == {("other", "thing by name"): 1}
