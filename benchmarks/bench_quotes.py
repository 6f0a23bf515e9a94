"""Quotation attribution on hostile input: time grows linearly with the number of quotation marks.

One paragraph made of a short quoted exchange repeated to 15-120 KB (many quotations, reporting
verbs and pronouns in one paragraph), and a paragraph of nothing but ``"`` marks. Before the
linear-time rewrite, 15 KB took about 10 s and 30 KB about 60 s (growth about cubic); each
doubling should now about double the time. Timings are noisy on a shared machine.

Run: ``PYTHONPATH=src .venv/bin/python benchmarks/bench_quotes.py``
"""

from __future__ import annotations

import argparse
import time

import newsframe as nf
from newsframe import Article

EXCHANGE = (
    '"We are ready," Ana Ruiz said. Tom Baker said "no" and "yes" to the "plan". He added: "Fine." '
)


def _time(fn, article: Article) -> float:
    start = time.perf_counter()
    fn([article])
    return time.perf_counter() - start


def main() -> None:
    nf.attributions([Article("warm", "T", ("Ana Ruiz said so.",))])
    print(f"{'bytes':>8} {'attributions':>13} {'distancing':>11} {'only marks':>11}")
    for size in (15_000, 30_000, 60_000, 120_000):
        text = (EXCHANGE * (size // len(EXCHANGE) + 1))[:size]
        row = [
            _time(nf.attributions, Article(f"a{size}", "T", (text,))),
            _time(nf.distancing_marks, Article(f"d{size}", "T", (text,))),
            _time(nf.attributions, Article(f"q{size}", "T", ('"' * size,))),
        ]
        print(f"{size:>8} " + " ".join(f"{t:>11.2f}s" for t in row))


if __name__ == "__main__":
    argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    ).parse_args()
    main()
