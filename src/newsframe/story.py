"""A story file: everything about one story that the analyses need and the package cannot know.

The package ships story-neutral word lists (stopwords, reporting verbs, frame dictionaries …).
What belongs to one story — the competing names of the disputed thing, the actors and their
aliases, extra multi-word terms, reporting verbs, stopwords, frame-dictionary changes, words that
are topic rather than sentiment, the grouping column and the pair to compare — lives in a TOML
story file next to the corpus (the bundled corpus has ``data/story.toml``). The format is
documented at the top of that file and in :func:`load_story`.

``load_story(path)`` returns a :class:`Story`; ``story.resources`` is the shipped defaults
overlaid with the story's additions, and ``load_corpus(source, story=...)`` attaches both to the
corpus so that every analysis of it uses them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any

from newsframe.datafiles import check_sections, check_strings, check_table, check_text
from newsframe.errors import InputError, expect_kind
from newsframe.lexicons import (
    ACTOR_KINDS,
    Actor,
    Concept,
    ReportingVerbs,
    actor_table,
    concept_table,
    entity_words_table,
    extend_frames,
)
from newsframe.resources import Resources, default_resources, read_toml, valence_entry
from newsframe.text import lemmatize, normalise, tokenize

__all__ = ["ACTOR_KINDS", "Story", "load_story", "story_resources"]

_SECTIONS = ("story", "actor", "concept", "reporting_verbs", "terms", "frames", "sentiment",
             "entities")  # fmt: skip


@dataclass(frozen=True)
class Story:
    """One story's configuration, read from a story file by :func:`load_story`.

    ``concepts`` and ``actors`` are the story's naming concepts and actors; ``reporting_verbs``
    maps a verb class (``neutral``, ``evaluative``, ``directive``) to extra verbs;
    ``frames_add`` / ``frames_exclude`` map ``"scheme/frame"`` (or ``"*"``: every frame) to
    dictionary terms to add or patterns to exclude; ``sentiment_exclude`` lists words that are topic, not sentiment, in this story;
    ``sentiment_domain`` maps words to this story's VADER valences (an opt-in sensitivity check,
    as ``data/sentiment_domain.csv``);
    ``group`` is the manifest column that groups the articles and ``compare`` the two groups (or
    article ids) that pairwise figures compare; ``entities`` the story's entity words (titles,
    organisation nouns, nicknames ... added to the shipped ``data/entity_words.toml``).
    """

    name: str = ""
    description: str = ""
    path: Path | None = None
    concepts: tuple[Concept, ...] = ()
    actors: tuple[Actor, ...] = ()
    reporting_verbs: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    phrases: tuple[str, ...] = ()
    stopwords: tuple[str, ...] = ()
    frames_add: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    frames_exclude: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    sentiment_exclude: tuple[str, ...] = ()
    sentiment_domain: Mapping[str, float] = field(default_factory=dict)
    group: str | None = None
    compare: tuple[str, ...] = ()
    #: The story file's ``[entities.titles]``, ``[entities.kinds]`` and ``[entities.names]``
    #: tables (entity words added to ``data/entity_words.toml``'s), checked when loaded.
    entities: Mapping[str, Any] = field(default_factory=dict)

    @cached_property
    def resources(self) -> Resources:
        """The shipped defaults overlaid with this story's additions (one object per story).

        Stopwords and phrases are added; the story's actors and naming concepts come after the
        shipped ones (a story actor replaces a shipped actor of the same id); extra reporting
        verbs join their class; frame terms are added or excluded per frame; the sentiment
        exclusions become ``sentiment_exclude`` and the domain valences join
        ``sentiment_domain``; the entity words join ``entity_words``.
        """
        return story_resources(self)

    @property
    def concept(self) -> str | None:
        """The id of the story's first naming concept (the one the naming figure draws), or None."""
        return self.concepts[0].concept_id if self.concepts else None

    def __hash__(self) -> int:  # (``entities`` is a plain table: left out, as are the frames)
        return hash((self.name, self.path, self.concepts, self.actors, self.phrases))


def _strings(value: Any, where: str, source: str) -> tuple[str, ...]:
    return check_strings(value, source, where)


def _table(data: Mapping[str, Any], key: str, source: str, allowed: tuple[str, ...] | None) -> dict:
    return check_table(data.get(key, {}), source, f"[{key}]", allowed=allowed)


