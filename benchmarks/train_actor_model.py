"""Fit the actor model of ``newsframe.discovery`` ("is this candidate a main actor?") and compare
its lists with the rules' lists.

Every entity of a story's pages that discovery joins into one candidate (``discovery._pool``:
those the rules of who can be an actor keep and those they reject) is described by the
story-independent features of ``discovery.ACTOR_FEATURES`` (``discovery._features``: articles
and their share, mentions, speech, action, headline and first-paragraph mentions, where the
name first stands, kind, name shape, the shares after a preposition of place, a determiner or
in a credit line, and the rules' own outcomes: kept or not, score relative to the best, rank,
in the rules' list of 10). A candidate is *main* when its name or an alias holds a string a
reader accepted for a main actor (``eval_actors.py``'s test); *junk* when it names no main actor
and no annotated speaker of the story; a candidate that names only a speaker is neither and is
left out of the fit.

A logistic regression (scikit-learn, L2, ``--C``, standardised features; Hosmer & Lemeshow,
*Applied Logistic Regression*) is fitted on the candidates of the training stories. A story's
list (``discovery._model_choice``) is the candidates the rules would list but for the cap of 10
(kept by the rules of who can be an actor, scoring ``MIN_SCORE`` or more, or titled and named
in full) and any other candidate named ``MODEL_MIN_MENTIONS`` times or quoted once, most
probable first, those at or above the threshold :data:`THRESHOLD` (0.5: as likely a main actor
as not), at most 10 (``top_n``). ``--choose-threshold`` chooses it inside the training stories
instead: on out-of-fold probabilities (one batch out at a time), the threshold with the most
main actors found minus junk actors, then the most stories meeting the target. Evaluated
leaving one batch out and leaving one story out; the rules (``MIN_SCORE`` and titled people
named once, at most 10) are measured on the same stories.

    python benchmarks/train_actor_model.py --batch PAGES LABELS ACTORS [--batch ...] --cv set,story
    python benchmarks/train_actor_model.py --batch ... --test PAGES LABELS ACTORS
    python benchmarks/train_actor_model.py --batch ... --write

Prints per held-out group and in all: main actors found, junk, stories meeting the target
(80% of a story's main actors found, at most 1 junk actor), for the rules and the model.
``--ceiling`` adds the best lists any ranking of the candidates could give (every main actor
among them and nothing else); ``--weights`` the weights fitted on every story; ``--test`` fits
on the batches and measures a further batch once (a first run); ``--write`` fits on every
story and writes ``src/newsframe/data/actor_model.csv``.

On the 68 stories of the eleven local development batches (development-3 to -8, held-out-11 to
-15), leaving one story out: rules 442 main actors found of 679, 93 junk, 10 stories meeting the
target; model 444, 72, 11 (docs/evaluation.md, "Nineteenth round (actors)").
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections import Counter
from pathlib import Path

import numpy as np
from eval_actors import _stories
from sklearn.linear_model import LogisticRegression

import newsframe as nf
from newsframe import discovery

#: The threshold of the probability: a candidate is listed when it is at least as likely a main
#: actor as not, which lists it exactly when that adds more expected main actors found than
#: expected junk (``p >= 1 - p``; the decision rule of a calibrated classifier under equal
#: costs, Duda, Hart & Stork, *Pattern Classification*, 2.2). ``--choose-threshold``: chosen
#: instead among :data:`THRESHOLDS` inside the training stories (the seventeenth round's way).
THRESHOLD = 0.5
#: Thresholds of the probability tried inside the training stories; the cap is ``top_n``.
THRESHOLDS = tuple(x / 100 for x in range(20, 80, 5))
CHOOSE = {"threshold": False}
TOP_N = 10
OUT = Path(__file__).resolve().parents[1] / "src" / "newsframe" / "data" / "actor_model.csv"


def story(articles, main, wanted) -> dict:
    """One story's candidates: ``x`` (features), ``hits`` (main actors each names), ``wanted``
    (names a main actor or a speaker), ``kept`` (the rules keep it), ``listable`` (the rules
    would list it but for the cap) and ``rules`` (the rules' list as candidate indices)."""
    resources = nf.default_resources()
    pool = discovery._pool(articles, resources)
    kept = [c for c, ok in pool if ok]
    ranked = discovery._ranked(kept, resources)
    aliases = {id(c): al for _, _, c, al in ranked}
    shared: Counter[str] = Counter()  # as discovery._ranked counts them
    for c in kept:
        if c.kind == "person" and " " in c.name:
            shared.update({discovery._key(c.name.split()[0]), discovery._key(c.name.split()[-1])})
    names = [
        [n.lower() for n in aliases.get(id(c)) or discovery._aliases(c, shared)] for c, _ in pool
    ]
    hits = [
        {i for i, m in enumerate(main) if any(a.lower() in n for a in m["accept"] for n in low)}
        for low in names
    ]
    index = {id(c): k for k, (c, _) in enumerate(pool)}
    listable = np.zeros(len(pool), dtype=bool)  # as discovery._model_choice reads it
    for score, titled, c, _ in ranked:
        listable[index[id(c)]] = score >= discovery.MIN_SCORE or titled
    for k, (c, _) in enumerate(pool):
        listable[k] |= (
            c.counts[0] >= discovery.MODEL_MIN_MENTIONS or c.counts[1] >= 1
        )  # mentions, speaker mentions
    return {
        "x": discovery._features(pool, articles, resources),
        "hits": hits,
        "wanted": [any(w in n for w in wanted for n in low) for low in names],
        "kept": np.array([ok for _, ok in pool], dtype=bool),
        "listable": listable,
        "rules": [index[id(c)] for c, _ in discovery._rule_list(ranked, TOP_N)],
        "kinds": [discovery._KINDS.get(c.kind, c.kind) or "unknown" for c, _ in pool],
        "names": [c.name for c, _ in pool],
        "main": len(main),
    }


def outcome(s: dict, chosen: list[int]) -> tuple[int, int, int]:
    """(main actors found, junk, 1 if the story meets the target) of the candidates ``chosen``."""
    found = len(set().union(*(s["hits"][k] for k in chosen))) if chosen else 0
    junk = sum(not s["hits"][k] and not s["wanted"][k] for k in chosen)
    return found, junk, int(found >= 0.8 * s["main"] and junk <= 1)


def total(stories: list[dict], lists: list[list[int]]) -> tuple[int, int, int]:
    sums = [0, 0, 0]
    for s, chosen in zip(stories, lists, strict=True):
        sums = [a + b for a, b in zip(sums, outcome(s, chosen), strict=True)]
    return tuple(sums)


def listed(s: dict, p: np.ndarray, threshold: float) -> list[int]:
    """The model's list of a story (``discovery._model_choice``): the candidates the rules
    would list but for the cap (kept, scoring ``MIN_SCORE`` or more, or titled and named in
    full) and any other named ``MODEL_MIN_MENTIONS`` times or quoted once, by probability,
    those at or above ``threshold``, at most :data:`TOP_N` (ties in the rules' order)."""
    order = sorted(
        (k for k in range(len(p)) if s["listable"][k]), key=lambda k: (-p[k], s["x"][k][-2])
    )
    return [k for k in order if p[k] >= threshold][:TOP_N]


class Fit:
    """A standardised logistic regression on the candidates of ``stories`` (those that name only
    a speaker left out)."""

    def __init__(self, stories: list[dict], C: float):
        rows = [(s["x"][k], bool(s["hits"][k])) for s in stories for k in range(len(s["hits"]))
                if s["hits"][k] or not s["wanted"][k]]  # fmt: skip
        X = np.array([r[0] for r in rows])
        y = np.array([r[1] for r in rows])
        self.mean = X.mean(axis=0)
        self.scale = X.std(axis=0)
        self.scale[self.scale == 0] = 1.0
        model = LogisticRegression(C=C, max_iter=5000).fit((X - self.mean) / self.scale, y)
        self.weights = model.coef_[0]
        self.intercept = float(model.intercept_[0])

    def prob(self, s: dict) -> np.ndarray:
        model = discovery.ActorModel(tuple(discovery.ACTOR_FEATURES), self.mean, self.scale,
                                     self.weights, self.intercept, 0.0)  # fmt: skip
        return model.probabilities(s["x"])


def pick_threshold(stories: list[dict], C: float) -> float:
    """:data:`THRESHOLD`, or with ``--choose-threshold`` :func:`choose_threshold`."""
    return choose_threshold(stories, C) if CHOOSE["threshold"] else THRESHOLD


def choose_threshold(stories: list[dict], C: float) -> float:
    """The threshold with the most found minus junk on out-of-fold probabilities of
    ``stories`` (one batch out at a time; one story out when they are of one batch), then the
    most stories meeting the target, then the one nearest 0.5."""
    key = "set" if len({s["set"] for s in stories}) > 1 else "story"
    probs: dict[int, np.ndarray] = {}
    for g in sorted({s[key] for s in stories}):
        fit = Fit([s for s in stories if s[key] != g], C)
        probs.update({id(s): fit.prob(s) for s in stories if s[key] == g})

    def score(t):
        found, junk, meets = total(stories, [listed(s, probs[id(s)], t) for s in stories])
        return (found - junk, meets, -abs(t - 0.5))

    return max(THRESHOLDS, key=score)


def cross_validate(stories: list[dict], by: str, C: float, *, verbose: bool = False) -> dict:
    """Sums over the held-out groups (``by``: "set" or "story") of the rules and the model."""
    out = {"rules": (0, 0, 0), "model": (0, 0, 0)}
    kinds = {"rules": Counter(), "model": Counter()}
    for g in sorted({s[by] for s in stories}):
        test = [s for s in stories if s[by] == g]
        train = [s for s in stories if s[by] != g]
        threshold = pick_threshold(train, C)
        fit = Fit(train, C)
        lists = {"rules": [s["rules"] for s in test],
                 "model": [listed(s, fit.prob(s), threshold) for s in test]}  # fmt: skip
        for name, chosen in lists.items():
            kinds[name].update(s["kinds"][k] for s, c in zip(test, chosen, strict=True) for k in c
                               if not s["hits"][k] and not s["wanted"][k])  # fmt: skip
        r, m = total(test, lists["rules"]), total(test, lists["model"])
        out = {"rules": tuple(a + b for a, b in zip(out["rules"], r, strict=True)),
               "model": tuple(a + b for a, b in zip(out["model"], m, strict=True))}  # fmt: skip
        if verbose:
            print(f"  {by} {g}: rules {r}  model {m}  threshold {threshold}")
    if verbose:
        print(f"  junk by kind: rules {dict(kinds['rules'])}; model {dict(kinds['model'])}")
    return out


def load(batches: list[tuple[Path, Path, Path]]) -> list[dict]:
    stories = []
    for pages, labels, actors in batches:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for name, set_name, articles, main, wanted in _stories(pages, only=None, labels=labels, actors=actors):  # fmt: skip
                stories.append({**story(articles, main, wanted), "story": name, "set": set_name,
                                "pages": len(articles)})  # fmt: skip
    return stories


def write(stories: list[dict], C: float, path: Path = OUT) -> None:
    """Fit on every story, choose the threshold, write the model's CSV (format at its top)."""
    fit = Fit(stories, C)
    threshold = pick_threshold(stories, C)
    sets = sorted({s["set"] for s in stories})
    lines = [
        "# Actor model of newsframe.discovery, fitted by benchmarks/train_actor_model.py on",
        f"# {len(stories)} stories ({sum(s['pages'] for s in stories)} pages, "
        f"{sum(s['main'] for s in stories)} main actors listed by readers; sets {', '.join(sets)}):",
        f"# a logistic regression (L2, C={C}) of 'is a main actor' over every candidate entity.",
        "# A candidate's probability: the logistic function of the sum over the features of",
        "# weight * (value - mean) / scale, plus the (intercept) weight. Discovery lists the",
        "# candidates the rules would list but for the cap (discovery.MIN_SCORE) and any other",
        "# named twice or quoted once (discovery.MODEL_MIN_MENTIONS), most probable first, those",
        "# whose probability is at least the (threshold) row's weight, at most top_n.",
        "# One row per feature (named and described in discovery.ACTOR_FEATURES): its name, the",
        "# mean and scale that standardise it, its weight, and what a high value says.",
        "# Lines starting with # are comments.",
        "feature,mean,scale,weight,when_high",
    ]
    for k, (name, meaning) in enumerate(discovery.ACTOR_FEATURES.items()):
        lines.append(
            f'{name},{fit.mean[k]:.6f},{fit.scale[k]:.6f},{fit.weights[k]:.6f},"{meaning}"'
        )
    lines.append(f'(intercept),0,1,{fit.intercept:.6f},"the log-odds of a candidate at the mean"')
    lines.append(f'(threshold),0,1,{threshold:.2f},"the least probability listed"')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--batch", nargs=3, action="append", type=Path, default=[],
                        metavar=("PAGES", "LABELS", "ACTORS"), help="one annotated batch (repeat)")  # fmt: skip
    parser.add_argument("--test", nargs=3, type=Path, metavar=("PAGES", "LABELS", "ACTORS"),
                        help="fit on the batches, measure this batch once")  # fmt: skip
    parser.add_argument("--C", type=float, default=0.3, help="inverse L2 strength")
    parser.add_argument("--cv", default="", help="set, story or set,story: leave one out")
    parser.add_argument("--ceiling", action="store_true", help="the best any ranking could do")
    parser.add_argument("--weights", action="store_true", help="the weights fitted on every story")
    parser.add_argument("--write", action="store_true", help="write data/actor_model.csv")
    parser.add_argument("-v", action="store_true", help="each held-out group")
    parser.add_argument("--choose-threshold", action="store_true",
                        help="choose the threshold inside the training stories, not 0.5")  # fmt: skip
    args = parser.parse_args(argv[1:])
    CHOOSE["threshold"] = args.choose_threshold
    stories = load([tuple(b) for b in args.batch])
    print(f"{len(stories)} stories, {sum(s['pages'] for s in stories)} pages, "
          f"{sum(s['main'] for s in stories)} main actors, "
          f"{sum(len(s['hits']) for s in stories)} candidates")  # fmt: skip
    if args.ceiling:
        every = [[k for k, h in enumerate(s["hits"]) if h] for s in stories]
        kept = [[k for k in c if s["kept"][k]] for s, c in zip(stories, every, strict=True)]
        able = [[k for k in c if s["listable"][k]] for s, c in zip(stories, every, strict=True)]
        print(f"ceiling: every main candidate {total(stories, every)}; among those the rules "
              f"keep {total(stories, kept)}; ... and would list {total(stories, able)}")  # fmt: skip
    for by in filter(None, args.cv.split(",")):
        res = cross_validate(stories, by, args.C, verbose=args.v)
        print(f"leave one {by} out (found, junk, stories meeting the target): "
              f"rules {res['rules']}, model {res['model']}")  # fmt: skip
    if args.test:
        test = load([tuple(args.test)])
        threshold = pick_threshold(stories, args.C)
        fit = Fit(stories, args.C)
        for s in test:
            print(f"  {s['story']}: rules {outcome(s, s['rules'])}  model "
                  f"{outcome(s, listed(s, fit.prob(s), threshold))}")  # fmt: skip
        print(f"test batch (threshold {threshold}): rules {total(test, [s['rules'] for s in test])}, "
              f"model {total(test, [listed(s, fit.prob(s), threshold) for s in test])}")  # fmt: skip
    if args.weights:
        fit = Fit(stories, args.C)
        for name, w in sorted(zip(discovery.ACTOR_FEATURES, fit.weights, strict=True), key=lambda x: -abs(x[1])):  # fmt: skip
            print(f"  {name:18s} {w:+.3f}")
    if args.write:
        write(stories, args.C)
        print(f"wrote {OUT.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
