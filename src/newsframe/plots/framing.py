"""Figures for framing devices: one function per figure, a tidy table in, a ``Figure`` out.

Each takes the table of the matching :mod:`newsframe.framing` function, so the numbers a figure
shows are the numbers in the table printed beneath it in the notebook.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from newsframe.plots import (
    article_colors,
    distinct_colors,
    figure,
    ink,
    panel_columns,
    panel_grid,
    require_columns,
    styled,
)

__all__ = [
    "plot_actor_prominence",
    "plot_attribution_verbs",
    "plot_frame_dimensions",
    "plot_naming_variants",
    "plot_share_of_voice",
]

#: One colour per reporting-verb class of ``data/reporting_verbs.toml`` (Okabe & Ito); grey is
#: only for attributions without a verb (continued or unresolved quotations). A class added in
#: a user's verb table gets a colour of its own (:func:`_class_colors`).
CLASS_COLORS = {
    "neutral": "#56B4E9",
    "evaluative": "#D55E00",
    "directive": "#009E73",
    "hostile": "#CC79A7",
    "": "#999999",
}
_NO_VERB = "(no verb: continued or unresolved)"


def _class_colors(classes: list[str]) -> dict[str, str]:
    """A distinct colour for every verb class present (the known ones keep theirs), grey for none.

    >>> _class_colors(["hostile", "mocking", ""])
    {'hostile': '#CC79A7', 'mocking': '#0072B2', '': '#999999'}
    """
    used = set(CLASS_COLORS.values())
    spare = iter(c for c in distinct_colors(len(used) + len(classes) + 8) if c not in used)
    return {c: CLASS_COLORS[c] if c in CLASS_COLORS else next(spare) for c in classes}


def _display_names(table: pd.DataFrame) -> pd.Series:
    """Speaker display names (the actor's name, e.g. "Putin"), falling back to the speaker key."""
    if "speaker_name" not in table:
        return table["speaker"]
    return table["speaker_name"].where(table["speaker_name"].astype(bool), table["speaker"])


def _shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis (long speaker descriptions)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _row_height(n: int) -> float:
    """Inches per article row of a one-bar-per-article chart: roomy for a few, compact for many."""
    return 0.5 if n <= 12 else 0.3


def _chart_height(n_articles: int, n_legend: int) -> float:
    """Height of a one-bar-per-article chart with a legend on the right: room for both."""
    return max(1.2 + _row_height(n_articles) * max(n_articles, 1), 0.8 + 0.19 * n_legend)


def _segment_labels(ax, y: int, left: float, width: float, text: str, color: str, xmax: float):
    """Write ``text`` centred in a stacked-bar segment, only if the segment is wide enough."""
    if width >= 0.02 * xmax * max(len(text), 2):
        ax.text(left + width / 2, y, text, ha="center", va="center", color=ink(color), fontsize=8)


def _empty(ax, message: str) -> None:
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="#666666")
    ax.set_axis_off()


@styled
def plot_naming_variants(table: pd.DataFrame, *, concept: str | None = None) -> Figure:
    """Return stacked bars: per article, how often each variant name of ``concept`` is used.

    ``concept`` defaults to the table's first concept (the story file's first).

    ``table`` is :func:`newsframe.naming_variants`. A star after a segment's count marks the
    variant the reader meets first; "(H)" after the article marks variants used in the headline.
    """
    require_columns(
        table,
        ["article_id", "concept", "variant", "count", "first_used"],
        "naming chart",
        empty=True,
    )
    if concept is None:
        concept = str(table["concept"].iloc[0]) if len(table) else "(no naming concept)"
    data = table[table["concept"] == concept]
    articles = list(dict.fromkeys(data["article_id"]))
    variants = [
        v for v in dict.fromkeys(data["variant"]) if data.loc[data.variant == v, "count"].sum()
    ]
    fig, ax = figure(width=7.0, height=_chart_height(len(articles), len(variants)))
    if not variants:
        _empty(ax, f"no variant of {concept!r} in any article")
        return fig
    left = np.zeros(len(articles))
    totals = data.groupby("article_id")["count"].sum()
    xmax = float(totals.max()) if len(totals) else 1.0
    for variant, color in zip(variants, distinct_colors(len(variants)), strict=True):
        rows = data[data["variant"] == variant].set_index("article_id").reindex(articles)
        counts = rows["count"].fillna(0).to_numpy(dtype=float)
        ax.barh(range(len(articles)), counts, left=left, color=color, label=variant,
                edgecolor="white")  # fmt: skip
        for y, (c, first) in enumerate(zip(counts, rows["first_used"].fillna(False), strict=True)):
            if c:
                _segment_labels(ax, y, left[y], c, f"{int(c)}{'*' if first else ''}", color, xmax)
        left += counts
    heads = data[data["in_headline"]].groupby("article_id")["variant"].apply(", ".join)
    labels = [f"{a}\n(H: {heads[a]})" if a in heads else a for a in articles]
    ax.set_yticks(range(len(articles)), labels, fontsize=9 if len(articles) <= 12 else 7)
    ax.set_ylim(-0.6, len(articles) - 0.4)
    ax.invert_yaxis()
    ax.set_xlabel("mentions in the body (* = first name the reader meets)")
    ax.set_title(f"Naming variants: {concept.replace('_', ' ')}")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
    return fig


