"""Benchmark: ``newsframe report`` on N synthetic article files against the floor, same run.

Writes N pages with page chrome and a manifest (the same files as ``bench_pipeline.py``), runs
``newsframe report MANIFEST --out DIR --jobs J`` as a child process (wall time and its peak
resident memory), and in the same run the floor of field-standard parts over the same files
(reading them, scikit-learn ``CountVectorizer`` and ``TfidfVectorizer``, VADER on every
sentence over J processes; ``bench_pipeline.run_floor``, run before and after and averaged).
Prints the seconds, the ratio (target: within 3× the floor), peak memory (target: < 2 GB),
the size of ``index.html`` and the CPU seconds of the report and of the floor, worker processes
included (on a machine shared with other work, a steadier comparison than wall time).

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
from bench_pipeline import FLOOR, _cpu, run_floor, write_files


def run_report(manifest: Path, out: Path, jobs: int) -> tuple[float, float, float]:
    """Return (seconds, peak MB of the child, CPU seconds of the child and its workers) for one
    ``newsframe report`` run."""
    cmd = [sys.executable, "-m", "newsframe.cli", "report", str(manifest), "--out", str(out),
           "--jobs", str(jobs)]  # fmt: skip
    cpu = _cpu()
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, peak, _cpu() - cpu


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
            seconds, peak, cpu = run_report(manifest, folder / "report", args.jobs)
            after = run_floor(manifest, args.jobs)
            floor = sum(before[k] + after[k] for k in FLOOR) / 2
            floor_cpu = (before["_cpu"] + after["_cpu"]) / 2
            page = (folder / "report" / "index.html").stat().st_size / 1e6
            print(f"{n:>6} articles: report {seconds:7.1f} s, floor {floor:6.1f} s, "
                  f"ratio {seconds / floor:4.2f}x (target <= 3x), peak {peak:6.0f} MB "
                  f"(target < 2048), index.html {page:.2f} MB; CPU seconds with workers: "
                  f"report {cpu:.1f}, floor {floor_cpu:.1f} ({cpu / floor_cpu:.2f}x)")  # fmt: skip


if __name__ == "__main__":
    main()
