"""Collocations: candidate multi-word terms scored by G² and PMI."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd
from numpy.lib.stride_tricks import sliding_window_view

from newsframe.corpus import Article
from newsframe.errors import NewsframeError
from newsframe.resources import Resources, resolve_resources
from newsframe.stats import chi2_sf1, g2
from newsframe.terms.counts import _documents, _ngram_windows, _sequence
from newsframe.text import lemmatize

__all__ = ["collocations"]


def _lemma_phrase(term: str) -> str:
    return " ".join(lemmatize(word) for word in term.split(" "))


def collocations(
    corpus: Iterable[Article],
    *,
    n: int = 2,
    min_count: int = 2,
    unit: str = "lemma",
    stopwords: bool | Iterable[str] = True,
    sort: str = "g2",
    resources: Resources | None = None,
) -> pd.DataFrame:
    """Return candidate multi-word terms: ``term, n, count, expected, pmi, g2, p_g2, in_phrases``.

    Counts adjacent words within sentences over the whole corpus, before multi-word terms are
    merged (so the shipped ones show up, marked ``in_phrases``). Each n-gram is scored as a
    2 × 2 table of its first ``n - 1`` words against its last word over all n-gram positions
    (for bigrams the usual table, Dunning 1993): ``g2`` (:func:`g2`, 4-term form), ``p_g2`` and
    ``pmi = log2(count / expected)`` (Church & Hanks 1990). PMI overrates rare pairs, hence
    ``min_count``. With stopwords dropped, n-grams containing one are not candidates (their
    counts still enter the margins). Sorted by ``sort`` (``"g2"`` or ``"pmi"``), then count,
    then term.

    >>> a = Article("a", "", ("Peace treaty talks. A peace treaty. Peace now.",))
    >>> collocations([a])[["term", "count", "in_phrases"]].to_string(index=False)
    '        term  count  in_phrases\\npeace treaty      2        True'
    """
    if sort not in ("g2", "pmi"):
        raise NewsframeError(f"sort must be 'g2' or 'pmi', got {sort!r}")
    if not 2 <= n <= 5:
        raise NewsframeError(f"n must be between 2 and 5, got {n}")
    _, docs = _documents(corpus, resources)
    terms, _, blocked, vocab, _ = _sequence(docs, unit, stopwords, phrases=False)
    windows, starts = _ngram_windows(terms, terms < 0, n)  # every n-gram position: the margins
    candidate = ~sliding_window_view(blocked, n).any(axis=1)[starts] if len(starts) else starts
    uniq, inverse, counts = np.unique(windows, axis=0, return_inverse=True, return_counts=True)
    inverse = inverse.ravel()
    _, prefix_of = np.unique(windows[:, :-1], axis=0, return_inverse=True)
    prefix_count = np.bincount(prefix_of.ravel())
    last_count = np.bincount(windows[:, -1], minlength=len(vocab)) if len(windows) else np.zeros(0)
    first_row = np.zeros(len(uniq), dtype=np.int64)
    first_row[inverse[::-1]] = np.arange(len(inverse))[::-1]  # one position per distinct n-gram
    has_candidate = np.bincount(inverse, weights=candidate, minlength=len(uniq)) > 0
    keep = (counts >= min_count) & has_candidate
    total = float(len(windows))
    o11 = counts[keep].astype(float)
    f1 = prefix_count[prefix_of.ravel()[first_row[keep]]].astype(float)
    f2 = last_count[uniq[keep, -1]].astype(float)
    expected = f1 * f2 / total if total else f1
    score = g2(o11, f2 - o11, f1, total - f1) if keep.any() else o11
    names = np.array([" ".join(vocab[row]) for row in uniq[keep]], dtype=object)
    known = {" ".join(p) for p in resolve_resources(resources, corpus).phrases}
    frame = pd.DataFrame(
        {
            "term": names, "n": n, "count": o11.astype(np.int64), "expected": expected,
            "pmi": np.log2(o11 / expected) if len(o11) else o11, "g2": score,
            "p_g2": chi2_sf1(score),
            "in_phrases": np.array([_lemma_phrase(t) in known for t in names], dtype=bool),
        }
    )  # fmt: skip
    order = np.lexsort(
        (pd.factorize(names, sort=True)[0], -frame["count"].to_numpy(), -frame[sort].to_numpy())
    )
    return frame.iloc[order].reset_index(drop=True)
