"""Finding reporting verbs and their speakers in one unit of text (a headline or a paragraph).

Rule-based, in the spirit of textacy's ``direct_quotations`` and Pareti's (2015) attribution
relations, but without a parser: a reporting verb from the verb table, a speaker noun phrase
right before it (``Putin said``, ``the Japanese leader also said``), or right after it when it
follows a quotation (``"...," said Putin``), ``according to X``, the passive
``X was quoted as saying`` / ``Y quoted X as saying`` / ``was announced by X``. Quoted text is
masked first, so words inside quotations are never taken for verbs or speakers. Reporting verbs
are verbs: a word after a possessive or a determiner ("rejecting Beijing's claims", "the
remarks") is a noun and credits no one, so a rebuttal is never credited to the side it rebuts.

A verb's frame may run past its paragraph (a colon closing it before a paragraph that opens
with a quotation mark: "X released the following statement:"), a gerund after "by" reports
speech like a verb ("began by telling her audience:"), and the past and -ing forms of the
table's verbs the lemmatizer misses ("thanked", "writing") are read as their verbs.

A speaker is a person, an organisation, a country, a group or a document: a noun phrase headed
by a proper name, an actor, or one of the speaker nouns of the verb table (``[speaker]``) or
the person nouns of the entity words (:func:`with_person_nouns`: "A 7th Kestrel Division
sergeant said" is the sergeant, the division inside it a modifier); anything else ("20 and",
"the capital") is not a speaker. Pronouns and short descriptions
("he", "it", "the ministry", "the official", "the statement") are resolved through a
:class:`Memory` of what the article named before, across paragraphs (see :meth:`Memory.resolve`).

Every step looks at a bounded window around a verb or quotation and finds quotations, sentences
and mentions by binary search, so a unit is processed in near-linear time.
"""

from __future__ import annotations

import functools
import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import NamedTuple

import numpy as np
from wordfreq import zipf_frequency

from newsframe.actors import Actor, Mention, find_mentions
from newsframe.document import HEADLINE, Document
from newsframe.entities import Entities, gazetteer, portfolio_and_name, provinces
from newsframe.framing._units import Token, Unit
from newsframe.framing.gender import article_genders, opens_sentence, word_gender
from newsframe.framing.quotes import Quote, QuoteIndex
from newsframe.lexicons import ReportingVerbs, load_entity_words, load_reporting_verbs
from newsframe.resources import default_resources
from newsframe.text import ABBREVIATIONS, lemmatize

__all__ = [
    "Attribution",
    "Memory",
    "ReportingVerbs",
    "Speaker",
    "find_attributions",
    "group_mentions",
    "load_reporting_verbs",
    "organisation_nouns",
    "reporting_clause",
    "run_verbs",
    "speaker_kind",
    "with_person_nouns",
]

# fmt: off
AUX = frozenset(
    ["has", "have", "had", "was", "were", "is", "are", "will", "would", "did", "does", "do",
     "been", "not", "never"]
)
ADVERBS = frozenset(
    ["also", "again", "later", "then", "further", "previously", "earlier", "once", "repeatedly",
     "both", "all", "reportedly", "allegedly", "recently", "publicly", "privately", "firmly",
     "flatly", "separately", "himself", "herself", "themselves", "only", "just", "even", "still",
     "already", "bluntly", "openly", "strongly", "sharply", "angrily", "swiftly", "quickly",
     "immediately", "subsequently", "repeatedly", "loudly", "widely"]
)
NOT_VERB_BEFORE = frozenset(
    ["a", "an", "the", "this", "these", "those", "his", "her", "their", "its", "our", "my",
     "your", "to", "of", "for", "in", "with", "by", "from", "on", "at"]
)
NP_STOP = frozenset(
    ["that", "which", "who", "whom", "whose", "when", "while", "because", "but", "if", "after",
     "before", "since", "as", "than", "then", "though", "although", "where", "whether", "so",
     "to", "in", "on", "at", "with", "by", "from", "during", "into", "about", "over", "under",
     "between", "without", "against", "said", "says", "say", "nothing", "something",
     "anything", "everything", "little", "much", "there", "near", "outside", "inside", "amid",
     "following", "behind", "beside", "across", "through", "toward", "towards", "via", "upon",
     "within", "around", "among", "including", "despite", "like", "unlike", "per", "told"]
)
FINITE = frozenset(
    ["is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "should", "can",
     "may", "might", "must", "did", "does", "do", "shall"]
)
AFTER_STRICT = frozenset(
    ["that", "in", "on", "at", "during", "after", "before", "earlier", "later",
     "yesterday", "today", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
     "sunday"]
)
QUANTIFIERS = frozenset(
    ["one", "two", "three", "four", "five", "some", "many", "most", "all", "several", "none",
     "each", "both", "few", "any", "another", "either", "neither", "dozens", "scores",
     "hundreds", "thousands", "millions", "tens"]
)
NOT_SPEAKER = frozenset(
    ["and", "or", "but", "nor", "it", "its", "he", "she", "they", "we", "i", "you", "him",
     "them", "us", "me", "this", "that", "these", "those", "there", "here", "what", "which",
     "who", "whom", "not", "no", "also", "then", "now", "is", "are", "was", "were", "has",
     "have", "had", "be", "been", "will", "would", "can", "could", "should", "may", "might",
     "must", "do", "does", "did"]
)
CALENDAR = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
     "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december", "today", "yesterday", "tonight", "tomorrow"]
)
# fmt: on
_AUX_OR_ADVERB = AUX | ADVERBS
_NOT_ADVERBS = frozenset(["family", "supply", "assembly", "rally", "ally", "reply", "apply",
                          "monopoly", "anomaly", "holy", "jolly", "belly", "bully", "fly"])  # fmt: skip


def _aux_or_adverb(word: str) -> bool:
    """True for an auxiliary or an adverb between a subject and its verb ("has vehemently
    dismissed"): the listed ones, and any lowercase word in -ly."""
    low = word.lower()
    if low == "may" and word[:1].isupper():
        return False  # "Theresa May said": a name (a modal opening a sentence has no subject)
    return low in _AUX_OR_ADVERB or (
        word.islower() and low.endswith("ly") and len(low) > 4 and low not in _NOT_ADVERBS
    )


# a place or a time after a speaker's head ("officials in Tokyo", "the agency on Saturday")
PLACE_OR_TIME = frozenset(["at", "in", "on", "near", "outside", "during", "inside"])
# the words of a time adjunct between a speaker and the verb ("the agency on Saturday said")
_TIME_BEFORE = frozenset(["on", "last", "this", "late", "early", "next", "that", "earlier"])
_TIME_NOUNS = frozenset(["week", "month", "year", "night", "morning", "afternoon", "evening",
                         "weekend", "day"])  # fmt: skip
COMPLEMENT = frozenset(["of", "for", "from"])
COURTESY = frozenset(["mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame"])
LINKS = frozenset(["of", "for", "from", "to", "at", "in", "on"])
DETERMINERS = frozenset(["the", "a", "an", "this", "that"])
_LINK_OR_DETERMINER = LINKS | DETERMINERS
PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i"])
POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it"}
# the object of "Y quoted him as saying": the speaker, as its subject pronoun
OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they", "us": "we"}
PASSIVE_AUX = frozenset(["is", "are", "was", "were", "been", "be"])
ISSUED_IN = frozenset(["statement", "report", "letter", "communique", "release", "interview"])
# "the official" may be any person quoted before; "the commander" only one named so
GENERIC_PEOPLE = frozenset(["official", "spokesman", "spokeswoman", "spokesperson", "source",
                            "diplomat", "representative", "aide"])  # fmt: skip
# one office, several words: "the leader" may refer back to "President X" or "Prime Minister Y"
TOP_OFFICE = frozenset(["leader", "president", "premier", "prime", "chancellor", "head"])
STATEMENTS = frozenset(["statement", "announcement", "release", "communique"])  # one document
_LOOK_BACK = 60  # events a pronoun or description looks back over (bounded: linear time)
_NOT_PERSON = frozenset(["group", "organisation", "country"])  # what "they" stands for alone
_KNOWN_BACK = 2  # paragraphs before a pronoun searched for a speaker of its known gender


@dataclass(frozen=True)
class Speaker:
    """Who is speaking: ``key`` (actor id or name), the words that name them, how resolved
    (``actor``, ``name``, ``pronoun``, ``description``, ``continuation`` or ``unresolved``) and
    their kind (``person``, ``organisation``, ``country``, ``group``, ``document`` or empty)."""

    key: str
    text: str
    source: str
    kind: str = ""


#: The speaker of a reporting verb whose subject the rules could not find.
UNNAMED = Speaker("unresolved", "", "unresolved")


@dataclass(frozen=True)
class Attribution:
    """One reporting verb (or noun) with its speakers and character span in the unit.

    ``phrase`` is the whole noun phrase that named the speaker; ``issued`` the document the
    words were given in (``"statement"`` for "said in a statement"), if any; ``subordinate``
    is True for a verb inside a subordinate clause ("after the chief announced"), which
    introduces no quotation while the main clause has a verb; ``subjectless`` for a verb of a
    sentence with a quotation whose subject the rules did not find ("the businessman said",
    "She smiled and said"): its speaker is unresolved (the speaker model chooses one), a verb
    with a subject beats it, and it makes no short quoted phrase speech."""

    start: int
    end: int
    verb: str
    lemma: str
    verb_class: str
    speakers: tuple[Speaker, ...]
    participle: bool = False
    phrase: str = ""
    issued: str = ""
    subordinate: bool = False  # in a clause such as "after the chief announced ..."
    subjectless: bool = False  # a verb of a quoted sentence whose subject was not found


def reporting_clause(att: Attribution, found: list[Attribution], text: str) -> Attribution | None:
    """The reporting verb of ``found`` whose reported clause ``att`` is in, or None: the one
    right before ``att`` in the same sentence with only ``att``'s subject between, a
    noun phrase of at most six words ("Ann Lee noted the gunman asked \"...\"": "noted"
    reports what "asked" reports). A quotation its inner verb owns is then quoted by the
    outer speaker, so what continues it in the next paragraph is the outer speaker's.

    >>> said = Attribution(8, 13, "noted", "note", "neutral", (Speaker("Lee", "Lee", "name"),))
    >>> asked = Attribution(25, 30, "asked", "ask", "neutral", ())
    >>> reporting_clause(asked, [said, asked], "Ann Lee noted the gunman asked").verb
    'noted'
    >>> reporting_clause(asked, [said, asked], "Ann Lee noted. The gunman asked") is None
    True
    """
    k = next((k for k, a in enumerate(found) if a is att), None)
    if not k:
        return None
    prior = found[k - 1]
    gap = text[prior.end : att.start]
    words = gap.split()
    if prior.subordinate or prior.participle or not 0 < len(words) <= 6:
        return None
    if any(ch in gap for ch in ".;:!?,\"'()\u201c\u201d\u2014"):
        return None
    if words[0].lower() == "that":
        words = words[1:]
    if not words or words[0].lower() in PRONOUNS:
        return None  # "X said she told": the same person, nothing to carry
    named = [sp for sp in prior.speakers if sp.source not in ("unresolved", "pending")]
    return prior if named else None


_RUN_PARAGRAPHS = 3  # paragraphs a quotation run reaches back for its speaker's verb
_VERB_FIELDS = ("verb", "verb_lemma", "verb_class")


def run_verbs(rows: list[dict]) -> None:
    """Give each direct quotation row of the body that has a speaker but no reporting verb
    the verb of the same speaker's latest row with one, at most three paragraphs before
    (in place; ``rows`` in reading order).

    A quotation that runs over several paragraphs is attributed once: the paragraphs after
    the first continue the speaker's words under the same verb (the news convention of a
    quotation continued over paragraphs, each opened by a quotation mark, the attribution
    given once), as the speaker the rules carry to the next paragraph already keeps its
    verb. A speaker chosen without a verb (by the speaker model, from a name before a
    colon) gets it from the run too; a row whose speaker is unresolved, or whose speaker's
    last verb is further back than the run reaches, stays without one.

    >>> rows = [dict(part="body", paragraph_id=3, speaker="Lee", kind="direct", verb="wrote",
    ...              verb_lemma="write", verb_class="neutral"),
    ...         dict(part="body", paragraph_id=4, speaker="Lee", kind="direct", verb="",
    ...              verb_lemma="", verb_class="")]
    >>> run_verbs(rows)
    >>> rows[1]["verb_lemma"], rows[1]["verb"]
    ('write', 'wrote')
    """
    last: dict[str, dict] = {}
    for row in rows:
        if row["part"] != "body" or row["speaker"] == "unresolved":
            continue
        if row["verb_lemma"]:
            last[row["speaker"]] = row
            continue
        prior = last.get(row["speaker"])
        if (
            row["kind"] == "direct"
            and prior is not None
            and row["paragraph_id"] - prior["paragraph_id"] <= _RUN_PARAGRAPHS
        ):
            row.update((f, prior[f]) for f in _VERB_FIELDS)


# an opening quotation mark and an ellipsis that end a sentence span ('said. "...')
_OPENING_ELLIPSIS = re.compile(r"(?<=\s)[\"\u201c]\s?(?:\.\.\.|\u2026)\Z")


class Sentences:
    """The sentence spans of one unit with binary search (``at``) and bounds by id."""

    def __init__(self, unit: Unit) -> None:
        self.ids = [i for i, _, _ in unit.sentences]
        self.starts = [s for _, s, _ in unit.sentences]
        self.ends = [e for _, _, e in unit.sentences]
        for k in range(len(self.ids) - 1):  # 'Lee said. "... We want it."': the ellipsis
            # opens the next sentence's quotation, its opening mark with it
            cut = _OPENING_ELLIPSIS.search(unit.text, max(self.ends[k] - 6, 0), self.ends[k])
            if cut is not None and cut.start() > self.starts[k]:
                self.ends[k] = self.starts[k + 1] = cut.start()
        self.position = {i: k for k, i in enumerate(self.ids)}
        self._last = len(self.ids) - 1

    def at(self, offset: int) -> int:
        """The id of the sentence that contains character ``offset``."""
        if self._last < 0:
            return -1
        k = bisect_right(self.ends, offset)
        return self.ids[k if k < self._last else self._last]

    def bounds(self, sentence_id: int) -> tuple[int, int]:
        """Start and end offset of sentence ``sentence_id``."""
        k = self.position[sentence_id]
        return self.starts[k], self.ends[k]


# --- memory: what earlier text named --------------------------------------------------------


class SpeakerGenders:
    """The gender of a speaker ("he", "she" or "": unknown) as one article tells it: a
    lowercase role noun or a courtesy title among the words that named it ("the spokeswoman",
    "Mrs Lee", "spokesman Tom Reed"), else what :func:`newsframe.framing.gender.genders` reads
    for its entity in the article's entity ``layer`` (``texts``: the layer's paragraphs by id;
    worked out at the first question, once per article).

    >>> from newsframe.entities import find_entities
    >>> texts = {0: "Ann Lee met Tom Reed.", 1: "Mrs Lee spoke."}
    >>> of = SpeakerGenders(find_entities(texts.values()), texts)
    >>> [of(Speaker(k, t, "name", "person")) for k, t in [("Ann Lee", "Ann Lee"), ("Lee", "Lee"),
    ...                                                    ("x", "the spokesman"), ("Tom Reed", "Tom Reed")]]
    ['she', 'she', 'he', '']
    """

    def __init__(self, layer: Entities, texts: Mapping[int, str]) -> None:
        self.layer, self.texts = layer, texts
        self._known: dict[tuple[str, str], str] = {}

    def word(self, noun: str) -> str:
        """The gender of a title or role noun by the layer's entity words ("spokeswoman")."""
        return word_gender(noun, self.layer.words)

    def __call__(self, speaker: Speaker) -> str:
        hit = self._known.get((speaker.key, speaker.text))
        if hit is None:
            words = speaker.text.split()
            said = set()
            for k, word in enumerate(words):
                low = word.lower().rstrip(".")
                if word.islower() or (
                    k < len(words) - 1 and (low in _COURTESY or low.endswith("man"))
                ):  # "the spokeswoman", "Mrs Lee", "Spokesman Tom Reed"; never a name's word
                    said.add(word_gender(word, self.layer.words))
            said.discard("")
            if len(said) == 1:
                hit = said.pop()
            else:
                genders = article_genders(self.layer, self.texts)
                entity = genders.get(speaker.key)
                if entity is None:
                    entity = genders.get(self.layer.resolve(speaker.key) or "", "")
                hit = entity
            self._known[speaker.key, speaker.text] = hit
        return hit


# a mention followed by "and", "&" or "or" shares its sentence's subject with others
_COORDINATED = re.compile(r"\s{1,3}(?:&|and\b|or\b)")
_COURTESY = frozenset(["mr", "mrs", "ms", "miss", "sir", "dame", "lord", "lady"])


class _Event(NamedTuple):  # a named tuple: one per actor mention, so cheap to make
    order: tuple[int, int, int]  # (unit, sentence, offset)
    kind: str
    speakers: tuple[Speaker, ...]
    phrase: str  # lowercase words that named them
    speaking: bool  # a speaker (not a mere mention)
    issued: str = ""  # a document they issued ("statement")
    subject: bool = False  # a mention that opens its sentence (titles allowed): its subject
    paired: bool = False  # ... or one that opens it followed by "and": "Ann and Tom said"


