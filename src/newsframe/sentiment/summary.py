"""Sentence sentiment summarised in the open: statistics with bootstrap intervals, comparisons, arcs.

Sentence scores are aggregated with named statistics (mean and median compound, shares of
positive / neutral / negative sentences at VADER's +-0.05 thresholds) and percentile bootstrap
intervals over sentences (Efron & Tibshirani 1993); two articles or groups are compared with a
permutation test over sentences (exact when the splits can be enumerated) and an effect size.
The resampling and effect sizes themselves live in :mod:`newsframe.stats`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from newsframe.errors import NewsframeError, expect_kind
from newsframe.sentiment.scoring import THRESHOLD
from newsframe.stats import (
    article_permutation_test,
    bootstrap_groups,
    bootstrap_statistics,
    cliffs_delta,
    cluster_bootstrap_difference,
    cohens_h,
    hedges_g,
    lattice_quantiles,
    permutation_pvalues,
    quantiles,
    renamed,
    resampled_mean,
    resampled_median,
    resampled_share,
)

__all__ = [
    "MIN_SENTENCES",
    "STATISTICS",
    "article_statistics",
    "compare_sentiment",
    "sentiment_arc",
    "sentiment_summary",
]

#: The statistics :func:`sentiment_summary` and :func:`compare_sentiment` report, in order.
STATISTICS = (
    "mean_compound",
    "median_compound",
    "share_positive",
    "share_neutral",
    "share_negative",
)
#: Sentences each side needs when one article faces one article (the sentence is the unit).
MIN_SENTENCES = 2
_STAT_FUNCS = {
    "mean_compound": lambda x: x.mean(axis=-1),
    "median_compound": lambda x: np.median(x, axis=-1),
    "share_positive": lambda x: (x >= THRESHOLD).mean(axis=-1),
    "share_neutral": lambda x: ((x > -THRESHOLD) & (x < THRESHOLD)).mean(axis=-1),
    "share_negative": lambda x: (x <= -THRESHOLD).mean(axis=-1),
}
#: The same statistics for many equal-size articles at once (the same numbers, see stats).
_GROUP_FUNCS = {
    "mean_compound": resampled_mean,
    "median_compound": resampled_median,
    "share_positive": resampled_share(lambda x: x >= THRESHOLD),
    "share_neutral": resampled_share(lambda x: (x > -THRESHOLD) & (x < THRESHOLD)),
    "share_negative": resampled_share(lambda x: x <= -THRESHOLD),
}


def _require(table: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    expect_kind(table, pd.DataFrame, what, hint="pass nf.sentence_sentiment(corpus)")
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise NewsframeError(
            f"{what}: table lacks column(s) {', '.join(missing)}; pass sentence_sentiment(corpus)"
        )


def _check_level(confidence: float) -> None:
    if not 0.0 < confidence < 1.0:
        raise NewsframeError(f"confidence must lie strictly between 0 and 1, got {confidence}")


def _bootstrap(x: np.ndarray, n_resamples: int, seed: int) -> dict[str, np.ndarray]:
    """Bootstrap distribution of each statistic: resample sentences with replacement."""
    return bootstrap_statistics(x, _STAT_FUNCS, n_resamples=n_resamples, seed=seed)


def _interval(dist: np.ndarray, confidence: float) -> tuple[float, float]:
    lo, hi = np.quantile(dist, [(1 - confidence) / 2, (1 + confidence) / 2])
    return float(lo), float(hi)


def sentiment_summary(
    table: pd.DataFrame,
    *,
    by: str | Sequence[str] = "article_id",
    confidence: float = 0.95,
    n_resamples: int = 2000,
    seed: int = 0,
    n_boot: int | None = None,
) -> pd.DataFrame:
    """Return each group's statistics with bootstrap intervals: ``<by>, statistic, value, ci_low, ci_high, n_sentences``.

    Statistics (:data:`STATISTICS`): mean and median compound, and the shares of positive
    (compound >= 0.05), neutral and negative (<= -0.05) sentences. Intervals are percentile
    bootstrap intervals over sentences (Efron & Tibshirani 1993), ``n_resamples`` resamples from
    ``numpy.random.default_rng(seed)`` for every group, so a group's interval does not depend on
    the others (groups of one size draw the same indices, so they are resampled together:
    :func:`newsframe.stats.bootstrap_groups`). With a handful of sentences the interval is rough
    (percentile intervals under-cover for small n); a one-sentence group gets the value itself.
    (``n_boot`` is the deprecated name of ``n_resamples``.) Groups keep the order in which they
    first appear in ``table``.

    >>> t = pd.DataFrame({"article_id": ["a"] * 3, "compound": [0.4404, -0.5423, 0.0]})
    >>> s = sentiment_summary(t).set_index("statistic")
    >>> round(float(s.loc["mean_compound", "value"]), 4), float(s.loc["share_negative", "value"])
    (-0.034, 0.3333333333333333)
    """
    keys = [by] if isinstance(by, str) else list(by)
    _require(table, [*keys, "compound"], "sentiment_summary")
    n_resamples = renamed(
        n_resamples, n_boot, old="n_boot", new="n_resamples", where="sentiment_summary"
    )
    _check_level(confidence)
    if n_resamples < 1:
        raise NewsframeError(f"n_resamples must be at least 1, got {n_resamples}")
    grouped = table.groupby(keys, sort=False)
    names = [k if isinstance(k, tuple) else (k,) for k in grouped.size().index]
    number = grouped.ngroup().to_numpy(dtype=float)
    kept = ~np.isnan(number)  # rows with a missing key belong to no group
    number = number[kept].astype(np.intp)
    rows = np.argsort(number, kind="stable")  # each group's rows together, in table order
    x = table["compound"].to_numpy(dtype=float)[kept][rows]
    sizes = np.bincount(number, minlength=len(names))
    order = [*keys, "statistic", "value", "ci_low", "ci_high", "n_sentences"]
    if not names:
        return pd.DataFrame([], columns=order)
    value, low, high = _summaries(x, sizes, confidence, n_resamples, seed)
    columns = {key: [name[i] for name in names for _ in STATISTICS] for i, key in enumerate(keys)}
    columns["statistic"] = list(STATISTICS) * len(names)
    columns |= {"value": value.ravel(), "ci_low": low.ravel(), "ci_high": high.ravel()}
    columns["n_sentences"] = np.repeat(sizes.astype(np.int64), len(STATISTICS))
    return pd.DataFrame(columns, columns=order)


def _summaries(
    x: np.ndarray, sizes: np.ndarray, confidence: float, n_resamples: int, seed: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return (value, ci_low, ci_high), each groups × statistics, for groups stored one after another in ``x``.

    Groups of one size are summarised together (:func:`newsframe.stats.bootstrap_groups`): every
    one is resampled with the draws of ``default_rng(seed)`` for its size, as one group alone
    would be, and the numbers are those of the one-group bootstrap (:func:`_bootstrap`) exactly.
    """
    starts = np.cumsum(sizes) - sizes
    shape = (len(sizes), len(STATISTICS))
    value, low, high = np.empty(shape), np.empty(shape), np.empty(shape)
    q = [(1 - confidence) / 2, (1 + confidence) / 2]
    for n in np.unique(sizes):
        members = np.flatnonzero(sizes == n)
        samples = x[starts[members, None] + np.arange(n)]
        value[members] = np.stack([_STAT_FUNCS[s](samples) for s in STATISTICS], axis=1)
        for block, dist in bootstrap_groups(
            samples, _GROUP_FUNCS, n_resamples=n_resamples, seed=seed
        ):
            for j, stat in enumerate(STATISTICS):  # the numbers of np.quantile, see stats
                if stat.startswith("share_"):  # k / n: counted, not partitioned
                    bounds = lattice_quantiles(dist[stat], int(n), q)
                else:
                    bounds = quantiles(dist[stat], q, overwrite=True)
                low[members[block], j], high[members[block], j] = bounds
    return value, low, high


