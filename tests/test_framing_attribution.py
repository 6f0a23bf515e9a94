"""Quotations, reporting verbs, speakers and share of voice on tiny hand-made articles."""

from __future__ import annotations

import pytest
from conftest import KURIL

import newsframe as nf
from newsframe import Article
from newsframe.errors import InputError, NewsframeError
from newsframe.framing._units import Unit
from newsframe.framing.attribution import UnitText, _named_modifier, _possessor
from newsframe.framing.quotes import top_level_quotes


def _attr(*paragraphs, title="T"):
    return nf.attributions([Article("a", title, tuple(paragraphs))], resources=KURIL)


def _plain(*paragraphs):
    """Attributions with the shipped, story-neutral resources (no actor table)."""
    return nf.attributions([Article("a", "T", tuple(paragraphs))])


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a closing mark after a space, a lowercase word right after it
        ("\u201cWe will go on, \u201dsaid Ann Lee. \u201cNext,\u201d she said.",
         [("We will go on", True), ("Next", True)]),
        # ... a comma right after it
        ('"It is over. ", he said, "and done."', [("It is over.", True), ("and done.", True)]),
        # ... the end of the paragraph
        ('"Her excuses are useless, "she stated.', [("Her excuses are useless", True)]),
        # a mark before a capital still opens the next quotation; the first never closed
        ('He said: "Yes. "No," she said', [("Yes.", False), ("No", True)]),
    ],
)  # fmt: skip
def test_closing_mark_after_a_space_pairs_with_its_opening_mark(text, expected):
    assert [(q.text, q.closed) for q in nf.find_quotes(text)] == expected


def test_closing_mark_after_a_space_keeps_the_speaker():
    t = _attr("\u201cWe will keep talking, \u201dsaid Abe.")
    assert t[["speaker", "quote"]].values.tolist() == [["abe", "We will keep talking"]]


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
        "Abe's remarks angered Moscow.",  # a noun after a possessive is not a reporting verb
        "The claims were denied.",
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


def test_pronoun_without_compatible_mention_is_unresolved_not_guessed():
    # only a country is named before "he": no person to refer to, so nothing is guessed
    t = _attr('Russia was silent. "We will not give up," he said.')
    row = t.iloc[0]
    assert (row.speaker, row.speaker_text, row.speaker_source) == ("unresolved", "he", "unresolved")


def test_pronoun_goes_to_last_person_mentioned_even_if_not_a_speaker():
    t = _attr('Abe arrived in Moscow. "We will not give up," he said.')
    row = t.iloc[0]
    assert (row.speaker, row.speaker_text, row.speaker_source) == ("abe", "he", "pronoun")


def test_pronoun_resolves_across_paragraphs():
    # the antecedent is in an earlier one-sentence paragraph (issue 10)
    t = _attr("Putin said the talks went well.", "He said more later.")
    assert t[["speaker", "speaker_source"]].values.tolist() == [
        ["putin", "actor"],
        ["putin", "pronoun"],
    ]


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


# --- issue 10: mechanisms on hand-made sentences (names are invented) --------------------------


def _rows(*paragraphs):
    t = _attr(*paragraphs)
    return t[t.part != "headline"]


def test_pronoun_in_a_later_one_sentence_paragraph_goes_to_the_last_person():
    t = _rows("Mayor Lena Ortiz said the bridge would reopen.", '"We will rebuild," she added.')
    assert t[["speaker", "speaker_text", "speaker_source", "verb"]].values.tolist() == [
        ["Lena Ortiz", "Mayor Lena Ortiz", "name", "said"],
        ["Lena Ortiz", "she", "pronoun", "added"],
    ]


def test_pronoun_can_refer_to_a_person_named_with_an_honorific():
    t = _rows("Ms Ortiz toured the site on Monday.", '"We will rebuild," she said.')
    assert t[["speaker", "speaker_source", "speaker_kind"]].values.tolist() == [
        ["Ortiz", "pronoun", "person"]
    ]


def test_it_and_the_ministry_go_to_the_last_organisation():
    t = _rows(
        "The Foreign Ministry of Freedonia said the talks had failed.",
        '"No date was set," the ministry added.',
        "Residents were angry.",
        '"We regret the delay," it said.',
    )
    assert t[["speaker", "speaker_text", "speaker_source", "speaker_kind"]].values.tolist() == [
        # one entity, one canonical name (the determiner is not part of it)
        ["Foreign Ministry of Freedonia", "The Foreign Ministry of Freedonia", "name", "organisation"],
        ["Foreign Ministry of Freedonia", "the ministry", "description", "organisation"],
        ["Foreign Ministry of Freedonia", "it", "pronoun", "organisation"],
    ]  # fmt: skip


def test_the_official_goes_to_the_last_person_quoted_but_the_commander_needs_a_commander():
    t = _rows(
        '"The roads are open," said Ana Ruiz.',
        '"Drive slowly," the official added.',
        '"Stay home," the commander said.',
    )
    assert t.speaker.tolist() == ["Ana Ruiz", "Ana Ruiz", "the commander"]
    assert t.speaker_source.tolist() == ["name", "description", "description"]


def test_the_statement_speaks_for_whoever_issued_it():
    t = _rows(
        "The Water Board said in a statement that supplies were safe.",
        '"Boil notices remain in force," the statement said.',
    )
    assert t[["speaker", "speaker_text", "speaker_source"]].values.tolist() == [
        ["Water Board", "Water Board", "name"],
        ["Water Board", "the statement", "description"],
    ]


@pytest.mark.parametrize(
    ("sentence", "speaker", "kind"),
    [
        ('"Controls were weak," the report said.', "the report", "document"),
        ("According to an agency's report, exports fell.", "an agency's report", "document"),
        ("The U.S. Embassy said the consulate would close.", "Embassy (United States)", "organisation"),
        ("The Foreign Ministry said the envoy had left.", "Foreign Ministry", "organisation"),
        ("A spokesman for Freedonia's mission to the United Nations said talks would go on.",
         "A spokesman for Freedonia's mission to the United Nations", "person"),
        ("Police in Lakeside reported that two men were held.", "Police", "organisation"),
        ("Some residents of the valley said they were forgotten.",
         "Some residents of the valley", "group"),
    ],
)  # fmt: skip
def test_organisations_groups_and_documents_speak_with_their_full_name(sentence, speaker, kind):
    row = _rows(sentence).iloc[0]
    assert (row.speaker, row.speaker_kind) == (speaker, kind)


@pytest.mark.parametrize(
    ("sentence", "marks"),
    [
        ('Protesters carried a banner that read "Hands off our park".', ["Hands off our park"]),
        ('A sign read: "Closed until further notice."', ["Closed until further notice."]),
        # longer than a scare quote (distancing_marks' max_words): a label, still no speech
        ('Fans wore T-shirts reading "We will not be moved by anyone, ever".', []),
    ],
)
def test_words_written_on_a_banner_are_a_slogan_not_speech(sentence, marks):
    # a banner, a sign or a T-shirt speaks for nobody: its words are a label in quotation
    # marks, counted once, as a scare quote (or a longer label), and never in share of voice
    a = nf.Article("a", "", (sentence,))
    assert nf.attributions([a]).empty
    found = nf.distancing_marks([a])
    assert found[found["kind"] == "scare_quote"]["text"].tolist() == marks
    assert len(found[found["kind"].isin(["scare_quote", "label"])]) == 1


@pytest.mark.parametrize(
    ("sentence", "lemma", "verb_class"),
    [
        ('The minister slammed the plan as "reckless".', "slam", "hostile"),
        ('Critics branded the deal "a betrayal".', "brand", "hostile"),
        ('The union denounced the cuts as "cruel".', "denounce", "hostile"),
        ('Senator Ann Lee blasted the report as "fiction".', "blast", "hostile"),
        ('The mayor condemned the attack as "cowardly".', "condemn", "hostile"),
        ('The mayor condemned the attack, calling it "cowardly".', "call", "neutral"),
        ('Residents criticised the council for being "deaf".', "criticise", "hostile"),
        ('Residents criticized the council for being "deaf".', "criticize", "hostile"),
        ('The inquiry concluded that "nobody was to blame".', "conclude", "neutral"),
        ('Doctors advised that "rest is essential".', "advise", "directive"),
        ('The envoy conveyed that Freedonia was "ready to talk".', "convey", "neutral"),
        ('The minister refused to "negotiate under threat".', "refuse", "evaluative"),
        ('Ortiz stressed that "safety comes first".', "stress", "evaluative"),
        ('Ortiz urged residents to "stay indoors".', "urge", "directive"),
        ('Ortiz warned that "more storms are coming".', "warn", "evaluative"),
        ('Ortiz insisted that "the bridge is safe".', "insist", "evaluative"),
        ('"We are safe," the rescue team posted on Facebook.', "post", "neutral"),
    ],
)
def test_reporting_verb_classes_include_hostile_and_the_missing_verbs(sentence, lemma, verb_class):
    t = _rows(sentence)
    row = t[t.kind != "paraphrase"].iloc[0]  # the verb the quotation takes
    assert (row.verb_lemma, row.verb_class, row.kind) == (lemma, verb_class, "partial"
                                                          if not sentence.startswith('"')
                                                          else "direct")  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "speaker", "verb"),
    [
        ('Army chief Omar Haddad was quoted as saying "the border stays open".', "Omar Haddad",
         "was quoted as saying"),
        ('State radio quoted Omar Haddad as saying that "the border stays open".', "Omar Haddad",
         "quoted Omar Haddad as saying"),
        ('The closure, "a temporary step", was announced by the Transport Ministry.',
         "Transport Ministry", "was announced"),
    ],
)  # fmt: skip
def test_passive_and_quoted_as_saying(sentence, speaker, verb):
    row = _rows(sentence).iloc[0]
    assert (row.speaker, row.verb) == (speaker, verb)
    assert row.verb_lemma in ("say", "announce")


def test_colon_names_the_speaker_in_the_body_and_fragments_never_do():
    t = _rows('Ana Ruiz: "We will rebuild."', 'About 20 and: "We agree."')
    assert t.speaker.tolist() == ["Ana Ruiz", "unresolved"]


def test_a_quotation_never_takes_the_verb_of_the_next_sentence():
    t = _rows('"The bridge is closed." Ortiz said later that repairs would take weeks.')
    quote = t[t.kind != "paraphrase"].iloc[0]
    assert (quote.speaker, quote.verb) == ("unresolved", "")


def test_a_quotation_takes_the_verb_of_the_sentence_that_introduces_it():
    t = _rows("Ortiz told reporters on Monday:", '"Stay calm. Help is coming."')
    quote = t[t.kind != "paraphrase"].iloc[0]
    assert (quote.speaker, quote.verb, quote.speaker_source) == ("Ortiz", "told", "continuation")


def test_a_quotation_after_a_quotation_keeps_speaker_and_verb():
    t = _rows('"It is over," Ana Ruiz said. "Everyone is safe."')
    assert t[["speaker", "verb"]].values.tolist() == [["Ana Ruiz", "said"], ["Ana Ruiz", "said"]]


@pytest.mark.parametrize(
    "paragraph",
    [
        'Inside an operation it said was secret, troops moved. "Go," it said.',
        '"The roads are shut," the capital said.',
        'Of the 40 injured, 20 and more said "we will sue".',
    ],
)
def test_fragments_and_places_are_never_speakers(paragraph):
    speakers = set(_rows(paragraph).speaker)
    assert not speakers & {"an operation it", "the capital", "20 and more", "20 and", "40"}


def test_two_named_people_joined_by_and_are_two_speakers():
    t = _rows('Mayor Chris Dunn and Police Chief Ana Ruiz told reporters the march was "peaceful".')
    assert t.speaker.tolist() == ["Chris Dunn", "Ana Ruiz"]


def test_a_name_in_an_aside_beats_a_description():
    t = _rows('The deputy mayor, Ines Vidal, said the damage was "colossal".')
    assert t.speaker.tolist() == ["Ines Vidal"]


def test_age_aside_and_long_relative_clause_are_skipped():
    t = _rows(
        'Tom Baker, 40, who helped carry food and water to the rescue workers, said a "miracle" happened.'
    )
    assert t.speaker.tolist() == ["Tom Baker"]


def test_sentence_initial_participle_takes_the_main_speaker():
    t = _rows('Calling the rescue "a miracle", Governor Tom Baker said all were safe.')
    quote = t[t.kind != "paraphrase"].iloc[0]
    assert (quote.speaker, quote.verb_lemma) == ("Tom Baker", "call")


