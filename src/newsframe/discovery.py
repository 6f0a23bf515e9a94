"""Actors found in the text: the people, organisations and governments a corpus names and quotes most.

Without a story file newsframe does not know who a story is about. Rather than draw rows of
zeros for someone else's actors, :func:`discover_actors` ranks the entities of the articles'
entity layer (:meth:`newsframe.document.Document.entities`: names resolved within each article,
titles stripped into a role, surnames joined to full names, acronyms to the organisation they
abbreviate, capitals and demonyms to their country). Discovery never reads fragments of text
as actors; it does three things on top of the layer.

1. **Cues from the grammar around each mention** (body paragraphs only, and not in a
   sentence written in title case -- a headline or link line inside the body): a *speaker*
   is followed by a reporting verb of ``resources.reporting_verbs`` ("X said", "X denied",
   '"...," X said.') or comes after "said" or "according to"; a name *acts* when it speaks,
   is followed by a verb (an auxiliary or modal, a past tense in ``-ed``) or by a speaker
   noun ("China's foreign ministry", "the Chinese government"), and a country named as its
   government ("the UK Government") acts. A single capitalised word opening a sentence of an
   article that never writes that name in full ("Lindqvist said ...") counts for the one person
   of the corpus it names, else for nobody. A name after "the" or "a", or after a preposition of
   place ("in", "near", "off", ...), locates or describes; a name in a credit line ("(AP)",
   "/TASS/"; never an acronym defined in parentheses after a word in lower or mixed case:
   "Rowing Committee (NRC)"), after "told", "citing", "by" or "with" at a clause's end,
   followed by "reported", or called a news agency or newspaper ("the Yonhap news agency",
   "news agency Yonhap") is a news outlet. Besides the layer's names, a body named by a
   description is a candidate too: a nation's, province's or state's police, authorities or
   armed forces ("Peruvian police", "Manitoba police") and state broadcasting ("state TV"),
   one body per country and noun (:func:`_described_bodies`).
2. **One candidate per entity across the corpus** (the layer's ids are canonical names), by
   a normalised key: case, accents, possessives and company suffixes ("Co", "Inc", "Ltd",
   "Company") do not count; a person is one person whatever extra words the name carries
   ("Huawei CFO Meng Wanzhou", "Carrie Lam Cheng Yuet-ngor" join "Meng Wanzhou", "Carrie
   Lam"), with or without its hyphens ("Bankman Fried" of "Sam Bankman-Fried"), or however the
   given name is spelt (within two edits, an initial, a short form of four letters or more:
   "Jenni", "Jennifer"; a short form of the table ``data/given_names.csv``: "Bill",
   "William"; a hyphenated given name romanised with other vowels under the same family
   name: "Lee Seo-yeon", "Lee Seo-yon"), and one given name with last names spelt alike is
   one person ("Marek Dobula", "Marek Dhobula"; "Ivo Marenta", "Ivo Marento"; "Kelso
   Fontanie", "Kelso Fontany": :func:`_last_names_alike`); a single name joins the one person whose
   last (else first) name it is, or is with two neighbouring letters swapped ("Mizhuara"),
   unless it opens a company's name ("Adani" of "Adani Group" is not Gautam Adani);
   an acronym or clipped form joins the one organisation it abbreviates ("FAA", "TEPCO",
   "Exco"), and the long forms the articles abbreviate with one acronym are one; a name plus
   a country, an acronym, a suffix or a group word ("Wagner PMC", "Boeing Company", "Nissan
   Motor Co.") joins that name, and a name plus an outlet's word joins that name or
   organisation ("Fox News" is "Fox"); "Department of Justice" is "Justice Department"; an
   organisation's short form ("Spanish Football Federation") joins the one longer name that
   ends with it; a government body without its country ("the Foreign Ministry") joins the one
   country's body of that name, and a country's government ("Government (India)") is the
   country; a closed-class word or a clause's verb opening a sentence is no given name
   ("Throughout Hayward", "Reinstating Lindqvist"), a stopword that is also a given name is
   ("Will Stone" is not Ada Pinkett Stone), and a country's code before a person's last name
   is that person ("U.S. Duval-Roy"); an organisation under its country's code or name is one
   ("U.S. Rowing Committee", "United States Rowing Committee"), a place or a code before a
   rare name is that name ("LA Marlins", "Marlins"), and the layer's one-word name that ends
   a described body is that body ("TV" of "state TV").
3. **Who can be an actor** (:func:`_is_actor`): a person of two name words or more, not
   mostly after "the" or a preposition of place, with no country or day in the name, and not
   made only of common English words ("Camp Fire", "Air Force") unless titled or quoted ("Chris
   Hill said"); a name of two words or more mostly after "the" that speaks, or that acts in
   two articles, is a body ("the Harbour House said", "the Harbour Zoo has", "the
   Kestrel Express derailed"; :func:`_named_body`); a country's first-level division or a place's people ("New York",
   "New Yorkers", "Texans": the ``countryinfo`` data's divisions) are places; one name with
   a title; an organisation that is not a news outlet and either holds an organisation noun
   or suffix or acts; a single unknown name only when it speaks and is not mostly a place or
   a modifier, or a capitalised plural mostly after "the" that acts in two articles or more
   (a team or a party: "the Lakers have"); a rare word (Zipf under 3) that only ever opens
   sentences and speaks twice or more ("Peskov said ...", "Peskov added ..."), the surname
   of a person the pages never name in full; a place of two words or more that speaks and
   acts in half its mentions or more, the body that sits there ("Downing Street said"),
   unless a country's division or its people; an acronym only when it speaks or acts ("VX"
   of a nerve agent never does); a body named by a description that acts in two articles or
   is named in three; a single name that is the last name of two people of the corpus never
   (it names neither: "Varga" of Ann and Tom Varga); a
   country (with its capital and demonyms) only as a government that acts (measured on the
   39 development stories of ``benchmarks/eval_actors.py``, whose readers list countries among
   the main actors: with countries never actors, main actors found 289 -> 266 of 364 and junk
   39 -> 46; only countries that speak, 279 and 37; that act in two articles, 285 and 40).
   Never: places, titles or head nouns alone ("Lawyer", "Ministry", "Inc"; a newspaper's
   one-word name, "Telegraph", even where it acts), events, laws and
   agreements by their head noun ("Liberation Day", "Official Secrets Act"), designations of
   court papers ("Bank A", "Victim A"), capitalised plural nouns ("Prosecutors").

Ranked by :func:`actor_score`: (articles naming the actor) × (mentions + 2 × speaker
mentions), counting for a government only the articles and mentions where it acts, so a
country that only locates events ranks nowhere; ties by speech, action, articles, name. The
rules' list (``ranking="rules"``): every candidate scoring at least :data:`MIN_SCORE` (named
twice, or quoted once), then people named once with a title and a full name, at most
``top_n``. The method is the classic rule-based pipeline of named-entity recognition with cue
words and name matching across documents (Nadeau & Sekine 2007, "A survey of named entity
recognition and classification", §3; Lee et al. 2013, the Stanford sieve).

**The fitted ranking** (``ranking="model"``, the default): of the candidates the rules would
list but for ``top_n``, and of any other candidate named :data:`MODEL_MIN_MENTIONS` times or
quoted once (those the rules of who can be an actor reject included: "Republicans", a one-word
company), those whose probability of being one of the story's main actors is at least the
model's threshold, 0.5, come back, most probable first, at most ``top_n`` (:func:`_model_choice`).
A candidate is listed when it is at least as likely a main actor as not, which is when it adds
more expected main actors found than expected junk (the decision rule of a calibrated
classifier under equal costs; Duda, Hart & Stork, *Pattern Classification*, §2.2). The
probability is a logistic regression (Hosmer & Lemeshow, *Applied Logistic Regression*) over
story-independent features of each candidate (:data:`ACTOR_FEATURES`, :func:`_features`:
articles and their share, mentions, speech, action, headline and first-paragraph mentions,
where the name first stands, kind, name shape, the shares after a preposition of place, a
determiner or in a credit line, and the rules' own outcomes: kept or not, score relative to the
best, rank, in the rules' list of 10). The weights are plain data (``data/actor_model.csv``,
format at its top; a user's file or an :class:`ActorModel` as ``ranking=``), fitted by
``benchmarks/train_actor_model.py`` on the main actors readers listed for 68 stories (396
pages); inference is a dot product. Leaving one story out on those stories, main actors found
432 -> 444 of 679, junk actors 65 -> 72, stories with 80% of their main actors found and at most
one junk actor 9 -> 11 of 68, against the same model listing only what the rules would list
at a threshold chosen inside the training stories (docs/evaluation.md, "Nineteenth round
(actors)"). The model decides neither which entities are candidates nor who is named: most
missed main actors are not on the stored pages or are named once.
"""

from __future__ import annotations

import functools
import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
from wordfreq import zipf_frequency

from newsframe.actors import Actor
from newsframe.corpus import Article, Corpus, as_articles
from newsframe.datafiles import read_text, read_weights
from newsframe.document import HEADLINE, _sentence_spans
from newsframe.entities import (
    EVENT_HEADS,
    SENTENCE_OPENERS,
    TITLES,
    Entities,
    consonants,
    find_entities,
    gazetteer,
    given_name_pairs,
    name_parts,
    one_letter_apart,
    opening_gerund,
    provinces,
)
from newsframe.errors import expect_kind, wrong_kind
from newsframe.lexicons import EntityWords
from newsframe.linking import MAX_NAME_WORDS, MAX_SHARING
from newsframe.parallel import map_slices
from newsframe.resources import Resources, default_resources, resolve_resources
from newsframe.text import fold_accents, lemmatize

__all__ = [
    "ACTOR_FEATURES",
    "MIN_SCORE",
    "MODEL_MIN_MENTIONS",
    "ActorModel",
    "actor_score",
    "discover_actors",
    "load_actor_model",
    "with_text_actors",
]

#: How many come back: the candidates scoring at least this (:func:`actor_score`), at most
#: ``top_n``. 2 means named twice, or quoted once: a name met once and never quoted is no actor.
MIN_SCORE = 2

