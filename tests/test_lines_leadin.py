"""Lead-ins: a line ending with a colon that introduces the quotation or list below it stays
with the body (pages written for this test)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from newsframe.cleaning import clean_text
from newsframe.lines import Evidence, _Bounds, _lead_ins, line_features, load_line_model

LEDE = "Flood waters rose across the valley on Monday and hundreds of homes were evacuated."
QUOTE = '"We are doing everything we can to reach the families still cut off," she said.'


def lead_ins(lines: list[str], evidence: list[Evidence]) -> list[bool]:
    x = line_features(lines, evidence)
    return _lead_ins(x, _Bounds.of(np.array([0, len(lines)]))).tolist()


def test_lead_ins_counted_by_hand():
    lines = [
        "Valley Floods",  # a headline: no colon
        LEDE,  # a sentence
        "A short statement from the mayor's office states:",  # 8 words, a quotation below: yes
        QUOTE,
        "Here is the weekend guide for the valley:",  # a plain sentence below: no
        LEDE,
        "Watch:",  # one word: too short
        "- a video of the flooded bridge",
        "Sign up for our newsletter to get the latest:",  # tells the reader to act: no
        "- daily updates",
        "Read More About The Floods In Our Live Coverage:",  # title case, not lowercase: no
        "- the live page",
        "The council listed three things it still needs:",  # a list below: yes
        "- sandbags",
        "The mayor ended with a short message:",  # the last line of the page: no
    ]
    evidence = [Evidence()] * len(lines)
    evidence[8] = Evidence(imperative=True, address=True)
    expected = [False] * len(lines)
    expected[2] = expected[12] = True
    assert lead_ins(lines, evidence) == expected


def test_a_phrase_rule_outweighs_a_lead_in_and_the_rules_place_does_not():
    # a boilerplate phrase matched: not a lead-in; removed by the rules only for where it sits
    # (after what they took for the article's end): still a lead-in
    lines = ["The following statement was issued today:", QUOTE]
    phrase = [Evidence("chrome", phrase=True), Evidence(sentence=True)]
    placed = [Evidence("chrome"), Evidence(sentence=True)]
    assert lead_ins(lines, phrase) == [False, False]
    assert lead_ins(lines, placed) == [True, False]


def test_a_lead_in_stays_with_the_body_when_the_body_bias_is_low():
    # with the body bias at 0.75 the model alone takes "The fund listed three goals:" (five
    # words, no verb it knows, a colon) for chrome; as a lead-in it keeps the kept bias
    items = ("- patriotic education in schools", "- housing for servicemen", "- a new museum")
    page = f"Fund Sets Goals\n\n{LEDE}\n\nThe fund listed three goals:\n" + "\n".join(items)
    model = replace(load_line_model(), body_bias=0.75)
    result = clean_text(page + "\n\nShare\nTweet", method=model)
    assert result.paragraphs == (LEDE, "The fund listed three goals:", *items)
