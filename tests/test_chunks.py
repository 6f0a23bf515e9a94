"""A corpus analysed chunk by chunk gives the tables and counts of the whole corpus at once."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import ROOT

import newsframe as nf
from newsframe.corpus import _DOCUMENTS
from newsframe.distributed import iter_article_tables
from newsframe.terms.counts import stack_counts

TIMELINE = ROOT / "tests" / "fixtures" / "timeline"
TABLES = ("sentences", "term_frequencies", "attributions", "naming_variants")


def _corpus() -> nf.Corpus:
    return nf.load_corpus(TIMELINE / "articles.parquet", story=TIMELINE / "story.toml")


def test_chunks_give_the_whole_corpus_tables_and_drop_their_documents():
    corpus = _corpus()
    whole = nf.compute_article_tables(_corpus(), tables=TABLES)
    parts, counts, sizes = [], [], []
    for chunk, tables in iter_article_tables(corpus, chunk_size=7, tables=TABLES):
        assert all(_DOCUMENTS in a.__dict__ for a in chunk)  # held while the caller has it
        counts.append(nf.count_terms(chunk))
        parts.append(tables)
        sizes.append(len(chunk))
    assert sizes == [7, 7, 7, 7, 2]
    assert not any(_DOCUMENTS in a.__dict__ for a in corpus)  # dropped after each chunk
    for name in TABLES:
        chunked = pd.concat([p[name] for p in parts], ignore_index=True)
        pd.testing.assert_frame_equal(chunked, whole[name], check_dtype=False)
    # the naming table sees the story: norland's January ledes name "Veltra Dam"
    naming = whole["naming_variants"]
    veltra = naming[(naming["article_id"] == "herald-01") & (naming["variant"] == "Veltra Dam")]
    assert veltra["count"].sum() >= 1
    # counts: stacked chunks equal the counts of the whole corpus; word counts survive the drop
    stacked, reference = stack_counts(counts), nf.count_terms(_corpus())
    assert list(stacked.terms) == list(reference.terms)
    assert (stacked.counts != reference.counts).nnz == 0
    assert stacked.n_tokens.tolist() == reference.n_tokens.tolist()
    assert corpus.to_frame()["words"].tolist() == reference.n_tokens.tolist()
    pd.testing.assert_frame_equal(nf.tfidf(stacked), nf.tfidf(_corpus()))


def test_stack_counts_by_hand():
    a = nf.Article("a", "", ("Dam dam river.",))
    b = nf.Article("b", "", ("Fish river.",))
    both = stack_counts([nf.count_terms([a]), nf.count_terms([b])])
    assert both.article_ids == ("a", "b")
    assert list(both.terms) == ["dam", "fish", "river"]
    assert both.counts.toarray().tolist() == [[2, 0, 1], [0, 1, 1]]
    assert both.n_tokens.tolist() == [3, 2]


def test_a_table_on_dask_gives_the_chunked_tables():
    pytest.importorskip("dask.distributed")
    from newsframe.distributed import compute_article_tables, dask_client, load_corpus_distributed

    parts = [t for _, t in iter_article_tables(_corpus(), chunk_size=12, tables=TABLES)]
    with dask_client("local", n_workers=2) as client:
        loaded = load_corpus_distributed(TIMELINE / "articles.parquet", client=client,
                                         story=TIMELINE / "story.toml")  # fmt: skip
        remote = compute_article_tables(loaded, client=client, partition_size=8, tables=TABLES)
    assert loaded.ids == _corpus().ids
    for name in TABLES:
        chunked = pd.concat([p[name] for p in parts], ignore_index=True)
        pd.testing.assert_frame_equal(remote[name], chunked, check_exact=True, obj=name)


def test_speakers_are_linked_across_chunks_whatever_the_chunk_size():
    # "Lee" of article b is the one Ann Lee that article a names in full: one speaker, even
    # when a and b fall in different chunks (chunk_size=1)
    arts = [
        nf.Article("a", "", ('"The dam holds," Ann Lee said.',)),
        nf.Article("b", "", ('"We are ready," Lee said.',)),
        nf.Article("c", "", ('"No comment," Bo Park said.',)),
    ]
    for size in (1, 2, 3):
        chunks = list(iter_article_tables(arts, chunk_size=size, tables=("attributions",)))
        speakers = [s for _, t in chunks for s in t["attributions"]["speaker"]]
        assert speakers == ["Ann Lee", "Ann Lee", "Bo Park"], size
