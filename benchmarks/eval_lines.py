"""How well a cleaner labels the lines of real pages: chrome removed, body lost, headline right.

Pages and their per-line labels come from ``benchmarks/eval/lines.json`` (written by
``benchmarks/label_lines.py``; page text lives outside the repository, by default in
``$NEWSFRAME_EVALPAGES`` or ``benchmarks/eval/pages/`` (git-ignored)). Each labelled line is ``body``,
``headline``, ``chrome``, ``caption`` or ``byline``. Per method it counts, over the lines of a
set of pages:

* chrome removed: chrome, caption and byline lines not left in the clean body (captions kept
  apart count as removed from the body);
* body lost: body lines the cleaner removed, and the sentences in them (``split_sentences``);
* headline right: the cleaner's headline is the labelled headline line (a date marker or site
  name around it aside), or both are empty.

Methods: ``rules`` (newsframe's rule cleaner, main today), ``model`` (``method="model"``, the
learned line model) and ``justext`` (jusText 3 with the English stoplist, each line given to it
as one paragraph, as in issue 18; it finds no headline). Pages are cleaned one at a time, each
alone (``--corpus`` gives the line model and the rules the lines repeated on the outlet's other
pages of the same set; ``--story`` adds the line model reading each page with the other outlets'
pages of its story in the set, its corpus topicality).

    python benchmarks/eval_lines.py [--set train|held-out|excluded|train-2|...] [--peer] [--corpus]
        [--labels PATH] [--pages DIR]

``--labels`` and ``--pages`` measure a batch kept outside the repository (labels and pages both).
``--kept FILE`` writes, for the line model, every labelled non-body line it leaves in the body
(tab-separated: page file, line number, label, where against the labelled body, text) to a file
outside the repository, for reading what is kept line by line (where: ``before`` the first body
line, ``inside`` between the first and the last, ``after`` the last). ``--headlines FILE`` writes
every page whose headline the line model gets wrong (tab-separated: page file, the labelled
headline's line number and text, or none, and the title the model gave, or none), likewise
outside the repository; with ``--story`` the model reads each page with its story. ``--lost
FILE`` writes every labelled body line the line model removes (page file, line number, where:
the ``first``, ``last`` or an ``inside`` line of the labelled body, the cleaner's reason, text),
likewise outside the repository.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import os
import re
import sys
import warnings
from collections import defaultdict
from pathlib import Path

from newsframe.cleaning import clean_text
from newsframe.lines import LineModel, StoryView, StoryWords
from newsframe.text import normalise, split_sentences

HERE = Path(__file__).resolve().parent
LABELS = HERE / "eval" / "lines.json"
DEFAULT_PAGES = Path(
    os.environ.get("NEWSFRAME_EVALPAGES", Path(__file__).resolve().parent / "eval" / "pages")
)
NON_BODY = ("chrome", "caption", "byline")
_WORDS = re.compile(r"\w+")
_MARKER = re.compile(r"^\s*date \d{4}(?:-\d\d){0,2}\s*")


def key(text: str) -> str:
    """Lowercase words of a text, for comparing headlines."""
    return " ".join(_WORDS.findall(normalise(_MARKER.sub("", text)).lower()))


def line_key(text: str) -> str:
    """A line as an outlet's repeated-line set holds it (normalised, one space, lowercase)."""
    return " ".join(normalise(text).split()).lower()


def load(pages_dir: Path, which: str, labels: Path = LABELS) -> list[dict]:
    """The labelled pages of one set with their text (a page whose file differs is skipped)."""
    out = []
    for page in json.loads(labels.read_text(encoding="utf-8")):
        if page["set"] != which:
            continue
        path = pages_dir / page["file"]
        data = path.read_bytes() if path.is_file() else b""
        if hashlib.sha256(data).hexdigest() != page["sha256"]:
            print(f"  skipped {page['file']}: missing, or not the labelled page", file=sys.stderr)
            continue
        out.append({**page, "text": data.decode("utf-8")})
    return out


def outlet_repeats(pages: list[dict]) -> dict[str, frozenset[str]]:
    """Per page file: the lines that also occur on another page of the same outlet."""
    seen: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for page in pages:
        for line in page["text"].splitlines():
            if line.strip():
                seen[page["outlet"]][line_key(line)].add(page["file"])
    return {
        page["file"]: frozenset(
            k for k, files in seen[page["outlet"]].items() if files - {page["file"]}
        )
        for page in pages
    }


def story_words(pages: list[dict]) -> dict[str, StoryWords]:
    """Per story: the content words of its pages' prose, counted per outlet (each page's corpus
    is the other outlets' pages of its story; its own outlet is left out by the view)."""
    by_story: dict[str, list[dict]] = defaultdict(list)
    for page in pages:
        by_story[page["story"]].append(page)
    return {
        story: StoryWords.count((p["outlet"], p["text"].splitlines()) for p in group)
        for story, group in by_story.items()
    }


