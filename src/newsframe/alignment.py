"""Which sentences of one article say what a sentence of another says: alignment across articles,
facts told by several articles, and wire copy shared between outlets.

Sentences are compared as TF-IDF vectors over content lemmas (stopwords dropped, except the
indefinite pronouns such as "no one" and "nothing", which carry what a sentence states; numbers
written without separators, number words as digits), with names (words the corpus writes
capitalised inside sentences) and numbers weighted up, and the cosine of two vectors is their
similarity (Salton & Buckley 1988; the lexical baseline of sentence-alignment work such as Nelken
& Shieber 2006). All pairs come from sparse matrix products over blocks of rows, so the cost
grows with the number of sentence pairs that share a term, never with a loop over pairs.

Near-duplicate text (a wire story carried by several outlets, a press release reprinted) is found
with word 5-gram shingles (Broder 1997): two articles or paragraphs whose shingles mostly overlap
share a source; the longest shared run of words is reported as the shared span.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from newsframe.corpus import Article, Corpus, as_articles
from newsframe.document import analyse_corpus
from newsframe.errors import NewsframeError
from newsframe.resources import Resources, resolve_resources
from newsframe.text import tokenize

__all__ = [
    "DEFAULT_THRESHOLD",
    "align_sentences",
    "copy_weights",
    "near_duplicates",
    "sentence_facts",
    "shared_paragraphs",
]

#: Cosine similarity above which two sentences are taken to tell the same thing. Calibrated on
#: hand-made versions of invented articles (sentences removed, reordered, merged, paraphrased)
#: and unrelated articles: see ``benchmarks/bench_alignment.py``, which prints the curve.
DEFAULT_THRESHOLD = 0.35
#: Extra weight of a name (a word written capitalised inside sentences) and of a number.
NAME_WEIGHT = 1.25
NUMBER_WEIGHT = 1.5
#: Shingle length (words) and the share of the shorter text's shingles that marks a copy.
SHINGLE = 5
COPY_THRESHOLD = 0.5
_BLOCK = 1024  # rows of the similarity matrix computed at a time

_NUMBER_WORDS = {
    "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "dozen": "12",
    "thirteen": "13", "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17",
    "eighteen": "18", "nineteen": "19", "twenty": "20", "thirty": "30", "forty": "40",
    "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90", "hundred": "100", "thousand": "1000", "million": "1000000",
    "billion": "1000000000",
}  # fmt: skip
_DIGIT = re.compile(r"\d")
#: Indefinite pronouns: stopwords for term counts, but what a sentence states turns on them
#: ("No one was injured" against "Someone was injured"), so sentences are compared with them.
_STATED = frozenset(
    ["one", "ones", "oneself", "anyone", "anybody", "anything", "everyone", "everybody",
     "everything", "someone", "somebody", "something", "nobody", "nothing", "none", "noone"]
)  # fmt: skip


def _articles(corpus: Corpus | Iterable[Article] | Article) -> list[Article]:
    """Return the articles (:func:`newsframe.as_articles`), refusing duplicate ids."""
    items = as_articles(corpus)
    ids = [a.article_id for a in items]
    if len(set(ids)) < len(ids):
        raise NewsframeError("articles: duplicate article_id; every article needs its own id")
    return items


@lru_cache(maxsize=100_000)
def _term(form: str, lemma: str) -> tuple[str, bool]:
    """Return (term, is_number) for one word: its lemma, or a number without separators."""
    if _DIGIT.search(form):
        return form.replace(",", "").rstrip("%").lower(), True
    if lemma in _NUMBER_WORDS:
        return _NUMBER_WORDS[lemma], True
    return lemma, False


@dataclass(frozen=True)
class SentenceIndex:
    """Every body sentence of a corpus with its weighted, length-normalised term vector.

    ``article`` is the article's position in the corpus per sentence; ``matrix`` is a CSR matrix
    (sentences × terms) whose rows have unit length, so ``matrix @ matrix.T`` holds cosines.
    """

    ids: tuple[str, ...]
    article: np.ndarray
    paragraph_id: np.ndarray
    sentence_id: np.ndarray
    sentences: tuple[str, ...]
    terms: np.ndarray
    matrix: sp.csr_matrix

    def table(self) -> pd.DataFrame:
        """Return ``article_id, paragraph_id, sentence_id, sentence``, one row per sentence."""
        return pd.DataFrame(
            {
                "article_id": np.asarray(self.ids, dtype=object)[self.article],
                "paragraph_id": self.paragraph_id,
                "sentence_id": self.sentence_id,
                "sentence": list(self.sentences),
            }
        )


def sentence_index(
    corpus: Corpus | Iterable[Article], *, resources: Resources | None = None,
    name_weight: float = NAME_WEIGHT, number_weight: float = NUMBER_WEIGHT,
) -> SentenceIndex:  # fmt: skip
    """Return the :class:`SentenceIndex` of ``corpus``: TF-IDF vectors of its body sentences.

    Sentences, tokens, lemmas and stopword flags come from the analysed documents
    (:func:`newsframe.analyse`, under ``resources``). A sentence's terms are its distinct content
    lemmas and numbers (``19,434`` and ``19434`` are one term, number words are digits); IDF is
    smoothed over sentences (``log((1 + n) / (1 + df)) + 1``, as scikit-learn's); names (lemmas
    the corpus writes capitalised more often than not when they are not the first word of a
    sentence) are multiplied by ``name_weight``, numbers by ``number_weight``.

    >>> index = sentence_index([Article("a", "", ("Abe met Putin in Moscow. It rained.",))])
    >>> index.matrix.shape[0], sorted(index.terms)
    (2, ['abe', 'meet', 'moscow', 'putin', 'rain'])
    """
    articles = _articles(corpus)
    documents = analyse_corpus(articles, resources=resolve_resources(resources, corpus))
    vocab: dict[str, int] = {}
    rows, cols, capitals, lowers = [], [], [], []
    number: list[bool] = []
    meta: list[tuple[int, np.ndarray, np.ndarray, list[str]]] = []
    offset = 0
    for a, doc in enumerate(documents):
        n_sent = doc.n_sentences
        body = slice(doc.n_headline_tokens, doc.n_tokens)
        sentence = doc.token_sentence[body].astype(np.int64)
        token_type = doc.token_type[body].astype(np.int64)
        first = np.r_[True, sentence[1:] != sentence[:-1]] if len(sentence) else sentence > 0
        # per type of this document: its corpus term (-1 for a stopword), capitalised or lower
        term_of = np.full(len(doc.types), -1, dtype=np.int64)
        for t, (form, lemma, stop) in enumerate(
            zip(doc.types, doc.type_lemma, doc.type_stop.tolist(), strict=True)
        ):
            if stop and lemma not in _STATED:
                continue
            term, is_number = _term(form, lemma)
            if not term:
                continue
            col = vocab.setdefault(term, len(vocab))
            if col == len(number):
                number.append(is_number)
            term_of[t] = col
        upper = np.fromiter((f[:1].isupper() for f in doc.types), bool, len(doc.types))
        lower = np.fromiter((f[:1].islower() for f in doc.types), bool, len(doc.types))
        col = term_of[token_type]
        keep = col >= 0
        rows.append(sentence[keep] + offset)
        cols.append(col[keep])
        capitals.append(col[keep & upper[token_type] & ~first])
        lowers.append(col[keep & lower[token_type]])
        texts = [doc.sentence_text(k) for k in range(n_sent)]
        meta.append((a, doc.sentence_paragraph.astype(np.int64), np.arange(n_sent), texts))
        offset += n_sent
    n, v = offset, len(vocab)
    r = np.concatenate(rows) if rows else np.zeros(0, np.int64)
    c = np.concatenate(cols) if cols else np.zeros(0, np.int64)
    binary = sp.csr_matrix((np.ones(len(r)), (r, c)), shape=(n, v))
    binary.sum_duplicates()
    binary.data[:] = 1.0
    df = np.bincount(binary.indices, minlength=v)
    weight = np.log((1.0 + n) / (1.0 + df)) + 1.0
    capital = np.bincount(np.concatenate([np.zeros(0, np.int64), *capitals]), minlength=v)
    lowercase = np.bincount(np.concatenate([np.zeros(0, np.int64), *lowers]), minlength=v)
    weight[capital > lowercase] *= name_weight
    weight[np.asarray(number, dtype=bool)] *= number_weight
    matrix = (binary @ sp.diags(weight)).tocsr()
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    matrix = (sp.diags(1.0 / np.where(norms > 0, norms, 1.0)) @ matrix).tocsr()
    matrix.sort_indices()
    empty = np.zeros(0, np.int64)
    return SentenceIndex(
        tuple(a.article_id for a in articles),
        np.concatenate([np.full(len(m[2]), m[0], np.int64) for m in meta] or [empty]),
        np.concatenate([m[1] for m in meta] or [empty]),
        np.concatenate([m[2] for m in meta] or [empty]).astype(np.int64),
        tuple(t for m in meta for t in m[3]),
        np.asarray(list(vocab), dtype=object),
        matrix,
    )


def _check_threshold(threshold: float | None) -> float:
    threshold = DEFAULT_THRESHOLD if threshold is None else float(threshold)
    if not 0.0 < threshold <= 1.0:
        raise NewsframeError(f"threshold={threshold!r}: must be in (0, 1]")
    return threshold


def _best_pairs(index: SentenceIndex, threshold: float, top_k: int) -> tuple[np.ndarray, ...]:
    """Return (row, col, similarity): each sentence's ``top_k`` best matches in every other article.

    The similarity matrix is computed ``_BLOCK`` rows at a time (sparse product), thresholded,
    and reduced per (sentence, other article) by one lexsort: no loop over pairs. The result
    is ordered by sentence, other article, similarity (highest first), then other sentence.
    """
    x, xt = index.matrix, index.matrix.T.tocsr()
    art = index.article
    out_r, out_c, out_s = [], [], []
    for start in range(0, x.shape[0], _BLOCK):
        block = (x[start : start + _BLOCK] @ xt).tocsr()
        pos = np.flatnonzero(block.data >= threshold - 1e-6)
        r = np.searchsorted(block.indptr, pos, side="right").astype(np.int64) - 1 + start
        c, s = block.indices[pos].astype(np.int64), np.round(block.data[pos], 6)
        keep = (s >= threshold) & (art[r] != art[c])
        r, c, s = r[keep], c[keep], s[keep]
        order = np.lexsort((c, -s, art[c], r))
        r, c, s = r[order], c[order], s[order]
        group = np.r_[True, (r[1:] != r[:-1]) | (art[c][1:] != art[c][:-1])]
        starts = np.flatnonzero(group)
        rank = np.arange(len(r)) - np.repeat(starts, np.diff(np.r_[starts, len(r)]))
        keep = rank < top_k
        out_r.append(r[keep])
        out_c.append(c[keep])
        out_s.append(s[keep])
    if not out_r:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
    return np.concatenate(out_r), np.concatenate(out_c), np.concatenate(out_s)


PAIR_COLUMNS = ["article_id", "sentence_id", "other_id", "other_sentence_id", "similarity",
                "paragraph_id", "other_paragraph_id", "sentence", "other_sentence"]  # fmt: skip


def align_sentences(
    corpus: Corpus | Iterable[Article],
    *,
    threshold: float | None = None,
    top_k: int = 1,
    resources: Resources | None = None,
) -> pd.DataFrame:
    """Return each sentence's best match in every other article, where it passes ``threshold``.

    One row per (sentence, other article) pair: ``article_id, sentence_id, other_id,
    other_sentence_id, similarity, paragraph_id, other_paragraph_id, sentence, other_sentence``.
    The table is directional: the best match of sentence *s* of A in B need not have *s* as its
    own best match in A (a sentence that merges two of A's is the best match of both). ``top_k``
    keeps more than one match per other article. ``threshold`` defaults to
    :data:`DEFAULT_THRESHOLD`.

    Method: cosine similarity of TF-IDF vectors over content lemmas, names and numbers weighted
    up (:func:`sentence_index`), computed as blocked sparse matrix products.

    >>> a = Article("a", "", ("The ferry strike ended on Monday. Fares will rise.",))
    >>> b = Article("b", "", ("Dockers ended the ferry strike on Monday.",))
    >>> align_sentences([a, b])[["article_id", "sentence_id", "other_id", "other_sentence_id"]]
      article_id  sentence_id other_id  other_sentence_id
    0          a            0        b                  0
    1          b            0        a                  0
    """
    if top_k < 1:
        raise NewsframeError(f"top_k={top_k!r}: must be at least 1")
    index = sentence_index(corpus, resources=resources)
    return _pair_table(index, _check_threshold(threshold), int(top_k))


def _pair_table(index: SentenceIndex, threshold: float, top_k: int = 1) -> pd.DataFrame:
    """Return :func:`align_sentences`' table for a built index."""
    r, c, s = _best_pairs(index, threshold, top_k)  # already in the table's row order
    ids = np.asarray(index.ids, dtype=object)
    texts = np.asarray(index.sentences, dtype=object)
    return pd.DataFrame(
        {
            "article_id": ids[index.article[r]],
            "sentence_id": index.sentence_id[r],
            "other_id": ids[index.article[c]],
            "other_sentence_id": index.sentence_id[c],
            "similarity": s,
            "paragraph_id": index.paragraph_id[r],
            "other_paragraph_id": index.paragraph_id[c],
            "sentence": texts[r] if len(r) else np.zeros(0, dtype=object),
            "other_sentence": texts[c] if len(c) else np.zeros(0, dtype=object),
        },
        columns=PAIR_COLUMNS,
    )


def sentence_facts(
    corpus: Corpus | Iterable[Article],
    *,
    threshold: float | None = None,
    resources: Resources | None = None,
) -> pd.DataFrame:
    """Return one row per sentence with the fact it tells: ``article_id, paragraph_id, sentence_id,
    sentence, fact_id, fact``.

    A *fact* is a group of sentences joined by alignment (:func:`align_sentences`, best match per
    other article), most similar pairs first, holding at most one sentence of each article (so
    a story told by many articles does not chain into one fact). Facts are
    numbered from 0 in reading order (the corpus's first article first); ``fact`` is the text of
    the fact's first sentence. A sentence no other article tells is a fact of its own.

    >>> a = Article("a", "", ("The ferry strike ended on Monday. Fares will rise.",))
    >>> b = Article("b", "", ("Dockers ended the ferry strike on Monday.",))
    >>> sentence_facts([a, b])[["article_id", "sentence_id", "fact_id"]].values.tolist()
    [['a', 0, 0], ['a', 1, 1], ['b', 0, 0]]
    """
    index = sentence_index(corpus, resources=resources)
    return _fact_table(index, _check_threshold(threshold))


def _join_facts(
    r: np.ndarray, c: np.ndarray, sim: np.ndarray, article: np.ndarray, n: int
) -> np.ndarray:
    """Label each of ``n`` sentences with its fact: aligned pairs joined most similar first.

    Plain connected components chain a story together: sentence 1 of article A matches one of
    B, which matches sentence 2 of A, and soon every sentence of a story told by a dozen
    articles is one "fact". Two rules stop the chain (greedy agglomeration with average
    linkage, as in multi-document sentence clustering): a fact holds at most one sentence of
    each article, and two groups join only when more than half of their cross pairs are
    aligned pairs. One pass over the pairs (each unordered pair once), union by size.
    """
    lo, hi = np.minimum(r, c), np.maximum(r, c)
    order = np.lexsort((hi, lo, -sim))  # most similar first, ties by position
    key = lo[order] * np.int64(max(n, 1)) + hi[order]
    _, first = np.unique(key, return_index=True)  # each unordered pair once, at its best
    order = order[np.sort(first)]
    pairs = list(zip(lo[order].tolist(), hi[order].tolist(), strict=True))
    neighbours: dict[int, set[int]] = {}
    for a, b in pairs:
        neighbours.setdefault(a, set()).add(b)
        neighbours.setdefault(b, set()).add(a)
    parent = list(range(n))
    members: dict[int, list[int]] = {}
    articles: dict[int, set[int]] = {}
    art = article.tolist()

    def find(i: int) -> int:
        root = i
        while parent[root] != root:
            root = parent[root]
        while parent[i] != root:
            parent[i], i = root, parent[i]
        return root

    for x, y in pairs:
        a, b = find(x), find(y)
        if a == b:
            continue
        sa, sb = articles.get(a) or {art[a]}, articles.get(b) or {art[b]}
        if not sa.isdisjoint(sb):
            continue
        ma, mb = members.get(a) or [a], members.get(b) or [b]
        if len(ma) < len(mb):
            a, b, ma, mb, sa, sb = b, a, mb, ma, sb, sa
        if len(mb) > 1 or len(ma) > 1:
            links = sum(1 for i in mb for j in neighbours[i] if find(j) == a)
            if 2 * links <= len(ma) * len(mb):
                continue
        parent[b] = a
        members[a] = ma + mb
        articles[a] = sa | sb
        members.pop(b, None)
        articles.pop(b, None)
    return np.asarray([find(i) for i in range(n)], dtype=np.int64)


def _fact_table(index: SentenceIndex, threshold: float) -> pd.DataFrame:
    """Return :func:`sentence_facts`' table for a built index."""
    r, c, sim = _best_pairs(index, threshold, 1)
    n = len(index.sentences)
    labels = _join_facts(r, c, sim, index.article, n)
    # renumber components by their first sentence (rows are in reading order)
    first = np.full(labels.max() + 1 if n else 0, n, dtype=np.int64)
    np.minimum.at(first, labels, np.arange(n))
    rank = np.empty_like(first)
    rank[np.argsort(first, kind="stable")] = np.arange(len(first))
    table = index.table()
    table["fact_id"] = rank[labels] if n else np.zeros(0, np.int64)
    texts = np.asarray(index.sentences, dtype=object)
    table["fact"] = texts[first[labels]] if n else np.zeros(0, dtype=object)
    return table


# --- shared source: near-duplicate articles and paragraphs ------------------------------------


def _shingle_matrix(texts: list[str], k: int):
    """Return (binary texts × shingles matrix, shingles per text, lowercase words per text,
    shingle ids per text in reading order)."""
    words = [[t.lower() for t in tokenize(text)] for text in texts]
    vocab: dict[tuple[str, ...], int] = {}
    ordered = [
        [vocab.setdefault(tuple(w[j : j + k]), len(vocab)) for j in range(max(len(w) - k + 1, 0))]
        for w in words
    ]
    rows = np.repeat(np.arange(len(texts)), [len(o) for o in ordered])
    cols = np.fromiter((c for o in ordered for c in o), np.int64, len(rows))
    m = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(texts), len(vocab)))
    m.sum_duplicates()
    m.data[:] = 1.0
    return m, np.asarray(m.sum(axis=1)).ravel(), words, ordered


