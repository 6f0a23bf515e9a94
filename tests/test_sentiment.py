"""Tests for newsframe.sentiment: values from VADER's paper/README and worked out by hand."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest
from conftest import KURIL, STORY

import newsframe as nf
from newsframe import sentiment, stats
from newsframe.cleaning import Removal
from newsframe.errors import InputError, NewsframeError
from newsframe.sentiment import scoring


def vader(x: float) -> float:
    """VADER's normalisation of a summed valence, x / sqrt(x^2 + 15), rounded as VADER does."""
    return round(x / math.sqrt(x * x + 15), 4)


# lexicon valences (vader_lexicon.txt): good 1.9, bad -2.5; "red" is not in the lexicon
GOOD, BAD = vader(1.9), vader(-2.5)
THREE = nf.Article("three", "T", ("The book was good. The book was bad.", "The book was red."))


# --- VADER's published examples through the API -------------------------------------------


@pytest.mark.parametrize(
    ("text", "compound"),
    [
        ("The book was good.", 0.4404),
        ("At least it isn't a horrible book.", 0.431),
        ("VADER is not smart, handsome, nor funny.", -0.7424),
    ],
)
def test_published_examples(text: str, compound: float) -> None:
    table = nf.sentence_sentiment(nf.Article("x", "T", (text,)))
    assert table["compound"].tolist() == [compound]
    assert nf.score_texts([text])["compound"].tolist() == [compound]


def test_sentence_table_shape_and_headline_excluded() -> None:
    table = nf.sentence_sentiment(nf.Article("x", "Awful terrible headline", ("Fine.",)))
    assert list(table.columns) == list(sentiment.SENTENCE_COLUMNS)
    assert table["sentence"].tolist() == ["Fine."]
    row = table.iloc[0]
    assert math.isclose(row["pos"] + row["neu"] + row["neg"], 1.0, abs_tol=0.002)


def test_empty_corpus_gives_empty_table() -> None:
    table = nf.sentence_sentiment(nf.Corpus([]))
    assert table.empty and list(table.columns) == list(sentiment.SENTENCE_COLUMNS)


def test_rejects_non_articles() -> None:
    with pytest.raises(NewsframeError, match="expected a Corpus"):
        nf.sentence_sentiment(["just a string"])


def test_analyzer_built_quietly_under_strict_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    scoring._ANALYZERS.clear()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert nf.score_texts(["The book was good."])["compound"].tolist() == [0.4404]
    assert capsys.readouterr().out == ""
    assert scoring._analyzer() is scoring._analyzer()  # one analyzer, reused


def test_parallel_matches_serial_and_shows_progress(capsys: pytest.CaptureFixture[str]) -> None:
    paragraphs = tuple("The book was good. The book was bad. It was red." for _ in range(400))
    article = nf.Article("big", "T", paragraphs)  # 1,200 sentences: three chunks
    serial = nf.sentence_sentiment(article, n_jobs=1)
    parallel = nf.sentence_sentiment(article, n_jobs=2, progress=True)
    pd.testing.assert_frame_equal(serial, parallel)
    assert "VADER" in capsys.readouterr().err
    assert serial["compound"].tolist()[:3] == [GOOD, BAD, 0.0]


# --- summaries ------------------------------------------------------------------------------


def test_three_sentence_summary_by_hand() -> None:
    table = nf.sentence_sentiment(THREE)
    assert table["compound"].tolist() == [GOOD, BAD, 0.0]
    assert table["paragraph_id"].tolist() == [0, 0, 1]
    s = nf.sentiment_summary(table).set_index("statistic")
    assert list(s.index) == list(sentiment.STATISTICS)
    assert s.loc["mean_compound", "value"] == pytest.approx((0.4404 - 0.5423 + 0.0) / 3)
    assert s.loc["median_compound", "value"] == 0.0
    for share in ("share_positive", "share_neutral", "share_negative"):
        assert s.loc[share, "value"] == pytest.approx(1 / 3)
    assert (s["n_sentences"] == 3).all()
    # every bootstrap mean of three values lies between the smallest and the largest
    lo, hi = s.loc["mean_compound", ["ci_low", "ci_high"]]
    assert BAD - 1e-9 <= lo <= hi <= GOOD + 1e-9
    assert s.loc["share_negative", "ci_low"] >= 0 and s.loc["share_negative", "ci_high"] <= 1


