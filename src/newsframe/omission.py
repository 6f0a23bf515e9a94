"""What each article tells and the others leave out: omission tables per sentence, per group and
per fact, the actors and quotations one article includes and another omits, and numbers and dates
that differ between articles reporting the same thing.

Framing is selection as much as wording: "to frame is to select some aspects of a perceived
reality and make them more salient" (Entman 1993), and studies of media bias find omission
("informational bias") more often than loaded words (Fan et al. 2019, BASIL). Every table here
stands on the sentence alignment of :mod:`newsframe.alignment`: a sentence is *shared* with
another article when its best match there passes the alignment threshold.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.cluster.hierarchy import leaves_list, linkage
from scipy.spatial.distance import pdist

from newsframe.actors import Actor, load_actors
from newsframe.alignment import (
    _articles,
    _best_pairs,
    _check_threshold,
    _pair_table,
    copy_weights,
    sentence_facts,
    sentence_index,
)
from newsframe.corpus import Article, Corpus
from newsframe.document import analyse_corpus
from newsframe.errors import NewsframeError, expect_kind
from newsframe.framing import attributions
from newsframe.framing.speakers import organisation_nouns
from newsframe.linking import actor_mentions, corpus_links
from newsframe.resources import Resources, resolve_resources

__all__ = [
    "actor_omissions",
    "coverage",
    "fact_pair",
    "group_omissions",
    "number_differences",
    "numbers_in",
    "omission_summary",
    "omissions",
]


def _groups(articles: list[Article], by: str | None) -> list[str]:
    """Return each article's group: its ``by`` metadata field (or its id when ``by`` is None)."""
    if by is None or by == "article_id":
        return [a.article_id for a in articles]
    missing = [a.article_id for a in articles if by not in a.metadata]
    if missing:
        fields = sorted(articles[0].metadata) if articles else []
        raise NewsframeError(
            f"by={by!r}: article {missing[0]!r} has no such metadata field (fields: {fields})"
        )
    return [str(a.metadata[by]) for a in articles]


def omissions(
    corpus: Corpus | Iterable[Article],
    *,
    by: str | None = None,
    threshold: float | None = None,
    resources: Resources | None = None,
) -> pd.DataFrame:
    """Return one row per sentence: what it shares with the other articles and what only it tells.

    Columns: ``article_id, paragraph_id, sentence_id, sentence, shared_with, only_here,
    best_other_id, best_other_sentence_id, best_similarity``. ``shared_with`` counts the other
    articles whose best-matching sentence passes the alignment threshold
    (:func:`~newsframe.alignment.align_sentences`); ``only_here`` is True when none does; the
    ``best_*`` columns name the closest sentence elsewhere (empty, -1 and 0.0 when none passes).
    With ``by`` naming a metadata column (``"outlet"``, a manifest column) three more columns
    follow: ``group``, ``other_groups`` (how many other groups have an article telling it) and
    ``only_group`` (no article of another group tells it).

    >>> a = Article("a", "", ("The ferry strike ended on Monday. Fares will rise by 80 cents.",))
    >>> b = Article("b", "", ("Dockers ended the ferry strike on Monday.",))
    >>> omissions([a, b])[["article_id", "sentence_id", "shared_with", "only_here"]].values.tolist()
    [['a', 0, 1, False], ['a', 1, 0, True], ['b', 0, 1, False]]
    """
    articles = _articles(corpus)
    groups = _groups(articles, by)
    index = sentence_index(articles, resources=resources)
    table = index.table()
    n = len(table)
    r, c, sim = _best_pairs(index, _check_threshold(threshold), 1)
    table["shared_with"] = np.bincount(r, minlength=n).astype(np.int64)
    table["only_here"] = table["shared_with"] == 0
    order = np.lexsort((c, -sim, r))  # per sentence: most similar first, ties by position
    first = order[np.r_[True, r[order][1:] != r[order][:-1]]] if len(r) else order
    best_c = np.full(n, -1, dtype=np.int64)
    best_s = np.zeros(n)
    best_c[r[first]], best_s[r[first]] = c[first], sim[first]
    ids = np.asarray((*index.ids, ""), dtype=object)
    table["best_other_id"] = ids[np.where(best_c >= 0, index.article[best_c], -1)]
    table["best_other_sentence_id"] = np.where(best_c >= 0, index.sentence_id[best_c], -1)
    table["best_similarity"] = best_s
    if by is not None:
        names = list(dict.fromkeys(groups))
        position = {g: k for k, g in enumerate(names)}
        group = np.asarray([position[g] for g in groups], dtype=np.int64)[index.article]
        table["group"] = np.asarray(names, dtype=object)[group] if n else []
        across = group[r] != group[c]
        distinct = np.unique(r[across] * len(names) + group[c[across]])
        table["other_groups"] = np.bincount(distinct // max(len(names), 1), minlength=n).astype(
            np.int64
        )
        table["only_group"] = table["other_groups"] == 0
    return table.reset_index(drop=True)


