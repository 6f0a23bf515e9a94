"""Benchmark: the hostile inputs of issue 9 ("a small file must never take long"), each beside a
normal article of the same size, in separate processes with a time limit.

Each case writes its file to a temporary folder and runs ``newsframe clean`` / ``report`` (or the
function named) in a fresh interpreter, so a case that hangs or backtracks for minutes is cut off
at the limit and shown as ``> limit``. Times are measured inside the child, after its imports. The machine may be shared: timings are noisy.
Usage: python benchmarks/bench_hostile.py [limit_seconds]

``python benchmarks/bench_hostile.py tables [articles] [actors]`` prints the rows, CPU seconds
and peak memory of ``actor_prominence`` and ``naming_variants`` on one-sentence articles under a
generated story file of that many actors and naming variants (default 2,000 × 10,000).

``python benchmarks/bench_hostile.py scale [limit_seconds]`` measures scale shapes instead: an
article table of 10,000 and 20,000 one-sentence articles, and of 10 articles of 1 MB and of 2 MB,
and one article of one run-on sentence of 2,000 and 4,000 quoted clauses, each through
loading, analysis, the per-article tables and tf-idf in a fresh process (and
``newsframe report`` of 5,000 and 10,000 one-sentence articles in 10 groups over two years, and
200 articles with a generated story file of 10,000 and 20,000 actors and naming variants); it
prints the CPU seconds (``time.process_time``) of each step at both sizes and their ratio (2.0
is linear; well above it is a quadratic step).

``python benchmarks/bench_hostile.py badbytes [sizes_mb]`` times naming the line of a byte that
is not UTF-8 at the end of a big table (default 50 and 100 MB) beside ``bytes.decode``.

``python benchmarks/bench_hostile.py growth [limit_seconds] [sizes] [shape ...]`` grows one odd
article (beside an ordinary one) through 1x, 2x, 4x, 8x of a shape (default sizes ``4,8,16,32``):
a long article, one paragraph of many sentences, many quotations, many names, many short lines,
one line without a newline, a list page, unbalanced quotes, descriptions, given-name forms, a
repeated headline, a long page end, nested quotation marks, a run of capitals, CR line ends,
CJK text and HTML pages of many paragraphs, table rows, inline elements, line breaks, nested
lists and divs. Each size runs in a fresh process: loading (line model and rules), analysis,
the per-article tables and actor discovery, CPU seconds per step and the ratio per doubling
(2.0 is linear), with a line the audit calls body that is not in the text flagged ``LOST``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

PROSE = (
    "The foreign minister met his counterpart in the capital on Monday for talks on the disputed "
    "islands, officials said. Both sides agreed to meet again in the spring.\n\n"
)


def prose(size: int) -> str:
    text = "".join(PROSE.replace("Monday", f"day {n}") for n in range(size // len(PROSE) + 1))
    return text[:size]


def page(body: str) -> str:
    return "A Headline For The Page\n\n" + prose(600) + "\n\n" + body + "\n\n" + prose(600) + "\n"


def html(n_bytes: int) -> str:
    para = "<p>The talks on the islands went on for hours on day {n}, officials said.</p>\n"
    body = "".join(para.format(n=n) for n in range(n_bytes // len(para)))
    return f"<html><head><title>Big</title></head><body><article><h1>Big</h1>{body}</article></body></html>"


CASES = [
    # (label, file name, text, command)
    ("byline By Xx+andX*24+! (165 B)", "byline.txt", page("By Xx" + "andX" * 24 + "!"), "clean"),
    ("byline Aa Bb, +A*300+! (371 B)", "caps.txt", page("Aa Bb, " + "A" * 300 + "!"), "clean"),
    ("split_sentences 16 KB of '.'", "dots16.txt", page("." * 16_000), "split"),
    ("split_sentences 32 KB of '.'", "dots32.txt", page("." * 32_000), "split"),
    ("split_sentences 50 KB of '?'", "q50.txt", page("?" * 50_000), "split"),
    (
        "Reporting by A + 40,000 '.' + !",
        "credit.txt",
        page("Reporting by A" + "." * 40_000 + "!"),
        "clean",
    ),
    (
        "same, newsframe report",
        "credit2.txt",
        page("Reporting by A" + "." * 40_000 + "!"),
        "report",
    ),
    (
        # one run-on line of 40,000 capitalised names and verbs: each name asked whether it
        # stands inside quotation marks, each verb what follows it (a count from the
        # paragraph's start, and a copy of the text to its end, made both quadratic)
        "'Talks went on ' * 40,000, attributions",
        "runon.txt",
        page("Talks went on " * 40_000 + "."),
        "voices",
    ),
    ("18 MB HTML page (default limit)", "big.html", html(18_000_000), "clean"),
    ("18 MB HTML page (limit raised)", "big2.html", html(18_000_000), "clean-unlimited"),
]


def _small_memory() -> None:  # pragma: no cover - runs in the child process
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))


def run(command: str, path: Path, limit: float, *, cap_memory: bool = False) -> str:
    """Seconds the command takes on ``path`` in a fresh process (imports not counted)."""
    call = {
        "split": "from newsframe.text import split_sentences as s; f = lambda p: s(open(p).read())",
        "clean": "from newsframe.cli import main; f = lambda p: main(['clean', p])",
        "report": "from newsframe.cli import main; f = lambda p: main(['report', p])",
        "voices": "import newsframe as nf; f = lambda p: nf.attributions(nf.load_corpus(p))",
        "clean-unlimited": "from newsframe.cli import main; f = lambda p: main(['clean', p])",
    }[command]
    code = (
        f"import sys, time, io, contextlib; {call}\n"
        "out = io.StringIO(); err = io.StringIO()\n"
        "t = time.perf_counter()\n"
        "with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):\n"
        "    try: f(sys.argv[1])\n"
        "    except (Exception, MemoryError) as e: print(type(e).__name__, file=sys.__stderr__)\n"
        "print(f'{time.perf_counter() - t:.2f}')\n"
    )
    env = dict(os.environ)
    if command == "clean-unlimited":
        env["NEWSFRAME_MAX_BYTES"] = str(10**9)
    try:
        done = subprocess.run(
            [sys.executable, "-c", code, str(path)],
            capture_output=True,
            text=True,
            timeout=limit,
            env=env,
            check=False,
            preexec_fn=_small_memory if cap_memory else None,
        )
    except subprocess.TimeoutExpired:
        return f"> {limit:.0f} s"
    lines = done.stdout.strip().splitlines()
    note = f" ({done.stderr.strip().splitlines()[-1]})" if done.stderr.strip() else ""
    return (f"{lines[-1]} s" if lines else "failed") + note


# --- scale shapes: CPU time at two sizes must grow linearly -------------------------------------

SCALE_CHILD = r"""
import csv, json, sys, time, warnings
warnings.simplefilter("ignore")
import newsframe as nf
csv.field_size_limit(sys.maxsize)
steps = {}
def step(name, call):
    t = time.process_time()
    value = call()
    steps[name] = time.process_time() - t
    return value
