"""Decide what each line of a copied page is: body, headline, chrome, caption or byline.

A learned line model in the spirit of boilerpipe (Kohlschütter, Fankhauser & Nejdl 2010,
"Boilerplate detection using shallow text features": a few shallow features of a text block and
of its neighbours, a simple classifier, generalises across sites) and jusText (Pomikálek 2011:
length, stopword density, context). Each line gets named features (:data:`FEATURES`): its
words, share of stopwords (the project's list), sentence shape (final stop, a finite-verb proxy,
lowercase words), capitals and title case, digits, separators (``| # @ •``), web addresses,
dates, photo and agency words, reader address and imperative openings, position in the page,
distance to the densest prose, repetition on the page and across the outlet's other pages, the
same shallow features of the previous and next line, and the rule cleaner's verdicts as evidence
(:class:`Evidence`: a phrase rule matched, the rules' decision, a credit, a sentence). A
multinomial logistic regression turns them into class probabilities; a Viterbi decoder over
the states ``before → headline → body → after`` (chrome inside the body its own state, ``inbody``)
keeps the body contiguous. Body lines get a bonus in the decoder (``body_bias``), and lines of
eight words or more that read as sentences a further one (``sentence_bias``): a line that reads
as a news sentence needs strong evidence to go.

The weights (``data/line_model.csv``: one row per feature, its standardisation and one weight per
class) and the decoder (``data/line_decoder.toml``: transition log-probabilities, the body bias)
are plain data fitted by ``benchmarks/train_line_model.py`` on labelled pages; nothing is
pickled. Inference is numpy only and linear in the page. Every removal says why in words: the
features that pushed the line most from body to its class (:func:`explain`).

>>> page = ["Storm Hits Coast", "Share this article", "The storm hit the coast on Monday, "
...         "officials said, and thousands of homes lost power.", "Subscribe to our newsletter"]
>>> rules = [Evidence(), Evidence("chrome", phrase=True, imperative=True),
...          Evidence(sentence=True), Evidence("chrome", phrase=True, imperative=True, address=True)]
>>> [label for label, _ in decide(page, rules)]
['headline', 'chrome', 'body', 'chrome']
"""

from __future__ import annotations

import csv
import io
import math
import re
import tomllib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import numpy as np

from newsframe.datafiles import read_text
from newsframe.errors import InputError
from newsframe.text import load_stopwords, normalise

__all__ = [
    "CLASSES",
    "FEATURES",
    "STATES",
    "Evidence",
    "LineModel",
    "decide",
    "explain",
    "line_features",
    "load_line_model",
    "state_sequence",
]

CLASSES = ("body", "headline", "chrome", "caption", "byline")
#: Decoder states; ``inbody`` is chrome between two body lines, ``after`` chrome after the body.
STATES = ("before", "headline", "body", "inbody", "after")
_STATE_CLASS = (None, 1, 0, None, None)  # None: one of chrome, caption, byline


class Evidence(NamedTuple):
    """What the rule cleaner (:mod:`newsframe.cleaning`) says about one line.

    ``verdict`` is its decision: ``"body"``, ``"headline"``, ``"caption"``, ``"label"`` (byline,
    date or section label) or ``"chrome"``; ``phrase`` that a rule of ``boilerplate.toml``
    matched; ``imperative``/``address`` an instruction to or address of the reader; ``credit`` a
    photo or agency credit; ``sentence`` that the line reads as a sentence of prose;
    ``repeats`` on how many other pages of the outlet the line sits at the edge of the body.
    A named tuple: one is made per line of every page cleaned.
    """

    verdict: str = "body"
    phrase: bool = False
    imperative: bool = False
    address: bool = False
    credit: bool = False
    sentence: bool = False
    repeats: int = 0


