"""Term counts: a corpus as a sparse article × term matrix, and frequency tables built on it.

Counting reads the analysed documents (:func:`newsframe.analyse`): their tokens, lemmas,
stopword flags, merged multi-word terms and sentences, computed once per article and shared with
every other analysis. Nothing here tokenises, lemmatises or splits sentences again. The counter
(:func:`count_terms`) turns the documents into one integer sequence over the corpus and a sparse
article × term matrix with numpy; the denominator of every rate is :attr:`Document.n_words`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from numpy.lib.stride_tricks import sliding_window_view

from newsframe.corpus import Article, Corpus, as_articles
from newsframe.document import Document, analyse_corpus
from newsframe.errors import NewsframeError
from newsframe.resources import Resources, resolve_resources
from newsframe.text import (
    load_lemma_exceptions,
    load_phrases,
    load_stopwords,
    merge_phrases,
    phrase_index,
)

if TYPE_CHECKING:
    from scipy import sparse

__all__ = ["TermCounts", "count_terms", "stack_counts", "term_frequencies"]

UNITS = ("lemma", "token")
_BOUNDARY = -1


@dataclass(frozen=True)
class TermCounts:
    """Sparse term counts: ``counts[i, j]`` is how often ``terms[j]`` occurs in article ``i``.

    ``n_tokens[i]`` is the article's word count, :attr:`Document.n_words` (every word token of
    the body, stopwords included, a multi-word term counted as its words): the denominator of
    every rate.
    """

    article_ids: tuple[str, ...]
    terms: np.ndarray
    counts: sparse.csr_matrix
    n_tokens: np.ndarray

    def series(self, rows: Sequence[int] | None = None) -> pd.Series:
        """Return term → count summed over ``rows`` (all articles by default)."""
        matrix = self.counts if rows is None else self.counts[list(rows)]
        return pd.Series(np.asarray(matrix.sum(axis=0)).ravel(), index=self.terms, name="count")


def _check_unit(unit: str) -> None:
    if unit not in UNITS:
        raise NewsframeError(f"unit must be one of {UNITS}, got {unit!r}")


def _articles(corpus: Iterable[Article]) -> list[Article]:
    """The one coercion (:func:`newsframe.corpus.as_articles`); empty gives ``[]``."""
    return as_articles(corpus)


def _documents(
    corpus: Corpus | Iterable[Article] | Article, resources: Resources | None
) -> tuple[list[Article], list[Document]]:
    """Return (articles, their analysed documents) under the resolved resources."""
    res = resolve_resources(resources, corpus)
    articles = _articles(corpus)
    return articles, analyse_corpus(articles, resources=res)


def _stop_flags(doc: Document, stopwords: bool | Iterable[str] | frozenset[str]) -> np.ndarray:
    """Blocked flag per type of ``doc``: no term (a number, a date, a word outside the Latin
    script: :attr:`Document.type_term`) or a stopword -- the document's own (``True``), none, or
    a given set."""
    if stopwords is True:
        return doc.type_stop | ~doc.type_term
    if stopwords is False or not stopwords:
        return ~doc.type_term
    stop = np.fromiter((w in stopwords for w in doc.type_lower), bool, len(doc.type_lower))
    return stop | ~doc.type_term


def _custom_phrases(doc: Document, body: np.ndarray, index) -> list[tuple[int, int, str]]:
    """(first body position, length, lemma) of user-given multi-word terms, sentence by sentence."""
    lemmas = [doc.type_lemma[t] for t in doc.token_type[body].tolist()]
    sentence = doc.token_sentence[body]
    cuts = np.flatnonzero(np.diff(sentence)) + 1
    out = []
    for lo, hi in zip([0, *cuts.tolist()], [*cuts.tolist(), len(lemmas)], strict=True):
        for start, k in merge_phrases(lemmas[lo:hi], index):
            joined = " ".join(lemmas[lo + start : lo + start + k])
            out.append((lo + start, k, load_lemma_exceptions().get(joined, joined)))
    return out


def _sequence(
    docs: Sequence[Document],
    unit: str,
    stopwords: bool | Iterable[str],
    phrases: bool | Iterable[str],
):
    """Return the corpus as one term sequence over the documents' bodies.

    (term id per position, with -1 closing every sentence; article index per position; blocked
    mask (stopword or boundary); sorted vocabulary as an object array; words per article).
    Multi-word terms are the documents' own (``phrases=True``), none (``False``) or the given
    ones, matched on the documents' lemmas within sentences.
    """
    _check_unit(unit)
    if stopwords is True or stopwords is False:
        stop_arg: bool | frozenset[str] = stopwords
    else:
        stop_arg = load_stopwords(stopwords)
    custom = None
    if phrases is not True and phrases is not False:
        custom = phrase_index(load_phrases(phrases))
    names: list[str] = []
    local, sentence, stops, lengths = [], [], [], []
    phrase_pos: list[int] = []
    phrase_len: list[int] = []
    phrase_names: list[str] = []
    offset = position = 0
    for d in docs:
        h = d.n_headline_tokens
        body = slice(h, None)
        types = d.token_type[body]
        names.extend(d.type_lemma if unit == "lemma" else d.type_lower)
        local.append(types.astype(np.int64) + offset)
        sentence.append(d.token_sentence[body])
        stops.append(_stop_flags(d, stop_arg))
        lengths.append(len(types))
        if phrases is True and len(d.phrase_first):
            for first, k, lemma in zip(
                d.phrase_first.tolist(), d.phrase_length.tolist(), d.phrase_lemma, strict=True
            ):
                if first >= h:
                    phrase_pos.append(position + first - h)
                    phrase_len.append(k)
                    phrase_names.append(
                        lemma
                        if unit == "lemma"
                        else " ".join(d.type_lower[t] for t in types[first - h : first - h + k])
                    )
        elif custom:
            for first, k, lemma in _custom_phrases(d, body, custom):
                phrase_pos.append(position + first)
                phrase_len.append(k)
                phrase_names.append(
                    lemma
                    if unit == "lemma"
                    else " ".join(d.type_lower[t] for t in types[first : first + k])
                )
        offset += len(d.type_lower)
        position += len(types)
    codes, vocab = pd.factorize(np.array([*names, *phrase_names], dtype=object), sort=True)
    local_all = np.concatenate(local) if local else np.empty(0, np.int64)
    terms = codes[local_all]
    blocked = np.concatenate(stops)[local_all] if stops else np.empty(0, bool)
    sent = np.concatenate(sentence).astype(np.int64) if sentence else np.empty(0, np.int64)
    doc = np.repeat(np.arange(len(docs)), lengths)
    if phrase_pos:
        first, k = np.array(phrase_pos), np.array(phrase_len)
        terms[first] = codes[len(names) :]
        blocked[first] = False
        tail = k - 1
        inner = np.repeat(first + 1, tail) + (
            np.arange(tail.sum()) - np.repeat(np.cumsum(tail) - tail, tail)
        )
        keep = np.ones(len(terms), dtype=bool)
        keep[inner] = False
        terms, blocked, sent, doc = terms[keep], blocked[keep], sent[keep], doc[keep]
    # close every sentence with a boundary (-1), so n-grams never span two sentences
    last = np.ones(len(terms), dtype=bool)
    if len(terms) > 1:
        last[:-1] = (sent[1:] != sent[:-1]) | (doc[1:] != doc[:-1])
    new_pos = np.arange(len(terms)) + np.cumsum(last) - last
    size = len(terms) + int(last.sum())
    out_terms = np.full(size, _BOUNDARY, dtype=np.int64)
    out_blocked = np.ones(size, dtype=bool)
    out_doc = np.empty(size, dtype=np.int64)
    out_terms[new_pos], out_blocked[new_pos], out_doc[new_pos] = terms, blocked, doc
    out_doc[new_pos[last] + 1] = doc[last]
    n_words = np.array([d.n_words for d in docs], dtype=np.int64)
    return out_terms, out_doc, out_blocked, np.asarray(vocab, dtype=object), n_words


def _check_ngrams(ngram_range: tuple[int, int]) -> tuple[int, int]:
    lo, hi = ngram_range
    if not 1 <= lo <= hi <= 5:
        raise NewsframeError(f"ngram_range must satisfy 1 <= low <= high <= 5, got {ngram_range!r}")
    return int(lo), int(hi)


def _ngram_windows(terms: np.ndarray, blocked: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Return (rows of n term ids, start positions) of every n-gram free of blocked positions."""
    if len(terms) < n:
        return np.empty((0, n), dtype=np.int64), np.empty(0, dtype=np.int64)
    ok = ~sliding_window_view(blocked, n).any(axis=1)
    starts = np.flatnonzero(ok)
    return sliding_window_view(terms, n)[starts], starts