def test_dropped_closing_mark_before_said_and_spaced_guillemets():
    t = _rows('"It is a disgrace, Chief Ana Ruiz said. "People turned into criminals."')
    assert t[["speaker", "quote"]].values.tolist() == [
        ["Ana Ruiz", "It is a disgrace"],
        ["Ana Ruiz", "People turned into criminals."],
    ]
    t = _rows("\u00ab We are ready, \u00bb the envoy said.")
    assert t[["quote", "speaker_text"]].values.tolist() == [["We are ready", "the envoy"]]


def test_many_quotation_marks_stay_correct():
    # linear-time paths (binary search) give the same answers as on a short paragraph
    one = '"Yes," Ana Ruiz said. Tom Baker said "no". '
    t = _rows(one * 200)
    assert len(t) == 400
    assert t.speaker.tolist() == ["Ana Ruiz", "Tom Baker"] * 200
    assert nf.find_quotes('"' * 6) == nf.find_quotes('"' * 6)  # deterministic
    assert all(q.text == "" for q in nf.find_quotes('"' * 5000))


def test_a_verb_in_a_subordinate_clause_does_not_take_the_quotation():
    t = _rows(
        'Ana Ruiz said after the fire chief announced the end of the operation, "It is over."'
    )
    quote = t[t.kind != "paraphrase"].iloc[0]
    assert (quote.speaker, quote.verb) == ("Ana Ruiz", "said")


def test_a_tag_split_off_after_an_exclamation_still_names_the_speaker():
    t = _rows('"We did it!" Harbour Salvage, the firm that led the work, said in a statement.')
    quote = t[t.kind != "paraphrase"].iloc[0]
    assert (quote.speaker, quote.verb) == ("Harbour Salvage", "said")


def test_the_president_and_the_leader_go_back_to_a_titled_name():
    t = _rows(
        "He thanked President Rosa Vidal for her help.",
        '"You were brave," said the President.',
        '"We are proud," the Freedonian leader added.',
    )
    assert t.speaker.tolist() == ["Rosa Vidal", "Rosa Vidal"]
    assert t.speaker_text.tolist() == ["the President", "the Freedonian leader"]


def test_a_pronoun_after_and_is_the_subject_not_a_fragment():
    t = _rows('Ana Ruiz said the fund opens on Tuesday and she called on donors to "give now".')
    quote = t[t.kind != "paraphrase"].iloc[0]
    assert (quote.speaker, quote.verb_lemma, quote.verb_class) == (
        "Ana Ruiz",
        "call on",
        "directive",
    )


def test_negated_passive_is_no_speech_and_a_verb_ends_no_speaker_phrase():
    t = _rows(
        "At least three families have said they were not told.",
        "Earlier, the fire chief denied reports that 15 people had been rescued.",
    )
    assert t[["speaker", "verb"]].values.tolist() == [
        ["At least three families", "have said"],
        ["the fire chief", "denied"],
    ]


def test_a_post_or_sign_that_read_after_the_quotation():
    t = _rows('"The convoy was blocked," a post on their site read.')
    row = t.iloc[0]
    assert (row.speaker, row.speaker_kind, row.verb_lemma) == (
        "a post",
        "document",
        "read",
    )


# --- a person with an affiliation -----------------------------------------------------------

_UNION = nf.Actor("dockers", "Harbour Dockers Guild", "organisation", ("Harbour Dockers Guild",))


@pytest.mark.parametrize(
    "sentence",
    [
        '"We will not unload," said Mirela Tovak, general secretary of the Harbour Dockers Guild.',
        '"We will not unload," Mirela Tovak, general secretary of the Harbour Dockers Guild, said.',
        '"We will not unload," said Mirela Tovak of the Harbour Dockers Guild.',
        "Mirela Tovak of the Harbour Dockers Guild said the cranes would stay idle.",
    ],
)
@pytest.mark.parametrize("actors", [(), (_UNION,)], ids=["no actors", "guild is an actor"])
def test_a_named_person_with_an_affiliation_is_the_speaker(sentence, actors):
    # the person speaks; "of the Harbour Dockers Guild" says whom she speaks for, whether or
    # not the guild is a known actor
    article = Article("a", "", ("The strike at Port Selna entered its third day.", sentence))
    t = nf.attributions([article], actors=actors)
    t = t[t["paragraph_id"] == 1]
    assert t[["speaker", "speaker_kind"]].values.tolist() == [["Mirela Tovak", "person"]]


@pytest.mark.parametrize(
    ("sentence", "speaker", "kind"),
    [
        ("The Central Bank of Selna said rates would stay.", "Central Bank of Selna",
         "organisation"),
        ("The Royal Society of Selna said the survey was sound.", "Royal Society of Selna",
         "organisation"),
        ("A spokesman for the Harbour Dockers Guild said talks would resume.",
         "A spokesman for the Harbour Dockers Guild", "person"),
    ],
)  # fmt: skip
def test_organisations_and_roles_with_of_stay_whole(sentence, speaker, kind):
    t = nf.attributions([Article("a", "", (sentence,))], actors=())
    assert t[["speaker", "speaker_kind"]].values.tolist() == [[speaker, kind]]


# --- reporting verbs are verbs (issue 19) -----------------------------------------------------


def test_rebuttal_is_credited_to_the_side_that_rebuts():
    # "claims" after "Beijing's" is a noun: the quotation is the ministry's (one row), and
    # Beijing, whose claims are rejected, gets no row at all
    text = '"These accusations are groundless," the ministry said, rejecting Beijing\'s claims.'
    t = _plain(text)
    assert sorted(set(t["speaker"])) == ["the ministry"]
    quoted = t[t["kind"] != "paraphrase"]
    assert quoted[["speaker", "verb_lemma", "quote"]].values.tolist() == [
        ["the ministry", "say", "These accusations are groundless"]
    ]


def test_partial_quote_after_a_possessive_noun_belongs_to_the_verb():
    # 'Kishida told ... that Morgulov's remarks were "false"': the nearest word before the
    # quotation is the noun "remarks"; the quotation is Kishida's (told)
    text = 'Kishida told a news conference that Morgulov\'s remarks were "unproductive and false."'
    t = _plain(text)
    assert t[["speaker", "verb_lemma", "kind"]].values.tolist() == [["Kishida", "tell", "partial"]]


def test_contraction_is_not_a_possessive():
    t = _plain("He's said the talks were useful. Putin said so.")
    assert t["verb_lemma"].tolist() == ["say", "say"]


# --- quotation or label (issue 19) ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'The government calls it a success. The "peace dividend" will pay for schools.',
        'Posters of the "new era" campaign went up across the city.',
        '"Zero-Covid" ended in December. Shops reopened on Monday.',
        # a reporting verb in the sentence, but the quotation names a term or modifies a noun
        'The minister rejected the "hostile" reports on Tuesday.',
        'Mao said the singer performed the song "Katyusha" in Mariupol.',
        'He used the term "treated water" in his speech, officials said.',
        # a noun's slot inside a prepositional phrase, the reporter's sentence going on
        'The plan for a "managed exit" opened up new risks, Ann Lee said.',
        'He hinted at the involvement of a "higher power" in the case, his lawyer said.',
        # a modifier of the noun after it, after a preposition
        'The board accused Lee of "serious" misconduct on Monday.',
        # a noun's slot after an article, the only verb in a subordinate clause
        'Police fired rubber bullets after they declared a "riot" as clashes broke out.',
    ],
)
def test_short_quoted_noun_phrase_without_a_speech_frame_is_a_label(text):
    assert _plain(text).query("kind != 'paraphrase'").empty


def test_a_verb_after_two_quotations_credits_the_nearer_one():
    # "said" credits the quotation right before it; the label before that one is a label
    text = 'A "purely accidental" entry: "The facts are plain," said Ann Lee.'
    assert _plain(text)["quote"].tolist() == ["The facts are plain"]
    marks = nf.distancing_marks([nf.Article("a", "", (text,))])
    assert marks["text"].tolist() == ["purely accidental"]
    # a verb further on, after a clause of the reporter's, is no tag of the quotation between
    text = (
        "In reply to Tom Ash's claim that the 'hard times' would have 'the opposite' effect on"
        " the town, Ann Lee said that 'we will never allow it'."
    )
    assert _plain(text)["quote"].tolist() == [
        "hard times",
        "the opposite",
        "we will never allow it",
    ]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ('The mayor said the plan was "a disgrace".', "a disgrace"),  # reporting verb
        ('The plan is "a disgrace", according to the mayor.', "a disgrace"),  # according to
        ('The mayor: "A disgrace."', "A disgrace."),  # colon after a speaker
        ('"A disgrace," said the mayor.', "A disgrace"),  # quote, then verb
        ('The mayor spoke. "Never."', "Never."),  # a sentence of its own
        ('It was "not our fault" at all.', "not our fault"),  # a clause: someone's words
        ('The pilot had an "excellent" record, Tewolde said.', "excellent"),  # verb after it
        # the noun slot of a prepositional phrase that ends the sentence: the speaker's words
        ('The mayor said the march had turned into a "violent riot".', "violent riot"),
        ('The mayor said it was a "profound shock" to the town.', "profound shock"),
        ('Ann Lee left as she criticised their "poor standards".', "poor standards"),
    ],
)
def test_short_quotation_with_a_speech_frame_is_speech(text, quote):
    assert _plain(text).query("kind != 'paraphrase'")["quote"].tolist() == [quote]


# --- speaker spans are noun phrases (issue 19) --------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # a place after the head is not part of the speaker
        ('"We will rebuild," a police officer at the Main Street station in Springfield said.',
         "a police officer"),
        ("Officials in the capital said the talks went well.", "Officials"),
        # a date between the speaker and the verb is skipped, not taken for the speaker
        ('"We are ready," the Agency for Coastal Safety on Saturday said.',
         "Agency for Coastal Safety"),
        ("The Harbour Authority last week said the port was closed.", "Harbour Authority"),
        ("Police on Monday night said two men were held.", "Police"),
        # affiliations stay: "of" and "for" name whose spokesman it is
        ("A spokesman for the ministry said the plan was late.", "A spokesman for the ministry"),
    ],
)  # fmt: skip
def test_speaker_span_holds_no_place_or_date(sentence, speaker):
    assert _plain(sentence)["speaker"].tolist() == [speaker]


def test_a_poll_is_not_a_speaker():
    t = _plain('"Support is falling," the poll said.')
    assert t["speaker"].tolist() == ["unresolved"]


def test_an_adverb_in_ly_between_subject_and_verb():
    # the partial quotation is the ministry's (dismissed), not Zarif's (has written, after it)
    t = _plain(
        'The Foreign Ministry has vehemently dismissed as "baseless" the claim that '
        "Minister Ali Zarif has written a letter."
    )
    quoted = t[t.kind == "partial"]
    assert quoted[["speaker_text", "verb_lemma"]].values.tolist() == [
        ["Foreign Ministry", "dismiss"]
    ]


def _speaker_of(sentence: str) -> tuple[str, str]:
    row = nf.attributions([nf.Article("x", "T", (sentence,))]).iloc[0]
    return row.speaker, row.verb


def test_a_title_abbreviation_and_an_initial_stay_inside_the_speaker():
    # the full stop of "Capt." and of an initial does not end the noun phrase
    assert _speaker_of('"It is gone," said Cal Fire Capt. Jo Marsh late Thursday.') == (
        "Jo Marsh",
        "said",
    )
    assert _speaker_of('"A cash cow," analyst Robert W. Mann told us.')[0] == "Robert W. Mann"


def test_a_list_of_portfolios_in_a_title_is_one_speaker():
    said = '"We met," Minister of Roads, Rivers and Ports Ken Ito told reporters.'
    t = nf.attributions([nf.Article("x", "T", (said,))])
    # one row (not "Rivers" and "Ports Ken Ito"), named by the words after the list
    assert t["speaker_text"].tolist() == ["Ken Ito"]


def test_the_subject_before_a_relative_clause_without_its_closing_comma():
    said = '"I am angry," resident Ana Ruiz, who lost her house in the fire told reporters.'
    assert _speaker_of(said) == ("Ana Ruiz", "told")
    said = 'Tom Ash, whose son was among those hurt said: "We want answers."'
    assert _speaker_of(said) == ("Tom Ash", "said")


def test_a_plural_noun_after_a_preposition_is_no_reporting_verb():
    said = "After meeting ministers from the 27 remaining EU states, Ana Ruiz said it was fine."
    t = nf.attributions([nf.Article("x", "T", (said,))])
    assert t[["speaker", "verb"]].values.tolist() == [["Ana Ruiz", "said"]]


def test_he_is_the_one_who_spoke_last_when_two_men_share_the_sentence():
    text = (
        '"We will wait," Tom Ash said.',
        "Mr Ash was speaking after Mr Bell issued a challenge.",
        '"It is late," he said.',
    )
    t = nf.attributions([nf.Article("x", "T", text)])
    assert t[t.paragraph_id == 2]["speaker"].tolist() == ["Tom Ash"]


