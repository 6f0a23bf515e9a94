"""Fit the line model of ``newsframe.lines`` on the labelled pages and write it as data.

Reads ``benchmarks/eval/lines.json`` and the page files (``--pages``, outside the repository),
takes each page's logical lines and the rules' evidence exactly as ``clean_text`` sees them
(``newsframe.cleaning.page_evidence``; a logical line takes the label of its first physical
line), and fits a multinomial logistic regression (scikit-learn, L2, ``C``) on the standardised
shallow features of ``newsframe.lines.FEATURES`` and the line's terms (``line_terms``: lowercase
words and word pairs of its opening, binary). The vocabulary is the terms seen on lines of at
least ``--min-outlets`` outlets and ``--min-stories`` stories of the training pages (so a term
generalises across outlets, not one site's template, and across stories, not one story's
places and names); it is chosen again inside every fold of the cross-validation. Body
lines weigh ``--body-weight`` times a chrome line in the fit (a body sentence lost costs more
than chrome left). Decoder transitions are counted from the labelled pages' state sequences
(``newsframe.lines.state_sequence``) with add-one smoothing over the allowed moves. Only the
sets named by ``--sets`` are used (pages labelled for training, and held-out batches once their
first-run number is reported); a held-out batch still to be measured never informs a fit.

``--trees N`` stacks N rounds of gradient-boosted trees (scikit-learn's
``HistGradientBoostingClassifier``, depth ``--depth``, learning rate ``--rate``) on the logistic
model: they read the features and the logistic model's out-of-fold log-probabilities (five
folds of the training pages by story), and are exported node by node as plain data
(``line_trees.csv``; inference in numpy, ``newsframe.lines.TreeEnsemble``). Each
cross-validation row ends with the spread of the gain over the rules: the mean and standard
deviation over folds of (model - rules) chrome removed, in points, and the folds ahead.

    python benchmarks/train_line_model.py --cv outlet,story   # leave-one-out CV by group
    python benchmarks/train_line_model.py --cv outlet --fractions 0.33,0.67,1   # learning curve
    python benchmarks/train_line_model.py --batch L=P ... --cv set --kept-groups 1,3,5,8  # by batches
    python benchmarks/train_line_model.py --cv story --trees 0,100   # logistic against trees
    python benchmarks/train_line_model.py --write             # fit on all pages, write data/

Corpus topicality: each page is read with the other outlets' pages of its story among the
pages loaded (``eval_lines.story_words``; never its own outlet's), and alone; ``--corpus``
says which of the two readings a fit learns from (``both``, the default: the model must work
on a page alone as well as in a corpus), ``--modes`` which the cross-validation cleans with.

The defaults are the shipped model's (C 0.5, terms on >= 6 outlets and >= 5 stories, body
weight 1, no trees, both readings, biases body 1, sentence 1, kept 3 for lines of five words or
more: the body-first point of the trade the cross-validation shows; the five local batches,
each left out in turn, chose 0.75 at no body line more of theirs, ``--match``, but a hand-made
page loses its body below 0.98, docs/evaluation.md), and every labelled set;
the shipped weights were fitted before held-out-5 and held-out-6 joined (``--sets`` without
them: 623 pages). A refit on all 791 loses no body line more in cross-validation, but one
all-capitals two-word headline among 40 all-capitals lines turns ``capitals`` towards the
headline: two all-capitals site names of hand-made test pages without a headline are then
taken for one, and a credited caption under a standfirst is kept (three tests fail); it waits
for more labelled headlines or a feature that tells a site name from a short headline.

``--batch LABELS=PAGES`` (repeatable) reads batches labelled outside the repository instead of
``--sets`` (every set in each label file); ``--cv set`` then leaves each batch out in turn (the
next batch). ``--fit`` says what a fit is: ``local`` (afresh on the pages given, the default),
``shipped`` (the 623-page weights, not refitted: the baseline), ``current`` (the data files
as they stand, not refitted: on the batches they were fitted on, not a test)
or ``prior`` (:func:`fit_prior`: refitted with a Gaussian prior centred on the shipped weights, variance ``--c``; features new
to the shipped file, ``--new``, centred on 0 with variance ``--new-c``; ``--c 0`` keeps every
shipped weight and fits the new features' alone). The 623-page weights (shipped until the
nineteenth round; the pool below since) are the 623-page fit
with the weights of ``weekday_date`` fitted that way on the 200 pages of dev-9, held-out-8 and
dev-10 (``--batch ... --write --fit prior --c 0 --new weekday_date``; docs/evaluation.md has
the comparison of the three fits), then those of ``no_past`` on the 260 pages of those three
batches and held-out-9, every other weight kept (``--new no_past``).

``--fit mix --mix S`` pools the 623-page weights (kept as
``benchmarks/eval/line_model_623.csv``) geometrically with a full refit on the pages given
(:func:`newsframe.lines.pooled`, share ``S`` for the 623-page weights; the refit with ``--c`` and
the vocabulary options), one logistic model in the same file format. ``--terms earlier`` lets a
fit weigh only the terms the 623-page weights hold (a refit's own vocabulary on the local pages
holds names that recur across their stories, which a shipped file may not). ``--proper 1``
keeps out of a fit's own vocabulary every term with a word written capitalised in more than
half of its occurrences inside a sentence on the pages given (:func:`lowercase_words`: names
are capitalised there, function and chrome words are not). The shipped file
(docs/evaluation.md, nineteenth round, continued): ``--batch`` the thirteen local batches
(dev-9 to dev-15, held-out-8 to held-out-13; held-out-14, the clean test, not among them)
``--fit mix --mix 0.75 --proper 1 --biases 1+1+3+5 --match oof --inner-folds 3 --write``: the
body bias (0.5) set by :func:`set_bias`, fits on two thirds of the batches cleaning the third.

``--lex-c V`` (with ``--fit prior --c 0``) is a residual lexical fit: every shipped weight kept
(:func:`base_model`, the model without its lexical channel), the terms of the pages given
that the shipped vocabulary lacks (seen on ``--min-outlets`` outlets and ``--min-stories``
stories) fitted on them with a Gaussian prior centred on 0, variance V: what the words of
the local pages add to what the 623 pages taught. ``--near 1`` fits, beside them, every
term's weights when it is on the previous or the next line (the neighbours' words; same
prior). ``--write`` then writes only ``line_words.csv`` (the weights the words add) and marks
the decoder ``words = true``. ``--kept-groups 1,3,6 --cv set`` gives its learning curve.

The decoder's ``[end]`` table (how likely a page ends after a line in each state, :func:`ends`)
is counted from the labels alone: ``--write-end --sets ...`` rewrites it in place, every other
value kept (the shipped one from the 623 pages the weights were first fitted on).

``--match train|oof`` compares fits at one operating point: in each fold a fit's body bias is
set on the training pages alone (the least of ``MATCH_BIASES`` at which it loses no more body
lines there than the shipped weights do), then the left-out group is cleaned. ``train`` cleans
the training pages with the fit itself, which has seen them (a refit then looks safer than it
is and is set too low); ``oof`` with fits that leave each training group out in turn, the loss
it will show on pages it has not seen. The chosen biases are printed per fold.

``--stack seq`` (or ``page``) gives a fit a second stage (:func:`fit_stack`, stacked sequential
learning: a logistic model on the first stage's out-of-fold class probabilities of the line
and its neighbours, its log body probability against the page's median, and shallow features
against the page's body; ``page`` without the neighbours), its inner folds the training
batches dealt into three. Leaving batches out it removed less chrome at equal body loss than
the pool alone (docs/evaluation.md, twentieth round): none is shipped.

``--diagnose`` (with ``--batch``, ``--folds``, the fit's options and its first biases) fits
leaving batches out and counts the non-body lines each fit keeps by class, place against the
labelled body, words, sentence shape, the rules' verdict, why the decoder kept them (the first
stage itself scores body; the body and sentence biases, or the kept bias, tip it; the sequence)
and the feature that pulled each most toward body (:func:`diagnose`; docs/evaluation.md,
twentieth round).

``--write`` writes ``src/newsframe/data/line_model.csv`` (feature, words for a high and a low
value, mean, scale, one weight per class; then one row per vocabulary term ``term:<words>``),
``line_decoder.toml`` (start and transition log-probabilities, the body biases) and, with
trees, ``line_trees.csv``.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import math
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import numpy as np
from eval_lines import (
    DEFAULT_PAGES,
    HEADER,
    LABELS,
    clean_lines,
    evaluate,
    line_key,
    load,
    outlet_repeats,
    per_class,
    position,
    row,
    story_words,
)
from scipy import optimize, sparse
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression

from newsframe.cleaning import page_evidence
from newsframe.lines import (
    CLASSES,
    FEATURES,
    STACK_INPUTS,
    STACKED,
    STATES,
    WORD_COLUMNS,
    LineModel,
    Stack,
    TreeEnsemble,
    _Bounds,
    _read_model,
    line_features,
    line_terms,
    load_line_model,
    pooled,
    stack_inputs,
    state_sequence,
)

DATA = Path(__file__).resolve().parents[1] / "src" / "newsframe" / "data"
#: Moves the decoder may make (before → headline → body → after; chrome inside the body).
ALLOWED = {
    "before": ("before", "headline", "body"),
    "headline": ("headline", "inbody", "body"),
    "body": ("body", "inbody", "after"),
    "inbody": ("inbody", "body", "after"),
    "after": ("after",),
}
STARTS = ("before", "headline", "body")
#: The labelled sets a fit reads by default: every batch whose first-run number is reported.
SETS = ("train", "held-out", "train-2", "held-out-2", "held-out-3", "held-out-4", "held-out-5",
        "held-out-6", "excluded")  # fmt: skip


@dataclasses.dataclass(frozen=True)
class Page:
    """One labelled page as the fit sees it: features, terms and label per logical line."""

    outlet: str
    story: str
    x: np.ndarray  # read with the other outlets' pages of its story (when there are any)
    terms: list[tuple[str, ...]]
    labels: list[str]
    x_alone: np.ndarray  # read alone
    # per lowercased word: how often the page writes it in lowercase and capitalised where it
    # opens neither a line nor a sentence (:func:`word_cases`)
    cases: dict[str, tuple[int, int]] = dataclasses.field(default_factory=dict)
    # the batch (labelled set) the page comes from
    batch: str = ""


@dataclasses.dataclass(frozen=True)
class Options:
    """What a fit is told: regularisation, vocabulary, body weight and biases, decoder scale."""

    c: float = 0.5
    min_outlets: int = 6
    min_stories: int = 5
    term_scale: float = 1.0
    body_weight: float = 1.0
    bias: float = 1.0
    sentence_bias: float = 1.0
    lexical: bool = True
    transition_scale: float = 1.0
    trees: int = 0  # boosting rounds (0: the logistic model alone)
    # the pages' rows fitted on: read with their story's other outlets, alone, or both
    corpus: str = "both"
    depth: int = 3
    rate: float = 0.1
    # features left out of the fit (held constant: their weights are 0), for ablations
    drop: tuple[str, ...] = ()
    # the least scale a feature is standardised by (a rare binary feature's few examples
    # would otherwise stand ten deviations out and move its weight far)
    scale_floor: float = 0.0
    # what a fit is: "local" (fitted afresh on the pages given), "shipped" (the shipped
    # weights and decoder, not refitted, without the lexical channel of line_words.csv, which
    # was fitted on the local batches: the baseline), "current" (the data files as shipped,
    # not refitted), "prior" (refitted on the pages given
    # with a Gaussian prior centred on the shipped weights, strength 1/c; see fit_prior)
    fit: str = "local"
    # with fit "prior": features new to the shipped file (its rows hold zeros), whose prior
    # is centred on 0 with variance new_c instead of c (the shipped weights know nothing of them)
    new: tuple[str, ...] = ()
    new_c: float = 1.0
    # with fit "prior": the prior variance of the terms of the pages given that the shipped
    # vocabulary lacks (their vocabulary chosen by min_outlets and min_stories, centred on 0;
    # 0: no term is added), a residual lexical fit on the shipped weights
    lex_c: float = 0.0
    # with lex_c: the terms of the previous and the next line too (every term of the
    # vocabulary, their own weights, prior centred on 0 with variance lex_c)
    near: bool = False
    # with fit "mix": the shipped weights' share of the pooled model (newsframe.lines.pooled:
    # the geometric pool of the shipped model and a full refit on the pages given, the refit
    # with these options' C, vocabulary and body weight; 1 is the shipped model, 0 the refit)
    mix: float = 0.5
    # the terms a fit may weigh: "own" (its vocabulary, min_outlets and min_stories on the pages
    # given) or "earlier" (those of them the 623-page weights hold: names of the local stories
    # that recur across stories, such as a head of state's, stay out of a shipped file)
    terms: str = "own"
    # leave out of the fit's own vocabulary the terms with a word capitalised in more than half
    # of its occurrences inside a sentence on the pages given (proper nouns: the names of the
    # people and places of the local stories; :func:`lowercase_words`)
    proper: bool = False
    # a second stage (newsframe.lines.Stack) fitted on the out-of-fold probabilities of
    # STACK_INNER inner folds of the training batches: "seq" reads the line's neighbours too,
    # "page" only the line and its page (:func:`fit_stack`); "" none
    stack: str = ""


_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?]")


def word_cases(lines: Iterable[str]) -> dict[str, tuple[int, int]]:
    """Per lowercased word of the lines: how often it is written in lowercase and how often
    capitalised, counting only the words that open neither their line nor a sentence (after
    ``.``, ``!`` or ``?``) and are not written in capitals throughout.

    >>> word_cases(["Subscribe to read. Varnholt said he would subscribe", "SUBSCRIBE NOW"])
    {'to': (1, 0), 'read': (1, 0), 'said': (1, 0), 'he': (1, 0), 'would': (1, 0), 'subscribe': (1, 0)}
    """
    counts: dict[str, list[int]] = {}
    for line in lines:
        end = None
        for m in _WORD.finditer(line):
            word = m.group()
            opens = end is None or _SENTENCE_END.search(line, end, m.start()) is not None
            end = m.end()
            if opens or (word.isupper() and len(word) > 1):
                continue
            c = counts.setdefault(word.lower(), [0, 0])
            c[0 if word[0].islower() else 1] += 1
    return {w: (a, b) for w, (a, b) in counts.items()}


def lowercase_words(rows: Iterable[Page]) -> Callable[[str], bool]:
    """Whether a term passes the proper-noun filter on the given pages: each of its words is
    written in lowercase in at least half of its occurrences inside a sentence (names are
    capitalised there; function and chrome words are not; a word never seen there passes)."""
    total: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for page in rows:
        for w, (low, cap) in page.cases.items():
            total[w][0] += low
            total[w][1] += cap
    capital = {w for w, (low, cap) in total.items() if cap > low}
    return lambda term: not any(w in capital for w in term.split())


def chosen_terms(rows: list[Page], opts: Options) -> tuple[str, ...]:
    """The vocabulary a fit weighs on the given pages: the terms on ``min_outlets`` outlets and
    ``min_stories`` stories, with ``proper`` only those :func:`lowercase_words` passes, with
    ``terms`` "earlier" only those the 623-page weights hold."""
    terms = vocabulary(rows, opts.min_outlets, opts.min_stories) if opts.lexical else ()
    if opts.proper:
        lowercase = lowercase_words(rows)
        terms = tuple(t for t in terms if lowercase(t))
    if opts.terms == "earlier":
        earlier = set(base_model().terms)
        terms = tuple(t for t in terms if t in earlier)
    return terms


def table(pages: list[dict], repeats: dict[str, frozenset[str]]) -> list[Page]:
    """Per page: its feature matrices (with the other outlets' pages of its story in
    ``pages``, and alone), terms and the label of each logical line."""
    out = []
    stories = story_words(pages)
    for page in pages:
        labels = dict((n, label) for n, label in page["labels"])
        lines, evidence = page_evidence(
            page["text"], edge_repeats=repeats.get(page["file"], frozenset())
        )
        norm = [n for _, _, n in lines]
        x_alone = line_features(norm, evidence)
        view = stories[page["story"]].view(page["outlet"])
        x = line_features(norm, evidence, story=view) if view else x_alone
        terms = [line_terms(" ".join(n.split())) for _, _, n in lines]
        out.append(Page(page["outlet"], page["story"], x, terms,
                        [labels.get(n, "chrome") for n, _, _ in lines], x_alone,
                        word_cases(n for _, _, n in lines), page.get("set", "")))  # fmt: skip
    return out


def fitted_rows(rows: list[Page], corpus: str) -> list[Page]:
    """The rows a fit reads: each page read with its story's other outlets (``story``), alone
    (``alone``), or both (``both``: a model that must work either way learns from both)."""
    alone = [dataclasses.replace(r, x=r.x_alone) for r in rows]
    return {"story": rows, "alone": alone, "both": rows + alone}[corpus]


def vocabulary(rows: list[Page], min_outlets: int, min_stories: int = 1) -> tuple[str, ...]:
    """Terms seen on lines of at least ``min_outlets`` outlets and ``min_stories`` stories
    (a story's own words, its places and names, are left out), sorted."""
    outlets: dict[str, set[str]] = defaultdict(set)
    stories: dict[str, set[str]] = defaultdict(set)
    for page in rows:
        for terms in page.terms:
            for t in terms:
                outlets[t].add(page.outlet)
                stories[t].add(page.story)
    return tuple(sorted(t for t, seen in outlets.items()
                        if len(seen) >= min_outlets and len(stories[t]) >= min_stories))  # fmt: skip


def ends(label_seqs: Iterable[Sequence[str]]) -> np.ndarray:
    """The log-probability of a page ending after a line in each state (a hidden Markov model's
    final-state probabilities), counted from labelled pages (each a sequence of line labels):
    the pages whose last line is in the state over the lines in it, add-one smoothed like the
    transitions (a page ending is one more move out of the state). Counted for ``body`` and
    ``after``, where a page with a body ends; ``before``, ``headline`` and ``inbody`` take the
    body's value (a page ends there only when it has no body line, and the end must not choose
    its headline: counted, a page of captions under a headline lost its title).

    >>> np.round(np.exp(ends([["headline", "body", "chrome"], ["body", "body"]])), 3).tolist()
    [0.286, 0.286, 0.286, 0.286, 0.667]
    """
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    last: dict[str, int] = defaultdict(int)
    for labels in label_seqs:
        states = state_sequence(labels)
        if states:
            last[states[-1]] += 1
        for a, b in itertools.pairwise(states):
            counts[a][b] += 1

    def end(a: str) -> float:
        n = sum(counts[a][b] + 1 for b in ALLOWED[a]) + last[a] + 1
        return math.log((last[a] + 1) / n)

    body = end("body")
    return np.array([end(s) if s in ("body", "after") else body for s in STATES])


def transitions(rows: list[Page]) -> tuple[np.ndarray, np.ndarray]:
    """Start and transition log-probabilities counted from the labelled state sequences."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    starts: dict[str, int] = defaultdict(int)
    for page in rows:
        states = state_sequence(page.labels)
        if states:
            starts[states[0]] += 1
        for a, b in itertools.pairwise(states):
            counts[a][b] += 1
    start = np.full(len(STATES), -math.inf)
    total = sum(starts[s] + 1 for s in STARTS)
    for s in STARTS:
        start[STATES.index(s)] = math.log((starts[s] + 1) / total)
    trans = np.full((len(STATES), len(STATES)), -math.inf)
    for a, moves in ALLOWED.items():
        n = sum(counts[a][b] + 1 for b in moves)
        for b in moves:
            trans[STATES.index(a), STATES.index(b)] = math.log((counts[a][b] + 1) / n)
    return start, trans


def fit(rows: list[Page], opts: Options) -> LineModel:
    """Fit the model on the given pages: the logistic model, and with ``opts.trees`` the trees
    stacked on it (fitted on its out-of-fold log-probabilities: five folds of the training
    pages by story, so the trees learn how far to trust it on pages it has not seen)."""
    if opts.stack:
        first = fit(rows, dataclasses.replace(opts, stack=""))
        return dataclasses.replace(first, stack=fit_stack(rows, opts))
    given = tuple(id(r) for r in rows)
    rows = fitted_rows(rows, opts.corpus)
    if opts.fit == "shipped":  # the 623-page weights, not refitted
        return base_model()
    if opts.fit == "current":  # the shipped data files as they are, not refitted
        return current_model()
    if opts.fit == "prior":
        return fit_prior(rows, opts, base_model())
    if opts.fit == "mix":
        local = _local_fit(given, rows, dataclasses.replace(opts, fit="local", mix=0.5))
        both = pooled(base_model(), local, opts.mix)
        return dataclasses.replace(both, body_bias=opts.bias, sentence_bias=opts.sentence_bias)
    model = fit_logistic(rows, opts)
    if not opts.trees:
        return model
    stories = sorted({r.story for r in rows})
    fold = {s: k % STACK_FOLDS for k, s in enumerate(stories)}
    stacked = [np.empty((len(r.labels), len(CLASSES))) for r in rows]
    for k in range(STACK_FOLDS):
        inner = fit_logistic([r for r in rows if fold[r.story] != k], opts)
        for i, r in enumerate(rows):
            if fold[r.story] == k:
                stacked[i] = logistic_logp(inner, r)
    x = np.hstack([np.vstack([r.x for r in rows]), np.vstack(stacked)])
    y = np.array([CLASSES.index(label) for r in rows for label in r.labels])
    return dataclasses.replace(model, trees=fit_trees(x, y, opts))


#: Inner folds of the training batches whose out-of-fold probabilities a second stage learns on.
STACK_INNER = 3


def fit_stack(rows: list[Page], opts: Options) -> Stack:
    """The second stage (:class:`newsframe.lines.Stack`; stacked sequential learning, Cohen &
    Carvalho 2005): the training batches dealt into :data:`STACK_INNER` inner folds, each
    fold's pages read (with their story and alone) by a first stage fitted on the others, and
    a multinomial logistic regression (C 1) fitted on those out-of-fold inputs
    (:func:`newsframe.lines.stack_inputs`); ``opts.stack`` "page" leaves out the neighbours'
    probabilities (their weights 0)."""
    inner = dealt(sorted({r.batch for r in rows}), STACK_INNER)
    plain = dataclasses.replace(opts, stack="")
    zs, ys = [], []
    for g in sorted(set(inner.values())):
        first = fit([r for r in rows if inner[r.batch] != g], plain)
        for r in (r for r in rows if inner[r.batch] == g):
            bounds = _Bounds.of(np.array([0, len(r.labels)]))
            for x in (r.x, r.x_alone):
                logp = logistic_logp(first, dataclasses.replace(r, x=x))
                zs.append(stack_inputs(logp, x, bounds))
                ys.extend(CLASSES.index(label) for label in r.labels)
    z, y = np.vstack(zs), np.array(ys)
    mean, scale = z.mean(axis=0), z.std(axis=0)
    scale = np.where(scale > 0, scale, 1.0)
    use = np.array([opts.stack == "seq" or not n.startswith(("p-", "p+", "on_page"))
                    for n in STACK_INPUTS])  # fmt: skip
    lr = LogisticRegression(C=1.0, max_iter=3000).fit(((z - mean) / scale)[:, use], y)
    weights = np.zeros((len(CLASSES), len(STACK_INPUTS)))
    weights[:, use] = lr.coef_
    return Stack(mean, scale, weights, lr.intercept_)


#: Full refits already made in this run (the pooled fits of several shares reuse one refit).
_LOCAL_FITS: dict[tuple, LineModel] = {}


def _local_fit(given: tuple[int, ...], rows: list[Page], opts: Options) -> LineModel:
    """The logistic refit of ``rows`` with ``opts``, made once per set of pages (``given``:
    the ids of the pages the fit was given) and options."""
    key = (given, opts)
    if key not in _LOCAL_FITS:
        _LOCAL_FITS.clear()  # one fold's rows at a time
        _LOCAL_FITS[key] = fit_logistic(rows, opts)
    return _LOCAL_FITS[key]


#: The weights fitted on the 623 earlier pages, as shipped (``line_model.csv``) at the
#: nineteenth round: what a pooled, prior or residual fit starts from, whatever is shipped.
EARLIER = Path(__file__).resolve().parent / "eval" / "line_model_623.csv"


def base_model() -> LineModel:
    """The weights fitted on the 623 earlier pages (:data:`EARLIER`) with the shipped decoder,
    without a lexical channel: what a pooled, prior or residual fit starts from (never its own
    earlier output), and the baseline ``--fit shipped``."""
    return _read_model(EARLIER.read_text(encoding="utf-8"),
                       (DATA / "line_decoder.toml").read_text(encoding="utf-8"),
                       "line_model_623.csv")  # fmt: skip


def current_model() -> LineModel:
    """The shipped line model as it stands in ``data/`` (weights and decoder), not refitted: the
    baseline ``--fit current`` (fitted on earlier batches, so on those it is not left out)."""
    return load_line_model()


#: Folds of the training pages (by story) for the logistic log-probabilities the trees learn on.
STACK_FOLDS = 5


def logistic_logp(model: LineModel, page: Page) -> np.ndarray:
    """The logistic model's log class probabilities of a page's lines."""
    vocab = model.vocabulary
    ids = [tuple(vocab[t] for t in terms if t in vocab) for terms in page.terms]
    return dataclasses.replace(model, trees=None).log_proba(page.x, ids if model.terms else None)


def fit_trees(x: np.ndarray, y: np.ndarray, opts: Options) -> TreeEnsemble:
    """Gradient-boosted trees (scikit-learn's histogram boosting, multinomial deviance, fixed
    seed, no early stopping) on the features and the stacked log-probabilities, as flat arrays."""
    clf = HistGradientBoostingClassifier(
        max_iter=opts.trees, max_depth=opts.depth, learning_rate=opts.rate, early_stopping=False,
        random_state=18, l2_regularization=1.0, min_samples_leaf=20,
    )  # fmt: skip
    clf.fit(x, y, sample_weight=np.where(y == 0, opts.body_weight, 1.0))
    feature, threshold, left, right, value, roots, klass = [], [], [], [], [], [], []
    for by_class in clf._predictors:
        for k, tree in enumerate(by_class):
            start = len(feature)
            roots.append(start)
            klass.append(int(clf.classes_[k]) if len(clf.classes_) > 2 else 2)
            for j, node in enumerate(tree.nodes):
                leaf = bool(node["is_leaf"])
                feature.append(0 if leaf else int(node["feature_idx"]))
                threshold.append(math.inf if leaf else float(node["num_threshold"]))
                left.append(start + (j if leaf else int(node["left"])))
                right.append(start + (j if leaf else int(node["right"])))
                value.append(float(node["value"]) if leaf else 0.0)
    baseline = np.full(len(CLASSES), -30.0)  # a class never seen is never chosen
    baseline[clf.classes_] = clf._baseline_prediction.ravel()
    depth = max(int(n["depth"]) for p in clf._predictors for t in p for n in t.nodes)
    return TreeEnsemble(np.array(feature), np.array(threshold), np.array(left), np.array(right),
                        np.array(value), np.array(roots), np.array(klass), baseline, depth)  # fmt: skip


def fit_logistic(rows: list[Page], opts: Options) -> LineModel:
    """Fit weights, vocabulary and transitions on the given pages."""
    x = np.vstack([r.x for r in rows])
    y = np.array([CLASSES.index(label) for r in rows for label in r.labels])
    if opts.drop:
        names = [name for name, _, _ in FEATURES]
        x[:, [names.index(d) for d in opts.drop]] = 0.0
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale = np.where(scale > 1e-9, np.maximum(scale, opts.scale_floor), 1.0)
    terms = chosen_terms(rows, opts)
    index = {t: j for j, t in enumerate(terms)}
    data, cols, ptr = [], [], [0]
    for r in rows:
        for line in r.terms:
            ids = [index[t] for t in line if t in index]
            cols += ids
            data += [opts.term_scale] * len(ids)
            ptr.append(len(cols))
    lexical = sparse.csr_matrix((data, cols, ptr), shape=(len(y), len(terms)))
    design = sparse.hstack([sparse.csr_matrix((x - mean) / scale), lexical]).tocsr()
    clf = LogisticRegression(C=opts.c, max_iter=5000)
    clf.fit(design, y, sample_weight=np.where(y == 0, opts.body_weight, 1.0))
    coef = np.zeros((len(CLASSES), design.shape[1]))
    intercept = np.full(len(CLASSES), -30.0)  # a class never seen is never chosen
    for k, cls in enumerate(clf.classes_):
        coef[cls], intercept[cls] = clf.coef_[k], clf.intercept_[k]
    d = x.shape[1]
    start, trans = transitions(rows)
    start, trans = start * opts.transition_scale, trans * opts.transition_scale
    end = ends(r.labels for r in rows) * opts.transition_scale
    return LineModel(mean, scale, coef[:, :d], intercept, start, trans, opts.bias,
                     opts.sentence_bias, "fitted", terms, coef[:, d:] * opts.term_scale,
                     end=end)  # fmt: skip


def fit_prior(rows: list[Page], opts: Options, prior: LineModel) -> LineModel:
    """Refit the logistic model on the given pages with a Gaussian prior centred on ``prior``'s
    weights (maximum a posteriori: the multinomial log-loss plus ``||W - W0||^2 / (2 c)`` over
    every weight and intercept; Chelba & Acero 2006, "Adaptation of maximum entropy
    capitalizer: little data can help a lot"). New evidence moves a weight only as far as it
    outweighs what the prior's own, larger fit learned; with few pages the weights stay near
    it. A feature new to the shipped file (``opts.new``) has its own variance, ``new_c``;
    ``c = 0`` keeps every shipped weight exactly and fits only the new features' weights. The prior's standardisation, vocabulary, decoder and biases are kept (its weights are
    in their units); ``c`` is the prior's variance (sklearn's ``C`` of the plain fit is the same
    scale: 0.5 means the penalty of the 0.5 fit, centred on the prior instead of on zero).
    Fitted by L-BFGS (scipy) to its optimum; deterministic."""
    x = np.vstack([r.x for r in rows])
    y = np.array([CLASSES.index(label) for r in rows for label in r.labels])
    if opts.drop:
        names = [name for name, _, _ in FEATURES]
        x[:, [names.index(d) for d in opts.drop]] = 0.0
    added: tuple[str, ...] = ()
    if opts.lex_c > 0:
        known = set(prior.terms)
        added = tuple(t for t in vocabulary(rows, opts.min_outlets, opts.min_stories)
                      if t not in known)  # fmt: skip
        near0 = prior.near_weights
        if near0 is None:
            near0 = np.zeros((2, len(CLASSES), len(prior.terms)))
        prior = dataclasses.replace(
            prior, terms=prior.terms + added,
            term_weights=np.hstack([prior.term_weights, np.zeros((len(CLASSES), len(added)))]),
            near_weights=np.concatenate([near0, np.zeros((2, len(CLASSES), len(added)))], axis=2),
        )  # fmt: skip
    index = {t: j for j, t in enumerate(prior.terms)}
    blocks = [term_matrix(rows, index, 0)]
    w_blocks = [prior.term_weights]
    near = opts.lex_c > 0 and opts.near
    if near:
        blocks += [term_matrix(rows, index, -1), term_matrix(rows, index, 1)]
        w_blocks += list(prior.near_weights)
    design = sparse.hstack(
        [sparse.csr_matrix((x - prior.mean) / prior.scale), *blocks, np.ones((len(y), 1))]
    ).tocsr()
    w0 = np.hstack([prior.weights, *w_blocks, prior.intercept[:, None]])
    k, d = w0.shape
    onehot = np.zeros((len(y), k))
    onehot[np.arange(len(y)), y] = 1.0
    weight = np.where(y == 0, opts.body_weight, 1.0)[:, None]
    names = [name for name, _, _ in FEATURES]
    new = [names.index(f) for f in opts.new]
    penalty = np.full(d, 1.0 / opts.c if opts.c > 0 else 0.0)
    penalty[new] = 1.0 / opts.new_c
    free = np.full((k, d), opts.c > 0)  # c = 0: the shipped weights stay exactly as they are
    free[:, new] = True
    nf, nt = len(FEATURES), len(prior.terms)
    if added:  # the added terms' own columns come last of the own terms
        penalty[nf + nt - len(added) : nf + nt] = 1.0 / opts.lex_c
        free[:, nf + nt - len(added) : nf + nt] = True
    if near:  # the near terms' columns: every term, before the intercept
        penalty[nf + nt : -1] = 1.0 / opts.lex_c
        free[:, nf + nt : -1] = True

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w = w0.copy()
        w[free] = theta
        scores = design @ w.T
        top = scores.max(axis=1, keepdims=True)
        logz = top + np.log(np.exp(scores - top).sum(axis=1, keepdims=True))
        logp = scores - logz
        diff = w - w0
        value = -(weight * onehot * logp).sum() + 0.5 * (penalty * diff**2).sum()
        grad = (design.T @ (weight * (np.exp(logp) - onehot))).T + penalty * diff
        return float(value), grad[free]

    found = optimize.minimize(loss, w0[free], jac=True, method="L-BFGS-B",
                              options={"maxiter": 5000})  # fmt: skip
    w = w0.copy()
    w[free] = found.x
    near_w = np.stack([w[:, nf + nt : nf + 2 * nt], w[:, nf + 2 * nt : -1]]) if near else None
    return dataclasses.replace(
        prior, weights=w[:, :nf], term_weights=w[:, nf : nf + nt], intercept=w[:, -1],
        body_bias=opts.bias, sentence_bias=opts.sentence_bias, source="fitted with prior",
        near_weights=near_w if near else prior.near_weights,
    )  # fmt: skip


def term_matrix(rows: list[Page], index: dict[str, int], side: int) -> sparse.csr_matrix:
    """Binary lines-by-terms matrix of the pages' lines (``index``: each term's column): of
    each line's own terms (``side`` 0), or of the previous (-1) or next (1) line's on its page."""
    cols: list[int] = []
    ptr = [0]
    for r in rows:
        n = len(r.terms)
        for i in range(n):
            j = i + side
            if 0 <= j < n:
                cols += [index[t] for t in r.terms[j] if t in index]
            ptr.append(len(cols))
    return sparse.csr_matrix((np.ones(len(cols)), cols, ptr), shape=(len(ptr) - 1, len(index)))


def end_table(end: np.ndarray | None) -> list[str]:
    """The ``[end]`` table of the decoder file (its lines; none without end probabilities)."""
    if end is None:
        return []
    return [
        "# [end]: the log-probability of a page ending after a line in each state (counted from",
        "# the labelled pages; a page mostly ends in its body or in the chrome after it).",
        "[end]",
        *(f"{s} = {end[i]:.6f}" for i, s in enumerate(STATES)),
        "",
    ]


def write_end(sets: Sequence[str], labels: Path = LABELS) -> np.ndarray:
    """Count the end probabilities (:func:`ends`) from the labels alone of the given sets of a
    label file (no page text is needed) and put them in ``line_decoder.toml`` in place of its
    ``[end]`` table, every other value kept; returns them."""
    pages = json.loads(labels.read_text(encoding="utf-8"))
    end = ends([label for _, label in sorted(p["labels"])] for p in pages if p["set"] in sets)
    path = DATA / "line_decoder.toml"
    text = path.read_text(encoding="utf-8")
    cut = text.find("\n# [end]")
    kept = (text if cut < 0 else text[: cut + 1]).rstrip("\n") + "\n\n"
    path.write_text(kept + "\n".join(end_table(end)), encoding="utf-8")
    return end


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


MODEL_HEADER = """\
# Line model of newsframe.lines, fitted by benchmarks/train_line_model.py: a multinomial
# logistic regression over the classes body, headline, chrome, caption, byline.
# One row per feature: its name, what a high and a low value say (for the audit), the mean and
# scale that standardise it, and its weight per class; the (intercept) row adds to every line.
# Rows named term:<words> are the vocabulary: lowercase words and word pairs of a line's
# opening (newsframe.lines.line_terms) seen on lines of at least {min_outlets} training
# outlets and {min_stories} stories; a term present adds its weights to the line's class
# scores (not standardised). A line's class scores: the sum of weight * (value - mean) /
# scale, plus its terms' weights, plus the intercept; the decoder (line_decoder.toml) reads
# their softmax. Lines starting with # are comments.
# Fitted on each labelled page read {corpus}."""


