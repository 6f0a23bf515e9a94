"""Keyness: which terms one side uses more than the other, with effect sizes and uncertainty.

Two ~250-word articles are a tiny sample. Keyness tables therefore carry both corpus sizes,
adjusted p-values and effect sizes side by side, and are sorted by effect size (Hardie's Log
Ratio), not by p-value; :func:`bootstrap_rate_difference` shows which differences survive
resampling sentences. The statistics themselves live in :mod:`newsframe.stats`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from newsframe.corpus import Article
from newsframe.document import analyse_corpus
from newsframe.errors import NewsframeError
from newsframe.resources import Resources, resolve_resources
from newsframe.stats import (
    adjust_pvalues,
    bootstrap_rates,
    chi2_sf1,
    critical_g2,
    g2,
    log_ratio,
    logodds_dirichlet,
    percentile_interval,
    renamed,
)
from newsframe.tables import tokens_frame
from newsframe.terms.background import _background
from newsframe.terms.counts import _articles, _check_unit, count_terms

__all__ = ["bootstrap_rate_difference", "key_terms", "keyness", "keyness_one_vs_rest"]

#: A term is flagged when it is in one measure's top FLAG_TOP for its side but ranks beyond
#: FLAG_BEYOND by another.
FLAG_TOP, FLAG_BEYOND = 10, 30
KEYNESS_COLUMNS = [
    "article_id", "reference", "term", "count_a", "count_b", "n_a", "n_b", "per_1000_a",
    "per_1000_b", "log_ratio", "g2", "p_g2", "p_bh", "p_bonferroni", "logodds", "logodds_se",
    "logodds_z", "prior_alpha", "in_prior", "key_for", "rank_log_ratio", "rank_g2",
    "rank_logodds", "disagree", "note", "n_tests", "bonferroni_g2", "n_pass_bonferroni",
]  # fmt: skip
#: Family-wise error rate of the Bonferroni bar each keyness table carries.
ALPHA = 0.05
#: The dtype of the side labels (``article_id``, ``reference``, ``key_for``): pandas' ``str``
#: kept as Python objects, so a label repeated on every row is one string shared by reference
#: (a group's label joins its article ids: 400 articles give a 4 KB label, which the Arrow
#: storage would copy into every one of tens of thousands of rows).
_LABEL = pd.StringDtype("python", na_value=np.nan)
#: The dtype of ``note``: pandas' default ``str``.
_NOTE = pd.StringDtype(na_value=np.nan)


def _prior_alpha(terms: np.ndarray, prior, strength: float | None, unit: str, pooled: np.ndarray):
    """Return (α_w per term, term found in prior, α0) for the Dirichlet prior of strength α0."""
    strength = float(max(len(terms), 1)) if strength is None else float(strength)
    if not np.isfinite(strength) or strength <= 0:
        raise NewsframeError(f"prior_strength must be positive, got {strength!r}")
    if isinstance(prior, str) and prior == "uniform":
        weight, found = np.ones(len(terms)), np.ones(len(terms), dtype=bool)
    elif isinstance(prior, str) and prior == "pooled":
        found = pooled > 0
        weight = np.where(found, pooled, 0.5)
    elif isinstance(prior, str) and prior == "background":
        weight, found = _background(terms, unit)
    elif isinstance(prior, pd.Series | Mapping):
        series = pd.Series(prior, dtype=float)
        if series.empty or not np.isfinite(series).all() or (series <= 0).any():
            raise NewsframeError("a prior Series needs positive, finite weights")
        weight = np.array(series.reindex(pd.Index(terms, dtype=object)), dtype=float)
        found = ~np.isnan(weight)
        weight[~found] = series.min() / 2  # a missing term: half the smallest weight given
    else:
        raise NewsframeError(
            "prior must be 'background', 'pooled', 'uniform' or a Series of term weights"
        )
    return strength * weight / weight.sum(), found, strength


def _ranks_within(magnitude: np.ndarray, side: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return (min rank, max rank) of each magnitude among its side, 1 = largest (numpy only)."""
    low, high = np.zeros(len(side), np.int64), np.zeros(len(side), np.int64)
    for code in np.unique(side):
        members = np.flatnonzero(side == code)
        order = members[np.argsort(-magnitude[members], kind="stable")]
        ordered = magnitude[order]
        n = len(order)
        position = np.arange(n)
        changes = np.r_[True, ordered[1:] != ordered[:-1]]  # first of a run of ties
        last = np.r_[ordered[1:] != ordered[:-1], True]  # last of a run of ties
        low[order] = np.maximum.accumulate(np.where(changes, position, 0)) + 1
        high[order] = np.minimum.accumulate(np.where(last, position, n - 1)[::-1])[::-1] + 1
    return low, high


