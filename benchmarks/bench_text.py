"""Benchmark: cleaning, sentence splitting and tokenising, in words per second.

Baselines run in the same process on the same texts: a bare compiled-regex word tokenizer and
scikit-learn's CountVectorizer analyzer. Target (issue 2): clean + split + tokenise >= 1M words/s.
The language check (:func:`newsframe.language.guess_language`, once per page) is timed per MB
against a plain ``str.split`` of the same pages.
Usage: python benchmarks/bench_text.py [n_articles]
"""

from __future__ import annotations

import argparse
import re

from common import synthetic_pages, timed
from joblib import Parallel, delayed
from sklearn.feature_extraction.text import CountVectorizer

import newsframe as nf
from newsframe.language import guess_language
from newsframe.text import lemmatize


def main(n_articles: int = 4_000) -> None:
    pages = synthetic_pages(n_articles)
    words = sum(len(p.split()) for p in pages)
    print(f"{n_articles} synthetic pages, {words:,} whitespace words (raw, with boilerplate)")

    regex = re.compile(r"(?u)\b\w\w+\b")
    t_regex, _ = timed(
        "baseline: compiled regex findall", lambda: [regex.findall(p) for p in pages], repeat=3
    )
    analyzer = CountVectorizer().build_analyzer()
    t_cv, _ = timed(
        "baseline: CountVectorizer analyzer", lambda: [analyzer(p) for p in pages], repeat=3
    )

    def clean_split_tokenize() -> int:
        n = 0
        for page in pages:
            result = nf.clean_text(page)
            for paragraph in result.paragraphs:
                for sentence in nf.split_sentences(nf.normalise(paragraph)):
                    n += len(nf.tokenize(sentence))
        return n

    def with_lemmas() -> int:
        n = 0
        for page in pages:
            for paragraph in nf.clean_text(page).paragraphs:
                for sentence in nf.split_sentences(nf.normalise(paragraph)):
                    n += len([lemmatize(t) for t in nf.tokenize(sentence)])
        return n

    t_ours, _ = timed("newsframe: clean + split + tokenize", clean_split_tokenize, repeat=3)

    def chunk_work(chunk: list[str]) -> int:
        n = 0
        for page in chunk:
            for paragraph in nf.clean_text(page).paragraphs:
                for sentence in nf.split_sentences(nf.normalise(paragraph)):
                    n += len(nf.tokenize(sentence))
        return n

    chunks = [pages[i : i + 250] for i in range(0, len(pages), 250)]
    with Parallel(n_jobs=2) as parallel:
        parallel(delayed(len)(c) for c in chunks)  # start the workers outside the timing
        t_par, _ = timed(
            "newsframe: clean + split + tokenize, 2 processes",
            lambda: parallel(delayed(chunk_work)(c) for c in chunks),
            repeat=3,
        )
    t_lem, _ = timed("newsframe: clean + split + tokenize + lemmas", with_lemmas, repeat=3)
    corpus = nf.Corpus(
        nf.Article(f"a{i}", "", nf.clean_text(p).paragraphs) for i, p in enumerate(pages)
    )
    t_frame, _ = timed(
        "newsframe: tokens_frame (phrases, tidy table)", lambda: nf.tokens_frame(corpus)
    )

    megabytes = sum(len(p.encode("utf-8")) for p in pages) / 1e6
    guess_language("load the word lists outside the timing")
    t_split, _ = timed("baseline: str.split per page", lambda: [p.split() for p in pages], repeat=3)
    t_lang, _ = timed(
        "newsframe: language check per page", lambda: [guess_language(p) for p in pages], repeat=3
    )

    print()
    print(
        f"language check {t_lang / megabytes:6.3f} s/MB, str.split {t_split / megabytes:6.3f} s/MB"
        f"   ratio {t_lang / t_split:5.1f}x"
    )
    for label, t in [
        ("compiled regex", t_regex),
        ("CountVectorizer analyzer", t_cv),
        ("clean + split + tokenize", t_ours),
        ("  on 2 processes", t_par),
        ("  + lemmas", t_lem),
        ("tokens_frame", t_frame),
    ]:
        print(f"{label:<32s} {words / t / 1e6:6.2f} M words/s   ratio to regex {t / t_regex:5.1f}x")
    best = min(t_ours, t_par)
    status = "meets" if words / best >= 1e6 else "MISSES"
    print(f"\nclean + split + tokenize {status} the 1M words/s target ({words / best / 1e6:.2f} M)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("n_articles", nargs="?", type=int, default=4_000)
    main(parser.parse_args().n_articles)
