"""Framing over time: publication dates parsed once, periods, and every measure per period and group.

Each article's ``published`` date is parsed once (:func:`assign_periods`) into a calendar
period (``day``, ``week`` (ISO, Monday first), ``month``, ``quarter``, ``year``; by default the
finest that cuts the span from the first to the last date into at most
:data:`MAX_DEFAULT_PERIODS` periods, :func:`default_period`). The tables per period and group
read the per-article tables the analysis has already computed
(:func:`newsframe.compute_article_tables`: sentence sentiment summaries, term frequencies,
naming variants, frame dimensions, share of voice) and only sum or average them per period:

- :func:`attention_over_time`: articles and body words (every period of the span, empty ones too);
- :func:`naming_over_time`: each naming variant's share of the concept's mentions;
- :func:`frames_over_time`: frame hits per 1,000 words and the share of articles with a hit;
- :func:`voice_over_time`: the share of quoted words of the top speakers (the rest pooled);
- :func:`sentiment_over_time`: the mean over articles of each article's mean sentence compound,
  with a cluster-bootstrap interval (articles resampled within each period and group;
  Field & Welsh 2007);
- :func:`keyness_over_time`: keyness of each period against all other periods
  (:func:`newsframe.keyness` on the summed term counts);
- :func:`trends_over_time`: a change over time claimed only with an article-level permutation
  test of the slope (:func:`newsframe.stats.slope_permutation_test`), its p floor and
  Benjamini–Hochberg adjustment over the tests of the table.

The article is the unit throughout. A period and group with fewer than ``min_articles``
articles is ``thin``: the figures draw its point hollow and no line through it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
import pandas as pd

from newsframe.corpus import Corpus
from newsframe.errors import InputError, NewsframeError
from newsframe.framing.naming import Concept, restore_naming_zeros
from newsframe.resources import resolve_resources
from newsframe.stats import (
    adjust_pvalues,
    percentile_interval,
    random_permutations,
    resample_indices,
    slope_normal_test,
    slope_permutation_floor,
    slope_permutation_test,
)
from newsframe.terms.keyness import keyness

__all__ = [
    "MAX_CELLS",
    "MAX_DEFAULT_PERIODS",
    "MAX_PERMUTED_ARTICLES",
    "MIN_ARTICLES",
    "PERIODS",
    "OverTime",
    "assign_periods",
    "attention_over_time",
    "default_period",
    "frames_over_time",
    "keyness_over_time",
    "naming_over_time",
    "over_time",
    "over_time_notes",
    "parse_published",
    "sentiment_over_time",
    "trends_over_time",
    "voice_over_time",
]

#: The periods, finest first, and their pandas frequencies (weeks run Monday to Sunday).
PERIODS = ("day", "week", "month", "quarter", "year")
_FREQ = {"day": "D", "week": "W-SUN", "month": "M", "quarter": "Q-DEC", "year": "Y-DEC"}
#: The default period is the finest that cuts the span of dates into at most this many periods.
MAX_DEFAULT_PERIODS = 12
#: A period and group with fewer articles than this is thin (no line drawn through it).
MIN_ARTICLES = 3
#: Periods of the span × groups at most: the per-period tables hold every period of the span
#: (empty ones too), so ``period="day"`` over two centuries of dates (1900 and 2100, a
#: placeholder date) in many groups would be millions of rows of zeros.
MAX_CELLS = 1_000_000
#: The group of every article when the corpus has no group column.
ALL = "all"
#: ISO 8601 date, optionally with a time (``T`` or a space) and an offset (``Z``, ``+02:00``).
_ISO = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?"
)
_CELL = ["period", "period_start", "group"]


# --- dates and periods ------------------------------------------------------------------------


def _parse_one(text: str, where: str, timezone: str | None, fmt: str | None):
    """(local wall-clock time, UTC offset as written) of one ``published`` value; ``where``
    names its article (and the file it came from) in an error."""
    if not text:
        raise InputError(where, "no published date; the over-time analysis needs one per article")
    try:
        if fmt:
            stamp = pd.Timestamp(datetime.strptime(text, fmt))
        elif _ISO.fullmatch(text):
            stamp = pd.Timestamp(text.replace(",", "."))
        else:
            raise ValueError("not ISO 8601")
    except (ValueError, OverflowError):
        wanted = (
            f"the format {fmt!r}" if fmt else "an ISO 8601 date (YYYY-MM-DD[THH:MM[:SS]][Z|±HH:MM])"
        )
        shown = repr(text) if len(text) <= 60 else f"{text[:60]!r}… ({len(text):,} characters)"
        raise InputError(where, f"published {shown} is not {wanted}") from None
    try:
        stamp = stamp.as_unit("ns")
    except (ValueError, OverflowError):  # pandas' OutOfBoundsDatetime (a 9999-12-31 placeholder)
        raise InputError(
            where,
            f"published {text!r} is outside the dates that can be put in periods "
            f"({pd.Timestamp.min:%Y-%m-%d} to {pd.Timestamp.max:%Y-%m-%d})",
        ) from None
    if stamp.tzinfo is None:
        return stamp, ""
    offset = stamp.strftime("%z")
    if timezone:
        stamp = stamp.tz_convert(timezone)
    return stamp.tz_localize(None), offset


def parse_published(
    corpus: Corpus, *, timezone: str | None = None, date_format: str | None = None
) -> pd.DataFrame:
    """Return one row per article: ``article_id, published, date, utc_offset``, dates parsed once.

    ``published`` is the text as given; ``date`` the parsed time (naive). A date with an offset
    keeps its own wall-clock time by default, so an article dated ``2024-03-31T23:30+02:00``
    falls on 31 March where it was published; ``timezone`` (``"UTC"`` or an IANA name) converts
    such dates to that zone instead (a date without an offset is taken to be in it already).
    ``utc_offset`` is the offset as written (``+0200``; empty when none). Dates are ISO 8601
    unless ``date_format`` (a :func:`datetime.strptime` format) says otherwise. An article
    without a date, or with one that does not parse, raises
    :class:`~newsframe.errors.InputError` naming the article and the value.

    >>> from newsframe import Article
    >>> meta = [{"published": "2024-03-31T23:30:00+02:00"}, {"published": "2024-04-01"}]
    >>> c = Corpus(Article(i, "", ("x.",), metadata=m) for i, m in zip("ab", meta))
    >>> parse_published(c)["date"].dt.strftime("%Y-%m-%d %H:%M").tolist()
    ['2024-03-31 23:30', '2024-04-01 00:00']
    >>> parse_published(c, timezone="UTC")["date"].dt.strftime("%Y-%m-%d %H:%M").tolist()[0]
    '2024-03-31 21:30'
    """
    if timezone:
        try:
            pd.Timestamp("2000-01-01", tz=timezone)
        except (ValueError, KeyError, TypeError) as exc:
            raise NewsframeError(
                f"timezone {timezone!r} is not a known time zone ({exc})"
            ) from None
    seen: dict[str, tuple] = {}  # each distinct value parsed once
    rows = []
    for article in corpus:
        text = article.published.strip()
        if text not in seen:
            where = f"article {article.article_id!r}"
            if article.source_path is not None:
                where = f"{article.source_path} ({where})"
            seen[text] = _parse_one(text, where, timezone, date_format)
        rows.append((article.article_id, article.published, *seen[text]))
    frame = pd.DataFrame(rows, columns=["article_id", "published", "date", "utc_offset"])
    frame["date"] = pd.to_datetime(frame["date"]).astype("datetime64[ns]")
    return frame


def _periods(dates: pd.Series, period: str) -> pd.PeriodIndex:
    return pd.PeriodIndex(dates.dt.to_period(_FREQ[period]))


def default_period(dates: pd.Series, *, max_periods: int = MAX_DEFAULT_PERIODS) -> str:
    """Return the finest period that cuts the span of ``dates`` into at most ``max_periods``.

    The span runs from the period of the first date to that of the last, both included, so
    empty periods in between count. One date gives ``"day"``.

    >>> d = pd.Series(pd.to_datetime(["2024-01-15", "2024-06-20"]))
    >>> default_period(d)  # 158 days, 24 weeks, 6 months
    'month'
    >>> default_period(pd.Series(pd.to_datetime(["2016-12-13", "2019-01-23"])))  # 26 months
    'quarter'
    """
    if dates.empty:
        raise NewsframeError("default_period: no dates")
    for period in PERIODS:
        p = _periods(dates, period)
        if p.max().ordinal - p.min().ordinal + 1 <= max_periods:
            return period
    return "year"


def _label(periods: pd.PeriodIndex, period: str) -> list[str]:
    start = periods.start_time
    if period == "day":
        return list(start.strftime("%Y-%m-%d"))
    if period == "week":
        iso = start.isocalendar()
        return [f"{y}-W{w:02d}" for y, w in zip(iso["year"], iso["week"], strict=True)]
    if period == "month":
        return list(start.strftime("%Y-%m"))
    if period == "quarter":
        return [f"{y}-Q{q}" for y, q in zip(periods.year, periods.quarter, strict=True)]
    return [str(y) for y in periods.year]


def assign_periods(
    corpus: Corpus,
    *,
    period: str | None = None,
    column: str | None = None,
    timezone: str | None = None,
    date_format: str | None = None,
) -> pd.DataFrame:
    """Return one row per article: ``article_id, group, published, date, utc_offset, period,
    period_start, period_index``.

    Dates as :func:`parse_published`; ``period`` one of :data:`PERIODS` (default
    :func:`default_period`); ``period`` the label (``2024-03-04``, ``2024-W10``, ``2024-03``,
    ``2024-Q1``, ``2024``), ``period_start`` its first day, ``period_index`` its position
    counted from the first period of the span (empty periods count). ``group`` is the value of
    ``column`` (default :attr:`Corpus.group_column`; without one every article is in ``"all"``).
    ``attrs["period"]`` holds the period used and ``attrs["column"]`` the group column.

    >>> from newsframe import Article
    >>> days = ["2024-01-31", "2024-02-01", "2024-03-15"]
    >>> c = Corpus(Article(i, "", ("x.",), metadata={"published": d}) for i, d in zip("abc", days))
    >>> t = assign_periods(c, period="month")
    >>> t["period"].tolist(), t["period_index"].tolist(), t["group"].tolist()
    (['2024-01', '2024-02', '2024-03'], [0, 1, 2], ['all', 'all', 'all'])
    """
    if period is not None and period not in PERIODS:
        raise NewsframeError(f"period must be one of {', '.join(PERIODS)}, got {period!r}")
    if len(corpus) == 0:
        raise NewsframeError("assign_periods: the corpus is empty")
    frame = parse_published(corpus, timezone=timezone, date_format=date_format)
    period = period or default_period(frame["date"])
    column = column or corpus.group_column
    groups = corpus.group_of(column) if column else dict.fromkeys(corpus.ids, ALL)
    periods = _periods(frame["date"], period)
    _check_cells(periods, period, len(set(groups.values())))
    frame.insert(1, "group", frame["article_id"].map(groups))
    frame["period"] = _label(periods, period)
    frame["period_start"] = periods.start_time.astype("datetime64[ns]")
    frame["period_index"] = (periods.asi8 - periods.asi8.min()).astype(np.int64)
    frame.attrs.update(period=period, column=column)
    return frame


def _check_cells(periods: pd.PeriodIndex, period: str, n_groups: int) -> None:
    """Refuse a span of more than :data:`MAX_CELLS` periods × groups, naming a coarser period."""
    n_periods = int(periods.asi8.max() - periods.asi8.min()) + 1
    if n_periods * n_groups <= MAX_CELLS:
        return
    coarser = ", ".join(PERIODS[PERIODS.index(period) + 1 :]) or "fewer groups"
    raise InputError(
        f"period {period!r}",
        f"{n_periods:,} {period}s from {periods.min()} to {periods.max()} × {n_groups:,} groups "
        f"are {n_periods * n_groups:,} cells, over the limit of {MAX_CELLS:,}: choose a coarser "
        f"period ({coarser}) or check the dates at either end",
    )


def _span(assign: pd.DataFrame) -> pd.DataFrame:
    """Every period of the span, empty ones included: ``period, period_start, period_index``."""
    period = assign.attrs["period"]
    start = pd.Series(assign["period_start"]).dt.to_period(_FREQ[period])
    full = pd.period_range(start.min(), start.max(), freq=_FREQ[period])
    return pd.DataFrame(
        {
            "period": _label(full, period),
            "period_start": full.start_time.astype("datetime64[ns]"),
            "period_index": np.arange(len(full), dtype=np.int64),
        }
    )


def _groups(assign: pd.DataFrame) -> list[str]:
    return list(dict.fromkeys(assign["group"]))


def _cells(assign: pd.DataFrame, min_articles: int) -> pd.DataFrame:
    """Articles per period and group (periods with articles only), with the thin flag."""
    out = assign.groupby(["period_index", "group"], sort=False, as_index=False).agg(
        period=("period", "first"),
        period_start=("period_start", "first"),
        n_articles=("article_id", "size"),
    )
    out["thin"] = out["n_articles"] < min_articles
    return out


def _keyed(table: pd.DataFrame, assign: pd.DataFrame, what: str) -> pd.DataFrame:
    """A per-article table with each article's period and group (``article_id`` kept)."""
    if "article_id" not in table.columns:
        raise NewsframeError(f"{what}: expected a per-article table with an article_id column")
    keys = assign[["article_id", "period_index", "group"]]
    table = table.drop(columns=["group"], errors="ignore")
    ids = pd.Index(keys["article_id"])
    if not ids.is_unique or "period_index" in table.columns:
        return table.merge(keys, on="article_id", how="inner")
    # the inner merge on unique keys, by position: the table's rows in order, those of
    # articles in ``assign`` only, each with its article's period and group
    codes, distinct = pd.factorize(table["article_id"], use_na_sentinel=False)
    where = ids.get_indexer(distinct)[codes]  # one look-up per article, not per row
    found = where >= 0
    if not found.all():
        table, where = table[found], where[found]
    out = table.reset_index(drop=True)
    out["period_index"] = keys["period_index"].to_numpy()[where]
    out["group"] = keys["group"].array.take(where)
    return out