def test_a_role_title_opening_the_article_is_the_person_named_next():
    text = (
        "Norland's Foreign Ministry Spokesperson dismissed as 'utterly false' the rumours.",
        "Tomas Halvik stressed on Sunday that no envoy had been named.",
    )
    t = nf.attributions([nf.Article("x", "T", text)])
    assert set(t["speaker"]) == {"Tomas Halvik"}


def test_a_longer_quoted_noun_phrase_in_a_nouns_slot_without_a_speech_frame_is_a_label():
    text = ('Norland sent a protest to the "head of the Sudovian water office" on Monday.',)
    article = nf.Article("x", "T", text)
    assert nf.attributions([article]).empty  # five words after "the", no reporting verb
    assert len(nf.distancing_marks([article])) == 1


def test_said_after_a_possessive_is_still_a_verb():
    # "said" is never a noun: a stray possessive (a typo) does not hide the speaker
    said = 'Minister Ana Ruiz\'s said on Monday that "the dam is safe".'
    assert _speaker_of(said) == ("Ana Ruiz", "said")


def test_a_participle_after_a_comma_speaks_for_the_sentences_subject():
    text = 'Tom Ash said the plan was late. But he also hinted at a way, telling a panel: "We will find it."'
    t = nf.attributions([nf.Article("x", "T", (text,))])
    direct = t[t.kind == "direct"]
    assert direct[["speaker", "verb"]].values.tolist() == [["Tom Ash", "telling"]]


def test_an_inverted_description_is_the_name_in_apposition_that_closes_the_sentence():
    said = '"The dam is safe," said Norland\'s consul general in Ostvik, Tomas Halvik.'
    assert _speaker_of(said) == ("Tomas Halvik", "said")


def test_according_to_a_document_leaves_the_quotation_to_the_named_speaker():
    said = 'Tomas Halvik, according to a statement, stressed that the dam "held by design".'
    t = nf.attributions([nf.Article("x", "T", (said,))])
    quoted = t[t.kind != "paraphrase"]
    assert quoted[["speaker", "verb"]].values.tolist() == [["Tomas Halvik", "stressed"]]


def test_it_in_the_complement_of_an_organisations_verb_is_that_organisation():
    said = 'Acme said it would recommend that flights stop "out of an abundance of caution".'
    t = nf.attributions([nf.Article("x", "T", (said,))])
    assert t[t.kind == "partial"][["speaker", "verb"]].values.tolist() == [
        ["Acme", "would recommend"]
    ]


def test_a_banner_never_speaks_even_when_a_verb_of_speech_follows_it():
    text = 'Many wore T-shirts that read "Let us pray" as they held banners and shouted: "Go!"'
    t = _plain(text)
    assert t[["speaker", "quote"]].values.tolist() == [["unresolved", "Go!"]]


def test_one_person_is_one_speaker_whatever_the_spelling_or_honorific():
    text = (
        '"The fire is contained," said fire chief Ken Pimlott.',
        '"Stay away from the ridge," Pimlot said.',  # a letter dropped: still Ken Pimlott
        '"We are searching," said Datuk Seri Aziz Rahmat.',
        '"Nothing was found," Aziz told reporters.',  # honorifics are no given name
    )
    t = nf.share_of_voice([nf.Article("x", "T", text)])
    assert sorted(t["speaker"]) == ["Aziz Rahmat", "Ken Pimlott"]


def test_two_people_who_share_a_surname_stay_two_speakers():
    text = (
        '"We will appeal," said Ann Lee, the owner.',
        '"We will not," said Bob Lee, her brother.',
        '"It is over," Lee said.',  # which Lee: not guessed
    )
    t = nf.attributions([nf.Article("x", "T", text)])
    assert t["speaker"].tolist() == ["Ann Lee", "Bob Lee", "Lee"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # the object of a participle is not the speaker: the noun phrase before it is
        ('The official leading the rescue said it "may last two months."', "The official"),
        ('A senior police officer guarding the embassy said "it is calm".',
         "A senior police officer"),
        # a role noun alone, capitalised, with no determiner, names nobody (headline shorthand)
        ('Lawyer calls the arrest "hostage justice" in a statement.', "unresolved"),
        ("'The plan is dead,' says MP on Monday.", "unresolved"),
        ('"We comply," the IAEA said.', "IAEA"),
        # ... but a plural or collective one does
        ('Police said "two men were held".', "Police"),
        ('Officials said "the port is shut".', "Officials"),
    ],
)  # fmt: skip
def test_a_speaker_is_a_noun_phrase_that_names_someone(sentence, speaker):
    assert _plain(sentence).query("kind != 'paraphrase'")["speaker"].tolist() == [speaker]


def test_one_member_of_a_group_is_one_key_however_worded():
    text = '"We want answers," one of the relatives said. "Now," one relative said.'
    assert _plain(text)["speaker"].tolist() == ["one relative", "one relative"]


def test_he_never_stands_for_a_country():
    text = (
        "Hishammuddin said India, Cambodia, and Kazakhstan have confirmed that their radar data"
        " had shown no sighting of the plane in their airspaces.",
        'He thanked the countries, saying that vessels "are sailing through a cyclone".',
    )
    t = nf.attributions([nf.Article("x", "T", text)])
    assert t[t.paragraph_id == 1]["speaker"].tolist() in (["unresolved"], ["Hishammuddin"])


def test_the_company_is_the_body_the_text_calls_it_and_never_a_person():
    said = (
        "In a statement, Acme said it would stop all flights.",
        '"Safety comes first," the company said.',
    )
    assert nf.attributions([nf.Article("x", "T", said)])["speaker"].tolist() == ["Acme", "Acme"]
    said = ("On Monday, Lee said the plan was fine.", '"Safety comes first," the company said.')
    t = nf.attributions([nf.Article("x", "T", said)])
    assert t["speaker"].tolist() == ["Lee", "the company"]


def test_a_month_after_a_courtesy_title_speaks():
    # "Mrs May said": the verb has a subject, May, never the title alone nor a date
    table = _plain(
        "Prime Minister Theresa May spoke to MPs.",
        'Mrs May said: "We will act."',
        '"It was wrong," Mrs May added.',
        'In May, officials said "no" to the plan.',
    )
    got = [(r.speaker, r.verb_lemma) for r in table.itertuples()]
    assert got == [("Theresa May", "say"), ("Theresa May", "add"), ("officials", "say")]


def test_manner_verb_after_a_quotation_credits_its_subject():
    # "fumed" right after the quotation is its reporting verb (an evaluative one), subject Lee
    t = _plain('"It is utterly wrong," Tom Lee fumed outside his office.')
    row = t[t.kind == "direct"].iloc[0]
    assert (row.speaker_name, row.verb_lemma, row.verb_class) == ("Tom Lee", "fume", "evaluative")


def test_manner_verb_before_a_quotation_is_not_a_reporting_verb():
    t = _plain('The crowd fumed for hours and then "It is utterly wrong" appeared on a sign.')
    assert "fume" not in set(t.verb_lemma)


def test_participle_tied_to_a_quotation_keeps_its_verb_without_a_subject():
    # the briefing sentence names nobody as the subject of "stating": the verb still counts
    quote = "We hereby declare an emergency to protect the city."
    t = _plain(f'Governor Ann Lee held a briefing at 10:30 p.m. the day before, stating, "{quote}"')
    assert t[t.quote == quote].verb_lemma.tolist() == ["state"]


# --- a reporting verb whose subject is not found (issue 19) -------------------------------


@pytest.mark.parametrize(
    ("paragraph", "quote", "verb"),
    [
        # "and said" with no verb before it in the sentence: the verb still reports
        ('Ann Lee smiled and said, "I am very happy today."', "I am very happy today.", "said"),
        # a description the speaker table does not know ("titan"): the verb still reports
        ('"We will appeal the ruling," the titan told reporters.', "We will appeal the ruling", "told"),
        # an infinitive after "to" is a verb, not a noun
        ('The lawyers gathered outside court to say they "respect the decision of the jury."',
         "respect the decision of the jury.", "say"),
    ],
)  # fmt: skip
def test_verb_of_a_quoted_sentence_counts_without_its_subject(paragraph, quote, verb):
    t = _plain(paragraph)
    quoted = t[t.kind != "paraphrase"]
    assert quoted[["quote", "verb"]].values.tolist() == [[quote, verb]]


def test_verb_with_a_subject_beats_a_verb_without_one():
    # "reports" has no subject the rules can find; "said" has one (Ann Lee) and the partial
    # quotation is its complement
    t = _plain('Ann Lee said reports that the ship sank were "simply wrong and misleading".')
    row = t[t.kind == "partial"].iloc[0]
    assert (row.speaker, row.verb) == ("Ann Lee", "said")


def test_verb_without_a_subject_makes_no_short_phrase_speech():
    # "mentioned" has no subject the rules find ("titan" is no speaker noun): the two quoted
    # words stay a label, nobody's speech
    t = _plain('The titan laughed and mentioned the "peace plan" twice.')
    assert t[t.kind != "paraphrase"].empty


@pytest.mark.parametrize(
    ("paragraph", "verb"),
    [
        ('"Please rise and face the jury," Judge Ann Lee commanded.', "command"),
        ('A letter from Ann Lee cited "the good relations between our two countries."', "cite"),
        ('Ann Lee expressed concern over the "significant risk of extreme actions by him."',
         "express"),
    ],
)  # fmt: skip
def test_general_reporting_verbs_of_the_table(paragraph, verb):
    t = _plain(paragraph)
    assert t[t.kind != "paraphrase"].verb_lemma.tolist() == [verb]


@pytest.mark.parametrize(
    ("paragraph", "speaker", "verb"),
    [
        # a frame after the quotation names the reporter's source, not the speaker
        ('"I am very happy," said Ann Lee, according to Tom Reed.', "Ann Lee", "said"),
        ('Ann Lee, who stated that she found the remark "deeply regrettable", has asked for an '
         "apology, according to local media.", "Ann Lee", "stated"),
        # a participle after a comma: its own verb, whose complement the quotation is
        ('India firmly rejected a Canadian allegation earlier this year, calling the suggestion '
         '"absurd and motivated."', "India", "calling"),
        # a verb without a subject frames the quotation of its "that" clause
        ('The judge overseeing the trial told him on Friday that he must "humbly accept" the '
         "outcome, Reuters reported.", None, "told"),
    ],
)  # fmt: skip
def test_the_verb_of_a_quotation_among_several(paragraph, speaker, verb):
    t = _plain(paragraph)
    quoted = t[t.kind != "paraphrase"]
    assert quoted.verb.tolist() == [verb]
    if speaker is not None:
        assert quoted.speaker.tolist() == [speaker]
    assert "unresolved" not in t[t.kind == "paraphrase"].speaker.tolist()


@pytest.mark.parametrize(
    ("paragraph", "speaker", "verb"),
    [
        # a body or a document inside the complement of "said": the words are Ann Lee's
        ('Ann Lee said that the government had told its neighbour it was not its "policy" at '
         "all.", "Ann Lee", "said"),
        ('Ann Lee said the verdict confirmed "the rule of law for all the people".', "Ann Lee",
         "said"),
        # a person inside the complement speaks the words
        ('Tom Reed revealed that in talks this week Ann Lee had declared the proposals "dead" '
         "and left.", "Ann Lee", "had declared"),

    ],
)  # fmt: skip
def test_a_partial_quotation_in_the_complement_of_a_reporting_verb(paragraph, speaker, verb):
    for speakers in ("rules", "model"):
        t = nf.attributions([Article("a", "T", (paragraph,))], speakers=speakers)
        quoted = t[t.kind != "paraphrase"]
        assert quoted[["speaker", "verb"]].values.tolist() == [[speaker, verb]]


def test_a_description_names_the_person_it_describes():
    t = _plain(
        "Ann Lee met Tom Reed. Mrs Lee spoke first.",
        '"We are not finished yet," the prime minister said.',
        'His lawyer, Mark Cohen, later read a statement to say they "respect the decision. '
        'But we are very disappointed with the result."',
        '"We will look again," the commander said.',  # no commander named: stays as written
    )
    quoted = t[t.kind != "paraphrase"]
    assert quoted.speaker.tolist() == ["Ann Lee", "Mark Cohen", "the commander"]


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ('"I have caused too much anxiety," the businessman said upon his release.',
         "the businessman"),
        ('"We cannot move him yet," said the helpless volunteers.', "the helpless volunteers"),
    ],
)  # fmt: skip
def test_general_person_nouns_head_a_speaker(paragraph, speaker):
    t = _plain(paragraph)
    assert t[t.kind != "paraphrase"].speaker.tolist() == [speaker]


