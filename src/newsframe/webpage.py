"""A saved HTML page's text: the main text, the figure captions, and what extraction left out.

:func:`extract_page` parses the page once (lxml, any nesting depth) and gives the main text as
trafilatura finds it (Barbaresi 2021), or, for a very large page, as a one-pass block extractor
finds it; the photo captions of ``<figcaption>``; and every text block of the page that is not
in the main text, with the reason it was left out (``<aside>``, ``<footer>``, comments,
navigation …), so that the audit of an article lists everything the page held. Each block is
one paragraph, heading, list item or table cell, or a run of text set directly in a container
(``<article>Text<br>More text</article>``).
"""

from __future__ import annotations

import copy
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

from newsframe.errors import InputError, NewsframeWarning

__all__ = ["LEFT_OUT", "Page", "extract_page"]

#: The reason of an audit line for text the main-content extraction left out; the container
#: that explains it follows in brackets ("left out of the main text (<aside>)").
LEFT_OUT = "left out of the main text"
_BLOCKS = frozenset(
    ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "blockquote", "pre", "dd", "dt")
)
#: Never text: scripts, styles and templates (and the head, whose title is read separately).
_INVISIBLE = frozenset(("head", "script", "style", "noscript", "template", "svg", "math"))
#: Elements inside which text runs on without a break.
_INLINE = frozenset(
    ("a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd",
     "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr")
)  # fmt: skip
#: Containers of page chrome: their text is not article text (a <header> only outside <article>).
_CHROME = frozenset(("nav", "aside", "footer", "header"))
_CHROME_CLASS = re.compile(r"comment|footer|disqus", re.I)
_TEXT_WORD = re.compile(r"\w+")
#: trafilatura's own parser options (libxml2 reads 255 levels of nesting; ``huge_tree``: 2,047).
_PARSER_OPTIONS = {
    "collect_ids": False,
    "default_doctype": False,
    "encoding": "utf-8",
    "remove_comments": True,
    "remove_pis": True,
}
# layout wrappers dropped when a page nests deeper than the parser reads
_LAYOUT_TAG = re.compile(
    r"</?(?:div|span|section|font|center|main|b|i|em|strong|small|big|u|a)\b[^<>]{0,4000}>", re.I
)


#: An embedded file (``src="data:image/png;base64,…"``, as pages saved whole inline their
#: images): never text, and megabytes of it would send the page to the large-page extractor.
_DATA_URI = re.compile(r"data:[\w/+.-]{1,100};base64,[A-Za-z0-9+/=]{256,}")
#: A start tag of 20,000 characters or more, looked at for a flood of attributes.
_LONG_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9:-]{0,40})(\s[^<>]{20000,})>")
#: Attributes (space-separated pieces) a start tag may have before they are dropped: libxml2
#: and htmldate take time growing with the square of one element's attributes (100,000 took a
#: minute); a data: URI of megabytes is one piece and stays.
_MAX_ATTRIBUTES = 1000
#: Children of running text (``<span>``, ``<a>``, ``<img>`` … anything but the elements of
#: :data:`_STRUCTURE`) one element may have before they are handed over in groups: trafilatura
#: unwraps most such tags and then searches the element's text with XPath, whose time grows
#: faster than the square of the sibling text pieces left behind (4,000 ``<span>`` in one
#: paragraph took 6 s, 8,000 over 200 s). News paragraphs have a few dozen.
_MAX_INLINE_CHILDREN = 1000
#: Children of running text per group, and the group's element: a name of no HTML element,
#: which trafilatura keeps as an element and reads as running text.
_GROUP = 100
_GROUP_TAG = "newsframe-run"
#: Elements that stay where they are in an element of too many children: blocks, line breaks,
#: containers, page chrome, captions and what is never text.
_STRUCTURE = _BLOCKS | _CHROME | _INVISIBLE | frozenset(
    ("div", "section", "article", "main", "body", "html", "ul", "ol", "dl", "table", "thead",
     "tbody", "tfoot", "tr", "caption", "figure", "figcaption", "form", "fieldset", "details",
     "summary", "address", "center", "br", "hr", "iframe", "object", "video", "audio", "canvas")
)  # fmt: skip