# (name, said of a high value, said of a low value): the words an explanation uses
_BASE = (
    ("words", "many words", "few words"),
    ("short", "four words or fewer", ""),
    ("stopwords", "many function words", "few function words"),
    ("final_stop", "ends a sentence", "no final stop"),
    ("colon", "ends with a colon", ""),
    ("lowercase", "lowercase words", "few lowercase words"),
    ("title_case", "title case", ""),
    ("capitals", "all capitals", ""),
    ("digits", "many digits", ""),
    ("separators", "separators (| # @ •)", ""),
    ("link", "a web address", ""),
    ("verb", "a finite verb", "no verb"),
    ("quote", "a quotation", ""),
    ("date", "a date or time", ""),
    ("photo_word", "a photo or agency word", ""),
    ("bullet", "a list bullet", ""),
    ("ellipsis", "ends cut off (...)", ""),
    ("question", "ends with a question mark", ""),
    ("full_date", "a full date", ""),
    ("photo_verb", "describes a picture (is seen, stands, left ...)", ""),
    ("address", "addresses the reader", ""),
    ("imperative", "tells the reader to act", ""),
    ("credit", "a credit", ""),
    ("sentence", "reads as a sentence", "does not read as a sentence"),
    ("rule_phrase", "a boilerplate rule matches", ""),
    ("rule_headline", "the rules take it for the headline", ""),
    ("rule_caption", "the rules take it for a caption", ""),
    ("rule_label", "the rules take it for a byline or date", ""),
    ("rule_chrome", "the rules remove it", ""),
    ("repeated_page", "repeated on this page", ""),
    ("repeated_outlet", "repeated on other pages of this outlet", ""),
)
_CONTEXT = ("words", "final_stop", "stopwords", "sentence", "rule_chrome", "rule_headline")
_POSITION = (
    ("position", "late in the page", "early in the page"),
    ("first", "first line", ""),
    ("last", "last line", ""),
    ("from_prose", "far from the densest prose", "near the densest prose"),
    ("between_chrome", "between two chrome lines", ""),
)


def _context_names() -> tuple[tuple[str, str, str], ...]:
    said = {name: (hi, lo) for name, hi, lo in _BASE}
    out = []
    for side, word in (("prev", "previous"), ("next", "next")):
        out.append((f"{side}_none", f"no {word} line", ""))
        for name in _CONTEXT:
            hi, lo = said[name]
            out.append((f"{side}_{name}", f"{word} line: {hi}", f"{word} line: {lo}" if lo else ""))
    return tuple(out)


#: Every feature, in the order of the model file: (name, said of a high value, of a low value).
FEATURES: tuple[tuple[str, str, str], ...] = _BASE + _POSITION + _context_names()
_INDEX = {name: k for k, (name, _, _) in enumerate(_BASE)}
_CTX = [_INDEX[name] for name in _CONTEXT]

_WORD = re.compile(r"\w+(?:['-]\w+)*")
_STOP_END = re.compile(r"[.!?…][\"')\]»”’ ]*$")
_BULLET = re.compile(r"^\s*(?:[-•*–—]|\d{1,2}[.)])\s")
_ELLIPSIS = re.compile(r"(?:\.\.\.|…|\[…\]|\[\.\.\.\])\W{0,3}$")
_TIME = re.compile(r"\d[:.]\d\d|\d{4}-\d\d")
# word lists read as sets over a line's lowercase words (quicker than alternations)
_VERBS = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "can",
        "should",
        "may",
        "might",
        "must",
        "did",
        "does",
        "do",
        "said",
        "says",
        "told",
        "tells",
    ]
)
_MONTHS = frozenset(
    [
        "jan",
        "january",
        "feb",
        "february",
        "mar",
        "march",
        "apr",
        "april",
        "may",
        "jun",
        "june",
        "jul",
        "july",
        "aug",
        "august",
        "sep",
        "sept",
        "september",
        "oct",
        "october",
        "nov",
        "november",
        "dec",
        "december",
    ]
)
_WEEKDAYS = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
)
_PHOTO_WORDS = frozenset(
    [
        "photo",
        "photos",
        "photograph",
        "photographs",
        "photographer",
        "image",
        "images",
        "picture",
        "pictures",
        "pictured",
        "getty",
        "reuters",
        "afp",
        "epa",
        "ap",
        "aap",
        "credit",
        "handout",
        "video",
        "file",
    ]
)
_PHOTO_VERBS = frozenset(
    [
        "stands",
        "sits",
        "walks",
        "leans",
        "reacts",
        "poses",
        "holds",
        "hug",
        "rests",
        "gather",
        "searches",
    ]
)
_PHOTO_PHRASES = (" is seen", " are seen", " is pictured", " are pictured", " is shown", "left,",
                  "right,", "center,", "centre,", "left)", "right)", "looks on")  # fmt: skip
_SEPARATORS = ("|", "#", "@", "•", "›", "»")
_LINKS = ("http://", "https://", "www.", ".com", ".org", ".net", ".co.")


