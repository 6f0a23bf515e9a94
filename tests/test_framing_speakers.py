"""The speaker scan on tiny hand-made sentences: verbs of naming and judging with their frame,
and the subject found across the adjuncts between it and its verb (issue 19)."""

from __future__ import annotations

import pytest

import newsframe as nf
from newsframe import Article
from newsframe.lexicons import load_reporting_verbs


def _speech(text: str):
    """The quotations credited as speech (direct or partial) with speaker and verb lemma."""
    t = nf.attributions([Article("a", "T", (text,))])
    t = t[(t.part != "headline") & (t.kind != "paraphrase")]
    return t[["quote", "speaker", "verb_lemma"]].values.tolist()


# --- verbs by class, with their frame ----------------------------------------------------------


def test_the_table_gives_naming_and_judging_verbs_their_class_and_frame():
    table = load_reporting_verbs()
    assert table.verbs[("portray",)] == "neutral"
    assert table.verbs[("liken",)] == "neutral"
    assert table.verbs[("reprimand",)] == "hostile"
    assert table.verbs[("commend",)] == "evaluative"
    assert table.frames[("portray",)] == "as"
    assert table.frames[("liken",)] == "to"
    assert table.frames[("chastise",)] == "for"
    assert table.frames[("call",)] == ""
    assert ("portray",) in table.quote_only and ("assure",) in table.strict


@pytest.mark.parametrize(
    ("text", "quote", "verb"),
    [
        # "X as ...": the object runs over commas and a relative clause up to "as"
        (
            "Mayor Ann Lee described the camp, which she visited in May with two aides, as a "
            '"disgrace" to the region.',
            "disgrace",
            "describe",
        ),
        (
            'Mayor Ann Lee portrayed the closure of the two northern depots as a "slow '
            'strangulation" of the town.',
            "slow strangulation",
            "portray",
        ),
        # "X to ...", "X for ...": comparison and judgment verbs
        (
            'Mayor Ann Lee likened the closure of the two northern depots to a "slow '
            'strangulation" of the town.',
            "slow strangulation",
            "liken",
        ),
        (
            'Mayor Ann Lee reprimanded the contractors for "cutting corners".',
            "cutting corners",
            "reprimand",
        ),
        (
            'Mayor Ann Lee commended the volunteers of the harbour rescue team for their "quiet '
            'courage".',
            "quiet courage",
            "commend",
        ),
        # two objects: the quotation further than eight words on, no comma between
        (
            "Mayor Ann Lee called the suspension of three of the senior harbour pilots a "
            '"regrettable step".',
            "regrettable step",
            "call",
        ),
    ],
)
def test_a_naming_or_judging_verb_frames_the_quotation_its_object_leads_to(text, quote, verb):
    assert _speech(text) == [[quote, "Ann Lee", verb]]


@pytest.mark.parametrize(
    "text",
    [
        # the frame's word is not right before the quotation: the words stay a label
        "Mayor Ann Lee described the plan in detail on Monday while residents mocked the "
        '"paper tiger" plan.',
        # two objects, but a comma between: another clause, the quotation no object
        "Mayor Ann Lee called the meeting of the twelve harbour owners, a week after the "
        '"derby" riots.',
        # a naming verb with no quotation after its frame is no reporting verb at all
        'Ann Lee portrayed a nurse in the film, and the "summer" season began.',
    ],
)
def test_a_frame_that_does_not_lead_to_the_quotation_credits_nothing(text):
    assert _speech(text) == []


@pytest.mark.parametrize(
    ("text", "quote", "verb"),
    [
        # a preposition after the quoted words: no noun they modify, so no "modifier" label
        (
            'Mayor Ann Lee chastised the prosecutors for "lying" during the hearing.',
            "lying",
            "chastise",
        ),
        # right after its verb's frame word: the verb's complement, no prepositional slot
        (
            'Mayor Ann Lee hit back at their "double standards" in the debate.',
            "double standards",
            "hit back",
        ),
    ],
)
def test_a_quotation_in_its_verbs_frame_is_no_label(text, quote, verb):
    assert _speech(text) == [[quote, "Ann Lee", verb]]


def test_a_quoted_modifier_before_its_noun_stays_a_label():
    # the near-miss: "serious" modifies "misconduct" (a noun follows), whatever the frame
    assert _speech('The board accused Ann Lee of "serious" misconduct on Monday.') == []


# --- the subject across adjuncts ---------------------------------------------------------------


