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

It prints one table per size: seconds, milliseconds per article and the process's peak
resident memory after each stage (``resource.getrusage``: this process, and its worker
processes separately), then the ratios the targets are stated in (whole analysis ≤ 3× the
floor, counting ≤ 1.5× CountVectorizer, peak memory < 2 GB), and with several ``--sizes`` the
time per article at each size (target: flat within ±25%). Each size runs in a fresh process, so
caches and peak memory do not carry over. Timings on a shared 2-core machine are noisy.

Usage: python benchmarks/bench_pipeline.py [--sizes 1000,2000,4000,10000] [--jobs 2]
       [--skip naming,frames] [--keep DIR]
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
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _peak_mb() -> tuple[float, float]:
    """Peak resident memory in MB of this process and of its (finished) children (Linux: KB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


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


def _vader_chunk(texts: list[str]) -> int:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    for text in texts:
        analyzer.polarity_scores(text)
    return len(texts)


def run_floor(manifest: Path, jobs: int) -> dict[str, float]:
    """Time the field-standard parts over the same files."""
    from concurrent.futures import ProcessPoolExecutor

    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

    out: dict[str, float] = {}
    start = time.perf_counter()
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
    return out


def run_newsframe(
    manifest: Path, jobs: int, skip: set[str], by_stage: bool = False
) -> dict[str, object]:
    """Time every stage a user runs; return seconds and peak memory per stage."""
    import newsframe as nf

    times: dict[str, float] = {}
    memory: dict[str, tuple[float, float]] = {}
    state: dict[str, object] = {}

    def stage(name: str, func) -> None:
        if name in skip:
            return
        start = time.perf_counter()
        state[name] = func()
        times[name] = time.perf_counter() - start
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
    return {"times": times, "memory": memory, "words": words, "sentences": sentences,
            "distinct": distinct}  # fmt: skip


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
    print(f"{'stage':<16s} {'seconds':>9s} {'ms/article':>11s} {'peak MB':>9s}")
    for name in _stages(times):
        if name in times:
            own, _ = memory[name]
            print(f"{name:<16s} {times[name]:9.2f} {1000 * times[name] / n:11.2f} {own:9.0f}")
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
    if "counts" in times:
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
    print(f"peak memory                   {own:6.0f} MB this process, {children:.0f} MB largest "
          "worker  (< 2048)")  # fmt: skip
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
    args = parser.parse_args()
    skip = {s for s in args.skip.split(",") if s}
    unknown = skip - set(STAGES + BY_STAGE)
    if unknown:
        parser.error(f"unknown stage(s) {sorted(unknown)}; stages: {', '.join(STAGES)}")
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if args.json:  # the child: one size, result as JSON
        Path(args.json).write_text(
            json.dumps(measure(sizes[0], args.jobs, skip, args.keep, args.by_stage))
        )
        return
    results = []
    for n in sizes:
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
        for name in STAGES + BY_STAGE:
            values = [r["ours"]["times"].get(name) for r in results]
            if all(v is not None for v in values):
                cells = " ".join(
                    f"{1000 * v / r['n']:8.2f}" for v, r in zip(values, results, strict=True)
                )
                print(f"  {name:<14s} ms/article: {cells}")


if __name__ == "__main__":
    main()
