"""The line model's topicality and story features as array work equal a straightforward per-line
reading of the same definitions (sets and counts per line, written out here) on hand-made
pages: several pages in one batch, alone and with other outlets' pages of their story."""

from __future__ import annotations

import itertools
import math
from collections import Counter

import numpy as np

from newsframe.lines import FEATURES, Evidence, StoryWords, _content, _norm, pages_features

NAMES = [name for name, _, _ in FEATURES]
TOPIC = ["topic_headline", "topic_page", "topic_core", "rare_words"]
STORY = ["story_alone", "story_core", "story_prose", "story_any"]

PAGE_A = [
    "Menu",
    "Harbour Piers Wrecked In Ellen",
    "Storm waves wrecked the harbour piers in Ellen overnight, engineers reported on Monday.",
    "Engineers said the storm waves had struck the harbour piers twice before dawn.",
    "Subscribe for unlimited digital access to our journalism today.",
    "The council closed the harbour road while engineers inspected the damaged piers.",
    "Residents of Ellen watched the storm from the cliffs above the harbour.",
    "Sign up for our newsletter and never miss a story from our newsroom.",
    "Share",
    "Fishing boats moored in the harbour escaped the waves with minor damage, owners said.",
    "Insurers expect claims from the storm to reach several million dollars this year.",
    "The mayor of Ellen praised the engineers and promised new piers by the summer.",
    "Related: Ellen festival returns after two quiet summers of rain",
]
PAGE_B = [
    "Ellen Storm Damage",
    "Engineers inspected damaged harbour piers after storm waves struck Ellen overnight.",
    "Photo: Jane Doe / Agency",
    "The harbour master said the piers would stay closed until mayor and engineers finish repairs.",
    "Read our comment policy before you join the conversation below.",
]
PAGE_C = ["Storm waves hit Ellen harbour.", "Menu", "Engineers closed the piers and the road."]
PAGES = {"a": PAGE_A, "b": PAGE_B, "c": PAGE_C}


def evidence(lines: list[str]) -> list[Evidence]:
    """The rules' evidence a hand would give: the first line of three words or more without a
    final stop is the headline, lines of eight words or more ending with a stop are sentences."""
    head = next((i for i, s in enumerate(lines) if len(s.split()) >= 3 and s[-1] != "."), -1)
    return [Evidence("headline") if i == head
            else Evidence(sentence=len(s.split()) >= 8 and s.endswith("."))
            for i, s in enumerate(lines)]  # fmt: skip


def reference(lines: list[str], ev: list[Evidence], story) -> list[tuple[float, ...]]:
    """Per line: the _TOPIC columns named in TOPIC and the _STORY columns named in STORY, read
    one line at a time from their definitions."""
    content = [_content(_norm(s)) for s in lines]
    words = [len(s.split()) for s in lines]
    prose = [w >= 8 and e.sentence for w, e in zip(words, ev, strict=True)]
    stop = [_stop_share(s) for s in lines]
    density = [math.log1p(w) * s for w, s in zip(words, stop, strict=True)]
    if len(lines) > 2:
        padded = [density[0], *density, density[-1]]
        density = [sum(padded[i : i + 3]) / 3 for i in range(len(lines))]
    densest = max(range(len(lines)), key=lambda i: (density[i], -i))
    core_lines = [i for i in range(len(lines)) if prose[i] and abs(i - densest) <= 4]
    h = next((i for i, e in enumerate(ev) if e.verdict == "headline"), -1)
    out = []
    for i, (ws, rare) in enumerate(content):
        k = len(ws)
        if not k:
            out.append((0.0,) * 4 + ((1.0, 0.0, 0.0, 0.0) if story is None else (0.0,) * 4))
            continue
        head = content[h][0] if h >= 0 else frozenset()
        to_head = len(ws & head) / math.sqrt(k * len(head)) if head and i != h else 0.0
        others = [content[j][0] for j in range(len(lines)) if prose[j] and j != i]
        page = sum(any(w in o for o in others) for w in ws) / k
        core = Counter(w for j in core_lines if j != i for w in content[j][0])
        dot = sum(core[w] for w in ws)
        norm = sum(v * v for v in core.values())
        cosine = dot / math.sqrt(k * norm) if dot > 0 < norm else 0.0
        in_core = sum(core[w] > 0 for w in ws) / k
        if story is None:
            told = (1.0, in_core, page, page)
        else:
            n = story.others
            p = sum(story.words.prose.get(w, 0) - (w in story.prose) for w in ws)
            c = sum(story.words.core.get(w, 0) - (w in story.core) for w in ws)
            seen = sum(story.words.prose.get(w, 0) - (w in story.prose) > 0 for w in ws)
            told = (0.0, c / (k * n), p / (k * n), seen / k)
        out.append((to_head, page, cosine, rare, *told))
    return out


