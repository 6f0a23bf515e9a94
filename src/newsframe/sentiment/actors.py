"""Sentiment of the sentences that mention each actor (near an actor, not stance toward it)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from newsframe.actors import Actor, find_mentions
from newsframe.corpus import Article, Corpus, as_articles
from newsframe.document import analyse
from newsframe.framing._units import with_actors
from newsframe.framing.speakers import organisation_nouns
from newsframe.linking import Links, actor_mentions, corpus_links
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


def _layer_mentions(
    articles: list[Article], actors: tuple[Actor, ...], resources: Resources, links: Links | None
) -> dict[tuple[str, int], list[tuple[str, str]]]:
    """(article_id, sentence_id) -> [(actor_id, words)]: the actor mentions of the body, from
    each article's entity layer linked across ``articles``
    (:func:`newsframe.linking.actor_mentions`)."""
    res = with_actors(resources, actors)
    nouns = organisation_nouns(res.reporting_verbs)
    if links is None:
        links = corpus_links(articles, resources=res, actors=res.actors, organisation_nouns=nouns)
    ids = frozenset(a.actor_id for a in res.actors)
    out: dict[tuple[str, int], list[tuple[str, str]]] = {}
    for article in articles:
        doc = analyse(article, resources=res)
        layer = doc.entities(res.actors, organisation_nouns=nouns)
        spans: dict[int, tuple[list[int], list[int]]] = {}
        for m in actor_mentions(layer, links, ids):
            if m.paragraph_id < 0:
                continue  # the headline is not a sentence of the sentiment table
            if m.paragraph_id not in spans:
                found = doc.sentence_spans(m.paragraph_id)
                spans[m.paragraph_id] = ([e for _, _, e in found], [s for s, _, _ in found])
            ends, sentence_ids = spans[m.paragraph_id]
            if not ends:
                continue
            k = min(bisect_right(ends, m.start), len(ends) - 1)
            key = (article.article_id, sentence_ids[k])
            out.setdefault(key, []).append((m.entity_id, m.text))
    return out


def actor_sentences(
    source: pd.DataFrame | Corpus | Article | Iterable[Article],
    *,
    actors: Sequence[Actor] | None = None,
    domain: Mapping[str, float] | None = None,
    resources: Resources | None = None,
    corpus: Corpus | Iterable[Article] | None = None,
    links: Links | None = None,
) -> pd.DataFrame:
    """Return one row per (sentence, actor mentioned in it): ``article_id, sentence_id, actor_id, actor, mentions, matched, other_actors, sentence, compound, pos, neu, neg``.

    Mentions are those of each article's entity layer whose entity is an actor of the actor
    table of the resources (``resources=``, else the corpus's own, else ``data/actors.toml``;
    ``actors=`` overrides it), linked across the articles (:func:`newsframe.linking.actor_mentions`:
    "Ann Lee" and, in another article, "Lee" are one actor; ``links`` passes links computed over
    a larger corpus). ``source`` is a corpus or a :func:`sentence_sentiment` table (``domain``
    only applies when scoring a corpus); with a table, ``corpus`` names the articles it was
    scored from, and without it the mentions are the actor table's aliases found in each
    sentence (:func:`newsframe.find_mentions`). A sentence
    mentioning two actors counts for both (``other_actors`` says how many others it names): its
    score is the sentence's sentiment, not sentiment *toward* the actor.

    >>> from newsframe import Actor
    >>> actors = (Actor("putin", "Putin", "person", ("Putin",)), Actor("japan", "Japan", "country", ("Japan",)))
    >>> a = Article("a", "T", ("Putin praised Japan. It rained.",))
    >>> actor_sentences(a, actors=actors)[["actor_id", "other_actors", "compound"]].to_dict("records")
    [{'actor_id': 'putin', 'other_actors': 1, 'compound': 0.4939}, {'actor_id': 'japan', 'other_actors': 1, 'compound': 0.4939}]
    """
    table = _sentence_table(source, domain, "actor_sentences", resources)
    res = resolve_resources(resources, corpus if corpus is not None else source)
    actors = tuple(actors) if actors is not None else res.actors
    if corpus is None and not isinstance(source, pd.DataFrame):
        corpus = source
    layer = None
    if corpus is not None:
        layer = _layer_mentions(as_articles(corpus), actors, res, links)
    names = {actor.actor_id: actor.name for actor in actors}
    order = {actor.actor_id: n for n, actor in enumerate(actors)}
    rows = []
    fields = ["article_id", "sentence_id", "sentence", *SCORE_COLUMNS]
    for article_id, sentence_id, sentence, *scores in zip(
        *(table[c].tolist() for c in fields), strict=True
    ):
        found: dict[str, list[str]] = {}
        if layer is not None:
            for actor_id, text in layer.get((article_id, sentence_id), ()):
                found.setdefault(actor_id, []).append(text)
        else:
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
    corpus: Corpus | Iterable[Article] | None = None,
    links: Links | None = None,
) -> pd.DataFrame:
    """Return each article's sentiment in sentences mentioning each actor, with bootstrap intervals.

    Columns: ``article_id, actor_id, actor, statistic, value, ci_low, ci_high, n_sentences``
    (:func:`sentiment_summary` over :func:`actor_sentences`), in article order, then the actor
    table's order. Actors an article never mentions have no rows; mentions as
    :func:`actor_sentences` finds them (``corpus``, ``links``). This is sentence-level
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
    res = resolve_resources(resources, corpus if corpus is not None else source)
    actors = tuple(actors) if actors is not None else res.actors
    if corpus is None and not isinstance(source, pd.DataFrame):
        corpus = source
    near = actor_sentences(table, actors=actors, resources=res, corpus=corpus, links=links)
    summary = sentiment_summary(
        near,
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
