"""A headline written in title case with a final stop, which the model reads as the first body
line, is the title of a page the decoder left without one (issue 18: headlines ending with a
full stop or a question mark). Hand-made feature rows and an invented page; each answer can be
worked out by eye."""

from __future__ import annotations

import math

import numpy as np
import pytest

import newsframe.lines as L
from newsframe.cleaning import _opens_text, clean_text
from newsframe.lines import title_case

S = {name: k for k, name in enumerate(L.STATES)}
COL = {name: j for j, (name, _, _) in enumerate(L.FEATURES)}


def _rows(spec: list[tuple[int, float, float]]) -> np.ndarray:
    """Feature rows from (words, title-case share, final stop); all on the page's story."""
    x = np.zeros((len(spec), len(L.FEATURES)))
    for i, (words, cased, stop) in enumerate(spec):
        x[i, COL["words"]] = math.log1p(words)
        x[i, COL["title_case"]] = cased
        x[i, COL["final_stop"]] = stop
        x[i, COL["topic_core"]] = 0.3
    return x


def test_the_first_body_line_in_title_case_with_a_stop_is_the_title():
    # each page: a first line, then a paragraph of 30 words in sentence case
    # page 1: 12 words, 9 of them capitalised (0.75), a full stop: the headline
    # page 2: 12 words in sentence case (3 capitals, 0.25): the lede, stays body
    # page 3: 5 words, 3 capitalised (0.6): too short to tell a headline from names, stays
    # page 4: 12 words in title case, no final stop: the model's own business, stays
    # page 5: title case with a stop, but the page has its title already: stays
    para = (30, 0.1, 1)
    spec = [(12, 0.75, 1), para, (12, 0.25, 1), para, (5, 0.6, 1), para, (12, 0.75, 0), para,
            (6, 0.8, 0), (12, 0.75, 1), para]  # fmt: skip
    path = np.full(len(spec), S["body"])
    path[8] = S["headline"]
    bounds = L._Bounds.of(np.array([0, 2, 4, 6, 8, 11]))
    got = [L.STATES[k] for k in L._cased_title(path, _rows(spec), bounds)]
    assert got == ["headline"] + ["body"] * 7 + ["headline", "body", "body"]


def test_a_page_whose_only_body_line_it_is_keeps_it():
    x = _rows([(12, 0.75, 1)])
    path = np.array([S["body"]])
    got = L._cased_title(path, x, L._Bounds.of(np.array([0, 1])))
    assert [L.STATES[k] for k in got] == ["body"]


def test_the_cleaner_keeps_a_title_case_headline_with_a_stop():
    # 8 words, 5 capitalised: Cubs, Win, Series, First, Time
    assert title_case("Cubs Win the Series for the First Time.") == 5 / 8
    # the line model reads the first WINDOW characters: a long line is judged by its opening
    assert title_case("Rain " * 40 + "and more rain falls here today") == 1.0
    assert not _opens_text("Cubs Win the Series for the First Time. Fans Pour Into Streets.")
    assert _opens_text("The team won the series for the first time on Wednesday night.")


BODY = (
    "Residents of the harbour town voted on Tuesday to rebuild the old sea wall, which "
    "the winter storms had broken in three places.\n\n"
    "The council said the work would begin in the spring and take two years, paid for "
    "by a loan the town will repay over twenty years.\n\n"
    "Fishermen who moor their boats behind the wall said they had waited a long time "
    "for the vote and were glad the town had decided at last.\n"
)


@pytest.mark.parametrize(
    "headline",
    [
        # 17 words, 11 capitalised (articles and prepositions in lowercase), a full stop
        "The Harbour Town Votes to Rebuild the Old Sea Wall for the First Time in Forty Years.",
        # a question in title case
        "Harbour Town Votes on the Sea Wall: Will the Old Harbour Be Safe Next Winter?",
    ],
)
def test_an_invented_page_with_a_title_case_headline_ending_in_a_stop(headline):
    result = clean_text(headline + "\n\n" + BODY)
    assert result.title == headline
    assert len(result.paragraphs) == 3  # the three paragraphs, none lost


def test_an_invented_page_that_opens_with_its_lede_has_no_title():
    lede = "The harbour town voted on Tuesday to rebuild the old sea wall after the storms."
    result = clean_text(lede + "\n\n" + BODY)
    assert result.title == ""
    assert len(result.paragraphs) == 4
