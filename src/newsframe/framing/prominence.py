"""Actor prominence: how often, how early and how visibly each actor appears."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from newsframe.actors import Actor, find_mentions, load_actors
from newsframe.corpus import Article, Corpus
from newsframe.framing._units import as_articles, body_words, per_1000, units
from newsframe.text import tokenize

__all__ = ["actor_positions", "actor_prominence"]

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


def actor_positions(
    corpus: Corpus | Iterable[Article], actors: tuple[Actor, ...] | str | Path | None = None
) -> pd.DataFrame:
    """Return every actor mention with its place in the article, in reading order.

    Columns: ``article_id, actor_id, part, paragraph_id, sentence_id, word_index, position,
    text``. ``word_index`` counts body words from 0 (-1 in the headline); ``position`` is
    ``word_index / body words`` in [0, 1) (-1.0 in the headline), the x axis of a dispersion
    plot. Mentions come from the shared actor table (:func:`newsframe.find_mentions`).

    >>> from newsframe import Article
    >>> a = Article("a", "Putin speaks", ("Abe met Putin.",))
    >>> actor_positions([a])[["actor_id", "part", "word_index", "position"]].values.tolist()
    [['putin', 'headline', -1, -1.0], ['abe', 'lede', 0, 0.0], ['putin', 'lede', 2, 0.6666666666666666]]
    """
    actors = load_actors(actors) if isinstance(actors, (str, Path)) or actors is None else actors
    rows = []
    for article in as_articles(corpus):
        article_units = units(article)
        total = sum(len(tokenize(u.text)) for u in article_units if u.part != "headline")
        offset = 0
        for unit in article_units:
            for m in find_mentions(unit.text, actors):
                if unit.part == "headline":
                    index, position = -1, -1.0
                else:
                    index = offset + len(tokenize(unit.text[: m.start]))
                    position = index / total if total else 0.0
                row = (article.article_id, m.actor_id, unit.part, unit.paragraph_id)
                rows.append((*row, unit.sentence_at(m.start), index, position, m.text))
            if unit.part != "headline":
                offset += len(tokenize(unit.text))
    return pd.DataFrame(rows, columns=POSITION_COLUMNS)


def actor_prominence(
    corpus: Corpus | Iterable[Article], actors: tuple[Actor, ...] | str | Path | None = None
) -> pd.DataFrame:
    """Return per article and actor how prominent the actor is.

    Columns: ``article_id, actor_id, name, mentions, per_1000, in_headline, in_lede,
    first_sentence_id, first_word, first_position, first_rank, words``. ``mentions`` and
    ``per_1000`` (mentions per 1,000 body words, ``words``) count the body; ``in_headline`` and
    ``in_lede`` (first paragraph) flag the two places readers see first (the inverted pyramid:
    van Dijk 1988; salience as placement, Entman 1993). ``first_word`` / ``first_position`` give
    the first body mention (word index; share of the body before it) and ``first_rank`` the
    order in which actors first appear in the body (1 = first). Every actor of the table gets a
    row; an actor the body never mentions has ``mentions == 0`` and ``first_sentence_id ==
    first_word == first_rank == -1`` and ``first_position == -1.0`` (defined, never NaN).
    Rows keep article order and the actor table's order.

    >>> from newsframe import Article
    >>> a = Article("a", "Putin speaks", ("Abe met Putin.", "Putin left."))
    >>> t = actor_prominence([a])
    >>> t[t.mentions > 0][["actor_id", "mentions", "per_1000", "in_headline", "first_rank"]].values.tolist()
    [['putin', 2, 400.0, True, 2], ['abe', 1, 200.0, False, 1]]
    """
    actors = load_actors(actors) if isinstance(actors, (str, Path)) or actors is None else actors
    articles = as_articles(corpus)
    positions = actor_positions(articles, actors)
    rows = []
    for article in articles:
        words = body_words(article)
        mine = positions[positions["article_id"] == article.article_id]
        body = mine[mine["part"] != "headline"]
        order = list(dict.fromkeys(body["actor_id"]))
        for actor in actors:
            hits = body[body["actor_id"] == actor.actor_id]
            first = hits.iloc[0] if len(hits) else None
            rows.append(
                {
                    "article_id": article.article_id,
                    "actor_id": actor.actor_id,
                    "name": actor.name,
                    "mentions": len(hits),
                    "per_1000": per_1000(len(hits), words),
                    "in_headline": bool(
                        ((mine["actor_id"] == actor.actor_id) & (mine["part"] == "headline")).any()
                    ),
                    "in_lede": bool((hits["part"] == "lede").any()),
                    "first_sentence_id": int(first["sentence_id"]) if first is not None else -1,
                    "first_word": int(first["word_index"]) if first is not None else -1,
                    "first_position": float(first["position"]) if first is not None else -1.0,
                    "first_rank": order.index(actor.actor_id) + 1 if len(hits) else -1,
                    "words": words,
                }
            )
    return pd.DataFrame(rows, columns=PROMINENCE_COLUMNS)
