"""The line model's lexical channel of neighbouring lines (``near_weights``, ``line_words.csv``):
a toy model with hand-set weights on pages written for these tests, the answers worked out by
hand from its scores, and the word file's reader."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from toy_decoder import toy_decoder

from newsframe.errors import InputError
from newsframe.lines import (
    CLASSES,
    FEATURES,
    WORD_COLUMNS,
    Evidence,
    LineModel,
    Page,
    decide,
    decide_pages,
    load_line_model,
)

CHROME = CLASSES.index("chrome")


def _toy(terms: dict[str, tuple[float, float, float]]) -> LineModel:
    """A model by hand: intercepts body 0, chrome -1 (the other classes out of reach), body bias
    1, every allowed move of the decoder equally likely; each term adds its three weights to
    the chrome score of its own line, of the line after it and of the line before it."""
    n = len(FEATURES)
    intercept = np.array([0.0, -20.0, -1.0, -20.0, -20.0])
    start, trans = toy_decoder()
    own = np.zeros((len(CLASSES), len(terms)))
    near = np.zeros((2, len(CLASSES), len(terms)))
    for j, (mine, after, before) in enumerate(terms.values()):
        own[CHROME, j], near[0, CHROME, j], near[1, CHROME, j] = mine, after, before
    return LineModel(np.zeros(n), np.ones(n), np.zeros((len(CLASSES), n)), intercept, start,
                     trans, 1.0, 0.0, "toy", tuple(terms), own, near_weights=near)  # fmt: skip


LINES = ["The storm hit the coast on Monday.", "Related coverage",
         "Town hall reopens after repairs", "Power was cut to many homes.",
         "Crews worked through the night."]  # fmt: skip
EVIDENCE = [Evidence()] * len(LINES)


def test_the_previous_lines_words_move_a_line():
    # "related" on its own line: chrome scores -1 + 6 = 5 against body 0 + bias 1: chrome.
    # The line under it, without near weights: chrome -1 against body 0 + 1: body. With "related"
    # read on the previous line at +6: chrome 5, body 0, so log p(body) + 1 = -4.0 against
    # log p(chrome) = -0.007, and every move costs the same: the decoder takes it for chrome.
    alone = decide(LINES, EVIDENCE, model=_toy({"related": (6.0, 0.0, 0.0)}))
    assert [label for label, _ in alone] == ["body", "chrome", "body", "body", "body"]
    out = decide(LINES, EVIDENCE, model=_toy({"related": (6.0, 6.0, 0.0)}))
    assert [label for label, _ in out] == ["body", "chrome", "chrome", "body", "body"]
    assert 'the words "related" on the line before' in out[2][1]


def test_the_next_lines_words_move_a_line():
    # "coverage" read on the next line at +6 moves the first line (chrome 5 against body 1),
    # the line before "Related coverage"; its own weight is 0, so it moves no line of its own
    # beyond that ("Related coverage" itself stays at chrome -1 against body 0 + 1: body)
    out = decide(LINES, EVIDENCE, model=_toy({"coverage": (0.0, 0.0, 6.0)}))
    assert [label for label, _ in out] == ["chrome", "body", "body", "body", "body"]
    assert 'the words "coverage" on the line after' in out[0][1]


def test_the_neighbours_words_stop_at_the_page_edge():
    # page one ends with "Related coverage"; page two starts with the line that followed it
    # above: read alone, nothing above it, it stays body (as decide gives it on its own page)
    model = _toy({"related": (6.0, 6.0, 0.0)})
    first = Page(LINES[:2], EVIDENCE[:2])
    second = Page(LINES[2:], EVIDENCE[2:])
    out = decide_pages([first, second], model=model)
    assert [label for label, _ in out[1]] == ["body", "body", "body"]
    assert [label for label, _ in out[0]] == ["body", "chrome"]


def _word_file(tmp_path: Path, rows: list[str], header: str = ",".join(WORD_COLUMNS)) -> Path:
    path = tmp_path / "words.csv"
    path.write_text("# a lexical channel written for this test\n" + "\n".join([header, *rows]))
    return path


def test_a_word_file_adds_to_the_shipped_weights(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_text(",".join(WORD_COLUMNS) + "\n")
    shipped = load_line_model(words=empty)  # the weights of line_model.csv alone
    assert not shipped.near_weights.any()
    known = shipped.terms[0]  # whichever term the shipped vocabulary starts with
    zeros = ",".join(["0"] * len(CLASSES))
    path = _word_file(tmp_path, [
        f'"{known}",0,0,0.5,0,0,{zeros},{zeros}',
        '"zz unseen",0,0,0,0,0,0,0,2,0,0,0,0,0,0,-1',
    ])  # fmt: skip
    model = load_line_model(words=path)
    j = model.vocabulary[known]
    # the known term: its chrome weight plus 0.5, nothing on its neighbours
    assert model.term_weights[CHROME, j] == pytest.approx(shipped.term_weights[CHROME, j] + 0.5)
    assert not model.near_weights[:, :, j].any()
    # the new term joins the vocabulary last: no own weight, chrome +2 on the line after it,
    # byline -1 on the line before it
    z = model.vocabulary["zz unseen"]
    assert z == len(shipped.terms) and len(model.terms) == len(shipped.terms) + 1
    assert not model.term_weights[:, z].any()
    assert model.near_weights[0, CHROME, z] == 2.0
    assert model.near_weights[1, CLASSES.index("byline"), z] == -1.0


def test_a_bad_word_file_names_the_file(tmp_path):
    with pytest.raises(InputError, match=r"words\.csv"):
        load_line_model(words=_word_file(tmp_path, ['"a",1'], header="term,body"))
    row = '"a",' + ",".join(["0"] * (len(WORD_COLUMNS) - 1))
    with pytest.raises(InputError, match="repeated"):
        load_line_model(words=_word_file(tmp_path, [row, row]))
    with pytest.raises(InputError, match="malformed"):
        load_line_model(words=_word_file(tmp_path, [row.replace(",0", ",x", 1)]))