def _speakers(text: str) -> list[tuple[str, str]]:
    """(verb lemma, speaker key) of every attribution of a one-paragraph text, no actors."""
    from newsframe.framing._units import Unit
    from newsframe.framing.quotes import top_level_quotes
    from newsframe.framing.speakers import find_attributions

    unit = Unit("body", 0, text, ((0, 0, len(text)),))
    found = find_attributions(unit, top_level_quotes(text), verbs=load_reporting_verbs(), actors=())
    return [(a.lemma, a.speakers[0].key) for a in found]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a date in brackets after a time phrase
        ('Mayor Ann Lee on Wednesday (June 12) called the plan a "farce".', "Ann Lee"),
        # a short aside in brackets
        ('Senator Ann Lee (R-SC) said the visit was "brave".', "Ann Lee"),
        ('The Harbour Board (HB) said the visit was "brave".', "The Harbour Board"),
        # time phrases of several words
        ('The ministry earlier this week said the plan was "dead".', "The ministry"),
        ('The ministry late on 27 May said the plan was "dead".', "The ministry"),
        # a time adjunct whose closing comma the writer left out
        ('Ann Lee, on Wednesday described the plan as a "farce".', "Ann Lee"),
        # an aside, then an auxiliary or an adverb before the verb
        ('Peskov, the Kremlin spokesman, has said the plan was "dead".', "Peskov"),
        (
            'Ann Lee, who met the board on Monday, previously criticised it for being "weak".',
            "Ann Lee",
        ),
        # a month's name after a given name is a surname, not a date
        ('Theresa May on Monday said the attack was "reckless".', "Theresa May"),
    ],
)
def test_the_subject_is_found_across_adjuncts_before_its_verb(text, speaker):
    # without an actor table a name keeps its title ("Mayor Ann Lee"), a name its article not
    assert _speakers(text)[0][1].endswith(speaker.removeprefix("The "))


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a participle's subject after an opening phrase closed by a comma
        ('By 27 May, Hayward changed his view, calling the spill a "catastrophe".', "Hayward"),
        (
            'Hours earlier, Exco convenor Ann Lee had met the board, calling it "weak".',
            "Ann Lee",
        ),
        # the subject before an irregular verb, and a participle after "after"
        ('Mizuhara stood at the lectern and repeatedly replied "yes sir".', "Mizuhara"),
        (
            "As criticism mounted, Rubiales issued an apology, after initially calling critics "
            '"idiots".',
            "Rubiales",
        ),
        # a participle after a preposition's object, no reporting verb before it: the
        # object ("the harbour", "reporters") never says it, the sentence's subject does
        (
            "Ann Lee talked to reporters after leaving the race at the Harbour Games saying she "
            '"was not in the right place".',
            "Ann Lee",
        ),
        ('Tom Reed spoke with Port Authority staff saying the plan was "dead".', "Tom Reed"),
        # ... and a short bracket after the sentence's subject ("(R-Calif.)") is skipped
        (
            "Ann Lee (R-Calif.) took a swing at rivals who ousted her from the Board on Tuesday, "
            'saying that "they are not fair."',
            "Ann Lee",
        ),
    ],
)
def test_a_verb_without_a_subject_of_its_own_takes_the_sentences(text, speaker):
    assert _speakers(text)[-1][1] == speaker


@pytest.mark.parametrize(
    "text",
    [
        # a bracket with a mark inside is no short aside: nothing to skip to
        'Ann Lee met them (and, she said, the board) called it "weak".',
        # "without calling": a negated verb reports no words, so it takes no subject
        'He made it clear, without calling it a "political assassination", that it was weak.',
        # a capitalised opener not closed by a comma is no subject
        'In the end called it a "farce".',
    ],
)
def test_near_misses_stay_unresolved(text):
    found = dict(_speakers(text))
    assert found.get("call", "unresolved") == "unresolved"


# --- speaker spans: the name, not its title or a clause ------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a description in apposition whose closing comma is missing, after a quotation
        (
            '"It failed," Chung Mong-gyu, chairman of the Harbour Association (HA) said.',
            "Chung Mong-gyu",
        ),
        # the same aside closed by a bracket and a comma
        (
            'Chung Mong-gyu, chairman of the Harbour Association (HA), said it was "fine".',
            "Chung Mong-gyu",
        ),
        # a name, its title in apposition and a relative clause before the verb
        (
            "Kim Taek-gyu, the chair of the BKA, who arrived before the team, told reporters, "
            '"There were no conflicts".',
            "Kim Taek-gyu",
        ),
        # "cited ... as saying", like "quoted as saying": the one cited speaks
        (
            "Separately, harbour spokesman Dmitry Peskov was cited by the local radio as saying it "
            'was "fine".',
            "Dmitry Peskov",
        ),
        # an organisation's description keeps the speaker before a person's name in apposition
        (
            'The group of the richest man, Gautam Adani, portrayed the report as a "calculated '
            'attack".',
            "The group of the richest man",
        ),
    ],
)
def test_the_speaker_is_the_name_not_its_title_or_a_clause(text, speaker):
    assert _speakers(text)[-1][1] == speaker


@pytest.mark.parametrize(
    "text",
    [
        'In a meeting with Ann Lee, the minister said it was "fine".',
        'In talks with Ann Lee, the minister, who arrived late, said it was "fine".',
    ],
)
def test_a_description_after_an_object_name_is_the_subject(text):
    # the near-miss: "Ann Lee" closes a prepositional phrase, so the minister speaks
    assert _speakers(text) == [("say", "the minister")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a passive verb's agent after the quotations its frame leads to
        (
            'The arrest is described as "lawless" and "vicious" by the authorities.',
            "the authorities",
        ),
        # an infinitive after a verb whose subject does the saying
        ('Rubiales went on to accuse the media of seeking his "social murder".', "Rubiales"),
    ],
)
def test_a_passive_agent_or_a_controlling_subject_speaks(text, speaker):
    assert _speakers(text)[-1][1] == speaker


