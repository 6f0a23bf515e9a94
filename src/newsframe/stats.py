"""Pure statistics shared by the analyses: keyness tests, p-value adjustment, resampling, effect sizes.

Everything here works on plain numbers and numpy arrays (no articles, no tables), so each function
can be checked against a hand-worked value or a reference implementation:

- counts of a term on two sides: Dunning's G² (:func:`g2`), Hardie's Log Ratio
  (:func:`log_ratio`), the log-odds ratio with a Dirichlet prior (:func:`logodds_dirichlet`),
  the χ²₁ tail (:func:`chi2_sf1`), the Bonferroni bar (:func:`critical_g2`) and p-value
  adjustment (:func:`adjust_pvalues`);
- resampling with sentences as the unit (words within a sentence are not independent draws):
  the nonparametric bootstrap of Efron & Tibshirani (1993) for rates (:func:`bootstrap_rates`)
  and for statistics of one sample (:func:`bootstrap_statistics`) or of many equal-size samples
  at once with the same draws (:func:`bootstrap_groups`), percentile intervals
  (:func:`percentile_interval`, :func:`quantiles`) and two-sample permutation tests
  (:func:`permutation_pvalues`);
- trends with the article as the unit: a permutation test of a slope over time
  (:func:`slope_permutation_test`; its normal approximation for many articles,
  :func:`slope_normal_test`) and the smallest p its design can reach
  (:func:`slope_permutation_floor`);
- effect sizes: Hedges' g, Cliff's delta, Cohen's h.
"""

from __future__ import annotations

import itertools
import math
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from newsframe.errors import NewsframeError, expect_kind, wrong_kind

if TYPE_CHECKING:
    from scipy import sparse

__all__ = [
    "Draws",
    "adjust_pvalues",
    "article_permutation_test",
    "bootstrap_groups",
    "bootstrap_rates",
    "bootstrap_statistics",
    "chi2_sf1",
    "cliffs_delta",
    "cluster_bootstrap_difference",
    "cohens_h",
    "critical_g2",
    "g2",
    "hedges_g",
    "log_ratio",
    "logodds_dirichlet",
    "mantel_haenszel_log_ratio",
    "mantel_haenszel_shares",
    "percentile_interval",
    "permutation_floor",
    "permutation_pvalues",
    "quantiles",
    "random_permutations",
    "renamed",
    "resample_batches",
    "resample_indices",
    "resampled",
    "resampled_mean",
    "resampled_median",
    "resampled_share",
    "slope_normal_test",
    "slope_permutation_floor",
    "slope_permutation_test",
    "stratified_bootstrap_difference",
    "stratified_floor",
    "stratified_permutation_test",
    "stratified_share_interval",
]


# --- two sides of a count ---------------------------------------------------------------


def _numbers(
    values, where: str, *, one_per_article: bool = False, wanted: str | None = None
) -> np.ndarray:
    """``values`` as a float array, or the one error naming what was expected
    (``one_per_article``: a flat sequence, one value per article; ``wanted`` says it instead)."""
    if wanted is None:
        wanted = "one number per article" if one_per_article else "numbers (a sequence or array)"
    if isinstance(values, (str, bytes)):
        raise wrong_kind(values, wanted, where)
    try:
        array = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise wrong_kind(values, wanted, where) from None
    if one_per_article and array.ndim != 1:
        raise wrong_kind(values, wanted, where)
    return array


def _count_arrays(count_a, count_b, n_a, n_b, where: str = "counts"):
    """Return float arrays (a, b, n_a, n_b), checking 0 <= count <= n and n > 0."""
    a, b = _numbers(count_a, where), _numbers(count_b, where)
    n_a, n_b = _numbers(n_a, where), _numbers(n_b, where)
    for name, x, n in (("a", a, n_a), ("b", b, n_b)):
        if not np.isfinite(n).all() or (n <= 0).any():
            raise NewsframeError(
                f"corpus size n_{name} must be positive, got {n.min():g} (is an article empty?)"
            )
        if x.size and (not np.isfinite(x).all() or (x < 0).any() or (x > n).any()):
            raise NewsframeError(f"counts of side {name} must lie between 0 and n_{name}")
    return a, b, n_a, n_b


