"""Groups: splitting a corpus, the pair to compare, and article-level group statistics.

Expected values are worked out by hand on toy tables (or by scipy.stats.permutation_test), never
copied from the code's output.
"""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import stats as scipy_stats

import newsframe as nf
from newsframe.errors import InputError, NewsframeWarning
from newsframe.groups import (
    compare_group_sentiment,
    comparison_pair,
    group_keyness,
    group_sentiment,
    naming_by_group,
    prominence_by_group,
    with_group,
)
from newsframe.stats import (
    article_permutation_test,
    cluster_bootstrap_difference,
    permutation_floor,
)

DAM = Path(__file__).parent / "fixtures" / "story_dam"


def _toy(groups: dict[str, str]) -> nf.Corpus:
    return nf.Corpus(
        nf.Article(i, "", ("Some text here.",), metadata={"group": g, "outlet": g.upper()})
        for i, g in groups.items()
    )


TOY = {"a1": "x", "a2": "x", "a3": "x", "b1": "y", "b2": "y", "b3": "y", "c1": "z"}
# Per-article sentence compounds. Article means: a1 .5, a2 .2, a3 .3; b1 -.1, b2 0, b3 .4; c1 0.
SCORES = {
    "a1": [0.4, 0.6],
    "a2": [0.2],
    "a3": [0.1, 0.3, 0.5],
    "b1": [-0.2, 0.0],
    "b2": [0.0],
    "b3": [0.4, 0.4],
    "c1": [0.0, 0.0],
}


def _sentences() -> pd.DataFrame:
    rows = [(i, n, c) for i, cs in SCORES.items() for n, c in enumerate(cs)]
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "compound"])


# --- stats: article-level permutation and bootstrap --------------------------------------------


def test_permutation_floor_by_hand():
    assert permutation_floor(3, 3, two_sided=False) == pytest.approx(1 / 20)
    assert permutation_floor(3, 3) == pytest.approx(2 / 20)
    assert permutation_floor(2, 4) == pytest.approx(1 / 15)  # unequal sides: no mirror split
    assert permutation_floor(5, 5) == pytest.approx(2 / 252)


def test_article_permutation_matches_hand_enumeration():
    a, b = [0.5, 0.2, 0.3], [-0.1, 0.0, 0.4]
    pooled = a + b
    observed = np.mean(a) - np.mean(b)  # 1/3 - 1/10 = 0.2333
    extreme = 0
    for combo in itertools.combinations(range(6), 3):
        side_a = [pooled[i] for i in combo]
        side_b = [pooled[i] for i in range(6) if i not in combo]
        if abs(np.mean(side_a) - np.mean(side_b)) >= abs(observed) - 1e-12:
            extreme += 1
    diff, p, exact = article_permutation_test(a, b)
    assert exact and diff == pytest.approx(observed)
    assert p == pytest.approx(extreme / math.comb(6, 3))


def test_article_permutation_matches_scipy():
    a, b = [0.5, 0.2, 0.3, 0.9], [-0.1, 0.0, 0.4]
    # two-sided as |mean a - mean b| at least the observed (scipy's own "two-sided" doubles the
    # smaller tail instead, which differs for unequal sides)
    ref = scipy_stats.permutation_test(
        (a, b), lambda x, y: abs(np.mean(x) - np.mean(y)), permutation_type="independent",
        n_resamples=10_000, alternative="greater",
    )  # fmt: skip
    assert article_permutation_test(a, b)[1] == pytest.approx(ref.pvalue)
    greater = scipy_stats.permutation_test(
        (a, b), lambda x, y: np.mean(x) - np.mean(y), permutation_type="independent",
        n_resamples=10_000, alternative="greater",
    )  # fmt: skip
    assert article_permutation_test(a, b, alternative="greater")[1] == pytest.approx(greater.pvalue)


def test_three_against_three_cannot_go_below_floor():
    # completely separated sides: the observed split is the most extreme one (and its mirror)
    _, p, exact = article_permutation_test([1.0, 1.1, 1.2], [0.0, 0.1, 0.2])
    assert exact and p == pytest.approx(0.10)
    assert article_permutation_test([1.0, 1.1, 1.2], [0.0, 0.1, 0.2], alternative="greater")[
        1
    ] == pytest.approx(0.05)


def test_random_splits_when_too_many():
    rng = np.random.default_rng(1)
    a, b = rng.normal(size=12), rng.normal(size=12)  # C(24, 12) = 2.7 million splits
    _, p, exact = article_permutation_test(a, b, n_resamples=999)
    assert not exact and 1 / 1000 <= p <= 1


