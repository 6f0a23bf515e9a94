"""The quotation evaluation's split-speaker count on hand-made rows: true splits and splits
from a credit error, counted by eye."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from eval_quotes import _splits, _summary


def _row(entity, accept, *speakers, found=True):
    return {"found": found, "entity": entity, "accept": accept, "speakers": list(speakers),
            "speaker_ok": False, "verb_ok": None}  # fmt: skip


# one page: Ana Ruiz under two right names (a true split); the ministry credited once to itself
# and once to Tom Reyes (a credit error); Lee Park under one key, "unresolved" never a key; an
# entity whose second key is on a quotation not found is no split
ROWS = [
    _row("Ana Ruiz", ["Ruiz"], ("Ana Ruiz", "Ana Ruiz")),
    _row("Ana Ruiz", ["Ruiz"], ("Ruiz", "Ruiz")),
    _row("Ministry of Health", ["ministry"], ("Ministry of Health", "Ministry of Health")),
    _row("Ministry of Health", ["ministry"], ("Tom Reyes", "Tom Reyes")),
    _row("Lee Park", ["Park"], ("Lee Park", "Lee Park")),
    _row("Lee Park", ["Park"], ("unresolved", "unresolved")),
    _row("Omar Haddad", ["Haddad"], ("Omar Haddad", "Omar Haddad")),
    _row("Omar Haddad", ["Haddad"], ("Haddad", "Haddad"), found=False),
    {"label": True, "as_speech": False},  # a label row counts for nothing here
]


def test_a_split_is_true_when_every_key_names_the_entity_else_a_credit_error():
    assert _splits(ROWS) == [
        {"entity": "Ana Ruiz", "keys": ["Ana Ruiz", "Ruiz"], "kind": "true"},
        {"entity": "Ministry of Health", "keys": ["Ministry of Health", "Tom Reyes"],
         "kind": "credit"},
    ]  # fmt: skip


def test_accepted_strings_of_all_an_entitys_quotations_on_the_page_count():
    # "the spokesman" is accepted on the second quotation only: both keys name him
    rows = [
        _row("Ken Ito", ["Ito"], ("Ken Ito", "Ken Ito")),
        _row("Ken Ito", ["Ito", "spokesman"], ("the spokesman", "the spokesman")),
    ]
    assert [s["kind"] for s in _splits(rows)] == ["true"]


def test_the_summary_keeps_the_total_beside_its_two_parts():
    row = _summary("dev", "total", ROWS, [], _splits(ROWS))
    assert (row["split_speakers"], row["true_splits"], row["credit_splits"]) == (2, 1, 1)
