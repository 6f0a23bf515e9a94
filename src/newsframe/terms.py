"""Which words each article leans on: term counts, TF-IDF, keyness, KWIC and collocations.

Counting runs on the same tokens, lemmas, stopwords and multi-word terms as
:func:`newsframe.tokens_frame`, through a vectorised counter (:func:`count_terms`) that turns a
corpus into a sparse article × term matrix without building the token table. Every statistic
below is computed with numpy over whole count vectors, never in a Python loop over terms.

Two ~250-word articles are a tiny sample. Keyness tables therefore carry both corpus sizes,
adjusted p-values and effect sizes side by side, and are sorted by effect size (Hardie's Log
Ratio), not by p-value; :func:`bootstrap_rate_difference` shows which differences survive
resampling sentences.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
from numpy.lib.stride_tricks import sliding_window_view
from scipy import sparse, stats

from newsframe.corpus import Article
from newsframe.errors import NewsframeError
from newsframe.stats import bootstrap_rates, percentile_interval
from newsframe.tables import tokens_frame
from newsframe.text import _TOKEN, lemmatize, load_phrases, load_stopwords

__all__ = [
    "TermCounts",
    "adjust_pvalues",
    "background_frequencies",
    "bootstrap_rate_difference",
    "collocations",
    "count_terms",
    "critical_g2",
    "dispersion",
    "g2",
    "keyness",
    "keyness_one_vs_rest",
    "kwic",
    "log_ratio",
    "logodds_dirichlet",
    "term_frequencies",
    "tfidf",
]

UNITS = ("lemma", "token")
#: Relative frequency given to a term missing from the background list: half the rarest listed
#: English word (wordfreq lists words down to 1e-8, Zipf 1).
BACKGROUND_FLOOR = 5e-9
#: A term is flagged when it is in one measure's top FLAG_TOP for its side but ranks beyond
#: FLAG_BEYOND by another.
FLAG_TOP, FLAG_BEYOND = 10, 30

_SCAN = re.compile(_TOKEN.pattern + r"| [.!?]+ | \n", re.VERBOSE)
_BOUNDARY, _DELETED = -1, -2


# --- counting ------------------------------------------------------------------------------


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


# --- background frequencies and TF-IDF ----------------------------------------------------


@lru_cache(maxsize=2)
def _background_table(unit: str) -> pd.Series:
    """Relative frequency per term from wordfreq's English list (lemma: summed over word forms)."""
    import wordfreq

    freqs = wordfreq.get_frequency_dict("en")
    if unit == "token":
        return pd.Series(freqs, dtype=float)
    table: dict[str, float] = {}
    for word in wordfreq.top_n_list("en", 60_000):
        lemma = lemmatize(word)
        table[lemma] = table.get(lemma, 0.0) + freqs[word]
    return pd.Series({**freqs, **table}, dtype=float)


_NOT_A_WORD = re.compile(r"[^a-z]")


def _background(terms: Sequence[str], unit: str) -> tuple[np.ndarray, np.ndarray]:
    """Return (relative frequency, found in list) per term; missing terms get BACKGROUND_FLOOR."""
    import wordfreq

    _check_unit(unit)
    terms = pd.Index(np.asarray(terms, dtype=object))
    freq = np.array(_background_table(unit).reindex(terms), dtype=float)
    missing = np.flatnonzero(np.isnan(freq))
    for i in missing:  # only multi-word terms, numbers and the like: wordfreq tokenises them
        term = str(terms[i])
        if _NOT_A_WORD.search(term):
            freq[i] = wordfreq.word_frequency(term, "en")
    freq = np.nan_to_num(freq, nan=0.0)
    found = freq > 0
    return np.where(found, freq, BACKGROUND_FLOOR), found


def background_frequencies(terms: Iterable[str], *, unit: str = "lemma") -> pd.Series:
    """Return each term's relative frequency in general English (wordfreq's ``en`` list).

    wordfreq (Speer 2022) blends Wikipedia, subtitles, news, books, web text and more into one
    list and ships it, so nothing is downloaded. For ``unit="lemma"`` a lemma's frequency is the
    sum over the 60,000 commonest word forms that lemmatise to it (``island`` + ``islands``);
    multi-word terms and numbers use wordfreq's own combination. A term not in the list gets
    :data:`BACKGROUND_FLOOR` (half the rarest listed word), never 0.

    >>> f = background_frequencies(["island", "kuril island", "qwxzvj"])
    >>> bool(f["island"] > f["kuril island"] > f["qwxzvj"]), float(f["qwxzvj"])
    (True, 5e-09)
    """
    terms = list(terms)
    freq, _ = _background(terms, unit)
    return pd.Series(freq, index=pd.Index(terms, dtype=object), name="background")


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