def _without_attribute_floods(html: str, path: Path) -> str:
    """``html`` with every start tag of over :data:`_MAX_ATTRIBUTES` attributes written without
    them (``<article a0='x' … a99999='x'>`` → ``<article>``), with a warning naming the file.

    >>> with warnings.catch_warnings(record=True) as said:
    ...     warnings.simplefilter("always")
    ...     _without_attribute_floods("<p " + "a " * 12000 + ">Text.</p>", Path("x.html"))
    '<p>Text.</p>'
    >>> str(said[0].message)
    'x.html: 1 element(s) with over 1,000 attributes; read without their attributes'
    """
    if len(html) < 20_000:
        return html
    out, last = [], 0
    for match in _LONG_TAG.finditer(html):
        if len(match.group(2).split()) > _MAX_ATTRIBUTES:
            out += [html[last : match.start()], f"<{match.group(1)}>"]
            last = match.end()
    if not out:
        return html
    warnings.warn(
        f"{path}: {len(out) // 2} element(s) with over {_MAX_ATTRIBUTES:,} attributes; read "
        "without their attributes",
        NewsframeWarning,
        stacklevel=5,
    )
    return "".join(out) + html[last:]


def _phrasing(element: etree._Element) -> bool:
    """True for an element of running text: no element of :data:`_STRUCTURE` in it (nor a
    comment or other node that is no element)."""
    return all(isinstance(e.tag, str) and e.tag not in _STRUCTURE for e in element.iter())


def _grouped_inline_floods(tree: etree._Element) -> etree._Element:
    """Return ``tree`` with the children of running text of every element of over
    :data:`_MAX_INLINE_CHILDREN` children grouped in place, consecutive ones by :data:`_GROUP`
    in a :data:`_GROUP_TAG` element (``<p><span>a</span> <span>b</span>…</p>`` →
    ``<p><newsframe-run><span>a</span> <span>b</span>…</newsframe-run>…</p>``): the same text in
    the same order, the same links (for trafilatura's link density), and no more than a few
    hundred sibling text pieces once trafilatura unwraps the tags. The other children
    (``<br>``, ``<p>``, ``<script>`` …) stay between the groups. Linear in the page.

    >>> tree = lxml_html.fromstring("<p>" + "<span>w</span> " * 250 + "<br>end</p>")
    >>> len(_grouped_inline_floods(tree))  # under the limit: as it was
    251
    >>> tree = lxml_html.fromstring("<p>" + "<span>w</span> " * 1001 + "<br>end</p>")
    >>> [(c.tag, len(c)) for c in _grouped_inline_floods(tree)][-3:]
    [('newsframe-run', 100), ('newsframe-run', 1), ('br', 0)]
    >>> tree.text_content() == "w " * 1001 + "end"
    True
    """
    for element in [e for e in tree.iter() if len(e) > _MAX_INLINE_CHILDREN]:
        children = list(element)
        for child in children:
            element.remove(child)  # with its tail
        group = None
        for child in children:
            if not _phrasing(child):
                element.append(child)
                group = None
                continue
            if group is None or len(group) == _GROUP:
                group = etree.SubElement(element, _GROUP_TAG)
            group.append(child)
    return tree


@dataclass(frozen=True)
class Page:
    """What :func:`extract_page` returns: ``text`` (the main text, paragraphs separated by a
    blank line, the title first if the page has one), ``title`` (or None), ``captions`` (the
    ``<figcaption>`` texts) and ``left_out`` (``(text, reason)`` per block not in the text)."""

    text: str
    title: str | None
    captions: tuple[str, ...]
    left_out: tuple[tuple[str, str], ...]


