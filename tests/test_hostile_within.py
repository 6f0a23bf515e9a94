"""A hostile sweep of the within-story path: odd inputs through every within-stratum entry point.

Each test is an input that failed (a traceback, a silent wrong number or a silent omission)
before the fix next to it, with its answer worked out by hand: stratum values that are missing
(NaN, None, empty: they formed a stratum of their own), a within column equal to the group
column, per-article tables that are empty or lack a column, numbers that are missing (a NaN
sentence score gave p = 0; a NaN frame rate counted as 0), thousands of one-article strata (one
term count per stratum), and the report's default stratum skipped without a word. Bad input is
ONE error naming the column and the problem; what can run but show nothing is NaN, said.
"""

from __future__ import annotations

import csv
import json
import shutil
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import newsframe.strata as strata_module
from newsframe import Article, Corpus
from newsframe.cli import main
from newsframe.errors import InputError, NewsframeError
from newsframe.report import build_report
from newsframe.stats import mantel_haenszel_log_ratio, stratified_permutation_test
from newsframe.strata import (
    compare_sentiment_within,
    confounding,
    frames_within,
    keyness_within,
    naming_within,
    strata_of,
    voice_within,
)

RAIL = Path(__file__).parent / "fixtures" / "story_rail"
#: x tells s1 twice and s2 once, y s1 once and s2 twice (the module docstrings' design).
BASE = [("x", "s1"), ("x", "s1"), ("y", "s1"), ("x", "s2"), ("y", "s2"), ("y", "s2")]


def _corpus(rows, texts=None):
    texts = texts or ["Court vote tax."] * len(rows)
    return Corpus(Article(f"a{i}", "", (t,), metadata={"group": g, "story": s})
                  for i, ((g, s), t) in enumerate(zip(rows, texts, strict=True)))  # fmt: skip


def _tables(c):
    ids = c.ids
    sentences = pd.DataFrame({"article_id": ids, "compound": [0.4, 0.6, 0.2, 0.0, -0.2, -0.4]})
    voice = pd.DataFrame(
        {"article_id": ids[::2], "speaker": "K", "speaker_name": "K", "attributions": 1}
    )
    naming = pd.DataFrame({"article_id": ids, "concept": "islands", "usage": "", "count": 1,
                           "variant": ["isle", "rock"] * 3, "in_quotes": 0})  # fmt: skip
    frames = pd.DataFrame({"article_id": ids, "scheme": "mfc", "frame": "economic",
                           "label": "Economic", "per_1000": [40.0, 40, 50, 0, 10, 10]})  # fmt: skip
    return {"sentences": sentences, "voice": voice, "naming": naming, "frames": frames}


def _every_entry_point(c, within):
    """Each within-stratum function once, on the tables of ``_tables``."""
    t = _tables(c)
    return {
        "confounding": lambda: confounding(c, within),
        "sentiment": lambda: compare_sentiment_within(t["sentences"], c, within),
        "keyness": lambda: keyness_within(c, within),
        "voice": lambda: voice_within(t["voice"], c, within),
        "naming": lambda: naming_within(t["naming"], c, within),
        "frames": lambda: frames_within(t["frames"], c, within),
    }


# --- stratum values ---------------------------------------------------------------------------


@pytest.mark.parametrize("blank", [float("nan"), None, "", "  "])
def test_a_missing_stratum_value_is_one_error_naming_the_column_and_articles(blank):
    # Before: str(nan) made a stratum "nan" (None: "None", "": ""), compared as a story: with
    # a0 (x) and a2 (y) both blank, the blank "story" was shared and entered every difference.
    rows = [(g, blank if i in (0, 2) else s) for i, (g, s) in enumerate(BASE)]
    c = _corpus(rows)
    for name, call in _every_entry_point(c, "story").items():
        with pytest.raises(InputError) as caught:
            call()
        assert str(caught.value) == (
            "metadata column 'story': 2 of 6 articles have no value: 'a0', 'a2'; give every "
            "article one to compare within 'story'"
        ), name


