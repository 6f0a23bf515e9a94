"""The line model: features counted by hand, a decoder with hand-set weights, the shipped data
files, and the ``method="model"`` hook of ``clean_text`` on pages written for these tests."""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from toy_decoder import toy_decoder

from newsframe.cleaning import clean_text, load_rules
from newsframe.errors import InputError
from newsframe.lines import (
    CLASSES,
    FEATURES,
    STATES,
    Evidence,
    LineModel,
    _best_headline,
    _Bounds,
    _lead_headlines,
    _list_items,
    _pictured,
    decide,
    line_features,
    line_terms,
    load_line_model,
    state_sequence,
)
from newsframe.resources import read_text

NAMES = [name for name, _, _ in FEATURES]


def col(x: np.ndarray, name: str) -> list[float]:
    return [round(v, 6) for v in x[:, NAMES.index(name)].tolist()]


def test_shallow_features_counted_by_hand():
    # "The storm hit the coast.": 5 words, 2 stopwords ("the" twice), a final stop, and all 4
    # words after the first in lowercase
    lines = ["The storm hit the coast.", "SHARE | TWEET", "Photo: Jane Roe/AP"]
    x = line_features(lines, [Evidence(sentence=True), Evidence("chrome"), Evidence("caption")])
    assert col(x, "words") == [
        round(math.log1p(5), 6),
        round(math.log1p(2), 6),
        round(math.log1p(4), 6),
    ]
    assert col(x, "stopwords") == [0.4, 0.0, 0.0]
    assert col(x, "final_stop") == [1.0, 0.0, 0.0]
    assert col(x, "lowercase") == [1.0, 0.0, 0.0]
    assert col(x, "capitals") == [0.0, 1.0, 0.0]
    assert col(x, "separators") == [0.0, 1.0, 0.0]
    assert col(x, "photo_word") == [0.0, 0.0, 1.0]
    assert col(x, "rule_caption") == [0.0, 0.0, 1.0]
    # neighbours: the middle line sits between a body sentence and a caption
    assert col(x, "prev_sentence") == [0.0, 1.0, 0.0]
    assert col(x, "next_none") == [0.0, 0.0, 1.0]
    assert col(x, "position") == [0.0, 0.5, 1.0]


def test_a_line_repeated_on_the_page_and_across_the_outlet():
    x = line_features(
        ["Read more", "A fact.", "Read more"], [Evidence(), Evidence(), Evidence(repeats=3)]
    )
    assert col(x, "repeated_page") == [1.0, 0.0, 1.0]
    assert col(x, "repeated_outlet") == [0.0, 0.0, round(math.log1p(3), 6)]


def test_state_sequence_of_a_labelled_page():
    labels = ["chrome", "chrome", "headline", "byline", "body", "caption", "body", "body", "chrome"]
    assert state_sequence(labels) == [
        "before", "before", "headline", "inbody", "body", "inbody", "body", "body", "after",
    ]  # fmt: skip
    assert state_sequence(["body", "chrome"]) == ["body", "after"]
    assert state_sequence(["chrome", "chrome"]) == ["before", "before"]


def _toy(chrome_weight: float, body_bias: float) -> LineModel:
    """A model by hand: only the rules' chrome verdict moves a line from body to chrome."""
    n = len(FEATURES)
    weights = np.zeros((len(CLASSES), n))
    weights[CLASSES.index("chrome"), NAMES.index("rule_chrome")] = chrome_weight
    intercept = np.array([0.0, -20.0, -1.0, -20.0, -20.0])
    start, trans = toy_decoder()
    return LineModel(
        np.zeros(n), np.ones(n), weights, intercept, start, trans, body_bias, 0.0, "toy"
    )


def test_decoder_by_hand():
    lines = ["Menu", "A line of the story.", "Advertisement", "Another line.", "Sign in"]
    ev = [Evidence("chrome"), Evidence(), Evidence("chrome"), Evidence(), Evidence("chrome")]
    # chrome weight 10: on a chrome verdict p(chrome) ~ 1, elsewhere p(body) = 1/(1+e^-1) = 0.73.
    # From the body at line 2 (each allowed move 1/3 here), by hand: going on to the chrome after
    # the body at line 3 and staying there scores log(1/3) + log(0.27) = -2.41; in-body chrome at
    # line 3 and body again at line 4 scores 3 log(1/3) + log(0.73) + bias = -3.61 + bias. Without
    # a body bias, or with 1, the last sentence goes ...
    for bias in (0.0, 1.0):
        labels = [label for label, _ in decide(lines, ev, model=_toy(10.0, bias))]
        assert labels == ["chrome", "body", "chrome", "chrome", "chrome"]
    # ... with a body bias of 2 (-1.61 against -2.41) it stays
    labels = [label for label, _ in decide(lines, ev, model=_toy(10.0, 2.0))]
    assert labels == ["chrome", "body", "chrome", "body", "chrome"]
    # a body bias of 20 outweighs any evidence: nothing is removed (body first)
    assert {label for label, _ in decide(lines, ev, model=_toy(10.0, 20.0))} == {"body"}


