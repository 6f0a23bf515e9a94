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
(:class:`Evidence`: a phrase rule matched, the rules' decision, a credit, a sentence). Caption
features: a photo credit at the end, a present-tense picture verb ("Rescuers search ..."), no
attribution, a weekday with a full date ("Saturday, Oct. 27, 2018": how agencies date a photo),
and an echo of a nearby line (a caption repeated as alt text). Topicality (body
lines are about the story, prose chrome is not; read from the page's own words, so independent
of outlet and story): the cosine of the line's content words with the headline's and with the
densest prose's (the line itself left out), the share of its words found in other prose lines of
the page, and the share of rare words (not among wordfreq's most frequent English words). A
multinomial logistic regression turns them into class probabilities (optionally, small
gradient-boosted trees stacked on it, :class:`TreeEnsemble`, or a second stage on its
probabilities of the line and its neighbours, :class:`Stack`; none is shipped: leaving batches
out it removed less chrome, docs/evaluation.md, twentieth round); a Viterbi decoder over
the states ``before → headline → body → after`` (chrome inside the body its own state, ``inbody``)
keeps the body contiguous, and its end probabilities (how likely a page ends in its body or in
the chrome after it, :func:`_page_ends`) let a page's trailing chrome go. A line that repeats
the page's title, or nearly, is no body (:func:`_title_repeats`). Body lines get a bonus in the
decoder (``body_bias``), and lines of eight words or more that read as sentences a further one
(``sentence_bias``): a line that reads as a news sentence needs strong evidence to go. Lines the rules keep get a bias of their own
(``kept_bias``); a line only that bias keeps gets a second look with its page
(:func:`_second_look`: off the page's story, or outside the article, it goes; a sentence only
with both). A lead-in ending with a colon above a quotation or a list, and the list's items,
get the kept bias without a second look (:func:`_lead_ins`), and so do the items of a bulleted
list between two kept news sentences (:func:`_list_items`); no line of a run of bulleted lines
is the headline. A title off the page's story gives way to a headline-shaped line on it above
the article's first sentence, and a page without one takes such a line when it is more likely a
headline than not (:func:`_story_title`); a title that is another lead line with a site name or
a breadcrumb glued on gives way to that line (:func:`_glued_title`); a page still without a
title takes the rules' headline only when it is on the story, or else the likeliest headline on
the story above the first sentence (:func:`_ruled_title`); one left without a title
takes its first body line when it is in title case with a final stop (:func:`_cased_title`).
The second look never judges the densest line of a page without other prose
against the page's story (it would be measured against itself).

The weights (``data/line_model.csv``: one row per feature, its standardisation and one weight per
class), the decoder (``data/line_decoder.toml``: transition log-probabilities, the body biases)
and, when the decoder says ``trees = true``, the trees (``data/line_trees.csv``, one row per node)
are plain data fitted by ``benchmarks/train_line_model.py`` on labelled pages; nothing is
pickled. The words of a line's opening are terms of the model (:func:`line_terms`); when the
decoder says ``words = true`` a lexical channel (``data/line_words.csv``) adds weights to
terms, new terms, and every term's weights on the previous and the next line (a residual fit
on later pages, the weights above kept; :attr:`LineModel.near_weights`; none is shipped yet:
``benchmarks/train_line_model.py --lex-c`` fits one). Inference is numpy only and linear in the page: each distinct line's text is read once,
the lines of a batch together (one tokenisation per line for every feature that reads words,
the patterns run over the lines joined), the rest array operations over the batch. Every
removal says why in words: the features that pushed the line most from body to its class
(:func:`explain`).

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
import itertools
import math
import os
import re
import threading
import tomllib
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache, reduce
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd
from wordfreq import top_n_list

from newsframe.datafiles import read_text
from newsframe.errors import InputError
from newsframe.parallel import one_blas_thread
from newsframe.text import is_normalised, load_stopwords, normalise_line

__all__ = [
    "CLASSES",
    "FEATURES",
    "STACKED",
    "STACK_INPUTS",
    "STATES",
    "Evidence",
    "LineModel",
    "Page",
    "Stack",
    "StoryView",
    "StoryWords",
    "TreeEnsemble",
    "decide",
    "decide_pages",
    "explain",
    "line_features",
    "line_terms",
    "load_line_model",
    "page_words",
    "pages_features",
    "stack_inputs",
    "state_sequence",
]

CLASSES = ("body", "headline", "chrome", "caption", "byline")
#: Decoder states; ``inbody`` is chrome between two body lines, ``after`` chrome after the body.
STATES = ("before", "headline", "body", "inbody", "after")
_STATE_CLASS = (None, 1, 0, None, None)  # None: one of chrome, caption, byline
_STATE_FIXED = np.array([-1 if k is None else k for k in _STATE_CLASS])


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
    ("credit_end", "ends with a photo credit", ""),
    ("caption_verb", "a present-tense picture verb (search, walks, reacts ...)", ""),
    ("attribution", "attributes (said, told, according to)", "attributes nothing"),
    ("weekday_date", "a weekday with a full date (Saturday, Oct. 27, 2018)", ""),
    ("no_past", "six words or more and no past-tense verb (present tense)", ""),
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
_CONTEXT = ("words", "short", "final_stop", "stopwords", "sentence", "rule_phrase", "rule_chrome",
            "rule_headline")  # fmt: skip
_POSITION = (
    ("position", "late in the page", "early in the page"),
    ("first", "first line", ""),
    ("last", "last line", ""),
    ("from_prose", "far from the densest prose", "near the densest prose"),
    ("above_prose", "above the densest prose", ""),
    ("between_chrome", "between two chrome lines", ""),
    ("relative_words", "long for this page", "short for this page"),
    ("near_sentences", "among sentences", "among lines that are not sentences"),
    ("near_chrome", "among lines the rules remove", ""),
)
# topicality: body lines are about the story, prose chrome (pitches, other stories' summaries,
# comment policies) is not; read from the page's own words, outlet- and story-independent
_TOPIC = (
    ("topic_headline", "shares words with the headline", "no word of the headline"),
    ("topic_page", "its words recur in the page's prose", "its words are not the story's"),
    ("topic_core", "shares words with the densest prose", "no word of the densest prose"),
    ("topic_near", "among lines about the story", "among lines not about the story"),
    ("rare_words", "many rare words (names, places)", "only common words"),
    ("no_headline", "the page has no headline line", ""),
    ("echoed", "echoes a nearby line (a caption twice, alt text)", ""),
    ("page_prose", "on a page of much prose", "on a page of little prose"),
)
# blocks: a page copied from a browser rarely marks its blocks with blank lines, so a block is a
# run of lines of one kind: prose (eight words or more that read as a sentence) or not
_BLOCK = (
    ("run_other", "in a long run of lines that are not prose", ""),
    ("run_prose", "in a long run of prose", ""),
    ("prose_after", "much prose after it", "no prose after it"),
    ("prose_before", "much prose before it", "no prose before it"),
)
# corpus topicality: when other outlets' pages of the same story are cleaned with the page, a
# body line shares content words with their prose (their densest prose most), an outlet's
# template does not, a related story's summary less; alone, the page's own other lines stand in
_STORY = (
    ("story_alone", "cleaned alone (no other outlet's page of the story)", ""),
    ("story_core", "its words lead other outlets' stories", "its words lead no other outlet's story"),
    ("story_prose", "its words recur in other outlets' prose", "its words are not in other outlets' prose"),
    ("story_any", "its words are in other outlets' pages", "no word of it in other outlets' pages"),
    ("story_near", "among lines other outlets' prose shares", "among lines other outlets do not share"),
    ("subhead", "a short title between paragraphs whose words the body repeats", ""),
)  # fmt: skip
#: Lines either side in which a line's echo (the same opening, or one inside the other) counts.
ECHO = 3
#: Characters of a line's opening that make it the echo of a nearby line's.
ECHO_CHARS = 30
#: The longest line (characters) whose text is looked for inside a nearby line's.
ECHO_LONGEST = 300


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
FEATURES: tuple[tuple[str, str, str], ...] = (
    _BASE + _POSITION + _TOPIC + _STORY + _BLOCK + _context_names()
)
_INDEX = {name: k for k, (name, _, _) in enumerate(_BASE)}
#: Every feature's column in the feature matrix.
_INDEX_ALL = {name: k for k, (name, _, _) in enumerate(FEATURES)}
_TEXT = _INDEX["address"]  # the text features come first in _BASE, then the evidence
_CTX = [_INDEX[name] for name in _CONTEXT]
_SAID_HIGH = np.array([bool(hi) for _, hi, _ in FEATURES])
_SAID_LOW = np.array([bool(lo) for _, _, lo in FEATURES])
_ECHOED = [name for name, _, _ in FEATURES].index("echoed")
_TOPIC_CORE = [name for name, _, _ in FEATURES].index("topic_core")
#: Columns of the whole feature matrix, by name.
_COLUMN = {name: j for j, (name, _, _) in enumerate(FEATURES)}
_RULED = [_INDEX[name] for name in ("rule_headline", "rule_caption", "rule_label", "rule_chrome")]

_STOP_END = re.compile(r"[.!?…][\"')\]»”’ ]*$")
_BULLET = re.compile(r"^\s*(?:[-•*–—]|\d{1,2}[.)])\s")
_ELLIPSIS = re.compile(r"(?:\.\.\.|…|\[…\]|\[\.\.\.\])\W{0,3}$")
_TIME = re.compile(r"\d(?:[:.]\d\d|\d{3}-\d\d)")
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
#: Verbs a photo caption tells what it shows with, present tense (plural and third person):
#: "Rescue workers search ...", "A woman cries as ...", "Smoke billows from ...".
_CAPTION_VERBS = frozenset(
    [
        "search",
        "searches",
        "look",
        "looks",
        "walk",
        "walks",
        "carry",
        "carries",
        "pass",
        "passes",
        "place",
        "places",
        "retrieve",
        "retrieves",
        "pull",
        "pulls",
        "help",
        "helps",
        "wait",
        "waits",
        "gather",
        "gathers",
        "survey",
        "surveys",
        "inspect",
        "inspects",
        "clear",
        "clears",
        "cries",
        "cry",
        "mourn",
        "mourns",
        "hug",
        "hugs",
        "comfort",
        "comforts",
        "sift",
        "sifts",
        "watch",
        "watches",
        "ride",
        "rides",
        "wade",
        "wades",
        "stand",
        "stands",
        "sit",
        "sits",
        "billows",
        "lie",
        "lies",
        "covers",
        "litters",
        "react",
        "reacts",
        "pose",
        "poses",
        "hold",
        "holds",
        "rest",
        "rests",
        "leave",
        "leaves",
        "arrive",
        "arrives",
        "sweep",
        "sweeps",
        "remove",
        "removes",
        "attend",
        "attends",
        "pray",
        "prays",
        "march",
        "marches",
        "line",
        "lines",
        "push",
        "pushes",
        "collect",
        "collects",
        "view",
        "views",
        "work",
        "works",
        "speaks",
        "speak",
        "shows",
        "show",
        "grieve",
        "grieves",
        "embrace",
        "embraces",
        "salvage",
        "salvages",
    ]
)
#: Words before a verb that make it no caption verb ("to search", "the search", "will help").
_NOT_BEFORE_VERB = frozenset(
    [
        "to",
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "should",
        "must",
        "did",
        "do",
        "does",
        "not",
        "the",
        "a",
        "an",
        "their",
        "his",
        "her",
        "its",
        "our",
        "your",
        "this",
        "that",
    ]
)
_ATTRIBUTION = frozenset(["said", "says", "told", "according", "added", "explained", "stated"])
#: Past forms no "-ed" ending shows (a closed class: the auxiliaries and the commonest
#: irregular verbs); with every word of five letters or more ending in "-ed" they tell a line
#: told in the past, as news sentences are, from one told in the present, as photo captions
#: are ("Rescuers search the rubble in ..."): the feature ``no_past``.
_PAST = frozenset(
    [
        "was", "were", "had", "did", "said", "told", "went", "came", "took", "made", "gave",
        "left", "found", "saw", "became", "began", "fell", "got", "knew", "thought", "brought",
        "bought", "held", "kept", "felt", "stood", "sat", "ran", "won", "lost", "met", "paid",
        "sent", "spent", "built", "led", "fled", "rose", "broke", "spoke", "wrote", "chose",
        "drove", "flew", "grew", "threw", "hit", "struck", "shot", "fought", "caught", "taught",
        "sought", "heard", "meant", "sank", "swore", "wore", "tore",
    ]
)  # fmt: skip
#: A photo credit at the end of a line: "(Jane Roe/AP)", "Credit: AP", "Pic/AFP", "(Photo: X)".
_CREDIT_END = re.compile(
    r"(?:\([^()]{0,60}(?:/|\bphoto|\bgetty|\breuters|\bafp|\bap\b|\bimages?\b|\bcredit)[^()]{0,40}\)"
    r"|\b(?:credit|photo|photograph|image|pic|source)\s*[:/][^.]{0,50}"
    r"|/\s*(?:afp|ap|getty images|reuters|epa|aap)[^.]{0,20})\.?\s*$",
    re.IGNORECASE,
)
_PHOTO_PHRASES = (" is seen", " are seen", " is pictured", " are pictured", " is shown", "left,",
                  "right,", "center,", "centre,", "left)", "right)", "looks on")  # fmt: skip
_SEPARATORS = ("|", "#", "@", "•", "›", "»")
_LINKS = ("http://", "https://", "www.", ".com", ".org", ".net", ".co.")


#: Characters of a line its pattern and share features read: chrome is short, and a longer
#: line is paragraph-length prose by its word count alone (keeps the model linear and quick).
WINDOW = 100
#: Words of a line's opening its terms (:func:`line_terms`) are read from: chrome says what it
#: is in its first words ("Sign up for ...", "Watch: ...", "Photo: ...").
TERM_WORDS = 12
#: A word's first letter, capital (``A-Z``, ``\u00c0-\u00de``) or lowercase (``a-z``,
#: ``\u00df-\u00ff``); a word: not after a letter, digit or underscore. One pass finds both;
#: deleting the capitals tells them apart; a lowercase one at the line's start is not counted.
_INITIAL = re.compile(r"\b[A-Za-z\u00c0-\u00ff]")
_NO_CAPITALS = str.maketrans(dict.fromkeys([*map(chr, range(ord("A"), ord("Z") + 1)),
                                            *map(chr, range(0xC0, 0xDF))]))  # fmt: skip
#: A lowercase initial at a line's very start (a word character, so ``\b`` holds before it).
_LOWER_FIRST = frozenset(c for c in map(chr, range(0xDF, 0x100)) if c.isalnum()) | frozenset(
    map(chr, range(ord("a"), ord("z") + 1))
)
#: A word as the project's tokenizer (:data:`newsframe.text.TOKEN`) reads one (letters with
#: inner apostrophes and hyphens), or a number; a third of its cost, which counts on every line.
#: Possessive (nothing follows a run within its alternative, so no run is ever given back: the
#: same matches, without the bookkeeping for backtracking).
_WORD = re.compile(r"[^\W\d_][^\W_]*+(?:['-][^\W_]++)*+|\d[\d.,:]*+")


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return load_stopwords()


def _read_line(line: str) -> tuple[tuple[float, ...], tuple[str, ...]]:
    """The text features of :data:`_BASE` of one line and its terms (see :func:`line_terms`):
    its row of the line table (:func:`_read_lines` when it is new)."""
    with _TABLE_LOCK:
        table = _line_table()
        row = int(table.rows([line])[0])
        return tuple(table.text[row].tolist()), _terms_of(table.openings[row])


def _credit_end(tail: str) -> bool:
    """:data:`_CREDIT_END` in a line's last characters (each of its forms needs a bracket, a
    colon or a slash: a line with none is read no further)."""
    return ("(" in tail or ":" in tail or "/" in tail) and _CREDIT_END.search(tail) is not None


def line_features(
    lines: Sequence[str], evidence: Sequence[Evidence], *, story: StoryView | None = None
) -> np.ndarray:
    """Return the feature matrix of a page: one row per line, one column per :data:`FEATURES`.

    Lines are taken as written (they are normalised here). Linear in the page: one pass over
    its lines for the text features, then whole-page array operations for position and context.
    ``story`` is what other outlets' pages of the same story say (:meth:`StoryWords.view`);
    without it the corpus topicality features fall back on the page's own other lines. One page
    of :func:`pages_features` (a page gets the same rows alone as in a batch).

    >>> x = line_features(["Read more", "The mayor said the bridge will reopen in May."],
    ...                   [Evidence(verdict="chrome", phrase=True), Evidence(sentence=True)])
    >>> x.shape == (2, len(FEATURES))
    True
    >>> names = [name for name, _, _ in FEATURES]
    >>> x[:, names.index("final_stop")].tolist(), x[:, names.index("prev_rule_chrome")].tolist()
    ([0.0, 1.0], [0.0, 1.0])
    """
    return pages_features([(lines, evidence, story)])[0]


def pages_features(
    pages: Sequence[tuple[Sequence[str], Sequence[Evidence], StoryView | None]],
) -> tuple[np.ndarray, np.ndarray]:
    """Return the feature rows of many pages as one matrix, and where each page starts.

    ``pages`` holds per page its lines, the rules' evidence and its story view (or None).
    Each distinct line's text is read once (a table of the lines read: text features, terms,
    content words; new lines read together, :func:`_read_lines`) and gathered by row, then
    array operations over the whole matrix with the page boundaries (no numpy call per page):
    the rows of a page do not depend on the other pages of the batch. ``starts`` has one more
    entry than pages (the end).

    >>> ev = [Evidence(sentence=True), Evidence("chrome", phrase=True)]
    >>> x, starts = pages_features([(["A storm hit the town on Monday night.", "Share"], ev, None),
    ...                             (["Menu"], [Evidence("chrome")], None)])
    >>> x.shape == (3, len(FEATURES)), starts.tolist()
    (True, [0, 2, 3])
    """
    return _features(pages)[0]


def _features(
    pages: Sequence[tuple[Sequence[str], Sequence[Evidence], StoryView | None]],
) -> tuple[tuple[np.ndarray, np.ndarray], np.ndarray, _LineTable]:
    """:func:`pages_features`, and per line its row of the line table that read it."""
    lines: list[str] = []
    evidence: list[Evidence] = []
    sizes = []
    for page_lines, page_evidence, _ in pages:
        if len(page_lines) != len(page_evidence):
            raise InputError("line_features", "lines and evidence must be of the same length")
        lines += page_lines
        evidence += page_evidence
        sizes.append(len(page_lines))
    starts = np.concatenate([[0], np.cumsum(sizes, dtype=np.intp)]).astype(np.intp)
    with _TABLE_LOCK:
        table = _line_table()
        rows = table.rows(lines)
    if not len(rows):
        return (np.zeros((0, len(FEATURES))), starts), rows, table
    bounds = _Bounds.of(starts)
    out = np.zeros((len(rows), len(FEATURES)))
    out[:, :_TEXT] = table.text[rows]
    out[:, _TEXT : len(_BASE)] = _evidence_columns(evidence, table.low_id[rows], bounds)
    word, k = table.content(rows)
    _page_features(out, (word, k, table.rare[rows]), bounds, [p[2] for p in pages])
    out[:, _ECHOED] = _echoes(table, rows, bounds)
    return (out, starts), rows, table


def _evidence_row(ev: Evidence) -> tuple[float, ...]:
    """The :data:`_BASE` columns of the rules' evidence on a line (``repeated_page`` left 0)."""
    return (float(ev.address), float(ev.imperative), float(ev.credit), float(ev.sentence),
            float(ev.phrase), float(ev.verdict == "headline"), float(ev.verdict == "caption"),
            float(ev.verdict == "label"), float(ev.verdict == "chrome"), 0.0,
            math.log1p(ev.repeats))  # fmt: skip


def _evidence_columns(
    evidence: Sequence[Evidence], low_id: np.ndarray, bounds: _Bounds
) -> np.ndarray:
    """The evidence and repetition columns of :data:`_BASE` of a batch's lines: the rules'
    evidence (each kind of evidence put in numbers once) and ``repeated_page``, whether the
    line's lowercased text is on another line of its page (``low_id``: one id per text)."""
    kinds: dict[Evidence, int] = {}
    kind = [kinds.setdefault(ev, len(kinds)) for ev in evidence]
    out = np.array([_evidence_row(ev) for ev in kinds])[kind]
    key = bounds.page * np.int64(low_id.max() + 1) + low_id
    _, inv, counts = np.unique(key, return_inverse=True, return_counts=True)
    out[:, _INDEX["repeated_page"] - _TEXT] = counts[inv.reshape(-1)] > 1
    return out


#: Lines either side a neighbourhood mean reads (:func:`_window_mean`).
NEAR = 2


@dataclass(frozen=True, eq=False)
class _Bounds:
    """Page boundaries of a matrix of lines: per row its page, the page's first row and size,
    its index in the page, whether it is the page's first or last line, and for each shift of
    up to :data:`NEAR` rows the row it reads and whether that row is in the same page."""

    starts: np.ndarray
    page: np.ndarray
    first: np.ndarray
    size: np.ndarray
    idx: np.ndarray
    is_first: np.ndarray
    is_last: np.ndarray
    near: np.ndarray  # (2 * NEAR, rows): the row read at shifts -NEAR..-1, 1..NEAR
    near_ok: np.ndarray  # (2 * NEAR, rows): that row is in the same page
    near_count: np.ndarray  # (rows,): how many of them are

    @classmethod
    def of(cls, starts: np.ndarray) -> _Bounds:
        """The bounds of pages starting at ``starts`` (the last entry: the end); the last few
        made are kept (the features and the decoder read the same batch's)."""
        return _bounds_of(np.asarray(starts, dtype=np.intp).tobytes())

    @classmethod
    def _make(cls, starts: np.ndarray) -> _Bounds:
        sizes = np.diff(starts)
        page = np.repeat(np.arange(len(sizes)), sizes)
        first = starts[:-1][page]
        n = len(page)
        idx = np.arange(n) - first
        size = sizes[page]
        shifts = np.array([*range(-NEAR, 0), *range(1, NEAR + 1)])[:, None]
        moved = idx + shifts
        ok = (moved >= 0) & (moved < size)
        near = np.clip(np.arange(n) + shifts, 0, max(n - 1, 0))
        return cls(starts, page, first, size, idx, idx == 0, idx == size - 1, near, ok,
                   ok.sum(axis=0))  # fmt: skip

    def shift(self, v: np.ndarray, by: int, fill: float = 0.0) -> np.ndarray:
        """``v`` of the line ``by`` rows on (``-1``: the previous), ``fill`` off the page."""
        k = by + NEAR if by < 0 else by + NEAR - 1
        got, ok = v[self.near[k]], self.near_ok[k]
        return np.where(ok[:, None] if got.ndim > 1 else ok, got, fill)


@lru_cache(maxsize=4)
def _bounds_of(starts: bytes) -> _Bounds:
    return _Bounds._make(np.frombuffer(starts, dtype=np.intp))


def _echoes(table: _LineTable, rows: np.ndarray, bounds: _Bounds) -> np.ndarray:
    """1 for a line that has an echo within :data:`ECHO` lines of its page: the same first
    :data:`ECHO_CHARS` characters (of at least three words), or, for lines of up to
    :data:`ECHO_LONGEST` characters, its whole text inside the other's or the other's inside
    it (a caption repeated as alt text, with or without its credit); ``rows`` are the lines'
    rows of the line table (their text normalised and lowercased, whether it has three words,
    the id of its opening). Per shift, the pairs of lines compared at once (openings by their
    ids), only the pairs of short lines with different openings read in Python, once each (the
    shorter inside the longer). Bounded work per line."""
    n = len(rows)
    out = np.zeros(n)
    if n < 2:
        return out
    valid, short, opening = table.valid[rows], table.short[rows], table.head[rows]
    low = table.low
    for by in range(1, min(ECHO, n - 1) + 1):  # line i and line i + by of the same page
        i = np.flatnonzero(valid[:-by] & valid[by:] & (bounds.page[:-by] == bounds.page[by:]))
        same = opening[i] == opening[i + by]
        found = i[same]
        rest = i[~same & short[i] & short[i + by]]
        inside = [(a in b) if len(a) <= len(b) else (b in a)
                  for a, b in zip([low[r] for r in rows[rest].tolist()],
                                  [low[r] for r in rows[rest + by].tolist()], strict=True)]  # fmt: skip
        found = np.concatenate(
            [found, rest[np.asarray(inside, dtype=bool)] if inside else rest[:0]]
        )
        out[found] = 1.0
        out[found + by] = 1.0
    return out


@lru_cache(maxsize=65_536)
def _norm(line: str) -> str:
    return _spaced(normalise_line(line))


def _window_mean(v: np.ndarray, bounds: _Bounds) -> np.ndarray:
    """Mean of ``v`` over the :data:`NEAR` lines either side of each line in its page, the
    line itself left out (added in a fixed order: a page's values do not depend on its batch)."""
    return np.where(bounds.near_ok, v[bounds.near], 0.0).sum(axis=0) / np.maximum(
        bounds.near_count, 1
    )


def _segment_argmax(v: np.ndarray, bounds: _Bounds) -> np.ndarray:
    """Per page: the row of its largest value (the first of equal ones)."""
    order = np.lexsort((np.arange(len(v)), -v, bounds.page))
    return order[bounds.starts[:-1][np.diff(bounds.starts) > 0]]


def _segment_median(v: np.ndarray, bounds: _Bounds) -> np.ndarray:
    """Per row: the median of ``v`` over the row's page."""
    ranked = v[np.lexsort((v, bounds.page))]
    lo = bounds.first + (bounds.size - 1) // 2
    hi = bounds.first + bounds.size // 2
    return (ranked[lo] + ranked[hi]) / 2


def _page_features(
    out: np.ndarray,
    content: tuple[np.ndarray, np.ndarray, np.ndarray],
    bounds: _Bounds,
    stories: Sequence[StoryView | None],
) -> np.ndarray:
    """Fill the position, topicality and context columns of ``out`` (the batch's feature
    matrix) from its :data:`_BASE` columns and the lines' content words (see
    :func:`_topicality`)."""
    nb = len(_BASE)
    base = out[:, :nb]
    words = base[:, _INDEX["words"]]
    density = words * base[:, _INDEX["stopwords"]]
    # jusText-style smoothing: a line's prose density with its neighbours' (pages of 3 or more)
    smooth = (bounds.shift(density, -1) + density + bounds.shift(density, 1)
              + density * (bounds.is_first + bounds.is_last)) / 3  # fmt: skip
    density = np.where(bounds.size > 2, smooth, density)
    densest = _segment_argmax(density, bounds)  # per page (with lines), its row
    pages_with_lines = np.flatnonzero(np.diff(bounds.starts) > 0)
    at = np.zeros(len(bounds.starts) - 1, dtype=np.intp)
    at[pages_with_lines] = densest
    d = at[bounds.page] - bounds.first  # the densest line's index in each row's page
    idx = bounds.idx
    chrome = base[:, _INDEX["rule_chrome"]]
    span = np.maximum(1, bounds.size - 1)
    c = nb  # the position columns, in the order of _POSITION
    out[:, c] = idx / span
    out[:, c + 1] = bounds.is_first
    out[:, c + 2] = bounds.is_last
    out[:, c + 3] = np.abs(idx - d) / span
    out[:, c + 4] = np.maximum(d - idx, 0) / span
    out[:, c + 5] = bounds.shift(chrome, -1, 1.0) * bounds.shift(chrome, 1, 1.0)
    out[:, c + 6] = words - _segment_median(words, bounds)
    out[:, c + 7] = _window_mean(base[:, _INDEX["sentence"]], bounds)
    out[:, c + 8] = _window_mean(chrome, bounds)
    c += len(_POSITION)
    prose = (words >= _PROSE_WORDS) & (base[:, _INDEX["sentence"]] > 0)
    width = len(_TOPIC) + len(_STORY)
    out[:, c : c + width] = _topicality(base, content, prose, d, bounds, stories)
    c += width
    out[:, c : c + len(_BLOCK)] = _blocks(prose, bounds)
    c += len(_BLOCK)  # previous line: none, then its context columns; then the next line
    ctx = base[:, _CTX]
    width = len(_CTX)
    out[:, c] = bounds.is_first
    out[:, c + 1 : c + 1 + width] = bounds.shift(ctx, -1)
    c += 1 + width
    out[:, c] = bounds.is_last
    out[:, c + 1 : c + 1 + width] = bounds.shift(ctx, 1)
    return out


#: A line's prose, for topicality: eight words or more that read as a sentence.
_PROSE_WORDS = math.log1p(8)
#: Lines either side of the densest prose line that make the page's core (its lede region).
CORE = 4
#: The most frequent English words of ``wordfreq`` (down to Zipf 4, "yankees" 3.9) are common;
#: a content word not among them is rare (names, places, the story's own terms).
COMMON_WORDS = 7_000
#: Characters of a line its content words are read from (a paragraph's opening is enough to
#: say what it is about, and keeps the cost per line bounded).
TOPIC_WINDOW = 2 * WINDOW


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    return frozenset(top_n_list("en", COMMON_WORDS))


def _content(line: str) -> tuple[frozenset[str], float]:
    """The content words of a line (normalised text) and the share of them that are rare:
    lowercase words of three letters or more as the project's tokenizer reads them, in its
    first :data:`TOPIC_WINDOW` characters, stopwords and numbers left out (see
    :func:`_read_lines`, which reads them for many lines at once)."""
    with _TABLE_LOCK:
        table = _line_table()
        rows = table.rows([line])
        word, _ = table.content(rows)
        return _strings(np.sort(word)), float(table.rare[rows[0]])


# Token kinds, one bit each, read once per distinct token (:func:`_token_kinds`).
_K_STOP, _K_VERB, _K_MONTH, _K_WEEKDAY, _K_PHOTO, _K_PHOTO_VERB = 1, 2, 4, 8, 16, 32
_K_CAPTION, _K_NOT_BEFORE, _K_ATTRIBUTION, _K_CONTENT = 64, 128, 256, 512
_K_RARE, _K_BREAK, _K_DIGIT, _K_PAST = 1024, 2048, 4096, 8192
#: Distinct tokens whose kinds are kept (:data:`_KINDS`); past it they are read afresh.
TOKENS_KEPT = 500_000
_KINDS: dict[str, int] = {"\n": _K_BREAK}
# the patterns read over a batch's lines joined by "\n" (none matches across a line break; the
# breaks themselves come back from the findall ones, which cuts the findings into lines)
_WORD_LINES = re.compile(r"\n|" + _WORD.pattern)
_BULLET_LINES = re.compile(r"^[^\S\n]*(?:[-•*–—]|\d{1,2}[.)])[^\S\n]", re.MULTILINE)
_STOP_END_LINES = re.compile(_STOP_END.pattern, re.MULTILINE)
#: A weekday with a full date, the year included ("Saturday, Oct. 27, 2018", "Friday 24 June
#: 2022"), anywhere in the line: the way news agencies date a photo's caption; a paragraph
#: says "on Saturday" (on the 200 pages labelled this round: 38 caption lines, 1 body line
#: of 1,798). Read on lowercased text from each "day" on (a literal the search skips to; the
#: weekday before it is checked after), each part a bounded run: linear matching.
_DAY_DATE = re.compile(
    r"day,?[^\S\n]{1,3}(?:\d{1,2}(?:st|nd|rd|th)?[^\S\n]{1,3})?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?[^\S\n]{1,3}"
    r"(?:\d{1,2}(?:st|nd|rd|th)?,?[^\S\n]{1,3})?\d{4}\b"
)
_WEEKDAY_STEMS = ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")


def _weekday_dates(texts: Sequence[str]) -> np.ndarray:
    """Per text: whether it holds a weekday with a full date (:data:`_DAY_DATE` after a
    weekday's first part that starts a word), read on the texts joined and lowercased (each
    text lowercased apart: the same string, where one text outside ASCII would make
    lowercasing the joined texts several times slower)."""
    joined = _Joined.of(texts)
    low = "\n".join([text.lower() for text in texts])
    at = []
    for m in _DAY_DATE.finditer(low):
        i = m.start()
        for stem in _WEEKDAY_STEMS:
            j = i - len(stem)
            if j >= 0 and low.startswith(stem, j) and (j == 0 or not low[j - 1].isalnum()):
                at.append(i)
                break
    return joined._found(at)


_ELLIPSIS_LINES = re.compile(r"(?:\.\.\.|…|\[…\]|\[\.\.\.\])[^\w\n]{0,3}$", re.MULTILINE)


@lru_cache(maxsize=1)
def _listed() -> dict[str, int]:
    """The kinds (bits ``_K_*``) the word lists give: stopword, listed verb, month, weekday,
    photo word, photo verb, caption verb, word that makes the next no caption verb,
    attribution, past form (one dictionary, so a new token's listed kinds are one look-up)."""
    out: dict[str, int] = {}
    for bit, words in (
        (_K_STOP, _stopwords()), (_K_VERB, _VERBS), (_K_MONTH, _MONTHS), (_K_WEEKDAY, _WEEKDAYS),
        (_K_PHOTO, _PHOTO_WORDS), (_K_PHOTO_VERB, _PHOTO_VERBS), (_K_CAPTION, _CAPTION_VERBS),
        (_K_NOT_BEFORE, _NOT_BEFORE_VERB), (_K_ATTRIBUTION, _ATTRIBUTION), (_K_PAST, _PAST),
    ):  # fmt: skip
        for w in words:
            out[w] = out.get(w, 0) | bit
    return out


def _token_kinds(tokens: Sequence[str]) -> np.ndarray:
    """The kinds (bits ``_K_*``) of each token (``"\\n"``: a line break), each distinct token
    read once: stopword, verb (a listed one or a past form of five letters or more; past: one
    of :data:`_PAST` or such a form), month,
    weekday, photo word, photo verb, caption verb, word that makes the next no caption verb,
    attribution (:func:`_listed`), content word (three letters or more, from a letter, no
    stopword), rare, and a number (written ``0`` in terms). One pass over the new tokens."""
    kinds = _KINDS
    if len(kinds) > TOKENS_KEPT:
        kinds.clear()
        kinds["\n"] = _K_BREAK
    new = set(tokens).difference(kinds)
    if new:
        listed, common = _listed(), _common()
        for w in new:
            bit = listed.get(w, 0)
            if len(w) > 4 and w.endswith("ed"):
                bit |= _K_VERB | _K_PAST
            if not bit & _K_STOP and len(w) > 2 and w[0].isalpha():
                bit |= _K_CONTENT if w in common else _K_CONTENT | _K_RARE
            if w[:1].isdigit():
                bit |= _K_DIGIT
            kinds[w] = bit
    return np.fromiter(map(kinds.__getitem__, tokens), np.int64, count=len(tokens))


class _Joined(NamedTuple):
    """Texts joined by line breaks (none holds one), and where each starts in the joined."""

    text: str
    starts: np.ndarray

    @classmethod
    def of(cls, texts: Sequence[str]) -> _Joined:
        sizes = np.fromiter(map(len, texts), np.intp, count=len(texts)) + 1
        return cls("\n".join(texts), np.cumsum(sizes) - sizes)

    def with_pattern(self, pattern: re.Pattern[str]) -> np.ndarray:
        """Per text: whether ``pattern`` (which never crosses a line break) is in it."""
        return self._found([m.start() for m in pattern.finditer(self.text)])

    def with_any(self, literals: Sequence[str]) -> np.ndarray:
        """Per text: whether it holds one of ``literals``, each found by a plain substring
        search, at most once per text."""
        joined, at = self.text, []
        for literal in literals:
            i = joined.find(literal)
            while i >= 0:
                at.append(i)
                i = joined.find(literal, joined.find("\n", i) + 1 or len(joined))
        return self._found(at)

    def _found(self, at: list[int]) -> np.ndarray:
        found = np.zeros(len(self.starts), dtype=bool)
        found[np.searchsorted(self.starts, at, side="right") - 1] = True
        return found


#: Per ASCII character: a word character (``\\w``), a decimal digit (``\\d``), a letter of
#: :data:`_INITIAL` and a capital of :data:`_NO_CAPITALS`, one bit each.
_C_WORD, _C_DIGIT, _C_INITIAL, _C_CAPITAL = 1, 2, 4, 8


def _char_bits(c: str) -> int:
    """The bits ``_C_*`` of one character, as the regular expressions read it."""
    bits = _C_WORD * (c.isalnum() or c == "_") + _C_DIGIT * c.isdecimal()
    if "A" <= c <= "Z" or "a" <= c <= "z" or "\u00c0" <= c <= "\u00ff":
        bits |= _C_INITIAL
    return bits | _C_CAPITAL * ("A" <= c <= "Z" or "\u00c0" <= c < "\u00df")


_ASCII_BITS = np.array([_char_bits(chr(c)) for c in range(128)], dtype=np.uint8)


def _char_counts(joined: _Joined) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per text of ``joined``: how many of its initials (:data:`_INITIAL`: a letter after a
    word boundary) are capitals (:data:`_NO_CAPITALS`), how many initials it has and how many
    digits (``\\d``). The characters' code points as one array (a character's kind read once
    per distinct character), the counts per text as array operations: what the patterns find,
    without a string per match."""
    m = len(joined.starts)
    code = np.frombuffer(joined.text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    bits = np.take(_ASCII_BITS, code, mode="clip")  # past ASCII: read below
    wide = np.flatnonzero(code > 127)
    if len(wide):
        distinct, at = np.unique(code[wide], return_inverse=True)
        bits[wide] = np.array([_char_bits(chr(c)) for c in distinct.tolist()], np.uint8)[at]
    word = (bits & _C_WORD) > 0
    edge = word.copy()  # a word boundary before each character (none before the text)
    np.not_equal(word[1:], word[:-1], out=edge[1:])
    initial = edge & ((bits & _C_INITIAL) > 0)

    def per_text(found: np.ndarray) -> np.ndarray:  # how many characters of each text
        text = np.searchsorted(joined.starts, np.flatnonzero(found), side="right") - 1
        return np.bincount(text, minlength=m).astype(float)

    return (
        per_text(initial & ((bits & _C_CAPITAL) > 0)),
        per_text(initial),
        per_text((bits & _C_DIGIT) > 0),
    )


@dataclass(frozen=True, eq=False)
class _Read:
    """The text of a batch of lines read: per line its text features (the first ``_TEXT``
    columns of :data:`_BASE`), its opening (the words its terms are read from, see
    :func:`_terms`), its content words (ids, line after line; ``k`` per line) and its share
    of rare words."""

    text: np.ndarray
    openings: list[str]
    word: np.ndarray
    k: np.ndarray
    rare: np.ndarray


def _tokens(lows: Sequence[str]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """The project's tokenizer over lowercased texts: every token, text after text, its kinds
    and its text. One scan of the texts joined by line breaks."""
    if not lows:
        return [], np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.intp)
    found = _WORD_LINES.findall("\n".join(lows))
    kinds = _token_kinds(found)
    brk = kinds == _K_BREAK
    text = np.cumsum(brk)[~brk]
    return list(itertools.compress(found, (~brk).tolist())), kinds[~brk], text


def _segments(
    norms: Sequence[str], lows: Sequence[str]
) -> tuple[list[str], list[int], list[bool], list[str]]:
    """What to tokenise of each line: its head (lowercased), cut at its last space within
    :data:`WINDOW` characters when the line is longer (no token crosses a space), and the rest
    of its :data:`TOPIC_WINDOW` characters from there; so the content words of a long line
    are read once more only past its cut. Per head part: its line and whether its tokens are
    content tokens too; per long line, the rest to tokenise for its content words (its whole
    window when its head has no space)."""
    parts, line, shared, rest = [], [], [], []
    for i, (norm, low) in enumerate(zip(norms, lows, strict=True)):
        if len(norm) <= WINDOW:
            parts.append(low)
            line.append(i)
            shared.append(True)
            continue
        cut = norm.rfind(" ", 0, WINDOW + 1)
        if cut < 0:
            parts.append(low)
            line.append(i)
            shared.append(False)
            rest.append(norm[:TOPIC_WINDOW].lower())
        else:
            parts += [norm[:cut].lower(), norm[cut:WINDOW].lower()]
            line += [i, i]
            shared += [True, False]
            rest.append(norm[cut:TOPIC_WINDOW].lower())
    return parts, line, shared, rest


def _read_lines(norms: Sequence[str]) -> _Read:
    """Read the text of normalised lines at once: the :data:`_BASE` text features of each (its
    first :data:`WINDOW` characters; the end features its last ones), its terms (its opening's
    words and word pairs) and its content words (:data:`TOPIC_WINDOW` characters). One
    tokenisation per line shared by every feature that reads words, the kinds of each distinct
    token read once, the patterns run once over the lines joined, counts per line as array
    operations; only the slicing, the ends and the terms are read line by line."""
    m = len(norms)
    if not m:
        none = np.zeros(0, dtype=np.intp)
        return _Read(np.zeros((0, _TEXT)), [], none.astype(np.int64), none, np.zeros(0))
    heads = [s[:WINDOW] for s in norms]
    lows = [h.lower() for h in heads]
    parts, part_line, shared, rest = _segments(norms, lows)
    # the heads and the rest of the long lines' topic windows tokenised in one scan
    tokens, kinds, part = _tokens(parts + rest)
    cut = int(np.searchsorted(part, len(parts)))
    more = (tokens[cut:], kinds[cut:], part[cut:] - len(parts))
    tokens, kinds, part = tokens[:cut], kinds[:cut], part[:cut]
    line = np.asarray(part_line, dtype=np.intp)[part]
    first = np.searchsorted(line, np.arange(m))  # each line's first token
    pos = np.arange(len(line)) - first[line]
    k = np.bincount(line, minlength=m)
    kf = k.astype(float)
    extra = [s.count(" ", WINDOW) if len(s) > WINDOW else 0 for s in norms]
    n = k + np.array(extra, dtype=np.intp)
    anyof = np.zeros(m, dtype=np.int64)  # per line: the kinds of any of its tokens
    if len(kinds):
        anyof[k > 0] = np.bitwise_or.reduceat(kinds, first[k > 0])
    stops = np.bincount(line, weights=(kinds & _K_STOP) > 0, minlength=m)
    before = np.zeros_like(kinds)  # the kinds of the token before (in its line from pos 1)
    before[1:] = kinds[:-1]
    caption = (pos >= 1) & (pos <= 7) & ((kinds & _K_CAPTION) > 0) & ((before & _K_NOT_BEFORE) == 0)
    head_text, low_text = _Joined.of(heads), _Joined.of(lows)
    upper, initials, digits = _char_counts(head_text)
    lower = initials - upper - np.array([h[:1] in _LOWER_FIRST for h in heads])
    ends = [s.rstrip()[-12:] for s in norms]
    end_text = _Joined.of(ends)
    month = (anyof & _K_MONTH) > 0
    x = np.zeros((m, _TEXT))
    x[:, 0] = list(map(math.log1p, n.tolist()))
    x[:, 1] = n <= 4
    x[:, 2] = _ratio(stops, kf, k > 0)
    x[:, 3] = end_text.with_pattern(_STOP_END_LINES)
    x[:, 4] = [e.endswith(":") for e in ends]
    x[:, 5] = _ratio(lower, kf - 1, k > 1)
    x[:, 6] = _ratio(upper, kf, k > 0)
    x[:, 7] = [h.upper() == h and low != h for h, low in zip(heads, lows, strict=True)]
    x[:, 8] = digits / np.maximum(1, np.fromiter(map(len, heads), float, count=m))
    x[:, 9] = head_text.with_any(_SEPARATORS)
    x[:, 10] = low_text.with_any(_LINKS)
    x[:, 11] = (anyof & _K_VERB) > 0
    x[:, 12] = ['"' in h for h in heads]
    x[:, 13] = ((month & (digits > 0)) | np.array([low.startswith("date ") for low in lows])
                | head_text.with_pattern(_TIME))  # fmt: skip
    x[:, 14] = (anyof & _K_PHOTO) > 0
    x[:, 15] = head_text.with_pattern(_BULLET_LINES)
    x[:, 16] = end_text.with_pattern(_ELLIPSIS_LINES)
    x[:, 17] = [e.endswith("?") for e in ends]
    x[:, 18] = month & ((digits >= 4) | ((anyof & _K_WEEKDAY) > 0))
    x[:, 19] = ((anyof & _K_PHOTO_VERB) > 0) | low_text.with_any(_PHOTO_PHRASES)
    x[:, 20] = [_credit_end(s[-80:]) for s in norms]
    x[:, 21] = np.bincount(line, weights=caption, minlength=m) > 0
    x[:, 22] = (anyof & _K_ATTRIBUTION) > 0
    x[:, 23] = _weekday_dates(norms)
    x[:, 24] = (k >= 6) & ((anyof & _K_PAST) == 0)
    openings = _terms(tokens, kinds, line, pos, k, [len(s) > WINDOW and not h[-1].isspace()
                                          for s, h in zip(norms, heads, strict=True)])  # fmt: skip
    shared_tokens = np.asarray(shared, dtype=bool)[part]
    word, wk, rare = _content_words(norms, (tokens, kinds, line, shared_tokens), more)
    return _Read(x, openings, word, wk, rare)


def _terms(
    tokens: list[str],
    kinds: np.ndarray,
    line: np.ndarray,
    pos: np.ndarray,
    k: np.ndarray,
    cut: Sequence[bool],
) -> list[str]:
    """The opening of each line its terms are read from (:func:`_terms_of`): the first
    :data:`TERM_WORDS` of its head's tokens (``kinds``: their kinds, ``line``: the line of each,
    ``pos``: its index there; ``k`` per line: how many; ``cut``: the head ends inside a longer
    line, so its last word may be cut, and is left out when it is in the opening), numbers
    written ``0``, joined by spaces (kept in a line table: a string a line, not its terms)."""
    size = np.minimum(k, TERM_WORDS) - (np.asarray(cut, dtype=bool) & (k <= TERM_WORDS) & (k > 0))
    keep = pos < size[line]
    opening = np.array(list(itertools.compress(tokens, keep.tolist())), dtype=object)
    opening[(kinds[keep] & _K_DIGIT) > 0] = "0"
    forms = opening.tolist()
    ends = np.cumsum(size).tolist()
    return [" ".join(forms[a:b]) for a, b in zip([0, *ends[:-1]], ends, strict=True)]


def _terms_of(opening: str) -> tuple[str, ...]:
    """The terms of a line (:func:`line_terms`) from its opening (:func:`_terms`): its words
    and word pairs, each once, in order."""
    forms = opening.split(" ") if opening else []
    return tuple(dict.fromkeys([*forms, *map("{} {}".format, forms[:-1], forms[1:])]))


def _vocabulary_ids(openings: Sequence[str], model: LineModel) -> list[tuple[int, ...]]:
    """Per opening (:func:`_terms`), the vocabulary columns of its terms (:func:`_terms_of`)
    in their order, each once (distinct terms have distinct columns): its words' in turn, then
    its word pairs'. A word pair is looked up only when its first word opens a pair of the
    vocabulary (:attr:`LineModel.pair_firsts`). The forms of all openings are looked up in one
    pass, each an index into the vocabulary's words (:attr:`LineModel.term_index`), the pairs
    and the first of each column per opening found as array operations."""
    m = len(openings)
    if not m:
        return []
    known, word_column, pair_key, pair_column = model.term_index
    forms = " ".join(openings).split(" ")  # an empty opening gives one empty form
    size = np.fromiter(map(str.count, openings, itertools.repeat(" ")), np.intp, count=m) + 1
    line = np.repeat(np.arange(m), size)
    at = np.fromiter(map(known.get, forms, itertools.repeat(-1)), np.int64, count=len(forms))
    column = word_column[at]  # -1: an unknown form (the last entry), or a word only in pairs
    # a pair: two forms of one opening, the first opening a pair of the vocabulary
    j = np.flatnonzero((at[:-1] >= 0) & (at[1:] >= 0) & (line[1:] == line[:-1]))
    key = at[j] * np.int64(len(known)) + at[j + 1]
    found = np.minimum(np.searchsorted(pair_key, key), max(len(pair_key) - 1, 0))
    hit = (pair_key[found] == key) if len(pair_key) else np.zeros(len(key), dtype=bool)
    columns = np.concatenate([column, pair_column[found[hit]]])
    of = np.concatenate([line, line[j[hit]]])
    order = np.flatnonzero(columns >= 0)
    order = order[np.argsort(of[order], kind="stable")]  # per opening: its words, then pairs
    _, first = np.unique(of[order] * np.int64(len(model.terms) + 1) + columns[order],
                         return_index=True)  # fmt: skip
    order = order[np.sort(first)]  # each column once per opening, where it first came
    got = columns[order].tolist()
    cuts = np.searchsorted(of[order], np.arange(m + 1)).tolist()
    return [tuple(got[a:b]) for a, b in itertools.pairwise(cuts)]


def _content_words(
    norms: Sequence[str],
    head: tuple[list[str], np.ndarray, np.ndarray, np.ndarray],
    rest: tuple[list[str], np.ndarray, np.ndarray],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The content words of lines (see :func:`_content`): their ids, line after line, how many
    each line has and its share of rare ones. ``head`` holds the tokens of the lines' heads,
    their kinds, lines and whether they are content tokens too; ``rest`` the tokens of what is
    left to read of each line longer than :data:`WINDOW` (see :func:`_segments`), their kinds
    and which long line (in order) each is from."""
    tokens, kinds, line, keep = head
    m = len(norms)
    rows = np.flatnonzero(np.fromiter(map(len, norms), np.intp, count=m) > WINDOW)
    more, more_kinds, more_line = rest
    kinds = np.concatenate([kinds, more_kinds])
    content = np.concatenate([keep, np.ones(len(more), dtype=bool)]) & ((kinds & _K_CONTENT) > 0)
    found = list(itertools.compress(itertools.chain(tokens, more), content.tolist()))
    kinds, line = kinds[content], np.concatenate([line, rows[more_line]])[content]
    ids = _with_words(dict.fromkeys(found))
    word = np.fromiter(map(ids.__getitem__, found), np.int64, count=len(found))
    key = line.astype(np.int64) * np.int64(len(ids) + 1) + word
    key, first = np.unique(key, return_index=True)  # each word once per line, by line
    line, rare = line[first], (kinds[first] & _K_RARE) > 0
    k = np.bincount(line, minlength=m)
    return (
        word[first],
        k,
        _ratio(np.bincount(line, weights=rare, minlength=m), k.astype(float), k > 0),
    )


