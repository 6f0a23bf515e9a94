"""The entity layer of one article: who is who, whatever the words that name them.

Every capitalised name of an article (people, organisations, countries) and every actor mention
of the story file is resolved to one entity of the article with one canonical name:

- people: titles and roles before a name are stripped into ``role`` ("Senior Deputy Minister
  Ann Lee" is Ann Lee, role "senior deputy minister"); a full name and the surname alone are one
  entity, in either name order ("Xi Jinping" and "Xi", "Moon Jae-in" and "Moon": a single name
  links to the one person whose first or last name it is, else the one person whose long name
  holds it inside: "Teh" of "Hisyam Teh Poh Teik"); a capitalised particle opens a family name
  ("De Gregorio" is Walter De Gregorio); a demonym before a name is a role ("Vietnamese Doan
  Thi Huong"), a country after a preposition is the country ("to India Kenneth Juster"); a
  title without a name ("French President", "External Affairs Minister", "IHC CJ": title
  abbreviations stand for their words, :data:`TITLE_ABBREVIATIONS`) is no person, and as a
  speaker names the one person of the article holding that role; a Korean family name in
  another romanisation ("Yun" for "Yoon") names the one person of that family name; the
  canonical name is the longest form without titles;
- organisations (a name that holds an organisation noun of the speaker table: "Ministry of
  Foreign Affairs", "International Committee of the Red Cross") with the acronym the text
  defines for them ("the Agency for Coastal Safety (ACS)": "ACS" is the agency), and the
  government bodies written in lowercase with their portfolio or their country ("the justice
  ministry", "China's foreign ministry"), which "the ministry" later refers back to; a name
  joined by "&" ("Alvarez & Marsal"), by a comma before a legal form ("Acme, Inc.") or in a
  list that "&" closes, or a ministry's list of portfolios ("Ministry of Culture, Sports and
  Tourism") is one name, and so is a name with a role's or people's possessive inside it before
  its organisation noun ("Santa Fe County Sheriff's Office", "Women's Tennis Association"); the
  noun before "of" heads a name whatever places follow ("Port Authority of New York and New
  Jersey" is an organisation, "Port of Avon" a place); an organisation's name before a
  person's title is a mention of that organisation too ("Memphis Police Chief Ann Lee", never
  a government body's: "Foreign Ministry Spokesperson"); a sentence opened by the first word
  alone of one organisation of the article names it ("Alaska said" after "Alaska Airlines",
  never a public body's); where a name is based is no part of it ("Oslo-based Norvik Energy" is
  Norvik Energy);
- buildings and venues by their last word (the entity words' ``venue_heads``: "Harbour City
  Hall", "Kestrel Arena"), kind ``place``, titles inside them included: never a person, and
  their last word no surname; only a known given name before that word, two words in all
  (:func:`given_names`: "Daniel Park"), is a person, and the word alone after a personal title
  a surname ("Mayor Park");
- events, laws and agreements by their head noun (:data:`EVENT_HEADS`: "Asian Cup", "Paris
  Olympics"), kind ``event``: no speaker and no actor;
- countries, their capitals and demonyms used for their governments ("Beijing", "Chinese"),
  from the gazetteer of the ``countryinfo`` package (data shipped with it; nothing is
  downloaded); the canonical name is the country's. A country's government ("the Chinese
  government", "the Government of Japan") is the country, with the role "government" (one
  voice; "the government" later refers to it); its ministries and embassies are bodies of
  their own ("Foreign Ministry (China)"). Words in capitals that open a paragraph
  before a comma or a dash are a dateline, a place ("LOS ANGELES (AP) --"), and capitals
  after a time are a time zone ("1 p.m. PT"): no organisation;
- the story file's actors (and actors found by discovery, which are actors of the same kind):
  the entity id is the actor id and the canonical name the actor's name; a name that an actor
  mention covers is that actor.

Names are found by one scan over the tokens of each paragraph (runs of capitalised words, "of",
"for" and "the" allowed inside, "of the" only inside an organisation's name; a closed-class
word that opens a sentence, "Throughout", "Following", is no given name), so the layer is
built in time linear in the text. The entity
id is the canonical name (or the actor id), so the same person is the same id in every article
of a corpus. Method in the spirit of rule-based name coreference (Lee et al. 2013, the Stanford
sieve: exact match, then head/surname match within the document), without a parser.
"""

from __future__ import annotations

import csv
import functools
import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from countryinfo import all_countries
from wordfreq import zipf_frequency

from newsframe import name_genders
from newsframe.datafiles import read_csv_rows
from newsframe.errors import InputError
from newsframe.kinds import kind_features, load_kind_model
from newsframe.lexicons import EntityWords, load_entity_words
from newsframe.text import fold_accents, lemmatize, normalise

if TYPE_CHECKING:  # the actor types are read, never built, here: no import of the actor table
    from newsframe.actors import Actor, Mention

__all__ = [
    "EVENT_HEADS",
    "SENTENCE_OPENERS",
    "TITLES",
    "TITLE_ABBREVIATIONS",
    "Entities",
    "Entity",
    "EntityMention",
    "consonants",
    "family_spellings",
    "find_entities",
    "gazetteer",
    "given_genders",
    "given_name_pairs",
    "given_names",
    "government_of",
    "kind_rows",
    "name_parts",
    "one_letter_apart",
    "opening_gerund",
    "provinces",
    "respelt",
]

#: The shipped entity words (``data/entity_words.toml``): a layer reads those of its resources
#: (:attr:`newsframe.Resources.entity_words`, which a story file extends).
_SHIPPED = load_entity_words()
#: Words before a name that are titles or roles, never part of the name (shipped list).
TITLES = _SHIPPED.titles
#: Titles written as abbreviations, and the role words they stand for: "IHC CJ" is the chief
#: justice of the article ("Chief Justice Aamer Farooq"), "Huawei CFO" a chief financial officer
#: (shipped list).
TITLE_ABBREVIATIONS = _SHIPPED.title_abbreviations
#: The head nouns of the names of events, laws and agreements ("Liberation Day", "Asian Cup",
#: "Paris Olympics", "Denmark Open", "Official Secrets Act"): a name of two words or more
#: that ends with one is an ``event``, no speaker and no actor (shipped list).
EVENT_HEADS = _SHIPPED.event_heads
# fmt: off
_TITLE_ONLY = frozenset(["mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame"])
# words that are never the first word of a name (capitalised only because a sentence opens)
_OPENERS = frozenset(
    ["the", "a", "an", "but", "and", "or", "in", "on", "at", "after", "before", "as", "when",
     "while", "if", "for", "with", "by", "from", "to", "this", "that", "these", "those", "it",
     "he", "she", "they", "we", "i", "you", "his", "her", "their", "its", "our", "there",
     "here", "also", "meanwhile", "however", "earlier", "later", "last", "during", "since",
     "according", "despite", "although", "though", "because", "so", "yet", "still", "then",
     "now", "today", "yesterday", "some", "many", "most", "all", "both", "one", "two",
     "three", "several", "no", "not", "what", "which", "who", "where", "why", "how", "asked",
     "under", "over", "about", "into", "without", "against", "between", "among", "amid",
     "read", "watch", "see", "more", "related", "photo", "video", "image", "click",
     # closed-class words that open a sentence and never a name ("Throughout Hayward's tenure")
     "throughout", "following", "within", "upon", "unlike", "beyond", "across", "behind",
     "besides", "until", "unless", "whether", "instead", "indeed", "nevertheless", "moreover",
     "furthermore", "thus", "hence", "once", "even", "just", "only", "perhaps", "separately",
     "additionally", "finally", "overall", "otherwise", "regarding", "concerning", "including",
     "whereas", "every", "each", "any", "another", "such", "whose", "my", "your", "me", "him",
     "them", "toward", "towards", "amongst", "via", "per"]
)
#: Closed-class words that open a sentence and never a name ("Throughout Hayward's tenure").
SENTENCE_OPENERS = _OPENERS
_CALENDAR = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
     "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
     "oct", "nov", "dec"]
)
# pronouns that, capitalised inside a sentence, open the title of a work ("the Everybody Hates
# Chris star", "in Nobody Knows Me"): the run names no person or organisation
_TITLE_OPENERS = frozenset(
    ["everybody", "everyone", "nobody", "someone", "somebody", "anybody", "anyone", "everything",
     "nothing", "something", "you", "we", "they", "my", "your", "our", "their"]
)
# fmt: on
_SKIP_FIRST = _OPENERS | _CALENDAR | _TITLE_OPENERS


class _Vocab(NamedTuple):
    """The entity words one layer reads (:class:`~newsframe.lexicons.EntityWords`), with the
    sets made from them once: ``orgs`` (the organisation nouns and the speaker table's),
    ``not_name`` (calendar words and titles: never a name alone) and ``portfolios`` (words
    before a government body noun: titles and portfolio words)."""

    words: EntityWords
    orgs: frozenset[str]
    not_name: frozenset[str]
    portfolios: frozenset[str]


_VOCABS: dict[tuple[int, frozenset[str]], _Vocab] = {}


def _vocab(words: EntityWords | None = None, nouns: Iterable[str] = ()) -> _Vocab:
    """The :class:`_Vocab` of ``words`` (None: the shipped ones) and the extra organisation
    ``nouns``, made once per pair (kept by identity, as the resources keep ``words``)."""
    words = words if words is not None else _SHIPPED
    nouns = frozenset(nouns)
    key = (id(words), nouns)
    hit = _VOCABS.get(key)
    if hit is not None and hit.words is words:
        return hit
    if len(_VOCABS) >= 32:  # a few word lists per process: drop the oldest
        del _VOCABS[next(iter(_VOCABS))]
    hit = _VOCABS[key] = _Vocab(
        words,
        nouns | words.organisation_nouns,
        _CALENDAR | words.titles,
        words.titles | words.portfolios,
    )
    return hit


# words a speaker's span may open with that belong to no name ("And Zakharova"); never a
# possessive ("His lawyer" is no lawyer of the article's)
_LEADING = frozenset(["the", "a", "an", "and", "but", "or", "so", "then", "also", "meanwhile",
                      "however", "yet", "still", "now", "later", "earlier"])  # fmt: skip
_WEEKDAYS = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
)  # fmt: skip (never the end of a name; "May" can be)
_ENDS = frozenset(".!?\"'\u201d:;")  # what may end the sentence before an opening capital
_INSIDE = frozenset(["of", "for", "the", "and", "de", "al", "bin", "van", "von", "du", "da"])
_PARTICLES = frozenset(
    ["de", "al", "bin", "van", "von", "du", "da", "di", "del", "der", "la", "le"]
)
# inside an organisation's name, never a person's
_JOINERS = frozenset(["of", "for", "the", "and", "&"])


def _connector_first(name: list[str]) -> bool:
    """True for a name that opens with a connector ("of", "and"), or with a particle in
    lowercase; a capitalised particle before a capitalised word opens a family name ("De
    Gregorio", "Van Gaal").

    >>> _connector_first(["De", "Gregorio"]), _connector_first(["de", "Gregorio"]), _connector_first(["Of", "Gregorio"])
    (False, True, True)
    """
    first = name[0]
    if first.lower() not in _INSIDE and first.lower() not in _PARTICLES:
        return False
    return not (first.lower() in _PARTICLES and first[:1].isupper() and len(name) > 1)


_TOKEN = re.compile(r"[^\W\d_][\w'\u2019.&-]*|[()]|[^\w\s]")  # words, parentheses, marks
_CODES = {"US": "United States", "U.S.": "United States", "USA": "United States",
          "UK": "United Kingdom", "UAE": "United Arab Emirates", "DPRK": "North Korea",
          "ROK": "South Korea", "PRC": "China"}  # fmt: skip


@dataclass(frozen=True)
class Entity:
    """One person, organisation or country of an article: ``entity_id`` (the canonical name,
    or the actor id), canonical ``name``, ``kind`` (``person``, ``organisation``, ``country``,
    or the actor's kind; empty for a single name of unknown kind), the ``role`` given before
    the name, if any, and every form the article used (``aliases``)."""

    entity_id: str
    name: str
    kind: str
    role: str = ""
    aliases: tuple[str, ...] = ()


class EntityMention(NamedTuple):
    """One mention: paragraph (-1: the headline), character span, the words, the entity.

    A named tuple, not a frozen dataclass: a layer makes and keeps about sixty per article,
    and a named tuple is made without five ``object.__setattr__`` calls and held without an
    instance dictionary (the same fields, repr, equality and hash)."""

    paragraph_id: int
    start: int
    end: int
    text: str
    entity_id: str