def omission_summary(table: pd.DataFrame, *, by: str = "article_id") -> pd.DataFrame:
    """Return per article (or per ``by`` column of ``table``) how many sentences are told
    elsewhere, saying in each column's name by whom.

    ``table`` is :func:`omissions`' output. Per article: ``article_id, sentences, shared``
    (told by at least one other article), ``only_here`` (by no other article),
    ``share_only_here``. With ``by="group"`` (its group column) both senses are kept apart:
    ``group, sentences, shared_with_article`` (told by another article, of any group),
    ``shared_with_group`` (told by an article of another group), ``only_group`` (told by no
    other group), ``share_only_group``.

    >>> t = pd.DataFrame({"article_id": ["a", "a", "b"], "only_here": [True, False, False]})
    >>> omission_summary(t).values.tolist()
    [['a', 2, 1, 1, 0.5], ['b', 1, 1, 0, 0.0]]
    >>> t["group"], t["only_group"] = ["x", "x", "x"], [True, True, True]
    >>> omission_summary(t, by="group").values.tolist()
    [['x', 3, 2, 0, 3, 1.0]]
    """
    expect_kind(table, pd.DataFrame, "omission_summary", hint="pass nf.omissions(corpus)")
    flag = "only_group" if by == "group" else "only_here"
    if not isinstance(table, pd.DataFrame):
        raise NewsframeError(
            f"omission_summary needs the table of omissions(corpus), got {type(table).__name__}"
        )
    if by not in table.columns or flag not in table.columns:
        raise NewsframeError(f"omission_summary: table lacks column {by!r} or {flag!r}")
    grouped = table.groupby(by, sort=False)
    out = pd.DataFrame({"sentences": grouped.size()})
    if by == "group":
        out["shared_with_article"] = (~table["only_here"]).groupby(table[by], sort=False).sum()
        out["only_group"] = grouped[flag].sum().astype(np.int64)
        out["shared_with_group"] = out["sentences"] - out["only_group"]
        out["share_only_group"] = out["only_group"] / out["sentences"]
        columns = ["shared_with_article", "shared_with_group", "only_group", "share_only_group"]
        out["shared_with_article"] = out["shared_with_article"].astype(np.int64)
        return out.reset_index()[[by, "sentences", *columns]]
    out["only_here"] = grouped[flag].sum().astype(np.int64)
    out["shared"] = out["sentences"] - out["only_here"]
    out["share_only_here"] = out["only_here"] / out["sentences"]
    return out.reset_index()[[by, "sentences", "shared", "only_here", "share_only_here"]]


