"""Actors found without a story file, measured against the main actors a reader listed.

Per annotated story (``benchmarks/eval/actors.json``; the pages are those of
``benchmarks/eval/quotes.json`` with that ``story``, kept outside the repository as for
``eval_quotes.py``), :func:`newsframe.discover_actors` ranks ``top_n`` actors (default 10) on the
story's pages with no story file, its candidates ranked by the actor model (``--ranking
rules``: by the rules' score and cut; ``train_actor_model.py``). Then:

- found: main actors that one discovered actor names (its name or an alias holds an accepted
  string), over the main actors listed;
- junk: discovered actors that name no main actor and no annotated speaker of the story (a
  fragment such as "Party" or "Inc", a newspaper, a country with an adjective taken for a
  person).

A last line sums them over the stories, with the stories that meet the target (80% of their
main actors found, at most 1 junk actor).

``--misses`` lists every missed main actor of the rules' list (``--ranking model``: of the
model's list) with its cause (a candidate below the cut -- with the model, one it could list
but finds unlikely, or one named once and never quoted that it never lists --, one the rules of
who can be an actor reject, a name in the text that no entity holds -- with the model, sorted
into countries, acronyms and other names --, a name in no stored page) and every junk actor
with its cause (:data:`JUNK_CAUSES`: a country, a place, an outlet, a part of a main actor's
name, named in one article, never speaking nor acting, common words, or a real person or body
the reader did not list).

``--cut-study`` studies how many actors the rules list instead: every setting of the minimum score (1
to 8), the cap (6 to 14) and the titled people named once (taken or not) on the ranked
candidates of each story, the shipped one (score 2, 10, taken) beside the best on all stories,
then each story and each annotation set left out in turn (the setting tuned on the others,
measured on it), summed: main actors found, junk, stories meeting the target.

Run: ``PYTHONPATH=src .venv/bin/python benchmarks/eval_actors.py [PAGES_DIR] [--set=NAME]
[--labels PATH] [--actors PATH] [--pages DIR] [--cut-study]`` (``--labels`` and ``--actors`` read other files of
the same formats, such as a held-out batch kept outside the repository).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import warnings
from pathlib import Path

import pandas as pd
from wordfreq import zipf_frequency

import newsframe as nf
from newsframe import discovery
from newsframe.entities import gazetteer

HERE = Path(__file__).resolve().parent / "eval"


def _names(actor: nf.Actor) -> list[str]:
    return [actor.name.lower(), *(a.lower() for a in actor.aliases)]


def _stories(pages_dir, *, only, labels, actors):
    """(story, set, articles, main actors, wanted strings) of each annotated story with pages."""
    spec = json.loads(Path(actors).read_text(encoding="utf-8"))["stories"]
    pages = json.loads(Path(labels).read_text(encoding="utf-8"))["pages"]
    for story, main in spec.items():
        mine = [p for p in pages if p.get("story") == story and only in (None, p.get("set"))]
        articles, speakers = [], []
        for page in mine:
            path = Path(pages_dir) / page["file"]
            if (
                not path.is_file()
                or hashlib.sha256(path.read_bytes()).hexdigest() != page["sha256"]
            ):
                continue
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                articles.append(nf.load_article(path))
            speakers += [a.lower() for q in page["quotes"] for a in q["speaker_accept"]]
        if articles:
            wanted = [a.lower() for m in main for a in m["accept"]] + speakers
            yield story, mine[0].get("set"), articles, main, wanted


def report(
    pages_dir: str | Path,
    *,
    only: str | None = None,
    top_n: int = 10,
    labels: str | Path = HERE / "quotes.json",
    actors: str | Path = HERE / "actors.json",
    ranking: str = "model",
) -> pd.DataFrame:
    """One row per story: pages, main actors, found, junk and the junk names, with the
    candidates ranked by ``ranking`` ("model" or "rules": :func:`newsframe.discover_actors`)."""
    rows = []
    for story, name, articles, main, wanted in _stories(
        pages_dir, only=only, labels=labels, actors=actors
    ):
        found = nf.discover_actors(articles, top_n=top_n, min_mentions=1, ranking=ranking)
        hit = [
            m
            for m in main
            if any(a.lower() in n for a in m["accept"] for x in found for n in _names(x))
        ]
        junk = [x.name for x in found if not any(w in n for w in wanted for n in _names(x))]
        rows.append({"set": name, "story": story, "pages": len(articles),
                     "main_actors": len(main), "found": len(hit), "junk": len(junk),
                     "junk_names": ", ".join(junk), "discovered": ", ".join(x.name for x in found)})  # fmt: skip
    return pd.DataFrame(rows)


#: The settings of the cut the study tries: (minimum score, cap, titled people named once).
CUTS = [(m, n, t) for m in (1, 2, 3, 4, 5, 6, 8) for n in (6, 8, 9, 10, 11, 12, 14) for t in (1, 0)]
SHIPPED = (discovery.MIN_SCORE, 10, 1)


def _outcome(ranked: list, main: list, wanted: list[str], cut: tuple) -> tuple[int, int, int]:
    """(main actors found, junk, 1 if the story meets the target) of one story's ranked
    candidates ``(score, titled, names)`` listed with ``cut``."""
    least, cap, titled = cut
    chosen = [x for x in ranked if x[0] >= least] + [x for x in ranked if x[0] < least and titled and x[1]]  # fmt: skip
    names = [n for x in chosen[:cap] for n in x[2]]
    found = sum(any(a.lower() in n for a in m["accept"] for n in names) for m in main)
    junk = sum(not any(w in n for w in wanted for n in x[2]) for x in chosen[:cap])
    return found, junk, int(found >= 0.8 * len(main) and junk <= 1)


def cut_study(batches: list[tuple[Path, Path, Path]], *, only: str | None = None) -> list[str]:
    """Lines of the study of the cut (module docstring) over ``batches`` of (pages folder,
    labels, main actors): shipped, best on all stories, each story and each set left out."""
    table = {}  # (story, set) -> {cut: (found, junk, meets)}
    found_stories = (
        x for pages, labels, actors in batches
        for x in _stories(pages, only=only, labels=labels, actors=actors)
    )  # fmt: skip
    for story, name, articles, main, wanted in found_stories:
        resources = nf.default_resources()
        candidates = discovery._candidates(articles, resources, min_mentions=1)
        ranked = [(s, t, [c.name.lower(), *(a.lower() for a in al)]) for s, t, c, al in discovery._ranked(candidates, resources)]  # fmt: skip
        table[story, name] = {cut: _outcome(ranked, main, wanted, cut) for cut in CUTS}

    def total(cut, keys):
        return tuple(sum(table[k][cut][i] for k in keys) for i in range(3))

    def best(keys):  # most stories meeting the target, then found minus junk; ties: shipped
        return max(CUTS, key=lambda c: (total(c, keys)[2], total(c, keys)[0] - total(c, keys)[1], c == SHIPPED))  # fmt: skip

    keys = list(table)
    lines = [f"shipped {SHIPPED}: found, junk, stories meeting the target {total(SHIPPED, keys)}"]
    lines.append(f"best on all {len(keys)} stories {best(keys)}: {total(best(keys), keys)}")
    for label, group in (("story", lambda k: k), ("set", lambda k: k[1])):
        out, picks = [0, 0, 0], []
        for g in sorted({group(k) for k in keys}):
            cut = best([k for k in keys if group(k) != g])
            picks.append(cut)
            for k in (k for k in keys if group(k) == g):
                out = [a + b for a, b in zip(out, table[k][cut], strict=True)]
        common = max(set(picks), key=picks.count)
        lines.append(f"each {label} left out: {tuple(out)}; setting {common} in {picks.count(common)} of {len(picks)}")  # fmt: skip
    return lines


#: The causes of a missed main actor, in the order they are tested (:func:`misses`); a string
#: in the text that no candidate holds is sorted by its kind: a country, capital or demonym of
#: the gazetteer, a name in capitals, or any other name.
MISS_CAUSES = (
    "a candidate below the cut",
    "rejected by who-can-be-an-actor",
    "in the text, no candidate (layer)",
    "not in the stored page text",
    "listable, below the model's threshold",
    "kept, named once and never quoted (never listable)",
)
#: The causes of a junk actor, in the order they are tested (:func:`junk_cause`).
JUNK_CAUSES = (
    "a country the reader did not list",
    "a place",
    "a news outlet (named mostly as one)",
    "a part or another name of a main actor (shares a name word)",
    "named in one article only",
    "never speaks nor acts (a title, product, event or programme)",
    "common words only (a generic name or a fragment)",
    "a person or body that acts, not listed",
)
NO_CANDIDATE = {"country": "no candidate: a country, capital or demonym",
                "acronym": "no candidate: an acronym", "other": "no candidate: another name"}  # fmt: skip


def _model_list(pool: list, articles: list) -> tuple[set[int], set[int]]:
    """ids of the candidates of ``pool`` that the shipped actor model lists (as
    :func:`newsframe.discover_actors` does, at most 10: ``discovery._model_choice``) and of
    those it could list."""
    model = discovery.load_actor_model()
    chosen, able = discovery._model_choice(pool, nf.default_resources(), articles, model, 10)
    return {id(c) for c, _ in chosen}, able


def _no_candidate(main: dict, text: str) -> str:
    """The kind of a main actor whose accepted strings stand in ``text`` but in no candidate."""
    places = gazetteer()
    if any(a in places for a in main["accept"]):
        return NO_CANDIDATE["country"]
    if any(a.isupper() and len(a) > 1 and a.lower() in text for a in main["accept"]):
        return NO_CANDIDATE["acronym"]
    return NO_CANDIDATE["other"]


def misses(
    batches: list[tuple[Path, Path, Path]], *, only: str | None = None, ranking: str = "rules"
) -> pd.DataFrame:
    """One row per missed main actor and per junk actor of the list (``ranking``: the rules'
    or the shipped model's) of every story of ``batches`` (pages folder, labels, main actors):
    for a miss, its cause (:data:`MISS_CAUSES`: a candidate the rules rank below the cut, or
    with the model one it could list but finds unlikely or one it never lists, scoring under
    ``MIN_SCORE``; an entity of the pool the rules reject, a string the reader accepted that is
    in the pages' clean text but in no entity's names, by kind (:data:`NO_CANDIDATE`), or in
    no page at all); for a junk actor, its cause (:func:`junk_cause`)."""
    rows = []
    for pages, labels, actors in batches:
        for story, name, articles, main, wanted in _stories(pages, only=only, labels=labels, actors=actors):  # fmt: skip
            resources = nf.default_resources()
            pool = discovery._pool(articles, resources)
            accepted = [c for c, ok in pool if ok]
            ranked = discovery._ranked(accepted, resources)
            chosen = {id(c) for c, _ in discovery._rule_list(ranked, 10)}
            able: set[int] = set()
            if ranking == "model":
                chosen, able = _model_list(pool, articles)
            aliases = {id(c): al for _, _, c, al in ranked}
            names = {
                id(c): [x.lower() for x in aliases.get(id(c)) or (c.name, *c.forms)]
                for c, _ in pool
            }
            text = " ".join(
                " ".join((a.clean_title, *a.clean_paragraphs)) for a in articles
            ).lower()

            listed = [c for c, _ in pool if id(c) in chosen]
            for m in main:
                if _named(m, listed, names):
                    continue
                if ranking == "model" and _named(m, [c for c, _ in pool if id(c) in able], names):  # fmt: skip
                    cause = MISS_CAUSES[4]
                elif ranking == "model" and _named(m, accepted, names):
                    cause = MISS_CAUSES[5]
                elif _named(m, accepted, names):
                    cause = MISS_CAUSES[0]
                elif _named(m, [c for c, ok in pool if not ok], names):
                    cause = MISS_CAUSES[1]
                elif any(a.lower() in text for a in m["accept"]):
                    cause = _no_candidate(m, text) if ranking == "model" else MISS_CAUSES[2]
                else:
                    cause = MISS_CAUSES[3]
                rows.append({"set": name, "story": story, "what": "miss", "cause": cause, "name": m["name"]})  # fmt: skip
            for c in listed:
                if not any(w in n for w in wanted for n in names[id(c)]):
                    why = junk_cause(c, main)
                    rows.append({"set": name, "story": story, "what": "junk", "cause": why, "name": c.name})  # fmt: skip
    return pd.DataFrame(rows, columns=["set", "story", "what", "cause", "name"])


def junk_cause(c, main: list[dict]) -> str:
    """The cause of junk actor ``c`` (a candidate of ``discovery._pool``) of a story whose main
    actors are ``main``: the first of :data:`JUNK_CAUSES` that holds, read from its kind, its
    counts and its name's words (a name word of three letters or more that a reader's accepted
    string holds; every word a common English word, Zipf 4.5 or more)."""
    mentions, speaker, acts, _, _, outlet = c.counts
    words = {w.lower() for w in c.name.split() if len(w) > 2}
    accepted = {w.lower() for m in main for a in m["accept"] for w in a.split() if len(w) > 2}
    tests = (
        c.kind == "country",
        c.kind == "place",
        outlet >= 0.5 * max(mentions, 1),
        bool(words & accepted),
        len(c.articles) == 1,
        speaker == 0 and acts == 0,
        all(zipf_frequency(w.lower(), "en") >= discovery._COMMON for w in c.name.split()),
    )
    return next((why for why, ok in zip(JUNK_CAUSES, tests, strict=False) if ok), JUNK_CAUSES[-1])


def _named(main: dict, candidates: list, names: dict) -> bool:
    """True if one of ``candidates`` (``names``: their lowercase names by id) names ``main``."""
    return any(a.lower() in n for a in main["accept"] for c in candidates for n in names[id(c)])


def main(argv: list[str]) -> int:
    default = os.environ.get("NEWSFRAME_EVALPAGES", HERE / "pages")
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pages_dir", nargs="?", type=Path, help="folder of the page texts")
    parser.add_argument("--pages", type=Path, help="folder of the page texts (same as PAGES_DIR)")
    parser.add_argument("--labels", type=Path, default=HERE / "quotes.json", help="pages (JSON)")
    parser.add_argument("--actors", type=Path, default=HERE / "actors.json", help="main actors")
    parser.add_argument("--set", dest="only", help="keep the pages of one annotation set")
    parser.add_argument("--cut-study", action="store_true", help="study how many actors to list")
    parser.add_argument("--misses", action="store_true", help="misses by cause, junk by kind")
    parser.add_argument("--ranking", choices=("model", "rules"), default="model",
                        help="rank the candidates by the actor model (default) or the rules")  # fmt: skip
    parser.add_argument("--batch", nargs=3, action="append", type=Path, default=[],
                        metavar=("PAGES", "LABELS", "ACTORS"),
                        help="with --cut-study: one more annotated batch (repeat)")  # fmt: skip
    args = parser.parse_args(argv[1:])
    pages = Path(args.pages or args.pages_dir or default)
    batches = [(pages, args.labels, args.actors), *(tuple(b) for b in args.batch)]
    if args.misses:
        found = misses(batches, only=args.only, ranking=args.ranking)
        with pd.option_context("display.width", 200, "display.max_rows", 1000):
            print(found.to_string(index=False))
            print(
                found.pivot_table(
                    index=["what", "cause"], columns="set", aggfunc="size", fill_value=0
                )
            )
        return 0
    if args.cut_study:
        print("\n".join(cut_study(batches, only=args.only)))
        return 0
    table = report(pages, only=args.only, labels=args.labels, actors=args.actors, ranking=args.ranking)  # fmt: skip
    with pd.option_context("display.width", 200, "display.max_colwidth", 120):
        print(table.to_string(index=False))
    if not table.empty:
        target = ((table["found"] >= 0.8 * table["main_actors"]) & (table["junk"] <= 1)).sum()
        print(
            f"\nall stories: main actors found {table['found'].sum()}/"
            f"{table['main_actors'].sum()}, junk {table['junk'].sum()}; stories with 80% of "
            f"their main actors found and at most 1 junk: {target}/{len(table)}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
