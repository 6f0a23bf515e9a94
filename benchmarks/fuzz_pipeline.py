"""Fuzz round two: odd and hostile inputs through the whole pipeline, each beside a normal corpus
of the same size, in separate processes with a time limit.

Every case is a small corpus written to a temporary folder: a manifest naming the odd article
and two ordinary ones (or an odd manifest or story file). Each runs in a fresh interpreter:
``load_corpus`` (with the story file, if any) → ``analyse_corpus`` → every per-article table
(``compute_article_tables``) → ``keyness_one_vs_rest`` and ``tfidf`` → ``newsframe report`` (small
cases only). A case passes when every step gives a result or ONE ``NewsframeError`` naming the
problem; a traceback of any other exception, a hang (cut off at the limit) or a time more than
``RATIO`` times that of the normal corpus of the same size (measured the same way, in the same
run) is flagged, and so is a page line the audit (``Article.line_audit``) calls body that is
nowhere in the article's text (a line lost silently). Round three adds whole corpora: odd
folders (through ``newsframe clean`` and ``report``), article tables with odd dates, periods and
group columns (through ``report`` with the options given), odd manifests and story files.
Round five adds the sweep's big inputs with the size limit raised (a 50 MB line, a 20 MB CSV
field), manifests with odd dates or one file twice, and a story file of huge lists. All text is
generated here from fixed seeds.

Usage: python benchmarks/fuzz_pipeline.py [limit_seconds] [case-substring ...]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

RATIO = 10.0

PROSE = (
    "The foreign minister met his counterpart in the capital on Monday for talks on the disputed "
    'islands, officials said. "We made progress," the minister told reporters. Both sides agreed '
    "to meet again in the spring, and fishermen said prices for crab had fallen by a third.\n\n"
)
OTHER = (
    "Local farmers gathered in the market square on Tuesday to protest the new water rules, "
    'which they say will ruin the harvest. "We cannot live like this," one farmer said.\n\n'
)


def prose(size: int, text: str = PROSE) -> str:
    """Ordinary article text of about ``size`` characters, numbered so no paragraph repeats."""
    out, n = [], 0
    total = 0
    while total < size:
        n += 1
        para = text.replace("Monday", f"day {n}").replace("Tuesday", f"day {n}")
        out.append(para)
        total += len(para)
    return "Talks On The Islands Resume\n\n" + "".join(out)[:size]


def rng(seed: int) -> random.Random:
    return random.Random(seed)


# --- the odd article texts (bytes) --------------------------------------------------------------


def words(r: random.Random, n: int) -> list[str]:
    return ["".join(r.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(r.randint(2, 9))) for _ in range(n)]  # fmt: skip


def names(n: int) -> list[str]:
    r = rng(7)
    first = ["".join(r.choice("BCDFGHJKLMNPRSTVZ") + r.choice("aeiou") + r.choice("lmnrst") + r.choice("aeiou")) for _ in range(n)]  # fmt: skip
    last = ["".join(r.choice("BCDFGHJKLMNPRSTVZ") + r.choice("aeiou") + r.choice("nrsk") + "ov") for _ in range(n)]  # fmt: skip
    return [f"{a} {b}" for a, b in zip(first, last, strict=True)]


def sentences(n: int, seed: int = 1) -> str:
    r = rng(seed)
    paras = []
    for i in range(0, n, 5):
        paras.append(" ".join(f"The talks on day {i + k} went on, {' '.join(words(r, 6))}." for k in range(min(5, n - i))))  # fmt: skip
    return "Many Sentences\n\n" + "\n\n".join(paras) + "\n"


def quotes(n: int) -> str:
    paras = [
        " ".join(f'"We made progress on point {i + k}," the minister said.' for k in range(5))
        for i in range(0, n, 5)
    ]
    return "Many Quotes\n\n" + "\n\n".join(paras) + "\n"


def capitalised(n: int) -> str:
    people = names(n)
    paras = [
        " ".join(f"{p} met officials on the islands." for p in people[i : i + 5])
        for i in range(0, n, 5)
    ]
    return "Many Names\n\n" + "\n\n".join(paras) + "\n"


def speakers(n: int) -> str:
    people = names(n)
    paras = [f'"The talks went well on day {i}," {p} said.' for i, p in enumerate(people)]
    return "Many Speakers\n\n" + "\n\n".join(paras) + "\n"


def unbalanced(n: int) -> str:
    paras = [
        f'The minister said "the talks on day {i} went on and on, officials said.' for i in range(n)
    ]
    return "Unbalanced Quotes\n\n" + "\n\n".join(paras) + "\n"


def html_page(body: str, head: str = "<title>A Page</title>") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def tiny_paragraphs(n: int) -> str:
    return html_page(
        "<article><h1>Tiny Paragraphs</h1>"
        + "".join(f"<p>Talks {i} went on.</p>" for i in range(n))
        + "</article>"
    )


def mixed_scripts(n: int) -> str:
    r = rng(3)
    pieces = ["Москва", "東京", "القاهرة", "ירושלים", "Αθήνα", "दिल्ली", "서울", "islands", "Kyiv"]
    paras = [" ".join(r.choice(pieces) for _ in range(12)) + "." for _ in range(n)]
    return "Mixed Scripts 混合\n\n" + "\n\n".join(paras) + "\n"


def zero_width(n: int) -> str:
    text = prose(n)
    return "".join(c + ("\u200b" if i % 3 == 0 else "\u0301" if i % 7 == 0 else "") for i, c in enumerate(text))  # fmt: skip


def rtl(n: int) -> str:
    return "\u202eTalks On The Islands\u202c\n\n" + "\n\n".join(
        f"\u202bالمحادثات {i} officials said \u200fمستمرة\u200f.\u202c" for i in range(n)
    )


def control_chars(n: int) -> str:
    r = rng(5)
    text = prose(n)
    return "".join(c if r.random() > 0.02 else chr(r.choice([0, 1, 7, 8, 11, 12, 27, 127])) for c in text)  # fmt: skip


def lowercase_lines(n: int) -> str:
    return "Talks\n\n" + "\n".join(f"the talks on day {i} went on and on" for i in range(n)) + "\n"


def wrapped_lines(n: int) -> str:
    line = "The Talks On Day {} Went On And On Between The Two Sides Of The Dispute xx"
    return "Talks\n\n" + "\n".join(line.format(i) for i in range(n)) + " end.\n"


def capital_run(n: int) -> str:
    r = rng(11)
    run = " ".join(r.choice("BCDFGHKLMNPRSTVZ") + "".join(r.choice("aeiourlnst") for _ in range(5)) for _ in range(n))  # fmt: skip
    return f"Many Capitals\n\n{run} said the talks went on.\n"


def one_surname(n: int) -> str:
    people = [p.split()[0] for p in names(n)]
    return "One Surname\n\n" + "\n\n".join(f"{p} Smith said the talks went on. Smith agreed." for p in people) + "\n"  # fmt: skip


def hyphen_name(parts: int) -> str:
    name = "-".join(p.split()[0] for p in names(parts))
    return "Hyphens\n\n" + "\n\n".join(f"{name} said the talks went on." for _ in range(20)) + "\n"  # fmt: skip


def acronyms(n: int) -> str:
    return "Acronyms\n\n" + "\n\n".join(f"The Agency for Coastal Safety Number {i} (ACS) said ACS met." for i in range(n)) + "\n"  # fmt: skip


ArticleMaker = Callable[[], bytes]

#: (label, file suffix, bytes of the odd article); the normal corpus has the same size in prose.
ARTICLES: list[tuple[str, str, ArticleMaker]] = [
    ("empty file", ".txt", lambda: b""),
    ("whitespace only", ".txt", lambda: b" \n\t\r\n   \n" * 100),
    ("binary (random bytes)", ".txt", lambda: bytes(rng(1).randrange(256) for _ in range(20_000))),
    (
        "binary with a .html name",
        ".html",
        lambda: bytes(rng(2).randrange(256) for _ in range(20_000)),
    ),
    ("one 5 MB line", ".txt", lambda: ("Talks went on " * 360_000).encode()),
    ("100k one-word lines", ".txt", lambda: "\n".join(words(rng(4), 100_000)).encode()),
    ("only quotation marks", ".txt", lambda: ('"' * 5000 + "\n\n" + "“”‘’" * 2000).encode()),
    ("unbalanced quotes x 3000 paragraphs", ".txt", lambda: unbalanced(3000).encode()),
    (
        "only numbers",
        ".txt",
        lambda: "\n\n".join(
            " ".join(str(i * 7 + k) for k in range(12)) for i in range(2000)
        ).encode(),
    ),
    (
        "only URLs",
        ".txt",
        lambda: "\n\n".join(f"https://example.org/a/{i}?q={i}#x" for i in range(3000)).encode(),
    ),
    ("only emoji", ".txt", lambda: "\n\n".join("😀🇯🇵👍🏽🔥" * 20 for _ in range(500)).encode()),
    ("RTL marks and Arabic", ".txt", lambda: rtl(2000).encode()),
    ("zero-width and combining", ".txt", lambda: zero_width(60_000).encode()),
    ("mixed scripts", ".txt", lambda: mixed_scripts(2000).encode()),
    ("NUL and control characters", ".txt", lambda: control_chars(60_000).encode()),
    ("CRLF newlines", ".txt", lambda: prose(60_000).replace("\n", "\r\n").encode()),
    ("CR-only newlines", ".txt", lambda: prose(60_000).replace("\n", "\r").encode()),
    ("UTF-16 LE without BOM", ".txt", lambda: prose(60_000).encode("utf-16-le")),
    ("UTF-16 BE without BOM", ".txt", lambda: prose(60_000).encode("utf-16-be")),
    (
        "HTML with scripts only",
        ".html",
        lambda: html_page("<script>var a = 1;</script>" * 2000, "<script>x()</script>").encode(),
    ),
    ("HTML with 10k tiny paragraphs", ".html", lambda: tiny_paragraphs(10_000).encode()),
    (
        "HTML element with 100k attributes",
        ".html",
        lambda: html_page(
            "<article "
            + " ".join(f"a{i}='x'" for i in range(100_000))
            + f"><p>{PROSE}</p></article>"
        ).encode(),
    ),
    (
        "HTML comment never closed",
        ".html",
        lambda: html_page(f"<article><p>{PROSE}</p><!-- " + "x " * 200_000 + "</article>").encode(),
    ),
    (
        "HTML 5 MB data: URI image",
        ".html",
        lambda: html_page(
            f"<article><p>{PROSE}</p><img src='data:image/png;base64,"
            + "A" * 5_000_000
            + "'></article>"
        ).encode(),
    ),
    (
        "HTML 50k <br>",
        ".html",
        lambda: html_page(f"<article><p>{PROSE}</p>" + "<br>" * 50_000 + "</article>").encode(),
    ),
    (
        "HTML frameset only",
        ".html",
        lambda: b"<html><frameset><frame src='a.html'></frameset></html>",
    ),
    ("one sentence", ".txt", lambda: b"Talks Resume\n\nThe minister met his counterpart.\n"),
    ("5,000 sentences", ".txt", lambda: sentences(5000).encode()),
    ("3,000 distinct capitalised names", ".txt", lambda: capitalised(3000).encode()),
    ("10k quotations", ".txt", lambda: quotes(10_000).encode()),
    ("3,000 distinct speakers", ".txt", lambda: speakers(3000).encode()),
    ("20k lowercase lines without a stop", ".txt", lambda: lowercase_lines(20_000).encode()),
    ("8k hard-wrapped lines", ".txt", lambda: wrapped_lines(8000).encode()),
    ("10k capitalised words in a row", ".txt", lambda: capital_run(10_000).encode()),
    ("5,000 people sharing a surname", ".txt", lambda: one_surname(5000).encode()),
    ("a name of 200 hyphenated parts", ".txt", lambda: hyphen_name(200).encode()),
    ("an acronym defined 1,000 times", ".txt", lambda: acronyms(1000).encode()),
    (
        "nested parentheses",
        ".txt",
        lambda: ("Talks\n\nTalks " + "(X " * 5000 + ")" * 5000 + " went on.\n").encode(),
    ),
    (
        "mixed quotation marks",
        ".txt",
        lambda: ("Quotes\n\nHe said " + "\"“”‘’'«»„" * 20_000 + ".\n").encode(),
    ),
    (
        "a quotation never closed over 1 MB",
        ".txt",
        lambda: ('Open\n\nHe said "' + "the talks went on, officials said. " * 30_000).encode(),
    ),
    (
        "50k identical lines",
        ".txt",
        lambda: "\n".join(["Read more on the islands"] * 50_000).encode(),
    ),
    (
        "lone surrogates escaped",
        ".txt",
        lambda: "\n\n".join(["talks \\ud800 on \\udfff islands"] * 5000).encode(),
    ),
    (
        "a page of only chrome",
        ".txt",
        lambda: "\n".join(
            ["Home", "News", "Subscribe", "Sign in", "Read more", "Share this article"] * 2000
        ).encode(),
    ),
]

#: The cases above whose label holds one of these words run again with ``method="model"``.
MODEL_CASES = ("line", "empty", "emoji", "RTL", "NUL", "CR", "chrome", "only", "scripts")

#: Odd manifests: (label, manifest bytes, the files it names); {normal} is an ordinary article.
MANIFESTS: list[tuple[str, bytes, dict[str, str]]] = [
    ("manifest with a BOM", "\ufeffarticle_id,file\na,a.txt\nb,b.txt\n".encode(), {}),
    ("manifest with blank rows", b"article_id,file\n\na,a.txt\n,\n\nb,b.txt\n\n", {}),
    ("manifest with duplicate ids", b"article_id,file\na,a.txt\na,b.txt\n", {}),
    ("manifest id with a slash", b"article_id,file\nx/y,a.txt\nb,b.txt\n", {}),
    ("manifest id '..'", b"article_id,file\n..,a.txt\nb,b.txt\n", {}),
    ("manifest id '.'", b"article_id,file\n.,a.txt\nb,b.txt\n", {}),
    ("manifest id with $...$", b"article_id,file\n$\\frac{a}{b}$,a.txt\nb,b.txt\n", {}),
    ("manifest ids differing in case", b"article_id,file\nA,a.txt\na,b.txt\n", {}),
    ("manifest odd quoting", b'article_id,file,title\n"a""x",a.txt,"t, ""q"""\nb,"b.txt",\n', {}),
    ("manifest quoted newline in id", b'article_id,file\n"a\nb",a.txt\nb,b.txt\n', {}),
    ("manifest whitespace id", b"article_id,file\n   ,a.txt\nb,b.txt\n", {}),
    ("manifest CR-only", b"article_id,file\ra,a.txt\rb,b.txt\r", {}),
    ("manifest UTF-16", "article_id,file\na,a.txt\nb,b.txt\n".encode("utf-16"), {}),
    ("manifest only header", b"article_id,file\n", {}),
    ("manifest empty", b"", {}),
    ("manifest group of $", b"article_id,file,group\na,a.txt,$x$\nb,b.txt,$y^2$\n", {}),
    (
        "manifest 500-char id",
        ("article_id,file\n" + "x" * 500 + ",a.txt\nb,b.txt\n").encode(),
        {},
    ),
    ("manifest id with NUL", b"article_id,file\na\x00z,a.txt\nb,b.txt\n", {}),
    (
        "manifest file is a folder",
        b"article_id,file\na,sub\nb,b.txt\n",
        {"sub/x.txt": "{normal}"},
    ),
]

