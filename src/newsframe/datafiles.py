"""Reading newsframe's editable data files: the shipped copy in ``newsframe/data`` or a user's own.

Every loader of configuration (boilerplate rules, stopwords, phrases, actors, naming concepts,
reporting verbs, frame dictionaries, sentiment word lists) reads through here, so a missing or
malformed file always gives the same kind of error: an :class:`~newsframe.errors.InputError`
naming the file. The bottom of the package: it imports nothing of newsframe but the errors and
the safe file reader; :mod:`newsframe.resources` loads every file into one object.
"""

from __future__ import annotations

import csv
import os
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from newsframe.errors import InputError
from newsframe.files import max_bytes_limit, read_regular

__all__ = ["read_csv_rows", "read_lines", "read_text", "read_toml", "valence_entry"]


def read_text(path: str | Path | None, default: str) -> tuple[str, str]:
    """Return ``(text, source)``: the file at ``path``, or the shipped data file ``default``.

    ``source`` names the file for error messages. A user's file is read as the article files are
    (:func:`newsframe.files.read_regular`): only a regular file within the size limit, so a
    named pipe or ``/dev/zero`` given as a story file is one error, not a hang.

    >>> text, source = read_text(None, "phrases.txt")
    >>> source, "peace treaty" in text
    ('newsframe/data/phrases.txt', True)
    """
    if path is None:
        return resources.files("newsframe.data").joinpath(default).read_text("utf-8"), (
            f"newsframe/data/{default}"
        )
    if not os.path.lexists(path):
        raise InputError(path, "cannot read file (No such file or directory)")
    data = read_regular(path, max_bytes_limit())
    try:
        return data.decode("utf-8"), str(path)
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 (byte {exc.start})") from None


def read_toml(path: str | Path | None, default: str) -> tuple[dict[str, Any], str]:
    """Return ``(table, source)`` for a TOML data file: ``path`` or the shipped ``default``.

    Invalid TOML, and tables or arrays nested too deeply for the parser (hundreds of levels; no
    newsframe file nests more than four), are one :class:`~newsframe.errors.InputError` naming
    the file.
    """
    text, source = read_text(path, default)
    try:
        return tomllib.loads(text), source
    except tomllib.TOMLDecodeError as exc:
        raise InputError(source, f"invalid TOML: {exc}") from None
    except RecursionError:
        raise InputError(
            source, "invalid TOML: arrays or tables nested too deeply to read"
        ) from None


def read_csv_rows(path: str | Path | None, default: str) -> tuple[list[dict[str, str]], str]:
    """Return ``(rows, source)`` of a CSV data file; blank lines and ``#`` comment lines are skipped."""
    text, source = read_text(path, default)
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines)), source


def valence_entry(word: object, valence: object, source: str, where: str) -> tuple[str, float]:
    """Return ``(word, valence)`` of one sentiment-domain entry, or an :class:`InputError` naming
    ``source`` and ``where``: the word one lowercase token (as VADER looks it up), the valence a
    number on VADER's scale, -4..4 (0 removes the word from the lexicon).

    >>> valence_entry("peace", "0", "story.toml", "[sentiment.domain]")
    ('peace', 0.0)
    """
    word = str(word or "").strip()
    if not word or word != word.lower() or any(ch.isspace() for ch in word):
        raise InputError(source, f"{where}: word {word!r} must be one lowercase token")
    try:
        value = float(valence if not isinstance(valence, bool) else "x")  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise InputError(source, f"{where}: valence of {word!r} is not a number") from None
    if not -4.0 <= value <= 4.0:
        raise InputError(source, f"{where}: valence of {word!r} must lie in -4..4")
    return word, value


def read_lines(path: str | Path | None, default: str) -> list[str]:
    """Return the non-empty lines of a list file, with ``#`` comments removed.

    >>> "the" in read_lines(None, "stopwords_en.txt")
    True
    """
    text, _ = read_text(path, default)
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [line for line in lines if line]