@dataclass
class Entities:
    """The entity layer of one article: entities by id, mentions in reading order, and
    :meth:`resolve` for a name as written elsewhere (a speaker). ``unresolved``: the single
    capitalised words opening a sentence that the article never names in full ("Lee said"),
    as mentions with the word as entity id, for the corpus to link
    (:func:`newsframe.linking.link_entities`)."""

    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[EntityMention] = field(default_factory=list)
    unresolved: list[EntityMention] = field(default_factory=list)
    _alias: dict[str, str] = field(default_factory=dict)  # lowercase form -> entity id
    _single: dict[str, set[str]] = field(default_factory=dict)  # first/last name -> people
    _v: _Vocab = field(default_factory=lambda: _vocab())  # the entity words it was built with
    # the first and last names of the story's people (:func:`_actor_index`): one index per
    # actor table, shared by every layer and never copied into one
    _actors: _ActorIndex = field(default_factory=lambda: _NO_ACTORS)

    @property
    def words(self) -> EntityWords:
        """The entity words (titles, organisation nouns, nicknames ...) the layer was built with."""
        return self._v.words

    @property
    def _orgs(self) -> frozenset[str]:
        """The words that make a name an organisation's, for this layer."""
        return self._v.orgs

    def _people(self, name: str) -> set[str] | frozenset[str]:
        """The people whose first or last name is ``name`` (lowercase): the article's and the
        story's actors'."""
        own = self._single.get(name)
        shared = self._actors.names.get(name)
        if shared is None:
            return own if own is not None else frozenset()
        return shared if own is None else own | shared

    def resolve(self, name: str) -> str | None:
        """The id of the entity that ``name`` (as written, titles allowed) refers to, or None.

        >>> layer = find_entities(["Foreign Minister Wang Yi met Xi Jinping.", "Xi spoke."])
        >>> layer.resolve("Xi"), layer.resolve("Chinese Foreign Minister Wang Yi")
        ('Xi Jinping', 'Wang Yi')
        >>> layer.resolve("Teenager Xi"), layer.resolve("a spokesman for the foreign minister")
        ('Xi Jinping', None)
        """
        v = self._v
        words = _words(_without_nicknames(normalise(name)))
        while len(words) > 1 and words[0].lower() in _LEADING:  # "the", "And Zakharova"
            words = words[1:]
        written, words = words, _strip_titles(words, v)[1]
        if not words:
            return None
        national = _national(words, v)
        national = government_of(national) or national  # "the Chinese government": China
        if national is not None:  # "Chinese embassy": the article's "Embassy (China)"
            hit = self._alias.get(national.lower())
            same = (k for k in self.entities if k.lower() == national.lower())
            return hit if hit is not None else next(same, national)
        key = " ".join(words).lower()
        hit = self._alias.get(key)
        if hit is not None:
            return hit
        if len(words) > 1 and _role_noun(words[0], v):
            # "Teenager Okonkwo" (a title-case headline): a person noun before a name is a
            # role, when the words as written name no one
            return self.resolve(" ".join(words[1:]))
        if words[-1].lower().rstrip(".") in v.words.role_heads:  # a title without a name
            if any(w in ("for", "to", "of") for w in written[1:-1]):
                return None  # "a spokesman for the prime minister": someone else's role
            return None if written[0].lower() in _OPENERS else self._holder(written)
        if len(words) == 1:
            return _single_name(self, words[0])
        people = self._people(words[-1].lower())
        full = [p for p in people if self.entities[p].name.lower().endswith(key)]
        if len(full) == 1:
            return full[0]
        return self._after_place(words) if not full else None

    def _holder(self, words: list[str]) -> str | None:
        """The one person of the article whose role ends a title written without a name
        ("French President", "External Affairs Minister", "Senate Majority Leader"): the person
        whose role holds the title's last word, and, among several, its other words; or None.
        """
        title = [w.lower().rstrip(".") for w in words]
        short = self._v.words.title_abbreviations
        last = {title[-1], _expanded(title[-1], short)[-1]}  # "CJ": "cj" or "justice"
        own = role_qualifiers(title)  # "Deputy Prime Minister": the deputy's office
        people = [
            e
            for e in self.entities.values()
            if e.kind == "person"
            and last & _roles(e, short)
            and role_qualifiers(e.role.split()) <= own
        ]
        if len(people) > 1:
            people = [
                e
                for e in people
                if all(
                    w in _roles(e, short) or set(_expanded(w, short)) <= _roles(e, short)
                    for w in title
                )
            ]
        return people[0].entity_id if len(people) == 1 else None

    def _after_place(self, words: list[str]) -> str | None:
        """The person named after a country or a demonym that qualifies them ("Vietnamese Doan
        Thi Huong", "India Kenneth Juster" cut from "... to India Kenneth Juster"): the person
        of the name's other words, or None."""
        places = gazetteer()
        for n in (2, 1):
            if len(words) > n + 1 and " ".join(words[:n]) in places:
                hit = self.resolve(" ".join(words[n:]))
                entity = self.entities.get(hit) if hit is not None else None
                return hit if entity is not None and entity.kind == "person" else None
        return None

    def antecedent(
        self,
        head: str,
        paragraph_id: int,
        kinds: frozenset[str],
        *,
        qualifiers: frozenset[str] = frozenset(),
    ) -> str | None:
        """The entity a description ("the spokesperson", "the ministry") refers to: the last
        one mentioned up to paragraph ``paragraph_id`` whose role or name holds ``head``, of one
        of ``kinds``; None when there is none. A role that holds the head only under a
        qualifier the description does not have (``qualifiers``: "deputy prime minister",
        "former president" for "the prime minister", "the president") is another office
        (:func:`holds_office`).

        >>> layer = find_entities(["Ministry spokesperson Mao Ning spoke.", "Kim Lee left."])
        >>> layer.antecedent("spokesperson", 1, frozenset(["person"]))
        'Mao Ning'
        >>> layer = find_entities(["Prime Minister Ann Lee wrote to deputy prime minister Tom Reed."])
        >>> layer.antecedent("minister", 0, frozenset(["person"]))
        'Ann Lee'
        >>> layer.antecedent("minister", 0, frozenset(["person"]), qualifiers=frozenset(["deputy"]))
        'Tom Reed'
        """
        cache = self.__dict__.setdefault("_heads", {})
        hits = cache.get((head, kinds, qualifiers))
        if hits is None:
            hits = []
            for m in self.mentions:
                e = self.entities.get(m.entity_id)
                if (
                    e is not None
                    and e.kind in kinds
                    and (
                        holds_office(e.role.split(), head, qualifiers)
                        or head in e.name.lower().split()
                    )
                ):
                    hits.append((m.paragraph_id, m.entity_id))
            cache[head, kinds, qualifiers] = hits
        k = bisect_right(hits, (paragraph_id, "\uffff"))
        return hits[k - 1][1] if k else None


#: Words before an office in a role that make it another office ("deputy prime minister",
#: "vice president", "former president", "ex-minister", "shadow chancellor"): such a role
#: holds "the prime minister" or "the president" only for a description with the same word.
ROLE_QUALIFIERS = frozenset(["deputy", "vice", "former", "ex", "assistant", "shadow", "junior",
                             "under", "associate"])  # fmt: skip


def role_qualifiers(words: Iterable[str]) -> frozenset[str]:
    """The qualifiers (:data:`ROLE_QUALIFIERS`) among lowercase role words, a prefix with a
    hyphen included ("ex-home" holds "ex", "vice-president" holds "vice").

    >>> sorted(role_qualifiers(["the", "ex-home", "secretary"]))
    ['ex']
    """
    out = set()
    for w in words:
        for part in w.split("-")[:-1] if "-" in w else (w,):
            if part in ROLE_QUALIFIERS:
                out.add(part)
    return frozenset(out)


def holds_office(role: list[str], head: str, qualifiers: frozenset[str] = frozenset()) -> bool:
    """True when the lowercase role words ``role`` hold the office ``head`` itself: the head
    among them (a hyphenated word's last part too: "vice-president"), and no qualifier
    (:data:`ROLE_QUALIFIERS`) before it that a description's own ``qualifiers`` lack ("the
    prime minister" is not the deputy prime minister, "the former minister" is the former
    one).

    >>> holds_office(["prime", "minister"], "minister")
    True
    >>> holds_office(["former", "deputy", "prime", "minister"], "minister")
    False
    >>> holds_office(["former", "deputy", "prime", "minister"], "minister",
    ...              frozenset(["former", "deputy"]))
    True
    >>> holds_office(["deputy", "prime", "minister"], "deputy")
    True
    """
    parts = [w.rsplit("-", 1)[-1] for w in role]
    if head not in role and head not in parts:
        return False
    at = max(k for k, w in enumerate(role) if w == head or parts[k] == head)
    before = role[:at] + ([role[at].rsplit("-", 1)[0] + "-"] if "-" in role[at] else [])
    return role_qualifiers(before) <= qualifiers


def _roles(entity: Entity, short: Mapping[str, str]) -> set[str]:
    """The role words of an entity with the words its title abbreviations (``short``) stand
    for ("ihc cj" -> {"ihc", "cj", "chief", "justice"})."""
    words = entity.role.split()
    return {*words, *(x for w in words for x in _expanded(w, short))}


def _expanded(word: str, short: Mapping[str, str]) -> list[str]:
    """The role words a title abbreviation stands for (``short``, as :data:`TITLE_ABBREVIATIONS`:
    "cj" -> ["chief", "justice"]), else [word]."""
    full = short.get(word)
    return full.split() if full is not None else [word]


_POSSESSIVE = ("'s", "\u2019s")


def _possessor(text: str, start: int, places: Mapping[str, str]) -> list[str]:
    """The country whose possessive comes right before ``start`` ("Russia's Foreign
    Ministry", "South Korea's Foreign Ministry"), as its words (["Russia's"]), or []."""
    before = text[max(start - 40, 0) : start].split()[-2:]
    if not before or not before[-1].endswith(_POSSESSIVE):
        return []
    if len(before) == 2 and f"{before[0]} {before[1][:-2]}" in places:
        return before  # "South Korea's"
    return before[-1:] if before[-1][:-2] in places else []


def _national(words: list[str], v: _Vocab) -> str | None:
    """The canonical name of a government body named after its country, by a possessive or a
    demonym, or after its name: "Russia's Foreign Ministry", "Russian Foreign Ministry" ->
    "Foreign Ministry (Russia)", "Ministry of Foreign Affairs Iran" -> "Ministry of Foreign
    Affairs (Iran)"; else None ("Tokyo Electric Power Co." keeps its name)."""
    government = v.words.government_nouns
    if len(words) < 2 or words[-1].lower().rstrip(".") in v.words.person_roles:
        return None  # a person's role ("Iran's Foreign Ministry Spokesperson"), not the body
    last = gazetteer().get(words[-1])
    if last is not None and words[-1] not in _demonyms() and len(words) > 2:
        # the country after the body's name: "Ministry of Foreign Affairs Iran", "Embassy of
        # Japan"
        body = words[:-2] if words[-2] == "of" else words[:-1]
        if any(w.lower() in government for w in body):
            return f"{' '.join(body)} ({last})"
    if not any(w.lower() in government for w in words[1:]):
        return None
    for n in (2, 1) if len(words) > 2 else (1,):  # "Saudi Arabian", "South Korea's"
        possessive = words[n - 1].endswith(_POSSESSIVE)
        first = " ".join([*words[: n - 1], words[n - 1][:-2] if possessive else words[n - 1]])
        country = gazetteer().get(first)
        if country is not None and (possessive or first in _demonyms() or first in _CODES):
            body = words[n:]
            if any(w.lower() in government for w in body):
                return f"{' '.join(body)} ({country})"
    return None


def government_of(national: str | None) -> str | None:
    """The country whose government a body named after its country is ("Government (China)",
    from "the Chinese government", "China's government", "the Government of China"), or None
    for any other body ("Foreign Ministry (China)" stays the ministry) or no body. A country's
    government speaks as the country: "Beijing said", "China said" and "the Chinese government
    said" are one voice, the entity of kind ``country``.

    >>> government_of("Government (China)"), government_of("government (China)")
    ('China', 'China')
    >>> government_of("Foreign Ministry (China)") is None
    True
    """
    if national is None or not national.lower().startswith(_GOVERNMENT_OF):
        return None
    return national[len(_GOVERNMENT_OF) : -1]


_GOVERNMENT_OF = "government ("


@functools.lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    """The demonyms of the gazetteer ("Russian", "South Korean")."""
    return _countries()[1]


def _words(text: str) -> list[str]:
    return [w for w in _TOKEN.findall(text) if w[:1].isalpha()]


def _strip_titles(words: list[str], v: _Vocab) -> tuple[list[str], list[str]]:
    """(role words, name words): the titles and roles before a name, then the name ("Senior
    Deputy Minister Ann Lee" -> (["Senior", "Deputy", "Minister"], ["Ann", "Lee"]); "Foreign
    Ministry Spokesperson Wang Wenbin" -> role "Foreign Ministry Spokesperson"). The split is
    after the last title word; with no title, after a person noun of the entity words that
    opens a full name ("Dispatcher Ann Lee"); an organisation's name ("Ministry of Foreign
    Affairs", "Federal Harbour Administration") is never split."""
    role, name = _person_after_portfolio(words, v)
    if role:
        return role, name
    last = -1
    for k, w in enumerate(words[:-1]):
        if _title(w, v):
            last = k
    inside = last >= 0 and words[last + 1].lower() in _INSIDE
    listed = last >= 0 and "and" in words[last + 1 :] and _organisation_so_far(words[: last + 1], v)
    if last < 0 and len(words) > 2 and _role_noun(words[0], v) and not _has_org(words, v.orgs):
        # "Dispatcher Ann Lee": a person noun before a full name is a role (never a word for
        # kin: "Son Ji Ho" is a family name)
        return words[:1], words[1:]
    if last < 0 or (inside and _organisation_so_far(words[: last + 2], v)) or listed:
        # "Ministry of Trade and Industry", "Ministry of Culture, Sports and Tourism" are names,
        # "Trade" and "Culture" no titles there
        return _person_after_organisation(words, v)
    name = words[last + 1 :]
    if _has_org(name, v.orgs) or (len(name) == 1 and _has_org(words, v.orgs)):
        return _person_after_organisation(words, v)
    return words[: last + 1], name


def _role_noun(word: str, v: _Vocab) -> bool:
    """True for a person noun of the entity words that is no word for kin or gender ("son",
    "sister", "man": those open family names too): "Dispatcher", "Teenager" are roles.

    >>> _role_noun("Dispatcher", _vocab()), _role_noun("Son", _vocab())
    (True, False)
    """
    low = word.lower()
    return low in v.words.person_nouns and low not in v.words.he and low not in v.words.she


#: The words a hyphen joins to a title in a title of one word ("President-elect",
#: "Commander-in-Chief", "Ex-Governor", "Ambassador-at-Large"): never a name there.
_TITLE_AFFIXES = frozenset(["elect", "designate", "ex", "in", "at", "large"])


def _title(word: str, v: _Vocab) -> bool:
    """True for a title or role word, singular or plural ("Minister", "Presidents"), or titles
    and the affixes above joined by hyphens, at least one a title ("President-elect",
    "Vice-President", "Commander-in-Chief"; never "Jean-Pierre").

    >>> _title("President-elect", _vocab()), _title("Jean-Pierre", _vocab())
    (True, False)
    """
    low, titles = word.lower().rstrip("."), v.words.titles
    if low in titles or (len(low) > 4 and low.endswith("s") and low[:-1] in titles):
        return True
    parts = [p.rstrip(".") for p in low.split("-")]  # "Gov.-elect"
    return (
        len(parts) > 1
        and all(p in titles or p in _TITLE_AFFIXES for p in parts)
        and any(p in titles for p in parts)
    )