def _overlaps(m: sp.csr_matrix, sizes: np.ndarray, owner: np.ndarray, threshold: float):
    """Return (i, j, shared, containment, jaccard) for pairs i < j of different owners."""
    out = []
    mt = m.T.tocsr()
    for start in range(0, m.shape[0], _BLOCK):
        block = (m[start : start + _BLOCK] @ mt).tocoo()
        i, j, shared = block.row.astype(np.int64) + start, block.col.astype(np.int64), block.data
        keep = (i < j) & (owner[i] != owner[j])
        i, j, shared = i[keep], j[keep], shared[keep]
        containment = shared / np.maximum(np.minimum(sizes[i], sizes[j]), 1)
        keep = containment >= threshold
        out.append((i[keep], j[keep], shared[keep], containment[keep]))
    if not out:
        return (np.zeros(0, np.int64),) * 2 + (np.zeros(0),) * 3
    i, j, shared, containment = (np.concatenate(x) for x in zip(*out, strict=True))
    order = np.lexsort((j, i))
    i, j, shared, containment = i[order], j[order], shared[order], containment[order]
    jaccard = shared / (sizes[i] + sizes[j] - shared)
    return i, j, shared, containment, jaccard


def _shared_run(shingles: list[int], other: set[int], k: int) -> tuple[int, int]:
    """Return (start, words) of the longest run of words whose every ``k``-shingle is in ``other``."""
    best = start = run = 0
    for position, shingle in enumerate(shingles):
        if shingle in other:
            run += 1
            if run > best:
                best, start = run, position - run + 1
        else:
            run = 0
    return start, best + k - 1 if best else 0


