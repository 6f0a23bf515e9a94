"""Reading newsframe's editable data files: the shipped copy in ``newsframe/data`` or a user's own.

Every loader of configuration (boilerplate rules, stopwords, phrases, actors, naming concepts,
reporting verbs, frame dictionaries, sentiment word lists) reads through here, so a missing or
malformed file always gives the same kind of error: an :class:`~newsframe.errors.InputError`
naming the file. The bottom of the package: it imports nothing of newsframe but the errors and
the safe file reader; :mod:`newsframe.resources` loads every file into one object.
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import os
import sys
import tomllib
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from newsframe.errors import InputError
from newsframe.files import max_bytes_limit, read_regular

__all__ = [
    "check_flag",
    "check_number",
    "check_sections",
    "check_strings",
    "check_table",
    "check_text",
    "describe",
    "read_csv_rows",
    "read_lines",
    "read_text",
    "read_toml",
    "read_weights",
    "valence_entry",
]


def read_text(path: str | Path | None, default: str) -> tuple[str, str]:
    """Return ``(text, source)``: the file at ``path``, or the shipped data file ``default``.

    ``source`` names the file for error messages. A user's file is read as the article files are
    (:func:`newsframe.files.read_regular`): only a regular file within the size limit, so a
    named pipe or ``/dev/zero`` given as a story file is one error, not a hang. It must be UTF-8;
    a byte-order mark is dropped and lines ended by a carriage return alone are read as lines,
    as editors on Windows and old Macs save them.

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
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # UTF-32's starts the same
        raise InputError(path, "is saved as UTF-16 or UTF-32; save it as UTF-8")
    try:
        text = data.decode("utf-8-sig")  # a byte-order mark (Windows editors write one) dropped
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 (byte {exc.start})") from None
    if "\r" in text and "\n" not in text:  # lines ended by CR alone (old Mac editors)
        text = text.replace("\r", "\n")
    return text, str(path)


