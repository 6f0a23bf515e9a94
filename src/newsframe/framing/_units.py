"""Shared plumbing for the framing measures: text units, word offsets and data-file loading.

A *unit* is the headline or one body paragraph of an article, in normalised characters, with the
character spans of its sentences. Every framing table reports where it found something as
``part`` (``headline``, ``lede`` or ``body``), ``paragraph_id`` and ``sentence_id``; the headline
has ``paragraph_id == sentence_id == -1`` because :meth:`Article.sentences` numbers body
sentences only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from newsframe.corpus import Article, Corpus
from newsframe.errors import NewsframeError
from newsframe.text import lemmatize, normalise, tokenize

HEADLINE = -1
#: Word tokens with their character offsets (the same words :func:`newsframe.tokenize` finds).
WORD = re.compile(
    r"(?:[^\W\d_]\.){2,}|\d+(?:[.,:]\d+)*(?:%|(?:-[^\W_]+)+)?|[^\W\d_][^\W_]*(?:['-][^\W_]+)*"
)


@dataclass(frozen=True)
class Unit:
    """The headline or one paragraph: normalised text and its sentences' character spans."""

    part: str
    paragraph_id: int
    text: str
    sentences: tuple[tuple[int, int, int], ...]  # (sentence_id, start, end)

    def sentence_at(self, offset: int) -> int:
        """Return the id of the sentence that contains character ``offset``."""
        for sentence_id, _start, end in self.sentences:
            if offset < end:
                return sentence_id
        return self.sentences[-1][0] if self.sentences else HEADLINE

    def sentence_text(self, first: int, last: int | None = None) -> str:
        """Return the text of sentences ``first`` .. ``last`` (inclusive) of this unit."""
        last = first if last is None else last
        spans = [(s, e) for i, s, e in self.sentences if first <= i <= last]
        if not spans:
            return self.text
        return self.text[spans[0][0] : spans[-1][1]]


def as_articles(corpus: Corpus | Iterable[Article] | Article) -> list[Article]:
    """Return the articles of ``corpus`` (a Corpus, an iterable of Articles or one Article)."""
    items = [corpus] if isinstance(corpus, Article) else list(corpus)
    for item in items:
        if not isinstance(item, Article):
            raise NewsframeError(
                f"expected newsframe Article objects, got {type(item).__name__}; "
                "load articles with nf.load_corpus(...) or nf.Article(id, title, paragraphs)"
            )
    return items


def units(article: Article, *, headline: bool = True) -> list[Unit]:
    """Return the article's units: the headline (if any and ``headline``) then each paragraph."""
    out: list[Unit] = []
    title = article.clean_title
    if headline and title.strip():
        out.append(Unit("headline", HEADLINE, title, ((HEADLINE, 0, len(title)),)))
    by_paragraph: dict[int, list[tuple[int, str]]] = {}
    for paragraph_id, sentence_id, sentence in article.sentences():
        by_paragraph.setdefault(paragraph_id, []).append((sentence_id, sentence))
    for paragraph_id, text in enumerate(article.clean_paragraphs):
        spans, cursor = [], 0
        for sentence_id, sentence in by_paragraph.get(paragraph_id, []):
            start = text.find(sentence, cursor)
            start = cursor if start < 0 else start
            cursor = start + len(sentence)
            spans.append((sentence_id, start, cursor))
        if spans:
            last_id, last_start, _ = spans[-1]
            spans[-1] = (last_id, last_start, len(text))
            part = "lede" if paragraph_id == 0 else "body"
            out.append(Unit(part, paragraph_id, text, tuple(spans)))
    return out


def body_words(article: Article) -> int:
    """Return the number of word tokens in the article body (headline excluded)."""
    return sum(len(tokenize(sentence)) for _, _, sentence in article.sentences())


def per_1000(count: int | float, words: int) -> float:
    """Return ``count`` per 1,000 words, defined as 0.0 for an article without words."""
    return 1000.0 * count / words if words else 0.0


@dataclass(frozen=True)
class Token:
    """A word token of a unit: text, lemma and character span."""

    text: str
    lemma: str
    start: int
    end: int


def word_tokens(text: str) -> list[Token]:
    """Return the word tokens of (already normalised) ``text`` with lemmas and offsets."""
    return [
        Token(m.group(0), lemmatize(m.group(0)), m.start(), m.end()) for m in WORD.finditer(text)
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