DUPLICATE_COLUMNS = ["article_id", "other_id", "containment", "jaccard", "shared_shingles",
                     "span_words", "span"]  # fmt: skip


def near_duplicates(
    corpus: Corpus | Iterable[Article], *, threshold: float = COPY_THRESHOLD, shingle: int = SHINGLE
) -> pd.DataFrame:
    """Return pairs of articles that share a source (wire copy, a reprinted press release).

    One row per pair (corpus order, ``article_id`` first): ``article_id, other_id, containment,
    jaccard, shared_shingles, span_words, span``. ``containment`` is the share of the shorter
    body's word ``shingle``-grams found in the other (Broder 1997), so an outlet that cut or
    added paragraphs still counts as carrying the copy; pairs at or above ``threshold`` are kept.
    ``span`` is the longest run of words of the first body whose every ``shingle``-gram also
    occurs in the other (for copied text: the longest passage both carry; lowercase, as
    tokenised) and ``span_words`` its length.

    >>> wire = "Dockers ended the ferry strike on Monday after nine days, the union said."
    >>> a = Article("a", "", (wire, "Our reporter adds local colour here."))
    >>> b = Article("b", "", (wire,))
    >>> near_duplicates([a, b])[["article_id", "other_id", "containment", "span_words"]]
      article_id other_id  containment  span_words
    0          a        b          1.0          13
    """
    articles = _articles(corpus)
    texts = [" ".join(a.clean_paragraphs) for a in articles]
    return _duplicates(articles, texts, np.arange(len(articles)), threshold, shingle)[
        DUPLICATE_COLUMNS
    ]


