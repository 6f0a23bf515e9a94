"""Sentiment drivers and per-story exclusions, checked against values worked out by hand.

Lexicon valences are looked up in vaderSentiment's vader_lexicon.txt (3.3.2): good 1.9,
smart 1.7, handsome 2.2, funny 1.9, horrible -2.5, bad -2.5, ban -2.6, protect 1.6,
safety 1.8, ensure 1.6 ("health" is not in the lexicon). Compounds are computed by hand with
VADER's normalisation x / sqrt(x**2 + 15); expected compounds of whole sentences are the
examples published in VADER's README (Hutto & Gilbert 2014).
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

import newsframe as nf
from newsframe.errors import NewsframeError
from newsframe.sentiment.scoring import _analyzer, _domain_key


def norm(x: float) -> float:
    return round(x / math.sqrt(x * x + 15), 4)


def test_hand_normalisation_of_one_lexicon_word():
    # "good" = 1.9: 1.9 / sqrt(3.61 + 15) = 0.4404
    assert norm(1.9) == 0.4404
    assert nf.score_texts(["The book was good."]).compound[0] == 0.4404
    t = nf.explain_sentence("The book was good.")
    assert t[["word", "valence", "rule_valence"]].values.tolist() == [["good", 1.9, 1.9]]


@pytest.mark.parametrize(
    ("text", "published", "emphasis"),
    [
        ("VADER is smart, handsome, and funny.", 0.8316, 0.0),
        ("VADER is not smart, handsome, nor funny.", -0.7424, 0.0),
        ("The book was kind of good.", 0.3832, 0.0),
        ("At least it isn't a horrible book.", 0.431, 0.0),
        ("VADER is smart, handsome, and funny!", 0.8439, 0.292),
    ],
)
def test_rule_valences_add_up_to_vaders_published_compounds(text, published, emphasis):
    t = nf.explain_sentence(text)
    x = float(t["rule_valence"].sum())
    assert norm(x + math.copysign(emphasis, x)) == pytest.approx(published, abs=1e-4)
    assert nf.score_texts([text]).compound[0] == published


def test_rules_are_reported_per_word():
    t = nf.explain_sentence("VADER is smart, handsome, and funny.").set_index("word")
    assert t["valence"].to_dict() == {"smart": 1.7, "handsome": 2.2, "funny": 1.9}
    assert t["rule_valence"].to_dict() == {"smart": 1.7, "handsome": 2.2, "funny": 1.9}
    # "not smart": negation multiplies by VADER's N_SCALAR -0.74 -> 1.7 * -0.74 = -1.258
    neg = nf.explain_sentence("VADER is not smart.").set_index("word")
    assert neg.loc["smart", "rule_valence"] == pytest.approx(-1.258)
    assert neg.loc["smart", "valence"] == 1.7


def test_exclusion_removes_words_from_the_lexicon():
    text = "The ban will protect safety."
    # -2.6 + 1.6 + 1.8 = 0.8 -> 0.8 / sqrt(15.64) = 0.2023; without safety: -1.0 -> -0.25
    assert nf.score_texts([text]).compound[0] == norm(0.8) == 0.2023
    assert nf.score_texts([text], exclude=["safety"]).compound[0] == -0.25
    # without safety and protect: -2.6 -> -2.6 / sqrt(6.76 + 15) = -0.5574
    assert nf.score_texts([text], exclude=["Safety", "protect"]).compound[0] == norm(-2.6)
    a = nf.Article("a", "T", (text,))
    assert nf.sentence_sentiment(a, exclude=["safety"]).compound.tolist() == [-0.25]
    assert "safety" not in nf.vader_lexicon(domain={"safety": 0.0})


def test_one_cached_analyzer_per_exclusion_set():
    one = _analyzer(_domain_key(None, ["safety", "protect"]))
    two = _analyzer(_domain_key(None, ["protect", "safety"]))
    assert one is two
    assert _analyzer(_domain_key(None)) is not one
    assert "safety" in _analyzer(_domain_key(None)).lexicon  # the plain analyzer is untouched


def test_bad_exclusions_are_refused():
    with pytest.raises(NewsframeError, match="list of words"):
        nf.score_texts(["x"], exclude="safety")
    with pytest.raises(NewsframeError, match="not one word"):
        nf.score_texts(["x"], exclude=["food safety"])


NOTICE = nf.Article("notice", "T", ("The ban will protect safety.", "The book was good."))
REPORT = nf.Article("report", "T", ("The horrible flood.", "Nothing else."))


def test_drivers_per_article_by_hand():
    d = nf.sentiment_drivers([NOTICE, REPORT])
    notice = d[d.article_id == "notice"].set_index("word")
    # sentence 1 = 0.2023; without ban: 3.4 -> 0.6597; without protect: -0.8 -> -0.2023;
    # without safety: -1.0 -> -0.25. sentence 2 = 0.4404, without good 0. Two sentences.
    assert notice.loc["ban", "mean_shift"] == pytest.approx((0.2023 - 0.6597) / 2, abs=1e-4)
    assert notice.loc["protect", "mean_shift"] == pytest.approx((0.2023 + 0.2023) / 2, abs=1e-4)
    assert notice.loc["safety", "mean_shift"] == pytest.approx((0.2023 + 0.25) / 2, abs=1e-4)
    assert notice.loc["good", "mean_shift"] == pytest.approx(0.4404 / 2, abs=1e-4)
    assert list(notice.index) == ["ban", "safety", "good", "protect"]  # largest |shift| first
    assert notice.loc["safety", ["valence", "count", "sentences"]].tolist() == [1.8, 1, 1]
    assert (notice["n_sentences"] == 2).all()
    report = d[d.article_id == "report"].set_index("word")
    # "horrible" = -2.5 -> -0.5423, the only lexicon word of two sentences
    assert report.loc["horrible", "mean_shift"] == pytest.approx(-0.5423 / 2, abs=1e-4)
    assert report.loc["horrible", "valence_sum"] == -2.5


def test_drivers_count_repeats_and_apply_rules():
    a = nf.Article("a", "T", ("Good, good news.", "It is not good."))
    row = nf.sentiment_drivers(a).set_index("word").loc["good"]
    assert (row["count"], row["sentences"], row["valence_sum"]) == (3, 2, 5.7)
    # VADER's rules: 1.9 + 1.9 in the first sentence, 1.9 * -0.74 = -1.406 after "not"
    assert row["rule_sum"] == pytest.approx(1.9 + 1.9 - 1.406)


def test_drivers_and_exclusions_by_group():
    groups = {"notice": "agency", "report": "press"}
    d = nf.sentiment_drivers([NOTICE, REPORT], by="outlet", groups=groups, leave_one_out=False)
    assert set(d["outlet"]) == {"agency", "press"}
    assert d["mean_shift"].isna().all()
    table = nf.sentence_sentiment([NOTICE, REPORT]).assign(
        outlet=lambda t: t.article_id.map(groups)
    )
    e = nf.exclusion_effect(table, ["safety", "protect"], by="outlet").set_index("outlet")
    # before: (0.2023 + 0.4404) / 2; after: sentence 1 is "ban" alone, -2.6 -> -0.5574
    assert e.loc["agency", "mean_before"] == pytest.approx((0.2023 + 0.4404) / 2)
    assert e.loc["agency", "mean_after"] == pytest.approx((-0.5574 + 0.4404) / 2)
    assert e.loc["agency", "positive_before"] == 1.0 and e.loc["agency", "positive_after"] == 0.5
    assert e.loc["agency", "negative_after"] == 0.5
    assert e.loc["agency", "sentences_changed"] == 1
    assert e.loc["agency", "excluded_words"] == "protect×1; safety×1"
    assert e.loc["press", "change"] == 0.0 and e.loc["press", "excluded_words"] == ""


def test_drivers_refuse_tables_without_sentences():
    with pytest.raises(NewsframeError, match="lacks column"):
        nf.sentiment_drivers(pd.DataFrame({"article_id": ["a"]}))
    with pytest.raises(NewsframeError, match="no column 'outlet'"):
        nf.sentiment_drivers(NOTICE, by="outlet")
    with pytest.raises(NewsframeError, match="no group for article_id 'notice'"):
        nf.exclusion_effect(NOTICE, ["safety"], groups={"x": "y"})


def test_story_exclusions_reach_the_scores_by_default():
    from dataclasses import replace

    res = replace(nf.default_resources(), sentiment_exclude=frozenset({"safety"}))
    a = nf.Article("a", "T", ("The ban will protect safety.",))
    # the resources' exclusions apply unless exclude= says otherwise (-1.0 -> -0.25 by hand)
    assert nf.sentence_sentiment(a, resources=res).compound.tolist() == [-0.25]
    assert nf.sentence_sentiment(a, resources=res, exclude=[]).compound.tolist() == [0.2023]
    assert "safety" not in set(nf.sentiment_drivers(a, resources=res)["word"])
    effect = nf.exclusion_effect(a, resources=res)
    assert effect[["mean_before", "mean_after"]].values.tolist() == [[0.2023, -0.25]]
