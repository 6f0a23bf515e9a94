"""Benchmark: term counting, TF-IDF and keyness against scikit-learn in the same run.

Builds a synthetic corpus (benchmarks/common.py: resampled seed sentences mixed with
Zipf-distributed English words; 10,000 articles ≈ 5 million tokens by default) and times

- newsframe.count_terms (lemmas, stopwords, multi-word terms) against the bare
  ``CountVectorizer().fit_transform`` on the same texts, cold (text normalisation included) and
  warm (normalised paragraphs cached on the articles), and the tidy ``term_frequencies`` table;
- counting through the full ``tokens_frame`` table, for comparison;
- newsframe.tfidf (tidy table) against ``TfidfVectorizer().fit_transform``;
- keyness over a 100,000-term vocabulary (two synthetic count vectors; target < 0.2 s);
- keyness of each article against the rest (``keyness_one_vs_rest``) on 2,500, 5,000 and
  10,000 copies of one article: one table row per article and term, so the time per article
  should stay flat (target: linear).

Usage: python benchmarks/bench_terms.py [n_articles]
       python benchmarks/bench_terms.py one-vs-rest   (the last item alone)
"""

from __future__ import annotations

import argparse

import numpy as np
import pandas as pd
from common import synthetic_corpus, texts, timed
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from wordfreq import top_n_list

import newsframe as nf
from newsframe.terms import g2, log_ratio, logodds_dirichlet


def fresh(corpus: nf.Corpus) -> nf.Corpus:
    """The same articles without cached normalised text, so a run pays for normalisation."""
    return nf.Corpus(nf.Article(a.article_id, a.title, a.paragraphs) for a in corpus)


def counting(corpus: nf.Corpus, docs: list[str]) -> None:
    t_cv, matrix = timed(
        "sklearn CountVectorizer().fit_transform",
        lambda: CountVectorizer().fit_transform(docs),
        repeat=3,
    )
    print(f"    {matrix.shape[1]:,} terms, {matrix.sum():,} tokens counted")
    colds = [fresh(corpus) for _ in range(3)]
    t_cold, counts = timed(
        "newsframe count_terms, cold (incl. normalise)",
        lambda: nf.count_terms(colds.pop()),
        repeat=3,
    )
    t_warm, counts = timed("newsframe count_terms, warm", lambda: nf.count_terms(corpus), repeat=3)
    print(
        f"    {len(counts.terms):,} terms, {int(counts.n_tokens.sum()):,} running tokens, "
        f"sparse matrix {counts.counts.data.nbytes + counts.counts.indices.nbytes + counts.counts.indptr.nbytes:,} bytes "
        f"(dense would be {counts.counts.shape[0] * counts.counts.shape[1] * 8:,})"
    )
    t_tf, _ = timed(
        "newsframe term_frequencies (tidy table), warm", lambda: nf.term_frequencies(corpus)
    )
    t_bi, _ = timed(
        "newsframe count_terms ngram_range=(1, 2), warm",
        lambda: nf.count_terms(corpus, ngram_range=(1, 2)),
    )

    def via_tokens_frame() -> pd.Series:
        frame = nf.tokens_frame(corpus)
        return frame[~frame["is_stop"]].groupby(["article_id", "lemma"]).size()

    t_frame, _ = timed("counting via tokens_frame + groupby, warm", via_tokens_frame)
    print("ratios to CountVectorizer (target: counting within 2x):")
    for label, t in [("count_terms cold", t_cold), ("count_terms warm", t_warm),
                     ("term_frequencies tidy", t_tf), ("count_terms uni+bigrams", t_bi),
                     ("tokens_frame + groupby", t_frame)]:  # fmt: skip
        print(f"    {label:<28s} {t / t_cv:5.2f}x")


def weighting(corpus: nf.Corpus, docs: list[str]) -> None:
    t_sk, _ = timed(
        "sklearn TfidfVectorizer().fit_transform",
        lambda: TfidfVectorizer().fit_transform(docs),
        repeat=3,
    )
    t_ours, table = timed(
        "newsframe tfidf (corpus idf, tidy table), warm", lambda: nf.tfidf(corpus)
    )
    t_bg, _ = timed(
        "newsframe tfidf (background idf, tidy table), warm",
        lambda: nf.tfidf(corpus, idf="background"),
    )
    print(
        f"    {len(table):,} rows; ratios to TfidfVectorizer: {t_ours / t_sk:.2f}x, {t_bg / t_sk:.2f}x"
    )