def _justext(text: str) -> tuple[set[int], str]:
    import justext  # the peer, only when asked for

    numbered = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    doc = (
        "<html><body>" + "".join(f"<p>{html.escape(t)}</p>" for _, t in numbered) + "</body></html>"
    )
    paragraphs = justext.justext(doc.encode("utf-8"), justext.get_stoplist("English"))
    if len(paragraphs) != len(numbered):
        raise SystemExit("jusText merged or dropped paragraphs; lines cannot be matched")
    return {n for (n, _), p in zip(numbered, paragraphs, strict=True) if p.is_boilerplate}, ""


def clean_lines(
    text: str,
    method: str | LineModel,
    repeats: frozenset[str],
    story: StoryView | None = None,
) -> tuple[set[int], str]:
    """Line numbers a method removes from the body, and the headline it finds."""
    if method == "justext":
        return _justext(text)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = clean_text(text, method=method, edge_repeats=repeats, story=story)
    return {r.line_no for r in result.removed if not r.part}, result.title


def score(page: dict, removed: set[int], title: str) -> dict[str, int]:
    """Counts for one page (see the module docstring)."""
    lines = page["text"].splitlines()
    labels = dict((n, label) for n, label in page["labels"])
    s: dict[str, int] = defaultdict(int)
    s["pages"] = 1
    for n, label in labels.items():
        if label == "body":
            s["body_n"] += 1
            if n in removed:
                s["body_lost"] += 1
                s["sentences_lost"] += len(split_sentences(lines[n - 1]))
        elif label in NON_BODY:
            s["chrome_n"] += 1
            s["chrome"] += n in removed
            s[f"{label}:n"] += 1  # per class too: which kind of non-body line moves
            s[f"{label}:removed"] += n in removed
    want = [lines[n - 1] for n, label in labels.items() if label == "headline"]
    got = key(title)
    if not want:
        s["head"] += not got
    else:
        gold = key(want[0])
        s["head"] += bool(got) and got in gold and len(got) >= 0.6 * len(gold)
    return dict(s)


def position(page: dict, n: int) -> str:
    """Where line ``n`` sits against the page's labelled body: before, inside or after it."""
    body = [m for m, label in page["labels"] if label == "body"]
    if not body or n < min(body):
        return "before"
    return "after" if n > max(body) else "inside"


def kept_lines(
    pages: list[dict], method: str | LineModel = "model", *, corpus: bool = False
) -> list[tuple[str, int, str, str, str]]:
    """Every labelled non-body line a method leaves in the body: (page file, line number,
    label, position against the labelled body, text)."""
    repeats = outlet_repeats(pages) if corpus else {}
    out = []
    for page in pages:
        removed, _ = clean_lines(page["text"], method, repeats.get(page["file"], frozenset()))
        lines = page["text"].splitlines()
        for n, label in page["labels"]:
            if label in NON_BODY and n not in removed:
                out.append((page["file"], n, label, position(page, n), lines[n - 1].strip()))
    return out


def lost_lines(
    pages: list[dict], method: str | LineModel = "model", *, corpus: bool = False
) -> list[tuple[str, int, str, str, str]]:
    """Every labelled body line a method removes: (page file, line number, position against
    the rest of the labelled body, the cleaner's reason, text)."""
    repeats = outlet_repeats(pages) if corpus else {}
    out = []
    for page in pages:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = clean_text(page["text"], method=method,
                                edge_repeats=repeats.get(page["file"], frozenset()))  # fmt: skip
        why = {r.line_no: r.reason for r in result.removed if not r.part}
        lines = page["text"].splitlines()
        for n, label in page["labels"]:
            if label == "body" and n in why:
                body = [m for m, lab in page["labels"] if lab == "body"]
                where = "first" if n == min(body) else "last" if n == max(body) else "inside"
                out.append((page["file"], n, where, why[n], lines[n - 1].strip()))
    return out


def headline_misses(
    pages: list[dict],
    method: str | LineModel = "model",
    *,
    corpus: bool = False,
    stories: dict[str, StoryWords] | None = None,
) -> list[tuple[str, int, str, str]]:
    """Every page whose headline a method gets wrong (:func:`score`): (page file, the labelled
    headline's line number (0 for none), its text, the title the method gave)."""
    repeats = outlet_repeats(pages) if corpus else {}
    out = []
    for page in pages:
        story = stories[page["story"]].view(page["outlet"]) if stories else None
        removed, title = clean_lines(
            page["text"], method, repeats.get(page["file"], frozenset()), story
        )
        if score(page, removed, title).get("head"):
            continue
        lines = page["text"].splitlines()
        want = [n for n, label in page["labels"] if label == "headline"]
        n = want[0] if want else 0
        out.append((page["file"], n, lines[n - 1].strip() if n else "", title))
    return out


