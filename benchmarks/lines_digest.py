"""Every decision of the line model on folders of pages, written out to compare two versions.

A speed change to the line model or the cleaner must leave every decision as it was. This
writes, for every page of the folders given (each holds ``pages/`` and a ``lines_*.json``
labels file naming each page's outlet and story) and for the synthetic pages of
``benchmarks/common.py``, one line per page and reading: the title, the paragraphs, the
captions and every removed line with its reason, of the page cleaned alone (``clean_text``),
of the page cleaned in one batch with the other outlets' pages of its story
(``clean_texts`` with story views), and of ``load_corpus`` on each folder as one corpus
(outlet repeats and the corpus's story words); and a hash of the feature matrix of every batch
(``pages_features`` on the rules' evidence), so features that move without moving a decision
show too. Run it on the old code and the new and compare the files (``cmp``); ``--synthetic``
sets how many synthetic pages (0: none).

    python benchmarks/lines_digest.py OUT.jsonl DIR [DIR ...] [--synthetic 300]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import shutil
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from common import synthetic_pages

from newsframe.cleaning import CleanText, clean_text, clean_texts, page_evidence
from newsframe.corpus import load_corpus
from newsframe.lines import StoryWords, pages_features


def _said(result: CleanText) -> list:
    """What a clean says: title, paragraphs, captions and each removal with its reason."""
    removed = [[r.line_no, r.part, r.text, r.reason] for r in result.removed]
    return [result.title, list(result.paragraphs), list(result.captions), removed]


def _features_hash(texts: list[str], views: list) -> str:
    """A hash of the feature matrix of the pages read in one batch."""
    pages = []
    for text, view in zip(texts, views, strict=True):
        lines, evidence = page_evidence(text)
        pages.append(([norm for _, _, norm in lines], evidence, view))
    x, starts = pages_features(pages)
    return hashlib.sha256(x.tobytes() + starts.tobytes()).hexdigest()


def _folder(folder: Path) -> tuple[list[str], list[str], list[tuple[str, str]]]:
    """The file names, texts and (outlet, story) of every page of a folder."""
    meta = {p["file"]: p for labels in sorted(folder.glob("lines_*.json"))
            for p in json.loads(labels.read_text(encoding="utf-8"))}  # fmt: skip
    files = sorted(p.name for p in (folder / "pages").glob("*.txt"))
    texts = [(folder / "pages" / f).read_text(encoding="utf-8") for f in files]
    where = [(meta[f]["outlet"], meta[f]["story"]) if f in meta else (f, f) for f in files]
    return files, texts, where


def _corpus(name: str, files: list[str], texts: list[str], outlets: list[str]) -> list[dict]:
    """``load_corpus`` of the pages as one corpus (a page cleaned to nothing left out)."""
    out = []
    with tempfile.TemporaryDirectory(prefix="newsframe-digest-") as tmp:
        manifest = Path(tmp) / "articles.csv"
        (Path(tmp) / "raw").mkdir()
        with manifest.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["article_id", "file", "outlet"])
            for f, text, outlet in zip(files, texts, outlets, strict=True):
                if clean_text(text).paragraphs and clean_text(text, method="rules").paragraphs:
                    (Path(tmp) / "raw" / f).write_text(text, encoding="utf-8")
                    writer.writerow([f, f"raw/{f}", outlet])
        for method in ("model", "rules"):
            for article in load_corpus(manifest, method=method):
                out.append({"set": name, "reading": f"load_corpus {method}",
                            "page": article.article_id, "title": article.title,
                            "paragraphs": list(article.paragraphs),
                            "removed": [[r.line_no, r.part, r.reason] for r in article.removed]})  # fmt: skip
        shutil.rmtree(tmp, ignore_errors=True)
    return out


def digest(name: str, files: list[str], texts: list[str], where: list[tuple[str, str]]) -> list:
    """Every reading of one set of pages, one dict per page and reading."""
    out = []
    for f, text in zip(files, texts, strict=True):
        out.append({"set": name, "reading": "alone", "page": f, "said": _said(clean_text(text))})
    by_story = defaultdict(list)
    for (outlet, story), text in zip(where, texts, strict=True):
        by_story[story].append((outlet, text.splitlines()))
    words = StoryWords.count_stories(by_story)
    views = [words[story].view(outlet) for outlet, story in where]
    for f, result in zip(files, clean_texts(texts, stories=views), strict=True):
        out.append({"set": name, "reading": "with story", "page": f, "said": _said(result)})
    out.append(
        {
            "set": name,
            "reading": "features alone",
            "hash": _features_hash(texts, [None] * len(texts)),
        }
    )
    out.append(
        {"set": name, "reading": "features with story", "hash": _features_hash(texts, views)}
    )
    out += _corpus(name, files, texts, [o for o, _ in where])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("folders", type=Path, nargs="*")
    parser.add_argument("--synthetic", type=int, default=300)
    args = parser.parse_args(argv)
    rows = []
    for folder in args.folders:
        rows += digest(folder.name + ":" + folder.parent.name, *_folder(folder))
    if args.synthetic:
        texts = synthetic_pages(args.synthetic)
        files = [f"synthetic-{i:05d}.txt" for i in range(len(texts))]
        outlets = [f"outlet-{i % 5}" for i in range(len(texts))]
        rows += digest("synthetic", files, texts, [(o, "synthetic") for o in outlets])
    with args.out.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(rows)} readings of {len(args.folders)} folders written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
