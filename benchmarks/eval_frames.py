"""Evaluation: precision and recall of the frame dictionaries on hand-labelled sentences.

Reads ``tests/fixtures/frames_labelled.csv`` (sentences about four invented stories, none of them
the bundled seeds, each labelled with every frame it touches) and runs
:func:`newsframe.match_frames` on each sentence. Per frame and split it prints how many sentences
the dictionary flags (``flagged``), how many of those carry the label (``correct``), precision
(``correct / flagged``) and recall (``correct / labelled``). Pass a dictionary file to evaluate
another version, e.g. the shipped file of an older commit:

    git show <commit>:src/newsframe/data/frame_dictionaries.toml > /tmp/old.toml
    python benchmarks/eval_frames.py /tmp/old.toml

Usage: python benchmarks/eval_frames.py [frame_dictionaries.toml]
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import newsframe as nf

LABELLED = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "frames_labelled.csv"


def read_labelled(path: Path = LABELLED) -> list[dict[str, object]]:
    """Rows of the labelled file, ``frames`` as a set of ``scheme/frame`` keys."""
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(line for line in f if not line.startswith("#")))
    return [{**r, "frames": {x for x in r["frames"].split(";") if x}} for r in rows]


def evaluate(rows, frames) -> dict[tuple[str, str], tuple[int, int, int]]:
    """``(split, frame) -> (flagged, correct, labelled)``; split ``all`` pools the splits."""
    out: dict[tuple[str, str], list[int]] = {}
    keys = [f"{f.scheme}/{f.frame}" for f in frames if f.terms]
    for row in rows:
        found = set(nf.match_frames(str(row["sentence"]), frames))
        for split in (row["split"], "all"):
            for key in keys:
                c = out.setdefault((split, key), [0, 0, 0])
                c[0] += key in found
                c[1] += key in found and key in row["frames"]
                c[2] += key in row["frames"]
    return {k: (v[0], v[1], v[2]) for k, v in out.items()}


def main(path: str | None = None) -> None:
    frames = nf.load_frame_dictionaries(path)
    rows = read_labelled()
    result = evaluate(rows, frames)
    print(f"{len(rows)} labelled sentences; dictionaries: {path or 'shipped'}")
    print(f"{'split':9} {'frame':45} {'flagged':>7} {'correct':>7} {'prec':>5} {'recall':>6}")
    for split in ("dev", "held_out", "all"):
        total = [0, 0, 0]
        for (s, key), (flagged, correct, labelled) in sorted(result.items()):
            if s != split:
                continue
            total = [total[0] + flagged, total[1] + correct, total[2] + labelled]
            prec = f"{correct / flagged:.2f}" if flagged else "  -"
            rec = f"{correct / labelled:.2f}" if labelled else "  -"
            print(f"{split:9} {key:45} {flagged:7} {correct:7} {prec:>5} {rec:>6}")
        print(f"{split:9} {'(all frames, micro)':45} {total[0]:7} {total[1]:7} "
              f"{total[1] / max(total[0], 1):5.2f} {total[1] / max(total[2], 1):6.2f}")  # fmt: skip


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "dictionaries",
        nargs="?",
        default=None,
        help="a frame_dictionaries.toml (default: the shipped one)",
    )
    main(parser.parse_args().dictionaries)