def evaluate(
    pages: list[dict],
    method: str | LineModel,
    *,
    corpus: bool = False,
    stories: dict[str, StoryWords] | None = None,
) -> dict[str, int]:
    """Summed counts of one method over pages; with ``stories`` (:func:`story_words`) the
    model reads each page with the other outlets' pages of its story."""
    repeats = outlet_repeats(pages) if corpus else {}
    total: dict[str, int] = defaultdict(int)
    for page in pages:
        story = stories[page["story"]].view(page["outlet"]) if stories else None
        removed, title = clean_lines(
            page["text"], method, repeats.get(page["file"], frozenset()), story
        )
        for k, v in score(page, removed, title).items():
            total[k] += v
    return dict(total)


def row(name: str, s: dict[str, int], *, headline: bool = True) -> str:
    """One line of the results table."""
    chrome = 100 * s.get("chrome", 0) / max(1, s.get("chrome_n", 0))
    head = f"{100 * s.get('head', 0) / max(1, s['pages']):6.1f}%" if headline else "     —"
    return (
        f"{name:<22} {s['pages']:>5} {chrome:7.1f}% ({s.get('chrome', 0)}/{s.get('chrome_n', 0)})"
        f"  {s.get('body_lost', 0):>3}/{s.get('body_n', 0):<4} {s.get('sentences_lost', 0):>4}"
        f"  {head}"
    )


def per_class(s: dict[str, int]) -> str:
    """The non-body lines removed per labelled class (chrome, caption, byline) of a total."""
    return ", ".join(f"{c} {s.get(c + ':removed', 0)}/{s.get(c + ':n', 0)}" for c in NON_BODY)


HEADER = f"{'method':<22} {'pages':>5} {'chrome removed':>18}  {'body lost':>8} {'sents':>4}  {'headline':>7}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    parser.add_argument("--labels", type=Path, default=LABELS, help="label file (lines.json)")
    parser.add_argument("--set", default="train", help="train, held-out, excluded, train-2, ...")
    parser.add_argument("--peer", action="store_true", help="add jusText on the same lines")
    parser.add_argument("--corpus", action="store_true", help="outlet repeats as evidence")
    parser.add_argument(
        "--story", action="store_true", help="add the model reading other outlets' pages of a story"
    )
    parser.add_argument("--kept", type=Path, help="write the non-body lines the model keeps")
    parser.add_argument("--headlines", type=Path, help="write the model's headline misses")
    parser.add_argument("--lost", type=Path, help="write the body lines the model removes")
    args = parser.parse_args(argv)
    pages = load(args.pages, args.set, args.labels)
    if not pages:
        raise SystemExit(f"{args.labels}: no page of set {args.set!r} found in {args.pages}")
    if args.kept:
        kept = kept_lines(pages, corpus=args.corpus)
        args.kept.write_text("".join("\t".join(map(str, k)) + "\n" for k in kept), "utf-8")
        print(f"{len(kept)} non-body lines kept, written to {args.kept}")
        return 0
    if args.lost:
        lost = lost_lines(pages, corpus=args.corpus)
        args.lost.write_text("".join("\t".join(map(str, k)) + "\n" for k in lost), "utf-8")
        print(f"{len(lost)} body lines removed, written to {args.lost}")
        return 0
    if args.headlines:
        story = story_words(pages) if args.story else None
        misses = headline_misses(pages, corpus=args.corpus, stories=story)
        args.headlines.write_text(
            "".join(f"{f}\t{n}\t{want or '(none)'}\t{got or '(none)'}\n"
                    for f, n, want, got in misses), "utf-8",
        )  # fmt: skip
        print(f"{len(misses)} headline misses of {len(pages)} pages, written to {args.headlines}")
        return 0
    outlets, stories = len({p["outlet"] for p in pages}), len({p["story"] for p in pages})
    print(f"set {args.set}: {len(pages)} pages, {outlets} outlets, {stories} stories")
    print(HEADER)
    print(row("rules (main today)", evaluate(pages, "rules", corpus=args.corpus)))
    model = evaluate(pages, "model", corpus=args.corpus)
    print(row("line model", model))
    print(f"  line model, removed per class: {per_class(model)}")
    if args.story:
        stories = story_words(pages)
        print(row("line model, story", evaluate(pages, "model", corpus=args.corpus,
                                                 stories=stories)))  # fmt: skip
    if args.peer:
        print(row("jusText (lines as <p>)", evaluate(pages, "justext"), headline=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
