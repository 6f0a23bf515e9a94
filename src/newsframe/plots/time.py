"""Figures over time: small multiples per group of a measure per period (:mod:`newsframe.periods`).

Every panel shares both axes with the others. Each point is a period with articles; the number
of articles is written under it, so thin periods are visible. A period with fewer than the
minimum number of articles (``thin`` in the table) is drawn hollow and no line is drawn into or
out of it, which the caption states; a period without articles has no point at all.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from newsframe.periods import OverTime
from newsframe.plots import article_colors, panel_grid, require_columns, styled

__all__ = ["MAX_GROUPS", "over_time_figures", "plot_over_time"]

_NEEDED = ["group", "period", "period_index", "n_articles", "thin"]


def _runs(index: np.ndarray, solid: np.ndarray) -> list[np.ndarray]:
    """Positions of consecutive periods (index steps of 1) that are all solid: each a line."""
    runs, current = [], []
    for k in range(len(index)):
        if solid[k] and current and index[k] == index[current[-1]] + 1:
            current.append(k)
            continue
        if len(current) > 1:
            runs.append(np.array(current))
        current = [k] if solid[k] else []
    if len(current) > 1:
        runs.append(np.array(current))
    return runs


def _series(ax, rows: pd.DataFrame, value: str, color: str, interval) -> None:
    rows = rows[np.isfinite(rows[value].to_numpy(float)) & (rows["n_articles"] > 0)]
    rows = rows.sort_values("period_index", kind="stable")
    x, y = rows["period_index"].to_numpy(float), rows[value].to_numpy(float)
    solid = ~rows["thin"].to_numpy(bool)
    if interval is not None:
        low, high = rows[interval[0]].to_numpy(float), rows[interval[1]].to_numpy(float)
        ok = np.isfinite(low) & np.isfinite(high)
        ax.vlines(x[ok], low[ok], high[ok], color=color, lw=1.2, alpha=0.6, zorder=2)
    for run in _runs(x, solid):
        ax.plot(x[run], y[run], color=color, lw=1.4, zorder=3, gid="trend-line")
    ax.scatter(x[solid], y[solid], s=22, color=color, zorder=4, gid="solid")
    ax.scatter(x[~solid], y[~solid], s=22, facecolors="white", edgecolors=color, zorder=4,
               linewidths=1.2, gid="thin")  # fmt: skip


#: Panels (groups) drawn at most; the others stay in the table.
MAX_GROUPS = 12


def _most_articles(table: pd.DataFrame, groups: list, limit: int) -> list:
    """``groups`` if at most ``limit``, else the ``limit`` with the most articles, kept in order."""
    if len(groups) <= limit:
        return groups
    per_period = table.drop_duplicates(["group", "period_index"])
    totals = per_period.groupby("group", sort=False)["n_articles"].sum().reindex(groups)
    top = set(totals.sort_values(ascending=False, kind="stable").index[:limit])
    return [g for g in groups if g in top]


#: Inches an ``n=`` label needs at the foot of a panel (``n=12`` at 7 points, with a gap).
_LABEL_INCHES = 0.25


def _label_room(width: float, n_panels: int, max_cols: int = 3) -> float:
    """How many ``n=`` labels fit side by side in one panel of a figure ``width`` inches wide."""
    return max(1.0, 0.8 * width / min(max(n_panels, 1), max_cols) / _LABEL_INCHES)


def _spaced(x: np.ndarray, n: np.ndarray, gap: float) -> list[tuple[float, int]]:
    """The ``(x, n)`` labels to write, left to right: each at least ``gap`` after the last one
    written (all of them when they fit), so labels never print over each other."""
    out: list[tuple[float, int]] = []
    for xi, ni in zip(x, n, strict=True):
        if not out or xi - out[-1][0] >= gap:
            out.append((xi, int(ni)))
    return out


@styled
def plot_over_time(
    table: pd.DataFrame,
    *,
    value: str,
    ylabel: str,
    series: str | None = None,
    interval: Sequence[str] | None = None,
    min_articles: int,
    title: str = "",
    max_groups: int = MAX_GROUPS,
) -> Figure:
    """Return small multiples of ``value`` per period, one panel per group, shared axes.

    ``table`` is one of the :mod:`newsframe.periods` tables (``group, period, period_index,
    n_articles, thin`` and ``value``); ``series`` names a column with one line per value
    (variants, frames, speakers; one colour each, legend at the right); ``interval`` two
    columns drawn as a vertical bar (e.g. ``("ci_low", "ci_high")``). Under each period with
    articles its number of articles (``n=``) is written at the foot of the panel (over many
    periods, only those that fit without printing over each other, left to right). Thin periods
    are hollow, with no line through them; the caption states the minimum, ``min_articles``.
    The x axis counts periods (empty ones keep their place), labelled with the periods. Over
    ``max_groups`` groups, only the ``max_groups`` with the most articles get a panel (ties in
    order of appearance), and the caption says so: hundreds of shared-axis panels would take
    minutes to lay out and give a figure hundreds of inches tall.

    >>> t = pd.DataFrame({"group": "g", "period": ["P0", "P1"], "period_index": [0, 1],
    ...                   "value": [0.2, 0.4], "n_articles": [3, 1], "thin": [False, True]})
    >>> fig = plot_over_time(t, value="value", ylabel="v", min_articles=3)
    >>> [x.get_text() for x in fig.axes[0].texts]
    ['n=3', 'n=1']
    """
    require_columns(table, [*_NEEDED, value, *([series] if series else []), *(interval or [])],
                    "plot_over_time")  # fmt: skip
    every = list(dict.fromkeys(table["group"]))
    groups = _most_articles(table, every, max_groups)
    table = table[table["group"].isin(groups)] if len(groups) < len(every) else table
    items = list(dict.fromkeys(table[series])) if series else [value]
    colors = article_colors(items)
    width = 7.0 if len(groups) > 1 else 5.5
    fig, axes = panel_grid(len(groups), width=width, panel_height=2.4, max_cols=3, sharex=True,
                           sharey=True)  # fmt: skip
    labels = table.drop_duplicates("period_index").sort_values("period_index")
    ticks = labels["period_index"].to_numpy()
    step = max(1, int(np.ceil(len(ticks) / 8)))
    for ax, group in zip(axes, groups, strict=True):
        mine = table[table["group"] == group]
        for item in items:
            rows = mine[mine[series] == item] if series else mine
            _series(ax, rows, value, colors[item], interval)
        counts = mine.drop_duplicates("period_index").sort_values("period_index")
        counts = counts[counts["n_articles"] > 0]
        gap = (ticks.max() - ticks.min() + 1) / _label_room(width, len(groups))
        for x, n in _spaced(counts["period_index"].to_numpy(), counts["n_articles"].to_numpy(), gap):  # fmt: skip
            ax.text(x, 0.02, f"n={n}", transform=ax.get_xaxis_transform(), ha="center",
                    va="bottom", fontsize=7, color="#555555", gid="n-label")  # fmt: skip
        ax.set_title(str(group))
        ax.set_xticks(ticks[::step], labels["period"].to_numpy()[::step], rotation=45,
                      ha="right", fontsize=7)  # fmt: skip
        ax.set_xlim(ticks.min() - 0.5, ticks.max() + 0.5)
        ax.margins(y=0.25)
    if pd.api.types.is_integer_dtype(table[value]):  # counts: no tick at 1.25 articles
        axes[0].yaxis.set_major_locator(MaxNLocator(integer=True))
    axes[0].set_ylabel(ylabel)
    if series:
        handles = [Line2D([], [], color=colors[i], marker="o", lw=1.4, label=str(i)) for i in items]
        fig.legend(handles=handles, fontsize=7, loc="outside right upper")
    if title:
        fig.suptitle(title)
    drawn = (
        f"\nThe {len(groups)} of {len(every):,} groups with the most articles; every group is in "
        "the table."
        if len(groups) < len(every)
        else ""
    )
    fig.supxlabel(
        f"n = articles in the period. Hollow points: fewer than {min_articles} "
        f"article{'s' if min_articles != 1 else ''};\nno line is drawn through them.{drawn}",
        fontsize=8,
    )
    return fig


def over_time_figures(result: OverTime, *, top: int = 5) -> dict[str, Figure]:
    """Return the over-time figures of ``result``, named ``<measure>__over_time[__by_<column>]``.

    Attention (articles per period), mean sentence compound with its article-level interval,
    the naming variants of the first concept the articles use (share of its mentions), the
    ``top`` frames by hits (share of articles with a hit) and the share of quoted words of the
    top speakers. A figure whose table is empty is left out.

    >>> from newsframe import Article, Corpus
    >>> from newsframe.distributed import compute_article_tables
    >>> from newsframe.periods import over_time
    >>> c = Corpus(Article(i, "", ("Calm.",), metadata={"published": "2024-01-0" + i}) for i in "12")
    >>> sorted(over_time_figures(over_time(c, compute_article_tables(c, n_jobs=1))))
    ['attention__over_time', 'sentiment__over_time']
    """
    by, k = result.by, {"min_articles": result.min_articles}
    figures = {
        f"attention__over_time{by}": plot_over_time(
            result.attention, value="articles", ylabel="articles", title="Attention", **k
        ),
        f"sentiment__over_time{by}": plot_over_time(
            result.sentiment,
            value="mean_compound",
            interval=("ci_low", "ci_high"),
            ylabel="mean compound",
            title="Mean sentence sentiment (95% cluster bootstrap)",
            **k,
        ),
    }
    naming = result.naming[result.naming["count"] > 0]
    if len(naming):
        concept = naming["concept"].iloc[0]
        rows = result.naming[result.naming["concept"] == concept]
        figures[f"naming_variants__over_time{by}"] = plot_over_time(
            rows, value="share", series="variant", ylabel="share of mentions",
            title=f"Naming: {concept}", **k,
        )  # fmt: skip
    frames = result.frames
    hits = frames.groupby("label", sort=False)["hits"].sum()
    shown = hits[hits > 0].sort_values(ascending=False, kind="stable").head(top).index
    if len(shown):
        rows = frames[frames["label"].isin(shown)]
        rows = rows.assign(frame_name=rows["scheme"].str.upper() + ": " + rows["label"])
        figures[f"frame_dimensions__over_time{by}"] = plot_over_time(
            rows, value="share_of_articles", series="frame_name",
            ylabel="share of articles", title="Frames", **k,
        )  # fmt: skip
    if result.voice["share_of_quoted"].notna().any():
        figures[f"share_of_voice__over_time{by}"] = plot_over_time(
            result.voice, value="share_of_quoted", series="speaker_name",
            ylabel="share of quoted words", title="Share of voice", **k,
        )  # fmt: skip
    return figures