def _stop_share(line: str) -> float:
    from newsframe.lines import _read_line

    return _read_line(_norm(line))[0][2]


def test_topicality_and_story_columns_equal_a_per_line_reading():
    story = StoryWords.count(list(PAGES.items()))
    for told in (None, story):  # alone, then with the other outlets of the story
        batch = [(lines, evidence(lines), told.view(o) if told else None)
                 for o, lines in PAGES.items()]  # fmt: skip
        x, starts = pages_features(batch)
        cols = [NAMES.index(c) for c in TOPIC + STORY]
        for (lines, ev, view), a, b in zip(batch, starts[:-1], starts[1:], strict=True):
            expected = np.array(reference(lines, ev, view))
            assert np.allclose(x[a:b, cols], expected, rtol=0, atol=1e-12), (lines[0], told)


def test_a_page_has_the_same_rows_alone_as_in_a_batch():
    story = StoryWords.count(list(PAGES.items()))
    batch = [(lines, evidence(lines), story.view(o)) for o, lines in PAGES.items()]
    x, starts = pages_features(batch)
    for (lines, ev, view), a, b in zip(batch, starts[:-1], starts[1:], strict=True):
        assert np.array_equal(pages_features([(lines, ev, view)])[0], x[a:b])


def test_hand_counted_topicality():
    # PAGE_C has no prose (no line of eight words): no word recurs in a prose line
    x, _ = pages_features([(PAGE_C, evidence(PAGE_C), None)])
    assert x[:, NAMES.index("topic_page")].tolist() == [0.0, 0.0, 0.0]
    # PAGE_B alone, line 4: content words harbour, master, said, piers, stay, closed, mayor,
    # engineers, finish, repairs (10; "the", "would", "until", "and" are stopwords); the other
    # prose line (line 2) holds harbour, piers, engineers: 3 of 10; the headline shares none
    x, _ = pages_features([(PAGE_B, evidence(PAGE_B), None)])
    assert x[3, NAMES.index("topic_page")] == 3 / 10
    assert x[3, NAMES.index("topic_headline")] == 0.0
    # line 2 (engineers, inspected, damaged, harbour, piers, storm, waves, struck, ellen,
    # overnight: 10 words) shares ellen and storm with the headline's 3: 2 / sqrt(10 * 3)
    assert abs(x[1, NAMES.index("topic_headline")] - 2 / (30**0.5)) < 1e-12


def echoes_reference(low: list[str]) -> list[float]:
    """Per line of one page: 1 when a line within three of it has the same first 30 characters
    (both of three words or more), or, both of up to 300 characters, holds it or is held in it."""
    valid = [s if s.count(" ", 0, 300) >= 2 else "" for s in low]
    out = [0.0] * len(low)
    for i, a in enumerate(valid):
        for j in range(i + 1, min(len(low), i + 4)):
            b = valid[j]
            if a and b and (a[:30] == b[:30] or (len(a) <= 300 >= len(b) and (a in b or b in a))):
                out[i] = out[j] = 1.0
    return out