def _person_after_portfolio(words: list[str], v: _Vocab) -> tuple[list[str], list[str]]:
    """(role words, name words) for a title whose portfolio "and" closes, then a person's
    name ("Minister of Public Administration and Security Lee Sang-min", "Secretary of Health
    and Human Services Xavier Becerra"); else ([], words). The portfolio is a title's head
    noun, "of" or "for", words, "and" and at least one word more; common English words after
    that one (``wordfreq`` Zipf >= 4.5: "Services") still belong to it while three name words
    or more remain, and the name is the two or three capitalised words left.

    >>> _person_after_portfolio("Minister of Health and Welfare Ann Lee".split(), _vocab())
    (['Minister', 'of', 'Health', 'and', 'Welfare'], ['Ann', 'Lee'])
    >>> _person_after_portfolio("Secretary of Health and Human Services Xavier Becerra".split(), _vocab())
    (['Secretary', 'of', 'Health', 'and', 'Human', 'Services'], ['Xavier', 'Becerra'])
    >>> _person_after_portfolio("Minister of Trade and Industry".split(), _vocab())
    ([], ['Minister', 'of', 'Trade', 'and', 'Industry'])
    """
    lower = [w.lower().rstrip(".") for w in words]
    opens = [
        k
        for k in range(len(lower) - 1)
        if lower[k] in v.words.role_heads and lower[k + 1] in ("of", "for")
    ]
    if not opens or "and" not in lower[opens[0] + 2 :]:
        return [], words
    at = len(lower) - 1 - lower[::-1].index("and") + 2  # past "and" and one portfolio word
    while len(words) - at > 3 or (
        len(words) - at == 3 and zipf_frequency(lower[at], "en") >= _COMMON_WORD
    ):
        at += 1
    name = words[at:]
    if not 2 <= len(name) <= 3 or any(
        not _capital(w) or _title(w, v) or w.lower() in _INSIDE or w.isupper() for w in name
    ):
        return [], words
    return words[:at], name


def portfolio_and_name(words: list[str], entity_words: EntityWords | None = None) -> int:
    """How many of ``words`` are a title with its portfolio before the person's name that
    closes them (0: none), by :func:`_person_after_portfolio`; ``entity_words`` are the words
    to read (the shipped ones when None). The speaker of "Minister of Public Administration
    and Security Lee Sang-min said" is one person, not two.

    >>> portfolio_and_name("the Minister of Health and Welfare Ann Lee".split())
    6
    >>> portfolio_and_name("Mayor Ann Lee and Chief Tom Ash".split())
    0
    """
    return len(_person_after_portfolio(words, _vocab(entity_words))[0])


_COMMON_WORD = 4.5  # Zipf frequency of a common English word ("security" 5.2, "xavier" 3.5)


def _person_after_organisation(words: list[str], v: _Vocab) -> tuple[list[str], list[str]]:
    """(organisation words, name words) for an organisation's name followed by a person's, two
    or three capitalised words with no organisation noun, title or connector ("Federal Aviation
    Administration Daniel Elwell" -> the administration is Daniel Elwell's role); else
    ([], words). The organisation's name ends with its noun after at least one word.

    >>> _person_after_organisation(["Boeing", "Company", "Ann", "Lee"], _vocab())
    (['Boeing', 'Company'], ['Ann', 'Lee'])
    >>> _person_after_organisation(["Union", "Pacific", "Railroad"], _vocab())
    ([], ['Union', 'Pacific', 'Railroad'])
    """
    heads = [k for k, w in enumerate(words) if _has_org([w], v.orgs)]
    if not heads or heads[-1] < 1 or not 2 <= len(words) - heads[-1] - 1 <= 3:
        return [], words  # (an organisation noun that opens a name heads no organisation
        # before a person: "Union Pacific Railroad", "Bank Negara Malaysia")
    name = words[heads[-1] + 1 :]
    if any(not _capital(w) or _title(w, v) or w.lower() in _INSIDE or w.isupper() for w in name):
        return [], words
    return words[: heads[-1] + 1], name


def _organisation_of_role(role: list[str], v: _Vocab) -> int:
    """How many of the ``role`` words before a person's name are an organisation's name, the
    rest being titles ("Tennessee Bureau of Investigation Director": 4; "Memphis Police
    Chief": 2); 0 when none is: the organisation is named there too, as one that speaks
    through its people. Two words at least, headed by an organisation noun, none of them a
    title, never a government's body (its country speaks: "Foreign Ministry Spokesperson").

    >>> v = _vocab()
    >>> _organisation_of_role("Avon Bureau of Investigation Director".split(), v)
    4
    >>> _organisation_of_role("Senior Deputy Minister".split(), v), _organisation_of_role("Foreign Ministry Spokesperson".split(), v)
    (0, 0)
    """
    if len(role) < 2 or not _has_org(role, v.orgs):
        return 0  # titles alone (most roles): "Senior Deputy Minister"
    end = len(role)
    while end and _title(role[end - 1], v) and not _has_org(role[end - 1 : end], v.orgs):
        end -= 1  # (a title that is an organisation noun, "Police", heads the name)
    words = role[:end]
    if (
        end < 2
        or any(_title(w, v) and not _has_org([w], v.orgs) for w in words)
        or any(w.lower() in v.words.government_nouns for w in words)
        or _kind(words, " ".join(words), v, {}) != "organisation"
        or words[-1].lower() in _INSIDE
    ):
        return 0
    return end


def _has_org(words: list[str], orgs: frozenset[str]) -> bool:
    return any((w := x.lower().rstrip(".")) in orgs or w.rstrip("s") in orgs for x in words)


@functools.lru_cache(maxsize=1)
def gazetteer() -> Mapping[str, str]:
    """Country names, capitals and demonyms (as written) -> the country's name, from the
    ``countryinfo`` package's shipped data, plus a few abbreviations of news usage ("US", "UK").

    Only forms that read as the country in English news count: its name (without a leading
    "The"), capital, demonyms, and its longer official names ("People's Republic of China") or
    hyphenated ones ("Timor-Leste"); one-word alternative spellings are mostly names in other
    languages or rare aliases ("Mann" for the Isle of Man, "Island" for Iceland) and are left
    out. A form several entries share (the demonym "American" of the United States and of the
    Northern Mariana Islands, the capital "Kingston") names the most populous of them.

    >>> g = gazetteer()
    >>> g["Beijing"], g["Chinese"], g["Russia"], g["Washington"], g["UK"], g["American"]
    ('China', 'China', 'Russia', 'United States', 'United Kingdom', 'United States')
    >>> "Mann" in g, "Island" in g
    (False, False)
    """
    return _countries()[0]


@functools.lru_cache(maxsize=1)
def provinces() -> frozenset[str]:
    """The names of countries' first-level divisions (states, provinces, prefectures, English
    counties) as the ``countryinfo`` package ships them: places, never a person or a body
    ("New York", "Texas", "Nara"). Read by actor discovery; the entity layer reads only the
    names of two words or more ("New York" is a place, never a person), since many one-word
    names are also family names ("Kent", "Sutton", "Osaka").

    >>> {"New York", "Texas", "Nara"} <= provinces(), "Ann Lee" in provinces()
    (True, False)
    """
    return frozenset(
        p
        for country in all_countries()
        for p in country.info().get("provinces") or ()
        if isinstance(p, str) and p[:1].isupper()
    )


@functools.lru_cache(maxsize=1)
def _countries() -> tuple[dict[str, str], frozenset[str]]:
    """The gazetteer and the demonyms, read from the package's data in one pass."""
    best: dict[str, tuple[int, str]] = {}  # form -> (population, country) of its largest owner
    demonyms: set[str] = set()
    for country in all_countries():
        name = country.name()
        population = country.info().get("population") or 0
        forms = [name, name[4:] if name.startswith("The ") else ""]
        for k, value in enumerate((country.capital(), country.demonym())):  # str, list or None
            values = [value] if isinstance(value, str) else list(value or ())
            forms += values
            if k == 1:
                demonyms.update(values)
        forms += [
            a
            for a in country.alt_spellings() or ()
            if len(a) > 3 and a.isascii() and (" " in a or "-" in a)
        ]
        for form in forms:
            for piece in {form, form.split(" D.C.")[0]}:  # "Washington D.C." -> "Washington"
                if piece and piece[:1].isupper() and piece.isascii():
                    had = best.get(piece)
                    if had is None or (population, name) > had:
                        best[piece] = (population, name)
    out = {form: country for form, (_, country) in sorted(best.items())}
    for code, name in _CODES.items():
        out.setdefault(code, name)
    return out, frozenset(demonyms)


# a run of capitalised words ("Ministry of Foreign Affairs", "Xi Jinping. Mr Grossi"): one
# search over the text (C speed); the run is then cut at a full stop or a possessive and its
# words checked with str.isupper (the class also admits non-ASCII lowercase letters)
_WORDCHARS = r"[\w'\u2019.&-]*"
# (the pattern opens with a plain class, so that the engine skips in C to the next capital or
# non-ASCII letter; the look-behinds then check that letter and what comes before it)
# a company's legal form after a comma ("Acme, Inc."): part of its name
_COMPANY_SUFFIX = r"(?:Inc|Ltd|LLC|LLP|Corp|Co|Plc|PLC|LP|AG|SA|NV|GmbH|Limited)\b"
# capitalised words listed with commas up to "and" or "&" ("Culture, Sports and Tourism",
# "Skadden, Arps, Slate, Meagher & Flom"): at most five, so the look-ahead is bounded
_LISTED = r"(?:[A-Z][\w'\u2019.-]*,[ \t]+){0,4}[A-Z][\w'\u2019.-]*[ \t]+(?:and|&)[ \t]+[A-Z]"
# between two capitalised words of a run: spaces and up to two connectors, an ampersand, or a
# comma before a company suffix or a list (whether the comma joins is decided in _runs)
_JOIN = (
    r"(?:[ \t]+(?:&[ \t]+|(?:(?:of|for|the|and|de|al|bin|van|von|du|da)[ \t]+){0,2})"
    rf"|,[ \t]+(?={_COMPANY_SUFFIX}|{_LISTED}))"
)
_RUN = re.compile(
    rf"[A-Z\u0080-\U0010ffff](?<=[^\W\d_a-z])(?<![\w'\u2019.&-].){_WORDCHARS}"
    rf"(?:{_JOIN}[^\W\d_a-z]{_WORDCHARS})*"
)
# (each opens where a run of spaces opens, so that a search is linear in a run of spaces)
_SUFFIX_NEXT = re.compile(rf"(?<![ \t])[ \t]+{_COMPANY_SUFFIX}")
_AMPERSAND_LIST = re.compile(
    r"(?<![ \t])(?:[ \t]+[A-Z][\w'\u2019.-]*,){0,4}[ \t]+[A-Z][\w'\u2019.-]*[ \t]+&"
)


def _comma_joins(words: list[str], rest: str, v: _Vocab) -> bool:
    """True when the comma after ``words`` (a run so far) stays inside one organisation's name,
    ``rest`` being the run's text after the comma: before a company suffix ("Acme, Inc."), in a
    list that "&" closes ("Skadden, Arps, Slate, Meagher & Flom"), or in the list of an
    organisation's portfolio ("Ministry of Culture, Sports and Tourism"); never in a list of
    names ("Paris, London and Berlin").

    >>> v = _vocab()
    >>> _comma_joins(["Acme"], " Inc. said", v), _comma_joins(["Ministry", "of", "Culture"], " Sports and Tourism", v)
    (True, True)
    >>> _comma_joins(["Paris"], " London and Berlin", v), _comma_joins(["Skadden"], " Arps, Meagher & Flom", v)
    (False, True)
    """
    if _SUFFIX_NEXT.match(rest) or _AMPERSAND_LIST.match(rest):
        return True
    return _organisation_so_far(words, v)


def _capital(word: str) -> bool:
    return word[:1].isupper() and word[:1].isalpha()


def _runs(text: str, v: _Vocab) -> Iterable[tuple[int, int, list[str], list[tuple[int, int]]]]:
    """Runs of capitalised words in ``text`` (:func:`_joined_runs`), a run that "and" joined
    after a title's portfolio ("Secretary of State and Ann Lee") split at that "and" unless a
    name closes the portfolio (:func:`_person_after_portfolio`: "Minister of Health and
    Welfare Ann Lee" is one run)."""
    for run in _joined_runs(text, v):
        words, spans = run[2], run[3]
        if "and" not in words or _organisation_so_far(words, v):
            yield run
            continue
        cut = words.index("and")
        if (
            not _organisation_so_far(words[:cut], v, titles=True)
            or _person_after_portfolio(words, v)[0]
        ):
            yield run
            continue
        for part, at in ((words[:cut], spans[:cut]), (words[cut + 1 :], spans[cut + 1 :])):
            while part and not _capital(part[-1]):
                part, at = part[:-1], at[:-1]
            if part:
                yield at[0][0], at[-1][1], part, at


