"""Quotation attribution measured on real news pages annotated by hand.

The pages themselves are not in this repository (they are other sites' text). Keep them in a
folder outside it, named as in ``benchmarks/eval/quotes.json`` (``<outlet>--<slug>.txt``, the
page text as stored, UTF-8). The JSON holds, per page: its URL, the SHA-256 of the file and, per
quotation, the character span of the quoted words in the raw file (``start``, ``end``: marks
excluded), the speaker as a reader names them, the strings any of which a correct speaker key
contains (``speaker_accept``: "Coleman" for "Chris Coleman", "report" for "the report"), the
reporting verb's lemma (``verb``; ``null`` when no verb introduces the quotation) and other
lemmas accepted for it; newer pages also give the ``story`` and, per quotation, the canonical
``entity`` (one name per person or organisation on the page: "Wang Wenbin" for "the spokesman",
"he" and "Wang"). Scare quotes, titles and terms (``their term "riot"``) are not quotations; on
newer pages they are listed under ``labels`` (their spans only); headlines are left out.

Each page goes through the real pipeline (``load_article``: cleaning, then ``attributions``).
A gold quotation is *found* when a predicted quotation holds at least 60% of its words and the
gold holds at least 30% of the predicted words (among equals, the one whose paragraph holds the
three words before the gold quotation). Then:

- quotation recall: found / annotated (a quotation lost by cleaning counts as not found);
- speaker accuracy: found quotations whose every predicted speaker key (or display name)
  contains one of the accepted strings, over found quotations ("unresolved" is wrong);
- verb accuracy: found quotations with a gold verb whose predicted ``verb_lemma`` (or its first
  word) is the gold verb or an accepted one, over found quotations with a gold verb;
- junk speakers: predicted quotation speakers that match no speaker annotated anywhere on the
  page (a fragment such as "20 and", or a real entity that never speaks there);
- labels as speech: annotated labels that a predicted quotation (direct or partial, found by the
  same overlap rule) of the label's own paragraph holds, over annotated labels (a quotation
  elsewhere that shares the label's words, '"organised riot"' for a later label '"riot"', is
  not that label taken for speech);
- split speakers: per page, annotated entities whose found quotations carry more than one
  predicted speaker key ("Wang Wenbin" and "Wang" as two rows of share of voice), summed, and
  that total in two parts: *true splits*, where every key holds one of the entity's accepted
  strings (one person under two right names: "Wang Wenbin" and "Wang", "Ministry of Foreign
  Affairs" and "the ministry" when both are accepted), and *credit splits*, where a key does
  not (a quotation credited to someone else, already a speaker miss); and across a story: the story's pages analysed together (speakers linked across them), the
  annotated entities whose correctly credited quotations carry more than one key.

The published reference for rule-based quotation extraction on news is the GenderGapTracker
(Asr et al. 2021, 98 hand-annotated articles): quote F1 83.7%, speaker match 86.5%, verb match
92.1%. Their measures are close to these but not the same (their quotations include indirect
speech; a speaker match there compares spans), so read the comparison as a rough guide.

Run: ``PYTHONPATH=src .venv/bin/python benchmarks/eval_quotes.py [PAGES_DIR] [-v] [--set=NAME]
[--labels PATH] [--pages DIR]`` (pages from ``--pages`` or ``PAGES_DIR``, else
``$NEWSFRAME_EVALPAGES`` or ``benchmarks/eval/pages/`` (git-ignored); ``-v`` lists the misses,
the labels counted as speech and each entity split across a story with its speaker keys;
``--set`` keeps the pages of one annotation set, so that a held-out set is run only when meant;
``--labels`` reads another file of the same format, such as a held-out batch kept outside the
repository, instead of ``benchmarks/eval/quotes.json``; ``--splits`` lists each split
entity of a page with its kind and keys; ``--misses`` lists each verb miss and
each quotation not found with the words before it, for classifying them by cause).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import warnings
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

import newsframe as nf

LABELS = Path(__file__).resolve().parent / "eval" / "quotes.json"
REFERENCE = {"quote_f1": 0.837, "speaker_match": 0.865, "verb_match": 0.921}
_WORD = re.compile(r"[^\W_]+")


def _words(text: str) -> list[str]:
    return _WORD.findall(nf.normalise(text).lower())


def _overlap(gold: list[str], pred: list[str]) -> tuple[float, float]:
    common = sum((Counter(gold) & Counter(pred)).values())
    return common / max(len(gold), 1), common / max(len(pred), 1)


def _predicted(article: nf.Article, table: pd.DataFrame | None = None) -> list[dict]:
    """Predicted quotations: one entry per quotation with all its speakers and its verb (from
    ``table``, the article's rows of attributions over a larger corpus, when given)."""
    table = nf.attributions([article]) if table is None else table
    table = table[(table["kind"] != "paraphrase") & (table["part"] != "headline")]
    out: dict[tuple, dict] = {}
    paragraphs = article.clean_paragraphs
    for row in table.itertuples(index=False):
        key = (row.paragraph_id, row.quote)
        context = " ".join(_words(paragraphs[row.paragraph_id]))
        entry = out.setdefault(
            key,
            {
                "words": _words(row.quote),
                "speakers": [],
                "verb": row.verb_lemma,
                "context": context,
            },
        )
        entry["speakers"].append((row.speaker, row.speaker_name))
    return list(out.values())


def _matches(speaker: tuple[str, str], accept: list[str]) -> bool:
    if speaker[0] == "unresolved":
        return False
    keys = (speaker[0].lower(), str(speaker[1]).lower())
    return any(a.lower() in k for a in accept for k in keys)


def _verb_ok(pred: str, gold: str, accept: list[str]) -> bool:
    wanted = {gold, *accept}
    return pred in wanted or pred.split(" ")[0] in wanted


def _best(raw: str, gold: dict, predicted: list[dict], *, here: bool = False) -> dict | None:
    """The predicted quotation that holds the annotated span (see the module docstring); with
    ``here``, only one of the span's own paragraph."""
    words = _words(raw[gold["start"] : gold["end"]])
    before = " ".join(_words(raw[max(gold["start"] - 80, 0) : gold["start"]])[-3:])
    best, score = None, (0.0, False)
    for pred in predicted:
        of_gold, of_pred = _overlap(words, pred["words"])
        rank = (of_gold, before in pred["context"])  # the same words in the same paragraph
        if of_gold >= 0.6 and of_pred >= 0.3 and rank > score and (rank[1] or not here):
            best, score = pred, rank
    return best


def _context(raw: str, start: int, end: int) -> str:
    """The words around an annotated quotation for a reader of the misses (``--misses``): up
    to 100 characters before it, its first 60 in brackets, line breaks as "|"."""
    quote = raw[start:end]
    quote = quote if len(quote) <= 60 else quote[:60] + "..."
    return (raw[max(start - 100, 0) : start] + "[" + quote + "]").replace("\n", " | ")


def _splits(rows: list[dict]) -> list[dict]:
    """Entities of one page whose found quotations carry more than one predicted speaker key,
    each as ``{"entity", "keys", "kind"}``: ``kind`` is ``"true"`` when every key (or its
    display name) holds one of the entity's accepted strings (those of all its quotations on
    the page: one person under two right names), else ``"credit"`` (a key names someone else,
    a speaker miss already counted)."""
    keys: dict[str, dict[str, str]] = {}
    accept: dict[str, set[str]] = {}
    for r in rows:
        if "found" not in r:
            continue
        accept.setdefault(r["entity"], set()).update(r.get("accept", []))
        if r["found"]:
            mine = keys.setdefault(r["entity"], {})
            mine.update((k, n) for k, n in r.get("speakers", []) if k != "unresolved")
    out = []
    for entity, mine in sorted(keys.items()):
        if len(mine) > 1:
            wanted = sorted(accept[entity])
            true = all(_matches(s, wanted) for s in mine.items())
            out.append(
                {"entity": entity, "keys": sorted(mine), "kind": "true" if true else "credit"}
            )
    return out


def _public(row: dict) -> dict:
    """A quotation's row without the lists kept for :func:`_splits` (speakers, accepted)."""
    return {k: v for k, v in row.items() if k not in ("speakers", "accept")}


def _load(path: Path) -> nf.Article:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return nf.load_article(path)


def _story_splits(pages: list[tuple[Path, dict]]) -> dict[str, dict[str, list[str]]]:
    """Per story, the annotated entities whose correctly credited quotations carry more than
    one speaker key once the story's pages are analysed together (the speakers linked across
    them: "S. Jaishankar" in one article and "Jaishankar" in another are one key), each with
    its keys."""
    stories: dict[str, list[tuple[Path, dict]]] = {}
    for path, page in pages:
        if page.get("story"):
            stories.setdefault(page["story"], []).append((path, page))
    out = {}
    for story, members in sorted(stories.items()):
        articles = [_load(path) for path, _ in members]
        predicted = _predicted_corpus(articles)
        keys: dict[str, set[str]] = {}
        for (path, page), article in zip(members, articles, strict=True):
            raw = path.read_bytes().decode("utf-8")
            for gold in page["quotes"]:
                best = _best(raw, gold, predicted[article.article_id])
                if best is not None and all(
                    _matches(s, gold["speaker_accept"]) for s in best["speakers"]
                ):
                    entity = keys.setdefault(gold.get("entity", gold["speaker"]), set())
                    entity.update(s[0] for s in best["speakers"])
        out[story] = {e: sorted(k) for e, k in sorted(keys.items()) if len(k) > 1}
    return out


def _predicted_corpus(articles: list[nf.Article]) -> dict[str, list[dict]]:
    """:func:`_predicted` for the articles of one story analysed together, by article id."""
    table = nf.attributions(articles)
    out = {}
    for article in articles:
        mine = table[table["article_id"] == article.article_id]
        out[article.article_id] = _predicted(article, mine)
    return out


def _page_rows(path: Path, page: dict) -> tuple[list[dict], list[str]]:
    data = path.read_bytes()
    raw = data.decode("utf-8")
    article = _load(path)
    predicted = _predicted(article)
    accepted = [a for q in page["quotes"] for a in q["speaker_accept"]]
    rows = []
    for gold in page["quotes"]:
        best = _best(raw, gold, predicted)
        row = {"found": best is not None, "speaker_ok": False, "verb_ok": None}
        if best is not None:
            row["speaker_ok"] = all(_matches(s, gold["speaker_accept"]) for s in best["speakers"])
            if gold["verb"] is not None:
                row["verb_ok"] = _verb_ok(best["verb"], gold["verb"], gold["verb_accept"])
            row["predicted_speaker"] = "; ".join(s[0] for s in best["speakers"])
            row["predicted_verb"] = best["verb"]
            row["speakers"] = [(s[0], str(s[1])) for s in best["speakers"]]
        entity = gold.get("entity", gold["speaker"])
        rows.append(
            {"gold_speaker": gold["speaker"], "entity": entity, "gold_verb": gold["verb"], **row,
             "accept": gold["speaker_accept"], "context": _context(raw, gold["start"], gold["end"])}
        )  # fmt: skip
    for label in page.get("labels", []):
        best = _best(raw, label, predicted, here=True)
        rows.append(
            {
                "label": True,
                "as_speech": best is not None,
                "text": raw[label["start"] : label["end"]],
                "predicted_speaker": "; ".join(s[0] for s in best["speakers"]) if best else "",
            }
        )
    junk = sorted(
        {
            s[0]
            for pred in predicted
            for s in pred["speakers"]
            if s[0] != "unresolved" and not _matches(s, accepted)
        }
    )
    return rows, junk


def _summary(group: str, outlet: str, rows: list[dict], bad: list[str], splits: list[dict]) -> dict:
    labels = [r for r in rows if r.get("label")]
    rows = [r for r in rows if not r.get("label")]
    found = [r for r in rows if r["found"]]
    verbs = [r for r in found if r["verb_ok"] is not None]
    return {
        "set": group,
        "outlet": outlet,
        "quotes": len(rows),
        "recall": len(found) / len(rows) if rows else 0.0,
        "speaker_accuracy": sum(r["speaker_ok"] for r in found) / len(found) if found else 0.0,
        "verb_accuracy": sum(r["verb_ok"] for r in verbs) / len(verbs) if verbs else 0.0,
        "labels": len(labels),
        "labels_as_speech": sum(r["as_speech"] for r in labels) / len(labels) if labels else 0.0,
        "split_speakers": len(splits),
        "true_splits": sum(s["kind"] == "true" for s in splits),
        "credit_splits": sum(s["kind"] == "credit" for s in splits),
        "junk_speakers": len(bad),
        "junk": ", ".join(bad),
    }


def present_pages(
    pages_dir: Path, sets: set[str] | None = None, labels: str | Path = LABELS
) -> Iterator[tuple[Path, dict]]:
    """``(path, page)`` for each annotated page of ``labels`` (of ``sets``, when given) whose
    text is in ``pages_dir`` unchanged (same SHA-256); the training scripts read through here."""
    spec = json.loads(Path(labels).read_text(encoding="utf-8"))
    for page in spec["pages"]:
        if sets is not None and page.get("set", "") not in sets:
            continue
        path = pages_dir / page["file"]
        if path.is_file() and hashlib.sha256(path.read_bytes()).hexdigest() == page["sha256"]:
            yield path, page


def report(
    pages_dir: str | Path,
    *,
    labels: str | Path = LABELS,
    only: str | None = None,
    stories: bool = True,
) -> pd.DataFrame:
    """Return one row per annotation set and outlet, a ``total`` row per set and one for
    ``all``: annotated quotations, recall, speaker and verb accuracy, junk speakers.

    Sets: ``development`` (pages the rules were written against) and ``held-out`` (pages
    annotated afterwards, before the rules were run on them). Pages missing or changed
    (SHA-256) are skipped and listed in the ``skipped`` attribute of the table; the per-quotation
    results are in its ``details`` attribute, each entity split on a page in ``splits``
    (set, file, entity, keys, kind: ``true`` or ``credit``), the annotated labels a predicted quotation holds in
    ``labels_as_speech``, and per story the entities split across the
    story's pages analysed together in ``story_splits`` (``stories=False`` skips that pass)."""
    pages_dir = Path(pages_dir)
    spec = json.loads(Path(labels).read_text(encoding="utf-8"))
    groups: dict[tuple[str, str], tuple[list[dict], list[str], list[dict]]] = {}
    skipped, details, kept, labelled, splits = [], [], [], [], []
    for page in spec["pages"]:
        if only is not None and page.get("set", "") != only:
            continue
        path = pages_dir / page["file"]
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != page["sha256"]:
            skipped.append(page["file"])
            continue
        kept.append((path, page))
        rows, bad = _page_rows(path, page)
        key = (page.get("set", ""), page["file"].split("--")[0])
        groups.setdefault(key, ([], [], []))
        groups[key][0].extend(rows)
        groups[key][1].extend(bad)
        mine = _splits(rows)
        groups[key][2].extend(mine)
        splits.extend({"set": key[0], "file": page["file"], **r} for r in mine)
        details.extend(
            {"file": page["file"], "set": key[0], **_public(r)} for r in rows if "found" in r
        )
        speech = [r for r in rows if r.get("label") and r["as_speech"]]
        labelled.extend({"file": page["file"], "set": key[0], **r} for r in speech)
    table = [_summary(*key, *groups[key]) for key in sorted(groups)]
    for name in [*sorted({k[0] for k in groups}), "all"]:
        keys = [k for k in sorted(groups) if name in ("all", k[0])]
        rows = [r for k in keys for r in groups[k][0]]
        bad = [j for k in keys for j in groups[k][1]]
        table.append(_summary(name, "total", rows, bad, [s for k in keys for s in groups[k][2]]))
    out = pd.DataFrame(table)
    out.attrs["skipped"] = skipped
    out.attrs["details"] = pd.DataFrame(details)
    out.attrs["labels_as_speech"] = pd.DataFrame(labelled)
    out.attrs["splits"] = splits
    out.attrs["story_splits"] = _story_splits(kept) if stories else {}
    return out


def _arguments(argv: list[str]) -> argparse.Namespace:
    default = os.environ.get(
        "NEWSFRAME_EVALPAGES", Path(__file__).resolve().parent / "eval" / "pages"
    )
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pages_dir", nargs="?", type=Path, help="folder of the page texts")
    parser.add_argument("--pages", type=Path, help="folder of the page texts (same as PAGES_DIR)")
    parser.add_argument("--labels", type=Path, default=LABELS, help="annotations (JSON)")
    parser.add_argument("--set", dest="only", help="keep the pages of one annotation set")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the misses")
    parser.add_argument(
        "--splits", action="store_true", help="list each split entity of a page with its keys"
    )
    parser.add_argument(
        "--misses",
        action="store_true",
        help="list each verb miss and each quotation not found with the words before it",
    )
    args = parser.parse_args(argv)
    args.pages = Path(args.pages or args.pages_dir or default)
    return args


def _print_misses(details: pd.DataFrame) -> None:
    """Print the verb misses and the quotations not found, one per line with its context (the
    material for classifying them by cause: which clause owns the quotation, which frame was
    missed; docs/evaluation.md)."""
    wrong = details[details["verb_ok"] == False]  # noqa: E712
    lost = details[~details["found"]]
    for title, rows in (("verb misses", wrong), ("quotations not found", lost)):
        print(f"{title}: {len(rows)}")
        for row in rows.itertuples(index=False):
            predicted = getattr(row, "predicted_verb", "")
            print(f"  {row.set} {row.file} gold={row.gold_verb} predicted={predicted!s}: "
                  f"{row.context}")  # fmt: skip


def main(argv: list[str]) -> int:
    args = _arguments(argv[1:])
    table = report(args.pages, labels=args.labels, only=args.only)
    with pd.option_context("display.width", 160, "display.max_colwidth", 60):
        print(table.to_string(index=False, float_format=lambda x: f"{x:.3f}"))
        details = table.attrs["details"]
        if args.verbose and not details.empty:
            print(details[~details["speaker_ok"] | (details["verb_ok"] == False)].to_string())  # noqa: E712
        if args.misses and not details.empty:
            _print_misses(details)
        labelled = table.attrs["labels_as_speech"]
        if args.verbose and not labelled.empty:
            print("labels counted as speech:")
            print(labelled[["set", "file", "text", "predicted_speaker"]].to_string())
    if args.splits:
        print(f"split entities: {len(table.attrs['splits'])}")
        for split in table.attrs["splits"]:
            print(f"  {split['set']} {split['file']} {split['kind']}: {split['entity']} "
                  f"[{' | '.join(split['keys'])}]")  # fmt: skip
    if table.attrs["skipped"]:
        print("skipped (missing or changed):", ", ".join(table.attrs["skipped"]))
    total = table.iloc[-1]
    print(
        f"\nnewsframe (all pages): quotation recall {total.recall:.1%}, speaker accuracy "
        f"{total.speaker_accuracy:.1%}, verb accuracy {total.verb_accuracy:.1%}, "
        f"labels as speech {total.labels_as_speech:.1%} of {total.labels}, "
        f"split speakers {total.split_speakers} ({total.true_splits} true, "
        f"{total.credit_splits} from a credit error), junk speakers {total.junk_speakers}"
    )
    across = table.attrs["story_splits"]
    print(
        f"split across a story's pages analysed together: {sum(map(len, across.values()))} "
        f"entities in {len(across)} stories"
    )
    if args.verbose:
        for story, entities in across.items():
            if entities:
                split = (f"{e} [{' | '.join(k)}]" for e, k in entities.items())
                print(f"  {story}: {'; '.join(split)}")
    print(
        "GenderGapTracker reference (98 articles): quote F1 "
        f"{REFERENCE['quote_f1']:.1%}, speaker match {REFERENCE['speaker_match']:.1%}, "
        f"verb match {REFERENCE['verb_match']:.1%}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
