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
from scipy import sparse

from newsframe.corpus import Corpus
from newsframe.errors import InputError, NewsframeError, NewsframeWarning, expect_kind
from newsframe.groups import Pair, comparison_pair, group_keyness
from newsframe.resources import resolve_resources
from newsframe.sentiment.summary import STATISTICS, article_statistics
from newsframe.stats import (
    adjust_pvalues,
    mantel_haenszel_log_ratio,
    mantel_haenszel_shares,
    stratified_bootstrap_difference,
    stratified_floor,
    stratified_permutation_test,
    stratified_share_interval,
)
from newsframe.terms import count_terms

__all__ = [
    "compare_sentiment_within",
    "confounding",
    "frames_within",
    "keyness_within",
    "naming_within",
    "shared_strata",
    "strata_of",
    "voice_within",
]

_LOAD = "load one with nf.load_corpus(...) or build nf.Corpus(articles)"


def _blank(value: object) -> bool:
    """Whether a metadata value says nothing: absent, None, NaN or blank text."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return True
    return not isinstance(value, str) and np.ndim(value) == 0 and bool(pd.isna(value))


def strata_of(corpus: Corpus, within: str, group: str | None = None) -> dict[str, str]:
    """Return ``{article_id: stratum}``: each article's value of the column ``within``.

    The one check every within-stratum comparison makes first: an
    :class:`~newsframe.errors.InputError` naming the column when some articles have no value
    (absent, empty, NaN or None: they would otherwise form a stratum of their own, such as
    ``"nan"``, and be compared as one story), when no article has one, or when ``within`` is
    ``group``, the column the compared groups come from (no stratum could hold two groups).

    >>> from newsframe import Article
    >>> c = Corpus(Article(f"a{i}", "", ("t.",), metadata={"group": g, "story": s})
    ...            for i, (g, s) in enumerate([("x", "s1"), ("y", float("nan"))]))
    >>> strata_of(c, "group")
    {'a0': 'x', 'a1': 'y'}
    >>> strata_of(c, "story")
    Traceback (most recent call last):
    newsframe.errors.InputError: metadata column 'story': 1 of 2 articles have no value: 'a1'; give every article one to compare within 'story'
    """
    if group is not None and within == group:
        raise InputError(f"metadata column {within!r}", "it is the group column itself: no value "
                         "could hold two groups to compare; compare within another column "
                         "(e.g. story)")  # fmt: skip
    lacking = [a.article_id for a in corpus if _blank(a.metadata.get(within))]
    if lacking and len(lacking) == len(corpus):
        raise InputError(f"metadata column {within!r}", "no article has a value (fields: "
                         f"{', '.join(corpus.metadata_columns) or 'none'})")  # fmt: skip
    if lacking:
        more = f" and {len(lacking) - 5:,} more" if len(lacking) > 5 else ""
        raise InputError(f"metadata column {within!r}",
                         f"{len(lacking):,} of {len(corpus):,} articles have no value: "
                         f"{', '.join(map(repr, lacking[:5]))}{more}; give every article one "
                         f"to compare within {within!r}")  # fmt: skip
    return corpus.group_of(within)


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
    strata = strata_of(corpus, within, column or corpus.group_column)
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
    strata = strata_of(corpus, within, pair.column)
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


def _difference_within(xa: np.ndarray, xb: np.ndarray, sa: list[str], sb: list[str],
                       sizes: list[tuple[int, int]], *, n_resamples: int, seed: int,
                       confidence: float) -> tuple[np.ndarray, ...]:  # fmt: skip
    """``(difference, ci_low, ci_high, p, exact, p_floor)``, one value per measure (columns of
    the articles × measures ``xa``, ``xb``), within strata: the blocked permutation test and the
    bootstrap within strata, each drawing its splits once for every measure, and the design's
    floor."""
    diff, p, exact, _ = stratified_permutation_test(xa, xb, sa, sb, n_resamples=n_resamples,
                                                    seed=seed)  # fmt: skip
    low, high = stratified_bootstrap_difference(xa, xb, sa, sb, seed=seed, confidence=confidence)
    floor = stratified_floor(sizes) if sizes else float("nan")
    if sizes and not exact:
        floor = max(floor, 1.0 / (n_resamples + 1))
    width = xa.shape[1]
    return diff, low, high, p, np.full(width, exact), np.full(width, floor)


def _sizes(sa: list[str], sb: list[str], shared: list[str]) -> list[tuple[int, int]]:
    """Each shared stratum's ``(articles of a, articles of b)``, counted in one pass."""
    count_a, count_b = Counter(sa), Counter(sb)
    return [(count_a[s], count_b[s]) for s in shared]


