"""Fit the speaker model of ``newsframe.framing.speaker_model`` on the labelled quotations.

Reads ``benchmarks/eval/quotes.json`` and the page files (``--pages``, outside the repository),
runs every page through the real pipeline (``load_article``, then the attribution rows with the
candidates of every quotation collected: ``attribution._article_rows(..., collect=...)``), finds
each labelled quotation among the predicted ones exactly as ``eval_quotes.py`` does (``_best``),
and names every candidate as the attribution table would (the article's entity layer, then the
links of the article) so that a candidate is *right* when ``eval_quotes.py`` would count it right
(every speaker key or display name holds one of the accepted strings). A logistic regression
(scikit-learn, L2, ``C``) is fitted on the standardised features of the (quotation, candidate)
pairs of the labelled quotations; a quotation's speaker is its best-scoring candidate.

Cross-validation leaves one story (``--cv story``) or one outlet (``--cv outlet``) out at a
time: the model is fitted on the other stories' quotations and chooses the speakers of the
held-out one; the rules (the candidate the rules chose) are scored on the same quotations.
Speaker and verb accuracy and recall are ``eval_quotes.py``'s; junk speakers are counted over
every predicted quotation of a page (distinct keys that match no speaker labelled on the page).

    python benchmarks/train_speaker_model.py --pages PAGES_DIR --cv story,outlet
    python benchmarks/train_speaker_model.py --pages PAGES_DIR --write

``--write`` fits on every labelled quotation and writes ``src/newsframe/data/speaker_model.csv``.
The defaults are the shipped model's (pointwise fit, C 0.1; ``--own settled``: the rules' choice
stands for a quotation whose own verb credits speakers named by their names, as
``speaker_model.settled`` decides; ``keep``: for every quotation with an own verb, as before;
``model``: for none). Each cross-validation also prints the *candidate ceiling* (found
quotations with a right candidate among their candidates) and the *reachable* share (... that
the model may choose), per group with ``-v``; ``--misses`` counts the quotations no candidate
gets right by kind (the speaker as the page names it: a pronoun, a description, a name; whether
the article's entity layer holds the right entity at all).

On the 678 labelled quotations whose pages are at hand (175 pages, 33 stories; 642 found),
leaving one story out at a time: candidate ceiling 95.8% -> 98.3% with the wider candidates
(reachable 91.9% -> 97.0%); speaker accuracy rules 86.9% -> 87.9% (a month after "Mrs" is a
surname), old model 90.0%, new model 92.2%; verb 94.0% (old model) -> 94.5%; recall 94.7%
throughout; junk speakers 33 (old model) -> 27. Leaving one outlet out: 89.9% -> 92.4%, junk 33
-> 27. Letting the model choose for every quotation: 92.2%, junk 29; keeping the rules' choice
for every quotation with an own verb: 91.3%. C from 0.03 to 1 moves the accuracy by a
quotation or two; the ranking fit is a little worse. On the stories of the held-out-5 batch,
each left out in turn: old model 79.1% (ceiling 92.1%), new 85.9% (ceiling 99.4%). Earlier:
on 482 quotations (139 pages, 30 stories) rules 90.8% -> model 94.0%. ``--drop`` leaves
features out (ablation): each of the new features alone moves the leave-story-out accuracy by
less than one point.
On all 853 labelled quotations at hand (215 pages, 39 stories, 805 found), leaving one story
out at a time: speaker 89.7% -> 89.6% -> 89.9%, verb 92.6% -> 93.5% -> 93.8%, first with the
manner verbs after a quotation ("fumed") and a verb tied by a comma or colon to the quotation
after it kept without a subject, then with ``settled`` stricter (a name needs a capitalised
word that is no role noun; an "according to" frame never settles: right candidates the rules
kept from the model 13 -> 7); leaving one outlet out: speaker 89.9% -> 90.3%, verb 92.5% ->
93.7%; recall 94.4%, candidate ceiling 97.6% throughout, junk 44 -> 43. On the five stories of
held-out-6, each left out: speaker 80.4% both, verb 84.9% -> 86.2%. C from 0.01 to 1 moves the
speaker accuracy by at most three quotations (0.1 kept); the ranking fit gains two speakers but
loses two verbs and adds three junk speakers; ``--own model`` loses two speakers; features
relative to the quotation's best candidate (salience, mentions so far, spoken before) gain one,
interactions (description x main entity, pronoun x antecedent, verb side x sentence) lose two
to three: none kept.
On all 983 labelled quotations at hand (263 pages, 43 stories, 932 found), leaving one story
out at a time: speaker 90.0% -> 93.3%, verb 92.9% -> 97.8%, recall 94.3% -> 94.8%, junk 55 ->
36, candidate ceiling 97.6% -> 98.3% (rules alone: speaker 85.2% -> 89.3%, verb 92.2% ->
97.5%; with the entity layer of the same round), with a reporting verb whose subject is not found kept for its quotation, the verb of a
quotation among several chosen by its clause, a quotation run on into the next paragraph
credited by that one's tag, general reporting verbs and person nouns in the table, and a
description resolved to the person it describes; leaving one outlet out: 90.1% -> 93.3%,
92.9% -> 97.8%. Not kept: a speaker noun phrase never opening with "and" ("threatened and
consulates attacked": one speaker fewer), two features for the subject of a sentence near the
quotation and a possessive mention ("Hawke's decision": one speaker and one verb fewer).
On all 1,170 labelled quotations at hand (303 pages, 47 stories, 1,106 found), leaving one
story out: speaker 91.8% -> 92.1% -> 92.3% -> 92.6%, verb 97.5% -> 97.7%, junk 53 -> 52 -> 51
-> 48, and 92.5% at the end of the round (leaving one outlet out: 91.5% -> 92.5%, junk 54 ->
48), first
with genders read from the article's own pronouns, a closing quotation mark after a space
paired and the article's news outlets never chosen (:func:`speaker_model.best_candidate`,
applied here as in the library), then with ``antecedent_subject`` (an entity a pronoun could
stand for, last named as the subject that opens its sentence, no possessive), then with the
candidates of a kind a pronoun cannot stand for barred ("he" and a ministry). Barring the
candidates of the wrong gender too lost two quotations (a role noun's gender is not sure:
"Cuca Gamarra, spokesman for the party").
Only the sets named by ``--sets`` are used (all by default); a held-out batch still to be
measured never informs a fit.

A candidate is named with the article's rows before it and those of the next two paragraphs
(as the rules credit them), since ``name_speakers`` names each row with the memory of the rows
before it (a pronoun the rules took for a title a rule then named is that person; a lede's
description takes the name the next paragraph gives it): named alone, as before, the shipped
model scored 86.3% on the 144 local pages where ``eval_quotes.py`` counts 90.1%; named in
context, 90.0% (the per-set numbers within a quotation of ``eval_quotes.py``'s).
``--cv set`` leaves one whole annotation batch out at a time. ``--fit shipped`` scores the
shipped weights without a refit (the baseline); ``--fit prior`` refits with a Gaussian prior
centred on the shipped weights (:func:`fit_prior`, variance ``--c``; ``--c 0`` keeps every
shipped weight and fits only the features named by ``--new``, centred on 0 with variance
``--new-c``). ``--labels`` reads other label files of the same format (repeatable). On the 144
local pages (development-3, held-out-11, -12, -13; 634 quotations, 608 found; candidate ceiling
94.6%), leaving one batch out (one story out) -- speaker, junk speakers: shipped 90.0%, 34
(90.0%, 34); a full refit on these pages 89.3%, 33 (90.1%, 32), with the five new features
89.5%, 34 (90.0%, 35); prior fit moving every weight, variance 0.03 90.0%, 34 (90.1%, 34), 0.1
90.0%, 36 (90.1%, 35); prior fit of the new features alone 90.6%, 33 (90.6%, 33). With
development-4 (180 pages, 770 quotations, five batches; ``--labels benchmarks/eval/quotes.json
--labels quotes_dev4.json``): shipped 88.3%, 48 (88.3%, 48); full refit 88.1%, 47 (88.5%, 46),
with the new features 88.6%, 45 (88.9%, 43); prior fit of every weight, variance 0.03, 88.9%,
44 (89.0%, 44); prior fit of the new features alone 89.0%, 46 (89.0%, 46): shipped.
Each label file may have its own page folder (``--labels F1 --pages D1 --labels F2 --pages
D2``). On the nine local batches (324 pages, 1,392 quotations, 1,353 found), leaving one batch
out: shipped 88.7%, junk 87; full refit (C 0.01-0.3) 89.0-89.1%, prior fit of every weight
(variance 0.003-0.1) 88.9-89.1%, C or variance chosen inside the training folds no better;
pairwise and listwise ranking and shallow boosted trees no better on eight batches; the prior
fit of ``rules_i_not_person`` alone 89.1%, junk 84, no batch lower: shipped. ``--write`` with
``--fit prior`` keeps the lines of the file's header that say how the other weights were fitted.
``--features context`` cross-validates a refit on the text-only features of
``newsframe.framing.speaker_context`` instead (read around the quotation, none of them a rules'
verdict), ``both`` on the two sets side by side (docs/evaluation.md, eighteenth round).
``--widen 0,4,8,all`` scores the article's K most named people and organisations as candidates
(``speaker_model.MOST_NAMED``) from one collection with every one of them (:func:`widen`;
``--cache`` keeps the collection in a pickle between runs); ``--test`` scores the named sets by a
fit on the others only and leaves them out of the cross-validation (nineteenth round).
``--fit listwise`` fits a conditional logit over each quotation's candidates
(:func:`fit_listwise`; ``listwise_open``: on the quotations the model decides only);
``--features relative`` adds each feature minus its largest value among the quotation's
candidates; ``--diagnose SETS`` prints, for the named sets and the others, what separated the
chosen from the right candidate over the misses (:func:`diagnose`). On the eleven development
batches none of the three beat the shipped weights leaving one story out (docs/evaluation.md,
"Nineteenth round (why the chooser falls on fresh stories)"). The features of the statement a
quotation belongs to (``speaker_model.STATEMENT_FEATURES``) are collected like every other;
``--fit prior --c 0 --new frames_run,...`` fits their weights alone (docs/evaluation.md,
"Twentieth round (the statement a quotation belongs to)": not shipped, weights 0).
"""

