"""The analysed document: one tiny article whose every offset, lemma and count is checked by eye."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import KURIL

import newsframe as nf
from newsframe import Article
from newsframe.errors import NewsframeError

# headline: Putin(0-5) visits(6-12) Tokyo(13-18)
# paragraph 0: Abe(0-3) met(4-7) Putin's(8-15) team(16-20) .  The(22-25) peace(26-31)
#              treaty(32-38) waits(39-44) .      -> sentences 0: [0, 21)  1: [22, 45)
# paragraph 1: Ships(0-5) sailed(6-12) in(13-15) 2016(16-20) .  -> sentence 2: [0, 21)
TINY = Article(
    "tiny",
    "Putin visits Tokyo",
    ("Abe met Putin\u2019s team. The peace treaty waits.", "Ships sailed in 2016."),
)


@pytest.fixture()
def doc() -> nf.Document:
    return nf.analyse(TINY, resources=KURIL)


def test_text_is_normalised(doc):
    assert doc.title == "Putin visits Tokyo"
    assert doc.paragraphs[0] == "Abe met Putin's team. The peace treaty waits."


def test_sentence_spans(doc):
    assert doc.sentence_paragraph.tolist() == [0, 0, 1]
    assert doc.sentence_start.tolist() == [0, 22, 0]
    assert doc.sentence_end.tolist() == [21, 45, 21]
    assert [s for _, _, s in doc.sentences()] == [s for _, _, s in TINY.sentences()]
    assert doc.sentence_spans(0) == [(0, 0, 21), (1, 22, 45)]


def test_tokens_offsets_lemmas_and_stops(doc):
    assert doc.n_headline_tokens == 3
    rows = list(doc.token_rows())
    assert [r[4] for r in rows] == ["Putin", "visits", "Tokyo", "Abe", "met", "Putin's", "team",
                                    "The", "peace", "treaty", "waits", "Ships", "sailed", "in",
                                    "2016"]  # fmt: skip
    assert [(r[2], r[3]) for r in rows[3:11]] == [(0, 3), (4, 7), (8, 15), (16, 20), (22, 25),
                                                  (26, 31), (32, 38), (39, 44)]  # fmt: skip
    assert [(r[2], r[3]) for r in rows[11:]] == [(0, 5), (6, 12), (13, 15), (16, 20)]
    assert [r[0] for r in rows] == [-1] * 3 + [0] * 8 + [1] * 4
    assert [r[1] for r in rows] == [-1] * 3 + [0] * 4 + [1] * 4 + [2] * 4
    assert [r[5] for r in rows[3:]] == ["abe", "meet", "putin", "team", "the", "peace", "treaty",
                                        "wait", "ship", "sail", "in", "2016"]  # fmt: skip
    assert [r[4] for r in rows if r[6]] == ["The", "in"]


def test_n_words_is_the_body_word_count(doc):
    # 4 + 4 + 4 body words; the headline's 3 are not counted and "peace treaty" counts two
    assert doc.n_words == 12
    assert nf.corpus_counts([TINY])["tokens"].tolist() == [12]
    assert nf.Corpus([TINY]).to_frame()["words"].tolist() == [12]


def test_merged_phrase(doc):
    assert doc.phrase_first.tolist() == [8]  # 3 headline tokens, then Abe met Putin's team The
    assert doc.phrase_length.tolist() == [2]
    assert doc.phrase_lemma == ("peace treaty",)
    terms = list(doc.terms())
    assert len(terms) == 11
    assert terms[5] == (8, 2, "peace treaty", "peace treaty", False)


def test_actor_mentions(doc):
    found = [(p, m.actor_id, m.start, m.end) for p, m in doc.mentions]
    assert found == [(-1, "putin", 0, 5), (-1, "japan", 13, 18), (0, "abe", 0, 3),
                     (0, "putin", 8, 15)]  # fmt: skip
    assert [m.text for m in doc.mentions_in(0)] == ["Abe", "Putin's"]


def test_word_index_by_offset(doc):
    assert doc.words_before(0, 8) == 2  # Abe, met
    assert doc.words_before(1, 0) == 8  # all of paragraph 0


def test_cached_per_article_and_resources(doc):
    assert nf.analyse(TINY, resources=KURIL) is doc
    assert nf.Corpus([TINY], resources=KURIL).documents()[0] is doc
    other = nf.load_resources(stopwords=None)
    assert other is nf.default_resources()


def test_own_resources(tmp_path):
    words = tmp_path / "stop.txt"
    words.write_text("team\n", "utf-8")
    phrases = tmp_path / "phrases.txt"
    phrases.write_text("Putin's team\n", "utf-8")
    res = nf.load_resources(stopwords=words, phrases=phrases)
    assert nf.load_resources(stopwords=words, phrases=phrases) is res
    doc = nf.analyse(TINY, resources=res)
    assert doc.phrase_lemma == ("putin team",)
    assert [r[4] for r in doc.token_rows() if r[6]] == ["team"]
    # the corpus's own resources are used when none are passed
    assert nf.Corpus([TINY], resources=res).documents()[0] is doc


def test_empty_article():
    doc = nf.analyse(Article("e", "", ()))
    assert doc.n_words == doc.n_tokens == doc.n_sentences == 0
    assert list(doc.terms()) == [] and doc.mentions == ()


def test_compact_storage(doc):
    assert doc.token_start.dtype == np.int32 and doc.type_stop.dtype == bool
    assert len(doc.types) == 15  # one per distinct form


@pytest.mark.parametrize("bad", ["some text", None, [None], 42, [TINY, "x"]])
def test_one_coercion_rejects_non_articles(bad):
    with pytest.raises(NewsframeError, match="expected"):
        nf.as_articles(bad)
    with pytest.raises(NewsframeError, match="expected"):
        nf.analyse_corpus(bad)


def test_empty_input_gives_empty_tables():
    assert nf.as_articles([]) == [] and nf.analyse_corpus(nf.Corpus([])) == []
    assert list(nf.tokens_frame([]).columns)[:2] == ["article_id", "paragraph_id"]
    assert nf.sentences_frame([]).empty and nf.corpus_counts([]).empty


@pytest.fixture()
def built(monkeypatch) -> list[str]:
    """The ids of the articles analysed (``document._build`` called) while a test runs."""
    import newsframe.document as document

    ids: list[str] = []
    real = document._build

    def counting(article, resources):
        ids.append(article.article_id)
        return real(article, resources)

    monkeypatch.setattr(document, "_build", counting)
    return ids


def test_each_article_is_analysed_once_however_many_measures_read_it(built):
    fresh = [
        Article(a.article_id, a.title, a.paragraphs) for a in (TINY, Article("b", "", ("x.",)))
    ]
    nf.framing_profile(fresh)
    nf.term_frequencies(fresh)
    nf.tokens_frame(fresh)
    nf.sentence_sentiment(fresh)
    assert built == ["tiny", "b"]


def test_a_small_corpus_on_several_processes_is_analysed_once(built):
    # fewer than 256 articles run in this process even with n_jobs=2: each built once, not
    # built by the (serial) map, thrown away and built again
    fresh = [Article(i, "", (f"Putin spoke {i}.",)) for i in "abc"]
    docs = nf.analyse_corpus(fresh, n_jobs=2)
    assert built == ["a", "b", "c"]
    assert [d.n_words for d in docs] == [3, 3, 3]


def test_word_forms_met_in_workers_are_kept_here():
    # the next fork inherits them: each form's entry is the one this process would compute
    import newsframe.document as document

    res = nf.Story(phrases=("Kuril Islands",)).resources  # a fresh form table
    fresh = [Article(f"a{i}", "", (f"Zyxwords{i} visited the Kuril Islands.",)) for i in range(260)]
    nf.analyse_corpus(fresh, resources=res, n_jobs=2)
    table = document._form_table(res)
    assert {"Zyxwords0", "Zyxwords259", "visited", "Islands"} <= set(table)
    for form in ("Zyxwords7", "visited", "the", "Islands"):
        assert table[form] == document._form_info(form, res)


def test_analysing_on_workers_leaves_the_collector_as_it_was():
    import gc

    fresh = [Article(f"g{i}", "", (f"Word{i} here.",)) for i in range(260)]
    nf.analyse_corpus(fresh, n_jobs=2)
    assert gc.isenabled()
    gc.disable()
    try:
        more = [Article(f"h{i}", "", (f"Word{i} there.",)) for i in range(260)]
        nf.analyse_corpus(more, n_jobs=2)
        assert not gc.isenabled()
    finally:
        gc.enable()
