"""Attribution: who is quoted or paraphrased, with which reporting verb, and share of voice."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from newsframe.actors import Actor, find_mentions, load_actors
from newsframe.corpus import Article, Corpus
from newsframe.document import analyse
from newsframe.framing._units import Unit, as_articles, body_words, units, word_tokens
from newsframe.framing.gender import article_genders
from newsframe.framing.quotes import Quote, QuoteIndex, top_level_quotes
from newsframe.framing.speaker_model import (
    MEDIA_WORDS,
    QuoteTask,
    SpeakerChoice,
    SpeakerModel,
    speaker_model,
    speaker_window,
)
from newsframe.framing.speaker_names import name_speakers
from newsframe.framing.speakers import (
    ArticleScan,
    Attribution,
    Memory,
    ReportingVerbs,
    Sentences,
    Speaker,
    SpeakerGenders,
    load_reporting_verbs,
    organisation_nouns,
    reporting_clause,
    run_verbs,
    speaker_kind,
    unit_attributions,
)
from newsframe.linking import Links, corpus_links
from newsframe.parallel import gathering
from newsframe.resources import Resources, resolve_resources
from newsframe.text import lemmatize

__all__ = ["LABEL_WORDS", "attributions", "share_of_voice"]

COLUMNS = [
    "article_id",
    "part",
    "paragraph_id",
    "sentence_id",
    "speaker",
    "speaker_name",
    "speaker_text",
    "speaker_source",
    "speaker_kind",
    "verb",
    "verb_lemma",
    "verb_class",
    "kind",
    "quote",
    "quote_words",
    "closed",
    "sentence",
]
VOICE_COLUMNS = [
    "article_id",
    "speaker",
    "speaker_name",
    "quotes",
    "quoted_words",
    "paraphrases",
    "attributions",
    "share_of_quoted",
    "share_of_words",
]
UNRESOLVED = Speaker("unresolved", "", "unresolved")
LABEL_WORDS = 4  # a quoted noun phrase of at most this many words without a speech frame: a label
_WORD = re.compile(r"[^\W\d_]+")
# words that make a quoted phrase a clause (someone's words) rather than a name or a term
_CLAUSE_WORDS = frozenset(
    ["i", "we", "you", "he", "she", "they", "it", "me", "us", "them", "am", "is", "are", "was",
     "were", "be", "been", "has", "have", "had", "do", "does", "did", "will", "would", "can",
     "could", "should", "may", "might", "must", "shall", "don", "didn", "doesn", "isn", "aren",
     "wasn", "won", "not", "let", "please"]
)  # fmt: skip


def _colon_speaker(unit: Unit, quote: Quote, actors, verbs: ReportingVerbs) -> tuple[Speaker, ...]:
    """The speaker of ``Putin: "..."`` (at most four words before a colon, in the quotation's
    sentence): an actor, or a name that passes the speaker check."""
    window = unit.text[max(quote.start - 200, 0) : quote.start].rstrip()
    stop = window.rfind(". ")
    prefix = window[stop + 2 :] if stop >= 0 else window
    if quote.start > 200 and stop < 0:
        return ()
    if not prefix.endswith(":") or not 0 < len(prefix[:-1].split()) <= 4:
        return ()
    mentions = find_mentions(prefix[:-1], actors)
    if mentions:
        return tuple(Speaker(m.actor_id, m.text, "actor") for m in mentions[-1:])
    words = word_tokens(prefix[:-1])
    name = prefix[:-1].strip()
    if not name[:1].isupper() or speaker_kind(words, verbs) is None:
        return ()
    return (Speaker(name, name, "name"),)


def unit_quotes(unit: Unit) -> tuple[Quote, ...]:
    """The top-level quotations of ``unit`` (:func:`~newsframe.framing.quotes.top_level_quotes`),
    found once per paragraph of an analysed document and kept on it (attributions and
    distancing marks both read them)."""
    if unit.doc is None:
        return tuple(top_level_quotes(unit.text))
    cache = unit.doc.memo("top_level_quotes", (), dict)
    hit = cache.get(unit.paragraph_id)
    if hit is None:
        hit = cache[unit.paragraph_id] = tuple(top_level_quotes(unit.text))
    return hit


_ALNUM = re.compile(r"[^\W_]")  # one letter or digit: exactly the characters str.isalnum accepts


class UnitText:
    """Per-unit lookups in bounded time: sentence of an offset, words before an offset."""

    def __init__(self, unit: Unit) -> None:
        self.unit = unit
        self.sentences = Sentences(unit)
        self._alnum: dict[int, tuple[int, int]] = {}  # from: (scanned up to, first alnum or -1)
        self._texts: dict[tuple[int, int], str] = {}

    def has_word(self, a: int, b: int) -> bool:
        """True when ``text[a:b]`` holds a letter or digit.

        Per start ``a`` the text is searched once, and only as far as any ``b`` asked so far:
        linear in the text however many quotations share a sentence start."""
        if b <= a:
            return False
        scanned, first = self._alnum.get(a, (a, -1))
        if first < 0 and scanned < b:
            m = _ALNUM.search(self.unit.text, scanned, b)
            scanned, first = b, (m.start() if m else -1)
            self._alnum[a] = (scanned, first)
        return 0 <= first < b

    def sentence_text(self, first: int, last: int) -> str:
        """The text of sentences ``first`` .. ``last`` (one string object per pair)."""
        if (first, last) not in self._texts:
            try:
                start, end = self.sentences.bounds(first)[0], self.sentences.bounds(last)[1]
                self._texts[first, last] = self.unit.text[start:end]
            except KeyError:
                self._texts[first, last] = self.unit.text
        return self._texts[first, last]

    def sentence_around(self, first: int, last: int, start: int, end: int) -> str:
        """:meth:`sentence_text`, or for a run-on "sentence" longer than
        :data:`SENTENCE_CHARS` the :data:`SENTENCE_CONTEXT` characters either side of
        ``start`` .. ``end`` (a quotation or a verb), marked "…" where cut: every row of the
        table carries its own copy of its sentence, so a whole 300 KB run-on sentence per row
        would make the table's size the square of the article's."""
        full = self.sentence_text(first, last)
        if len(full) <= SENTENCE_CHARS:
            return full
        try:
            begin = self.sentences.bounds(first)[0]
        except KeyError:
            begin = 0
        lo = max(begin, start - SENTENCE_CONTEXT)
        hi = min(begin + len(full), end + SENTENCE_CONTEXT)
        cut_left = "…" if lo > begin else ""
        cut_right = "…" if hi < begin + len(full) else ""
        return cut_left + self.unit.text[lo:hi] + cut_right

    def kind(self, quote: Quote) -> str:
        """``direct`` when the quotation opens its sentence or follows a colon, else
        ``partial``."""
        start = self.sentences.bounds(self.sentences.at(quote.start))[0]
        if not self.has_word(start, quote.start):
            return "direct"
        k = quote.start - 1
        while k > start and quote.start - k < 50 and self.unit.text[k].isspace():
            k -= 1
        return "direct" if self.unit.text[k] == ":" else "partial"


def _media(att: Attribution) -> bool:
    """True when every speaker of ``att`` is a news outlet or agency ("according to local
    media", "the Associated Press reported"): the reporter's source, not the quotation's
    speaker, when another verb of the sentence has a speaker of its own."""
    return all(
        any(w.lower().strip(".,'") in MEDIA_WORDS for w in s.text.split()) for s in att.speakers
    )


def _tight(near: list[Attribution], quote: Quote, text: str) -> Attribution | None:
    """The verb a partial quotation completes: the last verb before it with at most three
    words and no punctuation between ('after it called Tehran's nomination "not viable"',
    'what he described as "spontaneous"'), whatever clause it is in, when the rules found its
    subject; else None."""
    before = [a for a in near if a.end <= quote.start and not _frame(a)]
    if not before or before[-1].subjectless:
        return None
    last = before[-1]
    between = text[last.end : quote.start]
    if len(between.split()) > 3 or any(mark in between for mark in ",;:()"):
        return None
    return last


def _outer(before: list[Attribution], quote: Quote, text: str) -> Attribution | None:
    """The reporting verb whose complement holds a partial quotation and the verbs between
    ('Ann Lee said the UK would conclude there was an "unlawful use of force"': Ann Lee's
    words): the first verb before it in the sentence with a speaker (or that speaker's last
    verb there: "said, adding"), when the nearest verb has
    another subject in that complement that is no person (a body, a country, a document: "the
    government had told", "the verdict confirmed") and no quotation or clause break stands
    between; else None (a person there speaks: "X revealed that Barnier had declared")."""
    before = [a for a in before if not a.subjectless]
    if len(before) < 2:
        return None
    first, last = before[0], before[-1]
    if first.participle or _frame(first):
        return None
    if last.participle:
        return None  # ("rejected ..., calling it"): the nearest verb
    if {s.key for s in last.speakers} <= {s.key for s in first.speakers}:
        # the same speaker: the nearest verb, unless it reports in the first one's clause
        # ("Ann Lee said she had read "..."": what she said)
        near_clause = last.start - first.end <= 40  # (a bounded look: three short words)
        return first if near_clause and _reported_pronoun(text[first.end : last.start]) else None
    if any(s.kind == "person" or s.source == "pronoun" for s in last.speakers):
        return None  # a person inside speaks ("X revealed that Barnier had declared it ...")
    between = text[first.end : quote.start]
    if (
        any(mark in between for mark in ';"\u201c\u201d')
        or ", and " in between
        or ", but " in between
    ):
        return None
    keys = {s.key for s in first.speakers}  # its last verb ("X said, adding the complaint ...")
    return [a for a in before if {s.key for s in a.speakers} == keys][-1]


_SUBJECT_PRONOUNS = frozenset(["he", "she", "we", "i"])  # a person's ("it": the nearest verb)


def _reported_pronoun(between: str) -> bool:
    """True when ``between`` (the words from a reporting verb to the next verb) is a subject
    pronoun of a person opening the reported clause, perhaps after "that" and before an
    auxiliary (" he ", " that she ", " he had "): at most three words, no mark. ("it" is left
    out: 'Acme said it would recommend that ... "..."' keeps the nearest verb.) A free
    relative ("slammed what he called \"...\"") is no reported clause: the quotation is the
    object of the nearer verb.

    >>> _reported_pronoun(" he had "), _reported_pronoun(" that she "), _reported_pronoun(", he ")
    (True, True, False)
    >>> _reported_pronoun(" what he ")
    False
    """
    words = between.split()
    return (
        0 < len(words) <= 3
        and all(w.isalpha() for w in words)
        and any(w.lower() in _SUBJECT_PRONOUNS for w in words[:2])
        and words[0].lower() not in _FREE_RELATIVES
    )


_FREE_RELATIVES = frozenset(["what", "whatever"])  # "what he called": the nearer verb's object


def _that_frame(att: Attribution, quote: Quote, text: UnitText) -> bool:
    """True when ``quote`` is inside the "that" clause right after ``att`` ("that" among the
    five words after the verb, before the quotation: '... adding that it was "unacceptable"')."""
    if att.end > quote.start:
        return False
    words = text.unit.text[att.end : min(quote.start, att.end + 100)].split()  # (bounded)
    return "that" in words[:5]


_COLON_CHARS = 120  # "X said in a statement released on Friday by ...:": the verb's reach


def _colon_verb(near: list[Attribution], quote: Quote, text: str) -> Attribution | None:
    """The verb whose clause a colon closes right before ``quote`` ('Hale said in a statement:
    "..." and acknowledged that ...'; 'According to X, Y jumped up and said: "..."'): the last
    attribution before the quotation, with a speaker, when at most :data:`_COLON_CHARS`
    characters stand between, ending with the colon, and no quotation mark or sentence mark
    among them; else None. The colon hands the quotation to that verb over a nearer verb after
    it and over a sentence-wide frame ("according to").

    >>> from newsframe.framing.speakers import Attribution, Speaker
    >>> from newsframe.framing.quotes import top_level_quotes
    >>> line = 'Hale said in a statement: "We are pleased," and acknowledged the claims.'
    >>> said = Attribution(5, 9, "said", "say", "neutral", (Speaker("Hale", "Hale", "name"),))
    >>> admitted = Attribution(48, 60, "acknowledged", "acknowledge", "evaluative", ())
    >>> _colon_verb([said, admitted], top_level_quotes(line)[0], line).verb
    'said'
    """
    before = [a for a in near if a.end <= quote.start]
    if not before:
        return None
    last = max(before, key=lambda a: a.end)
    if last.subjectless or quote.start - last.end > _COLON_CHARS:
        return None
    between = text[last.end : quote.start]
    if not between.rstrip().endswith(":"):
        return None
    if any(ch in between.rstrip()[:-1] for ch in '.;!?:"\u201c\u201d\u2018\u2019'):
        return None
    return last


def _frames(att: Attribution, quote: Quote, text: UnitText) -> bool:
    """True when ``att`` is a speech frame for ``quote``: a verb whose subject the rules found,
    or one without a subject whose "that" clause holds the quotation ('... told him on Friday
    that he must "quietly accept"') or that is its tag (:func:`_tagged`: '... a "very bad
    mood," the mayor-elect stated'); a verb without a subject makes no other short
    phrase speech."""
    if not att.subjectless or _tagged(quote, text, att):
        return True  # (a tag right after the quotation frames it, its subject unfound or not)
    return _that_frame(att, quote, text) or _pronoun_clause(att, quote, text)


def _pronoun_clause(att: Attribution, quote: Quote, text: UnitText) -> bool:
    """True when ``quote`` follows ``att`` in its sentence and the clause the verb reports
    opens right after it with a person's subject pronoun and a word, "that" left out ('Mrs
    Lee, said she found it "hard to believe"'): the quotation is inside what the verb reports,
    as in a "that" clause (:func:`_that_frame`).

    >>> from newsframe.framing._units import Unit
    >>> from newsframe.framing.quotes import top_level_quotes
    >>> from newsframe.framing.speakers import Attribution
    >>> line = 'Ann Lee, said she found it "hard to believe" at first.'
    >>> unit = UnitText(Unit("body", 0, line, ((0, 0, len(line)),)))
    >>> said = Attribution(9, 13, "said", "say", "neutral", ())
    >>> _pronoun_clause(said, top_level_quotes(line)[0], unit)
    True
    """
    if att.end > quote.start or text.sentences.at(att.start) != text.sentences.at(quote.start):
        return False
    between = text.unit.text[att.end : min(quote.start, att.end + 100)]
    words = between.split()[:2]
    return (
        between[:1] == " "
        and len(words) == 2
        and words[0].lower() in _SUBJECT_PRONOUNS
        and words[1].isalpha()
    )


def _frame(att: Attribution) -> bool:
    """A frame that governs its whole sentence: "Y quoted X as saying", "according to X"."""
    return " as " in att.verb or att.lemma == "according to"


#: A row's ``sentence`` is its whole sentence up to this many characters (prose sentences are
#: far shorter); a longer run-on "sentence" is given as the :data:`SENTENCE_CONTEXT`
#: characters either side of the row's quotation or verb.
SENTENCE_CHARS = 5_000
SENTENCE_CONTEXT = 2_000


#: A quotation weighs at most this many of its sentences' attributions on either side of it:
#: every one in any sentence that reads as prose, and a bounded number in a run-on "sentence"
#: of thousands of reporting verbs (so the work stays linear in the quotations).
_NEAR_ATTRIBUTIONS = 32


class _Owners:
    """Finds the attribution a quotation belongs to by binary search over a unit's verbs."""

    def __init__(self, text: UnitText, found: list[Attribution]) -> None:
        self.text = text
        self.found = found
        self.sentence_of = [text.sentences.at(a.start) for a in self.found]
        self.starts = [a.start for a in self.found]

    def in_sentences(self, first: int, last: int, around: int | None = None) -> list[Attribution]:
        """The attributions of sentences ``first`` .. ``last``; with ``around`` (a position),
        only the :data:`_NEAR_ATTRIBUTIONS` on either side of it."""
        lo = bisect_left(self.sentence_of, first)
        hi = bisect_right(self.sentence_of, last)
        if around is not None and hi - lo > 2 * _NEAR_ATTRIBUTIONS:
            k = bisect_left(self.starts, around, lo, hi)  # in lo .. hi
            lo, hi = max(lo, k - _NEAR_ATTRIBUTIONS), min(hi, k + _NEAR_ATTRIBUTIONS)
        return self.found[lo:hi]

    def own(self, quote: Quote, kind: str) -> Attribution | None:
        """The attribution in the quotation's own sentence(s): a sentence-wide frame first; for
        a partial quotation the nearest verb before it (whose complement it is); else the
        nearest verb on either side."""
        sentences = self.text.sentences
        first, last = sentences.at(quote.start), sentences.at(max(quote.end - 1, quote.start))
        near = self.in_sentences(first, last, quote.start)
        if not near:
            return None
        text = self.text.unit.text
        colon = _colon_verb(near, quote, text)
        if colon is not None:
            return colon
        frames = [a for a in near if _frame(a) and not _media(a)]
        others = [a for a in near if not _frame(a) and not a.participle]
        if frames and any(not _media(a) and not a.subjectless for a in others):
            # "Xie Feng, according to a statement, underlined": Xie Feng speaks; a frame after
            # the quotation names the reporter's source ('"...," Ann Lee said, according to X')
            frames = [
                a
                for a in frames
                if a.start < quote.start and any(s.kind != "document" for s in a.speakers)
            ]
        if frames:
            return frames[0]
        every = near
        near = [a for a in near if not a.subordinate] or near
        near = [a for a in near if not (_frame(a) and _media(a))] or near  # a reporter's source
        before = [a for a in near if a.end <= quote.start]
        if kind == "partial" and before:  # 'X said the talks were "useful" but added ...'
            near = before  # (a participle counts here: 'adding that it was "late"')
            outer = _outer(near, quote, text) or _tight(every, quote, text)
            if outer is not None:
                return outer
        else:  # a participle introduces a quotation only through a colon ("..., telling
            # a committee: '...'")
            near = [
                a
                for a in near
                if not a.participle or (a.end <= quote.start and ":" in text[a.end : quote.start])
            ]
            if not near:
                return None
        # a verb with a subject first, but never past the participle whose "that" clause
        # holds the quotation ('viewed it as "a step" adding that it is "unacceptable"':
        # adding's, its comma left out; "reports that ..." may be a noun)
        last_before = max((a for a in near if a.end <= quote.start), key=lambda a: a.end,
                          default=None)  # fmt: skip
        near = [
            a
            for a in near
            if not a.subjectless
            or (a is last_before and a.verb.endswith("ing") and _that_frame(a, quote, self.text))
        ] or near

        def distance(a: Attribution) -> tuple[int, int]:
            gap = quote.start - a.end if a.end <= quote.start else max(a.start - quote.end, 0)
            return gap, a.start

        return min(near, key=distance)

    def tag_after(self, quote: Quote, index: QuoteIndex) -> Attribution | None:
        """The speaker tag right after a quotation that ends with "!" or "?" when the sentence
        splitter put the tag in a sentence of its own ('"We did it!" the team said.')."""
        if not quote.text.endswith(("!", "?")):
            return None
        sentences = self.text.sentences
        k = sentences.position[sentences.at(max(quote.end - 1, quote.start))] + 1
        if k >= len(sentences.ids) or sentences.starts[k] - quote.end > 2:
            return None
        start, end = sentences.starts[k], sentences.ends[k]
        if any(q.start < end for q in index.quotes[bisect_left(index.starts, start) :][:1]):
            return None  # the next sentence quotes someone itself
        near = self.in_sentences(sentences.ids[k], sentences.ids[k])
        return near[0] if near and not near[0].participle else None

    def in_window(self, quote: Quote, width: int) -> list[Attribution]:
        """The attributions of the quotation's sentences and the ``width`` sentences before,
        with a named speaker (never one of a later sentence: see :meth:`own`)."""
        sentences = self.text.sentences
        first = sentences.position[sentences.at(quote.start)]
        lo = sentences.ids[max(first - width, 0)]
        hi = sentences.at(max(quote.end - 1, quote.start))
        return [
            a
            for a in self.in_sentences(lo, hi, quote.start)
            if any(s.source not in ("unresolved", "pending") for s in a.speakers)
        ]

    def introducing(self, quote: Quote) -> Attribution | None:
        """The last attribution of the sentence before the quotation when that sentence ends
        with a colon ("He said:") or an ellipsis standing for one ("He goes on ...") -- never
        one from a later sentence."""
        sentences = self.text.sentences
        first = sentences.at(quote.start)
        k = sentences.position[first]
        if k == 0:
            return None
        previous = sentences.ids[k - 1]
        start, end = sentences.bounds(previous)
        if not self.text.unit.text[max(start, end - 50) : end].rstrip().endswith(_INTRODUCES):
            return None
        near = self.in_sentences(previous, previous)
        return near[-1] if near else None


_INTRODUCES = (":", "\u2026", "...")  # what ends a sentence that introduces the next quotation


# a quoted phrase right after one of these words is a name or a term, whoever speaks nearby
LABEL_CUES = frozenset(
    ["term", "terms", "word", "words", "phrase", "expression", "slogan", "label", "name",
     "motto", "title", "song", "hashtag", "nickname", "dubbed", "so-called", "termed",
     "labelled", "labeled", "known as", "so called", "catchphrase", "banner",
     # a work's title after the verb that gives it ('a memo entitled "..."', 'a report
     # titled "..."', 'an editorial headlined "..."')
     "entitled", "titled", "headlined",

     # a song's title after its singing ('a choir singing "..."')
     "sing", "sings", "sang", "sung", "singing"]
)  # fmt: skip
# before a quoted modifier of a noun ('the "hostile" reports'): a determiner or a possessive
_MODIFIED = frozenset(["the", "a", "an", "this", "these", "those", "its", "their", "his", "her",
                       "our", "my", "your"])  # fmt: skip
_NOT_NOUN = frozenset(["and", "or", "but", "nor", "than", "as", "that", "which", "who", "is",
                       "are", "was", "were", "has", "have", "had", "will", "would"]) | frozenset(
    ["of", "for", "from", "to", "at", "in", "on", "by", "with", "about", "over", "into",
     # a preposition or a determiner after the quoted words is no noun they modify ('for
     # "lying" during the hearing', 'for "damaging" the treasury', '"end abuses" within FIFA')
     "during", "within", "without", "against", "through", "amid", "despite", "across",
     "toward", "towards", "until", "since", "the", "a", "an", "its", "their", "his", "her",
     # a conjunction or a relative word opens a clause after them ('called it a "grave
     # mistake" while ...', 'accused him of "acting so smug" when he ...')
     "while", "when", "whereas", "where", "because", "although", "though", "if", "unless",
     "whom", "whose", "what", "after", "before",
     # a subject pronoun opens a relative clause ('sacked for the "lies" he told'):
     # a pronoun is no noun that quoted words modify
     "he", "she", "they", "we", "i", "it", "you"]
)  # fmt: skip


_PREPOSITIONS = frozenset(["of", "for", "to", "at", "in", "on", "with", "about", "against",
                           "from", "by", "over", "under", "into", "without", "toward"])  # fmt: skip
NOUN_SLOT_WORDS = 6  # a quoted noun phrase after a determiner or preposition: a label up to this
_NOUN_SLOT = frozenset(["the", "a", "an", "this", "of", "to", "for", "with", "on", "against"])
# possessive determiners: the quoted words after one fill the slot of the owner's noun
_OWNERS = frozenset(["his", "her", "its", "their", "our", "my", "your"])


def _word_before(quote: Quote, text: UnitText) -> str:
    """The word right before a quotation's opening mark (lowercase), or ""."""
    before = text.unit.text[max(quote.start - 30, 0) : quote.start].split()[-1:]
    return before[0].lower() if before and before[0].isalpha() else ""


def _after_possessive(quote: Quote, text: UnitText) -> bool:
    """True when a name's possessive stands right before a quotation's opening mark
    ('Microsoft's "new research team"'): the quoted words fill the noun's slot it opens.

    >>> from newsframe.framing._units import Unit
    >>> from newsframe.framing.quotes import top_level_quotes
    >>> line = 'She will lead Acme\u2019s "new advanced AI research team."'
    >>> _after_possessive(top_level_quotes(line)[0], UnitText(Unit("body", 0, line, ((0, 0, len(line)),))))
    True
    """
    before = text.unit.text[max(quote.start - 30, 0) : quote.start].split()[-1:]
    return bool(before) and before[0][:1].isupper() and before[0].endswith(_POSSESSIVES)


_POSSESSIVES = ("'s", "\u2019s", "s'", "s\u2019")


_FINITE = frozenset(["was", "were", "is", "are", "has", "have", "had"])


def _in_subject(quote: Quote, text: UnitText) -> bool:
    """True for a closed quotation inside its sentence whose next word, after a space, is a
    finite "be" or "have" ('The officers found to be "responsible for the abuse" were fired'):
    the quoted words end the subject of a clause that reports no one, a description the
    writer cites, whatever its length (called only when no speech frame credits it); a
    question or an exclamation ('the remark she made about "why are they here?" was ...') is
    someone's words.

    >>> from newsframe.framing._units import Unit
    >>> from newsframe.framing.quotes import top_level_quotes
    >>> line = 'Staff found to be "at fault for the delay" were let go. It was "a mess" all week.'
    >>> [_in_subject(q, UnitText(Unit("body", 0, line, ((0, 0, len(line)),))))
    ...  for q in top_level_quotes(line)]
    [True, False]
    """
    line = text.unit.text
    if (
        not quote.closed
        or quote.text.endswith(("?", "!"))  # a question or an exclamation: someone's words
        or text.kind(quote) != "partial"
        or not line[quote.end : quote.end + 1].isspace()
    ):
        return False
    after = line[quote.end : quote.end + 20].split()[:1]
    return bool(after) and after[0] in _FINITE


def _possessed(quote: Quote, text: UnitText) -> bool:
    """True for a closed quotation of at most :data:`NOUN_SLOT_WORDS` words (no "!" or "?", no
    clause word but "not") between a possessive (a name's, or "his", "its", "their" ...) and a
    lowercase noun: it modifies the owner's noun ('Mr Lane's "hopeless" jibe', 'with its "not
    guilty" verdicts'), a label; quoted words that a verb's past form follows are a subject
    ('his "own flaws" brought him down') and stay speech.

    >>> from newsframe.framing._units import Unit
    >>> from newsframe.framing.quotes import top_level_quotes
    >>> line = 'The jury, with its "not guilty" verdicts, agreed; his "own flaws" brought him down.'
    >>> [_possessed(q, UnitText(Unit("body", 0, line, ((0, 0, len(line)),))))
    ...  for q in top_level_quotes(line)]
    [True, False]
    """
    words = quote.text.rstrip(",.;:").split()
    if not quote.closed or not 0 < len(words) <= NOUN_SLOT_WORDS or quote.text[-1:] in "!?":
        return False
    if any(w in _CLAUSE_WORDS and w != "not" for w in _WORD.findall(quote.text.lower())):
        return False
    if _word_before(quote, text) not in _OWNERS and not _after_possessive(quote, text):
        return False
    return _noun_after(quote, text)


#: Nouns of a work whose title follows them in quotation marks ('his podcast series "The Rest
#: Is Politics"', 'the film "Heat"'): the quoted words name it, whatever they say.
WORK_NOUNS = frozenset(["series", "show", "programme", "program", "podcast", "film", "movie",
                        "book", "novel", "album", "documentary", "play", "musical", "episode",
                        "column", "newsletter", "campaign", "drama", "sitcom", "sequel",
                        "prequel", "comedy", "thriller", "opera", "poem", "magazine"])  # fmt: skip


def _titled_work(quote: Quote, text: UnitText) -> bool:
    """True for a closed quotation of at most :data:`NOUN_SLOT_WORDS` words right after a noun
    of :data:`WORK_NOUNS` with no mark between ('whose podcast series 'The Rest is Politics' is
    produced by ...'): the work's title, a label (no sentence mark inside, none after "!")."""
    words = quote.text.rstrip(",.;:").split()
    if not quote.closed or not 0 < len(words) <= NOUN_SLOT_WORDS or "." in quote.text[:-1]:
        return False
    before = text.unit.text[max(quote.start - 30, 0) : quote.start]
    last = before.split()[-1:]
    return bool(last) and before[-1:].isspace() and last[0] in WORK_NOUNS


def _cued(quote: Quote, text: UnitText) -> bool:
    """True when the one or two words right before a quotation (and an article) are a
    :data:`LABEL_CUES` entry ('the term "..."', 'known as "..."', 'so-called "..."', 'described
    as a "..."'): the quotation names a term.

    >>> from newsframe.framing._units import Unit
    >>> from newsframe.framing.quotes import top_level_quotes
    >>> line = 'It became known as "the long night" at once.'
    >>> _cued(top_level_quotes(line)[0], UnitText(Unit("body", 0, line, ((0, 0, len(line)),))))
    True
    """
    before = text.unit.text[max(quote.start - 60, 0) : quote.start].split()[-7:]
    if before and before[-1].lower() in ("a", "an", "the"):
        before = before[:-1]  # an article between: 'described as a "..."'
    if not before or not before[-1].replace("-", "").isalpha():
        return False
    if _passive_naming([w.lower() for w in before]):
        return True
    return before[-1].lower() in LABEL_CUES or " ".join(before[-2:]).lower() in LABEL_CUES


def _agent_after(quote: Quote, text: UnitText, att: Attribution) -> bool:
    """True when ``att``, the quotation's speech frame, is a passive naming participle right
    before it (an article between at most: 'was labelled "..."', 'has been dubbed a "..."')
    and "by" follows the closing mark: the agent after it ('was labelled "reckless" by Ann
    Lee') is the one who used the words, so the quotation is theirs, not a term the writer
    cites.

    >>> from newsframe.framing._units import Unit
    >>> from newsframe.framing.quotes import top_level_quotes
    >>> from newsframe.framing.speakers import Attribution
    >>> line = 'It was labelled "reckless" by Ann Lee.'
    >>> unit = UnitText(Unit("body", 0, line, ((0, 0, len(line)),)))
    >>> labelled = Attribution(3, 15, "was labelled", "label", "neutral", ())
    >>> _agent_after(top_level_quotes(line)[0], unit, labelled)
    True
    """
    if att.end > quote.start or len(text.unit.text[att.end : quote.start].split()) > 1:
        return False  # the frame is another verb: the words are not the agent's
    before = text.unit.text[max(quote.start - 40, 0) : quote.start].split()[-2:]
    if before and before[-1].lower() in ("a", "an", "the"):
        before = before[:-1]
    if not before or not before[-1].lower().endswith("ed"):
        return False
    after = text.unit.text[quote.end : quote.end + 20].split()
    return len(after) >= 2 and after[0] == "by" and after[1][:1].isalpha()


# a passive naming frame: 'has been referred to as "..."', 'is often described as a "..."' (a
# name the text reports); the active frame is its subject's words ('X described the plan as
# "..."', 'which he described as "..."')
_NAMING_FRAMES = (("described", "as"), ("referred", "to", "as"))
_PASSIVE = frozenset(["is", "are", "was", "were", "be", "been", "being"])


def _passive_naming(words: list[str]) -> bool:
    """True when lowercase ``words`` end with a naming verb's passive: an auxiliary of the
    passive, perhaps an adverb in -ly, then a frame of :data:`_NAMING_FRAMES`.

    >>> _passive_naming("it has been described as".split()), _passive_naming("which he described as".split())
    (True, False)
    >>> _passive_naming("she is widely referred to as".split())
    True
    """
    for frame in _NAMING_FRAMES:
        n = len(frame)
        if tuple(words[-n:]) != frame or len(words) <= n:
            continue
        aux = words[-n - 1]
        if aux.endswith("ly") and len(words) > n + 1:
            aux = words[-n - 2]
        if aux in _PASSIVE:
            return True
    return False


def _short_phrase(quote: Quote, text: UnitText, *, framed: bool = True) -> bool:
    """A closed quoted noun phrase of at most :data:`LABEL_WORDS` words (no pronoun, auxiliary
    or negation; no "!" or "?") that shares its sentence with the reporter's words and follows
    no colon; when no speech frame credits it (not ``framed``), up to :data:`NOUN_SLOT_WORDS`
    words if a determiner or a preposition outside the marks puts it in a noun's slot ('a
    protest to the "head of the American embassy"') or a possessive ('her "cruel, calculated
    and cynical campaign" of murder'). A short quotation that is a sentence of
    its own is speech. After a word that names a term (:func:`_cued`: 'what became known as
    "the slap heard around the world"') the phrase may be as long as in a noun's slot."""
    limit = LABEL_WORDS
    slot = not framed and (
        _word_before(quote, text) in _NOUN_SLOT | _OWNERS or _after_possessive(quote, text)
    )
    if (slot or _cued(quote, text)) and LABEL_WORDS < quote.words <= NOUN_SLOT_WORDS:
        limit = NOUN_SLOT_WORDS
    if not quote.closed or not 0 < quote.words <= limit or quote.text.endswith(("!", "?")):
        return False
    if any(w in _CLAUSE_WORDS for w in _WORD.findall(quote.text.lower())):
        return False
    if text.unit.text[max(quote.start - 50, 0) : quote.start].rstrip().endswith(":"):
        return False
    start, end = text.sentences.bounds(text.sentences.at(quote.start))
    return text.has_word(start, quote.start) or text.has_word(quote.end, max(end, quote.end))


_TAG_WORDS = 4  # '"...," said the deputy minister': words between a quotation and its tag


def _written(att: Attribution) -> bool:
    """True for words an inscription bears: a banner, a sign or a T-shirt that "read" or
    "said" them (a thing says nothing: 'a banner that said "..."' is the banner's text)."""
    return att.lemma in ("read", "say") and all(s.kind == "inscription" for s in att.speakers)


NICKNAME_WORDS = 3  # 'Cerelyn "CJ" Davis': a quoted nickname between two names, at most this


def _nickname(quote: Quote, text: UnitText) -> bool:
    """True for a closed quotation of one to :data:`NICKNAME_WORDS` capitalised words between
    two capitalised words with only a space on either side (a given name and a surname: 'Police
    Director Cerelyn "CJ" Davis said'): a person's nickname, part of the name, nobody's speech.

    >>> from newsframe.framing._units import Unit
    >>> from newsframe.framing.quotes import top_level_quotes
    >>> line = 'Chief Ann "Red" Moss said so, and "Red" was right.'
    >>> [_nickname(q, UnitText(Unit("body", 0, line, ((0, 0, len(line)),))))
    ...  for q in top_level_quotes(line)]
    [True, False]
    """
    words = quote.text.split()
    if not quote.closed or not 0 < len(words) <= NICKNAME_WORDS or text.unit.part == "headline":
        return False  # (a headline capitalises every word: 'Has "No Conflicts," Says X')
    if not text.unit.text[quote.end - 2 : quote.end - 1].isalnum():
        return False  # a mark ends the quoted words: a clause, never a name's part
    if not all(w[:1].isupper() and w.replace(".", "").replace("-", "").isalpha() for w in words):
        return False
    line = text.unit.text
    before, after = line[max(quote.start - 30, 0) : quote.start], line[quote.end : quote.end + 30]
    if not (before.endswith(" ") and after.startswith(" ")) or before[-2:-1].isspace():
        return False
    last, nxt = before.split()[-1:], after.split()[:1]
    return (
        bool(last and nxt)
        and last[0].isalpha()
        and last[0][:1].isupper()
        and nxt[0].rstrip(".,;:'’s").isalpha()
        and nxt[0][:1].isupper()
    )


_SMALL = frozenset(["of", "the", "and", "for", "in", "on", "a", "an", "to", "at", "with", "&"])


def _title_cased(quote: Quote, text: UnitText, *, framed: bool = True) -> bool:
    """True for a closed quoted phrase of one to :data:`NOUN_SLOT_WORDS` words in title case
    (every word but "of", "the", "and" ... capitalised; one word neither "I" nor a clause word)
    right after a preposition, with no sentence mark inside: the name of a show, a book or an
    operation ('appeared on "Fox and Friends,"', 'a role in "Operation Sea Guard"', 'his work
    on "Harbour."'), which nobody says; so is such a phrase
    after a name's possessive ('told the network's "Morning Desk," "..."') and, when no
    speech frame credits it (not ``framed``), one of two or more words that modifies the noun
    after it ('our regular "Letters Page" feature', :func:`_noun_after`). (After "the" such a
    phrase may be the speaker's own coinage: 'claimed they were the "Madoffs of Manhattan"'.)
    """
    words = quote.text.rstrip(",.;:").split()
    if not quote.closed or not 1 <= len(words) <= NOUN_SLOT_WORDS or "." in quote.text[:-1]:
        return False
    if quote.text.endswith(("!", "?")) or not all(
        w[:1].isupper() or w.lower() in _SMALL for w in words
    ):
        return False
    if not all(w[:1].isalpha() for w in words) or not words[-1][:1].isupper():
        return False
    if len(words) == 1 and (  # one word: a name ('on "Harbour"'), never "I" or a clause word
        words[0].lower() in _CLAUSE_WORDS or not words[0].replace("-", "").isalpha()
    ):
        return False
    if _word_before(quote, text) in _PREPOSITIONS or _after_possessive(quote, text):
        return True
    return len(words) > 1 and not framed and _noun_after(quote, text)


TITLE_WORDS = 12  # a quotation in title case of three to this many words: a title


def _headline_case(quote: Quote, text: UnitText) -> bool:
    """True for a closed quotation of three to :data:`TITLE_WORDS` words in title case (every
    word capitalised but "of", "the", "and" ..., the last one capitalised), not all in capitals
    and not ending with "!" or "?", in a paragraph of the body: the title of a work, a report,
    a motto or an inscription ('a memo entitled "Putting Pupils First Again"',
    'This is "Built on Hard Work Alone"', 'a wall reads, "Neighbour, Baker, Friend."'), which
    nobody says, whatever frames it. People's words are written in sentence case; a chant or a
    shout ends with "!"; a headline capitalises every word; after "the" or "a" such a phrase
    may be the speaker's coinage ('called them the "Sultans of Suburbia"'). Brackets around a
    subtitle are no words of their own ('won for "Tide Lines (Come Home Again)"').

    >>> from newsframe.framing._units import Unit
    >>> from newsframe.framing.quotes import top_level_quotes
    >>> line = 'It read "A Call for Calm in the City." She said "Calm down in the city."'
    >>> [_headline_case(q, UnitText(Unit("body", 0, line, ((0, 0, len(line)),))))
    ...  for q in top_level_quotes(line)]
    [True, False]
    """
    if text.unit.part == "headline" or _word_before(quote, text) in ("the", "a", "an"):
        return False
    # a subtitle in brackets is part of the title ('"Tide Lines (Come Home Again)"')
    words = [w.strip("()[]") for w in quote.text.rstrip(",.;:").split()]
    words = [w for w in words if w]
    if not quote.closed or not 3 <= len(words) <= TITLE_WORDS or quote.text.endswith(("!", "?")):
        return False
    if quote.text.isupper() or not words[-1][:1].isupper():
        return False
    return all(w[:1].isupper() or w.lower() in _SMALL for w in words)


def _named_modifier(quote: Quote, text: UnitText) -> bool:
    """True for a closed quotation of one capitalised word (letters, perhaps a hyphen) inside
    its sentence, not its first word, with a lowercase noun right after it: a name that
    modifies the noun, the title of a film, a plan or an operation ('the tragic
    "Harbour" shooting', 'the "Lakeside" plan'), nobody's words whoever speaks in the sentence
    (a word capitalised mid-sentence is a name; "I" is none). The noun is a lowercase word
    that is no conjunction, preposition, determiner, "-ly" adverb or past form; after a name an
    "-ing" word is a noun.

    >>> from newsframe.framing._units import Unit
    >>> from newsframe.framing.quotes import top_level_quotes
    >>> line = 'He left the "Harbour" set, and said "Sorry" to her.'
    >>> [_named_modifier(q, UnitText(Unit("body", 0, line, ((0, 0, len(line)),))))
    ...  for q in top_level_quotes(line)]
    [True, False]
    """
    word = quote.text
    if not quote.closed or len(word) < 2 or not word[:1].isupper() or word == "I":
        return False
    if not word.replace("-", "").isalpha():
        return False
    start = text.sentences.bounds(text.sentences.at(quote.start))[0]
    if not text.has_word(start, quote.start):
        return False
    word = _word_after(text.unit.text, quote.end)
    # (after a name an "-ing" word is a noun: 'the "Harbour" shooting that killed ...')
    return word is not None and (word.endswith("ing") or not _past_form(word))


def _possessor(quote: Quote, text: UnitText) -> bool:
    """True for a closed quotation of at most :data:`NICKNAME_WORDS` words that ends with a
    possessive ("'s") inside the marks, a word right after the closing mark and a space: the
    quoted words own the noun after them ('told "Dawn Desk's" Ann Lee', 'the "people's" vote'), a
    name or a term that determines a noun, never a clause of someone's.

    >>> from newsframe.framing._units import Unit
    >>> from newsframe.framing.quotes import top_level_quotes
    >>> line = 'He told "Daybreak\u2019s" Ann Lee so. She said "it\u2019s".'
    >>> [_possessor(q, UnitText(Unit("body", 0, line, ((0, 0, len(line)),))))
    ...  for q in top_level_quotes(line)]
    [True, False]
    """
    words = quote.text.split()
    if not quote.closed or not 0 < len(words) <= NICKNAME_WORDS:
        return False
    if not words[-1].lower().endswith(_POSSESSIVES[:2]) or words[-1].lower() in _CONTRACTED:
        return False
    after = text.unit.text[quote.end : quote.end + 2]
    return after[:1] == " " and after[1:].isalpha()


#: Forms of the verbs whose first object is the one addressed ('told reporters', 'informed
#: the court'): quoted words right after one, with no addressee between, name whom it addresses.
ADDRESSEE_VERBS = frozenset(["tell", "tells", "told", "telling", "inform", "informs", "informed",
                             "informing", "brief", "briefs", "briefed", "briefing"])  # fmt: skip


def _addressee(quote: Quote, text: UnitText) -> bool:
    """True for a closed quotation of at most :data:`LABEL_WORDS` words (no clause word, no
    sentence mark inside, no "!" or "?") right after a verb of :data:`ADDRESSEE_VERBS` with a
    space between, its sentence going on after it: it stands in the slot of the one told, a
    programme or an outlet ('Lee told "Morning Desk" on Sunday'), a name, not the words told
    (those follow the addressee: 'told reporters "..."').

    >>> from newsframe.framing._units import Unit
    >>> from newsframe.framing.quotes import top_level_quotes
    >>> line = 'Lee told "Night Desk" on Sunday. Rowe told "no comment".'
    >>> [_addressee(q, UnitText(Unit("body", 0, line, ((0, 0, len(line)),))))
    ...  for q in top_level_quotes(line)]
    [True, False]
    """
    inner = quote.text.strip()
    if not quote.closed or not 0 < len(inner.split()) <= LABEL_WORDS or inner[-1:] in "!?":
        return False
    if any(ch in inner.rstrip(".,") for ch in ".;:!?") or any(
        w in _CLAUSE_WORDS for w in _WORD.findall(inner.lower())
    ):
        return False
    before = text.unit.text[max(quote.start - 30, 0) : quote.start]
    if not before.endswith(" ") or before.rstrip()[-1:] in ",;:":
        return False
    if _word_before(quote, text) not in ADDRESSEE_VERBS:
        return False
    end = text.sentences.bounds(text.sentences.at(quote.start))[1]
    return text.has_word(quote.end, max(end, quote.end))


# "'s" ending a contraction, not a possessive ("it's", "that's", "he's", "there's", "what's")
_CONTRACTED = frozenset(
    w + s
    for w in ("it", "that", "he", "she", "there", "what", "here", "who", "let")
    for s in _POSSESSIVES[:2]
)


def _noun_after(quote: Quote, text: UnitText) -> bool:
    """True when a lowercase word that reads as a noun follows a quotation after a space (no
    conjunction, preposition, auxiliary, verb's past form or "-ly" adverb): the quoted words
    modify it ('our regular "Letters Page" feature', 'its "not guilty" verdicts')."""
    line = text.unit.text
    return _word_after(line, quote.end) is not None and not _verb_after(line, quote.end)


def _word_after(line: str, end: int) -> str | None:
    """The word after a quotation ending at ``end`` when it may be a noun the quoted words
    modify: after a space, lowercase letters only, no conjunction, preposition or auxiliary
    (:data:`_NOT_NOUN`), no "-ly" adverb; else None (a mark after the quotation: no noun)."""
    if not line[end : end + 1].isspace():
        return None
    after = [w.rstrip(".,;:") for w in line[end : end + 40].split()[:1]]
    if not after:
        return None
    word = after[0]
    ok = word.isalpha() and word.islower() and word not in _NOT_NOUN and not word.endswith("ly")
    return word if ok else None


# quantities before "of": a part of what follows, the speaker's words ('one of "absolute
# carnage"'), never a noun it names
_PARTITIVE = frozenset(["one", "some", "many", "most", "all", "each", "any", "none", "both",
                        "part", "much", "more", "less", "few", "several",
                        # an object pronoun is a verb's ('accused him of "..."')
                        "him", "her", "them", "it", "us", "me", "you", "himself", "herself",
                        "themselves", "itself"])  # fmt: skip


def _noun_of(word: str) -> bool:
    """True for a lowercase word before "of" that reads as a noun, not a verb or a quantity
    ("allegations", "charge", "lack"; never "accused", "warning", "one", "him"): a quoted phrase after
    "<noun> of" names what the noun is about, a label ('allegations of "fraud"').

    >>> _noun_of("allegations"), _noun_of("accused"), _noun_of("one"), _noun_of("Morrison")
    (True, False, False, False)
    """
    return (
        word.isalpha()
        and word.islower()
        and not word.endswith(("ing", "ed"))
        and word not in _PARTITIVE
    )


def _speech_frame(
    quote: Quote, text: UnitText, att: Attribution | None, index: QuoteIndex | None = None
) -> Attribution | None:
    """The attribution that frames ``quote`` as speech, or None: ``att`` (the quotation's own
    verb) unless it frames nothing (:func:`_frames`), or it is a verb after the quotation that
    another quotation of ``index`` stands between, its tag right after that one ('A "totally
    accidental" entry: "The facts are clear," said Xie'). Words on a banner keep their
    frame (:func:`_written`)."""
    if att is None or not _frames(att, quote, text):
        return None
    if _written(att):
        return att
    if index is not None and att.start >= quote.end:
        k = bisect_right(index.starts, quote.start)
        last = bisect_right(index.starts, att.start) - 1  # the last quotation before the verb
        tag = index.quotes[last].end if last >= k else -1
        if tag >= 0 and len(text.unit.text[tag : att.start].split()) <= _TAG_WORDS:
            return None  # a tag right after the quotation between credits that one, not this
    return att


_TAG_SPEAKER_WORDS = 6  # '"...," Deputy Foreign Minister Ann Lee said': words before the verb


def _tagged(quote: Quote, text: UnitText, att: Attribution) -> bool:
    """True when ``att`` is the speaker tag right after ``quote``: the quoted words end with a
    comma (inside the marks or right after them) and the verb follows in the same sentence
    with at most :data:`_TAG_SPEAKER_WORDS` words and no other mark between ('... due to
    "a design fault," the minister said'; '... a "loop," said Ann Lee'). The inversion is a
    speech frame of its own (issue 19: "a quote-then-verb inversion"): the tag makes the whole
    clause before it the speaker's words, so the quoted words in a noun's slot there are
    theirs, not a label.

    >>> from newsframe.framing._units import Unit
    >>> from newsframe.framing.quotes import top_level_quotes
    >>> from newsframe.framing.speakers import Attribution
    >>> line = 'It broke because of "a design fault," Ann Lee said.'
    >>> unit = UnitText(Unit("body", 0, line, ((0, 0, len(line)),)))
    >>> said = Attribution(43, 47, "said", "say", "neutral", ())
    >>> _tagged(top_level_quotes(line)[0], unit, said)
    True
    """
    if att.start < quote.end or not quote.closed or att.start - quote.end > 120:
        return False  # (six words of a tag are far fewer characters)
    line = text.unit.text
    between = line[quote.end : att.start]
    inside = line[quote.start : quote.end - len(quote.mark) * quote.closed].rstrip()
    tag = between.lstrip()
    comma = inside.endswith(",") or tag.startswith(",")
    tag = tag[1:] if tag.startswith(",") else tag  # (one comma opens the tag; none inside it)
    if not comma or any(ch in tag for ch in ',.;:!?"\u201c\u201d()'):
        return False
    if text.sentences.at(quote.start) != text.sentences.at(att.start):
        return False
    return len(between.split()) <= _TAG_SPEAKER_WORDS


def _label_rule(
    quote: Quote,
    text: UnitText,
    att: Attribution | None,
    frames: dict[tuple[str, ...], str] | None = None,
) -> str:
    """The hand rule that makes a quotation a label rather than speech, or "" (speech);
    ``att`` is its speech frame (:func:`_speech_frame`), ``frames`` the verb table's frames
    (``ReportingVerbs.frames``: a quotation after its verb's frame word, 'likened the
    allegations to a "calculated attack" on India', is that verb's complement, never the
    prepositional slot of a noun).

    - ``inscription``: words written on a thing ('banners reading "..."', 'T-shirts that read
      "..."': every speaker of the frame an inscription of the speaker table) are a slogan,
      whatever their length;
    - ``title_case``: a name in title case after a preposition (:func:`_title_cased`);
    - ``work_title``: the title of a work after its noun ('podcast series "..."',
      :func:`_titled_work`);
    - ``title``: three to :data:`TITLE_WORDS` words in title case (:func:`_headline_case`),
      framed or not;
    - ``name_modifier``: one capitalised word inside its sentence before a noun it modifies
      ('the tragic "Harbour" shooting', :func:`_named_modifier`), framed or not;
    - ``possessor``: quoted words ending with a possessive before the noun they own ('told
      "Dawn Desk's" Ann Lee', :func:`_possessor`);
    - ``nickname``: a nickname between a given name and a surname (:func:`_nickname`);
    - ``addressee``: a name in the slot of the one told, right after "told" ('told "Night
      Desk" on Sunday', :func:`_addressee`), framed or not;
    - ``possessed``: words between a possessive and the noun they modify ('Mr Lane's "hopeless"
      jibe', :func:`_possessed`), unless the reporting verb comes after them;
    - a short noun phrase (:func:`_short_phrase`) is a label when no speech frame credits it
      (``no_frame``), when it names a term (``cue``: 'the term "treated water"', 'the song
      "Katyusha"', 'so-called "peace plan"'), when it names what a noun is about
      (``noun_of``: 'allegations of "fraud"'; not after its verb's frame word, 'accused the
      mayor of "neglect"', :func:`_after_frame_word`), when it fills a noun's slot after an article
      and the only verb is in a subordinate clause (``subordinate_slot``: 'police fired after
      they declared a "riot"'), when it fills a noun's slot after an article inside an
      indirect question the verb reports (``question_slot``: 'explained what it is like to
      have the "yips"', 'asked why the "reform" was dropped'), when it sits in a noun's slot
      inside a prepositional phrase
      with the reporter's words going on after it (``prepositional``: 'the proposal for a
      "facilitated customs arrangement" opened ...'), or when it modifies the noun after it
      after a determiner or a preposition (``modifier``: 'rejected the "hostile" reports')
      -- unless the reporting verb comes after it, making the whole clause the speaker's
      words ('an "excellent" record, he said'); neither ``prepositional`` nor ``modifier``
      applies inside the clause the verb reports (:func:`_reported_clause`: 'said Lee was in
      a "critical condition" after ...').

    >>> from newsframe.framing._units import Unit
    >>> from newsframe.framing.quotes import top_level_quotes
    >>> line = 'Critics mocked the so-called "peace plan" on Monday.'
    >>> unit = Unit("body", 0, line, ((0, 0, len(line)),))
    >>> _label_rule(top_level_quotes(line)[0], UnitText(unit), None)
    'no_frame'
    """
    if att is not None and _written(att):
        return "inscription"
    if _title_cased(quote, text, framed=att is not None):
        return "title_case"
    if _titled_work(quote, text):
        return "work_title"
    if _headline_case(quote, text):
        return "title"
    if _named_modifier(quote, text):
        return "name_modifier"
    if _possessor(quote, text):
        return "possessor"
    if _nickname(quote, text):
        return "nickname"
    if _addressee(quote, text):
        return "addressee"
    if _possessed(quote, text) and (att is None or att.start < quote.start):
        return "possessed"
    if att is None and _in_subject(quote, text):
        return "subject"
    if not _short_phrase(quote, text, framed=att is not None):
        return ""
    if att is None:
        return "no_frame"
    before = text.unit.text[max(quote.start - 40, 0) : quote.start].split()[-2:]
    if not before or not before[-1].replace("-", "").isalpha():
        return ""  # a mark or a number right before the quotation
    last = before[-1].lower()
    if _cued(quote, text) and not _agent_after(quote, text, att):
        return "cue"
    if _tagged(quote, text, att):
        return ""  # '... in the shape of a "loop," said Ann Lee': the tag credits it
    frame_word = (frames or {}).get(tuple(att.lemma.split()))
    framed = frame_word == before[0].lower()
    if (
        last == "of"
        and len(before) == 2
        and _noun_of(before[0])
        and not _after_frame_word(att, quote, text, frame_word)
    ):
        return "noun_of"  # a noun's complement: 'allegations of "fraud"', 'a lack of "trust"'
    if att.subordinate and last in ("a", "an", "the") and not _own_clause(att, quote, text):
        return "subordinate_slot"  # a noun's slot; the only verb in a clause "after they ..."
    if last in ("a", "an", "the") and att.end <= quote.start:
        between = _WORD.findall(text.unit.text[att.end : quote.start].lower())
        if any(w in _WH_WORDS for w in between):
            return "question_slot"  # 'explaining what it is like to have the "twisties"'
    if (
        len(before) == 2
        and before[0].lower() in _PREPOSITIONS
        and last in _MODIFIED
        and not framed
        and not _reported_clause(att, quote, text)
    ):
        end = text.sentences.bounds(text.sentences.at(quote.start))[1]
        if quote.words <= LABEL_WORDS and text.has_word(quote.end, max(end, quote.end)):
            return "prepositional"  # inside a prepositional phrase, and the sentence goes on
    after = [w.rstrip(".,;:") for w in text.unit.text[quote.end : quote.end + 40].split()[:1]]
    modifier = (
        (last in _MODIFIED or last in _PREPOSITIONS)
        and bool(after)
        and after[0].isalpha()
        and after[0].islower()
        and after[0] not in _NOT_NOUN
        and not _verb_after(text.unit.text, quote.end)
        and att.start < quote.start
        and not _reported_clause(att, quote, text)
    )
    return "modifier" if modifier else ""


_FRAME_OBJECT_WORDS = 6  # 'accused the deputy prime minister of "..."': the verb's object


def _after_frame_word(att: Attribution, quote: Quote, text: UnitText, word: str | None) -> bool:
    """True when ``quote`` comes right after ``word``, the frame word of its verb ``att`` (the
    verb table's ``frame``: "of" for "accuse"), with only the verb's object between, at most
    :data:`_FRAME_OBJECT_WORDS` words and no mark ('accused the prime minister of "..."'): the
    quoted words are the verb's complement, the speaker's, never what a noun is about.

    >>> from newsframe.framing._units import Unit
    >>> from newsframe.framing.quotes import top_level_quotes
    >>> from newsframe.framing.speakers import Attribution
    >>> line = 'Lee accused the mayor of "neglect".'
    >>> accused = Attribution(4, 11, "accused", "accuse", "hostile", ())
    >>> unit = UnitText(Unit("body", 0, line, ((0, 0, len(line)),)))
    >>> _after_frame_word(accused, top_level_quotes(line)[0], unit, "of")
    True
    """
    if not word or att.end > quote.start:
        return False
    between = text.unit.text[att.end : quote.start]
    words = between.split()
    if any(ch in between for ch in ',.;:!?"\u201c\u201d()'):
        return False
    return 0 < len(words) - 1 <= _FRAME_OBJECT_WORDS and words[-1].lower() == word


# the verb of a clause a reporting verb reports ('said Ann Lee was in ...', 'claimed to have
# ...'): an auxiliary, a copula or a modal
_CLAUSE_VERBS = _FINITE | frozenset(["be", "been", "will", "would", "could", "can", "should",
                                     "may", "might", "must"])  # fmt: skip


def _reported_clause(att: Attribution, quote: Quote, text: UnitText) -> bool:
    """True when ``quote`` lies inside the clause its verb ``att`` reports: the verb stands
    before it in its sentence and the words between hold the clause's own verb (an auxiliary,
    a copula or a modal: 'said Ann Lee was in a "critical condition" after ...', 'claimed to
    have proof of the "planned" attack'). A noun's slot there is the speaker's wording, not a
    label the reporter adds (Pareti 2015: the reported content belongs to the source).

    >>> from newsframe.framing._units import Unit
    >>> from newsframe.framing.quotes import top_level_quotes
    >>> from newsframe.framing.speakers import Attribution
    >>> line = 'Ann Lee said Tom was in a "bad state" then, and praised the "new" plan.'
    >>> unit = UnitText(Unit("body", 0, line, ((0, 0, len(line)),)))
    >>> said = Attribution(8, 12, "said", "say", "neutral", ())
    >>> praised = Attribution(48, 55, "praised", "praise", "evaluative", ())
    >>> first, second = top_level_quotes(line)
    >>> _reported_clause(said, first, unit), _reported_clause(praised, second, unit)
    (True, False)
    """
    if att.end > quote.start or text.sentences.at(att.start) != text.sentences.at(quote.start):
        return False
    between = text.unit.text[att.end : quote.start]
    if len(between) > 200 or any(ch in between for ch in '.;:!?"\u201c\u201d'):
        return False  # (bounded; no other quotation or sentence mark between)
    return any(w in _CLAUSE_VERBS for w in _WORD.findall(between.lower()))


def _own_clause(att: Attribution, quote: Quote, text: UnitText) -> bool:
    """True when ``quote`` lies inside a clause that its verb ``att`` reports and that has a
    verb of its own between them: an auxiliary, a copula or a modal (:func:`_reported_clause`)
    or a past form ('after staff claimed the manager created a "climate of fear"'). The words
    are the speaker's account, even when ``att`` itself stands in a subordinate clause; a noun's
    slot right after the verb ('after they declared a "riot"') has no clause of its own.

    >>> from newsframe.framing._units import Unit
    >>> from newsframe.framing.quotes import top_level_quotes
    >>> from newsframe.framing.speakers import Attribution
    >>> line = 'After staff claimed Lee created a "toxic mood", and Rowe declared a "crisis".'
    >>> unit = UnitText(Unit("body", 0, line, ((0, 0, len(line)),)))
    >>> claimed = Attribution(12, 19, "claimed", "claim", "evaluative", ())
    >>> declared = Attribution(57, 65, "declared", "declare", "evaluative", ())
    >>> first, second = top_level_quotes(line)
    >>> _own_clause(claimed, first, unit), _own_clause(declared, second, unit)
    (True, False)
    """
    if _reported_clause(att, quote, text):
        return True
    if att.end > quote.start or text.sentences.at(att.start) != text.sentences.at(quote.start):
        return False
    between = text.unit.text[att.end : quote.start]
    if len(between) > 200 or any(ch in between for ch in ',.;:!?"\u201c\u201d'):
        return False
    words = between.split()
    # the clause's subject first, then its verb: '<subject> created a'
    return len(words) >= 3 and any(_past_form(w) for w in words[1:-1] if w.isalpha())


def _verb_after(line: str, end: int) -> bool:
    """True when the word after ``end`` in ``line`` reads as a verb, not a noun the quoted
    words before it modify: a verb's past form (:func:`_past_form`: 'his "own flaws" brought
    him down'), or an "-ing" form that a conjunction, preposition, determiner or auxiliary
    follows (its complement: 'a "disaster" waiting to happen'). An "-ing" form with a mark
    after it, or a lowercase word that is none of these, is a noun or a noun's modifier
    ('a "clean" continuing resolution', 'the "emergency" meeting,').

    >>> line = 'a "clean" continuing resolution; a "disaster" waiting to happen; "flaws" brought'
    >>> [_verb_after(line, k) for k in (9, 45, 72)]
    [False, True, True]
    """
    words = line[end : end + 60].split()[:2]
    if not words:
        return False
    first = words[0].rstrip(".,;:")
    if first.endswith("ing") and len(first) > 5:
        if first != words[0] or len(words) < 2:
            return False  # a mark ends the phrase after it: a noun ('the "emergency" meeting,')
        nxt = words[1].rstrip(".,;:").lower()
        return nxt in _NOT_NOUN or not nxt.isalpha()
    return _past_form(first)


# words that open an indirect question ('explained what it means to have the "yips"'): what
# the reporting verb reports is the question, not the quoted noun inside it
_WH_WORDS = frozenset(["what", "how", "why", "whether"])


def _past_form(word: str) -> bool:
    """True for a verb's past form ("brought", "claimed"): after quoted words it makes them a
    subject ('his "own flaws" brought him down'), never the modifier of a noun; a plural noun
    ("reports", "children") is none.

    >>> [_past_form(w) for w in ("brought", "claimed", "reports", "plan", "children", "men")]
    [True, True, False, False, False, False]
    """
    if word.endswith("ed") and len(word) > 4:
        return True
    if word.endswith(("s", "en")):  # a plural ("reports", "children", "women")
        return False
    return lemmatize(word) not in (word, "")


_COORDINATORS = frozenset([",", "and", "or", ", and", ", or"])


def _coordinated(previous: Quote, quote: Quote, text: UnitText) -> bool:
    """True when ``quote`` is joined to the quotation before it by a coordinator outside the
    marks (a comma, "and" or "or"): two members of one list share their role, so when the first
    is a label the second is one too ('her habit of "shouting at staff", "slamming doors"').
    Quotations side by side with only a space between (a title, then the words: 'told
    "Night Desk," "We will ..."') are not joined.

    >>> from newsframe.framing._units import Unit
    >>> from newsframe.framing.quotes import top_level_quotes
    >>> line = 'A "red line" and "no go" zone; "Desk," "We will."'
    >>> unit = UnitText(Unit("body", 0, line, ((0, 0, len(line)),)))
    >>> q = top_level_quotes(line)
    >>> _coordinated(q[0], q[1], unit), _coordinated(q[2], q[3], unit)
    (True, False)
    """
    if not previous.closed or quote.start - previous.end > 8:
        return False
    between = " ".join(text.unit.text[previous.end : quote.start].split())
    return between.replace(" ,", ",") in _COORDINATORS


@dataclass(frozen=True)
class LabelCase:
    """A quotation at the label decision, with what the rules saw: its unit's text, its own
    verb (``att``), its speech frame (:func:`_speech_frame`), the hand rule that makes it a
    label or "" (:func:`_label_rule`) and the unit's attributions (``owners``). Collected for
    ``benchmarks/train_label_model.py``."""

    text: UnitText
    quote: Quote
    att: Attribution | None
    frame: Attribution | None
    rule: str
    owners: _Owners


def _labelled(quote, text, att, index, owners, cases, decide, frames=None, joined=False) -> bool:
    """True when ``quote`` is a label: the hand rules' decision (:func:`_label_rule` with the
    frame of :func:`_speech_frame` and the verb table's ``frames``; ``coordinated`` when
    ``joined`` to a label before it, :func:`_coordinated`), or ``decide``'s when given;
    ``cases`` (when given) receives the :class:`LabelCase`."""
    frame = _speech_frame(quote, text, att, index)
    rule = _label_rule(quote, text, frame, frames) or ("coordinated" if joined else "")
    if cases is None and decide is None:
        return bool(rule)
    case = LabelCase(text, quote, att, frame, rule, owners)
    if cases is not None:
        cases.append(case)
    return bool(rule) if decide is None else decide(case)


def _nobody(speakers: tuple[Speaker, ...]) -> bool:
    """True when no speaker of ``speakers`` is named (all unresolved)."""
    return all(s.source == "unresolved" or s.key == "unresolved" for s in speakers)


def _row(article, unit, sentence_id, speaker, att, kind, quote, sentence):
    return {
        "article_id": article.article_id,
        "part": unit.part,
        "paragraph_id": unit.paragraph_id,
        "sentence_id": sentence_id,
        "speaker": speaker.key,
        "speaker_text": speaker.text,
        "speaker_source": speaker.source,
        "speaker_kind": speaker.kind,
        "verb": att.verb if att else "",
        "verb_lemma": att.lemma if att else "",
        "verb_class": att.verb_class if att else "",
        "kind": kind,
        "quote": quote.text if quote else "",
        "quote_words": quote.words if quote else 0,
        "closed": quote.closed if quote else True,
        "sentence": sentence,
    }


@dataclass
class _Carry:
    """What a paragraph passes to the next: the speaker of its last quotation (or of the
    attribution that ends it, "X released a statement."), and whether that quotation is open."""

    speakers: tuple[Speaker, ...]
    att: Attribution | None
    open_quote: bool


_LINE_WORDS = frozenset(["of", "the", "and", "for", "de", "&"])  # lowercase words of a name line
_BYLINE = frozenset(["By", "BY", "Photo", "Picture", "Image", "Credit", "Written", "Reporting"])


def _name_line(unit: Unit, layer, ends: dict) -> _Carry | None:
    """The speaker a paragraph that is only a name introduces ("Wisconsin Gov. Ann Lee" on a
    line of its own, the quotations below it hers, as a roundup of reactions prints them): the
    person or organisation of the entity layer whose mention ends the line (``ends``: the
    layer's mentions by paragraph and end offset), when every word of the line is capitalised
    (or joins a name: "of", "the") and nothing ends it as a sentence; else None.

    >>> from newsframe.entities import find_entities
    >>> from newsframe.framing._units import Unit
    >>> layer = find_entities(["Wisconsin Gov. Ann Lee", "Ann Lee said so."])
    >>> ends = {(m.paragraph_id, m.end): m for m in layer.mentions}
    >>> _name_line(Unit("body", 0, "Wisconsin Gov. Ann Lee", ()), layer, ends).speakers[0].key
    'Ann Lee'
    >>> _name_line(Unit("body", 1, "Ann Lee said so.", ()), layer, ends) is None
    True
    >>> layer = find_entities(["By Ann Lee"])
    >>> ends = {(m.paragraph_id, m.end): m for m in layer.mentions}
    >>> _name_line(Unit("body", 0, "By Ann Lee", ()), layer, ends) is None
    True
    """
    text = unit.text.rstrip()
    words = text.split()
    if not words or len(words) > 10 or text[-1] in ".!?:;,\"'\u201d\u2019)" or unit.part != "body":
        return None
    if not all(w[:1].isupper() or w in _LINE_WORDS for w in words) or words[0] in _BYLINE:
        return None  # ("By Ann Lee": the writer's line, no speaker's)
    m = ends.get((unit.paragraph_id, len(text)))
    entity = layer.entities.get(m.entity_id) if m is not None else None
    if entity is None or entity.kind not in ("person", "organisation"):
        return None
    return _Carry((Speaker(m.entity_id, m.text, "name", entity.kind),), None, False)


def _continued(att: Attribution | None, speakers: tuple[Speaker, ...]) -> tuple[Speaker, ...]:
    return tuple(Speaker(s.key, s.text, "continuation", s.kind) for s in speakers)


def _following(owns: list[Attribution | None], k: int) -> tuple[Speaker, ...]:
    """The speakers the reporting verb of the next quotation of the paragraph credits, if any
    (a banner's words never speak)."""
    att = owns[k + 1] if k + 1 < len(owns) else None
    if att is None:
        return ()
    return tuple(s for s in att.speakers if s.kind != "inscription")


def _run_on(pending: list, choice, unit: Unit, quotes, owns) -> list:
    """The rows of the quotations of the previous paragraph left open at its end
    (``pending``: (task, rows maker)), chosen now that this paragraph is read: when it opens
    with a quotation that a verb of its own credits ('"... / "...," the representative
    explained.'), that verb and its speakers are a candidate (the convention of a quotation
    that runs over several paragraphs, its tag in the last one)."""
    opening = None
    if quotes and unit.part == "body" and not unit.text[: quotes[0].start].strip():
        opening = owns[0]
    rows = []
    for task, make in pending:
        if opening is not None and not opening.subjectless:
            task.following = tuple(s for s in opening.speakers if s.kind != "inscription")
            task.following_att = opening
        rows.extend(make(*choice.choose(task)))
    pending.clear()
    return rows


def _unit_rows(
    article, order, unit, scan: ArticleScan, memory, carry, choice=None, pending=None,
    label_cases=None, decide=None,
):  # fmt: skip
    quotes = unit_quotes(unit)
    text = UnitText(unit)
    found = unit_attributions(
        unit, quotes, scan, memory=memory, order=order, sentences=text.sentences
    )
    if not quotes and not found:
        # nothing quoted, nothing reported (the memory has its mentions)
        return (_run_on(pending, choice, unit, (), ()) if pending else []), None, []
    owners = _Owners(text, found)
    index = QuoteIndex(quotes)
    claimed: set[int] = set()
    last: _Carry | None = None
    labels: list[int] = []
    owns = [owners.own(q, text.kind(q)) or owners.tag_after(q, index) for q in quotes]
    rows: list[tuple[tuple[int, int], dict]] = (
        _run_on(pending, choice, unit, quotes, owns) if pending else []
    )
    before: tuple[Speaker, ...] = ()  # the speakers chosen for the quotation before
    for k, quote in enumerate(quotes):
        kind = text.kind(quote)
        att = owns[k]
        joined = (
            k > 0
            and labels[-1:] == [quotes[k - 1].start]
            and _coordinated(quotes[k - 1], quote, text)
        )  # a member of a list whose member before is a label
        if (att is not None or owners.introducing(quote) is None) and _labelled(
            quote, text, att, index, owners, label_cases, decide, scan.verbs.frames, joined
        ):
            labels.append(quote.start)  # a label, nobody's quoted words
            continue
        how = "own"  # how the rules credit it (a feature of the speaker model)
        if att is None and kind == "direct" and last is not None and last.att is not None:
            att, how = last.att, "previous"  # after a quotation in the paragraph: same speaker
        if att is None:
            att, how = owners.introducing(quote), "introducing"
        if att is not None:
            claimed.add(id(att))
            # a thing never speaks: "shouted" after "T-shirts" has a speaker not found
            speakers = tuple(s for s in att.speakers if s.kind != "inscription") or (UNRESOLVED,)
        elif carry and unit.part == "body" and (quote.start == 0 or carry.open_quote):
            att, speakers, how = carry.att, _continued(carry.att, carry.speakers), "carried"
        else:
            speakers = _colon_speaker(unit, quote, scan.actors, scan.verbs) or (UNRESOLVED,)
            how = "colon"
        first = text.sentences.at(quote.start)
        last_id = text.sentences.at(max(quote.end - 1, quote.start))
        sentence = text.sentence_around(first, last_id, quote.start, quote.end)
        chosen, credited = speakers, att
        if choice is not None and unit.part != "headline" and text.sentences.ids:
            task = QuoteTask(unit.paragraph_id, unit.text, quote, kind == "partial",
                             text.sentences, index.at, speakers, att,
                             owners.in_window(quote, speaker_window()),
                             last.speakers if last is not None else (),
                             _continued(None, carry.speakers) if carry else (), how,
                             _following(owns, k))  # fmt: skip

            def make(chosen, credited, first=first, kind=kind, quote=quote, sentence=sentence):
                return [
                    ((order, quote.start), _row(article, unit, first, speaker, credited, kind,
                                                quote, sentence))
                    for speaker in chosen
                ]  # fmt: skip

            if pending is not None and how != "own" and not quote.closed and k == len(quotes) - 1:
                pending.append((task, make))  # runs on into the next paragraph: chosen there
            else:
                picked = choice.choose(task)
                if how == "previous" and _nobody(picked[0]) and before and not _nobody(before):
                    picked = (before, picked[1])  # the quotation before's speaker, as chosen
                if how == "own" and att is not None and (att.subjectless or _nobody(att.speakers)):
                    picked = (picked[0], att)  # the model names the speaker; the verb that
                    # frames the quotation stays its verb ('... adding that it is "unfair"')
                rows.extend(make(*picked))
                before = picked[0]
        else:
            for speaker in chosen:
                row = _row(article, unit, first, speaker, credited, kind, quote, sentence)
                rows.append(((order, quote.start), row))
        last = _Carry(speakers, att, not quote.closed)
    tail = None
    for att in found:
        if (
            id(att) in claimed
            or att.subjectless
            or all(s.kind == "inscription" for s in att.speakers)
        ):
            continue  # (words on a banner are a slogan, nobody's speech; a verb without a
            # subject that reports no quotation says nothing of anyone)
        sentence_id = text.sentences.at(att.start)
        sentence = text.sentence_around(sentence_id, sentence_id, att.start, att.end)
        for speaker in att.speakers:
            row = _row(article, unit, sentence_id, speaker, att, "paraphrase", None, sentence)
            rows.append(((order, att.start), row))
        if sentence_id == text.sentences.ids[-1] and not att.participle:
            tail = att
    if tail is not None and (last is None or tail.start > quotes[-1].end):
        last = _Carry(tail.speakers, tail, False)  # "Klobuchar released a statement."
    elif last is not None and last.att is not None and not last.open_quote:
        outer = reporting_clause(last.att, found, unit.text)
        if outer is not None:  # "Ann Lee noted the gunman asked \"...\"": the next paragraph's
            last = _Carry(outer.speakers, outer, False)  # words continue Ann Lee's, the outer
    if last is not None and all(s.source == "unresolved" for s in last.speakers):
        last = None
    return rows, last, labels


def _article_rows(
    article: Article,
    verbs: ReportingVerbs,
    actors,
    resources: Resources,
    *,
    model: SpeakerModel | None = None,
    collect: list | None = None,
    label_cases: list | None = None,
    decide: Callable[[LabelCase], bool] | None = None,
) -> tuple[list[tuple[tuple, dict]], frozenset[tuple[int, int]]]:
    """The rows and labels of one article; ``model`` chooses each quotation's speaker among
    its candidates (None: the rules' choice); ``collect`` receives the candidates (training);
    ``label_cases`` receives each quotation at the label decision (:class:`LabelCase`) and
    ``decide`` replaces the hand rules' decision there (both for
    ``benchmarks/train_label_model.py``)."""
    rows: list[tuple[tuple, dict]] = []
    labels: set[tuple[int, int]] = set()
    carry: _Carry | None = None  # from the last paragraph
    doc = analyse(article, resources=resources)
    # the document's actor mentions were found with the resources' actor table
    scan = ArticleScan(verbs, actors, doc, mentions=actors == resources.actors)
    choice = None
    parts = units(article, resources=resources)
    layer = doc.entities(actors, organisation_nouns=organisation_nouns(verbs))
    texts = {unit.paragraph_id: unit.text for unit in parts}
    ends = {(m.paragraph_id, m.end): m for m in layer.mentions}  # for a name on its own line
    memory = Memory(gender=SpeakerGenders(layer, texts))  # "he" and "she" agree in gender
    article_genders(layer, texts)  # kept on the layer: the description rules read it too
    if model is not None or collect is not None:
        choice = SpeakerChoice(
            layer,
            scan.kinds,
            nouns=verbs.speaker_nouns,
            model=model,
            collect=collect,
            texts=texts,
            outlet=article.outlet,  # the page's own outlet: never its quotations' speaker
        )
    pending: list | None = [] if choice is not None else None  # see _run_on
    for order, unit in enumerate(parts):
        unit_rows, last, unit_labels = _unit_rows(
            article, order, unit, scan, memory, carry, choice, pending, label_cases, decide
        )
        rows.extend(unit_rows)
        labels.update((unit.paragraph_id, start) for start in unit_labels)
        if unit.part != "headline":
            carry = last if unit_rows or last is not None else _name_line(unit, layer, ends)
    for task, make in pending or ():
        rows.extend(make(*choice.choose(task)))
    return rows, frozenset(labels)


def article_attributions(
    article: Article,
    verbs: ReportingVerbs,
    actors,
    resources: Resources,
    *,
    speakers: str | Path | SpeakerModel = "model",
) -> list[dict]:
    """The attribution rows of one article (without ``speaker_name``), in reading order:
    computed once per article, verb table, actor table and speaker choice (``speakers``, as in
    :func:`attributions`) and cached on its analysed document (share of voice and distancing
    marks reuse them). Do not modify the returned rows."""
    return _analysed(article, verbs, actors, resources, speaker_model(speakers))[0]


def article_labels(
    article: Article, verbs: ReportingVerbs, actors, resources: Resources
) -> frozenset[tuple[int, int]]:
    """The quotations of one article that are labels, not speech, as ``(paragraph_id, start)``
    of their opening mark: computed with :func:`article_attributions` (the two never claim the
    same quotation; distancing marks read these)."""
    return _analysed(article, verbs, actors, resources, speaker_model("model"))[1]


def _analysed(article, verbs, actors, resources, model) -> tuple[list[dict], frozenset]:
    def build() -> tuple[list[dict], frozenset]:
        # the collector paused over one article's work and run after it (each full pass walks
        # every document and layer the corpus keeps: 3 -> 2 full passes, 1.2 -> 0.8 s of CPU
        # over 2,000 synthetic articles); same rows
        with gathering():
            rows, labels = _article_rows(article, verbs, actors, resources, model=model)
        named = [row for _, row in sorted(rows, key=lambda r: r[0])]
        run_verbs(named)  # a quotation run's paragraphs keep its speaker's verb
        layer = analyse(article, resources=resources).entities(
            actors, organisation_nouns=organisation_nouns(verbs)
        )
        name_speakers(named, layer, verbs.speaker_nouns)
        return named, labels

    return analyse(article, resources=resources).memo("attributions", (verbs, actors, model), build)


def attributions(
    corpus: Corpus | Iterable[Article] | Article,
    *,
    verbs: ReportingVerbs | str | Path | None = None,
    actors: tuple[Actor, ...] | str | Path | None = None,
    resources: Resources | None = None,
    links: Links | None = None,
    speakers: str | Path | SpeakerModel = "model",
) -> pd.DataFrame:
    """Return who is quoted or paraphrased, with which reporting verb: one row per attribution.

    Columns: ``article_id, part, paragraph_id, sentence_id, speaker, speaker_name, speaker_text,
    speaker_source, speaker_kind, verb, verb_lemma, verb_class, kind, quote, quote_words, closed,
    sentence`` (the sentence, or for a run-on one over :data:`SENTENCE_CHARS` characters the
    words around the quotation or verb, cut with "…").

    Method (rule-based, no parser; after Pareti 2015's attribution relations and textacy's
    quotation rules): quotations are found from the marks (straight, curly, mismatched or spaced
    guillemets; see :func:`~newsframe.framing.quotes.find_quotes`), reporting verbs and nouns
    from the editable table ``data/reporting_verbs.toml`` ("X said/claimed/told ...", "said X",
    "according to X", "X was quoted as saying", "Y quoted X as saying", "was
    announced by X", a banner that "read"), with the class the table gives them (``neutral``,
    ``evaluative``, ``directive``, ``hostile``); a word after a possessive or a determiner
    ("rejecting Beijing's claims", "the remarks") is a noun, never a reporting verb, so a
    rebuttal is not credited to the side it rebuts. Speakers come from the actor table (``speaker``
    is the actor id) or are the noun phrase as written: people by name (titles dropped, one key
    per surname), organisations, groups and documents with their full name ("Russia's Foreign
    Ministry", "a spokesman for Iran's mission to the UN", "the report"); a phrase that names no
    person, organisation, country, group or document ("20 and", "the capital") is never a
    speaker. ``speaker_kind`` says which (``person``, ``organisation``, ``country``, ``group``,
    ``document``). Pronouns and descriptions resolve across paragraphs to the last compatible
    mention (he/she -> a person; it, "the ministry" -> an organisation or country; "the
    statement" -> whoever issued the last statement; ``speaker_source`` ``"pronoun"`` or
    ``"description"``); with no antecedent, or two candidates for "he", the pronoun stays
    ``"unresolved"``: never guessed. ``speaker`` is the entity id of the speaker in the
    article's entity layer (:meth:`newsframe.Document.entities`), linked across the articles
    given (:func:`newsframe.linking.link_entities`: "Lee" in one article and "Ann Lee" in
    another are one speaker when the corpus has one Ann Lee; ``links`` passes links computed
    over a larger corpus), so one person is one key; ``speaker_name`` is the actor's display
    name ("Putin") or the canonical name, and ``speaker_text`` the words that named the speaker.

    A quotation takes the verb of its own sentence(s) (a frame such as "quoted X as saying"
    first; for a partial quotation the nearest verb before it; else the nearest verb), or that
    of the previous quotation in its paragraph, or the sentence that introduces it ("He said:"),
    never one from a later sentence. A paragraph that opens with an unattributed quotation
    continues the speaker (and verb) of the previous paragraph's last quotation, or of the
    attribution that ends it ("Klobuchar released a statement.") (``"continuation"``); a
    headline-style ``Name: "..."`` names its speaker. ``kind`` is ``direct`` (the quotation
    opens its sentence or follows a colon), ``partial`` (a quoted fragment inside the reporter's
    sentence) or ``paraphrase`` (reported speech without quotation marks: ``quote`` is empty).
    ``closed`` is False for a quotation that never closes. A quotation is speech only when a
    speech frame credits it (a reporting verb in its sentence, "according to", a colon after a
    speaker, a quotation that opens its paragraph after one, or a quotation that is a sentence
    of its own); a short quoted noun phrase (at most :data:`LABEL_WORDS` words) without one is a
    label ('the so-called "peace plan"', a slogan, a policy's name): it has no row here and is
    counted once, as a scare quote in :func:`~newsframe.framing.distancing_marks`. The headline has ``part="headline"``
    and ``paragraph_id == sentence_id == -1``. Time is linear in the text (look-ups by binary
    search in bounded windows).

    Speaker choice (``speakers``): the rules above propose a speaker for every quotation in the
    body; with ``"model"`` (the default) a quotation without a reporting verb of its own
    sentence (credited through the previous quotation or paragraph, a colon, or not at all)
    has that proposal as one candidate among the subjects of the reporting verbs of its
    sentence and the one before, the people and organisations named around it, the noun
    phrases that open those sentences, the previous and the last speaker and "unresolved", and
    a fitted ranker chooses (:mod:`newsframe.framing.speaker_model`, weights in
    ``data/speaker_model.csv``); a candidate that is no verb's subject keeps the rules' verb.
    ``"rules"`` keeps the rules' choice; a :class:`~newsframe.framing.speaker_model.SpeakerModel`
    or the path of a model CSV uses that model. The headline always keeps the rules' choice.

    >>> from newsframe import Article
    >>> from newsframe import Actor, Story
    >>> story = Story(actors=(Actor("putin", "Putin", "person", ("Vladimir Putin", "Putin")),
    ...                       Actor("abe", "Abe", "person", ("Abe",))))
    >>> a = Article("a", "T", ('"We are ready," Putin said. Abe claimed that talks went well.',))
    >>> attributions([a], resources=story.resources)[["speaker", "verb", "verb_class", "kind", "quote"]].values.tolist()
    [['putin', 'said', 'neutral', 'direct', 'We are ready'], ['abe', 'claimed', 'evaluative', 'paraphrase', '']]
    """
    res = resolve_resources(resources, corpus)
    verbs = load_reporting_verbs(verbs) if isinstance(verbs, (str, Path)) else verbs
    verbs = verbs or res.reporting_verbs
    actors = load_actors(actors) if isinstance(actors, (str, Path)) else actors
    actors = actors if actors is not None else res.actors
    rows = []
    articles = as_articles(corpus)
    for article in articles:
        found = article_attributions(article, verbs, actors, res, speakers=speakers)
        rows.extend(dict(row) for row in found)
    if links is None:
        nouns = organisation_nouns(verbs)
        links = corpus_links(articles, resources=res, actors=actors, organisation_nouns=nouns)
    names = {a.actor_id: a.name for a in actors}
    for row in rows:
        key = row["speaker"] = links(row["speaker"])
        row["speaker_name"] = names.get(key) or links.name(key)
    return pd.DataFrame(rows, columns=COLUMNS)


def share_of_voice(
    corpus: Corpus | Iterable[Article] | Article,
    *,
    include_headline: bool = False,
    verbs: ReportingVerbs | str | Path | None = None,
    actors: tuple[Actor, ...] | str | Path | None = None,
    resources: Resources | None = None,
    links: Links | None = None,
    speakers: str | Path | SpeakerModel = "model",
) -> pd.DataFrame:
    """Return per article and speaker how many quotations and quoted words they get.

    Columns: ``article_id, speaker, speaker_name, quotes, quoted_words, paraphrases, attributions,
    share_of_quoted, share_of_words``. ``share_of_quoted`` is the speaker's quoted words over
    all quoted words of the article (0.0 when nothing is quoted); ``share_of_words`` over all
    body words. Unattributed quotations are counted under ``speaker="unresolved"``. The headline
    is left out unless ``include_headline`` (it usually repeats the lede). Rows per article by
    quoted words, then attributions (descending), then speaker; an article with no attributions
    has no rows. Share of voice as in Sheafer 2001 and the "who gets quoted" studies of news
    sourcing (Sigal 1973): quoted words, not mentions. Speakers are keyed and chosen
    (``speakers``) as :func:`attributions` keys and chooses them (one entity, one row, across
    the articles given).

    >>> from newsframe import Article
    >>> a = Article("a", "T", ('"We are ready now," Putin said. "No," Abe said.',))
    >>> share_of_voice([a])[["speaker", "quoted_words", "share_of_quoted"]].values.tolist()  # no actor table: names
    [['Putin', 4, 0.8], ['Abe', 1, 0.2]]
    """
    res = resolve_resources(resources, corpus)
    articles = as_articles(corpus)
    table = attributions(
        articles, verbs=verbs, actors=actors, resources=res, links=links, speakers=speakers
    )
    if not include_headline:
        table = table[table["part"] != "headline"]
    # one pass over the table: per (article, speaker) the quotations, quoted words, paraphrases
    # and attributions (no per-article frames)
    tally: dict[tuple[str, str], list] = {}
    quoted_of: dict[str, int] = {}
    for article_id, speaker, name, kind, quoted in zip(
        table["article_id"].tolist(), table["speaker"].tolist(), table["speaker_name"].tolist(),
        table["kind"].tolist(), table["quote_words"].tolist(), strict=True,
    ):  # fmt: skip
        entry = tally.get((article_id, speaker))
        if entry is None:
            entry = tally[article_id, speaker] = [name, 0, 0, 0, 0]
        paraphrase = kind == "paraphrase"
        entry[1] += 0 if paraphrase else 1
        entry[2] += int(quoted)
        entry[3] += 1 if paraphrase else 0
        entry[4] += 1
        quoted_of[article_id] = quoted_of.get(article_id, 0) + int(quoted)
    by_article: dict[str, list[tuple]] = {}
    for (article_id, speaker), entry in tally.items():
        by_article.setdefault(article_id, []).append((speaker, *entry))
    rows = []
    for article in articles:
        mine = by_article.get(article.article_id)
        if not mine:
            continue
        total, words = quoted_of[article.article_id], body_words(article, resources=res)
        mine.sort(key=lambda r: (-r[3], -r[5], r[0]))
        for speaker, name, quotes, quoted, paraphrases, n in mine:
            rows.append(
                (article.article_id, speaker, name, quotes, quoted, paraphrases, n,
                 quoted / total if total else 0.0, quoted / words if words else 0.0)
            )  # fmt: skip
    return pd.DataFrame(rows, columns=VOICE_COLUMNS)