# --- keyness statistics (vectorised) ------------------------------------------------------


def _count_arrays(count_a, count_b, n_a, n_b):
    """Return float arrays (a, b, n_a, n_b), checking 0 <= count <= n and n > 0."""
    a = np.asarray(count_a, dtype=float)
    b = np.asarray(count_b, dtype=float)
    n_a, n_b = np.asarray(n_a, dtype=float), np.asarray(n_b, dtype=float)
    for name, x, n in (("a", a, n_a), ("b", b, n_b)):
        if not np.isfinite(n).all() or (n <= 0).any():
            raise NewsframeError(
                f"corpus size n_{name} must be positive, got {n.min():g} (is an article empty?)"
            )
        if x.size and (not np.isfinite(x).all() or (x < 0).any() or (x > n).any()):
            raise NewsframeError(f"counts of side {name} must lie between 0 and n_{name}")
    return a, b, n_a, n_b


def g2(count_a, count_b, n_a: float, n_b: float) -> np.ndarray:
    """Return Dunning's log-likelihood G² for each term (the 4-term form, no continuity correction).

    For a term seen ``a`` times in ``n_a`` tokens and ``b`` times in ``n_b`` tokens, the 2 × 2
    table (term, other tokens) × (side a, side b) gives ``G² = 2 Σ O ln(O/E)`` over all four
    cells (Dunning 1993; Rayson & Garside 2000 sum only the two term cells, which differs
    slightly). ``0 ln 0 = 0``. Compare with χ² on 1 degree of freedom.

    >>> g2([3, 5], [0, 1], 800, 900).round(2).tolist()
    [4.53, 3.41]
    """
    from scipy.special import xlogy

    a, b, n_a, n_b = _count_arrays(count_a, count_b, n_a, n_b)
    total, k = n_a + n_b, a + b
    observed = (a, b, n_a - a, n_b - b)
    expected = (
        n_a * k / total,
        n_b * k / total,
        n_a * (total - k) / total,
        n_b * (total - k) / total,
    )
    value = sum(xlogy(o, o) - xlogy(o, e) for o, e in zip(observed, expected, strict=True))
    return np.maximum(2.0 * value, 0.0)


def log_ratio(count_a, count_b, n_a: float, n_b: float, *, zero: float = 0.5) -> np.ndarray:
    """Return Hardie's Log Ratio: log2 of the ratio of the two relative frequencies.

    An effect size (Hardie 2014): +1 means twice as frequent in a, -1 twice as frequent in b. A
    zero count is replaced by ``zero`` (0.5, Hardie's choice) so one-sided terms get a finite
    value; a term absent from both sides gets 0.

    >>> log_ratio([3, 4, 0], [0, 2, 0], 800, 800).round(3).tolist()
    [2.585, 1.0, 0.0]
    """
    a, b, n_a, n_b = _count_arrays(count_a, count_b, n_a, n_b)
    both_zero = (a == 0) & (b == 0)
    value = np.log2(np.where(a > 0, a, zero) / n_a) - np.log2(np.where(b > 0, b, zero) / n_b)
    return np.where(both_zero, 0.0, value)


