"""Which words each article leans on: term counts, TF-IDF, keyness, KWIC and collocations.

One module per idea: :mod:`~newsframe.terms.counts` (the sparse article × term counts every
other statistic starts from), :mod:`~newsframe.terms.background` (general-English frequencies),
:mod:`~newsframe.terms.tfidf`, :mod:`~newsframe.terms.keyness` (two sides compared, with
bootstrap intervals), :mod:`~newsframe.terms.context` (KWIC and dispersion) and
:mod:`~newsframe.terms.collocations`. The pure statistics (G², Log Ratio, log-odds, p-value
adjustment) live in :mod:`newsframe.stats` and are re-exported here.
"""

from __future__ import annotations

from newsframe.stats import (
    adjust_pvalues,
    critical_g2,
    g2,
    log_ratio,
    logodds_dirichlet,
)
from newsframe.terms.background import BACKGROUND_FLOOR, background_frequencies
from newsframe.terms.collocations import collocations
from newsframe.terms.context import dispersion, kwic
from newsframe.terms.counts import UNITS, TermCounts, count_terms, term_frequencies
from newsframe.terms.keyness import (
    KEYNESS_COLUMNS,
    bootstrap_rate_difference,
    key_terms,
    keyness,
    keyness_one_vs_rest,
)
from newsframe.terms.tfidf import IDF_SOURCES, tfidf

__all__ = [
    "BACKGROUND_FLOOR",
    "IDF_SOURCES",
    "KEYNESS_COLUMNS",
    "UNITS",
    "TermCounts",
    "adjust_pvalues",
    "background_frequencies",
    "bootstrap_rate_difference",
    "collocations",
    "count_terms",
    "critical_g2",
    "dispersion",
    "g2",
    "key_terms",
    "keyness",
    "keyness_one_vs_rest",
    "kwic",
    "log_ratio",
    "logodds_dirichlet",
    "term_frequencies",
    "tfidf",
]
