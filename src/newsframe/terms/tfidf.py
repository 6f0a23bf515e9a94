"""TF-IDF weights per article, with the idf from the corpus or from general English."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from newsframe.corpus import Article
from newsframe.errors import NewsframeError
from newsframe.terms.background import _background
from newsframe.terms.counts import _articles, count_terms

__all__ = ["tfidf"]

IDF_SOURCES = ("corpus", "background")


def tfidf(
    corpus: Iterable[Article],
    *,
    idf: str = "corpus",
    unit: str = "lemma",
    ngram_range: tuple[int, int] = (1, 1),
    stopwords: bool | Iterable[str] = True,
    top_n: int | None = None,
) -> pd.DataFrame:
    """Return TF-IDF weights per article: ``article_id, term, count, idf, tfidf, rank, idf_source``.

    Weights come from scikit-learn's ``TfidfTransformer`` (raw counts × idf, each article's
    vector scaled to unit length). Two idf sources:

    - ``idf="corpus"``: scikit-learn's smoothed idf, ``ln((1 + n) / (1 + df)) + 1`` over the
      articles given. With two articles it takes only two values (1.0 for a shared term, about
      1.405 for a term in one article), so it is not a contrast measure on a pair.
    - ``idf="background"``: ``-ln p`` with ``p`` the term's relative frequency in general
      English (:func:`background_frequencies`): a term is weighted by how unusual it is in
      English at large, whatever the other articles say.

    ``rank`` orders terms within an article by weight (1 = highest); ``top_n`` keeps ranks up
    to ``top_n``. Rows: articles in corpus order, weight descending, then term.

    >>> a = Article("a", "", ("Putin met Abe.",))
    >>> b = Article("b", "", ("Putin met nobody.",))
    >>> t = tfidf([a, b])
    >>> t[t.article_id == "a"][["term", "idf"]].round(3).to_string(index=False)
    ' term   idf\\n  abe 1.405\\n meet 1.000\\nputin 1.000'
    """
    from sklearn.feature_extraction.text import TfidfTransformer

    if idf not in IDF_SOURCES:
        raise NewsframeError(f"idf must be one of {IDF_SOURCES}, got {idf!r}")
    articles = _articles(corpus)
    counts = count_terms(articles, unit=unit, ngram_range=ngram_range, stopwords=stopwords)
    transformer = TfidfTransformer().fit(counts.counts)
    if idf == "background":
        transformer.idf_ = -np.log(_background(counts.terms, unit)[0])
    weights = transformer.transform(counts.counts).tocsr()
    weights.sort_indices()  # same sparsity pattern as the (canonical) count matrix
    cells = counts.counts.tocoo()
    frame = pd.DataFrame(
        {
            "article_id": np.array(counts.article_ids, dtype=object)[cells.row],
            "term": counts.terms[cells.col],
            "count": cells.data.astype(np.int64),
            "idf": transformer.idf_[cells.col],
            "tfidf": weights.data,
            "_g": cells.row,
        }
    )
    frame = frame.sort_values(["_g", "tfidf", "term"], ascending=[True, False, True], kind="stable")
    frame["rank"] = frame.groupby("_g")["tfidf"].rank(method="min", ascending=False).astype(int)
    frame["idf_source"] = idf
    if top_n is not None:
        frame = frame[frame["rank"] <= top_n]
    columns = ["article_id", "term", "count", "idf", "tfidf", "rank", "idf_source"]
    return frame[columns].reset_index(drop=True)
