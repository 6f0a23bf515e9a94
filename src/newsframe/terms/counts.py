"""Term counts: a corpus as a sparse article × term matrix, and frequency tables built on it.

Counting runs on the same tokens, lemmas, stopwords and multi-word terms as
:func:`newsframe.tokens_frame`, through a vectorised counter (:func:`count_terms`) that turns a
corpus into a sparse article × term matrix without building the token table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from numpy.lib.stride_tricks import sliding_window_view
from scipy import sparse

from newsframe.corpus import Article
from newsframe.errors import NewsframeError
from newsframe.text import _TOKEN, lemmatize, load_phrases, load_stopwords

__all__ = ["TermCounts", "count_terms", "term_frequencies"]

UNITS = ("lemma", "token")
_SCAN = re.compile(_TOKEN.pattern + r"| [.!?]+ | \n", re.VERBOSE)
_BOUNDARY, _DELETED = -1, -2


@dataclass(frozen=True)
class TermCounts:
    """Sparse term counts: ``counts[i, j]`` is how often ``terms[j]`` occurs in article ``i``.

    ``n_tokens[i]`` is the article's running length in tokens of the chosen unit (stopwords
    included, a multi-word term counted once): the denominator of every rate.
    """

    article_ids: tuple[str, ...]
    terms: np.ndarray
    counts: sparse.csr_matrix
    n_tokens: np.ndarray

    def series(self, rows: Sequence[int] | None = None) -> pd.Series:
        """Return term → count summed over ``rows`` (all articles by default)."""
        matrix = self.counts if rows is None else self.counts[list(rows)]
        return pd.Series(np.asarray(matrix.sum(axis=0)).ravel(), index=self.terms, name="count")


def _stop_set(stopwords: bool | Iterable[str]) -> frozenset[str]:
    if stopwords is True:
        return load_stopwords()
    if stopwords is False:
        return frozenset()
    return load_stopwords(stopwords)


def _check_unit(unit: str) -> None:
    if unit not in UNITS:
        raise NewsframeError(f"unit must be one of {UNITS}, got {unit!r}")


class _Encoder:
    """Token types of one counting run: surface form → (lowercase, lemma, is_stop)."""

    def __init__(self, stop: frozenset[str]) -> None:
        self.ids: dict[str, int] = {}
        self.lower: list[str] = []
        self.lemma: list[str] = []
        self.stop: list[bool] = []
        self.stopset = stop

    def add(self, key: str, lower: str, lemma: str, is_stop: bool) -> int:
        self.ids[key] = len(self.lower)
        self.lower.append(lower)
        self.lemma.append(lemma)
        self.stop.append(is_stop)
        return self.ids[key]

    def encode(self, tokens: list[str]) -> list[int]:
        ids = self.ids
        for token in set(tokens).difference(ids):  # register unseen forms first, then map
            if token[0] in ".!?\n":
                ids[token] = _BOUNDARY
            else:
                lower = token.lower()
                self.add(token, lower, lemmatize(token), lower in self.stopset)
        return list(map(ids.__getitem__, tokens))


def _merge_phrases(seq: np.ndarray, enc: _Encoder, phrases: tuple[tuple[str, ...], ...]) -> None:
    """Join multi-word terms in ``seq`` in place (greedy, longest first, as in tokens_frame)."""
    if not phrases or not enc.lemma:
        return
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(phrases, key=len, reverse=True):
        by_first.setdefault(phrase[0], []).append(phrase)
    lemmas = enc.lemma
    padded = np.append(seq, np.full(max(map(len, phrases)), _BOUNDARY))
    starts = np.zeros(len(seq), dtype=bool)
    for k in sorted({len(p) for p in phrases}):
        # a position can start a k-word phrase only if each of its next k words can stand at
        # that place in some k-word phrase: a vectorised filter before the exact check below
        possible = np.ones(len(seq), dtype=bool)
        for j in range(k):
            allowed = {p[j] for p in phrases if len(p) == k}
            at_j = np.array([lemma in allowed for lemma in lemmas] + [False])
            possible &= at_j[padded[j : j + len(seq)]]  # -1 (a boundary) reads the final False
        starts |= possible
    starts = np.flatnonzero(starts)
    free = 0
    for pos in starts.tolist():
        if pos < free:
            continue
        for phrase in by_first[lemmas[seq[pos]]]:
            k = len(phrase)
            window = seq[pos : pos + k].tolist()
            if len(window) == k and min(window) >= 0 and tuple(lemmas[t] for t in window) == phrase:
                key = "\x00" + " ".join(enc.lower[t] for t in window)
                new = enc.ids.get(key)
                if new is None:
                    new = enc.add(key, key[1:], " ".join(phrase), False)
                seq[pos], seq[pos + 1 : pos + k], free = new, _DELETED, pos + k
                break


def _encode(
    articles: Sequence[Article], stopwords, phrases
) -> tuple[np.ndarray, np.ndarray, _Encoder]:
    """Return (type-id sequence, article index per position, encoder) for ``articles``."""
    enc = _Encoder(_stop_set(stopwords))
    flat: list[int] = []
    lengths = []
    for article in articles:
        ids = enc.encode(_SCAN.findall("\n".join(article.clean_paragraphs)))
        ids.append(_BOUNDARY)
        flat.extend(ids)
        lengths.append(len(ids))
    seq = np.array(flat, dtype=np.int64)
    doc = np.repeat(np.arange(len(articles)), lengths)
    if phrases is True:
        phrase_list = load_phrases()
    elif phrases is False:
        phrase_list = ()
    else:
        phrase_list = load_phrases(phrases)
    _merge_phrases(seq, enc, phrase_list)
    keep = seq != _DELETED
    return seq[keep], doc[keep], enc


def _check_ngrams(ngram_range: tuple[int, int]) -> tuple[int, int]:
    lo, hi = ngram_range
    if not 1 <= lo <= hi <= 5:
        raise NewsframeError(f"ngram_range must satisfy 1 <= low <= high <= 5, got {ngram_range!r}")
    return int(lo), int(hi)


def _articles(corpus: Iterable[Article]) -> list[Article]:
    articles = [corpus] if isinstance(corpus, Article) else list(corpus)
    if not articles:
        raise NewsframeError("no articles given: pass an Article, a Corpus or a list of Articles")
    bad = [type(a).__name__ for a in articles if not isinstance(a, Article)]
    if bad:
        raise NewsframeError(f"expected Article objects, got {bad[0]}")
    return articles


def _sequence(articles: Sequence[Article], unit: str, stopwords, phrases):
    """Return (term id per position or -1, article index, blocked mask, vocabulary, n_tokens)."""
    _check_unit(unit)
    seq, doc, enc = _encode(articles, stopwords, phrases)
    names = np.array(enc.lemma if unit == "lemma" else enc.lower, dtype=str)
    vocab, type_term = np.unique(names, return_inverse=True)
    blocked = np.array([*enc.stop, True], dtype=bool)[seq]  # seq == -1 reads the final True
    valid = seq >= 0
    terms = np.where(valid, np.append(type_term.ravel(), -1)[seq], -1)
    n_tokens = np.bincount(doc[valid], minlength=len(articles))
    return terms, doc, blocked | ~valid, vocab, n_tokens


def _ngram_windows(terms: np.ndarray, blocked: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Return (rows of n term ids, start positions) of every n-gram free of blocked positions."""
    if len(terms) < n:
        return np.empty((0, n), dtype=np.int64), np.empty(0, dtype=np.int64)
    ok = ~sliding_window_view(blocked, n).any(axis=1)
    starts = np.flatnonzero(ok)
    return sliding_window_view(terms, n)[starts], starts