def test_echoes_equal_a_pair_by_pair_reading():
    caption = "Rescuers search the rubble of the harbour wall in Ellen on Monday."
    long_line = "The council said " + "the harbour road will stay closed for weeks, " * 8 + "."
    pages = [
        ["Menu", caption, "Share this", caption + " Photo: Jane Doe", "Next story here"],
        [long_line, "Read more below", long_line[:40] + " and then something else entirely"],
        ["a b c", "x y z", "a b c", "one two three four", "", "Jane Doe / Agency", "x y z"],
        ["Subscribe now to read", "Menu", "Share", "subscribe now to read more", "Sign in"],
    ]
    batch = [(p, [Evidence()] * len(p), None) for p in pages]
    x, _ = pages_features(batch)
    echoed = x[:, NAMES.index("echoed")].tolist()
    expected = [v for p in pages for v in echoes_reference([_norm(s).lower() for s in p])]
    assert echoed == expected
    assert sum(expected) >= 6  # the pages hold echoes of each kind


def test_capital_and_lowercase_initials_as_two_patterns_count_them():
    import re

    from newsframe.lines import _WORD

    upper = re.compile(r"\b[A-Z\u00c0-\u00de]")
    lower = re.compile(r"\b[a-z\u00df-\u00ff]")
    lines = ["Storm Hits Élan Town", "ßtraße und Öl im Hafen", "éclair Au Café x", "× Breaking ÷ news",
             "a×b ÷c Àb þd Þe ÿ", "_x Yes no", "3 Dead in Ellen Storm", "Storm"]  # fmt: skip
    x, _ = pages_features([(lines, [Evidence()] * len(lines), None)])
    for line, row in zip(lines, x, strict=True):
        head = _norm(line)[:100]
        k = len(_WORD.findall(head.lower()))
        title = len(upper.findall(head)) / k
        lowercase = len(lower.findall(head, 1)) / (k - 1) if k > 1 else 0.0
        assert row[NAMES.index("title_case")] == title, line
        assert row[NAMES.index("lowercase")] == lowercase, line


def test_story_words_travel_to_another_process_as_words(monkeypatch):
    import pickle

    from newsframe import lines

    story = StoryWords.count(list(PAGES.items()))
    batch = [(p, evidence(p), story.view(o)) for o, p in PAGES.items()]
    x, _ = pages_features(batch)
    sent = pickle.dumps((story, [view for _, _, view in batch]))
    prose, by_outlet, own = story.prose, story.by_outlet, [v.prose for _, _, v in batch]
    # another process: its own word ids, assigned in another order
    monkeypatch.setattr(lines, "_IDS", {"zebra": 0, "harbour": 1})
    monkeypatch.setattr(lines, "_WORDS", [])
    # the line table read with the old ids is not read again (its word ids were the old ones)
    got, views = pickle.loads(sent)
    assert got.prose == prose and got.by_outlet == by_outlet
    assert [v.prose for v in views] == own
    again, _ = pages_features([(p, ev, v) for (p, ev, _), v in zip(batch, views, strict=True)])
    assert np.array_equal(again, x)


def test_initials_capitals_and_digits_counted_by_character_equal_the_patterns():
    import re

    from newsframe.lines import _char_counts, _Joined

    # by hand: initials are letters of [A-Za-z\u00c0-\u00ff] after a word boundary; × and ÷
    # are in that range but no word characters (an initial only right after a word: "a×b" has
    # three, "÷c" one); "_x" has none ("_" is a word character), "O'Neil" two; capitals are
    # A-Z and \u00c0-\u00de (× among them, ß not); digits are any decimal digit ("٣", not "½")
    texts = ["Storm Hits Élan", "a×b ÷c", "×÷ Þe ßx", "٣ dead, ½ gone 12", "", "_x O'Neil 3rd"]
    upper, initials, digits = _char_counts(_Joined.of(texts))
    assert upper.tolist() == [3, 1, 1, 0, 0, 2]
    assert initials.tolist() == [3, 4, 2, 2, 0, 2]
    assert digits.tolist() == [0, 0, 0, 3, 0, 1]
    # and as the patterns count them, over every character up to U+3000 and beyond
    initial, capital = re.compile(r"\b[A-Za-z\u00c0-\u00ff]"), re.compile(r"[A-Z\u00c0-\u00de]")
    chars = [chr(c) for c in range(0x3000) if c != 10 and not 0xD800 <= c < 0xE000]
    texts = [
        "".join(chars[i : i + 97]) + " x" + "".join(chars[i : i + 5])
        for i in range(0, len(chars), 89)
    ]
    texts += ["\U0001d7d8\U0001f600 A", "\ud800b"]
    found = [initial.findall(t) for t in texts]
    upper, initials, digits = _char_counts(_Joined.of(texts))
    assert initials.tolist() == [len(f) for f in found]
    assert upper.tolist() == [sum(bool(capital.match(c)) for c in f) for f in found]
    assert digits.tolist() == [len(re.findall(r"\d", t)) for t in texts]


