"""Article tables: text tables (CSV, Parquet, JSON Lines) and news-please output, row by row.

Researchers often hold a corpus as a table with one article per row and the text in a column,
exported from a crawler, a news archive or a database. This module reads such a table lazily,
one row at a time (a Parquet file batch by batch with pyarrow's ``iter_batches``, a CSV file in
chunks with pandas, JSON Lines line by line), and turns each row into the fields of an article:
its id, headline, text and metadata, with the publication date parsed and written as ISO 8601.
:func:`newsframe.load_corpus` (the only caller) builds the articles; a row that cannot be an
article raises :class:`RowProblem`, which the caller reports naming the file and the row.

Columns are found by name (:class:`Columns`): the text in ``text`` (or the column the user
names), the headline in ``title``/``headline``, the date in ``published``/``date``/
``date_publish``, the outlet in ``outlet``/``source``/``source_domain``, the link in
``url``/``link`` and the id in ``article_id``/``id``; every other column is kept as metadata
(``group`` among them). news-please's JSON output (Hamborg et al. 2017: ``maintext``,
``title``, ``date_publish``, ``source_domain``, ``url``, ``authors``) is recognised by its
``maintext`` field and read with :data:`NEWSPLEASE` (the id is the stem of its ``filename``).
"""

from __future__ import annotations

import csv
import email.utils
import json
import math
import re
import sys
import warnings
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from newsframe.errors import InputError
from newsframe.files import binary_kind, first_bad_utf8

__all__ = [
    "NEWSPLEASE",
    "TABLE_SUFFIXES",
    "Columns",
    "RowProblem",
    "parse_published",
    "row_fields",
    "row_id",
    "table_columns",
    "table_rows",
]

#: File name endings read as article tables (``.json``: one news-please article per file).
TABLE_SUFFIXES = (".csv", ".parquet", ".pq", ".jsonl", ".ndjson", ".json")
#: Rows read at a time from a Parquet or CSV file.
BATCH_ROWS = 1_000


class RowProblem(ValueError):
    """Why one row of a table cannot be an article (no text, text not a string, a bad date)."""


@dataclass(frozen=True)
class Columns:
    """Which column holds what: ``text`` one name, every other field the first name present.

    >>> Columns(text="body").text, Columns().published
    ('body', ('published', 'date', 'date_publish'))
    """

    text: str = "text"
    article_id: tuple[str, ...] = ("article_id", "id")
    title: tuple[str, ...] = ("title", "headline")
    published: tuple[str, ...] = ("published", "date", "date_publish")
    outlet: tuple[str, ...] = ("outlet", "source", "source_domain")
    url: tuple[str, ...] = ("url", "link")


#: news-please's fields (its article JSON, one file per article or one per line).
NEWSPLEASE = Columns(
    text="maintext",
    article_id=("filename",),
    published=("date_publish",),
    outlet=("source_domain",),
    url=("url",),
)


