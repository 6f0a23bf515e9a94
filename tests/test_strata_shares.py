"""Shares of articles (voice, naming) and frame rates compared within strata.

Expected values are worked by hand on a few articles, or come from a reference written here:
every within-stratum relabelling of the articles enumerated with itertools, the hypergeometric
distribution of scipy for one stratum, the Cochran–Mantel–Haenszel statistic from its textbook
formula.
"""

from __future__ import annotations

import itertools
import warnings

import numpy as np
import pandas as pd
import pytest
from scipy.stats import hypergeom

import newsframe.stats as nfstats
from newsframe import Article, Corpus
from newsframe.errors import NewsframeError, NewsframeWarning
from newsframe.stats import (
    chi2_sf1,
    mantel_haenszel_shares,
    stratified_bootstrap_difference,
    stratified_share_interval,
)
from newsframe.strata import frames_within, naming_within, voice_within


def _corpus(rows):
    return Corpus(Article(f"a{i}", "", ("t.",), metadata={"group": g, "story": s})
                  for i, (g, s) in enumerate(rows))  # fmt: skip


def _enumerate(cells):
    """Reference p: every within-stratum relabelling of 0/1 articles, statistic |Σ w (p_a − p_b)|.

    ``cells`` is a list of (side a's 0/1 values, side b's) per stratum."""
    weights = [len(x) * len(y) / (len(x) + len(y)) for x, y in cells]
    per_stratum = []
    for x, y in cells:
        pooled = x + y
        per_stratum.append([
            np.mean([pooled[i] for i in c]) - np.mean([pooled[i] for i in range(len(pooled)) if i not in c])
            for c in itertools.combinations(range(len(pooled)), len(x))
        ])  # fmt: skip
    observed = sum(w * (np.mean(x) - np.mean(y)) for w, (x, y) in zip(weights, cells, strict=True))
    stats = [sum(w * d for w, d in zip(weights, combo, strict=True))
             for combo in itertools.product(*per_stratum)]  # fmt: skip
    p = sum(abs(s) >= abs(observed) - 1e-9 for s in stats) / len(stats)
    floor = min(sum(abs(s) >= abs(t) - 1e-9 for s in stats) / len(stats) for t in stats)
    return observed / sum(weights), p, floor


def _counts(cells):
    return ([[sum(x)] for x, _ in cells], [len(x) for x, _ in cells],
            [[sum(y)] for _, y in cells], [len(y) for _, y in cells])  # fmt: skip


@pytest.mark.parametrize("cells", [
    [([1, 1, 0], [0, 0]), ([1, 0], [1, 0, 0]), ([1], [0, 0])],
    [([1, 0, 0, 0], [1, 1]), ([0, 1], [1, 1, 1])],
    [([1, 1], [0]), ([1], [0, 0])],
    [([0, 0, 1], [1, 1, 0, 1]), ([1, 1, 1], [1, 1]), ([0, 1], [1])],  # a stratum all 1: no say
])  # fmt: skip
def test_exact_test_is_the_permutation_test_within_strata_enumerated(cells):
    diff, p, floor = _enumerate(cells)
    r = mantel_haenszel_shares(*_counts(cells))
    assert bool(r["exact"][0])
    assert r["difference"][0] == pytest.approx(diff)
    assert r["p"][0] == pytest.approx(p)
    assert r["p_floor"][0] == pytest.approx(floor)


def test_one_stratum_is_the_hypergeometric_test():
    # 7 of 10 articles on a use it, 2 of 8 on b: scipy's hypergeometric over 9 users among 18
    r = mantel_haenszel_shares([[7]], [10], [[2]], [8])
    dist = hypergeom(18, 9, 10)
    k = np.arange(1, 10)
    expected = 9 * 10 / 18
    p = dist.pmf(k)[np.abs(k - expected) >= abs(7 - expected) - 1e-9].sum()
    assert r["p"][0] == pytest.approx(p)
    assert r["difference"][0] == pytest.approx(0.7 - 0.25)
    assert r["odds_ratio"][0] == pytest.approx((7 * 6) / (2 * 3))


