"""The ``newsframe`` command line.

``newsframe clean PATH`` prints the headline and clean body of an article (or of each article
of a manifest or folder); ``--show-removed`` adds every removed line with its reason.
``newsframe report SOURCE`` prints one row per article (counts and metadata) as CSV.
``newsframe actors SOURCE`` prints the actor table: the story file's (``--story FILE``) or, without
one, the people and organisations found in the text, with their mentions and articles.
Bad input gives a one-line message and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from newsframe.corpus import Article, Corpus, load_article, load_corpus
from newsframe.discovery import with_text_actors
from newsframe.errors import NewsframeError, NewsframeWarning
from newsframe.framing import actor_prominence
from newsframe.story import load_story


def _load(path: str, title: str | None, story: str | None = None) -> Corpus:
    p = Path(path)
    if p.suffix.lower() == ".csv" or p.is_dir():
        return load_corpus(p, story=story)
    meta = {"title": title} if title else {}
    loaded = load_story(story) if story else None
    return Corpus(
        [load_article(p, **meta)], story=loaded, resources=getattr(loaded, "resources", None)
    )


def _print_article(article: Article, *, show_removed: bool) -> None:
    print(f"# {article.title}")
    print()
    print(article.body)
    if article.captions:
        print()
        for caption in article.captions:
            print(f"[caption] {caption}")
    if show_removed:
        print()
        print(f"--- removed lines ({len(article.removed)}) ---")
        for r in article.removed:
            print(f"{r.line_no:>5}  {r.reason:<40}  {r.text}")


def _clean(args: argparse.Namespace) -> None:
    corpus = _load(args.path, args.title)
    for n, article in enumerate(corpus):
        if len(corpus) > 1:
            print(("\n" if n else "") + f"=== {article.article_id} ({article.source_path})")
        _print_article(article, show_removed=args.show_removed)


def _report(args: argparse.Namespace) -> None:
    corpus = _load(args.path, None, args.story)
    frame = corpus.to_frame().drop(columns=["source_path"])
    sys.stdout.write(frame.to_csv(index=False, lineterminator="\n"))


def _actors(args: argparse.Namespace) -> None:
    corpus = with_text_actors(_load(args.path, None, args.story), top_n=args.top)
    table = actor_prominence(corpus)
    rows = []
    for actor in corpus.resources.actors:
        mine = table[table["actor_id"] == actor.actor_id]
        rows.append((actor.actor_id, actor.name, actor.kind, "; ".join(actor.aliases),
                     int(mine["mentions"].sum()), int((mine["mentions"] > 0).sum())))  # fmt: skip
    columns = ["actor_id", "name", "kind", "aliases", "mentions", "articles"]
    sys.stdout.write(pd.DataFrame(rows, columns=columns).to_csv(index=False, lineterminator="\n"))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsframe", description="Compare how news articles frame the same story."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    clean = sub.add_parser("clean", help="print the headline and clean body of an article")
    clean.add_argument("path", help="an article (.txt/.html), a manifest .csv or a folder")
    clean.add_argument("--show-removed", action="store_true", help="list removed lines and why")
    clean.add_argument("--title", help="the known headline (helps find it on the page)")
    clean.set_defaults(func=_clean)
    report = sub.add_parser("report", help="print one CSV row of counts per article")
    report.add_argument("path", help="an article, a manifest .csv or a folder")
    report.add_argument("--story", metavar="FILE", help="the story file (TOML) of the corpus")
    report.set_defaults(func=_report)
    actors = sub.add_parser("actors", help="print the actor table with mentions (CSV)")
    actors.add_argument("path", help="an article, a manifest .csv or a folder")
    actors.add_argument("--story", metavar="FILE", help="the story file (TOML) naming the actors")
    actors.add_argument("--top", type=int, default=10, help="actors to find without a story file")
    actors.set_defaults(func=_actors)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 2 bad input)."""
    args = build_parser().parse_args(argv)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", NewsframeWarning)
        try:
            args.func(args)
        except NewsframeError as exc:
            print(f"newsframe: error: {exc}", file=sys.stderr)
            return 2
        except BrokenPipeError:
            return 0
    for w in caught:
        print(f"newsframe: warning: {w.message}", file=sys.stderr)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
