"""Gender evidence for pronoun agreement (newsframe.framing.gender): the article's titles and
roles first, then the article's pronouns, which the given name's table corrects but never
replaces where they are silent. Hand-made articles."""

from __future__ import annotations

import pytest

from newsframe.entities import Entity, find_entities, given_genders
from newsframe.errors import InputError
from newsframe.framing.gender import genders, name_gender


def _person(name: str) -> Entity:
    return Entity(name, name, "person")


def test_given_name_that_opens_a_full_name():
    # Ann: nearly all bearers women; Tom: nearly all men (the table's shares, read by hand)
    assert given_genders()["ann"] >= 0.95 and given_genders()["tom"] <= 0.05
    assert name_gender(_person("Ann Ode")) == "she"
    assert name_gender(_person("Tom Reed")) == "he"


def test_no_gender_from_a_single_name_an_unclear_name_or_a_family_name_first():
    assert name_gender(_person("Reed")) == ""  # a surname alone may be anyone's
    assert name_gender(_person("Kim Ode")) == ""  # Kim: borne by women and men
    assert name_gender(_person("Tom Jae-in")) == ""  # family name first: "Tom" is no given name


def test_own_table_replaces_the_shipped_one():
    table = {"zorb": 1.0}
    assert name_gender(_person("Zorb Ode"), table) == "she"
    assert name_gender(_person("Tom Reed"), table) == ""


def test_title_beats_the_name_and_the_name_beats_the_pronouns():
    texts = [
        "Ann Ode met Kobo Tanaki and Mia Ruiz.",
        "Mr Ode spoke first.",  # a title: Ann Ode is "he" here, whatever the name says
        "Tom Reed arrived late. She said the road was closed.",  # the table wins over "she"
        "Kobo Tanaki left early. She said nothing.",  # no title, no known name: the pronoun
    ]
    said = genders(find_entities(texts), dict(enumerate(texts)))
    assert said["Ann Ode"] == "he"
    assert said["Tom Reed"] == "he"
    assert said["Kobo Tanaki"] == "she"
    # Mia: a woman's name, but the article says nothing of her: unknown, as before the table
    assert "Mia Ruiz" not in said


def test_bad_share_is_one_error_naming_the_file(tmp_path):
    path = tmp_path / "names.csv"
    path.write_text("# a table\nname,female_share,count\nann,high,10\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"names\.csv: row 1: .*share of women"):
        given_genders(str(path))


def test_given_name_found_without_its_accent_or_stroke():
    # a hand-made table in plain letters, as the shipped one is: the page's "Łukasz" and
    # "Søren" are its "lukasz" and "soren" (the old ASCII fold dropped "ł" and "ø": "ukasz")
    table = {"lukasz": 0.0, "soren": 0.0, "zoe": 1.0}
    assert name_gender(_person("Łukasz Ode"), table) == "he"
    assert name_gender(_person("Søren Ode"), table) == "he"
    assert name_gender(_person("Zoë Ode"), table) == "she"
    assert name_gender(_person("Αλέξης Ode"), table) == ""  # no Greek name in the table
