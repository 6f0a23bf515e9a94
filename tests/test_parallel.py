"""Forked worker processes give exactly what one process gives (newsframe.parallel)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import newsframe as nf
from newsframe import parallel
from newsframe.corpus import Article

ROOT = Path(__file__).resolve().parents[1]

needs_fork = pytest.mark.skipif(
    parallel.n_workers(2, 100) == 1, reason="this platform cannot fork worker processes"
)


def _copies(n: int) -> list[Article]:
    """``n`` articles: the two seed articles again and again, each with its own id."""
    seeds = list(nf.load_corpus(ROOT / "data" / "articles.csv"))
    return [
        dataclasses.replace(seeds[k % 2], article_id=f"copy-{k:03d}",
                            metadata={**seeds[k % 2].metadata, "outlet": f"Outlet {k % 3}"})
        for k in range(n)
    ]  # fmt: skip


def test_slices_are_contiguous_balanced_and_cover_everything():
    # 10 items in 4 slices: sizes 3, 3, 2, 2 (differ by at most one), in order, no gaps
    assert parallel._bounds(10, 4) == [(0, 3), (3, 6), (6, 8), (8, 10)]
    assert parallel._bounds(3, 3) == [(0, 1), (1, 2), (2, 3)]


def test_how_many_workers():
    cores = parallel.available_cores()
    assert parallel.n_workers(1, 10_000) == 1
    assert parallel.n_workers(4, 3) in (1, 3)  # never more workers than items
    assert parallel.n_workers(2, 10, min_items=64) == 1  # small inputs stay in this process
    assert parallel.n_workers(-1, 10_000) in (1, cores)
    with pytest.raises(nf.NewsframeError, match="n_jobs"):
        parallel.n_workers(0, 10)


@needs_fork
def test_map_slices_keeps_input_order_and_does_not_nest():
    items = list(range(100))
    parts = parallel.map_slices(lambda s: list(s), items, n_jobs=2, min_items=1)
    assert len(parts) == 8  # 2 workers x 4 slices each
    assert [x for part in parts for x in part] == items
    # inside a worker another map runs serially (one part), never a pool of pools
    inner = parallel.map_slices(
        lambda s: parallel.map_slices(len, list(s), n_jobs=2, min_items=1), items,
        n_jobs=2, min_items=1,
    )  # fmt: skip
    assert all(len(x) == 1 for x in inner)
    assert sum(x[0] for x in inner) == 100


@needs_fork
def test_a_worker_error_reaches_the_caller():
    def fail(s):
        raise nf.NewsframeError(f"bad slice of {len(s)}")

    with pytest.raises(nf.NewsframeError, match="bad slice"):
        parallel.map_slices(fail, list(range(10)), n_jobs=2, min_items=1)


@needs_fork
def test_parallel_analysis_gives_the_serial_documents():
    articles = _copies(260)  # 256 articles or more are analysed in workers
    parallel_docs = nf.analyse_corpus(articles, n_jobs=2)
    serial_docs = nf.analyse_corpus(_copies(260))
    for ours, theirs in zip(parallel_docs, serial_docs, strict=True):
        for f in dataclasses.fields(ours):
            a, b = getattr(ours, f.name), getattr(theirs, f.name)
            assert np.array_equal(a, b) if isinstance(a, np.ndarray) else a == b, f.name
    # kept on the articles: asked again, the same objects come back (no second analysis)
    assert all(x is y for x, y in zip(nf.analyse_corpus(articles), parallel_docs, strict=True))
    # and the text is this process's, not a copy that travelled back
    assert parallel_docs[5].paragraphs is articles[5].clean_paragraphs


@needs_fork
def test_parallel_article_tables_equal_the_serial_tables():
    articles = _copies(70)  # 64 articles or more: the tables are computed in workers
    ours = nf.compute_article_tables(articles, n_jobs=2)
    theirs = nf.compute_article_tables(_copies(70), n_jobs=1)
    assert list(ours) == list(theirs)
    for name in theirs:
        pd.testing.assert_frame_equal(ours[name], theirs[name])
        assert ours[name].attrs == theirs[name].attrs, name
    # every article is there, once, in corpus order
    ids = ours["sentences"]["article_id"].drop_duplicates().tolist()
    assert ids == [a.article_id for a in articles]


@needs_fork
def test_parallel_discovery_finds_the_serial_actors():
    articles = _copies(300)  # 256 articles or more: candidates are found in workers
    assert nf.discover_actors(articles, n_jobs=2) == nf.discover_actors(articles)
    assert nf.discover_actors(articles)  # the seeds name people, so there is something to find


@needs_fork
def test_a_bad_file_cleaned_in_a_worker_gives_the_one_clear_error(tmp_path):
    # 260 files cleaned on 2 processes; one is all page chrome: the caller gets the InputError that
    # names that file, exactly as a serial load raises it (not a broken pool or a TypeError)
    seed = sorted((ROOT / "data" / "raw").glob("*.txt"))[0].read_bytes()
    for n in range(260):
        (tmp_path / f"a{n:03d}.txt").write_bytes(
            b"Advertisement\nRead more\n" if n == 131 else seed
        )
    with pytest.raises(nf.InputError) as serial:
        nf.load_corpus(tmp_path)
    with pytest.raises(nf.InputError) as parallel_error:
        nf.load_corpus(tmp_path, n_jobs=2)
    assert str(parallel_error.value) == str(serial.value)
    assert "a131.txt" in str(parallel_error.value)


_ERROR_WHILE_OTHERS_SEND = """
import sys
from newsframe import parallel


