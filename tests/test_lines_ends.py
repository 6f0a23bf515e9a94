"""How a page ends: the decoder's end probabilities (a hidden Markov model's final-state
probabilities) and the guard that keeps a page's last paragraph (issue 18). Hand-made pages and
hand-worked decoder scores; each answer can be counted by eye."""

from __future__ import annotations

import dataclasses
import math
import sys
from pathlib import Path

import numpy as np
import pytest

import newsframe.lines as L
from newsframe.cleaning import clean_text, page_evidence

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from conftest import FLOOD_LEDE, FLOOD_RESCUE, FLOOD_ROADS
from train_line_model import ends

LEDE, RESCUE, ROADS = FLOOD_LEDE, FLOOD_RESCUE, FLOOD_ROADS

# the decoder's moves, rounded: start in body, stay in body, leave the body for the chrome after
START = np.log([0.2, 0.3, 0.5, 1e-300, 1e-300])
TRANS = np.full((5, 5), -np.inf)
TRANS[2, 2], TRANS[2, 4], TRANS[4, 4] = -0.1, -3.0, 0.0
B, AFTER = L.STATES.index("body"), L.STATES.index("after")


def _emit(last_body: float, last_other: float) -> np.ndarray:
    """Two lines: a clear body line, then a last line with the given body and chrome scores."""
    emit = np.full((2, 5), -np.inf)
    emit[0, B], emit[0, AFTER] = 0.0, -5.0
    emit[1, B], emit[1, AFTER] = last_body, last_other
    return emit


def test_the_end_moves_a_last_line_the_transitions_keep():
    # staying in the body costs -0.1 - 3.0 = -3.1 for the last line, leaving it -3.0 - 0.5 =
    # -3.5: body. With the page ending after the body at log 0.4 and in it at log 0.15:
    # -3.1 + log 0.15 = -4.997 against -3.5 + log 0.4 = -4.416: after
    emit = _emit(-3.0, -0.5)
    bounds = L._Bounds.of(np.array([0, 2]))
    assert L._viterbi_pages(emit, bounds, START, TRANS).tolist() == [B, B]
    end = np.log([[0.15, 0.15, 0.15, 0.15, 0.4]])
    assert L._viterbi_pages(emit, bounds, START, TRANS, end).tolist() == [B, AFTER]


def test_a_clear_body_line_stays_at_the_end():
    # a last line scored body -0.5, chrome -2.0: -0.6 + log 0.15 = -2.497 against -5.0 + log
    # 0.4 = -5.916: the end does not outweigh the line's own evidence
    emit = _emit(-0.5, -2.0)
    end = np.log([[0.15, 0.15, 0.15, 0.15, 0.4]])
    path = L._viterbi_pages(emit, L._Bounds.of(np.array([0, 2])), START, TRANS, end)
    assert path.tolist() == [B, B]


def test_end_probabilities_counted_from_labelled_pages():
    # page 1 ends after its body (one "after" line), page 2 in its body (three body lines).
    # body: moves out 2 (body->body, page 2) and 1 (body->after, page 1), smoothed over body,
    # inbody, after: (2+1) + (0+1) + (1+1) = 6, plus the end (1 page + 1): 8; the end 2/8.
    # after: no move out, smoothed (0+1), plus the end (1 + 1): 3; the end 2/3
    got = np.exp(ends([["headline", "body", "chrome"], ["body", "body", "body"]]))
    assert got[B] == pytest.approx(2 / 8)
    assert got[AFTER] == pytest.approx(2 / 3)
    # before, headline and inbody take the body's value (a page ends there without a body)
    assert got[L.STATES.index("headline")] == pytest.approx(2 / 8)


def test_the_shipped_decoder_ends_pages_after_their_body_more_readily():
    model = L.load_line_model()
    assert model.end is not None
    assert model.end[AFTER] > model.end[B]


def _page(tail: list[str]) -> str:
    return "\n\n".join(["Flood Leaves Valley Towns Cut Off", LEDE, RESCUE, ROADS, *tail])


