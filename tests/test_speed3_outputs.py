"""The whole analysis read on forked worker processes, with the data they share read once in the
parent (the line model's terms of the story words' lines, the entity layers' tables, one copy of
wordfreq's frequencies), gives the tables of the plain serial path: everything computed in this
one process, each table read where it is first needed."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import wordfreq

import newsframe as nf
from newsframe import corpus as corpus_module
from newsframe import lines
from newsframe.distributed import ARTICLE_TABLES
from newsframe.entities import gazetteer, given_genders, load_shared_data, provinces
from newsframe.parallel import n_workers
from newsframe.terms.background import _background_table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_pipeline import write_files  # noqa: E402 - the benchmark's own synthetic pages

STORY = ROOT / "data" / "story.toml"
#: Pages enough that the cleaning forks (from 256), with a second look at some of them (an
#: outlet's repeated edge paragraphs).
PAGES = 300


def _everything(manifest: Path, n_jobs: int) -> dict[str, object]:
    corpus = nf.load_corpus(manifest, n_jobs=n_jobs, story=STORY)
    docs = nf.analyse_corpus(corpus, n_jobs=n_jobs)
    counts = nf.count_terms(corpus)
    return {
        "articles": [(a.article_id, a.clean_title, a.clean_paragraphs, a.metadata) for a in corpus],
        "documents": [
            (d.types, d.type_lemma, d.token_type.tolist(), d.token_start.tolist(), d.mentions)
            for d in docs
        ],
        "counts": (list(counts.terms), counts.counts.toarray().tolist()),
        "tfidf": nf.tfidf(corpus),
        "tables": nf.compute_article_tables(corpus, n_jobs=n_jobs),
    }


@pytest.mark.skipif(n_workers(2, 1000) == 1, reason="no forked worker processes here")
def test_forked_analysis_equals_the_serial_one(tmp_path, monkeypatch) -> None:
    manifest = write_files(PAGES, tmp_path)
    forked_builds: list[tuple[int, int]] = []
    plain_map = corpus_module.map_slices

    def recording(func, items, *, n_jobs=1, min_items=64, **kw):
        forked_builds.append((len(items), min_items))
        return plain_map(func, items, n_jobs=n_jobs, min_items=min_items, **kw)

    monkeypatch.setattr(corpus_module, "map_slices", recording)
    forked = _everything(manifest, 2)
    # the first pass over every page forked, then a second look at some of them
    assert forked_builds[0] == (PAGES, 256)
    assert len(forked_builds) == 2 and 0 < forked_builds[1][0] < PAGES
    # the same files loaded again, from scratch: new articles, nothing of the run above cached
    serial = _everything(manifest, 1)
    assert forked["articles"] == serial["articles"]
    assert forked["documents"] == serial["documents"]
    assert forked["counts"] == serial["counts"]
    pd.testing.assert_frame_equal(forked["tfidf"], serial["tfidf"], check_exact=True)
    assert list(forked["tables"]) == list(serial["tables"]) == list(ARTICLE_TABLES)
    for name, table in serial["tables"].items():
        assert len(table), name  # every table has rows to compare
        pd.testing.assert_frame_equal(forked["tables"][name], table, check_exact=True)


def test_line_terms_summed_as_each_line_alone() -> None:
    # the terms of lines read in two batches (the parent's lines, then a worker's new ones)
    # against each line's weights summed alone, written out here
    model = lines.load_line_model()
    if not model.terms:
        pytest.skip("the shipped line model has no terms")
    openings = [
        "the council met on monday",
        "share this article",
        "",
        "read more",
        "the council",
        "on monday the storm hit the coast",
    ]
    ids = lines._vocabulary_ids(openings, model)
    both = np.vstack([lines._term_sums(model, ids[:2]), lines._term_sums(model, ids[2:])])
    alone = np.array(
        [model.lexical[:, list(cols)].sum(axis=1) if cols else np.zeros(len(model.lexical))
         for cols in ids]
    )  # fmt: skip
    assert np.array_equal(both, alone)
    assert ids[2] == ()  # an empty opening has no terms
    # a line's columns: its words' in turn, then its word pairs', each once
    assert len(set(ids[0])) == len(ids[0])


def test_line_terms_read_for_the_table() -> None:
    lines.StoryWords.count([("a", ["The harbour council met on Monday to vote on the budget."])])
    lines.load_line_terms()
    model = lines.load_line_model()
    table = lines._TABLE[0]
    ids, sums = table.models[model]
    assert len(ids) == table.n and sums.shape == (table.n, len(model.lexical))


def test_shared_data_read_once() -> None:
    load_shared_data()
    for loader in (gazetteer, provinces, given_genders):
        assert loader.cache_info().currsize >= 1
    # one copy of wordfreq's English frequencies: the one zipf_frequency reads is the one the
    # keyness background reads (not a second table built for the same list)
    assert _background_table("token") is wordfreq.get_frequency_dict("en", "best")
    # "the": the commonest English word, 10 ** 7.73 per billion words in wordfreq's list
    assert wordfreq.zipf_frequency("the", "en") == pytest.approx(7.73, abs=0.01)
