"""Many measures (frames, sentiment statistics) tested within strata on one set of splits.

The articles × measures path of :func:`newsframe.stats.stratified_permutation_test` and
:func:`newsframe.stats.stratified_bootstrap_difference` must give, for every column, exactly
(bit for bit) what the column alone gives. The reference is the one-column code as it stood
before the matrix path existed, copied here: one column, its splits drawn by
``numpy.random.default_rng(seed)`` stratum by stratum, the means of ``pooled[idx]`` rows.
"""

from __future__ import annotations

import itertools
import math
import warnings

import numpy as np
import pandas as pd
import pytest

from newsframe import Article, Corpus, stats
from newsframe.stats import (
    percentile_interval,
    resample_batches,
    stratified_bootstrap_difference,
    stratified_permutation_test,
)
from newsframe.strata import compare_sentiment_within, frames_within

# --- the reference: one column at a time, as the code stood before --------------------------


def _cells(a, b, sa, sb):
    sa, sb = np.asarray(sa, dtype=object), np.asarray(sb, dtype=object)
    shared = sorted(set(sa.tolist()) & set(sb.tolist()), key=str)
    return [(a[sa == s], b[sb == s]) for s in shared]


def _weights(cells):
    w = np.array([len(x) * len(y) / (len(x) + len(y)) for x, y in cells], dtype=float)
    return w / w.sum()


def _differences(x, y, n_resamples, rng, exact):
    pooled, n_a, n = np.concatenate([x, y]), len(x), len(x) + len(y)
    if exact:
        rows = [[*c, *(i for i in range(n) if i not in c)]
                for c in itertools.combinations(range(n), n_a)]  # fmt: skip
        batches = [np.array(rows, dtype=np.intp).reshape(-1, n)]
    else:
        batches = (rng.permuted(np.tile(np.arange(n), (size, 1)), axis=1)
                   for size in resample_batches(n_resamples, n))  # fmt: skip
    out = []
    for idx in batches:
        values = pooled[idx]
        out.append(values[:, :n_a].mean(axis=1) - values[:, n_a:].mean(axis=1))
    return np.concatenate(out)


def _reference_test(a, b, sa, sb, *, n_resamples, seed):
    cells = _cells(np.asarray(a, float), np.asarray(b, float), sa, sb)
    w = _weights(cells)
    observed = float(sum(wi * (x.mean() - y.mean()) for wi, (x, y) in zip(w, cells, strict=True)))
    total = math.prod(math.comb(len(x) + len(y), len(x)) for x, y in cells)
    exact = total <= n_resamples
    rng = np.random.default_rng(seed)
    if exact:
        stat = np.zeros(1)
        for wi, (x, y) in zip(w, cells, strict=True):
            stat = np.add.outer(stat, wi * _differences(x, y, 0, rng, True)).ravel()
    else:
        stat = sum(wi * _differences(x, y, n_resamples, rng, False)
                   for wi, (x, y) in zip(w, cells, strict=True))  # fmt: skip
    hits = int((np.abs(stat) >= abs(observed) - 1e-12 * max(1.0, abs(observed))).sum())
    p = hits / len(stat) if exact else (hits + 1) / (len(stat) + 1)
    return observed, float(p), exact, len(cells)


def _reference_interval(a, b, sa, sb, *, n_resamples, seed):
    cells = _cells(np.asarray(a, float), np.asarray(b, float), sa, sb)
    rng = np.random.default_rng(seed)
    draws = np.zeros(n_resamples)
    for wi, (x, y) in zip(_weights(cells), cells, strict=True):
        mx = x[rng.integers(0, len(x), size=(n_resamples, len(x)))].mean(axis=1)
        my = y[rng.integers(0, len(y), size=(n_resamples, len(y)))].mean(axis=1)
        draws += wi * (mx - my)
    low, high = percentile_interval(draws[:, None])
    return float(low[0]), float(high[0])


def _design(n_a, n_b, n_strata, n_measures, seed):
    rng = np.random.default_rng(seed)
    a, b = rng.normal(size=(n_a, n_measures)), rng.normal(0.2, 1, size=(n_b, n_measures))
    a[:, 0], b[:, 0] = np.round(a[:, 0], 1), np.round(b[:, 0], 1)  # ties at the observed value
    sa = [f"s{int(i)}" for i in rng.integers(0, n_strata, n_a)]
    sb = [f"s{int(i)}" for i in rng.integers(0, n_strata + 1, n_b)]  # one stratum b only
    sb[0] = sa[0]  # at least one stratum shared
    return a, b, sa, sb