def test_a_quotation_run_on_into_the_next_paragraph_takes_its_tag():
    # the first quotation is left open at its paragraph's end (the convention for a quotation
    # over several paragraphs): the tag of the next paragraph, "Tom Reed explained", is its own
    paras = (
        "Ann Lee met Tom Reed on Monday.",
        '"We have a plan here with us and every action we take is based on it.',
        '"It was on their advice that we stayed away. But it is calmer today," Tom Reed explained.',
    )
    t = nf.attributions([Article("a", "T", paras)])
    assert t[["paragraph_id", "speaker", "verb"]].values.tolist() == [
        [1, "Tom Reed", "explained"],
        [2, "Tom Reed", "explained"],
    ]


def test_a_bare_title_names_the_person_and_someones_role_only_by_apposition():
    t = _plain(
        "Foreign Minister Melanie Joly met Tom Reed in Ottawa.",
        '"We have asked for the evidence," the Canadian Foreign Minister said.',
        # Tom Reed's lawyer is no role holder the article named: stays as written
        '"We will appeal the whole ruling," Tom Reed\'s lawyer said.',
    )
    quoted = t[t.kind != "paraphrase"]
    assert quoted.speaker.tolist() == ["Melanie Joly", "Tom Reed's lawyer"]


def test_an_office_description_before_the_name_and_a_countrys_president():
    # the lede describes the person before naming her; "the country's President" is an office
    t = _plain(
        'The embattled president said she would submit to an investigation "if necessary".',
        "President Ana Ruiz spoke in Lima on Friday.",
        'In Peru, the country\'s President said the press had "humiliated" itself.',
    )
    quoted = t[t.kind != "paraphrase"]
    assert quoted.speaker.tolist() == ["Ana Ruiz", "Ana Ruiz"]


@pytest.mark.parametrize(
    ("paragraph", "speaker", "verb"),
    [
        # the verb the partial quotation completes, though in a clause after "after"
        ('The United States denied the visa on Friday, days after it called the nomination '
         '"not viable and wrong."', "United States", "called"),
        ('"Please rise and face the jury," Judge Ann Lee commanded just before a jury '
         'forewoman responded "guilty" seven times.', "a jury forewoman", "responded"),
    ],
)  # fmt: skip
def test_the_verb_a_partial_quotation_completes(paragraph, speaker, verb):
    t = _plain(paragraph)
    row = t[t.kind == "partial"].iloc[0]
    assert (row.speaker, row.verb) == (speaker, verb)


def test_an_office_names_the_holder_over_a_name_without_a_role():
    # "Notre Dame" named as often as the president has no role; the president holds the office
    # "the leader" describes ("President" and "leader" are top offices)
    t = _plain(
        "French President Ana Ruiz promised to rebuild Notre Dame.",
        "Ana Ruiz said Notre Dame would be rebuilt.",
        'The French leader praised the "courage and great professionalism" of firefighters.',
    )
    assert t[t.kind != "paraphrase"].speaker.tolist() == ["Ana Ruiz"]


def test_the_subject_before_in_a_statement_and_the_role_the_rules_resolved():
    t = _plain(
        'The water board in a statement said, "We have seen the report and we reject it."',
        "Foreign Minister Ana Ruiz met Prime Minister Tom Reed in Lima.",
        "Ana Ruiz spoke to reporters after the talks.",
        'The foreign minister said the envoys were "unsafe" in the capital.',
    )
    quoted = t[t.kind != "paraphrase"]
    assert quoted.speaker.tolist() == ["The water board", "Ana Ruiz"]


def test_a_noun_after_its_modifier_is_no_verb_without_a_subject():
    # "remarks" after "his first" is a noun, "told" after "the titan" a verb
    from newsframe.framing._units import Unit
    from newsframe.framing.quotes import top_level_quotes
    from newsframe.framing.speakers import find_attributions, load_reporting_verbs

    verbs = load_reporting_verbs()
    for text, found in [
        ('In his first remarks, Ana Ruiz said "we are ready to go".', ["said"]),
        ('"We will appeal," the titan told reporters.', ["told"]),
    ]:
        unit = Unit("body", 0, text, ((0, 0, len(text)),))
        atts = find_attributions(unit, top_level_quotes(text), verbs=verbs, actors=())
        assert [a.verb for a in atts] == found


def test_the_representative_of_a_named_organisation_speaks_for_it():
    t = _plain(
        "Malaysia Airlines (MAS) met the families on Monday.",
        '"Every action we take is based on his advice," the MAS representative explained.',
    )
    assert t[t.kind != "paraphrase"].speaker.tolist() == ["Malaysia Airlines"]


def test_the_outer_speakers_last_verb_before_a_partial_quotation():
    t = _plain(
        '"He did all this for money," Ann Lee said, adding the complaint alleges he committed '
        'fraud "on a massive scale."'
    )
    row = t[t.kind == "partial"].iloc[0]
    assert (row.speaker, row.verb) == ("Ann Lee", "adding")


def test_a_base_form_after_a_singular_noun_phrase_is_a_noun():
    # "claim" after "the Canadian" would be "claims" as a verb: a noun, crediting no one
    from newsframe.framing._units import Unit
    from newsframe.framing.quotes import top_level_quotes
    from newsframe.framing.speakers import find_attributions, load_reporting_verbs

    verbs = load_reporting_verbs()
    for text, found in [
        ('Asked about the Canadian claim, Ana Ruiz said "we have seen nothing".', ["said"]),
        ('The Canadians claim the islands were "always theirs".', ["claim"]),
        ('The statement read: "We are closed."', ["read"]),
    ]:
        unit = Unit("body", 0, text, ((0, 0, len(text)),))
        atts = find_attributions(unit, top_level_quotes(text), verbs=verbs, actors=())
        assert [a.verb for a in atts] == found


def test_a_statement_named_by_its_issuer_is_the_issuer_speaking():
    # paragraph 1 defines the acronym; paragraph 2 credits "the ACS statement" and then "the
    # statement": both are the agency (5 + 3 quoted words), one speaker; "a joint statement"
    # names no issuer and stays as written
    t = _plain(
        "The Agency for Coastal Safety (ACS) opened an inquiry on Monday.",
        '"We will find the cause," the ACS statement said. "Nobody is blamed," the statement added.',
        '"Talks continue," a joint statement said.',
    )
    assert t[["speaker", "quote_words"]].values.tolist() == [
        ["Agency for Coastal Safety", 5],
        ["Agency for Coastal Safety", 3],
        ["a joint statement", 2],
    ]


def test_the_official_after_a_ministry_spokesman_is_the_ministry_speaking():
    # paragraph 1: "a Chinese Foreign Ministry spokesman" speaks for the ministry; paragraph
    # 2: "the official" is that spokesman, so the ministry again -- one speaker, not two
    t = _plain(
        '"We are fully prepared," said a Chinese Foreign Ministry spokesman on Monday.',
        '"We will act firmly," the official said.',
    )
    assert t["speaker"].tolist() == ["Foreign Ministry (China)", "Foreign Ministry (China)"]


def test_a_countrys_president_with_a_modifier_is_the_president_the_article_names_next():
    # the lede describes the president ("South Korea's embattled president": a possessive
    # and a lowercase modifier, no name); the next paragraph names her and quotes her: one
    # speaker, the person, for both quotations
    t = _plain(
        "South Korea's embattled president on Friday apologized to the nation over a crisis, "
        'and said she would submit to an inquiry "if necessary," as her ratings fell.',
        "Ann Park-Lee, who took office four years ago, faces the worst crisis of her term.",
        '"I deeply apologise," Park-Lee said.',
    )
    assert t["speaker"].tolist() == ["Ann Park-Lee", "Ann Park-Lee"]


def test_a_statement_an_organisation_issued_is_the_organisation_speaking():
    # paragraph 1: the group "issued a detailed statement ... and said" (the statement is the
    # subject the rules find); paragraph 2: "the statement said" -- both are the group
    t = _plain(
        'The Acme Group on Sunday issued a detailed statement and said the claims "are lies".',
        'The group obeys every law, the statement said. "We will sue," it added.',
    )
    assert set(t["speaker"]) == {"Acme Group"}


def test_the_prime_minister_between_two_people_named_as_often_is_the_one_quoted_before():
    # Mrs Ann Lee and Mr Tom Reed are each named twice; Lee has been quoted, Reed has not:
    # "the prime minister" is Lee, and so are "She" and "The prime minister" after it
    t = _plain(
        'Mrs Ann Lee met Mr Tom Reed. "We talked," Ann Lee said.',
        'Tom Reed left. In the Commons, the prime minister said it was "highly likely".',
        '"It is clear," she said. The prime minister said the talks "will go on".',
    )
    assert set(t["speaker"]) == {"Ann Lee"}


def test_a_firm_described_after_it_spoke_is_that_firm_and_never_a_person():
    # "Kestrel Research" (no role: typed a person only by default) speaks, then "The US-based
    # investment firm" and "it" in the next paragraph: one speaker, the firm
    t = _plain(
        '"Fraud is fraud," Kestrel Research said on Monday.',
        'The US-based investment firm further said: "We stand by our report." "We disagree," '
        "it added.",
    )
    assert set(t["speaker"]) == {"Kestrel Research"}
    # a person the text calls "he", or one with a role, is never "the company"
    t = _plain(
        '"Fraud is fraud," John Smith said on Monday. "We will see," he added.',
        '"We stand by it," the company said.',
    )
    assert t["speaker"].tolist() == ["John Smith", "John Smith", "the company"]
    t = _plain(
        '"Fraud is fraud," chief executive Ann Lee said on Monday.',
        '"We stand by it," the company said.',
    )
    assert t["speaker"].tolist() == ["Ann Lee", "the company"]


def test_a_lede_describing_a_firm_named_next_and_its_report_are_that_firm():
    # the lede describes the firm before naming it ("The US-based investment research firm");
    # the next paragraph names Kestrel Research, whose name holds "research"; "its report"
    # after "Kestrel" is the firm's too: one speaker for the three quotations
    t = _plain(
        'The US-based investment research firm said the group "tried to lead the focus away".',
        'Kestrel Research on Monday hit back at the group, saying "fraud is fraud".',
        'Kestrel stood by its report, which said the group was "engaged in fraud".',
    )
    assert set(t["speaker"]) == {"Kestrel Research"}


def test_a_reporting_verb_with_no_speaker_is_unresolved_not_an_empty_name():
    # "Complaining and say.": a verb the rules read as reporting, and no noun phrase anywhere
    # that could be its speaker. It used to stop the whole table with an IndexError (the
    # description rules read the first word of an empty speaker) and, before that, to come out
    # with an empty speaker of source "pending".
    corpus = nf.Corpus([nf.Article("x", "", ("Complaining and say.",))])
    rows = nf.attributions(corpus)
    assert list(rows["speaker"]) == ["unresolved"]
    assert list(rows["speaker_source"]) == ["unresolved"]


def test_an_organisation_named_with_an_ampersand_or_a_portfolio_list_speaks_whole():
    a = Article(
        "a",
        "T",
        (
            '"We will appeal," Alvarez & Marsal Asia said on Monday.',
            'The Ministry of Culture, Sports and Tourism said it would "look into it" soon.',
            # near misses: a minister's portfolio list is the person's title; a comma after a
            # ministry's name ends it
            'Minister of Trade, Industry and Energy Sung Yun-mo said it was "regrettable".',
        ),
    )
    table = nf.attributions([a])
    assert table[["speaker", "speaker_kind"]].values.tolist() == [
        ["Alvarez & Marsal Asia", "organisation"],
        ["Ministry of Culture, Sports and Tourism", "organisation"],
        ["Sung Yun-mo", "person"],
    ]


def test_a_description_with_a_complement_names_the_holder_of_its_head_role():
    # by eye: "the chairman of the association" is headed by "chairman", the role the article
    # gave Kim Taek-gyu before his name; "the head of Boeing" names someone's office at a company
    # the article names nobody for: it stays as written, never the most salient person
    a = Article(
        "a",
        "T",
        (
            'Association chairman Kim Taek-gyu spoke on Monday. "We will review it," he said.',
            '"We did nothing wrong," the chairman of the association said.',
            '"It is late," the head of Boeing said.',
        ),
    )
    assert nf.attributions([a])["speaker"].tolist() == [
        "Kim Taek-gyu", "Kim Taek-gyu", "the head of Boeing"
    ]  # fmt: skip


def test_an_office_description_names_the_one_holder_of_that_bodys_office():
    # by eye: "the PTI chief" shares its modifier "PTI" with the role "PTI Chairman" of Imran
    # Khan (chief and chairman: one office), "the NAB chief" with Ann Lee's "NAB Chairman"
    a = Article(
        "a",
        "T",
        (
            "PTI Chairman Imran Khan and NAB Chairman Ann Lee met on Monday.",
            '"I am ready," the PTI chief said.',
            '"We wait," the NAB chief said.',
        ),
    )
    assert nf.attributions([a])["speaker"].tolist() == ["Imran Khan", "Ann Lee"]