def _side_ranks(columns: dict[str, np.ndarray], side: np.ndarray) -> None:
    """Add rank_* columns (1 = most key for the term's side), the disagreement flag and its note."""
    magnitudes = {
        "rank_log_ratio": np.abs(columns["log_ratio"]),
        "rank_g2": columns["g2"],
        "rank_logodds": np.abs(columns["logodds_z"]),
    }
    top = np.zeros(len(side), bool)
    beyond = np.zeros(len(side), bool)
    for column, magnitude in magnitudes.items():
        low, high = _ranks_within(magnitude, side)
        columns[column] = low
        top |= high <= FLAG_TOP
        beyond |= low > FLAG_BEYOND
    ratio, z = columns["log_ratio"], columns["logodds_z"]
    opposite = (np.sign(ratio) * np.sign(z) < 0) & (np.abs(ratio) >= 1)
    columns["disagree"] = (top & beyond) | opposite
    note = np.full(len(side), "", dtype=object)
    for k in np.flatnonzero(columns["disagree"]).tolist():
        note[k] = (
            "log ratio and log-odds point to opposite sides"
            if opposite[k]
            else f"rank by log ratio {columns['rank_log_ratio'][k]}, G² {columns['rank_g2'][k]}, "
            f"log-odds z {columns['rank_logodds'][k]}"
        )
    columns["note"] = note


def _comparison(terms, a, b, sizes, prior_parts) -> tuple[dict[str, np.ndarray], dict]:
    """Return the columns of one comparison of the tested terms (counts ``a``, ``b`` as floats,
    corpus ``sizes``, the prior's ``(alpha, found, alpha0)``), sorted by effect size, and the
    table's Bonferroni attributes (all numpy, no loop over terms)."""
    n_a, n_b = sizes
    alpha, found, alpha0 = prior_parts
    ratio = log_ratio(a, b, n_a, n_b)
    g = g2(a, b, n_a, n_b)
    p = chi2_sf1(g)
    delta, se, z = logodds_dirichlet(a, b, n_a, n_b, alpha, alpha0=alpha0)
    rate_a, rate_b = 1000.0 * a / n_a, 1000.0 * b / n_b
    side = np.sign(rate_a - rate_b).astype(np.int64)
    columns = {
        "term": terms, "count_a": a, "count_b": b, "per_1000_a": rate_a, "per_1000_b": rate_b,
        "log_ratio": ratio, "g2": g, "p_g2": p, "p_bh": adjust_pvalues(p, method="bh"),
        "p_bonferroni": adjust_pvalues(p, method="bonferroni"), "logodds": delta,
        "logodds_se": se, "logodds_z": z, "prior_alpha": alpha, "in_prior": found, "side": side,
    }  # fmt: skip
    _side_ranks(columns, side)
    bar = critical_g2(len(terms), alpha=ALPHA) if len(terms) else float("nan")
    passing = int((g > bar).sum()) if len(terms) else 0
    order = np.lexsort((np.arange(len(terms)), -g, -ratio))  # terms arrive sorted: ties by term
    return {k: v[order] for k, v in columns.items()}, _bar_attrs(len(terms), bar, passing)


