"""Benchmark: cleaning with the line model against the rule cleaner, same pages, same process.

Times ``clean_text`` with ``method="rules"`` (today's cleaner) and ``method="model"``, and
``clean_texts`` with the model (every page in one batched pass), on the
synthetic pages of ``benchmarks/common.py`` (the same pages ``bench_pipeline.py`` writes), then
``load_corpus`` on those pages written as files with a manifest (``bench_pipeline.py``'s
``load_clean`` stage: reading, decoding, cleaning, outlet repeats, building the articles) with
each method (the model cleans each slice of pages in one batched pass and reads the other
outlets' pages of the corpus), and prints milliseconds per page and the ratios (target: the model's ``load_clean``
within 1.5x of the rules'), and the ``load_clean`` ratio in CPU time of this process (steadier
when other work shares the machine). Times are the median of ``--repeat`` runs, both methods
in the same run. The rule passes run in both; the model adds its features (one matrix for all
pages), one matrix product and the Viterbi decoder, linear in the pages.

``--pages DIR`` (default ``$NEWSFRAME_EVALPAGES`` when set) also cleans the real pages of a
folder with cold caches: each method in a fresh process (``--repeat`` times, the median CPU
and wall time), the model with the other outlets' pages of each page's story (outlet and story from
``--labels``; a page without is an outlet and story of its own).

``--load DIR [DIR ...]`` times the issue's own measure on real pages: ``load_corpus`` (the
``load_clean`` stage) on every page of the folders given (each holds ``pages/`` and a labels
file ``lines_*.json`` naming each page's outlet), written with a manifest as one corpus, each
method in a fresh process (cold caches; the word lists and the model loaded before the clock
starts), the two methods alternated, ``--repeat`` runs each: the median CPU and wall time.

``--stages DIR [DIR ...]`` says where the ``load_clean`` time of those pages goes: one cold
``load_corpus`` per method in a fresh process, the CPU milliseconds of each stage (a stage's
time holds the stages it calls; the cyclic garbage collector's time apart).

Usage: python benchmarks/bench_lines.py [--n 1000] [--repeat 3] [--jobs 1] [--pages DIR]
    [--load DIR [DIR ...]] [--stages DIR [DIR ...]]
"""

from __future__ import annotations

import argparse
import csv
import functools
import gc
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

from bench_pipeline import write_files
from common import synthetic_pages

import newsframe.cleaning
import newsframe.corpus
import newsframe.lines
from newsframe.cleaning import clean_text, clean_texts, load_rules
from newsframe.corpus import load_corpus
from newsframe.lines import StoryWords, load_line_model

STORY = Path(__file__).resolve().parents[1] / "data" / "story.toml"
LABELS = Path(__file__).resolve().parent / "eval" / "lines.json"


def _cpu(func: Callable[[], object]) -> float:
    """CPU seconds of this process one call of ``func`` takes."""
    start = time.process_time()
    func()
    return time.process_time() - start


