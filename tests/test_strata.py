"""Groups compared within strata (newsframe.strata and its statistics in newsframe.stats).

Every expected value is worked by hand on a few articles, or comes from a reference
implementation written here (brute-force enumeration of the within-stratum splits) or from the
one-stratum special cases the literature fixes (the ordinary permutation test, Hardie's Log
Ratio).
"""

from __future__ import annotations

import csv
import itertools
import json
import shutil
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from newsframe import Article, Corpus, compare_group_sentiment
from newsframe.errors import InputError, NewsframeWarning
from newsframe.report import build_report
from newsframe.stats import (
    article_permutation_test,
    log_ratio,
    mantel_haenszel_log_ratio,
    permutation_floor,
    stratified_bootstrap_difference,
    stratified_floor,
    stratified_permutation_test,
)
from newsframe.strata import compare_sentiment_within, confounding, keyness_within

RAIL = Path(__file__).parent / "fixtures" / "story_rail"


def _corpus(rows, texts=None):
    """Articles a0, a1, … with ``group`` and ``story`` from ``rows`` of (group, story)."""
    texts = texts or ["t."] * len(rows)
    return Corpus(Article(f"a{i}", "", (t,), metadata={"group": g, "story": s})
                  for i, ((g, s), t) in enumerate(zip(rows, texts, strict=True)))  # fmt: skip


# --- the statistics ------------------------------------------------------------------------


def _brute_force(a, b, sa, sb):
    """Reference: every within-stratum relabelling enumerated, the weighted statistic of each."""
    shared = sorted(set(sa) & set(sb))
    cells = [([x for x, s in zip(a, sa, strict=True) if s == k], [y for y, s in zip(b, sb, strict=True) if s == k])
             for k in shared]  # fmt: skip
    weights = [len(x) * len(y) / (len(x) + len(y)) for x, y in cells]
    splits = []
    for x, y in cells:
        pooled = x + y
        splits.append([
            (np.mean([pooled[i] for i in c]),
             np.mean([pooled[i] for i in range(len(pooled)) if i not in c]))
            for c in itertools.combinations(range(len(pooled)), len(x))
        ])  # fmt: skip
    stats = [sum(w * (ma - mb) for w, (ma, mb) in zip(weights, combo, strict=True)) / sum(weights)
             for combo in itertools.product(*splits)]  # fmt: skip
    observed = sum(
        w * (np.mean(x) - np.mean(y)) for w, (x, y) in zip(weights, cells, strict=True)
    ) / sum(weights)
    return observed, sum(abs(s) >= abs(observed) - 1e-12 for s in stats) / len(stats), len(stats)


def test_stratified_permutation_test_matches_brute_force_enumeration():
    a, sa = [0.3, 0.9, 0.4, -0.2, 0.1], ["s1", "s1", "s2", "s2", "s3"]
    b, sb = [0.1, -0.5, 0.0, 0.2, -0.3, 0.6], ["s1", "s2", "s2", "s2", "s3", "s4"]
    observed, p, n = _brute_force(a, b, sa, sb)
    diff, got, exact, strata = stratified_permutation_test(a, b, sa, sb)
    assert exact and strata == 3  # s4 holds only b: left out
    assert n == 3 * 10 * 2  # C(3,2) x C(5,2) x C(2,1) splits
    assert diff == pytest.approx(observed) and got == pytest.approx(p)


def test_one_stratum_is_the_ordinary_permutation_test():
    a, b = [3.0, 4.0, 5.0, 1.0], [0.0, 1.0, 2.0]
    assert stratified_permutation_test(a, b, ["k"] * 4, ["k"] * 3)[:3] == pytest.approx(
        article_permutation_test(a, b)
    )
    assert stratified_floor([(4, 3)]) == pytest.approx(permutation_floor(4, 3))
    assert stratified_floor([(3, 3)]) == pytest.approx(permutation_floor(3, 3))


def test_a_story_difference_does_not_pass_for_a_group_difference():
    # Simpson: x tells mostly the cheerful story s1, y mostly the grim s2; inside each story the
    # two groups agree. Pooled means: x (3 * .5 - .5) / 4 = .25, y (.5 - 3 * .5) / 4 = -.25.
    a, sa = [0.5, 0.5, 0.5, -0.5], ["s1", "s1", "s1", "s2"]
    b, sb = [0.5, -0.5, -0.5, -0.5], ["s1", "s2", "s2", "s2"]
    diff, p, exact, _ = stratified_permutation_test(a, b, sa, sb)
    assert np.mean(a) - np.mean(b) == pytest.approx(0.5)
    assert diff == 0.0 and p == 1.0 and exact
    assert stratified_bootstrap_difference(a, b, sa, sb) == (0.0, 0.0)


