"""Groups compared within strata: is a group one story's outlets, and how do groups differ inside each story?

A corpus gathering several stories (or years, or languages) mixes two things a group comparison
can confuse: which group an article belongs to and which story it tells. A group whose articles
all come from one story differs from the others by that story's words and tone, whatever its
outlets' framing. This module says how far group and stratum (a metadata column such as
``story``) are confounded (:func:`confounding`) and compares two groups inside each stratum both
cover: sentiment with a permutation test blocked by stratum over articles
(:func:`compare_sentiment_within`) and keyness as a Mantel–Haenszel rate ratio over strata
(:func:`keyness_within`). Strata only one side covers compare nothing and are left out, and
every table says how many strata and articles it compared.
"""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Sequence

import numpy as np
import pandas as pd

from newsframe.corpus import Corpus
from newsframe.errors import NewsframeError, NewsframeWarning, expect_kind
from newsframe.groups import Pair, comparison_pair, group_keyness
from newsframe.resources import resolve_resources
from newsframe.sentiment.summary import STATISTICS, article_statistics
from newsframe.stats import (
    adjust_pvalues,
    mantel_haenszel_log_ratio,
    stratified_bootstrap_difference,
    stratified_floor,
    stratified_permutation_test,
)
from newsframe.terms import count_terms

__all__ = ["compare_sentiment_within", "confounding", "keyness_within", "shared_strata"]

_LOAD = "load one with nf.load_corpus(...) or build nf.Corpus(articles)"


def confounding(corpus: Corpus, within: str, *, column: str | None = None) -> pd.DataFrame:
    """Return one row per group: how far its articles come from strata other groups share.

    ``within`` is the stratum column (e.g. ``story``), ``column`` the group column (default
    :attr:`Corpus.group_column`). Columns: ``group, n_articles, strata`` (how many strata its
    articles come from), ``top_stratum`` and ``top_share`` (its commonest stratum and the share
    of its articles there; ties broken by name), ``comparable`` (its articles in strata that
    some other group covers too) and ``confined``: True when no article is comparable, i.e.
    every difference between this group and any other is also a difference between strata.
    Groups in corpus order.

    >>> from newsframe import Article
    >>> meta = [("x", "s1"), ("x", "s1"), ("y", "s1"), ("y", "s2"), ("z", "s3")]
    >>> c = Corpus(Article(f"a{i}", "", ("t.",), metadata={"group": g, "story": s})
    ...            for i, (g, s) in enumerate(meta))
    >>> t = confounding(c, "story")
    >>> t[["group", "strata", "top_share", "comparable", "confined"]].values.tolist()
    [['x', 1, 1.0, 2, False], ['y', 2, 0.5, 1, False], ['z', 1, 1.0, 0, True]]
    """
    expect_kind(corpus, Corpus, "confounding", hint=_LOAD)
    strata = corpus.group_of(within)
    rows = []
    groups = corpus.groups(column)
    covered = {name: {strata[i] for i in part.ids} for name, part in groups.items()}
    tellers = Counter(s for values in covered.values() for s in values)  # groups per stratum
    for name, part in groups.items():
        counts = pd.Series([strata[i] for i in part.ids]).value_counts()
        top = sorted(counts.index[counts == counts.max()])[0]
        comparable = sum(tellers[strata[i]] > 1 for i in part.ids)  # another group tells it
        rows.append((name, len(part), len(counts), top, float(counts.max() / len(part)),
                     comparable, comparable == 0))  # fmt: skip
    columns = ["group", "n_articles", "strata", "top_stratum", "top_share", "comparable"]
    return pd.DataFrame(rows, columns=[*columns, "confined"])


