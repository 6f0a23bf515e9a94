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

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from newsframe.actors import Actor
from newsframe.errors import InputError
from newsframe.framing.naming import Concept, Variant
from newsframe.resources import read_toml

__all__ = ["ACTOR_KINDS", "Story", "load_story"]

#: The kinds an actor may have in a story file ("state" is read as "country").
ACTOR_KINDS = ("person", "organisation", "country", "group", "place")
_KIND_ALIASES = {"state": "country", "organization": "organisation", "org": "organisation"}
_SECTIONS = {"story", "actor", "concept", "reporting_verbs", "terms", "frames", "sentiment"}


@dataclass(frozen=True)
class Story:
    """One story's configuration, read from a story file by :func:`load_story`.

    ``concepts`` and ``actors`` are the story's naming concepts and actors; ``reporting_verbs``
    maps a verb class (``neutral``, ``evaluative``, ``directive``) to extra verbs;
    ``frames_add`` / ``frames_exclude`` map ``"scheme.frame"`` to dictionary terms to add or
    remove; ``sentiment_exclude`` lists words that are topic, not sentiment, in this story;
    ``group`` is the manifest column that groups the articles and ``compare`` the two groups (or
    article ids) that pairwise figures compare.
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
    group: str | None = None
    compare: tuple[str, ...] = ()

    @property
    def concept(self) -> str | None:
        """The id of the story's first naming concept (the one the naming figure draws), or None."""
        return self.concepts[0].concept_id if self.concepts else None

    def __hash__(self) -> int:
        return hash((self.name, self.path, self.concepts, self.actors, self.phrases))


def _strings(value: Any, where: str, source: str) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise InputError(source, f"{where} must be a list of strings, got {value!r}")
    bad = [v for v in value if not isinstance(v, str) or not v.strip()]
    if bad:
        raise InputError(source, f"{where} must hold non-empty strings, got {bad[0]!r}")
    return tuple(v.strip() for v in value)