def _joined_runs(
    text: str, v: _Vocab
) -> Iterable[tuple[int, int, list[str], list[tuple[int, int]]]]:
    """Runs of capitalised words in ``text``: (start, end, words, spans), in order; "of",
    "for", "the" may join two capitalised words; a possessive or a full stop ends a run.
    One regular-expression search finds the runs: time linear in the text."""
    for match in _RUN.finditer(text):
        group, base = match.group(), match.start()
        if " " not in group and "\t" not in group:  # one word: most runs
            if group[:1].isupper():
                stop = group.endswith(".") and not _abbreviation(group)
                word = group[:-1] if stop else group
                if word.endswith(("'s", "\u2019s")):
                    word = word[:-2]
                word = word.rstrip("'\u2019")  # "Nichols'": a possessive, or a closing mark
                yield base, base + len(word), [word], [(base, base + len(word))]
            continue
        words: list[str] = []
        spans: list[tuple[int, int]] = []
        pos = 0
        for w in group.split():
            a = group.index(w, pos) + base
            pos = a - base + len(w)
            b = a + len(w)
            if w == "&" and words:  # "Alvarez & Marsal", "Korean Sport & Olympic Committee"
                words.append(w)
                spans.append((a, b))
                continue
            if not _capital(w):
                second = bool(words) and not _capital(words[-1])  # "of the"
                if (
                    w in _INSIDE
                    and words
                    and (w != "and" or _organisation_so_far(words, v, titles=True))
                    and (not second or (w == "the" and _organisation_so_far(words, v)))
                ):
                    # a connector: kept only before a capital; "and" only inside an
                    # organisation's name ("Ministry of Trade and Industry"), never between
                    # two names ("Xi Jinping and Joe Biden")
                    words.append(w)
                    spans.append((a, b))
                    continue
                while words and not _capital(words[-1]):
                    words.pop(), spans.pop()
                if words:
                    yield spans[0][0], spans[-1][1], words, spans
                words, spans = [], []
                continue
            comma = w.endswith(",")
            if comma:  # "Acme, Inc.", "Ministry of Culture, Sports and Tourism"
                w, b = w[:-1], b - 1
            stop = w.endswith(".") and not _abbreviation(w) and not _initial(w, group, pos)
            if stop:  # "... met Xi Jinping." : the full stop ends the name
                w, b = w[:-1], b - 1
            possessive = w.endswith(("'s", "\u2019s"))
            mark = not possessive and w.endswith(("'", "\u2019"))  # "Tyre Nichols' death"
            if (possessive or mark) and _possessive_inside(w, group[pos:], v):
                words.append(w)  # "Sheriff's Office", "Women's Tennis Association": one name
                spans.append((a, b))
                continue
            if mark:
                possessive, w, b = True, w[:-1], b - 1
            words.append(w[:-2] if possessive and not mark else w)
            spans.append((a, b - 2 if possessive and not mark else b))
            if comma and not (possessive or stop) and _comma_joins(words, group[pos:], v):
                continue
            if possessive or stop or comma:
                yield spans[0][0], spans[-1][1], words, spans
                words, spans = [], []
        while words and not _capital(words[-1]):
            words.pop(), spans.pop()
        if words:
            yield spans[0][0], spans[-1][1], words, spans


def _possessive_inside(word: str, rest: str, v: _Vocab) -> bool:
    """True for a possessive inside an organisation's name: ``word`` ("Sheriff's",
    "Women's", "Veterans'") names a role or a kind of people, not someone (a title, a role
    noun, or a common plural noun: "people", "women", "children"), and the capitalised words
    that follow it in ``rest`` (the run's text after it, at most four) hold an organisation
    noun ("Santa Fe County Sheriff's Office", "Women's Tennis Association", "People's Bank of
    China"). A person's possessive ("Lee's Office") ends the name as before.

    >>> v = _vocab()
    >>> _possessive_inside("Sheriff's", " Office said", v), _possessive_inside("Women's", " Tennis Association", v)
    (True, True)
    >>> _possessive_inside("Lee's", " Office said", v), _possessive_inside("Sheriff's", " Deputy Ann Lee", v)
    (False, False)
    """
    stem = word[:-2] if word.endswith(("'s", "\u2019s")) else word[:-1]
    low = stem.lower()
    lemma = lemmatize(low)
    people = (
        low in v.words.titles
        or low in v.words.person_nouns
        or low in v.words.role_heads
        or low == "people"
        or (lemma != low and zipf_frequency(lemma, "en") >= _PLURAL_PEOPLE)
    )
    if not people:
        return False
    for k, token in enumerate(rest.split()):
        if k == 4 or not (_capital(token) or token in _INSIDE):
            return False
        low = token.lower().rstrip(".,;:")
        if low in v.orgs or low.rstrip("s") in v.orgs:
            return True
    return False


#: How common (Zipf scale of ``wordfreq``) the singular of a capitalised plural before a
#: possessive must be to name a kind of people inside an organisation's name ("Women's",
#: "Veterans'": "woman" 5.3, "veteran" 4.3), not someone ("Kennedys'").
_PLURAL_PEOPLE = 4.0


_ACRONYM = re.compile(r"\(([A-Z][A-Z&.]{1,7})\)")
_TERM_ACRONYM = re.compile(r"\b[a-z]{3,} \(([A-Z][A-Z]{1,7})\)")


def _uncovered(
    runs: Iterable[tuple[int, int, list[str], list[tuple[int, int]]]], covered: list[Mention]
) -> Iterable[tuple[list[str], list[tuple[int, int]]]]:
    """The parts of each run that no actor mention covers ("Russian Foreign Minister Sergei
    Lavrov" with the actor "Russian": "Foreign Minister Sergei Lavrov"), as (words, spans)."""
    k = 0  # runs and mentions both come in text order: one pass over each
    n = len(covered)
    for first, last, words, spans in runs:
        while k < n and covered[k].end <= first:
            k += 1
        if k == n or covered[k].start >= last:  # no mention reaches into the run (most runs)
            yield words, spans
            continue
        piece_words: list[str] = []
        piece_spans: list[tuple[int, int]] = []
        for word, (a, b) in zip(words, spans, strict=True):
            while k < len(covered) and covered[k].end <= a:
                k += 1
            if k < len(covered) and covered[k].start < b:
                if piece_words:
                    yield piece_words, piece_spans
                piece_words, piece_spans = [], []
                continue
            piece_words.append(word)
            piece_spans.append((a, b))
        if piece_words:
            yield piece_words, piece_spans


def _plain(
    runs: Iterable[tuple[int, int, list[str], list[tuple[int, int]]]],
) -> Iterable[tuple[list[str], list[tuple[int, int]]]]:
    """The runs as (words, spans) when no actor mention can cover them."""
    for _, _, words, spans in runs:
        yield words, spans


_ABBREVIATIONS = frozenset(["co", "inc", "corp", "ltd", "jr", "sr", "st", "mt", "ft", "mr", "mrs",
                            "ms", "dr", "prof", "gov", "sen", "rep", "lt", "col", "gen", "capt",
                            "sgt", "dep", "supt", "insp", "det", "cmdr", "adm"])  # fmt: skip


def _organisation_so_far(words: list[str], v: _Vocab, *, titles: bool = False) -> bool:
    """True when ``words`` open an organisation's name that "and" may continue: an
    organisation noun, then "of" or "for" ("Department of Health", "Bureau of Enquiry");
    with ``titles``, a title's head noun too ("Minister of Trade and Industry Ken Ito")."""
    lower = [w.lower().rstrip(".") for w in words]
    nouns = v.words.organisation_nouns  # (the entity words' own, not the speaker table's)
    if titles:
        nouns = nouns | v.words.role_heads
    for k, w in enumerate(lower[:-1]):
        if (w in nouns or w.rstrip("s") in nouns) and lower[k + 1] in (
            "of",
            "for",
        ):
            return True
    return False


def _initial(word: str, group: str, end: int) -> bool:
    """True for a middle initial ("W." of "Robert W. Mann"): one capital and a full stop that
    a capitalised word of the same run follows, never a word that opens a sentence ("Bank A.
    So I ...": the stop ends the name)."""
    if len(word) != 2 or not word[0].isupper():
        return False
    nxt = group[end:].split(maxsplit=1)
    return bool(nxt) and nxt[0][:1].isupper() and nxt[0].lower() not in _OPENERS


def _abbreviation(word: str) -> bool:
    """True for a word whose full stop is part of it ("Capt.", "Co.", "U.S.")."""
    stem = word[:-1]
    return "." in stem or stem.lower() in _ABBREVIATIONS


_TITLE_OF = re.compile(r"\b([A-Z][a-z]{1,20}) of (?:the )?\Z")


def _title_of(text: str, start: int, v: _Vocab) -> bool:
    """True when a title and "of (the)" come right before ``start`` ("Speaker of the House
    Nancy Pelosi", "Leader of the Opposition Ann Lee"): the run there is the title's complement
    and then a person's two-word name.

    >>> t = "Speaker of the House Nancy Pelosi left. Friends of the Earth Ann Lee"
    >>> _title_of(t, t.index("House"), _vocab()), _title_of(t, t.index("Earth"), _vocab())
    (True, False)
    """
    m = _TITLE_OF.search(text, max(start - 40, 0), start)
    return m is not None and _title(m.group(1), v)


def _role_before(text: str, start: int, v: _Vocab) -> list[str]:
    """Lowercase title or role words right before a name ("agency spokesman Walter Wallace",
    "police officer Mark Bass"): at most four, in order."""
    out: list[str] = []
    for word in reversed(text[max(start - 60, 0) : start].split()[-4:]):
        if not word.islower() or word.rstrip(".") not in v.words.titles:
            break
        out.insert(0, word)
    return out


# a role in apposition after a name: ", the company's chief executive," ", Russia's ambassador"
_APPOSITION = re.compile(
    r",\s{1,3}(?:(?:the|a|an|his|her|their)\s{1,3})?(?:[A-Za-z][\w.-]{0,30}(?:'s|\u2019s)\s{1,3})?"
    r"((?:[a-z][a-z-]{0,20}\s{1,3}){0,3}?[a-z][a-z-]{0,20})(?=[,.]|\s{1,3}(?:to|of|for|at)\b)"
)


def _role_after(text: str, end: int, v: _Vocab) -> list[str]:
    """The role words in apposition right after a name, ending in a title or role word
    ("Mark Cohen, Bankman-Fried's lawyer, said", "Ann Lee, the agency's deputy director."):
    at most four words, else [].

    >>> _role_after("Mark Cohen, Bankman-Fried's lawyer, said", 10, _vocab()), _role_after("Ann Lee, who left,", 7, _vocab())
    (['lawyer'], [])
    """
    m = _APPOSITION.match(text, end, end + 80)
    if m is None:
        return []
    words = m.group(1).split()
    return words if words[-1] in v.words.titles or words[-1] in v.words.role_heads else []


def _role_of_next(text: str, end: int, v: _Vocab) -> bool:
    """True when one to three lowercase title words and then a capitalised word follow
    ``end`` ("... spokesman Tom Brake", "... chief executive Ann Lee"): the words before
    ``end`` then qualify that role, and are no person of their own."""
    words = text[end : end + 80].split()[:4]
    k = 0
    titles = v.words.titles
    while k < len(words) and k < 3 and words[k].islower() and words[k].rstrip(".") in titles:
        k += 1
    return 0 < k < len(words) and _capital(words[k])


def _acronym_after(text: str, end: int) -> str:
    """The acronym in parentheses right after a name ("... Safety (ACS)"), or ""."""
    m = _ACRONYM.match(text[end : end + 14].lstrip())
    return m.group(1) if m else ""


@functools.lru_cache(maxsize=1 << 12)
def opening_gerund(word: str) -> bool:
    """True for a verb's -ing form capitalised where it opens a sentence ("Reinstating
    Lindqvist would ...", "Addressing Ann Lee's mother, she said"): its lemma is another
    English word (Zipf 3 or more on the ``wordfreq`` scale); never a name that ends so
    ("Sterling", "Channing", "King"). Such a word opens a clause, never a name.

    >>> [opening_gerund(w) for w in ("Reinstating", "Being", "Sterling", "Channing", "King")]
    [True, True, False, False, False]
    """
    low = word.lower()
    if len(low) < 5 or not low.endswith("ing") or not word[:1].isupper():
        return False
    lemma = lemmatize(low)
    return lemma != low and zipf_frequency(lemma, "en") >= 3.0


def _head_alone(words: list[str], v: _Vocab) -> bool:
    """True for a place word or an organisation noun alone ("Street", "Council"): what is
    left of a name without its first word is no name, so an -ing word before it is part of
    the name ("Downing Street said", "Reading Council said"), no clause's verb.

    >>> _head_alone(["Street"], _vocab()), _head_alone(["Lindqvist"], _vocab())
    (True, False)
    """
    if len(words) != 1:
        return False
    low = words[0].lower()
    return (
        low in v.words.place_words
        or low in v.words.venue_heads
        or low in v.orgs
        or low.rstrip("s") in v.orgs
    )


# a nickname in quotation marks between a given name and a family name ('Ann "Red" Lee'); the
# pattern opens with the mark and looks behind it (a lowercase letter or full stop, a space, the
# mark), so that a search skips in C from one opening mark to the next (3.5x faster on news
# paragraphs than the same look-behind tried at every offset; the same matches)
_NICKNAME = re.compile(
    r"[\"\u201c](?<=[a-z.] .)[A-Z][\w.'-]{0,15}(?: [A-Z][\w.'-]{0,15})?[\"\u201d](?= [A-Z][a-z])"
)


def _without_nicknames(text: str) -> str:
    """``text`` with each nickname in quotation marks between two capitalised words blanked
    out (same length, so offsets hold): 'Cerelyn "CJ" Davis' is one name, Cerelyn Davis.

    >>> _without_nicknames('Chief Ann "Red" Lee said "No" to Tom.')
    'Chief Ann       Lee said "No" to Tom.'
    """
    if '"' not in text and "\u201c" not in text:
        return text
    return _NICKNAME.sub(lambda m: " " * len(m.group(0)), text)