@pytest.mark.parametrize(
    "text",
    [
        # "by" after a comma and words of the reporter's: no agent of the verb
        'The plan was described as "dead" in March, by then a joke.',
        # "asked him to describe": the one asked, not the one asking, would speak
        'The police asked him to describe the "farce" he saw.',
    ],
)
def test_no_agent_and_no_controller_stay_without_a_speaker(text):
    assert dict(_speakers(text)).get("describe", "unresolved") == "unresolved"


@pytest.mark.parametrize(
    "text",
    [
        '"It was wrong," An told reporters.',
        'Upon returning home, An, 22, clarified that she "did not mean it".',
    ],
)
def test_a_surname_spelled_like_an_article_speaks(text):
    # an article is never a whole subject, nor stands right before "told": "An" is a name
    assert _speakers(text)[-1][1] == "An"


def test_an_article_before_its_noun_is_no_name():
    assert _speakers('An official said it was "wrong".') == [("say", "An official")]


def test_a_frame_for_a_verb_the_class_does_not_list_names_the_file(tmp_path):
    from newsframe.errors import InputError

    path = tmp_path / "verbs.toml"
    path.write_text('[class.neutral]\nverbs = ["say"]\n[class.neutral.frame]\nliken = "to"\n')
    with pytest.raises(InputError, match=r"verbs\.toml.*\[class\.neutral\]\.frame: 'liken'"):
        load_reporting_verbs(path)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('The armed forces admitted "human error" on Monday.', "The armed forces"),
        ('Ruritania\'s armed forces said it was "unintentional".', "Ruritania's armed forces"),
        ('A retired officer said the drill was "routine".', "A retired officer"),
    ],
)
def test_a_participle_after_a_determiner_or_possessive_stays_in_the_speaker(sentence, speaker):
    # "armed" after "the" or a possessive modifies the noun: not a verb that ends the phrase
    row = nf.attributions([Article("x", "T", (sentence,))]).iloc[0]
    assert row.speaker_text == speaker


@pytest.mark.parametrize("opener", ["Later", "Then", "Afterwards"])
def test_a_pronoun_after_an_opening_adverb_is_the_subject(opener):
    # "Later she said": the adverb without a comma is no part of the subject
    first = "Mrs Ann Lee met the press on Monday."
    table = nf.attributions([Article("x", "T", (first, f'{opener} she said: "We will appeal."'))])
    row = table.query("kind != 'paraphrase'").iloc[0]
    assert (row.speaker_text, row.speaker) == ("she", "Ann Lee")


# --- descriptions typed by their head noun (issue 19, fifteenth round) -------------------------


def _rows(*paragraphs: str, title: str = "T"):
    """(speaker, speaker_kind, quote) of every row of a hand-made article."""
    t = nf.attributions([Article("a", title, paragraphs)])
    return [(r.speaker, r.speaker_kind, r.quote) for r in t.itertuples()]


@pytest.mark.parametrize(
    "described",
    ["A sergeant of the 3rd Kestrel Brigade", "A 2nd Marsh Regiment corporal"],
)
def test_a_person_noun_heads_a_description_and_the_unit_inside_never_speaks(described):
    # the head noun (a person noun of the entity words) types the phrase: the unit named
    # inside is a modifier; "he" then stands for the unnamed soldier, the one who spoke
    rows = _rows(
        "Medics arrived at the depot.",
        f'{described} said, "It was over quickly."',
        '"We ran for cover," he said.',
    )
    assert rows == [
        (described, "person", "It was over quickly."),
        (described, "person", "We ran for cover"),
    ]


def test_a_restrictive_who_clause_before_the_verb_keeps_the_noun_before_it():
    # "who" without a comma: the guard speaks, not "the wounded" of the relative clause
    rows = _rows("Medics arrived.", 'A guard who carried the wounded said, "We had no beds."')
    assert rows == [("A guard", "person", "We had no beds.")]


def test_a_crowd_after_an_opening_clause_shouts_its_participle_quotation():
    # "thousands of" is a quantity: the fans are the group; the opening clause is skipped
    rows = _rows(
        "The club lost the final.",
        "As the news spread, thousands of fans gathered outside the stadium, chanting, "
        '"One more season!"',
    )
    assert rows == [("thousands of fans", "group", "One more season!")]


def test_a_quoted_participle_opening_a_sentence_belongs_to_the_subject_after_it():
    # no verb of speech after the participle: the subject after its quotation shouts it
    rows = _rows("The levy passed.", 'Chanting "Down with the levy!" farmers blocked the road.')
    assert rows == [("farmers", "group", "Down with the levy!")]
    # a verb of speech after it still credits its own subject
    rows = _rows("The levy passed.", 'Calling it "a disgrace," the governor said it would go.')
    assert [r[0] for r in rows] == ["the governor", "the governor"]


