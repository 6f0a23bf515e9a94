"""Fit the label model of ``newsframe.framing.label_model``: quotation or label.

Reads ``benchmarks/eval/quotes.json`` and the page files (``--pages``, outside the repository),
runs every page through the real pipeline (``load_article``, then the attribution rows with the
features of every quotation the label decision sees collected:
``attribution._article_rows(..., label_choice="rules", label_collect=...)``), and finds each annotated
quotation and each annotated label in quotation marks among the page's quotations exactly as
``eval_quotes.py`` does (``_best``). A quotation the decision sees is *speech* when it holds an
annotated quotation and a *label* when it holds an annotated label (one that holds both, or
neither, is left out). A logistic regression (scikit-learn, L2, ``C``, classes weighted by
``--weight``) is fitted on the standardised features; a quotation is a label when its
probability is at least ``label_model.THRESHOLD``.

Cross-validation leaves one story out at a time (``--cv``): the model is fitted on the other
stories and decides the held-out one; the hand rules are scored on the same quotations.
Printed: the *kinds table* (labels taken as speech and quotations taken as labels, by the rule
or the feature that decided), then rules against model: labels as speech (annotated labels a
quotation holds that is decided speech, over all annotated labels, as ``eval_quotes.py``
counts them) and quotations lost (annotated quotations decided labels); with ``--eval`` also
speaker accuracy, verb accuracy and recall of ``eval_quotes.py`` with each story's pages run
through the whole pipeline under the model fitted without that story.

    python benchmarks/train_label_model.py --pages PAGES_DIR --cv --eval
    python benchmarks/train_label_model.py --pages PAGES_DIR --write

``--write`` fits on every labelled quotation and writes ``src/newsframe/data/label_model.csv``.
Only the sets named by ``--sets`` are used (all by default); a held-out batch still to be
measured never informs a fit.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import warnings
from collections import Counter, defaultdict
from pathlib import Path

import eval_quotes
import numpy as np
from eval_quotes import LABELS, _best, _words
from sklearn.linear_model import LogisticRegression

import newsframe as nf
import newsframe.framing.label_model as label_module
from newsframe.framing import attribution as attr
from newsframe.framing._units import units
from newsframe.framing.label_model import FEATURES, THRESHOLD, LabelModel
from newsframe.resources import resolve_resources

DATA = Path(__file__).resolve().parents[1] / "src" / "newsframe" / "data" / "label_model.csv"
NAMES = tuple(FEATURES)


def page_items(path: Path, page: dict) -> dict:
    """The quotations of one page the label decision sees, with their features, the rules'
    decision and the annotation they hold (``speech``, ``label`` or None)."""
    raw = path.read_bytes().decode("utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        article = nf.load_article(path)
    res = resolve_resources(None, [article])
    collected: list = []
    attr._article_rows(
        article, res.reporting_verbs, res.actors, res, label_choice="rules", label_collect=collected
    )
    decided = {(pid, q.start): (values, rule) for pid, q, values, rule in collected}
    entries = []
    for unit in units(article, resources=res):
        if unit.part == "headline":
            continue
        context = " ".join(_words(unit.text))
        for q in attr.unit_quotes(unit):
            values, rule = decided.get((unit.paragraph_id, q.start), (None, ""))
            entries.append({"words": _words(q.text), "context": context, "quote": q.text,
                            "values": values, "rule": rule, "gold": set(),
                            "around": unit.text[max(q.start - 120, 0) : q.end + 60]})  # fmt: skip
    lost_labels = 0
    for kind, golds in (("speech", page["quotes"]), ("label", page.get("labels", []))):
        for gold in golds:
            best = _best(raw, gold, entries)
            if best is None:
                lost_labels += kind == "label"
            else:
                best["gold"].add(kind)
    items = [
        {"values": e["values"], "rule": e["rule"], "gold": next(iter(e["gold"])),
         "quote": e["quote"], "around": e["around"]}
        for e in entries
        if e["values"] is not None and len(e["gold"]) == 1
    ]  # fmt: skip
    # annotated labels held by a quotation the decision never sees: always speech
    undecided = sum("label" in e["gold"] and e["values"] is None for e in entries)
    return {
        "page": page["file"],
        "story": page.get("story") or page["file"],
        "path": path,
        "spec": page,
        "items": items,
        "labels": len(page.get("labels", [])),
        "undecided_labels": undecided,
    }


def load(pages: Path, sets: set[str] | None) -> list[dict]:
    """The pages of ``quotes.json`` present (same SHA-256) in ``pages``, run and labelled."""
    spec = json.loads(LABELS.read_text(encoding="utf-8"))
    out = []
    for page in spec["pages"]:
        if sets is not None and page.get("set", "") not in sets:
            continue
        path = pages / page["file"]
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != page["sha256"]:
            continue
        out.append(page_items(path, page))
    return out


def _xy(pages: list[dict]) -> tuple[np.ndarray, np.ndarray]:
    items = [i for p in pages for i in p["items"]]
    x = np.array([i["values"] for i in items], dtype=float).reshape(-1, len(NAMES))
    return x, np.array([i["gold"] == "label" for i in items])


def fit(pages: list[dict], c: float, weight: float) -> LabelModel:
    """The model fitted on ``pages`` (labels weighted ``weight`` times a quotation)."""
    x, y = _xy(pages)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    model = LogisticRegression(C=c, max_iter=5000, class_weight={False: 1.0, True: weight})
    model.fit((x - mean) / scale, y)
    return LabelModel(NAMES, mean, scale, model.coef_[0], float(model.intercept_[0]))


def _why_speech(values: list[float]) -> str:
    """The first reason the hand rules found a labelled span to be speech."""
    v = dict(zip(NAMES, values, strict=True))
    for name, why in (("open", "never closes"), ("ends_mark", "ends with ! or ?"),
                      ("clause_word", "pronoun or auxiliary inside"),
                      ("colon_before", "colon before"), ("introduced", "sentence before ends with a colon")):  # fmt: skip
        if v[name]:
            return why
    if not v["short"]:
        return "more than four words"
    if v["opens_sentence"] and not v["goes_on"]:
        return "a sentence of its own"
    return "a speech frame and no label cue"


def decide(pages: list[dict], model: LabelModel | None) -> dict:
    """Labels as speech and quotations lost on ``pages`` (``model`` None: the hand rules),
    with the kinds of each error."""
    kinds: Counter = Counter()
    as_speech = lost = quotations = 0
    for page in pages:
        as_speech += page["undecided_labels"]
        kinds["label as speech: no decision (a colon sentence before, no verb)"] += page[
            "undecided_labels"
        ]
        for item in page["items"]:
            if model is None:
                label = bool(item["rule"])
            else:
                label = model.probability(np.array([item["values"]]))[0] >= THRESHOLD
            if item["gold"] == "speech":
                quotations += 1
                if label:
                    lost += 1
                    kinds[f"quotation as label: {item['rule'] or 'model'}"] += 1
            elif not label:
                as_speech += 1
                kinds[f"label as speech: {_why_speech(item['values'])}"] += 1
    labels = sum(p["labels"] for p in pages)
    return {"labels": labels, "as_speech": as_speech, "quotations": quotations, "lost": lost,
            "kinds": kinds}  # fmt: skip


def cross_validate(pages: list[dict], c: float, weight: float) -> tuple[dict, dict, dict]:
    """Leave one story out: pooled rules' and model's decisions, and each story's model."""
    stories: dict[str, list[dict]] = defaultdict(list)
    for page in pages:
        stories[page["story"]].append(page)
    rules, model, fitted = [], [], {}
    for name in sorted(stories):
        train = [p for s, ps in stories.items() if s != name for p in ps]
        fitted[name] = fit(train, c, weight)
        rules.append(decide(stories[name], None))
        model.append(decide(stories[name], fitted[name]))
    return _pooled(rules), _pooled(model), fitted


