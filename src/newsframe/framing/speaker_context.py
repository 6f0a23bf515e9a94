"""Text-only features of a (quotation, candidate speaker) pair, read around the quotation.

The chooser of :mod:`newsframe.framing.speaker_model` describes a candidate partly by the rules'
own verdicts (the rules chose it, credited it before, ...). The features here are read from
the words around the quotation alone, as in the feature sets of the candidate-ranking quote
attribution literature (O'Keefe et al. 2012, "A sequence labelling approach to quote
attribution": distance in tokens and sentences, side, punctuation and quotations between, a
reporting verb between or next to the candidate and in which order, the previous quotation's
speaker; Pareti 2016; Muzny et al. 2017: the candidate's kind, a first-person quotation). The
candidate is anchored at its mention nearest to the quotation in the quotation's paragraph
(outside quotations): one of the entity layer's mentions of it, or the words that name it.

>>> ctx = ArticleContext({}, frozenset(["say"]))
>>> f = ctx.pair_values("Ann Lee said: \\"I will stay.\\"", (14, 28), [(0, 7)], kind="person")
>>> [name for name, v in zip(CONTEXT_FEATURES, f, strict=True) if v == 1.0][:5]
['in_paragraph', 'before', 'same_sentence', 'colon_between', 'cand_verb_quote']
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping

from newsframe.text import lemmatize

__all__ = ["CONTEXT_FEATURES", "ArticleContext", "Statements"]

#: The text-only features of a (quotation, candidate) pair: name and what a high value says.
CONTEXT_FEATURES: dict[str, str] = {
    "nobody": "the candidate is nobody (unresolved)",
    "in_paragraph": "named in the quotation's paragraph, outside quotations",
    "before": "its nearest naming comes before the quotation",
    "after": "its nearest naming comes after the quotation",
    "word_gap": "many words between that naming and the quotation",
    "same_sentence": "that naming is in the quotation's sentence(s)",
    "adjacent_sentence": "that naming is in the sentence before or after",
    "sentence_gap": "many sentences between that naming and the quotation",
    "nearest": "the nearest naming to the quotation among the candidates, on either side",
    "nearest_side": "the nearest on its side of the quotation",
    "comma_between": "a comma between that naming and the quotation",
    "colon_between": "a colon between",
    "quote_between": "another quotation between",
    "cand_verb_quote": "named before, a reporting verb right after it ('X said: ...')",
    "quote_verb_cand": "named after, a reporting verb between ('..., said X')",
    "quote_cand_verb": "named after, a reporting verb right after it ('..., X said')",
    "verb_next_to": "a reporting verb within two words of the naming",
    "opens_sentence": "the naming opens its sentence (a subject-like first noun phrase)",
    "opens_clause": "the naming opens the clause after a quotation or comma",
    "oblique": "the word before is 'to', 'by', 'of', 'from', 'with', 'for', 'at' or 'about'",
    "told": "the word before is a verb of telling or asking ('told X')",
    "possessive": "the naming is possessive ('X's')",
    "previous_speaker": "the speaker of the previous quotation of the paragraph",
    "opens_paragraph": "the quotation opens its paragraph",
    "person": "a person",
    "organisation": "an organisation, a group or a document",
    "country": "a country",
    "pronoun": "named by a pronoun",
    "description": "named by a description ('the ministry')",
    "first_person_person": "the quotation speaks as 'I' and the candidate is a person",
    "first_person_body": "the quotation speaks as 'I' and the candidate is no person",
    "we_body": "the quotation speaks as 'we' and the candidate is no person",
    "pronoun_antecedent": "the nearest entity of a fitting kind named before a pronoun subject",
    "mentions": "many namings in the article",
    "mentions_before": "many namings in the article before the quotation",
    "paragraphs_back": "many paragraphs back to its last naming (not in the paragraph)",
    "partial": "the quotation is a fragment inside a sentence",
}
_I = {name: k for k, name in enumerate(CONTEXT_FEATURES)}
_WORD = re.compile(r"[\w'\u2019-]+")
_QUOTES = frozenset('"\u201c\u201d\u00ab\u00bb')
_OBLIQUE = frozenset(["to", "by", "of", "from", "with", "for", "at", "about", "against", "on"])
_TELL = frozenset(["tell", "ask", "inform", "assure", "warn", "urge", "remind", "thank"])
_FIRST = re.compile(r"(?<![\w'\u2019-])(?:I|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)(?![\w-])")
_WE = re.compile(r"(?<![\w'\u2019-])(?:[Ww]e|[Oo]ur|[Uu]s)(?![\w-])")
_PRONOUNS = {"he": "person", "she": "person", "it": "body", "they": "body"}
_SENTENCE_END = re.compile(r"[.!?][\"\u201d\u2019']?\s")


class ArticleContext:
    """The text-only features of one article's (quotation, candidate) pairs.

    Made once per article with the entity layer's mentions (``mentions``: entity id ->
    sorted (paragraph id, start, end, kind) tuples) and the lemmas of the reporting verbs
    (``verbs``: "say", "tell", ...). :meth:`pair_values` gives the features of one pair.
    """

    def __init__(
        self, mentions: Mapping[str, list[tuple[int, int, int, str]]], verbs: Iterable[str]
    ) -> None:
        self.mentions = mentions
        self.verbs = frozenset(verbs)
        self.order = sorted(
            (p, s, e, entity_id, kind)
            for entity_id, found in mentions.items()
            for p, s, e, kind in found
        )

    def _is_verb(self, word: str) -> bool:
        return lemmatize(word.lower()) in self.verbs

    def spans(self, entity_ids: Iterable[str], paragraph_id: int) -> list[tuple[int, int]]:
        """The layer's mentions of ``entity_ids`` in paragraph ``paragraph_id``."""
        out = []
        for entity_id in entity_ids:
            found = self.mentions.get(entity_id, ())
            k = bisect_left(found, (paragraph_id,))
            while k < len(found) and found[k][0] == paragraph_id:
                out.append((found[k][1], found[k][2]))
                k += 1
        return out

    def counts(self, entity_ids: Iterable[str], paragraph_id: int) -> tuple[int, int, int]:
        """Mentions of ``entity_ids`` in the article, before paragraph ``paragraph_id``, and the
        paragraphs back to the last one before it (0: none)."""
        total = before = 0
        back = 0
        for entity_id in entity_ids:
            found = self.mentions.get(entity_id, ())
            k = bisect_left(found, (paragraph_id,))
            total += len(found)
            before += k
            if k:
                back = max(back, paragraph_id - found[k - 1][0])
        return total, before, back

    def antecedent(self, paragraph_id: int, at: int, kind: str) -> str | None:
        """The entity of ``kind`` ("person" or "body") named last before offset ``at`` of
        paragraph ``paragraph_id`` (the nearest-antecedent baseline of pronoun resolution)."""
        k = bisect_left(self.order, (paragraph_id, at))
        for p, _, _, entity_id, ekind in reversed(self.order[max(k - 60, 0) : k]):
            if p < paragraph_id - 2:
                break
            if (ekind == "person") == (kind == "person"):
                return entity_id
        return None

    def pair_values(
        self,
        text: str,
        quote: tuple[int, int],
        spans: list[tuple[int, int]],
        *,
        kind: str = "",
        source: str = "name",
        counts: tuple[int, int, int] = (0, 0, 0),
        flags: Iterable[str] = (),
    ) -> list[float]:
        """The features (:data:`CONTEXT_FEATURES`, in order) of one candidate of the quotation
        at ``quote`` (start, end) of the paragraph ``text``: ``spans`` are where the candidate
        is named in the paragraph (outside quotations), ``kind`` and ``source`` say what it is
        (``source`` "unresolved": nobody), ``counts`` what :meth:`counts` gives, ``flags`` the
        names of features set to 1 by the caller (``previous_speaker``, ``nearest``, ...)."""
        v = [0.0] * len(CONTEXT_FEATURES)
        for name in flags:
            v[_I[name]] = 1.0
        qs, qe = quote
        body = text[qs:qe]
        person = kind == "person"
        if _FIRST.search(body):
            v[_I["first_person_person" if person else "first_person_body"]] = 1.0
        if _WE.search(body) and not person:
            v[_I["we_body"]] = 1.0
        if not text[:qs].strip(" -\u2014\u2013\t\n"):
            v[_I["opens_paragraph"]] = 1.0
        if source in ("unresolved", "pending"):
            v[_I["nobody"]] = 1.0
            return v
        v[_I["person"]] = float(person)
        v[_I["organisation"]] = float(kind in ("organisation", "group", "document"))
        v[_I["country"]] = float(kind == "country")
        v[_I["pronoun"]] = float(source == "pronoun")
        v[_I["description"]] = float(source == "description")
        total, before, back = counts
        v[_I["mentions"]] = math.log1p(total)
        v[_I["mentions_before"]] = math.log1p(before)
        spans = [s for s in spans if s[1] <= qs or s[0] >= qe]
        if not spans:
            v[_I["paragraphs_back"]] = math.log1p(back)
            return v
        start, end = min(spans, key=lambda s: qs - s[1] if s[1] <= qs else s[0] - qe)
        self._place(v, text, quote, start, end)
        return v

    def _place(self, v: list[float], text: str, quote: tuple[int, int], start: int, end: int):
        """Set the features of a naming at ``start``-``end`` near the quotation."""
        qs, qe = quote
        v[_I["in_paragraph"]] = 1.0
        is_before = end <= qs
        between = text[end:qs] if is_before else text[qe:start]
        words = _WORD.findall(between)
        v[_I["before" if is_before else "after"]] = 1.0
        v[_I["word_gap"]] = math.log1p(len(words))
        ends = len(_SENTENCE_END.findall(between))
        v[_I["same_sentence"]] = float(ends == 0)
        v[_I["adjacent_sentence"]] = float(ends == 1)
        v[_I["sentence_gap"]] = math.log1p(ends)
        v[_I["comma_between"]] = float("," in between)
        v[_I["colon_between"]] = float(":" in between)
        v[_I["quote_between"]] = float(any(c in _QUOTES for c in between.strip()))
        after_words = _WORD.findall(text[end : end + 40])[:2]
        before_words = _WORD.findall(text[max(start - 40, 0) : start])[-2:]
        verb_after = any(self._is_verb(w) for w in after_words)
        if is_before:
            v[_I["cand_verb_quote"]] = float(verb_after and len(words) <= 12)
        else:
            v[_I["quote_verb_cand"]] = float(any(self._is_verb(w) for w in words))
            v[_I["quote_cand_verb"]] = float(verb_after)
        v[_I["verb_next_to"]] = float(verb_after or any(self._is_verb(w) for w in before_words))
        cut = max(text.rfind(". ", 0, start), text.rfind("? ", 0, start), -1)
        lead = _WORD.findall(text[cut + 1 : start])
        v[_I["opens_sentence"]] = float(
            len(lead) <= 1 and not any(c in _QUOTES for c in text[cut + 1 : start])
        )
        clause = max(text.rfind(",", 0, start), cut, *(text.rfind(c, 0, start) for c in _QUOTES))
        v[_I["opens_clause"]] = float(len(_WORD.findall(text[clause + 1 : start])) <= 1)
        if before_words:
            last = before_words[-1].lower()
            v[_I["oblique"]] = float(last in _OBLIQUE)
            v[_I["told"]] = float(lemmatize(last) in _TELL)
        v[_I["possessive"]] = float(text[end : end + 2] in ("'s", "\u2019s"))

    def quotation_rows(self, task, speakers: list[tuple], resolve, previous: list[bool]):
        """The features of every candidate of one quotation, one row each: ``task`` is the
        quotation (its paragraph ``text``, ``quote``, ``paragraph_id``, ``partial`` and
        ``inside``: the quotation an offset is in, or None), ``speakers`` each candidate's
        speakers, ``resolve`` a speaker's key -> the entity ids it may be, ``previous``
        whether each candidate is the previous quotation's speaker."""
        text, quote = task.text, (task.quote.start, task.quote.end)
        placed, out = [], []
        pronoun_at = self._pronoun_subject(text, quote)
        hint = None
        if pronoun_at is not None:
            hint = self.antecedent(task.paragraph_id, pronoun_at[0], pronoun_at[1])
        for cand, prev in zip(speakers, previous, strict=True):
            named = [s for s in cand if s.source not in ("unresolved", "pending")]
            if not named:
                out.append(self.pair_values(text, quote, [], source="unresolved"))
                placed.append(None)
                continue
            ids = {i for s in named for i in resolve(s.key)}
            spans = self.spans(ids, task.paragraph_id)
            for s in named:
                spans.extend(_occurrences(text, s.text))
            spans = [sp for sp in spans if task.inside(sp[0]) is None]
            first = named[0]
            flags = ["previous_speaker"] if prev else []
            if hint is not None and hint in ids:
                flags.append("pronoun_antecedent")
            if task.partial:
                flags.append("partial")
            row = self.pair_values(
                text, quote, spans, kind=first.kind, source=first.source,
                counts=self.counts(ids, task.paragraph_id), flags=flags,
            )  # fmt: skip
            out.append(row)
            placed.append(row)
        gaps = [(r[_I["word_gap"]], r[_I["before"]]) for r in placed if r and r[_I["in_paragraph"]]]
        if gaps:
            best = min(g for g, _ in gaps)
            best_side = {side: min(g for g, s in gaps if s == side) for _, side in gaps}
            for r in placed:
                if r and r[_I["in_paragraph"]]:
                    r[_I["nearest"]] = float(r[_I["word_gap"]] == best)
                    r[_I["nearest_side"]] = float(r[_I["word_gap"]] == best_side[r[_I["before"]]])
        return out

    def _pronoun_subject(self, text: str, quote: tuple[int, int]) -> tuple[int, str] | None:
        """Where a pronoun stands next to a reporting verb near the quotation ("he said"), with
        the kind it stands for ("person" or "body"), or None."""
        qs, qe = quote
        for lo, hi in ((qe, min(qe + 60, len(text))), (max(qs - 80, 0), qs)):
            words = [(m.start(), m.group()) for m in _WORD.finditer(text, lo, hi)]
            for k, (at, word) in enumerate(words):
                kind = _PRONOUNS.get(word.lower())
                if kind is None:
                    continue
                near = words[max(k - 1, 0) : k] + words[k + 1 : k + 2]
                if any(self._is_verb(w) for _, w in near):
                    return at, kind
        return None


