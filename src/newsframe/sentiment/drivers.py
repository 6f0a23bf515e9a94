"""Scores that explain themselves: which words drive VADER's sentence scores, and what leaving
a story's topic words out of the lexicon changes.

VADER (Hutto & Gilbert 2014) sums one valence per word and normalises the sum ``x`` to
``compound = x / sqrt(x**2 + 15)``. Each word's valence starts as its lexicon value (mean human
rating, -4..+4) and is then changed by VADER's rules: negation ("not good" scales by -0.74),
boosters and dampeners ("very", "kind of"), a word in capitals among lower-case words, and
"but" (halves what comes before it, scales what follows by 1.5); "!" and "?" add emphasis to
the sum. The tables here report, for every lexicon word, its lexicon valence, its count, the
valences VADER actually used after its rules (read from VADER's own rule functions, so they
add up to the sentence's sum), and — the honest answer to "how much did this word matter" given
the non-linear normalisation — the sentence's compound with and without the word, recomputed by
VADER with the word taken out of its lexicon.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from newsframe.corpus import Article, Corpus
from newsframe.errors import NewsframeError, expect_kind
from newsframe.resources import Resources
from newsframe.sentiment.scoring import (
    _NAME_MASK,
    THRESHOLD,
    _analyzer,
    _documents,
    _domain_key,
    _polarity,
    _rule_valences,
    mask_names,
    story_exclusions,
)

__all__ = ["exclusion_effect", "explain_sentence", "sentiment_drivers"]

TOKEN_COLUMNS = ["position", "token", "word", "valence", "rule_valence", "in_name"]
DRIVER_COLUMNS = [
    "word",
    "valence",
    "count",
    "sentences",
    "in_names",
    "valence_sum",
    "rule_sum",
    "mean_shift",
    "n_sentences",
]
EFFECT_COLUMNS = [
    "n_sentences",
    "mean_before",
    "mean_after",
    "change",
    "positive_before",
    "positive_after",
    "negative_before",
    "negative_after",
    "sentences_changed",
    "excluded_words",
]

_SCRATCH: dict[tuple, Any] = {}


def _scratch(key: tuple) -> Any:
    """A private copy of the analyzer for ``key`` whose lexicon may be edited word by word."""
    if key not in _SCRATCH:
        analyzer = copy.copy(_analyzer(key))
        analyzer.lexicon = dict(analyzer.lexicon)
        _SCRATCH[key] = analyzer
    return _SCRATCH[key]


def _without_emoji(analyzer: Any, text: str) -> str:
    """``text`` with emojis replaced by their descriptions, as VADER's ``polarity_scores`` does."""
    out, prev_space = [], True
    for ch in text:
        if ch in analyzer.emojis:
            out.append(("" if prev_space else " ") + analyzer.emojis[ch])
            prev_space = False
        else:
            out.append(ch)
            prev_space = ch == " "
    return "".join(out).strip()


def _valences(analyzer: Any, text: str) -> tuple[list[str], list[float], str, list[str]]:
    """VADER's tokens of ``text``, the valence its rules give each, the text it scores and the
    lexicon words left out because they stand inside a multi-word name (:func:`mask_names`).

    The same steps as ``SentimentIntensityAnalyzer.polarity_scores`` (vaderSentiment 3.3.2) on
    the text every sentence is scored as (:func:`newsframe.sentiment.scoring._polarity`), so
    ``analyzer.score_valence(valences, text)`` is exactly the sentence's score.
    """
    from vaderSentiment.vaderSentiment import SentiText

    text, in_names = mask_names(text, analyzer.lexicon)
    text = _without_emoji(analyzer, text)
    sentitext = SentiText(text)
    return sentitext.words_and_emoticons, _rule_valences(analyzer, sentitext), text, in_names


