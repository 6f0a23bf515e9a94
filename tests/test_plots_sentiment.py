"""Tests for newsframe.plots.sentiment: each figure builds from a tiny table and saves reproducibly."""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure

import newsframe as nf
from newsframe.errors import NewsframeError
from newsframe.plots import save_figure
from newsframe.plots import sentiment as ps

A = nf.Article("a", "T", ("Vladimir Putin praised Japan. The islands were sad.", "It rained."))
B = nf.Article("b", "T", ("Abe was happy. Russia said nothing. Tokyo is big.",))
CORPUS = nf.Corpus([A, B])


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return nf.sentence_sentiment(CORPUS)


def test_every_figure_builds(table: pd.DataFrame) -> None:
    figures = [
        ps.plot_sentence_scores(table, nf.sentiment_summary(table, n_resamples=50)),
        ps.plot_sentence_scores(table),
        ps.plot_comparison(nf.compare_sentiment(table, "a", "b", n_resamples=50)),
        ps.plot_sentiment_arcs(nf.sentiment_arc(table)),
        ps.plot_actor_sentiment(nf.actor_sentiment(table, n_resamples=50)),
        ps.plot_coverage(nf.sentiment_coverage(CORPUS), nf.lexicon_gaps(CORPUS)),
    ]
    assert all(isinstance(f, Figure) for f in figures)
    # one point per sentence in the strip plot (3 + 3 sentences)
    dots = [c for c in figures[1].axes[0].collections if isinstance(c, PathCollection)]
    points = sum(len(c.get_offsets()) for c in dots)
    assert points == len(table) == 6


def test_boilerplate_figure_and_reproducible_files(tmp_path) -> None:
    from newsframe.cleaning import Removal

    art = nf.Article(
        "c", "T", ("The book was good.",), removed=(Removal(1, "Support us", "appeal"),)
    )
    fig = ps.plot_boilerplate_audit(nf.boilerplate_audit(art))
    first = [p.read_bytes() for p in save_figure(fig, "sentiment__audit", tmp_path / "1")]
    fig = ps.plot_boilerplate_audit(nf.boilerplate_audit(art))
    second = [p.read_bytes() for p in save_figure(fig, "sentiment__audit", tmp_path / "2")]
    assert first == second
    assert isinstance(ps.plot_boilerplate_audit(nf.boilerplate_audit(art, by="reason")), Figure)


def test_clear_errors_for_wrong_tables(table: pd.DataFrame) -> None:
    with pytest.raises(NewsframeError, match="lacks column"):
        ps.plot_sentiment_arcs(table)
    with pytest.raises(NewsframeError, match="empty"):
        ps.plot_sentence_scores(table.iloc[:0])


def test_empty_actor_and_audit_tables_still_draw() -> None:
    plain = nf.Article("p", "T", ("It rained.",))
    assert isinstance(ps.plot_actor_sentiment(nf.actor_sentiment(plain)), Figure)
    assert isinstance(ps.plot_boilerplate_audit(nf.boilerplate_audit(plain)), Figure)


def test_arcs_become_small_multiples_for_many_articles():
    arc = pd.DataFrame(
        {"article_id": [f"a{i}" for i in range(6) for _ in range(2)],
         "position": [0.25, 0.75] * 6, "compound": [0.1, -0.2] * 6, "rolling_mean": [0.0, 0.0] * 6}
    )  # fmt: skip
    fig = ps.plot_sentiment_arcs(arc)
    assert len([ax for ax in fig.axes if ax.get_visible()]) == 6


# --- issue 20 item 10 ---------------------------------------------------------------------------


def _outside(fig: Figure) -> list[str]:
    """Titles and labels that reach past the figure's edge once drawn."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    texts = [fig._suptitle] if fig._suptitle else []
    for ax in fig.axes:
        low, high = sorted(ax.get_xlim())
        ticks = [t for t in ax.get_xticklabels() if low <= t.get_position()[0] <= high]
        texts += [ax.title, ax.xaxis.label, ax.yaxis.label, *ticks]
    out = []
    for t in texts:
        if t.get_text():
            box = t.get_window_extent(renderer)
            if box.x0 < -0.5 or box.x1 > fig.bbox.width + 0.5 or box.y1 > fig.bbox.height + 0.5:
                out.append(t.get_text())
    return out


def test_sentence_scores_title_fits(table: pd.DataFrame) -> None:
    long = table.assign(article_id=table["article_id"] + "-a-long-article-id-from-a-group")
    fig = ps.plot_sentence_scores(long, nf.sentiment_summary(long, n_resamples=20))
    assert _outside(fig) == []


def _many_actors(n_actors: int) -> pd.DataFrame:
    rows = []
    for a in range(6):
        for k in range(n_actors):
            rows.append((f"art{a}", f"Actor number {k} of the story", "mean_compound", 0.1, 0.0,
                         0.2, 3))  # fmt: skip
    cols = ["article_id", "actor", "statistic", "value", "ci_low", "ci_high", "n_sentences"]
    return pd.DataFrame(rows, columns=cols)


def test_actor_heatmap_stays_readable_with_many_actors() -> None:
    few = ps.plot_actor_sentiment(_many_actors(6))
    ax = few.axes[0]
    assert ax.texts and all(t.get_fontsize() >= 8 for t in ax.texts)  # cell text at 8 pt
    many = ps.plot_actor_sentiment(_many_actors(30))
    assert many.get_figwidth() <= ps.MAX_HEATMAP_WIDTH
    assert len(many.axes[0].texts) == 0  # too narrow for 8 pt text: left out, and said so
    assert "see the table" in many.axes[0].get_title()
    assert _outside(many) == []


def test_drivers_figure_names_words_inside_names_without_a_bar() -> None:
    article = nf.Article("a", "T", ("The Liberal Democratic Party won. The party was happy.",))
    fig = ps.plot_sentiment_drivers(nf.sentiment_drivers(article))
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert any(label.startswith("party (1×") for label in labels)  # the scored occurrence
    assert [t.get_text() for t in ax.texts] == ["not scored, inside names: party×1"]