def test_a_one_word_name_in_an_aside_names_the_description_before_it():
    rows = _rows(
        '"It was slow," Dara Venn told reporters.',
        "Another driver, Tamsin, said the road was closed.",
        '"We waited for hours," she said.',
    )
    assert [r[0] for r in rows] == ["Dara Venn", "Tamsin", "Tamsin"]


def test_a_person_noun_before_a_surname_in_a_title_case_headline_is_a_role():
    rows = _rows(
        "Ada Okonkwo, 16, spoke to the council on Monday.",
        '"You have failed us," Okonkwo said.',
        title="Teenager Okonkwo Tells Council \u2018You Have Failed Us\u2019",
    )
    assert {r[0] for r in rows} == {"Ada Okonkwo"}


def test_a_past_participle_opening_a_sentence_is_no_speaker():
    # "Parked outside ...," opens the clause like "Speaking on ...,": the subject after it
    # speaks; a name in -ed ("Ahmed said") is its own lemma and stays a name
    rows = _rows(
        "Ada Okonkwo met the residents.",
        "Parked outside the council offices, Okonkwo spoke to reporters and called the plan "
        '"a scandal".',
    )
    assert [r[0] for r in rows] == ["Ada Okonkwo"]
    rows = _rows('Ahmed said, "We are ready."')
    assert [r[0] for r in rows] == ["Ahmed"]


def test_an_epithet_with_a_name_among_its_modifiers_names_the_person_of_the_article():
    # "the former Olympic footballer": a name among the modifiers and a person noun, the
    # person the article is about (named most, quoted before), as "the Morning Desk host"
    lede = ("Ada Okonkwo won the cup on Sunday.", '"It was hard," Okonkwo said.')
    rows = _rows(*lede, '"I am proud," the former Olympic footballer said.')
    assert [r[0] for r in rows] == ["Ada Okonkwo", "Ada Okonkwo"]
    # modifiers without a name may describe anyone: the description stays as written
    rows = _rows(*lede, '"She was quiet," the former depot supervisor said.')
    assert [r[0] for r in rows] == ["Ada Okonkwo", "the former depot supervisor"]


def test_a_passive_before_an_infinitive_and_a_lowercase_opening_keep_the_pronoun_subject():
    # "he was heard to tell": the passive's subject tells; the lowercase opening ("But
    # backstage, and not knowing ...,") ends at its last comma, the pronoun after it speaks
    rows = _rows(
        "Mr Tom Reed met Mrs Ann Lee in the street.",
        "But backstage, and not knowing the camera was running, he was heard to tell a "
        'driver: "That went badly."',
    )
    assert [r[0] for r in rows] == ["Tom Reed"]
    rows = _rows("Mr Tom Reed met Mrs Ann Lee.", 'He was heard to tell a driver: "Never again."')
    assert [r[0] for r in rows] == ["Tom Reed"]


def test_they_stands_for_a_group_noun_that_opens_the_sentence_before():
    rows = _rows(
        "Ann Lee spoke first.",
        "Mourners in the church answered the pastor.",
        '"It is not over," they shouted.',
    )
    assert rows == [("mourners", "group", "It is not over")]


def test_names_joined_by_and_in_a_long_complement_stay_inside_the_description():
    # a lowercase noun heads the phrase; the body after "for", however long, is its
    # complement, and the places joined by "and" in the body's name are no speakers
    rows = _rows(
        '"We took him into custody," an official for the Harbour Authority of Avonport and '
        "East Marsh told reporters."
    )
    assert rows == [
        (
            "official for the Harbour Authority of Avonport and East Marsh",
            "person",
            "We took him into custody",
        )
    ]


def test_a_number_before_of_counts_the_group_after_it():
    # "Over 500 of the 700 workers": the workers speak (a number before "of" is a
    # quantity, as "thousands of"); a bare "20 and" is still no speaker
    rows = _rows(
        "The board fired the founder.",
        'Over 500 of the 700 workers gathered outside, threatening to "stay out."',
    )
    assert rows == [("Over 500 of the 700 workers", "group", "stay out.")]
    table = load_reporting_verbs()
    from newsframe.framing._units import word_tokens
    from newsframe.framing.speakers import speaker_kind

    assert [speaker_kind(word_tokens(p), table) for p in ("500 of the workers", "20 and")] == [
        "group",
        None,
    ]


def test_a_role_nobody_named_so_far_holds_is_the_one_the_next_paragraph_gives_it():
    # the lede's delayed identification: "..., the county sheriff said." then "Sheriff Ann
    # Lee told ..."; the person named in the lede holds no such role
    rows = _rows(
        'It is "too soon" to name a suspect in the death of Tom Reed, the Avon County '
        "sheriff said Tuesday.",
        "Officials continue to investigate, Sheriff Ann Lee told reporters.",
    )
    assert {r[0] for r in rows} == {"Ann Lee"}


def test_a_pronoun_in_a_clause_that_interrupts_a_noun_phrase_is_never_that_phrase():
    # "The caller, she added, ...": she is the one who reports, never the caller her words
    # are about (a person noun the sentence opens with)
    rows = _rows(
        "Dispatcher Ann Lee took the call.",
        'The caller, she added, "seemed lost and unsure."',
    )
    assert [r[0] for r in rows] == ["Ann Lee"]