def shared_strata(
    corpus: Corpus, pair: Pair, within: str
) -> tuple[list[str], list[str], list[str]]:
    """Return ``(strata both sides cover, side a's articles in them, side b's)``, strata sorted.

    >>> from newsframe import Article
    >>> meta = [("x", "s1"), ("x", "s2"), ("y", "s1"), ("y", "s3")]
    >>> c = Corpus(Article(f"a{i}", "", ("t.",), metadata={"group": g, "story": s})
    ...            for i, (g, s) in enumerate(meta))
    >>> shared_strata(c, comparison_pair(c), "story")
    (['s1'], ['a0'], ['a2'])
    """
    strata = corpus.group_of(within)
    shared = sorted({strata[i] for i in pair.corpus_a.ids} & {strata[i] for i in pair.corpus_b.ids})
    keep = set(shared)
    return (shared, [i for i in pair.corpus_a.ids if strata[i] in keep],
            [i for i in pair.corpus_b.ids if strata[i] in keep])  # fmt: skip


def _warn_left_out(pair: Pair, shared: list[str], ids_a: list[str], ids_b: list[str],
                   within: str, what: str) -> None:  # fmt: skip
    if not shared:
        warnings.warn(
            f"{what} {pair.a} vs {pair.b}: no value of '{within}' holds articles of both, so "
            f"group and {within} are confounded: every difference between them is also a "
            f"difference between their {within} values; no within-{within} comparison is possible",
            NewsframeWarning,
            stacklevel=3,
        )
    elif len(ids_a) < len(pair.corpus_a) or len(ids_b) < len(pair.corpus_b):
        warnings.warn(
            f"{what} {pair.a} vs {pair.b} within '{within}': {len(pair.corpus_a) - len(ids_a)} of "
            f"{len(pair.corpus_a)} and {len(pair.corpus_b) - len(ids_b)} of {len(pair.corpus_b)} "
            f"articles are in a '{within}' the other side lacks and are left out",
            NewsframeWarning,
            stacklevel=3,
        )


def _within_sd(values: np.ndarray, cells: np.ndarray) -> float:
    """Pooled SD of article values around their (stratum, side) cell means; NaN without spread."""
    frame = pd.DataFrame({"v": values, "c": cells})
    resid = frame["v"] - frame.groupby("c")["v"].transform("mean")
    dof = len(frame) - frame["c"].nunique()
    sd = float(np.sqrt((resid**2).sum() / dof)) if dof > 0 else float("nan")
    return sd if sd > 0 else float("nan")