_TOKEN = re.compile(r"[^\W\d_][\w'\u2019.-]*|[^\w\s]")
_POSSESSIVE = ("'s", "\u2019s")
#: Words after a name that make it the subject of a verb (auxiliaries and modals).
_AUXILIARIES = frozenset(
    [
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "should",
        "can",
        "may",
        "might",
        "must",
        "did",
        "does",
        "do",
        "also",
    ]
)
#: Words before a name that make it a place where something happens, not one who acts.
_LOCATIVES = frozenset(
    [
        "in",
        "at",
        "near",
        "off",
        "from",
        "into",
        "onto",
        "across",
        "around",
        "toward",
        "towards",
        "throughout",
        "within",
        "inside",
        "outside",
        "via",
        "through",
        "to",
        "on",
        "over",
        "under",
        "along",
        "beyond",
    ]
)
_DETERMINERS = frozenset(["the", "a", "an"])
#: Day and month names: never part of a person's name.
_CALENDAR = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
#: Company suffixes and legal forms: not part of an organisation's key ("Boeing Company").
_SUFFIXES = frozenset(
    [
        "co",
        "inc",
        "corp",
        "corporation",
        "company",
        "ltd",
        "limited",
        "llc",
        "plc",
        "gmbh",
        "sa",
        "ag",
        "ag.",
        "nv",
        "bv",
    ]
)
#: Words after a company's name that name its group or its main company ("Nissan Motor Co.").
_CORPORATE = frozenset(["group", "holdings", "motor", "motors", "international"])
_CONNECTORS = frozenset(["of", "for", "the", "and", "&", "de", "la", "du", "da"])
#: Titles and roles before a person's name (with the entity layer's :data:`TITLES`).
_ROLES = TITLES | frozenset(
    [
        "president",
        "prime",
        "minister",
        "chancellor",
        "premier",
        "king",
        "queen",
        "prince",
        "princess",
        "senator",
        "governor",
        "mayor",
        "secretary",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "ambassador",
        "general",
        "colonel",
        "captain",
        "judge",
        "chairman",
        "chairwoman",
        "chairperson",
        "ceo",
        "cfo",
        "coo",
        "director",
        "head",
        "leader",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "lord",
        "lady",
        "deputy",
        "commissioner",
        "envoy",
        "lawmaker",
        "professor",
        "prof",
        "editor",
        "mp",
        "emir",
        "sheikh",
        "sultan",
        "officer",
        "correspondent",
        "reporter",
        "analyst",
        "expert",
        "economist",
        "activist",
        "farmer",
        "lawyer",
        "attorney",
        "adviser",
        "advisor",
        "aide",
        "negotiator",
    ]
)
_MENTIONS, _SPEAKER, _ACTS, _LOCATED, _DETERMINED, _OUTLET = range(6)


_ENDS = (".", "!", "?", '"', "\u201d", "'", "\u2019")
_DASHES = frozenset(["-", "\u2013", "\u2014", ":"])


#: Words around a name that say it is a news outlet ("the Yonhap news agency reported",
#: "news agency Yonhap", "the Asahi newspaper").
_AGENCY_AFTER = re.compile(
    r"\A\s{1,3}(?:news\s{1,3}agency|newspaper|daily|broadcaster|tabloid)\b", re.I
)
_AGENCY_BEFORE = frozenset([("news", "agency"), ("state", "broadcaster"), ("state", "media"),
                            ("the", "newspaper"), ("state", "newspaper"),
                            ("television", "station"), ("tv", "station"), ("radio", "station"),
                            ("television", "channel"), ("tv", "channel"), ("news", "channel"),
                            ("news", "website"), ("news", "outlet"), ("media", "outlet")])  # fmt: skip


def _defines_acronym(text: str, start: int) -> bool:
    """True for a mention at ``start`` inside a parenthesis that follows a word written in
    lower or mixed case: "... Rowing Committee (NRC)" defines an acronym, where "OSLO (NPA)"
    (a dateline in capitals) and "... said. (NPA)" credit a news outlet.

    >>> t = "The Rowing Committee (NRC) met. OSLO (NPA) - it rained."
    >>> _defines_acronym(t, t.index("NRC")), _defines_acronym(t, t.index("NPA"))
    (True, False)
    """
    k = text.rfind("(", max(start - 3, 0), start)
    words = text[max(k - 40, 0) : k].split() if k >= 0 else []
    last = words[-1] if words else ""
    return bool(last) and last[-1].isalpha() and any(ch.islower() for ch in last)


def _cues(
    text: str, start: int, end: int, verbs: frozenset[str], nouns: frozenset[str]
) -> tuple[int, ...]:
    """The cue counts of one mention ``text[start:end]``: (1, speaker, acts, located after a
    preposition of place, after a determiner, credited as a news outlet), each 0 or 1."""
    after = text[end : end + 60]
    possessive = after.startswith(_POSSESSIVE)
    rest = _TOKEN.findall(after[2:] if possessive else after)
    nxt = rest[0] if rest else ""
    if nxt.endswith(".") and nxt[:-1].isalpha():
        nxt = nxt[:-1]  # a verb that ends the sentence ('"...," Ann Lee said.'), no abbreviation
    lemma = lemmatize(nxt) if nxt[:1].isalpha() else ""
    before = [w.lower() for w in _TOKEN.findall(text[max(start - 40, 0) : start])[-2:]]
    prev = before[-1] if before else ""
    prev2 = before[0] if len(before) == 2 else ""
    credit = (prev in ("(", "/") and nxt in (")", "/")) or (start == 0 and nxt in _DASHES)
    if credit and prev == "(" and _defines_acronym(text, start):
        credit = False  # "the Rowing Committee (NRC)": an acronym defined, no credit line
    credit = credit or _AGENCY_AFTER.match(after) is not None or (prev2, prev) in _AGENCY_BEFORE
    outlet = (
        not possessive
        and (
            credit  # "(APP)", "/TASS/", "(CBS/AP)", "IRNA - ..."
            or lemma == "report"
            or prev in ("told", "citing")
            or (prev2, prev) == ("told", "the")
            or (prev in ("by", "with") and not nxt[:1].isalpha())  # "obtained by CNN."
        )
    )
    speaker = (
        not possessive
        and not outlet
        and (lemma in verbs or prev in ("said", "says") or (prev2, prev) == ("according", "to"))
    )
    acts = (
        speaker
        or (lemma in nouns and (possessive or nxt.islower()))  # "Japan's / Chinese government"
        or (
            not possessive
            and nxt.islower()
            and (nxt in _AUXILIARIES or (nxt.endswith("ed") and len(nxt) > 4))
        )
    )
    return (
        1,
        int(speaker),
        int(acts),
        int(prev in _LOCATIVES),
        int(prev in _DETERMINERS),
        int(outlet),
    )


def _title_case(text: str, sentences: list[tuple[int, int]], names: list[tuple[int, int]]) -> list:
    """The ``sentences`` (spans) of a body paragraph ``text`` written in title case (a
    headline, a caption or a link line inside the body, where capitals mark no names): outside
    the ``names`` the layer found (spans in reading order), and besides the first word and
    titles, at least two words of three letters or more are capitalised and no fewer than are
    lowercase; or an unpunctuated line of mostly capitalised words."""
    starts = [x for x, _ in names]
    out = []
    for a, b in sentences:
        sentence = text[a:b].rstrip()
        split = sentence.split()
        upper = sum(w[:1].isupper() for w in split)
        if 2 * upper < len(split):
            continue  # mostly lowercase: a sentence of running text (most sentences)
        bare = not sentence.endswith(_ENDS) and upper >= 3
        capital = lower = 0
        for w in list(_LONG_WORD.finditer(text, a, b))[1:]:
            k = bisect_right(starts, w.start()) - 1
            if (k >= 0 and w.start() < names[k][1]) or w.group().lower() in _ROLES:
                continue
            capital += w.group()[0].isupper()
            lower += w.group()[0].islower()
        if (capital >= 2 and capital >= lower) or (bare and 2 * upper > len(split)):
            out.append((a, b))
    return out


_LONG_WORD = re.compile(r"[^\W\d_]{3,}")


def _article_entities(
    articles: Sequence[Article],
    verbs: frozenset[str],
    nouns: frozenset[str],
    words: EntityWords | None = None,
) -> list[tuple[str, str, str, str, str, tuple[str, ...], tuple[int, ...]]]:
    """``(article_id, entity_id, name, kind, role, forms, cue counts)`` for every entity named
    in the body of each article (the map of :func:`discover_actors`). The layer is the one
    :meth:`newsframe.document.Document.entities` builds for an article without a story's
    actors (:func:`newsframe.entities.find_entities` over the clean headline and paragraphs,
    with the entity ``words`` of the corpus's resources: a story file's ``[entities.*]`` with
    the shipped ones), built here without the rest of the analysed document."""
    out = []
    for article in articles:
        paragraphs = article.clean_paragraphs
        layer = find_entities(
            (article.clean_title, *paragraphs), ids=range(-1, len(paragraphs)), words=words
        )
        sentences: dict[int, list[tuple[int, int]]] = {}
        for paragraph_id, start, end in _sentence_spans(article):
            sentences.setdefault(paragraph_id, []).append((start, end))
        names: dict[int, list[tuple[int, int]]] = {}
        for m in layer.mentions:
            names.setdefault(m.paragraph_id, []).append((m.start, m.end))
        titles = {
            p: _title_case(paragraphs[p], sentences.get(p, []), spans)
            for p, spans in names.items()
            if p != HEADLINE
        }
        counts: dict[str, list[int]] = {}
        forms: dict[str, dict[str, None]] = {}
        first_seen: dict[str, int] = {}
        for k, m in enumerate(layer.mentions):
            first_seen.setdefault(m.entity_id, k)
        openers: dict[str, list[int]] = {}  # "Lindqvist said ...": a name the article never
        for m in (*layer.mentions, *layer.unresolved):  # writes in full: the corpus decides
            if m.paragraph_id == HEADLINE:
                continue
            entity_id = m.entity_id
            if entity_id not in layer.entities or layer.entities[entity_id].kind == "":
                entity_id = _principal(layer, m.text, first_seen) or entity_id
            opener = entity_id not in layer.entities
            if opener and m.text not in SINGLE_NAME.findall(m.text):
                continue
            if any(a <= m.start < b for a, b in titles.get(m.paragraph_id, ())):
                continue  # a headline or link line inside the body
            cues = _cues(paragraphs[m.paragraph_id], m.start, m.end, verbs, nouns)
            country = not opener and layer.entities[entity_id].kind == "country"
            if country and _GOVERNMENT_WORD.search(m.text):  # "the UK Government" governs
                cues = (*cues[:_ACTS], 1, *cues[_ACTS + 1 :])
            total = (openers if opener else counts).setdefault(entity_id, [0] * 6)
            for k, v in enumerate(cues):
                total[k] += v
            if not opener:
                forms.setdefault(entity_id, {})[m.text] = None
        for entity_id, total in counts.items():
            e, written = layer.entities[entity_id], tuple(forms[entity_id])
            name, kind = e.name, e.kind
            if e.kind in ("", "person") and not any(name in f for f in written):
                # named in full only in the headline: the body's own form, of no known kind
                # when a single name ("Norland" of "Norland Opens Disputed Dam")
                name = max(written, key=lambda f: (len(f.split()), len(f), f))
                entity_id, kind = name, kind if " " in name else ""
            row = (article.article_id, entity_id, name, kind, e.role, written, tuple(total))
            out.append(row)
        for word, total in openers.items():
            out.append((article.article_id, word, word, _OPENER, "", (word,), tuple(total)))
        out += _described_bodies(article, titles, verbs, nouns)
    return out