@dataclass
class Memory:
    """Who the article has named so far, for pronouns and descriptions (across paragraphs).

    :meth:`resolve` maps he/she/his/her to the last person of a compatible gender, it/its to
    the last organisation or country, they/their/we to the last group, several people or
    organisation (never one person alone), "the ministry"/"the agency" to the last
    organisation, "the official"/"the spokesman" to the last person (of the role noun's gender,
    if it has one: "the spokeswoman" is a woman), and "the statement"/"the report" to whoever
    issued the last document. The nearest sentence with a compatible mention decides; two
    different candidates there (and none the only speaker) leave the pronoun ``unresolved``. A
    description with no antecedent names itself; "they" after a sentence opened by two names
    joined by "and" is those two. ``gender`` says "he", "she" or "" (unknown:
    compatible with both) of a speaker (:class:`SpeakerGenders`; None: every one unknown); the
    agreement constraint of rule-based coreference (Lee et al. 2013), with gender read from the
    article.
    """

    events: list[_Event] = field(default_factory=list)
    gender: SpeakerGenders | None = None

    def add(self, event: _Event) -> None:
        """Remember one mention or speaker."""
        self.events.append(event)

    def _candidates(
        self,
        kinds: frozenset[str],
        heads: frozenset[str],
        before: tuple[int, int, int],
        *,
        named: bool = False,
        agree: str = "",
    ) -> list[_Event]:
        """The compatible events of the nearest sentence before ``before`` (of a kind in
        ``kinds``, naming one of ``heads`` if given, with a name if ``named``, with a speaker
        whose gender is not other than ``agree`` if given)."""
        window = self.events[-_LOOK_BACK:]
        k = bisect_left([e.order for e in window], before)
        chosen: list[_Event] = []
        sentence = None
        for event in reversed(window[:k]):
            if sentence is not None and event.order[:2] != sentence:
                break
            if kinds and event.kind not in kinds:
                continue
            if heads and event.issued not in heads and not any(h in event.phrase for h in heads):
                continue
            if named and all(s.source == "description" for s in event.speakers):
                continue
            if agree and all(self._clashes(s, agree) for s in event.speakers):
                continue
            sentence = event.order[:2]
            chosen.append(event)
        return chosen

    def resolve(self, speaker: Speaker, at: tuple[int, int, int]) -> tuple[Speaker, ...]:
        """The speakers a pronoun or description at position ``at`` refers to."""
        word = speaker.text.lower()
        if speaker.source == "pronoun":
            word = POSSESSIVE_PRONOUNS.get(word) or OBJECT_PRONOUNS.get(word, word)
            agree = ""
            if word in ("he", "she"):
                kinds, plural, agree = frozenset(["person"]), False, word
            elif word == "it":
                kinds, plural = frozenset(["organisation", "country", "document"]), False
            elif word in ("they", "we"):
                return self._plural(speaker, at)
            else:
                return (Speaker("unresolved", speaker.text, "unresolved"),)
            chosen = self._candidates(kinds, frozenset(), at, agree=agree)
            return (
                self._known_over_unknown(chosen, speaker, at, agree)
                or self._pick(chosen, speaker, plural, agree)
                or self._subject(chosen, speaker, agree)
                or self._last_speaker(chosen, speaker, at, agree)
                or (Speaker("unresolved", speaker.text, "unresolved"),)
            )
        head = speaker.text.lower().split()[-1]
        lemma = lemmatize(head)
        kinds = frozenset(["organisation", "country"] if speaker.kind == "organisation" else [])
        if speaker.kind == "document":
            for event in self._documents(lemma, at):
                return tuple(
                    Speaker(s.key, speaker.text, "description", s.kind) for s in event.speakers
                )
        elif speaker.kind in ("person", "organisation"):
            kinds = kinds or frozenset(["person"])
            agree = self._gender_of(head) if speaker.kind == "person" else ""  # "the spokeswoman"
            heads = frozenset([lemma]) | (TOP_OFFICE if lemma in TOP_OFFICE else frozenset())
            picked = self._pick(
                self._candidates(kinds, heads, at, named=True, agree=agree), speaker, False, agree
            )
            picked = picked or self._pick(
                self._candidates(kinds, heads, at, agree=agree), speaker, False, agree
            )
            if not picked and speaker.kind == "person" and lemma in GENERIC_PEOPLE:
                spoke = [
                    e for e in self._candidates(kinds, frozenset(), at, agree=agree) if e.speaking
                ]
                picked = self._pick(spoke, speaker, False, agree)
            if picked:
                return picked
        return (Speaker(speaker.text, speaker.text, "description", speaker.kind),)

    def _known_over_unknown(
        self, chosen: list[_Event], speaker: Speaker, at: tuple[int, int, int], agree: str
    ) -> tuple[Speaker, ...]:
        """For "he" or "she" whose nearest candidates are all of unknown gender ("At her
        residence, Bute House, she said"), the last speaker of the paragraphs just before
        (:data:`_KNOWN_BACK`) whom the article calls by that pronoun, or none: agreement the
        text shows beats a candidate it says nothing about (Lee et al. 2013's agreement
        constraint, with gender read from the article)."""
        if not agree or not chosen or self.gender is None:
            return ()
        if any(self.gender(s) for e in chosen for s in e.speakers):
            return ()
        window = self.events[-_LOOK_BACK:]
        k = bisect_left([e.order for e in window], at)
        for event in reversed(window[:k]):
            if event.order[0] < at[0] - _KNOWN_BACK:
                break
            if event.speaking and len(event.speakers) == 1:
                s = event.speakers[0]
                if s.source != "description" and self.gender(s) == agree:
                    return (Speaker(s.key, speaker.text, "pronoun", s.kind),)
        return ()

    def _gender_of(self, noun: str) -> str:
        """The gender a role noun says ("spokeswoman": "she"), by the article's entity words."""
        return self.gender.word(noun) if self.gender is not None else word_gender(noun)

    def _clashes(self, speaker: Speaker, agree: str) -> bool:
        """True when ``speaker``'s gender is known and is not ``agree`` ("he" or "she")."""
        if self.gender is None or not agree:
            return False
        gender = self.gender(speaker)
        return bool(gender) and gender != agree

    def _plural(self, speaker: Speaker, at: tuple[int, int, int]) -> tuple[Speaker, ...]:
        """They/their/we: the speakers of the nearest sentence with any mention, unless that is
        one person alone (a plural never credits a single person); then the nearest sentence
        with a group, an organisation or a country; else ``unresolved``."""
        chosen = self._candidates(frozenset(), frozenset(), at)
        picked = self._pair(chosen, speaker) or self._pick(chosen, speaker, True)
        if len(picked) == 1 and picked[0].kind == "person":
            picked = self._pick(self._candidates(_NOT_PERSON, frozenset(), at), speaker, True)
        return picked or (Speaker("unresolved", speaker.text, "unresolved"),)

    @staticmethod
    def _pair(chosen: list[_Event], speaker: Speaker) -> tuple[Speaker, ...]:
        """Of the nearest sentence's mentions (``chosen``, newest first), the two that open it
        joined by "and" ("Rubin and Hudson also thanked Rock, who said ... They said"): the
        coordinated subject a plural pronoun stands for; else none."""
        ordered = chosen[::-1]
        for k, event in enumerate(ordered[:-1]):
            if event.paired:
                pair = (*event.speakers, *ordered[k + 1].speakers)
                return tuple(Speaker(s.key, speaker.text, "pronoun", s.kind) for s in pair)
        return ()

    def _subject(
        self, chosen: list[_Event], speaker: Speaker, agree: str = ""
    ) -> tuple[Speaker, ...]:
        """Of two or more candidates in the nearest sentence, the one whose mention opens it
        (its subject, which a pronoun after it most often stands for: "West was the manager
        when Bryant was drafted. He said ..." is West; the centering preference of Grosz,
        Joshi & Weinstein 1995), or none."""
        keys = {
            s.key: s for e in chosen if e.subject for s in e.speakers if not self._clashes(s, agree)
        }
        if len(keys) != 1:
            return ()
        s = next(iter(keys.values()))
        return (Speaker(s.key, speaker.text, "pronoun", s.kind),)

    def _last_speaker(
        self, chosen: list[_Event], speaker: Speaker, at: tuple[int, int, int], agree: str = ""
    ) -> tuple[Speaker, ...]:
        """Of two or more candidates in the nearest sentence, the one who spoke last in the
        article (the topic the text keeps talking about: "Mr Barnier was speaking after Mrs May
        issued a challenge. He said ..." is Barnier, who spoke before), or none."""
        keys = {s.key for e in chosen for s in e.speakers if not self._clashes(s, agree)}
        if len(keys) < 2:
            return ()
        window = self.events[-_LOOK_BACK:]
        k = bisect_left([e.order for e in window], at)
        for event in reversed(window[:k]):
            if event.speaking and len(event.speakers) == 1 and event.speakers[0].key in keys:
                s = event.speakers[0]
                return (Speaker(s.key, speaker.text, "pronoun", s.kind),)
        return ()

    def _documents(self, lemma: str, at: tuple[int, int, int]) -> list[_Event]:
        window = self.events[-_LOOK_BACK:]
        k = bisect_left([e.order for e in window], at)
        earlier = window[:k][::-1]
        same = STATEMENTS if lemma in STATEMENTS else frozenset([lemma])
        return [e for e in earlier if e.issued in same][:1] or [
            e for e in earlier if e.kind == "document" and lemma in e.phrase
        ][:1]

    def _pick(
        self, chosen: list[_Event], speaker: Speaker, plural: bool, agree: str = ""
    ) -> tuple[Speaker, ...]:
        keys: dict[str, Speaker] = {}
        for event in reversed(chosen):
            for s in event.speakers:
                if not self._clashes(s, agree):
                    keys.setdefault(s.key, s)
        source = "pronoun" if speaker.source == "pronoun" else "description"
        if len(keys) > 1 and not plural:
            speaking = {s.key: s for e in chosen if e.speaking for s in e.speakers if s.key in keys}
            keys = speaking if len(speaking) == 1 else {}
        return tuple(Speaker(s.key, speaker.text, source, s.kind) for s in keys.values())


# --- noun phrases ----------------------------------------------------------------------------


def _spaces(text: str, a: int, b: int) -> bool:
    return not text[a:b].strip()


_NICKNAME_GAP = re.compile(r' ["\u201c][A-Z][\w.\'-]{0,15}(?: [A-Z][\w.\'-]{0,15})?["\u201d] ')


def _in_name(text: str, left: Token, right: Token) -> bool:
    """True when ``left`` and ``right`` are next to each other inside one noun phrase: only
    spaces between them, or the full stop of a title's abbreviation or of an initial before a
    capitalised word ("Capt. Scott McLean", "Robert W. Mann"), a nickname in quotation marks
    ('Cerelyn "CJ" Davis'), or the ampersand or comma inside an organisation's name
    (:func:`_joined_name`: "Alvarez & Marsal", "Acme, Inc.")."""
    gap = text[left.end : right.start]
    if not gap.strip():
        return True
    if _NICKNAME_GAP.fullmatch(gap) and left.text[:1].isupper() and right.text[:1].isupper():
        return True  # 'Cerelyn "CJ" Davis': a nickname between a given name and a surname
    if gap.strip() in ("&", ","):
        return _joined_name(text, left, right, gap.strip())
    return (
        gap.strip() == "."
        and gap.startswith(".")
        and right.text[:1].isupper()
        and ((len(left.text) == 1 and left.text.isupper()) or left.text.lower() in ABBREVIATIONS)
    )


_COMPANY_SUFFIXES = frozenset(["Inc", "Ltd", "LLC", "LLP", "Corp", "Co", "Plc", "PLC", "LP",
                               "AG", "SA", "NV", "GmbH", "Limited"])  # fmt: skip
# an organisation's name opened by its noun and "of", then listed words ("Ministry of Culture,")
_PORTFOLIO = re.compile(r"\b(?:Ministry|Department|Office|Bureau) of "
                        r"(?:the )?(?:[A-Z][\w'-]*,? ){0,4}[A-Z][\w'-]*\Z")  # fmt: skip
# ... and the rest of the list up to "and" ("Ministry of Culture, Sports and Tourism")
_LISTED = re.compile(r",\s{1,3}(?:[A-Z][\w'-]*,\s{1,3}){0,4}[A-Z][\w'-]*\s{1,3}and\s{1,3}[A-Z]")


def _joined_name(text: str, left: Token, right: Token, mark: str) -> bool:
    """True for an ampersand between two capitalised words ("Alvarez & Marsal", "Korean Sport &
    Olympic Committee"), or a comma before a company's legal form ("Acme, Inc.") or inside a
    ministry's list of portfolios that "and" closes ("Ministry of Culture, Sports and
    Tourism"): one name, as the entity layer reads it (:mod:`newsframe.entities`); never a
    comma between two names ("Ann Lee, Tom Reed"), after a ministry's name ("the Department of
    Justice, Mizuhara ...") or in a minister's title ("Minister of Trade, Industry and Energy
    Sung Yun-mo": the person).

    >>> from newsframe.framing._units import Token
    >>> text = "Alvarez & Marsal, Acme, Inc. and Ann Lee, Tom Reed"
    >>> def tok(word):
    ...     k = text.index(word)
    ...     return Token(word, word.lower(), k, k + len(word))
    >>> [_joined_name(text, tok(a), tok(b), m) for a, b, m in
    ...  [("Alvarez", "Marsal", "&"), ("Acme", "Inc", ","), ("Lee", "Tom", ",")]]
    [True, True, False]
    """
    if not (left.text[:1].isupper() and right.text[:1].isupper()):
        return False
    if mark == "&":
        return True
    if right.text.rstrip(".") in _COMPANY_SUFFIXES:
        return True
    return (
        _LISTED.match(text, left.end) is not None
        and _PORTFOLIO.search(text, max(left.start - 80, 0), left.end) is not None
    )


_AGED = re.compile(r"\d{1,3}-year-old")  # an age used as a noun ("the 42-year-old said")


def _head_kind(words: list[Token], nouns: dict[str, str]) -> str | None:
    """The kind of speaker a noun phrase names, or None when it names no speaker."""
    # an all-capitals token is an abbreviation ("US", "IT"), never a function word
    lower = [w.text.lower() if not w.text.isupper() or len(w.text) == 1 else "" for w in words]
    if len(words) > 1 and lower[-2].rstrip(".") in COURTESY and words[-1].text[:1].isupper():
        return "person"  # "Mrs May", "Dr Will": a surname, whatever else the word may be
    if (
        len(words) > 1
        and lower[-1] in _MONTH_NAMES
        and words[-1].text[:1].isupper()
        and words[-2].text[:1].isupper()
        and lower[-2] not in CALENDAR | DETERMINERS | LINKS
    ):
        return "person"  # "Theresa May": a month's name after a given name is a surname
    if len(words) == 1 and lower[0] in ("a", "an") and words[0].text[:1].isupper():
        return "person"  # an article is never a whole subject: "An told reporters" is a name
    if not words or lower[-1] in NOT_SPEAKER or lower[-1] in DETERMINERS:
        return None
    if len(words) > 1 and any(w in PRONOUNS or w in ("him", "them", "us") for w in lower):
        return None
    if _AGED.fullmatch(lower[-1]) and len(words) > 1 and lower[-2] in DETERMINERS:
        return "person"  # "the 42-year-old": a person by their age
    counted = len(words) > 2 and lower[1] == "of" and words[0].text[:1].isdigit()  # "500 of"
    if not counted and any(w.text[:1].isdigit() for w in (words[0], words[-1])):
        return None
    cut = next((k for k, w in enumerate(lower) if w in LINKS and k > 0), len(words))
    head = cut - 1
    number = lower[head].replace(",", "").isdigit()  # "Over 500 of the staff": the staff
    if (lower[head] in QUANTIFIERS or number) and cut < len(words):
        head = len(words) - 1
    elif lower[head] in _POST_ADJECTIVES and head > 0 and cut < len(words):
        head -= 1  # "a source close to the leader": the noun the adjective follows
    word = words[head]
    lemma = word.lemma
    plain = word.text.lower().removesuffix("'s").removesuffix("'")
    if plain in CALENDAR or lemma in CALENDAR:
        return None
    kind = nouns.get(plain) or nouns.get(lemma)
    plural = plain != lemma and plain.endswith("s")
    if kind is None and plain.endswith("s"):  # a plural the lemmatizer does not know
        kind = nouns.get(plain[:-1]) or (nouns.get(plain[:-2]) if plain.endswith("es") else None)
        plural = kind is not None
    if kind == "person" and plural:
        kind = "group"
    if kind:
        return kind
    if word.text[:1].isupper() and word.text.lower() not in NOT_SPEAKER:
        return "person"  # a proper name (organisations are known by their head noun)
    return None


def speaker_kind(words: list[Token], verbs: ReportingVerbs) -> str | None:
    """The kind of speaker the words name (person, organisation, group, document), or None
    when they name none: the speaker check every speaker noun phrase passes.

    >>> from newsframe.framing._units import word_tokens
    >>> table = load_reporting_verbs()
    >>> [speaker_kind(word_tokens(p), table) for p in ("the Foreign Ministry", "20 and",
    ...  "an operation it", "the capital", "one of the protesters", "the statement")]
    ['organisation', None, None, None, 'group', 'document']
    """
    return _head_kind(words, verbs.speaker_nouns)


