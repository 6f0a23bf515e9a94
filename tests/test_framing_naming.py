"""Naming variants on hand-made articles."""

from __future__ import annotations

import pytest
from conftest import KURIL

import newsframe as nf
from newsframe import Article
from newsframe.errors import InputError
from newsframe.framing import Concept, Variant


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


def test_an_unused_variant_has_no_row_and_its_zero_row_can_be_restored():
    empty = [Article("a", "T", ("Nothing about islands here.",))]
    t = nf.naming_variants(empty, resources=KURIL)
    assert t.empty and list(t.columns) == nf.framing.naming.VARIANT_COLUMNS
    full = nf.restore_naming_zeros(t, empty, resources=KURIL)
    assert len(full) == sum(len(c.variants) for c in KURIL.naming_concepts)
    assert full["count"].sum() == 0
    assert not full["first_used"].any()
    assert (full["first_sentence_id"] == -1).all()
    assert not full.isna().any().any()


def test_restoring_zeros_gives_the_table_with_a_row_per_article_and_variant():
    """Worked by hand: two articles, one concept of three variants; 'a' says "the dam" twice
    (once quoted) and "the wall" in its headline, 'b' says nothing, 'c' says "the barrage"."""
    dam = Concept("dam", "", (Variant("dam", "neutral", ("the dam",)),
                              Variant("wall", "critics", ("the wall",)),
                              Variant("barrage", "officials", ("the barrage",))))  # fmt: skip
    docs = [Article("a", "The wall", ('The dam held. "The dam is safe," she said.',)),
            Article("b", "Rain", ("Rain fell.",)), Article("c", "", ("The barrage opened.",))]  # fmt: skip
    t = nf.naming_variants(docs, [dam])
    # sparse: the rows of used names only (a headline use is a use)
    assert t[["article_id", "variant", "count", "in_quotes", "in_headline", "first_used"]].values.tolist() == [
        ["a", "dam", 2, 1, False, False], ["a", "wall", 0, 0, True, True],
        ["c", "barrage", 1, 0, False, True],
    ]  # fmt: skip
    full = nf.restore_naming_zeros(t, docs, [dam])
    cols = ["article_id", "variant", "count", "in_quotes", "in_headline", "first_used",
            "first_sentence_id"]  # fmt: skip
    assert full[cols].values.tolist() == [
        ["a", "dam", 2, 1, False, False, 0], ["a", "wall", 0, 0, True, True, -1],
        ["a", "barrage", 0, 0, False, False, -1],
        ["b", "dam", 0, 0, False, False, -1], ["b", "wall", 0, 0, False, False, -1],
        ["b", "barrage", 0, 0, False, False, -1],
        ["c", "dam", 0, 0, False, False, -1], ["c", "wall", 0, 0, False, False, -1],
        ["c", "barrage", 1, 0, False, True, 0],
    ]  # fmt: skip
    assert full["usage"].tolist() == ["neutral", "critics", "officials"] * 3
    # only the articles naming the concept (what a share per article needs): not 'b'
    named = nf.restore_naming_zeros(t, docs, [dam], named_only=True)
    assert named["article_id"].tolist() == ["a"] * 3 + ["c"] * 3
    # a subset of the articles: their rows only, in the order given
    assert (
        nf.restore_naming_zeros(t, docs[2:0:-1], [dam])["article_id"].tolist()
        == ["c"] * 3 + ["b"] * 3
    )


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
