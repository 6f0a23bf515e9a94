"""Build the line-labelled page set: page files outside the repository, labels inside it.

A labelled transcript (kept outside every repository, e.g. ``benchmarks/eval/raw/*.txt``, git-ignored) holds
pages one after another. A page starts with a header line::

    @@ FILE | URL | OUTLET | STORY | NL

(``NL`` = 1 when the page's lines follow each other, 2 when a blank line separates them) and
then one line of the page per row, each prefixed with its label and ``": "``:

    ``B`` body, ``H`` headline, ``C`` page chrome, ``P`` photo caption or credit,
    ``Y`` byline or dateline.

``python benchmarks/label_lines.py RAW_DIR PAGES_DIR`` writes every page's text to
``PAGES_DIR/FILE`` (never into the repository) and ``benchmarks/eval/lines.json``: per page its
file name, SHA-256, URL, outlet, story, set and ``labels`` as ``[line number, label]`` pairs
(1-based line numbers in the page file). No page text is written to the JSON.

The set is decided by story, then by outlet, before any model is fitted: pages of the
``HELD_OUT_STORIES`` are ``held-out``; a training-story page from an outlet that also has a
held-out page is ``excluded`` (kept out of both, so the held-out batch shares neither story nor
outlet with training); every other page is ``train``.
"""

from __future__ import annotations

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


def build(raw_dir: Path, pages_dir: Path) -> list[dict]:
    """Write the page files and return the label records (no text)."""
    pages = [p for f in sorted(raw_dir.glob("*.txt")) for p in parse(f.read_text("utf-8"), f.name)]
    held_outlets = {p["outlet"] for p in pages if p["story"] in HELD_OUT_STORIES}
    records, seen = [], set()
    for page in pages:
        if page["file"] in seen:
            raise SystemExit(f"{page['file']}: labelled twice")
        seen.add(page["file"])
        sep = "\n" * page["nl"]
        text = sep.join(t for _, t in page["rows"]) + "\n"
        data = text.encode("utf-8")
        (pages_dir / page["file"]).write_bytes(data)
        labels = [[1 + i * page["nl"], KINDS[k]] for i, (k, _) in enumerate(page["rows"])]
        if page["story"] in HELD_OUT_STORIES:
            which = "held-out"
        elif page["outlet"] in held_outlets:
            which = "excluded"
        else:
            which = "train"
        records.append({"file": page["file"], "sha256": hashlib.sha256(data).hexdigest(),
                        "url": page["url"], "outlet": page["outlet"], "story": page["story"],
                        "set": which, "labels": labels})  # fmt: skip
    records.sort(key=lambda r: (r["set"], r["story"], r["outlet"], r["file"]))
    return records


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        raise SystemExit("usage: label_lines.py RAW_DIR PAGES_DIR")
    raw_dir, pages_dir = Path(args[0]), Path(args[1])
    pages_dir.mkdir(parents=True, exist_ok=True)
    records = build(raw_dir, pages_dir)
    LABELS.write_text(json.dumps(records, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    for name in ("train", "held-out", "excluded"):
        part = [r for r in records if r["set"] == name]
        lines = sum(len(r["labels"]) for r in part)
        print(f"{name:<9} {len(part):>4} pages  {len({r['outlet'] for r in part}):>4} outlets  "
              f"{len({r['story'] for r in part}):>3} stories  {lines:>5} lines")  # fmt: skip
    print(f"wrote {LABELS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
