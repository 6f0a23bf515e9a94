"""A line that repeats the page's headline is no body (issue 18): the title again in a list of
links, a breadcrumb or a share box. Hand-made pages; each answer can be counted by eye."""

from __future__ import annotations

import numpy as np
from conftest import FLOOD_LEDE, FLOOD_RESCUE, FLOOD_ROADS

import newsframe.lines as L
from newsframe.cleaning import clean_text

TITLE = "Flood cuts off four valley towns as river bursts its banks"
LEDE, RESCUE, ROADS = FLOOD_LEDE, FLOOD_RESCUE, FLOOD_ROADS


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


def test_the_headline_with_a_word_changed_goes():
    # a link to the story with one word of its headline changed: content words flood, cuts,
    # four, valley, towns, river, bursts, banks against flood, cuts, four, valley, towns,
    # river, breaks, banks: 7 shared of 9 together, 0.78 (at least 0.6), one word its own
    variant = "Flood cuts off four valley towns as river breaks its banks"
    result = clean_text("\n\n".join([TITLE, LEDE, RESCUE, variant, ROADS]))
    assert [p.strip() for p in result.paragraphs] == [LEDE, RESCUE, ROADS]
    assert 7 in [r.line_no for r in result.removed]


def test_the_headline_with_two_words_of_its_own_stays():
    # flood, cuts, four, valley, towns, river, banks and two words the title lacks (breaks,
    # hills): shared 7 of 10 together, 0.7, but it says more than the headline
    line = "Flood cuts off four valley towns as river breaks its banks in the hills"
    result = clean_text("\n\n".join([TITLE, LEDE, RESCUE, line, ROADS]))
    assert [p.strip() for p in result.paragraphs] == [LEDE, RESCUE, line, ROADS]


def test_a_subhead_sharing_two_of_the_headlines_words_stays():
    # valley and towns: 2 shared of 11 together, no repeat; the subhead stays with the body
    subhead = "Rescue crews reach valley towns"
    result = clean_text("\n\n".join([TITLE, LEDE, RESCUE, subhead, ROADS]))
    assert [p.strip() for p in result.paragraphs] == [LEDE, RESCUE, subhead, ROADS]


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
    # content words: lines 0 and 2 words 1, 2, 3; lines 1 and 3 words 4, 5, 6
    content = (np.array([1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6]), np.array([3, 3, 3, 3]))
    out, said = L._title_repeats(path, _x(False), text, content, bounds)
    assert out.tolist() == [h, b, inbody, b]
    assert list(said) == [2]
    # a title that reads as a sentence (a paragraph taken for the title) takes nothing: a page
    # that doubles its text would lose the paragraph's twin
    out, said = L._title_repeats(path, _x(True), text, content, bounds)
    assert out.tolist() == [h, b, b, b]
    assert said == {}


def test_a_near_repeat_shares_most_of_the_titles_words():
    # title (line 0) words 1, 2, 3, 4, 5; line 2 words 1, 2, 3, 4, 9: 4 shared of 6 together
    # (0.67) and one word its own: a repeat; line 3 words 1, 2, 7, 8: 2 of 7 (0.29, not one);
    # line 1 words 6, 7
    h, b, inbody, after = (L.STATES.index(s) for s in ("headline", "body", "inbody", "after"))
    path = np.array([h, b, b, b])
    content = (np.array([1, 2, 3, 4, 5, 6, 7, 1, 2, 3, 4, 9, 1, 2, 7, 8]),
               np.array([5, 2, 5, 4]))  # fmt: skip
    bounds = L._Bounds.of(np.array([0, 4]))
    out, said = L._title_repeats(path, _x(False), np.arange(4), content, bounds)
    assert out.tolist() == [h, b, inbody, b]  # line 2 sits between two body lines: inside
    assert list(said) == [2]
    # the same words in the page's last line: after the body
    path = np.array([h, b, b, b])
    content = (np.array([1, 2, 3, 4, 5, 6, 7, 1, 2, 7, 8, 1, 2, 3, 4, 9]),
               np.array([5, 2, 4, 5]))  # fmt: skip
    out, said = L._title_repeats(path, _x(False), np.arange(4), content, bounds)
    assert out.tolist() == [h, b, b, after]
    assert list(said) == [3]


def test_a_page_without_a_headline_is_left_alone():
    b = L.STATES.index("body")
    path = np.array([b, b, b, b])
    content = (np.array([1, 2, 3] * 4), np.array([3, 3, 3, 3]))
    out, said = L._title_repeats(path, _x(False), np.array([5, 5, 5, 5]), content,
                                 L._Bounds.of(np.array([0, 4])))  # fmt: skip
    assert out.tolist() == [b, b, b, b] and said == {}
