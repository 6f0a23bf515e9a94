"""Lead-ins: a line ending with a colon that introduces the quotation or list below it stays
with the body (pages written for this test)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from newsframe.cleaning import clean_text
from newsframe.lines import Evidence, _Bounds, _lead_ins, line_features, load_line_model

LEDE = "Flood waters rose across the valley on Monday and hundreds of homes were evacuated."
QUOTE = '"We are doing everything we can to reach the families still cut off," she said.'


def test_lead_ins_counted_by_hand():
    lines = [
        "Valley Floods",  # a headline: no colon
        LEDE,  # a sentence
        "A short statement from the mayor's office states:",  # 8 words, colon, lowercase: yes
        QUOTE,
        "Watch:",  # one word: too short
        "Sign up for our newsletter to get the latest:",  # tells the reader to act: no
        "Read More About The Floods In Our Live Coverage:",  # title case, not lowercase: no
        "The council listed three things it still needs:",  # the last line of the page: no
    ]
    evidence = [Evidence("headline"), Evidence(sentence=True), Evidence(), Evidence(sentence=True),
                Evidence(), Evidence(imperative=True, address=True), Evidence(), Evidence()]  # fmt: skip
    x = line_features(lines, evidence)
    got = _lead_ins(x, _Bounds.of(np.array([0, len(lines)])))
    assert got.tolist() == [False, False, True, False, False, False, False, False]


def test_a_lead_in_the_rules_remove_is_not_one():
    lines = ["The following statement was issued today:", LEDE]
    x = line_features(lines, [Evidence("chrome", phrase=True), Evidence(sentence=True)])
    assert _lead_ins(x, _Bounds.of(np.array([0, 2]))).tolist() == [False, False]


def test_a_lead_in_stays_with_the_body_when_the_body_bias_is_low():
    # with the body bias at 0.75 the model alone takes "The fund listed three goals:" (five
    # words, no verb it knows, a colon) for chrome; as a lead-in it keeps the kept bias
    items = ("- patriotic education in schools", "- housing for servicemen", "- a new museum")
    page = f"Fund Sets Goals\n\n{LEDE}\n\nThe fund listed three goals:\n" + "\n".join(items)
    model = replace(load_line_model(), body_bias=0.75)
    result = clean_text(page + "\n\nShare\nTweet", method=model)
    assert result.paragraphs == (LEDE, "The fund listed three goals:", *items)