def _table(data: Mapping[str, Any], key: str, source: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise InputError(source, f"[{key}] must be a table, got {value!r}")
    return value


def _actors(data: Mapping[str, Any], source: str) -> tuple[Actor, ...]:
    out = []
    for key, spec in _table(data, "actor", source).items():
        if not isinstance(spec, dict):
            raise InputError(source, f"[actor.{key}] must be a table")
        kind = str(spec.get("kind", "")).strip().lower()
        kind = _KIND_ALIASES.get(kind, kind)
        if kind not in ACTOR_KINDS:
            raise InputError(
                source,
                f"[actor.{key}] kind {spec.get('kind')!r}: use one of {', '.join(ACTOR_KINDS)}",
            )
        aliases = _strings(spec.get("aliases"), f"[actor.{key}] aliases", source)
        if not aliases:
            raise InputError(source, f"[actor.{key}] needs at least one alias")
        out.append(Actor(key, str(spec.get("name", key)), kind, aliases))
    return tuple(out)


def _concepts(data: Mapping[str, Any], source: str) -> tuple[Concept, ...]:
    out = []
    for key, spec in _table(data, "concept", source).items():
        variants = spec.get("variant") if isinstance(spec, dict) else None
        if not isinstance(variants, list) or not variants:
            raise InputError(source, f"[concept.{key}] needs [[concept.{key}.variant]] tables")
        parsed = []
        for n, v in enumerate(variants, start=1):
            if not isinstance(v, dict) or not str(v.get("name", "")).strip():
                raise InputError(source, f"[concept.{key}] variant {n} needs a name")
            where = f"[concept.{key}] variant {v['name']!r} aliases"
            aliases = _strings(v.get("aliases", [v["name"]]), where, source)
            parsed.append(Variant(str(v["name"]), str(v.get("usage", "")), aliases))
        out.append(Concept(key, str(spec.get("description", "")), tuple(parsed)))
    return tuple(out)


def _frame_changes(data: Mapping[str, Any], source: str) -> tuple[dict, dict]:
    add: dict[str, tuple[str, ...]] = {}
    exclude: dict[str, tuple[str, ...]] = {}
    for scheme, frames in _table(data, "frames", source).items():
        if not isinstance(frames, dict):
            raise InputError(
                source, f"[frames.{scheme}] must hold [frames.{scheme}.<frame>] tables"
            )
        for frame, spec in frames.items():
            where = f"[frames.{scheme}.{frame}]"
            if not isinstance(spec, dict) or set(spec) - {"add", "exclude"}:
                raise InputError(source, f"{where} takes only `add` and `exclude` lists")
            if "add" in spec:
                add[f"{scheme}.{frame}"] = _strings(spec["add"], f"{where} add", source)
            if "exclude" in spec:
                exclude[f"{scheme}.{frame}"] = _strings(spec["exclude"], f"{where} exclude", source)
    return add, exclude


def load_story(path: str | Path) -> Story:
    """Return the :class:`Story` in the TOML story file at ``path``.

    Sections (all optional; the bundled ``data/story.toml`` documents each at its top):
    ``[story]`` (``name``, ``description``, ``group`` column, ``compare`` = two groups or article
    ids), ``[actor.<id>]`` (``name``, ``kind`` — person, organisation, country, group or place —
    and ``aliases``, as in ``actors.toml``), ``[concept.<id>]`` with ``[[concept.<id>.variant]]``
    (as in ``naming_concepts.toml``), ``[reporting_verbs]`` (class = extra verbs),
    ``[terms]`` (``phrases``, ``stopwords``), ``[frames.<scheme>.<frame>]`` (``add``,
    ``exclude``) and ``[sentiment]`` (``exclude``: words that are topic, not sentiment).
    Errors name the file and the section.

    >>> import tempfile, os
    >>> text = '[story]\\nname = "x"\\ngroup = "outlet"\\n[actor.kim]\\nkind = "person"\\naliases = ["Kim"]\\n'
    >>> with tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False) as f:
    ...     _ = f.write(text)
    >>> s = load_story(f.name); os.unlink(f.name)
    >>> s.name, s.group, [(a.actor_id, a.kind, a.aliases) for a in s.actors]
    ('x', 'outlet', [('kim', 'person', ('Kim',))])
    """
    path = Path(path)
    if path.is_dir():
        raise InputError(path, "is a folder; pass the story file (e.g. story.toml)")
    if not path.exists():
        raise InputError(path, "story file not found")
    data, source = read_toml(path, "")
    unknown = sorted(set(data) - _SECTIONS)
    if unknown:
        raise InputError(
            source, f"unknown section [{unknown[0]}]; sections are {', '.join(sorted(_SECTIONS))}"
        )
    head = _table(data, "story", source)
    compare = _strings(head.get("compare", []), "[story] compare", source)
    if compare and len(compare) != 2:
        raise InputError(
            source, f"[story] compare needs exactly two groups or articles, got {compare}"
        )
    verbs = {
        name: _strings(v, f"[reporting_verbs] {name}", source)
        for name, v in _table(data, "reporting_verbs", source).items()
    }
    terms = _table(data, "terms", source)
    add, exclude = _frame_changes(data, source)
    sentiment = _table(data, "sentiment", source)
    return Story(
        name=str(head.get("name", path.stem)),
        description=str(head.get("description", "")),
        path=path,
        concepts=_concepts(data, source),
        actors=_actors(data, source),
        reporting_verbs=MappingProxyType(verbs),
        phrases=_strings(terms.get("phrases", []), "[terms] phrases", source),
        stopwords=_strings(terms.get("stopwords", []), "[terms] stopwords", source),
        frames_add=MappingProxyType(add),
        frames_exclude=MappingProxyType(exclude),
        sentiment_exclude=tuple(
            w.lower() for w in _strings(sentiment.get("exclude", []), "[sentiment] exclude", source)
        ),
        group=str(head["group"]) if head.get("group") else None,
        compare=compare,
    )
