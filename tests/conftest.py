"""Shared fixtures: the bundled corpus, loaded once per session."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import newsframe as nf

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / "data" / "articles.csv"
#: The bundled corpus's story file (Kuril naming, Putin, Abe, ...): the shipped word lists are
#: story-neutral, so tests written about the seeds' story load it.
STORY = ROOT / "data" / "story.toml"
#: The shipped defaults overlaid with the bundled story (``resources=KURIL``).
KURIL = nf.load_story(STORY).resources
SEED_2016 = "mt-2016-12-13"
SEED_2019 = "mt-2019-01-23"

#: Three paragraphs of a hand-written flood story, shared by the line-model tests' pages.
FLOOD_LEDE = (
    "Floodwater cut off four towns in the valley on Sunday after the river burst its banks "
    "overnight, the regional council said."
)
FLOOD_RESCUE = (
    "Rescue crews reached the last stranded families by boat on Monday morning and took them "
    "to shelters in the hills."
)
FLOOD_ROADS = (
    "The council said roads into two of the towns would stay closed until engineers had "
    "checked the bridges."
)


@pytest.fixture(scope="session")
def seeds() -> nf.Corpus:
    """The two bundled Moscow Times articles, loaded with their story file."""
    return nf.load_corpus(MANIFEST, story=STORY)


@contextmanager
def deadline(seconds: float = 10, what: str = "the block") -> Iterator[None]:
    """Fail (not hang) when the block runs longer than ``seconds``: a blocking read of a FIFO,
    or a runaway regex match (the regex engine checks for signals while it backtracks)."""

    def stop(signum, frame):
        raise TimeoutError(f"{what}: still running after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
