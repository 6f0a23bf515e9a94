"""Framing over time: dates, periods and the tables per period and group, checked by hand.

The fixture ``tests/fixtures/over_time`` has six short articles written for these tests, in two
groups over three months: January holds north-01 and south-01, south-02; February north-02 only;
March north-03 and south-03. Every count below is read off the article files by eye.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import newsframe as nf
from newsframe import Article, Corpus, InputError, NewsframeError
from newsframe.periods import (
    assign_periods,
    attention_over_time,
    default_period,
    naming_over_time,
    over_time,
    parse_published,
    sentiment_over_time,
    trends_over_time,
    voice_over_time,
)
from newsframe.stats import slope_permutation_floor, slope_permutation_test

FIXTURE = Path(__file__).parent / "fixtures" / "over_time"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return nf.load_corpus(FIXTURE / "articles.csv", story=FIXTURE / "story.toml")


@pytest.fixture(scope="module")
def tables(corpus):
    return nf.compute_article_tables(corpus, n_jobs=1)


@pytest.fixture(scope="module")
def result(corpus, tables):
    return over_time(corpus, tables)


def _dated(dates, groups=None) -> Corpus:
    groups = groups or ["g"] * len(dates)
    return Corpus(
        Article(f"a{i}", "", ("Text.",), metadata={"published": d, "group": g})
        for i, (d, g) in enumerate(zip(dates, groups, strict=True))
    )


# --- dates and periods ------------------------------------------------------------------------


def test_default_period_follows_the_span():
    def span(*dates):
        return default_period(pd.Series(pd.to_datetime(list(dates))))

    assert span("2024-03-04") == "day"
    assert span("2024-03-04", "2024-03-15") == "day"  # 12 days
    assert span("2024-03-04", "2024-03-16") == "week"  # 13 days, 2 weeks
    assert span("2024-01-10", "2024-03-28") == "week"  # ISO weeks 2..13: 12 weeks
    assert span("2024-01-10", "2024-04-01") == "month"  # weeks 2..14: 13 weeks, 4 months
    assert span("2024-01-10", "2024-06-28") == "month"  # 26 weeks, 6 months
    assert span("2024-01-01", "2025-12-31") == "quarter"  # 24 months, 8 quarters
    assert span("2020-01-01", "2024-12-31") == "year"  # 20 quarters


def test_fixture_is_cut_into_weeks_by_default(result):
    # 2024-01-10 .. 2024-03-28 is ISO weeks 2..13: twelve weeks fit the rule
    assert result.period == "week"
    assert result.assign["period"].tolist()[:2] == ["2024-W02", "2024-W07"]  # 2024-02-14: week 7


def test_periods_labels_start_and_index():
    c = _dated(["2024-12-30", "2025-01-06", "2024-02-29"])
    weeks = assign_periods(c, period="week")
    assert weeks["period"].tolist() == ["2025-W01", "2025-W02", "2024-W09"]
    assert weeks["period_start"].dt.strftime("%Y-%m-%d").tolist() == [
        "2024-12-30", "2025-01-06", "2024-02-26",
    ]  # fmt: skip
    assert weeks["period_index"].tolist() == [44, 45, 0]  # 2024-02-26 + 44 weeks = 2024-12-30
    quarters = assign_periods(c, period="quarter")
    assert quarters["period"].tolist() == ["2024-Q4", "2025-Q1", "2024-Q1"]
    assert assign_periods(c, period="year")["period"].tolist() == ["2024", "2025", "2024"]


def test_timezone_kept_or_normalised():
    c = _dated(["2024-04-01T00:30:00+02:00", "2024-03-15"])
    kept = assign_periods(c, period="month")
    assert kept["period"].tolist() == ["2024-04", "2024-03"]  # published in April where it was
    assert kept["utc_offset"].tolist() == ["+0200", ""]
    utc = assign_periods(c, period="month", timezone="UTC")
    assert utc["period"].tolist() == ["2024-03", "2024-03"]  # 2024-03-31 22:30 UTC


def test_unknown_timezone_is_refused():
    with pytest.raises(NewsframeError, match="timezone 'Mars/Olympus' is not a known time zone"):
        parse_published(_dated(["2024-01-01"]), timezone="Mars/Olympus")


def test_date_format_for_other_spellings():
    c = _dated(["13/12/2016", "23/01/2019"])
    t = parse_published(c, date_format="%d/%m/%Y")
    assert t["date"].dt.strftime("%Y-%m-%d").tolist() == ["2016-12-13", "2019-01-23"]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("13/12/2016", "article 'a1': published '13/12/2016' is not an ISO 8601 date"),
        ("", "article 'a1': no published date"),
        ("2024-02-30", "article 'a1': published '2024-02-30' is not an ISO 8601 date"),
    ],
)
def test_bad_dates_name_the_article(value, message):
    with pytest.raises(InputError, match=message.replace("(", r"\(")):
        assign_periods(_dated(["2024-01-01", value]))


def test_unknown_period_is_refused():
    with pytest.raises(NewsframeError, match="period must be one of day, week"):
        assign_periods(_dated(["2024-01-01"]), period="fortnight")


# --- tables by hand on the fixture ---------------------------------------------------------------


def test_attention_by_hand(corpus, tables):
    assign = assign_periods(corpus, period="month")
    words = corpus.to_frame().set_index("article_id")["words"]
    t = attention_over_time(assign, words)
    rows = t[["period", "group", "articles", "words", "thin"]].values.tolist()
    # words by eye: north-01 11+9+10, south-01 10+10+8 with south-02 9+10+6, north-02 9+9+8, ...
    assert rows == [
        ["2024-01", "north", 1, 30, True],
        ["2024-01", "south", 2, 53, True],
        ["2024-02", "north", 1, 26, True],
        ["2024-02", "south", 0, 0, True],  # an empty month keeps its row
        ["2024-03", "north", 1, 22, True],
        ["2024-03", "south", 1, 28, True],
    ]
    assert t["share_of_period"].round(4).tolist() == [0.3333, 0.6667, 1.0, 0.0, 0.5, 0.5]
    loose = attention_over_time(assign, words, min_articles=2)
    assert loose["thin"].tolist() == [True, False, True, True, True, True]


def test_naming_shares_by_hand(corpus, tables):
    assign = assign_periods(corpus, period="month")
    concepts = corpus.resources.naming_concepts  # every variant a row, in the story's order
    t = naming_over_time(tables["naming_variants"], assign, concepts=concepts).set_index(
        ["period", "group", "variant"]
    )
    # January, south: Toll Boat twice in south-01 and once in south-02, Harbour Link once (in a
    # quotation), the crossing once in each: 1 + 3 + 2 = 6 mentions
    jan = t.loc[("2024-01", "south")]
    assert jan["count"].tolist() == [1, 3, 2]
    assert jan["share"].tolist() == pytest.approx([1 / 6, 3 / 6, 2 / 6])
    assert jan["articles_using"].tolist() == [1, 2, 2]
    assert t.loc[("2024-01", "north", "Harbour Link"), "share"] == pytest.approx(0.75)
    assert t.loc[("2024-03", "north", "the crossing"), "share"] == pytest.approx(2 / 3)
    assert ("2024-02", "south", "Toll Boat") not in t.index  # no articles, no row


def test_voice_shares_by_hand(corpus, tables):
    assign = assign_periods(corpus, period="month")
    t = voice_over_time(tables["share_of_voice"], assign, top=1)
    # Rusk is quoted 6 + 8 + 8 + 8 = 30 words, Vale 7 + 7: Rusk is the top speaker
    top = t[t["speaker"] == "rusk"].set_index(["period", "group"])
    assert top.loc[("2024-01", "south"), "quoted_words"] == 16  # 8 + 8 words
    assert top.loc[("2024-01", "south"), "share_of_quoted"] == 1.0
    others = t[t["speaker"] == "(others)"].set_index(["period", "group"])
    assert others.loc[("2024-01", "north"), "quoted_words"] == 7  # Vale, pooled with the rest
    shares = t.dropna(subset=["share_of_quoted"]).groupby(["period", "group"])["share_of_quoted"]
    assert np.allclose(shares.sum(), 1.0)


def test_keyness_of_a_period_against_the_rest_by_hand(result, corpus, tables):
    assign = assign_periods(corpus, period="month")
    from newsframe.periods import keyness_over_time

    k = keyness_over_time(tables["term_frequencies"], assign, top=None)
    storm = k[(k["period"] == "2024-03") & (k["term"] == "storm")].iloc[0]
    # "Storms" once in March (north-03); March has 22 + 28 = 50 words, the rest 30 + 53 + 26 = 109
    assert (storm["count_a"], storm["count_b"], storm["n_a"], storm["n_b"]) == (1, 0, 50, 109)
    assert storm["log_ratio"] == pytest.approx(math.log2((1 / 50) / (0.5 / 109)))
    # G² = 2 [1 ln(1/E11) + 49 ln(49/E21) + 109 ln(109/E22)], E = 50/159, 50·158/159, 109·158/159
    e11, e21, e22 = 50 / 159, 50 * 158 / 159, 109 * 158 / 159
    g2 = 2 * (math.log(1 / e11) + 49 * math.log(49 / e21) + 109 * math.log(109 / e22))
    assert storm["g2"] == pytest.approx(g2)
    assert (storm["articles_a"], storm["n_articles_a"]) == (1, 2)
    assert set(k["period"]) == {"2024-01", "2024-02", "2024-03"}


# --- sentiment and trends by hand on small tables ---------------------------------------------------


def _assign(periods: list[int], groups: list[str] | None = None) -> pd.DataFrame:
    n = len(periods)
    frame = pd.DataFrame({
        "article_id": [f"a{i}" for i in range(n)],
        "group": groups or ["g"] * n,
        "period": [f"P{p}" for p in periods],
        "period_start": pd.to_datetime("2024-01-01") + pd.to_timedelta(periods, unit="D"),
        "period_index": periods,
    })  # fmt: skip
    frame.attrs["period"] = "day"
    return frame


def _summary(values: list[float]) -> pd.DataFrame:
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(len(values))],
                         "statistic": "mean_compound", "value": values, "ci_low": 0.0,
                         "ci_high": 0.0, "n_sentences": 4})  # fmt: skip


def test_sentiment_mean_over_articles_and_cluster_interval():
    # period 0: articles 0.0 and 1.0 -> mean 0.5; resampled means are 0, 0.5 or 1 with
    # probabilities 1/4, 1/2, 1/4, so the 95% percentile interval is [0, 1]
    # period 1: one article -> no interval
    t = sentiment_over_time(_summary([0.0, 1.0, 0.3]), _assign([0, 0, 1]), min_articles=2)
    assert t["mean_compound"].tolist() == [0.5, 0.3]
    assert t[["ci_low", "ci_high"]].iloc[0].tolist() == [0.0, 1.0]
    assert t[["ci_low", "ci_high"]].iloc[1].isna().all()
    assert t["n_sentences"].tolist() == [8, 4]
    assert t["thin"].tolist() == [False, True]


def test_trend_needs_an_article_level_test():
    # three articles in three periods: 3! orders, two as steep as 1,2,3 (it and 3,2,1): p = 1/3,
    # and no order of three articles can give less: no claim possible
    tables = {"sentiment_summary": _summary([0.1, 0.2, 0.3])}
    t = trends_over_time(tables, _assign([0, 1, 2])).iloc[0]
    assert t["slope_per_period"] == pytest.approx(0.1)
    assert (t["p_value"], t["p_floor"], t["claim"]) == (pytest.approx(1 / 3), pytest.approx(1 / 3),
                                                        "cannot reach alpha")  # fmt: skip
    # five against five articles in two periods, every later one higher: the two-sided floor is
    # 2 / C(10, 5) = 2 / 252; 999 random orders estimate the p
    values = [0.0, 0.1, 0.2, 0.3, 0.4, 1.0, 1.1, 1.2, 1.3, 1.4]
    t = trends_over_time({"sentiment_summary": _summary(values)}, _assign([0] * 5 + [3] * 5))
    row = t.iloc[0]
    assert row["slope_per_period"] == pytest.approx(1.0 / 3)  # a rise of 1.0 over 3 periods
    assert row["p_floor"] == pytest.approx(2 / 252)
    assert 0.002 < row["p_value"] < 0.02
    assert row["claim"] == "change"
    assert row["method"] == "random permutations"


def test_trend_untestable_in_one_period():
    t = trends_over_time({"sentiment_summary": _summary([0.1, 0.5])}, _assign([2, 2]))
    assert t["claim"].tolist() == ["no test"]
    assert t["p_value"].isna().all() and t["method"].tolist() == ["none"]


def test_many_articles_use_the_normal_approximation(monkeypatch):
    import newsframe.periods as periods

    monkeypatch.setattr(periods, "MAX_PERMUTED_ARTICLES", 9)
    values = [0.0, 0.1, 0.2, 0.3, 0.4, 1.0, 1.1, 1.2, 1.3, 1.4]
    row = trends_over_time({"sentiment_summary": _summary(values)}, _assign([0] * 5 + [3] * 5))
    row = row.iloc[0]
    # numerator Σ(x − 1.5)(y − ȳ) = 5 · 1.5 · 0.5 · 2 = 7.5; Σ(x − x̄)² = 22.5;
    # Σ(y − ȳ)² = 10 · 0.25 + 2 · 5 · 0.02 = 2.7; z = 7.5 / sqrt(22.5 · 2.7 / 9) = 2.887
    assert row["method"] == "normal approximation"
    assert row["p_value"] == pytest.approx(
        math.erfc(7.5 / math.sqrt(22.5 * 2.7 / 9) / math.sqrt(2))
    )


def test_slope_floor_and_test_agree_with_counting():
    # x = 0, 1, 1, 2, 2: 5! / (1! 2! 2!) = 30 arrangements; x is not symmetric: floor 1 / 30
    assert slope_permutation_floor([0, 1, 1, 2, 2]) == pytest.approx(1 / 30)
    # x = 0, 1, 1, 2: 4! / (1! 2! 1!) = 12 arrangements, symmetric about 1: floor 2 / 12
    assert slope_permutation_floor([0, 1, 1, 2]) == pytest.approx(2 / 12)
    # slope = (y at x=2 − y at x=0) / 2; |slope| = 1.5 only with 1 and 4 at the ends: 4 of 24
    slope, p, exact = slope_permutation_test([0, 1, 1, 2], [1.0, 2.0, 3.0, 4.0])
    assert exact and slope == pytest.approx(1.5) and p == pytest.approx(4 / 24)


# --- the whole thing -------------------------------------------------------------------------------


def test_over_time_on_the_fixture(result):
    tables = result.tables()
    assert list(tables) == ["periods", "attention__over_time", "sentiment__over_time",
                            "naming_variants__over_time", "frame_dimensions__over_time",
                            "share_of_voice__over_time", "keyness__over_time",
                            "trends__over_time"]  # fmt: skip
    assert result.by == "__by_group"
    assert result.notes[0].startswith("6 articles from 2024-01-10 to 2024-03-28, in 12 weeks")
    assert "no change over time is claimed" in result.notes[-1]


def test_two_articles_say_too_few():
    c = nf.load_corpus(Path(__file__).resolve().parents[1] / "data" / "articles.csv")
    tables = nf.compute_article_tables(c, n_jobs=1)
    r = over_time(c, tables)
    assert r.period == "quarter"  # 2016-12-13 .. 2019-01-23: 26 months, 10 quarters
    assert r.by == ""
    assert any("too few articles per period" in n for n in r.notes)
    assert r.sentiment["thin"].all() and r.sentiment["ci_low"].isna().all()


def test_deterministic(corpus, tables):
    a, b = over_time(corpus, tables), over_time(corpus, tables)
    for name, table in a.tables().items():
        pd.testing.assert_frame_equal(table, b.tables()[name], obj=name)


def test_keyness_takes_the_sizes_of_count_sides():
    a = pd.Series({"storm": 2, "ferry": 1}, name="A")
    b = pd.Series({"storm": 0, "ferry": 3}, name="B")
    k = nf.keyness(a, b, sizes=(10, 30), prior="uniform").set_index("term")
    assert (k.loc["storm", "n_a"], k.loc["storm", "n_b"]) == (10, 30)
    assert k.loc["ferry", "log_ratio"] == pytest.approx(math.log2((1 / 10) / (3 / 30)))  # 0
    with pytest.raises(NewsframeError, match="sizes= is for sides given as term counts"):
        nf.keyness(Article("x", "", ("Storm.",)), b, sizes=(1, 30))


def test_a_huge_date_string_is_refused_quickly():
    value = "2024-01-01" + "T" * 200_000
    with pytest.raises(InputError, match=r"TTT'… \(200,010 characters\) is not an ISO") as exc:
        parse_published(_dated([value]))
    assert len(str(exc.value)) < 200  # the message names the value, not all of it


def test_per_article_rows_get_their_articles_period_and_group_in_order():
    # worked by hand: rows keep the table's order, rows of an article outside the assignment
    # (and of a missing id) are left out, each kept row gets its article's period and group
    from newsframe.periods import _keyed

    assign = pd.DataFrame(
        {"article_id": ["a", "b"], "group": ["east", "west"], "period_index": [3, 0]}
    ).astype({"article_id": "str", "group": "str"})
    table = pd.DataFrame(
        {
            "article_id": ["b", "x", "a", "b", None],
            "term": ["dam", "dam", "river", "river", "dam"],
            "group": ["old", "old", "old", "old", "old"],
        }
    ).astype({"article_id": "str", "term": "str"})
    out = _keyed(table, assign, "test")
    assert list(out.columns) == ["article_id", "term", "period_index", "group"]
    assert out.values.tolist() == [
        ["b", "dam", 0, "west"],
        ["a", "river", 3, "east"],
        ["b", "river", 0, "west"],
    ]
    assert out.index.tolist() == [0, 1, 2]


def test_a_date_that_does_not_parse_names_the_file_the_article_came_from():
    """29 February 2023 is no date; the error names the article's file and id (an article
    built in memory has no file: its id alone)."""
    from newsframe.periods import parse_published

    art = Article("a1", "", ("x.",), source_path=Path("pages/a1.txt"),
                  metadata={"published": "2023-02-29"})  # fmt: skip
    with pytest.raises(InputError) as err:
        parse_published(Corpus([art]))
    assert str(err.value).startswith("pages/a1.txt (article 'a1'): published '2023-02-29'")
    bare = Article("b2", "", ("x.",), metadata={"published": "2023-02-29"})
    with pytest.raises(InputError, match=r"^article 'b2': published"):
        parse_published(Corpus([bare]))
