"""Articles and corpora: the only module that reads article files.

``load_article`` turns one raw file (plain text or a saved HTML page) into an :class:`Article`
holding the clean text and an audit of what was removed; ``load_corpus`` does so for a manifest
CSV, a folder or a list of paths. Raw files are opened read-only and never written.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import pandas as pd

from newsframe.cleaning import CleanText, Removal, Rules, clean_text, load_rules
from newsframe.errors import InputError, NewsframeError, NewsframeWarning
from newsframe.text import TOKEN, normalise, split_sentences

if TYPE_CHECKING:  # pragma: no cover
    from newsframe.document import Document
    from newsframe.resources import Resources

__all__ = ["Article", "Corpus", "as_articles", "load_article", "load_corpus", "read_raw"]

SUPPORTED = (".txt", ".text", ".md", ".html", ".htm")
MANIFEST_COLUMNS = ("article_id", "file", "outlet", "title", "published", "url", "note")
REQUIRED_COLUMNS = ("article_id", "file")
_FALLBACK = "cp1252"
_ID_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class Article:
    """One cleaned article.

    ``body`` is the clean article text in its original characters, paragraphs separated by a
    blank line; ``paragraphs`` the same as a tuple. ``captions`` are photo captions and credits
    (framing material, but not body text). ``removed`` lists every dropped line with its reason.
    ``raw_text`` is the decoded file as it was, ``sha256`` the hash of its bytes; ``page_text`` is
    the text the cleaner read (the raw text, or the text extracted from an HTML page), to which the
    line numbers in ``removed`` refer. ``metadata`` holds
    the manifest fields (outlet, published, url, note, ...). ``notes`` flags kept lines (body
    text in another script, which the English analysis does not read).
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
        >>> a = Article("a", "T", ("Body text here.",), page_text=page, removed=clean_text(page).removed)
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


class Corpus(Sequence[Article]):
    """An ordered collection of articles with unique ids.

    Index by position or by ``article_id``; iterate to get articles; ``to_frame()`` gives one
    tidy row per article.

    >>> c = Corpus([Article("a", "A", ("x y.",)), Article("b", "B", ("z.",))])
    >>> c["b"].title, len(c), c.ids
    ('B', 2, ['a', 'b'])
    """

    def __init__(
        self,
        articles: Iterable[Article],
        *,
        resources: Resources | None = None,
        story: Any = None,
    ) -> None:
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

        ``None`` when neither is a metadata field of every article.

        >>> c = Corpus([Article("a", "", ("x.",), metadata={"group": "g1"})])
        >>> c.group_column
        'group'
        """
        story_column = getattr(self.story, "group", None) or None
        for column in (story_column, "group"):
            if column and self._articles and all(column in a.metadata for a in self._articles):
                return column
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
        return str(article.metadata[column])

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
        from newsframe.document import analyse_corpus

        return analyse_corpus(self, resources=resources)

    def to_frame(self) -> pd.DataFrame:
        """Return one row per article with every metadata field and basic counts.

        Columns: ``article_id, title, outlet, published, url``, then every other manifest column
        (e.g. ``group``, ``note``) in manifest order, then ``source_path, sha256, paragraphs,
        sentences, words, captions, removed_lines``. ``words`` is the article's word count
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
                    "source_path": str(a.source_path or ""),
                    "sha256": a.sha256,
                    "paragraphs": len(a.paragraphs),
                    "sentences": len(a.sentences()),
                    "words": sum(len(TOKEN.findall(p)) for p in a.clean_paragraphs),
                    "captions": len(a.captions),
                    "removed_lines": len(a.removed),
                }
            )
            rows.append(row)
        return pd.DataFrame(rows)

    def removed_frame(self) -> pd.DataFrame:
        """Return every removed line of every article: ``article_id, line_no, reason, text``."""
        frames = [a.removed_frame() for a in self._articles]
        if not frames:
            return pd.DataFrame(columns=["article_id", "line_no", "reason", "text"])
        return pd.concat(frames, ignore_index=True)

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


