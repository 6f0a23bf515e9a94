"""Entities linked across a corpus: one canonical name per person, organisation and country.

Each article's entity layer (:mod:`newsframe.entities`) already gives one id per entity within
the article. :func:`link_entities` joins the articles' ids when the corpus leaves no doubt:

- a person named by one word in one article ("Lee", a surname; "Xi", a family name written
  first) is the one person of the corpus whose full name ends (or else begins) with that word;
  two full names with the same first and last word ("Rafael Grossi", "Rafael Mariano Grossi")
  are one person, named by the longer, and so are the first or last words of the one longer
  name that holds them ("Carrie Lam" of "Carrie Lam Cheng Yuet-ngor", "Jaberi Ansari" of
  "Hossein Jaberi Ansari"); two spellings of one full name in different articles, one name
  the same and the other with one letter more, two neighbouring letters swapped or without its
  accents ("Hishammuddin Hussein", "Hishamuddin Hussein"; "Shawn Siu", "Shawn Sui"; "Vučić",
  "Vucic"), or the given name a short form of the other
  ("Jenni", "Jennifer"; any number of forms the entity words list as one name: "Steve",
  "Steven", "Stephen") or another romanisation of a hyphenated given name (the same
  consonants: "Byung-eun", "Byung-eon"), are one person when no third spelling competes,
  named by the spelling more articles use; an initial's full stop does not count ("S.
  Jaishankar", "S Jaishankar");
- an organisation keyed without its wording's order ("Ministry of Foreign Affairs" and "Foreign
  Ministry": *Ministry of X [Affairs]* is *X Ministry*) is one organisation; a body named
  without its country ("Foreign Ministry") is the one national body of that name in the corpus
  ("Foreign Ministry (China)"); a short form ("Ministry of External Affairs") is the one
  longer name that ends with it ("Union Ministry of External Affairs"); an acronym used alone
  ("IAEA") is the organisation another article spells out beside it; three or more capitals
  that no organisation of the corpus defines or abbreviates but that spell one person's
  initials ("PLH": Paul Leclerc-Hardy, each part of a hyphenated name a word) are that
  person;
- a story file's actor (or a discovered actor) is an entity like any other: a person's full
  name among its aliases claims the surname and the forms above, and the entity id is the
  actor id.

Nothing is linked when two candidates fit: a surname shared by two full names stays itself.
The method is cross-document coreference by name match, the "exact and head match" sieves of
Lee et al. 2013 applied to the corpus after the document; it is linear in the number of
entities (one dictionary per key).
"""

from __future__ import annotations

import functools
import re
import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from newsframe.actors import Actor, Mention
from newsframe.corpus import Article
from newsframe.document import HEADLINE, _cached, article_mentions, keep_layer, kept_layer
from newsframe.entities import (
    TITLES,
    Entities,
    EntityMention,
    consonants,
    family_spellings,
    find_entities,
    gazetteer,
    given_name_pairs,
    load_shared_data,
    name_parts,
    one_letter_apart,
    respelt,
)
from newsframe.lexicons import EntityWords, load_entity_words
from newsframe.parallel import map_slices, n_workers
from newsframe.resources import Resources
from newsframe.text import fold_accents, normalise

__all__ = [
    "Links",
    "actor_mentions",
    "article_layer",
    "corpus_links",
    "link_entities",
    "office_of",
    "organisation_key",
]

_WORD = re.compile(r"[^\W\d_][\w'\u2019.-]*")
_MINISTRY = re.compile(r"^((?:[\w.]+ ){0,2}?)ministry of (?:the )?(.+?)(?: affairs)?$")
_PERSON_KINDS = frozenset(["person", ""])


@dataclass(frozen=True)
class Links:
    """Corpus ids: ``canonical`` maps an article's entity id to the corpus id, ``single`` a
    one-word name (lowercase) to the one person of the corpus it names, ``names`` a corpus id
    to its display name (an actor's name, else the id)."""

    canonical: Mapping[str, str] = field(default_factory=dict)
    single: Mapping[str, str] = field(default_factory=dict)
    names: Mapping[str, str] = field(default_factory=dict)
    organisations: Mapping[str, str] = field(default_factory=dict)
    offices: Mapping[tuple[str, str], str] = field(default_factory=dict)
    role_heads: frozenset[str] = frozenset()

    def __call__(self, entity_id: str) -> str:
        """The corpus id of ``entity_id`` (an entity id, a one-word name as written that no
        layer resolved, such as a surname opening a sentence, an organisation's name in
        another wording: :func:`organisation_key`, or a country's office holder described
        without a name: :func:`office_of`); else ``entity_id`` itself."""
        hit = self.canonical.get(entity_id)
        if hit is None and " " not in entity_id and entity_id[:1].isupper():
            hit = self.single.get(entity_id.lower())
            hit = self.single.get(respelt(entity_id)) if hit is None else hit
        if hit is None and entity_id[:1].isupper() and self.organisations:
            hit = self.organisations.get(organisation_key(entity_id))
        if hit is None and self.offices and " " in entity_id:
            office = office_of(entity_id, heads=self.role_heads)
            hit = self.offices.get(office) if office is not None else None
        return entity_id if hit is None else hit

    def name(self, corpus_id: str) -> str:
        """The display name of ``corpus_id``."""
        return self.names.get(corpus_id, corpus_id)