#: A body named by a description, not a name: a nation's (its demonym, its name) or a state's
#: or province's police, authorities or armed forces ("Peruvian police", "Manitoba police"), and
#: state broadcasting ("state TV", "Peruvian state media"). Words, not names: the entity layer
#: holds none of them.
_DESCRIBED = re.compile(
    r"\b(?:([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)\s{1,3}(police|authorities|military|army|armed\s{1,3}forces)"
    r"|[Ss]tate\s{1,3}(TV|television|media|broadcaster))\b"
)
#: The kind of a body named by a description (:func:`_described_bodies`): an actor only where
#: it speaks or acts, in two articles or more.
_DESCRIBED_KIND = "described"


def _described_bodies(
    article: Article, titles: dict, verbs: frozenset[str], nouns: frozenset[str]
) -> list[tuple]:
    """The bodies an article names by a description (:data:`_DESCRIBED`): rows of
    :func:`_article_entities`, one per body, keyed by the country or place and the noun
    ("Peru police" for "Peruvian police" and "Peru's police"; "state television" for
    "state TV" and "State television"), named as written; the sentences of ``titles`` (title
    case inside the body) are skipped.

    >>> rows = _described_bodies(Article("a", "T", ("Peruvian police said the men lied. State TV said so.",)), {}, frozenset(["say"]), frozenset())
    >>> [(r[1], r[2], r[6][:3]) for r in rows]
    [('Peru police', 'Peruvian police', (1, 1, 1)), ('state television', 'state TV', (1, 1, 1))]
    """
    places = gazetteer()
    found: dict[str, tuple[dict[str, None], list[int]]] = {}
    for p, text in enumerate(article.clean_paragraphs):
        for m in _DESCRIBED.finditer(text):
            if any(a <= m.start() < b for a, b in titles.get(p, ())):
                continue
            if m.group(3):
                key, form = "state television", "state " + m.group(3)
            else:
                place = m.group(1)
                owner = places.get(place) or (place if place in provinces() else None)
                if owner is None:
                    continue
                noun = " ".join(m.group(2).split())
                key, form = f"{owner} {noun}", f"{place} {noun}"
            forms, total = found.setdefault(key, ({}, [0] * 6))
            forms[form] = None
            for k, v in enumerate(_cues(text, m.start(), m.end(), verbs, nouns)):
                total[k] += v
    return [
        (
            article.article_id,
            key,
            next(iter(forms)),
            _DESCRIBED_KIND,
            "",
            tuple(forms),
            tuple(total),
        )
        for key, (forms, total) in found.items()
    ]


def _principal(layer: Entities, word: str, first_seen: dict[str, int]) -> str | None:
    """The person of the article a surname alone names when several people of the article
    share it: the one named first (news style gives the principal the surname alone and the
    others their given names: "President Ann Lee and her husband Tom Lee visited. Lee said
    ..." is Ann Lee); None when fewer than two people of the article have ``word`` as their
    last name.

    >>> layer = find_entities(["President Ann Lee and her husband Tom Lee visited.", "Lee said so."])
    >>> _principal(layer, "Lee", {"Ann Lee": 0, "Tom Lee": 1})
    'Ann Lee'
    """
    low = word.lower()
    people = [
        p
        for p in layer._people(low)
        if p in first_seen
        and layer.entities[p].kind == "person"
        and layer.entities[p].name.split()[-1].lower() == low
    ]
    return min(people, key=lambda p: (first_seen[p], p)) if len(people) > 1 else None


#: A country's mention that names its government ("the UK Government", "the government"): the
#: country as one that acts, wherever it stands in the sentence.
_GOVERNMENT_WORD = re.compile(r"\b(?:government|administration|cabinet)\b", re.IGNORECASE)

#: The kind of a single capitalised word that opens a sentence of an article naming nobody so
#: ("Lindqvist said ..."): a mention of the one person of the corpus whose name it is, else none.
_OPENER = "opener"
SINGLE_NAME = re.compile(r"^[A-Z][a-z]+(?:[-'\u2019][A-Z]?[a-z]+)?$")


@dataclass
class _Candidate:
    """One entity of the corpus: every article's entity of that id, summed."""

    entity_id: str
    name: str
    kind: str
    role: str = ""
    forms: Counter = field(default_factory=Counter)  # forms as written -> articles using them
    articles: set = field(default_factory=set)
    acting: set = field(default_factory=set)  # articles where it speaks or acts
    counts: list = field(default_factory=lambda: [0] * 6)


def _roles(resources: Resources) -> frozenset[str]:
    """The titles and roles before a person's name: :data:`_ROLES` and the resources' entity
    words' titles (a story file's ``[entities.titles]`` included)."""
    return _ROLES | resources.entity_words.titles


@functools.lru_cache(maxsize=1 << 16)
def _key(name: str) -> str:
    """The normalised key of a name: accents, case, possessives, punctuation, a leading "the"
    and company suffixes do not count ("The Boeing Company" and "Boeing" are one key)."""
    words = re.findall(
        r"[a-z0-9&]+", fold_accents(name).lower().replace("\u2019", "'").replace("'s ", " ")
    )
    if words and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    at = next((k for k, w in enumerate(words[:3]) if w in _BODIES), -1)
    if at >= 0 and len(words) > at + 2 and words[at + 1] == "of":
        # "(U.S.) Department of Justice" is "(U.S.) Justice Department"
        rest = words[at + 2 :]
        words = [*words[:at], *(rest[1:] if rest[0] == "the" else rest), words[at]]
    if len(words) > 2 and words[-1] in _BODIES and words[-2] == "affairs":
        words = [*words[:-2], words[-1]]  # "Foreign Affairs Ministry" is "Foreign Ministry"
    return " ".join(words)


_GOVERNMENT_OF = re.compile(r"^(?:[Tt]he )?(?:[Gg]overnment|[Aa]dministration) \((.+)\)$")
#: Government bodies named either way round ("Ministry of Defence", "Defence Ministry").
_BODIES = frozenset(["ministry", "department", "office", "bureau"])


_KIN = frozenset(["son", "daughter", "father", "mother", "brother", "sister", "aunt", "uncle",
                  "wife", "husband", "parent", "relative", "friend", "man", "woman", "boy",
                  "girl", "person", "heir", "heiress", "member", "source", "king", "queen",
                  "prince", "princess"])  # fmt: skip


def _person_words(name: str, roles: frozenset[str] = _ROLES) -> list[str]:
    """A person's name words without leading closed-class words that open a sentence
    ("Throughout Hayward"; never a modal or a noun that is also a given name: "Will Stone",
    "May Lee"), titles and ``roles``, roles written as titles ("Host Kerri Miller"), places and
    acronyms ("Huawei CFO Meng Wanzhou" keeps every word: the join with "Meng Wanzhou" is by
    containment); a name keeps at least two words, unless a sentence's opening word or a
    country's code ("U.S. Duval-Roy") was before it.

    >>> _person_words("Will Stone"), _person_words("Throughout Hayward"), _person_words("Host Kerri Miller")
    (['Will', 'Stone'], ['Hayward'], ['Kerri', 'Miller'])
    >>> _person_words("Reinstating Lindqvist"), _person_words("U.S. Duval-Roy")
    (['Lindqvist'], ['Duval-Roy'])
    """
    words = name.replace("\u2019", "'").split()
    places = gazetteer()
    while len(words) > 1 and (
        words[0].lower() in SENTENCE_OPENERS
        or opening_gerund(words[0])
        or (words[0].isupper() and words[0] in places)
    ):
        words = words[1:]  # "Throughout Hayward", "Reinstating Lindqvist", "U.S. Duval-Roy"
    while len(words) > 2 and (
        words[0].lower().rstrip(".") in roles
        or words[0] in places
        or words[0].lower() in _false_titles()
    ):  # "Host Kerri Miller": a role written before the name like a title
        words = words[1:]
    return words


@functools.lru_cache(maxsize=1)
def _false_titles() -> frozenset[str]:
    """The person nouns of the shipped speaker table that a name may carry before it like a
    title ("Host Kerri Miller", "Coach Ann Lee"): occupations and roles, never words for kin
    or for anyone ("Son", "Man" open family names: "Son Heung Min")."""
    nouns = default_resources().reporting_verbs.speaker_nouns
    return frozenset(w for w, kind in nouns.items() if kind == "person") - _KIN


def _near(a: str, b: str) -> bool:
    """True for two spellings of one given name: equal, one the initial of the other, one the
    short form of the other (a beginning of four letters or more: "Jenni", "Jennifer"), or
    two long forms within two edits (Levenshtein).

    >>> _near("Jenni", "Jennifer"), _near("J.", "Jennifer"), _near("Jen", "Jennifer")
    (True, True, False)
    """
    a, b = fold_accents(a).lower().rstrip("."), fold_accents(b).lower().rstrip(".")
    if a == b or (min(len(a), len(b)) == 1 and a[0] == b[0]):
        return True
    short, long = sorted((a, b), key=len)
    if len(short) >= 4 and long.startswith(short):
        return True
    if (a, b) in given_name_pairs() or (b, a) in given_name_pairs():
        return True  # "Bill", "William": a short form of the table data/given_names.csv
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 2:
        return False
    return _edits(a, b) <= 2


