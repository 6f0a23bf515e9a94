"""Picture evidence around a line (issue 18, seventeenth round; tried and not kept): a line
between two lines about pictures, the share of a page's lines about pictures, a caption's
grammar. A hand-made page whose values can be counted by eye."""

from __future__ import annotations

from newsframe.cleaning import page_evidence
from newsframe.lines import FEATURES, line_features

NAMES = [name for name, _, _ in FEATURES]
PAGE = """Flood waters rise across the valley
Photo: Jane Roe/Agency
Rescuers carry a child through the water in the town centre on Monday.
Credit: John Doe/Agency
The river burst its banks on Sunday night after three days of heavy rain, officials said.
More than 200 homes were flooded and the main road was closed, the council said.
"""


def _column(name: str) -> list[float]:
    lines, evidence = page_evidence(PAGE)
    x = line_features([n for _, _, n in lines], evidence)
    return x[:, NAMES.index(name)].tolist()


def test_a_caption_between_two_credits_is_between_pictures():
    # by hand: only line 3 has a credit within two lines above (line 2) and below (line 4)
    assert _column("between_pictures") == [0, 0, 1, 0, 0, 0]


def test_the_share_of_the_page_about_pictures():
    # by hand: the two credits and the caption (a picture verb) are about pictures: 3 of 6
    assert _column("page_pictures") == [0.5] * 6


def test_a_caption_describes_and_a_reported_sentence_does_not():
    # by hand: the headline and the caption have six words or more and no past form; the two
    # paragraphs report ("said", "were"); the credits are short
    assert _column("describes") == [1, 0, 1, 0, 0, 0]