def test_random_splits_when_there_are_too_many_and_no_shared_stratum():
    rng = np.random.default_rng(1)
    a, b = rng.normal(1, 1, 12), rng.normal(0, 1, 12)
    sa = sb = ["s1"] * 6 + ["s2"] * 6
    _, p, exact, _ = stratified_permutation_test(a, b, sa, sb, n_resamples=999)
    assert not exact and 1 / 1000 <= p <= 1  # C(12,6)^2 = 853,776 splits: sampled
    assert np.isnan(stratified_permutation_test([1.0], [2.0], ["s1"], ["s2"])[1])
    with pytest.raises(ValueError, match="one stratum per article"):
        stratified_permutation_test([1.0, 2.0], [2.0], ["s1"], ["s1"])


def test_stratified_floor_by_hand():
    assert stratified_floor([(2, 1), (1, 2)]) == pytest.approx(1 / 9)
    assert stratified_floor([(1, 1), (2, 2)]) == pytest.approx(2 / (2 * 6))  # mirror exists
    assert stratified_floor([(1, 1), (2, 1)]) == pytest.approx(1 / 6)  # no mirror in stratum 2


def test_mantel_haenszel_with_one_stratum_is_hardies_log_ratio():
    a, b = np.array([3.0, 4.0, 0.0, 0.0]), np.array([0.0, 2.0, 5.0, 0.0])
    lr, _ = mantel_haenszel_log_ratio(a[None], b[None], [800], [1600])
    assert lr == pytest.approx(log_ratio(a, b, 800, 1600))


def test_mantel_haenszel_weighs_a_word_inside_each_story():
    # "court": s1 has 2 of 100 tokens on a and 2 of 100 on b; s2, told only by b, has 30 of 100.
    # Pooled, b uses it 32/200 against 2/100: log2(0.16 / 0.02) = 3 times toward b.
    # Within stories: s1 alone counts, 2 * 100/200 / (2 * 100/200) = 1: log ratio 0, p = 1.
    lr, p = mantel_haenszel_log_ratio([[2], [0]], [[2], [30]], [100, 0], [100, 100])
    assert float(log_ratio([2], [32], 100, 200)[0]) == pytest.approx(-3.0)
    assert lr[0] == 0.0 and p[0] == pytest.approx(1.0)


# --- the corpus functions ------------------------------------------------------------------


def test_confounding_names_a_group_confined_to_one_story():
    c = _corpus([("x", "s1"), ("x", "s2"), ("y", "s1"), ("y", "s1"), ("z", "s3"), ("z", "s3")])
    t = confounding(c, "story").set_index("group")
    assert t.loc["z", ["strata", "top_stratum", "top_share", "comparable"]].tolist() == [
        1, "s3", 1.0, 0]  # fmt: skip
    assert bool(t.loc["z", "confined"]) and not t.loc[["x", "y"], "confined"].any()
    assert t.loc["x", "comparable"] == 1 and t.loc["y", "comparable"] == 2
    with pytest.raises(InputError, match="'desk'"):
        confounding(c, "desk")


def test_sentiment_within_stories_by_hand():
    c = _corpus([("x", "s1")] * 3 + [("x", "s2"), ("y", "s1")] + [("y", "s2")] * 3)
    t = pd.DataFrame(
        {"article_id": c.ids, "compound": [0.5, 0.5, 0.5, -0.5, 0.5, -0.5, -0.5, -0.5]}
    )
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        r = compare_sentiment_within(t, c, "story").set_index("statistic")
    m = r.loc["mean_compound"]
    assert m["difference_pooled"] == pytest.approx(0.5) and m["difference"] == 0.0
    assert m["p_value"] == 1.0 and m["strata_shared"] == 2 and (m["n_a"], m["n_b"]) == (4, 4)
    assert m["p_floor"] == pytest.approx(1 / 16)  # C(4,3) x C(4,1) splits, no mirror
    assert any("cannot fall below" in str(w.message) or "no p-value" in str(w.message)
               for w in said)  # fmt: skip


def test_sentiment_within_says_when_group_and_story_are_confounded():
    c = _corpus([("x", "s1"), ("x", "s1"), ("y", "s2"), ("y", "s2")])
    t = pd.DataFrame({"article_id": c.ids, "compound": [0.5, 0.4, -0.5, -0.4]})
    with pytest.warns(NewsframeWarning, match="confounded"):
        r = compare_sentiment_within(t, c, "story")
    assert r["difference"].isna().all() and (r["strata_shared"] == 0).all()


