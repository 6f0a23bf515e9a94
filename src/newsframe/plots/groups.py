"""Overview figures of every group: one row per group, so no group of the corpus is left out.

The report's per-article figures draw the compared sides when a corpus is large; these draw
every group of the grouping column for one measure at a time (``<measure>__by_<column>``):
:func:`plot_group_grid` a grid of groups × items (terms, actors, frames, reasons…) with each
cell's value written in it, :func:`plot_group_intervals` one value per group with its interval.
Tables come from :mod:`newsframe.groups`; nothing is computed here.
"""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from newsframe.errors import NewsframeError
from newsframe.plots import figure, ink, require_columns, styled

__all__ = ["MAX_GRID_ITEMS", "MAX_GROUP_ROWS", "THIN", "plot_group_grid", "plot_group_intervals"]

#: Rows (groups) an overview draws at most: more would be a figure hundreds of inches tall
#: (over 65,536 pixels, past what a PNG can hold, from about 1,000 groups). Every group stays
#: in the table; the title says how many are drawn and which.
MAX_GROUP_ROWS = 60


def _top_rows(groups: list, weight: pd.Series, limit: int) -> list:
    """``groups`` if at most ``limit``, else the ``limit`` of largest ``weight``, in table order."""
    if len(groups) <= limit:
        return groups
    top = set(
        weight.reindex(groups).fillna(0).sort_values(ascending=False, kind="stable").index[:limit]
    )
    return [g for g in groups if g in top]


#: An overview grid draws up to this many items (columns) so that each group's first item can
#: be among them; more would not fit the figure's width.
MAX_GRID_ITEMS = 24

#: A cell resting on fewer than this many units (``thin``) is drawn hatched and pale.
THIN = 3


def _items(table: pd.DataFrame, item: str, weight: pd.Series, top_n: int) -> tuple[list, int]:
    """The items a grid draws, and how many have a weight at all: each group's items ranked by
    ``weight`` (largest first, ties by item), then items by their best rank in any group, their
    summed weight and their name, so every group's first item comes before any group's second
    (a group of small counts is not left blank by large groups' items)."""
    t = table.assign(_w=weight.to_numpy(float))
    t = t[t["_w"] > 0] if (t["_w"] > 0).any() else t  # no all-zero column
    t = t.sort_values(["group", "_w", item], ascending=[True, False, True], kind="stable")
    t = t.assign(_rank=t.groupby("group", sort=False).cumcount())
    per = t.groupby(item, sort=False).agg(rank=("_rank", "min"), total=("_w", "sum"))
    per = per.reset_index().sort_values(["rank", "total", item], ascending=[True, False, True],
                                        kind="stable")  # fmt: skip
    return per[item].head(top_n).tolist(), len(per)


def _label(text: str, width: int = 18, lines: int = 3) -> str:
    """``text`` wrapped at ``width`` characters, at most ``lines`` lines (then " …"): a cleaning
    reason of 100 characters made a label of seven lines that ran into its neighbours."""
    wrapped = textwrap.wrap(str(text), width=width, break_long_words=False, max_lines=lines,
                            placeholder=" …")  # fmt: skip
    return "\n".join(wrapped) or str(text)


