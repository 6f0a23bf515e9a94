"""Normalise text, split it into sentences and tokens, lemmatise, merge multi-word terms.

The ONE tokenizer (:data:`TOKEN`, :func:`tokenize`), sentence splitter (:func:`split_sentences`)
and phrase merger (:func:`merge_phrases`). :func:`newsframe.analyse` applies them once per
article (:class:`newsframe.Document`); the tidy tables are built from that in
:mod:`newsframe.tables`.

Everything here is compiled regular expressions and dictionary look-ups, so that cleaning,
splitting and tokenising run at well over a million words a second (see ``benchmarks/``).
Lemmas come from simplemma (Barbaresi 2021), whose English data ships with the package.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path

import simplemma

from newsframe.datafiles import read_csv_rows, read_lines
from newsframe.errors import InputError, expect_kind

__all__ = [
    "TOKEN",
    "is_normalised",
    "is_term",
    "lemmatize",
    "load_lemma_exceptions",
    "load_phrases",
    "load_stopwords",
    "merge_phrases",
    "normalise",
    "normalise_line",
    "phrase_index",
    "split_sentences",
    "tokenize",
]

# --- normalisation -------------------------------------------------------------------------

_CHAR_MAP = str.maketrans(
    {
        # double quotes, guillemets and primes -> "
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2033": '"', "\u275d": '"', "\u275e": '"', "\uff02": '"',
        # single quotes and apostrophes -> '
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'",
        "\u2039": "'", "\u203a": "'", "\uff07": "'", "`": "'", "\u00b4": "'",
        # hyphens -> -, dashes -> em dash
        "\u2010": "-", "\u2011": "-", "\u2212": "-", "\u00ad": None,
        "\u2012": "\u2014", "\u2013": "\u2014", "\u2015": "\u2014",
        # ellipsis
        "\u2026": "...",
        # spaces
        "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ", "\u3000": " ",
        "\u2002": " ", "\u2003": " ", "\u2004": " ", "\u2005": " ", "\u2006": " ", "\u2008": " ",
        # invisible characters
        "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None,
        "\t": " ", "\r": None,
    }
)  # fmt: skip
_SPACES = re.compile(r"[ ]{2,}")
_SPACED_HYPHEN = re.compile(r"(?<=\w) - (?=\w)")


def normalise(text: str) -> str:
    """Return ``text`` in the one form every analysis uses.

    Unicode NFC; curly, low and angle quotes unified to ``"`` and ``'`` (so a closing mark used as
    an opening one, as in ``”anachronism``, becomes an ordinary quote); en dashes, figure dashes and
    a spaced hyphen become an em dash; the ellipsis character becomes ``...``; non-breaking and
    other spaces become one space; zero-width characters and soft hyphens go. Line breaks stay.

    >>> normalise("Russia\u2019s \u201cno\u00a0conflicts,\u201d 2016\u20132019 \u2026")
    'Russia\\'s "no conflicts," 2016\u20142019 ...'
    >>> normalise("\u201danachronism pulled out of the past.\\"")
    '"anachronism pulled out of the past."'
    """
    if not isinstance(text, str):  # the check costs nothing on the hot path
        expect_kind(text, str, "normalise", hint="pass the text of an article")
    if not text.isascii():
        text = unicodedata.normalize("NFC", text).translate(_CHAR_MAP)
    elif "`" in text or "\t" in text or "\r" in text:  # the only ASCII characters mapped
        text = text.translate(_CHAR_MAP)
    if " - " in text:
        text = _SPACED_HYPHEN.sub(" \u2014 ", text)
    return _SPACES.sub(" ", text) if "  " in text else text


#: Every character :data:`_CHAR_MAP` changes (what :func:`normalise` translates).
_MAPPED = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_CHAR_MAP)) + "]")


def is_normalised(text: str) -> bool:
    """Return whether :func:`normalise` gives ``text`` back unchanged, read without normalising
    it: a text in Unicode NFC that holds no character :func:`normalise` maps, no spaced hyphen
    and no run of spaces. A text normalised once is, unless removing a character (a soft
    hyphen, a zero-width space) brought a base letter next to a combining mark, or a run of
    spaces closed up round a hyphen; then False, and normalising it again tells.

    >>> is_normalised('"No conflicts," 2016\u20142019 ...')
    True
    >>> [is_normalised(t) for t in ("Read more \u2026", "e\u0301t\u00e9", "a - b", "a  b")]
    [False, False, False, False]
    """
    if " - " in text or "  " in text:
        return False
    if text.isascii():
        return "`" not in text and "\t" not in text and "\r" not in text
    return unicodedata.is_normalized("NFC", text) and _MAPPED.search(text) is None


@lru_cache(maxsize=65_536)
def normalise_line(line: str) -> str:
    """Return :func:`normalise` of one line of a page, cached: the rule cleaner and the line
    model read the same lines of a page (and an outlet's chrome recurs on its pages), so each
    line is normalised once for both.

    >>> normalise_line("Read more …") == normalise("Read more …") == "Read more ..."
    True
    """
    return normalise(line)


# --- sentences -----------------------------------------------------------------------------

#: Abbreviations after which a full stop does not end a sentence (lowercase, without the stop).
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "sgt",
        "capt",
        "cmdr",
        "adm",
        "gov",
        "sen",
        "rep",
        "st",
        "jr",
        "sr",
        "rev",
        "hon",
        "pres",
        "supt",
        "insp",
        "messrs",
        "mme",
        "mlle",
        "fr",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "no",
        "nos",
        "vol",
        "fig",
        "approx",
        "est",
        "dept",
        "univ",
        "corp",
        "ltd",
        "co",
        "bros",
        "inc",
        "vs",
        "v",
        "cf",
        "e.g",
        "i.e",
        "al",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "u.s.s.r",
        "u.a.e",
        "d.c",
        "a.m",
        "p.m",
    ]
)
#: Abbreviations that also end sentences ("... in the U.S. The talks ..."): after one of these, or
#: after a single initial, a stop ends the sentence only when a common sentence opener follows.
SENTENCE_FINAL_ABBREVIATIONS = frozenset(
    ["u.s", "u.k", "u.n", "e.u", "u.s.s.r", "u.a.e", "d.c", "a.m", "p.m", "inc", "ltd", "co",
     "corp", "bros", "jr", "sr", "al", "etc"]
)  # fmt: skip
#: Words that open a sentence far more often than they continue a name or a title.
SENTENCE_OPENERS = frozenset(
    ["the", "he", "she", "it", "they", "we", "i", "but", "in", "this", "that", "there", "these",
     "those", "his", "her", "its", "their", "our", "after", "meanwhile", "however", "still",
     "yet", "when", "while", "if"]
)  # fmt: skip
#: Top-level domains: in "example.Com" the stop belongs to a web address.
_DOMAINS = frozenset(["com", "org", "net", "gov", "edu", "info", "io", "ru", "jp", "uk", "cn"])

# A run of end marks with its closing quotes or brackets. The look-behind refuses to start inside
# a run and the possessive quantifiers never give characters back, so a run of 30,000 stops is
# scanned once (a plain "[.!?]+" rescans the rest of the run from every stop: quadratic time).
# A stop after a lone capital (an initial, the end of "U.S.") is a candidate only before a
# sentence opener, and only a run followed by space or a capital is a candidate at all, so that
# initials, decimals and web addresses cost no Python-level work. The pattern opens with the end
# mark itself and states the conditions on what comes before it as look-behinds one character
# wider, so the regular-expression engine skips in C to the next ".", "!" or "?" instead of
# trying the look-behinds at every character (the same matches; 3.6x faster on news text).
_OPENERS_CAPITALISED = "|".join(sorted(w.capitalize() for w in SENTENCE_OPENERS))
_END_MARKS = re.compile(
    r"""[.!?](?<![.!?].)  # the first mark of a run
        (?: (?<!\b[A-Z].) | (?<=[!?]) | (?=[.!?]*+["')\]]*+\s++["'(\[]?(?:"""
    + _OPENERS_CAPITALISED
    + r""")\b) )
        [.!?]*+["')\]]*+
        (?=\s|[A-Z\u0400-\u042f])  # space or a capital must follow: "3.14", "a.b" are no candidates""",
    re.VERBOSE,
)
# What may follow the end of a sentence: space, then an uppercase letter, digit or opening quote;
# or, with no space at all, a capitalised word ("said.The minister", "talks?Officials").
_SPACE_THEN_START = re.compile(r"""\s++["'(\[]?(?=[A-Z0-9\u0400-\u042f])""")
_GLUED_WORD = re.compile(r"[A-Z\u0400-\u042f][a-z\u0430-\u044f]*+(?![.@]\w|\w)")
_NEXT_WORD = re.compile(r"""\s*+["'(\[]?(\w++)""")
_DOTTED = re.compile(r"(?:\w\.)+\w")
_BLANK_LINES = re.compile(r"\n[^\S\n]*+\n\s*+")


def _abbreviation(block: str, start: int, end: int) -> str | None:
    """The abbreviation (lowercase, without its last stop) that ends at the end marks
    ``block[start:end]``, or None. Looks back at most 40 characters."""
    if not block[start:end].rstrip("\"')]").endswith("."):
        return None
    i, lowest = start, max(0, start - 40)
    while i > lowest and (block[i - 1].isalnum() or block[i - 1] in "._"):
        i -= 1
    word = block[i:start].rstrip(".").lower()
    if not word:
        return None
    if word in ABBREVIATIONS:
        return word
    # a single initial ("J. Smith") or a dotted acronym ("U.S.", "D.P.R.K.", "J.R.R. Tolkien")
    if (len(word) == 1 and word.isalpha()) or _DOTTED.fullmatch(word):
        return word
    return None


def _ends_sentence(block: str, start: int, end: int) -> bool:
    """True when the end marks ``block[start:end]`` close a sentence (see :func:`split_sentences`)."""
    following = _SPACE_THEN_START.match(block, end)
    if following is None:
        # no space: only a stop glued to a capitalised word, after a lowercase letter or digit
        # ("said.The"), not an acronym ("U.S.Army"), an initial ("J.R.R.Tolkien") or a web
        # address ("example.Com", "news.Yahoo.com")
        glued = _GLUED_WORD.match(block, end)
        before = block[start - 1 : start]
        if glued is None or not (before.isdigit() or before.islower()):
            return False
        word = glued.group()
        if (len(word) == 1 and word not in "AI") or word.lower() in _DOMAINS:
            return False
    abbreviation = _abbreviation(block, start, end)
    if abbreviation is None:
        return True
    if abbreviation in SENTENCE_FINAL_ABBREVIATIONS or len(abbreviation) == 1:
        # "... in the U.S. The talks" ends a sentence; "the U.S. Navy" and "J. Smith" do not
        nxt = _NEXT_WORD.match(block, end)
        return nxt is not None and nxt.group(1).lower() in SENTENCE_OPENERS
    return False


def split_sentences(text: str) -> list[str]:
    """Return the sentences of ``text``, in order, stripped of surrounding space.

    A rule-based splitter: a sentence ends at a run of ``.``, ``!`` or ``?`` (with any closing
    quotes or brackets) followed by space and an uppercase letter, digit or opening quote, or
    followed directly by a capitalised word after a lowercase letter or digit (``said.The``, a
    missing space; not ``U.S.Army``, ``J.R.R.Tolkien`` or ``example.Com``). A stop that belongs
    to a known abbreviation (``Mr.``, ``Dec.``, ``U.S.``, an initial) ends no sentence, unless the
    abbreviation can end one (``U.S.``, ``Inc.``, ``a.m.``, an initial) and a common sentence
    opener follows (``... in the U.S. The talks``). A blank line always ends a sentence. Quoted
    speech that ends in ``?"`` followed by a lowercase word (``"Why?" he asked.``) stays one
    sentence. Linear time: every character is looked at a bounded number of times.

    >>> split_sentences('Putin met Abe on Dec. 15 in the U.S. capital. "It is time," he said. Why?')
    ['Putin met Abe on Dec. 15 in the U.S. capital.', '"It is time," he said.', 'Why?']
    >>> split_sentences('"Are we close?" he asked. Mr. Abe disagreed.The talks ended.')
    ['"Are we close?" he asked.', 'Mr. Abe disagreed.', 'The talks ended.']
    """
    if not isinstance(text, str):  # the check costs nothing on the hot path
        expect_kind(text, str, "split_sentences", hint="pass the text of an article")
    sentences: list[str] = []
    for block in _BLANK_LINES.split(text):
        start = 0
        for match in _END_MARKS.finditer(block):
            if not _ends_sentence(block, match.start(), match.end()):
                continue
            piece = block[start : match.end()].strip()
            if piece:
                sentences.append(piece)
            start = match.end()
        piece = block[start:].strip()
        if piece:
            sentences.append(piece)
    if "  " not in text and text.isprintable():
        return sentences  # no white space but single spaces: each piece is already joined so
    return [" ".join(s.split()) for s in sentences]


# --- tokens --------------------------------------------------------------------------------

# Three kinds of token, tried in this order at each place: a dotted acronym (U.S., U.N.), a
# number (19,434  3.5  50%  15th  19,434-strong), a word (Russia's  G7  China-U.S.). Acronyms
# and words both open with a letter, which is matched once for both: the acronym's rest is
# tried first, then the word's, so the matches are those of the three alternatives written
# apart (``(?:[^\W\d_]\.){2,} | number | [^\W\d_][^\W_]*...``), found about a fifth faster.
# The word's letters and digits never give back a character (a word ends where they do).
TOKEN = re.compile(
    r"""
      [^\W\d_](?: \.(?:[^\W\d_]\.)+                      # dotted acronyms: U.S., U.N.
               | [^\W_]*+(?:['-](?:(?:[^\W\d_]\.){2,}|[^\W_]+))* )  # words: Russia's  G7  China-U.S.
    | \d+(?:[.,:]\d+)*(?:%|st|nd|rd|th)?(?:-[^\W_]+)*  # numbers: 19,434  3.5  50%  15th  19,434-strong
    """,
    re.VERBOSE,
)
_TOKEN = TOKEN  # the name other modules imported before it was public
#: :data:`TOKEN` for a text that is all ASCII: the same pattern with its character classes
#: spelt out for ASCII (there ``[^\W\d_]`` is ``[A-Za-z]``, ``[^\W_]`` is ``[A-Za-z0-9]`` and
#: ``\d`` is ``[0-9]``), so the same matches, found about a third faster (no Unicode category
#: look-ups). On any other text use TOKEN.
ASCII_TOKEN = re.compile(
    TOKEN.pattern.replace(r"[^\W\d_]", "[A-Za-z]").replace(r"[^\W_]", "[A-Za-z0-9]")
    .replace(r"\d", "[0-9]"),
    re.VERBOSE,
)  # fmt: skip


def tokenize(text: str) -> list[str]:
    """Return the word tokens of ``text`` as they are written (after :func:`normalise`).

    Punctuation is dropped. A word keeps its internal hyphens and apostrophes (``mutually-acceptable``,
    ``Russia's``) and a dotted acronym after a hyphen (``China-U.S.``), a number keeps its
    separators, an ordinal suffix and any hyphenated suffix (``19,434-strong``, ``15th``), and a
    dotted acronym stays whole (``U.S.``). Curly apostrophes are unified first.

    >>> tokenize("Russia\u2019s \u201cmutually-acceptable\u201d 19,434-strong Kuril Islands")
    ["Russia's", 'mutually-acceptable', '19,434-strong', 'Kuril', 'Islands']
    >>> tokenize("The U.S. said 3.5% \u2014 no more. China-U.S. talks on the 15th.")
    ['The', 'U.S.', 'said', '3.5%', 'no', 'more', 'China-U.S.', 'talks', 'on', 'the', '15th']
    """
    if not isinstance(text, str):  # the check costs nothing on the hot path
        expect_kind(text, str, "tokenize", hint="pass the text of an article")
    if (
        not text.isascii() or "`" in text
    ):  # ASCII text has nothing normalise would change in a token
        text = normalise(text)
    return TOKEN.findall(text)


# Letters of the Latin script (Basic Latin, Latin-1, Latin Extended-A/B, Latin Extended
# Additional), with what a word token may hold besides letters.
_LATIN_TOKEN = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff0-9'.\-]+")
#: Month and weekday names (and the month abbreviations that are no other word): dates, not terms.
DATE_WORDS = frozenset(
    ["january", "february", "april", "june", "july", "august", "september", "october",
     "november", "december", "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
     "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
)  # fmt: skip


def is_term(token: str) -> bool:
    """Return True when ``token`` (one :func:`tokenize` token) can be a term of the analysis.

    Not terms, though they stay in the text, in :attr:`Document.n_words` and in
    :func:`newsframe.tokens_frame` (column ``is_term``): numbers and dates (a token that starts
    with a digit: ``2016``, ``3.5%``, ``15th``, ``2016-12-13``, ``19,434-strong``; month and
    weekday names), and tokens holding a letter outside the Latin script, which the English
    word lists and lemmas do not cover (a name glossed in Chinese or Cyrillic).

    >>> [is_term(t) for t in ["treaty", "communiqu\u00e9", "2016", "15th", "Dec", "\u5b89\u500d"]]
    [True, True, False, False, False, False]
    """
    if not token or token[0].isdigit():
        return False
    if not token.isascii() and _LATIN_TOKEN.fullmatch(token) is None:
        return False
    word = token[:-2] if token.lower().endswith("'s") else token
    return word.lower().rstrip(".") not in DATE_WORDS


def fold_accents(word: str) -> str:
    """Return ``word`` without its accents (``communiqu\u00e9`` -> ``communique``): the one
    accent fold of the package, for term keys and for matching names (the text keeps its
    accents).

    Method: compatibility decomposition (NFKD), combining marks dropped, then composed again
    (NFC, so a Hangul syllable stays one letter), as Unicode's own accent-insensitive matching
    does (UTS #10 primary strength; ICU's ``Latin-ASCII`` transliterator). Latin letters whose
    mark is part of the letter and so never decomposes are written as English text spells
    them (:data:`LATIN_LETTERS`: "\u0142" -> "l", "\u00f8" -> "o", "\u00df" -> "ss",
    "\u00e6" -> "ae", "\u00fe" -> "th"; ICU ``Latin-ASCII``): "\u0141ukasz" and "Lukasz",
    "S\u00f8ren" and "Soren" are one name. Letters of other scripts (Greek, Hangul, Han) are
    kept as they are, never dropped: two names in another script never fold to one.

    >>> fold_accents("communiqu\u00e9"), fold_accents("na\u00efve"), fold_accents("\u0141ukasz")
    ('communique', 'naive', 'Lukasz')
    >>> fold_accents("s\u00f8ren"), fold_accents("stra\u00dfe"), fold_accents("\u03b1\u03bb\u03ad\u03be\u03b7\u03c2")
    ('soren', 'strasse', '\u03b1\u03bb\u03b5\u03be\u03b7\u03c2')
    """
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    ).translate(_LATIN_FOLD)


#: Latin letters with a mark that Unicode does not decompose (a stroke, a ligature, a dotless
#: i), as English text writes them (ICU's ``Latin-ASCII`` transliterator):
#: :func:`fold_accents` writes them so.
LATIN_LETTERS = {
    "\u0141": "L", "\u0142": "l", "\u00d8": "O", "\u00f8": "o", "\u0110": "D", "\u0111": "d",
    "\u00d0": "D", "\u00f0": "d", "\u0126": "H", "\u0127": "h", "\u0131": "i", "\u00df": "ss",
    "\u1e9e": "SS", "\u00c6": "AE", "\u00e6": "ae", "\u0152": "OE", "\u0153": "oe",
    "\u00de": "TH", "\u00fe": "th", "\u0166": "T", "\u0167": "t", "\u0197": "I", "\u0268": "i",
    "\u0180": "b", "\u01b5": "Z", "\u01b6": "z",
}  # fmt: skip
_LATIN_FOLD = str.maketrans(LATIN_LETTERS)


def _acronym_key(word: str) -> str | None:
    """The key of an acronym (lowercase, dotted as news writes it), or None for other words.

    ``U.S.`` and ``US`` are both ``u.s.``: an all-capital word whose dotted form is a known
    dotted abbreviation (:data:`ABBREVIATIONS`) is written dotted; other all-capital words
    (``NATO``) are lowercased as they are."""
    if _DOTTED_ACRONYM.fullmatch(word):
        return word.lower()
    if len(word) >= 2 and word.isalpha() and word.isupper():
        dotted = ".".join(word.lower())
        return dotted + "." if dotted in ABBREVIATIONS else word.lower()
    return None


_DOTTED_ACRONYM = re.compile(r"(?:[^\W\d_]\.){2,}")


@lru_cache(maxsize=4)
def load_lemma_exceptions(path: Path | None = None) -> dict[str, str]:
    """Return the hand-fixed lemmas (``data/lemma_exceptions.csv``, or ``path``): word -> lemma.

    Words simplemma's dictionary misreads in news English ("media" -> "medium", "according" ->
    "accord"). :func:`lemmatize` uses the shipped file.

    >>> load_lemma_exceptions()["media"]
    'media'
    """
    rows, source = read_csv_rows(path, "lemma_exceptions.csv", required=("word", "lemma"))
    out = {}
    for n, row in enumerate(rows, start=1):
        word, lemma = (str(row.get(key) or "").strip().lower() for key in ("word", "lemma"))
        if word and not lemma:  # a missing column or an empty cell
            raise InputError(source, f"row {n} ({word!r}): no lemma (columns: word,lemma,why)")
        if word:
            out[word] = lemma
    return out


def lemmatize(token: str) -> str:
    """Return the term key of one token: its lowercase lemma, accents folded.

    Possessive ``'s`` is removed. Words go through the hand-fixed lemmas of
    ``data/lemma_exceptions.csv``, then simplemma's English dictionary (Barbaresi 2021, shipped
    with the package), looked up as written: a capitalised word simplemma does not know as a
    common word is a proper noun and is only lowercased (``United States`` stays ``united
    states``; sentence-initial ``Leaders`` is ``leader``; ``Russians`` is ``russian``).
    Acronyms are one key however they are written (``U.S.``, ``US`` -> ``u.s.``, also inside a
    compound: ``China-U.S.`` -> ``china-u.s.``); numbers and other hyphenated compounds are
    lowercased. Accents are folded (``communiqu\u00e9`` -> ``communique``) so that both spellings
    are one term; the text keeps its accents.

    >>> [lemmatize(t) for t in ["Islands", "Russia's", "claimed", "was", "mutually-acceptable"]]
    ['island', 'russia', 'claim', 'be', 'mutually-acceptable']
    >>> [lemmatize(t) for t in ["United", "States", "US", "U.S.", "China-U.S.", "communiqu\u00e9"]]
    ['united', 'states', 'u.s.', 'u.s.', 'china-u.s.', 'communique']
    """
    if not isinstance(token, str):
        expect_kind(token, str, "lemmatize", hint="pass one token (nf.tokenize(text))")
    return _lemmatize(token)


@lru_cache(maxsize=200_000)
def _lemmatize(token: str) -> str:
    word = token[:-2] if token.lower().endswith("'s") else token.rstrip("'")
    acronym = _acronym_key(word)
    if acronym is not None:
        return acronym
    lower = word.lower()
    if not lower.isalpha():
        if "-" in word and "." in word:  # a compound with an acronym part: China-U.S.
            return "-".join(_acronym_key(p) or fold_accents(p.lower()) for p in word.split("-"))
        return fold_accents(lower)
    exceptions = load_lemma_exceptions()
    if lower in exceptions:
        return exceptions[lower]
    # simplemma looked up as written: common words come back in lowercase (also capitalised
    # at a sentence start: "Leaders" -> "leader"), known proper nouns keep their capital
    # ("Russians" -> "Russian"), and a capitalised word it does not know is returned as it is
    # (a name: "United", "States"), never lemmatised as the lowercase word ("unite", "state").
    return fold_accents(simplemma.lemmatize(word, lang="en").lower())


def load_stopwords(extra: Iterable[str] = (), *, path: Path | None = None) -> frozenset[str]:
    """Return the stopword set: the shipped list (or ``path``) plus ``extra`` words.

    Words are compared in lowercase with straight apostrophes.

    >>> sw = load_stopwords(["said"])
    >>> "the" in sw, "said" in sw, "treaty" in sw, "one" in sw  # "one": the pronoun of "no one"
    (True, True, False, True)
    """
    words = read_lines(path, "stopwords_en.txt")
    return frozenset(normalise(w).lower() for w in [*words, *extra])


def load_phrases(
    extra: Iterable[str] = (), *, path: Path | None = None
) -> tuple[tuple[str, ...], ...]:
    """Return multi-word terms as lemma tuples: the shipped list (or ``path``) plus ``extra``.

    >>> ("peace", "treaty") in load_phrases()
    True
    >>> load_phrases(["Akita dogs"], path=None)[-1]
    ('akita', 'dog')
    """
    phrases = [*read_lines(path, "phrases.txt"), *extra]
    out: dict[tuple[str, ...], None] = {}
    for phrase in phrases:
        lemmas = tuple(lemmatize(t) for t in tokenize(phrase))
        if len(lemmas) > 1:
            out[lemmas] = None
    return tuple(out)


def phrase_index(phrases: Iterable[tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Return the look-up table :func:`merge_phrases` uses: first lemma -> phrases, longest first.

    >>> phrase_index([("kuril", "island"), ("kuril", "island", "chain")])["kuril"]
    (('kuril', 'island', 'chain'), ('kuril', 'island'))
    """
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        if len(phrase) > 1:
            index.setdefault(phrase[0], []).append(tuple(phrase))
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}


def merge_phrases(
    lemmas: Sequence[str], index: Mapping[str, Sequence[tuple[str, ...]]]
) -> list[tuple[int, int]]:
    """Return ``(start, length)`` of every multi-word term in ``lemmas`` (one sentence).

    THE phrase merger: greedy left to right, longest phrase first at each position, matches never
    overlap. ``index`` comes from :func:`phrase_index`. Linear in the number of lemmas (one dict
    look-up per position, a tuple comparison only where a phrase can start).

    >>> merge_phrases(["the", "kuril", "island", "and", "kuril"], phrase_index([("kuril", "island")]))
    [(1, 2)]
    """
    out: list[tuple[int, int]] = []
    i, n = 0, len(lemmas)
    get = index.get
    while i < n:
        candidates = get(lemmas[i])
        if candidates:
            for phrase in candidates:
                k = len(phrase)
                if tuple(lemmas[i : i + k]) == phrase:
                    out.append((i, k))
                    i += k
                    break
            else:
                i += 1
        else:
            i += 1
    return out


_MOVED_TO_TABLES = ("corpus_counts", "sentences_frame", "tokens_frame")


def __getattr__(name: str):
    """The table builders moved to :mod:`newsframe.tables` (a layer above this one, which this
    module does not import): an old ``newsframe.text`` path names their new home."""
    if name in _MOVED_TO_TABLES:
        raise AttributeError(
            f"module {__name__!r} has no attribute {name!r}: it moved to newsframe.tables "
            f"(from newsframe.tables import {name}, or nf.{name})"
        )
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
