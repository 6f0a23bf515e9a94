"""A title off the page's story gives way to a headline about it (issue 18: a radio player's
label or a site's tagline taken for the headline above the real one). Hand-made feature rows;
each answer can be worked out by eye."""

from __future__ import annotations

import dataclasses
import math

import numpy as np

import newsframe.cleaning as C
import newsframe.lines as L
from newsframe.cleaning import _opens_text

S = {name: k for k, name in enumerate(L.STATES)}
COL = {name: j for j, (name, _, _) in enumerate(L.FEATURES)}


def _rows(spec: list[tuple[int, int, float, float, bool]]) -> np.ndarray:
    """Feature rows from (words, final stop, topic_core, topic_page, reads as a sentence)."""
    x = np.zeros((len(spec), len(L.FEATURES)))
    for i, (words, stop, core, page, sentence) in enumerate(spec):
        x[i, COL["words"]] = math.log1p(words)
        x[i, COL["final_stop"]] = stop
        x[i, COL["topic_core"]] = core
        x[i, COL["topic_page"]] = page
        x[i, COL["sentence"]] = float(sentence)
    return x


def test_a_title_off_the_story_moves_to_the_headline_above_the_first_sentence():
    # page 1: "Play Live Radio" (3 words, no word of the story) decoded as the headline; a
    # player's "Local Newscast" (on the story a little), a promo sentence that is not about
    # the story, the real headline (taken for body by the decoder), then the lede
    # page 2: the same, but the model is sure of its title (0.95): it stands
    # page 3: the title shares words with the page's prose: it stands
    spec = [
        (3, 0, 0.0, 0.0, False), (2, 0, 0.06, 0.5, False), (8, 1, 0.0, 0.0, True),
        (12, 0, 0.47, 1.0, False), (20, 1, 0.3, 1.0, True),
    ]  # fmt: skip
    x = np.vstack([_rows(spec)] * 3)
    x[10, COL["topic_page"]] = 0.5  # page 3's title recurs in its prose
    path = np.array([S["headline"], S["inbody"], S["body"], S["body"], S["body"]] * 3)
    head = np.log([0.66, 0.004, 1e-9, 0.34, 1e-9] * 3)
    head[[2, 4, 7, 9, 12, 14]] = -np.inf  # sentences of eight words or more with a stop
    head[5] = math.log(0.95)
    bounds = L._Bounds.of(np.array([0, 5, 10, 15]))
    long = x[:, COL["words"]] >= math.log1p(8)
    got = [L.STATES[k] for k in L._story_title(path, head, x, bounds, long).tolist()]
    # page 1: of the lines above the first sentence about the story (the promo sentence shares
    # no word with it, so the lede is that sentence), "Local Newscast" (0.004) and the
    # headline (0.34) are on the story: the likelier one is the title, the old one chrome
    assert got[:5] == ["before", "inbody", "body", "headline", "body"]
    assert got[5:] == ["headline", "inbody", "body", "body", "body"] * 2


def test_a_page_without_a_title_keeps_none():
    x = _rows([(12, 0, 0.47, 1.0, False), (20, 1, 0.3, 1.0, True)])
    path = np.array([S["body"], S["body"]])
    head = np.log([0.34, 1e-9])
    bounds = L._Bounds.of(np.array([0, 2]))
    got = L._story_title(path, head, x, bounds, x[:, COL["words"]] >= math.log1p(8))
    assert got.tolist() == path.tolist()


def test_a_page_without_a_title_takes_a_likely_headline_below_a_caption_kept_as_body():
    # a dated caption the decoder kept as body (so it could not go back to a headline), the
    # headline (0.8, on the story), a byline, the lede: the headline becomes the title; the
    # same page with the headline at 0.4 (less likely one than not) keeps none
    spec = [(20, 1, 0.3, 0.5, True), (10, 0, 0.22, 0.6, False), (3, 0, 0.0, 0.0, False),
            (20, 1, 0.15, 0.8, True)]  # fmt: skip
    x = np.vstack([_rows(spec)] * 2)
    x[[0, 4], COL["date"]] = 1.0  # the caption is dated
    path = np.array([S["body"], S["body"], S["inbody"], S["body"]] * 2)
    head = np.log([1e-9, 0.8, 0.01, 1e-9, 1e-9, 0.4, 0.01, 1e-9])
    head[[0, 3, 4, 7]] = -np.inf
    bounds = L._Bounds.of(np.array([0, 4, 8]))
    got = L._story_title(path, head, x, bounds, x[:, COL["words"]] >= math.log1p(8))
    names = [L.STATES[k] for k in got.tolist()]
    assert names == ["body", "headline", "inbody", "body", "body", "body", "inbody", "body"]