def explain_sentence(
    text: str,
    *,
    domain: Mapping[str, float] | None = None,
    exclude: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Return one row per lexicon word of ``text``: ``position, token, word, valence, rule_valence, in_name``.

    ``valence`` is the word's VADER lexicon value (after ``domain`` and ``exclude``), and
    ``rule_valence`` the value VADER added to the sentence's sum after its rules (negation,
    boosters, capitals, "but"). Words outside the lexicon are left out; so are lexicon words
    whose role VADER changes to a modifier ("no" before a lexicon word) only if their
    ``rule_valence`` and ``valence`` are both 0. A lexicon word inside a multi-word proper name
    (``in_name``: "Party" of "Liberal Democratic Party", :func:`newsframe.sentiment.mask_names`)
    names and does not judge: it is listed with ``rule_valence`` 0. The compound is
    ``normalize(sum(rule_valence) + punctuation emphasis)``.

    >>> explain_sentence("VADER is not smart, handsome, nor funny.").values.tolist()
    [[3, 'smart', 'smart', 1.7, -1.258, False], [4, 'handsome', 'handsome', 2.2, -1.628, False], [6, 'funny', 'funny', 1.9, -1.406, False]]
    >>> explain_sentence("The Justice and Development Party lost.")[["word", "rule_valence", "in_name"]].values.tolist()
    [['justice', 0.0, True], ['party', 0.0, True], ['lost', -1.3, False]]
    """
    from vaderSentiment.vaderSentiment import SentiText

    expect_kind(text, str, "explain_sentence", hint="pass one sentence")
    key = _domain_key(domain, exclude)
    analyzer = _analyzer(key)
    words, valences, _, in_names = _valences(analyzer, text)
    written = SentiText(_without_emoji(analyzer, text)).words_and_emoticons if in_names else words
    if len(written) != len(words):  # cannot happen: a masked word is replaced by one word
        written = words
    rows = []
    for i, (token, original, value) in enumerate(zip(words, written, valences, strict=True)):
        in_name = token == _NAME_MASK and original != token
        word = (original if in_name else token).lower()
        if word in analyzer.lexicon:
            rows.append((i, original, word, float(analyzer.lexicon[word]),
                         round(float(value), 4), in_name))  # fmt: skip
    return pd.DataFrame(rows, columns=TOKEN_COLUMNS)


def _sentence_table(source, resources: Resources | None) -> pd.DataFrame:
    """``article_id, sentence`` (plus any other columns of a table) from a corpus or a table;
    a corpus's sentences are those of its analysed documents (as :func:`sentence_sentiment`)."""
    if isinstance(source, pd.DataFrame):
        missing = [c for c in ("article_id", "sentence") if c not in source.columns]
        if missing:
            raise NewsframeError(
                f"table lacks column(s) {', '.join(missing)}; pass sentence_sentiment(corpus)"
            )
        return source.reset_index(drop=True)
    docs = _documents(source, resources)
    rows = [(d.article_id, text) for d in docs for _, _, text in d.sentences()]
    return pd.DataFrame(rows, columns=["article_id", "sentence"], dtype=str)


def _units(table: pd.DataFrame, by: str, groups: Mapping[str, str] | None, what: str) -> pd.Series:
    if groups is not None:
        unknown = sorted(set(table["article_id"].unique()) - set(groups))
        if unknown:
            raise NewsframeError(f"{what}: no group for article_id {unknown[0]!r}")
        return table["article_id"].map(groups).rename(by)
    if by not in table.columns:
        raise NewsframeError(f"{what}: no column {by!r}; pass groups= or a table with it")
    return table[by]