def compare_sentiment_within(
    sentences: pd.DataFrame,
    corpus: Corpus,
    within: str,
    compare: Sequence[str] | str | None = None,
    *,
    column: str | None = None,
    n_resamples: int = 9999,
    seed: int = 0,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """Return one row per statistic comparing two groups inside each value of ``within``.

    The article is the unit: each article is summarised over its sentences
    (:func:`newsframe.sentiment.summary.article_statistics`); only strata (values of ``within``,
    e.g. stories) holding articles of both sides are compared. ``difference`` is the
    Mantel–Haenszel-weighted mean of the within-stratum differences of side means, ``p_value``
    a permutation test that permutes group labels only within strata, ``ci_low``/``ci_high`` a
    cluster bootstrap within strata (:func:`newsframe.stats.stratified_permutation_test`,
    :func:`newsframe.stats.stratified_bootstrap_difference`), ``p_floor`` the smallest p the
    design can reach (:func:`newsframe.stats.stratified_floor`, or ``1 / (n_resamples + 1)``
    with random splits), ``effect_size`` the difference over the pooled within-cell SD
    (``effect_measure`` ``"standardised_within"``). ``difference_pooled`` is the difference of
    the side means ignoring strata, for contrast. ``strata_shared``, ``n_a``/``n_b`` (articles
    compared) and ``n_articles_a/b`` (all of each side's) say what was compared. A
    :class:`~newsframe.errors.NewsframeWarning` says when articles are left out, when no
    stratum holds both sides (group and stratum confounded: every result is NaN) and when
    ``p_floor`` is above .05.

    Worked by hand (one sentence an article): in story s1 x has 0.4, 0.6 and y 0.2; in s2 x
    has 0.0 and y -0.2, -0.4. Within s1 x − y = 0.3, within s2 0.3; the pooled means differ by
    0.4667. 2 of the 3 × 3 within-story splits reach |0.3|:

    >>> from newsframe import Article
    >>> meta = [("x", "s1"), ("x", "s1"), ("y", "s1"), ("x", "s2"), ("y", "s2"), ("y", "s2")]
    >>> c = Corpus(Article(f"a{i}", "", ("t.",), metadata={"group": g, "story": s})
    ...            for i, (g, s) in enumerate(meta))
    >>> t = pd.DataFrame({"article_id": c.ids, "compound": [.4, .6, .2, 0, -.2, -.4]})
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as said:  # 3 against 3: p >= 1/9
    ...     warnings.simplefilter("always")
    ...     r = compare_sentiment_within(t, c, "story").set_index("statistic").loc["mean_compound"]
    >>> [round(float(r[k]), 4) for k in ("difference", "difference_pooled", "p_value", "p_floor")]
    [0.3, 0.4667, 0.2222, 0.1111]
    """
    expect_kind(sentences, pd.DataFrame, "compare_sentiment_within",
                hint="pass nf.sentence_sentiment(corpus), then the corpus")  # fmt: skip
    expect_kind(corpus, Corpus, "compare_sentiment_within", hint=_LOAD)
    pair = comparison_pair(corpus, compare, column=column)
    shared, ids_a, ids_b = shared_strata(corpus, pair, within)
    _warn_left_out(pair, shared, ids_a, ids_b, within, "sentiment")
    stats = article_statistics(sentences)
    missing = [i for i in [*pair.corpus_a.ids, *pair.corpus_b.ids] if i not in stats.index]
    if missing:
        raise NewsframeError(f"no scored sentences for article {missing[0]!r}")
    strata = corpus.group_of(within)
    sa, sb = [strata[i] for i in ids_a], [strata[i] for i in ids_b]
    sizes = [(sa.count(s), sb.count(s)) for s in shared]
    cells = np.array([f"a\x00{s}" for s in sa] + [f"b\x00{s}" for s in sb], dtype=object)
    rows = []
    for stat in STATISTICS:
        xa, xb = stats.loc[ids_a, stat].to_numpy(float), stats.loc[ids_b, stat].to_numpy(float)
        diff, p, exact, _ = stratified_permutation_test(xa, xb, sa, sb,
                                                        n_resamples=n_resamples, seed=seed)  # fmt: skip
        low, high = stratified_bootstrap_difference(xa, xb, sa, sb, seed=seed,
                                                    confidence=confidence)  # fmt: skip
        floor = stratified_floor(sizes) if shared else float("nan")
        if shared and not exact:
            floor = max(floor, 1.0 / (n_resamples + 1))
        effect = diff / _within_sd(np.concatenate([xa, xb]), cells) if shared else float("nan")
        va = float(stats.loc[pair.corpus_a.ids, stat].mean())
        vb = float(stats.loc[pair.corpus_b.ids, stat].mean())
        rows.append((pair.a, pair.b, stat, va, vb, diff, low, high, p, exact, effect,
                     "standardised_within", len(ids_a), len(ids_b), "article", floor, va - vb))  # fmt: skip
    out = pd.DataFrame(rows, columns=[
        "a", "b", "statistic", "value_a", "value_b", "difference", "ci_low", "ci_high", "p_value",
        "exact", "effect_size", "effect_measure", "n_a", "n_b", "unit", "p_floor",
        "difference_pooled"])  # fmt: skip
    out = out.assign(within=within, strata_shared=len(shared),
                     n_articles_a=len(pair.corpus_a), n_articles_b=len(pair.corpus_b))  # fmt: skip
    floor = float(out["p_floor"].iloc[0])
    if shared and floor > 0.05:
        warnings.warn(
            f"sentiment {pair.a} vs {pair.b} within '{within}': with {len(ids_a)} against "
            f"{len(ids_b)} articles in {len(shared)} shared value(s) no p-value can fall below "
            f"{floor:.3g}; read the effect sizes and intervals, not p",
            NewsframeWarning,
            stacklevel=2,
        )
    return out


def _counts(corpus: Corpus, ids: list[str], terms: pd.Index, res) -> tuple[np.ndarray, float]:
    counts = count_terms([corpus[i] for i in ids], resources=res)
    return counts.series().reindex(terms, fill_value=0).to_numpy(float), float(
        counts.n_tokens.sum()
    )


def keyness_within(
    corpus: Corpus,
    within: str,
    compare: Sequence[str] | str | None = None,
    *,
    column: str | None = None,
    prior: str = "background",
) -> pd.DataFrame:
    """Return keyness of two groups compared inside each value of ``within``, sorted by it.

    :func:`newsframe.groups.group_keyness` on the articles of the strata both sides cover (a
    story only one side tells adds nothing to compare), plus ``log_ratio_within``: log2 of the
    Mantel–Haenszel rate ratio over strata (:func:`newsframe.stats.mantel_haenszel_log_ratio`;
    Hardie's Log Ratio when there is one stratum), ``p_within`` its Mantel–Haenszel test
    (tokens as the unit, as G²), ``p_within_bh`` (Benjamini–Hochberg over the terms),
    ``strata_shared`` and ``within``. Rows are sorted by ``log_ratio_within``, largest first,
    ties by term; ``key_for`` follows its sign. A group-only word survives; a word of a story
    that one side covers more than the other is weighed inside that story.

    Worked by hand: in story s1 both groups say "court" once in 4 tokens; story s2 only y
    tells, and it says "court" 3 times. Pooled, "court" leans to y; within stories it does not:

    >>> from newsframe import Article
    >>> text = {"a0": "court vote tax fee.", "a1": "court vote tax fee.",
    ...         "a2": "court court court fee."}
    >>> meta = {"a0": ("x", "s1"), "a1": ("y", "s1"), "a2": ("y", "s2")}
    >>> c = Corpus(Article(i, "", (t,), metadata={"group": meta[i][0], "story": meta[i][1]})
    ...            for i, t in text.items())
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as said:  # a2 is left out, and says so
    ...     warnings.simplefilter("always")
    ...     k = keyness_within(c, "story", ["x", "y"]).set_index("term")
    >>> float(k.loc["court", "log_ratio_within"]), int(k.loc["court", "n_articles_b"]), len(said)
    (0.0, 1, 1)
    """
    expect_kind(corpus, Corpus, "keyness_within", hint=_LOAD)
    pair = comparison_pair(corpus, compare, column=column)
    shared, ids_a, ids_b = shared_strata(corpus, pair, within)
    _warn_left_out(pair, shared, ids_a, ids_b, within, "keyness")
    if not shared:
        raise NewsframeError(
            f"keyness within '{within}': {pair.a} and {pair.b} share no value of '{within}'"
        )
    part = corpus.subset([*ids_a, *ids_b])
    label = pair.column or "article_id"
    table = group_keyness(part, column=label, compare=[pair.a, pair.b], prior=prior)
    res = resolve_resources(None, corpus)
    strata = corpus.group_of(within)
    terms = pd.Index(table["term"])
    blocks = [[_counts(corpus, [i for i in ids if strata[i] == s], terms, res) for s in shared]
              for ids in (ids_a, ids_b)]  # fmt: skip
    lr, p = mantel_haenszel_log_ratio(
        np.stack([c for c, _ in blocks[0]]), np.stack([c for c, _ in blocks[1]]),
        [n for _, n in blocks[0]], [n for _, n in blocks[1]],
    )  # fmt: skip
    table = table.assign(log_ratio_within=lr, p_within=p, p_within_bh=adjust_pvalues(p),
                         strata_shared=len(shared), within=within)  # fmt: skip
    table["key_for"] = np.where(lr >= 0, pair.a, pair.b)
    order = np.lexsort((table["term"].to_numpy(str), -table["log_ratio_within"].to_numpy()))
    return table.iloc[order].reset_index(drop=True)
