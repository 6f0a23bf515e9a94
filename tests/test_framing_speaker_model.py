"""The fitted speaker choice: candidates and their features on tiny hand-made articles, the
model file's format and errors, and the choice between the rules and the model."""

from __future__ import annotations

import importlib
import math

import numpy as np
import pytest

import newsframe as nf
from newsframe import Article
from newsframe.errors import InputError, WrongKindError
from newsframe.framing import attribution as attr
from newsframe.framing.speaker_model import (
    FEATURES,
    SpeakerModel,
    load_speaker_model,
    mention_role,
    settled,
    speaker_model,
)
from newsframe.resources import default_resources

_MODULE = importlib.import_module("newsframe.framing.speaker_model")


def _candidates(*paragraphs):
    """Per quotation: {candidate keys: {feature: value} (non-zero only)}, and the rules' pick."""
    res = default_resources()
    found: list = []
    article = Article("a", "T", tuple(paragraphs))
    attr._article_rows(article, res.reporting_verbs, res.actors, res, collect=found)
    out = []
    for _, candidates, pick in found:
        table = {}
        for c in candidates:
            keys = tuple(s.key for s in c.speakers)
            table[keys] = {n: v for n, v in zip(FEATURES, c.values, strict=True) if v}
        out.append((table, pick))
    return out


def _only(feature: str, weight: float = 1.0) -> SpeakerModel:
    """A model that scores one feature and nothing else."""
    w = np.array([weight if n == feature else 0.0 for n in FEATURES])
    return SpeakerModel(tuple(FEATURES), np.zeros(len(w)), np.ones(len(w)), w, 0.0)


def test_a_tag_after_the_quotation_is_a_verb_subject_after_a_comma():
    # '"We are ready," Putin said.': one verb, after the quotation, in its sentence, its
    # subject one word after the closing mark ("Putin"), a comma inside the marks
    ((table, pick),) = _candidates('"We are ready," Putin said.')
    assert pick == 0
    assert set(table) == {("Putin",), ("unresolved",)}
    putin = table["Putin",]
    assert putin["rules"] == putin["verb_subject"] == putin["verb_same_sentence"] == 1.0
    assert putin["verb_after"] == putin["comma_tag"] == 1.0
    assert "verb_before" not in putin and "colon" not in putin
    assert putin["verb_gap"] == pytest.approx(math.log1p(1), abs=1e-5)  # "Putin"
    assert table["unresolved",] == {"unresolved": 1.0}


def test_a_person_named_before_a_quotation_without_a_verb_is_a_mention_candidate():
    # the rules find no verb and leave the quotation unresolved; "Ann Lee" is named four
    # words before it ("met reporters on Monday.") in the sentence before
    ((table, _pick),) = _candidates('Ann Lee met reporters on Monday. "It is utterly wrong."')
    assert table["unresolved",]["rules"] == 1.0
    lee = table["Ann Lee",]
    assert lee["mention"] == lee["mention_before"] == lee["person"] == 1.0
    assert "mention_same_sentence" not in lee and "rules" not in lee
    assert lee["mention_gap"] == pytest.approx(math.log1p(4), abs=1e-5)
    assert lee["mentions_so_far"] == pytest.approx(math.log1p(1))  # named once before it


def test_a_colon_between_the_verb_and_the_quotation():
    ((table, _),) = _candidates('Ann Lee said: "We will appeal against the ruling."')
    lee = next(v for k, v in table.items() if "Lee" in k[0])
    assert lee["verb_before"] == lee["colon"] == lee["rules"] == 1.0
    assert "comma_tag" not in lee


def test_the_model_chooses_and_the_rules_stay_available():
    text = ("Ann Lee met reporters on Monday.", '"It is utterly wrong. We will appeal."')
    article = Article("a", "T", text)
    rules = nf.attributions([article], speakers="rules")
    assert rules["speaker"].tolist() == ["unresolved"]
    # a model that credits the entity named last before the quotation (one paragraph back)
    recent = nf.attributions([article], speakers=_only("recent"))
    assert recent["speaker"].tolist() == ["Ann Lee"]
    assert recent["verb"].tolist() == [""]  # the verb stays the rules' (none)
    # a model that prefers nobody keeps the quotation unresolved
    nobody = nf.attributions([article], speakers=_only("unresolved"))
    assert nobody["speaker"].tolist() == ["unresolved"]


def test_the_shipped_model_credits_the_one_person_named_right_before():
    # a quotation standing alone right after a sentence that names one person, and no one else
    # near: a reader credits that person; the rules leave it unresolved
    t = nf.attributions([Article("a", "T", ('Ann Lee met reporters. "It is utterly wrong."',))])
    assert t[["speaker", "kind"]].values.tolist() == [["Ann Lee", "direct"]]


