"""Benchmark: sentence-level VADER sentiment, in sentences per second.

Baseline in the same process on the same sentences: a bare loop calling one VADER analyzer's
``polarity_scores``. newsframe's ``sentence_sentiment`` then runs on one core and on all cores
(forked workers, which it uses by itself from 20,000 distinct sentences on), with its tqdm progress bar; then the
bootstrap summary per article. Corpus: ``common.synthetic_corpus`` (10,000 articles by default).
Usage: python benchmarks/bench_sentiment.py [n_articles]
"""

from __future__ import annotations

import argparse
import os

from common import synthetic_corpus, timed

import newsframe as nf
from newsframe.sentiment.scoring import _analyzer


def main(n_articles: int = 10_000) -> None:
    _, corpus = timed(
        f"build synthetic corpus ({n_articles} articles)", lambda: synthetic_corpus(n_articles)
    )
    sentences = [s for article in corpus for _, _, s in article.sentences()]
    n = len(sentences)
    print(f"{n_articles} articles, {n:,} sentences, {os.cpu_count()} cores")
    print(
        f"load average before timing: {os.getloadavg()[0]:.2f} (other work on the cores skews the parallel run)"
    )

    # the documents (sentences split once) are analysed before timing, so both runs below time
    # the scoring alone, not the first run's analysis too
    timed("analyse the documents (not in the ratios)", lambda: nf.analyse_corpus(corpus))
    analyzer = _analyzer()  # the one cached analyzer, lexicon already loaded
    t_base, _ = timed(
        "baseline: bare polarity_scores loop",
        lambda: [analyzer.polarity_scores(s) for s in sentences],
    )
    t_one, table = timed(
        "newsframe: sentence_sentiment, 1 core",
        lambda: nf.sentence_sentiment(corpus, n_jobs=1, progress=True),
    )
    t_all, table_all = timed(
        "newsframe: sentence_sentiment, all cores",
        lambda: nf.sentence_sentiment(corpus, n_jobs=-1, progress=True),
    )
    assert table.equals(table_all), "parallel result differs from serial"
    t_sum, _ = timed(
        "newsframe: sentiment_summary per article (2,000 boots)",
        lambda: nf.sentiment_summary(table),
    )

    print()
    for label, t in [
        ("bare VADER loop", t_base),
        ("sentence_sentiment, 1 core", t_one),
        ("sentence_sentiment, all cores", t_all),
    ]:
        print(
            f"{label:<32s} {n / t:10,.0f} sentences/s   time ratio to bare loop {t / t_base:5.2f}x"
        )
    print(f"load average after timing: {os.getloadavg()[0]:.2f}")
    print(f"{'parallel speed-up':<32s} {t_one / t_all:10.2f}x on {os.cpu_count()} cores")
    print(
        f"{'sentiment_summary':<32s} {n_articles / t_sum:10,.0f} articles/s ({n / t_sum:,.0f} sentences/s)"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("n_articles", nargs="?", type=int, default=10_000)
    main(parser.parse_args().n_articles)
