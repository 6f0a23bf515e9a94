"""The entity layer on hand-made articles: who is who, whatever the words that name them."""

from __future__ import annotations

import pytest

import newsframe as nf
from newsframe import Actor, Article, Story
from newsframe.document import analyse
from newsframe.entities import find_entities, name_parts
from newsframe.lexicons import entity_words_table, load_entity_words


def _ids(layer, texts=None):
    return [(m.text, m.entity_id) for m in layer.mentions if texts is None or m.text in texts]


def test_full_name_and_surname_are_one_person_in_either_name_order():
    layer = find_entities(
        [
            "Xi meets Moon",  # the headline names them by one name before the full names come
            "Chinese President Xi Jinping met President Moon Jae-in in Seoul.",
            "Xi said the talks were useful. Moon agreed. Jae-in smiled.",
        ],
        ids=[-1, 0, 1],
    )
    people = {e.entity_id: e for e in layer.entities.values() if e.kind == "person"}
    assert sorted(people) == ["Moon Jae-in", "Xi Jinping"]
    assert people["Xi Jinping"].role == "chinese president"
    assert people["Moon Jae-in"].role == "president"
    # every single name links to its person; the hyphenated given name is no new person
    assert [e for t, e in _ids(layer) if t in ("Xi", "Moon", "Jae-in")] == [
        "Xi Jinping", "Moon Jae-in", "Xi Jinping", "Moon Jae-in", "Moon Jae-in",
    ]  # fmt: skip


def test_titles_and_roles_before_a_name_go_to_the_role():
    layer = find_entities(
        [
            "Senior Deputy Minister Jana Petrosky spoke first.",
            "Governor Ana Ruiz and agency spokesman Walter Wallace answered.",
            "Petrosky, Ruiz and Wallace left.",
        ]
    )
    roles = {e.entity_id: e.role for e in layer.entities.values()}
    assert roles == {
        "Jana Petrosky": "senior deputy minister",
        "Ana Ruiz": "governor",
        "Walter Wallace": "spokesman",
    }
    assert [e for _, e in _ids(layer)][-3:] == ["Jana Petrosky", "Ana Ruiz", "Walter Wallace"]


def test_a_middle_name_does_not_make_a_second_person():
    layer = find_entities(
        ["Rafael Mariano Grossi arrived.", "Rafael Grossi spoke. Mr Grossi left."]
    )
    assert {m.entity_id for m in layer.mentions} == {"Rafael Mariano Grossi"}


def test_acronym_defined_in_the_text_is_the_organisation():
    layer = find_entities(
        ["The Agency for Coastal Safety (ACS) closed the port.", "The ACS said it would reopen."]
    )
    assert [e for _, e in _ids(layer)] == ["Agency for Coastal Safety"] * 3
    assert layer.entities["Agency for Coastal Safety"].kind == "organisation"


def test_countries_capitals_and_demonyms_are_the_country():
    layer = find_entities(["Beijing rejected Tokyo's claims. Japan and the Chinese disagree."])
    assert _ids(layer) == [
        ("Beijing", "China"),
        ("Tokyo", "Japan"),
        ("Japan", "Japan"),
        ("Chinese", "China"),
    ]
    assert {e.kind for e in layer.entities.values()} == {"country"}


def test_organisation_named_after_its_country_has_one_name():
    layer = find_entities(
        ["Russia's Foreign Ministry spoke.", "The Russian Foreign Ministry agreed."]
    )
    assert layer.resolve("Russia's Foreign Ministry") == "Foreign Ministry (Russia)"
    assert layer.resolve("the Russian Foreign Ministry") == "Foreign Ministry (Russia)"


def test_story_actors_are_entities_of_the_same_layer():
    story = Story(actors=(Actor("putin", "Putin", "person", ("Vladimir Putin", "Putin")),))
    doc = analyse(
        Article("a", "talks", ("Vladimir Putin met Fumio Kishida.", "Putin and Kishida spoke.")),
        resources=story.resources,
    )
    layer = doc.entities(story.resources.actors)
    assert _ids(layer) == [
        ("Vladimir Putin", "putin"),
        ("Fumio Kishida", "Fumio Kishida"),
        ("Putin", "putin"),
        ("Kishida", "Fumio Kishida"),
    ]
    assert layer.entities["putin"].name == "Putin"


def test_a_description_goes_to_the_last_entity_with_that_role():
    layer = find_entities(
        ["Ministry spokesperson Mao Ning spoke.", "Ann Lee, a lawyer, listened.", "Nothing."]
    )
    assert layer.antecedent("spokesperson", 2, frozenset(["person"])) == "Mao Ning"
    assert layer.antecedent("spokesperson", 2, frozenset(["organisation"])) is None


def test_share_of_voice_has_one_row_per_person():
    article = Article(
        "a",
        "T",
        (
            '"We want peace," Chinese President Xi Jinping said.',
            '"Stability matters," Xi added.',
            '"We agree," said Mr Xi on Tuesday.',
            "Ministry spokesperson Mao Ning confirmed the meeting.",
            '"No comment," the spokesperson said.',
        ),
    )
    voice = nf.share_of_voice([article])
    # Xi: 3 + 2 + 2 quoted words in one row; the spokesperson is Mao Ning, not a second row
    assert voice[["speaker", "quotes", "quoted_words"]].values.tolist() == [
        ["Xi Jinping", 3, 7],
        ["Mao Ning", 1, 2],
    ]


def test_a_place_is_not_a_person_and_a_titled_single_name_is():
    layer = find_entities(["Ms Ortiz flew over Cape Nosappu and Fukushima Prefecture."])
    kinds = {e.entity_id: e.kind for e in layer.entities.values()}
    assert kinds == {"Ortiz": "person", "Cape Nosappu": "place", "Fukushima Prefecture": "place"}


