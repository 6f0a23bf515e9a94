"""Articles and corpora: the only module that reads article files.

``load_article`` turns one raw file (plain text or a saved HTML page) into an :class:`Article`
holding the clean text and an audit of what was removed; ``load_corpus`` does so for a manifest
CSV, a folder or a list of paths, and reads article tables (CSV, Parquet, JSON Lines with a text
column, news-please JSON) row by row through :mod:`newsframe.sources`. Raw files are opened
read-only and never written.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import functools
import hashlib
import io
import os
import re
import unicodedata
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pandas as pd

from newsframe.article import _COUNTS, _DOCUMENTS, Article, _describe, as_articles
from newsframe.cleaning import CleanText, Removal, Rules, clean_text, clean_texts, load_rules
from newsframe.document import Document, analyse_corpus
from newsframe.errors import InputError, NewsframeError, NewsframeWarning
from newsframe.files import (
    binary_kind,
    check_regular,
    max_bytes_limit,
    path_text,
    too_big,
    utf16_without_bom,
)
from newsframe.files import read_regular as _read_bytes
from newsframe.language import clearly_english, language_name
from newsframe.lines import LineModel, StoryView, StoryWords, load_line_terms
from newsframe.parallel import map_slices
from newsframe.resources import Resources, remember_resources
from newsframe.sources import (
    TABLE_SUFFIXES,
    RowProblem,
    float_text,
    parse_published,
    row_fields,
    row_id,
    table_columns,
    table_rows,
)
from newsframe.story import Story, load_story
from newsframe.text import TOKEN
from newsframe.webpage import extract_page

__all__ = ["Article", "Corpus", "as_articles", "load_article", "load_corpus", "read_raw"]

SUPPORTED = (".txt", ".text", ".md", ".html", ".htm")
MANIFEST_COLUMNS = ("article_id", "file", "outlet", "title", "published", "url", "note")
REQUIRED_COLUMNS = ("article_id", "file")
_FALLBACK = "cp1252"
_ID_SAFE = re.compile(r"[^\w.-]+")  # letters and digits of every script, "_", "." and "-"


def _id_text(name: str) -> str:
    """An article id made from a file name: NFC (a Mac writes names decomposed), runs of other
    characters (spaces, punctuation, bytes that are not UTF-8) as one "-", "article" if empty.

    >>> _id_text("Статья 1"), _id_text("cafe\u0301 (copy)"), _id_text("!!")
    ('Статья-1', 'café-copy', 'article')
    """
    return _ID_SAFE.sub("-", unicodedata.normalize("NFC", name)).strip("-") or "article"


def _path_id(relative: Path, *, ending: bool = False) -> str:
    """The id of a file at ``relative`` in a folder: its parts' :func:`_id_text` joined by "-"
    (``2016/a b.txt`` -> ``2016-a-b``), the ending kept when ``ending``."""
    parts = (relative if ending else relative.with_suffix("")).parts
    return "-".join(_id_text(part) for part in parts)


def _no_value(lacking: list[Article], total: int) -> str:
    """Which of ``total`` articles lack a metadata value: the first five, with their files."""
    named = ", ".join(
        repr(a.article_id) + (f" ({a.source_path.name})" if a.source_path is not None else "")
        for a in lacking[:5]
    )
    more = f" and {len(lacking) - 5:,} more" if len(lacking) > 5 else ""
    return (
        f"{len(lacking):,} of {total:,} articles have no value: {named}{more}; "
        "give every article one (or group by another column)"
    )


class Corpus(Sequence[Article]):
    """An ordered collection of articles with unique ids.

    Index by position or by ``article_id``; iterate to get articles; ``to_frame()`` gives one
    tidy row per article.

    >>> c = Corpus([Article("a", "A", ("x y.",)), Article("b", "B", ("z.",))])
    >>> c["b"].title, len(c), c.ids
    ('B', 2, ['a', 'b'])
    """

    #: Rows of article tables left out by ``load_corpus(skip_bad=True)``: (file, row, id, problem).
    _skipped: tuple[tuple[str, int, str, str], ...] = ()
    #: Articles left out by ``load_corpus(dedupe=True)``: (id, outlet, duplicate of, its outlet).
    _dropped: tuple[tuple[str, str, str, str], ...] = ()

    def __init__(
        self,
        articles: Iterable[Article],
        *,
        resources: Resources | None = None,
        story: Any = None,
    ) -> None:
        if isinstance(articles, Corpus):  # the same articles: what loading left out still holds
            self._skipped, self._dropped = articles._skipped, articles._dropped
        self._articles = tuple(as_articles(articles))
        #: The corpus's own word lists and tables (None: the shipped defaults); every analysis
        #: given this corpus without ``resources=`` uses them.
        self.resources = resources
        #: The :class:`~newsframe.story.Story` the corpus was loaded with (``load_corpus(story=)``).
        self.story = story
        counts = Counter(a.article_id for a in self._articles)
        dupes = sorted(k for k, v in counts.items() if v > 1)
        if dupes:
            raise InputError("corpus", f"duplicate article_id {', '.join(map(repr, dupes))}")
        self._by_id = {a.article_id: a for a in self._articles}

    def __len__(self) -> int:
        return len(self._articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self._articles)

    def __getitem__(self, key):  # type: ignore[override]
        if isinstance(key, str):
            try:
                return self._by_id[key]
            except KeyError:
                raise KeyError(f"no article with article_id {key!r}; have {self.ids}") from None
        if isinstance(key, slice):
            return self._like(self._articles[key])
        return self._articles[key]

    def _like(self, articles: Iterable[Article]) -> Corpus:
        """A corpus of ``articles`` that keeps this corpus's story and resources."""
        return Corpus(articles, resources=self.resources, story=self.story)

    @property
    def ids(self) -> list[str]:
        return [a.article_id for a in self._articles]

    def subset(self, ids: Iterable[str]) -> Corpus:
        """Return a corpus of the articles with these ids, in the order given."""
        return self._like(self[i] for i in ids)

    @property
    def metadata_columns(self) -> list[str]:
        """Every metadata field of any article (manifest columns), in first-seen order."""
        return list(dict.fromkeys(k for a in self._articles for k in a.metadata))

    @property
    def group_column(self) -> str | None:
        """The default grouping column: the story's (if its articles carry it), else ``group``.

        ``None`` when no article has either as a metadata field. A column that some articles
        have and others lack (an empty cell of the manifest or table) is an
        :class:`~newsframe.errors.InputError` naming the articles without a value, rather than a
        grouping silently dropped.

        >>> c = Corpus([Article("a", "", ("x.",), metadata={"group": "g1"})])
        >>> c.group_column
        'group'
        >>> Corpus([Article("a", "", ("x.",), metadata={"group": "g1"}), Article("b", "", ("y.",))]).group_column
        Traceback (most recent call last):
        newsframe.errors.InputError: metadata column 'group': 1 of 2 articles have no value: 'b'; give every article one (or group by another column)
        """
        story_column = getattr(self.story, "group", None) or None
        for column in (story_column, "group"):
            if not column or not self._articles:
                continue
            lacking = [a for a in self._articles if column not in a.metadata]
            if not lacking:
                return column
            if len(lacking) < len(self._articles):
                raise InputError(f"metadata column {column!r}", _no_value(lacking, len(self)))
        return None

    def groups(self, column: str | None = None) -> dict[str, Corpus]:
        """Return ``{group value: Corpus}`` for a metadata ``column`` (default :attr:`group_column`).

        Groups are in order of first appearance; each keeps the corpus's order, story and
        resources. Without a column (no argument and no default), every article is its own group.
        Raises :class:`~newsframe.errors.InputError` naming the column when an article lacks it.

        >>> meta = [{"group": "x"}, {"group": "y"}, {"group": "x"}]
        >>> c = Corpus(Article(i, "", ("t.",), metadata=m) for i, m in zip("abc", meta))
        >>> {k: v.ids for k, v in c.groups().items()}
        {'x': ['a', 'c'], 'y': ['b']}
        """
        column = column or self.group_column
        if column is None:
            return {a.article_id: self._like([a]) for a in self._articles}
        keys = [self._value(a, column) for a in self._articles]
        return {
            key: self._like(a for a, k in zip(self._articles, keys, strict=True) if k == key)
            for key in dict.fromkeys(keys)
        }

    def _value(self, article: Article, column: str) -> str:
        if column == "article_id":
            return article.article_id
        if column not in article.metadata:
            raise InputError(
                f"metadata column {column!r}",
                f"article {article.article_id!r} has no such field "
                f"(fields: {', '.join(self.metadata_columns) or 'none'})",
            )
        value = article.metadata[column]
        # 1 and 1.0 are one group, as in a table read from a file (newsframe.sources)
        return float_text(value) if isinstance(value, float) else str(value)

    def group_of(self, column: str | None = None) -> dict[str, str]:
        """Return ``{article_id: group}`` for ``column`` (default :attr:`group_column`, else ids)."""
        column = column or self.group_column or "article_id"
        return {a.article_id: self._value(a, column) for a in self._articles}

    def where(self, **metadata: str | Iterable[str]) -> Corpus:
        """Return the articles whose metadata match every ``field=value`` (or one of several values).

        >>> meta = [{"group": "x"}, {"group": "y"}, {"group": "z"}]
        >>> c = Corpus(Article(i, "", ("t.",), metadata=m) for i, m in zip("abc", meta))
        >>> c.where(group="x").ids, c.where(group=["y", "z"]).ids
        (['a'], ['b', 'c'])
        """
        wanted = {
            k: {v} if isinstance(v, str) else {str(x) for x in v} for k, v in metadata.items()
        }
        return self._like(
            a
            for a in self._articles
            if all(self._value(a, k) in values for k, values in wanted.items())
        )

    def documents(self, *, resources: Resources | None = None) -> list[Document]:
        """Return the analysed document of every article (:func:`newsframe.analyse`), in order.

        ``resources=None`` uses the corpus's own :attr:`resources`, else the shipped defaults.
        """
        return analyse_corpus(self, resources=resources)

    def to_frame(self) -> pd.DataFrame:
        """Return one row per article with every metadata field and basic counts.

        Columns: ``article_id, title, outlet, published, url``, then every other manifest column
        (e.g. ``group``, ``note``) in manifest order, then ``source_path, sha256, paragraphs,
        sentences, words, captions, removed_lines, cleaning`` (``page cleaner``, or ``none (text
        as given)`` for table text read without ``clean=True``). ``words`` is the article's word count
        (:attr:`newsframe.Document.n_words`: word tokens of the clean body, headline excluded),
        the denominator of every per-1,000 rate.

        >>> c = Corpus([Article("a", "T", ("One two.",), metadata={"group": "g"})])
        >>> list(c.to_frame().columns[:6])
        ['article_id', 'title', 'outlet', 'published', 'url', 'group']
        """
        extra = [c for c in self.metadata_columns if c not in ("outlet", "published", "url")]
        rows = []
        for a in self._articles:
            row = {
                "article_id": a.article_id,
                "title": a.title,
                "outlet": a.outlet,
                "published": a.published,
                "url": a.url,
            }
            row.update({c: str(a.metadata.get(c, "")) for c in extra if c not in row})
            row.update(
                {
                    "source_path": path_text(a.source_path),
                    "sha256": a.sha256,
                    "paragraphs": len(a.paragraphs),
                    **_sentences_and_words(a),
                    "captions": len(a.captions),
                    "removed_lines": len(a.removed),
                    "cleaning": "page cleaner" if a.cleaned else "none (text as given)",
                }
            )
            rows.append(row)
        return pd.DataFrame(rows)

    def skipped_rows(self) -> pd.DataFrame:
        """Return the table rows loading left out: ``file, row, article_id, problem``.

        Filled by ``load_corpus(..., skip_bad=True)`` (a row without text, with a text that is
        not a string, or with a date that does not parse; a manifest row with a date that does
        not parse, naming a file that does not exist or one an earlier row names); empty
        otherwise. ``row`` is the line
        of a manifest or a JSON Lines file, else the data row (1 is the first row after a CSV
        header)."""
        return pd.DataFrame(list(self._skipped), columns=["file", "row", "article_id", "problem"])

    def duplicate_texts(self) -> pd.DataFrame:
        """Return articles whose text repeats an earlier article's (the same wire copy twice).

        Columns ``article_id, outlet, duplicate_of, duplicate_of_outlet, counted``: one row per
        later copy, ``duplicate_of`` the first article with that text (white space aside);
        ``counted`` is False for copies ``load_corpus(dedupe=True)`` left out.

        >>> c = Corpus([Article(i, "", ("Same words.",), metadata={"outlet": i.upper()}) for i in "ab"])
        >>> c.duplicate_texts().values.tolist()
        [['b', 'B', 'a', 'A', True]]
        """
        rows = [(*dupe, True) for dupe in _duplicates(self._articles)]
        rows += [(*dropped, False) for dropped in self._dropped]
        columns = ["article_id", "outlet", "duplicate_of", "duplicate_of_outlet", "counted"]
        return pd.DataFrame(rows, columns=columns)

    def removed_frame(self) -> pd.DataFrame:
        """Return every removed line of every article: ``article_id, line_no, reason, text``."""
        rows = [
            (a.article_id, r.line_no, r.reason, r.text) for a in self._articles for r in a.removed
        ]
        return pd.DataFrame(rows, columns=["article_id", "line_no", "reason", "text"])

    def removal_summary(self) -> pd.DataFrame:
        """Return what cleaning removed, by reason: ``article_id, reason, lines, words``.

        Also one ``"kept: article body"`` row per article, so the shares of each page can be read
        off the table. Rows: articles in corpus order, kept row first, then reasons by words.
        """
        rows = []
        for a in self._articles:
            rows.append((a.article_id, "kept: article body", len(a.paragraphs),
                         sum(len(p.split()) for p in a.paragraphs)))  # fmt: skip
            by_reason: dict[str, list[int]] = {}
            for r in a.removed:
                lines_words = by_reason.setdefault(r.reason, [0, 0])
                lines_words[0] += 1
                lines_words[1] += len(r.text.split())
            for reason, (n, w) in sorted(by_reason.items(), key=lambda kv: (-kv[1][1], kv[0])):
                rows.append((a.article_id, reason, n, w))
        return pd.DataFrame(rows, columns=["article_id", "reason", "lines", "words"])

    def __repr__(self) -> str:
        return f"Corpus({len(self)} articles: {', '.join(self.ids[:5])}{', ...' if len(self) > 5 else ''})"


