"""Benchmark: sentence alignment, its threshold curve, and speed against scikit-learn in one run.

1. Calibration: on the invented stories of ``tests/fixtures/alignment`` (each with versions that
   remove, reorder, merge and paraphrase sentences by hand, plus two outlets' copies of one wire
   story) prints, per threshold, the recall and precision with which removed sentences are found,
   the share of paraphrases matched to their original, the share of reordered and merged
   sentences matched, and how many sentence pairs of *unrelated* stories pass the threshold; both
   for newsframe's weighting (names and numbers weighted up) and for plain TF-IDF over lemmas.
2. Speed: 1,000 synthetic articles of one story (benchmarks/common.py: seed sentences resampled
   with Zipf-distributed filler, so every seed sentence recurs in hundreds of articles) aligned
   with ``newsframe.align_sentences`` (target: under a minute on a 2-core machine), against
   ``TfidfVectorizer(stop_words="english").fit_transform`` on the same sentences plus the cosine
   products over the same row blocks, thresholded (no lemmas, no best-match-per-article
   selection, no table). Cold: the articles' analysed documents are built in the run; warm:
   they are cached (as after any other analysis of the corpus).

Usage: python benchmarks/bench_alignment.py [n_articles]
"""

from __future__ import annotations

import argparse
import sys

import numpy as np
import pandas as pd
from common import ROOT, synthetic_corpus, timed
from sklearn.feature_extraction.text import TfidfVectorizer

import newsframe as nf
from newsframe import alignment

sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "alignment"))
from versions import stories, versions, wire_pages

THRESHOLDS = np.round(np.arange(0.15, 0.601, 0.025), 3)


def _best(pairs: pd.DataFrame, source: str, target: str) -> dict[int, int]:
    rows = pairs[(pairs.article_id == source) & (pairs.other_id == target)]
    return dict(zip(rows.sentence_id, rows.other_sentence_id, strict=True))


def curve(*, name_weight: float, number_weight: float) -> pd.DataFrame:
    """Return the validation figures per threshold for one weighting."""
    weights = alignment.sentence_index.__kwdefaults__
    saved = dict(weights)
    weights.update(name_weight=name_weight, number_weight=number_weight)
    try:
        pairs = {}
        everything = []
        for story in stories():
            v = versions(story)
            everything += list(v.values())
            for kind in ("removed", "reordered", "merged", "paraphrase"):
                pairs[story["id"], kind] = alignment.align_sentences(
                    [v["original"], v[kind]], threshold=0.01
                )
        unrelated = alignment.align_sentences(everything, threshold=0.01)
    finally:
        weights.clear()
        weights.update(saved)
    story_of = lambda ids: ids.str.split("-").str[0]  # noqa: E731
    unrelated = unrelated[story_of(unrelated.article_id) != story_of(unrelated.other_id)]
    by_id = {s["id"]: s for s in stories()}
    rows = []
    for t in THRESHOLDS:
        tp = fp = fn = para = para_n = other = other_n = 0
        for (sid, kind), table in pairs.items():
            story, table = by_id[sid], table[table.similarity >= t]
            n = sum(len(p) for p in story["original"])
            forward = _best(table, f"{sid}-original", f"{sid}-{kind}")
            if kind == "removed":
                found, truth = set(range(n)) - set(forward), set(story["removed"])
                tp, fp, fn = (
                    tp + len(found & truth),
                    fp + len(found - truth),
                    fn + len(truth - found),
                )
            elif kind == "paraphrase":
                back = _best(table, f"{sid}-paraphrase", f"{sid}-original")
                para += sum(forward.get(i) == i for i in range(n))
                para += sum(back.get(i) == i for i in range(n))
                para_n += 2 * n
            else:
                other, other_n = other + len(forward), other_n + n
        rows.append((t, tp / max(tp + fn, 1), tp / max(tp + fp, 1), para / para_n,
                     other / other_n, int((unrelated.similarity >= t).sum())))  # fmt: skip
    columns = ["threshold", "removed_recall", "removed_precision", "paraphrases_matched",
               "reordered_merged_matched", "unrelated_pairs"]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