def sentiment_drivers(
    source: Corpus | Article | Iterable[Article] | pd.DataFrame,
    *,
    by: str = "article_id",
    groups: Mapping[str, str] | None = None,
    domain: Mapping[str, float] | None = None,
    exclude: Iterable[str] | None = None,
    leave_one_out: bool = True,
    resources: Resources | None = None,
) -> pd.DataFrame:
    """Return the words behind each article's (or group's) sentiment, one row per unit and word.

    ``source`` is a corpus (its body sentences) or a sentence table (``article_id, sentence``
    and optionally a grouping column, e.g. :func:`sentence_sentiment` merged with metadata).
    Columns: ``<by>, word, valence, count, sentences, valence_sum, rule_sum, mean_shift,
    n_sentences``:

    - ``valence``: the VADER lexicon value of the word (-4..+4; after ``domain``/``exclude``);
    - ``count``: its occurrences that VADER scores, ``sentences``: the sentences it occurs in;
    - ``in_names``: its occurrences inside a multi-word proper name ("Party" of "Liberal
      Democratic Party"), which name rather than judge and are left out of every score
      (:func:`newsframe.sentiment.mask_names`); a word seen only there has ``count`` 0;
    - ``valence_sum = valence * count``, the lexicon's view; ``rule_sum``: the valences VADER
      actually used after negation, boosters, capitals and "but" (see :func:`explain_sentence`);
    - ``mean_shift``: how much the unit's mean sentence compound would fall if the word were not
      in the lexicon: the sum over its sentences of ``compound - compound without the word``
      (VADER rescoring each sentence with the word removed), divided by ``n_sentences``, the
      unit's number of sentences. Exact for one word at a time; shifts of several words do not
      add up, because compound is a non-linear function of the sum. ``NaN`` when
      ``leave_one_out`` is false (then no rescoring is done). Rescoring costs one VADER call
      per distinct lexicon word of each sentence (about three times plain scoring).

    ``by`` is ``"article_id"``, a column of a ``source`` table, or the name of the groups that
    ``groups`` maps article ids to (a group's sentences are pooled). ``exclude`` (default: the
    resources' ``sentiment_exclude``) leaves words out of the lexicon as in
    :func:`sentence_sentiment`; excluded words then drive nothing. Rows are sorted by unit,
    then largest ``|mean_shift|`` (or ``|rule_sum|``), then word.

    >>> a = Article("a", "T", ("The ban will protect safety. The book was good.",))
    >>> sentiment_drivers(a)[["word", "valence", "count", "mean_shift"]].values.tolist()
    [['ban', -2.6, 1, -0.2287], ['safety', 1.8, 1, 0.2262], ['good', 1.9, 1, 0.2202], ['protect', 1.6, 1, 0.2023]]
    """
    table = _sentence_table(source, resources)
    units = _units(table, by, groups, "sentiment_drivers")
    key = _domain_key(domain, story_exclusions(exclude, resources, source))
    analyzer, scratch = _analyzer(key), _scratch(key)
    totals: dict[Any, int] = units.value_counts(sort=False).to_dict()
    acc: dict[tuple, list[float]] = {}  # (unit, word) -> [count, sentences, rule_sum, shift]
    for unit, text in zip(units, table["sentence"], strict=True):
        words, valences, scored, in_names = _valences(analyzer, str(text))
        found: dict[str, list[float]] = {}
        for token, value in zip(words, valences, strict=True):
            word = token.lower()
            if word in analyzer.lexicon:
                entry = found.setdefault(word, [0, 0.0])
                entry[0] += 1
                entry[1] += float(value)
        for word in in_names:  # left out of the score: shown, never counted
            acc.setdefault((unit, word), [0, 0, 0.0, 0.0, 0])[4] += 1
        if not found:
            continue
        compound = analyzer.score_valence(valences, scored)["compound"] if leave_one_out else 0.0
        for word, (count, rule) in found.items():
            shift = 0.0
            if leave_one_out:
                kept = scratch.lexicon.pop(word)
                try:
                    shift = compound - _polarity(scratch, str(text))["compound"]
                finally:
                    scratch.lexicon[word] = kept
            entry = acc.setdefault((unit, word), [0, 0, 0.0, 0.0, 0])
            entry[0] += count
            entry[1] += 1
            entry[2] += rule
            entry[3] += shift
    rows = [
        (unit, word, float(analyzer.lexicon[word]), int(n), int(s), int(named),
         round(float(analyzer.lexicon[word]) * n, 4), round(r, 4),
         round(shift / totals[unit], 4) if leave_one_out else float("nan"), int(totals[unit]))
        for (unit, word), (n, s, r, shift, named) in acc.items()
    ]  # fmt: skip
    out = pd.DataFrame(rows, columns=[by, *DRIVER_COLUMNS])
    rank = out["mean_shift"].abs() if leave_one_out else out["rule_sum"].abs()
    out = out.assign(_rank=-rank).sort_values([by, "_rank", "word"], kind="stable")
    return out.drop(columns="_rank").reset_index(drop=True)


