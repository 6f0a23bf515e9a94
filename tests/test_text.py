"""Normalisation, sentence splitting and tokenising, checked on hand-worked examples."""

from __future__ import annotations

import itertools
import re

import pytest
from conftest import KURIL

import newsframe as nf
from newsframe.corpus import Article
from newsframe.terms import count_terms
from newsframe.text import fold_accents, lemmatize


def test_normalise_unifies_quotes_dashes_spaces_and_ellipsis():
    raw = "\u201cNo\u00a0conflicts,\u201d he said \u2013 \u2018really\u2019\u2026 \u201danachronism"
    assert nf.normalise(raw) == '"No conflicts," he said \u2014 \'really\'... "anachronism'


def test_normalise_nfc_and_zero_width():
    assert nf.normalise("Cafe\u0301\u200b news") == "Caf\u00e9 news"


def test_tokens_of_the_issue_example():
    text = "Russia\u2019s \u201cmutually-acceptable\u201d 19,434-strong Kuril Islands"
    assert nf.tokenize(text) == [
        "Russia's",
        "mutually-acceptable",
        "19,434-strong",
        "Kuril",
        "Islands",
    ]
    frame = nf.tokens_frame([Article("x", "", (text,))], resources=KURIL)
    assert frame.token.tolist() == [
        "Russia's",
        "mutually-acceptable",
        "19,434-strong",
        "Kuril Islands",
    ]
    assert frame.lemma.tolist() == [
        "russia",
        "mutually-acceptable",
        "19,434-strong",
        "kuril island",
    ]
    assert frame.is_stop.tolist() == [False, False, False, False]


@pytest.mark.parametrize(
    ("token", "lemma"),
    [("islands", "island"), ("Islands", "island"), ("Russia's", "russia"), ("Russians'", "russian"),
     ("claimed", "claim"), ("media", "media"), ("19,434", "19,434"), ("U.S.", "u.s.")],
)  # fmt: skip
def test_lemmas(token, lemma):
    assert nf.lemmatize(token) == lemma


def test_tokenize_numbers_acronyms_and_punctuation():
    assert nf.tokenize("On Dec. 15, the U.S. paid $2.5 million (50%).") == [
        "On", "Dec", "15", "the", "U.S.", "paid", "2.5", "million", "50%",
    ]  # fmt: skip


def test_split_tricky_paragraph():
    paragraph = (
        "The Russian president gave the interview before a planned visit to Japan on Dec. 15, when "
        'he is scheduled to meet with Mr. Abe. Relations with the U.S. are strained. "Japan believes '
        'that we have territorial disagreements," Putin said. "Is it close?" he asked \u2014 no one '
        "answered. Talks resume in Feb. 2019! J. Smith reported."
    )
    assert nf.split_sentences(paragraph) == [
        "The Russian president gave the interview before a planned visit to Japan on Dec. 15, when "
        "he is scheduled to meet with Mr. Abe.",
        "Relations with the U.S. are strained.",
        '"Japan believes that we have territorial disagreements," Putin said.',
        '"Is it close?" he asked \u2014 no one answered.',
        "Talks resume in Feb. 2019!",
        "J. Smith reported.",
    ]


def test_blank_line_always_ends_a_sentence():
    assert nf.split_sentences("A headline without a stop\n\nThe body starts here.") == [
        "A headline without a stop",
        "The body starts here.",
    ]


def test_split_sentences_join_their_white_space():
    # runs of spaces, tabs, line breaks and no-break spaces inside a sentence become one space
    # (a text of single spaces only is returned as split)
    text = "One  two.\tThree\u00a0four.\nFive\r\nsix. Seven eight."
    assert nf.split_sentences(text) == ["One two.", "Three four.", "Five six.", "Seven eight."]
    assert nf.split_sentences("One two. Three four.") == ["One two.", "Three four."]


def test_split_empty_text():
    assert nf.split_sentences("") == []
    assert nf.split_sentences("   \n\n  ") == []


def test_phrases_merge_longest_first_and_are_never_stopwords():
    article = Article(
        "x", "", ("Japan and Russia never signed a peace treaty after World War II.",)
    )
    frame = nf.tokens_frame([article])
    assert "peace treaty" in frame.lemma.tolist()
    assert "world war ii" in frame.lemma.tolist()
    assert not frame.loc[frame.lemma == "world war ii", "is_stop"].item()
    plain = nf.tokens_frame([article], phrases=False)
    assert len(plain) == len(frame) + 3  # "peace treaty" (2 -> 1) and "World War II" (3 -> 1)


