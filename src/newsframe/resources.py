"""Reading newsframe's editable data files, and :class:`Resources`: all of them loaded once.

The file readers take the shipped copy in ``newsframe/data`` or a user's own.

Every loader of configuration (boilerplate rules, stopwords, phrases, actors, naming concepts,
reporting verbs, frame dictionaries, sentiment word lists) reads through here, so a missing or
malformed file always gives the same kind of error: an :class:`~newsframe.errors.InputError`
naming the file. :func:`load_resources` reads every file an analysis needs into one frozen
:class:`Resources` (cached, so each file is parsed once); every public function that needs a
word list or table takes it as the keyword-only ``resources=`` and resolves ``None`` with
:func:`resolve_resources` (the corpus's own resources, or those of the corpus the articles
were loaded into, else the shipped defaults).
"""

from __future__ import annotations

import csv
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from newsframe.errors import InputError, NewsframeError
from newsframe.files import max_bytes_limit, read_regular

if TYPE_CHECKING:  # pragma: no cover
    from newsframe.actors import Actor
    from newsframe.framing.distancing import DistancingLexicon
    from newsframe.framing.frames import Frame
    from newsframe.framing.naming import Concept
    from newsframe.framing.speakers import ReportingVerbs

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


def read_text(path: str | Path | None, default: str) -> tuple[str, str]:
    """Return ``(text, source)``: the file at ``path``, or the shipped data file ``default``.

    ``source`` names the file for error messages. A user's file is read as the article files are
    (:func:`newsframe.files.read_regular`): only a regular file within the size limit, so a
    named pipe or ``/dev/zero`` given as a story file is one error, not a hang.

    >>> text, source = read_text(None, "phrases.txt")
    >>> source, "peace treaty" in text
    ('newsframe/data/phrases.txt', True)
    """
    if path is None:
        return resources.files("newsframe.data").joinpath(default).read_text("utf-8"), (
            f"newsframe/data/{default}"
        )
    if not os.path.lexists(path):
        raise InputError(path, "cannot read file (No such file or directory)")
    data = read_regular(path, max_bytes_limit())
    try:
        return data.decode("utf-8"), str(path)
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 (byte {exc.start})") from None


def read_toml(path: str | Path | None, default: str) -> tuple[dict[str, Any], str]:
    """Return ``(table, source)`` for a TOML data file: ``path`` or the shipped ``default``.

    Invalid TOML, and tables or arrays nested too deeply for the parser (hundreds of levels; no
    newsframe file nests more than four), are one :class:`~newsframe.errors.InputError` naming
    the file.
    """
    text, source = read_text(path, default)
    try:
        return tomllib.loads(text), source
    except tomllib.TOMLDecodeError as exc:
        raise InputError(source, f"invalid TOML: {exc}") from None
    except RecursionError:
        raise InputError(
            source, "invalid TOML: arrays or tables nested too deeply to read"
        ) from None


def read_csv_rows(path: str | Path | None, default: str) -> tuple[list[dict[str, str]], str]:
    """Return ``(rows, source)`` of a CSV data file; blank lines and ``#`` comment lines are skipped."""
    text, source = read_text(path, default)
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines)), source


def read_lines(path: str | Path | None, default: str) -> list[str]:
    """Return the non-empty lines of a list file, with ``#`` comments removed.

    >>> "the" in read_lines(None, "stopwords_en.txt")
    True
    """
    text, _ = read_text(path, default)
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [line for line in lines if line]


# --- the loaded resources, in one object ---------------------------------------------------


@dataclass(frozen=True, eq=False)
class Resources:
    """Every word list and table an analysis needs, loaded once (compare by identity).

    ``stopwords`` lowercase words; ``phrases`` multi-word terms as lemma tuples;
    ``lemma_exceptions`` word -> lemma fixes; ``actors`` the actor table; ``naming_concepts``,
    ``reporting_verbs``, ``frames`` (frame dictionaries), ``distancing`` (distancing lexicon) and
    ``sentiment_domain`` (word -> VADER valence adjustments), ``sentiment_exclude`` (words that
    are topic, not sentiment, in a story; empty by default). Build with :func:`load_resources`
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
) -> Resources:
    """Return the :class:`Resources` read from these files (``None``: the shipped file).

    Each file is read and parsed once per distinct set of arguments (the loader is cached), so
    every analysis sharing the returned object shares the parsed tables. Errors name the file.

    >>> load_resources() is load_resources()
    True
    """
    return _load(stopwords, phrases, lemma_exceptions, actors, naming_concepts, reporting_verbs,
                 frames, distancing, sentiment_domain)  # fmt: skip


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
) -> Resources:
    # the per-resource loaders live with the code that uses them; imported here, not at the
    # top, because those modules read their files through this one
    from newsframe.actors import load_actors
    from newsframe.framing.distancing import load_distancing
    from newsframe.framing.frames import load_frame_dictionaries
    from newsframe.framing.naming import load_naming_concepts
    from newsframe.framing.speakers import load_reporting_verbs
    from newsframe.sentiment import load_domain_lexicon
    from newsframe.text import load_lemma_exceptions, load_phrases, load_stopwords

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