def fact_pair(
    facts: pd.DataFrame, ids_a: Iterable[str], ids_b: Iterable[str]
) -> tuple[str, str, int]:
    """Return ``(a, b, n)``: the article of ``ids_a`` and the article of ``ids_b`` that share the
    most facts, and how many (ties: the earlier article of each side).

    ``facts`` is :func:`~newsframe.alignment.sentence_facts`; one sparse product of the
    article × fact incidence matrices counts the facts every pair shares.

    >>> f = pd.DataFrame({"article_id": ["a1", "a2", "a2", "b1", "b2", "b2"],
    ...                   "fact_id": [0, 0, 1, 0, 0, 1]})
    >>> fact_pair(f, ["a1", "a2"], ["b1", "b2"])
    ('a2', 'b2', 2)
    """
    ids_a, ids_b = list(ids_a), list(ids_b)
    if not ids_a or not ids_b:
        raise NewsframeError("fact_pair needs at least one article on each side")
    told = facts.drop_duplicates(["article_id", "fact_id"])
    codes, _ = pd.factorize(told["fact_id"])
    n = int(codes.max()) + 1 if len(codes) else 1

    def incidence(ids: list[str]) -> sp.csr_matrix:
        row = told["article_id"].map({i: k for k, i in enumerate(ids)})
        keep = row.notna().to_numpy()
        return sp.csr_matrix((np.ones(int(keep.sum())), (row[keep].astype(np.int64), codes[keep])),
                             shape=(len(ids), n))  # fmt: skip

    shared = (incidence(ids_a) @ incidence(ids_b).T).toarray()
    i, j = np.unravel_index(int(np.argmax(shared)), shared.shape)  # first maximum: ties by order
    return ids_a[i], ids_b[j], int(shared[i, j])


def group_omissions(
    corpus: Corpus | Iterable[Article],
    *,
    by: str | None = None,
    threshold: float | None = None,
    count_copies_once: bool = False,
    resources: Resources | None = None,
) -> pd.DataFrame:
    """Return the omission table per group: one row per (fact, group).

    Columns: ``fact_id, fact, group, articles, group_articles, share, told, only_group``.
    Facts are :func:`~newsframe.alignment.sentence_facts` (sentences joined by alignment);
    ``articles`` is how many of the group's articles tell the fact, ``group_articles`` how many
    articles the group has, ``share`` their ratio; ``told`` is ``articles > 0`` and
    ``only_group`` marks the one group telling a fact no other group tells. ``by`` is a metadata
    column (None: each article is its own group). With ``count_copies_once`` every article
    counts with the weight of :func:`~newsframe.alignment.copy_weights` (a wire story carried by
    three outlets of a group counts once, not three times).

    >>> a = Article("a", "", ("The ferry strike ended on Monday. Fares will rise by 80 cents.",))
    >>> b = Article("b", "", ("Dockers ended the ferry strike on Monday.",))
    >>> t = group_omissions([a, b])
    >>> t[["fact_id", "group", "told", "only_group"]].values.tolist()
    [[0, 'a', True, False], [0, 'b', True, False], [1, 'a', True, True], [1, 'b', False, False]]
    """
    articles = _articles(corpus)
    group_of = dict(zip([a.article_id for a in articles], _groups(articles, by), strict=True))
    weight = dict.fromkeys(group_of, 1.0)
    if count_copies_once:
        weights = copy_weights(articles)
        weight = dict(zip(weights["article_id"], weights["weight"], strict=True))
    facts = sentence_facts(articles, threshold=threshold, resources=resources)
    told = facts.drop_duplicates(["fact_id", "article_id"])[["fact_id", "fact", "article_id"]]
    told = told.assign(group=told["article_id"].map(group_of), w=told["article_id"].map(weight))
    names = list(dict.fromkeys(group_of.values()))
    sizes = pd.Series(weight).groupby(pd.Series(group_of)).sum()
    labels = facts.drop_duplicates("fact_id").set_index("fact_id")["fact"]
    grid = pd.MultiIndex.from_product([labels.index, names], names=["fact_id", "group"])
    counts = told.groupby(["fact_id", "group"])["w"].sum().reindex(grid, fill_value=0.0)
    out = counts.rename("articles").reset_index()
    out.insert(1, "fact", out["fact_id"].map(labels))
    out["group_articles"] = out["group"].map(sizes).astype(float)
    out["share"] = out["articles"] / out["group_articles"]
    out["told"] = out["articles"] > 0
    n_told = out.groupby("fact_id")["told"].transform("sum")
    out["only_group"] = out["told"] & (n_told == 1) & (len(names) > 1)
    return out