def calibration() -> None:
    pd.set_option("display.width", 160)
    for label, nw, numw in [
        ("newsframe weighting", alignment.NAME_WEIGHT, alignment.NUMBER_WEIGHT),
        ("plain TF-IDF over lemmas", 1.0, 1.0),
    ]:
        table = curve(name_weight=nw, number_weight=numw)
        ok = table[(table.removed_recall >= 0.9) & (table.removed_precision >= 0.9)
                   & (table.paraphrases_matched >= 0.8) & (table.unrelated_pairs == 0)]  # fmt: skip
        print(f"\n{label} (names x{nw}, numbers x{numw}):")
        print(table.to_string(index=False, float_format=lambda x: f"{x:.3f}"))
        span = f"{ok.threshold.min():.3f}-{ok.threshold.max():.3f}" if len(ok) else "none"
        print(f"    thresholds meeting every target: {span}; "
              f"DEFAULT_THRESHOLD = {alignment.DEFAULT_THRESHOLD}")  # fmt: skip
    pages = wire_pages()
    dupes = nf.near_duplicates([*pages, *(versions(s)["paraphrase"] for s in stories())])
    print("\nwire copies flagged:", dupes[["article_id", "other_id", "containment", "span_words"]]
          .values.tolist())  # fmt: skip


def fresh(corpus: nf.Corpus) -> nf.Corpus:
    """The same articles without cached analysed documents, so a run pays for the analysis."""
    return nf.Corpus(nf.Article(a.article_id, a.title, a.paragraphs) for a in corpus)


def speed(n_articles: int) -> None:
    corpus = synthetic_corpus(n_articles)
    sentences = nf.sentences_frame(corpus)
    print(f"\n{n_articles:,} articles, {len(sentences):,} sentences")
    owner = sentences.article_id.astype("category").cat.codes.to_numpy()

    def baseline() -> int:
        x = TfidfVectorizer(stop_words="english").fit_transform(sentences.sentence)
        xt, kept = x.T.tocsr(), 0
        for start in range(0, x.shape[0], 1024):
            block = (x[start : start + 1024] @ xt).tocoo()
            keep = (block.data >= alignment.DEFAULT_THRESHOLD) & (
                owner[block.row + start] != owner[block.col]
            )
            kept += int(keep.sum())
        return kept

    t_base, kept = timed("sklearn TfidfVectorizer(stop_words) + blocked cosine", baseline)
    print(f"    {kept:,} sentence pairs of different articles above the threshold")
    t_cold, pairs = timed(
        "newsframe align_sentences, cold (incl. analyse)", lambda: nf.align_sentences(fresh(corpus))
    )
    t_warm, pairs = timed("newsframe align_sentences, warm", lambda: nf.align_sentences(corpus))
    print(f"    {len(pairs):,} rows (best match per other article)")
    print(
        f"    ratio newsframe / baseline: {t_cold / t_base:.2f} cold, {t_warm / t_base:.2f} warm; "
        f"target under 60 s: {'met' if t_cold < 60 else 'MISSED'}"
    )
    timed("newsframe omissions (one row per sentence), warm", lambda: nf.omissions(corpus))
    _, facts = timed(
        "newsframe sentence_facts (facts joined), warm", lambda: nf.sentence_facts(corpus)
    )
    print(f"    {facts.fact_id.nunique():,} facts")
    _, dupes = timed("newsframe near_duplicates (articles)", lambda: nf.near_duplicates(corpus))
    print(f"    {len(dupes):,} article pairs share a source")
    _, paras = timed("newsframe shared_paragraphs", lambda: nf.shared_paragraphs(corpus))
    print(f"    {len(paras):,} paragraph pairs share a source")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "n_articles", nargs="?", type=int, default=1_000, help="articles for the speed part"
    )
    args = parser.parse_args()
    calibration()
    speed(args.n_articles)
