"""Tidy tables of sentences, tokens and per-article counts, read off the analysed documents.

Each table is a view of :class:`newsframe.Document` (:func:`newsframe.analyse`): no
re-tokenising, no re-splitting. ``tokens`` in :func:`corpus_counts` is
:attr:`Document.n_words`, the denominator of every per-1,000 rate.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

import pandas as pd

from newsframe.corpus import Article, Corpus, as_articles
from newsframe.document import analyse_corpus
from newsframe.resources import Resources, resolve_resources
from newsframe.text import lemmatize, normalise, tokenize

__all__ = ["corpus_counts", "sentences_frame", "tokens_frame"]

SENTENCE_COLUMNS = ["article_id", "paragraph_id", "sentence_id", "sentence"]
TOKEN_COLUMNS = ["article_id", "paragraph_id", "sentence_id", "position", "token", "lemma",
                 "is_stop", "is_term"]  # fmt: skip
COUNT_COLUMNS = ["article_id", "paragraphs", "sentences", "tokens", "types", "content_tokens",
                 "content_types"]  # fmt: skip


@lru_cache(maxsize=32)
def with_overrides(
    resources: Resources,
    *,
    phrases: bool | tuple[str, ...] = True,
    stopwords: tuple[str, ...] = (),
) -> Resources:
    """Return ``resources`` with extra phrases / stopwords (``phrases=False``: none at all).

    Cached, so the same overrides give the same object (and the same cached documents).
    """
    if phrases is True and not stopwords:
        return resources
    changes: dict = {}
    if phrases is False:
        changes["phrases"] = ()
    elif phrases is not True:
        extra = (tuple(lemmatize(t) for t in tokenize(p)) for p in phrases)
        merged = dict.fromkeys([*resources.phrases, *(p for p in extra if len(p) > 1)])
        changes["phrases"] = tuple(merged)
    if stopwords:
        changes["stopwords"] = resources.stopwords | {normalise(w).lower() for w in stopwords}
    return replace(resources, **changes)


def sentences_frame(
    corpus: Corpus | Iterable[Article] | Article, *, resources: Resources | None = None
) -> pd.DataFrame:
    """Return one row per sentence: ``article_id, paragraph_id, sentence_id, sentence``.

    Sentences of each article's clean, normalised body (:attr:`Document.sentences`);
    ``sentence_id`` counts from 0 through the whole article. The headline is not included (it
    is ``Article.title``).

    >>> sentences_frame([Article("a", "T", ("One. Two.", "Three."))]).sentence.tolist()
    ['One.', 'Two.', 'Three.']
    """
    rows = [
        (doc.article_id, p, s, sentence)
        for doc in analyse_corpus(corpus, resources=resources)
        for p, s, sentence in doc.sentences()
    ]
    return pd.DataFrame(rows, columns=SENTENCE_COLUMNS)


def tokens_frame(
    corpus: Corpus | Iterable[Article] | Article,
    *,
    phrases: Iterable[str] | bool = True,
    stopwords: Iterable[str] | None = None,
    resources: Resources | None = None,
) -> pd.DataFrame:
    """Return one row per term: ``article_id, paragraph_id, sentence_id, position, token, lemma,
    is_stop, is_term``.

    ``position`` counts terms from 0 through each article's body. With ``phrases=True`` the
    resources' multi-word terms (shipped: ``data/phrases.txt``) become single rows (token
    ``"Kuril Islands"``, lemma ``"kuril island"``); pass an iterable of extra phrases (e.g.
    detected collocations) to add to them, or ``False`` for plain words. ``is_stop`` uses the
    resources' stopwords (shipped: Snowball English and the indefinite pronouns) plus
    ``stopwords``; a multi-word term is never a stopword. Rows are the :meth:`Document.terms` of each article's
    :class:`~newsframe.Document`, so with ``phrases=False`` there is one row per word and each
    article has :attr:`Document.n_words` rows. ``is_term`` is False for the tokens no term
    count uses (numbers, dates, words outside the Latin script: :func:`newsframe.text.is_term`):
    the audit of what the term tables leave out.

    >>> tokens_frame([Article("a", "", ("The peace treaty.",))]).token.tolist()
    ['The', 'peace treaty']
    """
    res = resolve_resources(resources, corpus)
    phrase_key = phrases if isinstance(phrases, bool) else tuple(phrases)
    res = with_overrides(res, phrases=phrase_key, stopwords=tuple(stopwords or ()))
    rows: list[tuple] = []
    for doc in analyse_corpus(as_articles(corpus), resources=res):
        paragraph, sentence = doc.token_paragraph, doc.token_sentence
        term = doc.type_term[doc.token_type].tolist()
        for position, (i, k, text, lemma, is_stop) in enumerate(doc.terms()):
            rows.append(
                (
                    doc.article_id,
                    int(paragraph[i]),
                    int(sentence[i]),
                    position,
                    text,
                    lemma,
                    is_stop,
                    k > 1 or term[i],
                )
            )
    return pd.DataFrame(rows, columns=TOKEN_COLUMNS)


def corpus_counts(
    corpus: Corpus | Iterable[Article] | Article, *, resources: Resources | None = None
) -> pd.DataFrame:
    """Return one row per article: ``article_id, paragraphs, sentences, tokens, types, content_tokens,
    content_types``.

    ``tokens`` is :attr:`Document.n_words` (word tokens of the body, multi-word terms not
    merged): the denominator of every per-1,000 rate. Types are distinct lowercase tokens;
    content tokens exclude the resources' stopwords.

    >>> row = corpus_counts([Article("a", "", ("The dog saw the dog.", "A cat."))]).iloc[0]
    >>> [int(row[c]) for c in ["paragraphs", "sentences", "tokens", "types", "content_tokens"]]
    [2, 2, 7, 5, 4]
    """
    res = resolve_resources(resources, corpus)
    rows = []
    for doc in analyse_corpus(corpus, resources=res):
        lo = doc.n_headline_tokens
        words = [doc.type_lower[t] for t in doc.token_type[lo:].tolist()]
        content = [w for w in words if w not in res.stopwords]
        rows.append(
            (doc.article_id, len(doc.paragraphs), doc.n_sentences, doc.n_words,
             len(set(words)), len(content), len(set(content)))
        )  # fmt: skip
    return pd.DataFrame(rows, columns=COUNT_COLUMNS)