#: Speaker · verb rows drawn per article in the attribution chart: the most frequent ones; the
#: panel's title says how many more the table has.
MAX_ATTRIBUTION_ROWS = 30


@styled
def plot_attribution_verbs(table: pd.DataFrame, *, max_rows: int = MAX_ATTRIBUTION_ROWS) -> Figure:
    """Return one panel per article: attributions per speaker and reporting verb, by verb class.

    ``table`` is :func:`newsframe.attributions`; rows without a verb (continued or unresolved
    quotations) are shown as "(no verb)". Each panel draws at most ``max_rows`` speaker · verb
    pairs, those with most attributions (ties: by name), in name order; its title says
    "and N more" when the article has more, so an article quoting thousands of people gives a
    figure of readable size.

    >>> t = pd.DataFrame({"article_id": "a", "speaker": ["x", "y", "y", "z"], "verb_lemma": "say",
    ...                   "verb_class": "neutral"})
    >>> plot_attribution_verbs(t, max_rows=2).axes[0].get_title()
    'a (and 1 more speaker · verb pair)'
    """
    require_columns(
        table,
        ["article_id", "speaker", "verb_lemma", "verb_class"],
        "attribution chart",
        empty=True,
    )
    articles = list(dict.fromkeys(table["article_id"]))
    order = [*(c for c in CLASS_COLORS if c), *sorted(set(table["verb_class"]) - set(CLASS_COLORS))]
    present = [c for c in order if c in set(table["verb_class"])]
    palette = _class_colors([*present, ""])
    pairs = table.groupby("article_id")[["speaker", "verb_lemma"]].nunique()
    rows = min(int(pairs.max().max()) if len(pairs) else 1, max_rows)
    cols = 1 if len(articles) <= 12 else 2
    fig, axes = panel_grid(len(articles), width=7.0 if cols == 1 else 11.0, panel_height=0.8 + 0.2 * rows,
                           max_cols=cols, sharex=False)  # fmt: skip
    if not articles:
        _empty(axes[0], "no attributions")
        return fig
    for ax, article in zip(axes, articles, strict=False):
        mine = table[table["article_id"] == article].assign(
            verb=lambda t: t["verb_lemma"].replace("", "(no verb)"), who=_display_names
        )
        counts = mine.groupby(["who", "verb", "verb_class"], sort=True).size().reset_index(name="n")
        more = len(counts) - max_rows
        if more > 0:  # the most frequent pairs, still in name order
            top = counts.sort_values("n", ascending=False, kind="stable").index[:max_rows]
            counts = counts.loc[sorted(top)].reset_index(drop=True)
        labels = [
            f"{_shorten(s, 40)} · {v}" for s, v in zip(counts["who"], counts["verb"], strict=True)
        ]
        colors = [palette[c] for c in counts["verb_class"]]
        ax.barh(range(len(counts)), counts["n"], color=colors)
        ax.set_yticks(range(len(counts)), labels, fontsize=8)
        ax.invert_yaxis()
        title = f"{article} (and {more:,} more speaker · verb pair{'s' * (more > 1)})"
        ax.set_title(title if more > 0 else article, fontsize=9)
        ax.set_xlabel("attributions")
        ax.xaxis.get_major_locator().set_params(integer=True)
    legend = [Patch(color=palette[c], label=c) for c in present]
    if (table["verb_class"] == "").any():
        legend.append(Patch(color=palette[""], label=_NO_VERB))
    fig.legend(handles=legend, loc="outside lower center", ncols=min(len(legend), 3), fontsize=8)
    fig.suptitle("Reporting verbs by speaker", fontweight="bold")
    return fig


#: Speakers drawn one by one in the share-of-voice chart; the rest are pooled in grey.
MAX_SPEAKERS = 12
_POOLED = "other speakers"


