"""Quotations, reporting verbs, speakers and share of voice on tiny hand-made articles."""

from __future__ import annotations

import pytest
from conftest import KURIL

import newsframe as nf
from newsframe import Article
from newsframe.errors import InputError, NewsframeError


def _attr(*paragraphs, title="T"):
    return nf.attributions([Article("a", title, tuple(paragraphs))], resources=KURIL)


# --- quotation marks -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '"We are ready," Putin said.',  # straight
        "\u201cWe are ready,\u201d Putin said.",  # curly
        "\u201dWe are ready,\u201d Putin said.",  # mismatched: closing mark used to open
        '"We are ready,\u201d Putin said.',  # straight open, curly close
        "\u00abWe are ready,\u00bb Putin said.",  # guillemets
    ],
)
def test_quote_marks_straight_curly_and_mismatched(text):
    t = _attr(text)
    assert t[["speaker", "verb", "kind", "quote", "quote_words"]].values.tolist() == [
        ["putin", "said", "direct", "We are ready", 3]
    ]


def test_no_quotes_no_verbs_gives_empty_table_with_columns():
    t = _attr("The weather was fine. Ships sailed.")
    assert t.empty
    assert list(t.columns)[:6] == [
        "article_id",
        "part",
        "paragraph_id",
        "sentence_id",
        "speaker",
        "speaker_name",
    ]
    assert nf.share_of_voice([Article("a", "T", ("Nothing said here",))], resources=KURIL).empty


def test_quote_that_never_closes_runs_to_paragraph_end():
    t = _attr('Abe said: "We will keep talking and we will not stop', "Next paragraph.")
    row = t.iloc[0]
    assert (row.speaker, row.kind, row.closed) == ("abe", "direct", False)
    assert row.quote == "We will keep talking and we will not stop"


def test_nested_quotes_stay_inside_the_outer_quote():
    t = _attr("\"He told me 'no' twice,\" Abe said.")
    assert t[["speaker", "quote"]].values.tolist() == [["abe", "He told me 'no' twice"]]
    quotes = nf.find_quotes("\"He told me 'no' twice,\" Abe said.")
    assert [(q.text, q.nested) for q in quotes] == [("He told me 'no' twice", False), ("no", True)]


def test_apostrophes_are_not_quotes():
    assert nf.find_quotes("Russia's and Japan's leaders met the islanders' envoy.") == []


def test_words_inside_quotes_are_not_verbs_or_speakers():
    t = _attr('"Abe said nothing," Putin claimed.')
    assert t[["speaker", "verb_lemma"]].values.tolist() == [["putin", "claim"]]


# --- reporting verbs and speakers --------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "speaker", "verb_lemma", "verb_class"),
    [
        ("Putin said the talks went well.", "putin", "say", "neutral"),
        ("Abe told reporters that the deal was close.", "abe", "tell", "neutral"),
        ("Putin added that Russia was ready.", "putin", "add", "neutral"),
        ("Abe stressed that the talks would go on.", "abe", "stress", "evaluative"),
        ("Putin has claimed the islands were never Japanese.", "putin", "claim", "evaluative"),
        ("Abe insisted the deal was fair.", "abe", "insist", "evaluative"),
        ("The deal is close, according to Putin.", "putin", "according to", "neutral"),
        ("Abe's remarks angered Moscow.", "abe", "remark", "neutral"),
        ("The talks were useful, said the Russian president.", "putin", "say", "neutral"),
        ("Putin, who spoke later, warned that talks would be long.", "putin", "warn", "evaluative"),
        ("Dmitry Peskov, the Kremlin spokesman, said the talks were useful.", "Dmitry Peskov", "say", "neutral"),
        ("The Japanese leader also said an agreement was reached.", "abe", "say", "neutral"),
        ("Some residents of Kunashiri said they were forgotten.", "Some residents of Kunashiri", "say", "neutral"),
        ("According to a statement from Japan's Foreign Ministry, talks went well.", "a statement from Japan's Foreign Ministry", "according to", "neutral"),
    ],
)  # fmt: skip
def test_reporting_verbs_and_speakers(sentence, speaker, verb_lemma, verb_class):
    row = _attr(sentence).iloc[0]
    assert (row.speaker, row.verb_lemma, row.verb_class, row.kind) == (
        speaker,
        verb_lemma,
        verb_class,
        "paraphrase",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Both Japan and Russia claim the Kuril Islands.",  # a territorial claim, not speech
        "Putin declined to comment.",
        "The statement was short.",
        "The United States stayed out of it.",
        "Ships sailed past the islands.",
        "Little was said about the islands.",
        "Nothing said here.",
    ],
)
def test_not_attributions(sentence):
    assert _attr(sentence).empty


def test_pronoun_resolves_to_last_named_speaker_in_paragraph():
    t = _attr('"We are ready," Putin said. "It is time," he added.')
    assert t[["speaker", "speaker_text", "speaker_source"]].values.tolist() == [
        ["putin", "Putin", "actor"],
        ["putin", "he", "pronoun"],
    ]


def test_pronoun_without_named_speaker_is_unresolved_not_guessed():
    # Abe is mentioned but is not a speaker; the pronoun is reported, not guessed
    t = _attr('Abe arrived in Moscow. "We will not give up," he said.')
    row = t.iloc[0]
    assert (row.speaker, row.speaker_text, row.speaker_source) == ("unresolved", "he", "unresolved")


