"""Benchmark: cleaning with the line model against the rule cleaner, same pages, same process.

Times ``clean_text`` with ``method="rules"`` (today's cleaner, what ``bench_pipeline.py``'s
``load_clean`` stage spends most of its time in) and ``method="model"`` on the synthetic pages
of ``benchmarks/common.py`` (the same pages ``bench_pipeline.py`` writes) and prints seconds,
milliseconds per page and the ratio (target: within 1.5x). The rule passes run in both; the
model adds its features, one matrix product and the Viterbi decoder, linear in the page.

Usage: python benchmarks/bench_lines.py [--n 1000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys

from common import synthetic_pages, timed

from newsframe.cleaning import clean_text, load_rules
from newsframe.lines import load_line_model


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    pages = synthetic_pages(args.n)
    rules, _ = load_rules(), load_line_model()  # loaded once, outside the timing
    clean_text(pages[0], rules=rules, method="model")  # warm the caches of both paths
    words = sum(len(p.split()) for p in pages)
    print(f"{args.n} synthetic pages, {words:,} words; best of {args.repeat}")
    t_rules, _ = timed("clean_text, rules", lambda: [clean_text(p, rules=rules) for p in pages],
                       repeat=args.repeat)  # fmt: skip
    t_model, _ = timed("clean_text, line model",
                       lambda: [clean_text(p, rules=rules, method="model") for p in pages],
                       repeat=args.repeat)  # fmt: skip
    print(f"rules {1000 * t_rules / args.n:.2f} ms/page, model {1000 * t_model / args.n:.2f} ms/page,"
          f" ratio {t_model / t_rules:.2f}x (target <= 1.5x)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
