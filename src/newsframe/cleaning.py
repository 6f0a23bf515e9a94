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
* repetition and form: a caption repeated as alt text above itself, two or more title-case
  lines in a row inside the body (other stories' headlines), a separator that recurs between the
  entries of a live page (a divider, not an end mark);
* glued pieces: a credit or link label glued to the end of a body sentence ("... the canal.
  [Reuters, CNN]", "... said. (Kyodo)") is split off and the sentence stays in the body;
* layout: hard-wrapped paragraphs (lines of similar width in one block) are joined first.

Keeping article text matters more than removing every scrap: a line that reads as a sentence
amid the body is only removed on a second signal beyond one phrase rule (the previous line is
chrome, two cues, reader address, or a rule marked ``strong``). No headline is invented (a
masthead in capitals is not one). Lines mostly in another script are never dropped on structure
alone; they stay in the body with a note (``CleanText.notes``). Every removed line, and every
piece split off a line, is kept with its reason.

Heuristics, not a trained model; measured on hand-annotated real pages by
``benchmarks/eval_pages.py``.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from newsframe.datafiles import (
    check_flag,
    check_number,
    check_sections,
    check_strings,
    check_table,
    check_text,
    describe,
    read_toml,
)
from newsframe.errors import InputError
from newsframe.language import reads_as_other
from newsframe.lines import (
    CASED_SHARE,
    Evidence,
    LineModel,
    Page,
    StoryView,
    decide_pages,
    title_case,
)
from newsframe.parallel import gathering
from newsframe.text import normalise, normalise_line, split_sentences

try:  # the standard library's regex parser, read only to find the literal text a rule needs
    from re import _constants as _sre
    from re import _parser as _regex_parser
except ImportError:  # pragma: no cover - a Python without it: every rule is searched
    _regex_parser = None

__all__ = [
    "NON_ENGLISH",
    "CleanText",
    "Removal",
    "Rules",
    "clean_text",
    "clean_texts",
    "line_evidence",
    "load_rules",
    "page_evidence",
]

#: Hard-wrapped lines are joined into one logical line up to this many characters.
MAX_JOINED = 10_000
_TERMINAL = re.compile(r"[.!?:;…。！？]$")
_STOP = re.compile(r"[.!?…。！？]$")  # a sentence's end (a colon introduces, it does not end)
_CLOSERS = "\"')]}»”’"
# One mark a page may set after a sentence's final stop: a footnote ("[1]", "[a]"), asterisks,
# daggers, superscript digits, a hashtag, an emoji or a check mark (bounded runs: linear search).
_MARK = re.compile(
    r"(?:\[(?:\d{1,3}|[a-z])\]|#\w{1,40}|[*†‡§¹²³⁰-⁹\u2600-\u27bf\u2b50\u2b55\ufe0f\u200d"
    r"\U0001f000-\U0001faff]{1,8})$"
)
# a quotation in double quotes, or in single quotes (British usage; the page's curly quotes
# are normalised to "'", as apostrophes are): an opening quote after no letter or quote, a
# closing one before no letter ("'Thank you'", not "players' ... Philip's"); bounded, lazy
_QUOTED = re.compile(r'"[^"]{0,400}"|(?<![\w\'])\'(?=[^\s\'])[^\'\n]{0,400}?(?<=[^\s\'])\'(?!\w)')
_ADDRESS = re.compile(r"\b(we|our|ours|us|you|your|yours)\b", re.IGNORECASE)
# the same on lowercased ASCII text, where ignoring case changes nothing and costs time; each
# word's first letter comes first (the boundary before it checked behind), so a search skips
# ahead to a "w", "o", "u" or "y" instead of trying every position (2.4x quicker)
_ADDRESS_LOW = re.compile(r"(?:w(?<=\bw)e|o(?<=\bo)urs?|u(?<=\bu)s|y(?<=\by)ou(?:rs?)?)\b")
_WORD = re.compile(r"\w++(?:['-]\w++)*+")
# Counting words of ASCII text without listing them: runs of word characters (the bytes of
# anything else made spaces), less the apostrophes and hyphens that join two runs into one word.
_ASCII_RUNS = bytes(c if chr(c).isalnum() or c == 95 else 32 for c in range(128)).ljust(256)
_JOINT = re.compile(r"['-](?<=\w.)(?=\w)")
_LOWER_START = re.compile(r"^[\"'(]?[a-z]")
# a byline in lowercase ("by Ann Lee and Tom Ito ...") under an unwrapped headline: its own line
_BY_NAME = re.compile(r"^[Bb][Yy]\s[A-Z]")
_BULLET = re.compile(r"^([-•*—]|\d{1,2}[.)])\s+\w")  # an item of a list in the article
_REPORTING = re.compile(r"\b(said|says|told|tells|according to|reported|announced|added|stated)\b")
_PHOTO_WORDS = re.compile(r"\b(photo\w*|image|picture|pictured|composite|file photo|getty)\b")
# A leading date marker ("date 2019-04-16 ", "Updated: 12/03/2021 ") or a trailing site name
# ("Headline | Site Name") around a headline; a breadcrumb ("Home » World » ...").
_LEAD_MARKER = re.compile(
    r"^(?:(?:date|updated|published|posted)\b:?\s*)?"
    r"(?:\d{4}-\d\d-\d\d(?:t[\d:.]{1,12}z?)?|\d{1,2}[./]\d{1,2}[./]\d{2,4})[,:]?\s+",
    re.IGNORECASE,
)
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_OTHER_SCRIPT = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f]")
_SITE_SUFFIX = re.compile(r"[ \t]{0,3}\|[ \t]{0,3}([^|]{1,40})$")
_TAG_SUFFIX = re.compile(r"(?<=\S) \((\w+(?: \w+){0,2})\)$")  # "... 70 Missing (Wikipedia)"
_BREADCRUMB = re.compile(r"\s[»›]\s|^[^ ]{1,30}\s?»")
CAPTION = "photo caption or credit"
NON_ENGLISH = "non-English text (kept in the body; the English measures cannot read it)"
_APPEAL = "reader appeal (donation, subscription or newsletter)"
_APPEALS = frozenset({_APPEAL, "donation appeal", "subscription appeal"})
_LABEL = "byline, date or section label"
#: The reason of a line after the story's end mark (:func:`_tail_pass`).
_END_OF_STORY = "page chrome after the end of the story"
#: Second words of a reporter's biography under the story ("Guy is Moscow bureau chief ...").
_BIO_VERBS = frozenset(["is", "was", "has", "covers", "covered", "joined", "writes", "reports",
                        "leads", "works", "previously"])  # fmt: skip


class Removal(NamedTuple):
    """One line the cleaner removed: 1-based ``line_no`` in the raw text, the line, and why.

    A named tuple: a corpus holds a few per article, and a tuple is small and quick to send
    back from the worker process that cleaned the page.

    ``part`` is True when only ``text``, a piece glued to the end of a body line (a source credit
    such as ``[Reuters]``), was split off and the rest of the line stayed in the body. The same
    record type carries the cleaner's notes on kept lines (:attr:`CleanText.notes`).
    """

    line_no: int
    text: str
    reason: str
    part: bool = False


@dataclass(frozen=True)
class CleanText:
    """What :func:`clean_text` returns: headline, body paragraphs, captions and the audit.

    ``notes`` flags kept lines the analysis will not read as English (reason
    :data:`NON_ENGLISH`): they stay in the body, never dropped silently. ``edge_lines`` holds the
    normalised, lowercased lines that ``edge_repeats`` could remove or re-label (the first and
    the last paragraph, short chrome after the last): cleaning the page again with
    ``edge_repeats`` that contain none of them gives this same result. Not compared.
    """

    title: str
    paragraphs: tuple[str, ...]
    captions: tuple[str, ...]
    removed: tuple[Removal, ...]
    notes: tuple[Removal, ...] = ()
    edge_lines: frozenset[str] = field(default=frozenset(), compare=False, repr=False)


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
    strong: bool = False
    #: literal text one piece of which every match contains (see :func:`_needles`)
    needles: tuple[str, ...] = field(default=(), init=False, repr=False)
    #: the characters a match can start with, when it must start the line (see :func:`_openings`)
    openings: frozenset[str] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "needles", _needles(self.pattern))
        object.__setattr__(self, "openings", _openings(self.pattern))


