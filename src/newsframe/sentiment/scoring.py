"""Sentence-level sentiment with VADER: the analyzer, its lexicon and the scores of each sentence.

VADER (Hutto & Gilbert 2014) is a rule-based scorer: a lexicon of about 7,500 words rated by
humans on a -4..+4 scale, plus rules for negation, intensifiers ("very"), "but", capitals and
exclamation marks. Its ``compound`` is the normalised sum of valences, ``x / sqrt(x**2 + 15)``,
which saturates toward +-1 as a text grows, so newsframe scores **each sentence** and never a whole
article. Plain VADER is the default; a story file's ``[sentiment.domain]`` (or a file shaped like
``data/sentiment_domain.csv``) is an optional, documented adjustment (see
:func:`load_domain_lexicon`). A lexicon word inside a multi-word proper name ("Party" of
"Liberal Democratic Party") names and does not judge: it is left out (:func:`mask_names`).
"""

from __future__ import annotations

import contextlib
import functools
import io
import math
import re
import string
import warnings
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

import pandas as pd

from newsframe.corpus import Article, Corpus, as_articles
from newsframe.document import Document, analyse_corpus
from newsframe.errors import InputError, NewsframeError, expect_items
from newsframe.lexicons import load_domain_lexicon
from newsframe.parallel import imap_slices, n_workers
from newsframe.progress import progress_bar
from newsframe.resources import Resources, resolve_resources

__all__ = [
    "NAME_JOINERS",
    "SCORE_COLUMNS",
    "SENTENCE_COLUMNS",
    "THRESHOLD",
    "load_domain_lexicon",
    "mask_names",
    "score_texts",
    "sentence_sentiment",
    "vader_lexicon",
]

#: VADER's published thresholds: compound >= 0.05 positive, <= -0.05 negative, else neutral.
THRESHOLD = 0.05
SCORE_COLUMNS = ("compound", "pos", "neu", "neg")
SENTENCE_COLUMNS = ("article_id", "paragraph_id", "sentence_id", "sentence", *SCORE_COLUMNS)
_PARALLEL = 20_000  # distinct sentences: from here on, score on all cores
_PROGRESS = 20_000  # sentences: from here on, show a progress bar
_CHUNK = 1_000  # texts: the least scored at a time

# --- words inside names ------------------------------------------------------------------

#: Lowercase words that may join the capitalised words of one name ("Justice and Development
#: Party", "Ministry of Foreign Affairs").
NAME_JOINERS = frozenset(["and", "of", "for", "the", "de", "&"])
#: What a word inside a name is scored as: a word in no VADER lexicon and in none of its rules.
_NAME_MASK = "Name"
_VADER_TOKEN = re.compile(r"\S+")  # VADER splits on whitespace, then strips punctuation
_LOWER_WORD = re.compile(r"(?<![\w'])[a-z]{2,}\b")
#: Short words that a headline in title case leaves in lowercase.
_TITLE_CASE_SMALL = frozenset(
    ["a", "an", "and", "as", "at", "but", "by", "de", "for", "in", "nor", "of", "on", "or", "the",
     "to", "vs", "yet"]
)  # fmt: skip
_PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
_P = re.escape(_PUNCT)
#: Two words that may both be capitalised (a first character that is no space, ASCII lowercase
#: letter, digit or punctuation) with only joiners between: no text without it holds a name,
#: so :func:`_name_words` skips its word-by-word scan (one regular-expression search instead).
_MAYBE_NAME = re.compile(
    rf"(?<!\S)[{_P}]*[^\sa-z0-9{_P}]\S*\s+"
    rf"(?:[{_P}]*(?:{'|'.join(sorted(NAME_JOINERS - {'&'}))})[{_P}]*\s+)*[{_P}]*[^\sa-z0-9{_P}]"
)


