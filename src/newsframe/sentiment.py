"""Sentence-level sentiment with VADER, summarised in the open with intervals.

VADER (Hutto & Gilbert 2014) is a rule-based scorer: a lexicon of about 7,500 words rated by
humans on a -4..+4 scale, plus rules for negation, intensifiers ("very"), "but", capitals and
exclamation marks. Its ``compound`` is the normalised sum of valences, ``x / sqrt(x**2 + 15)``,
which saturates toward +-1 as a text grows, so newsframe scores **each sentence** and never a whole
article. Sentence scores are aggregated with named statistics (mean and median compound, shares
of positive / neutral / negative sentences at VADER's +-0.05 thresholds) and percentile bootstrap
intervals over sentences (Efron & Tibshirani 1993); two articles or groups are compared with a
permutation test over sentences (exact when the splits can be enumerated) and an effect size.

What the scores cannot see is reported too: :func:`sentiment_coverage` (share of tokens in VADER's
lexicon), :func:`lexicon_gaps` (frame-loaded words VADER lacks or misreads, from
``data/sentiment_watchlist.csv``) and :func:`boilerplate_audit` (how much the text the cleaner
removed would have moved each article). Plain VADER is the default; ``data/sentiment_domain.csv``
is an optional, documented adjustment (see :func:`load_domain_lexicon`).
"""

from __future__ import annotations

import contextlib
import io
import itertools
import math
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd
from tqdm import tqdm

from newsframe.actors import Actor, find_mentions, load_actors
from newsframe.corpus import Article, Corpus
from newsframe.errors import InputError, NewsframeError
from newsframe.resources import read_csv_rows
from newsframe.text import normalise, split_sentences

__all__ = [
    "SENTENCE_COLUMNS",
    "STATISTICS",
    "THRESHOLD",
    "actor_sentences",
    "actor_sentiment",
    "boilerplate_audit",
    "compare_sentiment",
    "lexicon_gaps",
    "load_domain_lexicon",
    "load_watchlist",
    "removed_sentiment",
    "score_texts",
    "sentence_sentiment",
    "sentiment_arc",
    "sentiment_coverage",
    "sentiment_summary",
    "vader_lexicon",
]

#: VADER's published thresholds: compound >= 0.05 positive, <= -0.05 negative, else neutral.
THRESHOLD = 0.05
SCORE_COLUMNS = ("compound", "pos", "neu", "neg")
SENTENCE_COLUMNS = ("article_id", "paragraph_id", "sentence_id", "sentence", *SCORE_COLUMNS)
#: The statistics :func:`sentiment_summary` and :func:`compare_sentiment` report, in order.
STATISTICS = (
    "mean_compound",
    "median_compound",
    "share_positive",
    "share_neutral",
    "share_negative",
)
_STAT_FUNCS = {
    "mean_compound": lambda x: x.mean(axis=-1),
    "median_compound": lambda x: np.median(x, axis=-1),
    "share_positive": lambda x: (x >= THRESHOLD).mean(axis=-1),
    "share_neutral": lambda x: ((x > -THRESHOLD) & (x < THRESHOLD)).mean(axis=-1),
    "share_negative": lambda x: (x <= -THRESHOLD).mean(axis=-1),
}
_PARALLEL = 50_000  # sentences: from here on, score on all cores (worker start-up is ~1-2 s)
_PROGRESS = 20_000  # sentences: from here on, show a progress bar
_CELLS = 4_000_000  # resampling: at most this many array cells per batch
_EPS = 1e-12

# --- the analyzer ----------------------------------------------------------------------------

_ANALYZERS: dict[tuple[tuple[str, float], ...], Any] = {}


def _domain_key(domain: Mapping[str, float] | None) -> tuple[tuple[str, float], ...]:
    return tuple(sorted((str(k), float(v)) for k, v in (domain or {}).items()))


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
        _ANALYZERS[key] = analyzer
    return _ANALYZERS[key]


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