# --- speech frames the verb finder missed (issue 19, fifteenth round, third part) -------------


@pytest.mark.parametrize(
    ("line", "speaker", "verb"),
    [
        ("Ann Lee stated the following on Tuesday:", "Ann Lee", "state"),
        ("Harbour Rowing released the following statement:", "Harbour Rowing", "release"),
        ("The zoo also released a statement on Saturday (May 28):", "The zoo", "release"),
    ],
)
def test_a_colon_closing_the_paragraph_frames_the_quotation_paragraph_after_it(line, speaker, verb):
    # the statement printed as a paragraph of its own: the line above introduces it
    rows = nf.attributions(
        [Article("a", "T", ("The council met.", line, '"After review, the race is off."'))]
    )
    quoted = rows[rows.kind == "direct"]
    assert quoted.speaker.tolist() == [speaker]
    assert quoted.verb_lemma.str.split().str[0].tolist() == [verb]


def test_a_colon_closing_a_paragraph_frames_nothing_when_no_quotation_follows():
    # "state" reports speech only beside what it introduces: a list is no speech
    rows = nf.attributions(
        [Article("a", "T", ("Ann Lee stated the following on Tuesday:", "Roads, schools."))]
    )
    assert rows[rows.part != "headline"].empty


def test_the_subject_opening_a_sentence_speaks_across_a_long_relative_aside():
    # the relative clause holds its own commas, a name and an age: the subject before it
    # speaks, never the name inside the aside
    rows = _rows(
        "The zoo shut early.",
        "Ann Lee, 32, who came to the zoo with Bo Park, 36, and their four children, wrote "
        "a long post about the day:",
        '"I want to thank everyone."',
    )
    assert [r[0] for r in rows if r[2]] == ["Ann Lee"]


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ('Lee began the meeting by announcing, "The budget is cut."', "announce"),
        ('When Lee took the stage, she started by asking the crowd, "How was your week?"', "ask"),
        ('Clearly moved, Lee began by telling her audience: "My message is simple."', "tell"),
    ],
)
def test_a_gerund_after_by_reports_the_speech_of_the_sentences_subject(sentence, verb):
    # "by" + -ing is a verb whose subject is the main clause's, never a noun after "by"
    assert _speech_rows("Ann Lee spoke on Monday.", sentence) == [("Ann Lee", verb)]


def test_a_gerund_after_the_by_of_a_passive_reports_nothing():
    rows = _speech_rows("Ann Lee spoke.", 'Lee was woken by shouting "Fire!" at night.')
    assert [verb for _, verb in rows if verb] == []  # (the woken one shouts nothing)


def test_a_teen_heads_a_description_before_a_relative_aside():
    rows = _speech_rows(
        "A visibly angry Ada Berg addressed the summit on Monday.",
        "The Norwegian teen, who has become the face of the movement, began by telling her "
        'audience: "We will be watching you."',
    )
    assert rows == [("Ada Berg", "tell")]


def _speech_rows(*paragraphs: str) -> list[tuple[str, str]]:
    """(speaker, verb lemma) of the quotations credited as speech in a hand-made article."""
    t = nf.attributions([Article("a", "T", paragraphs)])
    t = t[(t.part != "headline") & (t.kind != "paraphrase")]
    return [(r.speaker, r.verb_lemma) for r in t.itertuples()]


def test_continued_before_a_comma_and_the_quotation_reports_it():
    assert _speech_rows("Ann Lee spoke.", 'Lee continued, "This is a family in grief."') == [
        ("Ann Lee", "continue")
    ]
    # "continue" with an object of its own still reports nothing
    rows = _speech_rows("Ann Lee spoke.", 'Lee continued to have "full confidence" in him.')
    assert [verb for _, verb in rows if verb] == []


@pytest.mark.parametrize(
    ("tag", "speaker", "verb"),
    [
        ("state TV reported", "state TV", "report"),
        ("state media said on Monday", "state media", "say"),
        ("say local officials", "local officials", "say"),
        ("said Lee", "Ann Lee", "say"),
    ],
)
def test_a_modifier_before_a_subject_with_its_own_verb_is_no_inverted_verb(tag, speaker, verb):
    # "state" before "TV reported" modifies the subject; a verb inverts before its subject only
    # when no verb of the subject's own follows it
    rows = _speech_rows("Ann Lee saw the wreck.", f'"There was no sign of life," {tag}.')
    assert rows == [(speaker, verb)]


def test_a_reporting_verb_and_its_gerund_after_by_are_one_act_of_speech():
    t = nf.attributions(
        [Article("a", "T", ("Ann Lee spoke.", 'Lee concluded her speech by saying, "Thank you."'))]
    )
    t = t[t.part != "headline"]
    # one row: the gerund names the act, the verb before "by" is no second paraphrase
    assert t[["speaker", "verb_lemma", "kind"]].values.tolist() == [["Ann Lee", "say", "partial"]]


