"""Body first in the line model: lists inside the body, summary points opening a page, and a page
whose only paragraph the second look must not judge against itself (issue 18). Hand-made pages;
each answer can be counted by eye."""

from __future__ import annotations

import dataclasses

import numpy as np
from conftest import FLOOD_LEDE, FLOOD_RESCUE, FLOOD_ROADS

from newsframe.cleaning import clean_text
from newsframe.lines import (
    _COLUMN,
    FEATURES,
    _Bounds,
    _bullet_runs,
    _list_items,
    load_line_model,
)

LEDE, RESCUE, ROADS = FLOOD_LEDE, FLOOD_RESCUE, FLOOD_ROADS


def test_a_list_between_two_paragraphs_stays_with_the_body():
    # four names with ages, each a few capitalised words and a bullet: alone they read as a
    # menu, but the body goes on after them
    names = ["  • Maria Ortega Vidal, 71", "  • Tomas Brennan, 45", "  • Li Wen Hu, 38",
             "  • Aisha Farouk Nasser, 64"]  # fmt: skip
    page = "\n\n".join(
        ["Flood Leaves Valley Towns Cut Off", LEDE, RESCUE,
         "The council named the people who died in the flood on Tuesday. Their families had "
         "been told.", "\n".join(names),
         "Their neighbours said the water rose faster than anyone in the valley had seen before, "
         "and that the warning came too late."]
    )  # fmt: skip
    result = clean_text(page)
    assert result.title == "Flood Leaves Valley Towns Cut Off"
    assert [p.strip() for p in result.paragraphs[3:7]] == [n.strip() for n in names]
    assert len(result.paragraphs) == 8
    assert [r.line_no for r in result.removed] == [1]  # the headline alone


def test_summary_points_opening_a_page_are_no_headline():
    # a page that opens with four points of the story and has no headline line: the first
    # point is an item of the list, not the title, and stays with the other three
    points = ["- Floodwater cut off four towns in the valley on Sunday after the river burst its banks",
              "- Rescue crews reached the last stranded families by boat on Monday morning",
              "- The regional council said the damage would take months to repair",
              "- Forecasters expect more rain in the valley later this week"]  # fmt: skip
    page = "\n".join(points) + "\n\n" + "\n\n".join([LEDE, RESCUE, ROADS])
    result = clean_text(page)
    assert result.title == ""
    assert result.paragraphs[:4] == tuple(points)
    assert result.removed == ()


def _matrix(rows: list[tuple[bool, bool]]) -> np.ndarray:
    """A feature matrix of one page: per line (bulleted, a sentence of prose the rules keep)."""
    x = np.zeros((len(rows), len(FEATURES)))
    for i, (bullet, prose) in enumerate(rows):
        x[i, _COLUMN["bullet"]] = bullet
        x[i, _COLUMN["words"]] = np.log1p(20 if prose else 4)
        x[i, _COLUMN["sentence"]] = prose
    return x


def test_a_list_has_two_items_or_more():
    bounds = _Bounds.of(np.array([0, 7]))
    # prose, one dashed line (a sign-off), prose, two items, prose
    x = _matrix([(False, True), (True, False), (False, True), (True, False), (True, False),
                 (False, True), (True, False)])  # fmt: skip
    above, below, run = _bullet_runs(x, bounds)
    assert run.tolist() == [0, 1, 0, 2, 2, 0, 1]
    assert above.tolist()[3:5] == [2, 2] and below.tolist()[3:5] == [5, 5]
    # the sign-off is no list; the two items between prose are; the last line has no prose
    # after it (nor a colon above it)
    assert _list_items(x, bounds).tolist() == [False, False, False, True, True, False, False]


def test_runs_stop_at_the_page():
    # two pages of one batch: the bulleted line ending the first and the one opening the second
    # are two runs of one line each, not one of two
    bounds = _Bounds.of(np.array([0, 2, 4]))
    x = _matrix([(False, True), (True, False), (True, False), (False, True)])
    assert _bullet_runs(x, bounds)[2].tolist() == [0, 1, 1, 0]
    assert not _list_items(x, bounds).any()


def test_a_lone_paragraph_is_not_judged_against_itself():
    # the page's only paragraph, with the headline's word glued after its last sentence (an
    # HTML figure caption extracted onto the same line): it does not read as a sentence and the
    # rules call it a caption, so only the kept bias keeps it, and the second look reads its
    # words against the page's other prose, of which there is none. The densest line of a page
    # without other prose is the story: it stays at any body bias down to 0 (it went below
    # 0.98 when the second look judged it)
    title = "\u041f\u0435\u0440\u0435\u0433\u043e\u0432\u043e\u0440\u044b"  # "Peregovory"
    ru = ("\u041c\u0438\u043d\u0438\u0441\u0442\u0440\u044b \u0432\u0441\u0442\u0440\u0435\u0442"
          "\u0438\u043b\u0438\u0441\u044c \u0432 \u041c\u043e\u0441\u043a\u0432\u0435.")  # fmt: skip
    line = (f"{title} {ru} The foreign minister met his counterpart in the capital on Monday for "
            f"talks on the islands. {title}")  # fmt: skip
    model = load_line_model()
    for bias in (1.0, 0.97, 0.5, 0.0):
        result = clean_text(f"{title}\n\n{line}", title=title,
                            method=dataclasses.replace(model, body_bias=bias))  # fmt: skip
        assert result.paragraphs == (line,), bias


def test_a_caption_credit_ends_the_line_before_the_body_goes_on_in_lowercase():
    # a block without blank lines: a caption ending in a photo credit, then the paragraph the
    # picture cut, going on in lowercase. Joined to the caption, the paragraph (two full
    # sentences) was read with it, and went with it as a caption on a page of captions; the
    # credit ends the caption's line, and the paragraph is a line of its own
    lede = ("Blasts shook the port on Sunday after a fire reached the chemical warehouses "
            "overnight, the regional council said.")  # fmt: skip
    caption = "Firefighters search the wreckage of the warehouse on Friday. (Ann Lee/Reuters)"
    rest = ("first blast set off two more within a minute. The port authority said the fire "
            "was under control by the morning.")  # fmt: skip
    page = "\n".join(["Blasts Hit Port Warehouses", lede, caption, rest, ROADS])
    result = clean_text(page)
    assert rest in result.paragraphs
    assert not any("Ann Lee/Reuters" in p for p in result.paragraphs)