def test_thresholds_are_vaders() -> None:
    t = pd.DataFrame({"article_id": ["a"] * 4, "compound": [0.05, 0.0499, -0.0499, -0.05]})
    s = nf.sentiment_summary(t).set_index("statistic")["value"]
    assert (s["share_positive"], s["share_neutral"], s["share_negative"]) == (0.25, 0.5, 0.25)


def test_one_sentence_interval_is_the_value() -> None:
    t = pd.DataFrame({"article_id": ["a"], "compound": [0.3]})
    s = nf.sentiment_summary(t)
    assert (s["ci_low"] == s["value"]).all() and (s["ci_high"] == s["value"]).all()


def test_bootstrap_reproducible_and_seeded() -> None:
    rng = np.random.default_rng(1)
    t = pd.DataFrame({"article_id": ["a"] * 20 + ["b"] * 15, "compound": rng.uniform(-1, 1, 35)})
    first, again = nf.sentiment_summary(t, seed=3), nf.sentiment_summary(t, seed=3)
    pd.testing.assert_frame_equal(first, again)
    other = nf.sentiment_summary(t, seed=4)
    assert not np.allclose(first["ci_low"], other["ci_low"])
    # a group's interval does not depend on the other groups
    alone = nf.sentiment_summary(t[t.article_id == "b"], seed=3).reset_index(drop=True)
    pd.testing.assert_frame_equal(first[first.article_id == "b"].reset_index(drop=True), alone)


def test_summary_by_several_columns_and_errors() -> None:
    t = pd.DataFrame(
        {"article_id": list("aab"), "actor_id": list("xyx"), "compound": [0.1, 0.2, 0.3]}
    )
    s = nf.sentiment_summary(t, by=["article_id", "actor_id"])
    assert s[["article_id", "actor_id"]].drop_duplicates().values.tolist() == [
        ["a", "x"],
        ["a", "y"],
        ["b", "x"],
    ]
    with pytest.raises(NewsframeError, match="lacks column"):
        nf.sentiment_summary(t.drop(columns="compound"))
    with pytest.raises(NewsframeError, match="confidence"):
        nf.sentiment_summary(t, confidence=95)


def _summary_one_group_at_a_time(table, keys, confidence=0.95, n_resamples=400, seed=0):
    """The reference: each group bootstrapped alone with numpy's statistics and np.quantile."""
    funcs = {
        "mean_compound": lambda x: x.mean(axis=-1),
        "median_compound": lambda x: np.median(x, axis=-1),
        "share_positive": lambda x: (x >= 0.05).mean(axis=-1),
        "share_neutral": lambda x: ((x > -0.05) & (x < 0.05)).mean(axis=-1),
        "share_negative": lambda x: (x <= -0.05).mean(axis=-1),
    }
    rows = []
    for group, sub in table.groupby(keys, sort=False):
        x = sub["compound"].to_numpy(dtype=float)
        dist = stats.bootstrap_statistics(x, funcs, n_resamples=n_resamples, seed=seed)
        for stat, func in funcs.items():
            lo, hi = np.quantile(dist[stat], [(1 - confidence) / 2, (1 + confidence) / 2])
            rows.append((*group, stat, float(func(x)), float(lo), float(hi), len(x)))
    return pd.DataFrame(
        rows, columns=[*keys, "statistic", "value", "ci_low", "ci_high", "n_sentences"]
    )


