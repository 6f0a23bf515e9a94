"""Distancing marks on hand-made sentences."""

from __future__ import annotations

from conftest import KURIL

import newsframe as nf
from newsframe import Article
from newsframe.framing import DistancingLexicon


def _marks(*paragraphs, title="T", **kw):
    return nf.distancing_marks([Article("a", title, tuple(paragraphs))], **kw, resources=KURIL)


def test_scare_quotes_so_called_and_hedges():
    t = _marks("The so-called \u2018peace plan\u2019 was reportedly drafted by 'experts'.")
    assert t[["kind", "text", "speaker"]].values.tolist() == [
        ["so_called", "so-called", ""],
        ["scare_quote", "peace plan", ""],
        ["hedge", "reportedly", ""],
        ["scare_quote", "experts", ""],
    ]


def test_full_quotes_and_long_quotes_are_not_scare_quotes():
    t = _marks(
        '"We are ready," Putin said.',  # opens the sentence: a direct quote
        'Abe said: "Fine."',  # after a colon
        'Abe called it "a long and winding road with no end in sight."',  # longer than 6 words
    )
    assert t.empty


def test_attributed_short_quote_is_speech_not_a_mark():
    # a reporting verb credits the quoted words: Putin's partial quotation, no distancing mark
    text = 'Putin said Russia was "ready to discuss" the islands.'
    assert _marks(text).empty
    quoted = nf.attributions([Article("a", "T", (text,))], resources=KURIL)
    assert quoted[["speaker", "kind", "quote"]].values.tolist() == [
        ["putin", "partial", "ready to discuss"]
    ]


def test_a_quotation_is_speech_or_a_label_never_both():
    # two labels (no speech frame), one partial quotation (said), one direct quotation
    article = Article(
        "a",
        "T",
        (
            'The "peace dividend" plan and the "new era" slogan were printed on posters.',
            'Putin said Russia was "ready to discuss" the islands. "We are ready," Abe said.',
        ),
    )
    marks = nf.distancing_marks([article], resources=KURIL)
    quoted = nf.attributions([article], resources=KURIL)
    labels = set(marks.loc[marks.kind == "scare_quote", "text"])
    speech = set(quoted.loc[quoted.kind != "paraphrase", "quote"])
    assert labels == {"peace dividend", "new era"}
    assert speech == {"ready to discuss", "We are ready"}
    assert not labels & speech


def test_the_labels_table_and_the_attributions_table_never_claim_the_same_marks():
    # one quotation per way the decision can go, worked out by hand: a slogan on a banner, a
    # show's name after a preposition, a term after "the term", a noun's complement, a
    # modifier of the noun after it, a label before another quotation's tag (labels); the tag's
    # quotation, a partial quotation after "said", a quotation after a colon sentence and the
    # headline's (speech); a slogan longer than six words is a label but no scare quote
    paragraphs = (
        'Protesters carried banners reading "Free the press" outside the court.',
        'Ann Lee appeared on "Fox and Friends" on Monday.',
        'He used the term "treated water" in his speech, officials said.',
        'Ann Lee rejected the allegations of "fraud" by the group.',
        'The minister rejected the "hostile" reports on Tuesday.',
        'A "purely accidental" entry: "The facts are plain," said Ann Lee.',
        'Ann Lee said the plan was "a disgrace".',
        "Ann Lee spoke at noon:",
        '"We will not give up."',
        'Protesters held signs that read "We want our country back and we want it now" all day.',
    )
    article = Article("a", 'Lee calls plan "a disgrace"', paragraphs)
    marks = nf.distancing_marks([article], resources=KURIL)
    quoted = nf.attributions([article], resources=KURIL)
    labels = {
        tuple(r) for r in marks.loc[marks.kind == "scare_quote", ["paragraph_id", "text"]].values
    }
    speech = {
        tuple(r) for r in quoted.loc[quoted.kind != "paraphrase", ["paragraph_id", "quote"]].values
    }
    assert labels == {(0, "Free the press"), (1, "Fox and Friends"), (2, "treated water"),
                      (3, "fraud"), (4, "hostile"), (5, "purely accidental")}  # fmt: skip
    assert speech == {(-1, "a disgrace"), (5, "The facts are plain"), (6, "a disgrace"),
                      (8, "We will not give up.")}  # fmt: skip
    assert not labels & speech
    assert 9 not in {p for p, _ in labels | speech}


def test_hedge_inside_a_quote_is_flagged():
    t = _marks('"They allegedly lied," Abe said.')
    assert t[["kind", "text", "inside_quote"]].values.tolist() == [["hedge", "allegedly", True]]


def test_headline_label_and_headline_quotation():
    # "Says Putin" credits the first headline's quotation; the second has no speech frame
    assert _marks("Body.", title="Russia Has \u2018No Conflicts with Japan,\u2019 Says Putin").empty
    t = _marks("Body.", title="The \u2018Northern Territories\u2019 Stay Disputed")
    assert t[["part", "kind", "text", "speaker"]].values.tolist() == [
        ["headline", "scare_quote", "Northern Territories", ""]
    ]


