"""Time the framing measures on synthetic corpora of growing size (time per article should stay flat).

Each measure runs on a freshly built corpus (nothing analysed yet), so every timing includes
building the analysed documents it needs. Usage::

    PYTHONPATH=src python benchmarks/bench_framing.py [sizes ...] [--only name,name]
    PYTHONPATH=src python benchmarks/bench_framing.py --long [megabytes ...]

``--long`` times the bootstrap intervals of :func:`newsframe.frame_dimensions` (1,000 resamples
of the sentences) on one synthetic article of each size (default 1.2 and 2.4 MB; its document
and hits found first, untimed): CPU seconds, which should double with the size (linear).

Timings on a shared machine are noisy; compare ratios and the trend per article.
"""

from __future__ import annotations

import argparse
import sys
import time

from common import synthetic_corpus

import newsframe as nf

MEASURES = {
    "framing_profile": nf.framing_profile,
    "naming_variants": nf.naming_variants,
    "actor_prominence": nf.actor_prominence,
    "attributions": nf.attributions,
}


def long_intervals(megabytes: list[float]) -> None:
    """Print the CPU seconds of frame_dimensions' intervals on one article of each size."""
    import numpy as np
    from common import synthetic_paragraphs

    from newsframe.document import analyse
    from newsframe.framing.frames import _frames, _hit_counts, _intervals

    frames = _frames(None)
    paragraphs = [p for body in synthetic_paragraphs(6000, seed=1, by_cdf=True) for p in body]
    _intervals([(np.ones((2, 1), dtype=int), np.ones(2, dtype=int))], 10, 0, 0.95)  # warm up
    print(f"{'megabytes':>9s} {'sentences':>9s} {'CPU seconds':>11s}")
    for size in megabytes:
        body, chars = [], 0
        for paragraph in paragraphs:
            if chars > size * 1e6:
                break
            body.append(paragraph)
            chars += len(paragraph) + 2
        doc = analyse(nf.Article("long", "A long article", tuple(body)))
        words = np.bincount(doc.token_sentence[doc.n_headline_tokens :], minlength=doc.n_sentences)
        hits, _ = _hit_counts(doc, frames)
        start = time.process_time()
        _intervals([(hits, words)], 1000, 0, 0.95)
        seconds = time.process_time() - start
        print(f"{size:9.1f} {doc.n_sentences:9d} {seconds:11.2f}", flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=float, default=None)
    parser.add_argument("--only", default=",".join(MEASURES))
    parser.add_argument("--long", action="store_true", help="intervals of one long article")
    args = parser.parse_args(argv)
    if args.long:
        long_intervals(args.sizes or [1.2, 2.4])
        return
    args.sizes = [int(n) for n in args.sizes or [300, 1000, 2000]]
    names = args.only.split(",")
    print(f"{'measure':<20s} {'articles':>8s} {'seconds':>9s} {'ms/article':>11s}")
    for n in args.sizes:
        for name in names:
            corpus = synthetic_corpus(n)
            start = time.perf_counter()
            MEASURES[name](corpus)
            seconds = time.perf_counter() - start
            print(f"{name:<20s} {n:>8d} {seconds:9.2f} {1000 * seconds / n:11.2f}", flush=True)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
