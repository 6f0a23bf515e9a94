"""Shared fixtures: the bundled corpus, loaded once per session."""

from __future__ import annotations

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


@pytest.fixture(scope="session")
def seeds() -> nf.Corpus:
    """The two bundled Moscow Times articles, loaded with their story file."""
    return nf.load_corpus(MANIFEST, story=STORY)