def test_a_title_with_a_site_name_or_breadcrumb_glued_on_gives_way_to_the_bare_headline():
    headline = "flood cuts off four valley towns as river bursts its banks"
    low = {
        0: headline + " | the valley courier | news, weather and sport",  # window title
        1: "navigation",
        2: headline,
        4: "you are here: home > news > " + headline,  # a breadcrumb, page 2's title
        5: "news",
        6: headline,
        8: "valley towns cut off",  # page 3: a line the title holds, but too short a part
        9: "flood cuts off four",  # and one of 4 words, under 0.4 of it
    }
    low[7] = "heavy rain: " + headline  # page 3's title
    bounds = L._Bounds.of(np.array([0, 4, 7, 11]))
    path = np.array([S["before"]] * 3 + [S["body"]]  # page 1: no decoder title
                    + [S["headline"], S["inbody"], S["inbody"]]  # page 2: the decoder's
                    + [S["headline"], S["inbody"], S["inbody"], S["body"]])  # fmt: skip
    may = np.array([1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 0], dtype=bool)
    ruled = np.zeros(11, dtype=bool)
    ruled[0] = True  # page 1: the rules took the window title
    got = [L.STATES[k] for k in L._glued_title(path, may, ruled, low, bounds).tolist()]
    # pages 1 and 2: the bare headline is the title (the old one chrome before the body);
    # page 3: "flood cuts off four" (19 of 70 characters) is under 0.4 of its title and
    # "valley towns cut off" is not in it word for word: the title stands
    assert got[:4] == ["before", "before", "headline", "body"]
    assert got[4:7] == ["before", "inbody", "headline"]
    assert got[7:] == ["headline", "inbody", "inbody", "body"]


def test_a_title_case_line_with_a_full_stop_ends_no_sentence_and_may_be_the_headline():
    # page: "After The Storm, Neighbours Rebuild The Old Mill." (9 words, a full stop, title
    # case: not read as a sentence), then the lede (a sentence of 30 words); a second page the
    # same with the first line in sentence case ("After the storm, neighbours rebuild the old
    # mill."): a sentence of nine words with a full stop, no headline shape
    spec = [(9, 1, 0.3, 1.0, False), (30, 1, 0.3, 1.0, True)]
    x = np.vstack([_rows(spec)] * 2)
    x[2, COL["sentence"]] = 1.0
    bounds = L._Bounds.of(np.array([0, 2, 4]))
    long = x[:, COL["words"]] >= math.log1p(8)
    assert L._ends_sentence(x).tolist() == [False, True, True, True]
    ruled = np.zeros(4, dtype=bool)
    assert L._lead_headlines(x, bounds, long, ruled).tolist() == [True, False, False, False]


def test_a_cut_off_teaser_above_the_headline_is_not_the_articles_first_sentence():
    # a page without a title: a breadcrumb holding the headline cut short ("Home News Flood
    # cuts off four valley towns as river ...", 12 words, ends with an ellipsis, kept as body
    # by the decoder), the headline (11 words, 0.9), the lede. The same page with the first
    # line a finished sentence (no ellipsis): that is the article's first sentence, and the
    # headline below it is not in the page's lead
    spec = [(12, 1, 0.3, 0.5, True), (11, 0, 0.3, 1.0, False), (25, 1, 0.3, 1.0, True)]
    x = np.vstack([_rows(spec)] * 2)
    x[0, COL["ellipsis"]] = 1.0
    path = np.array([S["body"]] * 6)
    head = np.log([0.5, 0.9, 1e-9] * 2)
    head[[0, 2, 3, 5]] = -np.inf  # sentences of eight words or more with a stop
    bounds = L._Bounds.of(np.array([0, 3, 6]))
    long = x[:, COL["words"]] >= math.log1p(8)
    assert L._lead_rows(x, bounds, long).tolist() == [True, True, False, False, False, False]
    got = [L.STATES[k] for k in L._story_title(path, head, x, bounds, long).tolist()]
    assert got == ["body", "headline", "body", "body", "body", "body"]


def test_the_cleaner_keeps_a_title_case_headline_that_opens_with_a_sentence():
    # a headline in title case of two sentences, the first of eight words with a full stop
    assert not _opens_text(
        "Veteran Folk Singer, Voice Of The Valley, Dies At 71. Her Band Plays On"
    )
    # the same words as a standfirst in sentence case: the article's text
    assert _opens_text(
        "The veteran folk singer, voice of the valley, died at 71. Her band plays on"
    )
    # a title-case line of one sentence with a full stop
    assert not _opens_text("After The Storm, Neighbours Rebuild The Old Mill By The River.")
    assert _opens_text("After the storm, neighbours rebuild the old mill by the river.")