def test_max_words_option():
    text = 'The "big new peace plan" was printed.'  # a label of four words
    assert _marks(text).kind.tolist() == ["scare_quote"]
    # longer than max_words: still a label (never speech), of the kind "label"
    assert _marks(text, max_words=3)[["kind", "text"]].values.tolist() == [
        ["label", "big new peace plan"]
    ]


def test_no_marks():
    assert _marks("Plain reporting of facts.").empty


def test_marks_in_any_case_and_outside_ascii():
    # capitals, and a paragraph with non-ASCII letters: all found
    t = _marks(
        "Officials REPORTEDLY agreed.",
        "In Zürich the so called deal was allegedly signed.",
        "Nothing to see here.",
    )
    assert t[["paragraph_id", "kind", "text"]].values.tolist() == [
        [0, "hedge", "REPORTEDLY"],
        [1, "so_called", "so called"],
        [1, "hedge", "allegedly"],
    ]


def test_non_ascii_phrase_of_a_users_lexicon():
    lexicon = DistancingLexicon({"hedge": ("prétendument",), "so_called": ("so-called",)})
    t = _marks("Le plan, prétendument prêt, attendait.", "A plain line.", lexicon=lexicon)
    assert t[["kind", "text"]].values.tolist() == [["hedge", "prétendument"]]


def test_scare_quote_late_in_a_long_sentence():
    # more than 64 characters between the sentence start and the quotation, and two quotations
    # sharing that sentence start: both are inside the reporter's sentence
    opening = "After a long day of talks in the capital the two delegations finally agreed on "
    t = _marks(opening + "a 'roadmap' and a 'timetable'.")
    assert t[["kind", "text"]].values.tolist() == [
        ["scare_quote", "roadmap"],
        ["scare_quote", "timetable"],
    ]


def test_a_title_cased_name_after_a_preposition_is_a_label_even_beside_a_verb():
    # a show's name after "on", in a sentence whose verb credits what follows: a label, never
    # speech; the same capitals after "the" are the speaker's own words
    text = 'Ann Lee appeared on "Fox and Friends," and she stated that the trip was right.'
    marks = _marks(text)
    assert marks[marks["kind"] == "scare_quote"]["text"].tolist() == ["Fox and Friends"]
    rows = nf.attributions([Article("a", "T", (text,))], resources=KURIL)
    assert rows["kind"].tolist() == ["paraphrase"]  # "she stated that ...": no quotation
    coined = 'Ann Lee said the sellers were the "Madoffs of Manhattan".'
    rows = nf.attributions([Article("b", "T", (coined,))], resources=KURIL)
    assert rows["quote"].tolist() == ["Madoffs of Manhattan"]


def test_a_quoted_complement_of_a_noun_is_a_label_of_a_verb_speech():
    # after "<noun> of" the quoted word names what the noun is about: a label; after a verb
    # ("accused him of") or a quantity ("one of") it is the speaker's words
    text = 'Ann Lee rejected the allegations of "fraud" by the group.'
    marks = _marks(text)
    assert marks[marks["kind"] == "scare_quote"]["text"].tolist() == ["fraud"]
    assert (
        "fraud"
        not in nf.attributions([Article("a", "T", (text,))], resources=KURIL)["quote"].tolist()
    )
    for speech in (
        'Ann Lee accused him of "playing politics".',
        'Ann Lee described it as one of "absolute carnage".',
    ):
        rows = nf.attributions([Article("b", "T", (speech,))], resources=KURIL)
        assert rows["kind"].tolist() == ["partial"], speech


def test_every_label_is_a_mark_once_and_never_in_share_of_voice():
    # by hand: a short label, a title of six words in title case, a slogan on a banner, and
    # one partial quotation; the labels are three marks (one scare quote, two longer labels)
    # and the share of voice counts the partial quotation alone (3 quoted words)
    article = Article(
        "a",
        "T",
        (
            'The "fresh start" plan was announced on Monday.',
            'Its report, "A Harbour Fit for All Our Children", came out late.',
            'A banner that read "Hands off our harbour, it belongs to every one of us" hung there.',
            'Abe said the plan was "ready to go" on Monday.',
        ),
    )
    marks = nf.distancing_marks([article], resources=KURIL)
    assert marks[["paragraph_id", "kind", "text"]].values.tolist() == [
        [0, "scare_quote", "fresh start"],
        [1, "label", "A Harbour Fit for All Our Children"],
        [2, "label", "Hands off our harbour, it belongs to every one of us"],
    ]
    voice = nf.share_of_voice([article], resources=KURIL)
    assert voice[["speaker", "quotes", "quoted_words"]].values.tolist() == [["abe", 1, 3]]