def test_cluster_bootstrap_resamples_articles():
    # every replicate is a mean of article values: with values 0 and 1 on side a, the
    # difference can only be 0, .5 or 1 (minus side b's constant 0)
    low, high = cluster_bootstrap_difference([0.0, 1.0], [0.0, 0.0], n_resamples=500)
    assert (low, high) == (0.0, 1.0)


# --- corpus groups ------------------------------------------------------------------------------


def test_groups_where_and_frame_keep_manifest_columns():
    corpus = nf.load_corpus(DAM / "articles.csv")
    assert corpus.group_column == "group"
    groups = corpus.groups()
    assert list(groups) == ["norland", "sudovia", "wire"]
    assert groups["sudovia"].ids == ["daily-03-05", "daily-03-12", "daily-03-19"]
    assert corpus.where(outlet="Continental Wire").ids == ["wire-03-04", "wire-03-12", "wire-03-19"]
    assert "group" in corpus.to_frame().columns
    assert list(corpus.to_frame()["group"]) == ["norland"] * 3 + ["sudovia"] * 3 + ["wire"] * 3
    with pytest.raises(InputError, match="'region'"):
        corpus.groups("region")


def test_comparison_pair_defaults():
    corpus = _toy(TOY)
    pair = comparison_pair(corpus)
    assert (pair.a, pair.b, pair.corpus_a.ids, pair.slug) == (
        "x",
        "y",
        ["a1", "a2", "a3"],
        "x_vs_y",
    )
    single = nf.Corpus(nf.Article(i, "", ("t.",)) for i in ("p", "q", "r"))
    assert comparison_pair(single).slug == "p_vs_q"  # no group column: first two articles
    assert comparison_pair(corpus, ["z", "x"]).corpus_a.ids == ["c1"]
    # both sides' articles, side a first (what the notebooks subset the corpus with)
    assert comparison_pair(corpus, ["z", "x"]).ids == ["c1", "a1", "a2", "a3"]
    assert comparison_pair(corpus, "a1,b2").column is None
    with pytest.raises(InputError, match="'w'"):
        comparison_pair(corpus, ["w", "x"])


def test_comparison_pair_default_is_the_two_largest_groups():
    # z (1 article) first in corpus order, then y (3), x (2), w (3): the largest are y and w
    # (3 each, y first in corpus order), never the one-article z
    groups = {"z1": "z", "y1": "y", "x1": "x", "y2": "y", "w1": "w", "x2": "x", "y3": "y",
              "w2": "w", "w3": "w"}  # fmt: skip
    pair = comparison_pair(_toy(groups))
    assert (pair.a, pair.b, pair.column) == ("y", "w", "group")
    assert pair.corpus_b.ids == ["w1", "w2", "w3"]
    # one article per group: the first two groups (the report then compares them as articles)
    single = comparison_pair(_toy({"p1": "p", "q1": "q", "r1": "r"}))
    assert (single.a, single.b, single.column) == ("p", "q", "group")
    # one group of two: it comes first, then the first group of one
    one = comparison_pair(_toy({"p1": "p", "r1": "r", "q1": "q", "q2": "q"}))
    assert (one.a, one.b) == ("q", "p")


def test_with_group_adds_column():
    table = with_group(pd.DataFrame({"article_id": ["b1", "a1"], "v": [1, 2]}), _toy(TOY))
    assert table.columns.tolist() == ["article_id", "group", "v"]
    assert table["group"].tolist() == ["y", "x"]


# --- sentiment by group -------------------------------------------------------------------------


def test_group_sentiment_is_mean_of_article_means():
    table = group_sentiment(_sentences(), _toy(TOY)).set_index(["group", "statistic"])
    # x: article means .5, .2, .3 -> 1/3; y: -.1, 0, .4 -> .1 (sentence-pooled would be .12)
    assert table.loc[("x", "mean_compound"), "value"] == pytest.approx(1 / 3)
    assert table.loc[("y", "mean_compound"), "value"] == pytest.approx(0.1)
    assert table.loc[("x", "mean_compound"), "unit"] == "article"
    assert table.loc[("z", "mean_compound"), "unit"] == "sentence"
    assert table.loc[("x", "mean_compound"), "n_articles"] == 3
    assert table.loc[("x", "mean_compound"), "n_sentences"] == 6
    # share positive (>= .05) per article: a1 1, a2 1, a3 1 -> 1; b1 0, b2 0, b3 1 -> 1/3
    assert table.loc[("y", "share_positive"), "value"] == pytest.approx(1 / 3)