def test_the_shipped_model_keeps_a_verb_tag_over_a_nearer_mention():
    t = nf.attributions(
        [Article("a", "T", ('"We are ready to talk to Ann Lee," Tom Ortiz said on Monday.',))]
    )
    assert t[["speaker", "verb"]].values.tolist() == [["Tom Ortiz", "said"]]


def test_the_rules_choice_is_kept_as_the_rules_gave_it():
    # only a country before "he": the rules leave "he" unresolved, and the text "he" stays
    text = ('Russia was silent. "We will not give up," he said.',)
    t = nf.attributions([Article("a", "T", text)], speakers=_only("rules"))
    assert t[["speaker", "speaker_text", "speaker_source"]].values.tolist() == [
        ["unresolved", "he", "unresolved"]
    ]


def test_the_shipped_model_file_has_every_feature():
    model = load_speaker_model()
    assert model.names == tuple(FEATURES)
    assert np.all(model.scale > 0) and np.isfinite(model.weights).all()
    assert speaker_model("model") is model and speaker_model("rules") is None


def _write(tmp_path, rows):
    path = tmp_path / "m.csv"
    path.write_text("# a comment\nfeature,mean,scale,weight\n" + "\n".join(rows) + "\n")
    return path


def test_a_model_file_of_ones_scores_the_sum_of_the_features(tmp_path):
    rows = [f"{n},0,1,1" for n in FEATURES] + ["(intercept),0,1,0.5"]
    model = load_speaker_model(_write(tmp_path, rows))
    values = np.zeros((2, len(FEATURES)))
    values[1, :3] = [1.0, 2.0, 0.5]
    assert model.scores(values).tolist() == [0.5, 4.0]
    assert isinstance(speaker_model(str(_write(tmp_path, rows))), SpeakerModel)


def test_a_model_file_without_a_feature_names_the_file_and_the_feature(tmp_path):
    rows = [f"{n},0,1,1" for n in list(FEATURES)[1:]] + ["(intercept),0,1,0"]
    with pytest.raises(InputError, match=r"m\.csv: .*missing features \['rules'\]"):
        load_speaker_model(_write(tmp_path, rows))


def test_a_model_file_with_a_bad_number_or_scale_is_one_error(tmp_path):
    rows = [f"{n},0,1,1" for n in FEATURES] + ["(intercept),0,1,x"]
    with pytest.raises(InputError, match=r"m\.csv: feature '\(intercept\)'"):
        load_speaker_model(_write(tmp_path, rows))
    rows = [f"{n},0,0,1" for n in FEATURES] + ["(intercept),0,1,0"]
    with pytest.raises(InputError, match="scale must be positive"):
        load_speaker_model(_write(tmp_path, rows))
    with pytest.raises(InputError, match="needs the columns"):
        load_speaker_model(_write(tmp_path, []))


def test_an_unknown_speaker_choice_is_one_error():
    with pytest.raises(WrongKindError, match="speakers"):
        nf.attributions([Article("a", "T", ('"Yes," Ann Lee said.',))], speakers="best")


def test_the_noun_phrase_opening_the_sentence_before_is_a_candidate():
    # "A trapped worker" opens the sentence before the quotation and ends in a speaker noun
    # ("worker"); the rules find no verb for the quotation
    ((table, _),) = _candidates('A trapped worker cried for help. "I have a son and a daughter."')
    worker = table["A trapped worker",]
    assert worker["opening_phrase"] == worker["person"] == 1.0
    assert "opening_same_sentence" not in worker and "rules" not in worker


def test_no_opening_phrase_without_a_speaker_noun_or_after_a_verb():
    # "The bridge" names no speaker; in "Rain fell on the workers" the noun comes after a
    # preposition: neither is a candidate
    ((table, _),) = _candidates('The bridge closed. Rain fell on the workers. "It is over."')
    assert all("opening_phrase" not in features for features in table.values())


# --- wider candidates and the features that say why ------------------------------------------


