"""The second stage of the line model (``newsframe.lines.Stack``, stacked sequential learning),
on hand-made first-stage probabilities whose inputs and answers can be worked out by hand."""

import math

import numpy as np

from newsframe.lines import CLASSES, FEATURES, STACK_INPUTS, Stack, _Bounds, stack_inputs

K, N = len(CLASSES), len(STACK_INPUTS)
COLUMN = {name: j for j, name in enumerate(STACK_INPUTS)}


def logp(*rows: tuple[float, ...]) -> np.ndarray:
    return np.log(np.array(rows, dtype=float))


def test_inputs_of_two_pages_read_each_page_alone() -> None:
    # page one: three lines; page two: one line (its neighbours are off the page)
    lp = logp((0.8, 0.1, 0.05, 0.03, 0.02), (0.2, 0.1, 0.5, 0.1, 0.1),
              (0.6, 0.1, 0.1, 0.1, 0.1), (0.5, 0.5, 1e-12, 1e-12, 1e-12))  # fmt: skip
    x = np.zeros((4, len(FEATURES)))
    z = stack_inputs(lp, x, _Bounds.of(np.array([0, 3, 4])))
    # the middle line's previous line is the first line, its next the third
    assert math.isclose(z[1, COLUMN["p-1:body"]], 0.8)
    assert math.isclose(z[1, COLUMN["p+1:chrome"]], 0.1)
    assert z[1, COLUMN["on_page-2"]] == 0.0 and z[1, COLUMN["on_page+1"]] == 1.0
    # the third line's next line is on the second page: off its page, so 0
    assert z[2, COLUMN["p+1:body"]] == 0.0 and z[2, COLUMN["on_page+1"]] == 0.0
    assert z[3, COLUMN["p-1:body"]] == 0.0
    # body probabilities of page one: 0.8, 0.2, 0.6 (median 0.6, mean 0.5333...)
    assert math.isclose(z[0, COLUMN["page_median:body"]], 0.6)
    assert math.isclose(z[0, COLUMN["page_mean:body"]], 1.6 / 3)
    assert math.isclose(z[1, COLUMN["logp_over_page_median:body"]], math.log(0.2 / 0.6))
    # the single line of page two is its page's median
    assert math.isclose(z[3, COLUMN["logp_over_page_median:body"]], 0.0, abs_tol=1e-12)
    # a probability of 1e-12 is floored at log -20
    assert z[3, COLUMN["logp:chrome"]] == -20.0


def test_a_feature_relative_to_the_page_body() -> None:
    # words (log1p) of 19, 3, 9 on one page with body probabilities 0.8, 0.2, 0.6 (weights)
    lp = logp((0.8, 0.05, 0.05, 0.05, 0.05), (0.2, 0.2, 0.2, 0.2, 0.2), (0.6, 0.1, 0.1, 0.1, 0.1))
    x = np.zeros((3, len(FEATURES)))
    words = [name for name, _, _ in FEATURES].index("words")
    x[:, words] = [math.log1p(19), math.log1p(3), math.log1p(9)]
    z = stack_inputs(lp, x, _Bounds.of(np.array([0, 3])))
    body = (0.8 * math.log(20) + 0.2 * math.log(4) + 0.6 * math.log(10)) / 1.6
    assert math.isclose(z[1, COLUMN["words_over_page_body"]], math.log(4) - body)
    assert math.isclose(z[1, COLUMN["words"]], math.log(4))


def test_a_stack_that_copies_the_first_stage_gives_its_probabilities() -> None:
    # weight 1 on each class's own log-probability, standardisation none: softmax(log p) = p
    weights = np.zeros((K, N))
    for k, c in enumerate(CLASSES):
        weights[k, COLUMN[f"logp:{c}"]] = 1.0
    copy = Stack(np.zeros(N), np.ones(N), weights, np.zeros(K))
    lp = logp((0.7, 0.1, 0.1, 0.05, 0.05), (0.1, 0.2, 0.3, 0.2, 0.2))
    got = np.exp(copy.log_proba(lp, np.zeros((2, len(FEATURES))), _Bounds.of(np.array([0, 2]))))
    assert np.allclose(got, np.exp(lp))


def test_a_neighbour_weight_moves_a_line_toward_its_neighbours_class() -> None:
    # body score = 2 * (previous line's body probability); other classes 0
    weights = np.zeros((K, N))
    weights[0, COLUMN["p-1:body"]] = 2.0
    nudge = Stack(np.zeros(N), np.ones(N), weights, np.zeros(K))
    lp = logp((1.0, 1e-12, 1e-12, 1e-12, 1e-12), (0.2, 0.2, 0.2, 0.2, 0.2))
    got = np.exp(nudge.log_proba(lp, np.zeros((2, len(FEATURES))), _Bounds.of(np.array([0, 2]))))
    # first line: no previous line, all scores 0; second: body e^2 against four times e^0
    assert np.allclose(got[0], 0.2)
    assert math.isclose(got[1, 0], math.exp(2) / (math.exp(2) + 4))