def test_compare_groups_uses_articles_and_warns_about_floor():
    with pytest.warns(NewsframeWarning, match="cannot|no p-value"):
        result = compare_group_sentiment(_sentences(), _toy(TOY), ["x", "y"])
    row = result.set_index("statistic").loc["mean_compound"]
    assert row["unit"] == "article"
    assert (row["n_articles_a"], row["n_articles_b"]) == (3, 3)
    assert (row["n_sentences_a"], row["n_sentences_b"]) == (6, 5)
    assert row["difference"] == pytest.approx(1 / 3 - 0.1)
    assert row["p_floor"] == pytest.approx(0.10)
    # hand enumeration: |diff| of the 20 splits of (.5 .2 .3 | -.1 0 .4) at least .2333
    expected = article_permutation_test([0.5, 0.2, 0.3], [-0.1, 0.0, 0.4])[1]
    assert row["p_value"] == pytest.approx(expected)
    assert row["p_value"] >= row["p_floor"]


def test_compare_two_articles_uses_sentences():
    with pytest.warns(NewsframeWarning, match="1 against 1"):
        result = compare_group_sentiment(_sentences(), _toy(TOY), ["a3", "b1"], n_resamples=999)
    row = result.set_index("statistic").loc["mean_compound"]
    assert row["unit"] == "sentence"
    # 3 + 2 sentences: C(5, 3) = 10 splits, unequal sides (no mirror split): floor 1/10
    assert row["p_floor"] == pytest.approx(1 / 10)
    assert (row["n_articles_a"], row["n_sentences_a"], row["n_sentences_b"]) == (1, 3, 2)


def test_pooling_sentences_overstates_the_evidence():
    # the example in miniature: pooled sentences give a small p, articles cannot
    corpus = nf.load_corpus(DAM / "articles.csv")
    sentences = nf.sentence_sentiment(corpus)
    with pytest.warns(NewsframeWarning):
        by_article = compare_group_sentiment(sentences, corpus, ["norland", "sudovia"])
    row = by_article.set_index("statistic").loc["mean_compound"]
    assert row["unit"] == "article" and row["p_value"] >= 0.10
    ids_a, ids_b = corpus.groups()["norland"].ids, corpus.groups()["sudovia"].ids
    # compare_sentiment with several articles a side takes the article as the unit too
    same = nf.compare_sentiment(sentences, ids_a, ids_b).set_index("statistic")
    assert same.loc["mean_compound", "unit"] == "article"
    assert same.loc["mean_compound", "p_value"] == pytest.approx(row["p_value"])
    # what pooling the sentences would have claimed
    xa = sentences.loc[sentences.article_id.isin(ids_a), "compound"].to_numpy(float)
    xb = sentences.loc[sentences.article_id.isin(ids_b), "compound"].to_numpy(float)
    mean = {"mean": lambda x: x.mean(axis=-1)}
    pooled, _ = nf.stats.permutation_pvalues(xa, xb, mean, n_resamples=9999, seed=0)
    assert pooled["mean"] < 0.01


# --- keyness and framing by group ---------------------------------------------------------------


def test_group_keyness_counts_articles_per_side():
    corpus = nf.Corpus(
        [
            nf.Article("a1", "", ("Turbine turbine turbine.",), metadata={"group": "x"}),
            nf.Article("a2", "", ("Turbine river.",), metadata={"group": "x"}),
            nf.Article("b1", "", ("Drought river.",), metadata={"group": "y"}),
        ]
    )
    table = group_keyness(corpus).set_index("term")
    assert table.loc["turbine", ["count_a", "count_b", "articles_a", "articles_b"]].tolist() == [
        4,
        0,
        2,
        0,
    ]
    assert table.loc["river", ["articles_a", "articles_b"]].tolist() == [1, 1]
    # key_for names the side (the group), never the pooled article ids: turbine 4:0 is x's,
    # drought 0:1 is y's, river 1:1 is y's (1 of x's 5 tokens against 1 of y's 2)
    assert table.loc[["turbine", "drought", "river"], "key_for"].tolist() == ["x", "y", "y"]
    assert set(table["group"]) == {"x"} and set(table["reference"]) == {"y"}
    rest = group_keyness(corpus, vs_rest=True)
    assert list(dict.fromkeys(rest["group"])) == ["x", "y"] and set(rest["reference"]) == {"rest"}
    assert set(rest["key_for"]) <= {"x", "y", "rest", "neither"}