def test_he_goes_to_the_last_person_the_layer_names():
    # no story file: Kikawada is a person of the entity layer only; "he" is Kikawada (the
    # spokesman spoke two sentences before), and the cape is no second candidate
    t = nf.attributions(
        [
            Article(
                "a",
                "talks",
                (
                    '"We have seen the reports," the spokesman Dmitry Peskov said.',
                    "On Monday, Hitoshi Kikawada inspected the islands from Cape Nosappu. "
                    'During the inspection, he said: "We are close to foreign countries here."',
                ),
            )
        ]
    )
    assert t[["speaker", "speaker_text"]].values.tolist() == [
        ["Dmitry Peskov", "Dmitry Peskov"],
        ["Hitoshi Kikawada", "he"],
    ]


def test_organisation_names_a_country_only_by_possessive_or_demonym():
    layer = find_entities(["Tokyo Electric Power Co. met the Japanese Foreign Ministry."])
    assert sorted(layer.entities) == ["Foreign Ministry (Japan)", "Tokyo Electric Power Co."]


def test_a_government_body_named_without_its_country_is_the_one_the_article_placed():
    layer = find_entities(
        ["MOSCOW (Wire). The Iranian Foreign Ministry spoke.", "The Foreign Ministry added more."]
    )
    assert [(m.text, m.entity_id) for m in layer.mentions] == [
        ("MOSCOW", "Russia"),
        ("Wire", "Wire"),
        ("Iranian Foreign Ministry", "Foreign Ministry (Iran)"),
        ("Foreign Ministry", "Foreign Ministry (Iran)"),
    ]


def test_a_title_case_headline_names_no_one_by_its_capitals():
    from newsframe.entities import find_entities

    # "Tara Grounds Acme" in title case is three words, not a person; "Acme" is the body's
    layer = find_entities(["Tara Grounds Acme 737 Fleet", "Acme Corp said it agreed."], ids=[-1, 0])
    assert "Tara Grounds Acme" not in layer.entities
    assert layer.resolve("Acme") != "Tara Grounds Acme"


def test_continue_reports_speech_only_after_a_quotation():
    import newsframe as nf

    after = nf.Article("a", "T", ('"We were scared," she continued.',))
    before = nf.Article("b", "T", ('Lee said on Monday that she continues to have "full trust".',))
    assert nf.attributions([after])["verb_lemma"].tolist() == ["continue"]
    assert nf.attributions([before])["verb_lemma"].tolist() == ["say"]


def test_the_last_two_words_of_a_longer_name_are_that_person():
    from newsframe.entities import find_entities

    layer = find_entities(["Hossein Jaberi Ansari spoke.", "Jaberi Ansari left later."])
    assert [m.entity_id for m in layer.mentions] == ["Hossein Jaberi Ansari"] * 2


def test_the_first_two_words_of_a_longer_name_are_that_person():
    from newsframe.entities import find_entities

    layer = find_entities(["Chief Executive Carrie Lam Cheng Yuet-ngor spoke.", "Carrie Lam left."])
    assert {m.entity_id for m in layer.mentions} == {"Carrie Lam Cheng Yuet-ngor"}


def _kinds(layer):
    return sorted((e.name, e.kind) for e in layer.entities.values())


def test_a_demonym_shared_by_a_territory_names_the_country_people_mean():
    # "American" is also the demonym of small territories; it names the United States
    layer = find_entities(["American officials met Chinese diplomats."])
    assert _kinds(layer) == [("China", "country"), ("United States", "country")]


def test_a_surname_is_no_country_by_a_rare_alias():
    # "Mann" (an alias of the Isle of Man) and "Island" are no country; a one-word country
    # that is the name of the person named in full ("Jordan Vale") is that person
    layer = find_entities(
        ["Robert W. Mann told reporters. Mann said the Island was calm.",
         "Jordan Vale spoke. Jordan said no."]
    )  # fmt: skip
    assert [k for k in _kinds(layer) if k[1] != "place"] == [
        ("Jordan Vale", "person"),
        ("Robert W. Mann", "person"),
    ]
    assert [e for t, e in _ids(layer) if t in ("Mann", "Jordan")] == [
        "Robert W. Mann",
        "Jordan Vale",
    ]


def test_eu_and_un_are_organisations_not_titles():
    layer = find_entities(["EU negotiator Michel Barnier met UN envoys. The EU said no."])
    assert ("EU", "organisation") in _kinds(layer) and ("UN", "organisation") in _kinds(layer)
    assert [e for t, e in _ids(layer) if t == "EU"] == ["EU", "EU"]


def test_and_joins_an_organisations_name_but_never_two_people():
    layer = find_entities(
        ["Xi Jinping and Joe Biden met the Ministry of Trade and Industry.",
         "Presidents Xi and Biden left."]
    )  # fmt: skip
    assert _kinds(layer) == [
        ("Joe Biden", "person"),
        ("Ministry of Trade and Industry", "organisation"),
        ("Xi Jinping", "person"),
    ]
    assert [e for t, e in _ids(layer) if t in ("Xi", "Biden")] == ["Xi Jinping", "Joe Biden"]


def test_a_hyphenated_given_name_is_a_person_whatever_the_surname_means():
    # "Park" is also a place word ("Central Park"); "Geun-hye" makes it a person's name
    layer = find_entities(["Park Geun-hye met Lee. Park said no."])
    assert ("Park Geun-hye", "person") in _kinds(layer)
    assert [e for t, e in _ids(layer) if t == "Park"] == ["Park Geun-hye"]