@pytest.mark.parametrize(
    ("n_a", "n_b", "n_strata", "n_resamples"),
    [
        (5, 4, 2, 9999),  # few splits: every one enumerated
        (40, 30, 3, 999),  # random splits, strata of more than 8 (numpy sums those pairwise)
        (300, 250, 4, 199),  # small batches: several per stratum, measures in smaller blocks
        (1, 1, 1, 99),
    ],
)
def test_every_column_equals_the_one_column_reference_bit_for_bit(
    n_a, n_b, n_strata, n_resamples, monkeypatch
):
    if n_a == 300:  # splits drawn about 50 at a time; the bootstrap gathers one measure at a time
        monkeypatch.setattr(stats, "_CELLS", 40 * 160)
        monkeypatch.setattr(stats, "_BLOCK_CELLS", 2 * 199 * 160)
    a, b, sa, sb = _design(n_a, n_b, n_strata, 4, seed=n_a)
    diff, p, exact, strata = stratified_permutation_test(a, b, sa, sb, n_resamples=n_resamples,
                                                         seed=3)  # fmt: skip
    low, high = stratified_bootstrap_difference(a, b, sa, sb, n_resamples=500, seed=3)
    for j in range(a.shape[1]):
        ref = _reference_test(a[:, j], b[:, j], sa, sb, n_resamples=n_resamples, seed=3)
        assert (float(diff[j]), float(p[j]), exact, strata) == ref
        alone = stratified_permutation_test(a[:, j], b[:, j], sa, sb, n_resamples=n_resamples,
                                            seed=3)  # fmt: skip
        assert alone == ref  # the one-column API: floats, as before
        interval = _reference_interval(a[:, j], b[:, j], sa, sb, n_resamples=500, seed=3)
        assert (float(low[j]), float(high[j])) == interval
        assert stratified_bootstrap_difference(a[:, j], b[:, j], sa, sb, n_resamples=500,
                                               seed=3) == interval  # fmt: skip


def test_a_measure_with_a_missing_value_gets_no_p_value():
    # Column 0 is whole; column 1 lacks a value: NaN, never the p of 0 a NaN observed gave.
    a = np.array([[1.0, 1.0], [2.0, np.nan], [5.0, 5.0]])
    b = np.array([[0.0, 0.0], [3.0, 3.0], [4.0, 4.0]])
    diff, p, exact, _ = stratified_permutation_test(a, b, ["x", "x", "y"], ["x", "y", "y"])
    assert exact and diff[0] == 1.5 and p[0] == pytest.approx(2 / 9)  # the docstring's example
    assert np.isnan(diff[1]) and np.isnan(p[1])


def _corpus(meta):
    return Corpus(Article(f"a{i}", "", ("t.",), metadata={"group": g, "story": s})
                  for i, (g, s) in enumerate(meta))  # fmt: skip


def test_frames_within_equals_each_frame_tested_alone():
    rng = np.random.default_rng(7)
    meta = [(g, f"s{int(s)}") for g, s in zip(["x"] * 30 + ["y"] * 25,
                                               rng.integers(0, 4, 55), strict=True)]  # fmt: skip
    c = _corpus(meta)
    names = ["economic", "legality", "morality", "security"]
    values = np.where(rng.random((55, 4)) < 0.4, rng.gamma(2, 5, (55, 4)), 0.0)
    f = pd.DataFrame({"article_id": np.repeat(c.ids, 4), "scheme": "mfc",
                      "frame": np.tile(names, 55), "label": "", "per_1000": values.ravel()})  # fmt: skip
    f = f[f["per_1000"] > 0]  # an article without a hit has no row: 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = frames_within(f, c, "story", n_resamples=999, seed=2).set_index("frame")
    strata = dict(zip(c.ids, [s for _, s in meta], strict=True))
    ids_a, ids_b = c.ids[:30], c.ids[30:]
    shared = {strata[i] for i in ids_a} & {strata[i] for i in ids_b}
    ids_a = [i for i in ids_a if strata[i] in shared]
    ids_b = [i for i in ids_b if strata[i] in shared]
    sa, sb = [strata[i] for i in ids_a], [strata[i] for i in ids_b]
    for j, name in enumerate(names):
        xa, xb = (
            values[[c.ids.index(i) for i in ids_a], j],
            values[[c.ids.index(i) for i in ids_b], j],
        )
        diff, p, exact, _ = _reference_test(xa, xb, sa, sb, n_resamples=999, seed=2)
        low, high = _reference_interval(xa, xb, sa, sb, n_resamples=2000, seed=2)
        row = t.loc[name]
        assert (row["difference"], row["p_value"], row["exact"]) == (diff, p, exact)
        assert (row["ci_low"], row["ci_high"]) == (low, high)


def test_sentiment_within_equals_each_statistic_tested_alone():
    c = _corpus([("x", "s1"), ("x", "s1"), ("y", "s1"), ("x", "s2"), ("y", "s2"), ("y", "s2")])
    t = pd.DataFrame({"article_id": ["a0", "a0", "a1", "a2", "a3", "a4", "a5", "a5"],
                      "compound": [0.4, -0.2, 0.6, 0.2, 0.0, -0.2, -0.4, 0.5]})  # fmt: skip
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        r = compare_sentiment_within(t, c, "story").set_index("statistic")
    # mean compound per article: a0 .1, a1 .6, a2 .2, a3 0, a4 -.2, a5 .05
    sa, sb = ["s1", "s1", "s2"], ["s1", "s2", "s2"]
    ref = _reference_test([0.1, 0.6, 0.0], [0.2, -0.2, 0.05], sa, sb, n_resamples=9999, seed=0)
    got = r.loc["mean_compound"]
    assert (got["difference"], got["p_value"], got["exact"]) == pytest.approx(ref[:3])
    # by hand: s1 (.35 - .2), s2 (0 - (-.075)); weights 2/3 each: (.15 + .075) / 2
    assert got["difference"] == pytest.approx(0.1125)