def test_mantel_haenszel_odds_ratio_and_cmh_by_hand(monkeypatch):
    # stratum 1: a 3 of 5, b 1 of 5; stratum 2: a 2 of 4, b 1 of 6
    a, na, b, nb = [[3], [2]], [5, 4], [[1], [1]], [5, 6]
    # OR_MH = (3·4/10 + 2·5/10) / (1·2/10 + 1·2/10) = 2.2 / 0.4
    # RD_MH = ((3·5 − 1·5)/10 + (2·6 − 1·4)/10) / (25/10 + 24/10) = 1.8 / 4.9
    r = mantel_haenszel_shares(a, na, b, nb)
    assert r["odds_ratio"][0] == pytest.approx(5.5)
    assert r["difference"][0] == pytest.approx(1.8 / 4.9)
    # CMH: S = 5, E = 4·5/10 + 3·4/10 = 3.2, V = 4·5·5·6/(100·9) + 3·4·6·7/(100·9)
    monkeypatch.setattr(nfstats, "_EXACT_WORK", 0)  # force the large-sample form
    r = mantel_haenszel_shares(a, na, b, nb)
    v = 600 / 900 + 504 / 900
    assert not r["exact"][0]
    assert r["p"][0] == pytest.approx(chi2_sf1(np.array([1.8**2 / v]))[0])


def test_items_with_their_own_articles_and_strata_one_side_lacks():
    # item 0 counts 3 and 2 articles in stratum 1, item 1 only 1 and 0 (no say there)
    r = mantel_haenszel_shares([[2, 1], [1, 1]], [[3, 1], [2, 2]], [[0, 0], [1, 0]],
                               [[2, 0], [2, 2]])  # fmt: skip
    assert list(r["strata"]) == [2, 1]
    assert r["difference"][1] == pytest.approx(0.5)  # stratum 2 only: 1/2 − 0
    empty = mantel_haenszel_shares([[1]], [2], [[0]], [0])
    assert np.isnan(empty["difference"][0]) and np.isnan(empty["p"][0])


def test_share_interval_agrees_with_the_bootstrap_of_zero_one_values():
    rng = np.random.default_rng(3)
    xa, xb = (rng.random(120) < 0.6).astype(float), (rng.random(90) < 0.4).astype(float)
    sa, sb = ["s1"] * 70 + ["s2"] * 50, ["s1"] * 30 + ["s2"] * 60
    low, high = stratified_bootstrap_difference(xa, xb, sa, sb, n_resamples=4000)
    cells = [(xa[:70], xb[:30]), (xa[70:], xb[30:])]
    got = stratified_share_interval([[x.sum()] for x, _ in cells], [70, 50],
                                    [[y.sum()] for _, y in cells], [30, 60], n_resamples=4000)  # fmt: skip
    assert got[0][0] == pytest.approx(low, abs=0.02) and got[1][0] == pytest.approx(high, abs=0.02)
    flat = stratified_share_interval([[2], [0]], [2, 1], [[0], [1]], [1, 1])  # no variation
    assert (flat[0][0], flat[1][0]) == pytest.approx((1 / 7, 1 / 7))  # (2/3·1 − 1/2·1) / (7/6)


SIMPSON = [("x", "s1")] * 4 + [("y", "s1"), ("x", "s2")] + [("y", "s2")] * 4


def test_voice_within_reverses_the_pooled_difference():
    # s1: x quotes K in 3 of 4, y in 1 of 1; s2: x 0 of 1, y 1 of 4. L: only in s1, x 2 of 4.
    c = _corpus(SIMPSON)
    v = pd.DataFrame({"article_id": ["a0", "a1", "a2", "a4", "a6", "a0", "a1"],
                      "speaker": ["K"] * 5 + ["L"] * 2, "speaker_name": ["K"] * 5 + ["L"] * 2,
                      "attributions": 1})  # fmt: skip
    t = voice_within(v, c, "story").set_index("speaker")
    assert list(t.index) == ["K", "L"]  # by articles quoting them
    k = t.loc["K"]
    assert k["share_a"] == pytest.approx(0.6) and k["share_b"] == pytest.approx(0.4)
    assert k["difference"] == pytest.approx(-0.25) and bool(k["reversed"])
    assert (k["articles_a"], k["n_a"], k["articles_b"], k["n_b"]) == (3, 5, 2, 5)
    # exact: s1 a_s ∈ {3, 4} (4/5, 1/5), s2 a_s ∈ {0, 1} (4/5, 1/5); S = 3, E = 3.4: every
    # outcome is at least as far, p = 1; the farthest (S = 5) has probability 1/25
    assert k["p_value"] == pytest.approx(1.0) and k["p_floor"] == pytest.approx(0.04)
    # L: s1 2/4 against 0/1 = +1/2 weighted 4/5; s2 0/1 against 0/4 = 0 weighted 4/5
    assert t.loc["L", "difference"] == pytest.approx(0.25)