#: Odd story files (TOML text), used with the two ordinary articles.
STORIES: list[tuple[str, str]] = [
    ("story empty", ""),
    ("story odd keys", "[nonsense]\nx = 1\n[story]\nname = 3\n"),
    ("story aliases not a list", '[actor.p]\nname = "P"\nkind = "person"\naliases = "Minister"\n'),
    ("story aliases empty list", '[actor.p]\nname = "P"\nkind = "person"\naliases = []\n'),
    ("story alias empty string", '[actor.p]\nname = "P"\nkind = "person"\naliases = [""]\n'),
    ("story alias of spaces", '[actor.p]\nname = "P"\nkind = "person"\naliases = ["   "]\n'),
    (
        "story alias of punctuation",
        '[actor.p]\nname = "P"\nkind = "person"\naliases = ["(*)", "."]\n',
    ),
    ("story alias a number", '[actor.p]\nname = "P"\nkind = "person"\naliases = [3]\n'),
    (
        "story 20k aliases",
        '[actor.p]\nname = "P"\nkind = "person"\naliases = ['
        + ", ".join(f'"Al{i} Xq{i}"' for i in range(20_000))
        + "]\n",
    ),
    (
        "story 2,000 actors",
        "".join(
            f'[actor.a{i}]\nname = "A{i}"\nkind = "person"\naliases = ["Zed{i}"]\n'
            for i in range(2000)
        ),
    ),
    (
        "story actor name $...$",
        '[actor.p]\nname = "$\\\\frac{1}{2}$"\nkind = "person"\naliases = ["minister"]\n',
    ),
    ("story concept no variants", '[concept.c]\ndescription = "x"\n'),
    ("story concept variants empty", "[concept.c]\nvariant = []\n"),
    (
        "story variant aliases empty",
        '[[concept.c.variant]]\nname = "v"\nusage = "x"\naliases = []\n',
    ),
    ("story phrases empty strings", '[terms]\nphrases = ["", " ", "a"]\nstopwords = [""]\n'),
    ("story frames odd", '[frames.x.y]\nadd = ["talks"]\n[frames."*"]\nexclude = ["("]\n'),
    ("story compare one", '[story]\ncompare = ["a"]\n'),
    ("story compare unknown", '[story]\ncompare = ["nope", "zip"]\n'),
    ("story group missing column", '[story]\ngroup = "nope"\n'),
    ("story sentiment exclude odd", "[sentiment]\nexclude = [1, 2]\n"),
    ("story reporting verbs odd", '[reporting_verbs]\nneutral = ["", "say say", "s"]\n'),
]