@functools.lru_cache(maxsize=1 << 16)
def organisation_key(name: str) -> str:
    """The key under which two wordings of one organisation meet: lowercase, without "the",
    *Ministry of X [Affairs]* and *X [Affairs] Ministry* as *X ministry*, a country in parentheses kept (memoised: every
    table that links an article's mentions asks again for the same names).

    >>> organisation_key("the Ministry of Foreign Affairs (China)"), organisation_key("Foreign Ministry (China)")
    ('foreign ministry (china)', 'foreign ministry (china)')
    >>> organisation_key("Ministry of Defence"), organisation_key("External Affairs Ministry")
    ('defence ministry', 'external ministry')
    """
    text = normalise(name).lower().strip()
    country = ""
    if text.endswith(")") and " (" in text:
        text, country = text.rsplit(" (", 1)
        country = f" ({country}"
    if text.startswith("the "):
        text = text[4:]
    m = _MINISTRY.match(text)
    if m:
        text = f"{m.group(1)}{m.group(2)} ministry"
    elif text.endswith(" affairs ministry"):  # "External Affairs Ministry", as its *of* form
        text = f"{text.removesuffix(' affairs ministry')} ministry"
    return text + country


def _initials(key: str) -> str:
    """The initials of an organisation's key without its country and small words
    ("international atomic energy agency" -> "iaea")."""
    words = key.rsplit(" (", 1)[0].split() if key.endswith(")") else key.split()
    return "".join(w[0] for w in words if w not in ("of", "for", "the", "and", "on", "to"))


def person_initials(name: str) -> str:
    """The initials of a person's name, each part of a hyphenated name its own word, titles
    left out: the capitals a person is known by.

    >>> person_initials("Paul Leclerc-Hardy"), person_initials("President Ana M. Ruiz")
    ('PLH', 'AMR')
    """
    return "".join(p[0] for w in _name_words(name) for p in w.split("-") if p).upper()


def _initialism(entity_id: str, index: _Index) -> bool:
    """True when ``entity_id`` is three or more capitals that some person's initials spell
    and that no organisation of the corpus defines or abbreviates ("PLH"; never "IAEA")."""
    return (
        len(entity_id) > 2
        and entity_id.isupper()
        and entity_id.isalpha()
        and entity_id in index.initials
        and entity_id not in index.acronyms
        and entity_id + "\0" not in index.acronyms
    )


def _name_words(form: str) -> list[str]:
    """The words of a person's name without the titles before it ("Prime Minister Fumio
    Kishida" -> ["Fumio", "Kishida"]) and without a middle initial's full stop."""
    words = [w for w in _WORD.findall(normalise(form)) if w[:1].isupper()]
    while words and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
    return [w[:-1] if len(w) == 2 and w.endswith(".") else w for w in words]  # "S." is "S"


def _people(
    layers: list[Entities], actors: tuple[Actor, ...], actor_ids: frozenset[str]
) -> dict[tuple[str, str], str]:
    """(first, last) name, lowercase -> corpus id of the person: an actor's id when one of its
    full-name aliases has that first and last name, else the longest full name (ties: the
    alphabetically first); then one id for the names made of the same parts in another order
    (:func:`_one_order`)."""
    out: dict[tuple[str, str], str] = {}
    parts: dict[tuple[str, str], tuple[str, ...]] = {}  # (first, last) -> the name's parts
    hyphenated: set[tuple[str, str]] = set()  # names with a hyphenated given name
    for actor in actors:
        if actor.kind not in _PERSON_KINDS:
            continue
        for alias in actor.aliases:
            words = _name_words(alias)
            if len(words) > 1:
                key = (words[0].lower(), words[-1].lower())
                out.setdefault(key, actor.actor_id)
                parts.setdefault(key, name_parts(words))
    best: dict[tuple[str, str], str] = {}
    uses: dict[str, int] = {}
    for layer in layers:
        for e in layer.entities.values():
            if e.kind != "person" or e.entity_id in actor_ids:
                continue
            words = _name_words(e.name)
            if len(words) < 2:
                continue
            key = (words[0].lower(), words[-1].lower())
            if key not in parts:
                parts[key] = name_parts(words)
            if any("-" in w for w in words):
                hyphenated.add(key)
            uses[e.name] = uses.get(e.name, 0) + 1
            had = best.get(key)
            if had is None or (len(e.name.split()), len(e.name), had) > (
                len(had.split()),
                len(had),
                e.name,
            ):
                best[key] = e.name
    for key, name in best.items():
        out.setdefault(key, name)
    return _one_order(out, parts, actor_ids, uses, frozenset(hyphenated))


def _one_order(
    people: dict[tuple[str, str], str],
    parts: Mapping[tuple[str, str], tuple[str, ...]],
    actor_ids: frozenset[str],
    uses: Mapping[str, int],
    hyphenated: frozenset[tuple[str, str]] = frozenset(),
) -> dict[tuple[str, str], str]:
    """``people`` with one corpus id for the names made of the same parts in another order
    (:func:`newsframe.entities.name_parts`: "Son Heung-min" in one article, "Heung-min Son" in
    another), or of the same consonants as a name with a hyphenated given name (``hyphenated``;
    :func:`_sounds`): the one actor among them, else the name more articles use (then the longer,
    then the alphabetically last, as :func:`_spelt_full`); two actors of one key are left apart. One dictionary per
    key: linear in the corpus's names."""
    # another romanisation of a name written with a hyphenated given name ("Yoon Seok-yeol",
    # "Yoon Suk Yeol"): one key by their consonants (:func:`_sounds`)
    sounded = {_sounds(parts[k]) for k in people if parts.get(k) and k in hyphenated}
    group = {k: _sounds(p) if _sounds(p) in sounded else p for k, p in parts.items()}
    by_parts: dict[tuple[str, ...], set[str]] = {}
    for key, corpus_id in people.items():
        if parts.get(key):
            by_parts.setdefault(group[key], set()).add(corpus_id)
    chosen: dict[tuple[str, ...], str] = {}
    for key, ids in by_parts.items():
        if len(ids) < 2:
            continue
        actors = sorted(ids & actor_ids)
        if len(actors) > 1:
            continue  # two actors whose names hold the same parts: not ours to join
        rank = {i: (uses.get(i, 0), len(i), i) for i in ids}  # as :func:`_spelt_full`
        chosen[key] = actors[0] if actors else max(ids, key=rank.__getitem__)
    if not chosen:
        return people
    return {k: chosen.get(group.get(k, ()), v) for k, v in people.items()}