from __future__ import annotations

import argparse
import copy
import os
import pickle
import sys
import textwrap
import warnings
from bisect import bisect_left
from collections import defaultdict
from pathlib import Path

import numpy as np
from eval_quotes import LABELS, _best, _matches, _verb_ok, _words, present_pages
from scipy import optimize
from scipy.special import expit
from sklearn.linear_model import LogisticRegression

import newsframe as nf
from newsframe.document import analyse
from newsframe.framing import attribution as attr
from newsframe.framing import speaker_model
from newsframe.framing.speaker_context import ArticleContext
from newsframe.framing.speaker_model import (
    FEATURES,
    best_candidate,
    load_speaker_model,
    settled,
)
from newsframe.framing.speaker_names import name_speakers
from newsframe.framing.speakers import organisation_nouns
from newsframe.linking import corpus_links
from newsframe.resources import resolve_resources

DATA = Path(__file__).resolve().parents[1] / "src" / "newsframe" / "data" / "speaker_model.csv"
NAMES = tuple(FEATURES)


def _final_keys(
    cand, task, layer, links, names, speaker_nouns, context=((), ())
) -> list[tuple[str, str]]:
    """The (speaker, speaker_name) pairs the attribution table would give the candidate, named
    with the article's other rows around it (``context``: the rows before the quotation and
    those of the next two paragraphs, as the rules credit them) as ``name_speakers`` names
    every row of an article in reading order with the memory of the rows before."""
    sents, quote = task.sentences, task.quote
    try:  # the quotation's sentences, as the attribution row holds them
        first, last = sents.at(quote.start), sents.at(max(quote.end - 1, quote.start))
        sentence = task.text[sents.bounds(first)[0] : sents.bounds(last)[1]]
    except KeyError:
        sentence = task.text
    rows = [
        {"paragraph_id": task.paragraph_id, "speaker": s.key, "speaker_text": s.text,
         "speaker_source": s.source, "speaker_kind": s.kind, "sentence": sentence}
        for s in cand.speakers
    ]  # fmt: skip
    before, after = context
    name_speakers([*(dict(r) for r in before), *rows, *(dict(r) for r in after)], layer,
                  speaker_nouns)  # fmt: skip
    out = []
    for row in rows:
        key = links(row["speaker"])
        out.append((key, names.get(key) or links.name(key)))
    return out


