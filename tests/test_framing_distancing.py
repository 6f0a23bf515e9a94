"""Distancing marks on hand-made sentences."""

from __future__ import annotations

from conftest import KURIL

import newsframe as nf
from newsframe import Article
from newsframe.framing import DistancingLexicon


def _marks(*paragraphs, title="T", **kw):
    return nf.distancing_marks([Article("a", title, tuple(paragraphs))], **kw, resources=KURIL)


def test_scare_quotes_so_called_and_hedges():
    t = _marks("The so-called \u2018peace plan\u2019 was reportedly drafted by 'experts'.")
    assert t[["kind", "text", "speaker"]].values.tolist() == [
        ["so_called", "so-called", ""],
        ["scare_quote", "peace plan", ""],
        ["hedge", "reportedly", ""],
        ["scare_quote", "experts", ""],
    ]


def test_full_quotes_and_long_quotes_are_not_scare_quotes():
    t = _marks(
        '"We are ready," Putin said.',  # opens the sentence: a direct quote
        'Abe said: "Fine."',  # after a colon
        'Abe called it "a long and winding road with no end in sight."',  # longer than 6 words
    )
    assert t.empty


def test_attributed_short_quote_names_its_speaker():
    t = _marks('Putin said Russia was "ready to discuss" the islands.')
    assert t[["kind", "text", "speaker"]].values.tolist() == [
        ["scare_quote", "ready to discuss", "putin"]
    ]


def test_hedge_inside_a_quote_is_flagged():
    t = _marks('"They allegedly lied," Abe said.')
    assert t[["kind", "text", "inside_quote"]].values.tolist() == [["hedge", "allegedly", True]]


def test_headline_scare_quote():
    t = _marks(
        "Body.", title="Russia Has \u2018No Territorial Conflicts with Japan,\u2019 Says Putin"
    )
    assert t[["part", "kind", "text", "speaker"]].values.tolist() == [
        ["headline", "scare_quote", "No Territorial Conflicts with Japan", "putin"]
    ]


def test_max_words_option():
    t = _marks('He called it "a long and winding road with no end."', max_words=10)
    assert t.kind.tolist() == ["scare_quote"]


def test_no_marks():
    assert _marks("Plain reporting of facts.").empty


def test_marks_in_any_case_and_outside_ascii():
    # capitals, and a paragraph with non-ASCII letters: all found
    t = _marks(
        "Officials REPORTEDLY agreed.",
        "In Zürich the so called deal was allegedly signed.",
        "Nothing to see here.",
    )
    assert t[["paragraph_id", "kind", "text"]].values.tolist() == [
        [0, "hedge", "REPORTEDLY"],
        [1, "so_called", "so called"],
        [1, "hedge", "allegedly"],
    ]


def test_non_ascii_phrase_of_a_users_lexicon():
    lexicon = DistancingLexicon({"hedge": ("prétendument",), "so_called": ("so-called",)})
    t = _marks("Le plan, prétendument prêt, attendait.", "A plain line.", lexicon=lexicon)
    assert t[["kind", "text"]].values.tolist() == [["hedge", "prétendument"]]


def test_scare_quote_late_in_a_long_sentence():
    # more than 64 characters between the sentence start and the quotation, and two quotations
    # sharing that sentence start: both are inside the reporter's sentence
    opening = "After a long day of talks in the capital the two delegations finally agreed on "
    t = _marks(opening + "a 'roadmap' and a 'timetable'.")
    assert t[["kind", "text"]].values.tolist() == [
        ["scare_quote", "roadmap"],
        ["scare_quote", "timetable"],
    ]
