"""Every public function given the wrong kind of object says which kind it wants (issue 20,
item 15): one WrongKindError (a NewsframeError and a TypeError) naming the function, the kind
it wants and the kind it got."""

from __future__ import annotations

import pandas as pd
import pytest

import newsframe as nf
from newsframe.errors import NewsframeError, WrongKindError, expect_items, expect_kind

CORPUS = nf.Corpus(
    [
        nf.Article("a", "T", ("Putin met Abe. He smiled.",), metadata={"group": "x"}),
        nf.Article("b", "T", ("Abe met Putin.",), metadata={"group": "y"}),
    ]
)
TABLE = pd.DataFrame({"article_id": ["a"], "compound": [0.1]})


@pytest.mark.parametrize(
    "call,message",
    [
        # a table function given the corpus (the example)
        (lambda: nf.omission_summary(CORPUS), r"omission_summary: expected a table .*got a Corpus"),
        (
            lambda: nf.sentiment_summary(CORPUS),
            r"sentiment_summary: expected a table .*got a Corpus",
        ),
        (lambda: nf.naming_by_group(CORPUS, CORPUS), r"naming_by_group: expected a table"),
        (lambda: nf.voice_by_group(3, CORPUS), r"voice_by_group: expected a table .*got an int"),
        (lambda: nf.frame_drivers(CORPUS), r"frame_drivers: expected a table .*got a Corpus"),
        (lambda: nf.with_group(CORPUS, CORPUS), r"with_group: expected a table"),
        # a corpus function given a table
        (
            lambda: nf.comparison_pair(TABLE),
            r"comparison_pair: expected a Corpus .*got a DataFrame",
        ),
        (lambda: nf.group_sentiment(TABLE, TABLE), r"group_sentiment: expected a Corpus"),
        (lambda: nf.group_keyness(TABLE), r"group_keyness: expected a Corpus"),
        (lambda: nf.with_text_actors(TABLE), r"with_text_actors: expected a Corpus"),
        (lambda: nf.tfidf(TABLE), r"expected a Corpus, Articles or one Article, got a DataFrame"),
        (lambda: nf.discover_actors(3), r"expected a Corpus, Articles or one Article, got an int"),
        (lambda: nf.compute_article_tables(3), r"expected a Corpus, Articles .*got an int"),
        # a text function given an object
        (lambda: nf.tokenize(CORPUS), r"tokenize: expected a string, got a Corpus"),
        (lambda: nf.lemmatize(TABLE), r"lemmatize: expected a string, got a DataFrame"),
        (lambda: nf.split_sentences(3), r"split_sentences: expected a string, got an int"),
        (lambda: nf.find_quotes(CORPUS), r"find_quotes: expected a string"),
        (lambda: nf.score_texts(CORPUS), r"score_texts \(an item\): expected a list of strings"),
        (lambda: nf.load_story(CORPUS), r"load_story: expected a string or a path, got a Corpus"),
        # numbers
        (lambda: nf.g2(CORPUS, [1], 10, 10), r"g2: expected numbers"),
        (
            lambda: nf.permutation_floor(CORPUS, 3),
            r"permutation_floor: expected an integer, got a Corpus",
        ),
        (lambda: nf.article_permutation_test(TABLE, [1.0]), r"expected one number per article"),
    ],
)
def test_wrong_kind_is_one_error_naming_the_kind(call, message):
    with pytest.raises(NewsframeError, match=message) as caught:
        call()
    assert isinstance(caught.value, TypeError)


def test_expect_kind_and_items_pass_the_right_kind():
    expect_kind(TABLE, pd.DataFrame, "f")
    assert expect_items(iter(["a"]), str, "f") == ["a"]
    with pytest.raises(WrongKindError, match=r"f: expected a list of strings, got a str"):
        expect_items("a", str, "f")
