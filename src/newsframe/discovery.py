"""Actors found in the text: the people and organisations a corpus names and quotes most.

Without a story file newsframe does not know who a story is about. Rather than draw rows of
zeros for someone else's actors, :func:`discover_actors` reads the articles' own names: runs of
capitalised words in the body, with the cues a reader uses to tell a person or an organisation
from any other capitalised word — a title or honorific before the name (*Prime Minister*,
*spokeswoman*, *Mr.*), an organisation head word (*Ministry*, *Agency*, *Party*, *Inc*), and the
speaker slot of an attribution (*X said*, *said X*, *according to X*). A surname used alone is
merged with the full name it belongs to, and so is a family name written first ("Xi" for "Xi
Jinping"); countries, their capitals and demonyms (the gazetteer of :mod:`newsframe.entities`)
are the country's government, an actor of kind ``state``. Never ranked: an organisation head
word or a company suffix alone ("Party", "Inc"), a news outlet's name, a country's demonym with
a title taken for a person ("Russian President"). Candidates are ranked by articles × mentions.
The method is the classic rule-based named-entity heuristic (capitalisation plus trigger words;
cf. Nadeau & Sekine 2007, "A survey of named entity recognition and classification", §3); it
needs no model and no download, and it is a starting point: check the list, then write a story
file.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from newsframe.actors import Actor
from newsframe.corpus import Article, Corpus, as_articles
from newsframe.entities import TITLES as ENTITY_TITLES
from newsframe.entities import gazetteer
from newsframe.errors import expect_kind
from newsframe.framing.speakers import organisation_nouns
from newsframe.linking import article_layer, link_entities
from newsframe.parallel import map_slices
from newsframe.resources import resolve_resources

__all__ = ["discover_actors", "name_candidates", "with_text_actors"]

_WORD = re.compile(r"[^\W_][\w'-]*")
_WORD_SPLIT = re.compile(rf"({_WORD.pattern})")  # split: text between words, word, text, …


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


#: Title and honorific words: the name that follows one of them is a person's.
TITLES = _set(
    """president prime minister chancellor premier king queen prince princess senator governor
    mayor secretary spokesman spokeswoman spokesperson ambassador general colonel captain judge
    chairman chairwoman chairperson ceo director head leader mr mrs ms dr sir lord lady pope
    deputy commissioner envoy lawmaker professor prof editor mp emir sheikh sultan officer
    correspondent reporter analyst expert economist activist farmer lawyer attorney adviser
    advisor aide negotiator"""
)
#: Organisation head words: a capitalised run containing one names an organisation.
ORG_HEADS = _set(
    """ministry agency party inc corp corporation company co ltd llc plc gmbh union commission
    council committee bank court parliament government university association institute office
    department authority service services police army navy group bureau fund foundation
    organisation organization league front movement network board assembly congress senate
    cabinet embassy club federation coalition alliance times news post tribune herald daily
    press broadcasting television radio"""
)
_CONNECTORS = frozenset({"of", "for", "the", "on", "de", "la", "von", "van", "der", "al"})
_SPEECH = _set(
    """said says say told tells added adds warned warns claimed claims stated states noted notes
    explained explains insisted insists argued argues accused accuses announced announces
    wrote writes asked asks replied replies urged urges stressed stresses"""
)
_TITLE_WORDS = TITLES | _CONNECTORS
_NOT_NAMES = _set(
    """the a an this that these those it its he she they we you i his her their our but and or
    if when while after before as at in on of for to from by with mr mrs ms dr monday tuesday
    wednesday thursday friday saturday sunday january february march april may june july august
    september october november december"""
)


@dataclass(frozen=True)
class _Name:
    """One capitalised run in a sentence, with its cues."""

    words: tuple[str, ...]
    titled: bool
    speaker: bool

    @property
    def kind(self) -> str:
        return _kind(any(w.lower().rstrip(".") in ORG_HEADS for w in self.words), self)


def _kind(has_head: bool, name: _Name) -> str:
    """``organisation`` for a run with an organisation head word, else ``person`` for a titled
    name or a speaker, else ``""``."""
    if has_head:
        return "organisation"
    return "person" if name.titled or name.speaker else ""


#: What a run needs of one word: (capitalised, lowercase, lowercase without trailing full stops).
_WordInfo = tuple[bool, str, str]


def _word_info(word: str) -> _WordInfo:
    lower = word.lower()
    return word[0].isupper() and any(map(str.islower, word)), lower, lower.rstrip(".")


def _runs(
    sentence: str, seen: dict[str, _WordInfo]
) -> list[tuple[list[str], list[_WordInfo], str, str]]:
    """Capitalised runs (words and their :func:`_word_info`) with the word before and after each
    (lowercase), in one linear pass; ``seen`` caches the information per distinct word."""
    parts = _WORD_SPLIT.split(sentence)  # word k is parts[2k + 1]; parts[2k + 2] follows it
    words = parts[1::2]
    info = list(map(seen.get, words))
    if None in info:
        for k, word in enumerate(words):
            if info[k] is None:
                info[k] = seen[word] = _word_info(word)
    capital = [x[0] for x in info]
    n = len(words)
    out: list[tuple[list[str], list[_WordInfo], str, str]] = []
    i = 0
    while True:
        try:
            i = capital.index(True, i)  # the next capitalised word starts a run
        except ValueError:
            return out
        j = i + 1
        while j < n and j - i < 8 and not parts[2 * j].strip():
            if capital[j]:
                j += 1
            elif (
                words[j] in _CONNECTORS
                and j + 1 < n
                and capital[j + 1]
                and not parts[2 * j + 2].strip()
            ):
                j += 2
            else:
                break
        before = info[i - 1][1] if i else ""
        after = info[j][1] if j < n else ""
        out.append((words[i:j], info[i:j], before, after))
        i = j


def name_candidates(sentence: str) -> list[_Name]:
    """Return the capitalised names of one sentence with their title and speaker cues.

    Leading function words and titles are stripped ("The Ministry of …", "Prime Minister Anja
    Brekke" → "Anja Brekke", titled); a possessive splits a run ("Norland's Ministry of Water" →
    "Ministry of Water"); a run followed by a speech verb, or preceded by "said", is a speaker.

    >>> [(" ".join(n.words), n.kind) for n in name_candidates("Prime Minister Anja Brekke said the Ministry of Water agreed.")]
    [('Anja Brekke', 'person'), ('Ministry of Water', 'organisation')]
    """
    return [name for name, _, _ in _candidates(sentence, {}, {})]


def _candidates(
    sentence: str, seen: dict[str, _WordInfo], names: dict[tuple, tuple[_Name, str, str]]
) -> list[tuple[_Name, str, str]]:
    """:func:`name_candidates` as ``(name, kind, words joined by a space)``; ``seen`` caches
    per-word information and ``names`` the (immutable) names, so a name met again is not
    rebuilt."""
    out = []
    for words, info, before, after in _runs(sentence, seen):
        titled = before.rstrip(".") in TITLES
        if len(words) == 1:  # most runs: no possessive split or title cut to look for
            if info[0][2] in _NOT_NAMES or info[0][1] in _TITLE_WORDS:
                continue
        else:
            for n in range(len(words) - 1):  # "Norland's Ministry": keep what follows
                if words[n].endswith("'s"):
                    words, info, before = words[n + 1 :], info[n + 1 :], ""
                    break
            while words and info[0][2] in _NOT_NAMES:
                before, words, info = info[0][1], words[1:], info[1:]
            titled = before.rstrip(".") in TITLES
            titles = [k for k, x in enumerate(info) if x[2] in TITLES]
            if titles and titles[-1] < len(words) - 1 and words[titles[-1] + 1] not in _CONNECTORS:
                words, info, titled = words[titles[-1] + 1 :], info[titles[-1] + 1 :], True
            if not words or all(x[1] in _TITLE_WORDS for x in info):
                continue
        key = (*words, titled, after in _SPEECH or before in _SPEECH)
        hit = names.get(key)
        if hit is None:
            if words[-1].endswith("'s"):
                words = [*words[:-1], words[-1][:-2]]
                info = [*info[:-1], _word_info(words[-1])] if words[-1] else info[:-1]
            name = _Name(tuple(words), key[-2], key[-1])
            kind = _kind(any(x[2] in ORG_HEADS for x in info), name)
            hit = names[key] = (name, kind, " ".join(name.words))
        out.append(hit)
    return out


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or "actor"


def _found_in(articles: Iterable[Article]) -> list[tuple[str, _Name, str, str]]:
    """``(article_id, name, its text, its kind)`` for every name candidate in the articles'
    body sentences (the map of :func:`discover_actors`)."""
    found: list[tuple[str, _Name, str, str]] = []
    seen: dict[str, _WordInfo] = {}
    names: dict[tuple, tuple[_Name, str, str]] = {}
    for article in articles:
        aid = article.article_id
        for _p, _s, sentence in article.sentences():
            found.extend((aid, n, text, k) for n, k, text in _candidates(sentence, seen, names))
    return found


def discover_actors(
    corpus: Corpus | Iterable[Article],
    *,
    top_n: int = 10,
    min_mentions: int = 2,
    n_jobs: int | None = 1,
) -> tuple[Actor, ...]:
    """Return the people and organisations the articles name and quote most, as :class:`Actor`\\ s.

    The candidates are entities, never fragments: the entity layer of every article
    (:func:`newsframe.entities.find_entities`: titles and roles stripped, a surname or a family
    name written first joined to its full name, acronyms to the organisation spelled out
    beside them, countries with their capitals and demonyms), linked across the corpus
    (:func:`newsframe.linking.link_entities`). Body mentions only (headlines are title case).
    A person has a full name of two words or more; an organisation holds an organisation noun
    or is an acronym; a country is its government (kind ``state``); a single name of unknown
    kind counts when it speaks somewhere ("Boeing said", "said Acme"). Never ranked: a place,
    an organisation head word or a company suffix alone ("Party", "Inc"), a news outlet's name,
    a country's demonym with a title taken for a person ("Russian President"). Ranked by
    (articles naming the actor) × (mentions), ties by name; ``min_mentions`` drops names seen
    fewer times. Aliases are the forms the articles used (for a person: the full name and the
    one name used alone), so the actors work wherever a story file's actors do (``resources=``
    / ``actors=``). ``n_jobs`` > 1 (or -1: every core) builds the entity layers of large
    corpora (256 articles or more) in forked worker processes
    (:func:`newsframe.parallel.map_slices`); the actors are the same.

    >>> from newsframe import Article
    >>> a = Article("a", "T", ("Energy Minister Lars Odegaard opened it. Odegaard said it works.",))
    >>> b = Article("b", "T", ("The Ministry of Water Resources said the flow was fine. Odegaard agreed.",))
    >>> [(x.actor_id, x.kind, x.aliases) for x in discover_actors([a, b], min_mentions=1)]
    [('lars_odegaard', 'person', ('Lars Odegaard', 'Odegaard')), ('ministry_of_water_resources', 'organisation', ('Ministry of Water Resources',))]
    """
    articles = as_articles(corpus)
    resources = replace(resolve_resources(None, articles), actors=())
    parts = map_slices(
        functools.partial(_layers, resources=resources), articles, n_jobs=n_jobs, min_items=256
    )
    layers = [layer for part in parts for layer in part]
    links = link_entities(layers)
    tally = _Tally()
    for article, layer in zip(articles, layers, strict=True):
        tally.add(article, layer, links)
    places = gazetteer()
    ranked = sorted(
        (c for c in tally.mentions if tally.mentions[c] >= min_mentions and tally.kind(c, places)),
        key=lambda c: (-len(tally.where[c]) * tally.mentions[c], c),
    )[:top_n]
    return tuple(tally.actor(c, places) for c in ranked)


def _layers(articles: Iterable[Article], resources) -> list:
    """The entity layers of ``articles`` (no actor table: the text's own names)."""
    nouns = organisation_nouns(resources.reporting_verbs)
    return [article_layer(a, resources, (), nouns) for a in articles]


_CREDIT_BEFORE = frozenset(["told", "citing", "agency", "outlet", "newspaper", "broadcaster",
                            "daily", "channel", "wire"])  # fmt: skip
_CREDIT_PAIRS = frozenset(["interview with", "obtained by", "reported by", "told the",
                           "quoted by", "cited by", "published by", "reports citing"])  # fmt: skip


def _credited(text: str, start: int, end: int, word_after: str) -> bool:
    """True when a name is credited as the news outlet of a report, not an actor of the story:
    in a dateline's parentheses or slashes ("(CBS/AP) —", "/TASS/"), after "told", "citing",
    "news agency", "an interview with", "obtained by", or before "reported"."""
    if text[start - 1 : start] in ("(", "/") or text[end : end + 1] in (")", "/"):
        return True
    if word_after in ("reported", "reports", "quoted", "cited"):
        return True
    before = text[max(start - 30, 0) : start].lower().split()[-2:]
    return bool(before) and (before[-1] in _CREDIT_BEFORE or " ".join(before) in _CREDIT_PAIRS)


class _Tally:
    """Per corpus entity: body mentions, the articles naming it, the forms used, its kind in
    the layers, and whether it ever speaks."""

    def __init__(self) -> None:
        self.mentions: Counter[str] = Counter()
        self.where: dict[str, set[str]] = {}
        self.forms: dict[str, Counter[str]] = {}
        self.kinds: dict[str, str] = {}
        self.speaks: set[str] = set()
        self.roles: set[str] = set()
        self.cited: Counter[str] = (
            Counter()
        )  # mentions as a news source: "told AP", "TASS reported"

    def add(self, article: Article, layer, links) -> None:
        texts = article.clean_paragraphs
        for m in (*layer.mentions, *layer.unresolved):
            if m.paragraph_id < 0:
                continue
            corpus_id = links(m.entity_id)
            entity = layer.entities.get(m.entity_id)
            if entity is None and corpus_id == m.entity_id:
                continue  # a capital opening a sentence that names no one
            kind = entity.kind if entity is not None else "person"
            if kind == "place":
                continue
            self.mentions[corpus_id] += 1
            self.where.setdefault(corpus_id, set()).add(article.article_id)
            self.forms.setdefault(corpus_id, Counter())[m.text] += 1
            if kind and (corpus_id == m.entity_id or corpus_id not in self.kinds):
                self.kinds[corpus_id] = kind
            if entity is not None and entity.role:
                self.roles.add(corpus_id)
            text = texts[m.paragraph_id]
            after = text[m.end : m.end + 12].split()[:1]
            before = text[max(m.start - 12, 0) : m.start].split()[-1:]
            said = after[0].strip(",.").lower() if after else ""
            if _credited(text, m.start, m.end, said):
                self.cited[corpus_id] += 1  # a news outlet credited, not an actor
            elif said in _SPEECH or before == ["said"]:
                self.speaks.add(corpus_id)

    def kind(self, corpus_id: str, places) -> str:
        """The actor kind of a corpus entity, or "" when it is no actor."""
        kind = self.kinds.get(corpus_id, "")
        words = corpus_id.split()
        if 2 * self.cited[corpus_id] >= self.mentions[corpus_id]:
            return ""  # named mostly as the outlet that reported or was told something
        if kind == "country":
            return "state"
        if kind == "person":
            # a full name with evidence that it is a person's: a title or role, speech, or
            # the surname used alone ("Fukushima Daiichi" and "Food Sanitation Law" have none)
            named = (
                corpus_id in self.roles
                or corpus_id in self.speaks
                or words[-1] in self.forms[corpus_id]
            )
            if any(w.lower().rstrip(".") in ORG_HEADS or w.lower() in _OUTLETS for w in words):
                return ""
            return "person" if len(words) > 1 and named and _personal(corpus_id, places) else ""
        if kind == "organisation":
            name = corpus_id.rsplit(" (", 1)[0] if corpus_id.endswith(")") else corpus_id
            whole = _Name(tuple(name.split()), False, False)
            return "organisation" if _organisation(whole) else ""
        if corpus_id in self.speaks and len(words) == 1 and corpus_id not in places:
            low = corpus_id.lower()
            if low not in ORG_HEADS and low not in _SUFFIXES and low not in _OUTLETS:
                return "organisation" if corpus_id.isupper() else "unknown"
        return ""

    def actor(self, corpus_id: str, places) -> Actor:
        kind = self.kind(corpus_id, places)
        forms = [f for f, _ in sorted(self.forms[corpus_id].items(), key=lambda x: (-x[1], x[0]))]
        if kind == "person":
            first, last = corpus_id.split()[0], corpus_id.split()[-1]
            alone = [f for f in forms if f in (first, last)]
            aliases = [corpus_id, *alone[:1]]
        elif kind == "state":
            aliases = [corpus_id, *sorted(set(forms) - {corpus_id})]
        else:
            aliases = [f for f in forms if not f.endswith(")")]
            if corpus_id in aliases:
                aliases.remove(corpus_id)
            if not corpus_id.endswith(")"):
                aliases.insert(0, corpus_id)
        name = corpus_id
        return Actor(_slug(name), name, "" if kind == "unknown" else kind, tuple(aliases))


#: The last word of a news outlet's name: an outlet credited in the text is not an actor.
_OUTLETS = _set("times news post tribune herald daily press journal gazette telegraph broadcasting")
_SUFFIXES = _set("inc corp co ltd llc plc gmbh sa ag")


def _organisation(name: _Name) -> bool:
    """True for an organisation worth ranking: not a head word or company suffix alone
    ("Party", "Inc"; an acronym of two or more capitals is kept) and not a news outlet."""
    words = [w.lower().rstrip(".") for w in name.words]
    if words[-1] in _OUTLETS:
        return False
    if len(words) == 1:
        return name.words[0].isupper() and len(name.words[0]) > 1
    return not all(w in _SUFFIXES | ORG_HEADS | _CONNECTORS for w in words)


def _personal(text: str, places) -> bool:
    """True unless a person's name is a country's name or demonym, alone or with titles
    ("South Korean", "Russian President", "Japanese Prime Minister")."""
    words = text.split()
    if text in places:
        return False
    titles = TITLES | ENTITY_TITLES
    return not (words[0] in places and all(w.lower() in titles for w in words[1:]))


def with_text_actors(corpus: Corpus, *, top_n: int = 10, n_jobs: int | None = 1) -> Corpus:
    """Return ``corpus`` itself if its resources have actors, else a copy whose actors are found
    in its text (:func:`discover_actors`, on ``n_jobs`` processes).

    A corpus loaded without a story file (or with one that lists no actors) then shows its own
    people and organisations in every actor table and figure instead of none.

    >>> from dataclasses import replace
    >>> from newsframe import Article, Corpus, default_resources
    >>> no_actors = replace(default_resources(), actors=())
    >>> c = Corpus([Article("a", "T", ("Mayor Ana Ruiz spoke. Ruiz said no.",))], resources=no_actors)
    >>> [a.actor_id for a in with_text_actors(c).resources.actors]
    ['ana_ruiz']
    """
    expect_kind(corpus, Corpus, "with_text_actors", hint="load one with nf.load_corpus(...)")
    resources = resolve_resources(None, corpus)
    if resources.actors:
        return corpus
    found = discover_actors(
        corpus, top_n=top_n, min_mentions=1 if len(corpus) < 3 else 2, n_jobs=n_jobs
    )
    return Corpus(corpus, resources=replace(resources, actors=found), story=corpus.story)