def _frame_changes(data: Mapping[str, Any], source: str) -> tuple[dict, dict]:
    """``[frames.<scheme>.<frame>]`` (or ``[frames."*"]``, every frame) add / exclude lists,
    keyed ``"scheme/frame"`` (or ``"*"``)."""
    add: dict[str, tuple[str, ...]] = {}
    exclude: dict[str, tuple[str, ...]] = {}
    tables = []
    for scheme, frames in _table(data, "frames", source, None).items():
        if scheme == "*":
            tables.append(("*", '[frames."*"]', frames))
            continue
        if not isinstance(frames, dict):
            raise InputError(
                source, f"[frames.{scheme}] must hold [frames.{scheme}.<frame>] tables"
            )
        tables.extend((f"{scheme}/{frame}", f"[frames.{scheme}.{frame}]", spec)
                      for frame, spec in frames.items())  # fmt: skip
    for key, where, spec in tables:
        if not isinstance(spec, dict) or set(spec) - {"add", "exclude"}:
            raise InputError(source, f"{where} takes only `add` and `exclude` lists")
        if "add" in spec:
            add[key] = _strings(spec["add"], f"{where} add", source)
        if "exclude" in spec:
            exclude[key] = _strings(spec["exclude"], f"{where} exclude", source)
    return add, exclude


def _domain(sentiment: Mapping[str, Any], source: str) -> dict[str, float]:
    """``[sentiment.domain]``: word = valence (checked as ``data/sentiment_domain.csv`` rows)."""
    table = sentiment.get("domain", {})
    if not isinstance(table, Mapping):
        raise InputError(source, "[sentiment.domain] must be a table of word = valence")
    where = "[sentiment.domain]"
    return dict(valence_entry(word, value, source, where) for word, value in table.items())


def load_story(path: str | Path) -> Story:
    """Return the :class:`Story` in the TOML story file at ``path``.

    Sections (all optional; the bundled ``data/story.toml`` documents each at its top):
    ``[story]`` (``name``, ``description``, ``group`` column, ``compare`` = two groups or article
    ids), ``[actor.<id>]`` (``name``, ``kind`` — person, organisation, country, group or place —
    and ``aliases``, as in ``actors.toml``), ``[concept.<id>]`` with ``[[concept.<id>.variant]]``
    (as in ``naming_concepts.toml``), ``[reporting_verbs]`` (class = extra verbs),
    ``[terms]`` (``phrases``, ``stopwords``), ``[frames.<scheme>.<frame>]`` (``add``,
    ``exclude``) and ``[sentiment]`` (``exclude``: words that are topic, not sentiment;
    ``[sentiment.domain]``: word = valence, this story's adjustments of VADER's lexicon, used
    only when passed as ``domain=corpus.resources.sentiment_domain``) and ``[entities.titles]``,
    ``[entities.kinds]``, ``[entities.names]`` (entity words added to the shipped ones: the
    keys of ``data/entity_words.toml``, e.g. ``words`` = titles before names,
    ``organisation_nouns``, ``nicknames``).
    Errors name the file and the section (and the entry).

    >>> import tempfile, os
    >>> text = '[story]\\nname = "x"\\ngroup = "outlet"\\n[actor.kim]\\nkind = "person"\\naliases = ["Kim"]\\n'
    >>> with tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False) as f:
    ...     _ = f.write(text)
    >>> s = load_story(f.name); os.unlink(f.name)
    >>> s.name, s.group, [(a.actor_id, a.kind, a.aliases) for a in s.actors]
    ('x', 'outlet', [('kim', 'person', ('Kim',))])
    """
    expect_kind(path, (str, Path), "load_story", hint="pass the path of a story file")
    path = Path(path)
    if path.is_dir():
        raise InputError(path, "is a folder; pass the story file (e.g. story.toml)")
    if "\x00" in str(path):
        raise InputError(repr(str(path)), "the file name contains a NUL byte")
    if not os.path.lexists(path):  # a link loop or a broken link: read_toml names it
        raise InputError(path, "story file not found")
    data, source = read_toml(path, "")
    check_sections(data, source, _SECTIONS)
    head = _table(data, "story", source, ("name", "description", "group", "compare"))
    compare = _strings(head.get("compare", []), "[story] compare", source)
    if compare and len(compare) != 2:
        raise InputError(
            source, f"[story] compare needs exactly two different groups or articles, got {compare}"
        )
    verbs = {
        name: _strings(v, f"[reporting_verbs] {name}", source)
        for name, v in _table(data, "reporting_verbs", source, None).items()
    }
    terms = _table(data, "terms", source, ("phrases", "stopwords"))
    add, exclude = _frame_changes(data, source)
    sentiment = _table(data, "sentiment", source, ("exclude", "domain"))
    entities = _table(data, "entities", source, ("titles", "kinds", "names"))
    entity_words_table(entities, source, prefix="entities.")  # checked now: errors name the entry
    group = head.get("group")
    return Story(
        name=check_text(head.get("name", path.stem), source, "[story] name"),
        description=check_text(
            head.get("description", ""), source, "[story] description", empty=True
        ),
        path=path,
        concepts=concept_table(data.get("concept", {}), source),
        actors=actor_table(data.get("actor", {}), source, story=True),
        reporting_verbs=MappingProxyType(verbs),
        phrases=_strings(terms.get("phrases", []), "[terms] phrases", source),
        stopwords=_strings(terms.get("stopwords", []), "[terms] stopwords", source),
        frames_add=MappingProxyType(add),
        frames_exclude=MappingProxyType(exclude),
        sentiment_exclude=tuple(
            w.lower() for w in _strings(sentiment.get("exclude", []), "[sentiment] exclude", source)
        ),
        sentiment_domain=MappingProxyType(_domain(sentiment, source)),
        group=None if group is None else check_text(group, source, "[story] group"),
        compare=compare,
        entities=MappingProxyType(entities),
    )