def test_pronoun_does_not_cross_paragraphs():
    t = _attr("Putin said the talks went well.", "He said more later.")
    assert t.speaker.tolist() == ["putin", "unresolved"]


def test_singular_pronoun_after_two_speakers_is_unresolved_plural_takes_both():
    t = _attr("Putin and Abe spoke of peace. He said it was close. They said more.")
    assert t.speaker.tolist() == ["putin", "abe", "unresolved", "putin", "abe"]


def test_unattributed_quote_is_unresolved():
    t = _attr("The mood was tense.", '"Nothing will change."')
    assert t[["speaker", "speaker_source", "verb"]].values.tolist() == [
        ["unresolved", "unresolved", ""]
    ]


def test_quote_paragraph_continues_previous_speaker():
    t = _attr('"We are ready," Abe said.', '"And we will wait."')
    assert t[["speaker", "speaker_source"]].values.tolist() == [
        ["abe", "actor"],
        ["abe", "continuation"],
    ]


def test_partial_and_direct_quotes():
    t = _attr('Putin said Russia was "ready to discuss" the islands. Abe said: "We agree."')
    assert t[["speaker", "kind", "quote"]].values.tolist() == [
        ["putin", "partial", "ready to discuss"],
        ["abe", "direct", "We agree."],
    ]


def test_headline_rows_are_marked():
    t = _attr("Body text.", title="Russia Has \u2018No Conflicts,\u2019 Says Putin")
    row = t.iloc[0]
    assert (row.part, row.paragraph_id, row.sentence_id, row.speaker, row.quote) == (
        "headline",
        -1,
        -1,
        "putin",
        "No Conflicts",
    )


def test_custom_verb_table(tmp_path):
    path = tmp_path / "verbs.toml"
    path.write_text('[class.loaded]\nverbs = ["say"]\n[class.other]\nverbs = ["quip"]\n')
    verbs = nf.load_reporting_verbs(path)
    t = nf.attributions(
        [Article("a", "T", ("Abe quipped that it was late.",))], verbs=verbs, resources=KURIL
    )
    assert t[["speaker", "verb_class"]].values.tolist() == [["abe", "other"]]


def test_bad_verb_table_names_the_file(tmp_path):
    path = tmp_path / "verbs.toml"
    path.write_text("[class.x]\nnouns = 3\n")
    with pytest.raises(InputError, match=r"verbs\.toml"):
        nf.load_reporting_verbs(path)


def test_share_of_voice_counts_quoted_words_per_speaker():
    a = Article(
        "a", "T", ('"One two three," Putin said. "Four," Abe said. Abe added that he agreed.',)
    )
    t = nf.share_of_voice([a], resources=KURIL)
    assert t[
        ["speaker", "quotes", "quoted_words", "paraphrases", "share_of_quoted"]
    ].values.tolist() == [
        ["putin", 1, 3, 0, 0.75],
        ["abe", 1, 1, 1, 0.25],
    ]
    assert t.share_of_words.tolist() == [3 / 13, 1 / 13]  # 13 body words


def test_rejects_non_articles():
    with pytest.raises(NewsframeError, match="Article"):
        nf.attributions(["just a string"], resources=KURIL)


def test_coordinated_verb_keeps_the_speaker_and_partial_quote_goes_to_the_verb_before_it():
    t = _attr('Dmitry Peskov said the talks were "constructive" but added that no date was set.')
    assert t[["speaker", "verb", "kind", "quote"]].values.tolist() == [
        ["Dmitry Peskov", "said", "partial", "constructive"],
        ["Dmitry Peskov", "added", "paraphrase", ""],
    ]


def test_one_person_named_two_ways_gets_one_key():
    t = _attr(
        "Russian Foreign Minister Sergei Lavrov insisted that Japan must act.",
        "Lavrov later said Moscow was open to dialogue.",
    )
    assert t.speaker.tolist() == ["Sergei Lavrov", "Sergei Lavrov"]
    assert t.speaker_text.tolist() == ["Russian Foreign Minister Sergei Lavrov", "Lavrov"]
    voice = nf.share_of_voice([Article("a", "T", tuple(t.sentence))], resources=KURIL)
    assert voice.speaker.tolist() == ["Sergei Lavrov"]


def test_headline_colon_style_names_the_speaker():
    t = _attr("Body.", title="Putin: \u2018Russia has no territorial conflicts\u2019")
    row = t.iloc[0]
    assert (row.part, row.speaker, row.verb, row.quote) == (
        "headline",
        "putin",
        "",
        "Russia has no territorial conflicts",
    )


def test_speaker_name_and_data_files_by_path(tmp_path):
    t = _attr("Putin said the talks went well.")
    assert t[["speaker", "speaker_name"]].values.tolist() == [["putin", "Putin"]]
    path = tmp_path / "verbs.toml"
    path.write_text('[class.mine]\nverbs = ["say"]\n')
    t = nf.attributions([Article("a", "T", ("Abe said so.",))], verbs=path, resources=KURIL)
    assert t.verb_class.tolist() == ["mine"]


def test_places_never_speak():
    # an island named just before a reporting verb is not the speaker ("islands" is a place actor)
    article = Article("x", "", ("Fishermen on Shikotan say a handover is unthinkable.",))
    table = nf.attributions([article], resources=KURIL)
    assert "islands" not in set(table["speaker"])