def parquet(columns: dict[str, list]) -> bytes:
    """A Parquet file of ``columns`` (pyarrow infers the types: bytes, lists, nulls)."""
    import io

    import pyarrow as pa
    import pyarrow.parquet as pq

    out = io.BytesIO()
    pq.write_table(pa.table(columns), out)
    return out.getvalue()


def csv_rows(header: str, rows: list[str]) -> bytes:
    return (header + "\n" + "\n".join(rows) + "\n").encode()


TEXT = "The talks on the islands went on, officials said."

#: Odd article tables: (label, file name, bytes of the table), read as the corpus itself.
TABLES: list[tuple[str, str, ArticleMaker]] = [
    ("parquet text of bytes", "t.parquet", lambda: parquet({"text": [TEXT.encode()] * 3})),
    ("parquet text of lists", "t.parquet", lambda: parquet({"text": [[TEXT, TEXT]] * 3})),
    ("parquet text of NaN", "t.parquet", lambda: parquet({"text": [float("nan"), 1.5, None]})),
    ("csv text of NaN", "t.csv", lambda: csv_rows("text,date", ["NaN,2024-01-08", "nan,"])),
    (
        "csv dates in mixed time zones",
        "t.csv",
        lambda: csv_rows(
            "text,date",
            [
                f"{TEXT} {i},2024-01-08T09:30:00{z}"
                for i, z in enumerate(["Z", "+09:00", "-05:00", ""])
            ],
        ),
    ),
    (
        "parquet dates in mixed time zones",
        "t.parquet",
        lambda: parquet(
            {"text": [TEXT + " a", TEXT + " b"], "date": ["2024-01-08T09:30:00Z", "2024-01-08"]}
        ),
    ),
    ("csv 50 MB single cell", "t.csv", lambda: csv_rows("text", ['"' + TEXT * 1_020_000 + '"'])),
    ("csv 100k duplicate rows", "t.csv", lambda: csv_rows("text,outlet", [f"{TEXT},x"] * 100_000)),
    (
        "jsonl lone surrogates escaped",
        "t.jsonl",
        lambda: b'{"text": "talks \\ud800 on the islands \\udfff went on."}\n' * 3,
    ),
    (
        "news-please JSON with nested nulls",
        "a.json",
        lambda: json.dumps(
            {
                "maintext": TEXT,
                "title": None,
                "authors": [None, None],
                "date_publish": None,
                "source_domain": None,
                "url": None,
                "filename": None,
                "image_url": {"a": None},
            },
        ).encode(),
    ),
]


# --- whole corpora: odd folders, tables with dates and groups (round three) --------------------


def article_text(n: int, sentences_per: int = 6) -> str:
    """An ordinary generated article, numbered ``n`` so no two are alike."""
    r = rng(n)
    body = " ".join(
        f"The talks on the islands went on for day {n}-{k}, {' '.join(words(r, 4))} officials said."
        for k in range(sentences_per)
    )
    return f"Talks Resume Number {n}\n\n{body}\n\n{OTHER}"


def folder_of(folder: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)


def two_normal(folder: Path) -> None:
    folder_of(folder, {"n1.txt": prose(2000).encode(), "n2.txt": prose(2000, OTHER).encode()})


PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <</Type /Catalog>> endobj\nstream\n" + bytes(range(256)) * 40  # fmt: skip
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng(8).randrange(256) for _ in range(8000))  # fmt: skip


def gzip_bytes() -> bytes:
    import gzip

    return gzip.compress(prose(20_000).encode(), mtime=0)


def mixed_encodings() -> bytes:
    """UTF-8 lines, Latin-1 lines, cp1252 quotes and a UTF-16 fragment in one file."""
    return b"\n\n".join([
        b"Talks Resume On The Islands",
        "The minister met his counterpart in Zürich on day 1, officials said.".encode(),
        "The café owner in Málaga said the talks went on for hours.".encode("latin-1"),
        b"\x93We made progress,\x94 the minister told reporters on day 2.",
        "Both sides agreed to meet again in the spring.".encode("utf-16-le"),
        b"Fishermen said prices for crab had fallen by a third.",
    ]) + b"\n"  # fmt: skip


def nested_tags(n: int) -> bytes:
    return html_page("<div>" * n + "<p>" + PROSE + "</p>" + "</div>" * n).encode()


def symlink_loops(folder: Path) -> None:
    two_normal(folder)
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to("..")  # a folder link back up: a cycle
    (folder / "self").symlink_to(".")
    (folder / "l1.txt").symlink_to("l2.txt")
    (folder / "l2.txt").symlink_to("l1.txt")


def unreadable(folder: Path) -> None:
    two_normal(folder)
    (folder / "locked.txt").write_text(prose(1000), "utf-8")
    (folder / "locked.txt").chmod(0)


FolderMaker = Callable[[Path], None]