def count_terms(
    corpus: Corpus | Iterable[Article] | Article,
    *,
    unit: str = "lemma",
    ngram_range: tuple[int, int] = (1, 1),
    stopwords: bool | Iterable[str] = True,
    phrases: bool | Iterable[str] = True,
    resources: Resources | None = None,
) -> TermCounts:
    """Return sparse article × term counts (:class:`TermCounts`) for ``corpus``.

    Tokens, lemmas, stopword flags, multi-word terms and sentences are those of each article's
    analysed :class:`~newsframe.Document` (``unit="lemma"``: the lemma; ``"token"``: the
    lowercased token), built once and shared with every other analysis. Numbers, dates and
    words outside the Latin script are never terms (:func:`newsframe.text.is_term`); they stay
    in ``n_tokens``. ``stopwords=True`` drops
    the resources' list (the Snowball list by default), ``False`` keeps every word, an iterable
    drops the shipped list plus those words. ``phrases=True`` counts the documents' merged
    multi-word terms as one term each, ``False`` counts their words, an iterable adds terms to
    the shipped list. N-grams join adjacent words of one sentence; with stopwords dropped, an
    n-gram containing one is dropped (so removing a word never makes two others adjacent); a
    multi-word term or n-gram never spans two sentences. ``n_tokens`` is
    :attr:`Document.n_words`. The vocabulary is sorted; the work is numpy over the corpus.

    >>> a = Article("a", "", ("The treaty and the peace treaty. Treaties!",))
    >>> c = count_terms([a])
    >>> list(c.terms), c.counts.toarray().tolist(), c.n_tokens.tolist()
    (['peace treaty', 'treaty'], [[1, 2]], [7])
    """
    lo, hi = _check_ngrams(ngram_range)
    articles, docs = _documents(corpus, resources)
    terms, doc, blocked, vocab, n_tokens = _sequence(docs, unit, stopwords, phrases)
    names, rows, cols = [], [], []
    width = 0
    for n in range(lo, hi + 1):
        windows, starts = _ngram_windows(terms, blocked, n)
        if n == 1:
            inverse = windows[:, 0]
            names.append(vocab)
        else:
            uniq, inverse = np.unique(windows, axis=0, return_inverse=True)
            names.append(np.array([" ".join(vocab[row]) for row in uniq], dtype=object))
        rows.append(doc[starts])
        cols.append(inverse.ravel() + width)
        width += len(names[-1])
    row, col = np.concatenate(rows), np.concatenate(cols)
    all_names = np.concatenate(names)
    used = np.zeros(len(all_names), dtype=bool)
    used[col] = True  # drop stopwords and words only seen inside multi-word terms
    if lo == hi == 1:  # one sorted vocabulary: keep the order, renumber the used terms
        final = all_names[used]
        remap = np.cumsum(used) - 1
    else:
        codes, final = pd.factorize(all_names[used], sort=True)
        remap = np.full(len(all_names), -1, dtype=np.int64)
        remap[used] = codes
    from scipy import sparse

    matrix = sparse.csr_matrix(
        (np.ones(len(row), dtype=np.int64), (row, remap[col])),
        shape=(len(articles), len(final)),
    )
    matrix.sum_duplicates()
    ids = tuple(a.article_id for a in articles)
    return TermCounts(ids, np.asarray(final, dtype=object), matrix, n_tokens.astype(np.int64))