def _np_speakers(text: str, toks: list[Token], lo: int, hi: int, ctx: _Context) -> list[Speaker]:
    """Speakers named by the noun phrase ``toks[lo..hi]`` (actors first, then a name), or
    none when the phrase names no person, organisation, country, group or document. A place or
    a time after the head is not part of the speaker: "a police officer at the X station in
    Y" is "a police officer", "the agency on Saturday" is "the agency"."""
    hi = next((k - 1 for k in range(lo + 1, hi + 1) if _adjunct_at(toks, k, hi)), hi)
    start, end = toks[lo].start, toks[hi].end
    words = toks[lo : hi + 1]
    k = bisect_left(ctx.mention_starts, start)
    inner = []
    while k < len(ctx.mentions) and ctx.mentions[k].start < end:
        if ctx.mentions[k].end <= end:
            inner.append(ctx.mentions[k])
        k += 1
    link = [t for t in words if t.text.lower() in LINKS]
    run = len(words)
    while run > 0 and words[run - 1].text[:1].isupper():
        run -= 1
    named_run = (
        len(words) - run >= 2
        and run > 0
        and words[run - 1].text.islower()
        and not words[run - 1].text[:1].isdigit()  # "the 3rd Kestrel Brigade": one name
        and words[run - 1].text.lower() not in _LINK_OR_DETERMINER
    )
    if named_run and link and link[0].start > start and words[run - 1].text == "and":
        # "an official for the Harbour Authority of Avonport and East Marsh": a lowercase noun
        # heads the phrase, the names joined by "and" are inside its complement
        before = [t for t in words if t.end <= link[0].start]
        named_run = not before[-1].text.islower()
    if link and link[0].start > start and not named_run:
        # "residents of Kunashiri", "a spokesman for Iran's mission": the head comes first
        head_end = max(t.end for t in words if t.end <= link[0].start)
        own = [m for m in inner if m.start == start and head_end - 2 <= m.end <= head_end]
        if own:  # "Jana Petrosky of the union" where "Jana Petrosky" is an actor's alias
            m = own[0]
            return [Speaker(m.actor_id, m.text, "actor", ctx.kinds.get(m.actor_id, ""))]
        name = [t for t in words if t.end <= link[0].start]
        run = _name_start(toks, lo, lo + len(name) - 1) - lo  # a name after its titles
        if 0 < run < len(name) - 1 and _personal_name(name[run:], ctx.verbs.speaker_nouns):
            # "Polling expert Sir John Curtice from Strathclyde University": the person
            return _np_speakers(text, toks, lo + run, lo + len(name) - 1, ctx)
        if _personal_name(name, ctx.verbs.speaker_nouns):
            # "Ann Lee of the Dock Workers Union": the person speaks, the union is her affiliation
            return _np_speakers(text, toks, lo, lo + len(name) - 1, ctx)
        kind = _head_kind(words, ctx.verbs.speaker_nouns)
        if kind is None:
            return []
        head = text[start:end]
        return [Speaker(head, head, "name", kind)]
    if inner and inner[-1].end >= end - 2:  # the head is an actor ("'s" may follow)
        picked = [inner[-1]]
        for m in reversed(inner[:-1]):
            if text[m.end : picked[0].start].strip(" ,") not in ("and", "", "&"):
                break
            picked.insert(0, m)
        return [Speaker(m.actor_id, m.text, "actor", ctx.kinds.get(m.actor_id, "")) for m in picked]
    if lo == hi and toks[hi].text.lower() in PRONOUNS:
        return [Speaker("", toks[hi].text, "pronoun")]
    kind = _head_kind(words, ctx.verbs.speaker_nouns)
    if kind is None:
        return []
    ands = [k for k, w in enumerate(words) if w.text.lower() == "and"]
    titled = portfolio_and_name([w.text for w in words]) if ands else 0
    if titled:  # "Minister of Public Administration and Security Lee Sang-min": the name
        return _np_speakers(text, toks, lo + titled, hi, ctx)
    if ands and words[-1].text[:1].isupper() and 0 < ands[-1] < len(words) - 1:
        k = ands[-1]  # "Mayor Chris Coleman and Police Chief Todd Axtell": two speakers
        if k == 1 and text[: words[0].start].rstrip().endswith(","):
            # the end of a list inside a title ("Minister of Agriculture, Forestry and
            # Fisheries Tetsuro Nomura"): one speaker, the name after the list, whose last
            # item is one word like the others
            rest = words[k + 2 :]
            first = lo + k + (2 if _personal_name(rest, ctx.verbs.speaker_nouns) else 1)
            return _np_speakers(text, toks, first, hi, ctx)
        if words[k - 1].text[:1].isupper() and words[k + 1].text[:1].isupper():
            left = _np_speakers(text, toks, _name_start(toks, lo, lo + k - 1), lo + k - 1, ctx)
            return left + _np_speakers(text, toks, lo + k + 1, hi, ctx)
    # a common noun in capitals after a modifier ("state TV"): the phrase is a description
    modified = (
        words[-1].text.isupper()
        and words[-1].text.lower() in ctx.verbs.speaker_nouns
        and 0 < run == len(words) - 1
        and words[run - 1].text.isalpha()
    )
    if words[-1].text[:1].isupper() and not modified:
        role = words[-1].lemma in ctx.verbs.speaker_nouns
        if role and run == len(words) - 1 and run > 0 and words[run - 1].text.lower() == "the":
            words, source = words[run - 1 :], "description"  # "said the President"
        else:
            words = words[run:] if run < len(words) else words
            if words[0].text.lower() in DETERMINERS and len(words) > 1:
                words = words[1:]
            source = "name"
    else:
        dets = [i for i, w in enumerate(words) if w.text.lower() in ("the", "a", "an", "this")]
        words = words[dets[-1] :] if dets else words
        first = words[0].text.lower()
        source = "description" if first in ("the", "this") and len(words) <= 4 else "name"
        if first in ("a", "an") and len(words) <= 2 and kind in ("document",):
            source = "description"
    name = text[words[0].start : words[-1].end]
    name = name[:-2] if name.endswith("'s") else name
    return [Speaker(name, name, source, kind)]


def _adjunct_at(toks: list[Token], k: int, hi: int) -> bool:
    """True when a place or time adjunct starts at ``toks[k]`` (k <= hi): "at", "in", "on", ...,
    or a time that runs to the end of the phrase ("Thursday", "late Thursday", "last week":
    "McLean late Thursday" is McLean; "this week Barnier" keeps Barnier)."""
    if toks[k].text.lower() in PLACE_OR_TIME:
        return True
    if k > 0 and toks[k - 1].text.lower().rstrip(".") in COURTESY and toks[k].text[:1].isupper():
        return False  # "Mrs May": a surname after a courtesy title, never a date
    if (
        k == hi
        and k > 0
        and toks[k].text.lower() in _MONTH_NAMES
        and toks[k - 1].text[:1].isupper()
        and toks[k - 1].text.lower() not in CALENDAR
    ):
        return False  # "Theresa May": a month's name alone after a given name is a surname
    first = toks[k].text.lower()  # read before the rest of the phrase is lowercased
    if first not in CALENDAR and not (first in _TIME_BEFORE and min(hi + 1, len(toks)) - k > 1):
        return False
    words = [t.text.lower() for t in toks[k : hi + 1]]
    return all(w in CALENDAR or w in _TIME_BEFORE or w in _TIME_NOUNS for w in words)


def _personal_name(words: list[Token], nouns: dict[str, str]) -> bool:
    """True when ``words`` read as a person's name: two to four capitalised words, none of them
    a speaker noun of the verb table (so "Bank of England", "Central Bank of ...", "Ministry of
    Defence", "Deputy Secretary of State" and "Royal Society of ..." are not names)."""
    if not 2 <= len(words) <= 4:
        return False
    for w in words:
        plain = w.text.removesuffix("'s").removesuffix("'")
        low = plain.lower()
        if not (plain[:1].isupper() and plain[1:2].islower()) or low in NOT_SPEAKER:
            return False
        if low in CALENDAR or low in nouns or w.lemma in nouns:
            return False
    return True


def _name_start(toks: list[Token], lo: int, hi: int) -> int:
    """The first token of the capitalised run that ends at ``toks[hi]`` (within lo..hi)."""
    k = hi
    while k > lo and toks[k - 1].text[:1].isupper():
        k -= 1
    return k


def _np_before(
    text: str, toks: list[Token], j: int, stop: int, nouns: dict[str, str] | None = None
) -> tuple[int, int] | None:
    """Token range of the noun phrase that ends at ``toks[j]`` (None if there is none).

    "to", "at" and "in" stay inside the phrase between a speaker noun (``nouns``) and a name:
    "a spokesman for Iran's mission to the United Nations", "police in Britain"."""
    nouns = _ROLE_BEFORE_TO if nouns is None else nouns
    if j < 0 or not _spaces(text, toks[j].end, stop) or toks[j].text.lower() in NP_STOP:
        return None
    last = toks[j].text
    if last.islower() and last.endswith("ed") and toks[j].lemma != last:
        return None  # "the chief denied reports": a verb ends no noun phrase
    if last.lower() in PRONOUNS:
        return j, j  # a pronoun is a whole noun phrase: "Later she said", "Then he added"
    lo = j
    while (
        lo > 0
        and (j - lo < 9 or (j - lo < 12 and toks[lo].text.lower() in COMPLEMENT))
        and _in_name(text, toks[lo - 1], toks[lo])
    ):  # nine words, or the head before a long complement ("an official for the Port ...")
        prev = toks[lo - 1]
        word = prev.text.lower()
        if prev.lemma in ("say", "tell") or (
            word.endswith("ed")
            and len(word) > 3
            and prev.text.islower()
            and not _participle_modifier(toks, lo - 1)
        ):
            break
        if word in ("and", "or", "but") and (
            toks[lo].text.lower() in PRONOUNS
            or (
                lo > 1
                and (toks[lo - 2].text.lower() in CALENDAR or toks[lo - 2].text[:1].isdigit())
            )
        ):
            break  # "... on Tuesday and he called": the pronoun is the subject
        if word == "at" and toks[lo].text.lower() in ("least", "most"):
            lo -= 1  # "at least three families"
            continue
        if _post_modifier(toks, lo - 1):
            lo -= 1  # "John Curtice from Strathclyde University", "a source close to the PM"
            continue
        if word in NP_STOP and not (
            word in ("to", "at", "in", "on")
            and lo > 1
            and (toks[lo - 2].lemma in nouns or toks[lo - 2].text.lower() in nouns)
            and (toks[lo].text[:1].isupper() or toks[lo].text.lower() in _DET_AFTER_LINK)
        ):
            break
        lo -= 1
    return lo, j


_DET_AFTER_LINK = frozenset(["the", "its", "their", "his", "her", "our"])
_BEFORE_MODIFIER = frozenset(["the", "a", "an", "its", "their", "his", "her", "our", "these",
                              "those", "this"])  # fmt: skip


def _participle_modifier(toks: list[Token], k: int) -> bool:
    """True when the lowercase -ed word ``toks[k]`` comes right after a determiner or a
    possessive: a participle that modifies the noun after it ("the armed forces", "Iran's
    armed forces", "a retired officer"), inside the noun phrase, never its verb ("the chief
    denied reports": after a noun).

    >>> from newsframe.framing._units import word_tokens
    >>> toks = word_tokens("Iran's armed forces said")
    >>> _participle_modifier(toks, 1), _participle_modifier(word_tokens("the chief denied it"), 2)
    (True, False)
    """
    if k < 1:
        return False
    before = toks[k - 1].text.replace("\u2019", "'")
    return before.lower() in _BEFORE_MODIFIER or _possessive(before)


# adjectives whose complement follows the noun they modify: "a source close to the leader"
_POST_ADJECTIVES = frozenset(["close", "familiar", "loyal", "near", "opposed", "allied"])


def _post_modifier(toks: list[Token], k: int) -> bool:
    """True when the preposition ``toks[k]`` opens a post-modifier inside the noun phrase
    before it: "from" between a capitalised name and a capitalised one ("Sir John Curtice from
    Strathclyde University": his affiliation), or the complement of an adjective that follows
    its noun ("a source close to the leader", "people familiar with the talks")."""
    if k < 1 or k + 1 >= len(toks):
        return False
    word, before, after = toks[k].text.lower(), toks[k - 1].text, toks[k + 1].text
    if word == "from":
        return before[:1].isupper() and after[:1].isupper() and before.lower() not in NP_STOP
    return word in ("to", "with") and before.lower() in _POST_ADJECTIVES and k > 1


_ROLE_BEFORE_TO = {
    w: "person" for w in ["mission", "ambassador", "envoy", "embassy", "delegation", "spokesman",
                          "spokeswoman", "spokesperson", "minister", "office", "police"]
}  # fmt: skip


def _np_after(
    text: str, toks: list[Token], i: int, *, allow: frozenset[str] = frozenset()
) -> tuple[int, int] | None:
    """Token range of the noun phrase that starts at ``toks[i]`` (None if there is none)."""
    if i >= len(toks) or toks[i].text.lower() in NP_STOP:
        return None
    hi = i
    while (
        hi + 1 < len(toks)
        and hi - i < 7
        and _in_name(text, toks[hi], toks[hi + 1])
        and (toks[hi + 1].text.lower() not in NP_STOP or toks[hi + 1].text.lower() in allow)
    ):
        hi += 1
    return i, hi


def _np_before_aside(
    text: str, toks: list[Token], j: int, stop: int, nouns: dict[str, str] | None = None
) -> tuple[int, int] | None:
    """The subject before one or two comma-delimited asides that end at ``toks[j]`` ("Peskov,
    the Kremlin spokesman, said", "Payap Maiming, 40, who helped ..., said"), or None."""
    if j >= 1 and text[toks[j].end : stop].strip() == "),":
        k = _before_parenthesis(text, toks, j, aside=True)  # "... (KFA), said"
        if k == j:
            return None
        j = k
    elif j < 1 or text[toks[j].end : stop].strip() != ",":
        return None
    for _ in range(2):
        k = j
        while k > 0 and j - k < 16 and _in_phrase(text, toks[k - 1], toks[k]):
            k -= 1
        if k == 0 or text[toks[k - 1].end : toks[k].start].strip() != ",":
            return None
        if not toks[k - 1].text[:1].isdigit():
            return _np_before(text, toks, k - 1, toks[k - 1].end, nouns)
        j = k - 1  # an age ("Payap Maiming, 40, said"): the subject is further back
    return None


_ASIDE_OPENERS = frozenset(["who", "whose"])
_LONG_ASIDE = 40  # words from the sentence's subject to its verb across one long aside


def _opening_subject_before_aside(
    text: str, toks: list[Token], j: int, stop: int, ctx: _Context
) -> tuple[int, int] | None:
    """The subject that opens the sentence before one long aside that runs up to the verb,
    its inner commas included ("Ann Lee, 32, who came with Bo Park, 36, and his sons, wrote";
    "Lee, speaking for the first time since the vote on Tuesday, said"): a noun phrase of at
    most eight words that opens the sentence and ends at its first comma, an age after it or
    not, then a relative "who"/"whose" or a lowercase -ing participle, and a comma right before
    the verb; at most forty words from the subject to the verb; else None (an aside of its own
    kind, "Peskov, the Kremlin spokesman, said", is :func:`_np_before_aside`'s).

    The subject of a sentence is the noun phrase before its first comma when what follows the
    comma is a non-restrictive relative clause or a participle clause, which modify it and
    never hold the main verb's subject (Quirk et al. 1985, 17.22 and 15.59)."""
    if j < 2 or text[toks[j].end : stop].strip() != ",":
        return None
    first = ctx.sentences.bounds(ctx.sentences.at(toks[j].start))[0]
    f = bisect_left([t.start for t in toks[max(j - _LONG_ASIDE, 0) : j + 1]], first)
    f += max(j - _LONG_ASIDE, 0)
    if f >= j or toks[f].start < first or text[first : toks[f].start].strip():
        return None  # (the sentence opens with a quotation or a mark, or too far back)
    k = f
    while k < j and k - f < 8 and _spaces(text, toks[k].end, toks[k + 1].start):
        k += 1
    if k >= j or text[toks[k].end : toks[k + 1].start].strip() != ",":
        return None
    nxt = k + 1
    if (
        toks[nxt].text.isdigit()
        and nxt < j
        and text[toks[nxt].end : toks[nxt + 1].start].strip() == ","
    ):
        nxt += 1  # an age: "Ann Lee, 32, who ..."
    opener = toks[nxt].text
    if nxt >= j or not (
        opener.lower() in _ASIDE_OPENERS
        or (opener.islower() and opener.endswith("ing") and len(opener) > 4)
    ):
        return None
    span = _np_before(text, toks, k, toks[k].end, ctx.verbs.speaker_nouns)
    if span is None or span[0] != f:
        return None
    words = toks[f : k + 1]
    if not (words[-1].text[:1].isupper() or _head_kind(words, ctx.verbs.speaker_nouns)):
        return None  # a name or a speaker noun heads it, never "Moments later, ..."
    return span


def _in_phrase(text: str, left: Token, right: Token) -> bool:
    """True when only spaces, or the apostrophe of a possessive after s, stand between two
    words of one phrase ("Nichols' stepfather": the tokenizer leaves that apostrophe out).

    >>> from newsframe.framing._units import word_tokens
    >>> text = "Nichols' stepfather, Lee's"
    >>> toks = word_tokens(text)
    >>> _in_phrase(text, toks[0], toks[1]), _in_phrase(text, toks[1], toks[2])
    (True, False)
    """
    gap = text[left.end : right.start]
    return not gap.strip() or (gap.rstrip() == "'" and left.text[-1:] in "sS")


def _aside_name(text: str, toks: list[Token], j: int, stop: int) -> tuple[int, int] | None:
    """The name in a comma-delimited aside that ends at ``toks[j]`` ("the deputy mayor,
    Emmanuel Gregoire, said"; "another onlooker, Dara, said": one name alone too): one to
    five capitalised words, else None."""
    if j < 1 or text[toks[j].end : stop].strip() != ",":
        return None
    k = j
    while (
        k > 0
        and j - k < 5
        and toks[k - 1].text[:1].isupper()
        and _spaces(text, toks[k - 1].end, toks[k].start)
    ):
        k -= 1
    if text[toks[k - 1].end : toks[k].start].strip() != "," or not toks[k].text[:1].isupper():
        return None
    return k, j


# --- verbs -----------------------------------------------------------------------------------


@dataclass
class _Context:
    verbs: ReportingVerbs
    unit: Unit
    sentences: Sentences
    quotes: QuoteIndex
    quoted_sentences: frozenset[int]
    mentions: list[Mention]
    mention_starts: list[int]
    kinds: dict[str, str]
    found: list[Attribution]
    named: dict[tuple[str, str], tuple[tuple[Speaker], str]] = field(default_factory=dict)
    people: list[Mention] | None = None  # the unit's people in the entity layer, if known


def _quote_follows(text: str, toks: list[Token], i: int, end: int, ctx: _Context) -> bool:
    """True when a quotation opens after ``end`` in the same sentence, at most 8 words on,
    and no participle of a reporting verb comes between ("thanked the crew, saying \"...\"":
    the quotation is the participle's)."""
    k = bisect_left(ctx.quotes.starts, end)
    if k >= len(ctx.quotes.quotes):
        return False
    start = ctx.quotes.quotes[k].start
    if ctx.sentences.at(start) != ctx.sentences.at(end - 1):
        return False
    between = 0
    first = _first_lemmas(ctx.verbs)
    for t in toks[i : i + 10]:
        if t.start >= start:
            break
        if t.start >= end and t.text.islower() and t.text.endswith("ing") and t.lemma in first:
            return False
        between += t.start >= end
    return between <= 8 and not any(ch in text[end:start] for ch in ".;!?")


_FRAME_WORDS = 20  # words from a verb to the quotation its frame leads to


def _quote_in_frame(text: str, end: int, word: str | None, ctx: _Context) -> bool:
    """True when the frame of the verb that ends at ``end`` leads to a quotation of its
    sentence: ``word`` (the table's ``frame``: "as", "for", "to") among the three words before
    the quotation ("described his conditions in Japan, from which he had fled, as a
    \"travesty\""), or, when ``word`` is "", a second object with no comma between ("called
    the arrest of six of its officials a \"difficult moment\""); at most twenty words on and no
    other sentence mark between. None (no frame): False.

    A verb's object and its complement, as in Levin's (1993) characterize (29.2), dub (29.3)
    and judgment (33) classes."""
    if word is None:
        return False
    k = bisect_left(ctx.quotes.starts, end)
    if k >= len(ctx.quotes.quotes):
        return False
    start = ctx.quotes.quotes[k].start
    if start - end > 40 * _FRAME_WORDS or ctx.sentences.at(start) != ctx.sentences.at(end - 1):
        return False  # (a bounded look: twenty words are far fewer characters)
    gap = text[end:start]
    words = gap.split()
    if len(words) > _FRAME_WORDS or any(ch in gap for ch in ".;!?:"):
        return False
    if not word:
        return "," not in gap and "(" not in gap
    return word in [w.lower().strip(",") for w in words[-3:]]


def _quote_after_comma(text: str, end: int, ctx: _Context) -> bool:
    """True when a comma right after ``end`` and a quotation right after it follow the verb
    that ends there ('Harris continued, "This is ..."'), as a colon would."""
    k = bisect_left(ctx.quotes.starts, end)
    if k >= len(ctx.quotes.quotes):
        return False
    gap = text[end : ctx.quotes.quotes[k].start]
    return len(gap) <= 4 and gap.strip() == ","


