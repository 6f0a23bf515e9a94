"""Figures for the corpus notebook: basic counts per article and what cleaning removed."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from newsframe.plots import article_colors, figure, styled

__all__ = ["cleaning_figure", "counts_figure"]

_COUNTS = {
    "paragraphs": "Paragraphs",
    "sentences": "Sentences",
    "tokens": "Word tokens",
    "types": "Word types",
}


@styled
def counts_figure(counts: pd.DataFrame) -> Figure:
    """Return small multiples of paragraphs, sentences, tokens and types per article.

    ``counts`` is :func:`newsframe.tables.corpus_counts`. Each panel has its own axis (the counts
    differ by orders of magnitude); bars are labelled with their values.
    """
    ids = counts["article_id"].tolist()
    colors = article_colors(ids)
    fig, grid = figure(width=8.0, height=1.2 + 0.35 * len(ids), ncols=len(_COUNTS), sharey=True)
    axes = grid[0]
    for ax, (column, title) in zip(axes, _COUNTS.items(), strict=True):
        values = counts[column].to_numpy()
        bars = ax.barh(range(len(ids)), values, color=[colors[i] for i in ids])
        ax.bar_label(bars, padding=2, fontsize=8)
        ax.set_title(title)
        ax.set_xlim(0, values.max() * 1.3 if len(values) and values.max() > 0 else 1)
        ax.set_xticks([])
        ax.spines["bottom"].set_visible(False)
    axes[0].set_yticks(range(len(ids)), ids)
    axes[0].invert_yaxis()
    fig.suptitle("Clean article bodies: basic counts (headline and captions excluded)", fontsize=10)
    return fig


_SHADES = ("#333333", "#D55E00", "#E69F00", "#CC79A7", "#56B4E9", "#009E73", "#0072B2",
           "#F0E442", "#999999")  # fmt: skip
_OTHER = "other removed lines"


def _shorten(text: str, limit: int = 48) -> str:
    """A legend entry cut to ``limit`` characters, so two legend columns fit the figure."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


@styled
def cleaning_figure(summary: pd.DataFrame, *, max_reasons: int = 7) -> Figure:
    """Return one stacked bar per article: words kept as article body vs removed, by reason.

    ``summary`` is :meth:`newsframe.Corpus.removal_summary`. The kept body is the first (dark)
    segment; the ``max_reasons`` reasons that removed most words across the corpus follow, in that
    order, and any further reasons are pooled as "other removed lines" (the table has them all).
    """
    ids = list(dict.fromkeys(summary["article_id"]))
    table = summary.pivot_table(index="article_id", columns="reason", values="words", aggfunc="sum",
                                fill_value=0).reindex(ids)  # fmt: skip
    kept = "kept: article body"
    removed = sorted((c for c in table.columns if c != kept), key=lambda c: (-table[c].sum(), c))
    if len(removed) > max_reasons:
        table[_OTHER] = table[removed[max_reasons:]].sum(axis=1)
        removed = [*removed[:max_reasons], _OTHER]
    reasons = [kept, *removed]
    fig, ax = figure(width=8.0, height=1.4 + 0.45 * len(ids) + 0.17 * ((len(reasons) + 1) // 2))
    left = pd.Series(0, index=ids, dtype=float)
    for n, reason in enumerate(reasons):
        values = table[reason] if reason in table else pd.Series(0, index=ids)
        ax.barh(range(len(ids)), values, left=left, color=_SHADES[n], label=_shorten(reason),
                height=0.6)  # fmt: skip
        left += values
    ax.set_yticks(range(len(ids)), ids)
    ax.invert_yaxis()
    ax.set_xlabel("words on the copied page")
    ax.set_title("What the cleaner kept and removed, in words")
    fig.legend(loc="outside lower center", ncol=2, fontsize=7)
    return fig
