"""Build the line-labelled page set: page files outside the repository, labels inside it.

A labelled transcript (kept outside every repository, e.g. ``benchmarks/eval/raw/*.txt``, git-ignored) holds
pages one after another. A page starts with a header line::

    @@ FILE | URL | OUTLET | STORY | NL

(``NL`` = 1 when the page's lines follow each other, 2 when a blank line separates them, ``0``
when the page file is already in ``PAGES_DIR`` exactly as stored: its bytes are kept, whatever
its blank lines and final newline, and the rows label its non-blank lines in order, each row's
text checked against its line) and then one line of the page per row, each prefixed with its
label and ``": "``:

    ``B`` body, ``H`` headline, ``C`` page chrome, ``P`` photo caption or credit,
    ``Y`` byline or dateline.

``python benchmarks/label_lines.py RAW_DIR PAGES_DIR [--set NAME] [--labels PATH]`` writes every
page's text to ``PAGES_DIR/FILE`` (never into the repository) and the label records to
``benchmarks/eval/lines.json`` (or ``--labels PATH``): per page its file name, SHA-256, URL,
outlet, story, set and ``labels`` as ``[line number, label]`` pairs (1-based line numbers in the
page file). No page text is written to the JSON. Records of sets this run does not write are kept,
so a later batch (``--set train-2``: every page of RAW_DIR in that set) is added beside the first.

Conventions (the same in every batch): the article's own title is the headline and any repeat of
it is chrome; a standfirst, an in-body subhead and a summary bullet are body; photo captions,
photo credits and gallery slide titles are captions; bylines, datelines on a line of their own,
published/updated stamps, agency and source credits and sign-offs are bylines; embedded social
posts (their text and their attribution), video-module titles and descriptions, related and
read-more links, share, comment, newsletter and membership lines, tags and site furniture are
chrome. A body sentence with chrome glued to it (a credit, "Continue reading", "[edit]", a
subscribe link) stays body: a cleaner must split it off, never drop the sentence. A stored-page
date marker (``date YYYY-MM-DD``) takes the label of the rest of its line.

The set is decided by story, then by outlet, before any model is fitted: pages of the
``HELD_OUT_STORIES`` are ``held-out``; a training-story page from an outlet that also has a
held-out page is ``excluded`` (kept out of both, so the held-out batch shares neither story nor
outlet with training); every other page is ``train``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
LABELS = HERE / "eval" / "lines.json"
KINDS = {"B": "body", "H": "headline", "C": "chrome", "P": "caption", "Y": "byline"}
#: Chosen before any page was labelled or any model fitted; never changed afterwards.
HELD_OUT_STORIES = frozenset(
    {
        "hurricane-harvey-2017",
        "boeing-737-max-2019",
        "iceland-ash-cloud-2010-2011",
        "grenfell-tower-2017",
        "mh370-2014",
        "sri-lanka-easter-2019",
        "hurricane-maria-2017",
    }
)


def parse(raw: str, source: str) -> list[dict]:
    """Pages of one transcript: header fields, the page text and its labels."""
    pages: list[dict] = []
    for n, row in enumerate(raw.splitlines(), start=1):
        if row.startswith("@@ "):
            fields = [f.strip() for f in row[3:].split(" | ")]
            if len(fields) != 5:
                raise SystemExit(f"{source}:{n}: header needs 5 fields, got {len(fields)}")
            file, url, outlet, story, nl = fields
            pages.append({"file": file, "url": url, "outlet": outlet, "story": story,
                          "nl": int(nl), "rows": []})  # fmt: skip
        elif row.strip():
            kind, sep, text = row.partition(": ")
            if not pages or not sep or kind not in KINDS:
                raise SystemExit(f"{source}:{n}: expected 'B|H|C|P|Y: text', got {row[:40]!r}")
            pages[-1]["rows"].append((kind, text))
    return pages


def _as_stored(path: Path, rows: list[tuple[str, str]]) -> tuple[bytes, list[int]]:
    """A page file kept as stored and the line numbers of its non-blank lines, which the rows
    label in order (each row's text must be its line, surrounding spaces aside)."""
    if not path.is_file():
        raise SystemExit(f"{path}: NL 0 labels a page already stored there, and there is none")
    data = path.read_bytes()
    lines = [
        (n, t.strip()) for n, t in enumerate(data.decode("utf-8").splitlines(), 1) if t.strip()
    ]
    if len(lines) != len(rows):
        raise SystemExit(f"{path}: {len(rows)} labelled rows for {len(lines)} non-blank lines")
    for (n, line), (_, text) in zip(lines, rows, strict=True):
        if line != text.strip():
            raise SystemExit(f"{path}:{n}: row {text[:40]!r} is not the page's line {line[:40]!r}")
    return data, [n for n, _ in lines]


def build(raw_dir: Path, pages_dir: Path, which: str | None = None) -> list[dict]:
    """Write the page files and return the label records (no text); ``which`` sets every set."""
    pages = [p for f in sorted(raw_dir.glob("*.txt")) for p in parse(f.read_text("utf-8"), f.name)]
    held_outlets = {p["outlet"] for p in pages if p["story"] in HELD_OUT_STORIES}
    records, seen = [], set()
    for page in pages:
        if page["file"] in seen:
            raise SystemExit(f"{page['file']}: labelled twice")
        seen.add(page["file"])
        if page["nl"] == 0:
            data, numbers = _as_stored(pages_dir / page["file"], page["rows"])
        else:
            sep = "\n" * page["nl"]
            data = (sep.join(t for _, t in page["rows"]) + "\n").encode("utf-8")
            (pages_dir / page["file"]).write_bytes(data)
            numbers = [1 + i * page["nl"] for i in range(len(page["rows"]))]
        labels = [[n, KINDS[k]] for n, (k, _) in zip(numbers, page["rows"], strict=True)]
        if which is not None:
            name = which
        elif page["story"] in HELD_OUT_STORIES:
            name = "held-out"
        elif page["outlet"] in held_outlets:
            name = "excluded"
        else:
            name = "train"
        records.append({"file": page["file"], "sha256": hashlib.sha256(data).hexdigest(),
                        "url": page["url"], "outlet": page["outlet"], "story": page["story"],
                        "set": name, "labels": labels})  # fmt: skip
    records.sort(key=lambda r: (r["set"], r["story"], r["outlet"], r["file"]))
    return records


def merge(old: list[dict], new: list[dict]) -> list[dict]:
    """The new records beside the old records of every set the new ones do not write."""
    written = {r["set"] for r in new} or {"train", "held-out", "excluded"}
    files = {r["file"] for r in new}
    kept = [r for r in old if r["set"] not in written]
    if clash := sorted(files & {r["file"] for r in kept}):
        raise SystemExit(f"{clash[0]}: already labelled in another set")
    out = kept + new
    out.sort(key=lambda r: (r["set"], r["story"], r["outlet"], r["file"]))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("raw_dir", type=Path)
    parser.add_argument("pages_dir", type=Path)
    parser.add_argument("--set", help="put every page of RAW_DIR in this set (e.g. train-2)")
    parser.add_argument("--labels", type=Path, default=LABELS, help="label file to update")
    args = parser.parse_args(argv)
    args.pages_dir.mkdir(parents=True, exist_ok=True)
    new = build(args.raw_dir, args.pages_dir, args.set)
    old = json.loads(args.labels.read_text("utf-8")) if args.labels.is_file() else []
    records = merge(old, new)
    args.labels.write_text(json.dumps(records, indent=0, ensure_ascii=False) + "\n", "utf-8")
    for name in sorted({r["set"] for r in records}):
        part = [r for r in records if r["set"] == name]
        lines = sum(len(r["labels"]) for r in part)
        print(f"{name:<9} {len(part):>4} pages  {len({r['outlet'] for r in part}):>4} outlets  "
              f"{len({r['story'] for r in part}):>3} stories  {lines:>5} lines")  # fmt: skip
    print(f"wrote {args.labels}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
