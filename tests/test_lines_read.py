"""The line model's text features, read for many lines at once (one tokenisation per line,
patterns over the joined lines, counts as array operations), equal a straightforward reading of
each line by itself, written out here from the features' definitions; compared column by column
by feature name on hand-made pages, with the rules' evidence, repetition and the neighbours'
columns, and the terms and content words of every line."""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter

import numpy as np
import pytest
from wordfreq import top_n_list

from newsframe import lines as L
from newsframe.lines import FEATURES, Evidence, _content, _norm, line_terms, pages_features
from newsframe.text import load_stopwords

NAMES = [name for name, _, _ in FEATURES]
STOPWORDS = load_stopwords()
COMMON = frozenset(top_n_list("en", L.COMMON_WORDS))
WORD = re.compile(r"[^\W\d_][^\W_]*(?:['-][^\W_]+)*|\d[\d.,:]*")  # the project's tokenizer
INITIAL = re.compile(r"\b[A-Za-z\u00c0-\u00ff]")
CAPITAL = re.compile(r"[A-Z\u00c0-\u00de]")
TEXT = [
    "words", "short", "stopwords", "final_stop", "colon", "lowercase", "title_case", "capitals",
    "digits", "separators", "link", "verb", "quote", "date", "photo_word", "bullet", "ellipsis",
    "question", "full_date", "photo_verb", "credit_end", "caption_verb", "attribution",
    "weekday_date",
]  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _day(word: str) -> bool:
    """A day of the month: one or two digits, an ordinal ending or none ("27", "2nd")."""
    digits = word[:-2] if word[-2:] in ("st", "nd", "rd", "th") else word
    return digits.isdigit() and len(digits) <= 2


def weekday_date(line: str) -> bool:
    """A weekday, then a month (after a day or not), then a four-digit year (after a day or
    not), word by word (not by the module's pattern)."""
    words = re.findall(r"\w+", line.lower())
    for i, w in enumerate(words):
        rest = words[i + 1 : i + 5]
        if w not in WEEKDAYS:
            continue
        if rest and _day(rest[0]):
            rest = rest[1:]
        if not rest or rest[0][:3] not in MONTHS or len(rest[0]) > 9:
            continue
        rest = rest[2:] if len(rest) > 1 and _day(rest[1]) else rest[1:]
        if rest and rest[0].isdigit() and len(rest[0]) == 4:
            return True
    return False


RULES = ["address", "imperative", "credit", "sentence", "rule_phrase", "rule_headline",
         "rule_caption", "rule_label", "rule_chrome", "repeated_page", "repeated_outlet"]  # fmt: skip
SPLIT = "The government announced on Tuesday that the new flood defences along the river will be "
PAGES = [
    [
        "Menu | Home | World",
        "Storm Hits Élan Coast",
        "By Jane Roe | 12 March 2024, 10:30",
        "The storm hit the coast on Monday, officials said, and thousands of homes lost power.",
        "Rescue workers search the rubble of the harbour wall. (Jane Doe/AP)",
        "A woman walks past a flooded car in the town centre.",
        "Rescuers are seen carrying a boy, left, from the water.",
        "- Sign up for our newsletter",
        "1) Read more at www.example.com",
        "Share this…",
        "What happens next?",
        "Watch:",
        'The mayor told reporters: "We will rebuild."',
        "Photo: Getty Images",
        "Menu | Home | World",
        "Rescuers search the harbour on Saturday, Oct. 27, 2018, in the town.",
        "Crowds gather on Friday 24 June 2022 outside the court",
        "It rained on Saturday and in March 2018 too.",
        "THE FLOOD IN PICTURES",
        "ßtraße und Öl im Hafen × ÷ a×b",
        "Monday, March 3",
        "Date 2020",
        "It was 1999-12 already; 3D models, x_y and don't-stop words.",
    ],
    [
        SPLIT + "finished by the end of next year, according to a statement from the ministry.",
        SPLIT[:-1] + "-finished-by-the-end of next year, the minister added in a long interview.",
        "x" * 120 + " then a few words after the first hundred characters and so on.",
        "Word " * 50,
        "Search teams search the area; they will search again tomorrow and search after that.",
        "Wait",
        "They will search the area again and the search goes on.",
        "[...]",
        "Jan 12 2024 – Sept. 3",
        "3 Dead in Ellen Storm",
        "@newsroom #storm › more",
        "In the early hours of the day firefighters search the rubble of the old harbour.",
        "In the early hours of the day two firefighters search the rubble of the harbour.",
        "xxx "
        * 24
        + "about the cut: a stopword across the hundredth character, read cut in the head "
        "and whole in the content window, which runs on to the two hundredth character here.",
    ],
]


