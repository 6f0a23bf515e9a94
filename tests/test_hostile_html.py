"""Saved HTML pages of hostile shape: one element of thousands of inline children.

trafilatura unwraps ``<span>``, ``<a>``, ``<img>`` and the like and then searches what is left
with XPath, whose time grows faster than the square of the sibling text pieces (4,000 ``<span>``
in one paragraph took 6 s, 8,000 over 200 s). The page is handed over with such a flood read as
plain text; these tests check that shape, and that no word is lost (growth is measured in
``benchmarks/bench_hostile.py growth``).
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
import trafilatura

import newsframe as nf
from newsframe.errors import NewsframeWarning
from newsframe.webpage import extract_page


def _page(body: str) -> str:
    return f"<html><head><title>Talks Resume</title></head><body><article>{body}</article></body></html>"  # fmt: skip


@pytest.mark.parametrize("tag", ["span", "a", "ins", "img"])
def test_a_paragraph_of_thousands_of_inline_elements_reaches_the_extractor_as_its_text(
    tmp_path, monkeypatch, tag
):
    # 2,000 words, each in its own element (an <img> holds none: its word is the tail)
    words = [f"w{i}" for i in range(2000)]
    if tag == "img":
        runs = "".join(f"<img src='x.png'>{w} " for w in words)
    else:
        runs = "".join(f"<{tag}>{w}</{tag}> " for w in words)
    path = tmp_path / "flood.html"
    path.write_text(_page(f"<h1>Talks Resume</h1><p>Start {runs}end.</p><p>Next paragraph.</p>"))
    handed: list[int] = []
    extract = trafilatura.extract

    def recording(tree, **options):  # the widest element of the tree trafilatura gets
        handed.append(max(len(e) for e in tree.iter()))
        return extract(tree, **options)

    monkeypatch.setattr(trafilatura, "extract", recording)
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        article = nf.load_article(path, method="rules")
    assert handed and handed[0] <= 1000  # 2,000 children before
    # every word of the paragraph, in order, and the next paragraph apart
    assert article.paragraphs[0] == "Start " + " ".join(words) + " end."
    assert article.paragraphs[1] == "Next paragraph."
    flood = [str(w.message) for w in said if issubclass(w.category, NewsframeWarning)]
    assert any(str(path) in m and "over 1,000 elements of running text" in m for m in flood)


def test_a_flood_keeps_its_line_breaks_and_scripts_as_elements():
    # 1,500 spans with a <br> after every 500th: three lines; a <script> among them is no text
    runs = "".join(f"<span>w{i}</span> " + ("<br>" if i % 500 == 499 else "") for i in range(1500))
    html = _page(f"<h1>Talks Resume</h1><p>{runs}<script>var x = 1;</script>.</p>")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NewsframeWarning)
        page = extract_page(html, Path("x.html"), fast_above=10**7)
    lines = [line.split() for line in page.text.splitlines() if line.strip()]
    assert lines[-4:] == [
        [f"w{i}" for i in range(0, 500)],
        [f"w{i}" for i in range(500, 1000)],
        [f"w{i}" for i in range(1000, 1500)],
        ["."],
    ]
