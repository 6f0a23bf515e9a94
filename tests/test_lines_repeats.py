"""A line that repeats the page's headline is no body (issue 18): the title again in a list of
links, a breadcrumb or a share box. Hand-made pages; each answer can be counted by eye."""

from __future__ import annotations

import numpy as np

import newsframe.lines as L
from newsframe.cleaning import clean_text

TITLE = "Flood cuts off four valley towns as river bursts its banks"
LEDE = (
    "Floodwater cut off four towns in the valley on Sunday after the river burst its banks "
    "overnight, the regional council said."
)
RESCUE = (
    "Rescue crews reached the last stranded families by boat on Monday morning and took them "
    "to shelters in the hills."
)
ROADS = (
    "The council said roads into two of the towns would stay closed until engineers had "
    "checked the bridges."
)


def test_the_headline_again_between_paragraphs_goes():
    # a link to the same story between two paragraphs, word for word the headline
    result = clean_text("\n\n".join([TITLE, LEDE, RESCUE, TITLE, ROADS]))
    assert result.title == TITLE
    assert [p.strip() for p in result.paragraphs] == [LEDE, RESCUE, ROADS]
    repeat = [r for r in result.removed if r.line_no == 7]
    assert repeat and "repeats the page's headline" in repeat[0].reason


def test_the_headline_in_capitals_after_the_body_goes():
    # the same words in capitals at the page's end (a share box's title): case aside, a repeat
    result = clean_text("\n\n".join([TITLE, LEDE, RESCUE, ROADS, TITLE.upper()]))
    assert [p.strip() for p in result.paragraphs] == [LEDE, RESCUE, ROADS]
    assert 9 in [r.line_no for r in result.removed]


def test_a_paragraph_like_its_headline_but_longer_stays():
    # the lede opens with the headline's words and goes on: not a repeat
    lede = TITLE + ", the regional council said on Sunday, and rescue crews were sent out."
    result = clean_text("\n\n".join([TITLE, lede, RESCUE, ROADS]))
    assert [p.strip() for p in result.paragraphs] == [lede, RESCUE, ROADS]


def _x(sentence: bool) -> np.ndarray:
    x = np.zeros((4, len(L.FEATURES)))
    x[0, L._INDEX["sentence"]] = float(sentence)
    return x


def test_only_a_title_that_is_no_sentence_takes_its_twin():
    # states: headline, body, body, body; lines 0 and 2 have the same text (id 5), line 3 the
    # same as line 1 (id 7). The title's twin (line 2) leaves the body: between two body
    # lines, it is chrome inside the body
    h, b, inbody = (L.STATES.index(s) for s in ("headline", "body", "inbody"))
    path = np.array([h, b, b, b])
    text = np.array([5, 7, 5, 7])
    bounds = L._Bounds.of(np.array([0, 4]))
    out, said = L._title_repeats(path, _x(False), text, bounds)
    assert out.tolist() == [h, b, inbody, b]
    assert list(said) == [2]
    # a title that reads as a sentence (a paragraph taken for the title) takes nothing: a page
    # that doubles its text would lose the paragraph's twin
    out, said = L._title_repeats(path, _x(True), text, bounds)
    assert out.tolist() == [h, b, b, b]
    assert said == {}


def test_a_page_without_a_headline_is_left_alone():
    b = L.STATES.index("body")
    path = np.array([b, b, b, b])
    out, said = L._title_repeats(path, _x(False), np.array([5, 5, 5, 5]), L._Bounds.of(
        np.array([0, 4])))  # fmt: skip
    assert out.tolist() == [b, b, b, b] and said == {}