def test_a_country_credited_with_speech_is_the_one_body_of_it_the_article_quotes():
    # by eye: "Moscow" says what the Russian Foreign Ministry, quoted in its own words after,
    # says: one voice (the ministry); Japan has no body quoted here and stays Japan
    a = Article(
        "a",
        "T",
        (
            'Moscow said the claims were "absurd".',
            'The Russian Foreign Ministry said it would "respond in kind".',
            'Tokyo said the talks were "useful".',
        ),
    )
    assert nf.attributions([a])["speaker"].tolist() == [
        "Foreign Ministry (Russia)", "Foreign Ministry (Russia)", "Japan"
    ]  # fmt: skip


def test_a_lede_description_is_the_person_the_next_paragraph_credits():
    # by eye: the lede's "The founder of the tabloid" is named in the next paragraph (Jimmy
    # Lai); in the second article Ann Lee speaks first, so the later description is no lede's
    a = Article(
        "a",
        "T",
        (
            'The founder of the tabloid said the charges were "absurd".',
            '"I am innocent," Jimmy Lai said.',
        ),
    )
    b = Article(
        "b",
        "T",
        (
            '"We agree," Ann Lee said. The founder of the tabloid said it was "absurd".',
            '"I am innocent," Jimmy Lai said.',
        ),
    )
    assert nf.attributions([a])["speaker"].tolist() == ["Jimmy Lai", "Jimmy Lai"]
    assert nf.attributions([b])["speaker"].tolist() == [
        "Ann Lee", "The founder of the tabloid", "Jimmy Lai"
    ]  # fmt: skip


def test_it_for_a_document_credited_before_is_that_documents_issuer():
    # by eye: "its last week's report" is Hindenburg Research's (the name before "its"); "it"
    # after it, which the rules take for that report, is Hindenburg Research too
    a = Article(
        "a",
        "T",
        (
            'Hindenburg Research stood by its last week\'s report that said it found "brazen" fraud.',
            '"We categorically deny this," it said.',
        ),
    )
    assert set(nf.attributions([a])["speaker"]) == {"Hindenburg Research"}


def test_a_run_on_sentence_of_many_quotations_weighs_only_the_verbs_near_each_quotation():
    """One 'sentence' of 200 clauses 'Name said "...", and': every quotation keeps its own
    speaker (the clause's name, worked out from the text), so bounding the verbs a quotation
    weighs to those near it (linear work) changes nothing a reader would see."""
    from newsframe.framing.attribution import _NEAR_ATTRIBUTIONS

    n = 200
    assert n > 2 * _NEAR_ATTRIBUTIONS  # the bound is in force for this sentence
    names = ["Ann Lee", "Bob Stone", "Cai Wen", "Dora Holt"]
    text = " ".join(f'{names[i % 4]} said "we agree on point {i}", and' for i in range(n))
    table = _plain(text + " the talks ended.")
    direct = table[table["quote"].str.startswith("we agree")]
    assert len(direct) == n
    expected = [names[int(q.rsplit(" ", 1)[1]) % 4] for q in direct["quote"]]
    assert list(direct["speaker"]) == expected


def test_a_row_of_a_run_on_sentence_carries_the_words_around_its_quotation_not_the_whole():
    """Every row carries its sentence; for a 'sentence' of 400 clauses (about 14,000
    characters, over SENTENCE_CHARS) each row's is its quotation with SENTENCE_CONTEXT
    characters either side, cut with '…', so the table grows linearly with the article."""
    from newsframe.framing.attribution import SENTENCE_CHARS, SENTENCE_CONTEXT

    clauses = [f'Ann Lee said "we agree on point {i}", and' for i in range(400)]
    text = " ".join(clauses) + " the talks ended."
    assert len(text) > SENTENCE_CHARS
    table = _plain(text)
    middle = table[table["quote"] == "we agree on point 200"].iloc[0]
    assert middle["sentence"].startswith("…") and middle["sentence"].endswith("…")
    assert "we agree on point 200" in middle["sentence"]
    # the quotation with its two quotation marks (23 characters), SENTENCE_CONTEXT on each
    # side and the two cut marks
    assert len(middle["sentence"]) == len('"we agree on point 200"') + 2 * SENTENCE_CONTEXT + 2
    first = table[table["quote"] == "we agree on point 0"].iloc[0]
    assert first["sentence"].startswith("Ann Lee said") and first["sentence"].endswith("…")
    short = _plain('Ann Lee said "we agree", and left.')
    assert short["sentence"].iloc[0] == 'Ann Lee said "we agree", and left.'


def test_a_base_form_after_a_and_a_noun_is_no_reporting_verb():
    # "a police report": after "a" and one noun a verb would be "reports"; a noun
    text = 'Mr Ash filed a police report. The "Night Shift" actor declined to say more.'
    article = nf.Article("x", "T", (text,))
    assert nf.attributions([article]).query("speaker == 'a police'").empty
    assert nf.distancing_marks([article])["text"].tolist() == ["Night Shift"]
    # after "the", a group noun takes a plural verb: still a reporting verb
    said = 'The police report that "the road is closed".'
    assert _speaker_of(said)[1] == "report"
    # "a few people" are many: their "say" is a verb
    assert _speaker_of('A few people say "it was awful" there.') == ("A few people", "say")


def test_a_term_after_a_cue_is_a_label_up_to_a_noun_slots_length():
    # six words after "known as": a name for the event, not anybody's quoted words
    text = 'Tom Ash spoke of what became known as "the storm heard around the coast."'
    article = nf.Article("x", "T", (text,))
    assert nf.attributions([article]).query("kind != 'paraphrase'").empty
    assert nf.distancing_marks([article])["text"].str.strip(".").tolist() == [
        "the storm heard around the coast"
    ]
    # a sentence of the speaker's after a cue word stays speech
    said = 'Jo Marsh used the words "I am so very sorry" twice.'
    assert nf.attributions([nf.Article("y", "T", (said,))])["quote"].tolist() == [
        "I am so very sorry"
    ]


def test_a_name_after_a_passive_naming_frame_is_a_label():
    # "referred to as" and "described as" right before the marks: a name the text reports,
    # nobody's quoted words, though a person is named in the sentence
    for text in (
        'Ann Lee has been referred to as "The Voice of the Coast" by many.',
        'Tom Ash said the tool had been described as a "safe device" in the notes.',
    ):
        article = nf.Article("x", "T", (text,))
        assert nf.attributions([article]).query("kind != 'paraphrase'").empty
    # the active frame, its object between or before it: the subject's words
    said = 'Ann Lee described the plan as "a complete disaster for us all" on Monday.'
    assert nf.attributions([nf.Article("y", "T", (said,))])["quote"].tolist() == [
        "a complete disaster for us all"
    ]
    said = 'Ann Lee said she regrets the crash, which she described as "a great tragedy."'
    table = nf.attributions([nf.Article("z", "T", (said,))]).query("kind != 'paraphrase'")
    assert table["quote"].tolist() == ["a great tragedy."]


def test_a_minister_named_with_a_portfolio_list_is_one_speaker():
    said = 'Minister of Fisheries and Ports Tomas Halvik said on Monday, "We will act."'
    t = nf.attributions([nf.Article("x", "T", (said,))])
    assert t["speaker_text"].tolist() == ["Tomas Halvik"]
    said = '"We met," Mayor Ana Ruiz and Police Chief Tom Ash said.'  # two people stay two
    assert nf.attributions([nf.Article("y", "T", (said,))])["speaker"].tolist() == [
        "Ana Ruiz",
        "Tom Ash",
    ]


def test_a_role_noun_subject_is_a_person_he_or_she_can_stand_for():
    # the article never names the gunman: "he" after "The gunman ..." is the gunman
    text = ("Ana Ruiz runs the shop.", 'The gunman left by car. "I am not sorry," he said.')
    t = nf.attributions([nf.Article("x", "T", text)])
    assert t["speaker"].tolist() == ["the gunman"]
    # a gunman is a man: "she" passes him by for the woman named before
    text = ("Ana Ruiz runs the shop.", 'The gunman left by car. "I hid," she said.')
    assert nf.attributions([nf.Article("y", "T", text)])["speaker"].tolist() == ["Ana Ruiz"]
    # as an object the role noun ranks below the person named around it
    text = ('Tom Ash saw the gunman. "It was awful," he said.',)
    assert nf.attributions([nf.Article("z", "T", text)])["speaker"].tolist() == ["Tom Ash"]


def test_an_occupation_before_a_name_is_a_role_not_part_of_the_speaker():
    # "Comedian" opening the sentence is a role like "Mayor": the speaker is the person
    for said, name in (
        ('Comedian Tom Ash said on Monday, "We will go on."', "Tom Ash"),
        ('"Sorry," rapper Ana Ruiz told fans.', "Ana Ruiz"),
        ('Isaac Singer said, "It is late."', "Isaac Singer"),  # a surname stays a name
    ):
        assert _speaker_of(said)[0] == name


def test_a_clause_is_never_a_speaker():
    # "Police named the suspect" is a sentence, not a noun phrase: with no person that "he"
    # can stand for (the suspect is an object), the speaker is honestly unresolved
    text = ('Police named the suspect. "I did it," he told them.',)
    t = nf.attributions([nf.Article("x", "T", text)])
    assert t["speaker"].tolist() == ["unresolved"]


def test_a_pronoun_for_a_title_a_rule_named_is_that_person():
    # "The First Minister" is Maria Costa (the one person named before); "She" that the rules
    # took for "First Minister" is Maria Costa too, not a second speaker "First Minister"
    t = _plain(
        "Maria Costa announced her resignation on Monday.",
        'The First Minister told reporters the party is "on course to win".',
        'She added: "The longer any leader is in office, the harder it gets."',
    )
    quoted = t[t["quote"] != ""]
    assert quoted["speaker"].tolist() == ["Maria Costa", "Maria Costa"]


def test_an_abbreviated_title_holds_the_office_a_description_names():
    # "Gov." before the name is the governor's title: "the governor" is Peter Hall
    t = _plain(
        "Gov. Peter Hall announced his resignation on Tuesday.",
        '"I step aside now," Hall said.',
        '"The allegations had no basis in the report," the governor said.',
    )
    assert t["speaker"].tolist() == ["Peter Hall", "Peter Hall"]


def test_a_pronoun_subject_keeps_the_topic_over_a_person_named_in_passing():
    # "she addressed ... Tom Okafor": the sentence's subject is Dana Reyes, so the "she" who
    # speaks next is Dana Reyes, not the man named in passing
    t = _plain(
        '"We can and will win," Dana Reyes said.',
        "In her speech, she addressed a message to her partner, Tom Okafor, who was present.",
        '"Let us finally get married," she said.',
    )
    assert t["speaker"].tolist() == ["Dana Reyes", "Dana Reyes"]


def test_she_is_the_woman_who_spoke_before_over_a_name_the_text_gives_no_gender():
    # "Carden House" (typed a person by its capitals) has no gender in the article; Ruth
    # Amsel is "she" (the article's own pronoun after her name), so "she said" is Ruth Amsel
    t = _plain(
        "Ruth Amsel said today her decision was final. She thanked her staff.",
        'At a press conference at her official residence, Carden House in Leith, she said: "It '
        'is time to go."',
    )
    assert t[t["quote"] != ""]["speaker"].tolist() == ["Ruth Amsel"]


def test_the_corporation_is_the_body_the_article_is_about_never_a_person_quoted_before():
    # Norda Bank is named three times, Kell Group once; "Tom Wright" (called "Wright" alone)
    # is a person, never the corporation; "the statement" is the corporation's
    t = _plain(
        "Norda Bank suspended its chief on Friday. Norda Bank and Kell Group declined to comment.",
        "Norda Bank staff walked out.",
        'Tom Wright said he was "shocked". Staff said Wright has worked there for years.',
        'The corporation said in a statement it had held "extensive discussions".',
        '"We consider the posts a breach of our rules," the statement added.',
    )
    assert t[t["quote"] != ""]["speaker"].tolist() == ["Tom Wright", "Norda Bank", "Norda Bank"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # the person speaks; "from" opens the affiliation after the name
        ('Polling expert Sir John Curtice from Strathclyde University told the BBC there "is no '
         'obvious successor".', "John Curtice"),
        # "close to" is the source's complement: the source speaks, not the leader
        ('Ahead of her speech, a source close to the party leader told the BBC she had "had '
         'enough".', "a source close to the party leader"),
    ],
)  # fmt: skip
def test_a_post_modifier_is_inside_the_speaker_never_the_speaker(sentence, speaker):
    t = _plain("Ann Lee resigned on Monday.", sentence)
    assert t["speaker"].tolist() == [speaker]


