"""Comparisons by group: which pair to compare, and the measures summed or tested per group.

A group is the set of articles sharing a value of a metadata column (outlet, country,
perspective, year; the default column is :attr:`Corpus.group_column`). Every table here is tidy
with a ``group`` column. Tests between groups use the article as the unit when a side has more
than one article (permutation over articles, exact when the splits can be enumerated, and a
cluster bootstrap; :mod:`newsframe.stats`), and say which unit they used, how many articles each
side has and the smallest p-value the design can reach.
"""

from __future__ import annotations

import hashlib
import re
import warnings
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from newsframe.corpus import Corpus
from newsframe.errors import InputError, NewsframeError, NewsframeWarning, expect_kind
from newsframe.resources import resolve_resources
from newsframe.sentiment.scoring import THRESHOLD
from newsframe.sentiment.summary import STATISTICS, article_statistics, compare_sentiment
from newsframe.stats import (
    percentile_interval,
    permutation_floor,
)
from newsframe.terms import count_terms, keyness

__all__ = [
    "Pair",
    "actor_sentiment_by_group",
    "cleaning_by_group",
    "compare_group_sentiment",
    "comparison_pair",
    "figure_rows",
    "frames_by_group",
    "group_keyness",
    "group_sentiment",
    "largest_groups",
    "naming_by_group",
    "prominence_by_group",
    "terms_by_group",
    "verbs_by_group",
    "voice_by_group",
    "with_group",
]

_SLUG = re.compile(r"[^A-Za-z0-9.-]+")


@dataclass(frozen=True)
class Pair:
    """Two sides to compare: their names, articles, and the column that defined them."""

    column: str | None
    a: str
    b: str
    corpus_a: Corpus
    corpus_b: Corpus

    @property
    def slug(self) -> str:
        """``<a>_vs_<b>``, safe in a file name (figure names say what is compared); a name with
        no letter or digit of A-Z, 0-9 (emoji, another script) is a short hash of itself, so
        that two such comparisons do not share one file name."""
        return f"{_slug_part(self.a)}_vs_{_slug_part(self.b)}"

    @property
    def ids(self) -> list[str]:
        """The article ids of both sides, side a first."""
        return [*self.corpus_a.ids, *self.corpus_b.ids]


def _slug_part(name: str) -> str:
    """``name`` safe in a file name; ``g`` and 8 hex digits of its SHA-1 when nothing is left.

    >>> _slug_part("First Post"), _slug_part("🔥")
    ('First-Post', 'gd8f26c88')
    """
    return _SLUG.sub("-", name).strip("-") or "g" + hashlib.sha1(name.encode()).hexdigest()[:8]


_LOAD = "load one with nf.load_corpus(...) or build nf.Corpus(articles)"
_SENTENCES = "pass nf.sentence_sentiment(corpus), then the corpus"


def comparison_pair(
    corpus: Corpus, compare: Sequence[str] | str | None = None, *, column: str | None = None
) -> Pair:
    """Return the two sides to compare: groups of ``column`` or single articles.

    ``compare`` names two groups (values of ``column``) or two article ids, as a pair or one
    string ``"a,b"``; default: the story's ``compare``, else, when there is a group column
    (``column`` or :attr:`Corpus.group_column`) with two or more groups, the two groups with the
    most articles (ties in corpus order), else the first two articles. Raises
    :class:`~newsframe.errors.InputError` naming a value that is neither a group nor an
    article id.

    >>> from newsframe import Article
    >>> meta = [{"group": "x"}, {"group": "y"}, {"group": "x"}]
    >>> c = Corpus(Article(i, "", ("t.",), metadata=m) for i, m in zip("abc", meta))
    >>> p = comparison_pair(c); p.a, p.b, p.corpus_a.ids, p.slug
    ('x', 'y', ['a', 'c'], 'x_vs_y')
    >>> comparison_pair(c, "a,b").slug
    'a_vs_b'
    """
    expect_kind(corpus, Corpus, "comparison_pair", hint=_LOAD)
    if isinstance(compare, str):
        compare = [v.strip() for v in compare.split(",") if v.strip()]
    compare = list(compare or getattr(corpus.story, "compare", ()) or ())
    try:
        column = column or corpus.group_column
    except InputError:  # a group column with holes: no matter when two articles are named
        if not compare or not all(v in corpus.ids for v in compare):
            raise
        column = None
    groups = corpus.groups(column) if column else {}
    if not compare:
        if len(groups) >= 2:
            compare = largest_groups(groups)
        elif len(corpus) >= 2:
            compare, column, groups = corpus.ids[:2], None, {}
        else:
            raise NewsframeError(f"nothing to compare: the corpus has {len(corpus)} article(s)")
    if len(compare) != 2 or compare[0] == compare[1]:
        raise InputError("compare", f"needs two different groups or article ids, got {compare}")
    sides = []
    for value in compare:
        if value in groups:
            sides.append(groups[value])
        elif value in corpus.ids:
            sides.append(corpus.subset([value]))
        else:
            raise InputError(
                "compare",
                f"{value!r} is neither a group of column {column!r} ({', '.join(groups) or 'none'})"
                f" nor an article id",
            )
    shared = sorted(set(sides[0].ids) & set(sides[1].ids))
    if shared:  # an article compared with its own group: the sides must be apart
        raise InputError(
            "compare",
            f"{compare[0]!r} and {compare[1]!r} share article(s) {', '.join(shared[:5])}; "
            "compare two groups, two articles, or an article with a group it is not in",
        )
    by_group = all(v in groups for v in compare)
    return Pair(column if by_group else None, compare[0], compare[1], sides[0], sides[1])


