"""The entity layer's work grows linearly with the people and words of an article.

Each test builds a long hand-made article whose answer can be read by eye, counts a
deterministic measure of the work (calls of ``str.split``, look-ups in the set of provinces)
and bounds it by a small multiple of the input's size: a step that is quadratic in the number
of people or words fails the bound at a few hundred of them. Nothing here is timed.
"""

from __future__ import annotations

import sys

import newsframe.entities as entities
from newsframe.entities import find_entities

_CONSONANTS, _VOWELS = "BCDFGHJKLMNPRSTVZ", "aeiou"


def _word(i: int, tail: str) -> str:
    """A made-up capitalised word, different for each ``i`` below 7,225 ("BaBadra")."""
    c, v = _CONSONANTS, _VOWELS
    return c[i % 17] + v[i // 17 % 5] + c[i // 85 % 17] + v[i // 1445 % 5] + tail


def _splits(paragraphs: list[str]) -> tuple[int, entities.Entities]:
    """The entity layer of ``paragraphs`` and how many times ``str.split`` ran to build it."""
    calls = [0]

    def count(frame, event, arg):  # every call of str.split, whoever makes it
        if event == "c_call" and getattr(arg, "__name__", "") == "split":
            calls[0] += 1

    sys.setprofile(count)
    try:
        layer = find_entities(paragraphs)
    finally:
        sys.setprofile(None)
    return calls[0], layer


def test_inner_words_of_many_long_names_are_indexed_once_each():
    # 400 people of three-word names ("Lawyer BaBadra BaBalith BaBamont spoke."), each later
    # named by the inner word of the name alone, next to a new made-up name ("Later BaBalith
    # met BaBaquex"): every new name grows the layer between two look-ups of an inner word
    n = 400
    paragraphs = [
        f"Lawyer {_word(i, 'dra')} {_word(i, 'lith')} {_word(i, 'mont')} spoke. "
        f"Later {_word(i, 'lith')} met {_word(i, 'quex')} at noon."
        for i in range(n)
    ]
    splits, layer = _splits(paragraphs)
    said = {m.text: m.entity_id for m in layer.mentions}
    # by eye: the inner word is held by one name only, so it names that person; the new
    # name is nobody's
    assert said["KaBalith"] == "KaBadra KaBalith KaBamont"  # person 7: K, a, B, a
    assert said[_word(n - 1, "lith")] == " ".join(_word(n - 1, t) for t in ("dra", "lith", "mont"))
    assert said["KaBaquex"] == "KaBaquex"
    # a few dozen splits per person are linear work; an index rebuilt over every person at
    # each look-up after the layer grew splits about n*n names (over 200,000 here)
    assert splits <= 100 * n


def test_an_inner_word_named_before_the_layer_grows_again_still_names_its_person():
    # the index follows the layer as it grows: "Poh" (inner word of one name) is looked up
    # after "Zorvane" was added, and "Teh" after "Quillet" was
    layer = find_entities(
        [
            "Lawyer Hisyam Teh Poh Teik spoke.",
            "Later Poh met Zorvane, and Teh met Quillet.",
        ]
    )
    said = {m.text: m.entity_id for m in layer.mentions}
    assert said["Poh"] == said["Teh"] == "Hisyam Teh Poh Teik"
    assert layer.resolve("Teik") == "Hisyam Teh Poh Teik"


class _CountingSet(frozenset):
    """A set of province names that counts its membership tests."""

    looks = 0

    def __contains__(self, item: object) -> bool:
        _CountingSet.looks += 1
        return frozenset.__contains__(self, item)


def test_a_long_run_of_capitals_looks_up_provinces_in_a_bounded_window(monkeypatch):
    known = _CountingSet(["New York", "North Rhine-Westphalia", "Avon"])
    monkeypatch.setattr(entities, "provinces", lambda: known)
    n = 400  # a tag cloud: 400 made-up capitalised words with no comma between them
    run = [_word(i, "ka") for i in range(n)]
    _CountingSet.looks = 0
    assert entities._holds_province([*run, "New", "York"])  # the last two words: a state
    assert entities._holds_province(["Sofitel", "North", "Rhine-Westphalia", *run])
    assert not entities._holds_province([*run, "Avon"])  # one-word ones never count
    assert not entities._holds_province([*run, "New"])
    # no province is longer than 22 characters: from each word only joins up to that length
    # are looked up (three words of 6 letters here), about 3n per call; every join from each
    # word would be n*n/2 per call (about 80,000)
    assert _CountingSet.looks <= 4 * 5 * (n + 3)


def test_a_run_of_capitalised_words_in_an_article_looks_up_provinces_a_bounded_number_of_times(
    monkeypatch,
):
    known = _CountingSet(entities.provinces())
    monkeypatch.setattr(entities, "provinces", lambda: known)
    # 400 made-up capitalised words in a row before "said" (a tag cloud, a list of names
    # without commas): one run of capitals, through the whole layer with the real provinces
    c, v = _CONSONANTS, _VOWELS
    run = " ".join(c[i % 17] + v[i // 17 % 5] + "l" + v[i // 85 % 5] + "ka" for i in range(400))
    _CountingSet.looks = 0
    find_entities([f"{run} said the talks went on."])
    # a province has a few words: a bounded window per word is linear; every join ~n*n/2
    assert _CountingSet.looks <= 20 * 400


def test_an_article_of_many_people_splits_each_name_a_bounded_number_of_times():
    c, v = _CONSONANTS, _VOWELS
    n = 400
    paragraphs = []
    for i in range(n):  # 400 made-up people, each named in full, by given name and by surname
        given = c[i % 17] + v[i // 17 % 5] + "l" + v[i // 85 % 5] + "na"
        family = c[i * 7 % 17] + v[i * 3 % 5] + f"rkov{i}"
        paragraphs.append(
            f'{given} {family} said the talks went on. {given} agreed, and {family} told reporters "yes".'
        )
    splits, _ = _splits(paragraphs)
    # about 37 splits per person are the linear work; an index rebuilt as the layer grows
    # adds ~n*n (164,400)
    assert splits <= 100 * n