def _edits(a: str, b: str) -> int:
    """The Levenshtein distance of two words (insertions, deletions, substitutions).

    >>> _edits("fontanie", "fontany"), _edits("marenta", "marento")
    (2, 1)
    """
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def _last_names_alike(a: str, b: str) -> bool:
    """True for two spellings of one last name under one given name: one letter more
    (:func:`newsframe.entities.one_letter_apart`: "Dhobula", "Dobula"), or, for names of six
    letters or more with the same first two letters, one changed letter ("Varena", "Vareno"),
    and for seven letters or more two edits ("Fontanie", "Fontany"); one word each. Keys of
    :func:`_key`.

    >>> _last_names_alike("fontanie", "fontany"), _last_names_alike("varena", "vareno")
    (True, True)
    >>> _last_names_alike("jones", "jonas"), _last_names_alike("hansen", "jansen"), _last_names_alike("seo yeon", "seo yun")
    (False, False, False)
    """
    if one_letter_apart(a, b):
        return True
    shortest = min(len(a), len(b))
    if shortest < 6 or a[:2] != b[:2] or not (a.isalpha() and b.isalpha()):
        return False  # (never a hyphenated given name written last: "Lee Seo-yeon", "Lee Seo-yun")
    return _edits(a, b) <= (1 if shortest == 6 else 2)


def _join_short_forms(entities: dict[str, _Candidate], union: _Union) -> None:
    """Join the long forms of an organisation that the articles abbreviate with one acronym
    ("Royal Spanish Football Federation (RFEF)", "Real Spanish Football Federation (RFEF)"),
    then an organisation's short form, its name without the first words ("Spanish Football
    Federation"), to the one organisation of the corpus whose name ends with it (two words at
    least)."""
    keys = {x: _key(e.name).split() for x, e in entities.items() if e.kind == "organisation"}
    tails: dict[tuple[str, ...], set[str]] = {}
    for x, words in keys.items():
        for k in range(1, len(words) - 1 if len(words) <= MAX_NAME_WORDS else 0):  # not quadratic
            if words[k] not in _CONNECTORS:
                tails.setdefault(tuple(words[k:]), set()).add(x)
    acronyms: dict[str, set[str]] = {}  # an acronym the layer gave several long forms
    for x in keys:
        for form in entities[x].forms:
            if form.isupper() and len(form) >= 3 and " " not in form:
                acronyms.setdefault(form, set()).add(x)
    for group in acronyms.values():  # "Royal ..." and "Real Spanish Football Federation (RFEF)"
        first, *rest = sorted(group)
        for y in rest:
            union.join(first, y)
    for x, words in sorted(keys.items()):
        owners = {union.find(y) for y in tails.get(tuple(words), ()) if y != x}
        owners.discard(union.find(x))
        if len(owners) == 1 and not x.endswith(")"):
            union.join(owners.pop(), x)


def _join_variants(
    people: list[str],
    entities: dict[str, _Candidate],
    union: _Union,
    roles: frozenset[str] = _ROLES,
) -> None:
    """Join two forms of one person's name that the surname groups miss: a name written with
    or without its hyphens that is the end or the beginning of the one longer name holding it
    ("Bankman Fried" of "Sam Bankman-Fried"), and a family-name-first name whose hyphenated
    given name is another romanisation of the one other given name under that family name
    ("Yoo Byung-eon", "Yoo Byung-eun"): each only when one person of the corpus fits; and the
    names made of the same parts in another order ("Son Heung-min", "Heung-min Son";
    :func:`newsframe.entities.name_parts`)."""
    keyed = {
        x: tuple(_key(" ".join(_person_words(entities[x].name, roles))).split()) for x in people
    }
    parts: dict[tuple[str, ...], set[str]] = {}
    given: dict[tuple[str, str], set[str]] = {}  # (family name, skeleton) -> people
    orders: dict[tuple[str, ...], set[str]] = {}  # the name's parts in any order -> people
    for x in people:
        if order_free := name_parts(_person_words(entities[x].name, roles)):
            orders.setdefault(order_free, set()).add(x)
        words = keyed[x]
        for k in range(1, len(words) - 1):
            parts.setdefault(words[k:], set()).add(x)
            parts.setdefault(words[: len(words) - k], set()).add(x)
        name = _person_words(entities[x].name, roles)
        if len(name) == 2 and "-" in name[1]:
            given.setdefault((words[0], consonants(name[1])), set()).add(x)
    for x in people:
        owners = {union.find(y) for y in parts.get(keyed[x], ()) if y != x}
        if len(owners) == 1:
            union.join(owners.pop(), x)
    for group in (*given.values(), *orders.values()):
        first, *rest = sorted(group)
        for y in rest:
            union.join(first, y)


def _country_named(name: str) -> str:
    """An organisation's name with the country's name for the country's code that opens it
    ("U.S. Rowing Committee" -> "United States Rowing Committee"; a code of the entity
    layer's :func:`newsframe.entities.gazetteer`, two or three capitals).

    >>> _country_named("U.S. Rowing Committee"), _country_named("Rowing Committee")
    ('United States Rowing Committee', 'Rowing Committee')
    """
    first, _, rest = name.partition(" ")
    letters = first.replace(".", "")
    country = gazetteer().get(first)
    if rest and country and letters.isupper() and len(letters) <= 3 and letters.isalpha():
        return f"{country} {rest}"
    return name


def _coded_surname(words: list[str], by_last: dict[str, list[str]]) -> bool:
    """True for a country's code before the last name of a person of the corpus ("U.S.
    Duval-Roy", "UK Rourke"), which the entity layer may read as a body's name.

    >>> _coded_surname(["U.S.", "Rourke"], {"rourke": ["Ned Rourke"]}), _coded_surname(["U.S.", "Navy"], {})
    (True, False)
    """
    return (
        len(words) == 2
        and words[0].isupper()
        and words[0] in gazetteer()
        and not words[1].isupper()
        and _key(words[1]) in by_last
    )


def _swapped(name: str, by_last: dict[str, list[str]]) -> list[str]:
    """The people whose last name is ``name`` with two neighbouring letters swapped (a typing
    slip: "Mizhuara" for "Mizuhara"), six letters or more; [] when none or several names fit.

    >>> _swapped("mizhuara", {"mizuhara": ["Ippei Mizuhara"], "muzuhira": ["X"]})
    ['Ippei Mizuhara']
    """
    if len(name) < 6:
        return []
    hits = [
        last
        for k in range(len(name) - 1)
        if name[k] != name[k + 1]
        and (last := name[:k] + name[k + 1] + name[k] + name[k + 2 :]) in by_last
    ]
    return by_last[hits[0]] if len(hits) == 1 else []


class _Union:
    """Union-find over entity ids; the representative is chosen by ``better``."""

    def __init__(self, better) -> None:
        self.parent: dict[str, str] = {}
        self.better = better

    def find(self, x: str) -> str:
        root = x
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while x != root:
            self.parent[x], x = root, self.parent.get(x, x)
        return root

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            keep, drop = (ra, rb) if self.better(ra, rb) else (rb, ra)
            self.parent[drop] = keep


def _abbreviates(short: str, name: str) -> bool:
    """True when ``short`` is made of a non-empty beginning of each significant word of
    ``name``, in order ("FAA", "TEPCO" for Tokyo Electric Power Company, "Exco" for Executive
    Council); a single word or a lowercase ``short`` abbreviates nothing.

    >>> _abbreviates("TEPCO", "Tokyo Electric Power Company"), _abbreviates("Exco", "Executive Council")
    (True, True)
    """
    words = [w.lower() for w in name.split() if w.lower() not in _CONNECTORS]
    if len(words) < 2 or short.islower() or len(short) > 4 * len(words):
        return False
    short = short.lower().replace(".", "")

    @functools.cache
    def match(i: int, j: int) -> bool:
        if j == len(words):
            return i == len(short)
        return any(
            short[i : i + k] == words[j][:k] and match(i + k, j + 1)
            for k in range(1, min(len(words[j]), len(short) - i) + 1)
        )

    return match(0, 0)


def _gather(found: Iterable[tuple]) -> dict[str, _Candidate]:
    """The entities of every article summed by entity id (the layer's ids are canonical names,
    the same in every article)."""
    out: dict[str, _Candidate] = {}
    for article_id, entity_id, name, kind, role, forms, counts in found:
        c = out.get(entity_id)
        if c is None:
            c = out[entity_id] = _Candidate(entity_id, name, kind, role)
        if c.kind in ("", _OPENER) and kind != _OPENER:
            c.kind = kind or c.kind.replace(_OPENER, "")
        c.role = c.role or role
        c.articles.add(article_id)
        if counts[_ACTS]:
            c.acting.add(article_id)
        c.forms.update(forms)
        c.counts = [a + b for a, b in zip(c.counts, counts, strict=True)]
    return out


