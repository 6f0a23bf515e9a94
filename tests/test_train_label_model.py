"""The story evidence of the label decision (``benchmarks/train_label_model.py --story``) on a
hand-made story of three invented articles, every answer worked out by hand."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from train_label_model import page_items, quoted_key, story_evidence, story_vote

# one story, three outlets: "green corridor" is the story's name for a plan (annotated a label
# on every page); two outlets quote it with no frame (a label by the rules: no verb), the third
# inside the clause "said" reports (kept as speech by the rules); "long overdue" is the mayor's
# words, framed on two pages; the first page's sentence is quoted nowhere else
ARTICLES = {
    "harbourtimes--corridor.txt": (
        'Council backs "green corridor" plan',
        'The council on Monday approved the "green corridor" along the river.',
        '"This will change how people move," said Mayor Ana Ruiz.',
    ),
    "rivergazette--corridor.txt": (
        "River plan approved",
        'Residents cheered the "green corridor" on Monday.',
        'Mayor Ana Ruiz said the plan was "long overdue" for the city.',
    ),
    "valleypost--corridor.txt": (
        "Work on river path to start",
        'Mayor Ana Ruiz said the "green corridor" would open next spring.',
        '"Long overdue," Ruiz said of the plan.',
    ),
}
LABELS = ("green corridor",)
QUOTES = ("This will change how people move,", "long overdue", "Long overdue,")


def _spans(raw: str, wanted: tuple[str, ...]) -> list[dict]:
    """The body spans (marks excluded) of each quoted string of ``wanted``."""
    body = raw.index("\n")
    out = []
    for words in wanted:
        at = raw.find('"' + words, body)
        while at >= 0:
            out.append({"start": at + 1, "end": at + 1 + len(words)})
            at = raw.find('"' + words, at + 1)
    return out


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> list[dict]:
    folder = tmp_path_factory.mktemp("story")
    out = []
    for name, (headline, *paragraphs) in ARTICLES.items():
        raw = headline + "\n\n" + "\n\n".join(paragraphs) + "\n"
        (folder / name).write_text(raw, encoding="utf-8")
        spec = {"file": name, "story": "corridor", "set": "invented",
                "sha256": hashlib.sha256(raw.encode("utf-8")).hexdigest(),
                "quotes": _spans(raw, QUOTES), "labels": _spans(raw, LABELS)}  # fmt: skip
        out.append(page_items(folder / name, spec))
    return out


def test_key_drops_case_accents_and_punctuation():
    assert quoted_key("Long overdue,") == quoted_key("long  overdue") == ("long", "overdue")
    assert quoted_key("\u00abR\u00e9sum\u00e9!\u00bb") == ("resume",)


def test_every_quotation_keeps_its_decision(pages):
    # the headline's quotation, a label (no verb), a quotation a verb frames
    assert pages[0]["quoted"] == [
        (("green", "corridor"), "headline"),
        (("green", "corridor"), "label"),
        (("this", "will", "change", "how", "people", "move"), "framed"),
    ]
    assert [d for _, d in pages[2]["quoted"]] == ["framed", "framed"]


def test_evidence_from_the_other_articles_only(pages):
    found = {(p["page"][:5], i["key"][0]): (e, n) for p, i, e, n in story_evidence(pages)}
    assert found == {
        # the second outlet's label is unframed evidence, the third's framed one; the page's
        # own headline is no evidence
        ("harbo", "green"): ("framed and unframed elsewhere", 1),
        ("harbo", "this"): ("not quoted elsewhere", 0),
        ("river", "green"): ("framed and unframed elsewhere", 1),
        ("river", "long"): ("framed elsewhere only", 0),
        # a label taken for speech here: both other outlets quote it with no frame
        ("valle", "green"): ("unframed elsewhere only", 2),
        ("valle", "long"): ("framed elsewhere only", 0),
    }


def test_story_vote_needs_the_margin(pages):
    # votes on "green corridor": two pages label, one speech; "long overdue": two speech
    flipped = [(p["page"], i["quote"]) for p, i in story_vote(pages, 1)]
    assert flipped == [("valleypost--corridor.txt", "green corridor")]
    assert story_vote(pages, 2) == []  # 2 - 1 falls short of a margin of two
