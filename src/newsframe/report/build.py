"""Build the report: every table, figure and caveat behind ``newsframe report``.

:func:`build_report` loads a corpus, computes the tables of each analysis once, draws the
figures, writes ``tables/*.csv``, ``figures/*.png|svg``, ``summary.json`` and a self-contained
``index.html`` (:mod:`newsframe.report.html`). Nothing is written until everything has been
computed, and then into a fresh folder that replaces ``out`` only at the end, so bad input
leaves no half-written report behind.
"""

from __future__ import annotations

import functools
import hashlib
import json
import sys
import warnings
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from newsframe._version import __version__
from newsframe.alignment import align_sentences, near_duplicates, sentence_facts
from newsframe.corpus import Article, Corpus, load_corpus
from newsframe.discovery import with_text_actors
from newsframe.distributed import (
    check_scheduler,
    compute_article_tables,
    dask_client,
    load_corpus_distributed,
)
from newsframe.errors import InputError, NewsframeError, NewsframeWarning
from newsframe.framing import (
    alias_overlaps,
    frame_drivers,
    frame_evidence,
    naming_evidence,
    restore_naming_zeros,
    restore_prominence_zeros,
)
from newsframe.groups import (
    actor_sentiment_by_group,
    cleaning_by_group,
    compare_group_sentiment,
    comparison_pair,
    figure_rows,
    frames_by_group,
    group_keyness,
    group_sentiment,
    naming_by_group,
    prominence_by_group,
    terms_by_group,
    verbs_by_group,
    voice_by_group,
)
from newsframe.language import language_name
from newsframe.omission import (
    NUMBER_THRESHOLD,
    actor_omissions,
    coverage,
    fact_pair,
    group_omissions,
    number_differences,
    omission_summary,
    omissions,
)
from newsframe.parallel import map_slices, n_workers
from newsframe.periods import PERIODS, over_time, parse_published
from newsframe.plots import framing as fplots
from newsframe.plots import save_figure
from newsframe.plots import sentiment as splots
from newsframe.plots.corpus import cleaning_figure
from newsframe.plots.groups import plot_group_grid, plot_group_intervals
from newsframe.plots.selection import alignment_map_figure, coverage_figure, group_omission_figure
from newsframe.plots.terms import plot_keyness, plot_term_frequencies
from newsframe.plots.time import over_time_figures
from newsframe.progress import progress_bar
from newsframe.report import output
from newsframe.report.csvtext import csv_bytes
from newsframe.report.html import Block, Section, render_page
from newsframe.sentiment import exclusion_effect, sentiment_drivers
from newsframe.sentiment.summary import MIN_SENTENCES
from newsframe.sources import TABLE_SUFFIXES
from newsframe.strata import (
    compare_sentiment_within,
    confounding,
    frames_within,
    keyness_within,
    naming_within,
    strata_of,
    voice_within,
)
from newsframe.terms import critical_g2, key_terms, keyness

__all__ = ["ReportPlan", "build_report", "plan_comparison"]

Tables = dict[str, pd.DataFrame]
_MANIFEST_NAMES = ("manifest.csv", "articles.csv")


# --- input, output and sides -------------------------------------------------------------


def resolve_source(source: str | Path | Sequence[str | Path]) -> str | Path | list[Path]:
    """Return what :func:`load_corpus` should read: a folder's ``manifest.csv``/``articles.csv``
    when it has one, else the folder, the manifest or the files themselves."""
    if isinstance(source, str | Path):
        path = Path(source)
        if path.is_dir():
            for name in _MANIFEST_NAMES:
                if (path / name).is_file():
                    return path / name
        if not path.exists():
            raise InputError(path, "no such file or folder")
        return path
    return [Path(p) for p in source]


def _load(source: str | Path | Sequence[str | Path], n_jobs: int | None, story: Any) -> Corpus:
    resolved = resolve_source(source)
    if (
        isinstance(resolved, Path)
        and resolved.is_file()
        and resolved.suffix.lower() not in TABLE_SUFFIXES
    ):
        resolved = [resolved]
    return load_corpus(resolved, n_jobs=n_jobs, story=story)


@dataclass(frozen=True)
class ReportPlan:
    """What is compared: the grouping column of the overviews (or None), the two sides' article
    ids, and whether the sides are two groups of that column (``by_group``) or two articles."""

    group: str | None
    label_a: str
    label_b: str
    ids_a: tuple[str, ...]
    ids_b: tuple[str, ...]
    groups: dict[str, tuple[str, ...]] = field(default_factory=dict)
    slug: str = ""
    reason: str = ""  # why these two: named by the user, by the story file, or the largest two
    by_group: bool = False
    within: str | None = None  # the stratum column (e.g. story) the groups are compared within

    @property
    def unit(self) -> str:
        """``"sentence"`` when one article faces one article, else ``"article"``."""
        return "sentence" if len(self.ids_a) == 1 and len(self.ids_b) == 1 else "article"


def _slug(text: str) -> str:
    keep = "".join(c if c.isalnum() or c in "-." else "-" for c in text.strip().lower())
    return "-".join(filter(None, keep.split("-")))[:60] or "x"


def plan_comparison(
    corpus: Corpus, *, group: str | None = None, compare: Sequence[str] | None = None
) -> ReportPlan:
    """Return the sides to compare (:func:`newsframe.comparison_pair`): two groups of ``group``
    (default: the story's column, else ``group`` when the manifest has one; by default the two
    with the most articles), or two articles.

    A compared group needs at least two articles (one article is not a group): when no two
    groups have two, the default compares one article of each of the two largest groups, and
    every group still gets its overview (``group`` of the plan is the grouping column,
    ``by_group`` False).

    >>> c = Corpus([Article("a", "", ("x.",)), Article("b", "", ("y.",))])
    >>> plan_comparison(c).slug
    'a_vs_b'
    """
    if len(corpus) < 2:
        raise NewsframeError("a report compares articles: the corpus needs at least two")
    pair = comparison_pair(corpus, list(compare) if compare else None, column=group)
    chosen = bool(compare or getattr(corpus.story, "compare", ()))
    if pair.column and not chosen and min(len(pair.corpus_a), len(pair.corpus_b)) < 2:
        # no two groups of two articles: one article of each of the two largest groups
        pair = comparison_pair(corpus, [pair.corpus_a.ids[0], pair.corpus_b.ids[0]])
    column = pair.column or _grouping_column(corpus, group)
    groups: dict[str, tuple[str, ...]] = {}
    if column:
        groups = {name: tuple(part.ids) for name, part in corpus.groups(column).items()}
    if pair.column:
        small = [n for n in (pair.a, pair.b) if len(groups[n]) < 2]
        if small:
            raise NewsframeError(
                f"group {small[0]!r} of {pair.column!r} has one article: a group comparison needs "
                "at least two per side (compare two articles with --compare instead)"
            )
    if compare:
        reason = "named with --compare"
    elif getattr(corpus.story, "compare", ()):
        reason = "named by the story file's compare"
    elif pair.column:
        reason = f"the two largest groups of '{pair.column}'"
    elif column:
        reason = f"one article of each of the two largest groups of '{column}': no two have two"
    else:
        reason = "the first two articles"
    return ReportPlan(
        column,
        pair.a,
        pair.b,
        tuple(pair.corpus_a.ids),
        tuple(pair.corpus_b.ids),
        groups,
        pair.slug,
        reason,
        by_group=pair.column is not None,
    )


def _grouping_column(corpus: Corpus, group: str | None) -> str | None:
    """The column whose groups get overviews when two articles are compared: ``group`` or the
    corpus's default, if it holds two or more groups and every article has a value."""
    try:
        column = group or corpus.group_column
        return column if column and len(corpus.groups(column)) >= 2 else None
    except InputError:  # a column with holes, or not a column: no overviews
        return None


#: Columns a table preview shows, in this order, when the table has them (the CSV keeps all).
PREVIEW_COLUMNS = (
    "side", "group", "article_id", "reference", "line_no", "reason", "title", "outlet",
    "published", "actor", "statistic", "value", "n_sentences", "value_a", "value_b", "difference", "ci_low", "ci_high",
    "p_value", "p_floor", "unit", "effect_size", "term", "key_for", "count_a", "count_b",
    "articles_a", "articles_b", "log_ratio", "g2", "p_bh", "logodds_z", "speaker_name",
    "speaker", "verb", "verb_class", "kind", "quote_words", "quoted_words", "share_of_quoted",
    "concept", "variant", "count", "first_used", "name", "mentions", "quoted",
    "omitted", "scheme", "frame", "hits", "per_1000", "word", "valence", "mean_shift",
    "sentences", "words", "removed_lines", "lines", "text", "quote", "shared", "only_here",
)  # fmt: skip
MAX_PREVIEW_COLUMNS = 9
#: Key columns a preview hides when the table holds the name they key ("greg_abbott" beside
#: "Greg Abbott"): a reader reads names; the CSV keeps the key for joins.
NAMED_KEYS = {"speaker": "speaker_name", "actor": "name", "actor_id": "name"}

# --- collecting tables, figures and prose -----------------------------------------------


