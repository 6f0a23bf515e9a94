"""Actors at scale: the entity layer of an article with a story of 10,000 actors.

A story file may list thousands of actors (every member of a parliament, every club of a
league). Each article's entity layer (:meth:`newsframe.Document.entities`) must find the story's
people by their first or last name alone ("Lee" for the actor "Ann Lee"), so it reads an index of
the actors' names. This script builds a synthetic story of ``--actors`` people (names of made-up
syllables, fixed seed; two aliases each) and times the entity layers of ``--articles`` synthetic
articles (benchmarks/common.py) with that story against the same articles with no story actors,
in the same process (the baseline: the layer's cost for the article's own names). It prints
milliseconds per article for each and their ratio (target: the 10,000-actor layer within 1.5x of
the story-less one; before the actor index was shared, each layer copied every actor's names
and cost about 80 ms more).

Timings on a shared machine are noisy: the best of ``--repeat`` runs is kept.

Run: ``PYTHONPATH=src .venv/bin/python benchmarks/bench_actors.py [--actors 10000]``
"""

from __future__ import annotations

import argparse
import random
import time

from common import synthetic_paragraphs

import newsframe as nf
from newsframe.document import analyse

_SYLLABLES = ["ka", "lo", "mi", "ren", "sa", "to", "vel", "dar", "quin", "bo", "ze", "han", "ul",
              "pri", "mos", "te", "nor", "gil", "vas", "pe"]  # fmt: skip


def synthetic_actors(n: int, *, seed: int = 0) -> tuple[nf.Actor, ...]:
    """``n`` person actors with made-up two-word names and a second alias each."""
    rng = random.Random(seed)

    def word() -> str:
        return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

    out = []
    for i in range(n):
        name = f"{word()} {word()}"
        out.append(nf.Actor(f"actor{i}", name, "person", (name, f"{word()} {word()}")))
    return tuple(out)


def _layers(articles: list[nf.Article], resources: nf.Resources) -> float:
    """Seconds to build every article's entity layer (documents analysed beforehand)."""
    docs = [analyse(a, resources=resources) for a in articles]
    start = time.perf_counter()
    for doc in docs:
        doc.entities(resources.actors)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    paragraphs = synthetic_paragraphs(args.articles, words_per_article=500)
    plain = nf.default_resources()
    story = nf.Story(actors=synthetic_actors(args.actors)).resources
    times = {}
    for label, res in (("no story actors", plain), (f"{args.actors:,} actors", story)):
        best = float("inf")
        for r in range(args.repeat):  # fresh articles each run: no layer kept from the last
            articles = [
                nf.Article(f"{label[:2]}{r}-{i}", f"Article {i}", tuple(p))
                for i, p in enumerate(paragraphs)
            ]
            best = min(best, _layers(articles, res))
        times[label] = best
        print(f"{label:<20s} {1000 * best / args.articles:8.2f} ms per article")
    base, big = times.values()
    print(f"ratio (actors / none): {big / base:.2f}x")


if __name__ == "__main__":
    main()