@styled
def plot_share_of_voice(table: pd.DataFrame, *, max_speakers: int = MAX_SPEAKERS) -> Figure:
    """Return stacked bars: each article's quoted words split by speaker (share of voice).

    ``table`` is :func:`newsframe.share_of_voice`; segment labels give the quoted words where
    the segment has room. The ``max_speakers`` speakers with most quoted words overall get a
    colour each; any others are pooled as "other speakers" (grey), so that the legend fits.
    """
    require_columns(
        table, ["article_id", "speaker", "quoted_words"], "share-of-voice chart", empty=True
    )
    articles = list(dict.fromkeys(table["article_id"]))
    quoted = table[table["quoted_words"] > 0].groupby("speaker")["quoted_words"].sum()
    ranked = sorted(quoted.index, key=lambda s: (-quoted[s], s))
    speakers = sorted(ranked[:max_speakers])
    legend = len(speakers) + (len(ranked) > max_speakers)
    fig, ax = figure(width=7.0, height=_chart_height(len(articles), legend))
    if not speakers:
        _empty(ax, "nobody is quoted")
        return fig
    colors = article_colors(speakers)
    names = dict(zip(table["speaker"], _display_names(table), strict=True))
    data = table.assign(speaker=table["speaker"].where(table["speaker"].isin(speakers), _POOLED))
    data = data.groupby(["speaker", "article_id"], sort=False)["quoted_words"].sum().reset_index()
    if len(ranked) > max_speakers:
        speakers, colors, names = [*speakers, _POOLED], colors | {_POOLED: "#BBBBBB"}, names | {
            _POOLED: f"{len(ranked) - max_speakers} other speakers"}  # fmt: skip
    xmax = float(data.groupby("article_id")["quoted_words"].sum().max())
    left = np.zeros(len(articles))
    for speaker in speakers:
        rows = data[data["speaker"] == speaker].set_index("article_id").reindex(articles)
        words = rows["quoted_words"].fillna(0).to_numpy(dtype=float)
        ax.barh(range(len(articles)), words, left=left, color=colors[speaker],
                label=names[speaker], edgecolor="white")  # fmt: skip
        for y, w in enumerate(words):
            if w:
                _segment_labels(ax, y, left[y], w, str(int(w)), colors[speaker], xmax)
        left += words
    ax.set_yticks(range(len(articles)), articles, fontsize=9 if len(articles) <= 12 else 7)
    ax.set_ylim(-0.6, len(articles) - 0.4)
    ax.invert_yaxis()
    ax.set_xlabel("words inside quotation marks (body)")
    ax.set_title("Share of voice: quoted words per speaker")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
    return fig


def _actor_labels(prominence: pd.DataFrame, actors: list[str]) -> list[str]:
    """Display names of ``actors`` (ids), from the table's ``name`` column when it has one.

    An actor without a name keeps its id; actors sharing a name get their id after it.

    >>> t = pd.DataFrame({"actor_id": ["a_b", "c", "d"], "name": ["Ann B", "", "Ann B"]})
    >>> _actor_labels(t, ["a_b", "c", "d"])
    ['Ann B (a_b)', 'c', 'Ann B (d)']
    """
    if "name" not in prominence:
        return list(actors)
    given = prominence.drop_duplicates("actor_id").set_index("actor_id")["name"].fillna("")
    names = {a: str(given.get(a, "")).strip() or a for a in actors}
    counts = pd.Series(list(names.values())).value_counts()
    return [f"{names[a]} ({a})" if counts[names[a]] > 1 else names[a] for a in actors]


#: The dispersion chart draws at most this many actors (the most mentioned); the table keeps all.
MAX_PROMINENCE_ACTORS = 30


def _most_prominent(prominence: pd.DataFrame, max_actors: int) -> list[str]:
    """The actors of ``prominence`` in table order; over ``max_actors``, the ``max_actors`` with
    the most mentions per 1,000 words summed over the articles (ties: table order).

    >>> t = pd.DataFrame({"actor_id": list("abcab"), "per_1000": [1.0, 0.0, 5.0, 1.0, 0.0]})
    >>> _most_prominent(t, 3), _most_prominent(t, 2)
    (['a', 'b', 'c'], ['a', 'c'])
    """
    actors = list(dict.fromkeys(prominence["actor_id"]))
    if len(actors) <= max_actors:
        return actors
    total = prominence.groupby("actor_id", sort=False)["per_1000"].sum().reindex(actors)
    keep = set(total.sort_values(ascending=False, kind="stable").index[:max_actors])
    return [a for a in actors if a in keep]