def _quote_precedes(text: str, start: int, ctx: _Context) -> bool:
    """True when a quotation ends shortly before ``start`` in the same sentence, as in the tag
    '"...," the sign read.' (at most 60 characters and no sentence mark in between)."""
    k = bisect_left(ctx.quotes.starts, start) - 1
    if k < 0:
        return False
    end = ctx.quotes.quotes[k].end
    gap = text[end:start]
    return (
        0 <= start - end <= 60
        and ctx.sentences.at(max(end - 1, 0)) == ctx.sentences.at(start)
        and not any(ch in gap for ch in ".;!?")
    )


def _speaks(text: str, toks: list[Token], i: int, n: int, ctx: _Context) -> bool:
    """True when the verb at ``toks[i:i+n]`` introduces speech (for ``strict`` verbs)."""
    sentence = ctx.sentences.at(toks[i].start)
    if sentence in ctx.quoted_sentences or _introduces_quote(text, sentence, ctx):
        return True
    after = text[toks[i + n - 1].end : toks[i + n - 1].end + 40].lstrip()
    if not after or after[0] in ",.;:!?\u2014\"'":
        return True
    if i + n < len(toks) and toks[i + n].text.lower() in AFTER_STRICT:
        return True
    for k in range(i + n, min(i + n + 8, len(toks))):  # "claimed the islands were ...": a clause
        if k > i + n and not _spaces(text, toks[k - 1].end, toks[k].start):
            break
        if toks[k].text.lower() in FINITE:
            return True
    return False


def _name_not_modal(word: Token, verb: Token) -> bool:
    """True for a capitalised modal before a verb that is no base form ("Will wrote", "May
    said"): a name, since a modal takes a base form ("will write").

    >>> _name_not_modal(Token("Will", "will", 0, 4), Token("wrote", "write", 5, 10))
    True
    """
    return (
        word.text.lower() in _MODALS and word.text[:1].isupper() and verb.text.lower() != verb.lemma
    )


def _introduces_quote(text: str, sentence: int, ctx: _Context) -> bool:
    """True when sentence ``sentence`` ends with a colon or an ellipsis standing for one and
    the next sentence holds a quotation ("Will wrote the following to the committee ...
    \u201cI will ...\u201d"); when it is the paragraph's last sentence, the next paragraph
    opens with a quotation mark (a statement printed as a paragraph of its own under the
    line that introduces it: "The club released the following statement:")."""
    if sentence < 0:
        return False
    k = ctx.sentences.position[sentence]
    last = k + 1 >= len(ctx.sentences.ids)
    if not last and ctx.sentences.ids[k + 1] not in ctx.quoted_sentences:
        return False
    end = ctx.sentences.bounds(sentence)[1]
    if not text[max(end - 50, 0) : end].rstrip().endswith((":", "\u2026", "...")):
        return False
    return not last or _next_paragraph_quoted(ctx.unit)


_OPENING_MARKS = ('"', "'", "\u201c", "\u2018")


def _closing_colon(text: str, end: int, ctx: _Context) -> bool:
    """True when a colon or an ellipsis right after the verb that ends at ``end`` closes its
    sentence and a quotation follows in the next sentence or opens the next paragraph ("It
    reads: / \u201c...\u201d", "He goes on \u2026 \u201c...\u201d"): the verb introduces
    those words, as a tag before a colon does (:func:`_introduces_quote`)."""
    after = text[end : end + 6].lstrip(" ")
    if not after.startswith((":", "\u2026", "...")):
        return False
    return _introduces_quote(text, ctx.sentences.at(end - 1), ctx)


def _next_paragraph_quoted(unit: Unit) -> bool:
    """True when the body paragraph after ``unit`` (blank ones skipped) opens with a quotation
    mark; False for the headline, the last paragraph, or a unit built without its document."""
    doc = unit.doc
    if doc is None or unit.part == "headline":
        return False
    for paragraph in doc.paragraphs[unit.paragraph_id + 1 : unit.paragraph_id + 4]:
        if paragraph.strip():
            return paragraph.lstrip().startswith(_OPENING_MARKS)
    return False


def _match_verb(text: str, toks: list[Token], i: int, table: ReportingVerbs, longest: int):
    if toks[i].lemma not in _first_lemmas(table):
        return None
    lemmas = [t.lemma for t in toks[i : i + longest + 1]]
    for n in range(min(len(lemmas), longest), 0, -1):
        key = tuple(lemmas[:n])
        if key in table.verbs and all(
            _spaces(text, toks[k].end, toks[k + 1].start) for k in range(i, i + n - 1)
        ):
            return key, n
    # another determiner for the article ("issued the statement"), and one lowercase modifier
    # before the noun ("issued a brief statement", "released the following statement": the
    # table's "issue a statement")
    if len(lemmas) < 3 or lemmas[1] not in _ARTICLE_LIKE:
        return None
    for n in (3, 4):
        if (
            len(lemmas) > n - 1
            and (lemmas[0], "a", lemmas[n - 1]) in table.verbs
            and (n == 3 or (toks[i + 2].text.isalpha() and toks[i + 2].text.islower()))
            and all(_spaces(text, toks[k].end, toks[k + 1].start) for k in range(i, i + n - 1))
        ):
            return (lemmas[0], "a", lemmas[n - 1]), n
    return None


_ARTICLE_LIKE = frozenset(["a", "an", "the", "this", "its", "his", "her", "their"])


_FIRST: dict[int, tuple[ReportingVerbs, frozenset[str]]] = {}


def _first_lemmas(table: ReportingVerbs) -> frozenset[str]:
    """The lemmas a reporting verb of ``table`` can start with (computed once per table)."""
    hit = _FIRST.get(id(table))
    if hit is None or hit[0] is not table:
        hit = (table, frozenset(k[0] for k in table.verbs))
        _FIRST[id(table)] = hit
    return hit[1]


_FORMS: dict[int, tuple[ReportingVerbs, dict[str, str]]] = {}


def _verb_forms(table: ReportingVerbs) -> dict[str, str]:
    """The past and -ing forms of the table's verbs that the lemmatizer does not bring back to
    the verb, mapped to it ("thanked": "thank", "labelled": "label", "writing": "write",
    "warning": "warn"): regular inflections that are common English words (Zipf frequency
    above 2.5), computed once per table. The scan reads them as the verb; a determiner or a
    possessive before one still makes it a noun ("in writing", "a warning").

    >>> forms = _verb_forms(load_reporting_verbs())
    >>> forms["thanked"], forms["writing"], "said" in forms
    ('thank', 'write', False)
    """
    hit = _FORMS.get(id(table))
    if hit is None or hit[0] is not table:
        out = {}
        for verb in sorted(_first_lemmas(table)):
            for form in _inflections(verb):
                if lemmatize(form) != verb and zipf_frequency(form, "en") > 2.5:
                    out[form] = verb
        hit = _FORMS[id(table)] = (table, out)
    return hit[1]


def _inflections(verb: str) -> set[str]:
    """The regular past and -ing forms of ``verb`` (a doubled final consonant after one
    vowel: "labelled"; a final e dropped: "writing"; y to i: "denied").

    >>> sorted(_inflections("label"))
    ['labeled', 'labeling', 'labelled', 'labelling']
    """
    if " " in verb or not verb.isalpha():
        return set()
    forms = {verb + "ed", verb + "ing"}
    if verb.endswith("e"):
        forms |= {verb + "d", verb[:-1] + "ing"}
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        forms.add(verb[:-1] + "ied")
    if (
        len(verb) > 2
        and verb[-1] not in "aeiouwyx"
        and verb[-2] in "aeiou"
        and verb[-3] not in "aeiou"
    ):
        forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}
    return forms


_SCAN: dict[int, tuple[ReportingVerbs, int, frozenset[str]]] = {}


def _scan_table(table: ReportingVerbs) -> tuple[int, frozenset[str]]:
    """The longest reporting verb (words) and every lemma an attribution can start with."""
    hit = _SCAN.get(id(table))
    if hit is None or hit[0] is not table:
        longest = max((len(k) for k in table.verbs), default=1)
        relevant = _first_lemmas(table) | {"quote"}
        hit = _SCAN[id(table)] = (table, longest, relevant)
    return hit[1], hit[2]


def _issued(text: str, toks: list[Token], k: int) -> str:
    """The document named by "in a statement" / "in its report" right after ``toks[k-1]``."""
    words = [t.text.lower() for t in toks[k : k + 4]]
    if (
        words[:1] == ["in"]
        and len(words) >= 3
        and words[1] in ("a", "an", "the", "its", "his", "her", "their")
    ):
        noun = lemmatize(words[2])
        return noun if noun in ISSUED_IN else ""
    return ""  # fmt: skip


SUBORDINATORS = frozenset(
    ["after", "before", "when", "while", "as", "because", "since", "if", "although", "though",
     "once", "until", "unless", "whereas", "whenever"]
)  # fmt: skip


def _subordinate(text: str, toks: list[Token], span: tuple[int, int] | None, ctx) -> bool:
    """True when the subject ``span`` opens a subordinate clause ("after the chief ...")."""
    if not span or span[0] == 0:
        return False
    prev, first = toks[span[0] - 1], toks[span[0]]
    return (
        prev.text.lower() in SUBORDINATORS
        and _spaces(text, prev.end, first.start)
        and ctx.sentences.at(prev.start) == ctx.sentences.at(first.start)
    )


def _passive(aux: list[str]) -> bool:
    """True when the auxiliaries make the verb passive ("was", "were not", "has been")."""
    verbs = [a.lower() for a in aux if a.lower() not in ("not", "never")]
    return bool(verbs) and verbs[-1] in PASSIVE_AUX


def _made(toks, i, n, key, speakers, ctx, *, aux=(), participle=False, phrase="", lemma=None,
          subordinate=False, subjectless=False):  # fmt: skip
    surface = " ".join([*aux, *(t.text for t in toks[i : i + n])])
    lemma_text = lemma or " ".join(key)
    verb_class = ctx.verbs.verbs.get(key, ctx.verbs.verbs.get((lemma_text,), ""))
    issued = key[-1] if len(key) > 1 and key[-1] in ISSUED_IN else ""  # "issue a statement"
    issued = issued or _issued(ctx.unit.text, toks, i + n)
    return Attribution(
        toks[i].start, toks[i + n - 1].end, surface, lemma_text, verb_class, tuple(speakers),
        participle, phrase, issued, subordinate, subjectless,
    )  # fmt: skip


def _phrase(text: str, toks: list[Token], span: tuple[int, int] | None) -> str:
    return text[toks[span[0]].start : toks[span[1]].end].lower() if span else ""


_QUOTED_AS = frozenset(["quote", "cite"])  # "X was quoted / cited by Y as saying"


def _quoted_as(text: str, toks: list[Token], i: int, ctx: _Context):
    """``X was quoted as saying`` / ``Y quoted X as saying`` (X a name or an object pronoun:
    "quoted him as saying" is a pronoun speaker, "he") / ``X was cited by the agency as
    saying``: (attribution, tokens used)."""
    k = next((k for k in range(i + 1, min(i + 9, len(toks) - 1)) if toks[k].text == "as"), None)
    if k is None or not toks[k + 1].text.lower().endswith("ing"):
        return None
    verb = toks[k + 1].lemma
    if (verb,) not in ctx.verbs.verbs:
        return None
    j, aux = i - 1, []
    while j >= 0 and _aux_or_adverb(toks[j].text):
        if toks[j].text.lower() in AUX:
            aux.insert(0, toks[j].text)
        j -= 1
    if _passive(aux):  # "Araqchi was quoted as saying"
        span = (
            _np_before(text, toks, j, toks[j + 1].start, ctx.verbs.speaker_nouns)
            if j >= 0
            else None
        )
    elif k > i + 1:  # "the Times quotes the report as saying"
        span = (i + 1, k - 1)
    else:
        return None
    if span and span[0] == span[1] and toks[span[0]].text.lower() in OBJECT_PRONOUNS:
        speakers = [Speaker("", toks[span[0]].text, "pronoun")]  # "... quoted him as saying"
    else:
        speakers = _np_speakers(text, toks, *span, ctx) if span else []
    if not speakers:
        return None
    att = _made(
        toks, i, k + 2 - i, (verb,), speakers, ctx, aux=aux, phrase=_phrase(text, toks, span)
    )
    return att, k + 2 - i


#: A colon or a comma next after an offset, past spaces (matched in place: slicing the text
#: from the offset to its end per verb made a run-on paragraph quadratic).
_COLON_NEXT = re.compile(" *:")
_COMMA_NEXT = re.compile(r"\s*,")


def _verb(text, toks, i, n, key, ctx: _Context) -> Attribution | None:
    """The attribution for the verb at ``toks[i:i+n]``, or None when it is not reporting speech."""
    table, found = ctx.verbs, ctx.found
    j, aux = i - 1, []
    while j >= 0 and _aux_or_adverb(toks[j].text) and _spaces(text, toks[j].end, toks[j + 1].start):
        if _name_not_modal(toks[j], toks[i]):  # "Will wrote": a name (a modal takes a base
            if key in table.strict and not _speaks(text, toks, i, n, ctx):  # form, never
                return None  # "wrote")
            name = Speaker(toks[j].text, toks[j].text, "name", "person")
            return _made(toks, i, n, key, [name], ctx, aux=aux, phrase=toks[j].text)
        if toks[j].text.lower() in AUX:
            aux.insert(0, toks[j].text)
        j -= 1

    stop = toks[j + 1].start if j >= 0 else 0  # where the subject's phrase must end
    k = _before_adjuncts(text, toks, j)
    if k != j:  # "the agency on Saturday said": the subject is before the date (and before
        # "in a statement": "the ministry in a statement said", or a parenthesis)
        j = k
        while (
            j >= 0
            and _aux_or_adverb(toks[j].text)
            and _spaces(text, toks[j].end, toks[j + 1].start)
        ):
            j -= 1
        gap = text[toks[j].end : toks[j + 1].start].strip() if j >= 0 else ""
        time_after = j >= 0 and toks[j + 1].text.lower() in (CALENDAR | _TIME_BEFORE)
        # the adjunct opens a bracket, or (its closing comma left out) an aside
        stop = toks[j].end if gap == "(" or (gap == "," and time_after) else toks[j + 1].start

    def made(speakers, participle=False, span=None):
        subjectless = not speakers and _in_quoted_sentence(toks, i, ctx)
        return _made(toks, i, n, key, speakers or [UNNAMED] * subjectless, ctx, aux=aux,
                     participle=participle, phrase=_phrase(text, toks, span),
                     subordinate=_subordinate(text, toks, span, ctx), subjectless=subjectless)  # fmt: skip

    if (
        key in table.after_quote
        and not _quote_precedes(text, toks[i].start, ctx)
        and not _COLON_NEXT.match(text, toks[i + n - 1].end)
        and not _quote_after_comma(text, toks[i + n - 1].end, ctx)
        and not _closing_colon(text, toks[i + n - 1].end, ctx)
    ):  # "she continued" after her words, or before a colon ("Hale continues:") or a
        return None  # comma and her words; "continues to have" reports nothing
    if key in table.quote_only and not (
        _quote_follows(text, toks, i, toks[i + n - 1].end, ctx)
        or _quote_precedes(text, toks[i].start, ctx)
        or _quote_in_frame(text, toks[i + n - 1].end, table.frames.get(key), ctx)
        or _closing_colon(text, toks[i + n - 1].end, ctx)
    ):
        return None
    if _place_division(toks, i):
        return None  # "Oregon state and city police": a noun after a place's name
    if not aux and (agent := _reduced_passive_agent(text, toks, i, n, ctx)):
        return made(_np_speakers(text, toks, *agent, ctx), span=agent)
    if _passive(aux) and key != ("according", "to"):
        by = _agent_after(text, toks, i + n, ctx)
        if by is not None:  # "was announced by X", 'is described as "..." by X'
            span = _np_after(text, toks, by + 1)
            speakers = _np_speakers(text, toks, *span, ctx) if span else []
            return made(speakers, span=span) if speakers else None
        return None  # passive "was said", "is claimed": no speaker (a hedge, if anything)
    if key == ("according", "to"):
        span = _np_after(text, toks, i + n, allow=COMPLEMENT)
        speakers = _np_speakers(text, toks, *span, ctx) if span else []
        return made(speakers, span=span) if speakers else None
    joined = j >= 0 and _spaces(text, toks[j].end, stop)
    sentence = ctx.sentences.at(toks[i].start)
    strict_fails = key in table.strict and not _speaks(text, toks, i, n, ctx)
    if joined and toks[j].text.lower() in ("and", "but"):
        prior = _prior_outside_asides(text, found, toks[i].start, ctx)
        # "Peskov said ... but added that": the same; never a verb of an aside between
        # dashes ("X -- an aide who said the governor invited her -- praised ... but said")
        if strict_fails:
            return None
        if prior is not None and ctx.sentences.at(prior.start) == sentence:
            return made(prior.speakers)
        # "She smiled and said, ...": the subject of the sentence, or one the model finds
        return made(_sentence_subject(text, toks, i, ctx)) if toks[j].text[:1].islower() else None
    never_noun = toks[i].text.lower() in ("said", "told")  # "Zhao Lijian's said": a typo
    if joined and toks[j].text.lower() == "to" and toks[i].text.lower() == toks[i].lemma:
        # an infinitive ("read a statement to say they ..."): a verb, its subject unnamed;
        # after a verb whose subject does the saying, that subject ("X went on to accuse")
        if strict_fails:
            return None
        return made(_sentence_subject(text, toks, i, ctx) if _subject_control(toks, j) else [])
    named = never_noun and toks[j].text in ("A", "An")  # "An told reporters": a name (An)
    named = named or _gerund_after_by(toks, i, j)  # "began by telling": a verb, not a noun
    if joined and (
        (toks[j].text.lower() in NOT_VERB_BEFORE and not named)
        or (_possessive(toks[j].text) and not never_noun)
    ):
        return None  # "Beijing's claims", "the remarks": a noun, never a reporting verb
    if joined and not aux and _base_after_a(toks, i):
        return None  # "file a police report": one thing and a base form, a noun
    if strict_fails:
        return None
    if joined and _plural_in_phrase(text, toks, i, j, ctx):
        return None  # "ministers from the 27 remaining EU states": a plural noun
    if joined and toks[j].text.lower() in ("who", "which", "that") and j > 0:
        span = _np_before(text, toks, j - 1, toks[j - 1].end, ctx.verbs.speaker_nouns)
    else:
        span = _np_before(text, toks, j, stop, ctx.verbs.speaker_nouns) if j >= 0 else None
    if j >= 0 and not toks[i].text.lower().endswith("ing"):
        relative = _np_before_relative(text, toks, j, ctx)
        speakers = _np_speakers(text, toks, *relative, ctx) if relative else []
        if speakers:  # "X, who lost his brother in the crash told": X, not "his brother"
            return made(speakers, span=relative)
    if span and not aux and _disagrees(toks, i, span, ctx):
        return None  # "a query on the Canadian claim": a noun after a singular modifier
    if span and (name := _name_before_apposition(text, toks, span, ctx)):
        span = name  # "Chung Mong-gyu, chairman of the KFA said": the name, not its title
    if span and found and _object_before_participle(text, toks, i, span):
        prior = found[-1]  # "X wrote to Y on Saturday saying": Y is an object, X says it
        if ctx.sentences.at(prior.start) == sentence and prior.end <= toks[span[0]].start:
            return made(_participle_subject(toks, i, prior), participle=True)
    if span and not found and _object_before_participle(text, toks, i, span):
        subject = _sentence_subject(text, toks, i, ctx)
        if subject:  # "Lee spoke to fans after the final saying": Lee, not the final
            return made(subject, participle=True)
    speakers = _np_speakers(text, toks, *span, ctx) if span else []
    if speakers or (span and not toks[i].text.lower().endswith("ing")):
        return made(speakers, span=span)
    if toks[i].text.lower().endswith("ing"):  # (no subject right before a participle)
        if j >= 0 and "," in text[toks[j].end : toks[i].start] and found:
            prior = found[-1]
            if ctx.sentences.at(prior.start) == sentence:
                return made(_participle_subject(toks, i, prior), participle=True)
        if j >= 0 and (
            "," in text[toks[j].end : toks[i].start] or toks[j].text.lower() in _BEFORE_ING
        ):
            subject = _sentence_subject(text, toks, i, ctx)
            if subject:  # "But he also signalled ..., telling a committee: ...", "Rubiales
                # issued an apology, after initially calling critics ...": the sentence's
                return made(subject, participle=True)
        if ctx.sentences.bounds(sentence)[0] >= (toks[j].end if j >= 0 else 0):
            subject = _subject_after_participle(text, toks, i, n, ctx)
            if subject:  # 'Chanting "..." farmers blocked ...': no verb of speech after
                return made(subject, participle=True)
            # "Calling the effort '...', the governor said": the speaker comes later
            return made([Speaker("", "", "pending")])
        return _unnamed(text, toks, i, n, ctx, made)
    span = _opening_subject_before_aside(text, toks, j, stop, ctx)
    if span:  # "Ann Lee, 32, who came with Bo Park, 36, and his sons, wrote": Ann Lee
        return made(_np_speakers(text, toks, *span, ctx), span=span)
    span = _np_before_aside(text, toks, j, stop, ctx.verbs.speaker_nouns)
    if span and (name := _name_before_apposition(text, toks, span, ctx)):
        # "Kim Taek-gyu, the chair of the BKA, who arrived ..., told": the name
        return made(_np_speakers(text, toks, *name, ctx), span=name)
    if span:  # "Peskov, the Kremlin spokesman, (has) said" / "Putin, who spoke later, warned"
        return made(_aside_speakers(text, toks, j, stop, span, ctx), span=span)
    span = _inverted(text, toks, i, n, j, ctx)
    if span is None:
        return _unnamed(text, toks, i, n, ctx, made)
    name = _closing_name(text, toks, span, ctx)
    if name is not None:  # "said China's consul general in X, Huang Shifang."
        return made(_np_speakers(text, toks, *name, ctx), span=name)
    return made(_np_speakers(text, toks, *span, ctx), span=span)


