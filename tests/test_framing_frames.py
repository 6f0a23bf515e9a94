"""Frame dictionaries on hand-labelled sentences (labels from the MFC and S&V definitions)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import newsframe as nf
from newsframe import Article
from newsframe.framing import Frame

# (sentence, frame it must touch); labelled by hand from the codebook definitions
LABELLED = [
    ("Opinion polls show that the majority of Russian people are opposed to the deal.", "mfc/public_opinion"),
    ("The Japanese and Russian militaries would build closer ties.", "mfc/security_and_defense"),
    ("Putin refused to accept an Akita dog as a gift from the Japanese government.", "sv/human_interest"),
    ("The two countries agreed to expand trade and investment in the region.", "mfc/economic"),
    ("Police detained 11 people outside the embassy.", "mfc/crime_and_punishment"),
    ("The islands are under Russian jurisdiction, and the peace treaty was never signed.", "mfc/legality_constitutionality_jurisprudence"),
    ("Negotiators proposed a compromise solution.", "mfc/policy_prescription_and_evaluation"),
    ("The leaders clashed over the territorial dispute.", "sv/conflict"),
    ("The foreign ministers will meet at the summit in February.", "mfc/external_regulation_and_reputation"),
    ("Islanders complain about hospitals and the quality of life.", "mfc/quality_of_life"),
    ("The tsunami killed dozens and the hospital was overwhelmed.", "mfc/health_and_safety"),
    ("The islands are part of the nation's history and cultural heritage.", "mfc/cultural_identity"),
    ("The ruling party fears the election.", "mfc/political"),
    ("The church called the deal a moral failure.", "sv/morality"),
    ("Tokyo is responsible for finding a solution.", "sv/responsibility"),
    ("Sanctions will cost the economy billions.", "sv/economic_consequences"),
    ("The two countries treat fishermen unequally, a matter of fairness.", "mfc/fairness_and_equality"),
    ("Officials said the port lacks the capacity and resources to cope.", "mfc/capacity_and_resources"),
]  # fmt: skip

# sentences that must NOT touch a frame
NEGATIVE = [
    ("Opinion polls show that the majority of Russian people are opposed.", "sv/human_interest"),
    ("Putin refused to accept an Akita dog as a gift.", "mfc/security_and_defense"),
    ("A planned visit to Japan was announced.", "mfc/policy_prescription_and_evaluation"),
    ("The Japanese and Russian militaries would build closer ties.", "mfc/public_opinion"),
]


@pytest.mark.parametrize(("sentence", "frame"), LABELLED)
def test_hand_labelled_sentences(sentence, frame):
    assert frame in nf.match_frames(sentence)


@pytest.mark.parametrize(("sentence", "frame"), NEGATIVE)
def test_hand_labelled_negatives(sentence, frame):
    assert frame not in nf.match_frames(sentence)


def test_every_mfc_and_sv_frame_is_defined():
    frames = nf.load_frame_dictionaries()
    mfc = {f.frame for f in frames if f.scheme == "mfc"}
    assert len(mfc) == 15 and "other" in mfc
    assert {f.frame for f in frames if f.scheme == "sv"} == {
        "conflict",
        "human_interest",
        "economic_consequences",
        "morality",
        "responsibility",
    }
    assert all(f.definition for f in frames)


def test_per_1000_hits_and_evidence_by_hand():
    # 9 body words; "poll" (1) and "protest" (1) -> public opinion 2 hits = 2000 / 9 per 1,000
    a = Article("a", "Polls", ("The poll was bad. Students protest against the plan.",))
    t = nf.frame_dimensions([a], n_resamples=0).set_index("frame")
    assert t.loc["public_opinion", "hits"] == 2
    assert t.loc["public_opinion", "sentences"] == 2
    assert t.loc["public_opinion", "per_1000"] == pytest.approx(2000 / 9)
    assert t.loc["public_opinion", "headline_hits"] == 1
    assert t.loc["public_opinion", "rank"] == 1
    assert t.loc["other", "hits"] == 0
    ev = nf.frame_evidence([a])
    ev = ev[ev.frame == "public_opinion"]
    assert ev[["part", "sentence_id", "terms"]].values.tolist() == [
        ["headline", -1, "Polls"],
        ["lede", 0, "poll"],
        ["lede", 1, "protest"],
    ]


def test_bootstrap_interval_is_deterministic_and_brackets_estimate():
    a = Article("a", "T", ("The poll was bad.", "Trade grew.", "Nothing here.", "Polls again."))
    one = nf.frame_dimensions([a], n_resamples=500, seed=3)
    two = nf.frame_dimensions([a], n_resamples=500, seed=3)
    assert one.equals(two)
    row = one.set_index("frame").loc["public_opinion"]
    assert row.ci_low <= row.per_1000 <= row.ci_high
    assert not one[["per_1000", "ci_low", "ci_high"]].isna().any().any()


def test_article_without_words_has_zero_rates():
    a = Article("a", "T", ("...",))
    t = nf.frame_dimensions([a])
    assert (t["per_1000"] == 0).all() and (t["ci_high"] == 0).all()


def test_longest_term_wins_and_words_count_once():
    hits = nf.match_frames("Opinion polls and more polls.")["mfc/public_opinion"]
    assert hits == ["Opinion polls", "polls"]


def test_custom_dictionary(tmp_path):
    path = tmp_path / "d.toml"
    path.write_text(
        '[scheme.x]\n[scheme.x.frame.fish]\nlabel = "Fish"\nterms = ["fish*", "crab"]\n'
    )
    frames = nf.load_frame_dictionaries(path)
    a = Article("a", "T", ("Fishermen caught crabs.",))
    t = nf.frame_dimensions([a], frames, n_resamples=0)
    assert t[["scheme", "frame", "hits"]].values.tolist() == [["x", "fish", 2]]


# --- dictionaries on other stories (tests/fixtures/frames_labelled.csv) -----------------------

FIXTURE = Path(__file__).parent / "fixtures" / "frames_labelled.csv"


def _labelled() -> list[tuple[str, str, set[str]]]:
    with FIXTURE.open(encoding="utf-8") as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        return [(r["split"], r["sentence"], {x for x in r["frames"].split(";") if x}) for r in rows]


# The ambiguous readings the issue names, each labelled by hand: (sentence, frame, touches it?)
AMBIGUOUS = [
    ("URGENT: Marava expels four Telosian diplomats in spy row.", "sv/responsibility", False),
    ("The housing minister said the government would act urgently to build 50,000 homes.",
     "sv/responsibility", True),
    ("The dam's turbine hall, a concrete block housing six generators, was inspected.",
     "mfc/quality_of_life", False),
    ("Villagers displaced by the reservoir were promised new housing.", "mfc/quality_of_life", True),
    ("Marava's ruling party has long campaigned for a tougher line.",
     "mfc/legality_constitutionality_jurisprudence", False),
    ("Marava's ruling party has long campaigned for a tougher line.", "mfc/political", True),
    ("The ruling by the international arbitration court is not binding.",
     "mfc/legality_constitutionality_jurisprudence", True),
    ("The ruling by the international arbitration court is not binding.", "mfc/political", False),
    ("Both parties have courted first-time buyers.",
     "mfc/legality_constitutionality_jurisprudence", False),
    ("Both parties have courted first-time buyers.", "mfc/political", True),
    ("Both countries are parties to the Vienna Convention.", "mfc/political", False),
    ("Veloria's ruling party has made food security a theme.", "mfc/security_and_defense", False),
    ("Security services said the four had tried to recruit officials.",
     "mfc/security_and_defense", True),
    ("The two parties traded insults over the bill.", "mfc/economic", False),
    ("The two parties traded insults over the bill.", "mfc/political", True),
    ("The two parties traded insults over the bill.", "sv/conflict", True),
    ("The opposition walked out of the chamber.", "mfc/political", True),
    ("There was strong opposition to the dam.", "mfc/political", False),
    ("The two countries have a long history of trade disputes.", "mfc/cultural_identity", False),
    ("Farmers must now pump water from wells.", "sv/responsibility", False),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "frame", "touches"), AMBIGUOUS)
def test_ambiguous_words_read_in_context(sentence, frame, touches):
    assert (frame in nf.match_frames(sentence)) is touches


# Dictionary hits the hand labels call wrong, with why; every other hit must carry its label.
KNOWN_FALSE_POSITIVES = {
    ("The World Trade Organization could", "mfc/economic"),  # a name, not the economic side
    ("Health officials insisted", "sv/human_interest"),  # "children" as a category
    ("Police seized 12 tonnes", "mfc/security_and_defense"),  # a police seizure at a border post
    ("Veloria said the ban was a matter", "mfc/economic"),  # "trade lawyers"
    ("Kessia has begun filling", "mfc/security_and_defense"),  # the story's topic: a border river
    ("Liberal leader Anna Berg", "sv/human_interest"),  # "families" as a category
    ("Liberal leader Anna Berg", "sv/economic_consequences"),  # "priced out": labelled as policy
    ("A constitutional court ruling", "mfc/economic"),  # "rent cap"
    ("A poll published on Sunday", "mfc/political"),  # "voters" in a poll
    ("Tenants' associations plan", "mfc/political"),  # parliament as a place
    ("Security at the parliament", "mfc/crime_and_punishment"),  # police at a protest
    ("Security at the parliament", "mfc/security_and_defense"),  # building security
    ("Security at the parliament", "mfc/political"),  # parliament as a place
    ("The building housing Telosia's trade", "mfc/economic"),  # "trade mission", held out
    ("Telosia vowed a reciprocal", "mfc/fairness_and_equality"),  # retaliation, held out
}


def test_labelled_sentences_from_other_stories():
    rows = _labelled()
    assert len({r[1] for r in rows}) == len(rows) >= 60
    false_positives = set()
    found = labelled = 0
    starts = {k for k, _ in KNOWN_FALSE_POSITIVES}
    for _, sentence, frames in rows:
        hits = set(nf.match_frames(sentence))
        start = next((k for k in starts if sentence.startswith(k)), sentence)
        false_positives |= {(start, f) for f in hits - frames}
        found += len(hits & frames)
        labelled += len(frames)
    assert false_positives == KNOWN_FALSE_POSITIVES
    assert found / labelled > 0.6  # recall is not the aim of short dictionaries, but not nil


def test_exclusion_cancels_only_overlapping_hits():
    frames = (
        Frame("x", "law", "Law", "", ("ruling", "court"), ("ruling party",)),
        Frame("x", "pol", "Politics", "", ("ruling party",)),
    )
    got = nf.match_frames("The ruling party ignored the ruling of the court.", frames)
    assert got == {"x/law": ["ruling", "court"], "x/pol": ["ruling party"]}


def test_exact_form_term():
    frames = (Frame("x", "law", "Law", "", ("=court",)),)
    assert nf.match_frames("They courted voters in court.", frames) == {"x/law": ["court"]}


def test_extend_frames_adds_terms_and_story_wide_exclusions():
    base = (Frame("x", "a", "A", "", ("safety",)), Frame("x", "b", "B", "", ("notice",)))
    frames = nf.extend_frames(base, terms={"x/b": ["ban"]}, exclude={"*": ["food safety"]})
    got = nf.match_frames("A food safety notice: ban on cheese, for safety.", frames)
    assert got == {"x/a": ["safety"], "x/b": ["notice", "ban"]}
    with pytest.raises(nf.NewsframeError, match="no frame 'x/c'"):
        nf.extend_frames(base, exclude={"x/c": ["y"]})


def test_exclude_must_be_a_list_of_strings(tmp_path):
    path = tmp_path / "d.toml"
    path.write_text('[scheme.x.frame.f]\nterms = ["a"]\nexclude = "a b"\n')
    with pytest.raises(nf.InputError, match="exclude must be a list"):
        nf.load_frame_dictionaries(path)


def test_frame_drivers_by_article_and_group():
    a = Article("a", "Polls", ("The poll was bad. More polls, and polls.",))
    b = Article("b", "T", ("Voters protest.",))
    ev = nf.frame_evidence([a, b])
    d = nf.frame_drivers(ev, headline=False)
    po = d[d.frame == "public_opinion"]
    # by hand: a has "poll" once and "polls" twice (in one sentence); b has "protest" once
    assert po[["article_id", "pattern", "word", "hits", "sentences"]].values.tolist() == [
        ["a", "poll", "polls", 2, 1],
        ["a", "poll", "poll", 1, 1],
        ["b", "protest*", "protest", 1, 1],
    ]
    g = nf.frame_drivers(ev, by="group", groups={"a": "g1", "b": "g1"})
    po = g[g.frame == "public_opinion"]
    # with the headline: "Polls" once more (its own sentence)
    assert po[["group", "word", "hits", "sentences"]].values.tolist() == [
        ["g1", "polls", 3, 2],
        ["g1", "poll", 1, 1],
        ["g1", "protest", 1, 1],
    ]
    with pytest.raises(nf.NewsframeError, match="no column 'outlet'"):
        nf.frame_drivers(ev, by="outlet")


def test_a_term_never_spans_two_sentences_or_the_headline():
    # "public opinion" is a public_opinion term: split by a sentence end or the headline, not a hit
    split = Article("a", "The public", ("Opinion was split. They asked the public. Opinion held.",))
    whole = Article("b", "T", ("The public opinion shifted.",))
    t = nf.frame_dimensions([split, whole], n_resamples=0)
    t = t[t.frame == "public_opinion"].set_index("article_id")
    assert t.loc["a", ["hits", "headline_hits"]].tolist() == [0, 0]
    assert t.loc["b", ["hits", "headline_hits"]].tolist() == [1, 0]


def test_intervals_by_hand_and_as_bootstrap_rates_gives_them(monkeypatch):
    """Two sentences of 10 words, one hit in the first: a resample holds the hit 0, 1 or 2
    times, so its rate is 0, 50 or 100 per 1,000 words, each at least ~1/4 likely; with 1,000
    resamples the 2.5% and 97.5% quantiles are 0 and 100 (worked out by hand). Every sample,
    including one whose resamples come in several batches (batches made tiny here), gets
    exactly the percentile interval of stats.bootstrap_rates with default_rng(seed)."""
    import numpy as np

    from newsframe import stats
    from newsframe.framing.frames import _intervals

    hand = _intervals([(np.array([[1, 0], [0, 0]]), np.array([10, 10]))], 1000, 0, 0.95)
    assert hand[0][0].tolist() == [0.0, 0.0] and hand[0][1].tolist() == [100.0, 0.0]
    monkeypatch.setattr(stats, "_CELLS", 600)  # 600 // 40 sentences: 15 resamples a batch
    rng = np.random.default_rng(5)
    samples = [(rng.integers(0, 3, size=(n, 3)) * (rng.random((n, 3)) < 0.3),
                rng.integers(1, 30, size=n)) for n in (3, 40, 3, 7)]  # fmt: skip
    samples.append((np.zeros((4, 3), dtype=int), np.array([5, 5, 5, 5])))  # no hits: 0 to 0
    got = _intervals(samples, 200, 7, 0.9)
    assert len(list(stats.resample_batches(200, 40))) > 1
    for (hits, words), (low, high) in zip(samples, got, strict=True):
        rates = stats.bootstrap_rates(hits, words, n_resamples=200, rng=np.random.default_rng(7))
        want_low, want_high = stats.percentile_interval(rates, confidence=0.9)
        assert low.tolist() == want_low.tolist() and high.tolist() == want_high.tolist()