def test_a_statement_no_issuer_is_named_for_is_the_one_just_reported():
    # the board declared; "The blunt statement" names no issuer: the board's words
    t = _plain(
        'The board declared on Friday that it "no longer has confidence in him".',
        'The blunt statement also said the former chief "was not candid with the board".',
    )
    assert t["speaker"].tolist() == ["The board", "The board"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # guidance is a document: its issuer speaks
        ('Reed is freelance, but BBC guidance states that its stars are expected "to avoid '
         'taking sides".', "BBC"),
        # a user is a person: the relative clause's subject speaks
        ('Replying to a Twitter user who said it was "easy to pontificate", Reed wrote back.',
         "a Twitter user"),
    ],
)  # fmt: skip
def test_guidance_is_a_document_and_a_user_a_person(sentence, speaker):
    t = _plain("Tom Reed works for the BBC.", sentence)
    assert t[t["quote"] != ""]["speaker"].tolist() == [speaker]


def test_a_name_after_its_owner_or_a_country_is_the_person_one_speaker():
    # "Al Jazeera's Jamal Reda" and "U.S. Jean-Paul" (a sentence end the splitter missed) are
    # the people named in full elsewhere: one speaker each in share of voice
    t = _plain(
        "Press Secretary Karine Jean-Paul and reporter Jamal Reda were there.",
        '"We are ready," Al Jazeera\'s Jamal Reda said.',
        'Congress must act in the U.S. Jean-Paul said it was "a disgrace".',
        '"No more," Jean-Paul said.',
    )
    assert t[t["quote"] != ""]["speaker"].tolist() == [
        "Jamal Reda",
        "Karine Jean-Paul",
        "Karine Jean-Paul",
    ]


def test_a_verb_of_continuing_before_a_colon_introduces_the_next_quotation():
    # "continue" counts after a quotation or before a colon; "continues to have" reports nothing
    t = _plain(
        "Governor Greg Abel spoke at the school on Tuesday.",
        "Abel continues:",
        '"Children are a blessing. They are filled with laughter."',
        'The school continues to have "full confidence" in its staff.',
    )
    quoted = t[t["quote"] != ""]
    assert quoted[["speaker", "verb_lemma"]].values.tolist() == [["Greg Abel", "continue"]]


def test_they_after_two_names_joined_by_and_is_those_two():
    # the sentence opens with "Ruiz and Hart"; Tom Bell is their object: "They" is Ruiz and Hart
    t = _plain(
        "Dana Ruiz and Lee Hart lead the board.",
        'Ruiz and Hart also thanked Tom Bell, who said he was still shaken, for "keeping calm". '
        'They said the board "failed to act".',
        '"For this, we are sorry. We fell short."',
    )
    last = t[t["paragraph_id"] == 2]
    assert sorted(last["speaker"]) == ["Dana Ruiz", "Lee Hart"]


@pytest.mark.parametrize(
    "sentence",
    [
        # a possessive opens a noun's slot: the quoted words name the team
        'Former president Tom Reed will help lead Acme\'s "new advanced AI research team."',
        # the title of a work after its noun, whatever its words say
        "Ann Lee, whose podcast series \u2018The Rest is Noise\u2019 is produced by Tom Reed, "
        "defends him.",
    ],
)
def test_a_quoted_name_after_a_possessive_or_a_works_noun_is_a_label(sentence):
    t = _plain("Tom Reed and Ann Lee spoke on Monday.", sentence)
    assert t[t["quote"] != ""].empty
    marks = nf.distancing_marks([Article("a", "T", ("Tom Reed spoke.", sentence))])
    assert len(marks) == 1


def test_a_quotation_after_one_with_its_tag_keeps_the_speaker_chosen_for_that_one():
    # the second quotation has no verb of its own: whoever said the first one says it too
    t = _plain(
        "The comedian Tom Reed, who got slapped by Will Smith on stage after he made a joke "
        "about the actor's wife, was quiet after the altercation.",
        "On stage, right after he had been assaulted, he kept his composure and managed to make "
        'light of the situation. "Will Smith just smacked me," he said at the time. "That was '
        'the greatest night in the history of television."',
    )
    assert t["speaker"].tolist() == ["Tom Reed", "Tom Reed"]


def test_and_said_after_an_aside_between_dashes_is_the_subject_before_the_aside():
    # the aside's "who said the governor invited her" is no subject of "but said"
    t = _plain(
        "Lindsey Boylan said the governor should resign.",
        "Speaking on MSNBC on Tuesday, Karen Hinton \u2014 a former aide who said the governor "
        "invited her to his hotel room \u2014 praised the governor's record on wages but said "
        'his behavior has been very "Nixon-like".',
    )
    assert t[t["quote"] != ""]["speaker"].tolist() == ["Karen Hinton"]


def test_a_modal_before_a_past_form_is_a_name_and_an_ellipsis_introduces_the_quotation():
    # "Will wrote": a name, not "will"; "concludes by saying ..." introduces the next sentence's
    # quotation as a colon would, the gerund after "by" its verb (one act of speech: readers
    # who label quotations give "say" there)
    t = _plain(
        "Will Kerr has resigned from the Academy.",
        "Will wrote the following to the committee \u2026 \u201cI accept the consequences for my "
        "conduct. My actions were shocking.\u201d",
        "Kerr concludes by saying \u2026 \u201cChange takes time.\u201d",
    )
    assert t[["speaker", "verb_lemma"]].values.tolist() == [
        ["Will Kerr", "write"],
        ["Will Kerr", "say"],
    ]


def test_an_age_as_a_noun_is_a_person_the_article_names():
    # "the 42-year-old" is a person (so "said" frames the one-word quotation as speech) and
    # the person the article is about
    t = _plain(
        "Ann Lee resigned as party leader on Thursday.",
        "In an emotional speech at the party caucus, the 42-year-old said it was \u201ctime\u201d "
        "to step down.",
    )
    assert t[["speaker", "speaker_text", "quote"]].values.tolist() == [
        ["Ann Lee", "the 42-year-old", "time"]
    ]


def test_quoted_words_before_a_past_form_are_a_subject_not_a_modifier():
    # 'his "own flaws" brought him down': a verb follows, so the words are her speech;
    # 'rejected the "hostile" reports': a noun follows, so "hostile" is a label
    t = _plain(
        'Karen Hinton said his behavior was "Nixon-like" and that his "own flaws" brought him '
        "down.",
        'The ministry rejected the "hostile" reports on Monday.',
    )
    assert t[t["quote"] != ""]["quote"].tolist() == ["Nixon-like", "own flaws"]


@pytest.mark.parametrize(
    "sentence",
    [
        # a nickname between a given name and a surname is part of the name
        'Police Chief Ann "Red" Moss said the video left her shaken.',
        # words between a name's possessive and the noun they modify
        'Tom Reed has dismissed the claims and called Ann Lee\'s "hopeless" jibe unfair.',
        # a possessive determiner opens a noun's slot, up to six words
        'Ann Lee will spend her life in jail for her "cruel, calculated and cynical campaign" '
        "of harm on the ward.",
        # ... and its modifier may hold a negation
        'The jury, with its "not guilty" verdicts, had agreed that Tom Reed acted in self-defence.',
        # a banner says nothing: its words are a slogan
        'Black balloons and a banner that said "Cowards" hung in front of the hall.',
        # a song's title after its singing
        'The service began with a choir singing "Strength Like No Other" and remarks from the '
        "pastor, Tom Reed.",
        # a name in title case that modifies the noun after it, with no speech frame
        'Send a letter and we will consider your remarks for our regular "We Hear You" feature.',
    ],
)
def test_a_quotation_no_speech_frame_credits_is_a_label(sentence):
    t = _plain("Tom Reed and Ann Lee spoke on Monday.", sentence)
    assert t[t["quote"] != ""].empty
    marks = nf.distancing_marks([Article("a", "T", ("Tom Reed spoke.", sentence))])
    assert len(marks) == 1


def test_a_shows_title_after_a_possessive_is_a_label_and_the_next_quotation_speech():
    # 'told Metro TV's "Morning Desk," "..."': the show is named, the second quotation is his
    t = _plain(
        "Tom Reed, a lawyer, spoke on Sunday.",
        'Reed told Metro TV\'s "Morning Desk," "I believe that all of them will be convicted."',
    )
    quoted = t[t["quote"] != ""]
    assert quoted["quote"].tolist() == ["I believe that all of them will be convicted."]
    assert quoted["speaker"].tolist() == ["Tom Reed"]


def test_a_long_quotation_ending_the_subject_of_a_clause_that_reports_no_one_is_no_speech():
    # the writer cites a finding; no one says it in this sentence (too long for a scare quote)
    t = _plain(
        "Tom Reed and Ann Lee spoke on Monday.",
        'The five guards found to be "directly responsible for the abuse of the inmate" were '
        "fired last week.",
    )
    assert t[t["quote"] != ""].empty


def test_the_judge_is_the_person_titled_justice():
    # "Mr Justice Reed" holds the office "the judge" names
    t = _plain(
        "Ann Lee was jailed for life on Monday.",
        'Sentencing Lee, Mr Justice Tom Reed said: "This was a cruel campaign."',
        "Lee stayed silent in the dock.",
        'The judge said she "acted against every instinct of care".',
    )
    quoted = t[t["quote"] != ""]
    assert quoted["speaker"].tolist() == ["Tom Reed", "Tom Reed"]


def test_a_pronoun_for_a_lede_description_named_next_names_that_person():
    # "The mother of ..." is named by the next paragraph; "she" the rules took for the
    # description is the same person
    t = _plain(
        "The mother of Tom Reed said on Monday that her son was a kind man.",
        '"I believe he was sent here for a reason," said Ann Lee. "Now he is home."',
        'She also called for a new law. "Get it passed," she said.',
    )
    quoted = t[t["quote"] != ""]
    assert quoted["speaker"].tolist() == ["Ann Lee"] * 3


def test_a_constabulary_is_a_body_so_she_is_the_person_beside_it():
    # "Northshire Constabulary" is a police force, no person: "she" can only be Ann Lee
    t = _plain(
        "Tom Reed was found guilty on Monday.",
        "Following the verdict at Leeds Crown Court, Ann Lee, liaison officer with Northshire "
        "Constabulary read out a statement on behalf of the families, she said:",
        '"Words cannot explain how we are feeling."',
    )
    quoted = t[t["quote"] != ""]
    assert quoted["speaker"].tolist() == ["Ann Lee"]


def test_a_name_after_a_preposition_is_no_participles_subject():
    # "wrote to Ann Lee on Saturday saying": Ann Lee is written to; Reed says it
    t = _plain(
        "Tom Reed quit on Saturday.",
        'Reed wrote to Ann Lee on Saturday saying: "The last thing I want is a fuss."',
    )
    quoted = t[t["quote"] != ""]
    assert quoted["speaker"].tolist() == ["Tom Reed"]


def test_a_modifier_inside_a_verb_phrase_keeps_it_a_reporting_verb():
    # "issued a brief statement:" is the table's "issue a statement"; the quotation of the
    # next paragraph is hers
    t = _plain(
        "Tom Reed praised the board.",
        "Sen. Ann Lee, a member of the Harbour Committee, issued a brief statement:",
        '"The board has served the port well, and I have found it responsive."',
    )
    quoted = t[t["quote"] != ""]
    assert quoted["speaker"].tolist() == ["Ann Lee"]
    assert quoted["verb"].tolist() == ["issued a brief statement"]


def test_the_secretary_is_an_office_one_person_holds():
    # "the Health Secretary" with no name beside it: the person the article is about
    t = _plain(
        "Ann Lee was right to resign as Secretary of State for Health, Tom Reed said.",
        "Lee had been photographed breaking her own rules. Lee apologised on Friday.",
        'In a letter, the Health Secretary wrote: "I understand the sacrifices people made."',
    )
    quoted = t[t["quote"] != ""]
    assert quoted["speaker"].tolist() == ["Ann Lee"]


def test_with_after_a_comma_opens_an_absolute_clause_whose_noun_says_it():
    # ", with Ann Lee saying ...": Ann Lee is the participle's subject, not an object of "with"
    article = Article(
        "a",
        "T",
        (
            "Tom Reed spoke first at the service.",
            "Those gathered heard calls for change, with Ann Lee saying her son was "
            '"a gift to us all."',
        ),
    )
    t = nf.attributions([article], speakers="rules")
    quoted = t[t["quote"] != ""]
    assert quoted["speaker"].tolist() == ["Ann Lee"]


