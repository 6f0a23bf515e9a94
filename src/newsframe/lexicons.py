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

import unicodedata
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from newsframe.datafiles import (
    check_sections,
    check_strings,
    check_table,
    check_text,
    describe,
    read_csv_rows,
    read_toml,
    valence_entry,
)
from newsframe.errors import InputError, NewsframeError, NewsframeWarning, expect_items
from newsframe.text import lemmatize, load_stopwords, normalise, tokenize

__all__ = [
    "ACTOR_KINDS",
    "Actor",
    "Concept",
    "DistancingLexicon",
    "EntityWords",
    "Frame",
    "Mention",
    "ReportingVerbs",
    "Variant",
    "actor_table",
    "concept_table",
    "entity_words_table",
    "extend_frames",
    "load_actors",
    "load_distancing",
    "load_domain_lexicon",
    "load_entity_words",
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


#: The kinds an actor may have in a story file ("state" is read as "country").
ACTOR_KINDS = ("person", "organisation", "country", "group", "place")
_KIND_ALIASES = {"state": "country", "organization": "organisation", "org": "organisation"}


def _alias_key(alias: str) -> str:
    """An alias as the mention finders compare it: normalised, case-folded, single spaces."""
    return " ".join(normalise(alias).casefold().split())


#: Scripts whose letters look alike (by the first word of a letter's Unicode name); kana and
#: ideographs mixed in one Japanese name are no look-alikes.
_LOOK_ALIKE = {"LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "FULLWIDTH"}


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return load_stopwords()


def _claim(
    owner: dict[str, str], aliases: tuple[str, ...], key: str, source: str, where: str,
    other_name: str, why: str,
) -> None:  # fmt: skip
    """Record ``key`` as the owner of each alias (compared as :func:`_alias_key`); an alias an
    earlier entry owns is one error naming both (``other_name`` formats that entry)."""
    for alias in aliases:
        other = owner.setdefault(_alias_key(alias), key)
        if other != key:
            raise InputError(
                source,
                f"{where}: alias {alias!r} is also an alias of {other_name.format(other)}; {why}",
            )


def _check_aliases(aliases: tuple[str, ...], source: str, where: str) -> None:
    """An alias without a letter or digit would match punctuation: refused, naming it. One that
    is a stop word or a single character matches in nearly every article (aliases are matched
    case-insensitively: "It" also finds "it"), and one that mixes scripts (a Cyrillic "М" in
    "Мinister") matches only text with the same look-alike: a
    :class:`~newsframe.errors.NewsframeWarning` names it, as the counts are seldom what was meant."""
    for alias in aliases:
        if not any(ch.isalnum() for ch in alias):
            raise InputError(
                source, f"{where}: alias {alias!r} has no letter or digit (it would match "
                "punctuation); give the words the articles use"
            )  # fmt: skip
        scripts = sorted({unicodedata.name(ch, "?").split(" ")[0] for ch in alias if ch.isalpha()}
                         & _LOOK_ALIKE)  # fmt: skip
        if len(scripts) > 1:  # "Мinister" with a Cyrillic М finds no "Minister"
            warnings.warn(
                NewsframeWarning(
                    f"{source}: {where}: alias {alias!r} mixes {' and '.join(scripts).lower()} "
                    "letters (a look-alike letter?); it matches only text written the same way"
                ),
                stacklevel=2,
            )
        key = _alias_key(alias)
        if len(key) == 1 or key in _stopwords():
            what = "one character" if len(key) == 1 else "a stop word"
            warnings.warn(
                NewsframeWarning(
                    f"{source}: {where}: alias {alias!r} is {what}, matched case-insensitively "
                    f"wherever {key!r} stands alone; use a longer name if that is not meant"
                ),
                stacklevel=2,
            )


def actor_table(table: object, source: str, *, story: bool = False) -> tuple[Actor, ...]:
    """Return the actors of an ``[actor.<id>]`` table (``actors.toml`` or a story file), checked.

    Each entry is a table of ``name`` (text; default: the id), ``kind`` and ``aliases`` (a
    non-empty list of words or phrases). In a story file (``story``) the kind is one of
    :data:`ACTOR_KINDS`; in an actor table it is any text (default ``""``). Every problem is
    one :class:`~newsframe.errors.InputError` naming ``source``, the entry and the problem: not
    a table, an unknown key, no aliases, an alias that is not text or has no letter, an alias
    given to two actors (a mention can count for one only).

    >>> [a.aliases for a in actor_table({"kim": {"aliases": ["Kim", "Ms Kim"]}}, "a.toml")]
    [('Kim', 'Ms Kim')]
    """
    if not isinstance(table, dict):
        raise InputError(source, f"[actor] must hold [actor.<id>] tables, got {describe(table)}")
    out, owner = [], {}
    for key, spec in table.items():
        where = f"[actor.{key}]"
        if not key.strip():
            raise InputError(source, f'[actor."{key}"]: an actor needs an id, e.g. [actor.kim]')
        spec = check_table(spec, source, where, allowed=("name", "kind", "aliases"))
        name = check_text(spec.get("name", key), source, f"{where} name")
        if story and "kind" not in spec:
            raise InputError(source, f"{where} has no `kind`: use one of {', '.join(ACTOR_KINDS)}")
        kind = check_text(spec.get("kind", ""), source, f"{where} kind", empty=not story).lower()
        kind = _KIND_ALIASES.get(kind, kind)
        if story and kind not in ACTOR_KINDS:
            raise InputError(
                source, f"{where} kind {spec.get('kind')!r}: use one of {', '.join(ACTOR_KINDS)}"
            )
        if "aliases" not in spec:
            raise InputError(
                source,
                f"{where} has no `aliases`: give the list of names the articles use "
                f'for it, e.g. aliases = ["{name}"]',
            )
        aliases = check_strings(spec["aliases"], source, f"{where} aliases", empty=False)
        _check_aliases(aliases, source, where)
        _claim(owner, aliases, key, source, where, "[actor.{}]", "a mention can count for one "
               "actor only: keep it in one of them")  # fmt: skip
        out.append(Actor(key, name, kind, aliases))
    return tuple(out)


def load_actors(path: str | Path | None = None) -> tuple[Actor, ...]:
    """Return the actors in ``path`` (TOML, see ``data/actors.toml``) or the shipped table.

    Entries are checked by :func:`actor_table`; a file may hold only ``[actor.<id>]`` tables.

    >>> load_actors()  # the shipped table is story-neutral: a story file brings the actors
    ()
    """
    data, source = read_toml(path, "actors.toml")
    return actor_table(check_sections(data, source, ("actor",)).get("actor", {}), source)


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


def concept_table(table: object, source: str) -> tuple[Concept, ...]:
    """Return the naming concepts of a ``[concept.<id>]`` table (``naming_concepts.toml`` or a
    story file), checked.

    Each concept is a table of ``description`` (text) and ``variant``, a list of
    ``[[concept.<id>.variant]]`` tables of ``name``, ``usage`` (text) and ``aliases`` (a list of
    words or phrases; default: the name alone). Every problem is one
    :class:`~newsframe.errors.InputError` naming ``source``, the entry and the problem: no
    variants, a variant without a name, two variants of one name, an unknown key, an alias that
    is not text or has no letter, an alias of two variants (a use can count for one only).

    >>> [v.aliases for v in concept_table({"c": {"variant": [{"name": "the strait"}]}}, "c.toml")[0].variants]
    [('the strait',)]
    """
    if not isinstance(table, dict):
        raise InputError(
            source, f"[concept] must hold [concept.<id>] tables, got {describe(table)}"
        )
    out = []
    for key, spec in table.items():
        where = f"[concept.{key}]"
        if not key.strip():
            raise InputError(source, f'[concept."{key}"]: a concept needs an id, e.g. [concept.strait]')  # fmt: skip
        spec = check_table(spec, source, where, allowed=("description", "variant"))
        variants = spec.get("variant")
        if not isinstance(variants, list) or not variants:
            raise InputError(
                source,
                f"{where} needs [[concept.{key}.variant]] tables (name, "
                "usage, aliases), one per competing name",
            )
        parsed, owner, names = [], {}, set()
        for n, v in enumerate(variants, start=1):
            v = check_table(v, source, f"{where} variant {n}", allowed=("name", "usage", "aliases"),
                            required=("name",))  # fmt: skip
            name = check_text(v.get("name"), source, f"{where} variant {n} name")
            if name in names:
                raise InputError(source, f"{where}: two variants are named {name!r}")
            names.add(name)
            at = f"{where} variant {name!r}"
            aliases = check_strings(v.get("aliases", [name]), source, f"{at} aliases", empty=False)
            _check_aliases(aliases, source, at)
            _claim(owner, aliases, name, source, at, "variant {!r}", "a use can count for one "
                   "variant only")  # fmt: skip
            usage = check_text(v.get("usage", ""), source, f"{at} usage", empty=True)
            parsed.append(Variant(name, usage, aliases))
        description = check_text(
            spec.get("description", ""), source, f"{where} description", empty=True
        )
        out.append(Concept(key, description, tuple(parsed)))
    return tuple(out)


def load_naming_concepts(path: str | Path | None = None) -> tuple[Concept, ...]:
    """Return the naming concepts in ``path`` (TOML) or the shipped ``data/naming_concepts.toml``.

    Entries are checked by :func:`concept_table`; a file may hold only ``[concept.<id>]`` tables.

    >>> load_naming_concepts()  # story-neutral: a story file brings its naming concepts
    ()
    """
    data, source = read_toml(path, "naming_concepts.toml")
    return concept_table(check_sections(data, source, ("concept",)).get("concept", {}), source)


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


def _speaker_nouns(raw: object, source: str) -> dict[str, str]:
    """``[speaker]``: kind = [nouns], as lowercase forms and lemmas -> kind (first kind wins)."""
    raw = check_table(raw, source, "[speaker]", allowed=None)
    out: dict[str, str] = {}
    for kind, nouns in raw.items():
        for noun in check_strings(nouns, source, f"[speaker] {kind}"):
            for form in {noun.lower(), lemmatize(noun)}:
                out.setdefault(form, kind)
    return out


_VERB_KEYS = ("description", "verbs", "nouns", "strict", "quote_only", "after_quote", "frame")


def load_reporting_verbs(path: str | Path | None = None) -> ReportingVerbs:
    """Return the reporting-verb table in ``path`` (TOML) or ``data/reporting_verbs.toml``.

    A table without a ``[speaker]`` section uses the shipped speaker nouns. Each
    ``[class.<name>]`` is checked: ``verbs`` a non-empty list of words, ``nouns``, ``strict``,
    ``quote_only`` and ``after_quote`` lists (the last three drawn from its ``verbs``), a
    ``frame`` table (verb of its ``verbs`` = word); an unknown key or section is one
    :class:`~newsframe.errors.InputError` naming the entry.

    >>> table = load_reporting_verbs()
    >>> table.verbs[("say",)], table.verbs[("claim",)], table.verbs[("slam",)]
    ('neutral', 'evaluative', 'hostile')
    >>> table.speaker_nouns["ministry"], table.speaker_nouns["statement"]
    ('organisation', 'document')
    >>> table.frames[("describe",)], table.frames[("reprimand",)], table.frames[("call",)]
    ('as', 'for', '')
    """
    raw, source = read_toml(path, "reporting_verbs.toml")
    check_sections(raw, source, ("class", "speaker"))
    if "class" not in raw:
        raise InputError(source, "no [class.<name>] tables: give at least one class of verbs")
    verbs: dict[tuple[str, ...], str] = {}
    nouns: dict[str, str] = {}
    strict: set[tuple[str, ...]] = set()
    quote_only: set[tuple[str, ...]] = set()
    after_quote: set[tuple[str, ...]] = set()
    frames: dict[tuple[str, ...], str] = {}
    classes = check_table(raw["class"], source, "[class]", allowed=None)
    for name, spec in classes.items():
        where = f"[class.{name}]"
        spec = check_table(spec, source, where, allowed=_VERB_KEYS, required=("verbs",))
        own = check_strings(spec["verbs"], source, f"{where} verbs", empty=False)
        for verb in own:
            verbs.setdefault(_lemmas(verb), name)
        for noun in check_strings(spec.get("nouns", []), source, f"{where} nouns"):
            nouns.setdefault(lemmatize(noun), name)
        for key, into in (
            ("strict", strict),
            ("quote_only", quote_only),
            ("after_quote", after_quote),
        ):
            listed = check_strings(spec.get(key, []), source, f"{where} {key}")
            stray = [v for v in listed if v not in own]
            if stray:
                raise InputError(source, f"{where} {key}: {stray[0]!r} is not one of its `verbs`")
            into.update(map(_lemmas, listed))
        frame = check_table(spec.get("frame", {}), source, f"{where}.frame", allowed=None)
        for verb, word in frame.items():
            if verb not in own:
                raise InputError(source, f"{where}.frame: {verb!r} is not one of its `verbs`")
            word = check_text(word, source, f"{where}.frame {verb}", empty=True).lower()
            frames.setdefault(_lemmas(verb), word)
    speaker = raw.get("speaker")
    if speaker is None:
        speaker = read_toml(None, "reporting_verbs.toml")[0]["speaker"]
    speaker_nouns = _speaker_nouns(speaker, source)
    verbs.pop((), None)
    return ReportingVerbs(
        verbs,
        nouns,
        frozenset(strict),
        tuple(classes),
        frozenset(quote_only),
        speaker_nouns,
        frozenset(after_quote),
        frames,
    )


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


_FRAME_KEYS = ("label", "definition", "terms", "exclude")


def load_frame_dictionaries(path: str | Path | None = None) -> tuple[Frame, ...]:
    """Return the frame dictionaries in ``path`` (TOML) or ``data/frame_dictionaries.toml``.

    The file format (terms, ``*`` prefixes, ``=`` exact forms, phrases and ``exclude`` context
    patterns) is documented at the top of the shipped file. Each ``[scheme.<id>]`` (``name``,
    ``reference``, ``frame``) and ``[scheme.<id>.frame.<id>]`` (``label``, ``definition``,
    ``terms``: a list of words, empty for a residual frame; ``exclude``) is checked: a wrong
    type or an unknown key is one :class:`~newsframe.errors.InputError` naming the entry.

    >>> frames = load_frame_dictionaries()
    >>> len([f for f in frames if f.scheme == "mfc"]), len([f for f in frames if f.scheme == "sv"])
    (15, 5)
    """
    table, source = read_toml(path, "frame_dictionaries.toml")
    check_sections(table, source, ("scheme",))
    frames = []
    for scheme, spec in check_table(
        table.get("scheme", {}), source, "[scheme]", allowed=None
    ).items():
        where = f"[scheme.{scheme}]"
        spec = check_table(spec, source, where, allowed=("name", "reference", "frame"))
        for key, v in check_table(
            spec.get("frame", {}), source, f"{where} frame", allowed=None
        ).items():
            at = f"[scheme.{scheme}.frame.{key}]"
            v = check_table(v, source, at, allowed=_FRAME_KEYS, required=("terms",))
            frames.append(
                Frame(
                    scheme,
                    key,
                    check_text(v.get("label", key), source, f"{at} label"),
                    check_text(v.get("definition", ""), source, f"{at} definition", empty=True),
                    check_strings(v["terms"], source, f"{at} terms"),
                    check_strings(v.get("exclude", []), source, f"{at} exclude"),
                )
            )
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
    check_sections(table, source, ("kind",))
    kinds = {}
    for kind, spec in check_table(table.get("kind", {}), source, "[kind]", allowed=None).items():
        where = f"[kind.{kind}]"
        spec = check_table(
            spec, source, where, allowed=("description", "phrases"), required=("phrases",)
        )
        check_text(spec.get("description", ""), source, f"{where} description", empty=True)
        kinds[kind] = check_strings(spec["phrases"], source, f"{where} phrases", empty=False)
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
    rows, source = read_csv_rows(path, "sentiment_domain.csv", required=("word", "valence"))
    entries = (
        valence_entry(row.get("word", ""), row.get("valence") or "", source, f"row {n}")
        for n, row in enumerate(rows, start=1)
    )
    return dict(entries)


# --- entity words ------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class EntityWords:
    """The words that name and sort an article's entities (``data/entity_words.toml``, whose
    header documents each): ``titles`` before names, ``title_abbreviations`` (abbreviation ->
    role words), ``role_heads`` and ``person_roles`` (the last words of titles and roles held by
    a person), ``portfolios`` (words before a government body noun, besides the titles),
    ``he`` and ``she`` (gendered titles and role nouns), ``organisation_nouns``,
    ``government_nouns``, ``place_words``, ``venue_heads`` (the last words of buildings' and
    venues' names), ``place_openers``, ``event_heads``, ``outlet_nouns``
    (the last words of news outlets' names), ``person_nouns`` (role nouns that name one
    unnamed person: "the gunman"), ``nicknames`` (a given name -> its full form) and ``family_spellings`` (a family name -> the group of its
    romanisations). One object per content: a second one with the same words (an unpickled
    copy from a worker process, a story file that adds nothing new) is the first again, so the
    layers' caches, kept by identity, are shared."""

    titles: frozenset[str]
    title_abbreviations: Mapping[str, str]
    role_heads: frozenset[str]
    person_roles: frozenset[str]
    portfolios: frozenset[str]
    he: frozenset[str]
    she: frozenset[str]
    organisation_nouns: frozenset[str]
    government_nouns: frozenset[str]
    place_words: frozenset[str]
    venue_heads: frozenset[str]
    place_openers: frozenset[str]
    event_heads: frozenset[str]
    outlet_nouns: frozenset[str]
    person_nouns: frozenset[str]
    nicknames: Mapping[str, str]
    family_spellings: Mapping[str, tuple[str, ...]]

    def _state(self) -> tuple:
        """The content, as one hashable value (worked out once)."""
        state = self.__dict__.get("_content")
        if state is None:
            state = tuple(
                tuple(sorted(v.items())) if isinstance(v, Mapping) else tuple(sorted(v))
                for v in (getattr(self, f) for f in _ENTITY_FIELDS)
            )
            self.__dict__["_content"] = state
        return state

    def __reduce__(self) -> tuple:
        return (_interned_words, (self._state(),))


_ENTITY_FIELDS = ("titles", "title_abbreviations", "role_heads", "person_roles", "portfolios",
                  "he", "she", "organisation_nouns", "government_nouns", "place_words",
                  "venue_heads", "place_openers", "event_heads", "outlet_nouns", "person_nouns", "nicknames",
                  "family_spellings")  # fmt: skip
_INTERNED: dict[tuple, EntityWords] = {}  # content -> the one EntityWords of that content


def _interned_words(state: tuple) -> EntityWords:
    """The :class:`EntityWords` of content ``state`` (:meth:`EntityWords._state`): the one
    already made, else a new one (also how a pickled copy comes back)."""
    hit = _INTERNED.get(state)
    if hit is None:
        values = dict(zip(_ENTITY_FIELDS, state, strict=True))
        hit = EntityWords(
            **{
                f: dict(v) if f in ("title_abbreviations", "nicknames", "family_spellings")
                else frozenset(v)
                for f, v in values.items()
            }
        )  # fmt: skip
        hit = _INTERNED.setdefault(state, hit)
    return hit


_ENTITY_LISTS = {
    "titles": ("words", "role_heads", "person_roles", "portfolios", "he", "she"),
    "kinds": ("organisation_nouns", "government_nouns", "place_words", "venue_heads",
              "place_openers", "event_heads", "outlet_nouns", "person_nouns"),
    "names": (),
}  # fmt: skip
_FIELD_OF = {"words": "titles"}  # a file key -> its EntityWords field, where they differ


def _entity_word(value: str, source: str, where: str) -> str:
    """One entry of an entity word list: a lowercase word without spaces."""
    word = value.lower()
    if not word or any(ch.isspace() for ch in word):
        raise InputError(source, f"{where}: {value!r} is not one word (no spaces)")
    return word


def entity_words_table(
    raw: Mapping[str, Any], source: str, *, base: EntityWords | None = None, prefix: str = ""
) -> EntityWords:
    """Return the :class:`EntityWords` of ``raw`` (the ``titles``, ``kinds`` and ``names``
    tables of ``data/entity_words.toml``, or a story file's ``[entities.*]``), its entries
    added to ``base``'s when given. Every entry is checked: one
    :class:`~newsframe.errors.InputError` names ``source`` and the entry (``prefix`` opens the
    sections' names: ``"entities."`` in a story file).

    >>> extra = {"titles": {"words": ["Imam"]}, "names": {"nicknames": [["sasha", "alexandra"]]}}
    >>> w = entity_words_table(extra, "story.toml", base=load_entity_words(), prefix="entities.")
    >>> "imam" in w.titles, "minister" in w.titles, w.nicknames["sasha"]
    (True, True, 'alexandra')
    >>> try:
    ...     entity_words_table({"kinds": {"event_heads": ["world cup"]}}, "s.toml")
    ... except InputError as error:
    ...     print(error)
    s.toml: [kinds] event_heads: 'world cup' is not one word (no spaces)
    """
    lists: dict[str, set[str]] = {}
    abbreviations: dict[str, str] = {}
    nicknames: dict[str, str] = {}
    families: dict[str, tuple[str, ...]] = {}
    if base is not None:
        lists = {f: set(getattr(base, f)) for f in _list_fields()}
        abbreviations, nicknames = dict(base.title_abbreviations), dict(base.nicknames)
        families = dict(base.family_spellings)
    for section, keys in _ENTITY_LISTS.items():
        where = f"[{prefix}{section}]"
        allowed = (*keys, "abbreviations") if section == "titles" else keys
        allowed = ("nicknames", "family_spellings") if section == "names" else allowed
        table = check_table(raw.get(section, {}), source, where, allowed=allowed)
        for key in keys:
            into = lists.setdefault(_FIELD_OF.get(key, key), set())
            for word in check_strings(table.get(key, []), source, f"{where} {key}"):
                into.add(_entity_word(word, source, f"{where} {key}"))
        if section == "titles":
            short = check_table(
                table.get("abbreviations", {}), source, f"{where[:-1]}.abbreviations]", allowed=None
            )
            for word, full in short.items():
                at = f"{where[:-1]}.abbreviations] {word}"
                abbreviations[_entity_word(word, source, at)] = check_text(full, source, at).lower()
        if section == "names":
            for key, into_groups in (("nicknames", None), ("family_spellings", families)):
                groups = table.get(key, [])
                if not isinstance(groups, list):
                    raise InputError(source, f"{where} {key} must be a list of lists of names")
                for k, group in enumerate(groups):
                    at = f"{where} {key} entry {k + 1}"
                    names = [_entity_word(n, source, at) for n in check_strings(group, source, at)]
                    if len(names) < 2:
                        raise InputError(source, f"{at}: give two names or more, got {names}")
                    if into_groups is None:  # each form -> the full form, the last
                        nicknames.update(dict.fromkeys(names, names[-1]))
                    else:
                        families.update(dict.fromkeys(names, tuple(names)))
    made = EntityWords(
        **{f: frozenset(lists.get(f, ())) for f in _list_fields()},
        title_abbreviations=abbreviations,
        nicknames=nicknames,
        family_spellings=families,
    )
    return _INTERNED.setdefault(made._state(), made)


def _list_fields() -> tuple[str, ...]:
    return tuple(_FIELD_OF.get(k, k) for keys in _ENTITY_LISTS.values() for k in keys)


def load_entity_words(path: str | Path | None = None) -> EntityWords:
    """Return the entity words in ``path`` (TOML) or the shipped ``data/entity_words.toml``,
    checked entry by entry (errors name the file and the entry); read once per path (the same
    object on every call).

    >>> w = load_entity_words()
    >>> "minister" in w.titles, w.title_abbreviations["cj"], "ministry" in w.organisation_nouns
    (True, 'chief justice', True)
    >>> w.nicknames["sepp"], w.family_spellings["yun"], w is load_entity_words()
    ('joseph', ('yoon', 'yun'), True)
    """
    return _entity_words(path)


@lru_cache(maxsize=8)
def _entity_words(path: str | Path | None) -> EntityWords:
    raw, source = read_toml(path, "entity_words.toml")
    check_sections(raw, source, tuple(_ENTITY_LISTS))
    return entity_words_table(raw, source)