def reference(line: str) -> tuple[dict[str, float], tuple[str, ...]]:
    """The text features (by name) and terms of one line, read by itself: its normalised text's
    first 100 characters for the words and patterns, its end for the end features."""
    line = _norm(line)
    head, low = line[:100], line[:100].lower()
    tokens = WORD.findall(low)
    k = len(tokens)
    n = k + (line.count(" ", 100) if len(line) > 100 else 0)
    vocab = set(tokens)
    initials = INITIAL.findall(head)
    upper = sum(1 for c in initials if CAPITAL.fullmatch(c))
    lower = len(initials) - upper - (head[:1] in L._LOWER_FIRST)
    digits = sum(c.isdecimal() for c in head)
    end = line.rstrip()[-12:]
    month = bool(vocab & L._MONTHS)
    verb = bool(vocab & L._VERBS) or any(len(w) > 4 and w.endswith("ed") for w in tokens)
    caption = any(tokens[j] in L._CAPTION_VERBS and tokens[j - 1] not in L._NOT_BEFORE_VERB
                  for j in range(1, min(k, 8)))  # fmt: skip
    tail = line[-80:]
    values = [
        math.log1p(n), n <= 4, sum(w in STOPWORDS for w in tokens) / k if k else 0.0,
        L._STOP_END.search(end) is not None, end.endswith(":"),
        lower / (k - 1) if k > 1 else 0.0, upper / k if k else 0.0,
        head.upper() == head and low != head, digits / max(1, len(head)),
        any(c in head for c in "|#@•›»"), any(s in low for s in L._LINKS), verb, '"' in head,
        (month and digits > 0) or low.startswith("date ") or L._TIME.search(head) is not None,
        bool(vocab & L._PHOTO_WORDS), L._BULLET.match(head) is not None,
        L._ELLIPSIS.search(end) is not None, end.endswith("?"),
        month and (digits >= 4 or bool(vocab & L._WEEKDAYS)),
        bool(vocab & L._PHOTO_VERBS) or any(p in low for p in L._PHOTO_PHRASES),
        ("(" in tail or ":" in tail or "/" in tail) and L._CREDIT_END.search(tail) is not None,
        caption, bool(vocab & L._ATTRIBUTION), weekday_date(line),
    ]  # fmt: skip
    opening = tokens[:12]
    if len(line) > 100 and k <= 12 and not head[-1].isspace():
        opening = opening[:-1]
    opening = ["0" if w[:1].isdigit() else w for w in opening]
    terms = tuple(dict.fromkeys([*opening, *(f"{a} {b}" for a, b in itertools.pairwise(opening))]))
    return dict(zip(TEXT, map(float, values), strict=True)), terms


def reference_content(line: str) -> tuple[frozenset[str], float]:
    """The content words of one line (its first 200 characters) and the share that are rare."""
    found = set(WORD.findall(_norm(line)[:200].lower())) - STOPWORDS
    words = frozenset(w for w in found if len(w) > 2 and w[0].isalpha())
    return words, len(words - COMMON) / len(words) if words else 0.0


def evidence(lines: list[str]) -> list[Evidence]:
    """Evidence of every kind, dealt to the lines in turn."""
    kinds = [Evidence(), Evidence("chrome", phrase=True, imperative=True), Evidence("headline"),
             Evidence("caption", credit=True), Evidence("label", address=True),
             Evidence(sentence=True, repeats=2), Evidence("chrome", repeats=5)]  # fmt: skip
    return [kinds[i % len(kinds)] for i in range(len(lines))]


def reference_rules(lines: list[str], ev: list[Evidence]) -> list[dict[str, float]]:
    """The evidence and repetition columns of one page, by name."""
    seen = Counter(_norm(s).lower() for s in lines)
    return [
        {"address": e.address, "imperative": e.imperative, "credit": e.credit,
         "sentence": e.sentence, "rule_phrase": e.phrase, "rule_headline": e.verdict == "headline",
         "rule_caption": e.verdict == "caption", "rule_label": e.verdict == "label",
         "rule_chrome": e.verdict == "chrome", "repeated_page": seen[_norm(s).lower()] > 1,
         "repeated_outlet": math.log1p(e.repeats)}
        for s, e in zip(lines, ev, strict=True)
    ]  # fmt: skip


def _expected(page: list[str]) -> list[dict[str, float]]:
    ev = evidence(page)
    rows = [{**reference(s)[0], **{k: float(v) for k, v in r.items()}}
            for s, r in zip(page, reference_rules(page, ev), strict=True)]  # fmt: skip
    for i, row in enumerate(rows):  # the neighbours' context columns
        for side, j in (("prev", i - 1), ("next", i + 1)):
            there = rows[j] if 0 <= j < len(rows) else None
            row[f"{side}_none"] = float(there is None)
            for name in L._CONTEXT:
                row[f"{side}_{name}"] = there[name] if there else 0.0
    return rows


def test_text_evidence_and_context_columns_equal_a_line_by_line_reading():
    x, starts = pages_features([(p, evidence(p), None) for p in PAGES])
    for page, a in zip(PAGES, starts[:-1].tolist(), strict=True):
        for i, want in enumerate(_expected(page)):
            for name, value in want.items():
                assert x[a + i, NAMES.index(name)] == value, (page[i], name)


def test_terms_and_content_words_equal_a_line_by_line_reading():
    for line in itertools.chain.from_iterable(PAGES):
        assert line_terms(line) == reference(line)[1], line
        assert _content(_norm(line)) == reference_content(line), line