def _blocks(prose: np.ndarray, bounds: _Bounds) -> np.ndarray:
    """The :data:`_BLOCK` columns: the length (log) of the run of prose, or of lines that are
    not prose, that holds each line, and the shares of its page's prose lines after and before
    it. Array operations over the batch."""
    out = np.zeros((len(prose), len(_BLOCK)))
    p = prose.astype(np.int64)
    change = bounds.is_first | (p != bounds.shift(p, -1))
    run_id = np.cumsum(change) - 1
    run = np.log1p(np.bincount(run_id))[run_id]
    out[:, 0] = np.where(prose, 0.0, run)
    out[:, 1] = np.where(prose, run, 0.0)
    seen = np.cumsum(p)
    seen = seen - (seen[bounds.first] - p[bounds.first])  # prose lines so far in the page
    page_total = np.bincount(bounds.page, weights=p, minlength=len(bounds.starts) - 1)[bounds.page]
    total = np.maximum(1, page_total)
    out[:, 2] = (page_total - seen) / total
    out[:, 3] = (seen - p) / total
    return out


def _topicality(
    base: np.ndarray,
    content: tuple[np.ndarray, np.ndarray, np.ndarray],
    prose: np.ndarray,
    densest: np.ndarray,
    bounds: _Bounds,
    stories: Sequence[StoryView | None],
) -> np.ndarray:
    """The :data:`_TOPIC` and :data:`_STORY` columns: how far each line's content words are the
    page's story (:func:`_topic_rows`), and the story other outlets tell (:func:`_story`; a
    page alone falls back on its own other lines). ``content`` holds the ids of the lines'
    content words (:func:`_content`), line after line, per line how many and its share of
    rare words; ``densest`` per row the
    index of its page's densest prose line. Array operations over the batch's (line, word)
    pairs: a sparse line-by-word matrix held as its nonzero entries."""
    word, k, rare = content
    n = len(k)
    out = np.zeros((n, len(_TOPIC) + len(_STORY)))
    pages = len(bounds.starts) - 1
    heads = np.flatnonzero(base[:, _INDEX["rule_headline"]] > 0)
    head_row = np.full(pages, -1)
    found, at = np.unique(bounds.page[heads], return_index=True)
    head_row[found] = heads[at]
    entries = _Entries.of(word, k, bounds)
    tab = _topic_rows(entries, k, prose, head_row, densest, bounds)
    tab[:, 3] = rare
    out[:, [0, 1, 2, 4]] = tab[:, :4]
    out[:, 3] = _window_mean(out[:, 1], bounds)
    out[:, 5] = head_row[bounds.page] < 0
    out[:, 7] = np.bincount(bounds.page, weights=prose, minlength=pages)[bounds.page] / bounds.size
    s = len(_TOPIC)  # the story columns, in the order of _STORY
    alone = np.array([story is None for story in stories], dtype=bool)[bounds.page]
    out[:, s] = alone  # alone: the page's own other lines stand in
    out[:, s + 1] = np.where(alone, tab[:, 4], 0.0)
    out[:, s + 2] = np.where(alone, tab[:, 1], 0.0)
    out[:, s + 3] = out[:, s + 2]
    if not alone.all():
        told = _story(entries, k, stories, bounds)
        out[~alone, s + 1 : s + 4] = told[~alone]
    out[:, s + 4] = _window_mean(out[:, s + 2], bounds)
    out[:, s + 5] = _subheads(base, prose, tab[:, 1], bounds)
    return out


