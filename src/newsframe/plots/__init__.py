"""Figures: one function per figure (a tidy table in, a matplotlib ``Figure`` out), and
:func:`save_figure`, the only place figures are written.

Figures are deterministic: a fixed style (:data:`STYLE`), a fixed SVG hash salt, and no dates or
software versions in PNG or SVG metadata, so ``make figures`` reproduces them byte for byte.
Submodules hold the figures of each analysis (``plots.terms``, ``plots.sentiment``,
``plots.framing``, ``plots.corpus``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from pathlib import Path

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from newsframe.errors import NewsframeError

__all__ = [
    "PALETTE",
    "STYLE",
    "article_colors",
    "figure",
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


def article_colors(ids: Sequence[str]) -> dict[str, str]:
    """Return a stable colour per id, in the order given (Okabe–Ito palette, cycling).

    >>> article_colors(["a", "b"])
    {'a': '#0072B2', 'b': '#D55E00'}
    """
    return {i: PALETTE[n % len(PALETTE)] for n, i in enumerate(ids)}


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
            return func(*args, **kwargs)

    return wrapper


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


def panel_grid(
    n: int, *, width: float, panel_height: float, max_cols: int = 3, sharex: bool = True
):
    """Return ``(fig, axes)`` with ``n`` panels in rows of at most ``max_cols`` (a flat list).

    Per-article small multiples use this so that a corpus of many articles wraps into rows
    instead of squeezing dozens of panels side by side; unused cells are hidden.
    """
    n = max(n, 1)
    ncols = min(n, max_cols)
    nrows = -(-n // ncols)
    fig, axes = figure(
        width=width, height=panel_height * nrows + 0.6, nrows=nrows, ncols=ncols, sharex=sharex
    )
    axes = np.atleast_1d(axes).ravel()
    for ax in axes[n:]:
        ax.set_visible(False)
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
        for fmt in formats:
            path = directory / f"{name}.{fmt}"
            fig.savefig(path, format=fmt, metadata=metadata.get(fmt), bbox_inches=None)
            paths.append(path)
    return paths