def coverage(
    corpus: Corpus | Iterable[Article],
    *,
    threshold: float | None = None,
    cluster: bool = True,
    resources: Resources | None = None,
) -> pd.DataFrame:
    """Return the coverage matrix: articles (rows) × facts (columns), 1 where the article tells it.

    Facts are :func:`~newsframe.alignment.sentence_facts`, columns named by ``fact_id``. With
    ``cluster`` rows and columns are ordered by average-linkage hierarchical clustering of their
    Jaccard distances with optimal leaf ordering (Bar-Joseph et al. 2001; for many rows or
    columns, of their distinct patterns only, see :func:`_order`), so articles that tell the same
    facts sit together; otherwise corpus and reading order. Beyond :data:`MAX_CLUSTERED` rows
    or columns, those are ordered by how many cells they fill instead (clustering is quadratic
    in their number).

    >>> a = Article("a", "", ("The ferry strike ended on Monday. Fares will rise by 80 cents.",))
    >>> b = Article("b", "", ("Dockers ended the ferry strike on Monday.",))
    >>> coverage([a, b], cluster=False).values.tolist()
    [[1, 1], [1, 0]]
    """
    articles = _articles(corpus)
    facts = sentence_facts(articles, threshold=threshold, resources=resources)
    ids = [a.article_id for a in articles]
    matrix = pd.crosstab(facts["article_id"], facts["fact_id"]).clip(upper=1)
    matrix = matrix.reindex(index=ids, fill_value=0).astype(np.int64)
    matrix.index.name, matrix.columns.name = "article_id", "fact_id"
    if cluster:
        matrix = matrix.iloc[_order(matrix.to_numpy()), _order(matrix.to_numpy().T)]
    return matrix


#: Above this many rows (articles or facts) clustering would cost too much memory (it is
#: quadratic): they are ordered by how many cells they fill, most first, then by position.
MAX_CLUSTERED = 2_000
#: Optimal leaf ordering costs about n³ steps (more when many rows tie, as facts told by the
#: same articles do: 70 s for 2,000 such rows): it orders up to this many distinct rows; beyond,
#: the clustering's own leaf order is kept. Identical rows are clustered once, then kept together.
MAX_OPTIMAL_ORDERING = 256


def _order(x: np.ndarray) -> np.ndarray:
    """Return the leaf order of an average-linkage clustering of the rows of a 0/1 matrix.

    Up to :data:`MAX_OPTIMAL_ORDERING` rows with optimal leaf ordering (Bar-Joseph et al. 2001);
    more rows are first reduced to their distinct patterns (in order of first appearance), which
    are ordered so (optimally while they are few), each followed by its copies in row order.
    Above :data:`MAX_CLUSTERED` rows: by filled cells. Time grows smoothly with the row count.
    """
    if len(x) < 3:
        return np.arange(len(x))
    if len(x) > MAX_CLUSTERED:
        return np.lexsort((np.arange(len(x)), -x.sum(axis=1)))
    if len(x) <= MAX_OPTIMAL_ORDERING:
        return _leaves(x, optimal=True)
    _, first, inverse = np.unique(x, axis=0, return_index=True, return_inverse=True)
    appearance = np.argsort(
        first, kind="stable"
    )  # pattern k (by first row) = unique[appearance[k]]
    rank = np.empty(len(first), dtype=np.int64)
    rank[appearance] = np.arange(len(first))
    pattern = rank[np.ravel(inverse)]  # each row's pattern, numbered by first appearance
    patterns = x[np.sort(first)]
    if len(patterns) < 3:
        pattern_order = np.arange(len(patterns))
    else:
        pattern_order = _leaves(patterns, optimal=len(patterns) <= MAX_OPTIMAL_ORDERING)
    place = np.empty(len(patterns), dtype=np.int64)
    place[pattern_order] = np.arange(len(patterns))
    return np.lexsort((np.arange(len(x)), place[pattern]))


def _leaves(x: np.ndarray, *, optimal: bool) -> np.ndarray:
    distances = pdist(x.astype(bool), metric="jaccard")
    distances = np.nan_to_num(distances, nan=0.0)
    return leaves_list(linkage(distances, method="average", optimal_ordering=optimal))


# --- actors and quotations ------------------------------------------------------------------


ACTOR_COLUMNS = ["article_id", "actor", "name", "mentions", "quoted", "others_mentioning",
                 "others_quoting", "only_here_mentioned", "only_here_quoted", "omitted"]  # fmt: skip


