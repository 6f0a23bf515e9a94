"""newsframe: compare how news articles frame the same story.

Load and clean articles (:func:`load_corpus`), analyse each once (:func:`analyse`: sentences,
tokens, lemmas, multi-word terms and actor mentions in one :class:`Document`, with the word lists
of one :class:`Resources`), and compare them with term statistics, sentiment and framing devices.

Importing the package is quick: each public name is imported from its module on first use
(module ``__getattr__``), so ``import newsframe`` does not pull in pandas, scipy or VADER before
an analysis needs them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsframe.actors import Actor, find_mentions, load_actors
    from newsframe.cleaning import clean_text, load_rules
    from newsframe.corpus import Article, Corpus, as_articles, load_article, load_corpus
    from newsframe.document import Document, analyse, analyse_corpus
    from newsframe.errors import InputError, NewsframeError, NewsframeWarning
    from newsframe.framing import (
        actor_positions,
        actor_prominence,
        attributions,
        distancing_marks,
        extend_frames,
        find_quotes,
        frame_dimensions,
        frame_drivers,
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
    from newsframe.resources import Resources, default_resources, load_resources
    from newsframe.sentiment import (
        actor_sentences,
        actor_sentiment,
        boilerplate_audit,
        compare_sentiment,
        exclusion_effect,
        explain_sentence,
        lexicon_gaps,
        load_domain_lexicon,
        load_watchlist,
        removed_sentiment,
        score_texts,
        sentence_sentiment,
        sentiment_arc,
        sentiment_coverage,
        sentiment_drivers,
        sentiment_summary,
        vader_lexicon,
    )
    from newsframe.tables import corpus_counts, sentences_frame, tokens_frame
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
    from newsframe.text import (
        lemmatize,
        load_phrases,
        load_stopwords,
        normalise,
        split_sentences,
        tokenize,
    )

#: Where each public name lives (imported on first use; see :func:`__getattr__`).
_HOME = {
    "Actor": "newsframe.actors",
    "find_mentions": "newsframe.actors",
    "load_actors": "newsframe.actors",
    "clean_text": "newsframe.cleaning",
    "load_rules": "newsframe.cleaning",
    "Article": "newsframe.corpus",
    "Corpus": "newsframe.corpus",
    "as_articles": "newsframe.corpus",
    "load_article": "newsframe.corpus",
    "load_corpus": "newsframe.corpus",
    "Document": "newsframe.document",
    "analyse": "newsframe.document",
    "analyse_corpus": "newsframe.document",
    "InputError": "newsframe.errors",
    "NewsframeError": "newsframe.errors",
    "NewsframeWarning": "newsframe.errors",
    "actor_positions": "newsframe.framing",
    "actor_prominence": "newsframe.framing",
    "attributions": "newsframe.framing",
    "distancing_marks": "newsframe.framing",
    "find_quotes": "newsframe.framing",
    "extend_frames": "newsframe.framing",
    "frame_dimensions": "newsframe.framing",
    "frame_drivers": "newsframe.framing",
    "frame_evidence": "newsframe.framing",
    "framing_profile": "newsframe.framing",
    "load_distancing": "newsframe.framing",
    "load_frame_dictionaries": "newsframe.framing",
    "load_naming_concepts": "newsframe.framing",
    "load_reporting_verbs": "newsframe.framing",
    "match_frames": "newsframe.framing",
    "naming_evidence": "newsframe.framing",
    "naming_variants": "newsframe.framing",
    "share_of_voice": "newsframe.framing",
    "Resources": "newsframe.resources",
    "default_resources": "newsframe.resources",
    "load_resources": "newsframe.resources",
    "actor_sentences": "newsframe.sentiment",
    "actor_sentiment": "newsframe.sentiment",
    "boilerplate_audit": "newsframe.sentiment",
    "compare_sentiment": "newsframe.sentiment",
    "exclusion_effect": "newsframe.sentiment",
    "explain_sentence": "newsframe.sentiment",
    "lexicon_gaps": "newsframe.sentiment",
    "load_domain_lexicon": "newsframe.sentiment",
    "load_watchlist": "newsframe.sentiment",
    "removed_sentiment": "newsframe.sentiment",
    "score_texts": "newsframe.sentiment",
    "sentence_sentiment": "newsframe.sentiment",
    "sentiment_arc": "newsframe.sentiment",
    "sentiment_coverage": "newsframe.sentiment",
    "sentiment_drivers": "newsframe.sentiment",
    "sentiment_summary": "newsframe.sentiment",
    "vader_lexicon": "newsframe.sentiment",
    "corpus_counts": "newsframe.tables",
    "sentences_frame": "newsframe.tables",
    "tokens_frame": "newsframe.tables",
    "TermCounts": "newsframe.terms",
    "adjust_pvalues": "newsframe.terms",
    "background_frequencies": "newsframe.terms",
    "bootstrap_rate_difference": "newsframe.terms",
    "collocations": "newsframe.terms",
    "count_terms": "newsframe.terms",
    "critical_g2": "newsframe.terms",
    "dispersion": "newsframe.terms",
    "g2": "newsframe.terms",
    "keyness": "newsframe.terms",
    "keyness_one_vs_rest": "newsframe.terms",
    "kwic": "newsframe.terms",
    "log_ratio": "newsframe.terms",
    "logodds_dirichlet": "newsframe.terms",
    "term_frequencies": "newsframe.terms",
    "tfidf": "newsframe.terms",
    "lemmatize": "newsframe.text",
    "load_phrases": "newsframe.text",
    "load_stopwords": "newsframe.text",
    "normalise": "newsframe.text",
    "split_sentences": "newsframe.text",
    "tokenize": "newsframe.text",
}

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "Corpus",
    "Document",
    "InputError",
    "NewsframeError",
    "NewsframeWarning",
    "Resources",
    "TermCounts",
    "actor_positions",
    "actor_prominence",
    "actor_sentences",
    "actor_sentiment",
    "adjust_pvalues",
    "analyse",
    "analyse_corpus",
    "as_articles",
    "attributions",
    "background_frequencies",
    "boilerplate_audit",
    "bootstrap_rate_difference",
    "clean_text",
    "collocations",
    "compare_sentiment",
    "corpus_counts",
    "count_terms",
    "critical_g2",
    "default_resources",
    "dispersion",
    "distancing_marks",
    "exclusion_effect",
    "explain_sentence",
    "extend_frames",
    "find_mentions",
    "find_quotes",
    "frame_dimensions",
    "frame_drivers",
    "frame_evidence",
    "framing_profile",
    "g2",
    "keyness",
    "keyness_one_vs_rest",
    "kwic",
    "lemmatize",
    "lexicon_gaps",
    "load_actors",
    "load_article",
    "load_corpus",
    "load_distancing",
    "load_domain_lexicon",
    "load_frame_dictionaries",
    "load_naming_concepts",
    "load_phrases",
    "load_reporting_verbs",
    "load_resources",
    "load_rules",
    "load_stopwords",
    "load_watchlist",
    "log_ratio",
    "logodds_dirichlet",
    "match_frames",
    "naming_evidence",
    "naming_variants",
    "normalise",
    "removed_sentiment",
    "score_texts",
    "sentence_sentiment",
    "sentences_frame",
    "sentiment_arc",
    "sentiment_coverage",
    "sentiment_drivers",
    "sentiment_summary",
    "share_of_voice",
    "split_sentences",
    "term_frequencies",
    "tfidf",
    "tokenize",
    "tokens_frame",
    "vader_lexicon",
]


def __getattr__(name: str):
    """Import a public name from its module on first use and keep it."""
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module 'newsframe' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
