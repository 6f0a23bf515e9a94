"""Every word list and table an analysis needs, loaded once into one :class:`Resources`.

:func:`load_resources` reads every file an analysis needs (stopwords, phrases and lemma
exceptions through :mod:`newsframe.text`; actors, naming concepts, reporting verbs, frame
dictionaries, the distancing lexicon, sentiment-domain valences and the entity words through
:mod:`newsframe.lexicons`) into one frozen :class:`Resources` (cached, so each file is parsed
once); every public function that needs a word list or table takes it as the keyword-only
``resources=`` and resolves ``None`` with :func:`resolve_resources` (the corpus's own resources,
or those of the corpus the articles were loaded into, else the shipped defaults). The file
readers (:func:`read_text`, :func:`read_toml`, ...) live in :mod:`newsframe.datafiles` and are
importable from here too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from newsframe.datafiles import read_csv_rows, read_lines, read_text, read_toml
from newsframe.datafiles import valence_entry as valence_entry
from newsframe.errors import NewsframeError
from newsframe.lexicons import (
    Actor,
    Concept,
    DistancingLexicon,
    EntityWords,
    Frame,
    ReportingVerbs,
    load_actors,
    load_distancing,
    load_domain_lexicon,
    load_entity_words,
    load_frame_dictionaries,
    load_naming_concepts,
    load_reporting_verbs,
)
from newsframe.text import load_lemma_exceptions, load_phrases, load_stopwords

__all__ = [
    "Resources",
    "default_resources",
    "load_resources",
    "read_csv_rows",
    "read_lines",
    "read_text",
    "read_toml",
    "resolve_resources",
]


# --- the loaded resources, in one object ---------------------------------------------------


@dataclass(frozen=True, eq=False)
class Resources:
    """Every word list and table an analysis needs, loaded once (compare by identity).

    ``stopwords`` lowercase words; ``phrases`` multi-word terms as lemma tuples;
    ``lemma_exceptions`` word -> lemma fixes; ``actors`` the actor table; ``naming_concepts``,
    ``reporting_verbs``, ``frames`` (frame dictionaries), ``distancing`` (distancing lexicon) and
    ``sentiment_domain`` (word -> VADER valence adjustments), ``sentiment_exclude`` (words that
    are topic, not sentiment, in a story; empty by default), ``entity_words`` (the titles,
    organisation nouns, nicknames ... of the entity layer: ``data/entity_words.toml``). Build with :func:`load_resources`
    or :func:`default_resources`; derive a variant with :func:`dataclasses.replace`.

    >>> r = default_resources()
    >>> "the" in r.stopwords, ("peace", "treaty") in r.phrases, r is default_resources()
    (True, True, True)
    """

    stopwords: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    lemma_exceptions: Mapping[str, str]
    actors: tuple[Actor, ...]
    naming_concepts: tuple[Concept, ...]
    reporting_verbs: ReportingVerbs
    frames: tuple[Frame, ...]
    distancing: DistancingLexicon
    sentiment_domain: Mapping[str, float]
    entity_words: EntityWords
    #: Words left out of sentiment scores for this story (a story file's ``[sentiment] exclude``).
    sentiment_exclude: frozenset[str] = frozenset()

    def __repr__(self) -> str:
        return (
            f"Resources(stopwords={len(self.stopwords)}, phrases={len(self.phrases)}, "
            f"actors={len(self.actors)}, naming_concepts={len(self.naming_concepts)}, "
            f"frames={len(self.frames)})"
        )


Source = str | Path | None


def load_resources(
    *,
    stopwords: Source = None,
    phrases: Source = None,
    lemma_exceptions: Source = None,
    actors: Source = None,
    naming_concepts: Source = None,
    reporting_verbs: Source = None,
    frames: Source = None,
    distancing: Source = None,
    sentiment_domain: Source = None,
    entity_words: Source = None,
) -> Resources:
    """Return the :class:`Resources` read from these files (``None``: the shipped file).

    Each file is read and parsed once per distinct set of arguments (the loader is cached), so
    every analysis sharing the returned object shares the parsed tables. Errors name the file.

    >>> load_resources() is load_resources()
    True
    """
    return _load(stopwords, phrases, lemma_exceptions, actors, naming_concepts, reporting_verbs,
                 frames, distancing, sentiment_domain, entity_words)  # fmt: skip


@lru_cache(maxsize=16)
def _load(
    stopwords: Source,
    phrases: Source,
    lemma_exceptions: Source,
    actors: Source,
    naming_concepts: Source,
    reporting_verbs: Source,
    frames: Source,
    distancing: Source,
    sentiment_domain: Source,
    entity_words: Source,
) -> Resources:
    return Resources(
        stopwords=load_stopwords(path=stopwords),
        phrases=load_phrases(path=phrases),
        lemma_exceptions=MappingProxyType(
            dict(load_lemma_exceptions(*([lemma_exceptions] if lemma_exceptions else [])))
        ),
        actors=load_actors(actors),
        naming_concepts=load_naming_concepts(naming_concepts),
        reporting_verbs=load_reporting_verbs(reporting_verbs),
        frames=load_frame_dictionaries(frames),
        distancing=load_distancing(distancing),
        sentiment_domain=MappingProxyType(load_domain_lexicon(sentiment_domain)),
        entity_words=load_entity_words(entity_words),
    )


def default_resources() -> Resources:
    """Return the resources of the shipped data files (the same object on every call)."""
    return load_resources()


#: Attribute under which :func:`~newsframe.load_corpus` records, on each Article it loads, the
#: resources of the corpus it was loaded into (a cache-like mark, dropped when pickled).
LOADED_WITH = "_newsframe_resources"


def remember_resources(articles: Any, resources: Resources | None) -> None:
    """Record on each Article that it was loaded into a corpus with ``resources``."""
    if resources is None:
        return
    for article in articles:
        object.__setattr__(article, LOADED_WITH, resources)  # Article is frozen; a mark only


def _loaded_with(corpus: Any) -> Resources | None:
    """The resources every article of ``corpus`` (one Article, a Corpus, list or tuple) was
    loaded with, if they all share one; else None. Never iterates a one-shot iterator."""
    if isinstance(corpus, (list, tuple)):
        items = corpus
    elif isinstance(getattr(corpus, "_articles", None), tuple):  # a Corpus
        items = corpus._articles
    else:
        items = (corpus,)
    found = None
    for item in items:
        own = getattr(item, "__dict__", {}).get(LOADED_WITH)
        if own is None or (found is not None and own is not found):
            return None
        found = own
    return found


def resolve_resources(resources: Resources | None = None, corpus: Any = None) -> Resources:
    """Return the resources an analysis uses: ``resources`` if given, else ``corpus.resources``
    (a :class:`~newsframe.Corpus` loaded with its own), else those of the corpus its articles
    were loaded into (``load_corpus(story=...)``; a list of one corpus's articles, or one
    Article, analyses as that corpus does; articles of corpora with different resources fall
    back), else :func:`default_resources`.

    >>> resolve_resources() is default_resources()
    True
    """
    if resources is not None:
        if not isinstance(resources, Resources):
            raise NewsframeError(
                f"resources must be a newsframe Resources object (nf.load_resources(...)), "
                f"got {type(resources).__name__}"
            )
        return resources
    own = getattr(corpus, "resources", None)
    if isinstance(own, Resources):
        return own
    own = _loaded_with(corpus)
    return own if isinstance(own, Resources) else default_resources()