def _effect_size(stat: str, a: np.ndarray, b: np.ndarray) -> tuple[float, str]:
    """Hedges' g for the mean, Cliff's delta for the median, Cohen's h for shares."""
    if stat == "mean_compound":
        return hedges_g(a, b), "hedges_g"
    if stat == "median_compound":
        return cliffs_delta(a, b), "cliffs_delta"
    pa, pb = float(_STAT_FUNCS[stat](a)), float(_STAT_FUNCS[stat](b))
    return cohens_h(pa, pb), "cohens_h"


def _permutation_p(
    a: np.ndarray, b: np.ndarray, n_resamples: int, seed: int
) -> tuple[dict[str, float], bool]:
    return permutation_pvalues(a, b, _STAT_FUNCS, n_resamples=n_resamples, seed=seed)


def _ids(table: pd.DataFrame, ids: str | Sequence[str]) -> list[str]:
    ids = [ids] if isinstance(ids, str) else list(ids)
    known = set(table["article_id"].unique())  # each id once, not each sentence's
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise NewsframeError(f"compare_sentiment: no sentences for article_id {unknown[0]!r}")
    if not ids:
        raise NewsframeError("compare_sentiment: a side names no article")
    return ids


def _group(table: pd.DataFrame, ids: list[str]) -> np.ndarray:
    x = table.loc[table["article_id"].isin(ids), "compound"].to_numpy(dtype=float)
    if len(x) < MIN_SENTENCES:
        raise NewsframeError(
            f"compare_sentiment: {'+'.join(ids)} has {len(x)} sentence(s); need {MIN_SENTENCES}"
        )
    return x