def find_entities(
    paragraphs: Iterable[str],
    *,
    ids: Iterable[int] | None = None,
    mentions: Iterable[tuple[int, Mention]] = (),
    actors: tuple[Actor, ...] = (),
    organisation_nouns: Iterable[str] = (),
    words: EntityWords | None = None,
) -> Entities:
    """Return the entity layer of one article whose texts are ``paragraphs`` (the headline may
    come first, with id -1 in ``ids``; default ids 0, 1, ...), with the story's actor
    ``mentions`` (``(paragraph_id, Mention)``) and ``actors``; ``organisation_nouns`` are the
    words that make a name an organisation besides the entity words' (the speaker table's
    organisation nouns); ``words`` the titles, organisation nouns, nicknames ... to read
    (:class:`~newsframe.lexicons.EntityWords`: a resources' ``entity_words``; None: the shipped
    ``data/entity_words.toml``). Method in the module docstring; linear in the text.

    >>> layer = find_entities(["The Agency for Coastal Safety (ACS) said so.",
    ...                        "ACS chief Ann Lee spoke in Beijing.", "Lee said no."])
    >>> sorted((e.name, e.kind, e.role) for e in layer.entities.values())
    [('Agency for Coastal Safety', 'organisation', ''), ('Ann Lee', 'person', 'chief'), ('China', 'country', '')]
    >>> [m.entity_id for m in layer.mentions]
    ['Agency for Coastal Safety', 'Agency for Coastal Safety', 'Agency for Coastal Safety', 'Ann Lee', 'China', 'Ann Lee']
    """
    texts = list(paragraphs)
    ids = list(ids) if ids is not None else list(range(len(texts)))
    v = _vocab(words, organisation_nouns)
    orgs = v.orgs
    places = gazetteer()
    index = _actor_index(actors, v)
    names = index.actors
    by_paragraph: dict[int, list[Mention]] = {}
    for paragraph_id, m in mentions:
        by_paragraph.setdefault(paragraph_id, []).append(m)
    layer = Entities(_v=v, _actors=index)
    layer.__dict__["_persons"] = []  # the people in the order they come (:func:`_inner_index`)
    # acronyms of lowercase phrases ("search and rescue (SAR)") abbreviate terms, not names
    terms = {m.group(1) for text in texts if "(" in text for m in _TERM_ACRONYM.finditer(text)}
    titled: list[tuple] = []  # people named after a title in a title-case headline
    openers: list[tuple[int, int, int, str]] = []  # single capitals opening a sentence
    found: list[tuple[int, int, int, str, list[str], str, str]] = []  # first pass: named forms
    added: set[tuple[str, str]] = set()  # (actor id, form) already added: adding again is a no-op
    for paragraph_id, text in zip(ids, texts, strict=True):
        covered = by_paragraph.get(paragraph_id, [])
        for m in covered:
            actor = names.get(m.actor_id)
            if actor is not None:
                if (m.actor_id, m.text) not in added:
                    added.add((m.actor_id, m.text))
                    _add(layer, m.actor_id, actor.name, actor.kind, "", m.text)
                layer.mentions.append(
                    EntityMention(paragraph_id, m.start, m.end, m.text, m.actor_id)
                )
        plain = _without_nicknames(text)
        runs = _runs(plain, v)
        if paragraph_id == -1 and _title_case(text):
            titled = _headline_words(runs, covered, places, found, openers, v)
            continue
        for words, spans in _uncovered(runs, covered) if covered else _plain(runs):
            if len(words) == 1:  # most runs: one word, often a country or a sentence opener
                word = words[0]
                if word in places:
                    a, b = spans[0]
                    found.append((paragraph_id, a, b, word, [], words, "country", "", ""))
                    continue
                low = word.lower()
                if len(word) < 2 or low in _SKIP_FIRST or low in v.not_name or word in terms:
                    continue
                a, b = spans[0]
                if not word.isupper() and (a < 2 or text[a - 2] in _ENDS):
                    # a capital that opens a sentence: a name only if it is one the article
                    # names in full elsewhere ("Xi said ..."), decided once the people are known
                    openers.append((paragraph_id, a, b, word))
                    continue
            if words[0].lower() in _TITLE_OPENERS and not (
                spans[0][0] < 2 or text[spans[0][0] - 2] in _ENDS
            ):
                continue  # "the Everybody Hates Chris star": a work's title, nobody's name
            while words and words[0].lower() in _SKIP_FIRST:
                words, spans = words[1:], spans[1:]
            if (
                len(words) > 1
                and opening_gerund(words[0])
                and (spans[0][0] < 2 or text[spans[0][0] - 2] in _ENDS)
                and not _head_alone(words[1:], v)
            ):  # "Addressing Ann Lee's mother, she said": a clause's verb, no given name
                words, spans = words[1:], spans[1:]  # (but "Downing Street", "Reading Council")
            based = next((k for k, w in enumerate(words) if w.lower().endswith("-based")), -1)
            if based >= 0:  # "San Francisco-based Veltrix": where it is based, no name
                words, spans = words[based + 1 :], spans[based + 1 :]
            if (
                len(words) > 2
                and words[1] == "of"
                and _noun_opening(text, spans[0][0], words[0], v)
                and (_has_org(words[2:], orgs) or " ".join(words[2:]) in places)
            ):  # "Allegations of Government of India", never "Friends of the Earth"
                words, spans = words[2:], spans[2:]
            if not words:
                continue
            start, end = spans[0][0], spans[-1][1]
            role, name = _strip_titles(words, v)
            if not role and len(name) > 2 and _title_of(text, start, v):
                role, name = name[:-2], name[-2:]  # "Speaker of the House Nancy Pelosi"
            if _venue(role, name, v):  # "Harbour City Hall": a place, "City" no title there
                role, name = [], [*role, *name]
            while len(name) > 1 and name[-1].lower() in _WEEKDAYS:  # "Chico Thursday"
                name = name[:-1]
                end = spans[len(role) + len(name) - 1][1]
            if not name or name[-1].lower() in _INSIDE or _connector_first(name):
                continue
            if all(w.lower().rstrip(".") in v.not_name for w in name) and not _courtesy(role, name):
                continue
            body = _organisation_of_role(role, v) if role and len(name) > 1 else 0
            if body:  # "Tennessee Bureau of Investigation Director Ann Lee": the bureau too
                a, b = spans[0][0], spans[body - 1][1]
                owner = _possessor(text, a, places)
                found.append((paragraph_id, a, b, text[a:b], owner, role[:body], "organisation",
                              "", ""))  # fmt: skip
            k = _person_of_place(name, v, places)
            if k:  # "Kim Chisnall of New Zealand's TV3": the person, then the country
                a, b = spans[len(role) + k + 1][0], end
                found.append((paragraph_id, a, b, text[a:b], [], name[k + 1 :], "country", "", ""))
                name, end = name[:k], spans[len(role) + k - 1][1]
            if len(name) > 2 and name[0] in _demonyms() and _personal_name(name[1:], v):
                role, name = [*role, name[0]], name[1:]  # "Vietnamese Doan Thi Huong"
            elif (
                len(name) > 2
                and name[0] in places
                and _after_preposition(text, spans[len(role)][0])
                and _kind(name[1:], "", v, {}) == "person"
            ):  # "... ambassador to India Kenneth Juster": the country, then the person
                a, b = spans[len(role)]
                found.append((paragraph_id, a, b, name[0], [], name[:1], "country", "", ""))
                spans = [*spans[: len(role)], *spans[len(role) + 1 :]]
                words = [*words[: len(role)], *words[len(role) + 1 :]]
                name = name[1:]
            first = spans[len(role)][0]
            form = text[first:end] if plain is text else " ".join(plain[first:end].split())
            if form.isupper() and _not_a_name(text, first, end):
                if not _dateline(text, first, end):
                    continue  # a time zone ("1 p.m. PT")
                # a place ("LOS ANGELES (AP) —", "SEOUL, South Korea"), never a body
                kind = "country" if form.title() in places else "place"
                found.append((paragraph_id, first, end, form, [], name, kind, "", ""))
                continue
            kind = _kind(name, form, v, places)
            last_word = name[-1].lower().rstrip(".")
            if (kind in ("person", "") or last_word in v.words.title_abbreviations) and (
                last_word in v.words.role_heads
            ):
                continue  # a title without a name ("French President", "UK Prime Minister")
            if kind == "person" and _role_of_next(text, end, v):
                continue  # "Liberal Democrat Brexit spokesman Tom Brake": part of a role
            if not role and kind in ("person", ""):
                role = _role_before(text, start, v) or _role_after(text, end, v)
            owner = _possessor(text, first, places) if kind == "organisation" else []
            acronym = _acronym_after(text, end) if "(" in text[end : end + 3] else ""
            found.append((paragraph_id, first, end, form, owner, name, kind, " ".join(role),
                          acronym))  # fmt: skip
        if paragraph_id != -1 and (
            "ministry" in text or "embassy" in text or "government" in text or "consulate" in text
        ):
            found.extend(_bodies(paragraph_id, text, places, v))
    found.extend(_titled_in_headline(titled, found, openers))
    # people named in full first, so that a single name links to them wherever it comes; one
    # person per first and last name ("Rafael Grossi", "Rafael Mariano Grossi")
    people: dict[tuple[str, str], str] = {}
    tails: dict[tuple[str, ...], set[str]] = {}  # first or last words of longer names
    orders: dict[tuple[str, ...], str] = {}  # a name's parts in any order -> the person
    named = [f for f in found if f[6] == "person" and len(f[5]) > 1]
    for _, _, _, form, _, name, kind, role, _ in sorted(named, key=lambda f: -len(f[5])):
        words = tuple(w.lower() for w in name)
        owners = tails.get(words, set())  # "Jaberi Ansari" of "Hossein Jaberi Ansari",
        # "Carrie Lam" of "Carrie Lam Cheng Yuet-ngor"
        key = (words[0], words[-1])
        if len(owners) == 1:
            entity_id = next(iter(owners))
        elif key not in people and (near := _spelt_alike(people, key, v.words.nicknames)):
            entity_id = people[key] = near  # "Anotiny Blinken" is the article's Antony Blinken
        elif key not in people and (parts := name_parts(name)) in orders:
            entity_id = people[key] = orders[parts]  # "Heung-min Son" of "Son Heung-min"
        else:
            entity_id = people.setdefault(key, form)
        if parts := name_parts(name):
            orders.setdefault(parts, entity_id)
        for k in range(1, len(words) - 1):
            tails.setdefault(words[k:], set()).add(entity_id)
            tails.setdefault(words[: k + 1], set()).add(entity_id)
        _add(layer, entity_id, form, kind, role.lower(), form)
        for part in (name[0], name[-1]):
            layer._single.setdefault(part.lower(), set()).add(entity_id)
    for paragraph_id, start, end, form, owner, name, kind, role, acronym in found:
        if kind == "country" and _person_named(layer, name):
            kind, entity_id = "person", next(iter(layer._people(form.lower())))
            _add(layer, entity_id, entity_id, "person", "", form)
        elif kind == "country":
            entity_id = places.get(form) or places[form.title()]
            _add(layer, entity_id, entity_id, "country", "", form)
        elif kind == "person" and len(name) > 1:
            entity_id = layer._alias[form.lower()]
        elif kind == "body":  # "the justice ministry", "China's foreign ministry"
            title = " ".join(w.capitalize() for w in name)
            national = _national([*owner, *title.split()], v) if owner else None
            entity_id = national or layer._alias.get(title.lower(), title)
            country = government_of(national)
            if country is not None:  # "the Chinese government": China, as a government
                entity_id = country
                _add(layer, country, country, "country", "government", title)
            else:
                _add(layer, entity_id, title, "organisation", "", title)
        elif kind == "organisation" or acronym:
            national = _national([*owner, *name], v) if owner or len(name) > 1 else None
            entity_id = national or layer._alias.get(form.lower(), form)
            country = government_of(national)
            if country is not None:  # "the Government of Japan", "Chinese Government"
                entity_id = country
                _add(layer, country, country, "country", "government", form)
            else:
                _add(layer, entity_id, form, "organisation", role.lower(), form)
            if acronym:
                layer._alias.setdefault(acronym.lower(), entity_id)
                _add(layer, entity_id, form, "organisation", "", acronym)
        else:  # a single name: a person's when a title or role comes before it ("Ms Ortiz")
            entity_id = _single_name(layer, form) if len(name) == 1 else None
            entity_id = entity_id or layer.resolve(form) or form
            single = kind if kind in ("place", "event") else ("person" if role else "")
            _add(layer, entity_id, form, single, role.lower(), form)
        if role and entity_id in layer.entities and not layer.entities[entity_id].role:
            e = layer.entities[entity_id]
            layer.entities[entity_id] = Entity(e.entity_id, e.name, e.kind, role.lower(), e.aliases)
        layer.mentions.append(EntityMention(paragraph_id, start, end, form, entity_id))
    firsts: dict[str, str] | None = None  # built the first time an opener names no one
    for paragraph_id, start, end, word in openers:
        entity_id = _single_name(layer, word)
        if entity_id is None and firsts is None:
            firsts = _first_words(layer)
        if entity_id is None and word in firsts:  # "Alaska said": the one "Alaska ..." body
            entity_id = firsts[word]
            layer._alias.setdefault(word.lower(), entity_id)  # a speaker "Alaska" resolves
        mention = EntityMention(paragraph_id, start, end, word, entity_id or word)
        (layer.mentions if entity_id is not None else layer.unresolved).append(mention)
    layer.mentions.sort(key=lambda m: (m.paragraph_id, m.start))
    layer.__dict__.pop("_spelt", None)  # look-up indexes, not kept with the layer
    layer.__dict__.pop("_inner", None)
    layer.__dict__.pop("_persons", None)
    _reconsider_kinds(layer, dict(zip(ids, texts, strict=True)))
    return _canonical(layer, index.ids, texts=tuple(zip(ids, texts, strict=True)))


def _unsure_person(e: Entity, v: _Vocab, known: frozenset[str] | None = None) -> bool:
    """True for a person of two words or more that only its shape made a person: no role or
    title, no known given name first (:func:`given_names`, :func:`given_genders`), no
    hyphenated given name ("Moon Jae-in"), no story actor ("Brisk Lantern", "Tolu
    Brannagh"): the names whose kind the contexts decide (:mod:`newsframe.kinds`; ``known``: as
    for :func:`_shape_only`)."""
    return e.kind == "person" and _shape_only(e, v, known)


def _shape_only(e: Entity, v: _Vocab, known: frozenset[str] | None = None) -> bool:
    """True when only the shape of ``e``'s name would make it a person (see
    :func:`_unsure_person`), whatever kind the contexts then gave it (``known``: the given
    names of ``v``, if already at hand)."""
    words = e.name.split()
    if e.role or len(words) < 2 or e.entity_id != e.name:
        return False
    if e.kind != "person" and _kind(words, e.name, v, {}) != "person":
        return False
    first = fold_accents(words[0].lower().rstrip("."))
    known = given_names(v.words) if known is None else known
    if first in known or first in given_genders():
        return False
    return not any(_GIVEN.match(w) for w in words[1:])


def _sure_kind(e: Entity, v: _Vocab) -> int | None:
    """The spelling's sure answer to "a person?" for an entity of two words or more (1: a known
    given name first, or a role or title; 0: an organisation, place or event by its words),
    None when the spelling is unsure or the name is one word: the training labels of the kind
    model (:mod:`newsframe.kinds`), none of them written by hand (the entity's ``kind`` tells
    a place from an organisation)."""
    words = e.name.split()
    if len(words) < 2 or e.entity_id != e.name or _shape_only(e, v):
        return None  # (a name the contexts made a place or an organisation: no label either)
    if e.kind == "person":
        return 1
    return 0 if e.kind in ("organisation", "place", "event") else None


