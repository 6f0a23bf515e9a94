"""The ``newsframe`` command line.

``newsframe clean PATH`` prints the headline and clean body of an article (or of each article
of a manifest or folder); ``--show-removed`` adds every removed line with its reason.
``newsframe report SOURCE --out DIR`` writes a self-contained HTML report (figures, tables,
``summary.json``); without ``--out`` it prints one row per article (counts and metadata) as CSV.
A SOURCE may also be an article table (CSV, Parquet or JSON Lines with a text column, or
news-please JSON): ``--text-column`` names the text column, ``--clean`` runs the page cleaner on
text that arrives extracted, ``--skip-bad`` leaves out (and lists) rows of a table or a
manifest that cannot be articles (no text, a date that does not parse: without it, one error
naming the file and the row), ``--dedupe`` counts each repeated text once.
``newsframe actors SOURCE`` prints the actor table: the story file's (``--story FILE``) or, without
one, the people and organisations found in the text, with their mentions and articles.
Bad input gives a one-line message and exit status 2, never a traceback; SIGINT (Ctrl-C) and
SIGTERM stop the run with one line and exit status 130 and 143 (128 + the signal's number),
after removing what the run had begun to write and ending its worker processes. Everything printed
comes from untrusted files, so control characters (terminal escape sequences among them) are
shown escaped (``\\x1b``), and file names that are not valid UTF-8 print with backslash escapes.
"""

from __future__ import annotations

import argparse
import contextlib
import re
import signal
import sys
import threading
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path

import pandas as pd

from newsframe.corpus import Article, Corpus, load_article, load_corpus
from newsframe.discovery import with_text_actors
from newsframe.errors import NewsframeError, NewsframeWarning
from newsframe.framing import actor_prominence
from newsframe.sources import TABLE_SUFFIXES
from newsframe.story import load_story

# C0 and C1 control characters except tab and newline; DEL; bidirectional overrides.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _safe(text: object) -> str:
    """``text`` with control characters escaped and undecodable file-name bytes made visible."""
    out = str(text)
    if not out.isascii():
        out = out.encode("utf-8", "backslashreplace").decode("utf-8")
    return _CONTROL.sub(_escape, out)


