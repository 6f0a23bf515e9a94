"""Finding reporting verbs and their speakers in one unit of text (a headline or a paragraph).

Rule-based, in the spirit of textacy's ``direct_quotations`` and Pareti's (2015) attribution
relations, but without a parser: a reporting verb from the verb table, a speaker noun phrase
right before it (``Putin said``, ``the Japanese leader also said``), or right after it when it
follows a quotation (``"...," said Putin``), ``according to X`` and ``X's remarks``. Quoted text
is masked first, so words inside quotations are never taken for verbs or speakers.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from newsframe.actors import Actor, Mention, find_mentions
from newsframe.errors import InputError
from newsframe.framing._units import Token, Unit, word_tokens
from newsframe.framing.quotes import Quote
from newsframe.resources import default_resources, read_toml
from newsframe.text import lemmatize, tokenize

__all__ = ["Attribution", "ReportingVerbs", "find_attributions", "load_reporting_verbs"]

# fmt: off
AUX = frozenset(
    ["has", "have", "had", "was", "were", "is", "are", "will", "would", "did", "does", "do",
     "been", "not", "never"]
)
ADVERBS = frozenset(
    ["also", "again", "later", "then", "further", "previously", "earlier", "once", "repeatedly",
     "both", "all", "reportedly", "allegedly", "recently", "publicly", "privately", "firmly",
     "flatly", "separately", "himself", "herself", "themselves", "only", "just", "even", "still",
     "already", "bluntly", "openly"]
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
     "anything", "everything", "little", "much", "there"]
)
# fmt: on
COMPLEMENT = frozenset(["of", "for", "from"])
PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i"])
POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it"}
# fmt: off
FINITE = frozenset(
    ["is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "should", "can",
     "may", "might", "must", "did", "does", "do", "shall"]
)
PASSIVE_AUX = frozenset(["is", "are", "was", "were", "been", "be"])
AFTER_STRICT = frozenset(
    ["that", "in", "on", "at", "during", "after", "before", "earlier", "later",
     "yesterday", "today", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
     "sunday"]
)
# fmt: on


@dataclass(frozen=True)
class ReportingVerbs:
    """The reporting-verb table: lemma sequence -> class, reporting nouns, strict verbs."""

    verbs: dict[tuple[str, ...], str]
    nouns: dict[str, str]
    strict: frozenset[tuple[str, ...]]
    classes: tuple[str, ...]


def _lemmas(phrase: str) -> tuple[str, ...]:
    return tuple(lemmatize(t) for t in tokenize(phrase))


def load_reporting_verbs(path: str | Path | None = None) -> ReportingVerbs:
    """Return the reporting-verb table in ``path`` (TOML) or ``data/reporting_verbs.toml``.

    >>> table = load_reporting_verbs()
    >>> table.verbs[("say",)], table.verbs[("claim",)], table.verbs[("according", "to")]
    ('neutral', 'evaluative', 'neutral')
    """
    raw, source = read_toml(path, "reporting_verbs.toml")
    verbs: dict[tuple[str, ...], str] = {}
    nouns: dict[str, str] = {}
    strict: set[tuple[str, ...]] = set()
    try:
        for name, spec in raw["class"].items():
            for verb in spec["verbs"]:
                verbs.setdefault(_lemmas(verb), name)
            for noun in spec.get("nouns", []):
                nouns.setdefault(lemmatize(noun), name)
            strict.update(_lemmas(v) for v in spec.get("strict", []))
        classes = tuple(raw["class"])
    except (KeyError, TypeError, AttributeError) as exc:
        raise InputError(source, f"invalid reporting-verb table: {exc!r}") from None
    verbs.pop((), None)
    return ReportingVerbs(verbs, nouns, frozenset(strict), classes)


@dataclass(frozen=True)
class Speaker:
    """Who is speaking: ``key`` (actor id or name), the words that name them, how resolved."""

    key: str
    text: str
    source: str  # actor | name | pronoun | continuation | unresolved


@dataclass(frozen=True)
class Attribution:
    """One reporting verb (or noun) with its speakers and character span in the unit."""

    start: int
    end: int
    verb: str
    lemma: str
    verb_class: str
    speakers: tuple[Speaker, ...]
    participle: bool = False


def _spaces(text: str, a: int, b: int) -> bool:
    return not text[a:b].strip()


def _np_speakers(text: str, toks: list[Token], lo: int, hi: int, mentions: list[Mention]):
    """Speakers named by the noun phrase ``toks[lo..hi]`` (actors first, then a name)."""
    start, end = toks[lo].start, toks[hi].end
    inner = [m for m in mentions if m.start >= start and m.end <= end]
    link = [t for t in toks[lo : hi + 1] if t.text.lower() in COMPLEMENT]
    if link and link[0].start > start:  # "residents of Kunashiri": the head comes before "of"
        head = text[start:end]
        return [Speaker(head, head, "name")]
    if inner and inner[-1].end >= end - 2:  # the head is an actor ("'s" may follow)
        picked = [inner[-1]]
        for m in reversed(inner[:-1]):
            if text[m.end : picked[0].start].strip(" ,") not in ("and", "", "&"):
                break
            picked.insert(0, m)
        return [Speaker(m.actor_id, m.text, "actor") for m in picked]
    if lo == hi and toks[hi].text.lower() in PRONOUNS:
        return [Speaker("", toks[hi].text, "pronoun")]
    words = toks[lo : hi + 1]
    if words[-1].text[:1].isupper():
        k = len(words) - 1
        while k > 0 and words[k - 1].text[:1].isupper():
            k -= 1
        words = words[k:]
    else:
        dets = [i for i, w in enumerate(words) if w.text.lower() in ("the", "a", "an")]
        words = words[dets[-1] :] if dets else words
    name = text[words[0].start : words[-1].end]
    name = name[:-2] if name.endswith("'s") else name
    return [Speaker(name, name, "name")]


def _np_before(text: str, toks: list[Token], j: int, stop: int) -> tuple[int, int] | None:
    """Token range of the noun phrase that ends at ``toks[j]`` (None if there is none)."""
    if j < 0 or not _spaces(text, toks[j].end, stop) or toks[j].text.lower() in NP_STOP:
        return None
    lo = j
    while (
        lo > 0
        and j - lo < 7
        and _spaces(text, toks[lo - 1].end, toks[lo].start)
        and toks[lo - 1].text.lower() not in NP_STOP
        and toks[lo - 1].lemma not in ("say", "tell")
    ):
        lo -= 1
    return lo, j


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
        and _spaces(text, toks[hi].end, toks[hi + 1].start)
        and (toks[hi + 1].text.lower() not in NP_STOP or toks[hi + 1].text.lower() in allow)
    ):
        hi += 1
    return i, hi


def _np_before_aside(text: str, toks: list[Token], j: int, stop: int) -> tuple[int, int] | None:
    """The subject before a comma-delimited aside that ends at ``toks[j]`` (None if none)."""
    if j < 1 or text[toks[j].end : stop].strip() != ",":
        return None
    k = j
    while k > 0 and j - k < 10 and _spaces(text, toks[k - 1].end, toks[k].start):
        k -= 1
    if k == 0 or text[toks[k - 1].end : toks[k].start].strip() != ",":
        return None
    return _np_before(text, toks, k - 1, toks[k - 1].end)


def _speaks(text: str, toks: list[Token], i: int, n: int, unit: Unit, quotes: list[Quote]) -> bool:
    """True when the verb at ``toks[i:i+n]`` introduces speech (for ``strict`` verbs)."""
    sentence = unit.sentence_at(toks[i].start)
    if any(unit.sentence_at(q.start) == sentence for q in quotes):
        return True
    if any(unit.sentence_at(max(q.end - 1, q.start)) == sentence for q in quotes):
        return True
    after = text[toks[i + n - 1].end :].lstrip()
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


def _match_verb(text: str, toks: list[Token], i: int, table: ReportingVerbs, longest: int):
    for n in range(min(longest, len(toks) - i), 0, -1):
        key = tuple(t.lemma for t in toks[i : i + n])
        if key in table.verbs and all(
            _spaces(text, toks[k].end, toks[k + 1].start) for k in range(i, i + n - 1)
        ):
            return key, n
    return None


def _verb(text, toks, i, n, key, ctx) -> Attribution | None:
    """The attribution for the verb at ``toks[i:i+n]``, or None when it is not reporting speech."""
    table, unit, quotes, mentions, found = ctx
    j, aux = i - 1, []
    while (
        j >= 0
        and toks[j].text.lower() in AUX | ADVERBS
        and _spaces(text, toks[j].end, toks[j + 1].start)
    ):
        if toks[j].text.lower() in AUX:
            aux.insert(0, toks[j].text)
        j -= 1
    if aux and aux[-1].lower() in PASSIVE_AUX and key != ("according", "to"):
        return None  # passive "was said", "is claimed": no speaker (a hedge, if anything)
    surface = " ".join([*aux, *(t.text for t in toks[i : i + n])])
    made = lambda speakers, participle=False: Attribution(  # noqa: E731
        toks[i].start, toks[i + n - 1].end, surface, " ".join(key), table.verbs[key],
        tuple(speakers), participle,
    )  # fmt: skip
    if key == ("according", "to"):
        span = _np_after(text, toks, i + n, allow=COMPLEMENT)
        return made(_np_speakers(text, toks, *span, mentions)) if span else None
    joined = j >= 0 and _spaces(text, toks[j].end, toks[j + 1].start)
    sentence = unit.sentence_at(toks[i].start)
    if joined and toks[j].text.lower() in ("and", "but") and found:
        prior = found[-1]  # "Peskov said ... but added that": the same speaker
        if unit.sentence_at(prior.start) == sentence and not (
            key in table.strict and not _speaks(text, toks, i, n, unit, quotes)
        ):
            return made(prior.speakers)
        return None
    if joined and toks[j].text.lower() in NOT_VERB_BEFORE:
        return None
    if key in table.strict and not _speaks(text, toks, i, n, unit, quotes):
        return None
    if joined and toks[j].text.lower() in ("who", "which") and j > 0:
        span = _np_before(text, toks, j - 1, toks[j - 1].end)
    else:
        span = _np_before(text, toks, j, toks[j + 1].start) if j >= 0 else None
    if span:
        return made(_np_speakers(text, toks, *span, mentions))
    if toks[i].text.lower().endswith("ing"):
        if j >= 0 and "," in text[toks[j].end : toks[i].start] and found:
            prior = found[-1]
            if unit.sentence_at(prior.start) == sentence:
                return made(prior.speakers, participle=True)
        return None
    span = _np_before_aside(text, toks, j, toks[i].start)
    if span:  # "Peskov, the Kremlin spokesman, said" / "Putin, who spoke later, warned"
        return made(_np_speakers(text, toks, *span, mentions))
    before = text[toks[j].end if j >= 0 else 0 : toks[i].start]
    span = _np_after(text, toks, i + n)
    if span is None:
        return None
    after = text[toks[span[1]].end :].lstrip()[:1]
    quoted = any(mark in before for mark in "\"'")
    if j >= 0 and not quoted and not ("," in before and after in ("", ".", ";", ",", ":")):
        return None  # inverted "said Putin" only after a quotation or ", said X." at clause end
    return made(_np_speakers(text, toks, *span, mentions))


def _noun(text, toks, i, ctx) -> Attribution | None:
    """The attribution for a reporting noun after a possessive (``Putin's remarks``)."""
    table, _unit, _quotes, mentions, _found = ctx
    owner = toks[i - 1] if i > 0 and _spaces(text, toks[i - 1].end, toks[i].start) else None
    if owner is None:
        return None
    word = owner.text.lower()
    if word in POSSESSIVE_PRONOUNS:
        speakers = [Speaker("", owner.text, "pronoun")]
    elif word.endswith(("'s", "s'")):
        span = _np_before(text, toks, i - 1, owner.end)
        speakers = _np_speakers(text, toks, *span, mentions) if span else []
    else:
        return None
    lemma = toks[i].lemma
    return Attribution(
        toks[i].start, toks[i].end, toks[i].text, lemma, table.nouns[lemma], tuple(speakers)
    )


def _resolve(found: list[Attribution]) -> list[Attribution]:
    """Resolve pronoun speakers to the last named speaker before them in the same unit."""
    out, last = [], ()
    for att in found:
        speakers = []
        for s in att.speakers:
            if s.source != "pronoun":
                speakers.append(s)
                continue
            plural = s.text.lower() in ("they", "their", "we")
            if last and (len(last) == 1 or plural):
                speakers.extend(Speaker(x.key, s.text, "pronoun") for x in last)
            else:
                speakers.append(Speaker("unresolved", s.text, "unresolved"))
        named = tuple(s for s in speakers if s.source in ("actor", "name"))
        last = named or last
        out.append(Attribution(att.start, att.end, att.verb, att.lemma, att.verb_class,
                               tuple(speakers), att.participle))  # fmt: skip
    return out


def find_attributions(
    unit: Unit,
    quotes: list[Quote],
    *,
    verbs: ReportingVerbs,
    actors: tuple[Actor, ...] | None = None,
) -> list[Attribution]:
    """Return the reporting verbs and nouns of ``unit`` with their speakers, in text order.

    Pronoun speakers ("he said") are resolved to the last named speaker of the same unit; with
    none, or with a singular pronoun after several speakers, the speaker is ``unresolved``.

    >>> from newsframe.actors import Actor
    >>> from newsframe.framing._units import Unit
    >>> putin = (Actor("putin", "Putin", "person", ("Putin",)),)
    >>> text = 'Putin said so. "Yes," he added.'
    >>> u = Unit("body", 0, text, ((0, 0, 14), (1, 15, len(text))))
    >>> [(a.verb, a.speakers[0].key, a.speakers[0].source)
    ...  for a in find_attributions(u, [], verbs=load_reporting_verbs(), actors=putin)]
    [('said', 'putin', 'actor'), ('added', 'putin', 'pronoun')]
    """
    text = unit.text
    toks = [t for t in word_tokens(text) if not any(q.start <= t.start < q.end for q in quotes)]
    # places do not speak: "Fishermen on Shikotan say" is the fishermen, not the island
    places = {
        a.actor_id
        for a in (actors if actors is not None else default_resources().actors)
        if a.kind == "place"
    }
    mentions = [m for m in find_mentions(text, actors) if m.actor_id not in places]
    longest = max((len(k) for k in verbs.verbs), default=1)
    found: list[Attribution] = []
    ctx = (verbs, unit, quotes, mentions, found)
    starts = {start for _, start, _ in unit.sentences}
    i = 0
    while i < len(toks):
        match = _match_verb(text, toks, i, verbs, longest)
        if match is None:
            att = _noun(text, toks, i, ctx) if toks[i].lemma in verbs.nouns else None
            n = 1
        elif (
            unit.part != "headline"
            and not toks[i].text[:1].islower()
            and toks[i].start not in starts
        ):
            att, n = None, 1  # a capitalised "Says" or "Notes" mid-sentence is a name
        else:
            key, n = match
            att = _verb(text, toks, i, n, key, ctx)
            if att is None and n == 1 and toks[i].lemma in verbs.nouns:
                att = _noun(text, toks, i, ctx)  # "Abe's remarks": a noun, not the verb
        if att is not None and att.speakers:
            found.append(att)
        i += n
    return _resolve(found)
