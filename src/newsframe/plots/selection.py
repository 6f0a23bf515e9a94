"""Figures for selection and omission: which parts of two articles match (alignment map), which
articles tell which facts (coverage matrix), and which facts each group tells or leaves out."""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Polygon, Rectangle

from newsframe.errors import NewsframeError
from newsframe.plots import article_colors, figure, require_columns, styled

__all__ = ["alignment_map_figure", "coverage_figure", "group_omission_figure"]

_ONLY = "#BBBBBB"  # a sentence the other article does not tell


def _short(text: str, width: int) -> str:
    return textwrap.shorten(str(text), width=width, placeholder=" …")


#: A sentence's label is drawn only when its block is at least this tall (points): an article of
#: thousands of sentences squeezed into the capped figure height gets blocks without labels
#: instead of thousands of overlapping ones (which took minutes to render).
MIN_LABEL_POINTS = 5.0


def _column(
    ax, rows: pd.DataFrame, x: float, color: str, side: str, width: int, points_per_word: float
) -> dict:
    """Draw one article's sentences top to bottom, height by words; return id -> (top, bottom).
    A sentence is labelled when its block is at least :data:`MIN_LABEL_POINTS` tall."""
    spans, y = {}, 0.0
    for row in rows.itertuples(index=False):
        height = max(len(str(row.sentence).split()), 4)
        shared = not row.only_here
        ax.add_patch(Rectangle((x - 0.06, -y - height), 0.12, height * 0.92,
                               color=color if shared else _ONLY, lw=0))  # fmt: skip
        spans[int(row.sentence_id)] = (-y, -y - height * 0.92)
        top, y = y, y + height
        if height * points_per_word < MIN_LABEL_POINTS:
            continue
        label = f"{row.sentence_id}  {_short(row.sentence, width)}"
        ax.text(x - 0.09 if side == "left" else x + 0.09, -top - height * 0.46, label,
                ha="right" if side == "left" else "left", va="center", fontsize=6.5,
                color="#222222" if shared else "#777777")  # fmt: skip
    return spans


#: Two article names of at most this many characters together stand centred over their
#: columns and in the title; longer ones (two 40-character ids ran into each other and past
#: the title's edges) stand each over its own half and the title says "left" and "right".
MAX_CENTRED_NAMES = 48


@styled
def alignment_map_figure(
    sentences: pd.DataFrame, pairs: pd.DataFrame, a: str, b: str, *, label_width: int = 48
) -> Figure:
    """Return the alignment map of articles ``a`` and ``b``: their sentences in reading order
    (block height ∝ words), a band joining each aligned pair (darker = more similar), grey blocks
    for sentences the other article does not tell.

    ``sentences`` is :func:`newsframe.omissions` run on the pair (``article_id, sentence_id,
    sentence, only_here``), ``pairs`` is :func:`newsframe.align_sentences` on the same articles;
    the title counts the sentences each article shares with the other one of the pair.
    """
    require_columns(
        sentences, ["article_id", "sentence_id", "sentence", "only_here"], "alignment map"
    )
    require_columns(pairs, ["article_id", "sentence_id", "other_id", "other_sentence_id",
                            "similarity"], "alignment map", empty=True)  # fmt: skip
    left = sentences[sentences["article_id"] == a].sort_values("sentence_id")
    right = sentences[sentences["article_id"] == b].sort_values("sentence_id")
    if left.empty or right.empty:
        raise NewsframeError(f"alignment map: no sentences for article {a if left.empty else b!r}")
    words = max(
        sum(max(len(str(s).split()), 4) for s in left["sentence"]),
        sum(max(len(str(s).split()), 4) for s in right["sentence"]),
    )
    colors = article_colors([a, b])
    height = min(max(3.0, words / 40 + 1.2), 14.0)
    fig, ax = figure(width=10.0, height=height)
    # the axes span about 85% of the figure's height and 1.08 times the words (see set_ylim)
    points_per_word = height * 72 * 0.85 / (words * 1.08)
    spans_a = _column(ax, left, 0.0, colors[a], "left", label_width, points_per_word)
    spans_b = _column(ax, right, 1.0, colors[b], "right", label_width, points_per_word)
    forward = pairs[(pairs["article_id"] == a) & (pairs["other_id"] == b)]
    backward = pairs[(pairs["article_id"] == b) & (pairs["other_id"] == a)]
    both = pd.DataFrame(
        {
            "i": np.r_[forward["sentence_id"], backward["other_sentence_id"]].astype(int),
            "j": np.r_[forward["other_sentence_id"], backward["sentence_id"]].astype(int),
            "similarity": np.r_[forward["similarity"], backward["similarity"]].astype(float),
        }
    ).drop_duplicates(["i", "j"])
    for row in both.sort_values(["similarity", "i", "j"]).itertuples(index=False):
        (ta, ba), (tb, bb) = spans_a[row.i], spans_b[row.j]
        band = Polygon([(0.06, ta), (0.94, tb), (0.94, bb), (0.06, ba)], closed=True, lw=0,
                       color="#555555", alpha=float(np.clip(0.15 + 0.7 * row.similarity, 0, 0.9)))  # fmt: skip
        ax.add_patch(band)
    ax.set_xlim(-1.6, 2.6)
    ax.set_ylim(-words * 1.02, words * 0.06)
    ax.axis("off")
    shared_a = int((~left["only_here"]).sum())
    shared_b = int((~right["only_here"]).sum())
    if len(a) + len(b) <= MAX_CENTRED_NAMES:
        ax.text(0.0, words * 0.03, a, ha="center", fontweight="bold", color=colors[a])
        ax.text(1.0, words * 0.03, b, ha="center", fontweight="bold", color=colors[b])
        ax.set_title(
            f"Sentence alignment in reading order: {shared_a} of {len(left)} sentences of {a} are "
            f"told by {b},\n{shared_b} of {len(right)} of {b} by {a} (grey: told by one of the two "
            "only)",
            fontsize=9,
        )
        return fig
    # long names: each over its own half, away from the other, and not repeated in the title
    ax.text(0.06, words * 0.03, a, ha="right", fontweight="bold", color=colors[a])
    ax.text(0.94, words * 0.03, b, ha="left", fontweight="bold", color=colors[b])
    ax.set_title(
        f"Sentence alignment in reading order: {shared_a} of {len(left)} sentences of the left "
        f"article are told by the right one,\n{shared_b} of {len(right)} of the right one by the "
        "left (grey: told by one of the two only)",
        fontsize=9,
    )
    return fig