def _ordered(
    out: pd.DataFrame, assign: pd.DataFrame, cells: pd.DataFrame, rest: list[str], by=()
) -> pd.DataFrame:
    """Cell columns first (period, period_start, group, …, n_articles, thin), rows in time order,
    groups in corpus order, then by ``by`` (else items keep the order of the per-article table);
    ``rest`` are the measure's own columns."""
    out = out.merge(cells, on=["period_index", "group"], how="left")
    order = {g: i for i, g in enumerate(_groups(assign))}
    out = out.assign(_g=out["group"].map(order))
    out = out.sort_values(["period_index", "_g", *by], kind="stable").drop(columns="_g")
    columns = [*_CELL, "period_index", *rest, "n_articles", "thin"]
    return out[columns].reset_index(drop=True)


# --- tables per period and group ----------------------------------------------------------------


def attention_over_time(
    assign: pd.DataFrame, words: pd.Series, *, min_articles: int = MIN_ARTICLES
) -> pd.DataFrame:
    """Return articles and body words per period and group, every period of the span included.

    ``words`` maps article id to :attr:`newsframe.Document.n_words` (``Corpus.to_frame()``'s
    ``words``). Columns: ``period, period_start, group, period_index, articles, words,
    share_of_period`` (the group's share of the period's articles; 0 in an empty period),
    ``n_articles, thin``.

    >>> a = pd.DataFrame({"article_id": ["a", "b", "c"], "group": ["x", "y", "x"],
    ...                   "period": ["2024-01", "2024-01", "2024-03"],
    ...                   "period_start": pd.to_datetime(["2024-01-01"] * 2 + ["2024-03-01"]),
    ...                   "period_index": [0, 0, 2]})
    >>> a.attrs["period"] = "month"
    >>> t = attention_over_time(a, pd.Series({"a": 100, "b": 50, "c": 10}), min_articles=1)
    >>> t[["period", "group", "articles", "words", "thin"]].values.tolist()[:3]
    [['2024-01', 'x', 1, 100, False], ['2024-01', 'y', 1, 50, False], ['2024-02', 'x', 0, 0, True]]
    """
    groups = _groups(assign)
    span = _span(assign)
    grid = span.merge(pd.DataFrame({"group": groups}), how="cross")
    keyed = assign.assign(words=assign["article_id"].map(words).fillna(0).astype(np.int64))
    sums = keyed.groupby(["period_index", "group"], as_index=False).agg(
        articles=("article_id", "size"), words=("words", "sum")
    )
    out = grid.merge(sums, on=["period_index", "group"], how="left")
    out[["articles", "words"]] = out[["articles", "words"]].fillna(0).astype(np.int64)
    total = out.groupby("period_index")["articles"].transform("sum")
    out["share_of_period"] = np.where(total > 0, out["articles"] / total.where(total > 0, 1), 0.0)
    out["n_articles"] = out["articles"]
    out["thin"] = out["n_articles"] < min_articles
    columns = [*_CELL, "period_index", "articles", "words", "share_of_period", "n_articles", "thin"]
    return out[columns]