def test_an_organisation_before_a_persons_name_is_the_persons_role():
    layer = find_entities(
        ["Federal Aviation Administration Daniel Elwell spoke.",
         "Minister of Economy, Trade and Industry Yasutoshi Nishimura agreed.",
         "Bank of England Governor Andrew Bailey left. Elwell stayed."]
    )  # fmt: skip
    roles = {e.name: e.role for e in layer.entities.values() if e.kind == "person"}
    assert roles == {
        "Daniel Elwell": "federal aviation administration",
        "Yasutoshi Nishimura": "industry",
        "Andrew Bailey": "bank of england governor",
    }
    assert [e for t, e in _ids(layer) if t == "Elwell"] == ["Daniel Elwell"]


def test_a_code_with_digits_and_a_building_are_neither_people_nor_organisations():
    layer = find_entities(["The search for MH370 went on after Rana Plaza fell."])
    assert {e.name: e.kind for e in layer.entities.values()} == {"MH370": "", "Rana Plaza": "place"}


def test_an_acronym_of_a_lowercase_phrase_is_a_term_not_an_organisation():
    layer = find_entities(["The search and rescue (SAR) teams left. SAR crews and the ACS met."])
    assert [e.name for e in layer.entities.values()] == ["ACS"]


def test_words_before_a_role_and_a_name_are_part_of_the_role_not_a_person():
    layer = find_entities(["Liberal Democrat Brexit spokesman Tom Brake spoke. Ann Lee agreed."])
    assert sorted(e.name for e in layer.entities.values()) == ["Ann Lee", "Tom Brake"]


def test_a_country_after_a_bodys_name_is_that_countrys_body():
    layer = find_entities(
        ["The Ministry of Foreign Affairs Iran said no. The Foreign Ministry agreed.",
         "The Embassy of Japan spoke. The Japanese Embassy agreed. The University of Tokyo did."]
    )  # fmt: skip
    assert [m.entity_id for m in layer.mentions] == [
        "Ministry of Foreign Affairs (Iran)",
        "Ministry of Foreign Affairs (Iran)",
        "Embassy (Japan)",
        "Embassy (Japan)",
        "University of Tokyo",
    ]


def test_a_two_word_country_or_demonym_names_its_governments_body():
    layer = find_entities(
        ["South Korea's Foreign Ministry spoke. The Saudi Arabian Ministry of Foreign Affairs did."]
    )
    bodies = [m.entity_id for m in layer.mentions if "(" in m.entity_id]
    assert bodies == [
        "Foreign Ministry (South Korea)",
        "Ministry of Foreign Affairs (Saudi Arabia)",
    ]


def test_a_person_of_a_country_is_the_person_and_the_country():
    layer = find_entities(
        ["Kim Vale of New Zealand's TV3 spoke. Vale left. The Bank of England agreed."]
    )
    assert [(m.text, m.entity_id) for m in layer.mentions if m.entity_id != "TV3"] == [
        ("Kim Vale", "Kim Vale"),
        ("New Zealand", "New Zealand"),
        ("Vale", "Kim Vale"),
        ("Bank of England", "Bank of England"),
    ]


def test_a_month_after_a_courtesy_title_is_a_surname():
    # "Mrs May" is the woman named in full before; "In May" stays a date, no one
    layer = find_entities(
        ["Prime Minister Theresa May spoke.", "Mrs May said no.", "In May, Mr March left."]
    )
    assert _ids(layer) == [
        ("Theresa May", "Theresa May"), ("May", "Theresa May"), ("March", "March"),
    ]  # fmt: skip


def test_a_speaker_as_written_resolves_past_openers_roles_and_places():
    # by eye: "And Zakharova" (a clause's "and" kept in the span), "Lawyer Hisyam" (a role
    # and the given name) and "India Kenneth Juster" (a country cut from "... to India")
    # each name one person of the article; "Vietnamese Doan Thi Huong" is Doan Thi Huong with
    # the demonym as her role
    layer = find_entities(
        [
            "Maria Zakharova spoke first. Lawyer Hisyam Teh Poh Teik said no.",
            "And Zakharova replied. Kenneth Juster, the envoy to India, agreed.",
            "Vietnamese Doan Thi Huong wept.",
        ]
    )
    assert layer.resolve("And Zakharova") == "Maria Zakharova"
    assert layer.resolve("Lawyer Hisyam") == "Hisyam Teh Poh Teik"
    assert layer.resolve("India Kenneth Juster") == "Kenneth Juster"
    huong = layer.entities["Doan Thi Huong"]
    assert (huong.kind, huong.role) == ("person", "vietnamese")
    assert "Vietnamese Doan Thi Huong" not in layer.entities


def test_an_initial_never_joins_a_word_that_opens_the_next_sentence():
    # by eye: "Bank A. So I paid" is "Bank A", then a new sentence; "Robert W. Mann" keeps
    # his initial
    layer = find_entities(["He owed Bank A. So I paid. Robert W. Mann said so."])
    assert sorted(layer.entities) == ["Bank A", "Robert W. Mann"]


def test_a_dateline_and_a_time_zone_are_no_organisation():
    # by eye: "HARBOURTON (AP) —" opens the paragraph: a place, and "AP" is the agency, not
    # its acronym; "SEOUL, South Korea —" is South Korea; "PT" after a time is a time zone;
    # "FIFA" inside the sentence is an organisation
    layer = find_entities(
        [
            "HARBOURTON (AP) — The club said at 1:30 p.m. PT that FIFA had written.",
            "SEOUL, South Korea — Ana Ruiz spoke.",
        ]
    )
    kinds = {e.name: e.kind for e in layer.entities.values()}
    assert kinds["HARBOURTON"] == "place"
    assert kinds["FIFA"] == "organisation" and kinds["South Korea"] == "country"
    assert "PT" not in kinds and "SEOUL" not in kinds
    assert "AP" not in layer.entities["HARBOURTON"].aliases