def test_reader_address_outside_quotations_read_only_when_the_line_has_one():
    from newsframe.cleaning import _ADDRESS_LOW, _cues, _unquoted, load_rules

    # by hand: the address inside quotations does not count, outside it does, and a line
    # without the words at all has none
    rules = load_rules()
    lines = ['He said: "you must go."', "'Thank you', he said.", "Tell us what 'you' think.",
             '"Go," we said.', "The players' union met.", "No address here.", 'a"x"us "b"we']  # fmt: skip
    assert [_cues(line, rules)[1] for line in lines] == [
        False,
        False,
        True,
        True,
        False,
        False,
        True,
    ]
    assert [_cues(line, rules)[1] for line in lines] == [
        bool(_ADDRESS_LOW.search(_unquoted(line))) for line in lines
    ]


def test_vocabulary_columns_of_many_openings_equal_a_per_opening_reading():
    from dataclasses import replace

    from newsframe.lines import _vocabulary_ids, load_line_model

    # a vocabulary by hand: words, pairs, a pair whose words are not terms themselves, a pair
    # whose first word opens no other pair
    terms = ("sign", "up", "newsletter", "sign up", "our newsletter", "read more", "0", "the")
    model = replace(load_line_model(), terms=terms, term_weights=np.zeros((5, len(terms))))
    openings = ["sign up for our newsletter", "", "read more read more", "the the sign",
                "up sign", "0 0 newsletter", "more read", "sign up sign up"]  # fmt: skip
    expected = [(0, 1, 2, 3, 4), (), (5,), (7, 0), (1, 0), (6, 2), (), (0, 1, 3)]
    assert _vocabulary_ids(openings, model) == expected
    # and as a plain reading of each opening gives them (words in turn, then pairs, each once)
    vocabulary = {t: j for j, t in enumerate(terms)}

    def plain(opening: str) -> tuple[int, ...]:
        forms = opening.split(" ")
        pairs = [f"{a} {b}" for a, b in itertools.pairwise(forms)]
        found = [vocabulary.get(t) for t in forms + pairs]
        return tuple(dict.fromkeys(j for j in found if j is not None))

    words = ["sign", "up", "read", "more", "our", "newsletter", "0", "the", "x"]
    rng = np.random.default_rng(0)
    many = [" ".join(rng.choice(words, rng.integers(0, 13))) for _ in range(300)]
    assert _vocabulary_ids(many, model) == [plain(o) for o in many]


def test_possessive_word_pattern_finds_what_the_plain_one_finds():
    import re

    from newsframe.lines import _WORD

    # by hand: inner apostrophes and hyphens join, a trailing one does not; numbers keep
    # their separators
    assert _WORD.findall("o'neil's well- known -x 1,200.5: a'") == [
        "o'neil's", "well", "known", "x", "1,200.5:", "a"]  # fmt: skip
    plain = re.compile(r"[^\W\d_][^\W_]*(?:['-][^\W_]+)*|\d[\d.,:]*")
    alphabet = "aZ9_'-.,: \n\u00e9\u0663\u00bd"
    for n in range(1, 5):
        for chars in itertools.product(alphabet, repeat=n):
            text = "".join(chars)
            assert _WORD.findall(text) == plain.findall(text), text