@dataclass(frozen=True, eq=False)
class GluedRule:
    """One ``[[glued]]`` rule: a credit or link label glued to the end of a body sentence."""

    pattern: re.Pattern[str]
    reason: str
    reporting: bool = False


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
    glued: tuple[GluedRule, ...] = ()
    source: str = field(default="<builtin>")
    #: each cue and each credit pattern with its needles (see :func:`_needles`)
    cue_checks: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = field(
        default=(), init=False, repr=False
    )
    credit_checks: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = field(
        default=(), init=False, repr=False
    )
    #: the line rules that may remove a line, per (words, first character, lowercased)
    candidates: dict[tuple[int, str, str], tuple[LineRule, ...]] = field(
        default_factory=dict, init=False, repr=False
    )
    #: the line model's evidence of each line read with these rules, per (line, reason,
    #: phrase rule, repeat): a plain dictionary of plain keys, which the garbage collector
    #: stops tracking (see :func:`line_evidence`)
    evidence: dict[tuple[str, str | None, bool, bool], Evidence] = field(
        default_factory=dict, init=False, repr=False
    )
    #: :func:`_credit` and :func:`_classify` of each line read with these rules (their keys
    #: plain strings and booleans, untracked by the cyclic garbage collector)
    credited: dict[str, int] = field(default_factory=dict, init=False, repr=False)
    classified: dict[tuple[str, bool], tuple] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "cue_checks", tuple((c, _needles(c)) for c in self.cues))
        object.__setattr__(self, "credit_checks", tuple((c, _needles(c)) for c in self.credits))

    def __getstate__(self) -> dict:
        """Pickled (for a worker process) without the readings kept of lines: a worker reads
        its own lines, and the readings may hold tens of thousands of them."""
        state = dict(self.__dict__)
        state.update(evidence={}, credited={}, classified={})
        return state

    def for_line(self, n: int, line: str, low: str) -> tuple[LineRule, ...]:
        """The line rules that may remove a line of ``n`` words (``low`` is the line in lower
        case), in file order: its length is within their ``max_words`` and, for a rule that
        must match at the start of the line, the line starts with a character it can open with."""
        key = (n, line[:1], low[:1])
        found = self.candidates.get(key)
        if found is None:
            found = tuple(
                r
                for r in self.lines
                if n <= r.max_words
                and (r.openings is None or key[1 if r.case_sensitive else 2] in r.openings)
            )
            if n <= max((r.max_words for r in self.lines), default=0):
                self.candidates[key] = found  # (longer lines all get the empty tuple)
        return found


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


_LINE_KEYS = ("pattern", "reason", "max_words", "case_sensitive", "items", "max_items",
              "item_max_words", "closes", "address_over", "spares_prose", "strong", "verbose")  # fmt: skip
_LINE_FLAGS = ("case_sensitive", "closes", "spares_prose", "strong", "verbose")
_WHERE = "invalid boilerplate rules:"


def _pattern(value: object, source: str, where: str, flags: dict | None = None) -> re.Pattern:
    """A rule's regular expression, compiled, or one error naming the rule and the problem."""
    flags = flags or {}
    check_text(value, source, where)  # text, compiled as written (a space may matter)
    try:
        return _compile(value, flags.get("case_sensitive", False), flags.get("verbose", False))
    except re.error as exc:
        raise InputError(source, f"{where} {value!r} is not a regular expression ({exc})") from None


def _line_rule(r: object, source: str, where: str) -> LineRule:
    """One ``[[line]]`` rule, its keys checked (the file's format is at the top of the file)."""
    r = check_table(r, source, where, allowed=_LINE_KEYS, required=("pattern", "reason"))
    flag = {k: check_flag(r.get(k, False), source, f"{where} {k}") for k in _LINE_FLAGS}

    def number(key: str, default: int | None, low: int = 0) -> int | None:
        value = r.get(key, default)
        return None if value is None else int(check_number(value, source, f"{where} {key}", low=low))  # fmt: skip

    items = r.get("items")
    return LineRule(
        _pattern(r["pattern"], source, f"{where} pattern", flag),
        check_text(r["reason"], source, f"{where} reason"),
        number("max_words", 12, 1),
        flag["case_sensitive"],
        None if items is None else check_text(items, source, f"{where} items"),
        number("max_items", 0),
        number("item_max_words", 20, 1),
        flag["closes"],
        number("address_over", None),
        flag["spares_prose"],
        flag["strong"],
    )


def _glued_rule(g: object, source: str, where: str) -> GluedRule:
    """One ``[[glued]]`` rule, its keys checked."""
    g = check_table(g, source, where, allowed=("pattern", "reason", "reporting"),
                    required=("pattern", "reason"))  # fmt: skip
    return GluedRule(
        _pattern(g["pattern"], source, f"{where} pattern"),
        check_text(g["reason"], source, f"{where} reason"),
        check_flag(g.get("reporting", False), source, f"{where} reporting"),
    )


def _rule_list(data: dict, key: str, source: str) -> list:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise InputError(source, f"{_WHERE} [[{key}]] must be tables, got {describe(value)}")
    return value


@lru_cache(maxsize=16)
def _load_rules(path: str | None) -> Rules:
    data, source = read_toml(path, "boilerplate.toml")
    check_sections(data, source, ("line", "appeal", "caption", "glued"))
    appeal = check_table(data.get("appeal", {}), source, f"{_WHERE} [appeal]",
                         allowed=("cues", "openers", "address_share"))  # fmt: skip
    caption = check_table(data.get("caption", {}), source, f"{_WHERE} [caption]",
                          allowed=("credit_patterns", "max_credit_words"))  # fmt: skip

    def patterns(table: dict, key: str, where: str) -> tuple[re.Pattern[str], ...]:
        check_strings(table.get(key, []), source, f"{where} {key}")
        return tuple(_pattern(p, source, f"{where} {key}") for p in table.get(key, []))

    def number(table: dict, key: str, default: float, where: str, whole: bool) -> float:
        return check_number(table.get(key, default), source, f"{where} {key}", whole=whole)

    lines = _rule_list(data, "line", source)
    glued = _rule_list(data, "glued", source)
    return Rules(
        lines=tuple(
            _line_rule(r, source, f"{_WHERE} [[line]] {n}") for n, r in enumerate(lines, 1)
        ),
        cues=patterns(appeal, "cues", f"{_WHERE} [appeal]"),
        openers=patterns(appeal, "openers", f"{_WHERE} [appeal]"),
        address_share=float(number(appeal, "address_share", 0.08, f"{_WHERE} [appeal]", False)),
        credits=patterns(caption, "credit_patterns", f"{_WHERE} [caption]"),
        max_credit_words=int(number(caption, "max_credit_words", 6, f"{_WHERE} [caption]", True)),
        glued=tuple(
            _glued_rule(g, source, f"{_WHERE} [[glued]] {n}") for n, g in enumerate(glued, 1)
        ),
        source=source,
    )


# --- literal prefilter ---------------------------------------------------------------------

#: A set of needles longer than this is not worth testing before the search.
_MAX_NEEDLES = 24