def _sounds(parts: tuple[str, ...]) -> tuple[str, ...]:
    """The key of a name's parts under which two romanisations of one East Asian name meet
    (used when one of them has a hyphenated given name): for a name of three parts or more (a family name and a two-syllable given name, "Yoon
    Suk-yeol"), each part's consonants (:func:`newsframe.entities.consonants`: "Yoon
    Seok-yeol" and "Yoon Suk Yeol", "Lee Jae-yong" and "Lee Jae Young"; never "Kim Jong-un"
    and "Kim Jong-il"); the parts themselves for a shorter name ("Jon Smith", "Jan Smith"
    stay two).

    >>> _sounds(("seok", "yeol", "yoon")) == _sounds(("suk", "yeol", "yoon"))
    True
    >>> _sounds(("jong", "kim", "un")) == _sounds(("il", "jong", "kim")), _sounds(("jon", "smith"))
    (False, ('jon', 'smith'))
    """
    if len(parts) < 3:
        return parts
    return ("", *sorted(consonants(p) for p in parts))


def _one(candidates: set[str] | None) -> str | None:
    return next(iter(candidates)) if candidates is not None and len(candidates) == 1 else None


@dataclass
class _Index:
    """What the corpus says about names: people by (first, last) name, by last and by first
    name and by the last words of a longer name; actors by alias; organisations by key, by key
    without country and by acronym."""

    people: dict[tuple[str, str], str]
    by_last: dict[str, set[str]] = field(default_factory=dict)
    by_first: dict[str, set[str]] = field(default_factory=dict)
    tails: dict[tuple[str, ...], set[str]] = field(default_factory=dict)
    alias_owner: dict[str, set[str]] = field(default_factory=dict)
    org_id: dict[str, str] = field(default_factory=dict)
    national: dict[str, set[str]] = field(default_factory=dict)
    acronyms: dict[str, set[str]] = field(default_factory=dict)
    org_tails: dict[str, set[str]] = field(default_factory=dict)  # an org key's last words
    spelt: dict[str, set[str]] = field(default_factory=dict)  # a name less one letter -> it
    respelt_last: dict[str, set[str]] = field(default_factory=dict)  # last names by respelt()
    respelt_first: dict[str, set[str]] = field(default_factory=dict)  # first names so
    uses: dict[str, int] = field(default_factory=dict)  # full name -> articles that use it
    initials: dict[str, set[str]] = field(default_factory=dict)  # "PLH" -> its full names
    words: EntityWords = field(default_factory=load_entity_words)  # nicknames, spellings


#: Names of more words than this get no tails (their last words alone are not linked to them);
#: words longer than MAX_SPELT letters are not matched one letter apart.
MAX_NAME_WORDS = 12
MAX_SPELT = 40
#: More people than this sharing a first or last name are not compared pair by pair for
#: spelling variants (5,000 people named Smith: no quadratic pass).
MAX_SHARING = 200


def _index(
    layers: list[Entities],
    actors: tuple[Actor, ...],
    actor_ids: frozenset[str],
    words: EntityWords | None = None,
) -> _Index:
    index = _Index(_people(layers, actors, actor_ids), words=words or load_entity_words())
    for (first, last), corpus_id in index.people.items():
        index.by_last.setdefault(last, set()).add(corpus_id)
        index.by_first.setdefault(first, set()).add(corpus_id)
        index.respelt_last.setdefault(respelt(last), set()).add(corpus_id)
        index.respelt_first.setdefault(respelt(first), set()).add(corpus_id)
    for name in (*index.by_last, *index.by_first):
        for k in range(len(name) if len(name) <= MAX_SPELT else 0):  # no name of 1,000 letters
            less = name[:k] + name[k + 1 :]
            if less in index.spelt:
                index.spelt[less].add(name)
            else:
                index.spelt[less] = {name}
    for actor in actors:
        for alias in actor.aliases:
            index.alias_owner.setdefault(normalise(alias).lower(), set()).add(actor.actor_id)
    organisations: dict[str, dict[str, int]] = {}  # key -> form -> articles using it
    for layer in layers:
        for e in layer.entities.values():
            if e.entity_id in actor_ids:
                continue
            if e.kind == "person":
                letters = person_initials(e.name)
                if len(letters) > 2:
                    index.initials.setdefault(letters, set()).add(e.name)
                words = [w.lower() for w in _name_words(e.name)]
                # the articles using a name count for the person of its first and last name
                # ("Robert Kellerman" for "Robert P. Kellerman")
                if len(words) > 1:  # full names only: "Hale" never names "Ann Hale"
                    user = index.people.get((words[0], words[-1]), e.name)
                    index.uses[user] = index.uses.get(user, 0) + 1
                long = not 2 < len(words) <= MAX_NAME_WORDS  # tails of a run of 10,000 words
                owner = None if long else index.people.get((words[0], words[-1]))
                for k in range(1, len(words) - 1) if owner else ():
                    index.tails.setdefault(tuple(words[k:]), set()).add(owner)
                    index.tails.setdefault(tuple(words[: k + 1]), set()).add(owner)
            if e.kind != "organisation":
                continue
            key = organisation_key(e.entity_id)
            forms = organisations.setdefault(key, {})
            forms[e.entity_id] = forms.get(e.entity_id, 0) + 1
            for alias in e.aliases:
                if alias.isupper() and " " not in alias and alias != e.entity_id:
                    index.acronyms.setdefault(alias, set()).add(key)
    for key, forms in organisations.items():
        index.org_id[key] = max(forms, key=lambda f: (forms[f], len(f), f))
        words = key.split() if not key.endswith(")") else []
        words = words if len(words) <= MAX_NAME_WORDS else []  # nothing quadratic in a name
        for k in range(1, len(words) - 1):  # "external ministry" of "union external ministry"
            index.org_tails.setdefault(" ".join(words[k:]), set()).add(key)
        letters = _initials(key)  # an acronym never defined in the text: the name it abbreviates
        if len(letters) > 2:
            index.acronyms.setdefault(letters.upper() + "\0", set()).add(key)
        if key.endswith(")") and " (" in key:
            index.national.setdefault(key.rsplit(" (", 1)[0], set()).add(key)
    return index