def _name_words(text: str) -> list[tuple[int, int]]:
    """Character spans of the words of ``text`` that stand inside a multi-word proper name.

    A name is a run of two or more capitalised words, possibly joined by
    :data:`NAME_JOINERS` ("Liberal Democratic Party", "Justice and Development Party", "United
    States"); a comma, colon, stop or bracket after a word ends the run. A sentence's first word
    is capitalised anyway, so it belongs to a run only when the rest of the run is a name on its
    own ("Liberal Democratic Party won", not "Happy Japanese officials"). Spans cover the word
    without surrounding punctuation; words of one letter are left alone.
    """
    spans: list[tuple[int, int]] = []
    if _MAYBE_NAME.search(text) is None:  # no two capitalised words in a row: no name
        return spans
    run: list[tuple[int, int, bool]] = []  # (start, end, capitalised) of the current run

    def close() -> None:
        while run and not run[-1][2]:  # a run never ends in a joiner
            run.pop()
        words = list(run)
        if words and words[0][0] == first_start and sum(r[2] for r in words[1:]) < 2:
            words = words[1:]  # the sentence's first word alone does not make a name
        if sum(r[2] for r in words) >= 2:
            spans.extend((a, b) for a, b, cap in words if cap and b - a > 1)
        run.clear()

    first_start = -1
    for match in _VADER_TOKEN.finditer(text):
        token = match.group()
        core = token.strip(_PUNCT)
        if not core:
            close()
            continue
        start = match.start() + (len(token) - len(token.lstrip(_PUNCT)))
        if first_start < 0:
            first_start = start
        if token[0] in "\"'([":  # an opening quote or bracket starts a new run
            close()
        if core[0].isupper():
            run.append((start, start + len(core), True))
        elif run and core in NAME_JOINERS:
            run.append((start, start + len(core), False))
        else:
            close()
            continue
        if token[-1] in ',.;:!?)]"':
            close()
    close()
    return spans


def mask_names(text: str, lexicon: Mapping[str, float]) -> tuple[str, list[str]]:
    """Return ``text`` with every lexicon word inside a multi-word proper name neutralised, and
    those words (lowercase, in order).

    A word of a party's or an organisation's name ("Liberal Democratic Party", "Justice and
    Development Party", "United States") names; it does not judge, so it must not drive a
    sentence's score. Names are found by :func:`_name_words` (runs of capitalised words); each
    lexicon word among them is replaced by a word VADER does not know, so the sentence keeps its
    words (VADER's negation window and neutral share are unchanged). A text whose only lowercase
    words are the small words of title case (a headline: "Talks Resume on the Islands") is left
    as it is: there the capitals do not tell names apart. The scored text only: the sentence tables keep the text as written.

    >>> from newsframe.sentiment.scoring import vader_lexicon
    >>> mask_names("The Liberal Democratic Party won a great victory.", vader_lexicon())
    ('The Liberal Democratic Name won a great victory.', ['party'])
    """
    masked: list[str] = []
    if _MAYBE_NAME.search(text) is None:  # no two capitalised words in a row: no name
        return text, masked
    if all(w in _TITLE_CASE_SMALL for w in _LOWER_WORD.findall(text)):
        return text, masked  # a headline in title case: names cannot be told apart
    pieces: list[str] = []
    last = 0
    for start, end in _name_words(text):
        word = text[start:end].lower()
        if word in lexicon:
            masked.append(word)
            pieces += [text[last:start], _NAME_MASK]
            last = end
    if not masked:
        return text, masked
    pieces.append(text[last:])
    return "".join(pieces), masked


def _polarity(analyzer: Any, text: str) -> dict[str, float]:
    """VADER's scores of ``text`` with words inside names neutralised (:func:`mask_names`): the
    one way every sentence is scored.

    The steps of ``polarity_scores`` (vaderSentiment 3.3.2, :func:`_rule_valences`), with what
    cannot change the scores left out: a text without emojis is not rebuilt character by
    character to spell them out, and one none of whose tokens is a lexicon word gets a 0 for
    each token (VADER's rules only act on lexicon words), hence neu 1 (0 everywhere without
    tokens). The scores are ``polarity_scores``'s to the bit.

    >>> a = _analyzer()
    >>> all(_polarity(a, t) == a.polarity_scores(t) for t in ["The talks resume.", "Not bad!", ""])
    True
    """
    text = mask_names(text, analyzer.lexicon)[0]
    if not analyzer.emojis.keys().isdisjoint(text):  # VADER spells them out first
        return analyzer.polarity_scores(text)
    text = text.strip()
    sentitext = _SentiWords(text)
    lowers = [word.lower() for word in sentitext.words_and_emoticons]
    if analyzer.lexicon.keys().isdisjoint(lowers):
        return dict(_NEUTRAL if lowers else _NO_TOKENS)
    return analyzer.score_valence(_rule_valences(analyzer, sentitext, lowers), text)