_DASHES = re.compile(r" [\u2014\u2013-]{1,2} |\u2014")  # a dash that opens or closes an aside


def _prior_outside_asides(
    text: str, found: list[Attribution], at: int, ctx: _Context
) -> Attribution | None:
    """The last attribution of ``found`` in the sentence of offset ``at`` that no aside
    between two dashes before ``at`` holds, else the last of ``found`` (None if none)."""
    if not found:
        return None
    sentence = ctx.sentences.at(at)
    start = ctx.sentences.bounds(sentence)[0] if sentence >= 0 else 0
    start = max(start, at - _ASIDE_CHARS)  # bounded: a run-on sentence stays linear
    dashes = [m.start() for m in _DASHES.finditer(text, start, at)]
    asides = list(zip(dashes[::2], dashes[1::2], strict=False))
    for att in reversed(found[-_NEAR_FOUND:]):
        if ctx.sentences.at(att.start) != sentence:
            break
        if not any(a < att.start < b for a, b in asides):
            return att
    return found[-1] if not asides else None


_NEAR_FOUND = 8  # attributions of the sentence looked back over (bounded)
_ASIDE_CHARS = 600  # characters before a verb searched for the dashes of an aside


def _agent_after(text: str, toks: list[Token], k: int, ctx: _Context) -> int | None:
    """The index of the "by" that names the agent of a passive reporting verb ending before
    ``toks[k]``: right after it ("was announced by X"), or after the quotations its frame
    leads to ('The arrest is described as "lawless" and "vicious" by the authorities': at most
    three words of the reporter's own between, the quoted words not counted, in the same
    sentence); else None."""
    if k < len(toks) and toks[k].text.lower() == "by":
        return k
    for m in range(k, min(k + 4, len(toks))):
        if any(ch in text[toks[m - 1].end : toks[m].start] for ch in ".;!?"):
            return None
        if toks[m].text.lower() == "by":
            first, last = toks[k - 1].end, toks[m].start
            quoted = bisect_left(ctx.quotes.starts, first) < bisect_left(ctx.quotes.starts, last)
            same = ctx.sentences.at(last) == ctx.sentences.at(toks[k - 1].start)
            return m if quoted and same else None
    return None


def _reduced_passive_agent(
    text: str, toks: list[Token], i: int, n: int, ctx: _Context
) -> tuple[int, int] | None:
    """The agent of a reduced passive, a past participle after the noun it modifies with no
    auxiliary ("The woman labelled a 'menace' by Ann Lee said ...": Ann Lee branded her), named
    by a "by" after the quotation the participle frames (:func:`_agent_after`): a noun phrase
    that names a speaker and opens with a capital or a determiner ("by tweeting" is no agent);
    else None.

    A participle clause after a noun is a reduced relative clause, its "by" phrase the agent
    of the passive (Quirk et al. 1985, 17.30)."""
    word = toks[i].text
    if n != 1 or i < 1 or not (word.islower() and word.endswith("ed") and word != toks[i].lemma):
        return None
    if not _spaces(text, toks[i - 1].end, toks[i].start) or not toks[i - 1].text.isalpha():
        return None
    if toks[i - 1].text.lower() in NP_STOP or toks[i - 1].text.lower() in NOT_VERB_BEFORE:
        return None
    by = _agent_after(text, toks, i + 1, ctx)
    if by is None or by == i + 1:
        return None  # (right after the participle: "was hit by": an ordinary passive's)
    span = _np_after(text, toks, by + 1)
    if span is None:
        return None
    first = toks[span[0]].text
    if first[:1].isupper():  # a name: its capitalised words ("by Ann Lee today revealed")
        hi = span[0]
        while hi < span[1] and toks[hi + 1].text[:1].isupper():
            hi += 1
        span = span[0], hi
    elif first.lower() not in DETERMINERS:
        return None
    return span if _np_speakers(text, toks, *span, ctx) else None


# verbs whose subject is the one who does what the infinitive after them says ("went on to
# accuse", "refused to comment", "vowed to"); "asked him to say" is another's
_SUBJECT_CONTROL = frozenset(["continue", "go", "want", "try", "seek", "vow", "refuse", "decide",
                              "choose", "hope", "move", "rush", "appear", "promise", "plan",
                              "threaten", "offer", "agree"])  # fmt: skip


_DIVISION_NOUNS = frozenset(["state"])  # words of the table that are nouns after a place


def _place_division(toks: list[Token], i: int) -> bool:
    """True for a lowercase base form of the verb table that is a country's division after
    its name ("New York state", "Washington state", "Texas state officials"): a noun there,
    never the reporting verb (a singular name takes "states"). The place is a country, a
    capital or a first-level division of the gazetteer (:func:`~newsframe.entities.gazetteer`,
    :func:`~newsframe.entities.provinces`), of one to three capitalised words.

    >>> from newsframe.framing._units import word_tokens
    >>> _place_division(word_tokens("New York state police said"), 2)
    True
    >>> _place_division(word_tokens("Ann Lee state that"), 2)
    False
    """
    word = toks[i].text
    if word not in _DIVISION_NOUNS or i == 0:
        return False
    for n in (1, 2, 3):
        if i - n < 0 or not toks[i - n].text[:1].isupper():
            return False
        name = " ".join(t.text for t in toks[i - n : i])
        if name in _places():
            return True
    return False


