"""Tests for newsframe.stats: hand-worked values and high-precision references."""

from __future__ import annotations

import math
from decimal import Decimal, getcontext

import numpy as np
import pytest
from scipy.stats import power_divergence
from scipy.stats.contingency import expected_freq

from newsframe import stats


def _g2_decimal(a: int, b: int, n_a: int, n_b: int) -> Decimal:
    """G² = 2 Σ O ln(O/E) over the 2 × 2 table, in 60-digit decimal arithmetic."""
    getcontext().prec = 60
    a, b, n_a, n_b = map(Decimal, (a, b, n_a, n_b))
    total, k = n_a + n_b, a + b
    cells = [
        (a, n_a * k / total),
        (b, n_b * k / total),
        (n_a - a, n_a * (total - k) / total),
        (n_b - b, n_b * (total - k) / total),
    ]
    return 2 * sum(o * (o / e).ln() for o, e in cells if o > 0)


@pytest.mark.parametrize(
    ("a", "b", "n_a", "n_b"),
    [
        (31_234, 30_987, 1_234_567, 1_198_765),  # tens of thousands of tokens per cell
        (20_000, 20_001, 1_000_000, 1_000_000),  # nearly equal rates: G² ≈ 2.55e-5
        (12_345, 54_321, 2_000_000, 3_000_000),
        (3, 0, 800, 900),
        (5, 0, 5, 7),  # the term is the whole of side a
    ],
)
def test_g2_matches_a_high_precision_reference(a, b, n_a, n_b):
    reference = _g2_decimal(a, b, n_a, n_b)
    value = stats.g2([a], [b], n_a, n_b)[0]
    assert abs(Decimal(float(value)) - reference) <= Decimal("1e-13") * reference


def test_g2_on_large_cells_agrees_with_scipy_power_divergence():
    table = np.array([[31_234, 30_987], [1_234_567 - 31_234, 1_198_765 - 30_987]], dtype=float)
    scipy_value = power_divergence(
        table.ravel(), expected_freq(table).ravel(), lambda_="log-likelihood"
    ).statistic
    assert stats.g2([31_234], [30_987], 1_234_567, 1_198_765)[0] == pytest.approx(
        scipy_value, rel=1e-8
    )


def test_g2_nearly_equal_rates_keeps_its_digits():
    # a·n_b − b·n_a = −1e6, so O − E = ∓0.5 in every cell; G² ≈ Σ (O−E)²/E = 2.55096e-5 (χ²)
    value = stats.g2([20_000], [20_001], 1_000_000, 1_000_000)[0]
    chi2 = sum(0.25 / e for e in (20_000.5, 20_000.5, 979_999.5, 979_999.5))
    assert value == pytest.approx(chi2, rel=1e-4)
    assert value == pytest.approx(float(_g2_decimal(20_000, 20_001, 10**6, 10**6)), rel=1e-12)


def test_g2_empty_and_equal_cells_are_zero():
    assert stats.g2([0, 5], [0, 7], 5, 7).tolist() == [0.0, 0.0]
    assert stats.g2([10], [10], 1000, 1000)[0] == 0.0


def test_effect_sizes_by_hand():
    # means 2 and 3, pooled SD 1: g = −1 × (1 − 3 / (4·6 − 9)) = −0.8
    assert stats.hedges_g(np.array([1.0, 2, 3]), np.array([2.0, 3, 4])) == pytest.approx(-0.8)
    # pairs (3,1) (3,3) (4,1) (4,3): 3 greater, 0 smaller → 3/4
    assert stats.cliffs_delta(np.array([3.0, 4]), np.array([1.0, 3])) == 0.75
    assert stats.cohens_h(0.5, 0.0) == pytest.approx(math.pi / 2)
    assert math.isnan(stats.hedges_g(np.array([1.0, 1]), np.array([2.0, 2])))


def test_permutation_exact_by_hand():
    mean = {"mean": lambda x: x.mean(axis=-1)}
    # pooled 1,2,3,4 split 2 | 2: |difference of means| per split = 2, 1, 0, 0, 1, 2; observed 2
    p, exact = stats.permutation_pvalues(
        np.array([1.0, 2]), np.array([3.0, 4]), mean, n_resamples=6, seed=0
    )
    assert exact and p["mean"] == pytest.approx(2 / 6)


def test_bootstrap_statistics_is_seeded_and_bounded():
    x = np.array([0.0, 1.0])
    one = stats.bootstrap_statistics(x, {"m": lambda s: s.mean(axis=-1)}, n_resamples=500, seed=4)
    two = stats.bootstrap_statistics(x, {"m": lambda s: s.mean(axis=-1)}, n_resamples=500, seed=4)
    assert np.array_equal(one["m"], two["m"])
    assert set(np.unique(one["m"])) <= {0.0, 0.5, 1.0}