def _frame(
    labels: list[tuple[str, str]], parts: list[tuple[dict, dict]], sizes: list
) -> pd.DataFrame:
    """Return the keyness table of one or more comparisons (their ``labels``, columns and
    attributes, corpus ``sizes``) stacked in one DataFrame, built once."""
    lengths = [len(columns["term"]) for columns, _ in parts]

    def stack(name: str) -> np.ndarray:
        return np.concatenate([columns[name] for columns, _ in parts])

    def repeat(values: list) -> np.ndarray:
        return np.repeat(np.array(values), lengths)

    def label(values: list[str]) -> pd.api.extensions.ExtensionArray:
        return pd.array(np.repeat(np.array(values, dtype=object), lengths), dtype=_LABEL)

    counts = {name: stack(name) for name in ("count_a", "count_b")}
    sides = np.concatenate(
        [
            np.array([b, "neither", a], dtype=object)[c["side"] + 1]
            for (a, b), (c, _) in zip(labels, parts, strict=True)
        ]
    )
    attrs = [a for _, a in parts]
    frame = pd.DataFrame(
        {
            "article_id": label([a for a, _ in labels]), "reference": label([b for _, b in labels]),
            "term": stack("term").astype(object),
            **{k: v.astype(np.int64) if (v % 1 == 0).all() else v for k, v in counts.items()},
            "n_a": repeat([float(n) for n, _ in sizes]), "n_b": repeat([float(n) for _, n in sizes]),
            **{k: stack(k) for k in ("per_1000_a", "per_1000_b", "log_ratio", "g2", "p_g2", "p_bh",
                                     "p_bonferroni", "logodds", "logodds_se", "logodds_z",
                                     "prior_alpha", "in_prior")},
            "key_for": pd.array(sides, dtype=_LABEL),
            **{k: stack(k) for k in ("rank_log_ratio", "rank_g2", "rank_logodds", "disagree")},
            "note": pd.array(stack("note"), dtype=_NOTE),
            "n_tests": repeat([a["n_tests"] for a in attrs]).astype(np.int64),
            "bonferroni_g2": repeat([a["bonferroni_g2"] for a in attrs]).astype(float),
            "n_pass_bonferroni": repeat([a["n_pass_bonferroni"] for a in attrs]).astype(np.int64),
        }
    )  # fmt: skip
    if len(parts) == 1:
        frame.attrs.update(attrs[0])
    return frame


def _keyness_table(labels, terms, count_a, count_b, sizes, *, prior, strength, unit, min_count):
    """Return the keyness DataFrame for aligned count vectors (all numpy, no loop over terms)."""
    keep = (count_a + count_b) >= min_count
    terms, a, b = terms[keep], count_a[keep].astype(float), count_b[keep].astype(float)
    prior_parts = _prior_alpha(terms, prior, strength, unit, a + b)
    return _frame([labels], [_comparison(terms, a, b, sizes, prior_parts)], [sizes])


def _bar_attrs(n_tests: int, bar: float, passing: int) -> dict[str, float | int]:
    return {"alpha": ALPHA, "n_tests": n_tests, "bonferroni_g2": bar, "n_pass_bonferroni": passing}


def _as_side(x, unit: str, stopwords, default: str, resources) -> tuple[str, pd.Series, float]:
    """Return (label, term counts, corpus size) for an Article, group of Articles or counts."""
    if isinstance(x, pd.Series | Mapping):
        counts = pd.Series(x, dtype=float)
        counts.index = counts.index.astype(str)
        if counts.index.duplicated().any():
            counts = counts.groupby(level=0).sum()
        if not np.isfinite(counts).all() or (counts < 0).any():
            raise NewsframeError(f"side {default}: counts must be non-negative and finite")
        name = getattr(x, "name", None)
        return (str(name) if name is not None else default), counts, float(counts.sum())
    counts = count_terms(x, unit=unit, stopwords=stopwords, resources=resources)
    n = float(counts.n_tokens.sum())
    label = "+".join(counts.article_ids)
    if n == 0:
        raise NewsframeError(f"{label}: no tokens; keyness needs text on both sides")
    return label, counts.series(), n