def _mention_spans(layer: Entities) -> dict[str, list[tuple[int, int, int]]]:
    spans: dict[str, list[tuple[int, int, int]]] = {}
    for m in layer.mentions:
        spans.setdefault(m.entity_id, []).append((m.paragraph_id, m.start, m.end))
    return spans


def kind_rows(
    layer: Entities, texts: Mapping[int, str]
) -> list[tuple[str, int | None, list[float]]]:  # (entity id, person?, features)
    """Every entity of two words or more of ``layer`` with the spelling's sure answer to "a
    person?" (1, 0, or None: a person by its shape alone, :func:`_unsure_person`) and its :data:`newsframe.kinds.KIND_FEATURES` in the
    article ``texts`` (paragraphs by id): the rows ``benchmarks/train_kind_model.py`` fits the
    kind model on.

    >>> texts = ["The Brisk Lantern said Ann Lee, 45, left.", "Lee said she knew."]
    >>> [(k, y) for k, y, _ in kind_rows(find_entities(texts), dict(enumerate(texts)))]
    [('Brisk Lantern', None), ('Ann Lee', 1)]
    """
    spans = _mention_spans(layer)
    v = layer._v
    out = []
    for entity_id, e in layer.entities.items():
        if len(e.name.split()) < 2 or entity_id not in spans:
            continue
        label = _sure_kind(e, v)
        if label is None and not _shape_only(e, v):
            continue  # a country, or a name of no kind: neither labels nor decided
        features = kind_features(e.name, e.aliases, spans[entity_id], texts)
        out.append((entity_id, label, features))
    return out


def _reconsider_kinds(layer: Entities, texts: Mapping[int, str]) -> None:
    """Make a place or an organisation of every person of ``layer`` whose kind only its shape
    decided (:func:`_unsure_person`) and whom the contexts of its mentions in ``texts`` say is
    no person (:mod:`newsframe.kinds`: probability below the shipped model's threshold)."""
    model = load_kind_model()
    if model.threshold <= 0.0:
        return
    known = given_names(layer._v.words)
    unsure = [k for k, e in layer.entities.items() if _unsure_person(e, layer._v, known)]
    if not unsure:
        return
    spans = _mention_spans(layer)
    for entity_id in unsure:
        e = layer.entities[entity_id]
        features = kind_features(e.name, e.aliases, spans.get(entity_id, []), texts)
        kind = model.kind(features)
        if kind == "person":
            continue
        layer.entities[entity_id] = Entity(entity_id, e.name, kind, e.role, e.aliases)
        for part in (e.name.split()[0], e.name.split()[-1]):
            layer._single.get(part.lower(), set()).discard(entity_id)


_TIME = re.compile(r"(?:\d|\b[ap]\.?m\.?)\s{0,3}\Z", re.IGNORECASE)
_DATELINE_END = re.compile(r"\s{0,3}(?:\(|\u2014|\u2013|-|/)")
_DASH = re.compile(r"\(|\u2014|\u2013| - |--")


def _dateline(text: str, start: int, end: int) -> bool:
    """True for a name in capitals opening a paragraph before a dash or an agency's credit,
    or before a comma and a place that such a credit or dash follows: a news dateline
    ("LOS ANGELES (AP) --", "SEOUL, South Korea (AP) --"); never an acronym opening a sentence
    ("NASA, the space agency, said").

    >>> _dateline("SEOUL, South Korea (AP) -- Moon spoke.", 0, 5), _dateline("NASA, the agency, said so.", 0, 4)
    (True, False)
    """
    if text[:start].strip():
        return False
    if _DATELINE_END.match(text, end) is not None:
        return True
    return text.startswith(",", end) and _DASH.search(text, end, end + 40) is not None


def _not_a_name(text: str, start: int, end: int) -> bool:
    """True for words in capitals that name no one: a dateline (:func:`_dateline`), or a time
    zone after a time ("1:30 p.m. PT", "9 ET").

    >>> _not_a_name("SEOUL, South Korea (AP)", 0, 5), _not_a_name("at 1 p.m. PT on Friday", 10, 12)
    (True, True)
    >>> _not_a_name("The FAA said", 4, 7)
    False
    """
    return _dateline(text, start, end) or (
        end - start <= 4 and _TIME.search(text, max(start - 8, 0), start) is not None
    )


# a government body written in lowercase with its portfolio ("the justice ministry", "China's
# foreign ministry", "the Chinese foreign ministry"); one search says whether a paragraph
# holds a body noun at all
_BODY_WORDS = re.compile(
    r"\b(?:ministry|embassy|consulate|government)\b(?! (?:spokes|official|minister|secretary))"
)
# what comes right before the body noun (searched in a short window that ends at the noun)
_BODY_BEFORE = re.compile(
    r"(?:\b([Tt]he)|\b([A-Z][\w.]{0,30}(?: [A-Z][\w.]{0,30})?(?:'s|\u2019s)?)) "
    r"((?:[a-z]{1,20} ){0,2}?)\Z"
)


def _bodies(paragraph_id: int, text: str, places: Mapping[str, str], v: _Vocab) -> list[tuple]:
    """The government bodies of one paragraph written in lowercase, as entries of the first
    pass of :func:`find_entities` (kind ``body``): a portfolio and a body noun after "the"
    ("the justice ministry"), or any body noun after a country's possessive or demonym
    ("China's foreign ministry", "the Indian government"); never "the ministry" alone (a
    description, resolved to its antecedent) nor a body before a person's role ("the foreign
    ministry spokesman").

    >>> [(e[3], e[4], e[5]) for e in _bodies(0, "The justice ministry and China's foreign ministry met the ministry.", gazetteer(), _vocab())]
    [('justice ministry', [], ['justice', 'ministry']), ('foreign ministry', ["China's"], ['foreign', 'ministry'])]
    """
    out = []
    for found in _BODY_WORDS.finditer(text):
        window = max(found.start() - 80, 0)
        m = _BODY_BEFORE.search(text, window, found.start())
        if m is None:
            continue
        _, owner, portfolio = m.groups()
        noun, words = found.group(), portfolio.split()
        if owner is not None:
            country = owner.removesuffix("'s").removesuffix("\u2019s")
            if country not in places and " " in owner:  # "The Indian government"
                owner = owner.split(" ", 1)[1]
                country = country.split(" ", 1)[1]
            if country not in places:
                continue
        elif not words or any(w not in v.portfolios for w in words):
            continue
        a = m.start(3) if words else found.start()
        out.append((paragraph_id, a, found.end(), text[a : found.end()], [owner] if owner else [],
                    [*words, noun], "body", "", ""))  # fmt: skip
    return out


def _noun_opening(text: str, start: int, word: str, v: _Vocab) -> bool:
    """True for a common plural noun capitalised because it opens a sentence, before "of" and
    a name ("Allegations of Government of India's involvement", "Members of Parliament"): the
    noun is no part of the name. A common word (Zipf frequency 4 or more in ``wordfreq``) in
    the plural, no organisation noun, no title.

    >>> v = _vocab()
    >>> _noun_opening("Allegations of Government", 0, "Allegations", v), _noun_opening("Bank of Japan", 0, "Bank", v)
    (True, False)
    """
    low = word.lower()
    if not (start < 2 or text[start - 2] in _ENDS) or not low.endswith("s") or len(low) < 5:
        return False
    stem = low[:-1]
    nouns = v.words.organisation_nouns
    if stem in nouns or _title(word, v) or low in nouns:
        return False
    return zipf_frequency(low, "en") >= 4.0


def _after_preposition(text: str, start: int) -> bool:
    """True when a preposition of place comes right before ``start`` ("to India Kenneth
    Juster"): the word there is a place, not a given name ("Jordan Bruce Lee")."""
    before = text[max(start - 8, 0) : start].split()[-1:]
    return bool(before) and before[0] in ("to", "in", "of", "from", "for", "at")


def _personal_name(name: list[str], v: _Vocab) -> bool:
    """True for words that read as a person's name, none of them a common English word (Zipf
    frequency below 4.5 in ``wordfreq``): "Doan Thi Huong" after "Vietnamese" is a person
    qualified by a demonym, "Airlines Group" after "American" is no one.

    >>> _personal_name(["Doan", "Thi", "Huong"], _vocab()), _personal_name(["Airlines", "Group"], _vocab())
    (True, False)
    """
    return _kind(name, "", v, {}) == "person" and all(
        zipf_frequency(w.lower(), "en") < 4.5 for w in name
    )


def _courtesy(role: list[str], name: list[str]) -> bool:
    """True for a month after a courtesy title, a surname ("Mrs May", "Mr March"): never a
    date, whatever the calendar says (a weekday stays a day).

    >>> _courtesy(["Mrs"], ["May"]), _courtesy(["Minister"], ["May"]), _courtesy([], ["May"])
    (True, False, False)
    """
    return (
        bool(role)
        and role[-1].lower().rstrip(".") in _TITLE_ONLY
        and len(name) == 1
        and name[0].lower() not in _WEEKDAYS
    )


def _person_named(layer: Entities, name: list[str]) -> bool:
    """True when a one-word name of the gazetteer is the first or last name of the one person
    the article names in full ("Mann" after "Robert W. Mann", "Jordan" after "Jordan Lee"):
    the person, not a country. Demonyms are never names."""
    if len(name) != 1 or name[0] in _demonyms():
        return False
    people = layer._people(name[0].lower())
    return len(people) == 1 and layer.entities.get(next(iter(people)), _NOBODY).kind == "person"


_NOBODY = Entity("", "", "")


def _person_of_place(name: list[str], v: _Vocab, places: Mapping[str, str]) -> int:
    """Where "of" splits a person's name from the country they are from ("Kim Chisnall of New
    Zealand"): two or three capitalised words without an organisation noun, then "of" and a
    country of the gazetteer; else 0 ("Bank of England", "Abdullah of Jordan" stay whole)."""
    k = name.index("of") if "of" in name else 0
    if not 2 <= k <= 3 or " ".join(name[k + 1 :]) not in places:
        return 0
    return 0 if _has_org(name[:k], v.orgs) or not all(_capital(w) for w in name[:k]) else k


def _title_case(text: str) -> bool:
    """True for a headline in title case ("Trump Grounds Boeing 737 Max Fleet"): at least three
    words of four letters or more, and at least 60% of them capitalised."""
    long = [w for w in text.split() if len(w) >= 4 and w[:1].isalpha()]
    return len(long) >= 3 and sum(w[:1].isupper() for w in long) >= 0.6 * len(long)


def _headline_words(runs, covered, places, found, openers, v: _Vocab) -> list[tuple]:
    """The words of a title-case headline: capitals there say nothing about names, so a word
    is a country of the gazetteer or, like a sentence opener, a name only when the article
    names it elsewhere ("Trump Grounds Boeing ..." is never a person "Trump Grounds Boeing").
    Returns the two words after a title ("French President Ana Ruiz Vows ...") as candidate
    people, entries of the first pass of :func:`find_entities`, kept only if the body uses
    the second word as a name (:func:`_titled_in_headline`)."""
    titled = []
    for words, spans in _uncovered(runs, covered) if covered else _plain(runs):
        for k, (word, (a, b)) in enumerate(zip(words, spans, strict=True)):
            if word in places:
                found.append((-1, a, b, word, [], [word], "country", "", ""))
            elif word.lower() not in _SKIP_FIRST and word.lower() not in v.not_name:
                openers.append((-1, a, b, word))
            name = words[k + 1 : k + 3]
            if (
                _title(word, v)
                and len(name) == 2
                and all(_headline_name(w, places, v) for w in name)
            ):
                role = [w for w in words[:k] if _title(w, v) or w in _demonyms()] + [word]
                start, end = spans[k + 1][0], spans[k + 2][1]
                form = " ".join(name)
                titled.append((-1, start, end, form, [], name, "person", " ".join(role), ""))
    return titled


def _headline_name(word: str, places: Mapping[str, str], v: _Vocab) -> bool:
    """True for a headline word that may be part of a person's name: capitalised, no title,
    no opener or calendar word, no country."""
    low = word.lower()
    return _capital(word) and not _title(word, v) and low not in _SKIP_FIRST and word not in places


def _titled_in_headline(titled: list[tuple], found: list[tuple], openers: list[tuple]) -> list:
    """The candidate people of a title-case headline (:func:`_headline_words`) whose last name
    the body uses as a name, alone or in a longer one ("Macron said ..."): the headline's
    "President Emmanuel Macron" is then the body's Macron."""
    if not titled:
        return []
    body = {w.lower() for f in found if f[0] != -1 for w in f[5]}
    body.update(o[3].lower() for o in openers if o[0] != -1)
    return [t for t in titled if t[5][-1].lower() in body]


class _ActorIndex(NamedTuple):
    """One actor table by id (``actors``, ``ids``), the first and last names of its people
    (lowercase -> actor ids), and those names by each of their forms less one letter (as
    :func:`_spelt_index`)."""

    actors: Mapping[str, Actor]
    ids: frozenset[str]
    names: Mapping[str, frozenset[str]]
    spelt: Mapping[str, frozenset[str]]


_NO_ACTORS = _ActorIndex({}, frozenset(), {}, {})  # (plain dicts, read only: a layer pickles)
# (id(table), id(words)) -> (table, words, index)
_ACTOR_INDEXES: dict[tuple[int, int], tuple[tuple[Actor, ...], EntityWords, _ActorIndex]] = {}


