"""The attribution stage's faster readings equal the plain readings they replace: each is
checked on hand-made texts whose answers can be counted by eye, and against the pattern or
loop it replaces (written out here) on many texts built from small pieces."""

from __future__ import annotations

import random
import re

from newsframe.entities import _without_nicknames

# the nickname pattern as it was: the look-behind tried at every offset
_PLAIN_NICKNAME = re.compile(
    r"(?<=[a-z.] )[\"\u201c][A-Z][\w.'-]{0,15}(?: [A-Z][\w.'-]{0,15})?[\"\u201d](?= [A-Z][a-z])"
)


def _plain_without_nicknames(text: str) -> str:
    return _PLAIN_NICKNAME.sub(lambda m: " " * len(m.group(0)), text)


def test_nickname_blanked_by_hand() -> None:
    # 'Ann "Red" Lee': the nickname (five characters with its marks) becomes five spaces
    assert _without_nicknames('Ann "Red" Lee left.') == "Ann       Lee left."
    # curly marks, two words, after a full stop's initial
    assert _without_nicknames("J. \u201cBig Al\u201d Smith") == "J.          Smith"
    # no lowercase letter or full stop before the space: kept (a quotation, not a nickname)
    assert _without_nicknames('Ann, "Red" Lee') == 'Ann, "Red" Lee'
    assert _without_nicknames('"Red" Lee') == '"Red" Lee'
    # the family name must follow: "said" is no name
    assert _without_nicknames('Ann "Red" said') == 'Ann "Red" said'


def test_nickname_same_as_plain_pattern() -> None:
    # one to three name-like stretches in a row, each a variant of 'Ann "Red" Lee' that
    # matches or misses in one place (the word before, the marks, the nickname, the name after)
    before = ["Ann ", "ann ", "J. ", "Ann, ", "", "\n", "\u00e9 ", "a  "]
    opening = ['"', "\u201c", "\u201d", "'"]
    nickname = ["Red", "Big Al", "R-J", "red", "A" * 16, "Al Bo Cy", "7up"]
    closing = ['"', "\u201d", "\u201c", ""]
    after = [" Lee", " lee", " L", " Le", "Lee", " LEE", "", " \u00c9lan"]
    rng = random.Random(19)
    matched = 0
    for _ in range(20_000):
        text = "".join(
            rng.choice(before) + rng.choice(opening) + rng.choice(nickname)
            + rng.choice(closing) + rng.choice(after)
            for _ in range(rng.randint(1, 3))
        )  # fmt: skip
        plain = _plain_without_nicknames(text)
        assert _without_nicknames(text) == plain, text
        matched += plain != text
    assert matched > 300  # the texts do hold nicknames (556 of the 20,000)
