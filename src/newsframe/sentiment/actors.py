"""Sentiment of the sentences that mention each actor (near an actor, not stance toward it)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from newsframe.actors import Actor, find_mentions
from newsframe.corpus import Article, Corpus
from newsframe.resources import Resources, resolve_resources
from newsframe.sentiment.scoring import SCORE_COLUMNS, SENTENCE_COLUMNS, sentence_sentiment
from newsframe.sentiment.summary import STATISTICS, _require, sentiment_summary
from newsframe.stats import renamed

__all__ = ["actor_sentences", "actor_sentiment"]


def _sentence_table(
    source: pd.DataFrame | Corpus | Article | Iterable[Article],
    domain: Mapping[str, float] | None,
    what: str,
    resources: Resources | None = None,
) -> pd.DataFrame:
    if isinstance(source, pd.DataFrame):
        _require(source, SENTENCE_COLUMNS, what)
        return source
    return sentence_sentiment(source, domain=domain, resources=resources)


def actor_sentences(
    source: pd.DataFrame | Corpus | Article | Iterable[Article],
    *,
    actors: Sequence[Actor] | None = None,
    domain: Mapping[str, float] | None = None,
    resources: Resources | None = None,
) -> pd.DataFrame:
    """Return one row per (sentence, actor mentioned in it): ``article_id, sentence_id, actor_id, actor, mentions, matched, other_actors, sentence, compound, pos, neu, neg``.

    Mentions come from :func:`newsframe.find_mentions` with the actor table of the resources
    (``resources=``, else the corpus's own, else ``data/actors.toml``; ``actors=`` overrides it). ``source`` is a corpus or a
    :func:`sentence_sentiment` table (``domain`` only applies when scoring a corpus). A sentence
    mentioning two actors counts for both (``other_actors`` says how many others it names): its
    score is the sentence's sentiment, not sentiment *toward* the actor.

    >>> from newsframe import Actor
    >>> actors = (Actor("putin", "Putin", "person", ("Putin",)), Actor("japan", "Japan", "country", ("Japan",)))
    >>> a = Article("a", "T", ("Putin praised Japan. It rained.",))
    >>> actor_sentences(a, actors=actors)[["actor_id", "other_actors", "compound"]].to_dict("records")
    [{'actor_id': 'putin', 'other_actors': 1, 'compound': 0.4939}, {'actor_id': 'japan', 'other_actors': 1, 'compound': 0.4939}]
    """
    table = _sentence_table(source, domain, "actor_sentences", resources)
    actors = tuple(actors) if actors is not None else resolve_resources(resources, source).actors
    names = {actor.actor_id: actor.name for actor in actors}
    order = {actor.actor_id: n for n, actor in enumerate(actors)}
    rows = []
    fields = ["article_id", "sentence_id", "sentence", *SCORE_COLUMNS]
    for article_id, sentence_id, sentence, *scores in zip(
        *(table[c].tolist() for c in fields), strict=True
    ):
        found: dict[str, list[str]] = {}
        for m in find_mentions(sentence, actors):
            found.setdefault(m.actor_id, []).append(m.text)
        for actor_id in sorted(found, key=order.__getitem__):
            texts = found[actor_id]
            rows.append(
                (
                    article_id,
                    sentence_id,
                    actor_id,
                    names[actor_id],
                    len(texts),
                    " | ".join(texts),
                    len(found) - 1,
                    sentence,
                    *scores,
                )
            )
    columns = ["article_id", "sentence_id", "actor_id", "actor", "mentions", "matched"]
    return pd.DataFrame(rows, columns=[*columns, "other_actors", "sentence", *SCORE_COLUMNS])


def actor_sentiment(
    source: pd.DataFrame | Corpus | Article | Iterable[Article],
    *,
    actors: Sequence[Actor] | None = None,
    domain: Mapping[str, float] | None = None,
    confidence: float = 0.95,
    n_resamples: int = 2000,
    seed: int = 0,
    resources: Resources | None = None,
    n_boot: int | None = None,
) -> pd.DataFrame:
    """Return each article's sentiment in sentences mentioning each actor, with bootstrap intervals.

    Columns: ``article_id, actor_id, actor, statistic, value, ci_low, ci_high, n_sentences``
    (:func:`sentiment_summary` over :func:`actor_sentences`), in article order, then the actor
    table's order. Actors an article never mentions have no rows. This is sentence-level
    sentiment *near* an actor, not stance toward it: "Putin criticised Abe" scores the same for
    both.

    >>> from newsframe import Actor
    >>> actors = (Actor("putin", "Putin", "person", ("Putin",)), Actor("japan", "Japan", "country", ("Japan",)))
    >>> a = Article("a", "T", ("Putin praised Japan. Japan was sad.",))
    >>> t = actor_sentiment(a, actors=actors)
    >>> t[t.statistic == "mean_compound"][["actor_id", "value", "n_sentences"]].round(4).to_dict("records")
    [{'actor_id': 'putin', 'value': 0.4939, 'n_sentences': 1}, {'actor_id': 'japan', 'value': 0.0086, 'n_sentences': 2}]
    """
    table = _sentence_table(source, domain, "actor_sentiment", resources)
    actors = tuple(actors) if actors is not None else resolve_resources(resources, source).actors
    links = actor_sentences(table, actors=actors)
    summary = sentiment_summary(
        links,
        by=["article_id", "actor_id"],
        confidence=confidence,
        n_resamples=renamed(
            n_resamples, n_boot, old="n_boot", new="n_resamples", where="actor_sentiment"
        ),
        seed=seed,
    )
    names = {actor.actor_id: actor.name for actor in actors}
    article_rank = {a: n for n, a in enumerate(dict.fromkeys(table["article_id"]))}
    actor_rank = {actor.actor_id: n for n, actor in enumerate(actors)}
    stat_rank = {s: n for n, s in enumerate(STATISTICS)}
    summary.insert(2, "actor", summary["actor_id"].map(names))
    key = (
        summary["article_id"].map(article_rank) * 10_000 * len(STATISTICS)
        + summary["actor_id"].map(actor_rank) * len(STATISTICS)
        + summary["statistic"].map(stat_rank)
    )
    return summary.iloc[np.argsort(key.to_numpy(), kind="stable")].reset_index(drop=True)
