"""The line model's run features, counted by hand on a page written for this test: a headline,
a short label, two paragraphs with another story's title between them, a third paragraph, and
a list of three related-story titles under a one-word label."""

from __future__ import annotations

import math

import numpy as np

from newsframe.lines import FEATURES, Evidence, line_features, pages_features

NAMES = [name for name, _, _ in FEATURES]

PAGE = [
    "Storm Hits Coast",  # 0: 3 words, no final stop
    "Share this article",  # 1: 3 words, no final stop
    "The storm hit the coast on Monday, officials said, and thousands lost power.",  # 2: prose
    "Flood Warning Issued For Three More River Towns",  # 3: 8 words, title case, no stop
    "Rescue crews worked through the night to reach people on the flooded roads.",  # 4: prose
    "Schools in the area will stay closed until the water goes down, the mayor said.",  # 5
    "Related",  # 6: 1 word
    "Man Bites Dog In Town",  # 7: 5 words
    "Dog Bites Back After Man",  # 8: 5 words
    "Weather Is Warm This Week",  # 9: 5 words
]
PROSE = {2, 4, 5}


def features() -> np.ndarray:
    evidence = [Evidence(sentence=k in PROSE) for k in range(len(PAGE))]
    return line_features(PAGE, evidence)


def col(x: np.ndarray, name: str) -> list[float]:
    return [round(v, 6) for v in x[:, NAMES.index(name)].tolist()]


def test_shape_run_counts_runs_of_fragments_of_similar_length():
    # fragments (no final stop, not prose): lines 0-1 (3 and 3 words: one run of 2), line 3 (a
    # run of 1 between paragraphs), line 6 (1 word: more than twice apart from the 5 words
    # below, so a run of its own) and lines 7-9 (5, 5, 5 words: a run of 3); prose lines get 0
    x = features()
    two, one, three = round(math.log1p(2), 6), round(math.log1p(1), 6), round(math.log1p(3), 6)
    assert col(x, "shape_run") == [two, two, 0.0, one, 0.0, 0.0, one, three, three, three]


def test_prose_near3_is_the_share_of_prose_lines_within_three():
    # line 0 sees lines 1-3 (one prose line of 3); line 3 sees 0-2 and 4-6 (prose 2, 4, 5: 3 of
    # 6); line 9 sees 6-8 (none); line 6 sees 3-5 and 7-9 (4 and 5: 2 of 6)
    x = features()
    got = col(x, "prose_near3")
    assert got[0] == round(1 / 3, 6)
    assert got[3] == 0.5
    assert got[6] == round(2 / 6, 6)
    assert got[9] == 0.0


def test_after_body_marks_lines_below_the_last_run_of_sentences():
    # the last run of two or more prose lines is lines 4-5; the label and the list below it
    # are after the body, the title between the paragraphs is not
    x = features()
    assert col(x, "after_body") == [0.0] * 6 + [1.0] * 4


def test_inset_title_is_a_long_fragment_between_two_paragraphs():
    # only line 3 is a title-like line of five words or more with prose right above and below
    x = features()
    assert col(x, "inset_title") == [0.0, 0.0, 0.0, 1.0] + [0.0] * 6


def test_a_page_without_prose_has_no_body_run():
    x = line_features(["Menu", "Home", "World News"], [Evidence()] * 3)
    assert col(x, "after_body") == [0.0, 0.0, 0.0]
    assert col(x, "prose_near3") == [0.0, 0.0, 0.0]
    # "Menu" and "Home" (one word each) run together; "World News" (two words) is within a
    # factor of two of one word by log1p (log 3 - log 2 < log 2)
    assert col(x, "shape_run") == [round(math.log1p(3), 6)] * 3


def test_shared_phrase_is_the_share_of_four_word_runs_found_on_another_line():
    # line 0 has 14 words (11 runs of four), line 1 17 (14 runs); they share the 11 words "was
    # among the 20 students killed when a gunman opened fire" (8 runs): 8/11 and 8/14; the
    # other lines share no run, and a line of under four words has none
    page = [
        "Jane Doe, 6, was among the 20 students killed when a gunman opened fire.",
        "Bob Roe, 7, was among the 20 students killed when a gunman opened fire at the school.",
        "The police said the gunman acted alone.",
        "Short",
    ]
    x = line_features(page, [Evidence()] * len(page))
    assert col(x, "shared_phrase") == [round(8 / 11, 6), round(8 / 14, 6), 0.0, 0.0]


def test_shared_phrase_reads_each_page_alone():
    # the same two lines on two pages of one batch share nothing across the pages
    a = ["Crowds gathered outside the palace on Friday to lay flowers."]
    b = ["Crowds gathered outside the palace on Friday to lay flowers."]
    x, _ = pages_features([(a, [Evidence()], None), (b, [Evidence()], None)])
    assert col(x, "shared_phrase") == [0.0, 0.0]