story = step("story", lambda: nf.load_story(sys.argv[4])) if sys.argv[4:5] != [""] else None
corpus = step("load", lambda: nf.load_corpus(sys.argv[1], max_bytes=50_000_000, story=story))
step("analyse", lambda: nf.analyse_corpus(corpus))
step("tables", lambda: nf.compute_article_tables(corpus))
step("tfidf", lambda: nf.tfidf(corpus))
if sys.argv[2] == "report":
    import contextlib, io
    from newsframe.cli import main
    with contextlib.redirect_stderr(io.StringIO()) as err:
        code = step("report", lambda: main(["report", sys.argv[1], "--out", sys.argv[3], "--jobs", "1"]))
    if code != 0:
        raise SystemExit(err.getvalue())
print(json.dumps(steps))
"""


def tiny_articles(n: int) -> list[str]:
    """``n`` articles of one generated sentence each (no two alike)."""
    return [f"Talks Number {i}\n\nThe talks on the islands went on for day {i}, officials said." for i in range(n)]  # fmt: skip


def big_articles(n: int, size: int) -> list[str]:
    """``n`` articles of about ``size`` characters of generated prose in paragraphs."""
    return [f"Big Article {k}\n\n" + prose(size).replace("day ", f"day {k}-") for k in range(n)]


def run_on_quotes(n: int) -> list[str]:
    """One article whose body is one run-on "sentence" of ``n`` clauses, each a name, a
    reporting verb and a quotation ('Ann Lee3 said "we agree 3", and ...'): every quotation
    weighs the verbs of its sentence."""
    clauses = " ".join(f'Ann Lee{i % 7} said "we agree {i}", and' for i in range(n))
    return [f"Run On\n\n{clauses} the talks ended."]


#: (label, texts at the smaller size, texts at the larger size): the larger is twice the smaller.
SCALE = [
    (
        "tiny articles, one sentence each",
        lambda: tiny_articles(10_000),
        lambda: tiny_articles(20_000),
    ),
    (
        "10 articles, 1 MB -> 2 MB each",
        lambda: big_articles(10, 1_000_000),
        lambda: big_articles(10, 2_000_000),
    ),
    (
        "one sentence of 2,000 -> 4,000 quoted clauses",
        lambda: run_on_quotes(2_000),
        lambda: run_on_quotes(4_000),
    ),
    (
        "report: tiny articles 5k -> 10k",
        lambda: tiny_articles(5_000),
        lambda: tiny_articles(10_000),
    ),
]


def story_of(n: int) -> str:
    """A story file of ``n`` actors (two aliases each, one of them an article's word for the
    last actor) and one naming concept of ``n`` variants, as a user might generate one."""
    actors = "".join(f'[actor.a{i}]\nkind = "person"\naliases = ["Zed{i} Quorn", "Q{i} Zed"]\n' for i in range(n))  # fmt: skip
    variants = "".join(f'[[concept.c.variant]]\nname = "v{i}"\naliases = ["isle{i}"]\n' for i in range(n))  # fmt: skip
    return actors.replace(f'"Q{n - 1} Zed"', '"officials"') + variants.replace(f'"isle{n - 1}"', '"islands"')  # fmt: skip


#: (label, texts, story at the smaller size, story at the larger size): the story's tables grow.
SCALE_STORIES = [
    (
        "story: 10k -> 20k actors and variants",
        lambda: tiny_articles(200),
        lambda: story_of(10_000),
        lambda: story_of(20_000),
    ),
]


def scale_run(
    texts: list[str], folder: Path, limit: float, *, report: bool = False, story: str = ""
) -> dict[str, float] | str:
    """CPU seconds of each step on an article table of ``texts`` (with the story file ``story``
    if given), in a fresh process."""
    import csv
    import json
    import shutil
    from datetime import date, timedelta

    table = folder / "scale.csv"
    out = folder.parent / f"{folder.name}-report"
    shutil.rmtree(out, ignore_errors=True)
    day = date(2024, 1, 1)
    with table.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["article_id", "text", "group", "published"])  # 10 groups over two years
        writer.writerows((f"s{i}", text, f"g{i % 10}", (day + timedelta(days=i % 730)).isoformat())
                         for i, text in enumerate(texts))  # fmt: skip
    story_path = ""
    if story:
        (folder / "story.toml").write_text(story, "utf-8")
        story_path = str(folder / "story.toml")
    try:
        done = subprocess.run(
            [sys.executable, "-c", SCALE_CHILD, str(table), "report" if report else "", str(out),
             story_path],
            capture_output=True, text=True, timeout=limit, check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return f"> {limit:.0f} s"
    if done.returncode != 0:
        return "failed: " + " | ".join(done.stderr.strip().splitlines()[-2:])[:200]
    return json.loads(done.stdout.strip().splitlines()[-1])


def scale(limit: float, folder: Path, only: list[str] | None = None) -> None:
    """Print CPU seconds per step at two sizes and their ratio (2.0 is linear); ``only``: the
    shapes whose label contains one of these words."""
    print(f"\n{'scale shape (CPU s)':<36} {'step':<8} {'1x':>8} {'2x':>8} {'ratio':>6}")
    shapes = [(label, small, large, None, None) for label, small, large in SCALE]
    shapes += [(label, texts, texts, small, large) for label, texts, small, large in SCALE_STORIES]
    for label, small, large, story_small, story_large in shapes:
        if only and not any(o.lower() in label.lower() for o in only):
            continue
        report = label.startswith("report")
        a = scale_run(small(), folder, limit, report=report, story=story_small() if story_small else "")  # fmt: skip
        b = scale_run(large(), folder, limit, report=report, story=story_large() if story_large else "")  # fmt: skip
        if isinstance(a, str) or isinstance(b, str):
            print(f"{label:<36} {a if isinstance(a, str) else ''} {b if isinstance(b, str) else ''}")  # fmt: skip
            continue
        for name in a:
            ratio = b[name] / a[name] if a[name] > 0.05 else float("nan")
            print(f"{label:<36} {name:<8} {a[name]:>8.2f} {b[name]:>8.2f} {ratio:>6.2f}", flush=True)  # fmt: skip
        total_a, total_b = sum(a.values()), sum(b.values())
        print(f"{label:<36} {'total':<8} {total_a:>8.2f} {total_b:>8.2f} {total_b / total_a:>6.2f}", flush=True)  # fmt: skip


def main(limit: float = 120.0) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"{'case':<36} {'hostile':>22} {'normal, same size':>18}")
        for label, name, text, command in CASES:
            hostile = folder / name
            hostile.write_text(text, "utf-8")
            normal = folder / f"normal-{name}"
            normal.write_text(
                html(len(text)) if name.endswith(".html") else page(prose(len(text))), "utf-8"
            )
            print(
                f"{label:<36} {run(command, hostile, limit):>22} {run(command, normal, limit):>18}",
                flush=True,
            )
        if hasattr(os, "mkfifo"):
            os.mkfifo(folder / "fifo.txt")
            os.symlink("/dev/zero", folder / "zero.txt")
            for name in ("fifo.txt", "zero.txt"):
                # capped at 1.5 GB of memory: reading /dev/zero to the end must not starve the machine
                status = run("clean", folder / name, limit, cap_memory=True)
                print(f"{'clean ' + name:<36} {status:>22}", flush=True)


TABLES_CHILD = """
import resource, sys, time, warnings
warnings.simplefilter("ignore")
import newsframe as nf
articles, story = sys.argv[1], sys.argv[2]
corpus = nf.load_corpus(articles, story=story)
corpus.documents()
for name, func in (("actor_prominence", nf.actor_prominence), ("naming_variants", nf.naming_variants)):
    start = time.process_time()
    rows = len(func(corpus))
    print(name, rows, round(time.process_time() - start, 2), flush=True)