def test_a_clergy_title_is_no_part_of_the_name():
    # "the Rev. Tom J. Reed" and "Reed" are one person: one key in share of voice
    t = _plain(
        '"He was loved," said the Rev. Tom J. Reed, pastor of the church.',
        '"We grieve with them," Reed said.',
    )
    quoted = t[t["quote"] != ""]
    assert quoted["speaker"].tolist() == ["Tom J. Reed", "Tom J. Reed"]


def test_a_nickname_in_quotation_marks_stays_inside_the_name():
    # 'Ann "Red" Moss' is Ann Moss: "Moss said" and the pronoun after her name are one key
    t = _plain(
        "Tom Reed, a lawyer, spoke first.",
        'Police Chief Ann "Red" Moss urged calm. She called the acts "cruel and reckless."',
        '"This is a failure of basic humanity," Moss said.',
    )
    quoted = t[(t["quote"] != "") & (t["kind"] != "label")]
    assert quoted["speaker"].tolist() == ["Ann Moss", "Ann Moss"]


def test_a_possessive_apostrophe_after_s_is_no_part_of_the_name():
    # "Tom Reeves' death" names Tom Reeves, not "Tom Reeves'"
    t = _plain(
        "Officers fired over Tom Reeves' death were charged.",
        "Reeves' family met the mayor.",
        '"We will keep going," said Reeves.',
    )
    assert t["speaker"].tolist() == ["Tom Reeves"]


def test_a_surname_two_people_share_is_the_one_who_spoke():
    # two Moss: "Moss also said" is Tom Moss, the one quoted before, not a key of its own
    t = _plain(
        'Tom Moss, the boy\'s uncle, told reporters that he and Ann Moss were "fine with it."',
        'Moss also said he was "ecstatic" at the news.',
    )
    quoted = t[t["quote"] != ""]
    assert quoted["speaker"].tolist() == ["Tom Moss", "Tom Moss"]


def test_a_possessive_aside_after_s_keeps_the_name_before_it():
    # "Tom Moss, Reeves' stepfather, told": the aside is "Reeves' stepfather"; Tom Moss speaks
    article = Article(
        "a",
        "T",
        ('Tom Moss, Reeves\' stepfather, told reporters that he is "fine with it."',),
    )
    t = nf.attributions([article], speakers="rules")
    assert t["speaker"].tolist() == ["Tom Moss"]


def test_the_role_of_a_named_show_names_the_person_the_article_is_about():
    # "the Morning Show host" is one person's role: Tom Reed, whom the article is about
    t = _plain(
        "Tom Reed has said he stands by his post about the plan.",
        'Asked whether he feared the sack, the Morning Show host said: "No."',
        "Reed compared the plan to a trap.",
    )
    quoted = t[t["quote"] != ""]
    assert quoted["speaker"].tolist() == ["Tom Reed"]


def test_a_participle_opening_a_sentence_is_no_given_name():
    # "Addressing Reeves' mother, she said": "Addressing Reeves" is nobody; she is Ann Lee
    t = _plain(
        '"We are here for the family," Ann Lee said. Addressing Reeves\' mother from the '
        'pulpit, she said: "You were extraordinary."',
    )
    quoted = t[t["quote"] != ""]
    assert quoted["speaker"].tolist() == ["Ann Lee", "Ann Lee"]


def test_an_ellipsis_opening_the_next_quotation_leaves_the_tag_to_the_one_before():
    # '"Why?" Reed said of them. "... We want it."': "Reed said" tags both quotations
    article = Article("a", "T", ('"Why not?" Reed said of them. "\u2026 We have a right!"',))
    t = nf.attributions([article], speakers="rules")
    assert t[["speaker", "verb"]].values.tolist() == [["Reed", "said"], ["Reed", "said"]]


def test_a_name_on_its_own_line_speaks_the_quotations_below_it():
    # a roundup of reactions: each name on a line of its own, its quotations below it
    paragraphs = (
        "Here is what people said about the verdict.",
        "Defense Attorney Tom Reed",
        '"We are relieved. He wants to get on with his life."',
        "Northshire Gov. Ann Lee",
        '"The verdict is a travesty."',
    )
    t = nf.attributions([Article("a", "T", paragraphs)], speakers="rules")
    quoted = t[t["quote"] != ""]
    assert quoted["speaker"].tolist() == ["Tom Reed", "Ann Lee"]


def test_a_title_after_its_titling_verb_is_a_label_though_its_author_wrote_it():
    # 'wrote a memo entitled "..."': the memo's title, not the writer's quoted words, up to a
    # noun slot's length (six words), whichever of the three titling verbs gives it
    for verb in ("entitled", "titled", "headlined"):
        text = (
            f'Ann Lee wrote a short memo {verb} "Keeping Faith With the Harbour Board" on Monday.'
        )
        article = nf.Article("x", "T", (text,))
        assert nf.attributions([article]).query("kind != 'paraphrase'").empty, verb
        marks = nf.distancing_marks([article])
        assert marks["text"].tolist() == ["Keeping Faith With the Harbour Board"], verb
    # a quotation after the title, framed by her verb, stays her speech
    said = 'Ann Lee wrote a memo titled "Next Steps" and said: "We are not finished."'
    table = nf.attributions([nf.Article("y", "T", (said,))]).query("kind != 'paraphrase'")
    assert table["quote"].tolist() == ["We are not finished."]


def test_an_ing_word_after_quoted_words_is_a_noun_unless_its_complement_follows():
    # 'a "fresh" standing order': "standing" modifies the noun after it, so "fresh" modifies
    # a noun phrase, a label, though a reporting verb comes before it
    label = 'Critics expressed anger about her plan to table a "fresh" standing order on Monday.'
    article = nf.Article("x", "T", (label,))
    assert nf.attributions([article]).query("kind != 'paraphrase'").empty
    assert nf.distancing_marks([article])["text"].tolist() == ["fresh"]
    # 'a "brave woman" following her defeat': "following" takes "her defeat", a verb (or a
    # preposition) that starts a phrase of its own; the quoted words are the speaker's
    said = 'The mayor called Ann Lee a "brave woman" following her defeat in the vote.'
    table = nf.attributions([nf.Article("y", "T", (said,))]).query("kind != 'paraphrase'")
    assert table["quote"].tolist() == ["brave woman"]


def test_a_quoted_noun_inside_an_indirect_question_is_a_label():
    # the verb reports a question ('what it is like to have the "yips"'), not the quoted noun
    # after the article inside it: a label, whoever explains
    for text in (
        'Explaining what it is like to have the "yips", Ann Lee said the feeling passes.',
        'Tom Reed asked why the "reform" had been dropped.',
    ):
        article = nf.Article("x", "T", (text,))
        assert nf.attributions([article]).query("kind != 'paraphrase'").empty, text
    # a quoted noun phrase the verb reports directly stays the speaker's words
    said = 'Tom Reed said the "reform" had been dropped.'
    table = nf.attributions([nf.Article("y", "T", (said,))]).query("kind != 'paraphrase'")
    assert table["quote"].tolist() == ["reform"]


# --- speech frames and clause ownership (issue 19, fifteenth round) ----------------------------


@pytest.mark.parametrize(
    ("text", "quote", "verb"),
    [
        # the tag right after the quotation makes the clause before it the speaker's words:
        # a quoted noun in a noun's slot there is theirs, not a label
        ('The damage was in the shape of a "loop," said Ann Lee.', "loop", "say"),
        ('The bridge shut because of "a design fault", the minister said on Saturday.', "a design fault",
         "say"),
        # the tag's subject need not be found for it to frame the quotation
        ('She was tired and in a "very bad mood," the mayor-elect stated.',
         "very bad mood", "state"),
    ],
)  # fmt: skip
def test_a_tag_right_after_a_short_quotation_makes_it_speech(text, quote, verb):
    t = _plain(text).query("kind != 'paraphrase'")
    assert t["quote"].tolist() == [quote]
    assert t["verb_lemma"].tolist() == [verb]


def test_a_verb_after_a_clause_of_the_reporters_is_no_tag():
    # between the quotation and the verb: a clause with commas of its own, not a speaker tag
    text = 'Some held signs such as "Free Ann," while others, without evidence, said nothing.'
    assert _plain(text).query("kind != 'paraphrase'").empty


@pytest.mark.parametrize(
    ("text", "verbs"),
    [
        # manner-of-speaking verbs (Levin 1993, 37.3) beside a quotation, before or after it
        ('Ann Lee yelled "Open the gates!" at the crowd.', ["yell"]),
        ('"Open the gates now," Ann Lee screamed.', ["scream"]),
        ('Ann Lee pleaded, holding back tears, "Please come home."', ["plead"]),
        ('"Come closer," Ann Lee whispered.', ["whisper"]),
        # a caption, an outline, words shared with reporters
        ('Ann Lee captioned the photo, "Forever together."', ["caption"]),
        ('"It was loud," Ann Lee shared with reporters.', ["share"]),
        ("Ann Lee's statement then outlines the plan to \"rebuild every home\".", ["outline"]),
        # characterize verbs with their "as" frame (Levin 29.2)
        ('Ann Lee viewed the deal as "a good first step" on Monday.', ["view"]),
        ('Ann Lee referred to him as "that man" on the radio.', ["refer"]),
        # a verb whose "that" clause holds the quotation owns it, its subject unfound
        ('Ann Lee viewed the deal as "a good first step" adding that the delay was '
         '"unacceptable."', ["view", "add"]),
    ],
)  # fmt: skip
def test_speech_verbs_beside_a_quotation_report_it(text, verbs):
    t = _plain(text).query("kind != 'paraphrase'")
    assert t["verb_lemma"].tolist() == verbs


@pytest.mark.parametrize(
    "text",
    [
        "Ann Lee shared a flat with Tom Ash in Leeds.",
        "The two sides view the islands differently.",
        "Ann Lee yelled at the referee and left.",
        "Ann Lee outlined the plan on Monday.",
        "Ann Lee referred the case to a judge.",
    ],
)
def test_speech_verbs_that_need_a_quotation_report_nothing_without_one(text):
    assert _plain(text).empty


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        # the colon hands the quotation to the verb before it, over a nearer verb after it ...
        ('Ann Lee said in a statement: "We are pleased with the deal," and admitted that it '
         "was late.", "say"),
        # ... and over a sentence-wide frame
        ('According to Tom Ash, Ann Lee stood up and said: "We will not leave this room."',
         "say"),
    ],
)  # fmt: skip
def test_a_colon_after_a_verbs_clause_hands_it_the_quotation(text, verb):
    t = _plain(text).query("kind != 'paraphrase'")
    assert t["verb_lemma"].tolist() == [verb]


def test_a_colon_after_another_quotation_hands_nothing_on():
    # a quotation between the verb and the colon: the colon's clause is no verb's
    text = 'Ann Lee called it "a farce" and left: "We will not stay," the aides said.'
    t = _plain(text).query("kind != 'paraphrase' and quote == 'We will not stay'")
    assert t["verb_lemma"].tolist() == ["say"]


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        # two apostrophes for a double mark (typewriter and TeX style), or closing one
        ("His lawyer said he ''will plead not guilty.'' on Monday.", ["will plead not guilty."]),
        ("His lawyer said he ``will plead not guilty.'' on Monday.", ["will plead not guilty."]),
        ("Ann Lee said they were preparing a \u201cwindow\u2019\u2019 for the men.", ["window"]),
        # a clause a conjunction opens before the next opening mark is no speaker tag
        ('"It is a sad day for us all, but it is a start. "We thank the '
         'governor," Ann Lee said.',
         ["It is a sad day for us all, but it is a start.",
          "We thank the governor"]),
    ],
)  # fmt: skip
def test_quotation_marks_of_two_apostrophes_and_unclosed_sentences(text, quotes):
    assert [q.text for q in top_level_quotes(text)] == quotes


def test_pronounce_before_a_colon_reports_the_quotation():
    t = _plain('Ann Lee turned to her aide and pronounced: "That went badly."')
    assert t.query("kind != 'paraphrase'")["verb_lemma"].tolist() == ["pronounce"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # role nouns of the speaker table: a dispatcher, a sergeant, an assailant speak
        ('"There is a man in the home," the dispatcher said.', "the dispatcher"),
        ('"We heard shots," a sergeant said on Friday.', "a sergeant"),
        ('Ann Lee said the assailant asked "where is the key" at the door.', "the assailant"),
    ],
)
def test_role_nouns_of_the_speaker_table_head_a_speaker(text, speaker):
    t = _plain(text).query("kind != 'paraphrase'")
    assert t["speaker"].tolist() == [speaker]


