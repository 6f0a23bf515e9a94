"""Frame dimensions: dictionary hits per 1,000 words for policy frames and generic news frames."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from newsframe.corpus import Article, Corpus
from newsframe.document import analyse
from newsframe.errors import InputError, NewsframeError
from newsframe.framing._units import Token, as_articles, per_1000, units
from newsframe.framing._units import word_tokens as _word_tokens
from newsframe.resources import Resources, read_toml, resolve_resources
from newsframe.stats import bootstrap_rates, percentile_interval, renamed
from newsframe.text import lemmatize, normalise, tokenize

__all__ = ["Frame", "frame_dimensions", "frame_evidence", "load_frame_dictionaries", "match_frames"]

EVIDENCE_COLUMNS = [
    "article_id",
    "scheme",
    "frame",
    "label",
    "part",
    "paragraph_id",
    "sentence_id",
    "hits",
    "terms",
    "sentence",
]
DIMENSION_COLUMNS = [
    "article_id",
    "scheme",
    "frame",
    "label",
    "hits",
    "sentences",
    "per_1000",
    "ci_low",
    "ci_high",
    "headline_hits",
    "rank",
    "words",
]


@dataclass(frozen=True)
class Frame:
    """One frame of a scheme: ids, label, codebook definition and its dictionary terms."""

    scheme: str
    frame: str
    label: str
    definition: str
    terms: tuple[str, ...]

    @property
    def patterns(self) -> tuple[tuple[tuple[str, str], ...], ...]:
        """Each term as a tuple of ``(kind, value)`` word patterns, longest term first."""
        out = []
        for term in self.terms:
            words = []
            for word in normalise(term).lower().split():
                if word.endswith("*"):
                    words.append(("prefix", word[:-1]))
                else:
                    words.append(("word", lemmatize(word) if tokenize(word) == [word] else word))
            out.append(tuple(words))
        return tuple(sorted(out, key=lambda p: -len(p)))


def load_frame_dictionaries(path: str | Path | None = None) -> tuple[Frame, ...]:
    """Return the frame dictionaries in ``path`` (TOML) or ``data/frame_dictionaries.toml``.

    >>> frames = load_frame_dictionaries()
    >>> len([f for f in frames if f.scheme == "mfc"]), len([f for f in frames if f.scheme == "sv"])
    (15, 5)
    """
    table, source = read_toml(path, "frame_dictionaries.toml")
    try:
        frames = [
            Frame(scheme, key, str(v.get("label", key)), str(v.get("definition", "")),
                  tuple(map(str, v["terms"])))
            for scheme, spec in table["scheme"].items()
            for key, v in spec["frame"].items()
        ]  # fmt: skip
    except (KeyError, TypeError, AttributeError) as exc:
        raise InputError(source, f"invalid frame dictionary: {exc!r}") from None
    return tuple(frames)


def _frames(dictionaries, resources: Resources | None = None) -> tuple[Frame, ...]:
    """Frames from ``None`` (the resources' frames), a path to a TOML file, or Frame objects."""
    if dictionaries is None:
        return resolve_resources(resources).frames
    if isinstance(dictionaries, (str, Path)):
        return load_frame_dictionaries(dictionaries)
    return tuple(dictionaries)


def _word_matches(pattern: tuple[str, str], token: Token) -> bool:
    kind, value = pattern
    lower = token.text.lower()
    if kind == "prefix":
        return lower.startswith(value) or token.lemma.startswith(value)
    return token.lemma == value or lower == value


@lru_cache(maxsize=32)
def _index(frames: tuple[Frame, ...]):
    """Patterns indexed by their first word: exact words by value, prefixes in one list."""
    exact: dict[str, list[tuple[int, tuple]]] = {}
    prefix: dict[str, list[tuple[int, tuple]]] = {}
    for n, frame in enumerate(frames):
        for pattern in frame.patterns:
            kind, value = pattern[0]
            (prefix if kind == "prefix" else exact).setdefault(value, []).append((n, pattern))
    return exact, prefix, tuple(prefix)


def match_frames(text: str, frames: Iterable[Frame] | None = None) -> dict[str, list[str]]:
    """Return, per ``scheme/frame``, the words of ``text`` that match its dictionary.

    Terms match whole words by lemma (``poll`` matches "polls"), a trailing ``*`` matches a
    prefix, and a multi-word term matches consecutive words; within a frame the longest term wins
    (then the leftmost) and a word counts once.

    >>> match_frames("Opinion polls show the majority of people are opposed.")["mfc/public_opinion"]
    ['Opinion polls', 'majority of']
    """
    frames = _frames(frames)
    exact, prefix, prefixes = _index(frames)
    text = normalise(text)
    tokens = _word_tokens(text)
    candidates: dict[int, list[tuple[int, int]]] = {}  # frame -> [(-length, start)]
    for i, token in enumerate(tokens):
        lower = token.text.lower()
        found = exact.get(token.lemma, []) + (exact.get(lower, []) if lower != token.lemma else [])
        if prefixes and (lower.startswith(prefixes) or token.lemma.startswith(prefixes)):
            found += [
                c
                for p, cs in prefix.items()
                if lower.startswith(p) or token.lemma.startswith(p)
                for c in cs
            ]
        for n, pattern in found:
            k = len(pattern)
            if i + k <= len(tokens) and all(
                _word_matches(w, tokens[i + d]) for d, w in enumerate(pattern[1:], start=1)
            ):
                candidates.setdefault(n, []).append((-k, i))
    out: dict[str, list[str]] = {}
    for n in sorted(candidates):
        used: set[int] = set()
        kept = []
        for neg, i in sorted(set(candidates[n])):
            span = range(i, i - neg)
            if used.isdisjoint(span):
                used.update(span)
                kept.append((i, text[tokens[i].start : tokens[i - neg - 1].end]))
        out[f"{frames[n].scheme}/{frames[n].frame}"] = [words for _, words in sorted(kept)]
    return out


def frame_evidence(
    corpus: Corpus | Iterable[Article] | Article,
    dictionaries: Iterable[Frame] | str | Path | None = None,
    *,
    resources: Resources | None = None,
) -> pd.DataFrame:
    """Return every sentence that matches a frame dictionary, with the words that matched.

    Columns: ``article_id, scheme, frame, label, part, paragraph_id, sentence_id, hits, terms,
    sentence`` (``terms`` joins the matched words with ``"; "``), in reading order (headline
    first, ``paragraph_id == sentence_id == -1``), then dictionary order. One sentence can
    support several frames. This is the table to read before trusting any frame score.

    >>> from newsframe import Article
    >>> a = Article("a", "T", ("The Japanese and Russian militaries would build closer ties.",))
    >>> frame_evidence([a])[["frame", "terms"]].values.tolist()
    [['security_and_defense', 'militaries'], ['external_regulation_and_reputation', 'ties']]
    """
    res = resolve_resources(resources, corpus)
    frames = _frames(dictionaries, res)
    by_key = {f"{f.scheme}/{f.frame}": f for f in frames}
    rows = []
    for article in as_articles(corpus):
        for unit in units(article, resources=res):
            for sentence_id, start, end in unit.sentences:
                sentence = unit.text[start:end].strip()
                for key, words in match_frames(sentence, frames).items():
                    f = by_key[key]
                    rows.append(
                        (article.article_id, f.scheme, f.frame, f.label, unit.part,
                         unit.paragraph_id, sentence_id, len(words), "; ".join(words), sentence)
                    )  # fmt: skip
    return pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)