def test_distinct_keys_by_table_or_hashing_equal_a_sort():
    from newsframe.lines import _unique

    # by hand: a small range is marked in a table, a wide one hashed; both ascending, once each
    assert _unique(np.array([5, 3, 5, 4, 3], dtype=np.int64)).tolist() == [3, 4, 5]
    assert _unique(np.array([10**12, -7, 10**12, 0], dtype=np.int64)).tolist() == [-7, 0, 10**12]
    assert _unique(np.zeros(0, dtype=np.int64)).tolist() == []
    rng = np.random.default_rng(1)
    for size, spread in [(1, 3), (50, 20), (1000, 10**9), (5000, 3000)]:
        keys = rng.integers(-spread, spread, size)
        got = _unique(keys)
        assert got.dtype == keys.dtype and got.tolist() == sorted(set(keys.tolist()))


def test_weekday_dates_found_in_lines_outside_ascii():
    from newsframe.lines import _weekday_dates

    # by hand: a weekday with a full date, in any case, on a line with other scripts or a
    # character whose lowercase is longer ("İ": two characters), and none without the year
    lines = ["İstanbul — SATURDAY, Oct. 27, 2018: rescuers", "Σ on Friday 24 June 2022",
             "on Saturday, Oct. 27", "Saturday, Oct. 27, 2018", "İİİ today"]  # fmt: skip
    assert _weekday_dates(lines).tolist() == [True, True, False, True, False]


def test_a_line_with_single_spaces_is_kept_as_it_is_else_its_words_joined():
    from newsframe.lines import _spaced

    # by hand: single inner spaces stay; any other whitespace, a run of it or whitespace at an
    # end is made one space between the words, as " ".join(text.split()) does
    assert _spaced("Storm hits the coast.") == "Storm hits the coast."
    assert _spaced(" Storm  hits\tthe\u00a0coast.\u2028") == "Storm hits the coast."
    assert _spaced("a\u200bb c\xad") == "a\u200bb c\xad"  # not whitespace: kept
    spaces = [
        " ",
        "\t",
        "\n",
        "\x0b",
        "\x1c",
        "\x85",
        "\xa0",
        "\u2007",
        "\u2028",
        "\u3000",
        "\u200b",
    ]
    for chars in itertools.product([*spaces, "a", "."], repeat=4):
        text = "".join(chars)
        assert _spaced(text) == " ".join(text.split()), repr(text)


def test_a_normalised_line_handed_on_finds_the_row_of_its_normal_form():
    from newsframe.lines import _LineTable

    # by hand: "Storm  hits" and "Storm hits" are one row; "a  -  b" normalises to "a - b",
    # whose own normal form is "a — b" (a spaced hyphen between words): another row
    table = _LineTable()
    first = table.rows(["Storm  hits the coast", "a  -  b", "\u201cQuoted\u201d line"]).tolist()
    again = table.rows(["Storm hits the coast", "a - b", "a \u2014 b", '"Quoted" line']).tolist()
    assert again[0] == first[0] and again[3] == first[2]
    assert again[1] == again[2] != first[1]
    assert table.low[again[1]] == "a \u2014 b" and table.low[first[1]] == "a - b"


def test_readings_kept_per_rule_set_answer_for_that_rule_set():
    from dataclasses import replace

    from newsframe.cleaning import _classify, _credit, load_rules

    # by hand: the tail after the last full stop has four capitalised words, a weak credit
    # under the shipped rules (at most six such words) and none when at most two are allowed;
    # "Read more" is a navigation link under the shipped rules and nothing without line rules.
    # The same line read in turn under each rule set, twice: a reading kept for the line alone
    # would answer the second rule set with the first's answer.
    shipped = load_rules()
    tight, bare = replace(shipped, max_credit_words=2), replace(shipped, lines=())
    line = "Talks ended late in the evening. John Smith Harbour Studio"
    assert [_credit(line, r) for r in (shipped, tight, shipped, tight)] == [1, 0, 1, 0]
    assert [_classify("Read more", r, False)[0] for r in (shipped, bare, shipped, bare)] == [
        "navigation link",
        None,
        "navigation link",
        None,
    ]