def _merge(
    entities: dict[str, _Candidate],
    *,
    outlets: frozenset[str] = frozenset(),
    roles: frozenset[str] = _ROLES,
) -> list[_Candidate]:
    """Join the entities that name one actor (rules in the module docstring), in a fixed
    order, and return one candidate per actor; ``outlets`` are the last words of news
    outlets' names (a name and one of them, "Mainichi Shimbun", is the outlet "Mainichi")."""
    places = gazetteer()

    def weight(x: str) -> tuple:
        e = entities[x]
        words = _person_words(e.name, roles)
        full = e.kind == "person" and len(words) > 1 and not any(w in places for w in words)
        spelled = not (e.name.isupper() and " " not in e.name)
        org = e.kind == "organisation" and spelled and x not in coded
        org = org and not (" " in e.name and _key(e.name.split()[-1]) in outlets)  # "Fox News"
        return (e.kind == "country", org, full, spelled, e.counts[_MENTIONS], -len(x), x)

    coded: set[str] = set()  # bodies that are a country's code and a person's last name
    union = _Union(lambda a, b: weight(a) > weight(b))
    by_key: dict[str, str] = {}
    for x in sorted(entities):
        e = entities[x]  # "U.S. Rowing Committee" is "United States Rowing Committee"
        k = _key(_country_named(e.name) if e.kind == "organisation" else e.name)
        if k in by_key:
            union.join(by_key[k], x)
        else:
            by_key[k] = x
    for x, e in sorted(entities.items()):  # "TV" of "state TV": the body described
        for form in e.forms if e.kind == _DESCRIBED_KIND else ():
            tail = by_key.get(_key(form.split(None, 1)[-1]))
            if tail and entities[tail].kind in ("", "organisation") and " " not in tail:
                union.join(x, tail)
    people = sorted(
        x
        for x, e in entities.items()
        if e.kind == "person" and len(_person_words(e.name, roles)) > 1
    )
    by_last: dict[str, list[str]] = {}
    by_first: dict[str, list[str]] = {}
    for x in people:
        words = _person_words(entities[x].name, roles)
        by_last.setdefault(_key(words[-1]), []).append(x)
        by_first.setdefault(_key(words[0]), []).append(x)
    for group in by_last.values():  # one surname: the same person if the given names agree
        for i, a in enumerate(group if len(group) <= MAX_SHARING else ()):  # pairs: bounded
            wa = _person_words(entities[a].name, roles)
            for b in group[i + 1 :]:
                wb = _person_words(entities[b].name, roles)
                short, long = sorted((wa, wb), key=len)
                inside = long[: len(short)] == short or long[-len(short) :] == short
                if inside or _near(wa[0], wb[0]) or _near(wa[-2], wb[-2]):
                    union.join(a, b)
    for group in by_first.values():  # "Carrie Lam" inside "Carrie Lam Cheng Yuet-ngor"
        for i, a in enumerate(group if len(group) <= MAX_SHARING else ()):
            wa = _person_words(entities[a].name, roles)
            for b in group[i + 1 :]:
                wb = _person_words(entities[b].name, roles)
                short, long = sorted((wa, wb), key=len)
                if long[: len(short)] == short or (
                    len(wa) == len(wb) == 2 and _last_names_alike(_key(wa[1]), _key(wb[1]))
                ):  # (or one given name, last names spelt alike: "Marek Dhobula")
                    union.join(a, b)
    _join_variants(people, entities, union, roles)
    written: dict[str, set[str]] = {}  # a form -> the organisations written so
    # (first letter, first letter of the last word) -> organisations of two words or more
    initial: dict[tuple[str, str], set[str]] = {}
    for y, f in entities.items():
        significant = [w for w in f.name.lower().split() if w not in _CONNECTORS]
        if f.kind == "organisation" and len(significant) > 1:
            initial.setdefault((significant[0][0], significant[-1][0]), set()).add(y)
            for form in f.forms:
                written.setdefault(form, set()).add(y)
    # the first words of the companies' names ("Adani" of "Adani Group"): a single name that
    # is one is the company's, not the surname of its founder ("Gautam Adani")
    companies = {
        _key(f.name.split()[0])
        for f in entities.values()
        if f.kind in ("organisation", "person", "")  # ("Adani Group" may read as a name)
        and len(f.name.split()) > 1
        and all(
            w.lower().rstrip(".") in _SUFFIXES | _CORPORATE | outlets for w in f.name.split()[1:]
        )
    }
    for x, e in sorted(entities.items()):
        words = _person_words(e.name, roles) if e.kind in ("", "person") else e.name.split()
        if e.kind == "country":
            continue
        if _coded_surname(words, by_last):  # "U.S. Duval-Roy" read as a body
            words = words[1:]
            coded.add(x)
        if len(words) == 1:
            k = _key(words[0])
            owners = by_last.get(k) or by_first.get(k) or _swapped(k, by_last)
            roots = {union.find(o) for o in owners}
            if (
                len(roots) == 1
                and (x in coded or e.kind in ("", "person", _OPENER))
                and k not in companies
            ):
                union.join(roots.pop(), x)
                continue
            if e.kind in ("", "organisation") and 1 < len(e.name) <= 8:
                # an acronym or clipped form: the one organisation it abbreviates ("FAA",
                # "TEPCO", "Exco"), by the forms the layer linked or by the name's words
                spelled = {union.find(y) for y in written.get(e.name, ()) if y != x}
                if not spelled:
                    spelled = {
                        union.find(y)
                        for last in set(e.name[1:].lower())
                        for y in initial.get((e.name[0].lower(), last), ())
                        if y != x and _abbreviates(e.name, entities[y].name)
                    }
                if len(spelled) == 1:
                    union.join(spelled.pop(), x)
        elif e.kind != "person" or words[0] not in places:
            head = by_key.get(_key(words[0]))
            rest = words[1:]
            if (
                head
                and head != x
                and all(
                    w in places or w.isupper() or w.lower().rstrip(".") in _SUFFIXES | _CORPORATE
                    for w in rest
                )
            ):
                union.join(head, x)  # "Wagner PMC", "Huawei Canada", "Boeing Co."
            elif (
                head
                and head != x
                and len(rest) == 1
                and rest[0].lower() in outlets
                and entities[head].kind in ("", "person", "organisation")
            ):
                union.join(head, x)  # "Mainichi Shimbun": the outlet "Mainichi"; "Fox News": "Fox"
    for x, e in sorted(entities.items()):  # "LA Kestrels": a place or its code before a name
        words = e.name.split()
        tail = by_key.get(_key(words[-1])) if len(words) > 1 else None
        if (
            tail
            and tail != x
            and e.kind in ("", "organisation")
            and entities[tail].kind in ("", "organisation")
            and zipf_frequency(words[-1].lower(), "en") < _COMMON
            and all(w in places or (w.isupper() and len(w) <= 3) for w in words[:-1])
        ):
            union.join(tail, x)
    national: dict[str, set[str]] = {}
    for x in entities:
        if x.endswith(")") and " (" in x:
            national.setdefault(_key(x.rsplit(" (", 1)[0]), set()).add(union.find(x))
    for x, e in sorted(entities.items()):
        owners = national.get(_key(e.name), set())
        if e.kind == "organisation" and not x.endswith(")") and len(owners) == 1:
            union.join(next(iter(owners)), x)
    _join_short_forms(entities, union)
    for x in sorted(entities):  # "Government (India)", "the Indian government": India
        m = _GOVERNMENT_OF.match(x)
        country = by_key.get(_key(m.group(1))) if m else None
        if country is not None and entities[country].kind == "country":
            union.join(country, x)
    groups: dict[str, list[str]] = {}
    for x in sorted(entities):
        groups.setdefault(union.find(x), []).append(x)
    combined = (_combine(root, [entities[x] for x in members], entities, roles) for root, members in groups.items())  # fmt: skip
    return [c for c in combined if c.kind != _OPENER]


def _combine(
    root: str,
    members: list[_Candidate],
    entities: dict[str, _Candidate],
    roles: frozenset[str] = _ROLES,
) -> _Candidate:
    """One candidate from the entities joined under ``root``; of kind ``_OPENER`` when all are
    sentence-opening words that joined no name (no candidate)."""
    head = entities[root]
    kinds = [m.kind for m in members if m.kind != _OPENER]
    head_kind = "" if head.kind == _OPENER else head.kind
    if not kinds:  # sentence-opening words that joined no name: no candidate, unless a rare
        # word that speaks twice or more ("Peskov said ...", "Peskov added ..."): a person the
        # pages name by surname alone (their full name cut with the page's top)
        speaks = sum(m.counts[_SPEAKER] for m in members) >= 2
        kind = "" if speaks and zipf_frequency(head.name.lower(), "en") < _RARE else _OPENER
    elif "country" in kinds:
        kind = "country"
    elif head_kind == "organisation":
        kind = "organisation"  # "Veltra Power" and "Veltra Power Co." are one company
    elif head_kind == "person" or any(m.role and m.kind in ("", "person") for m in members):
        kind = "person" if head_kind in ("person", "") else head_kind
    else:
        kind = head_kind or next((k for k in kinds if k), "")
    name = head.name
    if kind == "person":  # the full name written in the most articles, then most often
        tally: Counter[str] = Counter()
        for m in members:
            words = _person_words(m.name, roles)
            if m.kind == "person" and len(words) > 1:
                tally[" ".join(words)] += len(m.articles) * 10_000 + m.counts[_MENTIONS]
        name = min(tally, key=lambda n: (-tally[n], len(n), n)) if tally else head.name
    c = _Candidate(root, name, kind, next((m.role for m in members if m.role), ""))
    for m in members:
        c.forms.update(m.forms)
        c.articles |= m.articles
        c.acting |= m.acting
        c.counts = [a + b for a, b in zip(c.counts, m.counts, strict=True)]
    return c


def _body_read_as_person(c: _Candidate, person_nouns: frozenset[str]) -> bool:
    """True for a name of two words or more read as a person's or a place's that is mostly
    written after "the" and speaks ("the Harbour House said", "the Blue House denied"): people
    take no article and places do not speak, so it names a body; never one titled, nor one
    mostly after a preposition of place. A place that speaks and acts in half its mentions or
    more ("Downing Street said", "Downing Street has denied") names the body that sits there,
    unless it is a country's division or its people ("North Dakota said" is a place).

    >>> c = _Candidate("Harbour House", "Harbour House", "person", counts=[2, 1, 1, 0, 2, 0])
    >>> _body_read_as_person(c, frozenset()), _body_read_as_person(replace(c, counts=[2, 0, 1, 0, 2, 0]), frozenset())
    (True, False)
    """
    mentions, speaker, acts, located, determined, _ = c.counts
    if c.kind == "place" and " " in c.name and speaker > 0 and 2 * located < mentions:
        # "Downing Street said", "... Downing Street has"; never a state or its people
        return 2 * acts >= mentions and not _place_or_its_people(c.name)
    return (
        c.kind in ("person", "place")
        and " " in c.name
        and speaker > 0
        and 2 * determined > mentions
        and 2 * located <= mentions
        and not _titled(c, person_nouns)
    )


#: The kind of a name read as a person's that is a body or a thing that acts (:func:`_named_body`):
#: an organisation to the actors, whatever organisation nouns it holds.
_BODY = "body"
_KINDS = {_BODY: "organisation", "described": "organisation"}


def _named_body(c: _Candidate, person_nouns: frozenset[str]) -> bool:
    """True for a name of two words or more read as a person's that is mostly written after
    "the" and acts in two articles or more ("the Harbour Zoo has", "the Northern Express
    derailed"): people take no article, so it names a body or a thing that acts; never one
    titled, one mostly after a preposition of place, nor a place or its people.

    >>> c = _Candidate("Harbour Zoo", "Harbour Zoo", "person", counts=[4, 0, 2, 0, 3, 0], acting={"a", "b"})
    >>> _named_body(c, frozenset()), _named_body(replace(c, acting={"a"}), frozenset())
    (True, False)
    >>> _named_body(replace(c, name="Danish-born Swiss-Peruvian"), frozenset())
    False
    """
    mentions, _, _, located, determined, _ = c.counts
    return (
        c.kind == "person"
        and " " in c.name
        and 2 * determined > mentions
        and 2 * located < mentions
        and len(c.acting) >= 2
        and not _titled(c, person_nouns)
        and not _place_or_its_people(c.name)
        and not all(any(p in gazetteer() for p in w.split("-")) for w in c.name.split())
    )  # (nor words of places and demonyms: "the Danish-born Swiss-Peruvian founder")


