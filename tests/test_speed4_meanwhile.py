"""This process's own work done while forked workers run (``map_slices(meanwhile=...)``): once,
here, after the workers forked; ``load_corpus`` reads a story's resources so, with the same
corpus and the same errors."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

import newsframe as nf
from newsframe.errors import InputError
from newsframe.parallel import map_slices, n_workers

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_pipeline import write_files  # noqa: E402 - the benchmark's own synthetic pages

forking = pytest.mark.skipif(n_workers(2, 1000) == 1, reason="no forked worker processes here")
_SEEN: list[int] = []


def _pid_and_seen(items):
    return os.getpid(), len(_SEEN)


@forking
def test_meanwhile_runs_once_here_after_the_workers_fork() -> None:
    _SEEN.clear()
    parts = map_slices(_pid_and_seen, list(range(8)), n_jobs=2, min_items=1,
                       slices_per_worker=2, meanwhile=lambda: _SEEN.append(os.getpid()))  # fmt: skip
    assert [os.getpid()] == _SEEN  # once, in this process
    # four slices on two other processes, none of which saw what meanwhile did
    assert len(parts) == 4 and all(seen == 0 for (_, seen) in parts)
    assert os.getpid() not in {pid for (pid, _) in parts}


def test_meanwhile_in_a_serial_map_runs_after_func() -> None:
    order: list[str] = []
    out = map_slices(lambda items: order.append("func") or sum(items), [1, 2, 3],
                     meanwhile=lambda: order.append("meanwhile"))  # fmt: skip
    assert out == [6] and order == ["func", "meanwhile"]


@forking
def test_an_error_meanwhile_stops_the_workers_and_is_raised() -> None:
    def fail() -> None:
        raise ValueError("meanwhile failed")

    with pytest.raises(ValueError, match="meanwhile failed"):
        map_slices(len, list(range(8)), n_jobs=2, min_items=1, meanwhile=fail)


@forking
def test_story_errors_and_resources_as_before(tmp_path) -> None:
    manifest = write_files(300, tmp_path)  # cleaned on two forked processes (from 256)
    bad = tmp_path / "story.toml"
    bad.write_text("[reporting_verbs]\ngossip = ['whisper']\n", encoding="utf-8")
    for n_jobs in (2, 1):  # an unknown verb class: the story file's error, forked or not
        with pytest.raises(InputError, match="class 'gossip'") as caught:
            nf.load_corpus(manifest, n_jobs=n_jobs, story=bad)
        assert str(bad) in str(caught.value)
    story = nf.load_story(ROOT / "data" / "story.toml")
    corpus = nf.load_corpus(manifest, n_jobs=2, story=story)
    assert corpus.resources is story.resources  # read once, while the cleaning ran