def stack_counts(parts: Sequence[TermCounts]) -> TermCounts:
    """Return the counts of consecutive chunks of a corpus as one :class:`TermCounts`.

    The vocabulary is the sorted union of the parts' (as :func:`count_terms` of the whole corpus
    gives it); rows keep the parts' order. For a corpus counted chunk by chunk, so that the
    documents of only one chunk are held at a time.

    >>> a, b = Article("a", "", ("Dams hold water.",)), Article("b", "", ("Rivers hold fish.",))
    >>> both = stack_counts([count_terms([a]), count_terms([b])])
    >>> list(both.terms), both.counts.toarray().tolist()
    (['dam', 'fish', 'hold', 'river', 'water'], [[1, 0, 1, 0, 1], [0, 1, 1, 1, 0]])
    """
    from scipy import sparse

    if not parts:
        raise NewsframeError("stack_counts: no counts to stack")
    terms = pd.Index(np.concatenate([p.terms for p in parts])).unique().sort_values()
    blocks = []
    for part in parts:
        coo = part.counts.tocoo()
        columns = terms.get_indexer(part.terms)[coo.col]
        blocks.append(sparse.csr_matrix((coo.data, (coo.row, columns)),
                                        shape=(coo.shape[0], len(terms))))  # fmt: skip
    return TermCounts(
        tuple(i for p in parts for i in p.article_ids),
        np.asarray(terms, dtype=object),
        sparse.vstack(blocks, format="csr"),
        np.concatenate([p.n_tokens for p in parts]),
    )


