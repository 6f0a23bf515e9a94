"""The actor evaluation's causes of a junk actor on hand-made candidates, sorted by eye."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from eval_actors import JUNK_CAUSES, junk_cause

from newsframe.discovery import _Candidate

# a story whose reader listed one person and one ministry
MAIN = [{"name": "Ana Ruiz", "accept": ["Ruiz"]},
        {"name": "Ministry of Water", "accept": ["Ministry of Water", "water ministry"]}]  # fmt: skip


def _candidate(name, kind, counts, articles=("a", "b")):
    # counts: mentions, speaker, acts, located, determined, outlet
    return _Candidate(name, name, kind, counts=list(counts), articles=set(articles))


def test_each_junk_actor_gets_the_first_cause_that_holds():
    cases = [
        (_candidate("Norland", "country", (5, 0, 2, 1, 0, 0)), 0),  # a country, though it acts
        (_candidate("Lake Vorn", "place", (3, 0, 0, 3, 0, 0)), 1),
        (_candidate("Daily Kestrel", "organisation", (4, 0, 0, 0, 1, 3)), 2),  # 3 of 4 credits
        (_candidate("Water Board", "organisation", (2, 1, 1, 0, 0, 0)), 3),  # "water" of MAIN
        (_candidate("Tomas Halvik", "person", (3, 2, 2, 0, 0, 0), ("a",)), 4),  # one article
        (_candidate("Silver Lantern", "person", (4, 0, 0, 0, 0, 0)), 5),  # a show, inert
        (_candidate("Special Committee", "organisation", (2, 0, 1, 0, 2, 0)), 6),
        (_candidate("Petra Lundqvist", "person", (3, 1, 2, 0, 0, 0)), 7),  # acts in two
    ]
    assert [junk_cause(c, MAIN) for c, _ in cases] == [JUNK_CAUSES[k] for _, k in cases]