def test_of_the_inside_an_organisations_name_never_between_a_person_and_a_body():
    # by eye: "International Committee of the Harbour Watch" is one body (an organisation noun,
    # then "of the"); "Lee of the Democratic Party" is Lee, then the party
    layer = find_entities(
        ["The International Committee of the Harbour Watch (ICHW) met Ana Lee of the Democratic "
         "Party."]
    )  # fmt: skip
    assert sorted(layer.entities) == [
        "Ana Lee",
        "Democratic Party",
        "International Committee of the Harbour Watch",
    ]
    assert layer.resolve("ICHW") == "International Committee of the Harbour Watch"


def test_a_title_without_a_name_is_no_person_and_names_the_one_holder():
    # by eye: "French President" and "Senate Majority Leader" in the text are titles, not
    # people; as speakers they name the one person the article gives that role (Ana Ruiz,
    # Tom Vale); "Deputy Minister" fits no one (Ana Ruiz is president, Tom Vale a leader)
    layer = find_entities(
        [
            "French President Ana Ruiz met Senate Majority Leader Tom Vale.",
            "The French President left. Senate Majority Leader said no.",
        ]
    )
    assert sorted(layer.entities) == ["Ana Ruiz", "Tom Vale"]
    assert layer.resolve("French President") == "Ana Ruiz"
    assert layer.resolve("Senate Majority Leader") == "Tom Vale"
    assert layer.resolve("Deputy Minister") is None
    # a possessive description is no title: "His President" is nobody the layer can name
    assert layer.resolve("His President") is None


def test_an_inner_word_of_a_long_name_names_its_one_person():
    # by eye: "Teh" is neither the first nor the last word of "Hisyam Teh Poh Teik", yet the
    # one name of the article that holds it; "Poh" is held by two names: no one
    layer = find_entities(
        [
            "Lawyer Hisyam Teh Poh Teik spoke. Ana Poh Lee listened.",
            "Teh said the trial would go on. Poh said nothing.",
        ]
    )
    said = dict(_ids(layer, {"Teh", "Poh"}))
    assert said["Teh"] == "Hisyam Teh Poh Teik"
    assert layer.resolve("Teh") == "Hisyam Teh Poh Teik"
    assert layer.resolve("Poh") is None


def test_a_government_body_in_lowercase_is_an_organisation_of_the_article():
    # by eye: "the justice ministry" is an organisation, and "the ministry" in the next
    # paragraph is it; "Norway's foreign ministry" is the body of its country and "the Chilean
    # government" the country itself, as a government; "the foreign ministry spokesman" is a
    # person's role, no body of its own, and "the ministry" alone names none
    layer = find_entities(
        [
            "The justice ministry paroled him.",
            "The ministry said so. The Chilean government agreed.",
            "Norway's foreign ministry said no. The foreign ministry spokesman Ola Berg spoke.",
        ]
    )
    bodies = sorted(e.entity_id for e in layer.entities.values() if e.kind == "organisation")
    assert bodies == ["Foreign Ministry (Norway)", "Justice Ministry"]
    assert (layer.entities["Chile"].kind, layer.entities["Chile"].role) == ("country", "government")
    ministry = frozenset(["organisation"])
    assert layer.antecedent("ministry", 1, ministry) == "Justice Ministry"
    assert layer.antecedent("ministry", 2, ministry) == "Foreign Ministry (Norway)"


def test_a_capitalised_particle_opens_a_family_name_and_a_country_after_to_is_no_given_name():
    # by eye: "De Gregorio" is Walter De Gregorio's family name (a person, not an
    # organisation); "to Chile Tom Vale" is the country, then the person
    layer = find_entities(
        [
            "Fifa spokesman Walter De Gregorio said no.",
            "De Gregorio said it was fine. The envoy to Chile Tom Vale agreed.",
        ]
    )
    kinds = {e.entity_id: e.kind for e in layer.entities.values()}
    assert kinds == {"Walter De Gregorio": "person", "Chile": "country", "Tom Vale": "person"}
    assert dict(_ids(layer, {"De Gregorio"})) == {"De Gregorio": "Walter De Gregorio"}


def test_an_acronym_opening_a_paragraph_before_a_comma_is_no_dateline():
    # by eye: "NASA, the space agency, said" opens with the agency; "OSLO, Norway (AP) --" is
    # a dateline, the place
    layer = find_entities(
        ["NASA, the space agency, said so.", "OSLO, Norway (AP) -- Ana Ruiz spoke."]
    )
    kinds = {e.entity_id: e.kind for e in layer.entities.values()}
    assert kinds["NASA"] == "organisation" and kinds["Norway"] == "country"
    assert "OSLO" not in kinds or kinds["OSLO"] in ("country", "place")


def test_a_name_opening_with_san_or_los_is_a_place():
    # by eye: "San Juan Capistrano" and "Los Angeles" are places; "Aung San Suu Kyi" (San
    # inside the name) is a person
    layer = find_entities(
        ["He lived in San Juan Capistrano near Los Angeles. Aung San Suu Kyi spoke."]
    )
    kinds = {e.entity_id: e.kind for e in layer.entities.values()}
    assert kinds == {
        "San Juan Capistrano": "place",
        "Los Angeles": "place",
        "Aung San Suu Kyi": "person",
    }


def test_a_name_after_a_title_in_a_title_case_headline_is_the_bodys_person():
    # by eye: the headline names "French President Ana Ruiz"; the body only says "Ruiz": one
    # person, Ana Ruiz, with the headline's title as her role. "President Tom Grounds Fleet"
    # names no one the body uses ("Fleet" never comes back): no person
    layer = find_entities(
        ["French President Ana Ruiz Vows To Rebuild Cathedral", "Ruiz said the work would start."],
        ids=[-1, 0],
    )
    assert layer.resolve("Ruiz") == "Ana Ruiz"
    assert layer.entities["Ana Ruiz"].role == "french president"
    other = find_entities(["President Tom Grounds Fleet Today", "Tom said no."], ids=[-1, 0])
    assert not [e for e in other.entities.values() if e.kind == "person"]