def _place_or_its_people(name: str) -> bool:
    """True for a first-level division of a country (:func:`newsframe.entities.provinces`:
    "New York", "Texas") or a plural that names the people of a place, country or division
    ("New Yorkers", "Texans", "Californians", "Canadians"): the place's name (five letters or
    more), or its name without its last letter, with a plural ending (:data:`_PEOPLE_OF`).

    >>> [_place_or_its_people(n) for n in ("New Yorkers", "Texans", "Californians", "Ann Jones")]
    [True, True, True, False]
    """
    if name in provinces():
        return True
    known = _places()
    if not name.endswith("s") or name.endswith("ss"):
        return False
    for suffix, ends in _PEOPLE_OF:
        stem = name[: -len(suffix)] if name.endswith(suffix) else ""
        if stem and any(len(stem + end) >= 5 and stem + end in known for end in ends):
            return True
    return False


@functools.lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Every name of a country, capital, demonym or first-level division the gazetteer holds."""
    return provinces() | frozenset(gazetteer())


#: Plural endings of the people of a place, and the endings of the place's name they replace:
#: "New York" -ers, "Texa(s)" -ns, "Californi(a)" -ans, "Canad(a)" -ians, "Italian" -s.
_PEOPLE_OF = (("ers", ("",)), ("ians", ("a", "ia", "o")), ("ans", ("a", "o", "")),
              ("ns", ("s", "a")), ("s", ("",)))  # fmt: skip


def _titled(c: _Candidate, person_nouns: frozenset[str]) -> bool:
    """True for a person named with a title or role ("Defence Minister", "spokeswoman")."""
    return c.kind == "person" and any(w in person_nouns for w in c.role.lower().split())


def _is_actor(
    c: _Candidate,
    stopwords: frozenset[str],
    person_nouns: frozenset[str],
    nouns: frozenset[str],
    heads: frozenset[str],
    outlets: frozenset[str] = frozenset(),
    roles: frozenset[str] = _ROLES,
) -> bool:
    """True for a candidate that can be an actor (rule 3 of the module docstring);
    ``person_nouns`` are the speaker nouns of people (titles and roles), ``nouns`` every
    speaker noun and organisation noun, ``heads`` the words of the organisations the corpus
    names in full, ``outlets`` the last words of news outlets' names (the entity words'
    ``outlet_nouns``: "The Japan Times", "Asahi Shimbun"), ``roles`` the titles and roles
    (with the entity words' titles)."""
    mentions, speaker, acts, located, determined, outlet = c.counts
    words = c.name.split()
    places = gazetteer()
    if c.kind == "place" or not words:
        return False
    if c.kind == _BODY:
        return not _thing(words, nouns)  # "the Harbour Zoo has": a body that acts
    if c.kind == _DESCRIBED_KIND:
        return len(c.acting) >= 2 or len(c.articles) >= 3  # "Peruvian police said ..."
    if words[0].lower() in (SENTENCE_OPENERS if c.kind == "person" else stopwords):
        return False  # "The Times"; a person's given name may be a stopword ("Will Stone")
    if opening_gerund(words[0]) and c.kind in ("", "person"):
        return False  # a clause's verb opening a sentence: "Being New York Smart"
        # (a body's name keeps it: the entity layer read "Downing Street" as one name)
    if _thing(words, nouns):
        return False  # an event, a law or a designation: "Liberation Day", "Bank A"
    if len(words) == 1 and _key(c.name) in roles | _SUFFIXES | (nouns & heads):
        return False  # a title, a suffix, or a short form: "MP", "Inc", "the Ministry"
    if len(words) == 1 and _key(c.name) in nouns:  # a head noun that names one body:
        # "Kremlin"; never a newspaper's ("Telegraph", "Mirror")
        return c.kind != "person" and acts > 0 and _key(c.name) not in outlets
    if c.kind == "country":
        return acts > 0
    if c.kind != "person" and (_key(words[-1]) in outlets or 2 * outlet >= mentions):
        return False  # a news outlet credited in the text
    titled = _titled(c, person_nouns)
    if c.kind == "person" and len(words) == 1:
        return titled or speaker > 0  # "Pompeo", titled; never a title word alone
    if c.kind == "person" and any(_key(w) in _CALENDAR for w in words):
        return False  # "Easter Sunday"
    if c.kind == "person" and not any(w in places for w in words):
        if 2 * (located + determined) > mentions:
            return False  # "the Camp Fire", "in Northern California": an event or a place
        common = all(zipf_frequency(w.lower(), "en") >= _COMMON for w in words)
        # "Facebook Page", "Air Force": no person without a title or a quotation of its own
        # ("Will Stone said", "Mark Hill said": a thing never speaks)
        return titled or not common or speaker > 0
    if len(words) > 1:  # an organisation ("Ethiopian Airlines": a person never has a demonym)
        generic = _SUFFIXES | _CONNECTORS | roles
        if all(_key(w) in generic or lemmatize(w) in generic or w in places for w in words):
            return False  # "Russian President", "Foreign Minister"
        if any(lemmatize(w) in nouns or _key(w) in _SUFFIXES for w in words):
            return True  # "Legislative Council", "Tokyo Electric Power Co."
        if words[-1].isupper() and len(words[-1]) > 1:
            return True  # a kind of body abbreviated after its name: "Wagner PMC"
        return 5 * acts >= mentions  # no organisation noun: only if it acts ("Belt and Road")
    if any(ch.isdigit() for ch in c.name):
        return False  # a code ("MH370", "A380") names a flight or a model, not an actor
    if c.name.isupper() and all(f.isupper() for f in c.forms) and len(c.name) > 1:
        # an acronym, never written otherwise, that speaks or acts and mostly stands alone
        # (never "the SAR" of a search and rescue, nor the nerve agent "VX" that only
        # follows its noun)
        return speaker + acts > 0
    if zipf_frequency(c.name.lower(), "en") >= _COMMON and speaker < 2:
        return False  # a common word capitalised ("Industry", "Max"), quoted once at most
    if _team(c):
        return True  # "the Lakers have ...": a team or a party known by its members' name
    return speaker > 0 and 5 * acts >= mentions and 2 * (located + determined) <= mentions


def _team(c: _Candidate) -> bool:
    """True for a capitalised plural name mostly written after "the" that acts in two
    articles or more ("the Lakers have", "the Lakers said"): a team, a band or a party
    called by its members' name, not a place or its people.

    >>> _team(_Candidate("Lakers", "Lakers", "", counts=[4, 0, 2, 0, 3, 0], acting={"a", "b"}))
    True
    >>> _team(_Candidate("Lakers", "Lakers", "", counts=[4, 0, 2, 0, 3, 0], acting={"a"}))
    False
    """
    mentions, _, _, located, determined, _ = c.counts
    low = c.name.lower()
    return (
        c.kind == ""
        and low.endswith("s")
        and not low.endswith("ss")
        and 2 * determined > mentions
        and 2 * located < mentions
        and len(c.acting) >= 2
    )


#: Head nouns of what is named but never acts: days, events, laws and agreements.
_THINGS = EVENT_HEADS  # events, laws and agreements: the entity layer's event heads
_DESIGNATION = re.compile(r"^(?:[A-Z]|[A-Z]?\d+|[A-Z]\d+)$")  # "A", "2", "A2"


def _thing(words: list[str], nouns: frozenset[str]) -> bool:
    """True for a name that names no actor: an event, a law or an agreement by its head noun
    ("Liberation Day", "World Cups", "Official Secrets Act"), a designation that hides a name
    in court papers ("Bank A", "Victim A", "Group A2"), or a common plural noun capitalised
    where it opens a sentence ("Prosecutors said", "Officials").

    >>> nouns = frozenset(["prosecutor", "official"])
    >>> [_thing(n.split(), nouns) for n in ("Liberation Day", "Bank A", "Prosecutors", "Ana Ruiz")]
    [True, True, True, False]
    """
    last = words[-1]
    if len(words) > 1 and (last.lower() in _THINGS or _DESIGNATION.match(last)):
        return True
    low = words[0].lower()
    return len(words) == 1 and low.endswith("s") and not last.isupper() and lemmatize(low) in nouns


#: Name words all this frequent as English words (Zipf scale of ``wordfreq``: "camp" 4.8,
#: "fire" 5.3, "page" 5.1; "theresa" 3.7, "bass" 4.3) make a capitalised pair a thing's name
#: unless a title or a quotation says it is a person ("Camp Fire", "Air Force", "Facebook
#: Page" are no people).
_COMMON = 4.5
#: A single word this rare as an English word (Zipf scale: "peskov" 1.9, "lindqvist" 1.7;
#: "labour" 4.7, "police" 5.3) that opens sentences and speaks is a name.
_RARE = 3.0


def actor_score(articles: int, mentions: int, speaker: int) -> int:
    """Return the ranking score of a candidate actor: ``articles × (mentions + 2 × speaker)``.

    ``articles``: articles naming it; ``mentions``: its mentions; ``speaker``: mentions where it
    speaks (a reporting verb follows, or "said" / "according to" comes before). For a
    government (a country, its capital or its demonym) only the mentions and articles where it
    acts count. Breadth across outlets weighs as much as repetition within one, and being
    quoted weighs three times being named.

    >>> actor_score(3, 5, 2), actor_score(1, 9, 0)
    (27, 9)
    """
    return articles * (mentions + 2 * speaker)


def _score(c: _Candidate) -> int:
    mentions, speaker, acts = c.counts[_MENTIONS], c.counts[_SPEAKER], c.counts[_ACTS]
    if c.kind == "country":
        return actor_score(len(c.acting), acts, speaker)
    return actor_score(len(c.articles), mentions, speaker)


def _rank(score: int, c: _Candidate) -> tuple:
    """The sort key of a candidate: score, then speaker mentions, acting mentions, articles,
    then the name (ties are common among actors named once)."""
    return (-score, -c.counts[_SPEAKER], -c.counts[_ACTS], -len(c.articles), c.name)


def _aliases(
    c: _Candidate, shared: Counter[str], roles: frozenset[str] = _ROLES
) -> tuple[str, ...]:
    """The actor's name, then the other forms the articles wrote (never a lowercase one, nor a
    common English word alone for a body); for a person, the other full names
    (the same last name, or the same parts in another order) and then one single name (the one
    used alone, else the last name) unless ``shared`` counts it for more than one person of
    the corpus."""
    forms = [  # never a lowercase back-reference ("the government"): it would match any
        f for f, _ in sorted(c.forms.items(), key=lambda x: (-x[1], x[0])) if f != c.name
    ]
    forms = [f for f in forms if not f.islower()]
    if c.kind != "person" or " " not in c.name:
        # nor, for a body, a common word alone ("House" of Bute House, "Force" of the
        # Maritime Self-Defense Force): it would match every other house and force
        if c.kind != "country":  # (a country's demonym and capital stay: "Chinese")
            forms = [f for f in forms if " " in f or zipf_frequency(f.lower(), "en") < _COMMON]
        if c.kind == "person" and c.role.lower() in TITLES:  # "Pope Clement" of "Clement"
            forms.append(f"{c.role.capitalize()} {c.name}")
        return tuple(dict.fromkeys([c.name, *forms]))
    first, last = c.name.split()[0], c.name.split()[-1]
    parts = name_parts(c.name.split())  # and the name in another order ("Heung-min Son")
    full = [
        f
        for f in forms
        if " " in f
        and (
            f.split()[-1] == last
            or name_parts(f.split()) == parts
            or one_letter_apart(_key(f.split()[-1]), _key(last))  # "Juraj Chintula"
        )
    ]
    full = [  # never a form with a title or a clause's opening verb ("Reinstating Lindqvist")
        f
        for f in full
        if not any(w.lower().rstrip(".") in roles for w in f.split())
        and _person_words(f, roles) == f.replace("\u2019", "'").split()
    ]
    single = [f for f in forms if f in (first, last)] + [last]
    part = [single[0]] if shared[_key(single[0])] <= 1 else []
    return tuple(dict.fromkeys([c.name, *sorted(full, key=lambda f: (len(f), f)), *part]))


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", fold_accents(name).lower()).strip("_") or "actor"


def discover_actors(
    corpus: Corpus | Iterable[Article],
    *,
    top_n: int = 10,
    min_mentions: int = 2,
    n_jobs: int | None = 1,
    resources: Resources | None = None,
    ranking: str | Path | ActorModel = "model",
) -> tuple[Actor, ...]:
    """Return the people, organisations and governments the articles name and quote most, as
    :class:`Actor`\\ s, best first.

    The entities of each article's entity layer, with cues from the words around each mention,
    joined across the corpus and ranked (method, rules and references in the module
    docstring). A government (kind ``country``: a country, its capital or demonym) is an actor
    only where it acts. ``min_mentions`` drops candidates named fewer times. ``ranking="rules"``:
    by :func:`actor_score`, the candidates scoring :data:`MIN_SCORE` or more, then titled people
    named once, at most ``top_n``; ``"model"`` (default): of those same candidates and of any
    other named :data:`MODEL_MIN_MENTIONS` times or quoted once, the ones the shipped actor
    model (:func:`load_actor_model`; or an :class:`ActorModel`, or the path of a model CSV)
    finds at least as likely main actors as not, most likely first, at most ``top_n``.
    Aliases are the name
    and the forms the articles used, so the actors work wherever a story file's actors do
    (``resources=`` / ``actors=``). ``n_jobs`` > 1 (or -1: every core) reads the layers of
    large corpora (256 articles or more) in forked worker processes
    (:func:`newsframe.parallel.map_slices`); the actors are the same. The entity words
    (titles, organisation and outlet nouns ...) are those of ``resources``, else of the
    corpus's resources (:func:`newsframe.resources.resolve_resources`: a story file's
    ``[entities.*]`` added to the shipped ones).

    >>> from newsframe import Article
    >>> a = Article("a", "T", ("Energy Minister Lars Odegaard opened it in Norland. Odegaard said it works.",))
    >>> b = Article("b", "T", ("The Ministry of Water Resources said the flow was fine. Odegaard agreed.",))
    >>> [(x.actor_id, x.kind, x.aliases) for x in discover_actors([a, b], min_mentions=1)]
    [('lars_odegaard', 'person', ('Lars Odegaard', 'Odegaard')), ('ministry_of_water_resources', 'organisation', ('Ministry of Water Resources',))]
    """
    articles = as_articles(corpus)
    resources = resolve_resources(resources, corpus)
    model = _model(ranking)
    pool = [
        (c, ok)
        for c, ok in _pool(articles, resources, n_jobs=n_jobs)
        if c.counts[_MENTIONS] >= min_mentions
    ]
    return _actors(pool, resources, top_n=top_n, articles=articles, model=model)


def _candidates(
    articles: Sequence[Article],
    resources: Resources,
    *,
    min_mentions: int = 1,
    n_jobs: int | None = 1,
) -> list[_Candidate]:
    """The candidates that can be actors (:func:`_is_actor`), one per entity of the corpus,
    named at least ``min_mentions`` times."""
    pool = _pool(articles, resources, n_jobs=n_jobs)
    return [c for c, actor in pool if actor and c.counts[_MENTIONS] >= min_mentions]


def _pool(
    articles: Sequence[Article], resources: Resources, *, n_jobs: int | None = 1
) -> list[tuple[_Candidate, bool]]:
    """Every entity of the corpus, one per entity id after the joins of :func:`_merge`, with
    whether it can be an actor (:func:`_is_actor`; never a single name that is the last name
    of two people of the corpus): what :func:`_candidates` keeps, and what the study of the
    misses in ``benchmarks/eval_actors.py`` reads."""
    table = resources.reporting_verbs
    verbs = frozenset(v[0] for v in table.verbs if len(v) == 1)
    nouns = frozenset(
        n for n, kind in table.speaker_nouns.items() if kind in ("person", "organisation")
    )
    words = resources.entity_words
    work = functools.partial(_article_entities, verbs=verbs, nouns=nouns, words=words)
    parts = map_slices(work, articles, n_jobs=n_jobs, min_items=256)
    found = [item for part in parts for item in part]
    merged = _merge(_gather(found), outlets=words.outlet_nouns, roles=_roles(resources))
    # the speaker table's nouns and the entity words' organisation nouns ("Border Patrol")
    nouns = frozenset(table.speaker_nouns) | resources.entity_words.organisation_nouns
    outlets = resources.entity_words.outlet_nouns
    roles = _roles(resources)
    people = frozenset(n for n, k in table.speaker_nouns.items() if k == "person")
    for c in merged:  # "River Basin Commission": a body named after a place, not the place
        words = c.name.split()
        if (
            c.kind == "place" and len(words) > 1 and any(lemmatize(w) in nouns for w in words)
        ) or _body_read_as_person(c, people):
            c.kind = "organisation"
        elif _named_body(c, people):
            c.kind = _BODY
        elif c.kind in ("", "person") and not _titled(c, people) and _place_or_its_people(c.name):
            c.kind = "place"  # "New York", "New Yorkers", "Texans": a place and its people
    lasts = Counter(  # last names -> people of the corpus named in full
        _key(c.name.split()[-1]) for c in merged if c.kind == "person" and " " in c.name
    )
    heads = frozenset(  # the words of the organisations named in full
        _key(w)
        for c in merged
        if c.kind == "organisation" and " " in c.name
        for w in c.name.split()
    )
    return [
        (
            c,
            not (c.kind in ("", "person") and " " not in c.name and lasts[_key(c.name)] > 1)
            and _is_actor(c, resources.stopwords, people, nouns, heads, outlets, roles),
        )
        for c in merged
    ]


def _ranked(candidates: list[_Candidate], resources: Resources) -> list[tuple]:
    """Every candidate, best first by :func:`_rank`: ``(score, titled, candidate, aliases)``,
    ``titled`` for a person named with a title and a full name (the people a short list takes
    after those scoring :data:`MIN_SCORE`); read by :func:`_actors` and by the study of the
    cut in ``benchmarks/eval_actors.py``."""
    roles = _roles(resources)
    table = resources.reporting_verbs
    people = frozenset(n for n, k in table.speaker_nouns.items() if k == "person")
    shared: Counter[str] = Counter()  # first and last names -> people of the corpus
    for c in candidates:
        if c.kind == "person" and " " in c.name:
            shared.update({_key(c.name.split()[0]), _key(c.name.split()[-1])})
    ranked = sorted(((_score(c), c) for c in candidates), key=lambda x: _rank(*x))
    return [
        (s, _titled(c, people) and " " in c.name, c, _aliases(c, shared, roles)) for s, c in ranked
    ]


def _rule_list(ranked: list[tuple], top_n: int) -> list[tuple]:
    """``(candidate, aliases)`` of the rules' cut of ``ranked`` (:func:`_ranked`): those scoring
    :data:`MIN_SCORE` or more, then titled people named once, at most ``top_n``."""
    titled = [(c, aliases) for s, t, c, aliases in ranked if s < MIN_SCORE and t]
    return ([(c, aliases) for s, _, c, aliases in ranked if s >= MIN_SCORE] + titled)[:top_n]


#: The least evidence for a candidate the rules of who can be an actor reject (or keep but
#: score under :data:`MIN_SCORE`) to be listed by the actor model: named this many times, or
#: followed by a reporting verb once. A name met once and never quoted is listed by no ranking.
MODEL_MIN_MENTIONS = 2


def _model_choice(
    pool: list[tuple[_Candidate, bool]],
    resources: Resources,
    articles: Sequence[Article],
    model: ActorModel,
    top_n: int,
) -> tuple[list[tuple], set[int]]:
    """``(chosen, able)``: the actor model's list of ``pool`` (``(candidate, kept by the rules of
    who can be an actor)``, :func:`_pool`) as ``(candidate, aliases)``, most probable first, and
    the ids of the candidates it could list.

    It could list what the rules would list but for ``top_n`` (kept, scoring :data:`MIN_SCORE`
    or more, or titled and named in full) and any other candidate of the pool, kept or not,
    named :data:`MODEL_MIN_MENTIONS` times or quoted once. It lists those whose probability
    (:meth:`ActorModel.probabilities` of :func:`_features`) reaches the model's threshold, at
    most ``top_n``; ties in the rules' order, then the pool's. Read by :func:`_actors` and by
    ``benchmarks/eval_actors.py``."""
    kept = [c for c, ok in pool if ok]
    ranked = _ranked(kept, resources)
    order = {id(c): k for k, (_, _, c, _) in enumerate(ranked)}
    aliases = {id(c): al for _, _, c, al in ranked}
    listable = {id(c) for s, t, c, _ in ranked if s >= MIN_SCORE or t}
    roles = _roles(resources)
    shared: Counter[str] = Counter()  # as _ranked counts them, for the others' aliases
    for c in kept:
        if c.kind == "person" and " " in c.name:
            shared.update({_key(c.name.split()[0]), _key(c.name.split()[-1])})
    able = [
        k
        for k, (c, _) in enumerate(pool)
        if id(c) in listable or c.counts[_MENTIONS] >= MODEL_MIN_MENTIONS or c.counts[_SPEAKER] >= 1
    ]
    p = model.probabilities(_features(pool, articles, resources))
    first = sorted(able, key=lambda k: (-p[k], order.get(id(pool[k][0]), len(pool) + k)))
    chosen = [pool[k][0] for k in first if p[k] >= model.threshold][:top_n]
    return (
        [(c, aliases.get(id(c)) or _aliases(c, shared, roles)) for c in chosen],
        {id(pool[k][0]) for k in able},
    )


def _actors(
    pool: list[tuple[_Candidate, bool]],
    resources: Resources,
    *,
    top_n: int,
    articles: Sequence[Article] = (),
    model: ActorModel | None = None,
) -> tuple[Actor, ...]:
    """The actors among the candidates of ``pool`` (``(candidate, kept by the rules of who can
    be an actor)``): with no ``model``, the rules' cut of the kept candidates' ranking by
    :func:`actor_score` (:func:`_rule_list`); with one, its list (:func:`_model_choice`); ids
    are the names' slugs."""
    if model is None:
        chosen = _rule_list(_ranked([c for c, ok in pool if ok], resources), top_n)
    else:
        chosen, _ = _model_choice(pool, resources, articles, model, top_n)
    out: list[Actor] = []
    ids: set[str] = set()
    for c, aliases in chosen:
        actor_id = _slug(c.name)
        while actor_id in ids:
            actor_id += "_"
        ids.add(actor_id)
        out.append(Actor(actor_id, c.name, _KINDS.get(c.kind, c.kind), aliases))
    return tuple(out)


#: The features of a candidate that the actor model reads (:func:`_features`), in order, each
#: with what a high value says. Every one is independent of the story: counts are logs or
#: shares of the corpus's articles, and the rules' own outcomes are among them.
ACTOR_FEATURES = {
    "log_articles": "named in many articles (log of 1 + articles)",
    "article_share": "named in a large share of the articles",
    "log_mentions": "named often (log of 1 + mentions in the body)",
    "log_speaker": "speaks often (log of 1 + mentions followed by a reporting verb)",
    "speaks": "speaks at least once",
    "log_acts": "acts often (log of 1 + mentions as the subject of a verb)",
    "acting_share": "acts in a large share of the articles",
    "located_share": "mostly named after a preposition of place ('in', 'near')",
    "determined_share": "mostly named after 'the' or 'a'",
    "outlet_share": "mostly named as a news outlet (a credit line, 'told', 'citing')",
    "headline_share": "its name is in the headlines of many articles",
    "lead_share": "its name is in the first paragraphs of many articles",
    "first_position": "named late in its articles (where its name first stands, 0 to 1)",
    "kind_person": "a person",
    "kind_organisation": "an organisation",
    "kind_country": "a country, its capital or its demonym (a government)",
    "kind_body": "a body named by a description or read as a person's name after 'the'",
    "kind_unknown": "a single name of no known kind",
    "kind_place": "a place",
    "one_word": "a name of one word",
    "three_words": "a name of three words or more",
    "titled": "a person named with a title or role",
    "acronym": "a name in capitals",
    "common_words": "every word of its name is a common English word",
    "rule_actor": "the rules of who can be an actor keep it",
    "relative_score": "its actor_score over the best of the corpus",
    "log_rule_rank": "ranked low by actor_score (log of 1 + its place)",
    "rule_listed": "the rules' list of 10 holds it",
}


def _named(forms: list[str], text: str) -> int:
    """1 if one of ``forms`` is in ``text``, else 0."""
    return int(any(f in text for f in forms))


def _first_position(forms: list[str], text: str) -> float:
    """Where the first of ``forms`` stands in ``text``, as a share of its length (1: nowhere)."""
    at = [i for i in (text.find(f) for f in forms) if i >= 0]
    return min(at) / max(len(text), 1) if at else 1.0


def _features(
    pool: list[tuple[_Candidate, bool]], articles: Sequence[Article], resources: Resources
) -> np.ndarray:
    """The values of :data:`ACTOR_FEATURES` of each candidate of ``pool`` (``(candidate, kept
    by the rules of who can be an actor)``, :func:`_pool`), one row per candidate; the rules'
    scores, ranks and list are those of the kept candidates (:func:`_ranked`,
    :func:`_rule_list`). Headline, first paragraph and position are read where the name or a
    form the articles wrote (three characters or more) stands in the articles naming it."""
    kept = [c for c, ok in pool if ok]
    ranked = _ranked(kept, resources)
    rank = {id(c): k for k, (_, _, c, _) in enumerate(ranked)}
    listed = {id(c) for c, _ in _rule_list(ranked, 10)}
    best = max([s for s, _, _, _ in ranked] or [1]) or 1
    people = frozenset(
        n for n, k in resources.reporting_verbs.speaker_nouns.items() if k == "person"
    )
    n = max(len(articles), 1)
    titles = {a.article_id: a.clean_title for a in articles}
    leads = {a.article_id: (a.clean_paragraphs or ("",))[0] for a in articles}
    bodies = {a.article_id: "\n".join(a.clean_paragraphs) for a in articles}
    rows = []
    for c, ok in pool:
        mentions, speaker, acts, located, determined, outlet = c.counts
        mentions = max(mentions, 1)
        forms = [f for f in dict.fromkeys([c.name, *c.forms]) if len(f) >= 3]
        mine = [a for a in c.articles if a in bodies]
        where = [_first_position(forms, bodies[a]) for a in mine]
        words = c.name.split()
        kind = c.kind
        rows.append([
            math.log1p(len(c.articles)),
            len(c.articles) / n,
            math.log1p(mentions),
            math.log1p(speaker),
            float(speaker > 0),
            math.log1p(acts),
            len(c.acting) / n,
            located / mentions,
            determined / mentions,
            outlet / mentions,
            sum(_named(forms, titles[a]) for a in mine) / n,
            sum(_named(forms, leads[a]) for a in mine) / n,
            sum(where) / len(where) if where else 1.0,
            float(kind == "person"),
            float(kind == "organisation"),
            float(kind == "country"),
            float(kind in (_BODY, _DESCRIBED_KIND)),
            float(kind in ("", _OPENER)),
            float(kind == "place"),
            float(len(words) == 1),
            float(len(words) >= 3),
            float(_titled(c, people)),
            float(c.name.isupper() and len(c.name) > 1),
            float(all(zipf_frequency(w.lower(), "en") >= _COMMON for w in words)),
            float(ok),
            _score(c) / best if ok else 0.0,
            math.log1p(rank[id(c)] if ok else len(kept) + 10),
            float(id(c) in listed),
        ])  # fmt: skip
    return np.array(rows, dtype=float).reshape(len(rows), len(ACTOR_FEATURES))


@dataclass(frozen=True)
class ActorModel:
    """Fitted weights of the actor model: the features' names, means, scales and weights, the
    intercept, and the threshold of the probability at which a candidate is listed.

    >>> m = ActorModel(("a",), np.zeros(1), np.ones(1), np.array([2.0]), 0.0, 0.5)
    >>> [round(float(p), 3) for p in m.probabilities(np.array([[0.0], [1.0]]))]
    [0.5, 0.881]
    """

    names: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    intercept: float
    threshold: float

    def probabilities(self, values: np.ndarray) -> np.ndarray:
        """The probability that each row of ``values`` (one candidate per row) is a main actor:
        the logistic function of the weighted sum of the standardised values."""
        if len(values) == 0:
            return np.zeros(0)
        z = ((values - self.mean) / self.scale) @ self.weights + self.intercept
        return 1.0 / (1.0 + np.exp(-z))


def load_actor_model(path: str | Path | None = None) -> ActorModel:
    """Return the actor model in the CSV file ``path`` (None: the shipped
    ``data/actor_model.csv``).

    Format (the shipped file documents it at its top): lines starting with ``#`` are comments;
    a header ``feature,mean,scale,weight`` (more columns are ignored); one row per feature of
    :data:`ACTOR_FEATURES`, one ``(intercept)`` row and one ``(threshold)`` row (its weight is
    the least probability listed). A feature missing from the file, an unknown one, a number
    that does not parse or a scale that is not positive is an
    :class:`~newsframe.errors.InputError` naming the file.

    >>> load_actor_model().names == tuple(ACTOR_FEATURES)
    True
    """
    if path is None:
        return _shipped_model()
    return _parse_model(*read_text(path, "actor_model.csv"))


@functools.lru_cache(maxsize=1)
def _shipped_model() -> ActorModel:
    return _parse_model(*read_text(None, "actor_model.csv"))


def _parse_model(text: str, source: str) -> ActorModel:
    names = tuple(ACTOR_FEATURES)
    mean, scale, weight, other = read_weights(
        text, source, names, ("(intercept)", "(threshold)"), "discovery.ACTOR_FEATURES"
    )
    return ActorModel(names, mean, scale, weight, other["(intercept)"], other["(threshold)"])


def _model(ranking: str | Path | ActorModel) -> ActorModel | None:
    """The model that ranks the candidates: ``"model"`` the shipped one, ``"rules"`` none
    (:func:`actor_score` and its cut), an :class:`ActorModel`, or the path of a model CSV."""
    if isinstance(ranking, ActorModel):
        return ranking
    if ranking == "model":
        return _shipped_model()
    if ranking == "rules":
        return None
    if isinstance(ranking, Path) or (isinstance(ranking, str) and ranking.endswith(".csv")):
        return load_actor_model(ranking)
    raise wrong_kind(ranking, '"model", "rules", an ActorModel or a .csv path', "ranking")


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