@styled
def plot_actor_prominence(
    positions: pd.DataFrame, prominence: pd.DataFrame, *, max_actors: int = MAX_PROMINENCE_ACTORS
) -> Figure:
    """Return a dispersion strip per article: where in the text each actor is mentioned.

    ``positions`` is :func:`newsframe.actor_positions`, ``prominence`` is
    :func:`newsframe.actor_prominence`. x is the share of the body before the mention; headline
    mentions are drawn left of 0 (marked H); the right margin gives mentions per 1,000 words.
    Actors are labelled by display name (``prominence``'s ``name``; the id where a name is empty
    or shared by two actors). Over ``max_actors`` actors (a story file with thousands), only the
    most mentioned are drawn and the x label says how many more the table holds.
    """
    require_columns(
        positions, ["article_id", "actor_id", "position"], "dispersion chart", empty=True
    )
    require_columns(
        prominence, ["article_id", "actor_id", "per_1000"], "dispersion chart", empty=True
    )
    articles = list(dict.fromkeys(prominence["article_id"]))
    actors = _most_prominent(prominence, max_actors)
    more = prominence["actor_id"].nunique() - len(actors)
    colors = distinct_colors(len(actors))
    cols = 1 if len(articles) <= 4 else panel_columns(len(articles))
    fig, axes = panel_grid(max(len(articles), 1), width=7.0 if cols == 1 else 2.6 * cols + 1.0,
                           panel_height=(0.32 if cols == 1 else 0.2) * len(actors) + 0.6,
                           max_cols=cols, sharey=True)  # fmt: skip
    for ax, article in zip(axes, articles, strict=False):
        mine = positions[positions["article_id"] == article]
        rates = prominence[prominence["article_id"] == article].set_index("actor_id")["per_1000"]
        for y, actor in enumerate(actors):
            hits = mine[mine["actor_id"] == actor]
            x = np.where(hits["position"] < 0, -0.06, hits["position"])
            ax.scatter(x, np.full(len(x), y), marker="|", s=120, color=colors[y])
            ax.text(
                1.02, y, f"{rates.get(actor, 0.0):.0f}", va="center", fontsize=8 if cols == 1 else 7
            )
        ax.axvline(-0.03, color="#cccccc", lw=0.8)
        ax.set_yticks(range(len(actors)), _actor_labels(prominence, actors))
        ax.set_ylim(len(actors) - 0.5, -0.5)
        ax.set_xlim(-0.09, 1.0)
        ax.set_xticks([-0.06, 0, 0.25, 0.5, 0.75, 1.0], ["H", "0", ".25", ".5", ".75", "1"])
        ax.set_title(article if cols > 1 else f"{article}  (right: mentions per 1,000 words)",
                     fontsize=9 if cols == 1 else 8)  # fmt: skip
    fig.supxlabel("position in the body (share of words before the mention)"
                  + ("; right of each panel: mentions per 1,000 words" if cols > 1 else "")
                  + (f"\n{max_actors} most mentioned actors; {more:,} more in the table" if more else ""),
                  fontsize=9)  # fmt: skip
    return fig


SCHEME_TITLES = {
    "mfc": "Policy frames (Media Frames Corpus)",
    "sv": "Generic news frames (Semetko & Valkenburg)",
}
SCHEME_SHORT = {"mfc": "Policy frames (MFC)", "sv": "Generic frames (S&V)"}
#: Above this many articles the frame profile is a heatmap instead of dots with intervals.
MAX_DOT_ARTICLES = 4


def _cell_intervals(ax, image, values: np.ndarray, low: np.ndarray, high: np.ndarray, vmax: float):
    """Draw each cell's interval inside it: a line from ``low`` to ``high`` and a tick at the
    value, on the colour scale's 0..``vmax`` laid across the cell's width (cells whose interval
    is 0 to 0 are left blank)."""
    cmap, norm = image.get_cmap(), image.norm
    for (r, c), value in np.ndenumerate(values):
        if np.isnan(value) or not high[r, c] > 0:  # no hit and nothing to show
            continue
        color = ink(cmap(norm(value)))
        x0, x1, xv = (c - 0.4 + 0.8 * min(max(v, 0.0), vmax) / vmax
                      for v in (low[r, c], high[r, c], value))  # fmt: skip
        ax.plot([x0, x1], [r + 0.22, r + 0.22], color=color, lw=0.8, solid_capstyle="butt")
        ax.plot([xv, xv], [r + 0.08, r + 0.36], color=color, lw=0.8)