class _SentiWords:
    """What VADER's ``SentiText`` (vaderSentiment 3.3.2) holds of a text that the rules read:
    its tokens (split at white space, punctuation stripped from both ends unless two characters
    or fewer would be left: ":)" stays) and whether some but not all of them are in capitals.

    >>> from vaderSentiment.vaderSentiment import SentiText
    >>> t = 'He said: "NO way :) it is GOOD..."'
    >>> s = _SentiWords(t)
    >>> (s.words_and_emoticons, s.is_cap_diff) == (SentiText(t).words_and_emoticons, True)
    True
    """

    __slots__ = ("is_cap_diff", "words_and_emoticons")

    def __init__(self, text: str) -> None:
        words = [
            word if len(stripped := word.strip(_PUNCTUATION)) <= 2 else stripped
            for word in text.split()
        ]
        self.words_and_emoticons = words
        capitals = sum(map(str.isupper, words))
        self.is_cap_diff = 0 < len(words) - capitals < len(words)  # allcap_differential


_PUNCTUATION = string.punctuation  # what SentiText strips from each token's ends


def _rule_valences(analyzer: Any, sentitext: Any, lowers: list[str] | None = None) -> list[float]:
    """Return the valence VADER's rules give each token of ``sentitext`` (a ``SentiText``;
    ``lowers``: its tokens in lowercase, if already made).

    The loop of ``SentimentIntensityAnalyzer.polarity_scores`` (vaderSentiment 3.3.2) and its
    "but" rule: boosters and "kind" before "of" get 0, so does any token outside the lexicon
    (``sentiment_valence`` would append 0 for it), each lexicon word what ``sentiment_valence``
    gives it (:func:`_valence`). ``analyzer.score_valence(valences, text)`` is then the text's
    score. "but" halves the valences before it (good 1.9 -> 0.95) and multiplies those after by
    1.5 (bad -2.5 -> -3.75); VADER finds each by value, so a 0 before it becomes the first
    token's 0.0.

    >>> from vaderSentiment.vaderSentiment import SentiText
    >>> _rule_valences(_analyzer(), SentiText("The food was good but the service was bad."))
    [0.0, 0, 0, 0.95, 0, 0, 0, 0, -3.75]
    """
    boosters = _vader_rules()[0]
    words, lexicon = sentitext.words_and_emoticons, analyzer.lexicon
    if lowers is None:
        lowers = [word.lower() for word in words]
    last = len(words) - 1
    valences: list[float] = []
    for i, lower in enumerate(lowers):
        if (
            lower not in lexicon
            or lower in boosters
            or (lower == "kind" and i < last and lowers[i + 1] == "of")
        ):
            valences.append(0)
            continue
        valences.append(_valence(lexicon, words, lowers, i, sentitext.is_cap_diff))
    if "but" not in lowers:  # VADER's "but" rule changes nothing then
        return valences
    return analyzer._but_check(words, valences)


