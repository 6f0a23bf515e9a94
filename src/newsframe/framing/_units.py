"""Shared plumbing for the framing measures: text units, word tokens and resources.

A *unit* is the headline or one body paragraph of an article, in normalised characters, with the
character spans of its sentences: a view of the article's analysed document
(:func:`newsframe.analyse`), never a second tokenisation. Every framing table reports where it
found something as ``part`` (``headline``, ``lede`` or ``body``), ``paragraph_id`` and
``sentence_id``; the headline has ``paragraph_id == sentence_id == -1`` because
:meth:`Article.sentences` numbers body sentences only. Per-1,000 rates divide by
:attr:`newsframe.Document.n_words` (:func:`body_words`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from newsframe.corpus import Article
from newsframe.corpus import as_articles as as_articles
from newsframe.document import HEADLINE, Document, analyse
from newsframe.lexicons import load_actors
from newsframe.resources import Resources
from newsframe.text import TOKEN, lemmatize, normalise


@dataclass(frozen=True)
class Token:
    """A word token of a unit: text, lemma and character span."""

    text: str
    lemma: str
    start: int
    end: int


@dataclass(frozen=True)
class Unit:
    """The headline or one paragraph: normalised text and its sentences' character spans.

    ``doc`` is the analysed document the unit comes from (None for a unit built by hand: then
    :meth:`words` tokenises ``text``).
    """

    part: str
    paragraph_id: int
    text: str
    sentences: tuple[tuple[int, int, int], ...]  # (sentence_id, start, end)
    doc: Document | None = field(default=None, compare=False, repr=False)
    _ends: tuple[int, ...] = field(default=(), init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_ends", tuple(end for _, _, end in self.sentences))

    def sentence_at(self, offset: int) -> int:
        """Return the id of the sentence that contains character ``offset`` (binary search)."""
        if not self.sentences:
            return HEADLINE
        k = bisect_right(self._ends, offset)
        return self.sentences[min(k, len(self.sentences) - 1)][0]

    def sentence_text(self, first: int, last: int | None = None) -> str:
        """Return the text of sentences ``first`` .. ``last`` (inclusive) of this unit."""
        last = first if last is None else last
        if not self.sentences:
            return self.text
        base = self.sentences[0][0]  # sentence ids of a unit are consecutive
        lo, hi = max(first - base, 0), min(last - base, len(self.sentences) - 1)
        if lo > hi:
            return self.text
        return self.text[self.sentences[lo][1] : self.sentences[hi][2]]

    def words(self) -> list[Token]:
        """Return the unit's word tokens with lemmas and offsets."""
        return (
            word_tokens(self.text)
            if self.doc is None
            else _unit_tokens(self.doc, self.paragraph_id)
        )


def _unit_tokens(doc: Document, paragraph_id: int) -> list[Token]:
    lo, hi = doc.token_range(paragraph_id)
    types, lemmas = doc.types, doc.type_lemma
    return [
        Token(types[t], lemmas[t], a, b)
        for t, a, b in zip(
            doc.token_type[lo:hi].tolist(),
            doc.token_start[lo:hi].tolist(),
            doc.token_end[lo:hi].tolist(),
            strict=True,
        )
    ]


def document_units(doc: Document, *, headline: bool = True) -> list[Unit]:
    """Return the units of an analysed document: the headline (if any) then each paragraph
    with at least one sentence. Built once per document and cached on it."""
    cache = doc.__dict__.setdefault("_framing_units", {})
    if headline not in cache:
        out: list[Unit] = []
        if headline and doc.title.strip():
            spans = ((HEADLINE, 0, len(doc.title)),)
            out.append(Unit("headline", HEADLINE, doc.title, spans, doc))
        for paragraph_id, text in enumerate(doc.paragraphs):
            spans = doc.sentence_spans(paragraph_id)
            if spans:
                last_id, last_start, _ = spans[-1]
                spans[-1] = (last_id, last_start, len(text))
                part = "lede" if paragraph_id == 0 else "body"
                out.append(Unit(part, paragraph_id, text, tuple(spans), doc))
        cache[headline] = tuple(out)
    return list(cache[headline])


def units(
    article: Article, *, headline: bool = True, resources: Resources | None = None
) -> list[Unit]:
    """Return the article's units: the headline (if any and ``headline``) then each paragraph."""
    return document_units(analyse(article, resources=resources), headline=headline)


def body_words(article: Article, *, resources: Resources | None = None) -> int:
    """Return the article's word count, :attr:`Document.n_words` (body word tokens, headline
    excluded): the denominator of every framing per-1,000 rate."""
    return analyse(article, resources=resources).n_words


def with_actors(resources: Resources, actors) -> Resources:
    """``resources`` with its actor table replaced by ``actors`` (a table or a TOML path);
    ``None`` keeps it. The same override gives the same object (so documents stay cached)."""
    if actors is None:
        return resources
    if isinstance(actors, (str, Path)):
        actors = load_actors(actors)
    return _replaced(resources, "actors", tuple(actors))


@lru_cache(maxsize=32)
def _replaced(resources: Resources, name: str, value) -> Resources:
    if getattr(resources, name) == value:
        return resources
    return replace(resources, **{name: value})


def per_1000(count: int | float, words: int) -> float:
    """Return ``count`` per 1,000 words, defined as 0.0 for an article without words."""
    return 1000.0 * count / words if words else 0.0


def word_tokens(text: str) -> list[Token]:
    """Return the word tokens of (already normalised) ``text`` with lemmas and offsets
    (:data:`newsframe.text.TOKEN`, the one tokenizer)."""
    return [
        Token(m.group(0), lemmatize(m.group(0)), m.start(), m.end()) for m in TOKEN.finditer(text)
    ]


def phrase_regex(phrases: Iterable[str]) -> re.Pattern[str]:
    """Return a case-insensitive regex matching any phrase on word boundaries, longest first."""
    unique = sorted(
        {normalise(p).strip() for p in phrases if p.strip()}, key=lambda p: (-len(p), p)
    )
    if not unique:
        return re.compile(r"(?!x)x")
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in unique)
    return re.compile(rf"(?<![\w'-])(?:{body})(?![\w-])", re.IGNORECASE)