def test_one_name_for_resamples_and_confidence_old_names_warn():
    import pandas as pd

    import newsframe as nf

    t = pd.DataFrame({"article_id": ["a"] * 3, "compound": [0.1, 0.2, 0.3]})
    new = nf.sentiment_summary(t, n_resamples=50, confidence=0.9)
    with pytest.warns(DeprecationWarning, match="n_boot= is deprecated, use n_resamples="):
        old = nf.sentiment_summary(t, n_boot=50, confidence=0.9)
    pd.testing.assert_frame_equal(new, old)
    a = nf.Article("a", "T", ("Opinion polls show most people are unsure.",))
    with pytest.warns(DeprecationWarning, match="level= is deprecated, use confidence="):
        nf.frame_dimensions([a], n_resamples=10, level=0.9)


# --- many samples at once: the one-sample numbers exactly ----------------------------------------

ONE_SAMPLE = {
    "mean": lambda s: s.mean(axis=-1),
    "mean_taken": lambda s: s.mean(axis=-1),
    "median": lambda s: np.median(s, axis=-1),
    "share": lambda s: (s >= 0.05).mean(axis=-1),
}
GROUPED = {
    "mean": stats.resampled_mean,
    "mean_taken": stats.resampled(lambda s: s.mean(axis=-1)),
    "median": stats.resampled_median,
    "share": stats.resampled_share(lambda s: s >= 0.05),
}


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    """Equal to the last bit, NaN where NaN, and the same sign of zero."""
    return np.array_equal(a, b, equal_nan=True) and np.array_equal(np.signbit(a), np.signbit(b))


@pytest.mark.parametrize("n", [1, 2, 3, 7, 8, 9, 24, 25, 130])
def test_bootstrap_groups_draws_what_bootstrap_statistics_draws(n):
    # the reference is numpy itself: each row bootstrapped alone with np.mean / np.median
    rng = np.random.default_rng(n)
    samples = np.round(rng.uniform(-1, 1, (6, n)), 2)
    samples[samples > 0.7] = 0.0  # ties
    samples[samples < -0.7] = -0.0  # signed zeros
    seen = 0
    for rows, dist in stats.bootstrap_groups(samples, GROUPED, n_resamples=300, seed=7):
        for i, row in enumerate(range(rows.start, rows.stop)):
            ref = stats.bootstrap_statistics(samples[row], ONE_SAMPLE, n_resamples=300, seed=7)
            assert all(_same(dist[s][i], ref[s]) for s in ONE_SAMPLE), (n, row)
            seen += 1
    assert seen == len(samples)


def test_bootstrap_groups_in_several_blocks_and_batches(monkeypatch):
    # small memory budgets: resamples drawn in batches, groups in blocks, draws made again per block
    monkeypatch.setattr(stats, "_CELLS", 40)
    monkeypatch.setattr(stats, "_BLOCK_CELLS", 100)
    samples = np.random.default_rng(3).normal(size=(5, 9))
    samples[2, 4] = np.nan  # a resample drawing the NaN has NaN mean and median, as in numpy
    blocks = list(stats.bootstrap_groups(samples, GROUPED, n_resamples=50, seed=1))
    assert len(blocks) > 1
    for rows, dist in blocks:
        for i, row in enumerate(range(rows.start, rows.stop)):
            ref = stats.bootstrap_statistics(samples[row], ONE_SAMPLE, n_resamples=50, seed=1)
            assert all(_same(dist[s][i], ref[s]) for s in ONE_SAMPLE), row
    assert any(np.isnan(dist["median"]).any() for _, dist in blocks)


@pytest.mark.parametrize("m", [1, 2, 3, 40, 2000])
def test_quantiles_are_numpys(m):
    rng = np.random.default_rng(m)
    x = np.round(rng.normal(size=(7, m)), 1)
    x[1, 0] = np.nan
    x[2, -1] = np.inf
    x[3, :] = -0.0
    q = [0.0, (1 - 0.95) / 2, 0.1, 0.5, 0.9, (1 + 0.95) / 2, 1.0]
    with np.errstate(invalid="ignore"):  # inf - inf, in numpy's interpolation as in ours
        expected = np.quantile(x, q, axis=-1)
        assert np.array_equal(stats.quantiles(x, q), expected, equal_nan=True)
        y = x.copy()
        assert np.array_equal(stats.quantiles(y, q, overwrite=True), expected, equal_nan=True)
    # in place: each row holds its own values, reordered (partitioned, not necessarily sorted)
    assert np.array_equal(np.sort(y, axis=-1), np.sort(x, axis=-1), equal_nan=True)
    # without tied zeros of both signs (which a sort and a partition may order differently)
    # the signs agree too
    z = np.abs(x) + 0.0
    with np.errstate(invalid="ignore"):
        assert _same(stats.quantiles(z, q), np.quantile(z, q, axis=-1))


