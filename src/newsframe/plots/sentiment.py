"""Figures for sentence-level sentiment: each takes a table from :mod:`newsframe.sentiment`.

Every figure shows sentences or intervals, never a bare article score, and marks VADER's
neutral band (compound between -0.05 and +0.05).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from newsframe.plots import article_colors, figure, panel_grid, require_columns, styled
from newsframe.sentiment import THRESHOLD

__all__ = [
    "plot_actor_sentiment",
    "plot_boilerplate_audit",
    "plot_comparison",
    "plot_coverage",
    "plot_sentence_scores",
    "plot_sentiment_arcs",
]

_GREY = "#777777"


def _neutral_band(ax, *, vertical: bool) -> None:
    span = ax.axvspan if vertical else ax.axhspan
    line = ax.axvline if vertical else ax.axhline
    span(-THRESHOLD, THRESHOLD, color="#eeeeee", zorder=0, lw=0)
    line(0, color=_GREY, lw=0.6, zorder=1)


@styled
def plot_sentence_scores(table: pd.DataFrame, summary: pd.DataFrame | None = None) -> Figure:
    """Return a strip + box plot of sentence compound scores per article (mean and CI if given).

    ``table`` is :func:`newsframe.sentence_sentiment` output; ``summary`` (optional) is
    :func:`newsframe.sentiment_summary` output, whose mean and interval are drawn as a diamond
    with a bar. Jitter is fixed (seed 0), so the figure is reproducible.
    """
    require_columns(table, ["article_id", "compound"], "plot_sentence_scores")
    ids = list(dict.fromkeys(table["article_id"]))
    colors = article_colors(ids)
    fig, ax = figure(width=7.0, height=1.0 + 0.8 * len(ids))
    _neutral_band(ax, vertical=True)
    rng = np.random.default_rng(0)
    groups = [table.loc[table["article_id"] == i, "compound"].to_numpy(float) for i in ids]
    ys = np.arange(len(ids))[::-1]
    ax.boxplot(groups, positions=ys, orientation="horizontal", widths=0.5, showfliers=False,
               medianprops={"color": "black"}, boxprops={"color": _GREY},
               whiskerprops={"color": _GREY}, capprops={"color": _GREY})  # fmt: skip
    for y, i, x in zip(ys, ids, groups, strict=True):
        ax.scatter(x, y + rng.uniform(-0.18, 0.18, len(x)), s=16, color=colors[i], alpha=0.75,
                   edgecolor="white", linewidth=0.4, zorder=3)  # fmt: skip
        if summary is not None:
            row = summary[(summary["article_id"] == i) & (summary["statistic"] == "mean_compound")]
            if not row.empty:
                m, lo, hi = row.iloc[0][["value", "ci_low", "ci_high"]]
                ax.errorbar(m, y + 0.36, xerr=[[m - lo], [hi - m]], fmt="D", color="black",
                            ms=4, capsize=2, lw=1, zorder=4)  # fmt: skip
    ax.set_yticks(ys, [f"{i}\n({len(x)} sentences)" for i, x in zip(ids, groups, strict=True)])
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("VADER compound per sentence (grey band: neutral, |compound| < 0.05)")
    title = "Sentence sentiment per article"
    ax.set_title(title + ("  (diamond: mean, 95% bootstrap CI)" if summary is not None else ""))
    return fig


@styled
def plot_comparison(comparison: pd.DataFrame) -> Figure:
    """Return a forest plot of ``a - b`` per statistic with its bootstrap interval, p and effect size.

    ``comparison`` is :func:`newsframe.compare_sentiment` output (one pair of articles or groups).
    """
    cols = ["a", "b", "statistic", "difference", "ci_low", "ci_high", "p_value", "effect_size"]
    require_columns(comparison, [*cols, "effect_measure", "exact"], "plot_comparison")
    fig, ax = figure(width=7.0, height=0.6 + 0.5 * len(comparison))
    ys = np.arange(len(comparison))[::-1]
    d = comparison["difference"].to_numpy(float)
    err = [d - comparison["ci_low"].to_numpy(float), comparison["ci_high"].to_numpy(float) - d]
    ax.axvline(0, color=_GREY, lw=0.6)
    ax.errorbar(d, ys, xerr=err, fmt="o", color="black", capsize=3, lw=1)
    for y, row in zip(ys, comparison.itertuples(index=False), strict=True):
        p = f"p = {row.p_value:.3f}{' (exact)' if row.exact else ''}"
        ax.annotate(f"{p}, {row.effect_measure.replace('_', ' ')} = {row.effect_size:+.2f}",
                    (1.01, y), xycoords=("axes fraction", "data"), va="center", fontsize=8)  # fmt: skip
    ax.set_yticks(ys, [s.replace("_", " ") for s in comparison["statistic"]])
    a, b = comparison["a"].iloc[0], comparison["b"].iloc[0]
    unit = comparison["unit"].iloc[0] if "unit" in comparison else "sentence"
    sizes = ""
    if "n_articles_a" in comparison:
        sizes = f"; {comparison['n_articles_a'].iloc[0]} vs {comparison['n_articles_b'].iloc[0]} articles"
    ax.set_xlabel(f"difference {a} − {b} (95% bootstrap CI over {unit}s{sizes})")
    ax.set_title(f"Sentiment: {a} vs {b}")
    return fig


#: Above this many articles the arcs are small multiples instead of overlaid lines.
MAX_OVERLAID_ARCS = 4


def _legend_layout(n: int) -> dict[str, int]:
    """Legend columns and font size that fit a 7-inch figure for ``n`` entries."""
    return {"ncols": min(n, 4), "fontsize": 8} if n <= 4 else {"ncols": 3, "fontsize": 7}


def _arc_panels(arc: pd.DataFrame, ids: list[str], colors: dict[str, str]) -> Figure:
    """One small panel per article: sentence scores and rolling mean by position."""
    fig, axes = panel_grid(len(ids), width=7.5, panel_height=1.5, max_cols=3)
    for ax, i in zip(axes, ids, strict=True):
        sub = arc[arc["article_id"] == i]
        _neutral_band(ax, vertical=False)
        ax.scatter(sub["position"], sub["compound"], s=8, color=colors[i], alpha=0.6)
        ax.plot(sub["position"], sub["rolling_mean"], color=colors[i], lw=1.4)
        ax.set_xlim(0, 1)
        ax.set_ylim(-1.05, 1.05)
        ax.set_title(i, fontsize=8)
    fig.supxlabel("position in article (0 = first sentence, 1 = last)", fontsize=8)
    fig.supylabel("VADER compound", fontsize=8)
    fig.suptitle("Sentiment arcs: sentences (dots) and centred rolling mean (line)", fontsize=10)
    return fig


@styled
def plot_sentiment_arcs(arc: pd.DataFrame) -> Figure:
    """Return each article's sentence scores by relative position, with the rolling mean as a line.

    ``arc`` is :func:`newsframe.sentiment_arc` output.
    """
    require_columns(
        arc, ["article_id", "position", "compound", "rolling_mean"], "plot_sentiment_arcs"
    )
    ids = list(dict.fromkeys(arc["article_id"]))
    colors = article_colors(ids)
    if len(ids) > MAX_OVERLAID_ARCS:
        return _arc_panels(arc, ids, colors)
    fig, ax = figure(width=7.0, height=3.6)
    _neutral_band(ax, vertical=False)
    for i in ids:
        sub = arc[arc["article_id"] == i]
        ax.scatter(sub["position"], sub["compound"], s=14, color=colors[i], alpha=0.6)
        ax.plot(sub["position"], sub["rolling_mean"], color=colors[i], lw=1.6, label=i)
    ax.set_xlim(0, 1)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel("position in article (0 = first sentence, 1 = last)")
    ax.set_ylabel("VADER compound")
    ax.set_title("Sentiment arc: sentences (dots) and centred rolling mean (line)")
    fig.legend(loc="outside lower center", **_legend_layout(len(ids)))
    return fig


@styled
def plot_actor_sentiment(actor_table: pd.DataFrame) -> Figure:
    """Return mean compound of sentences mentioning each actor, per article, with 95% intervals.

    ``actor_table`` is :func:`newsframe.actor_sentiment` output; points are labelled with the
    number of sentences behind them.
    """
    cols = ["article_id", "actor", "statistic", "value", "ci_low", "ci_high", "n_sentences"]
    require_columns(actor_table, cols, "plot_actor_sentiment", empty=True)
    t = actor_table[actor_table["statistic"] == "mean_compound"]
    if t.empty:
        fig, ax = figure(width=7.0, height=1.5)
        ax.text(0.5, 0.5, "no actor of the actor table is mentioned", ha="center", va="center")
        ax.set_axis_off()
        return fig
    ids, actors = list(dict.fromkeys(t["article_id"])), list(dict.fromkeys(t["actor"]))
    colors = article_colors(ids)
    fig, ax = figure(width=7.0, height=1.0 + 0.55 * len(actors) * max(1, len(ids)) ** 0.5)
    _neutral_band(ax, vertical=True)
    step = 0.7 / max(len(ids), 1)
    for k, i in enumerate(ids):
        sub = t[t["article_id"] == i]
        y = (
            np.array([len(actors) - 1 - actors.index(a) for a in sub["actor"]])
            + 0.35
            - step * (k + 0.5)
        )
        v = sub["value"].to_numpy(float)
        err = [v - sub["ci_low"].to_numpy(float), sub["ci_high"].to_numpy(float) - v]
        ax.errorbar(v, y, xerr=err, fmt="o", color=colors[i], capsize=2, lw=1, ms=4, label=i)
        for x, yy, n in zip(v, y, sub["n_sentences"], strict=True):
            ax.annotate(f"n={n}", (x, yy), xytext=(0, 4), textcoords="offset points",
                        ha="center", fontsize=7, color=colors[i])  # fmt: skip
    ax.set_yticks(np.arange(len(actors))[::-1], actors)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("mean VADER compound of sentences mentioning the actor (95% bootstrap CI)")
    ax.set_title("Sentiment near each actor (not stance toward it)")
    fig.legend(loc="outside lower center", **_legend_layout(len(ids)))
    return fig


@styled
def plot_coverage(coverage: pd.DataFrame, gaps: pd.DataFrame) -> Figure:
    """Return what VADER can see: share of tokens in its lexicon and of blind sentences per
    article (left), and the watch-list words used, with the valence VADER gives them (right).

    ``coverage`` is :func:`newsframe.sentiment_coverage` output, ``gaps`` :func:`newsframe.lexicon_gaps`.
    """
    require_columns(coverage, ["article_id", "share_lexicon", "share_blind"], "plot_coverage")
    require_columns(gaps, ["word", "count", "valence", "reading"], "plot_coverage", empty=True)
    fig, axes = figure(width=8.0, height=4.2, ncols=2)
    left, right = axes[0]
    ids = list(coverage["article_id"])
    colors = article_colors(ids)
    x = np.arange(2)
    width = 0.8 / len(ids)
    for k, row in enumerate(coverage.itertuples(index=False)):
        vals = [row.share_lexicon, row.share_blind]
        left.bar(
            x + width * (k - (len(ids) - 1) / 2),
            vals,
            width,
            color=colors[row.article_id],
            label=row.article_id,
        )
    left.set_xticks(x, ["tokens in\nVADER's lexicon", "sentences with no\nlexicon word (score 0)"])
    left.set_ylim(0, 1)
    left.set_ylabel("share")
    left.legend(fontsize=7, loc="upper left")
    left.set_title("What VADER can see")
    words = gaps.groupby("word", sort=False).agg(
        count=("count", "sum"), valence=("valence", "first"), reading=("reading", "first")
    )
    words = words.sort_values(["valence", "count"], kind="stable")
    shade = {"absent": "#bbbbbb", "positive": "#009E73", "negative": "#D55E00"}
    ys = np.arange(len(words))
    right.barh(ys, words["valence"], color=[shade[r] for r in words["reading"]])
    right.scatter(
        np.zeros(len(words))[words["reading"].to_numpy() == "absent"],
        ys[words["reading"].to_numpy() == "absent"],
        marker="|",
        color="black",
        s=40,
    )
    right.set_yticks(
        ys, [f"{w} ({c})" for w, c in zip(words.index, words["count"], strict=True)], fontsize=7
    )
    right.axvline(0, color=_GREY, lw=0.6)
    right.set_xlim(-4, 4)
    right.set_xlabel("VADER lexicon valence (grey tick: absent, scores 0)")
    right.set_title("Watch-list words used (count, all articles)")
    if words.empty:
        right.text(0, 0.5, "no watch-list word in these articles", ha="center", va="center")
    return fig


@styled
def plot_boilerplate_audit(audit: pd.DataFrame) -> Figure:
    """Return how far each kind of removed text would have moved each article's mean compound.

    ``audit`` is :func:`newsframe.boilerplate_audit` output (grouped by kind or by reason).
    """
    by = "reason" if "reason" in audit.columns else "kind"
    require_columns(
        audit,
        ["article_id", by, "shift", "removed_sentences"],
        "plot_boilerplate_audit",
        empty=True,
    )
    if audit.empty:
        fig, ax = figure(width=7.0, height=1.5)
        ax.text(0.5, 0.5, "the cleaner removed nothing", ha="center", va="center")
        ax.set_axis_off()
        return fig
    ids = list(dict.fromkeys(audit["article_id"]))
    kinds = list(dict.fromkeys(audit[by]))
    colors = article_colors(ids)
    fig, ax = figure(width=7.0, height=1.0 + 0.5 * len(kinds))
    step = 0.8 / len(ids)
    for k, i in enumerate(ids):
        sub = audit[audit["article_id"] == i].set_index(by).reindex(kinds)
        ys = np.arange(len(kinds))[::-1] + 0.4 - step * (k + 0.5)
        ax.barh(ys, sub["shift"].fillna(0.0), step * 0.9, color=colors[i], label=i)
        for y, s, n in zip(ys, sub["shift"], sub["removed_sentences"], strict=True):
            if not pd.isna(n):
                ax.annotate(f"{s:+.3f} ({int(n)} sent.)", (s, y), xytext=(3 if s >= 0 else -3, 0),
                            textcoords="offset points", va="center", ha="left" if s >= 0 else "right", fontsize=7)  # fmt: skip
    ax.axvline(0, color=_GREY, lw=0.6)
    ax.set_yticks(np.arange(len(kinds))[::-1], kinds)
    lim = max(0.1, float(audit["shift"].abs().max()) * 1.6)
    ax.set_xlim(-lim, lim)
    ax.set_xlabel("change in the article's mean sentence compound had this text been kept")
    ax.set_title("What the removed text would have done to the score")
    fig.legend(loc="outside lower center", **_legend_layout(len(ids)))
    return fig