def test_a_comment_widget_ending_a_page_goes(tmp_path):
    # a comment form's label and a row of hashtags after the last paragraph: without the end
    # the decoder of the 623-page weights (no lexical channel: an empty word file, body bias 1)
    # keeps them (leaving the body costs more than their few words say); with it both go, and
    # the three paragraphs stay; the shipped model (with a lexical channel when it ships one)
    # takes them too
    page = _page(["Add new comment", "#flood #valley"])
    words = tmp_path / "words.csv"
    words.write_text(",".join(L.WORD_COLUMNS) + "\n")
    model = dataclasses.replace(L.load_line_model(words=words), body_bias=1.0)
    without = clean_text(page, method=dataclasses.replace(model, end=None))
    assert [r.line_no for r in without.removed] == [1]
    for m in (model, L.load_line_model()):
        result = clean_text(page, method=m)
        assert [r.line_no for r in result.removed] == [1, 9, 11]
        assert [p.strip() for p in result.paragraphs] == [LEDE, RESCUE, ROADS]


def _ends_of(text: str) -> np.ndarray:
    lines, evidence = page_evidence(text)
    x = L.line_features([n for _, _, n in lines], evidence)
    end = np.log([0.15, 0.15, 0.15, 0.15, 0.4])
    return L._page_ends(end, x, L._Bounds.of(np.array([0, len(x)])))[0]


def test_a_page_cut_off_in_a_paragraph_keeps_its_ending():
    # the copy stops in the middle of the last paragraph: no final stop, but eight words or
    # more and a finite verb; the end adds nothing, the page ends as the transitions say
    cut = "The council said roads into two of the towns would stay closed until engineers ha"
    assert _ends_of(_page([cut])).tolist() == [0.0] * 5
    # a page ending in a full sentence likewise
    assert _ends_of(_page([])).tolist() == [0.0] * 5
    # a page ending in a comment form's label gets the end probabilities
    assert _ends_of(_page(["Add new comment"]))[AFTER] == pytest.approx(math.log(0.4))


def test_no_end_table_decodes_as_before():
    emit = _emit(-3.0, -0.5)
    bounds = L._Bounds.of(np.array([0, 2]))
    assert L._page_ends(None, np.zeros((2, len(L.FEATURES))), bounds) is None
    assert L._viterbi_pages(emit, bounds, START, TRANS, None).tolist() == [B, B]


def _reference(emit: list[list[float]], start, trans, end) -> list[int]:
    """A plain Viterbi over one page, its end added after the last line (ties: lower state)."""
    n = len(start)
    score = [start[s] + emit[0][s] for s in range(n)]
    back = []
    for row in emit[1:]:
        step, new = [], []
        for b in range(n):
            a = max(range(n), key=lambda a: (score[a] + trans[a][b], -a))
            step.append(a)
            new.append(score[a] + trans[a][b] + row[b])
        back.append(step)
        score = new
    state = max(range(n), key=lambda b: (score[b] + end[b], -b))
    path = [state]
    for step in reversed(back):
        state = step[state]
        path.append(state)
    return path[::-1]


def test_each_page_of_a_batch_ends_with_its_own_end_probabilities():
    # pages of different lengths (decoded sorted by length) and each its own end row: the
    # batch gives every page the path a plain decoder gives it alone
    rng = np.random.default_rng(11)
    model = L.load_line_model()
    sizes = [3, 1, 6, 2, 5, 4]
    emit = np.round(rng.normal(size=(sum(sizes), len(L.STATES))), 1)
    starts = np.concatenate([[0], np.cumsum(sizes)]).astype(np.intp)
    end = np.round(rng.normal(size=(len(sizes), len(L.STATES))), 1) * 3
    path = L._viterbi_pages(emit, L._Bounds.of(starts), model.start, model.transitions, end)
    start, trans = model.start.tolist(), model.transitions.tolist()
    for p, (a, b) in enumerate(zip(starts[:-1].tolist(), starts[1:].tolist(), strict=True)):
        want = _reference(emit[a:b].tolist(), start, trans, end[p].tolist())
        assert path[a:b].tolist() == want