def keyness(
    a: Article | Iterable[Article] | pd.Series | Mapping[str, float],
    b: Article | Iterable[Article] | pd.Series | Mapping[str, float],
    *,
    unit: str = "lemma",
    stopwords: bool | Iterable[str] = True,
    prior: str | pd.Series = "background",
    prior_strength: float | None = None,
    min_count: int = 1,
    resources: Resources | None = None,
    sizes: tuple[float, float] | None = None,
) -> pd.DataFrame:
    """Return one row per term comparing side ``a`` with side ``b``, sorted by effect size.

    ``a`` and ``b`` are each an :class:`Article`, a group of articles (pooled), or term → count
    (a Series or mapping, whose sum is taken as the corpus size unless ``sizes`` gives the two
    sizes, e.g. the running word counts when the counts leave stopwords out). For articles, ``n_a``/``n_b``
    are the running token counts (stopwords included) while the terms tested exclude stopwords
    unless ``stopwords=False``. Terms with fewer than ``min_count`` occurrences in a and b
    together are dropped before testing, so they do not count towards the correction.

    Columns (``article_id`` is side a's label, ``reference`` side b's; every row carries both
    corpus sizes ``n_a, n_b``):

    - ``log_ratio``: Hardie's (2014) Log Ratio, the effect size; rows are sorted by it.
    - ``g2, p_g2``: Dunning's log-likelihood, 4-term form, no correction (:func:`g2`), and its
      χ²₁ p-value; ``p_bh`` (Benjamini–Hochberg) and ``p_bonferroni`` adjust over all terms
      tested. Two short articles give a few hundred terms, so the Bonferroni bar is
      G² ≈ 15 (:func:`critical_g2`): almost nothing passes, and a raw ``p_g2 < .05`` means little.
    - ``logodds, logodds_se, logodds_z``: Monroe, Colaresi & Quinn (2008) log-odds ratio with a
      Dirichlet prior (:func:`logodds_dirichlet`) of total strength ``prior_strength`` (α0;
      default: the number V of compared terms, i.e. one pseudo-count per term on average),
      spread over the compared terms in proportion to ``prior``: ``"background"`` (general
      English frequencies, :func:`background_frequencies`; missing terms get a floor),
      ``"pooled"`` (the two sides' summed counts, as in Monroe et al.), ``"uniform"`` (α0 / V
      each: add-one smoothing at the default strength) or a Series of term weights (a missing
      term gets half the smallest weight). ``in_prior`` says which terms the prior knew;
      ``prior_alpha`` is α_w. A background prior gives a term that is rare in English little
      smoothing, so a rare term seen on one side only gets a wide interval and a small z.
    - ``key_for``: the side with the higher rate; ``rank_*``: rank by each measure within that
      side; ``disagree`` flags a term in one measure's top 10 that another ranks beyond 30, or
      whose log ratio (at least a twofold difference) and log-odds z have opposite signs;
      ``note`` says how.

    >>> a = pd.Series({"treaty": 3, "island": 5, "other": 792}, name="A")
    >>> b = pd.Series({"treaty": 0, "island": 1, "other": 899}, name="B")
    >>> k = keyness(a, b, prior="uniform")
    >>> k[["term", "g2", "p_g2"]].round(3).head(2).to_string(index=False)
    '  term    g2  p_g2\\ntreaty 4.529 0.033\\nisland 3.414 0.065'
    """
    label_a, count_a, n_a = _as_side(a, unit, stopwords, "a", resources)
    label_b, count_b, n_b = _as_side(b, unit, stopwords, "b", resources)
    if sizes is not None:
        if not all(isinstance(x, pd.Series | Mapping) for x in (a, b)):
            raise NewsframeError("keyness: sizes= is for sides given as term counts")
        n_a, n_b = float(sizes[0]), float(sizes[1])
    if label_a == label_b:
        label_a, label_b = f"{label_a} (a)", f"{label_b} (b)"
    if count_a.index.equals(count_b.index):
        terms, a_values, b_values = count_a.index, count_a.to_numpy(float), count_b.to_numpy(float)
    else:
        terms = count_a.index.union(count_b.index)
        a_values = count_a.reindex(terms, fill_value=0).to_numpy(dtype=float)
        b_values = count_b.reindex(terms, fill_value=0).to_numpy(dtype=float)
    keys = terms.to_numpy(dtype=object)  # never a fixed-width array as wide as the longest term
    order = np.argsort(keys, kind="stable")  # sorted terms: ties in the table break by term
    return _keyness_table(
        (label_a, label_b),
        keys[order],
        a_values[order],
        b_values[order],
        (n_a, n_b),
        prior=prior,
        strength=prior_strength,
        unit=unit,
        min_count=min_count,
    )


