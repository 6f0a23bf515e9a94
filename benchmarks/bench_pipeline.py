"""Benchmark: the whole analysis a user runs, against the floor of field-standard parts, same files.

Writes N article files (benchmarks/common.py: synthetic pages with page chrome around each body,
several outlets; 10,000 articles ≈ 5 million words by default) and a manifest to a temporary
folder, then times, each in its own stage:

- newsframe: load and clean (``load_corpus``), the analysed documents (``analyse_corpus``: the
  tokens, lemmas, merged terms, sentences and mentions every later stage reads), term counts
  (``count_terms``), TF-IDF (``tfidf``), keyness of one group of outlets against the rest,
  and every per-article table (``compute_article_tables`` on ``--jobs`` forked processes:
  sentence sentiment, attributions and share of voice, naming, actor prominence, frames,
  distancing; with ``--by-stage`` each of these is timed on its own, in one process);
- the floor, in the same run and over the same files (run before and after newsframe and
  averaged, to damp changes in the machine's load): reading them, scikit-learn
  ``CountVectorizer`` and ``TfidfVectorizer``, and VADER on every sentence (split at ``.!?``
  followed by white space) over ``--jobs`` processes.

Each side's libraries are imported before its clock starts (scikit-learn for the floor; for
newsframe the modules its stages read, which the package imports on first use: writing the
files has already imported the loading modules and pandas, so about 0.2 s of CPU for the rest),
so both are timed on their work. Data files (rules, line model, lexicons) load inside the stages.

It prints one table per size: seconds, milliseconds per article and the process's peak
resident memory after each stage (``resource.getrusage``: this process, and its worker
processes separately) and each stage's CPU seconds (this process and its finished workers;
steadier than wall time on a loaded machine), then the ratios the targets are stated in
(whole analysis ≤ 3× the floor, counting ≤ 1.5× CountVectorizer, peak memory < 2 GB), and with several ``--sizes`` the
time per article at each size (target: flat within ±25%), and the CPU seconds of newsframe and of
the floor, worker processes included (steadier than wall time on a shared machine). Each size runs in a fresh process, so
caches and peak memory do not carry over. Timings on a shared 2-core machine are noisy.

With ``--source parquet`` the corpus is one Parquet file of already-extracted texts, as
researchers export them from a crawler or an archive: synthetic bodies (no page chrome) with
dates over two years in 20 outlets (four groups of five). It is loaded as a table (read batch by
batch, text taken as given) and analysed chunk by chunk (``--chunk`` articles at a time,
:func:`newsframe.distributed.iter_article_tables` with ``term_counts``): each chunk's documents
are analysed by the worker processes, which take its term counts beside its per-article tables
(so the documents never travel back; the counts stage is then the stacking alone), its tables
are written to Parquet files, then its documents are dropped; the chunks' counts are stacked
(``stack_counts``) for TF-IDF and keyness. The file is
written, and the floor run (reading the texts from the same file), in processes of their own,
so the peak memory reported is newsframe's alone (target < 4 GB).

Usage: python benchmarks/bench_pipeline.py [--sizes 1000,2000,4000,10000] [--jobs 2]
       [--skip naming,frames] [--keep DIR]
       python benchmarks/bench_pipeline.py --source parquet --sizes 10000,30000,100000
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

OUTLETS = ("The Daily Ledger", "Morning Wire", "Pacific Review", "Evening Courier", "The Observer")
STAGES = ("load_clean", "analyse", "counts", "tfidf", "keyness", "article_tables")
#: With --by-stage, the per-article tables are timed one function at a time, in one process
#: (sentence sentiment on --jobs processes), to show where the time goes.
BY_STAGE = ("sentiment", "attributions", "naming", "prominence", "frames", "distancing")
#: The per-article tables the whole analysis computes (one per stage of --by-stage).
PER_ARTICLE = ("sentences", "attributions", "share_of_voice", "naming_variants",
               "actor_prominence", "frame_dimensions", "distancing_marks")  # fmt: skip
FLOOR = ("read", "count_vectorizer", "tfidf_vectorizer", "vader")
#: The stages of --source parquet (documents, per-article tables and writing them, chunk by chunk).
TABLE_STAGES = ("load", "analyse_tables", "counts", "write_tables", "tfidf", "keyness")
TABLE_OUTLETS = tuple(f"outlet-{k:02d}" for k in range(1, 21))
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _peak_mb() -> tuple[float, float]:
    """Peak resident memory in MB of this process and of its (finished) children (Linux: KB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def _cpu() -> float:
    """CPU seconds (user + system) of this process and of its finished worker processes: less
    sensitive than wall time to other work on a shared machine."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def write_files(n: int, folder: Path) -> Path:
    """Write ``n`` synthetic article pages and a manifest; return the manifest's path."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from common import synthetic_pages

    pages = synthetic_pages(n)
    (folder / "raw").mkdir(parents=True, exist_ok=True)
    manifest = folder / "articles.csv"
    with manifest.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["article_id", "file", "outlet", "title", "published"])
        for i, page in enumerate(pages):
            name = f"raw/article-{i:05d}.txt"
            (folder / name).write_text(page, encoding="utf-8")
            outlet = OUTLETS[i % len(OUTLETS)]
            writer.writerow([f"art-{i:05d}", name, outlet, "", f"2020-01-{1 + i % 28:02d}"])
    return manifest