def link_entities(
    layers: Iterable[Entities],
    actors: tuple[Actor, ...] = (),
    *,
    words: EntityWords | None = None,
) -> Links:
    """Return the corpus ids of the entities of ``layers`` (one entity layer per article, built
    with the actor table ``actors``), with the nicknames and family-name spellings of ``words``
    (None: the shipped entity words). Method in the module docstring.

    >>> from newsframe.entities import find_entities
    >>> a = find_entities(["Governor Ann Lee met China's Ministry of Foreign Affairs. Xi Jinping spoke."])
    >>> b = find_entities(["Later Lee saw the Chinese Foreign Ministry and Xi."])
    >>> links = link_entities([a, b])
    >>> links("Lee"), links("Xi"), links("Foreign Ministry (China)")
    ('Ann Lee', 'Xi Jinping', 'Ministry of Foreign Affairs (China)')
    """
    layers = list(layers)
    actor_ids = frozenset(a.actor_id for a in actors)
    index = _index(layers, actors, actor_ids, words)
    canonical: dict[str, str] = {}
    targets: dict[tuple[str, str, str], str | None] = {}  # one look-up per entity id, kind, name
    for layer in layers:
        for entity_id, e in layer.entities.items():
            if entity_id in actor_ids or entity_id in canonical:
                continue
            if e.kind in ("country", "place"):
                canonical[entity_id] = entity_id  # never a person's first or last name
                continue
            seen = (entity_id, e.kind, e.name)  # all that _target reads of the entity
            if seen not in targets:
                targets[seen] = _target(e, index)
            target = targets[seen]
            if target is not None and target != entity_id:
                canonical[entity_id] = target
    canonical = _closed(canonical, layers, index, actor_ids)

    def one(ids: Iterable[str]) -> str | None:  # the one person the full names linked are
        found = {canonical.get(i, i) for i in ids}
        return next(iter(found)) if len(found) == 1 else None

    for layer in layers:  # "PLH" for the one person (once linked) whose initials those are
        for entity_id in layer.entities:
            if (
                entity_id not in canonical
                and _initialism(entity_id, index)
                and (hit := one(index.initials[entity_id])) is not None
            ):
                canonical[entity_id] = hit
    for layer in layers:  # "Blatter" once "Joseph Blatter" and "Sepp Blatter" are one person
        for entity_id, e in layer.entities.items():
            word = entity_id.lower()
            if (
                entity_id not in canonical
                and e.kind in _PERSON_KINDS
                and " " not in entity_id
                and len(index.by_last.get(word, ())) > 1
                and (hit := one(index.by_last[word])) is not None
            ):
                canonical[entity_id] = hit
    single = {
        w: hit
        for w, ids in index.by_last.items()
        if (hit := one(ids)) is not None and _names(w, hit, actor_ids, index.words)
    }
    for word, ids in index.by_first.items():
        if (
            word not in index.by_last
            and (hit := one(ids)) is not None
            and _names(word, hit, actor_ids, index.words)
        ):
            single[word] = hit
    for word, corpus_id in list(single.items()):  # "Yun" alone for the one "Yoon ..."
        for other in family_spellings(word, words=index.words):
            if other not in index.by_last and other not in index.by_first:
                single.setdefault(other, corpus_id)
    spelt: dict[str, set[str]] = {}  # "Freddy" alone for the one "Freddie ..." (:func:`respelt`)
    for word, corpus_id in single.items():
        spelt.setdefault(respelt(word), set()).add(corpus_id)
    for key, ids in spelt.items():
        if len(ids) == 1 and key not in index.by_last and key not in index.by_first:
            single.setdefault(key, next(iter(ids)))
    names = {a.actor_id: a.name for a in actors}
    offices = _offices(layers, canonical, index)
    return Links(canonical, single, names, index.org_id, offices, index.words.role_heads)


def _offices(
    layers: list[Entities], canonical: Mapping[str, str], index: _Index
) -> dict[tuple[str, str], str]:
    """(country, office) -> the one person of the corpus who holds that country's office
    (:func:`office_of` of each person's role, the persons once linked: "Iranian Foreign
    Minister Dariush Farahani" in one article holds ("Iran", "foreign minister")); an office two
    people hold is left out. One dictionary per office: linear in the corpus's entities."""
    holders: dict[tuple[str, str], set[str]] = {}
    for layer in layers:
        for entity_id, e in layer.entities.items():
            if e.kind == "person" and e.role:
                office = office_of(e.role, heads=index.words.role_heads)
                if office is not None:
                    holders.setdefault(office, set()).add(canonical.get(entity_id, entity_id))
    return {k: next(iter(ids)) for k, ids in holders.items() if len(ids) == 1}


_COUNTRY_WORDS = 3  # a country's name before an office has at most this many words


