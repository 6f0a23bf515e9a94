"""Corpus topicality of the line model: other outlets' pages of the same story, counted by
hand on pages written for these tests; the fallback of a page alone; body subheads."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
from test_lines import col

from newsframe.cleaning import clean_text, clean_texts
from newsframe.lines import (
    Evidence,
    Page,
    StoryWords,
    decide,
    decide_pages,
    line_features,
    page_words,
    pages_features,
)

OTHER_B = "Storm waves damaged harbour piers near Ellen on Monday, engineers reported."
OTHER_C = "Engineers inspected damaged harbour piers after storm waves struck Ellen overnight."
LEDE = "Harbour piers damaged by storm waves in Ellen, engineers reported."
PITCH = "Subscribe for unlimited digital access today."


def test_page_words_are_the_prose_and_its_core():
    prose, core = page_words(["Menu", LEDE, "Share"])
    # eight words or more ending with a full stop; words of three letters or more, no stopword
    expected = {"harbour", "piers", "damaged", "storm", "waves", "ellen", "engineers", "reported"}
    assert prose == expected and core == expected
    assert page_words(["Menu", "Share this"]) == (frozenset(), frozenset())


def test_story_words_count_outlets_and_leave_the_own_outlet_out():
    story = StoryWords.count([("a", [LEDE, PITCH]), ("b", [OTHER_B]), ("c", [OTHER_C]),
                              ("c", [OTHER_C])])  # fmt: skip
    # an outlet counts once however many of its pages hold the word
    assert story.prose["harbour"] == 3 and story.prose["inspected"] == 1
    assert story.prose.get("subscribe", 0) == 0  # the pitch is no prose (six words)
    view = story.view("a")
    assert view is not None and view.others == 2
    assert story.view("d").others == 3
    assert StoryWords.count([("a", [LEDE])]).view("a") is None  # no other outlet


def test_stories_counted_together_count_as_each_alone():
    stories = StoryWords.count_stories({
        "piers": [("a", [LEDE, PITCH]), ("b", [OTHER_B]), ("c", [OTHER_C])],
        "pitch": [("a", [PITCH]), ("d", ["  ", OTHER_C])],
    })  # fmt: skip
    piers = stories["piers"]
    assert piers.prose["harbour"] == 3 and piers.prose["reported"] == 2  # by hand, as above
    assert piers.prose.get("subscribe", 0) == 0
    # the other story holds c's line once (d's); a blank line is no line
    assert stories["pitch"].prose["inspected"] == 1 and stories["pitch"].prose.get("harbour") == 1
    assert sorted(stories["pitch"].outlets) == ["a", "d"]


def test_story_features_counted_by_hand():
    story = StoryWords.count([("a", [LEDE, PITCH]), ("b", [OTHER_B]), ("c", [OTHER_C])])
    ev = [Evidence(sentence=True), Evidence(sentence=True)]
    x = line_features([LEDE, PITCH], ev, story=story.view("a"))
    # the lede's 8 words: harbour, piers, damaged, storm, waves, ellen, engineers are in both
    # other outlets' prose (7 x 2), "reported" in b's only (1): (14 + 1) / (8 words * 2 outlets)
    assert col(x, "story_prose") == [round(15 / 16, 6), 0.0]
    assert col(x, "story_core") == [round(15 / 16, 6), 0.0]  # one prose line: the core
    assert col(x, "story_any") == [1.0, 0.0]
    assert col(x, "story_alone") == [0.0, 0.0]
    assert col(x, "story_near") == [0.0, round(15 / 16, 6)]  # the other line's share


def test_a_page_alone_falls_back_on_its_own_lines():
    lines = [LEDE, PITCH, "Engineers said the harbour piers would reopen next week."]
    ev = [Evidence(sentence=True)] * 3
    x = line_features(lines, ev)
    assert col(x, "story_alone") == [1.0] * 3
    # the page's other prose stands in: the lede shares harbour, piers and engineers with the
    # third line (3 of 8 words); the pitch shares nothing
    assert col(x, "story_prose") == col(x, "topic_page")
    assert col(x, "story_any")[:2] == [round(3 / 8, 6), 0.0]


def test_a_subhead_between_paragraphs_whose_words_the_body_repeats():
    lines = [
        "Storm Damage",
        "The storm damaged the harbour piers at dawn, officials said.",
        "Harbour Piers Closed",  # its three words are in the paragraphs around it
        "Engineers closed the harbour piers and the north quay until Friday.",
        "More Weather Videos",  # short and in title case, but about nothing on the page
        "Ferries will use the north quay while the harbour stays closed.",
    ]
    ev = [Evidence("headline")] + [Evidence(sentence=s) for s in (1, 0, 1, 0, 1)]
    x = line_features(lines, ev)
    assert col(x, "subhead") == [0.0, 0.0, 1.0, 0.0, 0.0, 0.0]


PAGE_A = """Subscribe to our newsletter