def _context(layer, actors, verbs) -> tuple[ArticleContext, object]:
    """The text-only features of one article (``speaker_context``) and a speaker key's
    possible entity ids (itself and what the layer resolves it to)."""
    kinds = {a.actor_id: a.kind for a in actors}
    mentions: dict[str, list] = defaultdict(list)
    for m in layer.mentions:
        entity = layer.entities.get(m.entity_id)
        kind = kinds.get(m.entity_id) or (entity.kind if entity else "")
        if kind in ("person", "organisation", "country", "group"):
            mentions[m.entity_id].append((m.paragraph_id, m.start, m.end, kind))
    for found in mentions.values():
        found.sort()
    lemmas = {lemma[0] for lemma in verbs.verbs if len(lemma) == 1}
    cache: dict[str, set[str]] = {}

    def resolve(key: str) -> set[str]:
        if key not in cache:
            hit = layer.resolve(key)
            cache[key] = {key, hit} if hit else {key}
        return cache[key]

    return ArticleContext(dict(mentions), lemmas), resolve


def _first(item):
    return item[0]


def page_quotes(path: Path, page: dict) -> list[dict]:
    """Every predicted quotation of one page with its candidates, and the gold if labelled."""
    raw = path.read_bytes().decode("utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        article = nf.load_article(path)
    res = resolve_resources(None, [article])
    verbs, actors = res.reporting_verbs, res.actors
    collected: list = []
    rows, _ = attr._article_rows(article, verbs, actors, res, collect=collected)
    ordered = [((row["paragraph_id"], at), row) for (_, at), row in sorted(rows, key=_first)]
    nouns = organisation_nouns(verbs)
    layer = analyse(article, resources=res).entities(actors, organisation_nouns=nouns)
    links = corpus_links([article], resources=res, actors=actors, organisation_nouns=nouns)
    names = {a.actor_id: a.name for a in actors}
    paragraphs = article.clean_paragraphs
    article_context, resolve = _context(layer, actors, verbs)
    previous_k = NAMES.index("previous_quote")
    predicted: dict[tuple, dict] = {}
    for task, candidates, _ in collected:
        key = (task.paragraph_id, task.quote.text)
        if key in predicted:
            continue
        rules_verb = task.att.lemma if task.att is not None else ""
        here = (task.paragraph_id, task.quote.start)
        k = bisect_left(ordered, here, key=_first)
        last = bisect_left(ordered, (task.paragraph_id + 3, 0), key=_first)
        j = k
        while j < len(ordered) and ordered[j][0] == here:
            j += 1
        context = ([r for _, r in ordered[max(k - 60, 0) : k]], [r for _, r in ordered[j:last]])
        predicted[key] = {
            "words": _words(task.quote.text),
            "context": " ".join(_words(paragraphs[task.paragraph_id])),
            "values": np.array([c.values for c in candidates], dtype=float),
            "barred": [c.barred for c in candidates],  # news outlets: never chosen
            "keys": [
                _final_keys(c, task, layer, links, names, verbs.speaker_nouns, context)
                for c in candidates
            ],
            "verbs": [c.att.lemma if c.att is not None else rules_verb for c in candidates],
            "own": task.how == "own",  # the rules' own verb credits it
            "settled": settled(
                task, verbs.speaker_nouns
            ),  # the rules' choice stands (speaker_model docstring)
            "gold": None,
        }
        predicted[key]["context_values"] = np.array(article_context.quotation_rows(
            task, [c.speakers for c in candidates], resolve,
            [bool(c.values[previous_k]) for c in candidates],
        ), dtype=float)  # fmt: skip
    entries = list(predicted.values())
    outlet = page["file"].split("--")[0]
    accepted = [a for q in page["quotes"] for a in q["speaker_accept"]]
    known = [(links(e), links.name(links(e))) for e in layer.entities]
    out = []
    for gold in page["quotes"]:
        best = _best(raw, gold, entries)
        in_layer = any(_matches(k, gold["speaker_accept"]) for k in known)
        out.append({"gold": gold, "pred": best, "in_layer": in_layer})
    for e in entries:
        e["junk"] = [
            {k for k, n in keys if k != "unresolved" and not _matches((k, n), accepted)}
            for keys in e["keys"]
        ]
    return [{"page": page["file"], "story": page.get("story", ""), "outlet": outlet,
             "set": page.get("set", ""), "labelled": out, "entries": entries}]  # fmt: skip


def load(
    pages: Path | list[Path], sets: set[str] | None, labels: list[Path] | None = None
) -> list[dict]:
    """The pages of ``quotes.json`` (or of each file of ``labels``) present (same SHA-256) in
    ``pages``, run and labelled. ``pages`` is one folder for every label file, or one folder
    per label file, in the same order (each batch keeps its pages in its own folder)."""
    specs = labels or [LABELS]
    folders = pages if isinstance(pages, list) else [pages]
    if len(folders) == 1:
        folders = folders * len(specs)
    if len(folders) != len(specs):
        raise SystemExit(f"{len(folders)} page folders for {len(specs)} label files")
    return [
        quote
        for spec, folder in zip(specs, folders, strict=True)
        for path, page in present_pages(folder, sets, spec)
        for quote in page_quotes(path, page)
    ]


def collect_widest(
    pages: list[Path], sets: set[str] | None, labels: list[Path] | None, cache: Path | None
) -> list[dict]:
    """:func:`load` with every person and organisation of an article a candidate
    (``speaker_model.MOST_NAMED`` set past any article's count for the run), so that
    :func:`widen` keeps the K most named for any K without running the pages again;
    ``cache``: a pickle of the result, read when present (delete it after a code change)."""
    if cache is not None and cache.exists():
        with cache.open("rb") as f:
            return pickle.load(f)
    kept = speaker_model.MOST_NAMED
    speaker_model.MOST_NAMED = 10**6
    try:
        out = load(pages, sets, labels)
    finally:
        speaker_model.MOST_NAMED = kept
    if cache is not None:
        with cache.open("wb") as f:
            pickle.dump(out, f)
    return out


_WIDE = (NAMES.index("most_named"), NAMES.index("main_entity"), NAMES.index("salience_rank"))


def widen(pages: list[dict], k: int) -> list[dict]:
    """A copy of ``pages`` (collected by :func:`collect_widest`) with the candidates only the
    article's most named entities proposed kept for the ``k`` most named (and the main three,
    candidates before the widening): what the library proposes with ``MOST_NAMED = k``."""
    out = copy.deepcopy(pages)
    alone, main, rank = _WIDE
    for page in out:
        for e in page["entries"]:
            v = e["values"]
            ranks = np.rint(np.expm1(v[:, rank]))
            keep = ~((v[:, alone] == 1) & (v[:, main] == 0) & (ranks >= k))
            if keep.all():
                continue
            idx = np.flatnonzero(keep)
            e["values"] = v[idx]
            e["context_values"] = e["context_values"][idx]
            for name in ("barred", "keys", "verbs", "junk"):
                e[name] = [e[name][j] for j in idx]
    return out


def _right(entry: dict, gold: dict) -> np.ndarray:
    return np.array(
        [bool(keys) and all(_matches(k, gold["speaker_accept"]) for k in keys)
         for keys in entry["keys"]]
    )  # fmt: skip


def pairs(pages: list[dict]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The (quotation, candidate) pairs of the labelled quotations found: features, right,
    and the quotation's number."""
    xs, ys, qs = [], [], []
    for page in pages:
        for item in page["labelled"]:
            if item["pred"] is not None:
                xs.append(item["pred"]["values"])
                ys.append(_right(item["pred"], item["gold"]))
                qs.append(np.full(len(ys[-1]), len(qs)))
    if not xs:
        return np.zeros((0, len(NAMES))), np.zeros(0, dtype=bool), np.zeros(0, dtype=int)
    return np.vstack(xs), np.concatenate(ys), np.concatenate(qs)


def fit(
    pages: list[dict],
    c: float,
    how: str = "pointwise",
    *,
    new: tuple[str, ...] = (),
    new_c: float = 1.0,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """Mean, scale, weights and intercept of the model fitted on ``pages``.

    ``ranking``: a logistic regression without intercept on the differences between a right
    and a wrong candidate of the same quotation (both orders: the pairwise form of a softmax
    over the quotation's candidates, Bradley-Terry); ``pointwise``: a logistic regression on
    each candidate alone (right or wrong); ``shipped``: the shipped weights, not refitted (the
    baseline); ``prior``: :func:`fit_prior` (features ``new`` to the shipped file, prior
    variance ``new_c``)."""
    if how == "shipped":
        model = load_speaker_model()
        return model.mean, model.scale, model.weights, model.intercept
    if how == "prior":
        return fit_prior(pages, c, new=new, new_c=new_c)
    if how in ("listwise", "listwise_open"):
        return fit_listwise(pages, c, own="settled" if how == "listwise_open" else "model")
    x, y, q = pairs(pages)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = (x - mean) / scale
    if how == "pointwise":
        model = LogisticRegression(C=c, max_iter=2000)
        model.fit(z, y)
        return mean, scale, model.coef_[0], float(model.intercept_[0])
    diffs = []
    for k in np.unique(q):
        rows = np.flatnonzero(q == k)
        good, bad = rows[y[rows]], rows[~y[rows]]
        for g in good:
            diffs.extend(z[g] - z[b] for b in bad)
    d = np.array(diffs)
    model = LogisticRegression(C=c, max_iter=2000, fit_intercept=False)
    model.fit(np.vstack([d, -d]), np.r_[np.ones(len(d)), np.zeros(len(d))])
    return mean, scale, model.coef_[0], 0.0


def fit_prior(
    pages: list[dict], c: float, *, new: tuple[str, ...] = (), new_c: float = 1.0
) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """Mean, scale, weights and intercept refitted on ``pages`` with a Gaussian prior centred
    on the shipped weights (maximum a posteriori: the pointwise log-loss plus
    ``||w - w0||^2 / (2 c)`` over every weight and the intercept; Chelba & Acero 2006, as
    ``train_line_model.fit_prior``). The shipped standardisation is kept (its weights are in
    its units); a feature ``new`` to the shipped file is standardised on ``pages`` and centred
    on 0 with variance ``new_c``. ``c = 0`` keeps every shipped weight and the intercept exactly
    and fits the new features' weights alone. L-BFGS to the optimum; deterministic."""
    prior = load_speaker_model()
    x, y, _ = pairs(pages)
    mean, scale = prior.mean.copy(), prior.scale.copy()
    fresh = [NAMES.index(n) for n in new]
    if fresh:
        mean[fresh] = x[:, fresh].mean(axis=0)
        spread = x[:, fresh].std(axis=0)
        scale[fresh] = np.where(spread < 1e-9, 1.0, spread)
    design = np.hstack([(x - mean) / scale, np.ones((len(y), 1))])
    w0 = np.r_[prior.weights, prior.intercept]
    w0[fresh] = 0.0
    penalty = np.full(len(w0), 1.0 / c if c > 0 else 0.0)
    penalty[fresh] = 1.0 / new_c
    free = np.full(len(w0), c > 0)
    free[fresh] = True
    sign = np.where(y, 1.0, -1.0)

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w = w0.copy()
        w[free] = theta
        margin = sign * (design @ w)
        value = np.logaddexp(0.0, -margin).sum() + 0.5 * (penalty * (w - w0) ** 2).sum()
        grad = design.T @ (-sign * expit(-margin)) + penalty * (w - w0)
        return float(value), grad[free]

    if free.any():
        found = optimize.minimize(loss, w0[free], jac=True, method="L-BFGS-B",
                                  options={"maxiter": 5000})  # fmt: skip
        w0[free] = found.x
    return mean, scale, w0[:-1], float(w0[-1])


def _groups(pages: list[dict], own: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, right and group start of the labelled quotations found that the model
    decides (``own``: :func:`_fixed`) with at least one right candidate, rows in order."""
    xs, ys, starts, n = [], [], [], 0
    for _, e, ok in _decided(pages, own):
        xs.append(e["values"])
        ys.append(ok)
        starts.append(n)
        n += len(ok)
    return np.vstack(xs), np.concatenate(ys), np.array(starts)


def _decided(pages: list[dict], own: str):
    """(page, entry, right) for each labelled quotation found that the model decides
    (``own``: :func:`_fixed`) with at least one right candidate (``right``: a mask over its
    candidates), in order."""
    for page in pages:
        for item in page["labelled"]:
            e = item["pred"]
            if e is None or _fixed(e, own):
                continue
            ok = _right(e, item["gold"])
            if ok.any():
                yield page, e, ok


def fit_listwise(
    pages: list[dict], c: float, *, own: str = "model"
) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """Mean, scale, weights and intercept (0) of a conditional logit fitted on ``pages``: each
    quotation a choice among its candidates, P(candidate) = softmax of its score over the
    quotation's candidates, the likelihood of choosing a right one (any of them) maximised
    with an L2 penalty ``||w||^2 / (2 c)`` (McFadden 1974; the listwise ranking objective of
    Cao et al. 2007, ListNet, with one relevant set). Fitted on the quotations the model
    decides (``own``: "model", every one; "settled", those the rules' choice does not settle),
    with a right candidate. L-BFGS from 0; deterministic."""
    x, y, starts = _groups(pages, own)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = (x - mean) / scale
    q = np.repeat(np.arange(len(starts)), np.diff(np.r_[starts, len(y)]))
    right = y.astype(float)

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        s = z @ w
        top = np.maximum.reduceat(s, starts)
        e = np.exp(s - top[q])
        every, good = np.add.reduceat(e, starts), np.add.reduceat(e * right, starts)
        value = float(np.sum(np.log(every) - np.log(good))) + 0.5 * float(w @ w) / c
        grad = z.T @ (e / every[q] - e * right / good[q]) + w / c
        return value, grad

    found = optimize.minimize(loss, np.zeros(z.shape[1]), jac=True, method="L-BFGS-B",
                              options={"maxiter": 5000})  # fmt: skip
    return mean, scale, found.x, 0.0


_SOURCES = ("rules", "verb_subject", "frame", "previous_quote", "carried", "antecedent",
            "opening_phrase", "noun_phrase", "role_matches", "mention", "most_named")  # fmt: skip


def _describe(values: np.ndarray) -> tuple[str, str]:
    """(source, kind) of one candidate from its feature values: the first source feature it
    holds (the rules' choice first) and what it is (a person by a pronoun, unresolved...)."""
    held = [n for n in _SOURCES if values[NAMES.index(n)] != 0]
    source = held[0] if held else "other"
    if values[NAMES.index("unresolved")]:
        return source, "unresolved"
    kind = next((k for k in ("person", "organisation", "country", "group", "document")
                 if values[NAMES.index(k)]), "thing")  # fmt: skip
    how = next((h for h in ("pronoun", "description") if values[NAMES.index(h)]), "name")
    return source, f"{kind} by {how}"


def diagnose(pages: list[dict], weights, *, own: str = "settled") -> dict:
    """Why the model (``weights``) chooses wrong where a right candidate is present: per
    feature, the summed contribution (weight x standardised value) by which the chosen
    candidate beat the best right one over the misses (``miss``), and by which the right
    choice beat the best wrong candidate over the quotations chosen right (``hit``); the
    chosen and the right candidates' sources and kinds (:func:`_describe`); and the shape of
    the quotations (words, candidates, quotations of the article)."""
    mean, scale, w, b = weights
    out: dict = {"miss": np.zeros(len(NAMES)), "hit": np.zeros(len(NAMES)), "n_miss": 0,
                 "n_hit": 0, "chosen": defaultdict(int), "wanted": defaultdict(int),
                 "hit_kind": defaultdict(int), "shape": defaultdict(list)}  # fmt: skip
    for page, e, ok in _decided(pages, own):
        n_quotes = len(page["entries"])
        z = (e["values"] - mean) / scale
        s = z @ w + b
        pick = best_candidate(s, e["barred"])
        good = np.flatnonzero(ok)[np.argmax(s[ok])]
        tag = "miss" if not ok[pick] else "hit"
        if tag == "miss":
            out["miss"] += w * (z[pick] - z[good])
            out["chosen"][_describe(e["values"][pick])] += 1
            out["wanted"][_describe(e["values"][good])] += 1
        else:
            bad = np.flatnonzero(~ok)
            if len(bad):
                rival = bad[np.argmax(s[bad])]
                out["hit"] += w * (z[pick] - z[rival])
            out["hit_kind"][_describe(e["values"][pick])] += 1
        out[f"n_{tag}"] += 1
        out["shape"][tag].append((len(e["words"]), len(ok), n_quotes))
    return out


def score(pages: list[dict], weights=None, *, own: str = "settled") -> dict:
    """Speaker, verb, recall, junk of ``pages`` with the model ``weights`` (None: rules);
    ``own``: which quotations keep the rules' choice (:func:`_fixed`). ``ceiling``: found
    quotations with a right candidate among their candidates; ``reachable``: ... that the
    model may choose (the rules' choice alone for a quotation it does not rerank)."""
    found = right = verbs = verbs_right = total = junk = oracle = reachable = 0
    for page in pages:
        picks = {}
        for e in page["entries"]:
            if weights is None or _fixed(e, own):
                picks[id(e)] = 0
            else:
                mean, scale, w, b = weights
                picks[id(e)] = best_candidate(((e["values"] - mean) / scale) @ w + b, e["barred"])
        junk += len(set().union(*(e["junk"][picks[id(e)]] for e in page["entries"])))
        for item in page["labelled"]:
            total += 1
            e, gold = item["pred"], item["gold"]
            if e is None:
                continue
            found += 1
            ok = _right(e, gold)
            right += bool(ok[picks[id(e)]])
            oracle += bool(ok.any())
            reachable += bool(ok[0] if _fixed(e, own) else ok.any())
            if gold["verb"] is not None:
                verbs += 1
                verbs_right += _verb_ok(e["verbs"][picks[id(e)]], gold["verb"], gold["verb_accept"])
    return {
        "quotes": total,
        "found": found,
        "right": right,
        "verbs": verbs,
        "verbs_right": verbs_right,
        "recall": found / max(total, 1),
        "speaker": right / max(found, 1),
        "verb": verbs_right / max(verbs, 1),
        "junk": junk,
        "oracle": oracle / max(found, 1),
        "oracle_n": oracle,
        "reachable_n": reachable,
    }


_PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i", "his", "her", "their", "its"])


def miss_kind(item: dict) -> str | None:
    """Why no candidate of a labelled quotation is right (None: one is): the quotation was
    not found, or the speaker as the page names it at the quotation (a pronoun, a description,
    a name) with whether the article's entity layer holds the right entity at all."""
    e, gold = item["pred"], item["gold"]
    if e is None:
        return "quotation not found"
    if _right(e, gold).any():
        return None
    written = gold["speaker"].split()
    low = [w.lower() for w in written]
    if not written:
        how = "no speaker named"
    elif len(written) == 1 and low[0] in _PRONOUNS:
        how = "pronoun"
    elif low[0] in ("the", "a", "an", "one") or not written[-1][:1].isupper():
        how = "description"
    else:
        how = "name"
    return f"{how}, entity {'in' if item['in_layer'] else 'not in'} the layer"


def _fixed(entry: dict, own: str) -> bool:
    """True when the rules' choice stands for a quotation: ``own`` "model" (never), "keep"
    (when the rules credit it with a verb of its own sentence), "settled" (... to speakers
    named by their names: ``speaker_model.settled``, the library's choice)."""
    return entry["own"] if own == "keep" else entry["settled"] if own == "settled" else False


def misses(pages: list[dict], *, own: str = "settled") -> dict[str, int]:
    """Counts of the labelled quotations the candidates miss, by kind (:func:`miss_kind`),
    and of those whose right candidate the model may not choose (rules' own verb, wrong)."""
    out: dict[str, int] = defaultdict(int)
    for page in pages:
        for item in page["labelled"]:
            kind = miss_kind(item)
            if kind is not None:
                out[kind] += 1
            elif _fixed(item["pred"], own) and not _right(item["pred"], item["gold"])[0]:
                out["right candidate, but the rules' own verb keeps a wrong one"] += 1
    return dict(sorted(out.items()))


def cross_validate(
    pages: list[dict],
    by: str,
    c: float,
    how: str = "pointwise",
    *,
    own: str = "settled",
    new: tuple[str, ...] = (),
    new_c: float = 1.0,
) -> list[tuple[str, dict, dict]]:
    """Per held-out group (``by``: story, outlet or set, a whole batch): (group, rules'
    scores, model's scores)."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for page in pages:
        groups[page[by]].append(page)
    out = []
    for name in sorted(groups):
        train = [p for g, ps in groups.items() if g != name for p in ps]
        weights = fit(train, c, how, new=new, new_c=new_c)
        model = score(groups[name], weights, own=own)
        out.append((name, score(groups[name]), model))
    return out


def _pooled(results: list[tuple[str, dict, dict]], k: int) -> dict:
    """Scores pooled over the held-out groups (every quotation counted once)."""
    total = {n: sum(r[k][n] for r in results)
             for n in ("quotes", "found", "right", "verbs", "verbs_right", "junk", "oracle_n",
                       "reachable_n")}  # fmt: skip
    return {
        "quotes": total["quotes"],
        "right": total["right"],
        "found": total["found"],
        "recall": total["found"] / max(total["quotes"], 1),
        "speaker": total["right"] / max(total["found"], 1),
        "verb": total["verbs_right"] / max(total["verbs"], 1),
        "junk": total["junk"],
        "oracle": total["oracle_n"] / max(total["found"], 1),
        "reachable": total["reachable_n"] / max(total["found"], 1),
    }


def _print_diagnosis(pages: list[dict], weights, named: set[str], *, own: str) -> None:
    """Print :func:`diagnose` for the ``named`` sets and for the others, side by side."""
    parts = {
        "named": diagnose([p for p in pages if p["set"] in named], weights, own=own),
        "others": diagnose([p for p in pages if p["set"] not in named], weights, own=own),
    }
    for label, d in parts.items():
        n_miss, n_hit = d["n_miss"], d["n_hit"]
        print(
            f"== {label}: {n_miss} misses, {n_hit} chosen right (right candidate present, "
            "the model deciding)"
        )
        for tag in ("miss", "hit"):
            shape = np.array(d["shape"][tag]) if d["shape"][tag] else np.zeros((1, 3))
            print(
                f"  {tag}: mean quotation words {shape[:, 0].mean():.1f}, candidates "
                f"{shape[:, 1].mean():.1f}, quotations in the article {shape[:, 2].mean():.1f}"
            )
        order = np.argsort(-d["miss"])
        print(
            "  feature: (chosen - right) over misses, per miss | (right - rival) over hits, per hit"
        )
        for k in order[:12]:
            print(
                f"    {NAMES[k]:24s} {d['miss'][k]:+8.2f} {d['miss'][k] / max(n_miss, 1):+6.3f}"
                f" | {d['hit'][k]:+8.2f} {d['hit'][k] / max(n_hit, 1):+6.3f}"
            )
        for name in ("chosen", "wanted", "hit_kind"):
            top = sorted(d[name].items(), key=lambda kv: (-kv[1], kv[0]))[:8]
            print(f"  {name}: " + "; ".join(f"{s}/{k} {n}" for (s, k), n in top))


def _history(path: Path, new: tuple[str, ...]) -> list[str]:
    """The comment lines of the model file at ``path`` that say how its weights were fitted
    (after its first line, before the lines on how a score is made, and before an earlier
    fit of the same ``new`` features: writing the same fit twice gives the same file)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    same = tuple(f"# The {w} of {', '.join(new)} fitted" for w in ("weight", "weights"))
    end = next(
        k for k, line in enumerate(lines) if line.startswith(("# A candidate's score", *same))
    )
    return lines[1:end]


def write(
    weights,
    path: Path,
    n_pages: int,
    n_quotes: int,
    c: float,
    *,
    new: tuple[str, ...] = (),
    batches: str = "",
) -> None:
    """Write the fitted model as documented CSV. ``new``: a prior fit's new features, named in
    the header after the lines that say how the other weights were fitted (kept from the file
    at ``path``); ``batches``: the label sets fitted on, named in the header."""
    mean, scale, w, b = weights
    on = f" ({batches})" if batches else ""
    if new:
        kept = "every other weight kept" if c == 0 else f"the others refitted, prior variance {c}"
        weights = "weights" if len(new) > 1 else "weight"
        said = (
            f"The {weights} of {', '.join(new)} fitted later on {n_quotes} quotations of "
            f"{n_pages} pages{on} with a Gaussian prior ({kept}; --fit prior)."
        )
        how = [*_history(path, new), *(f"# {line}" for line in textwrap.wrap(said, 86))]
    else:
        how = [
            "# benchmarks/train_speaker_model.py: a logistic regression on (quotation, candidate)",
            f"# pairs of {n_quotes} hand-labelled quotations on {n_pages} news pages{on}"
            f" (L2, C={c}).",
        ]
    lines = [
        "# Speaker model of newsframe.framing.speaker_model, fitted by",
        *how,
        "# A candidate's score: the sum over the features of weight * (value - mean) / scale,",
        "# plus the (intercept) weight; a quotation's speaker is its best-scoring candidate.",
        "# One row per feature (named and described in speaker_model.FEATURES): its name, the",
        "# mean and scale that standardise it, its weight, and what a high value says.",
        "# Lines starting with # are comments.",
        "feature,mean,scale,weight,when_high",
    ]
    for k, name in enumerate(NAMES):
        lines.append(f'{name},{mean[k]:.6f},{scale[k]:.6f},{w[k]:.6f},"{FEATURES[name]}"')
    lines.append(f"(intercept),0,1,{b:.6f},")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--pages", type=Path, action="append",
        help="page texts (repeatable: one folder per --labels file, in order)",
    )  # fmt: skip
    parser.add_argument(
        "--labels", type=Path, action="append", help="label files (repeatable; quotes.json)"
    )
    parser.add_argument("--cv", default="", help="comma-separated: story, outlet, set")
    parser.add_argument("--c", type=float, default=0.1, help="inverse L2 strength (prior variance)")
    parser.add_argument(
        "--fit", default="pointwise", help="pointwise (default), ranking, shipped or prior"
    )
    parser.add_argument("--new", default="", help="features new to the shipped file (prior)")
    parser.add_argument("--new-c", type=float, default=1.0, help="prior variance of the new")
    parser.add_argument("--drop", default="", help="comma-separated features left out (ablation)")
    parser.add_argument("--sets", default="", help="comma-separated annotation sets (all)")
    parser.add_argument("--write", action="store_true", help="fit on all, write the CSV")
    parser.add_argument(
        "--own", default="settled", help="settled (default), keep or model: see _fixed"
    )
    parser.add_argument("--misses", action="store_true", help="count the candidates' misses")
    parser.add_argument(
        "--features", default="shipped",
        help="shipped (default), context (speaker_context's text-only features), both, or "
        "relative (the shipped ones and each minus its largest value among the quotation's "
        "candidates: a per-quotation normalisation)",
    )  # fmt: skip
    parser.add_argument(
        "--widen", default=str(speaker_model.MOST_NAMED),
        help="how many most named entities are candidates (the library's MOST_NAMED; "
        "'all'); comma-separated: one run per value",
    )  # fmt: skip
    parser.add_argument(
        "--cache", type=Path, action="append",
        help="pickle of the collected pages (reused; repeatable: several collected apart)",
    )  # fmt: skip
    parser.add_argument(
        "--test", default="", help="comma-separated sets scored by a fit on the others only"
    )
    parser.add_argument(
        "--diagnose", default="",
        help="comma-separated sets whose misses (a right candidate present) are profiled "
        "against the other sets' under the --fit weights (fitted on every set: in sample)",
    )  # fmt: skip
    parser.add_argument("-v", "--verbose", action="store_true", help="one row per group")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = _arguments(argv[1:])
    sets = set(args.sets.split(",")) if args.sets else None
    folders = args.pages or [Path(os.environ.get("NEWSFRAME_EVALPAGES", "benchmarks/eval/pages"))]
    caches = args.cache or [None]
    if len(caches) > 1 and all(c.exists() for c in caches):  # batches collected apart
        widest = [p for c in caches for p in collect_widest([], None, None, c)]
    else:
        widest = collect_widest(folders, sets, args.labels, caches[0])
    for k in args.widen.split(","):
        if len(args.widen.split(",")) > 1:
            print(f"== the {k} most named entities as candidates")
        run(widen(widest, 10**6 if k == "all" else int(k)), args)
    return 0


def run(pages: list[dict], args: argparse.Namespace) -> None:
    """Cross-validate, score the test sets and write, as the arguments say, on ``pages``."""
    new = tuple(n for n in args.new.split(",") if n)
    if args.features != "shipped":
        if args.write or args.fit in ("shipped", "prior"):
            raise SystemExit(f"--features {args.features}: cross-validation of a refit only")
        for page in pages:
            for entry in page["entries"]:
                if args.features == "relative":  # each value against the quotation's best
                    v = entry["values"]
                    entry["values"] = np.hstack([v, v - v.max(axis=0)])
                    continue
                text_only = entry["context_values"]
                both = np.hstack([entry["values"], text_only])
                entry["values"] = text_only if args.features == "context" else both
    for name in [d for d in args.drop.split(",") if d]:
        k = NAMES.index(name)  # a feature left out is 0 for every candidate: weight 0
        for page in pages:
            for entry in page["entries"]:
                entry["values"][:, k] = 0.0
    tests = {t for t in args.test.split(",") if t}
    if tests:  # a clean test: fitted on the other sets only, never in the cross-validation
        train = [p for p in pages if p["set"] not in tests]
        weights = fit(train, args.c, args.fit, new=new, new_c=args.new_c)
        for name in sorted(tests):
            held = [p for p in pages if p["set"] == name]
            for label, w in (("rules", None), ("model", weights)):
                got = score(held, w, own=args.own)
                print(f"test {name} {label}: speaker {got['speaker']:.3f} ({got['right']}/"
                      f"{got['found']}), verb {got['verb']:.3f}, junk {got['junk']}, candidate "
                      f"ceiling {got['oracle']:.3f}")  # fmt: skip
        pages = train
    n_quotes = sum(len(p["labelled"]) for p in pages)
    print(f"{len(pages)} pages, {n_quotes} labelled quotations")
    print("in sample, rules:", score(pages))
    if args.misses:
        print("candidate misses by kind:")
        for kind, n in misses(pages, own=args.own).items():
            print(f"  {n:4d}  {kind}")
    if args.diagnose:
        _print_diagnosis(pages, fit(pages, args.c, args.fit, new=new, new_c=args.new_c),
                         set(args.diagnose.split(",")), own=args.own)  # fmt: skip
    for by in [b for b in args.cv.split(",") if b]:
        results = cross_validate(
            pages, by, args.c, args.fit, own=args.own, new=new, new_c=args.new_c
        )
        if args.verbose:
            for name, rules, model in results:
                print(f"  {name:40s} n={rules['quotes']:3d} ceiling {model['oracle']:.3f} "
                      f"reachable {model['reachable_n'] / max(model['found'], 1):.3f} "
                      f"rules {rules['speaker']:.3f} model {model['speaker']:.3f} "
                      f"({model['right']}/{model['found']}) junk {model['junk']} "
                      f"verb {rules['verb']:.3f}->{model['verb']:.3f}")  # fmt: skip
        for label, k in (("rules", 1), ("model", 2)):
            pooled = _pooled(results, k)
            print(f"leave-{by}-out {label}: speaker {pooled['speaker']:.3f} ({pooled['right']}/"
                  f"{pooled['found']}), verb "
                  f"{pooled['verb']:.3f}, recall {pooled['recall']:.3f}, junk {pooled['junk']}, "
                  f"candidate ceiling {pooled['oracle']:.3f}, reachable "
                  f"{pooled['reachable']:.3f}")  # fmt: skip
    if args.write:
        weights = fit(pages, args.c, args.fit, new=new, new_c=args.new_c)
        fitted_on = ", ".join(sorted({p["set"] for p in pages}))
        write(weights, DATA, len(pages), n_quotes, args.c, new=new if args.fit == "prior" else (),
              batches=fitted_on)  # fmt: skip
        print("in sample, model:", score(pages, weights, own=args.own))
        print("wrote", DATA)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