def keyness_one_vs_rest(
    corpus: Iterable[Article],
    *,
    unit: str = "lemma",
    stopwords: bool | Iterable[str] = True,
    prior: str | pd.Series = "background",
    prior_strength: float | None = None,
    min_count: int = 1,
    resources: Resources | None = None,
) -> pd.DataFrame:
    """Return :func:`keyness` of each article against all the others pooled, stacked.

    ``article_id`` is the article, ``reference`` is ``"rest"``; p-values are adjusted within each
    article's comparison. Needs at least two articles, each with some tokens. Columns and
    method as in :func:`keyness`.

    >>> a = Article("a", "", ("Putin spoke of the islands.",))
    >>> b = Article("b", "", ("Abe spoke of the islands.",))
    >>> keyness_one_vs_rest([a, b])[["article_id", "term", "count_a", "count_b"]].head(2)
      article_id    term  count_a  count_b
    0          a   putin        1        0
    1          a  island        1        1
    """
    articles = _articles(corpus)
    if len(articles) < 2:
        raise NewsframeError("keyness_one_vs_rest needs at least two articles")
    counts = count_terms(
        articles, unit=unit, stopwords=stopwords, resources=resolve_resources(resources, corpus)
    )
    empty = [i for i, n in zip(counts.article_ids, counts.n_tokens, strict=True) if n == 0]
    if empty:
        raise NewsframeError(f"{empty[0]}: no tokens; keyness needs text on both sides")
    total = np.asarray(counts.counts.sum(axis=0)).ravel()
    keep = total >= min_count  # a + b is the corpus total for every article: the same terms
    terms, matrix, total = counts.terms[keep], counts.counts, total[keep]
    if not keep.all():
        matrix = matrix[:, np.flatnonzero(keep)]
    n_all = float(counts.n_tokens.sum())
    labels, parts, sizes, prior_parts = [], [], [], None
    for i, article_id in enumerate(counts.article_ids):
        row = matrix[i].toarray().ravel()  # one dense row at a time: memory ∝ vocabulary
        a, b = row.astype(float), (total - row).astype(float)
        if prior_parts is None:  # the prior weighs the tested terms: the same for every article
            prior_parts = _prior_alpha(terms, prior, prior_strength, unit, a + b)
        n_i = float(counts.n_tokens[i])
        labels.append((article_id, "rest"))
        sizes.append((n_i, n_all - n_i))
        parts.append(_comparison(terms, a, b, sizes[-1], prior_parts))
    frame = _frame(labels, parts, sizes)
    first = parts[0][1]
    if all(attrs == first for _, attrs in parts):  # as pandas.concat keeps equal attrs
        frame.attrs.update(first)
    return frame