def test_the_verb_that_owns_a_quotation_stays_its_verb_whoever_the_model_names():
    # "called" owns the quotation (its subject unfound after "he lied and"); the speaker the
    # model names comes from another verb, the verb stays "call"
    text = 'Ann Lee has dismissed claims she lied and called Tom Ash\'s "hopeless" jibe "old news".'
    t = _plain(text).query("quote == 'old news'")
    assert t["verb_lemma"].tolist() == ["call"]


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        # the reported clause's verb with the speaker's own pronoun: what the speaker said
        ('Ann Lee said she had read "false reports about the town" that week.', "say"),
        ('Ann Lee said she denied "in the strongest terms" every charge.', "say"),
        # another person inside the reported clause speaks there
        ('Ann Lee said Tom Ash had declared "a new era for the town" on Monday.', "declare"),
    ],
)
def test_a_partial_quotation_in_the_speakers_own_reported_clause_is_the_outer_verbs(text, verb):
    t = _plain(text).query("kind == 'partial'")
    assert t["verb_lemma"].tolist() == [verb]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # a conjunction or a relative word after the quoted words opens a clause: no noun
        # they modify, so the reporting verb's words stay speech
        ('Ann Lee called the closure a "grave mistake," while others stayed silent.',
         "grave mistake"),
        ('Ann Lee accused Tom Ash of "acting so smug" when he had agreed.',
         "acting so smug"),
    ],
)  # fmt: skip
def test_a_clause_after_a_short_quotation_leaves_it_speech(text, quote):
    assert _plain(text).query("kind != 'paraphrase'")["quote"].tolist() == [quote]


# --- quotation or label (issue 19, sixteenth round) --------------------------------------------


@pytest.mark.parametrize(
    ("text", "mark"),
    [
        # one capitalised word inside a sentence, a noun after it: a name modifying the noun
        # (a film's, a plan's), a label whoever speaks in the sentence
        ('It is too soon to name a suspect in the tragic "Harbour" shooting, Ann Lee said.',
         "Harbour"),
        ('The "Lakeside" plan is dead, Ann Lee said on Monday.', "Lakeside"),
        # quoted words ending with a possessive own the noun after them: a name, no clause
        ('Tom Ash told "Dawn Desk\'s" Ann Lee that nothing was known.', "Dawn Desk's"),
    ],
)  # fmt: skip
def test_a_quoted_name_that_modifies_or_owns_a_noun_is_a_label(text, mark):
    article = Article("a", "T", (text,))
    assert nf.attributions([article]).query("kind != 'paraphrase'").empty
    assert nf.distancing_marks([article])["text"].tolist() == [mark]


@pytest.mark.parametrize(
    "text",
    [
        # a capitalised word opening its sentence is no name; a lowercase word is no name;
        # a mark after the word leaves no noun for it to modify
        '"Disgraceful" scenes followed, Ann Lee said.',
        'Ann Lee said the "secret" plan was dead.',
        'Ann Lee said "Sorry," and left.',
        # a contraction is no possessive; a possessive with a mark after it owns nothing
        'Ann Lee said "that\u2019s" all there is.',
        'Ann Lee said it was "Tom\u2019s", not hers.',
    ],
)
def test_a_word_that_is_no_name_of_a_noun_is_left_to_the_other_rules(text):
    unit = UnitText(Unit("body", 0, text, ((0, 0, len(text)),)))
    quote = top_level_quotes(text)[0]
    assert not _named_modifier(quote, unit)
    assert not _possessor(quote, unit)


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # a noun's slot inside the clause the verb reports is the speaker's wording
        ('Ann Lee had said Tom Ash was in a "critical condition" after the fall.',
         "critical condition"),
        ('Ann Lee claimed to have proof of the "planned" attack on the depot.', "planned"),
        # a subject pronoun after quoted words opens a relative clause, no noun they modify
        ('Ann Lee said Tom Ash was sacked for the "lies" he told in the inquiry.', "lies"),
        # a that-less clause opened by a person's pronoun holds the quotation as "that" does
        ('Mrs Lee, said she found it "staggering to believe" that no one knew.',
         "staggering to believe"),
    ],
)  # fmt: skip
def test_a_quoted_noun_inside_the_reported_clause_stays_speech(text, quote):
    assert _plain(text).query("kind != 'paraphrase'")["quote"].tolist() == [quote]


def test_a_noun_slot_outside_the_reported_clause_is_still_a_label():
    # the verb reports no clause around the quotation (no verb of its own between them)
    text = 'Ann Lee criticised the plan for a "managed exit" at the meeting.'
    assert _plain(text).query("kind != 'paraphrase'").empty


def test_a_quoted_question_ending_a_subject_is_speech():
    # 'the remark X made about "...?" was ...': a question is someone's words, not a label
    text = 'But the remark Ann Lee made about "why are they all coming here?" was rude.'
    assert _plain(text).query("kind != 'paraphrase'")["quote"].tolist() == [
        "why are they all coming here?"
    ]
    label = 'Officers found to be "at fault for the delay" were fired.'
    assert _plain(label).query("kind != 'paraphrase'").empty


@pytest.mark.parametrize(
    ("text", "mark"),
    [
        # three or more words in title case: a title, a motto or an inscription, framed or not
        ('This is "Built on Hard Work Alone" by Ann Lee.', "Built on Hard Work Alone"),
        ('Ann Lee said "Putting Pupils First Again" was her aim.',
         "Putting Pupils First Again"),
        ('Its motto, "Honour Above All Else", was dropped, Ann Lee said.',
         "Honour Above All Else"),
    ],
)  # fmt: skip
def test_a_quotation_in_title_case_is_a_title_not_speech(text, mark):
    article = Article("a", "T", (text,))
    assert nf.attributions([article]).query("kind != 'paraphrase'").empty
    assert nf.distancing_marks([article])["text"].tolist() == [mark]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # a chant ends with "!"; capitals throughout are a shout; sentence case is speech
        ('Students yelled "Save Our Park!" in the street.', "Save Our Park!"),
        ('Ann Lee shouted "WE WANT ANSWERS" at the gate.', "WE WANT ANSWERS"),
        ('Ann Lee said: "We will keep the Harbour Games going."',
         "We will keep the Harbour Games going."),
    ],
)  # fmt: skip
def test_a_chant_a_shout_or_a_sentence_is_no_title(text, quote):
    assert _plain(text).query("kind != 'paraphrase'")["quote"].tolist() == [quote]


# --- quotation or label (issue 19, seventeenth round) ------------------------------------------


@pytest.mark.parametrize(
    ("text", "mark"),
    [
        # right after "told", with nobody told between, the quoted words name the one told
        ('"We did our best," Ann Lee told "Night Desk" on Sunday.', "Night Desk"),
        ('Ann Lee informed "Harbour Weekly" on Monday that she would stay.', "Harbour Weekly"),
    ],
)
def test_a_quoted_name_in_the_slot_of_the_one_told_is_a_label(text, mark):
    article = Article("a", "T", (text,))
    quoted = nf.attributions([article]).query("kind != 'paraphrase'")["quote"].tolist()
    assert mark not in quoted
    assert nf.distancing_marks([article])["text"].tolist() == [mark]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # the words told come after the one told; a sentence ending on them is the words
        ('Ann Lee told reporters "no comment" on Monday.', "no comment"),
        ('Asked about the deal, Ann Lee told "no comment".', "no comment"),
        # a clause is someone's words wherever it stands
        ('Ann Lee told "we are fine" to the crowd.', "we are fine"),
    ],
)
def test_quoted_words_after_the_one_told_or_ending_the_sentence_are_speech(text, quote):
    assert _plain(text).query("kind != 'paraphrase'")["quote"].tolist() == [quote]


def test_a_quotation_joined_to_a_label_by_a_comma_or_and_is_a_label_too():
    # 'his habit of "...", "..."': the two members of one list share their role
    text = (
        "The complaints were about Tom Reed's habit of 'shouting at junior staff', "
        "'slamming doors and making them cry before the vote.'"
    )
    article = Article("a", "T", ("Ann Lee spoke on Monday.", text))
    assert nf.attributions([article]).query("kind != 'paraphrase'").empty
    # each label once in distancing_marks: a short one a scare quote, a long one a label
    marks = nf.distancing_marks([article])
    assert marks[["kind", "text"]].values.tolist() == [
        ["scare_quote", "shouting at junior staff"],
        ["label", "slamming doors and making them cry before the vote."],
    ]


def test_a_title_then_the_words_side_by_side_are_a_label_and_speech():
    # no coordinator between: the show's title, then what was told to it
    text = 'Ann Lee told Harbour TV\'s "Night Desk," "We will win this case in the end."'
    assert _plain(text).query("kind != 'paraphrase'")["quote"].tolist() == [
        "We will win this case in the end."
    ]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # "of" is the frame word of "accuse": what follows it is the accuser's wording
        ('Ann Lee accused the deputy mayor of "neglect", "empty promises" and worse.',
         ["neglect", "empty promises"]),
        ('Ann Lee wrote, before accusing Tom Reed of a "breach of our deal" and more.',
         ["breach of our deal"]),
    ],
)  # fmt: skip
def test_a_quotation_after_its_verbs_frame_word_is_speech(text, quoted):
    assert _plain(text).query("kind != 'paraphrase'")["quote"].tolist() == quoted


def test_a_noun_of_phrase_far_from_the_verb_is_still_a_label():
    # the verb's object ends at its frame word; further on, "<noun> of" is the writer's
    text = 'Ann Lee accused Tom Reed of lying about the charge of "fraud" on Monday.'
    article = Article("a", "T", (text,))
    assert "fraud" not in nf.attributions([article])["quote"].tolist()
    assert nf.distancing_marks([article])["text"].tolist() == ["fraud"]


def test_a_reported_clause_with_its_own_verb_inside_a_subordinate_clause_is_speech():
    # the reporting verb is in an "after" clause, but the quotation is in the clause it reports
    text = 'Rumours grew after two aides alleged the coach ran a "reign of terror" at the club.'
    assert _plain(text).query("kind != 'paraphrase'")["quote"].tolist() == ["reign of terror"]
    label = 'Police fired rubber bullets after they declared a "riot" as clashes broke out.'
    assert _plain(label).query("kind != 'paraphrase'").empty


@pytest.mark.parametrize(
    ("text", "mark"),
    [
        # one capitalised word right after a preposition is a name (a show, a ship, a plan)
        ('Ann Lee said she wanted more money for her work on "Harbour."', "Harbour."),
        ('Tom Reed said he could not see how he would be kept on "Lighthouse."',
         "Lighthouse."),
        # a work's title after its noun, whoever speaks in the sentence
        ('Police say Tom Reed, who starred in the drama "Lighthouse", staged it.', "Lighthouse"),
        ('Ann Lee, known for the sitcom "Full Harbour", said nothing.', "Full Harbour"),
    ],
)  # fmt: skip
def test_a_one_word_name_after_a_preposition_or_a_works_noun_is_a_label(text, mark):
    article = Article("a", "T", (text,))
    assert mark.strip(".") not in [
        q.strip(".") for q in nf.attributions([article])["quote"].tolist()
    ]
    assert nf.distancing_marks([article])["text"].tolist() == [mark]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # "I", a clause word or a word after a verb is no name
        ('Ann Lee said the deal was good for "Me" and her town.', None),
        ('Ann Lee said she was "Furious" about it.', "Furious"),
    ],
)
def test_one_capitalised_word_that_names_nothing_is_not_a_title(text, quote):
    quoted = _plain(text).query("kind != 'paraphrase'")["quote"].tolist()
    if quote is not None:
        assert quoted == [quote]
    assert "Me" not in nf.distancing_marks([Article("a", "T", (text,))])["text"].tolist()


def test_a_naming_participle_with_its_agent_after_the_quotation_credits_the_agent():
    # 'was labelled "..." by X': X used the words; without the agent it names a term
    text = 'The voter, Ann Lee, was labelled "bigoted" by Tom Reed in the car.'
    assert _plain(text).query("kind != 'paraphrase'")["quote"].tolist() == ["bigoted"]
    label = 'The night, which was later dubbed "the long night", ended at dawn.'
    assert _plain(label).query("kind != 'paraphrase'").empty


# --- quotation or label (issue 19, nineteenth round) --------------------------------------------


def test_a_title_with_a_subtitle_in_brackets_is_a_label():
    # brackets around a subtitle are no words of their own: the whole title is in title case
    text = 'Later, Ann Lee won the prize for "Tide Lines (Come Home to Me)," saying she wept.'
    article = Article("a", "T", (text,))
    assert nf.attributions([article]).query("kind != 'paraphrase'").empty
    assert nf.distancing_marks([article])["text"].tolist() == ["Tide Lines (Come Home to Me)"]
    # words in brackets inside a sentence in sentence case are still speech
    spoken = 'Ann Lee said "the lines (and the tide) will come home to me."'
    assert _plain(spoken).query("kind != 'paraphrase'")["quote"].tolist() == [
        "the lines (and the tide) will come home to me."
    ]