def _frame_heatmap(used: pd.DataFrame, schemes: list[str], articles: list[str]) -> Figure:
    """Articles × frames heatmap of hits per 1,000 words, one panel per scheme, each cell with
    its bootstrap interval drawn inside it (:func:`_cell_intervals`)."""
    sizes = [used[used.scheme == s]["label"].nunique() for s in schemes]
    fig, axes = figure(width=7.5, height=2.0 + 0.25 * len(articles) + 0.08 * max(sizes),
                       ncols=len(schemes), gridspec_kw={"width_ratios": sizes})  # fmt: skip
    axes = np.atleast_1d(axes).ravel()
    vmax = max(float(used["per_1000"].max()), 1e-9)
    for ax, scheme in zip(axes, schemes, strict=True):
        grid = (
            used[used["scheme"] == scheme]
            .pivot_table(index="article_id", columns="label", values="per_1000", sort=False)
            .reindex(index=articles)
        )
        image = ax.imshow(grid.to_numpy(), cmap="Greys", vmin=0, vmax=vmax, aspect="auto")
        bounds = [
            used[used["scheme"] == scheme]
            .pivot_table(index="article_id", columns="label", values=bound, sort=False)
            .reindex(index=articles, columns=grid.columns)
            .to_numpy(float)
            for bound in ("ci_low", "ci_high")
        ]
        _cell_intervals(ax, image, grid.to_numpy(float), *bounds, vmax)
        ax.set_xticks(range(grid.shape[1]), grid.columns, rotation=60, ha="right", fontsize=7)
        ax.set_yticks(range(len(articles)), articles if ax is axes[0] else [""] * len(articles),
                      fontsize=7)  # fmt: skip
        ax.set_title(SCHEME_SHORT.get(scheme, scheme), fontsize=9)
    fig.colorbar(image, ax=list(axes), shrink=0.8, label="hits per 1,000 words\n(in each cell: 95% "
                 "bootstrap interval, tick = value,\non this scale across the cell)")  # fmt: skip
    return fig


@styled
def plot_frame_dimensions(table: pd.DataFrame) -> Figure:
    """Return a dot plot per scheme: frame hits per 1,000 words with bootstrap intervals.

    ``table`` is :func:`newsframe.frame_dimensions`; one colour per article, lines are the
    ``ci_low``–``ci_high`` intervals. Frames no article touches are left out. With more than
    :data:`MAX_DOT_ARTICLES` articles the figure is an articles × frames heatmap instead, each
    cell with its interval drawn inside it (a line on the colour scale laid across the cell).
    """
    require_columns(table, ["article_id", "scheme", "label", "hits", "per_1000", "ci_low", "ci_high"],
          "frame profile", empty=True)  # fmt: skip
    used = table[table.groupby(["scheme", "label"])["hits"].transform("sum") > 0]
    schemes = list(dict.fromkeys(used["scheme"]))
    sizes = [used[used.scheme == s]["label"].nunique() for s in schemes] or [1]
    fig, axes = figure(width=7.0, height=1.2 + 0.3 * sum(sizes), nrows=max(len(schemes), 1),
                       gridspec_kw={"height_ratios": sizes})  # fmt: skip
    axes = np.atleast_1d(axes).ravel()
    if not schemes:
        _empty(axes[0], "no frame dictionary matched")
        return fig
    articles = list(dict.fromkeys(table["article_id"]))
    if len(articles) > MAX_DOT_ARTICLES:
        return _frame_heatmap(used, schemes, articles)
    colors = article_colors(articles)
    for ax, scheme in zip(axes, schemes, strict=True):
        mine = used[used["scheme"] == scheme]
        labels = list(dict.fromkeys(mine["label"]))
        for n, article in enumerate(articles):
            rows = mine[mine["article_id"] == article].set_index("label").reindex(labels)
            y = np.arange(len(labels)) + (n - (len(articles) - 1) / 2) * 0.25
            ax.hlines(y, rows["ci_low"], rows["ci_high"], color=colors[article], lw=1.2)
            ax.plot(rows["per_1000"], y, "o", color=colors[article], label=article, ms=4)
        ax.set_yticks(range(len(labels)), labels, fontsize=8)
        ax.set_ylim(len(labels) - 0.5, -0.5)
        ax.set_title(SCHEME_TITLES.get(scheme, scheme), fontsize=9)
    axes[0].legend(loc="lower right", fontsize=8)
    axes[-1].set_xlabel("hits per 1,000 words (95% bootstrap interval over sentences)")
    return fig