def _text_key(article: Article) -> bytes:
    """A digest of the article's text with white space collapsed: equal for two copies."""
    text = " ".join(" ".join(article.paragraphs).split())
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


def _duplicates(articles: Iterable[Article]) -> Iterator[tuple[str, str, str, str]]:
    """``(id, outlet, id of the first copy, its outlet)`` for each article repeating a text."""
    first: dict[bytes, Article] = {}
    for article in articles:
        original = first.setdefault(_text_key(article), article)
        if original is not article:
            yield article.article_id, article.outlet, original.article_id, original.outlet


def _sentences_and_words(article: Article) -> dict[str, int]:
    """Body sentences and words of ``article``: from its analysed document if one is cached
    (any resources: neither count depends on them), or as counted from one in a worker process
    (:func:`newsframe.document.keep_counts`), else counted here the same way."""
    cache = article.__dict__.get(_DOCUMENTS)
    if cache:
        doc = next(iter(cache.values()))[1]
        return {"sentences": doc.n_sentences, "words": doc.n_words}
    counted = article.__dict__.get(_COUNTS)
    if counted is not None:
        return {"sentences": counted[0], "words": counted[1]}
    words = sum(len(TOKEN.findall(p)) for p in article.clean_paragraphs)
    return {"sentences": len(article.sentences()), "words": words}