def naming_over_time(
    naming: pd.DataFrame,
    assign: pd.DataFrame,
    *,
    min_articles: int = MIN_ARTICLES,
    concepts: Iterable[Concept] = (),
) -> pd.DataFrame:
    """Return each naming variant's share of its concept's mentions per period and group.

    ``naming`` is :func:`newsframe.naming_variants` output (sparse: rows only where a variant
    is used). Columns: ``period, period_start, group, period_index, concept, variant, usage,
    count, share`` (of the concept's mentions in the period and group; NaN when it names the
    concept nowhere), ``in_quotes, articles_using, n_articles, thin``. Every period and group
    with articles gets a row for every variant of ``concepts`` (zeros included; :func:`over_time`
    passes the corpus's naming concepts) and every other variant of ``naming``.

    >>> from newsframe import Article
    >>> c = Corpus(Article(i, "", ("x.",), metadata={"published": "2024-01-0" + i}) for i in "12")
    >>> a = assign_periods(c, period="month")
    >>> n = pd.DataFrame({"article_id": ["1", "1", "2", "2"], "concept": "c", "usage": "",
    ...                   "variant": ["X", "Y", "X", "Y"], "count": [3, 0, 0, 1], "in_quotes": 0})
    >>> naming_over_time(n, a)[["period", "variant", "count", "share", "articles_using"]].values.tolist()
    [['2024-01', 'X', 3, 0.75, 1], ['2024-01', 'Y', 1, 0.25, 1]]
    """
    t = _keyed(naming, assign, "naming_over_time").assign(using=lambda x: x["count"] > 0)
    keys = ["period_index", "group", "concept", "variant", "usage"]
    out = t.groupby(keys, sort=False, as_index=False).agg(
        count=("count", "sum"), in_quotes=("in_quotes", "sum"), articles_using=("using", "sum")
    )
    out = _every_variant(out, assign, naming, concepts)
    total = out.groupby(["period_index", "group", "concept"], sort=False)["count"].transform("sum")
    out["share"] = out["count"] / total.where(total > 0)
    rest = ["concept", "variant", "usage", "count", "share", "in_quotes", "articles_using"]
    return _ordered(out, assign, _cells(assign, min_articles), rest)