def test_a_pronoun_subject_brings_every_person_it_could_stand_for():
    # "she" after a sentence naming two people: both are antecedents, the nearer (Tom Reed,
    # named last) first; the article calls Ann Lee "Mrs", Tom Reed "Mr": she agrees with Ann
    # Lee and clashes with Tom Reed
    ((table, _),) = _candidates(
        "Mrs Ann Lee met Mr Tom Reed on Monday.", '"We will appeal," she said.'
    )
    lee, reed = table["Ann Lee",], table["Tom Reed",]
    assert lee["antecedent"] == reed["antecedent"] == 1.0
    assert reed["antecedent_rank"] == pytest.approx(0.0, abs=1e-5)  # the nearest
    assert lee["antecedent_rank"] == pytest.approx(math.log1p(1), abs=1e-5)
    assert lee["pronoun_agrees"] == 1.0 and "pronoun_clashes" not in lee
    assert reed["pronoun_clashes"] == 1.0 and "pronoun_agrees" not in reed
    assert lee["in_previous_paragraph"] == reed["in_previous_paragraph"] == 1.0


def test_it_agrees_with_an_organisation_and_clashes_with_a_person():
    ((table, _),) = _candidates(
        "The Coastal Safety Agency met Ann Lee on Monday.", '"We will appeal," it said.'
    )
    agency = next(v for k, v in table.items() if "Agency" in k[0])
    assert agency["antecedent"] == agency["pronoun_agrees"] == 1.0
    assert table["Ann Lee",]["pronoun_clashes"] == 1.0
    assert "antecedent" not in table["Ann Lee",]  # "it" never stands for a person


def test_the_article_main_people_are_candidates_with_their_mentions():
    # Ann Lee is named three times, Tom Reed once: she is a main entity (two mentions or
    # more), he is not; a quotation three paragraphs later, with no verb, may still be hers
    ((table, _),) = _candidates(
        "Ann Lee met Tom Reed. Ann Lee left.",
        "Ann Lee came back on Monday.",
        "The weather was cold.",
        "The roads were closed.",
        '"It is utterly wrong."',
    )
    lee = table["Ann Lee",]
    assert lee["main_entity"] == 1.0
    assert lee["salience"] == pytest.approx(math.log1p(3))
    assert "in_paragraph" not in lee and "in_previous_paragraph" not in lee
    # Tom Reed is a candidate as one of the last entities named, never a main one
    assert "main_entity" not in table["Tom Reed",]
    assert table["Tom Reed",]["salience"] == pytest.approx(math.log1p(1))


def test_a_role_noun_subject_matches_the_person_with_that_role():
    # "the spokesperson" is the agency spokesperson Ann Lee, not Tom Reed
    ((table, _),) = _candidates(
        "Agency spokesperson Ann Lee met Tom Reed on Monday.",
        '"We will appeal," the spokesperson said.',
    )
    lee = next(v for k, v in table.items() if v.get("role_matches"))
    assert lee == table["Ann Lee",]
    assert "role_matches" not in table["Tom Reed",]


def test_the_model_also_chooses_when_the_own_verb_credits_a_pronoun_or_an_outlet():
    # a model that prefers nobody: the rules' choice stands for a speaker named by name with
    # a verb of the quotation's own sentence, and the model decides for "he" or a news outlet
    model = _only("unresolved")
    named = nf.attributions(
        [Article("a", "T", ('"We are ready," Tom Ortiz said.',))], speakers=model
    )
    assert named["speaker"].tolist() == ["Tom Ortiz"]
    text = ('Tom Ortiz arrived. "We are ready," he said.', '"It is over," Reuters said.')
    t = nf.attributions([Article("b", "T", text)], speakers=model)
    assert t["speaker"].tolist() == ["unresolved", "unresolved"]
    rules = nf.attributions([Article("b", "T", text)], speakers="rules")
    assert rules["speaker"].tolist() == ["Tom Ortiz", "Reuters"]


def test_the_speaker_of_the_next_quotation_of_the_paragraph_is_a_candidate():
    # two quotations, the verb only after the second: Tom Ortiz is the next quotation's
    # speaker for the first one, and nobody's next for the second (the last of the paragraph)
    (first, _), (second, _) = _candidates('"It is wrong." "We will appeal," Tom Ortiz said.')
    assert first["Tom Ortiz",]["next_quote"] == 1.0
    assert "next_quote" not in second["Tom Ortiz",]


def test_a_speaker_noun_phrase_inside_the_sentence_before_a_verb_is_a_candidate():
    # "a trapped worker" ends in a speaker noun and a verb in -ed follows it; "the rubble"
    # names no speaker, and "the family" is followed by no verb
    ((table, _),) = _candidates(
        '"Get me out of the rubble," a trapped worker wailed near the family home.'
    )
    phrases = {k[0] for k, v in table.items() if v.get("noun_phrase")}
    assert phrases == {"a trapped worker"}


