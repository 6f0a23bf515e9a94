"""The attribution stage's faster readings equal the plain readings they replace: each is
checked on hand-made texts whose answers can be counted by eye, and against the pattern or
loop it replaces (written out here) on many texts built from small pieces."""

from __future__ import annotations

import random
import re

from newsframe import Article
from newsframe.actors import Mention
from newsframe.document import analyse
from newsframe.entities import _without_nicknames
from newsframe.framing.gender import opens_sentence
from newsframe.framing.speakers import (
    _PLURAL_SUBJECT,
    _ROLE,
    ArticleScan,
    _ascii_words,
    group_mentions,
    organisation_nouns,
    role_mentions,
)
from newsframe.resources import default_resources

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


# --- the role and group mentions an article scan prepares ------------------------------------

ARTICLES = [
    # a role noun after "the" opening its sentence, and the same noun as an object (no subject)
    ("The gunman fled. Police said they shot the gunman.", "Mourners sang. They wept."),
    # a possessor between ("The victim's mother"), with a straight and a curly apostrophe
    ("The victim's mother wept.", "The victim\u2019s mother spoke."),
    # group nouns inside hyphenated words and next to a letter outside ASCII
    ("Anti-protesters gathered.", "\u00c9students marched.", "Pro-mourners sang."),
    # a plural that opens its sentence after a quotation and a full stop
    ('"We are here." Protesters chanted. The students marched.',),
    # nothing of the kind: a name and pronouns only
    ("Ann Lee spoke.", "She left early and he stayed."),
]


def _plain_people(verbs, doc) -> dict:
    """The people an article scan prepares, read as before: every paragraph's role and group
    mentions searched whatever words the article holds."""

    people: dict = {}
    layer = doc.entities((), organisation_nouns=organisation_nouns(verbs))
    for m in layer.mentions:
        entity = layer.entities.get(m.entity_id)
        if entity is not None and entity.kind == "person":
            named = f"{entity.role} {m.text}" if entity.role else m.text
            people.setdefault(m.paragraph_id, []).append(
                Mention(m.entity_id, m.start, m.end, named)
            )
    for paragraph_id, text in enumerate(doc.paragraphs):
        roles = [m for m in role_mentions(text, layer.words.person_nouns)
                 if opens_sentence(text, m.start, m.end)]  # fmt: skip
        roles += group_mentions(text, verbs.speaker_nouns)
        if roles:
            found = people.setdefault(paragraph_id, [])
            found.extend(roles)
            found.sort(key=lambda m: m.start)
    return people


def test_scan_people_same_as_plain_search() -> None:

    res = default_resources()
    for k, paragraphs in enumerate(ARTICLES):
        doc = analyse(Article(f"a{k}", "A headline", paragraphs), resources=res)
        scan = ArticleScan(res.reporting_verbs, (), doc)
        # scan.verbs: the verb table with the entity words' person nouns, as the scan reads it
        assert scan.people == _plain_people(scan.verbs, doc), paragraphs


def test_scan_people_by_hand() -> None:

    res = default_resources()
    doc = analyse(Article("a", "A headline", ARTICLES[0]), resources=res)
    people = ArticleScan(res.reporting_verbs, (), doc).people
    # "The gunman" opens the first sentence; "the gunman" as an object is no subject
    assert [(m.actor_id, m.start) for m in people[0]] == [("the gunman", 0)]
    assert [(m.actor_id, m.start) for m in people[1]] == [("mourners", 0)]
    # a hyphen bounds a word ("Anti-protesters": the protesters, after a capitalised word);
    # a letter outside ASCII does not ("\u00c9students": no word "students")
    doc = analyse(Article("b", "A headline", ARTICLES[2]), resources=res)
    people = ArticleScan(res.reporting_verbs, (), doc).people
    assert {k: [(m.actor_id, m.start) for m in v] for k, v in people.items()} == {
        0: [("protesters", 5)],
        2: [("mourners", 4)],
    }
    doc = analyse(Article("c", "A headline", ARTICLES[4]), resources=res)
    assert [m.actor_id for ms in ArticleScan(res.reporting_verbs, (), doc).people.values()
            for m in ms] == ["Ann Lee"]  # fmt: skip


def test_ascii_words_hold_every_word_the_searches_find() -> None:
    # the article scan searches for role and group mentions only when one of their nouns is
    # among the article's runs of ASCII letters: every word the two searches can match must be
    # one, whatever marks, digits, underscores or letters outside ASCII stand around it

    assert _ascii_words("Mourners\u2014sang the_gunmen") == {
        "mourners",
        "sang",
        "the",
        "gunmen",
    }
    pieces = ["The ", "the ", "mourners", "Gunmen", "victim's ", "victim\u2019s ", "mother",
              "-", "'", ".", " ", "_", "7", "\u00e9", "\u2014", "\u201c", "\n", "s"]  # fmt: skip
    rng = random.Random(20)
    found = 0
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        words = _ascii_words(text)
        for m in _PLURAL_SUBJECT.finditer(text):
            assert m.group(1).lower() in words, text
            found += 1
        for m in _ROLE.finditer(text):
            assert m.group(1) in words, text
            found += 1
    assert found > 4_000  # the texts do hold such words (4,897)