def _occurrences(text: str, words: str) -> list[tuple[int, int]]:
    """Where ``words`` stand in ``text`` as whole words (case as written)."""
    if not words or len(words) > 200:
        return []
    out = []
    k = text.find(words)
    while k >= 0:
        end = k + len(words)
        if (k == 0 or not text[k - 1].isalnum()) and (end >= len(text) or not text[end].isalnum()):
            out.append((k, end))
        k = text.find(words, k + 1)
    return out


#: How many paragraphs a statement runs on after the quotation that framed it.
STATEMENT_PARAGRAPHS = 3


class Statements:
    """The statement each quotation of one article belongs to, read in reading order.

    A *statement* is the run of quotations from one whose own speech frame names its speaker
    ("Ann Lee said:", '"...," Ann Lee said') to the next such frame: the quotations between
    (a pronoun's "he added", one without a verb, one carried into the next paragraph) are
    most often the framer's words, as in the conversation-level continuity of quote
    attribution (O'Keefe et al. 2012, the previous speaker as a sequence feature; Muzny et
    al. 2017, a quotation's speaker from the conversation around it; Pareti 2015, speech
    frames that introduce a statement with a colon). One object per article, updated once
    per quotation with :meth:`add` (linear in the quotations; nothing is read from the text).
    A statement ends :data:`STATEMENT_PARAGRAPHS` paragraphs after its frame.

    >>> runs = Statements()
    >>> runs.add(("Ann Lee",), 0, framed=True, statement=True)
    >>> runs.add(("x",), 1, framed=False)
    >>> runs.run(2), runs.share(("Ann Lee",)), runs.quotes
    ((frozenset({'Ann Lee'}), 2, True), 1.0, 2)
    >>> runs.run(3 + STATEMENT_PARAGRAPHS) is None
    True
    """

    def __init__(self) -> None:
        self.framer: frozenset[str] = frozenset()
        self.paragraph_id = 0
        self.statement = False
        self.framed: dict[str, int] = {}
        self.n_framed = 0
        self.quotes = 0

    def run(self, paragraph_id: int) -> tuple[frozenset[str], int, bool] | None:
        """The statement a quotation of paragraph ``paragraph_id`` continues: who framed it
        (speaker keys), how many paragraphs back and whether its frame introduced a statement
        (a colon after the verb, a "said:" sentence); None without one that near."""
        if not self.framer:
            return None
        back = paragraph_id - self.paragraph_id
        if back < 0 or back > STATEMENT_PARAGRAPHS:
            return None
        return self.framer, back, self.statement

    def share(self, keys: Iterable[str]) -> float:
        """The share of the article's framed quotations so far that ``keys`` framed."""
        if not self.n_framed:
            return 0.0
        return sum(self.framed.get(k, 0) for k in set(keys)) / self.n_framed

    def add(
        self, keys: Iterable[str], paragraph_id: int, *, framed: bool, statement: bool = False
    ) -> None:
        """Count one quotation of paragraph ``paragraph_id``; ``framed``: its own speech frame
        names its speakers ``keys`` (they frame the statement from here on), ``statement``:
        that frame introduces a statement."""
        self.quotes += 1
        if not framed:
            return
        self.framer = frozenset(keys)
        self.paragraph_id, self.statement = paragraph_id, statement
        self.n_framed += 1
        for k in self.framer:
            self.framed[k] = self.framed.get(k, 0) + 1
