"""Frame dictionaries on hand-labelled sentences (labels from the MFC and S&V definitions)."""

from __future__ import annotations

import pytest

import newsframe as nf
from newsframe import Article

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