def test_a_within_column_no_article_has_names_the_fields():
    c = _corpus(BASE)
    with pytest.raises(
        InputError, match=r"'desk': no article has a value \(fields: group, story\)"
    ):
        strata_of(c, "desk")


def test_the_group_column_as_the_stratum_is_one_error():
    # Before: every group was its own stratum, so no stratum held both sides: a table of NaN
    # (keyness: an error that the groups "share no value of 'group'").
    c = _corpus(BASE)
    for name, call in _every_entry_point(c, "group").items():
        with pytest.raises(InputError, match="metadata column 'group': it is the group column"):
            call()
        assert name


def test_boolean_and_numeric_stratum_values_compare_as_their_text():
    # True/False (or 1 and 2.0) are two strata as s1/s2 are: the docstring's answer, -0.3.
    for values in ({"s1": True, "s2": False}, {"s1": 1, "s2": 2.0}):
        c = _corpus([(g, values[s]) for g, s in BASE])
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            r = compare_sentiment_within(_tables(c)["sentences"], c, "story")
        r = r.set_index("statistic").loc["mean_compound"]
        # x - y within s1: (0.4 + 0.6) / 2 - 0.2 = 0.3; within s2: 0 - (-0.2 - 0.4) / 2 = 0.3
        assert r["difference"] == pytest.approx(0.3) and r["strata_shared"] == 2


# --- per-article tables ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "drop", "column"),
    [
        ("frames", "per_1000", "'per_1000'"),
        ("frames", "label", "'label'"),
        ("naming", "concept", "'concept'"),
        ("naming", "count", "'count'"),
    ],
)
def test_a_table_without_its_column_is_one_error_naming_it(table, drop, column):
    # Before: a KeyError traceback ('per_1000', 'count', ...).
    c = _corpus(BASE)
    t = _tables(c)[table].drop(columns=drop)
    call = frames_within if table == "frames" else naming_within
    with pytest.raises(NewsframeError, match=f"{call.__name__}: the table has no column {column}"):
        call(t, c, "story")


def test_naming_narrator_needs_in_quotes():
    c = _corpus(BASE)
    t = _tables(c)["naming"].drop(columns="in_quotes")
    assert len(naming_within(t, c, "story")) == 2  # not needed: every use counts
    with pytest.raises(NewsframeError, match="no column 'in_quotes'"):
        naming_within(t, c, "story", narrator=True)


def test_an_empty_frames_table_is_an_empty_comparison():
    # Before: "ValueError: cannot reshape array of size 0". No frame hit anywhere: no row.
    c = _corpus(BASE)
    empty = _tables(c)["frames"].iloc[:0]
    out = frames_within(empty, c, "story")
    assert len(out) == 0 and {"difference", "p_value", "p_bh", "reversed"} <= set(out.columns)
    assert len(naming_within(_tables(c)["naming"].iloc[:0], c, "story")) == 0
    assert len(voice_within(_tables(c)["voice"].iloc[:0], c, "story")) == 0


def test_a_frame_rate_without_a_number_is_one_error():
    # Before: pivot_table's sum made NaN a 0: x's mean over a0, a1, a3 read (40 + 0 + 0) / 3.
    c = _corpus(BASE)
    f = _tables(c)["frames"].assign(per_1000=[40.0, np.nan, 50, 0, 10, 10])
    with pytest.raises(NewsframeError, match="'per_1000' has no number for article 'a1', frame"):
        frames_within(f, c, "story")


def test_a_sentence_score_without_a_number_is_one_error():
    # Before: the NaN mean gave p = 0.0 for mean_compound (no split is >= NaN, so the exact
    # test counted 0 hits) and share_neutral counted the NaN sentence as neutral.
    c = _corpus(BASE)
    s = _tables(c)["sentences"].assign(compound=[0.4, np.nan, 0.2, 0.0, -0.2, -0.4])
    with pytest.raises(
        NewsframeError, match="'compound' has no number for a sentence of article 'a1'"
    ):
        compare_sentiment_within(s, c, "story")


