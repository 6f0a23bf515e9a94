"""Work that must grow linearly with an article, checked by counting steps (never by timing).

Each test builds a hostile shape by hand, counts a deterministic measure of the work done on
it and bounds it by a small multiple of the input's size: a quadratic step fails the bound at
a few hundred items, long before it would show on a clock. Growth on big inputs is measured in
``benchmarks/bench_hostile.py growth``.
"""

from __future__ import annotations

from newsframe.entities import find_entities
from newsframe.framing.speaker_names import name_speakers


class _CountingRow(dict):
    """A speaker row that counts how often its paragraph is read."""

    reads = 0

    def __getitem__(self, key: str) -> object:
        if key == "paragraph_id":
            _CountingRow.reads += 1
        return super().__getitem__(key)


def test_lede_descriptions_of_one_long_paragraph_read_each_row_a_bounded_number_of_times():
    # 400 sentences "The minister said so." in one paragraph (a page with no line breaks): each
    # row is a lede description ("the minister") that no name in the next paragraph resolves.
    n = 400
    layer = find_entities(["The minister said so."])
    rows = [
        _CountingRow(paragraph_id=0, speaker="The minister", speaker_text="The minister",
                     speaker_source="description", speaker_kind="person",
                     sentence="The minister said so.")
        for _ in range(n)
    ]  # fmt: skip
    _CountingRow.reads = 0
    name_speakers(rows, layer, {"minister": "person"})
    assert rows[0]["speaker"] == "The minister"  # nobody named next: the description stays
    # linear work reads each row's paragraph a few times; the quadratic scan reads it ~n*n/2
    assert _CountingRow.reads <= 20 * n
