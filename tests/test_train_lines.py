"""The learning curve over batches of ``benchmarks/train_line_model.py``: which training batches
a fold keeps (issue 18). Hand-made batch names; each answer can be counted by eye."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from train_line_model import drawn_groups


def test_a_fold_keeps_that_many_of_its_own_training_batches():
    # a fold that leaves batch "e" out trains on pages of the other four; keeping 3 of them
    train = ["a", "a", "b", "c", "c", "c", "d"]  # one entry per training page
    for seed in range(20):
        kept = drawn_groups(train, 3, np.random.default_rng(seed))
        assert len(kept) == 3 and kept <= {"a", "b", "c", "d"}


def test_asking_for_more_batches_than_there_are_keeps_them_all():
    assert drawn_groups(["x", "y", "x"], 8, np.random.default_rng(1)) == {"x", "y"}


def test_the_same_seed_draws_the_same_batches():
    train = list("abcdefgh")
    first = drawn_groups(train, 5, np.random.default_rng(18))
    assert first == drawn_groups(train, 5, np.random.default_rng(18))