def test_a_page_without_a_title_takes_the_rules_headline_only_on_the_story():
    # four pages of three lines, the rules' headline on the second line of each:
    # 1: on the story (0.3 of its words in the densest prose), decoded as chrome: the title
    # 2: off the story ("Submitted by reader42 on Tue, 03/14/2017"): no title
    # 3: on the story, but the decoder titled the page on its first line: that title stands
    # 4: on the story, a bulleted line kept as text (a list of summary points): no title
    x = np.zeros((12, len(L.FEATURES)))
    x[[1, 4, 7, 10], COL["topic_core"]] = [0.3, 0.0, 0.3, 0.3]
    x[10, COL["bullet"]] = 1.0
    ruled = np.zeros(12, dtype=bool)
    ruled[[1, 4, 7, 10]] = True
    page = [S["before"], S["before"], S["body"]]
    path = np.array(page * 2 + [S["headline"], S["before"], S["body"]] + [S["body"]] * 3)
    bounds = L._Bounds.of(np.array([0, 3, 6, 9, 12]))
    head, long = np.full(12, -np.inf), np.zeros(12, dtype=bool)
    got = [L.STATES[k] for k in L._ruled_title(path, x, head, ruled, bounds, long).tolist()]
    assert got[:3] == ["before", "headline", "body"]
    assert got[3:] == [L.STATES[k] for k in path[3:].tolist()]


def test_the_cleaner_falls_back_to_the_rules_headline_unless_the_model_declined_it():
    lines = [(1, t, t) for t in ["Submitted by reader42", "The river rose overnight."]]
    # the model found no headline and left the rules' one as a byline: no title
    reasons: list[str | None] = ["headline", None]
    said = [("byline", ""), ("body", "")]
    assert C._model_verdicts(said, [False, False], lines, reasons, False, "") == ""
    # the model's headline is a line a phrase rule holds (kept): the rules' headline stands
    reasons = ["headline", None]
    said = [("headline", ""), ("body", "")]
    got = C._model_verdicts(said, [True, False], lines, reasons, False, "")
    assert got == "Submitted by reader42"


def test_a_rules_headline_off_the_story_gives_way_to_the_likeliest_headline_on_it():
    # two pages: a post counter the rules took for the headline ("Comments 412", off the
    # story), a site's section label (off the story, 0.2), the headline ("Dam Repairs Begin
    # After Flood", on the story, 0.05), the lede (a sentence, on the story). Page 1: the
    # decoder left the headline before the body: it is the title. Page 2: the decoder kept
    # the headline line as body: no line moves between body and removed, no title
    spec = [(2, 0, 0.0, 0.0, False), (3, 0, 0.0, 0.0, False), (5, 0, 0.4, 1.0, False),
            (25, 1, 0.3, 1.0, True)]  # fmt: skip
    x = np.vstack([_rows(spec)] * 2)
    ruled = np.array([True, False, False, False] * 2)
    path = np.array([S["before"]] * 3 + [S["body"]] + [S["before"]] * 2 + [S["body"]] * 2)
    head = np.log([0.01, 0.2, 0.05, 1e-9] * 2)
    head[[3, 7]] = -np.inf  # the lede: a sentence with a full stop
    bounds = L._Bounds.of(np.array([0, 4, 8]))
    long = x[:, COL["words"]] >= math.log1p(8)
    got = [L.STATES[k] for k in L._ruled_title(path, x, head, ruled, bounds, long).tolist()]
    assert got == ["before", "before", "headline", "body"] + ["before"] * 2 + ["body"] * 2


def _headline_minded() -> L.LineModel:
    """The shipped decoder over a toy classifier that takes every line for a headline (e^5 to
    1 against body and chrome)."""
    shipped = L.load_line_model()
    return dataclasses.replace(
        shipped, weights=np.zeros_like(shipped.weights), intercept=np.array([0, 5, 0, -30, -30.0]),
        terms=(), term_weights=np.zeros((len(L.CLASSES), 0)),
    )  # fmt: skip


LEDE = "The harbour reopened on Monday after a week of repairs, the port authority said."


def test_a_line_in_capitals_is_no_headline_unless_the_rules_take_it_for_one():
    # however sure the classifier is, a masthead in capitals above the lede is not the title
    # (a decoder taking the likeliest state would make it one); the rules' headline stands
    ev = [L.Evidence(), L.Evidence(sentence=True)]
    got = L.decide(["HARBOUR DAILY", LEDE], ev, model=_headline_minded())
    assert got[0][0] != "headline"
    ruled = [L.Evidence("headline"), L.Evidence(sentence=True)]
    got = L.decide(["HARBOUR REOPENS", LEDE], ruled, model=_headline_minded())
    assert [label for label, _ in got] == ["headline", "body"]
    got = L.decide(["Harbour Daily", LEDE], ev, model=_headline_minded())
    assert [label for label, _ in got] == ["headline", "body"]  # title case: it may be one