#: Odd folders read as the corpus (no manifest): ``load_corpus(folder)``, ``newsframe clean`` and
#: ``newsframe report`` on the folder itself.
FOLDERS: list[tuple[str, FolderMaker]] = [
    (
        "folder same names nested",
        lambda f: folder_of(
            f,
            {
                "x.txt": prose(1500).encode(),
                "a/x.txt": prose(1500, OTHER).encode(),
                "a/b/x.txt": prose(1200).encode(),
                "a/x.html": html_page(f"<p>{PROSE}</p>").encode(),
            },
        ),
    ),
    ("folder symlink loops", symlink_loops),
    (
        "folder folder-link loop only",
        lambda f: (two_normal(f), (f / "sub").mkdir(), (f / "sub" / "up").symlink_to("..")),
    ),
    (
        "folder UTF-8, Latin-1, cp1252 lines in one file",
        lambda f: (
            two_normal(f),
            folder_of(
                f,
                {
                    "m.txt": mixed_encodings().replace(
                        "Both sides agreed to meet again in the spring.".encode("utf-16-le"),
                        b"Both sides agreed \xe0 la fin.",
                    )
                },
            ),
        ),
    ),
    ("folder unreadable file (root reads it)", unreadable),
    (
        "folder dir named like a page",
        lambda f: (
            two_normal(f),
            folder_of(f, {"page.txt/inner.txt": prose(900).encode()}),
            (f / "empty.html").mkdir(),
        ),
    ),
    (
        "folder 0-byte files",
        lambda f: (two_normal(f), folder_of(f, {"z.txt": b"", "z.html": b""})),
    ),
    ("folder PDF named .txt", lambda f: (two_normal(f), folder_of(f, {"doc.txt": PDF}))),
    ("folder PNG named .html", lambda f: (two_normal(f), folder_of(f, {"img.html": PNG}))),
    ("folder gzip named .txt", lambda f: (two_normal(f), folder_of(f, {"z.txt": gzip_bytes()}))),
    (
        "folder UTF-16 LE with BOM",
        lambda f: (two_normal(f), folder_of(f, {"u.txt": prose(3000).encode("utf-16")})),
    ),
    (
        "folder UTF-16 BE with BOM html",
        lambda f: (
            two_normal(f),
            folder_of(
                f, {"u.html": b"\xfe\xff" + html_page(f"<p>{PROSE}</p>").encode("utf-16-be")}
            ),
        ),
    ),
    (
        "folder Latin-1",
        lambda f: (
            two_normal(f),
            folder_of(
                f, {"l.txt": prose(3000).replace("capital", "café in Zürich").encode("latin-1")}
            ),
        ),
    ),
    (
        "folder mixed encodings in one file",
        lambda f: (two_normal(f), folder_of(f, {"m.txt": mixed_encodings()})),
    ),
    (
        "folder HTML with no body",
        lambda f: (
            two_normal(f),
            folder_of(f, {"h.html": b"<html><head><title>Only A Title</title></head></html>"}),
        ),
    ),
    (
        "folder HTML body outside tags",
        lambda f: (
            two_normal(f),
            folder_of(
                f, {"h.html": ("<html><head><title>T</title></head>" + PROSE + "</html>").encode()}
            ),
        ),
    ),
    (
        "folder 10,000 nested tags",
        lambda f: (two_normal(f), folder_of(f, {"deep.html": nested_tags(10_000)})),
    ),
    (
        "folder 10,000 unclosed tags",
        lambda f: (
            two_normal(f),
            folder_of(f, {"deep.html": html_page("<div><span>" * 5_000 + PROSE).encode()}),
        ),
    ),
    (
        "folder page one <script>",
        lambda f: (
            two_normal(f),
            folder_of(
                f, {"s.html": b"<script>var talks = 'went on'; " + b"x = 1; " * 5000 + b"</script>"}
            ),
        ),
    ),
    ("folder only odd files", lambda f: folder_of(f, {"a.txt": b"", "b.html": PNG, "c.txt": PDF})),
    ("folder empty", lambda f: None),
]