def logodds_dirichlet(
    count_a, count_b, n_a: float, n_b: float, alpha, *, alpha0: float | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return ``(delta, se, z)``: log-odds ratio with a Dirichlet prior, its standard error and z.

    Monroe, Colaresi & Quinn (2008), "Fightin' words", eq. 16–22: with prior pseudo-counts
    ``alpha`` (α_w) summing to ``alpha0`` (α0),
    ``δ = ln((y_a+α_w)/(n_a+α0-y_a-α_w)) - ln((y_b+α_w)/(n_b+α0-y_b-α_w))``,
    ``var(δ) ≈ 1/(y_a+α_w) + 1/(y_b+α_w)`` and ``z = δ/√var``. Positive means more typical of
    a. ``alpha`` must be positive; a "rest" term below 0.5 (a term that is the whole text and the
    whole prior) is floored at 0.5 so the result stays finite.

    >>> d, se, z = logodds_dirichlet([10], [2], 100, 100, [1.0], alpha0=10.0)
    >>> round(float(d[0]), 3), round(float(se[0]), 3), round(float(z[0]), 3)
    (1.377, 0.651, 2.114)
    """
    a, b, n_a, n_b = _count_arrays(count_a, count_b, n_a, n_b)
    alpha = np.broadcast_to(np.asarray(alpha, dtype=float), a.shape)
    if alpha.size and (not np.isfinite(alpha).all() or alpha.min() <= 0):
        raise NewsframeError("prior pseudo-counts alpha must be positive and finite")
    alpha0 = float(alpha.sum()) if alpha0 is None else float(alpha0)
    rest_a = np.maximum(n_a + alpha0 - a - alpha, 0.5)
    rest_b = np.maximum(n_b + alpha0 - b - alpha, 0.5)
    delta = np.log((a + alpha) / rest_a) - np.log((b + alpha) / rest_b)
    se = np.sqrt(1.0 / (a + alpha) + 1.0 / (b + alpha))
    return delta, se, delta / se


def adjust_pvalues(p, *, method: str = "bh") -> np.ndarray:
    """Return p-values adjusted for testing many terms at once.

    ``"bh"``: Benjamini & Hochberg (1995) false discovery rate; ``"bonferroni"``: ``p × m``,
    capped at 1 (family-wise error). Vectorised, order-preserving.

    >>> adjust_pvalues([0.01, 0.04, 0.03, 0.5]).round(3).tolist()
    [0.04, 0.053, 0.053, 0.5]
    >>> adjust_pvalues([0.01, 0.04, 0.03, 0.5], method="bonferroni").round(2).tolist()
    [0.04, 0.16, 0.12, 1.0]
    """
    p = np.asarray(p, dtype=float)
    m = p.size
    if m == 0:
        return p.copy()
    if method == "bonferroni":
        return np.minimum(p * m, 1.0)
    if method != "bh":
        raise NewsframeError(f"method must be 'bh' or 'bonferroni', got {method!r}")
    order = np.argsort(p, kind="stable")
    scaled = p[order] * m / np.arange(1, m + 1)
    scaled = np.minimum.accumulate(scaled[::-1])[::-1]
    out = np.empty(m)
    out[order] = np.minimum(scaled, 1.0)
    return out


def _chi2_sf1(x: np.ndarray) -> np.ndarray:
    """Upper tail of χ² with 1 degree of freedom: erfc(√(x/2)) (fast, exact)."""
    from scipy.special import erfc

    return erfc(np.sqrt(np.asarray(x, dtype=float) / 2.0))


def critical_g2(n_tests: int, *, alpha: float = 0.05) -> float:
    """Return the G² a term must exceed to pass a Bonferroni correction over ``n_tests`` terms.

    ``χ²₁`` quantile at ``1 - alpha / n_tests``. With one test it is the familiar 3.84; with ~700
    terms (two short articles) it is about 15.8, which almost no term in two 500-word articles
    reaches.

    >>> round(critical_g2(1), 2), round(critical_g2(700), 1)
    (3.84, 15.8)
    """
    if n_tests < 1:
        raise NewsframeError(f"n_tests must be at least 1, got {n_tests}")
    return float(stats.chi2.isf(alpha / n_tests, df=1))


# --- keyness tables -----------------------------------------------------------------------

KEYNESS_COLUMNS = [
    "article_id", "reference", "term", "count_a", "count_b", "n_a", "n_b", "per_1000_a",
    "per_1000_b", "log_ratio", "g2", "p_g2", "p_bh", "p_bonferroni", "logodds", "logodds_se",
    "logodds_z", "prior_alpha", "in_prior", "key_for", "rank_log_ratio", "rank_g2",
    "rank_logodds", "disagree", "note",
]  # fmt: skip


def _prior_alpha(terms: np.ndarray, prior, strength: float | None, unit: str, pooled: np.ndarray):
    """Return (α_w per term, term found in prior, α0) for the Dirichlet prior of strength α0."""
    strength = float(max(len(terms), 1)) if strength is None else float(strength)
    if not np.isfinite(strength) or strength <= 0:
        raise NewsframeError(f"prior_strength must be positive, got {strength!r}")
    if isinstance(prior, str) and prior == "uniform":
        weight, found = np.ones(len(terms)), np.ones(len(terms), dtype=bool)
    elif isinstance(prior, str) and prior == "pooled":
        found = pooled > 0
        weight = np.where(found, pooled, 0.5)
    elif isinstance(prior, str) and prior == "background":
        weight, found = _background(terms, unit)
    elif isinstance(prior, pd.Series | Mapping):
        series = pd.Series(prior, dtype=float)
        if series.empty or not np.isfinite(series).all() or (series <= 0).any():
            raise NewsframeError("a prior Series needs positive, finite weights")
        weight = np.array(series.reindex(pd.Index(terms, dtype=object)), dtype=float)
        found = ~np.isnan(weight)
        weight[~found] = series.min() / 2  # a missing term: half the smallest weight given
    else:
        raise NewsframeError(
            "prior must be 'background', 'pooled', 'uniform' or a Series of term weights"
        )
    return strength * weight / weight.sum(), found, strength


def _ranks_within(magnitude: np.ndarray, side: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return (min rank, max rank) of each magnitude among its side, 1 = largest (numpy only)."""
    low, high = np.zeros(len(side), np.int64), np.zeros(len(side), np.int64)
    for code in np.unique(side):
        members = np.flatnonzero(side == code)
        order = members[np.argsort(-magnitude[members], kind="stable")]
        ordered = magnitude[order]
        n = len(order)
        position = np.arange(n)
        changes = np.r_[True, ordered[1:] != ordered[:-1]]  # first of a run of ties
        last = np.r_[ordered[1:] != ordered[:-1], True]  # last of a run of ties
        low[order] = np.maximum.accumulate(np.where(changes, position, 0)) + 1
        high[order] = np.minimum.accumulate(np.where(last, position, n - 1)[::-1])[::-1] + 1
    return low, high


def _side_ranks(frame: pd.DataFrame, side: np.ndarray) -> None:
    """Add rank_* columns (1 = most key for the term's side) and the disagreement flag."""
    magnitudes = {
        "rank_log_ratio": np.abs(frame["log_ratio"].to_numpy()),
        "rank_g2": frame["g2"].to_numpy(),
        "rank_logodds": np.abs(frame["logodds_z"].to_numpy()),
    }
    top = np.zeros(len(frame), bool)
    beyond = np.zeros(len(frame), bool)
    for column, magnitude in magnitudes.items():
        low, high = _ranks_within(magnitude, side)
        frame[column] = low
        top |= high <= FLAG_TOP
        beyond |= low > FLAG_BEYOND
    ratio, z = frame["log_ratio"].to_numpy(), frame["logodds_z"].to_numpy()
    opposite = (np.sign(ratio) * np.sign(z) < 0) & (np.abs(ratio) >= 1)
    frame["disagree"] = (top & beyond) | opposite
    frame["note"] = ""
    flagged = np.flatnonzero(frame["disagree"].to_numpy())
    if len(flagged):
        sub = frame.iloc[flagged][list(magnitudes)].astype(str)
        text = (
            "rank by log ratio " + sub["rank_log_ratio"] + ", G² " + sub["rank_g2"]
            + ", log-odds z " + sub["rank_logodds"]
        )  # fmt: skip
        text = text.where(~opposite[flagged], "log ratio and log-odds point to opposite sides")
        frame.loc[frame.index[flagged], "note"] = text.to_numpy()


def _keyness_table(labels, terms, count_a, count_b, sizes, *, prior, strength, unit, min_count):
    """Return the keyness DataFrame for aligned count vectors (all numpy, no loop over terms)."""
    n_a, n_b = sizes
    keep = (count_a + count_b) >= min_count
    terms, a, b = terms[keep], count_a[keep].astype(float), count_b[keep].astype(float)
    ratio = log_ratio(a, b, n_a, n_b)
    g = g2(a, b, n_a, n_b)
    p = _chi2_sf1(g)
    alpha, found, alpha0 = _prior_alpha(terms, prior, strength, unit, a + b)
    delta, se, z = logodds_dirichlet(a, b, n_a, n_b, alpha, alpha0=alpha0)
    rate_a, rate_b = 1000.0 * a / n_a, 1000.0 * b / n_b
    label_a, label_b = labels
    side = np.sign(rate_a - rate_b).astype(np.int64)
    key_for = np.array([label_b, "neither", label_a], dtype=object)[side + 1]
    frame = pd.DataFrame(
        {
            "article_id": label_a, "reference": label_b, "term": terms.astype(object),
            "count_a": a.astype(np.int64) if (a % 1 == 0).all() else a,
            "count_b": b.astype(np.int64) if (b % 1 == 0).all() else b,
            "n_a": n_a, "n_b": n_b, "per_1000_a": rate_a, "per_1000_b": rate_b,
            "log_ratio": ratio, "g2": g, "p_g2": p,
            "p_bh": adjust_pvalues(p, method="bh"),
            "p_bonferroni": adjust_pvalues(p, method="bonferroni"),
            "logodds": delta, "logodds_se": se, "logodds_z": z, "prior_alpha": alpha,
            "in_prior": found, "key_for": key_for,
        }
    )  # fmt: skip
    _side_ranks(frame, side)
    order = np.lexsort((np.arange(len(terms)), -g, -ratio))  # terms arrive sorted: ties by term
    return frame.iloc[order][KEYNESS_COLUMNS].reset_index(drop=True)


def _as_side(x, unit: str, stopwords, default: str) -> tuple[str, pd.Series, float]:
    """Return (label, term counts, corpus size) for an Article, group of Articles or counts."""
    if isinstance(x, pd.Series | Mapping):
        counts = pd.Series(x, dtype=float)
        counts.index = counts.index.astype(str)
        if counts.index.duplicated().any():
            counts = counts.groupby(level=0).sum()
        if not np.isfinite(counts).all() or (counts < 0).any():
            raise NewsframeError(f"side {default}: counts must be non-negative and finite")
        name = getattr(x, "name", None)
        return (str(name) if name is not None else default), counts, float(counts.sum())
    articles = _articles(x)
    counts = count_terms(articles, unit=unit, stopwords=stopwords)
    n = float(counts.n_tokens.sum())
    label = "+".join(counts.article_ids)
    if n == 0:
        raise NewsframeError(f"{label}: no tokens; keyness needs text on both sides")
    return label, counts.series(), n


def keyness(
    a: Article | Iterable[Article] | pd.Series | Mapping[str, float],
    b: Article | Iterable[Article] | pd.Series | Mapping[str, float],
    *,
    unit: str = "lemma",
    stopwords: bool | Iterable[str] = True,
    prior: str | pd.Series = "background",
    prior_strength: float | None = None,
    min_count: int = 1,
) -> pd.DataFrame:
    """Return one row per term comparing side ``a`` with side ``b``, sorted by effect size.

    ``a`` and ``b`` are each an :class:`Article`, a group of articles (pooled), or term → count
    (a Series or mapping, whose sum is taken as the corpus size). For articles, ``n_a``/``n_b``
    are the running token counts (stopwords included) while the terms tested exclude stopwords
    unless ``stopwords=False``. Terms with fewer than ``min_count`` occurrences in a and b
    together are dropped before testing, so they do not count towards the correction.

    Columns (``article_id`` is side a's label, ``reference`` side b's; every row carries both
    corpus sizes ``n_a, n_b``):

    - ``log_ratio``: Hardie's (2014) Log Ratio, the effect size; rows are sorted by it.
    - ``g2, p_g2``: Dunning's log-likelihood, 4-term form, no correction (:func:`g2`), and its
      χ²₁ p-value; ``p_bh`` (Benjamini–Hochberg) and ``p_bonferroni`` adjust over all terms
      tested. Two short articles give a few hundred terms, so the Bonferroni bar is
      G² ≈ 15 (:func:`critical_g2`): almost nothing passes, and a raw ``p_g2 < .05`` means little.
    - ``logodds, logodds_se, logodds_z``: Monroe, Colaresi & Quinn (2008) log-odds ratio with a
      Dirichlet prior (:func:`logodds_dirichlet`) of total strength ``prior_strength`` (α0;
      default: the number V of compared terms, i.e. one pseudo-count per term on average),
      spread over the compared terms in proportion to ``prior``: ``"background"`` (general
      English frequencies, :func:`background_frequencies`; missing terms get a floor),
      ``"pooled"`` (the two sides' summed counts, as in Monroe et al.), ``"uniform"`` (α0 / V
      each: add-one smoothing at the default strength) or a Series of term weights (a missing
      term gets half the smallest weight). ``in_prior`` says which terms the prior knew;
      ``prior_alpha`` is α_w. A background prior gives a term that is rare in English little
      smoothing, so a rare term seen on one side only gets a wide interval and a small z.
    - ``key_for``: the side with the higher rate; ``rank_*``: rank by each measure within that
      side; ``disagree`` flags a term in one measure's top 10 that another ranks beyond 30, or
      whose log ratio (at least a twofold difference) and log-odds z have opposite signs;
      ``note`` says how.

    >>> a = pd.Series({"treaty": 3, "island": 5, "other": 792}, name="A")
    >>> b = pd.Series({"treaty": 0, "island": 1, "other": 899}, name="B")
    >>> k = keyness(a, b, prior="uniform")
    >>> k[["term", "g2", "p_g2"]].round(3).head(2).to_string(index=False)
    '  term    g2  p_g2\\ntreaty 4.529 0.033\\nisland 3.414 0.065'
    """
    label_a, count_a, n_a = _as_side(a, unit, stopwords, "a")
    label_b, count_b, n_b = _as_side(b, unit, stopwords, "b")
    if label_a == label_b:
        label_a, label_b = f"{label_a} (a)", f"{label_b} (b)"
    if count_a.index.equals(count_b.index):
        terms, a_values, b_values = count_a.index, count_a.to_numpy(float), count_b.to_numpy(float)
    else:
        terms = count_a.index.union(count_b.index)
        a_values = count_a.reindex(terms, fill_value=0).to_numpy(dtype=float)
        b_values = count_b.reindex(terms, fill_value=0).to_numpy(dtype=float)
    keys = terms.to_numpy(dtype=str)
    order = np.argsort(keys, kind="stable")  # sorted terms: ties in the table break by term
    return _keyness_table(
        (label_a, label_b),
        keys[order].astype(object),
        a_values[order],
        b_values[order],
        (n_a, n_b),
        prior=prior,
        strength=prior_strength,
        unit=unit,
        min_count=min_count,
    )


def keyness_one_vs_rest(
    corpus: Iterable[Article],
    *,
    unit: str = "lemma",
    stopwords: bool | Iterable[str] = True,
    prior: str | pd.Series = "background",
    prior_strength: float | None = None,
    min_count: int = 1,
) -> pd.DataFrame:
    """Return :func:`keyness` of each article against all the others pooled, stacked.

    ``article_id`` is the article, ``reference`` is ``"rest"``; p-values are adjusted within each
    article's comparison. Needs at least two articles, each with some tokens. Columns and
    method as in :func:`keyness`.

    >>> a = Article("a", "", ("Putin spoke of the islands.",))
    >>> b = Article("b", "", ("Abe spoke of the islands.",))
    >>> keyness_one_vs_rest([a, b])[["article_id", "term", "count_a", "count_b"]].head(2)
      article_id    term  count_a  count_b
    0          a   putin        1        0
    1          a  island        1        1
    """
    articles = _articles(corpus)
    if len(articles) < 2:
        raise NewsframeError("keyness_one_vs_rest needs at least two articles")
    counts = count_terms(articles, unit=unit, stopwords=stopwords)
    empty = [i for i, n in zip(counts.article_ids, counts.n_tokens, strict=True) if n == 0]
    if empty:
        raise NewsframeError(f"{empty[0]}: no tokens; keyness needs text on both sides")
    total = np.asarray(counts.counts.sum(axis=0)).ravel()
    tables = []
    for i, article_id in enumerate(counts.article_ids):
        row = counts.counts[i].toarray().ravel()  # one dense row at a time: memory ∝ vocabulary
        n_i = float(counts.n_tokens[i])
        tables.append(
            _keyness_table(
                (article_id, "rest"),
                counts.terms,
                row.astype(float),
                (total - row).astype(float),
                (n_i, float(counts.n_tokens.sum()) - n_i),
                prior=prior,
                strength=prior_strength,
                unit=unit,
                min_count=min_count,
            )
        )
    return pd.concat(tables, ignore_index=True)


# --- words in context ---------------------------------------------------------------------


def _context(sentence: str, spans: list[tuple[int, int]], start: int, end: int, window: int):
    """Return (left, match, right): up to ``window`` tokens either side of [start, end)."""
    before = [s for s in spans if s[1] <= start][-window:] if window else []
    after = [s for s in spans if s[0] >= end][:window] if window else []
    left = sentence[before[0][0] : start].strip() if before else ""
    right = sentence[end : after[-1][1]].strip() if after else ""
    return left, sentence[start:end], right


def _term_matches(tokens: list[str], query: tuple[tuple[str, ...], tuple[str, ...]]):
    """Yield (first, last) token indices where the lowercase tokens or their lemmas match."""
    words, lemmas = query
    lowers = [t.lower() for t in tokens]
    lems = [lemmatize(t) for t in tokens]
    k = len(words)
    for i in range(len(tokens) - k + 1):
        if tuple(lowers[i : i + k]) == words or tuple(lems[i : i + k]) == lemmas:
            yield i, i + k - 1


def kwic(
    corpus: Iterable[Article],
    pattern: str | Iterable[str],
    *,
    window: int = 7,
    regex: bool = False,
    case_sensitive: bool = False,
) -> pd.DataFrame:
    """Return keyword-in-context lines: ``article_id, sentence_id, query, left, match, right``.

    ``pattern`` is a term or phrase (or several): it matches a run of tokens whose lowercase
    forms or lemmas equal its own, so a lemma from a keyness table (``"kuril island"``) finds
    "Kuril Islands" and "Kuril Island". It searches words, not merged terms: ``"island"`` also
    finds the "Islands" of "Kuril Islands", which counting merges into one term. With ``regex=True`` it is a regular expression searched
    in each sentence (case-insensitive unless ``case_sensitive``). ``left`` and ``right`` hold up
    to ``window`` tokens of the same sentence, with their punctuation. Rows follow the order of
    the patterns, then the corpus, sentence and position; ``sentence_id`` matches
    :func:`newsframe.sentences_frame`.

    >>> a = Article("a", "", ("Putin said the Kuril Islands were Russian. He smiled.",))
    >>> kwic([a], "kuril island", window=2)[["left", "match", "right"]].to_string(index=False)
    '    left         match        right\\nsaid the Kuril Islands were Russian'
    """
    if window < 0:
        raise NewsframeError(f"window must be >= 0, got {window}")
    queries = [pattern] if isinstance(pattern, str) else list(pattern)
    flags = 0 if case_sensitive else re.IGNORECASE
    compiled = []
    for query in queries:
        if regex:
            compiled.append((query, re.compile(query, flags)))
        else:
            words = tuple(t.lower() for t in _TOKEN.findall(query))
            if not words:
                raise NewsframeError(f"kwic: pattern {query!r} contains no word")
            compiled.append((query, (words, tuple(lemmatize(w) for w in words))))
    rows = []
    for article in _articles(corpus):
        for _, sentence_id, sentence in article.sentences():
            matches = list(_TOKEN.finditer(sentence))
            spans = [m.span() for m in matches]
            for q, (query, matcher) in enumerate(compiled):
                if regex:
                    found = [m.span() for m in matcher.finditer(sentence) if m.end() > m.start()]
                else:
                    tokens = [m.group() for m in matches]
                    found = [(spans[i][0], spans[j][1]) for i, j in _term_matches(tokens, matcher)]
                for start, end in found:
                    left, match, right = _context(sentence, spans, start, end, window)
                    rows.append((article.article_id, sentence_id, query, left, match, right, q))
    columns = ["article_id", "sentence_id", "query", "left", "match", "right", "_q"]
    frame = pd.DataFrame(rows, columns=columns).sort_values("_q", kind="stable")
    return frame.drop(columns="_q").reset_index(drop=True)


# --- collocations -------------------------------------------------------------------------


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
    articles = _articles(corpus)
    terms, _, blocked, vocab, _ = _sequence(articles, unit, stopwords, phrases=False)
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
    known = {" ".join(p) for p in load_phrases()}
    frame = pd.DataFrame(
        {
            "term": names, "n": n, "count": o11.astype(np.int64), "expected": expected,
            "pmi": np.log2(o11 / expected) if len(o11) else o11, "g2": score,
            "p_g2": _chi2_sf1(score),
            "in_phrases": np.array([_lemma_phrase(t) in known for t in names], dtype=bool),
        }
    )  # fmt: skip
    order = np.lexsort((names.astype(str), -frame["count"].to_numpy(), -frame[sort].to_numpy()))
    return frame.iloc[order].reset_index(drop=True)


# --- uncertainty and position -------------------------------------------------------------

CI_LEVEL = 0.95


def _sentence_counts(articles: list[Article], unit: str):
    """Return (sentence × term sparse counts, tokens per sentence, term names, is-stop per term)."""
    frame = tokens_frame(articles)
    if frame.empty:
        label = "+".join(a.article_id for a in articles)
        raise NewsframeError(f"{label}: no tokens; a bootstrap needs sentences on both sides")
    term = frame["lemma"] if unit == "lemma" else frame["token"].str.lower()
    sentence, _ = pd.factorize(frame["article_id"] + "\x00" + frame["sentence_id"].astype(str))
    codes, names = pd.factorize(term, sort=True)
    matrix = sparse.csr_matrix(
        (np.ones(len(frame)), (sentence, codes)), shape=(sentence.max() + 1, len(names))
    )
    stop_only = frame.groupby(codes)["is_stop"].all().to_numpy()
    return (
        matrix,
        np.asarray(matrix.sum(axis=1)).ravel(),
        np.asarray(names, dtype=object),
        stop_only,
    )


def bootstrap_rate_difference(
    a: Article | Iterable[Article],
    b: Article | Iterable[Article],
    *,
    terms: Iterable[str] | None = None,
    n_boot: int = 2000,
    seed: int = 0,
    unit: str = "lemma",
) -> pd.DataFrame:
    """Return each term's rate difference (a − b, per 1,000 tokens) with a bootstrap interval.

    Sentences are the resampling unit (words within a sentence are not independent): each of
    ``n_boot`` replicates draws every side's sentences with replacement, keeping their number,
    and recomputes both rates; ``ci_low``/``ci_high`` are the 2.5th and 97.5th percentiles of
    the difference (percentile bootstrap, Efron & Tibshirani 1993), ``excludes_zero`` whether
    the interval leaves out 0. Fixed ``seed``, so reruns agree. ``terms`` defaults to every
    non-stopword term; pass a few terms for large corpora. With two short articles most
    intervals straddle 0.

    Columns: ``article_id, reference, term, per_1000_a, per_1000_b, difference, ci_low,
    ci_high, excludes_zero, n_sentences_a, n_sentences_b, n_boot, seed``, sorted by difference.

    >>> a = Article("a", "", ("Putin spoke. Putin smiled. Putin left.",))
    >>> b = Article("b", "", ("Abe spoke. Abe smiled. Abe left.",))
    >>> r = bootstrap_rate_difference(a, b, terms=["putin", "speak"], n_boot=200)
    >>> r[["term", "difference", "ci_low", "ci_high"]].round(1).to_string(index=False)
    ' term  difference  ci_low  ci_high\\nputin       500.0   500.0    500.0\\nspeak         0.0  -333.3    333.3'
    """
    _check_unit(unit)
    if n_boot < 1:
        raise NewsframeError(f"n_boot must be at least 1, got {n_boot}")
    sides = [_articles(x) for x in (a, b)]
    parts = [_sentence_counts(articles, unit) for articles in sides]
    if terms is None:
        chosen = sorted({t for _, _, names, stop in parts for t in names[~stop]})
    else:
        chosen = list(dict.fromkeys(str(t) for t in terms))
    rng = np.random.default_rng(seed)
    observed, replicates = [], []
    for matrix, lengths, names, _ in parts:
        where = pd.Index(names).get_indexer(chosen)
        present = where >= 0
        full = np.zeros((n_boot, len(chosen)))
        full[:, present] = bootstrap_rates(
            matrix[:, where[present]], lengths, n_boot=n_boot, rng=rng
        )
        replicates.append(full)
        counts = np.zeros(len(chosen))
        counts[present] = np.asarray(matrix[:, where[present]].sum(axis=0)).ravel()
        observed.append(1000.0 * counts / lengths.sum())
    diff = replicates[0] - replicates[1]
    low, high = percentile_interval(diff, level=CI_LEVEL) if len(chosen) else ([], [])
    frame = pd.DataFrame(
        {
            "article_id": "+".join(x.article_id for x in sides[0]),
            "reference": "+".join(x.article_id for x in sides[1]),
            "term": np.array(chosen, dtype=object), "per_1000_a": observed[0],
            "per_1000_b": observed[1], "difference": observed[0] - observed[1],
            "ci_low": np.round(low, 10), "ci_high": np.round(high, 10),
            "n_sentences_a": parts[0][0].shape[0], "n_sentences_b": parts[1][0].shape[0],
            "n_boot": n_boot, "seed": seed,
        }
    )  # fmt: skip
    frame.insert(8, "excludes_zero", (frame["ci_low"] > 0) | (frame["ci_high"] < 0))
    order = np.lexsort((frame["term"].to_numpy(dtype=str), -frame["difference"].to_numpy()))
    return frame.iloc[order].reset_index(drop=True)


def dispersion(
    corpus: Iterable[Article], terms: Iterable[str], *, unit: str = "lemma"
) -> pd.DataFrame:
    """Return where terms occur: ``article_id, term, position, relative_position, sentence_id, n_tokens``.

    One row per occurrence, from :func:`newsframe.tokens_frame` (multi-word terms merged, so
    ``"kuril island"`` is found as one term). ``relative_position`` is ``position / n_tokens``
    (0 = first token of the body, near 1 = the end): the data of a dispersion ("x-ray") plot.
    Rows follow the corpus, then the order of ``terms``, then position.

    >>> a = Article("a", "", ("Putin met Abe. Later Putin left.",))
    >>> d = dispersion([a], ["putin"])
    >>> d[["term", "position", "relative_position"]].round(3).to_string(index=False)
    ' term  position  relative_position\\nputin         0              0.000\\nputin         4              0.667'
    """
    _check_unit(unit)
    articles = _articles(corpus)
    wanted = list(dict.fromkeys(terms))
    frame = tokens_frame(articles)
    frame["term"] = frame["lemma"] if unit == "lemma" else frame["token"].str.lower()
    frame["n_tokens"] = frame.groupby("article_id")["position"].transform("size")
    hits = frame[frame["term"].isin(wanted)].copy()
    hits["relative_position"] = hits["position"] / hits["n_tokens"]
    hits["_a"] = hits["article_id"].map({x.article_id: i for i, x in enumerate(articles)})
    hits["_t"] = hits["term"].map({t: i for i, t in enumerate(wanted)})
    hits = hits.sort_values(["_a", "_t", "position"], kind="stable")
    columns = ["article_id", "term", "position", "relative_position", "sentence_id", "n_tokens"]
    return hits[columns].reset_index(drop=True)
