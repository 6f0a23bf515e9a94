"""What the sentiment scores cannot see: lexicon coverage, lexicon gaps and removed boilerplate.

:func:`sentiment_coverage` (share of tokens in VADER's lexicon), :func:`lexicon_gaps`
(frame-loaded words VADER lacks or misreads, from ``data/sentiment_watchlist.csv``) and
:func:`boilerplate_audit` (how much the text the cleaner removed would have moved each article).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from newsframe.corpus import Article, Corpus
from newsframe.errors import NewsframeError
from newsframe.resources import Resources, read_csv_rows, resolve_resources
from newsframe.sentiment.scoring import (
    _articles,
    _check_word,
    _documents,
    score_texts,
    sentence_sentiment,
    vader_lexicon,
)
from newsframe.text import normalise, split_sentences

__all__ = [
    "boilerplate_audit",
    "lexicon_gaps",
    "load_watchlist",
    "removed_sentiment",
    "sentiment_coverage",
]


def load_watchlist(path: str | Path | None = None) -> dict[str, str]:
    """Return the frame-word watch list in ``path`` (CSV ``word,why``) or the shipped file.

    >>> "sovereignty" in load_watchlist()
    True
    """
    rows, source = read_csv_rows(path, "sentiment_watchlist.csv", required=("word",))
    return {
        _check_word(source, n, row.get("word", "")): (row.get("why") or "").strip()
        for n, row in enumerate(rows, start=1)
    }


@functools.lru_cache(maxsize=1 << 16)
def _vader_token(raw: str) -> str | None:
    """One whitespace-split token as VADER looks it up (punctuation stripped, lower-cased), or
    None if it has no letter; cached, as the same words recur in every article."""
    from vaderSentiment.vaderSentiment import SentiText

    token = SentiText._strip_punc_if_word(raw).lower()
    return token if any(ch.isalpha() for ch in token) else None


def _vader_tokens(text: str) -> list[str]:
    """Word tokens as VADER looks them up: whitespace split, punctuation stripped, lower-cased."""
    return list(filter(None, map(_vader_token, text.split())))


def sentiment_coverage(
    corpus: Corpus | Article | Iterable[Article],
    *,
    domain: Mapping[str, float] | None = None,
    resources: Resources | None = None,
) -> pd.DataFrame:
    """Return per article how much of the text VADER's lexicon can see.

    Columns: ``article_id, sentences, tokens, lexicon_tokens, share_lexicon, modifier_tokens,
    blind_sentences, share_blind``. Tokens are word tokens as VADER splits them (whitespace,
    surrounding punctuation stripped; numbers and dashes left out); ``lexicon_tokens`` carry a
    valence; ``modifier_tokens`` are VADER's intensifiers and negations ("very", "not"), which
    only scale their neighbours; ``blind_sentences`` contain no lexicon word at all and so score
    0 whatever they say.

    >>> a = Article("a", "T", ("The book was good. Putin annexed it.",))
    >>> sentiment_coverage(a)[["tokens", "lexicon_tokens", "blind_sentences"]].to_dict("records")
    [{'tokens': 7, 'lexicon_tokens': 1, 'blind_sentences': 1}]
    """
    from vaderSentiment.vaderSentiment import BOOSTER_DICT, NEGATE

    lexicon = vader_lexicon(domain)
    modifiers = set(BOOSTER_DICT) | set(NEGATE)
    in_lexicon, is_modifier = lexicon.__contains__, modifiers.__contains__
    rows = []
    for doc in _documents(corpus, resources):
        n_tok = n_lex = n_mod = blind = 0
        sentences = doc.sentences()
        for _, _, sentence in sentences:
            tokens = _vader_tokens(sentence)
            hits = sum(map(in_lexicon, tokens))
            n_tok, n_lex = n_tok + len(tokens), n_lex + hits
            n_mod += sum(map(is_modifier, tokens))
            blind += hits == 0
        rows.append(
            (
                doc.article_id,
                len(sentences),
                n_tok,
                n_lex,
                n_lex / n_tok if n_tok else 0.0,
                n_mod,
                blind,
                blind / len(sentences) if sentences else 0.0,
            )
        )
    columns = ["article_id", "sentences", "tokens", "lexicon_tokens", "share_lexicon"]
    return pd.DataFrame(
        rows, columns=[*columns, "modifier_tokens", "blind_sentences", "share_blind"]
    )


def lexicon_gaps(
    corpus: Corpus | Article | Iterable[Article],
    *,
    watchlist: str | Path | Mapping[str, str] | None = None,
    domain: Mapping[str, float] | None = None,
    resources: Resources | None = None,
) -> pd.DataFrame:
    """Return the watch-list words each article uses and how VADER reads them.

    Columns: ``article_id, word, count, in_lexicon, valence, reading, why, example``. ``reading``
    is ``absent`` (VADER gives the word 0, however loaded), ``positive`` or ``negative`` (its
    lexicon valence, which may misread the word here, e.g. "peace" +2.5 in "never signed a peace
    treaty"); ``why`` comes from the watch list (``data/sentiment_watchlist.csv`` by default, or a
    path, or a mapping word -> why); ``example`` is the first sentence using the word. Rows: words
    an article uses, in article order, then by count (descending) and word.

    >>> a = Article("a", "T", ("They never signed a peace treaty.",))
    >>> lexicon_gaps(a)[["word", "valence", "reading"]].values.tolist()
    [['peace', 2.5, 'positive'], ['treaty', 0.0, 'absent']]
    """
    words = watchlist if isinstance(watchlist, Mapping) else load_watchlist(watchlist)
    lexicon = vader_lexicon(domain)
    rows = []
    for doc in _documents(corpus, resources):
        counts: dict[str, int] = {}
        examples: dict[str, str] = {}
        for _, _, sentence in doc.sentences():
            for token in _vader_tokens(sentence):
                if token in words:
                    counts[token] = counts.get(token, 0) + 1
                    examples.setdefault(token, sentence)
        for word in sorted(counts, key=lambda w: (-counts[w], w)):
            valence = float(lexicon.get(word, 0.0))
            reading = "absent" if word not in lexicon else "positive" if valence > 0 else "negative"
            rows.append(
                (
                    doc.article_id,
                    word,
                    counts[word],
                    word in lexicon,
                    valence,
                    reading,
                    words[word],
                    examples[word],
                )
            )
    columns = ["article_id", "word", "count", "in_lexicon", "valence", "reading", "why", "example"]
    return pd.DataFrame(rows, columns=columns)


def _removal_kind(reason: str) -> str:
    reason = reason.lower()
    if reason.startswith("headline"):
        return "headline"
    return "caption" if "caption" in reason else "boilerplate"


def removed_sentiment(
    corpus: Corpus | Article | Iterable[Article], *, domain: Mapping[str, float] | None = None
) -> pd.DataFrame:
    """Return one row per sentence of the text the cleaner removed (``Article.removed``), scored.

    Columns: ``article_id, line_no, reason, kind, sentence, compound, pos, neu, neg``; ``kind`` is
    ``headline``, ``caption`` or ``boilerplate`` (appeals, navigation, widgets ...). Removed
    lines are normalised and split into sentences like the body.

    >>> from newsframe.cleaning import Removal
    >>> a = Article("a", "T", ("x.",), removed=(Removal(3, "Support us", "donation appeal"),))
    >>> removed_sentiment(a)[["kind", "compound"]].values.tolist()
    [['boilerplate', 0.4019]]
    """
    rows = []
    for article in _articles(corpus):
        for removal in article.removed:
            for sentence in split_sentences(" ".join(normalise(removal.text).split())):
                kind = _removal_kind(removal.reason)
                rows.append((article.article_id, removal.line_no, removal.reason, kind, sentence))
    scores = score_texts([r[-1] for r in rows], domain=domain)
    meta = pd.DataFrame(rows, columns=["article_id", "line_no", "reason", "kind", "sentence"])
    return pd.concat([meta, scores], axis=1)


def boilerplate_audit(
    corpus: Corpus | Article | Iterable[Article],
    *,
    by: str = "kind",
    domain: Mapping[str, float] | None = None,
    resources: Resources | None = None,
) -> pd.DataFrame:
    """Return how much each kind of removed text would have moved each article's mean compound.

    Columns: ``article_id, <by>, body_sentences, body_mean, removed_sentences, removed_mean,
    combined_mean, shift``. With ``by="kind"`` the groups are ``boilerplate``, ``caption`` and
    ``headline``; with ``by="reason"`` the cleaner's reasons (``donation appeal``, ``payment
    widget`` ...). Each group is added to the body on its own, and ``all removed`` adds
    everything; ``shift = combined_mean - body_mean`` is what keeping that text would have done
    to the article's sentence-level mean. Groups an article had nothing of have no row.

    >>> from newsframe.cleaning import Removal
    >>> a = Article("a", "T", ("The book was good.",), removed=(Removal(3, "Support us", "donation appeal"),))
    >>> boilerplate_audit(a).round(5)[["kind", "combined_mean", "shift"]].to_dict("records")
    [{'kind': 'boilerplate', 'combined_mean': 0.42115, 'shift': -0.01925},
     {'kind': 'all removed', 'combined_mean': 0.42115, 'shift': -0.01925}]
    """
    if by not in ("kind", "reason"):
        raise NewsframeError(f"boilerplate_audit: by must be 'kind' or 'reason', got {by!r}")
    articles = _articles(corpus)
    res = resolve_resources(resources, corpus)
    body = sentence_sentiment(articles, domain=domain, resources=res)
    removed = removed_sentiment(articles, domain=domain)
    body_of = {k: g.to_numpy(float) for k, g in body.groupby("article_id", sort=False)["compound"]}
    removed_of = dict(iter(removed.groupby("article_id", sort=False)))  # one pass, no filtering
    order = (
        ["boilerplate", "caption", "headline"]
        if by == "kind"
        else list(dict.fromkeys(removed["reason"]))
    )
    rows = []
    for article in articles:
        x = body_of.get(article.article_id, np.empty(0))
        gone = removed_of.get(article.article_id)
        if len(x) == 0 or gone is None:
            continue
        for group in [*order, "all removed"]:
            sub = gone if group == "all removed" else gone[gone[by] == group]
            if sub.empty:
                continue
            y = sub["compound"].to_numpy(float)
            combined = float(np.concatenate([x, y]).mean())
            base = float(x.mean())
            row = [article.article_id, group, len(x), base, len(y), float(y.mean())]
            rows.append((*row, combined, combined - base))
    columns = ["article_id", by, "body_sentences", "body_mean", "removed_sentences"]
    return pd.DataFrame(rows, columns=[*columns, "removed_mean", "combined_mean", "shift"])