def test_summary_of_many_articles_equals_one_article_at_a_time() -> None:
    # articles of 1 to 30 sentences (several of each length), interleaved rows, a row without an
    # article id: the summary draws for every article what it would draw for that article alone
    rng = np.random.default_rng(11)
    sizes = rng.integers(1, 31, size=60)
    ids = np.repeat(np.arange(60), sizes)
    rng.shuffle(ids)
    t = pd.DataFrame(
        {
            "article_id": [f"a{i}" for i in ids],
            "actor_id": rng.choice(["x", "y"], size=len(ids)),
            "number": ids,
            "compound": np.round(rng.uniform(-1, 1, len(ids)), 4),
        }
    )
    t.loc[5, "article_id"] = None
    for keys in (["article_id"], ["article_id", "actor_id"], ["number"]):
        got = nf.sentiment_summary(t, by=keys, n_resamples=400, confidence=0.9)
        want = _summary_one_group_at_a_time(t, keys, confidence=0.9)
        pd.testing.assert_frame_equal(got, want, check_exact=True)


# --- comparison -----------------------------------------------------------------------------

TWO_TWO = pd.DataFrame({"article_id": list("aabb"), "compound": [0.1, 0.2, 0.3, 0.4]})


def test_exact_permutation_two_vs_two_by_hand() -> None:
    # The 6 ways to give two of {.1,.2,.3,.4} to a: mean differences -.2, -.1, 0, 0, .1, .2;
    # |d| >= |-.2| in 2 of 6 splits, so p = 1/3.
    r = nf.compare_sentiment(TWO_TWO, "a", "b").set_index("statistic")
    mean = r.loc["mean_compound"]
    assert mean["difference"] == pytest.approx(-0.2)
    assert mean["p_value"] == pytest.approx(1 / 3)
    assert bool(mean["exact"])
    # Hedges' g: pooled sd sqrt(0.005), d = -0.2 / 0.0707 = -2.828, J = 1 - 3/(4*4 - 9) = 4/7
    assert mean["effect_size"] == pytest.approx(-0.2 / math.sqrt(0.005) * 4 / 7)
    assert mean["effect_measure"] == "hedges_g"
    # Cliff's delta: every a below every b
    assert r.loc["median_compound", "effect_size"] == -1.0
    # all four sentences positive: no split differs, p = 1, Cohen's h = 0
    assert r.loc["share_positive", "p_value"] == 1.0
    assert r.loc["share_positive", "effect_size"] == 0.0
    assert (r["n_a"] == 2).all() and (r["n_b"] == 2).all()


def test_exact_permutation_of_shares() -> None:
    # a = two neutral, b = two positive sentences: only the observed split and its mirror
    # image reach |difference| = 1, so p = 2/6; Cohen's h = 0 - 2*asin(1) = -pi.
    t = pd.DataFrame({"article_id": list("aabb"), "compound": [0.0, 0.0, 0.5, 0.5]})
    r = nf.compare_sentiment(t, "a", "b").set_index("statistic").loc["share_positive"]
    assert (r["difference"], r["p_value"]) == (-1.0, pytest.approx(1 / 3))
    assert r["effect_size"] == pytest.approx(-math.pi)


def test_random_permutation_reproducible_and_close_to_exact() -> None:
    rng = np.random.default_rng(7)
    t = pd.DataFrame({"article_id": ["a"] * 5 + ["b"] * 5, "compound": rng.uniform(-1, 1, 10)})
    exact = nf.compare_sentiment(t, "a", "b", n_resamples=252)  # C(10, 5) = 252 splits
    sampled = nf.compare_sentiment(t, "a", "b", n_resamples=251, seed=5)
    assert exact["exact"].all() and not sampled["exact"].any()
    pd.testing.assert_frame_equal(
        sampled, nf.compare_sentiment(t, "a", "b", n_resamples=251, seed=5)
    )
    assert np.allclose(sampled["p_value"], exact["p_value"], atol=0.1)
    assert (sampled["p_value"] >= 1 / 252).all()


def test_compare_groups_and_errors() -> None:
    t = pd.DataFrame(
        {"article_id": list("aabbccd"), "compound": [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]}
    )
    r = nf.compare_sentiment(t, ["a", "b"], "c", n_resamples=50)
    # two articles on one side: the article is the unit (a: 0.15, b: 0.35 -> 0.25; c: 0.55)
    assert (r["a"].iloc[0], r["b"].iloc[0], r["n_a"].iloc[0], r["n_b"].iloc[0]) == (
        "a+b",
        "c",
        2,
        1,
    )
    assert (r["unit"].iloc[0], r["n_sentences_a"].iloc[0], r["n_sentences_b"].iloc[0]) == (
        "article",
        4,
        2,
    )
    assert r.set_index("statistic").loc["mean_compound", "difference"] == pytest.approx(-0.3)
    with pytest.raises(NewsframeError, match="no sentences for article_id 'z'"):
        nf.compare_sentiment(t, "a", "z")
    with pytest.raises(NewsframeError, match="need 2"):
        nf.compare_sentiment(t, "a", "d")


