"""Fit the kind model of ``newsframe.kinds`` ("is this name a person's?") without hand labels.

Every entity of two words or more of every page of the given batches is described by the
context features of ``kinds.KIND_FEATURES`` (``entities.kind_rows``). The names whose spelling
is sure label the data (``entities._sure_kind``: a known given name first or a title: a person;
an organisation noun, a place word or an event noun: no person); the names whose spelling is
unsure (two to four capitalised words and nothing else) are what the model decides at run time.
This is the two-view training of Collins & Singer (1999): the spelling view labels, the context
view learns.

A logistic regression (scikit-learn, L2, ``--C``, standardised features) is evaluated leaving
one story out: out-of-fold accuracy and, at the threshold, the share of sure people it would
call no person (``people lost``) and the share of sure non-people it finds (``things found``).
The threshold is the highest probability at which at most ``--lose`` of the sure people's
out-of-fold probabilities fall below it (few people lost: a person taken for a body loses their
quotations).

    python benchmarks/train_kind_model.py --batch PAGES LABELS SET [--batch ...] [--unsure]
    python benchmarks/train_kind_model.py --batch ... --test PAGES LABELS SET
    python benchmarks/train_kind_model.py --batch ... --write

``--unsure`` lists the unsure names of the batches with their out-of-fold probability;
``--test`` fits on the batches and reports the sure rows of a further batch once; ``--write``
fits on every story and writes ``src/newsframe/data/kind_model.csv``.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

import newsframe as nf
from newsframe.document import analyse
from newsframe.entities import kind_rows
from newsframe.framing.speakers import organisation_nouns
from newsframe.kinds import KIND_FEATURES
from newsframe.resources import load_resources

OUT = Path(__file__).resolve().parents[1] / "src" / "newsframe" / "data" / "kind_model.csv"


def load(batch: tuple[Path, Path, str]) -> list[dict]:
    """The rows of one batch: story, entity, label (1, 0, None) and features."""
    pages, labels, only = batch
    spec = json.loads(labels.read_text(encoding="utf-8"))
    res = load_resources()
    nouns = organisation_nouns(res.reporting_verbs)
    rows = []
    for page in spec["pages"]:
        if page.get("set") != only:
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            doc = analyse(nf.load_article(pages / page["file"]), resources=res)
        layer = doc.entities(res.actors, organisation_nouns=nouns)
        texts = {-1: doc.title, **dict(enumerate(doc.paragraphs))}
        for entity_id, label, features in kind_rows(layer, texts):
            kind = layer.entities[entity_id].kind
            rows.append({"set": only, "story": page["story"], "page": page["file"],
                         "entity": entity_id, "y": label, "x": features,
                         "place": kind == "place" if label == 0 else None})  # fmt: skip
    return rows


class Fit:
    """Standardisation and a logistic regression fitted on the sure rows given."""

    def __init__(self, rows: list[dict], C: float, target: str = "y") -> None:
        X = np.array([r["x"] for r in rows], dtype=float)
        y = np.array([r[target] for r in rows], dtype=int)
        self.mean = X.mean(axis=0)
        self.scale = np.where(X.std(axis=0) > 0, X.std(axis=0), 1.0)
        model = LogisticRegression(C=C, max_iter=5000).fit((X - self.mean) / self.scale, y)
        self.weights, self.intercept = model.coef_[0], float(model.intercept_[0])

    def person(self, rows: list[dict]) -> np.ndarray:
        X = (np.array([r["x"] for r in rows], dtype=float) - self.mean) / self.scale
        return 1.0 / (1.0 + np.exp(-(X @ self.weights + self.intercept)))


def out_of_fold(rows: list[dict], C: float) -> np.ndarray:
    """Each row's probability from a model fitted without its story (sure rows only fitted)."""
    p = np.zeros(len(rows))
    for story in sorted({r["story"] for r in rows}):
        train = [r for r in rows if r["story"] != story and r["y"] is not None]
        idx = [k for k, r in enumerate(rows) if r["story"] == story]
        p[idx] = Fit(train, C).person([rows[k] for k in idx])
    return p


def threshold(p: np.ndarray, y: np.ndarray, lose: float) -> float:
    """The highest cut at which at most ``lose`` of the people's probabilities fall below it."""
    people = np.sort(p[y == 1])
    k = int(np.floor(lose * len(people)))
    return float(people[k]) if len(people) else 0.0


def report(p: np.ndarray, rows: list[dict], cut: float, label: str) -> None:
    sure = [k for k, r in enumerate(rows) if r["y"] is not None]
    y = np.array([rows[k]["y"] for k in sure])
    q = p[sure]
    acc = float(((q >= 0.5) == (y == 1)).mean())
    lost = float((q[y == 1] < cut).mean()) if (y == 1).any() else 0.0
    found = float((q[y == 0] < cut).mean()) if (y == 0).any() else 0.0
    unsure = sum(r["y"] is None for r in rows)
    flipped = sum(1 for k, r in enumerate(rows) if r["y"] is None and p[k] < cut)
    print(f"{label}: {len(sure)} sure rows ({int(y.sum())} people), accuracy at 0.5 {acc:.3f}; "
          f"at the threshold {cut:.2f}: people lost {lost:.3f}, things found {found:.3f}; "
          f"unsure {unsure}, called no person {flipped}")  # fmt: skip