def article_statistics(table: pd.DataFrame) -> pd.DataFrame:
    """Return each article's statistics over its sentences: index ``article_id``, one column per
    :data:`STATISTICS` and ``sentences`` -- the values an article-level comparison compares.

    >>> t = pd.DataFrame({"article_id": list("aab"), "compound": [0.5, -0.5, 0.2]})
    >>> article_statistics(t)[["mean_compound", "share_negative", "sentences"]].values.tolist()
    [[0.0, 0.5, 2.0], [0.2, 0.0, 1.0]]
    """
    _require(table, ["article_id", "compound"], "article_statistics")
    x = table[["article_id", "compound"]].copy()
    x["pos"] = x["compound"] >= THRESHOLD
    x["neg"] = x["compound"] <= -THRESHOLD
    x["neu"] = ~(x["pos"] | x["neg"])
    g = x.groupby("article_id", sort=False)
    return pd.DataFrame(
        {
            "mean_compound": g["compound"].mean(),
            "median_compound": g["compound"].median(),
            "share_positive": g["pos"].mean(),
            "share_neutral": g["neu"].mean(),
            "share_negative": g["neg"].mean(),
            "sentences": g.size(),
        }
    )


def _hedges_g_articles(a: np.ndarray, b: np.ndarray) -> float:
    """Hedges' g over article values; NaN with fewer than two articles a side or no spread."""
    if len(a) < 2 or len(b) < 2:
        return float("nan")
    return hedges_g(a, b)


def _compare_articles(
    stats: pd.DataFrame, ids_a: list[str], ids_b: list[str], *, n_resamples: int, confidence: float,
    seed: int,
) -> list[tuple]:  # fmt: skip
    """Rows ``(statistic, value_a, value_b, difference, ci_low, ci_high, p, exact, effect,
    measure)`` with the article as the unit (see :func:`compare_sentiment`)."""
    side_a, side_b = stats.loc[ids_a], stats.loc[ids_b]
    rows = []
    for stat in STATISTICS:
        xa, xb = side_a[stat].to_numpy(float), side_b[stat].to_numpy(float)
        diff, p, exact = article_permutation_test(xa, xb, n_resamples=n_resamples, seed=seed)
        low, high = cluster_bootstrap_difference(
            xa, xb, n_resamples=2000, seed=seed, confidence=confidence
        )
        rows.append((stat, float(xa.mean()), float(xb.mean()), diff, low, high, p, exact,
                     _hedges_g_articles(xa, xb), "hedges_g_articles"))  # fmt: skip
    return rows