@dataclass
class _Report:
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    figures: dict[str, Any] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)

    def table(self, name: str, frame: pd.DataFrame) -> str:
        name = output.file_name(name)
        self.tables[name] = frame
        return f"tables/{name}.csv"

    def figure(self, name: str, fig: Any, caption: str) -> Block:
        name = output.file_name(name)
        self.figures[name] = fig
        return Block("figure", caption, image=Path("figures") / f"{name}.png")

    def preview(self, name: str, frame: pd.DataFrame, title: str = "", rows: int = 12, *,
                per_group: int = 0, columns: Sequence[str] = (),
                show: Sequence[str] = ()) -> Block:  # fmt: skip
        """Keep ``frame`` as ``tables/<name>.csv``; show its first rows and its main columns.

        A table with a ``group`` column longer than ``rows`` shows its first rows of each group
        (``per_group``, default ``rows`` shared out over the groups), never one group only;
        ``columns`` are shown too, after the usual ones; ``show`` names exactly the columns
        shown, in order. A key column is not shown beside the name it keys
        (:data:`NAMED_KEYS`: "speaker" beside "speaker_name").
        """
        csv = self.table(name, frame)
        keep = [c for c in PREVIEW_COLUMNS if c in frame.columns]
        keep += [c for c in columns if c in frame.columns and c not in keep]
        if show:
            keep = [c for c in show if c in frame.columns]
        if len(keep) < 3:
            keep = list(frame.columns[:MAX_PREVIEW_COLUMNS])
        shown = frame[[c for c in keep if NAMED_KEYS.get(c) not in frame.columns]]  # names
        if not per_group and "group" in frame.columns and len(frame) > rows:
            groups = frame["group"].nunique()
            per_group = max(2, rows // groups) if groups > 1 else 0
        return Block("table", title, table=shown, csv=csv, rows=rows, per_group=per_group)


def _shown(table: pd.DataFrame, plan: ReportPlan) -> pd.DataFrame:
    """Rows of the articles a per-article figure shows: all when few, else the compared sides'
    (:func:`newsframe.groups.figure_rows`)."""
    return figure_rows(table, (plan.ids_a, plan.ids_b))


def _pair_note(plan: ReportPlan) -> str:
    """Which pair is compared and why, e.g. `` (vestria vs mardonia: the story file's compare)``."""
    return f" ({plan.label_a} vs {plan.label_b}: {plan.reason})" if plan.reason else ""


def _overview(r: _Report, plan: ReportPlan, measure: str, table: pd.DataFrame, caption: str, *,
              title: str, columns: Sequence[str] = (), cells: pd.DataFrame | None = None,
              **grid: Any) -> list[Block]:  # fmt: skip
    """The overview of every group for one measure: figure and table ``<measure>__by_<column>``
    (nothing without a grouping column). ``grid`` goes to :func:`plot_group_grid`, which draws
    ``cells`` when given (every group's value of the items ``table`` lists); without ``grid``
    the table is one value per group with an interval (:func:`plot_group_intervals`)."""
    if not plan.group or table.empty:
        return []
    name = f"{measure}__by_{_slug(plan.group)}"
    if grid:
        fig = plot_group_grid(table if cells is None else cells, title=title, **grid)
    else:
        fig = plot_group_intervals(table, title=title, label="mean VADER compound")
    n = sum(map(len, plan.groups.values()))
    caption += f" Every group of '{plan.group}' ({len(plan.groups)} groups, {n} articles)."
    if grid:  # each group's rows together, largest value first: its top rows are its largest
        rank = pd.DataFrame({"g": pd.factorize(table["group"])[0],
                             "v": -table[grid["value"]].abs().to_numpy(float)})  # fmt: skip
        table = table.iloc[np.lexsort((rank["v"], rank["g"]))].reset_index(drop=True)
    return [r.figure(name, fig, caption),
            r.preview(name, table, f"{title}: every group", 20, columns=columns)]  # fmt: skip


def _drawn(table: pd.DataFrame, plan: ReportPlan) -> str:
    """The end of a per-article figure's caption: which articles it draws, and why."""
    total = table["article_id"].nunique() if "article_id" in table else 0
    shown = _shown(table, plan)["article_id"].nunique() if total else 0
    if shown == total:
        return f"; all {total} articles."
    return (f"; {shown} of {total} articles are drawn: those of the compared sides, "
            f"{plan.label_a} and {plan.label_b} ({plan.reason}). Every group: see the overview "
            "by group.")  # fmt: skip


def _sides(corpus: Corpus, plan: ReportPlan) -> tuple[list[Article], list[Article]]:
    return [corpus[i] for i in plan.ids_a], [corpus[i] for i in plan.ids_b]


def _corpus_section(r: _Report, corpus: Corpus, plan: ReportPlan) -> None:
    # every manifest column, the grouping one included (Corpus.to_frame keeps them all)
    frame = corpus.to_frame().drop(columns=["source_path", "sha256"], errors="ignore")
    summary = corpus.removal_summary()
    removed = corpus.removed_frame()
    skipped, duplicates = corpus.skipped_rows(), corpus.duplicate_texts()
    kept = int(summary.loc[summary["reason"] == "kept: article body", "words"].sum())
    dropped = int(summary.loc[summary["reason"] != "kept: article body", "words"].sum())
    outlets = sorted({a.outlet for a in corpus if a.outlet})
    share = dropped / (kept + dropped) if kept + dropped else 0.0
    text = (
        f"{len(corpus)} articles"
        + (f" from {len(outlets)} outlet{'s' if len(outlets) > 1 else ''}" if outlets else "")
        + (f" in {len(plan.groups)} groups of '{plan.group}'" if plan.group else "")
        + f". Cleaning kept {kept:,} words of article body and removed {dropped:,} words "
        f"({share:.0%}) of page chrome in {len(removed):,} lines; every removed line is listed "
        "with its reason." + _loading_note(corpus, skipped, duplicates)
    )
    r.summary["corpus"] = {"articles": len(corpus), "outlets": len(outlets), "words_kept": kept,
                           "words_removed": dropped}  # fmt: skip
    blocks = [
        Block("text", text),
        r.preview("articles", frame, "Articles", rows=20),
        r.figure(
            "cleaning__words_kept_and_removed",
            cleaning_figure(_shown(summary, plan)),
            "Words kept as article body and removed as page chrome, by reason"
            + _drawn(summary, plan),
        ),
        *_overview(
            r,
            plan,
            "cleaning",
            cleaning_by_group(summary, corpus, column=plan.group) if plan.group else pd.DataFrame(),
            "Words kept and removed, by reason.",
            item="reason",
            value="words",
            title="Words kept and removed by the cleaner",
            label="words",
        ),
        r.preview("cleaning_summary", summary, "What cleaning removed, by reason", rows=15),
        r.preview("removed_lines", removed, "Removed lines (the audit)", rows=25),
    ]
    if len(skipped):
        blocks.append(r.preview("skipped_rows", skipped, "Table rows left out", rows=25))
    if len(duplicates):
        blocks.append(r.preview("duplicate_texts", duplicates, "Repeated texts", rows=25))
    r.summary["corpus"].update(skipped_rows=len(skipped), duplicate_texts=len(duplicates))
    r.sections.append(Section("corpus", "Corpus and cleaning audit", blocks))


def _loading_note(corpus: Corpus, skipped: pd.DataFrame, duplicates: pd.DataFrame) -> str:
    """What loading did besides cleaning: text taken as given, rows left out, repeated texts."""
    given = sum(1 for a in corpus if not a.cleaned)
    notes = []
    if given:
        notes.append(
            f"{given:,} article{'s' if given > 1 else ''} came from a table as extracted text and "
            f"{'were' if given > 1 else 'was'} taken as given, without page cleaning (--clean cleans it)"
        )
    if len(skipped):
        rows = f"{len(skipped):,} table row{'s were' if len(skipped) > 1 else ' was'}"
        notes.append(f"{rows} left out as not articles (listed below)")
    if len(duplicates):
        dropped = int((~duplicates["counted"]).sum())
        copies = f"{len(duplicates):,} article{'s repeat' if len(duplicates) > 1 else ' repeats'}"
        notes.append(
            f"{copies} an earlier article's text"
            + (
                f" ({dropped:,} left out so that each text counts once, --dedupe)"
                if dropped
                else " (each counted; --dedupe counts them once)"
            )
        )
    return "".join(f" {note[0].upper()}{note[1:]}." for note in notes)


#: Key terms each side lists, drawn in the keyness figure (the same rows).
TOP_KEY_TERMS = 12


def _top_terms(rows: pd.DataFrame) -> list[str]:
    return [
        f"{t} ({a:g}:{b:g})"
        for t, a, b in rows[["term", "count_a", "count_b"]].itertuples(index=False)
    ]


def _ranking_note(key: pd.DataFrame, top: dict[str, pd.DataFrame]) -> str:
    """Say what Log Ratio and the log-odds z answer, with an inversion from this table if any."""
    text = (
        "Two rankings answer two questions. Log Ratio (Hardie 2014; the figure and the lists "
        "above) answers 'how many times more often does one side use the term?', an effect size "
        "blind to how much evidence there is. The log-odds z (Monroe, Colaresi & Quinn 2008; "
        "column logodds_z) answers 'how sure can we be that the two rates differ?', with each "
        "term's counts shrunk towards its frequency in general English: a word that is rare in "
        "English (a name, a phrase of the story) and absent from one side gets a wide interval "
        "and a small z however often the other side uses it."
    )
    for rows in top.values():
        absent = rows[(rows["count_a"] == 0) | (rows["count_b"] == 0)]
        for x in absent.itertuples(index=False):
            beaten = rows[(rows["logodds_z"].abs() > abs(x.logodds_z))
                          & (rows["log_ratio"].abs() < abs(x.log_ratio))]  # fmt: skip
            if len(beaten):
                y = beaten.iloc[0]
                return text + (
                    f" Here '{x.term}' ({x.count_a}:{x.count_b}) has z = {abs(x.logodds_z):.2f} "
                    f"while '{y['term']}' ({y['count_a']}:{y['count_b']}) has z = "
                    f"{abs(y['logodds_z']):.2f}. The column disagree flags "
                    f"{int(key['disagree'].sum())} term(s) the rankings place far apart."
                )
    return text


def _terms_section(r: _Report, corpus: Corpus, plan: ReportPlan, base: Tables) -> pd.DataFrame:
    freqs = base["term_frequencies"]
    top_terms, term_cells = pd.DataFrame(), None
    if plan.group:  # each group's top 10; the figure draws every group's rate of those terms
        top_terms = terms_by_group(freqs, corpus, column=plan.group)
        term_cells = terms_by_group(freqs, corpus, column=plan.group, terms=top_terms["term"])
    if plan.by_group:
        key = group_keyness(corpus, column=plan.group, compare=[plan.label_a, plan.label_b])
    else:
        side_a, side_b = _sides(corpus, plan)
        key = keyness(side_a, side_b, resources=corpus.resources)
    label_a, label_b = str(key["article_id"].iloc[0]), str(key["reference"].iloc[0])
    bar = critical_g2(len(key))
    passing = int((key["g2"] > bar).sum())
    top = key_terms(key, top_n=TOP_KEY_TERMS)
    top_a, top_b = _top_terms(top[label_a]), _top_terms(top[label_b])
    r.summary["keyness"] = {
        "a": plan.label_a, "b": plan.label_b, "unit": "tokens pooled per side",
        "terms_tested": len(key), "n_a": int(key["n_a"].iloc[0]), "n_b": int(key["n_b"].iloc[0]),
        "bonferroni_g2": round(float(bar), 4), "terms_passing_bonferroni": passing,
        "top_a": top[label_a]["term"].tolist(), "top_b": top[label_b]["term"].tolist(),
    }  # fmt: skip
    blocks = [
        r.figure(
            "term_frequencies__top15_per_article",
            plot_term_frequencies(_shown(freqs, plan), top_n=15),
            "The 15 most frequent lemmas of each article per 1,000 tokens (stopwords left out)"
            + _drawn(freqs, plan),
        ),
        *_overview(
            r,
            plan,
            "term_frequencies",
            top_terms,
            "The lemmas most frequent in the groups, per 1,000 tokens of each group (the "
            "table lists each group's top 10; the figure each group's rate of the terms drawn, "
            "blank where it never uses one).",
            cells=term_cells,
            item="term",
            value="per_1000",
            digits=1,
            label="per 1,000 tokens",
            title="Most frequent lemmas per 1,000 tokens",
        ),
        Block(
            "text",
            f"Keyness of {plan.label_a} against {plan.label_b} ({len(plan.ids_a)} vs "
            f"{len(plan.ids_b)} articles; {int(key['n_a'].iloc[0]):,} vs "
            f"{int(key['n_b'].iloc[0]):,} tokens). Terms are ranked by effect size (Log Ratio). "
            f"{len(key):,} terms were tested; the Bonferroni bar is G² > {bar:.1f} and "
            f"{passing} term(s) pass it.",
        ),
        Block(
            "list",
            items=[
                f"Key for {plan.label_a} (top {TOP_KEY_TERMS} by Log Ratio; counts "
                f"{plan.label_a}:{plan.label_b}): {', '.join(top_a) or 'none'}",
                f"Key for {plan.label_b} (top {TOP_KEY_TERMS} by Log Ratio; counts "
                f"{plan.label_a}:{plan.label_b}): {', '.join(top_b) or 'none'}",
            ],
        ),
        r.figure(
            f"keyness__{plan.slug}",
            plot_keyness(key, top_n=TOP_KEY_TERMS),
            "Terms ranked by Hardie's Log Ratio, with counts and G²" + _pair_note(plan) + ".",
        ),
        Block("text", _ranking_note(key, top)),
        r.preview(f"keyness__{plan.slug}", key, "Keyness table (top rows)", rows=15),
    ]
    r.table("term_frequencies", freqs)
    if plan.group and len(plan.groups) > 2:
        stacked = group_keyness(corpus, column=plan.group, vs_rest=True)
        stacked = stacked.groupby("group", sort=False).head(25).reset_index(drop=True)
        blocks.append(
            r.preview(
                "keyness__each_group_vs_rest",
                stacked,
                "Each group against all the others (top 5 rows per group shown; 25 per group in "
                "the CSV)",
                per_group=5,
            )
        )
    r.sections.append(Section("terms", "Term frequencies and keyness", blocks))
    return key


def _too_short(sentences: pd.DataFrame, plan: ReportPlan) -> str:
    """Why the two compared articles cannot be compared sentence by sentence, or ``""``.

    With one article a side the sentence is the unit and each side needs
    :data:`~newsframe.sentiment.summary.MIN_SENTENCES` sentences
    (:func:`newsframe.compare_sentiment`); with more, the article is the unit and any count
    will do.
    """
    if plan.unit != "sentence":
        return ""
    counts = sentences["article_id"].value_counts()
    short = [(label, ids[0], int(counts.get(ids[0], 0)))
             for label, ids in ((plan.label_a, plan.ids_a), (plan.label_b, plan.ids_b))
             if counts.get(ids[0], 0) < MIN_SENTENCES]  # fmt: skip
    if not short:
        return ""
    sides = " and ".join(
        f"{label}"
        + (f" (article {i})" if label != i else "")
        + f" has {n} sentence"
        + ("" if n == 1 else "s")
        for label, i, n in short
    )
    return (f"The sentiment comparison of {plan.label_a} and {plan.label_b} is left out: "
            f"{sides}; comparing one article with another, sentence by sentence, needs at "
            f"least {MIN_SENTENCES} sentences on each side.")  # fmt: skip


def _sentiment_section(r: _Report, corpus: Corpus, plan: ReportPlan, base: Tables) -> pd.DataFrame:
    sentences = base["sentences"]
    summary = base["sentiment_summary"]
    too_short = _too_short(sentences, plan)
    if too_short:  # the rest of the section still stands; the page and caveats say why
        comparison = pd.DataFrame()
        r.summary["sentiment"] = {"a": plan.label_a, "b": plan.label_b, "unit": plan.unit,
                                  "left_out": too_short}  # fmt: skip
        compared_blocks = [Block("warning", too_short)]
    else:
        comparison, compared_blocks = _compared(r, corpus, plan, sentences)
    actors = base["actor_sentiment"]
    sides = {i: plan.label_a for i in plan.ids_a} | {i: plan.label_b for i in plan.ids_b}
    compared = sentences[sentences["article_id"].isin(sides)]
    drivers = sentiment_drivers(compared, by="side", groups=sides, resources=corpus.resources,
                                   leave_one_out=len(compared) <= MAX_LEAVE_ONE_OUT)  # fmt: skip
    exclude = sorted(corpus.resources.sentiment_exclude)
    coverage = base["sentiment_coverage"]
    r.table("sentences", sentences)
    near = (actor_sentiment_by_group(actors, corpus, column=plan.group) if plan.group
            else pd.DataFrame())  # fmt: skip
    blocks = [
        Block(
            "text",
            "Every sentence is scored with VADER (Hutto & Gilbert 2014); articles are summarised "
            "from their sentences, never scored whole. VADER knows general English, not the "
            "story: read the coverage table and the words that drive each score.",
        ),
        r.figure(
            "sentiment__sentences",
            splots.plot_sentence_scores(_shown(sentences, plan), _shown(summary, plan)),
            "VADER compound of every sentence, per article" + _drawn(sentences, plan),
        ),
        *_overview(
            r,
            plan,
            "sentiment",
            _group_means(sentences, corpus, plan),
            "Mean sentence compound of each group: the mean over its articles of each "
            "article's mean, with a cluster-bootstrap 95% interval (articles resampled). A "
            "group of one or two articles is hollow: resampling two articles only spans their "
            "two means, and one article's interval resamples its sentences (column unit).",
            title="Mean sentence compound by group",
        ),
        r.preview(
            "sentiment_summary",
            summary,
            "Summary per article (bootstrap intervals over sentences)",
            20,
        ),
        *compared_blocks,
        r.figure(
            "sentiment__actors",
            splots.plot_actor_sentiment(_shown(actors, plan)),
            "Mean compound of sentences mentioning each actor (not stance toward it)"
            + _drawn(actors, plan),
        ),
        *_overview(
            r,
            plan,
            "sentiment_actors",
            near,
            "Mean compound of the sentences mentioning each actor, per group (not "
            "stance toward it); n = sentences.",
            note=near["n_sentences"].map("n={}".format) if len(near) else None,
            weight="n_sentences",
            item="actor",
            value="value",
            diverging=True,
            digits=2,
            label="mean VADER compound",
            title="Sentiment near each actor",
        ),
        r.preview("sentiment_actors", actors, "Sentiment near each actor", 15),
        r.preview("sentiment_coverage", coverage, "How much of each article VADER can see", 15),
    ]
    blocks.append(
        Block(
            "text",
            "What drives the scores: for each compared side, the lexicon words VADER read, their "
            "valence and count, and how far the side's mean compound moves when the word is left "
            "out of the lexicon. Topic words that are not sentiment (a story file's "
            f"[sentiment] exclude: {', '.join(exclude) or 'none given'}) can be left out.",
        )
    )
    if drivers["mean_shift"].notna().any() and len(drivers):
        blocks.append(r.figure(f"sentiment__drivers__{plan.slug}",
                               splots.plot_sentiment_drivers(drivers),
                               "Words that move each side's mean sentence compound most"
                               + _pair_note(plan) + "."))  # fmt: skip
    blocks.append(r.preview(f"sentiment__drivers__{plan.slug}", drivers,
                            "Sentiment drivers (words, valence, count, shift of the mean)", 20))  # fmt: skip
    if exclude:
        effect = exclusion_effect(compared, by="side", groups=sides,
                                     resources=corpus.resources)  # fmt: skip
        blocks.append(r.preview("sentiment__exclusion_effect", effect,
                                "Before and after leaving the story's topic words out", 10))  # fmt: skip
    s = r.summary["sentiment"]
    if not too_short and s["p_floor"] > 0.05:
        blocks.insert(4, Block("warning", f"With {s['n_a']} against {s['n_b']} {s['unit']}s, no "
                               f"test can reach p < .05 (floor {s['p_floor']:.3g}): read the "
                               "difference as a description, not as evidence."))  # fmt: skip
    r.sections.append(Section("sentiment", "Sentiment, sentence by sentence", blocks))
    return comparison


def _compared(
    r: _Report, corpus: Corpus, plan: ReportPlan, sentences: pd.DataFrame
) -> tuple[pd.DataFrame, list[Block]]:
    """The sentiment comparison of the two sides: its table, its line on the page and its
    numbers in ``r.summary["sentiment"]``."""
    with warnings.catch_warnings():  # the page states the p floor itself
        warnings.simplefilter("ignore", NewsframeWarning)
        comparison = compare_group_sentiment(
            sentences,
            corpus,
            [plan.label_a, plan.label_b],
            column=plan.group if plan.by_group else None,
        )
    mean = comparison[comparison["statistic"] == "mean_compound"].iloc[0]
    unit = str(mean["unit"])
    if unit == "article":
        n_a, n_b = int(mean["n_articles_a"]), int(mean["n_articles_b"])
    else:
        n_a, n_b = int(mean["n_sentences_a"]), int(mean["n_sentences_b"])
    floor = float(mean["p_floor"])
    r.summary["sentiment"] = {
        "a": plan.label_a, "b": plan.label_b, "unit": unit, "n_a": n_a, "n_b": n_b,
        "difference_mean_compound": round(float(mean["difference"]), 6),
        "ci": [round(float(mean["ci_low"]), 6), round(float(mean["ci_high"]), 6)],
        "p_value": round(float(mean["p_value"]), 6), "p_floor": round(floor, 8),
    }  # fmt: skip
    return comparison, [
        Block(
            "text",
            f"{plan.label_a} − {plan.label_b}: mean compound difference {mean['difference']:+.3f} "
            f"[{mean['ci_low']:+.3f}, {mean['ci_high']:+.3f}], p = {mean['p_value']:.3g} "
            f"(unit: {unit}s, {n_a} vs {n_b}; the smallest p this design can reach is "
            f"{floor:.3g}).",
        ),
        r.preview(
            f"sentiment__difference__{plan.slug}", comparison, f"Comparison{_pair_note(plan)}"
        ),
    ]


def _group_means(sentences: pd.DataFrame, corpus: Corpus, plan: ReportPlan) -> pd.DataFrame:
    """Each group's mean compound (mean of article means) with its interval, or nothing."""
    if not plan.group:
        return pd.DataFrame()
    table = group_sentiment(sentences, corpus, column=plan.group)
    return table[table["statistic"] == "mean_compound"].reset_index(drop=True)


def _framing_section(r: _Report, corpus: Corpus, plan: ReportPlan, base: Tables) -> None:
    naming = base["naming_variants"]
    attrib = base["attributions"]
    voice = base["share_of_voice"]
    prominence = base["actor_prominence"]
    positions = base["actor_positions"]
    frames = base["frame_dimensions"]
    marks = base["distancing_marks"]
    blocks: list[Block] = []
    used = naming[naming["count"] > 0]
    concepts = list(dict.fromkeys(used["concept"]))
    # the per-article tables are sparse (no zero rows): the figures draw the shown articles with
    # their zeros restored, and name every article of the corpus in their captions
    every = pd.DataFrame({"article_id": corpus.ids})
    shown = corpus.subset(_shown(every, plan)["article_id"])
    if concepts:
        drawn = restore_naming_zeros(naming[naming["article_id"].isin(shown.ids)], shown)
        for concept in concepts[:3]:
            blocks.append(r.figure(f"naming_variants__{_slug(concept)}__per_article",
                                   fplots.plot_naming_variants(drawn, concept=concept),
                                   f"What each article calls '{concept}', and which name comes first"
                                   + _drawn(every, plan)))  # fmt: skip
    else:
        blocks.append(Block("text", "No naming concept of the story's configuration occurs in "
                            "these articles; add the story's competing names to a story file."))  # fmt: skip
    blocks.append(r.preview("naming_variants", used, "Names used", 20))
    blocks.extend(_naming_overview(r, corpus, plan, naming))
    if len(attrib):
        blocks.append(r.figure("attribution_verbs__per_speaker__per_article",
                               fplots.plot_attribution_verbs(_shown(attrib, plan)),
                               "Who is quoted or paraphrased, and with which reporting verb"
                               + _drawn(attrib, plan)))  # fmt: skip
        blocks.append(r.figure("share_of_voice__quoted_words__per_article",
                               fplots.plot_share_of_voice(_shown(voice, plan)),
                               "Quoted words per speaker" + _drawn(voice, plan)))  # fmt: skip
    blocks.append(r.preview("attributions", attrib, "Attributions", 20))
    blocks.append(r.preview("share_of_voice", voice, "Share of voice", 20))
    if plan.group and len(attrib):
        blocks.extend(_overview(r, plan, "attribution_verbs",
                                verbs_by_group(attrib, corpus, column=plan.group),
                                "Attributions by reporting-verb class, per group.",
                                item="verb_class", value="attributions", label="attributions",
                                title="Reporting verbs by class"))  # fmt: skip
        blocks.extend(_overview(r, plan, "share_of_voice",
                                voice_by_group(voice, corpus, column=plan.group),
                                "Words quoted from each speaker, per group.",
                                item="speaker_name", value="quoted_words", label="quoted words",
                                title="Share of voice: quoted words per speaker"))  # fmt: skip
    drawn = restore_prominence_zeros(prominence[prominence["article_id"].isin(shown.ids)], shown)
    positions = positions[positions["article_id"].isin(shown.ids)]
    blocks.append(r.figure("actor_prominence__dispersion__per_article",
                           fplots.plot_actor_prominence(positions, drawn),
                           "Where each actor is mentioned in each article"
                           + _drawn(every if len(drawn) else drawn, plan)))  # fmt: skip
    blocks.append(r.preview("actor_prominence", prominence, "Actor prominence", 20))
    if plan.group:
        blocks.extend(_overview(r, plan, "actor_prominence",
                                prominence_by_group(prominence, corpus, column=plan.group),
                                "Mentions of each actor per 1,000 body words, per group.",
                                item="name", value="per_1000", digits=1, label="per 1,000 words",
                                title="Actor mentions per 1,000 words"))  # fmt: skip
    blocks.append(r.figure("frame_dimensions__per_article", fplots.plot_frame_dimensions(_shown(frames, plan)),
                           "Frame dictionary hits per 1,000 words, with intervals" + _drawn(frames, plan)))  # fmt: skip
    blocks.append(r.preview("frame_dimensions", frames[frames["hits"] > 0], "Frames found", 20))
    if plan.group:
        by_group = frames_by_group(frames, corpus, column=plan.group)
        blocks.extend(_overview(r, plan, "frame_dimensions", by_group[by_group["hits"] > 0],
                                "Frame dictionary hits per 1,000 body words, per group.",
                                item="label", value="per_1000", digits=1, label="per 1,000 words",
                                title="Frames per 1,000 words"))  # fmt: skip
    sides = {i: plan.label_a for i in plan.ids_a} | {i: plan.label_b for i in plan.ids_b}
    evidence = frame_evidence(corpus.subset(list(sides)), resources=corpus.resources)
    blocks.append(r.preview("frame_drivers", frame_drivers(evidence, by="side", groups=sides),
                            "The words behind each frame score, per compared side"
                            + _pair_note(plan), 20))  # fmt: skip
    blocks.append(
        r.preview("distancing_marks", marks, "Distancing: scare quotes, 'so-called', hedges", 15)
    )
    r.sections.append(Section("framing", "Framing devices", blocks))


def _naming_overview(
    r: _Report, corpus: Corpus, plan: ReportPlan, naming: pd.DataFrame
) -> list[Block]:
    """Names by group (the narrator's uses and a source's, in quotations), the evidence sentences
    behind every count, and a warning when an alias sits inside another name."""
    res = corpus.resources
    blocks: list[Block] = []
    overlaps = alias_overlaps(res.naming_concepts, res.actors)
    if len(overlaps):
        pairs = "; ".join(f"'{a}' inside {k} '{o}'" for a, k, o in
                          overlaps[["alias", "inside_kind", "inside"]].head(5).itertuples(index=False))  # fmt: skip
        blocks.append(Block("warning", f"{len(overlaps)} naming alias(es) occur inside another name, "
                            f"so every use of the longer name counts as a use of the alias too: "
                            f"{pairs}. Check tables/naming_alias_overlaps.csv and make the alias "
                            "longer in the story file."))  # fmt: skip
        r.table("naming_alias_overlaps", overlaps)
    kept = _documents_read_again(corpus, plan)  # evidence from documents still in memory
    read = corpus if kept is True else corpus.subset([i for i in corpus.ids if i in kept])
    evidence = naming_evidence(read, resources=res)
    where = "" if len(read) == len(corpus) else f" (the {len(read)} articles this section reads)"
    if plan.group:
        names = naming_by_group(naming, corpus, column=plan.group)
        names = names[
            names.groupby(["concept", "variant"], sort=False)["count"].transform("sum") > 0
        ]
        quoted = int(names["in_quotes"].sum())
        blocks.append(Block("text", f"Names by group: of {int(names['count'].sum())} uses, {quoted} "
                            "are inside a direct quotation (a source's word, column in_quotes) and "
                            f"{int(names['narrator'].sum())} are the outlet's own (narrator). Each "
                            f"use with its sentence{where}: tables/naming_evidence.csv."))  # fmt: skip
        names = names.assign(quoted_note=[f"{q} quoted" if q else "" for q in names["in_quotes"]])
        blocks.extend(_overview(r, plan, "naming_variants", names.drop(columns="quoted_note"),
                                "Uses of each name per group; 'quoted': how many of them are "
                                "inside a direct quotation.", item="variant", value="count",
                                label="uses", note=names["quoted_note"],
                                title="Names used for the story's concepts",
                                columns=("in_quotes", "narrator", "articles_using")))  # fmt: skip
    blocks.append(r.preview("naming_evidence", evidence, "Every name found, with its sentence" + where, 10,
                            show=("article_id", "variant", "matched", "in_quote", "part", "sentence")))  # fmt: skip
    return blocks


#: Leave-one-word-out sentiment drivers rescore every sentence once per lexicon word it holds;
#: above this many compared sentences only the lexicon sums are reported.
MAX_LEAVE_ONE_OUT = 20_000

#: Alignment compares every sentence with every other article: above this many articles the
#: selection section reads the compared sides only, this many articles at most per side.
MAX_ALIGNED_ARTICLES = 200


def _documents_read_again(corpus: Corpus, plan: ReportPlan) -> bool | set[str]:
    """The articles whose analysed documents the sections read after the per-article tables:
    the compared sides (keyness, frame evidence) and the articles the selection section aligns;
    every article when each of several groups is set against the rest (keyness of all)."""
    if plan.group and len(plan.groups) > 2:
        return True
    half = MAX_ALIGNED_ARTICLES // 2
    aligned = (
        corpus.ids
        if len(corpus) <= MAX_ALIGNED_ARTICLES
        else [*plan.ids_a[:half], *plan.ids_b[:half]]
    )
    return {*plan.ids_a, *plan.ids_b, *aligned}


def _align_pair(corpus: Corpus, align: Sequence[str] | str | None) -> tuple[str, str] | None:
    """The two article ids the alignment map must draw, checked; None to choose them."""
    if not align:
        return None
    ids = [v.strip() for v in align.split(",")] if isinstance(align, str) else list(align)
    if len(ids) != 2 or ids[0] == ids[1]:
        raise InputError("align", f"needs two different article ids, got {ids}")
    missing = [i for i in ids if i not in corpus.ids]
    if missing:
        raise InputError("align", f"{missing[0]!r} is not an article id of the corpus")
    return ids[0], ids[1]


def _facts_once(facts: pd.DataFrame, told: pd.DataFrame) -> pd.DataFrame:
    """One row per fact: its text, the articles telling it and how many articles of each group."""
    articles = facts.drop_duplicates(["fact_id", "article_id"]).groupby("fact_id", sort=True)
    wide = told.pivot_table(index="fact_id", columns="group", values="articles", sort=False)
    wide = wide.reindex(columns=list(dict.fromkeys(told["group"]))).round(6)
    out = pd.DataFrame({"fact": told.drop_duplicates("fact_id").set_index("fact_id")["fact"]})
    out["n_articles"] = articles["article_id"].size()
    out["articles"] = articles["article_id"].agg(", ".join)
    out = out.join(wide).reset_index()
    return out.sort_values(["n_articles", "fact_id"], ascending=[False, True], kind="stable",
                           ignore_index=True)  # fmt: skip


def _left_out(actors: pd.DataFrame) -> pd.DataFrame:
    """Per speaker some article quotes: how many articles quote it, and which leave it out
    (neither mention nor quote): no row of zeros."""
    left = actors[actors["omitted"]]
    quoted = actors[actors["quoted"] > 0].groupby("actor", sort=False)["article_id"].nunique()
    out = left.groupby(["actor", "name"], sort=False, as_index=False).agg(
        left_out_by=("article_id", "nunique"), articles_leaving_out=("article_id", ", ".join)
    )
    out.insert(2, "quoted_in", out["actor"].map(quoted).fillna(0).astype(np.int64))
    return out


def _selection_section(r: _Report, corpus: Corpus, plan: ReportPlan,
                       align_pair: Sequence[str] | None = None) -> None:  # fmt: skip
    part = corpus
    note = ""
    if len(corpus) > MAX_ALIGNED_ARTICLES:
        half = MAX_ALIGNED_ARTICLES // 2
        part = corpus.subset([*plan.ids_a[:half], *plan.ids_b[:half]])
        note = (f" With {len(corpus):,} articles, this section reads the compared sides only "
                f"({len(part)} articles).")  # fmt: skip
    by = plan.group
    table = omissions(part, by=by)
    summary = omission_summary(table, by="group" if by else "article_id")
    facts = sentence_facts(part)
    if align_pair:
        a, b = align_pair
        n_facts = len(set(facts.loc[facts["article_id"] == a, "fact_id"])
                          & set(facts.loc[facts["article_id"] == b, "fact_id"]))  # fmt: skip
        why = "named with --align"
    else:
        a, b, n_facts = fact_pair(facts, [i for i in plan.ids_a if i in part.ids],
                                     [i for i in plan.ids_b if i in part.ids])  # fmt: skip
        why = (f"of the articles of {plan.label_a} and {plan.label_b}, the two that share the most "
               "facts")  # fmt: skip
    pair = part.subset([a, b])
    pair_rows = omissions(pair)
    shared = int((~table["only_here"]).sum())
    text = (
        "What each article tells that the others leave out: every body sentence is matched "
        "with its most similar sentence in each other article (TF-IDF over content lemmas, "
        "calibrated threshold); a sentence with no match anywhere is told only there. "
        f"{shared:,} of {len(table):,} sentences are told by at least one other article"
    )
    if by:
        across = int((~table["only_group"]).sum())
        text += (f" (of any group); {across:,} are told by an article of another group. The "
                 "table counts both: shared_with_article and shared_with_group.")  # fmt: skip
    else:
        text += "."
    if n_facts or align_pair:
        drawn = r.figure(
            f"alignment_map__{a}_vs_{b}",
            alignment_map_figure(pair_rows, align_sentences(pair), a, b),
            f"{a} and {b} in reading order ({why}: {n_facts}); bands join sentences that tell "
            "the same thing; the title counts what each tells that the other tells too.",
        )
    else:  # two articles with nothing in common: a map of grey blocks only
        drawn = Block("text", f"No article of {plan.label_a} tells a fact (an aligned "
                      f"sentence) that an article of {plan.label_b} tells, so no alignment map "
                      "is drawn; name two articles with --align to draw one.")  # fmt: skip
    blocks = [
        Block("text", text + note),
        r.preview("omission_summary", summary, "Shared and exclusive sentences", 20),
        drawn,
        r.figure(
            "coverage__articles_by_facts",
            coverage_figure(coverage(part)),
            "Articles × facts (aligned sentences), clustered.",
        ),
    ]
    if by:
        told = group_omissions(part, by=by)
        blocks.append(r.figure(f"omission__facts_per_{_slug(by)}", group_omission_figure(told),
                               "Which group tells which fact."))  # fmt: skip
        r.table("omission__facts_by_group", told)
        blocks.append(r.preview("omission__facts", _facts_once(facts, told),
                                "Facts: each once, with the articles telling it", 15))  # fmt: skip
    actors = actor_omissions(part)
    blocks.append(r.preview("actor_omissions__left_out", _left_out(actors),
                            "Speakers one article quotes and others leave out", 20))  # fmt: skip
    r.table("actor_omissions", actors)
    numbers = number_differences(part)
    blocks.append(r.preview("number_differences", numbers,
                            "Numbers and dates that differ between aligned sentences (similarity "
                            f"≥ {NUMBER_THRESHOLD}, numbers aside)", 15,
                            show=("article_id", "other_id", "similarity", "numbers", "other_numbers",
                                  "only_here", "only_there", "conflict",
                                  "sentence", "other_sentence")))  # fmt: skip
    copies = near_duplicates(part)
    blocks.append(r.preview("near_duplicates", copies, "Shared source: wire copy and reprints", 15))
    r.table("omissions", table)
    r.summary["selection"] = {"sentences": len(table), "shared_with_article": shared,
                              "shared_with_group": int((~table["only_group"]).sum()) if by else None,
                              "articles_read": len(part), "copies": len(copies),
                              "alignment_map": [a, b] if n_facts or align_pair else None,
                              "alignment_map_shared_facts": n_facts}  # fmt: skip
    r.sections.append(Section("selection", "What each article tells and the others leave out",
                              blocks))  # fmt: skip


def _time_preview(r: _Report, name: str, frame: pd.DataFrame, columns: Sequence[str],
                  title: str, rows: int = 20) -> Block:  # fmt: skip
    """Keep ``frame`` as ``tables/<name>.csv``; show ``columns`` of its first rows."""
    csv = r.table(name, frame)
    shown = frame[[c for c in columns if c in frame.columns]]
    return Block("table", title, table=shown, csv=csv, rows=rows)


def _over_time_section(r: _Report, corpus: Corpus, plan: ReportPlan, base: Tables,
                       period: str | None) -> None:  # fmt: skip
    """ "Over time": when the articles carry publication dates (:mod:`newsframe.periods`)."""
    if not any(a.published.strip() for a in corpus):
        return
    try:  # every date given parses (checked before computing); an article without one:
        result = over_time(corpus, base, period=period, column=plan.group)
    except InputError as exc:
        r.sections.append(Section("over-time", "Over time", [Block("warning", f"No over-time "
                                  f"analysis: {exc}. Give every article a date.")]))  # fmt: skip
        return
    cells = ["period", "group"]
    captions = {
        "attention": "Articles per period.",
        "sentiment": "Mean sentence compound per period (articles weighted equally), with a "
        "95% cluster-bootstrap interval (articles resampled within the period).",
        "naming_variants": "Each name's share of the concept's mentions per period.",
        "frame_dimensions": "Share of articles with a hit for the most frequent frames.",
        "share_of_voice": "Share of quoted words per period: the top speakers, the rest pooled.",
    }
    blocks = [Block("list", items=result.notes)]
    for name, fig in over_time_figures(result).items():
        blocks.append(r.figure(name, fig, captions[name.split("__")[0]] + " Hollow points: "
                               f"fewer than {result.min_articles} articles, no line drawn."))  # fmt: skip
    frames = result.frames[result.frames["hits"] > 0]
    keyness = result.keyness
    blocks += [
        _time_preview(r, "attention__over_time", result.attention,
                      [*cells, "articles", "words", "share_of_period", "thin"], "Attention"),
        _time_preview(r, "sentiment__over_time", result.sentiment,
                      [*cells, "mean_compound", "ci_low", "ci_high", "n_articles", "n_sentences",
                       "thin"], "Sentiment per period"),
        _time_preview(r, "naming_variants__over_time", result.naming,
                      [*cells, "concept", "variant", "count", "share", "n_articles", "thin"],
                      "Names per period"),
        _time_preview(r, "frame_dimensions__over_time", frames,
                      [*cells, "scheme", "label", "hits", "per_1000", "share_of_articles",
                       "n_articles", "thin"], "Frames per period (frames with hits)"),
        _time_preview(r, "share_of_voice__over_time", result.voice,
                      [*cells, "speaker_name", "quoted_words", "share_of_quoted", "n_articles",
                       "thin"], "Share of voice per period"),
        _time_preview(r, "keyness__over_time", keyness,
                      ["period", "term", "count_a", "count_b", "n_a", "n_b", "log_ratio", "g2",
                       "articles_a", "n_articles_a"], "Each period against the rest (top terms)"),
        _time_preview(r, "trends__over_time", result.trends,
                      ["measure", "item", "group", "n_articles", "n_periods", "slope_per_period",
                       "p_value", "p_floor", "p_bh", "claim"], "Trend tests (article level)"),
    ]  # fmt: skip
    r.table("periods", result.assign)
    tested = result.trends["p_value"].notna()
    r.summary["over_time"] = {
        "period": result.period, "column": result.column, "min_articles": result.min_articles,
        "periods": int(result.attention["period_index"].nunique()),
        "thin_cells": int(result.sentiment["thin"].sum()), "cells": len(result.sentiment),
        "trend_tests": int(tested.sum()),
        "changes": int((result.trends["claim"] == "change").sum()),
        "p_floor_min": round(float(result.trends.loc[tested, "p_floor"].min()), 8)
        if tested.any() else None,
    }  # fmt: skip
    r.sections.append(Section("over-time", "Over time", blocks))


def _within_column(corpus: Corpus, plan: ReportPlan, within: str | None) -> str | None:
    """The stratum column two groups are compared within: ``within`` (checked: every article
    has a value), else ``story`` when the articles carry one with two or more values; none when
    two articles are compared or the stratum is the group column itself."""
    if within:
        if within == plan.group:
            raise NewsframeError(f"--within {within!r} is the group column: name another column")
        strata_of(corpus, within)  # articles without a value: one error naming them
        return within if plan.by_group else None
    if not plan.by_group or plan.group == "story" or "story" not in corpus.metadata_columns:
        return None
    try:
        return "story" if len(set(strata_of(corpus, "story").values())) >= 2 else None
    except InputError:  # some articles have no story: no default stratum (a caveat says so)
        return None


def _story_holes(corpus: Corpus, plan: ReportPlan) -> str | None:
    """The caveat when the default stratum ``story`` was not used because some articles lack it:
    the comparison within each story is then missing, and the reader should know why."""
    if not plan.by_group or plan.group == "story" or "story" not in corpus.metadata_columns:
        return None
    try:
        strata_of(corpus, "story")
    except InputError as error:
        return (
            f"The groups are not compared within each story: {error.problem.split(';')[0]} "
            "for the column 'story' (give every article one, or name another column with "
            "--within)."
        )
    return None


def _within_section(r: _Report, corpus: Corpus, plan: ReportPlan, base: Tables) -> None:
    """Section "Within each <stratum>": how far group and stratum are confounded, and the two
    compared groups' sentiment and keyness inside each stratum both cover."""
    if not plan.within:
        hole = _story_holes(corpus, plan)
        if hole:
            r.summary["within"] = {"column": None, "caveats": [hole]}
        return
    w, g = plan.within, plan.group
    conf = confounding(corpus, w, column=g)
    confined = conf.loc[conf["confined"], "group"].tolist()
    caveats = []
    if confined:
        caveats.append(
            f"{len(confined)} of {len(conf)} groups of '{g}' ({', '.join(map(str, confined[:8]))}"
            f"{', …' if len(confined) > 8 else ''}) hold only articles of '{w}' values no other "
            f"group covers: every difference between them and the others is also a difference "
            f"of '{w}' (tables/confounding__{_slug(str(g))}_by_{_slug(w)}.csv)."
        )
    blocks = [Block("text", f"The articles tell {len(set(corpus.group_of(w).values()))} "
                    f"values of '{w}'. Groups that cover different values differ by their words "
                    "and tone, whatever their outlets' framing: here how far each group is one "
                    f"'{w}' value's, and {plan.label_a} against {plan.label_b} inside each value "
                    "both cover (labels permuted within it; keyness as a Mantel–Haenszel ratio)."),
              r.preview(f"confounding__{_slug(str(g))}_by_{_slug(w)}", conf,
                        f"Each group of '{g}' by '{w}'", 20,
                        show=list(conf.columns))]  # fmt: skip
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always", NewsframeWarning)
        comparison = compare_sentiment_within(base["sentences"], corpus, w,
                                              [plan.label_a, plan.label_b], column=g)  # fmt: skip
    blocks += [Block("warning", str(x.message)) for x in said[:1]]
    mean = comparison[comparison["statistic"] == "mean_compound"].iloc[0]
    summary: dict[str, Any] = {"column": w, "strata_shared": int(mean["strata_shared"]),
                               "n_a": int(mean["n_a"]), "n_b": int(mean["n_b"])}  # fmt: skip
    if int(mean["strata_shared"]) == 0:
        caveats.append(f"{plan.label_a} and {plan.label_b} share no value of '{w}': their "
                       f"comparison is also one of '{w}', and no within-'{w}' test is possible.")  # fmt: skip
    else:
        line = (f"Within each {w}: mean compound difference {mean['difference']:+.3f} "
                f"[{mean['ci_low']:+.3f}, {mean['ci_high']:+.3f}], p = {mean['p_value']:.3g} "
                f"({int(mean['n_a'])} vs {int(mean['n_b'])} articles in {int(mean['strata_shared'])} "
                f"values of '{w}' both sides cover; the smallest p this design can reach is {mean['p_floor']:.3g}); "
                f"ignoring {w}: {mean['difference_pooled']:+.3f}.")  # fmt: skip
        caveats.append(line)
        blocks.append(Block("text", line))
        blocks.append(r.preview(f"sentiment__difference__{plan.slug}__within_{_slug(w)}",
                                comparison, f"Sentiment within each {w}"))  # fmt: skip
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", NewsframeWarning)  # said once above
            key = keyness_within(corpus, w, [plan.label_a, plan.label_b], column=g)
        csv = r.table(f"keyness__{plan.slug}__within_{_slug(w)}", key)
        ends = pd.concat([key.head(6), key.iloc[::-1].head(6)]).drop_duplicates("term")
        show = ["term", "key_for", "count_a", "count_b", "articles_a", "articles_b", "log_ratio",
                "log_ratio_within", "p_within_bh"]  # fmt: skip
        blocks.append(Block("table", f"Key terms of each side within each {w}, ranked by the "
                            f"within-{w} Log Ratio", table=ends[show], csv=csv, rows=12))  # fmt: skip
        blocks += _within_measures(r, corpus, plan, base, summary, caveats)
        summary.update(difference_mean_compound=round(float(mean["difference"]), 6),
                       difference_ignoring=round(float(mean["difference_pooled"]), 6),
                       p_value=round(float(mean["p_value"]), 6),
                       p_floor=round(float(mean["p_floor"]), 8))  # fmt: skip
    r.summary["within"] = {**summary, "confined_groups": confined, "caveats": caveats}
    r.sections.append(Section("within", f"Within each {w}", blocks))


#: The measures compared within strata beyond sentiment and keyness: (table name, per-article
#: table, function, item column, what an item is, unit of the difference, digits).
_WITHIN_MEASURES = (
    ("share_of_voice", "share_of_voice", voice_within, "speaker_name", "speakers",
     "share of articles quoting or paraphrasing them", 2),
    ("naming_variants", "naming_variants", naming_within, "variant", "names",
     "share of the articles naming the concept", 2),
    ("frame_dimensions", "frame_dimensions", frames_within, "label", "frames",
     "hits per 1,000 words", 2),
)  # fmt: skip


def _within_measures(r: _Report, corpus: Corpus, plan: ReportPlan, base: Tables,
                     summary: dict[str, Any], caveats: list[str]) -> list[Block]:  # fmt: skip
    """Share of voice, names and frames of the two sides compared within each stratum: a line
    on the largest difference and on the items whose difference changes sign, and a table."""
    w, blocks = str(plan.within), []
    for name, key, compare, item, items, unit, digits in _WITHIN_MEASURES:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", NewsframeWarning)  # said once, by sentiment
            table = compare(base[key], corpus, w, [plan.label_a, plan.label_b], column=plan.group)
        csv = r.table(f"{name}__{plan.slug}__within_{_slug(w)}", table)
        tested = table[
            table["difference"].notna() & (table["articles_a"] + table["articles_b"] > 0)
        ]
        flipped = tested[tested["reversed"]]
        summary[f"{name}_within"] = {"items": len(tested), "reversed": len(flipped)}
        if not len(tested):
            blocks.append(Block("text", f"No {items[:-1]} of either side in a '{w}' both cover."))
            continue
        top = tested.loc[tested["difference"].abs().idxmax()]
        line = (f"{items.capitalize()} within each {w} ({unit}): of {len(tested)} compared, the "
                f"largest difference is '{top[item]}', {top['difference']:+.{digits}f} "
                f"[{top['ci_low']:+.{digits}f}, {top['ci_high']:+.{digits}f}], p = "
                f"{top['p_value']:.3g} (smallest reachable {top['p_floor']:.3g}); ignoring {w}: "
                f"{top['difference_pooled']:+.{digits}f}. {len(flipped)} of {len(tested)} "
                f"change sign when compared within each {w}"
                + (f" ({', '.join(map(str, flipped[item].head(5)))}" + (", …)" if len(flipped) > 5 else ")")
                   if len(flipped) else "") + ".")  # fmt: skip
        blocks.append(Block("text", line))
        if len(flipped):
            caveats.append(line)
        order = tested.assign(size=-tested["difference"].abs()).sort_values(
            ["size", item], kind="stable").drop(columns="size")  # fmt: skip
        show = [*(["concept"] if "concept" in table else []), item, "difference", "ci_low",
                "ci_high", "p_value", "p_floor", "p_bh", "difference_pooled", "reversed", "n_a",
                "n_b"]  # fmt: skip
        blocks.append(Block("table", f"{items.capitalize()} of each side within each {w}, "
                            "largest differences first", table=order[show], csv=csv, rows=10))  # fmt: skip
    return blocks


def _caveats_section(r: _Report, corpus: Corpus, plan: ReportPlan, key: pd.DataFrame,
                     comparison: pd.DataFrame, sentences: pd.DataFrame,
                     attributions: pd.DataFrame, found_in_text: bool) -> None:  # fmt: skip
    counts = sentences["article_id"].value_counts()
    sentences_per_article = [int(counts.get(i, 0)) for i in corpus.ids]
    s = r.summary["sentiment"]
    k = r.summary["keyness"]
    items = [
        f"{len(corpus)} articles; sentences per article: min {min(sentences_per_article)}, "
        f"median {int(np.median(sentences_per_article))}, max {max(sentences_per_article)}.",
        s["left_out"]
        if "left_out" in s
        else f"The sentiment comparison uses {s['unit']} as the unit ({s['n_a']} vs {s['n_b']}); "
        f"the smallest two-sided p-value this design can reach is {s['p_floor']:.3g}.",
        f"Keyness tested {k['terms_tested']:,} terms: {k['terms_passing_bonferroni']} pass a "
        f"Bonferroni correction (G² > {k['bonferroni_g2']:.1f}); "
        f"{int((key['p_bh'] < 0.05).sum())} pass Benjamini–Hochberg at .05. Terms are ranked by "
        "effect size, not p.",
        "Sentiment near an actor is the tone of sentences that mention it, not stance toward it.",
        "Frames and names are dictionary matches: check the evidence tables before citing a score.",
    ]
    if s["unit"] == "sentence" and "left_out" not in s:
        items.append("Sentences of one article are not independent draws: with one article per "
                     "side, p describes these two texts, not their outlets or groups.")  # fmt: skip
    items += _pooling_caveats(corpus, plan, key, s)
    items += _language_caveats(corpus)
    items += _cleaning_caveats(corpus)
    items += _speaker_caveats(attributions)
    items += _actor_caveats(corpus) if found_in_text else []
    items += r.summary.get("within", {}).get("caveats", [])
    r.summary["caveats"] = items
    r.sections.append(Section("caveats", "What this sample can show", [Block("list", items=items)]))


def _pooling_caveats(
    corpus: Corpus, plan: ReportPlan, key: pd.DataFrame, sentiment: dict[str, Any]
) -> list[str]:
    """Caveats on what pooling claims: keyness p-values count tokens, not articles, and repeated
    texts on the compared sides count as independent articles."""
    out = []
    low = float(key["p_bh"].min()) if len(key) else 1.0
    floor = sentiment.get("p_floor")
    if sentiment.get("unit") == "article" and floor and low < floor:
        out.append(
            f"Keyness pools each side's tokens: G² treats every word as an independent draw, "
            f"though words come in articles, so its p-values (here down to {low:.2g}) are no "
            f"evidence about the {len(plan.ids_a)} against {len(plan.ids_b)} articles; this "
            f"report's test over articles (sentiment) reaches {floor:.2g} at best. Read them as "
            "'the counts differ', and articles_a / articles_b for how many articles use a term."
        )
    copies = corpus.duplicate_texts()
    if len(copies):
        sides = {*plan.ids_a, *plan.ids_b}
        counted = copies[copies["counted"].astype(bool) & copies["article_id"].isin(sides)]
        if len(counted):
            out.append(
                f"{len(counted)} of the {len(sides)} compared articles repeat an earlier "
                "article's text (tables/duplicate_texts.csv) and count as independent articles "
                "in every test; --dedupe counts each text once."
            )
    return out


def _cleaning_caveats(corpus: Corpus) -> list[str]:
    """Say that the cleaner leaves some page chrome in the body of pages it has never seen (its
    accuracy on such pages is documented in docs/evaluation.md) and how to remove an outlet's
    recurring lines; nothing when no article was cleaned (texts given as they are)."""
    cleaned = sum(1 for a in corpus if a.cleaned)
    if not cleaned:
        return []
    return [
        f"{cleaned:,} of the {len(corpus):,} articles were cleaned from pages: on pages of "
        "outlets the cleaner was never tuned to, it removed about 70% of the lines of page chrome "
        "(appeals, captions, bylines) and lost about one body line in a hundred "
        "(docs/evaluation.md); what it leaves is counted as article text. A rules file "
        "(boilerplate.toml, docs/configuration.md) removes an outlet's recurring lines."
    ]


#: Articles or actors a caveat names one by one; the rest are counted.
SHOW_NAMED = 10


def _named(names: Sequence[str]) -> str:
    """The first :data:`SHOW_NAMED` of ``names``, comma-separated, and how many more.

    >>> _named([f"a{i}" for i in range(12)])
    'a0, a1, a2, a3, a4, a5, a6, a7, a8, a9 and 2 more'
    """
    more = f" and {len(names) - SHOW_NAMED} more" if len(names) > SHOW_NAMED else ""
    return ", ".join(names[:SHOW_NAMED]) + more


def _actor_caveats(corpus: Corpus) -> list[str]:
    """Name the actors found in the text (no story file listed any, see
    :func:`newsframe.discovery.with_text_actors`) and say how complete such a list was on
    unseen stories (docs/evaluation.md), and how a story file fixes it."""
    actors = corpus.resources.actors
    if not actors:
        return []
    return [
        f"No story file named the actors: the {len(actors)} actors in the actor tables were found "
        f"in the text ({_named([a.name for a in actors])}). On stories nobody tuned this to, "
        "about three in five of the main actors a reader listed were found, with one or two "
        "wrong entries per story "
        "(docs/evaluation.md); a story file's [[actors]] list replaces them."
    ]


#: ``speaker_source`` values by how the speaker was found: named where the quotation stands, or
#: carried from elsewhere in the article (a pronoun, a description, a continued quotation).
NAMED_SOURCES = frozenset(["actor", "name"])
CARRIED_SOURCES = frozenset(["pronoun", "description", "continuation"])


def _speaker_caveats(attributions: pd.DataFrame) -> list[str]:
    """Say how the speakers of share of voice were found (``speaker_source``): named in the
    quotation's sentence, carried from elsewhere in the article, or unresolved; and that speakers
    are read by rules and a fitted chooser whose accuracy on unseen pages is documented in
    docs/evaluation.md, so the attributions table is the evidence to read."""
    if not len(attributions):
        return []
    source = attributions["speaker_source"].astype(str)
    unresolved = (source == "unresolved") | (attributions["speaker"].astype(str) == "unresolved")
    named = source.isin(NAMED_SOURCES) & ~unresolved
    carried = source.isin(CARRIED_SOURCES) & ~unresolved
    n = len(attributions)
    return [
        f"Speakers are read from the text by rules and a fitted chooser: of the {n:,} quotations "
        f"and paraphrases, {int(named.sum()):,} name their speaker where they stand, "
        f"{int(carried.sum()):,} take one from elsewhere in the article (a pronoun, a "
        f"description, a continued quotation) and {int(unresolved.sum()):,} are unresolved. On "
        "pages of outlets and stories the rules were never tuned to, about four speakers in "
        "five were right (docs/evaluation.md): read speaker_text and sentence in "
        "tables/attributions.csv before citing share of voice."
    ]


def _language_caveats(corpus: Corpus) -> list[str]:
    """Name the articles whose body reads as another language (``Article.language``): they stay
    in every table, and the English measures (words, sentiment, speakers) cannot read them."""
    other = [(a.article_id, a.language) for a in corpus if not a.language.is_english]
    if not other:
        return []
    named = _named([f"{i} ({language_name(g.language)})" for i, g in other])
    return [
        f"{len(other)} of the {len(corpus)} articles read as another language: {named}. "
        "They stay in every table, but the English measures (terms, sentiment, speakers) "
        "cannot read them; leave them out to compare English coverage alone."
    ]


def _data_versions() -> dict[str, str]:
    root = importlib_resources.files("newsframe.data")
    out = {}
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".toml", ".csv", ".txt")):
            out[entry.name] = hashlib.sha256(entry.read_bytes()).hexdigest()[:16]
    return out