def work(s):
    if s[0] == 1:
        raise ValueError("bad item")
    return b"x" * 8_000_000  # far more than a pipe holds: the worker is still sending


for _ in range(5):
    try:
        parallel.map_slices(work, list(range(8)), n_jobs=2, min_items=1)
    except ValueError as error:
        assert str(error) == "bad item", error
    else:
        sys.exit("no error")
print("ok")
"""


@needs_fork
def test_an_error_while_other_workers_send_results_never_hangs():
    # one slice fails while the other workers are half way through sending 8 MB each: the caller
    # gets the error and the pool shuts down (stopping a worker in mid-send used to leave the
    # pool's manager thread waiting forever for the rest of the message: a hang in 5 of 6 runs).
    # A separate process, so a hang fails this test after a minute instead of stopping the suite
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", _ERROR_WHILE_OTHERS_SEND], capture_output=True,
                          text=True, timeout=120, cwd=ROOT)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
    assert "Exception in thread" not in done.stderr  # the pool's thread ended cleanly


@needs_fork
def test_a_worker_that_dies_gives_one_clear_error():
    import os

    def die(s):
        os._exit(1)  # as the kernel's out-of-memory killer would end it

    with pytest.raises(nf.NewsframeError, match="worker process died"):
        parallel.map_slices(die, list(range(10)), n_jobs=2, min_items=1)


@needs_fork
def test_workers_run_numeric_libraries_on_one_thread():
    from threadpoolctl import threadpool_info

    def threads(_):
        return [pool["num_threads"] for pool in threadpool_info()]

    assert threads(None)  # numpy's BLAS is loaded here, so the workers have it too
    for counts in parallel.map_slices(threads, list(range(4)), n_jobs=2, min_items=1):
        assert counts and all(n == 1 for n in counts)


def test_a_chosen_set_of_article_tables():
    articles = _copies(3)
    every = nf.compute_article_tables(articles)
    some = nf.compute_article_tables(articles, tables=["frame_dimensions", "sentences"])
    assert list(some) == ["sentences", "frame_dimensions"]  # in ARTICLE_TABLES order
    for name in some:
        pd.testing.assert_frame_equal(some[name], every[name])
    with pytest.raises(nf.NewsframeError, match="unknown per-article table"):
        nf.compute_article_tables(articles, tables=["sentence"])
    with pytest.raises(nf.NewsframeError, match="unknown per-article table"):
        nf.compute_article_tables(articles, tables="sentences")


@needs_fork
def test_tables_with_only_some_documents_sent_back():
    # the workers analyse their own slices; only the named articles' documents come back, and
    # every article's sentence and word counts, so Corpus.to_frame needs no second analysis
    articles = _copies(70)
    keep = {"copy-003", "copy-050"}
    ours = nf.compute_article_tables(articles, n_jobs=2, keep_documents=keep)
    reference = _copies(70)
    theirs = nf.compute_article_tables(reference, n_jobs=1)
    for name in theirs:
        pd.testing.assert_frame_equal(ours[name], theirs[name])
    kept = [a for a in articles if a.article_id in keep]
    assert all("_newsframe_documents" in a.__dict__ for a in kept)
    assert sum("_newsframe_documents" in a.__dict__ for a in articles) == 2
    pd.testing.assert_frame_equal(nf.Corpus(articles).to_frame(), nf.Corpus(reference).to_frame())
    for doc, ref in zip(nf.analyse_corpus(kept), nf.analyse_corpus(reference[3::47]), strict=True):
        assert doc.paragraphs is not ref.paragraphs and doc.paragraphs == ref.paragraphs
        assert np.array_equal(doc.token_start, ref.token_start) and doc.mentions == ref.mentions


@needs_fork
def test_a_grouped_report_is_the_same_on_one_and_on_two_processes(tmp_path):
    # 80 articles in two groups: with two processes the documents stay in the workers except
    # those the sections read again; every file of the report must be byte-identical
    articles = [
        dataclasses.replace(a, metadata={**a.metadata, "group": f"side {k % 2}"})
        for k, a in enumerate(_copies(80))
    ]
    for n_jobs in (1, 2):
        nf.build_report(nf.Corpus(articles), tmp_path / f"r{n_jobs}", n_jobs=n_jobs)
    one, two = tmp_path / "r1", tmp_path / "r2"
    files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(two) for p in two.rglob("*") if p.is_file())
    assert len(files) > 20
    for name in files:
        assert (one / name).read_bytes() == (two / name).read_bytes(), name


def _living(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has ended


@needs_fork
def test_workers_die_with_their_parent(tmp_path):
    # issue 17, item 3: a parent killed outright (SIGKILL: no handler, no clean-up) takes its
    # forked workers with it instead of leaving them to run on, parented to init
    import signal
    import subprocess
    import sys
    import time

    script = (
        "import time\n"
        "from newsframe.parallel import map_slices\n"
        "map_slices(lambda part: time.sleep(120), [1, 2], n_jobs=2, min_items=1)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script])
    workers: list[int] = []
    start = time.monotonic()
    while len(workers) < 2 and time.monotonic() - start < 60:
        time.sleep(0.05)
        workers = [int(c) for t in Path(f"/proc/{proc.pid}/task").glob("*")
                   for c in (t / "children").read_text().split()]  # fmt: skip
    assert len(workers) == 2
    time.sleep(0.5)  # the workers are past their start-up, sleeping in their slice
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    deadline = time.monotonic() + 10
    while any(map(_living, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(map(_living, workers))


def test_workers_collect_garbage_rarely_and_never_scan_what_they_inherit():
    import gc

    def policy(items):
        return [(gc.get_threshold()[0], gc.get_freeze_count() > 0)]

    before = gc.get_threshold()
    got = parallel.map_slices(policy, list(range(4)), n_jobs=2, min_items=1, slices_per_worker=1)
    assert got == [[(parallel.WORKER_GC_THRESHOLD, True)]] * 2
    assert gc.get_threshold() == before  # this process keeps its own policy


def test_chunks_unpack_the_layers_the_links_pass_built_instead_of_building_them_again(
    monkeypatch,
):
    # three articles in chunks of two, on one process: each article's entity layer is built
    # once (for the corpus-wide links), then unpacked for its chunk's tables; before, each was
    # built twice (six builds). "Lee" of b is a's Ann Lee whichever chunk b falls in.
    from newsframe import document, linking
    from newsframe.distributed import iter_article_tables

    arts = [
        Article("a", "", ('"The dam holds," Ann Lee said.',)),
        Article("b", "", ('"We are ready," Lee said.',)),
        Article("c", "", ('"No comment," Bo Park said.',)),
    ]
    built = []
    real = linking.find_entities

    def counted(*args, **kwargs):
        built.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(linking, "find_entities", counted)
    monkeypatch.setattr(document, "find_entities", counted)
    chunks = list(iter_article_tables(arts, chunk_size=2, tables=("attributions",)))
    assert len(built) == 3
    speakers = [s for _, t in chunks for s in t["attributions"]["speaker"]]
    assert speakers == ["Ann Lee", "Ann Lee", "Bo Park"]


def test_chunks_search_each_text_for_actor_mentions_once(monkeypatch, tmp_path):
    # three articles of one paragraph and no headline, in chunks of two, with their term
    # counts: the links pass finds each paragraph's actor mentions and packs them with the
    # layer; the chunk's documents take them, so each paragraph is searched once (three
    # searches; before, the documents searched again: six). The tables are unchanged.
    from newsframe import document
    from newsframe.distributed import iter_article_tables

    path = tmp_path / "story.toml"
    path.write_text('[story]\nname = "dam"\n[actor.varga]\nname = "Varga"\nkind = "person"\n'
                    'aliases = ["Ann Varga", "Varga"]\n', encoding="utf-8")  # fmt: skip
    res = nf.load_story(path).resources

    def corpus():
        return nf.Corpus([
            Article("a", "", ('"The dam holds," Ann Varga said.',)),
            Article("b", "", ('"We are ready," Bo Park said of Varga and Ann Varga.',)),
            Article("c", "", ('"No comment," Bo Park said.',)),
        ], resources=res)  # fmt: skip

    def tables():
        chunks = iter_article_tables(corpus(), chunk_size=2, term_counts=True,
                                     tables=("attributions", "actor_prominence"))  # fmt: skip
        return [t for _, t, _ in chunks]

    searched = []
    real = document.find_mentions

    def counted(text, actors=None):
        searched.append(text)
        return real(text, actors)

    monkeypatch.setattr(document, "find_mentions", counted)
    got = tables()
    assert sorted(searched) == sorted(p for a in corpus() for p in a.paragraphs)
    # by eye: Varga is named once in a and twice in b, and Ann Varga (the actor) speaks in a
    prominence = pd.concat([t["actor_prominence"] for t in got])
    assert prominence[["article_id", "actor_id", "mentions"]].values.tolist() == [
        ["a", "varga", 1], ["b", "varga", 2]]  # fmt: skip
    assert got[0]["attributions"]["speaker"].tolist()[0] == "varga"  # the actor id
    # the same tables as those of documents that search their text themselves
    monkeypatch.setattr(document, "_taken_mentions", lambda article, resources: None)
    for mine, own in zip(got, tables(), strict=True):
        for name in mine:
            pd.testing.assert_frame_equal(mine[name], own[name])


def test_a_packed_layer_unpacks_to_the_layer_built_from_the_text():
    # the links and each unpacked layer are those the links pass of a whole corpus makes
    # without packing (keep=False), and the layer each article's text gives on its own
    from newsframe.distributed import _links, _links_and_packed, _shared_parts, _unpack
    from newsframe.framing.speakers import organisation_nouns
    from newsframe.linking import article_layer
    from newsframe.resources import resolve_resources

    articles = _copies(4)
    res = resolve_resources(None, articles)
    links, packed = _links_and_packed(articles, res, 1)
    assert links == _links(_copies(4), res, keep=False)
    nouns = organisation_nouns(res.reporting_verbs)
    shared = _shared_parts(res, nouns)
    for article, blob in zip(_copies(4), packed, strict=True):
        layer, mentions = _unpack(blob, shared)
        assert layer == article_layer(article, res, res.actors, nouns)
        assert mentions == nf.analyse(article, resources=res).mentions
        assert len(layer.mentions) > 0
        # the entity words and the actors' index are not in the bytes: the unpacked layer
        # holds this process's own (one copy for every layer, not one per layer)
        assert layer._v is shared[0] and layer._actors is shared[1]


def test_a_layer_that_does_not_hold_the_shared_parts_is_packed_whole():
    # a layer built with other entity words than the resources' keeps its own words through
    # packing and unpacking, whatever the unpacking process's shared parts are
    from dataclasses import replace

    from newsframe.distributed import _pack, _shared_parts, _unpack
    from newsframe.entities import find_entities
    from newsframe.framing.speakers import organisation_nouns
    from newsframe.resources import resolve_resources

    articles = _copies(1)
    res = resolve_resources(None, articles)
    nouns = organisation_nouns(res.reporting_verbs)
    shared = _shared_parts(res, nouns)
    words = replace(res.entity_words, titles=res.entity_words.titles | {"archwarden"})
    own = find_entities(["Archwarden Ann Lee spoke."], words=words)
    back, _ = _unpack(_pack(own, shared), shared)
    assert (back.entities, back.mentions) == (own.entities, own.mentions)
    assert "archwarden" in back.words.titles and ("ann lee" in back._alias)
    assert back._v is not shared[0]
    # the same text under the resources' words: packed without them, smaller
    plain = find_entities(["Archwarden Ann Lee spoke."], actors=res.actors,
                          organisation_nouns=nouns, words=res.entity_words)  # fmt: skip
    assert len(_pack(plain, shared)) < len(_pack(own, shared)) / 2
    assert _unpack(_pack(plain, shared), shared) == (plain, ())


@needs_fork
def test_chunks_whose_workers_take_the_term_counts_give_the_whole_corpus_counts_and_tables():
    # two chunks of 65 articles on two processes: each worker analyses its own slice and
    # sends back its tables and term counts, never its documents; stacked, the counts are
    # those of the whole corpus counted at once, and so are the tables and word counts
    from newsframe.distributed import iter_article_tables
    from newsframe.terms.counts import stack_counts

    articles = _copies(130)
    tables = ("sentences", "attributions")
    parts, counts = [], []
    for chunk, found, chunk_counts in iter_article_tables(
        articles, chunk_size=65, n_jobs=2, tables=tables, term_counts=True
    ):
        assert not any("_newsframe_documents" in a.__dict__ for a in chunk)
        assert chunk_counts.article_ids == tuple(a.article_id for a in chunk)
        parts.append(found)
        counts.append(chunk_counts)
    reference = _copies(130)
    whole = nf.compute_article_tables(reference, tables=tables)
    for name in tables:
        chunked = pd.concat([p[name] for p in parts], ignore_index=True)
        pd.testing.assert_frame_equal(chunked, whole[name])
    stacked, once = stack_counts(counts), nf.count_terms(reference)
    assert list(stacked.terms) == list(once.terms)
    assert (stacked.counts != once.counts).nnz == 0
    assert stacked.n_tokens.tolist() == once.n_tokens.tolist()
    pd.testing.assert_frame_equal(nf.Corpus(articles).to_frame(), nf.Corpus(reference).to_frame())
