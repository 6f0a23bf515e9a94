"""Resources: every data file parsed once, one convention for passing them, the corpus's own used."""

from __future__ import annotations

import copy
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

import newsframe as nf
import newsframe.datafiles as datafiles_module
import newsframe.resources as resources_module
from newsframe import Article
from newsframe.errors import NewsframeError

ARTICLE = Article(
    "a", "Putin speaks", ('"We are ready," Putin claimed of the Kurils. Abe reportedly agreed.',)
)


@pytest.fixture()
def reads(monkeypatch) -> Counter:
    """Count every read of a shipped data file, starting from an empty resource cache."""
    counter: Counter = Counter()
    real = datafiles_module.read_text

    def counting(path, default):
        counter[default if path is None else str(path)] += 1
        return real(path, default)

    monkeypatch.setattr(datafiles_module, "read_text", counting)
    resources_module._load.cache_clear()
    yield counter
    resources_module._load.cache_clear()


def test_framing_profile_parses_each_file_at_most_once(reads):
    fresh = Article(ARTICLE.article_id, ARTICLE.title, ARTICLE.paragraphs)
    nf.framing_profile([fresh])
    assert reads["actors.toml"] == 1  # was 137 for the two seeds
    assert reads["reporting_verbs.toml"] == 1
    assert max(reads.values()) == 1
    nf.framing_profile([fresh])
    nf.attributions([fresh])
    assert max(reads.values()) == 1  # cached at the loader


def test_load_resources_is_cached_per_arguments(tmp_path):
    stop = tmp_path / "stop.txt"
    stop.write_text("the\n", "utf-8")
    assert nf.load_resources() is nf.default_resources()
    own = nf.load_resources(stopwords=stop)
    assert own is nf.load_resources(stopwords=stop) and own is not nf.default_resources()
    assert own.stopwords == frozenset({"the"})
    assert own.actors == nf.default_resources().actors


def test_corpus_resources_are_used_when_none_given(tmp_path):
    actors = tmp_path / "actors.toml"
    actors.write_text('[actor.abe]\nname = "Shinzo Abe"\nkind = "person"\naliases = ["Abe"]\n')
    own = nf.load_resources(actors=actors)
    corpus = nf.Corpus([ARTICLE], resources=own)
    assert nf.actor_prominence(corpus)["actor_id"].tolist() == ["abe"]
    assert nf.framing_profile(corpus)["most_mentioned_actor"].tolist() == ["abe"]
    # an explicit resources= wins over the corpus's own
    table = nf.actor_prominence(corpus, resources=nf.default_resources())
    assert table["actor_id"].tolist() == [a.actor_id for a in nf.load_actors()]
    # the old keyword still overrides the actor table
    assert nf.actor_prominence([ARTICLE], actors=actors)["actor_id"].tolist() == ["abe"]


def test_resources_must_be_a_resources_object():
    with pytest.raises(NewsframeError, match="resources must be"):
        nf.actor_prominence([ARTICLE], resources="actors.toml")


def test_articles_remember_the_resources_of_the_corpus_they_were_loaded_into():
    rail = Path(__file__).parent / "fixtures" / "story_rail"
    corpus = nf.load_corpus(rail / "articles.csv", story=rail / "story.toml")
    assert corpus.resources is not nf.default_resources()
    group = [a for a in corpus if a.metadata["group"] == "vestria"]
    rest = [a for a in corpus if a.metadata["group"] != "vestria"]
    # a plain list of the corpus's articles is analysed as the corpus is: the story's phrase
    # "Amber Line" is one term, and the documents are the corpus's own (not analysed again)
    documents = nf.analyse_corpus(corpus)
    assert nf.analyse(group[0]) is documents[corpus.ids.index(group[0].article_id)]
    table = nf.keyness(group, rest)
    assert "amber line" in set(table["term"])
    pd.testing.assert_frame_equal(table, nf.keyness(group, rest, resources=corpus.resources))
    # articles loaded without a story, or from corpora with different resources: the defaults
    plain = nf.load_corpus(rail / "articles.csv")
    assert resources_module.resolve_resources(None, list(plain)) is nf.default_resources()
    mixed = [corpus[0], plain[1]]
    assert resources_module.resolve_resources(None, mixed) is nf.default_resources()
    # the mark is not carried into a copy or a pickle (nor are the cached documents)
    twin = copy.copy(group[0])
    assert twin == group[0]
    assert resources_module.resolve_resources(None, twin) is nf.default_resources()