def load_domain_lexicon(path: str | Path | None = None) -> dict[str, float]:
    """Return the domain adjustments in ``path`` (CSV ``word,valence,why``) or the shipped file.

    The shipped ``data/sentiment_domain.csv`` is one analyst's judgement for news on territorial
    disputes (e.g. ``peace`` -> 0 because "peace treaty" names an instrument); it is never applied
    unless passed as ``domain=``. A valence of 0 removes the word from VADER's lexicon.

    >>> load_domain_lexicon()["peace"]
    0.0
    """
    rows, source = read_csv_rows(path, "sentiment_domain.csv")
    out: dict[str, float] = {}
    for n, row in enumerate(rows, start=1):
        word = _check_word(source, n, row.get("word", ""))
        try:
            valence = float(row.get("valence") or "")
        except ValueError:
            raise InputError(source, f"row {n}: valence of {word!r} is not a number") from None
        if not -4.0 <= valence <= 4.0:
            raise InputError(source, f"row {n}: valence of {word!r} must lie in -4..4")
        out[word] = valence
    return out


def load_watchlist(path: str | Path | None = None) -> dict[str, str]:
    """Return the frame-word watch list in ``path`` (CSV ``word,why``) or the shipped file.

    >>> "sovereignty" in load_watchlist()
    True
    """
    rows, source = read_csv_rows(path, "sentiment_watchlist.csv")
    return {
        _check_word(source, n, row.get("word", "")): (row.get("why") or "").strip()
        for n, row in enumerate(rows, start=1)
    }


# --- scoring ---------------------------------------------------------------------------------


def score_texts(texts: Iterable[str], *, domain: Mapping[str, float] | None = None) -> pd.DataFrame:
    """Return VADER's ``compound, pos, neu, neg`` for each text, one row per text, in order.

    Each text is scored as given: pass sentences (see :func:`sentence_sentiment`), not articles.

    >>> score_texts(["The book was good."]).iloc[0].tolist()
    [0.4404, 0.492, 0.508, 0.0]
    """
    analyzer = _analyzer(_domain_key(domain))
    rows = []
    for text in texts:
        s = analyzer.polarity_scores(text)
        rows.append((s["compound"], s["pos"], s["neu"], s["neg"]))
    return pd.DataFrame(rows, columns=list(SCORE_COLUMNS), dtype=float)


def _score_chunk(texts: list[str], key: tuple[tuple[str, float], ...]) -> list[tuple]:
    """Scores of a chunk of texts; only the four numbers travel back from a worker."""
    score = _analyzer(key).polarity_scores
    out = []
    for text in texts:
        s = score(text)
        out.append((s["compound"], s["pos"], s["neu"], s["neg"]))
    return out


def _articles(corpus: Corpus | Article | Iterable[Article]) -> list[Article]:
    if isinstance(corpus, Article):
        return [corpus]
    articles = list(corpus)
    bad = [type(a).__name__ for a in articles if not isinstance(a, Article)]
    if bad:
        raise NewsframeError(f"expected a Corpus or Articles, got {bad[0]} (use nf.load_corpus)")
    return articles


def _score_texts(
    texts: list[str], key: tuple, n_jobs: int | None, progress: bool | None
) -> list[tuple]:
    """Score texts, in parallel with joblib (one chunk per worker task) for large inputs."""
    if n_jobs is None:
        n_jobs = -1 if len(texts) >= _PARALLEL else 1
    show = len(texts) >= _PROGRESS if progress is None else progress
    size = max(1_000, math.ceil(len(texts) / 32))
    chunks = [texts[i : i + size] for i in range(0, len(texts), size)]
    if n_jobs == 1 or len(chunks) <= 1:
        results: Iterator[list[tuple]] = (_score_chunk(c, key) for c in chunks)
    else:
        from joblib import Parallel, delayed

        parallel = Parallel(n_jobs=n_jobs, return_as="generator")
        results = parallel(delayed(_score_chunk)(c, key) for c in chunks)
    out: list[tuple] = []
    with tqdm(total=len(texts), disable=not show, desc="VADER", unit="sentence") as bar:
        for chunk in results:
            out.extend(chunk)
            bar.update(len(chunk))
    return out


