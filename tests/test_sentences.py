"""split_sentences on the cases real pages raise: a missing space after a full stop, initials and
acronyms, abbreviations that end a sentence, end marks, quotations that end a sentence.

Every expected split below was worked out by reading the sentence, not by running the splitter.
"""

from __future__ import annotations

import pytest

import newsframe as nf


@pytest.mark.parametrize(
    "text,expected",
    [
        # a full stop glued to the next capitalised word ends a sentence
        (
            "The minister arrived on Monday.The talks began at noon.",
            ["The minister arrived on Monday.", "The talks began at noon."],
        ),
        (
            "Ties were frozen in 2016.Talks resumed.",
            ["Ties were frozen in 2016.", "Talks resumed."],
        ),
        ("Is it over?No one knows.", ["Is it over?", "No one knows."]),
        ("It is over!Officials cheered.", ["It is over!", "Officials cheered."]),
        ('He said it was "over."The talks ended.', ['He said it was "over."', "The talks ended."]),
        # ... but not inside an acronym, initials, a decimal or a web address
        ("The U.S.Army base stayed open.", ["The U.S.Army base stayed open."]),
        ("J.R.R.Tolkien wrote it.", ["J.R.R.Tolkien wrote it."]),
        ("Turnout rose 3.5 points.", ["Turnout rose 3.5 points."]),
        ("Details are on example.Com today.", ["Details are on example.Com today."]),
        ("The site news.Yahoo.com ran it.", ["The site news.Yahoo.com ran it."]),
        ("Mr.Abe left early.", ["Mr.Abe left early."]),
    ],
)
def test_glued_full_stops(text, expected):
    assert nf.split_sentences(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "J.R.R. Tolkien wrote it. He died in 1973.",
            ["J.R.R. Tolkien wrote it.", "He died in 1973."],
        ),
        ("John F. Kennedy was shot in Dallas.", ["John F. Kennedy was shot in Dallas."]),
        ("The talks in Dec. 2018 failed.", ["The talks in Dec. 2018 failed."]),
        ("He met Gen. Ivanov. Then he left.", ["He met Gen. Ivanov.", "Then he left."]),
        # an abbreviation that can end a sentence does so before a sentence opener ...
        (
            "Troops stayed in the U.S. The base closed.",
            ["Troops stayed in the U.S.", "The base closed."],
        ),
        ("It ended at 5 p.m. He left.", ["It ended at 5 p.m.", "He left."]),
        ("They called it Plan B. It failed.", ["They called it Plan B.", "It failed."]),
        ("They chose Plan B! Officials cheered.", ["They chose Plan B!", "Officials cheered."]),
        # ... and not before a name or title
        ("The U.S. Navy sailed.", ["The U.S. Navy sailed."]),
        ("At 5 p.m. Moscow time they met.", ["At 5 p.m. Moscow time they met."]),
    ],
)
def test_initials_acronyms_and_abbreviations(text, expected):
    assert nf.split_sentences(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # quotations that end a sentence
        (
            'He said: "We will never give up." The minister nodded.',
            ['He said: "We will never give up."', "The minister nodded."],
        ),
        (
            "\"Is it close?\" he asked. 'No,' she said.",
            ['"Is it close?" he asked.', "'No,' she said."],
        ),
        ('They left. "Why?" one asked.', ["They left.", '"Why?" one asked.']),
        ("(The talks ended.) Both sides left.", ["(The talks ended.)", "Both sides left."]),
        # end marks: runs of them, an ellipsis
        ("Really?! Yes. Wait... What?", ["Really?!", "Yes.", "Wait...", "What?"]),
        ("He paused... then went on.", ["He paused... then went on."]),
    ],
)
def test_quotations_and_end_marks(text, expected):
    assert nf.split_sentences(text) == expected


def test_runs_of_end_marks_are_one_boundary():
    # 40,000 stops between two sentences: one boundary after the run, not one per stop
    text = "Reporting by A" + "." * 40_000 + " The end."
    assert nf.split_sentences(text) == ["Reporting by A" + "." * 40_000, "The end."]
    assert nf.split_sentences("!" * 32_000) == ["!" * 32_000]
