"""The per-article steps of an analysis as a map over partitions, on Dask or in this process.

Every table whose rows belong to one article (sentence sentiment, term frequencies,
attributions, share of voice, naming, prominence, frames, distancing, sentiment coverage) is
computed by :func:`article_tables` on any slice of the corpus; concatenating the slices in
corpus order gives exactly the table of the whole corpus. Statistics that compare articles or
groups (keyness, comparisons, summaries) are the reduce: they run in this process on the
gathered tables. Reading and cleaning are mapped the same way (:func:`load_corpus_distributed`);
the outlet edge-repeat evidence, which needs every article of an outlet, is gathered between
the two cleaning passes exactly as :func:`newsframe.load_corpus` does.

Install the extra (``pip install newsframe[dask]``) and pass ``scheduler="local"`` (a
``LocalCluster`` on this machine) or the address of a running ``dask.distributed`` scheduler.
Use it when a corpus no longer fits one machine's memory or time budget; for up to tens of
thousands of articles the in-process path with ``n_jobs`` is simpler and as fast.
"""

from __future__ import annotations

import copy
import functools
import itertools
import pickle
import zlib
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd

from newsframe.corpus import Article, Corpus, as_articles, load_corpus
from newsframe.document import (
    analyse_corpus,
    article_mentions,
    drop_documents,
    drop_layers,
    keep_counts,
    keep_documents_of,
    keep_layer,
    keep_mentions,
    without_text,
)
from newsframe.entities import Entities, find_entities, load_shared_data
from newsframe.errors import NewsframeError
from newsframe.framing import (
    actor_positions,
    actor_prominence,
    attributions,
    distancing_marks,
    frame_dimensions,
    naming_variants,
    share_of_voice,
)
from newsframe.framing.speakers import organisation_nouns
from newsframe.linking import Links, article_layer, corpus_links, link_entities
from newsframe.parallel import map_slices, n_workers
from newsframe.resources import Resources, resolve_resources
from newsframe.sentiment import (
    actor_sentiment,
    sentence_sentiment,
    sentiment_coverage,
    sentiment_summary,
)
from newsframe.terms import term_frequencies
from newsframe.terms.counts import TermCounts, count_terms, stack_counts

__all__ = ["ARTICLE_TABLES", "article_tables", "compute_article_tables", "dask_client",
           "iter_article_tables", "load_corpus_distributed"]  # fmt: skip

#: The per-article tables, in the order :func:`article_tables` returns them.
ARTICLE_TABLES = (
    "sentences",
    "sentiment_summary",
    "actor_sentiment",
    "term_frequencies",
    "attributions",
    "share_of_voice",
    "naming_variants",
    "actor_prominence",
    "actor_positions",
    "frame_dimensions",
    "distancing_marks",
    "sentiment_coverage",
)


#: The tables that read the sentence sentiment table rather than the articles.
_FROM_SENTENCES = ("sentences", "sentiment_summary", "actor_sentiment")


def _check_tables(tables: Sequence[str] | None) -> tuple[str, ...]:
    if tables is None:
        return ARTICLE_TABLES
    unknown = [t for t in tables if t not in ARTICLE_TABLES]
    if unknown or isinstance(tables, str):
        raise NewsframeError(
            f"unknown per-article table(s) {unknown or [tables]}; choose from {', '.join(ARTICLE_TABLES)}"
        )
    return tuple(t for t in ARTICLE_TABLES if t in tables)