def _parse(html: str, path: Path) -> etree._Element:
    """The page as an lxml tree.

    libxml2 stops reading a page nested deeper than 255 elements (the rest of the page is lost:
    "no article text"); such a page is read again without its layout wrappers (``div``,
    ``span``, ``section`` …), up to 2,047 levels of what remains, with a warning. Dropping the
    wrappers also keeps trafilatura, whose time grows with the square of the depth, fast.
    """
    try:
        parser = lxml_html.HTMLParser(**_PARSER_OPTIONS)
        tree = lxml_html.fromstring(html.encode("utf-8"), parser=parser)
        if not any("Excessive depth" in e.message for e in parser.error_log):
            return tree
        warnings.warn(
            f"{path}: elements nested more than 255 deep; read without its layout elements "
            "(div, span, section ...)",
            NewsframeWarning,
            stacklevel=5,
        )
        parser = lxml_html.HTMLParser(**_PARSER_OPTIONS, huge_tree=True)
        tree = lxml_html.fromstring(_LAYOUT_TAG.sub(" ", html).encode("utf-8"), parser=parser)
    except (ValueError, etree.ParserError):
        raise InputError(path, "cannot parse the HTML page") from None
    if any("Excessive depth" in e.message for e in parser.error_log):
        raise InputError(path, "elements nested too deeply to read (over 2,047 levels)")
    return tree


def _why(element: etree._Element, inherited: str | None, in_article: bool) -> str | None:
    """Why text in ``element`` is page chrome, or None (inherited from the enclosing elements)."""
    if inherited is not None:
        return inherited
    tag = element.tag
    if tag in _CHROME and not (tag == "header" and in_article):
        return f"<{tag}>"
    names = f"{element.get('class') or ''} {element.get('id') or ''}"[:300]
    found = _CHROME_CLASS.search(names)
    if found and tag not in ("html", "body", "article"):
        return "comments" if found.group().lower() != "footer" else "<footer>"
    return None


def _blocks(tree: etree._Element) -> Iterator[tuple[str, str | None]]:
    """``(text, chrome reason or None)`` for every text block of the page body, in order.

    One walk over the tree (a stack of the enclosing elements' reasons, never a look at an
    element's ancestors): linear in the page however deep it nests. Figure captions are not
    blocks (they are the page's captions).
    """
    run: list[str] = []
    run_reason: list[str | None] = [None]

    def flush() -> Iterator[tuple[str, str | None]]:
        text = " ".join(" ".join(run).split())
        run.clear()
        if text:
            yield text, run_reason[0]

    def add(text: str | None, reason: str | None) -> None:
        if text and text.strip():
            if not run:
                run_reason[0] = reason
            run.append(text)

    # per open element: (reason, inside <article>, skipped)
    stack: list[tuple[str | None, bool, bool]] = [(None, False, False)]
    walker = etree.iterwalk(tree, events=("start", "end"))
    for event, element in walker:
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            reason, in_article, _ = stack[-1]
            if tag in _INVISIBLE or tag == "figcaption":
                stack.append((reason, in_article, True))
                walker.skip_subtree()
                continue
            reason = _why(element, reason, in_article)
            in_article = in_article or tag == "article"
            stack.append((reason, in_article, tag in _BLOCKS))
            if tag in _BLOCKS:
                yield from flush()
                yield " ".join(element.text_content().split()), reason
                walker.skip_subtree()
                continue
            if tag not in _INLINE:
                yield from flush()
            add(element.text, reason)
        else:
            stack.pop()
            if tag not in _INLINE:
                yield from flush()
            add(element.tail, stack[-1][0])
    yield from flush()


def _left_out(blocks: list[tuple[str, str | None]], text: str) -> list[tuple[str, str]]:
    """The blocks that are not a line of ``text`` and of which most three-word runs (or the
    whole, for one or two words) are not in its other lines either: linear in the page (sets of
    lines and of word runs, no substring search per block).

    >>> _left_out([("Kept line.", None), ("Menu", "<nav>"), ("kept", None)], "Kept line.\\nkept too")
    [('Menu', 'left out of the main text (<nav>)')]
    """
    lines = {" ".join(line.split()) for line in text.splitlines()}
    unmatched = [(b, reason) for b, reason in blocks if b not in lines]
    if not unmatched:
        return []
    # a block's words can only be in the lines no block is: lines of joined or split blocks
    rest = lines.difference(b for b, _ in blocks)
    words = _TEXT_WORD.findall("\n".join(sorted(rest)).lower())
    kept: set[tuple[str, ...] | str] = set(words)
    kept.update(pairwise(words))
    kept.update(zip(words, words[1:], words[2:], strict=False))
    out = []
    for block, reason in unmatched:
        found = _TEXT_WORD.findall(block.lower())
        if len(found) < 3:
            grams: list = [found[0] if len(found) == 1 else tuple(found)] if found else []
        else:
            grams = list(zip(found, found[1:], found[2:], strict=False))
        if grams and sum(g in kept for g in grams) * 2 < len(grams):
            out.append((block, f"{LEFT_OUT} ({reason or 'main-content extraction'})"))
    return out