@pytest.mark.parametrize(
    "sentence",
    [
        'Ruiz backed the mayor, writing on his blog before the vote, "She has delivered."',
        "Ruiz fired Lee on Tuesday after advice from Minister Bo Park, writing in a letter "
        'that it was "a matter of trust" for the agency.',
    ],
)
def test_writing_after_a_comma_is_the_verb_of_the_sentences_subject(sentence):
    # "writing" is the verb "write" (the lemmatizer keeps it a noun), and the subject is the
    # name before the sentence's verb, never the object after it
    assert _speech_rows("Tom Ruiz met Ann Lee.", sentence) == [("Tom Ruiz", "write")]


def test_writing_after_a_determiner_stays_a_noun():
    rows = _speech_rows("Tom Ruiz met Ann Lee.", 'The writing on the wall said "Go home".')
    assert [verb for _, verb in rows if verb == "write"] == []


def test_the_agent_of_a_reduced_passive_speaks():
    # "branded ... by Tom Ruiz" after the noun it modifies: Ruiz branded her, the farmer did not
    rows = _speech_rows(
        "Tom Ruiz toured the farms.", "The farmer branded a 'liar' by Tom Ruiz wept."
    )
    assert rows == [("Tom Ruiz", "brand")]
    # an active verb with a "by" phrase that names nobody keeps its subject
    rows = _speech_rows("Tom Ruiz spoke.", 'Ann Lee branded the plan a "farce" by any measure.')
    assert rows == [("Ann Lee", "brand")]


def test_a_past_form_opening_the_sentence_before_its_subject_and_a_colon_is_an_inverted_tag():
    rows = _speech_rows("Tom Ruiz spoke.", 'Said Governor Ruiz: "This is despicable."')
    assert rows == [("Tom Ruiz", "say")]
    # a base form opening a sentence is no inverted tag ("State radio: ...")
    rows = _speech_rows("Tom Ruiz spoke.", 'State radio: "The road is shut."')
    assert [verb for _, verb in rows] == [""]


def test_a_quotation_paragraph_continues_the_speaker_who_reports_the_clause_before():
    # the gunman's words sit in the clause Ruiz reports: the next paragraph's words are Ruiz's
    rows = _rows(
        "Tom Ruiz spoke in Dayton on Friday.",
        'Ruiz noted the accused gunman asked "where is the mayor" when he entered the hall.',
        '"The point I want to make is that this must stop."',
    )
    assert [(r[0], r[2]) for r in rows if r[2]] == [
        ("the accused gunman", "where is the mayor"),
        ("Tom Ruiz", "The point I want to make is that this must stop."),
    ]


@pytest.mark.parametrize(("verb", "lemma"), [("thanked", "thank"), ("labelled", "label")])
def test_a_past_form_the_lemmatizer_misses_is_still_its_verb(verb, lemma):
    # "thanked" and "labelled" lemmatize to no verb of the table; the scan reads them as theirs
    rows = _speech_rows("Ann Lee spoke.", f'She {verb} the crew for "the prayers and wishes."')
    assert rows == [("Ann Lee", lemma)]


def test_a_pronoun_opening_the_sentence_is_no_part_of_a_longer_speaker_phrase():
    # "She hugged members" is no speaker: the pronoun is the whole subject
    rows = _speech_rows(
        "Ann Lee spoke on Friday.",
        'She hugged members for "the outpouring of prayers and warm wishes."',
    )
    assert [speaker for speaker, _ in rows] == ["Ann Lee"]


def test_a_quotation_after_a_participle_of_speech_is_never_the_quote_only_verb_before_it():
    # "thanked" counts only beside quoted words; here they are "saying"'s
    t = nf.attributions(
        [Article("a", "T", ("Ann Lee spoke.", 'Lee thanked the crew, saying "they saved us all".'))]
    )
    t = t[t.part != "headline"]
    assert t[["speaker", "verb_lemma", "kind"]].values.tolist() == [["Ann Lee", "say", "partial"]]


# --- descriptions and owners the chooser never saw (issue 19, seventeenth round) -------------


@pytest.mark.parametrize(
    "opening",
    [
        "Weeks after the inquiry opened, actress Ann Lee has",
        "Two hours before the vote on the harbour budget, Ann Lee has",
    ],
)
def test_a_time_adjunct_opening_the_sentence_is_no_subject(opening):
    # "Weeks" is a unit of time before "after": the subject is the name after the comma, and
    # the "she" of the next paragraph is that name too
    rows = _rows(
        f"{opening} ended a long pause and said that she will resign.", '"I am sorry," she said.'
    )
    assert [r[0] for r in rows] == ["Ann Lee", "Ann Lee"]


def test_a_surname_before_a_time_clause_is_still_the_subject():
    # only a unit of time opens a time adjunct: "Reed, after the vote," is the subject
    rows = _rows("Tom Reed, after the vote, said that he will resign.", '"I am done," he said.')
    assert [r[0] for r in rows] == ["Tom Reed", "Tom Reed"]


@pytest.mark.parametrize(
    ("document", "owner"),
    [("her statement continued", "Ann Lee"), ("his letter read", "Tom Reed")],
)
def test_a_document_owned_by_a_possessive_pronoun_is_its_owners_speech(document, owner):
    # "her" agrees with the woman named before, "his" with the man: the document is theirs
    rows = _rows(
        "Ann Lee resigned as mayor on Monday, and she said she was sorry.",
        "Tom Reed said he would stay.",
        f'"We will not return to office," {document}.',
    )
    assert [r[0] for r in rows if r[2]] == [owner]


