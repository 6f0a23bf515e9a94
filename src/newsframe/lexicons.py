"""The word tables an analysis reads, parsed: their types and their loaders.

The actor table (:class:`Actor`), naming concepts (:class:`Concept`), the reporting-verb table
(:class:`ReportingVerbs`), frame dictionaries (:class:`Frame`), the distancing lexicon and the
sentiment-domain valences: each read from its shipped file in ``newsframe/data`` or a user's own
(through :mod:`newsframe.datafiles`), checked, and returned as plain frozen data. They sit below
:mod:`newsframe.resources`, which loads them once into one :class:`~newsframe.Resources`, and
below every analysis that reads them (actor mentions, naming, attribution, frames, distancing,
sentiment), which import the types from here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from newsframe.datafiles import read_csv_rows, read_toml, valence_entry
from newsframe.errors import InputError, NewsframeError, expect_items
from newsframe.text import lemmatize, normalise, tokenize

__all__ = [
    "Actor",
    "Concept",
    "DistancingLexicon",
    "Frame",
    "Mention",
    "ReportingVerbs",
    "Variant",
    "extend_frames",
    "load_actors",
    "load_distancing",
    "load_domain_lexicon",
    "load_frame_dictionaries",
    "load_naming_concepts",
    "load_reporting_verbs",
]


# --- actors ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Actor:
    """One actor: an id, a display name, a kind and the aliases that refer to it."""

    actor_id: str
    name: str
    kind: str
    aliases: tuple[str, ...]


class Mention(NamedTuple):
    """One mention of an actor in a text: character span and the words that matched.

    A named tuple: documents hold hundreds of thousands of them, and a tuple is small and quick
    to send between processes.
    """

    actor_id: str
    start: int
    end: int
    text: str


def load_actors(path: str | Path | None = None) -> tuple[Actor, ...]:
    """Return the actors in ``path`` (TOML, see ``data/actors.toml``) or the shipped table.

    >>> load_actors()  # the shipped table is story-neutral: a story file brings the actors
    ()
    """
    data, source = read_toml(path, "actors.toml")
    try:
        table = data.get("actor", {})
        return tuple(
            Actor(key, str(v.get("name", key)), str(v.get("kind", "")), tuple(v["aliases"]))
            for key, v in table.items()
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise InputError(source, f"invalid actor table: {exc!r}") from None


# --- naming concepts ---------------------------------------------------------------------
@dataclass(frozen=True)
class Variant:
    """One name for a concept: display name, whose usage it is, and the aliases that count."""

    name: str
    usage: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Concept:
    """A thing with competing names (e.g. the disputed islands) and its variants, in order."""

    concept_id: str
    description: str
    variants: tuple[Variant, ...]


def load_naming_concepts(path: str | Path | None = None) -> tuple[Concept, ...]:
    """Return the naming concepts in ``path`` (TOML) or the shipped ``data/naming_concepts.toml``.

    >>> load_naming_concepts()  # story-neutral: a story file brings its naming concepts
    ()
    """
    table, source = read_toml(path, "naming_concepts.toml")
    try:
        concepts = []
        for key, value in table.get("concept", {}).items():
            variants = tuple(
                Variant(str(v["name"]), str(v.get("usage", "")), tuple(map(str, v["aliases"])))
                for v in value["variant"]
            )
            if not variants or any(not v.aliases for v in variants):
                raise ValueError(f"concept {key!r} needs variants with at least one alias each")
            concepts.append(Concept(key, str(value.get("description", "")), variants))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InputError(source, f"invalid naming concept table: {exc!r}") from None
    return tuple(concepts)


# --- reporting verbs ---------------------------------------------------------------------
@dataclass(frozen=True)
class ReportingVerbs:
    """The reporting-verb table: lemma sequence -> class, reporting nouns, strict and
    quotation-only verbs, the nouns that can head a speaker's noun phrase (lemma -> kind), the
    verbs that report only right after a quotation, and the word that closes the object of a
    quotation-only verb before the quoted words (``frames``: "describe" -> "as" for "described
    his conditions as a \"travesty\""; "" for two objects, "called the arrest a \"...\"")."""

    verbs: dict[tuple[str, ...], str]
    nouns: dict[str, str]
    strict: frozenset[tuple[str, ...]]
    classes: tuple[str, ...]
    quote_only: frozenset[tuple[str, ...]] = frozenset()
    speaker_nouns: dict[str, str] = field(default_factory=dict)
    after_quote: frozenset[tuple[str, ...]] = frozenset()
    frames: dict[tuple[str, ...], str] = field(default_factory=dict)


def _lemmas(phrase: str) -> tuple[str, ...]:
    return tuple(lemmatize(t) for t in tokenize(phrase))


def _speaker_nouns(raw: dict) -> dict[str, str]:
    out: dict[str, str] = {}
    for kind, nouns in raw.items():
        for noun in nouns:
            for form in {noun.lower(), lemmatize(noun)}:
                out.setdefault(form, kind)
    return out


def load_reporting_verbs(path: str | Path | None = None) -> ReportingVerbs:
    """Return the reporting-verb table in ``path`` (TOML) or ``data/reporting_verbs.toml``.

    A table without a ``[speaker]`` section uses the shipped speaker nouns.

    >>> table = load_reporting_verbs()
    >>> table.verbs[("say",)], table.verbs[("claim",)], table.verbs[("slam",)]
    ('neutral', 'evaluative', 'hostile')
    >>> table.speaker_nouns["ministry"], table.speaker_nouns["statement"]
    ('organisation', 'document')
    >>> table.frames[("describe",)], table.frames[("reprimand",)], table.frames[("call",)]
    ('as', 'for', '')
    """
    raw, source = read_toml(path, "reporting_verbs.toml")
    verbs: dict[tuple[str, ...], str] = {}
    nouns: dict[str, str] = {}
    strict: set[tuple[str, ...]] = set()
    quote_only: set[tuple[str, ...]] = set()
    after_quote: set[tuple[str, ...]] = set()
    frames: dict[tuple[str, ...], str] = {}
    try:
        for name, spec in raw["class"].items():
            for verb in spec["verbs"]:
                verbs.setdefault(_lemmas(verb), name)
            for noun in spec.get("nouns", []):
                nouns.setdefault(lemmatize(noun), name)
            strict.update(_lemmas(v) for v in spec.get("strict", []))
            quote_only.update(_lemmas(v) for v in spec.get("quote_only", []))
            after_quote.update(_lemmas(v) for v in spec.get("after_quote", []))
            for verb, word in spec.get("frame", {}).items():
                frames.setdefault(_lemmas(verb), str(word).lower())
        classes = tuple(raw["class"])
        speaker = raw.get("speaker")
        if speaker is None:
            speaker = read_toml(None, "reporting_verbs.toml")[0]["speaker"]
        speaker_nouns = _speaker_nouns(speaker)
    except (KeyError, TypeError, AttributeError) as exc:
        raise InputError(source, f"invalid reporting-verb table: {exc!r}") from None
    verbs.pop((), None)
    return ReportingVerbs(
        verbs, nouns, frozenset(strict), classes, frozenset(quote_only), speaker_nouns,
        frozenset(after_quote), frames,
    )  # fmt: skip


# --- frame dictionaries ------------------------------------------------------------------
@dataclass(frozen=True)
class Frame:
    """One frame of a scheme: ids, label, codebook definition, dictionary terms and exclusions.

    ``exclude`` holds context patterns (same syntax as ``terms``): a term hit that shares a word
    with a match of one of them is cancelled ("ruling party" cancels "ruling" for legality).
    """

    scheme: str
    frame: str
    label: str
    definition: str
    terms: tuple[str, ...]
    exclude: tuple[str, ...] = ()

    @property
    def patterns(self) -> tuple[tuple[tuple[str, str], ...], ...]:
        """Each term as a tuple of ``(kind, value)`` word patterns, longest term first."""
        return tuple(sorted((_compile(t) for t in self.terms), key=lambda p: -len(p)))

    @property
    def exclusions(self) -> tuple[tuple[tuple[str, str], ...], ...]:
        """Each exclusion pattern as a tuple of ``(kind, value)`` word patterns."""
        return tuple(_compile(t) for t in self.exclude)


@lru_cache(maxsize=4096)
def _compile(term: str) -> tuple[tuple[str, str], ...]:
    """``term`` as ``(kind, value)`` words: ``prefix`` (``x*``), ``form`` (``=x``) or ``word``."""
    words = []
    for word in normalise(term).lower().split():
        if word.endswith("*") and len(word) > 1:
            words.append(("prefix", word[:-1]))
        elif word.startswith("=") and len(word) > 1:
            words.append(("form", word[1:]))
        else:
            words.append(("word", lemmatize(word) if tokenize(word) == [word] else word))
    return tuple(words)


def _strings(value, source: str, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise InputError(source, f"{where} must be a list of non-empty strings")
    return tuple(value)


def load_frame_dictionaries(path: str | Path | None = None) -> tuple[Frame, ...]:
    """Return the frame dictionaries in ``path`` (TOML) or ``data/frame_dictionaries.toml``.

    The file format (terms, ``*`` prefixes, ``=`` exact forms, phrases and ``exclude`` context
    patterns) is documented at the top of the shipped file.

    >>> frames = load_frame_dictionaries()
    >>> len([f for f in frames if f.scheme == "mfc"]), len([f for f in frames if f.scheme == "sv"])
    (15, 5)
    """
    table, source = read_toml(path, "frame_dictionaries.toml")
    try:
        specs = [(scheme, key, v) for scheme, spec in table["scheme"].items()
                 for key, v in spec["frame"].items()]  # fmt: skip
        frames = [
            Frame(scheme, key, str(v.get("label", key)), str(v.get("definition", "")),
                  _strings(v["terms"], source, f"{scheme}/{key} terms") if v["terms"] else (),
                  _strings(v.get("exclude", []), source, f"{scheme}/{key} exclude")
                  if v.get("exclude") else ())
            for scheme, key, v in specs
        ]  # fmt: skip
    except (KeyError, TypeError, AttributeError) as exc:
        raise InputError(source, f"invalid frame dictionary: {exc!r}") from None
    return tuple(frames)


def extend_frames(
    frames: Iterable[Frame],
    *,
    terms: Mapping[str, Sequence[str]] | None = None,
    exclude: Mapping[str, Sequence[str]] | None = None,
) -> tuple[Frame, ...]:
    """Return ``frames`` with extra ``terms`` and ``exclude`` patterns per ``"scheme/frame"`` key.

    The key ``"*"`` applies to every frame: ``exclude={"*": ["border river"]}`` stops a story's
    topic phrase from counting for any frame. This is how a story file adds or cancels dictionary
    words without copying the shipped dictionaries.

    >>> frames = extend_frames(load_frame_dictionaries(), exclude={"*": ["food safety"]})
    >>> all(f.exclude[-1] == "food safety" for f in frames)  # matched by newsframe.match_frames
    True
    """
    frames = tuple(
        expect_items(frames, Frame, "extend_frames", hint="pass load_frame_dictionaries()")
    )
    known = {f"{f.scheme}/{f.frame}" for f in frames} | {"*"}
    for what, table in (("terms", terms or {}), ("exclude", exclude or {})):
        for key, values in table.items():
            if key not in known:
                raise NewsframeError(f"extend_frames: no frame {key!r} for {what} (known: "
                                     f"{', '.join(sorted(known))})")  # fmt: skip
            if isinstance(values, str) or not all(isinstance(v, str) and v.strip() for v in values):
                raise NewsframeError(f"extend_frames: {what} of {key!r} must be a list of words")

    def more(table, key: str) -> tuple[str, ...]:
        table = table or {}
        return (*table.get("*", ()), *table.get(key, ()))

    return tuple(
        replace(f, terms=f.terms + more(terms, f"{f.scheme}/{f.frame}") if f.terms else f.terms,
                exclude=f.exclude + more(exclude, f"{f.scheme}/{f.frame}"))
        for f in frames
    )  # fmt: skip


# --- distancing lexicon -------------------------------------------------------------------
@dataclass(frozen=True)
class DistancingLexicon:
    """Distancing phrases by kind (``so_called``, ``hedge``, or your own)."""

    kinds: dict[str, tuple[str, ...]]


def load_distancing(path: str | Path | None = None) -> DistancingLexicon:
    """Return the distancing lexicon in ``path`` (TOML) or ``data/distancing.toml``.

    >>> lex = load_distancing()
    >>> "so-called" in lex.kinds["so_called"], "reportedly" in lex.kinds["hedge"]
    (True, True)
    """
    table, source = read_toml(path, "distancing.toml")
    try:
        kinds = {k: tuple(map(str, v["phrases"])) for k, v in table["kind"].items()}
    except (KeyError, TypeError, AttributeError) as exc:
        raise InputError(source, f"invalid distancing lexicon: {exc!r}") from None
    return DistancingLexicon(kinds)


# --- sentiment domain --------------------------------------------------------------------
def load_domain_lexicon(path: str | Path | None = None) -> dict[str, float]:
    """Return the domain adjustments in ``path`` (CSV ``word,valence,why``) or the shipped file.

    The shipped ``data/sentiment_domain.csv`` documents the format and has no rows (shipped data
    is story-neutral); a story's own adjustments live in its story file (``[sentiment.domain]``,
    :attr:`Resources.sentiment_domain` of its corpus). Adjustments are never applied unless
    passed as ``domain=``. A valence of 0 removes the word from VADER's lexicon.

    >>> load_domain_lexicon()
    {}
    """
    rows, source = read_csv_rows(path, "sentiment_domain.csv")
    entries = (
        valence_entry(row.get("word", ""), row.get("valence") or "", source, f"row {n}")
        for n, row in enumerate(rows, start=1)
    )
    return dict(entries)