@functools.lru_cache(maxsize=1 << 14)
def office_of(description: str, *, heads: frozenset[str] = frozenset()) -> tuple[str, str] | None:
    """(country, office) of a description of a country's office holder without a name: a
    country in the possessive or a country's name or demonym, then the office, whose last word
    is a role head (``heads``; empty: the shipped entity words') ("Iran's foreign minister",
    "the Iranian foreign minister", a role "iranian foreign minister": ("Iran", "foreign
    minister")); None for any other words, an indefinite description among them ("an Iranian
    official" is someone else) or an office without a country ("the judge": the story may
    have several). A speaker described so in one article and named with that role in another
    is one person when the story has one holder of that office: the cross-document link of a
    definite description to the one compatible named entity (the "relaxed head match" of Lee
    et al. 2013 with the country as the modifier that must agree).

    >>> office_of("Iran's foreign minister"), office_of("the Iranian Foreign Minister")
    (('Iran', 'foreign minister'), ('Iran', 'foreign minister'))
    >>> office_of("an Iranian official"), office_of("the judge"), office_of("Iran's nuclear deal")
    (None, None, None)
    """
    words = normalise(description).split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if len(words) < 2 or words[0].lower() in ("a", "an", "one", "another"):
        return None
    places = gazetteer()
    country = None
    for n in range(min(_COUNTRY_WORDS, len(words) - 1), 0, -1):
        owner = " ".join(words[:n])
        owner = owner[:-2] if owner.endswith(("'s", "’s")) else owner
        country = places.get(owner) or places.get(owner.title())
        if country is not None:
            words = words[n:]
            break
    office = [w.lower() for w in words]
    if country is None or not office:
        return None
    heads = heads or load_entity_words().role_heads
    if office[-1] not in heads or not all(w.isalpha() for w in office):
        return None
    return country, " ".join(office)


def _names(
    word: str, corpus_id: str, actor_ids: frozenset[str], words: EntityWords | None = None
) -> bool:
    """True when the one-word name ``word`` (lowercase) is a first or last word of the name
    ``corpus_id`` gives its cluster, or that word spelt another way (:func:`respelt`; a Korean
    family name's other romanisation, :func:`family_spellings` of ``words``), or initials
    (:func:`person_initials`), or ``corpus_id`` is an actor: "Awards", the last word of a form
    taken for a name ("Chris Stone Awards") once linked to "Chris Stone", names nobody alone.

    >>> _names("awards", "Chris Stone", frozenset()), _names("tanny", "Brian Tannie", frozenset())
    (False, True)
    """
    if corpus_id in actor_ids or word.upper() == person_initials(corpus_id):
        return True
    ends = [w.lower() for w in _name_words(corpus_id)]
    ends = [ends[0], ends[-1]] if ends else []
    forms = {word, respelt(word), *family_spellings(word, words=words)}
    return any(e in forms or respelt(e) in forms for e in ends)


def _closed(
    canonical: dict[str, str],
    layers: list[Entities],
    index: _Index,
    actor_ids: frozenset[str],
) -> dict[str, str]:
    """``canonical`` (an article entity id -> the corpus id :func:`_target` chose) closed under
    its own links, so that one person is one id however many steps join the names ("Robert
    Kellerman" is the one "Robert P. Kellerman", who is "Bob Kellerman": all three one id),
    and with the names an article's layer already found to be one person ("Marian Toller", an
    alias of the article's "Dunmore Marian Toller") joined to the person the corpus knows by
    that name. The clusters of a union-find forest (Tarjan 1975), each link attaching the
    cluster of the name to the cluster of the id it links to (an actor's cluster is never
    attached to a name's, two actors' never joined); the entity-level clusters of Lee et al.
    2013, where a decision about one name holds for every name already linked to it. Linear in
    the corpus's entities and aliases.

    >>> a, b, c = (find_entities([t]) for t in ("Robert Kellerman spoke.",
    ...     "Robert P. Kellerman spoke.", "Bob Kellerman spoke. Bob Kellerman left."))
    >>> links = link_entities([a, b, c, find_entities(["Bob Kellerman agreed."])])
    >>> {links(n) for n in ("Robert Kellerman", "Robert P. Kellerman", "Bob Kellerman")}
    {'Robert P. Kellerman'}
    """
    forest = _Forest(actor_ids, index.uses)
    for entity_id, target in canonical.items():
        forest.join(entity_id, target)
    for layer in layers:
        for entity_id, e in layer.entities.items():
            if e.kind != "person" or entity_id in actor_ids:
                continue
            own = [w.lower() for w in _name_words(e.name)]
            for alias in e.aliases:
                words = [w.lower() for w in _name_words(alias)]
                if len(words) < 2 or not own or (words[0], words[-1]) == (own[0], own[-1]):
                    continue
                other = index.people.get((words[0], words[-1]))
                if other is not None and _inside(words, own):
                    forest.join(entity_id, other)
            if len(own) == 2 and (inside := _one(index.tails.get(tuple(own)))) is not None:
                # "Marian Toller" is inside the one "Dunmore Marian Toller" and has the first
                # and last name of "Marian J. Toller": all one person, named by the more used
                other = index.people.get((own[0], own[-1]))
                if other is not None and other != inside:
                    forest.join(inside, other)
    out = dict(canonical)
    for name in list(forest.parent):
        root = forest.find(name)
        if (  # one word for a person: only a word of the name the cluster goes by
            root != name
            and " " not in name
            and root in index.uses
            and not _names(name.lower(), root, actor_ids, index.words)
        ):
            out.pop(name, None)
            continue
        if root != name:
            out[name] = root
        elif out.get(name, name) != name:  # the name its cluster is now named by
            del out[name]
    return out


def _inside(words: list[str], name: list[str]) -> bool:
    """True when ``words`` come in ``name`` in the same order, others allowed between them
    ("marilyn mosby" in "baltimore marilyn j. mosby"): a shorter form of the same name.

    >>> _inside(["marilyn", "mosby"], ["baltimore", "marilyn", "mosby"]), _inside(["tom", "lee"], ["ann", "lee"])
    (True, False)
    """
    rest = iter(name)
    return all(w in rest for w in words)