def _with_verbs(table: ReportingVerbs, extra: Mapping[str, tuple[str, ...]], source: str):
    unknown = sorted(set(extra) - set(table.classes))
    if unknown:
        raise InputError(
            source,
            f"[reporting_verbs] class {unknown[0]!r}: use one of {', '.join(table.classes)}",
        )
    verbs = dict(table.verbs)
    for name, words in extra.items():
        for word in words:
            verbs[tuple(lemmatize(t) for t in tokenize(word))] = name
    verbs.pop((), None)
    return replace(table, verbs=verbs)


def _with_frames(frames: tuple, story: Story, source: str) -> tuple:
    known = {f"{f.scheme}/{f.frame}" for f in frames} | {"*"}
    for key in [*story.frames_add, *story.frames_exclude]:
        if key not in known:
            raise InputError(source, f"[frames] no frame {key!r} in the frame dictionaries")
    return extend_frames(frames, terms=story.frames_add, exclude=story.frames_exclude)


def story_resources(story: Story, base: Resources | None = None) -> Resources:
    """Return ``base`` (default: the shipped resources) overlaid with ``story``'s additions.

    See :attr:`Story.resources`. Errors (an unknown verb class or frame) name the story file.
    """
    base = base or default_resources()
    source = str(story.path or "story")
    ids = {a.actor_id for a in story.actors}
    concept_ids = {c.concept_id for c in story.concepts}
    return replace(
        base,
        stopwords=base.stopwords | {normalise(w).lower() for w in story.stopwords},
        phrases=tuple(dict.fromkeys([*base.phrases, *load_phrases_from(story.phrases)])),
        actors=(*(a for a in base.actors if a.actor_id not in ids), *story.actors),
        naming_concepts=(
            *(c for c in base.naming_concepts if c.concept_id not in concept_ids),
            *story.concepts,
        ),
        reporting_verbs=_with_verbs(base.reporting_verbs, story.reporting_verbs, source),
        frames=_with_frames(base.frames, story, source),
        sentiment_exclude=base.sentiment_exclude | frozenset(story.sentiment_exclude),
        sentiment_domain=MappingProxyType({**base.sentiment_domain, **story.sentiment_domain}),
        entity_words=(
            entity_words_table(story.entities, source, base=base.entity_words, prefix="entities.")
            if story.entities
            else base.entity_words
        ),
    )


def load_phrases_from(phrases: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """Multi-word terms as lemma tuples (as :func:`newsframe.text.load_phrases` makes them)."""
    out = (tuple(lemmatize(t) for t in tokenize(p)) for p in phrases)
    return tuple(dict.fromkeys(p for p in out if len(p) > 1))