@functools.lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Countries, capitals and first-level divisions by name (computed once)."""
    return frozenset(gazetteer()) | provinces()


def _gerund_after_by(toks: list[Token], i: int, j: int) -> bool:
    """True when the -ing form ``toks[i]`` follows "by" (``toks[j]``) right after a verb or
    its object ("began by telling her audience", "started the briefing by announcing"): a
    gerund whose subject is the sentence's, which reports speech like the verb it is (Quirk et
    al. 1985, 15.12: the subject of a gerund in an adjunct is the main clause's); never after
    a passive, whose agent "by" introduces ("was shaken by shouting").

    >>> from newsframe.framing._units import word_tokens
    >>> toks = word_tokens("She began by telling them")
    >>> _gerund_after_by(toks, 3, 2), _gerund_after_by(word_tokens("It was hit by telling"), 4, 3)
    (True, False)
    """
    word = toks[i].text
    if toks[j].text.lower() != "by" or not (word.islower() and word.endswith("ing")):
        return False
    return not any(t.text.lower() in PASSIVE_AUX for t in toks[max(j - 3, 0) : j])


def _same_act(text: str, toks: list[Token], i: int, prior: Attribution, ctx: _Context) -> bool:
    """True when the gerund after "by" at ``toks[i]`` and the reporting verb ``prior`` before
    it are one act of speech ("concluded his message by saying", "responded by tweeting"):
    ``prior`` ends at most six words before "by", in the same sentence, with no mark between."""
    if i < 1 or not _gerund_after_by(toks, i, i - 1):
        return False
    if ctx.sentences.at(prior.start) != ctx.sentences.at(toks[i].start):
        return False
    gap = text[prior.end : toks[i - 1].start]
    return (
        prior.end <= toks[i - 1].start
        and len(gap.split()) <= 6
        and not any(ch in gap for ch in ",;:.!?\"'()\u2014")
    )


def _subject_control(toks: list[Token], j: int) -> bool:
    """True when the "to" at ``toks[j]`` follows a verb of :data:`_SUBJECT_CONTROL` ("went on
    to", "refused to") or a passive ("was heard to"), so the infinitive's subject is its
    sentence's."""
    prev = toks[j - 1] if j > 0 else None
    if prev is not None and prev.text.lower() == "on" and j > 1:
        prev = toks[j - 2]  # "went on to", "moved on to"
    if (
        prev is not None
        and j > 1
        and toks[j - 2].text.lower() in PASSIVE_AUX
        and prev.text.islower()
        and prev.lemma != prev.text.lower()
    ):
        return True  # a passive ("he was heard to tell a driver"): the subject says it
    return prev is not None and prev.text.islower() and prev.lemma in _SUBJECT_CONTROL


_OBJECT_OF = frozenset(["to", "with", "at", "for", "from", "about"])


def _object_before_participle(text: str, toks: list[Token], i: int, span: tuple[int, int]) -> bool:
    """True when the noun phrase ``span`` before the participle ``toks[i]`` ("saying") follows
    a preposition (:data:`_OBJECT_OF`): an object ("wrote to Ann Lee on Saturday saying"),
    never the participle's subject. "with" after a comma or opening the text is the absolute
    construction, whose noun phrase is the participle's subject ("..., with Ann Lee saying":
    Ann Lee says it; Quirk et al. 1985, 15.58).

    >>> from newsframe.framing._units import word_tokens
    >>> text = "Reed wrote to Ann Lee saying"
    >>> toks = word_tokens(text)
    >>> _object_before_participle(text, toks, 5, (3, 4)), _object_before_participle(text, toks, 5, (0, 0))
    (True, False)
    >>> text = "Calls came, with Ann Lee saying"
    >>> _object_before_participle(text, word_tokens(text), 5, (3, 4))
    False
    """
    if not toks[i].text.lower().endswith("ing") or span[0] == 0:
        return False
    before = toks[span[0] - 1]
    if before.text.lower() != "with":
        return before.text.lower() in _OBJECT_OF
    opened = text[toks[span[0] - 2].end if span[0] > 1 else 0 : before.start]
    return "," not in opened and span[0] > 1


def _participle_subject(toks: list[Token], i: int, prior: Attribution) -> list[Speaker]:
    """The subject of a participle after a comma ("..., telling them") whose sentence's last
    reporting verb is ``prior``: the subject of the clause it closes, "he" or "she" between
    the two, when ``prior`` credits no person ("Police say he has since confessed, telling
    them ...": he, not the police); else ``prior``'s speakers ("Putin said he would go,
    adding ...": Putin).

    >>> from newsframe.framing._units import Token
    >>> words = "Police say he has since confessed telling".split()
    >>> toks = [Token(w, w.lower(), k * 10, k * 10 + len(w)) for k, w in enumerate(words)]
    >>> police = Attribution(7, 10, "say", "say", "neutral", (Speaker("Police", "Police", "name", "organisation"),))
    >>> [s.text for s in _participle_subject(toks, 6, police)]
    ['he']
    """
    if any(s.kind == "person" for s in prior.speakers):
        return list(prior.speakers)
    k = i - 1
    while k >= 0 and toks[k].start >= prior.end:
        if toks[k].text.lower() in ("he", "she"):
            return [Speaker("", toks[k].text, "pronoun")]
        k -= 1
    return list(prior.speakers)


def _unnamed(text: str, toks: list[Token], i: int, n: int, ctx: _Context, made):
    """The attribution of a verb whose subject was not found but that a comma or a colon ties
    to the quotation right after it ("..., stating, \"...\"", "... and said: \"...\""): its
    speaker unresolved (the speaker model chooses one), so the verb still counts; else None."""
    end = toks[i + n - 1].end
    tie = text[end : end + 3].lstrip(" ")
    if tie[:1] in (",", ":") and _quote_follows(text, toks, i, end, ctx):
        return made([UNNAMED])
    return made([]) if _in_quoted_sentence(toks, i, ctx) else None


_NOT_SINGULAR = frozenset(["i", "you", "we", "they", "and"]) | frozenset(
    ["police", "people", "clergy"]
)
_NOT_SINGULAR_AFTER_A = frozenset(["i", "you", "we", "they", "and", "people", "few", "number",
                                   "lot", "couple", "dozen", "handful", "majority", "group"])  # fmt: skip


_PAST_AS_BASE = frozenset(["read", "hit", "cut", "put", "set", "let", "quit", "bet"])  # "read"


def _disagrees(toks: list[Token], i: int, span: tuple[int, int], ctx: _Context) -> bool:
    """True when the word at ``toks[i]``, in its base form ("claim", "say"), follows a singular
    noun phrase ``span`` that a determiner opens ("the Canadian claim", "a US demand"): a verb
    there would be "claims", so the word is a noun (subject-verb agreement). A group noun
    ("police", "staff") may take a plural verb after "the", never after "a" or "an", which
    make it one thing: "a police report" is a noun (but "a few people say", "a number of
    officials say" are many)."""
    word = toks[i].text.lower()
    if word != toks[i].lemma or word.endswith(("s", "ing")) or word in _PAST_AS_BASE:
        return False
    words = [t.text.lower() for t in toks[span[0] : span[1] + 1]]
    if words[0] not in ("the", "a", "an", "this", "that") or words[-1].endswith("s"):
        return False
    kind = ctx.verbs.speaker_nouns.get(words[-1])
    if words[0] in ("a", "an"):  # one thing, whatever its noun
        return not any(w in _NOT_SINGULAR_AFTER_A for w in words)
    return kind != "group" and not any(w in _NOT_SINGULAR for w in words)


def _base_after_a(toks: list[Token], i: int) -> bool:
    """True when ``toks[i]`` is in its base form ("report", "claim") and "a" or "an" stands
    two words before it ("a police report", "an FBI statement"): after one thing a verb would
    take -s (subject-verb agreement), so the word is a noun. (A past form may be a verb: "a
    banner read".)"""
    word = toks[i].text.lower()
    if i < 2 or word != toks[i].lemma or word.endswith(("s", "ing")) or word in _PAST_AS_BASE:
        return False
    return toks[i - 2].text.lower() in ("a", "an") and toks[i - 1].text.lower() not in (
        _NOT_SINGULAR_AFTER_A
    )


def _noun_after_modifier(toks: list[Token], i: int) -> bool:
    """True when ``toks[i]`` is in a base or -s form and a determiner or a possessive stands
    two words before it ("his first remarks", "the Canadian claim", "Canada's latest claims"):
    a noun after its modifier. (A past form is a verb: "the titan told".)"""
    word = toks[i].text.lower()
    if i < 2 or not (word == toks[i].lemma or word.endswith("s")):
        return False
    before = toks[i - 2].text
    return before.lower() in NOT_VERB_BEFORE or _possessive(before)


def _in_quoted_sentence(toks: list[Token], i: int, ctx: _Context) -> bool:
    """True when the word at ``toks[i]`` is a lowercase word in a sentence that opens or
    closes a quotation: a reporting verb there whose subject the rules do not find still
    reports that quotation ("the businessman said", "She smiled and said"), its speaker
    unresolved. (A capitalised one opens the sentence or is a name: "State radio quoted".)"""
    return (
        toks[i].text[:1].islower()
        and ctx.sentences.at(toks[i].start) in ctx.quoted_sentences
        and not _noun_after_modifier(toks, i)
    )


def _closing_name(
    text: str, toks: list[Token], span: tuple[int, int], ctx: _Context
) -> tuple[int, int] | None:
    """The name in apposition that closes the sentence after an inverted speaker described
    by a common noun ("..., said China's consul general in Kota Kinabalu, Huang Shifang."):
    two to four capitalised words after a comma, then the sentence's end; else None."""
    if toks[span[1]].text[:1].isupper():
        return None  # the speaker is a name already
    sentence = ctx.sentences.at(toks[span[0]].start)
    end = ctx.sentences.bounds(sentence)[1]
    k = span[1] + 1
    while k < len(toks) and k - span[1] < 10 and toks[k].start < end:
        if "," in text[toks[k - 1].end : toks[k].start]:
            m = k
            while m < len(toks) and toks[m].start < end and toks[m].text[:1].isupper():
                m += 1
            rest = text[toks[m - 1].end : end].strip() if m > k else "x"
            if 2 <= m - k <= 4 and rest in ("", ".", '."', ".\u201d"):
                return k, m - 1
            return None
        k += 1
    return None


_PREPOSITIONS = frozenset(["from", "of", "in", "to", "with", "by", "for", "at", "on", "among",
                           "between", "across", "into", "over", "under"])  # fmt: skip


def _plural_in_phrase(text: str, toks: list[Token], i: int, j: int, ctx: _Context) -> bool:
    """True when the verb-like word at ``toks[i]`` ends in -s and closes a noun phrase that
    opens with a determiner or a number right after a preposition ("from the 27 remaining EU
    states", "of the two claims"): the object of a preposition has no verb, so the word is a
    plural noun."""
    word = toks[i].text.lower()
    if not word.endswith("s") or word.endswith("ss"):
        return False
    span = _np_before(text, toks, j, toks[j + 1].start, ctx.verbs.speaker_nouns)
    if span is None or span[0] == 0:
        return False
    first, before = toks[span[0]].text.lower(), toks[span[0] - 1].text.lower()
    opens = first in DETERMINERS or first in ("the", "a", "an") or first[:1].isdigit()
    return opens and before in _PREPOSITIONS


_CLAUSE_OPENERS = frozenset(["but", "and", "yet", "so", "however", "meanwhile", "still"])


def _sentence_subject(text: str, toks: list[Token], i: int, ctx: _Context) -> list[Speaker]:
    """The subject of the sentence of ``toks[i]`` (a participle after a comma: "But he also
    signalled ..., telling a committee"): a pronoun or a capitalised noun phrase that opens the
    sentence (after a conjunction or an adverb) and is followed by a lowercase word, a verb;
    else []."""
    start = ctx.sentences.bounds(ctx.sentences.at(toks[i].start))[0]
    k = bisect_left([t.start for t in toks[max(i - 60, 0) : i]], start) + max(i - 60, 0)
    while k < i and (toks[k].text.lower() in _CLAUSE_OPENERS or toks[k].text.lower() in ADVERBS):
        k += 1
    if k >= i:
        return []
    if toks[k].text.lower() in ("he", "she", "they", "it", "we"):
        return [Speaker("", toks[k].text, "pronoun")]
    if not toks[k].text[:1].isupper():
        return _pronoun_after_opening(text, toks, k, i)
    if toks[k].text.endswith("ing") and toks[k].text[1:].islower():  # "Speaking on ..., X"
        return _subject_after_opener(text, toks, k, i, ctx)
    if k + 1 < i and _opening_participle(toks[k], toks[k + 1], ctx):
        return _subject_after_opener(text, toks, k, i, ctx)  # "Parked outside ..., X"
    if _opening_adverb(toks[k].text):
        return _subject_after_opener(text, toks, k, i, ctx)  # "Clearly moved, X"
    comma = _time_opening(text, toks, k, i)
    if comma is not None:  # "Weeks after the news broke, X": the subject after the comma
        return _subject_after_opener(text, toks, comma + 1, i, ctx)
    span = _verb_cut(toks, _np_after(text, toks, k))
    after = _after_parenthesis(text, toks, span[1]) if span is not None else i
    if span is not None and after < i and toks[after].text.islower():
        speakers = _np_speakers(text, toks, *span, ctx)
        if speakers:
            return speakers
    return _subject_after_opener(text, toks, k, i, ctx)


def _verb_cut(toks: list[Token], span: tuple[int, int] | None) -> tuple[int, int] | None:
    """``span`` up to the word before a lowercase past form or finite verb right after one of
    its capitalised words ("Ruiz fired Lee Tuesday": "Ruiz", whose verb "fired" follows);
    a participle after a determiner or a possessive stays a modifier ("Iran's armed forces").

    >>> from newsframe.framing._units import word_tokens
    >>> toks = word_tokens("Ruiz fired Lee Tuesday")
    >>> _verb_cut(toks, (0, 3)), _verb_cut(word_tokens("Iran's armed forces"), (0, 2))
    ((0, 0), (0, 2))
    """
    if span is None:
        return None
    for k in range(span[0] + 1, span[1] + 1):
        word, before = toks[k], toks[k - 1]
        if not word.text.islower() or not before.text[:1].isupper() or _possessive(before.text):
            continue
        low = word.text
        if low in FINITE or (low.endswith("ed") and word.lemma != low):
            return span[0], k - 1
    return span


def _pronoun_after_opening(text: str, toks: list[Token], k: int, i: int) -> list[Speaker]:
    """The pronoun subject after the last comma of a lowercase opening before ``toks[i]``
    ("But backstage, and not knowing it, he was heard to tell a driver"), when a verb (an
    auxiliary, a finite form or a past in -ed) follows it; else []."""
    for m in range(i - 2, k, -1):
        if "," in text[toks[m - 1].end : toks[m].start]:
            low = toks[m + 1].text.lower()
            if _pronoun(toks[m]) and (low in AUX or low in FINITE or low.endswith("ed")):
                return [Speaker("", toks[m].text, "pronoun")]
            return []
    return []


# a participle after these has the subject of its sentence ("after calling", "by saying")
_BEFORE_ING = frozenset(["after", "before", "while", "by", "when", "since"])  # not "without"
_OPENERS = SUBORDINATORS | {"by", "on", "in", "at", "after", "during", "despite", "for", "with"}


def _subject_after_opener(
    text: str, toks: list[Token], k: int, i: int, ctx: _Context
) -> list[Speaker]:
    """The subject that opens the clause at ``toks[k]`` (before ``toks[i]``), after an
    opening phrase closed by a comma ("By 27 May, Hayward changed ...", "As criticism mounted,
    Rubiales issued ...", "Hours earlier, Exco convenor Bernard Chan had ..."): the noun phrase
    up to a capitalised word, or a speaker noun, that a verb follows (past adverbs: an
    auxiliary, a finite or an inflected form: "Mizuhara stood", "Soccer's governing body FIFA
    called", "The ministry also said"); at most eight words; else []."""
    stop = min(k + 6, i)
    comma = next((m for m in range(k, stop) if "," in text[toks[m].end : toks[m + 1].start]), None)
    opening = [t.text.lower() for t in toks[k : (comma or k) + 1]]
    if comma is not None and (
        opening[0] in _OPENERS
        or opening[0].endswith("ing")  # "Speaking on MSNBC on Tuesday, Ann Lee ..."
        or _opening_adverb(toks[k].text)  # "Clearly moved, Ann Lee ..."
        or (k + 1 < i and _opening_participle(toks[k], toks[k + 1], ctx))
        or any(w in CALENDAR or w in _TIME_NOUNS or w in _LATER for w in opening)
    ):
        k = comma + 1
    elif opening[0] in _OPENERS:
        return []
    if k < i and _pronoun(toks[k]):
        return [Speaker("", toks[k].text, "pronoun")]
    if k < i and toks[k].text[:1].islower():  # "As the news spread, thousands of fans ..."
        found = _common_subject(text, toks, k, i, ctx)
        return found[0] if found else []
    if k >= i or not toks[k].text[:1].isupper():
        return []
    nouns = ctx.verbs.speaker_nouns
    for m in range(k, min(k + 8, i - 1)):
        if not _in_name(text, toks[m], toks[m + 1]):
            gap = text[toks[m].end : toks[m + 1].start].strip()
            if m > k and toks[m].text[:1].isupper() and gap in ("\u2014", "\u2013", "--"):
                # "Ann Lee -- an aide who ... -- praised": the name before the aside
                return _np_speakers(text, toks, k, m, ctx)
            break
        word, after = toks[m], toks[m + 1]
        head = (word.text[:1].isupper() and not _possessive(word.text)) or word.lemma in nouns
        low = after.text.lower()
        if head and after.text.islower() and low not in LINKS and low not in ("and", "or"):
            v = m + 1  # the word after the phrase, past adverbs ("Lee also ruled")
            while v < min(m + 4, i) and low not in AUX and _aux_or_adverb(toks[v].text):
                v += 1
            verb = toks[v]
            low = verb.text.lower()
            if low in AUX or low in FINITE or low.endswith("ed") or verb.lemma != low:
                return _np_speakers(text, toks, k, m, ctx)  # a verb follows
    return []


_LATER = frozenset(["earlier", "later", "ago"])  # "Hours earlier, ...": a time that opens
#: Units of time that open a sentence as an adverbial ("Weeks after ...", "Days later, ..."),
#: in the singular and the plural.
_TIME_UNITS = frozenset(["minute", "hour", "day", "week", "month", "year", "decade", "moment",
                         "night", "morning", "evening"])  # fmt: skip
_TIME_LINKS = SUBORDINATORS | _LATER | {"into", "on"}
_OPENING_WORDS = 30  # at most this many words before the comma that closes a time opening


def _time_opening(text: str, toks: list[Token], k: int, i: int) -> int | None:
    """The index of the comma-closed word ending a time adverbial that opens the clause at
    ``toks[k]`` (before ``toks[i]``): a unit of time, singular or plural, capitalised, then
    a subordinator or "later", "earlier", "ago" ("Weeks after the scandal broke, ...", "Days
    later, ...", "Two hours before the vote, ..."), at most :data:`_OPENING_WORDS` words on;
    else None. Such a phrase is no name and no subject (Quirk et al. 1985, 8.50: time
    adjuncts before the subject).

    >>> from newsframe.framing._units import word_tokens
    >>> toks = word_tokens("Weeks after the news broke, Ann Lee said so")
    >>> text = "Weeks after the news broke, Ann Lee said so"
    >>> _time_opening(text, toks, 0, 7), _time_opening(text, toks, 5, 7)
    (4, None)
    """
    m = k
    if m + 1 < i and toks[m].text[:1].isupper() and toks[m].text.lower() in _NUMBERS:
        m += 1  # "Two hours before ..."
    word = toks[m].text.lower() if m < i else ""
    if m + 1 >= i or (word not in _TIME_UNITS and word.removesuffix("s") not in _TIME_UNITS):
        return None
    if m == k and not toks[m].text[:1].isupper():
        return None
    if toks[m + 1].text.lower() not in _TIME_LINKS:
        return None
    for n in range(m + 1, min(m + _OPENING_WORDS, i)):
        if "," in text[toks[n].end : toks[n + 1].start]:
            return n
    return None


_NUMBERS = frozenset(["a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight",
                      "nine", "ten", "several", "few", "some", "many", "just", "only"])  # fmt: skip


def _opening_adverb(word: str) -> bool:
    """True for a capitalised adverb in -ly that opens a clause ("Clearly moved, Lee ...",
    "Visibly upset, the mayor ..."), never a name ("Kelly", "Lilly").

    >>> _opening_adverb("Clearly"), _opening_adverb("Kelly"), _opening_adverb("clearly")
    (True, False, False)
    """
    low = word.lower()
    return (
        word[:1].isupper()
        and word[1:].islower()
        and low.endswith("ly")
        and len(low) > 6
        and low not in _NOT_ADVERBS
        and max(zipf_frequency(a, "en") for a in _adjectives(low[:-2])) > 3.0
    )  # an adjective under it: "clear", "visible", "angry"


def _adjectives(stem: str) -> tuple[str, ...]:
    """The adjectives an adverb's stem may come from: "clear", "visib" -> "visible", "angri"
    -> "angry"."""
    if stem.endswith("b"):
        return stem, stem + "le"
    if stem.endswith("i"):
        return stem, stem[:-1] + "y"
    return (stem,)


def _opening_participle(word: Token, after: Token, ctx: _Context) -> bool:
    """True for a capitalised past participle that opens a sentence before a lowercase word
    that is no verb ("Parked outside the house, the minister said", "Asked what she said,
    he replied"): its lemma another English word (Zipf 3 or more), as for an -ing opener
    (:func:`~newsframe.entities.opening_gerund`); a name in -ed ("Ahmed", "Fred") is its own
    lemma, and "United said" has a verb after it."""
    low = word.text.lower()
    if len(low) < 5 or not low.endswith("ed") or not word.text[1:].islower():
        return False
    if word.lemma == low or zipf_frequency(word.lemma, "en") < 3.0:
        return False
    nxt = after.text.lower()
    return (
        after.text.islower()
        and nxt not in AUX
        and nxt not in FINITE
        and not nxt.endswith("ed")
        and after.lemma not in _scan_table(ctx.verbs)[1]
    )


_COMMON_KINDS = frozenset(["person", "group", "organisation"])


def _common_subject(
    text: str, toks: list[Token], k: int, stop: int, ctx: _Context
) -> tuple[list[Speaker], int] | None:
    """The speakers of a noun phrase at ``toks[k]`` headed by a person, group or organisation
    noun of the speaker table ("thousands of students", "protesters", "the crowd") that a verb
    follows (an auxiliary, a finite form or a past in -ed, before ``toks[stop]``), and the
    verb's position; None when no such phrase opens there. At most eight words: a subject
    typed by its head noun, never by a name inside it (Pareti 2015: a source is the verb's
    subject)."""
    for m in range(k, min(k + 8, stop - 1, len(toks) - 1)):
        if not _spaces(text, toks[m].end, toks[m + 1].start):
            return None
        low = toks[m + 1].text.lower()
        if toks[m + 1].text.islower() and (
            low in AUX or low in FINITE or (low.endswith("ed") and len(low) > 3)
        ):
            words = toks[k : m + 1]
            if _head_kind(words, ctx.verbs.speaker_nouns) not in _COMMON_KINDS:
                return None
            return _np_speakers(text, toks, k, m, ctx), m + 1
    return None


def _subject_after_participle(
    text: str, toks: list[Token], i: int, n: int, ctx: _Context
) -> list[Speaker]:
    """The subject of a clause that a participle with its quotation opens, when the clause's
    verb is no verb of speech ('Chanting "...!" and "...!" farmers marched to the hall',
    'Shouting "...," protesters packed the square'): the common noun phrase right after the
    quotation or the comma that closes the participle's phrase, a person, group or
    organisation noun at its head, a verb after it; else [] (a verb of speech after it
    credits the speaker itself: "Calling it '...', the governor said")."""
    end = ctx.sentences.bounds(ctx.sentences.at(toks[i].start))[1]
    for m in range(i + n, min(i + n + 12, len(toks))):
        if toks[m].start >= end:
            return []
        gap = text[toks[m - 1].end : toks[m].start]
        if "," not in gap and '"' not in gap and "\u201d" not in gap:
            continue
        if not toks[m].text[:1].islower() or toks[m].text.lower() in ("and", "or"):
            continue
        found = _common_subject(text, toks, m, len(toks), ctx)
        if found is None:
            continue
        speakers, verb = found
        reporting = _match_verb(text, toks, verb, ctx.verbs, _scan_table(ctx.verbs)[0])
        return [] if reporting is not None else speakers
    return []


def _pronoun(tok: Token) -> bool:
    return tok.text.lower() in ("he", "she", "they", "it", "we")


def _np_before_relative(
    text: str, toks: list[Token], j: int, ctx: _Context
) -> tuple[int, int] | None:
    """The subject before a relative clause that runs up to the verb without a closing comma
    ("Abdulmajid Shariff, who lost his brother-in-law in the crash told Reuters"): the noun
    phrase before ", who" or ", whose" in the verb's sentence, at most 24 words back, when no
    other verb of speech or comma comes between; or before a restrictive "who" with no comma
    when a person or group noun heads it ("A sergeant who saw the shooting said": the
    sergeant, never "the shooting"); else None."""
    sentence = ctx.sentences.at(toks[j].start)
    nouns = ctx.verbs.speaker_nouns
    for w in range(j, max(j - 24, 0), -1):
        word = toks[w].text.lower()
        if (
            "," in text[toks[w].end : toks[w + 1].start]
            or ctx.sentences.at(toks[w].start) != sentence
        ):
            return None
        if word not in ("who", "whose"):
            continue
        if text[toks[w - 1].end : toks[w].start].strip() == ",":
            return _np_before(text, toks, w - 1, toks[w - 1].end, nouns)
        if toks[w - 1].text.islower():
            span = _np_before(text, toks, w - 1, toks[w - 1].end, nouns)
            words = toks[span[0] : span[1] + 1] if span else []
            if words and _head_kind(words, nouns) in ("person", "group"):
                return span
        return None
    return None


def _before_issued(text: str, toks: list[Token], j: int) -> int:
    """The token before "in a statement" (a document of :data:`ISSUED_IN` after "in" and a
    determiner, no comma: "the ministry in a statement said") that ends at ``toks[j]``, or
    ``j`` when there is none."""
    if (
        j >= 3
        and toks[j].lemma in ISSUED_IN
        and toks[j - 1].text.lower() in ("a", "an", "the", "its", "his", "her", "their")
        and toks[j - 2].text.lower() == "in"
        and not any(ch in text[toks[j - 3].end : toks[j].end] for ch in ",;:()")
    ):
        return j - 3
    return j


def _before_time(text: str, toks: list[Token], j: int) -> int:
    """The token before a time adjunct that ends at ``toks[j]`` ("on Saturday", "last week",
    "on Monday night", "yesterday", "earlier this week", "late on 27 May"), or ``j`` when
    there is none: at most five time words (days, months, dates, "week", "on", "last", ...)
    with only spaces between, holding a day, a month or a time noun. A month's name right
    after a capitalised word or a courtesy title is a surname ("Theresa May said", "Mrs May
    said"), no date.

    >>> from newsframe.framing._units import word_tokens
    >>> [_before_time(t, word_tokens(t), len(word_tokens(t)) - 1)
    ...  for t in ("the agency on Saturday", "Lam earlier this week", "Theresa May", "on")]
    [1, 0, 1, 0]
    """
    k = j
    while k >= 0 and j - k < 5:
        word = toks[k].text.lower()
        if not (
            word in CALENDAR
            or word in _TIME_NOUNS
            or word in _TIME_BEFORE
            or (toks[k].text.isdigit() and len(word) <= 4)
        ):
            break
        if k < j and not _spaces(text, toks[k].end, toks[k + 1].start):
            break
        if word in _MONTH_NAMES and k > 0 and _surname_before(toks[k - 1].text):
            break  # "Theresa May on Monday said": "May" is a surname
        k -= 1
    run = [t.text.lower() for t in toks[k + 1 : j + 1]]
    if not run or not any(w in CALENDAR or w in _TIME_NOUNS for w in run):
        return j
    if run[-1] in _TIME_BEFORE or (k >= 0 and toks[k].text.lower().rstrip(".") in COURTESY):
        return j
    return k


def _surname_before(word: str) -> bool:
    """True when ``word`` before a month's name makes the month a surname: a capitalised word
    that is no date ("Theresa May"), or a courtesy title ("Mrs May")."""
    low = word.lower()
    return low.rstrip(".") in COURTESY or (word[:1].isupper() and low not in CALENDAR)


_MONTH_NAMES = frozenset(["may", "june", "april", "august"])  # months that are also names


def _before_parenthesis(text: str, toks: list[Token], j: int, *, aside: bool = False) -> int:
    """The token before a parenthesis of at most eight words that ends at ``toks[j]``
    ("Carrie Lam on Wednesday (June 12) called", "Nancy Mace (R-SC) said", "the Coast Guard
    (PCG) said"), or ``j`` when there is none; with ``aside``, of one closed by "),", the end
    of an aside ("Chung Mong-gyu, chairman of the Korean Football Association (KFA), said")."""
    if j < 1 or not text[toks[j].end : toks[j].end + 2].startswith(")"):
        return j
    closing = text[toks[j].end : toks[j + 1].start].strip() if j + 1 < len(toks) else ")"
    if closing != (")," if aside else ")"):
        return j  # "(KFA), said": the bracket ends an aside, not an adjunct
    for k in range(j, max(j - 8, 0), -1):
        gap = text[toks[k - 1].end : toks[k].start]
        if "(" in gap:
            return k - 1 if gap.strip() == "(" else j
        if gap.strip(" -./'") or ")" in gap:
            return j  # a mark inside: not one short aside in brackets
    return j


def _after_parenthesis(text: str, toks: list[Token], h: int) -> int:
    """The token after a parenthesis of at most eight words that opens right after ``toks[h]``
    ("Ann Lee (R-SC) took": "took"), or ``h + 1`` when there is none (the mirror of
    :func:`_before_parenthesis`).

    >>> from newsframe.framing._units import word_tokens
    >>> toks = word_tokens("Ann Lee (R-SC) took it")
    >>> toks[_after_parenthesis("Ann Lee (R-SC) took it", toks, 1)].text
    'took'
    >>> _after_parenthesis("Ann Lee took it", word_tokens("Ann Lee took it"), 1)
    2
    >>> text = "Ann Lee (R-Calif.) took it"
    >>> word_tokens(text)[_after_parenthesis(text, word_tokens(text), 1)].text
    'took'
    """
    if h + 1 >= len(toks) or text[toks[h].end : toks[h + 1].start].strip() != "(":
        return h + 1
    for k in range(h + 1, min(h + 9, len(toks) - 1)):
        gap = text[toks[k].end : toks[k + 1].start]
        if ")" in gap:
            return k + 1 if gap.strip(" .") == ")" else h + 1  # "(R-Calif.)"
        if gap.strip(" -./'"):
            return h + 1  # a mark inside: not one short aside in brackets
    return h + 1


def _before_adjuncts(text: str, toks: list[Token], j: int) -> int:
    """The token before the adjuncts between a subject and its verb that end at ``toks[j]``:
    times (:func:`_before_time`), "in a statement" (:func:`_before_issued`) and short
    parentheses (:func:`_before_parenthesis`), in any order ("the agency in a statement on
    Saturday said", "Lam on Wednesday (June 12) called"); ``j`` when there are none."""
    k = j
    for _ in range(4):  # bounded: at most four adjuncts
        m = _before_time(text, toks, _before_issued(text, toks, _before_parenthesis(text, toks, k)))
        if m == k:
            break
        k = m
    return k


def _name_before_apposition(
    text: str, toks: list[Token], span: tuple[int, int], ctx: _Context
) -> tuple[int, int] | None:
    """The name before a description in apposition whose closing comma the writer left out
    ("...," Chung Mong-gyu, chairman of the Korean Football Association (KFA) said"): a
    person's name of two to four words that opens its sentence or follows a quotation, then a
    comma and the lowercase description ``span``; else None. (After "with Ann Lee, the
    minister said" the description is the subject: the name does not open the clause.)"""
    lo = span[0]
    if lo < 2 or not toks[lo].text[:1].islower():
        return None
    if text[toks[lo - 1].end : toks[lo].start].strip() != ",":
        return None
    name = _np_before(text, toks, lo - 1, toks[lo - 1].end, ctx.verbs.speaker_nouns)
    if name is None or not _personal_name(toks[name[0] : name[1] + 1], ctx.verbs.speaker_nouns):
        return None
    first = toks[name[0]]
    before = text[toks[name[0] - 1].end : first.start] if name[0] > 0 else ""
    opens = name[0] == 0 or ctx.sentences.at(toks[name[0] - 1].start) != ctx.sentences.at(
        first.start
    )
    return name if opens or any(q in before for q in "\"'\u201d\u2019") else None


def _aside_speakers(text, toks, j, stop, span, ctx: _Context) -> list[Speaker]:
    """The speakers of a subject before an aside; a name in the aside beats a description
    ("the deputy mayor, Emmanuel Gregoire, said") of the same kind: a person's name after an
    organisation's description names the person the description ends with, not the speaker
    ("the group of India's wealthiest man, Gautam Adani, portrayed": the group)."""
    speakers = _np_speakers(text, toks, *span, ctx)
    name = _aside_name(text, toks, j, stop)
    words = toks[span[0] : span[1] + 1]
    cut = next((k for k, w in enumerate(words) if w.text.lower() in LINKS and k), len(words))
    common = words[cut - 1].text.islower()  # the subject is a description, not a name
    if name and common and all(s.source in ("description", "name") for s in speakers):
        named = _np_speakers(text, toks, *name, ctx)
        collective = {s.kind for s in speakers} & {"organisation", "group", "document"}
        if named and not (collective and all(s.kind == "person" for s in named)):
            speakers = named
    return speakers


def _inverted(text, toks, i, n, j, ctx: _Context) -> tuple[int, int] | None:
    """The speaker span of an inverted "..., said Putin": only after a quotation, or as ", said
    X." at the end of a clause; a sentence never opens with the verb ("State radio ...")."""
    before = text[toks[j].end if j >= 0 else 0 : toks[i].start]
    span = _np_after(text, toks, i + n)
    if span is None:
        return None
    after = text[toks[span[1]].end : toks[span[1]].end + 2].lstrip()[:1]
    if _opening_inversion(text, toks, i, span, ctx):
        return span  # 'Said President Ann Lee: "..."'
    quoted = any(mark in before for mark in "\"'")
    if j >= 0 and not quoted and not ("," in before and after in ("", ".", ";", ",", ":")):
        return None
    sentence = ctx.sentences.at(toks[i].start)
    if not quoted and (j < 0 or ctx.sentences.at(toks[j].start) != sentence):
        return None
    if _verb_follows(text, toks, span, ctx):
        return None  # '"...," state TV reported': "state" modifies the subject of "reported"
    return span


def _opening_inversion(
    text: str, toks: list[Token], i: int, span: tuple[int, int], ctx: _Context
) -> bool:
    """True for a past form that opens its sentence before its subject and a colon, a
    quotation right after it ('Said President Ann Lee: "..."'): the quotative inversion of a
    tag put first (Quirk et al. 1985, 18.24)."""
    word = toks[i].text
    if not word[:1].isupper() or word.lower() == toks[i].lemma:
        return False
    if text[ctx.sentences.bounds(ctx.sentences.at(toks[i].start))[0] : toks[i].start].strip():
        return False
    end = toks[span[1]].end
    k = bisect_left(ctx.quotes.starts, end)
    if k >= len(ctx.quotes.quotes):
        return False
    gap = text[end : ctx.quotes.quotes[k].start]
    return gap.strip() == ":" and len(gap) <= 4


def _verb_follows(text: str, toks: list[Token], span: tuple[int, int], ctx: _Context) -> bool:
    """True when a lowercase past or present form of a reporting verb of the table ends the
    words ``span`` after a would-be inverted verb, or follows them with only spaces between:
    the words before it are its subject, so the word before them is no inverted verb of its
    own ('"...," state TV reported': a verb inverts before its subject, never before a subject
    with a verb of its own; Quirk et al. 1985, 14.29)."""
    first = _first_lemmas(ctx.verbs)
    for k in range(span[0] + 1, min(span[1] + 2, len(toks))):
        if not _spaces(text, toks[k - 1].end, toks[k].start):
            return False
        word = toks[k]
        if word.text.islower() and word.lemma in first and word.text != word.lemma:
            return True
    return False


_CONTRACTED = frozenset(["he's", "she's", "it's", "that's", "there's", "who's", "what's",
                         "here's", "let's"])  # fmt: skip


def _possessive(word: str) -> bool:
    """True for a possessive ("Beijing's", "the ministers'"), not a contraction ("he's")."""
    low = word.lower()
    return low.endswith(("'s", "s'")) and low not in _CONTRACTED


def _with_speakers(att: Attribution, speakers: tuple[Speaker, ...]) -> Attribution:
    return Attribution(att.start, att.end, att.verb, att.lemma, att.verb_class, speakers,
                       att.participle, att.phrase, att.issued, att.subordinate,
                       att.subjectless)  # fmt: skip


def _remember_and_resolve(
    found: list[Attribution], ctx: _Context, memory: Memory, order: int, quotes: QuoteIndex
) -> list[Attribution]:
    """Resolve pronoun and description speakers through ``memory``, adding every actor mention
    and speaker of the unit to it in text order."""
    mentions = (
        [m for m in ctx.mentions if quotes.at(m.start) is None] if quotes.quotes else ctx.mentions
    )
    if ctx.people is not None:  # the people of the article's entity layer, outside quotations
        people = [m for m in ctx.people if quotes.at(m.start) is None]
    else:
        people = _honorific_names(ctx.unit.text, quotes)
    if people:  # (the actor mentions alone are in text order already)
        mentions = sorted(mentions + people, key=lambda m: m.start)
    subjects = _pronoun_subjects(found, ctx, quotes)
    if subjects:
        mentions = sorted(mentions + subjects, key=lambda m: m.start)
    out, k = [], 0
    add = memory.add
    for att in found:
        while k < len(mentions) and mentions[k].start < att.start:
            _remember_mention(mentions[k], ctx, memory, order)
            k += 1
        at = (order, ctx.sentences.at(att.start), att.start)
        speakers: list[Speaker] = []
        governing = _governing(att, out, ctx)
        for s in att.speakers:
            if governing and s.source == "pronoun" and s.text.lower() == "it":
                speakers.extend(governing)  # "Boeing said it would recommend": Boeing
            elif s.source == "pronoun":
                speakers.extend(memory.resolve(s, _interrupted(ctx, att, order) or at))
            elif s.source == "description":
                speakers.extend(memory.resolve(s, at))
            else:
                speakers.extend(_owner(s, memory, at))
        speakers = list(dict.fromkeys(speakers))
        named = tuple(s for s in speakers if s.source != "unresolved")
        if named:
            kinds = {s.kind for s in named}
            kind = kinds.pop() if len(kinds) == 1 else "group"
            phrase = att.phrase or " ".join(s.text.lower() for s in named)
            add(_Event(at, kind, named, phrase, True, att.issued))
        out.append(_with_speakers(att, tuple(speakers)))
    for m in mentions[k:]:
        _remember_mention(m, ctx, memory, order)
    return out


def _owner(speaker: Speaker, memory: Memory, at: tuple[int, int, int]) -> tuple[Speaker, ...]:
    """The one who owns a document credited as speaker by a possessive pronoun ("her statement
    continued", "His note to the premier read:", "their report said"): the speaker the pronoun
    resolves to through ``memory`` (:meth:`Memory.resolve`, its agreement in gender and
    number), under the document's words; the speaker itself when it is no such document or the
    pronoun resolves to nobody. A statement's speaker is the one who issued it, as for "Ann
    Lee's statement" (:func:`~newsframe.framing.descriptions.issuer_of`).

    >>> memory = Memory()
    >>> memory.add(_Event((0, 0, 0), "person", (Speaker("Ann Lee", "Ann Lee", "name", "person"),),
    ...                   "ann lee", True))
    >>> [s.key for s in _owner(Speaker("her statement", "her statement", "name", "document"),
    ...                        memory, (1, 0, 0))]
    ['Ann Lee']
    """
    words = speaker.text.split()
    if speaker.kind != "document" or len(words) < 2:
        return (speaker,)
    pronoun = words[0].lower()
    if pronoun not in POSSESSIVE_PRONOUNS:
        return (speaker,)
    owners = memory.resolve(Speaker("", pronoun, "pronoun"), at)
    owners = tuple(s for s in owners if s.source != "unresolved" and s.kind != "document")
    if not owners:
        return (speaker,)
    return tuple(Speaker(s.key, speaker.text, "description", s.kind) for s in owners)


# ", she added," right before and after a reporting verb: a clause that interrupts another
_PARENTHETICAL = re.compile(r", (?:he|she|they|it)(?: [a-z]+ly)? \Z")


def _interrupted(ctx: _Context, att: Attribution, order: int) -> tuple[int, int, int] | None:
    """Where a pronoun of a parenthetical reporting clause must find its antecedent: before
    the sentence whose opening noun phrase the clause interrupts ("The caller, she added,
    \"sounded confused\"": "she" is never the caller, whom her words are about; a pronoun is
    not bound inside the clause it interrupts, Chomsky's principle B in its news form); None
    for any other clause."""
    text = ctx.unit.text
    if not _COMMA_NEXT.match(text, att.end):
        return None
    found = _PARENTHETICAL.search(text, max(att.start - 24, 0), att.start)
    if found is None:
        return None
    sentence = ctx.sentences.at(att.start)
    opening = ctx.sentences.bounds(sentence)[0]
    subject = text[opening : found.start()]
    if not subject.strip() or "," in subject or len(subject.split()) > 6:
        return None
    return (order, sentence, opening)


# "He", "She", or an opening phrase and its comma, then "he" or "she": a sentence whose subject
# is a personal pronoun ("In her speech, she addressed ..."); bounded: linear time
_PRONOUN_SUBJECT = re.compile(r"(?:[A-Z][^,.;:!?\"\u201c\u201d]{0,60}, )?([Hh]e|[Ss]he)\b")
_PRONOUN = "\x00pronoun"  # the actor id of a pronoun subject's mention: resolved when read


def _pronoun_subjects(found: list[Attribution], ctx: _Context, quotes: QuoteIndex) -> list[Mention]:
    """The personal pronouns that are the subject of a sentence of the unit with no reporting
    verb, outside quotations ("In her speech, she addressed her partner, Tom Reed."), as
    mentions to resolve when read: the chain of "she"s keeps the topic that a later "she
    said" stands for (the centering preference of Grosz, Joshi & Weinstein 1995), over a
    person named in passing."""
    text, sentences = ctx.unit.text, ctx.sentences
    said = {sentences.at(att.start) for att in found}
    out = []
    for sentence_id, start in zip(sentences.ids, sentences.starts, strict=True):
        if sentence_id in said or sentence_id in ctx.quoted_sentences:
            continue
        hit = _PRONOUN_SUBJECT.match(text, start)
        if hit is not None and quotes.at(hit.start(1)) is None:
            out.append(Mention(_PRONOUN, hit.start(1), hit.end(1), hit.group(1)))
    return out


def _remember_mention(m: Mention, ctx: _Context, memory: Memory, order: int) -> None:
    """Add one mention to ``memory``: a name as it is, a pronoun subject as the one person it
    resolves to there (nothing when it resolves to none)."""
    if m.actor_id != _PRONOUN:
        memory.add(_mention_event(m, ctx, order))
        return
    at = (order, ctx.sentences.at(m.start), m.start)
    named = tuple(
        s
        for s in memory.resolve(Speaker(m.text, m.text, "pronoun", "person"), at)
        if s.source != "unresolved"
    )
    if len(named) == 1:
        memory.add(_Event(at, "person", named, m.text.lower(), False, "", True))


def _governing(att: Attribution, done: list[Attribution], ctx: _Context) -> tuple[Speaker, ...]:
    """The named organisation speakers of the attribution right before ``att`` when ``att``'s
    subject "it" sits in that one's complement ("Boeing said it would recommend", "the agency
    said that it had warned"): only the pronoun, "that" and auxiliaries between them; else ()."""
    if not done:
        return ()
    prior = done[-1]
    gap = ctx.unit.text[prior.end : att.start].lower().split()
    if not gap or "it" not in gap or len(gap) > 4:
        return ()
    if any(w not in ("it", "that") and w not in AUX and w not in _MODALS for w in gap):
        return ()
    named = tuple(s for s in prior.speakers if s.source not in ("unresolved", "pronoun"))
    return named if named and all(s.kind != "person" or " " not in s.key for s in named) else ()


_MODALS = frozenset(["would", "could", "should", "might", "may", "must", "can", "will", "shall"])


def _mention_event(m: Mention, ctx: _Context, order: int) -> _Event:
    named = ctx.named.get((m.actor_id, m.text))  # one Speaker per name as written, per article
    if named is None:
        if m.actor_id in ctx.kinds:
            speaker = Speaker(m.actor_id, m.text, "actor", ctx.kinds[m.actor_id])
        elif m.actor_id[:1].islower() and m.actor_id.endswith("s") and m.text[-2:] != "ss":
            # a plural description (group_mentions: "mourners"), never "the witness"
            speaker = Speaker(m.actor_id, m.text, "description", "group")
        else:  # a person of the entity layer (or a name with an honorific)
            speaker = Speaker(m.actor_id, m.text, "name", "person")
        named = ctx.named[m.actor_id, m.text] = ((speaker,), m.text.lower())
    sentence = ctx.sentences.at(m.start)
    at = (order, sentence, m.start)
    opening = ctx.sentences.bounds(sentence)[0] if sentence >= 0 else 0
    text = ctx.unit.text
    opens = opens_sentence(text, m.start, m.end, opening)
    paired = opens and _COORDINATED.match(text, m.end) is not None
    return _Event(at, named[0][0].kind, named[0], named[1], False, "", opens and not paired, paired)


_TITLES = (
    r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Lord|Lady|President|Prime Minister|Premier"
    r"|Minister|Governor|Gov|Mayor|Senator|Sen|Rep|Chancellor|King|Queen|Pope|Judge|Ambassador"
    r"|Inspector|Superintendent)"
)
_HONORIFIC = re.compile(
    rf"(?<![\w']){_TITLES}\.? (?:[A-Z][\w'-]{{0,30}} ){{0,2}}[A-Z][\w'-]{{0,30}}"
)  # an honorific or a title before a capitalised name; bounded: linear time
# every match of _HONORIFIC holds one of these words: a text without any has no match (the
# plain alternation is searched several times faster than the pattern with its look-behind)
_ANY_TITLE = re.compile(_TITLES)


def _honorific_names(text: str, quotes: QuoteIndex) -> list[Mention]:
    """People named with an honorific or a title outside quotations ("Mr Macron", "President
    Sebastian Pinera"): person mentions for the memory, keyed by the name as written."""
    out: list[Mention] = []
    if _ANY_TITLE.search(text) is None:
        return out
    for m in _HONORIFIC.finditer(text):
        if quotes.at(m.start()) is None:
            name = m.group(0).removesuffix("'s")
            out.append(Mention(name, m.start(), m.start() + len(name), name))
    return out


_KIND = {"person": "person", "state": "country", "organisation": "organisation"}


def _scan(text: str, toks: list[Token], ctx: _Context, candidates: list[int]) -> None:
    """Add every reporting verb and noun of the unit to ``ctx.found``, in text order.

    ``candidates``: the positions in ``toks`` whose lemma can start a verb, a noun or "quote"
    (in order); every other word is skipped."""
    verbs, found, sentences = ctx.verbs, ctx.found, ctx.sentences
    longest, _ = _scan_table(verbs)
    starts = set(sentences.starts)
    i = 0
    for c in candidates:
        if c < i:  # inside a verb of several words
            continue
        i = c
        n = 1
        match = _match_verb(text, toks, i, verbs, longest)
        if toks[i].lemma in _QUOTED_AS and (done := _quoted_as(text, toks, i, ctx)):
            att, n = done
        elif match is None:
            att = None  # a reporting noun ("Abe's remarks") credits no one: it is not a verb
        elif (
            ctx.unit.part != "headline"
            and not toks[i].text[:1].islower()
            and toks[i].start not in starts
        ):
            att = None  # a capitalised "Says" or "Notes" mid-sentence is a name
        else:
            key, n = match
            att = _verb(text, toks, i, n, key, ctx)
        if att is not None and att.speakers:
            if found and _same_act(text, toks, i, found[-1], ctx):
                prior = found.pop()  # "concluded his message by saying": one act of speech,
                att = _with_speakers(att, prior.speakers)  # the gerund's verb names it
            if found and found[-1].speakers[0].source == "pending":
                pending = found.pop()  # "Calling it '...', the governor said": same speaker
                if sentences.at(pending.start) == sentences.at(att.start):
                    found.append(_with_speakers(pending, att.speakers))
            found.append(att)
        i += n
    if found and found[-1].speakers[0].source == "pending":
        found.pop()


class _Word(NamedTuple):
    """A word token with the fields of :class:`~newsframe.framing._units.Token` (text, lemma,
    start, end), made cheaply: the scan makes one per word of every paragraph it reads, by
    :data:`_new_word` from a tuple of the four (no Python call per word)."""

    text: str
    lemma: str
    start: int
    end: int


#: ``_new_word(_Word, (text, lemma, start, end))``: a :class:`_Word` made in C.
_new_word = tuple.__new__


def organisation_nouns(verbs: ReportingVerbs) -> frozenset[str]:
    """The organisation nouns of the verb table's speaker nouns (what makes a name an
    organisation in the entity layer), computed once per table.

    >>> "ministry" in organisation_nouns(load_reporting_verbs())
    True
    """
    hit = _ORG_NOUNS.get(id(verbs))
    if hit is None or hit[0] is not verbs:
        nouns = frozenset(n for n, kind in verbs.speaker_nouns.items() if kind == "organisation")
        hit = _ORG_NOUNS[id(verbs)] = (verbs, nouns)
    return hit[1]


_ORG_NOUNS: dict[int, tuple[ReportingVerbs, frozenset[str]]] = {}
_WITH_PEOPLE: dict[tuple[int, int], tuple[ReportingVerbs, frozenset[str], ReportingVerbs]] = {}


def with_person_nouns(verbs: ReportingVerbs, nouns: frozenset[str]) -> ReportingVerbs:
    """The verb table whose speaker nouns also hold ``nouns`` (the person nouns of the entity
    words, ``data/entity_words.toml``) as people, a noun the table lists keeping its kind:
    a description is typed by its head noun ("A 7th Kestrel Division sergeant said" is a
    sergeant, the division a modifier; "the shooter", a person), computed once per pair.

    >>> table = with_person_nouns(load_reporting_verbs(), frozenset(["sergeant", "ministry"]))
    >>> table.speaker_nouns["sergeant"], table.speaker_nouns["ministry"]
    ('person', 'organisation')
    """
    key = (id(verbs), id(nouns))
    hit = _WITH_PEOPLE.get(key)
    if hit is None or hit[0] is not verbs or hit[1] is not nouns:
        merged = {n: "person" for n in sorted(nouns)} | verbs.speaker_nouns
        hit = _WITH_PEOPLE[key] = (verbs, nouns, replace(verbs, speaker_nouns=merged))
    return hit[2]


_KINDS: dict[int, tuple[tuple[Actor, ...], frozenset[str], dict[str, str]]] = {}


def _actor_kinds(actors: tuple[Actor, ...]) -> tuple[frozenset[str], dict[str, str]]:
    """The places of the actor table (they never speak: "Fishermen on Shikotan say" is the
    fishermen, not the island) and each actor's speaker kind (computed once per table)."""
    hit = _KINDS.get(id(actors))
    if hit is None or hit[0] is not actors:
        places = frozenset(a.actor_id for a in actors if a.kind == "place")
        hit = _KINDS[id(actors)] = (
            actors,
            places,
            {a.actor_id: _KIND.get(a.kind, a.kind) for a in actors},
        )
    return hit[1], hit[2]


_ROLE = re.compile(r"\b[Tt]he (?:[a-z]+(?:'s|\u2019s) )?([a-z]+)\b")


def role_mentions(text: str, nouns: frozenset[str]) -> list[Mention]:
    """The people ``text`` names by a role noun of ``nouns`` after "the" (a possessor may come
    between: "the victim's mother"), as mentions keyed by the words as written, lowercase:
    candidates for "he" and "she" when the article does not name them (the mention-detection
    step of rule-based coreference, Lee et al. 2013, for definite role descriptions).

    >>> [(m.actor_id, m.start) for m in role_mentions("Police shot the gunman. The victim's mother wept.", frozenset(["gunman", "mother"]))]
    [('the gunman', 12), ("the victim's mother", 24)]
    """
    return [
        Mention(m.group().lower(), m.start(), m.end(), m.group())
        for m in _ROLE.finditer(text)
        if m.group(1) in nouns
    ]


_PLURAL_SUBJECT = re.compile(r"\b(?:[Tt]he )?([A-Za-z]{3,}s)\b")


def group_mentions(text: str, nouns: Mapping[str, str]) -> list[Mention]:
    """The groups ``text`` names by a plural noun that opens a sentence ("Mourners in the
    church sang", "The students marched"): a group noun of the speaker table (``nouns``: kind
    ``group``) or the plural of a person noun, as mentions keyed by the words as written,
    lowercase: what "they" stands for when no name or organisation is nearer (the
    mention-detection step of rule-based coreference, Lee et al. 2013, for plural
    descriptions).

    >>> nouns = {"mourner": "person", "protesters": "group", "minister": "person"}
    >>> [m.actor_id for m in group_mentions("Mourners sang. The protesters left. Ministers met.", nouns)]
    ['mourners', 'the protesters', 'ministers']
    """
    out = []
    for m in _PLURAL_SUBJECT.finditer(text):
        low = m.group(1).lower()
        if nouns.get(low) != "group" and nouns.get(low[:-1]) != "person":
            continue
        if m.start() == 0 or opens_sentence(text, m.start(), m.end()):
            out.append(Mention(m.group().lower(), m.start(), m.end(), m.group()))
    return out


#: Each byte that is no ASCII letter as a space, each capital as its lowercase letter.
_LETTERS_ONLY = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))
_GROUP_WORDS: dict[int, tuple[Mapping[str, str], frozenset[str]]] = {}  # see _group_words


