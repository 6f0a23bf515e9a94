"""Layers one way: no import circle among the package's modules, and the bottom never reaches up.

Every ``import`` statement of ``src/newsframe`` counts: at the top of a module, inside a function
or under ``if TYPE_CHECKING:`` (an import inside a function still ties two modules; only a
docstring's ``>>>`` example does not). ``from newsframe.x import y`` is an arrow to the module
``newsframe.x.y`` when ``y`` is one, else to ``newsframe.x``; a parent package being imported
first is Python's doing and no arrow.
"""

from __future__ import annotations

import ast
import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

PACKAGE = ROOT / "src" / "newsframe"

#: The data types and loaders at the bottom: none may reach, however indirectly, a module of
#: the analyses, the report or the command line, or the package's face (``newsframe``).
BOTTOM = (
    "newsframe.errors",
    "newsframe.files",
    "newsframe.datafiles",
    "newsframe.text",
    "newsframe.lexicons",
    "newsframe.resources",
    "newsframe.article",
    "newsframe.progress",
)
ABOVE = (
    "newsframe.corpus",
    "newsframe.document",
    "newsframe.tables",
    "newsframe.framing",
    "newsframe.sentiment",
    "newsframe.terms",
    "newsframe.report",
    "newsframe.plots",
    "newsframe.cli",
)


def module_files(package: Path) -> dict[str, Path]:
    """Return ``{dotted module name: file}`` for every ``.py`` file under ``package``."""
    root = package.parent
    out = {}
    for path in sorted(package.rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def import_arrows(modules: dict[str, Path]) -> dict[str, dict[str, int]]:
    """Return ``{module: {imported module of the package: first line}}``, every import counted."""
    arrows: dict[str, dict[str, int]] = {name: {} for name in modules}
    for name, path in modules.items():
        is_package = path.name == "__init__.py"
        for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                for alias in node.names:
                    parts = alias.name.split(".")
                    found = [".".join(parts[:k]) for k in range(len(parts), 0, -1)]
                    targets += [next((m for m in found if m in modules), "")]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    here = name.split(".") if is_package else name.split(".")[:-1]
                    here = here[: len(here) - node.level + 1]
                    base = ".".join([*here, *([node.module] if node.module else [])])
                for alias in node.names:
                    sub = f"{base}.{alias.name}"
                    targets.append(sub if sub in modules else base)
            for target in targets:
                if target in modules and target != name:
                    arrows[name].setdefault(target, node.lineno)
    return arrows


def find_circle(arrows: dict[str, dict[str, int]]) -> list[str]:
    """Return one import circle as ``[a, b, ..., a]``, or ``[]`` when there is none (depth-first
    search, iterative: linear in modules plus arrows)."""
    state: dict[str, int] = {}  # 1 on the current path, 2 finished
    for start in sorted(arrows):
        if state.get(start):
            continue
        path = [start]
        todo = [iter(sorted(arrows[start]))]
        state[start] = 1
        while todo:
            nxt = next(todo[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                todo.pop()
            elif state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            elif not state.get(nxt):
                state[nxt] = 1
                path.append(nxt)
                todo.append(iter(sorted(arrows[nxt])))
    return []


def reached(arrows: dict[str, dict[str, int]], start: str) -> set[str]:
    """Return every module ``start`` imports, directly or through others."""
    seen, todo = set(), [start]
    while todo:
        for target in arrows[todo.pop()]:
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def _describe(circle: list[str], arrows: dict[str, dict[str, int]]) -> str:
    return (
        " -> ".join(f"{a} (line {arrows[a][b]})" for a, b in itertools.pairwise(circle))
        + f" -> {circle[-1]}"
    )


def _write(folder: Path, files: dict[str, str]) -> Path:
    package = folder / "pkg"
    for rel, text in files.items():
        (package / rel).parent.mkdir(parents=True, exist_ok=True)
        (package / rel).write_text(text, "utf-8")
    return package


def test_checker_finds_a_circle_tied_inside_a_function(tmp_path):
    # pkg.low -> pkg.high only inside a function; pkg.high -> pkg.low at the top: a circle
    package = _write(tmp_path, {
        "__init__.py": "",
        "low.py": "def f():\n    from pkg.high import g\n    return g\n",
        "high.py": "from pkg.low import f\n\ndef g():\n    return f\n",
        "apart.py": "import os\n",
    })  # fmt: skip
    arrows = import_arrows(module_files(package))
    assert arrows["pkg.low"] == {"pkg.high": 2}
    assert find_circle(arrows) == ["pkg.high", "pkg.low", "pkg.high"]


def test_checker_reads_relative_imports_and_submodules_named_in_from(tmp_path):
    package = _write(tmp_path, {
        "__init__.py": "",
        "base.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .sub import deep\n",
        "sub/__init__.py": "from . import deep\n",
        "sub/deep.py": "from ..base import x\n",
    })  # fmt: skip
    arrows = import_arrows(module_files(package))
    assert arrows["pkg.sub"] == {"pkg.sub.deep": 1}  # the submodule, not its own package
    assert arrows["pkg.base"] == {"pkg.sub.deep": 3}  # under TYPE_CHECKING, still an arrow
    assert arrows["pkg.sub.deep"] == {"pkg.base": 1}
    assert find_circle(arrows) == ["pkg.base", "pkg.sub.deep", "pkg.base"]
    assert reached(arrows, "pkg.sub") == {"pkg.sub.deep", "pkg.base"}


def test_checker_passes_a_package_without_circle(tmp_path):
    package = _write(tmp_path, {
        "__init__.py": "",
        "a.py": "import pkg.b\n",
        "b.py": "def f():\n    import pkg.c\n",
        "c.py": "",
    })  # fmt: skip
    arrows = import_arrows(module_files(package))
    assert find_circle(arrows) == []
    assert reached(arrows, "pkg.a") == {"pkg.b", "pkg.c"}


def test_newsframe_has_no_import_circle():
    arrows = import_arrows(module_files(PACKAGE))
    assert len(arrows) > 40  # the whole package was read
    circle = find_circle(arrows)
    assert not circle, f"import circle: {_describe(circle, arrows)}"


@pytest.mark.parametrize("module", BOTTOM)
def test_bottom_layers_never_reach_up(module):
    arrows = import_arrows(module_files(PACKAGE))
    up = sorted(m for m in reached(arrows, module) if m == "newsframe" or m.startswith(ABOVE))
    assert not up, f"{module} reaches {up}"


def test_importing_the_article_type_loads_no_analysis():
    code = (
        "import json, sys, newsframe.article, newsframe.resources\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('newsframe'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    loaded = set(json.loads(out))
    assert "newsframe.article" in loaded
    assert not {m for m in loaded if m.startswith(ABOVE)}, loaded
