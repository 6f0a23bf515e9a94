"""Label a page's lines from a second, body-only version of the same address.

For some addresses the stored pages corpus holds two versions of one page: the page as shown
(chrome, captions and all) and the article body alone. Aligning them labels every
line of the full version without reading it: the first line equal to ``--headline`` is
``headline``; a line that also occurs in the body-only version (same words, case and spacing
aside; a ``date YYYY-MM-DD`` marker aside; or, for a line of 40 characters or more, contained in
it or sharing 85% of its word pairs with it, so that a small edit or a changed quote mark still
aligns) is ``body``; every other line is ``chrome``. The headline's own line in the body-only
version is left out, so a video title that repeats part of the headline stays chrome. Captions
and bylines come out as chrome, and links kept inside the body-only version ("RELATED: ...")
come out as body, so the transcript is read once by hand before it is used
(``label_lines.py`` then writes the page and its labels).

    python benchmarks/align_versions.py FULL BODY_ONLY [--headline TEXT] [--nl 1|2] > part.txt

prints a transcript block for ``label_lines.py`` (header fields ``FILE | URL | OUTLET | STORY``
to fill in) and, on stderr, how many lines each label got.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from collections import Counter
from pathlib import Path

_WORDS = re.compile(r"\w+")
_MARKER = re.compile(r"^\s*date \d{4}(?:-\d\d){0,2}\s*")
LONG = 40
SHARE = 0.85


def key(line: str) -> str:
    """Lowercase words of a line, a stored-page date marker aside."""
    return " ".join(_WORDS.findall(_MARKER.sub("", line).lower()))


def bigrams(k: str) -> set[tuple[str, str]]:
    """Adjacent word pairs of a key."""
    words = k.split()
    return set(itertools.pairwise(words))


def align(full: str, body_only: str, headline: str = "") -> list[tuple[str, str]]:
    """(label letter, line) for every non-blank line of ``full`` (B, H or C; see the docstring)."""
    want = key(headline)
    kept = [k for k in map(key, body_only.splitlines()) if k and k != want]
    body_lines, body_text = set(kept), " ".join(kept)
    body_pairs = bigrams(body_text)
    rows = []
    for line in full.splitlines():
        if not line.strip():
            continue
        k = key(line)
        if want and k == want:
            rows.append(("H", line))
            want = ""
        elif k and (k in body_lines or (len(k) >= LONG and near(k, body_text, body_pairs))):
            rows.append(("B", line))
        else:
            rows.append(("C", line))
    return rows


def near(k: str, body_text: str, body_pairs: set[tuple[str, str]]) -> bool:
    """A long line is in the body text, or at least 85% of its word pairs are (an edit, a quote mark)."""
    pairs = bigrams(k)
    return k in body_text or len(pairs & body_pairs) >= SHARE * len(pairs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("full", type=Path)
    parser.add_argument("body_only", type=Path)
    parser.add_argument("--headline", default="")
    parser.add_argument("--nl", type=int, default=2, choices=(1, 2))
    args = parser.parse_args(argv)
    rows = align(args.full.read_text("utf-8"), args.body_only.read_text("utf-8"), args.headline)
    print(f"@@ FILE | URL | OUTLET | STORY | {args.nl}")
    for label, line in rows:
        print(f"{label}: {line}")
    counts = Counter(label for label, _ in rows)
    print(" ".join(f"{k}={counts[k]}" for k in "BHC"), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
