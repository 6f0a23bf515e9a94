"""Benchmark: the over-time tables (``newsframe.periods``) on synthetic per-article tables.

The over-time analysis reads the per-article tables the pipeline has already computed, so this
times it alone: N articles over two years in 20 outlets (the group column), with per-article
tables of realistic shape (5 naming rows, 28 frame rows, 3 speakers, 80 terms from a
5,000-term vocabulary, one mean compound each), built with numpy. Each stage is timed, and the
whole in ms per article, which should stay flat from 10,000 to 100,000 articles. The baseline
in the same run is one pandas ``groupby(...).sum()`` of the frame table by period and group,
the least any per-period table costs.
Usage: python benchmarks/bench_over_time.py [n_articles ...]   (default 10000 100000)
"""

from __future__ import annotations

import argparse

import numpy as np
import pandas as pd
from common import timed

import newsframe as nf
from newsframe import periods


def synthetic(n: int, seed: int = 0) -> tuple[nf.Corpus, dict[str, pd.DataFrame], pd.Series]:
    """A corpus of ``n`` dated one-line articles and their per-article tables (numbers only)."""
    rng = np.random.default_rng(seed)
    ids = np.array([f"a{i:06d}" for i in range(n)], dtype=object)
    days = pd.Timestamp("2023-01-01") + pd.to_timedelta(rng.integers(0, 730, n), unit="D")
    outlets = np.array([f"outlet-{k:02d}" for k in rng.integers(0, 20, n)], dtype=object)
    corpus = nf.Corpus(
        nf.Article(i, "", ("x.",), metadata={"published": d, "group": g})
        for i, d, g in zip(ids, days.strftime("%Y-%m-%d"), outlets, strict=True)
    )
    words = pd.Series(rng.integers(200, 900, n), index=ids)
    summary = pd.DataFrame({"article_id": ids, "statistic": "mean_compound",
                            "value": rng.normal(0, 0.3, n), "n_sentences": 20})  # fmt: skip
    variants = ["V1", "V2", "V3", "W1", "W2"]
    naming = pd.DataFrame({
        "article_id": np.repeat(ids, 5), "concept": np.tile(["c", "c", "c", "d", "d"], n),
        "variant": np.tile(variants, n), "usage": "", "count": rng.poisson(1.0, 5 * n),
        "in_quotes": 0,
    })  # fmt: skip
    frames = pd.DataFrame({
        "article_id": np.repeat(ids, 28), "scheme": "mfc", "frame": np.tile(np.arange(28), n),
        "label": np.tile([f"F{k}" for k in range(28)], n), "hits": rng.poisson(0.5, 28 * n),
        "words": np.repeat(words.to_numpy(), 28),
    })  # fmt: skip
    frames["per_1000"] = 1000 * frames["hits"] / frames["words"]
    speakers = rng.integers(0, 50, 3 * n)
    voice = pd.DataFrame({
        "article_id": np.repeat(ids, 3), "speaker": [f"s{k}" for k in speakers],
        "speaker_name": [f"S{k}" for k in speakers], "quotes": 1,
        "quoted_words": rng.integers(0, 40, 3 * n), "attributions": 1,
    })  # fmt: skip
    voice = voice.drop_duplicates(["article_id", "speaker"])
    voice["share_of_quoted"] = voice["quoted_words"] / voice.groupby("article_id")[
        "quoted_words"
    ].transform("sum").clip(lower=1)
    terms = rng.zipf(1.3, 80 * n) % 5000
    tf = pd.DataFrame({"article_id": np.repeat(ids, 80), "term": [f"t{k}" for k in terms]})
    tf = tf.groupby(["article_id", "term"], as_index=False).size().rename(columns={"size": "count"})
    tf["n_tokens"] = tf["article_id"].map(words)
    tables = {"sentiment_summary": summary, "naming_variants": naming, "frame_dimensions": frames,
              "share_of_voice": voice, "term_frequencies": tf}  # fmt: skip
    return corpus, tables, words


def main(sizes: list[int]) -> None:
    for n in sizes:
        one_size(n)


def one_size(n: int) -> None:
    """Time every over-time table for ``n`` synthetic articles."""
    print(f"--- {n:,} articles, 20 outlets, two years")
    _, (corpus, tables, words) = timed("build synthetic tables (not timed below)",
                                       lambda: synthetic(n))  # fmt: skip
    t_assign, assign = timed("assign_periods (dates parsed once)",
                             lambda: periods.assign_periods(corpus))  # fmt: skip
    stages = {
        "attention": lambda: periods.attention_over_time(assign, words),
        "sentiment (cluster bootstrap)": lambda: periods.sentiment_over_time(
            tables["sentiment_summary"], assign),
        "naming": lambda: periods.naming_over_time(tables["naming_variants"], assign),
        "frames": lambda: periods.frames_over_time(tables["frame_dimensions"], assign),
        "voice": lambda: periods.voice_over_time(tables["share_of_voice"], assign),
        "keyness per period vs rest": lambda: periods.keyness_over_time(
            tables["term_frequencies"], assign),
        "trend tests": lambda: periods.trends_over_time(tables, assign),
    }  # fmt: skip
    total = t_assign
    for label, func in stages.items():
        seconds, _ = timed(f"  {label}", func)
        total += seconds
    keyed = tables["frame_dimensions"].merge(assign[["article_id", "period", "group"]])
    t_base, _ = timed(
        "baseline: frame table groupby(period, group).sum()",
        lambda: keyed.groupby(["period", "group", "frame"])["hits"].sum(),
    )
    print(f"{'over-time tables, total':<48s} {total:8.3f} s  ({1000 * total / n:.3f} ms per "
          f"article; {total / t_base:.0f}x the baseline groupby)")  # fmt: skip


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "sizes", nargs="*", type=int, default=[10_000, 100_000], help="article counts"
    )
    main(parser.parse_args().sizes)