def _actor_index(actors: tuple[Actor, ...], v: _Vocab) -> _ActorIndex:
    """The index of the first and last name of every person among ``actors`` (from its aliases
    of two words or more, titles dropped), so that the story file's "Ann Lee" is also "Lee" and
    "Ms Lee" wherever no other person of the article is a Lee. Built once per actor table (the
    table of a :class:`~newsframe.resources.Resources`, kept by identity, with the titles of
    ``v``) and shared by every article's layer: a story of 10,000 actors costs each article a
    look-up, not a copy.

    >>> from newsframe.actors import Actor
    >>> table = (Actor("lee", "Ann Lee", "person", ("Ann Lee",)),)
    >>> dict(_actor_index(table, _vocab()).names), _actor_index(table, _vocab()) is _actor_index(table, _vocab())
    ({'ann': frozenset({'lee'}), 'lee': frozenset({'lee'})}, True)
    """
    if not actors:
        return _NO_ACTORS
    hit = _ACTOR_INDEXES.get((id(actors), id(v.words)))
    if hit is not None and hit[0] is actors and hit[1] is v.words:
        return hit[2]
    names: dict[str, set[str]] = {}
    for actor in actors:
        if actor.kind != "person":
            continue
        for alias in actor.aliases:
            words = _strip_titles(_words(normalise(alias)), v)[1]
            if len(words) > 1 and all(_capital(w) for w in words):
                names.setdefault(words[0].lower(), set()).add(actor.actor_id)
                names.setdefault(words[-1].lower(), set()).add(actor.actor_id)
    spelt: dict[str, set[str]] = {}
    for name in names:
        for k in range(len(name)) if len(name) > _SPELT_MIN else ():
            spelt.setdefault(name[:k] + name[k + 1 :], set()).add(name)
    by_id = {a.actor_id: a for a in actors}
    index = _ActorIndex(
        by_id,
        frozenset(by_id),
        {k: frozenset(v) for k, v in names.items()},
        {k: frozenset(v) for k, v in spelt.items()},
    )
    if len(_ACTOR_INDEXES) >= 8:  # a few actor tables per process: drop the oldest
        del _ACTOR_INDEXES[next(iter(_ACTOR_INDEXES))]
    _ACTOR_INDEXES[id(actors), id(v.words)] = (actors, v.words, index)
    return index


def _single_name(layer: Entities, form: str) -> str | None:
    """The entity a single name refers to (its own alias, or the one person of that first or
    last name), without the title stripping of :meth:`Entities.resolve`."""
    key = form.lower()
    hit = layer._alias.get(key)
    if hit is not None:
        return hit
    people = layer._people(key)
    if not people and len(key) >= _SPELT_MIN:
        near = set(_spelt_index(layer).get(key, ()))  # a letter more than ``key``
        near.update(layer._actors.spelt.get(key, ()))
        near.update(key[:k] + key[k + 1 :] for k in range(len(key)))  # a letter less
        single, shared = layer._single, layer._actors.names  # most forms name no one: skip
        # them before comparing spellings
        people = {
            p
            for k in near
            if (k in single or k in shared) and one_letter_apart(k, key)
            for p in layer._people(k)
        }
    if not people:  # "Yun" for the article's "Yoon Suk Yeol"
        spellings = family_spellings(key, words=layer._v.words)
        people = {p for other in spellings for p in layer._people(other)}
    if not people and form[:1].isupper() and len(key) > 2:
        people = _inner_index(layer).get(key, set())
    return next(iter(people)) if len(people) == 1 else None


#: Head nouns of public bodies besides a government's own (the entity words'
#: ``government_nouns``): a place opening a sentence alone is never one of them.
_PUBLIC_BODIES = frozenset(["department", "police", "court", "council", "agency", "bureau"])


def _first_words(layer: Entities) -> dict[str, str]:
    """The first word of each organisation of the article that no other entity's name opens
    with, and the organisation: a sentence that opens with that word alone names it ("Alaska
    said" after "Alaska Airlines", "Boeing said" after "Boeing Co."); never a government
    body's ("Texas said" is not the Texas Department of Public Safety's).

    >>> layer = find_entities(["Norvik Airlines and the Avon Ministry of Health spoke."])
    >>> _first_words(layer)
    {'Norvik': 'Norvik Airlines'}
    """
    seen: dict[str, set[str]] = {}
    for e in layer.entities.values():
        words = e.name.split()
        if len(words) > 1 and words[0][:1].isupper():
            seen.setdefault(words[0], set()).add(e.entity_id)
    government = layer.words.government_nouns | _PUBLIC_BODIES
    out = {}
    for word, ids in seen.items():
        (entity_id,) = ids if len(ids) == 1 else (None,)
        e = layer.entities.get(entity_id) if entity_id is not None else None
        if (
            e is not None
            and e.kind == "organisation"
            and not any(w.lower() in government for w in e.name.split())
        ):
            out[word] = entity_id
    return out


def family_spellings(name: str, *, words: EntityWords | None = None) -> tuple[str, ...]:
    """The other romanisations of a Korean family name (lowercase) in the ``family_spellings``
    of ``words`` (None: the shipped entity words), or () for any other name.

    >>> family_spellings("yun"), family_spellings("smith")
    (('yoon',), ())
    """
    groups = (words if words is not None else _SHIPPED).family_spellings
    return tuple(v for v in groups.get(name, ()) if v != name)


def _inner_index(layer: Entities) -> dict[str, set[str]]:
    """The inner words of the people's names of three words or more ("Teh" and "Poh" of
    "Hisyam Teh Poh Teik", a family name inside a Malay or Chinese full name), lowercase ->
    the people: a single name that is no first or last name of anyone names the one person
    whose name holds it.

    Kept up to date incrementally: :func:`_add` queues each entity the moment it becomes a
    person (a person's name and kind never change after), and a look-up after the layer has
    grown indexes only the people queued since the last one, so an article naming n people
    splits each name once (linear), never the whole layer per look-up (n*n).
    """
    cached = layer.__dict__.get("_inner")
    if cached is None:
        cached = layer.__dict__["_inner"] = [-1, {}, 0]  # layer size seen, index, queue read
    if cached[0] != len(layer.entities):
        queue = layer.__dict__.get("_persons")
        if queue is None:  # a finished layer (no queue): index its people afresh
            cached[1], cached[2], queue = {}, 0, list(layer.entities)
        index, entities = cached[1], layer.entities
        for entity_id in queue[cached[2] :]:
            words = entities[entity_id].name.split()
            if entities[entity_id].kind == "person" and len(words) > 2:
                for w in words[1:-1]:
                    if w[:1].isupper() and len(w) > 2:
                        index.setdefault(w.lower(), set()).add(entity_id)
        cached[0], cached[2] = len(entities), len(queue)
    return cached[1]


def _spelt_index(layer: Entities) -> dict[str, set[str]]:
    """The first and last names of ``layer`` by each of their forms less one letter, built once
    per layer (so a look-up by spelling is linear in the name, not in the article's names)."""
    cached = layer.__dict__.get("_spelt")
    if cached is None or cached[0] != len(layer._single):
        index: dict[str, set[str]] = {}
        for name in layer._single:
            for k in range(len(name)) if len(name) > _SPELT_MIN else ():
                index.setdefault(name[:k] + name[k + 1 :], set()).add(name)
        cached = layer.__dict__["_spelt"] = (len(layer._single), index)
    return cached[1]


_SPELT_MIN = 5  # the shorter of two spellings of one name has at least this many letters


def name_parts(words: Iterable[str]) -> tuple[str, ...]:
    """The key of a person's name whatever the order of its parts: its words and the parts of
    its hyphenated words, lowercase, without accents or an initial's full stop, sorted (a name
    of one part has none: ``()``). "Son Heung-min" and "Heung-min Son", "Lee Kang-in" and
    "Kang-in Lee", "Yoon Suk-yeol" and "Yoon Suk Yeol" meet; a given name written first in one
    article and last in another is one key (the family-name-first order of East Asian names
    and its Western reversal).

    >>> name_parts(["Son", "Heung-min"]) == name_parts(["Heung-min", "Son"])
    True
    >>> name_parts(["Yoon", "Suk-yeol"]), name_parts(["Lee"])
    (('suk', 'yeol', 'yoon'), ())
    """
    parts: list[str] = []
    for word in words:
        parts.extend(p for p in fold_accents(word.lower().rstrip(".")).split("-") if p)
    return tuple(sorted(parts)) if len(parts) > 1 else ()


_VOWELS = str.maketrans("", "", "aeiou- ")


def consonants(given: str) -> str:
    """The consonants of a given name, lowercase and without accents: two romanisations of one
    Korean or Chinese given name differ in their vowels ("Byung-eun", "Byung-eon";
    "Suk-yeol", "Seok-yeol"), two people's names in a consonant ("Jong-un", "Jong-il").

    >>> consonants("Byung-eun") == consonants("Byung-eon"), consonants("Jong-un") == consonants("Jong-il")
    (True, False)
    """
    return fold_accents(given.lower()).translate(_VOWELS)


def one_letter_apart(a: str, b: str) -> bool:
    """True when one word is the other with one letter more ("Hishammuddin", "Hishamuddin";
    "Pimlott", "Pimlot"): two spellings of one name, the shorter of at least five letters and
    the same first letter. A changed letter is no match ("Andrea", "Andrew" are two people).

    >>> one_letter_apart("pimlott", "pimlot"), one_letter_apart("andrea", "andrew")
    (True, False)
    """
    if len(a) < len(b):
        a, b = b, a
    if len(a) != len(b) + 1 or len(b) < _SPELT_MIN or a[0] != b[0]:
        return False
    k = 0
    while k < len(b) and a[k] == b[k]:
        k += 1
    return a[k + 1 :] == b[k:]


_DOUBLED = re.compile(r"(\w)\1+")


def respelt(name: str) -> str:
    """The key under which two English spellings of one name meet: lowercase, each doubled
    letter written once and a closing "ie" or "ey" written "y" ("Bennett" and "Bennet", "Dianne"
    and "Diane", "Freddie" and "Freddy", "Lesley" and "Leslie"); a changed consonant or vowel
    elsewhere is another name ("Andrea", "Andrew"; "John", "Joan"; "Carl", "Carol"). The
    spelling-variant rules of name matching in record linkage (doubled letters and
    interchangeable endings; Christen 2012, *Data Matching*, ch. 4), without the phonetic
    codes (Soundex, NYSIIS) that also join "John" and "Joan". A word of fewer than five
    letters is its own key ("Good" is no "God").

    >>> [respelt(n) for n in ("Bennett", "Bennet", "Freddie", "Freddy", "Lesley", "Leslie")]
    ['benet', 'benet', 'fredy', 'fredy', 'lesly', 'lesly']
    >>> respelt("Andrea") == respelt("Andrew"), respelt("John") == respelt("Joan"), respelt("Good")
    (False, False, 'good')
    """
    if len(name) < _SPELT_MIN:
        return name.lower()
    key = _DOUBLED.sub(r"\1", name.lower())
    return key[:-2] + "y" if len(key) > 4 and key.endswith(("ie", "ey")) else key


def _spelt_alike(
    people: dict[tuple[str, str], str],
    key: tuple[str, str],
    nicknames: Mapping[str, str] | None = None,
) -> str | None:
    """The one person of ``people`` ((first, last) name -> id) whose name differs from ``key``
    in one of the two names by one letter or by an English spelling variant (:func:`respelt`:
    "Freddie", "Freddy"), or in the given name by a short form of the same name (``nicknames``,
    the entity words' given name -> full form: "Bob", "Robert"), or None. Two given names of
    one family name that are no such forms are two people (a couple, "Ann Lee" and "Tom Lee").

    >>> _spelt_alike({("robert", "quill"): "Robert Quill"}, ("bob", "quill"), {"bob": "robert", "robert": "robert"})
    'Robert Quill'
    >>> _spelt_alike({("ann", "lee"): "Ann Lee"}, ("tom", "lee")) is None
    True
    """
    first, last = key
    nicknames = nicknames or {}
    full = nicknames.get(first)

    def alike(a: str, b: str) -> bool:
        return one_letter_apart(a, b) or respelt(a) == respelt(b)

    hits = {
        entity_id
        for (given, family), entity_id in people.items()
        if (family == last and (alike(given, first) or (full and nicknames.get(given) == full)))
        or (given == first and alike(family, last))
    }
    return next(iter(hits)) if len(hits) == 1 else None


_MINISTRY_OF = re.compile(r"^ministry of (?:the )?(.+?)(?: affairs)?$")


def _body_key(name: str) -> str:
    """A government body's name in one wording: lowercase, *Ministry of X [Affairs]* as *X
    ministry* ("Ministry of Foreign Affairs" and "Foreign Ministry" meet)."""
    key = name.lower().removeprefix("the ")
    m = _MINISTRY_OF.match(key)
    return f"{m.group(1)} ministry" if m else key


def _canonical(
    layer: Entities, actor_ids: frozenset[str], *, texts: tuple[tuple[int, str], ...] = ()
) -> Entities:
    """Rename every entity that is not an actor to its canonical name: the longest form of a
    person's name (titles were never part of it), an organisation's spelled-out name; an
    organisation named without its country ("the Foreign Ministry") is the one government body
    of that name the article gives a country ("Foreign Ministry (Iran)"); a person's name
    opened by a common word that is no given name (:func:`_common_openers` of the article's
    ``texts``: "Calls Haddadin" in a headline, "Given Kellerman's ..." opening a sentence)
    is the one other person of the article whose name ends with the rest ("Jamil Haddadin"),
    else the rest alone ("Kellerman", for the corpus to link)."""
    national: dict[str, list[str]] = {}
    for entity_id, e in layer.entities.items():
        if entity_id.endswith(")") and " (" in entity_id:
            national.setdefault(_body_key(entity_id.rsplit(" (", 1)[0]), []).append(entity_id)
        elif e.kind == "country" and "government" in e.role.split():
            national.setdefault("government", []).append(entity_id)  # "the Government": it
    rename: dict[str, str] = {}
    for entity_id, e in layer.entities.items():
        if entity_id in actor_ids or e.kind == "country":
            continue
        if entity_id.endswith(")") and " (" in entity_id:  # "Foreign Ministry (Russia)"
            layer.entities[entity_id] = Entity(entity_id, entity_id, e.kind, e.role, e.aliases)
            continue
        owners = national.get(_body_key(entity_id), [])
        if e.kind == "organisation" and len(owners) == 1:
            rename[entity_id] = owners[0]
            continue
        forms = [a for a in e.aliases if not (a.isupper() and " " not in a)] or [e.name]
        best = max(forms, key=lambda a: (len(a.split()), len(a), a))
        if best != entity_id:
            rename[entity_id] = best
    for entity_id, rest in _common_openers(layer, actor_ids, texts).items():
        words = rest.lower().split()
        others = {
            p
            for p in layer._single.get(words[-1], ())
            if p != entity_id and p.lower().split()[-len(words) :] == words
        }
        rename[entity_id] = next(iter(others)) if len(others) == 1 else rest
    rename = {k: rename.get(v, v) for k, v in rename.items()}  # a target renamed in turn
    if not rename:
        return layer
    out = Entities(_v=layer._v, unresolved=layer.unresolved, _actors=layer._actors)
    for entity_id, e in layer.entities.items():
        new = rename.get(entity_id, entity_id)
        had = out.entities.get(new)
        if had is None:
            name = new if new in rename.values() else e.name
            out.entities[new] = Entity(new, name, e.kind, e.role, e.aliases)
        else:  # two entities found to be one
            aliases = tuple(dict.fromkeys((*had.aliases, *e.aliases)))
            out.entities[new] = Entity(new, had.name, had.kind, had.role or e.role, aliases)
    out.mentions = [
        EntityMention(m.paragraph_id, m.start, m.end, m.text, rename.get(m.entity_id, m.entity_id))
        for m in layer.mentions
    ]
    out._alias = {k: rename.get(v, v) for k, v in layer._alias.items()}
    out._single = {k: {rename.get(v, v) for v in vs} for k, vs in layer._single.items()}
    return out