def _story_file(corpus: Corpus) -> dict[str, str] | None:
    """The story file the corpus was loaded with: its name, path and SHA-256 (None without one;
    a story built in code has no file and no hash)."""
    story = corpus.story
    if story is None:
        return None
    path = getattr(story, "path", None)
    if path is None or not Path(path).is_file():
        return {"name": str(getattr(story, "name", "") or ""), "path": None, "sha256": None}
    data = Path(path).read_bytes()
    return {"name": Path(path).name, "path": str(Path(path).resolve()),
            "sha256": hashlib.sha256(data).hexdigest()}  # fmt: skip


def _progress(total: int) -> Any:
    return progress_bar(total, desc="newsframe report", file=sys.stderr,
                        show=sys.stderr.isatty(), leave=False, notebook=True)  # fmt: skip


#: Rows per piece of a CSV file: each piece is formatted and written before the next.
CSV_PIECE_ROWS = 100_000


def _write_tables(tables: dict[str, pd.DataFrame], folder: Path) -> None:
    """Write every table as ``<name>.csv`` (:func:`newsframe.report.csvtext.csv_bytes`), a
    piece of ``CSV_PIECE_ROWS`` rows at a time (a header before row 0 only): the same bytes as
    one ``to_csv`` of the whole table, with the formatted text of one piece in memory at once.
    In this process: formatting a column at a time is quicker than sending the text back from
    worker processes."""
    for name, frame in tables.items():
        with (folder / f"{name}.csv").open("wb") as handle:
            for start in range(0, max(len(frame), 1), CSV_PIECE_ROWS):
                piece = frame.iloc[start : start + CSV_PIECE_ROWS]
                handle.write(csv_bytes(piece, header=start == 0))


