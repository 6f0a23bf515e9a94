"""Every benchmark script parses its arguments with argparse and answers ``--help``.

A script that read ``sys.argv`` by hand died with a ``ValueError`` traceback on ``--help`` (or on
any word where it wanted a number). Each script here is run in this process with
``--help``: argparse prints the usage and exits 0 before any benchmark starts.
"""

from __future__ import annotations

import contextlib
import io
import runpy
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
#: Scripts (the rest are imported helpers, such as common.py).
SCRIPTS = sorted(
    p.name for p in BENCHMARKS.glob("*.py") if 'if __name__ == "__main__":' in p.read_text("utf-8")
)


def test_the_benchmark_scripts_are_found() -> None:
    # the folder holds a script per benchmark: a glob gone wrong would make the tests below vacuous
    assert {"bench_hostile.py", "fuzz_pipeline.py", "bench_terms.py"} <= set(SCRIPTS)


@pytest.mark.parametrize("name", SCRIPTS)
def test_a_benchmark_script_parses_its_arguments_with_argparse(name: str) -> None:
    assert "argparse.ArgumentParser(" in (BENCHMARKS / name).read_text("utf-8")


@pytest.mark.parametrize("name", SCRIPTS)
def test_a_benchmark_script_answers_help(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    source = (BENCHMARKS / name).read_text("utf-8")
    if "argparse" not in source:  # it would run the benchmark itself, not print its usage
        pytest.fail(f"{name} does not parse its arguments with argparse")
    monkeypatch.setattr(sys, "argv", [name, "--help"])
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit) as exit_:
        runpy.run_path(str(BENCHMARKS / name), run_name="__main__")
    assert exit_.value.code == 0
    assert out.getvalue().startswith(f"usage: {name}")
