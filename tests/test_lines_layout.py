"""Layout and voice features of the line model (``newsframe.lines._LAYOUT``), each counted by
hand on a page written for the test: the voice a line speaks in, teaser lists (titles and
summaries that stand alone), the place of a line against the story's prose, captions next to
credits and pictures, and the page-type signals; the decoder's kept bias for sentences."""

from __future__ import annotations

import math
from dataclasses import replace

from test_lines import NAMES, _toy, _with_terms, col

from newsframe.lines import CLASSES, Evidence, decide, line_features

TITLES = [
    "Storm closes schools across the county",
    "Bridge reopens after a week of repairs",
    "Ferry service resumes on the north route",
]
SUMMARIES = [
    "Officials said the schools would stay shut until the roads were cleared.",
    "Engineers finished the repairs a day early, the council said on Friday.",
    "The first ferry left the harbour at dawn with forty passengers aboard.",
]


def test_the_voice_of_a_line():
    lines = [
        "I watched the water rise and my car floated away.",
        '"We will rebuild," the mayor said on Monday.',
        "Support our reporting and help us cover the storm.",
        "The US sent aid to the coast.",
        "Posted 3 hours ago",
        "harbour-storm.jpg",
        "July 5, 2021 Officials honour the victims",
        "Officials said on July 5 that the bridge would reopen.",
    ]
    x = line_features(lines, [Evidence()] * len(lines))
    # "I", "my"; a "we" inside quotation marks is the mayor's, not the site's; "US" is a country
    assert col(x, "first_person") == [1.0, 0, 0, 0, 0, 0, 0, 0]
    assert col(x, "site_voice") == [0.0, 0, 1, 0, 0, 0, 0, 0]
    assert col(x, "relative_time") == [0.0, 0, 0, 0, 1, 0, 0, 0]
    assert col(x, "image_file") == [0.0, 0, 0, 0, 0, 1, 0, 0]
    # a date among the first three words opens line 7; line 8's date comes later
    assert col(x, "starts_date") == [0.0, 0, 0, 0, 0, 0, 1, 0]


def _teasers() -> tuple[list[str], list[Evidence]]:
    lines = [line for pair in zip(TITLES, SUMMARIES, strict=True) for line in pair]
    return lines, [Evidence(), Evidence(sentence=True)] * 3


def test_a_teaser_list_of_titles_and_lone_summaries():
    lines, ev = _teasers()
    x = line_features(lines, ev)
    # the three titles are headline-like (6 to 7 words, no final stop): three on the page
    assert col(x, "page_headlines") == [round(math.log1p(3), 6)] * 6
    assert col(x, "headline_like") == [round(math.log1p(3), 6), 0.0] * 3
    # each summary stands alone between titles: all three prose lines are lone
    assert col(x, "lone_prose") == [0.0, 1.0] * 3
    assert col(x, "page_lone") == [1.0] * 6


def test_an_article_is_no_teaser_list():
    lines = [TITLES[0], *SUMMARIES, "The council will meet again on Monday to review the plans."]
    ev = [Evidence("headline")] + [Evidence(sentence=True)] * 4
    x = line_features(lines, ev)
    # a headline then a run of four prose lines: no sentence stands alone, one headline-like line
    assert col(x, "lone_prose") == [0.0] * 5 and col(x, "page_lone") == [0.0] * 5
    assert col(x, "page_headlines") == [round(math.log1p(1), 6)] * 5


def test_lines_before_and_after_the_story():
    lines = [
        "Menu",
        "Harbour piers damaged by storm waves in Ellen, engineers reported on Monday.",
        "Storm waves struck the harbour piers again overnight, engineers said in Ellen.",
        "Subscribe today for unlimited access to every article published online.",
        "Share",
    ]
    ev = [Evidence("chrome"), *[Evidence(sentence=True)] * 3, Evidence("chrome")]
    x = line_features(lines, ev)
    # lines 2 and 3 share their words (harbour, piers, storm ...) with the page's core; the
    # pitch shares none, so the story's prose ends at line 3 and starts at line 2
    assert col(x, "topic_core")[3] == 0.0 and min(col(x, "topic_core")[1:3]) > 0
    assert col(x, "after_story") == [0.0, 0.0, 0.0, 1.0, 1.0]
    assert col(x, "before_story") == [1.0, 0.0, 0.0, 0.0, 0.0]


def test_a_caption_sits_next_to_a_credit_and_a_picture():
    lines = [
        "Officials said the harbour would stay closed.",
        "Rescuers search the rubble of the harbour.",
        "Jane Roe/AP",
        "Power was restored to most homes by Tuesday.",
    ]
    ev = [Evidence(sentence=True), Evidence(), Evidence(credit=True), Evidence(sentence=True)]
    x = line_features(lines, ev)
    assert col(x, "caption_verb") == [0.0, 1.0, 0.0, 0.0]  # only line 2 describes a picture
    assert col(x, "near_credit") == [0.0, 1.0, 0.0, 1.0]  # next to the credit (line 3)
    assert col(x, "near_picture") == [1.0, 0.0, 1.0, 0.0]  # next to line 2


def test_a_page_of_dated_lines():
    dated = ["July 5, 2021 Storm closes schools", "Officials said the schools would shut.",
             "July 4, 2021 Bridge reopens early", "Engineers finished the repairs early."]  # fmt: skip
    x = line_features(dated, [Evidence()] * 4)
    assert col(x, "starts_date") == [1.0, 0.0, 1.0, 0.0]
    assert col(x, "page_dated") == [0.5] * 4  # two of four lines open with a date


def test_a_layout_feature_moves_a_line_and_says_why():
    lines = ["The storm hit the coast on Monday.", "We need your support to keep reporting.",
             "Power was cut to many homes."]  # fmt: skip
    model = _toy(10.0, 1.0)
    assert [label for label, _ in decide(lines, [Evidence()] * 3, model=model)] == ["body"] * 3
    weights = model.weights.copy()
    weights[CLASSES.index("chrome"), NAMES.index("site_voice")] = 6.0
    model = replace(model, weights=weights)
    out = decide(lines, [Evidence()] * 3, model=model)
    assert [label for label, _ in out] == ["body", "chrome", "body"]
    assert "speaks for the site (we, our, us)" in out[1][1]


def test_the_kept_bias_can_ask_for_a_sentence():
    lines = ["The storm hit the coast on Monday.", "Get our newsletter every morning",
             "Power was cut to many homes."]  # fmt: skip
    terms = _with_terms({"newsletter": 6.0}, kept_bias=8.0)
    ev = [Evidence(), Evidence(), Evidence()]
    # the term makes the middle line chrome by 6 - 1 = 5 nats; a kept bias of 8 keeps it ...
    assert decide(lines, ev, model=terms)[1][0] == "body"
    # ... unless the bias is only for lines that read as sentences, and this one does not
    prose_only = replace(terms, kept_prose=True)
    assert decide(lines, ev, model=prose_only)[1][0] == "chrome"
    ev[1] = Evidence(sentence=True)
    assert decide(lines, ev, model=prose_only)[1][0] == "body"