def actor_omissions(
    corpus: Corpus | Iterable[Article],
    *,
    actors: tuple[Actor, ...] | str | Path | None = None,
    resources: Resources | None = None,
) -> pd.DataFrame:
    """Return who each article mentions or quotes and the others leave out: one row per
    (article, actor).

    Columns: ``article_id, actor, name, mentions, quoted, others_mentioning, others_quoting,
    only_here_mentioned, only_here_quoted, omitted``. Actors and speakers are entities of the
    articles' entity layers linked across the corpus (:func:`newsframe.linking.link_entities`),
    so one person is one row whatever the name each article uses. ``mentions`` counts mentions
    in the body and headline (the entity layer's mentions of the actors of ``resources.actors``
    or of the ``actors`` given -- a tuple of :class:`~newsframe.Actor` or a TOML file -- and of
    every speaker); ``quoted`` counts attributions (quotations and reported speech,
    :func:`~newsframe.framing.attributions`) to the actor or to a speaker not in the table
    (keyed as ``attributions`` keys them);
    ``others_*`` count the other articles that mention or quote them; ``omitted`` is True when
    the article neither mentions nor quotes someone another article quotes. Rows cover every
    actor or speaker that some article mentions or quotes, in order of first appearance.

    >>> a = Article("a", "", ('"We are ready," Putin said.',))
    >>> b = Article("b", "", ("Abe arrived in Moscow.",))
    >>> from newsframe import Actor
    >>> people = (Actor("putin", "Putin", "person", ("Putin",)), Actor("abe", "Abe", "person", ("Abe",)))
    >>> t = actor_omissions([a, b], actors=people)
    >>> t[t.actor == "putin"][["article_id", "quoted", "only_here_quoted", "omitted"]].values.tolist()
    [['a', 1, True, False], ['b', 0, False, True]]
    """
    articles = _articles(corpus)
    res = resolve_resources(resources, corpus)
    if actors is not None:
        table = actors if isinstance(actors, tuple) else load_actors(actors)
        res = replace(res, actors=table)
    nouns = organisation_nouns(res.reporting_verbs)
    docs = analyse_corpus(articles, resources=res)
    links = corpus_links(articles, resources=res, actors=res.actors, organisation_nouns=nouns)
    quotes = attributions(articles, resources=res, links=links)
    wanted = frozenset(a.actor_id for a in res.actors) | frozenset(quotes["speaker"])
    rows = []
    for doc in docs:
        layer = doc.entities(res.actors, organisation_nouns=nouns)
        rows.extend(
            (doc.article_id, m.entity_id, "mention") for m in actor_mentions(layer, links, wanted)
        )
    names = {a.actor_id: a.name for a in res.actors}
    for row in quotes.itertuples(index=False):
        names.setdefault(row.speaker, row.speaker_name)
        rows.append((row.article_id, row.speaker, "quote"))
    found = pd.DataFrame(rows, columns=["article_id", "actor", "kind"])
    found = found[~found["actor"].isin(["", "unresolved", "UNRESOLVED"])]
    ids = [a.article_id for a in articles]
    order = list(dict.fromkeys(found["actor"]))
    counts = (
        found.groupby(["article_id", "actor", "kind"]).size().unstack("kind", fill_value=0)
        .reindex(columns=["mention", "quote"], fill_value=0)
    )  # fmt: skip
    grid = pd.MultiIndex.from_product([ids, order], names=["article_id", "actor"])
    counts = counts.reindex(grid, fill_value=0).reset_index()
    out = pd.DataFrame(
        {
            "article_id": counts["article_id"],
            "actor": counts["actor"],
            "name": counts["actor"].map(names),
            "mentions": counts["mention"].astype(np.int64),
            "quoted": counts["quote"].astype(np.int64),
        }
    )
    mentioning = (out["mentions"] > 0).groupby(out["actor"]).transform("sum")
    quoting = (out["quoted"] > 0).groupby(out["actor"]).transform("sum")
    out["others_mentioning"] = (mentioning - (out["mentions"] > 0)).astype(np.int64)
    out["others_quoting"] = (quoting - (out["quoted"] > 0)).astype(np.int64)
    out["only_here_mentioned"] = (out["mentions"] > 0) & (out["others_mentioning"] == 0)
    out["only_here_quoted"] = (out["quoted"] > 0) & (out["others_quoting"] == 0)
    out["omitted"] = (out["mentions"] == 0) & (out["quoted"] == 0) & (out["others_quoting"] > 0)
    out["_o"] = out["actor"].map({a: k for k, a in enumerate(order)})
    out["_a"] = out["article_id"].map({a: k for k, a in enumerate(ids)})
    return (
        out.sort_values(["_o", "_a"])
        .drop(columns=["_o", "_a"])
        .reset_index(drop=True)[ACTOR_COLUMNS]
    )