def article_tables(
    articles: Sequence[Article],
    *,
    resources: Resources | None = None,
    tables: Sequence[str] | None = None,
    links: Links | None = None,
) -> dict[str, pd.DataFrame]:
    """Return the per-article tables of ``articles`` named in ``tables`` (default: all of
    :data:`ARTICLE_TABLES`, in that order) under ``resources`` (default: those of the corpus the
    articles were loaded into, else the shipped ones). Sentence sentiment comes with its
    per-article summaries (sentiment_summary, actor_sentiment), whose bootstrap resamples are
    seeded per article. ``links``: the entities linked across the whole corpus
    (:func:`newsframe.linking.corpus_links`) when ``articles`` are a slice of it; by default
    across ``articles``.

    >>> a = Article("a", "T", ('"We are ready," Putin said.',))
    >>> t = article_tables([a])
    >>> list(t) == list(ARTICLE_TABLES), t["sentences"]["article_id"].tolist()
    (True, ['a'])
    >>> list(article_tables([a], tables=["attributions", "sentences"]))
    ['sentences', 'attributions']
    """
    wanted = _check_tables(tables)
    articles = list(articles)
    res = resolve_resources(resources, articles)
    if links is None and any(t in _LINKED for t in wanted):
        links = _links(articles, res)
    sentences = None
    if any(t in _FROM_SENTENCES for t in wanted):
        sentences = sentence_sentiment(articles, resources=res, progress=False)
    build = {
        "sentences": lambda: sentences,
        # bootstrap intervals per article (and actor): each group has its own seeded resamples,
        # so a slice's summaries are the whole corpus's rows for those articles
        "sentiment_summary": lambda: sentiment_summary(sentences),
        "actor_sentiment": lambda: actor_sentiment(
            sentences, resources=res, corpus=articles, links=links
        ),
        "term_frequencies": lambda: term_frequencies(articles, resources=res),
        "attributions": lambda: attributions(articles, resources=res, links=links),
        "share_of_voice": lambda: share_of_voice(articles, resources=res, links=links),
        "naming_variants": lambda: naming_variants(articles, resources=res),
        "actor_prominence": lambda: actor_prominence(articles, resources=res, links=links),
        "actor_positions": lambda: actor_positions(articles, resources=res, links=links),
        "frame_dimensions": lambda: frame_dimensions(articles, resources=res),
        "distancing_marks": lambda: distancing_marks(articles, resources=res),
        "sentiment_coverage": lambda: sentiment_coverage(articles, resources=res),
    }
    return {name: build[name]() for name in wanted}


#: Tables whose speakers or actors are entities linked across the corpus.
_LINKED = ("actor_sentiment", "attributions", "share_of_voice", "actor_prominence",
           "actor_positions")  # fmt: skip


def _links(
    articles: Sequence[Article], resources: Resources, n_jobs: int | None = 1, *, keep: bool = True
) -> Links:
    """The entities of ``articles`` linked across them, under ``resources``' actor table (their
    layers built on ``n_jobs`` processes and, with ``keep``, kept for the tables)."""
    nouns = organisation_nouns(resources.reporting_verbs)
    return corpus_links(
        articles,
        resources=resources,
        actors=resources.actors,
        organisation_nouns=nouns,
        n_jobs=n_jobs,
        keep=keep,
    )