def _line(text: object) -> str:
    """``text`` made safe (:func:`_safe`) and kept on one line: a line break inside it (a file
    named ``new\\nline.txt``) is shown escaped, so an error or a warning is one line."""
    return (
        _safe(text).replace("\n", "\\n").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _out(text: object = "") -> None:
    print(_safe(text))


def _load(
    path: str,
    title: str | None,
    story: str | None = None,
    method: str = "model",
    args: argparse.Namespace | None = None,
) -> Corpus:
    p = Path(path)
    if p.suffix.lower() in TABLE_SUFFIXES or p.is_dir():
        return load_corpus(p, story=story, method=method, **_table_options(args))
    meta = {"title": title} if title else {}
    loaded = load_story(story) if story else None
    return Corpus(
        [load_article(p, method=method, **meta)],
        story=loaded,
        resources=getattr(loaded, "resources", None),
    )


def _table_options(args: argparse.Namespace | None) -> dict[str, object]:
    """The table-reading options given on the command line (none for ``clean``/``actors``)."""
    if args is None or not hasattr(args, "text_column"):
        return {}
    return {"text_column": args.text_column, "clean": args.clean, "skip_bad": args.skip_bad,
            "dedupe": args.dedupe}  # fmt: skip


def _table_options_given(args: argparse.Namespace) -> bool:
    return bool(args.text_column != "text" or args.clean or args.skip_bad or args.dedupe)


def _print_article(article: Article, *, show_removed: bool) -> None:
    _out(f"# {article.title}")
    _out()
    _out(article.body)
    if article.captions:
        _out()
        for caption in article.captions:
            _out(f"[caption] {caption}")
    if show_removed:
        _out()
        _out(f"--- removed lines ({len(article.removed)}) ---")
        for r in article.removed:
            _out(f"{r.line_no:>5}  {r.reason:<40}  {r.text}")


def _clean(args: argparse.Namespace) -> None:
    corpus = _load(args.path, args.title, method=args.method)
    for n, article in enumerate(corpus):
        if len(corpus) > 1:
            _out(("\n" if n else "") + _line(f"=== {article.article_id} ({article.source_path})"))
        _print_article(article, show_removed=args.show_removed)


def _report(args: argparse.Namespace) -> None:
    if args.out is not None:
        from newsframe.report import build_report

        sources = args.path if len(args.path) > 1 else args.path[0]
        if _table_options_given(args):
            if len(args.path) != 1:
                raise NewsframeError(
                    "--text-column, --clean, --skip-bad and --dedupe take one table"
                )
            sources = load_corpus(args.path[0], n_jobs=args.jobs, story=args.story,
                                  **_table_options(args))  # fmt: skip
        path = build_report(
            sources, args.out, story=args.story, group=args.group, compare=args.compare,
            force=args.force, n_jobs=args.jobs, scheduler=args.scheduler, align=args.align,
            period=args.period, within=args.within,
        )  # fmt: skip
        print(f"newsframe: wrote {path / 'index.html'}", file=sys.stderr)
        return
    if len(args.path) != 1:
        raise NewsframeError("without --out, report takes one source")
    corpus = _load(args.path[0], None, args.story, args=args)
    frame = corpus.to_frame().drop(columns=["source_path"])
    sys.stdout.write(_safe(frame.to_csv(index=False, lineterminator="\n")))
    _say_left_out(corpus)


#: Left-out rows and texts named one by one on standard error; the rest are counted.
SHOW_LEFT_OUT = 10


def _say_left_out(corpus: Corpus) -> None:
    """Name on standard error the rows ``--skip-bad`` and the copies ``--dedupe`` left out (the
    report lists them in its Corpus section; the counts table alone would drop them silently)."""
    said = [f"{f}: row {n}{f' ({i})' if i else ''}: {why}" for f, n, i, why in
            corpus.skipped_rows().itertuples(index=False, name=None)]  # fmt: skip
    dupes = corpus.duplicate_texts()
    said += [f"{a}: not counted, same text as {b}" for a, b in
             dupes.loc[~dupes["counted"], ["article_id", "duplicate_of"]].values]  # fmt: skip
    for line in said[:SHOW_LEFT_OUT]:
        print(f"newsframe: left out {_line(line)}", file=sys.stderr)
    if len(said) > SHOW_LEFT_OUT:
        print(f"newsframe: left out {len(said) - SHOW_LEFT_OUT:,} more", file=sys.stderr)


def _actors(args: argparse.Namespace) -> None:
    corpus = with_text_actors(_load(args.path, None, args.story), top_n=args.top)
    table = actor_prominence(corpus)
    rows = []
    for actor in corpus.resources.actors:
        mine = table[table["actor_id"] == actor.actor_id]
        rows.append((actor.actor_id, actor.name, actor.kind, "; ".join(actor.aliases),
                     int(mine["mentions"].sum()), int((mine["mentions"] > 0).sum())))  # fmt: skip
    columns = ["actor_id", "name", "kind", "aliases", "mentions", "articles"]
    sys.stdout.write(
        _safe(pd.DataFrame(rows, columns=columns).to_csv(index=False, lineterminator="\n"))
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsframe", description="Compare how news articles frame the same story."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    clean = sub.add_parser("clean", help="print the headline and clean body of an article")
    clean.add_argument("path", help="an article (.txt/.html), a manifest .csv or a folder")
    clean.add_argument("--show-removed", action="store_true", help="list removed lines and why")
    clean.add_argument("--title", help="the known headline (helps find it on the page)")
    clean.add_argument(
        "--method",
        choices=("rules", "model"),
        default="model",
        help="the learned line model (newsframe.lines; default) or the rule cleaner alone",
    )
    clean.set_defaults(func=_clean)
    report = sub.add_parser(
        "report", help="write a self-contained HTML report (or, without --out, a CSV of counts)"
    )
    report.add_argument(
        "path",
        nargs="+",
        help="a manifest .csv, a folder (its manifest.csv/articles.csv if any), files, or a table "
        "of texts (.csv with a text column, .parquet, .jsonl, news-please .json)",
    )
    report.add_argument("--out", type=Path, help="folder to write index.html, figures/, tables/")
    report.add_argument(
        "--group", help="metadata column whose groups are compared (default: group)"
    )
    report.add_argument("--compare", nargs=2, metavar=("A", "B"), help="the two groups or articles")
    report.add_argument("--align", nargs=2, metavar=("A", "B"),
                        help="the two articles the alignment map draws (default: the two of the "
                        "compared sides that share the most facts)")  # fmt: skip
    report.add_argument("--force", action="store_true", help="replace an existing report folder")
    report.add_argument(
        "--jobs",
        type=int,
        default=-1,
        help="processes for loading, analysing and the per-article tables (default -1: all cores)",
    )
    report.add_argument(
        "--scheduler", help="run the per-article steps on Dask: 'local' or a scheduler ADDRESS"
    )
    report.add_argument("--story", metavar="FILE", help="the story file (TOML) of the corpus")
    report.add_argument(
        "--text-column", default="text", help="a table's column holding the text (default: text)"
    )
    report.add_argument(
        "--clean",
        action="store_true",
        help="run the page cleaner on a table's text (default: as given)",
    )
    report.add_argument(
        "--skip-bad",
        action="store_true",
        help="leave out (and list) table or manifest rows that cannot be articles (no text, "
        "a date that does not parse, a file listed twice)",
    )
    report.add_argument("--dedupe", action="store_true", help="count each repeated text once")
    report.add_argument(
        "--period",
        choices=["day", "week", "month", "quarter", "year"],
        help="periods of the 'Over time' section (default: chosen from the span of dates)",
    )
    report.add_argument(
        "--within",
        metavar="COLUMN",
        help="compare the two groups within each value of this column (default: story, when the "
        "articles have one); a group confined to one story is named in the report",
    )
    report.set_defaults(func=_report)
    actors = sub.add_parser("actors", help="print the actor table with mentions (CSV)")
    actors.add_argument("path", help="an article, a manifest .csv or a folder")
    actors.add_argument("--story", metavar="FILE", help="the story file (TOML) naming the actors")
    actors.add_argument("--top", type=int, default=10, help="actors to find without a story file")
    actors.set_defaults(func=_actors)
    return parser


def _tolerant_streams() -> None:
    """Never fail on printing: unencodable characters become backslash escapes."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # a closed or odd stream
                reconfigure(errors="backslashreplace")


class _Stopped(BaseException):
    """SIGINT or SIGTERM arrived: unwinds the run like KeyboardInterrupt, cleaning up on the way."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _stop(signum: int, frame: object) -> None:
    raise _Stopped(signum)


@contextlib.contextmanager
def _signals_stop_the_run() -> Iterator[None]:
    """Turn SIGINT and SIGTERM into :class:`_Stopped` inside the block (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {s: signal.signal(s, _stop) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 2 bad input, 128 + n on signal n)."""
    _tolerant_streams()
    args = build_parser().parse_args(argv)
    with warnings.catch_warnings(record=True) as caught, _signals_stop_the_run():
        warnings.simplefilter("always", NewsframeWarning)
        try:
            args.func(args)
        except (_Stopped, KeyboardInterrupt) as exc:
            signum = exc.signum if isinstance(exc, _Stopped) else signal.SIGINT
            name = signal.Signals(signum).name
            print(f"newsframe: stopped by {name}", file=sys.stderr)
            return 128 + signum
        except NewsframeError as exc:
            print(f"newsframe: error: {_line(exc)}", file=sys.stderr)
            return 2
        except BrokenPipeError:
            return 0
        except OSError as exc:  # a file system error the loaders did not foresee
            where = f"{exc.filename}: " if exc.filename else ""
            print(f"newsframe: error: {_line(where)}{_line(exc.strerror or exc)}", file=sys.stderr)
            return 2
    for w in caught:
        print(f"newsframe: warning: {_line(w.message)}", file=sys.stderr)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
