"""The selection figures draw what the tables say, byte for byte the same every time."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure
from matplotlib.patches import Polygon

import newsframe as nf
from newsframe import NewsframeError
from newsframe.alignment import align_sentences
from newsframe.omission import coverage, group_omissions, omissions
from newsframe.plots import save_figure
from newsframe.plots.selection import alignment_map_figure, coverage_figure, group_omission_figure

A = nf.Article("a", "", (
    "Dockworkers in Port Halden ended a nine-day strike on Monday. "
    "Fares on the Skarva route will rise by about 80 cents. "
    "Schools on both islands stayed open.",
))  # fmt: skip
B = nf.Article("b", "", (
    "Schools on both islands stayed open during the strike. "
    "The dockworkers of Port Halden ended their nine-day strike on Monday.",
))  # fmt: skip


def _texts(fig: Figure) -> list[str]:
    out = []
    for ax in fig.axes:
        out += [ax.get_title(), *[t.get_text() for t in ax.texts]]
        out += [t.get_text() for t in ax.get_yticklabels()]
    return out


def test_alignment_map_one_band_per_aligned_pair():
    # by hand: a0 <-> b1 (the strike), a2 <-> b0 (schools); a1 (fares) is told by a only
    fig = alignment_map_figure(omissions([A, B]), align_sentences([A, B]), "a", "b")
    bands = [p for p in fig.axes[0].patches if isinstance(p, Polygon)]
    assert len(bands) == 2
    text = "\n".join(_texts(fig))
    # the title counts what each article shares with the other one of the pair, and says so
    assert "2 of 3 sentences of a are told by b" in text and "2 of 2 of b by a" in text
    assert any(t.startswith("1  Fares on the Skarva") for t in _texts(fig))


def test_alignment_map_keeps_two_long_names_apart():
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    # two 40-character ids: centred over columns one unit apart they ran into each other
    long_a, long_b = "a" * 20 + "-" + "x" * 19, "b" * 20 + "-" + "y" * 19
    a = nf.Article(long_a, "", A.paragraphs)
    b = nf.Article(long_b, "", B.paragraphs)
    fig = alignment_map_figure(omissions([a, b]), align_sentences([a, b]), long_a, long_b)
    ax = fig.axes[0]
    renderer = FigureCanvasAgg(fig).get_renderer()
    head_a, head_b = (t for t in ax.texts if t.get_text() in (long_a, long_b))
    assert head_a.get_window_extent(renderer).x1 < head_b.get_window_extent(renderer).x0
    title = ax.get_title()
    assert "2 of 3 sentences of the left article are told by the right one" in title
    assert long_a not in title and fig.get_figwidth() * fig.dpi >= ax.title.get_window_extent(
        renderer).width  # fmt: skip


def test_alignment_map_refuses_unknown_article():
    with pytest.raises(NewsframeError, match="no sentences for article 'c'"):
        alignment_map_figure(omissions([A, B]), align_sentences([A, B]), "a", "c")


def test_coverage_figure_counts_shared_facts():
    fig = coverage_figure(coverage([A, B]))
    assert "2 of 3 facts told by more than one" in fig.axes[0].get_title()
    with pytest.raises(NewsframeError, match="empty"):
        coverage_figure(coverage([A, B]).iloc[:0, :0])


def test_coverage_figure_of_many_facts_draws_the_shared_ones_visibly():
    # 120 articles x 1,205 facts, made by hand: fact j is told by article j % 120, and facts
    # 0-19 also by the next article; 20 facts are told by two articles, 1,185 by one
    cells = np.zeros((120, 1205), dtype=np.int64)
    cells[np.arange(1205) % 120, np.arange(1205)] = 1
    cells[(np.arange(20) + 1) % 120, np.arange(20)] = 1
    matrix = pd.DataFrame(cells, index=[f"article-{i}" for i in range(120)])
    ax = coverage_figure(matrix).axes[0]
    assert "20 of 1205 facts told by more than one; only those are drawn" in ax.get_title()
    drawn = ax.images[0].get_array()
    assert drawn.shape == (120, 20) and int(np.asarray(drawn).sum()) == 40
    # 120 rows in a 12-inch figure: labels no taller than a row (about 5.8 points)
    sizes = {t.get_fontsize() for t in ax.get_yticklabels()}
    assert len(ax.get_yticklabels()) == 120 and max(sizes) <= 12.0 * 72 * 0.8 / 120
    # 250 facts told by both of two articles: all drawn, each under 3 points wide, so no white
    # grid line between them (1-point lines over 2.6-point cells left the old figure blank)
    ax = coverage_figure(pd.DataFrame(np.ones((2, 250), dtype=np.int64), index=["a", "b"])).axes[0]
    assert ax.images[0].get_array().shape == (2, 250)
    assert len(ax.xaxis.get_minorticklocs()) == 0
    assert len(coverage_figure(coverage([A, B])).axes[0].xaxis.get_minorticklocs()) == 4


def test_group_omission_figure_marks_told_cells():
    table = group_omissions([A, B])
    fig = group_omission_figure(table)
    ticks = [t for t in fig.axes[0].texts if t.get_text() == "✓"]
    assert len(ticks) == int(table.told.sum()) == 5  # 2 shared facts x 2 articles + 1
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels[-1].startswith("1  Fares on the Skarva")  # told by one article: last
    with pytest.raises(NewsframeError, match="lacks column"):
        group_omission_figure(table.drop(columns=["share"]))


def test_group_omission_figure_of_twenty_groups_keeps_their_names_apart():
    # 20 groups (stories), 30 facts; fact f is told by half of group g's two articles when
    # (f + g) is a multiple of 7
    groups = [f"a-long-story-name-number-{g}-2022" for g in range(20)]
    rows = [{"fact_id": f, "fact": f"Fact {f}.", "group": g, "share": share,
             "articles": int(2 * share), "group_articles": 2}
            for f in range(30) for i, g in enumerate(groups)
            for share in [0.5 if (f + i) % 7 == 0 else 0.0]]  # fmt: skip
    fig = group_omission_figure(pd.DataFrame(rows))
    ax = fig.axes[0]
    labels = ax.get_xticklabels()
    assert [t.get_text() for t in labels] == groups  # whole names
    assert {t.get_rotation() for t in labels} == {60.0}
    # parallel labels 60 degrees steep are apart when the columns' spacing times sin(60)
    # exceeds a line of their font
    spacing = ax.get_position().width * fig.get_figwidth() * 72 / len(groups)
    assert spacing * np.sin(np.radians(60)) > 1.2 * max(t.get_fontsize() for t in labels)
    assert len([t for t in ax.texts if t.get_text() == "50%"]) == sum(r["share"] > 0 for r in rows)


def test_figures_are_byte_identical(tmp_path):
    for n in (1, 2):
        save_figure(coverage_figure(coverage([A, B])), f"c{n}", tmp_path)
        save_figure(alignment_map_figure(omissions([A, B]), align_sentences([A, B]), "a", "b"),
                    f"m{n}", tmp_path)  # fmt: skip
    for stem in ("c", "m"):
        for ext in ("png", "svg"):
            assert (tmp_path / f"{stem}1.{ext}").read_bytes() == (
                tmp_path / f"{stem}2.{ext}"
            ).read_bytes()
