"""Omission tables, checked on invented articles whose shared and missing sentences are known."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

import newsframe as nf
from newsframe.errors import NewsframeError
from newsframe.omission import (
    actor_omissions,
    coverage,
    group_omissions,
    number_differences,
    numbers_in,
    omission_summary,
    omissions,
)

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "alignment"))
from versions import stories, versions, wire_pages

FERRY = stories()[0]  # removed: sentences 2, 5, 8


def _with(article: nf.Article, **metadata) -> nf.Article:
    return nf.Article(article.article_id, article.title, article.paragraphs, metadata=metadata)


def test_omissions_one_row_per_sentence_and_only_here():
    v = versions(FERRY)
    table = omissions([v["original"], v["removed"]])
    assert list(table.columns[:6]) == [
        "article_id", "paragraph_id", "sentence_id", "sentence", "shared_with", "only_here",
    ]  # fmt: skip
    assert len(table) == 10 + 7
    original = table[table.article_id == "ferry-original"]
    assert original.loc[original.only_here, "sentence_id"].tolist() == [2, 5, 8]
    assert not table.loc[table.article_id == "ferry-removed", "only_here"].any()


def test_shared_with_counts_other_articles():
    v = versions(FERRY)
    table = omissions([v["original"], v["removed"], v["reordered"]])
    original = table[table.article_id == "ferry-original"].set_index("sentence_id")
    # kept sentences are in both other versions; removed ones only in the reordered version
    assert original.shared_with.to_dict() == {i: 1 if i in (2, 5, 8) else 2 for i in range(10)}
    assert original.loc[0, "best_similarity"] == pytest.approx(1.0)


def test_group_columns_from_metadata():
    v = versions(FERRY)
    corpus = [
        _with(v["original"], outlet="A"),
        _with(v["reordered"], outlet="A"),
        _with(v["removed"], outlet="B"),
    ]
    table = omissions(corpus, by="outlet")
    a = table[table.article_id == "ferry-original"].set_index("sentence_id")
    # removed sentences are told within group A only
    assert a.loc[a.only_group].index.tolist() == [2, 5, 8]
    assert a.other_groups.to_dict() == {i: 0 if i in (2, 5, 8) else 1 for i in range(10)}
    summary = omission_summary(table, by="group")
    # A (original + reordered, 20 sentences): each tells all its sentences to the other A
    # article, 14 to B; B (removed, 7): all 7 are told by the original, an article of A
    assert summary.columns.tolist() == ["group", "sentences", "shared_with_article",
                                        "shared_with_group", "only_group", "share_only_group"]  # fmt: skip
    assert summary.values.tolist() == [["A", 20, 20, 14, 6, 0.3], ["B", 7, 7, 7, 0, 0.0]]
    with pytest.raises(NewsframeError, match="no such metadata field"):
        omissions(corpus, by="section")


def test_omission_summary_per_article():
    v = versions(FERRY)
    summary = omission_summary(omissions([v["original"], v["removed"]]))
    assert summary.values.tolist() == [
        ["ferry-original", 10, 7, 3, 0.3],
        ["ferry-removed", 7, 7, 0, 0.0],
    ]


def test_group_omissions_and_counting_copies_once():
    harbour, coast = wire_pages()
    paraphrase = versions(stories()[3])["paraphrase"]  # the wildfire story, rewritten
    corpus = [_with(harbour, desk="wire"), _with(coast, desk="wire"), _with(paraphrase, desk="own")]
    plain = group_omissions(corpus, by="desk").set_index(["fact_id", "group"])
    once = group_omissions(corpus, by="desk", count_copies_once=True).set_index(
        ["fact_id", "group"]
    )
    # fact 0: the wire's first sentence, carried by both pages and paraphrased by "own"
    assert plain.loc[(0, "wire"), ["articles", "group_articles", "share"]].tolist() == [2, 2, 1]
    assert once.loc[(0, "wire"), ["articles", "group_articles", "share"]].tolist() == [1, 1, 1]
    assert plain.loc[(0, "own"), "told"] and not plain.loc[(0, "wire"), "only_group"]
    # the rain forecast (harbour's last paragraph) is in one of the two copies: half the group
    rain = next(f for f, t in plain["fact"].items() if t.startswith("Forecasters expect rain"))
    assert plain.loc[rain[0], "share"].tolist() == [0.5, 1.0]  # wire, own
    assert once.loc[(rain[0], "wire"), ["articles", "share"]].tolist() == [0.5, 0.5]
    # the coast daily's own weather line is told by the wire group only
    desk = next(f for f, t in plain["fact"].items() if "weather desk" in t)
    assert plain.loc[desk[0], "only_group"].tolist() == [True, False]


def test_coverage_matrix_by_hand():
    v = versions(FERRY)
    matrix = coverage([v["original"], v["removed"]], cluster=False)
    assert matrix.index.tolist() == ["ferry-original", "ferry-removed"]
    assert matrix.loc["ferry-original"].tolist() == [1] * 10
    assert matrix.loc["ferry-removed"].tolist() == [0 if i in (2, 5, 8) else 1 for i in range(10)]
    clustered = coverage([v["original"], v["removed"], v["reordered"]])
    # clustering keeps identical rows together: original and reordered tell every fact
    rows = clustered.index.tolist()
    assert abs(rows.index("ferry-original") - rows.index("ferry-reordered")) == 1
    assert sorted(clustered.columns) == list(range(10))


def test_actor_omissions_who_is_quoted_where():
    keel = nf.Actor("keel", "Marta Keel", "person", ("Marta Keel", "Keel"))
    renner = nf.Actor("renner", "Paul Renner", "person", ("Paul Renner", "Renner"))
    a = nf.Article("a", "", ('"We won," Marta Keel said. Renner was not available.',))
    b = nf.Article("b", "", ("Paul Renner said fares would rise.",))
    c = nf.Article("c", "", ("The first ferry sailed on Tuesday.",))
    table = actor_omissions([a, b, c], actors=(keel, renner)).set_index(["actor", "article_id"])
    assert table.loc["keel", ["mentions", "quoted"]].values.tolist() == [[1, 1], [0, 0], [0, 0]]
    assert table.loc["keel", "only_here_quoted"].tolist() == [True, False, False]
    assert table.loc["keel", "omitted"].tolist() == [False, True, True]
    # Renner: mentioned in a, quoted (reported speech) in b, absent from c
    assert table.loc["renner", ["mentions", "quoted"]].values.tolist() == [[1, 0], [1, 1], [0, 0]]
    assert table.loc["renner", "omitted"].tolist() == [False, False, True]
    assert table.loc[("renner", "a"), "others_quoting"] == 1


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The islands have a population of 19,434 people.", ["19434"]),
        ("Putin visits Japan on Dec. 15, when he meets Abe.", ["December 15"]),
        ("Police detained eleven people on Tuesday.", ["11", "Tuesday"]),
        ("Worth 2.3 million crowns, said twenty thousand fans.", ["2300000", "20000"]),
        ("Ministers will meet in February; talks may resume.", ["February"]),
        ("Rates rose 2.5% in 2019 at 6:30 a.m.", ["2.5", "2019", "6:30"]),
        ("No numbers here at all.", []),
    ],
)
def test_numbers_in(sentence, expected):
    assert numbers_in(sentence) == expected


def test_number_differences_conflict_and_omitted_detail():
    a = nf.Article("a", "", (
        "Police in Moscow detained 11 protesters outside the Japanese embassy on Tuesday. "
        "The islands have a population of 19,434 people.",
    ))  # fmt: skip
    b = nf.Article("b", "", (
        "Police in Moscow detained 12 protesters outside the Japanese embassy. "
        "The islands have a population of about twenty thousand people.",
    ))  # fmt: skip
    table = number_differences([a, b])
    assert table[["sentence_id", "other_sentence_id"]].values.tolist() == [[0, 0], [1, 1]]
    first, second = table.iloc[0], table.iloc[1]
    assert (first.numbers, first.other_numbers) == ("11; Tuesday", "12")
    assert (first.only_here, first.only_there, first.conflict) == ("11; Tuesday", "12", True)
    assert (second.numbers, second.other_numbers, second.conflict) == ("19434", "20000", True)


def test_number_differences_detail_left_out():
    a = nf.Article(
        "a", "", ("Police in Moscow detained 11 protesters outside the embassy on Tuesday.",)
    )
    c = nf.Article("c", "", ("Police in Moscow detained 11 protesters outside the embassy.",))
    row = number_differences([a, c]).iloc[0]
    assert (row.only_here, row.only_there, row.conflict) == ("Tuesday", "", False)
    same = nf.Article("d", "", ("Police in Moscow detained 11 protesters outside the embassy.",))
    assert number_differences([c, same]).empty  # same numbers: no row


def test_empty_corpus_gives_empty_tables_with_columns():
    assert omissions([]).empty and "only_here" in omissions([]).columns
    assert "only_group" in omissions([], by="outlet").columns
    assert group_omissions([]).empty and number_differences([]).empty
    assert actor_omissions([]).empty


def test_coverage_beyond_clustering_limit_orders_by_fill(monkeypatch):
    import newsframe.omission as omission

    monkeypatch.setattr(omission, "MAX_CLUSTERED", 2)
    v = versions(FERRY)
    matrix = coverage([v["removed"], v["original"], v["reordered"]])
    # rows: the two full versions (10 facts) before the cut one (7), ties in corpus order
    assert matrix.index.tolist() == ["ferry-original", "ferry-reordered", "ferry-removed"]
    # columns: facts told by all three first, in reading order, then the removed ones (2, 5, 8)
    # fact ids count from the first article, the removed version: its 7 sentences are 0-6
    assert matrix.columns.tolist() == [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
    assert matrix.loc["ferry-removed"].tolist() == [1] * 7 + [0] * 3


def test_many_rows_are_ordered_by_their_distinct_patterns(monkeypatch):
    # issue 17, item 4: above the optimal-ordering bound the distinct rows are clustered once and
    # copies follow their pattern in row order. A = 1100, B = 0011, C = 1110: Jaccard distances
    # A-C 1/3, B-C 1/2, A-B 1, so C sits between A and B (A C B, or its mirror B C A)
    import numpy as np

    import newsframe.omission as omission

    monkeypatch.setattr(omission, "MAX_OPTIMAL_ORDERING", 3)
    a, b, c = [1, 1, 0, 0], [0, 0, 1, 1], [1, 1, 1, 0]
    order = omission._order(np.array([a, b, a, c, b, a])).tolist()
    assert order in ([0, 2, 5, 3, 1, 4], [1, 4, 3, 0, 2, 5])


def test_number_given_in_another_sentence_is_not_only_here():
    a = nf.Article("a", "", (
        "Police detained 11 protesters outside the embassy. The protest began on Tuesday.",
    ))  # fmt: skip
    b = nf.Article("b", "", ("Police detained 11 protesters outside the embassy on Tuesday.",))
    # the aligned pair differs by "Tuesday", which a gives in its second sentence: no row
    assert number_differences([a, b]).empty
    c = nf.Article("c", "", ("Police detained 11 protesters outside the embassy on Friday.",))
    row = number_differences([a, c]).iloc[0]
    assert (row.only_here, row.only_there, row.conflict) == ("", "Friday", False)


def test_number_pairs_need_similarity_of_at_least_0_4():
    # three shared content lemmas (flood, school, Osta) but two different facts (schools closed
    # on Monday, schools to reopen): above the alignment threshold (0.35), below 0.4
    a = nf.Article("a", "", ("Floods closed 12 schools in Osta on Monday.",))
    b = nf.Article("b", "", ("Officials in Osta said 14 schools would reopen after the floods.",))
    weak = number_differences([a, b], threshold=0.35)
    assert len(weak) == 1 and 0.35 <= weak["similarity"].iloc[0] < 0.4
    assert number_differences([a, b]).empty
    # numbers do not count towards the similarity: the same sentence with another figure is
    # a pair at similarity 1, and a conflict
    c = nf.Article("c", "", ("Floods closed 14 schools in Osta on Monday.",))
    row = number_differences([a, c]).iloc[0]
    assert (row.similarity, row.only_here, row.only_there, row.conflict) == (1.0, "12", "14", True)


def test_fact_pair_counts_shared_facts_by_hand():
    facts = pd.DataFrame({"article_id": ["a1", "a1", "a2", "b1", "b1", "b2"],
                          "fact_id": [0, 1, 2, 0, 1, 2]})  # fmt: skip
    # a1 and b1 share facts 0 and 1; a2 and b2 share 2; a1-b2 and a2-b1 nothing
    assert nf.fact_pair(facts, ["a1", "a2"], ["b1", "b2"]) == ("a1", "b1", 2)
    assert nf.fact_pair(facts, ["a2"], ["b1", "b2"]) == ("a2", "b2", 1)
    with pytest.raises(NewsframeError, match="at least one article"):
        nf.fact_pair(facts, [], ["b1"])