#: A coverage matrix of more facts than this draws only the facts more than one article tells
#: (a column per fact told once would leave each column under a point wide).
MAX_COVERAGE_FACTS = 300

#: Cells narrower or lower than this (points) get no white grid lines between them: the lines
#: would cover the cells and leave the figure blank.
MIN_GRID_POINTS = 4.0


@styled
def coverage_figure(matrix: pd.DataFrame, *, max_labels: int = 40) -> Figure:
    """Return the coverage matrix as a grid: articles (rows) × facts (columns), filled where the
    article tells the fact, in the (clustered) order of ``matrix``.

    ``matrix`` is :func:`newsframe.coverage`. Fact ids label the columns when there are at most
    ``max_labels`` of them. Over :data:`MAX_COVERAGE_FACTS` facts only those told by more than
    one article are drawn (the title says so); article labels shrink to the rows' height and
    are left out below 3 points, and cells under :data:`MIN_GRID_POINTS` get no grid lines.

    >>> m = pd.DataFrame([[1, 1, 0], [1, 0, 1]], index=["a", "b"], columns=[1, 2, 3])
    >>> coverage_figure(m).axes[0].get_title()
    'Which article tells which fact\\n(1 of 3 facts told by more than one)'
    """
    if not isinstance(matrix, pd.DataFrame) or matrix.empty:
        raise NewsframeError("coverage figure: matrix is empty, nothing to plot")
    told = (matrix > 0).sum(axis=0) > 1
    shared, every = int(told.sum()), matrix.shape[1]
    only_shared = every > MAX_COVERAGE_FACTS and shared > 0
    if only_shared:
        matrix = matrix.loc[:, told.to_numpy()]
    n_rows, n_cols = matrix.shape
    width = min(max(5.0, 2.5 + 0.22 * n_cols), 14.0)
    height = min(max(2.2, 1.4 + 0.28 * n_rows), 12.0)
    fig, ax = figure(width=width, height=height)
    ax.imshow(matrix.to_numpy() > 0, aspect="auto", cmap=ListedColormap(["#F2F2F2", "#0072B2"]),
              vmin=0, vmax=1)  # fmt: skip
    # about 80% of the height and 65% of the width are the axes (labels take the rest)
    row_points, col_points = height * 72 * 0.8 / n_rows, width * 72 * 0.65 / n_cols
    size = min(9.0, 0.9 * row_points)
    if size >= 3.0:
        ax.set_yticks(range(n_rows), [str(i) for i in matrix.index],
                      **({"fontsize": size} if size < 9.0 else {}))  # fmt: skip
    else:
        ax.set_yticks([])
        ax.set_ylabel(f"{n_rows:,} articles")
    if n_cols <= max_labels:
        ax.set_xticks(range(n_cols), [str(c) for c in matrix.columns], fontsize=7)
    else:
        ax.set_xticks([])
    if min(row_points, col_points) >= MIN_GRID_POINTS:
        ax.set_xticks(np.arange(-0.5, n_cols, 1), minor=True)
        ax.set_yticks(np.arange(-0.5, n_rows, 1), minor=True)
        ax.grid(which="minor", color="white", linewidth=1)
        ax.tick_params(which="minor", length=0)
    ax.set_xlabel("fact (sentences joined by alignment), clustered")
    note = "; only those are drawn" if only_shared else ""
    ax.set_title(
        f"Which article tells which fact\n({shared} of {every} facts told by more than one{note})"
    )
    return fig