def _ascii_words(text: str) -> set[str]:
    """The runs of ASCII letters of ``text``, lowercase (every other character, a letter
    outside ASCII too, cuts a run): a superset of the lowercase forms of the words of ASCII
    letters between two non-word characters that a regular-expression search of ``text`` can
    find, made with a few passes in C over the text (no search, no Python per word).

    >>> sorted(_ascii_words("The pro-Kremlin mourners\u2014\u00c9lan; N7 vigil."))
    ['kremlin', 'lan', 'mourners', 'n', 'pro', 'the', 'vigil']
    """
    ascii_text = text.encode("ascii", "replace")  # outside ASCII: "?", a cut
    return set(ascii_text.translate(_LETTERS_ONLY).decode("ascii").split())


def _group_words(nouns: Mapping[str, str]) -> frozenset[str]:
    """The lowercase words :func:`group_mentions` takes as a group with the speaker nouns
    ``nouns``: the group nouns and the plurals (with "s") of the person nouns, each of four
    ASCII letters or more ending in "s"; made once per noun table (kept by identity).

    >>> sorted(_group_words({"mourner": "person", "protesters": "group", "ministry": "organisation"}))
    ['mourners', 'protesters']
    """
    hit = _GROUP_WORDS.get(id(nouns))
    if hit is None or hit[0] is not nouns:
        forms = [k for k, kind in nouns.items() if kind == "group"]
        forms += [k + "s" for k, kind in nouns.items() if kind == "person"]
        words = frozenset(w for w in forms if _PLURAL_WORD.fullmatch(w))
        if len(_GROUP_WORDS) >= 32:  # a few noun tables per process: drop the oldest
            del _GROUP_WORDS[next(iter(_GROUP_WORDS))]
        hit = _GROUP_WORDS[id(nouns)] = (nouns, words)
    return hit[1]