def _duplicates(articles, texts, owner, threshold, shingle) -> pd.DataFrame:
    if not 0.0 < threshold <= 1.0:
        raise NewsframeError(f"threshold={threshold!r}: must be in (0, 1]")
    if shingle < 1:
        raise NewsframeError(f"shingle={shingle!r}: must be at least 1")
    m, sizes, words, ordered = _shingle_matrix(texts, shingle)
    i, j, shared, containment, jaccard = _overlaps(m, sizes, owner, threshold)
    # identical texts (a paragraph carried word for word) share all of it; other pairs are
    # matched once per distinct pair of texts
    unique: dict[tuple[str, ...], int] = {}
    text_id = [unique.setdefault(tuple(w), len(unique)) for w in words]
    memo: dict[tuple[int, int], tuple[int, int]] = {}
    sets: dict[int, set[int]] = {}
    spans = []
    for x, y in zip(i.tolist(), j.tolist(), strict=True):
        key = (text_id[x], text_id[y])
        if key not in memo:
            if key[0] == key[1]:
                memo[key] = (0, len(words[x]))
            else:
                other = sets.get(y) or sets.setdefault(y, set(ordered[y]))
                memo[key] = _shared_run(ordered[x], other, shingle)
        spans.append(memo[key])
    ids = np.asarray([a.article_id for a in articles], dtype=object)
    return pd.DataFrame(
        {
            "i": i,
            "j": j,
            "article_id": ids[owner[i]] if len(i) else np.zeros(0, dtype=object),
            "other_id": ids[owner[j]] if len(j) else np.zeros(0, dtype=object),
            "containment": np.round(containment, 6),
            "jaccard": np.round(jaccard, 6),
            "shared_shingles": shared.astype(np.int64),
            "span_words": np.asarray([s[1] for s in spans], dtype=np.int64),
            "span": _span_texts(words, text_id, i, spans),
        }
    )