#: Characters of a line its pattern and share features read: chrome is short, and a longer
#: line is paragraph-length prose by its word count alone (keeps the model linear and quick).
WINDOW = 200
_NO_DIGITS = str.maketrans("", "", "0123456789")


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return load_stopwords()


@lru_cache(maxsize=65_536)
def _text_features(line: str) -> tuple[float, ...]:
    """The text features of :data:`_BASE` of one line (normalised text); patterns and shares
    read its first :data:`WINDOW` characters, the end features its last ones. Cached: an
    outlet's chrome recurs on its pages."""
    stopwords = _stopwords()
    head = line[:WINDOW]
    words = _WORD.findall(head)
    k = len(words)
    n = k + (line.count(" ", WINDOW) if len(line) > WINDOW else 0)
    low = head.lower()
    tokens = _WORD.findall(low)
    vocab = set(tokens)
    lower = sum(1 for w in words[1:] if w[:1].islower())
    upper = sum(1 for w in words if w[:1].isupper())
    digits = len(head) - len(head.translate(_NO_DIGITS))
    stripped = line.rstrip()
    end = stripped[-12:]
    month = not vocab.isdisjoint(_MONTHS)
    verb = not vocab.isdisjoint(_VERBS) or any(len(w) > 4 and w.endswith("ed") for w in tokens)
    return (
        math.log1p(n),
        float(n <= 4),
        sum(1 for w in tokens if w in stopwords) / k if k else 0.0,
        float(bool(_STOP_END.search(end))),
        float(end.endswith(":")),
        lower / (k - 1) if k > 1 else 0.0,
        upper / k if k else 0.0,
        float(head.upper() == head and low != head),
        digits / max(1, len(head)),
        float(any(c in head for c in _SEPARATORS)),
        float(any(c in low for c in _LINKS)),
        float(verb),
        float('"' in head),
        float((month and digits > 0) or low.startswith("date ") or bool(_TIME.search(head))),
        float(not vocab.isdisjoint(_PHOTO_WORDS)),
        float(bool(_BULLET.match(head))),
        float(bool(_ELLIPSIS.search(end))),
        float(end.endswith("?")),
        float(month and (digits >= 4 or not vocab.isdisjoint(_WEEKDAYS))),
        float(not vocab.isdisjoint(_PHOTO_VERBS) or any(p in low for p in _PHOTO_PHRASES)),
    )


def _shallow(line: str, ev: Evidence, seen: int) -> tuple[float, ...]:
    """The :data:`_BASE` features of one line: its text's, the rules' evidence, repetition."""
    return (
        *_text_features(line),
        float(ev.address),
        float(ev.imperative),
        float(ev.credit),
        float(ev.sentence),
        float(ev.phrase),
        float(ev.verdict == "headline"),
        float(ev.verdict == "caption"),
        float(ev.verdict == "label"),
        float(ev.verdict == "chrome"),
        float(seen > 1),
        math.log1p(ev.repeats),
    )


def line_features(lines: Sequence[str], evidence: Sequence[Evidence]) -> np.ndarray:
    """Return the feature matrix of a page: one row per line, one column per :data:`FEATURES`.

    Lines are taken as written (they are normalised here). Linear in the page.

    >>> x = line_features(["Read more", "The mayor said the bridge will reopen in May."],
    ...                   [Evidence(verdict="chrome", phrase=True), Evidence(sentence=True)])
    >>> x.shape == (2, len(FEATURES))
    True
    >>> names = [name for name, _, _ in FEATURES]
    >>> x[:, names.index("final_stop")].tolist(), x[:, names.index("prev_rule_chrome")].tolist()
    ([0.0, 1.0], [0.0, 1.0])
    """
    if len(lines) != len(evidence):
        raise InputError("line_features", "lines and evidence must be of the same length")
    n = len(lines)
    if n == 0:
        return np.zeros((0, len(FEATURES)))
    norm = [" ".join(normalise(line).split()) for line in lines]
    counts = Counter(s.lower() for s in norm)
    base = np.array(
        [_shallow(s, ev, counts[s.lower()]) for s, ev in zip(norm, evidence, strict=True)]
    )
    density = base[:, _INDEX["words"]] * base[:, _INDEX["stopwords"]]
    if n > 2:  # jusText-style smoothing: a line's prose density with its neighbours'
        density = np.convolve(np.pad(density, 1, mode="edge"), np.ones(3) / 3, mode="valid")
    densest = int(np.argmax(density))
    idx = np.arange(n)
    chrome = base[:, _INDEX["rule_chrome"]]
    prev_chrome = np.concatenate([[1.0], chrome[:-1]])
    next_chrome = np.concatenate([chrome[1:], [1.0]])
    position = np.column_stack(
        [
            idx / max(1, n - 1),
            (idx == 0).astype(float),
            (idx == n - 1).astype(float),
            np.abs(idx - densest) / max(1, n - 1),
            prev_chrome * next_chrome,
        ]
    )
    ctx = base[:, _CTX]
    prev = np.vstack([np.zeros((1, len(_CTX))), ctx[:-1]])
    nxt = np.vstack([ctx[1:], np.zeros((1, len(_CTX)))])
    prev_none = (idx == 0).astype(float)[:, None]
    next_none = (idx == n - 1).astype(float)[:, None]
    return np.hstack([base, position, prev_none, prev, next_none, nxt])


