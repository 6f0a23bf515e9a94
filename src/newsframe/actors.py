"""The actor table (who the articles talk about) and finding actor mentions in text.

Shared by actor-targeted sentiment (:mod:`newsframe.sentiment`) and actor prominence
(:mod:`newsframe.framing`). The table is plain data: ``data/actors.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from newsframe.errors import InputError
from newsframe.resources import read_toml
from newsframe.text import normalise

__all__ = ["Actor", "Mention", "find_mentions", "load_actors"]


@dataclass(frozen=True)
class Actor:
    """One actor: an id, a display name, a kind and the aliases that refer to it."""

    actor_id: str
    name: str
    kind: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Mention:
    """One mention of an actor in a text: character span and the words that matched."""

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


def _pattern(actors: tuple[Actor, ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    owner: dict[str, str] = {}
    for actor in actors:
        for alias in actor.aliases:
            owner.setdefault(normalise(alias).lower(), actor.actor_id)
    alternatives = sorted(owner, key=lambda a: (-len(a), a))
    if not alternatives:  # no actors (a story-neutral table): a pattern that never matches
        return re.compile(r"(?!)"), owner
    body = "|".join(re.escape(a) for a in alternatives)
    # a one-character look-ahead lets the scan skip positions no alias can start at
    first = re.escape("".join(sorted({a[0] for a in alternatives if a})))
    ahead = f"(?=[{first}])" if first else ""
    return re.compile(rf"(?<![\w'-]){ahead}(?:{body})(?![\w-])", re.IGNORECASE), owner


_CACHE: dict[tuple[Actor, ...], tuple[re.Pattern[str], dict[str, str]]] = {}


def find_mentions(text: str, actors: tuple[Actor, ...] | None = None) -> list[Mention]:
    """Return the actor mentions in ``text`` (normalised first), in order of appearance.

    ``actors`` defaults to the shipped table (:func:`newsframe.default_resources`, parsed once);
    :func:`newsframe.analyse` stores every article's mentions in its Document.

    Longest alias wins; adjacent mentions of one actor separated only by spaces merge into one.

    >>> actors = (Actor("putin", "Putin", "person", ("Vladimir Putin", "Russian President")),
    ...           Actor("abe", "Abe", "person", ("Abe",)), Actor("japan", "Japan", "country", ("Tokyo",)))
    >>> [(m.actor_id, m.text) for m in find_mentions("Russian President Vladimir Putin met Abe in Tokyo.", actors)]
    [('putin', 'Russian President Vladimir Putin'), ('abe', 'Abe'), ('japan', 'Tokyo')]
    """
    if actors is None:
        from newsframe.resources import default_resources

        actors = default_resources().actors
    if actors not in _CACHE:
        _CACHE[actors] = _pattern(actors)
    pattern, owner = _CACHE[actors]
    text = normalise(text)
    out: list[Mention] = []
    for match in pattern.finditer(text):
        actor_id = owner[match.group(0).lower()]
        if out and out[-1].actor_id == actor_id and not text[out[-1].end : match.start()].strip():
            prev = out[-1]
            out[-1] = Mention(actor_id, prev.start, match.end(), text[prev.start : match.end()])
        else:
            out.append(Mention(actor_id, match.start(), match.end(), match.group(0)))
    return out
