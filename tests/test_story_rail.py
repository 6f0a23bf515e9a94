"""End to end on an invented twelve-article story with four groups (tests/fixtures/story_rail).

Vestria stops Mardonian freight trains after a derailment at Tarnow junction. Vestrian outlets
call the railway the Amber Line and the measure a safety suspension, Mardonian outlets the
Northern Corridor and a blockade; Lindovian outlets (the transit country) and the rail trade
press mostly say the cross-border railway and the freight ban. Every expected value below was
counted by eye in the article files (the counts are spelled out next to each assertion); none
was copied from the code's output. No notebook runs here.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import newsframe as nf
from newsframe.omission import numbers_in

RAIL = Path(__file__).parent / "fixtures" / "story_rail"
GROUPS = {
    "vestria": ["courier-05-06", "kelm-05-07", "today-05-08"],
    "mardonia": ["post-05-06", "brask-05-07", "radio-05-08"],
    "lindovia": ["lnews-05-06", "lherald-05-07", "observer-05-08"],
    "trade": ["wire-05-06", "weekly-05-07", "review-05-08"],
}


@pytest.fixture(scope="module")
def rail() -> nf.Corpus:
    return nf.load_corpus(RAIL / "articles.csv", story=RAIL / "story.toml")


def test_loads_with_groups_and_manifest_columns(rail):
    assert {g: c.ids for g, c in rail.groups("group").items()} == GROUPS
    frame = rail.to_frame()
    assert list(frame["article_id"]) == [i for ids in GROUPS.values() for i in ids]
    assert list(frame["group"]) == [g for g, ids in GROUPS.items() for _ in ids]
    assert frame.set_index("article_id").loc["brask-05-07", "outlet"] == "Brask Evening"
    # the page chrome named in the fixture (donation appeal, newsletter box, related headlines)
    body = " ".join(rail["courier-05-06"].paragraphs)
    assert "Donate" not in body and "newsletter" not in body and "Floods" not in body
    # a "Caption:" line is a caption, a newsletter box, an advertising line and a
    # syndication credit are not article text
    herald = rail["lherald-05-07"]
    assert any(c.startswith("Caption: Lorries wait") for c in herald.captions)
    assert herald.paragraphs[-1] == "The ban followed a derailment at Tarnow junction on Sunday."
    assert rail["post-05-06"].paragraphs[-1].startswith("Koval said Mardonia would take")
    assert (
        rail["review-05-08"].paragraphs[-1]
        == "Until then, freight is moving by road through Lindovia."
    )
    assert rail["lnews-05-06"].paragraphs[-1].startswith("The railway, which Vestria calls")
    # the three saved .html pages keep their article text
    assert rail["radio-05-08"].paragraphs[0].startswith("Mardonia has asked the Continental")
    pair = nf.comparison_pair(rail)
    assert (pair.a, pair.b) == ("vestria", "mardonia")


def test_naming_counts_per_article_and_group(rail):
    t = nf.restore_naming_zeros(nf.naming_variants(rail), rail).set_index(["article_id", "variant"])
    # post: "a blockade that", "This is a blockade" (quoted), "The blockade costs",
    # "the rail blockade"
    assert t.loc[("post-05-06", "blockade"), ["count", "in_quotes"]].tolist() == [4, 1]
    # courier: "The safety suspension will end" (quoted), "the suspension was"
    assert t.loc[("courier-05-06", "safety suspension"), ["count", "in_quotes"]].tolist() == [2, 1]
    # lherald: "Vestria's freight ban", "the ban lasts", "long freight ban" (quoted), "The ban"
    assert t.loc[("lherald-05-07", "freight ban"), "count"] == 4
    assert t.loc[("lherald-05-07", "Amber Line"), "count"] == 0
    g = nf.naming_by_group(nf.naming_variants(rail), rail).set_index(["group", "variant"])
    # blockade: post 4 + brask 3 + radio 3; Amber Line: courier 2 + kelm 2 + today 1
    assert g.loc[("mardonia", "blockade"), "count"] == 10
    assert g.loc[("vestria", "Amber Line"), ["count", "articles_using"]].tolist() == [5, 3]
    assert g.loc[("mardonia", "Northern Corridor"), "articles_first"] == 3
    assert g.loc[("vestria", "Northern Corridor"), "count"] == 0


def test_who_is_quoted_where(rail):
    v = nf.voice_by_group(nf.share_of_voice(rail), rail).set_index(["group", "speaker"])
    # Marten: courier 2 quotations (one split by "said"), kelm 1, today 2
    assert v.loc[("vestria", "marten"), ["quotes", "articles"]].tolist() == [5, 3]
    # Koval: quoted twice in the Post and on Radio Mardonia, reported ("said the blockade broke")
    # in Brask Evening
    assert v.loc[("mardonia", "koval"), ["quotes", "articles"]].tolist() == [4, 3]
    assert v.loc[("lindovia", "sallo"), ["quotes", "articles"]].tolist() == [3, 2]
    # the union is quoted in both trade pieces: "said Jana Petrosky, general secretary of the
    # Rail Freight Union" and "said Jana Petrosky of the Rail Freight Union"
    assert v.loc[("trade", "union"), ["quotes", "articles"]].tolist() == [2, 2]
    assert ("vestria", "koval") not in v.index  # Vestrian outlets never quote Koval


def test_which_group_tells_which_fact(rail):
    t = nf.group_omissions(rail, by="group")
    facts = nf.sentence_facts(rail)

    def told(article_id: str, start: str) -> dict[str, float]:
        here = facts[(facts.article_id == article_id) & facts.sentence.str.startswith(start)]
        (fact,) = here["fact_id"]
        rows = t[t["fact_id"] == fact].set_index("group")["articles"]
        return {g: n for g, n in rows.items() if n > 0}

    # cracked axles: the three Vestrian outlets and the Europa Rail Review analysis
    assert told("courier-05-06", "Inspectors from the Rail Safety Board found cracked axles") == {
        "vestria": 3, "trade": 1
    }  # fmt: skip
    # the cost to exporters: the three Mardonian outlets and Freight Weekly
    assert told("brask-05-07", "Mardonian exporters are losing") == {"mardonia": 3, "trade": 1}
    # "No one was injured": Mardonian outlets only (the Post and Radio Mardonia as a sentence
    # of its own; Brask Evening merges it with the wagon count)
    assert told("post-05-06", "No one was injured in the derailment.") == {"mardonia": 2}
    # Sallo's line, in the Lindovia Herald and the Tarn Observer
    assert told("lherald-05-07", '"Nobody wins from a long freight ban."') == {"lindovia": 2}
    # Koval's quotation: never told by a Vestrian outlet
    koval = told("post-05-06", '"This is a blockade dressed up as safety,"')
    assert "vestria" not in koval and koval["mardonia"] == 2


def test_facts_do_not_chain_a_story_together(rail):
    facts = nf.sentence_facts(rail)
    per_article = facts.groupby(["fact_id", "article_id"]).size()
    assert per_article.max() == 1  # a fact holds one sentence of each article at most


def test_wire_copy_and_numbers(rail):
    dup = nf.near_duplicates(rail)
    assert dup[["article_id", "other_id"]].values.tolist() == [["lnews-05-06", "wire-05-06"]]
    assert numbers_in("Fourteen wagons left; forty-two trains") == ["14", "42"]
    diff = nf.number_differences(rail)
    kelm_post = diff[(diff.article_id == "kelm-05-07") & (diff.other_id == "post-05-06")]
    # "Fourteen wagons left the track on Sunday" against "Twelve wagons left the track"
    assert any(r.conflict and "14" in r.numbers and "12" in r.other_numbers
               for r in kelm_post.itertuples())  # fmt: skip


def test_a_weekday_against_a_date_is_no_conflict():
    a = nf.Article("a", "", ("Twelve wagons derailed at Tarnow on Sunday.",))
    b = nf.Article("b", "", ("Fourteen wagons derailed at Tarnow on May 4.",))
    c = nf.Article("c", "", ("Twelve wagons derailed at Tarnow on May 4.",))
    d = nf.number_differences([a, b, c]).set_index(["article_id", "other_id"])
    assert not d.loc[("a", "c"), "conflict"]  # Sunday against May 4: two ways to give a day
    assert d.loc[("b", "c"), "conflict"]  # 14 against 12


def test_group_sentiment_uses_articles_with_the_right_floor(rail):
    sentences = nf.sentence_sentiment(rail)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        table = nf.compare_group_sentiment(sentences, rail)
    row = table.set_index("statistic").loc["mean_compound"]
    assert row["unit"] == "article"
    assert (row["n_a"], row["n_b"], row["n_articles_a"], row["n_articles_b"]) == (3, 3, 3, 3)
    # 3 against 3 articles: C(6, 3) = 20 splits, two-sided floor 2/20
    assert row["p_floor"] == pytest.approx(0.10)
    assert row["p_value"] >= 0.10
    assert any("no p-value can fall below 0.1" in str(w.message) for w in caught)


def test_story_sentiment_exclusions_reach_the_scores(rail):
    # "Fourteen wagons left the track at low speed, the Rail Safety Board said.": of its words
    # only "low" (-1.1... see vader_lexicon) and "safety" are in VADER's lexicon; with "safety"
    # excluded the score is VADER's normalisation of "low" alone, v / sqrt(v^2 + 15)
    v = nf.vader_lexicon()["low"]
    t = nf.sentence_sentiment(rail)
    row = t[(t.article_id == "courier-05-06") & (t.sentence_id == 1)]
    assert row["compound"].iloc[0] == pytest.approx(v / (v * v + 15) ** 0.5, abs=1e-4)


def test_story_frame_exclusion_drops_the_regulators_name(rail):
    # courier: "Safety" in the headline, "Rail Safety Board" twice, "safety suspension" once;
    # the story excludes "Rail Safety Board" from health and safety: 1 body hit is left
    t = nf.frame_dimensions(rail).set_index(["article_id", "frame"])
    assert t.loc[("courier-05-06", "health_and_safety"), "hits"] == 1


def test_actors_found_without_a_story_file():
    corpus = nf.with_text_actors(nf.load_corpus(RAIL / "articles.csv"))
    kinds = {a.actor_id: a.kind for a in corpus.resources.actors}
    assert kinds["ilse_marten"] == kinds["dario_koval"] == kinds["aron_sallo"] == "person"
    assert kinds["rail_freight_union"] == kinds["rail_safety_board"] == "organisation"
    assert "continental_wire" not in kinds  # an outlet's credit line is not an actor
    prom = nf.actor_prominence(corpus)
    mentions = prom.groupby("actor_id")["mentions"].sum()
    articles = prom[prom["mentions"] > 0].groupby("actor_id").size()
    # body mentions counted by eye: Marten 2+3+2+1+2+1+2 = 13 in 7 articles; Koval
    # 3+1+2+1+2+1+2 = 12 in 7; Rail Safety Board 2+1+1 = 4 in 3; Jana Petrosky 2+1 = 3 in 2
    assert (mentions["ilse_marten"], articles["ilse_marten"]) == (13, 7)
    assert (mentions["dario_koval"], articles["dario_koval"]) == (12, 7)
    assert (mentions["rail_safety_board"], articles["rail_safety_board"]) == (4, 3)
    assert (mentions["jana_petrosky"], articles["jana_petrosky"]) == (3, 2)
    assert mentions.min() > 0  # no rows of zeros


def test_group_keyness_says_its_unit_and_articles(rail):
    k = nf.group_keyness(rail).set_index("term")
    assert (k["unit"] == "token").all()
    # "Amber Line": courier 2 + kelm 2 + today 1 = 5 against 0, in all three Vestrian articles
    row = k.loc["amber line"]
    assert (row["count_a"], row["count_b"], row["articles_a"], row["n_articles_a"]) == (5, 0, 3, 3)


def test_bylines_under_the_headline_are_bylines_not_captions():
    # kelm line 3 "Posted May 7, 2025 | By Piet Aalders", lherald line 3 "By Tomas Vello in Merin"
    corpus = nf.load_corpus(RAIL / "articles.csv")
    for article_id in ("kelm-05-07", "lherald-05-07"):
        article = corpus[corpus.ids.index(article_id)]
        line3 = [r for r in article.removed if r.line_no == 3]
        assert [r.reason for r in line3] == ["byline"], article_id
        assert not any("By " in c for c in article.captions)


def test_the_union_official_is_quoted_without_a_story_file():
    # weekly: '"...," said Jana Petrosky, general secretary of the Rail Freight Union.';
    # review: '"...," said Jana Petrosky of the Rail Freight Union.' Both quote her, not the union
    t = nf.attributions(nf.load_corpus(RAIL / "articles.csv"))
    direct = t[t["article_id"].isin(["weekly-05-07", "review-05-08"]) & (t["kind"] == "direct")]
    assert direct["speaker"].tolist() == ["Jana Petrosky", "Jana Petrosky"]