def frames_over_time(
    frames: pd.DataFrame, assign: pd.DataFrame, *, min_articles: int = MIN_ARTICLES
) -> pd.DataFrame:
    """Return frame hits per period and group: their rate and the share of articles with a hit.

    ``frames`` is :func:`newsframe.frame_dimensions` output. Columns: ``period, period_start,
    group, period_index, scheme, frame, label, hits, words, per_1000`` (hits per 1,000 body
    words of the period and group), ``articles`` (with a hit), ``share_of_articles``,
    ``share_of_hits`` (of all hits of the scheme in the period and group; NaN without any),
    ``n_articles, thin``.

    >>> from newsframe import Article
    >>> c = Corpus(Article(i, "", ("x.",), metadata={"published": "2024-01-0" + i}) for i in "12")
    >>> a = assign_periods(c, period="month")
    >>> f = pd.DataFrame({"article_id": ["1", "2"], "scheme": "s", "frame": "f", "label": "F",
    ...                   "hits": [2, 0], "words": [100, 300]})
    >>> frames_over_time(f, a)[["hits", "per_1000", "share_of_articles"]].values.tolist()
    [[2.0, 5.0, 0.5]]
    """
    t = _keyed(frames, assign, "frames_over_time").assign(hit=lambda x: x["hits"] > 0)
    keys = ["period_index", "group", "scheme", "frame", "label"]
    out = t.groupby(keys, sort=False, as_index=False).agg(
        hits=("hits", "sum"), words=("words", "sum"), articles=("hit", "sum"),
        n=("article_id", "nunique"),
    )  # fmt: skip
    out["per_1000"] = np.where(out["words"] > 0, 1000 * out["hits"] / out["words"].clip(1), 0.0)
    out["share_of_articles"] = out["articles"] / out["n"]
    total = out.groupby(["period_index", "group", "scheme"], sort=False)["hits"].transform("sum")
    out["share_of_hits"] = out["hits"] / total.where(total > 0)
    rest = ["scheme", "frame", "label", "hits", "words", "per_1000", "articles",
            "share_of_articles", "share_of_hits"]  # fmt: skip
    return _ordered(out.drop(columns="n"), assign, _cells(assign, min_articles), rest)


#: The speakers outside the top ones, pooled in :func:`voice_over_time`.
OTHERS = "(others)"


def _every_variant(
    out: pd.DataFrame, assign: pd.DataFrame, naming: pd.DataFrame, concepts: Iterable[Concept]
) -> pd.DataFrame:
    """``out`` (sums per cell and variant) with a zero row for each cell with articles and
    variant (of ``concepts``, then of ``naming``) it lacks, cells in ``assign``'s order."""
    items = {(c.concept_id, v.name): v.usage for c in concepts for v in c.variants}
    for concept_id, name, usage in naming[["concept", "variant", "usage"]].drop_duplicates().itertuples(index=False):  # fmt: skip
        items.setdefault((concept_id, name), usage)
    order = {c: n for n, c in enumerate(dict.fromkeys(c for c, _ in items))}
    ranked = sorted(items.items(), key=lambda item: order[item[0][0]])  # stable: by concept
    cells = assign[["period_index", "group"]].drop_duplicates()
    grid = pd.DataFrame(
        [(p, g, c, v, u) for p, g in cells.itertuples(index=False) for (c, v), u in ranked],
        columns=["period_index", "group", "concept", "variant", "usage"],
    )
    if grid.empty:
        return out
    grid = grid.astype({"period_index": out["period_index"].dtype}) if len(out) else grid
    full = grid.merge(out, on=list(grid.columns), how="left")
    values = ["count", "in_quotes", "articles_using"]
    full[values] = full[values].fillna(0).astype(np.int64)
    return full