def _notes(strata_shared, p_floor, within: str) -> np.ndarray:
    """Why a row can show nothing: no stratum holds both sides (its results NaN), or no
    relabelling within strata could give p below 1 (e.g. one article a side); else ""."""
    shared = np.broadcast_to(np.asarray(strata_shared), np.shape(p_floor))
    notes = np.full(np.shape(p_floor), "", dtype=object)
    notes[np.asarray(p_floor, dtype=float) >= 1 - 1e-9] = (  # a floor of 1, to rounding
        f"not testable: no relabelling within '{within}' can give p below 1"
    )
    notes[shared == 0] = f"not testable: no value of '{within}' holds articles of both sides"
    return notes


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
    compared) and ``n_articles_a/b`` (all of each side's) say what was compared; ``note`` why a
    row cannot show anything ("not testable: ...": no stratum of both sides, or a design whose
    smallest p is 1), else empty. A
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
    scored = sentences[sentences["article_id"].isin(set(pair.ids))]
    blank = pd.to_numeric(scored["compound"], errors="coerce").isna().to_numpy()
    if blank.any():  # a NaN would be counted neutral, or drop out of a mean, unseen
        raise NewsframeError(f"compare_sentiment_within: column 'compound' has no number for a "
                             f"sentence of article {scored['article_id'].iloc[blank.argmax()]!r}")  # fmt: skip
    missing = [i for i in [*pair.corpus_a.ids, *pair.corpus_b.ids] if i not in stats.index]
    if missing:
        raise NewsframeError(f"no scored sentences for article {missing[0]!r}")
    strata = corpus.group_of(within)  # checked by shared_strata
    sa, sb = [strata[i] for i in ids_a], [strata[i] for i in ids_b]
    sizes = _sizes(sa, sb, shared)
    cells = np.array([f"a\x00{s}" for s in sa] + [f"b\x00{s}" for s in sb], dtype=object)
    stat = list(STATISTICS)
    xa, xb = stats.loc[ids_a, stat].to_numpy(float), stats.loc[ids_b, stat].to_numpy(float)
    diff, low, high, p, exact, floor = _difference_within(
        xa, xb, sa, sb, sizes, n_resamples=n_resamples, seed=seed, confidence=confidence
    )
    rows = []
    for j, name in enumerate(stat):
        effect = (diff[j] / _within_sd(np.concatenate([xa[:, j], xb[:, j]]), cells) if shared
                  else float("nan"))  # fmt: skip
        va = float(stats.loc[pair.corpus_a.ids, name].mean())
        vb = float(stats.loc[pair.corpus_b.ids, name].mean())
        rows.append((pair.a, pair.b, name, va, vb, float(diff[j]), float(low[j]), float(high[j]),
                     float(p[j]), bool(exact[j]), effect, "standardised_within", len(ids_a),
                     len(ids_b), "article", float(floor[j]), va - vb))  # fmt: skip
    out = pd.DataFrame(rows, columns=[
        "a", "b", "statistic", "value_a", "value_b", "difference", "ci_low", "ci_high", "p_value",
        "exact", "effect_size", "effect_measure", "n_a", "n_b", "unit", "p_floor",
        "difference_pooled"])  # fmt: skip
    out = out.assign(within=within, strata_shared=len(shared),
                     n_articles_a=len(pair.corpus_a), n_articles_b=len(pair.corpus_b),
                     note=_notes(len(shared), out["p_floor"], within))  # fmt: skip
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


def _stratum_counts(corpus: Corpus, ids_a: list[str], ids_b: list[str], shared: list[str],
                    within: str, terms: pd.Series) -> tuple[sparse.csr_matrix, np.ndarray]:  # fmt: skip
    """Counts of ``terms`` (sparse, side a's strata then side b's, each in ``shared`` order)
    and tokens per (side, stratum): the articles counted once, their rows summed per cell."""
    strata = corpus.group_of(within)  # checked by shared_strata
    index = {s: k for k, s in enumerate(shared)}
    ids = [*ids_a, *ids_b]
    cell = np.array([index[strata[i]] for i in ids_a]
                    + [len(shared) + index[strata[i]] for i in ids_b], dtype=np.int64)  # fmt: skip
    counts = count_terms([corpus[i] for i in ids], resources=resolve_resources(None, corpus))
    cells = sparse.csr_matrix((np.ones(len(ids)), (cell, np.arange(len(ids)))),
                              shape=(2 * len(shared), len(ids)))  # fmt: skip
    column = pd.Index(counts.terms).get_indexer(pd.Index(terms))
    found = column >= 0  # every term of the table is one of these articles'; a guard all the same
    summed = (cells @ counts.counts.astype(float)).tocsc()[:, np.where(found, column, 0)]
    summed = summed.multiply(found.astype(float)[None, :]).tocsr()
    tokens = np.bincount(cell, weights=counts.n_tokens.astype(float), minlength=2 * len(shared))
    return summed, tokens


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
    counts, tokens = _stratum_counts(corpus, ids_a, ids_b, shared, within, table["term"])
    k = len(shared)
    lr, p = mantel_haenszel_log_ratio(counts[:k], counts[k:], tokens[:k], tokens[k:])
    table = table.assign(log_ratio_within=lr, p_within=p, p_within_bh=adjust_pvalues(p),
                         strata_shared=len(shared), within=within)  # fmt: skip
    table["key_for"] = np.where(lr >= 0, pair.a, pair.b)
    order = np.lexsort((table["term"].to_numpy(str), -table["log_ratio_within"].to_numpy()))
    return table.iloc[order].reset_index(drop=True)


# --- shares of articles compared within strata: voice, naming, frames --------------------------

_SHARE_COLUMNS = ["articles_a", "n_a", "articles_b", "n_b", "share_a", "share_b", "difference",
                  "ci_low", "ci_high", "odds_ratio", "p_value", "exact", "p_floor", "p_bh",
                  "difference_pooled", "reversed", "strata_shared"]  # fmt: skip


def _tally(sides: tuple[list[str], list[str]], stratum: dict[str, int], n_strata: int,
           used: pd.DataFrame, eligible: pd.DataFrame | None, pool_of: np.ndarray) -> list[np.ndarray]:  # fmt: skip
    """``[hits_a, n_a, hits_b, n_b]``, strata × items: articles with each item (``used``: rows
    ``article_id, item``) and articles counted (``eligible``: rows ``article_id, pool``, an item
    counting the articles of its pool; ``None``: every article) on each side in each stratum."""
    side = {i: 0 for i in sides[0]} | {i: 1 for i in sides[1]}
    n_items, n_pools = len(pool_of), int(pool_of.max(initial=-1)) + 1

    def count(table: pd.DataFrame, key: str, width: int) -> np.ndarray:
        t = table[table["article_id"].isin(side)].drop_duplicates(["article_id", key])
        out = np.zeros((2, n_strata, width))
        np.add.at(out, (t["article_id"].map(side).to_numpy(int),
                        t["article_id"].map(stratum).to_numpy(int), t[key].to_numpy(int)), 1)  # fmt: skip
        return out

    hits = count(used, "item", n_items)
    if eligible is None:
        every = pd.DataFrame({"article_id": list(side), "pool": 0})
        n = np.repeat(count(every, "pool", 1), n_items, axis=2)
    else:
        n = count(eligible, "pool", max(n_pools, 1))[:, :, pool_of]
    return [hits[0], n[0], hits[1], n[1]]


def _compare_shares(corpus: Corpus, pair: Pair, within: str, items: pd.DataFrame,
                    used: pd.DataFrame, eligible: pd.DataFrame | None, pool_of: np.ndarray, *,
                    n_resamples: int, seed: int, confidence: float) -> pd.DataFrame:  # fmt: skip
    """One row per item of ``items``: the two sides' shares of articles compared within strata
    (:func:`newsframe.stats.mantel_haenszel_shares`) and ignoring them."""
    shared, ids_a, ids_b = shared_strata(corpus, pair, within)
    strata = corpus.group_of(within)  # checked by shared_strata
    index = {s: k for k, s in enumerate(shared)}
    keep = set(ids_a) | set(ids_b)
    inside = _tally((ids_a, ids_b), {i: index[strata[i]] for i in keep}, len(shared),
                    used[used["article_id"].isin(keep)],
                    None if eligible is None else eligible[eligible["article_id"].isin(keep)],
                    pool_of)  # fmt: skip
    every = _tally((pair.corpus_a.ids, pair.corpus_b.ids), dict.fromkeys(pair.ids, 0), 1, used,
                   eligible, pool_of)  # fmt: skip
    test = mantel_haenszel_shares(*inside)
    low, high = stratified_share_interval(*inside, n_resamples=n_resamples, seed=seed,
                                          confidence=confidence)  # fmt: skip
    with np.errstate(divide="ignore", invalid="ignore"):
        share_a, share_b = every[0][0] / every[1][0], every[2][0] / every[3][0]
    pooled = share_a - share_b
    p = test["p"]
    p_bh = np.full(len(p), np.nan)
    tested = ~np.isnan(p)
    p_bh[tested] = adjust_pvalues(p[tested]) if tested.any() else []
    reversed_ = (np.sign(test["difference"]) * np.sign(pooled)) < 0
    values = [inside[0].sum(axis=0), inside[1].sum(axis=0), inside[2].sum(axis=0),
              inside[3].sum(axis=0), share_a, share_b, test["difference"], low, high,
              test["odds_ratio"], p, test["exact"], test["p_floor"], p_bh, pooled, reversed_,
              test["strata"]]  # fmt: skip
    out = items.reset_index(drop=True).assign(**dict(zip(_SHARE_COLUMNS, values, strict=True)))
    for column in ("articles_a", "n_a", "articles_b", "n_b", "strata_shared"):
        out[column] = out[column].astype(np.int64)
    out.insert(0, "b", pair.b)
    out.insert(0, "a", pair.a)
    return out.assign(unit="article", within=within, n_articles_a=len(pair.corpus_a),
                      n_articles_b=len(pair.corpus_b),
                      note=_notes(out["strata_shared"], out["p_floor"], within))  # fmt: skip


def _pair_within(corpus: Corpus, table: pd.DataFrame, within: str, compare, column, what: str,
                 hint: str, needs: Sequence[str] = ()) -> Pair:  # fmt: skip
    expect_kind(table, pd.DataFrame, what, hint=hint)
    expect_kind(corpus, Corpus, what, hint=_LOAD)
    if "article_id" not in table.columns:
        raise NewsframeError(f"{what}: expected a per-article table with an article_id column")
    lacking = [c for c in needs if c not in table.columns]
    if lacking:
        raise NewsframeError(f"{what}: the table has no column {', '.join(map(repr, lacking))}; "
                             f"{hint}")  # fmt: skip
    pair = comparison_pair(corpus, compare, column=column)
    shared, ids_a, ids_b = shared_strata(corpus, pair, within)
    _warn_left_out(pair, shared, ids_a, ids_b, within, what.removesuffix("_within"))
    return pair


def voice_within(
    voice: pd.DataFrame,
    corpus: Corpus,
    within: str,
    compare: Sequence[str] | str | None = None,
    *,
    column: str | None = None,
    by: str = "speaker",
    n_resamples: int = 2000,
    seed: int = 0,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """Return one row per speaker: the share of each side's articles giving it voice, within strata.

    ``voice`` is :func:`newsframe.share_of_voice`; an article gives a speaker voice when it
    quotes or paraphrases them (``attributions > 0``). ``by`` names another column to compare
    instead of ``speaker``: pass :func:`newsframe.attributions` (one row per attribution) and
    ``by="speaker_kind"`` for the share of articles quoting a person, an organisation, a
    document and so on. The article is the unit: inside each
    value of ``within`` (e.g. story) that both sides cover, the share of side a's articles that
    quote the speaker is compared with side b's, and the strata pooled by Mantel–Haenszel
    (:func:`newsframe.stats.mantel_haenszel_shares`: ``difference`` the MH risk difference,
    ``odds_ratio``, ``p_value`` the exact conditional test of labels permuted within strata,
    ``p_floor`` the smallest p the margins allow, ``p_bh`` Benjamini–Hochberg over speakers) with
    a bootstrap interval within strata (:func:`newsframe.stats.stratified_share_interval`).
    ``share_a``/``share_b`` are the shares over all of each side's articles ignoring
    ``within``, ``difference_pooled`` their difference, ``reversed`` True when the two
    differences have opposite signs (what the confound did). ``articles_a``/``n_a`` count the
    compared articles quoting the speaker / all compared articles. Speakers by how many of the
    two sides' articles quote them, then key. ``note`` says why a row cannot show anything
    (no stratum where both sides have articles: NaN; margins whose smallest p is 1), else
    empty.

    Worked by hand (a Simpson's paradox): in story s1 x quotes K in 3 of 4 articles, y in its
    1; in s2 x in 0 of 1, y in 1 of 4. Ignoring story x quotes K more (3/5 against 2/5);
    within each story less (−1/4 in both):

    >>> from newsframe import Article
    >>> meta = [("x", "s1")] * 4 + [("y", "s1"), ("x", "s2")] + [("y", "s2")] * 4
    >>> c = Corpus(Article(f"a{i}", "", ("t.",), metadata={"group": g, "story": s})
    ...            for i, (g, s) in enumerate(meta))
    >>> v = pd.DataFrame({"article_id": ["a0", "a1", "a2", "a4", "a6"], "speaker": "K",
    ...                   "speaker_name": "K", "attributions": 1})
    >>> r = voice_within(v, c, "story").iloc[0]
    >>> round(float(r["difference_pooled"]), 4), float(r["difference"]), bool(r["reversed"])
    (0.2, -0.25, True)
    """
    pair = _pair_within(corpus, voice, within, compare, column, "voice_within",
                        "pass nf.share_of_voice(corpus), then the corpus")  # fmt: skip
    if by not in voice.columns:
        raise NewsframeError(f"voice_within: the table has no column {by!r} to compare by")
    t = voice[voice["article_id"].isin(set(pair.ids))]
    if "attributions" in t.columns:  # share_of_voice: one row per article and speaker
        t = t[t["attributions"] > 0]
    t = t.assign(**{by: t[by].astype(str)}).drop_duplicates(["article_id", by])
    keys = [by, "speaker_name"] if by == "speaker" and "speaker_name" in t.columns else [by]
    counts = t.groupby(keys, sort=False).size().rename("n").reset_index()
    counts = counts.sort_values(["n", by], ascending=[False, True], kind="stable")
    items = counts.drop_duplicates(by)[keys]
    index = {k: n for n, k in enumerate(items[by])}
    used = pd.DataFrame({"article_id": t["article_id"], "item": t[by].map(index)})
    return _compare_shares(corpus, pair, within, items, used, None, np.zeros(len(items), int),
                           n_resamples=n_resamples, seed=seed, confidence=confidence)  # fmt: skip


def naming_within(
    naming: pd.DataFrame,
    corpus: Corpus,
    within: str,
    compare: Sequence[str] | str | None = None,
    *,
    column: str | None = None,
    narrator: bool = False,
    n_resamples: int = 2000,
    seed: int = 0,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """Return one row per name of a concept: the share of each side's articles using it, within strata.

    ``naming`` is :func:`newsframe.naming_variants`. Of the articles that name a concept at
    all (in each stratum, on each side), the share that use this variant: the outlet's choice
    among the competing names. ``narrator`` counts only uses outside direct quotations (the
    outlet's own word). Columns and methods as :func:`voice_within`; ``n_a``/``n_b`` are the
    compared articles naming the concept. Names in the story file's concept order; a variant
    neither side uses has no row.

    Worked by hand: in story s1 x says "isle" in its 2 articles naming the islands and y in
    its 1; in s2 x says "isle" in its 1 and y in 0 of 2. Within s1 the shares are equal; in
    s2 x leads by 1; weights 2/3 and 2/3: difference 1/2. Ignoring story: 1 − 1/3:

    >>> from newsframe import Article
    >>> meta = [("x", "s1"), ("x", "s1"), ("y", "s1"), ("x", "s2"), ("y", "s2"), ("y", "s2")]
    >>> c = Corpus(Article(f"a{i}", "", ("t.",), metadata={"group": g, "story": s})
    ...            for i, (g, s) in enumerate(meta))
    >>> n = pd.DataFrame({"article_id": ["a0", "a1", "a2", "a3", "a4", "a5"],
    ...                   "concept": "islands", "variant": ["isle"] * 4 + ["rock"] * 2,
    ...                   "usage": "", "count": 1, "in_quotes": 0})
    >>> r = naming_within(n, c, "story").set_index("variant").loc["isle"]
    >>> float(r["difference"]), round(float(r["difference_pooled"]), 4), int(r["n_b"])
    (0.5, 0.6667, 3)
    """
    pair = _pair_within(corpus, naming, within, compare, column, "naming_within",
                        "pass nf.naming_variants(corpus), then the corpus",
                        ["concept", "variant", "usage", "count", *(["in_quotes"] if narrator else [])])  # fmt: skip
    t = naming[naming["article_id"].isin(set(pair.ids))]
    uses = t["count"] - (t["in_quotes"] if narrator else 0)
    t = t[uses > 0]
    concepts = resolve_resources(None, corpus).naming_concepts
    order = [(c.concept_id, v.name) for c in concepts for v in c.variants]
    seen = list(dict.fromkeys(zip(t["concept"], t["variant"], t["usage"], strict=True)))
    rank = {k: n for n, k in enumerate(order)}
    concept_rank = {c: n for n, c in enumerate(dict.fromkeys([c for c, _ in order]
                                                             + [k[0] for k in seen]))}  # fmt: skip
    seen.sort(key=lambda k: (concept_rank[k[0]], rank.get(k[:2], len(rank))))
    items = pd.DataFrame(seen, columns=["concept", "variant", "usage"])
    index = {k[:2]: n for n, k in enumerate(seen)}
    pools = {c: n for n, c in enumerate(dict.fromkeys(items["concept"]))}
    used = pd.DataFrame({"article_id": t["article_id"],
                         "item": [index[k] for k in zip(t["concept"], t["variant"], strict=True)]})  # fmt: skip
    eligible = pd.DataFrame({"article_id": t["article_id"], "pool": t["concept"].map(pools)})
    pool_of = items["concept"].map(pools).to_numpy(int)
    return _compare_shares(corpus, pair, within, items, used, eligible, pool_of,
                           n_resamples=n_resamples, seed=seed, confidence=confidence)  # fmt: skip


def frames_within(
    frames: pd.DataFrame,
    corpus: Corpus,
    within: str,
    compare: Sequence[str] | str | None = None,
    *,
    column: str | None = None,
    n_resamples: int = 9999,
    seed: int = 0,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """Return one row per frame: the two sides' frame hits per 1,000 words compared within strata.

    ``frames`` is :func:`newsframe.frame_dimensions`; the article is the unit and its value its
    ``per_1000`` (an article without a row for a frame: 0). As
    :func:`compare_sentiment_within`: ``difference`` the Mantel–Haenszel-weighted mean of the
    within-stratum differences of side means, ``p_value`` the permutation test within strata,
    ``ci_low``/``ci_high`` the bootstrap within strata, ``p_floor`` the design's smallest p,
    ``p_bh`` Benjamini–Hochberg over frames; ``value_a``/``value_b`` the side means over all
    their articles and ``difference_pooled`` their difference ignoring ``within``, ``reversed``
    when the two have opposite signs; ``articles_a``/``articles_b`` the compared articles with
    a hit; ``note`` as in :func:`compare_sentiment_within`. Frames in the table's order.

    Worked by hand (a Simpson's paradox): in story s1 x has 40, 40, 40 hits per 1,000 words and
    y 50; in s2 x has 0 and y 10, 10, 10. Within each story x − y = −10; ignoring story x leads
    (30 − 20). Of the 4 × 4 within-story splits only the observed one reaches |−10|:

    >>> from newsframe import Article
    >>> meta = [("x", "s1")] * 3 + [("y", "s1"), ("x", "s2")] + [("y", "s2")] * 3
    >>> c = Corpus(Article(f"a{i}", "", ("t.",), metadata={"group": g, "story": s})
    ...            for i, (g, s) in enumerate(meta))
    >>> f = pd.DataFrame({"article_id": c.ids, "scheme": "mfc", "frame": "economic",
    ...                   "label": "Economic", "per_1000": [40., 40, 40, 50, 0, 10, 10, 10]})
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     r = frames_within(f, c, "story").iloc[0]
    >>> [round(float(r[k]), 4) for k in ("difference", "difference_pooled", "p_value", "p_floor")]
    [-10.0, 10.0, 0.0625, 0.0625]
    """
    keys = ["scheme", "frame", "label"]
    pair = _pair_within(corpus, frames, within, compare, column, "frames_within",
                        "pass nf.frame_dimensions(corpus), then the corpus", [*keys, "per_1000"])  # fmt: skip
    shared, ids_a, ids_b = shared_strata(corpus, pair, within)
    strata = corpus.group_of(within)  # checked by shared_strata
    sa, sb = [strata[i] for i in ids_a], [strata[i] for i in ids_b]
    sizes = _sizes(sa, sb, shared)
    t = frames[frames["article_id"].isin(set(pair.ids))]
    values = pd.to_numeric(t["per_1000"], errors="coerce")
    # frame_dimensions never leaves it empty: 0 for an article without words
    if values.isna().any():
        bad = t.loc[values.isna()].iloc[0]
        raise NewsframeError(f"frames_within: column 'per_1000' has no number for article "
                             f"{bad['article_id']!r}, frame {bad['frame']!r}: "
                             f"{str(bad['per_1000'])!r}")  # fmt: skip
    wide = (
        t.assign(per_1000=values).pivot_table(
            index="article_id", columns=keys, values="per_1000", aggfunc="sum", sort=False
        )
        if len(t)
        else pd.DataFrame(columns=pd.MultiIndex.from_tuples([], names=keys), dtype=float)
    )
    wide = wide.reindex(pair.ids).fillna(0.0)  # fmt: skip
    xa, xb = wide.loc[ids_a].to_numpy(float), wide.loc[ids_b].to_numpy(float)
    diff, low, high, p, exact, floor = _difference_within(  # every frame on the same splits
        xa, xb, sa, sb, sizes, n_resamples=n_resamples, seed=seed, confidence=confidence
    )
    rows = []
    for j, item in enumerate(wide.columns):
        x = wide[item]
        va, vb = float(x.loc[pair.corpus_a.ids].mean()), float(x.loc[pair.corpus_b.ids].mean())
        rows.append((*item, int((xa[:, j] > 0).sum()), len(xa), int((xb[:, j] > 0).sum()),
                     len(xb), va, vb, float(diff[j]), float(low[j]), float(high[j]), float(p[j]),
                     bool(exact[j]), float(floor[j]), va - vb))  # fmt: skip
    out = pd.DataFrame(rows, columns=[*keys, "articles_a", "n_a", "articles_b", "n_b", "value_a",
                                      "value_b", "difference", "ci_low", "ci_high", "p_value",
                                      "exact", "p_floor", "difference_pooled"])  # fmt: skip
    p_bh = np.full(len(out), np.nan)
    tested = out["p_value"].notna().to_numpy()
    if tested.any():
        p_bh[tested] = adjust_pvalues(out.loc[tested, "p_value"].to_numpy())
    out.insert(int(out.columns.get_loc("p_floor")) + 1, "p_bh", p_bh)
    out["reversed"] = (np.sign(out["difference"]) * np.sign(out["difference_pooled"])) < 0
    out.insert(0, "b", pair.b)
    out.insert(0, "a", pair.a)
    return out.assign(strata_shared=len(shared), unit="article", within=within,
                      n_articles_a=len(pair.corpus_a), n_articles_b=len(pair.corpus_b),
                      note=_notes(len(shared), out["p_floor"], within))  # fmt: skip