@styled
def plot_group_grid(
    table: pd.DataFrame,
    *,
    item: str,
    value: str,
    title: str,
    label: str,
    top_n: int = 14,
    diverging: bool = False,
    digits: int = 0,
    note: pd.Series | None = None,
    weight: str | None = None,
) -> Figure:
    """Return a grid of every group (rows, in table order) × items (columns), each cell
    coloured by and labelled with its ``value``. The items are each group's largest by
    ``weight`` (a column; default ``|value|``) in turn: every group's first, then every group's
    second, … (ties by summed weight), ``top_n`` of them, or one per group up to
    :data:`MAX_GRID_ITEMS` when there are more groups; items of weight 0 everywhere are left
    out. Over :data:`MAX_GROUP_ROWS` groups, the rows are those with the largest summed
    ``|value|`` over the drawn items, and the title says so.

    ``table`` has columns ``group``, ``item`` and ``value`` (one row per group and item; a
    missing pair is drawn blank). ``diverging`` uses a blue–red scale symmetric about 0 (for a
    sentiment), else white to blue from 0; ``digits`` sets the decimals written in the cells;
    ``note`` (text aligned with ``table``'s rows) is written under a cell's value. With a
    ``weight`` column, a cell whose weight is under :data:`THIN` (a mean of one or two
    sentences) is hatched and pale, and the title says so.
    The title says how many items of how many are drawn.

    >>> t = pd.DataFrame({"group": ["x", "x", "y"], "term": ["rail", "ban", "rail"], "n": [3, 1, 2]})
    >>> fig = plot_group_grid(t, item="term", value="n", title="Terms", label="count")
    >>> [tick.get_text() for tick in fig.axes[0].get_yticklabels()]
    ['x', 'y']
    """
    require_columns(table, ["group", item, value, *([weight] if weight else [])], "group overview")
    if table.empty:
        raise NewsframeError("group overview: the table is empty, nothing to plot")
    groups = list(dict.fromkeys(table["group"]))
    weights = table[weight] if weight else table[value].abs()
    top_n = max(top_n, min(len(groups), MAX_GRID_ITEMS))
    items, n_items = _items(table, item, weights, top_n)
    grid = table.pivot_table(index="group", columns=item, values=value, aggfunc="sum", sort=False)
    every = len(groups)
    groups = _top_rows(groups, grid.reindex(columns=items).abs().sum(axis=1), MAX_GROUP_ROWS)
    grid = grid.reindex(index=groups, columns=items).to_numpy(float)
    notes = {}
    if note is not None:
        notes = {(g, i): str(n) for g, i, n in zip(table["group"], table[item], note, strict=True)}
    thin = set()
    if weight:
        few = table[table[weight] < THIN]
        thin = set(zip(few["group"], few[item], strict=True))
    fig, ax = figure(width=min(max(6.0, 2.2 + 0.78 * len(items)), 12.5 if len(items) <= 14 else 16.0),
                     height=1.9 + 0.42 * len(groups))  # fmt: skip
    finite = np.abs(grid[np.isfinite(grid)])
    limit = float(finite.max()) if finite.size and finite.max() > 0 else 1.0
    cmap, low = ("RdBu", -limit) if diverging else ("Blues", 0.0)
    image = ax.imshow(np.ma.masked_invalid(grid), cmap=cmap, vmin=low, vmax=limit, aspect="auto")
    for (r, c), v in np.ndenumerate(grid):
        if np.isfinite(v):
            text = f"{v:+.{digits}f}" if diverging else f"{v:.{digits}f}"
            extra = notes.get((groups[r], items[c]), "")
            text += f"\n{extra}" if extra else ""
            color = ink(image.get_cmap()(image.norm(v)))
            if (groups[r], items[c]) in thin:  # pale and hatched: too few to read a colour
                ax.add_patch(Rectangle((c - 0.5, r - 0.5), 1, 1, facecolor="white", alpha=0.75,
                                       hatch="///", edgecolor="#BBBBBB", lw=0))  # fmt: skip
                color = "#555555"
            ax.text(c, r, text, ha="center", va="center", fontsize=7, color=color)
    ax.set_xticks(range(len(items)), [_label(i) for i in items], rotation=60, ha="right",
                  rotation_mode="anchor", fontsize=7.5)  # fmt: skip
    ax.set_yticks(range(len(groups)), groups, fontsize=8)
    ax.spines[:].set_visible(False)
    fig.colorbar(image, ax=ax, label=label, shrink=0.9)
    noun = item.replace("_", " ")
    noun += "es" if noun.endswith(("s", "x", "sh", "ch")) else "s"
    shown = f"{len(items)} of {n_items}" if n_items > len(items) else f"all {len(items)}"
    rows = (
        f"every group ({len(groups)})"
        if len(groups) == every
        else f"the {len(groups)} of {every:,} groups with the largest values (all in the table)"
    )
    first = ", each group's largest first" if n_items > len(items) and every > 1 else ""
    hatched = f"; hatched: fewer than {THIN} {weight.replace('n_', '')}" if thin else ""
    ax.set_title(f"{title}\n{rows}; {shown} {noun}"
                 + (" with a value" if n_items < weights.groupby(table[item]).size().size else "")
                 + first + hatched, fontsize=10)  # fmt: skip
    return fig


@styled
def plot_group_intervals(table: pd.DataFrame, *, title: str, label: str) -> Figure:
    """Return one dot per group (rows, in table order) at ``value`` with a line from ``ci_low``
    to ``ci_high``, and the articles behind it (``n_articles``) beside the group's name. Over
    :data:`MAX_GROUP_ROWS` groups, those with the most articles (ties in table order), and the
    title says so. A group of fewer than :data:`THIN` articles is a hollow dot on a dotted
    line: a cluster bootstrap of one or two articles is no 95% interval (of two, it spans their
    two means; of one, it resamples sentences), and the title says so.

    >>> t = pd.DataFrame({"group": ["x", "y"], "value": [0.1, -0.2], "ci_low": [0.0, -0.3],
    ...                   "ci_high": [0.2, -0.1], "n_articles": [4, 1]})
    >>> ax = plot_group_intervals(t, title="T", label="mean").axes[0]
    >>> [tick.get_text() for tick in ax.get_yticklabels()]
    ['x (4 articles)', 'y (1 article)']
    """
    require_columns(table, ["group", "value", "ci_low", "ci_high", "n_articles"], "group overview")
    if table.empty:
        raise NewsframeError("group overview: the table is empty, nothing to plot")
    every = len(table)
    drawn = _top_rows(list(table["group"]), table.set_index("group")["n_articles"], MAX_GROUP_ROWS)
    table = table[table["group"].isin(drawn)] if len(drawn) < every else table
    fig, ax = figure(width=7.0, height=1.5 + 0.4 * len(table))
    y = np.arange(len(table))[::-1]
    thin = (table["n_articles"] < THIN).to_numpy()
    for yy, row, few in zip(y, table.itertuples(index=False), thin, strict=True):
        ax.plot([row.ci_low, row.ci_high], [yy, yy], color="#0072B2", lw=1 if few else 2,
                ls=":" if few else "-")  # fmt: skip
        ax.text(row.ci_high, yy, f"  {row.value:+.3f}", va="center", fontsize=8)
    ax.plot(table["value"][~thin], y[~thin], "o", color="#0072B2")
    if thin.any():
        ax.plot(table["value"][thin], y[thin], "o", mfc="white", mec="#0072B2")
    ax.axvline(0, color="#888888", lw=0.8)
    names = [f"{g} ({int(n)} article{'' if n == 1 else 's'})"
             for g, n in zip(table["group"], table["n_articles"], strict=True)]  # fmt: skip
    ax.set_yticks(y, names)
    ax.set_ylim(-0.7, len(table) - 0.3)
    ax.set_xlabel(label)
    rows = (
        f"every group ({len(table)})"
        if len(table) == every
        else f"the {len(table)} of {every:,} groups with the most articles (all in the table)"
    )
    if thin.any():
        rows += f"\nhollow, dotted: fewer than {THIN} articles, no 95% interval"
    ax.set_title(f"{title}\n{rows}", fontsize=10)
    return fig