def test_the_model_also_chooses_for_a_frame_before_another_verb():
    # a model that prefers nobody decides whenever the rules' choice is not settled:
    # "according to" a person before "Ana Ruiz said" is weighed by the model; "Ana Ruiz
    # said" alone stays settled, and so does "Ana Ruiz said" before a frame that follows the
    # quotation (the reporter's source: the rules credit the verb of the sentence)
    model = _only("unresolved")
    text = (
        'According to Tom Reed, Ana Ruiz said that "we will go on with the fight."',
        '"We are ready," Ana Ruiz said.',
        '"We are ready," Ana Ruiz said, "and we will go on," according to Sport Daily.',
    )
    t = nf.attributions([Article("a", "T", text)], speakers=model)
    assert t[t.quote != ""]["speaker"].tolist() == ["unresolved"] + ["Ana Ruiz"] * 3
    rules = nf.attributions([Article("a", "T", text)], speakers="rules")
    assert rules[rules.quote != ""]["speaker"].tolist() == ["Tom Reed"] + ["Ana Ruiz"] * 3


def test_a_role_noun_alone_or_a_lowercase_noun_never_settles_a_quotation():
    res = default_resources()
    nouns = res.reporting_verbs.speaker_nouns
    found: list = []
    text = (
        'Its President said it was "highly likely" that the plant had failed.',
        'Ana Ruiz said it was "highly likely" that the plant had failed.',
    )
    article = Article("a", "T", text)
    attr._article_rows(article, res.reporting_verbs, res.actors, res, collect=found)
    assert [(t.speakers[0].text, settled(t, nouns)) for t, _, _ in found] == [
        ("Its President", False),
        ("Ana Ruiz", True),
    ]


def test_the_article_own_pronouns_give_a_person_a_gender_for_she():
    # no title says who is a woman; the article does: Ann Lee opens a sentence that "she"
    # follows, Tom Reed one that "his" follows. "she" then agrees with Ann Lee and clashes
    # with Tom Reed, whom the sentence before the quotation names last
    ((table, _),) = _candidates(
        "Ann Lee arrived early. She spoke first.",
        "Tom Reed waited. His car was late.",
        "Ann Lee met Tom Reed on Monday.",
        '"We will appeal," she said.',
    )
    lee, reed = table["Ann Lee",], table["Tom Reed",]
    assert lee["pronoun_agrees"] == 1.0 and "pronoun_clashes" not in lee
    assert reed["pronoun_clashes"] == 1.0 and "pronoun_agrees" not in reed


def test_a_pronoun_after_a_name_that_is_not_the_subject_gives_no_gender():
    # "her" follows Tom Reed, but Tom Reed is no sentence's subject, and a sentence naming
    # two people says nothing: neither gets a gender, "she" neither agrees nor clashes
    ((table, _),) = _candidates(
        "The charge against Tom Reed was dropped and her lawyer left.",
        "Ann Lee met Tom Reed. She spoke.",
        '"We will appeal," she said.',
    )
    for key in (("Ann Lee",), ("Tom Reed",)):
        assert "pronoun_agrees" not in table[key] and "pronoun_clashes" not in table[key]


def test_a_news_outlet_the_article_names_as_one_is_never_the_speaker():
    # "KBX reported" and "told KBX" make the acronym an outlet: its report of Tom
    # Ortiz's words goes to the person named before, or to nobody when no one else fits
    text = (
        "Tom Ortiz spoke on Monday.",
        '"The port is closed," KBX reported.',
        "A guard told KBX more.",
    )
    t = nf.attributions([Article("a", "T", text)])
    assert t[t["quote"] == "The port is closed"]["speaker"].tolist() == ["Tom Ortiz"]
    alone = nf.attributions([Article("b", "T", text[1:])])
    assert alone[alone["quote"] == "The port is closed"]["speaker"].tolist() == ["unresolved"]
    rules = nf.attributions([Article("a", "T", text)], speakers="rules")
    assert rules[rules["quote"] == "The port is closed"]["speaker"].tolist() == ["KBX"]


def test_the_page_own_outlet_is_never_the_speaker():
    # no cue in the text, but the page is the Courier's own (its outlet metadata)
    text = ("Tom Ortiz spoke on Monday.", '"The port is closed," the Courier said.')
    own = Article("a", "T", text, metadata={"outlet": "The Courier"})
    t = nf.attributions([own])
    assert t[t["quote"] == "The port is closed"]["speaker"].tolist() == ["Tom Ortiz"]
    other = nf.attributions([Article("b", "T", text, metadata={"outlet": "Other"})])
    assert other[other["quote"] == "The port is closed"]["speaker"].tolist() != ["Tom Ortiz"]