def test_line_evidence_is_one_object_per_distinct_value():
    from newsframe.cleaning import line_evidence, load_rules

    # by hand: two different body sentences carry the same evidence (body verdict, a sentence,
    # nothing else), the navigation link its own; the two equal ones are one object
    rules = load_rules()
    texts = ["The bus left the depot at noon.", "The ferry left the harbour at dawn.", "Read more"]
    lines = [(i, t, t) for i, t in enumerate(texts)]
    got = line_evidence(lines, [None, None, "navigation link"], [None, None, "navigation link"],
                        rules)  # fmt: skip
    body = Evidence("body", False, False, False, False, True, 0)
    assert got == [body, body, Evidence("chrome", True, True, False, False, False, 0)]
    assert got[0] is got[1]


def test_rules_sent_to_a_worker_leave_the_readings_kept_behind():
    import pickle

    from newsframe.cleaning import _credit, load_rules

    # by hand: the same weak credit as above (four capitalised words after the last stop)
    rules = load_rules()
    line = "Talks ended late in the evening. John Smith Harbour Studio"
    assert _credit(line, rules) == 1 and line in rules.credited
    copy = pickle.loads(pickle.dumps(rules))
    assert copy.credited == {} and copy.evidence == {} and copy.classified == {}
    assert _credit(line, copy) == 1 and rules.credited


def test_a_text_read_as_normalised_is_what_normalise_gives_back():
    from newsframe.text import is_normalised, normalise

    # by hand: a curly quote, an ellipsis character, a soft hyphen, a decomposed accent, a
    # spaced hyphen and two spaces are each changed by normalise; an em dash, a composed
    # accent and a straight quote are not
    assert is_normalised("caf\u00e9 \u2014 'ok'")
    for text in ["it\u2019s", "wait\u2026", "co\u00adop", "cafe\u0301", "a - b", "a  b", "a`b"]:
        assert not is_normalised(text), repr(text)
    # every text of a small alphabet: whenever it is read as normalised, normalise returns it
    # as it is (the converse need not hold: "a -" is left as it is, but has a hyphen to check)
    alphabet = ["a", " ", "-", "e", "\u0301", "\u00ad", "\u00e9", "\u2019", "`", "\u2014", "\t"]
    for chars in itertools.product(alphabet, repeat=4):
        text = "".join(chars)
        if is_normalised(text):
            assert normalise(text) == text, repr(text)


def test_sentence_shape_of_ascii_lines_read_by_pattern_equals_the_word_loop():
    from newsframe.cleaning import _WORD, _sentence_like

    def plain(line: str) -> bool:  # the definition, word by word over every word
        words = _WORD.findall(line)
        lower = [w[:1].islower() and len(w) > 1 and w.isalpha() for w in words[1:]]
        return line.rstrip()[-1:] in ".!?" and len(words) >= 4 and sum(lower) >= 2

    # by hand: two lowercase words after the first; a title-case label; "re-run" and "U.S" are
    # no lowercase words of letters; three words are too few
    assert _sentence_like("Officials said it rained.")
    assert not _sentence_like("Sign In To Continue.")
    assert not _sentence_like("Talks re-run U.S Plan.")
    assert not _sentence_like("It rained today.")
    # ASCII texts of up to twelve pieces (words of both cases, a letter, a digit, an
    # underscore, joiners, spaces), ended by a full stop: every one of three pieces, then
    # 50,000 drawn with a fixed seed
    pieces = ["ab", "Ab", "a", "x1", "1", "_", "'", "-", " ", "  ", "b-c", "d'e", "U.S"]
    rng = np.random.default_rng(18)
    texts = [list(p) for p in itertools.product(pieces, repeat=3)]
    texts += [rng.choice(pieces, size=rng.integers(1, 13)).tolist() for _ in range(50_000)]
    answers = set()
    for chars in texts:
        line = "".join(chars) + "."
        answers.add(_sentence_like.__wrapped__(line))
        assert _sentence_like.__wrapped__(line) == plain(line), repr(line)
    assert answers == {True, False}