@dataclass(frozen=True, eq=False)
class LineModel:
    """The fitted model: standardisation, weights per class, decoder transitions and body bias."""

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray  # (classes, features)
    intercept: np.ndarray  # (classes,)
    start: np.ndarray  # (states,) log-probabilities
    transitions: np.ndarray  # (states, states) log-probabilities, -inf where not allowed
    body_bias: float
    sentence_bias: float
    source: str

    def log_proba(self, x: np.ndarray) -> np.ndarray:
        """Log class probabilities of each row of a feature matrix (numpy only)."""
        scores = ((x - self.mean) / self.scale) @ self.weights.T + self.intercept
        scores -= scores.max(axis=1, keepdims=True)
        return scores - np.log(np.exp(scores).sum(axis=1, keepdims=True))


def _read_model(csv_text: str, toml_text: str, source: str) -> LineModel:
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    names = [name for name, _, _ in FEATURES]
    by_name = {r["feature"]: r for r in rows}
    missing = [n for n in ["(intercept)", *names] if n not in by_name]
    if missing:
        raise InputError(source, f"line model lacks features {missing[:5]}; retrain it")
    try:
        table = np.array([[float(by_name[n][c]) for c in CLASSES] for n in names])
        mean = np.array([float(by_name[n]["mean"]) for n in names])
        scale = np.array([float(by_name[n]["scale"]) for n in names])
        intercept = np.array([float(by_name["(intercept)"][c]) for c in CLASSES])
        decoder = tomllib.loads(toml_text)
        start = np.array([float(decoder["start"].get(s, -math.inf)) for s in STATES])
        trans = np.array(
            [[float(decoder["transitions"][a].get(b, -math.inf)) for b in STATES] for a in STATES]
        )
        bias = float(decoder["body_bias"])
        sentence_bias = float(decoder["sentence_bias"])
    except (KeyError, ValueError, tomllib.TOMLDecodeError) as exc:
        raise InputError(source, f"line model or decoder is malformed: {exc}") from None
    return LineModel(mean, np.where(scale > 0, scale, 1.0), table.T, intercept, start, trans,
                     bias, sentence_bias, source)  # fmt: skip


@lru_cache(maxsize=8)
def load_line_model(
    weights: str | Path | None = None, decoder: str | Path | None = None
) -> LineModel:
    """Load the line model shipped in ``data/`` (or the given weight and decoder files).

    >>> model = load_line_model()
    >>> model.weights.shape == (len(CLASSES), len(FEATURES)), model.body_bias >= 0
    (True, True)
    >>> bool(np.isfinite(model.transitions[STATES.index("after"), STATES.index("body")]))
    False
    """
    csv_text, csv_source = read_text(weights, "line_model.csv")
    toml_text, _ = read_text(decoder, "line_decoder.toml")
    return _read_model(csv_text, toml_text, str(csv_source))


def _viterbi(emit: np.ndarray, start: np.ndarray, trans: np.ndarray) -> list[int]:
    """Most likely state path (plain floats: a page has few lines and five states)."""
    n, size = emit.shape
    rows = emit.tolist()
    moves = [
        [(a, float(trans[a, b])) for a in range(size) if math.isfinite(trans[a, b])]
        for b in range(size)
    ]
    score = [float(start[s]) + rows[0][s] for s in range(size)]
    back = []
    for i in range(1, n):
        step, new = [], []
        for b in range(size):
            best, arg = -math.inf, 0
            for a, t in moves[b]:
                v = score[a] + t
                if v > best:
                    best, arg = v, a
            step.append(arg)
            new.append(best + rows[i][b])
        back.append(step)
        score = new
    path = [max(range(size), key=score.__getitem__)]
    for step in reversed(back):
        path.append(step[path[-1]])
    return path[::-1]


