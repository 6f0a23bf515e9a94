"""Text-only features of a (quotation, candidate) pair on tiny hand-written paragraphs: every
expected value is read off the sentence by eye (where the name stands, what lies between)."""

from __future__ import annotations

import math
from types import SimpleNamespace

from newsframe.framing.speaker_context import CONTEXT_FEATURES, ArticleContext, _occurrences
from newsframe.framing.speakers import Speaker

VERBS = frozenset(["say", "tell"])


def _on(values: list[float]) -> set[str]:
    return {n for n, v in zip(CONTEXT_FEATURES, values, strict=True) if v == 1.0}


def _span(text: str, words: str) -> tuple[int, int]:
    k = text.index(words)
    return k, k + len(words)


def test_name_before_a_colon_quotation():
    text = 'Ann Lee said: "I will stay."'
    quote = _span(text, '"I will stay."')
    values = ArticleContext({}, VERBS).pair_values(text, quote, [_span(text, "Ann Lee")],
                                                   kind="person")  # fmt: skip
    assert _on(values) >= {"before", "same_sentence", "colon_between", "cand_verb_quote",
                           "opens_sentence", "first_person_person", "person"}  # fmt: skip
    assert not _on(values) & {"after", "comma_between", "told", "oblique", "quote_between"}
    assert values[list(CONTEXT_FEATURES).index("word_gap")] == math.log1p(1)  # "said"


def test_description_after_a_comma_tag():
    text = '"We will appeal," said the ministry.'
    quote = _span(text, '"We will appeal,"')
    values = ArticleContext({}, VERBS).pair_values(
        text, quote, [_span(text, "the ministry")], kind="organisation", source="description"
    )
    assert _on(values) >= {"after", "quote_verb_cand", "we_body", "description", "organisation",
                           "opens_paragraph", "same_sentence"}  # fmt: skip
    assert not _on(values) & {"before", "quote_cand_verb", "first_person_body", "person"}


def test_the_one_told_and_the_teller():
    text = 'Tom Reed told Ann Lee: "Go home."'
    quote = _span(text, '"Go home."')
    ctx = ArticleContext({}, VERBS)
    told = ctx.pair_values(text, quote, [_span(text, "Ann Lee")], kind="person")
    teller = ctx.pair_values(text, quote, [_span(text, "Tom Reed")], kind="person")
    assert "told" in _on(told) and "opens_sentence" not in _on(told)
    assert {"opens_sentence", "cand_verb_quote"} <= _on(teller) and "told" not in _on(teller)


def test_sentences_between():
    text = 'Ann Lee arrived. Then it rained. "Hello," he said.'
    quote = _span(text, '"Hello,"')
    values = ArticleContext({}, VERBS).pair_values(text, quote, [_span(text, "Ann Lee")],
                                                   kind="person")  # fmt: skip
    k = list(CONTEXT_FEATURES).index("sentence_gap")
    assert values[k] == math.log1p(2)  # two full stops between
    assert not _on(values) & {"same_sentence", "adjacent_sentence"}


def test_nobody_and_a_candidate_named_only_in_earlier_paragraphs():
    mentions = {"lee": [(0, 0, 7, "person"), (1, 0, 3, "person")]}
    ctx = ArticleContext(mentions, VERBS)
    assert ctx.counts(["lee"], 4) == (2, 2, 3)  # named twice, both before; last 3 back
    nobody = ctx.pair_values('"Yes."', (0, 6), [], source="unresolved")
    assert _on(nobody) == {"nobody", "opens_paragraph"}
    far = ctx.pair_values('"Yes."', (0, 6), [], kind="person", counts=(2, 2, 3))
    k = list(CONTEXT_FEATURES).index("paragraphs_back")
    assert far[k] == math.log1p(3) and "in_paragraph" not in _on(far)


def test_rows_of_one_quotation_mark_the_nearest_and_the_pronouns_antecedent():
    text = 'Ann Lee met Tom Reed. "We won," he said.'
    mentions = {"lee": [(0, 0, 7, "person")], "reed": [(0, 12, 20, "person")]}
    ctx = ArticleContext(mentions, VERBS)
    start, end = _span(text, '"We won,"')
    task = SimpleNamespace(text=text, quote=SimpleNamespace(start=start, end=end),
                           paragraph_id=0, partial=False, inside=lambda at: None)  # fmt: skip
    candidates = [(Speaker("lee", "Ann Lee", "name", "person"),),
                  (Speaker("reed", "Tom Reed", "name", "person"),),
                  (Speaker("unresolved", "", "unresolved"),)]  # fmt: skip
    rows = ctx.quotation_rows(task, candidates, lambda key: {key}, [False, True, False])
    lee, reed, nobody = (_on(r) for r in rows)
    assert "nearest" in reed and "nearest" not in lee  # Reed ends two words nearer
    assert "pronoun_antecedent" in reed and "pronoun_antecedent" not in lee  # "he": last person
    assert "previous_speaker" in reed and "nobody" in nobody


def test_occurrences_are_whole_words():
    assert _occurrences("Leeds and Lee", "Lee") == [(10, 13)]
    assert _occurrences("anything", "") == []


def test_a_statement_runs_until_the_next_named_frame_and_for_three_paragraphs():
    from newsframe.framing.speaker_context import STATEMENT_PARAGRAPHS, Statements

    runs = Statements()
    assert runs.run(0) is None and runs.share(["Ann Lee"]) == 0.0  # nothing framed yet
    runs.add(["Ann Lee"], 0, framed=True)  # '"...," Ann Lee said': no colon
    runs.add(["x"], 0, framed=False)  # '"...," she added': continues Ann Lee's statement
    assert runs.run(1) == (frozenset(["Ann Lee"]), 1, False)
    runs.add(["Tom Reed"], 2, framed=True, statement=True)  # 'Tom Reed said: "..."'
    assert runs.run(2) == (frozenset(["Tom Reed"]), 0, True)
    runs.add(["Ann Lee"], 3, framed=True)
    # two of three quotations framed by name are Ann Lee's; four quotations counted in all
    assert runs.share(["Ann Lee"]) == 2 / 3 and runs.quotes == 4
    assert runs.run(3 + STATEMENT_PARAGRAPHS) is not None
    assert runs.run(4 + STATEMENT_PARAGRAPHS) is None  # a statement ends three paragraphs on