def test_every_removal_says_why():
    lines = ["Menu", "A line of the story.", "Sign in"]
    ev = [Evidence("chrome"), Evidence(), Evidence("chrome")]
    out = decide(lines, ev, model=_toy(10.0, 0.0))
    assert out[1] == ("body", "")
    assert "the rules remove it" in out[0][1]


def test_shipped_model_files_are_complete_and_diffable():
    model = load_line_model()
    assert model.weights.shape == (len(CLASSES), len(FEATURES))
    assert model.source == "newsframe/data/line_model.csv"
    # a move from the chrome after the body back into the body is not allowed
    assert model.transitions[STATES.index("after"), STATES.index("body")] == -math.inf
    assert model.body_bias >= 0 and model.sentence_bias >= 0
    # the shipped model is the logistic one (the decoder file says trees = false)
    assert model.trees is None and model.kept_words >= 0


def test_a_broken_model_file_names_the_file(tmp_path: Path):
    bad = tmp_path / "model.csv"
    bad.write_text("feature,mean\nwords,1\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"model\.csv"):
        load_line_model(bad)


PAGE = """Home | World | Business

Harbour Closed After Storm Damage

By Ann Writer

The harbour at Port Ellen was closed on Monday after a storm damaged two piers, the port authority said.

Engineers will inspect the piers on Tuesday, and ferries will use the north quay until then.

The authority said no one was hurt. [Coastline News]

Sign up for our morning newsletter

Related stories
"""


def test_model_method_keeps_the_body_and_splits_off_a_glued_credit():
    result = clean_text(PAGE, method="model")
    assert result.title == "Harbour Closed After Storm Damage"
    assert result.paragraphs == (
        "The harbour at Port Ellen was closed on Monday after a storm damaged two piers, the port authority said.",
        "Engineers will inspect the piers on Tuesday, and ferries will use the north quay until then.",
        "The authority said no one was hurt.",
    )
    parts = [r for r in result.removed if r.part]
    assert [(r.line_no, r.text) for r in parts] == [(11, "[Coastline News]")]


def test_model_method_with_a_given_title():
    result = clean_text(PAGE, method="model", title="Harbour Closed After Storm Damage")
    assert result.title == "Harbour Closed After Storm Damage"
    assert (3, "headline") in [(r.line_no, r.reason) for r in result.removed]


def test_a_users_rule_still_removes_its_outlets_line(tmp_path: Path):
    page = PAGE.replace("Sign up for our morning newsletter", "Coastline Extra: the tide tables")
    default, _ = read_text(None, "boilerplate.toml")
    rules = tmp_path / "rules.toml"
    rules.write_text(
        default
        + '\n[[line]]\nreason = "outlet tide box"\npattern = "^coastline extra:"\nmax_words = 8\n'
        "strong = true\n",
        encoding="utf-8",
    )
    result = clean_text(page, method="model", rules=load_rules(rules))
    assert ("Coastline Extra: the tide tables", "outlet tide box") in [
        (r.text, r.reason) for r in result.removed
    ]


def test_method_must_be_known():
    with pytest.raises(InputError, match="method"):
        clean_text(PAGE, method="neural")


def test_the_default_method_is_the_line_model():
    # the rules call the byline a label; the model removes it with its own reason in words
    page = "Putin Visits Japan\n\nJustin McCurry in Tokyo\n\n" + "\n\n".join(
        ["Russian and Japanese officials met in Moscow on Tuesday for talks on the islands.",
         "The talks ended without agreement, both sides said in separate statements."]
    )  # fmt: skip
    rules = clean_text(page, method="rules")
    assert [r.reason for r in rules.removed][1] == "byline, date or section label"
    assert clean_text(page) == clean_text(page, method="model") != rules


def test_a_model_with_other_weights_can_be_passed():
    strict = replace(load_line_model(), body_bias=50.0, sentence_bias=50.0)
    result = clean_text(PAGE, method=strict)
    # with that much body bias, only the phrase rules and the headline remove anything
    assert (
        "Engineers will inspect the piers on Tuesday, and ferries will use the north quay until then."
        in result.paragraphs
    )


def test_clean_command_and_loaders_take_the_method(tmp_path: Path, capsys):
    from newsframe.cli import main
    from newsframe.corpus import load_article, load_corpus

    page = tmp_path / "harbour.txt"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["clean", str(page), "--method", "model"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Harbour Closed After Storm Damage\n\n")
    assert "Sign up for our morning newsletter" not in out
    article = load_article(page, method="model")
    assert article.paragraphs == clean_text(PAGE, method="model").paragraphs
    assert load_corpus(tmp_path, method="model")[0].paragraphs == article.paragraphs


def test_line_terms_by_hand():
    # lowercase words, a number as 0, then the word pairs; each once, in order
    assert line_terms("Sign up: Sign up for 2 newsletters") == (
        "sign", "up", "for", "0", "newsletters",
        "sign up", "up sign", "up for", "for 0", "0 newsletters",
    )  # fmt: skip
    # only the opening words count (a pitch says what it is at once)
    many = " ".join(f"w{i}" for i in range(40))
    assert line_terms(many)[:3] == ("w0", "w1", "w2")
    assert "w20" not in line_terms(many)


def test_neighbourhood_features_counted_by_hand():
    lines = ["Menu", "Storm hits the coast", "The storm hit the coast on Monday.",
             "Power was cut to many homes.", "Share"]  # fmt: skip
    ev = [Evidence("chrome"), Evidence("headline"), Evidence(sentence=True),
          Evidence(sentence=True), Evidence("chrome")]  # fmt: skip
    x = line_features(lines, ev)
    # lines within two either side, the line itself left out: line 1 sees lines 2-3 (one
    # sentence of two), line 3 sees lines 1, 2, 4, 5 (one of four), line 5 lines 3-4 (two of two)
    assert col(x, "near_sentences") == [0.5, round(2 / 3, 6), 0.25, round(1 / 3, 6), 1.0]
    assert col(x, "near_chrome") == [0.0, round(1 / 3, 6), 0.5, round(1 / 3, 6), 0.0]
    # words relative to the page's median (log1p of 1, 4, 7, 6, 1 words: median log1p(4))
    assert col(x, "relative_words")[1] == 0.0
    assert col(x, "relative_words")[2] == round(math.log1p(7) - math.log1p(4), 6)


def _with_terms(terms: dict[str, float], **biases: float) -> LineModel:
    """The toy model (body bias 1) with a vocabulary: each term adds its weight to the chrome
    score."""
    tw = np.zeros((len(CLASSES), len(terms)))
    tw[CLASSES.index("chrome")] = list(terms.values())
    return replace(_toy(10.0, 1.0), terms=tuple(terms), term_weights=tw, **biases)


def test_a_term_moves_a_line_and_is_named_in_the_reason():
    lines = ["The storm hit the coast on Monday.", "Get our newsletter every morning",
             "Power was cut to many homes."]  # fmt: skip
    ev = [Evidence(), Evidence(), Evidence()]
    # without terms every line is body (the toy's intercepts: body 0, chrome -1; body bias 1)
    assert [label for label, _ in decide(lines, ev, model=_toy(10.0, 1.0))] == ["body"] * 3
    out = decide(lines, ev, model=_with_terms({"newsletter": 6.0}))
    assert [label for label, _ in out] == ["body", "chrome", "body"]
    assert 'the words "newsletter"' in out[1][1]


def test_kept_bias_keeps_what_the_rules_keep():
    lines = ["The storm hit the coast on Monday and cut power to the town.",
             "Get our storm newsletter every morning",
             "Power was cut to many homes along the coast until Tuesday."]  # fmt: skip
    ev = [Evidence(sentence=True), Evidence(), Evidence(sentence=True)]
    # the term makes the middle line chrome by 6 - 1 = 5 nats against 1 of body bias; a kept
    # bias of 8 on a line the rules keep outweighs that, one of 1 does not (the line is on
    # the story, "storm", and between two sentences: the second look leaves it)
    assert (
        decide(lines, ev, model=_with_terms({"newsletter": 6.0}, kept_bias=1.0))[1][0] == "chrome"
    )
    assert decide(lines, ev, model=_with_terms({"newsletter": 6.0}, kept_bias=8.0))[1][0] == "body"


def test_second_look_at_what_only_the_kept_bias_kept():
    story = ["The storm hit the coast on Monday and cut power to the town.",
             "Power was cut to many homes along the coast until Tuesday."]  # fmt: skip
    model = _with_terms({"newsletter": 6.0, "comments": 6.0}, kept_bias=8.0)
    # not a sentence, no word of the story ("newsletter", "morning"), between two sentences:
    # the model takes it for chrome by 5 nats, the kept bias alone kept it; it goes, and says why
    lines = [story[0], "Get our newsletter every morning", story[1]]
    out = decide(lines, [Evidence(sentence=True), Evidence(), Evidence(sentence=True)], model=model)
    assert [label for label, _ in out] == ["body", "chrome", "body"]
    assert out[1][1].startswith("second look: ")
    assert "does not read as a sentence" in out[1][1] and "no word of the page's story" in out[1][1]
    # a sentence goes only when it is off the story and outside the article: after the last
    # sentence it goes; between the two sentences the same line stays
    policy = "Your comments are read by our editors before they appear here."
    ev = [Evidence(sentence=True)] * 3
    out = decide([*story, policy], ev, model=model)
    assert [label for label, _ in out] == ["body", "body", "chrome"]
    assert "reads as a sentence" in out[2][1] and "after the article's last sentence" in out[2][1]
    assert decide([story[0], policy, story[1]], ev, model=model)[1][0] == "body"
    # on the story, not a sentence, between two sentences: the bias stands
    on_story = [story[0], "Get our storm newsletter every morning", story[1]]
    ev = [Evidence(sentence=True), Evidence(), Evidence(sentence=True)]
    assert decide(on_story, ev, model=model)[1][0] == "body"
    # after the last sentence, on the story, not a sentence: its place alone takes it, unless
    # it is as long as a paragraph (whose ending is broken); above the first sentence its
    # place takes only a line that shares no word with the lede (a standfirst sits there)
    label = "Get our storm newsletter for the coast"
    out = decide([*story, label], [*ev[:1], ev[2], ev[1]], model=model)
    assert out[2][0] == "chrome" and "after the article's last sentence" in out[2][1]
    long = " ".join(["Get our storm newsletter for the coast"] * 5)
    assert decide([*story, long], [*ev[:1], ev[2], ev[1]], model=model)[2][0] == "body"
    above = [label, *story]
    assert decide(above, [ev[1], ev[0], ev[2]], model=model)[0][0] == "body"
    # repeated on other pages of the outlet: a line that is no sentence goes even on the story
    # and between two sentences; a sentence on the story stays after the last one (a
    # background paragraph recurs from story to story)
    again = Evidence(repeats=2)
    out = decide(on_story, [ev[0], again, ev[2]], model=model)
    assert out[1][0] == "chrome" and "repeated on other pages of this outlet" in out[1][1]
    background = "Our newsletter said the storm hit the coast and the town on Monday."
    out = decide([*story, background], [ev[0], ev[2], again._replace(sentence=True)], model=model)
    assert out[2][0] == "body"
    # a line the model alone keeps is never looked at: without the term it is body, off story
    assert decide(lines, ev, model=_with_terms({"other": 6.0}, kept_bias=8.0))[1][0] == "body"


def test_a_news_sentence_without_its_final_stop_needs_the_second_looks_strong_evidence():
    story = ["The storm hit the coast on Monday and cut power to the town.",
             "Power was cut to many homes along the coast until Tuesday."]  # fmt: skip
    model = _with_terms({"here": 6.0}, kept_bias=8.0)
    sentences = [Evidence(sentence=True)] * 2
    # a lead-in of nine words with a verb, mostly lowercase, ending with a colon, no word of the
    # story ("know", "injured", "people"), between two sentences: it reads as a news sentence,
    # so being off the story is not enough; it stays (before, "does not read as a sentence")
    lead_in = "Here is what we know about the injured people:"
    out = decide([story[0], lead_in, story[1]], [sentences[0], Evidence(), sentences[1]],
                 model=model)  # fmt: skip
    assert [label for label, _ in out] == ["body", "body", "body"]
    # after the article's last sentence the same line is off the story and outside: it goes
    out = decide([*story, lead_in], [*sentences, Evidence()], model=model)
    assert out[2][0] == "chrome" and "reads as a sentence" in out[2][1]
    # a label of five words is no news sentence: off the story, it goes between two sentences
    label = "Here is the weekend guide:"
    out = decide([story[0], label, story[1]], [sentences[0], Evidence(), sentences[1]],
                 model=model)  # fmt: skip
    assert out[1][0] == "chrome" and "does not read as a sentence" in out[1][1]


def test_a_summary_point_stays_with_the_points_the_body_keeps():
    story = ["The storm hit the coast on Monday and cut power to the town.",
             "Power was cut to many homes along the coast until Tuesday."]  # fmt: skip
    model = _with_terms({"ann": 6.0}, kept_bias=8.0)
    points = ["- Three people were hurt when the storm hit the coast",
              "- Ann Lee, 29, and Bob Roe, 41, among the dead in the town"]  # fmt: skip
    ev = [Evidence(), Evidence(), Evidence(sentence=True), Evidence(sentence=True)]
    # the second point shares one word ("town") of its six with the lede, once (cosine
    # 1 / sqrt(6 * 21) = 0.089, under 0.1: the lede's word counts are storm, hit, monday, town,
    # many, homes, along, tuesday 1 and coast, cut, power 2) and sits above the article: its
    # place would take it, but the point before it is kept body, so it stays
    out = decide([*points, *story], ev, model=model)
    assert [label for label, _ in out] == ["body"] * 4
    # alone above the article (no kept point beside it) it goes by its place
    out = decide([points[1], *story], ev[1:], model=model)
    assert out[0][0] != "body" and "before the article's first sentence" in out[0][1]


def test_reasons_only_for_the_lines_asked():
    lines = ["Menu", "A line of the story.", "Sign in"]
    ev = [Evidence("chrome"), Evidence(), Evidence("chrome")]
    out = decide(lines, ev, model=_toy(10.0, 0.0), explain=[False, True, True])
    assert [label for label, _ in out] == ["chrome", "body", "chrome"]
    assert out[0][1] == "" and "the rules remove it" in out[2][1]


def test_topicality_features_counted_by_hand():
    lines = [
        "Harbour storm damage",  # the rules' headline
        "The storm damaged the harbour piers at dawn, officials said.",
        "Subscribe today and support independent journalism with a gift.",
        "Ferries used the harbour quay while engineers checked the piers.",
    ]
    ev = [Evidence("headline"), Evidence(sentence=True), Evidence(sentence=True),
          Evidence(sentence=True)]  # fmt: skip
    x = line_features(lines, ev)
    # content words (three letters or more, no stopwords): headline {harbour, storm, damage};
    # line 2 {storm, damaged, harbour, piers, dawn, officials, said}: shares storm and harbour
    # with the headline, cosine 2 / sqrt(7 * 3); line 3 shares nothing
    head = col(x, "topic_headline")
    assert head[0] == 0.0  # the headline itself is left out
    assert head[1] == round(2 / math.sqrt(7 * 3), 6) and head[2] == 0.0
    # words found in another prose line: line 2 has harbour and piers in line 4 (2 of 7),
    # line 4 {ferries, used, harbour, quay, engineers, checked, piers} the same two (2 of 7),
    # line 3 none; the headline (no prose) has harbour and storm in prose lines (2 of 3)
    assert col(x, "topic_page") == [round(2 / 3, 6), round(2 / 7, 6), 0.0, round(2 / 7, 6)]
    assert col(x, "no_headline") == [0.0] * 4
    assert col(x, "page_prose") == [0.75] * 4  # three of four lines are prose
    x = line_features(lines[1:], ev[1:])
    assert col(x, "no_headline") == [1.0] * 3 and col(x, "topic_headline") == [0.0] * 3


def test_caption_features_by_hand():
    lines = [
        "Rescue workers search the rubble in the old town. (Jane Roe/AP)",
        "The mayor said rescuers would search the old town on Monday.",
        "Smoke billows over the port. Credit: AP",
        "He wants to search for his brother.",
    ]
    x = line_features(lines, [Evidence()] * 4)
    assert col(x, "credit_end") == [1.0, 0.0, 1.0, 0.0]
    # "search" after "workers" tells what a picture shows; after "would" or "to" it does not
    assert col(x, "caption_verb") == [1.0, 0.0, 1.0, 0.0]
    assert col(x, "attribution") == [0.0, 1.0, 0.0, 0.0]


def test_a_caption_echoed_as_alt_text():
    lines = ["A dog rests on the beach after the fire.", "The fire burned for days.",
             "A dog rests on the beach after the fire. Photo: Jane Roe", "Read more here",
             "Officials said the fire was out.", "Help", "Help", "The town began to rebuild."]  # fmt: skip
    x = line_features(lines, [Evidence()] * len(lines))
    # lines 1 and 3 share their opening (and one holds the other); lines of fewer than three
    # words ("Help") never echo; line 8 is more than three lines from line 3
    assert col(x, "echoed") == [1.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0]


def test_kept_bias_skips_fragments():
    lines = ["The storm hit the coast on Monday and cut power to the town.",
             "Our storm newsletter", "Power was cut to many homes along the coast."]  # fmt: skip
    ev = [Evidence(sentence=True), Evidence(), Evidence(sentence=True)]
    # the middle line has three words: a kept bias of 8 saves it unless fragments of fewer
    # than four words get none (on the story, between two sentences: no second look takes it)
    model = _with_terms({"newsletter": 6.0}, kept_bias=8.0)
    assert decide(lines, ev, model=model)[1][0] == "body"
    assert decide(lines, ev, model=replace(model, kept_words=4))[1][0] == "chrome"


TREES = """\
# a hand-made ensemble: one tree for chrome on the rules' chrome verdict
tree,class,node,feature,threshold,left,right,value
baseline,body,,,,,,0
baseline,headline,,,,,,-20
baseline,chrome,,,,,,-1
baseline,caption,,,,,,-20
baseline,byline,,,,,,-20
0,chrome,0,rule_chrome,0.5,1,2,
0,chrome,1,,,,,0
0,chrome,2,,,,,10
"""


def test_trees_read_from_plain_data_decide_the_lines(tmp_path: Path):
    path = tmp_path / "trees.csv"
    path.write_text(TREES, encoding="utf-8")
    model = load_line_model(trees=path)
    assert model.trees is not None and model.trees.depth == 1
    lines = ["Menu", "A line of the story.", "Advertisement", "Another line.", "Sign in"]
    ev = [Evidence("chrome"), Evidence(), Evidence("chrome"), Evidence(), Evidence("chrome")]
    x = line_features(lines, ev)
    # the scores are the trees' alone: chrome -1 + 10 = 9 on a chrome verdict, else -1
    logp = model.log_proba(x)
    assert logp[0, CLASSES.index("chrome")] == pytest.approx(9 - np.log(1 + np.exp(9) + 3e-9))
    assert logp[1, CLASSES.index("body")] == pytest.approx(-np.log(1 + np.exp(-1) + 3e-9))
    # the tree gives the probabilities of the hand-set logistic toy (chrome weight 10, body
    # bias 0): with the toy's decoder, the labels worked out in test_decoder_by_hand
    stacked = replace(_toy(0.0, 0.0), trees=model.trees)
    labels = [label for label, _ in decide(lines, ev, model=stacked)]
    assert labels == ["chrome", "body", "chrome", "chrome", "chrome"]


def test_a_broken_tree_file_names_the_file(tmp_path: Path):
    bad = tmp_path / "trees.csv"
    bad.write_text(TREES.replace("rule_chrome", "no_such_feature"), encoding="utf-8")
    with pytest.raises(InputError, match=r"trees\.csv.*malformed"):
        load_line_model(trees=bad)
    bad.write_text("tree,node\n0,0\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"trees\.csv.*columns"):
        load_line_model(trees=bad)


def test_a_headline_the_rules_keep_is_not_held_in_the_body_by_the_kept_bias():
    lines = ["Storm floods the harbour town overnight",
             "The storm flooded the harbour town overnight and closed the main road, officials said.",
             "Power was cut to many homes, the utility said."]  # fmt: skip
    ev = [Evidence(), Evidence(sentence=True), Evidence(sentence=True)]
    # intercepts body 0, headline 1.5: every line's headline score is 1.5 nats above its body
    # score; body bias 1, kept bias 3 on lines of five words or more the rules keep. The first
    # line (six words, no final stop, above the first prose line) as headline against as body,
    # the same moves after it (each allowed move 1/3): 1.5 + 3 = 4.5 against 0 + 1 + 3 = 4, so
    # it is the headline; without the kept bias on its headline score, 1.5 against 4: body.
    model = replace(_toy(10.0, 1.0), intercept=np.array([0.0, 1.5, -1.0, -20.0, -20.0]),
                    kept_bias=3.0, kept_words=5)  # fmt: skip
    assert [label for label, _ in decide(lines, ev, model=model)] == ["headline", "body", "body"]
    # a page that opens with its prose has no lead: no line there is taken for the headline
    out = decide([*lines[1:], "Schools stay closed until further notice"], [*ev[1:], Evidence()],
                 model=model)  # fmt: skip
    assert [label for label, _ in out] == ["body", "body", "body"]


def test_headline_shaped_lines_of_the_lead_by_hand():
    lines = ["WATCH LIVE", "March 3, 2024 10:15", "Storm floods the harbour town overnight",
             "Residents flee as the river floods streets.",
             "The storm flooded the harbour town overnight and closed the main road, officials said.",
             "More rain is expected"]  # fmt: skip
    ev = [Evidence(), Evidence(), Evidence(), Evidence(sentence=True), Evidence(sentence=True),
          Evidence()]  # fmt: skip
    x = line_features(lines, ev)
    long = x[:, NAMES.index("words")] >= math.log1p(8)
    bounds = _Bounds.of(np.array([0, len(lines)]))
    got = _lead_headlines(x, bounds, long, np.zeros(6, dtype=bool))
    # capitals, a date, a headline, a short sentence (seven words: not yet prose, but a final
    # stop), the first prose line (eight words or more, a sentence), a line after it
    assert got.tolist() == [False, False, True, False, False, False]
    # when the rules take the date line for the headline, the lead ends there: the line below
    # it (a standfirst under its headline) is no candidate
    ruled = np.array([False, True, False, False, False, False])
    assert not _lead_headlines(x, bounds, long, ruled).any()
    # a sentence of prose that tells the reader to act opens no body: the lead goes on
    skip = "Please view the main text area of the page by skipping the main menu."
    x = line_features([skip, *lines], [Evidence(sentence=True, imperative=True), *ev])
    long = x[:, NAMES.index("words")] >= math.log1p(8)
    got = _lead_headlines(x, _Bounds.of(np.array([0, 7])), long, np.zeros(7, dtype=bool))
    assert got.tolist() == [False, False, False, True, False, False, False]


def test_list_items_the_body_introduces_by_hand():
    lines = ["The fund listed three goals:", "- schools", "- housing", "A new line of prose.",
             "- not under a colon", "Related:", "- another story", "Goals:", "- roads"]  # fmt: skip
    ev = [Evidence(), Evidence(), Evidence(), Evidence(sentence=True), Evidence(),
          Evidence("label"), Evidence(), Evidence(), Evidence()]  # fmt: skip
    x = line_features(lines, ev)
    # two pages: the first five lines, then the last four
    got = _list_items(x, _Bounds.of(np.array([0, 5, 9]))).tolist()
    # under a kept colon line: both items; a bullet under prose: no; under "Related:", which
    # the rules remove: no; the second page's "Goals:" is kept, its item is one
    assert got == [False, True, True, False, False, False, False, False, True]
    # the same lines as one page from "- not under a colon": a bullet at a page's top has no
    # introduction above it on its page
    assert _list_items(x, _Bounds.of(np.array([0, 4, 9]))).tolist()[4] is False


def test_the_title_moves_to_the_leads_likeliest_headline_by_hand():
    s = {name: k for k, name in enumerate(STATES)}
    path = np.array([s["headline"], s["inbody"], s["inbody"], s["body"], s["body"],  # page 1
                     s["headline"], s["body"], s["body"],  # page 2
                     s["before"], s["body"]])  # page 3  # fmt: skip
    head = np.log([0.4, 0.1, 0.7, 0.01, 0.01, 0.6, 0.9, 0.1, 0.9, 0.1])
    got = _best_headline(path, head, _Bounds.of(np.array([0, 5, 8, 10])), np.ones(10))
    # page 1: its headline (0.4) is less likely one than not; of the lines above its first
    # body line (0.4, 0.1, 0.7) the third is likeliest: it takes the headline, the first line
    # becomes chrome before the body; page 2's headline (0.6) stands, though a body line
    # (0.9) reads more like one; page 3 has no headline and gets none
    names = [STATES[k] for k in got.tolist()]
    assert names == ["before", "inbody", "headline", "body", "body",
                     "headline", "body", "body", "before", "body"]  # fmt: skip


def test_the_title_moves_off_a_site_name_to_a_likely_headline_about_the_story_by_hand():
    s = {name: k for k, name in enumerate(STATES)}
    path = np.array([s["headline"], s["inbody"], s["body"],  # page 1
                     s["headline"], s["inbody"], s["body"],  # page 2
                     s["headline"], s["inbody"], s["body"]])  # page 3  # fmt: skip
    head = np.log([0.95, 0.6, 0.01, 0.95, 0.4, 0.01, 0.95, 0.6, 0.01])
    topic = np.array([0.0, 0.2, 0.5, 0.0, 0.2, 0.5, 0.3, 0.2, 0.5])  # share of core words
    got = _best_headline(path, head, _Bounds.of(np.array([0, 3, 6, 9])), topic)
    # page 1: the decoder's headline (0.95) shares no word with the densest prose, the next
    # line (0.6, more likely a headline than not) does: the title moves to it; page 2: the
    # line below is less likely a headline than not (0.4), the title stays; page 3: the
    # decoder's headline is about the story, it stays though another line is too
    names = [STATES[k] for k in got.tolist()]
    assert names == ["before", "headline", "body", "headline", "inbody", "body",
                     "headline", "inbody", "body"]  # fmt: skip


def test_a_paragraph_without_a_final_stop_is_no_headline():
    words = [
        "the",
        "storm",
        "flooded",
        "the",
        "harbour",
        "town",
        "and",
        "the",
        "river",
        "burst",
        "its",
        "banks",
    ]  # 12
    paragraph = "On Monday " + " ".join(words * 3)  # 2 + 36 = 38 words, no final stop
    lines = [paragraph, "Power was cut to many homes, the utility said on Tuesday morning."]
    ev = [Evidence(), Evidence(sentence=True)]
    # the toy's intercepts make every line's headline score 1.5 nats above its body score:
    # a line of 38 words (more than HEADLINE_LONGEST, 35) may still not be the headline
    model = replace(_toy(10.0, 0.0), intercept=np.array([0.0, 1.5, -1.0, -20.0, -20.0]))
    assert [label for label, _ in decide(lines, ev, model=model)] == ["body", "body"]
    # cut to 30 words it may
    short = "On Monday " + " ".join((words * 3)[:28])
    assert decide([short, lines[1]], ev, model=model)[0][0] == "headline"


def test_a_question_may_be_the_headline_a_statement_of_eight_words_may_not():
    lede = "The storm flooded the harbour town overnight and closed the main road, officials said."
    ev = [Evidence(), Evidence(sentence=True)]
    # headline scores 1.5 nats above body scores (the toy's intercepts, no body bias): a line
    # of ten words with a question mark may be the headline, the same words with a full stop
    # (a sentence of eight words or more, as the cleaner reads it) may not
    model = replace(_toy(10.0, 0.0), intercept=np.array([0.0, 1.5, -1.0, -20.0, -20.0]))
    question = "Will the harbour town ever be the same after this?"
    assert decide([question, lede], ev, model=model)[0][0] == "headline"
    sentences = [Evidence(sentence=True), Evidence(sentence=True)]
    assert decide([question[:-1] + ".", lede], sentences, model=model)[0][0] == "body"
    # a title-case line of ten words with a full stop does not read as a sentence: it may
    title = "Harbour Town Counts The Cost After Night Of Floods."
    assert decide([title, lede], ev, model=model)[0][0] == "headline"


def test_a_caption_below_the_articles_start_loses_the_kept_bias_by_hand():
    names = [name for name, _, _ in FEATURES]
    x = np.zeros((8, len(FEATURES)))
    col = {n: names.index(n) for n in ("caption_verb", "photo_word", "final_stop", "attribution")}
    # page 1: a headline, a paragraph, then three picture lines ending with a full stop
    x[2:5, col["caption_verb"]] = x[1:5, col["final_stop"]] = 1
    x[3, col["attribution"]] = 1  # "..., officials said.": attributes, so no caption
    # page 2: a picture line above the page's first paragraph, then that paragraph
    x[6, col["photo_word"]] = x[6:8, col["final_stop"]] = 1
    x[:, names.index("sentence")] = 1
    long = np.array([False, True, True, True, True, False, True, True])
    caption_likelier = np.log([[0.5, 0.1, 0.1, 0.2, 0.1]] * 8)
    caption_likelier[:, [0, 3]] = np.log([0.2, 0.5])
    logp = caption_likelier.copy()
    logp[4, [0, 3]] = np.log([0.5, 0.2])  # the model finds line 4 more likely body
    got = _pictured(x, logp, _Bounds.of(np.array([0, 5, 8])), long).tolist()
    # line 2 only: line 3 attributes, line 4 reads as body, line 6 is above its page's first
    # paragraph without picture evidence (line 7; line 6 is long but a picture line itself)
    assert got == [False, False, True, False, False, False, False, False]


def test_a_caption_dated_with_weekday_and_year_is_read_as_one():
    # the agency's way of dating a photo: weekday, month, day and year in the line; a
    # paragraph says "on Saturday" (and a date without its weekday is no such date)
    lines = ["Firefighters work at the scene of the fire in the town on Saturday, Oct. 27, 2018.",
             "Firefighters worked at the scene of the fire in the town on Saturday, officials said.",
             "The fire of Oct. 27, 2018 was the town's worst in a decade, the mayor said.",
             "Crowds gather outside the court on Friday 24 June 2022"]  # fmt: skip
    x = line_features(lines, [Evidence(sentence=True)] * 3 + [Evidence()])
    assert col(x, "weekday_date") == [1.0, 0.0, 0.0, 1.0]
    # the shipped model: such a line between the paragraphs of a page goes to the captions,
    # the paragraphs stay
    page = ("Fire Destroys Town Hall\n\n"
            "A fire destroyed the town hall on Saturday night, and firefighters fought the "
            "flames for six hours before they could bring them under control.\n\n"
            "Firefighters work at the scene of the fire at the town hall in Elmford on "
            "Saturday, Oct. 27, 2018.\n\n"
            "The mayor said the building would be rebuilt and that council meetings would move "
            "to the library until the work is finished next year.\n\n"
            "No one was hurt in the fire, the town's fire chief told reporters on Sunday.")  # fmt: skip
    result = clean_text(page)
    assert result.captions == (
        "Firefighters work at the scene of the fire at the town hall in Elmford on Saturday, "
        "Oct. 27, 2018.",
    )
    assert len(result.paragraphs) == 3


def test_a_line_told_in_the_present_is_read_as_one():
    # six words or more and no past form: no "-ed" word of five letters or more and none of
    # the irregular past forms ("was", "said", "left" ...); short lines are no such line
    lines = ["A short note on the company's website reads:",
             "The company posted a short note on its website on Monday.",
             "The chairman said the plant would close in the spring.",
             "Rescuers search the rubble in the old town",
             "Rescuers search the rubble",
             "The chief executive left the company in the spring of that year"]  # fmt: skip
    x = line_features(lines, [Evidence(sentence=True)] * len(lines))
    assert col(x, "no_past") == [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