def read_toml(path: str | Path | None, default: str) -> tuple[dict[str, Any], str]:
    """Return ``(table, source)`` for a TOML data file: ``path`` or the shipped ``default``.

    Invalid TOML, tables or arrays nested too deeply for the parser (hundreds of levels; no
    newsframe file nests more than four) and a number of thousands of digits (more than Python
    converts) are one :class:`~newsframe.errors.InputError` naming
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
    except ValueError as exc:  # Python refuses to convert a number of thousands of digits
        if "digits" not in str(exc):
            raise
        raise InputError(
            source, f"invalid TOML: a number of more than {sys.get_int_max_str_digits():,} digits"
        ) from None


def read_csv_rows(
    path: str | Path | None, default: str, *, required: Sequence[str] = ()
) -> tuple[list[dict[str, str]], str]:
    """Return ``(rows, source)`` of a CSV data file; blank lines and ``#`` comment lines are
    skipped. A header without a ``required`` column, or a row with more fields than the header
    has columns, is one :class:`~newsframe.errors.InputError` naming the file (and the row).

    >>> rows, source = read_csv_rows(None, "sentiment_watchlist.csv", required=("word",))
    >>> source, "word" in rows[0]
    ('newsframe/data/sentiment_watchlist.csv', True)
    """
    text, source = read_text(path, default)
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines)
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise InputError(source, f"malformed CSV ({exc})") from None
    columns = [c.strip() for c in reader.fieldnames or []]
    missing = [c for c in required if c not in columns]
    if missing:
        raise InputError(source, f"no column {missing[0]!r} in the header (columns: "
                         f"{', '.join(columns) or 'none'}); write a header line such as "
                         f"{','.join(required)}")  # fmt: skip
    for n, row in enumerate(rows, start=1):
        if None in row:
            raise InputError(source, f"row {n}: more fields than the header's "
                             f"{len(columns)} columns ({', '.join(columns)})")  # fmt: skip
    return rows, source


# --- the entries of a configuration file, checked -----------------------------------------------
# One wording for every loader: the file, the entry (``[actor.kim] aliases``) and the problem.


def describe(value: object) -> str:
    """How ``value`` read from a configuration file is named in an error message.

    >>> describe("Kim"), describe(3), describe([]), describe({"a": 1}), describe(True)
    ("the text 'Kim'", 'the number 3', 'an empty list', 'a table', 'true (a yes/no value)')
    """
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, str):
        return f"the text {value[:60]!r}" + ("..." if len(value) > 60 else "")
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, list):
        return "an empty list" if not value else f"a list of {len(value)}"
    if isinstance(value, dict):
        return "a table"
    return f"a {type(value).__name__}"  # a TOML date or time


def check_table(
    value: object,
    source: str,
    where: str,
    *,
    allowed: Sequence[str] | None,
    required: Sequence[str] = (),
) -> dict[str, Any]:
    """Return ``value``, an entry of a configuration file, after checking it is a table whose keys
    are all ``allowed`` (None: any key) and hold every ``required`` one; else an
    :class:`~newsframe.errors.InputError` naming ``source``, ``where`` and the keys allowed.

    >>> check_table({"name": "Kim"}, "story.toml", "[actor.kim]", allowed=("name", "aliases"))
    {'name': 'Kim'}
    >>> try:
    ...     check_table({"alias": ["Kim"]}, "story.toml", "[actor.kim]", allowed=("name", "aliases"))
    ... except InputError as error:
    ...     print(error)
    story.toml: [actor.kim]: unknown key `alias`; the keys are name, aliases
    """
    if not isinstance(value, dict):
        raise InputError(source, f"{where} must be a table of keys, got {describe(value)}")
    unknown = [key for key in value if key not in allowed] if allowed is not None else []
    if unknown and allowed is not None:
        raise InputError(
            source, f"{where}: unknown key `{unknown[0]}`; the keys are {', '.join(allowed)}"
        )
    for key in required:
        if key not in value:
            raise InputError(source, f"{where} has no `{key}`")
    return value


def check_sections(data: dict[str, Any], source: str, allowed: Sequence[str]) -> dict[str, Any]:
    """Return ``data``, a whole configuration file, after checking it holds only the sections
    ``allowed`` (one :class:`~newsframe.errors.InputError` naming the first other one).

    >>> try:
    ...     check_sections({"actors": {}}, "a.toml", ("actor",))
    ... except InputError as error:
    ...     print(error)
    a.toml: unknown section [actors]; the sections are [actor]
    """
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        sections = ", ".join(f"[{name}]" for name in allowed)
        raise InputError(source, f"unknown section [{unknown[0]}]; the sections are {sections}")
    return data


def check_text(value: object, source: str, where: str, *, empty: bool = False) -> str:
    """Return ``value`` stripped, after checking it is text (non-empty unless ``empty``).

    >>> check_text(" Kim ", "story.toml", "[actor.kim] name")
    'Kim'
    """
    if not isinstance(value, str) or not (empty or value.strip()):
        wanted = "text" if empty else "non-empty text"
        raise InputError(source, f"{where} must be {wanted}, got {describe(value)}{_quote(value)}")
    return value.strip()


def _quote(value: object) -> str:
    """The hint for a number where text is wanted (a year as a group: ``"2016"``)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f'; write it in quotes: "{value}"'
    return ""


def check_strings(value: object, source: str, where: str, *, empty: bool = True) -> tuple[str, ...]:
    """Return ``value`` as a tuple of stripped strings (a repeat kept once), after checking it
    is a list of non-empty strings, and not an empty list unless ``empty``.

    >>> check_strings(["Kim", " Kim Ode ", "Kim"], "story.toml", "[actor.kim] aliases")
    ('Kim', 'Kim Ode')
    >>> try:
    ...     check_strings("Kim", "story.toml", "[actor.kim] aliases")
    ... except InputError as error:
    ...     print(error)
    story.toml: [actor.kim] aliases must be a list of strings, got the text 'Kim'; write ["Kim"]
    """
    if not isinstance(value, list):
        hint = f'; write ["{value}"]' if isinstance(value, str) and '"' not in value else ""
        raise InputError(source, f"{where} must be a list of strings, got {describe(value)}{hint}")
    for n, item in enumerate(value, start=1):
        if not isinstance(item, str) or not item.strip():
            raise InputError(
                source,
                f"{where} must hold non-empty strings; item {n} is {describe(item)}{_quote(item)}",
            )
    if not value and not empty:
        raise InputError(source, f"{where} is an empty list: give at least one")
    return tuple(dict.fromkeys(item.strip() for item in value))


