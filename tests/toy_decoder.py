"""A line decoder written by hand for the line model's tests: every move the states allow
(before → headline → body → after, chrome inside the body its own state) equally likely, and a
page may open in before, headline or body."""

from __future__ import annotations

import math

import numpy as np

from newsframe.lines import STATES

_ALLOWED = {
    "before": ("before", "headline", "body"),
    "headline": ("headline", "body", "inbody"),
    "body": ("body", "inbody", "after"),
    "inbody": ("inbody", "body", "after"),
    "after": ("after",),
}


def toy_decoder() -> tuple[np.ndarray, np.ndarray]:
    """The start and transition log-probabilities: each allowed move 1/(number of moves)."""
    trans = np.full((len(STATES), len(STATES)), -math.inf)
    for a, moves in _ALLOWED.items():
        for b in moves:
            trans[STATES.index(a), STATES.index(b)] = math.log(1 / len(moves))
    start = np.array([math.log(1 / 3)] * 3 + [-math.inf] * 2)
    return start, trans
