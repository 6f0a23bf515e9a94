"""Shared helpers for the benchmarks: a large synthetic corpus built from the bundled articles.

Each synthetic article mixes sentences resampled from the two seed articles with sentences of
words drawn from wordfreq's English frequency list (Zipf-distributed, as real text is), so the
vocabulary grows as it would in a real collection. Fixed seeds make every run the same.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from wordfreq import top_n_list, word_frequency

import newsframe as nf

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / "data" / "articles.csv"


def _seed_sentences() -> list[str]:
    corpus = nf.load_corpus(MANIFEST)
    return [s for a in corpus for _, _, s in a.sentences()]


def _vocabulary(n: int = 30_000) -> tuple[list[str], np.ndarray]:
    words = [w for w in top_n_list("en", n) if w.isalpha()]
    freq = np.array([word_frequency(w, "en") for w in words])
    return words, freq / freq.sum()


def synthetic_paragraphs(
    n_articles: int = 10_000, *, words_per_article: int = 500, seed: int = 0, by_cdf: bool = False
) -> list[list[str]]:
    """Return ``n_articles`` lists of paragraphs of about ``words_per_article`` words each.

    Words are Zipf-distributed (wordfreq's English frequencies); ``by_cdf`` draws them by
    inverse CDF, so that 100,000 articles take a minute, not ten (other draws, same law)."""
    rng = np.random.default_rng(seed)
    seeds = _seed_sentences()
    vocab, p = _vocabulary()
    cdf = np.cumsum(p)
    cdf[-1] = 1.0
    articles = []
    for _ in range(n_articles):
        paragraphs, n = [], 0
        while n < words_per_article:
            sentences = []
            for _ in range(int(rng.integers(1, 5))):  # 1-4 sentences a paragraph
                if rng.random() < 0.5:
                    sentence = seeds[rng.integers(len(seeds))]
                else:
                    size = int(rng.integers(8, 30))
                    if by_cdf:
                        words = np.searchsorted(cdf, rng.random(size))
                    else:
                        words = rng.choice(len(vocab), size=size, p=p)
                    sentence = " ".join(vocab[i] for i in words).capitalize() + "."
                sentences.append(sentence)
                n += sentence.count(" ") + 1
            paragraphs.append(" ".join(sentences))
        articles.append(paragraphs)
    return articles


def synthetic_corpus(n_articles: int = 10_000, *, seed: int = 0) -> nf.Corpus:
    """Return a :class:`newsframe.Corpus` of ``n_articles`` synthetic, already-clean articles.

    The corpus carries the bundled story's resources (its actors, naming concepts and phrases),
    since its sentences are resampled from the bundled articles.
    """
    paras = synthetic_paragraphs(n_articles, seed=seed)
    return nf.Corpus(
        (
            nf.Article(f"syn-{i:05d}", f"Synthetic article {i}", tuple(p))
            for i, p in enumerate(paras)
        ),
        resources=nf.load_story(ROOT / "data" / "story.toml").resources,
    )


def synthetic_pages(n_articles: int = 10_000, *, seed: int = 0) -> list[str]:
    """Return raw page texts: headline, caption, body and the seeds' boilerplate, as copied pages are."""
    raw = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data" / "raw").glob("*.txt"))]
    chrome = [line for text in raw for line in text.splitlines()[:6]]
    tail = raw[-1].splitlines()[-28:]
    pages = []
    for i, paragraphs in enumerate(synthetic_paragraphs(n_articles, seed=seed)):
        head = "\n".join(chrome[i % len(chrome) : i % len(chrome) + 3])
        pages.append(
            f"{head}\n\nSynthetic Headline Number {i} Says Putin\n\nLeaders meet / Kremlin.ru\n\n"
            + "\n\n".join(paragraphs)
            + "\n\n"
            + "\n".join(tail)
        )
    return pages


def texts(corpus: nf.Corpus) -> list[str]:
    """Return each article's body as one string (for baselines such as CountVectorizer)."""
    return [a.body for a in corpus]


def timed(label: str, func: Callable[[], object], *, repeat: int = 1) -> tuple[float, object]:
    """Run ``func`` ``repeat`` times; print and return the best wall time in seconds and the result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - start)
    print(f"{label:<48s} {best:8.3f} s", file=sys.stdout)
    return best, result