def check_number(
    value: object, source: str, where: str, *, whole: bool = True, low: float = 0
) -> int | float:
    """Return ``value`` after checking it is a number (a whole one if ``whole``) of at least
    ``low``; a yes/no value is not a number.

    >>> check_number(12, "rules.toml", "[[line]] 3 max_words")
    12
    """
    kinds = int if whole else (int, float)
    if isinstance(value, bool) or not isinstance(value, kinds) or not value >= low:
        wanted = "a whole number" if whole else "a number"
        raise InputError(
            source, f"{where} must be {wanted} of at least {low}, got {describe(value)}"
        )
    return value


def check_flag(value: object, source: str, where: str) -> bool:
    """Return ``value`` after checking it is ``true`` or ``false``.

    >>> check_flag(True, "rules.toml", "[[line]] 3 strong")
    True
    """
    if not isinstance(value, bool):
        raise InputError(source, f"{where} must be true or false, got {describe(value)}")
    return value


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


def read_weights(
    text: str, source: str, names: Sequence[str], extra: Sequence[str], see: str
) -> tuple[np.ndarray, np.ndarray, np.ndarray, dict[str, float]]:
    r"""Return the standardised weights of a linear model's CSV file: ``mean``, ``scale`` and
    ``weight`` of every feature of ``names`` (arrays in that order) and the weight of every row
    of ``extra`` (an intercept, a threshold) by name.

    The file has the columns ``feature, mean, scale, weight`` (more are allowed, such as a
    description); lines starting with ``#`` are comments. A number that does not parse, a scale
    that is not positive, an unknown or a missing feature is one :class:`InputError` naming
    ``source`` (``see`` tells where the features are listed). Read by the shipped models of
    :mod:`newsframe.framing.speaker_model` and :mod:`newsframe.discovery`.

    >>> text = "# a model\nfeature,mean,scale,weight\nlength,2,0.5,1.5\n(intercept),0,1,-1"
    >>> mean, scale, weight, other = read_weights(text, "m.csv", ["length"], ["(intercept)"], "")
    >>> mean.tolist(), scale.tolist(), weight.tolist(), other
    ([2.0], [0.5], [1.5], {'(intercept)': -1.0})
    """
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    rows = list(csv.DictReader(io.StringIO("\n".join(lines))))
    if not rows or not {"feature", "mean", "scale", "weight"} <= set(rows[0]):
        raise InputError(source, "needs the columns feature, mean, scale, weight")
    table: dict[str, tuple[float, float, float]] = {}
    for row in rows:
        try:
            values = (float(row["mean"]), float(row["scale"]), float(row["weight"]))
        except (TypeError, ValueError):
            raise InputError(
                source, f"feature {row['feature']!r}: a number does not parse"
            ) from None
        if not all(math.isfinite(v) for v in values) or values[1] <= 0:
            raise InputError(source, f"feature {row['feature']!r}: scale must be positive")
        table[row["feature"]] = values
    unknown = sorted(set(table) - set(names) - set(extra))
    missing = [n for n in (*names, *extra) if n not in table]
    if unknown or missing:
        problem = [f"unknown features {unknown}"] if unknown else []
        problem += [f"missing features {missing}"] if missing else []
        raise InputError(source, ", ".join(problem) + (f" (see {see})" if see else ""))
    mean, scale, weight = (np.array([table[n][k] for n in names]) for k in range(3))
    return mean, scale, weight, {n: table[n][2] for n in extra}
