"""Quotation spans in normalised text: straight double and single quotes, nested, unclosed."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from newsframe.errors import expect_kind
from newsframe.text import normalise

__all__ = ["Quote", "QuoteIndex", "find_quotes", "inside", "top_level_quotes"]

_OPEN_BEFORE = "([{\u2014-/:"
_CLOSE_AFTER = ".,;:!?)]}\u2014-'\"/"
_DOUBLE = re.compile('"')
_SINGLE = re.compile("'")


@dataclass(frozen=True)
class Quote:
    """One quotation: the span with its marks (``start``, ``end``) and the words inside.

    ``closed`` is False when the quotation never closes (it then runs to the end of the text);
    ``nested`` is True for a quotation inside another one (``"He said 'no'"``).
    """

    start: int
    end: int
    text: str
    mark: str
    closed: bool = True
    nested: bool = False

    @property
    def words(self) -> int:
        """Number of words quoted."""
        return len(self.text.split())


def _quote(text: str, start: int, end: int, mark: str, closed: bool) -> Quote:
    inner_start = start + (1 if text[start] == mark else 0)
    inner_end = end - (1 if closed and end > inner_start and text[end - 1] == mark else 0)
    words = text[inner_start:inner_end].strip().rstrip(",;:").strip()
    return Quote(start, end, words, mark, closed)


def _double(text: str) -> list[Quote]:
    out: list[Quote] = []
    n, open_at = len(text), None
    stop, scanned = -1, 0  # last ". " before the current mark; text scanned for it so far
    for match in _DOUBLE.finditer(text):
        i = match.start()
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < n else " "
        opener = before.isspace() or before in _OPEN_BEFORE
        closer = not before.isspace() and (after.isspace() or after in _CLOSE_AFTER)
        if open_at is None:
            if opener or not closer:
                open_at = i
            else:  # a closing mark with no opening one: quote from the sentence start
                stop = max(stop, text.rfind(". ", max(scanned - 1, 0), i))
                scanned = i
                start = max(stop + 2 if stop >= 0 else 0, out[-1].end if out else 0)
                out.append(_quote(text, start, i + 1, '"', True))
        elif closer or not opener or after.isspace() or i + 1 == n or _spaced_close(text, i):
            # a mark with space on both sides closes an open quotation (spaced guillemets), and
            # so does one set off by a space after the quotation's last punctuation
            out.append(_quote(text, open_at, i + 1, '"', True))
            open_at = None
        else:  # a second opening mark: the first quotation never closed ...
            cut = _dropped_close(text, open_at, i)
            if cut:  # ... or its closing mark was dropped before ", X said."
                out.append(_quote(text, open_at, cut, '"', True))
            else:
                out.append(_quote(text, open_at, i, '"', False))
            open_at = i
    if open_at is not None:
        out.append(_quote(text, open_at, n, '"', False))
    return out


def _spaced_close(text: str, i: int) -> bool:
    """True for a closing mark written after a space, the quotation's own punctuation before
    that space and a lowercase word or a mark right after it (``useless, "she said``,
    ``over. ", he said``): the open quotation ends there; never a mark before a capital,
    which may open the next quotation of a paragraph whose first one never closed.

    >>> a, b = '"We go on, "said Ann.', '"We go. "Then'
    >>> _spaced_close(a, a.rindex('"')), _spaced_close(b, b.rindex('"'))
    (True, False)
    """
    if i < 2 or text[i - 1] != " " or text[i - 2] not in ",.!?;":
        return False
    after = text[i + 1] if i + 1 < len(text) else " "
    return after.islower() or after in ",;:)"


def _dropped_close(text: str, start: int, mark: int) -> int:
    """Where a quotation whose closing mark was dropped ends: at the last comma before a short
    clause that ends the sentence right before the next opening mark
    (``"It's a disgrace, the chief said. "Protesters ...``), else 0; a clause that a
    conjunction opens (``, but it is a start. "We ...``) is the quotation's own, no tag.

    >>> a = '"It is a disgrace, the chief said. "We go.'
    >>> b = '"It is a sad day, but it is a start. "We go.'
    >>> _dropped_close(a, 0, a.rindex('"')), _dropped_close(b, 0, b.rindex('"'))
    (18, 0)
    """
    segment = text[max(start, mark - 120) : mark].rstrip()
    comma = segment.rfind(", ")
    tail = segment[comma + 2 :] if comma >= 0 else ""
    if not tail.endswith((".", ":")) or not 1 < len(tail.split()) <= 8 or '"' in tail:
        return 0
    if tail.split()[0].lower() in _COORDINATORS:
        return 0  # ", but it is a start. \"...": the quotation goes on
    if any(ch in tail[:-1] for ch in ".!?;") and not _ABBREVIATED.search(tail[:-1]):
        return 0
    return max(start, mark - 120) + comma + 1


_COORDINATORS = frozenset(["and", "but", "or", "nor", "so", "yet", "because", "while"])
_ABBREVIATED = re.compile(r"\b(?:[A-Z][a-z]{0,3}|[A-Z])\.")


def _single(text: str) -> list[Quote]:
    out: list[Quote] = []
    n, stack = len(text), []
    for match in _SINGLE.finditer(text):
        i = match.start()
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < n else " "
        if before.isalnum() and after.isalnum():
            continue  # an apostrophe: Russia's, don't
        if (before.isspace() or before in _OPEN_BEFORE + '"') and after.isalnum():
            stack.append(i)
        elif (
            stack
            and (before.isalnum() or before in ".,!?")
            and (after.isspace() or after in _CLOSE_AFTER)
        ):
            out.append(_quote(text, stack.pop(), i + 1, "'", True))
    return out  # unmatched single marks are apostrophes ('90s, countries'), not quotations


_TWO_APOSTROPHES = re.compile("''")


def _paired_apostrophes(text: str) -> str:
    """``text`` with each pair of apostrophes standing for a double mark (typewriter and TeX
    style: ``''will plead not guilty.''``; grave accents are apostrophes once normalised) written as one double mark and a space, on the side away from the words:
    an opening pair after a space or an opening bracket and before a word becomes ' "', a
    closing pair after a word or a mark and before a space or a mark becomes '" '. The text
    keeps its length, so every offset stays. A pair between two letters is left alone.

    >>> _paired_apostrophes("He said he ''will plead not guilty.'' Then")
    'He said he  "will plead not guilty."  Then'
    """
    out = list(text)
    n = len(text)
    for match in _TWO_APOSTROPHES.finditer(text):
        i = match.start()
        before = text[i - 1] if i else " "
        after = text[i + 2] if i + 2 < n else " "
        if (before.isspace() or before in _OPEN_BEFORE) and not after.isspace():
            out[i], out[i + 1] = " ", '"'
        elif not before.isspace() and (after.isspace() or after in _CLOSE_AFTER):
            out[i], out[i + 1] = '"', " "
    return "".join(out)


def find_quotes(text: str) -> list[Quote]:
    """Return the quotations in ``text`` (normalised first), in order of their opening mark.

    Curly, low and angle quotes are first unified to ``"`` and ``'`` (:func:`newsframe.normalise`),
    so mismatched marks (a closing curly mark used to open) pair up; a pair of apostrophes
    (typewriter and TeX style) is a double mark (:func:`_paired_apostrophes`). Double marks are
    classed as opening or closing by the characters around them; a quotation that never closes
    runs to the end of the text (``closed=False``), as in news paragraphs that continue a quote
    in the next paragraph. Single marks count only in pairs and never inside a word, so apostrophes
    (``Russia's``) are not quotations. A quotation inside another is ``nested``.

    >>> [(q.text, q.closed, q.nested) for q in find_quotes('"We said \\u2018no\\u2019," he said. "And')]
    [("We said 'no'", True, False), ('no', True, True), ('And', False, False)]
    """
    expect_kind(text, str, "find_quotes", hint="pass the text of an article")
    text = normalise(text)
    if '"' not in text and "'" not in text:
        return []
    if "''" in text:
        text = _paired_apostrophes(text)
    spans = sorted(_double(text) + _single(text), key=lambda q: (q.start, -q.end))
    out, reach = [], -1  # reach: the furthest end of the spans opened so far
    for q in spans:  # sorted by start, longer first: q is nested iff an earlier span reaches it
        out.append(Quote(q.start, q.end, q.text, q.mark, q.closed, reach >= q.end))
        reach = max(reach, q.end)
    return out


def top_level_quotes(text: str) -> list[Quote]:
    """Return the quotations of ``text`` that are not inside another one."""
    return [q for q in find_quotes(text) if not q.nested and q.text]


def inside(quotes: list[Quote] | QuoteIndex, offset: int) -> bool:
    """True when character ``offset`` lies within one of ``quotes`` (a :class:`QuoteIndex`
    answers by binary search; a list is scanned)."""
    if isinstance(quotes, QuoteIndex):
        return quotes.at(offset) is not None
    return any(q.start <= offset < q.end for q in quotes)


class QuoteIndex:
    """Top-level quotations of one text with a binary search on their spans (built once)."""

    def __init__(self, quotes: list[Quote]) -> None:
        self.quotes = quotes
        self.starts = [q.start for q in quotes]

    def at(self, offset: int) -> Quote | None:
        """The quotation that contains character ``offset``, or None."""
        k = bisect_right(self.starts, offset) - 1
        return self.quotes[k] if k >= 0 and offset < self.quotes[k].end else None