#: Every content word read so far and its id (ids are only compared, never shown: a line's
#: features do not depend on the order words were first seen).
_IDS: dict[str, int] = {}
_WORDS: list[str] = []
_IDS_LOCK = threading.Lock()


def _new_lock() -> None:
    global _IDS_LOCK, _TABLE_LOCK
    _IDS_LOCK = threading.Lock()
    _TABLE_LOCK = threading.Lock()


os.register_at_fork(after_in_child=_new_lock)  # a forked worker never inherits it held


def _word_ids(words: Iterable[str]) -> tuple[int, ...]:
    """The ids of content words, new words getting the next ones (one thread at a time)."""
    ids = _IDS
    words = list(words)
    with _IDS_LOCK:
        new = dict.fromkeys(itertools.compress(words, [w not in ids for w in words]))
        ids.update(zip(new, range(len(ids), len(ids) + len(new)), strict=True))  # first seen first
        return tuple(map(ids.__getitem__, words))


#: Distinct lines the line table (:class:`_LineTable`) holds; the first batch past it starts a
#: fresh one (what a line reads does not depend on the table it is in).
TABLE_LINES = 65_536


def _with_words(words: Iterable[str]) -> dict[str, int]:
    """The ids of content words (:data:`_IDS`), the new ones among ``words`` added in their
    order, as :func:`_word_ids` adds them (one thread at a time)."""
    ids = _IDS
    with _IDS_LOCK:
        new = [w for w in words if w not in ids]
        ids.update(zip(new, range(len(ids), len(ids) + len(new)), strict=True))
    return ids