def _top_speakers(voice: pd.DataFrame, top: int) -> list[str]:
    totals = voice.groupby("speaker", sort=False)["quoted_words"].sum()
    totals = (
        totals[totals > 0]
        .reset_index()
        .sort_values(["quoted_words", "speaker"], ascending=[False, True], kind="stable")
    )
    return totals["speaker"].head(top).tolist()


def voice_over_time(
    voice: pd.DataFrame,
    assign: pd.DataFrame,
    *,
    top: int = 5,
    min_articles: int = MIN_ARTICLES,
) -> pd.DataFrame:
    """Return the share of quoted words of the top speakers per period and group.

    ``voice`` is :func:`newsframe.share_of_voice` output. The ``top`` speakers by quoted words
    in the whole corpus keep their rows; every other speaker is pooled as ``"(others)"``, so
    the shares of a period and group sum to 1. Columns: ``period, period_start, group,
    period_index, speaker, speaker_name, quoted_words, quotes, attributions, articles``
    (articles quoting or paraphrasing the speaker), ``share_of_quoted`` (NaN when nobody is
    quoted there), ``n_articles, thin``.

    >>> from newsframe import Article
    >>> c = Corpus(Article(i, "", ("x.",), metadata={"published": "2024-01-0" + i}) for i in "12")
    >>> a = assign_periods(c, period="month")
    >>> v = pd.DataFrame({"article_id": ["1", "2", "2"], "speaker": ["p", "p", "q"],
    ...                   "speaker_name": ["P", "P", "Q"], "quoted_words": [6, 3, 3],
    ...                   "quotes": 1, "attributions": 1})
    >>> voice_over_time(v, a, top=1)[["speaker", "quoted_words", "share_of_quoted"]].values.tolist()
    [['p', 9, 0.75], ['(others)', 3, 0.25]]
    """
    t = _keyed(voice, assign, "voice_over_time")
    keep = _top_speakers(voice, top)
    names = dict(zip(voice["speaker"], voice["speaker_name"], strict=True))
    inside = t["speaker"].isin(keep)
    t = t.assign(speaker=t["speaker"].where(inside, OTHERS))
    out = t.groupby(["period_index", "group", "speaker"], sort=False, as_index=False).agg(
        quoted_words=("quoted_words", "sum"), quotes=("quotes", "sum"),
        attributions=("attributions", "sum"), articles=("article_id", "nunique"),
    )  # fmt: skip
    out["speaker_name"] = out["speaker"].map(names).fillna(OTHERS)
    total = out.groupby(["period_index", "group"], sort=False)["quoted_words"].transform("sum")
    out["share_of_quoted"] = out["quoted_words"] / total.where(total > 0)
    rank = {s: i for i, s in enumerate([*keep, OTHERS])}
    out = out.assign(rank=out["speaker"].map(rank))
    rest = ["rank", "speaker", "speaker_name", "quoted_words", "quotes", "attributions",
            "articles", "share_of_quoted"]  # fmt: skip
    cells = _cells(assign, min_articles)
    return _ordered(out, assign, cells, rest, by=["rank"]).drop(columns="rank")


def _article_means(summary: pd.DataFrame) -> pd.DataFrame:
    """``article_id, value, n_sentences``: each article's mean sentence compound."""
    if not {"article_id", "statistic", "value", "n_sentences"} <= set(summary.columns):
        raise NewsframeError("sentiment_over_time: expected newsframe.sentiment_summary output")
    rows = summary[summary["statistic"] == "mean_compound"]
    return rows[["article_id", "value", "n_sentences"]]


