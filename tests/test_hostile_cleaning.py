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
