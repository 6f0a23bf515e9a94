"""One cleaned article (:class:`Article`), and :func:`as_articles`, the coercion every analysis uses.

The data type at the bottom of the package: it imports nothing of newsframe but the errors and
the text normaliser and sentence splitter. Loading (:mod:`newsframe.corpus`, which also holds the
:class:`~newsframe.Corpus` of many articles) builds Articles; :mod:`newsframe.document` analyses
one and keeps the result on it, under :data:`_DOCUMENTS`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import pandas as pd

from newsframe.errors import InputError, wrong_kind
from newsframe.language import LanguageGuess, guess_language
from newsframe.text import normalise, split_sentences

if TYPE_CHECKING:  # pragma: no cover
    from newsframe.cleaning import Removal

__all__ = ["Article", "as_articles"]

#: Where an Article keeps its analysed documents (written by :mod:`newsframe.document`).
_DOCUMENTS = "_newsframe_documents"
#: Where an Article keeps its (sentences, words) when they were counted in another process.
_COUNTS = "_newsframe_counts"


@dataclass(frozen=True)
class Article:
    """One cleaned article.

    ``body`` is the clean article text in its original characters, paragraphs separated by a
    blank line; ``paragraphs`` the same as a tuple (a single string given for ``paragraphs`` is
    taken as the body and split at blank lines: ``Article("a", "T", "One.\n\nTwo.")`` has two
    paragraphs). ``captions`` are photo captions and credits
    (framing material, but not body text). ``removed`` lists every dropped line with its reason.
    ``raw_text`` is the decoded file as it was, ``sha256`` the hash of its bytes; ``page_text`` is
    the text the cleaner read (the raw text, or the text extracted from an HTML page followed by
    one line per block the extraction left out, each in ``removed`` with its reason), to which the
    line numbers in ``removed`` refer. ``metadata`` holds
    the manifest fields (outlet, published, url, note, ...). ``notes`` flags kept lines (body
    text in another script, which the English analysis does not read). ``cleaned`` is False
    when the text came from a table already extracted and was taken as given (no page cleaning,
    ``load_corpus(clean=False)``).
    """

    article_id: str
    title: str
    paragraphs: tuple[str, ...]
    captions: tuple[str, ...] = ()
    removed: tuple[Removal, ...] = ()
    source_path: Path | None = None
    sha256: str = ""
    raw_text: str = ""
    page_text: str = ""
    encoding: str = "utf-8"
    metadata: Mapping[str, Any] = field(default_factory=dict)
    notes: tuple[Removal, ...] = ()
    cleaned: bool = True

    def __post_init__(self) -> None:
        # A string given for the paragraphs is the body: split at blank lines, not per character.
        if isinstance(self.paragraphs, str):
            parts = tuple(p.strip() for p in re.split(r"\n[^\S\n]*+\n\s*+", self.paragraphs))
            object.__setattr__(self, "paragraphs", tuple(p for p in parts if p))
        elif not isinstance(self.paragraphs, tuple):
            if not isinstance(self.paragraphs, Iterable):
                raise InputError(
                    f"Article {self.article_id!r}",
                    f"paragraphs must be a tuple of strings, got {_describe(self.paragraphs)}",
                )
            object.__setattr__(self, "paragraphs", tuple(self.paragraphs))
        bad = next((p for p in self.paragraphs if not isinstance(p, str)), "")
        if not isinstance(bad, str) or not isinstance(self.article_id, str):
            what = bad if not isinstance(bad, str) else self.article_id
            raise InputError(
                f"Article {self.article_id!r}",
                f"article_id and paragraphs must be strings, got {_describe(what)}",
            )

    def __getstate__(self) -> dict[str, Any]:
        # the analysed documents and the loading mark are caches of this process: not pickled;
        # a read-only metadata view travels as a dict and is made read-only again on arrival
        state = {k: v for k, v in self.__dict__.items() if not k.startswith("_newsframe_")}
        if isinstance(state.get("metadata"), MappingProxyType):
            state["metadata"] = dict(state["metadata"])
            state["_readonly_metadata"] = True
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        if state.pop("_readonly_metadata", False):
            state["metadata"] = MappingProxyType(state["metadata"])
        self.__dict__.update(state)

    @property
    def body(self) -> str:
        """The clean article text, paragraphs separated by a blank line."""
        return "\n\n".join(self.paragraphs)

    @property
    def outlet(self) -> str:
        return str(self.metadata.get("outlet") or "")

    @property
    def published(self) -> str:
        return str(self.metadata.get("published") or "")

    @property
    def url(self) -> str:
        return str(self.metadata.get("url") or "")

    @property
    def label(self) -> str:
        """A short display label: the manifest's ``label`` if given, else the article id."""
        return str(self.metadata.get("label") or self.article_id)

    @cached_property
    def clean_paragraphs(self) -> tuple[str, ...]:
        """Paragraphs after :func:`newsframe.text.normalise` (quotes, dashes, spaces unified)."""
        return tuple(" ".join(normalise(p).split()) for p in self.paragraphs)

    @cached_property
    def clean_title(self) -> str:
        """The headline after :func:`newsframe.text.normalise`."""
        return " ".join(normalise(self.title).split())

    @cached_property
    def language(self) -> LanguageGuess:
        """The likely language of the body, with its evidence (:func:`newsframe.language.guess_language`).

        ``article.language.is_english`` is False when the body is mostly another language: the
        corpus keeps the article and warns, naming its file, that the English measures will not
        read it.

        >>> Article("a1", "T", "The minister said the vote would be held in June, after the "
        ...         "talks with the opposition parties had ended and the new law was passed.").language.language
        'en'
        """
        return guess_language(self.body)

    @property
    def lede(self) -> str:
        """The first paragraph of the body (normalised), or '' for an empty body."""
        return self.clean_paragraphs[0] if self.clean_paragraphs else ""

    def sentences(self) -> list[tuple[int, int, str]]:
        """Return ``(paragraph_id, sentence_id, sentence)`` for the normalised body, in order.

        >>> a = Article("a1", "T", ("One. Two.", "Three."))
        >>> a.sentences()
        [(0, 0, 'One.'), (0, 1, 'Two.'), (1, 2, 'Three.')]
        """
        return list(self._sentences)

    @cached_property
    def _sentences(self) -> tuple[tuple[int, int, str], ...]:
        out: list[tuple[int, int, str]] = []
        for p, paragraph in enumerate(self.clean_paragraphs):
            for sentence in split_sentences(paragraph):
                out.append((p, len(out), sentence))
        return tuple(out)

    def line_audit(self) -> pd.DataFrame:
        """Return every non-blank line of the page: ``article_id, line_no, status, reason, text``.

        ``status`` is ``"body"`` (kept), ``"caption"`` (kept apart in ``captions``) or
        ``"removed"``; ``reason`` says why a line is not body text. The raw page beside its clean
        version, line for line.

        >>> from newsframe.cleaning import clean_text
        >>> page = "Read more\\nBody text here."
        >>> removed = clean_text(page, method="rules").removed
        >>> a = Article("a", "T", ("Body text here.",), page_text=page, removed=removed)
        >>> a.line_audit()[["line_no", "status"]].values.tolist()
        [[1, 'removed'], [2, 'body']]
        """
        removed = {r.line_no: r.reason for r in self.removed if not r.part}
        notes = {r.line_no: r.reason for r in self.notes}
        for r in self.removed:
            if r.part and r.line_no not in removed:
                notes[r.line_no] = f"{r.reason} split off: {r.text}"
        captions = {" ".join(c.split()) for c in self.captions}
        rows = []
        for n, line in enumerate((self.page_text or self.raw_text).splitlines(), start=1):
            text = line.strip()
            if not text:
                continue
            reason = removed.get(n, notes.get(n, ""))
            status = "body" if n not in removed else "removed"
            if status == "removed" and " ".join(text.split()) in captions:
                status = "caption"
            rows.append((self.article_id, n, status, reason, text))
        return pd.DataFrame(rows, columns=["article_id", "line_no", "status", "reason", "text"])

    def removed_frame(self) -> pd.DataFrame:
        """Return the audit: ``article_id, line_no, reason, text``, one row per removed line."""
        rows = [(self.article_id, r.line_no, r.reason, r.text) for r in self.removed]
        return pd.DataFrame(rows, columns=["article_id", "line_no", "reason", "text"])

    def __repr__(self) -> str:
        return (
            f"Article({self.article_id!r}, title={self.title!r}, paragraphs={len(self.paragraphs)}, "
            f"removed={len(self.removed)})"
        )