def compare_sentiment(
    table: pd.DataFrame,
    a: str | Sequence[str],
    b: str | Sequence[str],
    *,
    n_resamples: int = 9999,
    confidence: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """Return one row per statistic comparing articles (or groups of articles) ``a`` and ``b``.

    Columns: ``a, b, statistic, value_a, value_b, difference (a - b), ci_low, ci_high, p_value,
    exact, effect_size, effect_measure, n_a, n_b, unit, n_articles_a, n_articles_b,
    n_sentences_a, n_sentences_b``.

    One article a side (``unit="sentence"``): the interval is a percentile bootstrap of the
    difference (sentences resampled within each side); ``p_value`` is a two-sided permutation
    test over sentences: exact when all ``C(n_a + n_b, n_a)`` splits number at most
    ``n_resamples``, else ``n_resamples`` random splits with ``(hits + 1) / (n + 1)`` (Phipson &
    Smyth 2010). Effect sizes: Hedges' g for the mean, Cliff's delta for the median, Cohen's h for
    shares (NaN only for g when neither side varies). Sentences within an article are not
    independent draws, so treat p as descriptive; two short articles can show little.

    More than one article on a side (``unit="article"``): sentences of one article are not
    independent, so the article is the unit, as in :func:`newsframe.compare_group_sentiment`:
    each article is summarised over its sentences (:func:`article_statistics`), a side's value is
    the mean over its articles, ``p_value`` a two-sided permutation test over article labels
    (:func:`newsframe.stats.article_permutation_test`), the interval a cluster bootstrap
    (articles resampled within each side) and ``effect_size`` Hedges' g over article values
    (NaN with fewer than two articles a side). ``n_a``/``n_b`` count the units.

    >>> t = pd.DataFrame({"article_id": list("aabb"), "compound": [0.1, 0.2, 0.3, 0.4]})
    >>> r = compare_sentiment(t, "a", "b").set_index("statistic").loc["mean_compound"]
    >>> round(float(r["difference"]), 3), round(float(r["p_value"]), 4), bool(r["exact"]), r["unit"]
    (-0.2, 0.3333, True, 'sentence')
    >>> t = pd.DataFrame({"article_id": list("abcdef"), "compound": [.3, .4, .5, 0, .1, .2]})
    >>> r = compare_sentiment(t, list("abc"), list("def")).set_index("statistic").loc["mean_compound"]
    >>> r["unit"], int(r["n_a"]), round(float(r["p_value"]), 4)  # 2 of the 20 splits: 0.1
    ('article', 3, 0.1)
    """
    _require(table, ["article_id", "compound"], "compare_sentiment")
    _check_level(confidence)
    ids_a, ids_b = _ids(table, a), _ids(table, b)
    name_a, name_b = "+".join(ids_a), "+".join(ids_b)
    if len(ids_a) == 1 and len(ids_b) == 1:
        out = _compare_sentences(_group(table, ids_a), _group(table, ids_b), n_resamples=n_resamples,
                                 confidence=confidence, seed=seed)  # fmt: skip
        unit = "sentence"
    else:
        stats = article_statistics(table)
        rows = _compare_articles(stats, ids_a, ids_b, n_resamples=n_resamples,
                                 confidence=confidence, seed=seed)  # fmt: skip
        out = pd.DataFrame(rows, columns=_COLUMNS).assign(n_a=len(ids_a), n_b=len(ids_b))
        unit = "article"
    n_sa = int(table["article_id"].isin(ids_a).sum())
    n_sb = int(table["article_id"].isin(ids_b).sum())
    out.insert(0, "b", name_b)
    out.insert(0, "a", name_a)
    return out.assign(unit=unit, n_articles_a=len(ids_a), n_articles_b=len(ids_b),
                      n_sentences_a=n_sa, n_sentences_b=n_sb)  # fmt: skip


_COLUMNS = ["statistic", "value_a", "value_b", "difference", "ci_low", "ci_high", "p_value",
            "exact", "effect_size", "effect_measure"]  # fmt: skip


def _compare_sentences(
    xa: np.ndarray, xb: np.ndarray, *, n_resamples: int, confidence: float, seed: int
) -> pd.DataFrame:
    """The comparison of :func:`compare_sentiment` with the sentence as the unit."""
    boot_a, boot_b = _bootstrap(xa, n_resamples, seed), _bootstrap(xb, n_resamples, seed + 1)
    p_values, exact = _permutation_p(xa, xb, n_resamples, seed)
    rows = []
    for stat in STATISTICS:
        va, vb = float(_STAT_FUNCS[stat](xa)), float(_STAT_FUNCS[stat](xb))
        lo, hi = _interval(boot_a[stat] - boot_b[stat], confidence)
        effect, measure = _effect_size(stat, xa, xb)
        rows.append((stat, va, vb, va - vb, lo, hi, p_values[stat], exact, effect, measure))
    return pd.DataFrame(rows, columns=_COLUMNS).assign(n_a=len(xa), n_b=len(xb))


def sentiment_arc(table: pd.DataFrame, *, window: int = 3) -> pd.DataFrame:
    """Return each sentence's place in its article and a rolling mean: ``article_id, sentence_id, position, compound, rolling_mean``.

    ``position`` is ``(k + 0.5) / n`` for the k-th of n sentences, so articles of different
    length share one 0..1 axis; ``rolling_mean`` is the centred mean over ``window`` sentences
    (fewer at the ends).

    >>> t = pd.DataFrame({"article_id": ["a"] * 3, "sentence_id": [0, 1, 2], "compound": [0.3, 0.0, -0.3]})
    >>> sentiment_arc(t)[["position", "rolling_mean"]].round(3).values.tolist()
    [[0.167, 0.15], [0.5, 0.0], [0.833, -0.15]]
    """
    _require(table, ["article_id", "sentence_id", "compound"], "sentiment_arc")
    if window < 1 or window % 2 == 0:
        raise NewsframeError(f"sentiment_arc: window must be a positive odd number, got {window}")
    out = table[["article_id", "sentence_id", "compound"]].copy()
    groups = out.groupby("article_id", sort=False)
    rank = groups.cumcount()
    out.insert(2, "position", (rank + 0.5) / groups["compound"].transform("size"))
    out["rolling_mean"] = groups["compound"].transform(
        lambda s: s.rolling(window, center=True, min_periods=1).mean()
    )
    return out.reset_index(drop=True)