def test_keyness_within_drops_a_story_only_one_side_tells():
    texts = ["Court vote tax.", "Court fee tax.", "Court vote fee.", "Storm storm storm."]
    c = _corpus([("x", "s1"), ("y", "s1"), ("x", "s2"), ("x", "s3")], texts)
    with pytest.warns(NewsframeWarning, match="2 of 3 and 0 of 1 articles"):
        k = keyness_within(c, "story", ["x", "y"]).set_index("term")
    assert "storm" not in k.index  # told only in s3, which y does not tell
    assert k.loc["court", "log_ratio_within"] == 0.0  # once each in s1
    assert k.loc["vote", "key_for"] == "x" and k.loc["fee", "key_for"] == "y"
    assert (k["n_articles_a"] == 1).all() and (k["strata_shared"] == 1).all()


# --- the report ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def rail_with_stories(tmp_path_factory):
    """The rail fixture's twelve articles with a made-up story column: lindovia's outlets tell
    only story s3, which no other group tells."""
    folder = tmp_path_factory.mktemp("rail_story")
    shutil.copytree(RAIL / "raw", folder / "raw")
    with (RAIL / "articles.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for i, row in enumerate(rows):
        row["story"] = "s3" if row["group"] == "lindovia" else ("s1", "s2")[i % 2]
    with (folder / "articles.csv").open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    out = tmp_path_factory.mktemp("rail_story_report") / "report"
    build_report(folder / "articles.csv", out, story=RAIL / "story.toml", group="group",
                 compare=["vestria", "mardonia"], n_jobs=1)  # fmt: skip
    return out, json.loads((out / "summary.json").read_text("utf-8"))


def test_report_compares_within_stories_and_names_the_confined_group(rail_with_stories):
    out, summary = rail_with_stories
    within = summary["within"]
    assert within["column"] == "story" and within["confined_groups"] == ["lindovia"]
    # vestria: rows 0-2 -> s1, s2, s1; mardonia: rows 3-5 -> s2, s1, s2: both stories shared
    assert (within["strata_shared"], within["n_a"], within["n_b"]) == (2, 3, 3)
    assert any("lindovia" in c for c in summary["caveats"])
    conf = pd.read_csv(out / "tables" / "confounding__group_by_story.csv")
    assert conf.set_index("group").loc["lindovia", "confined"]
    assert (
        out / "tables" / "sentiment__difference__vestria_vs_mardonia__within_story.csv"
    ).exists()
    assert (out / "tables" / "keyness__vestria_vs_mardonia__within_story.csv").exists()
    assert "Within each story" in (out / "index.html").read_text("utf-8")


def test_report_compares_voice_names_and_frames_within_stories(rail_with_stories):
    out, summary = rail_with_stories
    tables = out / "tables"
    voice = pd.read_csv(tables / "share_of_voice__vestria_vs_mardonia__within_story.csv")
    frames = pd.read_csv(tables / "frame_dimensions__vestria_vs_mardonia__within_story.csv")
    assert (tables / "naming_variants__vestria_vs_mardonia__within_story.csv").exists()
    assert (voice["n_a"] == 3).all() and (voice["n_b"] == 3).all()  # every compared article
    # articles quoting each speaker, counted from the per-article table of the same report
    per_article = pd.read_csv(tables / "share_of_voice.csv")
    sides = pd.read_csv(RAIL / "articles.csv").set_index("article_id")["group"]
    quoted = per_article[per_article["attributions"] > 0].drop_duplicates(["article_id", "speaker"])
    vestria = quoted[quoted["article_id"].map(sides) == "vestria"]["speaker"].value_counts()
    assert voice.set_index("speaker")["articles_a"].to_dict() == {
        k: int(vestria.get(k, 0)) for k in voice["speaker"]
    }
    assert len(frames) and (frames["strata_shared"] == 2).all()
    assert summary["within"]["share_of_voice_within"]["items"] == len(voice)
    assert "Speakers within each story" in (out / "index.html").read_text("utf-8")


def test_compare_group_sentiment_warns_when_the_groups_share_no_story():
    c = _corpus([("x", "s1"), ("x", "s1"), ("y", "s2"), ("y", "s2"), ("y", "s2")])
    t = pd.DataFrame({"article_id": c.ids, "compound": [0.5, 0.4, -0.5, -0.4, -0.3]})
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        compare_group_sentiment(t, c, ["x", "y"])
    assert sum("tell no story in common (s1 against s2)" in str(w.message) for w in said) == 1
    shared = _corpus([("x", "s1"), ("x", "s2"), ("y", "s2"), ("y", "s2"), ("y", "s1")])
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        compare_group_sentiment(t, shared, ["x", "y"])
    assert not any("story" in str(w.message) for w in said)