def test_extra_phrases_and_stopwords():
    article = Article("x", "", ("Putin said the Akita dog was a gift.",))
    frame = nf.tokens_frame([article], phrases=["Akita dog"], stopwords=["said"])
    assert frame.token.tolist() == ["Putin", "said", "the", "Akita dog", "was", "a", "gift"]
    assert frame.is_stop.tolist() == [False, True, True, False, True, True, False]


def test_tokens_frame_ids_and_positions():
    article = Article("a1", "", ("One two. Three.", "Four five six."))
    frame = nf.tokens_frame([article], phrases=False)
    assert frame.columns.tolist() == [
        "article_id", "paragraph_id", "sentence_id", "position", "token", "lemma", "is_stop",
        "is_term",
    ]  # fmt: skip
    assert frame.paragraph_id.tolist() == [0, 0, 0, 1, 1, 1]
    assert frame.sentence_id.tolist() == [0, 0, 1, 2, 2, 2]
    assert frame.position.tolist() == [0, 1, 2, 3, 4, 5]


def test_sentences_frame_on_seeds(seeds):
    frame = nf.sentences_frame(seeds)
    assert frame.groupby("article_id").size().to_dict() == {
        "mt-2016-12-13": 10,
        "mt-2019-01-23": 11,
    }
    first = frame[frame.article_id == "mt-2016-12-13"].sentence.iloc[0]
    assert first.startswith('Russia has "no territorial conflicts with Japan,"')


def test_normalise_ascii_tabs_backticks_and_carriage_returns():
    assert nf.normalise("Russia`s\tclaim\r\n") == "Russia's claim\n"
    assert nf.normalise("plain ascii stays as it is") == "plain ascii stays as it is"


def test_lemma_exceptions_file_keeps_news_words_apart():
    exceptions = nf.text.load_lemma_exceptions()
    assert exceptions["according"] == "according"  # simplemma alone gives "accord"
    assert nf.lemmatize("According") == "according"
    assert nf.lemmatize("accords") == "accord"


def test_indefinite_pronouns_are_no_content_terms():
    # "No one", "Nobody", "anything", "someone": no content term among them; counted by eye the
    # terms left are injure, crane, fall, see, hear
    article = nf.Article("a", "", ("No one was injured when the crane fell. Nobody saw anything, "
                                   "but someone heard it.",))  # fmt: skip
    terms = sorted(nf.term_frequencies([article])["term"])
    assert terms == ["crane", "fall", "hear", "injure", "see"]


# --- issue 20, item 13: term keys a reader expects (worked out by hand) -----------------------


def test_proper_nouns_are_not_lemmatised():
    # "United States" is a name: lowercased, never "unite state"; a capitalised common word at a
    # sentence start is still lemmatised ("Leaders" -> "leader"), and "Russians" -> "russian"
    frame = nf.tokens_frame([Article("a", "", ("Leaders of the United States and Russians met.",))],
                            phrases=False)  # fmt: skip
    assert frame.lemma.tolist() == ["leader", "of", "the", "united", "states", "and", "russian",
                                    "meet"]  # fmt: skip


def test_us_spellings_are_one_term_and_not_a_stopword():
    article = Article("a", "", ("The U.S. and the US agree. They told us.",))
    counts = count_terms([article])
    row = dict(zip(counts.terms, counts.counts.toarray()[0].tolist(), strict=True))
    # "U.S." and "US" are one term counted twice; the pronoun "us" is another term
    assert row["u.s."] == 2
    assert row["us"] == 1


def test_acronym_after_a_hyphen_stays_whole():
    assert nf.tokenize("China-U.S. relations") == ["China-U.S.", "relations"]
    assert lemmatize("China-U.S.") == "china-u.s."
    counts = count_terms([Article("a", "", ("China-U.S. relations soured.",))])
    assert "china-u" not in set(counts.terms) and "s" not in set(counts.terms)


def test_per_cent_is_one_term_with_percent():
    article = Article("a", "", ("Support fell 5 per cent. It was ten percent.",))
    counts = count_terms([article])
    row = dict(zip(counts.terms, counts.counts.toarray()[0].tolist(), strict=True))
    assert row["percent"] == 2  # "per cent" (merged) + "percent"
    assert "cent" not in row and "per cent" not in row


def test_accents_fold_in_the_key_only():
    article = Article("a", "", ("The communiqué and the communique differ.",))
    counts = count_terms([article])
    assert (
        dict(zip(counts.terms, counts.counts.toarray()[0].tolist(), strict=True))["communique"] == 2
    )
    frame = nf.tokens_frame([article])
    assert "communiqué" in frame.token.tolist()  # the text keeps its accent


