"""Tests for newsframe.language: which language a text is in, and what the corpus does with it.

The sentences are invented for these tests. The expected languages are those the sentences were
written in; the shares in the counting tests are worked out by hand from words whose lists are
named in the comments.
"""

from __future__ import annotations

import pytest

import newsframe as nf
from newsframe.article import Article
from newsframe.cleaning import NON_ENGLISH, clean_text
from newsframe.errors import NewsframeWarning
from newsframe.language import MIN_WORDS, PARAGRAPH_WORDS, clearly_english, guess_language

ENGLISH = (
    "The harbour authority said on Monday that the ferry service would resume next week, after "
    "engineers had checked the pier and the weather was expected to improve over the weekend."
)
SENTENCES = {
    "fr": "Le ministre a déclaré lundi que le service de ferry reprendrait la semaine prochaine, "
    "après que les ingénieurs ont vérifié la jetée et que le temps devrait s'améliorer.",
    "es": "El ministro dijo el lunes que el servicio de ferry se reanudará la próxima semana, "
    "después de que los ingenieros revisaron el muelle y se espera que el tiempo mejore.",
    "de": "Der Minister sagte am Montag, dass der Fährdienst in der nächsten Woche wieder "
    "aufgenommen wird, nachdem die Ingenieure den Pier geprüft haben und das Wetter besser wird.",
    "pt": "O ministro disse na segunda-feira que o serviço de balsa será retomado na próxima "
    "semana, depois que os engenheiros verificaram o cais e que o tempo deve melhorar.",
    "it": "Il ministro ha detto lunedì che il servizio di traghetto riprenderà la prossima "
    "settimana, dopo che gli ingegneri hanno controllato il molo e il tempo dovrebbe migliorare.",
    "id": "Menteri mengatakan pada hari Senin bahwa layanan kapal feri akan dibuka kembali minggu "
    "depan, setelah para insinyur memeriksa dermaga dan cuaca diperkirakan akan membaik.",
    "nl": "De minister zei maandag dat de veerdienst volgende week weer zal varen, nadat de "
    "ingenieurs de pier hebben gecontroleerd en het weer naar verwachting beter wordt.",
}


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_a_paragraph_in_each_language_is_named(lang):
    guess = guess_language(SENTENCES[lang])
    # Indonesian and Malay share most function words: either is "not English", the point here
    assert guess.language == lang or {guess.language, lang} == {"id", "ms"}
    assert not guess.is_english
    assert guess.other > guess.english


def test_english_is_english():
    guess = guess_language(ENGLISH)
    assert (guess.language, guess.is_english) == ("en", True)


def test_an_english_text_quoting_one_foreign_sentence_stays_english():
    text = f"{ENGLISH} {ENGLISH} The mayor wrote: \u201c{SENTENCES['fr']}\u201d {ENGLISH}"
    assert guess_language(text).language == "en"


def test_the_shares_are_counted_over_the_words():
    # 20 words: 5 of "est" (among French's commonest words only), 15 made-up ones
    guess = guess_language("est " * 5 + "zork " * 15)
    assert (guess.words, guess.other_language, guess.other, guess.english) == (20, "fr", 0.25, 0.0)
    assert guess.language == "fr"


def test_a_tie_with_english_stays_english():
    # 5 of "the" (English) and 5 of "est" (French) in 20 words: 0.25 each
    guess = guess_language("the " * 5 + "est " * 5 + "zork " * 10)
    assert (guess.english, guess.other) == (0.25, 0.25)
    assert guess.language == "en"


def test_too_few_words_are_undetermined_and_read_as_english():
    guess = guess_language("est " * (MIN_WORDS - 1))
    assert guess.words == MIN_WORDS - 1
    assert (guess.language, guess.is_english) == ("und", True)


def test_numbers_are_not_words():
    assert guess_language("12 34 56 le la les").words == 3


def test_a_text_in_another_script_no_list_claims_is_other():
    guess = guess_language(
        "運航会社によると、来週から増便する予定だ。嵐で止まっていた定期船が再開した。"
    )
    assert (guess.language, guess.is_english) == ("other", False)


def test_an_elided_article_counts_by_its_parts():
    # "l'incarico" is not listed, "l" is (French, Italian): one word, counted as a hit
    assert guess_language("l'incarico " * 20).other == 1.0


def test_same_text_same_answer():
    text = SENTENCES["es"] * 3
    assert guess_language(text) == guess_language(text)


def test_not_a_string_is_a_clear_error():
    with pytest.raises(nf.NewsframeError, match="guess_language"):
        guess_language(None)  # type: ignore[arg-type]


# --- the cleaner's note and the corpus's flag ------------------------------------------------

HEAD = "Ferry Service To Resume Next Week"
LONG_FRENCH = SENTENCES["fr"] + " " + SENTENCES["fr"]  # over PARAGRAPH_WORDS words


def _page(*paragraphs: str) -> str:
    return "\n\n".join((HEAD, *paragraphs)) + "\n"


def test_a_long_foreign_paragraph_in_an_english_article_is_kept_with_a_note():
    assert len(LONG_FRENCH.split()) >= PARAGRAPH_WORDS
    result = clean_text(_page(ENGLISH, ENGLISH, LONG_FRENCH, ENGLISH))
    assert LONG_FRENCH in result.paragraphs and len(result.paragraphs) == 4
    assert [(r.text, r.reason) for r in result.notes] == [(LONG_FRENCH, NON_ENGLISH)]


def test_a_short_foreign_line_gets_no_note():
    short = "Le ministre a parlé lundi."
    result = clean_text(_page(ENGLISH, short, ENGLISH))
    assert result.notes == ()


def test_an_english_article_gets_no_flag_and_no_warning(tmp_path, recwarn):
    path = tmp_path / "ferry.txt"
    path.write_text(_page(ENGLISH, ENGLISH, ENGLISH), encoding="utf-8")
    article = nf.load_article(path)
    assert article.language.is_english
    assert not [w for w in recwarn if issubclass(w.category, NewsframeWarning)]


def test_a_french_article_is_kept_flagged_and_named_in_a_warning(tmp_path):
    path = tmp_path / "traversier.txt"
    path.write_text(
        _page(SENTENCES["fr"], "Les passagers étaient contents de la nouvelle et de la date.",
              LONG_FRENCH),
        encoding="utf-8",
    )  # fmt: skip
    with pytest.warns(
        NewsframeWarning,
        match=r"traversier\.txt: the whole text is not in English \(it reads as French.*"
        r"English measures .* will not read it",
    ):
        article = nf.load_article(path)
    assert article.language.language == "fr" and not article.language.is_english
    assert len(article.paragraphs) == 3  # kept, never dropped


def test_the_flag_of_an_article_made_in_code():
    assert Article("a1", "T", SENTENCES["de"]).language.language == "de"
    assert Article("a2", "T", ENGLISH).language.is_english


def test_the_quick_screen_counts_the_of_and_against_the_words():
    # 40 words: two of "the" are a twentieth (English), one is not
    assert clearly_english("the zork " * 2 + "zork " * 36)
    assert not clearly_english("the " + "zork " * 39)
    assert not clearly_english("運航会社によると来週から増便する予定だ")  # no spaces, no "the"


def test_a_text_the_screen_calls_english_is_english_whatever_the_shares():
    # 20 words: "the" once (English 0.05, and a twentieth), "est" 3 times (French 0.15)
    guess = guess_language("the " + "est " * 3 + "zork " * 16)
    assert (guess.english, guess.other, guess.other_language) == (0.05, 0.15, "fr")
    assert guess.language == "en"