def _pooled(results: list[dict]) -> dict:
    out = {k: sum(r[k] for r in results) for k in ("labels", "as_speech", "quotations", "lost")}
    out["kinds"] = sum((r["kinds"] for r in results), Counter())
    return out


def evaluate(pages: list[dict], fitted: dict[str, LabelModel] | None) -> dict:
    """``eval_quotes.py``'s totals with each story's pages run through the whole pipeline under
    the model fitted without it (``fitted`` None: the hand rules)."""
    rows = []
    shipped = label_module._shipped
    try:
        for page in pages:
            chosen = None if fitted is None else fitted[page["story"]]
            label_module._shipped = (lambda m=chosen: m) if chosen is not None else shipped
            if chosen is None:
                label_module._shipped = _rules_only
            page_rows, _ = eval_quotes._page_rows(page["path"], page["spec"])
            rows.extend(page_rows)
    finally:
        label_module._shipped = shipped
    return eval_quotes._summary("cv", "total", rows, [], 0)


def _rules_only() -> None:
    return None  # label_model("model") then answers None: the hand rules decide


def write(model: LabelModel, path: Path, n_pages: int, n_items: int, n_labels: int, c, w) -> None:
    """Write the fitted model as documented CSV."""
    lines = [
        "# Label model of newsframe.framing.label_model, fitted by",
        "# benchmarks/train_label_model.py: a logistic regression on the quoted spans of",
        f"# {n_pages} hand-labelled news pages ({n_items} spans, {n_labels} of them labels;",
        f"# L2, C={c}, labels weighted {w}x).",
        "# A span's score: the sum over the features of weight * (value - mean) / scale, plus",
        "# the (intercept) weight; a label when 1 / (1 + exp(-score)) >= label_model.THRESHOLD.",
        "# One row per feature (named and described in label_model.FEATURES): its name, the",
        "# mean and scale that standardise it, its weight, and what a high value says.",
        "# Lines starting with # are comments.",
        "feature,mean,scale,weight,when_high",
    ]
    for k, name in enumerate(NAMES):
        lines.append(
            f'{name},{model.mean[k]:.6f},{model.scale[k]:.6f},{model.weights[k]:.6f},'
            f'"{FEATURES[name]}"'
        )
    lines.append(f"(intercept),0,1,{model.intercept:.6f},")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _line(name: str, r: dict) -> str:
    return (f"{name}: labels as speech {r['as_speech']}/{r['labels']} "
            f"({r['as_speech'] / max(r['labels'], 1):.1%}), quotations lost to labels "
            f"{r['lost']}/{r['quotations']}")  # fmt: skip


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    default = os.environ.get("NEWSFRAME_EVALPAGES", "benchmarks/eval/pages")
    parser.add_argument("--pages", type=Path, default=Path(default), help="page texts")
    parser.add_argument("--cv", action="store_true", help="leave one story out")
    parser.add_argument("--eval", action="store_true", help="... and run eval_quotes per fold")
    parser.add_argument("--c", type=float, default=1.0, help="inverse L2 strength")
    parser.add_argument("--weight", type=float, default=1.0, help="weight of a label")
    parser.add_argument("--drop", default="", help="comma-separated features left out (ablation)")
    parser.add_argument("--sets", default="", help="comma-separated annotation sets (all)")
    parser.add_argument("--write", action="store_true", help="fit on all, write the CSV")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the errors")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = _arguments(argv[1:])
    sets = set(args.sets.split(",")) if args.sets else None
    pages = load(args.pages, sets)
    for name in [d for d in args.drop.split(",") if d]:
        k = NAMES.index(name)  # a feature left out is constant: weight 0
        for page in pages:
            for item in page["items"]:
                item["values"][k] = 0.0
    x, y = _xy(pages)
    print(f"{len(pages)} pages, {len(x)} decided spans ({int(y.sum())} labels), "
          f"{sum(p['labels'] for p in pages)} annotated labels")  # fmt: skip
    if args.cv:
        rules, model, fitted = cross_validate(pages, args.c, args.weight)
        for name, r in (("rules", rules), ("model", model)):
            print(_line(f"leave-story-out {name}", r))
            for kind, n in sorted(r["kinds"].items()):
                print(f"    {n:4d}  {kind}")
        if args.eval:
            for name, f in (("rules", None), ("model", fitted)):
                s = evaluate(pages, f)
                print(f"eval_quotes leave-story-out {name}: recall {s['recall']:.3f}, speaker "
                      f"{s['speaker_accuracy']:.3f}, verb {s['verb_accuracy']:.3f}, labels as "
                      f"speech {s['labels_as_speech']:.3f} of {s['labels']}")  # fmt: skip
        if args.verbose:
            for page in pages:
                m = fitted[page["story"]]
                for item in page["items"]:
                    p = m.probability(np.array([item["values"]]))[0]
                    if (p >= THRESHOLD) != (item["gold"] == "label") or bool(item["rule"]) != (
                        item["gold"] == "label"
                    ):
                        print(f"  {item['gold']:6s} rules={item['rule'] or '-':16s} "
                              f"p={p:.2f} {page['page'][:40]} {item['quote'][:60]!r}")  # fmt: skip
    if args.write:
        model = fit(pages, args.c, args.weight)
        write(model, DATA, len(pages), len(x), int(y.sum()), args.c, args.weight)
        print(_line("in sample, model", decide(pages, model)))
        print("wrote", DATA)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
