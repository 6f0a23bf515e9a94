"""The kind of a name the spelling leaves unsure, read from the contexts of its mentions
(newsframe.kinds), and the entity layer's use of it. Hand-made articles; every value below is
counted by eye from the text."""

from __future__ import annotations

import numpy as np
import pytest

from newsframe.datafiles import read_weights
from newsframe.entities import find_entities, kind_rows
from newsframe.errors import InputError
from newsframe.kinds import KIND_FEATURES, KindModel, kind_features, load_kind_model

# "Velvet Lantern" and "Kobo Tanaki" are two capitalised words with no title, no known given
# name and no organisation noun: their spelling alone makes both people.
MAGAZINE = [
    "The Velvet Lantern reported on Monday that the mayor had resigned.",
    "A spokesperson told the Velvet Lantern that the council would meet.",
    "Kobo Tanaki, 45, a council member, said he was surprised.",
    "Tanaki said his family had left the city.",
]


def test_features_are_shares_of_mentions_counted_by_hand():
    texts = dict(enumerate(MAGAZINE))
    # the magazine's two mentions: after "The" and after "told the"; "reported" follows the
    # first; no pronoun follows either in its paragraph ("he" is in another paragraph)
    spans = [(0, 4, 18), (1, 24, 38)]
    assert MAGAZINE[0][4:18] == MAGAZINE[1][24:38] == "Velvet Lantern"
    f = dict(zip(KIND_FEATURES, kind_features("Velvet Lantern", [], spans, texts), strict=True))
    assert f["the_before"] == 1.0  # 2 of 2
    assert f["outlet_context"] == 1.0  # "... reported", "told the ..."
    assert f["gendered_next"] == 0.0 and f["neuter_next"] == 0.0
    assert f["surname_alone"] == 0.0 and f["n_words"] == 2.0
    # the person: an age in commas after the first mention, "he" next, "Tanaki" alone later
    spans = [(2, 0, 11)]
    f = dict(
        zip(KIND_FEATURES, kind_features("Kobo Tanaki", ["Tanaki"], spans, texts), strict=True)
    )
    assert f["person_after"] == 1.0 and f["gendered_next"] == 1.0
    assert f["surname_alone"] == 1.0 and f["the_before"] == 0.0


def test_outlet_named_like_a_person_becomes_an_organisation():
    layer = find_entities(MAGAZINE)
    kinds = {e.name: e.kind for e in layer.entities.values()}
    assert kinds["Velvet Lantern"] == "organisation"
    assert kinds["Kobo Tanaki"] == "person"
    # a surname alone no longer reaches the organisation
    assert layer.resolve("Lantern") != "Velvet Lantern"


def test_sure_names_are_never_reconsidered():
    # a known given name first: a person whatever the contexts say ("the Ann Lee show")
    layer = find_entities(["The Ann Lee reported that the vote was late."])
    assert {e.name: e.kind for e in layer.entities.values()}["Ann Lee"] == "person"


def test_kind_rows_label_only_by_spelling():
    texts = ["The Harbour Ministry said Ann Lee had left.", "Kobo Tanaki, 45, said so."]
    rows = {k: y for k, y, _ in kind_rows(find_entities(texts), dict(enumerate(texts)))}
    assert rows == {"Harbour Ministry": 0, "Ann Lee": 1, "Kobo Tanaki": None}


def test_model_probability_is_the_logistic_of_the_standardised_sum():
    n = len(KIND_FEATURES)
    model = KindModel(np.zeros(n), np.full(n, 2.0), np.ones(n), 0.0, 0.5)
    # z = sum(x / 2) = 1 for x = (2/n, ...): p = 1 / (1 + e^-1) = 0.7311
    assert model.person([2.0 / n] * n) == pytest.approx(0.731059, abs=1e-6)


def test_shipped_model_reads_and_has_every_feature():
    model = load_kind_model()
    assert len(model.weight) == len(KIND_FEATURES)
    assert 0.0 < model.threshold < 0.5


def test_bad_model_file_is_one_error_naming_it():
    text = "feature,mean,scale,weight\nthe_before,0,zero,1\n"
    with pytest.raises(InputError, match=r"kind_model\.csv"):
        read_weights(text, "kind_model.csv", list(KIND_FEATURES), ["(intercept)"], "")


def test_no_person_is_a_place_or_an_organisation_by_the_second_model():
    n = len(KIND_FEATURES)
    located = list(KIND_FEATURES).index("located")
    person = np.zeros(n)
    place = np.zeros(n)
    place[located] = 4.0  # only "in X" says place
    model = KindModel(np.zeros(n), np.ones(n), person, -3.0, 0.5, place, -2.0)
    # p(person) = 1 / (1 + e^3) = 0.047 < 0.5 for every name; p(place) = 1 / (1 + e^-(4x - 2))
    x = [0.0] * n
    assert model.kind(x) == "organisation"  # p(place) = 0.119
    x[located] = 1.0
    assert model.kind(x) == "place"  # p(place) = 0.881
    assert KindModel(np.zeros(n), np.ones(n), person, 3.0, 0.5).kind(x) == "person"
