"""The speaker scan on tiny hand-made sentences: verbs of naming and judging with their frame,
and the subject found across the adjuncts between it and its verb (issue 19)."""

from __future__ import annotations

import pytest

import newsframe as nf
from newsframe import Article
from newsframe.lexicons import load_reporting_verbs


def _speech(text: str):
    """The quotations credited as speech (direct or partial) with speaker and verb lemma."""
    t = nf.attributions([Article("a", "T", (text,))])
    t = t[(t.part != "headline") & (t.kind != "paraphrase")]
    return t[["quote", "speaker", "verb_lemma"]].values.tolist()


# --- verbs by class, with their frame ----------------------------------------------------------


def test_the_table_gives_naming_and_judging_verbs_their_class_and_frame():
    table = load_reporting_verbs()
    assert table.verbs[("portray",)] == "neutral"
    assert table.verbs[("liken",)] == "neutral"
    assert table.verbs[("reprimand",)] == "hostile"
    assert table.verbs[("commend",)] == "evaluative"
    assert table.frames[("portray",)] == "as"
    assert table.frames[("liken",)] == "to"
    assert table.frames[("chastise",)] == "for"
    assert table.frames[("call",)] == ""
    assert ("portray",) in table.quote_only and ("assure",) in table.strict


@pytest.mark.parametrize(
    ("text", "quote", "verb"),
    [
        # "X as ...": the object runs over commas and a relative clause up to "as"
        (
            "Mayor Ann Lee described the camp, which she visited in May with two aides, as a "
            '"disgrace" to the region.',
            "disgrace",
            "describe",
        ),
        (
            'Mayor Ann Lee portrayed the closure of the two northern depots as a "slow '
            'strangulation" of the town.',
            "slow strangulation",
            "portray",
        ),
        # "X to ...", "X for ...": comparison and judgment verbs
        (
            'Mayor Ann Lee likened the closure of the two northern depots to a "slow '
            'strangulation" of the town.',
            "slow strangulation",
            "liken",
        ),
        (
            'Mayor Ann Lee reprimanded the contractors for "cutting corners".',
            "cutting corners",
            "reprimand",
        ),
        (
            'Mayor Ann Lee commended the volunteers of the harbour rescue team for their "quiet '
            'courage".',
            "quiet courage",
            "commend",
        ),
        # two objects: the quotation further than eight words on, no comma between
        (
            "Mayor Ann Lee called the suspension of three of the senior harbour pilots a "
            '"regrettable step".',
            "regrettable step",
            "call",
        ),
    ],
)
def test_a_naming_or_judging_verb_frames_the_quotation_its_object_leads_to(text, quote, verb):
    assert _speech(text) == [[quote, "Ann Lee", verb]]


@pytest.mark.parametrize(
    "text",
    [
        # the frame's word is not right before the quotation: the words stay a label
        "Mayor Ann Lee described the plan in detail on Monday while residents mocked the "
        '"paper tiger" plan.',
        # two objects, but a comma between: another clause, the quotation no object
        "Mayor Ann Lee called the meeting of the twelve harbour owners, a week after the "
        '"derby" riots.',
        # a naming verb with no quotation after its frame is no reporting verb at all
        'Ann Lee portrayed a nurse in the film, and the "summer" season began.',
    ],
)
def test_a_frame_that_does_not_lead_to_the_quotation_credits_nothing(text):
    assert _speech(text) == []


@pytest.mark.parametrize(
    ("text", "quote", "verb"),
    [
        # a preposition after the quoted words: no noun they modify, so no "modifier" label
        (
            'Mayor Ann Lee chastised the prosecutors for "lying" during the hearing.',
            "lying",
            "chastise",
        ),
        # right after its verb's frame word: the verb's complement, no prepositional slot
        (
            'Mayor Ann Lee hit back at their "double standards" in the debate.',
            "double standards",
            "hit back",
        ),
    ],
)
def test_a_quotation_in_its_verbs_frame_is_no_label(text, quote, verb):
    assert _speech(text) == [[quote, "Ann Lee", verb]]


def test_a_quoted_modifier_before_its_noun_stays_a_label():
    # the near-miss: "serious" modifies "misconduct" (a noun follows), whatever the frame
    assert _speech('The board accused Ann Lee of "serious" misconduct on Monday.') == []
