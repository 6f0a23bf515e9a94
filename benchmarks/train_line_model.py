"""Fit the line model of ``newsframe.lines`` on the labelled training pages and write it as data.

Reads ``benchmarks/eval/lines.json`` and the page files (``--pages``, outside the repository),
takes each page's logical lines and the rules' evidence exactly as ``clean_text`` sees them
(``newsframe.cleaning.page_evidence``; a logical line takes the label of its first physical
line), and fits a multinomial logistic regression (scikit-learn, L2, ``C``) on the standardised
features of ``newsframe.lines.FEATURES``. Decoder transitions are counted from the labelled
pages' state sequences (``newsframe.lines.state_sequence``) with add-one smoothing over the
allowed moves. Only ``train`` pages are used; the held-out batch never informs a fit.

    python benchmarks/train_line_model.py --cv        # leave-outlet-out CV, learning curve
    python benchmarks/train_line_model.py --write     # fit on all training pages, write data/

``--write`` writes ``src/newsframe/data/line_model.csv`` (feature, words for a high and a low
value, mean, scale, one weight per class) and ``line_decoder.toml`` (start and transition
log-probabilities, the body bias chosen by ``--bias``).
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import math
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
from eval_lines import DEFAULT_PAGES, HEADER, evaluate, load, outlet_repeats, row
from sklearn.linear_model import LogisticRegression

from newsframe.cleaning import page_evidence
from newsframe.lines import CLASSES, FEATURES, STATES, LineModel, line_features, state_sequence

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


def table(
    pages: list[dict], repeats: dict[str, frozenset[str]]
) -> list[tuple[np.ndarray, list[str]]]:
    """Per page: its feature matrix and the label of each logical line."""
    out = []
    for page in pages:
        labels = dict((n, label) for n, label in page["labels"])
        lines, evidence = page_evidence(
            page["text"], edge_repeats=repeats.get(page["file"], frozenset())
        )
        x = line_features([n for _, _, n in lines], evidence)
        out.append((x, [labels.get(n, "chrome") for n, _, _ in lines]))
    return out


def fit(
    rows: list[tuple[np.ndarray, list[str]]],
    *,
    c: float,
    bias: float,
    sentence_bias: float,
    body_weight: float,
) -> LineModel:
    """Fit weights and transitions on the given pages' rows."""
    x = np.vstack([r[0] for r in rows])
    y = np.array([CLASSES.index(label) for r in rows for label in r[1]])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale = np.where(scale > 1e-9, scale, 1.0)
    clf = LogisticRegression(C=c, max_iter=5000)
    clf.fit((x - mean) / scale, y, sample_weight=np.where(y == 0, body_weight, 1.0))
    weights = np.zeros((len(CLASSES), x.shape[1]))
    intercept = np.full(len(CLASSES), -30.0)  # a class never seen is never chosen
    for k, cls in enumerate(clf.classes_):
        weights[cls], intercept[cls] = clf.coef_[k], clf.intercept_[k]
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    starts: dict[str, int] = defaultdict(int)
    for _, labels in rows:
        states = state_sequence(labels)
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
    return LineModel(mean, scale, weights, intercept, start, trans, bias, sentence_bias, "fitted")


def write(model: LineModel) -> None:
    """Write the model as plain data files in the package (six decimals, stable order)."""
    lines = ["feature,when_high,when_low,mean,scale," + ",".join(CLASSES)]
    lines.append("(intercept),,,0,1," + ",".join(f"{v:.6f}" for v in model.intercept))
    for k, (name, hi, lo) in enumerate(FEATURES):
        w = ",".join(f"{v:.6f}" for v in model.weights[:, k])
        lines.append(f'{name},"{hi}","{lo}",{model.mean[k]:.6f},{model.scale[k]:.6f},{w}')
    (DATA / "line_model.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = [
        "# Decoder of the line model (newsframe.lines), fitted by benchmarks/train_line_model.py.",
        "# States: before -> headline -> body -> after; inbody = chrome between body lines.",
        "# Values are natural-log probabilities; a move not listed is not allowed.",
        "# body_bias is added to the body state's log-probability: a line must be clearly",
        "# more likely chrome than body to be removed (body first).",
        "# sentence_bias is added on top for lines of eight words or more that read as sentences.",
        f"body_bias = {model.body_bias}",
        f"sentence_bias = {model.sentence_bias}",
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
    (DATA / "line_decoder.toml").write_text("\n".join(out), encoding="utf-8")


def cross_validate(
    pages: list[dict],
    *,
    c: float,
    biases: list[tuple[float, float]],
    fractions: list[float],
    body_weight: float,
) -> None:
    """Leave-outlet-out CV: each outlet's pages cleaned by a model fitted without that outlet."""
    repeats = outlet_repeats(pages)
    rows = table(pages, repeats)
    outlets = sorted({p["outlet"] for p in pages})
    rng = np.random.default_rng(18)
    for frac in fractions:
        totals: dict[tuple[float, float], dict[str, int]] = {b: defaultdict(int) for b in biases}
        for outlet in outlets:
            test = [p for p in pages if p["outlet"] == outlet]
            train = [i for i, p in enumerate(pages) if p["outlet"] != outlet]
            if frac < 1:
                train = sorted(rng.choice(train, size=round(frac * len(train)), replace=False))
            model = fit(
                [rows[i] for i in train], c=c, bias=0.0, sentence_bias=0.0, body_weight=body_weight
            )
            for b in biases:
                s = evaluate(test, dataclasses.replace(model, body_bias=b[0], sentence_bias=b[1]))
                for k, v in s.items():
                    totals[b][k] += v
        n_train = round(frac * (len(pages) - 1))
        for b in biases:
            print(row(f"model {n_train}p bias {b[0]}+{b[1]}", totals[b]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    parser.add_argument("--cv", action="store_true")
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--c", type=float, default=0.5)
    parser.add_argument("--bias", type=float, default=1.0)
    parser.add_argument("--sentence-bias", type=float, default=1.0)
    parser.add_argument("--body-weight", type=float, default=2.0)
    parser.add_argument("--biases", default="0+0,1+0,1+1", help="body+sentence bias pairs")
    parser.add_argument("--fractions", default="1")
    args = parser.parse_args(argv)
    pages = load(args.pages, "train")
    print(f"training pages: {len(pages)} from {len({p['outlet'] for p in pages})} outlets, "
          f"{len({p['story'] for p in pages})} stories")  # fmt: skip
    if args.cv:
        print(HEADER)
        print(row("rules (main today)", evaluate(pages, "rules")))
        biases = [tuple(float(v) for v in b.split("+")) for b in args.biases.split(",")]
        cross_validate(pages, c=args.c, biases=biases, body_weight=args.body_weight,
                       fractions=[float(f) for f in args.fractions.split(",")])  # fmt: skip
    if args.write:
        model = fit(table(pages, outlet_repeats(pages)), c=args.c, bias=args.bias,
                    sentence_bias=args.sentence_bias, body_weight=args.body_weight)  # fmt: skip
        write(model)
        print(f"wrote {DATA / 'line_model.csv'} and line_decoder.toml")
    return 0


if __name__ == "__main__":
    sys.exit(main())
