"""Figures for term statistics: each takes a table from :mod:`newsframe.terms`.

Keyness figures rank by effect size and print both corpus sizes and the multiple-testing bar,
because with two short articles almost nothing is significant after correction.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

from newsframe.errors import NewsframeError
from newsframe.plots import (
    article_colors,
    figure,
    ink,
    panel_columns,
    panel_grid,
    place_labels,
    require_columns,
    styled,
)
from newsframe.terms.keyness import key_terms

__all__ = [
    "plot_dispersion",
    "plot_frequency_scatter",
    "plot_keyness",
    "plot_term_frequencies",
    "plot_tfidf",
]

_GREY = "#777777"
_MEASURES = {
    "log_ratio": "Log Ratio (log2 of the ratio of rates; ±1 = twice as frequent)",
    "logodds_z": "log-odds z (Monroe et al. 2008, Dirichlet prior)",
    "g2": "signed G² (log-likelihood)",
}


#: A note goes inside its bar (right-aligned, white) once the bar fills this share of the axis,
#: so that no note runs past the panel's right edge.
_INSIDE = 0.55


def _bars(ax, labels, values, color, *, xmax: float, notes=None) -> None:
    """Horizontal bars, top to bottom, on ``0..xmax``, each with an optional note at its end."""
    y = np.arange(len(labels))[::-1]
    ax.barh(y, values, color=color, height=0.7)
    ax.set_yticks(y, labels)
    ax.tick_params(axis="y", length=0)
    ax.set_xlim(0, xmax)
    if notes is not None:
        for yy, value, note in zip(y, values, notes, strict=True):
            inside = value > _INSIDE * xmax
            ax.text(value, yy, f" {note} ", va="center", ha="right" if inside else "left",
                    fontsize=7, color=ink(color) if inside else _GREY)  # fmt: skip


def _small_multiples(n: int, top_n: int):
    """Panels for ``n`` articles: 3 columns up to 12 articles, 5 beyond, sharing the x axis."""
    cols = panel_columns(n)
    return panel_grid(n, width=(3.0 if cols <= 3 else 2.6) * cols + 0.6,
                      panel_height=0.2 * top_n + 0.8, max_cols=cols)  # fmt: skip


@styled
def plot_term_frequencies(table: pd.DataFrame, *, top_n: int = 15) -> Figure:
    """Return side-by-side bars of each article's top ``top_n`` terms per 1,000 tokens.

    ``table`` is :func:`newsframe.term_frequencies` output. Panels share the x axis, so bar
    lengths compare across articles; the raw count is printed after each bar. With articles of
    a few hundred tokens, one occurrence is several per 1,000: small differences are noise.
    """
    require_columns(table, ["term", "count", "per_1000", "n_tokens"], "plot_term_frequencies")
    key = table.columns[0]
    ids = list(dict.fromkeys(table[key]))
    colors = article_colors(ids)
    fig, axes = _small_multiples(len(ids), top_n)
    top = table.groupby(key, sort=False).head(top_n)
    xmax = float(top["per_1000"].max()) * 1.15 if len(top) else 1.0
    for ax, article_id in zip(axes, ids, strict=True):
        rows = top[top[key] == article_id]
        _bars(ax, rows["term"], rows["per_1000"], colors[article_id], xmax=xmax,
              notes=rows["count"])  # fmt: skip
        ax.set_title(f"{article_id}\n{int(rows['n_tokens'].iloc[0])} tokens", fontsize=9)
    fig.supxlabel("per 1,000 tokens (shared axis)", fontsize=9)
    fig.suptitle(f"Most frequent terms (top {top_n}, stopwords removed; number = count)")
    return fig


def _zero_floor(counts: pd.Series, n: pd.Series) -> np.ndarray:
    return np.where(counts > 0, counts, 0.5) * 1000.0 / n


def _side_name(table: pd.DataFrame, side: str) -> str:
    """What one side of a keyness table is: ``group x (3 articles)``, ``article y``, ``the rest``.

    ``side`` is ``"a"`` or ``"b"``; groups come from :func:`newsframe.group_keyness` (its
    ``compared`` column), anything else compares articles (``a+b`` when several are pooled).

    >>> t = pd.DataFrame({"article_id": ["x"], "reference": ["rest"], "compared": ["group"],
    ...                   "n_articles_a": [3], "n_articles_b": [1]})
    >>> _side_name(t, "a"), _side_name(t, "b")
    ('group x (3 articles)', 'the rest (1 article)')
    """
    first = table.iloc[0]
    label = str(first["article_id" if side == "a" else "reference"])
    if first.get("compared", "article") != "group":
        return f"article{'s' if '+' in label else ''} {label}"
    n = first.get(f"n_articles_{side}")
    size = "" if n is None else f" ({int(n)} article{'' if int(n) == 1 else 's'})"
    return f"{'the rest' if side == 'b' and label == 'rest' else f'group {label}'}{size}"


@styled
def plot_frequency_scatter(table: pd.DataFrame, *, label_n: int = 6) -> Figure:
    """Return a log–log scatter of every term's rate on side a (x) against side b (y).

    ``table`` is :func:`newsframe.keyness` output (two articles) or
    :func:`newsframe.group_keyness` output (two groups; its ``compared`` column says so); the
    title names the two sides. Terms on the diagonal are used at the same
    rate; dashed lines mark twice as frequent. A term absent from one side is drawn at half an
    occurrence (hollow marker), as in Hardie's Log Ratio. Terms sharing a point are drawn as
    one larger dot. The ``label_n`` most distinctive points per side (by Log Ratio, ties by
    G²) and the most frequent points are labelled.
    """
    cols = ["term", "count_a", "count_b", "n_a", "n_b", "per_1000_a", "per_1000_b", "log_ratio"]
    require_columns(table, [*cols, "g2", "article_id", "reference"], "plot_frequency_scatter")
    data = table.assign(
        x=_zero_floor(table["count_a"], table["n_a"]), y=_zero_floor(table["count_b"], table["n_b"])
    )
    points = (
        data.groupby(["x", "y"], sort=True)
        .agg(terms=("term", list), n=("term", "size"), ratio=("log_ratio", "first"),
             g2=("g2", "first"), zero=("count_a", "min"), zb=("count_b", "min"))
        .reset_index()
    )  # fmt: skip
    label_a, label_b = table["article_id"].iloc[0], table["reference"].iloc[0]
    colors = article_colors([label_a, label_b])
    fig, ax = figure(width=6.4, height=6.0)
    side = np.where(
        points["ratio"] > 0, colors[label_a], np.where(points["ratio"] < 0, colors[label_b], _GREY)
    )
    hollow = (points["zero"] == 0) | (points["zb"] == 0)
    sizes = 14 + 10 * np.sqrt(points["n"] - 1)
    ax.scatter(points.loc[~hollow, "x"], points.loc[~hollow, "y"], s=sizes[~hollow], c=side[~hollow],
               alpha=0.8, linewidths=0)  # fmt: skip
    ax.scatter(points.loc[hollow, "x"], points.loc[hollow, "y"], s=sizes[hollow], facecolors="none",
               edgecolors=side[hollow], linewidths=1)  # fmt: skip
    lo = min(points["x"].min(), points["y"].min()) / 1.5
    hi = max(points["x"].max(), points["y"].max()) * 1.5
    grid = np.array([lo, hi])
    ax.plot(grid, grid, color=_GREY, lw=0.8)
    for factor in (2.0, 0.5):
        ax.plot(grid, grid * factor, color=_GREY, lw=0.6, ls="--")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(lo, hi)
    ax.set_ylim(lo, hi)
    ax.set_aspect("equal")
    picks = pd.concat(
        [
            points[points["ratio"] > 0].sort_values(["ratio", "g2"], ascending=False).head(label_n),
            points[points["ratio"] < 0].sort_values(["ratio", "g2"], ascending=[True, False]).head(label_n),
            points.assign(total=points["x"] + points["y"]).sort_values("total", ascending=False).head(label_n),
        ]
    )  # fmt: skip
    picks = picks[~picks.index.duplicated()]
    plain = FuncFormatter(lambda v, _: f"{v:g}")
    for axis in (ax.xaxis, ax.yaxis):
        axis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
        axis.set_major_formatter(plain)
        axis.set_minor_formatter(NullFormatter())
    n_a, n_b = int(table["n_a"].iloc[0]), int(table["n_b"].iloc[0])
    ax.set_xlabel(f"{label_a}: per 1,000 tokens (n = {n_a:,})")
    ax.set_ylabel(f"{label_b}: per 1,000 tokens (n = {n_b:,})")
    sides = f"{_side_name(table, 'a')} against {_side_name(table, 'b')}"
    ax.set_title(f"Term rates: {sides}{' ' if len(sides) < 45 else chr(10)}(log scales)")
    ax.text(0.01, 0.99, "solid line: same rate; dashed: twice as frequent\nhollow: absent on one "
            "side, drawn at 0.5 occurrences\nbigger dot: several terms", transform=ax.transAxes,
            va="top", fontsize=7, color=_GREY)  # fmt: skip
    _label_points(ax, picks, points, lo, hi)
    return fig


#: The scatter's axes are about this many inches square (6.4 × 6.0 in figure, equal aspect).
_SCATTER_AXES_INCHES = 4.9
_LABEL_FONT = 7


def _label_points(ax, picks: pd.DataFrame, points: pd.DataFrame, lo: float, hi: float) -> None:
    """Label the picked points without overprinting (:func:`newsframe.plots.place_labels`, in
    order of importance); a label with no free place is left out and counted in a note."""
    span = np.log10(hi) - np.log10(lo)

    def fraction(values) -> np.ndarray:
        return (np.log10(np.asarray(values, dtype=float)) - np.log10(lo)) / span

    texts = []
    for names in picks["terms"]:
        names = sorted(names)
        texts.append(", ".join(names[:2]) + (f" +{len(names) - 2}" if len(names) > 2 else ""))
    inch = _LABEL_FONT / 72 / _SCATTER_AXES_INCHES  # one point of text, in axes fractions
    anchors = np.column_stack([fraction(picks["x"]), fraction(picks["y"])])
    others = np.column_stack([fraction(points["x"]), fraction(points["y"])])
    note = (0.0, 0.86, 0.5, 1.0)  # the key in the top left corner
    slots = place_labels(anchors, [0.6 * inch * len(t) for t in texts], height=1.3 * inch,
                         keep_out=others, taken=[note])  # fmt: skip
    for (x, y), text, slot in zip(picks[["x", "y"]].to_numpy(), texts, slots, strict=True):
        if slot is None:
            continue
        tx, ty, ha, va = slot
        far = abs(ty - fraction([y])[0]) > 1.3 * inch  # a line or more away: a leader line
        ax.annotate(text, (x, y), xytext=(tx, ty), textcoords="axes fraction", ha=ha, va=va,
                    fontsize=_LABEL_FONT,
                    arrowprops={"arrowstyle": "-", "color": _GREY, "lw": 0.5} if far else None)  # fmt: skip
    left_out = sum(slot is None for slot in slots)
    if left_out:
        ax.text(0.99, 0.01, f"{left_out} label{'s' if left_out > 1 else ''} left out (no free "
                "place); every term is in the table", transform=ax.transAxes, ha="right",
                va="bottom", fontsize=7, color=_GREY)  # fmt: skip


def _signed(table: pd.DataFrame, measure: str) -> pd.Series:
    if measure == "g2":
        return table["g2"] * np.sign(table["log_ratio"])
    return table[measure]


@styled
def plot_keyness(table: pd.DataFrame, *, top_n: int = 12, measure: str = "log_ratio") -> Figure:
    """Return diverging bars of the ``top_n`` key terms of each side (quanteda's textplot_keyness).

    ``table`` is :func:`newsframe.keyness` output. Bars to the right lean to article a, to the
    left to b, ranked by ``measure`` (``"log_ratio"`` by default: an effect size, not a
    significance test; or ``"logodds_z"``, ``"g2"``). Each bar carries the two counts and G²;
    ``*`` marks a term that passes Benjamini–Hochberg at 5%, ``†`` a term where the measures
    disagree (see the table's ``note``). The footer gives both corpus sizes and the Bonferroni
    bar the table carries (``bonferroni_g2``, ``n_pass_bonferroni`` over ``n_tests`` terms: the
    figure computes no statistic), and says plainly how many terms pass it.
    """
    if measure not in _MEASURES:
        raise NewsframeError(f"measure must be one of {sorted(_MEASURES)}, got {measure!r}")
    require_columns(table, ["term", "count_a", "count_b", "n_a", "n_b", "g2", "p_bh", "disagree",
                  "log_ratio", measure, "article_id", "reference", "n_tests", "bonferroni_g2",
                  "n_pass_bonferroni"], "plot_keyness")  # fmt: skip
    label_a, label_b = table["article_id"].iloc[0], table["reference"].iloc[0]
    sides = key_terms(table, top_n=top_n, measure=measure)  # the terms the report lists
    top_a, top_b = sides[str(label_a)], sides[str(label_b)]
    rows = pd.concat([top_a, top_b.iloc[::-1]])
    rows = rows.assign(score=_signed(rows, measure))
    colors = article_colors([label_a, label_b])
    fig, ax = figure(width=7.0, height=0.22 * len(rows) + 1.6)
    y = np.arange(len(rows))[::-1]
    bar_colors = np.where(rows["score"] > 0, colors[label_a], colors[label_b])
    ax.barh(y, rows["score"], color=bar_colors, height=0.7)
    for yy, (_, r) in zip(y, rows.iterrows(), strict=True):
        mark = ("*" if r["p_bh"] < 0.05 else "") + ("†" if r["disagree"] else "")
        right = r["score"] > 0
        ax.text(0, yy, f" {r['term']}{mark} ",
                ha="right" if right else "left", va="center", fontsize=8)  # fmt: skip
        ax.text(r["score"], yy, f" {r['count_a']}:{r['count_b']}  G²={r['g2']:.1f} ",
                ha="left" if right else "right", va="center", fontsize=7, color=_GREY)  # fmt: skip
    ax.axvline(0, color="black", lw=0.8)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    span = float(np.abs(rows["score"]).max()) if len(rows) else 1.0
    ax.set_xlim(-span * 1.9, span * 1.9)
    ax.set_xlabel(
        f"{_MEASURES[measure]}\n← more typical of {label_b}    more typical of {label_a} →"
    )
    first = table.iloc[0]
    n_a, n_b, m = int(first["n_a"]), int(first["n_b"]), int(first["n_tests"])
    bar, passing = float(first["bonferroni_g2"]), int(first["n_pass_bonferroni"])
    short = {"log_ratio": "Log Ratio", "logodds_z": "log-odds z", "g2": "G²"}[measure]
    ax.set_title(f"Key terms: {label_a} vs {label_b} (ranked by {short})")
    max_z = float(table["logodds_z"].abs().max()) if "logodds_z" in table else np.inf
    ranking = {
        "log_ratio": "Bars rank by effect size (Log Ratio), not by significance.",
        "logodds_z": "Bars rank by log-odds z"
        + (
            "; no term reaches |z| = 1.96, even uncorrected." if max_z < 1.96 else " (uncorrected)."
        ),
        "g2": "Bars rank by G², a test statistic, not an effect size.",
    }[measure]
    fig.text(0.01, 0.005, f"n_a = {n_a:,} tokens, n_b = {n_b:,} tokens; {m} terms tested. "
             f"Bonferroni bar at α = .05: G² > {bar:.1f}; {passing} term(s) pass it.\n"
             f"{ranking} Numbers: count a:count b and G². * BH-adjusted p < .05; "
             "† measures disagree.", fontsize=7, color=_GREY, va="bottom")  # fmt: skip
    fig.get_layout_engine().set(rect=(0, 0.07, 1, 0.93))
    return fig


@styled
def plot_tfidf(table: pd.DataFrame, *, top_n: int = 10) -> Figure:
    """Return each article's top ``top_n`` terms by TF-IDF weight, one panel per article.

    ``table`` is :func:`newsframe.tfidf` output; the title names the idf source. With corpus
    idf on two articles a shared term's idf is 1.0 and a one-sided term's about 1.4, so the
    ranking is mostly raw frequency; background idf weights terms by rarity in general English.
    """
    require_columns(
        table, ["article_id", "term", "tfidf", "idf", "count", "idf_source"], "plot_tfidf"
    )
    ids = list(dict.fromkeys(table["article_id"]))
    colors = article_colors(ids)
    fig, axes = _small_multiples(len(ids), top_n)
    top = table.groupby("article_id", sort=False).head(top_n)
    xmax = float(top["tfidf"].max()) * 1.15 if len(top) else 1.0
    for ax, article_id in zip(axes, ids, strict=True):
        rows = top[top["article_id"] == article_id]
        notes = [f"{c}× idf {i:.2f}" for c, i in zip(rows["count"], rows["idf"], strict=True)]
        _bars(ax, rows["term"], rows["tfidf"], colors[article_id], xmax=xmax, notes=notes)
        ax.set_title(article_id, fontsize=9)
    fig.supxlabel("TF-IDF weight (unit length per article; shared axis)", fontsize=9)
    source = table["idf_source"].iloc[0]
    explain = {"corpus": "idf from these articles (scikit-learn, smoothed)",
               "background": "idf = −ln(frequency in general English, wordfreq)"}  # fmt: skip
    fig.suptitle(f"Top terms by TF-IDF — {explain.get(source, source)}")
    return fig


@styled
def plot_dispersion(table: pd.DataFrame) -> Figure:
    """Return a dispersion ("x-ray") plot: where each term occurs along each article.

    ``table`` is :func:`newsframe.dispersion` output: one tick per occurrence at its relative
    position (0 = start of the body, 1 = end); one panel per article, one lane per term.
    It shows clustering (a term only in the lede, or only in the closing background
    paragraphs), not importance.
    """
    require_columns(
        table, ["article_id", "term", "relative_position", "n_tokens"], "plot_dispersion"
    )
    ids = list(dict.fromkeys(table["article_id"]))
    terms = list(dict.fromkeys(table["term"]))
    colors = article_colors(ids)
    cols = 1 if len(ids) <= 4 else panel_columns(len(ids))
    lane = 0.25 if cols == 1 else 0.16
    fig, axes = panel_grid(len(ids), width=7.0 if cols == 1 else 2.4 * cols + 1.0,
                           panel_height=lane * len(terms) + 0.5, max_cols=cols, sharey=True)  # fmt: skip
    lanes = {t: len(terms) - 1 - i for i, t in enumerate(terms)}
    for ax, article_id in zip(axes, ids, strict=True):
        rows = table[table["article_id"] == article_id]
        ax.scatter(rows["relative_position"], rows["term"].map(lanes), marker="|", s=120,
                   color=colors[article_id], linewidths=1.5)  # fmt: skip
        ax.set_yticks(list(lanes.values()), list(lanes))
        ax.set_ylim(-0.7, len(terms) - 0.3)
        ax.set_xlim(0, 1)
        for lane in lanes.values():
            ax.axhline(lane, color="#dddddd", lw=0.5, zorder=0)
        ax.set_title(
            f"{article_id} ({int(rows['n_tokens'].iloc[0])} tokens)", fontsize=9, loc="left"
        )
    fig.supxlabel("position in the article (0 = first word of the body, 1 = last)", fontsize=9)
    fig.suptitle("Where the terms occur")
    return fig