def state_sequence(labels: Sequence[str]) -> list[str]:
    """The decoder states a labelled page walks through (used to count transitions).

    Before the first body line: the first run of headline lines is ``headline``, anything else
    ``before``; between the first and last body line non-body lines are ``inbody``; after the
    last, ``after``.

    >>> state_sequence(["chrome", "headline", "caption", "body", "chrome", "body", "chrome"])
    ['before', 'headline', 'inbody', 'body', 'inbody', 'body', 'after']
    """
    body = [i for i, label in enumerate(labels) if label == "body"]
    first, last = (body[0], body[-1]) if body else (len(labels), len(labels))
    out, headed = [], False
    for i, label in enumerate(labels):
        if label == "body":
            out.append("body")
        elif i > last:
            out.append("after")
        elif label == "headline" and not headed and (not out or out[-1] in ("before", "headline")):
            out.append("headline")
        elif i < first and not headed and not (out and out[-1] == "headline"):
            out.append("before")
        else:
            headed = True
            out.append("inbody")
        headed = headed or label == "headline"
    return out


def decide(
    lines: Sequence[str], evidence: Sequence[Evidence], *, model: LineModel | None = None
) -> list[tuple[str, str]]:
    """Return, per line, its class (:data:`CLASSES`) and why in words (empty for body lines).

    Class probabilities from the line model, then the most likely state sequence (Viterbi)
    with the body bias; a line in a non-body state takes the most likely of chrome, caption and
    byline. See the module docstring for an example.
    """
    model = model or load_line_model()
    if not lines:
        return []
    x = line_features(lines, evidence)
    logp = model.log_proba(x)
    other = np.logaddexp.reduce(logp[:, 2:], axis=1)
    head = logp[:, 1].copy()
    long = x[:, _INDEX["words"]] >= math.log1p(8)
    # a headline does not end with a full stop once it is a sentence of eight words or more
    head[(x[:, _INDEX["final_stop"]] > 0) & long] = -math.inf
    ruled = x[:, _INDEX["rule_headline"]] > 0
    if ruled.any():  # the rules found the headline (or were given it): the model keeps to it
        head[~ruled] = -math.inf
    # body first: a line that reads as a news sentence needs strong evidence to go
    body = (
        logp[:, 0] + model.body_bias + model.sentence_bias * (long & (x[:, _INDEX["sentence"]] > 0))
    )
    emit = np.column_stack([other, head, body, other, other])
    path = _viterbi(emit, model.start, model.transitions)
    others = (2 + np.argmax(logp[:, 2:], axis=1)).tolist()
    out = []
    for i, state in enumerate(path):
        fixed = _STATE_CLASS[state]
        k = fixed if fixed is not None else others[i]
        out.append((CLASSES[k], "" if k == 0 else _explain(model, k, x[i].tobytes())))
    return out


def explain(model: LineModel, row: np.ndarray, label: str, *, top: int = 3) -> str:
    """The features that moved one line most from body towards ``label``, in words.

    >>> model = load_line_model()
    >>> row = line_features(["Share this"], [Evidence(verdict="chrome", phrase=True)])[0]
    >>> bool(explain(model, row, "chrome"))
    True
    """
    return _explain(model, CLASSES.index(label), np.asarray(row, dtype=float).tobytes(), top)


@lru_cache(maxsize=16_384)
def _explain(model: LineModel, k: int, row_bytes: bytes, top: int = 3) -> str:
    """:func:`explain` on a row given as bytes (cached: recurring chrome has recurring rows)."""
    row = np.frombuffer(row_bytes)
    z = (row - model.mean) / model.scale
    push = (model.weights[k] - model.weights[0]) * z
    said = []
    for j in np.argsort(-push, kind="stable"):
        if push[j] <= 0 or len(said) == top:
            break
        _, hi, lo = FEATURES[j]
        words = hi if z[j] > 0 else lo
        if words and words not in said:
            said.append(words)
    return ", ".join(said)