def exclusion_effect(
    source: Corpus | Article | Iterable[Article] | pd.DataFrame,
    exclude: Iterable[str] | None = None,
    *,
    by: str = "article_id",
    groups: Mapping[str, str] | None = None,
    domain: Mapping[str, float] | None = None,
    resources: Resources | None = None,
) -> pd.DataFrame:
    """Return, per article (or group), the sentiment before and after leaving ``exclude`` out.

    ``exclude`` are a story's topic words that VADER would read as sentiment ("safety",
    "protect" in a food-safety notice); by default the resources' ``sentiment_exclude`` (a story
    file's ``[sentiment] exclude``). Both scorings use the same sentences and ``domain``; the
    second removes the words from VADER's lexicon. Columns: ``<by>, n_sentences, mean_before,
    mean_after, change (after - before), positive_before, positive_after, negative_before,
    negative_after`` (shares of sentences at VADER's +-0.05 thresholds), ``sentences_changed``
    and ``excluded_words`` (the excluded words found, ``word×count``, most frequent first).
    Units keep the order in which they first appear.

    >>> a = Article("a", "T", ("The ban will protect safety. The book was good.",))
    >>> exclusion_effect(a, ["safety"])[["mean_before", "mean_after", "excluded_words"]].values.tolist()
    [[0.32135, 0.0952, 'safety×1']]
    """
    excluded = list(story_exclusions(exclude, resources, source) or [])
    table = _sentence_table(source, resources)
    units = _units(table, by, groups, "exclusion_effect")
    texts = [str(t) for t in table["sentence"]]
    before_analyzer = _analyzer(_domain_key(domain))
    after_analyzer = _analyzer(_domain_key(domain, excluded))
    words = {w.strip().lower() for w in excluded}
    data = pd.DataFrame(
        {
            "unit": units.to_numpy(),
            "before": [_polarity(before_analyzer, t)["compound"] for t in texts],
            "after": [_polarity(after_analyzer, t)["compound"] for t in texts],
        }
    )
    found: dict[Any, dict[str, int]] = {}
    for unit, text in zip(data["unit"], texts, strict=True):
        counts = found.setdefault(unit, {})
        for token in _valences(before_analyzer, text)[0]:
            if token.lower() in words and token.lower() in before_analyzer.lexicon:
                counts[token.lower()] = counts.get(token.lower(), 0) + 1
    rows = []
    for unit, sub in data.groupby("unit", sort=False):
        b, a = sub["before"], sub["after"]
        listed = sorted(found.get(unit, {}).items(), key=lambda kv: (-kv[1], kv[0]))
        rows.append(
            (unit, len(sub), float(b.mean()), float(a.mean()), float(a.mean() - b.mean()),
             float((b >= THRESHOLD).mean()), float((a >= THRESHOLD).mean()),
             float((b <= -THRESHOLD).mean()), float((a <= -THRESHOLD).mean()),
             int((b != a).sum()), "; ".join(f"{w}×{n}" for w, n in listed))
        )  # fmt: skip
    return pd.DataFrame(rows, columns=[by, *EFFECT_COLUMNS])
