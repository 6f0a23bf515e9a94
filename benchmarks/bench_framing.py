"""Time the framing measures on synthetic corpora of growing size (time per article should stay flat).

Each measure runs on a freshly built corpus (nothing analysed yet), so every timing includes
building the analysed documents it needs. Usage::

    PYTHONPATH=src python benchmarks/bench_framing.py [sizes ...] [--only name,name]

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


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=int, default=[300, 1000, 2000])
    parser.add_argument("--only", default=",".join(MEASURES))
    args = parser.parse_args(argv)
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