def key_terms(table: pd.DataFrame, *, top_n: int = 12, measure: str = "log_ratio") -> dict:
    """Return each side's ``top_n`` key terms of a :func:`keyness` table, in the order a reader
    sees them: ``{side a's name: rows, side b's name: rows}``.

    A term is key for side a when its ``measure`` is positive (a higher rate in a), for side b
    when negative; each side's terms are ranked by the size of ``measure`` (ties: larger G²,
    then the term). :func:`newsframe.plots.terms.plot_keyness` draws these rows and the report
    lists them, so the figure and the text name the same terms.

    >>> a = pd.Series({"treaty": 3, "island": 5, "visa": 1, "other": 791}, name="A")
    >>> b = pd.Series({"treaty": 0, "island": 1, "visa": 4, "other": 895}, name="B")
    >>> {side: rows["term"].tolist() for side, rows in key_terms(keyness(a, b)).items()}
    {'A': ['treaty', 'island'], 'B': ['visa', 'other']}
    """
    if measure not in ("log_ratio", "logodds_z", "g2"):
        raise NewsframeError(f"measure must be log_ratio, logodds_z or g2, got {measure!r}")
    if table.empty:
        return {}
    score = table[measure] * (np.sign(table["log_ratio"]) if measure == "g2" else 1)
    data = table.assign(_score=score)
    up = data[data["_score"] > 0].sort_values(
        ["_score", "g2", "term"], ascending=[False, False, True]
    )
    down = data[data["_score"] < 0].sort_values(
        ["_score", "g2", "term"], ascending=[True, False, True]
    )
    label_a, label_b = str(table["article_id"].iloc[0]), str(table["reference"].iloc[0])
    return {
        label_a: up.head(top_n).drop(columns="_score"),
        label_b: down.head(top_n).drop(columns="_score"),
    }


# --- uncertainty -------------------------------------------------------------------------


def _sentence_counts(articles: list[Article], unit: str, resources):
    """Return (sentence × term sparse counts, words per sentence, term names, is-stop per term).

    Terms as in :func:`newsframe.tokens_frame` (multi-word terms merged); words per sentence
    from the analysed documents (every word, as in :attr:`Document.n_words`), so the rates are
    per 1,000 words like every other rate.
    """
    docs = analyse_corpus(articles, resources=resources)
    per_doc = [np.bincount(d.token_sentence[d.n_headline_tokens :], minlength=d.n_sentences)
               for d in docs]  # fmt: skip
    lengths = np.concatenate(per_doc) if per_doc else np.zeros(0)
    frame = tokens_frame(articles, resources=resources)
    if frame.empty or lengths.sum() == 0:
        label = "+".join(a.article_id for a in articles)
        raise NewsframeError(f"{label}: no tokens; a bootstrap needs sentences on both sides")
    offsets = np.cumsum([0] + [d.n_sentences for d in docs[:-1]])
    first = {}
    for d, offset in zip(docs, offsets.tolist(), strict=True):
        first.setdefault(d.article_id, offset)
    sentence = frame["article_id"].map(first).to_numpy(np.int64) + frame["sentence_id"].to_numpy()
    term = frame["lemma"] if unit == "lemma" else frame["token"].str.lower()
    codes, names = pd.factorize(term, sort=True)
    from scipy import sparse

    matrix = sparse.csr_matrix(
        (np.ones(len(frame)), (sentence, codes)), shape=(len(lengths), len(names))
    )
    stop_only = frame.groupby(codes)["is_stop"].all().to_numpy()
    return matrix, lengths.astype(float), np.asarray(names, dtype=object), stop_only