def _valence(
    lexicon: Mapping[str, float], words: list[str], lowers: list[str], i: int, cap_diff: bool
) -> float:
    """VADER's ``sentiment_valence`` (vaderSentiment 3.3.2) of the lexicon word ``words[i]``:
    the same steps in the same order, so the same number to the bit ("no" before it or as its
    own word, capitals, boosters up to three words before, negation, idioms, "least"), reading
    the tokens lowercased once (``lowers``) where VADER lowercases the whole sentence again for
    each rule it tries.

    >>> from vaderSentiment.vaderSentiment import SentiText
    >>> a, words = _analyzer(), ["It", "is", "not", "VERY", "good"]
    >>> v = _valence(a.lexicon, words, [w.lower() for w in words], 4, True)
    >>> v == a.sentiment_valence(0, SentiText(" ".join(words)), "good", 4, [])[0]
    True
    """
    boosters, special, c_incr, n_scalar, negations, idiom_words = _vader_rules()
    lower = lowers[i]
    valence = lexicon[lower]
    if lower == "no" and i != len(words) - 1 and lowers[i + 1] in lexicon:
        valence = 0.0  # "no" negates the next word instead
    if (
        (i > 0 and lowers[i - 1] == "no")
        or (i > 1 and lowers[i - 2] == "no")
        or (i > 2 and lowers[i - 3] == "no" and lowers[i - 1] in ("or", "nor"))
    ):
        valence = lexicon[lower] * n_scalar
    if words[i].isupper() and cap_diff:
        if valence > 0:
            valence += c_incr
        else:
            valence -= c_incr
    for start_i in range(0, 3):
        before = i - (start_i + 1)
        if i > start_i and lowers[before] not in lexicon:
            s = 0.0  # scalar_inc_dec: a booster or dampener before the word
            if lowers[before] in boosters:
                s = boosters[lowers[before]]
                if valence < 0:
                    s *= -1
                if words[before].isupper() and cap_diff:
                    if valence > 0:
                        s += c_incr
                    else:
                        s -= c_incr
            if start_i == 1 and s != 0:
                s = s * 0.95
            if start_i == 2 and s != 0:
                s = s * 0.9
            valence = valence + s
            # _negation_check: a negation (or "never so", "without doubt") before the word
            word = lowers[before]
            if start_i == 0:
                if word in negations or "n't" in word:
                    valence = valence * n_scalar
            elif start_i == 1:
                if word == "never" and (lowers[i - 1] == "so" or lowers[i - 1] == "this"):
                    valence = valence * 1.25
                elif word == "without" and lowers[i - 1] == "doubt":
                    pass
                elif word in negations or "n't" in word:
                    valence = valence * n_scalar
            else:
                if (word == "never" and (lowers[i - 2] == "so" or lowers[i - 2] == "this")) or (
                    lowers[i - 1] == "so" or lowers[i - 1] == "this"
                ):
                    valence = valence * 1.25
                elif word == "without" and (lowers[i - 2] == "doubt" or lowers[i - 1] == "doubt"):
                    pass
                elif word in negations or "n't" in word:
                    valence = valence * n_scalar
                # every sequence _idioms looks up holds this word or the one two before it
                if lowers[i] in idiom_words or lowers[i - 2] in idiom_words:
                    valence = _idioms(valence, lowers, i, special, boosters)
    # _least_check: "least" before the word negates it, unless "at least" or "very least"
    if i > 1 and lowers[i - 1] not in lexicon and lowers[i - 1] == "least":
        if lowers[i - 2] != "at" and lowers[i - 2] != "very":
            valence = valence * n_scalar
    elif i > 0 and lowers[i - 1] not in lexicon and lowers[i - 1] == "least":
        valence = valence * n_scalar
    return valence


@functools.cache
def _vader_rules() -> tuple[dict, dict, float, float, frozenset[str], frozenset[str]]:
    """VADER's booster words, special cases, capitals increment and negation scalar, its
    negation words, and the words of its special cases and multi-word boosters (a sequence
    :func:`_idioms` looks up can be one of them only if each of its words is one of these)."""
    from vaderSentiment.vaderSentiment import BOOSTER_DICT, C_INCR, N_SCALAR, SPECIAL_CASES

    words = frozenset(w for key in [*SPECIAL_CASES, *BOOSTER_DICT] for w in key.split(" "))
    return BOOSTER_DICT, SPECIAL_CASES, C_INCR, N_SCALAR, _negations(), words