def _span_texts(words, text_id, i, spans) -> list[str]:
    """Return the shared span of each pair as text, each distinct span joined once."""
    joined: dict[tuple[int, int, int], str] = {}
    out = []
    for x, (a, size) in zip(i.tolist(), spans, strict=True):
        key = (text_id[x], a, size)
        if key not in joined:
            joined[key] = " ".join(words[x][a : a + size])
        out.append(joined[key])
    return out


def shared_paragraphs(
    corpus: Corpus | Iterable[Article], *, threshold: float = COPY_THRESHOLD, shingle: int = SHINGLE
) -> pd.DataFrame:
    """Return pairs of paragraphs of different articles that share a source (copied text).

    Like :func:`near_duplicates`, paragraph by paragraph: ``article_id, paragraph_id, other_id,
    other_paragraph_id, containment, jaccard, shared_shingles, span_words, span``. A paragraph
    shorter than ``shingle`` words has no shingles and is never reported.

    >>> p = "Dockers ended the ferry strike on Monday after nine days, the union said."
    >>> a = Article("a", "", ("A local lede of our own.", p))
    >>> b = Article("b", "", (p, "Another paragraph entirely, about the weather."))
    >>> shared_paragraphs([a, b])[["article_id", "paragraph_id", "other_id", "other_paragraph_id"]]
      article_id  paragraph_id other_id  other_paragraph_id
    0          a             1        b                   0
    """
    articles = _articles(corpus)
    texts, owner, para = [], [], []
    for n, article in enumerate(articles):
        for p, paragraph in enumerate(article.clean_paragraphs):
            texts.append(paragraph)
            owner.append(n)
            para.append(p)
    table = _duplicates(articles, texts, np.asarray(owner, dtype=np.int64), threshold, shingle)
    para_ids = np.asarray(para, dtype=np.int64)
    table.insert(3, "paragraph_id", para_ids[table["i"]] if len(table) else [])
    table.insert(4, "other_paragraph_id", para_ids[table["j"]] if len(table) else [])
    columns = [
        "article_id",
        "paragraph_id",
        "other_id",
        "other_paragraph_id",
        *DUPLICATE_COLUMNS[2:],
    ]
    return table[columns].astype({"paragraph_id": np.int64, "other_paragraph_id": np.int64})