def bootstrap_rate_difference(
    a: Article | Iterable[Article],
    b: Article | Iterable[Article],
    *,
    terms: Iterable[str] | None = None,
    n_resamples: int = 2000,
    confidence: float = 0.95,
    seed: int = 0,
    unit: str = "lemma",
    resources: Resources | None = None,
    n_boot: int | None = None,
) -> pd.DataFrame:
    """Return each term's rate difference (a − b, per 1,000 words) with a bootstrap interval.

    Sentences are the resampling unit (words within a sentence are not independent): each of
    ``n_resamples`` replicates draws every side's sentences with replacement, keeping their
    number, and recomputes both rates; ``ci_low``/``ci_high`` are the percentile interval at
    level ``confidence`` (the 2.5th and 97.5th percentiles at 0.95) of the difference
    (percentile bootstrap, Efron & Tibshirani 1993), ``excludes_zero`` whether the interval
    leaves out 0. Fixed ``seed``, so reruns agree. ``terms`` defaults to every non-stopword
    term; pass a few terms for large corpora. With two short articles most intervals straddle
    0. Rates are per 1,000 words (:attr:`Document.n_words`). ``n_boot`` is the deprecated name
    of ``n_resamples``.

    Columns: ``article_id, reference, term, per_1000_a, per_1000_b, difference, ci_low,
    ci_high, excludes_zero, n_sentences_a, n_sentences_b, n_resamples, seed``, sorted by
    difference.

    >>> a = Article("a", "", ("Putin spoke. Putin smiled. Putin left.",))
    >>> b = Article("b", "", ("Abe spoke. Abe smiled. Abe left.",))
    >>> r = bootstrap_rate_difference(a, b, terms=["putin", "speak"], n_resamples=200)
    >>> r[["term", "difference", "ci_low", "ci_high"]].round(1).to_string(index=False)
    ' term  difference  ci_low  ci_high\\nputin       500.0   500.0    500.0\\nspeak         0.0  -333.3    333.3'
    """
    n_resamples = renamed(
        n_resamples, n_boot, old="n_boot", new="n_resamples", where="bootstrap_rate_difference"
    )
    _check_unit(unit)
    if n_resamples < 1:
        raise NewsframeError(f"n_resamples must be at least 1, got {n_resamples}")
    if not 0.0 < confidence < 1.0:
        raise NewsframeError(f"confidence must lie strictly between 0 and 1, got {confidence}")
    res = resolve_resources(resources, a)
    sides = [_articles(x) for x in (a, b)]
    parts = [_sentence_counts(articles, unit, res) for articles in sides]
    if terms is None:
        chosen = sorted({t for _, _, names, stop in parts for t in names[~stop]})
    else:
        chosen = list(dict.fromkeys(str(t) for t in terms))
    rng = np.random.default_rng(seed)
    observed, replicates = [], []
    for matrix, lengths, names, _ in parts:
        where = pd.Index(names).get_indexer(chosen)
        present = where >= 0
        full = np.zeros((n_resamples, len(chosen)))
        full[:, present] = bootstrap_rates(
            matrix[:, where[present]], lengths, n_resamples=n_resamples, rng=rng
        )
        replicates.append(full)
        counts = np.zeros(len(chosen))
        counts[present] = np.asarray(matrix[:, where[present]].sum(axis=0)).ravel()
        observed.append(1000.0 * counts / lengths.sum())
    diff = replicates[0] - replicates[1]
    low, high = percentile_interval(diff, confidence=confidence) if len(chosen) else ([], [])
    rows = pd.RangeIndex(len(chosen))
    frame = pd.DataFrame(
        {
            "article_id": pd.Series("+".join(x.article_id for x in sides[0]), rows, _LABEL),
            "reference": pd.Series("+".join(x.article_id for x in sides[1]), rows, _LABEL),
            "term": np.array(chosen, dtype=object), "per_1000_a": observed[0],
            "per_1000_b": observed[1], "difference": observed[0] - observed[1],
            "ci_low": np.round(low, 10), "ci_high": np.round(high, 10),
            "n_sentences_a": parts[0][0].shape[0], "n_sentences_b": parts[1][0].shape[0],
            "n_resamples": n_resamples, "seed": seed,
        }
    )  # fmt: skip
    frame.insert(8, "excludes_zero", (frame["ci_low"] > 0) | (frame["ci_high"] < 0))
    order = np.lexsort((pd.factorize(frame["term"], sort=True)[0], -frame["difference"].to_numpy()))
    return frame.iloc[order].reset_index(drop=True)