def test_the_permutation_test_gives_no_p_for_a_missing_value():
    # Before: (nan, 0.0, True, 2). A NaN difference has no place among the splits: NaN.
    diff, p, exact, strata = stratified_permutation_test([1, np.nan, 5], [0, 3, 4],
                                                         ["x", "x", "y"], ["x", "y", "y"])  # fmt: skip
    assert np.isnan(diff) and np.isnan(p) and exact and strata == 2


# --- what runs but shows nothing ------------------------------------------------------------


def test_every_stratum_one_sided_gives_nan_rows_that_say_so():
    c = _corpus([("x", "s1"), ("x", "s1"), ("y", "s2"), ("y", "s2"), ("x", "s1"), ("y", "s2")])
    for name, call in _every_entry_point(c, "story").items():
        if name in ("confounding", "keyness"):
            continue
        with pytest.warns(UserWarning, match="no value of 'story' holds articles of both"):
            out = call()
        assert out["difference"].isna().all() and (out["strata_shared"] == 0).all(), name
        assert set(out["note"]) == {
            "not testable: no value of 'story' holds articles of both sides"
        }, name
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(NewsframeError, match="x and y share no value of 'story'"):
            keyness_within(c, "story")


def test_one_article_a_side_and_no_spread():
    # One article a side in one story: 2 splits, the mirror included: p = 1, floor 2/2 = 1,
    # the interval a point, and a note that says so (before: p = 1 read like "no difference").
    # Equal values everywhere: difference 0, p 1, no effect size.
    c = _corpus([("x", "s1"), ("y", "s1")])
    t = pd.DataFrame({"article_id": ["a0", "a1"], "compound": [0.5, -0.5]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        r = compare_sentiment_within(t, c, "story").set_index("statistic").loc["mean_compound"]
        flat = compare_sentiment_within(t.assign(compound=0.3), c, "story")
    assert (r["difference"], r["p_value"], r["p_floor"]) == (1.0, 1.0, 1.0)
    assert (r["ci_low"], r["ci_high"]) == (1.0, 1.0) and np.isnan(r["effect_size"])
    assert r["note"] == "not testable: no relabelling within 'story' can give p below 1"
    # the shares: x's one article quotes K, y's does not; 2 splits, both |1|: p = floor = 1
    v = pd.DataFrame({"article_id": ["a0"], "speaker": "K", "speaker_name": "K", "attributions": 1})
    row = voice_within(v, c, "story").iloc[0]
    assert (row["difference"], row["p_value"]) == (1.0, 1.0) and row["note"] == r["note"]
    m = flat.set_index("statistic").loc["mean_compound"]
    assert (m["difference"], m["p_value"]) == (0.0, 1.0) and np.isnan(m["effect_size"])


# --- thousands of one-article strata --------------------------------------------------------


def test_keyness_within_thousands_of_strata_counts_the_articles_once(monkeypatch):
    # 1,500 stories, each one x article "Court vote." and one y article "Court fee." (2 words).
    # court: 1 of 2 on each side in every story: ratio 1, log 0. vote: Σ a n_b / T = 1,500 / 2,
    # Σ b n_a / T = 0, replaced by 0.5 × Σ (n_a / T) / 1,500 = 0.25: log2(750 / 0.25) = log2(3,000).
    # Before: count_terms and a reindex per story and side (3,000 of each), a dense
    # stories × terms array per side.
    n = 1500
    rows = [(g, f"story{k}") for k in range(n) for g in ("x", "y")]
    c = _corpus(rows, ["Court vote.", "Court fee."] * n)
    calls = []
    count = strata_module.count_terms
    monkeypatch.setattr(strata_module, "count_terms",
                        lambda *a, **k: calls.append(1) or count(*a, **k))  # fmt: skip
    k = keyness_within(c, "story", ["x", "y"]).set_index("term")
    assert len(calls) == 1
    assert k.loc["court", "log_ratio_within"] == 0.0
    assert k.loc["vote", "log_ratio_within"] == pytest.approx(np.log2(3000))
    assert k.loc["fee", "log_ratio_within"] == pytest.approx(-np.log2(3000))
    assert (k["strata_shared"] == n).all()


def test_mantel_haenszel_takes_sparse_counts_and_gives_the_dense_answer():
    from scipy import sparse

    # the docstring's two strata: ratio 2 (log 1), score 1.96 / 1.98
    dense = mantel_haenszel_log_ratio([[4], [1]], [[2], [2]], [100, 100], [100, 400])
    sparse_in = mantel_haenszel_log_ratio(sparse.csr_matrix([[4.0], [1.0]]),
                                          sparse.csr_matrix([[2.0], [2.0]]), [100, 100],
                                          [100, 400])  # fmt: skip
    assert float(sparse_in[0][0]) == 1.0 and sparse_in[1][0] == dense[1][0]


# --- the report and the command line --------------------------------------------------------


def _text_table(path: Path, rows: list[dict[str, str]]) -> Path:
    texts = ["The minister said the railway will reopen next week after the inspection.",
             "Unions said the railway inspection came too late for the workers.",
             "The company said its wagons were safe and the inspection was routine."]  # fmt: skip
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=["article_id", "text", *rows[0]])
        writer.writeheader()
        for i, row in enumerate(rows):
            writer.writerow({"article_id": f"a{i}", "text": texts[i % 3], **row})
    return path


def test_cli_within_a_column_with_holes_names_the_articles(tmp_path, capsys):
    # Before: "article 'a0' has no such field": one article named, and the field exists.
    rows = [{"group": g, "story": "" if i in (0, 3) else s} for i, (g, s) in enumerate(BASE)]
    (tmp_path / "in").mkdir()
    table = _text_table(tmp_path / "in" / "texts.csv", rows)
    argv = ["report", str(table), "--out", str(tmp_path / "r"), "--within", "story",
            "--compare", "x", "y", "--jobs", "1"]  # fmt: skip
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err == ("newsframe: error: metadata column 'story': 2 of 6 articles have no value: "
                   "'a0', 'a3'; give every article one to compare within 'story'\n")  # fmt: skip
    assert not (tmp_path / "r").exists()


def test_report_says_why_the_default_story_comparison_is_missing(tmp_path):
    # Before: a story column with an empty cell quietly dropped the within-story section.
    folder = tmp_path / "rail"
    shutil.copytree(RAIL / "raw", folder / "raw")
    with (RAIL / "articles.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for i, row in enumerate(rows):
        row["story"] = "" if i == 1 else ("s1", "s2")[i % 2]
    with (folder / "articles.csv").open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    out = tmp_path / "report"
    build_report(folder / "articles.csv", out, story=RAIL / "story.toml", group="group",
                 compare=["vestria", "mardonia"], n_jobs=1)  # fmt: skip
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    expected = (f"The groups are not compared within each story: 1 of {len(rows)} articles have "
                f"no value: '{rows[1]['article_id']}' for the column 'story'")  # fmt: skip
    assert summary["within"]["column"] is None
    assert any(c.startswith(expected) for c in summary["caveats"])
    assert expected.split(":")[0] in (out / "index.html").read_text("utf-8")


def test_a_whole_number_read_as_a_float_is_one_stratum_with_the_integer():
    # metadata built in Python: story 1 (an int) and story 1.0 (a float, as pandas reads a
    # column with a gap) are the same story; 2.5 stays as written
    meta = [("x", 1), ("y", 1.0), ("x", 2.5), ("y", 2.5)]
    c = Corpus(Article(f"a{i}", "", ("t.",), metadata={"group": g, "story": s})
               for i, (g, s) in enumerate(meta))  # fmt: skip
    assert strata_of(c, "story") == {"a0": "1", "a1": "1", "a2": "2.5", "a3": "2.5"}
    assert c.where(story=["1"]).ids == ["a0", "a1"]
