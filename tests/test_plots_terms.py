"""The term figures render from the seed tables and refuse tables they cannot draw."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

import newsframe as nf
from newsframe import NewsframeError
from newsframe.plots import save_figure
from newsframe.plots.terms import (
    plot_dispersion,
    plot_frequency_scatter,
    plot_keyness,
    plot_term_frequencies,
    plot_tfidf,
)


@pytest.fixture(scope="module")
def key_table(seeds) -> pd.DataFrame:
    return nf.keyness(seeds[0], seeds[1])


def _texts(fig: Figure) -> str:
    parts = [t.get_text() for t in fig.texts]
    if fig._suptitle is not None:
        parts.append(fig._suptitle.get_text())
    for ax in fig.axes:
        parts += [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
        parts += [t.get_text() for t in ax.texts]
        parts += [t.get_text() for t in ax.get_yticklabels()]
    return "\n".join(parts)


def test_term_frequency_bars_share_the_axis(seeds):
    fig = plot_term_frequencies(nf.term_frequencies(seeds), top_n=5)
    assert isinstance(fig, Figure) and len(fig.axes) == 2
    assert fig.axes[0].get_xlim() == fig.axes[1].get_xlim()
    assert "japan" in _texts(fig)


def test_frequency_scatter_is_log_log_and_labelled(key_table):
    fig = plot_frequency_scatter(key_table)
    ax = fig.axes[0]
    assert ax.get_xscale() == "log" and ax.get_yscale() == "log"
    text = _texts(fig)
    assert "interview" in text and "n = 216" in text and "n = 289" in text


def test_keyness_bars_state_sizes_and_the_correction(key_table):
    fig = plot_keyness(key_table, top_n=5)
    text = _texts(fig)
    assert "n_a = 216" in text and "n_b = 289" in text
    assert "0 term(s) pass it" in text and "not by significance" in text
    assert "interview" in text and "abe" in text
    assert "no term reaches |z| = 1.96" in _texts(plot_keyness(key_table, measure="logodds_z"))
    with pytest.raises(NewsframeError, match="measure"):
        plot_keyness(key_table, measure="p_g2")


def test_tfidf_and_dispersion_render(seeds, tmp_path):
    fig = plot_tfidf(nf.tfidf(seeds, idf="background"), top_n=5)
    assert "general English" in _texts(fig)
    fig2 = plot_dispersion(nf.dispersion(seeds, ["putin", "deal"]))
    assert len(fig2.axes) == 2
    paths = save_figure(fig2, "dispersion__test", tmp_path)
    assert all(p.stat().st_size > 0 for p in paths)


def test_empty_or_wrong_tables_raise(key_table):
    with pytest.raises(NewsframeError, match="empty"):
        plot_keyness(key_table.iloc[0:0])
    with pytest.raises(NewsframeError, match="lacks"):
        plot_frequency_scatter(key_table.drop(columns="n_a"))


def _grouped_corpus() -> nf.Corpus:
    texts = {
        "a1": ("x", "Turbines turn on the river."),
        "a2": ("x", "The turbine stopped."),
        "b1": ("y", "Drought dried the river."),
        "b2": ("z", "Farmers wait for rain."),
    }
    return nf.Corpus(
        nf.Article(i, "", (text,), metadata={"group": g}) for i, (g, text) in texts.items()
    )


def test_frequency_scatter_title_names_the_compared_sides(key_table):
    # two articles: the seeds' ids; two groups: x holds a1 and a2, y holds b1 (by construction)
    assert "article mt-2016-12-13 against article mt-2019-01-23" in _texts(
        plot_frequency_scatter(key_table)
    )
    corpus = _grouped_corpus()
    text = _texts(plot_frequency_scatter(nf.group_keyness(corpus, compare=["x", "y"])))
    assert "group x (2 articles) against group y (1 article)" in text
    assert "article against article" not in text
    rest = nf.group_keyness(corpus, vs_rest=True)
    text = _texts(plot_frequency_scatter(rest[rest["group"] == "y"]))
    assert "group y (1 article) against the rest (3 articles)" in text
    pair = nf.group_keyness(corpus, compare=["a1", "b2"])  # two article ids, no group
    assert "article a1 against article b2" in _texts(plot_frequency_scatter(pair))


def test_every_row_of_panels_has_x_tick_numbers():
    # four groups in rows of three: the first row sits above the second (and above an empty
    # cell), so its x axis must carry its own numbers
    table = nf.term_frequencies(_grouped_corpus(), by="article_id")
    fig = plot_term_frequencies(table, top_n=3)
    fig.draw_without_rendering()
    panels = [ax for ax in fig.axes if ax.get_visible()]
    assert len(panels) == 4
    for ax in panels:
        numbers = [t.get_text() for t in ax.get_xticklabels() if t.get_visible() and t.get_text()]
        assert "0" in numbers, ax.get_title()


# --- issue 20 item 10 ---------------------------------------------------------------------------


def _label_boxes(fig: Figure):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Text

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    ax = fig.axes[0]
    # the text's own box (an Annotation's box would include its leader line)
    return [Text.get_window_extent(t, renderer) for t in ax.texts if t.get_text()
            and "solid line" not in t.get_text() and "left out" not in t.get_text()]  # fmt: skip


def test_frequency_scatter_labels_do_not_overprint(seeds):
    # many tied points in one corner: the old placement stacked their labels on one another
    table = nf.keyness(seeds[0], seeds[1])
    boxes = _label_boxes(plot_frequency_scatter(table, label_n=12))
    assert len(boxes) >= 10
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not a.overlaps(b), "two labels overprint"


def test_place_labels_by_hand():
    from newsframe.plots import place_labels

    # two points 0.02 apart (labels 0.03 high): the first label goes up-right, the second (whose up-right
    # slot would touch the first label) goes down-right; a third at the right edge goes left
    slots = place_labels(np.array([[0.5, 0.5], [0.5, 0.48], [0.98, 0.2]]), [0.1, 0.1, 0.1],
                         height=0.03)  # fmt: skip
    assert [s[2:] for s in slots] == [("left", "bottom"), ("left", "top"), ("right", "bottom")]


def test_tfidf_of_a_page_with_chinese_glosses_draws_no_empty_boxes(tmp_path):
    # names glossed in Chinese are kept in the text but are no terms: no missing-glyph warning
    # (pytest turns warnings into errors) and no CJK term on the figure
    article = nf.Article(
        "a", "T", ("Prime Minister Shinzo Abe (安倍晋三) met Xi Jinping (习近平).",)
    )
    other = nf.Article("b", "T", ("Xi Jinping met the envoy on Dec. 15, 2016.",))
    table = nf.tfidf([article, other])
    assert not any(ord(ch) > 0x2E80 for term in table["term"] for ch in term)
    assert not table["term"].isin(["15", "2016", "dec"]).any()
    save_figure(plot_tfidf(table), "tfidf_cjk", tmp_path, formats=("png", "svg"))
    assert "安倍晋三" in nf.tokens_frame([article]).token.tolist()  # kept in the text