def _idioms(
    valence: float, lowers: list[str], i: int, special: Mapping, boosters: Mapping
) -> float:
    """VADER's ``_special_idioms_check`` (vaderSentiment 3.3.2) for the word at ``i`` (3 or
    more), on the lowercase tokens: the same look-ups in the same order."""
    onezero = f"{lowers[i - 1]} {lowers[i]}"
    twoonezero = f"{lowers[i - 2]} {lowers[i - 1]} {lowers[i]}"
    twoone = f"{lowers[i - 2]} {lowers[i - 1]}"
    threetwoone = f"{lowers[i - 3]} {lowers[i - 2]} {lowers[i - 1]}"
    threetwo = f"{lowers[i - 3]} {lowers[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in special:
            valence = special[seq]
            break
    if len(lowers) - 1 > i:
        zeroone = f"{lowers[i]} {lowers[i + 1]}"
        if zeroone in special:
            valence = special[zeroone]
    if len(lowers) - 1 > i + 1:
        zeroonetwo = f"{lowers[i]} {lowers[i + 1]} {lowers[i + 2]}"
        if zeroonetwo in special:
            valence = special[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in boosters:
            valence = valence + boosters[n_gram]
    return valence


#: VADER's scores of a text with tokens but no lexicon word, and of one without tokens.
_NEUTRAL = {"neg": 0.0, "neu": 1.0, "pos": 0.0, "compound": 0.0}
_NO_TOKENS = {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}


# --- the analyzer ------------------------------------------------------------------------
_ANALYZERS: dict[tuple[tuple[str, float], ...], Any] = {}


def story_exclusions(
    exclude: Iterable[str] | None, resources: Resources | None, corpus: Any = None
) -> Iterable[str] | None:
    """``exclude`` if given, else the resources' ``sentiment_exclude`` (sorted), else None."""
    if exclude is not None:
        return exclude
    words = getattr(resolve_resources(resources, corpus), "sentiment_exclude", None)
    return sorted(words) if words else None


def _domain_key(
    domain: Mapping[str, float] | None, exclude: Iterable[str] | None = None
) -> tuple[tuple[str, float], ...]:
    """The cache key of an analyzer: ``domain`` adjustments, then ``exclude`` words set to 0."""
    merged = {str(k): float(v) for k, v in (domain or {}).items()}
    if exclude is not None:
        if isinstance(exclude, str):
            raise NewsframeError(f"exclude: expected a list of words, got the string {exclude!r}")
        for word in exclude:
            if not isinstance(word, str) or not word.strip() or len(word.split()) != 1:
                raise NewsframeError(
                    f"exclude: {word!r} is not one word (VADER scores words; list each word)"
                )
            merged[word.strip().lower()] = 0.0
    return tuple(sorted(merged.items()))


def _analyzer(key: tuple[tuple[str, float], ...] = ()) -> Any:
    """One VADER analyzer per domain adjustment, built once (loading the lexicon) and reused."""
    if key not in _ANALYZERS:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        # vaderSentiment opens its lexicon with codecs.open (deprecated in newer Pythons); keep
        # its warnings and any stray output out of the user's session.
        with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
            warnings.simplefilter("ignore")
            analyzer = SentimentIntensityAnalyzer()
        for word, valence in key:
            if valence == 0:
                analyzer.lexicon.pop(word, None)
            else:
                analyzer.lexicon[word] = valence
        analyzer._negation_check = _negation_check  # the same rule, without its list copies
        _ANALYZERS[key] = analyzer
    return _ANALYZERS[key]


def _negation_check(valence: float, words_and_emoticons: list[str], start_i: int, i: int) -> float:
    """VADER's ``_negation_check`` (vaderSentiment 3.3.2), the same valence: a word of
    ``NEGATE`` or one holding "n't" one, two or three tokens before the lexicon word at ``i``
    (``start_i`` 0, 1, 2) multiplies it by ``N_SCALAR``; "never so/this" by 1.25, "without
    doubt" leaves it. VADER lowercases every token and copies ``NEGATE`` into a new list for
    each test; this lowercases the tokens it reads (the same strings) and looks the word up in
    a set (a word of the list is one of the set: the same answer).

    >>> from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer as A
    >>> cases = [(["not", "good"], 0, 1), (["isn't", "very", "good"], 1, 2),
    ...          (["never", "so", "good"], 1, 2), (["without", "any", "doubt", "good"], 2, 3)]
    >>> [_negation_check(1.0, w, s, i) == A._negation_check(1.0, w, s, i) for w, s, i in cases]
    [True, True, True, True]
    >>> _negation_check(1.0, ["not", "good"], 0, 1)
    -0.74
    """
    from vaderSentiment.vaderSentiment import N_SCALAR

    def low(k: int) -> str:
        return str(words_and_emoticons[k]).lower()

    if start_i == 0 and _negated(low(i - 1)):
        valence = valence * N_SCALAR
    if start_i == 1:
        if low(i - 2) == "never" and (low(i - 1) == "so" or low(i - 1) == "this"):
            valence = valence * 1.25
        elif low(i - 2) == "without" and low(i - 1) == "doubt":
            pass
        elif _negated(low(i - 2)):
            valence = valence * N_SCALAR
    if start_i == 2:
        if (low(i - 3) == "never" and (low(i - 2) == "so" or low(i - 2) == "this")) or (
            low(i - 1) == "so" or low(i - 1) == "this"
        ):
            valence = valence * 1.25
        elif low(i - 3) == "without" and (low(i - 2) == "doubt" or low(i - 1) == "doubt"):
            pass
        elif _negated(low(i - 3)):
            valence = valence * N_SCALAR
    return valence


def _negated(word: str) -> bool:
    """VADER's ``negated([word])`` for one lowercase token (it lowercases it once more)."""
    word = word.lower()
    return word in _negations() or "n't" in word


@functools.cache
def _negations() -> frozenset[str]:
    from vaderSentiment.vaderSentiment import NEGATE

    return frozenset(NEGATE)


def vader_lexicon(domain: Mapping[str, float] | None = None) -> Mapping[str, float]:
    """Return VADER's lexicon (word -> mean human valence, -4..+4), read-only, with ``domain`` applied.

    >>> lex = vader_lexicon()
    >>> lex["good"], lex["peace"], "treaty" in lex
    (1.9, 2.5, False)
    """
    return MappingProxyType(_analyzer(_domain_key(domain)).lexicon)


def _check_word(source: str, n: int, word: str) -> str:
    word = (word or "").strip()
    if not word or word != word.lower() or any(ch.isspace() for ch in word):
        raise InputError(source, f"row {n}: word {word!r} must be one lowercase token")
    return word


# --- scoring -----------------------------------------------------------------------------
def score_texts(
    texts: Iterable[str],
    *,
    domain: Mapping[str, float] | None = None,
    exclude: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Return VADER's ``compound, pos, neu, neg`` for each text, one row per text, in order.

    Each text is scored as given: pass sentences (see :func:`sentence_sentiment`), not articles.
    ``domain`` and ``exclude`` adjust the lexicon as in :func:`sentence_sentiment`.

    >>> score_texts(["The book was good."]).iloc[0].tolist()
    [0.4404, 0.492, 0.508, 0.0]
    """
    texts = expect_items(texts, str, "score_texts", hint="pass sentences as strings")
    analyzer = _analyzer(_domain_key(domain, exclude))
    rows = []
    for text in texts:
        s = _polarity(analyzer, text)
        rows.append((s["compound"], s["pos"], s["neu"], s["neg"]))
    return pd.DataFrame(rows, columns=list(SCORE_COLUMNS), dtype=float)


def _score_chunk(texts: list[str], key: tuple[tuple[str, float], ...]) -> list[tuple]:
    """Scores of a chunk of texts; only the four numbers travel back from a worker."""
    analyzer = _analyzer(key)
    out = []
    for text in texts:
        s = _polarity(analyzer, text)
        out.append((s["compound"], s["pos"], s["neu"], s["neg"]))
    return out


def _articles(corpus: Corpus | Article | Iterable[Article]) -> list[Article]:
    """The one coercion (:func:`newsframe.corpus.as_articles`); empty gives ``[]``."""
    return as_articles(corpus)


def _documents(
    corpus: Corpus | Article | Iterable[Article], resources: Resources | None
) -> list[Document]:
    """The analysed documents of ``corpus`` (sentences split once, shared with every analysis)."""
    res = resolve_resources(resources, corpus)
    return analyse_corpus(_articles(corpus), resources=res)


def _score_texts(
    texts: list[str], key: tuple, n_jobs: int | None, progress: bool | None
) -> list[tuple]:
    """Score texts, in forked worker processes for large inputs (:mod:`newsframe.parallel`).

    A text that occurs several times (a wire sentence run by several outlets, a repeated
    caption) is scored once: VADER is deterministic, so the result is the same.
    """
    distinct = list(dict.fromkeys(texts))
    if len(distinct) < len(texts):
        scores = dict(zip(distinct, _score_distinct(distinct, key, n_jobs, progress), strict=True))
        return [scores[t] for t in texts]
    return _score_distinct(texts, key, n_jobs, progress)


def _score_distinct(
    texts: list[str], key: tuple, n_jobs: int | None, progress: bool | None
) -> list[tuple]:
    if n_jobs is None:
        n_jobs = -1 if len(texts) >= _PARALLEL else 1
    show = len(texts) >= _PROGRESS if progress is None else progress
    score = functools.partial(_score_chunk, key=key)
    results: Iterable[list[tuple]]
    if n_workers(n_jobs, len(texts), min_items=2 * _CHUNK) == 1:
        # one process asked, too few texts, or inside a worker: in chunks, for the progress bar
        size = max(_CHUNK, math.ceil(len(texts) / 32))
        results = (score(texts[i : i + size]) for i in range(0, len(texts), size))
    else:  # forked workers, a slice of the texts each (newsframe.parallel)
        results = imap_slices(score, texts, n_jobs=n_jobs, min_items=2 * _CHUNK,
                              slices_per_worker=16)  # fmt: skip
    out: list[tuple] = []
    with progress_bar(len(texts), desc="VADER", unit="sentence", show=show) as bar:
        for chunk in results:
            out.extend(chunk)
            bar.update(len(chunk))
    return out


def sentence_sentiment(
    corpus: Corpus | Article | Iterable[Article],
    *,
    domain: Mapping[str, float] | None = None,
    exclude: Iterable[str] | None = None,
    n_jobs: int | None = None,
    progress: bool | None = None,
    resources: Resources | None = None,
) -> pd.DataFrame:
    """Return one row per sentence: ``article_id, paragraph_id, sentence_id, sentence, compound, pos, neu, neg``.

    Each sentence of the analysed document (:func:`newsframe.analyse`: the normalised body,
    headline excluded, split once and shared with every analysis) is scored with VADER (Hutto &
    Gilbert 2014) on its own, never the article as one text; a sentence text seen several times
    is scored once. ``domain`` adjusts the lexicon (see :func:`load_domain_lexicon`); the default
    is plain VADER. ``exclude`` lists words that are the story's topic, not sentiment ("safety"
    in a food-safety notice): they are removed from VADER's lexicon (one analyzer per exclusion
    set, built once); by default the resources' ``sentiment_exclude`` (a story file's
    ``[sentiment] exclude``), if any. :func:`newsframe.exclusion_effect` shows what excluding
    changes, :func:`newsframe.sentiment_drivers` which words drive each score. ``n_jobs``
    defaults to all cores (forked workers) from 20,000 distinct sentences on, one core below (starting
    workers costs a second or two); a tqdm progress bar shows from 20,000 sentences on unless
    ``progress`` says otherwise. Results are identical however many cores are used.

    >>> a = Article("a", "T", ("The book was good. VADER is not smart, handsome, nor funny.",))
    >>> sentence_sentiment(a)[["sentence_id", "compound"]].to_dict("records")
    [{'sentence_id': 0, 'compound': 0.4404}, {'sentence_id': 1, 'compound': -0.7424}]
    """
    docs = _documents(corpus, resources)
    rows = [(d.article_id, p, s, text) for d in docs for p, s, text in d.sentences()]
    exclude = story_exclusions(exclude, resources, corpus)
    scores = _score_texts([r[3] for r in rows], _domain_key(domain, exclude), n_jobs, progress)
    frame = pd.concat(
        [
            pd.DataFrame(rows, columns=list(SENTENCE_COLUMNS[:4])),
            pd.DataFrame(scores, columns=list(SCORE_COLUMNS)),
        ],
        axis=1,
    )
    return frame.astype(
        {"article_id": str, "paragraph_id": int, "sentence_id": int, "sentence": str}
        | dict.fromkeys(SCORE_COLUMNS, float)
    )