def test_numbers_dates_and_other_scripts_are_not_terms():
    text = (
        "On Dec. 15, 2016 Abe (安倍晋三) met Putin on Monday; 3.5% of 19,434 said no on the 15th."
    )
    article = Article("a", "", (text,))
    counts = count_terms([article])
    # by hand: content words abe, meet, putin, say; "no" and "on"/"of"/"the" are stopwords
    assert list(counts.terms) == ["abe", "meet", "putin", "say"]
    frame = nf.tokens_frame([article], phrases=False)
    # they stay in the text and are audited: 8 of the 18 tokens are no term
    not_terms = frame.loc[~frame.is_term, "token"].tolist()
    assert not_terms == ["Dec", "15", "2016", "安倍晋三", "Monday", "3.5%", "19,434", "15th"]
    assert counts.n_tokens.tolist() == [len(frame)] == [18]


def test_ascii_token_finds_what_token_finds_on_ascii_text():
    """The ASCII twin of the tokenizer: hand-listed tokens of a tricky line, then every ASCII
    string of up to four characters drawn from those the pattern treats apart."""
    from newsframe.text import ASCII_TOKEN, TOKEN

    line = "The U.S. and China-U.S. talks: 19,434-strong, 3.5%, 15th, G7, Russia's co-op _x_ a.b"
    assert ASCII_TOKEN.findall(line) == [
        "The", "U.S.", "and", "China-U.S.", "talks", "19,434-strong", "3.5%", "15th", "G7",
        "Russia's", "co-op", "x", "a", "b",
    ]  # fmt: skip
    assert ASCII_TOKEN.findall(line) == TOKEN.findall(line)
    _same_spans(ASCII_TOKEN, TOKEN, "aZ09.,:'-_% st", 4)


def test_token_finds_what_its_three_rules_written_apart_find():
    """TOKEN matches the opening letter of acronyms and words once for both; the reference is
    the three alternatives written apart (acronym, number, word), tried in that order."""
    from newsframe.text import TOKEN

    apart = re.compile(
        r"(?:[^\W\d_]\.){2,}"
        r"|\d+(?:[.,:]\d+)*(?:%|st|nd|rd|th)?(?:-[^\W_]+)*"
        r"|[^\W\d_][^\W_]*(?:['-](?:(?:[^\W\d_]\.){2,}|[^\W_]+))*"
    )
    line = "U.S. U.S.A. U.x e.g. China-U.S. a-B.C. Russia's x'y'z 3rd-place 1.2.3 \u00e9t\u00e9-\u0416.\u0416."
    assert TOKEN.findall(line) == [
        "U.S.", "U.S.A.", "U", "x", "e.g.", "China-U.S.", "a-B.C.", "Russia's", "x'y'z",
        "3rd-place", "1.2.3", "\u00e9t\u00e9-\u0416.\u0416.",
    ]  # fmt: skip
    assert TOKEN.findall(line) == apart.findall(line)
    _same_spans(TOKEN, apart, "aZ\u00e909.'-%s \u0416", 5)


def _same_spans(pattern: re.Pattern, reference: re.Pattern, alphabet: str, longest: int) -> None:
    """Every text of 1 to ``longest`` characters of ``alphabet``: ``pattern`` finds the spans
    ``reference`` finds."""
    for n in range(1, longest + 1):
        for chars in itertools.product(alphabet, repeat=n):
            text = "".join(chars)
            assert [m.span() for m in pattern.finditer(text)] == [
                m.span() for m in reference.finditer(text)
            ], text


@pytest.mark.parametrize(
    ("word", "folded"),
    [
        ("José", "Jose"),  # é: e and a combining acute
        ("Łukasz", "Lukasz"),  # Ł: a stroke that never decomposes, written L in English text
        ("søren", "soren"),  # ø: likewise o
        ("Strauß", "Strauss"),  # ß: two letters, ss
        ("김정은", "김정은"),  # Hangul: three syllables kept as they are (never dropped)
        ("Αλέξης", "Αλεξης"),  # Greek: the tonos goes, the letters stay
        ("Lee", "Lee"),
    ],
)
def test_one_accent_fold_for_terms_and_names(word, folded):
    assert fold_accents(word) == folded


def test_two_names_in_another_script_never_fold_to_one():
    assert fold_accents("김정은") != fold_accents(
        "김정일"
    )  # two people; ASCII folding made both ""