#: Up to this many groups the omission figure's group names lean 20 degrees; more lean 60
#: degrees in a smaller font (at 20 degrees, 20 groups' names ran into each other).
MAX_SLANTED_GROUPS = 6


@styled
def group_omission_figure(
    table: pd.DataFrame, *, max_facts: int = 30, label_width: int = 70
) -> Figure:
    """Return the omission table per group: facts (rows) × groups (columns), each cell the share
    of the group's articles that tell the fact; an empty cell is a fact the group leaves out.

    ``table`` is :func:`newsframe.group_omissions`. Facts told by more groups come first; when
    there are more than ``max_facts``, those told by most articles are shown (the title says
    how many).
    """
    require_columns(
        table, ["fact_id", "fact", "group", "articles", "share"], "group omission table"
    )
    groups = list(dict.fromkeys(table["group"]))
    wide = table.pivot(index="fact_id", columns="group", values="share").reindex(columns=groups)
    n_groups = (wide > 0).sum(axis=1)
    total = table.groupby("fact_id")["articles"].sum()
    first = wide.gt(0).to_numpy().argmax(axis=1)
    order = pd.DataFrame({"g": -n_groups, "t": -total.reindex(wide.index), "f": first,
                          "id": wide.index}, index=wide.index)  # fmt: skip
    shown = order.sort_values(["g", "t", "f", "id"]).index[:max_facts]
    wide = wide.loc[shown]
    labels = table.drop_duplicates("fact_id").set_index("fact_id")["fact"].reindex(shown)
    fig, ax = figure(
        width=min(6.5 + 0.9 * len(groups), 14.0), height=min(1.3 + 0.3 * len(shown), 14.0)
    )
    values = wide.to_numpy(dtype=float)
    ax.imshow(np.where(values > 0, values, np.nan), aspect="auto", cmap="Blues", vmin=0, vmax=1.25)
    whole = table.groupby("group")["group_articles"].first().reindex(groups)
    for i in range(values.shape[0]):
        for j in range(values.shape[1]):
            if values[i, j] > 0:
                text = "✓" if whole.iloc[j] == 1 else f"{values[i, j]:.0%}"
                ink = "white" if values[i, j] > 0.6 else "#08306B"
                ax.text(j, i, text, ha="center", va="center", fontsize=7, color=ink)
    if len(groups) <= MAX_SLANTED_GROUPS:
        ax.set_xticks(range(len(groups)), [_short(g, 24) for g in groups], rotation=20, ha="right")
    else:  # steep, smaller, from the column's centre: side by side they would overlap
        ax.set_xticks(range(len(groups)), [_short(g, 40) for g in groups], rotation=60,
                      ha="left", rotation_mode="anchor", fontsize=7)  # fmt: skip
    ax.set_yticks(range(len(shown)), [f"{f}  {_short(t, label_width)}" for f, t in labels.items()],
                  fontsize=7)  # fmt: skip
    ax.set_xticks(np.arange(-0.5, len(groups), 1), minor=True)
    ax.set_yticks(np.arange(-0.5, len(shown), 1), minor=True)
    ax.grid(which="minor", color="#DDDDDD", linewidth=0.6)
    ax.tick_params(which="minor", length=0)
    ax.xaxis.tick_top()
    n = wide.index.size
    note = "" if n == len(order) else f" ({n} of {len(order)} facts shown)"
    ax.set_title(f"What each group tells; an empty cell is a fact it leaves out{note}", fontsize=9)
    return fig
