"""Overview figures of every group: every group drawn, items chosen and labelled as said."""

from __future__ import annotations

import pandas as pd
import pytest

from newsframe.errors import NewsframeError
from newsframe.plots.groups import plot_group_grid, plot_group_intervals

TABLE = pd.DataFrame({
    "group": ["x", "x", "x", "y", "y", "z"],
    "term": ["rail", "ban", "union", "rail", "union", "rail"],
    "count": [3, 1, 0, 2, 0, 4],
    "quoted": ["", "1 quoted", "", "", "", "2 quoted"],
})  # fmt: skip


def _cells(fig) -> list[str]:
    return [t.get_text() for t in fig.axes[0].texts]


def test_grid_draws_every_group_and_leaves_out_items_zero_everywhere():
    fig = plot_group_grid(TABLE, item="term", value="count", title="Terms", label="count",
                          note=TABLE["quoted"])  # fmt: skip
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["x", "y", "z"]
    # rail 3 + 2 + 4 = 9 first, ban 1 next; union is 0 in every group: left out
    assert [t.get_text() for t in ax.get_xticklabels()] == ["rail", "ban"]
    assert "every group (3); all 2 terms with a value" in ax.get_title()
    # a missing (group, item) is blank, not 0; notes go under the value
    assert _cells(fig) == ["3", "1\n1 quoted", "2", "4\n2 quoted"]


def test_grid_keeps_the_top_n_items_and_says_so():
    fig = plot_group_grid(TABLE, item="term", value="count", title="T", label="n", top_n=1)
    assert "1 of 2 terms with a value" in fig.axes[0].get_title()


def test_intervals_one_row_per_group_and_empty_is_refused():
    t = pd.DataFrame({"group": ["x", "y"], "value": [0.1, -0.2], "ci_low": [0.0, -0.3],
                      "ci_high": [0.2, -0.1], "n_articles": [4, 3]})  # fmt: skip
    ax = plot_group_intervals(t, title="Mean", label="m").axes[0]
    assert "every group (2)" in ax.get_title()
    assert sorted(t.get_text() for t in ax.texts) == ["  +0.100", "  -0.200"]
    with pytest.raises(NewsframeError, match="empty"):
        plot_group_grid(TABLE.iloc[:0], item="term", value="count", title="T", label="n")