def test_no_variation_effect_size() -> None:
    t = pd.DataFrame({"article_id": list("aabb"), "compound": [0.2, 0.2, 0.2, 0.2]})
    r = nf.compare_sentiment(t, "a", "b").set_index("statistic")
    assert r.loc["mean_compound", "effect_size"] == 0.0
    assert r.loc["mean_compound", "p_value"] == 1.0


# --- actors and arcs ------------------------------------------------------------------------

ACTORS = nf.Article(
    "act", "T", ("Vladimir Putin praised Japan. The islands were sad.", "It rained in Tokyo.")
)


def test_actor_sentences_and_sentiment() -> None:
    links = nf.actor_sentences(ACTORS, actors=KURIL.actors)
    assert links[["sentence_id", "actor_id", "matched", "other_actors"]].values.tolist() == [
        [0, "putin", "Vladimir Putin", 1],
        [0, "japan", "Japan", 1],
        [1, "islands", "The islands", 0],
        [2, "japan", "Tokyo", 0],
    ]
    praised, sad = vader(2.2), vader(-2.1)  # lexicon: praised 2.2, sad -2.1
    assert links["compound"].tolist() == [praised, praised, sad, 0.0]
    table = nf.actor_sentiment(ACTORS, actors=KURIL.actors)
    means = table[table.statistic == "mean_compound"].set_index("actor_id")
    assert list(means.index) == ["putin", "japan", "islands"]  # the actor table's order
    assert means.loc["japan", "value"] == pytest.approx(praised / 2)
    assert means.loc["japan", "n_sentences"] == 2
    assert means.loc["islands", "actor"] == "the islands"


def test_actor_sentiment_from_table_and_custom_actors(tmp_path) -> None:
    path = tmp_path / "actors.toml"
    path.write_text('[actor.rain]\nname = "Rain"\nkind = "weather"\naliases = ["rained"]\n')
    table = nf.sentence_sentiment(ACTORS)
    out = nf.actor_sentiment(table, actors=nf.load_actors(path))
    assert set(out["actor_id"]) == {"rain"} and (out["n_sentences"] == 1).all()
    with pytest.raises(NewsframeError, match="lacks column"):
        nf.actor_sentences(table.drop(columns="sentence"))


def test_arc_positions_and_rolling_mean() -> None:
    arc = nf.sentiment_arc(nf.sentence_sentiment(THREE), window=3)
    assert arc["position"].tolist() == pytest.approx([1 / 6, 1 / 2, 5 / 6])
    assert arc["rolling_mean"].tolist() == pytest.approx(
        [(GOOD + BAD) / 2, (GOOD + BAD) / 3, BAD / 2]
    )
    with pytest.raises(NewsframeError, match="odd"):
        nf.sentiment_arc(arc, window=2)


# --- coverage, gaps, domain -----------------------------------------------------------------


def test_coverage_by_hand() -> None:
    a = nf.Article("c", "T", ("The book was very good. Putin annexed 3 islands.",))
    row = nf.sentiment_coverage(a).iloc[0]
    # tokens: The book was very good | Putin annexed islands ("3" is not a word) = 8
    assert (row["sentences"], row["tokens"], row["lexicon_tokens"]) == (2, 8, 1)
    assert row["share_lexicon"] == pytest.approx(1 / 8)
    assert (row["modifier_tokens"], row["blind_sentences"], row["share_blind"]) == (1, 1, 0.5)


