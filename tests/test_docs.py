"""Tests for the documentation: README.md and docs/*.md.

Every relative link (and its #anchor) resolves; every shipped data file is described in
docs/configuration.md; every `make <target>` and `VAR=` written in the docs exists in the
Makefile; every `newsframe <sub> --option` written in the docs exists in the command's parser.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from newsframe.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
DATA = ROOT / "src" / "newsframe" / "data"

FENCE = re.compile(r"^```.*?^```", re.M | re.S)
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
CODE = re.compile(r"`([^`]+)`")
HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$", re.M)


def prose(text: str) -> str:
    """The markdown without fenced code blocks (links there are not links)."""
    return FENCE.sub("", text)


def slug(heading: str) -> str:
    """The anchor a heading gets on GitHub: lowercase, punctuation dropped, spaces as hyphens.

    >>> slug("Seventh round (issue 18): captions, a refit")
    'seventh-round-issue-18-captions-a-refit'
    >>> slug("`make figures`")
    'make-figures'
    """
    text = re.sub(r"[`*_]|\[|\]\([^)]*\)", "", heading).strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    """Every heading anchor of a markdown file (repeated headings get -1, -2, ...)."""
    seen: dict[str, int] = {}
    out = set()
    for match in HEADING.finditer(prose(path.read_text(encoding="utf-8"))):
        base = slug(match.group(2))
        n = seen.get(base, 0)
        seen[base] = n + 1
        out.add(base if n == 0 else f"{base}-{n}")
    return out


def broken_links(path: Path, text: str) -> list[str]:
    """The relative links of ``text`` (a file at ``path``) whose file or anchor does not exist."""
    broken = []
    for target in LINK.findall(CODE.sub("", prose(text))):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target):  # http:, https:, mailto:
            continue
        file_part, _, anchor = target.partition("#")
        dest = (path.parent / file_part).resolve() if file_part else path
        if not dest.exists():
            broken.append(f"{target} (no file {file_part})")
        elif anchor and dest.suffix == ".md" and anchor not in anchors(dest):
            broken.append(f"{target} (no heading #{anchor} in {dest.name})")
    return broken


def code_spans(text: str) -> list[str]:
    """Inline code spans and the lines of fenced code blocks, whitespace collapsed."""
    spans = [" ".join(span.split()) for span in CODE.findall(prose(text))]
    for block in FENCE.findall(text):
        spans.extend(line.strip() for line in block.splitlines()[1:-1])
    return spans


def subcommand_options() -> dict[str, set[str]]:
    """Each ``newsframe`` subcommand's option strings, read from the CLI's own parser."""
    parser = build_parser()
    [sub] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return {name: set(p._option_string_actions) for name, p in sub.choices.items()}


def test_link_checker_finds_a_broken_link_and_anchor(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# Top\n\n## Two words\n", encoding="utf-8")
    text = "[ok](a.md#two-words) [gone](b.md) [bad](a.md#three) `[code](c.md)` [web](https://x.y)"
    page = tmp_path / "index.md"
    page.write_text(text, encoding="utf-8")
    assert broken_links(page, text) == [
        "b.md (no file b.md)",
        "a.md#three (no heading #three in a.md)",
    ]


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_relative_links_resolve(path: Path) -> None:
    assert broken_links(path, path.read_text(encoding="utf-8")) == []


def test_docs_pages_are_linked_from_the_readme() -> None:
    readme = prose((ROOT / "README.md").read_text(encoding="utf-8"))
    linked = {Path(t.partition("#")[0]).name for t in LINK.findall(CODE.sub("", readme))}
    assert [p.name for p in DOCS[1:] if p.name not in linked] == []


def test_every_data_file_is_described_in_configuration() -> None:
    configuration = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    files = [
        p.name for p in sorted(DATA.iterdir()) if p.is_file() and not p.name.startswith(("_", "."))
    ]
    assert len(files) >= 10  # the folder listing was read
    assert [name for name in files if f"`{name}`" not in configuration] == []


def test_make_targets_and_variables_in_the_docs_exist() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][a-z-]*):", makefile, re.M))
    variables = set(re.findall(r"^([A-Z_]+) \?=", makefile, re.M))
    used_targets, used_variables = set(), set()
    for path in DOCS:
        for span in code_spans(path.read_text(encoding="utf-8")):
            for command in re.findall(r"\bmake ((?:[a-z-]+)(?: [A-Z_]+=\S*)*)", span):
                words = command.split()
                used_targets.add(words[0])
                used_variables.update(w.split("=")[0] for w in words[1:])
    assert {"figures", "test"} <= used_targets
    assert sorted(used_targets - targets) == []
    assert sorted(used_variables - variables) == []


def test_cli_options_in_the_docs_exist() -> None:
    options = subcommand_options()
    used: list[tuple[str, str]] = []
    for path in DOCS:
        for span in code_spans(path.read_text(encoding="utf-8")):
            for command, rest in re.findall(r"\bnewsframe (\w+)((?: [^|;#]*)?)", span):
                if command in options:
                    used.extend((command, o) for o in re.findall(r"(?<!\S)(--[a-z][\w-]*)", rest))
    assert ("report", "--out") in used  # the commands were found
    assert sorted({(c, o) for c, o in used if o not in options[c]}) == []


def test_report_options_listed_in_the_readme_exist() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## One report to send a colleague")[1].split("\n## ")[0]
    listed = {o for span in code_spans(section) for o in re.findall(r"^(--[a-z][\w-]*)", span)}
    assert "--story" in listed
    assert sorted(listed - subcommand_options()["report"]) == []


def script_options(name: str) -> set[str]:
    """The option strings a benchmark script declares (``"--name"`` in its source)."""
    path = ROOT / "benchmarks" / Path(name).name
    return set(re.findall(r'"(--[a-z][\w-]*)"', path.read_text(encoding="utf-8")))


def test_benchmark_script_options_in_the_docs_exist() -> None:
    missing, used = [], 0
    for path in DOCS:
        for span in code_spans(path.read_text(encoding="utf-8")):
            for script, rest in re.findall(r"([\w/]+\.py)((?: [^|;#]*)?)", span):
                if not (ROOT / "benchmarks" / Path(script).name).exists():
                    continue
                declared = script_options(script)
                for option in re.findall(r"(?<!\S)(--[a-z][\w-]*)", rest):
                    used += 1
                    if option not in declared:
                        missing.append(f"{path.name}: {script} {option}")
    assert used > 0
    assert missing == []


def test_every_option_named_alone_exists_somewhere() -> None:
    """A span such as `--method rules` names an option of the CLI or of a benchmark script."""
    known = set().union(*subcommand_options().values())
    for script in (ROOT / "benchmarks").glob("*.py"):
        known |= script_options(script.name)
    alone = {
        (path.name, re.match(r"--[a-z][\w-]*", span).group())
        for path in DOCS
        for span in code_spans(path.read_text(encoding="utf-8"))
        if re.match(r"--[a-z]", span)
    }
    assert ("README.md", "--story") in alone
    assert sorted((page, o) for page, o in alone if o not in known) == []