def keyness_at_scale(n_terms: int = 100_000) -> None:
    rng = np.random.default_rng(0)
    words = [w for w in top_n_list("en", 2 * n_terms) if w.isalpha()][:n_terms]
    words += [f"term{i}" for i in range(n_terms - len(words))]
    p = 1.0 / np.arange(1, n_terms + 1)  # Zipf
    a = pd.Series(rng.multinomial(2_500_000, p / p.sum()), index=words, name="a")
    b = pd.Series(rng.multinomial(2_500_000, rng.permutation(p) / p.sum()), index=words, name="b")
    print(f"keyness: {n_terms:,}-term vocabulary, 2.5M tokens per side")
    ca, cb = a.to_numpy(float), b.to_numpy(float)
    timed("  measures only (G², Log Ratio, log-odds)", lambda: (g2(ca, cb, ca.sum(), cb.sum()), log_ratio(ca, cb, ca.sum(), cb.sum()),
          logodds_dirichlet(ca, cb, ca.sum(), cb.sum(), np.ones(n_terms))), repeat=5)  # fmt: skip
    t_uni, table = timed(
        "  keyness table, uniform prior", lambda: nf.keyness(a, b, prior="uniform"), repeat=5
    )
    t_pool, _ = timed(
        "  keyness table, pooled prior", lambda: nf.keyness(a, b, prior="pooled"), repeat=5
    )
    nf.background_frequencies(["warm"])  # load wordfreq's list once, as any session would
    t_bg, _ = timed(
        "  keyness table, background prior (wordfreq)", lambda: nf.keyness(a, b), repeat=5
    )
    print(
        f"    {len(table):,} rows; target < 0.2 s: uniform {'met' if t_uni < 0.2 else 'MISSED'}, "
        f"pooled {'met' if t_pool < 0.2 else 'MISSED'}, background {'met' if t_bg < 0.2 else 'MISSED'}"
    )


def one_vs_rest_at_scale(sizes: tuple[int, ...] = (2_500, 5_000, 10_000)) -> None:
    """Time ``keyness_one_vs_rest`` on ``n`` copies of one article (the vocabulary stays fixed,
    so the table grows as ``n``: linear time means flat milliseconds per article)."""
    text = ("The minister said the dam on the river would open next year, and critics said the "
            "water plan would flood three villages. Officials denied it.")  # fmt: skip
    print("keyness_one_vs_rest on n copies of one article (target: linear)")
    per = []
    for n in sizes:
        corpus = nf.Corpus(nf.Article(f"c{i:05d}", "Same headline", (text, text)) for i in range(n))
        seconds, table = timed(f"  {n:,} articles", lambda c=corpus: nf.keyness_one_vs_rest(c))
        per.append(1000 * seconds / n)
        print(f"    {len(table):,} rows, {per[-1]:.2f} ms per article")
    print(f"    ms per article, largest / smallest size: {per[-1] / per[0]:.2f} (linear: about 1)")


def main(n_articles: int = 10_000) -> None:
    _, corpus = timed(
        f"build synthetic corpus ({n_articles:,} articles)", lambda: synthetic_corpus(n_articles)
    )
    docs = texts(corpus)
    print(f"{n_articles:,} articles, {sum(len(d.split()) for d in docs):,} whitespace words")
    counting(corpus, docs)
    weighting(corpus, docs)
    keyness_at_scale()
    one_vs_rest_at_scale()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "n_articles", nargs="?", default="10000", help="article count, or 'one-vs-rest'"
    )
    args = parser.parse_args()
    if args.n_articles == "one-vs-rest":
        one_vs_rest_at_scale()
    elif args.n_articles.isdigit():
        main(int(args.n_articles))
    else:
        parser.error(
            f"n_articles: expected a whole number or 'one-vs-rest', got {args.n_articles!r}"
        )
