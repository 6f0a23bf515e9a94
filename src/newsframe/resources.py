"""Reading newsframe's editable data files: the shipped copy in ``newsframe/data`` or a user's own.

Every loader of configuration (boilerplate rules, stopwords, phrases, actors, naming concepts,
reporting verbs, frame dictionaries, sentiment word lists) reads through here, so a missing or
malformed file always gives the same kind of error: an :class:`~newsframe.errors.InputError`
naming the file.
"""

from __future__ import annotations

import csv
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from newsframe.errors import InputError

__all__ = ["read_csv_rows", "read_lines", "read_text", "read_toml"]


def read_text(path: str | Path | None, default: str) -> tuple[str, str]:
    """Return ``(text, source)``: the file at ``path``, or the shipped data file ``default``.

    ``source`` names the file for error messages.

    >>> text, source = read_text(None, "phrases.txt")
    >>> source, "Kuril Islands" in text
    ('newsframe/data/phrases.txt', True)
    """
    if path is None:
        return resources.files("newsframe.data").joinpath(default).read_text("utf-8"), (
            f"newsframe/data/{default}"
        )
    try:
        return Path(path).read_text(encoding="utf-8"), str(path)
    except OSError as exc:
        raise InputError(path, f"cannot read file ({exc.strerror})") from None
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 (byte {exc.start})") from None


def read_toml(path: str | Path | None, default: str) -> tuple[dict[str, Any], str]:
    """Return ``(table, source)`` for a TOML data file: ``path`` or the shipped ``default``."""
    text, source = read_text(path, default)
    try:
        return tomllib.loads(text), source
    except tomllib.TOMLDecodeError as exc:
        raise InputError(source, f"invalid TOML: {exc}") from None


def read_csv_rows(path: str | Path | None, default: str) -> tuple[list[dict[str, str]], str]:
    """Return ``(rows, source)`` of a CSV data file; blank lines and ``#`` comment lines are skipped."""
    text, source = read_text(path, default)
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines)), source


def read_lines(path: str | Path | None, default: str) -> list[str]:
    """Return the non-empty lines of a list file, with ``#`` comments removed.

    >>> "the" in read_lines(None, "stopwords_en.txt")
    True
    """
    text, _ = read_text(path, default)
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [line for line in lines if line]