class _Forest:
    """A union-find forest of corpus ids (path halving): :meth:`join` attaches the cluster of
    a name to the cluster of the id it is linked to (never an actor's cluster to a name's, nor
    two actors' clusters together), or, when both are people's full names (``uses``: the
    articles using each), the cluster of the name fewer articles use (then of fewer words,
    shorter, alphabetically first) to the other's; :meth:`find` is the id that names a
    cluster."""

    def __init__(self, actor_ids: frozenset[str], uses: Mapping[str, int]) -> None:
        self.parent: dict[str, str] = {}
        self.actor_ids = actor_ids
        self.uses = uses

    def find(self, name: str) -> str:
        parent = self.parent
        parent.setdefault(name, name)
        while parent[name] != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name

    def join(self, name: str, target: str) -> None:
        a, b = self.find(name), self.find(target)
        if a == b:
            return
        if a in self.actor_ids and b in self.actor_ids:
            return  # two actors: not ours to join
        if a in self.actor_ids:
            a, b = b, a
        elif b not in self.actor_ids and a in self.uses and b in self.uses:
            a, b = sorted((a, b), key=lambda n: (self.uses[n], len(n.split()), len(n), n))
        self.parent[a] = b


def _target(e, index: _Index) -> str | None:
    """The corpus id of one article entity ``e``, or None to keep its own."""
    owner = _one(index.alias_owner.get(e.entity_id.lower()))
    if owner is not None:
        return owner
    if e.kind == "organisation" or (e.entity_id.isupper() and " " not in e.entity_id):
        key = organisation_key(e.entity_id)
        acronyms = index.acronyms
        defined = acronyms.get(e.entity_id) or acronyms.get(e.entity_id + "\0")
        if key not in index.org_id or (e.entity_id.isupper() and defined):
            key = next(iter(defined)) if defined and len(defined) == 1 else key
        if not key.endswith(")"):
            owners = index.national.get(key)
            key = next(iter(owners)) if owners and len(owners) == 1 else key
        longer = index.org_tails.get(key)  # a short form of the one longer name that ends so
        key = next(iter(longer)) if longer and len(longer) == 1 else key
        return index.org_id.get(key)
    if e.kind not in _PERSON_KINDS:
        return None
    words = [w.lower() for w in _name_words(e.name)]
    if len(words) > 1:  # "Jaberi Ansari" of the one "Hossein Jaberi Ansari", "Carrie Lam"
        own = _one(index.tails.get(tuple(words))) or index.people.get((words[0], words[-1]))
        return _spelt_full(own, words[0], words[-1], index) if own == e.name else own
    if len(words) == 1:
        word = words[0]
        alone = _one(index.by_last.get(word))
        if alone is None and word not in index.by_last and word not in index.by_first:
            return _spelt(word, index)
        return alone or (None if word in index.by_last else _one(index.by_first.get(word)))
    return None


def _spelt_full(own: str, first: str, last: str, index: _Index) -> str:
    """The corpus id of the full name ``own`` (first and last name ``first``, ``last``) when
    one other person of the corpus has the same name spelt another way -- one of the two names
    with one letter more or less (:func:`newsframe.entities.one_letter_apart`: "Hishammuddin
    Hussein", "Hishamuddin Hussein") or written without its accents ("Vučić", "Vucic"), the
    other the same, or both names so spelt with the same last name's :func:`respelt` key
    ("Dianne Bennet", "Diane Bennett"): the spelling more articles use (then the longer, then
    the first in alphabetical order) names both. Two such people, or none: ``own``. Linear in
    the names sharing a first or last name (or its spelling key)."""
    by_last, by_first = index.by_last.get(last, ()), index.by_first.get(first, ())
    by_last, by_first = (g if len(g) <= MAX_SHARING else () for g in (by_last, by_first))
    nicknames = index.words.nicknames
    others = {p for p in by_last if p != own and _alike(p, first, 0, nicknames)}
    others |= {p for p in by_first if p != own and _alike(p, last, -1, nicknames)}
    respelt_last = index.respelt_last.get(respelt(last), ())  # both names spelt another way
    others |= {
        p
        for p in (respelt_last if len(respelt_last) <= MAX_SHARING else ())
        if p != own and _alike(p, first, 0, nicknames) and _alike(p, last, -1, nicknames)
    }
    if len(others) != 1 and not _forms_of_one_name(own, others, nicknames):
        return own
    rank = {n: (index.uses.get(n, 0), len(n), n) for n in (own, *others)}
    return max(rank, key=rank.__getitem__)


def _forms_of_one_name(own: str, others: set[str], nicknames: Mapping[str, str]) -> bool:
    """True when ``own`` and two or more ``others`` have one family name and given names that
    the entity words list as forms of one name ("Steve", "Steven", "Stephen" Lee): one person
    however many forms the corpus uses, where two guessed spellings of one name would compete.

    >>> nicknames = load_entity_words().nicknames
    >>> _forms_of_one_name("Steve Lee", {"Steven Lee", "Stephen Lee"}, nicknames)
    True
    >>> _forms_of_one_name("Damian Lee", {"Damien Lee", "Damion Lee"}, nicknames)
    False
    """
    names = [[w.lower() for w in _name_words(n)] for n in (own, *others)]
    if len(names) < 3 or any(len(w) < 2 for w in names):
        return False
    full = {nicknames.get(w[0]) for w in names}
    return len({w[-1] for w in names}) == 1 and len(full) == 1 and None not in full