def _bootstrap(hits: np.ndarray, words: np.ndarray, n_boot: int, seed: int, level: float):
    """Percentile interval of per-1,000 rates, resampling sentences (rows of ``hits``)."""
    if n_boot <= 0 or len(words) == 0:
        rate = 1000.0 * hits.sum(0) / words.sum() if words.sum() else np.zeros(hits.shape[1])
        return rate, rate
    rng = np.random.default_rng(seed)
    replicates = bootstrap_rates(hits, words, n_resamples=n_boot, rng=rng)
    return percentile_interval(replicates, confidence=level)


def frame_dimensions(
    corpus: Corpus | Iterable[Article] | Article,
    dictionaries: Iterable[Frame] | str | Path | None = None,
    *,
    n_resamples: int = 1000,
    seed: int = 0,
    confidence: float = 0.95,
    resources: Resources | None = None,
    n_boot: int | None = None,
    level: float | None = None,
) -> pd.DataFrame:
    """Return per article and frame the dictionary hits per 1,000 body words, with an interval.

    Columns: ``article_id, scheme, frame, label, hits, sentences, per_1000, ci_low, ci_high,
    headline_hits, rank, words``. Schemes: the 15 Media Frames Corpus policy frames (``mfc``;
    Boydstun et al. 2014, Card et al. 2015) and Semetko & Valkenburg's (2000) five generic frames
    (``sv``), as short editable dictionaries (``data/frame_dictionaries.toml``). ``hits`` counts
    matched terms in the body, ``sentences`` the body sentences with at least one,
    ``per_1000 = 1000 * hits / words``; ``ci_low``/``ci_high`` are a percentile bootstrap interval
    at level ``confidence`` (``n_resamples`` resamples of the article's sentences, fixed ``seed``;
    ``n_boot`` and ``level`` are the deprecated names) — wide for a short article,
    as it should be. ``headline_hits`` counts the headline separately. ``rank`` orders frames
    within article and scheme by ``per_1000`` (ties: dictionary order). Every frame gets a row.
    Dictionary hits show that a text touches a frame, not that it is framed so: read
    :func:`frame_evidence`.

    >>> from newsframe import Article
    >>> a = Article("a", "T", ("Opinion polls show most people are unsure. Putin refused a dog.",))
    >>> t = frame_dimensions([a], n_resamples=0)
    >>> t[t.hits > 0][["frame", "hits", "per_1000"]].values.tolist()
    [['public_opinion', 1, 90.9090909090909], ['human_interest', 1, 90.9090909090909]]
    """
    where = "frame_dimensions"
    n_resamples = renamed(n_resamples, n_boot, old="n_boot", new="n_resamples", where=where)
    confidence = renamed(confidence, level, old="level", new="confidence", where=where)
    if not isinstance(confidence, (int, float)) or not 0 < confidence < 1:
        raise NewsframeError(
            f"{where}: confidence must be a share between 0 and 1 (e.g. 0.95), got {confidence!r}"
        )
    res = resolve_resources(resources, corpus)
    frames = _frames(dictionaries, res)
    keys = [f"{f.scheme}/{f.frame}" for f in frames]
    rows = []
    for article in as_articles(corpus):
        doc = analyse(article, resources=res)
        sentences = [s for _, _, s in doc.sentences()]
        body = doc.token_sentence[doc.n_headline_tokens :]
        words = np.bincount(body, minlength=len(sentences)).astype(int)  # words per sentence
        hits = np.zeros((len(sentences), len(frames)), dtype=int)
        for i, sentence in enumerate(sentences):
            for key, found in match_frames(sentence, frames).items():
                hits[i, keys.index(key)] = len(found)
        headline = match_frames(article.clean_title, frames)
        low, high = _bootstrap(hits, words, n_resamples, seed, confidence)
        total = doc.n_words
        for j, f in enumerate(frames):
            rows.append(
                {"article_id": article.article_id, "scheme": f.scheme, "frame": f.frame,
                 "label": f.label, "hits": int(hits[:, j].sum()),
                 "sentences": int((hits[:, j] > 0).sum()),
                 "per_1000": per_1000(int(hits[:, j].sum()), total),
                 "ci_low": float(low[j]), "ci_high": float(high[j]),
                 "headline_hits": len(headline.get(keys[j], [])), "rank": 0, "words": total}
            )  # fmt: skip
    out = pd.DataFrame(rows, columns=DIMENSION_COLUMNS)
    if not out.empty:
        out["_order"] = range(len(out))
        ranked = out.sort_values(["article_id", "scheme", "per_1000", "_order"],
                                 ascending=[True, True, False, True], kind="stable")  # fmt: skip
        out.loc[ranked.index, "rank"] = ranked.groupby(["article_id", "scheme"]).cumcount() + 1
        out = out.drop(columns="_order")
    return out