def _groups(articles: Sequence[Article], by: str) -> tuple[list[str], np.ndarray]:
    """Return (group names in first-seen order, group index per article)."""
    if by == "article_id":
        keys = [a.article_id for a in articles]
    else:
        missing = [a.article_id for a in articles if by not in a.metadata]
        if missing:
            raise NewsframeError(
                f"by={by!r}: article {missing[0]!r} has no such metadata field "
                f"(fields: {sorted(articles[0].metadata)})"
            )
        keys = [str(a.metadata[by]) for a in articles]
    position: dict[str, int] = {}
    index = np.array([position.setdefault(k, len(position)) for k in keys], dtype=np.int64)
    return list(position), index


def term_frequencies(
    corpus: Corpus | Iterable[Article] | Article,
    *,
    by: str = "article_id",
    unit: str = "lemma",
    ngram_range: tuple[int, int] = (1, 1),
    stopwords: bool | Iterable[str] = True,
    resources: Resources | None = None,
) -> pd.DataFrame:
    """Return term counts per article (or group): ``<by>, term, count, per_1000, rank, n_tokens``.

    ``per_1000`` is the count per 1,000 words of the article or group (``n_tokens``: the sum of
    :attr:`Document.n_words`, stopwords included, a multi-word term counted as its words), the
    usual normalised frequency of corpus linguistics. ``rank`` is 1 for the most frequent term (ties share the lower rank). ``by``
    groups articles by a metadata field such as ``"outlet"``. Rows: groups in corpus order, then
    count descending, then term. An article without terms has no rows. Counting as in
    :func:`count_terms`.

    >>> a = Article("a", "", ("Putin met Abe. Putin smiled.",))
    >>> term_frequencies([a])[["article_id", "term", "count", "per_1000", "rank"]].to_string(index=False)
    'article_id  term  count  per_1000  rank\\n         a putin      2     400.0     1\\n         a   abe      1     200.0     2\\n         a  meet      1     200.0     2\\n         a smile      1     200.0     2'
    """
    articles = _articles(corpus)
    counts = count_terms(
        articles,
        unit=unit,
        ngram_range=ngram_range,
        stopwords=stopwords,
        resources=resolve_resources(resources, corpus),
    )
    names, index = _groups(articles, by)
    from scipy import sparse

    indicator = sparse.csr_matrix(
        (np.ones(len(index)), (index, np.arange(len(index)))), shape=(len(names), len(index))
    )
    grouped = (indicator @ counts.counts).tocoo()
    n_tokens = np.bincount(index, weights=counts.n_tokens, minlength=len(names)).astype(np.int64)
    frame = pd.DataFrame(
        {
            by: np.array(names, dtype=object)[grouped.row],
            "term": counts.terms[grouped.col],
            "count": grouped.data.astype(np.int64),
            "n_tokens": n_tokens[grouped.row],
            "_g": grouped.row,
        }
    )
    frame["per_1000"] = 1000.0 * frame["count"] / frame["n_tokens"]
    frame = frame.sort_values(["_g", "count", "term"], ascending=[True, False, True], kind="stable")
    frame["rank"] = frame.groupby("_g")["count"].rank(method="min", ascending=False).astype(int)
    columns = [by, "term", "count", "per_1000", "rank", "n_tokens"]
    return frame[columns].reset_index(drop=True)