def test_lexicon_gaps_frame_words() -> None:
    a = nf.Article(
        "g", "T", ("Japan says Russia occupied the islands. They never signed a peace treaty.",)
    )
    gaps = nf.lexicon_gaps(a).set_index("word")
    assert list(gaps.index) == ["occupied", "peace", "treaty"]
    assert gaps.loc["occupied", "reading"] == "absent" and gaps.loc["occupied", "valence"] == 0.0
    assert gaps.loc["peace", "valence"] == 2.5 and gaps.loc["peace", "reading"] == "positive"
    assert gaps.loc["treaty", "example"] == "They never signed a peace treaty."
    custom = nf.lexicon_gaps(a, watchlist={"japan": "a test"})
    assert custom["word"].tolist() == ["japan"] and not custom["in_lexicon"].iloc[0]


def test_issue_words_absent_and_watchlist_notes_match_lexicon() -> None:
    lexicon = nf.vader_lexicon()
    for word in ("claimed", "occupied", "annexed", "sovereignty", "sanctions", "treaty"):
        assert word not in lexicon
    assert lexicon["peace"] == 2.5
    for word, why in nf.load_watchlist().items():
        head = why.split(":")[0]
        if head[:1] in "+-" and head[1:2].isdigit():  # a note that states VADER's valence
            assert lexicon[word] == float(head), word
        elif "absent" in why:
            assert word not in lexicon, word


def test_domain_adjustment_is_opt_in(tmp_path) -> None:
    text = "Putin said a peace treaty was an anachronism."
    plain = nf.score_texts([text])["compound"].iloc[0]
    assert plain == vader(2.5)  # only "peace" is in the lexicon
    assert nf.load_domain_lexicon() == {}  # the shipped file is story-neutral: no rows
    domain = nf.load_story(STORY).resources.sentiment_domain  # the story's [sentiment.domain]
    assert domain["peace"] == 0.0 and domain["sanctions"] == -1.2
    assert nf.score_texts([text], domain=domain)["compound"].iloc[0] == 0.0
    assert nf.score_texts([text])["compound"].iloc[0] == plain  # the default is untouched
    assert "peace" not in nf.vader_lexicon(domain) and "peace" in nf.vader_lexicon()
    path = tmp_path / "d.csv"
    path.write_text("# mine\nword,valence,why\ntreaty,1.5,test\n")
    assert nf.score_texts([text], domain=nf.load_domain_lexicon(path))["compound"].iloc[0] == (
        vader(2.5 + 1.5)
    )


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("word,valence\nPeace,1\n", "one lowercase token"),
        ("word,valence\npeace treaty,1\n", "one lowercase token"),
        ("word,valence\npeace,high\n", "not a number"),
        ("word,valence\npeace,9\n", "-4..4"),
    ],
)
def test_domain_file_errors(tmp_path, content: str, problem: str) -> None:
    path = tmp_path / "d.csv"
    path.write_text(content)
    with pytest.raises(InputError, match=problem) as info:
        nf.load_domain_lexicon(path)
    assert str(path) in str(info.value)
    with pytest.raises(InputError, match="cannot read"):
        nf.load_domain_lexicon(tmp_path / "missing.csv")


# --- boilerplate audit ----------------------------------------------------------------------


def test_removed_sentiment_and_audit_by_hand() -> None:
    removed = (
        Removal(1, "Support us", "donation appeal"),
        Removal(2, "Bad News Headline", "headline"),
        Removal(4, "A dog. Kremlin Press Service", "photo caption or credit"),
    )
    a = nf.Article("b", "Bad News Headline", ("The book was good.",), removed=removed)
    r = nf.removed_sentiment(a)
    assert r[["line_no", "kind", "sentence"]].values.tolist() == [
        [1, "boilerplate", "Support us"],
        [2, "headline", "Bad News Headline"],
        [4, "caption", "A dog."],
        [4, "caption", "Kremlin Press Service"],
    ]
    support, bad = vader(1.7), vader(-2.5)  # lexicon: support 1.7, bad -2.5
    assert r["compound"].tolist() == [support, bad, 0.0, 0.0]
    audit = nf.boilerplate_audit(a).set_index("kind")
    assert list(audit.index) == ["boilerplate", "caption", "headline", "all removed"]
    assert audit.loc["boilerplate", "combined_mean"] == pytest.approx((GOOD + support) / 2)
    assert audit.loc["caption", "shift"] == pytest.approx(GOOD / 3 - GOOD)
    assert audit.loc["all removed", "removed_sentences"] == 4
    assert audit.loc["all removed", "combined_mean"] == pytest.approx((GOOD + support + bad) / 5)
    assert (audit["body_mean"] == GOOD).all()
    by_reason = nf.boilerplate_audit(a, by="reason").set_index("reason")
    assert list(by_reason.index) == [
        "donation appeal",
        "headline",
        "photo caption or credit",
        "all removed",
    ]
    assert by_reason.loc["donation appeal", "shift"] == pytest.approx((GOOD + support) / 2 - GOOD)
    with pytest.raises(NewsframeError, match="by must be"):
        nf.boilerplate_audit(a, by="line")


