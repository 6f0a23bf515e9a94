"""newsframe: compare how news articles frame the same story.

Load and clean articles (:func:`load_corpus`), split them into sentences and tokens
(:func:`tokens_frame`), and compare them with term statistics, sentiment and framing devices.
"""

from newsframe.actors import Actor, find_mentions, load_actors
from newsframe.cleaning import clean_text, load_rules
from newsframe.corpus import Article, Corpus, load_article, load_corpus
from newsframe.errors import InputError, NewsframeError, NewsframeWarning
from newsframe.text import (
    corpus_counts,
    lemmatize,
    load_phrases,
    load_stopwords,
    normalise,
    sentences_frame,
    split_sentences,
    tokenize,
    tokens_frame,
)

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "Corpus",
    "InputError",
    "NewsframeError",
    "NewsframeWarning",
    "clean_text",
    "corpus_counts",
    "find_mentions",
    "lemmatize",
    "load_actors",
    "load_article",
    "load_corpus",
    "load_phrases",
    "load_rules",
    "load_stopwords",
    "normalise",
    "sentences_frame",
    "split_sentences",
    "tokenize",
    "tokens_frame",
]

# Each analysis module adds its public names below (one block per module).
# --- terms ---
# ruff: noqa: E402  (each analysis block imports after the previous block's __all__ +=)
from newsframe.terms import (
    TermCounts,
    adjust_pvalues,
    background_frequencies,
    bootstrap_rate_difference,
    collocations,
    count_terms,
    critical_g2,
    dispersion,
    g2,
    keyness,
    keyness_one_vs_rest,
    kwic,
    log_ratio,
    logodds_dirichlet,
    term_frequencies,
    tfidf,
)

__all__ += [
    "TermCounts",
    "adjust_pvalues",
    "background_frequencies",
    "bootstrap_rate_difference",
    "collocations",
    "count_terms",
    "critical_g2",
    "dispersion",
    "g2",
    "keyness",
    "keyness_one_vs_rest",
    "kwic",
    "log_ratio",
    "logodds_dirichlet",
    "term_frequencies",
    "tfidf",
]
# --- sentiment ---
from newsframe.sentiment import (
    actor_sentences,
    actor_sentiment,
    boilerplate_audit,
    compare_sentiment,
    lexicon_gaps,
    load_domain_lexicon,
    load_watchlist,
    removed_sentiment,
    score_texts,
    sentence_sentiment,
    sentiment_arc,
    sentiment_coverage,
    sentiment_summary,
    vader_lexicon,
)

__all__ += [
    "actor_sentences",
    "actor_sentiment",
    "boilerplate_audit",
    "compare_sentiment",
    "lexicon_gaps",
    "load_domain_lexicon",
    "load_watchlist",
    "removed_sentiment",
    "score_texts",
    "sentence_sentiment",
    "sentiment_arc",
    "sentiment_coverage",
    "sentiment_summary",
    "vader_lexicon",
]
# --- framing ---
from newsframe.framing import (
    actor_positions,
    actor_prominence,
    attributions,
    distancing_marks,
    find_quotes,
    frame_dimensions,
    frame_evidence,
    framing_profile,
    load_distancing,
    load_frame_dictionaries,
    load_naming_concepts,
    load_reporting_verbs,
    match_frames,
    naming_evidence,
    naming_variants,
    share_of_voice,
)

__all__ += [
    "actor_positions",
    "actor_prominence",
    "attributions",
    "distancing_marks",
    "find_quotes",
    "frame_dimensions",
    "frame_evidence",
    "framing_profile",
    "load_distancing",
    "load_frame_dictionaries",
    "load_naming_concepts",
    "load_reporting_verbs",
    "match_frames",
    "naming_evidence",
    "naming_variants",
    "share_of_voice",
]
