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


class _CountingSet(frozenset):
    """A set of names that counts its membership tests."""

    looks = 0

    def __contains__(self, item: object) -> bool:
        _CountingSet.looks += 1
        return frozenset.__contains__(self, item)


def test_a_run_of_capitalised_words_looks_up_provinces_a_bounded_number_of_times(monkeypatch):
    import newsframe.entities as entities

    known = _CountingSet(entities.provinces())
    monkeypatch.setattr(entities, "provinces", lambda: known)
    # 400 made-up capitalised words in a row before "said" (a tag cloud, a list of names
    # without commas): one run of capitals
    consonants, vowels = "BCDFGHJKLMNPRSTVZ", "aeiou"
    run = " ".join(
        consonants[i % 17] + vowels[i // 17 % 5] + "l" + vowels[i // 85 % 5] + "ka"
        for i in range(400)
    )
    _CountingSet.looks = 0
    entities.find_entities([f"{run} said the talks went on."])
    # a province has a few words: a bounded window per word is linear; today ~n*n/2 look-ups
    assert _CountingSet.looks <= 20 * 400


def test_an_article_of_many_people_splits_each_name_a_bounded_number_of_times():
    import sys

    from newsframe.entities import find_entities

    consonants, vowels = "BCDFGHJKLMNPRSTVZ", "aeiou"
    n = 400
    paragraphs = []
    for i in range(n):  # 400 made-up people, each named in full, by given name and by surname
        given = consonants[i % 17] + vowels[i // 17 % 5] + "l" + vowels[i // 85 % 5] + "na"
        family = consonants[i * 7 % 17] + vowels[i * 3 % 5] + f"rkov{i}"
        paragraphs.append(
            f'{given} {family} said the talks went on. {given} agreed, and {family} told reporters "yes".'
        )
    splits = [0]

    def count(frame, event, arg):  # every call of str.split, whoever makes it
        if event == "c_call" and getattr(arg, "__name__", "") == "split":
            splits[0] += 1

    sys.setprofile(count)
    try:
        find_entities(paragraphs)
    finally:
        sys.setprofile(None)
    # about 37 splits per person are the linear work; the rebuilt index adds ~n*n (164,400)
    assert splits[0] <= 100 * n