def count_terms(
    corpus: Iterable[Article],
    *,
    unit: str = "lemma",
    ngram_range: tuple[int, int] = (1, 1),
    stopwords: bool | Iterable[str] = True,
    phrases: bool | Iterable[str] = True,
) -> TermCounts:
    """Return sparse article × term counts (:class:`TermCounts`) for ``corpus``.

    Tokens, lemmas, stopwords and multi-word terms are those of :func:`newsframe.tokens_frame`
    (``unit="lemma"``: the lemma; ``"token"``: the lowercased token). ``stopwords=True`` drops the
    Snowball list, ``False`` keeps every word, an iterable drops the list plus those words.
    N-grams join adjacent words of one sentence; with stopwords dropped, an n-gram containing one
    is dropped (so removing a word never makes two others adjacent). Sentence ends are taken at
    every ``.``, ``!`` or ``?``, so a multi-word term or n-gram never spans one. The vocabulary
    is sorted; the work is one regular-expression pass per article and numpy over the corpus.

    >>> a = Article("a", "", ("The islands and the Kuril Islands. Islands!",))
    >>> c = count_terms([a])
    >>> list(c.terms), c.counts.toarray().tolist(), c.n_tokens.tolist()
    (['island', 'kuril island'], [[2, 1]], [6])
    """
    articles = _articles(corpus)
    lo, hi = _check_ngrams(ngram_range)
    terms, doc, blocked, vocab, n_tokens = _sequence(articles, unit, stopwords, phrases)
    names, rows, cols = [], [], []
    for n in range(lo, hi + 1):
        windows, starts = _ngram_windows(terms, blocked, n)
        if n == 1:
            inverse = windows[:, 0]
            names.append(vocab)
        else:
            uniq, inverse = np.unique(windows, axis=0, return_inverse=True)
            names.append(np.array([" ".join(vocab[row]) for row in uniq], dtype=str))
        rows.append(doc[starts])
        cols.append(inverse.ravel() + sum(len(x) for x in names[:-1]))
    all_names = np.concatenate(names) if names else np.empty(0, dtype=str)
    final, remap = np.unique(all_names, return_inverse=True)
    col = remap.ravel()[np.concatenate(cols)] if len(all_names) else np.empty(0, dtype=np.int64)
    row = np.concatenate(rows)
    matrix = sparse.csr_matrix(
        (np.ones(len(row), dtype=np.int64), (row, col)), shape=(len(articles), len(final))
    )
    matrix.sum_duplicates()
    used = np.flatnonzero(matrix.getnnz(axis=0))  # drop stopwords and words merged into phrases
    if len(used) < len(final):
        matrix, final = matrix[:, used], final[used]
    ids = tuple(a.article_id for a in articles)
    return TermCounts(ids, final.astype(object), matrix, n_tokens.astype(np.int64))


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
    names = list(dict.fromkeys(keys))
    return names, np.array([names.index(k) for k in keys])


