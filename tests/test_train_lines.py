"""``benchmarks/train_line_model.py``: which training batches a fold of the learning curve keeps,
and which terms the proper-noun filter keeps out of a fit's vocabulary (issue 18). Hand-made
batch names and pages; each answer can be counted by eye."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from train_line_model import Options, Page, chosen_terms, dealt, drawn_groups, fit, word_cases

from newsframe.lines import line_terms, load_line_model


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


def test_inner_folds_deal_each_training_batch_to_exactly_one_fold():
    # the nested bias: an outer fold's five training batches (sorted) dealt into two inner
    # folds in turn: dev-1, dev-3, held-2 in the first, dev-2, held-1 in the other
    batches = ["dev-1", "dev-2", "dev-3", "held-1", "held-2"]
    assert dealt(batches, 2) == {"dev-1": 0, "dev-2": 1, "dev-3": 0, "held-1": 1, "held-2": 0}
    # no inner folds asked: each batch is a fold of its own
    assert dealt(batches, 0) == {"dev-1": 0, "dev-2": 1, "dev-3": 2, "held-1": 3, "held-2": 4}


def _page(outlet: str, story: str, lines: list[str]) -> Page:
    """A hand-made page as a fit sees it: only its outlet, story, terms and word cases count."""
    n = len(lines)
    return Page(outlet, story, np.zeros((n, 1)), [line_terms(s) for s in lines], ["body"] * n,
                np.zeros((n, 1)), word_cases(lines))  # fmt: skip


def test_a_name_capitalised_inside_sentences_stays_out_of_the_vocabulary():
    # an invented story told by three outlets: "Varnholt" is always capitalised inside a
    # sentence, "subscribe" always lowercase there; both open lines on every page
    pages = [
        _page(outlet, "harbour", [
            "Varnholt said the harbour would reopen. Minister Varnholt spoke at noon.",
            "Subscribe to our newsletter",
            "Readers can subscribe here, Varnholt added.",
            "Varnholt told reporters the ferries would subscribe to the new timetable.",
        ])
        for outlet in ("a", "b", "c")
    ]  # fmt: skip
    every = chosen_terms(pages, Options(min_outlets=3, min_stories=1))
    assert "varnholt" in every and "subscribe" in every
    kept = chosen_terms(pages, Options(min_outlets=3, min_stories=1, proper=True))
    assert "subscribe" in kept and "subscribe to" in kept
    assert not any("varnholt" in t.split() for t in kept)
    assert "varnholt said" not in kept and "minister varnholt" not in kept


def test_word_cases_skip_line_and_sentence_openings_and_words_in_capitals():
    cases = word_cases(["Subscribe now. Varnholt said so", "BREAKING NEWS for Varnholt"])
    assert "subscribe" not in cases and "now" in cases and "breaking" not in cases
    assert cases["varnholt"] == (0, 1) and cases["said"] == (1, 0)


def test_the_current_baseline_is_the_model_the_library_loads():
    # --fit current cleans with the shipped files as they stand: the same weights, terms and
    # decoder biases as newsframe.lines.load_line_model(), whatever the pages given
    shipped = load_line_model()
    model = fit([], Options(fit="current"))
    assert model.terms == shipped.terms and model.body_bias == shipped.body_bias
    assert np.array_equal(model.weights, shipped.weights)
    assert np.array_equal(model.term_weights, shipped.term_weights)
