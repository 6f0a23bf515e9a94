"""Tests for newsframe.terms: counts, TF-IDF, keyness, KWIC, collocations, bootstrap, dispersion.

Expected values are worked by hand (shown in comments) or taken from the issue's worked examples;
none is copied from the code's own output.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
import wordfreq
from conftest import KURIL, SEED_2016, SEED_2019

import newsframe as nf
from newsframe import Article, NewsframeError
from newsframe.terms import (
    adjust_pvalues,
    bootstrap_rate_difference,
    collocations,
    count_terms,
    critical_g2,
    dispersion,
    g2,
    keyness,
    keyness_one_vs_rest,
    kwic,
    log_ratio,
    logodds_dirichlet,
    term_frequencies,
    tfidf,
)

ISLANDS = Article(
    "isl", "T", ("The Kuril Islands are disputed. Putin said the islands are Russian.",)
)
# terms: The | Kuril Islands | are | disputed | Putin | said | the | islands | are | Russian = 10
# words (Document.n_words, the denominator): Kuril and Islands count apart = 11


def _numeric_finite(frame: pd.DataFrame) -> bool:
    numbers = frame.select_dtypes("number")
    return bool(np.isfinite(numbers.to_numpy(dtype=float)).all()) and not frame.isna().any().any()


# --- statistics against worked values --------------------------------------------------------


def test_g2_matches_the_issue_worked_values():
    # N_a = 800, N_b = 900: 3 vs 0 -> G² ≈ 4.53 (p ≈ 0.033); 5 vs 1 -> G² ≈ 3.41
    values = g2([3, 5], [0, 1], 800, 900)
    assert values[0] == pytest.approx(4.53, abs=0.005)
    assert values[1] == pytest.approx(3.41, abs=0.005)
    from scipy import stats

    assert stats.chi2.sf(values[0], 1) == pytest.approx(0.033, abs=0.0005)


def test_g2_four_term_form_by_hand():
    # 20 vs 5 in 1,000 tokens each: E = 12.5 for both term cells, 987.5 for both others;
    # 2 [20 ln(20/12.5) + 5 ln(5/12.5) + 980 ln(980/987.5) + 995 ln(995/987.5)] = 9.7512
    assert g2([20], [5], 1000, 1000)[0] == pytest.approx(9.7512, abs=1e-4)
    # equal rates give 0; a term absent from both sides gives 0, not NaN
    assert g2([10, 0], [10, 0], 1000, 1000).tolist() == [0.0, 0.0]


def test_bonferroni_critical_value_for_700_terms():
    assert critical_g2(700) == pytest.approx(15.8, abs=0.05)
    assert critical_g2(1) == pytest.approx(3.841, abs=0.001)


def test_log_ratio_hardie():
    # log2((3/800) / (0.5/900)) = log2(6.75) = 2.7549; 4 vs 2 at equal sizes = 1
    values = log_ratio([3, 4, 0, 0], [0, 2, 0, 5], 800, 800 * np.array([9 / 8, 1, 1, 1]))
    assert values[0] == pytest.approx(math.log2(6.75))
    assert values[1] == pytest.approx(1.0)
    assert values[2] == 0.0  # absent from both sides
    assert values[3] == pytest.approx(math.log2(0.5 / 5))


def test_monroe_logodds_small_example_by_hand():
    # y_a=10, y_b=2, n=100 each, α_w=1, α0=10:
    # δ = ln(11/99) - ln(3/107) = -2.197225 + 3.574217 = 1.376992; var = 1/11 + 1/3
    delta, se, z = logodds_dirichlet([10], [2], 100, 100, [1.0], alpha0=10.0)
    assert delta[0] == pytest.approx(1.376992, abs=1e-6)
    assert se[0] == pytest.approx(math.sqrt(1 / 11 + 1 / 3))
    assert z[0] == pytest.approx(1.376992 / math.sqrt(1 / 11 + 1 / 3), abs=1e-6)


def test_logodds_rejects_nonpositive_prior():
    with pytest.raises(NewsframeError, match="positive"):
        logodds_dirichlet([1], [1], 10, 10, [0.0])


def test_benjamini_hochberg_and_bonferroni_by_hand():
    # sorted p 0.01, 0.03, 0.04, 0.5 -> p·4/rank 0.04, 0.06, 0.0533, 0.5 -> running min from top
    bh = adjust_pvalues([0.01, 0.04, 0.03, 0.5])
    assert bh.tolist() == pytest.approx([0.04, 0.16 / 3, 0.16 / 3, 0.5])
    assert adjust_pvalues([0.01, 0.3], method="bonferroni").tolist() == pytest.approx([0.02, 0.6])
    with pytest.raises(NewsframeError):
        adjust_pvalues([0.1], method="holm")


def test_statistics_reject_impossible_counts():
    with pytest.raises(NewsframeError, match="n_a"):
        g2([1], [1], 0, 10)
    with pytest.raises(NewsframeError, match="between 0"):
        g2([11], [1], 10, 10)


# --- counting and term frequencies -----------------------------------------------------------


def test_term_frequencies_by_hand():
    table = term_frequencies([ISLANDS], resources=KURIL)
    counts = dict(zip(table["term"], table["count"], strict=True))
    # 'the' and 'are' are stopwords; Kuril Islands is one term; lemmas: disputed -> dispute
    assert counts == {
        "kuril island": 1, "dispute": 1, "putin": 1, "say": 1, "island": 1, "russian": 1
    }  # fmt: skip
    assert (table["n_tokens"] == 11).all()  # every word, Kuril Islands as two
    assert table["per_1000"].tolist() == pytest.approx([1000 / 11] * 6)
    assert (table["rank"] == 1).all()
    assert list(table.columns) == ["article_id", "term", "count", "per_1000", "rank", "n_tokens"]


def test_term_frequencies_tokens_unit_and_stopwords_kept():
    tokens = term_frequencies([ISLANDS], resources=KURIL, unit="token")
    assert set(tokens["term"]) == {
        "kuril islands",
        "disputed",
        "putin",
        "said",
        "islands",
        "russian",
    }
    everything = term_frequencies([ISLANDS], resources=KURIL, stopwords=False)
    counts = dict(zip(everything["term"], everything["count"], strict=True))
    assert counts["the"] == 2 and counts["be"] == 2
    assert everything["count"].sum() == 10
    assert everything.iloc[0]["rank"] == 1 and everything.iloc[2]["rank"] == 3


def test_bigrams_never_bridge_a_removed_stopword_or_a_sentence_end():
    bigrams = term_frequencies([ISLANDS], resources=KURIL, ngram_range=(2, 2))
    assert bigrams["term"].tolist() == ["putin say"]
    both = term_frequencies([ISLANDS], resources=KURIL, ngram_range=(1, 2))
    assert "putin say" in set(both["term"]) and "putin" in set(both["term"])


def test_phrase_does_not_span_a_full_stop():
    counts = count_terms([Article("x", "", ("He saw Kuril. Islands were near.",))])
    assert "kuril island" not in set(counts.terms)
    assert {"kuril", "island"} <= set(counts.terms)


def test_counts_match_tokens_frame_on_the_seeds(seeds):
    counts = count_terms(seeds)
    frame = nf.tokens_frame(seeds)
    # the word count of the issue's table (tokenize: 216 for the 2016 seed), the one denominator
    assert counts.n_tokens.tolist() == [len(nf.tokenize(a.body)) for a in seeds] == [216, 289]
    expected = frame[~frame["is_stop"] & frame["is_term"]].groupby(["article_id", "lemma"]).size()
    for i, article_id in enumerate(counts.article_ids):
        row = pd.Series(counts.counts[i].toarray().ravel(), index=counts.terms)
        row = row[row > 0].sort_index()
        assert row.to_dict() == expected[article_id].sort_index().to_dict()


def test_term_frequencies_group_by_metadata():
    a = Article("a", "", ("Putin spoke.",), metadata={"outlet": "X"})
    b = Article("b", "", ("Putin left.",), metadata={"outlet": "X"})
    c = Article("c", "", ("Abe spoke.",), metadata={"outlet": "Y"})
    table = term_frequencies([a, b, c], by="outlet")
    x = table[table["outlet"] == "X"].set_index("term")
    assert x.loc["putin", "count"] == 2 and x.loc["putin", "per_1000"] == 500.0
    assert table["outlet"].tolist()[0] == "X"
    with pytest.raises(NewsframeError, match="metadata"):
        term_frequencies([a], by="section")


def test_empty_and_stopword_only_articles():
    empty = Article("e", "", ())
    stops = Article("s", "", ("The and of it.",))
    table = term_frequencies([empty, stops, ISLANDS])
    assert set(table["article_id"]) == {"isl"}
    assert count_terms([empty, stops]).n_tokens.tolist() == [0, 4]
    assert _numeric_finite(table)
    for idf in ("corpus", "background"):
        weights = tfidf([empty, stops, ISLANDS], idf=idf)
        assert set(weights["article_id"]) == {"isl"} and _numeric_finite(weights)
    assert collocations([empty, stops]).empty and dispersion([empty], ["putin"]).empty


def test_bad_options():
    with pytest.raises(NewsframeError, match="unit"):
        term_frequencies([ISLANDS], resources=KURIL, unit="stem")
    with pytest.raises(NewsframeError, match="ngram_range"):
        term_frequencies([ISLANDS], resources=KURIL, ngram_range=(2, 1))
    with pytest.raises(NewsframeError, match="expected"):
        term_frequencies("not articles")


def test_no_articles_give_empty_tables_as_everywhere():
    assert term_frequencies([]).empty and tfidf([]).empty and collocations([]).empty
    assert count_terms([]).n_tokens.tolist() == []


# --- TF-IDF ----------------------------------------------------------------------------------


def test_tfidf_corpus_idf_takes_two_values_on_two_articles():
    a = Article("a", "", ("Putin met Abe.",))
    b = Article("b", "", ("Putin met reporters.",))
    table = tfidf([a, b])
    idf = dict(zip(table["term"], table["idf"], strict=False))
    # scikit-learn smoothed idf: ln((1+2)/(1+df)) + 1 -> shared 1.0, unique ln(1.5) + 1
    assert idf["putin"] == pytest.approx(1.0)
    assert idf["abe"] == pytest.approx(math.log(1.5) + 1)
    norms = table.groupby("article_id")["tfidf"].apply(lambda w: float(np.sqrt((w**2).sum())))
    assert norms.tolist() == pytest.approx([1.0, 1.0])


def test_tfidf_background_idf_is_minus_log_wordfreq():
    a = Article("a", "", ("Putin met Abe.",))
    table = tfidf([a], idf="background", unit="token").set_index("term")
    # word_frequency() rounds to 3 significant digits; the table uses the unrounded list
    expected = -math.log(wordfreq.word_frequency("putin", "en"))
    assert table.loc["putin", "idf"] == pytest.approx(expected, rel=1e-3)
    assert (table["idf_source"] == "background").all()
    # the rarer word in general English weighs more
    assert table.loc["abe", "tfidf"] > table.loc["met", "tfidf"]


def test_tfidf_top_n_and_bad_source(seeds):
    table = tfidf(seeds, top_n=3)
    assert (table["rank"] <= 3).all() and set(table["article_id"]) == {SEED_2016, SEED_2019}
    with pytest.raises(NewsframeError, match="idf"):
        tfidf(seeds, idf="bm25")


# --- keyness ---------------------------------------------------------------------------------


def test_keyness_from_series_worked_values_and_sizes():
    a = pd.Series({"treaty": 3, "island": 5, "other": 792}, name="A")
    b = pd.Series({"treaty": 0, "island": 1, "other": 899}, name="B")
    table = keyness(a, b).set_index("term")
    assert table.loc["treaty", "g2"] == pytest.approx(4.53, abs=0.005)
    assert table.loc["treaty", "p_g2"] == pytest.approx(0.033, abs=0.0005)
    assert table.loc["island", "g2"] == pytest.approx(3.41, abs=0.005)
    assert (table["n_a"] == 800).all() and (table["n_b"] == 900).all()
    assert table.loc["treaty", "per_1000_a"] == pytest.approx(3.75)
    assert table.loc["treaty", "key_for"] == "A"
    # Bonferroni over 3 terms and BH never below the raw p
    assert table.loc["treaty", "p_bonferroni"] == pytest.approx(3 * table.loc["treaty", "p_g2"])
    assert (table["p_bh"] >= table["p_g2"] - 1e-12).all()


def test_keyness_uniform_prior_logodds_by_hand():
    # uniform prior, α0 = V = 2 -> α_w = 1; y_a = 3 of 800, y_b = 0 of 900:
    # δ = ln(4/798) - ln(1/901) = 1.507691; se = √(1/4 + 1/1); z = 1.348520
    a, b = pd.Series({"x": 3, "y": 797}), pd.Series({"x": 0, "y": 900})
    row = keyness(a, b, prior="uniform").set_index("term").loc["x"]
    assert row["prior_alpha"] == pytest.approx(1.0)
    assert row["logodds"] == pytest.approx(1.507691, abs=1e-6)
    assert row["logodds_z"] == pytest.approx(1.348520, abs=1e-6)


def test_keyness_prior_series_missing_a_term_is_defined():
    a, b = pd.Series({"x": 3, "y": 7}), pd.Series({"x": 1, "y": 9})
    table = keyness(a, b, prior=pd.Series({"x": 4.0}), prior_strength=10).set_index("term")
    # y is missing: it gets half the smallest weight (2.0); α = 10 · w / Σw = 10 · (4, 2) / 6
    assert table.loc["y", "in_prior"] == False  # noqa: E712
    assert table.loc["x", "prior_alpha"] == pytest.approx(40 / 6)
    assert table.loc["y", "prior_alpha"] == pytest.approx(20 / 6)
    assert _numeric_finite(table)
    with pytest.raises(NewsframeError, match="positive"):
        keyness(a, b, prior=pd.Series({"x": -1.0}))


def test_keyness_sorted_by_effect_size_with_all_columns(seeds):
    table = keyness(seeds[0], seeds[1])
    assert list(table.columns[:3]) == ["article_id", "reference", "term"]
    for column in ["count_a", "count_b", "per_1000_a", "per_1000_b", "g2", "p_g2", "log_ratio"]:
        assert column in table.columns
    assert "logodds_z" in table.columns
    assert table["log_ratio"].is_monotonic_decreasing
    assert (table["article_id"] == SEED_2016).all() and (table["reference"] == SEED_2019).all()
    # the articles are tiny: nothing survives a multiple-testing correction
    assert (table["p_bonferroni"] >= 0.05).all()
    assert table["g2"].max() < critical_g2(len(table))
    assert _numeric_finite(table)
    assert table["disagree"].dtype == bool
    assert ((table["note"] != "") == table["disagree"]).all()


def test_keyness_flags_a_rare_word_the_prior_downweights(seeds):
    # 'akita' (2 vs 0) is near the top by log ratio and G², but the background prior gives a
    # word rare in English almost no pseudo-count, so its log-odds z is small: flagged.
    row = keyness(seeds[0], seeds[1]).set_index("term").loc["akita"]
    assert row["count_a"] == 2 and row["count_b"] == 0
    assert row["rank_log_ratio"] <= 10 and row["rank_logodds"] > 30
    assert row["disagree"]


def test_keyness_identical_articles_is_all_zero():
    twin = Article("twin", "", ISLANDS.paragraphs)
    table = keyness(ISLANDS, twin)
    assert (table["g2"] == 0).all() and (table["log_ratio"] == 0).all()
    assert np.allclose(table["logodds_z"], 0) and (table["p_g2"] == 1).all()
    assert (table["key_for"] == "neither").all()
    same = keyness(ISLANDS, ISLANDS)
    assert same["article_id"].iloc[0] == "isl (a)" and _numeric_finite(same)


def test_keyness_bad_sides():
    empty = Article("e", "", ())
    with pytest.raises(NewsframeError, match="e: no tokens"):
        keyness(empty, ISLANDS)
    stops = Article("s", "", ("The and of it.",))
    table = keyness(stops, ISLANDS)  # no terms on side a: all counts 0 there, all defined
    assert (table["count_a"] == 0).all() and (table["n_a"] == 4).all() and _numeric_finite(table)


def test_keyness_absent_term_with_min_count_zero():
    a, b = pd.Series({"x": 3, "gone": 0}), pd.Series({"x": 1, "gone": 0})
    assert "gone" not in set(keyness(a, b)["term"])
    row = keyness(a, b, min_count=0).set_index("term").loc["gone"]
    assert (row["g2"], row["p_g2"], row["log_ratio"]) == (0.0, 1.0, 0.0)


def test_keyness_groups_pool_articles():
    a = Article("a", "", ("Putin spoke.",))
    b = Article("b", "", ("Putin left.",))
    c = Article("c", "", ("Abe spoke.",))
    row = keyness([a, b], c).set_index("term").loc["putin"]
    assert (row["count_a"], row["count_b"], row["n_a"], row["n_b"]) == (2, 0, 4, 2)
    assert row["article_id"] == "a+b"


def test_keyness_one_vs_rest_sizes():
    a = Article("a", "", ("Putin spoke.",))
    b = Article("b", "", ("Putin left early.",))
    c = Article("c", "", ("Abe spoke.",))
    table = keyness_one_vs_rest([a, b, c])
    assert table["article_id"].unique().tolist() == ["a", "b", "c"]
    assert (table["reference"] == "rest").all()
    sizes = table.groupby("article_id")[["n_a", "n_b"]].first()
    assert sizes.loc["a"].tolist() == [2, 5] and sizes.loc["b"].tolist() == [3, 4]
    putin_c = table[(table["article_id"] == "c") & (table["term"] == "putin")].iloc[0]
    assert (putin_c["count_a"], putin_c["count_b"]) == (0, 2)
    with pytest.raises(NewsframeError, match="two articles"):
        keyness_one_vs_rest([a])


def test_keyness_one_vs_rest_worked_by_hand():
    # a = "Putin spoke." against the rest ("Putin left early.", "Abe spoke."): 2 words against
    # 5. putin: 1 of 2 against 1 of 5 -> Log Ratio log2((1/2)/(1/5)) = log2(2.5); G² over the
    # 2 x 2 table: observed (1, 1, 1, 4), expected (4/7, 10/7, 10/7, 25/7). abe: 0 of 2 (0.5
    # by Hardie's zero rule) against 1 of 5 -> log2(1.25).
    a = Article("a", "", ("Putin spoke.",))
    b = Article("b", "", ("Putin left early.",))
    c = Article("c", "", ("Abe spoke.",))
    table = keyness_one_vs_rest([a, b, c], prior="uniform")
    rows = table[table["article_id"] == "a"]
    assert rows["term"].tolist() == ["putin", "speak", "abe", "early", "left"]
    assert rows["key_for"].tolist() == ["a", "a", "rest", "rest", "rest"]
    observed, expected = (1, 1, 1, 4), (4 / 7, 10 / 7, 10 / 7, 25 / 7)
    g = 2 * sum(o * math.log(o / e) for o, e in zip(observed, expected, strict=True))
    putin = rows.iloc[0]
    assert putin["log_ratio"] == pytest.approx(math.log2(2.5))
    assert putin["g2"] == pytest.approx(g)  # 0.599
    assert (putin["per_1000_a"], putin["per_1000_b"]) == (500.0, 200.0)
    assert rows.iloc[2]["log_ratio"] == pytest.approx(math.log2(1.25))
    assert (rows["n_tests"] == 5).all() and len(table) == 15


def test_keyness_one_vs_rest_of_identical_articles():
    # four copies of one article: each against the other three has the same rates, so no term
    # is key (Log Ratio 0, G² 0, "neither"), and each article has one row per term
    copies = [Article(f"c{i}", "", ("Putin spoke. Abe spoke.",)) for i in range(4)]
    table = keyness_one_vs_rest(copies, prior="uniform")
    assert len(table) == 4 * 3  # putin, speak, abe
    assert (table["log_ratio"] == 0).all() and (table["g2"] == 0).all()
    assert (table["key_for"] == "neither").all()
    assert table.groupby("article_id")["count_b"].sum().tolist() == [12, 12, 12, 12]
    assert table.attrs["n_tests"] == 3


# --- KWIC, collocations ----------------------------------------------------------------------


def test_kwic_matches_lemmas_and_phrases():
    # KWIC searches words, so "island" also finds the Islands of "Kuril Islands"
    lines = kwic([ISLANDS], "island", window=2)
    assert lines["match"].tolist() == ["Islands", "islands"]
    assert lines.iloc[1][["left", "right"]].tolist() == ["said the", "are Russian"]
    phrase = kwic([ISLANDS], "Kuril Islands", window=1)
    assert phrase.iloc[0][["left", "match", "right"]].tolist() == ["The", "Kuril Islands", "are"]
    assert list(phrase.columns) == ["article_id", "sentence_id", "query", "left", "match", "right"]
    said = kwic([ISLANDS], "say", window=1).iloc[0]
    assert (said["sentence_id"], said["match"], said["left"]) == (1, "said", "Putin")


def test_kwic_regex_case_and_errors():
    assert len(kwic([ISLANDS], r"isl\w+", regex=True)) == 2
    assert len(kwic([ISLANDS], r"isl\w+", regex=True, case_sensitive=True)) == 1
    with pytest.raises(NewsframeError, match="no word"):
        kwic([ISLANDS], "—")
    assert kwic([ISLANDS], "treaty").empty


def test_collocations_by_hand():
    text = Article("a", "", ("Peace treaty talks. A peace treaty. Peace now.",))
    table = collocations([text])
    # positions: (peace treaty) (treaty talks) (a peace) (peace treaty) (peace now): N = 5
    # O11 = 2, peace first 3 times, treaty second 2 times: E = 3·2/5 = 1.2, PMI = log2(2/1.2)
    row = table.set_index("term").loc["peace treaty"]
    assert row["count"] == 2 and row["expected"] == pytest.approx(1.2)
    assert row["pmi"] == pytest.approx(math.log2(2 / 1.2))
    # 2 × 2 [[2, 0], [1, 2]]: 2[2 ln(2/1.2) + 1 ln(1/1.8) + 2 ln(2/1.2)] = 2.911034
    assert row["g2"] == pytest.approx(2.911032, abs=1e-5)
    assert row["in_phrases"]
    assert len(table) == 1  # min_count = 2


def test_collocations_on_seeds_find_known_phrases(seeds):
    table = collocations(seeds)
    assert "kuril island" in set(table["term"].head(5))
    assert table["g2"].is_monotonic_decreasing
    assert set(collocations(seeds, n=3)["n"]) == {3}
    tokens = collocations(seeds, unit="token").set_index("term")
    assert tokens.loc["kuril islands", "in_phrases"]
    with pytest.raises(NewsframeError):
        collocations(seeds, sort="dice")


# --- bootstrap and dispersion ----------------------------------------------------------------


def test_bootstrap_is_reproducible_and_brackets_the_observed_difference(seeds):
    first = bootstrap_rate_difference(seeds[0], seeds[1], n_resamples=300, seed=1)
    again = bootstrap_rate_difference(seeds[0], seeds[1], n_resamples=300, seed=1)
    pd.testing.assert_frame_equal(first, again)
    assert (first["ci_low"] <= first["difference"] + 1e-9).all()
    assert (first["difference"] <= first["ci_high"] + 1e-9).all()
    assert first["difference"].is_monotonic_decreasing
    assert (first["n_sentences_a"] == len(seeds[0].sentences())).all()
    assert _numeric_finite(first)


def test_bootstrap_one_sided_term_in_every_sentence():
    a = Article("a", "", ("Putin spoke. Putin smiled. Putin left.",))
    b = Article("b", "", ("Abe spoke. Abe smiled. Abe left.",))
    table = bootstrap_rate_difference(a, b, terms=["putin", "absent"], n_resamples=100)
    row = table.set_index("term").loc["putin"]
    # every sentence has 2 tokens, one of them 'putin': 500 per 1,000 in every resample
    assert (row["difference"], row["ci_low"], row["ci_high"]) == (500.0, 500.0, 500.0)
    assert row["excludes_zero"]
    assert table.set_index("term").loc["absent", "difference"] == 0.0
    with pytest.raises(NewsframeError, match="no tokens"):
        bootstrap_rate_difference(a, Article("e", "", ()))


def test_dispersion_positions():
    table = dispersion(nf.Corpus([ISLANDS], resources=KURIL), ["island", "kuril island", "treaty"])
    assert table["term"].tolist() == ["island", "kuril island"]
    # positions: Kuril Islands is token 1, islands token 7, of 10
    assert table["position"].tolist() == [7, 1]
    assert table["relative_position"].tolist() == pytest.approx([0.7, 0.1])


def test_keyness_table_carries_the_bonferroni_bar():
    # two terms, each the other's complement: both 2 × 2 tables are the same, so both G² agree;
    # bar = χ²₁ quantile at 1 − 0.05/2 = 5.0239 (tables: 5.024)
    a = pd.Series({"x": 50, "y": 750}, name="A")
    b = pd.Series({"x": 5, "y": 895}, name="B")
    table = keyness(a, b, prior="uniform")
    assert table["g2"].iloc[0] == pytest.approx(table["g2"].iloc[1])
    assert (table["n_tests"] == 2).all()
    assert table["bonferroni_g2"].iloc[0] == pytest.approx(5.0239, abs=1e-4)
    assert (table["n_pass_bonferroni"] == 2).all()
    assert table.attrs["bonferroni_g2"] == pytest.approx(5.0239, abs=1e-4)
    assert table.attrs["n_pass_bonferroni"] == 2 and table.attrs["alpha"] == 0.05


def test_keyness_memory_does_not_scale_with_the_longest_token():
    import tracemalloc

    words = [f"w{i}" for i in range(2_000)]
    a = pd.Series(dict.fromkeys(words, 1) | {"x" * 100_000: 1}, name="A")
    b = pd.Series(dict.fromkeys(words, 2), name="B")
    tracemalloc.start()
    table = keyness(a, b, prior="uniform")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert len(table) == 2_001
    # a fixed-width array of 2,001 terms as wide as the 100 KB token would be 800 MB
    assert peak < 50_000_000


def test_keyness_side_labels_are_not_copied_into_every_row():
    # a group's label joins its article ids (400 articles: about 4 KB); article_id, reference and
    # key_for repeat it on every row, and stored as Arrow strings each row would hold a copy:
    # 3 columns x 5,000 rows x 10 KB = 150 MB. Stored once they cost next to nothing.
    import pyarrow as pa

    words = [f"w{i}" for i in range(5_000)]
    label_a, label_b = "a" * 10_000, "b" * 10_000
    a = pd.Series(dict.fromkeys(words, 1) | {"x": 9}, name=label_a)
    b = pd.Series(dict.fromkeys(words, 2) | {"x": 1}, name=label_b)
    before = pa.total_allocated_bytes()
    table = keyness(a, b, prior="uniform")
    grown = pa.total_allocated_bytes() - before
    assert len(table) == 5_001 and grown < 20_000_000
    assert (table["article_id"] == label_a).all() and (table["reference"] == label_b).all()
    assert table["key_for"].tolist() == [label_a] + [label_b] * 5_000  # x first, by log ratio
    assert table["article_id"].dtype == "str" and table["key_for"].dtype == "str"


def test_bootstrap_side_labels_are_not_copied_into_every_row():
    # 200 articles a side with 40-character ids: each side's label is 8 KB; 1,200 terms x 2
    # label columns as Arrow strings would hold 19 MB of copies
    import pyarrow as pa

    def side(tag):
        return [
            Article(f"{tag}{i:039d}", "", (f"{tag}x{i} {tag}y{i} {tag}z{i}.",)) for i in range(200)
        ]

    a, b = side("a"), side("b")
    before = pa.total_allocated_bytes()
    table = bootstrap_rate_difference(a, b, n_resamples=5)
    grown = pa.total_allocated_bytes() - before
    assert len(table) == 1_200 and grown < 5_000_000
    assert table["article_id"].iloc[0] == "+".join(x.article_id for x in a)
    assert (table["reference"] == "+".join(x.article_id for x in b)).all()


def test_counting_and_keyness_articles_with_a_100kb_token_stay_small():
    import tracemalloc

    long = "q" * 100_000
    a = Article("a", "", (" ".join(f"alpha{i}" for i in range(3_000)) + f" {long}.",))
    b = Article("b", "", (" ".join(f"beta{i}" for i in range(3_000)) + ".",))
    tracemalloc.start()
    table = keyness(a, b, prior="uniform")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert long in set(table["term"]) and len(table) == 6_001
    assert peak < 100_000_000  # fixed-width: 6,001 × 400 KB = 2.4 GB


def test_tfidf_matches_scikit_learn_tfidftransformer(seeds):
    from sklearn.feature_extraction.text import TfidfTransformer

    counts = count_terms(seeds)
    reference = TfidfTransformer().fit(counts.counts)
    expected = reference.transform(counts.counts).toarray()
    table = tfidf(seeds)
    for i, article_id in enumerate(counts.article_ids):
        rows = table[table["article_id"] == article_id].set_index("term")
        column = pd.Index(counts.terms).get_indexer(rows.index)
        assert rows["tfidf"].to_numpy() == pytest.approx(expected[i, column], abs=1e-12)
        assert rows["idf"].to_numpy() == pytest.approx(reference.idf_[column], abs=1e-12)
        ranks = rows["tfidf"].rank(method="min", ascending=False).astype(int)
        assert rows["rank"].tolist() == ranks.tolist()


def test_tfidf_in_blocks_of_articles_still_matches_scikit_learn(monkeypatch):
    # articles are weighted a block at a time (bounded memory); with blocks of 2 over 5
    # articles, idf still comes from every article and ranks stay within each article
    import sys

    from sklearn.feature_extraction.text import TfidfTransformer

    monkeypatch.setattr(sys.modules["newsframe.terms.tfidf"], "_BLOCK", 2)
    texts = ["Ships sail. Ships dock.", "Ports close.", "Ships wait at ports.",
             "Storms close ports.", "Crews sail ships."]  # fmt: skip
    articles = [Article(f"a{i}", "", (t,)) for i, t in enumerate(texts)]
    counts = count_terms(articles)
    reference = TfidfTransformer().fit(counts.counts)
    expected = reference.transform(counts.counts).toarray()
    table = tfidf(articles)
    assert table["article_id"].tolist() == sorted(table["article_id"].tolist())
    for i, article_id in enumerate(counts.article_ids):
        rows = table[table["article_id"] == article_id].set_index("term")
        column = pd.Index(counts.terms).get_indexer(rows.index)
        assert rows["tfidf"].to_numpy() == pytest.approx(expected[i, column], abs=1e-12)
        ranks = rows["tfidf"].rank(method="min", ascending=False).astype(int)
        assert rows["rank"].tolist() == ranks.tolist()


def test_background_lemma_table_kept_between_runs_gives_the_same_values(tmp_path, monkeypatch):
    from newsframe.terms import background

    terms = ["island", "be", "kuril island", "qwxzvj"]
    monkeypatch.setenv("NEWSFRAME_CACHE", "")
    background._background_table.cache_clear()
    fresh = background.background_frequencies(terms)
    monkeypatch.setenv("NEWSFRAME_CACHE", str(tmp_path))
    background._background_table.cache_clear()
    written = background.background_frequencies(terms)
    assert len(list(tmp_path.glob("background-lemmas-*.json"))) == 1
    background._background_table.cache_clear()
    read = background.background_frequencies(terms)
    background._background_table.cache_clear()
    assert fresh.tolist() == written.tolist() == read.tolist()


def test_an_unusable_lemma_cache_is_computed_again(tmp_path, monkeypatch):
    # issue 17, item 11: a cache file that cannot be read or is not a table must not abort
    from newsframe.terms import background

    terms = ["island", "be", "qwxzvj"]
    monkeypatch.setenv("NEWSFRAME_CACHE", "")
    background._background_table.cache_clear()
    fresh = background.background_frequencies(terms).tolist()
    cases = {
        "name too long": (tmp_path / ("x" * 300), None),
        "not a table": (tmp_path / "list", b"[1, 2]"),
        "not numbers": (tmp_path / "words", b'{"island": "many"}'),
        "nested too deep": (tmp_path / "deep", b"[" * 200_000),
    }
    for what, (folder, data) in cases.items():
        monkeypatch.setenv("NEWSFRAME_CACHE", str(folder))
        if data is not None:
            folder.mkdir()
            background._cache_file().write_bytes(data)
        background._background_table.cache_clear()
        assert background.background_frequencies(terms).tolist() == fresh, what
    background._background_table.cache_clear()