# --- reading raw files ---------------------------------------------------------------------

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# <meta charset="windows-1251"> or <meta http-equiv="Content-Type" content="text/html; charset=...">
_META_CHARSET = re.compile(
    rb"""<meta\b[^>]{0,300}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.I
)


#: A page's charset must read ASCII markup as ASCII (``<meta charset=utf-16>`` cannot be true of
#: a page whose ``<meta>`` was read as ASCII); these codecs do, but are escapes, not page charsets.
_ESCAPE_CODECS = frozenset({"idna", "punycode", "unicode-escape", "raw-unicode-escape", "utf-7"})
_PROBE = b'<meta charset="X"> Text, +1 A-Z a-z 0-9 & ; ?'


def _declared_charset(data: bytes, path: Path) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag (first 4 KB), if it is one.

    A label Python does not know, a codec that is not a text encoding (rot13, base64, hex, zlib,
    uu ...) or one that cannot be a page's charset (UTF-16 or UTF-32 named in ASCII markup, an
    escape codec) is ignored, as browsers do (WHATWG Encoding Standard), with a warning naming the
    file and the label; the page is then read as an undeclared one.
    """
    match = _META_CHARSET.search(data[:4096])
    if match is None:
        return None
    label = match.group(1).decode("ascii")
    try:
        name = codecs.lookup(label).name
        usable = name not in _ESCAPE_CODECS and _PROBE.decode(name) == _PROBE.decode("ascii")
    except (LookupError, UnicodeError):  # unknown, not a text encoding, or not ASCII-compatible
        usable = False
    if usable:
        return name
    warnings.warn(
        f"{path}: <meta charset={label!r}> is not a character encoding for web pages; "
        "the declaration is ignored and the page read as UTF-8",
        NewsframeWarning,
        stacklevel=4,
    )
    return None


def _utf8_despite(declared: str, data: bytes, path: Path) -> bool:
    """True (with a warning naming the file) when a page declared in another charset is valid
    UTF-8 with non-ASCII characters: mojibake such as "Russiaâ€™s" is then the only thing the
    declaration could give, while text in another charset is almost never valid UTF-8 (Dürst
    1997: the odds fall with every non-ASCII character)."""
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    warnings.warn(
        f"{path}: declares charset {declared} in a <meta> tag but is valid UTF-8 with non-ASCII "
        f"characters; read as UTF-8 (as {declared} it would be garbled)",
        NewsframeWarning,
        stacklevel=4,
    )
    return True


def _decode_lines(data: bytes, path: Path) -> tuple[str, str]:
    """UTF-8 line by line; a line that is not UTF-8 is read as cp1252, with one warning naming it."""
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    lines = data.split(b"\n")
    out: list[str] = []
    bad: list[tuple[int, int, int]] = []  # (line number, column, byte)
    utf8_non_ascii = False
    for n, line in enumerate(lines, start=1):
        try:
            out.append(line.decode("utf-8"))
            utf8_non_ascii = utf8_non_ascii or not line.isascii()
        except UnicodeDecodeError as exc:
            bad.append((n, exc.start + 1, line[exc.start]))
            out.append(line.decode(_FALLBACK, errors="replace"))
    if not bad:
        return "\n".join(out), "utf-8"
    high = sum(sum(1 for byte in lines[b[0] - 1] if byte >= 0x80) for b in bad)
    if high > max(64, sum(len(lines[b[0] - 1]) for b in bad) // 4):
        # cp1252 text has an accented letter or a curly quote here and there; random bytes have
        # half their bytes above 0x7f
        raise InputError(
            path, "not text: most lines are neither UTF-8 nor cp1252 text (save it as UTF-8)"
        )
    n, column, byte = bad[0]
    where = f"line {n}" if len(bad) == 1 else f"lines {', '.join(str(b[0]) for b in bad[:5])}"
    if len(bad) > 5:
        where += f" and {len(bad) - 5} more"
    warnings.warn(
        f"{path}: not valid UTF-8 on {where} (byte 0x{byte:02x} at column {column} of line {n}); "
        f"{'that line' if len(bad) == 1 else 'those lines'} decoded as {_FALLBACK} instead",
        NewsframeWarning,
        stacklevel=4,
    )
    return "\n".join(out), ("utf-8+" + _FALLBACK) if utf8_non_ascii else _FALLBACK


#: Endings of tables and archives a user may hand over as a corpus: what to save them as.
_TABLE_HINT = dict.fromkeys(
    (".tsv", ".tab", ".xlsx", ".xls", ".ods", ".gz", ".zip", ".bz2", ".xz", ".zst", ".feather"),
    " for an article, or for a table of texts .csv (comma-separated, UTF-8), .parquet, .jsonl or "
    "news-please .json (unpack an archive first)",
)


def _decode(data: bytes, path: Path) -> tuple[str, str]:
    """Return (text, encoding).

    A byte-order mark (UTF-8, UTF-16, UTF-32) decides; else an HTML page's declared charset
    (unless it is no page charset, or the page is valid UTF-8 after all: both with a warning);
    else UTF-8, line by line, with cp1252 for a line that is not UTF-8 (and a warning naming it).
    A PDF, image, archive or office document (by its leading bytes) is an error saying which.
    """
    kind = binary_kind(data)
    if kind is not None:
        raise InputError(path, f"is {kind}, not text: save the article's text as .txt or the "
                         "page as .html")  # fmt: skip
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    if encoding is None and _is_html(path):
        encoding = _declared_charset(data, path)
        if encoding in ("utf-8", "ascii") or (encoding and _utf8_despite(encoding, data, path)):
            encoding = None
    if encoding is None and b"\x00" in data[:4096]:
        encoding = utf16_without_bom(data)  # Windows "Unicode" saved without its mark
        if encoding is not None:
            warnings.warn(f"{path}: no byte-order mark; read as {encoding.upper()} (its NUL "
                          "bytes say so)", NewsframeWarning, stacklevel=3)  # fmt: skip
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(
                path, f"not valid {encoding} ({exc.reason} at byte {exc.start}); save it as UTF-8"
            ) from None
    else:
        if b"\x00" in data[:4096]:
            raise InputError(
                path, "looks like a binary file (NUL bytes and no UTF-16 or UTF-32 byte-order mark)"
            )
        text, encoding = _decode_lines(data, path)
    sample = text[:4096]
    controls = _count_chars(
        sample, _ASCII_CONTROLS, lambda ch: ord(ch) < 32 and ch not in _TEXT_CONTROLS
    )
    if controls > max(8, len(sample) // 100):
        raise InputError(path, "looks like a binary file (control characters), not text")
    return text, encoding


_TEXT_CONTROLS = "\t\n\r\f"
_ASCII_CONTROLS = bytes(c for c in range(32) if chr(c) not in _TEXT_CONTROLS)
_ASCII_LETTERS = bytes(c for c in range(128) if chr(c).isalpha())
_ASCII_SPACES = bytes(c for c in range(128) if chr(c).isspace())
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _count_chars(text: str, ascii_class: bytes, test: Callable[[str], bool]) -> int:
    """How many characters of ``text`` pass ``test``; ``ascii_class`` lists the ASCII ones.

    Linear and mostly in C: the ASCII characters by deleting the class with ``bytes.translate``,
    the (few) others one by one.
    """
    data = text.encode("ascii", "ignore")
    count = len(data) - len(data.translate(None, ascii_class))
    if len(data) < len(text):
        count += sum(1 for ch in _NON_ASCII.findall(text) if test(ch))
    return count


def _not_text(text: str) -> str | None:
    """Why decoded ``text`` is not an article's text (no words, or random characters), or None."""
    sample = text[:100_000]
    letters = _count_chars(sample, _ASCII_LETTERS, str.isalpha)
    if letters == 0:
        return "no words in the file (only punctuation, digits or symbols)"
    visible = len(sample) - _count_chars(sample, _ASCII_SPACES, str.isspace)
    latin = _count_chars(sample, _ASCII_LETTERS, lambda ch: ch.isalpha() and ord(ch) < 0x250)
    spaces = len(sample) - visible
    if letters < visible // 2 or (latin > letters // 2 and spaces < visible // 30):
        # words are mostly letters, and Latin-script words are separated by spaces; random
        # bytes read as cp1252 have one space in 200 characters
        return "not text: too few letters and spaces for prose (random or binary data?)"
    return None


def read_raw(path: str | Path, *, max_bytes: int | None = None) -> tuple[bytes, str, str]:
    """Return ``(bytes, text, encoding)`` of one article file, with clear errors for bad input.

    Only a regular file of at most ``max_bytes`` (see :func:`max_bytes_limit`) is read: a named
    pipe, a device (or a link to one) or a folder is refused before it is opened for reading.
    """
    path = _as_path(path, "read_raw")
    if not os.path.lexists(path):
        raise InputError(path, "file not found" if path.suffix else "file or folder not found")
    if path.is_dir():
        raise InputError(path, "is a folder, not a file (use load_corpus for folders)")
    if path.suffix.lower() not in SUPPORTED:
        raise InputError(
            path,
            f"unsupported file type {path.suffix or '(none)'!r}; use one of {', '.join(SUPPORTED)}"
            + _TABLE_HINT.get(path.suffix.lower(), ""),
        )
    data = _read_bytes(path, max_bytes_limit(max_bytes))
    if not data.strip():
        raise InputError(path, "file is empty")
    text, encoding = _decode(data, path)
    if not text.strip():
        raise InputError(path, "file is empty")
    problem = None if _is_html(path) else _not_text(text)
    if problem:
        raise InputError(path, problem)
    return data, text, encoding


def _as_path(path: object, what: str) -> Path:
    """``path`` as a Path, or one clear error for anything that is not a file path."""
    if isinstance(path, (str, os.PathLike)) and not isinstance(path, bytes):
        text = os.fspath(path)
        if isinstance(text, str) and "\x00" in text:
            raise InputError(what, f"the file path {text!r} contains a NUL byte")
        if isinstance(text, str) and text.strip():
            return Path(text)
    raise InputError(what, f"expected a file path (str or Path), got {_describe(path)}")


#: Pages larger than this (characters) skip trafilatura, whose time grows to minutes on pages of
#: tens of megabytes, for a one-pass block extractor (see :func:`newsframe.webpage.extract_page`).
FAST_HTML_CHARS = 2_000_000


def _with_left_out(
    text: str, left_out: tuple[tuple[str, str], ...]
) -> tuple[str, tuple[Removal, ...]]:
    """The page text of an HTML page: its main text, then one line per block the extraction left
    out; and those lines as audit entries (line numbers in that page text)."""
    if not left_out:
        return text, ()
    text = text.rstrip("\n")
    first = text.count("\n") + 3  # after one blank line
    lines = tuple(
        Removal(first + 2 * n, block, reason) for n, (block, reason) in enumerate(left_out)
    )
    return text + "\n\n" + "\n\n".join(block for block, _ in left_out), lines


def _clean_article(
    path: Path,
    data: bytes,
    text: str,
    encoding: str,
    *,
    article_id: str | None,
    rules: Rules,
    edge_repeats: frozenset[str],
    metadata: dict[str, Any],
    method: str = "model",
    story: StoryView | None = None,
) -> tuple[Article, frozenset[str]]:
    """The cleaned Article and the lines an outlet's edge repeats could still take from it
    (:attr:`newsframe.cleaning.CleanText.edge_lines`)."""
    source = _page_source(path, text, metadata)
    result: CleanText = clean_text(
        source.text, title=source.title, rules=rules, edge_repeats=edge_repeats, method=method,
        story=story,
    )  # fmt: skip
    return _cleaned_article(path, data, text, encoding, article_id, metadata, source, result)


@dataclass(frozen=True)
class _Source:
    """What the cleaner reads of a file: its text (an HTML page's extracted text), the title
    hint, captions and left-out blocks of the HTML, and the page text the article keeps."""

    text: str
    title: str | None
    html_captions: tuple[str, ...]
    page_text: str
    left_out: tuple[Removal, ...]


def _page_source(path: Path, text: str, metadata: dict[str, Any]) -> _Source:
    """What the cleaner reads of a file (an HTML page's main content is extracted first)."""
    title_hint = metadata.get("title") or None
    source_text = page_text = text
    html_captions: tuple[str, ...] = ()
    left_out: tuple[Removal, ...] = ()
    if path.suffix.lower() in (".html", ".htm"):
        page = extract_page(text, path, fast_above=FAST_HTML_CHARS)
        source_text, html_captions = page.text, page.captions
        title_hint = title_hint or page.title
        page_text, left_out = _with_left_out(source_text, page.left_out)
    return _Source(source_text, title_hint, html_captions, page_text, left_out)


def _cleaned_article(
    path: Path,
    data: bytes,
    text: str,
    encoding: str,
    article_id: str | None,
    metadata: dict[str, Any],
    source: _Source,
    result: CleanText,
) -> tuple[Article, frozenset[str]]:
    """The Article of a cleaned file (an error when no words are left) and its edge lines."""
    html_captions, page_text, left_out = source.html_captions, source.page_text, source.left_out
    if not result.paragraphs:
        raise InputError(path, "no article text left after cleaning (the file is all boilerplate?)")
    if not any(ch.isalpha() for p in result.paragraphs for ch in p):
        raise InputError(path, "no words in the article text (only punctuation, digits or symbols)")
    meta = {k: v for k, v in metadata.items() if k != "title"}
    article = Article(
        article_id=article_id or _id_text(path.stem),
        title=str(metadata.get("title") or result.title),
        paragraphs=result.paragraphs,
        captions=result.captions + html_captions,
        removed=result.removed + left_out,
        source_path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        raw_text=text,
        page_text=page_text,
        encoding=encoding,
        metadata=MappingProxyType(meta),
        notes=result.notes,
    )
    return article, result.edge_lines


def load_article(
    path: str | Path,
    *,
    article_id: str | None = None,
    rules: Rules | None = None,
    max_bytes: int | None = None,
    method: str = "model",
    **metadata: Any,
) -> Article:
    """Return the cleaned :class:`Article` read from one ``.txt`` or ``.html`` file.

    Text files are read as UTF-8 (a UTF-8, UTF-16 or UTF-32 byte-order mark is honoured); a line
    that is not UTF-8 is read as cp1252, with a :class:`~newsframe.errors.NewsframeWarning` naming
    the line. HTML pages are decoded in the charset their ``<meta>`` tag declares and go through
    trafilatura's main-content extraction first (table text included). Only regular files of at
    most ``max_bytes`` (default 10 MB, or ``$NEWSFRAME_MAX_BYTES``) are read. Keyword
    ``metadata`` (``title``, ``outlet``, ``published``, ``url``, ``note``, ...) is kept on the
    article; a given ``title`` also tells the cleaner which line is the headline. Raises
    :class:`~newsframe.errors.InputError` naming the file for a missing, empty, binary,
    undecodable, oversized, unsupported, non-regular or all-boilerplate file. The learned
    line model cleans (:func:`newsframe.cleaning.clean_text`); ``method="rules"`` the rules alone.
    """
    path = _as_path(path, "load_article")
    data, text, encoding = read_raw(path, max_bytes=max_bytes)
    article, _ = _clean_article(
        path,
        data,
        text,
        encoding,
        article_id=article_id,
        rules=rules or load_rules(),
        edge_repeats=frozenset(),
        metadata=dict(metadata),
        method=method,
    )
    _warn_notes(article)
    return article


def _manifest_records(path: Path, text: str) -> Iterator[tuple[int, list[str]]]:
    """Yield (first physical line, fields) per record; csv errors name the physical line."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    line = 1
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            hint = " (an unclosed quotation mark?)" if "end of data" in str(exc) else ""
            raise InputError(path, f"line {line}: malformed CSV ({exc}){hint}") from None
        if any("\n" in f or "\r" in f for f in fields):
            raise InputError(
                path,
                f"line {line}: a quoted field runs over {reader.line_num - line + 1} lines "
                "(an unclosed quotation mark?)",
            )
        yield line, fields
        line = reader.line_num + 1


def _read_manifest(
    path: Path, max_bytes: int | None = None, skipped: list | None = None
) -> list[tuple[int, dict[str, str]]]:
    """The manifest's rows, each with its first physical line, ``published`` written as ISO 8601
    (:func:`newsframe.sources.parse_published`). A date that does not parse is an error naming
    the line, as in an article table; with ``skipped`` (``skip_bad``) the row is left out and
    listed there as ``(file, line, article_id, problem)``."""
    raw = _read_bytes(path, max_bytes_limit(max_bytes), what="manifest")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(
            path, f"line {line}: manifest is not UTF-8 (byte 0x{raw[exc.start]:02x})"
        ) from None
    records = _manifest_records(path, text)
    header = next((fields for _, fields in records if any(f.strip() for f in fields)), None)
    columns = [c.strip() for c in header or []]
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise InputError(
            path,
            f"manifest is missing column(s) {', '.join(missing)}; expected {', '.join(MANIFEST_COLUMNS)}"
            " (a table of article texts has a 'text' column instead, or names it with --text-column)",
        )
    dupes = sorted(c for c, k in Counter(columns).items() if c and k > 1)
    if dupes:
        raise InputError(path, f"line 1: duplicate column name(s) {', '.join(dupes)}")
    rows = []
    for n, fields in records:
        if not any(f.strip() for f in fields):
            continue  # a blank line
        if len(fields) > len(columns):
            raise InputError(
                path, f"line {n}: {len(fields)} fields but the header has {len(columns)} columns"
            )
        row = {
            c: v.strip() for c, v in zip(columns, fields, strict=False) if c
        }  # short rows: empty fields
        if not row.get("article_id") or not row.get("file"):
            raise InputError(path, f"line {n}: article_id and file must not be empty")
        if "\x00" in row["file"]:
            raise InputError(path, f"line {n}: the file name contains a NUL byte")
        try:
            if row.get("published"):
                row["published"] = parse_published(row["published"])
        except RowProblem as problem:
            if skipped is None:
                raise InputError(path, f"line {n}: {problem}") from None
            skipped.append((str(path), n, row["article_id"], str(problem)))
            continue
        rows.append((n, row))
    if not rows:
        why = f" (all {len(skipped)} rows were skipped)" if skipped else ""
        raise InputError(path, f"manifest lists no articles{why}")
    lines: dict[str, list[int]] = {}
    for n, r in rows:
        lines.setdefault(r["article_id"], []).append(n)
    dupes = sorted((k, v) for k, v in lines.items() if len(v) > 1)
    if dupes:
        said = [f"{k!r} (lines {', '.join(map(str, v))})" for k, v in dupes[:5]]
        more = f" and {len(dupes) - 5} more" if len(dupes) > 5 else ""
        raise InputError(path, f"duplicate article_id {', '.join(said)}{more}")
    return rows


def _folder_files(
    folder: Path, suffixes: tuple[str, ...] = SUPPORTED, *, say_others: bool = True
) -> list[tuple[Path, dict[str, str]]]:
    """Every article file (ending in one of ``suffixes``) under ``folder``, sorted by path.

    Hidden files and folders (``.git``, ``.ipynb_checkpoints``) are not articles and are not
    read. Files with other endings (``x.docx``, ``x.pdf``) are not read either; a warning
    names them (``say_others``), so no article goes missing unsaid. A file or sub-folder reached through a symbolic link that leaves the folder is refused,
    as a manifest row pointing outside its folder is. Nested files get ids from their relative path
    (``2016/a.txt`` -> ``2016-a``) so equal names in different sub-folders stay apart; files
    that would still share an id (``a.txt`` and ``a.html``) keep their ending (``a.txt``), and
    two that share even that (``a-b.txt`` and ``a/b.txt``) are an error naming both.
    """
    root = folder.resolve()
    found: list[tuple[Path, dict[str, str]]] = []
    others: list[Path] = []  # files of other kinds: said, never dropped silently

    def refuse(exc: OSError) -> None:
        raise InputError(exc.filename or folder, f"cannot read folder ({exc.strerror})")

    for here, dirs, files in os.walk(folder, onerror=refuse):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))  # .git, .ipynb_checkpoints
        for name in [*dirs]:
            sub = Path(here) / name
            if sub.is_symlink():
                if not _resolved(sub).is_relative_to(root):
                    raise InputError(
                        sub, f"links to a folder outside {folder}; refusing to read it"
                    )
                dirs.remove(name)  # its files are read where they really are
        for name in sorted(files):
            file = Path(here) / name
            if name.startswith("."):
                continue
            if file.suffix.lower() not in suffixes:
                others.append(file.relative_to(folder))
                continue
            if not _resolved(file).is_relative_to(root):
                raise InputError(file, f"links to a file outside {folder}; refusing to read it")
            found.append((file, {"article_id": _path_id(file.relative_to(folder))}))
    found.sort(key=lambda item: item[0].relative_to(folder).parts)
    others.sort(key=lambda p: p.parts)
    shown = ", ".join(map(str, others[:5])) + (
        f" and {len(others) - 5:,} more" if len(others) > 5 else ""
    )
    if not found:
        held = f"; it holds {len(others):,} other file(s): {shown}" if others else ""
        raise InputError(folder, f"folder has no article files ({', '.join(suffixes)}){held}")
    if others and say_others:
        warnings.warn(f"{folder}: {len(others):,} file(s) not read, not ending in "
                      f"{', '.join(suffixes)}: {shown}", NewsframeWarning, stacklevel=4)  # fmt: skip
    return _distinct_ids(folder, found)


def _distinct_ids(
    folder: Path, found: list[tuple[Path, dict[str, str]]]
) -> list[tuple[Path, dict[str, str]]]:
    """``found`` with the files whose path-derived ids collide given ids that keep the ending."""
    relative = [file.relative_to(folder) for file, _ in found]
    ids = [_path_id(r) for r in relative]
    counts = Counter(ids)
    if len(counts) == len(ids):
        return found
    out: list[tuple[Path, dict[str, str]]] = []
    owner: dict[str, Path] = {}
    for (file, row), rel, article_id in zip(found, relative, ids, strict=True):
        if counts[article_id] > 1:
            article_id = _path_id(rel, ending=True)
            row = {"article_id": article_id}
        if article_id in owner:
            raise InputError(
                folder, f"{owner[article_id]} and {rel} would both be article {article_id!r}; "
                "rename one (or list the files in a manifest with their own ids)"
            )  # fmt: skip
        owner[article_id] = rel
        out.append((file, row))
    return out


def _sources(
    source: str | Path | Iterable[str | Path],
    max_bytes: int | None = None,
    skipped: list | None = None,
) -> list[tuple[Path, dict[str, str]]]:
    if (
        source is None
        or isinstance(source, (bytes, Article, Corpus))
        or not isinstance(source, (str, os.PathLike, Iterable))
        or hasattr(source, "columns")  # a table
    ):
        raise InputError(
            "load_corpus",
            f"expected a manifest .csv, a folder or a list of file paths, got {_describe(source)}",
        )
    if isinstance(source, (str, os.PathLike)):
        source = _as_path(source, "load_corpus")
        if source.suffix.lower() == ".csv" and not source.is_dir():  # a folder named x.csv
            return _manifest_files(source, max_bytes, skipped)
        if source.is_dir():
            return _folder_files(source)
        return [(source, {})]
    paths = [(_as_path(p, "load_corpus"), {}) for p in source]
    if not paths:
        raise InputError("load_corpus", "no articles: the list of files is empty")
    return paths


def _manifest_files(
    source: Path, max_bytes: int | None, skipped: list | None
) -> list[tuple[Path, dict[str, str]]]:
    """Each manifest row's file (inside the manifest's folder) and row. A file listed by two rows
    would be counted twice: an error naming both lines; a file that does not exist is an error
    naming the manifest line (``skipped``: the row is listed instead)."""
    root = source.parent.resolve()
    out, owner = [], {}
    for n, row in _read_manifest(source, max_bytes, skipped):
        file = _resolved(root / row["file"])
        if not file.is_relative_to(root):
            raise InputError(source, f"line {n}: file {row['file']!r} is outside the manifest's folder")  # fmt: skip
        problem = None
        if not os.path.lexists(file):  # named by the manifest line that lists it
            problem = (
                f"file {row['file']!r} not found (paths are relative to the manifest's folder)"
            )
        elif file.is_dir():
            problem = f"file {row['file']!r} is a folder, not an article file"
        elif file.suffix.lower() not in SUPPORTED:
            problem = (f"file {row['file']!r} is not an article file (its ending is "
                       f"{file.suffix or '(none)'!r}; use one of {', '.join(SUPPORTED)})")  # fmt: skip
        elif file in owner:
            problem = (f"file {row['file']!r} is already article {owner[file][1]!r} (line "
                       f"{owner[file][0]}); list each file once")  # fmt: skip
        if problem is not None:
            if skipped is None:
                raise InputError(source, f"line {n}: {problem}")
            skipped.append((str(source), n, row["article_id"], problem))
            continue
        owner[file] = (n, row["article_id"])
        out.append((file, row))
    return out


def _resolved(path: Path) -> Path:
    """``path`` with every symbolic link followed; a link loop is an error naming the path."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):  # RuntimeError before Python 3.13, OSError (ELOOP) after
        raise InputError(path, "is a symbolic link loop (it never reaches a file)") from None


def _edge_paragraphs(articles: list[Article]) -> dict[str, frozenset[str]]:
    """Per outlet, the normalised paragraphs found at the edges of two or more of its articles.

    Only different articles count: texts that are identical, or share more than half of their
    paragraphs (two copies or two versions of one story), count once, so that they never strip
    each other's lede or closing paragraph.
    """
    carriers: dict[str, dict[str, list[frozenset[str]]]] = {}
    seen_texts: set[tuple[str, tuple[str, ...]]] = set()
    for article in articles:
        if not article.outlet or article.source_path is None or _is_html(article.source_path):
            continue
        paras = tuple(p.lower() for p in article.clean_paragraphs)
        if (article.outlet, paras) in seen_texts:
            continue
        seen_texts.add((article.outlet, paras))
        whole = frozenset(paras)
        by_paragraph = carriers.setdefault(article.outlet, {})
        for p in set(paras[:3]) | set(paras[-3:]):
            by_paragraph.setdefault(p, []).append(whole)
    return {
        outlet: frozenset(p for p, texts in by_paragraph.items() if _distinct(texts))
        for outlet, by_paragraph in carriers.items()
    }


def _distinct(texts: list[frozenset[str]]) -> bool:
    """True when two of these paragraph sets share at most half of the smaller one."""
    first = texts[0]
    return any(len(first & other) * 2 <= min(len(first), len(other)) for other in texts[1:])


def _is_html(path: Path) -> bool:
    return path.suffix.lower() in (".html", ".htm")


def _warn_notes(article: Article) -> None:
    """Say, naming the file, when body text is kept that the English analysis will not read:
    the whole article when it reads as another language (:attr:`Article.language`), else the
    paragraphs the cleaner noted."""
    # the quick screen first: most articles are English at a glance, and their guess is not needed
    guess = None if clearly_english(article.body) else article.language
    if guess is not None and not guess.is_english:
        name = language_name(guess.language)
        evidence = (
            f"it reads as {name}: {guess.other:.0%} of its {guess.words} words are common {name}"
            f" words, {guess.english:.0%} common English ones"
            if guess.language != "other"
            else "most of its letters are in another script"
        )
        warnings.warn(
            f"{article.source_path}: the whole text is not in English ({evidence}); kept in the corpus"
            " and flagged (article.language), but the English measures (sentiment, key terms,"
            " speakers, names) will not read it: leave it out of the manifest to analyse English"
            " articles only",
            NewsframeWarning,
            stacklevel=3,
        )
    elif article.notes:
        n, total = len(article.notes), len(article.paragraphs)
        scope = "the whole text is" if n == total else f"{n} of {total} paragraph(s) are"
        warnings.warn(
            f"{article.source_path}: {scope} not in English (from line {article.notes[0].line_no});"
            " kept in the body, but the English measures will not read it",
            NewsframeWarning,
            stacklevel=3,
        )


def _build_all(
    jobs: list[tuple],
    rules: Rules,
    n_jobs: int,
    executor=None,
    method: str = "model",
    story: StoryWords | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> list[tuple[Article, frozenset[str]]]:
    if executor is not None and jobs:
        built = executor(functools.partial(_build, rules=rules, method=method, story=story), jobs)
        if meanwhile is not None:
            meanwhile()
        return built
    # forked workers see the jobs and the rules (and the line classifier's cache) as they are
    # here; only the cleaned Articles (and their edge lines) travel back; this process does
    # ``meanwhile`` while they run
    parts = map_slices(
        functools.partial(_build_slice, rules=rules, method=method, story=story),
        jobs,
        n_jobs=n_jobs,
        min_items=256,
        meanwhile=meanwhile,
    )
    return [article for part in parts for article in part]


def _build_slice(
    jobs: Sequence[tuple], rules: Rules, method: str = "model", story: StoryWords | None = None
) -> list[tuple[Article, frozenset[str]]]:
    if method == "rules":
        return _normalised([_build(job, rules, method) for job in jobs])
    # the line model decides the lines of every page of the slice in one batched pass
    sources = [_where(job, lambda job=job: _page_source(job[0], job[2], _meta(job[4])))
               for job in jobs]  # fmt: skip
    results = clean_texts(
        [s.text for s in sources], titles=[s.title for s in sources], rules=rules,
        edge_repeats=[job[5] for job in jobs], method=method,
        stories=[_story_view(story, job) for job in jobs],
    )  # fmt: skip
    return _normalised([_where(job, lambda job=job, s=s, r=r: _cleaned_article(
                job[0], job[1], job[2], job[3], job[4].get("article_id"), _meta(job[4]), s, r))
            for job, s, r in zip(jobs, sources, results, strict=True)])  # fmt: skip


def _normalised(
    built: list[tuple[Article, frozenset[str]]],
) -> list[tuple[Article, frozenset[str]]]:
    """``built``, each article's paragraphs normalised here (in the worker that cleaned it,
    cached on the article that travels back) when :func:`_edge_paragraphs` will read them, not
    one article after another in the calling process."""
    for article, _ in built:
        if article.outlet and article.source_path is not None and not _is_html(article.source_path):
            article.clean_paragraphs  # noqa: B018 - computed and cached
    return built


def _meta(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in ("article_id", "file") and v != ""}


def _where(job: tuple, func: Callable[[], Any]) -> Any:
    """``func()``; an error names the job's table row (its ``where``) before the problem."""
    try:
        return func()
    except InputError as exc:
        if not job[6]:
            raise
        raise InputError(exc.path, f"{job[6]}{exc.problem}") from None


def _read_resources(story: Story) -> None:
    """Read ``story``'s resources (cached on it); an error in them is left to be raised where
    :func:`load_corpus` asks for them, after the articles' own errors."""
    with contextlib.suppress(NewsframeError):
        story.resources  # noqa: B018 - read and cached


def _story_words(jobs: Sequence[tuple]) -> StoryWords:
    """The corpus's story words (:class:`newsframe.lines.StoryWords`): the prose of its text
    pages, counted per outlet (a page without an outlet is an outlet of its own)."""
    return StoryWords.count(
        (_outlet_key(job), job[2].splitlines()) for job in jobs if not _is_html(job[0])
    )


def _outlet_key(job: tuple) -> str:
    return job[4].get("outlet") or f"file:{job[0]}"


def _story_view(story: StoryWords | None, job: tuple) -> StoryView | None:
    return story.view(_outlet_key(job)) if story is not None else None


def _build(
    job: tuple, rules: Rules, method: str = "model", story: StoryWords | None = None
) -> tuple[Article, frozenset[str]]:
    """Clean one job ``(path, bytes, text, encoding, row, edge repeats, where)``; ``where``
    (``"row 5: "`` for a table row) goes before the problem of an error."""
    path, data, text, encoding, row, repeats, _ = job
    return _where(job, lambda: _clean_article(
        path, data, text, encoding, article_id=row.get("article_id"), rules=rules,
        edge_repeats=repeats, metadata=_meta(row), method=method,
        story=_story_view(story, job) if method != "rules" else None,
    ))  # fmt: skip


def _clean_all(
    jobs: list[tuple],
    rules: Rules,
    n_jobs: int,
    executor=None,
    method: str = "model",
    meanwhile: Callable[[], object] | None = None,
) -> list[Article]:
    """Clean every job, then clean again, with their outlet's repeated edge paragraphs, the
    articles that evidence can change (see :func:`_edge_paragraphs`); ``meanwhile()`` is done
    in this process while the first cleaning's workers run."""
    # the line model reads each page with the other outlets' pages of the corpus (its story)
    story = _story_words(jobs) if method != "rules" else None
    if story is not None and executor is None:
        # the line model and its terms of every line the story words read, here once: the
        # forked workers inherit them (each read its own before), and a second look made here
        # finds them read
        load_line_terms(method if isinstance(method, LineModel) else None)
    built = _build_all(jobs, rules, n_jobs, executor, method, story, meanwhile)
    articles = [article for article, _ in built]
    # Second look only where it can matter: an article of an outlet with repeated edge
    # paragraphs, one of which is a line the cleaner would look up at the page's edges (its
    # edge lines: without one, a second clean gives the same article), is cleaned again with
    # that evidence.
    repeats = _edge_paragraphs(articles)
    again = [
        n
        for n, (a, edges) in enumerate(built)
        if repeats.get(a.outlet) and not repeats[a.outlet].isdisjoint(edges)
    ]
    del built
    redone = _build_all(
        [(*jobs[n][:5], repeats[articles[n].outlet], jobs[n][6]) for n in again],
        rules,
        n_jobs,
        executor,
        method,
        story,
    )
    for n, (article, _) in zip(again, redone, strict=True):
        articles[n] = article
    return articles


# --- article tables (CSV, Parquet, JSON Lines, news-please JSON) ---------------------------


def _table_files(source: object, text_column: str) -> list[tuple[Path, str]] | None:
    """The tables ``source`` names, each with the id stem of its rows, or None for article
    pages and manifests.

    A ``.parquet``, ``.jsonl``/``.ndjson`` or ``.json`` file is a table; a ``.csv`` file is a
    text table when it has ``text_column``, else a manifest (a ``file`` column); a folder
    without article pages but with ``.json`` files is a folder of news-please articles.
    """
    if not isinstance(source, (str, os.PathLike)) or isinstance(source, bytes):
        return None
    path = _as_path(source, "load_corpus")
    if path.is_dir():
        found = _folder_files(path, (*SUPPORTED, ".json"), say_others=False)
        if any(file.suffix.lower() != ".json" for file, _ in found):
            return None
        return [(file, row.get("article_id") or _id_stem(file)) for file, row in found]
    suffix = path.suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        return None
    if suffix == ".csv":
        check_regular(path, "manifest")
        names = table_columns(path)
        if text_column not in names and ("file" in names or text_column == "text"):
            return None  # a manifest (or neither: the manifest's error names both)
    return [(path, _id_stem(path))]


def _id_stem(path: Path) -> str:
    return _id_text(path.stem)


def _given_article(
    article_id: str, title: str, text: str, path: Path, metadata: dict[str, str]
) -> Article:
    """An article from text already extracted, taken as given: paragraphs at blank lines (or at
    every line break when the text has no blank line), nothing removed."""
    if re.search(r"\n[^\S\n]*\n", text):
        parts = re.split(r"\n[^\S\n]*+\n\s*+", text)
    else:
        parts = text.split("\n")
    return Article(
        article_id=article_id,
        title=title,
        paragraphs=tuple(p for p in (part.strip() for part in parts) if p),
        source_path=path,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        raw_text=text,
        page_text=text,
        metadata=MappingProxyType(metadata),
        cleaned=False,
    )


@dataclass
class _TableLoad:
    """Reading article tables: the articles (or cleaning jobs) so far, and the skipped rows.

    A bad row is an :class:`~newsframe.errors.InputError` naming the file and the row, or with
    ``skip_bad`` a row of the skipped table. Each text may be up to ``limit`` characters.
    """

    text_column: str
    limit: int
    clean: bool
    skip_bad: bool
    articles: list[Article] = field(default_factory=list)
    jobs: list[tuple] = field(default_factory=list)
    skipped: list[tuple[str, int, str, str]] = field(default_factory=list)
    seen: dict[str, str] = field(default_factory=dict)

    def read(self, path: Path, stem: str) -> None:
        """Read every row of the table ``path`` once, in order; ``stem`` names rows without id."""
        info = check_regular(path)
        one = path.suffix.lower() == ".json"  # one news-please article per file
        if one and info.st_size > self.limit:
            raise InputError(path, too_big(info.st_size, self.limit))
        columns, rows = table_rows(path, text_column=self.text_column)
        line = "line" if path.suffix.lower() in (".jsonl", ".ndjson") else "row"
        with contextlib.closing(rows):  # an error mid-file closes the file too
            for n, record in rows:
                where = ("" if n == 1 else f"record {n}: ") if one else f"{line} {n}: "
                article_id = ""
                try:
                    article_id, title, text, meta = row_fields(
                        record, columns, max_chars=self.limit
                    )
                    article_id = article_id or (stem if one and n == 1 else f"{stem}-{n}")
                    if article_id in self.seen:
                        raise RowProblem(
                            f"duplicate article_id {article_id!r} (also {self.seen[article_id]})"
                        )
                except RowProblem as problem:
                    if not self.skip_bad:
                        raise InputError(path, f"{where}{problem}") from None
                    article_id = article_id or row_id(record, columns)
                    self.skipped.append((str(path), n, article_id, str(problem)))
                    continue
                self.seen[article_id] = f"in {path.name}" + (f" {where[:-2]}" if where else "")
                self._add(path, article_id, title, text, meta, where)

    def _add(
        self, path: Path, article_id: str, title: str, text: str, meta: dict[str, str], where: str
    ) -> None:
        if self.clean:
            row = {"article_id": article_id, "title": title, **meta}
            self.jobs.append((path, text.encode("utf-8"), text, "utf-8", row, frozenset(), where))
        else:
            self.articles.append(_given_article(article_id, title, text, path, meta))


def load_corpus(
    source: str | Path | Iterable[str | Path],
    *,
    rules: Rules | None = None,
    n_jobs: int = 1,
    max_bytes: int | None = None,
    story: Any = None,
    executor: Callable[[Callable[[tuple], Article], list[tuple]], list[Article]] | None = None,
    text_column: str = "text",
    clean: bool = False,
    skip_bad: bool = False,
    dedupe: bool = False,
    method: str = "model",
) -> Corpus:
    """Return a :class:`Corpus` from a manifest CSV, a folder of article files, a list of paths,
    or an article table.

    A manifest has one row per article with columns ``article_id, file, outlet, title, published,
    url, note`` (only ``article_id`` and ``file`` are required; ``file`` is relative to the
    manifest's folder and may not leave it; extra columns are kept as metadata). It is parsed
    strictly: an unclosed quotation mark, a duplicate column name, a row with more fields than
    the header or a field over the CSV field limit is an error naming the physical line. A folder
    is read with its sub-folders (files in sorted path order); a link that leaves the folder is
    refused. Articles of the same outlet are cleaned together: a paragraph found at the edges of
    two or more of its (different) articles is boilerplate of that outlet. ``n_jobs`` > 1 (or -1
    for every core) cleans large corpora (256 articles or more) in forked worker processes
    (:func:`newsframe.parallel.map_slices`); ``executor(func, jobs)``, if given, maps the cleaning of each article instead (e.g.
    over Dask workers, :mod:`newsframe.distributed`) and must return the results in order.
    ``max_bytes`` limits each file (see :func:`load_article`). ``story`` (a
    :class:`~newsframe.story.Story` or the path of a story file) is attached as ``Corpus.story``
    and its resources as ``Corpus.resources``, which every analysis of the corpus then uses.
    Errors name the file and the problem; no articles at all is an error too. The learned
    line model cleans (:func:`newsframe.cleaning.clean_text`); ``method="rules"`` the rules alone.

    An **article table** is a CSV file (without a manifest's ``file`` column), a Parquet file or
    a JSON Lines file with one article per row and its text in ``text_column``, or news-please's
    JSON output (a ``.json`` file per article, a folder of them, or JSON Lines): see
    :mod:`newsframe.sources` for the columns read (title, date, outlet, url, id; every other
    column, such as ``group``, is kept as metadata, and ``published`` is written as ISO 8601).
    Rows are read lazily (a Parquet file in batches), each text up to ``max_bytes`` characters.
    The text arrives already extracted, so it is taken as given (``Article.cleaned`` False,
    paragraphs at blank lines, else at line breaks) unless ``clean`` runs the page cleaner on it.
    A row without text, with a text that is not a string, with a date that does not parse or a
    repeated id is an :class:`~newsframe.errors.InputError` naming the file and the row; with
    ``skip_bad`` it is left out and listed in :meth:`Corpus.skipped_rows`. Whatever the source,
    articles repeating an earlier article's text are listed by :meth:`Corpus.duplicate_texts`;
    ``dedupe`` keeps only the first of each text (the others are listed as not counted).

    >>> import tempfile, pathlib
    >>> table = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = table.write_text("text,date,group\\nDam opens.,2024-01-08,a\\n")
    >>> load_corpus(table)[0].published
    '2024-01-08'
    """
    if story is not None and not hasattr(story, "concepts"):
        story = load_story(story)
    rules = rules or load_rules()
    # the story's resources (simplemma's dictionary for its phrases' lemmas, its lexicons: about
    # 0.3 s), read while the cleaning's workers run instead of after them
    meanwhile = functools.partial(_read_resources, story) if story is not None else None
    skipped: list[tuple[str, int, str, str]] = []
    tables = _table_files(source, text_column)
    if tables is not None:
        read = _TableLoad(text_column, max_bytes_limit(max_bytes), clean, skip_bad)
        for path, stem in tables:
            read.read(path, stem)
        if not read.articles and not read.jobs:
            why = f"all {len(read.skipped)} rows were skipped" if read.skipped else "no rows"
            raise InputError(_as_path(source, "load_corpus"), f"no articles ({why})")
        skipped = read.skipped
        articles = read.articles or _clean_all(
            read.jobs, rules, n_jobs, executor, method, meanwhile
        )
        del read
    else:
        jobs = []
        for path, row in _sources(source, max_bytes, skipped if skip_bad else None):
            data, text, encoding = read_raw(path, max_bytes=max_bytes)
            jobs.append((path, data, text, encoding, row, frozenset(), ""))
        articles = _clean_all(jobs, rules, n_jobs, executor, method, meanwhile)
        del jobs
    dropped: list[tuple[str, str, str, str]] = []
    if dedupe:
        dropped = list(_duplicates(articles))
        gone = {d[0] for d in dropped}
        articles = [a for a in articles if a.article_id not in gone]
    group = getattr(story, "group", None)
    lacking = [a.article_id for a in articles if group and group not in a.metadata]
    if lacking:
        warnings.warn(
            f"{story.path}: group column {group!r} is missing for article {lacking[0]!r} "
            f"({len(lacking)} of {len(articles)}); the articles are not grouped by it",
            NewsframeWarning,
            stacklevel=2,
        )
    for article in articles:
        _warn_notes(article)
    # the story's own errors (an unknown frame, a verb class) name the story file, not the corpus
    resources = story.resources if story is not None else None
    try:
        corpus = Corpus(articles, story=story, resources=resources)
    except InputError as exc:
        raise InputError(
            source if isinstance(source, (str, Path)) else "corpus", exc.problem
        ) from None
    corpus._skipped, corpus._dropped = tuple(skipped), tuple(dropped)
    # a plain list of these articles (a group, a selection) then analyses as the corpus does
    remember_resources(corpus, corpus.resources)
    return corpus