def test_a_possessive_document_with_nobody_to_own_it_stays_as_written():
    # no one named before: "their report" is still the report
    rows = _rows('"The bridge is unsafe," their report said.')
    assert [r[0] for r in rows if r[2]] == ["their report"]


@pytest.mark.parametrize(
    ("description", "holder"),
    [
        ("The prime minister", "Ann Lee"),
        ("The PM", "Ann Lee"),
        ("The former deputy prime minister", "Tom Reed"),
    ],
)
def test_a_qualified_role_holds_only_the_description_with_its_qualifier(description, holder):
    # "former deputy prime minister" is another office than "prime minister", though it holds
    # the word; the description with both qualifiers names that office's holder
    rows = _rows(
        "Prime Minister Ann Lee has written to her former deputy prime minister Tom Reed "
        "after his resignation on Friday, and Reed thanked her.",
        f'{description} said: "This is a sad day for the government."',
    )
    assert [r[0] for r in rows if r[2]] == [holder]


def test_a_document_of_a_described_office_holder_is_theirs():
    # "The PM's letter": the letter of the one prime minister, never of the deputy named last
    rows = _rows(
        "Prime Minister Ann Lee has written to her former deputy prime minister Tom Reed.",
        'The PM\u2019s letter said: "You kept your word."',
    )
    assert [r[0] for r in rows if r[2]] == ["Ann Lee"]


@pytest.mark.parametrize(
    ("line", "verb"),
    [
        ('Lee went on: "The plan is dead."', "go on"),
        ('"The plan is dead," she went on.', "go on"),
        ('She went on, "The plan is dead."', "go on"),
        ('She went on to say that "the plan is dead."', "say"),
    ],
)
def test_go_on_reports_as_continue_does(line, verb):
    # beside quoted words, before a colon or a comma: the verb; "went on to say": "say"
    rows = _speech_rows("Ann Lee spoke on Friday.", line)
    assert rows == [("Ann Lee", verb)]


def test_go_on_before_quoted_words_with_no_mark_reports_nothing():
    # "the talks went on" is no speech: the quoted words are a phrase of the sentence
    rows = _speech_rows("Ann Lee spoke on Friday.", 'The talks went on "for hours" that night.')
    assert rows == []


@pytest.mark.parametrize("verb", ["criticised", "slammed"])
def test_a_quotation_after_what_someone_called_is_the_object_of_call(verb):
    # "what she called" is a free relative: the quoted words are its object, not a clause
    # that the verb before reports
    rows = _speech_rows(
        "Ann Lee spoke on Friday.", f'Ms Lee {verb} what she called "harbour mobs".'
    )
    assert rows == [("Ann Lee", "call")]


def test_a_gendered_role_noun_nobody_holds_names_the_woman_the_article_is_about():
    # nobody is called a businesswoman; "the businesswoman" is the one woman named (Mrs Lee),
    # never the man named last
    rows = _rows(
        "Campaigner Ann Lee lost her case on Friday.",
        "Mrs Lee said she would appeal against the ruling of Justice Tom Reed.",
        'The businesswoman told reporters: "We will not give up."',
    )
    assert [r[0] for r in rows if r[2]] == ["Ann Lee"]


def test_a_gendered_role_noun_names_no_one_when_no_person_of_that_gender_is_named():
    # "the businesswoman" when only a man is named: nobody the article calls "she"
    rows = _rows(
        "Mr Tom Reed lost his case on Friday.",
        'The businesswoman told reporters: "We will not give up."',
    )
    assert [r[0] for r in rows if r[2]] != ["Tom Reed"]


def test_a_quote_only_verb_before_a_colon_closing_its_paragraph_frames_the_next_one():
    # "It reads:" introduces the statement printed as the next paragraph
    rows = _speech_rows(
        "The university issued a statement on Friday. It reads:",
        '"Survivors will always be our priority."',
    )
    assert rows == [("The university", "read")]


def test_go_on_before_an_ellipsis_introduces_the_quotation():
    assert _speech_rows(
        "Ann Lee spoke on Friday.", "Lee goes on \u2026 \u201cThe list is long.\u201d"
    ) == [("Ann Lee", "go on")]


def test_a_quote_only_verb_before_a_colon_and_no_quotation_reports_nothing():
    # a list after the colon: no speech
    assert _speech_rows("The sign reads:", "Roads, schools and bridges.") == []


def test_state_after_a_places_name_is_a_noun_never_the_verb():
    # "Oregon state and city police": the speaker is "He", whose verb is "said"
    rows = _speech_rows(
        "Joe Marvell spoke on Monday.",
        'He also said her guards and Oregon state and city police are not "going to permit a spectacle."',
    )
    assert rows == [("Joe Marvell", "say")]


def test_state_after_a_persons_name_is_still_the_verb():
    rows = _speech_rows('"We are ready," Ann Lee and Tom Reed state in the letter.')
    assert {verb for _, verb in rows} == {"state"}


