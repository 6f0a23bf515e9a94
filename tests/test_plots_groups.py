"""Overview figures of every group: every group drawn, items chosen and labelled as said."""

from __future__ import annotations

import pandas as pd
import pytest

from newsframe.errors import NewsframeError
from newsframe.plots.groups import MAX_GRID_ITEMS, plot_group_grid, plot_group_intervals

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
    one = TABLE[TABLE["group"] == "x"]
    fig = plot_group_grid(one, item="term", value="count", title="T", label="n", top_n=1)
    assert "1 of 2 terms with a value" in fig.axes[0].get_title()


def test_grid_draws_each_groups_first_item_before_any_groups_second():
    # a large group with 20 terms of counts 100..81 and two small groups with one term each
    # (counts 2 and 1): by summed count the small groups' terms ranked 21st and 22nd and were
    # left out (their rows blank); by rank within each group they come right after "big0"
    rows = [("big", f"big{i}", 100 - i) for i in range(20)] + [("small", "tiny", 2),
                                                               ("least", "wee", 1)]  # fmt: skip
    table = pd.DataFrame(rows, columns=["group", "term", "count"])
    fig = plot_group_grid(table, item="term", value="count", title="T", label="n", top_n=5)
    ax = fig.axes[0]
    # 3 groups, top_n 5: each group's first (big0 100, tiny 2, wee 1), then big's next two
    assert [t.get_text() for t in ax.get_xticklabels()] == ["big0", "tiny", "wee", "big1", "big2"]
    assert "5 of 22 terms, each group's largest first" in ax.get_title()
    assert _cells(fig) == ["100", "99", "98", "2", "1"]
    # 30 groups of one term each: one column per group up to MAX_GRID_ITEMS (24)
    many = pd.DataFrame({"group": [f"g{i:02d}" for i in range(30)],
                         "term": [f"t{i:02d}" for i in range(30)], "count": range(30, 0, -1)})  # fmt: skip
    ax = plot_group_grid(many, item="term", value="count", title="T", label="n").axes[0]
    assert len(ax.get_xticklabels()) == MAX_GRID_ITEMS == 24


def test_grid_hatches_cells_resting_on_few_units():
    # sentiment near an actor: x's mean rests on 1 sentence, y's on 5
    table = pd.DataFrame({"group": ["x", "y"], "actor": ["Kim", "Kim"], "value": [-0.6, 0.2],
                          "n_sentences": [1, 5]})  # fmt: skip
    fig = plot_group_grid(table, item="actor", value="value", title="T", label="m",
                          diverging=True, digits=2, weight="n_sentences")  # fmt: skip
    ax = fig.axes[0]
    hatched = [p for p in ax.patches if p.get_hatch()]
    assert len(hatched) == 1 and hatched[0].get_xy() == (-0.5, -0.5)  # row 0 = x, column 0
    assert "hatched: fewer than 3 sentences" in ax.get_title()


def test_intervals_one_row_per_group_and_empty_is_refused():
    t = pd.DataFrame({"group": ["x", "y"], "value": [0.1, -0.2], "ci_low": [0.0, -0.3],
                      "ci_high": [0.2, -0.1], "n_articles": [4, 3]})  # fmt: skip
    ax = plot_group_intervals(t, title="Mean", label="m").axes[0]
    assert "every group (2)" in ax.get_title()
    assert sorted(t.get_text() for t in ax.texts) == ["  +0.100", "  -0.200"]
    with pytest.raises(NewsframeError, match="empty"):
        plot_group_grid(TABLE.iloc[:0], item="term", value="count", title="T", label="n")


def test_intervals_of_groups_of_one_or_two_articles_are_hollow_and_dotted():
    # x 4 articles (a 95% interval), y 2 (the bootstrap spans their two means), z 1
    t = pd.DataFrame({"group": ["x", "y", "z"], "value": [0.1, -0.2, 0.3],
                      "ci_low": [0.0, -0.3, 0.0], "ci_high": [0.2, -0.1, 0.6],
                      "n_articles": [4, 2, 1]})  # fmt: skip
    ax = plot_group_intervals(t, title="Mean", label="m").axes[0]
    lines = ax.get_lines()
    styles = [line.get_linestyle() for line in lines[:3]]  # one interval line per group
    assert styles == ["-", ":", ":"]
    hollow = [line for line in lines if line.get_marker() == "o" and line.get_mfc() == "white"]
    assert len(hollow) == 1 and list(hollow[0].get_xdata()) == [-0.2, 0.3]
    assert "hollow, dotted: fewer than 3 articles" in ax.get_title()
    assert [t.get_text() for t in ax.get_yticklabels()][2] == "z (1 article)"