def _captions(tree: etree._Element) -> tuple[str, ...]:
    return tuple(
        c for c in (" ".join(f.text_content().split()) for f in tree.iter("figcaption")) if c
    )


def _table_rows(text: str) -> str:
    """trafilatura writes a table row as ``| cell | cell |``: a cell of prose (8+ words) becomes a
    paragraph of its own, a row of short cells one line with the cells joined by `` | ``."""
    out = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("|") and stripped.endswith("|"):
            cells = [c.strip() for c in stripped.strip("|").split("|") if c.strip()]
            if any(len(c.split()) >= 8 for c in cells):
                out.extend(cells)
            elif cells:
                out.append(" | ".join(cells))
        elif stripped:
            out.append(stripped)
    return "\n\n".join(out)


def extract_page(html: str, path: Path, *, fast_above: int) -> Page:
    """Return the :class:`Page` of a saved HTML page (decoded text), naming ``path`` in errors.

    The main text is trafilatura's main-content extraction (Barbaresi 2021, table text
    included; ``favor_recall``); a page over ``fast_above`` characters (embedded ``data:``
    files not counted: they are dropped first), where trafilatura takes
    minutes, keeps every block outside page chrome instead (navigation, asides, footers, comment
    sections, a header outside ``<article>``), with a warning. Every block not in the main text
    is in ``left_out`` with its reason.

    >>> html = ("<html><head><title>Talks</title></head><body><article><h1>Talks</h1>"
    ...         "<p>The minister met his counterpart on Monday for talks on the islands.</p>"
    ...         "<aside><p>Readers wrote to say the talks were long.</p></aside></article></body></html>")
    >>> page = extract_page(html, Path("x.html"), fast_above=10**6)
    >>> page.title, page.left_out
    ('Talks', (('Readers wrote to say the talks were long.', 'left out of the main text (<aside>)'),))
    """
    html = _without_attribute_floods(_DATA_URI.sub("data:,", html), path)
    tree = _parse(html, path)
    blocks = list(_blocks(tree))
    captions = _captions(tree)
    heading = tree.find(".//title")
    if len(html) > fast_above:
        warnings.warn(
            f"{path}: large page ({len(html):,} characters); extracted paragraph by paragraph "
            "without trafilatura's main-content detection",
            NewsframeWarning,
            stacklevel=4,
        )
        title = " ".join(heading.text_content().split()) if heading is not None else None
        text = "\n\n".join(b for b, reason in blocks if reason is None)
        left_out = [(b, f"{LEFT_OUT} ({reason})") for b, reason in blocks if reason is not None]
    else:
        import trafilatura

        text = trafilatura.extract(
            _grouped_inline_floods(copy.deepcopy(tree)),
            output_format="txt",
            include_comments=False,
            include_tables=True,
            favor_recall=True,
        )
        meta = trafilatura.extract_metadata(tree)
        title = meta.title if meta is not None and meta.title else None
        # trafilatura puts one paragraph per line; make paragraphs blank-line separated.
        text = _table_rows(text or "")
        left_out = []
        if text.strip():
            left_out = _left_out(blocks, f"{title}\n\n{text}" if title else text)
    if not text.strip():
        raise InputError(path, "no article text found in the HTML page")
    if title:
        text = f"{title}\n\n{text}"
    return Page(text, title or None, captions, tuple(left_out))