def test_a_plural_noun_opening_a_sentence_before_of_and_a_body_is_no_part_of_its_name():
    # by eye: "Allegations of Government of Chile" opens with a common plural noun: the body is
    # the Government of Chile, the country as a government; "Sisters of Mercy Hospital" (no
    # body after "of") stays whole
    layer = find_entities(
        ["Allegations of Government of Chile's role are absurd. Sisters of Mercy Hospital said."]
    )
    assert sorted(layer.entities) == ["Chile", "Sisters of Mercy Hospital"]


def test_a_role_in_apposition_after_a_name_is_the_persons_role():
    # by eye: "Ola Berg, the club's lawyer," gives Ola Berg the role "lawyer", so "the lawyer"
    # later is he; "Ana Ruiz, who left," has no role
    layer = find_entities(
        ["Ola Berg, the club's lawyer, said no. Ana Ruiz, who left, agreed.", "The lawyer left."]
    )
    assert layer.entities["Ola Berg"].role == "lawyer"
    assert layer.entities["Ana Ruiz"].role == ""
    assert layer.antecedent("lawyer", 1, frozenset(["person"])) == "Ola Berg"


def test_a_name_in_either_order_in_one_article_is_one_person():
    layer = find_entities(["Lee Kang-in apologised.", "Kang-in Lee met the team.", "Lee left."])
    people = [e for e in layer.entities.values() if e.kind == "person"]
    assert len(people) == 1
    assert {m.text for m in layer.mentions if m.entity_id == people[0].entity_id} == {
        "Lee Kang-in",
        "Kang-in Lee",
        "Lee",
    }


def test_titles_of_speakers_and_officers_are_roles_not_names():
    # by eye: three people, each named once with a title and once by the surname
    layer = find_entities(
        [
            "House Speaker Nancy Pelosi landed. Pelosi spoke.",
            "Commodore Jay Tarriela left. Tarriela waved.",
            "Speaker of the House Ann Ode met them. Ode smiled.",
        ]
    )
    people = sorted(e.name for e in layer.entities.values() if e.kind == "person")
    assert people == ["Ann Ode", "Jay Tarriela", "Nancy Pelosi"]
    assert layer.entities["Jay Tarriela"].role == "commodore"
    assert layer.resolve("Pelosi") == "Nancy Pelosi" and layer.resolve("Ode") == "Ann Ode"


def test_a_reef_or_shoal_is_a_place_and_an_officer_title_no_person():
    # by eye: the shoal and the reef are places; "Chief Financial Officer" is a title with no
    # name; Ann Lee is the only person
    layer = find_entities(
        [
            "Boats reached Second Thomas Shoal near Ren Reef.",
            "Chief Financial Officer Ann Lee said so. The Financial Officer left.",
        ]
    )
    kinds = {e.name: e.kind for e in layer.entities.values()}
    assert kinds["Second Thomas Shoal"] == kinds["Ren Reef"] == "place"
    assert [n for n, k in kinds.items() if k == "person"] == ["Ann Lee"]


def test_a_national_body_written_in_lowercase_is_the_articles_body():
    # the article names "the Chinese Embassy"; a speaker written "Chinese embassy" or "a
    # Chinese embassy statement" is that entity, with the article's spelling of its id
    layer = find_entities(["The Chinese Embassy in Ottawa protested.", "Talks went on."])
    assert layer.resolve("Chinese embassy") == "Embassy (China)"
    assert "Embassy (China)" in layer.entities
    t = nf.attributions(
        [
            nf.Article(
                "a",
                "T",
                (
                    "The Chinese Embassy in Ottawa protested on Monday.",
                    '"We oppose the arrest," said a Chinese embassy statement.',
                ),
            )
        ]
    )
    assert t["speaker"].tolist() == ["Embassy (China)"]


def _names(text):
    layer = find_entities([text])
    return sorted((e.name, e.kind) for e in layer.entities.values())


def test_an_organisation_joined_by_an_ampersand_or_a_comma_is_one_name():
    # "&" between capitalised words, a comma before a legal form, a comma list that "&" closes
    assert _names("Alvarez & Marsal Asia said it would appeal.") == [
        ("Alvarez & Marsal Asia", "organisation")
    ]
    assert _names("The Korean Sport & Olympic Committee met.") == [
        ("Korean Sport & Olympic Committee", "organisation")
    ]
    assert _names("Acme, Inc. said it would sue.") == [("Acme, Inc.", "organisation")]
    assert _names("Skadden, Arps, Slate, Meagher & Flom advised.") == [
        ("Skadden, Arps, Slate, Meagher & Flom", "organisation")
    ]
    # a ministry's portfolio list: "Culture" is no title of a person named "Sports and Tourism"
    assert _names("The Ministry of Culture, Sports and Tourism said so.") == [
        ("Ministry of Culture, Sports and Tourism", "organisation")
    ]
    # the speaker's words as written elsewhere resolve to it
    layer = find_entities(["Acme, Inc. said it would sue.", "Alvarez & Marsal said no."])
    assert layer.resolve("Acme, Inc.") == "Acme, Inc."
    assert layer.resolve("Alvarez & Marsal") == "Alvarez & Marsal"


def test_lists_of_names_and_countries_stay_apart():
    # near misses: "and" joins only inside an organisation's name, a comma only before a legal
    # form or in a list that "&" closes or an organisation's portfolio opens
    assert _names("Officials from France and Germany met.") == [
        ("France", "country"), ("Germany", "country")
    ]  # fmt: skip
    assert _names("In Paris, London and Berlin, people marched.") == [
        ("France", "country"), ("Germany", "country"), ("United Kingdom", "country")
    ]  # fmt: skip
    assert _names("Ann Lee, Tom Reed and Joe Biden spoke.") == [
        ("Ann Lee", "person"), ("Joe Biden", "person"), ("Tom Reed", "person")
    ]  # fmt: skip
    assert _names("Reports say Acme, which sued, lost.") == [("Acme", "")]
    # a legal form alone is no entity
    assert _names("Inc. said so.") == []


