"""Resampling helpers shared by the analyses: rates per 1,000 words with sentences as the unit.

Two short articles are a small sample; the honest unit of resampling is the sentence (words
within a sentence are not independent draws). These helpers implement the nonparametric
bootstrap of Efron & Tibshirani (1993) for rates that are ratios of sums over sentences.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

import numpy as np
from scipy import sparse

__all__ = [
    "article_permutation_test",
    "bootstrap_rates",
    "cluster_bootstrap_difference",
    "percentile_interval",
    "permutation_floor",
]


def bootstrap_rates(
    counts: np.ndarray | sparse.spmatrix,
    lengths: np.ndarray,
    *,
    n_boot: int,
    rng: np.random.Generator,
    per: float = 1000.0,
) -> np.ndarray:
    """Return an ``(n_boot × k)`` array of rates per ``per`` words from resampled sentences.

    ``counts`` is sentences × features (dense or sparse), ``lengths`` the words per sentence.
    Each replicate draws as many sentences as there are, with replacement (multinomial weights),
    and computes ``per * sum(counts) / sum(lengths)``; a replicate with no words has rate 0.

    >>> counts = np.array([[1], [0]]); lengths = np.array([10, 10])
    >>> rates = bootstrap_rates(counts, lengths, n_boot=2000, rng=np.random.default_rng(0))
    >>> sorted({float(r) for r in rates[:, 0]})  # 0, 1 or 2 copies of the sentence with the hit
    [0.0, 50.0, 100.0]
    """
    n, k = counts.shape
    if n == 0 or n_boot <= 0:
        return np.zeros((max(n_boot, 0), k))
    weights = rng.multinomial(n, np.full(n, 1.0 / n), size=n_boot).astype(float)
    sums = np.asarray((counts.T @ weights.T).T, dtype=float)
    totals = (weights @ np.asarray(lengths, dtype=float))[:, None]
    return np.divide(per * sums, totals, out=np.zeros_like(sums), where=totals > 0)


def percentile_interval(
    replicates: np.ndarray, *, level: float = 0.95
) -> tuple[np.ndarray, np.ndarray]:
    """Return the percentile interval (low, high) of bootstrap ``replicates`` along axis 0.

    >>> low, high = percentile_interval(np.arange(101.0)[:, None], level=0.9)
    >>> round(float(low[0]), 6), round(float(high[0]), 6)
    (5.0, 95.0)
    """
    tail = (1.0 - level) / 2.0
    return np.quantile(replicates, tail, axis=0), np.quantile(replicates, 1.0 - tail, axis=0)


# --- Article-level inference for group comparisons --------------------------------------------
# When each side of a comparison has several articles, the article is the unit: sentences of one
# article share an author, an occasion and quotations, so they are not independent draws, and
# pooling them overstates the evidence (a 3-against-3 comparison of pooled sentences can reach
# p = 0.003 where no article-level test can go below 0.10). These helpers take one value per
# article (e.g. each article's mean sentence compound) and resample or relabel articles.


def permutation_floor(n_a: int, n_b: int, *, two_sided: bool = True) -> float:
    """Return the smallest p-value a permutation test over ``n_a`` + ``n_b`` articles can give.

    There are ``C(n_a + n_b, n_a)`` ways to split the articles; the observed split is one of them,
    so the one-sided floor is ``1 / C``. Two-sided with equal sides, the mirror split (sides
    swapped) has the same absolute difference, so the floor is ``2 / C``; with unequal sides it
    stays ``1 / C``. Ernst (2004), *Permutation methods: a basis for exact inference*.

    >>> permutation_floor(3, 3, two_sided=False), permutation_floor(3, 3)
    (0.05, 0.1)
    >>> permutation_floor(1, 1)
    1.0
    """
    if n_a < 1 or n_b < 1:
        raise ValueError(f"permutation_floor needs at least one article per side, got {n_a}, {n_b}")
    splits = math.comb(n_a + n_b, n_a)
    return min(1.0, (2.0 if two_sided and n_a == n_b else 1.0) / splits)


def _split_indices(n_a: int, n: int, n_resamples: int, seed: int) -> tuple[np.ndarray, bool]:
    """All ``C(n, n_a)`` label splits as index rows (first n_a go to side a), or a random sample."""
    if math.comb(n, n_a) <= n_resamples:
        rows = [
            [*combo, *(i for i in range(n) if i not in combo)]
            for combo in itertools.combinations(range(n), n_a)
        ]
        return np.array(rows, dtype=np.intp).reshape(-1, n), True
    rng = np.random.default_rng(seed)
    return rng.permuted(np.tile(np.arange(n), (n_resamples, 1)), axis=1), False


def article_permutation_test(
    values_a: Sequence[float] | np.ndarray,
    values_b: Sequence[float] | np.ndarray,
    *,
    n_resamples: int = 9999,
    seed: int = 0,
    alternative: str = "two-sided",
) -> tuple[float, float, bool]:
    """Return ``(difference, p_value, exact)`` of a permutation test of mean(a) − mean(b).

    One value per article. The article labels are permuted: every split of the pooled articles
    into sides of the original sizes when there are at most ``n_resamples`` of them (``exact``;
    p = share of splits at least as extreme as the observed one, the observed split included),
    else ``n_resamples`` random splits with ``(hits + 1) / (n + 1)`` (Phipson & Smyth 2010).
    ``alternative`` is ``"two-sided"`` (|difference|), ``"greater"`` or ``"less"``.

    >>> article_permutation_test([3.0, 4.0, 5.0], [0.0, 1.0, 2.0], alternative="greater")
    (3.0, 0.05, True)
    >>> article_permutation_test([3.0, 4.0, 5.0], [0.0, 1.0, 2.0])[1]
    0.1
    """
    a, b = np.asarray(values_a, dtype=float), np.asarray(values_b, dtype=float)
    if len(a) < 1 or len(b) < 1:
        raise ValueError("article_permutation_test needs at least one article per side")
    if alternative not in ("two-sided", "greater", "less"):
        raise ValueError(f"alternative must be two-sided, greater or less, not {alternative!r}")
    pooled, n_a = np.concatenate([a, b]), len(a)
    observed = float(a.mean() - b.mean())
    idx, exact = _split_indices(n_a, len(pooled), n_resamples, seed)
    values = pooled[idx]
    diffs = values[:, :n_a].mean(axis=1) - values[:, n_a:].mean(axis=1)
    tol = 1e-12 * max(1.0, abs(observed))
    if alternative == "two-sided":
        hits = int((np.abs(diffs) >= abs(observed) - tol).sum())
    elif alternative == "greater":
        hits = int((diffs >= observed - tol).sum())
    else:
        hits = int((diffs <= observed + tol).sum())
    p = hits / len(diffs) if exact else (hits + 1) / (len(diffs) + 1)
    return observed, float(p), exact


def cluster_bootstrap_difference(
    values_a: Sequence[float] | np.ndarray,
    values_b: Sequence[float] | np.ndarray,
    *,
    n_boot: int = 2000,
    seed: int = 0,
    level: float = 0.95,
) -> tuple[float, float]:
    """Return the percentile interval of mean(a) − mean(b), resampling articles within each side.

    The cluster (article-level) bootstrap: each replicate draws as many articles as each side has,
    with replacement, and recomputes the difference of the side means of the per-article values
    (Field & Welsh 2007, "Bootstrapping clustered data", JRSS B 69(3)). A side with one article
    contributes no sampling variation, so with one article per side the interval is a point.

    >>> cluster_bootstrap_difference([1.0, 1.0], [0.0, 0.0])
    (1.0, 1.0)
    >>> low, high = cluster_bootstrap_difference([0.0, 2.0], [0.0])
    >>> float(low), float(high)
    (0.0, 2.0)
    """
    a, b = np.asarray(values_a, dtype=float), np.asarray(values_b, dtype=float)
    if len(a) < 1 or len(b) < 1:
        raise ValueError("cluster_bootstrap_difference needs at least one article per side")
    rng = np.random.default_rng(seed)
    means_a = a[rng.integers(0, len(a), size=(n_boot, len(a)))].mean(axis=1)
    means_b = b[rng.integers(0, len(b), size=(n_boot, len(b)))].mean(axis=1)
    low, high = percentile_interval((means_a - means_b)[:, None], level=level)
    return float(low[0]), float(high[0])