#: A per-article figure draws at most this many articles (the compared sides' first ones);
#: a figure of 120 articles was 24,000 pixels tall. Every table keeps all of them.
MAX_FIGURE_ARTICLES = 12


def figure_rows(
    table: pd.DataFrame,
    sides: Pair | tuple[Sequence[str], Sequence[str]],
    *,
    limit: int = MAX_FIGURE_ARTICLES,
) -> pd.DataFrame:
    """Return the rows of ``table`` a per-article figure draws: every row when ``table`` holds
    at most ``limit`` articles, else the rows of the first ``limit // 2`` articles of each
    compared side (``sides``: a :class:`Pair`, or the two sides' article ids).

    >>> t = pd.DataFrame({"article_id": [f"a{i}" for i in range(5)], "n": range(5)})
    >>> figure_rows(t, (["a0", "a1", "a2"], ["a3", "a4"]), limit=2)["article_id"].tolist()
    ['a0', 'a3']
    >>> len(figure_rows(t, (["a0"], ["a1"])))
    5
    """
    if "article_id" not in table or table["article_id"].nunique() <= limit:
        return table
    ids_a, ids_b = (sides.corpus_a.ids, sides.corpus_b.ids) if isinstance(sides, Pair) else sides
    half = max(limit // 2, 1)
    return table[table["article_id"].isin({*list(ids_a)[:half], *list(ids_b)[:half]})]


def largest_groups(groups: dict[str, Corpus], n: int = 2) -> list[str]:
    """Return the names of the ``n`` groups with the most articles, larger first; ties keep the
    order of ``groups`` (the corpus order of their first articles).

    >>> from newsframe import Article
    >>> arts = {k: Corpus([Article(f"{k}{i}", "", ("t.",)) for i in range(m)])
    ...         for k, m in [("a", 1), ("b", 3), ("c", 2), ("d", 3)]}
    >>> largest_groups(arts)
    ['b', 'd']
    """
    order = {name: i for i, name in enumerate(groups)}
    return sorted(order, key=lambda g: (-len(groups[g]), order[g]))[:n]


def with_group(table: pd.DataFrame, corpus: Corpus, *, column: str | None = None) -> pd.DataFrame:
    """Return ``table`` with a ``group`` column (after ``article_id``) from the corpus metadata.

    ``column`` defaults to :attr:`Corpus.group_column`; without one each article is its own
    group.

    >>> from newsframe import Article
    >>> c = Corpus([Article("a", "", ("t.",), metadata={"group": "x"})])
    >>> with_group(pd.DataFrame({"article_id": ["a"], "n": [1]}), c).columns.tolist()
    ['article_id', 'group', 'n']
    """
    expect_kind(table, pd.DataFrame, "with_group", hint="pass a per-article table")
    expect_kind(corpus, Corpus, "with_group", hint=_LOAD)
    if "article_id" not in table.columns:
        raise NewsframeError("with_group needs a table with an article_id column")
    groups = corpus.group_of(column)
    out = table.drop(columns=["group"], errors="ignore")
    out.insert(int(out.columns.get_loc("article_id")) + 1, "group", out["article_id"].map(groups))
    return out


# --- terms -------------------------------------------------------------------------------------


def group_keyness(
    corpus: Corpus,
    *,
    column: str | None = None,
    compare: Sequence[str] | str | None = None,
    vs_rest: bool = False,
    prior: str = "background",
) -> pd.DataFrame:
    """Return keyness of group against group (or each group against the rest), with a ``group`` column.

    :func:`newsframe.keyness` on the pooled counts of each side (Log Ratio, G², log-odds; see
    there), plus ``articles_a`` / ``articles_b``: in how many of each side's articles the term
    occurs, and ``n_articles_a`` / ``n_articles_b``. A term carried by one article of a group is
    a lead about that article, not about the group: read ``articles_a`` before the ranking.
    ``unit`` is ``"token"``: G² and its p-values pool the tokens of each side as if independent
    draws, so with several articles a side they overstate the evidence (rank by ``log_ratio``
    and read ``articles_a``; an article-level test is :func:`compare_group_sentiment`'s design).
    ``vs_rest=True`` stacks each group against all other articles (``reference`` ``"rest"``).
    ``article_id``, ``reference`` and ``key_for`` hold the two sides' names (groups or article
    ids, ``"rest"``), so the keyness figures and lists name the sides by group; ``compared`` says which they are: ``"group"`` (two
    groups of ``column``, or each group against the rest) or ``"article"`` (two articles).
    """
    expect_kind(corpus, Corpus, "group_keyness", hint=_LOAD)
    if vs_rest:
        column = column or corpus.group_column
        groups = corpus.groups(column)
        if len(groups) < 2:
            raise NewsframeError("group_keyness: vs_rest needs at least two groups")
        sides = [
            (name, part, corpus.subset([i for i in corpus.ids if i not in set(part.ids)]), "rest")
            for name, part in groups.items()
        ]
        compared = "group"
    else:
        pair = comparison_pair(corpus, compare, column=column)
        sides = [(pair.a, pair.corpus_a, pair.corpus_b, pair.b)]
        compared = "group" if pair.column else "article"
    res = resolve_resources(None, corpus)
    tables = []
    for name, side_a, side_b, reference in sides:
        table = keyness(list(side_a), list(side_b), prior=prior, resources=res)
        table.insert(0, "group", name)
        # side labels for figures and for key_for (keyness labels a pooled side by its ids)
        if len(table):
            first = table.iloc[0]
            labels = {first["article_id"]: name, first["reference"]: reference}
            table["key_for"] = table["key_for"].replace(labels)
        table["article_id"], table["reference"] = name, reference
        for label, part in (("a", side_a), ("b", side_b)):
            counts = count_terms(list(part), resources=res)
            present = np.asarray((counts.counts > 0).sum(axis=0)).ravel()
            used = dict(zip(counts.terms, present, strict=True))
            table[f"articles_{label}"] = table["term"].map(used).fillna(0).astype(int)
            table[f"n_articles_{label}"] = len(part)
        table["unit"] = "token"  # G² and its p treat tokens as independent: see the docstring
        table["compared"] = compared
        tables.append(table)
    return pd.concat(tables, ignore_index=True)


# --- sentiment ---------------------------------------------------------------------------------


def _side(stats: pd.DataFrame, part: Corpus) -> pd.DataFrame:
    missing = [i for i in part.ids if i not in stats.index]
    if missing:
        raise NewsframeError(f"no scored sentences for article {missing[0]!r}")
    return stats.loc[part.ids]


def group_sentiment(
    sentences: pd.DataFrame,
    corpus: Corpus,
    *,
    column: str | None = None,
    n_resamples: int = 2000,
    seed: int = 0,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """Return per group and statistic the mean over its articles, with a cluster-bootstrap interval.

    ``sentences`` is :func:`newsframe.sentence_sentiment` output. Each article is summarised
    first (mean and median compound, shares of positive / neutral / negative sentences), then
    the group value is the mean over its articles, so a long article does not outweigh a short
    one. The interval resamples articles (``unit`` = ``"article"``); a one-article group can only
    resample its sentences (``unit`` = ``"sentence"``). Columns: ``group, statistic, value,
    ci_low, ci_high, unit, n_articles, n_sentences``.

    >>> from newsframe import Article
    >>> c = Corpus(Article(f"{g}{i}", "", ("t.",), metadata={"group": g}) for g in "xy" for i in range(4))
    >>> t = pd.DataFrame({"article_id": c.ids, "compound": [.5, .4, .6, .3, -.2, 0, -.1, .1]})
    >>> r = group_sentiment(t, c).set_index(["group", "statistic"]).loc[("x", "mean_compound")]
    >>> round(float(r["value"]), 4), r["unit"], int(r["n_articles"])
    (0.45, 'article', 4)
    """
    expect_kind(corpus, Corpus, "group_sentiment", hint=_LOAD)
    stats = article_statistics(sentences)
    rows = []
    rng = np.random.default_rng(seed)
    for name, part in corpus.groups(column).items():
        side = _side(stats, part)
        for stat in STATISTICS:
            values = side[stat].to_numpy(float)
            if len(values) > 1:
                draws = values[rng.integers(0, len(values), size=(n_resamples, len(values)))]
                unit = "article"
            else:
                x = sentences.loc[sentences["article_id"] == part.ids[0], "compound"].to_numpy(
                    float
                )
                draws = x[rng.integers(0, len(x), size=(n_resamples, len(x)))]
                unit = "sentence"
            low, high = percentile_interval(
                _reduce(stat, draws, unit)[:, None], confidence=confidence
            )
            rows.append(
                (name, stat, float(values.mean()), float(low[0]), float(high[0]), unit,
                 len(values), int(side["sentences"].sum()))
            )  # fmt: skip
    columns = ["group", "statistic", "value", "ci_low", "ci_high", "unit", "n_articles"]
    return pd.DataFrame(rows, columns=[*columns, "n_sentences"])


def _reduce(stat: str, draws: np.ndarray, unit: str) -> np.ndarray:
    """Each bootstrap row reduced to the statistic: a mean of article values, or of sentences."""
    if unit == "article":
        return draws.mean(axis=1)
    if stat == "mean_compound":
        return draws.mean(axis=1)
    if stat == "median_compound":
        return np.median(draws, axis=1)
    if stat == "share_positive":
        return (draws >= THRESHOLD).mean(axis=1)
    if stat == "share_negative":
        return (draws <= -THRESHOLD).mean(axis=1)
    return ((draws > -THRESHOLD) & (draws < THRESHOLD)).mean(axis=1)


def compare_group_sentiment(
    sentences: pd.DataFrame,
    corpus: Corpus,
    compare: Sequence[str] | str | None = None,
    *,
    column: str | None = None,
    n_resamples: int = 9999,
    seed: int = 0,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """Return one row per statistic comparing two groups (or two articles), with its unit.

    With more than one article on either side the article is the unit: each article is
    summarised over its sentences, a side's value is the mean over its articles, ``p_value`` is
    a two-sided permutation test over article labels (exact when all splits number at most
    ``n_resamples``) and the interval a cluster bootstrap (articles resampled within each side);
    ``effect_size`` is Hedges' g over article values (NaN with fewer than two articles a side).
    With one article per side the sentences are the unit (:func:`newsframe.compare_sentiment`).
    ``n_a``/``n_b`` count the units (articles, or sentences with one article a side).
    Every row carries ``unit``, ``n_articles_a/b``, ``n_sentences_a/b`` and ``p_floor``, the
    smallest p the design can reach (:func:`newsframe.stats.permutation_floor`); a
    :class:`~newsframe.errors.NewsframeWarning` says so when ``p_floor`` is above .05.
    Columns as :func:`newsframe.compare_sentiment` plus those.

    >>> from newsframe import Article
    >>> c = Corpus(Article(f"{g}{i}", "", ("t.",), metadata={"group": g}) for g in "xy" for i in range(4))
    >>> t = pd.DataFrame({"article_id": c.ids, "compound": [.5, .4, .6, .3, -.2, 0, -.1, .1]})
    >>> r = compare_group_sentiment(t, c).set_index("statistic").loc["mean_compound"]
    >>> r["unit"], int(r["n_a"]), round(float(r["p_value"]), 4), round(float(r["p_floor"]), 4)
    ('article', 4, 0.0286, 0.0286)
    """
    expect_kind(sentences, pd.DataFrame, "compare_group_sentiment", hint=_SENTENCES)
    expect_kind(corpus, Corpus, "compare_group_sentiment", hint=_LOAD)
    pair = comparison_pair(corpus, compare, column=column)
    stats = article_statistics(sentences)
    side_a, side_b = _side(stats, pair.corpus_a), _side(stats, pair.corpus_b)
    out = compare_sentiment(sentences, list(pair.corpus_a.ids), list(pair.corpus_b.ids),
                            n_resamples=n_resamples, confidence=confidence, seed=seed)  # fmt: skip
    out["a"], out["b"] = pair.a, pair.b
    if out["unit"].iloc[0] == "sentence":
        floor = permutation_floor(
            int(out["n_sentences_a"].iloc[0]), int(out["n_sentences_b"].iloc[0])
        )
        floor = max(floor, 1.0 / (n_resamples + 1))
    else:
        floor = permutation_floor(len(side_a), len(side_b))
        if not out["exact"].iloc[0]:  # random splits: p cannot go below 1 / (n_resamples + 1)
            floor = max(floor, 1.0 / (n_resamples + 1))
    _warn_story_confound(corpus, pair)
    if floor > 0.05:
        warnings.warn(
            f"sentiment {pair.a} vs {pair.b}: with {len(side_a)} against {len(side_b)} "
            f"article(s) ({out['unit'].iloc[0]}s as the unit) no p-value can fall below "
            f"{floor:.3g}; read the effect sizes and intervals, not p",
            NewsframeWarning,
            stacklevel=2,
        )
    return out.assign(p_floor=floor)


def _warn_story_confound(corpus: Corpus, pair: Pair) -> None:
    """Warn when the articles carry a ``story`` column and the two sides tell no story in common:
    their difference is also a difference of story (:mod:`newsframe.strata` compares within)."""
    if "story" not in corpus.metadata_columns or pair.column == "story":
        return
    try:
        story = corpus.group_of("story")
    except InputError:  # not every article has a story: nothing to say
        return
    told_a, told_b = {story[i] for i in pair.corpus_a.ids}, {story[i] for i in pair.corpus_b.ids}
    if not told_a & told_b:
        warnings.warn(
            f"{pair.a} and {pair.b} tell no story in common ({', '.join(sorted(told_a))} against "
            f"{', '.join(sorted(told_b))}): group and story are confounded, so this difference "
            "is also one of story; newsframe.confounding and compare_sentiment_within say more",
            NewsframeWarning,
            stacklevel=3,
        )


# --- framing devices ---------------------------------------------------------------------------


def _grouped(table: pd.DataFrame, corpus: Corpus, column: str | None, what: str) -> pd.DataFrame:
    expect_kind(table, pd.DataFrame, what, hint="pass the per-article table, then the corpus")
    expect_kind(corpus, Corpus, what, hint=_LOAD)
    if "article_id" not in table.columns:
        raise NewsframeError(f"{what}: expected a per-article table with an article_id column")
    return with_group(table, corpus, column=column)


def _words(corpus: Corpus, column: str | None) -> pd.Series:
    """Body words per group (the denominator of per-1,000 rates by group)."""
    frame = with_group(corpus.to_frame()[["article_id", "words"]], corpus, column=column)
    return frame.groupby("group", sort=False)["words"].sum()


def naming_by_group(
    naming: pd.DataFrame, corpus: Corpus, *, column: str | None = None
) -> pd.DataFrame:
    """Return :func:`newsframe.naming_variants` summed per group.

    Columns: ``group, concept, variant, usage, count, in_quotes`` (uses inside a direct
    quotation: a source's word), ``narrator`` (the others: the outlet's own word),
    ``articles_using`` (articles of the group whose body uses the variant), ``articles_first``
    (articles in which the reader meets it first), ``n_articles`` (the group's articles). Every
    group gets a row for every variant of the corpus's naming concepts (and any other variant
    of ``naming``), zeros included, in the concept table's order; ``naming`` may be sparse
    (:func:`newsframe.naming_variants`: rows only where a variant is used).
    """
    t = _grouped(naming, corpus, column, "naming_by_group")
    t = t.assign(using=t["count"] > 0, first=t["first_used"].astype(bool))
    keys = ["concept", "variant", "usage"]
    out = t.groupby(["group", *keys], sort=False, as_index=False).agg(
        count=("count", "sum"),
        in_quotes=("in_quotes", "sum"),
        articles_using=("using", "sum"),
        articles_first=("first", "sum"),
    )
    concepts = resolve_resources(None, corpus).naming_concepts
    items = [(c.concept_id, v.name, v.usage) for c in concepts for v in c.variants]
    out = _every_group(out, corpus, column, keys, _with_extra(items, naming, keys))
    out.insert(
        int(out.columns.get_loc("in_quotes")) + 1, "narrator", out["count"] - out["in_quotes"]
    )
    return out


def voice_by_group(
    voice: pd.DataFrame, corpus: Corpus, *, column: str | None = None
) -> pd.DataFrame:
    """Return :func:`newsframe.share_of_voice` summed per group and speaker.

    Columns: ``group, speaker, speaker_name, quotes, quoted_words, paraphrases, attributions,
    articles`` (articles of the group in which the speaker is attributed), ``share_of_quoted``
    (of all quoted words in the group), ``share_of_words`` (of the group's body words).
    """
    t = _grouped(voice, corpus, column, "voice_by_group")
    sums = ["quotes", "quoted_words", "paraphrases", "attributions"]
    out = t.groupby(["group", "speaker", "speaker_name"], sort=False, as_index=False).agg(
        **{c: (c, "sum") for c in sums}, articles=("article_id", "nunique")
    )
    total = out.groupby("group", sort=False)["quoted_words"].transform("sum")
    out["share_of_quoted"] = _ratio(out["quoted_words"], total)
    words = out["group"].map(_words(corpus, column)).astype(float)
    out["share_of_words"] = _ratio(out["quoted_words"], words)
    return out.sort_values(["group", "quoted_words", "speaker"], ascending=[True, False, True],
                           key=_group_order(out), kind="stable").reset_index(drop=True)  # fmt: skip


def _ratio(numerator: pd.Series, denominator: pd.Series) -> np.ndarray:
    """``numerator / denominator`` elementwise, 0.0 where the denominator is 0."""
    return np.where(denominator > 0, numerator / denominator.where(denominator > 0, 1), 0.0)


def _group_order(table: pd.DataFrame):
    order = {g: n for n, g in enumerate(dict.fromkeys(table["group"]))}
    return lambda s: s.map(order) if s.name == "group" else s


def prominence_by_group(
    prominence: pd.DataFrame, corpus: Corpus, *, column: str | None = None
) -> pd.DataFrame:
    """Return :func:`newsframe.actor_prominence` per group and actor.

    Columns: ``group, actor_id, name, mentions, per_1000`` (mentions per 1,000 body words of the
    group), ``articles`` (articles mentioning the actor), ``in_headline``, ``in_lede``
    (articles with the actor there), ``first_in`` (articles in which the actor is mentioned
    first), ``n_articles`` (the group's articles). Every group gets a row for every actor of
    the corpus's actor table (and any other actor of ``prominence``), zeros included, in the
    table's order; ``prominence`` may be sparse (:func:`newsframe.actor_prominence`: rows only
    where an actor appears).
    """
    t = _grouped(prominence, corpus, column, "prominence_by_group")
    t = t.assign(mentioned=t["mentions"] > 0, first=t["first_rank"] == 1)
    keys = ["actor_id", "name"]
    out = t.groupby(["group", *keys], sort=False, as_index=False).agg(
        mentions=("mentions", "sum"),
        articles=("mentioned", "sum"),
        in_headline=("in_headline", "sum"),
        in_lede=("in_lede", "sum"),
        first_in=("first", "sum"),
    )
    items = [(a.actor_id, a.name) for a in resolve_resources(None, corpus).actors]
    out = _every_group(out, corpus, column, keys, _with_extra(items, prominence, keys))
    words = out["group"].map(_words(corpus, column)).astype(float)
    out.insert(4, "per_1000", _ratio(1000 * out["mentions"], words))
    return out


def _with_extra(items: list[tuple], table: pd.DataFrame, keys: list[str]) -> list[tuple]:
    """``items`` (the configured actors or variants, in order), then those only ``table`` has;
    a variant found only in ``table`` goes after the others of its concept."""
    known = set(items)
    extra = [k for k in dict.fromkeys(zip(*(table[c] for c in keys), strict=True)) if k not in known]  # fmt: skip
    if not extra:
        return items
    if keys[0] != "concept":
        return items + extra
    order = {c: n for n, c in enumerate(dict.fromkeys(k[0] for k in items + extra))}
    return sorted(items + extra, key=lambda k: order[k[0]])  # stable: concepts grouped


def _every_group(out: pd.DataFrame, corpus: Corpus, column: str | None, keys: list[str],
                 items: list[tuple]) -> pd.DataFrame:  # fmt: skip
    """``out`` (sums per group and item) with a zero row for every group × item it lacks,
    groups in corpus order, items in ``items``' order, and ``n_articles`` (the group's
    articles): what summing a table with a zero row per article and item gives."""
    sizes = pd.Series(Counter(corpus.group_of(column).values()), dtype=np.int64)  # corpus order
    grid = pd.DataFrame([(g, *item) for g in sizes.index for item in items],
                        columns=["group", *keys])  # fmt: skip
    grid = grid.astype({k: out[k].dtype for k in keys if k in out}) if len(grid) else grid
    values = [c for c in out.columns if c not in ("group", *keys)]
    full = grid.merge(out, on=["group", *keys], how="left")
    full[values] = full[values].fillna(0).astype(np.int64)
    full["n_articles"] = full["group"].map(sizes).astype(np.int64)
    return full


def frames_by_group(
    frames: pd.DataFrame, corpus: Corpus, *, column: str | None = None
) -> pd.DataFrame:
    """Return :func:`newsframe.frame_dimensions` per group and frame.

    Columns: ``group, scheme, frame, label, hits, sentences, words, per_1000`` (hits per 1,000
    body words of the group), ``mean_article_per_1000`` (each article weighted equally),
    ``articles`` (articles with a hit), ``n_articles``.
    """
    t = _grouped(frames, corpus, column, "frames_by_group")
    t = t.assign(hit=t["hits"] > 0)
    out = t.groupby(["group", "scheme", "frame", "label"], sort=False, as_index=False).agg(
        hits=("hits", "sum"),
        sentences=("sentences", "sum"),
        words=("words", "sum"),
        mean_article_per_1000=("per_1000", "mean"),
        articles=("hit", "sum"),
        n_articles=("article_id", "nunique"),
    )
    out.insert(7, "per_1000", _ratio(1000 * out["hits"], out["words"]))
    return out


# --- overviews of every group ------------------------------------------------------------------


def _sum_by_group(table: pd.DataFrame, corpus: Corpus, column: str | None, keys: list[str],
                  values: list[str], what: str) -> pd.DataFrame:  # fmt: skip
    """``values`` summed per group and ``keys`` (groups and keys in order of appearance)."""
    t = _grouped(table, corpus, column, what)
    out = t.groupby(["group", *keys], sort=False, as_index=False)[values].sum()
    return out.assign(n_articles=out["group"].map(t.groupby("group")["article_id"].nunique()))


def cleaning_by_group(
    summary: pd.DataFrame, corpus: Corpus, *, column: str | None = None
) -> pd.DataFrame:
    """Return :meth:`Corpus.removal_summary` summed per group: ``group, reason, lines, words,
    n_articles``, plus ``share_of_words`` (of all the group's words on the copied pages).

    >>> from newsframe import Article
    >>> c = Corpus([Article("a", "", ("t.",), metadata={"group": "x"})])
    >>> s = pd.DataFrame({"article_id": ["a", "a"], "reason": ["kept", "menu"], "lines": [2, 1],
    ...                   "words": [30, 10]})
    >>> cleaning_by_group(s, c)[["group", "reason", "words", "share_of_words"]].values.tolist()
    [['x', 'kept', 30, 0.75], ['x', 'menu', 10, 0.25]]
    """
    out = _sum_by_group(
        summary, corpus, column, ["reason"], ["lines", "words"], "cleaning_by_group"
    )
    total = out.groupby("group", sort=False)["words"].transform("sum")
    out["share_of_words"] = _ratio(out["words"], total)
    return out


def terms_by_group(
    frequencies: pd.DataFrame,
    corpus: Corpus,
    *,
    column: str | None = None,
    top_n: int | None = 10,
    terms: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Return each group's ``top_n`` terms by pooled rate (``None``: every term it uses), or
    its rate of each of ``terms`` it uses: ``group, term, count, n_tokens, per_1000, rank,
    articles, n_articles``.

    ``frequencies`` is :func:`newsframe.term_frequencies` (every term of every article, with
    ``n_tokens``); a group's rate is its summed count per 1,000 of its tokens, ``articles`` how
    many of its articles use the term. Ties break by term.

    >>> from newsframe import Article
    >>> c = Corpus(Article(i, "", ("t.",), metadata={"group": "x"}) for i in "ab")
    >>> f = pd.DataFrame({"article_id": ["a", "a", "b"], "term": ["rail", "ban", "rail"],
    ...                   "count": [2, 1, 3], "n_tokens": [10, 10, 40]})
    >>> terms_by_group(f, c)[["term", "count", "per_1000", "articles"]].values.tolist()
    [['rail', 5, 100.0, 2], ['ban', 1, 20.0, 1]]
    """
    t = _grouped(frequencies, corpus, column, "terms_by_group")
    tokens = t.drop_duplicates("article_id").groupby("group", sort=False)["n_tokens"].sum()
    out = (
        t.assign(used=t["count"] > 0)
        .groupby(["group", "term"], sort=False, as_index=False)
        .agg(count=("count", "sum"), articles=("used", "sum"))
    )
    out["n_tokens"] = out["group"].map(tokens).astype(np.int64)
    out["per_1000"] = _ratio(1000 * out["count"], out["n_tokens"].astype(float))
    out = out.sort_values(["group", "count", "term"], ascending=[True, False, True],
                          key=_group_order(out), kind="stable")  # fmt: skip
    out["rank"] = out.groupby("group", sort=False).cumcount() + 1
    if terms is not None:
        out = out[out["term"].isin(set(terms))].reset_index(drop=True)
    elif top_n is not None:
        out = out.groupby("group", sort=False).head(top_n).reset_index(drop=True)
    sizes = t.groupby("group")["article_id"].nunique()
    out["n_articles"] = out["group"].map(sizes)
    return out[["group", "term", "count", "n_tokens", "per_1000", "rank", "articles",
                "n_articles"]]  # fmt: skip


def verbs_by_group(
    attributions: pd.DataFrame, corpus: Corpus, *, column: str | None = None
) -> pd.DataFrame:
    """Return attributions counted per group and reporting-verb class: ``group, verb_class,
    attributions, articles, n_articles`` (``articles``: of the group, using the class).

    >>> from newsframe import Article
    >>> c = Corpus(Article(i, "", ("t.",), metadata={"group": "x"}) for i in "ab")
    >>> a = pd.DataFrame({"article_id": ["a", "a", "b"], "verb_class": ["neutral"] * 2 + ["hostile"]})
    >>> verbs_by_group(a, c).values.tolist()
    [['x', 'neutral', 2, 1, 2], ['x', 'hostile', 1, 1, 2]]
    """
    t = _grouped(attributions, corpus, column, "verbs_by_group")
    out = t.groupby(["group", "verb_class"], sort=False, as_index=False).agg(
        attributions=("article_id", "size"), articles=("article_id", "nunique")
    )
    sizes = with_group(corpus.to_frame()[["article_id"]], corpus, column=column)
    out["n_articles"] = out["group"].map(sizes.groupby("group")["article_id"].nunique())
    return out


def actor_sentiment_by_group(
    actors: pd.DataFrame, corpus: Corpus, *, column: str | None = None
) -> pd.DataFrame:
    """Return the mean compound of the sentences mentioning each actor, per group: ``group,
    actor_id, actor, value, n_sentences, articles``.

    ``actors`` is :func:`newsframe.actor_sentiment` (rows of statistic ``mean_compound`` are
    used); a group's value is the mean over its sentences (each article's mean weighted by its
    ``n_sentences``), ``articles`` the articles that mention the actor.

    >>> from newsframe import Article
    >>> c = Corpus(Article(i, "", ("t.",), metadata={"group": "x"}) for i in "ab")
    >>> s = pd.DataFrame({"article_id": ["a", "b"], "actor_id": ["k", "k"], "actor": ["K", "K"],
    ...   "statistic": ["mean_compound"] * 2, "value": [0.5, -0.1], "n_sentences": [1, 3]})
    >>> actor_sentiment_by_group(s, c)[["actor", "value", "n_sentences"]].values.tolist()
    [['K', 0.05, 4]]
    """
    t = _grouped(actors, corpus, column, "actor_sentiment_by_group")
    t = t[(t["statistic"] == "mean_compound") & (t["n_sentences"] > 0)]
    t = t.assign(weighted=t["value"] * t["n_sentences"])
    out = t.groupby(["group", "actor_id", "actor"], sort=False, as_index=False).agg(
        weighted=("weighted", "sum"), n_sentences=("n_sentences", "sum"),
        articles=("article_id", "nunique"),
    )  # fmt: skip
    out.insert(3, "value", np.round(out.pop("weighted") / out["n_sentences"], 12))
    return out
