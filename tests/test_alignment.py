"""Sentence alignment and shared source, validated on invented stories whose answers are known.

The stories and their hand-made versions (sentences removed, reordered, merged, paraphrased) are
in ``tests/fixtures/alignment/stories.toml``; two outlets' copies of one wire story, with their
own page chrome, are ``wire-*.txt`` there. Expected answers come from how the versions were made.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import numpy as np
import pytest

import newsframe as nf
from newsframe.alignment import (
    DEFAULT_THRESHOLD,
    NAME_WEIGHT,
    align_sentences,
    copy_weights,
    near_duplicates,
    sentence_facts,
    sentence_index,
    shared_paragraphs,
)
from newsframe.errors import NewsframeError

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "alignment"))
from versions import stories, versions, wire_pages

STORIES = stories()


def _best(pairs, source: str, target: str) -> dict[int, int]:
    """Best match in ``target`` of each sentence of ``source``: sentence_id -> other_sentence_id."""
    rows = pairs[(pairs.article_id == source) & (pairs.other_id == target)]
    return dict(zip(rows.sentence_id, rows.other_sentence_id, strict=True))


def test_versions_split_as_written():
    # the fixture's sentences are what the splitter finds (else every id below would shift)
    for story in STORIES:
        n = sum(len(p) for p in story["original"])
        v = versions(story)
        assert len(v["original"].sentences()) == n
        assert len(v["paraphrase"].sentences()) == n == len(story["paraphrase"])
        assert len(v["removed"].sentences()) == n - len(story["removed"])
        assert len(v["merged"].sentences()) == n - len(story["merged"])


@pytest.mark.parametrize("story", STORIES, ids=[s["id"] for s in STORIES])
def test_removed_sentences_are_the_unmatched_ones(story):
    v = versions(story)
    pairs = align_sentences([v["original"], v["removed"]])
    matched = set(_best(pairs, v["original"].article_id, v["removed"].article_id))
    n = len(v["original"].sentences())
    assert set(range(n)) - matched == set(story["removed"])
    # every sentence the shorter version kept is matched to itself
    kept = [i for i in range(n) if i not in story["removed"]]
    assert _best(pairs, v["removed"].article_id, v["original"].article_id) == dict(enumerate(kept))


def test_removed_recall_and_precision_pooled():
    tp = fp = fn = 0
    for story in STORIES:
        v = versions(story)
        pairs = align_sentences([v["original"], v["removed"]])
        matched = set(_best(pairs, v["original"].article_id, v["removed"].article_id))
        found = set(range(len(v["original"].sentences()))) - matched
        truth = set(story["removed"])
        tp, fp, fn = tp + len(found & truth), fp + len(found - truth), fn + len(truth - found)
    assert tp / (tp + fn) >= 0.9
    assert tp / (tp + fp) >= 0.9


@pytest.mark.parametrize("story", STORIES, ids=[s["id"] for s in STORIES])
def test_reordered_sentences_find_their_new_place(story):
    v = versions(story)
    pairs = align_sentences([v["original"], v["reordered"]])
    expected = {old: new for new, old in enumerate(story["order"])}
    assert _best(pairs, v["original"].article_id, v["reordered"].article_id) == expected


@pytest.mark.parametrize("story", STORIES, ids=[s["id"] for s in STORIES])
def test_merged_sentences_both_point_to_the_merged_one(story):
    v = versions(story)
    pairs = align_sentences([v["original"], v["merged"]])
    n = len(v["original"].sentences())
    seconds = {m["from"][1]: m["from"][0] for m in story["merged"]}
    survivors = [i for i in range(n) if i not in seconds]  # merged text sits at its first id
    position = {old: new for new, old in enumerate(survivors)}
    expected = {i: position[seconds.get(i, i)] for i in range(n)}
    found = _best(pairs, v["original"].article_id, v["merged"].article_id)
    assert sum(found.get(i) == j for i, j in expected.items()) >= n - 1  # one miss allowed
    for m in story["merged"]:  # the merged sentence itself finds one of its two sources
        back = _best(pairs, v["merged"].article_id, v["original"].article_id)
        assert back[position[m["from"][0]]] in m["from"]


def test_paraphrases_matched_at_least_80_percent():
    hits = total = 0
    for story in STORIES:
        v = versions(story)
        pairs = align_sentences([v["original"], v["paraphrase"]])
        n = len(story["paraphrase"])
        for a, b in [("original", "paraphrase"), ("paraphrase", "original")]:
            best = _best(pairs, v[a].article_id, v[b].article_id)
            hits += sum(best.get(i) == i for i in range(n))
            total += n
    assert hits / total >= 0.8


def test_unrelated_stories_share_nothing():
    articles = [a for story in STORIES for a in versions(story).values()]
    pairs = align_sentences(articles)
    story_of = lambda ids: ids.str.split("-").str[0]  # noqa: E731
    across = pairs[story_of(pairs.article_id) != story_of(pairs.other_id)]
    assert across.empty
    # ... although the ferry and council stories share the town's name, Port Halden
    assert "Port Halden" in versions(STORIES[0])["original"].body
    assert "Port Halden" in versions(STORIES[2])["original"].body


def test_align_sentences_table_shape_and_order():
    a = nf.Article("a", "", ("Dockers ended the ferry strike on Monday. Fares will rise.",))
    b = nf.Article("b", "", ("The ferry strike ended on Monday, dockers said.",))
    pairs = align_sentences([a, b])
    assert list(pairs.columns[:5]) == [
        "article_id", "sentence_id", "other_id", "other_sentence_id", "similarity",
    ]  # fmt: skip
    assert pairs[
        ["article_id", "sentence_id", "other_id", "other_sentence_id"]
    ].values.tolist() == [
        ["a", 0, "b", 0],
        ["b", 0, "a", 0],
    ]
    assert pairs.similarity.iloc[0] == pairs.similarity.iloc[1]  # cosine is symmetric
    assert align_sentences([a]).empty  # nothing to align within one article
    assert align_sentences([]).empty


def test_similarity_by_hand():
    # one article, two sentences: "Then Keel met Renner." / "Later Keel left."
    # content terms: keel (both sentences, written capitalised after the first word: a name),
    # meet, renner (a name), later, leave. n = 2 sentences; smoothed idf = ln((1+n)/(1+df)) + 1.
    article = nf.Article("a", "", ("Then Keel met Renner. Later Keel left.",))
    other = nf.Article("b", "", ("Nothing in common here.",))
    index = sentence_index([article, other])
    n = 3
    idf1, idf2 = math.log((1 + n) / 2) + 1, math.log((1 + n) / 3) + 1
    keel, meet, renner = idf2 * NAME_WEIGHT, idf1, idf1 * NAME_WEIGHT
    later, leave = idf1, idf1
    first = np.array([keel, meet, renner])
    second = np.array([keel, later, leave])
    expected = keel * keel / (np.linalg.norm(first) * np.linalg.norm(second))
    cos = (index.matrix[0] @ index.matrix[1].T).toarray()[0, 0]
    assert cos == pytest.approx(expected)
    assert "then" not in set(index.terms)  # a stopword


def test_numbers_are_one_term_however_written():
    a = nf.Article("a", "", ("The islands have 19,434 people.",))
    b = nf.Article("b", "", ("Some 19434 people live on the islands.",))
    terms = set(sentence_index([a, b]).terms)
    assert "19434" in terms and "19,434" not in terms


def test_sentence_facts_join_aligned_sentences():
    story = STORIES[1]
    v = versions(story)
    facts = sentence_facts([v["original"], v["removed"]])
    original = facts[facts.article_id == v["original"].article_id]
    # each original sentence is its own fact, in reading order
    assert original.fact_id.tolist() == list(range(len(original)))
    removed = facts[facts.article_id == v["removed"].article_id]
    kept = [i for i in range(len(original)) if i not in story["removed"]]
    assert removed.fact_id.tolist() == kept


def test_bad_arguments_raise_one_clear_error():
    a = nf.Article("a", "", ("One sentence.",))
    with pytest.raises(NewsframeError, match="threshold"):
        align_sentences([a], threshold=0)
    with pytest.raises(NewsframeError, match="top_k"):
        align_sentences([a], top_k=0)
    with pytest.raises(NewsframeError, match="load articles with"):
        align_sentences(["not an article"])
    assert 0 < DEFAULT_THRESHOLD < 1


# --- shared source ---------------------------------------------------------------------------


def _pages():
    return wire_pages()


def _wire_corpus():
    return nf.Corpus(
        [
            *_pages(),
            *[versions(s)["original"] for s in STORIES],
            *[versions(s)["paraphrase"] for s in STORIES],
        ]
    )


def test_wire_copies_flagged_and_nothing_else():
    corpus = _wire_corpus()
    pairs = near_duplicates(corpus)
    found = {frozenset(p) for p in zip(pairs.article_id, pairs.other_id, strict=True)}
    # the wildfire original IS the wire text, so it pairs with both outlets' pages
    assert found == {
        frozenset({"harbour-post", "coast-daily"}),
        frozenset({"harbour-post", "wildfire-original"}),
        frozenset({"coast-daily", "wildfire-original"}),
    }


def test_wire_copy_shared_span():
    harbour, coast = _pages()
    row = near_duplicates([harbour, coast]).iloc[0]
    # the first three paragraphs are word for word the same; the fourth differs
    assert row.span.startswith("a wildfire forced 600 people")
    assert row.span.endswith("brought blankets food and water for children")
    assert row.span_words == len(nf.tokenize(" ".join(harbour.paragraphs[:3])))


def test_shared_paragraphs_of_the_wire_copies():
    harbour, coast = _pages()
    table = shared_paragraphs([harbour, coast])
    assert table[["paragraph_id", "other_paragraph_id"]].values.tolist() == [[0, 0], [1, 1], [2, 2]]
    assert (table.containment == 1.0).all()


def test_copy_weights_count_a_shared_story_once():
    harbour, coast = _pages()
    other = versions(STORIES[0])["original"]
    table = copy_weights([harbour, other, coast])
    assert table.values.tolist() == [
        ["harbour-post", 0, 2, 0.5, True],
        ["ferry-original", 1, 1, 1.0, True],
        ["coast-daily", 0, 2, 0.5, False],
    ]
    assert table.loc[table.first_copy, "article_id"].tolist() == ["harbour-post", "ferry-original"]


def test_a_merged_sentence_does_not_chain_two_facts_into_one():
    # b's one sentence tells both of a's; a fact holds one sentence of each article, so a's two
    # sentences stay two facts (connected components made them one)
    a = nf.Article(
        "a", "", ("The ferry strike ended on Monday. Fares will rise by 80 cents in May.",)
    )
    b = nf.Article(
        "b", "", ("The ferry strike ended on Monday and fares will rise by 80 cents in May.",)
    )
    facts = nf.sentence_facts([a, b])
    assert facts[facts.article_id == "a"]["fact_id"].nunique() == 2
    assert facts.groupby(["fact_id", "article_id"]).size().max() == 1


def test_indefinite_pronouns_still_count_when_sentences_are_compared():
    # stopwords for term counts, but "No one" against "Someone" is what the sentences state
    index = sentence_index([nf.Article("a", "", ("No one was injured. Nobody answered.",))])
    assert sorted(index.terms) == ["answer", "injure", "nobody", "one"]
