"""Sentence-level sentiment with VADER, summarised in the open with intervals.

One module per idea: :mod:`~newsframe.sentiment.scoring` (the VADER analyzer and the score of
each sentence), :mod:`~newsframe.sentiment.summary` (statistics with bootstrap intervals,
comparisons with permutation tests and effect sizes, arcs), :mod:`~newsframe.sentiment.actors`
(sentences that mention each actor), :mod:`~newsframe.sentiment.drivers` (the words behind
each score, and what excluding a story's topic words changes) and
:mod:`~newsframe.sentiment.audit` (what the scores cannot see: lexicon coverage, lexicon gaps,
removed boilerplate).
"""

from __future__ import annotations

from newsframe.sentiment.actors import actor_sentences, actor_sentiment
from newsframe.sentiment.audit import (
    boilerplate_audit,
    lexicon_gaps,
    load_watchlist,
    removed_sentiment,
    sentiment_coverage,
)
from newsframe.sentiment.drivers import exclusion_effect, explain_sentence, sentiment_drivers
from newsframe.sentiment.scoring import (
    SCORE_COLUMNS,
    SENTENCE_COLUMNS,
    THRESHOLD,
    load_domain_lexicon,
    mask_names,
    score_texts,
    sentence_sentiment,
    vader_lexicon,
)
from newsframe.sentiment.summary import (
    STATISTICS,
    article_statistics,
    compare_sentiment,
    sentiment_arc,
    sentiment_summary,
)

__all__ = [
    "SCORE_COLUMNS",
    "SENTENCE_COLUMNS",
    "STATISTICS",
    "THRESHOLD",
    "actor_sentences",
    "actor_sentiment",
    "article_statistics",
    "boilerplate_audit",
    "compare_sentiment",
    "exclusion_effect",
    "explain_sentence",
    "lexicon_gaps",
    "load_domain_lexicon",
    "load_watchlist",
    "mask_names",
    "removed_sentiment",
    "score_texts",
    "sentence_sentiment",
    "sentiment_arc",
    "sentiment_coverage",
    "sentiment_drivers",
    "sentiment_summary",
    "vader_lexicon",
]
