"""Hostile pages through the cleaner's line model (``method="model"``) and its rules."""

from __future__ import annotations

import pytest

from newsframe.cleaning import MAX_JOINED, clean_text


@pytest.mark.parametrize("method", ["rules", "model"])
def test_a_page_of_lowercase_lines_without_a_stop_joins_in_bounded_pieces(method):
    # 1,500 lines of 24 characters, each starting in lowercase and none ending a sentence: each
    # joins the one before, but a logical line stops growing at MAX_JOINED characters
    line = "the talks went on and on"
    page = "Talks\n\n" + "\n".join([line] * 1500) + "\n"
    result = clean_text(page, method=method)
    kept = result.paragraphs + tuple(r.text for r in result.removed)
    joined = [t for t in kept if line in t]
    assert sum(t.count(line) for t in joined) == 1500  # no line lost
    assert max(len(t) for t in joined) <= MAX_JOINED + len(line) + 1
    assert len(joined) >= 1500 * (len(line) + 1) // (MAX_JOINED + len(line) + 1)


def test_a_short_hard_wrapped_paragraph_is_still_one_line():
    wrapped = (
        "The foreign minister met his counterpart in the capital on\n"
        "Monday for talks on the disputed islands, officials said, and\n"
        "both sides agreed to meet again in the spring.\n"
    )
    result = clean_text("Talks\n\n" + wrapped)
    assert result.paragraphs[-1] == " ".join(wrapped.split("\n")).strip()


def test_a_run_of_forty_capitalised_words_gives_no_name_tails():
    from newsframe.entities import find_entities
    from newsframe.linking import MAX_NAME_WORDS, _index

    run = " ".join(f"Ba{'x' * (k % 7)}ko{'n' * (k // 7)}v" for k in range(40))
    layers = [find_entities([f"{run} said the talks went on."]), find_entities([f"{run} left."])]
    names = [e.name for layer in layers for e in layer.entities.values()]
    assert any(len(n.split()) > MAX_NAME_WORDS for n in names)  # the run is read as one name
    index = _index(layers, (), frozenset())
    assert all(len(tail) <= MAX_NAME_WORDS for tail in index.tails)
    assert all(len(tail.split()) <= MAX_NAME_WORDS for tail in index.org_tails)


def _smiths(n: int) -> list[str]:
    given = [f"Ba{'x' * (k % 9)}ko{'n' * (k // 9)}" for k in range(n)]
    return [f"{g} Smith spoke." for g in given] + ["Jennifer Smith spoke.", "Jenni Smith left."]


@pytest.mark.parametrize(("others", "joined"), [(3, True), (250, False)])
def test_spelling_variants_are_compared_only_among_a_bounded_group(others, joined):
    # "Jenni" is a short form of "Jennifer": linked while few people share the surname, not
    # compared pair by pair once more than MAX_SHARING do (no quadratic pass over 5,000 Smiths)
    from newsframe import Article, default_resources
    from newsframe.linking import MAX_SHARING, corpus_links

    assert (others + 2 > MAX_SHARING) is not joined
    arts = [Article("a", "", tuple(_smiths(others)))]
    links = corpus_links(
        arts, resources=default_resources(), actors=(), organisation_nouns=frozenset()
    )
    assert (links("Jenni Smith") == "Jennifer Smith") is joined


def test_a_json_line_with_a_lone_surrogate_escape_is_one_error_naming_the_row(tmp_path):
    from newsframe import load_corpus
    from newsframe.errors import InputError

    table = tmp_path / "t.jsonl"
    table.write_text(
        '{"text": "The talks went on."}\n{"text": "talks \\ud800 went on."}\n', "utf-8"
    )
    with pytest.raises(InputError, match=r"t\.jsonl: line 2.*'text'.*surrogate.*character 7"):
        load_corpus(table)
