"""Figures: one function per figure (a tidy table in, a matplotlib ``Figure`` out), and
:func:`save_figure`, the only place figures are written.

Figures are deterministic: a fixed style (:data:`STYLE`), a fixed SVG hash salt, and no dates or
software versions in PNG or SVG metadata, so ``make figures`` reproduces them byte for byte.
Submodules hold the figures of each analysis (``plots.terms``, ``plots.sentiment``,
``plots.framing``, ``plots.corpus``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from pathlib import Path

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FixedFormatter, Formatter, FuncFormatter

from newsframe.errors import NewsframeError

__all__ = [
    "PALETTE",
    "STYLE",
    "article_colors",
    "distinct_colors",
    "figure",
    "ink",
    "literal_text",
    "place_labels",
    "require_columns",
    "save_figure",
    "styled",
]

#: The one matplotlib style every newsframe figure uses.
STYLE: dict[str, object] = {
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.titleweight": "bold",
    "axes.labelsize": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "legend.frameon": False,
    "svg.hashsalt": "newsframe",
    "svg.fonttype": "path",
    "path.simplify": True,
    "image.interpolation": "nearest",
    # text from the data (ids, names, terms) is drawn as written: "$x$" is not math
    "text.parse_math": False,
}

#: Colour-blind-safe palette (Okabe & Ito 2008), one colour per article or group, in order.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000")


def require_columns(
    table: pd.DataFrame, columns: Sequence[str], what: str, *, empty: bool = False
) -> None:
    """Raise :class:`~newsframe.errors.NewsframeError` unless ``table`` has ``columns``.

    Unless ``empty`` is true, an empty table is an error too (there would be nothing to plot).

    >>> require_columns(pd.DataFrame({"a": [1]}), ["a", "b"], "plot_x")
    Traceback (most recent call last):
    ...
    newsframe.errors.NewsframeError: plot_x: table lacks column(s) b
    """
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise NewsframeError(f"{what}: table lacks column(s) {', '.join(missing)}")
    if table.empty and not empty:
        raise NewsframeError(f"{what}: table is empty, nothing to plot")


def _lab(rgb: np.ndarray) -> np.ndarray:
    """CIE L*a*b* (D65) of sRGB colours in 0..1, one per row (CIE 15:2004 formulas)."""
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    xyz = linear @ np.array([[0.4124, 0.2126, 0.0193], [0.3576, 0.7152, 0.1192],
                             [0.1805, 0.0722, 0.9505]])  # fmt: skip
    xyz = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.column_stack(
        [116 * f[:, 1] - 16, 500 * (f[:, 0] - f[:, 1]), 200 * (f[:, 1] - f[:, 2])]
    )


@functools.lru_cache(maxsize=1)
def _sequence() -> tuple[str, ...]:
    """The colour sequence: Okabe–Ito, then tab20, then a greedy farthest-point pick (in CIELAB)
    from a fixed grid of hues, saturations and values — a deterministic Glasbey-style palette.
    Colours closer than ΔE 12 to one already taken, and near-white ones, are skipped."""
    from matplotlib import colormaps
    from matplotlib.colors import hsv_to_rgb, to_hex, to_rgb

    fixed = [to_rgb(c) for c in PALETTE] + list(colormaps["tab20"].colors)
    grid = [(h / 36, s, v) for h in range(36)
            for s, v in ((0.9, 0.9), (0.55, 0.95), (1.0, 0.6), (0.45, 0.7), (0.85, 0.4))]  # fmt: skip
    candidates = np.vstack([np.array(fixed), hsv_to_rgb(np.array(grid))])
    lab = _lab(candidates)
    keep = lab[:, 0] < 92  # nothing that vanishes on white
    chosen: list[int] = []
    nearest = np.full(len(candidates), np.inf)
    for i in range(len(fixed)):  # the fixed palettes in order, skipping near-duplicates
        if keep[i] and nearest[i] >= 12:
            chosen.append(i)
            nearest = np.minimum(nearest, np.linalg.norm(lab - lab[i], axis=1))
    while True:  # then the candidate farthest from everything chosen so far
        score = np.where(keep, nearest, -1.0)
        score[chosen] = -1.0
        best = int(np.argmax(score))
        if score[best] < 12:
            break
        chosen.append(best)
        nearest = np.minimum(nearest, np.linalg.norm(lab - lab[best], axis=1))
    return tuple(to_hex(candidates[i]).upper() for i in chosen)


def distinct_colors(n: int) -> list[str]:
    """Return ``n`` colours, no two alike for ``n`` up to ``len(_sequence())`` (109).

    The first eight are the Okabe–Ito palette (:data:`PALETTE`), so figures of a few articles
    keep their colours; then tab20 (minus near-duplicates), then a deterministic Glasbey-style
    sequence (Glasbey et al. 2007: each next colour the farthest in CIELAB from those taken).
    Beyond that the sequence repeats; a figure with so many coloured items needs small multiples.

    >>> distinct_colors(3)
    ['#0072B2', '#D55E00', '#009E73']
    >>> len(set(distinct_colors(50)))
    50
    """
    sequence = _sequence()
    return [sequence[k % len(sequence)] for k in range(max(n, 0))]


def ink(color: str) -> str:
    """Return ``"black"`` or ``"white"``, whichever reads better on ``color`` (WCAG luminance).

    >>> ink("#F0E442"), ink("#0072B2")
    ('black', 'white')
    """
    from matplotlib.colors import to_rgb

    rgb = np.array(to_rgb(color))
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    luminance = float(linear @ np.array([0.2126, 0.7152, 0.0722]))
    return "black" if luminance > 0.179 else "white"


#: Where :func:`place_labels` tries a label, in order: (dx, dy) in label heights from its point
#: (positive: right / up), and the side of the label the point is on.
_LABEL_SLOTS = (
    (0.4, 0.2, "left", "bottom"), (0.4, -0.2, "left", "top"), (-0.4, 0.2, "right", "bottom"),
    (-0.4, -0.2, "right", "top"), (0.4, 1.4, "left", "bottom"), (0.4, -1.4, "left", "top"),
    (-0.4, 1.4, "right", "bottom"), (-0.4, -1.4, "right", "top"), (0.4, 2.6, "left", "bottom"),
    (0.4, -2.6, "left", "top"), (-0.4, 2.6, "right", "bottom"), (-0.4, -2.6, "right", "top"),
)  # fmt: skip


def place_labels(
    anchors: np.ndarray,
    widths: Sequence[float],
    *,
    height: float,
    keep_out: np.ndarray | None = None,
    taken: Sequence[tuple[float, float, float, float]] = (),
) -> list[tuple[float, float, str, str] | None]:
    """Return where to put each label so that no two overlap: ``(x, y, ha, va)`` or None.

    A simple deterministic label repel: ``anchors`` are the labelled points in axes fractions
    (n × 2), in order of importance; ``widths`` each label's width and ``height`` one line's
    height, in the same units. Each label takes the first slot of :data:`_LABEL_SLOTS` (beside
    its point, then one and two lines further up or down) whose box overlaps no label placed
    before it, no box of ``taken`` (x0, y0, x1, y1: a note drawn on the axes), no labelled point
    and no point of ``keep_out``, and lies inside the axes; a label
    with no free slot gets None (leave it out, or say so). Greedy, O(n²) for n labels.

    >>> place_labels(np.array([[0.5, 0.5], [0.5, 0.5]]), [0.1, 0.1], height=0.03)
    [(0.512, 0.506, 'left', 'bottom'), (0.512, 0.494, 'left', 'top')]
    """
    points = np.asarray(anchors, dtype=float).reshape(-1, 2)
    others = points if keep_out is None else np.vstack([points, np.asarray(keep_out, float)])
    pad = height * 0.25
    boxes: list[tuple[float, float, float, float]] = [tuple(b) for b in taken]
    out: list[tuple[float, float, str, str] | None] = []
    for (x, y), w in zip(points, widths, strict=True):
        chosen = None
        for dx, dy, ha, va in _LABEL_SLOTS:
            tx, ty = x + dx * height, y + dy * height
            x0 = tx if ha == "left" else tx - w
            y0 = ty if va == "bottom" else ty - height
            box = (x0, y0, x0 + w, y0 + height)
            if box[0] < 0 or box[2] > 1 or box[1] < 0 or box[3] > 1:
                continue
            if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3]
                   for b in boxes):  # fmt: skip
                continue
            inside = ((others[:, 0] > box[0] - pad) & (others[:, 0] < box[2] + pad)
                      & (others[:, 1] > box[1] - pad) & (others[:, 1] < box[3] + pad))  # fmt: skip
            if inside.any():
                continue
            chosen = (round(float(tx), 6), round(float(ty), 6), ha, va)
            boxes.append(box)
            break
        out.append(chosen)
    return out


def article_colors(ids: Sequence[str]) -> dict[str, str]:
    """Return a stable colour per id, in the order given, all different (:func:`distinct_colors`).

    >>> article_colors(["a", "b"])
    {'a': '#0072B2', 'b': '#D55E00'}
    """
    ids = list(dict.fromkeys(ids))
    return dict(zip(ids, distinct_colors(len(ids)), strict=True))


@contextmanager
def _style():
    with mpl.rc_context(STYLE):
        yield


def styled(func: Callable[..., Figure]) -> Callable[..., Figure]:
    """Decorate a figure function so everything it draws uses :data:`STYLE`.

    Every public figure function in ``newsframe.plots`` is decorated with this, so the style is
    applied without touching the user's global matplotlib settings.
    """

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        with _style():
            return literal_text(func(*args, **kwargs))

    return wrapper


#: Tick and legend labels longer than this many characters keep their start and end around "…"
#: (the longest labels the figures make on purpose, a fact id and 70 characters of it, fit).
MAX_LABEL_CHARS = 80
#: Any run of this many characters or more without a space (a long article id or file name) in a
#: figure's text is shortened the same way; words of prose are far shorter.
MAX_WORD_CHARS = 40
_LONG_WORD = re.compile(rf"\S{{{MAX_WORD_CHARS + 1},}}")


def short_label(text: str, limit: int = MAX_LABEL_CHARS) -> str:
    """Return ``text`` (each line of it) cut to ``limit`` characters: its start, "…", its end
    (ids that differ only at the end stay apart).

    >>> short_label("a" * 50 + "-2016" + "b" * 50 + "-2019", limit=21)
    'aaaaaaaaaaaa…bbb-2019'
    """
    if len(text) <= limit:
        return text
    if "\n" in text:
        return "\n".join(short_label(line, limit) for line in text.split("\n"))
    head = (limit - 1) * 3 // 5
    return text[:head] + "…" + text[len(text) - (limit - 1 - head) :]


def short_words(text: str) -> str:
    """Return ``text`` with every run of more than :data:`MAX_WORD_CHARS` characters without a
    space cut by :func:`short_label`.

    >>> short_words("Sentences of " + "x" * 100 + " and b")
    'Sentences of xxxxxxxxxxxxxxxxxxxxxxx…xxxxxxxxxxxxxxxx and b'
    """
    return _LONG_WORD.sub(lambda m: short_label(m.group(), MAX_WORD_CHARS), text)


def _fitted(text: str) -> str:
    return short_label(short_words(text))


class _ShortLabels(FuncFormatter):
    """A text tick formatter whose labels are fitted (:func:`short_words`, :func:`short_label`)."""

    def __init__(self, inner: Formatter) -> None:
        super().__init__(lambda x, pos: _fitted(str(inner(x, pos))))


def literal_text(fig: Figure) -> Figure:
    """Return ``fig`` with every text in it drawn as written and fitted: a ``$`` in an article
    id, a group, an actor or a term is a dollar sign, never the start of matplotlib mathtext
    (which fails on text that is not valid TeX); a run of characters without a space longer
    than :data:`MAX_WORD_CHARS` (:func:`short_words`) and a tick or legend label longer than
    :data:`MAX_LABEL_CHARS` are shortened, so a 177-character article id does not squeeze the
    plot to nothing. The style's ``text.parse_math`` covers text made later.

    >>> fig, ax = figure()
    >>> _ = ax.set_title("$US 5 and $\\frac{")
    >>> literal_text(fig).axes[0].title.get_parse_math()
    False
    """
    from matplotlib.category import StrCategoryFormatter
    from matplotlib.legend import Legend
    from matplotlib.text import Text

    if not isinstance(fig, Figure):
        return fig
    for text in fig.findobj(Text):
        text.set_parse_math(False)
        if _LONG_WORD.search(text.get_text()):
            text.set_text(short_words(text.get_text()))
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            fmt = axis.get_major_formatter()  # labels given as text, not numbers formatted
            if isinstance(fmt, FixedFormatter | FuncFormatter | StrCategoryFormatter) and not (
                isinstance(fmt, _ShortLabels)
            ):
                axis.set_major_formatter(_ShortLabels(fmt))
    for legend in fig.findobj(Legend):
        for text in legend.get_texts():
            text.set_text(short_label(text.get_text()))
    return fig


def figure(
    *, width: float = 7.0, height: float = 4.0, nrows: int = 1, ncols: int = 1, **subplot_kw
):
    """Return ``(fig, axes)`` for a new figure in the newsframe style, not attached to pyplot.

    ``axes`` is one ``Axes`` for a single panel, else a 2-D array (``axes[row][col]``).

    Using :class:`matplotlib.figure.Figure` directly keeps figures out of pyplot's global state,
    so nothing leaks between figures and notebooks display them once.
    """
    with _style():
        fig = Figure(figsize=(width, height), layout="constrained")
        axes = fig.subplots(nrows, ncols, squeeze=nrows * ncols == 1, **subplot_kw)
    return fig, axes


def panel_columns(n: int, *, few: int = 3, many: int = 5, threshold: int = 12) -> int:
    """Columns of small multiples for ``n`` panels: ``few`` up to ``threshold`` panels, else ``many``.

    >>> panel_columns(2), panel_columns(12), panel_columns(50)
    (2, 3, 5)
    """
    return max(1, min(n, few if n <= threshold else many))


def panel_grid(
    n: int,
    *,
    width: float,
    panel_height: float,
    max_cols: int = 3,
    sharex: bool = True,
    sharey: bool = False,
):
    """Return ``(fig, axes)`` with ``n`` panels in rows of at most ``max_cols`` (a flat list).

    Per-article small multiples use this so that a corpus of many articles wraps into rows
    instead of squeezing dozens of panels side by side; unused cells are hidden. With
    ``sharey`` only the first column carries y tick labels. Every panel keeps its x tick labels,
    shared axis or not: a hidden cell leaves the panel above it without an axis below, and a
    reader should not have to look down rows of panels to read a bar.

    >>> fig, axes = panel_grid(4, width=6, panel_height=1)
    >>> [ax.xaxis.get_tick_params()["labelbottom"] for ax in axes]
    [True, True, True, True]
    """
    n = max(n, 1)
    ncols = min(n, max_cols)
    nrows = -(-n // ncols)
    fig, axes = figure(width=width, height=panel_height * nrows + 0.6, nrows=nrows, ncols=ncols,
                       sharex=sharex, sharey=sharey)  # fmt: skip
    axes = np.atleast_1d(axes).ravel()
    for ax in axes[n:]:
        ax.set_visible(False)
    for ax in axes[:n]:
        ax.tick_params(axis="x", labelbottom=True)
    return fig, list(axes[:n])


def save_figure(
    fig: Figure,
    name: str,
    directory: str | Path = "figures",
    *,
    formats: Sequence[str] = ("png", "svg"),
) -> list[Path]:
    """Write ``fig`` as ``<directory>/<name>.<format>`` for each format and return the paths.

    Output is byte-identical across runs: PNG and SVG metadata carry no date or software version
    and the SVG hash salt is fixed. ``name`` should describe the content,
    ``<measure>__<subject>[__<comparison>]`` (e.g. ``keyness__mt-2016_vs_mt-2019``). It must
    be a plain file name (no path separator, not ``..``, no control character) and each format a
    plain extension, or :class:`~newsframe.errors.NewsframeError` is raised: a figure is only ever
    written into ``directory``.

    >>> save_figure(Figure(), "../raw/evil", "data/figs")
    Traceback (most recent call last):
    ...
    newsframe.errors.NewsframeError: save_figure: name '../raw/evil' must be a plain file name, without folders or '..'
    """
    if not isinstance(name, str) or not name.strip():
        raise NewsframeError(f"save_figure: name must be a non-empty string, got {name!r}")
    if (
        "/" in name
        or "\\" in name
        or name.strip() in (".", "..")
        or any(ord(c) < 32 or c == "\x7f" for c in name)
        or Path(name).is_absolute()
    ):
        raise NewsframeError(
            f"save_figure: name {name!r} must be a plain file name, without folders or '..'"
        )
    for fmt in formats:
        if not isinstance(fmt, str) or not fmt.isalnum():
            raise NewsframeError(
                f"save_figure: format {fmt!r} must be a plain extension such as 'png'"
            )
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    metadata = {
        "png": {"Software": None},
        "svg": {"Date": None, "Creator": None},
        "pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None},
    }
    with _style():
        literal_text(fig)
        for fmt in formats:
            path = directory / f"{name}.{fmt}"
            fig.savefig(path, format=fmt, metadata=metadata.get(fmt), bbox_inches=None)
            paths.append(path)
    return paths