def test_a_pronoun_antecedent_that_opened_its_sentence_is_marked_as_its_subject():
    # Ann Lee opens the sentence before the quotation (after a title), Tom Reed is only named
    # in a possessive: both could be "she" (no gender known), only Ann Lee was a subject
    ((table, _),) = _candidates(
        "Australian PM Ann Lee acknowledged Tom Reed's decision.", '"We agree," she said.'
    )
    lee, reed = table["Ann Lee",], table["Tom Reed",]
    assert lee["antecedent"] == reed["antecedent"] == 1.0
    assert lee["antecedent_subject"] == 1.0
    assert "antecedent_subject" not in reed


def test_a_person_pronoun_bars_an_organisation_and_a_gender_clash_only_weighs():
    # "he" can never be the agency (barred: never chosen while another candidate is left);
    # Mrs Ode is a woman by her title: "he" clashes with her, but that only weighs
    res = default_resources()
    found: list = []
    text = ("The Coastal Safety Agency met Mrs Kim Ode and Tom Reed.", '"We will appeal," he said.')
    attr._article_rows(Article("a", "T", text), res.reporting_verbs, res.actors, res, collect=found)
    ((_, candidates, _),) = found
    barred = {c.speakers[0].key: c.barred for c in candidates if len(c.speakers) == 1}
    agency = next(k for k in barred if "Agency" in k)
    assert barred[agency] is True
    assert barred["Kim Ode"] is False and barred["Tom Reed"] is False
    assert barred["unresolved"] is False


def test_outlet_cue_before_a_name_as_the_plain_search_finds_it():
    """The quick rejection of windows before a name that hold no outlet cue gives what the
    plain search of the cue pattern gives, on windows made of cue words (any case), other
    words, "the" and white space of every kind, ASCII or not (a long s folds to "s")."""
    import itertools

    from newsframe.framing.speaker_model import _OUTLET_BEFORE, _outlet_before

    words = ["told", "TOLD", "interview with", "news agency", "Station", "\u017ftation", "bathe",
             "the", "THE", "said", "daily", "x", "website", ""]  # fmt: skip
    spaces = [" ", "  ", "    ", "\t", "\x1c", "\u00a0", ""]
    seen = 0
    for a, s1, b, s2 in itertools.product(words, spaces, words, spaces):
        for pad in ("", "y" * 30):
            text = f"{pad}{a}{s1}{b}{s2}"
            end = len(text)
            want = _OUTLET_BEFORE.search(text, max(end - 40, 0), end)
            got = _outlet_before(text, end)
            assert (got and got.span()) == (want and want.span()), repr(text)
            seen += want is not None
    assert seen > 100  # the cues are found, not only ruled out


def test_the_one_told_is_an_addressee_and_the_teller_is_not():
    # 'Ann Lee told Tom Reed: "..."': Tom Reed's only naming in the window follows "told" (the
    # one spoken to, never the speaker); Ann Lee opens the sentence
    ((table, _),) = _candidates('Ann Lee told Tom Reed: "We will appeal."')
    assert table["Tom Reed",]["addressee"] == 1.0
    assert "addressee" not in table["Ann Lee",]
    assert "reported_subject" not in table["Tom Reed",]


def test_a_person_also_named_as_a_subject_is_no_addressee():
    # Tom Reed is told something, then speaks in the same window: not only an addressee
    ((table, _),) = _candidates('Ann Lee told Tom Reed the news. Tom Reed said: "We will appeal."')
    assert "addressee" not in table["Tom Reed",]


def test_the_subject_of_a_reported_clause_is_marked_and_the_speaker_is_not():
    # 'Ann Lee said that Tom Reed had ...': Tom Reed acts in the reported clause; Ann Lee says it
    ((table, _),) = _candidates('Ann Lee said that Tom Reed had "never once called us".')
    assert table["Tom Reed",]["reported_subject"] == 1.0
    assert "reported_subject" not in table["Ann Lee",]
    assert "addressee" not in table["Tom Reed",]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Kim said to the Prime Minister Ann Lee that", "Ann Lee", "addressee"),
        ("Kim spoke with Ann Lee on Monday.", "Ann Lee", "addressee"),
        ("Kim told Prime Minister Ann Lee so.", "Ann Lee", "addressee"),
        ("Kim said Ann Lee was wrong.", "Ann Lee", "reported"),
        ("Kim believes Ann Lee resigned.", "Ann Lee", "reported"),
        ('"We won," said Ann Lee.', "Ann Lee", ""),  # the inverted tag names the speaker
        ("Kim said Ann Lee, the mayor, left.", "Ann Lee", ""),  # no verb right after the name
        ("Ann Lee told Kim.", "Ann Lee", ""),  # opens the sentence
        ("After the vote, Ann Lee said so.", "Ann Lee", ""),  # a comma before the name
    ],
)
def test_mention_role_reads_the_words_around_a_name(text, name, role):
    start = text.index(name)
    assert mention_role(text, start, start + len(name)) == role