Harbour Closed After Storm

The harbour at Port Ellen was closed on Monday after a storm damaged two piers, the port authority said.

Engineers will inspect the piers on Tuesday, and ferries will use the north quay until then.

Share this article

Sign up for breaking news alerts
"""
PAGE_B = """Storm shuts Port Ellen harbour

A storm damaged two piers at Port Ellen on Monday and the harbour was closed, officials said.

Ferries will use the north quay while engineers inspect the damaged piers, the port authority said.
"""
BODY = (
    "The harbour at Port Ellen was closed on Monday after a storm damaged two piers, the port "
    "authority said.",
    "Engineers will inspect the piers on Tuesday, and ferries will use the north quay until then.",
)


def test_a_page_alone_and_in_a_corpus_both_clean_their_obvious_chrome():
    story = StoryWords.count([("a", PAGE_A.splitlines()), ("b", PAGE_B.splitlines())])
    alone = clean_text(PAGE_A, method="model")
    together = clean_text(PAGE_A, method="model", story=story.view("a"))
    for result in (alone, together):
        assert result.paragraphs == BODY
        assert result.title == "Harbour Closed After Storm"
        gone = {r.text for r in result.removed}
        assert {"Subscribe to our newsletter", "Share this article"} <= gone


BATCH = [
    (["Menu", LEDE, PITCH, "Harbour Piers Closed", OTHER_B, "Share this"], None, False),
    (["Storm shuts harbour", OTHER_C], "b", True),
    ([], None, False),
    (["Read more", "The bridge reopens in May.", OTHER_B, "Related stories", OTHER_C], "a", False),
]


def _evidence(lines: list[str]) -> list[Evidence]:
    return [Evidence(sentence=line.endswith(".")) for line in lines]


def test_a_page_has_the_same_rows_and_labels_alone_as_in_a_batch():
    story = StoryWords.count([("a", [LEDE]), ("b", [OTHER_B]), ("c", [OTHER_C])])
    pages = [Page(lines, _evidence(lines), given, None, story.view(o) if o else None)
             for lines, o, given in BATCH]  # fmt: skip
    x, starts = pages_features([(p.lines, p.evidence, p.story) for p in pages])
    assert starts.tolist() == [0, 6, 8, 8, 13]
    for p, (a, b) in zip(pages, itertools.pairwise(starts.tolist()), strict=True):
        alone = line_features(p.lines, p.evidence, story=p.story)
        assert np.array_equal(x[a:b], alone)
    together = decide_pages(pages)
    assert together == [decide(p.lines, p.evidence, title_given=p.title_given, story=p.story)
                        for p in pages]  # fmt: skip
    assert [len(labels) for labels in together] == [6, 2, 0, 5]


def test_clean_texts_cleans_each_page_as_clean_text_does():
    texts = [PAGE_A, PAGE_B, "Menu\n\nThe bridge reopens in May, the council said on Friday."]
    for method in ("rules", "model"):
        assert clean_texts(texts, method=method) == [clean_text(t, method=method) for t in texts]


PAGE_C = """Menu

Port Ellen harbour shut

Engineers will inspect the two damaged piers at Port Ellen, the port authority said on Monday.

Read more
"""


def test_load_corpus_reads_each_page_with_the_other_outlets_pages(tmp_path: Path):
    from newsframe.corpus import load_corpus

    pages = {"a1": ("a", PAGE_A), "b1": ("b", PAGE_B), "b2": ("b", PAGE_C)}
    for name, (_, text) in pages.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    rows = "".join(f"{name},{name}.txt,{outlet}\n" for name, (outlet, _) in pages.items())
    manifest = tmp_path / "articles.csv"
    manifest.write_text("article_id,file,outlet\n" + rows, encoding="utf-8")
    corpus = load_corpus(manifest, method="model")
    # the story: page a1 reads outlet b's two pages, b1 and b2 read a1 alone (not each other)
    story = StoryWords.count([(o, text.splitlines()) for o, text in pages.values()])
    assert story.view("b").others == 1 and story.view("a").others == 1
    for article in corpus:
        outlet, text = pages[article.article_id]
        alone = clean_text(text, method="model", story=story.view(outlet))
        assert article.paragraphs == alone.paragraphs
    assert corpus[0].paragraphs == BODY