@pytest.mark.parametrize(("verb", "lemma"), [("extended", "extend"), ("offered", "offer")])
def test_extend_and_offer_report_the_quoted_words_they_convey(verb, lemma):
    rows = _speech_rows("Ann Lee spoke on Friday.", f'Lee also {verb} her "heartfelt condolences."')
    assert rows == [("Ann Lee", lemma)]


def test_offer_without_quoted_words_reports_nothing():
    assert _speech_rows("Ann Lee offered a deal to the union on Friday.") == []


@pytest.mark.parametrize("description", ["One of Reed's alleged victims", "A former aide"])
def test_an_indefinite_description_names_the_person_in_apposition_after_it(description):
    # the indefinite description is someone; the name in apposition says who
    rows = _speech_rows(
        "Tom Reed was jailed on Friday.",
        f'{description}, Sarah Mills, told the court, "He controlled us."',
    )
    assert rows == [("Sarah Mills", "tell")]


# --- a quotation run keeps its speaker's verb (issue 19, twentieth round) ------------------------


def _row(paragraph, speaker, verb="", lemma="", kind="direct", part="body"):
    return dict(part=part, paragraph_id=paragraph, speaker=speaker, kind=kind, verb=verb,
                verb_lemma=lemma, verb_class="neutral" if lemma else "")  # fmt: skip


def test_a_direct_quotation_without_a_verb_takes_its_speakers_verb_from_the_run():
    from newsframe.framing.speakers import run_verbs

    rows = [_row(2, "Ann Lee", "explained", "explain"), _row(3, "Bo Park", "said", "say"),
            _row(4, "Ann Lee"), _row(5, "Bo Park")]  # fmt: skip
    run_verbs(rows)
    assert [r["verb_lemma"] for r in rows] == ["explain", "say", "explain", "say"]
    assert rows[2]["verb"] == "explained" and rows[2]["verb_class"] == "neutral"


def test_the_run_reaches_back_three_paragraphs_and_no_further():
    from newsframe.framing.speakers import run_verbs

    rows = [_row(1, "Ann Lee", "wrote", "write"), _row(4, "Ann Lee"), _row(9, "Ann Lee")]
    run_verbs(rows)
    assert [r["verb_lemma"] for r in rows] == ["write", "write", ""]


def test_the_run_gives_no_verb_to_a_partial_quotation_an_unresolved_speaker_or_another_speaker():
    from newsframe.framing.speakers import run_verbs

    rows = [_row(1, "Ann Lee", "said", "say"), _row(2, "Ann Lee", kind="partial"),
            _row(2, "unresolved"), _row(2, "Cy Dow"), _row(0, "Ann Lee", part="headline")]  # fmt: skip
    run_verbs(rows)
    assert [r["verb_lemma"] for r in rows] == ["say", "", "", "", ""]


def test_a_continuation_paragraph_keeps_the_verb_that_introduced_the_run():
    paragraphs = (
        'Ann Lee, the mayor, wrote to the council on Monday: "We will open the bridge in May."',
        '"The repairs are finished and the cost was lower than planned."',
    )
    t = nf.attributions([Article("a", "T", paragraphs)])
    t = t[(t.part != "headline") & (t.kind != "paraphrase")]
    assert t[["paragraph_id", "speaker", "verb_lemma"]].values.tolist() == [
        [0, "Ann Lee", "write"],
        [1, "Ann Lee", "write"],
    ]


# --- verbs of saying the table lacked, by class (issue 19, twentieth round) ----------------------


@pytest.mark.parametrize(
    ("line", "lemma"),
    [
        ('Mayor Ann Lee apologised for the "unacceptable delay" on Monday.', "apologise"),
        ('Mayor Ann Lee has apologized "for any confusion" over the timetable.', "apologize"),
        ('"The bridge was a mistake," Mayor Ann Lee opined.', "opine"),
        ('Mayor Ann Lee reminded reporters that the budget was "already spent".', "remind"),
        ('Mayor Ann Lee bellowed "Clear the road!" at the crowd.', "bellow"),
        ('"Nobody told us," Mayor Ann Lee grumbled.', "grumble"),
    ],
)
def test_verbs_of_saying_by_class_report_the_quotation(line, lemma):
    assert [row[1:] for row in _speech(line)] == [["Ann Lee", lemma]]


@pytest.mark.parametrize(
    "line",
    [
        "Mayor Ann Lee agreed to a new contract with the union on Monday.",
        "After long talks the two sides finally agreed on a 'roadmap' and a 'timetable'.",
        "The engine roared as the bus left the depot.",
        "The council apologised to residents for the delay.",
    ],
)
def test_the_added_verbs_report_nothing_without_quoted_words(line):
    t = nf.attributions([Article("a", "T", (line,))])
    assert t[t.part != "headline"].empty


def test_agreed_alone_is_no_report_of_words():
    t = nf.attributions([Article("a", "T", ("Ann Lee said the vote was close. Bo Park agreed.",))])
    t = t[t.part != "headline"]
    assert t[["speaker", "verb_lemma"]].values.tolist() == [["Ann Lee", "say"]]
