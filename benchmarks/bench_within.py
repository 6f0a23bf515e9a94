"""Time the frames compared within stories: one set of splits for every frame against one per frame.

:func:`newsframe.frames_within` tests every frame of a scheme with the stratified permutation
test and the bootstrap within strata. The per-frame path (the way it ran before: the one-column
:func:`newsframe.stats.stratified_permutation_test` and
:func:`newsframe.stats.stratified_bootstrap_difference` called once per frame, each drawing the
same splits again) is timed against the articles × frames call that draws them once, in the same
process, alternating, on a synthetic design (default 2,000 against 2,000 articles over 20
stories, 15 frames, 9,999 splits, 2,000 bootstrap resamples). Both must give the same p-values
and intervals, bit for bit; the script checks that before it prints. CPU seconds (best of
``--repeats``) and the peak of memory traced by ``tracemalloc`` (a separate, untimed run each).
Usage::

    PYTHONPATH=src python benchmarks/bench_within.py [--articles 2000] [--stories 20]
        [--frames 15] [--repeats 3] [--table]

``--table`` also times the whole :func:`newsframe.frames_within` on a corpus of that design.
Timings on a shared machine are noisy; compare the ratio of the two paths in the same run.
"""

from __future__ import annotations

import argparse
import time
import tracemalloc

import numpy as np
import pandas as pd

import newsframe as nf
from newsframe.stats import stratified_bootstrap_difference, stratified_permutation_test


def design(n_articles: int, n_stories: int, n_frames: int, seed: int = 0):
    """Per-frame values of each side's articles (articles × frames) and each article's story."""
    rng = np.random.default_rng(seed)
    strata = [[f"story{int(s):02d}" for s in rng.integers(0, n_stories, n_articles)]
              for _ in range(2)]  # fmt: skip
    values = []
    for shift in (0.0, 0.5):  # sparse hits per 1,000 words, side b a little higher
        hit = rng.random((n_articles, n_frames)) < 0.3
        values.append(np.where(hit, rng.gamma(2.0, 3.0 + shift, (n_articles, n_frames)), 0.0))
    return values[0], values[1], strata[0], strata[1]


def per_frame(xa, xb, sa, sb):
    """Every frame on its own, as frames_within ran before: the splits drawn again each time."""
    out = []
    for j in range(xa.shape[1]):
        d, p, _, _ = stratified_permutation_test(xa[:, j], xb[:, j], sa, sb)
        low, high = stratified_bootstrap_difference(xa[:, j], xb[:, j], sa, sb)
        out.append((d, p, low, high))
    return np.array(out)


def all_frames(xa, xb, sa, sb):
    """Every frame on one set of splits: the articles × frames calls."""
    d, p, _, _ = stratified_permutation_test(xa, xb, sa, sb)
    low, high = stratified_bootstrap_difference(xa, xb, sa, sb)
    return np.column_stack([d, p, low, high])


def cpu(fn, *args) -> tuple[float, object]:
    start = time.process_time()
    result = fn(*args)
    return time.process_time() - start, result


def peak_mb(fn, *args) -> float:
    tracemalloc.start()
    fn(*args)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6


def table_seconds(xa, xb, sa, sb) -> float:
    """CPU seconds of the whole frames_within on a corpus of this design."""
    ids = [f"a{i}" for i in range(len(xa))] + [f"b{i}" for i in range(len(xb))]
    groups = ["x"] * len(xa) + ["y"] * len(xb)
    corpus = nf.Corpus(nf.Article(i, "", ("t.",), metadata={"group": g, "story": s})
                       for i, g, s in zip(ids, groups, [*sa, *sb], strict=True))  # fmt: skip
    values = np.vstack([xa, xb])
    frames = pd.DataFrame({
        "article_id": np.repeat(ids, values.shape[1]), "scheme": "bench",
        "frame": np.tile([f"f{j:02d}" for j in range(values.shape[1])], len(ids)),
        "label": "", "per_1000": values.ravel()})  # fmt: skip
    return cpu(nf.frames_within, frames, corpus, "story", ["x", "y"])[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=2000, help="articles on each side")
    parser.add_argument("--stories", type=int, default=20)
    parser.add_argument("--frames", type=int, default=15)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--table", action="store_true", help="also time frames_within itself")
    args = parser.parse_args()
    xa, xb, sa, sb = design(args.articles, args.stories, args.frames)
    before, after = [], []
    for _ in range(args.repeats):  # alternating, so load on the machine hits both alike
        t, reference = cpu(per_frame, xa, xb, sa, sb)
        before.append(t)
        t, got = cpu(all_frames, xa, xb, sa, sb)
        after.append(t)
        if not np.array_equal(reference, got, equal_nan=True):
            raise SystemExit("the one-split path differs from the per-frame path")
    mem_before, mem_after = peak_mb(per_frame, xa, xb, sa, sb), peak_mb(all_frames, xa, xb, sa, sb)
    print(f"{args.articles} vs {args.articles} articles, {args.stories} stories, "
          f"{args.frames} frames; identical results: yes")  # fmt: skip
    print(f"{'path':<22s} {'CPU s (best)':>12s} {'peak MB':>8s}")
    print(f"{'per frame (before)':<22s} {min(before):12.2f} {mem_before:8.0f}")
    print(f"{'one set of splits':<22s} {min(after):12.2f} {mem_after:8.0f}")
    print(f"ratio before / after: {min(before) / min(after):.2f}x")
    if args.table:
        print(f"frames_within, whole table: {table_seconds(xa, xb, sa, sb):.2f} CPU s")


if __name__ == "__main__":
    main()