def test_a_pronoun_antecedent_counts_the_sentences_back_to_its_naming():
    # "she" in the third paragraph: Ann Lee named in the first sentence of the first paragraph
    # (its two sentence ends, the second paragraph's one, then the pronoun's own first
    # sentence: 3 boundaries); Tom Reed in the second paragraph (1 boundary)
    ((table, _),) = _candidates(
        "Ann Lee arrived on Monday. The talks began.",
        "Tom Reed waited.",
        '"We will appeal," she said.',
    )
    assert table["Ann Lee",]["antecedent_sentences"] == pytest.approx(math.log1p(3), abs=1e-5)
    assert table["Tom Reed",]["antecedent_sentences"] == pytest.approx(math.log1p(1), abs=1e-5)


def test_a_compatible_person_named_since_is_a_rival_and_a_clashing_one_is_not():
    # Mrs Ann Lee, then Ms Kim Ode, then Mr Tom Reed: for "she", Kim Ode (a woman, named
    # after Ann Lee) is Ann Lee's rival; Tom Reed (a man) is no rival of anyone; nothing was
    # named after Tom Reed
    ((table, _),) = _candidates(
        "Mrs Ann Lee met Ms Kim Ode and then Mr Tom Reed.", '"We will appeal," she said.'
    )
    assert table["Ann Lee",]["antecedent_rival"] == 1.0
    assert "antecedent_rival" not in table["Kim Ode",]
    assert "antecedent_rival" not in table["Tom Reed",]


def test_a_person_of_unknown_gender_named_since_is_no_rival():
    # nothing gives Kim Ode a gender (Ann Lee is "she": the pronoun after the sentence she
    # opens), so Kim Ode, named after Ann Lee, does not compete with her for "she"
    ((table, _),) = _candidates("Ann Lee met Kim Ode.", '"We will appeal," she said.')
    assert table["Ann Lee",]["antecedent"] == table["Kim Ode",]["antecedent"] == 1.0
    assert "antecedent_rival" not in table["Ann Lee",]


def test_a_body_is_marked_when_the_quotation_speaks_as_i():
    # "I" speaks for one person: the agency (an organisation) is marked, Ann Lee is not; a
    # quotation in the first person plural marks nobody
    first, second = _candidates(
        'The Coastal Safety Agency hired Ann Lee. "I am ready."',
        'The Coastal Safety Agency hired Ann Lee. "We are ready."',
    )
    agency = next(v for k, v in first[0].items() if "Agency" in k[0])
    assert agency["i_not_person"] == 1.0
    assert "i_not_person" not in first[0]["Ann Lee",]
    assert not any("i_not_person" in v for v in second[0].values())


def test_a_body_or_document_the_rules_credit_with_an_i_quotation_is_marked_as_theirs():
    # "the letter" (a document) is the rules' choice for a quotation in the first person
    # singular: marked twice (i_not_person, rules_i_not_person); Ann Lee (a person) neither;
    # the agency named but not chosen by the rules only once; in the first person plural nobody
    letter, agency, plural = _candidates(
        'Ann Lee wrote to the board. "I am sorry for the stress," the letter said.',
        'Ann Lee left the Coastal Safety Agency. "I was wrong," the agency said.',
        'Ann Lee wrote to the board. "We are sorry for the stress," the letter said.',
    )
    chosen = letter[0]["the letter",]
    assert chosen["rules"] == chosen["i_not_person"] == chosen["rules_i_not_person"] == 1.0
    assert "rules_i_not_person" not in letter[0]["Ann Lee",]
    named = next(v for k, v in agency[0].items() if k == ("Coastal Safety Agency",))
    assert named["i_not_person"] == 1.0 and "rules" not in named
    assert "rules_i_not_person" not in named
    assert agency[0]["the agency",]["rules_i_not_person"] == 1.0
    assert not any("rules_i_not_person" in v for v in plural[0].values())