def _table_paragraphs(n: int, seed: int) -> list[list[str]]:
    """``n`` synthetic bodies (common.synthetic_paragraphs, words drawn by inverse CDF)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from common import synthetic_paragraphs

    return synthetic_paragraphs(n, seed=seed, by_cdf=True)


def write_table(n: int, path: Path, block: int = 10_000) -> Path:
    """Write ``n`` synthetic extracted articles to one Parquet file, ``block`` rows per row group:
    ``article_id, title, text, published`` (two years from 2023-01-01), ``outlet`` (20), ``group``."""
    from datetime import datetime, timedelta

    import pyarrow as pa
    import pyarrow.parquet as pq

    start = datetime(2023, 1, 1)
    writer = None
    try:
        for first in range(0, n, block):
            size = min(block, n - first)
            bodies = _table_paragraphs(size, seed=first // block)
            ids = range(first, first + size)
            outlets = [TABLE_OUTLETS[i % 20] for i in ids]
            table = pa.table({
                "article_id": [f"art-{i:06d}" for i in ids],
                "title": [f"Synthetic Headline Number {i} Says Putin" for i in ids],
                "text": ["\n\n".join(b) for b in bodies],
                "published": [start + timedelta(days=730 * i // n, hours=i % 24) for i in ids],
                "outlet": outlets,
                "group": [f"group-{'abcd'[TABLE_OUTLETS.index(o) % 4]}" for o in outlets],
            })  # fmt: skip
            if writer is None:
                writer = pq.ParquetWriter(path, table.schema)
            writer.write_table(table, row_group_size=block)
    finally:
        if writer is not None:
            writer.close()
    return path


def _vader_chunk(texts: list[str]) -> int:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    for text in texts:
        analyzer.polarity_scores(text)
    return len(texts)


def run_floor(manifest: Path, jobs: int) -> dict[str, float]:
    """Time the field-standard parts over the same files (or the texts of the same table)."""
    from concurrent.futures import ProcessPoolExecutor

    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

    out: dict[str, float] = {}
    cpu = _cpu()
    start = time.perf_counter()
    if manifest.suffix == ".parquet":
        import pyarrow.parquet as pq

        texts = pq.read_table(manifest, columns=["text"]).column("text").to_pylist()
    else:
        with manifest.open(encoding="utf-8") as handle:
            files = [manifest.parent / row["file"] for row in csv.DictReader(handle)]
        texts = [f.read_text(encoding="utf-8") for f in files]
    out["read"] = time.perf_counter() - start
    start = time.perf_counter()
    CountVectorizer().fit_transform(texts)
    out["count_vectorizer"] = time.perf_counter() - start
    start = time.perf_counter()
    TfidfVectorizer().fit_transform(texts)
    out["tfidf_vectorizer"] = time.perf_counter() - start
    start = time.perf_counter()
    sentences = [s for t in texts for s in _SENTENCE_END.split(t) if s.strip()]
    size = max(1, len(sentences) // (8 * jobs) + 1)
    chunks = [sentences[i : i + size] for i in range(0, len(sentences), size)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        scored = sum(pool.map(_vader_chunk, chunks))
    out["vader"] = time.perf_counter() - start
    out["_sentences"] = scored
    out["_cpu"] = _cpu() - cpu
    return out


def _import_newsframe():
    """Import the modules every stage of newsframe reads (the package loads them on first use),
    before the clock starts, as :func:`run_floor` imports scikit-learn before its own: both
    sides are timed on their work, not on importing their libraries."""
    import importlib

    import newsframe as nf

    for name in ("corpus", "document", "terms", "framing", "sentiment", "distributed"):
        importlib.import_module(f"newsframe.{name}")
    return nf


def run_newsframe(
    manifest: Path, jobs: int, skip: set[str], by_stage: bool = False
) -> dict[str, object]:
    """Time every stage a user runs; return seconds, CPU seconds and peak memory per stage."""
    nf = _import_newsframe()
    times: dict[str, float] = {}
    cpus: dict[str, float] = {}
    memory: dict[str, tuple[float, float]] = {}
    state: dict[str, object] = {}
    cpu = _cpu()

    def stage(name: str, func) -> None:
        if name in skip:
            return
        start, start_cpu = time.perf_counter(), _cpu()
        state[name] = func()
        times[name] = time.perf_counter() - start
        cpus[name] = _cpu() - start_cpu
        memory[name] = _peak_mb()

    story = Path(__file__).resolve().parents[1] / "data" / "story.toml"  # pages resample the seeds
    stage("load_clean", lambda: nf.load_corpus(manifest, n_jobs=jobs, story=story))
    corpus = state["load_clean"]
    stage("analyse", lambda: nf.analyse_corpus(corpus, n_jobs=jobs))
    stage("counts", lambda: nf.count_terms(corpus))
    stage("tfidf", lambda: nf.tfidf(corpus))
    group = [a for a in corpus if a.metadata.get("outlet") in OUTLETS[:2]]
    rest = [a for a in corpus if a.metadata.get("outlet") not in OUTLETS[:2]]
    # plain lists of the corpus's articles: they remember the corpus's resources, so the
    # documents analysed above are reused (no resources= needed)
    stage("keyness", lambda: nf.keyness(group, rest))
    if by_stage:
        stage("sentiment", lambda: nf.sentence_sentiment(corpus, n_jobs=jobs, progress=False))
        stage("attributions", lambda: (nf.attributions(corpus), nf.share_of_voice(corpus)))
        stage("naming", lambda: nf.naming_variants(corpus))
        stage("prominence", lambda: nf.actor_prominence(corpus))
        stage("frames", lambda: nf.frame_dimensions(corpus))
        stage("distancing", lambda: nf.distancing_marks(corpus))
    else:
        # the per-article tables of the stages above (sentence sentiment, attributions and share
        # of voice, naming, prominence, frames, distancing) on --jobs forked processes that read
        # the documents analysed above (bench_report.py times the report, which adds the
        # per-article summaries, term frequencies, positions and sentiment coverage)
        stage("article_tables", lambda: nf.compute_article_tables(corpus, n_jobs=jobs,
                                                                  tables=PER_ARTICLE))  # fmt: skip
    words = sum(d.n_words for d in nf.analyse_corpus(corpus))
    table = state.get("sentiment")
    if table is None and "article_tables" in state:
        table = state["article_tables"]["sentences"]
    sentences = len(table) if table is not None else 0
    distinct = int(table["sentence"].nunique()) if table is not None else 0
    return {"times": times, "cpus": cpus, "memory": memory, "words": words,
            "sentences": sentences, "distinct": distinct, "cpu": _cpu() - cpu}  # fmt: skip


def run_table(table: Path, jobs: int, chunk: int, out: Path) -> dict[str, object]:
    """Time the analysis of one Parquet table, chunk by chunk; per-article tables go to ``out``."""
    import numpy as np
    import pandas as pd
    import pyarrow as pa
    import pyarrow.parquet as pq

    from newsframe.distributed import iter_article_tables
    from newsframe.terms.counts import stack_counts

    nf = _import_newsframe()
    times = dict.fromkeys(TABLE_STAGES, 0.0)
    memory: dict[str, tuple[float, float]] = {}
    story = Path(__file__).resolve().parents[1] / "data" / "story.toml"  # texts resample the seeds
    cpu = _cpu()
    start = time.perf_counter()
    corpus = nf.load_corpus(table, n_jobs=jobs, story=story)
    times["load"] = time.perf_counter() - start
    memory["load"] = _peak_mb()
    counts, rows, sentences, distinct = [], {}, 0, 0
    start = time.perf_counter()
    chunks = iter_article_tables(
        corpus, chunk_size=chunk, n_jobs=jobs, tables=PER_ARTICLE, term_counts=True
    )
    for n, (_, tables, chunk_counts) in enumerate(chunks):
        mid = time.perf_counter()
        counts.append(chunk_counts)  # taken by the workers beside the tables
        for name, frame in tables.items():
            (out / name).mkdir(parents=True, exist_ok=True)
            pq.write_table(pa.Table.from_pandas(frame, preserve_index=False),
                           out / name / f"part-{n:04d}.parquet")  # fmt: skip
            rows[name] = rows.get(name, 0) + len(frame)
        sentences += len(tables["sentences"])
        distinct += int(tables["sentences"]["sentence"].nunique())
        del tables
        end = time.perf_counter()
        times["write_tables"] += end - mid
        times["analyse_tables"] -= end - mid
    times["analyse_tables"] += time.perf_counter() - start
    memory["analyse_tables"] = _peak_mb()
    start = time.perf_counter()
    stacked = stack_counts(counts)
    del counts
    times["counts"] += time.perf_counter() - start
    memory["counts"] = memory["write_tables"] = _peak_mb()
    start = time.perf_counter()
    weights = nf.tfidf(stacked, top_n=20)  # the top 20 terms of each article, as a report shows
    times["tfidf"] = time.perf_counter() - start
    memory["tfidf"] = _peak_mb()
    del weights
    start = time.perf_counter()
    in_group = np.array([a.outlet in TABLE_OUTLETS[:5] for a in corpus])
    sums = [np.asarray(stacked.counts[np.flatnonzero(side)].sum(axis=0)).ravel()
            for side in (in_group, ~in_group)]  # fmt: skip
    nf.keyness(pd.Series(sums[0], index=stacked.terms, name="outlets 1-5"),
               pd.Series(sums[1], index=stacked.terms, name="outlets 6-20"))  # fmt: skip
    times["keyness"] = time.perf_counter() - start
    memory["keyness"] = _peak_mb()
    return {"times": times, "memory": memory, "words": int(stacked.n_tokens.sum()),
            "sentences": sentences, "distinct": distinct, "rows": rows,
            "cpu": _cpu() - cpu}  # fmt: skip


def measure_table(n: int, jobs: int, chunk: int, keep: str | None) -> dict[str, object]:
    """Write the table, then run the floor, newsframe and the floor again, each in its own
    process (so that each one's peak memory is its own)."""
    with tempfile.TemporaryDirectory(prefix="newsframe-bench-", dir=keep) as tmp:
        table = Path(tmp) / "articles.parquet"
        start = time.perf_counter()
        subprocess.run([sys.executable, __file__, "--write-table", str(table), "--sizes", str(n)],
                       check=True)  # fmt: skip
        written = time.perf_counter() - start
        runs = {}
        for name in ("before", "ours", "after"):
            out = Path(tmp) / f"{name}.json"
            command = [sys.executable, __file__, "--source", "parquet", "--jobs", str(jobs),
                       "--chunk", str(chunk), "--table", str(table), "--json", str(out)]  # fmt: skip
            if name != "ours":
                command.append("--floor-only")
            subprocess.run(command, check=True)
            runs[name] = json.loads(out.read_text())
    before, after = runs["before"]["floor"], runs["after"]["floor"]
    floor = {k: (before[k] + after[k]) / 2 for k in before}
    floor["_total_before"] = sum(v for k, v in before.items() if not k.startswith("_"))
    floor["_total_after"] = sum(v for k, v in after.items() if not k.startswith("_"))
    return {"n": n, "jobs": jobs, "write": written, "ours": runs["ours"]["ours"], "floor": floor,
            "peak_mb": runs["ours"]["peak_mb"], "floor_peak_mb": runs["before"]["peak_mb"]}  # fmt: skip


def measure(
    n: int, jobs: int, skip: set[str], keep: str | None, by_stage: bool = False
) -> dict[str, object]:
    """Write the files, run newsframe and the floor, return everything measured."""
    with tempfile.TemporaryDirectory(prefix="newsframe-bench-", dir=keep) as tmp:
        start = time.perf_counter()
        manifest = write_files(n, Path(tmp))
        written = time.perf_counter() - start
        # the floor runs before and after newsframe and the two are averaged, so a change in
        # the machine's load during the run biases the ratio less
        before = run_floor(manifest, jobs)
        ours = run_newsframe(manifest, jobs, skip, by_stage)
        after = run_floor(manifest, jobs)
    floor = {k: (before[k] + after[k]) / 2 for k in before}
    floor["_total_before"] = sum(v for k, v in before.items() if not k.startswith("_"))
    floor["_total_after"] = sum(v for k, v in after.items() if not k.startswith("_"))
    return {"n": n, "jobs": jobs, "write": written, "ours": ours, "floor": floor,
            "peak_mb": _peak_mb()}  # fmt: skip


def _stages(times: dict[str, float]) -> tuple[str, ...]:
    """The stages of this run, in order (the per-function ones with --by-stage)."""
    if "analyse_tables" in times:
        return TABLE_STAGES
    if any(name in times for name in BY_STAGE):
        return STAGES[:-1] + BY_STAGE
    return STAGES


def skip_note(times: dict[str, float]) -> bool:
    """True when some stage of this run was skipped."""
    return len(times) < len(_stages(times))


def report(result: dict[str, object]) -> None:
    """Print one size's table and ratios."""
    n = result["n"]
    ours, floor = result["ours"], result["floor"]
    times, memory = ours["times"], ours["memory"]
    print(f"\n== {n:,} articles, {ours['words']:,} words, {ours['sentences']:,} sentences "
          f"(files written in {result['write']:.1f} s) ==")  # fmt: skip
    cpus = ours.get("cpus", {})  # CPU seconds per stage (worker processes included)
    print(f"{'stage':<16s} {'seconds':>9s} {'ms/article':>11s} {'peak MB':>9s} {'CPU s':>8s}")
    for name in _stages(times):
        if name in times:
            own, _ = memory[name]
            cpu = f"{cpus[name]:8.2f}" if name in cpus else ""
            print(f"{name:<16s} {times[name]:9.2f} {1000 * times[name] / n:11.2f} {own:9.0f} "
                  f"{cpu}")  # fmt: skip
        else:
            print(f"{name:<16s} {'skipped':>9s}")
    total = sum(times.values())
    floor_total = sum(v for k, v in floor.items() if not k.startswith("_"))
    print(f"{'newsframe total':<16s} {total:9.2f} {1000 * total / n:11.2f}")
    print(f"-- floor ({int(floor['_sentences']):,} VADER sentences on {result['jobs']} processes; "
          f"mean of a run before ({floor['_total_before']:.1f} s) and after "
          f"({floor['_total_after']:.1f} s) newsframe)")  # fmt: skip
    for name in FLOOR:
        print(f"{name:<16s} {floor[name]:9.2f} {1000 * floor[name] / n:11.2f}")
    print(f"{'floor total':<16s} {floor_total:9.2f} {1000 * floor_total / n:11.2f}")
    own, children = result["peak_mb"]
    print("-- ratios (targets)")
    print(f"whole analysis / floor        {total / floor_total:6.2f}x  (<= 3)")
    if "cpu" in ours and "_cpu" in floor:
        print(f"  CPU seconds, processes included: newsframe {ours['cpu']:.1f}, floor "
              f"{floor['_cpu']:.1f}: {ours['cpu'] / floor['_cpu']:.2f}x")  # fmt: skip
    if "analyse_tables" in times:
        print("(term counts taken by the workers beside the tables; counts: stacking them)")
    elif "counts" in times:
        print(f"count_terms / CountVectorizer {times['counts'] / floor['count_vectorizer']:6.2f}x"
              "  (<= 1.5; documents already analysed)")  # fmt: skip
        with_analysis = times["counts"] + times.get("analyse", 0.0)
        print(f"  incl. analyse_corpus        {with_analysis / floor['count_vectorizer']:6.2f}x")
    if "sentiment" in times:
        print(f"sentence sentiment / VADER    {times['sentiment'] / floor['vader']:6.2f}x  "
              f"({ours['distinct']:,} distinct of {ours['sentences']:,} sentences scored; "
              "the floor scores every split)")  # fmt: skip
    elif "article_tables" in times:
        print(f"per-article tables / VADER    {times['article_tables'] / floor['vader']:6.2f}x  "
              "(sentiment and every framing table)")  # fmt: skip
    target = 4096 if "analyse_tables" in times else 2048
    print(f"peak memory                   {own:6.0f} MB this process, {children:.0f} MB largest "
          f"worker  (< {target})")  # fmt: skip
    if "rows" in ours:
        written = ", ".join(f"{k} {v:,}" for k, v in ours["rows"].items())
        print(f"rows written (Parquet, one file per chunk and table): {written}")
    if "floor_peak_mb" in result:
        print(f"(the floor, in its own process: peak {result['floor_peak_mb'][0]:.0f} MB)")
    if skip_note(times):
        print("(skipped stages are not in the total)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000", help="comma-separated article counts")
    parser.add_argument("--jobs", type=int, default=2, help="processes for cleaning and VADER")
    parser.add_argument("--skip", default="", help=f"comma-separated stages of {STAGES + BY_STAGE}")
    parser.add_argument(
        "--by-stage",
        action="store_true",
        help="time each per-article table function on its own (one process)",
    )
    parser.add_argument("--keep", default=None, help="folder for the temporary files")
    parser.add_argument("--json", default=None, help=argparse.SUPPRESS)  # one size, internal
    parser.add_argument(
        "--source", choices=("files", "parquet"), default="files",
        help="article files and a manifest (default), or one Parquet table of extracted texts",
    )  # fmt: skip
    parser.add_argument("--chunk", type=int, default=10_000, help="articles per chunk (parquet)")
    parser.add_argument("--write-table", default=None, help=argparse.SUPPRESS)  # internal
    parser.add_argument("--table", default=None, help=argparse.SUPPRESS)  # internal
    parser.add_argument("--floor-only", action="store_true", help=argparse.SUPPRESS)  # internal
    args = parser.parse_args()
    skip = {s for s in args.skip.split(",") if s}
    unknown = skip - set(STAGES + BY_STAGE)
    if unknown:
        parser.error(f"unknown stage(s) {sorted(unknown)}; stages: {', '.join(STAGES)}")
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if args.write_table:  # the child that writes the table
        write_table(sizes[0], Path(args.write_table))
        return
    if args.table:  # the child that times newsframe (or the floor) on the table
        table = Path(args.table)
        if args.floor_only:
            result = {"floor": run_floor(table, args.jobs), "peak_mb": _peak_mb()}
        else:
            with tempfile.TemporaryDirectory(prefix="tables-", dir=table.parent) as out:
                result = {"ours": run_table(table, args.jobs, args.chunk, Path(out)),
                          "peak_mb": _peak_mb()}  # fmt: skip
        Path(args.json).write_text(json.dumps(result))
        return
    if args.json:  # the child: one size, result as JSON
        Path(args.json).write_text(
            json.dumps(measure(sizes[0], args.jobs, skip, args.keep, args.by_stage))
        )
        return
    results = []
    for n in sizes:
        if args.source == "parquet":
            results.append(measure_table(n, args.jobs, args.chunk, args.keep))
            report(results[-1])
            sys.stdout.flush()
            continue
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            command = [sys.executable, __file__, "--sizes", str(n), "--jobs", str(args.jobs),
                       "--skip", args.skip, "--json", out.name]  # fmt: skip
            if args.by_stage:
                command.append("--by-stage")
            if args.keep:
                command += ["--keep", args.keep]
            subprocess.run(command, check=True, env=os.environ.copy())
            results.append(json.loads(Path(out.name).read_text()))
        report(results[-1])
        sys.stdout.flush()
    if len(results) > 1:
        print("\n== time per article as the corpus grows (target: flat within ±25%) ==")
        print(f"{'articles':>9s} {'newsframe ms':>13s} {'floor ms':>9s}")
        per = []
        for r in results:
            total = sum(r["ours"]["times"].values()) / r["n"] * 1000
            floor = sum(v for k, v in r["floor"].items() if not k.startswith("_")) / r["n"] * 1000
            per.append(total)
            print(f"{r['n']:9,d} {total:13.2f} {floor:9.2f}")
        mean = sum(per) / len(per)
        worst = max(abs(p / mean - 1) for p in per)
        print(f"largest deviation from the mean time per article: {100 * worst:.0f}% "
              f"(flat within ±25%: {worst <= 0.25})")  # fmt: skip
        for name in dict.fromkeys(STAGES + BY_STAGE + TABLE_STAGES):
            values = [r["ours"]["times"].get(name) for r in results]
            if all(v is not None for v in values):
                cells = " ".join(
                    f"{1000 * v / r['n']:8.2f}" for v, r in zip(values, results, strict=True)
                )
                print(f"  {name:<14s} ms/article: {cells}")


if __name__ == "__main__":
    main()
