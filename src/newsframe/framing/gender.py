"""Whom the article calls "he" and whom "she": gender evidence for pronoun agreement.

Read from the article: a courtesy title or a gendered role noun right before a mention ("Mrs
May", "Mr Lee", "spokeswoman Ann Lee"; the role words of :data:`HE_WORDS` and
:data:`SHE_WORDS`, the ``he`` and ``she`` entity words of ``data/entity_words.toml``, which a
story file extends), a gendered role of the entity, and the article's own pronouns after a
mention that opens its sentence ("Ann Lee arrived. She said ..."). The pronouns are the least
sure of these: where they speak, the given name that opens the person's full name has the last
word when nearly all its bearers are of one gender (:func:`name_gender`,
the table :mod:`newsframe.name_genders` derives from the ``nomquamgender`` package's names, Van
Buskirk, Clauset & Larremore 2023; gender statistics of names, in the spirit of Bergsma & Lin 2006). On the
people with a gendered title of eleven labelled quotation batches, the table (then of names
counted 20 times or more; now 100, fewer names) agreed with the
title 124 times of 125, the pronouns 39 of 41; where the pronouns and the table disagreed (6
names of 95, one of them a tournament's), the table was right.
The table corrects the article's pronouns and never speaks alone: a person the article gives
no evidence for stays of unknown gender, compatible with "he" and "she" (a gender for every
listed name moved credit both ways, -1 speaker on all the labelled batches, while the pronoun
agreement weighs known genders as it was fitted to).
Used by the rules' pronoun resolution (:class:`newsframe.framing.speakers.Memory`) and the
speaker model's agreement features (:mod:`newsframe.framing.speaker_model`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from itertools import islice

from newsframe.entities import Entities, Entity, given_genders
from newsframe.lexicons import EntityWords, load_entity_words
from newsframe.text import fold_accents

__all__ = ["HE_WORDS", "SHE_WORDS", "article_genders", "genders", "given_genders", "name_gender",
           "opens_sentence", "pronoun_genders", "word_gender"]  # fmt: skip

#: Courtesy titles and role nouns that say a person is a man or a woman: the shipped entity
#: words' ``he`` and ``she`` (``data/entity_words.toml``; a layer reads those it was built with).
HE_WORDS = load_entity_words().he
SHE_WORDS = load_entity_words().she


def genders(layer: Entities, texts: Mapping[int, str]) -> dict[str, str]:
    """The people of ``layer`` the article calls a man ("he") or a woman ("she"): by the title
    right before a mention ("Mrs May", "Mr Lee") or a role noun of the entity ("spokeswoman");
    a person with both kinds of evidence is left out. A person with neither is what the
    article's own pronouns say near their mentions (:func:`pronoun_genders`), unless the given
    name that opens their full name says otherwise (:func:`name_gender`); else unknown.
    Evidence ordered by how sure it is, as the sieve of Lee et al. (2013) orders its passes.

    >>> from newsframe.entities import find_entities
    >>> texts = ["Kim Lee met Ann Ode and Tom Reed.", "Mrs Lee spoke to Mr Reed.",
    ...          "Ann Ode left. He said no."]
    >>> sorted(genders(find_entities(texts), dict(enumerate(texts))).items())
    [('Ann Ode', 'she'), ('Kim Lee', 'she'), ('Tom Reed', 'he')]
    """
    said: dict[str, set[str]] = {}
    words = layer.words
    for m in layer.mentions:
        word = _word_before(texts.get(m.paragraph_id, ""), m.start)
        gender = word_gender(word, words) if word else ""
        if gender:
            said.setdefault(m.entity_id, set()).add(gender)
    for entity_id, e in layer.entities.items():
        for word in e.role.split():
            gender = word_gender(word, words)
            if gender:
                said.setdefault(entity_id, set()).add(gender)
    out = {k: next(iter(v)) for k, v in said.items() if len(v) == 1}
    for entity_id, gender in pronoun_genders(layer, texts).items():
        if entity_id not in said:
            e = layer.entities.get(entity_id)
            named = name_gender(e) if e is not None and e.kind == "person" else ""
            out[entity_id] = named or gender
    return out


#: How far a given name's share of women must be from one half to say a gender: at most
#: ``_SURE`` ("he") or at least ``1 - _SURE`` ("she") (the table holds only such names).
_SURE = 0.05
_HYPHENATED = re.compile(r"[A-Z][a-z]+-[a-z]+$")  # "Jae-in", "Geun-hye": a given name last


def name_gender(entity: Entity, table: Mapping[str, float] | None = None) -> str:
    """ "he" or "she" for a person whose canonical name opens with a given name that nearly all
    its bearers of one gender carry (``table``: name -> share of women; None: the shipped
    :func:`given_genders`), else "". Only a full name of two words or more is read (a single
    name may be a surname: "May"), and never one that ends with a hyphenated given name, which
    puts the family name first ("Moon Jae-in"); the name's first word is looked up as written,
    then without accents.

    >>> name_gender(Entity("Ann Ode", "Ann Ode", "person"))
    'she'
    >>> [name_gender(Entity(n, n, "person")) for n in ("Tom", "Tom Reed", "Moon Jae-in", "Kim Ode")]
    ['', 'he', '', '']
    >>> name_gender(Entity("André Ruiz", "André Ruiz", "person")), name_gender(Entity("Zyx Ode", "Zyx Ode", "person"))
    ('he', '')
    """
    words = entity.name.split()
    if len(words) < 2 or _HYPHENATED.match(words[-1]):
        return ""
    table = given_genders() if table is None else table
    first = words[0].lower().rstrip(".")
    share = table.get(first)
    if share is None:
        share = table.get(fold_accents(first))
    if share is None:
        return ""
    return "he" if share <= _SURE else ("she" if share >= 1 - _SURE else "")


# a third-person singular pronoun, or a quotation mark (pronouns inside quotations are the
# speaker's, not the narrator's: "I told him")
_GENDERED = re.compile(
    r"\b(?:([Hh]e|[Hh]is|[Hh]im|[Hh]imself)|([Ss]he|[Hh]er|[Hh]ers|[Hh]erself))\b|[\"\u201c\u201d]"
)
_SENTENCE_END = re.compile(r"[.!?][\"\u201d\u2019']?(?=\s|$)")
_NEAR = 300  # characters after a mention searched for its pronouns (bounded: linear time)


def pronoun_genders(layer: Entities, texts: Mapping[int, str]) -> dict[str, str]:
    """The people the article itself calls "he" or "she": after a mention that opens its
    sentence (titles allowed: "Mrs May said ..."; no possessive), the rest of the sentence
    and the next one (the next paragraph's first sentence when the mention's sentence ends
    its paragraph), outside quotation marks, when no other person is named in the mention's
    sentence or that window; "he", "his", "him" and "himself" against "she", "her", "hers"
    and "herself", summed over the person's mentions. A person whose pronouns are of one
    kind, or of one kind three times as often as of the other, has that gender; else none
    (no list of first names: the article says it). The subject of a sentence is what a
    pronoun after it most often stands for (the centering preference of Grosz, Joshi &
    Weinstein 1995; the pronoun-agreement constraint of Lee et al. 2013), here with gender
    read from the document rather than from a lexicon.

    >>> from newsframe.entities import find_entities
    >>> texts = ["Ann Lee arrived. She said it was late.", "Tom Reed left; his car was ready.",
    ...          "The charge against Kim Ode was dropped and she was freed."]
    >>> sorted(pronoun_genders(find_entities(texts), dict(enumerate(texts))).items())
    [('Ann Lee', 'she'), ('Tom Reed', 'he')]
    """
    people: dict[int, list[tuple[int, int, str]]] = {}  # the mentions of people, by paragraph
    marks: dict[int, list[int]] = {}  # each paragraph's quotation marks, found once
    for m in (*layer.mentions, *layer.unresolved):
        e = layer.entities.get(m.entity_id)
        if e is not None and e.kind == "person":
            people.setdefault(m.paragraph_id, []).append((m.start, m.end, m.entity_id))
        elif (
            (e is None or e.kind == "")
            and " " not in m.text
            and not _quoted_at(marks, texts.get(m.paragraph_id, ""), m.paragraph_id, m.start)
        ):  # a single name of unknown kind ("Simon said he ..."): maybe a person, never a vote
            people.setdefault(m.paragraph_id, []).append((m.start, m.end, ""))
    votes: dict[str, list[int]] = {}
    for paragraph_id, found in people.items():
        found.sort()
        text = texts.get(paragraph_id, "")
        following = (texts.get(paragraph_id + 1, ""), people.get(paragraph_id + 1, []))
        first: dict[int, str] = {}  # the first person mentioned at each offset, in one pass
        for start, _, entity_id in found:
            first.setdefault(start, entity_id)
        for start, end, entity_id in found:
            window = (
                _window(text, following, (start, end), found, first[start]) if entity_id else None
            )
            if window is None:
                continue
            tally = votes.setdefault(entity_id, [0, 0])
            quoted = False
            for match in _GENDERED.finditer(window):
                if match.group(1) is None and match.group(2) is None:
                    quoted = not quoted
                elif not quoted:
                    tally[0 if match.group(1) else 1] += 1
    out = {}
    for entity_id, (he, she) in votes.items():
        if he and he >= 3 * she:
            out[entity_id] = "he"
        elif she and she >= 3 * he:
            out[entity_id] = "she"
    return out


def opens_sentence(text: str, start: int, end: int, opening: int | None = None) -> bool:
    """True when the mention ``text[start:end]`` opens its sentence, at most four capitalised
    words before it (titles: "Mrs May said", "Australian PM Scott Morrison has"), and is no
    possessive ("Hawke's decision"): the sentence's subject, as far as words tell
    (``opening``: where the sentence starts, if known).

    >>> t = "He left. Mrs Ann Lee spoke. Later Tom Reed's car came."
    >>> opens_sentence(t, 13, 20), opens_sentence(t, 34, 42), opens_sentence(t, 0, 2)
    (True, False, True)
    """
    if opening is None:
        opening = max(
            (m.end() for m in _SENTENCE_END.finditer(text, max(start - _NEAR, 0), start)),
            default=0,
        )
    if start - opening > _NEAR:
        return False  # more than four words before it (bounded: a run-on sentence stays linear)
    lead = text[opening:start].split()
    if len(lead) > 4 or not all(w[:1].isupper() for w in lead):
        return False
    return not text.startswith(("'s", "\u2019s"), end)


_QUOTE_MARK = re.compile('["\u201c\u201d]')


def _quoted_at(marks: dict[int, list[int]], text: str, key: int, at: int) -> bool:
    """True when an odd number of quotation marks open ``text`` before offset ``at`` (the
    offset lies inside a quotation, as far as the marks before it tell). ``marks`` keeps each
    text's mark offsets under ``key``, found once, so that each mention costs a binary search,
    not a count from the paragraph's start (quadratic in a paragraph of many names).

    >>> text = 'Ann said "Tom left" and Tom stayed.'
    >>> _quoted_at({}, text, 0, text.index("Tom")), _quoted_at({}, text, 0, text.rindex("Tom"))
    (True, False)
    """
    offsets = marks.get(key)
    if offsets is None:
        offsets = marks[key] = [m.start() for m in _QUOTE_MARK.finditer(text)]
    return bisect.bisect_left(offsets, at) % 2 == 1


def _window(
    text: str,
    following: tuple[str, list[tuple[int, int, str]]],
    span: tuple[int, int],
    found: list[tuple[int, int, str]],
    entity_id: str,
) -> str | None:
    """The text after the mention at ``span`` up to the end of the next sentence (into the
    ``following`` paragraph's first sentence when the paragraph ends first), or None when the
    mention does not open its sentence (at most four capitalised words before it: titles),
    is a possessive, or another person is named in its sentence or there (``found``, and the
    following paragraph's second item: the people's mentions as (start, end, entity id));
    ``entity_id``: the first of ``found`` at the mention's start."""
    start, end = span
    opening = max(
        (m.end() for m in _SENTENCE_END.finditer(text, max(start - _NEAR, 0), start)), default=0
    )
    if not opens_sentence(text, start, end, opening):
        return None  # not the sentence's subject: a pronoun after it names the subject
    ends = [m.end() for m in islice(_SENTENCE_END.finditer(text, end, end + _NEAR), 2)]
    stop = ends[1] if len(ends) == 2 else min(len(text), end + _NEAR)
    if any(opening <= s < stop and other != entity_id for s, _, other in found):
        return None
    window = text[end:stop]
    next_text, next_people = following
    if len(ends) < 2 and stop == len(text) and next_text:
        first = _SENTENCE_END.search(next_text, 0, _NEAR)
        cut = first.end() if first else min(len(next_text), _NEAR)
        if any(s < cut and other != entity_id for s, _, other in next_people):
            return window
        window += " " + next_text[:cut]
    return window


def _word_before(text: str, start: int) -> str:
    """The word right before offset ``start`` in its sentence, lowercase, without the full
    stop of a courtesy title ("Mr." -> "mr"); "" when a mark ends it ("Smith's wife. Smith
    said": the wife is no title of the second Smith) or no whole word is there.

    >>> _word_before("met Mr. Lee", 8), _word_before("his wife. Lee", 10), _word_before("the spokeswoman Ann", 16)
    ('mr', '', 'spokeswoman')
    """
    window = text[max(start - _WORD_BEFORE, 0) : start]
    words = window.split()
    if not words or (len(words) == 1 and start > _WORD_BEFORE and not window[0].isspace()):
        return ""
    word = words[-1].lower()
    if word.endswith(".") and word[:-1] in _ABBREVIATED:
        return word[:-1]
    return "" if word[-1:] in _MARKS else word


_WORD_BEFORE = 16  # characters searched for the word before a mention ("businesswoman ")
_ABBREVIATED = frozenset(["mr", "mrs", "ms", "messrs"])  # courtesy titles with a full stop
_MARKS = frozenset(".,;:!?\"'\u201c\u201d\u2019)")


def word_gender(word: str, words: EntityWords | None = None) -> str:
    """ "he" or "she" for a courtesy title or a gendered role noun ("Mrs", "spokesman") of the
    entity words ``words`` (None: the shipped ones), else "".

    >>> word_gender("Mrs."), word_gender("spokesman"), word_gender("spokesperson")
    ('she', 'he', '')
    """
    low = word.lower().rstrip(".")
    words = words if words is not None else load_entity_words()
    return "he" if low in words.he else ("she" if low in words.she else "")


def article_genders(layer: Entities, texts: Mapping[int, str]) -> dict[str, str]:
    """:func:`genders` of one article's layer, worked out once and kept on the layer (the rules'
    pronoun resolution and the speaker model both read it; ``texts`` must be the layer's own
    paragraphs, by id)."""
    cached = layer.__dict__.get("_genders")
    if cached is None:
        cached = layer.__dict__["_genders"] = genders(layer, texts)
    return cached