def as_articles(articles: Corpus | Iterable[Article] | Article) -> list[Article]:
    """Return ``articles`` (a Corpus, an iterable of Articles or one Article) as a list.

    The one coercion every analysis uses. An empty corpus or list gives ``[]`` (and every
    table function then returns an empty table with its columns). A string, bytes, ``None``,
    any other object, or an iterable holding anything but Articles raises
    :class:`~newsframe.errors.NewsframeError` saying what was given.

    >>> as_articles(Article("a", "T", ("x.",)))
    [Article('a', title='T', paragraphs=1, removed=0)]
    >>> as_articles([])
    []
    """
    hint = "load articles with nf.load_corpus(...) or build nf.Article(id, title, paragraphs)"
    if isinstance(articles, Article):
        return [articles]
    if isinstance(articles, Corpus):
        return list(articles._articles)
    if articles is None or isinstance(articles, (str, bytes, Path)):
        what = "None" if articles is None else f"a {type(articles).__name__}"
        raise NewsframeError(f"expected a Corpus, Articles or one Article, got {what}; {hint}")
    try:
        items = list(articles)
    except TypeError:
        raise NewsframeError(
            f"expected a Corpus, Articles or one Article, got {type(articles).__name__}; {hint}"
        ) from None
    for n, item in enumerate(items):
        if not isinstance(item, Article):
            raise NewsframeError(
                f"expected a Corpus or Articles, got {type(item).__name__} at position {n}; {hint}"
            )
    return items


# --- reading raw files ---------------------------------------------------------------------


