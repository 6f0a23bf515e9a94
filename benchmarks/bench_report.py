"""Benchmark: ``newsframe report`` on N synthetic article files against the floor, same run.

Writes N pages with page chrome and a manifest (the same files as ``bench_pipeline.py``), runs
``newsframe report MANIFEST --out DIR --jobs J`` as a child process (wall time and its peak
resident memory), and in the same run the floor of field-standard parts over the same files
(reading them, scikit-learn ``CountVectorizer`` and ``TfidfVectorizer``, VADER on every
sentence over J processes; ``bench_pipeline.run_floor``, run before and after and averaged).
Prints the seconds, the ratio (target: within 3× the floor), peak memory (target: < 2 GB) and
the size of ``index.html``.

Usage: python benchmarks/bench_report.py [--sizes 1000,10000] [--jobs 2] [--keep DIR]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_pipeline import FLOOR, run_floor, write_files


def run_report(manifest: Path, out: Path, jobs: int) -> tuple[float, float]:
    """Return (seconds, peak MB of the child) for one ``newsframe report`` run."""
    cmd = [sys.executable, "-m", "newsframe.cli", "report", str(manifest), "--out", str(out),
           "--jobs", str(jobs)]  # fmt: skip
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    seconds = time.perf_counter() - start
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", default=None)
    args = parser.parse_args()
    for n in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory(dir=args.keep) as tmp:
            folder = Path(tmp)
            manifest = write_files(n, folder / "corpus")
            before = run_floor(manifest, args.jobs)
            seconds, peak = run_report(manifest, folder / "report", args.jobs)
            after = run_floor(manifest, args.jobs)
            floor = sum(before[k] + after[k] for k in FLOOR) / 2
            page = (folder / "report" / "index.html").stat().st_size / 1e6
            print(f"{n:>6} articles: report {seconds:7.1f} s, floor {floor:6.1f} s, "
                  f"ratio {seconds / floor:4.1f}x (target <= 3x), peak {peak:6.0f} MB "
                  f"(target < 2048), index.html {page:.2f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
