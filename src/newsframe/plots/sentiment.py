"""Figures for sentence-level sentiment: each takes a table from :mod:`newsframe.sentiment`.

Every figure shows sentences or intervals, never a bare article score, and marks VADER's
neutral band (compound between -0.05 and +0.05).
"""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from newsframe.errors import NewsframeError
from newsframe.plots import (
    article_colors,
    figure,
    ink,
    panel_columns,
    panel_grid,
    require_columns,
    styled,
)
from newsframe.sentiment import THRESHOLD

__all__ = [
    "plot_actor_sentiment",
    "plot_boilerplate_audit",
    "plot_comparison",
    "plot_coverage",
    "plot_exclusion_effect",
    "plot_sentence_scores",
    "plot_sentiment_arcs",
    "plot_sentiment_drivers",
]

_GREY = "#777777"
#: A box plot needs at least this many sentences; fewer are drawn as points only.
MIN_BOX_POINTS = 5
#: Above this many articles, article-by-item figures become heatmaps (one row per article).
MAX_GROUPED_ARTICLES = 4


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
    with a bar. Articles with fewer than :data:`MIN_BOX_POINTS` sentences get their points only
    (a box over two points pretends to quartiles it does not have). Jitter is fixed (seed 0),
    so the figure is reproducible.
    """
    require_columns(table, ["article_id", "compound"], "plot_sentence_scores")
    ids = list(dict.fromkeys(table["article_id"]))
    colors = article_colors(ids)
    row = 0.8 if len(ids) <= 12 else 0.4
    fig, ax = figure(width=7.0, height=1.0 + row * len(ids))
    _neutral_band(ax, vertical=True)
    rng = np.random.default_rng(0)
    groups = [table.loc[table["article_id"] == i, "compound"].to_numpy(float) for i in ids]
    ys = np.arange(len(ids))[::-1]
    boxed = [k for k, x in enumerate(groups) if len(x) >= MIN_BOX_POINTS]
    if boxed:
        ax.boxplot([groups[k] for k in boxed], positions=ys[boxed], orientation="horizontal",
                   widths=0.5, showfliers=False, medianprops={"color": "black"},
                   boxprops={"color": _GREY}, whiskerprops={"color": _GREY},
                   capprops={"color": _GREY})  # fmt: skip
    for y, i, x in zip(ys, ids, groups, strict=True):
        ax.scatter(x, y + rng.uniform(-0.18, 0.18, len(x)), s=16, color=colors[i], alpha=0.75,
                   edgecolor="white", linewidth=0.4, zorder=3)  # fmt: skip
        if summary is not None:
            row = summary[(summary["article_id"] == i) & (summary["statistic"] == "mean_compound")]
            if not row.empty:
                m, lo, hi = row.iloc[0][["value", "ci_low", "ci_high"]]
                ax.errorbar(m, y + 0.36, xerr=[[m - lo], [hi - m]], fmt="D", color="black",
                            ms=4, capsize=2, lw=1, zorder=4)  # fmt: skip
    ax.set_yticks(ys, [f"{i}\n({len(x)} sentences)" for i, x in zip(ids, groups, strict=True)],
                  fontsize=9 if len(ids) <= 12 else 7)  # fmt: skip
    ax.set_ylim(-0.6, len(ids) - 0.4)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("VADER compound per sentence (grey band: neutral, |compound| < 0.05)")
    title = "Sentence sentiment per article"  # the note on a line of its own: the title fits
    ax.set_title(title + ("\n(diamond: mean, 95% bootstrap CI)" if summary is not None else ""))
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
    cols = panel_columns(len(ids))
    fig, axes = panel_grid(len(ids), width=7.5 if cols <= 3 else 12.0, panel_height=1.5,
                           max_cols=cols, sharey=True)  # fmt: skip
    for ax, i in zip(axes, ids, strict=True):
        sub = arc[arc["article_id"] == i]
        _neutral_band(ax, vertical=False)
        ax.scatter(sub["position"], sub["compound"], s=8, color=colors[i], alpha=0.6)
        ax.plot(sub["position"], sub["rolling_mean"], color=colors[i], lw=1.4)
        ax.set_xlim(0, 1)
        ax.set_ylim(-1.05, 1.05)
        ax.set_title(i, fontsize=8 if cols <= 3 else 7)
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


def _diverging_heatmap(
    fig: Figure,
    ax,
    grid: np.ndarray,
    limit: float,
    notes: list[list[str]] | None,
    *,
    columns: list[str],
    rows: list[str],
    label: str,
    note_size: float = 6,
) -> None:
    """Draw ``grid`` (``rows`` × ``columns``) on a blue–red scale symmetric around 0 (NaN cells
    blank), with its row and column labels and a colour bar saying what the colour is."""
    image = ax.imshow(np.ma.masked_invalid(grid), cmap="RdBu", vmin=-limit, vmax=limit,
                      aspect="auto")  # fmt: skip
    if notes is not None:
        cmap, norm = image.get_cmap(), image.norm
        for (r, c), value in np.ndenumerate(grid):
            if not np.isnan(value) and notes[r][c]:
                ax.text(c, r, notes[r][c], ha="center", va="center", fontsize=note_size,
                        color=ink(cmap(norm(value))))  # fmt: skip
    ax.set_xticks(range(len(columns)), columns, rotation=90, fontsize=8)
    ax.set_yticks(range(len(rows)), rows, fontsize=7)
    ax.spines[:].set_visible(False)
    fig.colorbar(image, ax=ax, label=label, shrink=min(1.0, 6 / len(rows) + 0.3))


#: The actor heatmap is never wider than this (inches): a page shows it at full size.
MAX_HEATMAP_WIDTH = 11.0
#: Cell text is drawn at this size, or not at all when the cells are too narrow for it.
CELL_FONT = 8.0
_CELL_TEXT_INCHES = 0.42  # "+0.00" at 8 pt, with a margin
_HEATMAP_MARGIN = 3.4  # inches: row labels, colour bar and its label


def _wrapped(label: str, width: int = 16) -> str:
    """A column label on at most two lines of ``width`` characters (shortened with "…")."""
    lines = textwrap.wrap(label, width) or [""]
    if len(lines) > 2:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), width, placeholder="…")]
    return "\n".join(lines)


def _actor_heatmap(t: pd.DataFrame, ids: list[str], actors: list[str]) -> Figure:
    """Articles × actors: mean compound near each actor, cells labelled with their sentences.

    At most :data:`MAX_HEATMAP_WIDTH` inches wide; the cell text (value and sentences) is drawn
    at :data:`CELL_FONT` points when the cells are wide enough for it, else left out with a note
    (the numbers are in the table)."""
    grid = t.pivot_table(index="article_id", columns="actor", values="value", sort=False)
    grid = grid.reindex(index=ids, columns=actors)
    n = t.pivot_table(index="article_id", columns="actor", values="n_sentences", sort=False)
    n = n.reindex(index=ids, columns=actors)
    width = min(max(7.0, _HEATMAP_MARGIN + 0.6 * len(actors)), MAX_HEATMAP_WIDTH)
    with_text = (width - _HEATMAP_MARGIN) / len(actors) >= _CELL_TEXT_INCHES
    notes = None
    if with_text:
        notes = [[f"{v:+.2f}\nn={int(k)}" if not pd.isna(k) else "" for v, k in zip(vr, kr, strict=True)]
                 for vr, kr in zip(grid.to_numpy(), n.to_numpy(), strict=True)]  # fmt: skip
    fig, ax = figure(width=width, height=2.6 + (0.34 if with_text else 0.22) * len(ids))
    _diverging_heatmap(fig, ax, grid.to_numpy(float), 1.0, notes,
                       columns=[_wrapped(a) for a in actors], rows=ids, note_size=CELL_FONT,
                       label="mean VADER compound of sentences\nmentioning the actor")  # fmt: skip
    ax.set_title("Sentiment near each actor (not stance toward it)"
                 + ("; n = sentences" if with_text else
                    f"\n{len(actors)} actors: too many for numbers in the cells; see the table"))  # fmt: skip
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
    if len(ids) > MAX_GROUPED_ARTICLES:
        return _actor_heatmap(t, ids, actors)
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


def _coverage_groups(ax, coverage: pd.DataFrame, ids: list[str]) -> None:
    """Two groups of bars (lexicon share, blind share), one bar per article in its colour."""
    colors = article_colors(ids)
    x = np.arange(2)
    width = 0.8 / len(ids)
    for k, row in enumerate(coverage.itertuples(index=False)):
        ax.bar(x + width * (k - (len(ids) - 1) / 2), [row.share_lexicon, row.share_blind],
               width, color=colors[row.article_id], label=row.article_id)  # fmt: skip
    ax.set_xticks(x, ["tokens in\nVADER's lexicon", "sentences with no\nlexicon word (score 0)"])
    ax.set_ylim(0, 1)
    ax.set_ylabel("share")
    ax.legend(fontsize=7, loc="upper left")


def _coverage_rows(ax, coverage: pd.DataFrame, ids: list[str]) -> None:
    """One row per article: its lexicon share and blind share as two thin bars."""
    ys = np.arange(len(ids))[::-1]
    ax.barh(ys + 0.2, coverage["share_lexicon"], 0.38, color="#0072B2",
            label="tokens in VADER's lexicon")  # fmt: skip
    ax.barh(ys - 0.2, coverage["share_blind"], 0.38, color="#BBBBBB",
            label="sentences with no lexicon word")  # fmt: skip
    ax.set_yticks(ys, ids, fontsize=7)
    ax.set_ylim(-0.6, len(ids) - 0.4)
    ax.set_xlim(0, 1)
    ax.set_xlabel("share (blue: tokens in VADER's lexicon;\ngrey: sentences with no lexicon word)")


@styled
def plot_coverage(coverage: pd.DataFrame, gaps: pd.DataFrame) -> Figure:
    """Return what VADER can see: share of tokens in its lexicon and of blind sentences per
    article (left), and the watch-list words used, with the valence VADER gives them (right).

    ``coverage`` is :func:`newsframe.sentiment_coverage` output, ``gaps`` :func:`newsframe.lexicon_gaps`.
    """
    require_columns(coverage, ["article_id", "share_lexicon", "share_blind"], "plot_coverage")
    require_columns(gaps, ["word", "count", "valence", "reading"], "plot_coverage", empty=True)
    ids = list(coverage["article_id"])
    many = len(ids) > MAX_GROUPED_ARTICLES
    fig, axes = figure(width=8.0, height=max(4.2, 1.4 + 0.22 * len(ids)) if many else 4.2, ncols=2)
    left, right = axes[0]
    if many:
        _coverage_rows(left, coverage, ids)
    else:
        _coverage_groups(left, coverage, ids)
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
    right.set_xlabel("VADER lexicon valence\n(grey tick: absent, scores 0)")
    right.set_title("Watch-list words used\n(count, all articles)")
    if words.empty:
        right.text(0, 0.5, "no watch-list word in these articles", ha="center", va="center")
    return fig


def _audit_heatmap(audit: pd.DataFrame, by: str, ids: list[str], kinds: list[str]) -> Figure:
    """Articles × kinds of removed text: the shift each would have caused, labelled."""
    shift = audit.pivot_table(index="article_id", columns=by, values="shift", sort=False)
    shift = shift.reindex(index=ids, columns=kinds)
    n = audit.pivot_table(index="article_id", columns=by, values="removed_sentences", sort=False)
    n = n.reindex(index=ids, columns=kinds)
    notes = [[f"{v:+.3f} ({int(k)})" if not pd.isna(k) else "" for v, k in zip(vr, kr, strict=True)]
             for vr, kr in zip(shift.to_numpy(), n.to_numpy(), strict=True)]  # fmt: skip
    limit = max(0.05, float(np.nanmax(np.abs(shift.to_numpy(float)))))
    fig, ax = figure(width=min(max(7.0, 2.6 + 1.1 * len(kinds)), 16.0),
                     height=2.2 + 0.25 * len(ids))  # fmt: skip
    _diverging_heatmap(fig, ax, shift.to_numpy(float), limit, notes, columns=kinds, rows=ids,
                       label="change in mean compound had the text been kept")  # fmt: skip
    ax.set_title("What the removed text would have done to the score (removed sentences)")
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
    if len(ids) > MAX_GROUPED_ARTICLES:
        return _audit_heatmap(audit, by, ids, kinds)
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


_SIGN_COLORS = {True: "#009E73", False: "#D55E00"}  # raises the score / lowers it


@styled
def plot_sentiment_drivers(drivers: pd.DataFrame, *, top_n: int = 8) -> Figure:
    """Return, per article or group, the words that move its mean sentence compound most.

    ``drivers`` is :func:`newsframe.sentiment_drivers` output (its first column is the unit:
    article or group). Each panel shows the ``top_n`` words by ``|mean_shift|``: how much the
    unit's mean compound falls (green bar, the word raises the score) or rises (vermillion,
    it lowers the score) when the word is left out of VADER's lexicon; the label gives the
    word's count and lexicon valence. Words inside multi-word names (``in_names``: "Party" of
    "Liberal Democratic Party"), which no score counts, are named under each panel instead.
    Panels wrap into rows for many units.
    """
    unit = drivers.columns[0]
    cols = ["word", "valence", "count", "mean_shift"]
    require_columns(drivers, [unit, *cols], "plot_sentiment_drivers")
    if drivers["mean_shift"].isna().all():
        raise NewsframeError("plot_sentiment_drivers: no mean_shift; use leave_one_out=True")
    units = list(dict.fromkeys(drivers[unit]))
    ncols = panel_columns(len(units))
    fig, axes = panel_grid(len(units), width=max(7.0, 3.0 * ncols + 0.4),
                           panel_height=0.22 * top_n + 0.7, max_cols=ncols)  # fmt: skip
    named = drivers[drivers["in_names"] > 0] if "in_names" in drivers else drivers.iloc[:0]
    scored = drivers[drivers["count"] > 0]
    top = scored.assign(_abs=scored["mean_shift"].abs())
    top = top.sort_values([unit, "_abs", "word"], ascending=[True, False, True], kind="stable")
    top = top.groupby(unit, sort=False).head(top_n)
    limit = max(float(top["_abs"].max()), 1e-3) * 1.05
    for ax, name in zip(axes, units, strict=True):
        rows = top[top[unit] == name]
        y = np.arange(len(rows))[::-1]
        ax.barh(y, rows["mean_shift"], color=[_SIGN_COLORS[v > 0] for v in rows["mean_shift"]],
                height=0.7)  # fmt: skip
        labels = [f"{w} ({c}×, {v:+.1f})" for w, c, v in
                  zip(rows["word"], rows["count"], rows["valence"], strict=True)]  # fmt: skip
        ax.set_yticks(y, labels, fontsize=7)
        ax.tick_params(axis="y", length=0)
        ax.axvline(0, color=_GREY, lw=0.6)
        ax.set_xlim(-limit, limit)
        ax.set_ylim(-0.6, top_n - 0.4)
        ax.set_title(str(name), fontsize=8)
        mine = named[named[unit] == name]
        if len(mine):
            words = ", ".join(
                f"{w}×{n}" for w, n in zip(mine["word"], mine["in_names"], strict=True)
            )
            ax.text(0.99, 0.01, textwrap.shorten(f"not scored, inside names: {words}", 60),
                    transform=ax.transAxes, ha="right", va="bottom", fontsize=6, color=_GREY)  # fmt: skip
    fig.supxlabel("change in the mean sentence compound the word causes (with it − without it)"
                  "\nlabel: word (count, lexicon valence)", fontsize=8)  # fmt: skip
    fig.suptitle("What drives each sentiment score\n(green: the word raises it; vermillion: lowers it)",
                 fontsize=10)  # fmt: skip
    return fig


@styled
def plot_exclusion_effect(effect: pd.DataFrame) -> Figure:
    """Return each article's (or group's) mean compound before and after the story's exclusions.

    ``effect`` is :func:`newsframe.exclusion_effect` output (first column: the unit). A hollow
    dot marks the mean with plain VADER, a filled dot the mean with the excluded words left out,
    joined by a line; the words and their counts are written beside each row.
    """
    unit = effect.columns[0]
    require_columns(effect, [unit, "mean_before", "mean_after", "excluded_words"],
                    "plot_exclusion_effect")  # fmt: skip
    units = list(effect[unit])
    fig, ax = figure(width=8.0, height=1.3 + (0.4 if len(units) <= 12 else 0.28) * len(units))
    _neutral_band(ax, vertical=True)
    ys = np.arange(len(units))[::-1]
    before, after = effect["mean_before"].to_numpy(float), effect["mean_after"].to_numpy(float)
    ax.hlines(ys, np.minimum(before, after), np.maximum(before, after), color=_GREY, lw=1.2)
    ax.scatter(before, ys, s=30, facecolors="white", edgecolors="black", zorder=3,
               label="plain VADER")  # fmt: skip
    ax.scatter(after, ys, s=30, color="black", zorder=3, label="excluded words left out")
    for y, words in zip(ys, effect["excluded_words"], strict=True):
        ax.annotate(words or "(none used)", (1.0, y), xycoords=("axes fraction", "data"),
                    xytext=(4, 0), textcoords="offset points", va="center", fontsize=7,
                    color=_GREY)  # fmt: skip
    ax.set_yticks(ys, units, fontsize=8 if len(units) <= 12 else 7)
    ax.set_ylim(-0.6, len(units) - 0.4)
    ax.set_xlim(-1.0, 1.0)
    ax.set_xlabel("mean VADER compound of the sentences")
    ax.set_title("Sentiment before and after leaving the story's topic words out")
    fig.legend(loc="outside lower center", ncols=2, fontsize=7)
    return fig
