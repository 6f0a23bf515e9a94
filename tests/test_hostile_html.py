"""Saved HTML pages of hostile shape: one element of thousands of inline children.

trafilatura unwraps ``<span>``, ``<a>``, ``<img>`` and the like and then searches what is left
with XPath, whose time grows faster than the square of the sibling text pieces (4,000 ``<span>``
in one paragraph took 6 s, 8,000 over 200 s). The page is handed over with such a flood grouped
in runs of a hundred; these tests check that shape, that no word is lost or moved, and that a
cloud of links is still left out as before (growth is measured in
``benchmarks/bench_hostile.py growth``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import trafilatura

import newsframe as nf
from newsframe.webpage import extract_page


def _page(body: str) -> str:
    return f"<html><head><title>Talks Resume</title></head><body><article>{body}</article></body></html>"  # fmt: skip


@pytest.mark.parametrize("tag", ["span", "a", "ins", "img"])
def test_a_paragraph_of_thousands_of_inline_elements_reaches_the_extractor_in_groups(
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
    article = nf.load_article(path, method="rules")
    assert handed and handed[0] <= 1000  # 2,000 children before
    # every word of the paragraph, in order, and the next paragraph apart
    assert article.paragraphs[0] == "Start " + " ".join(words) + " end."
    assert article.paragraphs[1] == "Next paragraph."


def test_a_flood_keeps_its_line_breaks_and_scripts_as_elements():
    # 1,500 spans with a <br> after every 500th: three lines; a <script> among them is no text
    runs = "".join(f"<span>w{i}</span> " + ("<br>" if i % 500 == 499 else "") for i in range(1500))
    html = _page(f"<h1>Talks Resume</h1><p>{runs}<script>var x = 1;</script>.</p>")
    page = extract_page(html, Path("x.html"), fast_above=10**7)
    lines = [line.split() for line in page.text.splitlines() if line.strip()]
    assert lines[-4:] == [
        [f"w{i}" for i in range(0, 500)],
        [f"w{i}" for i in range(500, 1000)],
        [f"w{i}" for i in range(1000, 1500)],
        ["."],
    ]


def test_a_cloud_of_thousands_of_links_beside_the_article_is_still_left_out():
    # eight paragraphs of article, then 3,000 links in one <div> outside it (a tag cloud)
    para = (
        "<p>The foreign minister met his counterpart in the capital on day {i} for talks on the "
        "disputed islands, officials said, and both sides agreed to meet again.</p>"
    )
    cloud = " ".join(f"<a href='/t/{i}'>Topic {i}</a>" for i in range(3000))
    html = (
        "<html><head><title>Talks</title></head><body><div class='main'><h1>Talks</h1>"
        + "".join(para.format(i=i) for i in range(8))
        + f"</div><div class='tags'>{cloud}</div></body></html>"
    )
    page = extract_page(html, Path("x.html"), fast_above=10**7)
    assert "Topic" not in page.text
    assert sum(block.count("Topic") for block, _ in page.left_out) == 3000
    assert page.text.count("The foreign minister met") == 8