def term_frequencies(
    corpus: Iterable[Article],
    *,
    by: str = "article_id",
    unit: str = "lemma",
    ngram_range: tuple[int, int] = (1, 1),
    stopwords: bool | Iterable[str] = True,
) -> pd.DataFrame:
    """Return term counts per article (or group): ``<by>, term, count, per_1000, rank, n_tokens``.

    ``per_1000`` is the count per 1,000 running tokens of the article (``n_tokens``, stopwords
    included, a multi-word term counted once), the usual normalised frequency of corpus
    linguistics. ``rank`` is 1 for the most frequent term (ties share the lower rank). ``by``
    groups articles by a metadata field such as ``"outlet"``. Rows: groups in corpus order, then
    count descending, then term. An article without terms has no rows. Counting as in
    :func:`count_terms`.

    >>> a = Article("a", "", ("Putin met Abe. Putin smiled.",))
    >>> term_frequencies([a])[["article_id", "term", "count", "per_1000", "rank"]].to_string(index=False)
    'article_id  term  count  per_1000  rank\\n         a putin      2     400.0     1\\n         a   abe      1     200.0     2\\n         a  meet      1     200.0     2\\n         a smile      1     200.0     2'
    """
    articles = _articles(corpus)
    counts = count_terms(articles, unit=unit, ngram_range=ngram_range, stopwords=stopwords)
    names, index = _groups(articles, by)
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