def test_a_countrys_government_its_capital_and_its_name_are_one_voice():
    # by eye: "the Chinese government", "Beijing", "China" and then "the government" are China;
    # "China's foreign ministry" stays a body of its own (the ministry of that country)
    layer = find_entities(
        [
            "The Chinese government rejected it. Beijing said so.",
            "China's foreign ministry said no. China agreed.",
            "The government said it would respond.",
        ]
    )
    assert sorted((e.entity_id, e.kind) for e in layer.entities.values()) == [
        ("China", "country"), ("Foreign Ministry (China)", "organisation")
    ]  # fmt: skip
    assert layer.resolve("the Chinese government") == "China"
    assert layer.resolve("China's government") == "China"
    assert layer.antecedent("government", 2, frozenset(["organisation", "country"])) == "China"
    # a country never named as a government is no antecedent of "the government"
    other = find_entities(["Japan said so.", "The government said it would respond."])
    assert other.antecedent("government", 1, frozenset(["organisation", "country"])) is None


def test_an_event_is_no_person_no_organisation_and_no_speaker():
    # by eye: "the Asian Cup" and "the Paris Olympics" are events by their head nouns; the two
    # words before "Cup" would otherwise read as a person's name
    layer = find_entities(["After the Asian Cup, Ann Lee left for the Paris Olympics."])
    assert sorted((e.name, e.kind) for e in layer.entities.values()) == [
        ("Ann Lee", "person"), ("Asian Cup", "event"), ("Paris Olympics", "event")
    ]  # fmt: skip
    a = Article("a", "T", ("Ann Lee spoke after the Asian Cup.", '"We lost," the Asian Cup said.'))
    assert "Asian Cup" not in set(nf.attributions([a])["speaker"])


def test_a_title_abbreviation_is_a_role_and_names_its_holder():
    # by eye: "IHC CJ" is the court's chief justice, the role "Chief Justice" gives Aamer
    # Farooq; "Huawei CFO Meng Wanzhou" is Meng Wanzhou with the role "huawei cfo"; "the IG"
    # names nobody here (no inspector general is named)
    layer = find_entities(
        [
            "The IHC CJ observed it.",
            "Chief Justice Aamer Farooq spoke.",
            "Huawei CFO Meng Wanzhou left.",
        ]
    )
    assert sorted(e.entity_id for e in layer.entities.values() if e.kind == "person") == [
        "Aamer Farooq", "Meng Wanzhou"
    ]  # fmt: skip
    assert layer.entities["Meng Wanzhou"].role == "huawei cfo"
    assert layer.resolve("the IHC CJ") == "Aamer Farooq"
    assert layer.resolve("Huawei CFO") == "Meng Wanzhou"
    assert layer.resolve("the IG") is None


def test_a_korean_family_name_in_another_romanisation_is_the_same_person():
    # by eye: "Yun" is the article's one Yoon (Yoon Suk Yeol), "Rhee" its one Lee; "Smith"
    # names no one
    layer = find_entities(["President Yoon Suk Yeol met Lee Jae-myung.", "Yun said so. Rhee left."])
    assert layer.resolve("Yun") == "Yoon Suk Yeol"
    assert layer.resolve("Rhee") == "Lee Jae-myung"
    assert layer.resolve("Smith") is None


def test_a_title_whose_portfolio_and_closes_ends_at_the_persons_name():
    # "and" continues a minister's portfolio; the person is the two words after it and its
    # one portfolio word (and any common English word while three name words remain)
    layer = find_entities(
        [
            "Minister of Fisheries and Ports Tomas Halvik spoke first.",
            "Secretary of Health and Human Services Ana Ruiz-Pardo left.",
            "The Secretary of State and Jana Petrosky met later.",
        ]
    )
    people = {e.entity_id: e.role for e in layer.entities.values() if e.kind == "person"}
    assert people == {
        "Tomas Halvik": "minister of fisheries and ports",
        "Ana Ruiz-Pardo": "secretary of health and human services",
        "Jana Petrosky": "",  # a title and a person, "and" between them: two runs
    }


def test_organisation_event_and_outlet_words_type_a_name():
    layer = find_entities(
        [
            "Agents of the Coastal Patrol met the Harbour Guard.",
            "The Sudova Halloween crowd thinned. The Norland Shimbun covered it.",
        ]
    )
    kinds = {e.entity_id: e.kind for e in layer.entities.values()}
    assert kinds["Coastal Patrol"] == "organisation"
    assert kinds["Harbour Guard"] == "organisation"
    assert kinds["Norland Shimbun"] == "organisation"
    assert kinds.get("Sudova Halloween") != "person"  # a holiday: an event, never a person


def test_a_run_opened_by_a_pronoun_inside_a_sentence_is_a_works_title():
    layer = find_entities(
        [
            "Ana Ruiz left after the Everybody Loves Tomas star spoke.",
            "She starred in Nobody Knows Halvik. Everyone Jana Petrosky met came.",
        ]
    )
    names = sorted(e.entity_id for e in layer.entities.values())
    # no "Loves Tomas", "Knows Halvik" or "Everyone Jana Petrosky"
    assert names == ["Ana Ruiz", "Jana Petrosky"]


def test_where_an_organisation_is_based_is_no_part_of_its_name():
    # by eye: "Oslo-based" says where Norvik Energy is, and the later "Norvik Energy" is the
    # same company; "a Bergen-based analyst" names no one
    layer = find_entities(
        ["The Oslo-based Norvik Energy said it would appeal.",
         "Ann Lee, a Bergen-based analyst, said Norvik Energy would lose."]
    )  # fmt: skip
    assert sorted(layer.entities) == ["Ann Lee", "Norvik Energy"]
    assert [m.text for m in layer.mentions if m.entity_id == "Norvik Energy"] == [
        "Norvik Energy",
        "Norvik Energy",
    ]