print("peak_mb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def tables(n_articles: int, n_actors: int, limit: float) -> None:
    """Rows, CPU seconds and peak memory of the per-article actor and naming tables of
    ``n_articles`` one-sentence articles under a story file of ``n_actors`` actors and variants
    (each article names two actors and one variant): the tables' rows grow with the mentions,
    not with articles × actors."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rows = ["article_id,text"] + [
            f's{i},"Zed{i % n_actors} Quorn met Zed{(7 * i) % n_actors} Quorn on isle{i % n_actors}."'
            for i in range(n_articles)
        ]  # fmt: skip
        (folder / "t.csv").write_text("\n".join(rows) + "\n", "utf-8")
        (folder / "story.toml").write_text(story_of(n_actors), "utf-8")
        try:
            done = subprocess.run([sys.executable, "-c", TABLES_CHILD, str(folder / "t.csv"),
                                   str(folder / "story.toml")], capture_output=True, text=True,
                                  timeout=limit, check=False)  # fmt: skip
        except subprocess.TimeoutExpired:
            print(f"{n_articles:,} articles x {n_actors:,} actors: > {limit:.0f} s")
            return
        print(f"{n_articles:,} articles x {n_actors:,} actors (rows, CPU s):")
        print(done.stdout.strip() or done.stderr.strip().splitlines()[-1])


# --- growth: one odd article at 1x, 2x, 4x, 8x ----------------------------------------------------

GROWTH_CHILD = r"""
import json, re, sys, time, traceback, warnings
warnings.simplefilter("ignore")
import newsframe as nf
from newsframe.errors import NewsframeError
steps = {}
def step(name, call):
    t = time.process_time()
    try:
        value = call()
        steps[name] = [round(time.process_time() - t, 3), "ok"]
        return value
    except NewsframeError as e:
        steps[name] = [round(time.process_time() - t, 3), "error: " + str(e)[:200]]
    except Exception as e:
        where = traceback.format_exc().splitlines()[-3].strip()[:160]
        steps[name] = [round(time.process_time() - t, 3), f"CRASH {type(e).__name__}: {e} @ {where}"[:300]]
corpus = step("load", lambda: nf.load_corpus(sys.argv[1], max_bytes=100_000_000))
rules = step("rules", lambda: nf.load_corpus(sys.argv[1], max_bytes=100_000_000, method="rules"))
words = lambda t: re.sub(r"\W+", " ", t).strip().lower()
lost = 0
for a in list(corpus or []) + list(rules or []):
    audit = a.line_audit()
    text = words(" ".join([a.title, a.body, *a.captions]))
    lost += sum(s == "body" and words(t) not in text for s, t in zip(audit["status"], audit["text"]))
if lost:
    steps["LOST"] = [0.0, f"LOST {lost} body lines not in the text"]
if corpus is not None:
    step("analyse", lambda: nf.analyse_corpus(corpus))
    step("tables", lambda: nf.compute_article_tables(corpus))
    step("discover", lambda: nf.discover_actors(corpus))
print(json.dumps(steps))
"""

_PARA = (
    "The foreign minister met his counterpart in the capital on day {n} for talks on the "
    'disputed islands, officials said. "We made progress," the minister told reporters. Both '
    "sides agreed to meet again in the spring, and fishermen said prices for crab had fallen.\n\n"
)


def _name(i: int) -> str:
    """A made-up person's name, distinct for every ``i``."""
    c, v = "BCDFGHJKLMNPRSTVZ", "aeiou"
    given = c[i % 17] + v[i // 17 % 5] + "l" + v[i // 85 % 5] + c[i // 425 % 17].lower() + "a"
    return f"{given} {c[i * 7 % 17]}{v[i * 3 % 5]}r{c[i // 3 % 17].lower()}ov{i}"


def _long(n: int) -> str:
    return "Talks On The Islands Resume\n\n" + "".join(_PARA.format(n=i) for i in range(60 * n))


def _html(title: str, body: str) -> str:
    return f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>"  # fmt: skip


#: shape -> article of size n (about n times a unit); names starting "html" are saved pages.
GROWTH: dict[str, Callable[[int], str]] = {
    "long article": _long,
    "one paragraph": lambda n: (
        "One Paragraph\n\n"
        + " ".join(f"The talks on day {i} went on, officials said." for i in range(400 * n))
    ),
    "quotations": lambda n: (
        "Quotes\n\n"
        + " ".join(f'"We agree on point {i}," {_name(i % 50)} said.' for i in range(300 * n))
    ),
    "names": lambda n: (
        "Names\n\n" + " ".join(f"{_name(i)} met officials on the islands." for i in range(300 * n))
    ),
    "short lines": lambda n: (
        "Short Lines\n\n"
        + "\n".join(f"Item {i}" if i % 3 else f"Share {i}" for i in range(2000 * n))
        + "\n"
        + _long(1)
    ),
    "one line, no newline": lambda n: "Talks went on and the minister said so. " * (2500 * n),
    "list page": lambda n: (
        "A List\n\n"
        + "\n".join(f"- Point {i}: the talks went on, officials said." for i in range(600 * n))
    ),
    "unbalanced quotes": lambda n: (
        "Unbalanced\n\n"
        + " ".join(f'He said "the talks on day {i} went on.' for i in range(400 * n))
    ),
    "descriptions": lambda n: (
        "Descriptions\n\n"
        + "\n\n".join(
            f'{_name(i)}, a spokesman for the Ministry of Fisheries {i}, said the talks went on. "We agree," {_name(i).split()[1]} said.'
            for i in range(200 * n)
        )
    ),
    "given names": lambda n: (
        "Given Names\n\n"
        + "\n\n".join(
            f'{_name(i)} said the talks went on. {_name(i).split()[0]} agreed, and {_name(i).split()[1]} told reporters "yes".'
            for i in range(200 * n)
        )
    ),
    "repeated headline": lambda n: (
        "Talks On The Islands Resume\n\n"
        + "".join(
            _PARA.format(n=i) + "Talks On The Islands Resume\n\n" * (i % 2) for i in range(100 * n)
        )
    ),
    "long page end": lambda n: (
        _long(1)
        + "\n".join(
            ("Related", "Share this article", "Comments (3)", "Read more: talks")[i % 4] + f" {i}"
            for i in range(1000 * n)
        )
    ),
    "nested quotation marks": lambda n: (
        "Nested\n\nHe said " + "“she said ‘" * (100 * n) + "yes" + "’”" * (100 * n) + " and left."
    ),
    "quotation marks only": lambda n: "Marks\n\nHe said " + "\"“”‘’'«»„" * (1000 * n) + ".",
    "run of capitals": lambda n: (
        "Caps\n\n"
        + " ".join(_name(i).split()[0] for i in range(2000 * n))
        + " said the talks went on."
    ),
    "CR line ends": lambda n: _long(n).replace("\n", "\r"),
    "CJK": lambda n: (
        "東京の会談\n\n"
        + "\n\n".join("外務大臣は首都で会談した。" * 10 + f" {i}" for i in range(100 * n))
    ),
    "html paragraphs": lambda n: _html(
        "Paras",
        "".join(f"<p>The talks on day {i} went on, officials said.</p>" for i in range(300 * n)),
    ),
    "html table rows": lambda n: _html(
        "Table",
        f"<p>{_PARA.format(n=0)}</p><table>"
        + "".join(
            f"<tr><td>Row {i}</td><td>the talks went on, officials said {i}</td></tr>"
            for i in range(150 * n)
        )
        + "</table>",
    ),
    "html inline elements": lambda n: _html(
        "Spans", "<p>" + " ".join(f"<span>word{i}</span>" for i in range(2000 * n)) + ".</p>"
    ),
    "html line breaks": lambda n: _html(
        "Breaks",
        "<p>"
        + "<br>".join(f"Line {i} of the talks, officials said." for i in range(400 * n))
        + "</p>",
    ),
    "html divs": lambda n: _html(
        "Divs",
        "".join(
            f"<div class='c{i}'><div><p>Talks {i} went on, officials said.</p></div></div>"
            for i in range(300 * n)
        ),
    ),
}


def growth(limit: float, sizes: list[int], only: list[str]) -> None:
    """Print CPU seconds per step of each shape at ``sizes`` and the ratio per doubling."""
    with tempfile.TemporaryDirectory() as tmp:
        for shape, make in GROWTH.items():
            if only and not any(o.lower() in shape.lower() for o in only):
                continue
            times: dict[str, list[float]] = {}
            for k in sizes:
                folder = Path(tmp) / f"{shape.replace(' ', '_')}{k}"
                folder.mkdir()
                odd = "odd.html" if shape.startswith("html") else "odd.txt"
                (folder / odd).write_text(make(k), "utf-8")
                (folder / "a.txt").write_text(_long(1).replace("crab", "squid"), "utf-8")
                (folder / "articles.csv").write_text(f"article_id,file\nodd,{odd}\na,a.txt\n", "utf-8")  # fmt: skip
                try:
                    done = subprocess.run([sys.executable, "-c", GROWTH_CHILD, str(folder / "articles.csv")],
                                          capture_output=True, text=True, timeout=limit, check=False)  # fmt: skip
                    steps = json.loads(done.stdout.strip().splitlines()[-1]) if done.stdout.strip() else {"all": [0.0, "CRASH " + done.stderr[-200:]]}  # fmt: skip
                except subprocess.TimeoutExpired:
                    steps = {"all": [limit, f"> {limit:.0f} s"]}
                said = [f"{s}: {v[1]}" for s, v in steps.items() if v[1] != "ok"]
                print(f"{shape} {k}x ({(folder / odd).stat().st_size:,} bytes) {'; '.join(said)}", flush=True)  # fmt: skip
                for s, v in steps.items():
                    times.setdefault(s, []).append(v[0])
            for s, ts in times.items():
                if s in ("LOST", "all"):
                    continue
                ratios = " ".join(f"{b / a:.2f}" if a > 0.05 else "-" for a, b in pairwise(ts))
                print(f"  {shape:<24} {s:<9} {' '.join(f'{t:7.2f}' for t in ts)}  ratios {ratios}", flush=True)  # fmt: skip


def bad_bytes(sizes_mb: list[int]) -> None:
    """Naming the line of the first byte that is not UTF-8 in a big table (the error message of
    a cp1252 export): :func:`newsframe.files.first_bad_utf8` on tables of ``sizes_mb`` MB whose
    bad byte is in the last row, beside the field-standard baseline in the same process, Python's
    ``bytes.decode("utf-8")`` of the whole file (which finds the byte but no line), CPU seconds
    and the ratio per size step (equal to the size step is linear)."""
    import time

    from newsframe.files import first_bad_utf8

    row = b'a,"The minister met his counterpart in the capital on Monday for talks."\n'
    print(f"{'MB':>5} {'first_bad_utf8':>15} {'decode':>8} {'ratio to decode':>16}", flush=True)
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for mb in sizes_mb:
            path = Path(tmp) / f"t{mb}.csv"
            path.write_bytes(b"id,text\n" + row * (mb * 1_000_000 // len(row)) + b'b,"caf\xe9"\n')
            start = time.process_time()
            where = first_bad_utf8(path)
            ours = time.process_time() - start
            start = time.process_time()
            with contextlib.suppress(UnicodeDecodeError):
                path.read_bytes().decode("utf-8")
            base = time.process_time() - start
            times.append(ours)
            print(f"{mb:>5} {ours:>14.3f}s {base:>7.3f}s {ours / max(base, 1e-9):>15.1f}x  at {where}",
                  flush=True)  # fmt: skip
    steps = " ".join(f"{b / a:.2f}" if a > 0.01 else "-" for a, b in pairwise(times))
    print(f"growth per size step: {steps} (size steps: "
          f"{' '.join(f'{b / a:.2f}' for a, b in pairwise(sizes_mb))})")  # fmt: skip


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "mode",
        nargs="?",
        default=None,
        help="tables, growth, scale, badbytes, or the limit in seconds",
    )
    parser.add_argument("rest", nargs="*", help="the mode's own arguments (see above)")
    args = parser.parse_args()

    def number(text: str, kind: type, what: str) -> float:
        try:
            return kind(text)
        except ValueError:
            parser.error(f"{what}: expected a number, got {text!r}")
            raise  # parser.error exits

    rest = args.rest
    if args.mode == "tables":  # tables [articles] [actors]
        counts = [int(number(a, int, "tables")) for a in rest[:2]]
        tables(*(counts + [2_000, 10_000][len(counts) :]), limit=1800.0)
    elif args.mode == "growth":  # growth [limit] [sizes] [shape ...]
        sizes = [
            int(number(k, int, "sizes"))
            for k in (rest[1] if len(rest) > 1 else "4,8,16,32").split(",")
        ]
        growth(number(rest[0], float, "limit") if rest else 300.0, sizes, rest[2:])
    elif args.mode == "scale":  # scale [limit] [label ...]
        with tempfile.TemporaryDirectory() as tmp:
            scale(number(rest[0], float, "limit") if rest else 1800.0, Path(tmp), rest[1:])
    elif args.mode == "badbytes":  # badbytes [sizes in MB]
        bad_bytes(
            [int(number(k, int, "sizes")) for k in (rest[0] if rest else "50,100").split(",")]
        )
    elif rest:
        parser.error(f"unexpected arguments {rest}")
    else:
        main(*([] if args.mode is None else [number(args.mode, float, "limit")]))
