"""The geometric pool of two line models (``newsframe.lines.pooled``), on two hand-made models
whose class scores can be worked out by hand."""

import math
from dataclasses import replace

import numpy as np
import pytest

from newsframe.lines import CLASSES, FEATURES, STATES, LineModel, pooled

N, K = len(FEATURES), len(CLASSES)
NEVER = -30.0  # chrome, caption and byline never chosen: two classes to count by hand


def model(
    *, mean: float, scale: float, body_weight: float, term: str, headline_weight: float
) -> LineModel:
    """A model reading only the first feature (standardised by ``mean`` and ``scale``) for the
    body class, and one term for the headline class."""
    means, scales = np.zeros(N), np.ones(N)
    means[0], scales[0] = mean, scale
    weights = np.zeros((K, N))
    weights[0, 0] = body_weight
    terms = np.zeros((K, 1))
    terms[1, 0] = headline_weight
    return LineModel(means, scales, weights, np.array([0.0, 0.0, NEVER, NEVER, NEVER]),
                     np.zeros(len(STATES)), np.zeros((len(STATES), len(STATES))), 1.5, 1.0,
                     "hand-made", (term,), terms)  # fmt: skip


#: First: body score 0 whatever the feature; "read more" adds 2 to the headline.
FIRST = model(mean=0.0, scale=1.0, body_weight=0.0, term="read more", headline_weight=2.0)
#: Second: body score 8 * (x - 2) / 4; "key points" adds 4 to the headline.
SECOND = model(mean=2.0, scale=4.0, body_weight=8.0, term="key points", headline_weight=4.0)


def probabilities(m: LineModel, x0: float, terms: tuple[str, ...]) -> np.ndarray:
    x = np.zeros((1, N))
    x[0, 0] = x0
    ids = [tuple(m.vocabulary[t] for t in terms)]
    return np.exp(m.log_proba(x, ids))[0]


def test_an_even_pool_averages_the_two_models_scores():
    # x = 6: the second's body score is 8 * (6 - 2) / 4 = 8, the first's 0: pooled 4.
    # Both terms on the line: headline 0.5 * 2 + 0.5 * 4 = 3. p(body) = 1 / (1 + e^-1).
    p = probabilities(pooled(FIRST, SECOND, 0.5), 6.0, ("read more", "key points"))
    assert p[0] == pytest.approx(1 / (1 + math.exp(-1)), abs=1e-9)
    assert p[1] == pytest.approx(1 / (1 + math.exp(1)), abs=1e-9)


def test_a_term_one_model_lacks_adds_only_the_others_share():
    # x = 2: both body scores are 0. "key points" alone: headline 0.25 * 4 = 1.
    p = probabilities(pooled(FIRST, SECOND, 0.75), 2.0, ("key points",))
    assert p[1] == pytest.approx(math.e / (1 + math.e), abs=1e-9)


def test_the_whole_share_gives_each_model_back():
    # all of the first: body 0, headline 2 (its term); all of the second: body
    # 8 * (3 - 2) / 4 = 2, headline 4 (its term): each the headline by two points
    first = probabilities(pooled(FIRST, SECOND, 1.0), 3.0, ("read more", "key points"))
    second = probabilities(pooled(FIRST, SECOND, 0.0), 3.0, ("read more", "key points"))
    assert first[1] == pytest.approx(1 / (1 + math.exp(-2)), abs=1e-9)
    assert second[1] == pytest.approx(1 / (1 + math.exp(-2)), abs=1e-9)


def test_the_first_models_decoder_is_kept():
    assert pooled(SECOND, FIRST, 0.5).body_bias == 1.5
    assert pooled(FIRST, SECOND, 0.5).terms == ("key points", "read more")


def test_models_with_trees_do_not_pool():
    with pytest.raises(ValueError, match="trees"):
        pooled(replace(FIRST, trees=object()), SECOND, 0.5)