def _decode(data: bytes, path: Path) -> tuple[str, str]:
    """Return (text, encoding): BOM-marked UTF-8/UTF-16, else UTF-8, else cp1252 with a warning."""
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    else:
        if b"\x00" in data[:4096]:
            raise InputError(
                path, "looks like a binary file (NUL bytes and no UTF-16 byte-order mark)"
            )
        candidates = ["utf-8", _FALLBACK]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            error = exc
            continue
        if encoding == _FALLBACK:
            warnings.warn(
                f"{path}: not valid UTF-8 (byte {error.start}); decoded as {_FALLBACK} instead",
                NewsframeWarning,
                stacklevel=3,
            )
        controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\t\n\r\f")
        if controls > max(8, len(text[:4096]) // 100):
            raise InputError(path, "looks like a binary file (control characters), not text")
        return text, encoding
    raise InputError(
        path, f"cannot decode bytes ({error.reason} at byte {error.start}); save it as UTF-8"
    )


def read_raw(path: str | Path) -> tuple[bytes, str, str]:
    """Return ``(bytes, text, encoding)`` of one article file, with clear errors for bad input."""
    path = Path(path)
    if path.suffix.lower() not in SUPPORTED:
        raise InputError(
            path,
            f"unsupported file type {path.suffix or '(none)'!r}; use one of {', '.join(SUPPORTED)}",
        )
    if not path.exists():
        raise InputError(path, "file not found")
    if path.is_dir():
        raise InputError(path, "is a folder, not a file (use load_corpus for folders)")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read file ({exc.strerror})") from None
    if not data.strip():
        raise InputError(path, "file is empty")
    text, encoding = _decode(data, path)
    if not text.strip():
        raise InputError(path, "file is empty")
    return data, text, encoding


def _extract_html(html: str, path: Path) -> tuple[str, str | None, tuple[str, ...]]:
    """Main text, title and figure captions of a saved page, via trafilatura (Barbaresi 2021).

    trafilatura drops ``<figcaption>`` text from its main-content output; captions frame the
    story too, so they are read from the page separately (for ``Article.captions``).
    """
    import trafilatura
    from lxml import html as lxml_html

    text = trafilatura.extract(
        html, output_format="txt", include_comments=False, include_tables=False, favor_recall=True
    )
    if not text or not text.strip():
        raise InputError(path, "no article text found in the HTML page")
    meta = trafilatura.extract_metadata(html)
    title = meta.title if meta is not None and meta.title else None
    # trafilatura puts one paragraph per line; make paragraphs blank-line separated.
    text = "\n\n".join(line for line in text.splitlines() if line.strip())
    if title:
        text = f"{title}\n\n{text}"
    try:
        tree = lxml_html.fromstring(html.encode("utf-8"))
        figures = tree.xpath("//figcaption")
    except (ValueError, lxml_html.etree.ParserError):
        figures = []
    captions = tuple(c for c in (" ".join(f.text_content().split()) for f in figures) if c)
    return text, title, captions


def _article_from_text(
    path: Path,
    data: bytes,
    text: str,
    encoding: str,
    *,
    article_id: str | None,
    rules: Rules,
    edge_repeats: frozenset[str],
    metadata: dict[str, Any],
) -> Article:
    title_hint = metadata.get("title") or None
    source_text = text
    html_captions: tuple[str, ...] = ()
    if path.suffix.lower() in (".html", ".htm"):
        source_text, html_title, html_captions = _extract_html(text, path)
        title_hint = title_hint or html_title
    result: CleanText = clean_text(
        source_text, title=title_hint, rules=rules, edge_repeats=edge_repeats
    )
    if not result.paragraphs:
        raise InputError(path, "no article text left after cleaning (the file is all boilerplate?)")
    meta = {k: v for k, v in metadata.items() if k != "title"}
    return Article(
        article_id=article_id or _ID_SAFE.sub("-", path.stem).strip("-") or "article",
        title=str(metadata.get("title") or result.title),
        paragraphs=result.paragraphs,
        captions=result.captions + html_captions,
        removed=result.removed,
        source_path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        raw_text=text,
        page_text=source_text,
        encoding=encoding,
        metadata=MappingProxyType(meta),
        notes=result.notes,
    )


def load_article(
    path: str | Path, *, article_id: str | None = None, rules: Rules | None = None, **metadata: Any
) -> Article:
    """Return the cleaned :class:`Article` read from one ``.txt`` or ``.html`` file.

    Text files are read as UTF-8 (a UTF-8 or UTF-16 byte-order mark is honoured); other bytes fall
    back to cp1252 with a :class:`~newsframe.errors.NewsframeWarning`. HTML pages go through
    trafilatura's main-content extraction first. Keyword ``metadata`` (``title``, ``outlet``,
    ``published``, ``url``, ``note``, ...) is kept on the article; a given ``title`` also tells the
    cleaner which line is the headline. Raises :class:`~newsframe.errors.InputError` naming the
    file for a missing, empty, binary, undecodable, unsupported or all-boilerplate file.
    """
    path = Path(path)
    data, text, encoding = read_raw(path)
    article = _article_from_text(
        path,
        data,
        text,
        encoding,
        article_id=article_id,
        rules=rules or load_rules(),
        edge_repeats=frozenset(),
        metadata=dict(metadata),
    )
    _warn_notes(article)
    return article


def _read_manifest(path: Path) -> list[dict[str, str]]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "manifest not found") from None
    except OSError as exc:
        raise InputError(path, f"cannot read manifest ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"manifest is not UTF-8 (byte {exc.start})") from None
    reader = csv.DictReader(io.StringIO(text))
    columns = [c.strip() for c in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise InputError(
            path,
            f"manifest is missing column(s) {', '.join(missing)}; expected {', '.join(MANIFEST_COLUMNS)}",
        )
    rows = []
    for n, row in enumerate(reader, start=2):
        row = {(k or "").strip(): (v or "").strip() for k, v in row.items() if k}
        if not row.get("article_id") or not row.get("file"):
            raise InputError(path, f"line {n}: article_id and file must not be empty")
        rows.append(row)
    if not rows:
        raise InputError(path, "manifest lists no articles")
    ids = Counter(r["article_id"] for r in rows)
    dupes = sorted(k for k, v in ids.items() if v > 1)
    if dupes:
        raise InputError(path, f"duplicate article_id {', '.join(map(repr, dupes))}")
    return rows


def _sources(source: str | Path | Iterable[str | Path]) -> list[tuple[Path, dict[str, str]]]:
    if isinstance(source, (str, Path)):
        source = Path(source)
        if source.suffix.lower() == ".csv":
            root = source.parent.resolve()
            out = []
            for row in _read_manifest(source):
                file = (root / row["file"]).resolve()
                if not file.is_relative_to(root):
                    raise InputError(
                        source, f"file {row['file']!r} is outside the manifest's folder"
                    )
                out.append((file, row))
            return out
        if source.is_dir():
            files = sorted(
                p for p in source.iterdir() if p.suffix.lower() in SUPPORTED and p.is_file()
            )
            if not files:
                raise InputError(source, f"folder has no article files ({', '.join(SUPPORTED)})")
            return [(p, {}) for p in files]
        return [(source, {})]
    return [(Path(p), {}) for p in source]


def _edge_paragraphs(articles: list[Article]) -> dict[str, frozenset[str]]:
    """Per outlet, the normalised paragraphs found at the edges of two or more of its articles."""
    seen: dict[str, Counter[str]] = {}
    for article in articles:
        if not article.outlet or article.source_path is None or _is_html(article.source_path):
            continue
        paras = [p.lower() for p in article.clean_paragraphs]
        seen.setdefault(article.outlet, Counter()).update(set(paras[:3]) | set(paras[-3:]))
    return {o: frozenset(p for p, n in c.items() if n >= 2) for o, c in seen.items()}


def _is_html(path: Path) -> bool:
    return path.suffix.lower() in (".html", ".htm")


def _warn_notes(article: Article) -> None:
    """Say, naming the file, when body text is kept that the English analysis will not read."""
    if article.notes:
        n, total = len(article.notes), len(article.paragraphs)
        scope = "the whole text is" if n == total else f"{n} of {total} paragraph(s) are"
        warnings.warn(
            f"{article.source_path}: {scope} not in English (from line {article.notes[0].line_no});"
            " kept in the body but not analysed (newsframe analyses English text)",
            NewsframeWarning,
            stacklevel=3,
        )


def _build_all(jobs: list[tuple], rules: Rules, n_jobs: int) -> list[Article]:
    if n_jobs == 1 or len(jobs) < 256:
        return [_build(job, rules) for job in jobs]
    from joblib import Parallel, delayed

    return Parallel(n_jobs=n_jobs, batch_size=64)(delayed(_build)(job, rules) for job in jobs)


def _build(job: tuple, rules: Rules) -> Article:
    path, data, text, encoding, row, repeats = job
    meta = {k: v for k, v in row.items() if k not in ("article_id", "file") and v != ""}
    return _article_from_text(
        path,
        data,
        text,
        encoding,
        article_id=row.get("article_id"),
        rules=rules,
        edge_repeats=repeats,
        metadata=meta,
    )


def load_corpus(
    source: str | Path | Iterable[str | Path],
    *,
    rules: Rules | None = None,
    n_jobs: int = 1,
    story: Any = None,
) -> Corpus:
    """Return a :class:`Corpus` from a manifest CSV, a folder of article files, or a list of paths.

    A manifest has one row per article with columns ``article_id, file, outlet, title, published,
    url, note`` (only ``article_id`` and ``file`` are required; ``file`` is relative to the
    manifest's folder and may not leave it; extra columns are kept as metadata). Articles of the
    same outlet are cleaned together: a paragraph found at the edges of two or more of them is
    boilerplate of that outlet. ``n_jobs`` > 1 (or -1 for every core) cleans large corpora
    (256 articles or more) in parallel processes with joblib. ``story`` (a
    :class:`~newsframe.story.Story` or the path of a story file) is attached as ``Corpus.story``
    and its resources as ``Corpus.resources``, which every analysis of the corpus then uses.
    Errors name the file and the problem.
    """
    if story is not None and not hasattr(story, "concepts"):
        from newsframe.story import load_story

        story = load_story(story)
    rules = rules or load_rules()
    entries = _sources(source)
    raws = []
    for path, row in entries:
        data, text, encoding = read_raw(path)
        raws.append((path, row, data, text, encoding))
    jobs = [
        (path, data, text, encoding, row, frozenset()) for path, row, data, text, encoding in raws
    ]
    articles = _build_all(jobs, rules, n_jobs)
    # Second look only where it can matter: an article of an outlet with repeated edge
    # paragraphs that carries one of them is cleaned again with that evidence.
    repeats = _edge_paragraphs(articles)
    again = [
        n
        for n, a in enumerate(articles)
        if repeats.get(a.outlet)
        and not repeats[a.outlet].isdisjoint(p.lower() for p in a.clean_paragraphs)
    ]
    redone = _build_all([(*jobs[n][:5], repeats[articles[n].outlet]) for n in again], rules, n_jobs)
    for n, article in zip(again, redone, strict=True):
        articles[n] = article
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
    try:
        return Corpus(
            articles, story=story, resources=story.resources if story is not None else None
        )
    except InputError as exc:
        raise InputError(
            source if isinstance(source, (str, Path)) else "corpus", exc.problem
        ) from None