def table_csv(folder: Path, rows: list[dict[str, object]], name: str = "t.csv") -> Path:
    """An article table (CSV) of ``rows``; texts generated here."""
    import csv
    import io

    out = io.StringIO()
    fields = list(dict.fromkeys(k for row in rows for k in row))
    writer = csv.DictWriter(out, fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    (folder / name).write_text(out.getvalue(), "utf-8")
    return folder / name


def dated(n: int, dates: list[str], groups: list[object] | None = None) -> list[dict[str, object]]:
    rows = []
    for i in range(n):
        row: dict[str, object] = {"article_id": f"a{i}", "text": article_text(i, 3), "date": dates[i % len(dates)]}  # fmt: skip
        if groups is not None:
            row["group"] = groups[i % len(groups)]
        rows.append(row)
    return rows


def days(start: str, n: int, step: int = 1) -> list[str]:
    from datetime import date, timedelta

    first = date.fromisoformat(start)
    return [(first + timedelta(days=k * step)).isoformat() for k in range(n)]


TableCase = Callable[[Path], tuple[Path, list[str]]]

#: Corpora as tables, with the options given to ``newsframe report`` (dates, groups, periods).
TABLE_CORPORA: list[tuple[str, TableCase]] = [
    (
        "time: all articles on one day",
        lambda f: (table_csv(f, dated(12, ["2024-03-05"], ["a", "b"])), []),
    ),
    (
        "time: dates in 1900 and 2100",
        lambda f: (
            table_csv(
                f, dated(12, ["1900-01-01", "1900-06-30", "2100-12-31", "2100-01-15"], ["a", "b"])
            ),
            [],
        ),
    ),
    (
        "time: naive and aware mixed",
        lambda f: (
            table_csv(
                f,
                dated(
                    12,
                    [
                        "2024-03-05T10:00:00",
                        "2024-03-06T10:00:00+09:00",
                        "2024-03-07",
                        "2024-03-08T23:30:00Z",
                    ],
                    ["a", "b"],
                ),
            ),
            [],
        ),
    ),
    (
        "time: one group with one article",
        lambda f: (
            table_csv(
                f,
                [
                    *dated(
                        12,
                        days("2024-01-01", 12, 7),
                        ["a", "a", "a", "a", "a", "b", "b", "b", "b", "b", "a", "b"],
                    ),
                    {
                        "article_id": "lone",
                        "text": article_text(99, 3),
                        "date": "2024-02-01",
                        "group": "c",
                    },
                ],
            ),
            [],
        ),
    ),
    (
        "time: empty period between busy ones",
        lambda f: (
            table_csv(
                f, dated(16, ["2024-01-10", "2024-01-20", "2024-05-10", "2024-05-20"], ["a", "b"])
            ),
            ["--period", "month"],
        ),
    ),
    (
        "time: --period day over ten years",
        lambda f: (
            table_csv(f, dated(40, days("2014-01-01", 40, 92), ["a", "b", "c"])),
            ["--period", "day"],
        ),
    ),
    (
        "time: --period week over ten years",
        lambda f: (
            table_csv(f, dated(40, days("2014-01-01", 40, 92), ["a", "b", "c"])),
            ["--period", "week"],
        ),
    ),
    (
        "time: placeholder dates 0001 and 9999",
        lambda f: (
            table_csv(f, dated(9, ["2024-01-01", "9999-12-31", "0001-01-01"], ["a", "b"])),
            [],
        ),
    ),
    (
        "time: --period day 1900-2100, 20 groups",
        lambda f: (
            table_csv(f, dated(40, ["1900-01-01", "2100-12-31"], [f"g{i}" for i in range(20)])),
            ["--period", "day"],
        ),
    ),
    (
        "time: some dates missing",
        lambda f: (table_csv(f, dated(10, ["2024-03-05", "", "2024-04-05"], ["a", "b"])), []),
    ),
    ("groups: 1 article", lambda f: (table_csv(f, dated(1, ["2024-03-05"], ["a"])), [])),
    (
        "groups: 2 identical articles",
        lambda f: (
            table_csv(
                f,
                [
                    {"article_id": f"i{k}", "text": article_text(1), "group": g}
                    for k, g in enumerate("ab")
                ],
            ),
            [],
        ),
    ),
    (
        "groups: 2 identical articles, no groups",
        lambda f: (
            table_csv(f, [{"article_id": f"i{k}", "text": article_text(1)} for k in range(2)]),
            [],
        ),
    ),
    (
        "groups: 2 identical articles, --dedupe",
        lambda f: (
            table_csv(
                f,
                [
                    {"article_id": f"i{k}", "text": article_text(1), "group": g}
                    for k, g in enumerate("ab")
                ],
            ),
            ["--dedupe"],
        ),
    ),
    (
        "groups: 1,000 groups of 1 article",
        lambda f: (
            table_csv(
                f,
                [
                    {
                        "article_id": f"g{k}",
                        "text": f"Talks {k}\n\nThe talks on day {k} went on, officials said. Both sides met.",
                        "group": f"group {k}",
                    }
                    for k in range(1000)
                ],
            ),
            [],
        ),
    ),
    (
        "groups: 500 groups of 2 articles, dated",
        lambda f: (
            table_csv(
                f,
                [
                    {
                        "article_id": f"g{k}",
                        "text": f"Talks {k}\n\nThe talks on day {k} went on, officials said. Both met.",
                        "group": f"group {k // 2}",
                        "date": days("2024-01-01", 1000)[k],
                    }
                    for k in range(1000)
                ],
            ),
            [],
        ),
    ),
    (
        "groups: group column all NaN",
        lambda f: (table_csv(f, dated(6, ["2024-03-05"], ["", "NaN", "nan"])), []),
    ),
    (
        "groups: some group values empty",
        lambda f: (table_csv(f, dated(9, ["2024-03-05"], ["a", "", "b"])), []),
    ),
    (
        "groups: names with / newline emoji",
        lambda f: (
            table_csv(
                f,
                dated(
                    12, days("2024-01-01", 12, 3), ["a/b", "c\nd", "🔥 e", "..", "x:y*?<>|", "-rf"]
                ),
            ),
            [],
        ),
    ),
    (
        "groups: names differing only in case/slash",
        lambda f: (table_csv(f, dated(8, ["2024-03-05"], ["A/B", "a_b", "a/b", "A_B"])), []),
    ),
    (
        "groups: 300-char group names",
        lambda f: (table_csv(f, dated(6, ["2024-03-05"], ["g" * 300, "h" * 300])), []),
    ),
    (
        "table: duplicate ids",
        lambda f: (
            table_csv(f, [{"article_id": "x", "text": article_text(k)} for k in range(3)]),
            [],
        ),
    ),
    (
        "table: duplicate ids, --skip-bad",
        lambda f: (
            table_csv(f, [{"article_id": "x", "text": article_text(k)} for k in range(3)]),
            ["--skip-bad"],
        ),
    ),
    (
        "table: column named twice",
        lambda f: (
            (f / "t.csv").write_text(
                "text,group,group\n" + "".join(f'"{article_text(k)}",a,b\n' for k in range(3)),
                "utf-8",
            )
            and f / "t.csv",
            [],
        ),
    ),
]

#: Odd manifests (round three) naming ordinary articles a.txt and b.txt (and c.txt).
MANIFESTS_3: list[tuple[str, bytes]] = [
    ("manifest column named twice", b"article_id,file,group,group\na,a.txt,x,y\nb,b.txt,y,x\n"),
    ("manifest group values empty", b"article_id,file,group\na,a.txt,\nb,b.txt,x\nc,c.txt,\n"),
    ("manifest group values all empty", b"article_id,file,group\na,a.txt,\nb,b.txt,\nc,c.txt,\n"),
    ("manifest same file twice", b"article_id,file\na,a.txt\nb,a.txt\nc,c.txt\n"),
    (
        "manifest dates naive and aware",
        b"article_id,file,published\na,a.txt,2024-01-01\nb,b.txt,2024-01-02T10:00:00+05:00\nc,c.txt,1900-01-01\n",
    ),
]

#: Odd story files (round three).
STORIES_3: list[tuple[str, str]] = [
    (
        "story regex metacharacters in phrases",
        '[terms]\nphrases = ["(a+)+$", "c++ talks", "[x", "a|b", "\\\\d", "talks.*went", "?"]\n',
    ),
    (
        "story regex metacharacters in aliases",
        '[actor.p]\nname = "P (x)"\nkind = "person"\naliases = ["the (minister", "officials+", "a.*b", "[", "\\\\"]\n',
    ),
    (
        "story 10,000 phrases",
        "[terms]\nphrases = [" + ", ".join(f'"talks w{i} z{i}"' for i in range(10_000)) + "]\n",
    ),
    (
        "story 10,000 phrases sharing a first word",
        "[terms]\nphrases = [" + ", ".join(f'"talks {w}"' for w in words(rng(9), 10_000)) + "]\n",
    ),
    (
        "story actor of 0 aliases, name only",
        '[actor.p]\nname = "The Minister"\nkind = "person"\n',
    ),
    (
        "story concept alias metacharacters",
        '[[concept.c.variant]]\nname = "v(1)"\nusage = "x"\naliases = ["islands(", "talks+"]\n[[concept.c.variant]]\nname = "w"\nusage = "y"\naliases = ["crab*"]\n',
    ),
    (
        "story frame words metacharacters",
        '[frames.mfc.economic]\nadd = ["(a+)+$", "price*", "[x", "talks.*"]\n',
    ),
]


# --- round four: what users write by hand (story files, tables, options) ------------------------

CONFUSABLES = [
    "\u041cinister",  # Cyrillic capital em for M
    "\uff2dinister",  # fullwidth M
    "o\ufb03cials",  # the ffi ligature
    "\u017fide",  # a long s
    "\u212aapital",  # the Kelvin sign for K
    "\u0130slands",  # Turkish dotted capital I
    "tal\u200dks",  # a zero-width joiner inside
    "capita\u0301l",  # a combining accent
    "\u200fcrab",  # a right-to-left mark first
    "\u039f\u0394\u039f\u03a3",  # Greek capitals ending in sigma
]


def toml_list(values: list[str]) -> str:
    """A TOML array of ``values`` as basic strings (JSON escapes are TOML escapes)."""
    return "[" + ", ".join(json.dumps(v) for v in values) + "]"


def actor(key: str, aliases: list[str], kind: str = "person") -> str:
    return f'[actor.{key}]\nname = "{key}"\nkind = "{kind}"\naliases = {toml_list(aliases)}\n'


#: Odd story files (round four): what a user might type into one by hand.
STORIES_4: list[tuple[str, str]] = [
    ("story alias of one letter", actor("p", ["a", "Minister"])),
    ("story alias a stop word", actor("p", ["the"]) + actor("q", ["of", "and"], "group")),
    (
        "story alias shared by two actors",
        actor("p", ["the minister"]) + actor("q", ["The Minister"]),
    ),
    ("story alias shared once case-folded", actor("p", ["Straße"]) + actor("q", ["STRASSE"])),
    ("story unicode confusable aliases", actor("p", CONFUSABLES)),
    (
        "story confusable aliases, one each",
        "".join(actor(f"c{i}", [a]) for i, a in enumerate(CONFUSABLES)),
    ),
    (
        "story confusable concept aliases",
        "".join(
            f'[[concept.c.variant]]\nname = "v{i}"\naliases = {toml_list([a])}\n'
            for i, a in enumerate(CONFUSABLES)
        ),
    ),
    (
        "story curly apostrophes in aliases",
        actor("p", ["minister\u2019s", "the minister\u2019s office"])
        + '[[concept.c.variant]]\nname = "islands"\naliases = ["the islands\u2019", "islands\u2019 coast"]\n',
    ),
    (
        "story 10,000 aliases, one actor",
        actor(
            "p",
            [f"Al{i} Xq{i}" for i in range(9_990)]
            + [
                "minister",
                "officials",
                "capital",
                "crab",
                "fishermen",
                "spring",
                "talks",
                "islands",
                "sides",
                "prices",
            ],
        ),
    ),
    ("story 10,000 actors", "".join(actor(f"a{i}", [f"Zed{i} Quorn"]) for i in range(10_000))),
    (
        "story concept of 10,000 aliases",
        '[[concept.c.variant]]\nname = "v"\naliases = '
        + toml_list([f"isle{i}" for i in range(10_000)] + ["islands"])
        + "\n",
    ),
    ("story 10,000-character alias", actor("p", ["minister " * 1_111])),
    ("story alias with newline and tab", actor("p", ["foreign\nminister", "the\tcapital"])),
    ("story empty name", '[story]\nname = ""\n'),
    ("story name of spaces", '[story]\nname = "   "\n'),
    ("story name a number", "[story]\nname = 2024\n"),
    ("story unknown key in [story]", '[story]\nnmae = "x"\n'),
    (
        "story stopwords are all the words",
        "[terms]\nstopwords = "
        + toml_list(
            sorted(
                set(
                    (PROSE + OTHER)
                    .replace(",", " ")
                    .replace(".", " ")
                    .replace('"', " ")
                    .lower()
                    .split()
                )
            )
        )
        + "\n",
    ),
    ("story phrases of stop words", '[terms]\nphrases = ["of the", "the the", "and the talks"]\n'),
    ("story domain valence nan and inf", "[sentiment.domain]\npeace = nan\n"),
    ("story domain valence inf", "[sentiment.domain]\npeace = inf\n"),
    ("story compare the same group twice", '[story]\ncompare = ["a", "a"]\n'),
    ("story actor kind odd case", '[actor.p]\nkind = "ORGANIZATION"\naliases = ["officials"]\n'),
    ("story actor kind a list", '[actor.p]\nkind = ["person"]\naliases = ["officials"]\n'),
    ("story actor as inline table array", 'actor = [{aliases = ["x"]}]\n'),
    ("story reporting verb of a stop word", '[reporting_verbs]\nneutral = ["the", "of"]\n'),
    ("story frame add of stop words", '[frames.mfc.economic]\nadd = ["the", "of the"]\n'),
    (
        "story ids empty, with slash, dots",
        '[actor.""]\nkind = "person"\naliases = ["minister"]\n[actor."a/b"]\nkind = "group"\naliases = ["officials"]\n[actor."../x"]\nkind = "group"\naliases = ["fishermen"]\n',
    ),
    (
        "story concept id with slash and dots",
        '[[concept."../../x/y".variant]]\nname = "islands"\naliases = ["islands"]\n[[concept."../../x/y".variant]]\nname = "isles/.."\naliases = ["capital"]\n',
    ),
    ("story concept id empty", '[[concept."".variant]]\nname = "islands"\naliases = ["islands"]\n'),
    (
        "story 300-char ids",
        f'[actor.{"p" * 300}]\nkind = "person"\naliases = ["minister"]\n[[concept.{"c" * 300}.variant]]\nname = "{"v" * 300}"\naliases = ["islands"]\n',
    ),
    (
        "story 10,000 exclusions for every frame",
        '[frames."*"]\nexclude = ' + toml_list([f"talks w{i}" for i in range(10_000)]) + "\n",
    ),
    (
        "story 10,000 terms for one frame",
        "[frames.mfc.economic]\nadd = "
        + toml_list([f"crab{i}*" for i in range(10_000)] + ["price*"])
        + "\n",
    ),
    (
        "story 10,000 reporting verbs",
        "[reporting_verbs]\nneutral = "
        + toml_list([f"zq{i}" for i in range(10_000)] + ["told"])
        + "\n",
    ),
    (
        "story 10,000 sentiment exclusions",
        "[sentiment]\nexclude = "
        + toml_list([f"zq{i}" for i in range(10_000)] + ["progress"])
        + "\n",
    ),
    (
        "story 10,000 domain valences",
        "[sentiment.domain]\n"
        + "".join(f"zq{i} = 1.5\n" for i in range(10_000))
        + "progress = 0\n",
    ),
    (
        "story 10,000 stopwords",
        "[terms]\nstopwords = " + toml_list([f"zq{i}" for i in range(10_000)] + ["talks"]) + "\n",
    ),
]


def table_jsonl(folder: Path, rows: list[dict[str, object]], name: str = "t.jsonl") -> Path:
    """An article table (JSON Lines) of ``rows``."""
    (folder / name).write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    return folder / name


def table_parquet(folder: Path, columns: dict[str, list], name: str = "t.parquet") -> Path:
    (folder / name).write_bytes(parquet(columns))
    return folder / name


def texts(n: int) -> list[str]:
    return [article_text(i, 3) for i in range(n)]


def tz_parquet(folder: Path) -> Path:
    """A Parquet table whose dates are a timezone-aware timestamp column."""
    import pandas as pd

    dates = pd.to_datetime(days("2024-01-01", 12, 9)).tz_localize("Asia/Kathmandu")
    return table_parquet(folder, {"text": texts(12), "date": list(dates), "group": ["a", "b"] * 6})


#: Corpora as tables (round four): odd dates and time zones, group columns of mixed types,
#: --text-column naming a column of numbers.
TABLE_CORPORA_4: list[tuple[str, TableCase]] = [
    (
        "time: zones +14, -12, +05:45, Z",
        lambda f: (
            table_csv(
                f,
                dated(
                    12,
                    [
                        "2024-03-05T23:30:00+14:00",
                        "2024-03-05T00:30:00-12:00",
                        "2024-03-05T12:00:00+05:45",
                        "2024-03-05T12:00:00Z",
                    ],
                    ["a", "b"],
                ),
            ),
            [],
        ),
    ),
    (
        "time: zones over a period edge, --period day",
        lambda f: (
            table_csv(
                f,
                dated(
                    12,
                    [
                        "2024-03-31T23:30:00-02:00",
                        "2024-04-01T00:30:00+14:00",
                        "2024-03-31T22:00:00",
                    ],
                    ["a", "b"],
                ),
            ),
            ["--period", "day"],
        ),
    ),
    (
        "time: 29 February of a common year",
        lambda f: (table_csv(f, dated(6, ["2024-02-29", "2023-02-29"], ["a", "b"])), []),
    ),
    ("time: month 13", lambda f: (table_csv(f, dated(6, ["2024-13-01"], ["a", "b"])), [])),
    (
        "time: leap second",
        lambda f: (table_csv(f, dated(6, ["2016-12-31T23:59:60Z"], ["a", "b"])), []),
    ),
    ("time: unix timestamps", lambda f: (table_csv(f, dated(6, ["1704700000"], ["a", "b"])), [])),
    (
        "time: compact ISO dates",
        lambda f: (table_csv(f, dated(6, ["20240108", "20240215T0930"], ["a", "b"])), []),
    ),
    (
        "time: zone names",
        lambda f: (table_csv(f, dated(6, ["2024-01-08 09:30 Europe/Berlin"], ["a", "b"])), []),
    ),
    (
        "time: RFC 2822 with -0000 and GMT",
        lambda f: (
            table_csv(
                f,
                dated(
                    6,
                    [
                        "Mon, 08 Jan 2024 09:30:00 -0000",
                        "Tue, 09 Jan 2024 09:30:00 GMT",
                        "Wed, 10 Jan 2024 09:30:00 +1400",
                    ],
                    ["a", "b"],
                ),
            ),
            [],
        ),
    ),
    (
        "time: year 0 and negative years",
        lambda f: (table_csv(f, dated(6, ["0000-01-01", "-0001-01-01"], ["a", "b"])), []),
    ),
    (
        "time: far offsets +24:00",
        lambda f: (table_csv(f, dated(6, ["2024-01-08T09:30:00+24:00"], ["a", "b"])), []),
    ),
    (
        "time: dates as JSON numbers",
        lambda f: (
            table_jsonl(f, [{"text": t, "date": 20240108 + i} for i, t in enumerate(texts(6))]),
            [],
        ),
    ),
    ("time: aware Parquet timestamps", lambda f: (tz_parquet(f), [])),
    (
        "time: Parquet dates with nulls",
        lambda f: (
            table_parquet(
                f,
                {
                    "text": texts(6),
                    "date": [None, "2024-01-08", None, "2024-02-08", None, "2024-03-08"],
                    "group": ["a", "b"] * 3,
                },
            ),
            [],
        ),
    ),
    (
        "groups: mixed JSON types",
        lambda f: (
            table_jsonl(
                f,
                [
                    {"text": t, "date": d, "group": g}
                    for t, d, g in zip(
                        texts(14),
                        days("2024-01-01", 14, 5),
                        [1, "1", 1.0, True, None, [1, 2], {"a": 1}] * 2,
                        strict=True,
                    )
                ],
            ),
            [],
        ),
    ),
    (
        "groups: numbers and text",
        lambda f: (
            table_jsonl(
                f,
                [
                    {"text": t, "group": g}
                    for t, g in zip(texts(8), [1, "b", 2.5, "1", 10, "a", 2, "2"], strict=True)
                ],
            ),
            [],
        ),
    ),
    (
        "groups: Parquet integers",
        lambda f: (table_parquet(f, {"text": texts(9), "group": [1, 2, 3] * 3}), []),
    ),
    (
        "groups: Parquet floats with NaN",
        lambda f: (table_parquet(f, {"text": texts(9), "group": [1.0, float("nan"), 2.5] * 3}), []),
    ),
    (
        "groups: Parquet booleans",
        lambda f: (table_parquet(f, {"text": texts(8), "group": [True, False] * 4}), []),
    ),
    (
        "groups: compare numbers from a story",
        lambda f: (
            table_parquet(f, {"text": texts(9), "group": [1, 2, 3] * 3}),
            ["--compare", "1", "3"],
        ),
    ),
    (
        "text column: CSV of numbers",
        lambda f: (
            table_csv(f, [{"n": i, "body": t} for i, t in enumerate(texts(4))]),
            ["--text-column", "n"],
        ),
    ),
    (
        "text column: Parquet integers",
        lambda f: (table_parquet(f, {"n": [1, 2, 3], "body": texts(3)}), ["--text-column", "n"]),
    ),
    (
        "text column: Parquet floats",
        lambda f: (
            table_parquet(f, {"n": [1.5, 2.5, None], "body": texts(3)}),
            ["--text-column", "n"],
        ),
    ),
    (
        "text column: JSON numbers",
        lambda f: (
            table_jsonl(f, [{"n": i, "body": t} for i, t in enumerate(texts(3))]),
            ["--text-column", "n"],
        ),
    ),
    (
        "text column: the id column",
        lambda f: (
            table_csv(f, [{"article_id": f"a{i}", "text": t} for i, t in enumerate(texts(3))]),
            ["--text-column", "article_id"],
        ),
    ),
    (
        "text column: empty name",
        lambda f: (table_csv(f, [{"text": t} for t in texts(3)]), ["--text-column", ""]),
    ),
    (
        "text column: JSON key twice",
        lambda f: (
            (f / "t.jsonl").write_text(
                "".join(
                    f'{{"text": {json.dumps(t)}, "text": {json.dumps(t[::-1])}}}\n'
                    for t in texts(3)
                ),
                "utf-8",
            )
            and f / "t.jsonl",
            [],
        ),
    ),
]

#: Odd manifests (round four): dates and time zones in a manifest's published column.
MANIFESTS_4: list[tuple[str, bytes]] = [
    (
        "manifest dates in far zones",
        b"article_id,file,published\na,a.txt,2024-01-01T23:00:00+14:00\nb,b.txt,2024-01-01T01:00:00-12:00\nc,c.txt,2024-01-01T12:00:00+05:45\n",
    ),
    (
        "manifest impossible dates",
        b"article_id,file,published\na,a.txt,2023-02-29\nb,b.txt,2024-01-02\nc,c.txt,2024-01-03\n",
    ),
    (
        "manifest unix timestamps",
        b"article_id,file,published\na,a.txt,1704700000\nb,b.txt,1704800000\nc,c.txt,1704900000\n",
    ),
    (
        "manifest zone names",
        b"article_id,file,published\na,a.txt,2024-01-08 09:30 Asia/Tokyo\nb,b.txt,2024-01-09\nc,c.txt,2024-01-10\n",
    ),
    ("manifest numeric group", b"article_id,file,group\na,a.txt,1\nb,b.txt,01\nc,c.txt,1.0\n"),
]


# --- the child ----------------------------------------------------------------------------------


# --- round five: the brief's sweep at full size, and bad dates in manifests -------------------

#: Big articles read with the size limit raised (``NEWSFRAME_MAX_BYTES``): (label, suffix,
#: bytes, limit); each beside a normal article of the same size and limit.
BIG_ARTICLES: list[tuple[str, str, ArticleMaker, int]] = [
    (
        "one 50 MB line (limit raised)",
        ".txt",
        lambda: ("Talks went on " * 3_600_000).encode(),
        60_000_000,
    ),
]

#: Big tables read with the size limit raised: (label, file name, bytes, limit).
BIG_TABLES: list[tuple[str, str, ArticleMaker, int]] = [
    (
        "csv 20 MB field (default limit)",
        "t.csv",
        lambda: csv_rows("id,text", ['1,"' + "word " * 4_000_000 + '"', f'2,"{TEXT}"']),
        0,
    ),
    (
        "csv 20 MB field (limit raised)",
        "t.csv",
        lambda: csv_rows("id,text", ['1,"' + "word " * 4_000_000 + '"', f'2,"{TEXT}"']),
        30_000_000,
    ),
]

#: Manifests with odd dates (the articles a.txt, b.txt and c.txt exist): a date that does not
#: parse or no period can hold is one error naming the manifest's line, as in a table.
MANIFESTS_5: list[tuple[str, bytes]] = [
    (
        "manifest date unparseable",
        b"article_id,file,published\na,a.txt,2024-01-08\nb,b.txt,someday\nc,c.txt,2024-01-09\n",
    ),
    (
        "manifest date 9999-12-31",
        b"article_id,file,published\na,a.txt,2024-01-08\nb,b.txt,9999-12-31\nc,c.txt,2024-01-09\n",
    ),
    (
        "manifest dates future, 1850, mixed zones",
        b"article_id,file,published\na,a.txt,2099-01-08\nb,b.txt,1850-03-01T10:00:00+01:00\nc,c.txt,2024-01-09T23:30:00Z\n",
    ),
    ("manifest one file twice", b"article_id,file\na,a.txt\nb,./a.txt\nc,c.txt\n"),
]

#: A story file of huge lists: 200,000 stopwords and one actor of 20,000 aliases.
STORIES_5: list[tuple[str, str]] = [
    (
        "story of huge lists",
        "[terms]\nstopwords = [" + ",".join(f'"w{i}"' for i in range(200_000)) + "]\n"
        '[actor.a]\nname = "A"\nkind = "person"\naliases = ['
        + ",".join(f'"Name{i} Surname"' for i in range(20_000))
        + "]\n",
    ),
]

CHILD = r"""
import contextlib, io, json, sys, time, traceback, warnings
from pathlib import Path
warnings.simplefilter("ignore")
import newsframe as nf
from newsframe.cli import main
from newsframe.errors import NewsframeError
source, story, do_report, out = sys.argv[1], sys.argv[2] or None, sys.argv[3] == "1", sys.argv[4]
method = sys.argv[5]
extra = json.loads(sys.argv[6]) if len(sys.argv) > 6 else []
do_clean = len(sys.argv) > 7 and sys.argv[7] == "1"
options = {"dedupe": "--dedupe" in extra, "skip_bad": "--skip-bad" in extra}
if "--text-column" in extra:
    options["text_column"] = extra[extra.index("--text-column") + 1]
steps = {}
def step(name, call):
    t = time.perf_counter()
    try:
        value = call()
        steps[name] = ["ok", round(time.perf_counter() - t, 3)]
        return value
    except NewsframeError as e:
        steps[name] = ["error: " + str(e)[:300], round(time.perf_counter() - t, 3)]
    except (Exception, RecursionError) as e:
        steps[name] = ["CRASH " + type(e).__name__ + ": " + str(e)[:200] + " @ " + traceback.format_exc().splitlines()[-3].strip()[:160], round(time.perf_counter() - t, 3)]
    return None
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    corpus = step("load", lambda: nf.load_corpus(source, story=story, method=method, **options))
def lost_lines(corpus):  # page lines the audit calls body that are nowhere in the text
    import re
    words = lambda t: re.sub(r"\W+", " ", t).strip().lower()
    lost = []
    for a in corpus:
        audit = a.line_audit()
        text = words(" ".join([a.title, a.body, *a.captions]))
        lost += [f"{a.article_id}:{n}" for n, s, t in zip(audit["line_no"], audit["status"], audit["text"]) if s == "body" and words(t) not in text]
    return lost
if corpus is not None:
    lost = lost_lines(corpus)
    if lost:
        steps["audit"] = [f"LOST {len(lost)} body lines not in the text: {', '.join(lost[:5])}", 0.0]
    skipped = corpus.skipped_rows() if hasattr(corpus, "skipped_rows") else []
    said = "; ".join(str(w.message)[:80] for w in caught[:3])
    steps["info"] = [f"info: {len(corpus)} articles, {len(skipped)} rows skipped; {said}", 0.0]
if corpus is not None:
    step("analyse", lambda: nf.analyse_corpus(corpus))
    step("tables", lambda: nf.compute_article_tables(corpus))
    if len(corpus) > 1:
        step("keyness", lambda: nf.keyness_one_vs_rest(corpus))
    step("tfidf", lambda: nf.tfidf(corpus))
def cli(name, argv):
    err = io.StringIO()
    t = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except BaseException as e:
            code = "raised " + type(e).__name__ + ": " + str(e)[:200]
    lines = [x for x in err.getvalue().strip().splitlines() if not x.startswith("newsframe: warning")]
    if code == 0:
        verdict = "ok"
    elif code == 2 and len(lines) == 1:
        verdict = "error: " + lines[0][:300]
    else:
        verdict = f"CRASH exit {code}: " + " | ".join(lines[-3:])[:300]
    steps[name] = [verdict, round(time.perf_counter() - t, 3)]
if do_clean:
    cli("clean", ["clean", source, "--show-removed"])
if do_report:
    cli("report", ["report", source, "--out", out, "--jobs", "1"] + (["--story", story] if story else []) + extra)
print(json.dumps(steps))
"""


def run(
    source: Path,
    story: Path | None,
    report: bool,
    limit: float,
    method: str = "rules",
    *,
    extra: list[str] | None = None,
    clean: bool = False,
    out: Path | None = None,
    max_bytes: int = 0,
) -> dict[str, list]:
    """The steps' outcomes and seconds for one corpus, in a fresh process (``max_bytes``: the
    file size limit, ``NEWSFRAME_MAX_BYTES``; 0 the default)."""
    out = out or source.parent.parent / f"report-{source.parent.name}"
    args = [str(source), str(story or ""), "1" if report else "0", str(out), method]
    args += [json.dumps(extra or []), "1" if clean else "0"]
    env = dict(os.environ, PYTHONHASHSEED="0")
    if max_bytes:
        env["NEWSFRAME_MAX_BYTES"] = str(max_bytes)
    try:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, *args],
            capture_output=True,
            text=True,
            timeout=limit,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return {"all": [f"HANG > {limit:.0f} s", limit]}
    if done.returncode != 0 or not done.stdout.strip():
        tail = " | ".join(done.stderr.strip().splitlines()[-2:])[:300]
        return {"all": [f"CRASH child exit {done.returncode}: {tail}", 0.0]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def corpus_folder(folder: Path, odd: bytes | None, suffix: str = ".txt") -> Path:
    """A manifest naming ``odd`` (if given) and two ordinary articles of other outlets."""
    folder.mkdir(parents=True)
    rows = ["article_id,file,outlet"]
    if odd is not None:
        (folder / f"odd{suffix}").write_bytes(odd)
        rows.append(f"odd,odd{suffix},Odd Times")
    (folder / "a.txt").write_text(prose(2000), "utf-8")
    (folder / "b.txt").write_text(prose(2000, OTHER), "utf-8")
    rows += ["a,a.txt,First Post", "b,b.txt,Second Herald"]
    (folder / "articles.csv").write_text("\n".join(rows) + "\n", "utf-8")
    return folder / "articles.csv"


def verdict(hostile: dict[str, list], normal: dict[str, list] | None) -> tuple[str, float, float]:
    """The worst outcome of the steps, and the total seconds of each run."""
    bad = [f"{k}: {v[0]}" for k, v in hostile.items() if v[0].startswith(("CRASH", "HANG", "LOST"))]
    errors = [f"{k}: {v[0]}" for k, v in hostile.items() if v[0].startswith("error")]
    t_h = sum(v[1] for v in hostile.values())
    t_n = sum(v[1] for v in normal.values()) if normal else 0.0
    if bad:
        return "FAIL " + bad[0], t_h, t_n
    if normal and t_h > RATIO * max(t_n, 0.5):
        return f"SLOW {t_h / max(t_n, 0.5):.0f}x", t_h, t_n
    info = [v[0][6:] for k, v in hostile.items() if k == "info"]
    return (errors[0] if errors else "ok") + (" | " + info[0] if info else ""), t_h, t_n


def main(limit: float = 300.0, only: list[str] | None = None) -> None:
    def wanted(label: str) -> bool:
        return not only or any(o.lower() in label.lower() for o in only)

    print(f"{'case':<40} {'hostile s':>9} {'normal s':>9}  outcome", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for n, (label, suffix, make) in enumerate(ARTICLES):
            if not wanted(label):
                continue
            data = make()
            odd = corpus_folder(root / f"art{n}", data, suffix)
            normal = corpus_folder(root / f"norm{n}", prose(len(data)).encode())
            report = len(data) <= 300_000
            for method in ("rules", "model") if any(c in label for c in MODEL_CASES) else ("rules",):  # fmt: skip
                h = run(odd, None, report and method == "rules", limit, method)
                m = run(normal, None, report and method == "rules", limit, method)
                v, th, tn = verdict(h, m)
                name = label if method == "rules" else f"{label} (model)"
                print(f"{name:<40} {th:>9.2f} {tn:>9.2f}  {v[:160]}", flush=True)
        for n, (label, name, make) in enumerate(TABLES):
            if not wanted(label):
                continue
            (root / f"tab{n}").mkdir()
            table = root / f"tab{n}" / name
            table.write_bytes(make())
            v, th, _ = verdict(run(table, None, False, limit), None)
            print(f"{label:<40} {th:>9.2f} {'':>9}  {v[:160]}", flush=True)
        for n, (label, manifest, files) in enumerate(MANIFESTS):
            if not wanted(label):
                continue
            folder = root / f"man{n}"
            corpus_folder(folder, None)
            (folder / "articles.csv").write_bytes(manifest)
            for name, text in files.items():
                (folder / name).parent.mkdir(parents=True, exist_ok=True)
                (folder / name).write_text(text.format(normal=prose(1000)), "utf-8")
            v, th, _ = verdict(run(folder / "articles.csv", None, True, limit), None)
            print(f"{label:<40} {th:>9.2f} {'':>9}  {v[:160]}", flush=True)
        for n, (label, build) in enumerate(FOLDERS):
            if not wanted(label):
                continue
            folder = root / f"fold{n}" / "corpus"
            folder.mkdir(parents=True)
            build(folder)
            v, th, _ = verdict(run(folder, None, True, limit, clean=True, out=folder.parent / "report"), None)  # fmt: skip
            print(f"{label:<40} {th:>9.2f} {'':>9}  {v[:200]}", flush=True)
        for n, (label, build) in enumerate(TABLE_CORPORA + TABLE_CORPORA_4):
            if not wanted(label):
                continue
            folder = root / f"tc{n}"
            folder.mkdir()
            table, extra = build(folder)
            v, th, _ = verdict(run(table, None, True, limit, extra=extra, out=root / f"report-tc{n}"), None)  # fmt: skip
            print(f"{label:<40} {th:>9.2f} {'':>9}  {v[:200]}", flush=True)

        def manifests(prefix: str, cases: list[tuple[str, bytes]]) -> None:
            """Each manifest case beside a folder of three articles, through the report."""
            for n, (label, manifest) in enumerate(cases):
                if not wanted(label):
                    continue
                folder = root / f"{prefix}{n}"
                corpus_folder(folder, None)
                (folder / "c.txt").write_text(article_text(3), "utf-8")
                (folder / "articles.csv").write_bytes(manifest)
                v, th, _ = verdict(run(folder / "articles.csv", None, True, limit), None)
                print(f"{label:<40} {th:>9.2f} {'':>9}  {v[:200]}", flush=True)

        manifests("m3_", MANIFESTS_3 + MANIFESTS_4)
        for n, (label, suffix, make, max_bytes) in enumerate(BIG_ARTICLES):
            if not wanted(label):
                continue
            data = make()
            odd = corpus_folder(root / f"big{n}", data, suffix)
            normal = corpus_folder(root / f"bignorm{n}", prose(len(data)).encode())
            del data
            h = run(odd, None, False, limit, max_bytes=max_bytes)
            m = run(normal, None, False, limit, max_bytes=max_bytes)
            v, th, tn = verdict(h, m)
            print(f"{label:<40} {th:>9.2f} {tn:>9.2f}  {v[:160]}", flush=True)
        for n, (label, name, make, max_bytes) in enumerate(BIG_TABLES):
            if not wanted(label):
                continue
            (root / f"bigtab{n}").mkdir()
            table = root / f"bigtab{n}" / name
            table.write_bytes(make())
            v, th, _ = verdict(run(table, None, False, limit, max_bytes=max_bytes), None)
            print(f"{label:<40} {th:>9.2f} {'':>9}  {v[:160]}", flush=True)
        manifests("m5_", MANIFESTS_5)
        for prefix, stories, width in (
            ("s5_", STORIES_5, 200),
            ("s4_", STORIES_4, 200),
            ("s3_", STORIES_3, 200),
            ("story", STORIES, 160),
        ):
            for n, (label, toml) in enumerate(stories):
                if not wanted(label):
                    continue
                manifest = corpus_folder(root / f"{prefix}{n}", None)
                story = manifest.parent / "story.toml"
                story.write_text(toml, "utf-8")
                v, th, _ = verdict(run(manifest, story, True, limit), None)
                print(f"{label:<40} {th:>9.2f} {'':>9}  {v[:width]}", flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("limit", nargs="?", type=float, default=300.0, help="seconds per case")
    parser.add_argument(
        "cases", nargs="*", help="run only the cases whose label contains one of these"
    )
    args = parser.parse_args()
    main(args.limit, args.cases)