def _missing(value: Any) -> bool:
    """None, NaN or NaT (a value not equal to itself), or a string of white space."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, tuple, dict)):
        return False
    try:
        return bool(value != value)
    except (TypeError, ValueError):
        return False


def _iso(value: datetime | date) -> str:
    """ISO 8601; a midnight without a timezone is the date alone (``2024-01-08``)."""
    if isinstance(value, datetime):
        if value.tzinfo is None and value.time() == datetime.min.time():
            return value.date().isoformat()
        return value.isoformat()
    return value.isoformat()


_MONTH = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\b")
_YEAR = re.compile(r"\b\d{4}\b")
_SURROGATE = re.compile("[\ud800-\udfff]")


#: What spreadsheets, pandas and databases write for a missing value when they export it as text.
_MISSING_WORDS = frozenset(
    {"nan", "NaN", "NAN", "NaT", "null", "NULL", "Null", "None", "none", "N/A", "n/a", "NA",
     "#N/A", "<NA>", "nil"}
)  # fmt: skip


def _missing_word(text: str) -> str:
    """The hint for a cell holding a missing-value marker as text (``"NaN"``), else ``""``."""
    return (
        " (a missing value written as text? leave the cell empty)" if text in _MISSING_WORDS else ""
    )


def parse_published(value: Any) -> str:
    """Return a publication date as ISO 8601 text (``""`` when there is none).

    Accepted: a date or timestamp (a Parquet timestamp column), ISO 8601 text
    (``2024-01-08``, ``2024-01-08 09:30:00``, ``2024-01-08T09:30:00+01:00``, ``...Z``), RFC 2822
    text from RSS feeds (``Mon, 08 Jan 2024 09:30:00 GMT``) and dates with the month named
    (``8 January 2024``, ``Jan 8, 2024``). A timezone given is kept; a midnight without one is
    written as the date alone. Numeric dates such as ``08/01/2024`` are refused (day or month
    first?), as are words like ``yesterday`` and dates outside 1677-09-22 to 2262-04-10 (no
    period holds them; a ``9999-12-31`` placeholder): :class:`RowProblem` says so. Manifests
    and article tables both read their dates with this function, so a date refused in one is
    refused in the other. Future dates and old ones within that span are kept as given.

    >>> parse_published("2024-01-08 09:30:00"), parse_published("Mon, 08 Jan 2024 09:30:00 +0100")
    ('2024-01-08T09:30:00', '2024-01-08T09:30:00+01:00')
    >>> parse_published("8 January 2024"), parse_published(None)
    ('2024-01-08', '')
    """
    if _missing(value):
        return ""
    if isinstance(value, (datetime, date)):
        return _in_range(value, str(value))
    if not isinstance(value, str):
        raise RowProblem(f"date is not text or a timestamp (got {type(value).__name__} {value!r})")
    text = value.strip()
    parsed = _parsed(text)
    if parsed is not None:
        return _in_range(parsed, text)
    raise RowProblem(
        f"date {text[:80]!r} does not parse (write it as ISO 8601, e.g. 2024-01-08 or "
        f"2024-01-08T09:30:00+01:00){_missing_word(text)}"
    )


def _parsed(text: str) -> datetime | None:
    """``text`` read as ISO 8601, RFC 2822 or a date with its month named; None if none fits."""
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        pass
    if _MONTH.search(text) and _YEAR.search(text) and len(text) <= 64:
        import pandas as pd

        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                return pd.Timestamp(text).to_pydatetime()
        except (TypeError, ValueError, OverflowError, Warning):
            pass
    return None


#: The first and last days that can be put in periods (pandas' nanosecond timestamps).
FIRST_DATE, LAST_DATE = date(1677, 9, 22), date(2262, 4, 10)


def _in_range(value: datetime | date, text: str) -> str:
    """``value`` as ISO 8601 (:func:`_iso`), or :class:`RowProblem` for a date outside
    :data:`FIRST_DATE` .. :data:`LAST_DATE` (a database's ``9999-12-31`` placeholder), which no
    period can hold."""
    day = value.date() if isinstance(value, datetime) else value
    if not FIRST_DATE <= day <= LAST_DATE:
        raise RowProblem(
            f"date {text[:80]!r} is outside the dates that can be put in periods ({FIRST_DATE} "
            f"to {LAST_DATE}); a placeholder? leave the date empty"
        )
    return _iso(value)


def float_text(value: float) -> str:
    """Return a number read as a float as metadata text: a whole number without its ``.0``
    (a year or an id from a column pandas read as floats), any other as ``repr`` writes it.

    >>> float_text(2016.0), float_text(0.5), float_text(float("inf"))
    ('2016', '0.5', 'inf')
    """
    return str(int(value)) if value.is_integer() and math.isfinite(value) else repr(value)


def _as_text(value: Any) -> str:
    """A metadata value as text: lists joined with ``; ``, dates in ISO 8601, ``""`` for none."""
    if _missing(value):
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        return float_text(value)
    if isinstance(value, (datetime, date)):
        return _iso(value)
    if isinstance(value, (list, tuple)):
        return "; ".join(t for t in map(_as_text, value) if t)
    if isinstance(value, dict):
        return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return str(value)


def _first(record: dict[str, Any], names: tuple[str, ...]) -> tuple[str | None, Any]:
    for name in names:
        if name in record:
            return name, record[name]
    return None, None


def row_fields(
    record: Any, columns: Columns, *, max_chars: int | None = None
) -> tuple[str, str, str, dict[str, str]]:
    """Return ``(article_id, title, text, metadata)`` of one table row (a dict of columns).

    ``article_id`` is ``""`` when the row has none (the caller numbers it); ``metadata`` holds
    ``published`` (ISO 8601, :func:`parse_published`), ``outlet``, ``url`` and every other
    column that has a value, as text. Raises :class:`RowProblem` for a row without text, a text
    that is not a string, has no letters or is over ``max_chars`` characters, or a date that
    does not parse.

    >>> row_fields({"text": "Dam opens.", "date": "2024-01-08", "group": "a"}, Columns())
    ('', '', 'Dam opens.', {'published': '2024-01-08', 'group': 'a'})
    """
    if isinstance(record, RowProblem):
        raise record
    if not isinstance(record, dict):
        raise RowProblem(f"not a record of named fields (got {type(record).__name__})")
    text = record.get(columns.text)
    if _missing(text):
        raise RowProblem(f"no text (column {columns.text!r} is empty or missing)")
    if not isinstance(text, str):
        hint = (
            "join the paragraphs into one text (blank lines between them)"
            if isinstance(text, (list, tuple)) and all(isinstance(t, str) for t in text)
            else f"is {columns.text!r} the column of article texts? name it with --text-column"
        )
        raise RowProblem(f"text is not a string (got {type(text).__name__} {_short(text)}); {hint}")
    if text.strip() in _MISSING_WORDS:  # an export's NaN or NULL, not an article of one word
        raise RowProblem(
            f"no text (column {columns.text!r} holds {text.strip()!r}, a missing value written as "
            "text)"
        )
    for key, value in record.items():  # JSON may escape half a character ("\ud800")
        if isinstance(value, str) and not value.isascii() and _SURROGATE.search(value):
            at = _SURROGATE.search(value).start()
            raise RowProblem(f"field {key!r} holds a lone surrogate escape at character {at + 1}")
    if max_chars is not None and len(text) > max_chars:
        raise RowProblem(f"text is too long ({len(text):,} characters; the limit is {max_chars:,})")
    if not any(ch.isalpha() for ch in text):
        number = re.fullmatch(r"\s*[-+]?[\d.,]+\s*", text) is not None and len(text) <= 40
        raise RowProblem(
            "no words in the text (only punctuation, digits or symbols)"
            + (f"; {columns.text!r} holds a number ({text.strip()}): is it the column of "
               "article texts? name it with --text-column" if number else "")
        )  # fmt: skip
    used = {columns.text}
    id_name, _ = _first(record, columns.article_id)
    title_name, title = _first(record, columns.title)
    date_name, published = _first(record, columns.published)
    meta = {"published": parse_published(published)}
    for key, names in (("outlet", columns.outlet), ("url", columns.url)):
        name, value = _first(record, names)
        meta[key] = _as_text(value)
        used.add(name)
    used.update((id_name, title_name, date_name))
    for key, value in record.items():
        if key not in used and key not in meta:
            meta[str(key)] = _as_text(value)
    meta = {k: v for k, v in meta.items() if v != ""}
    return row_id(record, columns), _as_text(title), text, meta


def row_id(record: Any, columns: Columns) -> str:
    """The id a row gives itself (``""`` if none), even when the row is otherwise unusable.

    >>> row_id({"article_id": 7, "text": None}, Columns())
    '7'
    """
    if not isinstance(record, dict):
        return ""
    article_id = _as_text(_first(record, columns.article_id)[1])
    if columns.article_id == ("filename",) and article_id.endswith(".json"):
        return Path(article_id).stem
    return article_id


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def table_columns(path: Path) -> list[str]:
    """Return the column names of a CSV or Parquet table (the header, read alone).

    Raises :class:`~newsframe.errors.InputError` naming the file when it cannot be read or a
    CSV header repeats a name.
    """
    if path.suffix.lower() in (".parquet", ".pq"):
        return _distinct(path, list(_parquet(path).schema_arrow.names), "")
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            header = next(csv.reader(handle), [])
    except UnicodeDecodeError:
        raise _not_utf8(path) from None
    except csv.Error as exc:
        raise InputError(path, f"line 1: malformed CSV header ({exc})") from None
    except OSError as exc:  # permission denied, a folder, gone meanwhile
        raise InputError(path, f"cannot read file ({exc.strerror or exc})") from None
    return _distinct(path, [c.strip() for c in header], "line 1: ")


def _not_utf8(path: Path) -> InputError:
    """The error for a table that is not UTF-8, saying what it is instead: a workbook or another
    binary format (by its leading bytes), UTF-16 text (by its byte-order mark), or else the
    line, column and byte where UTF-8 stops (a reader decodes ahead of the row it parses, so
    its own position would point at the wrong line)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
        where = first_bad_utf8(path)
    except OSError as exc:
        return InputError(path, f"cannot read file ({exc.strerror or exc})")
    kind = binary_kind(head)
    if kind is not None:
        return InputError(path, f"is {kind}, not a table of texts: save it as CSV UTF-8, "
                          "Parquet or JSON Lines")  # fmt: skip
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-32's marks start the same
        return InputError(path, 'is saved as UTF-16 or UTF-32 ("Unicode text"); save it as UTF-8')
    if where is None:
        return InputError(path, "not UTF-8 (save it as UTF-8)")
    line, column, byte = where
    return InputError(path, f"line {line}: not UTF-8 (byte 0x{byte:02x} at column {column}); "
                      "save it as UTF-8")  # fmt: skip


def _distinct(path: Path, names: list[str], where: str) -> list[str]:
    """``names``, or an error naming the columns that repeat (a row would keep only one)."""
    dupes = sorted(c for c, n in Counter(names).items() if c and n > 1)  # linear in the columns
    if dupes:
        raise InputError(path, f"{where}duplicate column name(s) {', '.join(dupes)}")
    return names


def _one_line(exc: BaseException) -> str:
    """A library's error message on one line (Arrow's end with a line break)."""
    return " ".join(str(exc).split()) or type(exc).__name__


def _parquet(path: Path) -> Any:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        open(path, "rb").close()  # can it be read at all? (Arrow words the error oddly)
    except OSError as exc:
        raise InputError(path, f"cannot read file ({exc.strerror or exc})") from None
    try:
        return pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as exc:
        raise InputError(path, f"not a readable Parquet file ({_one_line(exc)})") from None


def table_rows(
    path: Path, *, text_column: str = "text", batch_rows: int = BATCH_ROWS
) -> tuple[Columns, Iterator[tuple[int, Any]]]:
    """Return the columns to read ``path`` with and its rows, ``(row number, record)``, lazily.

    Row numbers count from 1: data rows of a CSV (after the header), rows of a Parquet file,
    lines of a JSON Lines file (blank lines skipped but counted), 1 for a one-article ``.json``.
    A Parquet file is read ``batch_rows`` rows at a time (``ParquetFile.iter_batches``), a CSV
    file in chunks of ``batch_rows`` (``pandas.read_csv(chunksize=)``): only one batch is in
    memory at once. A JSON line that does not parse is yielded as a :class:`RowProblem` for the
    caller to report. A record set whose first record has news-please's ``maintext`` and no
    value in ``text_column`` is read with :data:`NEWSPLEASE`. Raises
    :class:`~newsframe.errors.InputError` naming the file when a table has no ``text_column``.
    """
    suffix = path.suffix.lower()
    columns = Columns(text=text_column)
    for role, names in (("ids", columns.article_id), ("dates", columns.published), ("links", columns.url)):  # fmt: skip
        if text_column in names:  # each row's "text" would be its id, date or link
            raise InputError(
                path, f"--text-column {text_column!r} names the column of {role}; name the "
                "column that holds the articles' texts"
            )  # fmt: skip
    if suffix in (".parquet", ".pq"):
        names = table_columns(path)
        _require(path, text_column, names)
        return columns, _parquet_rows(path, batch_rows)
    if suffix == ".csv":
        names = table_columns(path)
        _require(path, text_column, names)
        return columns, _csv_rows(path, batch_rows)
    rows = _json_rows(path) if suffix == ".json" else _jsonl_rows(path)
    first = next(rows, None)
    if first is None:
        raise InputError(path, "no articles: the file holds no records")
    record = first[1]
    if _news_please(record) and _missing(record.get(text_column)):
        columns = replace(NEWSPLEASE)  # its text is "maintext" (missing or null: a bad row)
    elif isinstance(record, dict) and text_column not in record:
        fields = ", ".join(map(str, list(record)[:12]))
        raise InputError(
            path,
            f"no {text_column!r} field in the first record (fields: {fields}); name the text "
            "field with --text-column (text_column=)",
        )

    def chained() -> Iterator[tuple[int, Any]]:
        yield first
        yield from rows

    return columns, chained()


#: Fields only news-please writes: a record with two of them is news-please's, even when its
#: ``maintext`` is missing.
_NEWS_PLEASE_ONLY = frozenset(
    ("date_download", "date_modify", "date_publish", "localpath", "source_domain", "title_page",
     "title_rss", "image_url")
)  # fmt: skip


def _news_please(record: Any) -> bool:
    """Whether ``record`` is a news-please article (``maintext``, or two of its own fields)."""
    if not isinstance(record, dict):
        return False
    return "maintext" in record or len(_NEWS_PLEASE_ONLY.intersection(record)) >= 2


def _require(path: Path, text_column: str, names: list[str]) -> None:
    if text_column not in names:
        raise InputError(
            path,
            f"no column {text_column!r} (columns: {', '.join(names[:12]) or 'none'}); name the "
            "text column with --text-column (text_column=), or give a manifest a 'file' column",
        )


def _parquet_rows(path: Path, batch_rows: int) -> Iterator[tuple[int, Any]]:
    import pyarrow as pa

    n = 0
    try:
        for batch in _parquet(path).iter_batches(batch_size=batch_rows):
            for record in batch.to_pylist():
                n += 1
                yield n, record
    except (pa.ArrowException, OSError) as exc:
        raise InputError(
            path, f"row {n + 1}: cannot read the Parquet file ({_one_line(exc)})"
        ) from None


def _csv_rows(path: Path, batch_rows: int) -> Iterator[tuple[int, Any]]:
    import pandas as pd

    n = 0
    try:
        with pd.read_csv(
            path, dtype=str, keep_default_na=False, chunksize=batch_rows, encoding="utf-8-sig"
        ) as chunks:
            for chunk in chunks:
                chunk.columns = [
                    str(c).strip() for c in chunk.columns
                ]  # as table_columns reads them
                for record in chunk.to_dict("records"):
                    n += 1
                    yield n, record
    except UnicodeDecodeError:
        raise _not_utf8(path) from None
    except (pd.errors.ParserError, ValueError) as exc:
        message = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        ragged = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", message)
        if ragged:  # as a manifest says it (the line counts the header)
            wanted, line, saw = ragged.groups()
            raise InputError(path, f"line {line}: {saw} fields but the header has {wanted} "
                             "columns (a comma in an unquoted text?)") from None  # fmt: skip
        raise InputError(path, f"malformed CSV after row {n} ({message})") from None


def _jsonl_rows(path: Path) -> Iterator[tuple[int, Any]]:
    try:
        handle = open(path, encoding="utf-8-sig")  # noqa: SIM115 (closed below)
    except OSError as exc:
        raise InputError(path, f"cannot read file ({exc.strerror})") from None
    with handle:
        try:
            for n, line in enumerate(handle, start=1):
                if line.strip():
                    yield n, _json_record(line)
        except UnicodeDecodeError:
            raise _not_utf8(path) from None


class _Repeated(dict):
    """A JSON object in which a key repeats (``key``: its path, e.g. ``"authors"``, ``"meta.a"``);
    json would keep the last value silently."""

    key = ""


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """``object_pairs_hook`` of the JSON reader: the object, marked when a key repeats in it or in
    an object it holds (checked once per object and list: linear in the record)."""
    record = dict(pairs)
    key = ""
    if len(record) != len(pairs):
        seen: set[str] = set()
        key = next(k for k, _ in pairs if k in seen or seen.add(k))  # type: ignore[func-returns-value]
    else:
        for name, value in pairs:
            inner = value
            if isinstance(value, list):  # a list of objects (news-please: none; others: some)
                inner = next((v for v in value if isinstance(v, _Repeated)), None)
            if isinstance(inner, _Repeated):
                key = f"{name}.{inner.key}"
                break
    if not key:
        return record
    marked = _Repeated(record)
    marked.key = key
    return marked


def _json_record(text: str) -> Any:
    """One JSON value, or the :class:`RowProblem` that says why it cannot be read (invalid JSON,
    nested too deeply, a number of more digits than Python converts, a key given twice in one
    object).

    >>> str(_json_record('{"date": ' + "9" * 5000 + "}"))
    'not readable JSON (a number of more than 4,300 digits)'
    """
    try:
        record = json.loads(text, object_pairs_hook=_pairs)
    except json.JSONDecodeError as exc:
        return RowProblem(f"not valid JSON ({exc.msg} at column {exc.colno})")
    except RecursionError:
        return RowProblem("not valid JSON (nested too deeply)")
    except ValueError:  # an integer longer than sys.get_int_max_str_digits()
        return RowProblem(
            f"not readable JSON (a number of more than {sys.get_int_max_str_digits():,} digits)"
        )
    return _repeated(record)


def _repeated(record: Any) -> Any:
    """``record``, or a :class:`RowProblem` when a key repeats in it."""
    if isinstance(record, _Repeated):
        return RowProblem(
            f"key {record.key!r} appears twice in the record (which value is meant?); "
            "keep one of them"
        )
    return record


def _json_rows(path: Path) -> Iterator[tuple[int, Any]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise _not_utf8(path) from None
    except OSError as exc:
        raise InputError(path, f"cannot read file ({exc.strerror})") from None
    record = _json_record(text)
    if isinstance(record, RowProblem):
        raise InputError(path, str(record))
    records = record if isinstance(record, list) else [record]
    yield from enumerate(map(_repeated, records), start=1)