def test_draw_counts_and_median_by_hand():
    # resamples of (3, 1, 2): {3, 3, 1} -> 3; {1, 2, 2} -> 2; {1, 1, 2, 2} would be even: see below
    draws = stats.Draws.of(np.array([[0, 0, 1], [1, 2, 2]]))
    assert draws.counts.tolist() == [[2, 0], [1, 1], [0, 2]]  # value i drawn in resample r
    x = np.array([[3.0, 1.0, 2.0]])
    assert stats.resampled_median(x, draws).tolist() == [[3.0, 2.0]]
    # four values, resample {1, 4, 4, 2}: the middle two are 2 and 4, median 3
    even = stats.Draws.of(np.array([[0, 3, 3, 1]]))
    assert stats.resampled_median(np.array([[1.0, 2.0, 8.0, 4.0]]), even).tolist() == [[3.0]]


def test_permutation_floor_of_huge_sides_is_computed_in_logs_without_overflow():
    # One article against 1,500: C(1501, 1) = 1501 splits, so the floor is 1/1501 (by hand);
    # the log path must give the same number as the exact one.
    assert stats.permutation_floor(1, 1500, two_sided=False) == pytest.approx(1 / 1501, rel=1e-12)
    # 90,000 sentences a side (a 5 MB one-line page): C is far beyond a float; the floor is 0.0.
    assert stats.permutation_floor(90_000, 90_001) == 0.0


def test_exactness_check_never_builds_the_huge_binomial():
    # C(6, 3) = 20 by hand; C(200_000, 100_000) exceeds any resample count.
    assert stats._comb_at_most(6, 3, 20) and not stats._comb_at_most(6, 3, 19)
    assert not stats._comb_at_most(200_000, 100_000, 10_000)


def test_lattice_quantiles_by_hand_and_as_numpys():
    # shares of 4 values: 0, 1/4, ..., 1; row [0, 1/4, 1/4, 1]: the median is 1/4, the 0.9
    # quantile 3 * 0.9 = 2.7 places in: 1/4 + 0.7 * (1 - 1/4) = 0.775
    x = np.array([[0.0, 0.25, 0.25, 1.0]])
    assert stats.lattice_quantiles(x, 4, [0.5, 0.9]).ravel() == pytest.approx([0.25, 0.775])
    rng = np.random.default_rng(3)
    q = [0.0, 0.025, 0.1, 0.5, 0.975, 1.0]
    for n in (1, 2, 7, 30):
        shares = rng.integers(0, n + 1, size=(9, 2000)) / n
        expected = np.quantile(shares, q, axis=-1)
        assert np.array_equal(stats.lattice_quantiles(shares, n, q), expected)
    # values off the lattice (or a NaN) are left to quantiles: still numpy's numbers
    y = rng.normal(size=(3, 50))
    y[0, 0] = np.nan
    assert np.array_equal(
        stats.lattice_quantiles(y, 4, q), np.quantile(y, q, axis=-1), equal_nan=True
    )


def test_random_splits_come_in_bounded_batches_with_the_draws_of_one_call(monkeypatch):
    """A large sample's random splits are drawn in batches (memory bounded) and are exactly the
    splits one ``n_resamples × n`` draw gives: the p-value of a reference computed that way."""
    import numpy as np

    from newsframe import stats

    monkeypatch.setattr(stats, "_CELLS", 1_000)  # 60 articles: 16 splits per batch, 7 batches
    rng = np.random.default_rng(3)
    a, b = rng.normal(0.3, 1, 30), rng.normal(0, 1, 30)
    observed = a.mean() - b.mean()
    pooled = np.concatenate([a, b])
    idx = np.random.default_rng(5).permuted(np.tile(np.arange(60), (99, 1)), axis=1)
    diffs = pooled[idx][:, :30].mean(axis=1) - pooled[idx][:, 30:].mean(axis=1)
    hits = int((np.abs(diffs) >= abs(observed) - 1e-12 * max(1.0, abs(observed))).sum())
    assert list(stats.resample_batches(99, 60)) == [16] * 6 + [3]
    assert stats.article_permutation_test(a, b, n_resamples=99, seed=5) == (
        float(observed),
        (hits + 1) / 100,
        False,
    )
