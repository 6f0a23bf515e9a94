"""Terms in context: keyword-in-context lines (KWIC) and where in each article a term occurs."""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
import pandas as pd

from newsframe.corpus import Article, Corpus
from newsframe.document import _form_info
from newsframe.errors import NewsframeError
from newsframe.resources import Resources, resolve_resources
from newsframe.tables import tokens_frame
from newsframe.terms.counts import _articles, _check_unit, _documents
from newsframe.text import TOKEN

__all__ = ["dispersion", "kwic"]


def _context(sentence: str, spans: list[tuple[int, int]], start: int, end: int, window: int):
    """Return (left, match, right): up to ``window`` tokens either side of [start, end)."""
    before = [s for s in spans if s[1] <= start][-window:] if window else []
    after = [s for s in spans if s[0] >= end][:window] if window else []
    left = sentence[before[0][0] : start].strip() if before else ""
    right = sentence[end : after[-1][1]].strip() if after else ""
    return left, sentence[start:end], right


def _term_matches(lowers: list[str], lems: list[str], query):
    """Yield (first, last) token indices where the lowercase tokens or their lemmas match."""
    words, lemmas = query
    k = len(words)
    for i in range(len(lowers) - k + 1):
        if tuple(lowers[i : i + k]) == words or tuple(lems[i : i + k]) == lemmas:
            yield i, i + k - 1


def kwic(
    corpus: Corpus | Iterable[Article] | Article,
    pattern: str | Iterable[str],
    *,
    window: int = 7,
    regex: bool = False,
    case_sensitive: bool = False,
    resources: Resources | None = None,
) -> pd.DataFrame:
    """Return keyword-in-context lines: ``article_id, sentence_id, query, left, match, right``.

    ``pattern`` is a term or phrase (or several): it matches a run of tokens whose lowercase
    forms or lemmas equal its own, so a lemma from a keyness table (``"kuril island"``) finds
    "Kuril Islands" and "Kuril Island". It searches words, not merged terms: ``"island"`` also
    finds the "Islands" of "Kuril Islands", which counting merges into one term. With
    ``regex=True`` it is a regular expression searched in each sentence (case-insensitive
    unless ``case_sensitive``). Sentences, tokens and lemmas are those of the analysed documents
    (:func:`newsframe.analyse`). ``left`` and ``right`` hold up to ``window`` tokens of the same
    sentence, with their punctuation. Rows follow the order of the patterns, then the corpus,
    sentence and position; ``sentence_id`` matches :func:`newsframe.sentences_frame`.

    >>> a = Article("a", "", ("Putin said the Kuril Islands were Russian. He smiled.",))
    >>> kwic([a], "kuril island", window=2)[["left", "match", "right"]].to_string(index=False)
    '    left         match        right\\nsaid the Kuril Islands were Russian'
    """
    if window < 0:
        raise NewsframeError(f"window must be >= 0, got {window}")
    res = resolve_resources(resources, corpus)
    queries = [pattern] if isinstance(pattern, str) else list(pattern)
    flags = 0 if case_sensitive else re.IGNORECASE
    compiled = []
    for query in queries:
        if regex:
            try:
                compiled.append((query, re.compile(query, flags)))
            except (re.error, TypeError) as exc:
                raise NewsframeError(
                    f"kwic: {query!r} is not a valid regular expression ({exc})"
                ) from None
        else:
            forms = TOKEN.findall(query)
            if not forms:
                raise NewsframeError(f"kwic: pattern {query!r} contains no word")
            words = tuple(t.lower() for t in forms)
            lemmas = tuple(_form_info(t, res)[2] for t in forms)  # as the documents lemmatise
            compiled.append((query, (words, lemmas)))
    rows = []
    _, docs = _documents(corpus, res)
    for doc in docs:
        body = slice(doc.n_headline_tokens, None)
        token_sentence = doc.token_sentence[body]
        bounds = np.searchsorted(token_sentence, np.arange(doc.n_sentences + 1)).tolist()
        starts, ends, types = doc.token_start[body], doc.token_end[body], doc.token_type[body]
        for sentence_id, (paragraph_id, s0, s1) in enumerate(
            zip(doc.sentence_paragraph.tolist(), doc.sentence_start.tolist(),
                doc.sentence_end.tolist(), strict=True)
        ):  # fmt: skip
            sentence = doc.paragraphs[paragraph_id][s0:s1]
            lo, hi = bounds[sentence_id], bounds[sentence_id + 1]
            spans = list(
                zip((starts[lo:hi] - s0).tolist(), (ends[lo:hi] - s0).tolist(), strict=True)
            )
            kinds = types[lo:hi].tolist()
            lowers = [doc.type_lower[t] for t in kinds]
            lems = [doc.type_lemma[t] for t in kinds]
            for q, (query, matcher) in enumerate(compiled):
                if regex:
                    found = [m.span() for m in matcher.finditer(sentence) if m.end() > m.start()]
                else:
                    found = [
                        (spans[i][0], spans[j][1]) for i, j in _term_matches(lowers, lems, matcher)
                    ]
                for start, end in found:
                    left, match, right = _context(sentence, spans, start, end, window)
                    rows.append((doc.article_id, sentence_id, query, left, match, right, q))
    columns = ["article_id", "sentence_id", "query", "left", "match", "right", "_q"]
    frame = pd.DataFrame(rows, columns=columns).sort_values("_q", kind="stable")
    return frame.drop(columns="_q").reset_index(drop=True)


def dispersion(
    corpus: Iterable[Article],
    terms: Iterable[str],
    *,
    unit: str = "lemma",
    resources: Resources | None = None,
) -> pd.DataFrame:
    """Return where terms occur: ``article_id, term, position, relative_position, sentence_id, n_tokens``.

    One row per occurrence, from :func:`newsframe.tokens_frame` (multi-word terms merged, so
    ``"kuril island"`` is found as one term). ``relative_position`` is ``position / n_tokens``
    (0 = first token of the body, near 1 = the end): the data of a dispersion ("x-ray") plot.
    ``resources=None``: the corpus's own resources, else the shipped defaults.
    Rows follow the corpus, then the order of ``terms``, then position.

    >>> a = Article("a", "", ("Putin met Abe. Later Putin left.",))
    >>> d = dispersion([a], ["putin"])
    >>> d[["term", "position", "relative_position"]].round(3).to_string(index=False)
    ' term  position  relative_position\\nputin         0              0.000\\nputin         4              0.667'
    """
    _check_unit(unit)
    articles = _articles(corpus)
    wanted = list(dict.fromkeys(terms))
    frame = tokens_frame(articles, resources=resolve_resources(resources, corpus))
    frame["term"] = frame["lemma"] if unit == "lemma" else frame["token"].str.lower()
    frame["n_tokens"] = frame.groupby("article_id")["position"].transform("size")
    hits = frame[frame["term"].isin(wanted)].copy()
    hits["relative_position"] = hits["position"] / hits["n_tokens"]
    hits["_a"] = hits["article_id"].map({x.article_id: i for i, x in enumerate(articles)})
    hits["_t"] = hits["term"].map({t: i for i, t in enumerate(wanted)})
    hits = hits.sort_values(["_a", "_t", "position"], kind="stable")
    columns = ["article_id", "term", "position", "relative_position", "sentence_id", "n_tokens"]
    return hits[columns].reset_index(drop=True)