def _concat(parts: list[dict[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    out = {}
    for name in parts[0]:
        frames = [p[name] for p in parts]
        filled = [f for f in frames if len(f)]
        if not filled:
            out[name] = frames[0].iloc[0:0]
            continue
        out[name] = pd.concat(filled, ignore_index=True)
    return out


def _chunks(items: Sequence[Any], size: int) -> list[list[Any]]:
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


#: Protocols a Dask scheduler address may name (``tcp://host:8786``).
_PROTOCOLS = ("tcp", "tls", "ws", "wss", "ucx", "inproc")
_HOST_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")


def _is_address(text: str) -> bool:
    """``[protocol://]host:port``: host a name, an IPv4 or a bracketed IPv6 address."""
    protocol, sep, rest = text.partition("://")
    if not sep:
        rest = text
    elif protocol not in _PROTOCOLS:
        return False
    host, sep, port = rest.rpartition(":")
    if not (sep and host and port.isascii() and port.isdigit() and len(port) <= 5):
        return False
    if host.startswith("[") and host.endswith("]"):
        return len(host) > 2 and set(host[1:-1]) <= set("0123456789abcdefABCDEF:.")
    return set(host) <= _HOST_CHARS


def check_scheduler(scheduler: str) -> None:
    """Raise :class:`~newsframe.errors.NewsframeError` unless ``scheduler`` is ``"local"`` or a
    Dask scheduler address (``tcp://host:8786``); checked before any work starts.

    >>> check_scheduler("tcp://10.0.0.5:8786"), check_scheduler("[::1]:8786")
    (None, None)
    >>> check_scheduler("nonsense")
    Traceback (most recent call last):
    ...
    newsframe.errors.NewsframeError: --scheduler 'nonsense' is neither 'local' nor a Dask scheduler address such as tcp://host:8786
    """
    if scheduler != "local" and not _is_address(scheduler):
        raise NewsframeError(
            f"--scheduler {scheduler!r} is neither 'local' nor a Dask scheduler address "
            "such as tcp://host:8786"
        )


@contextmanager
def dask_client(scheduler: str, *, n_workers: int = 2) -> Iterator[Any]:
    """Yield a ``dask.distributed.Client``: a new ``LocalCluster`` of ``n_workers`` processes for
    ``"local"``, else a connection to the scheduler at that address (closed afterwards)."""
    check_scheduler(scheduler)
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - depends on the optional extra
        raise NewsframeError(
            "--scheduler needs Dask: pip install 'newsframe[dask]' (dask[distributed])"
        ) from None
    if scheduler == "local":
        # no dashboard; the scheduler's HTTP server (its metrics) on a free port of this
        # machine only: by default it takes port 8787 and, where another cluster holds that
        # port, warns that it moved
        http = {"dashboard_address": "127.0.0.1:0"}
        with (
            LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                         dashboard_address=None, scheduler_kwargs=http) as cluster,
            Client(cluster) as client,
        ):  # fmt: skip
            yield client
    else:
        try:
            client = Client(scheduler, timeout=30)
        except (OSError, ValueError, TypeError) as exc:
            raise NewsframeError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        with client:
            yield client


def _mapper(client: Any) -> Callable[[Callable[[Any], Any], list[Any]], list[Any]]:
    def run(func: Callable[[Any], Any], items: list[Any]) -> list[Any]:
        return client.gather(client.map(func, items, pure=False))

    return run


def compute_article_tables(
    corpus: Corpus | Sequence[Article],
    *,
    client: Any | None = None,
    partition_size: int = 200,
    n_jobs: int | None = 1,
    tables: Sequence[str] | None = None,
    keep_documents: bool | Collection[str] = True,
    links: Links | None = None,
) -> dict[str, pd.DataFrame]:
    """Return the per-article tables of ``corpus`` named in ``tables`` (default: all of
    :data:`ARTICLE_TABLES`): the same tables whichever way they are computed.

    On a Dask ``client``: mapped over partitions of ``partition_size`` articles and concatenated
    in corpus order. Otherwise on this machine: the documents are analysed once here
    (:func:`newsframe.analyse_corpus`, on ``n_jobs`` processes) and kept for later analyses, then
    with ``n_jobs`` > 1 (or -1: every core) and 64 articles or more the tables are computed in
    forked worker processes over contiguous slices of the corpus
    (:func:`newsframe.parallel.map_slices`), which see the documents without copying them.
    ``keep_documents`` may instead name the articles (ids) whose documents this process will
    read again: the workers then analyse their own slices and send back only those documents
    (and every article's sentence and word counts, for :meth:`Corpus.to_frame`), which saves
    sending thousands of documents that nothing here reads. ``links``: the entities linked over
    a larger corpus of which ``corpus`` is a part (:func:`iter_article_tables` passes the
    whole corpus's); by default they are linked over ``corpus``.

    >>> a = Article("a", "T", ('"We are ready," Putin said.',))
    >>> compute_article_tables([a], n_jobs=2)["sentences"]["article_id"].tolist()
    ['a']
    """
    articles = as_articles(corpus)
    resources = resolve_resources(None, corpus)
    wanted = _check_tables(tables)
    here = client is None and (
        keep_documents is True or n_workers(n_jobs, len(articles), min_items=64) == 1
    )
    if here:
        analyse_corpus(articles, resources=resources, n_jobs=n_jobs)
    # the entities linked across the whole corpus, once, whatever the slices
    linked = any(t in _LINKED for t in wanted)
    if linked and links is None:
        links = _links(articles, resources, n_jobs if client is None else 1)
    work = functools.partial(article_tables, resources=resources, tables=wanted, links=links)
    if client is None:
        if here:
            return _tables_here(work, articles, resources, n_jobs=n_jobs)
        keep = frozenset(keep_documents or ())
        with_documents = functools.partial(
            _tables_and_documents, work=work, keep=keep, resources=resources
        )
        results = map_slices(with_documents, articles, n_jobs=n_jobs, min_items=64)
        keep_documents_of(articles, [d for _, docs, _ in results for d in docs], resources)
        drop_layers(articles)  # kept by the links for the workers; the kept documents took theirs
        keep_counts(articles, {i: n for _, _, counts in results for i, n in counts.items()})
        return _concat([tables for tables, _, _ in results])
    parts = _mapper(client)(work, _chunks(articles, partition_size))
    drop_layers(articles)  # kept by the links, built here; the Dask workers build their own
    return _concat(parts)


def iter_article_tables(
    corpus: Corpus | Sequence[Article],
    *,
    chunk_size: int = 10_000,
    n_jobs: int | None = 1,
    tables: Sequence[str] | None = None,
    term_counts: bool = False,
) -> Iterator[tuple]:
    """Yield ``(articles, tables)`` for consecutive chunks of ``chunk_size`` articles of
    ``corpus``: the per-article tables of each chunk (:func:`compute_article_tables`, on
    ``n_jobs`` processes), for a corpus whose documents and tables do not fit in memory at once.

    Each chunk's documents are analysed when the chunk is reached and stay cached while the
    caller holds it (so its term counts, :func:`newsframe.count_terms`, can be taken then); they
    are dropped (:func:`newsframe.document.drop_documents`) when the next chunk is asked for.
    With ``term_counts``, yield ``(articles, tables, counts)`` instead: the chunk's
    :func:`newsframe.count_terms` (default options) taken by the worker processes beside its
    tables, each worker analysing its own slice of the chunk, so the documents never travel to
    this process (about 17 KB an article to send and unpickle); each article's sentence and
    word counts do (:meth:`newsframe.Corpus.to_frame`). Stack the chunks' counts with
    :func:`newsframe.terms.counts.stack_counts`.

    Write each chunk's tables out (e.g. one Parquet file per chunk and table); concatenated in
    order they are the whole corpus's tables. The entities are linked once over the whole
    corpus before the first chunk, so a speaker's canonical name does not depend on the chunk
    size; their layers, built from the text alone for the links, are kept packed (about 2.2 KB
    an article; the layers themselves would not fit in memory) and unpacked for each chunk's
    tables rather than built a second time.

    >>> arts = [Article(i, "", ("Putin spoke.",)) for i in "abc"]
    >>> [(len(c), len(t["sentences"])) for c, t in iter_article_tables(arts, chunk_size=2)]
    [(2, 2), (1, 1)]
    >>> [c.n_tokens.tolist() for *_, c in iter_article_tables(arts, chunk_size=2, term_counts=True)]
    [[2, 2], [2]]
    """
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or chunk_size < 1:
        raise NewsframeError(f"chunk_size must be a positive whole number, not {chunk_size!r}")
    articles = list(corpus)
    resources = resolve_resources(None, corpus)
    wanted = _check_tables(tables)
    # the whole corpus's layers would not fit in memory as they are: the links pass keeps each
    # one packed, and each chunk's workers unpack their articles' layers instead of building
    # them again
    linked = any(t in _LINKED for t in wanted)
    links, packed = _links_and_packed(articles, resources, n_jobs) if linked else (None, None)
    work = functools.partial(article_tables, resources=resources, tables=wanted, links=links)
    for start in range(0, len(articles), chunk_size):
        chunk = articles[start : start + chunk_size]
        layers = packed[start : start + chunk_size] if packed is not None else None
        try:
            if term_counts:
                yield chunk, *_tables_and_counts(work, chunk, resources, n_jobs=n_jobs,
                                                 packed=layers)  # fmt: skip
            else:
                analyse_corpus(chunk, resources=resources, n_jobs=n_jobs)
                yield chunk, _tables_here(work, chunk, resources, n_jobs=n_jobs, packed=layers)
        finally:
            drop_documents(chunk)


def _tables_and_counts(
    work: Callable[[Sequence[Article]], dict[str, pd.DataFrame]],
    articles: list[Article],
    resources: Resources,
    *,
    n_jobs: int | None,
    packed: list[bytes] | None,
) -> tuple[dict[str, pd.DataFrame], TermCounts]:
    """``work`` over ``articles`` and their term counts, on ``n_jobs`` forked processes that
    each analyse their own slice; the slices' tables concatenated and counts stacked, and each
    article's sentence and word counts kept here (:func:`newsframe.document.keep_counts`)."""
    items = list(zip(articles, packed or itertools.repeat(None), strict=False))
    each = functools.partial(_slice_tables_and_counts, work=work, resources=resources)
    results = map_slices(each, items, n_jobs=n_jobs, min_items=64)
    keep_counts(articles, {i: n for _, _, sizes in results for i, n in sizes.items()})
    if len(results) == 1:
        return results[0][0], results[0][1]
    return _concat([t for t, _, _ in results]), stack_counts([c for _, c, _ in results])


def _slice_tables_and_counts(
    pairs: Sequence[tuple[Article, bytes | None]],
    *,
    work: Callable[[Sequence[Article]], dict[str, pd.DataFrame]],
    resources: Resources,
) -> tuple[dict[str, pd.DataFrame], TermCounts, dict[str, tuple[int, int]]]:
    """In a worker (or here, serially): a slice's tables, its term counts and each article's
    ``(sentences, words)``, its documents analysed and its packed layers unpacked first."""
    articles = [article for article, _ in pairs]
    _keep_packed(pairs, resources)  # first: the documents take the mentions packed with them
    docs = analyse_corpus(articles, resources=resources)
    found = work(articles)
    counts = count_terms(articles, resources=resources)
    return found, counts, {d.article_id: (d.n_sentences, d.n_words) for d in docs}


def _tables_here(
    work: Callable[[Sequence[Article]], dict[str, pd.DataFrame]],
    articles: list[Article],
    resources: Resources,
    *,
    n_jobs: int | None,
    packed: list[bytes] | None = None,
) -> dict[str, pd.DataFrame]:
    """``work`` over ``articles`` (their documents analysed here) on ``n_jobs`` forked
    processes, the slices' tables concatenated; ``packed``: the articles' entity layers as
    :func:`_links_and_packed` packed them, unpacked for the tables instead of built again."""
    if packed is not None:
        work = functools.partial(_with_layers, work=work, resources=resources)
        items: list[Any] = list(zip(articles, packed, strict=True))
    else:
        items = articles
    parts = map_slices(work, items, n_jobs=n_jobs, min_items=64)
    return parts[0] if len(parts) == 1 else _concat(parts)


def _links_and_packed(
    articles: Sequence[Article], resources: Resources, n_jobs: int | None
) -> tuple[Links, list[bytes]]:
    """The links of ``articles`` (as :func:`_links` makes them) and each article's entity layer
    packed: pickled and compressed, about 2.2 KB an article where the layer takes about 20 KB
    as objects, so a corpus's layers built once, on ``n_jobs`` processes, can be kept for its
    chunks (unpacking one takes about a third of the time of building it)."""
    nouns = organisation_nouns(resources.reporting_verbs)
    # made here once, so the forked workers of this pass and of every chunk inherit the data
    # it loads (the gazetteer, the given names, wordfreq's table) instead of each loading it
    # again (about 0.2 s a process)
    _shared_parts(resources, nouns)
    load_shared_data(resources.entity_words)
    build = functools.partial(_entities_and_packed, resources=resources, nouns=nouns)
    parts = map_slices(build, articles, n_jobs=n_jobs, min_items=64)
    links = link_entities((Entities(entities=e) for part in parts for e, _ in part),
                          resources.actors)  # fmt: skip
    return links, [p for part in parts for _, p in part]


def _entities_and_packed(
    articles: Sequence[Article], *, resources: Resources, nouns: frozenset[str]
) -> list[tuple[dict[str, Any], bytes]]:
    """In a worker: each article's entities (all :func:`newsframe.linking.link_entities`
    reads) and its whole entity layer packed with its actor mentions (:func:`_pack`;
    :func:`_unpack` reverses it), so the chunk's documents take the mentions the layer was
    built from instead of searching the text for them again."""
    shared = _shared_parts(resources, nouns)
    out = []
    for article in articles:
        mentions = article_mentions(article, resources)
        layer = article_layer(article, resources, resources.actors, nouns, mentions=mentions)
        out.append((layer.entities, _pack(layer, shared, mentions)))
    return out


def _shared_parts(resources: Resources, nouns: frozenset[str]) -> tuple[Any, Any]:
    """What every entity layer built under ``resources`` and organisation ``nouns`` holds in
    common (the same objects, made once per process): the entity words it read, with their sets,
    and the index of the story's actors (about 12 KB of a layer's 15 KB when pickled)."""
    empty = find_entities((), actors=resources.actors, organisation_nouns=nouns,
                          words=resources.entity_words)  # fmt: skip
    return empty._v, empty._actors


def _pack(layer: Entities, shared: tuple[Any, Any], mentions: tuple = ()) -> bytes:
    """``layer`` and the article's actor ``mentions`` pickled and compressed, the layer without
    the parts it shares with every layer of its resources (:func:`_shared_parts`) when it holds
    exactly those (the unpacking process makes its own once): unpickling them for every article
    took most of the unpacking."""
    if layer._v is shared[0] and layer._actors is shared[1]:
        light = copy.copy(layer)  # (a shallow copy: the layer itself stays whole)
        light._v = light._actors = None
        return _SHARED + zlib.compress(pickle.dumps((light, mentions), _PROTOCOL), 1)
    return _WHOLE + zlib.compress(pickle.dumps((layer, mentions), _PROTOCOL), 1)


#: The first byte of a packed layer: pickled without its shared parts, or whole.
_SHARED, _WHOLE = b"s", b"w"
_PROTOCOL = pickle.HIGHEST_PROTOCOL


def _unpack(packed: bytes, shared: tuple[Any, Any]) -> tuple[Entities, tuple]:
    """The entity layer and the actor mentions :func:`_pack` packed (made by this package, in
    this run: the only bytes ever unpickled here), the layer's shared parts put back from
    ``shared``."""
    layer, mentions = pickle.loads(zlib.decompress(packed[1:]))
    if packed[:1] == _SHARED:
        layer._v, layer._actors = shared
    return layer, mentions


def _with_layers(
    pairs: Sequence[tuple[Article, bytes]],
    *,
    work: Callable[[Sequence[Article]], dict[str, pd.DataFrame]],
    resources: Resources,
) -> dict[str, pd.DataFrame]:
    """``work`` on the articles of ``pairs``, each one's packed entity layer kept on it first
    (:func:`newsframe.document.keep_layer`), so the tables read it instead of building it."""
    _keep_packed(pairs, resources)
    return work([article for article, _ in pairs])


def _keep_packed(pairs: Sequence[tuple[Article, bytes | None]], resources: Resources) -> None:
    """Keep each article's packed entity layer on it, unpacked (none where there is none), and
    its actor mentions for its document to take if it is not built yet."""
    nouns = organisation_nouns(resources.reporting_verbs)
    shared = _shared_parts(resources, nouns)
    for article, packed in pairs:
        if packed is not None:
            layer, mentions = _unpack(packed, shared)
            keep_layer(article, resources, resources.actors, nouns, layer)
            keep_mentions(article, resources, mentions)


def _tables_and_documents(
    articles: Sequence[Article],
    *,
    work: Callable[[Sequence[Article]], dict[str, pd.DataFrame]],
    keep: frozenset[str],
    resources: Resources,
) -> tuple[dict[str, pd.DataFrame], list[Any], dict[str, tuple[int, int]]]:
    """In a worker: the tables of a slice, the documents of its articles in ``keep`` and every
    article's ``(sentences, words)``."""
    docs = analyse_corpus(articles, resources=resources)
    tables = work(articles)
    kept = [without_text(d) for d in docs if d.article_id in keep]
    counts = {d.article_id: (d.n_sentences, d.n_words) for d in docs}
    return tables, kept, counts


def load_corpus_distributed(
    source: str | Path | Sequence[str | Path],
    *,
    client: Any,
    partition_size: int = 200,
    story: Any = None,
) -> Corpus:
    """Return :func:`newsframe.load_corpus` of ``source`` with cleaning mapped over Dask workers."""
    mapper = _mapper(client)

    def executor(func: Callable[[Any], Any], jobs: list[Any]) -> list[Any]:
        chunks = _chunks(jobs, partition_size)
        results = mapper(_apply_all, [(func, chunk) for chunk in chunks])
        return [item for chunk in results for item in chunk]

    return load_corpus(source, executor=executor, story=story)


def _apply_all(task: tuple[Callable[[Any], Any], list[Any]]) -> list[Any]:
    func, chunk = task
    return [func(job) for job in chunk]
