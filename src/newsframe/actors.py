"""The actor table (who the articles talk about) and finding actor mentions in text.

Shared by actor-targeted sentiment (:mod:`newsframe.sentiment`) and actor prominence
(:mod:`newsframe.framing`). The table is plain data: ``data/actors.toml``, read by
:func:`load_actors` (:mod:`newsframe.lexicons`, importable from here too).
"""

from __future__ import annotations

import re
from typing import Any

from newsframe.errors import expect_kind
from newsframe.lexicons import Actor, Mention, load_actors
from newsframe.resources import default_resources
from newsframe.text import normalise

__all__ = ["Actor", "AliasOwners", "Mention", "find_mentions", "load_actors"]


class AliasOwners(dict):
    """Alias (normalised, lowercase, single spaces) -> whose alias it is, looked up by the text a
    case-insensitive match found.

    Python's case-insensitive matching equates letters whose lowercase differs ("ſ" and "s",
    final "ς" and "σ", the Kelvin sign and "k"), so a match can lowercase to no key: it is then
    looked up case-folded (:meth:`str.casefold` maps each such pair to one letter).

    >>> owners = AliasOwners({"sam": "s"})
    >>> owners.find("Sam"), owners.find("ſam"), owners.find("Pam")
    ('s', 's', None)
    """

    folded: dict[str, Any] | None = None

    def find(self, matched: str) -> Any:
        """Return the owner of the alias ``matched`` matches, or None."""
        key = " ".join(matched.lower().split())
        if key in self:
            return self[key]
        if self.folded is None:
            self.folded = {}
            for alias, owner in self.items():
                self.folded.setdefault(alias.casefold(), owner)
        return self.folded.get(key.casefold())


def _pattern(actors: tuple[Actor, ...]) -> tuple[re.Pattern[str], AliasOwners]:
    owner = AliasOwners()
    for actor in actors:
        for alias in actor.aliases:
            owner.setdefault(" ".join(normalise(alias).lower().split()), actor.actor_id)
    alternatives = sorted(owner, key=lambda a: (-len(a), a))
    if not alternatives:  # no actors (a story-neutral table): a pattern that never matches
        return re.compile(r"(?!)"), owner
    body = "|".join(re.escape(a) for a in alternatives)
    # a one-character look-ahead lets the scan skip positions no alias can start at
    first = re.escape("".join(sorted({a[0] for a in alternatives if a})))
    ahead = f"(?=[{first}])" if first else ""
    return re.compile(rf"(?<![\w'-]){ahead}(?:{body})(?![\w-])", re.IGNORECASE), owner


def lowercase_pattern(
    alternatives: list[str], *, any_space: bool = False
) -> re.Pattern[str] | None:
    r"""Return a case-sensitive regex that finds, in the LOWERCASED text of an ASCII string, the
    matches a case-insensitive ``(?<![\w'-])(?:a|b|…)(?![\w-])`` finds in the string, or None
    when that cannot hold (an alternative that is not lowercase ASCII, or an empty one).

    ``alternatives`` in the order the alternation tries them (``any_space``: a space in one
    matches any whitespace run, ``\s+``). For ASCII text ``str.lower`` keeps every offset, and
    an ASCII letter matches a lowercase one case-insensitively exactly when it lowercases to it.
    The alternatives are grouped by first character (keeping their order within a group: only
    one group can match at a position), after a look-ahead for those characters, so the scan
    tries a handful of alternatives where the plain alternation tries every one.

    >>> lowercase_pattern(["kuril islands", "kurils", "iturup"]).findall("the kurils, kuril islands")
    ['kurils', 'kuril islands']
    """
    if not alternatives or not all(a and a.isascii() and a == a.lower() for a in alternatives):
        return None
    groups: dict[str, list[str]] = {}
    for a in alternatives:
        rest = re.escape(a[1:])
        groups.setdefault(a[0], []).append(rest.replace(r"\ ", r"\s+") if any_space else rest)
    body = "|".join(f"{re.escape(c)}(?:{'|'.join(rests)})" for c, rests in groups.items())
    first = re.escape("".join(groups))
    return re.compile(rf"(?=[{first}])(?<![\w'-])(?:{body})(?![\w-])")


def short_acronym(alias: str) -> bool:
    """True for an alias of two or three capital letters (dots allowed): "US", "EU", "U.K.".
    Aliases match case-insensitively, but such an alias matches only text in capitals, since in
    lowercase it is mostly another word ("us", "eu-", "uk" is rare but "it" and "us" are not);
    a longer acronym ("NATO") also matches "Nato".

    >>> short_acronym("US"), short_acronym("U.K."), short_acronym("NATO"), short_acronym("Us")
    (True, True, False, False)
    """
    letters = [c for c in alias if c.isalpha()]
    return (
        2 <= len(letters) <= 3
        and all(c.isupper() for c in letters)
        and all(c.isalpha() or c == "." for c in alias)
    )


#: Per actor table: (case-insensitive pattern, alias owner, fast pattern for ASCII text or None,
#: the short acronyms that match only in capitals).
_CACHE: dict[tuple[Actor, ...], tuple] = {}
_LAST: list = [None, None]  # the actor table of the last call and its entry (no tuple hashing)


def _matcher(actors: tuple[Actor, ...]):
    if _LAST[0] is actors:
        return _LAST[1]
    entry = _CACHE.get(actors)
    if entry is None:
        pattern, owner = _pattern(actors)
        fast = lowercase_pattern(sorted(owner, key=lambda a: (-len(a), a))) if owner else None
        capitals = frozenset(
            a.lower() for actor in actors for a in actor.aliases if short_acronym(a)
        )
        entry = _CACHE[actors] = (pattern, owner, fast, capitals)
    _LAST[:] = [actors, entry]
    return entry


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
    expect_kind(text, str, "find_mentions", hint="pass the text of an article")
    if actors is None:
        actors = default_resources().actors
    pattern, owner, fast, capitals = _matcher(actors)
    text = normalise(text)
    if fast is not None and text.isascii():  # the same matches, found faster
        lower = text.lower()
        spans = [m.span() for m in fast.finditer(lower)]
    else:
        lower = None
        spans = [m.span() for m in pattern.finditer(text)]
    out: list[Mention] = []
    for start, end in spans:
        matched = text[start:end]
        actor_id = owner.get(lower[start:end]) if lower is not None else owner.find(matched)
        if actor_id is None:  # pragma: no cover - a match is always some alias's
            continue
        if capitals and matched.lower() in capitals and not matched.isupper():
            continue  # "US" is not "us": a short acronym matches only in capitals
        if out and out[-1].actor_id == actor_id and not text[out[-1].end : start].strip():
            prev = out[-1]
            out[-1] = Mention(actor_id, prev.start, end, text[prev.start : end])
        else:
            out.append(Mention(actor_id, start, end, matched))
    return out