def copy_weights(
    corpus: Corpus | Iterable[Article], *, threshold: float = COPY_THRESHOLD, shingle: int = SHINGLE
) -> pd.DataFrame:
    """Return one row per article: ``article_id, copy_group, copies, weight, first_copy``.

    Articles joined by :func:`near_duplicates` (directly or through a chain) form one
    ``copy_group`` (numbered from 0 in corpus order); ``copies`` is the group's size and
    ``weight = 1 / copies``, so a story carried by three outlets counts once in weighted group
    statistics. ``first_copy`` is True for the first article of each group in corpus order:
    ``table.loc[table.first_copy, "article_id"]`` is a de-duplicated id list.

    >>> wire = "Dockers ended the ferry strike on Monday after nine days, the union said."
    >>> c = [Article("a", "", (wire,)), Article("b", "", (wire,)), Article("c", "", ("Other news.",))]
    >>> copy_weights(c).values.tolist()
    [['a', 0, 2, 0.5, True], ['b', 0, 2, 0.5, False], ['c', 1, 1, 1.0, True]]
    """
    articles = _articles(corpus)
    pairs = near_duplicates(articles, threshold=threshold, shingle=shingle)
    n = len(articles)
    position = {a.article_id: k for k, a in enumerate(articles)}
    i = pairs["article_id"].map(position).to_numpy(dtype=np.int64)
    j = pairs["other_id"].map(position).to_numpy(dtype=np.int64)
    _, labels = connected_components(sp.csr_matrix((np.ones(len(i)), (i, j)), shape=(n, n)))
    first = np.full(labels.max() + 1 if n else 0, n, dtype=np.int64)
    np.minimum.at(first, labels, np.arange(n))
    rank = np.empty_like(first)
    rank[np.argsort(first, kind="stable")] = np.arange(len(first))
    sizes = np.bincount(labels, minlength=len(first))
    return pd.DataFrame(
        {
            "article_id": [a.article_id for a in articles],
            "copy_group": rank[labels] if n else np.zeros(0, np.int64),
            "copies": sizes[labels] if n else np.zeros(0, np.int64),
            "weight": 1.0 / sizes[labels] if n else np.zeros(0),
            "first_copy": first[labels] == np.arange(n) if n else np.zeros(0, bool),
        }
    )
