"""Separate the article from the page it was copied from, and keep an audit of every removal.

The cleaner works line by line on text copied from a web page (or extracted from saved HTML).
It combines editable phrase rules (``data/boilerplate.toml``) with structural evidence:

* length: a short rule (``"Read more"``) only removes a short line, never a long sentence, and
  a phrase inside quotation marks is reported speech, not page chrome;
* address: appeals speak to the reader (we/our/you/your outside quotes) and carry appeal cues
  (support, donate, newsletter ...); news prose reports in the third person, so long lines that
  only mention cookies or newsletters are kept unless they address the reader;
* regions and lists: an appeal opener ("A Message from ...", "Dear readers,") starts a run of
  lines that stays an appeal while it keeps addressing the reader; a list label ("Tags",
  "Read more", "Related coverage:") takes the short unpunctuated lines after it along;
* position: lines before the headline, short chrome after the last paragraph, everything after
  an end-of-story mark ("Reporting by ...; Editing by ...", a copyright line) once the story has
  begun, photo captions and bylines between the headline and the lede, and paragraphs repeated
  at the edges of several articles of one outlet (see :func:`newsframe.corpus.load_corpus`);
* layout: hard-wrapped paragraphs (lines of similar width in one block) are joined first.

Keeping article text matters more than removing every scrap, so a long line that ends like a
sentence is only removed on strong evidence. Every removed line is kept with its reason.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from newsframe.errors import InputError
from newsframe.resources import read_toml
from newsframe.text import normalise

__all__ = ["CleanText", "Removal", "Rules", "clean_text", "load_rules"]

_TERMINAL = re.compile(r"[.!?:;…]$")
_CLOSERS = "\"')]}»”’"
_QUOTED = re.compile(r'"[^"]{0,400}"')
_ADDRESS = re.compile(r"\b(we|our|ours|us|you|your|yours)\b", re.IGNORECASE)
_WORD = re.compile(r"\w+(?:['-]\w+)*")
_LOWER_START = re.compile(r"^[\"'(]?[a-z]")
_BULLET = re.compile(r"^([-•*—]|\d{1,2}[.)])\s+\w")  # an item of a list in the article

CAPTION = "photo caption or credit"
_APPEAL = "reader appeal (donation, subscription or newsletter)"
_APPEALS = frozenset({_APPEAL, "donation appeal", "subscription appeal"})
_LABEL = "byline, date or section label"


@dataclass(frozen=True)
class Removal:
    """One line the cleaner removed: 1-based ``line_no`` in the raw text, the line, and why."""

    line_no: int
    text: str
    reason: str


@dataclass(frozen=True)
class CleanText:
    """What :func:`clean_text` returns: headline, body paragraphs, captions and the audit."""

    title: str
    paragraphs: tuple[str, ...]
    captions: tuple[str, ...]
    removed: tuple[Removal, ...]


@dataclass(frozen=True, eq=False)
class LineRule:
    """One ``[[line]]`` rule of ``boilerplate.toml`` (see the file's header for the keys)."""

    pattern: re.Pattern[str]
    reason: str
    max_words: int
    case_sensitive: bool = False
    items: str | None = None
    max_items: int = 0
    item_max_words: int = 20
    closes: bool = False
    address_over: int | None = None
    spares_prose: bool = False


@dataclass(frozen=True, eq=False)
class Rules:
    """Compiled boilerplate rules (see ``data/boilerplate.toml`` for the format).

    Compared and hashed by identity (the line classifier caches per rule set, and hashing every
    pattern on each look-up would cost more than the look-up saves).
    """

    lines: tuple[LineRule, ...]
    cues: tuple[re.Pattern[str], ...]
    openers: tuple[re.Pattern[str], ...]
    address_share: float
    credits: tuple[re.Pattern[str], ...]
    max_credit_words: int
    source: str = field(default="<builtin>")


def load_rules(path: str | Path | None = None) -> Rules:
    """Return the boilerplate rules from ``path`` (a TOML file) or the shipped defaults.

    >>> rules = load_rules()
    >>> any(rule.reason == "payment widget" for rule in rules.lines)
    True
    """
    return _load_rules(None if path is None else str(path))


_UPPER_LITERAL = re.compile(r"(?<!\\)(?<!\(\?)[A-Z]")


def _compile(pattern: str, case_sensitive: bool = False, verbose: bool = False) -> re.Pattern[str]:
    """Compile a rule. Rules are matched against the lowercased line, which lets Python's regex
    engine use its fast literal-prefix search; a pattern with uppercase letters (outside escapes
    such as ``\\S``) falls back to IGNORECASE, and ``case_sensitive`` rules see the original case."""
    flags = re.VERBOSE if verbose else 0
    if not case_sensitive and _UPPER_LITERAL.search(pattern):
        flags |= re.IGNORECASE
    return re.compile(pattern, flags)


def _line_rule(r: dict) -> LineRule:
    case = bool(r.get("case_sensitive", False))
    over = r.get("address_over")
    return LineRule(
        _compile(r["pattern"], case, bool(r.get("verbose", False))),
        r["reason"],
        int(r.get("max_words", 12)),
        case,
        r.get("items"),
        int(r.get("max_items", 0)),
        int(r.get("item_max_words", 20)),
        bool(r.get("closes", False)),
        None if over is None else int(over),
        bool(r.get("spares_prose", False)),
    )


@lru_cache(maxsize=16)
def _load_rules(path: str | None) -> Rules:
    data, source = read_toml(path, "boilerplate.toml")
    try:
        appeal = data.get("appeal", {})
        caption = data.get("caption", {})
        return Rules(
            lines=tuple(_line_rule(r) for r in data.get("line", [])),
            cues=tuple(_compile(p) for p in appeal.get("cues", [])),
            openers=tuple(_compile(p) for p in appeal.get("openers", [])),
            address_share=float(appeal.get("address_share", 0.08)),
            credits=tuple(_compile(p) for p in caption.get("credit_patterns", [])),
            max_credit_words=int(caption.get("max_credit_words", 6)),
            source=source,
        )
    except (KeyError, re.error, TypeError, ValueError) as exc:
        raise InputError(source, f"invalid boilerplate rules: {exc}") from None


# --- line features -------------------------------------------------------------------------


@lru_cache(maxsize=8192)
def _words(line: str) -> int:
    return len(_WORD.findall(line))


@lru_cache(maxsize=8192)
def _ends_sentence(line: str) -> bool:
    return bool(_TERMINAL.search(line.rstrip(_CLOSERS + " ")))


def _prose(line: str) -> bool:
    """A line that reads like a paragraph of the article: eight words or more, ending a sentence."""
    return _words(line) >= 8 and _ends_sentence(line)


def _tagged_sentence(line: str) -> bool:
    """A sentence followed by a parenthesised tag: ``"... officials said. (Kyodo)"``."""
    cut = line.rfind("(")
    return line.endswith(")") and cut > 0 and _ends_sentence(line[:cut])


def _rule_match(line: str, low: str, rules: Rules) -> LineRule | None:
    """The first rule that removes this line, or None.

    A match that disappears when quoted passages are blanked out is reported speech, not page
    chrome; a rule with ``address_over`` only takes a longer line that addresses the reader, and
    one with ``spares_prose`` never takes a line that reads as a sentence of eight words or more.
    """
    n = _words(line)
    for rule in rules.lines:
        if n > rule.max_words:
            continue
        target = line if rule.case_sensitive else low
        if not rule.pattern.search(target) or (rule.spares_prose and _prose(line)):
            continue
        quoted = '"' in target
        needs_address = rule.address_over is not None and n > rule.address_over
        if quoted or needs_address:
            outside = _QUOTED.sub(" ", target) if quoted else target
            if quoted and not rule.pattern.search(outside):
                continue
            if needs_address and not _ADDRESS.search(outside):
                continue
        return rule
    return None


def _address_share(text: str) -> float:
    """Share of words that address the reader (we/our/us/you/your)."""
    return len(_ADDRESS.findall(text)) / max(_words(text), 1)


def _is_appeal(line: str, rules: Rules, *, in_region: bool) -> bool:
    """True when a line, outside quotation marks, speaks to the reader with appeal cues.

    Outside an appeal region a line must address the reader at all (appeals do; news prose
    reports in the third person), which also keeps the cue scan off ordinary body lines.
    """
    outside = (_QUOTED.sub(" ", line) if '"' in line else line).lower()
    address = _address_share(outside)
    if in_region and address >= rules.address_share / 2:
        return True
    if not in_region and address == 0:
        return False
    cues = sum(1 for cue in rules.cues if cue.search(outside))
    if in_region:
        return cues >= 1 and address > 0
    return (
        cues >= 3
        or (cues >= 2 and address >= rules.address_share / 2)
        or (cues >= 1 and address >= rules.address_share and _words(line) <= 40)
    )


def _is_opener(low: str, rules: Rules) -> bool:
    return any(p.search(low) for p in rules.openers)


def _credit(line: str, rules: Rules) -> int:
    """How surely the line ends in a photo credit: 2 explicit pattern, 1 short capitalised tail
    after the last full stop (``"... in Moscow. Kremlin Press Service"``), 0 none."""
    ends = _ends_sentence(line)
    if ends and not line.rstrip().endswith(")"):
        return 0
    low = line.lower()
    if any(p.search(low) for p in rules.credits):
        # "... officials said. (Kyodo)" is a wire tag on a paragraph unless it names a photo
        tag = low[low.rfind("(") :]
        if _tagged_sentence(line) and "photo" not in tag and "/" not in tag:
            return 1
        return 2
    if ends:
        return 0
    head, dot, tail = line.rpartition(". ")
    words = tail.split()
    weak = (
        dot
        and head
        and 0 < len(words) <= rules.max_credit_words
        and all(w[:1].isupper() or not w[:1].isalpha() for w in words)
    )
    return 1 if weak else 0


@lru_cache(maxsize=65_536)
def _classify(
    norm: str, rules: Rules, in_region: bool
) -> tuple[str | None, bool, bool, LineRule | None]:
    """Return (reason or None, opens an appeal region, ends the region, matching rule).

    Cached: the chrome of one outlet repeats line for line across its pages.
    """
    low = norm.lower()
    rule = _rule_match(norm, low, rules)
    opener = _is_opener(low, rules)
    in_region = in_region or opener
    if rule is not None:
        return rule.reason, opener, False, rule
    if _is_appeal(norm, rules, in_region=in_region):
        return _APPEAL, opener, False, None
    if in_region and _words(norm) < 8 and not _ends_sentence(norm):
        return _APPEAL, opener, False, None
    return None, opener, in_region, None


def _title_key(text: str) -> str:
    """Words of a line, lowercased, for comparing a line with the headline."""
    return " ".join(_WORD.findall(text.lower()))


# --- layout --------------------------------------------------------------------------------

Line = tuple[int, str, str]  # (1-based line number, original text, normalised text)


def _wrapped(block: list[Line]) -> bool:
    """True for a hard-wrapped paragraph: every line but the last is near the block's width
    (40-110 characters), at least one of them stops mid-sentence, and the last ends one."""
    if len(block) < 2:
        return False
    width = max(len(n) for _, _, n in block)
    if not 40 <= width <= 110:
        return False
    inner = [n for _, _, n in block[:-1]]
    return (
        _ends_sentence(block[-1][2])
        and all(len(n) >= 0.6 * width for n in inner)
        and not all(map(_ends_sentence, inner))
    )


def _logical_lines(text: str, rules: Rules, joined: dict[int, list[tuple[int, str]]]) -> list[Line]:
    """Return (line_no, original, normalised) per non-blank line, joining hard-wrapped lines.

    Within a block of consecutive lines, a line that does not end a sentence is joined with the
    next when the next starts in lowercase, or when the block is hard-wrapped (see
    :func:`_wrapped`) and the line carries no photo credit. ``joined`` collects, per logical
    line number, the continuation lines (number, text) that were joined into it.
    """
    blocks: list[list[Line]] = [[]]
    for i, raw in enumerate(text.splitlines(), start=1):
        original = raw.strip()
        if not original:
            if blocks[-1]:
                blocks.append([])
            continue
        blocks[-1].append((i, original, normalise(original).strip()))
    out: list[Line] = []
    for block in blocks:
        wrapped = _wrapped(block)
        for k, (i, original, norm) in enumerate(block):
            prev = out[-1][2] if k else ""
            if (
                k
                and not _ends_sentence(prev)
                and (
                    (_LOWER_START.match(norm) and _words(prev) >= 4)
                    or (wrapped and _credit(prev, rules) < 2)
                )
            ):
                line_no, o, n = out[-1]
                out[-1] = (line_no, f"{o} {original}", f"{n} {norm}")
                joined[line_no].append((i, original))
            else:
                out.append((i, original, norm))
    return out


# --- passes --------------------------------------------------------------------------------


def _rule_pass(lines: list[Line], rules: Rules) -> tuple[list[str | None], list[int]]:
    """Phrase rules, reader appeals, list items after a list label; returns reasons and the
    indices of end-of-story marks."""
    reasons: list[str | None] = [None] * len(lines)
    closers: list[int] = []
    openers: list[int] = []
    in_region = False
    items: LineRule | None = None
    left = 0
    for i, (_, _, norm) in enumerate(lines):
        reason, opener, leaves, rule = _classify(norm, rules, in_region)
        in_region = (in_region or opener) and not leaves
        if opener:
            openers.append(i)
        if rule is not None and rule.closes:
            closers.append(i)
        if rule is not None and rule.items:
            items, left = rule, rule.max_items or 10_000
        elif reason is None and items is not None and left > 0 and _list_item(norm, items):
            reason, left = items.items, left - 1
        elif reason is None:
            items = None
        reasons[i] = reason
    _bridge_appeals(lines, reasons, openers)
    return reasons, closers


def _list_item(norm: str, label: LineRule) -> bool:
    n = _words(norm)
    if label.items == CAPTION:
        return n <= label.item_max_words
    return 0 < n <= label.item_max_words and not _ends_sentence(norm)


def _bridge_appeals(lines: list[Line], reasons: list[str | None], openers: list[int]) -> None:
    """Lines between an appeal opener and a later appeal line belong to the appeal when nothing
    after that appeal reads like article prose (the appeal box closes the page)."""
    for o in openers:
        last = max(
            (j for j in range(o + 1, min(o + 9, len(lines))) if reasons[j] in _APPEALS),
            default=None,
        )
        if last is None or any(
            reasons[j] is None and _prose(lines[j][2]) for j in range(last + 1, len(lines))
        ):
            continue
        for j in range(o + 1, last):
            if reasons[j] is None:
                reasons[j] = _APPEAL


def _guess_title(lines: list[Line], reasons: list[str | None], rules: Rules) -> int | None:
    """Index of the headline: the first unpunctuated, uncredited line of 3-30 words (5 or more
    preferred) among the first 40 kept lines that is followed by article prose within six kept
    lines and preceded by none."""
    candidates = [i for i, r in enumerate(reasons) if r is None][:40]
    valid = []
    for rank, i in enumerate(candidates):
        norm = lines[i][2]
        if _prose(norm):
            break  # the article starts here: a headline comes before it or not at all
        if not 3 <= _words(norm) <= 30 or norm.rstrip(_CLOSERS).endswith("."):
            continue
        if _credit(norm, rules):
            continue
        if any(_prose(lines[j][2]) for j in candidates[rank + 1 : rank + 7]):
            valid.append(i)
    # outlet names and section labels are short ("The Asahi Shimbun"); headlines rarely are
    return next((i for i in valid if _words(lines[i][2]) >= 5), valid[0] if valid else None)


def _headline(
    lines: list[Line], reasons: list[str | None], title: str | None, rules: Rules
) -> tuple[int | None, str]:
    """Find the headline, mark it, its duplicates and the page chrome before it."""
    key = _title_key(normalise(title)) if title else ""
    if key:
        head = next((i for i, (_, _, n) in enumerate(lines) if _title_key(n) == key), None)
    else:
        head = _guess_title(lines, reasons, rules)
        title = lines[head][1] if head is not None else ""
        key = _title_key(lines[head][2]) if head is not None else ""
    if head is not None:
        for i in range(head):
            if reasons[i] is None:
                reasons[i] = "page chrome before the headline"
    for i, (_, _, norm) in enumerate(lines):
        if key and len(norm) < 2 * len(key) + 20 and _title_key(norm) == key:
            reasons[i] = "headline" if i == head else "duplicated headline"
    return head, title or ""


def _caption_pass(
    lines: list[Line], reasons: list[str | None], head: int | None, rules: Rules
) -> None:
    """Photo captions (credited lines anywhere, unpunctuated lines between headline and lede),
    and bylines or section labels between headline and lede. A standfirst right under the
    headline stays body text."""
    kept = [i for i, r in enumerate(reasons) if r is None]
    last_prose = max((i for i in kept if _words(lines[i][2]) >= 8), default=-1)
    before_lede = head is not None
    for i in kept:
        if head is not None and i <= head:
            continue
        norm = lines[i][2]
        credit = _credit(norm, rules)
        if credit == 2 or (credit == 1 and i != last_prose):
            reasons[i] = CAPTION
        elif before_lede and not _ends_sentence(norm):
            n = _words(norm)
            if n < 5:
                reasons[i] = _LABEL
            elif not (i == head + 1 and n >= 8):  # a standfirst directly under the headline
                reasons[i] = CAPTION
        if _prose(norm):
            before_lede = False


def _tail_pass(
    lines: list[Line],
    reasons: list[str | None],
    closers: list[int],
    edge_repeats: frozenset[str],
) -> None:
    """Everything after an end-of-story mark, short chrome after the last paragraph, and edge
    paragraphs repeated across the outlet."""
    kept = [i for i, r in enumerate(reasons) if r is None]
    for c in closers:
        before = sum(1 for i in kept if i < c and _prose(lines[i][2]))
        after = sum(1 for i in kept if i > c and _prose(lines[i][2]))
        # A mark closes the story only once it has begun and when less prose follows than
        # precedes it: a copyright-style credit on a photo mid-article must not end the story.
        if before >= 2 and after < before:
            for i in kept:
                if i > c:
                    reasons[i] = "page chrome after the end of the story"
            break
    kept = [i for i, r in enumerate(reasons) if r is None]
    for i in reversed(kept):
        norm = lines[i][2]
        if edge_repeats and norm.lower() in edge_repeats:
            reasons[i] = "repeated at the edge of other articles of this outlet"
        elif (
            _words(norm) <= 15
            and not _ends_sentence(norm)
            and not _tagged_sentence(norm)
            and not _BULLET.match(norm)
        ):
            reasons[i] = "page chrome after the article"
        else:
            break
    for i in kept:
        if reasons[i] is None and edge_repeats and lines[i][2].lower() in edge_repeats:
            reasons[i] = "repeated at the edge of other articles of this outlet"
        elif reasons[i] is None:
            break


# --- the cleaner ---------------------------------------------------------------------------


def _physical(
    line_no: int, original: str, joined: dict[int, list[tuple[int, str]]]
) -> list[tuple[int, str]]:
    """The raw lines a logical line was made of (one audit row per line of the page)."""
    parts = joined.get(line_no)
    if not parts:
        return [(line_no, original)]
    first = original
    for _, text in parts:
        first = first[: -len(text) - 1]
    return [(line_no, first), *parts]


def clean_text(
    text: str,
    *,
    title: str | None = None,
    rules: Rules | None = None,
    edge_repeats: frozenset[str] = frozenset(),
) -> CleanText:
    """Return the headline, clean paragraphs, captions and removed lines of one copied page.

    ``title`` is the known headline (from a manifest or HTML metadata); without it the first
    short, unpunctuated line followed by a paragraph of prose is taken (and none when the page
    starts with prose). ``edge_repeats`` holds normalised, lowercased paragraphs seen at the edges
    of other articles of the same outlet; such paragraphs are removed where they sit before the
    first or after the last paragraph of the body.

    >>> page = "Support us\\n\\nPutin Visits Japan\\n\\nPutin arrived in Tokyo on Thursday for two days of talks.\\n\\nRead more"
    >>> result = clean_text(page)
    >>> result.title, result.paragraphs
    ('Putin Visits Japan', ('Putin arrived in Tokyo on Thursday for two days of talks.',))
    >>> [(r.line_no, r.reason) for r in result.removed]
    [(1, 'donation appeal'), (3, 'headline'), (7, 'navigation link')]
    """
    if not isinstance(text, str):
        kind = "None" if text is None else f"a {type(text).__name__}"
        raise InputError("clean_text", f"text must be a string (the copied page), got {kind}")
    rules = rules or load_rules()
    joined: dict[int, list[tuple[int, str]]] = defaultdict(list)
    lines = _logical_lines(text, rules, joined)
    reasons, closers = _rule_pass(lines, rules)
    head, title = _headline(lines, reasons, title, rules)
    _caption_pass(lines, reasons, head, rules)
    _tail_pass(lines, reasons, closers, edge_repeats)
    paragraphs = tuple(lines[i][1] for i, r in enumerate(reasons) if r is None)
    captions = tuple(lines[i][1] for i, r in enumerate(reasons) if r == CAPTION)
    removed = tuple(
        Removal(n, t, r)
        for (line_no, original, _), r in zip(lines, reasons, strict=True)
        if r is not None
        for n, t in _physical(line_no, original, joined)
    )
    return CleanText(title=title, paragraphs=paragraphs, captions=captions, removed=removed)