# --- numbers and dates ----------------------------------------------------------------------

_MONTHS = {
    "jan": "January", "feb": "February", "mar": "March", "apr": "April", "may": "May",
    "jun": "June", "jul": "July", "aug": "August", "sep": "September", "sept": "September",
    "oct": "October", "nov": "November", "dec": "December",
}  # fmt: skip
_WORDS = {
    "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
    "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "dozen": "12", "thirteen": "13",
    "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18",
    "nineteen": "19", "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60",
    "seventy": "70", "eighty": "80", "ninety": "90", "hundred": "100", "thousand": "1000", "million": "1000000", "billion": "1000000000",
}  # fmt: skip
_UNITS = {"two", "three", "four", "five", "six", "seven", "eight", "nine"}
_TENS = {"20", "30", "40", "50", "60", "70", "80", "90"}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_MONTH = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
_QUANTITY = re.compile(
    rf"\b(?P<month>{_MONTH})(?:\.?\s(?P<day>\d{{1,2}})\b(?!,\d))?(?![\w-])"
    r"|\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|(?<![\w.,:])(?P<number>\d+(?:[.,:]\d+)*)"
    rf"|(?i:\b(?P<word>{'|'.join(_WORDS)})\b)"
)


def numbers_in(sentence: str) -> list[str]:
    """Return the numbers and dates of ``sentence``, normalised, in order.

    Numbers lose their thousands separators (``19,434`` → ``19434``); number words from two to
    a billion become digits (``eleven`` → ``11``, ``fourteen`` → ``14``, ``forty-two`` → ``42``,
    ``twenty thousand`` → ``20000``); month names, abbreviated or not, with or
    without a day (``Dec. 15`` → ``December 15``), and weekdays are dates. "May" counts only
    with a day after it.

    >>> numbers_in("On Dec. 15, eleven of the 19,434 people met in February, on Tuesday.")
    ['December 15', '11', '19434', 'February', 'Tuesday']
    """
    expect_kind(sentence, str, "numbers_in", hint="pass one sentence")
    out: list[str] = []
    end = -1
    for m in _QUANTITY.finditer(sentence):
        word = (m.group("word") or "").lower()
        if (
            word in _SCALES
            and out
            and out[-1].replace(".", "", 1).isdigit()
            and (not sentence[end : m.start()].strip())
        ):  # "twenty thousand", "2.3 million": one number
            value = round(float(out[-1]) * _SCALES[word], 6)
            out[-1] = str(int(value)) if value == int(value) else str(value)
            end = m.end()
            continue
        if (
            word in _UNITS and out and out[-1] in _TENS and sentence[end : m.start()] in ("-", " ")
        ):  # "twenty-five", "forty two": one number
            out[-1] = str(int(out[-1]) + int(_WORDS[word]))
            end = m.end()
            continue
        end = m.end()
        if m.group("month"):
            month = m.group("month")
            if month == "May" and not m.group("day"):
                continue
            name = _MONTHS.get(month[:4].lower(), _MONTHS.get(month[:3].lower(), month))
            out.append(f"{name} {m.group('day')}" if m.group("day") else name)
        elif m.group("weekday"):
            out.append(m.group("weekday"))
        elif m.group("number"):
            number = m.group("number")
            out.append(number.replace(",", "") if re.fullmatch(r"\d{1,3}(,\d{3})+", number)
                       else number)  # fmt: skip
        else:
            out.append(_WORDS[m.group("word").lower()])
    return out


_WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}


def _kind(value: str) -> str:
    """``weekday``, ``date`` (a month, with or without a day) or ``number``."""
    if value in _WEEKDAYS:
        return "weekday"
    return "date" if value[:1].isalpha() else "number"


