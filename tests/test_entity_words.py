"""The entity words as user data (issue 19): ``data/entity_words.toml`` holds the titles,
organisation nouns, nicknames ... the entity layer reads; a story file adds its own, and an added
entry changes what the layer finds in a hand-made article. Every entry is checked: a wrong one is
one error naming the file and the entry."""

from __future__ import annotations

import pytest

import newsframe as nf
from newsframe import Article
from newsframe.entities import find_entities
from newsframe.errors import InputError
from newsframe.lexicons import load_entity_words
from newsframe.linking import link_entities

STORY = """
[story]
name = "dockers"

[entities.titles]
words = ["imam"]

[entities.kinds]
organisation_nouns = ["syndicate"]

[entities.names]
nicknames = [["sandy", "alexandra"]]
"""

TEXT = ("Imam Ali Reza met the Dockers Syndicate on Monday.", "Reza said the talks went well.")


@pytest.fixture
def story(tmp_path):
    path = tmp_path / "story.toml"
    path.write_text(STORY, encoding="utf-8")
    return nf.load_story(path)


def _people_and_organisations(words=None) -> list[tuple[str, str, str]]:
    layer = find_entities(TEXT, words=words)
    return sorted((e.name, e.kind, e.role) for e in layer.entities.values())


def test_the_shipped_words_leave_an_unknown_title_and_noun_inside_names():
    # "Imam" is no title and "Syndicate" no organisation noun of the shipped file: one person
    # "Imam Ali Reza" (the later "Reza" is his), and a two-word name read as a person's
    assert _people_and_organisations() == [
        ("Dockers Syndicate", "person", ""),
        ("Imam Ali Reza", "person", ""),
    ]


def test_a_story_files_title_and_organisation_noun_change_the_layer(story):
    words = story.resources.entity_words
    assert "imam" in words.titles and "minister" in words.titles  # added to the shipped ones
    assert _people_and_organisations(words) == [
        ("Ali Reza", "person", "imam"),
        ("Dockers Syndicate", "organisation", ""),
    ]


def test_the_story_words_reach_the_speakers_of_a_corpus(story):
    article = Article("a", "T", ('"We have a deal," the Dockers Syndicate said.',))
    kinds = nf.attributions([article], resources=story.resources)["speaker_kind"].tolist()
    assert kinds == ["organisation"]


def test_a_story_nickname_links_one_person_across_articles(story):
    texts = (["Sandy Okafor spoke."], ["Alexandra Okafor and Ben Okafor left."])
    plain = [find_entities(t) for t in texts]
    assert link_entities(plain)("Sandy Okafor") == "Sandy Okafor"  # two people
    words = story.resources.entity_words
    layers = [find_entities(t, words=words) for t in texts]
    assert link_entities(layers, words=words)("Sandy Okafor") == "Alexandra Okafor"


def test_the_shipped_file_holds_the_lists_the_layer_used_to_hard_code():
    words = load_entity_words()
    assert {"minister", "spokesman", "mrs"} <= words.titles
    assert words.title_abbreviations["cfo"] == "chief financial officer"
    assert {"ministry", "embassy"} <= words.organisation_nouns & words.government_nouns
    assert {"cup", "treaty"} <= words.event_heads
    assert words.nicknames["bill"] == words.nicknames["william"]
    assert set(words.family_spellings["lee"]) == {"lee", "yi", "rhee"}
    assert "spokeswoman" in words.she and "spokesman" in words.he


@pytest.mark.parametrize(
    ("section", "message"),
    [
        ('[entities.kinds]\nevent_heads = ["world cup"]', "[entities.kinds] event_heads: 'world cup'"),
        ("[entities.titles]\nwords = [3]", "[entities.titles] words"),
        ('[entities.names]\nnicknames = [["sandy"]]', "[entities.names] nicknames entry 1"),
        ('[entities.kinds]\nplace_names = ["x"]', "place_names"),
        ('[entities.titles.abbreviations]\ncs = 3', "[entities.titles.abbreviations] cs"),
    ],
)  # fmt: skip
def test_a_wrong_entry_is_one_error_naming_the_file_and_the_entry(tmp_path, section, message):
    path = tmp_path / "bad.toml"
    path.write_text(f'[story]\nname = "x"\n{section}\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        nf.load_story(path)
    assert "bad.toml" in str(caught.value) and message in str(caught.value)
