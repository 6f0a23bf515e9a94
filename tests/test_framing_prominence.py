"""Actor prominence and positions on hand-made articles."""

from __future__ import annotations

import pytest
from conftest import KURIL

import newsframe as nf
from newsframe import Article


def test_prominence_by_hand():
    # body: "Abe met Putin." (3 words) "Later Putin left Tokyo." (4 words) -> 7 words
    a = Article("a", "Putin visits", ("Abe met Putin.", "Later Putin left Tokyo."))
    t = nf.actor_prominence([a], resources=KURIL).set_index("actor_id")
    assert t.loc["putin", "mentions"] == 2
    assert t.loc["putin", "per_1000"] == pytest.approx(2000 / 7)
    assert t.loc["putin", "in_headline"] and t.loc["putin", "in_lede"]
    assert t.loc["putin", "first_word"] == 2
    assert t.loc["putin", "first_position"] == pytest.approx(2 / 7)
    assert t.loc["abe", "first_rank"] == 1 and t.loc["putin", "first_rank"] == 2
    assert t.loc["japan", "first_rank"] == 3 and not t.loc["japan", "in_lede"]
    assert t.loc["japan", "first_sentence_id"] == 1
    assert (t["words"] == 7).all()


def test_article_without_actors_has_no_rows_and_defined_zero_rows_restored():
    weather = [Article("a", "Weather", ("It rained all day.",))]
    t = nf.actor_prominence(weather, resources=KURIL)
    assert t.empty and list(t.columns) == nf.framing.prominence.PROMINENCE_COLUMNS
    full = nf.restore_prominence_zeros(t, weather, resources=KURIL)
    assert len(full) == len(KURIL.actors)
    assert (full["mentions"] == 0).all() and (full["words"] == 4).all()
    assert (full["first_rank"] == -1).all() and (full["first_position"] == -1.0).all()
    assert not full.isna().any().any()
    assert nf.actor_positions([Article("a", "Weather", ("It rained.",))], resources=KURIL).empty


def test_positions_headline_and_body():
    a = Article("a", "Abe speaks", ("Putin and Abe met.",))
    t = nf.actor_positions([a], resources=KURIL)
    assert t[["actor_id", "part", "word_index"]].values.tolist() == [
        ["abe", "headline", -1],
        ["putin", "lede", 0],
        ["abe", "lede", 2],
    ]


def test_custom_actor_table(tmp_path):
    path = tmp_path / "actors.toml"
    path.write_text('[actor.lavrov]\nname = "Lavrov"\naliases = ["Sergei Lavrov", "Lavrov"]\n')
    actors = nf.load_actors(path)
    a = Article("a", "T", ("Sergei Lavrov spoke. Lavrov left.",))
    t = nf.actor_prominence([a], actors, resources=KURIL)
    assert t[["actor_id", "mentions"]].values.tolist() == [["lavrov", 2]]


def test_find_mentions_the_same_whether_or_not_the_text_is_ascii():
    actors = (
        nf.Actor("putin", "Putin", "person", ("Vladimir Putin", "Putin", "Russian President")),
        nf.Actor("abe", "Abe", "person", ("Abe",)),
    )
    text = "RUSSIAN PRESIDENT Vladimir Putin met abe; Abes, Putin-era, x-Putin, Putin's aide."
    # the role and the name next to it merge; "Abes", "Putin-era" and "x-Putin" are other words
    expected = [
        ("putin", 0, 32, "RUSSIAN PRESIDENT Vladimir Putin"),
        ("abe", 37, 40, "abe"),
        ("putin", 68, 73, "Putin"),
    ]
    for prefix in ("", "Café. "):  # ASCII text, then text with one non-ASCII letter
        shift = len(prefix)
        found = [
            (m.actor_id, m.start, m.end, m.text) for m in nf.find_mentions(prefix + text, actors)
        ]
        assert found == [(a, s + shift, e + shift, t) for a, s, e, t in expected]


def test_a_short_acronym_alias_matches_only_in_capitals():
    """'US' is an alias of the United States, but 'told us' and 'Us' open no mention; 'U.S.'
    and 'US' do. A four-letter acronym ('NATO') still matches 'Nato' (British house style)."""
    actors = (
        nf.Actor("usa", "United States", "country", ("US", "U.S.")),
        nf.Actor("nato", "NATO", "organisation", ("NATO",)),
    )
    for text in ("He told us the US would act.", "He told üs, us, the US would act."):
        found = [(m.actor_id, m.text) for m in nf.find_mentions(text, actors)]
        assert found == [("usa", "US")]
    found = nf.find_mentions("Us and U.S. officials met Nato and NATO envoys.", actors)
    assert [(m.actor_id, m.text) for m in found] == [
        ("usa", "U.S."), ("nato", "Nato"), ("nato", "NATO"),
    ]  # fmt: skip


def test_restoring_zeros_gives_a_row_per_article_and_actor_worked_by_hand():
    """Two actors, three articles: 'a' names Kim in its headline only, 'b' names Lee twice and
    Kim once (Lee first), 'c' names no one. Rows exist only where an actor appears."""
    story = nf.Story(actors=(nf.Actor("kim", "Kim", "person", ("Kim",)),
                             nf.Actor("lee", "Lee", "person", ("Lee",))))  # fmt: skip
    docs = [Article("a", "Kim speaks", ("Rain fell on the town.",)),
            Article("b", "", ("Lee met Kim.", "Lee left.")), Article("c", "", ("It rained.",))]  # fmt: skip
    t = nf.actor_prominence(docs, resources=story.resources)
    cols = ["article_id", "actor_id", "mentions", "in_headline", "in_lede", "first_word",
            "first_rank", "words"]  # fmt: skip
    assert t[cols].values.tolist() == [
        ["a", "kim", 0, True, False, -1, -1, 5],
        ["b", "kim", 1, False, True, 2, 2, 5], ["b", "lee", 2, False, True, 0, 1, 5],
    ]  # fmt: skip
    full = nf.restore_prominence_zeros(t, docs, resources=story.resources)
    assert full[cols].values.tolist() == [
        ["a", "kim", 0, True, False, -1, -1, 5], ["a", "lee", 0, False, False, -1, -1, 5],
        ["b", "kim", 1, False, True, 2, 2, 5], ["b", "lee", 2, False, True, 0, 1, 5],
        ["c", "kim", 0, False, False, -1, -1, 2], ["c", "lee", 0, False, False, -1, -1, 2],
    ]  # fmt: skip
    assert full["per_1000"].tolist() == [0.0, 0.0, 200.0, 400.0, 0.0, 0.0]  # 1 and 2 in 5 words
    assert full["name"].tolist() == ["Kim", "Lee"] * 3
    assert full.dtypes.to_dict() == t.dtypes.to_dict()
