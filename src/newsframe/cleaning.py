"""Separate the article from the page it was copied from, and keep an audit of every removal.

The cleaner works line by line on text copied from a web page (or extracted from saved HTML).
It combines editable phrase rules (``data/boilerplate.toml``) with structural evidence:

* length: a short rule (``"Read more"``) only removes a short line, never a long sentence;
* address: appeals speak to the reader (we/our/you/your outside quotation marks) and carry
  appeal cues (support, donate, newsletter ...); news prose reports in the third person;
* regions: an appeal opener ("A Message from ...", "Dear readers,") starts a run of lines that
  stays an appeal while it keeps addressing the reader;
* position: lines before the headline, short chrome after the last paragraph, photo captions
  between the headline and the lede, and paragraphs repeated at the edges of several articles
  of one outlet (see :func:`newsframe.corpus.load_corpus`).

Keeping article text matters more than removing every scrap, so a long line that ends like a
sentence is only removed on strong evidence. Every removed line is kept with its reason.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from newsframe.errors import InputError
from newsframe.text import normalise

__all__ = ["CleanText", "Removal", "Rules", "clean_text", "load_rules"]

_TERMINAL = re.compile(r"[.!?:;…]$")
_CLOSERS = "\"')]}»”’"
_QUOTED = re.compile(r'"[^"]{0,400}"')
_ADDRESS = re.compile(r"\b(we|our|ours|us|you|your|yours)\b", re.IGNORECASE)
_WORD = re.compile(r"\w+(?:['-]\w+)*")
_LOWER_START = re.compile(r"^[\"'(]?[a-z]")


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


@dataclass(frozen=True)
class LineRule:
    pattern: re.Pattern[str]
    reason: str
    max_words: int
    case_sensitive: bool = False


@dataclass(frozen=True)
class Rules:
    """Compiled boilerplate rules (see ``data/boilerplate.toml`` for the format)."""

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


_UPPER_LITERAL = re.compile(r"(?<!\\)[A-Z]")


def _compile(pattern: str, case_sensitive: bool = False) -> re.Pattern[str]:
    """Compile a rule. Rules are matched against the lowercased line, which lets Python's regex
    engine use its fast literal-prefix search; a pattern with uppercase letters (outside escapes
    such as ``\\S``) falls back to IGNORECASE, and ``case_sensitive`` rules see the original case."""
    flags = 0 if case_sensitive or not _UPPER_LITERAL.search(pattern) else re.IGNORECASE
    return re.compile(pattern, flags)


@lru_cache(maxsize=16)
def _load_rules(path: str | None) -> Rules:
    if path is None:
        raw = resources.files("newsframe.data").joinpath("boilerplate.toml").read_text("utf-8")
        source = "newsframe/data/boilerplate.toml"
    else:
        try:
            raw = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(path, f"cannot read rules file ({exc.strerror})") from None
        source = str(path)
    try:
        data = tomllib.loads(raw)
        lines = tuple(
            LineRule(
                _compile(r["pattern"], r.get("case_sensitive", False)),
                r["reason"],
                int(r.get("max_words", 12)),
                bool(r.get("case_sensitive", False)),
            )
            for r in data.get("line", [])
        )
        appeal = data.get("appeal", {})
        caption = data.get("caption", {})
        return Rules(
            lines=lines,
            cues=tuple(_compile(p) for p in appeal.get("cues", [])),
            openers=tuple(_compile(p) for p in appeal.get("openers", [])),
            address_share=float(appeal.get("address_share", 0.08)),
            credits=tuple(_compile(p) for p in caption.get("credit_patterns", [])),
            max_credit_words=int(caption.get("max_credit_words", 6)),
            source=source,
        )
    except (tomllib.TOMLDecodeError, KeyError, re.error, TypeError, ValueError) as exc:
        raise InputError(source, f"invalid boilerplate rules: {exc}") from None


# --- line features -------------------------------------------------------------------------


@lru_cache(maxsize=8192)
def _words(line: str) -> int:
    return len(_WORD.findall(line))


@lru_cache(maxsize=8192)
def _ends_sentence(line: str) -> bool:
    return bool(_TERMINAL.search(line.rstrip(_CLOSERS + " ")))


def _rule_reason(line: str, low: str, rules: Rules) -> str | None:
    n = _words(line)
    for rule in rules.lines:
        if n <= rule.max_words and rule.pattern.search(line if rule.case_sensitive else low):
            return rule.reason
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
        return cues >= 1
    return (
        cues >= 3
        or (cues >= 2 and address >= rules.address_share / 2)
        or (cues >= 1 and address >= rules.address_share and _words(line) <= 40)
    )


def _is_opener(low: str, rules: Rules) -> bool:
    return any(p.search(low) for p in rules.openers)


def _has_credit(line: str, rules: Rules) -> bool:
    """True when the line ends in a photo credit (explicit pattern or a short capitalised tail)."""
    ends = _ends_sentence(line)
    if ends and not line.rstrip().endswith(")"):
        return False
    low = line.lower()
    if any(p.search(low) for p in rules.credits):
        return True
    if ends:
        return False
    head, dot, tail = line.rpartition(". ")
    words = tail.split()
    return bool(
        dot
        and head
        and 0 < len(words) <= rules.max_credit_words
        and all(w[:1].isupper() or not w[:1].isalpha() for w in words)
    )


_APPEAL = "reader appeal (donation, subscription or newsletter)"


@lru_cache(maxsize=65_536)
def _classify(norm: str, rules: Rules, in_region: bool) -> tuple[str | None, bool, bool]:
    """Return (reason or None, opens an appeal region, ends the current region) for one line.

    Cached: the chrome of one outlet repeats line for line across its pages.
    """
    low = norm.lower()
    rule = _rule_reason(norm, low, rules)
    opener = _is_opener(low, rules)
    in_region = in_region or opener
    if rule is not None:
        return rule, opener, False
    if _is_appeal(norm, rules, in_region=in_region):
        return _APPEAL, opener, False
    if in_region and _words(norm) < 8 and not _ends_sentence(norm):
        return _APPEAL, opener, False
    return None, opener, in_region


def _title_key(text: str) -> str:
    """Words of a line, lowercased, for comparing a line with the headline."""
    return " ".join(_WORD.findall(text.lower()))


# --- the cleaner ---------------------------------------------------------------------------


def _logical_lines(text: str) -> list[tuple[int, str, str]]:
    """Return (line_no, original, normalised) per non-blank line, joining hard-wrapped lines.

    A line that does not end a sentence and is followed, in the same block, by a line that starts
    in lowercase is a wrapped paragraph: the two are joined with a space.
    """
    out: list[tuple[int, str, str]] = []
    previous_blank = True
    for i, raw in enumerate(text.splitlines(), start=1):
        original = raw.strip()
        if not original:
            previous_blank = True
            continue
        norm = normalise(original).strip()
        if (
            out
            and not previous_blank
            and not _ends_sentence(out[-1][2])
            and _LOWER_START.match(norm)
            and _words(out[-1][2]) >= 4
        ):
            line_no, o, n = out[-1]
            out[-1] = (line_no, f"{o} {original}", f"{n} {norm}")
        else:
            out.append((i, original, norm))
        previous_blank = False
    return out


def _guess_title(lines: list[tuple[int, str, str]], reasons: list[str | None]) -> int | None:
    """Index of the most headline-like line among the first unremoved lines, or None."""
    candidates = [i for i, r in enumerate(reasons) if r is None][:12]
    for rank, i in enumerate(candidates):
        norm = lines[i][2]
        n = _words(norm)
        if not 3 <= n <= 30 or norm.rstrip(_CLOSERS).endswith("."):
            continue
        later = candidates[rank + 1 : rank + 4]
        if any(_words(lines[j][2]) >= 8 and _ends_sentence(lines[j][2]) for j in later):
            return i
    return None


def clean_text(
    text: str,
    *,
    title: str | None = None,
    rules: Rules | None = None,
    edge_repeats: frozenset[str] = frozenset(),
) -> CleanText:
    """Return the headline, clean paragraphs, captions and removed lines of one copied page.

    ``title`` is the known headline (from a manifest or HTML metadata); without it the first
    short, unpunctuated line followed by a paragraph of prose is taken. ``edge_repeats`` holds
    normalised paragraphs seen at the edges of other articles of the same outlet; such paragraphs
    are removed where they sit before the first or after the last paragraph of the body.

    >>> page = "Support us\\n\\nPutin Visits Japan\\n\\nPutin arrived in Tokyo on Thursday for two days of talks.\\n\\nRead more"
    >>> result = clean_text(page)
    >>> result.title, result.paragraphs
    ('Putin Visits Japan', ('Putin arrived in Tokyo on Thursday for two days of talks.',))
    >>> [(r.line_no, r.reason) for r in result.removed]
    [(1, 'donation appeal'), (3, 'headline'), (7, 'navigation link')]
    """
    rules = rules or load_rules()
    lines = _logical_lines(text)
    reasons: list[str | None] = [None] * len(lines)

    # 1. phrase rules and reader appeals, with appeal regions
    in_region = False
    for i, (_, _, norm) in enumerate(lines):
        reasons[i], opener, leaves_region = _classify(norm, rules, in_region)
        in_region = (in_region or opener) and not leaves_region

    # 2. the headline, duplicated headlines and chrome before it
    key = _title_key(normalise(title)) if title else ""
    if key:
        head = next((i for i, (_, _, n) in enumerate(lines) if _title_key(n) == key), None)
    else:
        head = _guess_title(lines, reasons)
        title = lines[head][1] if head is not None else ""
        key = _title_key(lines[head][2]) if head is not None else ""
    if head is not None:
        for i in range(head):
            if reasons[i] is None:
                reasons[i] = "page chrome before the headline"
    for i, (_, _, norm) in enumerate(lines):
        if key and len(norm) < 2 * len(key) + 20 and _title_key(norm) == key:
            reasons[i] = "headline" if i == head else "duplicated headline"

    # 3. captions: credited lines anywhere, unpunctuated lines between headline and lede
    captions: list[str] = []
    start = head + 1 if head is not None else 0
    before_lede = True
    for i in range(start, len(lines)):
        if reasons[i] is not None:
            continue
        norm = lines[i][2]
        lede_like = _words(norm) >= 8 and _ends_sentence(norm)
        if _has_credit(norm, rules) or (
            before_lede
            and head is not None
            and not _ends_sentence(norm)
            and _words(norm) >= 3
            and not lede_like
        ):
            reasons[i] = "photo caption or credit"
            captions.append(lines[i][1])
        elif lede_like:
            before_lede = False

    # 4. short chrome after the last paragraph, and edge paragraphs repeated across the outlet
    kept = [i for i, r in enumerate(reasons) if r is None]
    for i in reversed(kept):
        norm = lines[i][2]
        if normalise(norm).lower() in edge_repeats:
            reasons[i] = "repeated at the edge of other articles of this outlet"
        elif _words(norm) < 8 and not _ends_sentence(norm):
            reasons[i] = "page chrome after the article"
        else:
            break
    for i in kept:
        if reasons[i] is None and normalise(lines[i][2]).lower() in edge_repeats:
            reasons[i] = "repeated at the edge of other articles of this outlet"
        elif reasons[i] is None:
            break

    paragraphs = tuple(lines[i][1] for i, r in enumerate(reasons) if r is None)
    removed = tuple(
        Removal(lines[i][0], lines[i][1], r) for i, r in enumerate(reasons) if r is not None
    )
    return CleanText(title=title, paragraphs=paragraphs, captions=tuple(captions), removed=removed)
