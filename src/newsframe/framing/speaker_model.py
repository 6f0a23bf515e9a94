"""Choosing a quotation's speaker among candidates with a fitted ranker.

The rules of :mod:`newsframe.framing.speakers` and :mod:`newsframe.framing.attribution` give
every quotation one speaker. Here that choice becomes one *candidate* among others, as in the
candidate-ranking approaches to quote attribution (O'Keefe et al. 2012, "A sequence labelling
approach to quote attribution"; Pareti 2016; Muzny et al. 2017's two stages, quotation to
mention to speaker): the subjects of the reporting verbs of the quotation's sentence and the
one before (never of a later one), the people, organisations and countries of the entity layer
named in those sentences and the one after (outside quotations), the speaker noun phrases
that open the quotation's sentence and the one before ("A trapped worker cried for help.") and
those inside it that a verb follows ("..., a trapped worker wailed"), the last three entities
named before, the speaker of the previous quotation of the paragraph and the one the next
quotation's verb credits, the one carried over from the previous paragraph, the last speaker
of the article, and "unresolved"; and from outside that window: the entities a pronoun
subject could stand for (the four nearest of a compatible kind named before
it in its paragraph and the two before, not only the one the rules' memory chose), the entity a
role noun subject names ("the spokesperson": the last one the article gave that role), every
entity named in the quotation's paragraph and the one before, and the article's three main
people and organisations (named most, at least twice). Each candidate is described by shallow
features that say nothing about one story (:data:`FEATURES`: distances in words and sentences,
the side of the quotation, a reporting verb and where it stands, the punctuation between, the
kind of speaker, whether the rules chose it, how often the article named it, whether a pronoun
subject agrees with it in kind and in the gender a title or the article's own pronouns give it
("Mrs", "Mr"; "Ann Lee arrived. She ..."), whether an entity that pronoun could stand for was
last named as a sentence's subject, how many sentences back and whether another entity the
pronoun agrees with was named since, whether a role noun subject is its role, whether the
candidate is named near the quotation only as the one told ("told Ann Lee") or as the subject
of a reported clause ("said Lee had": :func:`mention_role`), and whether a quotation in the
first person singular would make a body its speaker; studied, with zero weights so far:
whether only the article's most named entities proposed it, its rank among them, the paragraphs
to its nearest naming, whether "I" or "we" agrees with its kind, whether it is named only inside
quotations near it; and the statement the quotation belongs to, :class:`Statements`: whether the
candidate framed by name the run of quotations this one continues, how far back and with a
colon, times the quotation's length and the quotations before it, its share of the quotations
framed so far, the rules' choice times the length); a logistic regression fitted on
(quotation, candidate) pairs scores them and the best score per quotation wins (the softmax of
the scores over the quotation's candidates is their probability).

The rules' choice stands for a quotation they credit with a reporting verb of its own
sentence(s) to speakers named by their names (:func:`settled`); the model chooses for every
other quotation: a pronoun, a description, an unresolved speaker or a news outlet as the own
verb's subject, no verb in its sentence, the previous quotation's speaker, a colon sentence
before, the previous paragraph's speaker, or nobody. Leaving one story out at a time, that gave
92.2% speaker accuracy, as many as letting the model choose for every quotation (with two junk
speakers fewer, at a fraction of the time), against 91.3% when the rules' choice stood for
every quotation with an own verb. A name settles only with a capitalised word that is no role
noun, and an "according to" frame never does (on 853 quotations, leaving one story out: 89.9%
speaker, 93.8% verb). The model is fitted on every quotation (``rules_own`` says which had an
own verb). On all 983 labelled quotations at hand (263 pages, 43 stories), after a verb
without a subject the rules can find still counts, the verb of a quotation among several is
the one whose clause holds it, a quotation run on into the next paragraph takes that one's
tag, and a description names the person it describes: leaving one story out, speaker 90.0%
-> 93.3%, verb 92.9% -> 97.8%, recall 94.3% -> 94.8%, junk speakers 55 -> 36 (leaving one
outlet out: 90.1% -> 93.3%, 92.9% -> 97.8%), with the entity layer of the same round.

A news outlet the article names as one ("X reported", "told CNN", "news agency X", the page's
own outlet), or an entity of a kind a pronoun subject cannot stand for ("he" and a ministry), is
never chosen while another candidate, "unresolved" included, is left (:func:`best_candidate`;
a gender clash only weighs: barring it too lost two quotations). On all 1,170 labelled quotations at hand (303 pages, 47 stories;
1,106 found), leaving one story out: speaker 91.8% -> 92.1% with the genders from the
article's pronouns and the outlets barred, -> 92.3% with ``antecedent_subject``, -> 92.6%
with a pronoun's kind clash barred (junk 53 -> 52 -> 51 -> 48; verb 97.5% -> 97.7%, recall
94.5%), 92.5% at the end of the round (a quoted noun complement made a label moved one
description); leaving one outlet out, 91.5% -> 92.5% (junk 54 -> 48).

A feature in ``_OPTIONAL`` whose weight is 0 is not computed in the library (it would change
no score; ``SpeakerChoice.skip``, the one switch); training computes every feature.

The weights are plain data (``data/speaker_model.csv``: one row per feature with its
standardisation and weight), fitted by ``benchmarks/train_speaker_model.py`` with
leave-story-out cross-validation on hand-labelled news quotations; inference is a dot product.
The weights of the last five features (``addressee`` to ``i_not_person``) were fitted later on
the 770 quotations of the 180 labelled pages at hand (five batches) with every other weight
kept (a Gaussian prior, ``--fit prior --c 0``): leaving one batch out, speaker 88.3% -> 89.0%,
junk speakers 48 -> 46, where a full refit on those pages gave 88.6% (45) and a prior fit that
also moved the old weights 88.9% (44); docs/evaluation.md has the comparison. The weight of
``rules_i_not_person`` (the rules credit a body or a document with a quotation that speaks as
"I": "'I am sorry,' her letter said" is the writer's) was fitted the same way on the 1,392
quotations of nine batches (324 pages): leaving one batch out, speaker 88.7% -> 89.1%, junk
87 -> 84, no batch lower; full refits, prior fits of every weight, ranking and boosted trees
all came within five quotations of the shipped weights (docs/evaluation.md, seventeenth round).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import islice
from pathlib import Path

import numpy as np

from newsframe.datafiles import read_text, read_weights
from newsframe.entities import Entities
from newsframe.errors import wrong_kind
from newsframe.framing.gender import article_genders
from newsframe.framing.gender import opens_sentence as _opens_sentence
from newsframe.framing.quotes import Quote
from newsframe.framing.speaker_context import Statements
from newsframe.framing.speakers import Attribution, Sentences, Speaker

__all__ = [
    "FEATURES",
    "Candidate",
    "QuoteTask",
    "SpeakerChoice",
    "SpeakerModel",
    "best_candidate",
    "load_speaker_model",
    "mention_role",
    "outlets",
    "settled",
    "speaker_model",
    "speaker_window",
]

#: The features of a (quotation, candidate) pair: name and what a high value says.
FEATURES: dict[str, str] = {
    "rules": "the rules chose this candidate",
    "rules_own": "... with a reporting verb of the quotation's own sentence(s) (fit only)",
    "rules_previous": "... as the speaker of the quotation before it in the paragraph",
    "rules_introducing": "... with the verb of a sentence before that ends with a colon",
    "rules_carried": "... as the speaker carried from the previous paragraph",
    "unresolved": "the candidate is nobody (unresolved)",
    "verb_subject": "the subject of a reporting verb near the quotation",
    "verb_same_sentence": "that verb is in the quotation's own sentence",
    "verb_prev_sentence": "that verb is in the sentence before",
    "verb_before": "that verb comes before the quotation",
    "verb_after": "that verb comes after the quotation",
    "verb_gap": "many words between that verb and the quotation",
    "comma_tag": "a comma closes the quotation and the verb follows it",
    "colon": "a colon between the verb and the quotation",
    "participle": "the verb is a participle ('adding')",
    "subordinate": "the verb is in a subordinate clause ('after X said')",
    "frame": "a frame governs the sentence ('according to X', 'quoted as saying')",
    "previous_quote": "the speaker of the previous quotation of the paragraph",
    "carried": "the speaker of the previous paragraph's last quotation",
    "carried_opening": "carried, and the quotation opens its paragraph",
    "mention": "named in the quotation's sentence or the ones on either side",
    "mention_same_sentence": "named in the quotation's own sentence",
    "mention_before": "named before the quotation",
    "mention_gap": "many words between the nearest naming and the quotation",
    "mentions_so_far": "many mentions in the article up to the quotation",
    "spoke_before": "the rules credited it with earlier quotations of the article",
    "last_speaker": "the last speaker the rules credited in the article",
    "recent": "one of the last entities the article named before the quotation",
    "recent_rank": "named long ago among the recent ones (rank)",
    "paragraphs_back": "named many paragraphs before",
    "person": "a person",
    "organisation": "an organisation",
    "country": "a country",
    "group": "a group",
    "document": "a document",
    "pronoun": "named by a pronoun",
    "description": "named by a description ('the ministry')",
    "several": "more than one speaker",
    "partial_verb_before": "a partial quotation with the verb before it",
    "media": "a news outlet, agency or platform ('Associated Press', 'local media')",
    "frame_shadowed": "a frame ('according to X') in a sentence with another reporting verb",
    "entity": "a person, organisation or country of the article's entity layer (or an actor)",
    "proper_name": "its words hold a capitalised word that is no role noun ('Lawyer', 'Agency')",
    "opening_phrase": "the noun phrase that opens the quotation's sentence or the one before",
    "opening_same_sentence": "that noun phrase opens the quotation's own sentence",
    "antecedent": "an entity a pronoun subject near the quotation could stand for ('he said')",
    "antecedent_rank": "named long ago among the entities that pronoun could stand for (rank)",
    "antecedent_subject": "... named last as a sentence's subject (it opens it; no possessive)",
    "pronoun_agrees": "a pronoun subject agrees with what the article says of it ('she', Mrs X)",
    "pronoun_clashes": "a pronoun subject cannot stand for it ('he' and a ministry, 'she', Mr X)",
    "salience": "many mentions in the whole article",
    "main_entity": "one of the three people or organisations the article names most",
    "in_paragraph": "named in the quotation's paragraph (outside quotations)",
    "in_previous_paragraph": "named in the paragraph before",
    "role_matches": "a role noun subject near the quotation is its role ('said the spokesperson')",
    "next_quote": "the speaker a reporting verb credits with the next quotation of the paragraph",
    "noun_phrase": "a speaker noun phrase in the quotation's sentence ('a trapped worker wailed')",
    "addressee": "named near the quotation only as the one told or spoken to ('told Ann Lee')",
    "reported_subject": "named nearby only as a reported clause's subject ('said that X had')",
    "antecedent_sentences": "many sentences between that pronoun and its last naming before it",
    "antecedent_rival": "another entity that pronoun agrees with (gender; 'it': a body) named since",
    "i_not_person": "the quotation speaks as 'I' ('my', 'me') and the candidate is no person",
    "rules_i_not_person": "... and the rules chose it (a body or a document they credit)",
    "most_named": "proposed only as one of the people and organisations the article names most",
    "salience_rank": "named less often than others: its rank among them by mentions (0: most)",
    "paragraphs_away": "many paragraphs between the quotation and its nearest naming",
    "speaks_as_kind": "the quotation speaks as 'I' and it is a person, or as 'we' and a body",
    "named_in_quote": "named inside the quotation or another quotation of its window",
    "frames_run": "its own speech frame named it for the statement this quotation continues",
    "run_paragraphs": "... many paragraphs back to that frame",
    "run_statement": "... a frame that introduced a statement ('said:', a colon after the verb)",
    "frames_run_words": "... times the quotation's length (log words)",
    "frames_run_quotes": "... times the article's quotations before it (log)",
    "frame_share": "its share of the article's quotations framed by name so far",
    "quote_words": "a long quotation (log words; alike for every candidate but nobody)",
    "quotes_before": "many quotations of the article before it (log; ... but nobody)",
    "rules_words": "the rules chose it, times the quotation's length (log words)",
}
#: The features of the statement a quotation belongs to (:class:`Statements`).
STATEMENT_FEATURES = ("frames_run", "run_paragraphs", "run_statement", "frames_run_words",
                      "frames_run_quotes", "frame_share", "quote_words", "quotes_before",
                      "rules_words")  # fmt: skip
#: Features the library leaves at 0 when the model's weight for them is 0 (they cost time and
#: change no score); training (``collect``) computes every one.
_OPTIONAL = ("salience_rank", "paragraphs_away", "speaks_as_kind", "named_in_quote",
             *STATEMENT_FEATURES)  # fmt: skip
_NAMES = tuple(FEATURES)
_INDEX = {name: k for k, name in enumerate(_NAMES)}
# features where the nearest of several sources counts (the others: the largest value)
_NEAREST = frozenset(k for name, k in _INDEX.items() if name.endswith(("gap", "rank", "back")))
_I = _INDEX
_KINDS = ("person", "organisation", "country", "group", "document")
#: Words of a news outlet, agency or platform: a reporter's source, rarely the speaker quoted.
MEDIA_WORDS = frozenset(
    ["press", "news", "newspaper", "newspapers", "media", "outlet", "outlets", "reporters",
     "broadcaster", "television", "tv", "radio", "daily", "times", "tribune", "herald",
     "journal", "gazette", "reuters", "afp", "xinhua", "yonhap", "kyodo", "bernama", "tass",
     "ria", "cnn", "bbc", "nhk", "ap", "twitter", "facebook", "weibo", "website", "wire"]
)  # fmt: skip
_WINDOW = 1  # sentences on either side of the quotation
#: How many of the article's most named people and organisations are candidates of every
#: quotation besides the main three (feature ``most_named``; ``benchmarks/train_speaker_model.py
#: --widen`` studies it). 0: with 4, 8 or every one and a refit, the right speaker is among the
#: candidates more often but the choice gained no more than a few quotations either way
#: (docs/evaluation.md, nineteenth round), so the features are measured and not yet weighted.
MOST_NAMED = 0


def speaker_window() -> int:
    """How many sentences on either side of a quotation its candidates come from.

    >>> speaker_window()
    1
    """
    return _WINDOW


@dataclass
class Candidate:
    """One possible speaker of a quotation: the speakers, the attribution whose subject they
    are (None for a mention or the carried speaker: the verb stays the rules'), and the
    feature values (:data:`FEATURES`, in order)."""

    speakers: tuple[Speaker, ...]
    att: Attribution | None
    values: list[float]
    barred: bool = False  # never the speaker while another candidate is not (best_candidate)


@dataclass(frozen=True)
class SpeakerModel:
    """Fitted weights: the features' names, means, scales and weights, and the intercept.

    >>> m = SpeakerModel(("a", "b"), np.zeros(2), np.ones(2), np.array([1.0, -1.0]), 0.0)
    >>> m.scores(np.array([[1.0, 0.0], [0.0, 1.0]])).tolist()
    [1.0, -1.0]
    """

    names: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    intercept: float

    def scores(self, values: np.ndarray) -> np.ndarray:
        """The score of each row of ``values`` (one candidate per row)."""
        return ((values - self.mean) / self.scale) @ self.weights + self.intercept


def load_speaker_model(path: str | Path | None = None) -> SpeakerModel:
    """Return the speaker model in the CSV file ``path`` (None: the shipped one).

    Format (the shipped file documents it at its top): lines starting with ``#`` are comments;
    a header ``feature,mean,scale,weight``; one row per feature of :data:`FEATURES` and one
    ``(intercept)`` row. A feature missing from the file, an unknown one or a number that does
    not parse is an :class:`~newsframe.errors.InputError` naming the file.

    >>> model = load_speaker_model()
    >>> model.names == tuple(FEATURES)
    True
    """
    if path is None:
        return _shipped()
    return _parse(*read_text(path, "speaker_model.csv"))


@lru_cache(maxsize=1)
def _shipped() -> SpeakerModel:
    return _parse(*read_text(None, "speaker_model.csv"))


def _parse(text: str, source: str) -> SpeakerModel:
    mean, scale, weight, other = read_weights(
        text, source, _NAMES, ("(intercept)",), "speaker_model.FEATURES"
    )
    return SpeakerModel(_NAMES, mean, scale, weight, other["(intercept)"])


def speaker_model(speakers: str | Path | SpeakerModel) -> SpeakerModel | None:
    """The model that chooses quotation speakers: ``"model"`` the shipped one, ``"rules"``
    none (the rules' choice stands), a :class:`SpeakerModel`, or the path of a model CSV file.

    >>> speaker_model("rules") is None, speaker_model("model") is load_speaker_model()
    (True, True)
    """
    if isinstance(speakers, SpeakerModel):
        return speakers
    if speakers == "model":
        return _shipped()
    if speakers == "rules":
        return None
    if isinstance(speakers, (str, Path)) and (
        isinstance(speakers, Path) or speakers.endswith(".csv")
    ):
        return _loaded(str(speakers))
    raise wrong_kind(speakers, '"model", "rules", a SpeakerModel or a .csv path', "speakers")


@lru_cache(maxsize=4)
def _loaded(path: str) -> SpeakerModel:
    return load_speaker_model(path)


_OPENERS = frozenset(["but", "and", "yet", "so", "however", "meanwhile", "still", "then",
                      "later", "earlier", "also", "now", "instead"])  # fmt: skip
_SUBJECT_PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i", "you"])
_PHRASE_STOP = frozenset(
    ["was", "were", "is", "are", "has", "have", "had", "will", "would", "could", "can", "may",
     "might", "must", "should", "did", "does", "do", "said", "says", "told", "that", "who",
     "which", "when", "after", "before", "as", "if", "because", "while", "to", "in", "on",
     "at", "by", "for", "with", "from", "about", "into", "over", "not", "never"]
)  # fmt: skip
_WORD = re.compile(r"[^\W\d_][\w'-]*")
_VERB_AFTER = re.compile(r" (?:[a-z]+ed|said|says|told|tells|added|adds|wrote)\b")
_SAID = frozenset(["said", "says", "told", "added", "wrote", "asked", "explained"])
_DETERMINER = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]ome|[Mm]any|[0-9]+) ")


def _opening(text: str, start: int, end: int, nouns: Mapping[str, str]) -> Speaker | None:
    """The speaker noun phrase that opens ``text[start:end]`` (see
    :meth:`SpeakerChoice._openings`), or None.

    >>> _opening("A trapped worker cried for help.", 0, 32, {"worker": "person"})
    Speaker(key='A trapped worker', text='A trapped worker', source='name', kind='person')
    >>> _opening("Separately, Kremlin spokesman Ann Lee was cited.", 0, 48, {"spokesman": "person"})
    Speaker(key='Kremlin spokesman', text='Kremlin spokesman', source='name', kind='person')
    >>> _opening("Police named the suspect.", 0, 25, {"police": "group", "suspect": "person"})
    Speaker(key='Police', text='Police', source='name', kind='group')
    >>> _opening("She hugged members.", 0, 19, {"member": "person"}) is None
    True
    >>> _opening("Ann Lee's lawyer met reporters.", 0, 31, {"lawyer": "person", "reporter": "person"}).text
    "Ann Lee's lawyer"
    """
    words = [(m.start(), m.end(), m.group(0)) for m in islice(_WORD.finditer(text, start, end), 9)]
    i = 0
    while i < len(words) and (
        words[i][2].lower() in _OPENERS
        or (words[i][2].endswith("ly") and text.startswith(",", words[i][1]))
    ):  # "However", and a sentence adverb before its comma ("Separately, Kremlin spokesman")
        i += 1
    if i < len(words) and words[i][2].lower() in _SUBJECT_PRONOUNS:
        return None  # "She hugged members": the pronoun is the whole subject, a verb follows
    first, last, kind = i, None, ""
    for _, b, word in words[i : i + 7]:
        low = word.lower().removesuffix("'s")
        if low in _PHRASE_STOP:
            break
        hit = nouns.get(low) or (nouns.get(low[:-1]) if low.endswith("s") else None)
        if last is not None and (low in ("the", "a", "an") or (word.islower() and not hit)):
            break  # a verb or a new noun phrase after the head: "Police named the suspect",
            # "Ann Lee's lawyer met reporters" (a lowercase word after the head is no noun of it)
        if hit:
            last, kind = b, hit
    if last is None or first >= len(words):
        return None
    phrase = text[words[first][0] : last]
    source = "description" if phrase.split()[0].lower() in ("the", "this") else "name"
    return Speaker(phrase, phrase, source, kind)


def _noun_phrase(text: str, start: int, end: int, nouns: Mapping[str, str]) -> Speaker | None:
    """The noun phrase from ``start`` (a determiner or a number) to the first speaker noun of
    ``nouns`` within four words, with no verb, relative word or preposition before it; or None.

    >>> _noun_phrase("a trapped worker wailed near the family", 0, 39, {"worker": "person"})
    Speaker(key='a trapped worker', text='a trapped worker', source='name', kind='person')
    """
    for k, m in enumerate(islice(_WORD.finditer(text, start, end), 5)):
        low = m.group(0).lower().removesuffix("'s")
        if k and low in _PHRASE_STOP:
            return None
        hit = nouns.get(low) or (nouns.get(low[:-1]) if low.endswith("s") else None)
        if k and hit:
            phrase = text[start : m.end()]
            source = "description" if phrase.split()[0].lower() in ("the", "this") else "name"
            return Speaker(phrase, phrase, source, hit)
    return None


def _words_between(text: str, a: int, b: int) -> int:
    return len(text[a:b].split()) if b > a else 0


class SpeakerChoice:
    """The candidates of one article's quotations and the model's choice among them.

    Made once per article with its entity layer (``layer``; actor ids ``actor_kinds`` keep
    their kind), the speaker nouns of the verb table (``nouns``: "ministry", "lawyer") and
    the ``model`` (None: the rules decide, the candidates are only
    described, for ``collect``, a list that receives one entry per quotation for training).
    """

    def __init__(
        self,
        layer: Entities,
        actor_kinds: dict[str, str],
        *,
        nouns: Mapping[str, str] | frozenset[str] = frozenset(),
        model: SpeakerModel | None = None,
        collect: list | None = None,
        texts: Mapping[int, str] | None = None,
        outlet: str = "",
    ) -> None:
        self.layer, self.model, self.collect = layer, model, collect
        # the one switch: the optional features a model weighs at 0 are not computed (training
        # computes every feature)
        self.skip = frozenset(
            name
            for name in _OPTIONAL
            if collect is None and (model is None or model.weights[_I[name]] == 0)
        )
        self.nouns = nouns
        self.actor_kinds = actor_kinds
        self.by_paragraph: dict[int, list] = {}
        self.seen: dict[str, list[tuple[int, int]]] = {}
        for m in layer.mentions:
            entity = layer.entities.get(m.entity_id)
            kind = actor_kinds.get(m.entity_id) or (entity.kind if entity else "")
            if kind not in ("person", "organisation", "country", "group"):
                continue
            self.by_paragraph.setdefault(m.paragraph_id, []).append((m.start, m.end, m, kind))
            self.seen.setdefault(m.entity_id, []).append((m.paragraph_id, m.start))
        for found in self.by_paragraph.values():
            found.sort(key=lambda x: (x[0], x[1]))
        for found in self.seen.values():
            found.sort()
        # every entity mention in reading order, for the recent ones before a quotation
        self.order = sorted(
            (m.paragraph_id, m.start, m.entity_id, m.text, kind)
            for p in self.by_paragraph.values()
            for _, _, m, kind in p
        )
        self._static: dict[tuple, list[tuple[int, float]]] = {}  # see _who
        self.total = {k: len(v) for k, v in self.seen.items()}
        first = {k: v[0] for k, v in self.seen.items()}
        ranked = sorted(
            (k for k, n in self.total.items() if n > 1 and self._kind(k) in _MAIN_KINDS),
            key=lambda k: (-self.total[k], first[k]),
        )
        self.main = tuple(ranked[:3])
        # every person and organisation by mentions (the most first; ties: the first named)
        people = []
        if MOST_NAMED or "salience_rank" not in self.skip:
            people = sorted(
                (k for k in self.total if self._kind(k) in _MAIN_KINDS),
                key=lambda k: (-self.total[k], first[k]),
            )
        self.rank = {k: r for r, k in enumerate(people)}
        self.widened = tuple(dict.fromkeys([*self.main, *people[:MOST_NAMED]]))
        self.texts = texts or {}
        self.outlets = outlets(layer, texts or {}, own=outlet)
        self.spoke: dict[str, int] = {}
        self.last_speaker: tuple[Speaker, ...] = ()
        self._ids: dict[str, str] = {}
        self.statements = Statements()

    @cached_property
    def gender(self) -> dict[str, str]:
        """The people of the layer the article calls "he" or "she"
        (:func:`newsframe.framing.gender.genders`): read only when a quotation has a pronoun
        subject, so worked out then, once per article (shared with the rules' pronouns)."""
        return article_genders(self.layer, self.texts)

    def _kind(self, entity_id: str) -> str:
        """The kind of an entity of the layer (or an actor's kind)."""
        entity = self.layer.entities.get(entity_id)
        return self.actor_kinds.get(entity_id) or (entity.kind if entity else "")

    def identity(self, speaker: Speaker) -> str:
        """One key per entity: the layer's id for a name it resolves, else the key."""
        hit = self._ids.get(speaker.key) if speaker.source != "unresolved" else "unresolved"
        if hit is None:
            if speaker.source == "unresolved":
                hit = "unresolved"
            elif speaker.key in self.actor_kinds or speaker.key in self.layer.entities:
                hit = speaker.key
            else:
                hit = self.layer.resolve(speaker.key) or speaker.key
            self._ids[speaker.key] = hit
        return hit

    def choose(self, task: QuoteTask) -> tuple[tuple[Speaker, ...], Attribution | None]:
        """The speakers and attribution of one quotation: the model's best candidate, or the
        rules' choice without a model or when it is :func:`settled` (the rules' choice also
        counts as spoken)."""
        fixed = settled(task, self.nouns)  # see the module docstring
        if fixed and self.outlets:  # a news outlet the article names as one: never settled
            fixed = not any(self.identity(s) in self.outlets for s in task.speakers)
        candidates = self.candidates(task, only_rules=fixed and self.collect is None)
        pick = 0
        for cand in candidates if self.outlets else ():
            cand.barred = cand.barred or self._barred(cand)
        if self.model is not None and len(candidates) > 1 and not fixed:
            values = np.array([c.values for c in candidates], dtype=float)
            pick = best_candidate(self.model.scores(values), [c.barred for c in candidates])
        if self.collect is not None:
            self.collect.append((task, candidates, pick))
        named = tuple(s for s in task.speakers if s.source not in ("unresolved", "pending"))
        for s in named:
            key = self.identity(s)
            self.spoke[key] = self.spoke.get(key, 0) + 1
        if named:
            self.last_speaker = named
        framed = _framed(task)
        self.statements.add(
            (self.identity(s) for s in named), task.paragraph_id,
            framed=framed, statement=framed and _introduces(task),
        )  # fmt: skip
        chosen = candidates[pick]
        return chosen.speakers, chosen.att if chosen.att is not None else task.att

    def _barred(self, cand: Candidate) -> bool:
        """True when every speaker of ``cand`` is one of the article's news outlets (an outlet
        reports the words, it does not say them): never the speaker (:func:`best_candidate`;
        a pronoun's kind clash is barred in :meth:`_agreement`)."""
        named = [s for s in cand.speakers if s.source not in _NOBODY]
        return bool(named) and all(self.identity(s) in self.outlets for s in named)

    def candidates(self, task: QuoteTask, *, only_rules: bool = False) -> list[Candidate]:
        """The candidates of one quotation; the rules' choice first (``only_rules``: alone)."""
        out: dict[tuple[str, ...], Candidate] = {}

        def add(speakers: tuple[Speaker, ...], att: Attribution | None, *flags) -> Candidate:
            if len(speakers) == 1 and speakers[0].source not in _NOBODY:
                named = speakers
            else:
                named = tuple(s for s in speakers if s.source not in _NOBODY)
            if len(named) == 1:
                key: tuple[str, ...] = (self.identity(named[0]),)
            else:
                key = tuple(sorted({self.identity(s) for s in named})) or ("unresolved",)
            cand = out.get(key)
            if cand is None:  # the rules' choice is kept as the rules gave it
                kept = speakers if not out else named or (_UNRESOLVED,)
                cand = out[key] = Candidate(kept or (_UNRESOLVED,), att, [0.0] * len(_NAMES))
                self._describe(cand, key, task)
            elif cand.att is None and att is not None:
                cand.att = att
            values = cand.values
            for k, value in flags:  # (feature index, value)
                if k in _NEAREST:
                    values[k] = value if values[k] == 0 else min(values[k], value)
                elif value > values[k]:
                    values[k] = value
            return cand

        how = _I.get(f"rules_{task.how}")
        add(task.speakers, task.att, (_I["rules"], 1.0), *([(how, 1.0)] if how else []))
        if only_rules:
            return list(out.values())
        for att in task.near:
            if all(s.kind != "inscription" for s in att.speakers):  # a banner never speaks
                add(att.speakers, att, *self._verb_flags(att, task))
        if task.previous:
            add(task.previous, None, (_I["previous_quote"], 1.0))
        if task.following:
            cand = add(task.following, task.following_att, (_I["next_quote"], 1.0))
            if task.following_att is not None:  # the tag of a quotation run on: its own verb
                cand.att = task.following_att
        if task.carried:
            opening = 1.0 if task.quote.start == 0 else 0.0
            add(task.carried, None, (_I["carried"], 1.0), (_I["carried_opening"], opening))
        text, quote = task.text, task.quote
        nearest: dict[str, list] = {}  # per entity: gap, first mention, kind, before, same
        roles: dict[str, set[str]] = {}  # per entity: what its mentions in the window are
        for start, end, m, kind in self._mentions(task):
            roles.setdefault(m.entity_id, set()).add(mention_role(text, start, end, self.nouns))
            before = end <= quote.start
            gap = (
                _words_between(text, end, quote.start)
                if before
                else _words_between(text, quote.end, start)
            )
            same = task.first <= task.sentences.at(start) <= task.last
            hit = nearest.get(m.entity_id)
            if hit is None:
                nearest[m.entity_id] = [gap, m, kind, before, same]
            else:  # the nearest gap; before or in the sentence if any mention is
                hit[0], hit[3], hit[4] = min(hit[0], gap), hit[3] or before, hit[4] or same
        for gap, m, kind, before, same in nearest.values():
            source = "actor" if m.entity_id in self.actor_kinds else "name"
            speaker = Speaker(m.entity_id, m.text, source, kind)
            add((speaker,), None, (_I["mention"], 1.0), (_I["mention_same_sentence"], float(same)),
                (_I["mention_before"], float(before)),
                (_I["mention_gap"], math.log1p(gap) + 1e-6))  # fmt: skip
        for speaker, same in self._openings(task):
            add((speaker,), None, (_I["opening_phrase"], 1.0),
                (_I["opening_same_sentence"], float(same)))  # fmt: skip
        for speaker in self._phrases(task):
            add((speaker,), None, (_I["noun_phrase"], 1.0))
        if self.last_speaker:
            add(self.last_speaker, None, (_I["last_speaker"], 1.0))
        for rank, (paragraph_id, entity_id, words, kind) in enumerate(self._recent(task)):
            source = "actor" if entity_id in self.actor_kinds else "name"
            add((Speaker(entity_id, words, source, kind),), None, (_I["recent"], 1.0),
                (_I["recent_rank"], math.log1p(rank) + 1e-6),
                (_I["paragraphs_back"], math.log1p(task.paragraph_id - paragraph_id) + 1e-6))  # fmt: skip
        self._wider(task, add, out)
        add((), None)
        quoted = self._quoted(task) if "named_in_quote" not in self.skip else set()
        for key, cand in out.items():
            if any(k in quoted for k in key):
                cand.values[_I["named_in_quote"]] = 1.0
        if "frames_run" not in self.skip:
            self._statement(task, out)
        found = list(out.values())
        self._agreement(task, found)
        one = _first_person(task.quote.text)
        we = not one and _WE_WORDS.search(task.quote.text) is not None
        things = [_I[k] for k in _KINDS if k != "person"]
        bodies = [_I[k] for k in ("organisation", "group", "country")]
        for key, cand in out.items():
            if one and not cand.values[_I["person"]] and any(cand.values[k] for k in things):
                cand.values[_I["i_not_person"]] = 1.0
                cand.values[_I["rules_i_not_person"]] = cand.values[_I["rules"]]
            if "speaks_as_kind" in self.skip:
                pass
            elif (one and cand.values[_I["person"]]) or (
                we and any(cand.values[k] for k in bodies)
            ):
                cand.values[_I["speaks_as_kind"]] = 1.0
            seen = roles.get(key[0]) if len(key) == 1 else None
            if seen is not None and len(seen) == 1:  # every mention in the window alike
                if "addressee" in seen:
                    cand.values[_I["addressee"]] = 1.0
                elif "reported" in seen:
                    cand.values[_I["reported_subject"]] = 1.0
        if self._colon_frame(task):  # 'About 20 and: "..."': the frame names someone unseen
            here = (_I["rules"], _I["unresolved"], _I["verb_same_sentence"],
                    _I["mention_same_sentence"], _I["opening_same_sentence"])  # fmt: skip
            found = [c for c in found if any(c.values[k] for k in here)]
        return found

    def _statement(self, task: QuoteTask, out: Mapping[tuple[str, ...], Candidate]) -> None:
        """Set the features of the statement the quotation belongs to (:class:`Statements`,
        :data:`STATEMENT_FEATURES`): whether each candidate framed the run of quotations this
        one continues (a quotation without a frame of its own naming its speaker), how far
        back and how, with the quotation's length and the article's quotations before it; its
        share of the quotations framed so far; the rules' choice times the length."""
        runs = self.statements
        words = math.log1p(len(task.quote.text.split()))
        before = math.log1p(runs.quotes)
        run = None if _framed(task) else runs.run(task.paragraph_id)
        for key, cand in out.items():
            if key == ("unresolved",):
                continue
            v = cand.values
            v[_I["quote_words"]], v[_I["quotes_before"]] = words, before
            v[_I["rules_words"]] = v[_I["rules"]] * words
            v[_I["frame_share"]] = runs.share(key)
            if run is not None and run[0].intersection(key):
                v[_I["frames_run"]] = 1.0
                v[_I["run_paragraphs"]] = math.log1p(run[1])
                v[_I["run_statement"]] = float(run[2])
                v[_I["frames_run_words"]] = words
                v[_I["frames_run_quotes"]] = before

    def _wider(self, task: QuoteTask, add, out: Mapping[tuple[str, ...], Candidate]) -> None:
        """Add the candidates from outside the window: the entities a pronoun subject near the
        quotation could stand for (the nearest four compatible ones named before it, in this
        paragraph and the two before), the entity of the article a role noun subject names
        ("the spokesperson": the last one with that role), the entities named in the
        quotation's paragraph and the one before, and the article's main people and
        organisations with the :data:`MOST_NAMED` it names most (``most_named`` when nothing
        else proposed them)."""
        pronoun, at = _pronoun(task)
        if pronoun:
            kinds = _PRONOUN_KINDS[pronoun]
            found = self._antecedents(task, kinds, at)
            fits = [_agrees(pronoun, f[2], self.gender.get(f[0], "")) is True for f in found]
            for rank, (entity_id, words, kind, subject, where) in enumerate(found):
                source = "actor" if entity_id in self.actor_kinds else "name"
                back = self._sentences_back(task, where, at)
                add((Speaker(entity_id, words, source, kind),), None, (_I["antecedent"], 1.0),
                    (_I["antecedent_rank"], math.log1p(rank) + 1e-6),
                    (_I["antecedent_subject"], float(subject)),
                    (_I["antecedent_sentences"], math.log1p(back) + 1e-6),
                    (_I["antecedent_rival"], float(any(fits[:rank]))))  # fmt: skip
        for head, kind in _role_heads(task):
            kinds = _DESCRIBED.get(kind)
            entity_id = self.layer.antecedent(head, task.paragraph_id, kinds) if kinds else None
            if entity_id is not None:
                words = self.layer.entities[entity_id].name
                add((Speaker(entity_id, words, "name", self._kind(entity_id)),), None)
        for back, feature in ((0, "in_paragraph"), (1, "in_previous_paragraph")):
            seen: set[str] = set()
            for start, _, m, kind in self.by_paragraph.get(task.paragraph_id - back, ()):
                if m.entity_id in seen or (back == 0 and task.inside(start) is not None):
                    continue
                seen.add(m.entity_id)
                source = "actor" if m.entity_id in self.actor_kinds else "name"
                add((Speaker(m.entity_id, m.text, source, kind),), None, (_I[feature], 1.0))
        for entity_id in self.widened:
            source = "actor" if entity_id in self.actor_kinds else "name"
            alone = [(_I["most_named"], 1.0)] if (entity_id,) not in out else []
            add((Speaker(entity_id, entity_id, source, self._kind(entity_id)),), None, *alone)

    def _antecedents(
        self, task: QuoteTask, kinds: frozenset[str], at: int
    ) -> list[tuple[str, str, str, bool, tuple[int, int]]]:
        """The last four distinct entities of ``kinds`` named before offset ``at`` of the
        quotation's paragraph (outside its quotations) and in the two paragraphs before, at
        most 60 mentions back: (entity id, words, kind, whether that last mention is the
        subject of its sentence: :func:`_opens_sentence`, and where it stands: paragraph and
        offset), the nearest first."""
        k = bisect_left(self.order, (task.paragraph_id, at))
        out: dict[str, tuple[str, str, str, bool, tuple[int, int]]] = {}
        for paragraph_id, start, entity_id, text, kind in reversed(self.order[max(k - 60, 0) : k]):
            if paragraph_id < task.paragraph_id - 2:
                break
            if kind not in kinds or entity_id in out:
                continue
            if paragraph_id == task.paragraph_id and task.inside(start) is not None:
                continue
            whole = self.texts.get(paragraph_id, "")
            subject = bool(whole) and _opens_sentence(whole, start, start + len(text))
            out[entity_id] = (entity_id, text, kind, subject, (paragraph_id, start))
            if len(out) == 4:
                break
        return list(out.values())

    def _sentences_back(self, task: QuoteTask, where: tuple[int, int], at: int) -> int:
        """How many sentence boundaries lie between a mention at ``where`` (paragraph, offset;
        the quotation's paragraph or one of the two before) and offset ``at`` of the
        quotation's paragraph: 0 in the same sentence. In an earlier paragraph, the sentence
        ends after the mention (at least one: the paragraph ends) and those of the paragraphs
        between are counted, each read at most :data:`_MENTION_CHARS` characters far."""
        s = task.sentences
        here = s.position.get(s.at(at), 0)
        paragraph_id, start = where
        if paragraph_id == task.paragraph_id:
            return max(here - s.position.get(s.at(start), 0), 0)
        ends = _ends(self.texts.get(paragraph_id, ""), start)
        for between in range(paragraph_id + 1, task.paragraph_id):
            ends += _ends(self.texts.get(between, ""), 0)
        return here + ends

    def _agreement(self, task: QuoteTask, found: list[Candidate]) -> None:
        """Set whether a pronoun subject near the quotation agrees or clashes with each
        candidate (kind, and the gender the article gives a person by a title: "Mrs", "Mr"),
        and whether a role noun subject ("the spokesperson") is the candidate's role."""
        pronoun, _ = _pronoun(task)
        heads = [head for head, _ in _role_heads(task)]
        if not pronoun and not heads:
            return
        for cand in found:
            named = [s for s in cand.speakers if s.source not in _NOBODY]
            if len(named) != 1:
                continue
            key = self.identity(named[0])
            kind = self._kind(key) or named[0].kind
            if pronoun:
                fits = _agrees(pronoun, kind, self.gender.get(key, ""))
                if fits is not None:
                    cand.values[_I["pronoun_agrees" if fits else "pronoun_clashes"]] = 1.0
                # "he" and a club, "it" and a person: barred (best_candidate); a gender
                # clash only weighs, the genders being less sure than the kinds
                cand.barred = cand.barred or _agrees(pronoun, kind, "") is False
            entity = self.layer.entities.get(key)
            if heads and entity is not None:
                words = set(entity.role.split()) | set(entity.name.lower().split())
                if any(h in words for h in heads):
                    cand.values[_I["role_matches"]] = 1.0

    @staticmethod
    def _colon_frame(task: QuoteTask) -> bool:
        """True when words and a colon open the quotation's sentence right before it (a speech
        frame: "Ana Ruiz: '...'"): its speaker is named there or nowhere the model can see."""
        start = task.sentences.starts[task.sentences.position[task.first]]
        before = task.text[start : task.quote.start].rstrip()
        return before.endswith(":") and len(before) > 1

    def _openings(self, task: QuoteTask) -> list[tuple[Speaker, bool]]:
        """The speaker noun phrases that open the quotation's sentence and the one before
        ("A trapped worker cried for help.", "The official leading the rescue added"): up to
        seven words after an opening conjunction or adverb, ending in a speaker noun of the
        verb table, before any auxiliary, reporting verb, relative word or preposition; with
        whether it opens the quotation's own sentence."""
        s = task.sentences
        k = s.position[task.first]
        out = []
        for position in range(max(k - 1, 0), k + 1):
            start, end = s.starts[position], s.ends[position]
            if position == k:
                end = min(end, task.quote.start)
            if end - start < 3 or task.inside(start) is not None:
                continue
            phrase = _opening(task.text, start, min(end, start + 120), self.nouns)
            if phrase is None or phrase.kind == "inscription":
                continue
            if not self._named_person(task, task.text.find(phrase.text, start)):
                out.append((phrase, position == k))
        return out

    def _named_person(self, task: QuoteTask, at: int) -> bool:
        """True when a person of the entity layer is named at offset ``at`` of the quotation's
        paragraph, not as an owner ("Ann Lee's lawyer"): a phrase that opens with a name is
        that person and a clause after it ("Ann Lee met reporters"), never a noun phrase
        headed by a noun at its end (the person is a candidate as a mention already)."""
        found = self.by_paragraph.get(task.paragraph_id, ())
        k = bisect_left(found, (at,))
        while k < len(found) and found[k][0] == at:
            end, kind = found[k][1], found[k][3]
            if kind == "person" and not task.text.startswith(("'s", "\u2019s", "'"), end):
                return True
            k += 1
        return False

    def _phrases(self, task: QuoteTask) -> list[Speaker]:
        """The speaker noun phrases inside the quotation's sentence(s), outside quotations,
        that a verb follows or "said" comes before (:func:`_noun_phrase`: "... a trapped worker
        wailed", "said the helpless volunteers", "the court issued"); at most four."""
        s = task.sentences
        start = s.starts[s.position[task.first]]
        end = s.ends[s.position[task.last]]
        out: list[Speaker] = []
        for m in _DETERMINER.finditer(task.text, start, min(end, start + 600)):
            if task.inside(m.start()) is not None:
                continue
            phrase = _noun_phrase(task.text, m.start(), min(end, m.start() + 60), self.nouns)
            if phrase is None or phrase.kind == "inscription":
                continue
            after = task.text[m.start() + len(phrase.text) : m.start() + len(phrase.text) + 20]
            before = task.text[max(m.start() - 12, 0) : m.start()].split()[-1:]
            if _VERB_AFTER.match(after) or (before and before[0].lower() in _SAID):
                out.append(phrase)
                if len(out) == 4:
                    break
        return out

    def _recent(self, task: QuoteTask) -> list[tuple[int, str, str, str]]:
        """The last three entities named before the quotation's window (at most 40 mentions
        back): (paragraph, entity id, words, kind), the latest first."""
        k = bisect_left(self.order, (task.paragraph_id, task.window[0]))
        out: dict[str, tuple[int, str, str, str]] = {}
        for paragraph_id, _, entity_id, text, kind in reversed(self.order[max(k - 40, 0) : k]):
            if entity_id not in out:
                out[entity_id] = (paragraph_id, entity_id, text, kind)
                if len(out) == 3:
                    break
        return list(out.values())

    def _describe(self, cand: Candidate, key: tuple[str, ...], task: QuoteTask) -> None:
        """Set the features that describe the candidate itself, whatever proposed it."""
        values = cand.values
        if key == ("unresolved",):
            values[_I["unresolved"]] = 1.0
            return
        static = self._static.get((key, cand.speakers))
        if static is None:
            static = self._static[key, cand.speakers] = self._who(key, cand.speakers)
        for k, value in static:
            values[k] = value
        at = (task.paragraph_id, task.quote.start)
        so_far = sum(bisect_left(self.seen.get(k, ()), at) for k in key)
        values[_I["mentions_so_far"]] = math.log1p(so_far)
        values[_I["spoke_before"]] = math.log1p(sum(self.spoke.get(k, 0) for k in key))
        if "paragraphs_away" not in self.skip:
            away = [self._paragraphs_away(k, task.paragraph_id) for k in key if k in self.seen]
            values[_I["paragraphs_away"]] = math.log1p(min(away)) if away else 0.0

    def _paragraphs_away(self, entity_id: str, paragraph_id: int) -> int:
        """How many paragraphs lie between ``paragraph_id`` and the nearest one that names
        ``entity_id`` (outside or inside quotations; 0: it names it)."""
        seen = self.seen[entity_id]
        k = bisect_left(seen, (paragraph_id, -1))
        near = [abs(seen[j][0] - paragraph_id) for j in (k - 1, k) if 0 <= j < len(seen)]
        return min(near)

    def _who(self, key: tuple[str, ...], speakers: tuple[Speaker, ...]) -> list[tuple[int, float]]:
        """The features of who the candidate is (kind, how named, a name, an outlet): the same
        wherever the candidate stands, so computed once per article."""
        kinds = {s.kind for s in speakers}
        sources = {s.source for s in speakers}
        words = [[w.lower().strip(".,'") for w in s.text.split()] for s in speakers]
        proper = all(
            any(w[:1].isupper() and low not in self.nouns
                for w, low in zip(s.text.split(), lows, strict=True))
            for s, lows in zip(speakers, words, strict=True)
        )  # fmt: skip
        known = self.layer.entities
        out = [(_I[kind], 1.0) for kind in _KINDS if kind in kinds]
        rank = min((self.rank.get(k, len(self.rank)) for k in key), default=len(self.rank))
        out += [
            (_I["salience"], math.log1p(sum(self.total.get(k, 0) for k in key))),
            (_I["main_entity"], float(any(k in self.main for k in key))),
        ]
        if "salience_rank" not in self.skip:  # the ones it names nowhere: after all
            out.append((_I["salience_rank"], math.log1p(rank)))
        out += [
            (_I["pronoun"], float("pronoun" in sources)),
            (_I["description"], float("description" in sources)),
            (_I["several"], float(len(key) > 1)),
            (_I["proper_name"], float(proper)),
            (_I["entity"], float(all(k in known or k in self.actor_kinds for k in key))),
            (
                _I["media"],
                float(
                    any(w in MEDIA_WORDS for lows in words for w in lows)
                    or any(k in self.outlets for k in key)
                ),
            ),
        ]
        return out

    def _verb_flags(self, att: Attribution, task: QuoteTask) -> list[tuple[int, float]]:
        """The features of the subject of ``att`` as a candidate: (feature index, value)."""
        sentence = task.sentences.at(att.start)
        quote, text = task.quote, task.text
        before = att.end <= quote.start
        after = att.start >= quote.end
        between = ""
        if before:
            between = text[att.end : quote.start]
        elif after:
            between = text[quote.end : att.start]
        gap = len(between.split())
        closing = text[max(quote.end - 3, quote.start) : quote.end + 1]
        same = task.first <= sentence <= task.last
        frame = " as " in att.verb or att.lemma == "according to"
        flags = [
            (_I["verb_subject"], 1.0),
            (_I["verb_same_sentence"], float(same)),
            (_I["verb_prev_sentence"], float(not same)),  # the window holds no later one
            (_I["verb_before"], float(before)),
            (_I["verb_after"], float(after)),
            (_I["verb_gap"], math.log1p(gap) + 1e-6),
            (_I["comma_tag"], float(after and "," in closing and gap <= 4)),
            (_I["colon"], float(before and ":" in between)),
            (_I["participle"], float(att.participle)),
            (_I["subordinate"], float(att.subordinate)),
            (_I["frame"], float(frame)),
            (_I["partial_verb_before"], float(task.partial and before)),
        ]
        if frame and same:
            shadowed = any(
                other is not att
                and " as " not in other.verb
                and other.lemma != "according to"
                and task.first <= task.sentences.at(other.start) <= task.last
                for other in task.near
            )
            flags.append((_I["frame_shadowed"], float(shadowed)))
        return flags

    def _quoted(self, task: QuoteTask) -> set[str]:
        """The entities named inside the quotation or another quotation of the window's
        sentences (the words a speaker says name others more often than the speaker: "Will
        Smith just smacked me"; Muzny et al. 2017 leave such mentions out of the candidates),
        at most :data:`_MENTION_CHARS` characters either side."""
        found = self.by_paragraph.get(task.paragraph_id, ())
        lo = max(task.window[0], task.quote.start - _MENTION_CHARS)
        hi = min(task.window[1], task.quote.end + _MENTION_CHARS)
        k = bisect_left(found, (lo,))
        out = set()
        while k < len(found) and found[k][0] < hi:
            if task.inside(found[k][0]) is not None:
                out.add(found[k][2].entity_id)
            k += 1
        return out

    def _mentions(self, task: QuoteTask) -> list:
        """The entity mentions of the window's sentences, outside quotations, at most
        :data:`_MENTION_CHARS` characters either side of the quotation (a run-on "sentence" of
        thousands of clauses stays linear work; prose sentences are far shorter)."""
        found = self.by_paragraph.get(task.paragraph_id, ())
        if not found:
            return []
        lo, hi = task.window
        lo = max(lo, task.quote.start - _MENTION_CHARS)
        hi = min(hi, task.quote.end + _MENTION_CHARS)
        k = bisect_left(found, (lo,))
        out = []
        while k < len(found) and found[k][0] < hi:
            if task.inside(found[k][0]) is None:
                out.append(found[k])
            k += 1
        return out


_MENTION_CHARS = 2_000  # characters either side of a quotation its mentions are read in
_WE_WORDS = re.compile(r"(?<![\w'\u2019-])(?:[Ww]e|[Uu]s|[Oo]ur|[Oo]urs|[Oo]urselves)(?![\w-])")
_I_WORDS = re.compile(r"(?<![\w'\u2019-])(?:I|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)(?![\w-])")


def _first_person(quote: str) -> bool:
    """True when a quotation speaks as one person: "I", "me", "my", "mine" or "myself" (a
    body speaks as "we"; after Muzny et al. 2017, who use the speaker's person and number).

    >>> _first_person("I will not resign"), _first_person("We will appeal"), _first_person("A-I")
    (True, False, False)
    """
    return _I_WORDS.search(quote) is not None


def _framed(task: QuoteTask) -> bool:
    """True when a speech frame of the quotation's own (its sentence's reporting verb, or a
    sentence before it ending in a colon) credits it to speakers named by their names: it
    opens a statement (:class:`Statements`); a pronoun's "he added" continues one."""
    return task.how in ("own", "introducing") and all(
        s.source in ("name", "actor") for s in task.speakers
    )


def _introduces(task: QuoteTask) -> bool:
    """True when the quotation's frame introduces a statement: a sentence before ending in a
    colon, or a colon between the reporting verb and the quotation ("Ann Lee said: ...")."""
    if task.how == "introducing":
        return True
    att = task.att
    return (
        att is not None
        and att.end <= task.quote.start
        and ":" in task.text[att.end : task.quote.start]
    )


_SENTENCE_END = re.compile(r"[.!?][\"\u201d\u2019']?(?=\s|$)")


def _ends(text: str, start: int) -> int:
    """The sentence ends in ``text`` after ``start`` (at most :data:`_MENTION_CHARS` on), at
    least one: the paragraph's end closes the last sentence.

    >>> _ends("Ann Lee left. She came back. Then", 0), _ends("Ann Lee left", 0)
    (2, 1)
    """
    return max(len(_SENTENCE_END.findall(text, start, start + _MENTION_CHARS)), 1)


# what the words right before a mention say it is: the one told or spoken to ("told Ann Lee",
# "said to the minister"), or the subject of a clause a verb reports ("said that Lee ...",
# "said Lee had ...")
_TOLD = frozenset(
    ["told", "tells", "tell", "telling", "asked", "asks", "asking", "urged", "urges", "urging",
     "warned", "warns", "warning", "informed", "informs", "assured", "assures", "reminded",
     "reminds", "briefed", "thanked", "thanks", "congratulated", "addressed", "addressing"]
)  # fmt: skip
_SPOKE = frozenset(
    ["said", "says", "say", "saying", "spoke", "speaks", "speaking", "talked", "talks",
     "talking", "wrote", "writes", "writing", "explained", "complained", "replied", "added",
     "announced", "declared", "admitted", "confided", "apologised", "apologized", "appealed"]
)  # fmt: skip
_REPORTS = frozenset(
    ["said", "says", "say", "saying", "added", "adds", "argued", "argues", "claimed", "claims",
     "insisted", "insists", "believes", "believed", "thinks", "thought", "noted", "notes",
     "stated", "states", "explained", "suggested", "suggests", "alleged", "alleges",
     "testified", "acknowledged", "admitted", "revealed", "confirmed", "announced", "told",
     "warned", "feared", "fears", "hoped", "hopes", "knew", "knows", "learned", "heard"]
)  # fmt: skip
_SKIPPED = frozenset(["the", "a", "an", "his", "her", "their", "its", "our"])
_FINITE = frozenset(
    ["is", "was", "were", "are", "has", "had", "have", "will", "would", "could", "should",
     "can", "may", "might", "must", "did", "does", "do", "wants", "wanted", "knew", "made",
     "took", "went", "got", "gave", "left", "ran", "shot", "fled", "saw"]
)  # fmt: skip
_NEXT_WORD = re.compile(r"[ \t]{1,3}([a-z]+)\b")


def mention_role(
    text: str, start: int, end: int, nouns: Mapping[str, str] | frozenset[str] = frozenset()
) -> str:
    """What the words before the mention ``text[start:end]`` make it: ``"addressee"`` (the one
    told or spoken to: "told Ann Lee", "said to the minister", "spoke with Lee"),
    ``"reported"`` (the subject of a clause a verb reports: "said that Lee ...", "said Lee had
    ...", "said the shooter fled": the reported event's actor, not the one who speaks) or ``""``
    (neither). Titles, a determiner and lowercase role nouns of ``nouns`` between the word and
    the name are skipped ("told Prime Minister Ann Lee", "told correspondent Ann Lee", with
    "correspondent" among ``nouns``); punctuation before the name ends the look ('"...," said
    Lee.' is a speaker). Reads at most 60 characters before the mention and one word after it.
    After Pareti (2015): a speaker is the reporting verb's subject, never its object or the
    subject of its complement clause.

    >>> t = "Kim told Ann Lee that Tom Ode had left, and said Ann Lee was wrong."
    >>> mention_role(t, 9, 16), mention_role(t, 22, 29), mention_role(t, 49, 56)
    ('addressee', 'reported', 'reported')
    >>> t = '"We are ready," said Ann Lee. Kim spoke to the minister.'
    >>> mention_role(t, 21, 28), mention_role(t, 30, 33), mention_role(t, 47, 55)
    ('', '', 'addressee')
    >>> t = "He told correspondent Ann Lee so."
    >>> mention_role(t, 22, 29), mention_role(t, 22, 29, {"correspondent": "person"})
    ('', 'addressee')
    """
    lo = max(start - 60, 0)
    words = text[lo:start].split()
    if lo and words and not text[lo - 1].isspace():
        words = words[1:]  # a word cut by the window
    k, skipped = len(words), 0
    while (
        k
        and skipped < 3
        and words[k - 1][-1:].isalpha()
        and (
            words[k - 1].lower() in _SKIPPED
            or words[k - 1][:1].isupper()
            or words[k - 1].lower() in nouns
        )
    ):  # "the", a title, a role noun: "told Prime Minister Ann Lee", "told correspondent X"
        k, skipped = k - 1, skipped + 1
    if not k or not words[k - 1][-1:].isalpha():
        return ""  # the sentence or a clause starts with the name
    word = words[k - 1].lower()
    if word in _TOLD:
        return "addressee"
    if word in ("to", "with") and k > 1 and words[k - 2].lower() in _SPOKE:
        return "addressee"
    if word == "that" and k > 1 and words[k - 2][-1:].isalpha():
        return "reported"
    if word in _REPORTS:
        after = _NEXT_WORD.match(text, end, end + 20)
        if after is not None and (after.group(1) in _FINITE or after.group(1).endswith("ed")):
            return "reported"
    return ""


_UNRESOLVED = Speaker("unresolved", "", "unresolved")
_NOBODY = frozenset(["unresolved", "pending"])
_MAIN_KINDS = frozenset(["person", "organisation"])
# what each pronoun may stand for (possessives as their pronoun)
_PRONOUN_KINDS = {
    "he": frozenset(["person"]),
    "she": frozenset(["person"]),
    "it": frozenset(["organisation", "country"]),
    "they": frozenset(["group", "organisation", "country"]),
}
_PRONOUN_OF = {"he": "he", "his": "he", "him": "he", "she": "she", "her": "she", "it": "it",
               "its": "it", "they": "they", "their": "they", "we": "they"}  # fmt: skip
_DESCRIBED = {"person": frozenset(["person"]), "organisation": frozenset(["organisation"])}


_DETERMINERS = frozenset(["the", "a", "an", "this", "that", "its", "his", "her", "their", "our"])


def best_candidate(scores: np.ndarray, barred: list[bool]) -> int:
    """The index of the best-scoring candidate that is not ``barred`` (ties: the first), or
    of the best of all when every one is: a news outlet, or an entity of a kind a pronoun
    subject cannot stand for ("he" and a club, "it" and a person), loses to any other
    candidate, "unresolved" included (which is never barred), so nobody
    is credited rather than them.

    >>> best_candidate(np.array([2.0, 1.0, 0.5]), [True, False, False])
    1
    >>> best_candidate(np.array([2.0, 1.0]), [True, True])
    0
    """
    order = np.argsort(-scores, kind="stable")
    return next((int(k) for k in order if not barred[k]), int(order[0]))


def settled(task: QuoteTask, nouns: Mapping[str, str] | frozenset[str] = frozenset()) -> bool:
    """True when the rules' choice for ``task`` stands without the model: a reporting verb of
    the quotation's own sentence(s) credits it to speakers named by their names (no pronoun,
    description, unresolved speaker or news outlet, where the rules go wrong most). A name
    needs a capitalised word that is no speaker noun of ``nouns`` ("President" and
    "Agency" alone are roles, "statement" no name at all), and a frame ("according to X")
    never settles: the model weighs it against the other verbs of the sentence.

    >>> from newsframe.framing.quotes import Quote
    >>> from newsframe.framing.speakers import Sentences
    >>> from newsframe.framing._units import Unit
    >>> text = '"We are ready," Ann Lee said.'
    >>> sentences = Sentences(Unit("body", 0, text, ((0, 0, len(text)),)))
    >>> quote = Quote(1, 14, "We are ready,", 3, True)
    >>> def task(speaker):
    ...     return QuoteTask(0, text, quote, False, sentences, lambda i: None, (speaker,),
    ...                      None, [], (), ())
    >>> settled(task(Speaker("Ann Lee", "Ann Lee", "name"))), settled(task(Speaker("x", "he", "pronoun")))
    (True, False)
    >>> settled(task(Speaker("President", "President", "name")), {"president": "person"})
    False
    """
    if task.how != "own" or (task.att is not None and task.att.lemma == "according to"):
        return False
    return all(
        s.source in ("name", "actor")
        and not any(w.lower().strip(".,'") in MEDIA_WORDS for w in s.text.split())
        and (
            s.source == "actor"
            or any(
                w[:1].isupper()
                and w.lower().strip(".,'").removesuffix("'s") not in nouns
                and w.lower() not in _DETERMINERS
                for w in s.text.split()
            )
        )
        for s in task.speakers
    )


# the words around a name that say the text uses it as a news outlet: "told X", "in an
# interview with X", "news agency X", "television station X" before it; "X reported", "X news
# agency", "X newspaper" after it
_OUTLET_BEFORE = re.compile(
    r"(?:\btold|\binterview with|\bnews agency|\bnewspaper|\bbroadcaster|\btelevision station"
    r"|\bstation|\bchannel|\bnews website|\bwebsite|\btabloid|\bdaily)\s{1,3}(?:the\s{1,3})?\Z",
    re.I,
)
_OUTLET_AFTER = re.compile(
    r"\A(\s{1,3}(?:news\s{1,3})?(?:agency|newspaper|broadcaster|tabloid|television|website))?"
    r"(?:\s{1,3}(?:in|of)\s{1,3}[A-Z][\w.]{0,30})?\s{1,3}(?:reported|reports|reporting)\b"
    r"|\A(\s{1,3}(?:news\s{1,3}agency|newspaper|broadcaster|tabloid|news\s{1,3}website))\b"
)
_NOT_OUTLETS = frozenset(["country", "place"])
_ACRONYM_ONLY = re.compile(r"[A-Z][A-Z&-]{2,7}\Z")  # "MTV", "CNN", "WCCO-TV"; never "UN"


def outlets(layer: Entities, texts: Mapping[int, str], *, own: str = "") -> frozenset[str]:
    """The entities of ``layer`` the article uses as news outlets: named right after "told"
    or "in an interview with", after an outlet noun ("news agency SABA", "television station
    MTV"), or right before "reported" or an outlet noun ("Associated Press reported", "The
    Star news website in Malaysia reported", "the Asahi newspaper"); and the article's own
    outlet (``own``: its ``outlet`` metadata, a site's name) wherever the article names it.
    Never a country or a place; a person's name only after or before an outlet noun (a
    person "reports" too); after "told" only an acronym the article never spells out or a
    name with a media word ("told CNN", "told the Associated Press"; never "told MPs"). A reporter's source, not a speaker: the model
    weighs such a candidate (feature ``media``) and the rules' choice of it never settles.
    The cues are those of :mod:`newsframe.discovery` for news outlets, read here per mention.

    >>> from newsframe.entities import find_entities
    >>> texts = ['"We are ready," the official told MTV.', "Kim Lee told Ann Ode so.",
    ...          "The Star reported the vote, citing news agency Kenta Ode."]
    >>> sorted(outlets(find_entities(texts), dict(enumerate(texts)), own="The Bay Gazette"))
    ['Kenta Ode', 'MTV', 'Star']
    """
    own_key = own.lower().removeprefix("the ").strip()
    out: set[str] = set()
    for m in layer.mentions:
        e = layer.entities.get(m.entity_id)
        if e is None or e.kind in _NOT_OUTLETS or m.entity_id in out:
            continue
        text = texts.get(m.paragraph_id, "")
        before = _outlet_before(text, m.start)
        after = _OUTLET_AFTER.match(text[m.end : m.end + 60])
        if after is not None and text[max(m.start - 4, 0) : m.start] in (" in ", " of "):
            after = None  # "Police in Britain reported": the place of whoever reported
        if before is not None and before.group().lower().startswith(("told", "interview")):
            # one is "told" things by people and bodies too ("told MPs", "told the court"):
            # an outlet then is an acronym the text never spells out, or a media word
            words = {w.lower().strip(".,'") for w in e.name.split()}
            before = before if _ACRONYM_ONLY.match(e.entity_id) or words & MEDIA_WORDS else None
        if e.kind == "person":  # only an outlet noun makes a person's name an outlet
            after = after if after is not None and (after.group(1) or after.group(2)) else None
        if (own_key and e.name.lower().removeprefix("the ") == own_key) or before or after:
            out.add(m.entity_id)
    return frozenset(out)


#: The last word of every cue of _OUTLET_BEFORE (see _outlet_before).
_OUTLET_ENDS = ("told", "with", "agency", "newspaper", "broadcaster", "station", "channel",
                "website", "tabloid", "daily")  # fmt: skip


def _outlet_before(text: str, start: int) -> re.Match[str] | None:
    """``_OUTLET_BEFORE``'s match in the 40 characters before ``start`` (a cue that ends right
    before it). A match is a cue word, white space and perhaps "the" and white space, so the
    window without its trailing white space (and then without a trailing "the" and the white
    space before it) ends with a cue's last word; an ASCII window (where case-insensitive means
    lowercase) that does not is ruled out without the search, most of them. The same answer.

    >>> [bool(_outlet_before(t, len(t))) for t in ("the official told ", "told the  ", "she said ")]
    [True, True, False]
    """
    lo = max(start - 40, 0)
    window = text[lo:start]
    if window.isascii():
        core = window.rstrip().lower()
        if not core.endswith(_OUTLET_ENDS) and not (
            core.endswith("the") and core[:-3].rstrip().endswith(_OUTLET_ENDS)
        ):
            return None
    return _OUTLET_BEFORE.search(text, lo, start)


def _agrees(pronoun: str, kind: str, gender: str) -> bool | None:
    """Whether ``pronoun`` can stand for an entity of ``kind`` and ``gender`` (True, False),
    or None when nothing says.

    >>> _agrees("she", "person", "she"), _agrees("he", "organisation", ""), _agrees("he", "", "")
    (True, False, None)
    """
    if pronoun in ("he", "she"):
        if kind == "person" and gender:
            return gender == pronoun
        return False if kind in ("organisation", "country", "group", "document") else None
    if pronoun == "it":
        return (
            True if kind in ("organisation", "country") else (False if kind == "person" else None)
        )
    return True if kind in ("group", "organisation", "country") else None


def _pronoun(task: QuoteTask) -> tuple[str, int]:
    """The pronoun subject of the quotation (the rules' speaker, else of a reporting verb of its
    sentence(s)) as he, she, it or they, with the offset it stands at; ("", 0) without one."""
    for speakers, att in ((task.speakers, task.att), *((a.speakers, a) for a in task.near)):
        for s in speakers:
            word = s.text.lower()
            if word in _PRONOUN_OF and s.source in ("pronoun", "unresolved", "continuation"):
                at = att.start if att is not None else task.quote.start
                return _PRONOUN_OF[word], at if at > 0 else task.quote.start
    return "", 0


def _role_heads(task: QuoteTask) -> list[tuple[str, str]]:
    """The head nouns of the role noun subjects near the quotation ("the spokesperson said"):
    (head, kind) of the rules' speaker and of the reporting verbs' subjects that are
    descriptions of a person or an organisation."""
    out = []
    for s in (*task.speakers, *(s for a in task.near for s in a.speakers)):
        if s.source == "description" and s.kind in _DESCRIBED and s.text:
            head = s.text.lower().split()[-1].removesuffix("'s")
            if (head, s.kind) not in out:
                out.append((head, s.kind))
    return out


@dataclass
class QuoteTask:
    """One quotation to credit: where it is, what the rules chose and the context the
    candidates come from (the unit's attributions in the window, the previous quotation's
    speakers, the speakers carried from the previous paragraph)."""

    paragraph_id: int
    text: str
    quote: Quote
    partial: bool
    sentences: Sentences
    inside: object  # QuoteIndex.at
    speakers: tuple[Speaker, ...]
    att: Attribution | None
    near: list[Attribution]
    previous: tuple[Speaker, ...]
    carried: tuple[Speaker, ...]
    how: str = "own"  # how the rules credited it: own, previous, introducing, carried, colon
    following: tuple[Speaker, ...] = ()  # whom the next quotation's own verb credits
    following_att: Attribution | None = None  # ... and that verb, when the quotation runs on
    # into the next paragraph (a quotation left open there)

    first: int = field(init=False)  # the id of the quotation's first sentence
    last: int = field(init=False)  # the id of its last sentence
    window: tuple[int, int] = field(init=False)  # the character span of the window's sentences

    def __post_init__(self) -> None:
        s = self.sentences
        self.first = s.at(self.quote.start)
        self.last = s.at(max(self.quote.end - 1, self.quote.start))
        lo = max(s.position[self.first] - _WINDOW, 0)
        hi = min(s.position[self.last] + _WINDOW, len(s.ids) - 1)
        self.window = (s.starts[lo], s.ends[hi])