def test_a_possessive_of_a_role_or_of_people_stays_inside_an_organisations_name():
    # by eye: "Sheriff's" is a title and "Women's" a plural of people, and an organisation
    # noun (Office, Association) follows: one name each; "Ruiz's Office" is a person's office
    layer = find_entities(
        [
            "The Avon County Sheriff's Office said the gun was fired.",
            "The Women's Rowing Association backed Ana Ruiz. Ruiz's Office declined to comment.",
        ]
    )
    kinds = {e.name: e.kind for e in layer.entities.values()}
    assert kinds["Avon County Sheriff's Office"] == "organisation"
    assert kinds["Women's Rowing Association"] == "organisation"
    assert "Office" in kinds and "Ana Ruiz" in kinds  # the person's possessive ends the name


def test_an_organisation_noun_before_of_heads_the_name_whatever_places_follow():
    # by eye: "Authority" before "of" heads the name (a place word "Port" opens it, places end
    # it); "Port of Avon" is headed by "Port": a place; a compass word and a region word
    # open or end places ("East Norland", "Varna Region"), never a person's name
    layer = find_entities(
        [
            "An official of the Port Authority of Avon and Norland said so.",
            "Ships left the Port of Avon. Crowds gathered in East Norland and the Varna Region.",
        ]
    )
    kinds = {e.name: e.kind for e in layer.entities.values()}
    assert kinds["Port Authority of Avon and Norland"] == "organisation"
    assert kinds["Port of Avon"] == "place"
    assert kinds["East Norland"] == "place" and kinds["Varna Region"] == "place"


def test_airlines_and_armed_forces_are_organisations():
    layer = find_entities(["Norland Airlines said the Armed Forces had closed the airspace."])
    kinds = {e.name: e.kind for e in layer.entities.values()}
    assert kinds == {"Norland Airlines": "organisation", "Armed Forces": "organisation"}


def test_a_sentence_opened_by_a_bodys_first_word_alone_names_that_body():
    # by eye: "Norvik" opens a sentence in another paragraph than "Norvik Airlines": the one
    # organisation of the article whose name opens with it (and a speaker "Norvik" resolves
    # to it); "Kestrel" opens a sentence too, but the only "Kestrel ..." body is a public
    # department, which a place alone never names
    layer = find_entities(
        [
            "A Norvik Airlines flight returned. The Kestrel Department of Transport said so.",
            '"Our guests come first," Norvik said in a statement. Kestrel said little.',
        ]
    )
    assert ("Norvik", "Norvik Airlines") in _ids(layer)
    assert layer.resolve("Norvik") == "Norvik Airlines"
    assert [m.text for m in layer.unresolved] == ["Kestrel"]


def test_an_organisation_before_a_persons_title_is_named_there_too():
    # by eye: "Avon Bureau of Investigation" and "Norland Police" open the roles of two people
    # (titles "Director", "Chief" follow them): each is an organisation's mention as well; a
    # government body's role ("Foreign Ministry Spokesperson") and titles alone name no body
    layer = find_entities(
        [
            "Avon Bureau of Investigation Director Ann Lee said it was wrong.",
            "Norland Police Chief Tom Ash agreed. Foreign Ministry Spokesperson Li Wei declined.",
            "Senior Deputy Minister Jana Petrosky spoke.",
        ]
    )
    kinds = {e.name: (e.kind, e.role) for e in layer.entities.values()}
    assert kinds["Avon Bureau of Investigation"] == ("organisation", "")
    assert kinds["Norland Police"] == ("organisation", "")
    assert kinds["Ann Lee"] == ("person", "avon bureau of investigation director")
    assert sorted(n for n, (k, _) in kinds.items() if k == "organisation") == [
        "Avon Bureau of Investigation", "Norland Police",
    ]  # fmt: skip


def test_boulevards_lanes_and_bazaars_name_places():
    # by eye: a street word or a market word inside a name makes it a place, never a person
    layer = find_entities(
        ["Mourners met at the Kestrel Boulevard Christian Church near Varna Bazar."]
    )
    kinds = {e.name: e.kind for e in layer.entities.values()}
    assert kinds == {"Kestrel Boulevard Christian Church": "place", "Varna Bazar": "place"}


def test_a_state_or_province_of_two_words_is_a_place_and_never_a_speaker():
    # by eye: "New Mexico" and "Santa Fe" are first-level divisions (two capitalised words, the
    # shape of a person's name), and "Sofitel New York" holds one; "Osaka" is a one-word
    # province and the family name of the player, who stays a person; "she" is the one woman
    # named before the quotation, Dana Vell
    layer = find_entities(
        [
            "Dana Vell drove from Santa Fe to New Mexico's border.",
            "Naomi Osaka watched from Sofitel New York. Osaka waved.",
        ]
    )
    kinds = {e.entity_id: e.kind for e in layer.entities.values()}
    assert kinds == {
        "Dana Vell": "person",
        "Santa Fe": "place",
        "New Mexico": "place",
        "Naomi Osaka": "person",
        "Sofitel New York": "place",
    }
    t = nf.attributions(
        [
            Article(
                "a",
                "roads",
                (
                    "Dana Vell, a road engineer, inspected the bridge.",
                    'After a day in New Mexico, she said: "The bridge will hold."',
                ),
            )
        ]
    )
    assert t[["speaker", "speaker_text"]].values.tolist() == [["Dana Vell", "she"]]