def write(rows: list[dict], C: float, cut: float, path: Path = OUT) -> None:
    sure = [r for r in rows if r["y"] is not None]
    fit = Fit(sure, C)
    things = [r for r in sure if r["place"] is not None]
    place = Fit(things, C, "place")
    place.mean, place.scale = fit.mean, fit.scale  # one standardisation for both
    X = (np.array([r["x"] for r in things], dtype=float) - fit.mean) / fit.scale
    y = np.array([r["place"] for r in things], dtype=int)
    model = LogisticRegression(C=C, max_iter=5000).fit(X, y)
    place.weights, place.intercept = model.coef_[0], float(model.intercept_[0])
    stories = sorted({r["story"] for r in rows})
    sets = sorted({r["set"] for r in rows})
    lines = [
        "# Kind model of newsframe.kinds, fitted by benchmarks/train_kind_model.py on the names",
        f"# of two words or more of {len(stories)} stories (sets {', '.join(sets)}): {len(sure)}",
        f"# names whose spelling says whether they are a person's ({sum(r['y'] for r in sure)} people,"
        f" {sum(r['place'] for r in things)} places), no hand labels. Two logistic regressions",
        f"# (L2, C={C}) over the contexts of a name's mentions: 'a person?' (rows named after the",
        "# features) and, for a name that is no person, 'a place rather than an organisation?'",
        "# (rows 'place:<feature>'). A probability: the logistic function of the sum over the",
        "# features of weight * (value - mean) / scale, plus the intercept row's weight. A name",
        "# whose spelling is unsure and whose probability of being a person is below the",
        "# (threshold) row's weight is a place (second probability 0.5 or more) or an",
        "# organisation (threshold chosen leaving one story out; 0 turns the model off). One row",
        "# per feature (named and described in newsframe.kinds.KIND_FEATURES): its name, the",
        "# mean and scale that standardise it, its weight, and what a high value says. Lines",
        "# starting with # are comments.",
        "feature,mean,scale,weight,when_high",
    ]
    for prefix, model_fit in (("", fit), ("place:", place)):
        for k, (name, meaning) in enumerate(KIND_FEATURES.items()):
            lines.append(f"{prefix}{name},{fit.mean[k]:.6f},{fit.scale[k]:.6f},"
                         f'{model_fit.weights[k]:.6f},"{meaning}"')  # fmt: skip
    lines.append(f'(intercept),0,1,{fit.intercept:.6f},"the log-odds of a person at the mean"')
    lines.append(f'(threshold),0,1,{cut:.3f},"below it an unsure name is no person"')
    lines.append(
        f'(place intercept),0,1,{place.intercept:.6f},"the log-odds of a place at the mean"'
    )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--batch", nargs=3, action="append", default=[],
                        metavar=("PAGES", "LABELS", "SET"), help="one batch (repeat)")  # fmt: skip
    parser.add_argument("--test", nargs=3, metavar=("PAGES", "LABELS", "SET"))
    parser.add_argument("--C", type=float, default=0.3, help="inverse L2 strength")
    parser.add_argument("--lose", type=float, default=0.01, help="share of people lost at most")
    parser.add_argument("--unsure", action="store_true", help="list the unsure names")
    parser.add_argument("--write", action="store_true", help="write data/kind_model.csv")
    args = parser.parse_args(argv[1:])
    rows = [r for b in args.batch for r in load((Path(b[0]), Path(b[1]), b[2]))]
    p = out_of_fold(rows, args.C)
    sure = np.array([r["y"] is not None for r in rows])
    y = np.array([r["y"] if r["y"] is not None else -1 for r in rows])
    cut = threshold(p[sure], y[sure], args.lose)
    report(p, rows, cut, "leave one story out")
    things = [r for r in rows if r["place"] is not None]
    hits = 0
    for story in sorted({r["story"] for r in things}):
        train = [r for r in things if r["story"] != story]
        test = [r for r in things if r["story"] == story]
        q = Fit(train, args.C, "place").person(test)  # the probability of the positive class
        hits += sum((q[k] >= 0.5) == test[k]["place"] for k in range(len(test)))
    share = sum(r["place"] for r in things) / max(len(things), 1)
    print(f"place or organisation, leave one story out: accuracy {hits / max(len(things), 1):.3f}"
          f" on {len(things)} sure names ({share:.3f} places)")  # fmt: skip
    for name in sorted({r["set"] for r in rows}):
        idx = [k for k, r in enumerate(rows) if r["set"] == name]
        report(p[idx], [rows[k] for k in idx], cut, f"  {name}")
    if args.unsure:
        for k in np.argsort(p):
            if rows[k]["y"] is None:
                print(f"  {p[k]:.3f} {rows[k]['set']} {rows[k]['page'][:40]} {rows[k]['entity']}")
    if args.test:
        test = load((Path(args.test[0]), Path(args.test[1]), args.test[2]))
        fit = Fit([r for r in rows if r["y"] is not None], args.C)
        report(fit.person(test), test, cut, f"test {args.test[2]} (first run)")
    if args.write:
        write(rows, args.C, cut)
        print(f"wrote {OUT.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
