"""Resampling helpers shared by the analyses: rates per 1,000 words with sentences as the unit.

Two short articles are a small sample; the honest unit of resampling is the sentence (words
within a sentence are not independent draws). These helpers implement the nonparametric
bootstrap of Efron & Tibshirani (1993) for rates that are ratios of sums over sentences.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

__all__ = ["bootstrap_rates", "percentile_interval"]


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