def sentiment_over_time(
    summary: pd.DataFrame,
    assign: pd.DataFrame,
    *,
    min_articles: int = MIN_ARTICLES,
    n_resamples: int = 2000,
    seed: int = 0,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """Return the mean sentence compound per period and group, with an article-level interval.

    ``summary`` is :func:`newsframe.sentiment_summary` output: each article's mean compound
    over its sentences. A period and group's value is the mean over its articles (a long
    article does not outweigh a short one); its interval is a cluster bootstrap: the articles
    of that period and group resampled with replacement (Field & Welsh 2007), percentile
    interval. One article gives no interval (NaN): its sentences are not a sample of the period.
    Columns: ``period, period_start, group, period_index, mean_compound, ci_low, ci_high,
    n_sentences, unit, n_articles, thin``.

    >>> from newsframe import Article
    >>> c = Corpus(Article(i, "", ("x.",), metadata={"published": "2024-01-0" + i}) for i in "12")
    >>> a = assign_periods(c, period="month")
    >>> s = pd.DataFrame({"article_id": ["1", "2"], "statistic": "mean_compound",
    ...                   "value": [0.0, 1.0], "n_sentences": [3, 5]})
    >>> sentiment_over_time(s, a)[["mean_compound", "ci_low", "ci_high", "n_articles"]].values.tolist()
    [[0.5, 0.0, 1.0, 2.0]]
    """
    t = _keyed(_article_means(summary), assign, "sentiment_over_time")
    rows = []
    for (index, group), part in t.groupby(["period_index", "group"], sort=False):
        values = part["value"].to_numpy(float)
        low = high = float("nan")
        if len(values) > 1:
            means = np.concatenate(
                [values[d].mean(axis=1) for d in resample_indices(
                    len(values), n_resamples=n_resamples, seed=seed)]
            )  # fmt: skip
            lo, hi = percentile_interval(means[:, None], confidence=confidence)
            low, high = float(lo[0]), float(hi[0])
        rows.append((index, group, float(values.mean()), low, high,
                     int(part["n_sentences"].sum()), "article"))  # fmt: skip
    columns = ["period_index", "group", "mean_compound", "ci_low", "ci_high", "n_sentences", "unit"]
    out = pd.DataFrame(rows, columns=columns)
    return _ordered(out, assign, _cells(assign, min_articles), columns[2:])


def keyness_over_time(
    term_frequencies: pd.DataFrame, assign: pd.DataFrame, *, top: int | None = 25
) -> pd.DataFrame:
    """Return keyness of each period against all other periods (every group pooled).

    ``term_frequencies`` is :func:`newsframe.term_frequencies` per article (``article_id,
    term, count, n_tokens``); the counts of each period are summed and compared with those of
    the rest by :func:`newsframe.keyness` (Log Ratio, G², log-odds with the background prior;
    the sizes are the running word counts). ``article_id`` holds the period, ``reference``
    ``"rest"``; ``articles_a`` counts the period's articles using the term, ``n_articles_a``
    its articles: a term carried by one article is a lead about that article. ``unit`` is
    ``"token"`` (G² pools tokens; rank by ``log_ratio``). ``top`` keeps that many rows per
    period key for it (``None``: all). A corpus with one period gives an empty table.

    >>> from newsframe import Article
    >>> c = Corpus(Article(i, "", ("x.",), metadata={"published": f"2024-0{i}-01"}) for i in "12")
    >>> a = assign_periods(c, period="month")
    >>> tf = pd.DataFrame({"article_id": ["1", "1", "2"], "term": ["storm", "ferry", "ferry"],
    ...                    "count": [2, 1, 3], "n_tokens": [10, 10, 10]})
    >>> keyness_over_time(tf, a)[["period", "term", "count_a", "count_b", "n_a", "n_b"]].values.tolist()
    [['2024-01', 'storm', 2, 0, 10.0, 10.0], ['2024-02', 'ferry', 3, 1, 10.0, 10.0]]
    """
    needed = {"article_id", "term", "count", "n_tokens"}
    if not needed <= set(term_frequencies.columns):
        raise NewsframeError("keyness_over_time: expected newsframe.term_frequencies per article")
    t = _keyed(term_frequencies, assign, "keyness_over_time")
    n_tokens = term_frequencies.drop_duplicates("article_id").set_index("article_id")["n_tokens"]
    keyed = assign.assign(n=assign["article_id"].map(n_tokens).fillna(0))
    sizes = keyed.groupby("period_index")["n"].sum()
    articles = keyed.groupby("period_index")["article_id"].size()
    labels = keyed.groupby("period_index")["period"].first()
    by_period = t.groupby(["period_index", "term"], sort=True)["count"].sum()
    total = t.groupby("term", sort=True)["count"].sum()
    using = t[t["count"] > 0].groupby(["period_index", "term"])["article_id"].nunique()
    tables = []
    for index in labels.index if len(labels) > 1 else []:
        if index not in by_period.index.get_level_values(0) or sizes[index] == 0:
            continue
        period = labels[index]
        mine = by_period.loc[index].rename(period)
        rest = (total - mine.reindex(total.index, fill_value=0)).rename("rest")
        table = keyness(mine, rest, sizes=(sizes[index], sizes.sum() - sizes[index]))
        if top is not None:
            table = table[table["key_for"] == period].head(top)
        table.insert(0, "period", period)
        table["articles_a"] = table["term"].map(using.loc[index]).fillna(0).astype(np.int64)
        table["n_articles_a"] = int(articles[index])
        table["unit"] = "token"
        tables.append(table)
    if not tables:
        return pd.DataFrame(columns=["period", "article_id", "reference", "term", "log_ratio"])
    return pd.concat(tables, ignore_index=True)


# --- trends ---------------------------------------------------------------------------------------


def _per_article_measures(tables: Mapping[str, pd.DataFrame], top: int) -> pd.DataFrame:
    """``measure, item, article_id, value``: one value per article for each trend measure."""
    parts = []
    if "sentiment_summary" in tables:
        s = _article_means(tables["sentiment_summary"])
        parts.append(s.assign(measure="sentiment", item="mean_compound")[
            ["measure", "item", "article_id", "value"]])  # fmt: skip
    if "naming_variants" in tables:
        n = tables["naming_variants"]
        total = n.groupby(["article_id", "concept"])["count"].transform("sum")
        used = n[total > 0].assign(value=lambda x: x["count"] / total[total > 0])
        used = used.assign(measure="naming", item=used["concept"] + ": " + used["variant"])
        parts.append(used[["measure", "item", "article_id", "value"]])
    if "frame_dimensions" in tables:
        f = tables["frame_dimensions"]
        hits = f.groupby(["scheme", "label"], sort=False)["hits"].sum()
        keep = hits[hits > 0].sort_values(ascending=False, kind="stable").head(top).index
        f = f.set_index(["scheme", "label"]).loc[list(keep)].reset_index()
        f = f.assign(measure="frames", item=f["scheme"] + ": " + f["label"], value=f["per_1000"])
        parts.append(f[["measure", "item", "article_id", "value"]])
    if "share_of_voice" in tables:
        v = tables["share_of_voice"]
        quoted = v.groupby("article_id")["quoted_words"].transform("sum")
        v = v[v["speaker"].isin(_top_speakers(v, top)) & (quoted > 0)]
        v = v.assign(measure="voice", item=v["speaker_name"], value=v["share_of_quoted"])
        parts.append(v[["measure", "item", "article_id", "value"]])
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(
        columns=["measure", "item", "article_id", "value"])  # fmt: skip


#: Above this many articles a trend test uses the normal approximation to the permutation
#: distribution (:func:`newsframe.stats.slope_normal_test`) instead of random permutations.
MAX_PERMUTED_ARTICLES = 2000


def _trend_block(part: pd.DataFrame, permutations: np.ndarray, n_resamples: int) -> list[tuple]:
    """Slope, p, method and p floor of each item (column) of one measure and group, tested
    together where their articles are the same (one set of permutations for all of them)."""
    rows, articles = pd.factorize(part["article_id"])
    cols, names = pd.factorize(part["item"])
    wide = np.full((len(articles), len(names)), np.nan)
    wide[rows, cols] = part["value"].to_numpy(float)
    x_all = np.empty(len(articles))
    x_all[rows] = part["period_index"].to_numpy(float)
    masks: dict[bytes, list[int]] = {}
    for j in range(len(names)):
        masks.setdefault(np.isfinite(wide[:, j]).tobytes(), []).append(j)
    out = []
    for key, columns in masks.items():
        keep = np.frombuffer(key, dtype=bool)
        items = [names[j] for j in columns]
        x, y = x_all[keep], wide[np.ix_(keep, columns)]
        if len(np.unique(x)) < 2:
            out += [(i, np.nan, np.nan, "none", 1.0) for i in items]
            continue
        floor = slope_permutation_floor(x)
        if len(x) > MAX_PERMUTED_ARTICLES:
            slopes, p = slope_normal_test(x, y)
            method = "normal approximation"
        else:
            slopes, p, exact = slope_permutation_test(
                x, y, n_resamples=n_resamples, permutations=permutations
            )
            method = "exact permutation" if exact else "random permutations"
            floor = floor if exact else max(floor, 1.0 / (n_resamples + 1))
        out += [
            (i, float(b), float(q), method, floor) for i, b, q in zip(items, slopes, p, strict=True)
        ]
    return out


def trends_over_time(
    tables: Mapping[str, pd.DataFrame],
    assign: pd.DataFrame,
    *,
    top: int = 5,
    n_resamples: int = 999,
    seed: int = 0,
    alpha: float = 0.05,
) -> pd.DataFrame:
    """Return one article-level trend test per measure, item and group.

    For each group, each article's value (its mean sentence compound; each naming variant's
    share of its concept's mentions in the article, over articles naming the concept, so
    ``tables["naming_variants"]`` needs the zero rows of the concepts each article names:
    ``restore_naming_zeros(..., named_only=True)``, as :func:`over_time` passes it; the
    ``per_1000`` of the ``top`` frames; the share of quoted words of the ``top`` speakers, over
    articles quoting anyone) is regressed on its period's position in time (``period_index``),
    and the slope tested by permuting values over articles
    (:func:`newsframe.stats.slope_permutation_test`: every permutation when they number at most
    ``n_resamples``, else ``n_resamples`` random ones; above :data:`MAX_PERMUTED_ARTICLES`
    articles the normal approximation to the permutation distribution,
    :func:`newsframe.stats.slope_normal_test`); ``method`` says which. ``p_floor`` is the
    smallest p the design can reach (:func:`newsframe.stats.slope_permutation_floor`, and
    1 / (n_resamples + 1) for random permutations); ``p_bh`` adjusts over every test of the
    table (Benjamini & Hochberg 1995). ``claim`` says what may be said: ``"change"`` only when
    ``p_bh < alpha``; ``"no test"`` when the articles fall in fewer than two periods;
    ``"cannot reach alpha"`` when the floor is above ``alpha``; else ``"no evidence of
    change"``. Columns: ``measure, item, group, n_articles, n_periods, first_period,
    last_period, slope_per_period, p_value, method, p_floor, p_bh, claim``.
    """
    values = _per_article_measures(tables, top)
    t = values.merge(assign[["article_id", "group", "period", "period_index"]], on="article_id")
    t = t[np.isfinite(t["value"].to_numpy(float))]
    tested = {}
    sizes = t.groupby("group")["article_id"].nunique()
    widest = min(MAX_PERMUTED_ARTICLES, int(sizes.max())) if len(sizes) else 1
    # one draw of random orders serves every test (each keeps the entries below its size)
    permutations = random_permutations(widest, n_resamples=n_resamples, seed=seed)
    for (measure, group), part in t.groupby(["measure", "group"], sort=False):
        for item, slope, p, method, floor in _trend_block(part, permutations, n_resamples):
            tested[(measure, item, group)] = (slope, p, method, floor)
    out = t.groupby(["measure", "item", "group"], sort=False, as_index=False).agg(
        n_articles=("article_id", "size"), n_periods=("period_index", "nunique"),
        first_period=("period_index", "min"), last_period=("period_index", "max"),
    )  # fmt: skip
    label = assign.drop_duplicates("period_index").set_index("period_index")["period"]
    out["first_period"] = out["first_period"].map(label)
    out["last_period"] = out["last_period"].map(label)
    keys = zip(out["measure"], out["item"], out["group"], strict=True)
    results = pd.DataFrame([tested[k] for k in keys], index=out.index,
                           columns=["slope_per_period", "p_value", "method", "p_floor"])  # fmt: skip
    out = pd.concat([out, results], axis=1)
    done = out["p_value"].notna().to_numpy()
    out["p_bh"] = np.nan
    out.loc[done, "p_bh"] = adjust_pvalues(out.loc[done, "p_value"].to_numpy(float))
    out["claim"] = np.select(
        [~done, out["p_floor"] > alpha, out["p_bh"] < alpha],
        ["no test", "cannot reach alpha", "change"],
        "no evidence of change",
    )
    return out


# --- everything at once ------------------------------------------------------------------------


@dataclass
class OverTime:
    """The over-time tables of one corpus (see :func:`over_time`)."""

    period: str
    column: str | None
    min_articles: int
    assign: pd.DataFrame
    attention: pd.DataFrame
    sentiment: pd.DataFrame
    naming: pd.DataFrame
    frames: pd.DataFrame
    voice: pd.DataFrame
    keyness: pd.DataFrame
    trends: pd.DataFrame
    notes: list[str] = field(default_factory=list)

    @property
    def by(self) -> str:
        """The figure-name suffix: ``__by_<column>`` (empty without a group column)."""
        return f"__by_{self.column}" if self.column else ""

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table, named ``<measure>__over_time`` as the report writes them."""
        return {
            "periods": self.assign,
            "attention__over_time": self.attention,
            "sentiment__over_time": self.sentiment,
            "naming_variants__over_time": self.naming,
            "frame_dimensions__over_time": self.frames,
            "share_of_voice__over_time": self.voice,
            "keyness__over_time": self.keyness,
            "trends__over_time": self.trends,
        }


def over_time(
    corpus: Corpus,
    tables: Mapping[str, pd.DataFrame],
    *,
    period: str | None = None,
    column: str | None = None,
    min_articles: int = MIN_ARTICLES,
    timezone: str | None = None,
    seed: int = 0,
) -> OverTime:
    """Return every over-time table of ``corpus`` from its per-article ``tables``.

    ``tables`` is :func:`newsframe.compute_article_tables` output (``sentiment_summary``,
    ``term_frequencies``, ``naming_variants``, ``frame_dimensions``, ``share_of_voice`` are
    read); nothing is scored again. ``period``, ``column`` and ``timezone`` as in
    :func:`assign_periods`; ``min_articles`` marks thin periods. ``notes`` are sentences about
    the result (:func:`over_time_notes`).

    >>> from newsframe import Article
    >>> days = ["2024-01-10", "2024-02-10"]
    >>> c = Corpus(Article(i, "", ("Good news.",), metadata={"published": d})
    ...            for i, d in zip("ab", days))
    >>> from newsframe.distributed import compute_article_tables
    >>> ot = over_time(c, compute_article_tables(c, n_jobs=1))
    >>> ot.period, ot.attention["articles"].tolist(), ot.trends["claim"].tolist()
    ('week', [1, 0, 0, 0, 1], ['cannot reach alpha'])
    """
    if min_articles < 1:
        raise NewsframeError(f"min_articles must be at least 1, got {min_articles}")
    assign = assign_periods(corpus, period=period, column=column, timezone=timezone)
    words = corpus.to_frame().set_index("article_id")["words"]
    need = ("sentiment_summary", "term_frequencies", "naming_variants", "frame_dimensions",
            "share_of_voice")  # fmt: skip
    missing = [n for n in need if n not in tables]
    if missing:
        raise NewsframeError(f"over_time: per-article table(s) missing: {', '.join(missing)}")
    k = {"min_articles": min_articles}
    concepts = resolve_resources(None, corpus).naming_concepts
    # a share of a concept's mentions per article needs the zeros of the articles naming it
    naming = restore_naming_zeros(tables["naming_variants"], corpus, named_only=True)
    tables = {**tables, "naming_variants": naming}
    result = OverTime(
        period=assign.attrs["period"],
        column=assign.attrs["column"],
        min_articles=min_articles,
        assign=assign,
        attention=attention_over_time(assign, words, **k),
        sentiment=sentiment_over_time(tables["sentiment_summary"], assign, seed=seed, **k),
        naming=naming_over_time(tables["naming_variants"], assign, concepts=concepts, **k),
        frames=frames_over_time(tables["frame_dimensions"], assign, **k),
        voice=voice_over_time(tables["share_of_voice"], assign, **k),
        keyness=keyness_over_time(tables["term_frequencies"], assign),
        trends=trends_over_time(tables, assign, seed=seed),
    )
    result.notes = over_time_notes(result)
    return result


def over_time_notes(result: OverTime) -> list[str]:
    """Return sentences describing ``result``, each computed from its tables.

    The span and period, how many period and group cells are thin, and which trends may be
    claimed (with their p floors), so notebooks and the report say the same thing.

    >>> from newsframe import Article
    >>> from newsframe.distributed import compute_article_tables
    >>> c = Corpus(Article(i, "", ("Calm.",), metadata={"published": "2024-01-0" + i}) for i in "12")
    >>> over_time_notes(over_time(c, compute_article_tables(c, n_jobs=1)))[0]
    '2 articles from 2024-01-01 to 2024-01-02, in 2 days (2024-01-01 to 2024-01-02).'
    """
    a = result.assign
    cells = _cells(a, result.min_articles)
    span = _span(a)
    groups = _groups(a)
    notes = [
        f"{len(a)} article{'s' if len(a) != 1 else ''} from {a['date'].min():%Y-%m-%d} to {a['date'].max():%Y-%m-%d}, "
        f"in {len(span)} {result.period}{'s' if len(span) != 1 else ''} "
        f"({span['period'].iloc[0]} to {span['period'].iloc[-1]})"
        + (f" and {len(groups)} groups of '{result.column}'." if result.column else "."),
        f"{int(cells['thin'].sum())} of {len(cells)} period-and-group cells with articles have "
        f"fewer than {result.min_articles} articles (thin: drawn hollow, no line through them); "
        f"{len(span) * len(groups) - len(cells)} cells have none.",
    ]
    if (~cells["thin"]).sum() == 0:
        notes.append(
            f"No period has {result.min_articles} or more articles in any group: there are too "
            "few articles per period to describe change; the figures show single articles."
        )
    tr = result.trends
    if tr.empty or tr["p_value"].isna().all():
        notes.append("No trend can be tested: no group has articles in two or more periods.")
        return notes
    floor = float(tr["p_floor"].min())
    change = tr[tr["claim"] == "change"]
    notes.append(
        f"{int(tr['p_value'].notna().sum())} trend tests (slope over periods, articles permuted); "
        f"the smallest p any of them can reach is {floor:.3g}. "
        + (
            "Changes that survive the Benjamini–Hochberg adjustment: "
            + "; ".join(
                f"{r.measure} {r.item} in {r.group} ({r.first_period}–{r.last_period}, slope "
                f"{r.slope_per_period:+.3g} per {result.period}, p = {r.p_value:.3g})"
                for r in change.itertuples()
            )
            + "."
            if len(change)
            else "None survives the Benjamini–Hochberg adjustment: no change over time is claimed."
        )
    )
    return notes