def test_voice_within_by_speaker_kind_from_the_attributions():
    # one row per attribution; a1 quotes two people: one article quoting a person
    c = _corpus(SIMPSON)
    a = pd.DataFrame({"article_id": ["a0", "a1", "a1", "a4", "a5", "a6"],
                      "speaker_kind": ["person", "person", "person", "document", "person",
                                       "person"]})  # fmt: skip
    t = voice_within(a, c, "story", by="speaker_kind").set_index("speaker_kind")
    assert list(t.index) == ["person", "document"]
    # person: s1 x 2 of 4, y 0 of 1 (w 4/5); s2 x 1 of 1, y 1 of 4 (w 4/5): (1/2 + 3/4) / 2
    assert t.loc["person", "difference"] == pytest.approx(0.625)
    assert (t.loc["person", "articles_a"], t.loc["person", "articles_b"]) == (3, 1)
    with pytest.raises(NewsframeError, match="no column 'outlet_kind'"):
        voice_within(a, c, "story", by="outlet_kind")


def test_naming_within_counts_the_articles_naming_the_concept():
    c = _corpus([("x", "s1"), ("x", "s1"), ("y", "s1"), ("y", "s1"), ("x", "s2"), ("y", "s2")])
    n = pd.DataFrame({
        "article_id": ["a0", "a1", "a1", "a2", "a4", "a5"],
        "concept": "islands", "usage": "",
        "variant": ["isle", "isle", "rock", "rock", "rock", "isle"],
        "count": [2, 1, 1, 3, 1, 1], "in_quotes": [0, 0, 1, 0, 0, 0],
    })  # fmt: skip
    t = naming_within(n, c, "story").set_index("variant")
    # a3 names nothing: s1 has 2 x and 1 y articles naming the islands, s2 1 and 1
    assert (t.loc["isle", "n_a"], t.loc["isle", "n_b"]) == (3, 2)
    # isle: s1 2/2 − 0/1 (w 2/3), s2 0/1 − 1/1 (w 1/2): (2/3 − 1/2) / (7/6) = 1/7
    assert t.loc["isle", "difference"] == pytest.approx(1 / 7)
    assert t.loc["isle", "difference_pooled"] == pytest.approx(2 / 3 - 1 / 2)
    narrator = naming_within(n, c, "story", narrator=True).set_index("variant")
    # a1's "rock" is inside a quotation: in narration x says rock only in s2
    assert narrator.loc["rock", "articles_a"] == 1


def test_frames_within_matches_enumeration_and_fills_missing_rows():
    c = _corpus([("x", "s1"), ("x", "s1"), ("y", "s1"), ("x", "s2"), ("y", "s2"), ("y", "s2")])
    f = pd.DataFrame({"article_id": ["a0", "a1", "a2", "a3", "a4"], "scheme": "sv",
                      "frame": "conflict", "label": "Conflict", "per_1000": [4.0, 2, 1, 5, 3]})  # fmt: skip
    r = frames_within(f, c, "story").iloc[0]  # a5 has no row: 0
    # s1: {4, 2 | 1}: 3 − 1 = 2 (w 2/3); s2: {5 | 3, 0}: 5 − 1.5 = 3.5 (w 2/3)
    assert r["difference"] == pytest.approx(2.75)
    # every within-story split, by hand: 3 in s1 times 3 in s2, equal weights
    s1 = [np.mean(a) - np.mean(b) for a, b in [((4, 2), (1,)), ((4, 1), (2,)), ((2, 1), (4,))]]
    s2 = [np.mean(a) - np.mean(b) for a, b in [((5,), (3, 0)), ((3,), (5, 0)), ((0,), (5, 3))]]
    stats = [abs(u + v) / 2 for u, v in itertools.product(s1, s2)]
    assert r["p_value"] == pytest.approx(sum(s >= 2.75 - 1e-9 for s in stats) / 9)
    assert (r["articles_a"], r["articles_b"]) == (3, 2)


def test_no_shared_story_warns_and_gives_nan():
    c = _corpus([("x", "s1"), ("y", "s2")])
    v = pd.DataFrame({"article_id": ["a0"], "speaker": "K", "speaker_name": "K",
                      "attributions": 1})  # fmt: skip
    with pytest.warns(NewsframeWarning, match="confounded"):
        t = voice_within(v, c, "story")
    assert np.isnan(t.loc[0, "difference"]) and t.loc[0, "difference_pooled"] == 1.0
    assert t.loc[0, "strata_shared"] == 0


def test_tables_are_byte_identical_across_runs():
    rng = np.random.default_rng(0)
    rows = [(g, s) for g, s in zip(rng.choice(["x", "y"], 60), rng.choice(["s1", "s2", "s3"], 60),
                                   strict=True)]  # fmt: skip
    c = _corpus(rows)
    v = pd.DataFrame({"article_id": [f"a{i}" for i in range(60) if rng.random() < 0.5],
                      "speaker": "K", "speaker_name": "K", "attributions": 1})  # fmt: skip
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NewsframeWarning)
        runs = [voice_within(v, c, "story").to_csv(index=False) for _ in range(2)]
    assert runs[0] == runs[1]
