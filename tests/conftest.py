"""Shared fixtures: the bundled corpus, loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsframe as nf

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / "data" / "articles.csv"
SEED_2016 = "mt-2016-12-13"
SEED_2019 = "mt-2019-01-23"


@pytest.fixture(scope="session")
def seeds() -> nf.Corpus:
    """The two bundled Moscow Times articles."""
    return nf.load_corpus(MANIFEST)