def sentence_sentiment(
    corpus: Corpus | Article | Iterable[Article],
    *,
    domain: Mapping[str, float] | None = None,
    n_jobs: int | None = None,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Return one row per sentence: ``article_id, paragraph_id, sentence_id, sentence, compound, pos, neu, neg``.

    Each sentence of the normalised body (:meth:`Article.sentences`, headline excluded) is scored
    with VADER (Hutto & Gilbert 2014) on its own, never the article as one text. ``domain``
    adjusts the lexicon (see :func:`load_domain_lexicon`); the default is plain VADER.
    ``n_jobs`` defaults to all cores (joblib) from 50,000 sentences on, one core below (starting
    workers costs a second or two); a tqdm progress bar shows from 20,000 sentences on unless
    ``progress`` says otherwise. Results are identical however many cores are used.

    >>> a = Article("a", "T", ("The book was good. VADER is not smart, handsome, nor funny.",))
    >>> sentence_sentiment(a)[["sentence_id", "compound"]].to_dict("records")
    [{'sentence_id': 0, 'compound': 0.4404}, {'sentence_id': 1, 'compound': -0.7424}]
    """
    rows = [(a.article_id, p, s, text) for a in _articles(corpus) for p, s, text in a.sentences()]
    scores = _score_texts([r[3] for r in rows], _domain_key(domain), n_jobs, progress)
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


# --- summaries and comparisons ---------------------------------------------------------------


def _require(table: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    if not isinstance(table, pd.DataFrame):
        raise NewsframeError(f"{what}: expected a DataFrame (e.g. from sentence_sentiment)")
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise NewsframeError(
            f"{what}: table lacks column(s) {', '.join(missing)}; pass sentence_sentiment(corpus)"
        )


def _check_level(confidence: float) -> None:
    if not 0.0 < confidence < 1.0:
        raise NewsframeError(f"confidence must lie strictly between 0 and 1, got {confidence}")


def _batches(total: int, width: int) -> Iterator[int]:
    size = max(1, _CELLS // max(width, 1))
    for start in range(0, total, size):
        yield min(size, total - start)


def _bootstrap(x: np.ndarray, n_boot: int, seed: int) -> dict[str, np.ndarray]:
    """Bootstrap distribution of each statistic: resample sentences with replacement."""
    rng = np.random.default_rng(seed)
    parts: dict[str, list[np.ndarray]] = {s: [] for s in STATISTICS}
    for size in _batches(n_boot, len(x)):
        sample = x[rng.integers(0, len(x), size=(size, len(x)))]
        for stat in STATISTICS:
            parts[stat].append(_STAT_FUNCS[stat](sample))
    return {s: np.concatenate(v) for s, v in parts.items()}


def _interval(dist: np.ndarray, confidence: float) -> tuple[float, float]:
    lo, hi = np.quantile(dist, [(1 - confidence) / 2, (1 + confidence) / 2])
    return float(lo), float(hi)


def sentiment_summary(
    table: pd.DataFrame,
    *,
    by: str | Sequence[str] = "article_id",
    confidence: float = 0.95,
    n_boot: int = 2000,
    seed: int = 0,
) -> pd.DataFrame:
    """Return each group's statistics with bootstrap intervals: ``<by>, statistic, value, ci_low, ci_high, n_sentences``.

    Statistics (:data:`STATISTICS`): mean and median compound, and the shares of positive
    (compound >= 0.05), neutral and negative (<= -0.05) sentences. Intervals are percentile
    bootstrap intervals over sentences (Efron & Tibshirani 1993), ``n_boot`` resamples from
    ``numpy.random.default_rng(seed)`` for every group, so a group's interval does not depend on
    the others. With a handful of sentences the interval is rough (percentile intervals
    under-cover for small n); a one-sentence group gets the value itself. Groups keep the order
    in which they first appear in ``table``.

    >>> t = pd.DataFrame({"article_id": ["a"] * 3, "compound": [0.4404, -0.5423, 0.0]})
    >>> s = sentiment_summary(t).set_index("statistic")
    >>> round(float(s.loc["mean_compound", "value"]), 4), float(s.loc["share_negative", "value"])
    (-0.034, 0.3333333333333333)
    """
    keys = [by] if isinstance(by, str) else list(by)
    _require(table, [*keys, "compound"], "sentiment_summary")
    _check_level(confidence)
    rows = []
    for group, sub in table.groupby(keys, sort=False):
        x = sub["compound"].to_numpy(dtype=float)
        dist = _bootstrap(x, n_boot, seed)
        for stat in STATISTICS:
            value = float(_STAT_FUNCS[stat](x))
            lo, hi = _interval(dist[stat], confidence)
            rows.append((*group, stat, value, lo, hi, len(x)))
    columns = [*keys, "statistic", "value", "ci_low", "ci_high", "n_sentences"]
    return pd.DataFrame(rows, columns=columns)


def _effect_size(stat: str, a: np.ndarray, b: np.ndarray) -> tuple[float, str]:
    """Hedges' g for the mean, Cliff's delta for the median, Cohen's h for shares."""
    if stat == "mean_compound":
        na, nb = len(a), len(b)
        pooled = math.sqrt(((na - 1) * a.var(ddof=1) + (nb - 1) * b.var(ddof=1)) / (na + nb - 2))
        diff = a.mean() - b.mean()
        if pooled == 0:
            return (0.0 if abs(diff) < _EPS else math.nan), "hedges_g"
        return float(diff / pooled * (1 - 3 / (4 * (na + nb) - 9))), "hedges_g"
    if stat == "median_compound":
        sb = np.sort(b)
        below = np.searchsorted(sb, a, side="left").sum()
        above = (len(b) - np.searchsorted(sb, a, side="right")).sum()
        return float((below - above) / (len(a) * len(b))), "cliffs_delta"
    pa, pb = float(_STAT_FUNCS[stat](a)), float(_STAT_FUNCS[stat](b))
    return 2 * math.asin(math.sqrt(pa)) - 2 * math.asin(math.sqrt(pb)), "cohens_h"


def _splits(n_a: int, n: int, n_resamples: int, seed: int) -> Iterator[np.ndarray]:
    """Label permutations as index arrays (first n_a go to a): all of them, or a random sample."""
    if math.comb(n, n_a) <= n_resamples:
        combos = itertools.combinations(range(n), n_a)
        idx = np.array([[*c, *sorted(set(range(n)) - set(c))] for c in combos], dtype=np.intp)
        yield idx
        return
    rng = np.random.default_rng(seed)
    for size in _batches(n_resamples, n):
        yield rng.permuted(np.tile(np.arange(n), (size, 1)), axis=1)


def _permutation_p(
    a: np.ndarray, b: np.ndarray, n_resamples: int, seed: int
) -> tuple[dict[str, float], bool]:
    pooled, n_a = np.concatenate([a, b]), len(a)
    exact = math.comb(len(pooled), n_a) <= n_resamples
    observed = {s: abs(_STAT_FUNCS[s](a) - _STAT_FUNCS[s](b)) for s in STATISTICS}
    hits, total = dict.fromkeys(STATISTICS, 0), 0
    for idx in _splits(n_a, len(pooled), n_resamples, seed):
        xa, xb = pooled[idx[:, :n_a]], pooled[idx[:, n_a:]]
        total += len(idx)
        for s in STATISTICS:
            d = np.abs(_STAT_FUNCS[s](xa) - _STAT_FUNCS[s](xb))
            hits[s] += int((d >= observed[s] - _EPS).sum())
    if exact:  # the observed split is one of the enumerated ones
        return {s: hits[s] / total for s in STATISTICS}, True
    return {s: (hits[s] + 1) / (total + 1) for s in STATISTICS}, False  # Phipson & Smyth 2010


def _group(table: pd.DataFrame, ids: str | Sequence[str]) -> tuple[str, np.ndarray]:
    ids = [ids] if isinstance(ids, str) else list(ids)
    unknown = [i for i in ids if i not in set(table["article_id"])]
    if unknown:
        raise NewsframeError(f"compare_sentiment: no sentences for article_id {unknown[0]!r}")
    x = table.loc[table["article_id"].isin(ids), "compound"].to_numpy(dtype=float)
    if len(x) < 2:
        raise NewsframeError(f"compare_sentiment: {'+'.join(ids)} has {len(x)} sentence; need 2")
    return "+".join(ids), x


def compare_sentiment(
    table: pd.DataFrame,
    a: str | Sequence[str],
    b: str | Sequence[str],
    *,
    n_resamples: int = 9999,
    confidence: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """Return one row per statistic comparing articles (or groups of articles) ``a`` and ``b``.

    Columns: ``a, b, statistic, value_a, value_b, difference (a - b), ci_low, ci_high, p_value,
    exact, effect_size, effect_measure, n_a, n_b``. The interval is a percentile bootstrap of the
    difference (sentences resampled within each side); ``p_value`` is a two-sided permutation
    test over sentences: exact when all ``C(n_a + n_b, n_a)`` splits number at most
    ``n_resamples``, else ``n_resamples`` random splits with ``(hits + 1) / (n + 1)`` (Phipson &
    Smyth 2010). Effect sizes: Hedges' g for the mean, Cliff's delta for the median, Cohen's h for
    shares (NaN only for g when neither side varies). Sentences within an article are not
    independent draws, so treat p as descriptive; two short articles can show little.

    >>> t = pd.DataFrame({"article_id": list("aabb"), "compound": [0.1, 0.2, 0.3, 0.4]})
    >>> r = compare_sentiment(t, "a", "b").set_index("statistic").loc["mean_compound"]
    >>> round(float(r["difference"]), 3), round(float(r["p_value"]), 4), bool(r["exact"])
    (-0.2, 0.3333, True)
    """
    _require(table, ["article_id", "compound"], "compare_sentiment")
    _check_level(confidence)
    (name_a, xa), (name_b, xb) = _group(table, a), _group(table, b)
    boot_a, boot_b = _bootstrap(xa, n_resamples, seed), _bootstrap(xb, n_resamples, seed + 1)
    p_values, exact = _permutation_p(xa, xb, n_resamples, seed)
    rows = []
    for stat in STATISTICS:
        va, vb = float(_STAT_FUNCS[stat](xa)), float(_STAT_FUNCS[stat](xb))
        lo, hi = _interval(boot_a[stat] - boot_b[stat], confidence)
        effect, measure = _effect_size(stat, xa, xb)
        rows.append(
            (name_a, name_b, stat, va, vb, va - vb, lo, hi, p_values[stat], exact, effect, measure)
        )
    columns = ["a", "b", "statistic", "value_a", "value_b", "difference", "ci_low", "ci_high"]
    out = pd.DataFrame(
        rows, columns=[*columns, "p_value", "exact", "effect_size", "effect_measure"]
    )
    return out.assign(n_a=len(xa), n_b=len(xb))


# --- actors and arcs -------------------------------------------------------------------------


def _sentence_table(
    source: pd.DataFrame | Corpus | Article | Iterable[Article],
    domain: Mapping[str, float] | None,
    what: str,
) -> pd.DataFrame:
    if isinstance(source, pd.DataFrame):
        _require(source, SENTENCE_COLUMNS, what)
        return source
    return sentence_sentiment(source, domain=domain)


def actor_sentences(
    source: pd.DataFrame | Corpus | Article | Iterable[Article],
    *,
    actors: Sequence[Actor] | None = None,
    domain: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """Return one row per (sentence, actor mentioned in it): ``article_id, sentence_id, actor_id, actor, mentions, matched, other_actors, sentence, compound, pos, neu, neg``.

    Mentions come from :func:`newsframe.find_mentions` with the shared actor table
    (``data/actors.toml``, or ``actors=load_actors("my.toml")``). ``source`` is a corpus or a
    :func:`sentence_sentiment` table (``domain`` only applies when scoring a corpus). A sentence
    mentioning two actors counts for both (``other_actors`` says how many others it names): its
    score is the sentence's sentiment, not sentiment *toward* the actor.

    >>> a = Article("a", "T", ("Putin praised Japan. It rained.",))
    >>> actor_sentences(a)[["actor_id", "other_actors", "compound"]].to_dict("records")
    [{'actor_id': 'putin', 'other_actors': 1, 'compound': 0.4939}, {'actor_id': 'japan', 'other_actors': 1, 'compound': 0.4939}]
    """
    table = _sentence_table(source, domain, "actor_sentences")
    actors = tuple(actors) if actors is not None else load_actors()
    names = {actor.actor_id: actor.name for actor in actors}
    order = {actor.actor_id: n for n, actor in enumerate(actors)}
    rows = []
    for rec in table.itertuples(index=False):
        found: dict[str, list[str]] = {}
        for m in find_mentions(rec.sentence, actors):
            found.setdefault(m.actor_id, []).append(m.text)
        for actor_id in sorted(found, key=order.__getitem__):
            texts = found[actor_id]
            rows.append(
                (
                    rec.article_id,
                    rec.sentence_id,
                    actor_id,
                    names[actor_id],
                    len(texts),
                    " | ".join(texts),
                    len(found) - 1,
                    rec.sentence,
                    rec.compound,
                    rec.pos,
                    rec.neu,
                    rec.neg,
                )
            )
    columns = ["article_id", "sentence_id", "actor_id", "actor", "mentions", "matched"]
    return pd.DataFrame(rows, columns=[*columns, "other_actors", "sentence", *SCORE_COLUMNS])


def actor_sentiment(
    source: pd.DataFrame | Corpus | Article | Iterable[Article],
    *,
    actors: Sequence[Actor] | None = None,
    domain: Mapping[str, float] | None = None,
    confidence: float = 0.95,
    n_boot: int = 2000,
    seed: int = 0,
) -> pd.DataFrame:
    """Return each article's sentiment in sentences mentioning each actor, with bootstrap intervals.

    Columns: ``article_id, actor_id, actor, statistic, value, ci_low, ci_high, n_sentences``
    (:func:`sentiment_summary` over :func:`actor_sentences`), in article order, then the actor
    table's order. Actors an article never mentions have no rows. This is sentence-level
    sentiment *near* an actor, not stance toward it: "Putin criticised Abe" scores the same for
    both.

    >>> a = Article("a", "T", ("Putin praised Japan. Japan was sad.",))
    >>> t = actor_sentiment(a)
    >>> t[t.statistic == "mean_compound"][["actor_id", "value", "n_sentences"]].round(4).to_dict("records")
    [{'actor_id': 'putin', 'value': 0.4939, 'n_sentences': 1}, {'actor_id': 'japan', 'value': 0.0086, 'n_sentences': 2}]
    """
    table = _sentence_table(source, domain, "actor_sentiment")
    actors = tuple(actors) if actors is not None else load_actors()
    links = actor_sentences(table, actors=actors)
    summary = sentiment_summary(
        links, by=["article_id", "actor_id"], confidence=confidence, n_boot=n_boot, seed=seed
    )
    names = {actor.actor_id: actor.name for actor in actors}
    article_rank = {a: n for n, a in enumerate(dict.fromkeys(table["article_id"]))}
    actor_rank = {actor.actor_id: n for n, actor in enumerate(actors)}
    stat_rank = {s: n for n, s in enumerate(STATISTICS)}
    summary.insert(2, "actor", summary["actor_id"].map(names))
    key = (
        summary["article_id"].map(article_rank) * 10_000 * len(STATISTICS)
        + summary["actor_id"].map(actor_rank) * len(STATISTICS)
        + summary["statistic"].map(stat_rank)
    )
    return summary.iloc[np.argsort(key.to_numpy(), kind="stable")].reset_index(drop=True)


def sentiment_arc(table: pd.DataFrame, *, window: int = 3) -> pd.DataFrame:
    """Return each sentence's place in its article and a rolling mean: ``article_id, sentence_id, position, compound, rolling_mean``.

    ``position`` is ``(k + 0.5) / n`` for the k-th of n sentences, so articles of different
    length share one 0..1 axis; ``rolling_mean`` is the centred mean over ``window`` sentences
    (fewer at the ends).

    >>> t = pd.DataFrame({"article_id": ["a"] * 3, "sentence_id": [0, 1, 2], "compound": [0.3, 0.0, -0.3]})
    >>> sentiment_arc(t)[["position", "rolling_mean"]].round(3).values.tolist()
    [[0.167, 0.15], [0.5, 0.0], [0.833, -0.15]]
    """
    _require(table, ["article_id", "sentence_id", "compound"], "sentiment_arc")
    if window < 1 or window % 2 == 0:
        raise NewsframeError(f"sentiment_arc: window must be a positive odd number, got {window}")
    out = table[["article_id", "sentence_id", "compound"]].copy()
    groups = out.groupby("article_id", sort=False)
    rank = groups.cumcount()
    out.insert(2, "position", (rank + 0.5) / groups["compound"].transform("size"))
    out["rolling_mean"] = groups["compound"].transform(
        lambda s: s.rolling(window, center=True, min_periods=1).mean()
    )
    return out.reset_index(drop=True)


# --- what the score cannot see ---------------------------------------------------------------


def _vader_tokens(text: str) -> list[str]:
    """Word tokens as VADER looks them up: whitespace split, punctuation stripped, lower-cased."""
    from vaderSentiment.vaderSentiment import SentiText

    tokens = (SentiText._strip_punc_if_word(t).lower() for t in text.split())
    return [t for t in tokens if any(ch.isalpha() for ch in t)]


def sentiment_coverage(
    corpus: Corpus | Article | Iterable[Article], *, domain: Mapping[str, float] | None = None
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
    rows = []
    for article in _articles(corpus):
        n_tok = n_lex = n_mod = blind = 0
        sentences = article.sentences()
        for _, _, sentence in sentences:
            tokens = _vader_tokens(sentence)
            hits = sum(t in lexicon for t in tokens)
            n_tok, n_lex = n_tok + len(tokens), n_lex + hits
            n_mod += sum(t in modifiers for t in tokens)
            blind += hits == 0
        rows.append(
            (
                article.article_id,
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
    for article in _articles(corpus):
        counts: dict[str, int] = {}
        examples: dict[str, str] = {}
        for _, _, sentence in article.sentences():
            for token in _vader_tokens(sentence):
                if token in words:
                    counts[token] = counts.get(token, 0) + 1
                    examples.setdefault(token, sentence)
        for word in sorted(counts, key=lambda w: (-counts[w], w)):
            valence = float(lexicon.get(word, 0.0))
            reading = "absent" if word not in lexicon else "positive" if valence > 0 else "negative"
            rows.append(
                (
                    article.article_id,
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
    body = sentence_sentiment(articles, domain=domain)
    removed = removed_sentiment(articles, domain=domain)
    order = (
        ["boilerplate", "caption", "headline"]
        if by == "kind"
        else list(dict.fromkeys(removed["reason"]))
    )
    rows = []
    for article in articles:
        x = body.loc[body["article_id"] == article.article_id, "compound"].to_numpy(float)
        gone = removed[removed["article_id"] == article.article_id]
        if len(x) == 0:
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