def _alike(corpus_id: str, word: str, at: int, nicknames: Mapping[str, str]) -> bool:
    """True when the name word at position ``at`` of ``corpus_id`` is ``word`` spelt another
    way: one letter more or less, one vowel inside it changed (:func:`_vowel_apart`), the same
    without accents, a short form of four letters or more ("Jenni" of "Jennifer"), another
    romanisation of a hyphenated given name, the same consonants up to voicing
    (:func:`_voiceless`: "Byung-eun", "Byung-eon"; "Mong-gyu", "Mong-kyu"), the same key of
    English spelling variants (:func:`newsframe.entities.respelt`: "Bennett", "Bennet";
    "Freddie", "Freddy"), or a given name and its usual short form (``nicknames``, the entity
    words' given name -> full form: "Sepp", "Joseph"; or a row of ``data/given_names.csv``:
    "Rod", "Rodney"; first names only).

    >>> nicknames = load_entity_words().nicknames
    >>> _alike("Joseph Blatter", "Sepp", 0, nicknames), _alike("Joseph Blatter", "Sepp", -1, nicknames)
    (True, False)
    """
    words = _name_words(corpus_id)
    if not words:
        return False
    mine = words[at].lower()
    if mine == word.lower():
        return False
    a, b = fold_accents(mine), fold_accents(word.lower())
    short, long = sorted((a, b), key=len)
    return (
        a == b
        or one_letter_apart(a, b)
        or _vowel_apart(a, b)  # "Damian", "Damien"
        or _swapped(a, b)  # "Siu", "Sui"
        or respelt(a) == respelt(b)  # "Bennett", "Bennet"; "Freddie", "Freddy"
        or (len(short) >= 4 and long.startswith(short))  # "Jenni", "Jennifer"
        or ("-" in a and "-" in b and _voiceless(a) == _voiceless(b))  # "Byung-eun", "-eon"
        or (at == 0 and nicknames.get(a) == nicknames.get(b, ""))  # "Sepp", "Joseph"
        or (at == 0 and ((a, b) in given_name_pairs() or (b, a) in given_name_pairs()))
    )


_VOICED = str.maketrans("kpt", "gbd")  # "Mong-kyu", "Mong-gyu": two romanisations of one sound


def _voiceless(given: str) -> str:
    """The consonants of a hyphenated given name with k, p, t written g, b, d: two
    romanisations of one Korean given name differ in vowels or in these pairs ("Mong-gyu",
    "Mong-kyu"; :func:`newsframe.entities.consonants`)."""
    return consonants(given).translate(_VOICED)


def _vowel_apart(a: str, b: str) -> bool:
    """True when two words of at least five letters differ in one vowel inside the word, for
    another vowel ("damian", "damien"): a spelling variant of one name. A first or last letter
    changed is another name ("maria", "mario"; "andrea", "andrew").

    >>> _vowel_apart("damian", "damien"), _vowel_apart("maria", "mario")
    (True, False)
    """
    if len(a) != len(b) or len(a) < 5:
        return False
    apart = [k for k in range(len(a)) if a[k] != b[k]]
    if len(apart) != 1 or apart[0] in (0, len(a) - 1):
        return False
    return a[apart[0]] in "aeiouy" and b[apart[0]] in "aeiouy"


def _swapped(a: str, b: str) -> bool:
    """True when two words of at least three letters are one with two neighbouring letters
    swapped, the first letter kept ("siu", "sui"; "mizuhara", "mizhuara"): a typing slip in
    one spelling of a name, whose other name is the same.

    >>> _swapped("siu", "sui"), _swapped("siu", "isu"), _swapped("lee", "lee")
    (True, False, False)
    """
    if len(a) != len(b) or len(a) < 3 or a[0] != b[0]:
        return False
    apart = [k for k in range(len(a)) if a[k] != b[k]]
    return (
        len(apart) == 2
        and apart[1] == apart[0] + 1
        and a[apart[0]] == b[apart[1]]
        and (a[apart[1]] == b[apart[0]])
    )


def _spelt(word: str, index: _Index) -> str | None:
    """The one person of the corpus whose last name (else first name) is ``word`` with one
    letter more or less, else another English spelling of it (:func:`respelt`: "Freddy",
    "Freddie"), or another romanisation of a Korean family name ("Yun", "Yoon";
    :func:`newsframe.entities.family_spellings`) ("Hishamuddin", "Hishammuddin";
    :func:`newsframe.entities.one_letter_apart`), or None. By look-ups of the names less one
    letter: linear in the corpus's names."""
    names = set(index.spelt.get(word, ()))
    names.update(word[:k] + word[k + 1 :] for k in range(len(word)))
    names = {n for n in names if one_letter_apart(n, word)}
    names.update(family_spellings(word, words=index.words))  # "Yun", "Yoon"
    for by in (index.by_last, index.by_first):
        ids = {corpus_id for n in names for corpus_id in by.get(n, ())}
        if ids:
            return next(iter(ids)) if len(ids) == 1 else None
    for by in (index.respelt_last, index.respelt_first):  # "Freddy" of the one "Freddie ..."
        ids = by.get(respelt(word))
        if ids:
            return next(iter(ids)) if len(ids) == 1 else None
    return None


def article_layer(
    article: Article,
    resources: Resources,
    actors: tuple[Actor, ...],
    organisation_nouns: frozenset[str],
    *,
    mentions: tuple[tuple[int, Mention], ...] | None = None,
) -> Entities:
    """The entity layer of ``article`` (:meth:`newsframe.Document.entities`): from its analysed
    document when one is cached under ``resources``, else the one kept on the article
    (:func:`newsframe.document.keep_layer`), else built from its text alone (the same layer,
    without analysing the article: a corpus too large to keep its documents still links).
    ``mentions``: the article's actor mentions if already found
    (:func:`newsframe.document.article_mentions`), so the text is not searched for them again.

    >>> from newsframe import Article, default_resources
    >>> layer = article_layer(Article("a", "", ("Ann Lee spoke.",)), default_resources(), (), frozenset())
    >>> list(layer.entities)
    ['Ann Lee']
    """
    doc = _cached(article, resources)
    if doc is not None:
        return doc.entities(actors, organisation_nouns=organisation_nouns)
    kept = kept_layer(article, resources, actors, frozenset(organisation_nouns))
    if kept is not None:
        return kept
    texts = (article.clean_title, *article.clean_paragraphs)
    if mentions is None:
        mentions = article_mentions(article, resources)
    return find_entities(
        texts,
        ids=range(HEADLINE, len(texts) - 1),
        mentions=mentions,
        actors=actors,
        organisation_nouns=organisation_nouns,
        words=resources.entity_words,
    )


