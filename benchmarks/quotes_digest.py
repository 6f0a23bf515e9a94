"""Every decision of the attribution stage on folders of pages, written out to compare two versions.

A speed change to attribution or the entity layer must leave every decision as it was. This
writes, for every page of the folders given (each holds ``pages/`` and its ``quotes_*.json``
labels, which are not read: every ``.txt`` page is) and for the synthetic pages of
``benchmarks/common.py`` (loaded with the bundled story file, as ``bench_pipeline.py`` loads
them), one JSON line per article and reading, each a hash of what the reading decides:

- ``layer``: the article's entity layer (:meth:`newsframe.Document.entities`): every entity
  (id, name, kind, role, aliases), every mention and every unresolved name (span, words,
  entity);
- ``links``: the corpus id and display name of every entity of the layer once the folder's
  articles are linked together (:func:`newsframe.linking.corpus_links`);
- ``candidates``: every quotation the speaker model chose for, with its candidates (speakers,
  attribution, feature values, barred) and the one chosen (as the training script sees them);
- ``attributions`` and ``share_of_voice``: the article's rows of both tables, computed for the
  folder's articles together and for the article alone.

Run it on the old code and the new and compare the files (``cmp``); ``--synthetic`` sets how
many synthetic pages (0: none).

    python benchmarks/quotes_digest.py OUT.jsonl DIR [DIR ...] [--synthetic 300]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import shutil
import sys
import tempfile
import warnings
from pathlib import Path

from common import ROOT, synthetic_pages

import newsframe as nf
from newsframe.document import analyse
from newsframe.framing.attribution import _article_rows
from newsframe.framing.speaker_model import speaker_model
from newsframe.framing.speakers import organisation_nouns
from newsframe.linking import corpus_links
from newsframe.resources import resolve_resources


def _hash(value: object) -> str:
    """A hash of ``value``'s repr (dataclasses, tuples, floats: the same repr, the same value)."""
    return hashlib.sha256(repr(value).encode("utf-8")).hexdigest()


def _layer(layer) -> tuple:
    """What an entity layer holds: its entities, mentions and unresolved names, in order."""
    entities = [(k, e.name, e.kind, e.role, e.aliases) for k, e in layer.entities.items()]
    mentions = [(m.paragraph_id, m.start, m.end, m.text, m.entity_id) for m in layer.mentions]
    loose = [(m.paragraph_id, m.start, m.end, m.text, m.entity_id) for m in layer.unresolved]
    return entities, mentions, loose


def _candidates(article, verbs, actors, res) -> list:
    """Every quotation the speaker model chose for: its place, candidates and choice."""
    collect: list = []
    _article_rows(article, verbs, actors, res, model=speaker_model("model"), collect=collect)
    out = []
    for task, candidates, pick in collect:
        cands = [(c.speakers, c.att, list(c.values), c.barred) for c in candidates]
        out.append((task.paragraph_id, task.quote, task.how, task.speakers, task.att, cands, pick))
    return out


def _rows(table, article_id: str) -> list:
    """The rows of one article in a table, as lists."""
    return table[table["article_id"] == article_id].values.tolist()


def digest(name: str, articles: list) -> list[dict]:
    """Every reading of one set of articles, one dict per article and reading."""
    res = resolve_resources(None, articles)
    verbs, actors = res.reporting_verbs, res.actors
    nouns = organisation_nouns(verbs)
    links = corpus_links(articles, resources=res, actors=actors, organisation_nouns=nouns)
    together = nf.attributions(articles, resources=res)
    voice = nf.share_of_voice(articles, resources=res)
    out = []
    for article in articles:
        aid = article.article_id
        layer = analyse(article, resources=res).entities(actors, organisation_nouns=nouns)
        linked = [(k, links(k), links.name(links(k))) for k in layer.entities]
        linked += [(m.entity_id, links(m.entity_id)) for m in layer.unresolved]
        alone = nf.attributions([article], resources=res)
        alone_voice = nf.share_of_voice([article], resources=res)
        readings = {
            "layer": _layer(layer),
            "links": linked,
            "candidates": _candidates(article, verbs, actors, res),
            "attributions": _rows(together, aid),
            "share_of_voice": _rows(voice, aid),
            "attributions alone": alone.values.tolist(),
            "share_of_voice alone": alone_voice.values.tolist(),
        }
        for reading, value in readings.items():
            out.append({"set": name, "page": aid, "reading": reading, "hash": _hash(value)})
    return out


def _folder(folder: Path) -> list:
    """The articles of a folder's pages, in file order (a page cleaned to nothing left out)."""
    articles = []
    for path in sorted((folder / "pages").glob("*.txt")):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                articles.append(nf.load_article(path))
            except nf.NewsframeError:
                continue
    return articles


def _synthetic(n: int) -> list:
    """``n`` synthetic pages loaded with the bundled story file, as the pipeline benchmark does."""
    tmp = Path(tempfile.mkdtemp(prefix="newsframe-qdigest-"))
    try:
        (tmp / "raw").mkdir()
        manifest = tmp / "articles.csv"
        with manifest.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["article_id", "file", "outlet"])
            for i, page in enumerate(synthetic_pages(n)):
                (tmp / "raw" / f"s{i:05d}.txt").write_text(page, encoding="utf-8")
                writer.writerow([f"synthetic-{i:05d}", f"raw/s{i:05d}.txt", f"outlet-{i % 5}"])
        corpus = nf.load_corpus(manifest, story=ROOT / "data" / "story.toml")
        return list(corpus)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("folders", type=Path, nargs="*")
    parser.add_argument("--synthetic", type=int, default=300)
    args = parser.parse_args(argv)
    rows = []
    for folder in args.folders:
        rows += digest(folder.parent.name + "/" + folder.name, _folder(folder))
    if args.synthetic:
        rows += digest("synthetic", _synthetic(args.synthetic))
    with args.out.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    pages = len({(r["set"], r["page"]) for r in rows})
    print(f"{len(rows)} readings of {pages} articles in {len(args.folders)} folders "
          f"(and {args.synthetic} synthetic pages) written to {args.out}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
