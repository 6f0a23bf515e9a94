"""How well the cleaner separates article from page, measured on real pages annotated by hand.

Real pages from other sites are not committed. ``benchmarks/eval/pages.json`` holds, per page,
its file name, SHA-256, URL, outlet and story, and character offsets into the page file of what a
reader would mark: the headline (or none), snippets of the article body including its first and
last sentence, and snippets of page chrome (boilerplate) that must not stay in the body. Put the
page files in a folder (by default ``$NEWSFRAME_EVALPAGES`` or ``benchmarks/eval/pages/``,
git-ignored) and run::

    python benchmarks/eval_pages.py [PAGES_DIR] [--verbose]

Each page belongs to a set: ``dev`` pages were looked at while the cleaner was built,
``held-out`` pages were collected and annotated afterwards and measured once. It prints, per
outlet, per set and overall: body snippets kept, first and last body sentence kept,
boilerplate snippets removed from the body, and headlines right (an empty title where the page has
none; an invented headline counts as wrong). A snippet is "kept" when its normalised text occurs in
the clean body (paragraphs joined). When ``benchmarks/eval_quotes.py`` exists, its
``report(pages_dir)`` prints the quotation figures after these.

``python benchmarks/eval_pages.py --annotate SNIPPETS.json [PAGES_DIR]`` rebuilds pages.json
from hand annotations written as text snippets (a list of objects with ``file, url, outlet,
story, headline, first, last, body, boiler``), so no article text needs to be committed.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import re
import sys
import warnings
from collections import defaultdict
from pathlib import Path

import newsframe as nf
from newsframe.errors import NewsframeError
from newsframe.text import normalise

HERE = Path(__file__).resolve().parent
ANNOTATIONS = HERE / "eval" / "pages.json"
DEFAULT_PAGES = HERE / "eval" / "pages"
_WORDS = re.compile(r"\w+")


def _norm(text: str) -> str:
    return " ".join(normalise(text).split())


def _key(text: str) -> str:
    return " ".join(_WORDS.findall(normalise(text).lower()))


def _span(text: str, snippet: str, file: str) -> list[int]:
    start = text.find(snippet)
    if start < 0:
        raise SystemExit(f"{file}: snippet not found: {snippet[:60]!r}")
    return [start, start + len(snippet)]


def annotate(snippets_path: Path, pages_dir: Path) -> None:
    """Write pages.json (offsets, hashes, metadata) from text-snippet annotations."""
    rows = []
    for page in json.loads(snippets_path.read_text(encoding="utf-8")):
        data = (pages_dir / page["file"]).read_bytes()
        text = data.decode("utf-8")
        f = page["file"]
        rows.append(
            {
                "file": f,
                "sha256": hashlib.sha256(data).hexdigest(),
                "url": page["url"],
                "outlet": page["outlet"],
                "story": page["story"],
                "set": page.get("set", "dev"),
                "headline": _span(text, page["headline"], f) if page["headline"] else None,
                "first": _span(text, page["first"], f),
                "last": _span(text, page["last"], f),
                "body": [_span(text, s, f) for s in page["body"]],
                "boilerplate": [_span(text, s, f) for s in page["boiler"]],
            }
        )
    rows.sort(key=lambda r: (r["set"], r["story"], r["outlet"], r["file"]))
    ANNOTATIONS.write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {ANNOTATIONS} ({len(rows)} pages)")


def _score(page: dict, path: Path, verbose: bool) -> dict[str, int] | None:
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != page["sha256"]:
        print(f"  skipped {page['file']}: content differs from the annotated page")
        return None
    text = data.decode("utf-8")

    def cut(span: list[int]) -> str:
        return text[span[0] : span[1]]

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            article = nf.load_article(path)
        body, title = _norm("\n".join(article.paragraphs)), article.title
    except NewsframeError as exc:
        body, title = "", ""
        if verbose:
            print(f"  {page['file']}: {exc}")
    body_snips = [cut(s) for s in (page["first"], page["last"], *page["body"])]
    lost = [s for s in body_snips if _norm(s) not in body]
    left = [cut(s) for s in page["boilerplate"] if _norm(cut(s)) in body]
    want = cut(page["headline"]) if page["headline"] else ""
    head_ok = _key(title) == _key(want)
    if verbose and (lost or left or not head_ok):
        print(f"  {page['file']}")
        for s in lost:
            print(f"    body lost:      {s[:90]!r}")
        for s in left:
            print(f"    chrome kept:    {s[:90]!r}")
        if not head_ok:
            print(f"    headline: got {title[:60]!r}, want {want[:60]!r}")
    return {
        "pages": 1,
        "body": len(body_snips) - len(lost),
        "body_n": len(body_snips),
        "first": int(_norm(cut(page["first"])) in body),
        "last": int(_norm(cut(page["last"])) in body),
        "chrome": len(page["boilerplate"]) - len(left),
        "chrome_n": len(page["boilerplate"]),
        "head": int(head_ok),
        "invented": int(not want and bool(title)),
    }


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}%" if b else "    —"


def _row(name: str, s: dict[str, int]) -> str:
    return (
        f"{name[:28]:<28} {s['pages']:>3}  {_pct(s['body'], s['body_n'])} "
        f"{_pct(s['first'], s['pages'])} {_pct(s['last'], s['pages'])}  "
        f"{_pct(s['chrome'], s['chrome_n'])} ({s['chrome']:>2}/{s['chrome_n']:<2})  "
        f"{_pct(s['head'], s['pages'])}  {s['invented']:>3}"
    )


def evaluate(pages_dir: Path, *, verbose: bool = False) -> dict[str, int]:
    """Print the table per outlet and overall; return the overall counts."""
    pages = json.loads(ANNOTATIONS.read_text(encoding="utf-8"))
    per_outlet: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    per_set: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    total: dict[str, int] = defaultdict(int)
    missing = 0
    for page in pages:
        path = pages_dir / page["file"]
        if not path.is_file():
            missing += 1
            continue
        scores = _score(page, path, verbose)
        if scores is None:
            continue
        for k, v in scores.items():
            per_outlet[page["outlet"]][k] += v
            per_set[page.get("set", "dev")][k] += v
            total[k] += v
    stories = len({p["story"] for p in pages})
    print(
        f"{total['pages']} pages from {len(per_outlet)} outlets and {stories} stories"
        + (f" ({missing} annotated pages not found in {pages_dir})" if missing else "")
    )
    print(
        f"{'outlet':<28} {'n':>3}  {'body':>6} {'first':>6} {'last':>6}  {'boilerplate':>17}  {'headline':>6} {'invented':>3}"
    )
    for outlet in sorted(per_outlet):
        print(_row(outlet, per_outlet[outlet]))
    for name in sorted(per_set):
        print(_row(f"ALL {name}", per_set[name]))
    print(_row("ALL", total))
    return dict(total)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(os.environ.get("NEWSFRAME_EVALPAGES", DEFAULT_PAGES))
    parser.add_argument("pages_dir", nargs="?", type=Path, default=default)
    parser.add_argument("--annotate", type=Path, help="rebuild pages.json from text snippets")
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    if args.annotate:
        annotate(args.annotate, args.pages_dir)
        return 0
    evaluate(args.pages_dir, verbose=args.verbose)
    quotes = HERE / "eval_quotes.py"
    if quotes.is_file():
        spec = importlib.util.spec_from_file_location("eval_quotes", quotes)
        if spec and spec.loader:
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            print()
            table = module.report(args.pages_dir)  # prints, or returns a table to print
            if table is not None:
                print(table.to_string(index=False) if hasattr(table, "to_string") else table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
