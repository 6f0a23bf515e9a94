"""The story words' lines read on forked worker processes (a slice each, the reads joined in
this process) give the line table, the story words and the cleaned corpus of the serial read."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

import newsframe as nf
from newsframe import lines
from newsframe.parallel import n_workers

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_pipeline import write_files  # noqa: E402 - the benchmark's own synthetic pages

STORY = ROOT / "data" / "story.toml"
PAGES = 300
forking = pytest.mark.skipif(n_workers(2, 1000) == 1, reason="no forked worker processes here")

#: The pages of StoryWords' docstring, whose counts are read by eye: "harbour" is in the prose of
#: both outlets; the newsletter line has four words, so it is no prose; only outlet b's prose
#: says "closed", "main" and "road" (content words: three letters or more, no stopword).
PAGES_BY_HAND = [
    ("a", ["The storm flooded the harbour town overnight, officials said on Monday."]),
    ("b", ["Officials said the storm flooded the harbour and closed the main road."]),
    ("b", ["Subscribe to our newsletter"]),
]


def _fresh_table(monkeypatch) -> None:
    """An empty line table for this test, so every line is new to it."""
    monkeypatch.setattr(lines, "_TABLE", [lines._LineTable()])


def _by_line(texts: list[str]) -> dict[str, tuple]:
    """What the line table read of each line: text features, opening, content words (as
    words, ids being this process's own), share of rare words."""
    with lines._TABLE_LOCK:
        table = lines._line_table()
        rows = table.rows(texts)
    words = lines._words()
    out = {}
    for text, row in zip(texts, rows.tolist(), strict=True):
        ids, _ = table.content(np.array([row]))
        out[text] = (
            table.text[row].tolist(),
            table.openings[row],
            sorted(words[i] for i in ids.tolist()),
            float(table.rare[row]),
        )
    return out


def _spy(monkeypatch) -> list[int]:
    """The sizes of the batches read on forked processes (READ_FORKED lowered to 2 lines)."""
    sizes: list[int] = []
    plain = lines._read_forked

    def recording(norms, n_jobs):
        sizes.append(len(norms))
        return plain(norms, n_jobs)

    monkeypatch.setattr(lines, "READ_FORKED", 2)
    monkeypatch.setattr(lines, "_read_forked", recording)
    return sizes


@forking
def test_story_words_by_hand_on_forked_reads(monkeypatch) -> None:
    _fresh_table(monkeypatch)
    sizes = _spy(monkeypatch)
    story = lines.StoryWords.count(PAGES_BY_HAND, n_jobs=2)
    assert sizes == [3]  # three distinct lines, read on two processes
    assert story.prose["harbour"] == 2 and story.prose.get("newsletter", 0) == 0
    assert sorted(story.view("b").only) == ["closed", "main", "road"]
    assert story.view("a").others == 1 and story.view("c").others == 2


@forking
def test_forked_reads_equal_the_serial_ones(tmp_path, monkeypatch) -> None:
    manifest = write_files(PAGES, tmp_path)
    pages = [(p.name, p.read_text(encoding="utf-8").splitlines())
             for p in sorted((tmp_path / "raw").iterdir())]  # fmt: skip
    outlet = {f"article-{i:05d}.txt": f"o{i % 5}" for i in range(PAGES)}
    by_outlet = [(outlet[name], page) for name, page in pages]
    texts = list(dict.fromkeys(t for _, page in pages for t in page if t.strip()))

    _fresh_table(monkeypatch)
    serial = lines.StoryWords.count(by_outlet)
    serial_lines = _by_line(texts)

    _fresh_table(monkeypatch)
    sizes = _spy(monkeypatch)
    forked = lines.StoryWords.count(by_outlet, n_jobs=2)
    assert sizes and sizes[0] > 1000  # the pages' distinct lines, read on two processes
    assert _by_line(texts) == serial_lines
    assert forked.prose == serial.prose and forked.core == serial.core
    assert forked.by_outlet == serial.by_outlet

    # the whole load: the story words' lines forked, then the cleaning, against all serial
    _fresh_table(monkeypatch)
    sizes.clear()
    two = nf.load_corpus(manifest, n_jobs=2, story=STORY)
    assert sizes and sizes[0] > 1000
    _fresh_table(monkeypatch)
    sizes.clear()
    one = nf.load_corpus(manifest, n_jobs=1, story=STORY)
    assert sizes == []
    assert [(a.article_id, a.clean_title, a.clean_paragraphs) for a in two] == [
        (a.article_id, a.clean_title, a.clean_paragraphs) for a in one
    ]
    assert two.removed_frame().equals(one.removed_frame())