def corpus_links(
    articles: Iterable[Article],
    *,
    resources: Resources,
    actors: tuple[Actor, ...],
    organisation_nouns: frozenset[str],
    n_jobs: int | None = 1,
    keep: bool = True,
) -> Links:
    """Return :func:`link_entities` over the entity layers of ``articles``
    (:func:`article_layer`): the links every actor measure of these articles shares.

    With ``n_jobs`` > 1 the layers are built in forked workers over slices of the corpus
    (:func:`newsframe.parallel.map_slices`; each layer depends on its article alone, so the
    links are the same) and kept on the articles' cached documents, or on the articles until
    their documents are built (:func:`newsframe.document.keep_layer`; in this process or in
    workers forked from it), so the measures that read them later do not build them again;
    ``keep=False`` keeps none and holds only each layer's entities until the links are made
    (a corpus linked whole but analysed chunk by chunk, whose layers would not fit in memory at
    once: 100,000 articles' mentions take about 2 GB).

    >>> from newsframe import Article, default_resources
    >>> arts = [Article("a", "", ("Ann Lee spoke.",)), Article("b", "", ("Lee left.",))]
    >>> corpus_links(arts, resources=default_resources(), actors=(),
    ...              organisation_nouns=frozenset())("Lee")
    'Ann Lee'
    """
    articles = list(articles)
    nouns = frozenset(organisation_nouns)
    if keep and (hit := _linked_before(articles, resources, actors, nouns)) is not None:
        return hit  # attributions, then share of voice, of the same articles: linked once
    if n_workers(n_jobs, len(articles), min_items=64) > 1:
        # read here before the workers fork: they, and the per-article tables' workers forked
        # after them, inherit the tables instead of each reading its own
        load_shared_data(resources.entity_words)
    build = functools.partial(_layers, resources=resources, actors=actors, nouns=nouns)
    if not keep:  # only the entities reach the links: the mentions are not held for the corpus
        build = functools.partial(_entities_only, build=build)
    layers = [
        layer for part in map_slices(build, articles, n_jobs=n_jobs, min_items=64) for layer in part
    ]
    if keep:
        for article, layer in zip(articles, layers, strict=True):
            keep_layer(article, resources, actors, nouns, layer)
    links = link_entities(layers, actors, words=resources.entity_words)
    if keep:
        _LAST[:] = [
            ([weakref.ref(a) for a in articles], weakref.ref(resources), actors, nouns, links)
        ]
    return links


#: The links :func:`corpus_links` made last (with ``keep``) and what they were made of: weak
#: references to the articles and the resources, the actor table and the organisation nouns.
_LAST: list[tuple] = []


def _linked_before(
    articles: list[Article], resources: Resources, actors: tuple[Actor, ...], nouns: frozenset[str]
) -> Links | None:
    """The links :func:`corpus_links` made last, when they were made of these very articles
    (the same objects, in the same order) under the same resources (the same object), actor
    table and organisation nouns: the layers, and so the links, would be the same; else None."""
    if not _LAST:
        return None
    refs, resources_ref, last_actors, last_nouns, links = _LAST[0]
    if (
        resources_ref() is not resources
        or len(refs) != len(articles)
        or last_nouns != nouns
        or (last_actors is not actors and last_actors != actors)
    ):
        return None
    return links if all(ref() is a for ref, a in zip(refs, articles, strict=True)) else None


def _entities_only(articles: list[Article], *, build) -> list[Entities]:
    """The layers ``build`` makes for a slice of articles, each cut to its entities (all that
    :func:`link_entities` reads), so a whole corpus's layers need not fit in memory at once."""
    return [Entities(entities=layer.entities) for layer in build(articles)]


def _layers(
    articles: list[Article],
    *,
    resources: Resources,
    actors: tuple[Actor, ...],
    nouns: frozenset[str],
) -> list[Entities]:
    """The entity layers of a slice of articles (:func:`article_layer`), in order."""
    return [article_layer(a, resources, actors, nouns) for a in articles]


def actor_mentions(layer: Entities, links: Links, actor_ids: frozenset[str]) -> list[EntityMention]:
    """The mentions of an article's entity layer whose entity is an actor once linked across
    the corpus (an alias of the actor, and any name the layer or the corpus resolves to it:
    "Ms Lee", or "Lee" for the actor whose alias is "Ann Lee"), in reading order, each keyed by
    the actor id: what actor prominence and sentiment near actors count.

    >>> from newsframe import Actor
    >>> lee = (Actor("lee", "Lee", "person", ("Ann Lee",)),)
    >>> layer = find_entities(["Lee spoke.", "Ms Lee left."], actors=lee)
    >>> [(m.text, m.entity_id) for m in actor_mentions(layer, link_entities([layer], lee), frozenset(["lee"]))]
    [('Lee', 'lee'), ('Lee', 'lee')]
    """
    out = []
    found = sorted((*layer.mentions, *layer.unresolved), key=lambda m: (m.paragraph_id, m.start))
    for m in found:
        actor_id = links(m.entity_id)
        if actor_id in actor_ids:
            if actor_id != m.entity_id:
                m = EntityMention(m.paragraph_id, m.start, m.end, m.text, actor_id)
            out.append(m)
    return out