_OPENING = frozenset(".!?:;\"'\u201c\u201d\u2018\u2019(\u2014\u2013-|")  # before a sentence


def _common_openers(
    layer: Entities, actor_ids: frozenset[str], texts: tuple[tuple[int, str], ...]
) -> dict[str, str]:
    """The people of ``layer`` whose name opens with a common word taken for a given name, each
    with the rest of the name: a capitalised first word that is an inflected form of an English
    word (its lemma another word: "Calls", "Accuses", "Given", "Eyed"), no known given name
    (:func:`given_names`), that the article also writes in lowercase and never capitalised
    inside a sentence (only opening a sentence or in a title-case headline, where any word is
    capitalised). The document-centred disambiguation of capitalised words of Mikheev 2002
    ("Periods, capitalized words, etc.", *Computational Linguistics* 28): a word the document
    writes in lowercase where case carries no information elsewhere is a common word. Linear
    in the text for each such candidate (most names have none).

    >>> texts = ["Given Quill's record, critics were wary.", "Bob Quill spoke. He was given time."]
    >>> [(e.name, e.aliases) for e in find_entities(texts).entities.values()]
    [('Bob Quill', ('Given Quill', 'Bob Quill'))]
    """
    out = {}
    names = None
    for entity_id, e in layer.entities.items():
        words = e.name.split()
        if e.kind != "person" or entity_id in actor_ids or len(words) < 2:
            continue
        first = words[0]
        low = first.lower()
        if not (first.isalpha() and first[1:].islower()) or lemmatize(low) == low:
            continue
        names = given_names(layer.words) if names is None else names
        if low in names:
            continue
        lower, capital = re.compile(rf"\b{low}\b"), re.compile(rf"\b{first}\b")
        if not any(lower.search(text) for _, text in texts):
            continue
        inside = any(
            (before := text[: m.start()].rstrip()) and before[-1] not in _OPENING
            for pid, text in texts
            if not (pid == -1 and _title_case(text))
            for m in capital.finditer(text)
        )
        if not inside:
            out[entity_id] = " ".join(words[1:])
    return out


_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+$")  # "Geun-hye", "Yuet-ngor" (never "Timor-Leste")
_NUMERALS = frozenset(["II", "III", "IV", "VI", "VII", "VIII", "JR", "SR"])


def _kind(name: list[str], form: str, v: _Vocab, places: Mapping[str, str]) -> str:
    """The kind of a name: a country (gazetteer), an organisation headed by an organisation
    noun (last, or before "of": "Port Authority of New York"), an event (headed by an event
    noun of ``event_heads``: "Asian Cup"), a place (holds a place word: "Cape X", "X Prefecture",
    or a state or province of two words or more, :func:`provinces`: "New Mexico", "Sofitel New
    York"), an organisation (holds an organisation noun or is an acronym), a person (two to four
    name words), else "" (a single name).

    >>> [_kind(n.split(), n, _vocab(), {}) for n in ("Asian Cup", "Asian Cup Committee", "Ann Lee")]
    ['event', 'organisation', 'person']
    >>> [_kind(n.split(), n, _vocab(), {}) for n in ("Port Authority of Avon", "Port of Avon")]
    ['organisation', 'place']
    >>> [_kind(n.split(), n, _vocab(), {}) for n in ("New Mexico", "Nara", "Naomi Osaka")]
    ['place', '', 'person']
    """
    if form in places or (form.isupper() and len(form) > 5 and form.title() in places):
        return "country"  # "MOSCOW" in a dateline
    lower, orgs = [w.lower().rstrip(".") for w in name], v.orgs
    if lower[-1] in orgs or lower[-1].rstrip("s") in orgs:
        return "organisation"  # headed by an organisation noun: "River Basin Commission"
    if len(lower) > 2 and "of" in lower[1:]:  # the noun before "of": "Port Authority of ..."
        head = lower[lower.index("of", 1) - 1]
        if head in orgs or head.rstrip("s") in orgs:
            return "organisation"
    if len(name) > 1 and lower[-1] in v.words.event_heads:
        return "event"  # "Paris Olympics", "Asian Cup", "Denmark Open": nobody who speaks
    if len(name) == 1 and lower[0] in v.words.venue_heads:
        return ""  # the venue word alone: a surname after a title ("Mayor Park"), or no name
    if len(name) > 1 and lower[-1] in v.words.venue_heads:
        # a building or venue ("Harbour City Hall", "Kestrel Arena"), never a person, but for
        # a known given name and a family name ("Daniel Park")
        return "person" if _given_and_family(name, v) else "place"
    if 2 <= len(name) <= 4 and any(_GIVEN.match(w) for w in name[1:]):
        return "person"  # a hyphenated given name ("Park Geun-hye", "Moon Jae-in")
    places_words, openers = v.words.place_words, v.words.place_openers
    if any(w in places_words for w in lower) or (len(name) > 1 and lower[0] in openers):
        return "place"  # "Cape Nosappu", "Fukushima Prefecture", "Main Street": never a person
    if _holds_province(name):
        return "place"  # "New Mexico", "Sofitel New York": a state or province, never a person
    if any(w in orgs or w.rstrip("s") in orgs for w in lower):
        return "organisation"
    if any(ch.isdigit() for w in name for ch in w):
        return ""  # a code or a model ("MH370", "A380"): no organisation, no person
    if len(name) == 1 and name[0].isupper() and len(name[0]) > 1:
        return "organisation"  # an acronym ("IAEA", "FAA")
    if any(len(w) > 1 and w.isupper() and w not in _NUMERALS and w[1:] != "." for w in name):
        return "organisation"  # an acronym inside a name ("IAEA Task Force", "IAEA Fukushima")
    if 2 <= len(name) <= 4 and not any(w in _JOINERS for w in lower) and lower[-1] not in _OPENERS:
        return "person"  # (never "Fukushima No" of "Fukushima No. 1")
    return "organisation" if len(name) > 4 or any(w in _JOINERS for w in lower) else ""


def _venue(role: list[str], name: list[str], v: _Vocab) -> bool:
    """True when a run split into ``role`` and ``name`` by its titles is a building's or a
    venue's name, whole: its last word is a venue head of the entity words (``venue_heads``:
    "Hall", "Arena", "Station") and it is no known given name before a family name ("Daniel
    Park"), nor a surname alone after a title that is no place word ("Mayor Park", "Ms Hall").
    A title word inside such a name is part of it ("Harbour City Hall", never "Hall" with the
    role "Harbour City").

    >>> v = _vocab()
    >>> _venue(["Harbour", "City"], ["Hall"], v), _venue(["Mayor"], ["Park"], v)
    (True, False)
    >>> _venue([], ["Daniel", "Park"], v), _venue(["Governor"], ["Daniel", "Park"], v)
    (False, False)
    """
    if not name or name[-1].lower() not in v.words.venue_heads:
        return False
    if len(name) == 1:  # a title, then the venue word alone
        places = v.words.place_words | v.words.venue_heads
        return any(w.lower() in places for w in role)
    return not _given_and_family(name, v)


def _given_and_family(name: list[str], v: _Vocab) -> bool:
    """True for two words whose first is a known given name that names no country or capital
    (:func:`given_names`; "Daniel Park", never "Victoria Park").

    >>> _given_and_family(["Daniel", "Park"], _vocab()), _given_and_family(["Kestrel", "Park"], _vocab())
    (True, False)
    """
    return len(name) == 2 and name[0].lower() in given_names(v.words) and name[0] not in gazetteer()


def given_names(words: EntityWords | None = None) -> frozenset[str]:
    """The known given names, lowercase: both forms of every row of ``data/given_names.csv``
    ("dan", "daniel") and every name of the entity words' ``nicknames`` (``words``; None: the
    shipped ones). Made once per word list, not per article.

    >>> "daniel" in given_names(), "park" in given_names()
    (True, False)
    """
    return _given_names_of(words if words is not None else _SHIPPED)


@functools.lru_cache(maxsize=8)
def _given_names_of(words: EntityWords) -> frozenset[str]:
    """:func:`given_names` of one word list, made once per list (kept by identity, as the
    resources keep their entity words: every layer of a corpus shares the one set)."""
    return _csv_given_names() | frozenset(words.nicknames) | frozenset(words.nicknames.values())


@functools.lru_cache(maxsize=1)
def given_name_pairs() -> frozenset[tuple[str, str]]:
    """The pairs (short form, full form) of English given names of ``data/given_names.csv``
    ("bill", "william"), lowercase; read once, for the entity layer and actor discovery.

    >>> ("bill", "william") in given_name_pairs()
    True
    """
    rows, source = read_csv_rows(None, "given_names.csv", required=("short", "full"))
    pairs = set()
    for n, row in enumerate(rows, start=1):
        short, full = (str(row.get(k) or "").strip().lower() for k in ("short", "full"))
        if not short or not full:
            raise InputError(source, f"row {n}: a short form and a full form are both needed")
        pairs.add((short, full))
    return frozenset(pairs)


@functools.lru_cache(maxsize=2)
def given_genders(path: str | None = None) -> Mapping[str, float]:
    """Given names nearly all of whose bearers are women or men, lowercase and without accents,
    with the share of women among their bearers; read once. By default the table derived from
    the installed ``nomquamgender`` package's names (:mod:`newsframe.name_genders`: its format,
    source and settings); ``path``: a CSV file of the same format (``name,female_share,count``)
    instead. A share that is no number from 0 to 1 is an :class:`~newsframe.errors.InputError`
    naming the file and the row.

    >>> table = given_genders()
    >>> table["ann"] >= 0.95, table["tom"] <= 0.05, "park" in table
    (True, True, False)
    """
    if path is None:
        source = "the given-name table derived from the nomquamgender package"
        text = name_genders.table_text()
        header, _, body = text.partition("\n")
        if header.strip() == name_genders.HEADER:  # the derived table: one plain row per name
            pairs = (line.split(",", 2)[:2] for line in body.splitlines())
        else:
            pairs = (
                (r.get("name"), r.get("female_share")) for r in csv.DictReader(text.splitlines())
            )
    else:
        rows, source = read_csv_rows(path, "", required=("name", "female_share"))
        pairs = ((r.get("name"), r.get("female_share")) for r in rows)
    out = {}
    for n, pair in enumerate(pairs, start=1):
        name, share = (str(k or "").strip() for k in (*pair, "", "")[:2])
        try:
            value = float(share)
        except ValueError:
            value = -1.0
        if not name or not 0.0 <= value <= 1.0:
            raise InputError(source, f"row {n}: a name and a share of women from 0 to 1 are "
                             f"needed (got {name!r}, {share!r})")  # fmt: skip
        out[name.lower()] = value
    return out


def load_shared_data(words: EntityWords | None = None) -> None:
    """Read now, in this process, the tables an entity layer reads on first use: the gazetteer
    and the provinces, the known given names (with ``words``' nicknames; None: the shipped
    ones) and their genders, and wordfreq's English frequencies (the one table
    ``zipf_frequency`` reads). Each is read once per process; worker processes forked after
    this call inherit them instead of each reading its own (about 0.2 s of CPU a process). The
    layers are the same either way.

    >>> load_shared_data()
    >>> "Beijing" in gazetteer(), "ann" in given_genders()
    (True, True)
    """
    gazetteer()
    provinces()
    given_names(words)
    given_genders()
    zipf_frequency("the", "en")


def _csv_given_names() -> frozenset[str]:
    return frozenset(name for pair in given_name_pairs() for name in pair)


def _holds_province(name: list[str]) -> bool:
    """True when consecutive words of ``name`` spell a state or province of two words or more
    (:func:`provinces`: "New York" in "Sofitel New York"); one-word ones are often family
    names too ("Kent", "Osaka") and never count.

    >>> _holds_province(["Sofitel", "New", "York"]), _holds_province(["Naomi", "Osaka"])
    (True, False)
    """
    known = provinces()
    longest = _longest(known)  # no longer join can be one: a window of a few words per word
    for i in range(len(name) - 1):
        joined = name[i]
        for word in name[i + 1 :]:
            joined = f"{joined} {word}"
            if len(joined) > longest:
                break
            if joined in known:
                return True
    return False


@functools.lru_cache(maxsize=2)
def _longest(names: frozenset[str]) -> int:
    """The length of the longest of ``names`` (0 for none)."""
    return max(map(len, names), default=0)


def _add(layer: Entities, entity_id: str, name: str, kind: str, role: str, alias: str) -> None:
    """Add ``alias`` to entity ``entity_id`` (created if new; the longer name is canonical)."""
    e = layer.entities.get(entity_id)
    if e is None:
        e = layer.entities[entity_id] = Entity(entity_id, name, kind, role, (alias,))
        if kind == "person":  # for :func:`_inner_index`
            layer.__dict__["_persons"].append(entity_id)
    elif alias not in e.aliases:
        layer.entities[entity_id] = Entity(
            entity_id, e.name, e.kind or kind, e.role or role, (*e.aliases, alias)
        )
        if not e.kind and kind == "person":  # became a person: for :func:`_inner_index`
            layer.__dict__["_persons"].append(entity_id)
    layer._alias.setdefault(alias.lower(), entity_id)
    if "&" in alias or "," in alias:  # "Acme, Inc." as :meth:`Entities.resolve` reads it
        layer._alias.setdefault(" ".join(_words(alias)).lower(), entity_id)