def test_compare_sentiment_takes_the_article_as_unit_with_several_articles_a_side():
    # issue 20 item 12; worked by hand. Article means: a 0.4, 0.5, 0.6 (side mean 0.5) and
    # b 0.0, 0.1, 0.3 (side mean 0.1333). Of the C(6,3) = 20 splits of the six article means,
    # |mean A - mean B| >= 0.3667 only for {.4,.5,.6} and {0,.1,.3}: exact p = 2/20 = 0.1.
    # Hedges' g: pooled sd sqrt((2 * 0.01 + 2 * 0.023333) / 4) = 0.1291; g = 0.3667 / 0.1291
    # * (1 - 3/15) = 2.272.
    scores = {"a1": [0.3, 0.5], "a2": [0.5, 0.5], "a3": [0.7, 0.5],
              "b1": [0.1, -0.1], "b2": [0.1, 0.1], "b3": [0.2, 0.4]}  # fmt: skip
    table = pd.DataFrame(
        [(k, v) for k, values in scores.items() for v in values], columns=["article_id", "compound"]
    )
    out = nf.compare_sentiment(table, ["a1", "a2", "a3"], ["b1", "b2", "b3"])
    row = out.set_index("statistic").loc["mean_compound"]
    assert row["unit"] == "article"
    assert (int(row["n_a"]), int(row["n_b"])) == (3, 3)
    assert (int(row["n_sentences_a"]), int(row["n_sentences_b"])) == (6, 6)
    assert row["value_a"] == pytest.approx(0.5)
    assert row["value_b"] == pytest.approx(0.4 / 3)
    assert row["p_value"] == pytest.approx(0.1)
    assert bool(row["exact"])
    assert row["effect_size"] == pytest.approx(2.272, abs=1e-3)
    # one article a side: still the sentence as the unit
    single = nf.compare_sentiment(table, "a1", "b1")
    assert set(single["unit"]) == {"sentence"}
    assert int(single["n_a"].iloc[0]) == 2


# --- words inside multi-word names (issue 20 item 14) -------------------------------------------


def test_a_lexicon_word_inside_a_name_does_not_drive_the_score() -> None:
    # "Party" (VADER 1.7) and "Justice" (2.4) name an organisation here; only "lost" (-1.3) judges
    text = "The Justice and Development Party lost the vote."
    assert nf.score_texts([text])["compound"].iloc[0] == vader(-1.3)
    # the same words outside a name still score: "justice" 2.4 + "lost" -1.3
    assert nf.score_texts(["They lost but justice was done."])["compound"].iloc[0] != 0.0
    plain = nf.score_texts(["The party lost the vote."])["compound"].iloc[0]
    assert plain == vader(1.7 - 1.3)
    # the first word of a sentence alone does not make a name: "Happy" (2.7) still scores
    assert nf.score_texts(["Happy Japanese officials."])["compound"].iloc[0] == vader(2.7)


def test_names_found_after_quotes_joiners_and_accented_capitals() -> None:
    # the words each name masks, by hand: a run of capitals may open after a quote, hold
    # "of"/"and" between its words and start with a capital outside ASCII; lexicon words only
    lexicon = nf.vader_lexicon()
    cases = {
        "Officials of the Party of Hope and Glory were happy.": ["party", "hope", "glory"],
        'He praised the "Friendly Islands Trust" warmly.': ["friendly", "trust"],
        "Ça va: Élite Party wins.": ["party"],
        "Putin was happy and Abe was sad.": [],  # capitals, but never two in a row
        "Happy Japanese officials smiled.": [],  # a sentence's first word alone
    }
    for text, words in cases.items():
        assert sentiment.mask_names(text, lexicon)[1] == words, text


