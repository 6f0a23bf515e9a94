"""Given names nearly all of whose bearers are women, or nearly all men, read from an installed
package's name table rather than a copy kept in this repository.

Source: the name-gender table of the ``nomquamgender`` package (a declared dependency; MIT
licence; Van Buskirk, Clauset & Larremore 2023, "An open-source cultural consensus approach to
name-based gender classification", ICWSM: 36 name-gender sources pooled). Its table is a 22 MB
JSON file (name: sources, bearers counted, share of women, ...), seconds to parse, so the
names kept are written once to a small CSV in the user's cache folder
(``$NEWSFRAME_CACHE``, else ``$XDG_CACHE_HOME/newsframe``, else ``~/.cache/newsframe``), named
by the package's version and the settings below, and read from there afterwards (atomically
replaced, so processes started together never read half a file; with no writable cache folder
the table is derived in memory each time).

A name is kept when it is written in letters (a hyphen or an apostrophe inside allowed), at
least :data:`MIN_SOURCES` sources and :data:`MIN_COUNT` bearers count it, and its share of women
is at most :data:`SHARE` or at least ``1 - SHARE``. The CSV has the header
``name,female_share,count`` (lowercase name; share from 0 to 1 with three decimals; bearers
counted), rows sorted by name, so it is the same for the same package version. A file of that
format may replace it (``newsframe.entities.given_genders(path)``); :func:`write_table` writes
the derived one out to start such a file from.

>>> rows = derive({"ann": [5, 900, 0.99, 3], "tom": [4, 800, 0.01, 3], "kim": [6, 900, 0.5, 3],
...                "x1": [5, 900, 0.0, 3], "rare": [1, 900, 0.0, 3]})
>>> rows
['ann,0.990,900', 'tom,0.010,800']
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import os
import re
import tempfile
from collections.abc import Mapping
from pathlib import Path

__all__ = ["HEADER", "MIN_COUNT", "MIN_SOURCES", "SHARE", "cache_path", "derive", "table_text",
           "write_table"]  # fmt: skip

PACKAGE = "nomquamgender"
MIN_SOURCES = 3
MIN_COUNT = 100
SHARE = 0.05
HEADER = "name,female_share,count"
_NAME = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")


def derive(data: Mapping[str, list]) -> list[str]:
    """The CSV rows (``name,female_share,count``, sorted by name) of the names of ``data`` (the
    package's table: name to ``[sources, bearers, share of women, ...]``) that the settings keep.

    >>> derive({"lee": [9, 5000, 0.4, 1], "anne-marie": [3, 100, 1.0, 1]})
    ['anne-marie,1.000,100']
    """
    rows = []
    for name, values in data.items():
        try:
            sources, count, share = int(values[0]), int(values[1]), float(values[2])
        except (TypeError, ValueError, IndexError):
            continue
        if not _NAME.fullmatch(name) or sources < MIN_SOURCES or count < MIN_COUNT:
            continue
        if share <= SHARE or share >= 1 - SHARE:
            rows.append(f"{name},{share:.3f},{count}")
    return sorted(rows)


def _source() -> tuple[Path, str] | None:
    """The package's name table and the package's version, or None when it is not installed."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "name_data.json"
    if not path.is_file():
        return None
    try:
        version = importlib.metadata.version(PACKAGE)
    except importlib.metadata.PackageNotFoundError:
        version = "unknown"
    return path, version


def cache_path(version: str) -> Path:
    """Where the derived table of the package's ``version`` is kept (see the module's text).

    >>> cache_path("0.1.4").name
    'given_genders-0.1.4-s3-c100-p0.05.csv'
    """
    root = os.environ.get("NEWSFRAME_CACHE")
    if not root:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        root = os.path.join(base, "newsframe")
    name = f"given_genders-{version}-s{MIN_SOURCES}-c{MIN_COUNT}-p{SHARE}.csv"
    return Path(root) / name


def table_text() -> str:
    """The derived table as CSV text (header first), from the cache when it is there, else
    derived from the installed package (and cached); an empty table (header alone) when the
    package is not installed."""
    found = _source()
    if found is None:
        return HEADER + "\n"
    source, version = found
    cached = cache_path(version)
    try:
        return cached.read_text(encoding="utf-8")
    except OSError:
        pass
    data = json.loads(source.read_text(encoding="utf-8"))
    text = "\n".join([HEADER, *derive(data)]) + "\n"
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=cached.parent, delete=False, suffix=".tmp"
        ) as out:
            out.write(text)
        os.replace(out.name, cached)
    except OSError:
        pass  # no writable cache folder: derived again next time
    return text


def write_table(path: str | Path) -> int:
    """Write the derived table to ``path`` (to extend with names of one's own and pass to
    ``newsframe.entities.given_genders``); the number of names written."""
    text = table_text()
    Path(path).write_text(text, encoding="utf-8")
    return text.count("\n") - 1