_PLURAL_WORD = re.compile(r"[a-z]{3,}s")  # a lowercase word _PLURAL_SUBJECT can match


class ArticleScan:
    """What the scan of every unit of one article shares, prepared once per article: the verb
    and actor tables, the actors' kinds, and -- for units of an analysed document -- its word
    tokens as Python lists, the words a verb or noun can start at, and its actor mentions per
    paragraph (``mentions=True``: the document's mentions were found with ``actors``)."""

    def __init__(
        self,
        verbs: ReportingVerbs,
        actors: tuple[Actor, ...],
        doc: Document | None = None,
        *,
        mentions: bool = False,
    ) -> None:
        self.actors = actors
        words = (doc.entity_words if doc is not None else None) or load_entity_words()
        self.verbs = verbs = with_person_nouns(verbs, words.person_nouns)
        self.places, self.kinds = _actor_kinds(actors)
        self.relevant = _scan_table(verbs)[1]
        self.named: dict[tuple[str, str], tuple[tuple[Speaker], str]] = {}  # see _mention_event
        self.doc = doc
        self.mentions: dict[int, list[Mention]] | None = None
        if doc is None:
            return
        if mentions:
            self.mentions = {}
            for paragraph_id, m in doc.mentions:
                if m.actor_id not in self.places:
                    self.mentions.setdefault(paragraph_id, []).append(m)
        # the people the entity layer names (other than actors): what "he" and "she" can mean
        self.people: dict[int, list[Mention]] = {}
        layer = doc.entities(actors, organisation_nouns=organisation_nouns(verbs))
        for m in layer.mentions:
            entity = layer.entities.get(m.entity_id)
            if entity is not None and entity.kind == "person" and m.entity_id not in self.kinds:
                # the role stays with the name: "the President" may refer back to it
                named = f"{entity.role} {m.text}" if entity.role else m.text
                mention = Mention(m.entity_id, m.start, m.end, named)
                self.people.setdefault(m.paragraph_id, []).append(mention)
        nouns = layer.words.person_nouns
        groups = _group_words(verbs.speaker_nouns)
        if nouns:  # "The gunman", "The victim's mother": people too
            for paragraph_id, text in enumerate(doc.paragraphs):
                # a paragraph is searched for a role or a group only when one of their nouns
                # is among its words (:func:`_ascii_words`: one pass in C, no search)
                words = _ascii_words(text)
                any_role, any_group = not nouns.isdisjoint(words), not groups.isdisjoint(words)
                if not (any_role or any_group):
                    continue
                # as the subject of their sentence only, the most salient place (an object,
                # "agents shot the gunman", ranks below the people named around it: Lappin &
                # Leass 1994)
                roles = [
                    m
                    for m in (role_mentions(text, nouns) if any_role else ())
                    if opens_sentence(text, m.start, m.end)
                ]
                if any_group:
                    roles += group_mentions(text, verbs.speaker_nouns)  # "Mourners ... they"
                if roles:
                    found = self.people.setdefault(paragraph_id, [])
                    found.extend(roles)
                    found.sort(key=lambda m: m.start)
        forms = _verb_forms(verbs)  # "thanked", "writing": the verb, whatever the lemmatizer
        self.types = doc.types
        self.lemmas = list(doc.type_lemma)
        hits = set(doc.types).intersection(forms)  # (in C: most types are no such form)
        if hits:
            where = dict(zip(doc.types, range(len(doc.types)), strict=True))
            for word in hits:
                if word.islower():
                    self.lemmas[where[word]] = forms[word]
        self.type = doc.token_type.tolist()
        self.start, self.end = doc.token_start.tolist(), doc.token_end.tolist()
        self.flag = list(map(self.relevant.__contains__, self.lemmas))
        flags = np.array(self.flag, dtype=bool)
        self.candidates = np.flatnonzero(flags[doc.token_type]).tolist() if len(flags) else []
        # token_paragraph is sorted (the headline, -1, then the body): one range per paragraph
        ids = np.arange(HEADLINE, len(doc.paragraphs) + 1)
        edges = np.searchsorted(doc.token_paragraph, ids).tolist()
        self.bounds = dict(zip(ids[:-1].tolist(), itertools.pairwise(edges), strict=True))

    def unit_people(self, unit: Unit) -> list[Mention] | None:
        """The people of ``unit`` in the entity layer (None without an analysed document)."""
        if self.doc is None or unit.doc is not self.doc:
            return None
        return self.people.get(unit.paragraph_id, [])

    def unit_mentions(self, unit: Unit) -> list[Mention]:
        """The actor mentions of ``unit`` (places left out), in order."""
        if self.mentions is not None and unit.doc is self.doc:
            return self.mentions.get(unit.paragraph_id, [])
        return [m for m in find_mentions(unit.text, self.actors) if m.actor_id not in self.places]

    def words(self, unit: Unit, index: QuoteIndex) -> tuple[list[Token], list[int]]:
        """The words of ``unit`` outside quotations and the positions among them of the words a
        verb, noun or "quote" can start at; no words at all when there is no such position."""
        if self.doc is None or unit.doc is not self.doc:
            forms = _verb_forms(self.verbs)
            toks = [
                replace(t, lemma=forms.get(t.text, t.lemma)) if t.text.islower() else t
                for t in unit.words()
                if index.at(t.start) is None
            ]
            return toks, [k for k, t in enumerate(toks) if t.lemma in self.relevant]
        lo, hi = self.bounds.get(unit.paragraph_id, (0, 0))
        if bisect_left(self.candidates, lo) == bisect_left(self.candidates, hi):
            return [], []
        types, lemmas, flag = self.types, self.lemmas, self.flag
        kind, start, end = self.type[lo:hi], self.start[lo:hi], self.end[lo:hi]
        if index.quotes:  # drop the words inside quotations (as QuoteIndex.at decides)
            keep, last = [], 0
            for a, b in _quoted_ranges(index.quotes, start):
                keep.append((last, a))
                last = b
            keep.append((last, len(start)))
            kind = [t for a, b in keep for t in kind[a:b]]
            start = [x for a, b in keep for x in start[a:b]]
            end = [x for a, b in keep for x in end[a:b]]
        found = list(itertools.compress(range(len(kind)), map(flag.__getitem__, kind)))
        if not found:
            return [], []
        fields = zip(
            map(types.__getitem__, kind), map(lemmas.__getitem__, kind), start, end, strict=True
        )
        return list(map(_new_word, itertools.repeat(_Word), fields)), found


def _quoted_ranges(quotes: list[Quote], starts: list[int]) -> list[tuple[int, int]]:
    """The index ranges of ``starts`` (sorted) that :meth:`QuoteIndex.at` puts inside one of
    ``quotes``, in order: an offset belongs to the last quotation opened at or before it."""
    out = []
    for k, q in enumerate(quotes):
        stop = q.end if k + 1 == len(quotes) else min(q.end, quotes[k + 1].start)
        a, b = bisect_left(starts, q.start), bisect_left(starts, stop)
        if a < b:
            out.append((a, b))
    return out


def unit_attributions(
    unit: Unit,
    quotes: list[Quote],
    scan: ArticleScan,
    *,
    memory: Memory,
    order: int,
    sentences: Sentences | None = None,
) -> list[Attribution]:
    """:func:`find_attributions` with what the article's units share prepared once
    (``scan``) and the unit's :class:`Sentences` if already built."""
    text = unit.text
    index = QuoteIndex(quotes)
    toks, candidates = scan.words(unit, index)  # the document's tokens, outside quotations
    mentions = scan.unit_mentions(unit)
    sentences = sentences if sentences is not None else Sentences(unit)
    quoted = frozenset(
        s for q in quotes for s in (sentences.at(q.start), sentences.at(max(q.end - 1, q.start)))
    )
    found: list[Attribution] = []
    ctx = _Context(scan.verbs, unit, sentences, index, quoted, mentions,
                   [m.start for m in mentions], scan.kinds, found, scan.named,
                   scan.unit_people(unit))  # fmt: skip
    if candidates:
        _scan(text, toks, ctx, candidates)
    return _remember_and_resolve(found, ctx, memory, order, index)


def find_attributions(
    unit: Unit,
    quotes: list[Quote],
    *,
    verbs: ReportingVerbs,
    actors: tuple[Actor, ...] | None = None,
    memory: Memory | None = None,
    order: int = 0,
) -> list[Attribution]:
    """Return the reporting verbs and nouns of ``unit`` with their speakers, in text order.

    Pronoun and description speakers ("he said", "the ministry said") are resolved through
    ``memory`` (what earlier units named; a fresh one when None) to the last compatible
    mention; ``order`` is the unit's position in the article. With no antecedent, or two
    candidates for a singular pronoun, the speaker is ``unresolved``.

    >>> from newsframe.actors import Actor
    >>> from newsframe.framing._units import Unit
    >>> putin = (Actor("putin", "Putin", "person", ("Putin",)),)
    >>> text = 'Putin said so. "Yes," he added.'
    >>> u = Unit("body", 0, text, ((0, 0, 14), (1, 15, len(text))))
    >>> [(a.verb, a.speakers[0].key, a.speakers[0].source)
    ...  for a in find_attributions(u, [], verbs=load_reporting_verbs(), actors=putin)]
    [('said', 'putin', 'actor'), ('added', 'putin', 'pronoun')]
    """
    actors = actors if actors is not None else default_resources().actors
    memory = memory if memory is not None else Memory()
    return unit_attributions(unit, quotes, ArticleScan(verbs, actors), memory=memory, order=order)
