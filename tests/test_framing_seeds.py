"""The seed facts of issue 5, checked on the two bundled Moscow Times articles.

Every expected value here was read off the article texts by hand (data/raw/), not from the code.
"""

from __future__ import annotations

import newsframe as nf
from tests.conftest import SEED_2016, SEED_2019


def _variants(seeds, article_id):
    t = nf.restore_naming_zeros(nf.naming_variants(seeds), seeds)  # "never" is a zero row
    t = t[(t.article_id == article_id) & (t.concept == "disputed_islands")]
    return t.set_index("variant")


def test_2016_says_kuril_islands_and_never_northern_territories(seeds):
    t = _variants(seeds, SEED_2016)
    # "the disputed Kuril Islands" (para 2) and "claim the Kuril Islands which include" (para 4)
    assert t.loc["Kuril Islands", "count"] == 2
    assert t.loc["Kuril Islands", "first_used"]
    assert t.loc["Northern Territories", "count"] == 0
    assert not t.loc["Northern Territories", "in_headline"]


def test_2016_names_the_four_islands_by_their_russian_names(seeds):
    t = nf.restore_naming_zeros(nf.naming_variants(seeds), seeds)
    t = t[t.article_id == SEED_2016].set_index(["concept", "variant"])["count"]
    for concept, russian, japanese in [
        ("iturup", "Iturup", "Etorofu"),
        ("kunashir", "Kunashir", "Kunashiri"),
    ]:
        assert t[(concept, russian)] == 1
        assert t[(concept, japanese)] == 0
    assert t[("shikotan", "Shikotan")] == 1
    assert t[("habomai", "Habomai")] == 1


def test_2019_uses_both_names(seeds):
    t = _variants(seeds, SEED_2019)
    assert t.loc["Kuril Islands", "count"] == 1
    assert t.loc["Northern Territories", "count"] == 1
    ev = nf.naming_evidence(seeds)
    ev = ev[
        (ev.article_id == SEED_2019) & ev.variant.isin(["Kuril Islands", "Northern Territories"])
    ]
    # both in the one sentence "known in Russia as the Kuril Islands and in Japan as the ..."
    assert ev.sentence_id.nunique() == 1
    assert "known in Russia as the Kuril Islands" in ev.sentence.iloc[0]


def test_2016_headline_and_lede_quote_putin_and_use_has_claimed(seeds):
    t = nf.attributions(seeds)
    t = t[t.article_id == SEED_2016]
    head = t[t.part == "headline"].iloc[0]
    assert (head.speaker, head.verb_lemma) == ("putin", "say")  # "..., Says Putin"
    assert head.quote == "No Territorial Conflicts with Japan"
    lede = t[t.part == "lede"].iloc[0]
    assert lede.speaker == "putin"
    assert lede.verb == "has claimed"
    assert lede.verb_class == "evaluative"
    assert lede.quote == "no territorial conflicts with Japan"
    assert lede.kind == "partial"


def test_2016_implying_is_evaluative_and_quotes_are_all_putins(seeds):
    t = nf.attributions(seeds)
    t = t[t.article_id == SEED_2016]
    assert set(t.speaker) == {"putin"}
    implying = t[t.verb == "implying"].iloc[0]
    assert implying.verb_class == "evaluative"
    assert implying.sentence_id == 2
    assert "Japan believes that we have territorial disagreements" in set(t.quote)


def test_2019_quotes_putin_with_said_and_reports_abe(seeds):
    t = nf.attributions(seeds)
    t = t[t.article_id == SEED_2019]
    direct = t[(t.speaker == "putin") & (t.kind == "direct") & (t.verb == "said")]
    assert direct.quote.str.startswith("Ahead of us lies painstaking work").any()
    # the next paragraph continues Putin's quote without a verb
    cont = t[t.speaker_source == "continuation"].iloc[0]
    assert cont.speaker == "putin"
    assert cont.quote.startswith("Of course, solutions proposed by negotiators")
    abe = t[t.speaker == "abe"]
    assert set(abe.kind) == {"paraphrase"}
    assert {9, 10} <= set(
        abe.sentence_id
    )  # "Abe said he had agreed", "The Japanese leader also said"
    assert set(t.verb_class) <= {"neutral", ""}  # no evaluative verb in 2019


def test_share_of_voice_seeds(seeds):
    t = nf.share_of_voice(seeds).set_index(["article_id", "speaker"])
    # 2016 body quotes: 5 + 3 + 7 + 7 + 6 words, all Putin's
    assert t.loc[(SEED_2016, "putin"), "quoted_words"] == 28
    assert t.loc[(SEED_2016, "putin"), "share_of_quoted"] == 1.0
    # 2019: 18 + 24 words of Putin; Abe is only paraphrased
    assert t.loc[(SEED_2019, "putin"), "quoted_words"] == 42
    assert t.loc[(SEED_2019, "abe"), "quoted_words"] == 0
    assert t.loc[(SEED_2019, "abe"), "paraphrases"] == 3


def test_prominence_seeds(seeds):
    t = nf.actor_prominence(seeds).set_index(["article_id", "actor_id"])
    assert t.loc[(SEED_2016, "putin"), "in_headline"]
    assert not t.loc[(SEED_2016, "abe"), "in_headline"]
    assert not t.loc[(SEED_2016, "abe"), "in_lede"]
    assert t.loc[(SEED_2019, "abe"), "in_lede"]
    # 2016 body: Putin in sentences 0, 1, 2, 5 (the Russian president), 6, 7, 8, 9
    assert t.loc[(SEED_2016, "putin"), "mentions"] == 8


def test_frames_seeds(seeds):
    t = nf.frame_dimensions(seeds, n_resamples=0).set_index(["article_id", "frame"])
    assert t.loc[(SEED_2016, "human_interest"), "hits"] > 0  # the Akita dog
    assert t.loc[(SEED_2019, "human_interest"), "hits"] == 0
    assert t.loc[(SEED_2019, "public_opinion"), "hits"] > 0  # opinion polls, public backing
    assert t.loc[(SEED_2016, "public_opinion"), "hits"] == 0


def test_distancing_seeds(seeds):
    # the 2016 headline's 'No Territorial Conflicts with Japan' ("Says Putin") and the body's
    # "ready to discuss" (Putin said) are Putin's quoted words, credited by a reporting verb:
    # speech in attributions, not labels, so neither article has a scare quote
    t = nf.distancing_marks(seeds)
    assert t[t.kind == "scare_quote"].empty
    quoted = nf.attributions(seeds)
    quoted = quoted[(quoted.article_id == SEED_2016) & (quoted.kind == "partial")]
    head = quoted[quoted.part == "headline"]
    assert head[["speaker", "quote"]].values.tolist() == [
        ["putin", "No Territorial Conflicts with Japan"]
    ]
    assert "ready to discuss" in set(quoted.quote)