def _needles(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """Literal strings one of which every match of ``pattern`` contains: when none is in a line
    (a cheap ``in`` test), the pattern cannot match it and the search is skipped. Empty when no
    such set is known, or not worth it: a pattern anchored at the start of the line fails fast
    on its own, and one that ignores case could match text the literals do not spell.

    Read off the parsed pattern: a run of literal characters in a sequence (alone, or followed
    by the start of each branch of the alternation after it), a group, a repeat of at least
    one, an alternation (the union of what each branch needs). Of a sequence's pieces, the set
    with the longest shortest needle is taken (spaces do not count, a non-ASCII character counts
    as four: it is rare in English text), then the smallest set; a needle containing another is
    dropped.

    >>> _needles(re.compile(r"\\b(we|this site) uses? cookies\\b"))
    (' cookies',)
    >>> _needles(re.compile(r"\\b(donate|subscribe)\\b"))
    ('donate', 'subscribe')
    >>> _needles(re.compile(r"^read more")), _needles(re.compile(r"a\\w*", re.IGNORECASE))
    ((), ())
    """
    if _regex_parser is None or pattern.flags & re.IGNORECASE:
        return ()
    try:
        parsed = list(_regex_parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # the parser's internals changed: no prefilter, every line is searched
        return ()
    if _anchored(parsed) and not pattern.flags & re.MULTILINE:
        return ()
    found = _required(parsed)
    if not found:
        return ()
    return tuple(sorted(n for n in found if not any(m != n and m in n for m in found)))


def _needle_score(needles: frozenset[str]) -> tuple[int, int]:
    weights = (sum(0 if c == " " else 1 if c.isascii() else 4 for c in n) for n in needles)
    return min(6, *weights), -len(needles)


def _required(items: list) -> frozenset[str] | None:
    """Needles of a parsed sequence (see :func:`_needles`), None when none are known."""
    best: frozenset[str] | None = None
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is _sre.LITERAL:
            run.append(chr(av))
            continue
        found = []
        if run:  # the run alone, and the run with what follows it ("ad" + "s|-free")
            head = "".join(run)
            found.append(frozenset({head}))
            starts = _starts(op, av)
            if starts and len(starts) <= _MAX_NEEDLES:
                found.append(frozenset(head + start for start in starts))
        run = []
        if op is _sre.SUBPATTERN and not av[1] & re.IGNORECASE:
            found.append(_required(list(av[3])))
        elif op is _sre.ATOMIC_GROUP:
            found.append(_required(list(av)))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            found.append(_required(list(av[2])))
        elif op is _sre.BRANCH:
            branches = [_required(list(b)) for b in av[1]]
            if all(branches):
                union = frozenset().union(*branches)
                found.append(union if len(union) <= _MAX_NEEDLES else None)
        for needles in found:
            if needles and (best is None or _needle_score(needles) > _needle_score(best)):
                best = needles
    return best


def _starts(op: object, av: object) -> list[str] | None:
    """The literal text each match of one parsed item starts with ("" for none known), or None
    when the item is not a group, an alternation or a small set of characters."""
    if op is _sre.SUBPATTERN and not av[1] & re.IGNORECASE:
        inner = list(av[3])
        if len(inner) == 1 and inner[0][0] is _sre.BRANCH:
            return _starts(*inner[0])
        return [_literal_prefix(inner)]
    if op is _sre.BRANCH:
        return [_literal_prefix(list(b)) for b in av[1]]
    if op is _sre.IN and all(kind is _sre.LITERAL for kind, _ in av):
        return [chr(c) for _, c in av]
    return None


def _literal_prefix(items: list) -> str:
    prefix = []
    for op, av in items:
        if op is not _sre.LITERAL:
            break
        prefix.append(chr(av))
    return "".join(prefix)


def _openings(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can start with, when every match must start at the
    start of the text (None when it need not, or when they are not known): a line that starts
    with another character cannot match, and the search is skipped.

    >>> sorted(_openings(re.compile(r"^(read more|tags?|[0-9]+ comments)")))
    ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'r', 't']
    >>> _openings(re.compile(r"^\\(?by")), _openings(re.compile(r"(^a|b)"))
    (None, None)
    """
    if _regex_parser is None or pattern.flags & (re.IGNORECASE | re.MULTILINE):
        return None
    try:
        parsed = list(_regex_parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # the parser's internals changed: every line is searched
        return None
    return _anchored_first(parsed)


def _anchored_first(items: list) -> frozenset[str] | None:
    if not items:
        return None
    op, av = items[0]
    if op is _sre.AT and av in (_sre.AT_BEGINNING, _sre.AT_BEGINNING_STRING):
        return _first(items[1:])
    if op is _sre.SUBPATTERN and not av[1] & re.IGNORECASE:
        return _anchored_first(list(av[3]))
    if op is _sre.ATOMIC_GROUP:
        return _anchored_first(list(av))
    if op is _sre.BRANCH:
        return _union([_anchored_first(list(b)) for b in av[1]])
    return None


def _first(items: list) -> frozenset[str] | None:
    """The characters a match of the parsed sequence starts with (None: not known, or a match
    may be empty)."""
    if not items:
        return None
    op, av = items[0]
    if op is _sre.LITERAL:
        return frozenset(chr(av))
    if op is _sre.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is _sre.LITERAL:
                chars.add(chr(value))
            elif kind is _sre.RANGE and value[1] - value[0] < 64:
                chars.update(map(chr, range(value[0], value[1] + 1)))
            else:
                return None
        return frozenset(chars)
    if op is _sre.SUBPATTERN and not av[1] & re.IGNORECASE:
        return _first(list(av[3]))
    if op is _sre.ATOMIC_GROUP:
        return _first(list(av))
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _first(list(av[2]))
    if op is _sre.BRANCH:
        return _union([_first(list(b)) for b in av[1]])
    return None


def _union(sets: list[frozenset[str] | None]) -> frozenset[str] | None:
    return None if any(s is None for s in sets) else frozenset().union(*sets)


def _anchored(items: list) -> bool:
    """True when every match of the parsed sequence starts at the start of the text."""
    if not items:
        return False
    op, av = items[0]
    if op is _sre.AT:
        return av in (_sre.AT_BEGINNING, _sre.AT_BEGINNING_STRING)
    if op is _sre.SUBPATTERN:
        return _anchored(list(av[3]))
    if op is _sre.ATOMIC_GROUP:
        return _anchored(list(av))
    if op is _sre.BRANCH:
        return all(_anchored(list(b)) for b in av[1])
    return False


def _search(check: tuple[re.Pattern[str], tuple[str, ...]], text: str) -> bool:
    """True when the pattern of ``(pattern, needles)`` is found in ``text``; the search only runs
    when one of the needles is in the text (or there are none)."""
    pattern, needles = check
    for needle in needles:
        if needle in text:
            return pattern.search(text) is not None
    return not needles and pattern.search(text) is not None


# --- line features -------------------------------------------------------------------------


@lru_cache(maxsize=65_536)
def _words(line: str) -> int:
    """How many words (``_WORD`` matches) the line has.

    >>> line = "Russia's well-known stance -- a 'no'."
    >>> _words(line), _WORD.findall(line)
    (5, ["Russia's", 'well-known', 'stance', 'a', 'no'])
    """
    if not line.isascii():
        return len(_WORD.findall(line))
    runs = len(line.encode().translate(_ASCII_RUNS).split())
    return runs - len(_JOINT.findall(line)) if "'" in line or "-" in line else runs


def _unmarked(line: str) -> str:
    """``line`` without the marks after its final stop (at most four: "said.[1] #talks ✔").

    >>> _unmarked("Talks went on.[1]"), _unmarked("Both sides met. #peace \U0001f54a\ufe0f")
    ('Talks went on.', 'Both sides met.')
    """
    for _ in range(4):
        tail = line[-48:]
        mark = _MARK.search(tail)
        if mark is None:
            break
        line = line[: len(line) - len(tail) + mark.start()].rstrip()
    return line


@lru_cache(maxsize=65_536)
def _end(line: str) -> str:
    """The last two characters of a line after the marks set behind its stop and its closing
    quotes and brackets: all an end pattern (``[...]$``, at the end or before a final line
    break) reads, read once for the rules and the line model's evidence."""
    return _unmarked(line).rstrip(_CLOSERS + " ")[-2:]


@lru_cache(maxsize=65_536)
def _ends_sentence(line: str) -> bool:
    """A line whose last character (after closing quotes and brackets, and after a footnote,
    hashtag, emoji or check mark set behind the stop) ends a sentence or introduces a list."""
    return bool(_TERMINAL.search(_end(line)))


@lru_cache(maxsize=65_536)
def _prose(line: str) -> bool:
    """A line that reads like a paragraph of the article: eight words or more, ending a sentence."""
    return _words(line) >= 8 and _ends_sentence(line)


@lru_cache(maxsize=65_536)
def _sentence_like(line: str) -> bool:
    """A line that reads as a sentence of prose, however short ("Search teams found no
    survivors."): four words or more, a final stop, and lowercase words after the first (a
    title-case label such as "Sign In To Continue." is not prose)."""
    if not _STOP.search(_end(line)):
        return False
    if line.isascii():  # the words counted (and cached) for the rules, the lowercase ones found
        return _words(line) >= 4 and _lower_words(line)
    lower = 0
    for n, match in enumerate(_WORD.finditer(line), 1):  # stops once it has its answer
        w = match.group()
        lower += n > 1 and w[:1].islower() and len(w) > 1 and w.isalpha()
        if n >= 4 and lower >= 2:
            return True
    return False


#: In ASCII text: a word (a :data:`_WORD` match, which runs on over a hyphen or an apostrophe
#: between letters) of lowercase-led letters alone, two or more ("said", not "U.S", "re-run" or
#: "x"); and the first word character of a text.
_LOWER_WORD = re.compile(r"(?<!\w)(?<!\w['-])[a-z][A-Za-z]++(?!\w|['-]\w)", re.ASCII)
_WORD_CHAR = re.compile(r"\w", re.ASCII)


def _lower_words(line: str) -> bool:
    """Whether an ASCII line has two lowercase words of letters after its first word (what
    :func:`_sentence_like` counts), found by a pattern that skips the words it does not count.

    >>> _lower_words("Officials said it rained."), _lower_words("Sign In To Continue.")
    (True, False)
    """
    first = _WORD_CHAR.search(line)
    lower = 0
    for match in _LOWER_WORD.finditer(line):
        lower += match.start() != first.start()
        if lower >= 2:
            return True
    return False


@lru_cache(maxsize=65_536)
def _non_latin(line: str) -> bool:
    """True when most letters of the line are outside the Latin script (Japanese, Cyrillic ...)."""
    other = len(_OTHER_SCRIPT.findall(line))
    return other > 0 and other > len(_LATIN_LETTER.findall(line))


_IMPERATIVE = re.compile(
    r"^(sign|log|subscribe|download|install|click|tap|read|share|follow|join|register|watch|"
    r"listen|get|see|continue|view|load|show|skip|support|donate|become|try|start|upgrade|"
    r"create|enter|leave|add|reply|comment|sign-up|back)\s+"
    r"(up|in|out|to|for|the|our|this|now|here|more|us|a|an|your|on|with|below|today|reading)\b"
)


def _second_signal(norm: str, low: str, rule: LineRule) -> bool:
    """Evidence beyond one rule match that a sentence-like line is chrome: the rule is marked
    ``strong``, its pattern matches twice (two cues: "(c) 2024 X. All rights reserved."), the
    line addresses the reader outside quotation marks, or it opens with an instruction to the
    reader ("Sign up for ...", "Log in to ...", "Read more ..."; not "Search teams found ...")."""
    if rule.strong or _IMPERATIVE.match(low):
        return True
    target = norm if rule.case_sensitive else low
    if len(rule.pattern.findall(target)) >= 2:
        return True
    return bool(_ADDRESS.search(_unquoted(target)))


def _unquoted(text: str) -> str:
    """The text with its quotations (:data:`_QUOTED`, double or single quotes) blanked: what
    the page says in its own voice, not reported speech ("He ended by saying: 'Thank you'."
    addresses no reader).

    >>> _unquoted("He ended by saying: 'Thank you'. The players' union agreed.")
    "He ended by saying:  . The players' union agreed."
    """
    return _QUOTED.sub(" ", text) if '"' in text or "'" in text else text


def _tagged_sentence(line: str) -> bool:
    """A sentence followed by a parenthesised tag: ``"... officials said. (Kyodo)"``."""
    cut = line.rfind("(")
    return line.endswith(")") and cut > 0 and _ends_sentence(line[:cut])


def _rule_matches(line: str, low: str, rules: Rules) -> Iterator[LineRule]:
    """The rules that remove this line, in file order.

    A match that disappears when quoted passages are blanked out is reported speech, not page
    chrome; a rule with ``address_over`` only takes a longer line that addresses the reader, and
    one with ``spares_prose`` never takes a line that reads as a sentence of eight words or more.
    """
    n = _words(line)
    for rule in rules.for_line(n, line, low):
        target = line if rule.case_sensitive else low
        for needle in rule.needles:
            if needle in target:
                break
        else:
            if rule.needles:
                continue  # no needle in the line: the pattern cannot match
        if not rule.pattern.search(target) or (rule.spares_prose and _prose(line)):
            continue
        quoted = '"' in target or "'" in target
        needs_address = rule.address_over is not None and n > rule.address_over
        if quoted or needs_address:
            outside = _QUOTED.sub(" ", target) if quoted else target
            if quoted and not rule.pattern.search(outside):
                continue
            if needs_address and not _ADDRESS.search(outside):
                continue
        yield rule


def _rule_match(line: str, low: str, rules: Rules) -> LineRule | None:
    """The first rule that removes this line, or None."""
    return next(_rule_matches(line, low, rules), None)


#: Separators between the pieces of one chrome line ("Posted May 7, 2025 | By Ann Lee").
_PIECES = re.compile(r"\s[|·•]\s")
#: A line longer than this is never read as chrome pieces.
_MAX_PIECES_WORDS = 24


def _pieces_match(norm: str, rules: Rules) -> LineRule | None:
    """The rule of a line made of chrome pieces joined by ``|``, ``·`` or ``•``, each removed by
    a rule on its own ("Posted May 7, 2025 | By Ann Lee": a timestamp and a byline): the byline's
    rule when a piece is one, else the first piece's. None when a piece matches no rule, or
    matches a rule that takes the next lines along or ends the story (one piece must not do that
    for the whole line).

    >>> rules = load_rules()
    >>> _pieces_match("Posted May 7, 2025 | By Ann Lee", rules).reason
    'byline'
    >>> _pieces_match("Posted May 7, 2025 | Ann Lee met the mayor", rules) is None
    True
    """
    if _words(norm) > _MAX_PIECES_WORDS or not _PIECES.search(norm):
        return None
    found = []
    for piece in _PIECES.split(norm):
        piece = piece.strip()
        if not piece:
            continue
        rule = _rule_match(piece, piece.lower(), rules)
        if rule is None or rule.items or rule.closes:
            return None
        found.append(rule)
    if len(found) < 2:
        return None
    return next((r for r in found if r.reason == "byline"), found[0])


def _strong_match(norm: str, rules: Rules) -> LineRule | None:
    """The first rule that removes the line with a second signal (see :func:`_second_signal`)."""
    low = norm.lower()
    core = _LEAD_MARKER.sub("", norm, count=1)
    found = _rule_matches(norm, low, rules)
    if core != norm:
        found = itertools.chain(found, _rule_matches(core, core.lower(), rules))
    return next((r for r in found if _second_signal(norm, low, r)), None)


def _outside_words(line: str, outside: str) -> int:
    """Words of ``outside``, the line lowercased with its quotations blanked. In ASCII text
    lowercasing moves no word boundary and a quotation mark is never part of a word, so the
    line's (cached) count less the words of the quotations serves."""
    if not line.isascii():
        return _words(outside)
    if '"' not in line and "'" not in line:
        return _words(line)
    return _words(line) - sum(len(_WORD.findall(m.group())) for m in _QUOTED.finditer(line))


def _is_appeal(line: str, rules: Rules, *, in_region: bool) -> bool:
    """True when a line, outside quotation marks, speaks to the reader with appeal cues.

    Outside an appeal region a line must address the reader at all (appeals do; news prose
    reports in the third person), which also keeps the cue scan off ordinary body lines.
    """
    outside = _unquoted(line).lower()
    # share of words that address the reader (we/our/us/you/your)
    said = len((_ADDRESS_LOW if outside.isascii() else _ADDRESS).findall(outside))
    if not in_region and said == 0:
        return False
    address = said / max(_outside_words(line, outside), 1)
    if in_region and address >= rules.address_share / 2:
        return True
    cues = sum(_search(check, outside) for check in rules.cue_checks)
    if in_region:
        return cues >= 1 and address > 0
    return (
        cues >= 3
        or (cues >= 2 and address >= rules.address_share / 2)
        or (cues >= 1 and address >= rules.address_share and _words(line) <= 40)
    )


def _is_opener(low: str, rules: Rules) -> bool:
    return any(p.search(low) for p in rules.openers)


#: The end of a text that stops in an initialism or an initial ("U.S", "D.C", "John F"): its
#: full stop is an abbreviation's, not a sentence's.
_INITIALISM_END = re.compile(r"(?:^|[\s(])(?:[A-Za-z]\.)*[A-Z]$")


def _credit(line: str, rules: Rules) -> int:
    """How surely the line ends in a photo credit: 2 explicit pattern, 1 short capitalised tail
    after the last full stop (``"... in Moscow. Kremlin Press Service"``), 0 none (kept per
    rule set: an outlet's chrome recurs on its pages)."""
    kept = rules.credited
    found = kept.get(line)
    if found is None:
        if len(kept) > _KEPT:
            kept.clear()
        found = kept[line] = _credit_of(line, rules)
    return found


#: How many lines' readings a rule set keeps per reading (then it starts again).
_KEPT = 65_536


def _credit_of(line: str, rules: Rules) -> int:
    """:func:`_credit`, read afresh."""
    ends = _ends_sentence(line)
    if ends and not line.rstrip().endswith(")"):
        return 0
    low = line.lower()
    if any(_search(check, low) for check in rules.credit_checks):
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
        and not _INITIALISM_END.search(head)  # "U.S. Killing Of ...": no sentence ends there
        and 0 < len(words) <= rules.max_credit_words
        and all(w[:1].isupper() or not w[:1].isalpha() for w in words)
    )
    return 1 if weak else 0


def _classify(
    norm: str, rules: Rules, in_region: bool
) -> tuple[str | None, bool, bool, LineRule | None]:
    """:func:`_classify_line`, kept per rule set (an outlet's chrome recurs on its pages)."""
    kept, key = rules.classified, (norm, in_region)
    found = kept.get(key)
    if found is None:
        if len(kept) > _KEPT:
            kept.clear()
        found = kept[key] = _classify_line(norm, rules, in_region)
    return found


def _classify_line(
    norm: str, rules: Rules, in_region: bool
) -> tuple[str | None, bool, bool, LineRule | None]:
    """Return (reason or None, opens an appeal region, ends the region, matching rule).

    Cached: the chrome of one outlet repeats line for line across its pages.
    """
    low = norm.lower()
    rule = _rule_match(norm, low, rules)
    if rule is None and _LEAD_MARKER.match(norm):  # "date 2021-03-23 Send this page to ..."
        core = _LEAD_MARKER.sub("", norm, count=1)
        rule = _rule_match(core, core.lower(), rules)
    if rule is None:
        rule = _pieces_match(norm, rules)
    opener = _is_opener(low, rules)
    in_region = in_region or opener
    if rule is not None:
        return rule.reason, opener, False, rule
    if _is_appeal(norm, rules, in_region=in_region):
        return _APPEAL, opener, False, None
    if in_region and _words(norm) < 8 and not _ends_sentence(norm):
        return _APPEAL, opener, False, None
    return None, opener, in_region, None


@lru_cache(maxsize=65_536)
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


@lru_cache(maxsize=65_536)
def _normalised(line: str) -> str:
    """The normalised form of a stripped line (cached: an outlet's chrome recurs on its pages)."""
    return normalise_line(line).strip()


def _logical_lines(text: str, rules: Rules, joined: dict[int, list[tuple[int, str]]]) -> list[Line]:
    """Return (line_no, original, normalised) per non-blank line, joining hard-wrapped lines.

    Within a block of consecutive lines, a line that does not end a sentence is joined with the
    next when the next starts in lowercase (after four words or more, or a list bullet: an
    item's words wrapped after its first, "- Kenyan" then "security forces said ..."), or when the block is hard-wrapped (see
    :func:`_wrapped`); never after a line that ends with a photo credit (a caption, then the
    body going on in lowercase after a picture). ``joined`` collects, per logical
    line number, the continuation lines (number, text) that were joined into it.
    """
    blocks: list[list[Line]] = [[]]
    for i, raw in enumerate(text.splitlines(), start=1):
        original = raw.strip()
        if not original:
            if blocks[-1]:
                blocks.append([])
            continue
        blocks[-1].append((i, original, _normalised(original)))
    out: list[Line] = []
    for block in blocks:
        if len(block) == 1:
            out.append(block[0])
            continue
        wrapped = _wrapped(block)
        for k, (i, original, norm) in enumerate(block):
            prev = out[-1][2] if k else ""
            # a line already joined is read uncached (its growing prefixes would fill the
            # caches) and joins no more past MAX_JOINED characters (nothing quadratic when a
            # whole page of lowercase lines without a stop would otherwise become one line)
            grown = bool(k and joined.get(out[-1][0]))
            ends, words, credit = _UNCACHED if grown else (_ends_sentence, _words, _credit)
            if (
                k
                and len(prev) < MAX_JOINED
                and not ends(prev)
                and (
                    (
                        _LOWER_START.match(norm)
                        and (words(prev) >= 4 or _BULLET.match(prev))
                        and not _BY_NAME.match(norm)
                        and credit(prev, rules) < 2  # a caption's credit ends it
                    )
                    or (wrapped and credit(prev, rules) < 2)
                )
            ):
                line_no, o, n = out[-1]
                out[-1] = (line_no, f"{o} {original}", f"{n} {norm}")
                joined[line_no].append((i, original))
            else:
                out.append((i, original, norm))
    return out


_UNCACHED = (_ends_sentence.__wrapped__, _words.__wrapped__, _credit_of)

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
    seen_prose = False
    for i, (_, _, norm) in enumerate(lines):
        reason, opener, leaves, rule = _classify(norm, rules, in_region)
        if rule is not None and _weak_context(lines, reasons, i, seen_prose, rule):
            # one weak signal on a line of prose amid the body, or on the headline right above
            # the lede: keep it unless another rule has a second signal ("Search teams found
            # no survivors.", "... a new privacy policy ...", "Copyright law was changed ...")
            rule = _strong_match(norm, rules)
            if rule is not None:
                reason = rule.reason
            else:
                appeal = _is_appeal(norm, rules, in_region=in_region or opener)
                reason = _APPEAL if appeal else None
                leaves = reason is None and (in_region or opener)
        seen_prose = seen_prose or (reason is None and _prose(norm))
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
    for i in range(1, len(lines) if "video player" in reasons else 0):
        # a player's duration line follows the video's title
        prev = lines[i - 1][2]
        if (
            reasons[i] == "video player"
            and reasons[i - 1] is None
            and _words(prev) <= 15
            and not _ends_sentence(prev)
        ):
            reasons[i - 1] = "video title"
    return reasons, closers


def _weak_context(
    lines: list[Line], reasons: list[str | None], i: int, seen_prose: bool, rule: LineRule
) -> bool:
    """True when one rule match is not enough for line ``i``: a sentence-like line whose
    previous line is not chrome, or a title-like line (4+ words, no final stop) right above the
    first paragraph of prose of which the rule's phrase covers less than half (the headline
    "Search Ends Off Cape Verran", not a date or byline line)."""
    norm = lines[i][2]
    if _sentence_like(norm):
        return not (i > 0 and reasons[i - 1] is not None)
    if seen_prose or _words(norm) < 4 or _ends_sentence(norm):
        return False
    if i + 1 >= len(lines) or not _prose(lines[i + 1][2]):
        return False
    core = _LEAD_MARKER.sub("", norm, count=1)
    m = rule.pattern.search(core if rule.case_sensitive else core.lower())
    return m is not None and 2 * _words(m.group()) < _words(core)


def _list_item(norm: str, label: LineRule) -> bool:
    n = _words(norm)
    if label.items == CAPTION:
        return n <= label.item_max_words
    return 0 < n <= label.item_max_words and not _ends_sentence(norm)


def _prose_before(lines: list[Line], reasons: list[str | None]) -> list[int]:
    """How many kept lines of prose come before each index (and before the end)."""
    kept_prose = [r is None and _prose(n) for (_, _, n), r in zip(lines, reasons, strict=True)]
    return list(itertools.accumulate(kept_prose, initial=0))


def _bridge_appeals(lines: list[Line], reasons: list[str | None], openers: list[int]) -> None:
    """Lines between an appeal opener and a later appeal line belong to the appeal when nothing
    after that appeal reads like article prose (the appeal box closes the page); a line between
    two appeal lines that addresses the reader itself belongs to the appeal box too."""
    for i in range(1, len(lines) - 1):
        if (
            reasons[i] is None
            and reasons[i - 1] in _APPEALS
            and reasons[i + 1] in _APPEALS
            and _ADDRESS.search(_unquoted(lines[i][2]))
        ):
            reasons[i] = _APPEAL
    prose_before: list[int] = []  # kept prose lines before each index (counted once needed)
    end = len(lines)  # from here on no kept prose is left (a bridge below took it all)
    for o in openers:
        # the last appeal line among the eight after the opener
        last = next(
            (j for j in range(min(o + 9, len(lines)) - 1, o, -1) if reasons[j] in _APPEALS), None
        )
        if last is None:
            continue
        if not prose_before:
            prose_before = _prose_before(lines, reasons)
        if prose_before[max(end, last + 1)] > prose_before[last + 1]:
            continue
        for j in range(o + 1, last):
            if reasons[j] is None:
                reasons[j] = _APPEAL
        end = min(end, o + 1)


@lru_cache(maxsize=65_536)
def _headline_text(line: str) -> str:
    """The headline a line carries once a leading date marker ("date 2019-04-16 ...") and a
    trailing site name ("... | Site Name", at most four words) are cut off."""
    line = _LEAD_MARKER.sub("", line, count=1)
    suffix = _SITE_SUFFIX.search(line)
    if suffix and _words(suffix.group(1)) <= 4 and suffix.start() > 0:
        line = line[: suffix.start()]
    return _TAG_SUFFIX.sub("", line.strip().rstrip("|").strip())


def _masthead(line: str) -> bool:
    """An outlet's name in capitals ("THE DAILY COURIER"): short, no lowercase letter."""
    return _words(line) <= 5 and not any(c.islower() for c in line)


def _leads_prose(line: str) -> bool:
    """A line that reads as the article's text: a paragraph (:func:`_prose`), or one that opens
    with a full sentence of eight words or more and goes on ("The author has died at his home
    in the city. His children said: 'We will miss him'"): a standfirst or lede, not a headline,
    which never ends a sentence of that length and goes on."""
    if _prose(line):
        return True
    if ". " not in line and "? " not in line and "! " not in line:
        return False
    sentences = split_sentences(line)
    return len(sentences) > 1 and sentences[0].endswith(".") and _prose(sentences[0])


def _opens_text(line: str) -> bool:
    """A line the line model took for the headline that is the article's text: it opens with a
    full sentence (:func:`_leads_prose`) in sentence case (:func:`_sentence_like`). A headline
    in title case may end with a full stop or hold two sentences ("Singer, 71, Dies At Home.
    Her Band Plays On") and stays the headline.

    >>> _opens_text("The singer died at her home in the city. Her band said she was 71.")
    True
    >>> _opens_text("Veteran Singer Dies At Her Home In The City. Her Band Plays On")
    False
    """
    if title_case(line) >= CASED_SHARE:  # headline style, as the line model reads it
        return False
    return _leads_prose(line) and _sentence_like(split_sentences(line)[0])


def _guess_title(lines: list[Line], reasons: list[str | None], rules: Rules) -> int | None:
    """Index of the headline: the first unpunctuated, uncredited line of 3-30 words (5 or more
    preferred) among the first 40 kept lines that is followed by article text (prose or list
    items) within six kept lines and preceded by none. Breadcrumbs, mastheads in capitals and
    lines that recur after the lede (photo captions) are not headlines."""
    candidates = [i for i, r in enumerate(reasons) if r is None][:40]
    first_prose = next((i for i in candidates if _leads_prose(lines[i][2])), len(lines))
    later: set[str] | None = None  # keys of the short lines after the lede (listed once needed)
    valid = []
    for rank, i in enumerate(candidates):
        norm = _headline_text(lines[i][2])
        if _leads_prose(lines[i][2]):
            break  # the article starts here: a headline comes before it or not at all
        if not 3 <= _words(norm) <= 30 or norm.rstrip(_CLOSERS).endswith("."):
            continue
        if _credit(norm, rules) or _BREADCRUMB.search(lines[i][1]) or _masthead(norm):
            continue
        if later is None:
            later = {_title_key(n) for _, _, n in lines[first_prose + 1 :] if _words(n) <= 30}
        if _title_key(norm) in later:
            continue  # a line that recurs after the lede is a photo caption, not a headline
        if any(
            _prose(lines[j][2]) or _BULLET.match(lines[j][2]) or _running_text(lines[j][2])
            for j in candidates[rank + 1 : rank + 7]
        ):
            valid.append(i)
    # outlet names and section labels are short ("The Asahi Shimbun"); headlines rarely are
    # (counted without a date marker: "date 2022-07-07 Site Name" is a short line)
    return next(
        (i for i in valid if _words(_headline_text(lines[i][2])) >= 5), valid[0] if valid else None
    )


def _running_text(line: str) -> bool:
    """A line of the article's running text without its final stop: one sentence (no full
    stop inside: a cut caption of two sentences is not) of twelve words or more, most of them
    (after the first) lowercase: a story's highlights, a summary's points, a standfirst
    ("Three people were killed when two bombs went off at the finish line").

    >>> _running_text("Three people were killed when two bombs went off near the finish line")
    True
    >>> _running_text("Storm Hits Coast As Thousands Lose Power Across The Region Overnight Again")
    False
    """
    if ". " in line:
        return False
    words = _WORD.findall(line)
    if len(words) < 12:
        return False
    lower = sum(w[:1].islower() for w in words[1:])
    return lower >= (len(words) - 1) / 2


def _title_line(norm: str, key: str) -> bool:
    """True when the line is the headline ``key``, possibly with a date or marker on it."""
    line_key = _title_key(norm)
    if key not in line_key:
        return False
    if line_key == key or _title_key(_headline_text(norm)) == key:
        return True
    rest = line_key.replace(key, " ", 1).split()
    return len(rest) <= 6 and all(_MARKER_WORD.match(w) for w in rest)


_MARKER_WORD = re.compile(
    r"^(\d+\w{0,2}|date|updated|published|posted|am|pm|gmt|utc|jst|msk|[ecmp][sd]t|bst|cest?|kst|"
    r"jan\w*|feb\w*|mar\w*|apr\w*|may|june?|july?|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|"
    r"mon\w*|tue\w*|wed\w*|thu\w*|fri\w*|sat\w*|sun\w*|new|breaking|update|live|exclusive)$"
)


def _headline(
    lines: list[Line], reasons: list[str | None], title: str | None, rules: Rules
) -> tuple[int | None, str]:
    """Find the headline, mark it, its duplicates and the page chrome before it."""
    key = _title_key(normalise(title)) if title else ""
    if key:
        head = next((i for i, (_, _, n) in enumerate(lines) if _title_line(n, key)), None)
    else:
        _free_last_item(lines, reasons)
        head = _guess_title(lines, reasons, rules)
        title = _headline_text(lines[head][1]) if head is not None else ""
        key = _title_key(_headline_text(lines[head][2])) if head is not None else ""
    if head is not None:
        for i in range(head):
            if reasons[i] is None:
                reasons[i] = "page chrome before the headline"
    else:  # no headline: an outlet's name in capitals above the lede is still not article text
        for i, (_, _, norm) in enumerate(lines):
            if reasons[i] is None and _prose(norm):
                break
            if reasons[i] is None and _masthead(norm) and _words(norm) >= 1:
                reasons[i] = "masthead"
    if key:
        longest = 2 * len(key) + 40
        for i, (_, _, norm) in enumerate(lines):
            if len(norm) < longest and _title_line(norm, key):
                reasons[i] = "headline" if i == head else "duplicated headline"
    return head, title or ""


def _free_last_item(lines: list[Line], reasons: list[str | None]) -> None:
    """Before the article begins, a list label's run of items that leads straight into the lede
    ends with the article's own headline (a "Latest news" menu above it): give that line back."""
    kept_after: list[tuple[int, ...]] = []  # the next three kept lines (listed once needed)
    for i, (_, _, norm) in enumerate(lines):
        if reasons[i] is None and _prose(norm):
            break
        if reasons[i] != "linked headline" or (
            i + 1 < len(lines) and reasons[i + 1] == "linked headline"
        ):
            continue
        if not kept_after:  # from the reasons as they stood before any line was given back
            kept_after = [()] * (len(lines) + 1)
            for j in range(len(lines) - 2, -1, -1):
                own = (j + 1,) if reasons[j + 1] is None else ()
                kept_after[j] = (own + kept_after[j + 1])[:3]
        if any(_prose(lines[j][2]) for j in kept_after[i]):
            reasons[i] = None


def _under_headline(lines: list[Line], head: int, i: int) -> bool:
    """Whether line ``i`` sits directly under the headline ``head``, or under it and its byline
    ("By Ann Lee", "by Ann Lee and Tom Ito from World news"): where a standfirst sits."""
    return all(_BY_NAME.match(lines[j][2]) for j in range(head + 1, i))


def _caption_pass(
    lines: list[Line], reasons: list[str | None], head: int | None, rules: Rules
) -> None:
    """Photo captions and bylines or section labels. Captions: credited lines anywhere; lines
    repeated straight after themselves (an image's alt text above its caption) or repeated with
    a credit added; between headline and lede, unpunctuated lines and lines naming a photo or
    image without reporting anyone. A standfirst right under the headline and list items stay
    body text."""
    kept = [i for i, r in enumerate(reasons) if r is None]
    last_prose = next((i for i in reversed(kept) if _words(lines[i][2]) >= 8), -1)
    before_lede = head is not None
    for k, i in enumerate(kept):
        if head is not None and i <= head:
            continue
        norm = lines[i][2]
        nxt = lines[i + 1][2] if i + 1 < len(lines) else ""
        credit = _credit(norm, rules)
        repeated = k and reasons[kept[k - 1]] == CAPTION and _same(norm, lines[kept[k - 1]][2])
        credited = credit == 2 or (credit == 1 and i != last_prose)
        if credited or repeated or _alt_text(norm, nxt, rules):
            reasons[i] = CAPTION
        elif before_lede and not (_BULLET.match(norm) and _words(norm) >= 5):
            n = _words(norm)
            if not _ends_sentence(norm):
                if n < 5 or _BY_NAME.match(norm):  # a byline ("By Ann Lee and Tom Ito ...")
                    reasons[i] = _LABEL
                elif not (n >= 8 and _under_headline(lines, head, i)):  # not a standfirst
                    reasons[i] = CAPTION
            elif _photo_ending(norm) and not _REPORTING.search(norm.lower()):
                reasons[i] = CAPTION
        if reasons[i] is None and _prose(norm):
            before_lede = False


def _photo_ending(norm: str) -> bool:
    """A sentence that ends by naming a photo ("... for two weeks - composite image.")."""
    return bool(_PHOTO_WORDS.search(" ".join(norm.lower().split()[-3:])))


def _same(a: str, b: str) -> bool:
    if a.isascii() and b.isascii() and _words(a) != _words(b):
        return False  # (cached) word counts differ, so do the keys: no need to build them
    return _title_key(a) == _title_key(b)


def _alt_text(norm: str, nxt: str, rules: Rules) -> bool:
    """A line followed by itself (alt text above a caption) or by itself plus a photo credit."""
    if not nxt or (_prose(norm) and not _credit(nxt, rules)):
        return False
    if _same(norm, nxt):
        return _words(norm) <= 40
    if not _credit(nxt, rules):
        return False
    key = _title_key(norm)
    return bool(key) and _title_key(nxt).startswith(key)


def _tail_pass(
    lines: list[Line],
    reasons: list[str | None],
    closers: list[int],
    edge_repeats: frozenset[str],
) -> frozenset[str]:
    """Everything after an end-of-story mark, short chrome after the last paragraph, and edge
    paragraphs repeated across the outlet. A mark that recurs on the page ("------" between the
    entries of a live page) divides sections; it does not end the story. Returns the lowercased
    lines looked up in ``edge_repeats`` (see :attr:`CleanText.edge_lines`)."""
    kept = [i for i, r in enumerate(reasons) if r is None]
    marks = Counter(_title_key(lines[c][2]) for c in closers)
    prose_before = _prose_before(lines, reasons) if closers else []
    for c in closers:
        if marks[_title_key(lines[c][2])] > 1:
            continue
        before = prose_before[c]
        after = prose_before[-1] - prose_before[c + 1]
        # A mark closes the story only once it has begun and when less prose follows than
        # precedes it: a copyright-style credit on a photo mid-article must not end the story.
        if before >= 2 and after < before:
            for i in kept:
                if i > c:
                    reasons[i] = _END_OF_STORY
            break
    kept = [i for i, r in enumerate(reasons) if r is None]
    looked_up = set()
    for i in reversed(kept):
        norm = lines[i][2]
        looked_up.add(norm.lower())
        if edge_repeats and norm.lower() in edge_repeats:
            reasons[i] = "repeated at the edge of other articles of this outlet"
        elif (
            _words(norm) <= 15
            and (not _ends_sentence(norm) or (norm.endswith(":") and _words(norm) <= 8))
            and not _tagged_sentence(norm)
            and not _BULLET.match(norm)
        ):
            reasons[i] = "page chrome after the article"
        else:
            break
    for i in kept:
        if reasons[i] is not None:
            continue
        looked_up.add(lines[i][2].lower())
        if edge_repeats and lines[i][2].lower() in edge_repeats:
            reasons[i] = "repeated at the edge of other articles of this outlet"
        else:
            break
    return frozenset(looked_up)


_STOP_DASH = re.compile(r"[.!?\"']\s+[-\u2014]")


def _dashed(line: str) -> bool:
    """A dash after a final stop and a space among the last 40 characters: where a wire
    credit glued behind a sentence starts ("... on Monday. - AFP")."""
    tail = line[-40:]
    return ("-" in tail or "\u2014" in tail) and _STOP_DASH.search(tail) is not None


def _split_glued(lines: list[Line], rules: Rules) -> tuple[list[Line], list[Removal]]:
    """Split a credit or link label glued to the end of a body sentence off the line
    ("... the canal. [Reuters, CNN]", "... tells Reuters. (More earthquake stories.)"): the
    sentence stays, the piece goes to the audit as a ``part`` removal. A photo credit is left to
    the caption rules; ``reporting`` rules only split a line that reports someone's words. The
    rest of the line must read as a sentence (see :func:`_sentence_like`)."""
    out = list(lines)
    parts: list[Removal] = []
    # lines ending in a bracket, with a colon near the end or a spaced dash at the end
    # (lowercasing never moves a character into the last 100 of the line: these are all the
    # lines the test below passes)
    maybe = [k for k, (_, _, n) in enumerate(lines)
             if n.endswith(("]", ")")) or ":" in n[-100:] or _dashed(n)]  # fmt: skip
    for k in maybe:
        line_no, original, norm = lines[k]
        low = norm.lower()
        if not (low.endswith(("]", ")")) or ":" in low[-100:] or _dashed(low)):
            continue
        for g in rules.glued:
            m = g.pattern.search(low)
            if not m or _PHOTO_WORDS.search(m.group()):
                continue
            cut = m.start()
            body = norm[:cut].rstrip()
            if not _sentence_like(body):
                continue
            if g.reporting and not _REPORTING.search(low[:cut]):
                continue
            tail = norm[cut:].strip()
            o_cut = _original_cut(original, tail)
            if o_cut is None:
                continue
            parts.append(Removal(line_no, original[o_cut:].strip(), g.reason, part=True))
            out[k] = (line_no, original[:o_cut].rstrip(), body)
            break
    return out, parts


_LEADING_SENTENCE = re.compile(r"^([^.!?]{3,160}[.!?])\s?(?=[A-Z\"“‘'])")


def _split_leading_appeal(
    lines: list[Line], reasons: list[str | None], rules: Rules, parts: list[Removal]
) -> None:
    """An appeal box's last sentence glued to the lede ("Your support makes all the
    difference.Airlines grounded ..."): right after an appeal line, a first sentence that
    itself addresses the reader with an appeal cue is split off the line."""
    for i in range(1, len(lines)):
        if reasons[i] is not None or reasons[i - 1] not in _APPEALS:
            continue
        line_no, original, norm = lines[i]
        m = _LEADING_SENTENCE.match(norm)
        if not m or not _prose(norm[m.end() :]):
            continue
        piece = m.group(1)
        low = piece.lower()
        if not (_ADDRESS.search(low) and any(c.search(low) for c in rules.cues)):
            continue
        end = piece[-12:]  # where the piece ends in the original characters
        cut = original.find(end, max(0, len(piece) - 40))
        if cut < 0:
            continue
        cut += len(end)
        parts.append(Removal(line_no, original[:cut].strip(), _APPEAL, part=True))
        lines[i] = (line_no, original[cut:].strip(), norm[m.end() :].strip())


@lru_cache(maxsize=65_536)
def _title_case(norm: str) -> bool:
    """A headline-like line: 3-20 words, no full stop at the end, most longer words capitalised."""
    if not 3 <= _words(norm) <= 20 or norm.rstrip(_CLOSERS).endswith((".", ":", ";", ",")):
        return False
    long = [w for w in _WORD.findall(norm) if len(w) > 3 and w[:1].isalpha()]
    return len(long) >= 2 and sum(w[:1].isupper() for w in long) >= 0.6 * len(long)


def _headline_runs(lines: list[Line], reasons: list[str | None]) -> None:
    """Once the article has begun, two or more title-case lines in a row without a final stop
    are a list of other stories' headlines (with or without a "Latest" label)."""
    started, run = False, []
    for i, (_, _, norm) in enumerate(lines):
        kept = reasons[i] is None
        if kept and started and _title_case(norm) and not _BULLET.match(norm):  # (not a list)
            run.append(i)
            continue
        if len(run) >= 2:
            for j in run:
                reasons[j] = "linked headline"
        run = []
        if kept and not started and _prose(norm):
            started = True
    if len(run) >= 2:
        for j in run:
            reasons[j] = "linked headline"


def _original_cut(original: str, tail: str) -> int | None:
    """Where the normalised ``tail`` starts in the original line (same word count from the end)."""
    n = len(tail.split())
    words = list(re.finditer(r"\S+", original))
    return words[-n].start() if 0 < n <= len(words) else None


def _keep_non_latin(
    lines: list[Line], reasons: list[str | None], rule_reasons: list[str | None]
) -> list[Removal]:
    """Lines mostly in another script are never dropped on structure alone (position, length,
    a missing full stop): they stay in the body with a note. Only a phrase rule removes them.
    A kept paragraph of :data:`~newsframe.language.PARAGRAPH_WORDS` words or more in the Latin
    script that reads as another language (:func:`~newsframe.language.reads_as_other`: a French
    or Indonesian paragraph quoted whole) gets the same note; shorter lines are too few words to
    tell."""
    notes = []
    for i, (line_no, original, norm) in enumerate(lines):
        if norm.isascii() or not _non_latin(norm):
            if reasons[i] is None and reads_as_other(norm):
                notes.append(Removal(line_no, original, NON_ENGLISH))
            continue
        if reasons[i] is not None and rule_reasons[i] is None and reasons[i] != "headline":
            reasons[i] = None
        if reasons[i] is None:
            notes.append(Removal(line_no, original, NON_ENGLISH))
    return notes


# --- the cleaner ---------------------------------------------------------------------------


#: A removed line's record (cached: records are immutable, and an outlet's chrome recurs on the
#: same line of its pages)
_removal = lru_cache(maxsize=65_536)(Removal)


def _physical(
    line_no: int, original: str, joined: dict[int, list[tuple[int, str]]]
) -> list[tuple[int, str]]:
    """The raw lines a logical line was made of (one audit row per line of the page)."""
    parts = joined.get(line_no)
    if not parts:
        return [(line_no, original)]
    # each continuation was appended after one space
    first = original[: max(0, len(original) - sum(len(text) + 1 for _, text in parts))]
    return [(line_no, first), *parts]


_HEADLINES = ("headline", "duplicated headline")


def _rule_verdicts(text: str, title: str | None, rules: Rules, edge_repeats: frozenset[str]):
    """Every rule pass of :func:`clean_text`, in order: the logical lines, the joined physical
    lines, the lines after glued pieces were split off, the pieces, each line's reason (None:
    body), the reasons of the phrase-rule passes alone, the headline's index and text, and the
    lines edge repeats could still take."""
    joined: dict[int, list[tuple[int, str]]] = defaultdict(list)
    logical = _logical_lines(text, rules, joined)
    lines, parts = _split_glued(logical, rules)
    reasons, closers = _rule_pass(lines, rules)
    _split_leading_appeal(lines, reasons, rules, parts)
    _headline_runs(lines, reasons)
    rule_reasons = list(reasons)
    head, title = _headline(lines, reasons, title, rules)
    _caption_pass(lines, reasons, head, rules)
    edge_lines = _tail_pass(lines, reasons, closers, edge_repeats)
    return logical, joined, lines, parts, reasons, rule_reasons, head, title, edge_lines


def page_evidence(
    text: str,
    *,
    title: str | None = None,
    rules: Rules | None = None,
    edge_repeats: frozenset[str] = frozenset(),
) -> tuple[list[Line], list[Evidence]]:
    """Return the page's logical lines (number, original, normalised) and the rules' evidence
    on each (:func:`line_evidence`): what the line model of :func:`clean_text` with
    ``method="model"`` sees, for training it (``benchmarks/train_line_model.py``).

    >>> lines, evidence = page_evidence("Read more\\n\\nThe mayor said the bridge reopens in May.")
    >>> [(n, e.verdict, e.phrase) for (n, _, _), e in zip(lines, evidence)]
    [(1, 'chrome', True), (3, 'body', False)]
    """
    rules = rules or load_rules()
    _, _, lines, _, reasons, rule_reasons, _, _, _ = _rule_verdicts(
        text, title, rules, edge_repeats
    )
    return lines, line_evidence(lines, reasons, rule_reasons, rules, edge_repeats)


def line_evidence(
    lines: list[Line],
    reasons: list[str | None],
    rule_reasons: list[str | None],
    rules: Rules,
    edge_repeats: frozenset[str] = frozenset(),
) -> list[Evidence]:
    """What the rules say about each line, as evidence for the line model
    (:class:`newsframe.lines.Evidence`): their verdict, a phrase rule, reader address, an
    imperative opening, a credit, a sentence, a repeat at the edge of the outlet's pages."""
    repeated, cache, out = bool(edge_repeats), rules.evidence, []
    if len(cache) > _EVIDENCE_KEPT:
        cache.clear()
    for (_, _, norm), reason, phrase in zip(lines, reasons, rule_reasons, strict=True):
        key = (norm, reason, phrase is not None, repeated and norm.lower() in edge_repeats)
        found = cache.get(key)
        if found is None:
            found = cache[key] = _evidence(*key, rules)
        out.append(found)
    return out


#: How many lines' evidence a rule set keeps (then it starts again).
_EVIDENCE_KEPT = 65_536


def _evidence(
    norm: str, reason: str | None, phrase: bool, repeated: bool, rules: Rules
) -> Evidence:
    """The :class:`Evidence` of one line. Kept per rule set by :func:`line_evidence` (an
    outlet's chrome recurs on its pages) under a key of strings and booleans, and one object
    per distinct value (a handful: every line's evidence held by a cache keyed on the rule
    set were three objects the cyclic garbage collector traverses on each full collection)."""
    if reason is None:
        verdict = "body"
    elif reason in _HEADLINES:
        verdict = "headline"
    elif reason in (CAPTION, "photo caption label"):
        verdict = "caption"
    else:
        verdict = "label" if reason == _LABEL else "chrome"
    imperative, address, credit, sentence = _cues(norm, rules)
    # positional: (verdict, phrase, imperative, address, credit, sentence, repeats)
    return _evidence_value(verdict, phrase, imperative, address, credit, sentence, int(repeated))


_evidence_value = lru_cache(maxsize=1024)(Evidence)


def _cues(norm: str, rules: Rules) -> tuple[bool, bool, bool, bool]:
    """A line's imperative opening, reader address (outside quotes), credit and sentence shape
    (read once per line and rule set: see :func:`line_evidence`)."""
    low = norm.lower()
    # "US" is not "us"; blanking quotations (delimited by quote marks, made one space) adds no
    # word boundary, so a line without the address has none outside its quotations either
    address = _ADDRESS_LOW.search(norm) is not None and bool(_ADDRESS_LOW.search(_unquoted(norm)))
    return (
        bool(_IMPERATIVE.match(low)),
        address,
        _credit(norm, rules) > 0,
        _sentence_like(norm),
    )


def _model_page(
    lines: list[Line],
    reasons: list[str | None],
    rule_reasons: list[str | None],
    rules: Rules,
    edge_repeats: frozenset[str],
    given: bool,
    story: StoryView | None,
) -> tuple[Page, list[bool]]:
    """The page as the line model reads it, and which lines it may not change (a phrase rule,
    user evidence, took them, or they carry the given headline)."""
    evidence = line_evidence(lines, reasons, rule_reasons, rules, edge_repeats)
    bios = _author_bios(lines, reasons)
    keep = [
        r is not None or (given and g in _HEADLINES) or bio
        for r, g, bio in zip(rule_reasons, reasons, bios, strict=True)
    ]
    page = Page([n for _, _, n in lines], evidence, given, [not k for k in keep], story)
    return page, keep


def _author_bios(lines: list[Line], reasons: list[str | None]) -> list[bool]:
    """Per line: whether it is a reporter's biography after the story's end mark: a line the
    end mark closed (:data:`_END_OF_STORY`) that opens with a name the lines between the last
    body line and it credit ("Reporting by Guy Faulconbridge; ..." then "Guy is Moscow bureau
    chief ..."), followed by a verb of a biography. Its verdict stands: read as prose, the line
    model would keep it in the body (issue 18).

    >>> lines = [(1, t, t) for t in ["The talks ended without agreement.",
    ...          "Reporting by Guy Faulconbridge", "Guy is Moscow bureau chief."]]
    >>> _author_bios(lines, [None, "credit line", _END_OF_STORY])
    [False, False, True]
    """
    out = [False] * len(lines)
    last_body = -1
    for i, ((_, _, norm), reason) in enumerate(zip(lines, reasons, strict=True)):
        if reason is None:
            last_body = i
        elif reason == _END_OF_STORY:
            words = norm.split(maxsplit=2)
            if len(words) > 1 and words[0][:1].isupper() and words[1] in _BIO_VERBS:
                credited = {w for _, _, above in lines[last_body + 1 : i]
                            for w in _WORD.findall(above)}  # fmt: skip
                out[i] = words[0] in credited
    return out


def _model_verdicts(
    said: list[tuple[str, str]],
    keep: list[bool],
    lines: list[Line],
    reasons: list[str | None],
    given: bool,
    title: str,
) -> str:
    """Let the line model's labels (``said``) decide every line no phrase rule took; returns
    the headline."""
    ruled = next((i for i, r in enumerate(reasons) if r == "headline"), None)
    head = None
    for i, (label, why) in enumerate(said):
        if keep[i]:
            continue  # a phrase rule (user evidence) and a given headline stand
        if label == "headline" and not given and _opens_text(lines[i][2]):
            label = "body"  # a line that opens with a full sentence and goes on is text
        if label == "body":
            reasons[i] = None
        elif label == "headline" and not given:
            reasons[i] = "headline" if head is None else "duplicated headline"
            head = i if head is None else head
        elif label == "caption":
            reasons[i] = CAPTION
        elif label == "byline":
            reasons[i] = _LABEL
        else:
            reasons[i] = f"line model: {why}" if why else "line model"
    if given:
        return title
    # the model found none: the rules' headline stands, unless it is a list item the model
    # keeps as text (a list of summary points opening the page: the model never takes a list
    # item for the headline), or the model found no headline on the page and did not take the
    # rules' one, a line off the page's story (newsframe.lines._ruled_title)
    listed = ruled is not None and said[ruled][0] == "body" and _BULLET.match(lines[ruled][2])
    declined = all(label != "headline" for label, _ in said)
    if head is None and ruled is not None and not listed and not declined:
        head, reasons[ruled] = ruled, "headline"
    return _headline_text(lines[head][1]) if head is not None else ""


def clean_text(
    text: str,
    *,
    title: str | None = None,
    rules: Rules | None = None,
    edge_repeats: frozenset[str] = frozenset(),
    method: str | LineModel = "model",
    story: StoryView | None = None,
) -> CleanText:
    """Return the headline, clean paragraphs, captions and removed lines of one copied page.

    ``title`` is the known headline (from a manifest or HTML metadata); the line carrying it is
    removed even with a date or marker on it. Without it the first short, unpunctuated line
    followed by a paragraph of prose is taken (and none when the page starts with prose; a
    masthead in capitals is not a headline). ``edge_repeats`` holds normalised, lowercased
    paragraphs seen at the edges of other articles of the same outlet; such paragraphs are
    removed where they sit before the first or after the last paragraph of the body. Lines mostly
    in a non-Latin script stay in the body and are listed in ``notes``.

    ``method="model"`` (the default) lets the learned line model of :mod:`newsframe.lines`
    decide every line the phrase rules leave (their structural verdicts become its evidence):
    removals it makes
    say ``"line model: ..."`` with the features that decided, and without a ``title`` its
    headline state gives the headline (a :class:`~newsframe.lines.LineModel` instead of
    ``"model"`` uses those weights). ``method="rules"`` is the rule cleaner alone.
    ``story`` (for the model) is what other outlets' pages of the same story say
    (:meth:`newsframe.lines.StoryWords.view`): a line their prose shares is about the story.
    One page of :func:`clean_texts`.

    >>> page = "Support us\\n\\nPutin Visits Japan\\n\\nPutin arrived in Tokyo on Thursday for two days of talks.\\n\\nRead more"
    >>> result = clean_text(page)
    >>> result.title, result.paragraphs
    ('Putin Visits Japan', ('Putin arrived in Tokyo on Thursday for two days of talks.',))
    >>> [(r.line_no, r.reason) for r in result.removed]
    [(1, 'donation appeal'), (3, 'headline'), (7, 'navigation link')]
    """
    return clean_texts(
        [text], titles=[title], rules=rules, edge_repeats=[edge_repeats], method=method,
        stories=[story],
    )[0]  # fmt: skip


def clean_texts(
    texts: Sequence[str],
    *,
    titles: Sequence[str | None] | None = None,
    rules: Rules | None = None,
    edge_repeats: Sequence[frozenset[str]] | None = None,
    method: str | LineModel = "model",
    stories: Sequence[StoryView | None] | None = None,
) -> list[CleanText]:
    """Return :func:`clean_text`'s result for each of many pages (with their ``titles``,
    ``edge_repeats`` and ``stories``, None for none): with the line model, the rule passes run
    page by page and the model decides every line of every page in one batched pass
    (:func:`newsframe.lines.decide_pages`). A page cleans the same alone as in a batch.

    >>> pages = ["Read more\\n\\nThe bridge reopens in May.", "Menu"]
    >>> [r.paragraphs for r in clean_texts(pages, method="rules")]
    [('The bridge reopens in May.',), ()]
    """
    if not isinstance(method, LineModel) and method not in ("rules", "model"):
        raise InputError("clean_text", f'method must be "rules" or "model", got {method!r}')
    if len(texts) < 2:
        return _clean_batch(texts, titles, rules, edge_repeats, method, stories)
    # a batch holds every page's lines at once, in no reference cycle: the cyclic collector
    # would traverse them over and over (a tenth of the model's cleaning of 1,000 pages)
    with gathering():
        return _clean_batch(texts, titles, rules, edge_repeats, method, stories)


def _clean_batch(
    texts: Sequence[str],
    titles: Sequence[str | None] | None,
    rules: Rules | None,
    edge_repeats: Sequence[frozenset[str]] | None,
    method: str | LineModel,
    stories: Sequence[StoryView | None] | None,
) -> list[CleanText]:
    """:func:`clean_texts` of pages whose method is checked."""
    rules = rules or load_rules()
    n = len(texts)
    titles = titles or [None] * n
    edge_repeats = edge_repeats or [frozenset()] * n
    stories = stories or [None] * n
    verdicts = []
    for text, title, repeats in zip(texts, titles, edge_repeats, strict=True):
        if not isinstance(text, str):
            kind = "None" if text is None else f"a {type(text).__name__}"
            raise InputError("clean_text", f"text must be a string (the copied page), got {kind}")
        verdicts.append(_rule_verdicts(text, title, rules, repeats))
    if method != "rules":
        pages = [
            _model_page(v[2], v[4], v[5], rules, repeats, bool(title), story)
            for v, title, repeats, story in zip(
                verdicts, titles, edge_repeats, stories, strict=True
            )
        ]
        model = method if isinstance(method, LineModel) else None
        said = decide_pages([page for page, _ in pages], model=model)
        for k, (v, (_, keep), title) in enumerate(zip(verdicts, pages, titles, strict=True)):
            found = _model_verdicts(said[k], keep, v[2], v[4], bool(title), v[7])
            verdicts[k] = (*v[:7], found, v[8])
    return [_result(*v) for v in verdicts]


def _result(
    logical: list[Line],
    joined: dict[int, list[tuple[int, str]]],
    lines: list[Line],
    parts: list[Removal],
    reasons: list[str | None],
    rule_reasons: list[str | None],
    _head: int | None,
    title: str,
    edge_lines: frozenset[str],
) -> CleanText:
    """The :class:`CleanText` of a page's final verdicts (the fields of :func:`_rule_verdicts`)."""
    notes = _keep_non_latin(lines, reasons, rule_reasons)
    paragraphs = tuple(lines[i][1] for i, r in enumerate(reasons) if r is None)
    captions = tuple(lines[i][1] for i, r in enumerate(reasons) if r == CAPTION)
    split = {p.line_no for p in parts}  # a removed line is listed whole, as it was on the page
    unsplit = {n: o for n, o, _ in logical if n in split} if split else {}
    removed = []
    for (line_no, original, _), r in zip(lines, reasons, strict=True):
        if r is None:
            pass
        elif line_no not in joined:
            removed.append(_removal(line_no, unsplit.get(line_no, original), r))
        else:
            whole = unsplit.get(line_no, original)
            removed += [_removal(n, t, r) for n, t in _physical(line_no, whole, joined)]
    if parts:
        gone = {r.line_no for r in removed}
        removed += [p for p in parts if p.line_no not in gone]
        removed.sort(key=lambda r: (r.line_no, r.part))
    return CleanText(
        title=title,
        paragraphs=paragraphs,
        captions=captions,
        removed=tuple(removed),
        notes=tuple(notes),
        edge_lines=edge_lines,
    )
