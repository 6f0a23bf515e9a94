"""The framing figures render from the seed tables, handle empty tables, refuse wrong ones."""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.figure import Figure

import newsframe as nf
from newsframe import Article, NewsframeError
from newsframe.plots import save_figure
from newsframe.plots.framing import (
    plot_actor_prominence,
    plot_attribution_verbs,
    plot_frame_dimensions,
    plot_naming_variants,
    plot_share_of_voice,
)


def _texts(fig: Figure) -> str:
    parts = [t.get_text() for t in fig.texts]
    for ax in fig.axes:
        parts += [ax.get_title(), ax.get_xlabel()]
        parts += [t.get_text() for t in ax.texts]
        parts += [t.get_text() for t in ax.get_yticklabels()]
    return "\n".join(parts)


def test_naming_variants_figure(seeds):
    fig = plot_naming_variants(nf.restore_naming_zeros(nf.naming_variants(seeds), seeds))
    text = _texts(fig)
    assert "mt-2016-12-13" in text and "2*" in text  # two "Kuril Islands", used first
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert legend == ["Kuril Islands", "Northern Territories", "the islands"]


def test_attribution_figure_one_panel_per_article(seeds):
    fig = plot_attribution_verbs(nf.attributions(seeds))
    assert len(fig.axes) == 2
    assert "Putin · claim" in _texts(fig)


def test_share_of_voice_figure(seeds):
    fig = plot_share_of_voice(nf.share_of_voice(seeds))
    assert "42" in _texts(fig) and "28" in _texts(fig)


def test_prominence_figure(seeds):
    fig = plot_actor_prominence(nf.actor_positions(seeds), nf.actor_prominence(seeds))
    assert len(fig.axes) == 2
    assert "37" in _texts(fig)  # Putin, 8 mentions in 216 words of 2016


def test_frame_figure_leaves_out_untouched_frames(seeds):
    fig = plot_frame_dimensions(nf.frame_dimensions(seeds, n_resamples=50))
    text = _texts(fig)
    assert "Human interest" in text and "Public opinion" in text
    assert "Morality" not in text


def test_figures_for_articles_without_quotes_or_names():
    corpus = [Article("a", "T", ("Ships sailed.",)), Article("b", "U", ("Rain fell.",))]
    figs = [
        plot_naming_variants(nf.naming_variants(corpus)),
        plot_attribution_verbs(nf.attributions(corpus)),
        plot_share_of_voice(nf.share_of_voice(corpus)),
        plot_actor_prominence(nf.actor_positions(corpus), nf.actor_prominence(corpus)),
        plot_frame_dimensions(nf.frame_dimensions(corpus, n_resamples=10)),
    ]
    assert all(isinstance(f, Figure) for f in figs)


def test_wrong_table_is_refused():
    with pytest.raises(NewsframeError, match="lacks column"):
        plot_frame_dimensions(pd.DataFrame({"x": [1]}))


def test_saved_figures_are_byte_identical(seeds, tmp_path):
    table = nf.frame_dimensions(seeds, n_resamples=50)
    one = save_figure(plot_frame_dimensions(table), "f", tmp_path / "one")
    two = save_figure(plot_frame_dimensions(table), "f", tmp_path / "two")
    assert [p.read_bytes() for p in one] == [p.read_bytes() for p in two]


def test_attribution_chart_wraps_many_articles(tmp_path):
    # Sixteen articles used to make sixteen side-by-side panels that never finished rendering.
    rows = [
        {"article_id": f"a{i:02d}", "speaker": "a spokesman for the regional administration",
         "verb_lemma": "say", "verb_class": "neutral"}
        for i in range(16)
    ]  # fmt: skip
    fig = plot_attribution_verbs(pd.DataFrame(rows))
    assert len([ax for ax in fig.axes if ax.get_visible()]) == 16
    assert fig.get_figwidth() <= 11  # two columns of panels at most
    save_figure(fig, "many", tmp_path, formats=("png",))
    assert (tmp_path / "many.png").stat().st_size > 0


def test_frame_profile_is_a_heatmap_for_many_articles(tmp_path):
    articles = [
        Article(f"a{i}", "", ("Opinion polls show that voters oppose the deal.",)) for i in range(6)
    ]
    fig = plot_frame_dimensions(nf.frame_dimensions(articles))
    assert any(ax.images for ax in fig.axes)  # imshow panels, not dots with intervals
    save_figure(fig, "heat", tmp_path, formats=("png",))


def test_prominence_figure_labels_actors_by_name():
    # actor ids are keys (lower case, underscores); the figure shows the names, as the
    # attribution and share-of-voice charts do; an actor without a name keeps its id
    corpus = [Article("a", "", ("Hanne Vos met the Grain Council. Vos spoke first.",))]
    actors = [
        nf.Actor("hanne_vos", "Hanne Vos", "person", ("Hanne Vos", "Vos")),
        nf.Actor("grain_council", "", "organisation", ("Grain Council",)),
    ]
    prominence = nf.actor_prominence(corpus, actors)
    fig = plot_actor_prominence(nf.actor_positions(corpus, actors), prominence)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["Hanne Vos", "grain_council"]


# --- issue 20 item 10 ---------------------------------------------------------------------------


def test_hostile_verbs_have_their_own_colour_and_legend_entry():
    from matplotlib.colors import to_hex

    table = pd.DataFrame(
        {
            "article_id": ["a", "a", "a"],
            "speaker": ["kim", "kim", "lee"],
            "verb_lemma": ["slam", "say", ""],
            "verb_class": ["hostile", "neutral", ""],
        }
    )
    fig = plot_attribution_verbs(table)
    legend = {t.get_text(): to_hex(h.get_facecolor())
              for t, h in zip(fig.legends[0].texts, fig.legends[0].legend_handles, strict=True)}  # fmt: skip
    assert set(legend) == {"neutral", "hostile", "(no verb: continued or unresolved)"}
    assert legend["hostile"] not in (
        legend["neutral"],
        legend["(no verb: continued or unresolved)"],
    )
    bars = {to_hex(p.get_facecolor()) for p in fig.axes[0].patches}
    assert legend["hostile"] in bars and len(bars) == 3


def test_frame_heatmap_draws_the_intervals_its_caption_promises():
    # six articles: a heatmap; every cell with a hit carries its interval (a line and a tick)
    articles = [
        Article(f"a{i}", "", ("Opinion polls show that voters oppose the deal.",)) for i in range(6)
    ]
    table = nf.frame_dimensions(articles)
    fig = plot_frame_dimensions(table)
    cells = int((table["ci_high"] > 0).sum())
    assert cells > 0
    lines = sum(len(ax.lines) for ax in fig.axes)
    assert lines == 2 * cells
    assert "interval" in fig.axes[-1].get_ylabel()  # the colour bar says what the lines are