def _deviance_terms(expected: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Return ``O ln(O/E) − (O − E)`` per cell from ``E`` and ``x = (O − E)/E``, without cancellation.

    Each term equals ``E · f(x)`` with ``f(x) = (1 + x) ln(1 + x) − x ≥ 0``; for ``|x| < 0.1`` f is
    summed from its series ``Σ_{n≥2} (−1)^n xⁿ / (n(n − 1))`` (exact to rounding), since the closed
    form loses digits there. An empty cell (``O = 0``) contributes ``E``; an impossible one (E = 0)
    nothing.
    """
    out = np.zeros(np.broadcast(expected, x).shape)
    expected, x = np.broadcast_to(expected, out.shape), np.broadcast_to(x, out.shape)
    live = expected > 0
    small = live & (np.abs(x) < 0.1)
    xs = x[small]
    series, power = np.zeros(len(xs)), xs * xs
    for n in range(2, 20):  # |x| < 0.1: the 19th term is below 1e-19 of the first
        series += power / (n * (n - 1)) if n % 2 == 0 else -power / (n * (n - 1))
        power = power * xs
    out[small] = expected[small] * series
    big = live & ~small
    xb = x[big]
    with np.errstate(divide="ignore", invalid="ignore"):
        closed = np.where(xb <= -1.0, 1.0, (1.0 + xb) * np.log1p(np.maximum(xb, -1.0)) - xb)
    out[big] = expected[big] * closed
    return out


def g2(count_a, count_b, n_a: float, n_b: float) -> np.ndarray:
    """Return Dunning's log-likelihood G² for each term (the 4-term form, no continuity correction).

    For a term seen ``a`` times in ``n_a`` tokens and ``b`` times in ``n_b`` tokens, the 2 × 2
    table (term, other tokens) × (side a, side b) gives ``G² = 2 Σ O ln(O/E)`` over all four
    cells (Dunning 1993; Rayson & Garside 2000 sum only the two term cells, which differs
    slightly). ``0 ln 0 = 0``. Compare with χ² on 1 degree of freedom.

    Computed in a numerically stable form: since ``Σ (O − E) = 0`` over the table,
    ``G² = 2 Σ [O ln(O/E) − (O − E)]``, whose terms are all non-negative (no cancellation
    between cells), each from ``x = (O − E)/E`` with ``O − E = ±(a·n_b − b·n_a)/(n_a + n_b)``
    formed without subtracting nearly equal numbers. The textbook ``Σ O ln O − O ln E`` loses
    about six significant digits on cells of tens of thousands of tokens.

    >>> g2([3, 5], [0, 1], 800, 900).round(2).tolist()
    [4.53, 3.41]
    """
    a, b, n_a, n_b = _count_arrays(count_a, count_b, n_a, n_b, "g2")
    total, k = n_a + n_b, a + b
    cross = a * n_b - b * n_a  # (O − E) · total for the term cell of side a
    rest = total - k
    with np.errstate(divide="ignore", invalid="ignore"):
        cells = (
            (n_a * k / total, cross / (n_a * k)),
            (n_b * k / total, -cross / (n_b * k)),
            (n_a * rest / total, -cross / (n_a * rest)),
            (n_b * rest / total, cross / (n_b * rest)),
        )
        value = sum(_deviance_terms(e, np.nan_to_num(x)) for e, x in cells)
    return np.maximum(2.0 * value, 0.0)


def log_ratio(count_a, count_b, n_a: float, n_b: float, *, zero: float = 0.5) -> np.ndarray:
    """Return Hardie's Log Ratio: log2 of the ratio of the two relative frequencies.

    An effect size (Hardie 2014): +1 means twice as frequent in a, -1 twice as frequent in b. A
    zero count is replaced by ``zero`` (0.5, Hardie's choice) so one-sided terms get a finite
    value; a term absent from both sides gets 0.

    >>> log_ratio([3, 4, 0], [0, 2, 0], 800, 800).round(3).tolist()
    [2.585, 1.0, 0.0]
    """
    a, b, n_a, n_b = _count_arrays(count_a, count_b, n_a, n_b, "log_ratio")
    both_zero = (a == 0) & (b == 0)
    value = np.log2(np.where(a > 0, a, zero) / n_a) - np.log2(np.where(b > 0, b, zero) / n_b)
    return np.where(both_zero, 0.0, value)


def logodds_dirichlet(
    count_a, count_b, n_a: float, n_b: float, alpha, *, alpha0: float | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return ``(delta, se, z)``: log-odds ratio with a Dirichlet prior, its standard error and z.

    Monroe, Colaresi & Quinn (2008), "Fightin' words", eq. 16–22: with prior pseudo-counts
    ``alpha`` (α_w) summing to ``alpha0`` (α0),
    ``δ = ln((y_a+α_w)/(n_a+α0-y_a-α_w)) - ln((y_b+α_w)/(n_b+α0-y_b-α_w))``,
    ``var(δ) ≈ 1/(y_a+α_w) + 1/(y_b+α_w)`` and ``z = δ/√var``. Positive means more typical of
    a. ``alpha`` must be positive; a "rest" term below 0.5 (a term that is the whole text and the
    whole prior) is floored at 0.5 so the result stays finite.

    >>> d, se, z = logodds_dirichlet([10], [2], 100, 100, [1.0], alpha0=10.0)
    >>> round(float(d[0]), 3), round(float(se[0]), 3), round(float(z[0]), 3)
    (1.377, 0.651, 2.114)
    """
    a, b, n_a, n_b = _count_arrays(count_a, count_b, n_a, n_b, "logodds_dirichlet")
    alpha = np.broadcast_to(_numbers(alpha, "logodds_dirichlet"), a.shape)
    if alpha.size and (not np.isfinite(alpha).all() or alpha.min() <= 0):
        raise NewsframeError("prior pseudo-counts alpha must be positive and finite")
    alpha0 = float(alpha.sum()) if alpha0 is None else float(alpha0)
    rest_a = np.maximum(n_a + alpha0 - a - alpha, 0.5)
    rest_b = np.maximum(n_b + alpha0 - b - alpha, 0.5)
    delta = np.log((a + alpha) / rest_a) - np.log((b + alpha) / rest_b)
    se = np.sqrt(1.0 / (a + alpha) + 1.0 / (b + alpha))
    return delta, se, delta / se


def adjust_pvalues(p, *, method: str = "bh") -> np.ndarray:
    """Return p-values adjusted for testing many terms at once.

    ``"bh"``: Benjamini & Hochberg (1995) false discovery rate; ``"bonferroni"``: ``p × m``,
    capped at 1 (family-wise error). Vectorised, order-preserving.

    >>> adjust_pvalues([0.01, 0.04, 0.03, 0.5]).round(3).tolist()
    [0.04, 0.053, 0.053, 0.5]
    >>> adjust_pvalues([0.01, 0.04, 0.03, 0.5], method="bonferroni").round(2).tolist()
    [0.04, 0.16, 0.12, 1.0]
    """
    p = np.atleast_1d(_numbers(p, "adjust_pvalues"))
    m = p.size
    if m == 0:
        return p.copy()
    if method == "bonferroni":
        return np.minimum(p * m, 1.0)
    if method != "bh":
        raise NewsframeError(f"method must be 'bh' or 'bonferroni', got {method!r}")
    order = np.argsort(p, kind="stable")
    scaled = p[order] * m / np.arange(1, m + 1)
    scaled = np.minimum.accumulate(scaled[::-1])[::-1]
    out = np.empty(m)
    out[order] = np.minimum(scaled, 1.0)
    return out


def chi2_sf1(x: np.ndarray) -> np.ndarray:
    """Return the upper tail of χ² with 1 degree of freedom: erfc(√(x/2)) (fast, exact).

    >>> chi2_sf1([3.841458820694124]).round(6).tolist()
    [0.05]
    """
    from scipy.special import erfc

    return erfc(np.sqrt(np.asarray(x, dtype=float) / 2.0))


def critical_g2(n_tests: int, *, alpha: float = 0.05) -> float:
    """Return the G² a term must exceed to pass a Bonferroni correction over ``n_tests`` terms.

    ``χ²₁`` quantile at ``1 - alpha / n_tests``, computed as ``2 · erfcinv(alpha / n_tests)²``
    (the inverse of :func:`chi2_sf1`; no scipy.stats import). With one test it is the familiar 3.84; with ~700
    terms (two short articles) it is about 15.8, which almost no term in two 500-word articles
    reaches.

    >>> round(critical_g2(1), 2), round(critical_g2(700), 1)
    (3.84, 15.8)
    """
    expect_kind(n_tests, (int, np.integer), "critical_g2", hint="pass the number of tests")
    if n_tests < 1:
        raise NewsframeError(f"n_tests must be at least 1, got {n_tests}")
    from scipy.special import erfcinv

    return float(2.0 * erfcinv(alpha / n_tests) ** 2)


# --- argument names ------------------------------------------------------------------------
#: Every public function names the confidence level ``confidence`` and the number of resamples
#: (bootstrap replicates or permutations) ``n_resamples``.


def renamed(value, old_value, *, old: str, new: str, where: str):
    """Return ``old_value`` if the caller used the deprecated keyword ``old``, else ``value``.

    A :class:`DeprecationWarning` names the new keyword.
    """
    if old_value is None:
        return value
    warnings.warn(f"{where}: {old}= is deprecated, use {new}=", DeprecationWarning, stacklevel=3)
    return old_value


# --- resampling ---------------------------------------------------------------------------


def bootstrap_rates(
    counts: np.ndarray | sparse.spmatrix,
    lengths: np.ndarray,
    *,
    n_resamples: int,
    rng: np.random.Generator,
    per: float = 1000.0,
) -> np.ndarray:
    """Return an ``(n_resamples × k)`` array of rates per ``per`` words from resampled sentences.

    ``counts`` is sentences × features (dense or sparse), ``lengths`` the words per sentence.
    Each replicate draws as many sentences as there are, with replacement (uniform indices,
    tallied into weights: the multinomial weights, an order of magnitude faster to draw than
    ``Generator.multinomial``), and computes ``per * sum(counts) / sum(lengths)``; a replicate
    with no words has rate 0. Replicates are drawn in batches, so memory stays bounded however
    many sentences there are.

    >>> counts = np.array([[1], [0]]); lengths = np.array([10, 10])
    >>> rates = bootstrap_rates(counts, lengths, n_resamples=2000, rng=np.random.default_rng(0))
    >>> sorted({float(r) for r in rates[:, 0]})  # 0, 1 or 2 copies of the sentence with the hit
    [0.0, 50.0, 100.0]
    """
    n, k = counts.shape
    if n == 0 or n_resamples <= 0:
        return np.zeros((max(n_resamples, 0), k))
    lengths = np.asarray(lengths, dtype=float)
    out = np.empty((n_resamples, k))
    done = 0
    for size in resample_batches(n_resamples, n):
        draws = rng.integers(0, n, size=(size, n))
        flat = (np.arange(size)[:, None] * n + draws).ravel()
        weights = np.bincount(flat, minlength=size * n).reshape(size, n).astype(float)
        sums = np.asarray((counts.T @ weights.T).T, dtype=float)
        totals = (weights @ lengths)[:, None]
        np.divide(per * sums, totals, out=out[done : done + size], where=totals > 0)
        out[done : done + size][(totals <= 0).ravel()] = 0.0
        done += size
    return out


def percentile_interval(
    replicates: np.ndarray, *, confidence: float = 0.95
) -> tuple[np.ndarray, np.ndarray]:
    """Return the percentile interval (low, high) of bootstrap ``replicates`` along axis 0.

    >>> low, high = percentile_interval(np.arange(101.0)[:, None], confidence=0.9)
    >>> round(float(low[0]), 6), round(float(high[0]), 6)
    (5.0, 95.0)
    """
    tail = (1.0 - confidence) / 2.0
    return np.quantile(replicates, tail, axis=0), np.quantile(replicates, 1.0 - tail, axis=0)


#: Resampling: at most this many array cells per batch (keeps memory bounded for large samples).
_CELLS = 4_000_000
#: Grouped resampling: about this many cells per block of samples (small arrays stay in cache).
_BLOCK_CELLS = 1 << 20
_EPS = 1e-12


def resample_batches(total: int, width: int) -> Iterator[int]:
    """Yield batch sizes summing to ``total`` so that a batch × ``width`` stays under _CELLS.

    >>> list(resample_batches(5, 2_000_000))
    [2, 2, 1]
    """
    size = max(1, _CELLS // max(width, 1))
    for start in range(0, total, size):
        yield min(size, total - start)


def resample_indices(n: int, *, n_resamples: int, seed: int) -> Iterator[np.ndarray]:
    """Yield the indices that resample ``n`` values ``n_resamples`` times: ``(size × n)`` batches.

    Uniform draws with replacement from ``numpy.random.default_rng(seed)``, in
    :func:`resample_batches` batches (memory bounded). :func:`bootstrap_statistics` and
    :func:`bootstrap_groups` both resample with these, so they draw exactly the same resamples.

    >>> [batch.shape for batch in resample_indices(3, n_resamples=4, seed=0)]
    [(4, 3)]
    """
    rng = np.random.default_rng(seed)
    for size in resample_batches(n_resamples, n):
        yield rng.integers(0, n, size=(size, n))


def bootstrap_statistics(
    x: np.ndarray,
    statistics: Mapping[str, Callable[[np.ndarray], np.ndarray]],
    *,
    n_resamples: int,
    seed: int,
) -> dict[str, np.ndarray]:
    """Return each statistic's bootstrap distribution: ``n_resamples`` resamples of ``x`` with replacement.

    ``statistics`` maps a name to a function reducing the last axis (e.g. ``lambda s: s.mean(axis=-1)``).
    Resamples are drawn from ``numpy.random.default_rng(seed)`` in batches (memory bounded,
    :func:`resample_indices`). For many samples at once, :func:`bootstrap_groups`.

    >>> d = bootstrap_statistics(np.array([1.0, 1.0]), {"mean": lambda s: s.mean(axis=-1)}, n_resamples=3, seed=0)
    >>> d["mean"].tolist()
    [1.0, 1.0, 1.0]
    """
    parts: dict[str, list[np.ndarray]] = {s: [] for s in statistics}
    for draws in resample_indices(len(x), n_resamples=n_resamples, seed=seed):
        sample = x[draws]
        for stat, func in statistics.items():
            parts[stat].append(func(sample))
    return {s: np.concatenate(v) for s, v in parts.items()}


@dataclass(frozen=True)
class Draws:
    """One batch of ``size`` resamples of ``n`` values: ``indices`` (``size × n``) and ``counts``.

    ``counts[i, r]`` (``n × size``) is how often value ``i`` is drawn in resample ``r``; each
    column sums to ``n``.
    """

    indices: np.ndarray
    counts: np.ndarray

    @classmethod
    def of(cls, indices: np.ndarray) -> Draws:
        """Return the draws with their counts tallied (one ``bincount``).

        >>> Draws.of(np.array([[0, 0, 2], [1, 2, 1]])).counts.tolist()
        [[2, 0], [0, 2], [1, 1]]
        """
        size, n = indices.shape
        flat = (indices + np.arange(size)[:, None] * n).ravel()
        small = np.int16 if n < 2**15 else np.int32  # a count is at most n
        counts = np.bincount(flat, minlength=size * n).reshape(size, n).T.astype(small, "C")
        return cls(indices, counts)


#: A statistic of many equal-size samples at once: ``(samples g × n, draws) -> g × size``.
GroupStatistic = Callable[[np.ndarray, Draws], np.ndarray]


def resampled(statistic: Callable[[np.ndarray], np.ndarray]) -> GroupStatistic:
    """Return ``statistic`` (a function reducing the last axis) applied to every row's resamples.

    Materialises the ``g × size × n`` resamples, C-ordered (``np.take``; plain fancy indexing
    would put the rows innermost, and numpy would then sum along the last axis in another
    order), so the numbers are the one-sample ones exactly.

    >>> mean = resampled(lambda s: s.mean(axis=-1))
    >>> mean(np.array([[1.0, 3.0], [2.0, 2.0]]), Draws.of(np.array([[0, 0], [0, 1]]))).tolist()
    [[1.0, 2.0], [2.0, 2.0]]
    """
    return lambda samples, draws: statistic(np.take(samples, draws.indices, axis=1))


_PAIRWISE = 8  # numpy sums fewer values than this left to right (pairwise summation above)


def resampled_mean(samples: np.ndarray, draws: Draws) -> np.ndarray:
    """Return the mean of every row's resamples (``g × size``): ``resample.mean(axis=-1)`` exactly.

    Below 8 values numpy's sum runs left to right from +0.0, so the resamples are summed one
    drawn column at a time (no ``g × size × n`` array, no reduction over short rows); from 8
    values on, numpy's pairwise summation is kept by taking the mean of the resamples
    themselves (:func:`resampled`).

    >>> resampled_mean(np.array([[1.0, 3.0]]), Draws.of(np.array([[0, 0], [0, 1], [1, 1]]))).tolist()
    [[1.0, 2.0, 3.0]]
    """
    g, n = samples.shape
    if n >= _PAIRWISE:
        return np.take(samples, draws.indices, axis=1).mean(axis=-1)
    total = np.zeros((g, len(draws.indices)))
    for j in range(n):
        total += np.take(samples, draws.indices[:, j], axis=1)
    return total / n


def resampled_share(condition: Callable[[np.ndarray], np.ndarray]) -> GroupStatistic:
    """Return the share of each resample's values meeting ``condition``, from the draw counts.

    The number of hits (whole numbers: the counts of the values that meet it, added up) divided
    by ``n`` is the number ``condition(resample).mean(axis=-1)`` gives, without materialising
    the resamples.

    >>> share = resampled_share(lambda v: v > 0)
    >>> share(np.array([[1.0, -1.0]]), Draws.of(np.array([[0, 0], [0, 1], [1, 1]]))).tolist()
    [[1.0, 0.5, 0.0]]
    """

    def share(samples: np.ndarray, draws: Draws) -> np.ndarray:
        meets = condition(samples).astype(draws.counts.dtype)
        hits = np.zeros((len(samples), draws.counts.shape[1]), dtype=draws.counts.dtype)
        for j in range(samples.shape[1]):  # at most n hits: the counts' small integers suffice
            hits += np.multiply.outer(meets[:, j], draws.counts[j])
        return hits / samples.shape[1]

    return share


def resampled_median(samples: np.ndarray, draws: Draws) -> np.ndarray:
    """Return the median of every row's resamples (``g × size``), without sorting any resample.

    A resample's k-th smallest value is the j-th smallest of its row, for the least ``j`` at
    which the values up to the j-th have been drawn more than ``k`` times; so walking the row's
    values in order and accumulating the draw counts finds it. Even ``n``: the mean of the two
    middle values, as :func:`numpy.median` takes it; a resample that draws a NaN has median NaN.
    The same numbers as ``np.median(resample, axis=-1)``.

    >>> x = np.array([[3.0, 1.0, 2.0]])
    >>> resampled_median(x, Draws.of(np.array([[0, 0, 1], [1, 2, 2], [0, 1, 2]]))).tolist()
    [[3.0, 2.0, 2.0]]
    """
    g, n = samples.shape
    order = np.argsort(samples, axis=1, kind="stable")
    ordered = np.take_along_axis(samples, order, axis=1)
    counts = draws.counts
    kth = (n // 2 - 1, n // 2) if n % 2 == 0 else (n // 2,)
    drawn = np.zeros((g, counts.shape[1]), dtype=counts.dtype)
    below = [np.zeros(drawn.shape, dtype=counts.dtype) for _ in kth]  # small ints: less to move
    at_most = np.empty(drawn.shape, dtype=bool)
    for j in range(n):
        drawn += counts[order[:, j]]
        for position, k in zip(below, kth, strict=True):
            position += np.less_equal(drawn, k, out=at_most)
    picked = [np.take_along_axis(ordered, p.astype(np.intp), axis=1) for p in below]
    # np.mean of the middle one or two, as np.median takes it: the sum starts from +0.0 (so -0.0
    # comes out as 0.0), then is divided by the count
    median = (picked[0] + picked[1] if n % 2 == 0 else picked[0]) + 0.0
    median /= len(kth)
    missing = np.isnan(samples)
    if missing.any():
        median[(missing.astype(counts.dtype) @ counts) > 0] = np.nan
    return median


def bootstrap_groups(
    samples: np.ndarray,
    statistics: Mapping[str, GroupStatistic],
    *,
    n_resamples: int,
    seed: int,
) -> Iterator[tuple[slice, dict[str, np.ndarray]]]:
    """Yield ``(rows, distributions)``: the bootstrap distribution of each statistic, for many samples at once.

    ``samples`` is ``g × n`` (one sample of ``n`` values per row); every row is resampled with
    the same draws, those :func:`bootstrap_statistics` makes for ``n`` values with this ``seed``
    (:func:`resample_indices`), so row ``i``'s distribution is that of
    ``bootstrap_statistics(samples[i], ...)`` whenever each statistic agrees with its one-sample
    form (:func:`resampled`, :func:`resampled_mean`, :func:`resampled_share` and
    :func:`resampled_median` do, to the last bit).
    Distributions come in consecutive blocks of rows, each ``len(rows) × n_resamples``, so
    memory stays bounded however many samples there are.

    >>> x = np.array([[1.0, 1.0], [0.0, 2.0]])
    >>> [(r, d["m"].shape) for r, d in bootstrap_groups(x, {"m": resampled_median}, n_resamples=5, seed=0)]
    [(slice(0, 2, None), (2, 5))]
    """
    g, n = samples.shape
    widest = next(resample_batches(n_resamples, n), 0) * max(n, len(statistics))
    rows = max(1, _BLOCK_CELLS // max(widest, n_resamples * len(statistics), 1))
    kept = None  # one batch of draws serves every block of rows; more are drawn again per block
    if n_resamples * n <= _CELLS:
        kept = [Draws.of(d) for d in resample_indices(n, n_resamples=n_resamples, seed=seed)]
    for start in range(0, g, rows):
        block = samples[start : start + rows]
        parts: dict[str, list[np.ndarray]] = {s: [] for s in statistics}
        batches = kept or (
            Draws.of(d) for d in resample_indices(n, n_resamples=n_resamples, seed=seed)
        )
        for draws in batches:
            for stat, func in statistics.items():
                parts[stat].append(func(block, draws))
        yield (
            slice(start, start + len(block)),
            {s: v[0] if len(v) == 1 else np.concatenate(v, axis=1) for s, v in parts.items()},
        )


def quantiles(replicates: np.ndarray, q: Sequence[float], *, overwrite: bool = False) -> np.ndarray:
    """Return ``np.quantile(replicates, q, axis=-1)`` (linear, Hyndman & Fan type 7) from one partition.

    The same numbers as numpy's (same positions, same interpolation ``a + (b - a) γ``, or
    ``b - (b - a)(1 - γ)`` for ``γ >= 0.5``; NaN where a row has a NaN; only a zero tied with a
    zero of the other sign may come out with the other sign), but computed by one partition of
    each row around the order statistics the quantiles read and the row's last place (where a
    NaN goes), done by numpy for all rows at once, instead of numpy's partition per quantile:
    much faster for many short rows. Shape ``len(q) × replicates.shape[:-1]``;
    ``overwrite=True`` partitions ``replicates`` in place (no copy).

    >>> quantiles(np.array([[4.0, 1.0, 3.0, 2.0]]), [0.5, 0.9]).tolist()
    [[2.5], [3.7]]
    """
    m = replicates.shape[-1]
    previous, following, gamma = _type7(m, q)
    kth = (
        sorted({*(np.concatenate([previous, following]) % max(m, 1)).tolist(), m - 1}) if m else []
    )
    if overwrite:
        replicates.partition(kth, axis=-1)
    ordered = replicates if overwrite else np.partition(replicates, kth, axis=-1)
    gamma = gamma.reshape((-1,) + (1,) * (ordered.ndim - 1))
    a = np.moveaxis(ordered[..., previous], -1, 0)
    b = np.moveaxis(ordered[..., following], -1, 0)
    out = _between(a, b, gamma)
    missing = np.isnan(ordered[..., -1])
    if missing.any():
        out[:, missing] = np.nan
    return out


def _type7(m: int, q: Sequence[float]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The places (``-1``: the last) of the two order statistics each quantile ``q`` of ``m``
    values reads, and the weight ``γ`` of the second, as :func:`numpy.quantile` takes them."""
    virtual = (m - 1) * np.asanyarray(q, dtype=float)
    previous = np.floor(virtual)
    following = previous + 1
    previous[virtual >= m - 1] = following[virtual >= m - 1] = -1
    previous[virtual < 0] = following[virtual < 0] = 0
    previous, following = previous.astype(np.intp), following.astype(np.intp)
    return previous, following, virtual - previous


def _between(a: np.ndarray, b: np.ndarray, gamma: np.ndarray) -> np.ndarray:
    """numpy's linear interpolation: ``a + (b - a) γ``, or ``b - (b - a)(1 - γ)`` for ``γ >= 0.5``."""
    diff = b - a
    out = a + diff * gamma
    np.subtract(b, diff * (1 - gamma), out=out, where=gamma >= 0.5)
    return out


def lattice_quantiles(replicates: np.ndarray, levels: int, q: Sequence[float]) -> np.ndarray:
    """Return ``np.quantile(replicates, q, axis=-1)`` for rows (``g × m``) of shares ``k / levels``.

    A bootstrap distribution of a share of ``levels`` values takes at most ``levels + 1``
    values, so each row's order statistics are read from its counts of each ``k`` (one
    ``bincount`` over all rows, then cumulative sums) instead of a sort or partition: time
    linear in the number of replicates. The numbers are :func:`quantiles`' (numpy's) exactly:
    every value must be ``k / levels`` bit for bit with a whole ``0 <= k <= levels`` (checked;
    any other row set, a NaN among it, goes to :func:`quantiles`).

    >>> x = np.array([[0.0, 0.5, 1.0, 0.5, 0.5], [1.0, 1.0, 0.0, 0.5, 1.0]])
    >>> lattice_quantiles(x, 2, [0.1, 0.5, 0.9]).tolist()
    [[0.2, 0.2], [0.5, 1.0], [0.8, 1.0]]
    """
    g, m = replicates.shape
    if levels < 1 or not m:
        return quantiles(replicates, q)
    hits = np.rint(replicates * levels)
    if (
        not np.array_equal(hits / levels, replicates)
        or np.signbit(replicates).any()
        or (hits > levels).any()
    ):
        return quantiles(replicates, q)
    width = levels + 1
    flat = hits.astype(np.intp) + (np.arange(g, dtype=np.intp) * width)[:, None]
    below = np.bincount(flat.ravel(), minlength=g * width).reshape(g, width).cumsum(axis=1)
    previous, following, gamma = _type7(m, q)

    def kth(places: np.ndarray) -> np.ndarray:
        # the p-th smallest of a row (from 0) is the least k with more than p values <= k
        return np.stack([(below <= p % m).sum(axis=1) / levels for p in places.tolist()])

    return _between(kth(previous), kth(following), gamma.reshape(-1, 1))


def _comb_at_most(n: int, k: int, limit: int) -> bool:
    """Whether ``C(n, k) <= limit``, without building a huge integer for large ``n``.

    The running product ``C(n - k + i, i)`` grows with ``i``; it stops once it passes ``limit``,
    so the cost is at most ``min(k, n - k)`` small multiplications however large ``n`` is.

    >>> _comb_at_most(4, 2, 6), _comb_at_most(4, 2, 5), _comb_at_most(10**6, 5 * 10**5, 10**4)
    (True, False, False)
    """
    k = min(k, n - k)
    value = 1
    for i in range(1, k + 1):
        value = value * (n - k + i) // i
        if value > limit:
            return False
    return True


def _splits(n_a: int, n: int, n_resamples: int, seed: int) -> Iterator[np.ndarray]:
    """Label permutations as index arrays (first n_a go to a): all of them, or a random sample."""
    if _comb_at_most(n, n_a, n_resamples):
        combos = itertools.combinations(range(n), n_a)
        idx = np.array([[*c, *sorted(set(range(n)) - set(c))] for c in combos], dtype=np.intp)
        yield idx
        return
    rng = np.random.default_rng(seed)
    for size in resample_batches(n_resamples, n):
        yield rng.permuted(np.tile(np.arange(n), (size, 1)), axis=1)


def permutation_pvalues(
    a: np.ndarray,
    b: np.ndarray,
    statistics: Mapping[str, Callable[[np.ndarray], np.ndarray]],
    *,
    n_resamples: int,
    seed: int,
) -> tuple[dict[str, float], bool]:
    """Return (two-sided permutation p-value per statistic, exact) for the difference a − b.

    Exact when all ``C(n_a + n_b, n_a)`` splits number at most ``n_resamples`` (p = share of
    splits at least as extreme, the observed one included); else ``n_resamples`` random splits
    with ``(hits + 1) / (n + 1)`` (Phipson & Smyth 2010).

    >>> p, exact = permutation_pvalues(np.array([0.1, 0.2]), np.array([0.3, 0.4]),
    ...                                {"mean": lambda s: s.mean(axis=-1)}, n_resamples=100, seed=0)
    >>> round(p["mean"], 4), exact  # 2 of the 6 splits are as extreme as {0.1, 0.2} | {0.3, 0.4}
    (0.3333, True)
    """
    pooled, n_a = np.concatenate([a, b]), len(a)
    exact = _comb_at_most(len(pooled), n_a, n_resamples)
    observed = {s: abs(f(a) - f(b)) for s, f in statistics.items()}
    hits, total = dict.fromkeys(statistics, 0), 0
    for idx in _splits(n_a, len(pooled), n_resamples, seed):
        xa, xb = pooled[idx[:, :n_a]], pooled[idx[:, n_a:]]
        total += len(idx)
        for s, f in statistics.items():
            d = np.abs(f(xa) - f(xb))
            hits[s] += int((d >= observed[s] - _EPS).sum())
    if exact:  # the observed split is one of the enumerated ones
        return {s: hits[s] / total for s in statistics}, True
    return {s: (hits[s] + 1) / (total + 1) for s in statistics}, False  # Phipson & Smyth 2010


# --- effect sizes ------------------------------------------------------------------------------


def hedges_g(a: np.ndarray, b: np.ndarray) -> float:
    """Return Hedges' g: the standardised mean difference a − b with the small-sample correction.

    Pooled SD with ``ddof=1``; correction ``1 - 3 / (4 (n_a + n_b) - 9)`` (Hedges 1981). When
    neither side varies: 0 if the means agree, else NaN.

    >>> round(hedges_g(np.array([1.0, 2.0, 3.0]), np.array([2.0, 3.0, 4.0])), 4)  # -1 × (1 - 3/15)
    -0.8
    """
    na, nb = len(a), len(b)
    pooled = math.sqrt(((na - 1) * a.var(ddof=1) + (nb - 1) * b.var(ddof=1)) / (na + nb - 2))
    diff = a.mean() - b.mean()
    if pooled == 0:
        return 0.0 if abs(diff) < _EPS else math.nan
    return float(diff / pooled * (1 - 3 / (4 * (na + nb) - 9)))


def cliffs_delta(a: np.ndarray, b: np.ndarray) -> float:
    """Return Cliff's delta: P(a > b) − P(a < b) over all pairs (Cliff 1993), in O(n log n).

    >>> cliffs_delta(np.array([3.0, 4.0]), np.array([1.0, 3.0]))  # (3 - 0) / 4 pairs
    0.75
    """
    sb = np.sort(b)
    below = np.searchsorted(sb, a, side="left").sum()
    above = (len(b) - np.searchsorted(sb, a, side="right")).sum()
    return float((below - above) / (len(a) * len(b)))


def cohens_h(p_a: float, p_b: float) -> float:
    """Return Cohen's h for two proportions: ``2 asin √p_a − 2 asin √p_b`` (Cohen 1988).

    >>> round(cohens_h(0.5, 0.0), 4)  # 2 × π/4
    1.5708
    """
    return 2 * math.asin(math.sqrt(p_a)) - 2 * math.asin(math.sqrt(p_b))


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
    for n in (n_a, n_b):
        expect_kind(n, (int, np.integer), "permutation_floor", hint="pass the articles per side")
    if n_a < 1 or n_b < 1:
        raise ValueError(f"permutation_floor needs at least one article per side, got {n_a}, {n_b}")
    ways = 2.0 if two_sided and n_a == n_b else 1.0
    if (
        n_a + n_b > 1000
    ):  # C has hundreds of digits: work in logs (the floor is 0 to double precision)
        log_c = math.lgamma(n_a + n_b + 1) - math.lgamma(n_a + 1) - math.lgamma(n_b + 1)
        return min(1.0, ways * math.exp(-log_c))
    return min(1.0, ways / math.comb(n_a + n_b, n_a))


def _all_splits(n_a: int, n: int) -> np.ndarray:
    """All ``C(n, n_a)`` label splits as index rows (the first ``n_a`` go to side a)."""
    rows = [
        [*combo, *(i for i in range(n) if i not in combo)]
        for combo in itertools.combinations(range(n), n_a)
    ]
    return np.array(rows, dtype=np.intp).reshape(-1, n)


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
    a = _numbers(values_a, "article_permutation_test", one_per_article=True)
    b = _numbers(values_b, "article_permutation_test", one_per_article=True)
    if len(a) < 1 or len(b) < 1:
        raise ValueError("article_permutation_test needs at least one article per side")
    if alternative not in ("two-sided", "greater", "less"):
        raise ValueError(f"alternative must be two-sided, greater or less, not {alternative!r}")
    observed = float(a.mean() - b.mean())
    exact = _comb_at_most(len(a) + len(b), len(a), n_resamples)
    rng = np.random.default_rng(seed)
    diffs = _split_differences(a[None], b[None], n_resamples, rng, exact)[:, 0]
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
    n_resamples: int = 2000,
    seed: int = 0,
    confidence: float = 0.95,
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
    a = _numbers(values_a, "cluster_bootstrap_difference", one_per_article=True)
    b = _numbers(values_b, "cluster_bootstrap_difference", one_per_article=True)
    if len(a) < 1 or len(b) < 1:
        raise ValueError("cluster_bootstrap_difference needs at least one article per side")
    rng = np.random.default_rng(seed)
    means_a = a[rng.integers(0, len(a), size=(n_resamples, len(a)))].mean(axis=1)
    means_b = b[rng.integers(0, len(b), size=(n_resamples, len(b)))].mean(axis=1)
    low, high = percentile_interval((means_a - means_b)[:, None], confidence=confidence)
    return float(low[0]), float(high[0])


# --- Trends over time, with the article as the unit -----------------------------------------


def slope_permutation_floor(x: Sequence[float] | np.ndarray) -> float:
    """Return the smallest two-sided p a permutation test of a slope on ``x`` can reach.

    One x per article (e.g. its period's position in time). Permuting the articles' values over
    the x values gives ``M = n! / ∏ n_k!`` distinct arrangements (``n_k`` articles share the k-th
    distinct x). With distinct values the steepest slope comes from one arrangement (values
    sorted as x), so p ≥ 1/M; when the x values are symmetric about their mean, the reversed
    arrangement is as steep in the other direction, so p ≥ 2/M. With two distinct x this is
    :func:`permutation_floor` of the two sides (Ernst 2004).

    >>> slope_permutation_floor([0, 0, 0, 1, 1, 1])  # 2 / C(6, 3), as permutation_floor(3, 3)
    0.1
    >>> round(slope_permutation_floor([0, 1, 1, 2, 2]), 4)  # 1 / (5! / (1! 2! 2!)) = 1 / 30
    0.0333
    """
    x = np.asarray(x, dtype=float)
    if len(x) < 2:
        return 1.0
    _, sizes = np.unique(x, return_counts=True)
    if len(sizes) < 2:
        return 1.0
    ordered = np.sort(x)
    symmetric = np.allclose(ordered - ordered.mean(), -(ordered[::-1] - ordered.mean()))
    ways = 2 if symmetric else 1
    if len(x) > 5000:  # M has thousands of digits: the floor is 0 to double precision anyway
        log_m = math.lgamma(len(x) + 1) - sum(math.lgamma(int(k) + 1) for k in sizes)
        return float(min(1.0, ways * math.exp(-log_m)))
    arrangements, left = 1, len(x)
    for k in sizes.tolist():  # n! / ∏ n_k! as a product of binomials, exactly
        arrangements *= math.comb(left, k)
        left -= k
    return float(min(1.0, ways / arrangements))


def random_permutations(n: int, *, n_resamples: int, seed: int) -> np.ndarray:
    """Return ``n_resamples × n`` random permutations of ``0 .. n-1`` (int32), one per row.

    Keeping the values below ``k`` of each row, in order, gives ``n_resamples`` random
    permutations of ``0 .. k-1`` (a uniform permutation restricted to a subset stays uniform),
    so one draw serves every test of at most ``n`` articles (:func:`slope_permutation_test`).

    >>> p = random_permutations(5, n_resamples=3, seed=0)
    >>> p.shape, sorted(p[0].tolist()), sorted(p[p < 3].reshape(3, 3)[1].tolist())
    ((3, 5), [0, 1, 2, 3, 4], [0, 1, 2])
    """
    rng = np.random.default_rng(seed)
    return rng.permuted(np.tile(np.arange(n, dtype=np.int32), (n_resamples, 1)), axis=1)


def slope_permutation_test(
    x: Sequence[float] | np.ndarray,
    y: Sequence[float] | np.ndarray,
    *,
    n_resamples: int = 9999,
    seed: int = 0,
    permutations: np.ndarray | None = None,
) -> tuple[Any, Any, bool]:
    """Return ``(slope, p_value, exact)``: a two-sided permutation test of the slope of y on x.

    One (x, y) pair per article: x its time (e.g. the index of its period), y its value (e.g.
    its mean sentence compound). The least-squares slope is compared with the slopes after
    permuting the values over the articles, which breaks any link between time and value while
    keeping both sets of values (Manly 2007, *Randomization, bootstrap and Monte Carlo methods
    in biology*, ch. 8). Every permutation when there are at most ``n_resamples`` (``exact``;
    p = share of permutations at least as steep, the observed one included), else
    ``n_resamples`` random ones with ``(hits + 1) / (n + 1)`` (Phipson & Smyth 2010). With x
    taking two values it is the two-sample permutation test of the difference of means.
    ``y`` may be ``n × m`` (m measures of the same articles, tested with the same permutations):
    then slope and p are arrays of m. ``permutations`` (from :func:`random_permutations`, at
    least n wide) supplies the random orders, so many tests share one draw. Needs two distinct
    x; the floor is :func:`slope_permutation_floor`.

    >>> slope, p, exact = slope_permutation_test([0, 1, 2, 3], [1.0, 2.0, 3.0, 4.0])
    >>> round(slope, 4), round(p, 4), exact  # 2 of the 24 orders are as steep: 1234 and 4321
    (1.0, 0.0833, True)
    """
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    single = y.ndim == 1
    values = y[:, None] if single else y
    if len(x) != len(values):
        raise ValueError("slope_permutation_test needs one x per y")
    centred = x - x.mean()
    denominator = float(centred @ centred)
    if len(x) < 2 or denominator == 0:
        raise ValueError("slope_permutation_test needs at least two distinct x values")
    values = values - values.mean(axis=0)  # centred: a constant gives exactly 0
    observed = centred @ values / denominator
    bar = np.abs(observed) - 1e-12 * np.maximum(1.0, np.abs(observed))
    n = len(x)
    exact = math.factorial(n) <= n_resamples
    if exact:
        orders = np.array(list(itertools.permutations(range(n))), dtype=np.intp)
        p = (np.abs(centred[orders] @ values / denominator) >= bar).mean(axis=0)
    else:
        if permutations is None or permutations.shape[1] < n:
            permutations = random_permutations(n, n_resamples=n_resamples, seed=seed)
        hits = np.zeros(values.shape[1])
        for start in range(0, len(permutations), max(1, _CELLS // permutations.shape[1])):
            block = permutations[start : start + max(1, _CELLS // permutations.shape[1])]
            order = block[block < n].reshape(len(block), n)
            hits += (np.abs(centred[order] @ values / denominator) >= bar).sum(axis=0)
        p = (hits + 1) / (len(permutations) + 1)
    if single:
        return float(observed[0]), float(p[0]), exact
    return observed, p, exact


def slope_normal_test(
    x: Sequence[float] | np.ndarray, y: Sequence[float] | np.ndarray
) -> tuple[Any, Any]:
    """Return ``(slope, p_value)`` from the normal approximation to the permutation distribution.

    For many articles, permuting is slow and needless: over all permutations of y the slope's
    numerator ``Σ (x − x̄) y`` has mean 0 and variance ``Σ (x − x̄)² Σ (y − ȳ)² / (n − 1)``
    exactly, and it is approximately normal (Hájek 1961, "Some extensions of the
    Wald–Wolfowitz–Noether theorem", *Ann. Math. Stat.* 32). Two-sided p from that normal; a
    constant y gives p = 1. ``y`` may be ``n × m`` as in :func:`slope_permutation_test`.

    >>> slope, p = slope_normal_test([0, 0, 1, 1], [0.0, 0.0, 1.0, 1.0])
    >>> float(slope), round(float(p), 4)  # z = 1 / sqrt(1 · 1 / 3) = sqrt(3)
    (1.0, 0.0833)
    """
    from scipy.special import erfc

    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    single = y.ndim == 1
    values = y[:, None] if single else y
    centred = x - x.mean()
    denominator = float(centred @ centred)
    if len(x) < 2 or denominator == 0:
        raise ValueError("slope_normal_test needs at least two distinct x values")
    values = values - values.mean(axis=0)
    numerator = centred @ values
    spread = np.sqrt(denominator * (values * values).sum(axis=0) / (len(x) - 1))
    z = np.divide(np.abs(numerator), spread, out=np.zeros_like(numerator), where=spread > 0)
    p = np.where(spread > 0, erfc(z / math.sqrt(2.0)), 1.0)
    slope = numerator / denominator
    return (float(slope[0]), float(p[0])) if single else (slope, p)


# --- Two sides compared within strata (e.g. within each story) ------------------------------


def _article_columns(values, where: str) -> tuple[np.ndarray, bool]:
    """``values`` as a measures × articles float array (C-contiguous: each measure's articles in
    a row), and whether it came as one flat column (one number per article)."""
    wanted = "one number per article, or an articles × measures array"
    array = _numbers(values, where, wanted=wanted)
    if array.ndim == 1:
        return array.reshape(1, -1).copy(), True
    if array.ndim != 2:
        raise wrong_kind(values, wanted, where)
    return np.ascontiguousarray(array.T), False


def _strata_cells(
    a: np.ndarray, b: np.ndarray, strata_a: Sequence[str], strata_b: Sequence[str], where: str
) -> list[tuple[np.ndarray, np.ndarray]]:
    """The strata holding both sides, in sorted order: ``(values of a, values of b)`` each, as
    C-contiguous measures × articles arrays (articles in their order; a row's mean then sums as
    the one-measure array's does). One pass over the articles, however many strata."""
    if len(strata_a) != a.shape[1] or len(strata_b) != b.shape[1]:
        raise ValueError(f"{where}: one stratum per article is needed on each side")
    if len(a) != len(b):
        raise ValueError(f"{where}: both sides need the same measures (columns)")
    at_a: dict[Any, list[int]] = {}
    at_b: dict[Any, list[int]] = {}
    for places, strata in ((at_a, strata_a), (at_b, strata_b)):
        for i, s in enumerate(strata):
            places.setdefault(s, []).append(i)
    shared = sorted(at_a.keys() & at_b.keys(), key=str)
    return [(np.take(a, at_a[s], axis=1), np.take(b, at_b[s], axis=1)) for s in shared]


def _stratum_weights(cells: list[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """Each stratum's weight n_a n_b / (n_a + n_b), normalised to sum 1 (Mantel & Haenszel 1959)."""
    w = np.array([x.shape[1] * y.shape[1] / (x.shape[1] + y.shape[1]) for x, y in cells],
                 dtype=float)  # fmt: skip
    return w / w.sum()


def stratified_floor(sizes: Sequence[tuple[int, int]], *, two_sided: bool = True) -> float:
    """Return the smallest p-value a permutation test within strata can reach.

    Labels are permuted only within each stratum, so the design has ``Π C(n_a,s + n_b,s, n_a,s)``
    splits and the one-sided floor is one over that product. Two-sided, the mirror split (sides
    swapped in every stratum) exists only when ``n_a,s = n_b,s`` in every stratum: then the
    floor is twice that (as :func:`permutation_floor` for one stratum).

    >>> stratified_floor([(2, 1), (1, 2)])  # 3 x 3 splits, no mirror
    0.1111111111111111
    >>> stratified_floor([(1, 1), (1, 1), (1, 1)])  # 2 x 2 x 2 splits, mirror: 2 / 8
    0.25
    """
    if not sizes or any(n_a < 1 or n_b < 1 for n_a, n_b in sizes):
        raise ValueError("stratified_floor needs at least one article per side in every stratum")
    log_c = sum(
        math.lgamma(n_a + n_b + 1) - math.lgamma(n_a + 1) - math.lgamma(n_b + 1)
        for n_a, n_b in sizes
    )
    ways = 2.0 if two_sided and all(n_a == n_b for n_a, n_b in sizes) else 1.0
    if log_c > 700:  # the product has hundreds of digits: the floor is 0 to double precision
        return 0.0
    return min(1.0, ways / round(math.exp(log_c)))


def _gathered(x: np.ndarray, idx: np.ndarray) -> Iterator[tuple[slice, np.ndarray]]:
    """``(measures, x[measures][:, idx])`` in blocks of about :data:`_BLOCK_CELLS` gathered
    cells (at least one measure: no more than the one-measure test gathers): each measure's values under every row of ``idx``, C-contiguous (as
    ``np.take`` lays them out; fancy indexing would put the measures innermost), so a mean over
    the last axis sums them pairwise as the one-measure array does: the same bits."""
    step = max(1, _BLOCK_CELLS // max(idx.size, 1))
    for start in range(0, len(x), step):
        yield slice(start, start + step), np.take(x[start : start + step], idx, axis=1)


def _split_differences(x: np.ndarray, y: np.ndarray, n_resamples: int, rng, exact: bool):
    """mean(a) − mean(b) of one sample (or stratum) under each of its label splits, splits ×
    measures (``x``, ``y``: measures × articles): all splits, or ``n_resamples`` random ones
    drawn in :func:`resample_batches` batches (memory bounded in a large sample; the draws are
    those of one ``n_resamples × n`` call), every measure evaluated on the same splits."""
    pooled, n_a = np.concatenate([x, y], axis=1), x.shape[1]
    n = pooled.shape[1]
    if exact:
        batches = [_all_splits(n_a, n)]
    else:
        batches = (rng.permuted(np.tile(np.arange(n), (size, 1)), axis=1)
                   for size in resample_batches(n_resamples, n))  # fmt: skip
    out = []
    for idx in batches:
        part = np.empty((len(idx), len(pooled)))
        for measures, values in _gathered(pooled, idx):
            part[:, measures] = (values[..., :n_a].mean(axis=-1)
                                 - values[..., n_a:].mean(axis=-1)).T  # fmt: skip
            del values  # before the next block is gathered: one block in memory
        out.append(part)
    return np.concatenate(out)


def _resampled_means(x: np.ndarray, idx: np.ndarray) -> np.ndarray:
    """The mean of each measure of ``x`` (measures × articles) over each row of ``idx``:
    resamples × measures."""
    out = np.empty((len(idx), len(x)))
    for measures, values in _gathered(x, idx):
        out[:, measures] = values.mean(axis=-1).T
        del values
    return out


def _per_measure(values: np.ndarray, single: bool) -> Any:
    """One float when the input was one flat column, else the array of one value per measure."""
    return float(values[0]) if single else values


def stratified_permutation_test(
    values_a: Sequence[float] | np.ndarray,
    values_b: Sequence[float] | np.ndarray,
    strata_a: Sequence[str],
    strata_b: Sequence[str],
    *,
    n_resamples: int = 9999,
    seed: int = 0,
) -> tuple[Any, Any, bool, int]:
    """Return ``(difference, p_value, exact, strata)``: side a against side b within strata.

    One value per article and its stratum (e.g. its story). Only strata holding articles of
    both sides compare anything; the others are left out and ``strata`` says how many were
    used. The difference is the weighted mean over strata of mean(a) − mean(b) inside each,
    weighted ``n_a n_b / (n_a + n_b)`` (the Mantel–Haenszel weights; Mantel & Haenszel 1959),
    so a side's lean toward one story cannot pass for a difference between the sides. The
    labels are permuted within each stratum only (a blocked permutation test: Good 2005,
    *Permutation, parametric and bootstrap tests of hypotheses*, §3.6; Rosenbaum 2002): every
    combination of splits when they number at most ``n_resamples`` (``exact``, p = share at
    least as extreme in absolute value, the observed one included), else ``n_resamples``
    random ones with ``(hits + 1) / (n + 1)`` (Phipson & Smyth 2010). Its smallest reachable p:
    :func:`stratified_floor`. With no stratum shared by both sides: ``(nan, nan, True, 0)``.
    ``values_a``/``values_b`` may be articles × measures (e.g. one column per frame): every
    measure is tested on the same splits, drawn once, and difference and p are arrays, each
    column's equal to what the column alone gives. A measure with a missing (NaN) value on a
    compared article gets NaN: no number would be honest.

    Worked by hand: in stratum x the splits of {1, 2 | 0} give differences 1.5, −1.5, 0; in
    y those of {5 | 3, 4} give 1.5, −1.5, 0; equal weights; 2 of the 9 combinations reach
    |1.5|:

    >>> stratified_permutation_test([1, 2, 5], [0, 3, 4], ["x", "x", "y"], ["x", "y", "y"])
    (1.5, 0.2222222222222222, True, 2)
    """
    a, single = _article_columns(values_a, "stratified_permutation_test")
    b, _ = _article_columns(values_b, "stratified_permutation_test")
    cells = _strata_cells(a, b, strata_a, strata_b, "stratified_permutation_test")
    if not cells:
        nan = np.full(len(a), np.nan)
        return _per_measure(nan, single), _per_measure(nan.copy(), single), True, 0
    w = _stratum_weights(cells)
    observed = sum(wi * (x.mean(axis=-1) - y.mean(axis=-1))
                   for wi, (x, y) in zip(w, cells, strict=True))  # fmt: skip
    total = 1
    for x, y in cells:
        total *= math.comb(x.shape[1] + y.shape[1], x.shape[1])
        if total > n_resamples:
            break
    exact = total <= n_resamples
    rng = np.random.default_rng(seed)
    if exact:  # every combination: the sum over strata of each stratum's weighted split
        stat = np.zeros((1, len(a)))
        for wi, (x, y) in zip(w, cells, strict=True):
            split = wi * _split_differences(x, y, 0, rng, True)
            stat = stat[:, None, :] + split[None, :, :]
            stat = stat.reshape(stat.shape[0] * stat.shape[1], len(a))
    else:
        stat = sum(wi * _split_differences(x, y, n_resamples, rng, False)
                   for wi, (x, y) in zip(w, cells, strict=True))  # fmt: skip
    bar = np.abs(observed) - 1e-12 * np.maximum(1.0, np.abs(observed))
    hits = (np.abs(stat) >= bar).sum(axis=0)
    p = hits / len(stat) if exact else (hits + 1) / (len(stat) + 1)
    p = np.where(np.isnan(observed), np.nan, p)  # a missing value: no honest p
    return _per_measure(observed, single), _per_measure(p, single), exact, len(cells)


def stratified_bootstrap_difference(
    values_a: Sequence[float] | np.ndarray,
    values_b: Sequence[float] | np.ndarray,
    strata_a: Sequence[str],
    strata_b: Sequence[str],
    *,
    n_resamples: int = 2000,
    seed: int = 0,
    confidence: float = 0.95,
) -> tuple[Any, Any]:
    """Return the percentile interval of the within-strata difference of
    :func:`stratified_permutation_test`, resampling articles within each side of each stratum.

    The cluster bootstrap (Field & Welsh 2007) run inside every stratum shared by both sides,
    the Mantel–Haenszel weights held fixed; a cell of one article adds no sampling variation.
    ``(nan, nan)`` when no stratum holds both sides. Articles × measures values give arrays of
    one bound per measure, all measures resampled with the same draws (each column's interval
    equal to what the column alone gives).

    >>> stratified_bootstrap_difference([1.0, 1.0, 3.0], [0.0, 2.0], ["x", "x", "y"], ["x", "y"])
    (1.0, 1.0)
    """
    a, single = _article_columns(values_a, "stratified_bootstrap_difference")
    b, _ = _article_columns(values_b, "stratified_bootstrap_difference")
    cells = _strata_cells(a, b, strata_a, strata_b, "stratified_bootstrap_difference")
    if not cells:
        nan = np.full(len(a), np.nan)
        return _per_measure(nan, single), _per_measure(nan.copy(), single)
    rng = np.random.default_rng(seed)
    draws = np.zeros((n_resamples, len(a)))
    for wi, (x, y) in zip(_stratum_weights(cells), cells, strict=True):
        mx = _resampled_means(x, rng.integers(0, x.shape[1], size=(n_resamples, x.shape[1])))
        my = _resampled_means(y, rng.integers(0, y.shape[1], size=(n_resamples, y.shape[1])))
        draws += wi * (mx - my)
    low, high = percentile_interval(draws, confidence=confidence)
    return _per_measure(low, single), _per_measure(high, single)


def mantel_haenszel_log_ratio(
    count_a, count_b, n_a, n_b, *, zero: float = 0.5
) -> tuple[np.ndarray, np.ndarray]:
    """Return ``(log_ratio, p)`` per term: Log Ratio within strata and its Mantel–Haenszel test.

    ``count_a`` and ``count_b`` are strata × terms arrays of a term's count on each side in each
    stratum (e.g. each story), ``n_a`` and ``n_b`` each side's tokens per stratum; only strata
    where both sides have tokens count. The ratio is the Mantel–Haenszel rate ratio
    ``Σ a_s n_b,s / T_s ÷ Σ b_s n_a,s / T_s`` (``T_s = n_a,s + n_b,s``; Greenland & Robins
    1985, Rothman, Greenland & Lash 2008 ch. 15): the ratio of relative frequencies compared
    inside each stratum and pooled, so a word of a story that one side covers more cannot pass
    for a word of that side. Its log2 is Hardie's Log Ratio when there is one stratum; a zero
    sum is replaced by ``zero`` occurrences spread evenly over the strata (Hardie's 0.5 with
    one stratum). ``p`` is the χ²₁ tail of the Mantel–Haenszel score statistic
    ``(Σ a_s − Σ m_s q_s)² / Σ m_s q_s (1 − q_s)`` with ``m_s = a_s + b_s`` and
    ``q_s = n_a,s / T_s`` (1 for a term absent from the shared strata). Tokens are its unit.
    The counts may be scipy sparse matrices: the sums run stratum by stratum, one row dense at
    a time, so thousands of strata over a large vocabulary take memory for one row, not all.

    Worked by hand: stratum 1 has 4 of 100 tokens on a, 2 of 100 on b; stratum 2 has 1 of 100
    on a, 2 of 400 on b. Ratio = (4·100/200 + 1·400/500) / (2·100/200 + 2·100/500)
    = 2.8 / 1.4 = 2; score = (5 − (6·0.5 + 3·0.2))² / (6·0.25 + 3·0.16) = 1.96 / 1.98:

    >>> lr, p = mantel_haenszel_log_ratio([[4], [1]], [[2], [2]], [100, 100], [100, 400])
    >>> float(lr[0]), round(float(p[0]), 5), round(float(chi2_sf1(np.array([1.96 / 1.98]))[0]), 5)
    (1.0, 0.31977, 0.31977)
    """
    a, b = _strata_rows(count_a), _strata_rows(count_b)
    na, nb = np.asarray(n_a, dtype=float).ravel(), np.asarray(n_b, dtype=float).ravel()
    if a.shape != b.shape or len(na) != a.shape[0] or len(nb) != a.shape[0]:
        raise ValueError(
            "mantel_haenszel_log_ratio needs strata x terms counts and tokens per stratum"
        )
    keep = np.flatnonzero((na > 0) & (nb > 0))
    na, nb = na[keep], nb[keep]
    total = na + nb
    q = na / total
    num, den, sum_a, sum_b, expected, variance = np.zeros((6, a.shape[1]))
    for s, row in enumerate(keep.tolist()):  # stratum by stratum: one row dense at a time
        ra, rb = _dense_row(a, row), _dense_row(b, row)
        num += ra * nb[s] / total[s]
        den += rb * na[s] / total[s]
        sum_a += ra
        sum_b += rb
        m = ra + rb
        expected += m * q[s]
        variance += m * q[s] * (1 - q[s])
    k = max(len(total), 1)
    num = np.where(num > 0, num, zero * (nb / total).sum() / k)
    den = np.where(den > 0, den, zero * (na / total).sum() / k)
    both_zero = (sum_a == 0) & (sum_b == 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        lr = np.where(both_zero, 0.0, np.log2(num / den))
        score = np.where(variance > 0, (sum_a - expected) ** 2 / variance, 0.0)
    return lr, np.where(variance > 0, chi2_sf1(score), 1.0)


def _strata_rows(counts) -> Any:
    """Strata × terms counts as a float CSR matrix (scipy sparse in) or a 2-D array."""
    if hasattr(counts, "tocsr"):
        return counts.tocsr().astype(float)
    return np.atleast_2d(np.asarray(counts, dtype=float))


def _dense_row(x, row: int) -> np.ndarray:
    """Row ``row`` of a 2-D array or CSR matrix, as a dense float vector."""
    if isinstance(x, np.ndarray):
        return x[row]
    out = np.zeros(x.shape[1])
    start, end = x.indptr[row], x.indptr[row + 1]
    out[x.indices[start:end]] = x.data[start:end]
    return out


#: The exact conditional test of :func:`mantel_haenszel_shares` convolves each stratum's
#: hypergeometric distribution; beyond this many multiply-adds for one item it uses the
#: Cochran–Mantel–Haenszel χ² instead (the exact test's large-sample limit).
_EXACT_WORK = 4_000_000


def _share_arrays(hits_a, n_a, hits_b, n_b) -> tuple[np.ndarray, ...]:
    """The four strata × items arrays of :func:`mantel_haenszel_shares`, checked."""
    a = np.atleast_2d(np.asarray(hits_a, dtype=float))
    b = np.atleast_2d(np.asarray(hits_b, dtype=float))
    if a.shape != b.shape:
        raise ValueError("mantel_haenszel_shares needs strata x items counts on both sides")
    na, nb = (np.asarray(n, dtype=float) for n in (n_a, n_b))
    na = np.broadcast_to(na.reshape(-1, 1) if na.ndim == 1 else na, a.shape).astype(float)
    nb = np.broadcast_to(nb.reshape(-1, 1) if nb.ndim == 1 else nb, a.shape).astype(float)
    if (a < 0).any() or (b < 0).any() or (a > na).any() or (b > nb).any():
        raise ValueError("mantel_haenszel_shares: counts must lie between 0 and the articles")
    return a, na, b, nb


def _hypergeometric(total: int, marked: int, drawn: int) -> tuple[int, np.ndarray]:
    """``(lowest k, pmf)``: how many of ``drawn`` of ``total`` articles are among ``marked``."""
    from scipy.special import gammaln

    low, high = max(0, marked - (total - drawn)), min(marked, drawn)
    k = np.arange(low, high + 1, dtype=float)
    log = (gammaln(marked + 1) - gammaln(k + 1) - gammaln(marked - k + 1)
           + gammaln(total - marked + 1) - gammaln(drawn - k + 1)
           - gammaln(total - marked - drawn + k + 1)
           - gammaln(total + 1) + gammaln(drawn + 1) + gammaln(total - drawn + 1))  # fmt: skip
    pmf = np.exp(log)
    return low, pmf / pmf.sum()


def _conditional_test(a, na, b, nb) -> tuple[float, float, bool]:
    """``(p, floor, exact)`` for one item: strata of both sides, margins fixed."""
    total, marked = na + nb, a + b
    expected = float((marked * na / total).sum())
    observed = float(a.sum())
    spans = np.minimum(marked, na) - np.maximum(0, marked - nb) + 1
    exact = float(spans.sum()) ** 2 <= _EXACT_WORK  # bounds the convolutions' multiply-adds
    tol = 1e-9 * max(1.0, abs(expected))
    if exact:
        start, pmf = 0, np.ones(1)
        for t, m, n in zip(total.astype(int), marked.astype(int), na.astype(int), strict=True):
            low, part = _hypergeometric(int(t), int(m), int(n))
            start, pmf = start + low, np.convolve(pmf, part)
        distance = np.abs(np.arange(start, start + len(pmf)) - expected)

        def tail(k: float) -> float:
            return float(min(1.0, pmf[distance >= abs(k - expected) - tol].sum()))

        ends = (start, start + len(pmf) - 1)
    else:
        var = float((marked * na * nb * (total - marked) / (total**2 * (total - 1))).sum())

        def tail(k: float) -> float:
            if var <= 0:
                return 1.0
            return float(chi2_sf1(np.array([(k - expected) ** 2 / var]))[0])

        ends = (float(np.maximum(0, marked - nb).sum()), float(np.minimum(marked, na).sum()))
    return tail(observed), min(tail(ends[0]), tail(ends[1])), exact


def mantel_haenszel_shares(hits_a, n_a, hits_b, n_b) -> dict[str, np.ndarray]:
    """Return the difference of two sides' shares of articles within strata, and its test.

    ``hits_a`` and ``hits_b`` are strata × items arrays: how many of a side's articles in a
    stratum (e.g. a story) have the item (quote a speaker, use a name, touch a frame); ``n_a``
    and ``n_b`` the side's articles there (one per stratum, or strata × items when each item
    has its own articles, e.g. those naming its concept). Only strata where both sides have
    articles count. Keys of the dict, one value per item:

    * ``difference``: the Mantel–Haenszel risk difference
      ``Σ (a_s n_b,s − b_s n_a,s) / T_s ÷ Σ n_a,s n_b,s / T_s`` (Greenland & Robins 1985;
      Rothman, Greenland & Lash 2008 ch. 15): the within-stratum differences of shares
      weighted ``n_a n_b / T``, as :func:`stratified_permutation_test` weighs means;
    * ``odds_ratio``: the Mantel–Haenszel odds ratio ``Σ a_s d_s / T_s ÷ Σ b_s c_s / T_s``
      (Mantel & Haenszel 1959; ``c``, ``d``: articles without the item on side a, b);
    * ``p``: the two-sided exact conditional test of Σ a_s given every stratum's margins (each
      stratum's a_s hypergeometric, their distribution convolved; Birch 1964, as R's
      ``mantelhaen.test(exact = TRUE)``), ordered by the distance of Σ a_s from its
      expectation, as the Cochran–Mantel–Haenszel statistic orders it. This is the
      permutation test of labels within strata for a 0/1 outcome, enumerated in closed form.
      When the convolution would be long, the CMH χ²₁ without continuity correction
      (``exact`` False);
    * ``p_floor``: the smallest p these margins can give (the most extreme Σ a_s);
    * ``exact`` (bool) and ``strata`` (strata where both sides have articles).

    With no such stratum every value is NaN. Worked by hand: stratum 1 has 2 of 2 articles with
    the item on side a, 0 of 1 on b; stratum 2 has 1 of 1 on a, 0 of 2 on b. Difference =
    (2·1 − 0·2)/3 + (1·2 − 0·1)/3 over 2/3 + 2/3 = 1; Σ a_s = 3 is the largest possible, of
    probability 1/3 · 1/3:

    >>> r = mantel_haenszel_shares([[2], [1]], [2, 1], [[0], [0]], [1, 2])
    >>> float(r["difference"][0]), round(float(r["p"][0]), 4), round(float(r["p_floor"][0]), 4)
    (1.0, 0.1111, 0.1111)
    """
    a, na, b, nb = _share_arrays(hits_a, n_a, hits_b, n_b)
    valid = (na > 0) & (nb > 0)
    total = np.where(valid, na + nb, 1.0)
    weight = np.where(valid, na * nb / total, 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        diff = np.where(valid, (a * nb - b * na) / total, 0.0).sum(axis=0) / weight.sum(axis=0)
        odds = (np.where(valid, a * (nb - b) / total, 0.0).sum(axis=0)
                / np.where(valid, b * (na - a) / total, 0.0).sum(axis=0))  # fmt: skip
    n_items = a.shape[1]
    p, floor = np.full(n_items, np.nan), np.full(n_items, np.nan)
    exact = np.ones(n_items, dtype=bool)
    for j in range(n_items):
        keep = valid[:, j]
        if keep.any():
            p[j], floor[j], exact[j] = _conditional_test(a[keep, j], na[keep, j], b[keep, j],
                                                         nb[keep, j])  # fmt: skip
    return {"difference": diff, "odds_ratio": odds, "p": p, "p_floor": floor, "exact": exact,
            "strata": valid.sum(axis=0)}  # fmt: skip


def stratified_share_interval(
    hits_a, n_a, hits_b, n_b, *, n_resamples: int = 2000, seed: int = 0,
    confidence: float = 0.95,
) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Return the percentile interval of :func:`mantel_haenszel_shares`' difference per item.

    Articles are resampled within each side of each stratum (the cluster bootstrap of
    :func:`stratified_bootstrap_difference` with a 0/1 value per article, drawn as binomial
    counts), the Mantel–Haenszel weights held fixed; a cell whose articles all have the item,
    or none, adds no sampling variation. NaN for an item with no stratum of both sides.

    >>> low, high = stratified_share_interval([[1], [0]], [2, 1], [[0], [0]], [1, 1])
    >>> float(low[0]), float(high[0])  # 0, 1/2 or 1 of 2 on a in stratum 1, weights 2/3 and 1/2
    (0.0, 0.5714285714285715)
    """
    a, na, b, nb = _share_arrays(hits_a, n_a, hits_b, n_b)
    valid = (na > 0) & (nb > 0)
    weight = np.where(valid, na * nb / np.where(valid, na + nb, 1.0), 0.0)
    sums = weight.sum(axis=0)
    rng = np.random.default_rng(seed)
    draws = np.zeros((n_resamples, a.shape[1]))
    for s in range(len(a)):
        if not valid[s].any():
            continue
        ma, mb = (
            np.where(valid[s], na[s], 0).astype(np.int64),
            np.where(valid[s], nb[s], 0).astype(np.int64),
        )
        pa = np.where(ma > 0, a[s] / np.maximum(na[s], 1), 0.0)
        pb = np.where(mb > 0, b[s] / np.maximum(nb[s], 1), 0.0)
        share_a = rng.binomial(ma, pa, size=draws.shape) / np.maximum(ma, 1)
        share_b = rng.binomial(mb, pb, size=draws.shape) / np.maximum(mb, 1)
        draws += weight[s] * (share_a - share_b)
    with np.errstate(divide="ignore", invalid="ignore"):
        draws /= sums
    low, high = percentile_interval(draws, confidence=confidence)
    return np.where(sums > 0, low, np.nan), np.where(sums > 0, high, np.nan)
