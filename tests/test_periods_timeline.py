"""Over-time tables on the 30-article timeline fixture (``tests/fixtures/timeline``), by hand.

The fixture's layout (``make_fixture.py`` there): three groups of ten articles, January to June
2024; per month norland has 2, 2, 2, 1, 2, 1 articles, sudovia 1, 2, 2, 2, 2, 1 and wire
2, 1, 2, 2, 1, 2. Norland calls the dam "Veltra Dam" from January to March and "the dam" from
April; wire quotes Brekke in its odd-numbered articles and Halvik in its even ones.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import newsframe as nf

FIXTURE = Path(__file__).parent / "fixtures" / "timeline"


@pytest.fixture(scope="module")
def result():
    corpus = nf.load_corpus(FIXTURE / "articles.csv", story=FIXTURE / "story.toml")
    return nf.over_time(corpus, nf.compute_article_tables(corpus, n_jobs=1))


def test_six_months_by_default(result):
    assert result.period == "month"  # 2024-01-08 .. 2024-06-18: 24 ISO weeks, 6 months
    assert result.attention["period"].unique().tolist() == [f"2024-0{m}" for m in range(1, 7)]


def test_attention_per_month_and_group(result):
    a = result.attention.pivot(index="group", columns="period", values="articles")
    assert a.loc["norland"].tolist() == [2, 2, 2, 1, 2, 1]
    assert a.loc["sudovia"].tolist() == [1, 2, 2, 2, 2, 1]
    assert a.loc["wire"].tolist() == [2, 1, 2, 2, 1, 2]
    assert result.attention["thin"].all()  # never three articles of a group in one month


def test_norland_changes_the_name_in_april(result):
    n = result.naming
    n = n[(n["group"] == "norland") & (n["concept"] == "velt_dam")]
    shares = n.pivot(index="variant", columns="period", values="share")
    assert shares.loc["Veltra Dam"].tolist() == [1, 1, 1, 0, 0, 0]
    assert shares.loc["the dam"].tolist() == [0, 0, 0, 1, 1, 1]


def test_the_name_change_tested_at_the_article_level(result):
    t = result.trends.set_index(["measure", "item", "group"])
    row = t.loc[("naming", "velt_dam: Veltra Dam", "norland")]
    # x = period of each article: 0,0,1,1,2,2,3,4,4,5 (mean 2.2); y = 1 for the six articles
    # before April. Slope = (Σxy − n x̄ ȳ) / (Σx² − n x̄²) = (6 − 13.2) / (76 − 48.4)
    assert row["slope_per_period"] == pytest.approx(-7.2 / 27.6)
    # only the observed choice of six articles (the six earliest) gets a slope this steep: of
    # the C(10, 6) = 210 choices the exact p is 1/210; 999 random orders estimate it
    assert 0.001 <= row["p_value"] < 0.015
    assert row["p_floor"] == pytest.approx(1 / 1000)  # 10!/(2!2!2!1!2!1!) orders: the draws bind
    # 24 tests in the table: after Benjamini–Hochberg the change is not claimed at .05
    assert row["claim"] == "no evidence of change" and row["p_bh"] > 0.05


def test_wire_voices_alternate(result):
    v = result.voice[result.voice["group"] == "wire"]
    jan = v[v["period"] == "2024-01"].set_index("speaker")["share_of_quoted"]
    assert jan.to_dict() == {"brekke": 0.5, "halvik": 0.5}  # wire-01 Brekke, wire-02 Halvik
    feb = v[v["period"] == "2024-02"].set_index("speaker")["share_of_quoted"]
    assert feb.to_dict() == {"brekke": 1.0}  # wire-03 only


@pytest.mark.parametrize("form", ["articles.parquet", "articles.jsonl", "newsplease.jsonl"])
def test_every_form_gives_the_same_periods(form):
    def periods(name):
        corpus = nf.load_corpus(FIXTURE / name, story=FIXTURE / "story.toml")
        return nf.assign_periods(corpus).sort_values("article_id").reset_index(drop=True)

    reference = periods("articles.csv")
    other = periods(form)
    for column in ("article_id", "group", "date", "period", "period_index"):
        assert other[column].tolist() == reference[column].tolist(), column