def _save_figures(names: Sequence[str], figures: dict[str, Any], folder: Path) -> None:
    for name in names:
        save_figure(figures[name], name, folder)


def _write(r: _Report, target: Path, title: str, lead: str, n_jobs: int | None = 1) -> None:
    from matplotlib import pyplot as plt

    (target / "tables").mkdir(parents=True)
    _write_tables(r.tables, target / "tables")
    # rendering PNG and SVG is the slow part of writing: forked workers each save some figures
    save = functools.partial(_save_figures, figures=r.figures, folder=target / "figures")
    map_slices(save, list(r.figures), n_jobs=n_jobs, min_items=4, slices_per_worker=2)
    for fig in r.figures.values():
        plt.close(fig)
    for section in r.sections:
        for block in section.blocks:
            if block.image is not None:
                block.image = target / block.image
    (target / "index.html").write_text(render_page(title, lead, r.sections), encoding="utf-8")
    (target / "summary.json").write_text(
        json.dumps(r.summary, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def build_report(
    source: str | Path | Sequence[str | Path] | Corpus,
    out: str | Path,
    *,
    story: str | Path | Any = None,
    group: str | None = None,
    compare: Sequence[str] | None = None,
    force: bool = False,
    n_jobs: int | None = -1,
    scheduler: str | None = None,
    align: Sequence[str] | None = None,
    period: str | None = None,
    within: str | None = None,
) -> Path:
    """Write a self-contained report of ``source`` to the folder ``out`` and return its path.

    ``source`` is a manifest, a folder (its ``manifest.csv`` or ``articles.csv`` if present, else
    every article file in it), article files, or a loaded :class:`Corpus`; ``story`` is a story
    file (or :class:`~newsframe.Story`) naming the story's concepts, actors and groups (without
    one, the actors are the people and organisations the articles name most). ``out`` receives
    ``index.html`` (figures embedded; no network, no server), ``figures/`` (PNG and SVG),
    ``tables/*.csv`` (every table behind the page) and ``summary.json`` (key numbers and the
    versions of the data files used) and the marker ``.newsframe-report.json``
    (:mod:`newsframe.report.output`). Two groups of ``group`` (or two articles) are compared,
    named by ``compare`` (default: the first two). An existing non-empty ``out`` is replaced only
    with ``force`` and only if it holds a report newsframe wrote and nothing else; ``out`` may not
    lie inside the input folder or ``data/raw/``, nor hold the input, the current or the home
    folder (:func:`newsframe.report.output.check_out`). Everything is checked before any
    computing starts, and again right before the finished report is renamed into place; a
    second run to the same ``out`` meanwhile fails at once. The same input gives
    byte-identical tables and page.
    ``n_jobs`` processes (default -1: every core) clean, analyse and compute the per-article
    tables of large corpora (:mod:`newsframe.parallel`); ``scheduler`` (``"local"`` or a Dask
    scheduler address) maps reading, cleaning and every per-article table over Dask workers
    instead (:mod:`newsframe.distributed`). The tables are the same either way. The alignment
    map draws the two articles, one of each compared side, that share the most facts, or the
    two article ids named by ``align``. When the
    articles carry ``published`` dates, a section "Over time" compares periods (``period``: day,
    week, month, quarter or year; default chosen from the span, :mod:`newsframe.periods`).
    When two groups are compared and the articles carry a stratum column ``within`` (default
    ``story``, when the articles carry one with two or more values), a section "Within each
    story" says how far group and stratum are confounded and compares the two groups inside
    each stratum both cover (:mod:`newsframe.strata`).
    """
    if scheduler:
        check_scheduler(scheduler)
    n_workers(n_jobs, 1)  # a bad n_jobs fails here, not after loading
    if period is not None and period not in PERIODS:
        raise NewsframeError(f"period must be one of {', '.join(PERIODS)}, got {period!r}")
    if isinstance(source, Corpus):
        sources: list[Any] = sorted({Path(a.source_path).resolve().parent for a in source
                                     if a.source_path is not None})  # fmt: skip
    else:
        sources = [source] if isinstance(source, str | Path) else list(source)
    also = [story] if isinstance(story, str | Path) else []
    out_path = output.check_out(out, sources, also=also, force=force)
    created = output.made_parents(out_path)
    try:
        with output.locked(out_path):
            recheck = functools.partial(output.check_out, out, sources, also=also, force=force)
            _build(source, out_path, recheck, story=story, group=group, compare=compare,
                   n_jobs=n_jobs, scheduler=scheduler, align=align, period=period,
                   within=within)  # fmt: skip
    except BaseException:
        output.remove_empty(created)
        raise
    return out_path


def _check_text(corpus: Corpus) -> None:
    """Raise :class:`~newsframe.errors.InputError` before any computing if an article's id, file
    name, title or manifest value cannot be written as UTF-8 (bytes of a file name that are not
    UTF-8): it would fail only when the tables and the page are written."""
    for article in corpus:
        fields = {"article id": article.article_id, "file name": str(article.source_path or ""),
                  "title": article.title, **{f"column {k!r}": v for k, v in article.metadata.items()}}  # fmt: skip
        for what, value in fields.items():
            try:
                str(value).encode("utf-8")
            except UnicodeEncodeError:
                raise InputError(article.source_path or article.article_id,
                                 f"its {what} is not valid UTF-8 text; rename or re-encode it") from None  # fmt: skip


def _input_digest(corpus: Corpus) -> str:
    """SHA-256 over the articles' ids and the hashes of their files, in corpus order."""
    digest = hashlib.sha256()
    for article in corpus:
        digest.update(f"{article.article_id}\t{article.sha256}\n".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _build(
    source: str | Path | Sequence[str | Path] | Corpus,
    out_path: Path,
    recheck: Callable[[], Any],
    *,
    story: Any,
    group: str | None,
    compare: Sequence[str] | None,
    n_jobs: int | None,
    scheduler: str | None,
    align: Sequence[str] | None = None,
    period: str | None = None,
    within: str | None = None,
) -> None:
    """Compute every table and figure, write them to a staging folder, put it in place."""
    corpus = source if isinstance(source, Corpus) else None
    with ExitStack() as stack:
        client = None
        if scheduler:
            client = stack.enter_context(dask_client(scheduler))
            if corpus is None:
                resolved = resolve_source(source)  # type: ignore[arg-type]
                corpus = load_corpus_distributed(resolved, client=client, story=story)
        if corpus is None:
            corpus = _load(source, n_jobs, story)  # type: ignore[arg-type]
        output.refuse_holding(out_path, [a.source_path for a in corpus if a.source_path])
        _check_text(corpus)
        # a date that does not parse is one error before computing, as in load_corpus
        dated = [a.article_id for a in corpus if a.published.strip()]
        if dated:
            parse_published(corpus.subset(dated))
        align_pair = _align_pair(corpus, align)  # a bad pair fails before any computing
        named = corpus
        corpus = with_text_actors(corpus, n_jobs=n_jobs)  # no actors named: find them
        found_in_text = corpus is not named
        plan = plan_comparison(corpus, group=group, compare=compare)
        plan = replace(plan, within=_within_column(corpus, plan, within))
        base = compute_article_tables(corpus, client=client, n_jobs=n_jobs,
                                      keep_documents=_documents_read_again(corpus, plan))  # fmt: skip
    r = _Report()
    steps: list[Callable[[], Any]] = [
        lambda: _corpus_section(r, corpus, plan),
        lambda: _terms_section(r, corpus, plan, base),
        lambda: _sentiment_section(r, corpus, plan, base),
        lambda: _framing_section(r, corpus, plan, base),
        lambda: _selection_section(r, corpus, plan, align_pair),
        lambda: _over_time_section(r, corpus, plan, base, period),
        lambda: _within_section(r, corpus, plan, base),
    ]
    results = []
    with _progress(len(steps) + 1) as bar:
        for step in steps:
            results.append(step())
            bar.update(1)
        _caveats_section(r, corpus, plan, results[1], results[2], base["sentences"],
                         base["attributions"], found_in_text)  # fmt: skip
        r.summary["compare"] = {"group": plan.group if plan.by_group else None,
                                "a": plan.label_a, "b": plan.label_b,
                                "ids_a": list(plan.ids_a), "ids_b": list(plan.ids_b)}  # fmt: skip
        r.summary["data_files"] = _data_versions()
        r.summary["story_file"] = _story_file(corpus)
        title = f"newsframe report: {plan.label_a} vs {plan.label_b}"
        lead = (f"{len(corpus)} articles; compared: {plan.label_a} ({len(plan.ids_a)}) and "
                f"{plan.label_b} ({len(plan.ids_b)})" + (f" by '{plan.group}'" if plan.by_group else ""))  # fmt: skip
        with output.staging(out_path) as folder:
            _write(r, folder, title, lead, n_jobs)
            output.write_marker(folder, version=__version__,
                                input_digest=_input_digest(corpus))  # fmt: skip
            folder.chmod(0o755)
            output.install(folder, out_path, recheck)
        bar.update(1)