def test_the_drivers_table_shows_words_inside_names() -> None:
    article = nf.Article("a", "T", ("The Liberal Democratic Party won. The party was happy.",))
    drivers = nf.sentiment_drivers(article).set_index("word")
    # "party": once inside the name (not scored), once as a common noun (scored)
    assert (int(drivers.loc["party", "count"]), int(drivers.loc["party", "in_names"])) == (1, 1)
    assert int(drivers.loc["happy", "in_names"]) == 0
    rows = nf.explain_sentence("The Liberal Democratic Party won.")
    assert rows[["token", "rule_valence", "in_name"]].values.tolist() == [
        ["Party", 0.0, True],
        ["won", nf.vader_lexicon()["won"], False],
    ]


def test_polarity_matches_vader_to_the_bit():
    # the shortcuts (no emoji rebuilding, no rules without a lexicon word) change nothing:
    # every score equals vaderSentiment's own polarity_scores, the reference implementation
    from newsframe.sentiment.scoring import _analyzer, _polarity, mask_names

    analyzer = _analyzer()
    texts = ["", "   ", "The talks resume on Monday.", "No.", "no deal", ":)", "ok :(",
             "It is not BAD at all!!", "kind of great", "The food was good but the service was bad.",
             "Hardly a victory, at least not yet?", "x \U0001f642 fine", "\U0001f600"]  # fmt: skip
    for text in texts:
        want = analyzer.polarity_scores(mask_names(text, analyzer.lexicon)[0])
        got = _polarity(analyzer, text)
        assert [repr(got[k]) for k in want] == [repr(v) for v in want.values()], text
    assert _polarity(analyzer, "The talks resume on Monday.") == {
        "neg": 0.0, "neu": 1.0, "pos": 0.0, "compound": 0.0}  # fmt: skip


def test_each_vader_rule_scores_as_vaders_own_analyzer():
    # the rules re-read on lowercased tokens (no, negation, never so / without doubt, boosters
    # and dampeners up to three words before, capitals, idioms, "least", "kind of", "but")
    # against a fresh vaderSentiment analyzer, the reference implementation, value by value
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from newsframe.sentiment.scoring import _analyzer, _domain_key, _polarity, mask_names

    texts = ["no good", "No, good.", "no problem at all", "not no good", "it is no or nor good",
             "isn't good", "I don't think it is good", "never so good", "never this bad",
             "without doubt good", "without any doubt good", "it is so good", "they are this bad",
             "at least good", "very least good", "the least good news", "least good",
             "It is VERY good news", "it is good, VERY", "extremely very good", "barely good",
             "slightly hardly bad", "sort of good", "kind of good", "a kind of bad deal",
             "the deal was the bomb", "it was the shit", "a bad ass deal", "bus stop fine",
             "yeah right good", "good but bad", "bad but not so bad but good", "GOOD!!",
             "Is it good??", "not the least bit happy", "he had no doubt it was great"]  # fmt: skip
    for key in [(), _domain_key({"deal": 1.5}, ["good"])]:
        ours = _analyzer(key)
        reference = SentimentIntensityAnalyzer()
        reference.lexicon = dict(ours.lexicon)
        for text in texts:
            want = reference.polarity_scores(mask_names(text, ours.lexicon)[0])
            got = _polarity(ours, text)
            assert [repr(got[k]) for k in want] == [repr(v) for v in want.values()], text
    # two of them by hand: VADER's N_SCALAR -0.74 on good's 1.9; "never this" multiplies by 1.25
    scores = [_polarity(_analyzer(), t)["compound"] for t in ["isn't good", "never this good"]]
    norm = [round(x / (x * x + 15) ** 0.5, 4) for x in (1.9 * -0.74, 1.9 * 1.25)]
    assert scores == norm
