"""Figures over time: what they show (panels, points, the n labels, no line through thin periods)."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
import pytest

import newsframe as nf
from newsframe.periods import over_time
from newsframe.plots import save_figure
from newsframe.plots.time import over_time_figures, plot_over_time

matplotlib.use("Agg")
FIXTURE = Path(__file__).parent / "fixtures" / "over_time"


def _table(groups: dict[str, list[int]], min_articles: int = 3) -> pd.DataFrame:
    """Periods 0..k-1 per group with the given number of articles, value = period index."""
    rows = []
    for group, counts in groups.items():
        for i, n in enumerate(counts):
            rows.append((f"P{i}", group, i, float(i) if n else np.nan, n, n < min_articles))
    return pd.DataFrame(rows, columns=["period", "group", "period_index", "value", "n_articles",
                                       "thin"])  # fmt: skip


def _visible(fig):
    return [ax for ax in fig.axes if ax.get_visible() and ax.get_title()]


def _points(ax, gid):
    return sum(len(c.get_offsets()) for c in ax.collections if c.get_gid() == gid)


def _lines(ax):
    return [line.get_xdata().tolist() for line in ax.get_lines() if line.get_gid() == "trend-line"]


def _n_labels(ax):
    return [t.get_text() for t in ax.texts if t.get_gid() == "n-label"]


def test_panels_points_labels_and_no_line_through_thin_periods():
    # group a: 3, 3, 1, 3 articles -> a line through periods 0-1 only; period 2 is thin (hollow)
    # and period 3 stands alone. Group b: 4, 0, 4, 4 -> the empty period 1 breaks the line
    table = _table({"a": [3, 3, 1, 3], "b": [4, 0, 4, 4]})
    fig = plot_over_time(table, value="value", ylabel="v", min_articles=3)
    a, b = _visible(fig)
    assert [a.get_title(), b.get_title()] == ["a", "b"]
    assert (_points(a, "solid"), _points(a, "thin")) == (3, 1)
    assert _lines(a) == [[0.0, 1.0]]
    assert _n_labels(a) == ["n=3", "n=3", "n=1", "n=3"]
    assert (_points(b, "solid"), _points(b, "thin")) == (3, 0)
    assert _lines(b) == [[2.0, 3.0]]
    assert _n_labels(b) == ["n=4", "n=4", "n=4"]  # no label where there are no articles
    assert a.get_shared_y_axes().joined(a, b) and a.get_shared_x_axes().joined(a, b)
    caption = fig.get_supxlabel()
    assert "fewer than 3 articles" in caption and "no line is drawn through them" in caption


def test_series_get_one_line_each_and_a_legend():
    table = pd.concat([_table({"a": [3, 3]}).assign(item=k, value=[k, k + 1.0]) for k in (0, 5)])
    fig = plot_over_time(table, value="value", series="item", ylabel="v", min_articles=3)
    (ax,) = _visible(fig)
    assert _lines(ax) == [[0.0, 1.0], [0.0, 1.0]]
    assert _n_labels(ax) == ["n=3", "n=3"]  # once per period, not per series
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["0", "5"]


def test_interval_bars_drawn_where_known():
    table = _table({"a": [3, 1]}).assign(lo=[-1.0, np.nan], hi=[1.0, np.nan])
    fig = plot_over_time(table, value="value", interval=("lo", "hi"), ylabel="v", min_articles=3)
    (ax,) = _visible(fig)
    bars = [c for c in ax.collections if c.get_gid() not in ("solid", "thin")]
    assert len(bars) == 1 and len(bars[0].get_segments()) == 1


def test_missing_column_is_a_clear_error():
    with pytest.raises(nf.NewsframeError, match="plot_over_time: table lacks column"):
        plot_over_time(pd.DataFrame({"group": ["a"]}), value="v", ylabel="v", min_articles=3)


def test_fixture_figures_named_by_measure_and_column(tmp_path):
    corpus = nf.load_corpus(FIXTURE / "articles.csv", story=FIXTURE / "story.toml")
    result = over_time(corpus, nf.compute_article_tables(corpus, n_jobs=1), period="month")
    figures = over_time_figures(result)
    assert sorted(figures) == [
        "attention__over_time__by_group", "frame_dimensions__over_time__by_group",
        "naming_variants__over_time__by_group", "sentiment__over_time__by_group",
        "share_of_voice__over_time__by_group",
    ]  # fmt: skip
    north, south = _visible(figures["attention__over_time__by_group"])
    # north: one article in each month; south: two in January, none in February, one in March
    assert _n_labels(north) == ["n=1", "n=1", "n=1"]
    assert _n_labels(south) == ["n=2", "n=1"]
    assert _points(north, "thin") == 3 and _lines(north) == []  # all below 3 articles
    assert [t.get_text() for t in north.get_xticklabels()] == ["2024-01", "2024-02", "2024-03"]
    assert all(float(y).is_integer() for y in north.get_yticks())  # articles are counted whole
    first = save_figure(figures["attention__over_time__by_group"], "x", tmp_path / "1")
    second = save_figure(over_time_figures(result)["attention__over_time__by_group"], "x",
                         tmp_path / "2")  # fmt: skip
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