@pytest.mark.parametrize(
    "tag",
    ['"I am sorry for any stress," her letter said.',
     '"I am sorry for any stress I caused," reads a note on her page.'],
)  # fmt: skip
def test_the_shipped_model_credits_an_i_quotation_to_the_person_not_her_letter(tag):
    # the rules credit the letter or the note (its verb's subject); the quotation speaks as
    # "I", so its writer speaks: the only person named, Ann Lee (without rules_i_not_person
    # the model kept the document)
    assert _speakers("Ann Lee resigned on Monday.", tag) == ["Ann Lee"]


def _speakers(*paragraphs) -> list[str]:
    table = nf.attributions([Article("a", "T", tuple(paragraphs))])
    return table.query("kind != 'paraphrase'")["speaker"].tolist()


def test_the_shipped_model_never_credits_the_one_told():
    # the rules find no subject for "told"; the model chooses among Tom Reed (named right
    # before the quotation, but as the one told) and nobody: never the one told
    assert "Tom Reed" not in _speakers(
        "Mrs Ann Lee met the press on Monday.", 'Later she told Tom Reed: "We will appeal."'
    )


def test_the_shipped_model_gives_a_quotation_in_the_first_person_to_a_person():
    # no verb frames the quotation; "I" speaks for one person, so the agency named with Ann
    # Lee is not its speaker
    assert _speakers(
        "The Coastal Agency hired Ann Lee on Monday.", 'The vote came later. "I am ready to serve."'
    ) == ["Ann Lee"]


# nineteenth round: the article's most named people and organisations as candidates of every
# quotation, and what tells them apart (ranks and distances counted by eye)
_FAR = (
    "Ann Lee met Tom Reed and Kim Ode. Ann Lee left. Tom Reed and Kim Ode stayed.",
    "Ann Lee thanked Dan Fry. Later Ed Hall came.",
    "Bob Park, Eli Stone and Max Wu arrived on Monday.",
    "The roads were closed.",
    '"I find it utterly wrong."',
)


def test_the_most_named_people_are_candidates_with_their_rank_and_distance(monkeypatch):
    # mentions: Ann Lee 3, Tom Reed 2, Kim Ode 2, then once each in reading order Dan Fry,
    # Ed Hall, Bob Park, Eli Stone, Max Wu: ranks 0-7. With the four most named widened, Dan
    # Fry (rank 3, named nowhere near) is a candidate proposed by nothing else; Ed Hall (rank
    # 4) is not a candidate; Bob Park, Eli Stone and Max Wu are the last three named (recent)
    monkeypatch.setattr(_MODULE, "MOST_NAMED", 4)
    ((table, _),) = _candidates(*_FAR)
    assert ("Ed Hall",) not in table
    fry = table["Dan Fry",]
    assert fry["most_named"] == 1.0 and "recent" not in fry
    assert fry["salience_rank"] == pytest.approx(math.log1p(3))
    assert fry["paragraphs_away"] == pytest.approx(math.log1p(3))  # paragraph 1 to 4
    # the three main people were candidates before the widening (only as main ones)
    assert table["Ann Lee",]["most_named"] == 1.0 and table["Ann Lee",]["main_entity"] == 1.0
    assert "salience_rank" not in table["Ann Lee",]  # rank 0: the most named
    assert table["Tom Reed",]["paragraphs_away"] == pytest.approx(math.log1p(4))
    park = table["Bob Park",]  # proposed as a recent entity: not widened
    assert "most_named" not in park and park["salience_rank"] == pytest.approx(math.log1p(5))
    monkeypatch.setattr(_MODULE, "MOST_NAMED", 5)
    ((table, _),) = _candidates(*_FAR)
    assert table["Ed Hall",]["most_named"] == 1.0


def test_a_first_person_quotation_agrees_with_a_person_and_we_with_a_body():
    # "I" speaks for a person, "we" for a body: Ann Lee and the agency, each in its quotation
    first, plural = _candidates(
        'The Coastal Safety Agency hired Ann Lee. "I am ready," Ann Lee said on Monday.',
        'The Coastal Safety Agency hired Tom Reed. "We are ready," the agency said.',
    )
    assert first[0]["Ann Lee",]["speaks_as_kind"] == 1.0
    agency = next(v for k, v in first[0].items() if "Agency" in k[0])
    assert "speaks_as_kind" not in agency
    agency = next(v for k, v in plural[0].items() if "Agency" in k[0])
    assert agency["speaks_as_kind"] == 1.0
    assert "speaks_as_kind" not in plural[0]["Tom Reed",]