def _conflict(only_here: set[str], only_there: set[str]) -> bool:
    """True when each side has a value of one kind the other lacks (11 against 12 detained,
    Monday against Tuesday); a weekday against a date ("Sunday" / "May 6") is not a conflict."""
    return bool({_kind(x) for x in only_here} & {_kind(x) for x in only_there})


NUMBER_COLUMNS = ["article_id", "sentence_id", "other_id", "other_sentence_id", "similarity",
                  "numbers", "other_numbers", "only_here", "only_there", "conflict", "sentence",
                  "other_sentence"]  # fmt: skip


#: Numbers are compared only between sentences this similar (above the alignment threshold):
#: weaker pairs share a few words but need not report the same thing.
NUMBER_THRESHOLD = 0.4


def number_differences(
    corpus: Corpus | Iterable[Article],
    *,
    threshold: float | None = None,
    resources: Resources | None = None,
) -> pd.DataFrame:
    """Return aligned sentence pairs whose numbers or dates differ: one row per pair.

    Columns: ``article_id, sentence_id, other_id, other_sentence_id, similarity, numbers,
    other_numbers, only_here, only_there, conflict, sentence, other_sentence``. Pairs come from
    the sentence alignment (:func:`~newsframe.alignment.align_sentences`, each unordered pair
    once, the article earlier in the corpus first) with numbers left out of the similarity (a
    differing figure must not hide the pair), at ``threshold`` (default
    :data:`NUMBER_THRESHOLD`, stricter than the alignment's: a weak match shares words, not
    necessarily a fact); numbers and dates from :func:`numbers_in`, joined with ``"; "``.
    ``only_here`` lists what this sentence has and the *other article* gives nowhere (not merely
    not in the matched sentence), ``only_there`` the reverse; ``conflict`` is True when each
    has one of the same kind (number, weekday, date) the other article lacks (11 detained
    against 12), False when one merely leaves a detail out or the two give a day in different
    forms (Sunday against May 6). A pair whose only differences the other article gives
    elsewhere is left out.

    >>> a = Article("a", "", ("Police detained 11 protesters outside the embassy on Tuesday.",))
    >>> b = Article("b", "", ("Police detained 12 protesters outside the embassy.",))
    >>> number_differences([a, b])[["numbers", "other_numbers", "conflict"]].values.tolist()
    [['11; Tuesday', '12', True]]
    """
    articles = _articles(corpus)
    # numbers left out of the similarity: whether two sentences report the same thing is decided
    # by their words, so a differing figure does not hide the pair it differs in
    index = sentence_index(articles, resources=resources, number_weight=0.0)
    pairs = _pair_table(
        index, _check_threshold(NUMBER_THRESHOLD if threshold is None else threshold)
    )
    position = {a.article_id: k for k, a in enumerate(articles)}
    here = pairs["article_id"].map(position).to_numpy()
    there = pairs["other_id"].map(position).to_numpy()
    pairs = pairs[here < there].drop_duplicates(
        ["article_id", "sentence_id", "other_id", "other_sentence_id"]
    )
    cache: dict[str, list[str]] = {}

    def found(sentence: str) -> list[str]:
        if sentence not in cache:
            cache[sentence] = numbers_in(sentence)
        return cache[sentence]

    given: dict[str, set[str]] = {}  # every number and date each article gives, anywhere
    for article_id, sentence in zip(index.table()["article_id"], index.sentences, strict=True):
        given.setdefault(article_id, set()).update(found(sentence))
    rows = []
    for row in pairs.itertuples(index=False):
        mine, theirs = found(row.sentence), found(row.other_sentence)
        only_mine = [x for x in mine if x not in given.get(row.other_id, ())]
        only_theirs = [x for x in theirs if x not in given.get(row.article_id, ())]
        if not only_mine and not only_theirs:
            continue
        rows.append(
            (row.article_id, row.sentence_id, row.other_id, row.other_sentence_id, row.similarity,
             "; ".join(mine), "; ".join(theirs), "; ".join(only_mine), "; ".join(only_theirs),
             _conflict(set(only_mine), set(only_theirs)), row.sentence, row.other_sentence)
        )  # fmt: skip
    return pd.DataFrame(rows, columns=NUMBER_COLUMNS)
