"""Actor prominence: how often, how early and how visibly each actor appears."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from newsframe.actors import Actor
from newsframe.corpus import Article, Corpus, as_articles
from newsframe.document import HEADLINE, Document, analyse_corpus
from newsframe.entities import EntityMention
from newsframe.framing._units import document_units, per_1000, with_actors
from newsframe.framing.speakers import organisation_nouns
from newsframe.linking import Links, actor_mentions, corpus_links
from newsframe.resources import Resources, resolve_resources

__all__ = ["actor_positions", "actor_prominence", "restore_prominence_zeros"]

POSITION_COLUMNS = [
    "article_id",
    "actor_id",
    "part",
    "paragraph_id",
    "sentence_id",
    "word_index",
    "position",
    "text",
]
PROMINENCE_COLUMNS = [
    "article_id",
    "actor_id",
    "name",
    "mentions",
    "per_1000",
    "in_headline",
    "in_lede",
    "first_sentence_id",
    "first_word",
    "first_position",
    "first_rank",
    "words",
]


def _documents(
    corpus, actors, resources, links: Links | None
) -> tuple[list[Document], tuple[Actor, ...], list[list[EntityMention]]]:
    """The analysed documents, with ``actors`` (a table, a path, or None) overriding the
    resources' actor table; the actor table used; and per document its actor mentions from the
    entity layer, keyed by actor id (:func:`newsframe.linking.actor_mentions`)."""
    res = with_actors(resolve_resources(resources, corpus), actors)
    docs = analyse_corpus(corpus, resources=res)
    nouns = organisation_nouns(res.reporting_verbs)
    layers = [doc.entities(res.actors, organisation_nouns=nouns) for doc in docs]
    if links is None:
        articles = as_articles(corpus)
        links = corpus_links(articles, resources=res, actors=res.actors, organisation_nouns=nouns)
    ids = frozenset(a.actor_id for a in res.actors)
    return docs, res.actors, [actor_mentions(layer, links, ids) for layer in layers]


def _positions(doc: Document, mentions: list[EntityMention]) -> list[tuple]:
    """(actor_id, part, paragraph_id, sentence_id, word_index, position, text) per mention.

    Word index by binary search over the document's token offsets: no prefix re-tokenised.
    One search for all mentions: tokens in reading order have ascending (paragraph, start)
    keys, so the words before a mention are the body tokens with a smaller key
    (:meth:`Document.words_before`)."""
    units = {u.paragraph_id: u for u in document_units(doc)}
    total, out = doc.n_words, []
    if not mentions:
        return out
    keys = (doc.token_paragraph.astype(np.int64) << 32) | doc.token_start.astype(np.int64)
    wanted = np.array([(m.paragraph_id << 32) | m.start for m in mentions], dtype=np.int64)
    before = (np.searchsorted(keys, wanted, side="left") - doc.n_headline_tokens).tolist()
    for m, words_before in zip(mentions, before, strict=True):
        paragraph_id = m.paragraph_id
        unit = units.get(paragraph_id)
        if unit is None:  # a paragraph without sentences holds no words
            continue
        if paragraph_id == HEADLINE:
            index, position = -1, -1.0
        else:
            index = words_before
            position = index / total if total else 0.0
        out.append(
            (
                m.entity_id,
                unit.part,
                paragraph_id,
                unit.sentence_at(m.start),
                index,
                position,
                m.text,
            )
        )
    return out


def actor_positions(
    corpus: Corpus | Iterable[Article] | Article,
    actors: tuple[Actor, ...] | str | Path | None = None,
    *,
    resources: Resources | None = None,
    links: Links | None = None,
) -> pd.DataFrame:
    """Return every actor mention with its place in the article, in reading order.

    Columns: ``article_id, actor_id, part, paragraph_id, sentence_id, word_index, position,
    text``. ``word_index`` counts body words from 0 (-1 in the headline); ``position`` is
    ``word_index / body words`` (:attr:`Document.n_words`) in [0, 1) (-1.0 in the headline), the
    x axis of a dispersion plot. Mentions are those of the article's entity layer
    (:meth:`newsframe.Document.entities`) whose entity is an actor of the resources' table (or
    of ``actors``) once linked across the articles given (``links``: see
    :func:`~newsframe.framing.attributions`): an alias of the actor, and any name the layer
    resolves to it ("Ms Lee", or "Lee" when the corpus has one full name ending in it).

    >>> from newsframe import Article
    >>> from newsframe import Actor, Story
    >>> story = Story(actors=(Actor("putin", "Putin", "person", ("Vladimir Putin", "Putin")),
    ...                       Actor("abe", "Abe", "person", ("Abe",))))
    >>> a = Article("a", "Putin speaks", ("Abe met Putin.",))
    >>> actor_positions([a], resources=story.resources)[["actor_id", "part", "word_index", "position"]].values.tolist()
    [['putin', 'headline', -1, -1.0], ['abe', 'lede', 0, 0.0], ['putin', 'lede', 2, 0.6666666666666666]]
    """
    docs, _, mentions = _documents(corpus, actors, resources, links)
    rows = [
        (doc.article_id, *row)
        for doc, found in zip(docs, mentions, strict=True)
        for row in _positions(doc, found)
    ]
    return pd.DataFrame(rows, columns=POSITION_COLUMNS)


def actor_prominence(
    corpus: Corpus | Iterable[Article] | Article,
    actors: tuple[Actor, ...] | str | Path | None = None,
    *,
    resources: Resources | None = None,
    links: Links | None = None,
) -> pd.DataFrame:
    """Return per article and actor how prominent the actor is.

    Columns: ``article_id, actor_id, name, mentions, per_1000, in_headline, in_lede,
    first_sentence_id, first_word, first_position, first_rank, words``. ``mentions`` and
    ``per_1000`` (mentions per 1,000 body words, ``words`` = :attr:`Document.n_words`) count the
    body; ``in_headline`` and ``in_lede`` (first paragraph) flag the two places readers see
    first (the inverted pyramid: van Dijk 1988; salience as placement, Entman 1993).
    ``first_word`` / ``first_position`` give the first body mention (word index; share of the
    body before it) and ``first_rank`` the order in which actors first appear in the body (1 =
    first). Rows keep article order and the actor table's order. One pass over each document's
    mentions (as :func:`actor_positions`: the entity layer's, linked across the articles given,
    so one person is one row whatever the name an article uses).

    **Sparse: a row only where the actor appears** (in the body or the headline). An article
    and actor without a row is a zero: no mention, not in headline or lede,
    ``first_sentence_id == first_word == first_rank == -1`` and ``first_position == -1.0``.
    A table of every article × actor would not fit at scale (10,000 actors × 100,000 articles
    is a billion rows); :func:`restore_prominence_zeros` writes the zero rows back for the
    articles and actors one needs (a figure's, a test's). Sums, counts of articles mentioning
    an actor and rates per 1,000 words are the same either way; a mean over articles divides
    by the number of articles (``len(corpus)``), not by the number of rows.

    >>> from newsframe import Article
    >>> a = Article("a", "Putin speaks", ("Abe met Putin.", "Putin left."))
    >>> from newsframe import Actor, Story
    >>> story = Story(actors=(Actor("putin", "Putin", "person", ("Vladimir Putin", "Putin")),
    ...                       Actor("abe", "Abe", "person", ("Abe",))))
    >>> t = actor_prominence([a], resources=story.resources)
    >>> t[["actor_id", "mentions", "per_1000", "in_headline", "first_rank"]].values.tolist()
    [['putin', 2, 400.0, True, 2], ['abe', 1, 200.0, False, 1]]
    """
    docs, table, mentions = _documents(corpus, actors, resources, links)
    rows = []
    for doc, found in zip(docs, mentions, strict=True):
        words = doc.n_words
        count: dict[str, int] = {}
        first: dict[str, tuple] = {}
        headline: set[str] = set()
        lede: set[str] = set()
        for actor_id, part, _p, sentence_id, index, position, _text in _positions(doc, found):
            if part == "headline":
                headline.add(actor_id)
                continue
            count[actor_id] = count.get(actor_id, 0) + 1
            first.setdefault(actor_id, (sentence_id, index, position))
            if part == "lede":
                lede.add(actor_id)
        rank = {actor_id: n for n, actor_id in enumerate(first, start=1)}
        for actor in table:
            aid = actor.actor_id
            if aid not in count and aid not in headline:
                continue  # sparse: an absent row is a zero (restore_prominence_zeros)
            sentence_id, index, position = first.get(aid, (-1, -1, -1.0))
            rows.append(
                (doc.article_id, aid, actor.name, count.get(aid, 0),
                 per_1000(count.get(aid, 0), words), aid in headline, aid in lede,
                 sentence_id, index, float(position), rank.get(aid, -1), words)
            )  # fmt: skip
    return _typed(pd.DataFrame(rows, columns=PROMINENCE_COLUMNS))


#: The column types of :func:`actor_prominence` (an empty table has them too).
_TYPES = {"mentions": "int64", "per_1000": "float64", "in_headline": "bool", "in_lede": "bool",
          "first_sentence_id": "int64", "first_word": "int64", "first_position": "float64",
          "first_rank": "int64", "words": "int64"}  # fmt: skip
#: The values of an article and actor without a row (``words`` is the article's own).
_ZERO = {"mentions": 0, "per_1000": 0.0, "in_headline": False, "in_lede": False,
         "first_sentence_id": -1, "first_word": -1, "first_position": -1.0, "first_rank": -1}  # fmt: skip


def _typed(table: pd.DataFrame) -> pd.DataFrame:
    return table.astype(_TYPES)


def restore_prominence_zeros(
    table: pd.DataFrame,
    corpus: Corpus | Iterable[Article] | Article,
    actors: tuple[Actor, ...] | str | Path | None = None,
    *,
    resources: Resources | None = None,
) -> pd.DataFrame:
    """Return :func:`actor_prominence`'s sparse ``table`` with a zero row for every article of
    ``corpus`` and actor of the table that has none: one row per article × actor.

    Articles keep the corpus's order and actors the actor table's (``actors``, else the
    resources'; an actor found only in ``table`` comes after them, in its order there); rows of
    articles not in ``corpus`` are left out. A zero row has ``mentions == 0``, ``per_1000 ==
    0.0``, ``in_headline == in_lede == False``, ``-1`` first sentence, word and rank, ``-1.0``
    first position and the article's ``words`` (:attr:`Document.n_words`). The result is the
    table :func:`actor_prominence` wrote before it was sparse; it holds
    ``len(corpus) × actors`` rows, so restore it for the articles one draws or tests, not for a
    corpus of 100,000.

    >>> from newsframe import Actor, Article, Story
    >>> story = Story(actors=(Actor("kim", "Kim", "person", ("Kim",)),
    ...                       Actor("lee", "Lee", "person", ("Lee",))))
    >>> docs = [Article("a", "", ("Kim met Kim.",)), Article("b", "", ("Rain fell.",))]
    >>> t = actor_prominence(docs, resources=story.resources)
    >>> t[["article_id", "actor_id", "mentions"]].values.tolist()
    [['a', 'kim', 2]]
    >>> full = restore_prominence_zeros(t, docs, resources=story.resources)
    >>> full[["article_id", "actor_id", "mentions", "first_rank", "words"]].values.tolist()
    [['a', 'kim', 2, 1, 3], ['a', 'lee', 0, -1, 3], ['b', 'kim', 0, -1, 2], ['b', 'lee', 0, -1, 2]]
    """
    res = with_actors(resolve_resources(resources, corpus), actors)
    docs = analyse_corpus(corpus, resources=res)
    names = {a.actor_id: a.name for a in res.actors}
    for aid, name in zip(table["actor_id"], table["name"], strict=True):
        names.setdefault(aid, name)
    grid = pd.DataFrame(
        [(doc.article_id, aid, name, doc.n_words) for doc in docs for aid, name in names.items()],
        columns=["article_id", "actor_id", "name", "words"],
    )
    found = table.drop(columns=["name", "words"]).drop_duplicates(["article_id", "actor_id"])
    out = grid.merge(found, on=["article_id", "actor_id"], how="left")
    return _typed(out.fillna(_ZERO).infer_objects()[PROMINENCE_COLUMNS])
