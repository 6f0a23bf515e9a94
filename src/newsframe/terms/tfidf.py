"""TF-IDF weights per article, with the idf from the corpus or from general English."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd
from scipy import sparse

from newsframe.corpus import Article
from newsframe.errors import NewsframeError
from newsframe.resources import Resources
from newsframe.terms.background import _background
from newsframe.terms.counts import TermCounts, count_terms

__all__ = ["tfidf"]

IDF_SOURCES = ("corpus", "background")
_BLOCK = 8192  # articles weighted at a time


def _weights(
    matrix: sparse.csr_matrix, weights_idf: np.ndarray, offset: int, top_n: int | None
) -> tuple[np.ndarray, ...]:
    """Rows, columns, counts, weights and ranks of one block of articles, ranked within each."""
    n_docs = matrix.shape[0]
    row = np.repeat(np.arange(n_docs), np.diff(matrix.indptr))
    col, count = matrix.indices.astype(np.int64), matrix.data.astype(np.int64)
    raw = count * weights_idf[col]
    norm = np.sqrt(np.bincount(row, weights=raw * raw, minlength=n_docs))
    weight = np.divide(raw, norm[row], out=np.zeros_like(raw), where=norm[row] > 0)
    # articles in order, weight descending, then term (terms are sorted, so by column)
    order = np.lexsort((col, -weight, row))
    row, col, count, weight = row[order], col[order], count[order], weight[order]
    position = np.arange(len(row)) - np.repeat(matrix.indptr[:-1], np.diff(matrix.indptr))
    new_run = np.ones(len(row), dtype=bool)
    new_run[1:] = (row[1:] != row[:-1]) | (weight[1:] != weight[:-1])
    rank = np.maximum.accumulate(np.where(new_run, np.arange(len(row)), 0))
    rank = rank - (np.arange(len(row)) - position) + 1  # first place of a tie, within article
    if top_n is not None:  # filtered before the table is built: a large corpus's full table is big
        keep = rank <= top_n
        row, col, count, weight, rank = row[keep], col[keep], count[keep], weight[keep], rank[keep]
    return row + offset, col, count, weight, rank


def tfidf(
    corpus: Iterable[Article] | TermCounts,
    *,
    idf: str = "corpus",
    unit: str = "lemma",
    ngram_range: tuple[int, int] = (1, 1),
    stopwords: bool | Iterable[str] = True,
    top_n: int | None = None,
    resources: Resources | None = None,
) -> pd.DataFrame:
    """Return TF-IDF weights per article: ``article_id, term, count, idf, tfidf, rank, idf_source``.

    Weights are those of scikit-learn's ``TfidfTransformer`` with its defaults (raw counts ×
    idf, each article's vector scaled to unit length), computed here with numpy over the sparse
    counts. Two idf sources:

    - ``idf="corpus"``: scikit-learn's smoothed idf, ``ln((1 + n) / (1 + df)) + 1`` over the
      articles given. With two articles it takes only two values (1.0 for a shared term, about
      1.405 for a term in one article), so it is not a contrast measure on a pair.
    - ``idf="background"``: ``-ln p`` with ``p`` the term's relative frequency in general
      English (:func:`background_frequencies`): a term is weighted by how unusual it is in
      English at large, whatever the other articles say.

    ``rank`` orders terms within an article by weight (1 = highest); ``top_n`` keeps ranks up
    to ``top_n``. Rows: articles in corpus order, weight descending, then term. ``corpus`` may
    also be counts already made (:func:`count_terms`, :func:`stack_counts`; ``unit``,
    ``ngram_range`` and ``stopwords`` are then those they were made with).

    >>> a = Article("a", "", ("Putin met Abe.",))
    >>> b = Article("b", "", ("Putin met nobody.",))
    >>> t = tfidf([a, b])
    >>> t[t.article_id == "a"][["term", "idf"]].round(3).to_string(index=False)
    ' term   idf\\n  abe 1.405\\n meet 1.000\\nputin 1.000'
    """
    if idf not in IDF_SOURCES:
        raise NewsframeError(f"idf must be one of {IDF_SOURCES}, got {idf!r}")
    counts = (
        corpus
        if isinstance(corpus, TermCounts)
        else count_terms(
            corpus, unit=unit, ngram_range=ngram_range, stopwords=stopwords, resources=resources
        )
    )
    columns = ["article_id", "term", "count", "idf", "tfidf", "rank", "idf_source"]
    if not counts.article_ids:  # no articles: an empty table, as every table function gives
        return pd.DataFrame(columns=columns)
    matrix = counts.counts  # canonical CSR: sorted column indices, no duplicates
    n_docs, n_terms = matrix.shape
    if idf == "background":
        weights_idf = -np.log(_background(counts.terms, unit)[0])
    else:
        df = np.bincount(matrix.indices, minlength=n_terms)
        weights_idf = np.log((1.0 + n_docs) / (1.0 + df)) + 1.0
    # every weight and rank is within one article: articles go in blocks, so the temporary
    # arrays stay the size of a block, not of the corpus (same rows, same order)
    blocks = [
        _weights(matrix[lo : lo + _BLOCK], weights_idf, lo, top_n)
        for lo in range(0, n_docs, _BLOCK)
    ]
    row, col, count, weight, rank = (np.concatenate(part) for part in zip(*blocks, strict=True))
    frame = pd.DataFrame(
        {
            "article_id": np.array(counts.article_ids, dtype=object)[row],
            "term": counts.terms[col],
            "count": count,
            "idf": weights_idf[col],
            "tfidf": weight,
            "rank": rank.astype(np.int64),
            "idf_source": idf,
        }
    )
    return frame[columns]