def as_articles(articles: Iterable[Article] | Article) -> list[Article]:
    """Return ``articles`` (a Corpus, an iterable of Articles or one Article) as a list.

    The one coercion every analysis uses. An empty corpus or list gives ``[]`` (and every
    table function then returns an empty table with its columns). A string, bytes, ``None``,
    a table, any other object, or an iterable holding anything but Articles raises
    :class:`~newsframe.errors.WrongKindError` (a NewsframeError) saying what was given.

    >>> as_articles(Article("a", "T", ("x.",)))
    [Article('a', title='T', paragraphs=1, removed=0)]
    >>> as_articles([])
    []
    """
    hint = "load articles with nf.load_corpus(...) or build nf.Article(id, title, paragraphs)"
    if isinstance(articles, Article):
        return [articles]
    wanted = "a Corpus, Articles or one Article"
    if articles is None or isinstance(articles, (str, bytes, Path)) or hasattr(articles, "columns"):
        raise wrong_kind(articles, wanted, "articles", hint)  # a path, or a table
    try:
        items = list(articles)
    except TypeError:
        raise wrong_kind(articles, wanted, "articles", hint) from None
    for n, item in enumerate(items):
        if not isinstance(item, Article):
            raise wrong_kind(item, wanted, f"articles (position {n})", hint)
    return items


def _describe(value: object) -> str:
    if value is None:
        return "None"
    if isinstance(value, str):
        return f"{value!r}"
    name = type(value).__name__
    return f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"