TREES_HEADER = """\
# Trees of the line model of newsframe.lines, fitted by benchmarks/train_line_model.py:
# {n} gradient-boosted regression trees ({rounds} rounds, one tree per class and round, depth
# at most {depth}; multinomial deviance, scikit-learn's HistGradientBoostingClassifier) stacked
# on the logistic model of line_model.csv. Their inputs are the features of line_model.csv
# (raw values, not standardised) and logistic:<class>, the logistic model's log-probability
# of each class. One row per node: the tree, the class it scores, the node (0 is the root),
# and for an inner node the input it reads and its threshold (a value at most the threshold
# goes to the node `left`, else to `right`); a leaf has no input and holds `value`. A line's
# score for a class is the baseline row's value plus the leaf value it reaches in each tree
# of that class; the decoder (line_decoder.toml) reads the softmax of the scores.
# Lines starting with # are comments."""


def write_trees(trees: TreeEnsemble, opts: Options) -> None:
    """Write the trees as plain data (one row per node; thresholds exact to 9 digits)."""
    names = [n for n, _, _ in FEATURES] + list(STACKED)
    lines = [TREES_HEADER.format(n=len(trees.roots), rounds=opts.trees, depth=trees.depth),
             ",".join(("tree", "class", "node", "feature", "threshold", "left", "right", "value"))]  # fmt: skip
    lines += [f"baseline,{c},,,,,,{trees.baseline[k]:.9g}" for k, c in enumerate(CLASSES)]
    ends = [*trees.roots[1:].tolist(), len(trees.feature)]
    for t, (start, end) in enumerate(zip(trees.roots.tolist(), ends, strict=True)):
        c = CLASSES[trees.klass[t]]
        for j in range(start, end):
            if trees.left[j] == j:
                lines.append(f"{t},{c},{j - start},,,,,{trees.value[j]:.9g}")
            else:
                lines.append(f"{t},{c},{j - start},{names[trees.feature[j]]},"
                             f"{trees.threshold[j]:.9g},{trees.left[j] - start},"
                             f"{trees.right[j] - start},")  # fmt: skip
    (DATA / "line_trees.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


WORDS_HEADER = """\
# Lexical channel of the line model of newsframe.lines, fitted by benchmarks/train_line_model.py
# (--fit prior --c 0 --lex-c {lex_c:g}{near} --min-outlets {min_outlets} --min-stories
# {min_stories}) on {pages} local labelled pages, every weight of line_model.csv kept (a residual
# fit: what the words add to the model fitted on the 623 earlier pages). A term is a lowercase
# word or word pair of a line's opening (newsframe.lines.line_terms; a number is 0), seen on
# lines of at least {min_outlets} outlets and {min_stories} stories of those pages. One row per
# term: the weights per class it adds to its own line's class scores (body .. byline; a term
# of line_model.csv adds them to its weights there), to the next line's when it is on the line
# before it (previous:<class>) and to the previous line's when it is on the line after it
# (next:<class>); never across a page's edge. Read when line_decoder.toml says words = true.
# Lines starting with # are comments."""


def write_words(model: LineModel, opts: Options, pages: int) -> None:
    """Write the lexical channel of a residual fit (``model``, fitted on :func:`base_model`) as
    ``line_words.csv`` (the weights it adds; six decimals, the vocabulary's order) and mark the
    decoder ``words = true`` with the fit's body bias (the words move the operating point: the
    bias is chosen with them, docs/evaluation.md); ``line_model.csv`` is left as it is."""
    base = base_model()
    k, have = len(CLASSES), base.vocabulary
    near = (
        model.near_weights if model.near_weights is not None else np.zeros((2, k, len(model.terms)))
    )
    head = WORDS_HEADER.format(lex_c=opts.lex_c, near=" --near 1" if opts.near else "",
                               min_outlets=opts.min_outlets, min_stories=opts.min_stories,
                               pages=pages)  # fmt: skip
    lines = [head, ",".join(WORD_COLUMNS)]
    for j, term in enumerate(model.terms):
        own = model.term_weights[:, j] - (base.term_weights[:, have[term]] if term in have else 0)
        values = np.round(np.concatenate([own, near[0][:, j], near[1][:, j]]), 6) + 0.0
        if np.any(values != 0):
            lines.append(_quoted(term) + "," + ",".join(f"{v:.6f}" for v in values))
    (DATA / "line_words.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    path = DATA / "line_decoder.toml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^body_bias = .*$", f"body_bias = {model.body_bias}", text, count=1)
    if "\nwords = " not in text:
        text = text.replace("\ntrees = ", "\n# words = true: the lexical channel (line_words.csv) adds its terms' weights.\n"
                            "words = true\ntrees = ", 1)  # fmt: skip
    path.write_text(text, encoding="utf-8")


def write(model: LineModel, opts: Options, pages: int = 0) -> None:
    """Write the model as plain data files in the package (six decimals, stable order)."""
    reading = {"both": "with the other outlets' pages of its story and alone",
               "story": "with the other outlets' pages of its story", "alone": "alone"}  # fmt: skip
    header = MODEL_HEADER.format(min_outlets=opts.min_outlets, min_stories=opts.min_stories,
                                 corpus=reading[opts.corpus])  # fmt: skip
    if opts.fit == "prior" and opts.c == 0 and opts.new:
        header += (
            f"\n# Every weight but those of {', '.join(opts.new)} as first fitted; those were fitted"
            f"\n# later on {pages} pages with the others kept (--fit prior --c 0 --new"
            f" {','.join(opts.new)} --new-c {opts.new_c:g}; docs/evaluation.md)."
        )
    if opts.fit == "mix":
        header += (
            f"\n# The geometric pool (newsframe.lines.pooled, --fit mix --mix {opts.mix:g}) of the"
            f"\n# weights fitted on 623 earlier pages (share {opts.mix:g}) and a refit on {pages} local"
            f"\n# pages (C {opts.c:g}; terms of the refit on >= {opts.min_outlets} outlets and"
            f"\n# >= {opts.min_stories} stories); docs/evaluation.md, nineteenth round."
        )
        if opts.proper:
            header += ("\n# The refit's own terms: only those whose words are written in lowercase"
                       "\n# in at least half of their occurrences inside a sentence (--proper 1:"
                       "\n# names stay out).")  # fmt: skip
    lines = [header, "feature,when_high,when_low,mean,scale," + ",".join(CLASSES)]
    lines.append("(intercept),,,0,1," + ",".join(f"{v:.6f}" for v in model.intercept))
    for k, (name, hi, lo) in enumerate(FEATURES):
        w = ",".join(f"{v:.6f}" for v in model.weights[:, k])
        lines.append(f"{name},{_quoted(hi)},{_quoted(lo)},{model.mean[k]:.6f},"
                     f"{model.scale[k]:.6f},{w}")  # fmt: skip
    for j, term in enumerate(model.terms):
        w = ",".join(f"{v:.6f}" for v in model.term_weights[:, j])
        words = _quoted(f'the words "{term}"')
        lines.append(f'{_quoted("term:" + term)},{words},"",0,1,{w}')
    (DATA / "line_model.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = [
        "# Decoder of the line model (newsframe.lines), fitted by benchmarks/train_line_model.py.",
        "# States: before -> headline -> body -> after; inbody = chrome between body lines.",
        "# Values are natural-log probabilities; a move not listed is not allowed.",
        "# [end] (optional): how likely a page ends after a line in each state.",
        *(
            [
                f"# Start and transition log-probabilities are multiplied by {opts.transition_scale:g}:",
                "# the classifier's probabilities already hold how often each class occurs, so the",
                "# decoder's counts weigh less than in a plain hidden Markov model.",
            ]
            if opts.transition_scale != 1
            else []
        ),
        "# body_bias is added to the body state's log-probability: a line must be clearly",
        "# more likely chrome than body to be removed (body first).",
        "# sentence_bias is added on top for lines of eight words or more that read as sentences.",
        f"body_bias = {model.body_bias}",
        f"sentence_bias = {model.sentence_bias}",
        "# kept_bias is added for lines the rule cleaner keeps in the body. A line only this bias",
        "# keeps (without it the model scores it chrome, caption or byline) gets a second look with",
        "# its page (newsframe.lines: off the page's story, or outside the article, goes).",
        f"kept_bias = {model.kept_bias}",
        "# kept_words: the kept bias is for lines of at least this many words (not fragments).",
        f"kept_words = {model.kept_words}",
        "# trees = true: trees (line_trees.csv) stacked on the logistic model decide the classes.",
        f"trees = {'true' if model.trees is not None else 'false'}",
        "",
        "[start]",
    ]
    out += [
        f"{s} = {model.start[i]:.6f}" for i, s in enumerate(STATES) if np.isfinite(model.start[i])
    ]
    out.append("")
    for i, a in enumerate(STATES):
        out.append(f"[transitions.{a}]")
        out += [f"{b} = {model.transitions[i, j]:.6f}" for j, b in enumerate(STATES)
                if np.isfinite(model.transitions[i, j])]  # fmt: skip
        out.append("")
    out += end_table(model.end)
    (DATA / "line_decoder.toml").write_text("\n".join(out), encoding="utf-8")
    if model.trees is not None:
        write_trees(model.trees, opts)
    else:
        (DATA / "line_trees.csv").unlink(missing_ok=True)


def cross_validate(
    pages: list[dict],
    rows: list[Page],
    *,
    by: str,
    opts: list[Options],
    biases: list[tuple[float, ...]],
    fraction: float = 1.0,
    folds: int = 0,
    modes: tuple[str, ...] = ("alone", "story"),
    match: str = "",
    kept_groups: int = 0,
    seed: int = 18,
    inner_folds: int = 0,
) -> dict[tuple[int, tuple[float, ...], str], dict[str, int]]:
    """Leave-one-group-out CV: each outlet's (or story's) pages cleaned by a model fitted
    without that group; summed counts per options, bias pair and mode (each page cleaned
    ``alone``, or with the other outlets' pages of its ``story``). With ``folds`` the groups
    are dealt (sorted, in turn) into that many folds, each left out whole. With ``match`` every
    fit is compared at one operating point: its body bias is set on the fold's training pages
    (:func:`matched`) so that it loses no more body lines there than the shipped weights:
    ``train`` cleans them with the fit itself (which has seen them), ``oof`` with fits that
    leave each of the training groups out in turn (the loss a fit will show on pages it has
    not seen; with one training group, ``train``). With ``kept_groups`` each fold trains on
    that many of its training groups, drawn at random (``seed``): a learning curve over the
    number of batches. ``inner_folds`` deals the training groups of ``oof`` into that many
    inner folds (sorted, in turn; 0: one each): a nested cross-validation whose inner folds
    set the bias and whose outer folds judge it. Each mode's totals keep per fold its groups,
    chrome lines removed and body lines lost (``per_fold``)."""
    fold_of = dealt(sorted({p[by] for p in pages}), folds)
    rng = np.random.default_rng(seed)
    totals: dict = defaultdict(lambda: defaultdict(int))
    stories = story_words(pages)  # a page's corpus: its story's other outlets, never its own
    for fold in sorted(set(fold_of.values())):
        test = [p for p in pages if fold_of[p[by]] == fold]
        rules = evaluate(test, "rules")
        train = [i for i, p in enumerate(pages) if fold_of[p[by]] != fold]
        if kept_groups:
            keep = drawn_groups([pages[i][by] for i in train], kept_groups, rng)
            train = [i for i in train if pages[i][by] in keep]
        if fraction < 1:
            train = sorted(rng.choice(train, size=round(fraction * len(train)), replace=False))
        for k, o in enumerate(opts):
            model = fit([rows[i] for i in train], o)
            for b in biases:
                m = dataclasses.replace(model, body_bias=b[0], sentence_bias=b[1],
                                        kept_bias=b[2], kept_words=int(b[3]))  # fmt: skip
                if match:
                    m = dataclasses.replace(m, body_bias=set_bias(
                        pages, rows, train, by=by, fitted=m, o=o, b=b, match=match,
                        inner_folds=inner_folds))  # fmt: skip
                    totals[k, b, "bias"]["bias"] = (*totals[k, b, "bias"].get("bias", ()),
                                                    m.body_bias)  # fmt: skip
                for mode in modes:
                    s = evaluate(test, m, stories=stories if mode == "story" else None)
                    for key, v in s.items():
                        totals[k, b, mode][key] += v
                    name = "+".join(sorted({p[by] for p in test}))
                    totals[k, b, mode]["per_fold"] = (
                        *totals[k, b, mode].get("per_fold", ()),
                        (name, s.get("chrome", 0), s.get("chrome_n", 0), s.get("body_lost", 0)),
                    )
                    if s.get("chrome_n"):  # this fold's chrome removed, points over the rules'
                        gain = 100 * (s.get("chrome", 0) - rules.get("chrome", 0)) / s["chrome_n"]
                        lost = s.get("sentences_lost", 0) - rules.get("sentences_lost", 0)
                        t = totals[k, b, mode]
                        t["gains"] = (*t.get("gains", ()), gain)
                        t["lost"] = (*t.get("lost", ()), lost)
    return totals


def dealt(groups: Sequence[str], folds: int) -> dict[str, int]:
    """Each of the sorted ``groups`` and the fold it is dealt to, in turn (``folds`` 0: a fold
    for each group).

    >>> dealt(["a", "b", "c"], 2)
    {'a': 0, 'b': 1, 'c': 0}
    >>> dealt(["a", "b"], 0)
    {'a': 0, 'b': 1}
    """
    return {g: (k % folds if folds else k) for k, g in enumerate(groups)}


def drawn_groups(groups: Sequence[str], k: int, rng: np.random.Generator) -> set[str]:
    """``k`` of the distinct ``groups`` drawn at random without replacement (all of them when
    there are no more than ``k``): the training batches of one point of a learning curve.

    >>> sorted(drawn_groups(["b", "a", "b", "c"], 5, np.random.default_rng(0)))
    ['a', 'b', 'c']
    >>> len(drawn_groups(["a", "b", "c", "d"], 2, np.random.default_rng(0)))
    2
    """
    pool = sorted(set(groups))
    return set(rng.choice(pool, size=min(k, len(pool)), replace=False).tolist())


def set_bias(
    pages: list[dict],
    rows: list[Page],
    train: list[int],
    *,
    by: str,
    fitted: LineModel,
    o: Options,
    b: tuple[float, ...],
    match: str,
    inner_folds: int = 0,
) -> float:
    """The body bias a fit on the pages ``train`` (``fitted``, options ``o``) is given by
    :func:`matched`: the shipped weights' loss at the biases ``b`` on those pages, met by the
    fit itself (``match`` ``train``) or by fits leaving each of the training groups out in
    turn (``oof``; dealt into ``inner_folds`` inner folds when that is not 0): the inner
    folds of a nested cross-validation, or the bias of a file written on every page."""
    shipped = dataclasses.replace(base_model(), body_bias=b[0], sentence_bias=b[1],
                                  kept_bias=b[2], kept_words=int(b[3]))  # fmt: skip
    seen = [pages[i] for i in train]
    inner = [(seen, fitted)]
    if match == "oof" and len({pages[i][by] for i in train}) > 1:
        inner = []
        inner_of = dealt(sorted({pages[i][by] for i in train}), inner_folds)
        for g in sorted(set(inner_of.values())):
            held = [i for i in train if inner_of[pages[i][by]] == g]
            rest = [rows[i] for i in train if inner_of[pages[i][by]] != g]
            model = dataclasses.replace(fit(rest, o), sentence_bias=b[1], kept_bias=b[2],
                                        kept_words=int(b[3]))  # fmt: skip
            inner.append(([pages[i] for i in held], model))
    return matched(inner, seen, shipped)


#: Body biases a fit is tried at to meet the shipped weights' body loss (:func:`matched`).
MATCH_BIASES = tuple(round(-2 + 0.25 * k, 2) for k in range(41))


def matched(
    cleaners: list[tuple[list[dict], LineModel]], pages: list[dict], shipped: LineModel
) -> float:
    """The body bias that puts a fit at the operating point of the shipped weights: the least
    of :data:`MATCH_BIASES` (the most chrome removed) at which the fit's models, each cleaning
    its share of the training pages (``cleaners``: pages and the model that cleans them, each
    page alone), lose no more body lines than ``shipped`` loses on all of them (``pages``).
    Body lines lost fall as the bias grows, so the bias is found by bisection over the grid."""
    target = evaluate(pages, shipped).get("body_lost", 0)
    lo, hi = 0, len(MATCH_BIASES) - 1  # the answer lies in [lo, hi]; hi is taken if none meets

    def lost(k: int) -> int:
        return sum(
            evaluate(group, dataclasses.replace(m, body_bias=MATCH_BIASES[k])).get("body_lost", 0)
            for group, m in cleaners
        )

    while lo < hi:
        mid = (lo + hi) // 2
        if lost(mid) <= target:
            hi = mid
        else:
            lo = mid + 1
    return MATCH_BIASES[lo]


def spread(s: dict) -> str:
    """The fold-to-fold spread of the gain in chrome removed over the rules."""
    gains = np.array(s.get("gains", ()))
    if len(gains) < 2:
        return ""
    lost = np.array(s.get("lost", ()))
    return (f"  gain over rules per fold: mean {gains.mean():+.1f}, sd {gains.std(ddof=1):.1f}, "
            f"ahead in {(gains > 0).sum()}, behind in {(gains < 0).sum()} of {len(gains)} folds; "
            f"sentences lost - rules' per fold: mean {lost.mean():+.2f}, "
            f"sd {lost.std(ddof=1):.2f}")  # fmt: skip


def load_batch(spec: str) -> list[dict]:
    """Every labelled page of a batch kept outside the repository, ``LABELS=PAGES`` (its label
    file and its pages' folder), every set in the file."""
    labels, _, folder = spec.partition("=")
    sets = sorted({p["set"] for p in json.loads(Path(labels).read_text(encoding="utf-8"))})
    return [p for s in sets for p in load(Path(folder), s, Path(labels))]


def _grid(args: argparse.Namespace) -> list[Options]:
    """Every combination of the comma-separated option values given."""
    values = {
        "c": [float(v) for v in args.c.split(",")],
        "min_outlets": [int(v) for v in args.min_outlets.split(",")],
        "min_stories": [int(v) for v in args.min_stories.split(",")],
        "term_scale": [float(v) for v in args.term_scale.split(",")],
        "body_weight": [float(v) for v in args.body_weight.split(",")],
        "lexical": [v == "1" for v in args.lexical.split(",")],
        "transition_scale": [float(v) for v in args.transition_scale.split(",")],
        "trees": [int(v) for v in args.trees.split(",")],
        "depth": [int(v) for v in args.depth.split(",")],
        "rate": [float(v) for v in args.rate.split(",")],
        "corpus": args.corpus.split(","),
        "drop": [_dropped(v) for v in args.drop.split(";")],
        "scale_floor": [float(v) for v in args.scale_floor.split(",")],
        "fit": args.fit.split(","),
        "new": [_dropped(args.new)],
        "new_c": [float(v) for v in args.new_c.split(",")],
        "lex_c": [float(v) for v in args.lex_c.split(",")],
        "near": [v == "1" for v in args.near.split(",")],
        "mix": [float(v) for v in args.mix.split(",")],
        "terms": args.terms.split(","),
        "proper": [v == "1" for v in args.proper.split(",")],
        "stack": [v.strip() for v in args.stack.split(",")],
    }
    return [Options(**dict(zip(values, combo, strict=True)))
            for combo in itertools.product(*values.values())]  # fmt: skip


def _dropped(spec: str) -> tuple[str, ...]:
    """Feature names to leave out: names, or a group's first and last name joined by ``..``
    (every feature between them in :data:`FEATURES`), comma-separated."""
    names = [name for name, _, _ in FEATURES]
    out: list[str] = []
    for part in filter(None, spec.split(",")):
        a, _, b = part.partition("..")
        out += names[names.index(a) : names.index(b or a) + 1]
    return tuple(out)


def kept_rows(
    page: dict, row: Page, model: LineModel, elsewhere: Callable[[str], int] = lambda _: 0
) -> list[dict]:
    """Every labelled non-body line of a page that ``model`` (each page alone) leaves in the
    body, described for the diagnosis (:func:`diagnose`): its class, where it sits against the
    labelled body, its words, whether it reads as a sentence, the rules' verdict, why the
    decoder kept it (the first stage's own scores and the decoder's biases) and the features
    that pulled it most toward body (standardised value times the body weight minus its
    class's weight), and on how many other pages of its story the same line stands
    (``elsewhere``, by the line's text)."""
    removed, _ = clean_lines(page["text"], model, frozenset())
    lines, evidence = page_evidence(page["text"])
    x = row.x_alone
    logp = logistic_logp(model, dataclasses.replace(row, x=x))
    names = [n for n, _, _ in FEATURES]
    out = []
    for j, ((n, _, norm), ev) in enumerate(zip(lines, evidence, strict=True)):
        label = row.labels[j]
        if label not in ("chrome", "caption", "byline") or n in removed:
            continue
        k = CLASSES.index(label)
        pull = (x[j] - model.mean) / model.scale * (model.weights[0] - model.weights[k])
        words = round(math.expm1(x[j, names.index("words")]))
        sentence = bool(x[j, names.index("sentence")] > 0)
        other = float(np.log(np.exp(logp[j, 2:]).sum()))
        biases = model.body_bias + model.sentence_bias * (sentence and words >= 8)
        kept = ev.verdict == "body" and words >= model.kept_words
        why = ("first stage: body" if logp[j, 0] >= other
               else "body and sentence biases" if logp[j, 0] + biases >= other
               else "kept bias (the rules keep it)" if logp[j, 0] + biases + model.kept_bias * kept
               >= other else "decoder: sequence and title steps")  # fmt: skip
        out.append({
            "class": label, "where": position(page, n), "words": words, "sentence": sentence,
            "verdict": ev.verdict, "why": why, "elsewhere": elsewhere(line_key(norm)) > 0,
            "pull": names[int(np.argmax(pull))] if why == "first stage: body" else "",
        })  # fmt: skip
    return out


def diagnose(pages: list[dict], rows: list[Page], o: Options, b: tuple[float, ...],
             folds: int) -> None:  # fmt: skip
    """Print the non-body lines kept by fits leaving batches out (``folds`` folds), counted by
    class, place, words, shape, the rules' verdict, why the decoder kept them and, for those
    the first stage itself scores body, the feature that pulled each most toward body."""
    fold_of = dealt(sorted({p["set"] for p in pages}), folds)
    seen: dict[str, Counter] = defaultdict(Counter)  # per story: pages holding each line
    for p in pages:
        seen[p["story"]].update({line_key(line) for line in p["text"].splitlines()})
    kept: list[dict] = []
    for fold in sorted(set(fold_of.values())):
        train = [rows[i] for i, p in enumerate(pages) if fold_of[p["set"]] != fold]
        model = dataclasses.replace(fit(train, o), body_bias=b[0], sentence_bias=b[1],
                                    kept_bias=b[2], kept_words=int(b[3]))  # fmt: skip
        for i, p in enumerate(pages):
            if fold_of[p["set"]] == fold:
                counts = seen[p["story"]]
                kept.extend(kept_rows(p, rows[i], model, lambda t, c=counts: c[t] - 1))
    size = {"1-4": 4, "5-7": 7, "8-19": 19, "20+": math.inf}
    groups = {
        "class": lambda r: r["class"],
        "where": lambda r: r["where"],
        "class and where": lambda r: f"{r['class']} {r['where']}",
        "words": lambda r: next(k for k, v in size.items() if r["words"] <= v),
        "reads as a sentence": lambda r: str(r["sentence"]),
        "rules' verdict": lambda r: r["verdict"],
        "on another page of its story": lambda r: str(r["elsewhere"]),
        "why kept": lambda r: r["why"],
        "why kept, by where": lambda r: f"{r['where']}: {r['why']}",
        "pulled to body most by (first stage: body)": lambda r: r["pull"] or None,
    }
    print(f"non-body lines kept, batches left out: {len(kept)}")
    for name, key_of in groups.items():
        counts = Counter(key_of(r) for r in kept)
        counts.pop(None, None)
        print(f"{name}: " + ", ".join(f"{k} {v}" for k, v in counts.most_common(10)))


def _label(o: Options, b: tuple[float, ...]) -> str:
    words = f"w{o.min_outlets}/{o.min_stories}s{o.term_scale:g}" if o.lexical else "nolex"
    trees = f" T{o.trees}d{o.depth}r{o.rate:g}" if o.trees else ""
    drop = f" -{len(o.drop)}f" if o.drop else ""
    drop += f" ts{o.transition_scale:g}" if o.transition_scale != 1 else ""
    drop += f" sf{o.scale_floor:g}" if o.scale_floor else ""
    if o.fit in ("shipped", "current"):
        return f"{o.fit} b{'+'.join(f'{v:g}' for v in b)}"
    words = f"prior {words}" if o.fit == "prior" else words
    words += f" new{len(o.new)}c{o.new_c:g}" if o.fit == "prior" and o.new else ""
    words += f" lex{o.lex_c:g}" if o.fit == "prior" and o.lex_c else ""
    words += " near" if o.fit == "prior" and o.lex_c and o.near else ""
    words = f"mix{o.mix:g} {words}" if o.fit == "mix" else words
    words += " earlier-terms" if o.terms == "earlier" else ""
    words += " lowercase-terms" if o.proper else ""
    words += f" stack-{o.stack}" if o.stack else ""
    return (f"C{o.c:g} {words} bw{o.body_weight:g}{trees}{drop} fit:{o.corpus} "
            f"b{'+'.join(f'{v:g}' for v in b)}")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--cv", default="", help="outlet, story or both (comma-separated)")
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--c", default="0.5")
    parser.add_argument("--min-outlets", default="6")
    parser.add_argument("--min-stories", default="5")
    parser.add_argument("--term-scale", default="1")
    parser.add_argument("--body-weight", default="1")
    parser.add_argument(
        "--transition-scale", default="1", help="multiplies the decoder's log-probabilities"
    )
    parser.add_argument("--trees", default="0", help="boosting rounds (0: logistic only)")
    parser.add_argument("--depth", default="3", help="depth of each tree")
    parser.add_argument("--rate", default="0.1", help="learning rate of the boosting")
    parser.add_argument("--lexical", default="1", help="1 with terms, 0 without (comma list)")
    parser.add_argument(
        "--corpus", default="both", help="fit pages read with their story (story), alone, or both"
    )
    parser.add_argument(
        "--modes", default="alone,story", help="CV: clean each page alone, with its story, or both"
    )
    parser.add_argument(
        "--biases", default="1+1+3+5", help="body+sentence+kept biases (+kept words), comma list"
    )
    parser.add_argument(
        "--drop", default="", help="features to leave out (a,b or first..last); ';' for a grid"
    )
    parser.add_argument(
        "--scale-floor", default="0", help="least scale a feature is standardised by"
    )
    parser.add_argument(
        "--fit", default="local", help="local, shipped or prior (comma list; see Options.fit)"
    )
    parser.add_argument("--new", default="", help="features new to the shipped file (prior)")
    parser.add_argument("--new-c", default="1", help="prior variance of the new features")
    parser.add_argument(
        "--near", default="0", help="with --lex-c: 1 reads the neighbours' terms too (comma list)"
    )
    parser.add_argument(
        "--lex-c", default="0", help="prior variance of terms added to the shipped (prior; 0: none)"
    )
    parser.add_argument(
        "--terms", default="own", help="the terms a fit weighs: own or earlier (comma list)"
    )
    parser.add_argument(
        "--stack", default="",
        help="a second stage on the first's out-of-fold probabilities: seq (the line, its "
        "neighbours, its page) or page (without the neighbours); comma list, empty for none",
    )  # fmt: skip
    parser.add_argument(
        "--proper", default="0",
        help="1 leaves out terms mostly capitalised inside sentences (names; comma list)",
    )  # fmt: skip
    parser.add_argument(
        "--mix", default="0.5", help="with --fit mix: the shipped weights' share (comma list)"
    )
    parser.add_argument(
        "--batch", action="append", default=[],
        help="LABELS=PAGES: a batch kept outside the repository (repeatable; replaces --sets)",
    )  # fmt: skip
    parser.add_argument(
        "--diagnose", action="store_true",
        help="count the non-body lines kept by fits leaving batches out (--folds), by group",
    )  # fmt: skip
    parser.add_argument("--fractions", default="1")
    parser.add_argument("--seed", type=int, default=18, help="CV: seed of the random draws")
    parser.add_argument(
        "--kept-groups", default="0",
        help="CV: train each fold on this many of its training groups, drawn at random "
        "(comma list: a learning curve over the number of batches; 0: all)",
    )  # fmt: skip
    parser.add_argument(
        "--folds", type=int, default=0, help="groups dealt into K folds (0: one each)"
    )
    parser.add_argument(
        "--inner-folds", type=int, default=0,
        help="with --match oof: the training groups dealt into K inner folds (0: one each)",
    )  # fmt: skip
    parser.add_argument("--peer", action="store_true", help="add jusText to the table")
    parser.add_argument(
        "--match", default="", choices=("", "train", "oof"),
        help="CV: set each fit's body bias on its training pages to the shipped weights' body "
        "loss there (train: cleaned by the fit itself; oof: by fits leaving each group out)",
    )  # fmt: skip
    parser.add_argument(
        "--write-end", action="store_true",
        help="count the decoder's end probabilities from the labels of --sets and write them",
    )  # fmt: skip
    args = parser.parse_args(argv)
    if args.write_end:
        end = write_end(args.sets.split(","))
        print("wrote [end] of line_decoder.toml: "
              + ", ".join(f"{s} {v:.3f}" for s, v in zip(STATES, end, strict=True)))  # fmt: skip
        return 0
    if args.batch:
        pages = [p for spec in args.batch for p in load_batch(spec)]
        sets = ",".join(dict.fromkeys(p["set"] for p in pages))
    else:
        pages = [p for s in args.sets.split(",") for p in load(args.pages, s)]
        sets = args.sets
    print(f"pages: {len(pages)} from {len({p['outlet'] for p in pages})} outlets, "
          f"{len({p['story'] for p in pages})} stories (sets {sets})")  # fmt: skip
    rows = table(pages, outlet_repeats(pages))
    biases = [(*(float(v) for v in b.split("+")), 0.0)[:4] for b in args.biases.split(",")]
    grid = _grid(args)
    if args.diagnose:
        diagnose(pages, rows, grid[0], biases[0], args.folds or 5)
        return 0
    if args.cv:
        print(HEADER)
        print(row("rules (main today)", evaluate(pages, "rules")))
        if args.peer:
            print(row("jusText (lines as <p>)", evaluate(pages, "justext"), headline=False))
        for by in args.cv.split(","):
            curve = itertools.product(
                [float(f) for f in args.fractions.split(",")],
                [int(g) for g in args.kept_groups.split(",")],
            )
            for frac, kept in curve:
                modes = tuple(args.modes.split(","))
                totals = cross_validate(pages, rows, by=by, opts=grid, biases=biases,
                                        fraction=frac, folds=args.folds, modes=modes,
                                        match=args.match, kept_groups=kept,
                                        seed=args.seed,
                                        inner_folds=args.inner_folds)  # fmt: skip
                n = f"{kept}g" if kept else f"{round(frac * len(pages))}p"
                name = f"{by[:6]}{args.folds or ''}"
                for k, o in enumerate(grid):
                    for b in biases:
                        for mode in modes:
                            s = totals[k, b, mode]
                            print(row(f"{name} {n} {_label(o, b)} {mode}", s) + spread(s),
                                  flush=True)  # fmt: skip
                            print(f"  removed per class: {per_class(s)}")
                            print(
                                "  per fold (chrome removed/lines, body lines lost): "
                                + "; ".join(
                                    f"{g} {c}/{cn} {lost}"
                                    for g, c, cn, lost in s.get("per_fold", ())
                                )
                            )
                        if args.match:
                            found = totals[k, b, "bias"]["bias"]
                            print(f"  body bias per fold: {', '.join(f'{v:g}' for v in found)}")
    if args.write:
        o = dataclasses.replace(grid[0], bias=biases[0][0], sentence_bias=biases[0][1])
        model = dataclasses.replace(
            fit(rows, o),
            kept_bias=biases[0][2],
            kept_words=int(biases[0][3]),
        )
        if args.match:  # the body bias set on the pages given, leaving their batches out
            bias = set_bias(pages, rows, list(range(len(pages))), by="set", fitted=model,
                            o=o, b=biases[0], match=args.match,
                            inner_folds=args.inner_folds)  # fmt: skip
            model = dataclasses.replace(model, body_bias=bias)
            o = dataclasses.replace(o, bias=bias)
            print(f"body bias set leaving batches out: {bias:g}")
        if o.fit == "prior" and o.lex_c:
            write_words(model, o, len(pages))
            print(f"wrote {DATA / 'line_words.csv'} ({len(model.terms)} terms)")
        else:
            write(model, o, len(pages))
            print(
                f"wrote {DATA / 'line_model.csv'} ({len(model.terms)} terms) and line_decoder.toml"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
