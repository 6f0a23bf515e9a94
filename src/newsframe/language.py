"""Which language a text is written in: the share of its words that are a language's commonest.

newsframe's measures read English (stopwords, the sentiment lexicon, reporting verbs, names). A
page in French or Indonesian is written in the Latin script like English, so the cleaner's check
of the script (:func:`newsframe.cleaning.clean_text`'s notes) does not see it. This module does:
the method is the short-word (function-word) share of Grefenstette (1995, "Comparing two
language identification schemes", JADT), in the family of Cavnar & Trenkle's (1994) frequency
profiles: every language's commonest words are mostly its function words (articles,
prepositions, pronouns, auxiliaries), which make up a third to a half of any running text in that
language and are rare in the others. For each language the share of a text's words that are among
its commonest is counted, and English is compared with the best other language.

The word lists are the 100 commonest words of 40 languages in wordfreq's ``small`` lists,
written once into ``data/function_words.csv`` (:data:`WORD_LISTS`; nothing is downloaded, and a
row added there checks another language); a word among English's commonest is left out of the
other languages' lists, so it counts for English alone. Words are the tokens of
:data:`newsframe.text.TOKEN`, lowercased (the text is split at spaces first and each distinct
piece tokenized once, so a long text costs a few times a plain ``str.split``); a word with an
apostrophe that is not itself listed (French ``l'incarico``) counts by its parts (``l``,
``incarico``). The counting is linear in the text.

A decision on a few words is unreliable (a headline, a name, a short quotation): a text is only
called another language when it has at least :data:`MIN_WORDS` words, the other language's share
is at least :data:`MIN_SHARE` and more than :data:`RATIO` times the English share (a tie stays
English), and the text is not :func:`clearly_english` (*the*, *of* and *and* a twentieth of its
words). Otherwise it is English, or ``"und"`` (undetermined: fewer than :data:`MIN_WORDS`
words, or no listed word of any language), which the analysis reads as English like any text it
cannot tell. A text whose letters are mostly in another script and that no listed language
claims (Chinese, Japanese) is ``"other"``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from newsframe.datafiles import read_csv_rows
from newsframe.errors import InputError, expect_kind
from newsframe.text import TOKEN, normalise

#: Fewest words for a decision: below it a text is undetermined (``"und"``, read as English).
MIN_WORDS = 20
#: Least share of the other language's common words for a text to be called that language.
MIN_SHARE = 0.12
#: Fewest words of a paragraph the cleaner checks on its own (:mod:`newsframe.cleaning` notes it
#: as not English when it reads as another language): no kept paragraph of 1,640 English news
#: pages was taken for another language.
PARAGRAPH_WORDS = 30
#: How many times the English share the other language's share must exceed. A word among the
#: commonest of English is left out of the other languages' profiles (``a``, ``in``, ``no`` count
#: for English alone), so English text scores next to nothing for any other language: on 1,640
#: English news pages the best other language's share was at most 0.31 times the English share,
#: on 37 news pages in six other languages at least 1.9 times.
RATIO = 1.0


@dataclass(frozen=True)
class LanguageGuess:
    """What :func:`guess_language` returns: the likely language and the evidence.

    ``language`` is a wordfreq language code (``"en"``, ``"fr"``, ...), ``"other"`` (most
    letters in a script other than Latin, and no listed language's words: Chinese, Japanese ...)
    or ``"und"`` (undetermined: too few words, or none listed). ``english`` is the share of the ``words`` that are
    among English's commonest, ``other`` the same share for ``other_language``, the best other
    language. ``is_english`` is False only when the evidence calls the text another language.
    """

    language: str
    words: int
    english: float
    other_language: str
    other: float

    @property
    def is_english(self) -> bool:
        return self.language in ("en", "und")


_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_OTHER_LETTER = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f\u1e00-\u1eff]")


def _other_script(text: str) -> bool:
    """True when most letters of ``text`` are outside the Latin script (Chinese, Japanese ...)."""
    return len(_OTHER_LETTER.findall(text)) > len(_LATIN_LETTER.findall(text))


#: The data file of each language's commonest words (its header documents the format).
WORD_LISTS = "function_words.csv"


@lru_cache(maxsize=1)
def _lists() -> tuple[dict[str, str], dict[str, list[str]]]:
    """The name and the commonest words of each language of :data:`WORD_LISTS` (loaded once)."""
    rows, source = read_csv_rows(None, WORD_LISTS, required=("language", "name", "words"))
    names = {"und": "undetermined", "other": "another script"}
    words = {}
    for row in rows:
        code = row["language"].strip()
        names[code] = row["name"].strip()
        words[code] = row["words"].lower().split()
    if "en" not in words:
        raise InputError(
            source, "no row for English (language en), which every text is compared with"
        )
    return names, words


def language_name(code: str) -> str:
    """Return the English name of a language code :func:`guess_language` returns.

    >>> language_name("fr"), language_name("und")
    ('French', 'undetermined')
    """
    return _lists()[0].get(code, code)


@lru_cache(maxsize=1)
def _profiles() -> tuple[tuple[str, ...], dict[str, tuple[int, ...]]]:
    """The languages (English first) and, per listed word, the indices of the languages whose
    commonest words include it; a word among English's commonest counts for English alone."""
    lists = _lists()[1]
    languages = ("en", *(code for code in lists if code != "en"))
    english = set(lists["en"])
    index: dict[str, list[int]] = {}
    for k, lang in enumerate(languages):
        for word in lists[lang]:
            if k == 0 or word not in english:
                index.setdefault(word, []).append(k)
    return languages, {w: tuple(ks) for w, ks in index.items()}


def _counts(words: Counter[str]) -> tuple[int, list[int]]:
    """The number of words and, per language, how many of them are among its commonest."""
    languages, index = _profiles()
    hits = [0] * len(languages)
    total = 0
    for word, n in words.items():
        total += n
        ks = index.get(word)
        if ks is None and "'" in word:
            # an elided article or pronoun glued by an apostrophe: l'incarico, dell'anno
            ks = tuple({k for part in word.split("'") for k in index.get(part, ())})
        for k in ks or ():
            hits[k] += n
    return total, hits


def guess_language(text: str) -> LanguageGuess:
    """Return the likely language of ``text`` with its evidence (:class:`LanguageGuess`).

    Function-word share (Grefenstette 1995): the share of the words that are among each
    language's 100 commonest (wordfreq), English against the best other language;
    another language only with :data:`MIN_WORDS` words, a share of :data:`MIN_SHARE`, more
    than :data:`RATIO` times the English share, and not :func:`clearly_english`. Deterministic and linear in the text.

    >>> g = guess_language("Le gouvernement a annoncé hier la réforme et la date des élections "
    ...                    "de juin, et le ministre a dit que le vote sera libre.")
    >>> g.language, g.words, g.is_english
    ('fr', 24, False)
    >>> g = guess_language("The minister said the vote would be held in June, after the talks "
    ...                    "with the opposition had ended and the new law was passed.")
    >>> g.language, g.words, g.is_english
    ('en', 24, True)
    >>> guess_language("Non, merci.").language  # too few words to say
    'und'
    """
    if not isinstance(text, str):
        expect_kind(text, str, "guess_language", hint="pass the text of an article")
    words: Counter[str] = Counter()
    for chunk, n in Counter(text.lower().split()).items():
        if not chunk.isascii():
            chunk = normalise(chunk)
        for word in TOKEN.findall(chunk):
            if not word[0].isdigit():
                words[word] += n
    guess = _decide(*_counts(words))
    if guess.is_english and not text.isascii() and _other_script(text):
        return replace(guess, language="other")
    if not guess.is_english and clearly_english(text):
        return replace(guess, language="en")
    return guess


#: The three commonest English words, among the commonest of no other listed language.
_SCREEN = (" the ", " of ", " and ")


def clearly_english(text: str) -> bool:
    """Return True when *the*, *of* and *and* make up a twentieth of the words of ``text``.

    A quick screen before :func:`guess_language`, at the speed of ``str.count``: these are
    English's three commonest words and among the commonest of no other listed language; English
    news prose has about twice that share, other languages next to none (a name such as "Bank of
    England" in a French paragraph is one word in many).

    The rule is part of :func:`guess_language`'s decision, so a caller may skip the count when
    it holds.

    >>> clearly_english("The head of the port said the ferry and the bus would run again.")
    True
    >>> clearly_english("Le ministre a dit que le service reprendra la semaine prochaine.")
    False
    """
    words = text.lower().split()
    padded = f" {' '.join(words)} "
    hits = sum(padded.count(w) for w in _SCREEN)
    return hits > 0 and 20 * hits >= len(words)


def reads_as_other(text: str, *, min_words: int = PARAGRAPH_WORDS) -> bool:
    """Return True when ``text`` has at least ``min_words`` words and reads as another language.

    The check the cleaner runs on every long paragraph: :func:`guess_language`, unless
    :func:`clearly_english` already says English.

    >>> reads_as_other("Le ministre a déclaré lundi que le service reprendrait la semaine "
    ...                "prochaine, après que les ingénieurs ont vérifié la jetée.", min_words=20)
    True
    >>> reads_as_other("The head of the port said the ferry and the bus would run again.")
    False
    """
    if text.count(" ") + 1 < min_words or clearly_english(text):
        return False
    guess = guess_language(text)
    return guess.words >= min_words and not guess.is_english


def _decide(total: int, hits: list[int]) -> LanguageGuess:
    """The :class:`LanguageGuess` of the word counts of :func:`_counts`."""
    languages, _ = _profiles()
    best = max(range(1, len(languages)), key=lambda k: (hits[k], -k))
    english = hits[0] / total if total else 0.0
    other = hits[best] / total if total else 0.0
    if total < MIN_WORDS or not (hits[0] or hits[best]):
        language = "und"
    elif other >= MIN_SHARE and other > RATIO * english:
        language = languages[best]
    else:
        language = "en"
    return LanguageGuess(language, total, _round(english), languages[best], _round(other))


def _round(share: float) -> float:
    """A share rounded to 4 decimals (the evidence is shown, not computed with)."""
    return math.floor(share * 10_000 + 0.5) / 10_000
