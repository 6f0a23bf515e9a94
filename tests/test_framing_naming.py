"""Naming variants on hand-made articles."""

from __future__ import annotations

import pytest
from conftest import KURIL

import newsframe as nf
from newsframe import Article
from newsframe.errors import InputError


def _islands(*paragraphs, title="T"):
    t = nf.naming_variants([Article("a", title, tuple(paragraphs))], resources=KURIL)
    return t[t.concept == "disputed_islands"].set_index("variant")


def test_counts_first_used_and_headline():
    t = _islands(
        "Japan calls the Southern Kurils the Northern Territories.",
        "The South Kuril Islands and the Kurils are cold.",
        title="Row over Kuril Islands",
    )
    assert t.loc["Southern Kurils", "count"] == 1
    assert t.loc["South Kuril Islands", "count"] == 1  # not also counted as "Kuril Islands"
    assert t.loc["Kurils", "count"] == 1
    assert t.loc["Northern Territories", "count"] == 1
    assert t.loc["Kuril Islands", "count"] == 0  # only in the headline
    assert t.loc["Kuril Islands", "in_headline"]
    assert t.loc["Kuril Islands", "first_used"]  # the headline is read first
    assert t["first_used"].sum() == 1
    assert t.loc["Southern Kurils", "first_sentence_id"] == 0
    assert t.loc["Kurils", "first_sentence_id"] == 1


def test_every_variant_has_a_row_even_when_unused():
    t = nf.naming_variants([Article("a", "T", ("Nothing about islands here.",))], resources=KURIL)
    assert len(t) == sum(len(c.variants) for c in KURIL.naming_concepts)
    assert t["count"].sum() == 0
    assert not t["first_used"].any()
    assert (t["first_sentence_id"] == -1).all()


def test_island_names_russian_and_japanese():
    t = nf.naming_variants(
        [Article("a", "T", ("Etorofu, Kunashiri, Shikotan and the Habomai islets.",))],
        resources=KURIL,
    )
    used = t[t["count"] > 0].set_index("concept")["variant"].to_dict()
    assert used == {
        "iturup": "Etorofu",
        "kunashir": "Kunashiri",
        "shikotan": "Shikotan",
        "habomai": "Habomai",
    }


def test_names_inside_quotes_are_flagged():
    t = _islands('"The Kuril Islands are Russian," Putin said of the Kuril Islands.')
    assert t.loc["Kuril Islands", "count"] == 2
    assert t.loc["Kuril Islands", "in_quotes"] == 1


def test_case_insensitive_and_curly_apostrophes():
    t = _islands("THE KURIL ISLANDS. the kurils\u2019 coast.")
    assert t.loc["Kuril Islands", "count"] == 1
    assert t.loc["Kurils", "count"] == 1


def test_custom_concept_file(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text(
        '[concept.crimea]\n[[concept.crimea.variant]]\nname = "annexation"\naliases = ["annexation"]\n'
        '[[concept.crimea.variant]]\nname = "reunification"\naliases = ["reunification"]\n'
    )
    concepts = nf.load_naming_concepts(path)
    t = nf.naming_variants(
        [Article("a", "T", ("The reunification, or annexation.",))], concepts, resources=KURIL
    )
    assert t[["variant", "count", "first_used"]].values.tolist() == [
        ["annexation", 1, False],
        ["reunification", 1, True],
    ]


def test_bad_concept_file_names_the_file(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text("[concept.x]\ndescription = 'no variants'\n")
    with pytest.raises(InputError, match=r"c\.toml"):
        nf.load_naming_concepts(path)


def test_alias_inside_another_concept_or_actor_name_is_reported():
    from newsframe import Actor
    from newsframe.framing import Concept, Variant, alias_overlaps

    harbour = Concept("harbour", "", (Variant("harbour", "neutral", ("harbour", "old harbour")),
                                      Variant("port", "neutral", ("port",))))  # fmt: skip
    measure = Concept("measure", "", (Variant("closure", "neutral", ("port closure",)),))
    council = Actor("council", "Harbour Council", "organisation", ("Harbour Council", "council"))
    table = alias_overlaps([harbour, measure], [council])
    # "harbour" sits inside the actor name "Harbour Council" ("old harbour" is the same
    # variant's longer alias: harmless); "port" inside the other concept's "port closure";
    # "harbour" is not inside "Harbourside" (whole words only)
    assert table[["alias", "inside", "inside_kind"]].values.tolist() == [
        ["harbour", "Harbour Council", "actor name"],
        ["port", "port closure", "naming alias"],
    ]
    assert alias_overlaps([harbour], [Actor("h", "H", "place", ("Harbourside",))]).empty


def test_names_in_ascii_and_other_paragraphs_and_quotes_counted_once_each():
    """A name in a paragraph with a non-ASCII character (matched by the full regex), one in an
    ASCII paragraph, one quoted; a paragraph with no island name at all. Counted by eye."""
    t = _islands(
        "Nothing about islands here.",
        "Le café: the Kurils again.",  # not ASCII
        'He said "the Northern Territories are ours" and the Kurils were cold.',
        title="Weather",
    )
    assert t.loc["Kurils", "count"] == 2 and t.loc["Kurils", "in_quotes"] == 0
    assert t.loc["Northern Territories", "count"] == 1
    assert t.loc["Northern Territories", "in_quotes"] == 1
    assert t.loc["Kurils", "first_sentence_id"] == 1 and t.loc["Kurils", "first_used"]
    assert t["count"].sum() == 3 and not t["in_headline"].any()