def timed(label: str, func: Callable[[], object], *, repeat: int = 1) -> tuple[float, object]:
    """Run ``func`` ``repeat`` times; print and return the median wall time in seconds."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    print(f"{label:<48s} {statistics.median(times):8.3f} s")
    return statistics.median(times), result


def _clean_pages(folder: Path, labels: Path, method: str) -> tuple[float, float]:
    """CPU and wall seconds cleaning every page of ``folder`` takes in this (fresh) process."""
    meta = {p["file"]: p for p in json.loads(labels.read_text(encoding="utf-8"))}
    files = sorted(p.name for p in folder.glob("*.txt"))
    texts = [(folder / f).read_text(encoding="utf-8") for f in files]
    where = [(meta[f]["outlet"], meta[f]["story"]) if f in meta else (f, f) for f in files]
    rules = load_rules()
    load_line_model()
    clean_text("Warm up\n\nThe imports and the word lists are loaded.", method="model")
    start, wall = time.process_time(), time.perf_counter()
    if method == "rules":
        clean_texts(texts, rules=rules, method="rules")
    else:
        by_story = defaultdict(list)
        for (outlet, story), text in zip(where, texts, strict=True):
            by_story[story].append((outlet, text.splitlines()))
        words = StoryWords.count_stories(by_story)
        views = [words[story].view(outlet) for outlet, story in where]
        clean_texts(texts, rules=rules, method="model", stories=views)
    return time.process_time() - start, time.perf_counter() - wall


def _cold(folder: Path, labels: Path, repeat: int) -> None:
    """Real pages, cold caches: each method in a fresh process, the median CPU and wall time."""
    cpu, wall = {}, {}
    for method in ("rules", "model"):
        runs = [subprocess.run(
            [sys.executable, __file__, "--cold-run", method, "--pages", str(folder),
             "--labels", str(labels)], check=True, capture_output=True, text=True).stdout.split()
            for _ in range(repeat)]  # fmt: skip
        cpu[method] = statistics.median(float(r[0]) for r in runs)
        wall[method] = statistics.median(float(r[1]) for r in runs)
    n = len(list(folder.glob("*.txt")))
    print(f"{n} real pages, cold caches, CPU time: rules {cpu['rules']:.2f} s, model "
          f"{cpu['model']:.2f} s, ratio {cpu['model'] / cpu['rules']:.2f}x; wall: rules "
          f"{wall['rules']:.2f} s, model {wall['model']:.2f} s, "
          f"ratio {wall['model'] / wall['rules']:.2f}x")  # fmt: skip


def write_real(folders: Sequence[Path], out: Path) -> Path:
    """Copy every page of ``folders`` (each with ``pages/`` and a ``lines_*.json`` labels file)
    into ``out/raw`` with a manifest naming each page's outlet; return the manifest's path. A
    page either method cleans to nothing (which ``load_corpus`` refuses) is left out."""
    (out / "raw").mkdir(parents=True, exist_ok=True)
    manifest = out / "articles.csv"
    with manifest.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["article_id", "file", "outlet"])
        for k, folder in enumerate(folders):
            outlets = {p["file"]: p["outlet"] for labels in sorted(folder.glob("lines_*.json"))
                       for p in json.loads(labels.read_text(encoding="utf-8"))}  # fmt: skip
            for page in sorted((folder / "pages").glob("*.txt")):
                text = page.read_text(encoding="utf-8")
                if not all(clean_text(text, method=m).paragraphs for m in ("rules", "model")):
                    continue
                name = f"raw/{k:02d}-{page.name}"
                shutil.copyfile(page, out / name)
                writer.writerow([f"{k:02d}-{page.stem}", name, outlets.get(page.name, "")])
    return manifest


def _load_once(manifest: Path, method: str) -> tuple[float, float]:
    """CPU and wall seconds ``load_corpus`` of ``manifest`` takes in this (fresh) process."""
    load_rules()
    load_line_model()
    clean_text("Warm up\n\nThe imports and the word lists are loaded.", method="model")
    start, wall = time.process_time(), time.perf_counter()
    load_corpus(manifest, method=method)
    return time.process_time() - start, time.perf_counter() - wall


def _load_cold(folders: Sequence[Path], repeat: int) -> None:
    """The ``load_clean`` stage on real pages, cold caches: each method in a fresh process,
    the methods alternated, the median CPU and wall time."""
    runs: dict[str, list[tuple[float, float]]] = {"rules": [], "model": []}
    with tempfile.TemporaryDirectory(prefix="newsframe-real-") as tmp:
        manifest = write_real(folders, Path(tmp))
        n = sum(1 for _ in (Path(tmp) / "raw").iterdir())
        total = sum(1 for f in folders for _ in (f / "pages").glob("*.txt"))
        for _ in range(repeat):
            for method in runs:
                out = subprocess.run(
                    [sys.executable, __file__, "--load-run", method, "--manifest", str(manifest)],
                    check=True, capture_output=True, text=True).stdout.split()  # fmt: skip
                runs[method].append((float(out[0]), float(out[1])))
    cpu = {m: statistics.median(c for c, _ in r) for m, r in runs.items()}
    wall = {m: statistics.median(w for _, w in r) for m, r in runs.items()}
    spread = {m: f"{min(c for c, _ in r):.2f}-{max(c for c, _ in r):.2f}" for m, r in runs.items()}
    print(f"load_clean on {n} real pages ({total - n} that clean to nothing left out), cold caches, median of {repeat}: CPU rules "
          f"{cpu['rules']:.2f} s ({spread['rules']}), model {cpu['model']:.2f} s "
          f"({spread['model']}), ratio {cpu['model'] / cpu['rules']:.2f}x (target <= 1.5x); "
          f"wall rules {wall['rules']:.2f} s, model {wall['model']:.2f} s, "
          f"ratio {wall['model'] / wall['rules']:.2f}x")  # fmt: skip


#: The stages of ``load_corpus`` with the line model (and the rules) timed by ``--stages``:
#: (module, class or None, function).
STAGES = [
    (newsframe.corpus, None, name)
    for name in ("_sources", "read_raw", "_story_words", "_build_all", "_normalised",
                 "_edge_paragraphs")
] + [
    (newsframe.cleaning, None, name)
    for name in ("_rule_verdicts", "_model_page", "line_evidence", "_result")
] + [
    (newsframe.lines, None, name)
    for name in ("decide_pages", "_features", "_page_features", "_topicality", "_story",
                 "_echoes", "_read_lines", "_tokens", "_content_words", "_explanations",
                 "_viterbi_pages")
] + [
    (newsframe.lines, newsframe.lines._LineTable, name) for name in ("_add", "term_sums")
]  # fmt: skip


def _stages_once(manifest: Path, method: str) -> None:
    """Print the CPU milliseconds of each stage of one cold ``load_corpus`` (this process)."""
    spent: Counter[str] = Counter()

    def timed_stage(func: Callable, label: str) -> Callable:
        @functools.wraps(func)
        def run(*args, **kwargs):
            start = time.process_time()
            try:
                return func(*args, **kwargs)
            finally:
                spent[label] += time.process_time() - start

        return run

    for module, cls, name in STAGES:
        owner = cls or module
        setattr(owner, name, timed_stage(getattr(owner, name), name))
    # a module that imported a stage by name calls it through its own name
    newsframe.cleaning.decide_pages = newsframe.lines.decide_pages
    load_rules()
    load_line_model()
    clean_text("Warm up\n\nThe imports and the word lists are loaded.", method="model")
    spent.clear()
    collecting: list[float] = []

    def collector(phase: str, info: dict) -> None:
        collecting.append(time.process_time() * (1 if phase == "stop" else -1))

    gc.callbacks.append(collector)
    start = time.process_time()
    load_corpus(manifest, method=method)
    total = time.process_time() - start
    gc.callbacks.remove(collector)
    print(f"{method}: load_corpus {1000 * total:.0f} ms CPU, of it the garbage collector "
          f"{1000 * sum(collecting):.0f} ms")  # fmt: skip
    for label, seconds in spent.most_common():
        if seconds >= 0.0005:
            print(f"  {label:<20s} {1000 * seconds:7.1f} ms")


def _stages(folders: Sequence[Path]) -> None:
    """Where ``load_clean`` goes on real pages: each method in a fresh process, cold caches."""
    with tempfile.TemporaryDirectory(prefix="newsframe-real-") as tmp:
        manifest = write_real(folders, Path(tmp))
        for method in ("model", "rules"):
            print(subprocess.run(
                [sys.executable, __file__, "--stages-run", method, "--manifest", str(manifest)],
                check=True, capture_output=True, text=True).stdout, end="")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=1, help="processes for load_corpus")
    pages = os.environ.get("NEWSFRAME_EVALPAGES")
    parser.add_argument("--pages", type=Path, default=Path(pages) if pages else None)
    parser.add_argument("--labels", type=Path, default=LABELS, help="outlet and story per page")
    parser.add_argument("--load", type=Path, nargs="+", help="folders of real pages (load_clean)")
    parser.add_argument("--stages", type=Path, nargs="+", help="folders: load_clean per stage")
    parser.add_argument("--stages-run", choices=("rules", "model"), help=argparse.SUPPRESS)
    parser.add_argument("--cold-run", choices=("rules", "model"), help=argparse.SUPPRESS)
    parser.add_argument("--load-run", choices=("rules", "model"), help=argparse.SUPPRESS)
    parser.add_argument("--manifest", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.load_run:  # one cold load_corpus, in its own process
        print(*_load_once(args.manifest, args.load_run))
        return 0
    if args.load:
        _load_cold(args.load, args.repeat)
        return 0
    if args.stages_run:  # one cold load_corpus, its stages timed, in its own process
        _stages_once(args.manifest, args.stages_run)
        return 0
    if args.stages:
        _stages(args.stages)
        return 0
    if args.cold_run:  # one cold run, in its own process
        print(*_clean_pages(args.pages, args.labels, args.cold_run))
        return 0
    pages = synthetic_pages(args.n)
    rules, _ = load_rules(), load_line_model()  # loaded once, outside the timing
    clean_text(pages[0], rules=rules, method="model")  # warm the caches of both paths
    words = sum(len(p.split()) for p in pages)
    print(f"{args.n} synthetic pages, {words:,} words; median of {args.repeat}")
    t_rules, _ = timed("clean_text, rules", lambda: [clean_text(p, rules=rules, method="rules") for p in pages],
                       repeat=args.repeat)  # fmt: skip
    t_model, _ = timed("clean_text, line model",
                       lambda: [clean_text(p, rules=rules, method="model") for p in pages],
                       repeat=args.repeat)  # fmt: skip
    t_batch, _ = timed("clean_texts, line model (one batched pass)",
                       lambda: clean_texts(pages, rules=rules, method="model"),
                       repeat=args.repeat)  # fmt: skip
    print(f"clean_text: rules {1000 * t_rules / args.n:.2f} ms/page, model "
          f"{1000 * t_model / args.n:.2f} ms/page, ratio {t_model / t_rules:.2f}x; batched model "
          f"{1000 * t_batch / args.n:.2f} ms/page, ratio {t_batch / t_rules:.2f}x")  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="newsframe-lines-") as tmp:
        manifest = write_files(args.n, Path(tmp))
        load = {m: (lambda m=m: load_corpus(manifest, n_jobs=args.jobs, story=STORY, method=m))
                for m in ("rules", "model")}  # fmt: skip
        l_rules, _ = timed("load_corpus (load_clean), rules", load["rules"], repeat=args.repeat)
        l_model, _ = timed("load_corpus (load_clean), line model", load["model"],
                           repeat=args.repeat)  # fmt: skip
        cpu = {m: statistics.median(_cpu(load[m]) for _ in range(args.repeat)) for m in load}
    print(f"load_clean: rules {1000 * l_rules / args.n:.2f} ms/page, model "
          f"{1000 * l_model / args.n:.2f} ms/page, ratio {l_model / l_rules:.2f}x "
          "(target <= 1.5x)")  # fmt: skip
    print(f"load_clean CPU time (steadier on a busy machine): rules {cpu['rules']:.2f} s, "
          f"model {cpu['model']:.2f} s, ratio {cpu['model'] / cpu['rules']:.2f}x")  # fmt: skip
    if args.pages is not None:
        _cold(args.pages, args.labels, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
