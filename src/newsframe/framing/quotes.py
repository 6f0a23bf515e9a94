"""Quotation spans in normalised text: straight double and single quotes, nested, unclosed."""

from __future__ import annotations

from dataclasses import dataclass

from newsframe.text import normalise

__all__ = ["Quote", "find_quotes", "inside", "top_level_quotes"]

_OPEN_BEFORE = "([{\u2014-/:"
_CLOSE_AFTER = ".,;:!?)]}\u2014-'\"/"


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
    for i, ch in enumerate(text):
        if ch != '"':
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < n else " "
        opener = before.isspace() or before in _OPEN_BEFORE
        closer = not before.isspace() and (after.isspace() or after in _CLOSE_AFTER)
        if open_at is None:
            if opener or not closer:
                open_at = i
            else:  # a closing mark with no opening one: quote from the sentence start
                start = max(text.rfind(". ", 0, i) + 2, 0) if ". " in text[:i] else 0
                out.append(_quote(text, start, i + 1, '"', True))
        elif closer or not opener:
            out.append(_quote(text, open_at, i + 1, '"', True))
            open_at = None
        else:  # a second opening mark: the first quotation never closed
            out.append(_quote(text, open_at, i, '"', False))
            open_at = i
    if open_at is not None:
        out.append(_quote(text, open_at, n, '"', False))
    return out


def _single(text: str) -> list[Quote]:
    out: list[Quote] = []
    n, stack = len(text), []
    for i, ch in enumerate(text):
        if ch != "'":
            continue
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


def find_quotes(text: str) -> list[Quote]:
    """Return the quotations in ``text`` (normalised first), in order of their opening mark.

    Curly, low and angle quotes are first unified to ``"`` and ``'`` (:func:`newsframe.normalise`),
    so mismatched marks (a closing curly mark used to open) pair up. Double marks are classed as
    opening or closing by the characters around them; a quotation that never closes runs to the
    end of the text (``closed=False``), as in news paragraphs that continue a quote in the next
    paragraph. Single marks count only in pairs and never inside a word, so apostrophes
    (``Russia's``) are not quotations. A quotation inside another is ``nested``.

    >>> [(q.text, q.closed, q.nested) for q in find_quotes('"We said \\u2018no\\u2019," he said. "And')]
    [("We said 'no'", True, False), ('no', True, True), ('And', False, False)]
    """
    text = normalise(text)
    spans = sorted(_double(text) + _single(text), key=lambda q: (q.start, -q.end))
    out = []
    for q in spans:
        nested = any(o.start <= q.start and q.end <= o.end and o != q for o in spans)
        out.append(Quote(q.start, q.end, q.text, q.mark, q.closed, nested))
    return out


def top_level_quotes(text: str) -> list[Quote]:
    """Return the quotations of ``text`` that are not inside another one."""
    return [q for q in find_quotes(text) if not q.nested and q.text]


def inside(quotes: list[Quote], offset: int) -> bool:
    """True when character ``offset`` lies within one of ``quotes``."""
    return any(q.start <= offset < q.end for q in quotes)
