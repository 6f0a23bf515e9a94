"""Figures for N articles: every per-article figure stays readable at 2, 12 and 50 articles.

Synthetic tables of 2, 12 and 50 articles (made here, not by the analysis functions) go through
every figure. The checks are on what is drawn: every text lies inside the figure (nothing
clipped), no two labels overlap, each article or group shown gets a colour of its own, no box
plot summarises fewer than five points, and the titles and labels name what is compared.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.text import Text

import newsframe as nf
from newsframe.plots import article_colors, distinct_colors
from newsframe.plots import corpus as pc
from newsframe.plots import framing as pf
from newsframe.plots import sentiment as ps
from newsframe.plots import terms as pt

SIZES = (2, 12, 50)


def ids(n: int) -> list[str]:
    return [f"outlet-{i:02d}-article" for i in range(n)]


# --- what is drawn -----------------------------------------------------------------------------


def _undrawn_tick_labels(fig: Figure) -> set[int]:
    """Tick labels matplotlib keeps but does not draw (their tick lies outside the view)."""
    hidden = set()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            lo, hi = sorted(axis.get_view_interval())
            eps = (hi - lo) * 1e-9
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                if not lo - eps <= tick.get_loc() <= hi + eps:
                    hidden.update({id(tick.label1), id(tick.label2)})
    return hidden


def boxes(fig: Figure) -> tuple[list[str], np.ndarray]:
    """Texts drawn and their window extents (pixels, rows of x0, y0, x1, y1)."""
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    hidden = _undrawn_tick_labels(fig)
    names, extents = [], []
    for t in fig.findobj(Text):
        shown = t.get_visible() and (t.axes is None or t.axes.get_visible())
        if shown and t.get_text().strip() and id(t) not in hidden:
            bb = t.get_window_extent(renderer)
            names.append(t.get_text())
            extents.append([bb.x0, bb.y0, bb.x1, bb.y1])
    return names, np.array(extents).reshape(-1, 4)


def readable(fig: Figure, tolerance: float = 1.0) -> None:
    """Assert that no text reaches outside the figure and no two texts overlap (pixels)."""
    names, b = boxes(fig)
    w, h = fig.get_figwidth() * fig.dpi, fig.get_figheight() * fig.dpi
    out = (b[:, 0] < -1) | (b[:, 1] < -1) | (b[:, 2] > w + 1) | (b[:, 3] > h + 1)
    assert not out.any(), f"clipped: {[names[i] for i in np.flatnonzero(out)][:5]}"
    dx = np.minimum(b[:, None, 2], b[None, :, 2]) - np.maximum(b[:, None, 0], b[None, :, 0])
    dy = np.minimum(b[:, None, 3], b[None, :, 3]) - np.maximum(b[:, None, 1], b[None, :, 1])
    hit = np.triu((dx > tolerance) & (dy > tolerance), k=1)
    pairs = [(names[i], names[j]) for i, j in zip(*np.nonzero(hit), strict=True)]
    assert not pairs, f"overlapping: {pairs[:5]}"


def all_text(fig: Figure) -> str:
    return "\n".join(t.get_text() for t in fig.findobj(Text))


# --- synthetic tables --------------------------------------------------------------------------


def rng() -> np.random.Generator:
    return np.random.default_rng(7)


def t_frequencies(n: int, top: int = 15) -> pd.DataFrame:
    r = rng()
    rows = [(a, f"term{k:02d}", c, c * 1000 / 800, 800)
            for a in ids(n) for k in range(top) for c in [int(r.integers(1, 30))]]  # fmt: skip
    return pd.DataFrame(rows, columns=["article_id", "term", "count", "per_1000", "n_tokens"])


def t_tfidf(n: int, top: int = 10) -> pd.DataFrame:
    r = rng()
    rows = [(a, f"distinctive-term-{k:02d}", float(r.uniform(0.05, 0.6)), 1.405, k + 1, "corpus")
            for a in ids(n) for k in range(top)]  # fmt: skip
    return pd.DataFrame(rows, columns=["article_id", "term", "tfidf", "idf", "count", "idf_source"])


def t_dispersion(n: int, terms: int = 8) -> pd.DataFrame:
    r = rng()
    rows = [(a, f"term{k}", float(r.uniform()), 700)
            for a in ids(n) for k in range(terms) for _ in range(3)]  # fmt: skip
    return pd.DataFrame(rows, columns=["article_id", "term", "relative_position", "n_tokens"])


def sentence_counts(n: int) -> list[int]:
    """Sentences per article: every third article has only two."""
    return [2 if j % 3 == 0 else 12 for j in range(n)]


def t_sentences(n: int) -> pd.DataFrame:
    r = rng()
    rows = [(a, 0, s, "x", float(np.round(r.uniform(-1, 1), 4)))
            for a, m in zip(ids(n), sentence_counts(n), strict=True) for s in range(m)]  # fmt: skip
    cols = ["article_id", "paragraph_id", "sentence_id", "sentence", "compound"]
    return pd.DataFrame(rows, columns=cols)


def t_summary(n: int) -> pd.DataFrame:
    rows = [(a, "mean_compound", 0.1, -0.2, 0.4, 5) for a in ids(n)]
    cols = ["article_id", "statistic", "value", "ci_low", "ci_high", "n_sentences"]
    return pd.DataFrame(rows, columns=cols)


def t_arc(n: int) -> pd.DataFrame:
    rows = [(a, p, 0.3 * np.sin(7 * p + k), 0.1) for k, a in enumerate(ids(n))
            for p in np.linspace(0, 1, 6)]  # fmt: skip
    return pd.DataFrame(rows, columns=["article_id", "position", "compound", "rolling_mean"])


ACTORS = ["Minister Ana Kovač", "Regional Water Agency", "Dorvan", "Kessia", "The opposition"]


def t_actor(n: int) -> pd.DataFrame:
    r = rng()
    rows = [(a, actor, "mean_compound", v, v - 0.2, v + 0.2, int(r.integers(1, 9)))
            for a in ids(n) for actor in ACTORS for v in [float(r.uniform(-0.6, 0.6))]]  # fmt: skip
    cols = ["article_id", "actor", "statistic", "value", "ci_low", "ci_high", "n_sentences"]
    return pd.DataFrame(rows, columns=cols)


def t_coverage(n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    cov = pd.DataFrame({"article_id": ids(n), "share_lexicon": 0.08, "share_blind": 0.4})
    gaps = pd.DataFrame({"word": ["sovereignty", "occupation", "peace"], "count": [3, 2, 5],
                         "valence": [0.0, 0.0, 2.5], "reading": ["absent", "absent", "positive"]})  # fmt: skip
    return cov, gaps


def t_audit(n: int) -> pd.DataFrame:
    kinds = ["related headlines", "newsletter appeal", "photo caption"]
    rows = [(a, k, 0.01 * ((j + i) % 7 - 3), (j + i) % 4 + 1)
            for j, a in enumerate(ids(n)) for i, k in enumerate(kinds)]  # fmt: skip
    return pd.DataFrame(rows, columns=["article_id", "kind", "shift", "removed_sentences"])


def t_counts(n: int) -> pd.DataFrame:
    return pd.DataFrame({"article_id": ids(n), "paragraphs": 12, "sentences": 40,
                         "tokens": 912, "types": 433})  # fmt: skip


REASONS = ["kept: article body", "navigation menu", "related headlines", "cookie notice",
           "newsletter appeal", "social sharing buttons", "photo credit", "copyright line",
           "comments section", "author biography"]  # fmt: skip


def t_removal(n: int) -> pd.DataFrame:
    rows = [(a, reason, 300 if k == 0 else 10 * k + j % 5)
            for j, a in enumerate(ids(n)) for k, reason in enumerate(REASONS)]  # fmt: skip
    return pd.DataFrame(rows, columns=["article_id", "reason", "words"])


def t_naming(n: int) -> pd.DataFrame:
    variants = ["the Amsel dam", "the Kessian dam", "the Amsel hydro project", "the reservoir"]
    rows = [(a, "dam", v, (j + k) % 4 * (k + 1), k == 0, k == j % 4)
            for j, a in enumerate(ids(n)) for k, v in enumerate(variants)]  # fmt: skip
    cols = ["article_id", "concept", "variant", "count", "first_used", "in_headline"]
    return pd.DataFrame(rows, columns=cols)


def t_attributions(n: int) -> pd.DataFrame:
    rows = [(a, s, verb, cls)
            for a in ids(n) for s, verb, cls in [("kovac", "say", "neutral"),
                                                  ("agency", "claim", "evaluative"),
                                                  ("a spokesman for the regional administration",
                                                   "urge", "directive")]]  # fmt: skip
    return pd.DataFrame(rows, columns=["article_id", "speaker", "verb_lemma", "verb_class"])


SPEAKERS = [f"speaker-{k:02d}" for k in range(30)]


def t_voice(n: int) -> pd.DataFrame:
    rows = [(a, s, (j * 7 + k * 3) % 40 if (j + k) % 3 == 0 else 0)
            for j, a in enumerate(ids(n)) for k, s in enumerate(SPEAKERS[: min(n + 2, 30)])]  # fmt: skip
    return pd.DataFrame(rows, columns=["article_id", "speaker", "quoted_words"])


def t_prominence(n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    pos = pd.DataFrame([(a, actor, p) for a in ids(n) for actor in ACTORS
                        for p in (-1.0, 0.2, 0.7)], columns=["article_id", "actor_id", "position"])  # fmt: skip
    prom = pd.DataFrame([(a, actor, 12.0) for a in ids(n) for actor in ACTORS],
                        columns=["article_id", "actor_id", "per_1000"])  # fmt: skip
    return pos, prom


def t_frames(n: int) -> pd.DataFrame:
    labels = [("mfc", "Economic"), ("mfc", "Political"), ("mfc", "Legality"), ("sv", "Conflict")]
    rows = [(a, s, lab, j % 3, 2.0 * (j % 3), 0.0, 4.0 * (j % 3))
            for j, a in enumerate(ids(n)) for s, lab in labels]  # fmt: skip
    cols = ["article_id", "scheme", "label", "hits", "per_1000", "ci_low", "ci_high"]
    return pd.DataFrame(rows, columns=cols)


def t_drivers(n: int) -> pd.DataFrame:
    words = [("safety", 1.8), ("protect", 1.6), ("ban", -2.6), ("good", 1.9), ("killed", -3.5)]
    rows = [(a, w, v, k + 1, k + 1, v * (k + 1), v * (k + 1), round(v * (k + 1) / 40, 4), 12)
            for j, a in enumerate(ids(n)) for k, (w, v) in enumerate(words)]  # fmt: skip
    cols = ["article_id", "word", "valence", "count", "sentences", "valence_sum", "rule_sum",
            "mean_shift", "n_sentences"]  # fmt: skip
    return pd.DataFrame(rows, columns=cols)


def t_effect(n: int) -> pd.DataFrame:
    rows = [(a, 12, 0.2, 0.05 if j % 2 else 0.2, "safety×3; protect×1" if j % 2 else "")
            for j, a in enumerate(ids(n))]  # fmt: skip
    return pd.DataFrame(rows, columns=["article_id", "n_sentences", "mean_before", "mean_after",
                                       "excluded_words"])  # fmt: skip


# --- the checks --------------------------------------------------------------------------------


def test_distinct_colours_up_to_fifty_and_stable_for_two():
    assert article_colors(["a", "b"]) == {"a": "#0072B2", "b": "#D55E00"}  # Okabe–Ito
    for n in SIZES:
        colors = article_colors(ids(n))
        assert len(set(colors.values())) == n
    assert distinct_colors(50)[:12] == distinct_colors(12)  # a prefix: stable as n grows


FIGURES = {
    "term_frequencies": lambda n: pt.plot_term_frequencies(t_frequencies(n)),
    "tfidf": lambda n: pt.plot_tfidf(t_tfidf(n)),
    "dispersion": lambda n: pt.plot_dispersion(t_dispersion(n)),
    "sentence_scores": lambda n: ps.plot_sentence_scores(t_sentences(n), t_summary(n)),
    "arcs": lambda n: ps.plot_sentiment_arcs(t_arc(n)),
    "actor_sentiment": lambda n: ps.plot_actor_sentiment(t_actor(n)),
    "coverage": lambda n: ps.plot_coverage(*t_coverage(n)),
    "boilerplate_audit": lambda n: ps.plot_boilerplate_audit(t_audit(n)),
    "counts": lambda n: pc.counts_figure(t_counts(n)),
    "cleaning": lambda n: pc.cleaning_figure(t_removal(n)),
    "naming": lambda n: pf.plot_naming_variants(t_naming(n), concept="dam"),
    "attribution": lambda n: pf.plot_attribution_verbs(t_attributions(n)),
    "share_of_voice": lambda n: pf.plot_share_of_voice(t_voice(n)),
    "prominence": lambda n: pf.plot_actor_prominence(*t_prominence(n)),
    "frames": lambda n: pf.plot_frame_dimensions(t_frames(n)),
    "sentiment_drivers": lambda n: ps.plot_sentiment_drivers(t_drivers(n), top_n=5),
    "exclusion_effect": lambda n: ps.plot_exclusion_effect(t_effect(n)),
}


#: Figures made of many small panels; at 50 articles their layout is checked by structure
#: (panel count and titles) rather than by drawing every label, which takes a minute each.
SMALL_MULTIPLES = {"term_frequencies", "tfidf", "dispersion", "arcs", "attribution", "prominence",
                   "sentiment_drivers"}  # fmt: skip
DRAWN_AT_12 = {"counts", "coverage"}


@pytest.mark.parametrize("n", SIZES)
@pytest.mark.parametrize("name", sorted(FIGURES))
def test_figure_is_readable(name, n):
    fig = FIGURES[name](n)
    shown = all_text(fig)
    assert all(a in shown for a in ids(n)), f"{name}: not every article is named"
    assert fig.get_figheight() <= 40 and fig.get_figwidth() <= 16
    if n == 50 and name in DRAWN_AT_12:
        pass  # drawn and checked at 12 articles; at 50 the same layout code only adds rows
    elif n == 50 and name in SMALL_MULTIPLES:
        panels = [ax for ax in fig.axes if ax.get_visible()]
        assert len(panels) == 50
        titles = [ax.get_title() or ax.get_title(loc="left") for ax in panels]
        assert {t.split("\n")[0].split(" ")[0] for t in titles} == set(ids(50))
        assert len({round(ax.get_position().x0, 3) for ax in panels}) >= 2  # wrapped in columns
    else:
        readable(fig)


@pytest.mark.parametrize("n", SIZES)
def test_sentence_scores_colours_and_boxes(n):
    table = t_sentences(n)
    fig = ps.plot_sentence_scores(table)
    dots = [c for c in fig.axes[0].collections if len(c.get_offsets())]
    colours = {to_hex(c.get_facecolors()[0]).upper() for c in dots}
    assert len(dots) == n and len(colours) == n  # one colour per article, none repeated
    # every article's sentences are drawn as points; boxes only where there are >= 5
    assert sum(len(c.get_offsets()) for c in dots) == len(table) == sum(sentence_counts(n))
    boxes_drawn = [ln for ln in fig.axes[0].lines if len(ln.get_xdata()) == 5]
    assert len(boxes_drawn) == sum(m >= ps.MIN_BOX_POINTS for m in sentence_counts(n))


def test_two_short_articles_get_no_box():
    table = pd.DataFrame({"article_id": ["a", "a", "b", "b"], "compound": [0.1, 0.5, -0.2, 0.0]})
    fig = ps.plot_sentence_scores(table)
    assert not [ln for ln in fig.axes[0].lines if len(ln.get_xdata()) == 5]
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == [
        "a\n(2 sentences)", "b\n(2 sentences)"]  # fmt: skip


@pytest.mark.parametrize("n", (12, 50))
def test_small_multiples_keep_one_distinct_colour_per_article(n):
    fig = pt.plot_term_frequencies(t_frequencies(n))
    panels = [ax for ax in fig.axes if ax.get_visible()]
    colours = [to_hex(ax.patches[0].get_facecolor()).upper() for ax in panels]
    assert len(set(colours)) == n
    assert [ax.get_title().split("\n")[0] for ax in panels] == ids(n)
    assert all(len(ax.patches) == 15 for ax in panels)  # the top 15 terms of each article


def test_tfidf_notes_stay_inside_their_panel():
    # one very long bar: its note goes inside the bar instead of past the panel edge
    table = t_tfidf(2)
    table.loc[0, "tfidf"] = 5.0
    fig = pt.plot_tfidf(table)
    readable(fig)
    ax = fig.axes[0]
    renderer = FigureCanvasAgg(fig).get_renderer()
    right = ax.get_window_extent(renderer).x1
    assert all(t.get_window_extent(renderer).x1 <= right + 1 for t in ax.texts)


@pytest.mark.parametrize("n", (12, 50))
def test_many_articles_become_heatmaps_with_every_value(n):
    fig = ps.plot_actor_sentiment(t_actor(n))
    assert fig.axes[0].images
    cells = [t.get_text() for t in fig.axes[0].texts]
    assert len(cells) == n * len(ACTORS) and all("n=" in c for c in cells)
    # long names are wrapped on two lines (issue 20 item 10), never cut
    assert [t.get_text().replace("\n", " ") for t in fig.axes[0].get_xticklabels()] == ACTORS
    fig = ps.plot_boilerplate_audit(t_audit(n))
    assert fig.axes[0].images and len(fig.axes[0].texts) == n * 3
    assert "removed text" in fig.axes[0].get_title()


def test_share_of_voice_pools_speakers_beyond_the_legend():
    table = pd.DataFrame({"article_id": ["a"] * 30 + ["b"] * 30, "speaker": SPEAKERS * 2,
                          "quoted_words": list(range(1, 31)) * 2})  # fmt: skip
    fig = pf.plot_share_of_voice(table)
    readable(fig)
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    # the 12 speakers with most quoted words (speaker-18 .. speaker-29), then the 18 others
    assert legend == [f"speaker-{k}" for k in range(18, 30)] + ["18 other speakers"]
    handles = fig.axes[0].get_legend().legend_handles
    assert len({to_hex(h.get_facecolor()) for h in handles}) == 13


def test_sentiment_drivers_figure_from_the_real_table():
    a = nf.Article("notice", "T", ("The ban will protect safety.", "The book was good."))
    fig = ps.plot_sentiment_drivers(nf.sentiment_drivers(a))
    readable(fig)
    ax = fig.axes[0]
    # top to bottom in the order of the table: largest |shift| first
    assert [t.get_text().split(" ")[0] for t in ax.get_yticklabels()] == [
        "ban", "safety", "good", "protect"]  # fmt: skip
    widths = sorted(round(p.get_width(), 4) for p in ax.patches)
    assert widths == sorted(
        [-0.2287, 0.2262, 0.2202, 0.2023]
    )  # worked out in test_sentiment_drivers
    assert ax.patches[0].get_facecolor()[:3] == pytest.approx((0xD5 / 255, 0x5E / 255, 0))
    effect = nf.exclusion_effect(a, ["safety"])
    fig = ps.plot_exclusion_effect(effect)
    readable(fig)
    assert "safety×1" in all_text(fig)