def test_a_role_for_someone_else_names_no_holder_and_a_person_noun_before_a_name_is_a_role():
    layer = find_entities(["Prime Minister Ann Lee met Tom Reed.", "Lee left."])
    # "a spokesman for the prime minister" is someone else, never the prime minister
    assert layer.resolve("the prime minister") == "Ann Lee"
    assert layer.resolve("a spokesman for the prime minister") is None
    assert layer.resolve("an aide to the prime minister") is None
    # a person noun before a name the layer knows is a role ("Teenager Lee" in a headline)
    assert layer.resolve("Teenager Lee") == "Ann Lee"


def test_a_person_noun_before_a_full_name_is_a_role_but_not_before_one_word():
    layer = find_entities(["Dispatcher Ann Lee took the call.", "Son Ji-ho scored twice."])
    people = {k: e.role for k, e in layer.entities.items() if e.kind == "person"}
    assert people == {"Ann Lee": "dispatcher", "Son Ji-ho": ""}


@pytest.mark.parametrize("noun", ["Campaigner", "Activist", "Actress", "Singer"])
def test_a_public_role_noun_opening_a_full_name_is_a_role(noun):
    # "Campaigner Ann Lee" is Ann Lee, a campaigner: one canonical name with the page's others
    layer = find_entities([f"{noun} Ann Lee lost her case.", "Ms Lee will appeal."])
    people = {k: e.role for k, e in layer.entities.items() if e.kind == "person"}
    assert people == {"Ann Lee": noun.lower()}


def test_a_hyphenated_title_and_an_agent_are_roles_never_part_of_the_name():
    layer = find_entities(
        [
            "President-elect Ana Ruiz told reporters the vote was fair.",
            "Commander-in-Chief Lena Ortiz and Jean-Pierre Dubois agreed.",
            "FBI Special Agent Tom Reyes said the search was over.",
            "Ruiz, Ortiz and Reyes left.",
        ]
    )
    people = {e.entity_id: e.role for e in layer.entities.values() if e.kind == "person"}
    assert people == {
        "Ana Ruiz": "president-elect",
        "Lena Ortiz": "commander-in-chief",
        "Jean-Pierre Dubois": "",  # a hyphenated given name is no title
        "Tom Reyes": "fbi special agent",
    }
    # each surname is the person the titled name named: one key, never two
    assert [e for t, e in _ids(layer) if t in ("Ruiz", "Ortiz", "Reyes")] == [
        "Ana Ruiz", "Lena Ortiz", "Tom Reyes",
    ]  # fmt: skip


def test_more_titles_before_a_name_and_a_hyphenated_title_with_a_stop():
    titles = ["Ambassador-at-Large", "Gov.-elect", "Special Counsel", "Coroner", "Trooper",
              "Councilwoman", "Magistrate", "Supt."]  # fmt: skip
    for title in titles:
        layer = find_entities([f"{title} Ana Ruiz spoke on Monday.", "Ruiz left."])
        assert {e for _, e in _ids(layer)} == {"Ana Ruiz"}, title


def _kind_of(layer):
    return {e.name: e.kind for e in layer.entities.values()}


def test_a_run_ending_in_a_venue_word_is_a_place_with_its_titles_inside():
    layer = find_entities(
        [
            "Officials met at Harbour City Hall on Monday.",  # "City" is a title elsewhere
            "Fans filled Oakridge Stadium, Linden Square and Fenwick Station.",
            "Hall was packed, Ann Lee said.",  # the venue's last word is no surname
        ]
    )
    assert _kind_of(layer) == {
        "Harbour City Hall": "place",
        "Oakridge Stadium": "place",
        "Linden Square": "place",
        "Fenwick Station": "place",
        "Ann Lee": "person",
    }
    assert not layer.entities["Harbour City Hall"].role
    assert [m.entity_id for m in layer.mentions if m.text == "Hall"] == []


def test_a_known_given_name_before_a_venue_word_is_a_person():
    layer = find_entities(
        ["Daniel Park said the plan was sound.", "Park added that it would work."]
    )
    assert _kind_of(layer) == {"Daniel Park": "person"}
    assert [e for t, e in _ids(layer) if t == "Park"] == ["Daniel Park"]
    # a given name that is also a capital's name is no given name here; three words are a place
    layer = find_entities(["Crowds filled Victoria Square and Daniel Moss Park."])
    assert _kind_of(layer) == {"Victoria Square": "place", "Daniel Moss Park": "place"}


def test_a_venue_word_alone_after_a_personal_title_stays_a_surname():
    layer = find_entities(["Mayor Park said no. Ms Hall agreed."])
    people = {e.name: e.role for e in layer.entities.values() if e.kind == "person"}
    assert people == {"Park": "mayor", "Hall": "ms"}
    layer = find_entities(["Governor Daniel Park left."])
    assert [(e.name, e.kind, e.role) for e in layer.entities.values()] == [
        ("Daniel Park", "person", "governor")
    ]


def test_venue_words_are_extended_by_a_story_file():
    words = entity_words_table(
        {"kinds": {"venue_heads": ["Rink"]}},
        "story.toml",
        base=load_entity_words(),
        prefix="entities.",
    )
    assert _kind_of(find_entities(["Skaters left Kestrel Rink."])) == {"Kestrel Rink": "person"}
    assert _kind_of(find_entities(["Skaters left Kestrel Rink."], words=words)) == {
        "Kestrel Rink": "place"
    }


def test_an_abbreviated_fort_opens_a_place():
    layer = find_entities(["Soldiers at Ft. Kestrel were safe.", "Mount Alder Hospital was full."])
    assert _kind_of(layer) == {"Ft. Kestrel": "place", "Mount Alder Hospital": "place"}


def test_name_parts_meet_across_accents_and_strokes():
    assert name_parts(["Łukasz", "Nowak"]) == name_parts(["Nowak", "Lukasz"]) == ("lukasz", "nowak")
    assert name_parts(["Kim", "정은"]) != name_parts(["Kim", "정일"])  # Hangul kept, not dropped