def test_overview_tables_sum_each_group_by_hand():
    corpus = _toy({"a1": "x", "a2": "x", "b1": "y"})
    freqs = pd.DataFrame({"article_id": ["a1", "a1", "a2", "b1"],
                          "term": ["dam", "river", "dam", "dam"], "count": [3, 1, 1, 2],
                          "n_tokens": [20, 20, 30, 10]})  # fmt: skip
    # x: dam 3 + 1 = 4 in 50 tokens = 80 per 1,000, in 2 articles; river 1 -> 20; y: dam 2 in 10
    t = nf.terms_by_group(freqs, corpus).set_index(["group", "term"])
    assert t.loc[("x", "dam"), ["count", "per_1000", "articles", "rank"]].tolist() == [
        4,
        80.0,
        2,
        1,
    ]
    assert t.loc[("x", "river"), "per_1000"] == 20.0 and t.loc[("y", "dam"), "per_1000"] == 200.0
    # top 1 per group: x's dam, y's dam; every group's rate of "river": x only (y never uses it)
    assert nf.terms_by_group(freqs, corpus, top_n=1)["term"].tolist() == ["dam", "dam"]
    river = nf.terms_by_group(freqs, corpus, terms=["river"])
    assert river[["group", "term", "per_1000", "rank"]].values.tolist() == [["x", "river", 20.0, 2]]
    verbs = pd.DataFrame({"article_id": ["a1", "a2", "a2", "b1"],
                          "verb_class": ["neutral", "neutral", "hostile", "neutral"]})  # fmt: skip
    v = nf.verbs_by_group(verbs, corpus).set_index(["group", "verb_class"])
    assert v.loc[("x", "neutral"), ["attributions", "articles", "n_articles"]].tolist() == [2, 2, 2]
    assert (
        v.loc[("x", "hostile"), "attributions"] == 1 and v.loc[("y", "neutral"), "n_articles"] == 1
    )
    near = pd.DataFrame({"article_id": ["a1", "a2", "b1"], "actor_id": ["k"] * 3,
                         "actor": ["K"] * 3, "statistic": ["mean_compound"] * 3,
                         "value": [0.4, -0.2, 0.1], "n_sentences": [1, 2, 0]})  # fmt: skip
    # x: (0.4 * 1 - 0.2 * 2) / 3 = 0; b1 has no sentence near K: y has no row
    s = nf.actor_sentiment_by_group(near, corpus)
    assert s[["group", "value", "n_sentences", "articles"]].values.tolist() == [["x", 0.0, 3, 2]]


def test_naming_and_prominence_by_group():
    story = nf.load_story(DAM / "story.toml")
    corpus = nf.load_corpus(DAM / "articles.csv", story=story)
    naming = naming_by_group(nf.naming_variants(corpus, story.concepts), corpus)
    dam = naming[naming["concept"] == "velt_dam"].set_index(["group", "variant"])
    # counted by eye in the fixture bodies
    assert dam.loc[("norland", "Veltra Dam"), "articles_using"] == 3
    assert dam.loc[("norland", "Kessin Barrage"), "count"] == 0
    assert dam.loc[("sudovia", "Kessin Barrage"), "articles_using"] == 3
    assert dam.loc[("sudovia", "Veltra Dam"), "count"] == 0
    assert dam.loc[("wire", "Kessin Barrage"), "count"] == 1
    prominence = prominence_by_group(nf.actor_prominence(corpus, story.actors), corpus)
    halvik = prominence[prominence["actor_id"] == "halvik"].set_index("group")
    assert halvik.loc["sudovia", "articles"] == 3 and halvik.loc["sudovia", "in_headline"] == 1


def test_comparison_figure_names_unit_and_sides():
    import matplotlib

    matplotlib.use("Agg")
    from newsframe.plots.sentiment import plot_comparison

    with pytest.warns(NewsframeWarning):
        table = compare_group_sentiment(_sentences(), _toy(TOY), ["x", "y"])
    ax = plot_comparison(table).axes[0]
    assert ax.get_title() == "Sentiment: x vs y"
    assert "over articles; 3 vs 3 articles" in ax.get_xlabel()
    assert ax.get_yticklabels()[0].get_text() == "mean compound"