def test_a_phrase_opening_with_a_person_name_is_no_opening_phrase_but_an_owner_is():
    # "Ann Lee met reporters" is a clause about Ann Lee (a candidate as a mention), not a noun
    # phrase headed by "reporters"; "Ann Lee's lawyer" is another person, headed by "lawyer"
    ((clause, _),) = _candidates('Ann Lee met reporters. "It is utterly wrong."')
    assert not any("opening_phrase" in v for v in clause.values())
    assert clause["Ann Lee",]["mention"] == 1.0
    ((owner, _),) = _candidates('Ann Lee\'s lawyer met reporters. "It is utterly wrong."')
    assert owner["Ann Lee's lawyer",]["opening_phrase"] == 1.0


def test_a_person_named_inside_the_quotation_or_the_one_before_is_marked():
    # Tom Reed is named inside both quotations' window only within quotation marks: marked;
    # Ann Lee, named outside them, is not
    first, second = _candidates(
        "Ann Lee met Tom Reed on Monday.",
        '"Tom Reed hit me," she said. "It was the worst night of my life."',
    )
    for table in (first[0], second[0]):
        assert table["Tom Reed",]["named_in_quote"] == 1.0
        assert "named_in_quote" not in table["Ann Lee",]


def test_a_quotation_without_a_frame_of_its_own_belongs_to_the_statement_framed_before():
    # paragraph 0: Ann Lee's frame introduces a statement (a colon after "said"); paragraph 1
    # names Tom Reed; paragraph 2's quotation has no verb: Ann Lee framed the run it continues,
    # two paragraphs back; its six words (log1p 6), two quotations before it (log1p 2)
    first, _, third = _candidates(
        'Ann Lee said: "We will build the new bridge next year."',
        'Tom Reed, a local farmer, disagreed. "It is far too late."',
        '"The money is there and the plans are ready."',
    )
    lee = third[0]["Ann Lee",]
    assert lee["frames_run"] == lee["run_statement"] == 1.0
    assert lee["run_paragraphs"] == pytest.approx(math.log1p(2))
    assert lee["frames_run_words"] == pytest.approx(math.log1p(9))  # "The money ... ready."
    assert lee["frames_run_quotes"] == pytest.approx(math.log1p(2))
    assert lee["frame_share"] == 1.0  # the one quotation framed by name so far is hers
    reed = third[0]["Tom Reed",]
    assert "frames_run" not in reed and "frame_share" not in reed
    assert reed["quote_words"] == pytest.approx(math.log1p(9))
    assert set(third[0]["unresolved",]) <= {"unresolved", "rules"}  # nobody: no statement
    # a quotation framed by name opens a statement: no run to continue
    assert not any("frames_run" in v for v in first[0].values())


def test_a_pronoun_frame_continues_the_statement_and_a_named_frame_ends_it():
    # "she added" names nobody by name: Ann Lee's statement runs on; after Tom Reed's own
    # frame, his statement is the one a quotation without a verb continues; a comma tag is no
    # statement frame (no colon)
    _, added, _, later = _candidates(
        '"We will build it," Ann Lee said. "It will be ready soon," she added.',
        '"It is far too late," Tom Reed said.',
        '"Nobody asked the farmers."',
    )
    table, later = added[0], later[0]
    assert table["Ann Lee",]["frames_run"] == 1.0 and "run_statement" not in table["Ann Lee",]
    assert "run_paragraphs" not in table["Ann Lee",]  # the same paragraph: log1p(0)
    assert later["Tom Reed",]["frames_run"] == 1.0
    assert "frames_run" not in later.get(("Ann Lee",), {})
    assert later["Tom Reed",]["frame_share"] == pytest.approx(1 / 2)


def test_the_rules_choice_times_the_quotation_length():
    ((table, _),) = _candidates('"We are ready to go," Ann Lee said.')
    assert table["Ann Lee",]["rules_words"] == pytest.approx(math.log1p(5))


def test_the_library_skips_the_features_the_model_weighs_at_zero():
    # the shipped weights of named_in_quote and paragraphs_away are 0: the library leaves them
    # at 0 (no score changes), training computes them; a model weighing one computes it
    from newsframe.entities import find_entities
    from newsframe.framing.speaker_model import SpeakerChoice

    layer = find_entities(["Ann Lee met Tom Reed."])
    shipped = load_speaker_model()
    zero = {n for n, w in zip(FEATURES, shipped.weights, strict=True) if w == 0}
    assert {"named_in_quote", "paragraphs_away"} <= zero
    library = SpeakerChoice(layer, {}, model=shipped)
    assert {"named_in_quote", "paragraphs_away", "salience_rank"} <= library.skip
    assert SpeakerChoice(layer, {}, collect=[]).skip == frozenset()
    assert "named_in_quote" not in SpeakerChoice(layer, {}, model=_only("named_in_quote")).skip