def test_the_pages_hold_every_kind_of_line():
    # each 0/1 text feature is 1 on some line and 0 on another: the comparison can fail
    values = [reference(s)[0] for s in itertools.chain.from_iterable(PAGES)]
    for name in TEXT:
        if name not in ("words", "stopwords", "lowercase", "title_case", "digits"):
            assert {v[name] for v in values} == {0.0, 1.0}, name
    assert any(len(_norm(s)) > 200 for s in itertools.chain.from_iterable(PAGES))


@pytest.mark.parametrize("kept", [2, 10_000])
def test_a_full_line_table_starts_afresh_with_the_same_rows(monkeypatch, kept):
    # the table of lines read holds at most TABLE_LINES; past it, the next batch starts anew
    batch = [(p, evidence(p), None) for p in PAGES]
    x, _ = pages_features(batch)
    monkeypatch.setattr(L, "TABLE_LINES", kept)
    monkeypatch.setattr(L, "TOKENS_KEPT", kept)
    for _ in range(2):
        again, _ = pages_features(batch)
        assert np.array_equal(again, x)


def viterbi_reference(emit: list[list[float]], start, trans) -> list[int]:
    """The most likely state sequence of one page, state by state (ties: the lower state)."""
    n_states = len(start)
    score = [start[b] + emit[0][b] for b in range(n_states)]
    back = []
    for row in emit[1:]:
        step, new = [], []
        for b in range(n_states):
            a = max(range(n_states), key=lambda a: (score[a] + trans[a][b], -a))
            step.append(a)
            new.append(score[a] + trans[a][b] + row[b])
        back.append(step)
        score = new
    state = max(range(n_states), key=lambda b: (score[b], -b))
    path = [state]
    for step in reversed(back):
        state = step[state]
        path.append(state)
    return path[::-1]


@pytest.mark.parametrize("wide", [1, 1_000])  # each step state by state, or in one
def test_batched_viterbi_equals_a_page_by_page_decoder(monkeypatch, wide):
    monkeypatch.setattr(L, "VITERBI_WIDE", wide)
    rng = np.random.default_rng(7)
    model = L.load_line_model()
    sizes = [1, 2, 5, 3, 8, 1, 13, 4, 0, 6]
    emit = np.round(rng.normal(size=(sum(sizes), len(L.STATES))), 1)  # rounded: ties happen
    emit[rng.random(emit.shape) < 0.1] = -np.inf
    starts = np.concatenate([[0], np.cumsum(sizes)]).astype(np.intp)
    path = L._viterbi_pages(emit, L._Bounds.of(starts), model.start, model.transitions)
    start, trans = model.start.tolist(), model.transitions.tolist()
    for a, b in itertools.pairwise(starts.tolist()):
        if b > a:
            assert path[a:b].tolist() == viterbi_reference(emit[a:b].tolist(), start, trans)


@pytest.mark.parametrize("spread", [1, 10_000_000])  # a small range (a table), a wide one
def test_sorted_membership_by_table_or_binary_search(spread):
    rng = np.random.default_rng(3)
    held = np.unique(rng.integers(0, 500, size=200)) * spread
    key = rng.integers(-10, 510, size=1000) * spread
    assert L._sorted_in(key, held).tolist() == [v in set(held.tolist()) for v in key.tolist()]
    assert not L._sorted_in(key, held[:0]).any()


def test_a_batch_leaves_the_garbage_collector_as_it_found_it():
    import gc

    from newsframe.cleaning import clean_texts
    from newsframe.errors import InputError

    pages = ["Menu\n\nThe storm hit the coast on Monday, officials said.", "Share\n\nA fact."]
    assert gc.isenabled()
    assert len(clean_texts(pages, method="model")) == 2
    assert gc.isenabled()
    with pytest.raises(InputError):
        clean_texts([pages[0], None], method="model")  # type: ignore[list-item]
    assert gc.isenabled()


def test_reader_address_words_found_as_whole_words_only():
    from newsframe.cleaning import _ADDRESS_LOW, page_evidence

    # by hand: whole words we/our/ours/us/you/your/yours; not inside "yous", "usa", "bus",
    # "_us" (an underscore is a word character), "1we", "outward", "trust", "wee"
    text = "you and yours, our ours us, we; yous usa bus _us 1we outward trust wee"
    assert _ADDRESS_LOW.findall(text) == ["you", "yours", "our", "ours", "us", "we"]
    assert _ADDRESS_LOW.search("yous usa bus _us 1we outward trust wee") is None
    _, evidence = page_evidence("Tell us what you think\n\nThe bus left the depot at noon.")
    assert [e.address for e in evidence] == [True, False]


def test_sentence_ends_read_from_the_last_characters():
    from newsframe.cleaning import _ends_sentence, _sentence_like

    # by hand: the stop behind closing quotes, a footnote or a hashtag; a colon introduces
    assert _ends_sentence('He said "talks went on."') and _ends_sentence("Talks went on.[1]")
    assert _ends_sentence("Read these:") and not _ends_sentence("Talks. Went on")
    assert _sentence_like("Search teams found no survivors. #rescue")
    assert not _sentence_like("Read these:") and not _sentence_like("Sign In To Continue.")