class _LineTable:
    """Every distinct line read so far, read once: per row its text features (:func:`_read_line`),
    terms, content word ids (:func:`_content`, in one flat array, row after row) and share of
    rare words, its lowercase text and what the echo test reads of it. A batch's lines are rows
    of the table and their values are gathered by indexing arrays: an outlet's template lines,
    which recur on every page, and a page cleaned twice, are read once. One thread at a time
    adds rows; a table belongs to the word ids it was read with (:data:`_IDS`)."""

    def __init__(self) -> None:
        self.words = _IDS  # the word ids its content ids are (another process's differ)
        self.row: dict[str, int] = {}  # a line as given: its row
        self.by_norm: dict[str, int] = {}  # a line normalised: its row
        self.low: list[str] = []  # per row: its normalised text, lowercased
        self.openings: list[str] = []  # per row: the words its terms are read from
        self.low_row: dict[str, int] = {}  # a lowercased text: its first row (one per text)
        self.heads: dict[str, int] = {}  # an opening (lowercased): its id
        self.n = 0
        self.text = np.zeros((0, _TEXT))
        self.rare = np.zeros(0)
        self.k = np.zeros(0, dtype=np.intp)  # content words per row
        self.offset = np.zeros(0, dtype=np.intp)  # where its content words start in flat
        self.low_id = np.zeros(0, dtype=np.intp)  # the first row of its lowercased text
        self.valid = np.zeros(0, dtype=bool)  # echo: three words or more
        self.short = np.zeros(0, dtype=bool)  # echo: and at most ECHO_LONGEST characters
        self.head = np.zeros(0, dtype=np.int64)  # echo: the id of its first ECHO_CHARS
        self.flat = np.zeros(0, dtype=np.int64)
        self.used = 0  # entries of flat in use
        self.models: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def rows(self, lines: Sequence[str]) -> np.ndarray:
        """The rows of ``lines`` (as written; normalised here), new lines read and added."""
        got = np.fromiter(map(self.row.get, lines, itertools.repeat(-1)), np.intp,
                          count=len(lines))  # fmt: skip
        missing = np.flatnonzero(got < 0)
        if len(missing):
            new = list(dict.fromkeys(lines[i] for i in missing.tolist()))
            self._add(new)
            got[missing] = [self.row[lines[i]] for i in missing.tolist()]
        return got

    def _add(self, lines: list[str]) -> None:
        """Read new ``lines``: a line whose normalised text has a row shares it."""
        norms = [_spaced(normalise_line(line)) for line in lines]
        new = [norm for norm in dict.fromkeys(norms) if norm not in self.by_norm]
        start, m = self.n, len(new)
        self._grow(start + m)
        read = _read_lines(new)
        self.openings += read.openings
        self.text[start : start + m] = read.text
        self.rare[start : start + m] = read.rare
        # the echo columns of the new rows, gathered in lists and stored as slices (a numpy
        # element written one at a time costs more than the reading itself)
        rows = range(start, start + m)
        self.by_norm.update(zip(new, rows, strict=True))
        lows = [norm.lower() for norm in new]
        self.low += lows
        low_row, heads = self.low_row, self.heads
        self.low_id[start : start + m] = [low_row.setdefault(low, r)
                                          for low, r in zip(lows, rows, strict=True)]  # fmt: skip
        self.valid[start : start + m] = [low.count(" ", 0, ECHO_LONGEST) >= 2 for low in lows]
        self.short[start : start + m] = [len(low) <= ECHO_LONGEST for low in lows]
        self.head[start : start + m] = [heads.setdefault(low[:ECHO_CHARS], len(heads))
                                        for low in lows]  # fmt: skip
        k, total = read.k, len(read.word)
        if self.used + total > len(self.flat):
            self.flat = np.concatenate([self.flat, np.zeros(max(total, len(self.flat)), np.int64)])
        self.flat[self.used : self.used + total] = read.word
        self.k[start : start + m] = k
        self.offset[start : start + m] = self.used + np.cumsum(k) - k
        self.used += total
        self.short[start : start + m] &= self.valid[start : start + m]
        self.n += m
        self.row.update(zip(lines, map(self.by_norm.__getitem__, norms), strict=True))
        # a normalised line the cleaner hands on as it is (its logical line) finds its row
        # without normalising it again: one normalise leaves as it is (it has single spaces)
        # is its own normalised form
        for norm, r in zip(new, rows, strict=True):
            if is_normalised(norm):
                self.row.setdefault(norm, r)

    def _grow(self, n: int) -> None:
        """Room for ``n`` rows (doubling: adding rows is linear in them overall)."""
        if n <= len(self.rare):
            return
        size = max(n, 2 * len(self.rare), 1024)
        for name in ("text", "rare", "k", "offset", "low_id", "valid", "short", "head"):
            old = getattr(self, name)
            grown = np.zeros((size, *old.shape[1:]), dtype=old.dtype)
            grown[: len(old)] = old
            setattr(self, name, grown)

    def content(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The content word ids of ``rows``, row after row, and how many each has."""
        k = self.k[rows]
        total = int(k.sum())
        at = np.repeat(self.offset[rows] - (np.cumsum(k) - k), k) + np.arange(total)
        return self.flat[at], k

    def term_sums(self, model: LineModel) -> tuple[list[tuple[int, ...]], np.ndarray]:
        """Per row the columns of its terms in ``model``'s vocabulary and their summed weights
        per class (read once per row and model)."""
        ids, sums = self.models.get(model, ([], np.zeros((0, len(model.lexical)))))
        if len(ids) < self.n:
            new = _vocabulary_ids(self.openings[len(ids) :], model)
            ids = ids + new
            sums = np.vstack([sums, _term_sums(model, new)])
            self.models[model] = (ids, sums)
        return ids, sums


def _spaced(text: str) -> str:
    """``" ".join(text.split())``: ``text`` itself when its only whitespace is single spaces
    inside it (a printable text holds no whitespace but the space), the usual case."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


_TABLE: list[_LineTable] = [_LineTable()]
_TABLE_LOCK = threading.Lock()


def _line_table() -> _LineTable:
    """The line table a batch reads (a fresh one when the last is full or read with other
    word ids); hold :data:`_TABLE_LOCK`."""
    table = _TABLE[0]
    if table.n > TABLE_LINES or table.words is not _IDS:
        table = _TABLE[0] = _LineTable()
    return table


#: Entries of a batch's line-by-word matrix above which its (page, word) groups are found by
#: hashing (the group ids differ, the sums over them do not).
HASHED = 20_000


@dataclass(frozen=True, eq=False)
class _Entries:
    """The nonzero entries of the binary line-by-word matrix of a batch: per entry its row, its
    word id and its page, and the (page, word) group it falls in (``inv``: per entry its group;
    ``group_page``, ``group_word``: per group its page and word)."""

    row: np.ndarray
    word: np.ndarray
    page: np.ndarray
    group_page: np.ndarray
    inv: np.ndarray
    group_word: np.ndarray

    @classmethod
    def of(cls, word: np.ndarray, k: np.ndarray, bounds: _Bounds) -> _Entries:
        """The entries of lines with ``k`` content words each, ``word`` their ids in turn."""
        total = len(word)
        row = np.repeat(np.arange(len(k)), k)
        page = bounds.page[row]
        width = np.int64(word.max() + 1) if total else np.int64(1)
        key = page * width + word
        if total > HASHED:  # hashed, no sort
            inv, keys = pd.factorize(key)
        else:  # a page or a few: a sort costs less than setting up a hash table
            keys, inv = np.unique(key, return_inverse=True)
        return cls(row, word, page, keys // width, inv.reshape(-1), keys % width)

    def per_group(self, weights: np.ndarray) -> np.ndarray:
        """Sum of ``weights`` (one per entry) over each entry's group, per entry."""
        return np.bincount(self.inv, weights=weights)[self.inv]

    def per_row(self, weights: np.ndarray, n: int) -> np.ndarray:
        """Sum of ``weights`` (one per entry) over each row."""
        return np.bincount(self.row, weights=weights, minlength=n)


def _ratio(num: np.ndarray, den: np.ndarray, ok: np.ndarray) -> np.ndarray:
    """``num / den`` where ``ok``, 0 elsewhere."""
    return np.divide(num, den, out=np.zeros(len(num)), where=ok & (den > 0))


def _topic_rows(
    e: _Entries,
    k: np.ndarray,
    prose: np.ndarray,
    head_row: np.ndarray,
    densest: np.ndarray,
    bounds: _Bounds,
) -> np.ndarray:
    """Per line of a batch (columns): the cosine of its binary word vector with its page's
    headline line's (``head_row``, the rules' headline; the line itself left out), the share of
    its words found in another prose line of its page, the cosine with the word counts of the
    prose within :data:`CORE` lines of the page's densest (``densest``: per row its index in
    the page; the line itself left out), the share of rare words, and the share of its words in
    that core without it (a page alone's stand-in for other outlets' leads). Counts per
    (page, word) group summed over entries: linear in the batch's words, up to the sort."""
    n = len(k)
    out = np.zeros((n, 5))
    if not len(e.row):
        return out
    kf = k.astype(float)
    is_prose = prose.astype(float)
    in_core = prose & (np.abs(bounds.idx - densest) <= CORE)  # the line's words are the core's
    is_head = np.zeros(n)
    is_head[head_row[head_row >= 0]] = 1.0
    df = e.per_group(is_prose[e.row])  # in how many prose lines of the page the word is
    core = e.per_group(in_core[e.row].astype(float))  # in how many core lines
    head = e.per_group(is_head[e.row])  # in the headline line
    groups = np.bincount(e.inv, weights=in_core[e.row].astype(float))
    core_norm = np.bincount(e.group_page, weights=groups**2, minlength=len(bounds.starts) - 1)
    core_norm = core_norm[bounds.page]
    head_k = np.where(head_row >= 0, k[np.maximum(head_row, 0)], 0)[bounds.page]
    to_head = e.per_row(head, n)
    out[:, 0] = _ratio(to_head, np.sqrt(kf * head_k), (is_head == 0) & (head_k > 0))
    # in another prose line (a prose line counts itself once), or in any for other lines
    out[:, 1] = _ratio(e.per_row((df > is_prose[e.row]).astype(float), n), kf, k > 0)
    shared = e.per_row(core, n)
    own = in_core & (k > 0)
    norm = np.where(own, core_norm - 2 * shared + kf, core_norm)
    shared = np.where(own, shared - kf, shared)  # the line itself left out of the core
    out[:, 2] = _ratio(shared, np.sqrt(kf * norm), (shared > 0) & (norm > 0))
    out[:, 4] = _ratio(e.per_row((core > own[e.row]).astype(float), n), kf, k > 0)
    return out


def _story(
    e: _Entries, k: np.ndarray, stories: Sequence[StoryView | None], bounds: _Bounds
) -> np.ndarray:
    """The ``story_core``, ``story_prose`` and ``story_any`` columns (rows of pages with a
    story; 0 elsewhere): per line, the mean share of other outlets whose densest prose holds
    each of its content words, the same share for their prose, and the share of its words in
    any other outlet's prose. Per entry the corpus counts of its word (the entries grouped by
    story once) less its own outlet's (a sorted lookup of (view, word) keys), summed per row."""
    n = len(k)
    out = np.zeros((n, 3))
    views: dict[int, int] = {}
    counts: dict[int, int] = {}
    view_of = np.full(len(stories), -1)
    count_of = np.full(len(stories), -1)
    others = np.zeros(len(stories))
    for p, story in enumerate(stories):
        if story is not None:
            view_of[p] = views.setdefault(id(story), len(views))
            count_of[p] = counts.setdefault(id(story.words), len(counts))
            others[p] = story.others
    by_view = {views[id(s)]: s for s in stories if s is not None}
    width = np.int64(len(_IDS) + 1)
    own = [np.concatenate([v * width + s.ids[part] for v, s in by_view.items()])
           for part in (0, 1)]  # fmt: skip
    view = view_of[e.group_page]  # a page's words are its outlet's own or not: per group
    key = view * width + e.group_word
    own_prose, own_core = ((_sorted_in(key, _sorted(o)) & (view >= 0))[e.inv] for o in own)
    prose = np.zeros(len(e.row))
    core = np.zeros(len(e.row))
    words = {id(s.words): s.words for s in stories if s is not None}
    story_of = count_of[e.page]
    order = np.argsort(story_of, kind="stable")
    cuts = np.searchsorted(story_of[order], np.arange(len(counts) + 1))
    for w_id, c in counts.items():  # the entries of pages of each story
        p_arr, c_arr = words[w_id].counts
        mine = order[cuts[c] : cuts[c + 1]]
        mine = mine[e.word[mine] < len(p_arr)]
        prose[mine] = p_arr[e.word[mine]]
        core[mine] = c_arr[e.word[mine]]
    prose -= own_prose
    core -= own_core
    kn = k * others[bounds.page]
    ok = kn > 0
    out[:, 0] = _ratio(e.per_row(core, n), kn, ok)
    out[:, 1] = _ratio(e.per_row(prose, n), kn, ok)
    out[:, 2] = _ratio(e.per_row((prose > 0).astype(float), n), k.astype(float), ok)
    return out


def _unique(keys: np.ndarray) -> np.ndarray:
    """The distinct values of integer ``keys`` in ascending order (``np.unique``'s answer):
    marked in a table of their range when it is small (a few times the keys), else found by
    hashing and only they sorted (a sort of every key costs several times more)."""
    if not len(keys):
        return np.unique(keys)
    low, high = int(keys.min()), int(keys.max())
    if high - low <= 4 * len(keys):
        seen = np.zeros(high - low + 1, dtype=bool)
        seen[keys - low] = True
        return (np.flatnonzero(seen) + low).astype(keys.dtype)
    return np.sort(pd.unique(keys))


def _sorted(keys: np.ndarray) -> np.ndarray:
    """``keys`` in ascending order (as they are, when they already are)."""
    return keys if bool((keys[1:] >= keys[:-1]).all()) else np.sort(keys)


def _sorted_in(key: np.ndarray, sorted_keys: np.ndarray) -> np.ndarray:
    """Per value of ``key``: whether ``sorted_keys`` holds it: looked up in a table of their
    range when it is small (a few times the keys), else by a binary search each."""
    if not len(sorted_keys):
        return np.zeros(len(key), dtype=bool)
    low, high = int(sorted_keys[0]), int(sorted_keys[-1])
    if high - low <= 8 * (len(key) + len(sorted_keys)):
        table = np.zeros(high - low + 1, dtype=bool)
        table[sorted_keys - low] = True
        inside = (key >= low) & (key <= high)
        return inside & table[np.where(inside, key - low, 0)]
    at = np.minimum(np.searchsorted(sorted_keys, key), len(sorted_keys) - 1)
    return sorted_keys[at] == key


#: The most words (and the fewest) of a body subhead: a short title between two paragraphs.
SUBHEAD_WORDS = (2, 10)


def _subheads(base: np.ndarray, prose: np.ndarray, page: np.ndarray, bounds: _Bounds) -> np.ndarray:
    """The ``subhead`` column: for a short line (:data:`SUBHEAD_WORDS`) with no final stop, in
    title case or capitals, between two prose lines of its page, the share of its words the
    page's prose repeats (``page``); 0 for every other line."""
    words = np.expm1(base[:, _INDEX["words"]])
    shape = (
        (words >= SUBHEAD_WORDS[0] - 0.5)
        & (words <= SUBHEAD_WORDS[1] + 0.5)
        & (base[:, _INDEX["final_stop"]] == 0)
        & ((base[:, _INDEX["title_case"]] >= 0.5) | (base[:, _INDEX["capitals"]] > 0))
    )
    between = (bounds.shift(prose, -1, False) & bounds.shift(prose, 1, False)).astype(bool)
    return np.where(shape & between & ~prose, page, 0.0)


def _strings(ids: np.ndarray) -> frozenset[str]:
    """The content words of sorted word ids."""
    return frozenset(map(_words().__getitem__, ids.tolist()))


class StoryView(NamedTuple):
    """What the other outlets' pages of a story say to one outlet's page: the corpus counts
    (:class:`StoryWords`), the number of other outlets, and the sorted ids (:func:`_word_ids`)
    of the outlet's own prose and core words (taken back out of the counts); :attr:`prose`,
    :attr:`core` and :attr:`only` give them as words."""

    words: StoryWords
    others: int
    ids: tuple[np.ndarray, np.ndarray]
    outlet: str = ""

    def __reduce__(self) -> tuple:
        # word ids are this process's own: another process makes the view again from the words
        return (StoryWords.view, (self.words, self.outlet))

    @property
    def prose(self) -> frozenset[str]:
        """The content words of the outlet's prose."""
        return _strings(self.ids[0])

    @property
    def core(self) -> frozenset[str]:
        """The content words of the outlet's densest prose (its pages' cores)."""
        return _strings(self.ids[1])

    @property
    def only(self) -> frozenset[str]:
        """The words of the outlet's prose no other outlet's prose has."""
        counts = self.words.counts[0]
        return _strings(self.ids[0][counts[self.ids[0]] == 1])


@dataclass(frozen=True, eq=False)
class StoryWords:
    """In how many outlets' prose, and densest prose (their core), each content word is.

    Counted once over the pages of a corpus that tell one story (one pass over the pages; a
    word counts once per outlet); :meth:`view` gives one outlet's page what the others say,
    its own outlet left out, without copying the counts (linear in the corpus). Held as word
    ids (:func:`_word_ids`): ``counts`` the prose and core counts at each id, ``outlets`` per
    outlet the sorted ids of its prose and core words; :attr:`prose`, :attr:`core` and
    :attr:`by_outlet` give them as words.

    >>> story = StoryWords.count([
    ...     ("a", ["The storm flooded the harbour town overnight, officials said on Monday."]),
    ...     ("b", ["Officials said the storm flooded the harbour and closed the main road."]),
    ...     ("b", ["Subscribe to our newsletter"])])
    >>> story.prose["harbour"], story.prose.get("newsletter", 0), story.view("a").others
    (2, 0, 1)
    >>> story.view("c").others, story.view("a").prose == story.by_outlet["a"][0]
    (2, True)
    >>> sorted(story.view("b").only)
    ['closed', 'main', 'road']
    """

    counts: tuple[np.ndarray, np.ndarray]
    outlets: dict[str, tuple[np.ndarray, np.ndarray]]
    _views: dict[str, StoryView | None] = field(default_factory=dict, repr=False)

    @classmethod
    def count(cls, pages: Iterable[tuple[str, Sequence[str]]]) -> StoryWords:
        """Count the content words of ``(outlet, lines)`` pages (see :func:`page_words`): all
        pages read at once, the (outlet, word) pairs made unique by sorting."""
        listed = list(pages)
        return cls._of([o for o, _ in listed], _prose_words([lines for _, lines in listed]))

    @classmethod
    def _of(
        cls, outlet_of_page: Sequence[str], found: tuple[np.ndarray, np.ndarray, np.ndarray]
    ) -> StoryWords:
        """The counts of pages of the given outlets from their prose words (:func:`_prose_words`:
        per (line, word) entry its page, word id and whether the line is in the page's core)."""
        outlets: dict[str, int] = {}
        of_page = [outlets.setdefault(outlet, len(outlets)) for outlet in outlet_of_page]
        page, word, core = found
        width = np.int64(len(_IDS) + 1)
        key = np.asarray(of_page, dtype=np.int64)[page] * width + word
        per = [_unique(k) for k in (key, key[core])]  # (outlet, word): prose, core
        counts = tuple(np.bincount(keys % width, minlength=width).astype(float) for keys in per)
        cuts = [np.searchsorted(keys // width, np.arange(len(outlets) + 1)) for keys in per]
        ids = {
            name: tuple(keys[c[o] : c[o + 1]] % width for keys, c in zip(per, cuts, strict=True))
            for o, name in enumerate(outlets)
        }
        return cls((counts[0], counts[1]), ids)  # type: ignore[arg-type]

    @classmethod
    def count_stories(
        cls, stories: dict[str, Iterable[tuple[str, Sequence[str]]]]
    ) -> dict[str, StoryWords]:
        """:meth:`count` for each story of ``stories`` (a story: its ``(outlet, lines)``
        pages), the prose words of every story's pages read in one batch (each batch has a
        cost of its own: a hundred stories of a few pages read apart take a fifth longer),
        then counted story by story.

        >>> vote = [("b", ["The council vote on the harbour budget was held on Monday."])]
        >>> words = StoryWords.count_stories({"storm": [("a", ["Menu"])], "vote": vote})
        >>> words["vote"].prose == StoryWords.count(vote).prose, words["vote"].prose["harbour"]
        (True, 1)
        >>> sorted(words), words["storm"].prose
        (['storm', 'vote'], {})
        """
        pages = {story: list(story_pages) for story, story_pages in stories.items()}
        page, word, core = _prose_words([lines for p in pages.values() for _, lines in p])
        sizes = [len(p) for p in pages.values()]
        firsts = np.concatenate([[0], np.cumsum(sizes, dtype=np.intp)])
        cuts = np.searchsorted(page, firsts)  # entries are in page order: each story's slice
        out = {}
        for k, (story, story_pages) in enumerate(pages.items()):
            a, b = cuts[k], cuts[k + 1]
            found = (page[a:b] - firsts[k], word[a:b], core[a:b])
            out[story] = cls._of([outlet for outlet, _ in story_pages], found)
        return out

    def _as_words(self, counts: np.ndarray) -> dict[str, int]:
        found = np.flatnonzero(counts)
        words = _words()
        return dict(zip(map(words.__getitem__, found.tolist()), counts[found].astype(int).tolist(),
                        strict=True))  # fmt: skip

    @cached_property
    def prose(self) -> dict[str, int]:
        """In how many outlets' prose each content word is."""
        return self._as_words(self.counts[0])

    @cached_property
    def core(self) -> dict[str, int]:
        """In how many outlets' densest prose each content word is."""
        return self._as_words(self.counts[1])

    @cached_property
    def by_outlet(self) -> dict[str, tuple[frozenset[str], frozenset[str]]]:
        """Per outlet the content words of its prose and of its core."""
        return {o: (_strings(p), _strings(c)) for o, (p, c) in self.outlets.items()}

    def __reduce__(self) -> tuple:
        # word ids are this process's own: pickled as words, read back with the receiver's ids
        return (_story_words, (self.prose, self.core, self.by_outlet))

    def view(self, outlet: str) -> StoryView | None:
        """What the other outlets say to a page of ``outlet`` (None when there is no other);
        made once per outlet."""
        if outlet not in self._views:
            none = np.zeros(0, dtype=np.int64)
            others = len(self.outlets) - (outlet in self.outlets)
            ids = self.outlets.get(outlet, (none, none))
            self._views[outlet] = StoryView(self, others, ids, outlet) if others else None
        return self._views[outlet]


def _story_words(
    prose: dict[str, int], core: dict[str, int], by_outlet: dict[str, tuple[frozenset, frozenset]]
) -> StoryWords:
    """A :class:`StoryWords` from its counts and outlets in words (an unpickled one)."""
    words = list(prose.keys() | core.keys())
    ids = np.array(_word_ids(words), dtype=np.intp)
    counts = np.zeros((2, int(ids.max()) + 1 if len(ids) else 0))
    counts[0, ids] = [prose.get(w, 0) for w in words]
    counts[1, ids] = [core.get(w, 0) for w in words]
    outlets = {o: tuple(np.sort(np.array(_word_ids(ws), dtype=np.int64)) for ws in both)
               for o, both in by_outlet.items()}  # fmt: skip
    return StoryWords((counts[0], counts[1]), outlets)  # type: ignore[arg-type]


def page_words(lines: Sequence[str]) -> tuple[frozenset[str], frozenset[str]]:
    """Return the content words of a page's prose and of its core (see :func:`_content`).

    Prose: lines of eight words or more ending with a full stop; the core: prose within
    :data:`CORE` lines of the densest prose (words times share of stopwords, smoothed with the
    lines either side), as the page features read it.

    >>> lines = ["Menu", "The storm flooded the harbour town overnight on Sunday.", "Share"]
    >>> prose, core = page_words(lines)
    >>> sorted(prose), core == prose
    (['flooded', 'harbour', 'overnight', 'storm', 'sunday', 'town'], True)
    """
    _, word, core = _prose_words([lines])
    words = _words()
    return (frozenset(map(words.__getitem__, word.tolist())),
            frozenset(map(words.__getitem__, word[core].tolist())))  # fmt: skip


def _prose_words(pages: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The content words of the prose of many pages (see :func:`page_words`; blank lines left
    out): per (line, word) entry its page, its word id and whether the line is in the page's
    core. One pass over the lines, then array operations with the page boundaries."""
    kept = [list(filter(str.strip, lines)) for lines in pages]
    sizes = [len(p) for p in kept]
    with _TABLE_LOCK:
        table = _line_table()
        rows = table.rows(list(itertools.chain.from_iterable(kept)))
    n = len(rows)
    text = table.text[rows]
    words, stop, final = (text[:, _INDEX[name]] for name in ("words", "stopwords", "final_stop"))
    bounds = _Bounds.of(np.concatenate([[0], np.cumsum(sizes, dtype=np.intp)]).astype(np.intp))
    prose = (words >= _PROSE_WORDS) & (final > 0)
    density = words * stop
    prev = np.where(bounds.is_first, density, bounds.shift(density, -1))
    after = np.where(bounds.is_last, density, bounds.shift(density, 1))
    density = np.where(bounds.size > 2, (prev + density + after) / 3, density)
    at = np.zeros(len(sizes), dtype=np.intp)
    at[np.flatnonzero(np.diff(bounds.starts) > 0)] = _segment_argmax(density, bounds) if n else []
    core = prose & (np.abs(bounds.idx - (at[bounds.page] - bounds.first)) <= CORE)
    at_prose = np.flatnonzero(prose)
    word, k = table.content(rows[at_prose])
    return bounds.page[np.repeat(at_prose, k)], word, np.repeat(core[at_prose], k)


def _words() -> list[str]:
    """Every content word read so far, at its id (:data:`_IDS` holds them in id order)."""
    with _IDS_LOCK:
        if len(_WORDS) < len(_IDS):
            _WORDS.extend(itertools.islice(_IDS, len(_WORDS), None))
    return _WORDS


def line_terms(line: str) -> tuple[str, ...]:
    """Return the lowercase words and word pairs of a line's opening, each once.

    Words are read as the project's tokenizer reads them (letters with inner apostrophes and
    hyphens; a number is written ``0``), lowercased, from the first :data:`TERM_WORDS` words of
    the line (within its first :data:`WINDOW` characters). The line model's vocabulary is a set of such terms.

    >>> line_terms("Sign up for our newsletter at 7:30")
    ('sign', 'up', 'for', 'our', 'newsletter', 'at', '0', 'sign up', 'up for', 'for our', 'our newsletter', 'newsletter at', 'at 0')
    """
    return _read_line(_norm(line))[1]


def title_case(line: str) -> float:
    """Return the share of a line's words that open with a capital: the line model's
    ``title_case`` feature of this one line (read from its first :data:`WINDOW` characters).

    Headline style (AP, Chicago) capitalises a headline's words; running prose capitalises
    names and the first word. :data:`CASED_SHARE` or more reads as headline style.

    >>> title_case("Cubs Win the Series for the First Time.")
    0.625
    >>> title_case("The team said it would play again next year.")
    0.1111111111111111
    """
    return float(_read_line(_norm(line))[0][_INDEX["title_case"]])


#: The inputs of the trees beyond :data:`FEATURES`: the logistic model's log-probability of
#: each class (the trees are stacked on it and read its terms through it).
STACKED = tuple(f"logistic:{c}" for c in CLASSES)


@dataclass(frozen=True, eq=False)
class TreeEnsemble:
    """Gradient-boosted regression trees as flat arrays, one raw score per class.

    Every node of every tree is one index: an inner node sends a row to ``left`` when its
    ``feature`` column is at most ``threshold``, else to ``right``; a leaf points to itself
    (threshold infinite) and holds ``value``. A line's score for a class is ``baseline`` plus
    the leaf values of that class's trees (``klass``); a softmax of the scores gives the class
    probabilities (Friedman 2001, gradient boosting with the multinomial deviance; the trees
    of scikit-learn's ``HistGradientBoostingClassifier``). All trees are walked at once, one
    array step per level (``depth``): numpy only, linear in the page.

    >>> one = TreeEnsemble(np.array([0, 0, 0]), np.array([0.5, np.inf, np.inf]),
    ...     np.array([1, 1, 2]), np.array([2, 1, 2]), np.array([0.0, -1.0, 1.0]),
    ...     np.array([0]), np.array([2]), np.zeros(len(CLASSES)), 1)
    >>> one.scores(np.array([[0.2], [0.9]]))[:, 2].tolist()
    [-1.0, 1.0]
    """

    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    roots: np.ndarray
    klass: np.ndarray
    baseline: np.ndarray
    depth: int

    @cached_property
    def _onehot(self) -> np.ndarray:
        out = np.zeros((len(self.roots), len(CLASSES)))
        out[np.arange(len(self.roots)), self.klass] = 1.0
        return out

    def scores(self, x: np.ndarray) -> np.ndarray:
        """Raw class scores of each row of ``x`` (rows, inputs)."""
        node = np.broadcast_to(self.roots, (len(x), len(self.roots)))
        rows = np.arange(len(x))[:, None]
        for _ in range(self.depth):
            go_left = x[rows, self.feature[node]] <= self.threshold[node]
            node = np.where(go_left, self.left[node], self.right[node])
        return self.baseline + self.value[node] @ self._onehot


#: Features the second stage reads beside the first stage's probabilities, each as it is and
#: relative to the page's body (minus its mean over the page weighted by each line's first-stage
#: body probability): a line about the story, or as long and plain as the page's body.
STACK_FEATURES = ("words", "stopwords", "topic_headline", "topic_page", "topic_core",
                  "story_any", "rare_words", "sentence")  # fmt: skip
#: The inputs of the second stage (:class:`Stack`): the first stage's log class probabilities
#: of the line (floored at -20), the class probabilities of the lines up to :data:`NEAR`
#: either side (0 off the page) and whether each is on the page, the line's log body
#: probability minus the page's median, the page's median and mean body probability, and
#: :data:`STACK_FEATURES` as they are and relative to the page's body.
STACK_INPUTS = (
    *(f"logp:{c}" for c in CLASSES),
    *(f"p{by:+d}:{c}" for by in (*range(-NEAR, 0), *range(1, NEAR + 1)) for c in CLASSES),
    *(f"on_page{by:+d}" for by in (*range(-NEAR, 0), *range(1, NEAR + 1))),
    "logp_over_page_median:body",
    "page_median:body",
    "page_mean:body",
    *STACK_FEATURES,
    *(f"{name}_over_page_body" for name in STACK_FEATURES),
)


def stack_inputs(logp: np.ndarray, x: np.ndarray, bounds: _Bounds) -> np.ndarray:
    """The second stage's inputs of each line (rows, :data:`STACK_INPUTS`) from the first
    stage's log class probabilities ``logp`` (rows, classes) and the features ``x`` of the
    lines of pages ``bounds``."""
    p = np.exp(logp)
    shifts = (*range(-NEAR, 0), *range(1, NEAR + 1))
    near = [bounds.shift(p, by) for by in shifts]
    on = [bounds.near_ok[k].astype(float) for k in range(2 * NEAR)]
    body = p[:, 0]
    count = np.maximum(np.bincount(bounds.page), 1)
    mean = np.bincount(bounds.page, weights=body) / count
    weight = np.maximum(np.bincount(bounds.page, weights=body), 1e-9)
    f = x[:, [_INDEX_ALL[name] for name in STACK_FEATURES]]
    page_body = np.column_stack(
        [np.bincount(bounds.page, weights=body * col) / weight for col in f.T]
    ).reshape(len(count), len(STACK_FEATURES))
    floor = np.maximum(logp, -20.0)
    return np.column_stack([
        floor, *near, *on, floor[:, 0] - _segment_median(floor[:, 0], bounds),
        _segment_median(body, bounds), mean[bounds.page], f, f - page_body[bounds.page],
    ])  # fmt: skip


@dataclass(frozen=True, eq=False)
class Stack:
    """A second-stage multinomial logistic model on the first stage's class probabilities of
    a line and of its neighbours (stacked sequential learning, Cohen & Carvalho 2005,
    "Stacked sequential learning": fitted on the first stage's out-of-fold probabilities, so
    it learns how a line's neighbourhood on a page it has not seen corrects its own score).
    ``weights`` (classes, inputs) act on :func:`stack_inputs` standardised by ``mean`` and
    ``scale``.

    >>> k, n = len(CLASSES), len(STACK_INPUTS)
    >>> plain = Stack(np.zeros(n), np.ones(n), np.zeros((k, n)), np.zeros(k))
    >>> bounds = _Bounds.of(np.array([0, 2]))
    >>> even = np.log(np.full((2, k), 1 / k))
    >>> np.exp(plain.log_proba(even, np.zeros((2, len(FEATURES))), bounds))[0].round(2).tolist()
    [0.2, 0.2, 0.2, 0.2, 0.2]
    """

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    intercept: np.ndarray

    def log_proba(self, logp: np.ndarray, x: np.ndarray, bounds: _Bounds) -> np.ndarray:
        """The second stage's log class probabilities of each line."""
        z = (stack_inputs(logp, x, bounds) - self.mean) / self.scale
        return _log_softmax(z @ self.weights.T + self.intercept)


@dataclass(frozen=True, eq=False)
class LineModel:
    """The fitted model: standardisation, weights per class, decoder transitions and body bias.

    ``terms`` is the vocabulary of line terms (:func:`line_terms`) and ``term_weights`` their
    weights per class (a term present adds its column to the line's class scores);
    ``near_weights`` (optional) their weights when they are on the previous or the next line of
    the page (the lexical channel of ``data/line_words.csv``: a line under "Related stories"
    or above "Read more" reads those words too). The decoder
    adds ``body_bias`` to every line's body score, ``sentence_bias`` to a line of eight words or
    more that reads as a sentence and ``kept_bias`` to a line the rule cleaner keeps (of at
    least ``kept_words`` words: a short fragment the rules keep gets no bonus). With ``trees``
    the class probabilities are those of the trees stacked on the logistic model.
    """

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray  # (classes, features)
    intercept: np.ndarray  # (classes,)
    start: np.ndarray  # (states,) log-probabilities
    transitions: np.ndarray  # (states, states) log-probabilities, -inf where not allowed
    body_bias: float
    sentence_bias: float
    source: str
    terms: tuple[str, ...] = ()
    term_weights: np.ndarray = field(default_factory=lambda: np.zeros((len(CLASSES), 0)))
    kept_bias: float = 0.0
    trees: TreeEnsemble | None = None
    kept_words: int = 0
    end: np.ndarray | None = None  # (states,) log-probabilities of a page ending in each state
    # (2, classes, terms): a term's weights when it is on the previous line, on the next line
    near_weights: np.ndarray | None = None
    # the second stage on the class probabilities of the line and its neighbours (:class:`Stack`)
    stack: Stack | None = None

    @cached_property
    def lexical(self) -> np.ndarray:
        """The term weights summed per line (rows: classes, then with :attr:`near_weights`
        the classes again for the line after it and for the line before it, which read it as
        their previous and next line)."""
        if self.near_weights is None:
            return self.term_weights
        return np.vstack([self.term_weights, *self.near_weights])

    @cached_property
    def _affine(self) -> tuple[np.ndarray, np.ndarray]:
        """Standardisation folded into the weights: scores = x @ w + b."""
        w = (self.weights / self.scale).T
        return w, self.intercept - self.mean @ w

    @cached_property
    def vocabulary(self) -> dict[str, int]:
        """Column of each term in :attr:`term_weights`."""
        return {t: j for j, t in enumerate(self.terms)}

    @cached_property
    def pair_firsts(self) -> frozenset[str]:
        """The first words of the word pairs of the vocabulary."""
        return frozenset(t.split(" ", 1)[0] for t in self.terms if " " in t)

    @cached_property
    def term_index(self) -> tuple[dict[str, int], np.ndarray, np.ndarray, np.ndarray]:
        """The words of the vocabulary's terms as indices (:func:`_vocabulary_ids`): each
        word's index (the words of its pairs too), per index the word's column (-1: a word only
        in pairs; the last entry: an unknown word), and the pairs whose first word opens a pair
        (:attr:`pair_firsts`, every pair) as sorted keys (first index times the number of
        words, plus the second) with their columns."""
        known: dict[str, int] = {}
        pairs = []
        for term, column in self.vocabulary.items():
            parts = term.split(" ")
            for part in parts:
                known.setdefault(part, len(known))
            if len(parts) == 2 and parts[0] in self.pair_firsts:
                pairs.append((parts[0], parts[1], column))
        word_column = np.full(len(known) + 1, -1, dtype=np.int64)
        for term, column in self.vocabulary.items():
            if " " not in term:
                word_column[known[term]] = column
        width = len(known)
        keys = np.array([known[a] * width + known[b] for a, b, _ in pairs], dtype=np.int64)
        order = np.argsort(keys, kind="stable")
        return known, word_column, keys[order], np.array([c for *_, c in pairs], np.int64)[order]

    def term_ids(self, lines: Sequence[str]) -> list[tuple[int, ...]]:
        """Per line: the columns of its terms that are in the vocabulary."""
        return [_term_ids(self, line) for line in lines]

    def log_proba(self, x: np.ndarray, ids: Sequence[tuple[int, ...]] | None = None) -> np.ndarray:
        """Log class probabilities of each row of a feature matrix and its lines' terms: the
        logistic model's, or with :attr:`trees` the trees' on the features and those."""
        sums = _term_sums(self, ids)[:, : len(CLASSES)] if ids else None
        return self._log_proba(x, sums)

    def _log_proba(self, x: np.ndarray, term_sums: np.ndarray | None) -> np.ndarray:
        """:meth:`log_proba` with each line's summed term weights (rows, classes) given."""
        w, b = self._affine
        with one_blas_thread():  # too small a product to gain from threads
            scores = x @ w + b
        if term_sums is not None:  # each line's terms add their weights
            scores += term_sums
        logp = _log_softmax(scores)
        if self.trees is None:
            return logp
        return _log_softmax(self.trees.scores(np.hstack([x, logp])))


def _log_softmax(scores: np.ndarray) -> np.ndarray:
    """Log-softmax of each row; the row's maximum and its sum of exponentials taken column by
    column (a few columns, many rows: quicker than a reduction along each short row, and the
    same sum, added left to right)."""
    cols = scores.T
    top = reduce(np.maximum, cols[1:], cols[0])
    scores = scores - top[:, None]
    e = np.exp(scores).T
    return scores - np.log(reduce(np.add, e[1:], e[0]))[:, None]


def _term_sums(model: LineModel, ids: Sequence[tuple[int, ...]]) -> np.ndarray:
    """The summed weights per class of each line's terms (rows: lines). Lines with as many
    terms are summed together, one reduction over each line's weights in their order (each
    sum is the one numpy makes of that line alone): one call per term count, not per line."""
    weights = model.lexical
    out = np.zeros((len(ids), len(weights)))
    size = np.fromiter(map(len, ids), np.intp, count=len(ids))
    for k in np.unique(size[size > 0]).tolist():
        at = np.flatnonzero(size == k)
        cols = np.array(list(map(ids.__getitem__, at.tolist())), dtype=np.intp)
        out[at] = weights[:, cols].sum(axis=2).T
    return out


def load_line_terms(model: LineModel | None = None) -> None:
    """Load ``model`` (None: :func:`load_line_model`'s) and read, for it, the terms of every
    line the line table holds (their vocabulary columns and summed weights,
    :meth:`_LineTable.term_sums`), once, in this process: worker processes forked after this
    call (a corpus's cleaning, after the story words read its lines) inherit both and read only
    their new lines' terms. Each line's sums are the ones it gets read alone, so the decisions
    are the same either way.

    >>> _ = StoryWords.count([("a", ["The council met on Monday to vote on the budget."])])
    >>> load_line_terms()
    >>> load_line_model() in _TABLE[0].models
    True
    """
    model = model or load_line_model()
    if model.terms:
        with _TABLE_LOCK:
            _line_table().term_sums(model)


def _with_near(sums: np.ndarray, bounds: _Bounds) -> np.ndarray:
    """Each line's class scores from terms (rows, classes): its own terms' (the first
    columns of ``sums``, :func:`_term_sums`), plus the previous line's terms read as a previous
    line's and the next line's read as a next line's (none across a page's edge)."""
    k = len(CLASSES)
    if sums.shape[1] == k:
        return sums
    return sums[:, :k] + bounds.shift(sums[:, k : 2 * k], -1) + bounds.shift(sums[:, 2 * k :], 1)


def pooled(first: LineModel, second: LineModel, weight: float) -> LineModel:
    """One line model whose class probabilities are the two models' pooled geometrically:
    ``p ∝ p1**weight * p2**(1 - weight)``, a logarithmic opinion pool (Genest & Zidek 1986,
    "Combining probability distributions"; a weighted product of experts, Hinton 2002).

    Two logistic models pool into one: the pooled scores are ``weight`` times the first's plus
    ``1 - weight`` times the second's (each line's own normalising constant cancels in the
    softmax), so the second's weights are restated in the first's standardisation and the two
    vocabularies united (a term one model lacks adds nothing from it). The first model's
    decoder, biases and source are kept; models with trees or neighbour terms do not pool.

    >>> n, k = len(FEATURES), len(CLASSES)
    >>> def toy(intercept):
    ...     return LineModel(np.zeros(n), np.ones(n), np.zeros((k, n)), np.array(intercept),
    ...                      np.zeros(len(STATES)), np.zeros((len(STATES),) * 2), 0.0, 0.0, "toy")
    >>> a = toy([0.0, math.log(3), -30, -30, -30])  # body 1/4, headline 3/4
    >>> b = toy([math.log(3), 0.0, -30, -30, -30])  # body 3/4, headline 1/4
    >>> np.round(np.exp(pooled(a, b, 0.5).log_proba(np.zeros((1, n))))[0, :2], 3).tolist()
    [0.5, 0.5]
    """
    if first.trees is not None or second.trees is not None:
        raise ValueError("models with trees do not pool into one logistic model")
    if first.near_weights is not None or second.near_weights is not None:
        raise ValueError("models with neighbour terms do not pool into one logistic model")
    # the second's scores in the first's standardisation: W2 (x - m2) / s2
    # = (W2 s1 / s2) (x - m1) / s1 + W2 (m1 - m2) / s2
    restated = second.weights * (first.scale / second.scale)
    shift = second.weights @ ((first.mean - second.mean) / second.scale)
    terms = tuple(sorted(set(first.terms) | set(second.terms)))
    column = {t: j for j, t in enumerate(terms)}
    term_weights = np.zeros((len(CLASSES), len(terms)))
    for model, share in ((first, weight), (second, 1.0 - weight)):
        term_weights[:, [column[t] for t in model.terms]] += share * model.term_weights
    return replace(
        first,
        weights=weight * first.weights + (1.0 - weight) * restated,
        intercept=weight * first.intercept + (1.0 - weight) * (second.intercept + shift),
        terms=terms,
        term_weights=term_weights,
    )


@lru_cache(maxsize=65_536)
def _term_ids(model: LineModel, line: str) -> tuple[int, ...]:
    vocab = model.vocabulary
    return tuple(vocab[t] for t in _read_line(line)[1] if t in vocab)


_TERM_PREFIX = "term:"


def _read_model(csv_text: str, toml_text: str, source: str) -> LineModel:
    body = "\n".join(line for line in csv_text.splitlines() if not line.startswith("#"))
    rows = list(csv.DictReader(io.StringIO(body)))
    names = [name for name, _, _ in FEATURES]
    by_name = {r["feature"]: r for r in rows}
    missing = [n for n in ["(intercept)", *names] if n not in by_name]
    if missing:
        raise InputError(source, f"line model lacks features {missing[:5]}; retrain it")
    terms = tuple(r["feature"][len(_TERM_PREFIX) :] for r in rows
                  if r["feature"].startswith(_TERM_PREFIX))  # fmt: skip
    try:
        table = np.array([[float(by_name[n][c]) for c in CLASSES] for n in names])
        mean = np.array([float(by_name[n]["mean"]) for n in names])
        scale = np.array([float(by_name[n]["scale"]) for n in names])
        intercept = np.array([float(by_name["(intercept)"][c]) for c in CLASSES])
        term_weights = np.array(
            [[float(by_name[_TERM_PREFIX + t][c]) for c in CLASSES] for t in terms]
        ).reshape(len(terms), len(CLASSES))
        decoder = tomllib.loads(toml_text)
        start = np.array([float(decoder["start"].get(s, -math.inf)) for s in STATES])
        trans = np.array(
            [[float(decoder["transitions"][a].get(b, -math.inf)) for b in STATES] for a in STATES]
        )
        bias = float(decoder["body_bias"])
        sentence_bias = float(decoder["sentence_bias"])
        kept_bias = float(decoder.get("kept_bias", 0.0))
        kept_words = int(decoder.get("kept_words", 0))
        end = (np.array([float(decoder["end"].get(s, -math.inf)) for s in STATES])
               if "end" in decoder else None)  # fmt: skip
    except (KeyError, ValueError, TypeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(source, f"line model or decoder is malformed: {exc}") from None
    return LineModel(mean, np.where(scale > 0, scale, 1.0), table.T, intercept, start, trans,
                     bias, sentence_bias, source, terms, term_weights.T, kept_bias,
                     kept_words=kept_words, end=end)  # fmt: skip


_TREE_COLUMNS = ("tree", "class", "node", "feature", "threshold", "left", "right", "value")


def _read_trees(csv_text: str, source: str) -> TreeEnsemble:
    """The trees of ``data/line_trees.csv`` (format at its top) as a :class:`TreeEnsemble`."""
    body = "\n".join(line for line in csv_text.splitlines() if not line.startswith("#"))
    reader = csv.DictReader(io.StringIO(body))
    if tuple(reader.fieldnames or ()) != _TREE_COLUMNS:
        raise InputError(source, f"tree file needs the columns {','.join(_TREE_COLUMNS)}")
    inputs = {name: j for j, name in enumerate([n for n, _, _ in FEATURES] + list(STACKED))}
    baseline = np.zeros(len(CLASSES))
    feature, threshold, left, right, value, roots, klass = [], [], [], [], [], [], []
    depth: dict[int, int] = {}
    try:
        for r in reader:
            k = CLASSES.index(r["class"])
            if r["tree"] == "baseline":
                baseline[k] = float(r["value"])
                continue
            node = int(r["node"])
            if node == 0:
                roots.append(len(feature))
                klass.append(k)
            start = roots[-1]
            leaf = not r["feature"]
            feature.append(0 if leaf else inputs[r["feature"]])
            threshold.append(math.inf if leaf else float(r["threshold"]))
            left.append(start + (node if leaf else int(r["left"])))
            right.append(start + (node if leaf else int(r["right"])))
            value.append(float(r["value"]) if leaf else 0.0)
            depth[len(feature) - 1] = 0 if node == 0 else depth[start + node]
            if not leaf:  # children are listed after their parent
                depth[left[-1]] = depth[right[-1]] = depth[len(feature) - 1] + 1
    except (KeyError, ValueError, IndexError) as exc:
        raise InputError(source, f"tree file is malformed: {exc}") from None
    return TreeEnsemble(np.array(feature, dtype=np.intp), np.array(threshold),
                        np.array(left, dtype=np.intp), np.array(right, dtype=np.intp),
                        np.array(value), np.array(roots, dtype=np.intp),
                        np.array(klass, dtype=np.intp), baseline,
                        max(depth.values(), default=0))  # fmt: skip


#: The columns of the lexical channel's file (``data/line_words.csv``): a term, the weights
#: per class it adds on its own line, then on the line after it (the term read as that line's
#: previous line's) and on the line before it (read as that line's next line's).
WORD_COLUMNS = ("term", *CLASSES, *(f"previous:{c}" for c in CLASSES),
                *(f"next:{c}" for c in CLASSES))  # fmt: skip


def _read_words(csv_text: str, source: str, model: LineModel) -> LineModel:
    """``model`` with the lexical channel of ``data/line_words.csv`` (format at its top): each
    row's own weights added to its term's (a term new to the model joins its vocabulary), and
    its weights on the neighbouring lines (:attr:`LineModel.near_weights`; zero for a term
    without a row)."""
    body = "\n".join(line for line in csv_text.splitlines() if not line.startswith("#"))
    reader = csv.DictReader(io.StringIO(body))
    if tuple(reader.fieldnames or ()) != WORD_COLUMNS:
        raise InputError(source, f"word file needs the columns {','.join(WORD_COLUMNS)}")
    try:
        rows = [(r["term"], [float(r[c]) for c in WORD_COLUMNS[1:]]) for r in reader]
    except (ValueError, TypeError) as exc:
        raise InputError(source, f"word file is malformed: {exc}") from None
    terms = [t for t, _ in rows]
    if "" in terms or len(set(terms)) < len(terms):
        raise InputError(source, "word file has an empty or a repeated term")
    k = len(CLASSES)
    new = [t for t in terms if t not in model.vocabulary]
    vocab = {t: j for j, t in enumerate([*model.terms, *new])}
    own = np.hstack([model.term_weights, np.zeros((k, len(new)))])
    near = np.zeros((2, k, len(vocab)))
    cols = np.array([vocab[t] for t in terms], dtype=np.intp)
    w = np.array([v for _, v in rows]).reshape(len(rows), 3 * k).T
    own[:, cols] += w[:k]
    near[0][:, cols], near[1][:, cols] = w[k : 2 * k], w[2 * k :]
    return replace(model, terms=(*model.terms, *new), term_weights=own, near_weights=near)


@lru_cache(maxsize=8)
def load_line_model(
    weights: str | Path | None = None,
    decoder: str | Path | None = None,
    trees: str | Path | None = None,
    words: str | Path | None = None,
) -> LineModel:
    """Load the line model shipped in ``data/`` (or the given weight, decoder and tree files).

    The decoder file says whether the model stacks trees on the logistic model (``trees =
    true``); their file is then ``trees`` or the shipped ``data/line_trees.csv``. It says too
    whether a lexical channel adds terms (``words = true``: ``words`` or the shipped
    ``data/line_words.csv``, their weights on the line and on its neighbours).

    >>> model = load_line_model()
    >>> model.weights.shape == (len(CLASSES), len(FEATURES)), model.body_bias >= 0
    (True, True)
    >>> bool(np.isfinite(model.transitions[STATES.index("after"), STATES.index("body")]))
    False
    """
    csv_text, csv_source = read_text(weights, "line_model.csv")
    toml_text, toml_source = read_text(decoder, "line_decoder.toml")
    model = _read_model(csv_text, toml_text, str(csv_source))
    try:
        stacked = tomllib.loads(toml_text).get("trees", False)
        lexical = tomllib.loads(toml_text).get("words", False)
    except tomllib.TOMLDecodeError as exc:  # pragma: no cover - _read_model raised already
        raise InputError(toml_source, f"decoder is malformed: {exc}") from None
    if lexical is True or words is not None:
        word_text, word_source = read_text(words, "line_words.csv")
        model = _read_words(word_text, str(word_source), model)
    if stacked is not True and trees is None:
        return model
    tree_text, tree_source = read_text(trees, "line_trees.csv")
    return replace(model, trees=_read_trees(tree_text, str(tree_source)))


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
    lines: Sequence[str],
    evidence: Sequence[Evidence],
    *,
    model: LineModel | None = None,
    title_given: bool = False,
    explain: Sequence[bool] | None = None,
    story: StoryView | None = None,
) -> list[tuple[str, str]]:
    """Return, per line, its class (:data:`CLASSES`) and why in words (empty for body lines).

    Class probabilities from the line model, then the most likely state sequence (Viterbi)
    with the body bias; a line in a non-body state takes the most likely of chrome, caption and
    byline. With ``title_given`` (the headline is known, and the rules marked its line) only
    that line may be the headline; otherwise the headline state chooses it, the rules' guess
    being one feature among others. ``explain`` says which lines want their reason in words
    (default all; a caller that keeps another reason for a line skips the work). See the
    module docstring for an example. ``story`` is what other outlets' pages of the same story
    say (:meth:`StoryWords.view`); a page alone is decided without it. One page of
    :func:`decide_pages`.
    """
    return decide_pages([Page(lines, evidence, title_given, explain, story)], model=model)[0]


class Page(NamedTuple):
    """One page for :func:`decide_pages`: its lines, the rules' evidence, whether its headline
    is given, which lines want their reason in words (None: all) and its story view."""

    lines: Sequence[str]
    evidence: Sequence[Evidence]
    title_given: bool = False
    explain: Sequence[bool] | None = None
    story: StoryView | None = None


def decide_pages(
    pages: Sequence[Page], *, model: LineModel | None = None
) -> list[list[tuple[str, str]]]:
    """Return, per page, :func:`decide`'s answer: all pages in one batched pass.

    The features of every line of every page as one matrix (:func:`pages_features`), one
    matrix product (or tree pass) for their class probabilities, one Viterbi pass over all pages
    at once (pages of like length together, one array step per line), the reasons in words of
    every removed line at once. A page's answer does not depend on the other pages.

    >>> ev = [Evidence("headline"), Evidence(sentence=True)]
    >>> page = Page(["Storm Hits Coast", "The storm hit the coast on Monday, officials said."], ev)
    >>> [[label for label, _ in p] for p in decide_pages([page, Page([], [])])]
    [['headline', 'body'], []]
    """
    model = model or load_line_model()
    (x, starts), rows, table = _features([(p.lines, p.evidence, p.story) for p in pages])
    if not len(x):
        return [[] for _ in pages]
    bounds = _Bounds.of(starts)
    ids, sums = None, None
    if model.terms:  # each line's terms and their summed weights, read once per line
        with _TABLE_LOCK:
            term_ids, term_sums = table.term_sums(model)
        ids = list(map(term_ids.__getitem__, rows.tolist()))
        sums = _with_near(term_sums[rows], bounds)
    logp = model._log_proba(x, sums)
    if model.stack is not None:  # the second stage reads the line's neighbourhood
        logp = model.stack.log_proba(logp, x, bounds)
    other = np.log(np.exp(logp[:, 2:]).sum(axis=1))
    head = logp[:, 1].copy()
    long = x[:, _INDEX["words"]] >= math.log1p(8)
    # a headline does not end with a full stop once it is a sentence of eight words or more
    # (a question may: "Will the town ever be the same?"; a title-case line with a full stop
    # does not read as a sentence: "After The Storm, Neighbours Rebuild The Old Mill.")
    head[_ends_sentence(x) & (x[:, _INDEX["question"]] == 0) & long] = -math.inf
    # nor is it a paragraph: a headline has at most HEADLINE_LONGEST words
    head[x[:, _INDEX["words"]] > math.log1p(HEADLINE_LONGEST)] = -math.inf
    # nor an item of a list: a line of a run of LIST_ITEMS bulleted lines or more
    runs = _bullet_runs(x, bounds)
    beside = runs[2] >= LIST_ITEMS
    head[beside] = -math.inf
    ruled = x[:, _INDEX["rule_headline"]] > 0
    given = np.array([p.title_given for p in pages], dtype=bool)
    ruled_page = np.bincount(bounds.page, weights=ruled, minlength=len(pages)) > 0
    # the headline is known: the model keeps to its line
    head[(given & ruled_page)[bounds.page] & ~ruled] = -math.inf
    # nor is it in capitals unless the rules take it for the headline (a masthead, a section
    # label; the lead's headline shapes read it so too)
    head[(x[:, _INDEX["capitals"]] > 0) & ~ruled] = -math.inf
    # body first: a line that reads as a news sentence needs strong evidence to go
    # the rules keep it in the body, and it is more than a fragment
    # (a list item the rules take for the headline counts as kept: a list item is no headline)
    ruled_only_head = x[:, _RULED].sum(axis=1) == np.where(beside, x[:, _INDEX["rule_headline"]], 0)
    kept = ruled_only_head & (x[:, _INDEX["words"]] >= math.log1p(model.kept_words))
    # a caption below the article's start: the rules keeping it is no evidence it is body
    kept &= ~_pictured(x, logp, bounds, long)
    listed = _list_items(x, bounds, runs) | _lead_ins(x, bounds)
    body = (
        logp[:, 0]
        + model.body_bias
        + model.sentence_bias * (long & (x[:, _INDEX["sentence"]] > 0))
        + model.kept_bias * (kept | listed)
    )
    # the kept bias is the headline's too for a headline-shaped line of the page's lead: the
    # rules keep a headline they did not take for one, and it is kept text as the title
    head = head + model.kept_bias * (kept & _lead_headlines(x, bounds, long, ruled))
    emit = np.column_stack([other, head, body, other, other])
    path = _viterbi_pages(emit, bounds, model.start, model.transitions,
                          _page_ends(model.end, x, bounds))  # fmt: skip
    # the title: the lead's most likely headline when the decoder's is not likely one, or
    # when it shares no word with the densest prose and another likely one does
    path = _best_headline(path, np.where(np.isfinite(head), logp[:, 1], -np.inf), bounds,
                          x[:, _TOPIC_CORE])  # fmt: skip
    # a title off the story gives way to a headline-shaped line on it above the first sentence
    path = _story_title(path, np.where(np.isfinite(head), logp[:, 1], -np.inf), x, bounds, long)
    # a title that is another lead line with words glued on (a site name, a breadcrumb) gives
    # way to that line
    lead = _lead_rows(x, bounds, long)
    with _TABLE_LOCK:
        low = {int(i): table.low[rows[i]] for i in np.flatnonzero(lead & np.isfinite(head) | ruled)}
    path = _glued_title(path, np.isfinite(head) & lead, ruled & lead, low, bounds)
    # a second look at the lines the kept bias alone kept in the body
    saved = kept & ~listed & (body - model.kept_bias < other)
    path, looked = _second_look(path, x, saved, bounds)
    need = _repeat_candidates(path, x, bounds)
    with _TABLE_LOCK:  # the content words of the titles and the lines that may repeat them
        text, (word, k) = table.low_id[rows], table.content(rows[need])
    counts = np.zeros(len(rows), dtype=np.intp)
    counts[need] = k
    path, repeats = _title_repeats(path, x, text, (word, counts), bounds)
    looked.update(repeats)
    # a page still without a title takes the rules' headline if it is on the page's story, or
    # else the likeliest headline on the story above the article's first sentence
    path = _ruled_title(path, x, np.where(np.isfinite(head), logp[:, 1], -np.inf), ruled,
                        bounds, long)  # fmt: skip
    # a page left without a title: its first body line, in title case with a final stop
    path = _cased_title(path, x, bounds)
    others = 2 + np.argmax(logp[:, 2:], axis=1)
    fixed = _STATE_FIXED[path]
    ks = np.where(fixed >= 0, fixed, others)
    asked = np.fromiter(
        itertools.chain.from_iterable(
            itertools.repeat(True, len(p.lines)) if p.explain is None else p.explain for p in pages
        ),
        dtype=bool,
        count=len(x),
    )
    said = _explanations(model, x, ids, np.where(asked, ks, 0), bounds=bounds)
    plain = [(label, "") for label in CLASSES]  # a line without reason: one tuple per class
    said_all = [plain[k] for k in ks.tolist()]
    for i, why in said.items():
        said_all[i] = (CLASSES[ks[i]], why)
    for i, why in looked.items():
        if asked[i]:
            said_all[i] = (CLASSES[ks[i]], f"{why}; {said.get(i, '')}".rstrip("; "))
    return [said_all[a:b] for a, b in itertools.pairwise(starts.tolist())]


#: Picture evidence among the text features: a present-tense picture verb, a picture phrase
#: ("is seen", "left,"), a photo credit at the end, a photo or agency word.
_PICTURE = [_INDEX[name] for name in ("caption_verb", "photo_verb", "credit_end", "photo_word")]


def _pictured(x: np.ndarray, logp: np.ndarray, bounds: _Bounds, long: np.ndarray) -> np.ndarray:
    """Per line: whether it reads as a photo caption below the article's start: picture
    evidence (:data:`_PICTURE`), no attribution and no quotation, ending with a full stop or a
    credit, more likely a caption than body to the model (``logp``), and below its page's
    first line of prose (``long``: eight words or more, reading as a sentence) that has no
    picture evidence (a caption above the article's start is left to the decoder's lead).
    The rules keep a caption without a credit word, so their keeping such a line is no
    evidence it is body: it gets no kept bias (issue 18: present-tense captions kept between
    and after the paragraphs; leave-story-out and leave-outlet-out, alone and with the story,
    10 to 19 more non-body lines of 1,768 removed and no body line more lost)."""
    pic = (x[:, _PICTURE].sum(axis=1) > 0) & (x[:, _INDEX["attribution"]] == 0)
    pic &= x[:, _INDEX["quote"]] == 0
    pic &= (x[:, _INDEX["final_stop"]] > 0) | (x[:, _INDEX["credit_end"]] > 0)
    prose = np.flatnonzero(long & (x[:, _INDEX["sentence"]] > 0) & ~pic)
    first = np.full(len(bounds.starts) - 1, np.iinfo(np.intp).max)
    pages, at = np.unique(bounds.page[prose], return_index=True)
    first[pages] = bounds.idx[prose[at]]
    return pic & (bounds.idx > first[bounds.page]) & (logp[:, 3] > logp[:, 0])


#: The share of content words with the page's densest prose (``topic_core``) below which a
#: line above the article's first sentence is off its lede (:func:`_second_look`).
LOOK_CORE = 0.1


def _second_look(
    path: np.ndarray, x: np.ndarray, saved: np.ndarray, bounds: _Bounds
) -> tuple[np.ndarray, dict[int, str]]:
    """The decoded states (``path``) with a second look at the body lines the kept bias alone
    saved (``saved``: the rules keep them, and without the kept bias the model scores them
    more likely chrome, caption or byline than body), judged with their page: a line goes
    when it does not read as a sentence and it is off the page's story (no content word of
    the densest prose nor of the other prose, or repeated on other pages of the outlet) or
    outside the article: no prose line after it, or none before it, on a page with prose; by
    position alone only a line of at most :data:`HEADLINE_WORDS` words (not a paragraph whose
    ending is broken), and above the article only one that shares almost nothing with the
    densest prose (``topic_core`` below :data:`LOOK_CORE`: a standfirst sits there too, and
    sums up the lede). A line that reads as a sentence goes only when it shares no word with
    the page's story and is outside the article. A removed line takes the state around it (``before``, ``inbody`` or
    ``after``) and its reason in words (per row).

    Body first: a kept line the model alone scores as body is never looked at, nor a list
    item the body introduces; a sentence needs the strong evidence of both (issue 18: two
    thirds of the chrome the model kept was kept by the bias; weakening it for every line
    lost body).

    On a page with no other prose, the densest line (the one ``topic_core`` is measured
    against) is never off the story: its topicality is read with itself left out, so with no
    other prose it shares no word with any and would read as off its own story (issue 18: a
    page of one paragraph, a caption glued to its end, lost it at a body bias of 0.97)."""
    body = STATES.index("body")
    look = saved & (path == body)
    if not look.any():
        return path, {}
    sentence = _news_sentences(x)
    core = x[:, _COLUMN["topic_core"]]
    off = (core == 0) & (x[:, _COLUMN["topic_page"]] == 0) & (x[:, _COLUMN["story_prose"]] == 0)
    # the densest line of a page with no other prose is the story it is measured by
    own = (x[:, _INDEX["words"]] >= _PROSE_WORDS) & (x[:, _INDEX["sentence"]] > 0)
    others = np.rint(x[:, _COLUMN["page_prose"]] * bounds.size) - own
    off &= (x[:, _COLUMN["from_prose"]] > 0) | (others > 0)
    outlet = x[:, _INDEX["repeated_outlet"]] > 0
    has_prose = x[:, _COLUMN["page_prose"]] > 0
    below = has_prose & (x[:, _COLUMN["prose_after"]] == 0)
    above = has_prose & (x[:, _COLUMN["prose_before"]] == 0)
    story = off | outlet
    # position alone takes no paragraph-length line (a paragraph whose ending is broken), and
    # above the article only a line that shares (almost) nothing with its densest prose: the
    # standfirst, which sums up the lede, sits there too
    short = x[:, _INDEX["words"]] <= math.log1p(HEADLINE_WORDS)
    # above the article, an item of a list of points the body keeps stays with them (a
    # summary's points: names and numbers share few words with the lede, yet they are the story)
    bullet = x[:, _INDEX["bullet"]] > 0
    kept_item = bullet & (path == body) & ~look
    point = bullet & ((bounds.shift(kept_item, -1) > 0) | (bounds.shift(kept_item, 1) > 0))
    placed = short & (below | (above & (core < LOOK_CORE) & ~point))
    # a sentence only off the story and outside the article: its repetition on the outlet's
    # pages is no evidence against it (a background paragraph recurs from story to story)
    # (a point that reads as a sentence stays with them too: it needs stronger evidence to go)
    drop = look & np.where(sentence, off & (below | (above & ~point)), story | placed)
    if not drop.any():
        return path, {}
    out = path.copy()
    rows = np.flatnonzero(drop)
    # the state around it: before the page's first body line, after its last, or within
    is_body = (path == body).astype(np.intp)
    first = np.full(len(bounds.starts) - 1, np.iinfo(np.intp).max)
    last = np.full(len(bounds.starts) - 1, -1)
    on = np.flatnonzero(is_body & ~drop)
    np.minimum.at(first, bounds.page[on], on)
    np.maximum.at(last, bounds.page[on], on)
    page = bounds.page[rows]
    out[rows] = np.where(rows < first[page], STATES.index("before"),
                         np.where(rows > last[page], STATES.index("after"),
                                  STATES.index("inbody")))  # fmt: skip
    said = {}
    for i in rows.tolist():
        words = ["reads as a sentence" if sentence[i] else "does not read as a sentence"]
        if off[i]:
            words.append("no word of the page's story")
        if outlet[i]:
            words.append("repeated on other pages of this outlet")
        if below[i] and (sentence[i] or placed[i]):
            words.append("after the article's last sentence")
        elif above[i] and (sentence[i] or placed[i]):
            words.append("before the article's first sentence")
        said[i] = "second look: kept text the model takes for chrome, " + ", ".join(words)
    return out, said


#: The share of their content words (of the two lines' together) a line that does not read as
#: a sentence shares with its page's title to repeat it (:func:`_title_repeats`); a title of
#: at least :data:`REPEAT_WORDS` content words.
REPEAT_SHARE = 0.6
REPEAT_WORDS = 3


def _titles(path: np.ndarray, x: np.ndarray, bounds: _Bounds) -> np.ndarray:
    """The rows of the pages' titles that do not read as sentences (each page's first line in
    the headline state; :func:`_title_repeats`)."""
    heads = np.flatnonzero(path == STATES.index("headline"))
    _, at = np.unique(bounds.page[heads], return_index=True)
    title = heads[at]
    return title[x[title, _INDEX["sentence"]] == 0]


def _repeat_candidates(path: np.ndarray, x: np.ndarray, bounds: _Bounds) -> np.ndarray:
    """Per line: whether :func:`_title_repeats` reads its content words: a title that does not
    read as a sentence, or a body line that does not either on a page with such a title."""
    title = _titles(path, x, bounds)
    titled = np.zeros(len(bounds.starts) - 1, dtype=bool)
    titled[bounds.page[title]] = True
    out = (path == STATES.index("body")) & (x[:, _INDEX["sentence"]] == 0) & titled[bounds.page]
    out[title] = True
    return out


def _title_repeats(
    path: np.ndarray,
    x: np.ndarray,
    text: np.ndarray,
    content: tuple[np.ndarray, np.ndarray],
    bounds: _Bounds,
) -> tuple[np.ndarray, dict[int, str]]:
    """The decoded states (``path``) with every other line of a page that repeats its title
    taken out of the body: the headline again in a breadcrumb, a share box, a list of links to
    the story's other pages, with a word changed or three times over. A repeat has the same
    text, case aside (``text``: one id per distinct lowercased text), or does not read as a
    sentence, has at most one content word the title lacks (a line that extends the headline
    with words says more: "..., Ministers Say" stays) and shares at least
    :data:`REPEAT_SHARE` of the content words of the two lines together with a title of
    :data:`REPEAT_WORDS` content words or more (``content``: the lines' content word ids, line
    after line, and how many each has; the Jaccard index). It
    takes the state around it (``before``, ``inbody`` or ``after``) and its reason in words
    (per row). Body first: only a title that does not read as a sentence counts (a page that
    doubles its text repeats its paragraphs; a title taken from a paragraph must not take that
    paragraph's twin). Issue 18: on the 460 pages of the seven older line batches, 26 lines
    repeat the decoded title word for word and 3 more share 0.6 or more of its words with one
    word changed, none of them body; no body line that reads as no sentence shares 0.4 or more
    (the share was set between the two)."""
    b = STATES.index("body")
    title = _titles(path, x, bounds)  # each page's first headline line, if no sentence
    if not len(title):
        return path, {}
    pages = len(bounds.starts) - 1
    key = np.full(pages, -1, dtype=np.intp)
    key[bounds.page[title]] = text[title]
    body = path == b
    drop = body & (text == key[bounds.page])
    # near repeats: each line's distinct content words against its page's title's (``content``
    # may hold none for a line that cannot be one: :func:`_repeat_candidates`)
    word, k = content
    line = np.repeat(np.arange(len(path)), k)
    span = int(word.max()) + 1 if len(word) else 1
    pair = np.unique(line * span + word)  # (line, word), each once
    line, word = pair // span, pair % span
    is_title = np.zeros(len(path), dtype=bool)
    is_title[title] = True
    held = np.unique(bounds.page[line[is_title[line]]] * span + word[is_title[line]])
    shared = np.bincount(line, weights=_sorted_in(bounds.page[line] * span + word, held),
                         minlength=len(path))  # fmt: skip
    size = np.bincount(line, minlength=len(path))
    title_size = np.zeros(pages)
    title_size[bounds.page[title]] = size[title]
    union = size + title_size[bounds.page] - shared
    near = (title_size[bounds.page] >= REPEAT_WORDS) & (shared >= REPEAT_SHARE * union)
    near &= size - shared <= 1  # a word of its own at most: a line that says more is no repeat
    near &= body & (x[:, _INDEX["sentence"]] == 0) & ~is_title
    drop |= near
    if not drop.any():
        return path, {}
    out = path.copy()
    is_body = body & ~drop
    first = np.full(pages, np.iinfo(np.intp).max)
    last = np.full(pages, -1)
    body_rows = np.flatnonzero(is_body)
    np.minimum.at(first, bounds.page[body_rows], body_rows)
    np.maximum.at(last, bounds.page[body_rows], body_rows)
    rows = np.flatnonzero(drop)
    page = bounds.page[rows]
    out[rows] = np.where(rows < first[page], STATES.index("before"),
                         np.where(rows > last[page], STATES.index("after"),
                                  STATES.index("inbody")))  # fmt: skip
    return out, dict.fromkeys(rows.tolist(), "repeats the page's headline")


def _news_sentences(x: np.ndarray) -> np.ndarray:
    """Per line: whether it reads as a news sentence: a sentence of prose (the rules'
    ``sentence``), or eight words or more with a finite verb, mostly lowercase words and no
    instruction to the reader, whatever its ending: a lead-in that ends with a colon
    ("Here is what we know about each of the victims:"), a summary point without its full stop.
    Removing such a line needs strong evidence (:func:`_second_look`; issue 18: a lead-in, read
    as "not a sentence", was taken as chrome although the body went on after it)."""
    return (x[:, _INDEX["sentence"]] > 0) | (
        (x[:, _INDEX["words"]] >= math.log1p(8))
        & (x[:, _INDEX["verb"]] > 0)
        & (x[:, _INDEX["lowercase"]] >= 0.5)
        & (x[:, _INDEX["imperative"]] == 0)
    )


def _list_items(
    x: np.ndarray,
    bounds: _Bounds,
    runs: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None,
) -> np.ndarray:
    """Per line: whether it is an item of a list the body introduces: a bulleted line in a
    run of bulleted lines right under a line that ends with a colon and that the rules keep
    ("The fund listed three goals:"). The kept bias is each item's, however short: a list
    that ends the article goes on with the body to its last item (issue 18: the last item,
    next to the page's share buttons, was dropped).

    Likewise a run of two bulleted lines or more between two news sentences the rules keep
    (:func:`_news_sentences`): the body goes on after the list, so the list is the body's
    (issue 18: a list of the victims' names and ages between two paragraphs, each item a few
    capitalised words, went as chrome). ``runs``: :func:`_bullet_runs` of the batch, when the
    caller has them."""
    bullet = x[:, _INDEX["bullet"]] > 0
    kept = x[:, _RULED].sum(axis=1) == 0
    intro = (x[:, _INDEX["colon"]] > 0) & kept
    above, below, run = _bullet_runs(x, bounds) if runs is None else runs
    # a list has two items or more (a sign-off "— A Reporter" between paragraphs is none)
    inside = (above >= bounds.first) & (below < bounds.first + bounds.size) & (run >= 2)
    prose = kept & _news_sentences(x)
    up, down = np.maximum(above, 0), np.minimum(below, len(x) - 1)
    return bullet & (above >= bounds.first) & (intro[up] | (inside & prose[up] & prose[down]))


#: Bulleted lines in a run that make it a list no line of which is a headline.
LIST_ITEMS = 3


def _bullet_runs(x: np.ndarray, bounds: _Bounds) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per line: the row of the nearest line above it that is not bulleted (-1 for none), the
    row of the nearest one below it (the batch's length for none; either may be on another
    page: compare with ``bounds``), and the length of its run of bulleted lines within its
    page (0 for a line not bulleted)."""
    bullet = x[:, _INDEX["bullet"]] > 0
    rows = np.arange(len(x))
    above = np.maximum.accumulate(np.where(bullet, -1, rows))
    below = np.minimum.accumulate(np.where(bullet, len(x), rows)[::-1])[::-1]
    first, end = bounds.first, bounds.first + bounds.size
    run = np.minimum(below, end) - np.maximum(above, first - 1) - 1
    return above, below, np.where(bullet, run, 0)


#: The fewest words of a lead-in (:func:`_lead_ins`).
LEAD_IN_WORDS = 5


def _lead_ins(x: np.ndarray, bounds: _Bounds) -> np.ndarray:
    """Per line: whether it is a lead-in to a quotation or a list: :data:`LEAD_IN_WORDS` words
    or more ending with a colon, mostly lowercase, no instruction to the reader, no boilerplate
    phrase (the rules' verdict by the line's place alone is no evidence against it), and the
    next line of its page bulleted or opening with a quotation ("A short letter on the
    company's website states:" above the letter, "The fund listed three goals:" above them).
    Like the list items under it, it gets the kept bias whatever the model reads in its few
    words and no second look (issue 18: such lead-ins, read as "not a sentence", went as chrome
    with the quotation or list staying). A colon line above a plain sentence is no lead-in
    ("Here is the weekend guide:"): off the story, the second look may still take it."""
    opens = (x[:, _INDEX["bullet"]] > 0) | (x[:, _INDEX["quote"]] > 0)
    nxt = bounds.shift(opens, 1, False).astype(bool)
    return (
        (x[:, _INDEX["colon"]] > 0)
        & (x[:, _INDEX["words"]] >= math.log1p(LEAD_IN_WORDS))
        & (x[:, _INDEX["lowercase"]] >= 0.5)
        & (x[:, _INDEX["imperative"]] == 0)
        & (x[:, _INDEX["rule_phrase"]] == 0)
        & nxt
    )


def _ends_sentence(x: np.ndarray) -> np.ndarray:
    """Per line (feature rows ``x``): whether it ends a sentence: a final stop on a line that
    reads as one (four words or more, lowercase words after the first). A title-case line with
    a full stop ("After The Storm, Neighbours Rebuild The Old Mill.") ends none: a headline
    may be written so (issue 18: dev-13), a paragraph is not.

    >>> x = np.zeros((3, len(FEATURES)))
    >>> x[:2, _INDEX["final_stop"]] = 1.0
    >>> x[[0, 2], _INDEX["sentence"]] = 1.0
    >>> _ends_sentence(x).tolist()
    [True, False, False]
    """
    return (x[:, _INDEX["final_stop"]] > 0) & (x[:, _INDEX["sentence"]] > 0)


def _best_headline(
    path: np.ndarray, head: np.ndarray, bounds: _Bounds, topic: np.ndarray
) -> np.ndarray:
    """The decoded states (``path``) with the headline of a page moved, when the line the
    decoder gave it is less likely a headline than not (``head``: each line's headline
    log-probability, -inf where it may not be one), to the line of the page's lead most likely
    one: the lead is every line above the page's first body line, so no line changes between
    body and removed (issue 18: a site name above the headline taken for it, the decoder's
    moves favouring an early headline). Likewise when the decoder's line shares no content
    word with the page's densest prose (``topic``: each line's ``topic_core``) and another
    line of the lead is more likely a headline than not and does: it goes to the most likely
    of those (a headline is about the story; a site name above it is not). A page without a
    headline keeps none; the lines of the old headline become chrome before the body."""
    h, b = STATES.index("headline"), STATES.index("body")
    pages = len(bounds.starts) - 1
    rows = np.arange(len(path))
    first_body = np.full(pages, np.iinfo(np.intp).max)
    on, at = np.unique(bounds.page[path == b], return_index=True)
    first_body[on] = np.flatnonzero(path == b)[at]
    on, at = np.unique(bounds.page[path == h], return_index=True)
    title = np.flatnonzero(path == h)[at]  # each page's first headline line: its title
    weak = np.zeros(pages, dtype=bool)
    weak[on] = head[title] < math.log(0.5)
    lead = rows < first_body[bounds.page]
    score = np.where(lead & weak[bounds.page], head, -np.inf)
    likely = lead & (head >= math.log(0.5)) & (topic > 0)  # likely headlines on the story
    off = np.zeros(pages, dtype=bool)
    off[on] = topic[title] == 0
    off &= ~weak & (np.bincount(bounds.page, weights=likely, minlength=pages) > 0)
    score = np.where(off[bounds.page], np.where(likely, head, -np.inf), score)
    return _headline_at_best(path, bounds, score)


def _headline_at_best(path: np.ndarray, bounds: _Bounds, score: np.ndarray) -> np.ndarray:
    """The decoded states with each page's headline moved to its line of highest finite
    ``score`` (ties: the first line); the old headline goes to ``before``. Pages without a
    finite score keep their path."""
    h = STATES.index("headline")
    best = np.full(len(bounds.starts) - 1, -np.inf)
    np.maximum.at(best, bounds.page, score)
    pick = np.flatnonzero(np.isfinite(score) & (score == best[bounds.page]))
    moved, at = np.unique(bounds.page[pick], return_index=True)  # ties: the first line
    if not len(moved):
        return path
    out = path.copy()
    out[(path == h) & np.isin(bounds.page, moved)] = STATES.index("before")
    out[pick[at]] = h
    return out


def _ruled_title(
    path: np.ndarray,
    x: np.ndarray,
    head: np.ndarray,
    ruled: np.ndarray,
    bounds: _Bounds,
    long: np.ndarray,
) -> np.ndarray:
    """The decoded states (``path``) with a title for a page the decoder left without one:
    the rules' headline (``ruled``: the first such line of a page) when it is on the page's
    story (a content word of its densest prose, ``topic_core`` above 0) and not an item of a
    list kept as text (a bulleted line in the body). A line off the story is no title (a
    byline, "Submitted by ... on Tue, 03/14/2017", a post counter, a site's tagline, the
    labels of a site's credibility box, the first words of a copy that starts with its
    text); the likeliest headline on the story (``head``: each line's headline
    log-probability, -inf where it may not be one) among the headline-shaped lines above the
    article's first sentence (:func:`_story_headlines`) that the decoder did not keep as body
    takes its place, if there is one (a headline below a site's tagline or a post counter
    the rules took for it; no line changes between body and removed). The chosen line
    becomes the headline whatever its state, as the cleaner's fallback to the rules' headline
    took it (issue 18: on the ten local line batches, the rules' headline of a page without
    the decoder's was right on 5 pages and wrong on 10, 8 of them off the story).

    >>> x = np.zeros((4, len(FEATURES)))
    >>> x[[1, 3], _TOPIC_CORE] = [0.3, 0.0]
    >>> path = np.array([STATES.index("before"), STATES.index("before"), STATES.index("body"),
    ...                  STATES.index("body")])
    >>> ruled = np.array([False, True, False, True])
    >>> bounds = _Bounds.of(np.array([0, 3, 4]))
    >>> head, long = np.full(4, -np.inf), np.zeros(4, dtype=bool)
    >>> [STATES[k] for k in _ruled_title(path, x, head, ruled, bounds, long)]
    ['before', 'headline', 'body', 'body']
    """
    h, b = STATES.index("headline"), STATES.index("body")
    pages = len(bounds.starts) - 1
    titled = np.bincount(bounds.page[path == h], minlength=pages) > 0
    rows = np.flatnonzero(ruled)
    on, at = np.unique(bounds.page[rows], return_index=True)
    first = rows[at]
    listed = (path[first] == b) & (x[first, _INDEX["bullet"]] > 0)
    untitled = ~titled[on] & ~listed
    story = x[first, _TOPIC_CORE] > 0
    out = path.copy()
    out[first[untitled & story]] = h
    off = np.zeros(pages, dtype=bool)
    off[on[untitled & ~story]] = True
    if not off.any():
        return out
    shaped = off[bounds.page] & _story_headlines(x, head, bounds, long) & (path != b)
    return _headline_at_best(out, bounds, np.where(shaped, head, -np.inf))


def _lead_rows(x: np.ndarray, bounds: _Bounds, long: np.ndarray) -> np.ndarray:
    """Per line: whether it is above its page's first sentence of the article: prose (eight
    words or more, reading as a sentence, with a final stop) on the page's story (a content
    word of its densest prose), not cut off (no closing ellipsis: a teaser or a breadcrumb
    holding the headline cut short, "Home News Flood cuts off four valley towns as..."), with
    no picture evidence and no date (not a caption, not a stored page's date marker), neither
    telling nor addressing the reader (not a promo line). A page's headline is among these
    lines (:func:`_story_title`)."""
    prose = long & (x[:, _INDEX["sentence"]] > 0) & (x[:, _INDEX["final_stop"]] > 0)
    prose &= x[:, _INDEX["ellipsis"]] == 0  # a line cut off (a teaser, a breadcrumb) is none
    prose &= (x[:, _PICTURE].sum(axis=1) == 0) & (x[:, _INDEX["date"]] == 0)
    prose &= x[:, _TOPIC_CORE] > 0
    prose &= (x[:, _INDEX["imperative"]] == 0) & (x[:, _INDEX["address"]] == 0)
    first = np.full(len(bounds.starts) - 1, np.iinfo(np.intp).max)
    rows = np.flatnonzero(prose)
    has, at = np.unique(bounds.page[rows], return_index=True)
    first[has] = bounds.idx[rows[at]]
    return bounds.idx < first[bounds.page]


#: Words a title's glued-free line has at least, and its share of the title's characters
#: (:func:`_glued_title`).
GLUED_WORDS, GLUED_SHARE = 4, 0.4


def _glued_title(
    path: np.ndarray,
    may: np.ndarray,
    ruled: np.ndarray,
    low: dict[int, str],
    bounds: _Bounds,
) -> np.ndarray:
    """The decoded states (``path``) with a page's title moved to another line of its lead
    that the title holds whole, with words glued before or after it: the headline with the
    site's name after a bar (a browser's window title), a breadcrumb or a tracker's name
    before it. The title is the decoder's first headline line, or without one the rules'
    headline (``ruled``; the cleaner falls back to it); the other line may be a headline
    (``may``: in the lead, no guard against it), has :data:`GLUED_WORDS` words or more and
    :data:`GLUED_SHARE` of the title's characters or more (``low``: the lowercased text of
    those lines); the longest such line wins. One comparison per line of a page's lead: linear
    in the page. The old title becomes chrome before the body (issue 18: on the eight local
    line batches, three pages, each the headline once with a site name, once with a
    breadcrumb and once with a tracker's name glued on)."""
    h = STATES.index("headline")
    pages = len(bounds.starts) - 1
    title = np.full(pages, -1)
    for rows in (np.flatnonzero(ruled), np.flatnonzero(path == h)):  # the decoder's first
        on, at = np.unique(bounds.page[rows], return_index=True)
        title[on] = rows[at]
    out = path
    best: dict[int, tuple[int, int]] = {}
    for i in np.flatnonzero(may & (title[bounds.page] >= 0)).tolist():
        page = int(bounds.page[i])
        t = int(title[page])
        text, whole = low[i].strip(), low[t]
        if i == t or not text or len(text.split()) < GLUED_WORDS:
            continue
        part = GLUED_SHARE * len(whole) <= len(text) < len(whole) and text in whole
        if part and (page not in best or len(text) > best[page][1]):
            best[page] = (i, len(text))
    if best:
        out = path.copy()
        for page, (i, _) in best.items():
            out[(path == h) & (bounds.page == page)] = STATES.index("before")
            out[i] = h
    return out


#: Headline probability from which a title off the story stands (:func:`_story_title`).
TITLE_SURE = 0.9


def _story_title(
    path: np.ndarray, head: np.ndarray, x: np.ndarray, bounds: _Bounds, long: np.ndarray
) -> np.ndarray:
    """The decoded states (``path``) with a page's title moved when it is off the page's story
    (no content word of the densest prose, ``topic_core`` 0, and none of its other prose: a
    radio player's label, a row of icon names, a share prompt) to the line most likely a
    headline (``head``: each line's headline log-probability, -inf where it may not be one)
    among the page's headline-shaped lines on its story: above the article's first sentence
    (eight words or more, reading as a sentence with a final stop, on the story, no picture
    evidence and no date: not a caption or a stored page's date marker, neither telling nor
    addressing the reader: not a promo line), ending no sentence (:func:`_ends_sentence`), at
    most :data:`HEADLINE_WORDS` words, not in capitals, no date, sharing a content word with
    the densest prose (:func:`_story_headlines`). A title the model gives :data:`TITLE_SURE`
    or more stands (a short page's headline may share no word with its few lines). A page
    without a title gets the likeliest such line if it is more likely a headline than not (the
    decoder cannot go back from body to headline: a caption kept as body above the headline
    leaves the page without one).
    :func:`_best_headline` looks only above the first body line and only at lines more likely
    headlines than not; a page's headline often sits below chrome the decoder took for body
    (a player's lines, "Filed under:", a caption), just above the article's first sentence.
    Only the old title's line and the chosen line change state: the old title becomes chrome
    before the body, the new one the headline (issue 18: on the eight local line batches,
    page alone, three headlines more right, dev-12 2 and held-out-9 1, one page each; none
    lost; no body or chrome line changes)."""
    h = STATES.index("headline")
    pages = len(bounds.starts) - 1
    heads = np.flatnonzero(path == h)
    on, at = np.unique(bounds.page[heads], return_index=True)
    title = heads[at]
    topic = x[:, _TOPIC_CORE]
    off = np.zeros(pages, dtype=bool)
    off[on] = (topic[title] == 0) & (x[title, _COLUMN["topic_page"]] == 0)
    off[on] &= head[title] < math.log(TITLE_SURE)  # a title the model is sure of stands
    # a page without a title gets one only if a line is more likely a headline than not
    untitled = np.ones(pages, dtype=bool)
    untitled[on] = False
    off |= untitled
    floor = np.where(untitled, math.log(0.5), -np.inf)
    # the article's first sentence: prose on the story, no picture evidence (a caption), no
    # date (a dated caption, a stored page's date marker), neither telling nor addressing
    # the reader
    shaped = off[bounds.page] & _story_headlines(x, head, bounds, long)
    score = np.where(shaped & (head >= floor[bounds.page]), head, -np.inf)
    return _headline_at_best(path, bounds, score)  # score is finite where shaped


#: Share of a line's words in title case from which a page's first body line with a final stop
#: reads as its headline (:func:`_cased_title`).
CASED_SHARE = 0.6


def _cased_title(path: np.ndarray, x: np.ndarray, bounds: _Bounds) -> np.ndarray:
    """The decoded states (``path``) with a title for a page the decoder left without one: its
    first body line, when that line ends with a full stop, a question or an exclamation mark
    and is written in title case (:data:`CASED_SHARE` of its words capitalised or more), eight
    words (a short line's capitals are mostly names: "The Ghost Ship has sunk.") to
    :data:`HEADLINE_WORDS`, not in capitals, no date, no picture evidence, on the
    page's story (a content word of its densest prose), and the body goes on after it.
    Headline style capitalises a headline's words (AP and Chicago title case); running prose
    does not, so a sentence-shaped first line in title case is the headline written with a
    stop, which the model scores as body (issue 18: on the fifteen local line batches, of the
    pages whose first headline or body line ends with a stop or mark, 8 of 20 headlines and 1
    of 314 first body lines are so; 4 of those headlines were missed, on 4 outlets).

    >>> x = np.zeros((3, len(FEATURES)))
    >>> x[0, _INDEX["title_case"]], x[0, _INDEX["final_stop"]] = 0.8, 1.0
    >>> x[:, _INDEX["words"]], x[:, _TOPIC_CORE] = math.log1p(10), 0.3
    >>> path = np.full(3, STATES.index("body"))
    >>> [STATES[k] for k in _cased_title(path, x, _Bounds.of(np.array([0, 3])))]
    ['headline', 'body', 'body']
    """
    h, b = STATES.index("headline"), STATES.index("body")
    pages = len(bounds.starts) - 1
    titled = np.bincount(bounds.page[path == h], minlength=pages) > 0
    rows = np.flatnonzero(path == b)
    on, at = np.unique(bounds.page[rows], return_index=True)
    first = rows[at]
    more = np.bincount(bounds.page[rows], minlength=pages)[on] > 1  # the body goes on
    ends = (x[first, _INDEX["final_stop"]] > 0) | (x[first, _INDEX["question"]] > 0)
    cased = (
        ~titled[on]
        & more
        & ends
        & (x[first, _INDEX["title_case"]] >= CASED_SHARE)
        & (x[first, _INDEX["words"]] >= math.log1p(8))  # a short line's capitals are names
        & (x[first, _INDEX["words"]] <= math.log1p(HEADLINE_WORDS))
        & (x[first, _INDEX["capitals"]] == 0)
        & (x[first, _INDEX["date"]] == 0)
        & (x[first][:, _PICTURE].sum(axis=1) == 0)
        & (x[first, _TOPIC_CORE] > 0)
    )
    if not cased.any():
        return path
    out = path.copy()
    out[first[cased]] = h
    return out


def _story_headlines(
    x: np.ndarray, head: np.ndarray, bounds: _Bounds, long: np.ndarray
) -> np.ndarray:
    """Per line: whether it is a headline-shaped line on its page's story above the article's
    first sentence (:func:`_lead_rows`): it may be a headline (``head`` finite), shares a
    content word with the densest prose, ends no sentence (:func:`_ends_sentence`), has at
    most :data:`HEADLINE_WORDS` words, is not in capitals and has no date (a dated caption, a
    stored page's date marker, a timestamp). The lines a title off the story gives way to
    (:func:`_story_title`, :func:`_ruled_title`)."""
    return (
        _lead_rows(x, bounds, long)
        & np.isfinite(head)
        & (x[:, _TOPIC_CORE] > 0)
        & ~_ends_sentence(x)
        & (x[:, _INDEX["words"]] <= math.log1p(HEADLINE_WORDS))
        & (x[:, _INDEX["capitals"]] == 0)
        & (x[:, _INDEX["date"]] == 0)
    )


#: Words a headline has at most (the labelled pages' longest has 30, a date marker included).
HEADLINE_LONGEST = 35
#: Words a headline-shaped line of a page's lead has at most (:func:`_lead_headlines`).
HEADLINE_WORDS = 25


def _lead_headlines(
    x: np.ndarray, bounds: _Bounds, long: np.ndarray, ruled: np.ndarray
) -> np.ndarray:
    """Per line: whether it is shaped like a headline in its page's lead: above the page's
    first prose line (eight words or more, reading as a sentence, neither telling nor
    addressing the reader: "Please view the main text ..." may come before a headline) and
    above the line the rules take for the headline (``ruled``; a standfirst follows its
    headline), ending no sentence (:func:`_ends_sentence`), at most :data:`HEADLINE_WORDS`
    words, not in capitals, no date (a date marker or a timestamp). Such a line the rules keep
    in the body is as likely kept as the title (issue 18: the headline line kept as body when
    the rules took none for it)."""
    first = np.full(len(bounds.starts) - 1, np.iinfo(np.intp).max)
    prose = long & (x[:, _INDEX["sentence"]] > 0)
    prose &= (x[:, _INDEX["imperative"]] == 0) & (x[:, _INDEX["address"]] == 0)
    for stop in (prose, ruled):
        rows = np.flatnonzero(stop)
        pages, at = np.unique(bounds.page[rows], return_index=True)
        first[pages] = np.minimum(first[pages], bounds.idx[rows[at]])
    return (
        (bounds.idx < first[bounds.page])
        & ~_ends_sentence(x)
        & (x[:, _INDEX["words"]] <= math.log1p(HEADLINE_WORDS))
        & (x[:, _INDEX["capitals"]] == 0)
        & (x[:, _INDEX["date"]] == 0)
    )


#: Pages decoded together by :func:`_viterbi_pages` (sorted by length, so alike in length).
VITERBI_BATCH = 256
#: Pages in a group from which :func:`_viterbi_pages` takes each step state by state.
VITERBI_WIDE = 32


def _page_ends(end: np.ndarray | None, x: np.ndarray, bounds: _Bounds) -> np.ndarray | None:
    """Per page (rows) and state (columns): the log-probability of the page ending in that
    state (``end``, the decoder's ``[end]`` table), or none at all (0) for a page whose last
    line may be its body cut off where the copy ends: a paragraph (it reads as a sentence, or
    has eight words or more and a finite verb) or a single word (a word cut off). Body first:
    such a page ends its body as the transitions alone say (issue 18: the cut-off last
    paragraph of a stored encyclopedia page, "... was delivered to the airline in March 2",
    and the first letters of a paragraph's first word after a caption went with the end's
    evidence). None when the decoder has no ``[end]`` table."""
    if end is None:
        return None
    sizes = np.diff(bounds.starts)
    last = np.zeros(len(sizes), dtype=bool)
    some = sizes > 0
    tail = x[bounds.starts[1:][some] - 1]
    words = tail[:, _INDEX["words"]]
    last[some] = (
        (tail[:, _INDEX["sentence"]] > 0)
        | ((words >= math.log1p(8)) & (tail[:, _INDEX["verb"]] > 0))
        | (words <= math.log1p(1))
    )
    return np.where(last[:, None], 0.0, end[None, :])


def _viterbi_pages(
    emit: np.ndarray,
    bounds: _Bounds,
    start: np.ndarray,
    trans: np.ndarray,
    end: np.ndarray | None = None,
) -> np.ndarray:
    """The most likely state of every line (Viterbi per page, all pages at once).

    Pages are sorted by length and decoded in groups of :data:`VITERBI_BATCH`: one array step
    per line of the group's longest page; a page that has ended keeps its scores (its
    back-pointers point to the same state), so its path is the one it has alone. Ties go to
    the lower state, as in a loop over states. ``end`` (pages, states), when given, is added
    to each page's scores after its last line: how likely a page ends in each state (a hidden
    Markov model's final-state probabilities)."""
    sizes = np.diff(bounds.starts)
    order = np.argsort(sizes, kind="stable")
    order = order[sizes[order] > 0]
    path = np.zeros(len(emit), dtype=np.intp)
    n_states = len(start)
    same = np.arange(n_states)
    for g in range(0, len(order), VITERBI_BATCH):
        group = order[g : g + VITERBI_BATCH]
        firsts, lengths = bounds.starts[group], sizes[group]
        longest = int(lengths.max())
        steps = np.arange(longest)
        rows = firsts[:, None] + np.minimum(steps, lengths[:, None] - 1)  # (pages, steps)
        e = emit[rows]  # (pages, steps, states)
        score = start + e[:, 0]
        back = np.empty((len(group), longest, n_states), dtype=np.intp)
        back[:, 0] = same
        ended = lengths[:, None] <= steps  # (pages, steps): the page has ended
        shortest = int(lengths.min())
        for t in range(1, longest):
            # the best way into each state b from a (ties: the lower a): for many pages state
            # by state (no reduction along a 5-wide axis), for a few in one step (fewer calls)
            if len(group) >= VITERBI_WIDE:
                best = score[:, 0, None] + trans[0]
                arg = np.zeros(best.shape, dtype=np.intp)
                for a in range(1, n_states):
                    cand = score[:, a, None] + trans[a]
                    better = cand > best
                    best = np.where(better, cand, best)
                    arg[better] = a
            else:
                cand = score[:, :, None] + trans  # from a (axis 1) to b (axis 2)
                arg = cand.argmax(axis=1)
                best = cand.max(axis=1)
            new = best + e[:, t]
            if t >= shortest:  # an ended page keeps its scores and its state
                done = ended[:, t]
                new[done] = score[done]
                arg[done] = same
            score = new
            back[:, t] = arg
        state = np.argmax(score if end is None else score + end[group], axis=1)
        walk = np.empty((len(group), longest), dtype=np.intp)
        for t in range(longest - 1, -1, -1):
            walk[:, t] = state
            state = back[np.arange(len(group)), t, state]
        live = steps[None, :] < lengths[:, None]
        path[rows[live]] = walk[live]
    return path


def explain(model: LineModel, row: np.ndarray, label: str, *, line: str = "", top: int = 3) -> str:
    """The features (and words of ``line``) that moved one line most from body to ``label``.

    >>> model = load_line_model()
    >>> row = line_features(["Share this"], [Evidence(verdict="chrome", phrase=True)])[0]
    >>> bool(explain(model, row, "chrome", line="Share this"))
    True
    """
    ids = [_term_ids(model, _norm(line))] if line and model.terms else None
    x = np.asarray(row, dtype=float)[None, :]
    return _explanations(model, x, ids, np.array([CLASSES.index(label)]), top).get(0, "")


def _explanations(
    model: LineModel,
    x: np.ndarray,
    ids: Sequence[tuple[int, ...]] | None,
    ks: np.ndarray,
    top: int = 3,
    *,
    bounds: _Bounds | None = None,
) -> dict[int, str]:
    """Per line not labelled body (class ``ks[i]`` > 0): the ``top`` features and terms that
    pushed it most from body towards its class, in words (with ``bounds`` and the model's
    :attr:`~LineModel.near_weights`, the terms of the lines before and after it too). Array
    operations over the page's removed lines; only the few words said are picked in Python."""
    rows = np.flatnonzero(ks > 0)
    if not len(rows):
        return {}
    k = ks[rows]
    z = (x[rows] - model.mean) / model.scale
    push = (model.weights[k] - model.weights[0]) * z
    high = z > 0
    push[(push <= 0) | np.where(high, ~_SAID_HIGH, ~_SAID_LOW)] = -np.inf
    n_features = push.shape[1]
    width = 2 * top  # candidates per line: the best features, then the best terms, merged
    col = np.argsort(-push, axis=1, kind="stable")[:, :width]
    value = np.take_along_axis(push, col, axis=1)
    hi = np.take_along_axis(high, col, axis=1)
    if ids:
        near = None
        if bounds is not None and model.near_weights is not None:
            near = (bounds.is_first, bounds.is_last)
        value, col, hi = _with_terms(model, ids, rows, k, (value, col, hi), n_features, near)
    # per line its candidates (feature or term, and which side) in order, -1 past the last one;
    # lines that share them (an outlet's chrome) are put in words once
    code = np.where(value > -np.inf, 2 * col + hi, -1)
    kinds, which = np.unique(code, axis=0, return_inverse=True)
    said = [_said(c, top, n_features, model) for c in kinds.tolist()]
    return dict(zip(rows.tolist(), map(said.__getitem__, which.reshape(-1).tolist()), strict=True))


def _with_terms(
    model: LineModel,
    ids: Sequence[tuple[int, ...]],
    rows: np.ndarray,
    k: np.ndarray,
    best: tuple[np.ndarray, np.ndarray, np.ndarray],
    n_features: int,
    near: tuple[np.ndarray, np.ndarray] | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The best feature candidates of each row (``best``: push, column, high side) merged with
    its best terms (column ``n_features`` + term; with ``near``, each line's page edges
    (first, last), the previous line's terms at ``n_features`` + terms + term and the next
    line's at ``n_features`` + 2 * terms + term): per (row, term) entry its push, the entries
    sorted within each row (the higher push first, then the lower term), the first of each
    row kept. Linear in the rows' terms (no row-by-term matrix)."""
    value, col, hi = best
    width = value.shape[1]
    n_terms = len(model.terms)
    r_parts, t_parts, v_parts = [], [], []
    sides = [(0, model.term_weights)]
    if near is not None and model.near_weights is not None:
        sides += [(-1, model.near_weights[0]), (1, model.near_weights[1])]
    for side, tw in sides:
        at = rows.tolist()
        if side:
            edge = near[0] if side < 0 else near[1]  # type: ignore[index]
            lists = [() if edge[i] else ids[i + side] for i in at]
        else:
            lists = [ids[i] for i in at]
        lens = np.fromiter(map(len, lists), np.intp, count=len(lists))
        r_side = np.repeat(np.arange(len(rows)), lens)
        t_side = np.fromiter(itertools.chain.from_iterable(lists), np.intp, count=int(lens.sum()))
        v_parts.append(tw[k[r_side], t_side] - tw[0, t_side])
        r_parts.append(r_side)
        t_parts.append(t_side + n_terms * (0 if side == 0 else 1 if side < 0 else 2))
    r_arr, t_arr, val = np.concatenate(r_parts), np.concatenate(t_parts), np.concatenate(v_parts)
    keep = val > 0
    r_arr, t_arr, val = r_arr[keep], t_arr[keep], val[keep]
    if not len(r_arr):
        return best
    o = np.lexsort((t_arr, -val, r_arr))
    r_arr, t_arr, val = r_arr[o], t_arr[o], val[o]
    rank = np.arange(len(r_arr)) - np.searchsorted(r_arr, np.arange(len(rows)))[r_arr]
    sel = rank < width
    t_value = np.full((len(rows), width), -np.inf)
    t_col = np.zeros((len(rows), width), dtype=col.dtype)
    t_value[r_arr[sel], rank[sel]] = val[sel]
    t_col[r_arr[sel], rank[sel]] = n_features + t_arr[sel]
    value, col = np.hstack([value, t_value]), np.hstack([col, t_col])
    hi = np.hstack([hi, np.zeros_like(hi)])
    pick = np.argsort(-value, axis=1, kind="stable")[:, :width]  # ties: features, lower terms
    return tuple(np.take_along_axis(a, pick, axis=1) for a in (value, col, hi))  # type: ignore[return-value]


def _said(codes: list[int], top: int, n_features: int, model: LineModel) -> str:
    """The words of the first ``top`` distinct candidates (``2 * column + high``; -1 ends)."""
    said: list[str] = []
    for c in codes:
        if c < 0 or len(said) == top:
            break
        j, high = divmod(c, 2)
        if j < n_features:
            words = FEATURES[j][1] if high else FEATURES[j][2]
        else:
            side, t = divmod(j - n_features, max(len(model.terms), 1))
            words = (
                f'the words "{model.terms[t]}"'
                + ("", " on the line before", " on the line after")[side]
            )
        if words not in said:
            said.append(words)
    return ", ".join(said)
