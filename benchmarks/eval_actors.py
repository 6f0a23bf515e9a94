"""Actors found without a story file, measured against the main actors a reader listed.

Per annotated story (``benchmarks/eval/actors.json``; the pages are those of
``benchmarks/eval/quotes.json`` with that ``story``, kept outside the repository as for
``eval_quotes.py``), :func:`newsframe.discover_actors` ranks ``top_n`` actors (default 10) on the
story's pages with no story file. Then:

- found: main actors that one discovered actor names (its name or an alias holds an accepted
  string), over the main actors listed;
- junk: discovered actors that name no main actor and no annotated speaker of the story (a
  fragment such as "Party" or "Inc", a newspaper, a country with an adjective taken for a
  person).

A last line sums them over the stories, with the stories that meet the target (80% of their
main actors found, at most 1 junk actor).

Run: ``PYTHONPATH=src .venv/bin/python benchmarks/eval_actors.py [PAGES_DIR] [--set=NAME]
[--labels PATH] [--actors PATH] [--pages DIR]`` (``--labels`` and ``--actors`` read other files of
the same formats, such as a held-out batch kept outside the repository).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import warnings
from pathlib import Path

import pandas as pd

import newsframe as nf

HERE = Path(__file__).resolve().parent / "eval"


def _names(actor: nf.Actor) -> list[str]:
    return [actor.name.lower(), *(a.lower() for a in actor.aliases)]


def report(
    pages_dir: str | Path,
    *,
    only: str | None = None,
    top_n: int = 10,
    labels: str | Path = HERE / "quotes.json",
    actors: str | Path = HERE / "actors.json",
) -> pd.DataFrame:
    """One row per story: pages, main actors, found, junk and the junk names."""
    spec = json.loads(Path(actors).read_text(encoding="utf-8"))["stories"]
    pages = json.loads(Path(labels).read_text(encoding="utf-8"))["pages"]
    rows = []
    for story, main in spec.items():
        mine = [p for p in pages if p.get("story") == story and only in (None, p.get("set"))]
        articles, speakers = [], []
        for page in mine:
            path = Path(pages_dir) / page["file"]
            if (
                not path.is_file()
                or hashlib.sha256(path.read_bytes()).hexdigest() != page["sha256"]
            ):
                continue
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                articles.append(nf.load_article(path))
            speakers += [a.lower() for q in page["quotes"] for a in q["speaker_accept"]]
        if not articles:
            continue
        found = nf.discover_actors(articles, top_n=top_n, min_mentions=1)
        hit = [
            m
            for m in main
            if any(a.lower() in n for a in m["accept"] for x in found for n in _names(x))
        ]
        wanted = [a.lower() for m in main for a in m["accept"]] + speakers
        junk = [x.name for x in found if not any(w in n for w in wanted for n in _names(x))]
        rows.append({"set": mine[0].get("set"), "story": story, "pages": len(articles),
                     "main_actors": len(main), "found": len(hit), "junk": len(junk),
                     "junk_names": ", ".join(junk), "discovered": ", ".join(x.name for x in found)})  # fmt: skip
    return pd.DataFrame(rows)


def main(argv: list[str]) -> int:
    default = os.environ.get("NEWSFRAME_EVALPAGES", HERE / "pages")
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pages_dir", nargs="?", type=Path, help="folder of the page texts")
    parser.add_argument("--pages", type=Path, help="folder of the page texts (same as PAGES_DIR)")
    parser.add_argument("--labels", type=Path, default=HERE / "quotes.json", help="pages (JSON)")
    parser.add_argument("--actors", type=Path, default=HERE / "actors.json", help="main actors")
    parser.add_argument("--set", dest="only", help="keep the pages of one annotation set")
    args = parser.parse_args(argv[1:])
    pages = Path(args.pages or args.pages_dir or default)
    table = report(pages, only=args.only, labels=args.labels, actors=args.actors)
    with pd.option_context("display.width", 200, "display.max_colwidth", 120):
        print(table.to_string(index=False))
    if not table.empty:
        target = ((table["found"] >= 0.8 * table["main_actors"]) & (table["junk"] <= 1)).sum()
        print(
            f"\nall stories: main actors found {table['found'].sum()}/"
            f"{table['main_actors'].sum()}, junk {table['junk'].sum()}; stories with 80% of "
            f"their main actors found and at most 1 junk: {target}/{len(table)}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
